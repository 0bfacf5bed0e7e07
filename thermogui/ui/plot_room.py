"""Room for the plots on a short window: see PlotRoom."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot


class PlotRoom(QObject):
    """On a short window (1280×720, a laptop) the plots keep their room: when the tabs under the readouts get less
    than MIN_TABS pixels — the divergence banner came, or the window was made smaller — the readouts fold their
    details into the equation's tooltip, and unfold once there is room for them again.  While the banner shows and
    the status line has nothing to say, the line's two reserved lines go too."""

    MIN_TABS = 400  # px: the tab bar and two plots of ~170 px (a loss plot under ~120 px reads as a strip)

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self._folded = 0  # the details' height when they were folded
        self._timer = QTimer(self, singleShot=True, interval=0)  # once the layout has settled
        self._timer.timeout.connect(self.fit)
        for w in (win.tabs, win.alert):
            w.installEventFilter(self)

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802
        if ev.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._timer.start()
        return False

    @Slot()
    def fit(self) -> None:
        win = self.win
        if not win.isVisible():
            return
        status = win.status_label
        status.setVisible(bool(status.text()) or not win.alert.isVisible())
        readouts, room = win.readouts, win.tabs.height()
        if not readouts.compact and room < self.MIN_TABS:
            self._folded = readouts.details_height()
            readouts.set_compact(True)
        elif readouts.compact and room - self._folded >= self.MIN_TABS:
            readouts.set_compact(False)
