"""How the main window is put together: run actions and buttons, the panels' places, the menus (with the View
menu's colour scheme and language), and what a screen reader hears.

Every text of the frame is set in a `_retranslate_*` function, called when its part is built and again by
`retranslate_window` (MainWindow.retranslate) when the language changes; the texts are literals in
``translate("MainWindow", …)`` (tab titles: QT_TRANSLATE_NOOP("PanelTabs", …)), read by lupdate."""

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

from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import i18n, style
from thermogui.ui.accessibility import FocusRing, name_for_screen_readers
from thermogui.ui.files import settings
from thermogui.ui.i18n import Retranslating, marked, translate
from thermogui.ui.panels.log import LogPanel
from thermogui.ui.state import IDLE, PAUSED

RUN_BUTTONS = ("startButton", "pauseButton", "stepButton", "stopButton", "resetButton")
SCHEMES = (
    ("system", QT_TRANSLATE_NOOP("MainWindow", "&System (follow the desktop)"), "schemeSystemAction"),
    ("light", QT_TRANSLATE_NOOP("MainWindow", "&Light"), "schemeLightAction"),
    ("dark", QT_TRANSLATE_NOOP("MainWindow", "&Dark"), "schemeDarkAction"),
)
# View ▸ Language: the system's language, or one by its own name (never translated: a person who cannot read the
# current language still finds theirs)
LANGUAGES = (
    ("system", QT_TRANSLATE_NOOP("MainWindow", "&System (follow the desktop)"), "languageSystemAction"),
    ("en", "&English", "languageEnglishAction"),
    ("ko", "한국어(&K)", "languageKoreanAction"),
)
# The teaching panels' tab titles (given by panels/teaching.py), marked here for lupdate; PanelTabs translates every
# tab's title in the context "PanelTabs".
TEACHING_TAB_TITLES = (
    QT_TRANSLATE_NOOP("PanelTabs", "Loss landscape"),
    QT_TRANSLATE_NOOP("PanelTabs", "Gradient inspector"),
    QT_TRANSLATE_NOOP("PanelTabs", "Results && calibration"),
    QT_TRANSLATE_NOOP("PanelTabs", "Learning-rate sweep"),
)


def _act(win, shortcut, slot, name) -> QAction:
    a = QAction(win, objectName=name)
    a.setShortcut(QKeySequence(shortcut))
    a.triggered.connect(slot)
    return a


def _label(action: QAction, text: str, tip: str) -> None:
    """An action's text, its tooltip (with its shortcut) and status tip."""
    action.setText(text)
    shortcut = action.shortcut().toString(QKeySequence.NativeText)
    action.setToolTip(translate("MainWindow", "{tip} ({shortcut})").format(tip=tip, shortcut=shortcut))
    action.setStatusTip(tip)


def build_run_actions(win) -> None:
    win.start_action = _act(win, "F5", win.start, "startAction")
    win.pause_action = _act(win, "F6", win.toggle_pause, "pauseAction")
    win.step_action = _act(win, "F10", win.step, "stepAction")
    win.stop_action = _act(win, "Shift+F5", win.stop, "stopAction")
    win.reset_action = _act(win, "Ctrl+Shift+R", win.reset, "resetAction")
    win.run_actions = (win.start_action, win.pause_action, win.step_action, win.stop_action, win.reset_action)
    win.addActions(win.run_actions)
    win.clear_runs_action = QAction(win, objectName="clearRunsAction", triggered=lambda: win.teaching.clear_previous())
    _retranslate_run_actions(win)


def pause_text(win) -> str:
    """The pause action's text: Resume while paused."""
    if win.run_state.phase == PAUSED:
        return translate("MainWindow", "Resume")
    return translate("MainWindow", "Pause")


def _retranslate_run_actions(win) -> None:
    _label(win.start_action, translate("MainWindow", "Start"), translate("MainWindow", "Train from the start values"))
    _label(win.pause_action, pause_text(win), translate("MainWindow", "Pause or resume training"))
    _label(win.step_action, translate("MainWindow", "Step"), translate("MainWindow", "Run one epoch, then pause"))
    _label(
        win.stop_action, translate("MainWindow", "Stop"), translate("MainWindow", "Stop training and keep the result")
    )
    _label(
        win.reset_action,
        translate("MainWindow", "Reset"),
        translate("MainWindow", "Clear the run and go back to the start values"),
    )
    win.clear_runs_action.setText(translate("MainWindow", "Clear Compared Runs"))
    win.clear_runs_action.setStatusTip(
        translate("MainWindow", "Forget the faded curves of earlier runs in the loss plot and the landscape")
    )


class RunProgress(Retranslating, QProgressBar):
    """The run's progress.  Never an empty box that looks like a text field: "Not started" before a run, then the
    epochs done ("1,250 of 5,000 epochs (25%)"); a message the window sets as the format is shown as it is."""

    PERCENT = "%p%"

    def __init__(self, state, parent=None):
        super().__init__(parent, objectName="progressBar", textVisible=True)
        self.state = state
        self.setFormat(self.PERCENT)
        self.setValue(0)  # (a bar in Qt's "reset" state, value -1, draws its text greyed out)
        state.phaseChanged.connect(self._on_phase_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Training progress"))
        self.update()  # (text() is read when the bar paints)

    def text(self) -> str:
        if self.format() != self.PERCENT:
            return super().text()
        value = self.value()
        if self.state.phase == IDLE and value <= self.minimum():
            return self.tr("Not started")
        return self.tr("{done} of {total} epochs ({percent})").format(
            done=f"{value:,}", total=f"{self.maximum():,}", percent=super().text()
        )

    @Slot(str)
    def _on_phase_changed(self, _phase: str) -> None:
        self.update()


class PanelTabs(Retranslating, QTabWidget):
    """Tabs whose pages may scroll: a teaching panel taller than a small screen scrolls inside its tab instead of
    setting the window's minimum size.  The panel (not its scroll area) is what currentWidget/indexOf/widget see.

    A tab is added with its English title, marked QT_TRANSLATE_NOOP("PanelTabs", …) where it is written: the title
    is kept (as the tab's data) and shown in the UI language, now and after every language change."""

    CONTEXT = "PanelTabs"

    def tabInserted(self, index: int) -> None:  # noqa: N802
        super().tabInserted(index)
        bar = self.tabBar()
        if bar.tabData(index) is None:
            bar.setTabData(index, bar.tabText(index))
        bar.setTabText(index, marked(self.CONTEXT, bar.tabData(index)))

    def source_title(self, index: int) -> str:
        """Tab `index`'s title as written (English)."""
        return self.tabBar().tabData(index) or self.tabText(index)

    def retranslate(self) -> None:
        bar = self.tabBar()
        for i in range(self.count()):
            bar.setTabText(i, marked(self.CONTEXT, self.source_title(i)))

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
    win.clear_runs_button = clear = QToolButton(objectName="clearRunsButton")
    clear.setDefaultAction(win.clear_runs_action)
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
    win.tabs.addTab(plots, QT_TRANSLATE_NOOP("PanelTabs", "Fit && loss"))
    for widget, title in getattr(win, "extra_tabs", ()):
        win.tabs.add_scrolling(widget, title)
    win.log_panel = LogPanel(win)  # the notebook's printout, live
    win.tabs.addTab(win.log_panel, QT_TRANSLATE_NOOP("PanelTabs", "Log"))
    from thermogui.ui.panels.book import BookPanel

    win.book_panel = BookPanel(win)  # the book's runs, one click each, and its printed numbers beside this run's
    win.tabs.add_scrolling(win.book_panel, QT_TRANSLATE_NOOP("PanelTabs", "Book"))

    right = QWidget()
    rl = QVBoxLayout(right)
    rl.addLayout(run_bar)
    rl.addWidget(win.status_label)
    rl.addWidget(win.alert)
    rl.addWidget(win.readouts)
    rl.addWidget(win.tabs, 1)

    win.params_box = params_box = QGroupBox(objectName="hyperparametersBox")
    QVBoxLayout(params_box).addWidget(win.controls)
    win.data_box = data_box = QGroupBox(objectName="readingsBox")
    QVBoxLayout(data_box).addWidget(win.data_panel)
    _retranslate_layout(win)  # (before the left column's width is taken from its size hint)
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
    from thermogui.ui.plot_room import PlotRoom

    win.room = PlotRoom(win)
    central = QWidget()
    cl = QVBoxLayout(central)
    cl.setContentsMargins(6, 4, 6, 0)
    cl.addWidget(split)
    win.setCentralWidget(central)
    win.statusBar()


def _retranslate_layout(win) -> None:
    win.clear_runs_button.setText(translate("MainWindow", "Clear runs"))
    win.clear_runs_button.setToolTip(
        translate("MainWindow", "Earlier runs stay as faded curves for comparison; this clears them")
    )
    win.params_box.setTitle(translate("MainWindow", "Hyperparameters"))
    win.data_box.setTitle(translate("MainWindow", "Readings"))
    win.tabs.retranslate()


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

    bar = win.menuBar()  # (every title and action text: _retranslate_menus)
    win.file_menu = bar.addMenu("")
    win.files.populate_menu(win.file_menu)
    win.file_menu.addSeparator()
    m = win.export_menu = win.file_menu.addMenu("")
    win.export_plot_action = m.addAction("", lambda: export.open_export_dialog(win))
    win.export_plot_action.setShortcut(QKeySequence("Ctrl+E"))
    win.export_plot_action.setObjectName("exportPlotAction")
    win.copy_plot_action = m.addAction("", lambda: export.copy_window_plot(win))
    win.copy_plot_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    m.addSeparator()
    win.export_history_action = m.addAction("", lambda: result_exports.export_history(win))
    win.export_result_action = m.addAction("", lambda: result_exports.export_result(win))
    win.export_script_action = m.addAction("", lambda: result_exports.export_script(win))
    win.export_notebook_action = m.addAction("", lambda: result_exports.export_notebook(win))
    win.export_notebook_action.setObjectName("exportNotebookAction")
    win.file_menu.addSeparator()
    win.quit_action = QAction(win, shortcut=QKeySequence.Quit, triggered=win.close)
    win.file_menu.addAction(win.quit_action)

    edit = win.edit_menu = bar.addMenu("")
    p = win.data_panel
    edit.addActions([p.undo_action, p.redo_action])
    edit.addSeparator()
    edit.addActions([p.add_action, p.delete_action, p.copy_action, p.paste_action])
    win.view_menu = bar.addMenu("")
    build_view_menu(win, win.view_menu)
    run = win.run_menu = bar.addMenu("")
    run.addActions(list(win.run_actions))
    run.addSeparator()
    run.addAction(win.clear_runs_action)
    build_geometry_actions(win)
    name_for_screen_readers(win)
    win.focus_ring = FocusRing(win)
    from thermogui.ui.panels.book import build_book_menu

    win.book_menu = bar.addMenu("")
    build_book_menu(win, win.book_menu)
    win.help_menu = bar.addMenu("")
    win.about_action = QAction(win, objectName="aboutAction", triggered=win.show_about)
    win.help_menu.addAction(win.about_action)
    _retranslate_menus(win)


def _retranslate_menus(win) -> None:
    win.file_menu.setTitle(translate("MainWindow", "&File"))
    win.export_menu.setTitle(translate("MainWindow", "&Export"))
    win.export_plot_action.setText(translate("MainWindow", "&Plot Image…"))
    win.copy_plot_action.setText(translate("MainWindow", "&Copy Plot"))
    win.export_history_action.setText(translate("MainWindow", "Training &History (CSV)…"))
    win.export_result_action.setText(translate("MainWindow", "&Result (JSON)…"))
    win.export_script_action.setText(translate("MainWindow", "PyTorch &Script…"))
    win.export_notebook_action.setText(translate("MainWindow", "&Jupyter Notebook…"))
    win.quit_action.setText(translate("MainWindow", "&Quit"))
    win.edit_menu.setTitle(translate("MainWindow", "&Edit"))
    win.view_menu.setTitle(translate("MainWindow", "&View"))
    win.scheme_menu.setTitle(translate("MainWindow", "&Colour Scheme"))
    win.scheme_actions.retranslate()
    win.language_menu.setTitle(translate("MainWindow", "&Language"))
    win.language_actions.retranslate()
    for i, action in enumerate(win.tab_actions):
        title = win.tabs.tabText(i).replace("&&", "&")
        action.setText(translate("MainWindow", "Show {tab}").format(tab=title))
    win.run_menu.setTitle(translate("MainWindow", "&Run"))
    win.book_menu.setTitle(translate("MainWindow", "Boo&k"))
    win.help_menu.setTitle(translate("MainWindow", "&Help"))
    win.about_action.setText(translate("MainWindow", "&About ThermoGUI"))
    _retranslate_geometry(win)


def retranslate_window(win) -> None:
    """Every text of the window's frame in the UI language: run actions and buttons, tab titles, group boxes and
    menus (MainWindow.retranslate calls it on QEvent.LanguageChange)."""
    _retranslate_run_actions(win)
    _retranslate_layout(win)
    _retranslate_menus(win)
    _retranslate_geometry(win)
    for b in win.run_buttons.values():
        b.setAccessibleDescription(b.defaultAction().statusTip())


# --- looking closer (issue 16): View ▸ Residuals as Squares, °F Reference Line; Run ▸ my line, rewind -----------------
def build_geometry_actions(win) -> None:
    """The fit plot's teaching views (the View menu; the two toggles are remembered) and the actions of my line and
    rewind (the Run menu).  The slots are the window's; its `_init_geometry` applies the remembered toggles."""
    win.squares_action = QAction(win, checkable=True, objectName="residualSquaresAction")
    win.squares_action.setChecked(settings.VIEW_RESIDUAL_SQUARES.get())
    win.squares_action.toggled.connect(win.set_residual_squares)
    win.law_action = QAction(win, checkable=True, objectName="fahrenheitLawAction")
    win.law_action.setChecked(settings.VIEW_FAHRENHEIT_LAW.get())
    win.law_action.toggled.connect(win.set_fahrenheit_law)
    win.view_menu.addSeparator()
    win.view_menu.addActions([win.squares_action, win.law_action])
    win.my_line_action = QAction(win, checkable=True, objectName="placeMyLineAction")
    win.my_line_action.setShortcut(QKeySequence("Ctrl+L"))
    win.my_line_action.toggled.connect(win.place_my_line)
    win.start_my_line_action = QAction(win, objectName="startFromMyLineAction", enabled=False)
    win.start_my_line_action.triggered.connect(win.start_from_my_line)
    win.back_action = QAction(win, objectName="backToLatestAction", enabled=False)
    win.back_action.setShortcut(QKeySequence(Qt.Key_Escape))
    win.back_action.triggered.connect(win.back_to_latest)
    win.continue_action = QAction(win, objectName="continueFromHereAction", enabled=False)
    win.continue_action.triggered.connect(win.continue_from_here)
    actions = [win.my_line_action, win.start_my_line_action, win.back_action, win.continue_action]
    win.run_menu.addSeparator()
    win.run_menu.addActions(actions)
    win.addActions([win.squares_action, win.law_action, *actions])
    _retranslate_geometry(win)


def _retranslate_geometry(win) -> None:
    win.squares_action.setText(translate("MainWindow", "Residuals as &Squares"))
    win.squares_action.setStatusTip(
        translate(
            "MainWindow",
            "Draw each reading's residual and its square on the fit plot: the mean of the squares is the loss (MSE)",
        )
    )
    win.law_action.setText(translate("MainWindow", "°&F Reference Line"))
    win.law_action.setStatusTip(
        translate("MainWindow", "Draw the exact law t_c = (t_u − 32)·5/9 beside the fit, and say why the fit differs")
    )
    win.my_line_action.setText(translate("MainWindow", "Place &My Line"))
    win.my_line_action.setStatusTip(
        translate("MainWindow", "Drag two handles on the fit plot to place a line by hand and read its loss")
    )
    win.start_my_line_action.setText(translate("MainWindow", "Start from My &Line"))
    win.start_my_line_action.setStatusTip(translate("MainWindow", "Set the start values to your line and train"))
    win.back_action.setText(translate("MainWindow", "&Back to Latest Epoch"))
    win.back_action.setStatusTip(translate("MainWindow", "Stop looking back: show the run's latest epoch"))
    win.continue_action.setText(translate("MainWindow", "Continue from &Here"))
    win.continue_action.setStatusTip(
        translate("MainWindow", "Start a new run from the epoch looked back at, with the current settings")
    )


# --- the View menu ---------------------------------------------------------------------------------------------------
class SchemeActions(QActionGroup):
    """View ▸ Colour Scheme: System / Light / Dark.  The choice is applied at once (to the whole application) and
    remembered; the checked item follows the theme, also when another window changed it."""

    def __init__(self, win, menu):
        super().__init__(win)
        self.setExclusive(True)
        self.by_mode: dict[str, QAction] = {}
        for mode, _text, name in SCHEMES:
            action = QAction(self, checkable=True, objectName=name)
            action.setData(mode)
            menu.addAction(action)
            self.by_mode[mode] = action
        self.retranslate()
        self.triggered.connect(self._on_triggered)
        theme = style.theme()
        theme.modeChanged.connect(self._on_mode_changed)
        self._on_mode_changed(theme.mode)

    def retranslate(self) -> None:
        tips = {
            "system": translate("MainWindow", "Follow the desktop's colour scheme"),
            "light": translate("MainWindow", "Use the light colour scheme, whatever the desktop uses"),
            "dark": translate("MainWindow", "Use the dark colour scheme, whatever the desktop uses"),
        }
        for mode, text, _name in SCHEMES:
            self.by_mode[mode].setText(marked("MainWindow", text))
            self.by_mode[mode].setStatusTip(tips[mode])

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        mode = action.data()
        settings.VIEW_COLOR_SCHEME.set(mode)
        style.theme().set_mode(mode)

    @Slot(str)
    def _on_mode_changed(self, mode: str) -> None:
        self.by_mode.get(mode, self.by_mode["system"]).setChecked(True)


class LanguageActions(QActionGroup):
    """View ▸ Language: System / English / 한국어.  The choice is applied at once (every open window relabels: the
    translators send QEvent.LanguageChange) and remembered; the checked item is the remembered choice."""

    def __init__(self, win, menu):
        super().__init__(win)
        self.setExclusive(True)
        self.by_choice: dict[str, QAction] = {}
        for choice, _text, name in LANGUAGES:
            action = QAction(self, checkable=True, objectName=name)
            action.setData(choice)
            menu.addAction(action)
            self.by_choice[choice] = action
        self.retranslate()
        self.triggered.connect(self._on_triggered)

    def retranslate(self) -> None:
        """The texts (only "System" is translated) and the check mark on the remembered choice."""
        system = i18n.AUTONYMS[i18n.system_language()]
        for choice, text, _name in LANGUAGES:
            action = self.by_choice[choice]
            action.setText(marked("MainWindow", text))
            if choice == "system":
                action.setStatusTip(
                    translate("MainWindow", "Use the desktop's language ({language})").format(language=system)
                )
            else:
                action.setStatusTip(
                    translate("MainWindow", "Show ThermoGUI in {language}").format(language=i18n.AUTONYMS[choice])
                )
        self.by_choice[settings.ui_language()].setChecked(True)

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        i18n.set_language_choice(action.data())
        self.retranslate()  # (no language change when the choice means the language already shown)


def build_view_menu(win, view) -> None:
    """The colour scheme (applied now, as remembered), the language and one shortcut per tab (Ctrl+1 …)."""
    style.theme().set_mode(settings.color_scheme())
    win.scheme_menu = view.addMenu("")
    win.scheme_actions = SchemeActions(win, win.scheme_menu)
    win.language_menu = view.addMenu("")
    win.language_actions = LanguageActions(win, win.language_menu)
    view.addSeparator()
    win.tab_actions = []
    for i in range(win.tabs.count()):
        action = QAction(win, objectName=f"showTab{i + 1}Action")
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
