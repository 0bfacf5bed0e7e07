"""What a screen reader and a keyboard user get beyond what each panel sets itself: names for the editors inside
spin boxes and the lists of combo boxes, the run summary in the plots' descriptions, and a focus ring around the
controls the style draws no focus indicator on.  The names follow the UI language (renamed on each language change,
after the panels have relabelled their controls)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Slot
from PySide6.QtGui import QAccessible, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QToolButton,
    QWidget,
)

from thermogui.ui import style
from thermogui.ui.i18n import LanguageWatcher, translate


class FocusRing(QWidget):
    """A frame around the widget with the keyboard focus, for the controls the style draws no focus indicator on
    (buttons, combo boxes, check boxes, the tab bar, scroll areas, selectable labels).  Shown, as Qt's own focus
    rectangles are, once the keyboard has moved the focus in the window; the plots draw their own."""

    RINGED = (QAbstractButton, QComboBox, QTabBar, QLabel, QScrollArea, QAbstractItemView)
    MARGIN = 2

    def __init__(self, win):
        super().__init__(win, objectName="focusRing")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old, new) -> None:
        for w in self._watched:
            if shiboken6.isValid(w):
                w.removeEventFilter(self)
        self._watched = []
        win = self.parentWidget()
        ours = new is not None and isinstance(new, self.RINGED) and new.window() is win
        self.target = new if ours else None
        if self.target is None:
            self.hide()
            return
        w = new
        while w is not None and w is not win:  # moves of the widget or of a scrolled page move the ring
            w.installEventFilter(self)
            self._watched.append(w)
            w = w.parentWidget()
        self._place()

    def _place(self) -> None:
        t, win = self.target, self.parentWidget()
        if (
            t is None
            or not shiboken6.isValid(t)
            or not t.isVisible()
            or not win.testAttribute(Qt.WA_KeyboardFocusChange)
        ):
            self.hide()
            return
        rect = QRect(t.mapTo(win, QPoint(0, 0)), t.size()).adjusted(*(-self.MARGIN,) * 2, *(self.MARGIN,) * 2)
        area = t.parentWidget()
        while area is not None and area is not win:  # inside a scroll area: only the part that shows
            if isinstance(area, QAbstractScrollArea):
                view = area.viewport()
                rect = rect.intersected(QRect(view.mapTo(win, QPoint(0, 0)), view.size()))
            area = area.parentWidget()
        self.setGeometry(rect)
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Move, QEvent.Resize, QEvent.Show, QEvent.Hide):
            self._place()
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(QPen(style.focus_color(), 2))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
        p.end()

    def apply_theme(self) -> None:
        self.update()


def name_for_screen_readers(win) -> None:
    """What the panels cannot name themselves: the editors inside spin boxes take their box's name, the lists of
    combo boxes theirs, the tabs and the run bar get names, and the plots' descriptions carry the run summary
    (updated after each run).  Each name is given again when the language changes."""
    for box in win.findChildren(QAbstractSpinBox):
        editor = box.findChild(QLineEdit)
        if editor is not None and not editor.accessibleName():
            # (the editor, a child of the box, hears of a language change after the box and its panel relabelled)
            _name_now_and_on_language_change(editor, lambda box=box, editor=editor: _name_editor(box, editor))
    for combo in win.findChildren(QComboBox):
        view = combo.view()
        if not view.accessibleName():
            _name_now_and_on_language_change(view, lambda combo=combo, view=view: _name_list(combo, view))
    _name_now_and_on_language_change(win, lambda: _name_window_parts(win))
    for b in win.run_buttons.values():
        b.setAccessibleDescription(b.defaultAction().statusTip())
    win.readouts.summaryChanged.connect(lambda text: _describe_run(win, text))


def _name_now_and_on_language_change(widget: QWidget, name) -> None:
    name()
    LanguageWatcher(widget, name)


def _name_editor(box: QAbstractSpinBox, editor: QLineEdit) -> None:
    editor.setAccessibleName(_heard_name(box))


def _name_list(combo: QComboBox, view: QWidget) -> None:
    name = combo.accessibleName() or _heard_name(combo)  # (Qt's name for a combo box is its current text)
    view.setAccessibleName(translate("Accessibility", "{name} choices").format(name=name))


def _name_window_parts(win) -> None:
    more = win.menuBar().findChild(QToolButton, "qt_menubar_ext_button")  # shown when the menus do not fit
    if more is not None:
        more.setAccessibleName(translate("Accessibility", "More menus"))
    win.tabs.setAccessibleName(translate("Accessibility", "Views"))
    win.tabs.tabBar().setAccessibleName(translate("Accessibility", "Views"))
    win.status_label.setAccessibleName(translate("Accessibility", "Run status"))


def _heard_name(w: QWidget) -> str:
    """The name Qt's accessibility gives `w` (its accessibleName, else its buddy label's text)."""
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Name) if iface is not None else w.accessibleName()


def _describe_run(win, summary: str) -> None:
    """The run summary after each plot's own description (kit.ThemedPlot keeps it there when it relabels)."""
    for plot in (win.fit_plot, win.loss_plot):
        plot.set_run_summary(summary)
