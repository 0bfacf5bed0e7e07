"""What the export takes from the main window: the run's model and parameters, the least-squares answer, the loss
history and the validation readings as the window shows them, ready for export.writing's render_figure and
write_figure.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from PySide6.QtGui import QImage

from thermogui.core.history import EPOCH, LOSS
from thermogui.ui.export.caption import run_metadata
from thermogui.ui.export.options import ExportOptions
from thermogui.ui.export.writing import render_figure, write_figure


def window_inputs(window) -> dict:
    """What a MainWindow shows, as keyword arguments for render_figure / write_figure: the run's model and its
    parameters in raw units (the finished run's, the latest epoch's while running, or the start values before a
    run), the exact least-squares answer (for a network the least-squares line, for comparison), the loss history and
    the validation readings as the window draws them."""
    from thermogui.core.analysis import metrics, start_params_raw, validation_mask
    from thermogui.core.models import is_linear, model_of
    from thermogui.core.problem import least_squares_line, least_squares_params

    state = window.run_state
    data = state.dataset
    t_u, t_c = data.active()
    run = state.last_run
    # the settings of the run that drew the curve, not whatever the controls say since
    config = run.config if run is not None else state.committed_config()
    model = model_of(config)
    P = model.size
    rows = np.array(run.history.snapshot()) if run is not None and run.history is not None else np.empty((0, 3 + 3 * P))
    outcome = run.outcome if run is not None else None
    if outcome is not None:
        params = tuple(float(v) for v in outcome.params)
    elif len(rows):  # running: the latest epoch's parameters
        params = tuple(float(v) for v in rows[-1, 3 + P : 3 + 2 * P])
    elif run is not None and len(window.fit_plot.line()) == P:  # a result restored from a session: as shown
        params = tuple(float(v) for v in window.fit_plot.line())
    else:
        params = tuple(float(v) for v in start_params_raw(config, data))
    if model.name == "line":  # (the line's reference as it always was)
        ls = least_squares_line(config, data)
        lstsq, ls_loss = ((ls.w, ls.b), ls.loss) if ls is not None else (None, None)
    else:  # the model's exact answer; for a network (none) the least-squares line, for comparison
        got = least_squares_params(config if is_linear(model) else config.with_(model="line"), data)
        lstsq, ls_loss = (tuple(float(v) for v in got[1]), float(got[2])) if got is not None else (None, None)
    if outcome is not None:
        epochs, stop = outcome.epochs_run, outcome.stop_reason.value
        loss = outcome.final_loss if math.isfinite(outcome.final_loss) else outcome.loss
    elif len(rows):
        epochs, stop, loss = int(rows[-1, EPOCH]), "running", float(rows[-1, LOSS])
    else:
        epochs, stop = 0, None
        loss = math.nan
        if len(t_u) and all(math.isfinite(v) for v in params):
            if model.name == "line":
                loss = metrics(t_u, t_c, *params).rmse ** 2
            else:
                with np.errstate(all="ignore"):
                    loss = float(np.mean((np.asarray(model.predict(t_u, np.asarray(params)), float) - t_c) ** 2))
    line = params
    if not all(math.isfinite(v) for v in line):
        line = line if outcome is not None else None
    val = window.fit_plot.validation()  # drawn hollow as in the window: the marked readings or the seeded share
    if len(val) != len(data):
        val = validation_mask(config, data)
    return {
        "data": data,
        "line": line,
        "lstsq": lstsq,
        "loss_rows": rows if len(rows) else None,
        "metadata": run_metadata(config, line, lstsq, epochs, loss, stop, ls_loss),
        "model": model,
        "val": val,
    }


def export_from_window(window, options: ExportOptions, path) -> None:
    """Write the window's plot to `path` (PNG or SVG per options.format); OSError/ValueError on failure."""
    write_figure(options, path, **window_inputs(window))


def window_image(window, options: ExportOptions) -> QImage:
    inputs = window_inputs(window)
    return render_figure(replace(options, format="png"), **inputs)
