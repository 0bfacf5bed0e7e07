"""File ▸ Export: the training history (CSV), the result (JSON), a standalone PyTorch script and the Jupyter notebook.

The messages are in the UI language (context "ResultsExport"), and so are the notebook's markdown cells; the files'
contents (CSV, JSON, the script) keep their own English, as the command line writes them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from thermogui.ui.files import settings
from thermogui.ui.files.controller import os_reason
from thermogui.ui.i18n import error_text, translate


def _ask_path(window, title: str, name: str, filter_: str) -> Path | None:
    folder = settings.last_dir()
    path, _ = QFileDialog.getSaveFileName(window, title, str(Path(folder) / name), filter_)
    return Path(path) if path else None


def _need_run(window) -> bool:
    run = window.run_state.finished_run
    if run is None or run.history is None:
        QMessageBox.information(
            window,
            translate("ResultsExport", "Nothing to export yet"),
            translate("ResultsExport", "Run the training first (Start, F5); this exports what the run recorded."),
        )
        return False
    return True


def _written(window, path: Path, write) -> bool:
    try:
        write(path)
    except (OSError, ValueError) as e:
        reason = os_reason(e)
        window.notify(
            translate("ResultsExport", "Could not write {file}: {reason}").format(file=path.name, reason=reason),
            error=True,
        )
        box = QMessageBox(
            QMessageBox.Warning,
            translate("ResultsExport", "Export failed"),
            translate(
                "ResultsExport", "Could not write {path}:\n{reason}\nAny existing file was left unchanged."
            ).format(path=path, reason=reason),
            QMessageBox.Ok,
            window,
        )
        box.setObjectName("exportErrorDialog")
        box.open()
        return False
    settings.set_last_dir(path.parent)
    window.notify(translate("ResultsExport", "Exported {file}.").format(file=path.name))
    return True


def export_history(window, path: Path | None = None) -> bool:
    """Every recorded epoch: epoch, loss, val_loss, then per parameter of the run's model its raw value, its value in
    model units and its gradient (the line: w, b, w_model, b_model, grad_w, grad_b) — while they fit a readable width
    (core.exports.MAX_CSV_PARAMS; a bigger network gets the losses and a comment line saying why)."""
    if not _need_run(window):
        return False
    path = path or _ask_path(
        window,
        translate("ResultsExport", "Export training history"),
        "history.csv",
        translate("ResultsExport", "CSV files (*.csv)"),
    )
    if path is None:
        return False
    from thermogui.core.exports import write_history_csv
    from thermogui.core.training import prepare

    run = window.run_state.finished_run
    norm = prepare(run.config, run.data).norm
    return _written(window, path, lambda p: write_history_csv(p, run.history.snapshot(), norm, run.config))


def export_result(window, path: Path | None = None) -> bool:
    if not _need_run(window):
        return False
    path = path or _ask_path(
        window,
        translate("ResultsExport", "Export result"),
        "result.json",
        translate("ResultsExport", "JSON files (*.json)"),
    )
    if path is None:
        return False
    from thermogui.core.exports import write_result_json

    return _written(window, path, lambda p: write_result_json(p, window.result_summary()))


def export_script(window, path: Path | None = None) -> bool:
    """A standalone .py with plain torch that reproduces the current settings on the current readings (a network:
    the same seeded torch.nn module, optimizer and loop, printing the same final losses)."""
    from thermogui.core.config import ConfigError

    try:
        config = window.run_state.config()
    except ConfigError as e:
        window.notify(
            translate("ResultsExport", "Cannot export the script: {reason}.").format(reason=error_text(e)), error=True
        )
        return False
    path = path or _ask_path(
        window,
        translate("ResultsExport", "Export as PyTorch script"),
        "thermometer_fit.py",
        translate("ResultsExport", "Python files (*.py)"),
    )
    if path is None:
        return False
    from thermogui.core.exports import write_pytorch_script

    return _written(window, path, lambda p: write_pytorch_script(p, config, window.run_state.dataset))


def export_notebook(window, path: Path | None = None, dpi: int | None = None) -> bool:
    """The finished run as chapter 5's Jupyter notebook (.ipynb): its readings, settings, code and printout."""
    if not _need_run(window):
        return False
    from thermogui.core.booklog import refuse_other_models
    from thermogui.core.errors import UserError

    run = window.run_state.finished_run
    try:
        refuse_other_models(run.config)
    except UserError as e:
        window.notify(
            translate("ResultsExport", "Cannot export the notebook: {reason}.").format(reason=error_text(e)), error=True
        )
        return False
    path = path or _ask_path(
        window,
        translate("ResultsExport", "Export as Jupyter notebook"),
        "thermometer_fit.ipynb",
        translate("ResultsExport", "Jupyter notebooks (*.ipynb)"),
    )
    if path is None:
        return False
    if dpi is None:
        from thermogui.ui.export.options import ExportOptions

        dpi = ExportOptions().dpi
    from thermogui.core.notebook import write_notebook

    panel = getattr(window, "log_panel", None)
    log = panel.log_for(run) if panel is not None else None  # (the printout it followed live: complete however long)
    rows = run.history.snapshot()
    stale = bool(window.run_state.stale)

    def tr(sentence: str) -> str:  # the markdown cells in the UI language (core.notebook.TEXT, marked "notebook")
        return translate("notebook", sentence)

    return _written(
        window,
        path,
        lambda p: write_notebook(
            p, run.config, run.data, rows, log=log, outcome=run.outcome, dpi=dpi, stale=stale, tr=tr
        ),
    )
