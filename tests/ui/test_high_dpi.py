"""Lines are as thick next to the text on a high-DPI screen as on any other: at QT_SCALE_FACTOR=2 the plots' lines,
curves and marker outlines are drawn twice as many device pixels thick as at 1 (pyqtgraph's pens are cosmetic:
without the plot kit's PenScaler they stay 1–2 device pixels thin at any scale)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from thermogui.ui.plots import kit

# Draws the real plots, grabs them and measures, in the grabbed image's device pixels, how thick a line is: across
# it, the sum of each pixel's share of the line's colour (against the background), which counts an antialiased
# edge as the part of a pixel it covers.
PROBE = textwrap.dedent("""
    import json, sys
    import numpy as np
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from thermogui.core.dataset import Dataset
    from thermogui.core.history import COLUMNS, EPOCH, LOSS, VAL_LOSS
    from thermogui.ui.panels.results import ResidualPlot
    from thermogui.ui.plots import kit
    from thermogui.ui.plots.live import FIT_COLOR, FitPlot, LossPlot
    import pyqtgraph as pg

    def across(plot, color, view_point, start, stop):
        '''How thick `color` is along the device-pixel column through view_point, from `start` to `stop`
        device-independent pixels below it (negative: above).'''
        image = plot.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        at = plot.mapFromScene(plot.getPlotItem().vb.mapViewToScene(QPointF(*view_point)))
        x, y = round(at.x() * ratio), round(at.y() * ratio)
        background = np.array(plot.backgroundBrush().color().getRgb()[:3], float)
        d = np.array(pg.mkColor(color).getRgb()[:3], float) - background
        total = 0.0
        for row in range(y + round(start * ratio), y + round(stop * ratio)):
            c = image.pixelColor(x, row)
            share = np.dot(np.array([c.red(), c.green(), c.blue()], float) - background, d) / np.dot(d, d)
            total += float(np.clip(share, 0.0, 1.0))
        return total

    def shown(plot):
        plot.resize(500, 360)
        plot.show()
        for _ in range(10):
            app.processEvents()

    out = {"ratio": app.devicePixelRatio()}

    fit = FitPlot()
    fit.set_data(Dataset(np.array([]), np.array([])))  # no readings: the view is 0..100 x -20..40
    fit.set_line(0.0, 10.0)  # a level line at 10 °C
    shown(fit)
    out["fit line"] = across(fit, FIT_COLOR, (50, 10), -12, 12)

    loss = LossPlot()
    rows = np.zeros((20, len(COLUMNS)))
    rows[:, EPOCH] = np.arange(1, 21)
    rows[:, LOSS] = 30.0  # a level curve in the middle of the decade 10..100
    rows[:, VAL_LOSS] = np.nan
    loss.set_rows(rows)
    shown(loss)
    out["loss curve"] = across(loss, FIT_COLOR, (10, np.log10(30.0)), -12, 12)

    residuals = ResidualPlot()
    empty = np.array([])
    residuals.set_points(empty, empty, empty, empty, np.array([5.0]), np.array([5.0]), float("nan"))
    residuals.getPlotItem().vb.setRange(xRange=(0, 10), yRange=(-10, 10), padding=0)
    shown(residuals)
    # the top of the outlier's ring (17 px across): from just above its centre to past its edge
    out["marker outline"] = across(residuals, residuals.flagged.opts["pen"].color(), (5, 5), -14, -3)

    print(json.dumps(out))
""")


def measure(scale: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    env.pop("QT_ENABLE_HIGHDPI_SCALING", None)
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def thickness():
    return {scale: measure(scale) for scale in ("1", "2")}


@pytest.mark.parametrize(
    ("line", "width"),
    [("fit line", 2.5), ("loss curve", 2.0), ("marker outline", 2.0)],
)
def test_lines_are_twice_as_thick_at_scale_2(thickness, line, width):
    one, two = thickness["1"], thickness["2"]
    assert one["ratio"] == 1.0 and two["ratio"] == 2.0
    assert one[line] == pytest.approx(width, abs=0.6), f"{line} at scale 1: {one}"
    assert two[line] == pytest.approx(2 * one[line], rel=0.2), f"{line}: {one[line]:.2f} px at 1, {two[line]:.2f} at 2"


# --- the PenScaler, in this process: a plot told its ratio is 2 ----------------------------------------------------
@pytest.fixture
def plot(qtbot):
    p = kit.ThemedPlot()
    qtbot.addWidget(p)
    return p


def at_ratio(monkeypatch, plot, ratio: float) -> None:
    monkeypatch.setattr(plot, "devicePixelRatioF", lambda: ratio)


def test_every_kind_of_pen_is_widened_once_and_given_back(plot, monkeypatch):
    item = plot.getPlotItem()
    curve = pg.PlotDataItem([0, 1], [0, 1], pen=kit.pen("r", width=2.5), symbol="o", symbolPen=kit.pen("b", width=1.5))
    scatter = pg.ScatterPlotItem([0.5], [0.5], pen=kit.pen("g", width=2))
    line = pg.InfiniteLine(pos=0.5, angle=0, pen=kit.pen("k", width=1.5))
    no_line = pg.PlotDataItem([0, 1], [1, 0], pen=None, symbol="x")
    for it in (curve, scatter, line, no_line):
        item.addItem(it)
    at_ratio(monkeypatch, plot, 2.0)
    for _ in range(3):  # (a sync with nothing new changes nothing: never widened twice)
        plot.sync_pens()
        assert curve.opts["pen"].widthF() == 5.0
        assert curve.curve.opts["pen"].widthF() == 5.0  # what the curve draws with
        assert curve.opts["symbolPen"].widthF() == 3.0
        assert scatter.opts["pen"].widthF() == 4.0
        assert line.pen.widthF() == 3.0
        assert item.getAxis("left").pen().widthF() == 2.0
        assert no_line.opts["pen"] is None  # no line stays no line
    at_ratio(monkeypatch, plot, 1.0)  # back on a screen of ratio 1
    plot.sync_pens()
    assert (curve.opts["pen"].widthF(), scatter.opts["pen"].widthF(), line.pen.widthF()) == (2.5, 2.0, 1.5)
    assert item.getAxis("left").pen().widthF() == 1.0


def test_pens_set_later_are_widened(plot, monkeypatch):
    item = plot.getPlotItem()
    curve = pg.PlotDataItem([0, 1], [0, 1], pen=kit.pen("r", width=2))
    item.addItem(curve)
    at_ratio(monkeypatch, plot, 2.0)
    plot.sync_pens()
    curve.setPen(kit.pen("b", width=3))  # e.g. a new colour scheme
    later = pg.PlotDataItem([0, 1], [1, 0], pen=kit.pen("g", width=1.5))  # e.g. an earlier run's faded curve
    item.addItem(later)
    kit.style_axis(item.getAxis("bottom"))
    plot.sync_pens()
    assert curve.opts["pen"].widthF() == 6.0 and curve.opts["pen"].color() == pg.mkColor("b")
    assert later.opts["pen"].widthF() == 3.0
    assert item.getAxis("bottom").pen().widthF() == 2.0


def test_painting_and_a_new_screen_widen_the_pens(plot, monkeypatch, qtbot):
    curve = pg.PlotDataItem([0, 1], [0, 1], pen=kit.pen("r", width=2))
    plot.getPlotItem().addItem(curve)
    at_ratio(monkeypatch, plot, 2.0)
    QApplication.sendEvent(plot, QEvent(QEvent.Type.DevicePixelRatioChange))  # moved to a screen of ratio 2
    assert curve.opts["pen"].widthF() == 4.0
    later = pg.PlotDataItem([0, 1], [1, 0], pen=kit.pen("g", width=1.5))
    plot.getPlotItem().addItem(later)
    plot.show()
    qtbot.waitExposed(plot)
    plot.viewport().grab()  # a paint
    assert later.opts["pen"].widthF() == 3.0


def test_ratio_one_leaves_pens_alone(plot):
    curve = pg.PlotDataItem([0, 1], [0, 1], pen=kit.pen("r", width=2))
    plot.getPlotItem().addItem(curve)
    given = curve.opts["pen"]
    if plot.devicePixelRatioF() != 1.0:
        pytest.skip("this screen's ratio is not 1")
    plot.sync_pens()
    assert curve.opts["pen"] is given


def test_plots_and_panels_make_their_pens_with_the_kit():
    """kit.pen says the width is in device-independent pixels: the plots and panels do not make pens otherwise."""
    from pathlib import Path

    import thermogui.ui

    root = Path(thermogui.ui.__file__).parent
    plots = [f for f in sorted((root / "plots").glob("*.py")) if f.name != "kit.py"]  # (the kit makes them)
    files = [*plots, *sorted((root / "panels").glob("*.py"))]
    offenders = [f.name for f in files if any(make in f.read_text(encoding="utf-8") for make in ("mkPen(", "QPen("))]
    assert not offenders, offenders
