"""The learning-rate sweep's plot: the loss each run ended at against its rate (log-log), dots for runs that
converged and crosses for runs that diverged (those that overflowed on a row at the top), the stable-rate bound and
the learning rate in use as vertical lines, and the point picked by a click or by Left / Right.

SweepPlotting is a mixin of panels.sweep.SweepPanel: the points, the rates, the signal rateChosen and the hint are
the panel's, and every text keeps the translation context "SweepPanel".
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Slot

from thermogui.core.explain import fmt_lr
from thermogui.ui import style
from thermogui.ui.i18n import translate
from thermogui.ui.plots.kit import (
    ThemedPlot,
    fit_legend_height,
    legend_above,
    log_ticks,
    pen,
    relabel_legend,
    setup_plot,
)

DIVERGED_COLOR = style.FIT
STABLE_COLOR = style.DATA
BOUND_COLOR = (44, 160, 44)
LR_COLOR = style.LEAST_SQUARES


class SweepPlotting:
    """The plot of SweepPanel (a mixin: the points, chosen, the range fields, the bound _lr_max, the configuration,
    the signal rateChosen and the hint are the panel's)."""

    PICK_RADIUS = 12  # pixels: a click this close to a point picks it

    def _init_plot(self) -> None:
        """The plot: the converging and diverged runs, the picked point, the bound and the learning rate, and a legend
        of stand-ins; a click on it picks a point."""
        self.plot = ThemedPlot()
        self.plot.setObjectName("sweepPlot")
        self.plot.key_handler = self._on_plot_key
        item = self.plot.getPlotItem()
        setup_plot(item, "", "")
        item.setLogMode(x=True, y=True)
        item.showGrid(x=True, y=True, alpha=0.25)
        item.disableAutoRange()
        self.legend = legend_above(item, columns=2)
        self.stable_curve = pg.PlotDataItem(
            pen=pen(STABLE_COLOR, width=1.5),
            symbol="o",
            symbolSize=7,
            symbolBrush=STABLE_COLOR,
            symbolPen=None,
            connect="finite",
        )
        self.diverged_curve = pg.PlotDataItem(
            pen=None,
            symbol="x",
            symbolSize=12,
            symbolBrush=DIVERGED_COLOR,
            symbolPen=pen(DIVERGED_COLOR, width=1.5),
        )
        self.chosen_marker = pg.PlotDataItem(
            pen=None, symbol="o", symbolSize=16, symbolBrush=None, symbolPen=pen(style.PLOT_FOREGROUND, width=2)
        )
        self.bound_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pen(BOUND_COLOR, width=2, style=Qt.DashLine),
            label="bound",
            labelOpts={"position": 0.55},
        )
        self.lr_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pen(*LR_COLOR, width=1.5, style=Qt.DotLine),
            label="your lr",
            labelOpts={"position": 0.35},
        )
        for it in (self.stable_curve, self.diverged_curve, self.chosen_marker, self.bound_line, self.lr_line):
            item.addItem(it)
        self.bound_line.setVisible(False)
        self.lr_line.setVisible(False)
        # legend samples are stand-ins (never plotted): the legend draws a curve's symbol only once it has data
        self.legend_samples = (
            pg.PlotDataItem(
                [0],
                [0],
                pen=pen(STABLE_COLOR, width=1.5),
                symbol="o",
                symbolSize=7,
                symbolBrush=STABLE_COLOR,
                symbolPen=None,
            ),
            pg.ScatterPlotItem(
                symbol="x", size=12, brush=pg.mkBrush(DIVERGED_COLOR), pen=pen(DIVERGED_COLOR, width=1.5)
            ),
            pg.PlotDataItem(pen=pen(BOUND_COLOR, width=2, style=Qt.DashLine)),
            pg.PlotDataItem(pen=pen(*LR_COLOR, width=1.5, style=Qt.DotLine)),
        )
        for sample, name in zip(self.legend_samples, self._legend_names()):
            self.legend.addItem(sample, name)
        fit_legend_height(self.legend, item)
        self.apply_theme()
        item.getViewBox().sigRangeChanged.connect(self._on_range_changed)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)

    def _retranslate_plot(self) -> None:
        """The plot's texts in the UI language: its description, axes, legend and line labels."""
        self.plot.describe(
            translate("SweepPanel", "Learning-rate sweep plot"),
            translate(
                "SweepPanel",
                "The loss after a fixed number of epochs against the learning rate, both on log scales: dots for runs "
                "that converged, crosses for runs that diverged, the stable-rate bound dashed. Left and Right pick a "
                "point, Enter uses its learning rate.",
            ),
        )
        self.plot.setToolTip(
            translate("SweepPanel", "Click a point to use its learning rate (or Left / Right, then Enter).")
        )
        self._label_axes()
        names = dict(zip(map(id, self.legend_samples), self._legend_names()))
        if relabel_legend(self.legend, lambda it: names.get(id(it))):
            fit_legend_height(self.legend, self.plot.getPlotItem())
        self._label_lines()

    def _legend_names(self) -> tuple[str, ...]:
        return (
            translate("SweepPanel", "converging (loss fell)"),
            translate("SweepPanel", "diverged (loss grew; on the top row: became inf)"),
            translate("SweepPanel", "stable-rate bound 2 / λmax (plain GD)"),
            translate("SweepPanel", "your learning rate"),
        )

    def _label_axes(self) -> None:
        item = self.plot.getPlotItem()
        item.setLabel("bottom", translate("SweepPanel", "Learning rate"))
        if self._epochs_run:
            item.setLabel(
                "left", translate("SweepPanel", "Loss after {epochs} epochs").format(epochs=f"{self._epochs_run:,}")
            )
        else:
            item.setLabel("left", translate("SweepPanel", "Final loss"))

    def _label_lines(self) -> None:
        """The bound's and the learning rate's labels on the plot."""
        if self._lr_max is not None and math.isfinite(self._lr_max) and self._lr_max > 0:
            self.bound_line.label.setFormat(translate("SweepPanel", "bound {lr}").format(lr=fmt_lr(self._lr_max)))
        if self._config is not None:
            self.lr_line.label.setFormat(translate("SweepPanel", "your lr {lr}").format(lr=fmt_lr(self._config.lr)))

    def apply_theme(self) -> None:
        """The line labels are text: in the scheme's plot text colour (the lines keep their own colours)."""
        fg = style.plot_colors()["foreground"]
        for line in (self.bound_line, self.lr_line):
            line.label.setColor(fg)
        self.chosen_marker.setSymbolPen(pen(fg, width=2))

    # --- picking a rate --------------------------------------------------------------------------
    def _on_plot_key(self, ev) -> bool:
        """Left / Right pick the previous / next point (by learning rate); Enter uses the picked one."""
        drawn = sorted((p for p, _ in self._drawn()), key=lambda p: p.lr)
        if not drawn:
            return False
        key = ev.key()
        if key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space) and self.chosen in drawn:
            self.rateChosen.emit(self.chosen.lr)
            return True
        if key not in (Qt.Key_Left, Qt.Key_Right):
            return False
        i = drawn.index(self.chosen) if self.chosen in drawn else (-1 if key == Qt.Key_Right else len(drawn))
        i = min(max(i + (1 if key == Qt.Key_Right else -1), 0), len(drawn) - 1)
        self._choose(drawn[i])
        lr = fmt_lr(drawn[i].lr)
        self._say_hint(
            lambda: translate(
                "SweepPanel", "Picked lr {lr}: press Enter to use it, Left / Right for another point."
            ).format(lr=lr)
        )
        return True

    @Slot(object)
    def _on_plot_clicked(self, ev) -> None:
        """A left click near a point picks it (the nearest within PICK_RADIUS pixels) and offers its rate."""
        if ev.button() != Qt.LeftButton:
            return
        vb = self.plot.getPlotItem().vb
        pos = ev.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        best, best_d = None, float(self.PICK_RADIUS)
        for p, y in self._drawn():
            at = vb.mapViewToScene(QPointF(math.log10(p.lr), math.log10(y)))
            d = math.hypot(at.x() - pos.x(), at.y() - pos.y())
            if d <= best_d:
                best, best_d = p, d
        if best is not None:
            ev.accept()
            self._choose(best)
            self.rateChosen.emit(best.lr)

    def _choose(self, point) -> None:
        self.chosen = point
        if point is None:
            self.chosen_marker.setData([], [])
            self._say_hint(lambda: translate("SweepPanel", "Click a point to use its learning rate."))
            return
        y = next(y for p, y in self._drawn() if p is point)
        self.chosen_marker.setData([point.lr], [y])
        lr = fmt_lr(point.lr)
        self._say_hint(
            lambda: translate("SweepPanel", "Picked lr {lr}: click another point to use its rate instead.").format(
                lr=lr
            )
        )

    # --- drawing ---------------------------------------------------------------------------------
    def _drawn(self) -> list:
        """(point, loss drawn) for every point on the plot: runs that overflowed sit on the top row."""
        top = self._top_loss()
        return [
            (p, p.final_loss if _plottable(p.final_loss) else top)
            for p in self.points
            if _plottable(p.final_loss) or p.diverged
        ]

    def _draw(self) -> None:
        drawn = self._drawn()
        stable = [(p, y) for p, y in drawn if not p.diverged]
        diverged = [(p, y) for p, y in drawn if p.diverged]
        self.stable_curve.setData([p.lr for p, _ in stable], [y for _, y in stable])
        self.diverged_curve.setData([p.lr for p, _ in diverged], [y for _, y in diverged])
        self.hint.setVisible(bool(drawn))
        self._fit_y()

    def _top_loss(self) -> float:
        """Where overflowed runs are drawn: a decade above the largest finite loss (or the view's top)."""
        finite = [p.final_loss for p in self.points if _plottable(p.final_loss)]
        starts = [p.start_loss for p in self.points if _plottable(p.start_loss)]
        hi = max(finite + starts, default=1.0)
        return 10.0 ** math.ceil(math.log10(hi) + 0.5)

    def _fit_view(self, lrs=None) -> None:
        """x: the sweep's rates (and the bound); y: every finite loss up to the row of overflowed runs."""
        xs = [self.lr_from.value(), self.lr_to.value()] if lrs is None else list(lrs)
        if self._lr_max:
            xs.append(self._lr_max)
        lx = np.log10(xs)
        self.plot.getPlotItem().vb.setXRange(lx.min(), lx.max(), padding=0.05)
        self._fit_y()

    @Slot(object, object)
    def _on_range_changed(self, _vb, ranges) -> None:
        (x0, x1), (y0, y1) = ranges
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks(log_ticks(x0, x1, fmt_lr))
        item.getAxis("left").setTicks(log_ticks(y0, y1, lambda v: f"{v:g}"))

    def _fit_y(self) -> None:
        finite = [p.final_loss for p in self.points if _plottable(p.final_loss)]
        lo = math.log10(min(finite)) if finite else 0.0
        hi = math.log10(self._top_loss())
        self.plot.getPlotItem().vb.setYRange(min(lo, hi - 1), hi, padding=0.06)


def _plottable(loss: float) -> bool:
    """A loss a log axis can show."""
    return math.isfinite(loss) and loss > 0
