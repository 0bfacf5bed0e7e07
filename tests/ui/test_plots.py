"""The live plots and the plot kit: what the axes actually draw (tick labels and ranges) for the runs people make,
including a diverging one."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from thermogui.core.history import COLUMNS, EPOCH, LOSS, VAL_LOSS
from thermogui.ui import style
from thermogui.ui.plots import kit
from thermogui.ui.plots.live import LossPlot

from .helpers import choose, click, type_into

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def loss_rows(losses, first_epoch: int = 1) -> np.ndarray:
    rows = np.zeros((len(losses), len(COLUMNS)))
    rows[:, EPOCH] = np.arange(first_epoch, first_epoch + len(losses))
    rows[:, LOSS] = losses
    rows[:, VAL_LOSS] = np.nan
    return rows


def painted_strings(axis: pg.AxisItem) -> list[str]:
    """The tick label texts the axis paints (AxisItem.generateDrawSpecs, as paint() uses it)."""
    image = QImage(10, 10, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, text_specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [spec[2] for spec in text_specs]


def drawn_ticks(axis: pg.AxisItem) -> list[tuple[float, str]]:
    """(value, label) of every tick label the axis paints: the values and strings generateDrawSpecs computes."""
    length = axis.geometry().height() if axis.orientation in ("left", "right") else axis.geometry().width()
    painted = set(painted_strings(axis))
    ticks = []
    for spacing, values in axis.tickValues(axis.range[0], axis.range[1], length):
        strings = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
        ticks += [(v, s) for v, s in zip(values, strings) if s and s in painted]
    return ticks


def decade(e: int) -> str:
    """The true label of 10**e in pyqtgraph's style: 1, 10¹ … 10³⁰; 0.1 … 0.0001, 10⁻⁵ …"""
    text = "%0.1g" % 10.0**e
    if "e" in text:
        return "10" + str(int(text.split("e")[1])).translate(SUPERSCRIPT)
    return text


@pytest.fixture
def loss_plot(qtbot):
    p = LossPlot()
    qtbot.addWidget(p)
    p.resize(520, 320)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_the_loss_axis_covers_a_validation_loss_below_the_training_loss(qtbot, loss_plot):
    """The book's network: training ~2.5, validation down to ~0.5 — the axis reaches it (it used to stop at 1, and
    the validation curve fell off the bottom)."""
    rows = loss_rows(np.linspace(3.0, 2.5, 50))
    rows[:, VAL_LOSS] = np.where(np.arange(50) % 2, 0.5, 9.0)
    loss_plot.set_epoch_range(50)
    loss_plot.set_rows(rows)
    low, high = loss_plot.getPlotItem().vb.viewRange()[1]
    assert low <= math.log10(0.5) and high >= math.log10(9.0)


# --- task: the loss axis tells the truth for a diverging run ------------------------------------------------------
def test_loss_axis_labels_the_true_losses_of_a_diverging_run(qtbot, loss_plot):
    loss_plot.set_epoch_range(5000)
    loss_plot.set_rows(loss_rows(np.geomspace(1763.9, 1e30, 11)))  # raw t_u at lr 0.01: 1763.9 … 1e30
    qtbot.wait(10)
    axis = loss_plot.getPlotItem().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0
    assert "(x" not in axis.labelString() and "Loss (mean squared error)" in axis.labelString()
    ticks = drawn_ticks(axis)
    assert ticks, "no labelled ticks"
    for value, text in ticks:  # every label is the decade at its position: 10³⁰ is drawn at 1e30
        assert value == round(value) and text == decade(round(value))
    labelled = {round(v) for v, _ in ticks}
    assert 30 in labelled and min(labelled) >= 0 and max(labelled) <= 31
    painted = painted_strings(axis)
    assert "10³⁰" in painted and not any("⁻" in s for s in painted)  # never 10⁻²² for a loss of 1763.9
    # and the curve is where the labels say: the first loss sits between 10³ and 10⁴
    _, ys = loss_plot.train_curve.getData()
    assert 3 < ys[0] < 4 and ys[0] == pytest.approx(math.log10(1763.9))


def test_a_small_loss_axis_has_no_multiplier_either(qtbot, loss_plot):
    loss_plot.set_rows(loss_rows(np.geomspace(0.04, 1e-9, 50)))  # a near-perfect fit: every loss below 0.1
    qtbot.wait(10)
    axis = loss_plot.getPlotItem().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0 and "(x" not in axis.labelString()
    for value, text in drawn_ticks(axis):
        assert text == decade(round(value))


# --- task: the x range follows the epochs run -------------------------------------------------------------------
def x_range(plot: LossPlot) -> tuple[float, float]:
    return tuple(plot.getPlotItem().vb.viewRange()[0])


def test_a_run_that_stops_at_epoch_11_fills_the_x_axis(qtbot, loss_plot):
    loss_plot.clear_curves()
    loss_plot.set_epoch_range(5000)  # the planned run: only a hint now
    loss_plot.set_rows(loss_rows(np.geomspace(1763.9, 1e30, 11)))
    x0, x1 = x_range(loss_plot)
    assert 0 <= x0 <= 1 and 11 <= x1 <= 15
    assert loss_plot.epoch_range() == (1.0, 12.0)
    bottom = loss_plot.getPlotItem().getAxis("bottom")
    values = [v for v, _ in drawn_ticks(bottom)]
    assert max(values) <= 12 and 10 in values and 1000 not in values


def test_stepping_one_epoch_at_a_time_and_a_long_run(qtbot, loss_plot):
    loss_plot.set_epoch_range(5000)
    ends = []
    for n in (1, 2, 5, 10, 11, 37, 400, 5000):
        loss_plot.set_rows(loss_rows(np.geomspace(100.0, 3.0, n)))
        x0, x1 = x_range(loss_plot)
        assert x0 <= 1 and n <= x1 <= max(n, 10) * 1.25 + 1
        ends.append(loss_plot.epoch_range()[1])
    assert ends == [10, 10, 10, 10, 12, 40, 400, 5000]  # grows in steps, so a live run is re-ticked rarely


def test_an_empty_loss_plot_shows_whole_epochs(qtbot, loss_plot):
    bottom = loss_plot.getPlotItem().getAxis("bottom")
    for step in ("new", "cleared"):
        x0, x1 = x_range(loss_plot)
        assert 0 <= x0 <= 1 and 9.5 <= x1 <= 11, step
        values = [v for v, _ in drawn_ticks(bottom)]
        assert values and all(v == round(v) for v in values), (step, values)  # never epochs 0.1 … 0.9
        loss_plot.set_rows(loss_rows(np.geomspace(100.0, 3.0, 300)))
        loss_plot.clear_curves()


def test_previous_runs_are_kept_and_cleared(qtbot, loss_plot):
    loss_plot.add_previous(loss_rows(np.geomspace(100.0, 3.0, 50)), "lr 0.01")
    loss_plot.add_previous(loss_rows(np.geomspace(90.0, 2.0, 50)), "lr 0.02")
    assert loss_plot.previous_count() == 2
    names = [label.text for _, label in loss_plot.legend.items]
    assert "lr 0.01" in names and "lr 0.02" in names
    loss_plot.clear_previous()
    assert loss_plot.previous_count() == 0
    assert [label.text for _, label in loss_plot.legend.items] == ["training loss"]


def test_a_diverging_run_in_the_window_reads_true(qtbot, window):
    """The person's run: raw readings, lr 0.01, Start; it stops at epoch 11 and the loss plot shows epochs 1–12
    and the true losses; the Results tab says the line is nowhere near the readings."""
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")
    type_into(qtbot, c.epochs, "5000")
    with qtbot.waitSignal(window.runFinished, timeout=60000):
        click(qtbot, window, "startButton")
    plot = window.loss_plot
    x0, x1 = x_range(plot)
    assert 0 <= x0 <= 1 and 11 <= x1 <= 15
    axis = plot.getPlotItem().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0 and "(x" not in axis.labelString()
    assert all(text == decade(round(v)) for v, text in drawn_ticks(axis))

    results = window.teaching.results
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(results)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentWidget() is results
    text = results.outlier_label.text()
    assert "nowhere near the readings" in text and "within the usual spread" not in text
    assert [cell.text() for cell in results.metric_labels["train"]] == ["—", "—", "—", "11"]


# --- the kit ---------------------------------------------------------------------------------------------------------
def test_nice_ceil_grows_in_small_steps():
    assert [kit.nice_ceil(v) for v in (10, 11, 12, 12.5, 37, 99, 101, 5000, 0.3)] == pytest.approx(
        [10, 12, 12, 15, 40, 100, 120, 5000, 0.3]
    )
    assert kit.nice_ceil(0) == 1.0 and kit.nice_ceil(math.nan) == 1.0


def test_log_ticks_label_the_values():
    major, minor = kit.log_ticks(0.0, 2.0)
    assert [t for _, t in major] == ["1", "2", "5", "10", "20", "50", "100"]
    assert all(t == "" for _, t in minor)
    assert kit.log_ticks(0.0, math.inf) is None


def test_styled_axes_show_true_values(qtbot):
    w = pg.PlotWidget()
    qtbot.addWidget(w)
    kit.setup_plot(w.getPlotItem(), "x things", "y things")
    w.getPlotItem().vb.setYRange(0, 2e-4, padding=0)
    axis = w.getPlotItem().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0 and "(x" not in axis.labelString()
    assert kit.DecadeAxis("left").autoSIPrefix is False


def test_show_in_legend_lists_once():
    item = pg.PlotItem()
    legend = item.addLegend()
    curve = pg.PlotDataItem([1, 2], [3, 4])
    assert kit.show_in_legend(legend, curve, "a", True) is True
    assert kit.show_in_legend(legend, curve, "a", True) is False
    assert len(legend.items) == 1
    assert kit.show_in_legend(legend, curve, "a", False) is True and len(legend.items) == 0


def test_old_import_paths_keep_working():
    from thermogui.ui.panels import landscape
    from thermogui.ui.plots import live

    assert landscape.log_ticks is kit.log_ticks
    assert landscape.legend_above is kit.legend_above
    assert landscape.fit_legend_height is kit.fit_legend_height
    assert (live.DATA_COLOR, live.FIT_COLOR, live.VAL_COLOR) == (style.DATA, style.FIT, style.VALIDATION)
    assert callable(live.clip_line) and callable(live.data_bounds) and live.X_LABEL and live.Y_LABEL


def test_text_colours_follow_the_theme(qapp):
    from PySide6.QtGui import QColor, QPalette

    before = qapp.palette()
    try:
        light = QPalette(before)
        light.setColor(QPalette.Window, QColor("#f4f4f4"))
        qapp.setPalette(light)
        assert style.text_style("error") == "color: #b00020;"
        dark = QPalette(before)
        dark.setColor(QPalette.Window, QColor("#202124"))
        qapp.setPalette(dark)
        assert style.is_dark()
        assert style.text_color("error") == style.TEXT["error"][1]
        assert "#4a2523" in style.banner_style("#stopAlert")
    finally:
        qapp.setPalette(before)
