"""The loss landscape panel, driven like a person: click to choose the start, hover to read the loss."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from thermogui.core.dataset import Dataset
from thermogui.core.history import History
from thermogui.core.landscape_words import raw_start, run_label
from thermogui.core.training import TrainConfig, run
from thermogui.ui.panels.landscape import LandscapePanel

from .helpers import choose

BOOK = Dataset.book()
RAW = TrainConfig(normalize="none", lr=1e-4)


def rows_of(config: TrainConfig, data: Dataset = BOOK) -> np.ndarray:
    history, _ = run(config, data)
    h = History(len(history), n_params=history[0].n_params)
    for r in history:
        h.append(r)
    return h.snapshot()


@pytest.fixture
def panel(qtbot):
    p = LandscapePanel()
    qtbot.addWidget(p)
    p.resize(800, 620)
    p.show()
    qtbot.waitExposed(p)
    p.set_problem(RAW, BOOK)
    assert p.landscape is not None
    settle(qtbot, p)
    return p


def settle(qtbot, panel: LandscapePanel) -> None:
    """Let the first paint size the axes (their width follows the tick labels), so the plot area stops moving."""
    panel.grab()
    qtbot.wait(30)


def viewport_pos(panel: LandscapePanel, w: float, b: float):
    """Where (w, b) is on the plot's viewport, in pixels."""
    scene = panel.view.mapViewToScene(QPointF(w, b))
    return panel.plot.mapFromScene(scene)


def corner(panel: LandscapePanel):
    """A point of the plot widget below the x axis's labels, outside the plot area."""
    vp = panel.plot.viewport()
    pos = vp.rect().bottomLeft() + QPoint(4, -3)
    assert not panel.view.sceneBoundingRect().contains(panel.plot.mapToScene(pos))
    return pos


def pixel_size(panel: LandscapePanel) -> tuple[float, float]:
    (w0, w1), (b0, b1) = panel.view.viewRange()
    rect = panel.view.sceneBoundingRect()
    return (w1 - w0) / rect.width(), (b1 - b0) / rect.height()


def test_clicking_the_landscape_picks_the_start(qtbot, panel):
    dw, db = pixel_size(panel)
    for w, b in [(0.8, -5.0), (0.0, -15.0), (panel.landscape.optimum.w, panel.landscape.optimum.b)]:
        with qtbot.waitSignal(panel.startPicked, timeout=2000) as blocker:
            qtbot.mouseClick(panel.plot.viewport(), Qt.LeftButton, pos=viewport_pos(panel, w, b))
        got_w, got_b = blocker.args
        assert got_w == pytest.approx(w, abs=1.5 * dw)
        assert got_b == pytest.approx(b, abs=1.5 * db)


def test_a_click_outside_the_plot_area_picks_nothing(qtbot, panel):
    picked = []
    panel.startPicked.connect(lambda w, b: picked.append((w, b)))
    qtbot.mouseClick(panel.plot.viewport(), Qt.LeftButton, pos=corner(panel))
    qtbot.mouseClick(panel.plot.viewport(), Qt.RightButton, pos=viewport_pos(panel, 0.5, -5.0))
    assert picked == []


def test_a_picked_start_inside_the_window_moves_only_the_marker(qtbot, panel):
    window = panel.landscape.window
    view = panel.view.viewRange()
    with qtbot.waitSignal(panel.startPicked) as blocker:
        qtbot.mouseClick(panel.plot.viewport(), Qt.LeftButton, pos=viewport_pos(panel, 0.3, -10.0))
    w, b = blocker.args
    panel.set_problem(RAW.with_(init_w=w, init_b=b), BOOK)  # what the window does with the pick
    xs, ys = panel.start_marker.getData()
    assert (xs[0], ys[0]) == (w, b)
    assert panel.landscape.window == window and panel.view.viewRange() == view


def test_a_start_outside_the_window_recomputes_it(qtbot, panel):
    panel.set_problem(RAW.with_(init_w=4.0, init_b=30.0), BOOK)
    panel.refresh()  # set_problem recomputes at once unless it just did (then after a pause)
    land = panel.landscape
    assert land.contains(4.0, 30.0) and land.contains(land.optimum.w, land.optimum.b)
    (w0, w1), (b0, b1) = panel.view.viewRange()
    assert w0 <= 4.0 <= w1 and b0 <= 30.0 <= b1


def test_hover_shows_w_b_and_the_loss(qtbot, panel):
    label = panel.findChild(type(panel.hover_label), "landscapeHoverLabel")
    assert label is panel.hover_label
    w, b = 0.5, -12.0
    pos = viewport_pos(panel, w, b)
    qtbot.mouseMove(panel.plot.viewport(), pos)
    qtbot.waitUntil(lambda: "loss" in label.text() and "w =" in label.text(), timeout=2000)
    text = label.text()
    hw = float(text.split("w = ")[1].split()[0].replace("\u2212", "-"))
    hb = float(text.split("b = ")[1].split()[0].replace("\u2212", "-"))
    dw, db = pixel_size(panel)
    assert hw == pytest.approx(w, abs=1.5 * dw) and hb == pytest.approx(b, abs=1.5 * db)
    shown = float(text.split("loss = ")[1].split()[0].replace("\u2212", "-"))
    assert shown == pytest.approx(panel.landscape.loss_at(hw, hb), rel=2e-3)
    # leaving the plot area puts the prompt back (QTest drops a move that follows another at once: pause first)
    qtbot.wait(20)
    qtbot.mouseMove(panel.plot.viewport(), corner(panel))
    qtbot.waitUntil(lambda: "Hover" in label.text(), timeout=2000)


def test_scaled_input_shows_the_raw_line_under_the_mouse(qtbot, panel):
    panel.set_problem(TrainConfig(), BOOK)
    panel.refresh()
    settle(qtbot, panel)
    land = panel.landscape
    qtbot.mouseMove(panel.plot.viewport(), viewport_pos(panel, land.optimum.w, land.optimum.b))
    qtbot.waitUntil(lambda: "t_c =" in panel.hover_label.text(), timeout=2000)


def test_the_landscape_switches_with_the_normalization(qtbot, panel):
    raw = panel.landscape
    assert "33,599" in panel.caption.text() and "long and narrow" in panel.caption.text()
    assert panel.plot.getPlotItem().getAxis("bottom").labelText == "w (model units)"
    assert panel.plot.getPlotItem().getAxis("left").labelText == "b"
    panel.set_problem(TrainConfig(normalize="scale"), BOOK)
    panel.refresh()
    scaled = panel.landscape
    assert scaled is not raw and scaled.normalization.kind == "scale"
    assert "357" in panel.caption.text()
    assert scaled.optimum.w == pytest.approx(10 * raw.optimum.w, rel=1e-6)
    (w0, w1), _ = panel.view.viewRange()
    assert w0 < scaled.optimum.w < w1
    xs, ys = panel.optimum_marker.getData()
    assert (xs[0], ys[0]) == (scaled.optimum.w, scaled.optimum.b)
    visible = [iso for iso in panel.contours if iso.isVisible()]
    assert len(visible) == len(scaled.levels) >= 5


def test_trajectory_is_drawn_from_the_start_and_decimated(qtbot, panel):
    config = RAW.with_(epochs=5000)
    rows = rows_of(config)
    panel.set_trajectory(rows)
    xs, ys = panel.path.getData()
    assert len(xs) <= 2000
    assert (xs[0], ys[0]) == (config.init_w, config.init_b)
    assert (xs[-1], ys[-1]) == pytest.approx((rows[-1, 3], rows[-1, 4]))
    cx, cy = panel.current.getData()
    assert (cx[0], cy[0]) == pytest.approx((rows[-1, 3], rows[-1, 4]))
    assert "this run" in [label.text for _, label in panel.legend.items]
    panel.clear_trajectory()
    xs, _ = panel.path.getData()
    assert xs is None or len(xs) == 0
    assert "this run" not in [label.text for _, label in panel.legend.items]


def test_a_diverging_run_keeps_the_view_and_is_clipped(qtbot, panel):
    view = panel.view.viewRange()
    config = RAW.with_(lr=1e-2, epochs=200)  # the book's raw-input blow-up
    rows = rows_of(config)
    assert not np.isfinite(rows[-1, 1])
    panel.set_trajectory(rows)
    qtbot.wait(50)
    assert panel.view.viewRange() == view
    xs, ys = panel.path.getData()
    finite = np.isfinite(xs)
    (w0, w1), (b0, b1) = view
    assert finite.any()
    assert np.all(np.abs(xs[finite]) <= 3 * (abs(w0) + abs(w1))) and np.all(
        np.abs(ys[finite]) <= 3 * (abs(b0) + abs(b1))
    )
    assert panel.path_note.isVisible() and "infinite" in panel.path_note.text()
    assert len(panel.current.getData()[0]) == 0


def test_previous_runs_are_kept_faded_with_a_legend(qtbot, panel):
    first = RAW.with_(epochs=500)
    panel.add_previous_path(rows_of(first), run_label(first), raw_start(first, BOOK))
    scaled = TrainConfig(epochs=500)
    panel.set_problem(scaled, BOOK)  # the earlier raw run is redrawn in the scaled units
    panel.refresh()
    panel.add_previous_path(rows_of(scaled), run_label(scaled), raw_start(scaled, BOOK))
    labels = [label.text for _, label in panel.legend.items]
    assert "lr 1e-4, raw t_u, GD" in labels and "lr 0.01, t_u × 0.1, GD" in labels
    raw_path = panel._previous[0]["item"].getData()
    assert raw_path[0][0] == pytest.approx(10.0)  # raw start w = 1 is w = 10 in units of t_u x 0.1
    button = panel.findChild(type(panel.clear_previous_button), "landscapeClearPreviousButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)
    assert panel.previous_labels() == []
    assert not any(label.text.startswith("lr ") for _, label in panel.legend.items)
    assert not button.isEnabled()


def test_reset_view_shows_the_whole_window_again(qtbot, panel):
    window = panel.landscape.window
    panel.view.setRange(xRange=(0.4, 0.6), yRange=(-18, -16), padding=0)
    panel._on_zoom_settled()  # what a wheel zoom does after a pause: a finer grid for the new view
    assert panel.landscape.window == pytest.approx((0.4, 0.6, -18, -16))
    qtbot.mouseClick(panel.reset_button, Qt.LeftButton)
    assert panel.landscape.window == pytest.approx(window)
    (w0, w1), (b0, b1) = panel.view.viewRange()
    assert (w0, w1, b0, b1) == pytest.approx(window)


def test_data_that_cannot_be_fitted_shows_a_reason(qtbot, panel):
    panel.set_problem(RAW, Dataset([3.0], [1.0]))
    panel.refresh()
    assert panel.landscape is None
    assert panel.caption.text().startswith("No landscape")
    qtbot.mouseMove(panel.plot.viewport(), viewport_pos(panel, 0.5, -5))
    panel.set_trajectory(rows_of(RAW.with_(epochs=10)))  # no crash without a landscape
    panel.set_problem(RAW, BOOK)
    qtbot.waitUntil(lambda: panel.landscape is not None, timeout=2000)  # after the throttle's pause


def test_a_hidden_panel_computes_when_shown(qtbot):
    p = LandscapePanel()
    qtbot.addWidget(p)
    p.set_problem(RAW, BOOK)
    assert p.landscape is None
    p.show()
    qtbot.waitExposed(p)
    assert p.landscape is not None and p.landscape.normalization.kind == "none"


def test_a_burst_of_changes_is_throttled(qtbot, panel):
    for k in range(20):
        panel.set_problem(TrainConfig(normalize="scale", scale=0.1 + 0.001 * k), BOOK)
    qtbot.waitUntil(lambda: math.isclose(panel.landscape.normalization.factor, 0.119), timeout=2000)


# --- other models -----------------------------------------------------------------------------------------------------
QUAD = TrainConfig(model="quadratic", lr=5e-4)


def test_the_line_has_no_pair_chooser(panel):
    assert not panel.pair_input.isVisible() and panel.pair_input.count() == 1
    assert panel.pair_input.itemText(0) == "w × b" and panel.pair_names() == ("w", "b")


def test_a_slice_of_the_quadratic_follows_the_chosen_pair_and_the_held_values(qtbot, panel):
    panel.set_problem(QUAD, BOOK)
    panel.refresh()
    assert panel.pair_input.isVisible() and panel.pair_names() == ("w1", "b")
    assert panel.landscape.held == [("w2", 0.0)] and panel.start_marker.getData()[0][0] == 1.0  # start w1 = 1
    choose(qtbot, panel.pair_input, "w2 × b")
    assert panel.landscape.names == ("w2", "b") and panel.pair_names() == ("w2", "b")
    assert panel.plot.getPlotItem().getAxis("bottom").labelText == "w2 (model units)"
    # a run moves the held w1: the slice follows in the same window, after a short pause
    window = panel.landscape.window
    panel.set_point((0.1, 2.0, -3.0))
    qtbot.waitUntil(lambda: panel.landscape.held == [("w1", 2.0)], timeout=3000)
    assert panel.landscape.window == pytest.approx(window, rel=1e-9)
    # clicking picks the pair's start values
    with qtbot.waitSignal(panel.startPicked) as blocker:
        qtbot.mouseClick(panel.plot.viewport(), Qt.LeftButton, pos=viewport_pos(panel, 0.2, -4.0))
    dw, db = pixel_size(panel)
    assert blocker.args == pytest.approx([0.2, -4.0], abs=1.5 * max(dw, db))
    # the line's paths are not drawn on the quadratic's landscape, the quadratic's are
    line_rows = rows_of(RAW.with_(epochs=20))
    panel.set_trajectory(line_rows)
    xs, _ = panel.path.getData()
    assert panel.path_points() is None and (xs is None or len(xs) == 0)
    rows = rows_of(QUAD.with_(epochs=30))
    panel.set_trajectory(rows)
    w2, b = panel.path_points()
    assert np.array_equal(w2[1:], rows[:, 3]) and np.array_equal(b[1:], rows[:, 5])


def test_a_network_shows_the_reason_and_the_line_comes_back(qtbot, panel):
    panel.set_problem(TrainConfig(model="mlp"), BOOK)
    assert panel.landscape is None and not panel.plot.isVisible()
    assert "not available for this model" in panel.unavailable_label.text()
    panel.set_trajectory(rows_of(RAW.with_(epochs=10)))  # no crash without a landscape
    panel.set_problem(RAW, BOOK)
    qtbot.waitUntil(lambda: panel.landscape is not None, timeout=3000)
    assert panel.plot.isVisible() and not panel.unavailable_label.isVisible()
    assert "33,599" in panel.caption.text() and not panel.pair_input.isVisible()
