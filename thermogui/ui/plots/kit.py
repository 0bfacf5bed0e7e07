"""The plot kit: what every interactive plot shares — the house style of axes, true-valued tick labels, log ticks,
legends that stay out of the data, ranges that grow in readable steps, lines clipped to what Qt can paint, and
`ThemedPlot`: a PlotWidget that follows the colour scheme (background, axes, text, grid), says what it shows to
screen readers, shows keyboard focus and zooms and pans from the keyboard, and draws its pens as wide on a high-DPI
screen as on any other.

Tick labels are always the true values: pyqtgraph's automatic SI prefix / multiplier is off on every axis styled
here, because a multiplier such as "(x1e+27)" lives in the axis title, which is easily clipped, and without it the
ticks lie (a loss of 1763.9 labelled 10⁻²²).
"""

from __future__ import annotations

import math
import time
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from thermogui.ui import style
from thermogui.ui.i18n import Retranslating
from thermogui.ui.style import PLOT_BACKGROUND, PLOT_FOREGROUND

# pyqtgraph's defaults stay light: the exported figures (thermogui.ui.export) are drawn on white.  The window's plots
# take their colours from the scheme (ThemedPlot.apply_theme).
pg.setConfigOptions(antialias=False, background=PLOT_BACKGROUND, foreground=PLOT_FOREGROUND)

PAINT_TIME = [0.0]  # seconds spent painting plots (in Python: pyqtgraph paints there), for the window's frame budget
KEY_ZOOM = 0.8  # + zooms in to 80 % of the range, - out to 125 %
KEY_PAN = 0.1  # an arrow key moves the view by a tenth of its range
FOCUS_REASONS = (Qt.TabFocusReason, Qt.BacktabFocusReason, Qt.ShortcutFocusReason, Qt.OtherFocusReason)


# --- pens ------------------------------------------------------------------------------------------------------------
def pen(*color, width: float = 1.0, style: Qt.PenStyle | None = None) -> QPen:
    """The pen of a plot's lines, outlines and markers: `color` as pg.mkPen takes it, `width` in device-independent
    pixels (like every other size in the window).

    pyqtgraph's pens are cosmetic, and Qt draws a cosmetic pen `width` *device* pixels wide whatever the screen: at
    a device pixel ratio of 2 (QT_SCALE_FACTOR=2, a "Retina" screen) a line would be half as thick as the text
    beside it.  A ThemedPlot draws every pen in its scene `width` × its devicePixelRatioF device pixels wide
    (`PenScaler`), so pens are always given in device-independent pixels, here or anywhere else."""
    return pg.mkPen(*color, width=width, style=style)


# The pens each kind of item draws with: (name, read it, the item's method that sets it).  The curve and the
# scatter inside a PlotDataItem take their pens from it, so they are left to it.
PEN_SLOTS = (
    (
        pg.PlotDataItem,
        (
            ("pen", lambda it: it.opts["pen"], "setPen"),
            ("symbolPen", lambda it: it.opts["symbolPen"], "setSymbolPen"),
            ("shadowPen", lambda it: it.opts["shadowPen"], "setShadowPen"),
        ),
    ),
    (
        pg.PlotCurveItem,
        (("pen", lambda it: it.opts["pen"], "setPen"), ("shadowPen", lambda it: it.opts["shadowPen"], "setShadowPen")),
    ),
    (pg.ScatterPlotItem, (("pen", lambda it: it.opts["pen"], "setPen"),)),
    (pg.InfiniteLine, (("pen", lambda it: it.pen, "setPen"), ("hoverPen", lambda it: it.hoverPen, "setHoverPen"))),
    (pg.IsocurveItem, (("pen", lambda it: it.pen, "setPen"),)),
    (pg.AxisItem, (("pen", lambda it: it.pen(), "setPen"),)),
)


_SLOTS_OF_TYPE: dict[type, tuple[tuple, bool]] = {}  # type -> (its PEN_SLOTS, may be part of a PlotDataItem)


def pen_slots(item) -> tuple:
    """The (name, get, setter name) of each pen `item` draws with (PEN_SLOTS); () for an item without pens."""
    kind = type(item)
    known = _SLOTS_OF_TYPE.get(kind)
    if known is None:  # (looked up once per type: sync_pens runs before every paint)
        slots = next((slots for base, slots in PEN_SLOTS if issubclass(kind, base)), ())
        known = _SLOTS_OF_TYPE[kind] = (slots, issubclass(kind, (pg.PlotCurveItem, pg.ScatterPlotItem)))
    slots, may_be_part = known
    if may_be_part and isinstance(item.parentItem(), pg.PlotDataItem):
        return ()
    return slots


def widened(given: QPen, ratio: float) -> QPen:
    """`given` (device-independent width) as drawn at device pixel ratio `ratio`: width × ratio (a width of 0, Qt's
    one-pixel hairline, counts as 1).  Dashes are in units of the width, so they keep their length too."""
    drawn = QPen(given)
    drawn.setWidthF((given.widthF() or 1.0) * ratio)
    return drawn


class PenScaler:
    """Keeps every pen of a scene `width` × a device pixel ratio device pixels wide.

    `sync(items, ratio)` widens each item's pens (PEN_SLOTS) from the width it was given and remembers both pens,
    so a later sync at another ratio starts again from the pen as given (never widening twice), and a pen the app
    replaces later (a new colour, a new item) is taken as given.  At ratio 1 nothing is touched until some ratio
    other than 1 has been seen."""

    def __init__(self):
        self._pens = weakref.WeakKeyDictionary()  # item -> {slot name: (pen as given, pen as drawn, at ratio)}

    def sync(self, items, ratio: float) -> None:
        if ratio == 1.0 and not self._pens:
            return
        if callable(items):
            items = items()
        for it in items:
            slots = pen_slots(it)
            if not slots:
                continue
            known = self._pens.get(it)
            if known is None:
                known = self._pens[it] = {}
            for name, get, setter in slots:
                current = get(it)
                if current is None:
                    continue
                if not isinstance(current, QPen):
                    current = pg.mkPen(current)
                record = known.get(name)
                unchanged = record is not None and current == record[1]
                if unchanged and record[2] == ratio:  # (the common case: drawn as it should be)
                    continue
                given = record[0] if unchanged else current  # else new, or replaced since the last sync: as given
                if given.style() == Qt.NoPen:
                    continue
                drawn = widened(given, ratio)
                if drawn != current:
                    getattr(it, setter)(drawn)
                known[name] = (given, drawn, ratio)


class ThemedPlot(Retranslating, pg.PlotWidget):
    """A PlotWidget in the house style: its background, axes, text, grid and legend text follow the colour scheme
    (style.restyle_widgets calls `apply_theme` when it changes), it has an accessible name and description, a focus
    ring when reached from the keyboard, and keys for the view: + / - zoom, the arrows pan.

    Its pens are drawn their width × devicePixelRatioF device pixels wide (`sync_pens`, before each paint and when
    the window moves to a screen of another ratio): a 2-pixel line is as thick next to the text on every screen.

    `key_handler(event) -> bool` (optional) sees each key first: a panel can give the arrows another meaning.

    Its texts follow the UI language: a plot with texts of its own sets them in `retranslate()` (run again on each
    QEvent.LanguageChange), its accessible name and description with `describe()`; `set_run_summary()` adds the
    last run in words after the description."""

    def __init__(self, parent=None, name: str = "", description: str = "", **kwargs):
        super().__init__(parent, background=style.plot_colors()["background"], **kwargs)
        self.key_handler = None
        self._ring = False
        self.pen_scaler = PenScaler()
        self._description = ""  # what the plot shows (describe), before the run summary (set_run_summary)
        self._run_summary = ""
        if name or description:
            self.describe(name, description)

    # --- language ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set the plot's texts (axis titles, legend names, accessible name and description) in the UI language: a
        plot with texts of its own overrides this and calls it at the end of its __init__; it runs again on every
        QEvent.LanguageChange (i18n.Retranslating).  A plain ThemedPlot's texts are its owner's to relabel."""

    def describe(self, name: str, description: str) -> None:
        """The accessible name and description a screen reader announces (in the UI language); the run summary
        (set_run_summary) stays after the description."""
        if name:
            self.setAccessibleName(name)
        self._description = description
        self._show_description()

    def set_run_summary(self, summary: str) -> None:
        """The last run in words, said after the plot's description (thermogui.ui.accessibility keeps it current)."""
        self._run_summary = summary
        self._show_description()

    def _show_description(self) -> None:
        text = " ".join(t for t in (self._description, self._run_summary) if t)
        if text or self.accessibleDescription():
            self.setAccessibleDescription(text)

    def apply_theme(self) -> None:
        """Background, axes (line, ticks, title, grid) and legend text in the current scheme's colours."""
        colors = style.plot_colors()
        self.setBackground(colors["background"])
        for it in self.scene().items():
            if isinstance(it, pg.AxisItem):
                style_axis(it)
            elif isinstance(it, pg.LegendItem):
                set_legend_color(it, colors["foreground"])

    # --- high-DPI screens ----------------------------------------------------------------------------------------
    def sync_pens(self) -> None:
        """Every pen in the plot `width` × devicePixelRatioF device pixels wide, including pens set since the last
        call (PenScaler): cheap when nothing changed, and nothing at all on a screen of ratio 1."""
        self.pen_scaler.sync(self.scene().items, self.devicePixelRatioF())  # (the item list only when needed)

    def event(self, ev) -> bool:
        if ev.type() == QEvent.Type.DevicePixelRatioChange:  # moved to a screen of another scale
            self.sync_pens()
            self.viewport().update()
        return super().event(ev)

    # --- keyboard ------------------------------------------------------------------------------------------------
    def keyPressEvent(self, ev) -> None:  # noqa: N802
        if self.key_handler is not None and self.key_handler(ev):
            ev.accept()
            return
        vb = self.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        key = ev.key()
        if key in (Qt.Key_Plus, Qt.Key_Equal, Qt.Key_Minus):
            f = KEY_ZOOM if key != Qt.Key_Minus else 1 / KEY_ZOOM
            vb.scaleBy((f, f))
        elif key in (Qt.Key_Left, Qt.Key_Right):
            vb.translateBy(x=(x1 - x0) * KEY_PAN * (1 if key == Qt.Key_Right else -1))
        elif key in (Qt.Key_Up, Qt.Key_Down):
            vb.translateBy(y=(y1 - y0) * KEY_PAN * (1 if key == Qt.Key_Up else -1))
        else:
            super().keyPressEvent(ev)
            return
        vb.sigRangeChangedManually.emit(vb.state["mouseEnabled"])  # as a wheel or a drag would
        ev.accept()

    # --- focus ---------------------------------------------------------------------------------------------------
    def focusInEvent(self, ev) -> None:  # noqa: N802
        self._ring = ev.reason() in FOCUS_REASONS
        super().focusInEvent(ev)
        self.viewport().update()

    def focusOutEvent(self, ev) -> None:  # noqa: N802
        self._ring = False
        super().focusOutEvent(ev)
        self.viewport().update()

    def paintEvent(self, ev) -> None:  # noqa: N802
        start = time.perf_counter()
        try:
            self._paint(ev)
        finally:
            PAINT_TIME[0] += time.perf_counter() - start

    def _paint(self, ev) -> None:
        self.sync_pens()  # (items and pens added since the last paint are given in device-independent pixels)
        super().paintEvent(ev)
        if self._ring and self.hasFocus():
            p = QPainter(self.viewport())
            p.setPen(QPen(style.focus_color(), 3))
            p.setBrush(Qt.NoBrush)
            p.drawRect(QRectF(self.viewport().rect()).adjusted(1.5, 1.5, -1.5, -1.5))
            p.end()

    def resizeEvent(self, ev) -> None:  # noqa: N802
        super().resizeEvent(ev)
        item = getattr(self, "plotItem", None)  # (pyqtgraph resizes before the plot item exists)
        if item is None:
            return
        for it in item.childItems():
            if isinstance(it, pg.LegendItem) and hasattr(it, "max_columns"):
                fit_legend_height(it, item)


# --- axes ------------------------------------------------------------------------------------------------------------
def style_axis(axis: pg.AxisItem) -> None:
    """The house style of one axis: line, ticks and title in the scheme's plot foreground, true tick values."""
    fg = style.plot_colors()["foreground"]
    axis.setPen(fg)
    axis.setTextPen(fg)
    axis.enableAutoSIPrefix(False)


def setup_plot(item: pg.PlotItem, bottom: str, left: str) -> None:
    """Label and style a plot's bottom and left axes; no right-click menu (its options would bypass the app)."""
    for side, text in (("bottom", bottom), ("left", left)):
        style_axis(item.getAxis(side))
        item.setLabel(side, text)
    item.setMenuEnabled(False)


class DecadeAxis(pg.AxisItem):
    """A log axis that labels whole decades only (minor labels 2·10¹ … 9·10¹ pile up on a short axis), with the
    true values: no SI prefix or multiplier."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        return [s if abs(v - round(v)) < 1e-9 else "" for v, s in zip(values, strings)]


class CountAxis(pg.AxisItem):
    """A linear axis of whole numbers (epochs): ticks only where the count exists, never at 1.2 or 0.5; true values."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):
        levels = [
            (spacing, values)
            for spacing, values in super().tickValues(minVal, maxVal, size)
            if spacing >= 1 and all(abs(v - round(v)) < 1e-9 for v in values)
        ]
        if not levels and math.isfinite(minVal) and math.isfinite(maxVal):
            levels = [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return levels


def log_ticks(lo: float, hi: float, fmt=lambda v: f"{v:g}"):
    """Ticks for an axis that shows log10 values lo..hi, labelled with the values themselves: every decade, and
    2x and 5x too when the range spans fewer than three decades; unlabelled minor ticks at 2..9 x."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo > 60:
        return None
    labelled = (1,) if hi - lo >= 3 else (1, 2, 5)
    major, minor = [], []
    for e in range(math.floor(lo), math.ceil(hi) + 1):
        for m in range(1, 10):
            v = math.log10(m) + e
            if lo <= v <= hi:
                if m in labelled:
                    major.append((v, fmt(m * 10.0**e)))
                else:
                    minor.append((v, ""))
    return [major, minor]


NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceil(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is >= value (value > 0): an axis end that grows
    in steps of at most 25 %, so a growing range is re-ticked about ten times a decade, not on every frame."""
    if not (value > 0 and math.isfinite(value)):
        return 1.0
    e = math.floor(math.log10(value))
    for m in NICE_STEPS:
        end = m * 10.0**e
        if end >= value * (1 - 1e-12):
            return end
    return 10.0 ** (e + 1)


# --- lines ---------------------------------------------------------------------------------------------------------
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


# --- legends ---------------------------------------------------------------------------------------------------------
def show_in_legend(legend: pg.LegendItem, item, name: str, show: bool) -> bool:
    """List or unlist `item` in `legend`; True if that changed the legend."""
    listed = any(sample.item is item for sample, _ in legend.items)
    if show and not listed:
        legend.addItem(item, name)
    elif not show and listed:
        legend.removeItem(item)
    else:
        return False
    return True


LEGEND_ROW = 20  # px: a legend sample's height (a row is as high as its tallest label, at least this)
LEGEND_LEFT = 48  # px: where a legend above the plot starts (past the left axis)
LEGEND_TOP = 2  # px: the gap above it (and below it, before the data)


def relabel_legend(legend: pg.LegendItem, name_of) -> bool:
    """Give each entry the name `name_of(item)` says (None: keep it), e.g. after a language change; True if any
    changed (then call fit_legend_height)."""
    changed = False
    for sample, label in legend.items:
        name = name_of(sample.item)
        if name is not None and label.text != name:
            label.setText(name)
            changed = True
    return changed


def set_legend_color(legend: pg.LegendItem, color) -> None:
    """The text colour of every entry (pyqtgraph's setLabelTextColor only applies to entries added later)."""
    legend.opts["labelTextColor"] = pg.mkColor(color)
    for _sample, label in legend.items:
        label.setText(label.text, color=color)


def legend_above(item: pg.PlotItem, columns: int = 3) -> pg.LegendItem:
    """A legend in the plot's (empty) title row, above the data, so it never covers it; call fit_legend_height
    after adding entries.  It uses up to `columns` columns, fewer when the plot is too narrow for them."""
    legend = pg.LegendItem(
        colCount=columns, labelTextColor=style.plot_colors()["foreground"], labelTextSize="8pt", frame=False
    )
    legend.max_columns = columns
    legend.layout.setContentsMargins(0, 0, 0, 0)
    legend.setParentItem(item)
    legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(LEGEND_LEFT, LEGEND_TOP))
    legend.setZValue(20)
    return legend


def fit_legend_height(legend: pg.LegendItem, item: pg.PlotItem) -> None:
    """Give a legend above the plot the columns that fit the plot's width (at most its `max_columns`) and the title
    row the height of its rows."""
    n = len(legend.items)
    columns = max(1, legend.columnCount)
    width = item.width()
    if n and width > 100:  # (a plot not yet laid out keeps the columns it was given)
        widest = max(sample.boundingRect().width() + label.boundingRect().width() for sample, label in legend.items)
        fit = int((width - LEGEND_LEFT - 8) // (widest + 12))
        columns = max(1, min(getattr(legend, "max_columns", columns), fit, n))
        if columns != legend.columnCount:
            legend.setColumnCount(columns)
    rows = max(-(-n // columns), legend.layout.rowCount()) if n else 0  # (removed entries leave holes in the grid)
    row = max([LEGEND_ROW] + [label.boundingRect().height() for _, label in legend.items])
    h = rows * row + 2 * LEGEND_TOP if rows else 0
    item.layout.setRowFixedHeight(0, h)  # the (empty) title row makes room for the legend
