"""The plot kit: what every interactive plot shares — the house style of axes, true-valued tick labels, log ticks,
legends that stay out of the data, and ranges that grow in readable steps.

Tick labels are always the true values: pyqtgraph's automatic SI prefix / multiplier is off on every axis styled
here, because a multiplier such as "(x1e+27)" lives in the axis title, which is easily clipped, and without it the
ticks lie (a loss of 1763.9 labelled 10⁻²²).
"""

from __future__ import annotations

import math

import pyqtgraph as pg

from thermogui.ui.style import PLOT_BACKGROUND, PLOT_FOREGROUND

pg.setConfigOptions(antialias=False, background=PLOT_BACKGROUND, foreground=PLOT_FOREGROUND)


# --- axes ------------------------------------------------------------------------------------------------------------
def style_axis(axis: pg.AxisItem) -> None:
    """The house style of one axis: dark line and tick text on the white plot, tick labels with the true values."""
    axis.setPen(PLOT_FOREGROUND)
    axis.setTextPen(PLOT_FOREGROUND)
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
        levels = [(spacing, values) for spacing, values in super().tickValues(minVal, maxVal, size)
                  if spacing >= 1 and all(abs(v - round(v)) < 1e-9 for v in values)]
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


def legend_above(item: pg.PlotItem, columns: int = 3) -> pg.LegendItem:
    """A legend in the plot's (empty) title row, above the data; call fit_legend_height after adding entries."""
    legend = pg.LegendItem(colCount=columns, labelTextColor=PLOT_FOREGROUND, labelTextSize="8pt", frame=False)
    legend.setParentItem(item)
    legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(48, 2))
    legend.setZValue(20)
    return legend


def fit_legend_height(legend: pg.LegendItem, item: pg.PlotItem) -> None:
    rows = -(-len(legend.items) // legend.columnCount)
    h = rows * 20 + 6 if rows else 0  # samples are 20 px high; the layout's sizes are not known until it is shown
    item.layout.setRowFixedHeight(0, h)  # the (empty) title row makes room for the legend
