"""A short window keeps the plots' room: the readouts fold their details while the tabs are short (a divergence's
banner on a 1280×720 screen) and unfold when the room comes back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .helpers import choose, type_into


def diverge(qtbot, w) -> None:
    choose(qtbot, w.controls.normalization, "None")
    type_into(qtbot, w.controls.lr, "0.01")
    with qtbot.waitSignal(w.runFinished, timeout=20000):
        qtbot.keyClick(w.controls.lr, Qt.Key_F5)
    assert w.alert.isVisible()


def test_a_short_window_folds_the_readouts_for_the_banner_and_unfolds_them(qtbot, window):
    w = window
    w.resize(1180, 720)  # a 1280×800 laptop less the desktop's panels
    qtbot.waitUntil(lambda: w.height() <= 730, timeout=2000)
    QApplication.processEvents()  # (the room is measured once the layout has settled)
    shown = [d.objectName() for d in w.readouts.details() if d.isVisible()]
    assert "epochLabel" in shown and not w.readouts.compact  # room enough before the banner
    diverge(qtbot, w)
    qtbot.waitUntil(lambda: w.readouts.compact, timeout=2000)
    assert not any(d.isVisible() for d in w.readouts.details())
    assert not w.status_label.isVisible()  # (nothing to say: the banner says why)
    qtbot.waitUntil(lambda: w.fit_plot.height() >= 150 and w.loss_plot.height() >= 110, timeout=2000)
    tip = w.readouts.equation.toolTip()
    assert "Epoch 11 of 5,000" in tip and "Least squares" in tip  # the folded numbers, still there to read
    assert w.fit_plot.height() >= 150 and w.loss_plot.height() >= 110
    qtbot.mouseClick(w.alert.close_button, Qt.LeftButton)  # the banner goes: room for the details again
    qtbot.waitUntil(lambda: not w.readouts.compact, timeout=2000)
    assert w.readouts.epoch.isVisible() and w.status_label.isVisible()
    assert "Epoch 11" not in w.readouts.equation.toolTip()


def test_a_tall_window_never_folds(qtbot, window):
    w = window
    w.resize(1400, 1000)
    qtbot.waitUntil(lambda: w.height() >= 900, timeout=2000)
    diverge(qtbot, w)
    QApplication.processEvents()  # (a fold would come from the room's zero-delay timer: give it its turn)
    assert not w.readouts.compact and w.readouts.epoch.isVisible()
