"""The main view with a model other than the line, and the user's own validation split: the equation, the fit
curve, the readouts, the Val column and the stable-rate / convergence note — driven as a person drives the window."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionViewItem

from thermogui.core.config import StopReason
from thermogui.core.dataset import Dataset
from thermogui.core.fast import epochs_to_converge
from thermogui.core.models import LINE, QUADRATIC
from thermogui.ui.readings.model import T_U, VAL, VAL_TIP

from .helpers import choose, click, type_into

BOOK = Dataset.book()


def text(window, name) -> str:
    return window.findChild(QLabel, name).text()


def f5(qtbot, window, timeout=60000):
    with qtbot.waitSignal(window.runFinished, timeout=timeout) as blocker:
        qtbot.keyClick(window.controls.epochs, Qt.Key_F5)
    return blocker.args[0]


def click_check(qtbot, view, row: int, col: int) -> None:
    """Click the check box of a cell where the style draws it (as a person clicks it)."""
    index = view.model().index(row, col)
    opt = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(opt, index)
    opt.rect = view.visualRect(index)
    box = view.style().subElementRect(QStyle.SE_ItemViewItemCheckIndicator, opt, view)
    assert box.isValid() and opt.rect.contains(box.center())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, box.center())


def parse(number: str) -> float:
    return float(number.replace("−", "-"))


def raw_poly_lstsq(degree: int):
    """numpy's least squares of the book readings, in raw t_u: (coefficients highest power first, loss)."""
    c = np.polyfit(BOOK.t_u, BOOK.t_c, degree)
    r = np.polyval(c, BOOK.t_u) - BOOK.t_c
    return c, float(r @ r / len(r))


# --- the quadratic ---------------------------------------------------------------------------------------------------
def test_quadratic_run_shows_its_equation_curve_and_convergence(qtbot, window):
    c = window.controls
    choose(qtbot, c.model, "Quadratic")  # the keyboard, as a person picks it
    assert window.run_state.value("model") == "quadratic"
    type_into(qtbot, c.lr, "5e-4")
    type_into(qtbot, c.epochs, "2000")

    # before the run: the start curve, numpy's least-squares parabola, and the quadratic's own Hessian in the note
    coef, ls_loss = raw_poly_lstsq(2)
    best = text(window, "leastSquaresLabel")
    assert "t_c = 0.002830 · t_u² + 0.2476 · t_u − 10.65" in best and f"loss {ls_loss:.4f}" in best
    xs, ys = window.fit_plot.lstsq.getData()
    assert len(xs) == 200 and ys == pytest.approx(np.polyval(coef, xs), rel=1e-9, abs=1e-9)
    x = BOOK.t_u * 0.1
    h = QUADRATIC.hessian(x.astype(np.float32))
    lam = np.linalg.eigvalsh(h)
    start_loss = float(np.mean((0.1 * BOOK.t_u - BOOK.t_c) ** 2))  # w2 = 0, w1 = 1, b = 0 on 0.1·t_u
    predicted = epochs_to_converge(QUADRATIC, x.astype(np.float32), 5e-4, 1e-3, (start_loss - ls_loss) / ls_loss)
    note = text(window, "stableRateLabel")
    assert f"stable up to {2 / lam[-1]:.1e}".replace("e-0", "e-") in note
    assert f"condition number {lam[-1] / lam[0]:.3g}".replace("e+0", "e") in note
    assert f"≤ {predicted['epochs']:,} epochs to 0.1 % (2,000 set)" in note
    assert "t_u²" in text(window, "equationLabel") and "w2 = 0.0000, w1 = 1.0000, b = 0.0000" in text(
        window, "paramsLabel"
    )

    outcome = f5(qtbot, window)
    assert outcome.stop_reason == StopReason.COMPLETED and outcome.model == "quadratic"
    # the equation: the t_u² term, and the outcome's raw parameters to 4 significant digits
    eq = text(window, "equationLabel")
    terms = eq.removeprefix("t_c = ").replace("− ", "−").replace("+ ", "").split()
    shown = [parse(terms[0]), parse(terms[3]), parse(terms[6])]
    assert terms[2] == "t_u²" and terms[5] == "t_u" and len(terms) == 7
    assert shown == pytest.approx(outcome.params, rel=5e-4)
    # the fit curve is the model's: y = model.predict(x) on raw t_u with the raw parameters, over the data range
    xs, ys = window.fit_plot.fit.getData()
    assert len(xs) == 200 and xs[0] < BOOK.t_u.min() and xs[-1] > BOOK.t_u.max()
    for i in (0, 57, 123, 199):
        assert ys[i] == pytest.approx(QUADRATIC.predict([xs[i]], outcome.params)[0], rel=1e-12)
    # readouts: per-parameter names of the quadratic, never the line's w and b
    grad, params = text(window, "gradientLabel"), text(window, "paramsLabel")
    assert "dL/dw2 = " in grad and "dL/dw1 = " in grad and "dL/dw =" not in grad
    assert f"w2 = {outcome.params_model[0]:.4f}".replace("-", "−") in params
    dist = text(window, "distanceLabel")
    assert "Δw2 = " in dist and "Δw1 = " in dist and "Δw =" not in dist
    assert "at the curve shown" in text(window, "lossLabel")
    assert "t_u²" in text(window, "runSummaryLabel")
    # 2,000 epochs are far too few at a condition number near 10⁵: the note says it did not get there, and how far
    excess = (outcome.final_loss - ls_loss) / ls_loss
    assert excess > 1e-3
    note = text(window, "stableRateLabel")
    assert f"not reached: {100 * excess:.0f} % above the minimum" in note
    assert "condition number" in note


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)  # (offscreen popups)
def test_quadratic_can_be_picked_from_the_open_list_and_is_drawn_as_a_curve_before_a_run(qtbot, window):
    combo = window.controls.model
    qtbot.mouseClick(combo, Qt.LeftButton)  # a click opens the list
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    row = combo.findData("quadratic")
    while view.currentIndex().row() != row:  # (Qt ignores a click in a list opened less than 0.4 s ago: arrows)
        qtbot.keyClick(view, Qt.Key_Down)
    qtbot.keyClick(view, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.run_state.value("model") == "quadratic", timeout=3000)
    assert not view.isVisible()
    # the start (w2 = 0) is still straight, but drawn as the quadratic's 200-point curve
    xs, ys = window.fit_plot.fit.getData()
    assert len(xs) == 200 and ys == pytest.approx(0.1 * xs, rel=1e-12)
    assert text(window, "equationLabel") == "Start: t_c = 0 · t_u² + 0.1000 · t_u + 0"


# --- the book's split ------------------------------------------------------------------------------------------------
def test_ticking_the_books_validation_readings_gives_its_printed_numbers(qtbot, window):
    view = window.data_panel.view
    model = window.model
    assert "readings 3 and 11" in model.headerData(VAL, Qt.Horizontal, Qt.ToolTipRole)
    click_check(qtbot, view, 2, VAL)
    click_check(qtbot, view, 10, VAL)
    assert model.dataset.val.tolist() == [i in (2, 10) for i in range(11)]
    assert model.undo_stack.undoText() == "Mark reading 11 as validation"
    # drawn differently: tinted rows with a tooltip in the table, hollow markers in the fit plot
    assert model.data(model.index(2, T_U), Qt.BackgroundRole) is not None
    assert model.data(model.index(2, T_U), Qt.ToolTipRole) == VAL_TIP
    assert model.data(model.index(3, T_U), Qt.BackgroundRole) is None
    vx, vy = window.fit_plot.val_points.getData()
    assert sorted(zip(vx.tolist(), vy.tolist())) == [(58.2, 15.0), (68.4, 21.0)]
    assert 58.2 not in window.fit_plot.points.getData()[0].tolist()
    assert "validation readings" in [label.text for _, label in window.fit_plot.legend.items]
    assert not window.controls.val_fraction.isEnabled()  # the marks decide, not the random share

    type_into(qtbot, window.controls.lr, "1e-2")
    type_into(qtbot, window.controls.epochs, "3000")
    note = text(window, "stableRateLabel")
    assert "condition number" in note and "epochs to 0.1 % of the minimum" in note
    outcome = f5(qtbot, window)
    assert outcome.stop_reason == StopReason.COMPLETED
    # the optimizer notebook prints: Epoch 3000, Training loss 3.0125, Validation loss 3.5756;
    # params tensor([  5.1964, -16.7512])
    assert "its loss 3.0125, validation 3.5756 (before its update)" in text(window, "epochLabel")
    assert "w = 5.1964, b = −16.7512" in text(window, "paramsLabel")
    assert text(window, "equationLabel") == "t_c = 0.5196 · t_u − 16.75"
    note = text(window, "stableRateLabel")
    ls = np.polyfit(np.delete(BOOK.t_u, [2, 10]), np.delete(BOOK.t_c, [2, 10]), 1)
    r = np.polyval(ls, np.delete(BOOK.t_u, [2, 10])) - np.delete(BOOK.t_c, [2, 10])
    reached = (outcome.final_loss - r @ r / 9) / (r @ r / 9) <= 1e-3
    assert reached  # (3,000 epochs suffice on these 9 readings)
    assert "✓ reached: within 0.1 % of the minimum" in note


def test_a_val_tick_is_undone_and_redone(qtbot, window):
    view = window.data_panel.view
    click_check(qtbot, view, 4, VAL)
    assert window.model.dataset.val[4] and window.fit_plot.val_points.getData()[0].tolist() == [56.3]
    assert window.data_panel.undo_action.text().endswith("Mark reading 5 as validation")
    click(qtbot, window, "undoButton")
    assert not window.model.dataset.val.any()
    assert window.fit_plot.val_points.getData()[0].tolist() == []
    assert window.model.data(window.model.index(4, T_U), Qt.BackgroundRole) is None
    click(qtbot, window, "redoButton")
    assert window.model.dataset.val.tolist() == [i == 4 for i in range(11)]
    click_check(qtbot, view, 4, VAL)  # a second click unticks it
    assert not window.model.dataset.val.any()
    assert window.model.undo_stack.undoText() == "Unmark reading 5 as validation"


def test_marks_stay_with_their_readings_through_delete_insert_and_paste(qtbot, window):
    from PySide6.QtGui import QGuiApplication

    view = window.data_panel.view
    click_check(qtbot, view, 2, VAL)  # reading 3: (58.2, 15)
    view.setFocus()
    view.setCurrentIndex(window.model.index(0, T_U))
    qtbot.keyClick(view, Qt.Key_Delete)  # delete reading 1: the mark moves up with its reading
    d = window.model.dataset
    assert np.flatnonzero(d.val).tolist() == [1] and d.t_u[1] == 58.2
    QGuiApplication.clipboard().setText("40\t5\n41\t6\n")
    view.setCurrentIndex(window.model.index(0, T_U))
    qtbot.keyClick(view, Qt.Key_V, Qt.ControlModifier)  # two rows pasted below row 1: not marked
    d = window.model.dataset
    assert len(d) == 12 and np.flatnonzero(d.val).tolist() == [3] and d.t_u[3] == 58.2
    assert window.fit_plot.val_points.getData()[0].tolist() == [58.2]
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)  # undo the paste
    assert np.flatnonzero(window.model.dataset.val).tolist() == [1]


def test_a_random_share_is_drawn_as_the_runs_validation_readings(qtbot, window):
    from thermogui.core.problem import split

    type_into(qtbot, window.controls.val_fraction, "0.2")
    config, data = window.run_state.committed_config(), window.run_state.dataset
    _, va = split(config, data)
    assert len(va) == 2 and not data.val.any()
    assert sorted(window.fit_plot.val_points.getData()[0].tolist()) == sorted(BOOK.t_u[va].tolist())
    assert window.model.validation_rows() == sorted(va.tolist())
    assert window.model.data(window.model.index(int(va[0]), VAL), Qt.CheckStateRole) == Qt.Unchecked  # not ticked


# --- the line keeps its numbers ------------------------------------------------------------------------------------
def test_the_line_reads_as_before_with_its_convergence_prediction(qtbot, window):
    c = window.controls
    type_into(qtbot, c.epochs, "3000")
    note = text(window, "stableRateLabel")
    x = (BOOK.t_u.astype(np.float32) * np.float32(0.1)).astype(np.float64)
    (w, _), ls_loss = np.polyfit(BOOK.t_u, BOOK.t_c, 1), raw_poly_lstsq(1)[1]
    start = float(np.mean((0.1 * BOOK.t_u - BOOK.t_c) ** 2))
    predicted = epochs_to_converge(LINE, x, 1e-2, 1e-3, (start - ls_loss) / ls_loss)["epochs"]
    assert predicted == 2995
    assert note == "stable up to 0.033 · condition number 357\n≤ 2,995 epochs to 0.1 % of the minimum"
    outcome = f5(qtbot, window)
    assert text(window, "equationLabel") == f"t_c = {outcome.w:.4f} · t_u − {-outcome.b:.2f}"  # as it always read
    assert f"Δw = {outcome.w - w:.4f}".replace("-", "−") in text(window, "distanceLabel")
    assert "dL/dw = " in text(window, "gradientLabel") and "dL/db = " in text(window, "gradientLabel")
    assert math.isclose(outcome.final_loss, ls_loss, rel_tol=1e-3)
    assert text(window, "stableRateLabel").endswith("✓ reached: within 0.1 % of the minimum")
    xs, ys = window.fit_plot.fit.getData()
    assert len(xs) == 2  # the line is still two points
    # a changed setting makes the result stale: the note predicts again
    type_into(qtbot, c.epochs, "100")
    assert text(window, "stableRateLabel").endswith("≤ 2,995 epochs to 0.1 % (100 set)")
