"""The fit plot's teaching views: each residual as a square (their mean is the MSE), a line placed by hand with
two handles ("my line"), and the exact °F law behind the readings.  FitGeometry is a mixin of plots.live.FitPlot:
it draws into the fit plot's items and legend, and takes every number from core.geometry.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import translate
from thermogui.ui.plots.kit import clip_line, fit_legend_height, pen, show_in_legend

MY_LINE_COLOR = (148, 103, 189)  # a line placed by hand, and its handles
LAW_COLOR = (44, 160, 44)  # the exact °F → °C law
SQUARES_ALPHA = 45  # the training readings' squares: the fit's colour, faint
MAX_SQUARES = 400  # squares drawn at most (the MSE is over every training reading)
LAW_NAME = QT_TRANSLATE_NOOP("FitPlot", "°F law (t_u − 32)·5/9")  # its legend entry (English; shown marked)


class FitGeometry:
    """The fit plot's optional teaching layers (a mixin of FitPlot; every number from core.geometry):

    - residuals as squares: each included reading's residual t_p − t_c at the curve shown as a vertical segment, and
      its square drawn beside it (to the right): side |r| in °C, its width converted to t_u units with the view's
      aspect so it looks square (redrawn when the view changes); training readings filled, validation readings
      dashed and not counted; a label gives the mean of the training squares, the MSE;
    - my line: two draggable handles and the straight line through them (myLineMoved(((x1, y1), (x2, y2))));
    - the exact law t_c = (t_u − 32)·5/9, dashed, in the legend.
    """

    def _init_geometry_items(self) -> None:
        from PySide6.QtWidgets import QGraphicsPathItem

        item = self.getPlotItem()
        self._squares_on = False
        self._squares = None  # (rects, train mask, aspect, mse) of the squares last laid out
        self.squares_fill = QGraphicsPathItem()
        self.squares_fill.setPen(pen(None))  # (no outline: squares_outline draws it)
        self.squares_fill.setBrush(pg.mkBrush(*style.FIT, SQUARES_ALPHA))
        self.squares_outline = pg.PlotCurveItem(pen=pen(style.FIT, width=1), connect="finite")
        self.residual_lines = pg.PlotCurveItem(pen=pen(style.FIT, width=2.5), connect="pairs")
        self.val_squares = pg.PlotCurveItem(pen=pen(style.VALIDATION, width=1.2, style=Qt.DashLine), connect="finite")
        for it in (self.squares_fill, self.squares_outline, self.residual_lines, self.val_squares):
            it.setVisible(False)
            it.setZValue(-1)  # under the readings and the fit
            item.addItem(it, ignoreBounds=True)
        self.squares_label = pg.LabelItem("", justify="right", size="9pt")
        self.squares_label.setParentItem(item.vb)
        self.squares_label.anchor(itemPos=(1, 1), parentPos=(1, 1), offset=(-8, -6))  # the corner the readings avoid
        self.squares_label.setVisible(False)
        self.law = pg.PlotDataItem(pen=pen(LAW_COLOR, width=1.8, style=Qt.DashLine), name=LAW_NAME, antialias=True)
        self.law.setVisible(False)
        item.addItem(self.law, ignoreBounds=True)
        self.my_line_item = pg.PlotDataItem(
            pen=pen(MY_LINE_COLOR, width=2, style=Qt.DashDotLine), name="my line", antialias=True
        )
        self.my_line_item.setVisible(False)
        item.addItem(self.my_line_item, ignoreBounds=True)
        self.handles = []
        for _ in range(2):
            handle = pg.TargetItem(
                pos=(0, 0),
                size=15,
                symbol="o",
                pen=pen(MY_LINE_COLOR, width=2),
                brush=pg.mkBrush(*MY_LINE_COLOR, 110),
                hoverPen=pen(MY_LINE_COLOR, width=3),
                hoverBrush=pg.mkBrush(*MY_LINE_COLOR, 200),
            )
            handle.setVisible(False)
            handle.setZValue(30)
            item.addItem(handle, ignoreBounds=True)
            handle.sigPositionChanged.connect(self._on_handle_moved)
            self.handles.append(handle)
        self._law_box = None
        item.vb.sigRangeChanged.connect(self._on_view_changed)
        item.vb.sigResized.connect(self._on_view_changed)

    def _draw_geometry(self) -> None:
        """After the fit or the readings changed: the squares, and the law and my line over the curve's span."""
        self._draw_squares()
        box = self._curve_box()
        if box != self._law_box:
            self._law_box = box
            self._draw_law()
            self._draw_my_line()

    def _on_view_changed(self, *_) -> None:
        if self._squares_on:
            self._draw_squares()

    def _retranslate_geometry(self) -> None:
        """The handles' tooltip and the squares' label in the UI language (the legend: FitPlot.retranslate)."""
        for handle in self.handles:
            handle.setToolTip(translate("FitPlot", "Drag to place your line"))
        if self._squares_on:
            self._draw_squares()

    def apply_theme(self) -> None:
        super().apply_theme()
        if self._squares_on:
            self._draw_squares()  # (the label's text colour)

    # --- residuals as squares ---------------------------------------------------------------------------------------
    def set_squares_visible(self, on: bool) -> None:
        """Show (or hide) the residuals and their squares."""
        self._squares_on = bool(on)
        if show_in_legend(self.legend, self.squares_outline, self.legend_name(self.squares_outline), self._squares_on):
            fit_legend_height(self.legend, self.getPlotItem())
        self._draw_squares()

    def squares_visible(self) -> bool:
        return self._squares_on

    def view_aspect(self) -> float:
        """t_u units per °C on screen: a square's width in data coordinates is its height times this."""
        vb = self.getPlotItem().vb
        (x0, x1), (y0, y1) = vb.viewRange()
        w, h = vb.width(), vb.height()
        if not (w > 0 and h > 0 and y1 > y0):
            return (x1 - x0) / (y1 - y0) if y1 > y0 else 1.0
        return ((x1 - x0) / w) / ((y1 - y0) / h)

    def residual_squares(self):
        """The squares as laid out: (rects (x, y, width, height) in data coordinates, training mask, aspect, MSE), or
        None while they are hidden."""
        return self._squares if self._squares_on else None

    def _draw_squares(self) -> None:
        from PySide6.QtGui import QPainterPath

        from thermogui.core.geometry import residuals, square_rects
        from thermogui.core.numbers import fmt_num

        parts = (self.squares_fill, self.squares_outline, self.residual_lines, self.val_squares, self.squares_label)
        if not self._squares_on:
            self._squares = None
            for it in parts:
                it.setVisible(False)
            return
        res = residuals(self.model, self._line, self._data, self._val)
        aspect = self.view_aspect()
        rects = square_rects(res.t_u, res.t_c, res.r, aspect)
        mse = res.mse
        self._squares = (rects, res.train.copy(), aspect, mse)
        (vx0, vx1), (vy0, vy1) = self.getPlotItem().vb.viewRange()
        dx, dy = vx1 - vx0, vy1 - vy0
        lo_x, hi_x, lo_y, hi_y = vx0 - dx, vx1 + dx, vy0 - dy, vy1 + dy  # drawn within: paintable coordinates
        idx = np.flatnonzero(np.isfinite(rects).all(axis=1))
        if len(idx) > MAX_SQUARES:
            idx = idx[np.linspace(0, len(idx) - 1, MAX_SQUARES).astype(np.intp)]
        r = rects[idx]
        x0, x1 = np.clip(r[:, 0], lo_x, hi_x), np.clip(r[:, 0] + r[:, 2], lo_x, hi_x)
        y0, y1 = np.clip(r[:, 1], lo_y, hi_y), np.clip(r[:, 1] + r[:, 3], lo_y, hi_y)
        train = res.train[idx]
        path = QPainterPath()
        path.setFillRule(Qt.WindingFill)
        for a, b, c, d in zip(x0[train], y0[train], x1[train], y1[train]):
            path.addRect(float(a), float(b), float(c - a), float(d - b))
        self.squares_fill.setPath(path)

        def outlines(sel):
            n = int(np.count_nonzero(sel))
            xs = np.stack([x0[sel], x1[sel], x1[sel], x0[sel], x0[sel], np.full(n, np.nan)], axis=1).reshape(-1)
            ys = np.stack([y0[sel], y0[sel], y1[sel], y1[sel], y0[sel], np.full(n, np.nan)], axis=1).reshape(-1)
            return xs, ys

        self.squares_outline.setData(*outlines(train))
        vx, vy = outlines(~train)
        # each residual: the vertical segment from the reading (t_c) to the curve (t_p), the square's left side
        seg_x = np.repeat(x0, 2)
        t_c = np.clip(res.t_c[idx], lo_y, hi_y)
        t_p = np.clip(res.t_p[idx], lo_y, hi_y)
        seg_y = np.stack([t_c, t_p], axis=1).reshape(-1)
        tr2 = np.repeat(train, 2)
        self.residual_lines.setData(seg_x[tr2], seg_y[tr2])
        if (~train).any():  # validation readings: segment and square dashed in their colour, not counted
            pairs = np.stack([seg_x[~tr2].reshape(-1, 2), seg_y[~tr2].reshape(-1, 2)], axis=2)
            sx = np.concatenate([pairs[:, :, 0], np.full((len(pairs), 1), np.nan)], axis=1).reshape(-1)
            sy = np.concatenate([pairs[:, :, 1], np.full((len(pairs), 1), np.nan)], axis=1).reshape(-1)
            vx, vy = np.concatenate([vx, sx]), np.concatenate([vy, sy])
        self.val_squares.setData(vx, vy)
        for it in parts:
            it.setVisible(True)
        text = translate("FitPlot", "mean of the squares = MSE = {mse}").format(mse=fmt_num(mse, 2))
        if res.n_train < len(res.r):
            text += "<br>" + translate("FitPlot", "(training readings; validation readings dashed, not counted)")
        if len(idx) < len(rects):
            text += "<br>" + translate("FitPlot", "(squares of {shown} of the {total} readings drawn)").format(
                shown=f"{len(idx):,}", total=f"{len(rects):,}"
            )
        self.squares_label.setText(text, color=style.plot_colors()["foreground"])

    def squares_text(self) -> str:
        """The squares' label as plain text."""
        return self.squares_label.text.replace("<br>", " ") if self._squares_on else ""

    # --- the law behind the readings --------------------------------------------------------------------------------
    def set_law_visible(self, on: bool, note: str = "") -> None:
        """Show (or hide) the exact law t_c = (t_u − 32)·5/9, dashed; `note` (why the fit differs) is its tooltip."""
        self.law.setVisible(bool(on))
        if note:
            self.law.setToolTip(note)
            self.law.curve.setToolTip(note)
        if show_in_legend(self.legend, self.law, self.legend_name(self.law), bool(on)):
            fit_legend_height(self.legend, self.getPlotItem())
        self._draw_law()

    def law_visible(self) -> bool:
        return self.law.isVisible()

    def _draw_law(self) -> None:
        from thermogui.core.geometry import law_points

        if not self.law.isVisible():
            return
        x0, x1, _, _ = self._curve_box()
        self.law.setData(*law_points(x0, x1))

    # --- my line ----------------------------------------------------------------------------------------------------
    def show_my_line(self, on: bool, line=None) -> None:
        """Show (or hide) the two handles and the line through them.  Shown, the handles are put on `line` (w, b raw:
        the start line) at a quarter and three quarters of the readings' span when it crosses the plot there, else
        on a diagonal of the plot."""
        on = bool(on)
        if on:
            x0, x1, y0, y1 = self._bounds
            xs = (x0 + 0.25 * (x1 - x0), x0 + 0.75 * (x1 - x0))
            ys = (y0 + 0.3 * (y1 - y0), y0 + 0.7 * (y1 - y0))
            if line is not None and len(line) == 2 and all(math.isfinite(v) for v in line):
                on_line = tuple(line[0] * x + line[1] for x in xs)
                if all(y0 <= y <= y1 for y in on_line):
                    ys = on_line
            for handle, x, y in zip(self.handles, xs, ys):
                handle.blockSignals(True)
                handle.setPos(x, y)
                handle.blockSignals(False)
        for it in (*self.handles, self.my_line_item):
            it.setVisible(on)
        if show_in_legend(self.legend, self.my_line_item, self.legend_name(self.my_line_item), on):
            fit_legend_height(self.legend, self.getPlotItem())
        self._draw_my_line()
        if on:
            self.myLineMoved.emit(self.my_line_points())

    def my_line_shown(self) -> bool:
        return self.my_line_item.isVisible()

    def my_line_points(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The handles' positions (t_u, t_c)."""
        return tuple((float(h.pos().x()), float(h.pos().y())) for h in self.handles)

    def _on_handle_moved(self, *_) -> None:
        self._draw_my_line()
        self.myLineMoved.emit(self.my_line_points())

    def _draw_my_line(self) -> None:
        from thermogui.core.geometry import NoStartValues, line_through

        if not self.my_line_item.isVisible():
            return
        try:
            w, b = line_through(*self.my_line_points())
        except NoStartValues:
            self.my_line_item.setData([], [])
            return
        x0, x1, y0, y1 = self._curve_box()
        h = y1 - y0
        seg = clip_line(w, b, x0, x1, y0 - 50 * h, y1 + 50 * h)
        self.my_line_item.setData(*(seg if seg is not None else ([], [])))
