"""File ▸ Export ▸ Jupyter Notebook…: the finished run, with the readings and settings typed into the window, as a
valid .ipynb whose run cell shows the Log tab's printout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPlainTextEdit

from thermogui.ui.readings.model import T_U, USE

from .helpers import choose, edit_cell

nbformat = pytest.importorskip("nbformat")


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


def save_as(monkeypatch, path) -> list:
    asked = []

    def dialog(*args, **kwargs):
        asked.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return asked


def export_action(window):
    """File ▸ Export ▸ Jupyter Notebook…, found as a person finds it: by its text in the Export menu."""
    actions = [a for a in window.export_menu.actions() if a.text().replace("&", "") == "Jupyter Notebook…"]
    assert len(actions) == 1
    return actions[0]


def typed(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def test_the_menu_entry_writes_the_runs_notebook(qtbot, window, tmp_path, monkeypatch):
    table = window.data_panel.view
    edit_cell(qtbot, table, 0, T_U, "36.25")  # the person's own readings: one changed, one left out
    table.setFocus()
    table.setCurrentIndex(window.model.index(3, USE))
    qtbot.keyClick(table, Qt.Key_Space)
    assert not window.model.dataset.include[3]
    c = window.controls
    choose(qtbot, c.normalization, "Scale")
    typed(qtbot, c.lr, "0.02")
    typed(qtbot, c.epochs, "60")
    with qtbot.waitSignal(window.runFinished, timeout=60000):
        qtbot.keyClick(c.epochs.lineEdit(), Qt.Key_F5)

    path = tmp_path / "mine.ipynb"
    asked = save_as(monkeypatch, path)
    export_action(window).trigger()
    assert len(asked) == 1 and "ipynb" in asked[0][3]  # the dialog offered notebooks
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = {c.metadata["tags"][0]: c for c in nb.cells if c.cell_type == "code"}
    assert "t_u = [36.25, 55.9, 58.2, 56.3," in code["thermogui-data"].source
    assert "#   (81.9, 28.0)" in code["thermogui-data"].source
    run = code["thermogui-run"]
    assert "learning_rate = 0.02," in run.source and "n_epochs = 60," in run.source and "t_un = 0.1 * t_u" in run.source
    printed = "".join(o.text for o in run.outputs if o.output_type == "stream")
    shown = [o.data["text/plain"] for o in run.outputs if o.output_type == "execute_result"]
    log = window.findChild(QPlainTextEdit, "bookLogText").toPlainText()
    assert printed + shown[0] == log  # the Log tab's printout, as the cell's output
    assert printed.startswith("Epoch : 1  Loss : ")
    assert "mine.ipynb" in window.statusBar().currentMessage()


def test_before_any_run_it_says_there_is_nothing_to_export(qtbot, window, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a)))
    asked = save_as(monkeypatch, tmp_path / "x.ipynb")
    export_action(window).trigger()
    assert told and "Nothing to export" in told[0][1]
    assert asked == [] and not (tmp_path / "x.ipynb").exists()
