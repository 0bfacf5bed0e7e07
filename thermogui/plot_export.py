"""`thermogui fit --plot OUT.png|OUT.svg`: the GUI's export picture, written without a window or a display."""

from __future__ import annotations

import math
import os
import sys

_app = None  # the QApplication created here, kept alive for the rest of the process


def ensure_qt_app():
    """A QApplication to render with; offscreen when there is no display to talk to."""
    global _app
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = _app = QApplication(sys.argv[:1])
    elif not isinstance(app, QApplication):
        raise RuntimeError("rendering a plot needs a QApplication, but a QGuiApplication is running")
    return app


# The loss curve of a picture is drawn from at most export.options.MAX_LOSS_ROWS (4,000) rows; a History capped at
# twice that keeps between 4,096 and 8,192 evenly spread epochs (about 0.6 MB) however long the run.
PLOT_HISTORY_ROWS = 8192


def plot_history(epochs: int, n_params: int = 2):
    """A bounded record of a run for its picture: the window's self-thinning History, capped at PLOT_HISTORY_ROWS,
    with the columns of a model of `n_params` parameters (the model's `size`; 2: the line)."""
    from thermogui.core.history import History

    return History(expected_epochs=min(int(epochs), PLOT_HISTORY_ROWS), max_rows=PLOT_HISTORY_ROWS, n_params=n_params)


def plot_options(path, dpi: int = 600, what: str = "fit"):
    """The picture `path` (.png at `dpi`, or .svg) will be, checked before any training: ValueError says why not
    (the extension, the resolution), or OSError (export.options.ExportError: its folder is missing, or a file).

    The picture is 6.4 × 4.8 in (12.8 in wide for what="both"); a PNG at that size has a highest resolution
    (export.options.dpi_range), an SVG does not (its pixels are only units)."""
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in (".png", ".svg"):
        raise ValueError("use .png or .svg")
    from thermogui.ui.export.options import ExportOptions
    from thermogui.ui.export.writing import check_target

    width = 12.8 if what == "both" else ExportOptions.width
    options = ExportOptions(what=what, format=ext[1:], dpi=dpi, width=width).validated()
    check_target(path)
    return options


def history_rows(history):
    """The rows a picture's loss plot draws: at most export.options.MAX_LOSS_ROWS, evenly spread, ending with the
    run's last epoch; None when nothing was recorded.  `history` is a core History."""
    import numpy as np

    from thermogui.core.history import EPOCH
    from thermogui.ui.export.options import MAX_LOSS_ROWS

    if history is None or len(history) == 0:
        return None
    rows = history.decimated(MAX_LOSS_ROWS - 2)  # (decimated may add the last row; latest may add one more)
    latest = history.latest
    if latest is not None and rows[-1, EPOCH] != latest.epoch:  # thinned: the last epoch may be between kept rows
        rows = np.vstack([rows, np.asarray(latest, dtype=float).reshape(1, rows.shape[1])])
    return rows


def export_plot_headless(path, data, config, outcome, history, dpi: int = 600, what: str = "fit") -> None:
    """Write the fitted plot of a finished run to `path` (.png at `dpi`, or .svg), 6.4 × 4.8 in.

    `history` is the run's record (plot_history(), needed only for the loss plot; None is fine for the fit plot).
    Raises ValueError for an unknown extension or size, OSError (with a plain reason) when the file cannot be
    written; an existing file is then kept.
    """
    from thermogui.core.analysis import least_squares, reference
    from thermogui.core.models import model_of

    options = plot_options(path, dpi, what)
    ensure_qt_app()
    from thermogui.ui.export.caption import run_metadata
    from thermogui.ui.export.writing import write_figure

    model = model_of(config)
    line = tuple(outcome.params)  # the model's parameters in raw units
    if tuple(model.params) == ("w", "b"):  # the line, as it always was: least squares on every included reading
        ls = least_squares(*data.active())
        lstsq, ls_loss = (ls.w, ls.b), ls.loss
    else:  # the model's own exact answer on the training readings (none for a network)
        ref = reference(config, data)
        lstsq, ls_loss = (ref.params_raw, ref.loss) if ref is not None else (None, None)
    loss = outcome.final_loss if math.isfinite(outcome.final_loss) else outcome.loss
    metadata = run_metadata(config, line, lstsq, outcome.epochs_run, loss, outcome.stop_reason.value, ls_loss)
    rows = history_rows(history) if what != "fit" else None
    write_figure(options, path, data, line, lstsq, rows, metadata, model=model)
