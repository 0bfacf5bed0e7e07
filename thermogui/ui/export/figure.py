"""The exported figure: a never-shown pyqtgraph figure of the fit, the loss or both, drawn as a PNG image (at a
chosen DPI, with pHYs and the run as text chunks) or as SVG.

The picture is laid out in the target's device pixels: fonts are sized in points times dpi/72 and pens likewise, so a
600-DPI PNG has crisp lines and readable text instead of a screen grab scaled up.  The same figure feeds the GUI
dialog and `thermogui fit --plot` (thermogui.plot_export); its options are in export.options, its words in
export.caption, and export.writing writes it to a file or the clipboard.

Its words (axis titles, legend, caption) are in the UI language (context "Figure"; the command line installs no
translation: English), or in the book's English when `ExportOptions.book_labels` asks for them.  The text is drawn in
one font family that has every character it needs (`text_family`): matplotlib's DejaVu Sans for English, a font with
Hangul for Korean — named in the SVG too, so a viewer draws Hangul, not boxes.  The PNG's text chunks (the run's
record) stay English.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPicture, QTextOption
from PySide6.QtSvg import QSvgGenerator

from thermogui.core.dataset import Dataset
from thermogui.core.history import EPOCH, LOSS, VAL_LOSS
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg
from thermogui.ui.export.caption import MODEL_LABELS, X_LABEL, Y_LABEL, _model, caption_html, labeller, lstsq_model
from thermogui.ui.export.items import _Axis, _font, _Sample, text_family
from thermogui.ui.export.options import MAX_LOSS_ROWS, ExportOptions
from thermogui.ui.export.svg import scaling_strokes
from thermogui.ui.plots.live import DATA_COLOR, FIT_COLOR, VAL_COLOR, clip_line, data_bounds
from thermogui.ui.plots.live import _sampled as sampled  # the window's rule: at most MAX_SCATTER_POINTS readings

TEXT_COLOR = "#222222"
LSTSQ_INK = (60, 60, 60)  # the exact line: thin, dark and dashed so it reads on top of the red fit


def legend_corner(x, y, bounds, share_x: float = 0.4, share_y: float = 0.35) -> str:
    """The corner of the plot with the fewest readings under where the legend goes (top left, top right, bottom
    right, in that order of preference): a legend never hides a reading — an excluded one included — if it can help
    it."""
    x0, x1, y0, y1 = bounds
    x, y = np.asarray(x, float), np.asarray(y, float)
    wx, wy = (x1 - x0) * share_x, (y1 - y0) * share_y
    regions = {
        "left": (x <= x0 + wx) & (y >= y1 - wy),
        "right": (x >= x1 - wx) & (y >= y1 - wy),
        "bottom-right": (x >= x1 - wx) & (y <= y0 + wy),
    }
    counts = {corner: int(np.count_nonzero(inside)) for corner, inside in regions.items()}
    return min(counts, key=lambda c: (counts[c], list(regions).index(c)))


CURVE_SAMPLES = 512  # points along a model's curve across the plot
CURVE_REACH = 1000.0  # a curve's points are kept within this many plot heights of the view (Qt paints them small)


def model_curve(model, params_raw, x0: float, x1: float, y0: float, y1: float):
    """A model's curve t_c = model(t_u) across [x0, x1], from its raw-unit parameters (model.predict on raw t_u),
    as (xs, ys); None when no sampled point lies within y in [y0, y1] or the parameters are not finite.

    Non-finite values become nan (not drawn) and values beyond CURVE_REACH plot heights are held there, so a
    diverged run never hands Qt astronomically large coordinates (the view clips what lies outside)."""
    m = _model(model)
    if not all(math.isfinite(float(v)) for v in params_raw):
        return None
    xs = np.linspace(x0, x1, CURVE_SAMPLES)
    with np.errstate(all="ignore"):
        ys = np.asarray(m.predict(xs, np.asarray(params_raw, dtype=np.float64)), dtype=np.float64)
    ys = np.where(np.isfinite(ys), ys, np.nan)
    with np.errstate(invalid="ignore"):
        if not ((ys >= y0) & (ys <= y1)).any():
            return None
        reach = CURVE_REACH * (y1 - y0)
        ys = np.clip(ys, y0 - reach, y1 + reach)
    return xs, ys


def validation_mask(config, data: Dataset) -> np.ndarray:
    """Which of `data`'s readings (all of them, excluded ones included) a run with `config` validates on: the
    readings marked in the table, or the seeded random choice of its validation fraction (core.problem.split).
    All False when the run could not start."""
    from thermogui.core.errors import UserError
    from thermogui.core.problem import split

    mask = np.zeros(len(data), bool)
    try:
        _, va = split(config, data)
    except UserError:
        return mask
    mask[np.flatnonzero(data.include)[va]] = True
    return mask


class Figure:
    """A never-shown pyqtgraph figure laid out in device pixels: title, plot(s), caption.

    `line` and `lstsq` are the parameters of `model` (a name or a model; None: the straight line) in raw units, in
    the model's order — (w, b) for the line, drawn as before; any other model is drawn as its curve (a network's by
    model.predict on raw t_u).  For a network `lstsq` is the least-squares straight line (w, b), drawn for comparison.
    `val` marks the validation readings (a mask over all readings; None: the readings marked in `data`), drawn
    hollow.  Its words are in the UI language or, with `options.book_labels`, the book's English (`self.words`), set
    in `self.family` (`text_family`)."""

    def __init__(
        self,
        options: ExportOptions,
        data: Dataset,
        line=None,
        lstsq=None,
        loss_rows=None,
        metadata: dict | None = None,
        model=None,
        val=None,
    ):
        self.model = _model(model)
        self.options = options = options.validated()
        self.size = W, H = options.pixel_size()
        self.metadata = dict(metadata or {})
        if options.title.strip():
            self.metadata["Title"] = options.title.strip()
        self.words = words = labeller(options.book_labels)
        # one family for all the text: one with every character the title and the words need (Hangul for Korean)
        sample = (
            X_LABEL,
            Y_LABEL,
            "readings",
            "Epoch",
            "Loss (mean squared error)",
            "Gradient descent, {epochs} epochs",
        )
        self.family = text_family([options.title, *(words(t) for t in sample), self._model_label()])
        s = self.s = options.scale
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.view.resize(W, H)
        self.view.viewport().resize(W, H)
        self.view.resizeEvent(None)  # a hidden widget gets no resize event: map 1 scene unit to 1 pixel now
        layout = self.view.ci
        m = round(6 * s)
        layout.layout.setContentsMargins(m, m, round(12 * s), round(4 * s))
        layout.layout.setHorizontalSpacing(round(14 * s))
        layout.layout.setVerticalSpacing(round(3 * s))
        panels = {"fit": ["fit"], "loss": ["loss"], "both": ["fit", "loss"]}[options.what]
        ncol = len(panels)
        self._text_width = W - m - round(12 * s)
        if options.title.strip():
            self._text(options.title.strip().replace("&", "&amp;").replace("<", "&lt;"), 0, ncol, 12, True, TEXT_COLOR)
        self.plots: dict[str, pg.PlotItem] = {}
        for col, kind in enumerate(panels):
            plot = self._plot(layout, col)
            if kind == "fit":
                self._fill_fit(plot, data, line, lstsq, val)
            else:
                self._fill_loss(plot, loss_rows)
            self.plots[kind] = plot
        if options.caption and (line is not None or lstsq is not None):
            caption = caption_html(line, lstsq, self.metadata, self.model, words)
            self._text(caption, 2, ncol, 8.5, False, "#333333")
        self._settle()

    def _model_label(self, model=None) -> str:
        """A model's name as the legend says it ("quadratic"), in the picture's words."""
        label = (model or self.model).label
        return self.words(MODEL_LABELS.get(label, label)) if isinstance(label, Text) or label in MODEL_LABELS else label

    # --- building ------------------------------------------------------------------------
    def _text(self, html: str, row: int, ncol: int, points: float, bold: bool, color: str) -> pg.LabelItem:
        """A centred block of text across the figure that wraps rather than widening the figure."""
        label = self.view.ci.addLabel(
            html,
            row=row,
            col=0,
            colspan=ncol,
            size=f"{round(points * self.s)}px",
            bold=bold,
            color=color,
            family=self.family,
        )
        label.item.document().setDefaultTextOption(QTextOption(Qt.AlignHCenter))
        label.item.document().setDocumentMargin(0)
        label.item.setTextWidth(self._text_width)
        label.updateMin()
        return label

    def _plot(self, layout: pg.GraphicsLayout, col: int) -> pg.PlotItem:
        s = self.s
        gap = round(5 * s)
        axes = {side: _Axis(side, gap) for side in ("left", "bottom", "top", "right")}
        plot = layout.addPlot(row=1, col=col, enableMenu=False, axisItems=axes)
        plot.hideButtons()
        plot.setMouseEnabled(False, False)
        plot.layout.setContentsMargins(0, 0, 0, 0)
        pen = pg.mkPen("k", width=0.8 * s)
        for side in ("left", "bottom", "top", "right"):
            plot.showAxis(side)
            ax = plot.getAxis(side)
            ax.setPen(pen)
            ax.setTextPen(TEXT_COLOR)
            ax.enableAutoSIPrefix(False)
            if side in ("top", "right"):  # close the box, as matplotlib does
                ax.setStyle(showValues=False, tickLength=0)
                ax.setTicks([[], []])
                continue
            ax.setStyle(
                tickFont=_font(9 * s, family=self.family),
                tickLength=round(3.5 * s),
                tickTextOffset=round(3.5 * s),
                maxTickLevel=0,
                maxTextLevel=0,
                autoReduceTextSpace=True,
            )
            ax.setTickDensity(math.sqrt(96.0 / self.options.dpi))  # as many ticks per inch as on a screen
        return plot

    def _label(self, plot: pg.PlotItem, x: str, y: str) -> None:
        style = {"font-size": f"{round(10 * self.s)}px", "font-family": self.family, "color": TEXT_COLOR}
        plot.setLabel("bottom", self.words(x), **style)
        plot.setLabel("left", self.words(y), **style)

    def _legend(self, plot: pg.PlotItem, entries, corner: str = "left") -> None:
        s = self.s
        off = round(6 * s)
        legend = pg.LegendItem(
            offset=(-off if corner in ("right", "bottom-right") else off, -off if corner == "bottom-right" else off),
            pen=pg.mkPen(200, 200, 200, width=0.6 * s),
            brush=pg.mkBrush(255, 255, 255, 230),
            labelTextColor=TEXT_COLOR,
            labelTextSize=f"{round(8.5 * s)}px",
            horSpacing=round(4 * s),
            verSpacing=0,
            sampleType=_Sample,
        )
        legend.setParentItem(plot.vb)
        legend.layout.setContentsMargins(*[round(4 * s)] * 4)
        for item, name in entries:
            legend.addItem(_Sample(item, round(22 * s), round(10 * s)), name)  # (names in the picture's words)
        for _sample, label in legend.items:
            label.item.document().setDocumentMargin(round(1 * s))
            label.setText(label.text, family=self.family)
        legend.updateSize()

    def _fill_fit(self, plot: pg.PlotItem, data: Dataset, line, lstsq, val=None) -> None:
        s = self.s
        m = self.model
        self._label(plot, X_LABEL, Y_LABEL)
        x0, x1, y0, y1 = data_bounds(data)
        plot.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        line_model = m.name == "line"
        ls_model = lstsq_model(m)  # a network: the least-squares line, for comparison

        def drawn(params, model=m):
            if params is None:
                return None
            if model.name == "line":  # (the line's picture as it always was)
                return clip_line(*params, x0, x1, y0, y1)
            return model_curve(model, params, x0, x1, y0, y1)

        t = self.words
        entries = []
        if (seg := drawn(line)) is not None:
            fit = pg.PlotCurveItem(*seg, pen=pg.mkPen(FIT_COLOR, width=1.6 * s), antialias=True, connect="finite")
            plot.addItem(fit)
            if line_model:
                name = t(QT_TRANSLATE_NOOP("Figure", "gradient descent fit"))
            else:
                name = t(QT_TRANSLATE_NOOP("Figure", "gradient descent fit ({model})")).format(
                    model=self._model_label()
                )
            entries.append((fit, name))
        if (seg := drawn(lstsq, ls_model)) is not None:
            # drawn over the fit, thinner, so it shows where the two agree
            pen = pg.mkPen(LSTSQ_INK, width=0.75 * s)
            pen.setDashPattern([5, 5])
            ls = pg.PlotCurveItem(*seg, pen=pen, antialias=True, connect="finite")
            plot.addItem(ls)
            if line_model:
                ls_label = t(QT_TRANSLATE_NOOP("Figure", "least squares (exact)"))
            elif ls_model is m:
                ls_label = t(QT_TRANSLATE_NOOP("Figure", "least squares {model} (exact)")).format(
                    model=self._model_label()
                )
            else:
                ls_label = t(QT_TRANSLATE_NOOP("Figure", "least-squares line (exact)"))
            entries.append((ls, ls_label))
        inc = data.include
        marked = data.val if val is None else np.asarray(val, bool)
        if marked.shape != inc.shape:
            raise ValueError(f"the validation mask has {marked.size} values for {inc.size} readings")
        checked = marked & inc  # an excluded reading is drawn as excluded, whatever its mark
        train = inc & ~checked
        points = pg.ScatterPlotItem(
            *sampled(data.t_u[train], data.t_c[train]),
            symbol="o",
            size=6.5 * s,
            antialias=True,
            pen=pg.mkPen(DATA_COLOR, width=0.8 * s),
            brush=pg.mkBrush(*DATA_COLOR, 210),
        )
        plot.addItem(points)
        entries.insert(0, (points, t(QT_TRANSLATE_NOOP("Figure", "readings"))))
        if checked.any():  # validation readings: hollow, in the validation colour
            held = pg.ScatterPlotItem(
                *sampled(data.t_u[checked], data.t_c[checked]),
                symbol="o",
                size=6.5 * s,
                antialias=True,
                pen=pg.mkPen(VAL_COLOR, width=1.2 * s),
                brush=None,
            )
            plot.addItem(held)
            entries.insert(1, (held, t(QT_TRANSLATE_NOOP("Figure", "validation readings"))))
        if not inc.all():
            excluded = pg.ScatterPlotItem(
                *sampled(data.t_u[~inc], data.t_c[~inc]),
                symbol="o",
                size=6.5 * s,
                antialias=True,
                pen=pg.mkPen(150, 150, 150, width=0.8 * s),
                brush=None,
            )
            plot.addItem(excluded)
            entries.insert(2 if checked.any() else 1, (excluded, t(QT_TRANSLATE_NOOP("Figure", "excluded readings"))))
        self._legend(plot, entries, corner=legend_corner(data.t_u, data.t_c, (x0, x1, y0, y1)))

    def _fill_loss(self, plot: pg.PlotItem, rows) -> None:
        s = self.s
        self._label(
            plot, QT_TRANSLATE_NOOP("Figure", "Epoch"), QT_TRANSLATE_NOOP("Figure", "Loss (mean squared error)")
        )
        plot.setLogMode(y=True)
        plot.getAxis("left").setStyle(maxTickLevel=1)  # minor ticks at 2..9 × 10^k, unlabelled
        rows = np.empty((0, 3)) if rows is None else np.asarray(rows, float)
        if len(rows) > MAX_LOSS_ROWS:
            idx = np.unique(np.append(np.linspace(0, len(rows) - 1, MAX_LOSS_ROWS).astype(int), len(rows) - 1))
            rows = rows[idx]
        entries = []
        finite_all = np.empty(0)
        curves = (
            (LOSS, FIT_COLOR, QT_TRANSLATE_NOOP("Figure", "training loss")),
            (VAL_LOSS, VAL_COLOR, QT_TRANSLATE_NOOP("Figure", "validation loss")),
        )
        for col, color, name in curves:
            if len(rows) == 0:
                break
            with np.errstate(all="ignore"):
                y = np.where(np.isfinite(rows[:, col]) & (rows[:, col] > 0), rows[:, col], np.nan)
            if not np.isfinite(y).any():
                continue
            finite_all = np.append(finite_all, y[np.isfinite(y)])
            curve = pg.PlotDataItem(
                rows[:, EPOCH], y, pen=pg.mkPen(color, width=1.6 * s), connect="finite", antialias=True
            )
            plot.addItem(curve)
            entries.append((curve, self.words(name)))
        if finite_all.size:
            lo = math.floor(math.log10(max(float(finite_all.min()), 1e-300)))
            hi = math.ceil(math.log10(float(finite_all.max())) + 1e-12)
            plot.vb.setRange(xRange=(0, max(float(rows[-1, EPOCH]), 1.0)), yRange=(lo, max(hi, lo + 1)), padding=0.02)
            first, last = (float(v) for v in rows[np.isfinite(rows[:, LOSS]), LOSS][[0, -1]])
            self._legend(plot, entries, corner="right" if last <= first else "left")  # the empty corner
        else:
            plot.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            if len(rows):
                text = self.words(QT_TRANSLATE_NOOP("Figure", "no finite loss to show"))
            else:
                text = self.words(QT_TRANSLATE_NOOP("Figure", "no training run yet"))
            note = pg.TextItem(text, color=(120, 120, 120), anchor=(0.5, 0.5))
            note.setFont(_font(10 * s, family=self.family))
            note.setPos(0.5, 0.5)
            plot.addItem(note)

    def _settle(self) -> None:
        """pyqtgraph sizes its axes to their tick labels while painting: paint into a throwaway QPicture and
        re-run the layout until nothing moves.

        The figure is first given its size again: a caption or title wider than the picture grew the layout before it
        was told to wrap (pyqtgraph sizes a label to its unwrapped text), and a grown layout never shrinks by itself —
        the plot would run past the picture's right edge."""
        before = None
        for _ in range(5):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.view.ci.setGeometry(QRectF(0, 0, *self.size))
            self.view.ci.layout.activate()
            for plot in self.plots.values():
                plot.layout.activate()
            pic = QPicture()
            p = QPainter(pic)
            self.render(p)
            p.end()
            now = [
                tuple(it.geometry().getRect())
                for plot in self.plots.values()
                for it in (plot, plot.vb, *(plot.getAxis(a) for a in ("left", "bottom")))
            ]
            if now == before:
                break
            before = now

    # --- output -------------------------------------------------------------------------
    def data_to_pixel(self, x: float, y: float, panel: str = "fit") -> tuple[float, float]:
        """Where the data point (x, y) lands in the image (for tests and checks)."""
        pt = self.plots[panel].vb.mapViewToScene(QPointF(x, y))
        return pt.x(), pt.y()

    def _items(self):
        return [it for it in self.view.scene().items() if hasattr(it, "setExportMode")]

    def render(self, painter: QPainter) -> None:
        rect = QRectF(0, 0, *self.size)
        items = self._items()
        for it in items:  # vector symbols instead of cached pixmaps; no hover decorations
            it.setExportMode(
                True, {"antialias": True, "background": QColor("white"), "painter": painter, "resolutionScale": 1.0}
            )
        try:
            painter.setRenderHint(QPainter.Antialiasing)
            painter.setRenderHint(QPainter.TextAntialiasing)
            self.view.scene().render(painter, rect, rect)
        finally:
            for it in items:
                it.setExportMode(False)

    def image(self) -> QImage:
        W, H = self.size
        img = QImage(W, H, QImage.Format_RGB32)
        if img.isNull():
            raise ValueError(
                msg(QT_TRANSLATE_NOOP("Figure", "not enough memory for a {w} × {h} pixel image"), "Figure", w=W, h=H)
            )
        img.fill(QColor("white"))
        p = QPainter(img)
        try:
            self.render(p)
        finally:
            p.end()
        dpm = round(self.options.dpi / 0.0254)
        img.setDotsPerMeterX(dpm)
        img.setDotsPerMeterY(dpm)
        for key, value in self.metadata.items():
            img.setText(key, value)
        return img

    def svg(self) -> bytes:
        """The picture as SVG: width and height in inches, a viewBox in the PNG's pixels, strokes that scale."""
        W, H = self.size
        buf = QBuffer()
        buf.open(QIODevice.WriteOnly)
        gen = QSvgGenerator()
        gen.setOutputDevice(buf)
        gen.setSize(QSize(W, H))
        gen.setViewBox(QRect(0, 0, W, H))
        # pyqtgraph's axes paint through a QPicture, which is replayed scaled by (device DPI / picture DPI): keep
        # the generator at the picture's DPI so 1 unit stays 1 pixel; the size in inches is set afterwards
        gen.setResolution(QPicture().logicalDpiX())
        gen.setTitle(self.options.title or "ThermoGUI plot")
        gen.setDescription("; ".join(f"{k}: {v}" for k, v in self.metadata.items()))
        p = QPainter(gen)
        try:
            p.fillRect(QRectF(0, 0, W, H), QColor("white"))
            self.render(p)
        finally:
            p.end()
        return scaling_strokes(bytes(buf.data()), W / self.options.dpi, H / self.options.dpi)

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()
