"""Sessions of a model other than the line, from the window: pick the quadratic, mark validation readings, run (F5),
save, open in a fresh window — the same model, settings, marks, parameters and equation; and a session written
before models (commit 8bd4648) still opens."""

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from thermogui.core.config import StopReason
from thermogui.ui.readings.model import VAL

from ..core.test_session_models import OLD_SESSION
from .helpers import choose, type_into


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """Autosaves (and the error log) in folders of this test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


def choose_file(monkeypatch, path, save=False):
    name = "getSaveFileName" if save else "getOpenFileName"
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def tick(qtbot, view, row: int, col: int) -> None:
    """Move to a check box cell and press Space (as a person ticks it from the keyboard)."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, col))
    qtbot.keyClick(view, Qt.Key_Space)


def combo_data(window, name: str):
    return window.findChild(QComboBox, name).currentData()


def test_a_quadratic_run_saves_and_reopens_the_same(qtbot, window, tmp_path, monkeypatch):
    c = window.controls
    choose(qtbot, c.model, "Quadratic")
    choose(qtbot, window.findChild(QComboBox, "arithInput"), "Fast")
    type_into(qtbot, c.lr, "5e-4")
    type_into(qtbot, c.epochs, "20000")
    type_into(qtbot, c.init_w2, "0.125")
    tick(qtbot, window.data_panel.view, 2, VAL)  # the book's validation readings: 3 and 11
    tick(qtbot, window.data_panel.view, 10, VAL)
    assert np.flatnonzero(window.model.dataset.val).tolist() == [2, 10]
    config = window.run_state.config()
    assert (config.model, config.arith, config.init_w2, config.epochs) == ("quadratic", "fast", 0.125, 20000)
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key_F5)
    outcome = blocker.args[0]
    assert outcome.stop_reason == StopReason.COMPLETED and outcome.model == "quadratic"
    equation = window.readouts.equation.text()
    assert "t_u²" in equation

    f = tmp_path / "quadratic.thermogui.json"
    choose_file(monkeypatch, f, save=True)
    window.files.save_as_action.trigger()
    assert not window.isWindowModified()
    saved = json.loads(f.read_text())
    assert saved["version"] == 2 and saved["config"]["model"] == "quadratic" and saved["config"]["init_w2"] == 0.125
    assert saved["data"]["val"] == [i in (2, 10) for i in range(11)]
    result = saved["result"]
    assert result["model"] == "quadratic" and result["stale"] is False
    assert tuple(result["params"].values()) == outcome.params
    assert tuple(result["params_model"].values()) == outcome.params_model
    assert result["val_metrics"]["n"] == 2

    from thermogui.app import create_window

    other = create_window()  # a fresh window
    try:
        assert other.files.open_path(f)
        assert other.model.dataset == window.model.dataset  # readings, Use and Val marks
        assert np.flatnonzero(other.model.dataset.val).tolist() == [2, 10]
        assert other.run_state.committed_config() == window.run_state.committed_config()
        assert combo_data(other, "modelInput") == "quadratic" and combo_data(other, "arithInput") == "fast"
        assert other.controls.init_w2.text() == "0.125"
        run = other.run_state.last_run
        assert run is not None and run.config.model == "quadratic" and not other.run_state.stale
        assert tuple(run.saved_result["params"].values()) == outcome.params
        assert other.readouts.equation.text() == equation  # the same equation, from the saved parameters
        assert "saved result" in other.status_label.text()
        assert not other.isWindowModified()
    finally:
        other.close()


def test_a_session_written_before_models_opens(qtbot, window, tmp_path):
    old = json.loads(OLD_SESSION)
    f = tmp_path / "old.thermogui.json"
    f.write_text(OLD_SESSION)
    assert window.files.open_path(f)
    d = window.model.dataset
    assert d.t_u.tolist() == old["data"]["t_u"] and d.include.tolist() == old["data"]["include"]
    assert not d.val.any()
    config = window.run_state.committed_config()
    assert (config.model, config.arith, config.epochs, config.init_b, config.seed) == ("line", "book", 300, -1.5, 3)
    assert combo_data(window, "modelInput") == "line"
    run = window.run_state.last_run
    assert run.saved_result["w"] == old["result"]["w"] and not window.run_state.stale
    w, b = old["result"]["w"], old["result"]["b"]
    assert window.fit_plot.line() == pytest.approx((w, b))
    assert "0.2888" in window.readouts.equation.text()  # t_c = 0.2888 · t_u − 3.776, the saved line
    assert "saved result" in window.status_label.text()
