"""The book's runs, one click each: a Book menu and a "Book" tab listing the chapter's runs (core/presets.py).

Choosing one fills every setting and the readings (the readings' replacement is one undoable step), says in one line
what to watch, and — once a run with exactly those settings and readings has finished — shows the numbers the book
prints beside the app's own, with a tick where they agree to the digits the book shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.config import EpochResult
from thermogui.core.presets import BY_KEY, PRESETS, Preset, check
from thermogui.ui import style
from thermogui.ui.i18n import LanguageWatcher, Retranslating, marked

PRESETS_CONTEXT = "presets"  # the context of core/presets.py's marked texts (titles, sources, what to watch, numbers)


def _preset(text: str) -> str:
    """A text of core/presets.py in the UI language."""
    return marked(PRESETS_CONTEXT, text) if text else text


class _Rows:
    """A finished run's History as the list of EpochResults `presets.check` reads (only the rows it asks for)."""

    def __init__(self, history):
        self._rows = history.snapshot()

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> EpochResult:
        r = self._rows[i]
        return EpochResult(int(r[0]), *(float(v) for v in r[1:]))

    def __iter__(self):
        return (self[i] for i in range(len(self)))


class BookPanel(Retranslating, QWidget):
    """The Book tab: the runs, what to watch, and the book's numbers against this run's."""

    def __init__(self, window, parent=None):
        super().__init__(parent, objectName="bookPanel")
        self.w = window
        self.state = window.run_state
        self.preset: Preset | None = None
        self._rows: list[tuple[str, str, str, bool]] = []  # the book's numbers beside the last matching run's
        self._status = lambda: ""  # the status line, in the UI language
        self.list = QListWidget(objectName="bookRunsList")
        for p in PRESETS:
            item = QListWidgetItem()
            item.setData(Qt.UserRole, p.key)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda item: self.load(item.data(Qt.UserRole)))
        self.load_button = QPushButton(objectName="bookLoadButton")
        self.load_button.clicked.connect(self._load_selected)
        self.watch = QLabel(objectName="bookWatchLabel", wordWrap=True)
        self.status = QLabel(objectName="bookStatusLabel", wordWrap=True)
        style.set_text_role(self.status, "hint")
        self.table = QTableWidget(0, 4, objectName="bookCheckTable")
        self.table.verticalHeader().setVisible(False)
        self.corner = self.table.findChild(QAbstractButton)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for c in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeToContents)

        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.watch)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.state.runEnded.connect(self._on_run_ended)
        self.state.runStarted.connect(self._show_status)
        self.state.settingsChanged.connect(self._show_status)
        self.state.readingsChanged.connect(self._show_status)
        self.state.phaseChanged.connect(self._sync_enabled)
        self._show_status()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the UI language: the runs' titles and what to watch, the table, the status line."""
        self.intro.setText(self.tr("The chapter's runs: choose one, then press Start (F5)."))
        self.list.setAccessibleName(self.tr("The book's runs"))
        for i in range(self.list.count()):
            item = self.list.item(i)
            p = BY_KEY[item.data(Qt.UserRole)]
            item.setText(self.tr("{title}   ({source})").format(title=_preset(p.title), source=_preset(p.source)))
            item.setToolTip(_preset(p.watch))
        self.load_button.setText(self.tr("Load this run"))
        self.load_button.setToolTip(self.tr("Fill every setting and the readings with this run of the book (undoable)"))
        self.watch.setAccessibleName(self.tr("What to watch"))
        self.table.setHorizontalHeaderLabels([self.tr("The book prints"), self.tr("Book"), self.tr("This run"), ""])
        self.table.setAccessibleName(self.tr("The book's numbers beside this run's"))
        self.table.horizontalHeader().setAccessibleName(
            self.tr("Columns: what, the book's number, this run's, agreement")
        )
        self.table.verticalHeader().setAccessibleName(self.tr("Printed numbers"))
        if self.corner is not None:
            self.corner.setAccessibleName(self.tr("Select the whole table"))
        self._show_watch()
        self._fill_table()
        self.status.setText(self._status())

    def _say(self, text) -> None:
        """The status line: `text()` in the UI language (again after a language change)."""
        self._status = text
        self.status.setText(text())

    def _show_watch(self) -> None:
        p = self.preset
        if p is None:
            self.watch.setText("")
        else:
            self.watch.setText(
                self.tr("<b>{title}</b> — {watch}").format(title=_preset(p.title), watch=_preset(p.watch))
            )

    # --- choosing a run ---------------------------------------------------------------------------------------------
    def _load_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.load(item.data(Qt.UserRole))

    def load(self, key: str) -> None:
        if self.state.busy:
            return
        preset = next(p for p in PRESETS if p.key == key)
        data = preset.dataset()
        self.preset = preset
        if self.state.dataset != data or self.w.data_panel.model.pending:
            self.w.data_panel.model.replace_dataset(data, "Load the book's readings")
        self.state.set_config(preset.config)
        self._show_watch()
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.UserRole) == key:
                self.list.setCurrentRow(i)
        self._rows = []
        self.table.setRowCount(0)
        self._show_status()
        self.w.notify(self.tr("Loaded: {title}. Press Start (F5) to run it.").format(title=_preset(preset.title)))

    def _matches(self) -> bool:
        """The window holds exactly the preset's settings and readings."""
        p = self.preset
        return p is not None and self.state.committed_config() == p.config and self.state.dataset == p.dataset()

    # --- after a run ------------------------------------------------------------------------------------------------
    @Slot()
    def _on_run_ended(self) -> None:
        run = self.state.last_run
        p = self.preset
        if p is None or run is None or run.outcome is None or run.history is None:
            self._show_status()
            return
        if run.config != p.config or run.data != p.dataset():
            self._show_status()
            return
        self._rows = rows = check(p, _Rows(run.history), run.outcome)
        self._fill_table()
        if rows:
            same = sum(1 for *_, equal in rows if equal)
            self._say(
                lambda: self.tr("{same} of {count} printed numbers agree with the book.").format(
                    same=same, count=len(rows)
                )
            )
        else:
            self._say(lambda: self.tr("The book prints no exact digits for this run: compare the curves' shape."))

    def _fill_table(self) -> None:
        """The book's numbers beside the last matching run's, with a tick where they agree."""
        p, rows = self.preset, self._rows
        self.table.setRowCount(len(rows))
        for i, (what, book, app, equal) in enumerate(rows):
            note = next((e.note for e in p.expect if e.what == what and e.note), "") if p is not None else ""
            for c, text in enumerate((_preset(what), book, app, "✓" if equal else "✗")):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setToolTip(
                        self.tr("Equal to the digits the book prints")
                        if equal
                        else self.tr("Differs from the book's printout")
                    )
                if note and c in (2, 3):
                    item.setToolTip(_preset(note))
                self.table.setItem(i, c, item)

    @Slot()
    def _show_status(self, *_args) -> None:
        if self.preset is None:
            self._say(lambda: "")
        elif not self._matches():
            self._say(lambda: self.tr("The settings or readings have changed since you loaded this run."))
            self._rows = []
            self.table.setRowCount(0)
        elif self.state.busy:
            self._say(lambda: self.tr("Running…"))
        elif self.table.rowCount() == 0:
            self._say(lambda: self.tr("Press Start (F5): the book's numbers will appear here beside this run's."))

    @Slot(str)
    def _sync_enabled(self, _phase: str = "") -> None:
        busy = self.state.busy
        self.load_button.setEnabled(not busy)
        self.list.setEnabled(not busy)
        for a in getattr(self.w, "book_actions", ()):
            a.setEnabled(not busy)


def build_book_menu(win, menu) -> None:
    """Book ▸ one entry per run of the chapter (the same as the Book tab's list), relabelled when the UI language
    changes."""
    win.book_actions = []
    for p in PRESETS:
        a = QAction(win)
        a.setObjectName("bookAction_" + p.key.replace("-", "_"))
        a.setData(p.key)
        a.triggered.connect(lambda _checked=False, key=p.key: _load_from_menu(win, key))
        menu.addAction(a)
        win.book_actions.append(a)
    _label_book_menu(win)
    win.book_menu_watcher = LanguageWatcher(menu, lambda: _label_book_menu(win))


def _label_book_menu(win) -> None:
    """The Book menu's entries in the UI language: each run's title, what to watch as its tooltip and status tip."""
    for a in win.book_actions:
        p = BY_KEY[a.data()]
        a.setText(_preset(p.title))
        a.setToolTip(_preset(p.watch))
        a.setStatusTip(_preset(p.watch))


def _load_from_menu(win, key: str) -> None:
    win.book_panel.load(key)
    win.tabs.setCurrentWidget(win.book_panel)
