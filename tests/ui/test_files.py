"""Files from the window: open/save CSV and sessions, unsaved-changes prompts, drop, autosave/restore, settings,
history/result/script exports."""

import json
import shutil
import subprocess
import sys
import uuid

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from thermogui.core.csvio import read_csv
from thermogui.core.dataset import Dataset
from thermogui.ui.files.autosave import lock_path_of
from thermogui.ui.readings.model import T_U

from .helpers import click, edit_cell, type_into


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """Autosaves (and the error log) in folders of this test's own: no orphan of another test is offered here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


def choose_file(monkeypatch, path, save=False):
    name = "getSaveFileName" if save else "getOpenFileName"
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def run_book(qtbot, window):
    with qtbot.waitSignal(window.runFinished, timeout=30000) as blocker:
        click(qtbot, window, "startButton")
    return blocker.args[0]


def error_dialog(window, name="fileErrorDialog"):
    box = window.findChild(QMessageBox, name)
    assert box is not None and box.isVisible()
    return box


def test_open_csv_replaces_the_readings(qtbot, window, tmp_path, monkeypatch):
    f = tmp_path / "mine.csv"
    f.write_text("t_u;t_c\n10,5;1\n20;2,5\n30;4\n")
    choose_file(monkeypatch, f)
    window.files.open_action.trigger()
    assert window.model.dataset.t_u.tolist() == [10.5, 20.0, 30.0]
    assert window.model.dataset.t_c.tolist() == [1.0, 2.5, 4.0]
    assert "mine.csv" in window.windowTitle() and not window.isWindowModified()
    assert str(f) in window.files.recent_files()


def test_a_csv_with_errors_changes_nothing_and_lists_the_lines(qtbot, window, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("t_u,t_c\n10,1\nabc,2\n30,\n40,4\n")
    assert not window.files.open_path(f)
    assert window.model.dataset == Dataset.book()
    text = error_dialog(window).text() + error_dialog(window).informativeText()
    assert "line 3" in text and "line 4" in text and "Nothing was changed" in text


def test_save_readings_as_csv_round_trip(qtbot, window, tmp_path, monkeypatch):
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "36.25")
    f = tmp_path / "out.csv"
    choose_file(monkeypatch, f, save=True)
    window.files.save_csv_action.trigger()
    assert read_csv(f) == window.model.dataset
    assert read_csv(f).t_u[0] == 36.25


def test_csv_keeps_the_validation_marks(qtbot, window, tmp_path, monkeypatch):
    from thermogui.ui.readings.model import VAL

    view = window.data_panel.view
    for row in (2, 10):  # tick Val with the keyboard, as a person does
        view.setFocus()
        view.setCurrentIndex(window.model.index(row, VAL))
        qtbot.keyClick(view, Qt.Key_Space)
    f = tmp_path / "marked.csv"
    choose_file(monkeypatch, f, save=True)
    window.files.save_csv_action.trigger()
    assert f.read_text().splitlines()[:2] == ["t_u,t_c,val", "35.7,0.5,0"]
    assert read_csv(f).val.tolist() == [i in (2, 10) for i in range(11)]
    window.files.new_action.trigger()
    assert not window.model.dataset.val.any()
    choose_file(monkeypatch, f)
    window.files.open_action.trigger()
    assert window.model.dataset.val.tolist() == [i in (2, 10) for i in range(11)]


def test_session_round_trip_restores_the_same_run(qtbot, window, tmp_path, monkeypatch):
    c = window.controls
    type_into(qtbot, c.epochs, "3000")
    type_into(qtbot, c.init_b, "-1.5")
    edit_cell(qtbot, window.data_panel.view, 10, T_U, "68.5")
    outcome = run_book(qtbot, window)
    f = tmp_path / "run.thermogui.json"
    choose_file(monkeypatch, f, save=True)
    window.files.save_as_action.trigger()
    assert not window.isWindowModified() and "run.thermogui.json" in window.windowTitle()
    saved = json.loads(f.read_text())
    assert saved["result"]["w"] == outcome.w

    from thermogui.app import create_window

    other = create_window()
    try:
        assert other.files.open_path(f)
        assert other.model.dataset == window.model.dataset
        assert other.controls.config() == window.controls.config()
        assert other.readouts.equation.text() == window.readouts.equation.text()
        assert other.fit_plot.line() == pytest.approx((outcome.w, outcome.b))
        assert "saved result" in other.status_label.text()
    finally:
        other.close()


def test_a_broken_session_is_refused_and_changes_nothing(qtbot, window, tmp_path):
    f = tmp_path / "broken.thermogui.json"
    f.write_text('{"format": "thermogui-session", "version": 1, "data": {"t_u": [1, 2], ')
    assert not window.files.open_path(f)
    assert window.model.dataset == Dataset.book()
    assert "line 1" in error_dialog(window).text() + error_dialog(window).informativeText()


def test_unsaved_changes_mark_the_title_and_closing_asks(qtbot, window, prompts):
    assert not window.isWindowModified()
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    assert window.isWindowModified()
    prompts.answer = QMessageBox.Cancel
    window.close()
    assert window.isVisible()  # cancelled: nothing lost
    assert prompts[-1][0] == "Unsaved changes"
    prompts.answer = QMessageBox.Discard
    window.close()
    assert not window.isVisible()


def test_undoing_back_to_the_saved_state_clears_the_mark(qtbot, window):
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    assert window.isWindowModified()
    qtbot.keyClick(window.data_panel.view, Qt.Key_Z, Qt.ControlModifier)
    assert not window.isWindowModified()


def test_opening_another_file_asks_to_save_first(qtbot, window, tmp_path, monkeypatch, prompts):
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    f = tmp_path / "other.csv"
    f.write_text("1,2\n3,4\n")
    prompts.answer = QMessageBox.Cancel
    assert not window.files.open_path(f)
    assert window.model.dataset.t_u[0] == 40.0
    saved = tmp_path / "kept.thermogui.json"
    choose_file(monkeypatch, saved, save=True)
    prompts.answer = QMessageBox.Save
    assert window.files.open_path(f)
    assert saved.exists() and window.model.dataset.t_u.tolist() == [1.0, 3.0]


def test_dropping_a_csv_on_the_window_opens_it(qtbot, window, tmp_path):
    f = tmp_path / "dropped.csv"
    f.write_text("5,1\n6,2\n7,3\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    pos = QPointF(window.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, drop)
    assert window.model.dataset.t_u.tolist() == [5.0, 6.0, 7.0]


def test_autosave_is_offered_back_after_a_crash(qtbot, window, prompts):
    edit_cell(qtbot, window.data_panel.view, 2, T_U, "59.75")
    type_into(qtbot, window.controls.epochs, "1234")
    window.files.autosave_now()  # what the one-minute timer does (then waits for the writer thread)
    path = window.files.autosave_path
    assert path.exists() and lock_path_of(path).exists()
    # a crash, as an instance running under the same pid (a container) leaves it: the autosave and a lock file naming
    # this very process, held by nobody
    orphan = path.with_name(f"autosave-{uuid.uuid4().hex}.thermogui.json")
    shutil.copyfile(path, orphan)
    shutil.copyfile(lock_path_of(path), lock_path_of(orphan))

    from thermogui.app import create_window

    other = create_window()
    try:
        prompts.answer = QMessageBox.Yes
        assert other.files.offer_restore()
        assert [title for title, _ in prompts] == ["Restore unsaved work?"]  # (not the first window's own autosave)
        assert other.model.dataset == window.model.dataset
        assert other.controls.config().epochs == 1234
        assert other.isWindowModified()  # restored work is still unsaved
        assert orphan.exists() and other.files.autosave_path == orphan  # autosaved until it is saved
        other.files.mark_saved()
    finally:
        other.close()
    assert not orphan.exists() and not lock_path_of(orphan).exists()


def test_settings_are_remembered(qtbot, window):
    from PySide6.QtWidgets import QSplitter

    type_into(qtbot, window.controls.lr, "0.005")
    split = window.findChild(QSplitter, "plotSplitter")
    split.setSizes([300, 500])
    sizes = split.sizes()
    window.files.mark_saved()
    window.close()
    from thermogui.app import create_window

    other = create_window()
    try:
        assert other.controls.config().lr == 0.005
        restored = other.findChild(QSplitter, "plotSplitter").sizes()
        assert restored[0] / sum(restored) == pytest.approx(sizes[0] / sum(sizes), abs=0.02)
        assert restored[0] / sum(restored) < 0.45  # not the default 560:300
    finally:
        other.close()


def test_export_history_result_and_script(qtbot, window, tmp_path):
    from thermogui.ui.export import results as result_exports

    outcome = run_book(qtbot, window)
    hist = tmp_path / "h.csv"
    assert result_exports.export_history(window, hist)
    lines = [ln for ln in hist.read_text().splitlines() if not ln.startswith("#")]
    assert lines[0].startswith("epoch,loss,val_loss,w,b")
    assert len(lines) == 1 + 5000
    assert lines[1].split(",")[1].startswith("80.364")
    res = tmp_path / "r.json"
    assert result_exports.export_result(window, res)
    data = json.loads(res.read_text())
    assert data["w"] == outcome.w and data["stop_reason"] == "completed"
    script = tmp_path / "fit.py"
    assert result_exports.export_script(window, script)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    last = out.stdout.strip().splitlines()[-1]
    assert last.startswith("RESULT") and f"w={outcome.w!r}" in last and f"b={outcome.b!r}" in last


def test_thermogui_with_a_file_argument_opens_it_in_the_window(monkeypatch, tmp_path):
    import thermogui.app
    from thermogui import cli

    seen = {}
    monkeypatch.setattr(thermogui.app, "main", lambda files=(): seen.setdefault("files", files))
    cli.main([str(tmp_path / "a.csv")])
    assert seen["files"] == [str(tmp_path / "a.csv")]
