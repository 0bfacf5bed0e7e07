"""What you see is what runs: a typed value is what Start runs, a file opens faithfully or not at all, and no
readout mixes an old result with new inputs.  Every test types into the window as a person does (keystrokes, then
F5 or a click, with no Enter and no focus change in between)."""

import json
import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from thermogui.core.config import StopReason, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.problem import start_line
from thermogui.core.session import Session, load_session, save_session

from .helpers import choose, click


def typed(qtbot, box, text: str) -> None:
    """Select the field's text and type over it — no Enter, no focus change."""
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def f5(qtbot, window, box):
    """Press F5 straight after typing, with the focus still in the field; wait for the run to end."""
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(box.lineEdit(), Qt.Key_F5)
    return blocker.args[0]


def text(window, name) -> str:
    return window.findChild(QLabel, name).text()


@pytest.mark.parametrize(
    "attr, typed_text, field, expected",
    [
        ("epochs", "50", "epochs", 50),
        ("lr", "0.02", "lr", 0.02),
        ("init_w", "1.5", "init_w", 1.5),
        ("init_b", "-2", "init_b", -2.0),
        ("scale", "0.05", "scale", 0.05),
    ],
)
def test_a_typed_value_is_what_f5_runs(qtbot, window, attr, typed_text, field, expected):
    c = window.controls
    if attr != "epochs":
        typed(qtbot, c.epochs, "20")
    box = getattr(c, attr)
    typed(qtbot, box, typed_text)
    f5(qtbot, window, box)
    assert getattr(window.run_state.last_run.config, field) == expected


def test_typed_momentum_validation_and_seed_run_as_typed_on_a_click(qtbot, window):
    c = window.controls
    typed(qtbot, c.epochs, "30")
    typed(qtbot, c.momentum, "0.5")
    typed(qtbot, c.val_fraction, "0.3")
    typed(qtbot, c.seed, str(2**40))
    with qtbot.waitSignal(window.runFinished, timeout=60000):
        click(qtbot, window, "startButton")
    config = window.run_state.last_run.config
    assert (config.epochs, config.momentum, config.val_fraction, config.seed) == (30, 0.5, 0.3, 2**40)
    assert "lr 0.01" in window.teaching.previous[-1][2]  # the run's own legend names its real settings


def test_a_typed_learning_rate_is_in_the_runs_legend(qtbot, window):
    c = window.controls
    typed(qtbot, c.epochs, "20")
    typed(qtbot, c.lr, "0.02")
    f5(qtbot, window, c.lr)
    assert "lr 0.02" in window.teaching.previous[-1][2]


@pytest.mark.parametrize(
    "bad, why",
    [("0", "greater than 0"), ("-0.01", "greater than 0"), ("abc", "not a number"), ("1e400", "finite"), ("", "empty")],
)
def test_a_refused_learning_rate_says_why_and_start_refuses_too(qtbot, window, bad, why):
    c = window.controls
    typed(qtbot, c.lr, bad) if bad else (
        c.lr.setFocus(),
        c.lr.lineEdit().selectAll(),
        qtbot.keyClick(c.lr.lineEdit(), Qt.Key_Backspace),
    )
    assert c.lr.lineEdit().text() == bad  # kept as typed, not silently reverted to 0.01
    qtbot.keyClick(c.lr.lineEdit(), Qt.Key_F5)
    assert window.run_state.phase == "idle" and window.run_state.last_run is None
    status = text(window, "runStatusLabel")
    assert "Cannot start" in status and why in status
    qtbot.waitUntil(lambda: c.problem_label.isVisible(), timeout=3000)
    assert why in c.problem_label.text()
    # the same field, corrected, runs at once
    typed(qtbot, c.epochs, "10")
    typed(qtbot, c.lr, "0.005")
    assert not c.problem_label.isVisible()
    f5(qtbot, window, c.lr)
    assert window.run_state.last_run.config.lr == 0.005


def test_the_speed_changes_mid_run(qtbot, window):
    c = window.controls
    typed(qtbot, c.epochs, "100000")
    choose(qtbot, c.speed, "10 epochs/s")
    with qtbot.waitSignal(window.epochsReady, timeout=5000):
        click(qtbot, window, "startButton")
    history = window.run_state.last_run.history
    assert len(history) < 5
    choose(qtbot, c.speed, "Full speed")
    assert "full speed" in text(window, "runStatusLabel")
    qtbot.waitUntil(lambda: len(history) > 2000, timeout=5000)  # at 10 epochs/s this would take 200 s
    with qtbot.waitSignal(window.runFinished, timeout=10000):
        click(qtbot, window, "stopButton")


def _session_file(tmp_path, **config) -> str:
    path = tmp_path / "s.thermogui.json"
    save_session(path, Session(Dataset.book(), TrainConfig()))
    doc = json.loads(path.read_text())
    doc["config"].update(config)
    doc["data"]["t_u"][0] = 40.0
    path.write_text(json.dumps(doc))
    return str(path)


def test_a_session_with_a_large_seed_opens_whole(qtbot, window, tmp_path):
    path = _session_file(tmp_path, seed=2**40, val_fraction=0.25)
    assert window.open_path(path)
    assert window.run_state.committed_config().seed == 2**40
    assert window.controls.seed.lineEdit().text() == str(2**40)
    assert window.run_state.dataset.t_u[0] == 40.0
    assert window.files.path is not None and window.files.path.name == "s.thermogui.json"
    assert not window.isWindowModified()


def test_a_session_opens_and_saves_every_setting_unchanged(qtbot, window, tmp_path):
    path = _session_file(tmp_path, lr=50.0, tol=1e-3, stop_on_non_finite=False, momentum=0.9995, init_w=1e-7)
    assert window.open_path(path)
    config = window.run_state.committed_config()
    assert (config.lr, config.tol, config.stop_on_non_finite, config.momentum, config.init_w) == (
        50.0,
        1e-3,
        False,
        0.9995,
        1e-7,
    )
    assert window.controls.lr.lineEdit().text() == "50.0"
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    saved = load_session(path).config
    assert (saved.lr, saved.tol, saved.stop_on_non_finite, saved.momentum, saved.init_w) == (
        50.0,
        1e-3,
        False,
        0.9995,
        1e-7,
    )


def test_a_session_with_a_bad_setting_is_refused_and_changes_nothing(qtbot, window, tmp_path):
    before = window.run_state.dataset
    path = _session_file(tmp_path, seed=-1)
    assert not window.open_path(path)
    assert window.run_state.dataset == before
    assert window.files.path is None
    assert "seed" in text(window, "runStatusLabel")


def test_zscore_with_a_validation_split_starts_where_the_core_starts(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "Z-score")
    typed(qtbot, c.val_fraction, "0.3")
    config = window.run_state.committed_config()
    data = window.run_state.dataset
    w, b = window.fit_plot.line()
    assert (w, b) == pytest.approx(start_line(config, data), rel=1e-9)
    t_u, _ = data.active()  # normalizing over all readings would give another line
    std = t_u.std()
    assert w != pytest.approx(config.init_w / std, rel=1e-3)
    # and the run really starts from there: epoch 1's loss is the loss of that line on the training readings
    typed(qtbot, c.epochs, "1")
    f5(qtbot, window, c.epochs)
    r = window.run_state.last_run.history.snapshot()
    assert np.isfinite(r).all()


def _run(qtbot, window, epochs="200"):
    typed(qtbot, window.controls.epochs, epochs)
    return f5(qtbot, window, window.controls.epochs)


def test_a_result_goes_stale_when_the_readings_change(qtbot, window, tmp_path, monkeypatch):
    from .helpers import edit_cell

    _run(qtbot, window)
    stale = window.readouts.stale
    assert not stale.isVisible()
    edit_cell(qtbot, window.data_panel.view, 0, 1, "40")
    assert window.run_state.stale and stale.isVisible()
    # the distance readout compares the line shown with the least-squares line shown
    ls = window.readouts.lstsq
    w, _ = window.readouts.line
    assert f"{w - ls.w:.4f}".replace("-", "−")[:6] in text(window, "distanceLabel")
    # saved as stale, and reopened as stale
    path = tmp_path / "stale.thermogui.json"
    monkeypatch.setattr("thermogui.ui.files.controller.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    assert load_session(path).result["stale"] is True
    assert window.open_path(path)
    assert window.run_state.stale and window.readouts.stale.isVisible()
    # undoing the edit makes the result current again
    window.open_path(path)


def test_a_result_goes_stale_when_a_setting_changes_and_back(qtbot, window):
    _run(qtbot, window)
    typed(qtbot, window.controls.lr, "0.02")
    assert window.readouts.stale.isVisible()
    typed(qtbot, window.controls.lr, "0.01")
    assert not window.readouts.stale.isVisible()


def test_a_divergence_is_explained_once_and_the_status_bar_is_clear(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    typed(qtbot, c.epochs, "100")
    outcome = f5(qtbot, window, c.epochs)
    assert outcome.stop_reason == StopReason.NON_FINITE
    assert window.alert.isVisible()
    headline = window.alert.headline.text()
    assert "epoch 11" in headline
    assert headline not in text(window, "runStatusLabel")  # said once, in the banner
    assert "Training" not in window.statusBar().currentMessage()
    assert "11" in window.progress.text()  # not "0 %"


def test_stepping_says_which_loss_is_which(qtbot, window):
    qtbot.keyClick(window, Qt.Key_F10)
    qtbot.waitUntil(lambda: "Epoch 1 " in text(window, "epochLabel"), timeout=10000)
    assert "before its update" in text(window, "lossLabel")
    with qtbot.waitSignal(window.runFinished, timeout=10000):
        click(qtbot, window, "stopButton")
    assert "Final loss" in text(window, "lossLabel")
    assert "at the line shown" in text(window, "lossLabel")


def test_ctrl_s_after_opening_a_csv_leaves_the_csv_alone(qtbot, window, tmp_path, monkeypatch):
    csv = tmp_path / "mine.csv"
    original = "Reading;Celsius\n35,7;0,5\n55,9;14,0\n58,2;15,0\n"
    csv.write_bytes(original.encode())
    assert window.open_path(csv)
    target = tmp_path / "mine.thermogui.json"
    asked = []

    def save_dialog(*args, **kwargs):
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr("thermogui.ui.files.controller.QFileDialog.getSaveFileName", save_dialog)
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    assert asked, "Save must ask where to save the session"
    assert csv.read_bytes() == original.encode()
    s = load_session(target)
    assert list(s.data.t_u) == [35.7, 55.9, 58.2]
    assert s.config == window.run_state.committed_config()


def test_start_w_says_it_is_in_model_units(window):
    tip = window.controls.init_w.toolTip()
    assert "model units" in tip
    assert not math.isnan(window.fit_plot.line()[0])


def test_a_later_versions_keys_survive_open_and_save_in_the_window(qtbot, window, tmp_path):
    path = tmp_path / "later.thermogui.json"
    save_session(path, Session(Dataset.book(), TrainConfig()))
    doc = json.loads(path.read_text())
    doc["notes"] = "calibrated on the lab bench"
    doc["config"]["warmup_epochs"] = 10
    path.write_text(json.dumps(doc))
    assert window.open_path(path)
    assert "warmup_epochs" in window.statusBar().currentMessage()
    typed(qtbot, window.controls.epochs, "123")
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    saved = json.loads(path.read_text())
    assert saved["notes"] == "calibrated on the lab bench"
    assert saved["config"]["warmup_epochs"] == 10 and saved["config"]["epochs"] == 123


def _type_in_cell(qtbot, window, row, col, text):
    view = window.data_panel.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, col))
    qtbot.keyClick(view, Qt.Key_F2)
    editor = view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)  # no Enter
    return editor


def test_a_reading_still_being_typed_is_what_f5_runs(qtbot, window):
    typed(qtbot, window.controls.epochs, "10")
    editor = _type_in_cell(qtbot, window, 0, 1, "99")
    with qtbot.waitSignal(window.runFinished, timeout=30000):
        qtbot.keyClick(editor, Qt.Key_F5)
    assert window.run_state.last_run.data.t_u[0] == 99.0
    assert window.run_state.dataset.t_u[0] == 99.0


def test_a_bad_reading_being_typed_stops_f5_with_the_reason(qtbot, window):
    editor = _type_in_cell(qtbot, window, 0, 1, "abc")
    qtbot.keyClick(editor, Qt.Key_F5)
    assert window.run_state.last_run is None
    assert "Cannot start" in text(window, "runStatusLabel")
    assert window.run_state.dataset.t_u[0] == 35.7


def test_closing_with_a_reading_being_typed_asks_to_save(qtbot, window, prompts):
    window.files.mark_saved()
    _type_in_cell(qtbot, window, 0, 1, "99")
    assert not window.files.maybe_save() or prompts  # Discard answered: asked first
    assert prompts and prompts[-1][0] == "Unsaved changes"


def test_a_rate_picked_in_the_sweep_is_rounded_as_named(qtbot, window):
    window.use_rate(2.1544346900318845e-4)
    assert window.run_state.value("lr") == 2.2e-4
    assert window.controls.lr.lineEdit().text() == "0.00022"


def test_settings_without_a_control_are_said(qtbot, window, tmp_path):
    path = _session_file(tmp_path, tol=0.5, stop_on_non_finite=False)
    assert window.open_path(path)
    hidden = window.controls.hidden_label
    assert hidden.isVisible() and "0.5" in hidden.text() and "inf or nan" in hidden.text()
    window.files.new()
    assert not hidden.isVisible()


def test_a_sweep_made_on_other_settings_is_cleared(qtbot, window):
    sweep = window.teaching.sweep
    window.tabs.setCurrentWidget(sweep)
    with qtbot.waitSignal(sweep.sweepFinished, timeout=60000):
        sweep.run_sweep()
    assert sweep.points
    choose(qtbot, window.controls.normalization, "None")
    assert not sweep.points and "run it again" in sweep.summary.text()


def test_a_refused_csv_names_the_problem_in_the_status_line(qtbot, window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("t_u,t_c\n35.7,0.5\n55.9,abc\n")
    assert not window.open_path(bad)
    status = text(window, "runStatusLabel")
    assert "line 3" in status and "Nothing was changed" in status
