"""The live plots: the fitted model over the readings, and the loss per epoch (log y).

Drawing is the expensive part of a live run (pyqtgraph paints in Python, holding the GIL), so each redraw does
little: the fit line is two points, a curved model CURVE_POINTS points (one small matrix product per frame: the
features of the sample points are computed once per model and range), and the loss curves are decimated to at most
MAX_LOSS_POINTS.

The fit plot's teaching layers (residuals as squares, my line, the °F law) are in plots.geometry, the loss plot's
rewind (choosing an epoch to look back at) in plots.rewind.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGraphicsItem

from thermogui.core.analysis import CURVE_POINTS, curve_span, curve_x
from thermogui.core.dataset import Dataset
from thermogui.core.history import EPOCH, LOSS, VAL_LOSS
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import marked, tr_text, translate
from thermogui.ui.plots.geometry import LAW_NAME, FitGeometry
from thermogui.ui.plots.kit import (
    CountAxis,
    DecadeAxis,
    ThemedPlot,
    clip_line,
    fit_legend_height,
    legend_above,
    nice_ceil,
    pen,
    relabel_legend,
    setup_plot,
    show_in_legend,
)
from thermogui.ui.plots.rewind import LossRewind, ScrubViewBox

MAX_LOSS_POINTS = 1000
LISTED_PREVIOUS = 3  # earlier runs named in the loss legend; older ones are summed up as "+N earlier runs"
MIN_EPOCH_SPAN = 10  # the loss plot's x axis shows at least epochs 1..10
# The fit plot's axis titles, in English (the book's labels: the exported figure's choice); shown in the UI language
# with marked("FitPlot", …).
X_LABEL = QT_TRANSLATE_NOOP("FitPlot", "Temperature (°Fahrenheit)")
Y_LABEL = QT_TRANSLATE_NOOP("FitPlot", "Temperature (°Celsius)")

# the old names, kept for the modules that import them from here (export/figure.py, tests); the colours live in style
DATA_COLOR = style.DATA
FIT_COLOR = style.FIT
LSTSQ_COLOR = style.LEAST_SQUARES
VAL_COLOR = style.VALIDATION
PREVIOUS_COLORS = style.PREVIOUS_RUNS
UNITS_ALPHA = 90  # a network's hidden-unit curves: the fit's colour, faint


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


def is_line(model) -> bool:
    """A model drawn as a straight line (two points, clipped): the line and nn.Linear(1, 1)."""
    return model is None or tuple(model.params) == ("w", "b")


class CurveSampler:
    """Draws any model's curve t_c = model.predict(t_u, params_raw) over [x0, x1]: CURVE_POINTS raw t_u, and for a
    model linear in its parameters their feature matrix, kept until the model or the range changes (a frame then
    costs one (CURVE_POINTS × P) product)."""

    def __init__(self):
        self._key = None
        self._xs = np.empty(0)
        self._features = None

    def points(self, model, params, x0: float, x1: float, y0: float, y1: float):
        """(xs, ys) with ys clipped to [y0, y1] (a diverging run's curve stays paintable); None if not finite."""
        p = np.asarray(params, dtype=np.float64)
        if not np.isfinite(p).all():
            return None
        key = (model, x0, x1)
        if key != self._key:
            self._key = key
            self._xs = curve_x(x0, x1, CURVE_POINTS)
            self._features = model.features(self._xs) if hasattr(model, "features") else None
        with np.errstate(all="ignore"):
            ys = self._features @ p if self._features is not None else model.predict(self._xs, p)
        if np.isnan(ys).any():  # (inf − inf: parameters too large to evaluate)
            return None
        return self._xs, np.clip(ys, y0, y1)


class FitPlot(FitGeometry, ThemedPlot):
    """Readings as circles (validation readings hollow), the current line or curve (moving while training) and the
    least-squares one dashed."""

    myLineMoved = Signal(object)  # ((t_u, t_c), (t_u, t_c)): the handles of "my line" (FitGeometry)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("fitPlot")
        item = self.getPlotItem()
        setup_plot(item, X_LABEL, Y_LABEL)  # (retranslate gives the titles in the UI language)
        self.legend = legend_above(item, columns=4)  # above the data: it never hides a reading
        self.points = pg.ScatterPlotItem(
            symbol="o", size=9, pen=pen(DATA_COLOR, width=1.5), brush=pg.mkBrush(*DATA_COLOR, 160), name="readings"
        )
        self.excluded = pg.ScatterPlotItem(
            symbol="o", size=9, pen=pen(style.EXCLUDED, width=1.5), brush=None, name="excluded"
        )
        self.val_points = pg.ScatterPlotItem(
            symbol="o", size=9, pen=pen(VAL_COLOR, width=2), brush=None, name="validation readings"
        )
        self.lstsq = pg.PlotDataItem(
            pen=pen(LSTSQ_COLOR, width=1.5, style=Qt.DashLine), name="least squares", antialias=True
        )
        self.fit = pg.PlotDataItem(pen=pen(FIT_COLOR, width=2.5), name="current fit", antialias=True)
        for it in (self.lstsq, self.fit, self.points, self.val_points, self.excluded):
            item.addItem(it)
        for it in (self.lstsq, self.fit, self.points):
            self.legend.addItem(it, it.name())  # (retranslate names them in the UI language)
        fit_legend_height(self.legend, item)  # "excluded", "validation readings": listed only while there are any
        # Items that do not change while training are painted once into a pixmap: when the moving line repaints
        # the area under them, Qt blits the cache instead of calling their (Python) paint methods.
        for static in (self.points, self.val_points, self.excluded, self.lstsq.curve, self.legend):
            static.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._bounds = (0.0, 1.0, 0.0, 1.0)
        self._data = Dataset(np.empty(0), np.empty(0))
        self._val = np.zeros(0, bool)  # the validation readings drawn hollow (all readings' rows)
        self.model = None  # the model of the fit curve (None: the line)
        self._line = (math.nan, math.nan)
        self._lstsq_model = None
        self._lstsq = None
        self._samplers = {"fit": CurveSampler(), "lstsq": CurveSampler()}
        self._init_network_items()
        self._init_geometry_items()
        self.retranslate()

    def retranslate(self) -> None:
        """Axis titles, legend, tooltips, the squares' label and what a screen reader hears, in the UI language."""
        self.describe(
            translate("FitPlot", "Fit plot"),
            translate(
                "FitPlot",
                "Temperature in °Celsius against the reading t_u: the readings as circles (validation readings "
                "hollow), the line or curve being fitted and the least-squares one, dashed.",
            ),
        )
        item = self.getPlotItem()
        item.setLabel("bottom", marked("FitPlot", X_LABEL))
        item.setLabel("left", marked("FitPlot", Y_LABEL))
        relabel_legend(self.legend, self.legend_name)
        fit_legend_height(self.legend, item)
        self._retranslate_geometry()

    def legend_name(self, item) -> str | None:
        """The legend's name for `item` in the UI language (None: not one of the fit plot's entries)."""
        if item is self.lstsq:  # beside a network, the least-squares line it is compared with
            if getattr(self.model, "hidden", 0):
                return translate("FitPlot", "least-squares line")
            return translate("FitPlot", "least squares")
        if item is self.fit:
            return translate("FitPlot", "current fit")
        if item is self.points:
            return translate("FitPlot", "readings")
        if item is self.val_points:
            return translate("FitPlot", "validation readings")
        if item is self.excluded:
            return translate("FitPlot", "excluded")
        if item is self.units:
            return translate("FitPlot", "hidden units")
        if item is self.squares_outline:
            return translate("FitPlot", "squared residuals")
        if item is self.my_line_item:
            return translate("FitPlot", "my line")
        if item is self.law:
            return marked("FitPlot", LAW_NAME)
        return None

    def set_data(self, data: Dataset, val=None) -> None:
        """The readings; `val` marks the validation readings (default: those marked in the data)."""
        self._data = data
        self._val = np.asarray(data.val if val is None else val, bool) & data.include
        self._draw_points()
        self._bounds = data_bounds(data)
        x0, x1, y0, y1 = self._bounds
        self.getPlotItem().vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._span = None  # (the view was reset: the curve's span sets its x range again)
        self.set_curve(self.model, self._line)
        if self._lstsq is not None:
            self.set_lstsq_curve(self._lstsq_model, self._lstsq)

    def set_validation(self, val) -> None:
        """Draw these readings (a mask over all rows) hollow, as validation readings: measured, not trained on."""
        data = self._data
        val = (np.asarray(val, bool) if len(val) == len(data) else data.val) & data.include
        if not np.array_equal(val, self._val):
            self._val = val
            self._draw_points()
            self._draw_squares()

    def validation(self) -> np.ndarray:
        return self._val.copy()

    def _draw_points(self) -> None:
        data, inc, val = self._data, self._data.include, self._val
        train = inc & ~val
        self.points.setData(*_sampled(data.t_u[train], data.t_c[train]))
        self.val_points.setData(*_sampled(data.t_u[val], data.t_c[val]))
        self.excluded.setData(*_sampled(data.t_u[~inc], data.t_c[~inc]))
        grew = show_in_legend(self.legend, self.excluded, self.legend_name(self.excluded), not inc.all())
        shown = bool(val.any())
        grew = show_in_legend(self.legend, self.val_points, self.legend_name(self.val_points), shown) or grew
        if grew:
            fit_legend_height(self.legend, self.getPlotItem())

    def _draw(self, item: pg.PlotDataItem, model, params, sampler: str) -> None:
        x0, x1, y0, y1 = self._curve_box()
        h = y1 - y0
        if is_line(model):
            w, b = params if len(params) == 2 else (math.nan, math.nan)
            seg = clip_line(w, b, x0, x1, y0 - 50 * h, y1 + 50 * h)
        else:
            seg = self._samplers[sampler].points(model, params, x0, x1, y0 - 50 * h, y1 + 50 * h)
        if seg is None:
            item.setData([], [])
        else:
            item.setData(*seg)

    def set_curve(self, model, params_raw) -> None:
        """The current fit: `model` (core.models; None: the line) with these raw-unit parameters."""
        self.model = model
        self._line = tuple(params_raw)
        self._draw(self.fit, model, self._line, "fit")
        self._after_curve()
        self._draw_geometry()

    def set_lstsq_curve(self, model, params_raw) -> None:
        """The least-squares answer, dashed (None: none)."""
        self._lstsq_model = model
        self._lstsq = None if params_raw is None else tuple(params_raw)
        if self._lstsq is None:
            self.lstsq.setData([], [])
        else:
            self._draw(self.lstsq, model, self._lstsq, "lstsq")

    def set_line(self, w_raw: float, b_raw: float) -> None:
        self.set_curve(None, (w_raw, b_raw))

    def set_lstsq(self, w_raw: float, b_raw: float) -> None:
        self.set_lstsq_curve(None, (w_raw, b_raw))

    def line(self) -> tuple[float, ...]:
        """The parameters of the fit shown, raw units (the line: w, b)."""
        return self._line

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The fit as drawn: (t_u, t_c) of its points."""
        return self.fit.getData()

    # --- a network: its span, the least-squares line beside it, its hidden units ------------------------------------
    def _init_network_items(self) -> None:
        # All hidden units in one item, made once and reused from frame to frame: H curves of CURVE_POINTS points
        # joined by a `connect` array that breaks the path between units.  64 items cost ~14 ms a frame to set and
        # paint (pyqtgraph paints in Python), one item ~3 ms.
        self.units = pg.PlotDataItem(pen=pen(*FIT_COLOR, UNITS_ALPHA, width=1), skipFiniteCheck=True)
        self.units.setZValue(-2)  # under the fit, the least-squares line and the readings
        self.units.setVisible(False)
        self.getPlotItem().addItem(self.units)
        self._units_on = False
        self._units_h = 0  # the units drawn
        self._units_x = (None, np.empty(0), np.empty(0, bool))  # (span and H, their raw t_u, the connect array)
        self._span = None  # the x range the view was last set to for the curve (None: set it at the next curve)

    def _curve_box(self) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1) a curve is drawn in: the readings' box, a network's widened to core's curve_span."""
        x0, x1, y0, y1 = self._bounds
        return (*curve_span(self.model, x0, x1), y0, y1)

    def _after_curve(self) -> None:
        """After the fit was drawn: the view's x range follows the curve's span (a network's reaches 20–90 °F), the
        least-squares line is drawn over the same span and named as the line beside a network, and the hidden units
        are redrawn when they are shown."""
        span = self._curve_box()[:2]
        if span != self._span:
            self._span = span
            self.getPlotItem().vb.setXRange(*span, padding=0)
            if self._lstsq is not None:
                self._draw(self.lstsq, self._lstsq_model, self._lstsq, "lstsq")
        name = self.legend_name(self.lstsq)
        for sample, label in self.legend.items:
            if sample.item is self.lstsq and label.text != name:
                label.setText(name)
        self._draw_units()

    def set_units_visible(self, on: bool) -> None:
        """Draw (or hide) each hidden unit's contribution w2_j · tanh(w1_j · t_u + b1_j) as a faint curve under a
        network's fit; their sum plus the output bias b2 is the fit.  Nothing is drawn for a model without hidden
        units."""
        self._units_on = bool(on)
        self._draw_units()

    def units_visible(self) -> bool:
        """The toggle is on (the curves are drawn whenever the fit is a network)."""
        return self._units_on

    def unit_curves(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The hidden units' curves as drawn: (t_u, contribution) of each unit; none while they are hidden."""
        if not self.units.isVisible() or not self._units_h:
            return []
        xs, ys = self.units.getData()
        return list(zip(np.split(xs, self._units_h), np.split(ys, self._units_h)))

    def _draw_units(self) -> None:
        model, p = self.model, self._line
        h = getattr(model, "hidden", 0) if model is not None else 0
        show = self._units_on and h > 0 and len(p) == model.size and all(math.isfinite(v) for v in p)
        if show:
            x0, x1, y0, y1 = self._curve_box()
            if self._units_x[0] != (x0, x1, h):
                xs = curve_x(x0, x1, CURVE_POINTS)
                connect = np.ones(h * len(xs), bool)
                connect[len(xs) - 1 :: len(xs)] = False  # (no segment from one unit's last point to the next's first)
                self._units_x = ((x0, x1, h), xs, connect)
            _, xs, connect = self._units_x
            with np.errstate(all="ignore"):
                ys = np.clip(model.unit_curves(xs, p), y0 - 50 * (y1 - y0), y1 + 50 * (y1 - y0))
            self.units.setData(np.tile(xs, h), ys.T.reshape(-1), connect=connect)
            self._units_h = h
        if self.units.isVisible() != show:
            self.units.setVisible(show)
        if show_in_legend(self.legend, self.units, self.legend_name(self.units), show):
            fit_legend_height(self.legend, self.getPlotItem())


class LossPlot(LossRewind, ThemedPlot):
    """Training (and validation) loss per epoch on a log scale; non-finite losses are not drawn.

    The y axis labels the true losses (10³ … 10³⁰ for a diverging run, never a clipped "×1e27" multiplier).  The x
    axis follows the epochs actually run, from 1 to at least MIN_EPOCH_SPAN, its end growing in steps of at most
    25 % (kit.nice_ceil) so a live run re-ticks it rarely: a run that stops at epoch 11 fills the plot instead of
    being a sliver at the left of its 5,000 planned epochs.  Earlier runs' curves are drawn over the same epochs,
    faded; the legend (above the plot, never over the curves) names the latest LISTED_PREVIOUS of them.
    """

    epochPicked = Signal(float)  # a click or drag chose this x (an epoch) to look back at (LossRewind)

    def __init__(self, parent=None):
        super().__init__(
            parent,
            axisItems={"left": DecadeAxis("left"), "bottom": CountAxis("bottom")},
            viewBox=ScrubViewBox(),  # a click or drag chooses an epoch to look back at (LossRewind)
        )
        self.setObjectName("lossPlot")
        item = self.getPlotItem()
        setup_plot(item, "", "")  # (the titles: retranslate)
        item.setLogMode(y=True)
        item.enableAutoRange(x=False, y=False)
        self._decades = (0, 1)
        self._epoch_end = math.nan
        self.planned_epochs = 0
        self._previous: list[pg.PlotDataItem] = []
        self.legend = legend_above(item, columns=3)
        self._earlier = pg.PlotDataItem(pen=None)  # the "+N earlier runs" entry: text, no sample
        self._hidden_runs = 0  # the earlier runs summed up in that entry
        self.train_curve = pg.PlotDataItem(pen=pen(FIT_COLOR, width=2), name="training loss", connect="finite")
        self.val_curve = pg.PlotDataItem(pen=pen(VAL_COLOR, width=2), name="validation loss", connect="finite")
        item.addItem(self.train_curve)
        item.addItem(self.val_curve)
        self.legend.addItem(self.train_curve, "training loss")  # validation: only when there is a split
        fit_legend_height(self.legend, item)
        self.legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        item.vb.setYRange(*self._decades, padding=0.02)  # 1 … 10, labelled, until there is a loss
        self._fit_epochs(0)
        self._init_rewind_items()
        self.retranslate()

    def retranslate(self) -> None:
        """Axis titles, legend (the earlier runs' labels too), the cursor's tooltip and what a screen reader hears,
        in the UI language."""
        self.describe(
            translate("LossPlot", "Loss plot"), translate("LossPlot", "The training loss per epoch, on a log scale.")
        )
        item = self.getPlotItem()
        item.setLabel("bottom", translate("LossPlot", "Epoch"))
        item.setLabel("left", translate("LossPlot", "Loss (mean squared error)"))
        self.cursor.setToolTip(
            translate("LossPlot", "The epoch shown: drag to look at another one; Esc goes back to the latest")
        )
        relabel_legend(self.legend, self.legend_name)
        fit_legend_height(self.legend, item)

    def legend_name(self, item) -> str | None:
        """The legend's name for `item` in the UI language: the curves, an earlier run's label (a str, or a
        core.tr.Text shown in the UI language), the "+N earlier runs" entry; None for anything else."""
        if item is self.train_curve:
            return translate("LossPlot", "training loss")
        if item is self.val_curve:
            return translate("LossPlot", "validation loss")
        if item is self._earlier:
            if self._hidden_runs == 1:
                return translate("LossPlot", "+1 earlier run (faded)")
            return translate("LossPlot", "+{n} earlier runs (faded)").format(n=self._hidden_runs)
        label = getattr(item, "run_label", None)
        return tr_text(label) if label is not None else None

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
        with np.errstate(all="ignore"):
            shown = np.where(np.isfinite(val) & (val > 0), val, np.nan)
        self._fit_decades(np.concatenate((loss, shown)))  # (the validation loss may run below the training loss)
        self._fit_epochs(float(np.nanmax(x)) if np.isfinite(x).any() else 0)
        has_val = bool(np.isfinite(val[-1:]).any() or np.isfinite(val).any())
        if show_in_legend(self.legend, self.val_curve, self.legend_name(self.val_curve), has_val):
            self._list_previous()
        if has_val:
            self.val_curve.setData(x, shown)
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
        """An earlier run's loss as a faded curve, for comparison, named `label` in the legend (a core.tr.Text is
        shown in the UI language, and relabelled when it changes)."""
        n = len(self._previous)
        color = PREVIOUS_COLORS[n % len(PREVIOUS_COLORS)]
        with np.errstate(all="ignore"):
            loss = np.where(np.isfinite(rows[:, LOSS]) & (rows[:, LOSS] > 0), rows[:, LOSS], np.nan)
        faded = pen(*color, style.PREVIOUS_ALPHA, width=1.5, style=Qt.DashLine)  # dashed: not this run
        curve = pg.PlotDataItem(rows[:, EPOCH], loss, pen=faded, name=str(label), connect="finite")
        curve.run_label = label
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
        hidden = self._hidden_runs = max(len(self._previous) - LISTED_PREVIOUS, 0)
        for curve in self._previous[hidden:]:
            legend.addItem(curve, self.legend_name(curve))
        if hidden:
            legend.addItem(self._earlier, self.legend_name(self._earlier))
        fit_legend_height(legend, self.getPlotItem())

    def legend_names(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    def previous_count(self) -> int:
        return len(self._previous)
