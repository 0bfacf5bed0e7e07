"""The analysis panels with another model than the line, driven like a person: pick the quadratic in the model combo,
run it (F5), then read its landscape over a chosen pair of parameters and its gradient per parameter; a network gets
a plain "not available" instead of the line's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from thermogui.core.gradients import model_gradient_report
from thermogui.core.models import QUADRATIC
from thermogui.core.problem import model_inputs, training_data

from .helpers import choose, type_into

EPOCHS = 1000  # fewer than the path's 2000 points: every epoch is drawn, so the path is the history's columns


def combo(window, name: str) -> QComboBox:
    box = window.findChild(QComboBox, name)
    assert box is not None, name
    return box


def open_tab(qtbot, window, panel) -> None:
    """Click the panel's tab, as a person does."""
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(panel)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentWidget() is panel


def cell(table, row: int, col: int) -> float:
    return float(table.item(row, col).text().replace("\u2212", "-"))


@pytest.fixture
def quadratic_run(qtbot, window):
    """The window after a short run of the quadratic (t_u × 0.1, lr 5e-4: below its stable bound 8.5e-4)."""
    choose(qtbot, combo(window, "modelInput"), "Quadratic")
    assert window.run_state.config().model == "quadratic"
    type_into(qtbot, window.controls.lr, "5e-4")
    type_into(qtbot, window.controls.epochs, str(EPOCHS))
    with qtbot.waitSignal(window.run_state.runEnded, timeout=30000):
        qtbot.keyClick(window, Qt.Key_F5)
    assert len(window.history) == EPOCHS
    return window


def test_the_landscape_of_the_quadratic_shows_a_chosen_pair_with_the_path_projected(qtbot, quadratic_run):
    window = quadratic_run
    land = window.teaching.landscape
    open_tab(qtbot, window, land)
    qtbot.waitUntil(lambda: land.landscape is not None, timeout=10000)
    pair = land.findChild(QComboBox, "landscapePairInput")
    assert pair.isVisible()
    assert [pair.itemText(i) for i in range(pair.count())] == ["w1 × b", "w2 × w1", "w2 × b"]
    assert land.landscape.names == ("w1", "b")
    before = np.array(land.image.image, copy=True)
    rows = window.history.snapshot()
    latest = rows[-1, 3:6]

    choose(qtbot, pair, "w2 × w1")
    qtbot.waitUntil(lambda: land.landscape.names == ("w2", "w1"), timeout=5000)
    slice_ = land.landscape
    item = land.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "w2 (model units)"
    assert item.getAxis("left").labelText == "w1 (model units)"
    # a new image: the slice over (w2, w1) through the run's last point, b held at its last value
    assert land.image.image.shape == before.shape and not np.allclose(land.image.image, before)
    assert slice_.point == pytest.approx(tuple(latest), rel=0, abs=0)
    assert slice_.held == [("b", pytest.approx(latest[2], rel=0, abs=0))]
    config = window.run_state.last_run.config
    t_u, t_c, norm = training_data(config, window.run_state.dataset)
    exact = QUADRATIC.loss(model_inputs(norm, t_u), t_c, latest)
    assert slice_.loss_at(latest[0], latest[1]) == pytest.approx(exact, rel=1e-6)
    # the path: the start, then the history's w2 and w1 columns, every epoch
    w2, w1 = land.path_points()
    assert (w2[0], w1[0]) == (config.init_w2, config.init_w)
    assert np.array_equal(w2[1:], rows[:, 3]) and np.array_equal(w1[1:], rows[:, 4])
    xs, _ = land.path.getData()
    assert len(xs) > 2
    cx, cy = land.current.getData()
    assert (cx[0], cy[0]) == (latest[0], latest[1])
    assert "w2 across, w1 up, b = " in land.caption.text()
    # the least-squares star where the least-squares point projects onto the pair
    sx, sy = land.optimum_marker.getData()
    assert (sx[0], sy[0]) == pytest.approx(slice_.least_squares[:2])


def test_the_inspector_lists_the_quadratics_gradient_per_parameter(qtbot, quadratic_run):
    window = quadratic_run
    panel = window.teaching.gradient
    open_tab(qtbot, window, panel)
    table = panel.param_table
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=5000)
    assert table.isVisible() and not panel.table.isVisible()
    assert [table.verticalHeaderItem(i).text() for i in range(3)] == ["dL/dw2", "dL/dw1", "dL/db"]
    latest = window.history.latest
    report = model_gradient_report(window.run_state.last_run.config, window.run_state.dataset, latest.params)
    for row in range(3):
        by_hand, autograd, fd = (cell(table, row, col) for col in range(3))
        assert by_hand == pytest.approx(report.manual[row], rel=1e-3, abs=1e-3)
        assert autograd == pytest.approx(by_hand, rel=1e-3, abs=1e-3)
        assert fd == pytest.approx(by_hand, rel=1e-3, abs=1e-3)
    assert panel.verdict.text().startswith("✓ All three agree")
    assert "w2 = " in panel.where.text() and "dt_p/dw2 = x²" in panel.equations.text()
    # results & calibration is the straight line's tool: it says so rather than show the line's numbers
    results = window.teaching.results
    open_tab(qtbot, window, results)
    assert "about the straight line" in results.outlier_label.text() and results.calibration is None


def test_clicking_a_slice_of_the_quadratic_sets_the_start_of_that_pair(qtbot, window):
    choose(qtbot, combo(window, "modelInput"), "Quadratic")
    land = window.teaching.landscape
    open_tab(qtbot, window, land)
    qtbot.waitUntil(lambda: land.landscape is not None, timeout=10000)
    choose(qtbot, land.findChild(QComboBox, "landscapePairInput"), "w2 × w1")
    qtbot.waitUntil(lambda: land.landscape.names == ("w2", "w1"), timeout=5000)
    land.grab()  # (the first paint sizes the axes)
    pos = land.plot.mapFromScene(land.scene_pos_of(0.3, 2.0))
    with qtbot.waitSignal(land.startPicked, timeout=3000):
        qtbot.mouseClick(land.plot.viewport(), Qt.LeftButton, pos=pos)
    (w0, w1), (b0, b1) = land.view.viewRange()
    assert window.controls.init_w2.value() == pytest.approx(0.3, abs=0.01 * (w1 - w0))
    assert window.controls.init_w.value() == pytest.approx(2.0, abs=0.01 * (b1 - b0))
    assert window.controls.init_b.value() == 0.0  # the held parameter keeps its start
    assert window.run_state.config().start_params() == pytest.approx((0.3, 2.0, 0.0), abs=0.01)


def test_a_network_gets_not_available_in_the_analysis_panels(qtbot, window):
    choose(qtbot, combo(window, "modelInput"), "Network")
    land = window.teaching.landscape
    open_tab(qtbot, window, land)
    note = land.unavailable_label
    qtbot.waitUntil(lambda: "not available for this model" in note.text(), timeout=5000)
    assert "network" in note.text() and not land.plot.isVisible()  # no (w, b) plane of another model ...
    assert not note.isVisible() and land.network_view.isVisible()  # ... but the network's own landscape
    assert land.landscape is None and land.image.image is None
    assert not land.findChild(QComboBox, "landscapePairInput").isVisible()
    assert len(land.optimum_marker.getData()[0]) == 0 and len(land.start_marker.getData()[0]) == 0
    grad = window.teaching.gradient
    open_tab(qtbot, window, grad)
    assert "not available for this model" in grad.where.text()
    assert grad.report is None and not grad.table.isVisible() and grad.equations.text() == ""
    assert grad.network_view.isVisible() and grad.network_view.table.rowCount() == 4  # per-layer norms instead
    sweep = window.teaching.sweep
    open_tab(qtbot, window, sweep)
    assert not sweep.bound_line.isVisible() and "no single learning rate" in sweep.bound_note.text()
