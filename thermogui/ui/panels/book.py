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
from thermogui.core.presets import PRESETS, Preset, check
from thermogui.ui import style


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


class BookPanel(QWidget):
    """The Book tab: the runs, what to watch, and the book's numbers against this run's."""

    def __init__(self, window, parent=None):
        super().__init__(parent, objectName="bookPanel")
        self.w = window
        self.state = window.run_state
        self.preset: Preset | None = None
        self.list = QListWidget(objectName="bookRunsList")
        self.list.setAccessibleName("The book's runs")
        for p in PRESETS:
            item = QListWidgetItem("{}   ({})".format(p.title, p.source))
            item.setData(Qt.UserRole, p.key)
            item.setToolTip(p.watch)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda item: self.load(item.data(Qt.UserRole)))
        self.load_button = QPushButton("Load this run", objectName="bookLoadButton")
        self.load_button.setToolTip("Fill every setting and the readings with this run of the book (undoable)")
        self.load_button.clicked.connect(self._load_selected)
        self.watch = QLabel(objectName="bookWatchLabel", wordWrap=True)
        self.watch.setAccessibleName("What to watch")
        self.status = QLabel(objectName="bookStatusLabel", wordWrap=True)
        style.set_text_role(self.status, "hint")
        self.table = QTableWidget(0, 4, objectName="bookCheckTable")
        self.table.setHorizontalHeaderLabels(["The book prints", "Book", "This run", ""])
        self.table.setAccessibleName("The book's numbers beside this run's")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setAccessibleName("Columns: what, the book's number, this run's, agreement")
        self.table.verticalHeader().setAccessibleName("Printed numbers")
        corner = self.table.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName("Select the whole table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for c in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeToContents)

        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The chapter's runs: choose one, then press Start (F5)."))
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
        self.watch.setText("<b>{}</b> — {}".format(preset.title, preset.watch))
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.UserRole) == key:
                self.list.setCurrentRow(i)
        self.table.setRowCount(0)
        self._show_status()
        self.w.notify("Loaded: {}. Press Start (F5) to run it.".format(preset.title))

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
        rows = check(p, _Rows(run.history), run.outcome)
        self.table.setRowCount(len(rows))
        for i, (what, book, app, equal) in enumerate(rows):
            note = next((e.note for e in p.expect if e.what == what and e.note), "")
            for c, text in enumerate((what, book, app, "✓" if equal else "✗")):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setToolTip(
                        "Equal to the digits the book prints" if equal else "Differs from the book's printout"
                    )
                if note and c in (2, 3):
                    item.setToolTip(note)
                self.table.setItem(i, c, item)
        if rows:
            same = sum(1 for *_, equal in rows if equal)
            self.status.setText("{} of {} printed numbers agree with the book.".format(same, len(rows)))
        else:
            self.status.setText("The book prints no exact digits for this run: compare the curves' shape.")

    @Slot()
    def _show_status(self, *_args) -> None:
        if self.preset is None:
            self.status.setText("")
        elif not self._matches():
            self.status.setText("The settings or readings have changed since you loaded this run.")
            self.table.setRowCount(0)
        elif self.state.busy:
            self.status.setText("Running…")
        elif self.table.rowCount() == 0:
            self.status.setText("Press Start (F5): the book's numbers will appear here beside this run's.")

    @Slot(str)
    def _sync_enabled(self, _phase: str = "") -> None:
        busy = self.state.busy
        self.load_button.setEnabled(not busy)
        self.list.setEnabled(not busy)
        for a in getattr(self.w, "book_actions", ()):
            a.setEnabled(not busy)


def build_book_menu(win, menu) -> None:
    """Book ▸ one entry per run of the chapter (the same as the Book tab's list)."""
    win.book_actions = []
    for p in PRESETS:
        a = QAction(p.title, win)
        a.setObjectName("bookAction_" + p.key.replace("-", "_"))
        a.setToolTip(p.watch)
        a.setStatusTip(p.watch)
        a.triggered.connect(lambda _checked=False, key=p.key: _load_from_menu(win, key))
        menu.addAction(a)
        win.book_actions.append(a)


def _load_from_menu(win, key: str) -> None:
    win.book_panel.load(key)
    win.tabs.setCurrentWidget(win.book_panel)
