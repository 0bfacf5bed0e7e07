"""The main view with the network (issue #15, "Watch it"): pick it like a person, type its hidden units, run (F5);
its size instead of an equation, its curve over 20–90 °F beside the least-squares line, each hidden unit's curve on a
toggle (View menu and a check box, remembered), whether it beats the line on training and validation loss in core's
numbers, and no line-model numbers where they do not apply.  Closing the window in the middle of a network run is
clean."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from thermogui.core.analysis import line_baseline, start_params_raw, versus_line
from thermogui.core.config import StopReason
from thermogui.core.dataset import Dataset
from thermogui.core.explain import line_comparison_text
from thermogui.core.models import model_of
from thermogui.core.numbers import equation
from thermogui.core.problem import split
from thermogui.ui.files.settings import VIEW_HIDDEN_UNITS

from .helpers import choose, type_into

BOOK = Dataset.book()


def text(window, name) -> str:
    return window.findChild(QLabel, name).text()


def f5(qtbot, window, timeout=60000):
    with qtbot.waitSignal(window.runFinished, timeout=timeout) as blocker:
        qtbot.keyClick(window.controls.epochs, Qt.Key_F5)
    return blocker.args[0]


def numpy_line(config, data):
    """The least-squares line of the run's training readings by numpy, and its mean squared error on the training and
    on the validation readings."""
    tr, va = split(config, data)
    t_u, t_c = data.active()
    w, b = np.polyfit(t_u[tr], t_c[tr], 1)

    def mse(idx):
        r = w * t_u[idx] + b - t_c[idx]
        return float(r @ r / len(r))

    return (w, b), mse(tr), mse(va)


def pick_network(qtbot, window, hidden: str, lr: str, epochs: str) -> None:
    c = window.controls
    assert not c.hidden.isVisible()
    choose(qtbot, c.model, "Network")
    assert window.run_state.value("model") == "mlp"
    qtbot.waitUntil(c.hidden.isVisible, timeout=2000)  # the hidden-units field comes with the network
    type_into(qtbot, c.hidden, hidden)
    type_into(qtbot, c.lr, lr)
    type_into(qtbot, c.epochs, epochs)


def test_the_network_shows_its_size_curve_hidden_units_and_whether_it_beats_the_line(qtbot, window):
    c = window.controls
    pick_network(qtbot, window, "8", "1e-3", "300")
    type_into(qtbot, c.val_fraction, "0.2")  # two readings held out (seed 0): the overfitting question has an answer
    config = window.run_state.committed_config()
    assert (config.model, config.hidden, config.lr, config.epochs) == ("mlp", 8, 1e-3, 300)
    data = window.run_state.dataset
    (w, b), line_train, line_val = numpy_line(config, data)

    # before the run: the network's size, never an equation; no closed-form answer, no stable rate, no w or b
    assert text(window, "equationLabel") == "Start: 8 hidden units, 25 parameters"
    assert "none in closed form for a network" in text(window, "leastSquaresLabel")
    note = text(window, "stableRateLabel")
    assert note == "no stable-rate bound for a torch.nn module"  # one short line, none of the line's numbers
    assert "condition number" not in note and "stable up to" not in note and "epochs to" not in note
    assert text(
        window, "versusLineLabel"
    ) == "The least-squares line to beat: training loss {:.2f}, validation {:.2f}".format(line_train, line_val)
    # the least-squares line is drawn for comparison, over 20–90 °F (wider than the readings' 21.8–81.9)
    xs, ys = window.fit_plot.lstsq.getData()
    assert xs[0] <= 20 and xs[-1] >= 90
    assert ys == pytest.approx(w * xs + b, rel=1e-9, abs=1e-9)
    assert "least-squares line" in [label.text for _, label in window.fit_plot.legend.items]

    outcome = f5(qtbot, window)
    assert outcome.stop_reason == StopReason.COMPLETED and outcome.model == "mlp" and outcome.epochs_run == 300
    net = model_of(window.run_state.last_run.config)
    assert net.hidden == 8 and len(outcome.params) == 25

    # the readouts: "8 hidden units, 25 parameters" instead of an equation; no w, b (or w1_1 …) listed anywhere
    assert text(window, "equationLabel") == "8 hidden units, 25 parameters"
    assert "8 hidden units, 25 parameters" in text(window, "runSummaryLabel")
    grad = text(window, "gradientLabel")
    norm = float(np.linalg.norm(window.history.latest.grad))
    assert grad == "Gradient of epoch 300  |∇L| = {:.4f} over 25 parameters".format(norm)
    for label in ("equationLabel", "gradientLabel", "paramsLabel", "distanceLabel", "leastSquaresLabel"):
        shown = text(window, label)
        assert "w =" not in shown and "b =" not in shown and "w1_1" not in shown and "dL/d" not in shown, shown
    assert text(window, "distanceLabel") == ""
    assert "no stable-rate bound" in text(window, "stableRateLabel")

    # the fit curve is the network's: model.predict on raw t_u with the run's raw parameters, over 20–90 °F
    xs, ys = window.fit_plot.fit.getData()
    assert len(xs) == 200 and xs[0] <= 20 and xs[-1] >= 90
    for i in (0, 40, 101, 163, 199):
        assert ys[i] == pytest.approx(net.predict([xs[i]], outcome.params)[0], rel=1e-12, abs=1e-12)
    assert len(window.fit_plot.lstsq.getData()[0]) == 2  # the line is still drawn beside it

    # does it beat the line? core's numbers, and the line's are numpy's least squares of the same split
    base = line_baseline(config, data)
    assert base.loss == pytest.approx(line_train, rel=1e-9) and base.val_loss == pytest.approx(line_val, rel=1e-9)
    said = line_comparison_text(versus_line(base, outcome.final_loss, outcome.val_loss))
    assert text(window, "versusLineLabel") == "Against the least-squares line (final losses): " + said
    assert said.startswith("training {:.2f} vs the line's {:.2f} — ".format(outcome.final_loss, line_train))
    assert "; validation {:.2f} vs {:.2f} — ".format(outcome.val_loss, line_val) in said
    verdict = "better" if outcome.final_loss < line_train else "worse"
    assert said.startswith("training {:.2f} vs the line's {:.2f} — {}".format(outcome.final_loss, line_train, verdict))

    # the hidden units: off by default; the check box beside the size turns them on (and the View menu's action)
    box, action = window.readouts.units_box, window.units_action
    assert box.isVisible() and not box.isChecked() and not action.isChecked()
    assert window.fit_plot.unit_curves() == []
    qtbot.mouseClick(box, Qt.LeftButton)
    assert box.isChecked() and action.isChecked() and VIEW_HIDDEN_UNITS.get() is True
    units = window.fit_plot.unit_curves()
    assert len(units) == 8
    b2 = outcome.params[-1]
    total = np.sum([uy for _, uy in units], axis=0) + b2
    assert all(np.array_equal(ux, xs) for ux, _ in units)
    assert total == pytest.approx(ys, rel=1e-9, abs=1e-9)  # their sum plus the output bias is the fit
    w1, b1, w2, _ = net.split(outcome.params)
    assert units[3][1] == pytest.approx(w2[3] * np.tanh(w1[3] * xs + b1[3]), rel=1e-12, abs=1e-12)
    assert "hidden units" in [label.text for _, label in window.fit_plot.legend.items]
    # faint: thinner and mostly transparent beside the fit's pen
    unit_pen, fit_pen = window.fit_plot.units.opts["pen"], window.fit_plot.fit.opts["pen"]
    assert unit_pen.color().alpha() < 128 and unit_pen.widthF() < fit_pen.widthF()

    view_menu = window.view_menu
    assert action in view_menu.actions()
    action.trigger()  # View ▸ Show Hidden Units: off again, and the check box follows
    assert not box.isChecked() and window.fit_plot.unit_curves() == [] and VIEW_HIDDEN_UNITS.get() is False
    assert "hidden units" not in [label.text for _, label in window.fit_plot.legend.items]


def test_the_line_as_a_module_reads_as_the_line(qtbot, window):
    """nn.Linear(1, 1) is the line trained as a module: its equation and the line's least squares, no toggle."""
    c = window.controls
    choose(qtbot, c.model, "nn.Linear")
    assert window.run_state.value("model") == "linear-module"
    assert not c.hidden.isVisible() and not window.readouts.units_box.isVisible()
    type_into(qtbot, c.epochs, "500")
    ls = np.polyfit(BOOK.t_u, BOOK.t_c, 1)
    assert "t_c = 0.5368 · t_u − 17.30" in text(window, "leastSquaresLabel")
    outcome = f5(qtbot, window)
    assert text(window, "equationLabel") == equation(*outcome.params)  # the line's, as it always read
    assert "Δw = " in text(window, "distanceLabel") and not window.fit_plot.units_visible()
    xs, ys = window.fit_plot.lstsq.getData()
    assert len(xs) == 2 and ys == pytest.approx(np.polyval(ls, xs), rel=1e-9)
    assert not window.readouts.versus.isVisible()


def test_a_diverging_network_says_why_without_a_stable_rate(qtbot, window):
    """A network has no stable-rate bound: when its loss overflows, the status line says why and what to change, and
    no banner offers a "stable rate" it cannot compute."""
    pick_network(qtbot, window, "8", "0.5", "200")
    choose(qtbot, window.controls.normalization, "None")
    outcome = f5(qtbot, window)
    assert outcome.stop_reason == StopReason.NON_FINITE
    status = text(window, "runStatusLabel")
    assert status.startswith("Stopped at epoch {}: the loss became ".format(outcome.stop_epoch))
    assert "Lower the learning rate (now 0.5) or normalize the input." in status
    assert not window.alert.isVisible()
    assert text(window, "equationLabel") == "8 hidden units, 25 parameters"


def test_the_toggle_is_remembered_and_the_units_follow_a_live_run_until_the_window_closes(qtbot):
    """The toggle comes back on in a new window; the units are redrawn every frame (their sum is the fit of that
    frame); closing the window mid-run stops the training thread with no Qt warning."""
    from thermogui.app import create_window

    VIEW_HIDDEN_UNITS.set(True)
    w = create_window()
    qtbot.waitExposed(w)
    w.activateWindow()  # (shortcuts such as F5 reach the active window only)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    assert w.units_action.isChecked() and w.readouts.units_box.isChecked()
    pick_network(qtbot, w, "64", "1e-3", "1000000")
    assert w.readouts.units_box.isVisible()
    assert len(w.fit_plot.unit_curves()) == 64  # the seeded start's units, before a run
    with qtbot.waitSignal(w.epochsReady, timeout=10000):
        qtbot.keyClick(w.controls.epochs, Qt.Key_F5)
    first = w._drawn
    qtbot.waitUntil(lambda: w._drawn > max(first, 1), timeout=10000)  # a later frame
    assert w.state == "running"
    assert w.findChild(QLabel, "versusLineLabel").text().startswith("Against the least-squares line (epoch ")
    units = w.fit_plot.unit_curves()
    xs, ys = w.fit_plot.fit.getData()
    assert len(units) == 64
    total = np.sum([uy for _, uy in units], axis=0) + w.fit_plot.line()[-1]
    assert total == pytest.approx(ys, rel=1e-9, abs=1e-9)  # the units of the frame drawn, not of the start
    run = w.run_state.last_run
    assert w.fit_plot.line() != start_params_raw(run.config, run.data)  # (trained: no longer the start)
    # the frame budget: frames are spaced by what they cost (64 units cost more than a line), within 10-30 fps
    from thermogui.ui.main_window import FRAME_SHARE, MAX_REDRAW_MS, REDRAW_MS
    from thermogui.ui.plots.kit import PAINT_TIME

    assert w._frame_cost > 0 and PAINT_TIME[0] > 0
    expected = min(MAX_REDRAW_MS, max(REDRAW_MS, 1000 * w._frame_cost / FRAME_SHARE))
    assert REDRAW_MS <= w.redraw_timer.interval() <= MAX_REDRAW_MS
    assert abs(w.redraw_timer.interval() - expected) < 20  # (the latest frame's cost moves the average a little)
    thread = w.trainer._thread
    assert thread.isRunning()
    w.files.mark_saved()
    w.close()
    assert not thread.isRunning() and w.trainer._thread is None


def test_the_frame_budget_spaces_costly_frames_and_keeps_cheap_ones_at_30_fps(qtbot, window):
    from thermogui.ui.main_window import MAX_REDRAW_MS, REDRAW_MS
    from thermogui.ui.plots.kit import PAINT_TIME

    window._painted = PAINT_TIME[0]  # (as a run's start sets it: the plots' paint time is counted from there)
    window._frame_cost = None
    window._keep_frame_budget(0.020)  # 20 ms a frame: 10 fps at most
    assert window.redraw_timer.interval() == MAX_REDRAW_MS
    window._frame_cost = None
    window._keep_frame_budget(0.004)  # 4 ms: 50 ms apart at an 8 % share
    assert window.redraw_timer.interval() == 50
    window._frame_cost = None
    window._keep_frame_budget(0.0005)  # cheap: as often as the timer allows
    assert window.redraw_timer.interval() == REDRAW_MS
    choose(qtbot, window.controls.speed, "100 epochs/s")  # slowed down: the training waits, the frames need not
    assert window.run_state.speed == 100
    window._frame_cost = None
    window._keep_frame_budget(0.020)
    assert window.redraw_timer.interval() == REDRAW_MS
