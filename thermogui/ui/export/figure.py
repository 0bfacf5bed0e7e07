"""The exported figure: PNG at a chosen DPI (with pHYs and the run as text chunks), SVG, and the clipboard.

The picture is rendered from a fresh, never-shown pyqtgraph figure laid out in the target's device pixels: fonts are
sized in points times dpi/72 and pens likewise, so a 600-DPI PNG has crisp lines and readable text instead of a screen
grab scaled up.  The same figure feeds the GUI dialog and `thermogui fit --plot` (thermogui.plot_export).

Its words (axis titles, legend, caption) are in the UI language (context "Figure"; the command line installs no
translation: English), or in the book's English when `ExportOptions.book_labels` asks for them.  The text is drawn in
one font family that has every character it needs (`text_family`): matplotlib's DejaVu Sans for English, a font with
Hangul for Korean — named in the SVG too, so a viewer draws Hangul, not boxes.  The PNG's text chunks (the run's
record) stay English.
"""

from __future__ import annotations

import errno
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
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
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPicture,
    QRawFont,
    QTextOption,
)
from PySide6.QtSvg import QSvgGenerator

from thermogui import __version__
from thermogui.core.atomic import atomic_write_bytes
from thermogui.core.dataset import Dataset
from thermogui.core.history import EPOCH, LOSS, VAL_LOSS
from thermogui.core.models import get_model, is_linear
from thermogui.core.numbers import equation, fmt_exact, fmt_lr, fmt_num
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg
from thermogui.ui.plots.live import DATA_COLOR, FIT_COLOR, VAL_COLOR, clip_line, data_bounds
from thermogui.ui.plots.live import _sampled as sampled  # the window's rule: at most MAX_SCATTER_POINTS readings

WHATS = ("fit", "loss", "both")
FORMATS = ("png", "svg")
UNITS = ("in", "px")
MIN_DPI, MAX_DPI = 36, 2400
MIN_SIDE_PX = 64
MAX_SIDE_PX = 20000  # PNG only: an SVG has no pixels (its "pixels" are viewBox units)
MAX_PIXELS = 120_000_000  # PNG only: about 460 MB of RGB32; beyond that the render could exhaust memory
MAX_SVG_SIDE = 150_000  # viewBox units: 60 in at 2400 dpi, the largest size the dialog offers
MAX_LOSS_ROWS = 4000
TEXT_COLOR = "#222222"
LSTSQ_INK = (60, 60, 60)  # the exact line: thin, dark and dashed so it reads on top of the red fit

# PNG text-chunk keywords (Latin-1, at most 79 characters)
KEY_LR, KEY_EPOCHS, KEY_EPOCHS_RUN, KEY_NORM = "learning_rate", "epochs", "epochs_run", "normalization"
KEY_W, KEY_B, KEY_LOSS = "w", "b", "loss"  # the line's parameters; any model's are named by its parameters
KEY_MODEL = "model"  # written for models other than the line

# The picture's words, in the book's English; drawn in the UI language unless ExportOptions.book_labels.
X_LABEL = QT_TRANSLATE_NOOP("Figure", "Temperature (°Fahrenheit)")  # the book's axis titles
Y_LABEL = QT_TRANSLATE_NOOP("Figure", "Temperature (°Celsius)")
DEFAULT_TITLE = QT_TRANSLATE_NOOP("Figure", "Thermometer calibration")
MODEL_LABELS = {  # the models' names in the legend ("gradient descent fit (quadratic)")
    "straight line": QT_TRANSLATE_NOOP("Figure", "straight line"),
    "quadratic": QT_TRANSLATE_NOOP("Figure", "quadratic"),
    "network": QT_TRANSLATE_NOOP("Figure", "network"),
}


def _english(text) -> str:
    return str(text)


def _in_ui_language(text) -> str:
    """A word of the picture (marked QT_TRANSLATE_NOOP("Figure", …)) or a core.tr.Text, in the UI language."""
    from thermogui.ui.i18n import tr_text, translate

    return tr_text(text) if isinstance(text, Text) else translate("Figure", text)


def labeller(book_labels: bool):
    """How the picture words its labels: the book's English, or the UI language."""
    return _english if book_labels else _in_ui_language


@dataclass(frozen=True)
class ExportOptions:
    what: str = "fit"  # fit | loss | both (side by side)
    format: str = "png"  # png | svg
    dpi: int = 600
    width: float = 6.4  # matplotlib's default figure size
    height: float = 4.8
    unit: str = "in"  # in | px
    title: str = DEFAULT_TITLE
    caption: bool = True  # the fitted equation under the plot
    book_labels: bool = False  # axis titles, legend and caption in the book's English (else the UI language)

    def pixel_size(self) -> tuple[int, int]:
        if self.unit == "px":
            return max(1, round(self.width)), max(1, round(self.height))
        return max(1, round(self.width * self.dpi)), max(1, round(self.height * self.dpi))

    def validated(self) -> ExportOptions:
        """These options, or ValueError with the reason (a core.tr.Text: the dialog shows it in the UI language)."""
        if self.what not in WHATS:
            raise ValueError(f"'what' must be one of {', '.join(WHATS)} (got {self.what!r})")
        if self.format not in FORMATS:
            raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "use .png or .svg"), "Figure"))
        if self.unit not in UNITS:
            raise ValueError(f"the size unit must be 'in' or 'px' (got {self.unit!r})")
        if not (isinstance(self.dpi, (int, float)) and MIN_DPI <= self.dpi <= MAX_DPI):
            raise ValueError(
                msg(
                    QT_TRANSLATE_NOOP("Figure", "the resolution must be from {lo} to {hi} dpi (got {dpi})"),
                    "Figure",
                    lo=MIN_DPI,
                    hi=MAX_DPI,
                    dpi=self.dpi,
                )
            )
        if not (math.isfinite(self.width) and math.isfinite(self.height) and self.width > 0 and self.height > 0):
            raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "the width and height must be positive"), "Figure"))
        if not self.size_ok():
            w, h = self.pixel_size()
            if self.format == "svg":
                raise ValueError(
                    msg(
                        QT_TRANSLATE_NOOP(
                            "Figure",
                            "{w} × {h} is not a usable SVG size: each side must be {lo} to {hi} units (pixels at "
                            "{dpi} dpi)",
                        ),
                        "Figure",
                        w=w,
                        h=h,
                        lo=MIN_SIDE_PX,
                        hi=f"{MAX_SVG_SIDE:,}",
                        dpi=f"{self.dpi:g}",
                    )
                )
            limits = msg(
                QT_TRANSLATE_NOOP(
                    "Figure", "each side must be {lo} to {hi} pixels and the whole at most {mp} megapixels"
                ),
                "Figure",
                lo=MIN_SIDE_PX,
                hi=f"{MAX_SIDE_PX:,}",
                mp=MAX_PIXELS // 1_000_000,
            )
            size = {"w": f"{w:,}", "h": f"{h:,}", "limits": limits}
            if self.unit == "in":
                lo, hi = dpi_range(self)
                if lo <= hi:  # name the resolutions that work at this size
                    if self.dpi > hi:
                        template = QT_TRANSLATE_NOOP(
                            "Figure",
                            "{w} × {h} pixels is not a usable PNG size ({limits}): at {width} × {height} in, choose "
                            "{lo} to {hi} dpi, or SVG for a higher resolution",
                        )
                    else:
                        template = QT_TRANSLATE_NOOP(
                            "Figure",
                            "{w} × {h} pixels is not a usable PNG size ({limits}): at {width} × {height} in, choose "
                            "{lo} to {hi} dpi",
                        )
                    raise ValueError(
                        msg(
                            template, "Figure", width=f"{self.width:g}", height=f"{self.height:g}", lo=lo, hi=hi, **size
                        )
                    )
            raise ValueError(
                msg(
                    QT_TRANSLATE_NOOP("Figure", "{w} × {h} pixels is not a usable PNG size: {limits}"), "Figure", **size
                )
            )
        return self

    def size_ok(self) -> bool:
        """Is the picture's size within the limits of its format (PNG: pixels and memory; SVG: sane units)?"""
        w, h = self.pixel_size()
        if min(w, h) < MIN_SIDE_PX:
            return False
        if self.format == "svg":
            return max(w, h) <= MAX_SVG_SIDE
        return max(w, h) <= MAX_SIDE_PX and w * h <= MAX_PIXELS

    @property
    def scale(self) -> float:
        """Device pixels per typographic point."""
        return self.dpi / 72.0


def dpi_range(options: ExportOptions) -> tuple[int, int]:
    """(lowest, highest) whole dpi at which `options` (its format and size) make a usable picture; lowest > highest
    when none does.  A size in pixels does not depend on the resolution, nor do an SVG's limits in practice."""
    from dataclasses import replace

    def ok(dpi: int) -> bool:
        return replace(options, dpi=dpi).size_ok()

    if options.unit == "px":
        return (MIN_DPI, MAX_DPI) if ok(MIN_DPI) else (MAX_DPI, MIN_DPI)
    w_in, h_in = max(options.width, options.height), min(options.width, options.height)
    lo = max(MIN_DPI, math.floor(MIN_SIDE_PX / h_in) - 1)
    while lo <= MAX_DPI and not ok(lo):
        lo += 1
    side = MAX_SVG_SIDE if options.format == "svg" else MAX_SIDE_PX
    top = side / w_in if options.format == "svg" else min(side / w_in, math.sqrt(MAX_PIXELS / (w_in * h_in)))
    hi = min(MAX_DPI, math.ceil(top) + 1)
    while hi >= lo and not ok(hi):
        hi -= 1
    return (lo, hi) if lo <= MAX_DPI and hi >= lo else (MAX_DPI, MIN_DPI)


def size_range(options: ExportOptions, side: str) -> tuple[float, float]:
    """(smallest, largest) width or height (`side`), in the options' unit, that keeps the picture usable at its
    resolution and other side: what the export dialog lets a person choose, so it never offers a refused size.
    Inches are given to 2 decimals, pixels whole."""
    other_px = options.pixel_size()[1 if side == "width" else 0]
    if options.format == "svg":
        top_px = MAX_SVG_SIDE
    else:
        top_px = min(MAX_SIDE_PX, MAX_PIXELS // max(other_px, 1))
    if options.unit == "px":
        return float(MIN_SIDE_PX), float(max(top_px, MIN_SIDE_PX))
    lo = math.ceil(MIN_SIDE_PX / options.dpi * 100) / 100
    hi = math.floor(top_px / options.dpi * 100) / 100
    return lo, max(hi, lo)


class ExportError(OSError):
    """A file that could not be written; str() is a reason a person understands."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


# --- what the picture says -----------------------------------------------------------------------
def _model(model):
    """A model object from a name, a model, a run's TrainConfig, or None (the line): core.models.as_model."""
    from thermogui.core.models import as_model

    return as_model(model)


def lstsq_model(model):
    """The model the least-squares reference is drawn with: the model itself when it is linear in its parameters;
    for a network (no exact least squares) the least-squares straight line, kept for comparison."""
    m = _model(model)
    return m if is_linear(m) else get_model("line")


def _equation(model, params) -> str:
    """The fitted model in raw units: the line as it always read (t_c = 0.5367 · t_u − 17.30), any other model by
    its own equation (t_c = 0.002830 · t_u² + …)."""
    m = _model(model)
    return equation(*params) if m.name == "line" else m.equation(params)


def run_metadata(
    config,
    line,
    lstsq,
    epochs_run: int,
    loss: float,
    stop_reason: str | None = None,
    lstsq_loss: float | None = None,
    title: str = "",
) -> dict[str, str]:
    """The PNG text chunks (and SVG description) that record the run behind a picture.

    `line` and `lstsq` are the parameters of config.model in raw units, in the model's order (the line: (w, b));
    each parameter gets a chunk of its name (w, b / w2, w1, b), its start value init_<name> (model units) and its
    least-squares value lstsq_<name>.  For a network `lstsq` is the least-squares straight line (lstsq_w, lstsq_b)
    and its hidden units and seed are recorded (the seed draws its starting weights)."""
    m = _model(config if hasattr(config, "model") else None)
    params = tuple(line) if line is not None else (math.nan,) * m.size
    start = config.start_params() if hasattr(config, "start_params") else (config.init_w, config.init_b)
    start_words = " (start line, not trained yet)" if m.name == "line" else " (start values, not trained yet)"
    meta = {
        "Title": title or "Thermometer calibration",
        "Software": f"ThermoGUI {__version__}",
        "Description": _equation(m, params)
        + (f" after {epochs_run:,} epochs of gradient descent" if epochs_run else start_words),
        KEY_LR: fmt_exact(config.lr),
        KEY_EPOCHS: str(config.epochs),
        KEY_EPOCHS_RUN: str(int(epochs_run)),
        KEY_NORM: config.normalize + (f" {config.scale!r}" if config.normalize == "scale" else ""),
    }
    if m.name != "line":
        meta[KEY_MODEL] = m.name
    if getattr(m, "hidden", 0):
        meta["hidden"] = str(m.hidden)
        if hasattr(config, "seed"):
            meta["seed"] = str(config.seed)
    meta["optimizer"] = config.optimizer + (f" momentum {config.momentum!r}" if config.momentum else "")
    meta["gradient"] = config.gradient if is_linear(m) else "autograd"  # (a network always trains by autograd)
    if len(start) == m.size:  # (a network starts from its seed's weights: no start values to name)
        for name, v in zip(m.params, start):
            meta[f"init_{name}"] = fmt_exact(v)
    for name, v in zip(m.params, params):
        meta[name] = fmt_exact(v)
    meta[KEY_LOSS] = fmt_exact(loss)
    if stop_reason:
        meta["stop_reason"] = str(stop_reason)
    if lstsq is not None:
        for name, v in zip(lstsq_model(m).params, lstsq):
            meta[f"lstsq_{name}"] = fmt_exact(v)
        if lstsq_loss is not None:
            meta["lstsq_loss"] = fmt_exact(lstsq_loss)
    return meta


def _html_eq(params, model=None, words=_english) -> str:
    text = _equation(model, params)
    if isinstance(text, Text):  # (a network's: "t_c = network(13 hidden units, 40 parameters)")
        text = words(text)
    return text.replace("t_c", "t<sub>c</sub>").replace("t_u", "t<sub>u</sub>")


def caption_html(line, lstsq, metadata: dict, model=None, words=_english) -> str:
    """The fitted equation (and the exact least-squares one) for under the plot; `line` and `lstsq` are the
    model's parameters in raw units.  `words` words it (`labeller`: English, or the UI language)."""
    m = _model(model)
    lines = []

    def loss_tail(loss: float) -> str:
        return words(QT_TRANSLATE_NOOP("Figure", " &nbsp;(loss {loss})")).format(loss=fmt_num(loss, 4))

    def eq(params, model) -> str:
        return _html_eq(params, model, words)

    if line is not None:
        epochs = int(metadata.get(KEY_EPOCHS_RUN, "0") or 0)
        loss = float(metadata.get(KEY_LOSS, "nan"))
        if epochs:
            if epochs == 1:
                what = words(QT_TRANSLATE_NOOP("Figure", "Gradient descent, {epochs} epoch"))
            else:
                what = words(QT_TRANSLATE_NOOP("Figure", "Gradient descent, {epochs} epochs"))
            what = what.format(epochs=f"{epochs:,}")
            if KEY_LR in metadata:
                what += words(QT_TRANSLATE_NOOP("Figure", " at learning rate {lr}")).format(
                    lr=fmt_lr(float(metadata[KEY_LR]))
                )
        elif m.name == "line":
            what = words(QT_TRANSLATE_NOOP("Figure", "Start line (not trained yet)"))
        else:
            what = words(QT_TRANSLATE_NOOP("Figure", "Start values (not trained yet)"))
        tail = loss_tail(loss) if math.isfinite(loss) else ""
        lines.append(f"{what}: &nbsp;{eq(line, m)}{tail}")
    if lstsq is not None:
        loss = float(metadata.get("lstsq_loss", "nan"))
        tail = loss_tail(loss) if math.isfinite(loss) else ""
        if is_linear(m):
            what = words(QT_TRANSLATE_NOOP("Figure", "Least squares (exact)"))
        else:
            what = words(QT_TRANSLATE_NOOP("Figure", "Least-squares line (exact)"))
        lines.append("{}: &nbsp;{}{}".format(what, eq(lstsq, lstsq_model(m)), tail))
    return "<br>".join(lines)


# --- the figure --------------------------------------------------------------------------------------
_FAMILY: str | None = None


def font_family() -> str:
    """matplotlib's default face when installed, else a common sans-serif, else the application's font."""
    global _FAMILY
    if _FAMILY is None:
        have = set(QFontDatabase.families())
        _FAMILY = next(
            (f for f in ("DejaVu Sans", "Helvetica", "Arial", "Liberation Sans", "Noto Sans") if f in have),
            QGuiApplication.font().family(),
        )
    return _FAMILY


def _covers(family: str, chars) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and all(raw.supportsCharacter(c) for c in chars)


def text_family(texts) -> str:
    """The font family the picture's text is drawn in: font_family() when it has every character of `texts`, else
    the first installed font with Hangul (ui.i18n.hangul_families) that has the characters it lacks — one family for
    every text, so a Korean picture is set in one face and its SVG names a family with Hangul."""
    base = font_family()
    chars = {ord(c) for text in texts for c in str(text) if ord(c) > 0x7F}
    missing = [c for c in chars if not _covers(base, [c])]
    if not missing:
        return base
    from thermogui.ui.i18n import hangul_families

    return next((f for f in hangul_families() if _covers(f, missing)), base)


def _font(px: float, bold: bool = False, family: str | None = None) -> QFont:
    f = QFont(family or font_family())
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
            self.label.setPos(
                QPointF(round(self.size().width() / 2 - br.width() / 2), self.size().height() - br.height())
            )
        self.picture = None


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


_SVG_NS = "http://www.w3.org/2000/svg"
_POINT_SHAPES = ("path", "polyline", "polygon")  # shapes whose coordinates can be transformed here
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
    for el in root.iter():  # name a generic family too, for viewers without the font
        family = el.get("font-family")
        if family:
            el.set("font-family", "sans-serif" if family == "Sans Serif" else f"{family}, sans-serif")
    for g in root.iter(f"{{{_SVG_NS}}}g"):
        shapes = [ch for ch in g if ch.get("vector-effect") == "non-scaling-stroke"]
        if not shapes:
            continue
        m = _MATRIX.fullmatch(g.get("transform", "").strip())
        a, b, c, d, e, f = (float(v) for v in m.group(1).split(",")) if m else (1, 0, 0, 1, 0, 0)
        linear = (a, b, c, d) != (1, 0, 0, 1)
        if linear and (len(shapes) != len(g) or any(ch.tag.rsplit("}", 1)[-1] not in _POINT_SHAPES for ch in g)):
            continue  # text or non-cosmetic strokes under a scaling transform: leave the group as Qt wrote it
        for ch in shapes:
            ch.attrib.pop("vector-effect")
            if linear:
                _transform_shape(ch, (a, b, c, d, e, f))
        if linear:
            g.attrib.pop("transform")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False
    )


def _transform_shape(el, m) -> None:
    """Apply the SVG matrix m = (a, b, c, d, e, f) to the coordinates of a <path>, <polyline> or <polygon>."""
    a, b, c, d, e, f = m

    def tx(x: float, y: float) -> str:
        return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"

    if el.tag.endswith("}path"):
        out, nums = [], []
        for tok in _PATH_TOKEN.findall(el.get("d", "")):
            if tok.isalpha():
                out.append(tok)
            else:
                nums.append(float(tok))
                if len(nums) == 2:
                    out.append(tx(*nums))
                    nums = []
        el.set("d", " ".join(out))
    else:
        vals = [float(v) for v in _PATH_TOKEN.findall(el.get("points", ""))]
        el.set("points", " ".join(tx(x, y) for x, y in zip(vals[::2], vals[1::2])))


def render_figure(
    options: ExportOptions,
    data: Dataset,
    line=None,
    lstsq=None,
    loss_rows=None,
    metadata: dict | None = None,
    model=None,
    val=None,
) -> QImage:
    """The picture as a QImage carrying its DPI and the run's text chunks (the arguments as for Figure)."""
    fig = Figure(options, data, line, lstsq, loss_rows, metadata, model, val)
    try:
        return fig.image()
    finally:
        fig.close()


def render_svg(
    options: ExportOptions,
    data: Dataset,
    line=None,
    lstsq=None,
    loss_rows=None,
    metadata: dict | None = None,
    model=None,
    val=None,
) -> bytes:
    fig = Figure(options, data, line, lstsq, loss_rows, metadata, model, val)
    try:
        return fig.svg()
    finally:
        fig.close()


def png_bytes(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.WriteOnly)
    if not image.save(buf, "PNG"):
        raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "Qt could not encode the PNG"), "Figure"))
    return bytes(buf.data())


def write_bytes(path, payload: bytes) -> None:
    """Atomic write; an OSError names the reason plainly and the old file (if any) is untouched."""
    target = Path(path)
    try:
        atomic_write_bytes(target, payload)
    except OSError as e:
        raise ExportError(e.errno or errno.EIO, _reason(target, e.errno, e.strerror or str(e)), str(target)) from e


def check_target(path) -> None:
    """Refuse, before anything is drawn (or a long run trained), a target whose folder is missing or is a file, or
    that is itself a folder: ExportError with the reason write_bytes would give.  A folder without write permission
    or a full disk show only when writing."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        if parent.is_dir() and not target.is_dir():
            return
        code = errno.EISDIR if target.is_dir() else errno.ENOENT if not parent.exists() else errno.ENOTDIR
    except OSError as e:  # a name too long, a loop of links...
        code = e.errno or errno.EINVAL
    raise ExportError(code, _reason(target, code, os.strerror(code)), str(target))


def _reason(target: Path, code: int | None, fallback: str) -> str:
    """Why `target` could not be written, in words (errno `code`; a core.tr.Text: the window says it in the UI
    language, the command line in English)."""
    parent = target.parent if str(target.parent) else Path(".")
    try:
        if code == errno.ENOENT and not parent.exists():
            return msg(QT_TRANSLATE_NOOP("Figure", "the folder {folder} does not exist"), "Figure", folder=parent)
        if code == errno.ENOTDIR or (parent.exists() and not parent.is_dir()):
            return msg(
                QT_TRANSLATE_NOOP("Figure", "{file} is a file, not a folder"), "Figure", file=_first_file(parent)
            )
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return msg(QT_TRANSLATE_NOOP("Figure", "no permission to write in {folder}"), "Figure", folder=parent)
        if code in (errno.ENOSPC, errno.EDQUOT):
            return msg(QT_TRANSLATE_NOOP("Figure", "the disk is full ({folder})"), "Figure", folder=parent)
        if code == errno.EISDIR or target.is_dir():
            return msg(QT_TRANSLATE_NOOP("Figure", "{path} is a folder"), "Figure", path=target)
    except OSError:  # the name itself is unusable (too long): the system's words
        pass
    return fallback


def _first_file(path: Path) -> Path:
    """The part of `path` that exists as a file (the reason a folder cannot be created under it)."""
    for p in [path, *path.parents]:
        if p.exists():
            return p
    return path


def write_figure(
    options: ExportOptions,
    path,
    data: Dataset,
    line=None,
    lstsq=None,
    loss_rows=None,
    metadata: dict | None = None,
    model=None,
    val=None,
) -> None:
    """Render and write `path` (.png or .svg as options.format says); the arguments as for Figure."""
    if options.format == "svg":
        payload = render_svg(options, data, line, lstsq, loss_rows, metadata, model, val)
    else:
        payload = png_bytes(render_figure(options, data, line, lstsq, loss_rows, metadata, model, val))
    write_bytes(path, payload)


def format_for_path(path) -> str:
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in (".png", ".svg"):
        raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "use .png or .svg"), "Figure"))
    return ext[1:]


def copy_to_clipboard(image: QImage) -> None:
    QGuiApplication.clipboard().setImage(image)
