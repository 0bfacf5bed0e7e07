"""Issue #16's plot views, driven as a person drives them: residuals as squares whose mean area is the MSE shown, a
line placed by hand with two handles (its loss live, then "Start from my line"), rewinding on the loss plot (the fit,
readouts and landscape follow; Esc returns; "Continue from here"), and the exact °F law beside the fit."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.explain import fmt_loss
from thermogui.core.geometry import law_comparison, line_loss, line_through, residuals, square_areas
from thermogui.core.history import LOSS
from thermogui.core.models import LINE
from thermogui.core.numbers import fmt_num
from thermogui.core.problem import training_data
from thermogui.ui.files import settings
from thermogui.ui.plots.geometry import LAW_NAME

from .helpers import choose, click, type_into

BOOK = Dataset.book()


def text(window, name) -> str:
    return window.findChild(QLabel, name).text()


def f5(qtbot, window, timeout=60000):
    with qtbot.waitSignal(window.runFinished, timeout=timeout) as blocker:
        qtbot.keyClick(window.controls.epochs, Qt.Key_F5)
    return blocker.args[0]


def number_after(label_text: str, word: str) -> float:
    """The number that follows `word` in a label ("loss 12.34" -> 12.34)."""
    tail = label_text.split(word, 1)[1].strip().split()[0].rstrip(",;)")
    return float(tail.replace("−", "-"))


def move_with_button(widget, pos: QPointF) -> None:
    """A mouse move with the left button held (QTest's mouseMove cannot say a button is down)."""
    ev = QMouseEvent(
        QEvent.MouseMove, pos, widget.mapToGlobal(pos), Qt.NoButton, Qt.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, ev)


def settle() -> None:
    """Let pending layouts happen (a bar shown in the readouts makes the plots shorter) before aiming the mouse."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        QApplication.processEvents()


def mouse_drag(qtbot, plot, start_scene, end_scene, steps: int = 4) -> None:
    """Press on the plot at a scene point, move there in steps with the button down, release: a person's drag.
    (pyqtgraph drops mouse moves closer than 10 ms apart, and a first move under 5 px is still a click: the steps are
    paced like a hand's and the drag is long enough.)"""
    settle()
    vp = plot.viewport()
    a, b = plot.mapFromScene(start_scene()), plot.mapFromScene(end_scene())
    assert (b - a).manhattanLength() >= 6 * steps
    qtbot.mousePress(vp, Qt.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, steps + 1):
        qtbot.wait(20)
        t = i / steps
        move_with_button(vp, QPointF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t))
    qtbot.wait(20)
    qtbot.mouseRelease(vp, Qt.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def data_to_scene(plot, x: float, y: float) -> QPointF:
    return plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))


# --- residuals as squares --------------------------------------------------------------------------------------------
def test_the_squares_mean_area_is_the_mse_shown(qtbot, window):
    fit = window.fit_plot
    assert not fit.squares_visible() and not window.squares_action.isChecked()
    type_into(qtbot, window.controls.epochs, "200")
    outcome = f5(qtbot, window)
    window.squares_action.trigger()  # View ▸ Residuals as Squares
    assert fit.squares_visible() and settings.VIEW_RESIDUAL_SQUARES.get() is True
    rects, train, aspect, mse = fit.residual_squares()
    core = residuals(LINE, fit.line(), window.run_state.dataset)
    assert mse == core.mse and len(rects) == 11 and train.all()
    areas = square_areas(rects, aspect)  # each square's area in °C² (its width converted back from °F)
    assert areas.mean() == pytest.approx(mse, rel=1e-12)
    assert areas.sum() == pytest.approx(11 * mse, rel=1e-12)  # the total area is N × the MSE
    assert fit.squares_text().startswith("mean of the squares = MSE = {}".format(fmt_num(mse, 2)))
    assert mse == pytest.approx(outcome.final_loss, rel=1e-5)  # the run's loss at the line shown (float32)
    # the squares look square on screen: as many pixels wide as tall
    x, y, w, h = max(rects, key=lambda r: r[3])
    a, b = data_to_scene(fit, x, y), data_to_scene(fit, x + w, y + h)
    assert abs(b.x() - a.x()) == pytest.approx(abs(b.y() - a.y()), rel=1e-6)
    # a new view range keeps them square: the widths follow the aspect, the areas stay r²
    fit.getPlotItem().vb.setXRange(0, 200, padding=0)
    rects2, _, aspect2, mse2 = fit.residual_squares()
    assert aspect2 > 2 * aspect and mse2 == mse
    assert square_areas(rects2, aspect2) == pytest.approx(areas, rel=1e-9)
    window.squares_action.trigger()
    assert fit.residual_squares() is None and not fit.squares_fill.isVisible()
    assert settings.VIEW_RESIDUAL_SQUARES.get() is False


def test_validation_readings_squares_are_dashed_and_not_counted(qtbot, window):
    type_into(qtbot, window.controls.val_fraction, "0.2")
    window.squares_action.trigger()
    fit = window.fit_plot
    rects, train, aspect, mse = fit.residual_squares()
    config = window.run_state.committed_config()
    t_u, t_c, _ = training_data(config, BOOK)
    w, b = fit.line()
    assert (~train).sum() == 2 and mse == pytest.approx(float(np.mean((w * t_u + b - t_c) ** 2)), rel=1e-12)
    assert square_areas(rects, aspect)[train].mean() == pytest.approx(mse, rel=1e-12)
    assert "validation readings dashed, not counted" in fit.squares_text()
    assert len(fit.val_squares.getData()[0]) > 0


# --- my line ---------------------------------------------------------------------------------------------------------
def test_dragging_my_lines_handle_updates_its_loss_and_it_starts_the_run(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "1e-4")
    type_into(qtbot, c.epochs, "5")
    fit = window.fit_plot
    window.my_line_action.trigger()  # Run ▸ Place My Line
    assert fit.my_line_shown() and all(h.isVisible() for h in fit.handles)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "myLineLabel").isVisible(), timeout=2000)
    (x1, y1), (x2, y2) = fit.my_line_points()
    # a real mouse drag of the first handle, 6 °C down
    mouse_drag(qtbot, fit, lambda: data_to_scene(fit, x1, y1), lambda: data_to_scene(fit, x1, y1 - 6.0))
    (nx1, ny1), second = fit.my_line_points()
    assert nx1 == pytest.approx(x1, abs=0.3) and ny1 == pytest.approx(y1 - 6.0, abs=0.3) and second == (x2, y2)
    assert fit.mapFromScene(data_to_scene(fit, nx1, ny1)) == fit.mapFromScene(data_to_scene(fit, x1, y1 - 6.0))
    w, b = line_through((nx1, ny1), second)
    config = window.run_state.committed_config()
    loss = line_loss(config, window.run_state.dataset, w, b)
    label = text(window, "myLineLabel")
    assert label.startswith("my line: t_c = ") and "loss {}".format(fmt_loss(loss)) in label
    assert fit.my_line_item.getData()[1] == pytest.approx(w * fit.my_line_item.getData()[0] + b)
    # the second handle through its API, as a drag would move it: the readout follows
    fit.handles[1].setPos(x2 + 5.0, y2 + 3.0)
    w, b = line_through(*fit.my_line_points())
    loss = line_loss(config, window.run_state.dataset, w, b)
    assert "loss {}".format(fmt_loss(loss)) in text(window, "myLineLabel")

    with qtbot.waitSignal(window.runFinished, timeout=60000):
        click(qtbot, window, "startFromMyLineButton")
    run = window.run_state.last_run
    assert (run.config.init_w, run.config.init_b) == (w, b)  # normalize none: model units are raw units
    assert run.history.snapshot()[0, LOSS] == pytest.approx(loss, rel=2e-6)  # the first epoch's loss is my line's
    assert not fit.my_line_shown() and not window.findChild(QLabel, "myLineLabel").isVisible()


def test_my_line_with_scaled_input_and_the_quadratic(qtbot, window):
    c = window.controls
    choose(qtbot, c.model, "Quadratic")
    type_into(qtbot, c.epochs, "3")
    window.my_line_action.trigger()
    fit = window.fit_plot
    fit.handles[0].setPos(30.0, 0.0)
    fit.handles[1].setPos(80.0, 26.0)
    w, b = line_through(*fit.my_line_points())
    with qtbot.waitSignal(window.runFinished, timeout=60000):
        window.start_my_line_action.trigger()
    config = window.run_state.last_run.config
    assert config.init_w2 == 0.0
    assert config.init_w == pytest.approx(w / 0.1) and config.init_b == pytest.approx(b)  # t_u × 0.1: model units
    loss = line_loss(TrainConfig(), BOOK, w, b)
    assert window.run_state.last_run.history.snapshot()[0, LOSS] == pytest.approx(loss, rel=2e-6)


def test_my_line_is_not_a_start_for_the_network(qtbot, window):
    choose(qtbot, window.controls.model, "Network")
    window.my_line_action.trigger()
    label = text(window, "myLineLabel")
    assert "loss" in label and "not offered" in label and "no start values" in label
    assert not window.findChild(type(window.readouts.my_line_button), "startFromMyLineButton").isEnabled()
    assert not window.start_my_line_action.isEnabled()


# --- rewind ----------------------------------------------------------------------------------------------------------
def click_loss_plot(qtbot, window, epoch: float) -> None:
    plot = window.loss_plot
    rows = window.run_state.last_run.history.snapshot()
    loss = float(rows[int(epoch) - 1, LOSS])
    settle()
    qtbot.mouseClick(
        plot.viewport(),
        Qt.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        plot.mapFromScene(plot.scene_pos_of(epoch, loss)),
    )


def test_rewinding_on_the_loss_plot_and_continuing_from_there(qtbot, window):
    type_into(qtbot, window.controls.epochs, "100")
    f5(qtbot, window)
    history = window.run_state.last_run.history
    rows = history.snapshot()
    assert window.loss_plot.rewindable()
    with qtbot.waitSignal(window.epochChosen, timeout=2000) as chosen:
        click_loss_plot(qtbot, window, 50)
    assert chosen.args == [50]
    r = window.viewing[0]
    assert r.epoch == 50 and r.params == tuple(rows[49, 3:5])
    assert window.fit_plot.line() == tuple(rows[49, 5:7])
    assert "After epoch 50 (model units): w = {}, b = {}".format(fmt_num(rows[49, 3]), fmt_num(rows[49, 4])) in text(
        window, "paramsLabel"
    )
    assert text(window, "epochLabel").startswith("Looking back at epoch 50 of 100")
    assert "Loss of epoch 50 {}".format(fmt_num(rows[49, LOSS])) in text(window, "lossLabel")
    assert window.loss_plot.cursor_epoch() == 50
    # the landscape's current point follows
    window.tabs.setCurrentWidget(window.teaching.landscape)
    xs, ys = window.teaching.landscape.current.getData()
    assert (xs[-1], ys[-1]) == pytest.approx(tuple(rows[49, 3:5]))

    qtbot.keyClick(window.fit_plot, Qt.Key_Escape)  # back to the latest
    assert window.viewing is None and window.loss_plot.cursor_epoch() is None
    assert window.fit_plot.line() == tuple(rows[99, 5:7])
    assert "After epoch 100" in text(window, "paramsLabel")
    xs, ys = window.teaching.landscape.current.getData()
    assert (xs[-1], ys[-1]) == pytest.approx(tuple(rows[99, 3:5]))

    # a drag along the loss plot looks at each epoch it passes, ending at the last one
    plot = window.loss_plot
    mouse_drag(
        qtbot, plot, lambda: plot.scene_pos_of(20, rows[19, LOSS]), lambda: plot.scene_pos_of(70, rows[69, LOSS])
    )
    assert window.viewing[0].epoch == 70

    click_loss_plot(qtbot, window, 50)
    assert window.viewing[0].epoch == 50
    type_into(qtbot, window.controls.lr, "2e-2")  # another rate for the rest of the way: still looking at epoch 50
    assert window.viewing[0].epoch == 50 and text(window, "epochLabel").startswith("Looking back at epoch 50")
    assert window.fit_plot.line() == tuple(rows[49, 5:7])
    with qtbot.waitSignal(window.runFinished, timeout=60000):
        click(qtbot, window, "continueFromHereButton")
    run = window.run_state.last_run
    assert (run.config.init_w, run.config.init_b) == tuple(rows[49, 3:5]) and run.config.lr == 2e-2
    # the new run starts at the parameters after epoch 50's update: its first loss is the old run's epoch 51 loss
    assert run.history.snapshot()[0, LOSS] == rows[50, LOSS]
    assert window.viewing is None


def test_rewinding_the_books_5000_epoch_run_to_epoch_100_shows_its_100_epoch_parameters(qtbot, window):
    f5(qtbot, window)  # the defaults: the book's t_un = 0.1·t_u, lr 1e-2, 5,000 epochs
    rows = window.run_state.last_run.history.snapshot()
    click_loss_plot(qtbot, window, 100)
    clicked = window.viewing[0].epoch
    assert abs(clicked - 100) <= 25  # 5,000 epochs across the plot: a pixel spans several of them
    window.loss_plot.setFocus()
    for _ in range(30):  # the arrow keys step one epoch at a time
        if window.viewing[0].epoch == 100:
            break
        qtbot.keyClick(window.loss_plot, Qt.Key_Right if window.viewing[0].epoch < 100 else Qt.Key_Left)
    assert window.loss_plot.cursor_epoch() == 100
    assert "w = 2.7553, b = −2.5162" in text(window, "paramsLabel")  # the book: tensor([ 2.7553, -2.5162])
    assert rows[99, 0] == 100


def test_while_paused_escape_and_a_step_return_to_the_latest(qtbot, window):
    type_into(qtbot, window.controls.epochs, "50")
    with qtbot.waitSignal(window.runPaused, timeout=10000):
        qtbot.keyClick(window.controls.epochs, Qt.Key_F10)  # Step: one epoch, then paused
    for _ in range(3):
        with qtbot.waitSignal(window.runPaused, timeout=10000):
            qtbot.keyClick(window.controls.epochs, Qt.Key_F10)
    assert window.loss_plot.rewindable()
    window.loss_plot.epochPicked.emit(2.0)
    assert window.viewing[0].epoch == 2 and "Looking back at epoch 2" in text(window, "epochLabel")
    with qtbot.waitSignal(window.runPaused, timeout=10000):
        qtbot.keyClick(window.controls.epochs, Qt.Key_F10)  # the run moves on: the window shows it
    assert window.viewing is None and text(window, "epochLabel").startswith("Epoch 5 of 50")
    rows = window.run_state.last_run.history.snapshot()
    window.loss_plot.epochPicked.emit(3.0)
    with qtbot.waitSignal(window.runFinished, timeout=60000) as stopped:  # Continue stops the paused run…
        window.continue_action.trigger()
    assert stopped.args[0].epochs_run == 5
    with qtbot.waitSignal(window.runFinished, timeout=60000):
        pass  # … then starts anew from epoch 3's parameters
    run = window.run_state.last_run
    assert (run.config.init_w, run.config.init_b) == tuple(rows[2, 3:5])
    assert run.history.snapshot()[0, LOSS] == rows[3, LOSS] and run.history.latest.epoch == 50


def test_the_network_can_be_looked_back_at_but_not_continued(qtbot, window):
    choose(qtbot, window.controls.model, "Network")
    type_into(qtbot, window.controls.epochs, "20")
    f5(qtbot, window)
    rows = window.run_state.last_run.history.snapshot()
    window.loss_plot.epochPicked.emit(10.0)
    assert window.viewing[0].epoch == 10
    assert window.fit_plot.line() == pytest.approx(tuple(rows[9, 3 + 40 : 3 + 80]))
    button = window.readouts.continue_button
    assert not button.isEnabled() and "no start values" in button.toolTip()
    assert not window.continue_action.isEnabled()


# --- the law behind the data -----------------------------------------------------------------------------------------
def test_the_fahrenheit_reference_line(qtbot, window):
    fit = window.fit_plot
    window.law_action.trigger()  # View ▸ °F Reference Line
    assert settings.VIEW_FAHRENHEIT_LAW.get() is True
    xs, ys = fit.law.getData()
    assert len(xs) >= 2 and ys == pytest.approx((xs - 32) * 5 / 9, rel=1e-12)
    assert LAW_NAME in [label.text for _, label in fit.legend.items]
    note = text(window, "lawLabel")
    assert window.findChild(QLabel, "lawLabel").isVisible()
    c = law_comparison(TrainConfig(), BOOK)
    assert "noisy" in note and "only 11 of them" in note and fmt_num(c.law_loss, 2) in note
    assert fit.law.toolTip() == note
    window.law_action.trigger()
    assert not fit.law.isVisible() and not window.findChild(QLabel, "lawLabel").isVisible()
    assert LAW_NAME not in [label.text for _, label in fit.legend.items]


def test_the_view_toggles_are_remembered(qtbot):
    from thermogui.app import create_window

    settings.VIEW_RESIDUAL_SQUARES.set(True)
    settings.VIEW_FAHRENHEIT_LAW.set(True)
    w = create_window()
    try:
        assert w.squares_action.isChecked() and w.fit_plot.squares_visible()
        assert w.law_action.isChecked() and w.fit_plot.law_visible()
        assert not math.isnan(w.fit_plot.residual_squares()[3])
    finally:
        w.files.mark_saved()
        w.close()
