"""The results panel, driven like a person: read the fit quality and residuals, spot the outlier, use the
calibration both ways."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt

from thermogui.core.analysis import least_squares
from thermogui.core.dataset import Dataset
from thermogui.core.training import TrainConfig, run
from thermogui.ui.panels.results import ResultsPanel
from thermogui.ui.readings.model import T_C, T_U, USE, ReadingsModel

BOOK = Dataset.book()
PLANTED = BOOK.with_value(4, "t_c", 30.0)  # row 5 in the table: ~19 °C off the line


@pytest.fixture
def panel(qtbot):
    p = ResultsPanel()
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture(scope="module")
def book_run():
    return run(TrainConfig(), BOOK)[1]


def enter(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key_Return)


def test_fit_quality_and_residuals_of_the_books_run(panel, book_run):
    o = book_run
    panel.show_result(TrainConfig(), BOOK, o.w, o.b)
    rmse, mae, r2, n = (c.text() for c in panel.metric_labels["train"])
    assert rmse == "1.71" and mae == "1.64" and r2 == "0.9620" and n == "11"
    assert [c.text() for c in panel.metric_labels["val"]] == ["—", "—", "—", "0"]
    assert "No validation readings" in panel.val_note.text()
    xs, ys = panel.plot.train_points.getData()
    assert len(xs) == 11 and sorted(xs.tolist()) == sorted(BOOK.t_u.tolist())
    i = xs.tolist().index(35.7)
    assert ys[i] == pytest.approx(0.5 - (o.w * 35.7 + o.b))
    assert len(panel.plot.val_points.getData()[0]) == 0
    assert "No outliers" in panel.outlier_label.text()
    assert "Row 9: residual −2.7 °C" in panel.outlier_label.text()


def test_validation_rows_are_measured_separately(panel, book_run):
    config = TrainConfig(val_fraction=0.2)
    _, o = run(config, BOOK)
    panel.show_result(config, BOOK, o.w, o.b)
    assert panel.metric_labels["train"][3].text() == "9" and panel.metric_labels["val"][3].text() == "2"
    assert panel.metric_labels["val"][0].text() != "—"
    assert len(panel.plot.train_points.getData()[0]) == 9  # one point per training reading
    assert len(panel.plot.val_points.getData()[0]) == 2


def test_type_a_reading_get_celsius(qtbot, panel, book_run):
    o = book_run
    panel.show_result(TrainConfig(), BOOK, o.w, o.b)
    enter(qtbot, panel.reading_input, "60")
    expected = o.w * 60 + o.b
    spread = panel.calibration.spread
    assert panel.celsius_label.text() == f"→ {expected:.2f} °C ± {spread:.2f} °C"
    assert f"{expected:.2f}" == "14.90"
    enter(qtbot, panel.celsius_input, "14.9")
    back = (14.9 - o.b) / o.w
    assert panel.reading_label.text().startswith(f"→ reading t_u = {back:.2f} ± {spread / o.w:.2f}")
    enter(qtbot, panel.reading_input, "150")
    assert "extrapolation" in panel.celsius_label.text()


@pytest.mark.parametrize(
    "text, words", [("abc", "is not a number"), ("nan", "not a finite number"), ("1e999", "too large")]
)
def test_bad_input_shows_a_clear_message(qtbot, panel, book_run, text, words):
    panel.show_result(TrainConfig(), BOOK, book_run.w, book_run.b)
    enter(qtbot, panel.reading_input, text)
    assert panel.celsius_label.text().startswith("⚠") and words in panel.celsius_label.text()
    assert "b00020" in panel.celsius_label.styleSheet()
    enter(qtbot, panel.celsius_input, text)
    assert panel.reading_label.text().startswith("⚠")


def test_a_flat_line_cannot_be_inverted(qtbot, panel):
    panel.show_result(TrainConfig(), BOOK, 0.0, 3.0)
    enter(qtbot, panel.celsius_input, "20")
    assert "flat" in panel.reading_label.text() and panel.reading_label.text().startswith("⚠")


def test_before_a_run_the_calculator_says_so(qtbot, panel):
    enter(qtbot, panel.reading_input, "60")
    assert "Train a model first" in panel.celsius_label.text()


def test_planted_outlier_is_listed_signalled_and_highlighted(qtbot, panel):
    _, o = run(TrainConfig(), PLANTED)
    with qtbot.waitSignal(panel.outliersChanged) as sig:
        panel.show_result(TrainConfig(), PLANTED, o.w, o.b)
    assert sig.args == [[4]]
    first = panel.outlier_label.text().splitlines()[1]
    r = 30.0 - (o.w * 56.3 + o.b)
    assert first.startswith(f"Row 5: residual +{r:.1f} °C") and "outlier" in first
    assert len(panel.plot.flagged.getData()[0]) == 1

    model = ReadingsModel(PLANTED)
    model.set_highlighted_rows(sig.args[0])
    for col in (USE, T_U, T_C):
        assert model.data(model.index(4, col), Qt.BackgroundRole) is not None
        assert model.data(model.index(4, col), Qt.ToolTipRole) == "Outlier: large residual"
    assert model.data(model.index(3, T_U), Qt.BackgroundRole) is None
    with qtbot.waitSignal(panel.outliersChanged) as cleared:
        panel.clear()
    assert cleared.args == [[]]


def test_outlier_rows_count_excluded_rows(qtbot, panel):
    data = PLANTED.with_include(0, False)  # the outlier is still table row 5 (index 4)
    _, o = run(TrainConfig(), data)
    with qtbot.waitSignal(panel.outliersChanged) as sig:
        panel.show_result(TrainConfig(), data, o.w, o.b)
    assert sig.args == [[4]]
    assert "Row 5:" in panel.outlier_label.text()


def test_highlights_clear_when_the_readings_change(qtbot):
    model = ReadingsModel(PLANTED)
    with qtbot.waitSignal(model.dataChanged):
        model.set_highlighted_rows([4])
    assert model.highlighted_rows() == [4]
    model.setData(model.index(0, T_U), "36")
    assert model.highlighted_rows() == []
    assert model.data(model.index(4, T_U), Qt.BackgroundRole) is None
    model.set_highlighted_rows([2, 99])  # rows that do not exist are ignored
    assert model.highlighted_rows() == [2]


def test_a_diverged_line_and_bad_settings_show_messages(panel):
    panel.show_result(TrainConfig(), BOOK, float("nan"), 1.0)
    assert "diverged" in panel.outlier_label.text()
    panel.show_result(TrainConfig(val_fraction=0.95), BOOK, 0.5, -17.0)
    assert "No result to show" in panel.outlier_label.text()
    assert "no fitted line" in panel.equation.text()


# --- what you see is what runs: a diverged run, and axes with their true values ----------------------------------
DIVERGING = TrainConfig(normalize="none", lr=0.01)  # raw t_u at lr 0.01: stops at epoch 11 with w ~ 3e17


@pytest.fixture(scope="module")
def diverged_run():
    return run(DIVERGING, BOOK)[1]


def test_a_diverged_run_says_the_line_is_nowhere_near_the_readings(qtbot, panel, diverged_run):
    o = diverged_run
    assert o.epochs_run == 11 and math.isfinite(o.w) and abs(o.w) > 1e15  # finite, astronomically wrong
    with qtbot.waitSignal(panel.outliersChanged) as sig:
        panel.show_result(DIVERGING, BOOK, o.w, o.b)
    assert sig.args == [[]]  # nothing highlighted in the table
    text = panel.outlier_label.text()
    assert "nowhere near the readings" in text and "lower the learning rate" in text
    assert "within the usual spread" not in text and "Row " not in text
    rms = math.sqrt(np.mean((o.w * BOOK.t_u + o.b - BOOK.t_c) ** 2))
    assert f"{rms:.3e}".replace("e+", "e") in text  # the typical residual, e.g. 1.744e19 °C
    assert "32.0 °C" in text  # the readings' own range
    assert "b00020" in panel.outlier_label.styleSheet()
    # no R² of −3.9e36, no RMSE of 1.7e19: the metrics are blank, the count stays
    assert [c.text() for c in panel.metric_labels["train"]] == ["—", "—", "—", "11"]
    assert len(panel.plot.train_points.getData()[0]) == 0 and len(panel.plot.flagged.getData()[0]) == 0
    assert "e17" in panel.equation.text()  # the line that ran is still shown
    enter(qtbot, panel.reading_input, "60")
    assert panel.celsius_label.text().startswith("⚠") and "nowhere near" in panel.celsius_label.text()


def test_an_untrained_line_is_poor_but_still_measured(panel):
    panel.show_result(TrainConfig(normalize="none"), BOOK, 1.0, 0.0)  # the book's start: loss 1763.9
    rmse, _, r2, n = (c.text() for c in panel.metric_labels["train"])
    assert rmse == "42.00" and n == "11" and float(r2.replace("−", "-")) < -20
    assert "Largest residuals" in panel.outlier_label.text()


def test_the_same_book_line_after_divergence_is_judged_after_a_good_one(panel, book_run, diverged_run):
    panel.show_result(DIVERGING, BOOK, diverged_run.w, diverged_run.b)
    panel.show_result(TrainConfig(), BOOK, book_run.w, book_run.b)  # a good run afterwards is measured again
    assert panel.metric_labels["train"][2].text() == "0.9620"
    assert panel.outlier_label.styleSheet() == ""
    assert len(panel.plot.train_points.getData()[0]) == 11


def residual_ticks(panel):
    from PySide6.QtGui import QImage, QPainter

    axis = panel.plot.getPlotItem().getAxis("left")
    image = QImage(10, 10, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return axis, [t[2] for t in texts]


def test_residual_axis_labels_true_values_for_a_near_perfect_fit(qtbot, panel):
    rng = np.random.default_rng(3)
    t_u = BOOK.t_u
    exact = Dataset(t_u, 0.5 * t_u - 17.0 + rng.normal(0, 0.002, t_u.size))  # residuals of a few thousandths
    ls = least_squares(exact.t_u, exact.t_c)
    panel.show_result(TrainConfig(), exact, ls.w, ls.b)
    qtbot.wait(20)
    axis, strings = residual_ticks(panel)
    assert axis.autoSIPrefixScale == 1.0 and "(x" not in axis.labelString()
    values = [float(s.replace("−", "-")) for s in strings if s]
    assert values and max(abs(v) for v in values) < 0.02  # residuals in °C, not "×0.001" thousandths
    r = exact.t_c - (ls.w * exact.t_u + ls.b)
    assert max(values) >= 0.5 * r.max() and min(values) <= 0.5 * r.min()


def test_the_calculator_answers_as_you_type_without_enter(qtbot, panel):
    _, o = run(TrainConfig(), Dataset.book())
    panel.show_result(TrainConfig(), Dataset.book(), o.w, o.b)
    panel.reading_input.setFocus()
    qtbot.keyClicks(panel.reading_input, "60")  # no Enter, no focus change
    assert f"{o.w * 60 + o.b:.2f}" in panel.celsius_label.text()
