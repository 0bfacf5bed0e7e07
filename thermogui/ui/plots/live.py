"""The live plots: the fitted line over the readings, and the loss per epoch (log y).

Drawing is the expensive part of a live run (pyqtgraph paints in Python, holding the GIL), so each redraw does
little: the fit line is two points, and the loss curves are decimated to at most MAX_LOSS_POINTS.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from thermogui.core.dataset import Dataset
from thermogui.core.history import EPOCH, LOSS, VAL_LOSS
from thermogui.ui import style
from thermogui.ui.plots.kit import (
    CountAxis,
    DecadeAxis,
    ThemedPlot,
    fit_legend_height,
    legend_above,
    nice_ceil,
    setup_plot,
    show_in_legend,
)

MAX_LOSS_POINTS = 1000
LISTED_PREVIOUS = 3  # earlier runs named in the loss legend; older ones are summed up as "+N earlier runs"
MIN_EPOCH_SPAN = 10  # the loss plot's x axis shows at least epochs 1..10
X_LABEL = "Temperature (°Fahrenheit)"
Y_LABEL = "Temperature (°Celsius)"

# the old names, kept for the modules that import them from here (export/figure.py, tests); the colours live in style
DATA_COLOR = style.DATA
FIT_COLOR = style.FIT
LSTSQ_COLOR = style.LEAST_SQUARES
VAL_COLOR = style.VALIDATION
PREVIOUS_COLORS = style.PREVIOUS_RUNS


def clip_line(w: float, b: float, x0: float, x1: float, y0: float, y1: float):
    """The part of y = w x + b with x in [x0, x1] that lies within y in [y0, y1], as (xs, ys); None if none.

    Keeps the coordinates small enough for Qt to paint when a diverging run makes w and b astronomically large.
    """
    if not (math.isfinite(w) and math.isfinite(b)):
        return None
    lo, hi = x0, x1
    if w != 0:
        xa, xb = (y0 - b) / w, (y1 - b) / w
        lo, hi = max(lo, min(xa, xb)), min(hi, max(xa, xb))
    elif not (y0 <= b <= y1):
        return None
    if not (lo < hi) or not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    xs = np.array([lo, hi])
    return xs, np.clip(w * xs + b, y0, y1)


def data_bounds(data: Dataset) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) of the readings with a margin; a sensible box even for one point or none."""
    if len(data) == 0:
        return 0.0, 100.0, -20.0, 40.0
    x0, x1 = float(data.t_u.min()), float(data.t_u.max())
    y0, y1 = float(data.t_c.min()), float(data.t_c.max())
    mx = (x1 - x0) * 0.08 or max(1.0, abs(x0) * 0.1)
    my = (y1 - y0) * 0.12 or max(1.0, abs(y0) * 0.1)
    return x0 - mx, x1 + mx, y0 - my, y1 + my


MAX_SCATTER_POINTS = 10_000


def _sampled(x: np.ndarray, y: np.ndarray):
    """At most MAX_SCATTER_POINTS evenly spaced readings: pyqtgraph's scatter costs Python time per point, and a
    100,000-reading cloud looks the same drawn from a tenth of its points."""
    if len(x) <= MAX_SCATTER_POINTS:
        return x, y
    idx = np.linspace(0, len(x) - 1, MAX_SCATTER_POINTS).astype(np.intp)
    return x[idx], y[idx]


class FitPlot(ThemedPlot):
    """Readings as circles, the current line (moving while training) and the least-squares line dashed."""

    def __init__(self, parent=None):
        super().__init__(
            parent,
            name="Fit plot",
            description=(
                "Temperature in °Celsius against the reading t_u: the readings as circles, the line being fitted "
                "and the least-squares line, dashed."
            ),
        )
        self.setObjectName("fitPlot")
        item = self.getPlotItem()
        setup_plot(item, X_LABEL, Y_LABEL)
        self.legend = legend_above(item, columns=4)  # above the data: it never hides a reading
        self.points = pg.ScatterPlotItem(
            symbol="o", size=9, pen=pg.mkPen(DATA_COLOR, width=1.5), brush=pg.mkBrush(*DATA_COLOR, 160), name="readings"
        )
        self.excluded = pg.ScatterPlotItem(
            symbol="o", size=9, pen=pg.mkPen(style.EXCLUDED, width=1.5), brush=None, name="excluded"
        )
        self.lstsq = pg.PlotDataItem(
            pen=pg.mkPen(LSTSQ_COLOR, width=1.5, style=Qt.DashLine), name="least squares", antialias=True
        )
        self.fit = pg.PlotDataItem(pen=pg.mkPen(FIT_COLOR, width=2.5), name="current fit", antialias=True)
        for it in (self.lstsq, self.fit, self.points, self.excluded):
            item.addItem(it)
        for it in (self.lstsq, self.fit, self.points):
            self.legend.addItem(it, it.name())
        fit_legend_height(self.legend, item)  # "excluded" is listed only while some reading is excluded
        # Items that do not change while training are painted once into a pixmap: when the moving line repaints
        # the area under them, Qt blits the cache instead of calling their (Python) paint methods.
        for static in (self.points, self.excluded, self.lstsq.curve, self.legend):
            static.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._bounds = (0.0, 1.0, 0.0, 1.0)
        self._line = (math.nan, math.nan)

    def set_data(self, data: Dataset) -> None:
        inc = data.include
        self.points.setData(*_sampled(data.t_u[inc], data.t_c[inc]))
        self.excluded.setData(*_sampled(data.t_u[~inc], data.t_c[~inc]))
        if show_in_legend(self.legend, self.excluded, "excluded", not inc.all()):
            fit_legend_height(self.legend, self.getPlotItem())
        self._bounds = data_bounds(data)
        x0, x1, y0, y1 = self._bounds
        self.getPlotItem().vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.set_line(*self._line)

    def _draw(self, item: pg.PlotDataItem, w: float, b: float) -> None:
        x0, x1, y0, y1 = self._bounds
        h = y1 - y0
        seg = clip_line(w, b, x0, x1, y0 - 50 * h, y1 + 50 * h)
        if seg is None:
            item.setData([], [])
        else:
            item.setData(*seg)

    def set_line(self, w_raw: float, b_raw: float) -> None:
        self._line = (w_raw, b_raw)
        self._draw(self.fit, w_raw, b_raw)

    def set_lstsq(self, w_raw: float, b_raw: float) -> None:
        self._draw(self.lstsq, w_raw, b_raw)

    def line(self) -> tuple[float, float]:
        return self._line


class LossPlot(ThemedPlot):
    """Training (and validation) loss per epoch on a log scale; non-finite losses are not drawn.

    The y axis labels the true losses (10³ … 10³⁰ for a diverging run, never a clipped "×1e27" multiplier).  The x
    axis follows the epochs actually run, from 1 to at least MIN_EPOCH_SPAN, its end growing in steps of at most
    25 % (kit.nice_ceil) so a live run re-ticks it rarely: a run that stops at epoch 11 fills the plot instead of
    being a sliver at the left of its 5,000 planned epochs.  Earlier runs' curves are drawn over the same epochs,
    faded; the legend (above the plot, never over the curves) names the latest LISTED_PREVIOUS of them.
    """

    def __init__(self, parent=None):
        super().__init__(
            parent,
            name="Loss plot",
            description="The training loss per epoch, on a log scale.",
            axisItems={"left": DecadeAxis("left"), "bottom": CountAxis("bottom")},
        )
        self.setObjectName("lossPlot")
        item = self.getPlotItem()
        setup_plot(item, "Epoch", "Loss (mean squared error)")
        item.setLogMode(y=True)
        item.enableAutoRange(x=False, y=False)
        self._decades = (0, 1)
        self._epoch_end = math.nan
        self.planned_epochs = 0
        self._previous: list[pg.PlotDataItem] = []
        self.legend = legend_above(item, columns=3)
        self._earlier = pg.PlotDataItem(pen=None)  # the "+N earlier runs" entry: text, no sample
        self.train_curve = pg.PlotDataItem(pen=pg.mkPen(FIT_COLOR, width=2), name="training loss", connect="finite")
        self.val_curve = pg.PlotDataItem(pen=pg.mkPen(VAL_COLOR, width=2), name="validation loss", connect="finite")
        item.addItem(self.train_curve)
        item.addItem(self.val_curve)
        self.legend.addItem(self.train_curve, "training loss")  # validation: only when there is a split
        fit_legend_height(self.legend, item)
        self.legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        item.vb.setYRange(*self._decades, padding=0.02)  # 1 … 10, labelled, until there is a loss
        self._fit_epochs(0)

    def set_rows(self, rows: np.ndarray) -> None:
        """Rows of a History (already decimated)."""
        if len(rows) == 0:
            self.clear_curves()
            return
        x = rows[:, EPOCH]
        with np.errstate(all="ignore"):
            loss = np.where(np.isfinite(rows[:, LOSS]) & (rows[:, LOSS] > 0), rows[:, LOSS], np.nan)
            val = rows[:, VAL_LOSS]
        self.train_curve.setData(x, loss)
        self._fit_decades(loss)
        self._fit_epochs(float(np.nanmax(x)) if np.isfinite(x).any() else 0)
        has_val = bool(np.isfinite(val[-1:]).any() or np.isfinite(val).any())
        if show_in_legend(self.legend, self.val_curve, "validation loss", has_val):
            self._list_previous()
        if has_val:
            self.val_curve.setData(x, np.where(np.isfinite(val) & (val > 0), val, np.nan))
        else:
            self.val_curve.setData([], [])

    def _fit_decades(self, loss: np.ndarray) -> None:
        """Show whole decades of loss: the y axis only changes (and re-ticks) when the loss leaves them."""
        finite = loss[np.isfinite(loss)]
        if not finite.size:
            return
        lo = math.floor(math.log10(max(float(finite.min()), 1e-300)))
        hi = math.ceil(math.log10(float(finite.max())) + 1e-12)
        decades = (lo, max(hi, lo + 1))
        if decades != self._decades:
            self._decades = decades
            self.getPlotItem().vb.setYRange(*decades, padding=0.02)

    def _fit_epochs(self, last_epoch: float) -> None:
        """x from epoch 1 to the run's latest epoch (at least MIN_EPOCH_SPAN), rounded up to a nice end."""
        end = nice_ceil(max(last_epoch, MIN_EPOCH_SPAN))
        if end != self._epoch_end:
            self._epoch_end = end
            self.getPlotItem().vb.setXRange(1, end, padding=0.02)

    def epoch_range(self) -> tuple[float, float]:
        """The epochs the x axis is set to show (before padding)."""
        return 1.0, self._epoch_end

    def set_epoch_range(self, epochs: int) -> None:
        """A hint, kept for callers: the planned number of epochs of the run about to start.  It no longer fixes the
        x axis (that follows the epochs actually run, see the class); it is remembered in `planned_epochs`."""
        self.planned_epochs = int(epochs)

    def clear_curves(self) -> None:
        self.train_curve.setData([], [])
        self.val_curve.setData([], [])
        self._fit_epochs(0)

    def add_previous(self, rows: np.ndarray, label: str) -> None:
        """An earlier run's loss as a faded curve, for comparison."""
        n = len(self._previous)
        color = PREVIOUS_COLORS[n % len(PREVIOUS_COLORS)]
        with np.errstate(all="ignore"):
            loss = np.where(np.isfinite(rows[:, LOSS]) & (rows[:, LOSS] > 0), rows[:, LOSS], np.nan)
        pen = pg.mkPen(*color, style.PREVIOUS_ALPHA, width=1.5, style=Qt.DashLine)  # dashed: not this run
        curve = pg.PlotDataItem(rows[:, EPOCH], loss, pen=pen, name=label, connect="finite")
        curve.setZValue(-1)
        self.getPlotItem().addItem(curve)
        self._previous.append(curve)
        self._list_previous()

    def clear_previous(self) -> None:
        for curve in self._previous:
            self.getPlotItem().removeItem(curve)
            self.legend.removeItem(curve)
        self._previous = []
        self._list_previous()

    def _list_previous(self) -> None:
        """The legend: the current curves, the latest LISTED_PREVIOUS earlier runs, then "+N earlier runs"."""
        legend = self.legend
        for curve in [*self._previous, self._earlier]:
            legend.removeItem(curve)
        hidden = max(len(self._previous) - LISTED_PREVIOUS, 0)
        for curve in self._previous[hidden:]:
            legend.addItem(curve, curve.name())
        if hidden:
            legend.addItem(self._earlier, f"+{hidden} earlier run{'s' if hidden != 1 else ''} (faded)")
        fit_legend_height(legend, self.getPlotItem())

    def legend_names(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    def previous_count(self) -> int:
        return len(self._previous)
