"""The network from the window, end to end: pick it, run (F5), save the session, open it in a fresh window — the same
network (hidden units, seed, weights of the result) and the same curve; and closing mid-run is clean."""

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from thermogui.core.config import StopReason
from thermogui.core.models import model_of

from .helpers import choose, type_into


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


def test_a_network_run_saves_and_reopens_the_same_network(qtbot, window, tmp_path, monkeypatch):
    c = window.controls
    choose(qtbot, c.model, "Network")
    type_into(qtbot, c.hidden, "8")
    type_into(qtbot, c.lr, "1e-3")
    type_into(qtbot, c.epochs, "300")
    type_into(qtbot, c.seed, "7")
    config = window.run_state.config()
    assert (config.model, config.hidden, config.seed, config.epochs) == ("mlp", 8, 7, 300)
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key_F5)
    outcome = blocker.args[0]
    assert outcome.stop_reason == StopReason.COMPLETED and len(outcome.params) == 25
    xs, ys = window.fit_plot.fit.getData()

    f = tmp_path / "network.thermogui.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(f), "")))
    window.files.save_as_action.trigger()
    saved = json.loads(f.read_text())
    assert saved["config"]["model"] == "mlp" and saved["config"]["hidden"] == 8 and saved["config"]["seed"] == 7
    assert tuple(saved["result"]["params_model"].values()) == outcome.params_model  # every weight
    assert list(saved["result"]["params"]) == list(model_of(config).params)

    from thermogui.app import create_window

    other = create_window()
    try:
        assert other.files.open_path(f)
        assert other.run_state.committed_config() == config
        assert other.findChild(QComboBox, "modelInput").currentData() == "mlp"
        assert other.controls.hidden.text() == "8" and other.controls.hidden.isVisible() is c.hidden.isVisible()
        assert other.readouts.equation.text() == "8 hidden units, 25 parameters"
        xs2, ys2 = other.fit_plot.fit.getData()  # the same curve, drawn from the saved weights
        assert np.allclose(xs2, xs) and np.allclose(ys2, ys, rtol=1e-12, atol=1e-12)
        assert not other.run_state.stale
    finally:
        other.files.mark_saved()
        other.close()


def test_closing_mid_run_of_a_network_is_clean(qtbot, window):
    c = window.controls
    choose(qtbot, c.model, "Network")
    type_into(qtbot, c.epochs, "1000000")
    with qtbot.waitSignal(window.epochsReady, timeout=30000):  # (the GUI thread's signal)
        qtbot.keyClick(window, Qt.Key_F5)
    assert window.run_state.busy
    window.files.mark_saved()
    window.close()
    qtbot.waitUntil(lambda: not window.trainer.running, timeout=10000)
