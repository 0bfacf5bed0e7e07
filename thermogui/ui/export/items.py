"""The exported figure's building blocks, sized in device pixels: its fonts, legend samples and axes.

The text is drawn in one font family that has every character it needs (`text_family`): matplotlib's DejaVu Sans for
English, a font with Hangul for Korean.  `_Sample` and `_Axis` replace pyqtgraph's legend sample and axis, whose
sizes and gaps are in screen pixels and vanish at 600 DPI.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPainter, QRawFont

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
