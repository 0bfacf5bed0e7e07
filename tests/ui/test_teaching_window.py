"""The teaching tabs inside the window: click the landscape to set the start, compare runs, inspect gradients,
results with outliers highlighted in the table, and a learning-rate sweep."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from thermogui.ui.readings.model import T_C

from .helpers import choose, click, edit_cell, type_into


def show_tab(window, panel):
    window.tabs.setCurrentWidget(panel)
    assert window.tabs.currentWidget() is panel


def run(qtbot, window):
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        click(qtbot, window, "startButton")
    return blocker.args[0]


def test_clicking_the_landscape_sets_the_start_point(qtbot, window):
    land = window.teaching.landscape
    show_tab(window, land)
    qtbot.waitUntil(lambda: land.landscape is not None, timeout=5000)
    pos = land.plot.mapFromScene(land.scene_pos_of(3.0, -6.0))
    with qtbot.waitSignal(land.startPicked, timeout=3000):
        qtbot.mouseClick(land.plot.viewport(), Qt.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert window.controls.init_w.value() == pytest.approx(3.0, abs=0.05)
    assert window.controls.init_b.value() == pytest.approx(-6.0, abs=0.3)
    outcome = run(qtbot, window)
    first = window.history.snapshot()[0]
    assert outcome.epochs_run == 5000
    assert first[1] != pytest.approx(80.36, abs=0.1)  # a different start, a different first loss


def test_two_runs_are_compared_as_faded_curves_and_cleared_with_one_click(qtbot, window):
    type_into(qtbot, window.controls.epochs, "500")
    run(qtbot, window)
    choose(qtbot, window.controls.optimizer, "Adam")
    type_into(qtbot, window.controls.lr, "0.5")
    run(qtbot, window)
    assert window.loss_plot.previous_count() == 1
    assert len(window.teaching.landscape.previous_labels()) == 1
    assert "lr 0.01" in window.teaching.landscape.previous_labels()[0]
    click(qtbot, window, "clearRunsButton")
    assert window.loss_plot.previous_count() == 0
    assert window.teaching.landscape.previous_labels() == []


def test_gradient_inspector_follows_a_paused_run(qtbot, window):
    show_tab(window, window.teaching.gradient)
    with qtbot.waitSignal(window.runPaused, timeout=10000, check_params_cb=lambda n: n == 1):
        click(qtbot, window, "stepButton")
    report = window.teaching.gradient.report
    r = window.history.latest
    assert (report.w, report.b) == pytest.approx((r.w, r.b))
    assert report.manual == pytest.approx(report.autograd, rel=1e-4)
    text = window.findChild(QLabel, "chainRuleLabel").text()
    assert "dL/dt_p" in text
    with qtbot.waitSignal(window.runFinished, timeout=10000):
        click(qtbot, window, "stopButton")


def test_results_tab_highlights_an_outlier_in_the_table(qtbot, window):
    edit_cell(qtbot, window.data_panel.view, 4, T_C, "30")  # row 5: a reading far off the line
    show_tab(window, window.teaching.results)
    run(qtbot, window)
    assert 4 in window.model.highlighted_rows()
    assert window.model.index(4, T_C).data(Qt.BackgroundRole) is not None


def test_learning_rate_sweep_from_the_window(qtbot, window):
    sweep = window.teaching.sweep
    choose(qtbot, window.controls.normalization, "None")
    show_tab(window, sweep)
    type_into(qtbot, sweep.count, "6")
    with qtbot.waitSignal(sweep.sweepFinished, timeout=60000) as blocker:
        click(qtbot, sweep, "runSweepButton")
    points = blocker.args[0]
    assert len(points) == 6
    assert any(p.diverged for p in points) and any(not p.diverged for p in points)
