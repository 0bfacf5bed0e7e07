"""The data panel: the readings table with add / delete / copy / paste / undo, and a line that says why input was
refused."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.csvio import parse_csv_text
from thermogui.core.dataset import DataError, parse_number
from thermogui.ui import style
from thermogui.ui.readings.model import T_C, T_U, USE, VAL, ReadingsModel, fmt_value


def shortcuts(*keys) -> list[QKeySequence]:
    """Key sequences from strings and standard keys (a standard key brings all of the platform's bindings), each key
    once: the same key twice on one action (or on two) makes Qt refuse it as an "ambiguous shortcut overload"."""
    out: list[QKeySequence] = []
    for key in keys:
        seqs = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        out += [s for s in seqs if not s.isEmpty() and s not in out]
    return out


def is_single_value(text: str) -> bool:
    """Whether pasted text (stripped) is one value for the current cell rather than rows: one line, no tab or
    semicolon, at most one comma (a decimal comma: "35,7")."""
    return "\n" not in text and "\r" not in text and "\t" not in text and ";" not in text and text.count(",") <= 1


class _ShortButton(QToolButton):
    """A button for an undo/redo action with a fixed short label ("Undo"), so the panel never widens; the action's
    full text ("Undo Set t_c in row 1 to 36.5") is its tooltip and accessible description.  (A QObject slot, not a
    closure: Qt disconnects it when the button goes, so a later change of the action never reaches a dead button.)"""

    def __init__(self, action: QAction, name: str, label: str):
        super().__init__(objectName=name, text=label)
        self._action = action
        self.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.setAccessibleName(label)
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    @Slot()
    def _sync(self) -> None:
        action = self._action
        full = action.text().replace("&", "")
        keys = action.shortcut().toString(QKeySequence.NativeText)
        self.setEnabled(action.isEnabled())
        self.setToolTip(f"{full} ({keys})" if keys else full)
        self.setAccessibleDescription(full)


def _short_button(action: QAction, name: str, label: str) -> QToolButton:
    return _ShortButton(action, name, label)


class DataPanel(QWidget):
    def __init__(self, model: ReadingsModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.view = QTableView(objectName="dataTable")
        self.view.setAccessibleName("Readings")
        self.view.setAccessibleDescription(
            "One reading per row: whether it is used, t_u (the unknown thermometer), t_c (°C) and whether it is a "
            "validation reading (measured, not trained on)."
        )
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.view.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        # Tab / Shift+Tab leave the table for the next / previous widget (arrows move between cells; F2 or typing
        # edits): with Qt's default the table keeps Tab to itself and the keyboard can never get out.
        self.view.setTabKeyNavigation(False)
        self.view.installEventFilter(self)  # Ctrl+Tab leaves too (Qt's way out of widgets that keep Tab)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)  # constant-time for 100k rows
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(USE, QHeaderView.ResizeToContents)
        hh.setSectionResizeMode(VAL, QHeaderView.ResizeToContents)
        hh.setResizeContentsPrecision(0)  # measure the visible rows only: a 100k-row file opens fast
        hh.setSectionResizeMode(T_U, QHeaderView.Stretch)
        hh.setSectionResizeMode(T_C, QHeaderView.Stretch)
        hh.setAccessibleName("Reading columns")
        self.view.verticalHeader().setAccessibleName("Reading numbers")
        corner = self.view.findChild(QAbstractButton)  # the table's corner button selects every reading
        if corner is not None:
            corner.setAccessibleName("Select all readings")
        self.view.setToolTip(
            "Double-click or type to edit a reading; arrow keys move between cells, Tab leaves the "
            "table. Insert adds an empty row, Delete removes the selected rows, Ctrl+V pastes rows "
            "from a spreadsheet."
        )

        self.lock_label = QLabel(
            "The data is locked while a run is in progress — Stop or Reset to edit it.",
            objectName="dataLockedLabel",
            wordWrap=True,
        )
        style.set_text_role(self.lock_label, "warning")
        policy = self.lock_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its line stays reserved: the table never jumps when a run starts
        self.lock_label.setSizePolicy(policy)
        self.lock_label.hide()
        self.message = QLabel(objectName="dataMessageLabel", wordWrap=True)
        style.set_text_role(self.message, "error")
        self.message.hide()
        self.pending_label = QLabel(objectName="dataPendingLabel", wordWrap=True)
        self.pending_label.setForegroundRole(QPalette.PlaceholderText)
        self.pending_label.hide()
        self.count_label = QLabel(objectName="dataCountLabel")

        # Each key once (see shortcuts()): Ctrl+Shift+Z and Ctrl+Y both redo on every platform.
        self.undo_action = model.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(shortcuts("Ctrl+Z", QKeySequence.Undo))
        self.redo_action = model.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(shortcuts("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.Redo))
        self.add_action = self._action(
            "&Add row",
            "Insert",
            self.add_row,
            "Add an empty row to type a reading into (it counts once t_u and t_c are in)",
        )
        self.delete_action = self._action("&Delete rows", "Delete", self.delete_rows, "Delete the selected rows")
        self.copy_action = self._action("&Copy", QKeySequence.Copy, self.copy, "Copy the selected rows as text")
        self.paste_action = self._action(
            "&Paste", QKeySequence.Paste, self.paste, "Paste rows (t_u, t_c) from a spreadsheet or text"
        )
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(a)

        buttons = QHBoxLayout()
        for action, name in ((self.add_action, "addRowButton"), (self.delete_action, "deleteRowsButton")):
            b = QToolButton(objectName=name)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonTextOnly)
            buttons.addWidget(b)
        for action, name, label in ((self.undo_action, "undoButton", "Undo"), (self.redo_action, "redoButton", "Redo")):
            buttons.addWidget(_short_button(action, name, label))
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.lock_label)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.pending_label)
        lay.addWidget(self.message)

        model.inputRejected.connect(self._on_input_rejected)
        model.datasetChanged.connect(self._on_dataset_changed)
        model.pendingChanged.connect(self._on_pending_changed)
        self._on_dataset_changed()
        self._on_pending_changed()

    def _action(self, text, shortcut, slot, tip) -> QAction:
        a = QAction(text, self)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        a.setStatusTip(tip)
        a.setToolTip(f"{tip} ({a.shortcut().toString(QKeySequence.NativeText)})")
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def eventFilter(self, obj, event) -> bool:
        if (
            obj is self.view
            and event.type() == QEvent.KeyPress
            and event.modifiers() & Qt.ControlModifier
            and event.key() in (Qt.Key_Tab, Qt.Key_Backtab)
        ):
            forward = event.key() == Qt.Key_Tab and not event.modifiers() & Qt.ShiftModifier
            return self.view.focusNextPrevChild(forward)
        return super().eventFilter(obj, event)

    # --- state ----------------------------------------------------------------------------
    def commit_edit(self) -> bool:
        """Commit a cell that is still being typed into, as Enter would (before Start, Save or closing).  False when
        its text was refused (the reason is shown under the table and the old value stays)."""
        view = self.view
        if view.state() != QAbstractItemView.EditingState:
            return True
        editor = QApplication.focusWidget()
        if editor is None or not view.isAncestorOf(editor):
            return True
        refused = []

        def note(*why):  # (a direct call in this thread, during commitData)
            refused.append(why)

        self.model.inputRejected.connect(note)
        try:
            view.commitData(editor)
        finally:
            self.model.inputRejected.disconnect(note)
        view.closeEditor(editor, QAbstractItemDelegate.NoHint)
        return not refused

    def set_locked(self, locked: bool) -> None:
        """Read-only while a run is in progress (the run trains on the data it started with)."""
        self.model.set_read_only(locked)
        self.lock_label.setVisible(locked)
        for a in (self.add_action, self.delete_action, self.paste_action, self.undo_action, self.redo_action):
            a.setEnabled(not locked and (a not in (self.undo_action, self.redo_action) or self._can(a)))
        self.view.viewport().update()

    def _can(self, action) -> bool:
        stack = self.model.undo_stack
        return stack.canUndo() if action is self.undo_action else stack.canRedo()

    def show_error(self, text: str) -> None:
        self.message.setText("⚠ " + text)
        self.message.show()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    def clear_error(self) -> None:
        self.message.hide()

    @Slot(int, int, str)
    def _on_input_rejected(self, row: int, col: int, reason: str) -> None:
        self.show_error(reason + " — the old value was kept.")
        rect = self.view.visualRect(self.model.index(row, col))
        QToolTip.showText(self.view.viewport().mapToGlobal(rect.bottomLeft()), reason, self.view)

    @Slot()
    def _on_dataset_changed(self) -> None:
        self.clear_error()
        self._update_count()

    @Slot()
    def _on_pending_changed(self) -> None:
        """New rows are left out of everything until complete: say so under the table while there are any."""
        rows = [r + 1 for r in self.model.pending_rows()]
        if rows:
            which = (
                f"Row {rows[0]} is" if len(rows) == 1 else f"Rows {', '.join(map(str, rows[:-1]))} and {rows[-1]} are"
            )
            self.pending_label.setText(
                f"{which} not complete yet: type t_u and t_c. Until both are filled in, the "
                "fit, the least-squares line and any run leave "
                f"{'it' if len(rows) == 1 else 'them'} out."
            )
        self.pending_label.setVisible(bool(rows))
        self._update_count()

    def _update_count(self) -> None:
        d = self.model.dataset
        n, used, new = len(d), d.n_active, len(self.model.pending)
        self.count_label.setText(
            f"{n} readings" + (f", {used} used" if used != n else "") + (f" + {new} incomplete" if new else "")
        )

    # --- editing actions ---------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        sel = self.view.selectionModel()
        rows = {i.row() for i in sel.selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    @Slot()
    def add_row(self) -> None:
        """An empty row at the bottom, opened for typing t_u (Tab or Right then t_c).  It becomes a reading once both
        values are in; until then it counts nowhere."""
        if self.model.read_only:
            return
        row = self.model.add_pending_row()
        index = self.model.index(row, T_U)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)

    @Slot()
    def delete_rows(self) -> None:
        if self.model.read_only:
            return
        rows = self.selected_rows()
        if rows:
            first = rows[0]
            self.model.remove_rows(rows)
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(min(first, self.model.rowCount() - 1), T_U))

    @Slot()
    def copy(self) -> None:
        d = self.model.dataset
        rows = [r for r in self.selected_rows() if r < len(d)]  # new, incomplete rows are not readings yet
        text = "".join(f"{fmt_value(d.t_u[r])}\t{fmt_value(d.t_c[r])}\n" for r in rows)
        QGuiApplication.clipboard().setText(text)

    @Slot()
    def paste(self) -> None:
        if self.model.read_only:
            return
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error("The clipboard is empty: copy two columns (t_u, t_c) from a spreadsheet first.")
            return
        cur = self.view.currentIndex()
        single = text.strip()
        if is_single_value(single):
            self._paste_single(single, cur)
            return
        try:
            pasted = parse_csv_text(text)
        except DataError as e:
            lines = "; ".join(f"line {n}: {why}" if n else why for n, why in e.problems[:3])
            more = f" (and {len(e.problems) - 3} more)" if len(e.problems) > 3 else ""
            self.show_error(f"Nothing was pasted. {lines}{more}")
            return
        n = len(self.model.dataset)
        row = min(cur.row() + 1, n) if cur.isValid() else n  # readings go above any new, incomplete rows
        self.model.insert_rows(
            row,
            pasted.t_u.tolist(),
            pasted.t_c.tolist(),
            text=f"Paste {len(pasted)} row{'s' if len(pasted) != 1 else ''}",
            include=pasted.include.tolist(),
            val=pasted.val.tolist(),  # (none marked: a pasted reading is trained on until ticked)
        )
        sel = self.view.selectionModel()
        sel.select(self.model.index(row, USE), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        sel.select(self.model.index(row + len(pasted) - 1, VAL), QItemSelectionModel.Select | QItemSelectionModel.Rows)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Pasted {len(pasted)} readings at row {row + 1}.", 5000)

    def _paste_single(self, text: str, cur) -> None:
        """One value into the current cell, by the cell's rules (parse_number: a 10 MB number is refused by its
        length, with a short message).  A value in CSV quotes ("35,7") is unquoted first."""
        if not cur.isValid() or cur.column() not in (T_U, T_C):
            self.show_error("Select a t_u or t_c cell to paste a single value into.")
            return
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1].replace('""', '"')
        try:
            parse_number(text)
        except ValueError as e:
            self.model.inputRejected.emit(cur.row(), cur.column(), f"Row {cur.row() + 1}: {e}")
            return
        self.model.setData(cur, text)
