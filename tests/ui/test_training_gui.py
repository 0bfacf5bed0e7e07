"""Training from the window: the book's runs, auto-stop on divergence, pause/step/stop, close mid-run."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from thermogui.core.config import StopReason

from .helpers import choose, click, type_into


def label(window, name) -> str:
    return window.findChild(QLabel, name).text()


def run_to_end(qtbot, window, timeout=60000):
    with qtbot.waitSignal(window.runFinished, timeout=timeout) as blocker:
        click(qtbot, window, "startButton")
    return blocker.args[0]


def test_book_final_run_reads_the_books_equation(qtbot, window):
    c = window.controls
    type_into(qtbot, c.lr, "1e-2")
    type_into(qtbot, c.epochs, "5000")
    choose(qtbot, c.normalization, "Scale")
    type_into(qtbot, c.scale, "0.1")
    outcome = run_to_end(qtbot, window)
    assert outcome.stop_reason == StopReason.COMPLETED
    assert outcome.epochs_run == 5000
    eq = label(window, "equationLabel")
    assert "0.5367" in eq and "17.30" in eq and "−" in eq
    assert "5,000" in label(window, "runStatusLabel")
    assert window.progress.value() == 5000
    # every epoch is in the record and the loss curve was drawn from it
    assert len(window.history) == 5000
    xs, ys = window.loss_plot.train_curve.getData()
    assert xs[-1] == 5000 and len(xs) <= 1600


def test_diverging_run_stops_itself_at_epoch_11_and_explains(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")
    type_into(qtbot, c.epochs, "100")
    note = label(window, "stableRateLabel")
    assert "29.4× the stable limit 3.4e-4" in note  # warned before the run
    outcome = run_to_end(qtbot, window)
    assert outcome.stop_reason == StopReason.NON_FINITE
    assert window.alert.isVisible()
    said = window.alert.headline.text() + " " + window.alert.advice.text()
    assert "epoch 11" in said and "not finite" in said
    assert "29.4× the largest stable rate 3.4e-4" in said
    # the plots keep what came before: 10 finite losses drawn, the inf one not
    xs, ys = window.loss_plot.train_curve.getData()
    assert len(xs) == 11
    import numpy as np

    assert np.isfinite(ys).sum() == 10
    assert "Epoch 11 of 100" in label(window, "epochLabel")


def test_use_stable_rate_fix_reruns_without_divergence(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")
    type_into(qtbot, c.epochs, "200")
    run_to_end(qtbot, window)
    with qtbot.waitSignal(window.runFinished, timeout=30000) as blocker:
        click(qtbot, window, "useStableRateButton")
    assert c.lr.value() == pytest.approx(3.1e-4)
    assert blocker.args[0].stop_reason == StopReason.COMPLETED
    assert not window.alert.isVisible()


def test_normalize_fix_reruns_the_book_way(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.epochs, "5000")
    run_to_end(qtbot, window)
    with qtbot.waitSignal(window.runFinished, timeout=30000) as blocker:
        click(qtbot, window, "normalizeButton")
    assert c.normalization.currentData() == "scale"
    assert blocker.args[0].w == pytest.approx(0.5367, abs=1e-4)


def test_pause_step_resume_stop(qtbot, window):
    c = window.controls
    type_into(qtbot, c.epochs, "1000000")
    with qtbot.waitSignal(window.epochsReady, timeout=10000):
        click(qtbot, window, "startButton")
    assert window.state == "running"
    assert not (window.model.flags(window.model.index(0, 1)) & Qt.ItemIsEditable)  # locked while running
    assert window.data_panel.lock_label.isVisible()
    click(qtbot, window, "pauseButton")
    assert window.run_buttons["pauseButton"].text() == "Resume"
    # the worker reports where it paused; then a step runs exactly one epoch
    with qtbot.waitSignal(window.runPaused, timeout=5000) as paused_at:
        pass
    before = paused_at.args[0]
    assert window.history.latest.epoch == before
    with qtbot.waitSignal(window.runPaused, timeout=5000) as blocker:
        click(qtbot, window, "stepButton")
    assert blocker.args[0] == before + 1
    assert window.history.latest.epoch == before + 1
    assert f"after epoch {before + 1:,}" in label(window, "runStatusLabel")
    assert f"Epoch {before + 1:,} of 1,000,000" in label(window, "epochLabel")
    click(qtbot, window, "pauseButton")  # resume
    assert window.state == "running"
    with qtbot.waitSignal(window.runFinished, timeout=10000) as blocker:
        click(qtbot, window, "stopButton")
    outcome = blocker.args[0]
    assert outcome.stop_reason == StopReason.CANCELLED
    assert before + 1 < outcome.epochs_run < 1000000
    assert window.state == "idle" and not window.data_panel.lock_label.isVisible()
    assert "Stopped by you" in label(window, "runStatusLabel")


def test_step_from_idle_runs_one_epoch(qtbot, window):
    with qtbot.waitSignal(window.runPaused, timeout=10000, check_params_cb=lambda n: n == 1):
        click(qtbot, window, "stepButton")
    assert window.state == "paused"
    assert "Epoch 1 of" in label(window, "epochLabel")
    assert len(window.history) == 1
    with qtbot.waitSignal(window.runFinished, timeout=10000):
        click(qtbot, window, "stopButton")


def test_reset_returns_to_start_values(qtbot, window):
    run_to_end(qtbot, window)
    click(qtbot, window, "resetButton")
    assert window.fit_plot.line() == pytest.approx((0.1, 0.0))  # w=1 at scale 0.1 is 0.1 per raw unit
    assert "Not started" in label(window, "epochLabel")
    assert len(window.loss_plot.train_curve.getData()[0] or []) == 0


def test_a_million_epochs_keep_the_window_responsive_until_stopped(qtbot, window):
    type_into(qtbot, window.controls.epochs, "1000000")
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    with qtbot.waitSignal(window.epochsReady, timeout=10000):
        click(qtbot, window, "startButton")
    timer.start()
    # the GUI thread keeps serving timers and redraws while training runs
    qtbot.waitUntil(lambda: len(ticks) >= 40, timeout=10000)
    drawn = window._drawn
    qtbot.waitUntil(lambda: window._drawn > drawn, timeout=5000)
    assert window.state == "running"
    # every frame shows one epoch: the progress bar's count is the readouts' (never a few hundred behind)
    epoch = window._drawn
    assert window.progress.value() == epoch
    assert window.findChild(QLabel, "epochLabel").text().startswith(f"Epoch {epoch:,} of 1,000,000")
    with qtbot.waitSignal(window.runFinished, timeout=10000) as blocker:
        click(qtbot, window, "stopButton")
    timer.stop()
    assert blocker.args[0].stop_reason == StopReason.CANCELLED
    assert blocker.args[0].epochs_run == window.history.latest.epoch


def test_closing_mid_run_stops_the_thread_cleanly(qtbot):
    from thermogui.app import create_window

    w = create_window()
    type_into(qtbot, w.controls.epochs, "1000000")
    with qtbot.waitSignal(w.epochsReady, timeout=10000):
        click(qtbot, w, "startButton")
    thread = w.trainer._thread
    assert thread.isRunning()
    w.close()
    assert not thread.isRunning()
    assert w.trainer._thread is None


def test_error_in_the_worker_is_shown_not_a_crash(qtbot, window, monkeypatch):
    import thermogui.core.training as training

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(training, "train", broken)
    with qtbot.waitSignal(window.runFailed, timeout=10000):
        click(qtbot, window, "startButton")
    box = window.findChild(QMessageBox, "trainingErrorDialog")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "simulated failure" in box.text()
    assert window.state == "idle"
    box.close()
