"""Colours that read in the light and the dark scheme: every visible text against the background it sits on (WCAG
contrast, computed from the widgets' palettes after polishing, style sheets included), the plots following the
scheme, and the scheme switched live — from the View menu, as a person does, and when the desktop switches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

from tests.ui.helpers import choose, click, type_into
from thermogui.core.config import StopReason
from thermogui.ui import style
from thermogui.ui.files import settings

NORMAL, LARGE = 4.5, 3.0  # WCAG AA: text, and large text (>= 18 pt, or >= 14 pt bold)
# menus opened offscreen cannot grab the keyboard; they work all the same
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)


@pytest.fixture(autouse=True)
def back_to_the_system_scheme(qapp):
    """Whatever a test chose, the next one starts with the desktop's scheme."""
    yield
    style.theme().set_mode("system")
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(hints.colorScheme())  # forget a desktop switch a test simulated
    assert not dark_now()


def pick_scheme(qtbot, window, key: Qt.Key) -> None:
    """View ▸ Colour Scheme ▸ System / Light / Dark, from the keyboard: Alt+V, C, then S, L or D."""
    window.activateWindow()  # (offscreen, a closed menu leaves no window active; a person's window stays so)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key_V, Qt.AltModifier)
    view = QApplication.activePopupWidget()
    assert view is not None and view.title() == "&View"
    qtbot.keyClick(view, Qt.Key_C)
    schemes = QApplication.activePopupWidget()
    assert schemes is not None and schemes.title() == "&Colour Scheme"
    qtbot.keyClick(schemes, key)
    assert QApplication.activePopupWidget() is None
    QApplication.processEvents()  # the widgets' palettes follow the application's through posted events


def dark_now() -> bool:
    return QApplication.palette().color(QPalette.Window).lightness() < 128


# --- contrast as a person sees it -----------------------------------------------------------------------------------
def has_own_background(w: QWidget) -> bool:
    """Whether `w` paints the background its children's text sits on."""
    if w.isWindow() or w.autoFillBackground():
        return True
    return "background" in w.styleSheet() and w.palette().color(w.backgroundRole()).alpha() == 255


def background_of(w: QWidget):
    """The colour behind `w`'s text: a button's face, else the nearest ancestor that paints a background."""
    if isinstance(w, (QPushButton, QToolButton)) and not (
        (isinstance(w, QPushButton) and w.isFlat()) or (isinstance(w, QToolButton) and w.autoRaise())
    ):
        return w.palette().color(QPalette.Button)
    a = (
        w
        if has_own_background(w) and not isinstance(w, (QLabel, QCheckBox, QRadioButton, QPushButton))
        else w.parentWidget()
    )
    while a is not None and not has_own_background(a):
        a = a.parentWidget()
    a = a or w.window()
    return a.palette().color(a.backgroundRole())


def needed(w: QWidget) -> float:
    f = w.font()
    return LARGE if f.pointSizeF() >= 18 or (f.pointSizeF() >= 14 and f.bold()) else NORMAL


def texts_in(window) -> list[QWidget]:
    """Every visible, enabled widget that shows text: labels and buttons (disabled controls are exempt in WCAG)."""
    out = []
    for w in window.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled()):
            continue
        if isinstance(w, QLabel) and w.text().strip():
            out.append(w)
        elif isinstance(w, QAbstractButton) and w.text().strip():
            out.append(w)
    return out


def low_contrast(window) -> list[str]:
    bad = []
    for w in texts_in(window):
        w.ensurePolished()
        fg = w.palette().color(w.foregroundRole())
        bg = background_of(w)
        ratio = style.contrast(fg, bg)
        if ratio < needed(w):
            bad.append(
                f"{w.metaObject().className()} {w.objectName() or w.text()[:40]!r}: {fg.name()} on "
                f"{bg.name()} = {ratio:.2f}:1"
            )
    return bad


def every_tab_reads(window) -> list[str]:
    bad = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        bad += low_contrast(window)
    window.tabs.setCurrentIndex(0)
    return bad


def diverge(qtbot, window) -> None:
    """The book's raw readings at lr 0.01: the warning beside the rate, then the banner after epoch 11."""
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")
    type_into(qtbot, c.epochs, "100")
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        click(qtbot, window, "startButton")
    assert blocker.args[0].stop_reason == StopReason.NON_FINITE
    assert window.alert.isVisible()


# --- the tests ------------------------------------------------------------------------------------------------------
def test_the_palette_colours_meet_wcag_on_their_own_backgrounds():
    """The named colours, against the window background of their scheme (and the banner's)."""
    for i, palette in enumerate((style.LIGHT_PALETTE, style.DARK_PALETTE)):
        window = palette["Window"]
        for role in ("error", "warning", "ok", "hint"):
            assert style.contrast(style.TEXT[role][i], window) >= NORMAL, (role, i)
        assert style.contrast(style.TEXT["banner"][i], style.BANNER["background"][i]) >= NORMAL
        assert style.contrast(palette["WindowText"], window) >= 7
        assert style.contrast(palette["ButtonText"], palette["Button"]) >= 7
        assert style.contrast(palette["Text"], palette["Base"]) >= 7
        assert style.contrast(palette["HighlightedText"], palette["Highlight"]) >= NORMAL
        assert style.contrast(style.TEXT["hint"][i], palette["Base"]) >= NORMAL  # the inspector's grey cells
    for i in range(2):
        plot_bg = style.PLOT["background"][i]
        assert style.contrast(style.PLOT["foreground"][i], plot_bg) >= NORMAL
        for color in (style.DATA, style.FIT, style.VALIDATION, style.LEAST_SQUARES, *style.PREVIOUS_RUNS):
            assert style.contrast(color, plot_bg) >= 3.0, (color, i)  # graphics: 3:1 on both backgrounds


@pytest.mark.parametrize("key, dark", [(Qt.Key_D, True), (Qt.Key_L, False)], ids=["dark", "light"])
def test_every_text_reads_in_the_scheme(qtbot, window, key, dark):
    diverge(qtbot, window)
    pick_scheme(qtbot, window, key)
    assert dark_now() is dark
    assert settings.VIEW_COLOR_SCHEME.get() == ("dark" if dark else "light")
    # the red warning beside the learning rate and the divergence banner are among the texts walked
    assert window.controls.lr_note.text().startswith("⚠") and window.controls.lr_note.isVisible()
    assert style.TEXT["error"][dark] in window.controls.lr_note.styleSheet()
    assert window.alert.isVisible() and window.alert.headline.text()
    assert every_tab_reads(window) == []


def test_the_banner_has_a_dark_background_in_the_dark_scheme(qtbot, window):
    diverge(qtbot, window)
    pick_scheme(qtbot, window, Qt.Key_D)
    alert = window.alert
    bg = background_of(alert.headline)
    assert bg.name() == style.BANNER["background"][1]
    for w in (alert.headline, alert.advice, alert.close_button):
        assert style.contrast(w.palette().color(w.foregroundRole()), bg) >= NORMAL, w.objectName()


def test_the_plots_follow_the_scheme_live(qtbot, window):
    plots = [
        window.fit_plot,
        window.loss_plot,
        window.teaching.landscape.plot,
        window.teaching.results.plot,
        window.teaching.sweep.plot,
    ]
    for key, dark in ((Qt.Key_D, True), (Qt.Key_L, False), (Qt.Key_D, True)):
        pick_scheme(qtbot, window, key)
        assert dark_now() is dark
        bg = style.PLOT["background"][dark]
        fg = style.PLOT["foreground"][dark]
        for plot in plots:
            assert plot.backgroundBrush().color().name() == bg, plot.objectName()
            item = plot.getPlotItem()
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                assert axis.textPen().color().name() == fg and axis.pen().color().name() == fg
            for _, label in plot.legend.items if hasattr(plot, "legend") else ():
                assert fg[1:] in label.item.toHtml().lower(), (plot.objectName(), label.text)
        assert window.teaching.landscape.colorbar.axis.textPen().color().name() == fg


def test_switching_back_and_forth_restyles_the_texts(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")  # a red warning beside the rate
    for key, dark in ((Qt.Key_D, True), (Qt.Key_L, False), (Qt.Key_D, True), (Qt.Key_S, False)):
        pick_scheme(qtbot, window, key)
        assert dark_now() is dark
        assert style.TEXT["error"][dark] in c.lr_note.styleSheet()
        assert low_contrast(window) == []
    checked = [
        a.objectName()
        for a in window.findChildren(QAction)
        if a.isCheckable() and a.isChecked() and a.objectName().startswith("scheme")
    ]
    assert checked == ["schemeSystemAction"]


def test_the_window_follows_the_desktop_when_set_to_system(qtbot, window):
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched to dark
    QApplication.processEvents()
    assert dark_now()
    assert window.fit_plot.backgroundBrush().color().name() == style.PLOT["background"][1]
    assert low_contrast(window) == []
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    QApplication.processEvents()
    assert not dark_now()
    assert window.fit_plot.backgroundBrush().color().name() == style.PLOT["background"][0]
    # an explicit choice wins over the desktop
    pick_scheme(qtbot, window, Qt.Key_D)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    QApplication.processEvents()
    assert dark_now()


def test_the_chosen_scheme_is_remembered(qtbot, window):
    from thermogui.app import create_window

    pick_scheme(qtbot, window, Qt.Key_D)
    window.files.mark_saved()
    window.close()
    style.theme().set_mode("system")  # as if the app started again
    assert not dark_now()
    again = create_window()
    qtbot.waitExposed(again)
    try:
        assert dark_now()
        assert again.findChild(QAction, "schemeDarkAction").isChecked()
    finally:
        again.files.mark_saved()
        again.close()
