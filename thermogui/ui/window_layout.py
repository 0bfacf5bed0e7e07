"""How the main window is put together: run actions and buttons, the panels' places, the menus (with the View
menu's colour scheme), and what a screen reader hears."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from thermogui.ui import style
from thermogui.ui.accessibility import FocusRing, name_for_screen_readers
from thermogui.ui.files import settings
from thermogui.ui.state import IDLE

RUN_BUTTONS = ("startButton", "pauseButton", "stepButton", "stopButton", "resetButton")
SCHEMES = (
    ("system", "&System (follow the desktop)", "schemeSystemAction"),
    ("light", "&Light", "schemeLightAction"),
    ("dark", "&Dark", "schemeDarkAction"),
)


def _act(win, text, shortcut, slot, tip, name) -> QAction:
    a = QAction(text, win, objectName=name)
    a.setShortcut(QKeySequence(shortcut))
    a.setToolTip(f"{tip} ({a.shortcut().toString(QKeySequence.NativeText)})")
    a.setStatusTip(tip)
    a.triggered.connect(slot)
    return a


def build_run_actions(win) -> None:
    win.start_action = _act(win, "Start", "F5", win.start, "Train from the start values", "startAction")
    win.pause_action = _act(win, "Pause", "F6", win.toggle_pause, "Pause or resume training", "pauseAction")
    win.step_action = _act(win, "Step", "F10", win.step, "Run one epoch, then pause", "stepAction")
    win.stop_action = _act(win, "Stop", "Shift+F5", win.stop, "Stop training and keep the result", "stopAction")
    win.reset_action = _act(
        win, "Reset", "Ctrl+Shift+R", win.reset, "Clear the run and go back to the start values", "resetAction"
    )
    win.run_actions = (win.start_action, win.pause_action, win.step_action, win.stop_action, win.reset_action)
    win.addActions(win.run_actions)
    win.clear_runs_action = QAction(
        "Clear Compared Runs", win, objectName="clearRunsAction", triggered=lambda: win.teaching.clear_previous()
    )
    win.clear_runs_action.setStatusTip("Forget the faded curves of earlier runs in the loss plot and the landscape")


class RunProgress(QProgressBar):
    """The run's progress.  Never an empty box that looks like a text field: "Not started" before a run, then the
    epochs done ("1,250 of 5,000 epochs (25%)"); a message the window sets as the format is shown as it is."""

    PERCENT = "%p%"

    def __init__(self, state, parent=None):
        super().__init__(parent, objectName="progressBar", textVisible=True)
        self.state = state
        self.setFormat(self.PERCENT)
        self.setValue(0)  # (a bar in Qt's "reset" state, value -1, draws its text greyed out)
        self.setAccessibleName("Training progress")
        state.phaseChanged.connect(self._on_phase_changed)

    def text(self) -> str:
        if self.format() != self.PERCENT:
            return super().text()
        value = self.value()
        if self.state.phase == IDLE and value <= self.minimum():
            return "Not started"
        return f"{value:,} of {self.maximum():,} epochs ({super().text()})"

    @Slot(str)
    def _on_phase_changed(self, _phase: str) -> None:
        self.update()


class PanelTabs(QTabWidget):
    """Tabs whose pages may scroll: a teaching panel taller than a small screen scrolls inside its tab instead of
    setting the window's minimum size.  The panel (not its scroll area) is what currentWidget/indexOf/widget see."""

    def add_scrolling(self, panel: QWidget, title: str) -> int:
        page = QScrollArea(widgetResizable=True, frameShape=QFrame.NoFrame)
        page.setWidget(panel)
        return self.addTab(page, title)

    @staticmethod
    def _panel(page):
        return page.widget() if isinstance(page, QScrollArea) else page

    def widget(self, index: int):
        return self._panel(super().widget(index))

    def currentWidget(self):  # noqa: N802
        return self._panel(super().currentWidget())

    def indexOf(self, widget) -> int:  # noqa: N802
        for i in range(self.count()):
            if self.widget(i) is widget or super().widget(i) is widget:
                return i
        return -1

    def setCurrentWidget(self, widget) -> None:  # noqa: N802
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)


def build_layout(win) -> None:
    run_bar = QHBoxLayout()
    win.run_buttons = {}
    for action, name in zip(win.run_actions, RUN_BUTTONS):
        b = QToolButton(objectName=name)
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonTextOnly)
        b.setMinimumWidth(64)
        run_bar.addWidget(b)
        win.run_buttons[name] = b
    clear = QToolButton(objectName="clearRunsButton")
    clear.setDefaultAction(win.clear_runs_action)
    clear.setText("Clear runs")
    clear.setToolTip("Earlier runs stay as faded curves for comparison; this clears them")
    run_bar.addWidget(clear)
    win.progress = RunProgress(win.run_state)
    run_bar.addWidget(win.progress, 1)
    win.status_label = QLabel(objectName="runStatusLabel", wordWrap=True)
    # two lines reserved: a status that wraps ("Paused after epoch …") never moves the readouts and plots
    win.status_label.setMinimumHeight(2 * win.status_label.fontMetrics().lineSpacing())

    plots = QSplitter(Qt.Vertical, objectName="plotSplitter")
    plots.addWidget(win.fit_plot)
    plots.addWidget(win.loss_plot)
    plots.setSizes([560, 300])
    win.tabs = PanelTabs(objectName="viewTabs")
    win.tabs.addTab(plots, "Fit && loss")
    for widget, title in getattr(win, "extra_tabs", ()):
        win.tabs.add_scrolling(widget, title)

    right = QWidget()
    rl = QVBoxLayout(right)
    rl.addLayout(run_bar)
    rl.addWidget(win.status_label)
    rl.addWidget(win.alert)
    rl.addWidget(win.readouts)
    rl.addWidget(win.tabs, 1)

    params_box = QGroupBox("Hyperparameters")
    QVBoxLayout(params_box).addWidget(win.controls)
    data_box = QGroupBox("Readings")
    QVBoxLayout(data_box).addWidget(win.data_panel)
    left = QWidget()
    ll = QVBoxLayout(left)
    ll.setContentsMargins(0, 0, 0, 0)
    ll.addWidget(params_box)
    ll.addWidget(data_box, 1)
    data_box.setMinimumHeight(180)
    # On a small screen the left column scrolls rather than pushing the window (and the plots) off the screen.
    scroll = QScrollArea(objectName="leftScroll", widgetResizable=True, frameShape=QFrame.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setWidget(left)
    scroll.setMinimumWidth(min(left.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width(), 460))

    for w in (win.fit_plot, win.loss_plot):
        w.setMinimumHeight(110)  # the alert banner takes its room from the plots, never from the screen
    split = QSplitter(Qt.Horizontal, objectName="mainSplitter")
    split.addWidget(scroll)
    split.addWidget(right)
    split.setStretchFactor(1, 1)
    split.setSizes([400, 960])
    for s in (split, plots):
        s.setHandleWidth(7)
        s.setChildrenCollapsible(False)
    central = QWidget()
    cl = QVBoxLayout(central)
    cl.setContentsMargins(6, 4, 6, 0)
    cl.addWidget(split)
    win.setCentralWidget(central)
    win.statusBar()


def fit_to_screen(win, restored: bool) -> None:
    """The first size is a share of the screen's available area (at most 1360×860); a restored geometry is clamped
    to the screen the window opens on, so title bar, plots and status bar are always reachable."""
    screen = win.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    frame_w = max(win.frameGeometry().width() - win.geometry().width(), 0)
    frame_h = max(win.frameGeometry().height() - win.geometry().height(), 0)
    max_w, max_h = avail.width() - frame_w, avail.height() - frame_h
    if restored:
        w, h = min(win.width(), max_w), min(win.height(), max_h)
    else:
        w, h = min(1360, int(avail.width() * 0.92)), min(860, int(avail.height() * 0.92))
        w, h = min(w, max_w), min(h, max_h)
    win.resize(max(w, 200), max(h, 200))
    geo = win.frameGeometry()
    x = min(max(geo.x(), avail.x()), avail.right() - geo.width() + 1)
    y = min(max(geo.y(), avail.y()), avail.bottom() - geo.height() + 1)
    if not restored:
        x = avail.x() + (avail.width() - geo.width()) // 2
        y = avail.y() + (avail.height() - geo.height()) // 2
    win.move(max(x, avail.x()), max(y, avail.y()))


def build_menus(win) -> None:
    from thermogui.ui.export import dialog as export
    from thermogui.ui.export import results as result_exports

    bar = win.menuBar()
    win.file_menu = bar.addMenu("&File")
    win.files.populate_menu(win.file_menu)
    win.file_menu.addSeparator()
    m = win.export_menu = win.file_menu.addMenu("&Export")
    win.export_plot_action = m.addAction("&Plot Image…", lambda: export.open_export_dialog(win))
    win.export_plot_action.setShortcut(QKeySequence("Ctrl+E"))
    win.export_plot_action.setObjectName("exportPlotAction")
    win.copy_plot_action = m.addAction("&Copy Plot", lambda: export.copy_window_plot(win))
    win.copy_plot_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    m.addSeparator()
    m.addAction("Training &History (CSV)…", lambda: result_exports.export_history(win))
    m.addAction("&Result (JSON)…", lambda: result_exports.export_result(win))
    m.addAction("PyTorch &Script…", lambda: result_exports.export_script(win))
    win.file_menu.addSeparator()
    win.file_menu.addAction(QAction("&Quit", win, shortcut=QKeySequence.Quit, triggered=win.close))

    edit = bar.addMenu("&Edit")
    p = win.data_panel
    edit.addActions([p.undo_action, p.redo_action])
    edit.addSeparator()
    edit.addActions([p.add_action, p.delete_action, p.copy_action, p.paste_action])
    build_view_menu(win, bar.addMenu("&View"))
    run = bar.addMenu("&Run")
    run.addActions(list(win.run_actions))
    run.addSeparator()
    run.addAction(win.clear_runs_action)
    name_for_screen_readers(win)
    win.focus_ring = FocusRing(win)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(QAction("&About ThermoGUI", win, triggered=win.show_about))


# --- the View menu ---------------------------------------------------------------------------------------------------
class SchemeActions(QActionGroup):
    """View ▸ Colour Scheme: System / Light / Dark.  The choice is applied at once (to the whole application) and
    remembered; the checked item follows the theme, also when another window changed it."""

    def __init__(self, win, menu):
        super().__init__(win)
        self.setExclusive(True)
        self.by_mode: dict[str, QAction] = {}
        for mode, text, name in SCHEMES:
            action = QAction(text, self, checkable=True, objectName=name)
            action.setData(mode)
            action.setStatusTip(
                "Follow the desktop's colour scheme"
                if mode == "system"
                else f"Use the {mode} colour scheme, whatever the desktop uses"
            )
            menu.addAction(action)
            self.by_mode[mode] = action
        self.triggered.connect(self._on_triggered)
        theme = style.theme()
        theme.modeChanged.connect(self._on_mode_changed)
        self._on_mode_changed(theme.mode)

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        mode = action.data()
        settings.VIEW_COLOR_SCHEME.set(mode)
        style.theme().set_mode(mode)

    @Slot(str)
    def _on_mode_changed(self, mode: str) -> None:
        self.by_mode.get(mode, self.by_mode["system"]).setChecked(True)


def build_view_menu(win, view) -> None:
    """The colour scheme (applied now, as remembered) and one shortcut per tab (Ctrl+1 …)."""
    style.theme().set_mode(settings.color_scheme())
    win.scheme_actions = SchemeActions(win, view.addMenu("&Colour Scheme"))
    view.addSeparator()
    win.tab_actions = []
    for i in range(win.tabs.count()):
        title = win.tabs.tabText(i).replace("&&", "&")
        action = QAction(f"Show {title}", win, objectName=f"showTab{i + 1}Action")
        action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
        action.triggered.connect(lambda _=False, i=i: _show_tab(win, i))
        view.addAction(action)
        win.addAction(action)
        win.tab_actions.append(action)


def _show_tab(win, index: int) -> None:
    """Show tab `index` and put the keyboard focus on its first control (else on the tab bar)."""
    win.tabs.setCurrentIndex(index)
    page = win.tabs.currentWidget()
    first = (
        next(
            (
                w
                for w in page.findChildren(QWidget)
                if w.focusPolicy() & Qt.TabFocus and w.isEnabled() and w.isVisibleTo(win)
            ),
            None,
        )
        if page is not None
        else None
    )
    (first or win.tabs.tabBar()).setFocus(Qt.ShortcutFocusReason)
