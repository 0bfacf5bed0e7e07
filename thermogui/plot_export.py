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


def export_plot_headless(path, data, config, outcome, history, dpi: int = 600, what: str = "fit") -> None:
    """Write the fitted plot of a finished run to `path` (.png at `dpi`, or .svg), 6.4 × 4.8 in.

    `history` is the run's list of EpochResult (needed only for the loss plot).  Raises ValueError for an unknown
    extension or size, OSError (with a plain reason) when the file cannot be written; an existing file is then kept.
    """
    import numpy as np

    from thermogui.core.analysis import least_squares
    from thermogui.core.history import COLUMNS

    ext = os.path.splitext(str(path))[1].lower()
    if ext not in (".png", ".svg"):
        raise ValueError("use .png or .svg")
    ensure_qt_app()
    from thermogui.ui.export.figure import ExportOptions, run_metadata, write_figure

    options = ExportOptions(what=what, format=ext[1:], dpi=dpi).validated()
    t_u, t_c = data.active()
    ls = least_squares(t_u, t_c)
    line = (outcome.w, outcome.b)
    loss = outcome.final_loss if math.isfinite(outcome.final_loss) else outcome.loss
    metadata = run_metadata(config, line, (ls.w, ls.b), outcome.epochs_run, loss, outcome.stop_reason.value,
                            ls.loss)
    rows = np.array(history, dtype=float).reshape(-1, len(COLUMNS)) if history else None
    write_figure(options, path, data, line, (ls.w, ls.b), rows, metadata)
