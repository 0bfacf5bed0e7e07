"""The learning-rate sweep panel, driven like a person: set the range, click Run sweep, read the plot and summary."""

from __future__ import annotations

import math

import pytest
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QProgressBar, QPushButton, QSpinBox

from thermogui.core.analysis import stability
from thermogui.core.dataset import Dataset
from thermogui.core.explain import fmt_lr
from thermogui.core.training import TrainConfig, prepare
from thermogui.ui.controls.widgets import NumberField
from thermogui.ui.panels.sweep import SweepPanel

from .helpers import type_into

BOOK = Dataset.book()
RAW = TrainConfig(normalize="none", lr=1e-4)
BOUND = stability(prepare(RAW, BOOK).x.double().numpy()).lr_max


@pytest.fixture
def panel(qtbot):
    p = SweepPanel()
    qtbot.addWidget(p, before_close_func=lambda w: w.shutdown())
    p.resize(760, 560)
    p.show()
    qtbot.waitExposed(p)
    p.set_problem(RAW, BOOK)
    yield p
    p.shutdown()
    assert not p.running


def widgets(panel):
    return (
        panel.findChild(NumberField, "sweepFromInput"),
        panel.findChild(NumberField, "sweepToInput"),
        panel.findChild(QSpinBox, "sweepCountInput"),
        panel.findChild(QSpinBox, "sweepEpochsInput"),
        panel.findChild(QPushButton, "runSweepButton"),
    )


def test_defaults_and_a_range_around_the_bound(panel):
    lo, hi, count, epochs, run = widgets(panel)
    assert panel.objectName() == "sweepPanel"
    assert count.value() == 25 and epochs.value() == 200
    assert lo.value() < BOUND / 100 and BOUND * 2 < hi.value() < BOUND * 10
    assert run.isEnabled()
    assert panel.bound_line.isVisible() and panel.bound_line.value() == pytest.approx(math.log10(BOUND))
    # the range follows the bound when the normalization changes ...
    panel.set_problem(TrainConfig(), BOOK)
    assert lo.value() < 0.033 / 100 < 0.033 * 2 < hi.value()


def test_a_range_the_person_typed_is_kept(qtbot, panel):
    lo, hi, *_ = widgets(panel)
    type_into(qtbot, lo, "2e-5")
    type_into(qtbot, hi, "1e-3")
    panel.set_problem(TrainConfig(), BOOK)
    assert (lo.value(), hi.value()) == pytest.approx((2e-5, 1e-3))


def test_run_a_sweep_by_clicking(qtbot, panel):
    lo, hi, count, epochs, run = widgets(panel)
    type_into(qtbot, lo, "1e-5")
    type_into(qtbot, hi, "1e-3")
    type_into(qtbot, count, "9")
    type_into(qtbot, epochs, "100")
    with qtbot.waitSignal(panel.sweepFinished, timeout=20000) as blocker:
        qtbot.mouseClick(run, Qt.LeftButton)
        assert panel.running and not run.isEnabled()
        assert panel.findChild(QPushButton, "cancelSweepButton").isEnabled()
    points = blocker.args[0]
    assert len(points) == 9
    assert [p.lr for p in points] == sorted(p.lr for p in points)
    assert points[0].lr == pytest.approx(1e-5) and points[-1].lr == pytest.approx(1e-3)
    for p in points:
        assert p.diverged == (p.lr > BOUND), p
    progress = panel.findChild(QProgressBar, "sweepProgress")
    assert progress.value() == progress.maximum() == 9
    # plotted: converging runs as dots, diverged ones as red crosses (overflowed ones on the top row)
    xs, ys = panel.stable_curve.getData()
    assert len(xs) == sum(not p.diverged for p in points)
    dx, dy = panel.diverged_curve.getData()
    assert len(dx) == sum(p.diverged for p in points)
    overflowed = [p for p in points if p.non_finite]
    assert overflowed and max(dy) == pytest.approx(math.log10(panel._top_loss()))
    summary = panel.findChild(type(panel.summary), "sweepSummaryLabel").text()
    first = min(p.lr for p in points if p.diverged)
    assert summary.startswith("Runs diverge from lr ≈ ") and "the bound predicts 3.4e-4" in summary
    assert f"{first:.1e}".replace("e-04", "e-4") in summary
    assert run.isEnabled() and not panel.running


def test_run_twice_and_with_adam(qtbot, panel):
    _, _, count, epochs, run = widgets(panel)
    type_into(qtbot, count, "3")
    type_into(qtbot, epochs, "20")
    for _ in range(2):
        with qtbot.waitSignal(panel.sweepFinished, timeout=20000):
            qtbot.mouseClick(run, Qt.LeftButton)
    panel.set_problem(TrainConfig(optimizer="adam", lr=0.1), BOOK)
    with qtbot.waitSignal(panel.sweepFinished, timeout=20000) as blocker:
        qtbot.mouseClick(run, Qt.LeftButton)
    assert len(blocker.args[0]) == 3
    assert "plain gradient descent" in panel.summary.text()


def test_cancel_a_sweep(qtbot, panel):
    _, _, count, epochs, run = widgets(panel)
    type_into(qtbot, count, "25")
    type_into(qtbot, epochs, "1000000")
    panel.set_problem(TrainConfig(), BOOK)  # stable rates run the whole million epochs: long enough to cancel
    type_into(qtbot, panel.lr_to, "1e-3")
    cancel = panel.findChild(QPushButton, "cancelSweepButton")
    qtbot.mouseClick(run, Qt.LeftButton)
    with qtbot.waitSignal(panel.sweepFinished, timeout=20000) as blocker:
        qtbot.mouseClick(cancel, Qt.LeftButton)
    assert len(blocker.args[0]) < 25
    assert panel.summary.text().startswith("Cancelled")
    assert not panel.running and run.isEnabled() and not cancel.isEnabled()


def test_shutdown_stops_a_running_sweep(qtbot, panel):
    _, _, _, epochs, run = widgets(panel)
    type_into(qtbot, epochs, "1000000")
    qtbot.mouseClick(run, Qt.LeftButton)
    assert panel.running
    host = panel._host
    thread = host._thread
    assert thread.isRunning()
    panel.shutdown()
    assert not panel.running and thread.isFinished() and host._thread is None
    panel.shutdown()  # twice is fine
    qtbot.wait(20)  # the worker's last queued signals arrive and are ignored
    assert panel.run_button.isEnabled()


def test_destroying_the_panel_stops_its_sweep(qtbot):
    p = SweepPanel()
    p.set_problem(TrainConfig(), BOOK)
    p.epochs.setValue(1_000_000)
    p.run_sweep()
    host = p._host
    thread = host._thread
    assert thread.isRunning()
    shiboken6.delete(p)  # no shutdown(): the destroyed signal stops and joins the thread
    assert host._thread is None and thread.isFinished()
    qtbot.wait(20)


def test_data_that_cannot_be_fitted_disables_the_sweep(qtbot, panel):
    panel.set_problem(RAW, Dataset([3.0], [1.0]))
    assert not panel.run_button.isEnabled()
    assert not panel.bound_line.isVisible()
    assert "2 readings" in panel.summary.text()
    panel.set_problem(RAW, BOOK)
    assert panel.run_button.isEnabled()


def test_the_progress_counts_the_runs_set(qtbot, panel):
    """The bar counts the runs the person set (it once said "0 of 100 runs" with 25 set) and the runs done."""
    _, _, count, epochs, run = widgets(panel)
    progress = panel.findChild(QProgressBar, "sweepProgress")
    assert progress.text() == "0 of 25 runs"
    type_into(qtbot, count, "9")
    assert progress.text() == "0 of 9 runs"
    type_into(qtbot, count, "25")
    assert progress.text() == "0 of 25 runs"
    type_into(qtbot, epochs, "30")
    with qtbot.waitSignal(panel.sweepFinished, timeout=20000) as blocker:
        qtbot.mouseClick(run, Qt.LeftButton)
    assert len(blocker.args[0]) == 25
    assert progress.text() == "25 of 25 runs"


def click_point(qtbot, panel, lr: float, loss: float) -> None:
    """Click the plot where the point (lr, loss) is drawn, as a person would."""
    vb = panel.plot.getPlotItem().vb
    scene = vb.mapViewToScene(QPointF(math.log10(lr), math.log10(loss)))
    qtbot.mouseClick(panel.plot.viewport(), Qt.LeftButton, pos=panel.plot.mapFromScene(scene))


def test_click_a_point_to_use_its_rate(qtbot, panel):
    _, _, count, epochs, run = widgets(panel)
    type_into(qtbot, count, "7")
    type_into(qtbot, epochs, "50")
    hint = panel.findChild(type(panel.summary), "sweepHintLabel")
    assert not hint.isVisible()
    assert "click a point" in panel.plot.toolTip().lower()
    with qtbot.waitSignal(panel.sweepFinished, timeout=20000) as blocker:
        qtbot.mouseClick(run, Qt.LeftButton)
    points = blocker.args[0]
    assert hint.isVisible() and "click a point" in hint.text().lower()
    stable = [p for p in points if not p.diverged]
    target = stable[len(stable) // 2]
    with qtbot.waitSignal(panel.rateChosen, timeout=2000) as chosen:
        click_point(qtbot, panel, target.lr, target.final_loss)
    assert chosen.args == [pytest.approx(target.lr, rel=1e-12)]
    assert panel.chosen is target and fmt_lr(target.lr) in hint.text()
    xs, _ = panel.chosen_marker.getData()
    assert xs == pytest.approx([math.log10(target.lr)])
    # a run that overflowed is drawn on the top row, and can be picked there too
    inf = next(p for p in points if p.non_finite)
    with qtbot.waitSignal(panel.rateChosen, timeout=2000) as chosen:
        click_point(qtbot, panel, inf.lr, panel._top_loss())
    assert chosen.args == [pytest.approx(inf.lr, rel=1e-12)]
    # a click away from every point picks nothing
    with qtbot.assertNotEmitted(panel.rateChosen, wait=50):
        click_point(qtbot, panel, math.sqrt(points[0].lr * points[1].lr), panel._top_loss() / 1e3)


def test_a_range_rate_that_cannot_be_used_stays_as_typed_with_the_reason(qtbot, panel):
    lo = panel.findChild(NumberField, "sweepFromInput")
    before = lo.value()
    lo.setFocus()
    lo.lineEdit().selectAll()
    qtbot.keyClicks(lo.lineEdit(), "0")
    qtbot.keyClick(lo.lineEdit(), Qt.Key_Tab)  # focus moves on: no silent revert
    assert lo.lineEdit().text() == "0" and lo.value() == before
    assert "greater than 0" in panel.summary.text()


def test_the_quadratic_is_swept_against_its_own_bound(qtbot, panel):
    from thermogui.core.sweep import stable_rate

    quad = TrainConfig(model="quadratic", arith="fast")
    bound = stable_rate(quad, BOOK)
    panel.set_problem(quad, BOOK)
    lo, hi, count, epochs, run = widgets(panel)
    assert panel.bound_line.isVisible() and panel.bound_line.value() == pytest.approx(math.log10(bound))
    assert "8.5e-4" in panel.bound_line.label.format and not panel.bound_note.isVisible()
    assert lo.value() < bound / 100 < bound * 2 < hi.value()
    type_into(qtbot, count, "6")
    with qtbot.waitSignal(panel.sweepFinished, timeout=30000) as blocker:
        qtbot.mouseClick(run, Qt.LeftButton)
    points = blocker.args[0]
    assert len(points) == 6
    assert all(p.diverged == (p.lr > bound) for p in points)  # plain GD: the bound splits them exactly
    assert "the bound predicts 8.5e-4" in panel.summary.text()


def test_a_network_is_swept_without_a_bound(qtbot, panel):
    panel.set_problem(TrainConfig(model="mlp", hidden=2), BOOK)
    lo, hi, count, epochs, run = widgets(panel)
    assert not panel.bound_line.isVisible() and run.isEnabled()
    assert panel.bound_note.isVisible() and "not available for this model" in panel.bound_note.text()
    type_into(qtbot, count, "2")
    type_into(qtbot, epochs, "10")
    with qtbot.waitSignal(panel.sweepFinished, timeout=30000) as blocker:
        qtbot.mouseClick(run, Qt.LeftButton)
    assert len(blocker.args[0]) == 2
    assert "no stable-rate bound" in panel.summary.text()
