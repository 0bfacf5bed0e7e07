"""Plot image export: PNG at a chosen DPI (with pHYs and the run as text chunks), SVG, and the clipboard.

The picture is rendered from a fresh, never-shown pyqtgraph figure laid out in the target's device pixels: fonts are
sized in points times dpi/72 and pens likewise, so a 600-DPI PNG has crisp lines and readable text instead of a screen
grab scaled up.  The same figure feeds the GUI dialog and `thermogui fit --plot` (thermogui.plot_export).
"""

from __future__ import annotations

import errno
import math
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import (
    QBuffer, QCoreApplication, QEvent, QIODevice, QPointF, QRect, QRectF, QSettings, QSize, QStandardPaths, Qt, Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPicture, QTextOption
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QVBoxLayout,
)

from .. import __version__
from ..core.atomic import atomic_write_bytes
from ..core.dataset import Dataset
from ..core.explain import equation, fmt_lr, fmt_num
from ..core.history import EPOCH, LOSS, VAL_LOSS
from .plots import DATA_COLOR, FIT_COLOR, VAL_COLOR, X_LABEL, Y_LABEL, clip_line, data_bounds

WHATS = ("fit", "loss", "both")
FORMATS = ("png", "svg")
UNITS = ("in", "px")
MIN_DPI, MAX_DPI = 36, 2400
MAX_SIDE_PX = 20000
MAX_PIXELS = 120_000_000  # about 460 MB of RGB32; beyond that the render could exhaust memory
MAX_LOSS_ROWS = 4000
TEXT_COLOR = "#222222"
LSTSQ_INK = (60, 60, 60)  # the exact line: thin, dark and dashed so it reads on top of the red fit

# PNG text-chunk keywords (Latin-1, at most 79 characters)
KEY_LR, KEY_EPOCHS, KEY_EPOCHS_RUN, KEY_NORM = "learning_rate", "epochs", "epochs_run", "normalization"
KEY_W, KEY_B, KEY_LOSS = "w", "b", "loss"


@dataclass(frozen=True)
class ExportOptions:
    what: str = "fit"  # fit | loss | both (side by side)
    format: str = "png"  # png | svg
    dpi: int = 600
    width: float = 6.4  # matplotlib's default figure size
    height: float = 4.8
    unit: str = "in"  # in | px
    title: str = "Thermometer calibration"
    caption: bool = True  # the fitted equation under the plot

    def pixel_size(self) -> tuple[int, int]:
        if self.unit == "px":
            return max(1, round(self.width)), max(1, round(self.height))
        return max(1, round(self.width * self.dpi)), max(1, round(self.height * self.dpi))

    def validated(self) -> ExportOptions:
        if self.what not in WHATS:
            raise ValueError(f"'what' must be one of {', '.join(WHATS)} (got {self.what!r})")
        if self.format not in FORMATS:
            raise ValueError("use .png or .svg")
        if self.unit not in UNITS:
            raise ValueError(f"the size unit must be 'in' or 'px' (got {self.unit!r})")
        if not (isinstance(self.dpi, (int, float)) and MIN_DPI <= self.dpi <= MAX_DPI):
            raise ValueError(f"the resolution must be from {MIN_DPI} to {MAX_DPI} dpi (got {self.dpi})")
        if not (math.isfinite(self.width) and math.isfinite(self.height) and self.width > 0 and self.height > 0):
            raise ValueError("the width and height must be positive")
        w, h = self.pixel_size()
        if min(w, h) < 64 or max(w, h) > MAX_SIDE_PX or w * h > MAX_PIXELS:
            raise ValueError(f"{w} × {h} pixels is not a usable image size: each side must be 64 to "
                             f"{MAX_SIDE_PX:,} pixels and the whole at most {MAX_PIXELS // 1_000_000} megapixels")
        return self

    @property
    def scale(self) -> float:
        """Device pixels per typographic point."""
        return self.dpi / 72.0


class ExportError(OSError):
    """A file that could not be written; str() is a reason a person understands."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


# --- what the picture says -----------------------------------------------------------------------
def _norm_text(config) -> str:
    if config.normalize == "scale":
        return f"t_u × {config.scale:g}"
    return "z-score of t_u" if config.normalize == "zscore" else "raw t_u"


def run_metadata(config, line, lstsq, epochs_run: int, loss: float, stop_reason: str | None = None,
                 lstsq_loss: float | None = None, title: str = "") -> dict[str, str]:
    """The PNG text chunks (and SVG description) that record the run behind a picture."""
    w, b = line if line is not None else (math.nan, math.nan)
    meta = {
        "Title": title or "Thermometer calibration",
        "Software": f"ThermoGUI {__version__}",
        "Description": equation(w, b) + (f" after {epochs_run:,} epochs of gradient descent" if epochs_run else
                                         " (start line, not trained yet)"),
        KEY_LR: repr(float(config.lr)),
        KEY_EPOCHS: str(config.epochs),
        KEY_EPOCHS_RUN: str(int(epochs_run)),
        KEY_NORM: config.normalize + (f" {config.scale!r}" if config.normalize == "scale" else ""),
        "optimizer": config.optimizer + (f" momentum {config.momentum!r}" if config.momentum else ""),
        "gradient": config.gradient,
        "init_w": repr(float(config.init_w)),
        "init_b": repr(float(config.init_b)),
        KEY_W: repr(float(w)),
        KEY_B: repr(float(b)),
        KEY_LOSS: repr(float(loss)),
    }
    if stop_reason:
        meta["stop_reason"] = str(stop_reason)
    if lstsq is not None:
        meta["lstsq_w"], meta["lstsq_b"] = repr(float(lstsq[0])), repr(float(lstsq[1]))
        if lstsq_loss is not None:
            meta["lstsq_loss"] = repr(float(lstsq_loss))
    meta["_norm_text"] = _norm_text(config)  # for the caption; not written to files
    return meta


def _html_eq(w: float, b: float) -> str:
    return equation(w, b).replace("t_c", "t<sub>c</sub>").replace("t_u", "t<sub>u</sub>")


def caption_html(line, lstsq, metadata: dict) -> str:
    """The fitted equation (and the exact least-squares one) for under the plot."""
    lines = []
    if line is not None:
        epochs = int(metadata.get(KEY_EPOCHS_RUN, "0") or 0)
        loss = float(metadata.get(KEY_LOSS, "nan"))
        if epochs:
            what = f"Gradient descent, {epochs:,} epoch{'s' if epochs != 1 else ''}"
            if KEY_LR in metadata:
                what += f" at learning rate {fmt_lr(float(metadata[KEY_LR]))}"
        else:
            what = "Start line (not trained yet)"
        tail = f" &nbsp;(loss {fmt_num(loss, 4)})" if math.isfinite(loss) else ""
        lines.append(f"{what}: &nbsp;{_html_eq(*line)}{tail}")
    if lstsq is not None:
        loss = float(metadata.get("lstsq_loss", "nan"))
        tail = f" &nbsp;(loss {fmt_num(loss, 4)})" if math.isfinite(loss) else ""
        lines.append(f"Least squares (exact): &nbsp;{_html_eq(*lstsq)}{tail}")
    return "<br>".join(lines)


# --- the figure --------------------------------------------------------------------------------------
_FAMILY: str | None = None


def font_family() -> str:
    """matplotlib's default face when installed, else a common sans-serif, else the application's font."""
    global _FAMILY
    if _FAMILY is None:
        have = set(QFontDatabase.families())
        _FAMILY = next((f for f in ("DejaVu Sans", "Helvetica", "Arial", "Liberation Sans", "Noto Sans") if f in have),
                       QGuiApplication.font().family())
    return _FAMILY


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont(font_family())
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    return f


class _Sample(pg.GraphicsWidget):
    """A legend sample sized in device pixels (pyqtgraph's ItemSample is a fixed 20 px)."""

    sigClicked = Signal(object)

    def __init__(self, item, width: float, height: float):
        super().__init__()
        self.item = item
        self._size = (width, height)
        self.setFixedWidth(width)
        self.setFixedHeight(height)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(self, p, *args) -> None:
        w, h = self._size
        p.setRenderHint(QPainter.Antialiasing)
        o = self.item.opts
        if isinstance(self.item, pg.ScatterPlotItem):
            p.translate(w / 2, h / 2)
            drawSymbol(p, o["symbol"], o["size"], pg.mkPen(o["pen"]), pg.mkBrush(o["brush"]))
        else:
            p.setPen(pg.mkPen(o["pen"]))
            p.drawLine(QPointF(0, h / 2), QPointF(w, h / 2))


class _Axis(pg.AxisItem):
    """An axis whose label sits a fixed gap (in device pixels) beyond its tick labels: pyqtgraph's own placement
    uses a few screen pixels of nudge, which vanish at 600 DPI and let the label overlap the tick labels."""

    def __init__(self, orientation: str, gap: float):
        self._gap = gap
        super().__init__(orientation)
        self.label.document().setDocumentMargin(0)

    def _extent(self) -> float:
        if not self.isVisible():
            return 0
        e = 0.0
        if self.style["showValues"]:
            vertical = self.orientation in ("left", "right")
            e += (self.textWidth if vertical else self.textHeight) + self.style["tickTextOffset"][0 if vertical else 1]
        e += max(0, self.style["tickLength"])
        if self.label.isVisible():
            e += self.label.boundingRect().height() + self._gap
        return e

    def _updateWidth(self) -> None:
        w = self._extent()
        self.setMaximumWidth(w)
        self.setMinimumWidth(w)
        self.picture = None

    def _updateHeight(self) -> None:
        h = self._extent()
        self.setMaximumHeight(h)
        self.setMinimumHeight(h)
        self.picture = None

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        """Labelled ticks on whole decades (every 2nd, 5th... when there are many), minor ticks at 2..9 × 10^k."""
        lo, hi = math.ceil(minVal - 1e-9), math.floor(maxVal + 1e-9)
        room = max(2, int(size / (3.0 * max(self.textHeight, 1))))
        step = next((k for k in (1, 2, 3, 5, 10, 20, 50, 100) if (hi - lo) / k < room), 200)
        majors = [float(v) for v in range(lo, hi + 1) if v % step == 0]
        if step == 1:
            minors = [v + math.log10(k) for v in range(math.floor(minVal), math.ceil(maxVal)) for k in range(2, 10)]
        else:
            minors = [float(v) for v in range(lo, hi + 1) if v % step]
        return [(float(step), majors), (None, [v for v in minors if minVal < v < maxVal])]

    def logTickStrings(self, values, scale, spacing):
        sup = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
        return [f"10{str(round(v)).translate(sup)}" for v in values]

    def resizeEvent(self, ev=None) -> None:
        if self.label is None:
            return
        br = self.label.boundingRect()
        if self.orientation == "left":
            self.label.setPos(QPointF(0, round(self.size().height() / 2 + br.width() / 2)))
        elif self.orientation == "bottom":
            self.label.setPos(QPointF(round(self.size().width() / 2 - br.width() / 2),
                                      self.size().height() - br.height()))
        self.picture = None


class Figure:
    """A never-shown pyqtgraph figure laid out in device pixels: title, plot(s), caption."""

    def __init__(self, options: ExportOptions, data: Dataset, line=None, lstsq=None, loss_rows=None,
                 metadata: dict | None = None):
        self.options = options = options.validated()
        self.size = W, H = options.pixel_size()
        self.metadata = dict(metadata or {})
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
            self._text(options.title.strip().replace("&", "&amp;").replace("<", "&lt;"), 0, ncol, 12, True,
                       TEXT_COLOR)
        self.plots: dict[str, pg.PlotItem] = {}
        for col, kind in enumerate(panels):
            plot = self._plot(layout, col)
            if kind == "fit":
                self._fill_fit(plot, data, line, lstsq)
            else:
                self._fill_loss(plot, loss_rows)
            self.plots[kind] = plot
        if options.caption and (line is not None or lstsq is not None):
            self._text(caption_html(line, lstsq, self.metadata), 2, ncol, 8.5, False, "#333333")
        self._settle()

    # --- building ------------------------------------------------------------------------
    def _text(self, html: str, row: int, ncol: int, points: float, bold: bool, color: str) -> pg.LabelItem:
        """A centred block of text across the figure that wraps rather than widening the figure."""
        label = self.view.ci.addLabel(html, row=row, col=0, colspan=ncol, size=f"{round(points * self.s)}px",
                                      bold=bold, color=color, family=font_family())
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
            ax.setStyle(tickFont=_font(9 * s), tickLength=round(3.5 * s), tickTextOffset=round(3.5 * s),
                        maxTickLevel=0, maxTextLevel=0, autoReduceTextSpace=True)
            ax.setTickDensity(math.sqrt(96.0 / self.options.dpi))  # as many ticks per inch as on a screen
        return plot

    def _label(self, plot: pg.PlotItem, x: str, y: str) -> None:
        style = {"font-size": f"{round(10 * self.s)}px", "font-family": font_family(), "color": TEXT_COLOR}
        plot.setLabel("bottom", x, **style)
        plot.setLabel("left", y, **style)

    def _legend(self, plot: pg.PlotItem, entries, corner: str = "left") -> None:
        s = self.s
        off = round(6 * s)
        legend = pg.LegendItem(offset=(off if corner == "left" else -off, off), pen=pg.mkPen(200, 200, 200,
                               width=0.6 * s), brush=pg.mkBrush(255, 255, 255, 230), labelTextColor=TEXT_COLOR,
                               labelTextSize=f"{round(8.5 * s)}px", horSpacing=round(4 * s),
                               verSpacing=0, sampleType=_Sample)
        legend.setParentItem(plot.vb)
        legend.layout.setContentsMargins(*[round(4 * s)] * 4)
        for item, name in entries:
            legend.addItem(_Sample(item, round(22 * s), round(10 * s)), name)
        for _sample, label in legend.items:
            label.item.document().setDocumentMargin(round(1 * s))
            label.setText(label.text, family=font_family())
        legend.updateSize()

    def _fill_fit(self, plot: pg.PlotItem, data: Dataset, line, lstsq) -> None:
        s = self.s
        self._label(plot, X_LABEL, Y_LABEL)
        x0, x1, y0, y1 = data_bounds(data)
        plot.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        entries = []
        if line is not None and (seg := clip_line(*line, x0, x1, y0, y1)) is not None:
            fit = pg.PlotCurveItem(*seg, pen=pg.mkPen(FIT_COLOR, width=1.6 * s), antialias=True)
            plot.addItem(fit)
            entries.append((fit, "gradient descent fit"))
        if lstsq is not None and (seg := clip_line(*lstsq, x0, x1, y0, y1)) is not None:
            # drawn over the fit, thinner, so it shows where the two agree
            pen = pg.mkPen(LSTSQ_INK, width=0.75 * s)
            pen.setDashPattern([5, 5])
            ls = pg.PlotCurveItem(*seg, pen=pen, antialias=True)
            plot.addItem(ls)
            entries.append((ls, "least squares (exact)"))
        inc = data.include
        points = pg.ScatterPlotItem(data.t_u[inc], data.t_c[inc], symbol="o", size=6.5 * s, antialias=True,
                                    pen=pg.mkPen(DATA_COLOR, width=0.8 * s), brush=pg.mkBrush(*DATA_COLOR, 210))
        plot.addItem(points)
        entries.insert(0, (points, "readings"))
        if not inc.all():
            excluded = pg.ScatterPlotItem(data.t_u[~inc], data.t_c[~inc], symbol="o", size=6.5 * s,
                                          antialias=True, pen=pg.mkPen(150, 150, 150, width=0.8 * s), brush=None)
            plot.addItem(excluded)
            entries.insert(1, (excluded, "excluded readings"))
        self._legend(plot, entries)

    def _fill_loss(self, plot: pg.PlotItem, rows) -> None:
        s = self.s
        self._label(plot, "Epoch", "Loss (mean squared error)")
        plot.setLogMode(y=True)
        plot.getAxis("left").setStyle(maxTickLevel=1)  # minor ticks at 2..9 × 10^k, unlabelled
        rows = np.empty((0, 3)) if rows is None else np.asarray(rows, float)
        if len(rows) > MAX_LOSS_ROWS:
            idx = np.unique(np.append(np.linspace(0, len(rows) - 1, MAX_LOSS_ROWS).astype(int), len(rows) - 1))
            rows = rows[idx]
        entries = []
        finite_all = np.empty(0)
        for col, color, name in ((LOSS, FIT_COLOR, "training loss"), (VAL_LOSS, VAL_COLOR, "validation loss")):
            if len(rows) == 0:
                break
            with np.errstate(all="ignore"):
                y = np.where(np.isfinite(rows[:, col]) & (rows[:, col] > 0), rows[:, col], np.nan)
            if not np.isfinite(y).any():
                continue
            finite_all = np.append(finite_all, y[np.isfinite(y)])
            curve = pg.PlotDataItem(rows[:, EPOCH], y, pen=pg.mkPen(color, width=1.6 * s), connect="finite",
                                    antialias=True)
            plot.addItem(curve)
            entries.append((curve, name))
        if finite_all.size:
            lo = math.floor(math.log10(max(float(finite_all.min()), 1e-300)))
            hi = math.ceil(math.log10(float(finite_all.max())) + 1e-12)
            plot.vb.setRange(xRange=(0, max(float(rows[-1, EPOCH]), 1.0)), yRange=(lo, max(hi, lo + 1)),
                             padding=0.02)
            first, last = (float(v) for v in rows[np.isfinite(rows[:, LOSS]), LOSS][[0, -1]])
            self._legend(plot, entries, corner="right" if last <= first else "left")  # the empty corner
        else:
            plot.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            note = pg.TextItem("no training run yet", color=(120, 120, 120), anchor=(0.5, 0.5))
            note.setFont(_font(10 * s))
            note.setPos(0.5, 0.5)
            plot.addItem(note)

    def _settle(self) -> None:
        """pyqtgraph sizes its axes to their tick labels while painting: paint into a throwaway QPicture and
        re-run the layout until nothing moves."""
        before = None
        for _ in range(5):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.view.ci.layout.activate()
            for plot in self.plots.values():
                plot.layout.activate()
            pic = QPicture()
            p = QPainter(pic)
            self.render(p)
            p.end()
            now = [tuple(it.geometry().getRect()) for plot in self.plots.values()
                   for it in (plot, plot.vb, *(plot.getAxis(a) for a in ("left", "bottom")))]
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
            it.setExportMode(True, {"antialias": True, "background": QColor("white"), "painter": painter,
                                    "resolutionScale": 1.0})
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
            raise ValueError(f"not enough memory for a {W} × {H} pixel image")
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
            if not key.startswith("_"):
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
        gen.setDescription("; ".join(f"{k}: {v}" for k, v in self.metadata.items() if not k.startswith("_")))
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


_SVG_NS = "http://www.w3.org/2000/svg"
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def scaling_strokes(svg: bytes, width_in: float, height_in: float) -> bytes:
    """Make Qt's SVG scale as one picture.

    Qt writes pyqtgraph's cosmetic pens as `vector-effect="non-scaling-stroke"` inside groups that carry the data
    transform, so a viewer showing the picture at any size but 1:1 draws wrong line widths.  Here the data transform
    is applied to the coordinates of each such group, and the strokes become ordinary ones in picture units.
    The width and height are given in inches.
    """
    import xml.etree.ElementTree as ET

    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    root.set("width", f"{width_in:.4g}in")
    root.set("height", f"{height_in:.4g}in")
    for g in root.iter(f"{{{_SVG_NS}}}g"):
        shapes = [ch for ch in g if ch.get("vector-effect") == "non-scaling-stroke"]
        if not shapes:
            continue
        m = _MATRIX.fullmatch(g.get("transform", "").strip())
        a, b, c, d, e, f = (float(v) for v in m.group(1).split(",")) if m else (1, 0, 0, 1, 0, 0)
        linear = (a, b, c, d) != (1, 0, 0, 1)
        if linear and any(ch.tag.rsplit("}", 1)[-1] not in ("path", "polyline", "polygon") for ch in g):
            continue  # text under a scaling transform: leave the group as Qt wrote it

        def tx(x: float, y: float) -> str:
            return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"

        for ch in shapes:
            ch.attrib.pop("vector-effect")
            if not linear:
                continue
            if ch.tag.endswith("}path"):
                out, nums = [], []
                for tok in _PATH_TOKEN.findall(ch.get("d", "")):
                    if tok.isalpha():
                        out.append(tok)
                    else:
                        nums.append(float(tok))
                        if len(nums) == 2:
                            out.append(tx(*nums))
                            nums = []
                ch.set("d", " ".join(out))
            else:
                vals = [float(v) for v in _PATH_TOKEN.findall(ch.get("points", ""))]
                ch.set("points", " ".join(tx(x, y) for x, y in zip(vals[::2], vals[1::2])))
        if linear:
            g.attrib.pop("transform")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(root, encoding="utf-8",
                                                                                    xml_declaration=False)


def render_figure(options: ExportOptions, data: Dataset, line=None, lstsq=None, loss_rows=None,
                  metadata: dict | None = None) -> QImage:
    """The picture as a QImage carrying its DPI and the run's text chunks."""
    fig = Figure(options, data, line, lstsq, loss_rows, metadata)
    try:
        return fig.image()
    finally:
        fig.close()


def render_svg(options: ExportOptions, data: Dataset, line=None, lstsq=None, loss_rows=None,
               metadata: dict | None = None) -> bytes:
    fig = Figure(options, data, line, lstsq, loss_rows, metadata)
    try:
        return fig.svg()
    finally:
        fig.close()


def png_bytes(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.WriteOnly)
    if not image.save(buf, "PNG"):
        raise ValueError("Qt could not encode the PNG")
    return bytes(buf.data())


def write_bytes(path, payload: bytes) -> None:
    """Atomic write; an OSError names the reason plainly and the old file (if any) is untouched."""
    target = Path(path)
    try:
        atomic_write_bytes(target, payload)
    except OSError as e:
        parent = target.parent if str(target.parent) else Path(".")
        if e.errno == errno.ENOENT and not parent.exists():
            why = f"the folder {parent} does not exist"
        elif e.errno == errno.ENOTDIR or (parent.exists() and not parent.is_dir()):
            why = f"{_first_file(parent)} is a file, not a folder"
        elif e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why = f"no permission to write in {parent}"
        elif e.errno in (errno.ENOSPC, errno.EDQUOT):
            why = f"the disk is full ({parent})"
        elif e.errno == errno.EISDIR or target.is_dir():
            why = f"{target} is a folder"
        else:
            why = e.strerror or str(e)
        raise ExportError(e.errno or errno.EIO, why, str(target)) from e


def _first_file(path: Path) -> Path:
    """The part of `path` that exists as a file (the reason a folder cannot be created under it)."""
    for p in [path, *path.parents]:
        if p.exists():
            return p
    return path


def write_figure(options: ExportOptions, path, data: Dataset, line=None, lstsq=None, loss_rows=None,
                 metadata: dict | None = None) -> None:
    """Render and write `path` (.png or .svg as options.format says)."""
    if options.format == "svg":
        payload = render_svg(options, data, line, lstsq, loss_rows, metadata)
    else:
        payload = png_bytes(render_figure(options, data, line, lstsq, loss_rows, metadata))
    write_bytes(path, payload)


def format_for_path(path) -> str:
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in (".png", ".svg"):
        raise ValueError("use .png or .svg")
    return ext[1:]


def copy_to_clipboard(image: QImage) -> None:
    QGuiApplication.clipboard().setImage(image)


# --- from the window -------------------------------------------------------------------------
def window_inputs(window) -> dict:
    """What a MainWindow shows, as keyword arguments for render_figure / write_figure."""
    from ..core.analysis import least_squares, metrics

    data = window.model.dataset
    line = tuple(window.fit_plot.line())
    t_u, t_c = data.active()
    lstsq = None
    if len(t_u) >= 2 and t_u.min() != t_u.max():
        ls = least_squares(t_u, t_c)
        lstsq = (ls.w, ls.b)
    rows = np.array(window.history.snapshot())
    outcome = window.last_outcome
    # the settings of the run that drew the line, not whatever the controls say since
    config = getattr(window, "_run_config", None) if outcome is not None else None
    config = config or window.controls.config()
    if outcome is not None:
        epochs, stop = outcome.epochs_run, outcome.stop_reason.value
        loss = outcome.final_loss if math.isfinite(outcome.final_loss) else outcome.loss
    elif len(rows):
        epochs, stop, loss = int(rows[-1, EPOCH]), "running", float(rows[-1, LOSS])
    else:
        epochs, stop = 0, None
        loss = metrics(t_u, t_c, *line).rmse ** 2 if len(t_u) else math.nan
    if not all(math.isfinite(v) for v in line):
        line = line if outcome is not None else None
    return {"data": data, "line": line, "lstsq": lstsq, "loss_rows": rows if len(rows) else None,
            "metadata": run_metadata(config, line, lstsq, epochs, loss, stop)}


def export_from_window(window, options: ExportOptions, path) -> None:
    """Write the window's plot to `path` (PNG or SVG per options.format); OSError/ValueError on failure."""
    inputs = window_inputs(window)
    inputs["metadata"]["Title"] = options.title or inputs["metadata"]["Title"]
    write_figure(options, path, **inputs)


def window_image(window, options: ExportOptions) -> QImage:
    inputs = window_inputs(window)
    return render_figure(replace(options, format="png"), **inputs)


# --- the dialog ------------------------------------------------------------------------------
WHAT_LABELS = (("fit", "Fit plot"), ("loss", "Loss plot"), ("both", "Fit and loss side by side"))
FORMAT_LABELS = (("png", "PNG image"), ("svg", "SVG vector image"))
UNIT_LABELS = (("in", "inches"), ("px", "pixels"))
FILE_FILTERS = {"png": "PNG image (*.png)", "svg": "SVG vector image (*.svg)"}
DEFAULT_NAME = "thermometer-fit"


def _settings() -> QSettings:
    return QSettings()


def _combo(name: str, items, tip: str) -> QComboBox:
    c = QComboBox(objectName=name)
    for key, label in items:
        c.addItem(label, key)
    c.setToolTip(tip)
    return c


class ExportDialog(QDialog):
    """File ▸ Export plot…: what to draw, format, resolution, size, title, caption and where to save it."""

    exported = Signal(str)  # the path written

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export plot")
        self.setMinimumWidth(520)
        self.main_window = window
        d = ExportOptions()
        self.what = _combo("exportWhatInput", WHAT_LABELS, "Which plot goes into the picture.")
        self.format = _combo("exportFormatInput", FORMAT_LABELS,
                             "PNG: pixels at the chosen resolution. SVG: lines and text that scale to any size.")
        self.dpi = QSpinBox(objectName="exportDpiInput", minimum=MIN_DPI, maximum=MAX_DPI, value=d.dpi,
                            suffix=" dpi", singleStep=50, keyboardTracking=False)
        self.dpi.setToolTip("Dots per inch: 600 is print quality (the book saves its plot at 600); 96–150 for "
                            "screens. Text and lines keep their size in points.")
        self.width_input = QDoubleSpinBox(objectName="exportWidthInput", keyboardTracking=False)
        self.height_input = QDoubleSpinBox(objectName="exportHeightInput", keyboardTracking=False)
        self.unit = _combo("exportUnitInput", UNIT_LABELS, "Give the size in inches (printed size) or pixels.")
        self._set_unit_ranges("in")
        self.width_input.setValue(d.width)
        self.height_input.setValue(d.height)
        self.title_input = QLineEdit(d.title, objectName="exportTitleInput", placeholderText="no title")
        self.caption_input = QCheckBox("Show the fitted equation under the plot", objectName="exportCaptionInput",
                                       checked=d.caption)
        self.path_input = QLineEdit(objectName="exportPathInput")
        self.path_input.setText(str(self._start_dir() / f"{DEFAULT_NAME}.png"))
        browse = QPushButton("Browse…", objectName="exportBrowseButton")
        self.size_label = QLabel(objectName="exportSizeLabel")
        self.size_label.setStyleSheet("color: #555;")
        self.status = QLabel(objectName="exportStatusLabel", wordWrap=True)
        self.export_button = QPushButton("Export", objectName="exportButton", default=True)
        self.copy_button = QPushButton("Copy to clipboard", objectName="copyButton")
        close = QPushButton("Close", objectName="exportCloseButton")

        size = QHBoxLayout()
        size.addWidget(self.width_input, 1)
        size.addWidget(QLabel("×"))
        size.addWidget(self.height_input, 1)
        size.addWidget(self.unit)
        where = QHBoxLayout()
        where.addWidget(self.path_input, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("Plot", self.what)
        form.addRow("Format", self.format)
        form.addRow("Resolution", self.dpi)
        form.addRow("Size", size)
        form.addRow("", self.size_label)
        form.addRow("Title", self.title_input)
        form.addRow("Caption", self.caption_input)
        form.addRow("Save as", where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.status)
        box.addLayout(buttons)

        self.what.currentIndexChanged.connect(self._on_what_changed)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        for w in (self.dpi, self.width_input, self.height_input):
            w.valueChanged.connect(self._show_size)
        browse.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.export)
        self.copy_button.clicked.connect(self.copy)
        close.clicked.connect(self.reject)
        self._unit_now = "in"
        self._show_size()

    # --- widgets -> options ------------------------------------------------------------------
    def options(self) -> ExportOptions:
        return ExportOptions(what=self.what.currentData(), format=self.format.currentData(), dpi=self.dpi.value(),
                             width=self.width_input.value(), height=self.height_input.value(),
                             unit=self.unit.currentData(), title=self.title_input.text(),
                             caption=self.caption_input.isChecked())

    def _set_unit_ranges(self, unit: str) -> None:
        for box in (self.width_input, self.height_input):
            if unit == "px":
                box.setDecimals(0)
                box.setRange(64, MAX_SIDE_PX)
                box.setSingleStep(100)
                box.setSuffix(" px")
            else:
                box.setDecimals(2)
                box.setRange(0.5, 60.0)
                box.setSingleStep(0.1)
                box.setSuffix(" in")

    @Slot()
    def _show_size(self, *_) -> None:
        o = self.options()
        w, h = o.pixel_size()
        text = f"{w:,} × {h:,} pixels" if o.unit == "in" else f"{w / o.dpi:.2f} × {h / o.dpi:.2f} in at {o.dpi} dpi"
        try:
            o.validated()
        except ValueError as e:
            text = f"⚠ {e}"
        self.size_label.setText(text)

    @Slot(int)
    def _on_unit_changed(self, _index: int) -> None:
        new, old = self.unit.currentData(), self._unit_now
        if new == old:
            return
        dpi = self.dpi.value()
        factor = dpi if new == "px" else 1.0 / dpi
        values = [box.value() * factor for box in (self.width_input, self.height_input)]
        self._set_unit_ranges(new)
        for box, v in zip((self.width_input, self.height_input), values):
            box.setValue(v)
        self._unit_now = new
        self._show_size()

    @Slot(int)
    def _on_what_changed(self, _index: int) -> None:
        """Side by side needs twice the width: adjust the default size (and only the default)."""
        if self.unit.currentData() == "in":
            both = self.what.currentData() == "both"
            if both and self.width_input.value() == 6.4:
                self.width_input.setValue(12.8)
            elif not both and self.width_input.value() == 12.8:
                self.width_input.setValue(6.4)

    @Slot(int)
    def _on_format_changed(self, _index: int) -> None:
        text = self.path_input.text().strip()
        root, ext = os.path.splitext(text)
        if ext.lower() in (".png", ".svg"):
            self.path_input.setText(f"{root}.{self.format.currentData()}")

    # --- files -----------------------------------------------------------------------------
    def _start_dir(self) -> Path:
        last = _settings().value("export/last_dir", "", type=str)
        if last and Path(last).is_dir():
            return Path(last)
        pictures = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation)
        return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()

    @Slot()
    def browse(self) -> str:
        fmt = self.format.currentData()
        current = self.path_input.text().strip() or str(self._start_dir() / f"{DEFAULT_NAME}.{fmt}")
        path, chosen = QFileDialog.getSaveFileName(self, "Export plot", current, ";;".join(FILE_FILTERS.values()),
                                                   FILE_FILTERS[fmt], QFileDialog.DontConfirmOverwrite)
        if path:
            if not os.path.splitext(path)[1]:
                path += ".svg" if chosen == FILE_FILTERS["svg"] else ".png"
            self.path_input.setText(path)
            self._sync_format(path)
        return path

    def _sync_format(self, path: str) -> None:
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        if ext in FORMATS and ext != self.format.currentData():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(ext))
            self.format.blockSignals(False)

    def _target(self) -> Path | None:
        text = self.path_input.text().strip() or self.browse()
        if not text:
            return None
        path = Path(os.path.expanduser(text))
        if path.suffix.lower() in (".png", ".svg"):
            self._sync_format(str(path))
        else:
            path = path.with_name(path.name + f".{self.format.currentData()}")
        self.path_input.setText(str(path))
        return path

    @Slot()
    def export(self) -> bool:
        """Write the file; False when cancelled or it failed (then an error box says why)."""
        path = self._target()
        if path is None:
            return False
        if path.is_file():
            answer = QMessageBox.question(self, "Replace file?", f"“{path.name}” already exists in {path.parent}."
                                          "\nDo you want to replace it?", QMessageBox.Yes | QMessageBox.No,
                                          QMessageBox.No)
            if answer != QMessageBox.Yes:
                self.status.setText("Not exported: the existing file was kept.")
                return False
        options = self.options()
        try:
            export_from_window(self.main_window, options, path)
        except (OSError, ValueError) as e:
            self._show_error(path, e)
            return False
        _settings().setValue("export/last_dir", str(path.parent.resolve()))
        w, h = options.pixel_size()
        detail = f"{w:,} × {h:,} px at {options.dpi} dpi" if options.format == "png" else "SVG"
        message = f"Exported the plot to {path} ({detail})."
        self.status.setStyleSheet("")
        self.status.setText(message)
        status_bar = getattr(self.main_window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(message, 8000)
        self.exported.emit(str(path))
        self.accept()
        return True

    def _show_error(self, path: Path, error: Exception) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(f"Could not export: {error}")
        old = self.findChild(QMessageBox, "exportErrorDialog")
        if old is not None:  # one error box at a time
            old.setObjectName("")
            old.close()
            old.deleteLater()
        box = QMessageBox(QMessageBox.Critical, "Export failed", f"The plot could not be saved to {path}.",
                          QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        reason = str(error).rstrip(".") + "."
        if isinstance(error, OSError):
            reason += "\nAny existing file was left as it was."
        box.setInformativeText(reason)
        box.setObjectName("exportErrorDialog")
        box.open()

    @Slot()
    def copy(self) -> None:
        options = replace(self.options(), format="png")
        try:
            image = window_image(self.main_window, options)
        except ValueError as e:
            self._show_error(Path("the clipboard"), e)
            return
        copy_to_clipboard(image)
        self.status.setStyleSheet("")
        self.status.setText(f"Copied the plot ({image.width():,} × {image.height():,} px) to the clipboard.")


def open_export_dialog(window) -> ExportDialog:
    """File ▸ Export plot…: show the export dialog for `window` (one per window, remembers its settings)."""
    dlg = getattr(window, "_export_dialog", None)
    if dlg is None:
        dlg = ExportDialog(window)
        window._export_dialog = dlg
    dlg.status.clear()
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    return dlg


def copy_window_plot(window, options: ExportOptions | None = None) -> QImage:
    """Edit ▸ Copy plot: the fit plot at screen-friendly 150 dpi to the clipboard."""
    image = window_image(window, options or ExportOptions(dpi=150))
    copy_to_clipboard(image)
    return image
