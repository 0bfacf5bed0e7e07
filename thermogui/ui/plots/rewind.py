"""The loss plot's rewind: while a run with a history is not training, a click or a drag on the loss plot (or a drag
of its cursor) chooses an epoch to look back at.  LossRewind is a mixin of plots.live.LossPlot, ScrubViewBox the
view box that hands it those clicks and drags.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt

from thermogui.ui.plots.kit import pen

CURSOR_COLOR = (110, 110, 110)


class ScrubViewBox(pg.ViewBox):
    """A view box whose left click and left drag choose an x (an epoch) while `scrub` (x -> bool: taken) is set and
    takes it; otherwise it behaves as any view box (a drag pans)."""

    scrub = None

    def _scrubbed(self, ev) -> bool:
        if ev.button() != Qt.LeftButton or self.scrub is None:
            return False
        return bool(self.scrub(float(self.mapSceneToView(ev.scenePos()).x())))

    def mouseClickEvent(self, ev) -> None:  # noqa: N802
        if self._scrubbed(ev):
            ev.accept()
            return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802
        if axis is None and self._scrubbed(ev):
            ev.accept()
            return
        super().mouseDragEvent(ev, axis)


class LossRewind:
    """The loss plot's cursor for looking back (a mixin of LossPlot): while rewinding is allowed
    (`set_rewindable(True)`: a run with a history that is not training), a click or a drag on the plot — or a drag of
    the cursor — emits epochPicked(x); the window answers with `set_cursor(epoch)` (the nearest recorded epoch)."""

    def _init_rewind_items(self) -> None:
        item = self.getPlotItem()
        self.cursor = pg.InfiniteLine(
            angle=90,
            movable=True,
            pen=pen(CURSOR_COLOR, width=1.5, style=Qt.DashLine),
            hoverPen=pen(CURSOR_COLOR, width=3),
        )
        self.cursor.setVisible(False)  # (its tooltip: LossPlot.retranslate)
        self.cursor.setZValue(10)
        item.addItem(self.cursor, ignoreBounds=True)
        self.cursor.sigDragged.connect(self._on_cursor_dragged)
        self._rewindable = False
        vb = item.getViewBox()
        if isinstance(vb, ScrubViewBox):
            vb.scrub = self._scrub

    def set_rewindable(self, on: bool) -> None:
        """Clicks and drags choose an epoch (on), or pan the view as usual (off)."""
        self._rewindable = bool(on)
        self.cursor.setMovable(self._rewindable)

    def rewindable(self) -> bool:
        return self._rewindable

    def _scrub(self, x: float) -> bool:
        if not self._rewindable:
            return False
        self.epochPicked.emit(x)
        return True

    def _on_cursor_dragged(self, line) -> None:
        if self._rewindable:
            self.epochPicked.emit(float(line.value()))

    def set_cursor(self, epoch) -> None:
        """Mark the epoch shown (None: the latest, no cursor)."""
        if epoch is None:
            self.cursor.setVisible(False)
            return
        self.cursor.blockSignals(True)
        self.cursor.setValue(float(epoch))
        self.cursor.blockSignals(False)
        self.cursor.setVisible(True)

    def cursor_epoch(self) -> float | None:
        return float(self.cursor.value()) if self.cursor.isVisible() else None

    def scene_pos_of(self, epoch: float, loss: float):
        """Where (epoch, loss) is in the plot's scene (the y axis is log10)."""
        from PySide6.QtCore import QPointF

        y = math.log10(loss) if loss > 0 else 0.0
        return self.getPlotItem().vb.mapViewToScene(QPointF(float(epoch), y))
