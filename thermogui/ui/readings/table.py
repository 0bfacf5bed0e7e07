"""The data panel: the readings table with add / delete / copy / paste / undo, and a line that says why input was
refused.  Every text is in the UI language (`DataPanel.retranslate`); a refusal is kept as a core.tr.Text and shown
again in the new language after a switch."""

from __future__ import annotations

import re

import shiboken6
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
from thermogui.core.dataset import DataError, parse_number, problem_list
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating, tr_text
from thermogui.ui.readings.model import T_C, T_U, USE, VAL, ReadingsModel, fmt_value, reason_of

MNEMONIC = re.compile(r"&&|\(&\w\)|&")  # "&&" (a literal &), a translation's "실행 취소(&U)", "&Undo"


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


def plain_text(text: str) -> str:
    """An action's text without its mnemonic: "&Undo" → "Undo", "실행 취소(&U)" → "실행 취소"."""
    return MNEMONIC.sub(lambda m: "&" if m.group() == "&&" else "", text)


class _ShortButton(QToolButton):
    """A button for an undo/redo action with a fixed short label ("Undo"), so the panel never widens; the action's
    full text ("Undo Set t_c in row 1 to 36.5") is its tooltip and accessible description.  (A QObject slot, not a
    closure: Qt disconnects it when the button goes, so a later change of the action never reaches a dead button.)"""

    def __init__(self, action: QAction, name: str, label: str):
        super().__init__(objectName=name)
        self._action = action
        self.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.set_label(label)
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    def set_label(self, label: str) -> None:
        self.setText(label)
        self.setAccessibleName(label)

    @Slot()
    def _sync(self) -> None:
        action = getattr(self, "_action", None)
        if action is None:  # (a change of the action while the window is being torn down reaches a bare wrapper)
            return
        full = plain_text(action.text())
        keys = action.shortcut().toString(QKeySequence.NativeText)
        self.setEnabled(action.isEnabled())
        self.setToolTip(f"{full} ({keys})" if keys else full)
        self.setAccessibleDescription(full)


def _short_button(action: QAction, name: str, label: str) -> QToolButton:
    return _ShortButton(action, name, label)


class DataPanel(Retranslating, QWidget):
    """Its texts are set in `retranslate()`, in the UI language (again on QEvent.LanguageChange)."""

    def __init__(self, model: ReadingsModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._error = None  # the message under the table (a core.tr.Text), remade on a language change
        self.view = QTableView(objectName="dataTable")
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

        self.lock_label = QLabel(objectName="dataLockedLabel", wordWrap=True)
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

        # Undo and redo follow the stack (as QUndoStack.createUndoAction's would) with a text this panel makes, so it
        # relabels on a language change.  Each key once (see shortcuts()): Ctrl+Shift+Z and Ctrl+Y both redo.
        stack = model.undo_stack
        self.undo_action = QAction(self, enabled=stack.canUndo())
        self.undo_action.setShortcuts(shortcuts("Ctrl+Z", QKeySequence.Undo))
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = QAction(self, enabled=stack.canRedo())
        self.redo_action.setShortcuts(shortcuts("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.Redo))
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._sync_undo_texts)
        stack.redoTextChanged.connect(self._sync_undo_texts)
        self.add_action = self._action("Insert", self.add_row)
        self.delete_action = self._action("Delete", self.delete_rows)
        self.copy_action = self._action(QKeySequence.Copy, self.copy)
        self.paste_action = self._action(QKeySequence.Paste, self.paste)
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(a)

        buttons = QHBoxLayout()
        for action, name in ((self.add_action, "addRowButton"), (self.delete_action, "deleteRowsButton")):
            b = QToolButton(objectName=name)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonTextOnly)
            buttons.addWidget(b)
        self.undo_button = _short_button(self.undo_action, "undoButton", "")
        self.redo_button = _short_button(self.redo_action, "redoButton", "")
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
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
        self.retranslate()  # every text (and the pending rows' note, the count)

    def retranslate(self) -> None:
        """Every text of the panel in the UI language: at start and on QEvent.LanguageChange (the headers and the
        undo history too, through the model)."""
        self.view.setAccessibleName(self.tr("Readings"))
        self.view.setAccessibleDescription(
            self.tr(
                "One reading per row: whether it is used, t_u (the unknown thermometer), t_c (°C) and whether it is a "
                "validation reading (measured, not trained on)."
            )
        )
        self.view.horizontalHeader().setAccessibleName(self.tr("Reading columns"))
        self.view.verticalHeader().setAccessibleName(self.tr("Reading numbers"))
        corner = self.view.findChild(QAbstractButton)  # the table's corner button selects every reading
        if corner is not None:
            corner.setAccessibleName(self.tr("Select all readings"))
        self.view.setToolTip(
            self.tr(
                "Double-click or type to edit a reading; arrow keys move between cells, Tab leaves the "
                "table. Insert adds an empty row, Delete removes the selected rows, Ctrl+V pastes rows "
                "from a spreadsheet."
            )
        )
        self.lock_label.setText(self.tr("The data is locked while a run is in progress — Stop or Reset to edit it."))
        self._label_action(
            self.add_action,
            self.tr("&Add row"),
            self.tr("Add an empty row to type a reading into (it counts once t_u and t_c are in)"),
        )
        self._label_action(self.delete_action, self.tr("&Delete rows"), self.tr("Delete the selected rows"))
        self._label_action(self.copy_action, self.tr("&Copy"), self.tr("Copy the selected rows as text"))
        self._label_action(
            self.paste_action, self.tr("&Paste"), self.tr("Paste rows (t_u, t_c) from a spreadsheet or text")
        )
        self.undo_button.set_label(self.tr("Undo"))
        self.redo_button.set_label(self.tr("Redo"))
        self.model.retranslate()
        self._sync_undo_texts()
        self._on_pending_changed()
        if self._error is not None and not self.message.isHidden():
            self.message.setText("⚠ " + tr_text(self._error))

    def _action(self, shortcut, slot) -> QAction:
        """An action of the panel (its text and tips: `_label_action`, from retranslate)."""
        a = QAction(self)
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    @staticmethod
    def _label_action(a: QAction, text: str, tip: str) -> None:
        a.setText(text)
        a.setStatusTip(tip)
        a.setToolTip(f"{tip} ({a.shortcut().toString(QKeySequence.NativeText)})")

    @Slot()
    def _sync_undo_texts(self, *_) -> None:
        """The undo and redo actions' texts: "&Undo Set t_u in row 3 to 59.75" (the step's text as the undo history
        holds it, in the UI language)."""
        stack = self.model.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self.undo_action):
            return  # (the window is closing: the undo history went first)
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(self.tr("&Undo {action}").format(action=undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {action}").format(action=redo) if redo else self.tr("&Redo"))

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
        """Say under the table (and in the status bar) why input was refused; a core.tr.Text is shown in the UI
        language, and again in the new one after a language change."""
        self._error = text
        shown = tr_text(text)
        self.message.setText("⚠ " + shown)
        self.message.show()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(shown, 10000)

    def clear_error(self) -> None:
        self._error = None
        self.message.hide()

    @Slot(int, int, object)
    def _on_input_rejected(self, row: int, col: int, reason: str) -> None:
        self.show_error(
            msg(QT_TRANSLATE_NOOP("DataPanel", "{reason} — the old value was kept."), "DataPanel", reason=reason)
        )
        rect = self.view.visualRect(self.model.index(row, col))
        QToolTip.showText(self.view.viewport().mapToGlobal(rect.bottomLeft()), tr_text(reason), self.view)

    @Slot()
    def _on_dataset_changed(self) -> None:
        self.clear_error()
        self._update_count()

    @Slot()
    def _on_pending_changed(self) -> None:
        """New rows are left out of everything until complete: say so under the table while there are any."""
        rows = [r + 1 for r in self.model.pending_rows()]
        if len(rows) == 1:
            self.pending_label.setText(
                self.tr(
                    "Row {row} is not complete yet: type t_u and t_c. Until both are filled in, the fit, the "
                    "least-squares line and any run leave it out."
                ).format(row=rows[0])
            )
        elif rows:
            self.pending_label.setText(
                self.tr(
                    "Rows {rows} and {last} are not complete yet: type t_u and t_c. Until both are filled in, the "
                    "fit, the least-squares line and any run leave them out."
                ).format(rows=", ".join(map(str, rows[:-1])), last=rows[-1])
            )
        self.pending_label.setVisible(bool(rows))
        self._update_count()

    def _update_count(self) -> None:
        d = self.model.dataset
        n, used, new = len(d), d.n_active, len(self.model.pending)
        text = self.tr("%n readings", "", n)
        if used != n:
            text = self.tr("{readings}, {used} used").format(readings=text, used=used)
        if new:
            text = self.tr("{readings} + {new} incomplete").format(readings=text, new=new)
        self.count_label.setText(text)

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
            self.show_error(
                msg(
                    QT_TRANSLATE_NOOP(
                        "DataPanel", "The clipboard is empty: copy two columns (t_u, t_c) from a spreadsheet first."
                    ),
                    "DataPanel",
                )
            )
            return
        cur = self.view.currentIndex()
        single = text.strip()
        if is_single_value(single):
            self._paste_single(single, cur)
            return
        try:
            pasted = parse_csv_text(text)
        except DataError as e:
            more = len(e.problems) - 3
            self.show_error(
                msg(
                    QT_TRANSLATE_NOOP("DataPanel", "Nothing was pasted. {problems}{more}"),
                    "DataPanel",
                    problems=problem_list(e.problems[:3], 3),
                    more=msg(QT_TRANSLATE_NOOP("DataPanel", " (and {count} more)"), "DataPanel", count=str(more))
                    if more > 0
                    else "",
                )
            )
            return
        n = len(self.model.dataset)
        row = min(cur.row() + 1, n) if cur.isValid() else n  # readings go above any new, incomplete rows
        self.model.insert_rows(
            row,
            pasted.t_u.tolist(),
            pasted.t_c.tolist(),
            text=msg(
                QT_TRANSLATE_NOOP("DataPanel", "Paste {count} row")
                if len(pasted) == 1
                else QT_TRANSLATE_NOOP("DataPanel", "Paste {count} rows"),
                "DataPanel",
                count=str(len(pasted)),
            ),
            include=pasted.include.tolist(),
            val=pasted.val.tolist(),  # (none marked: a pasted reading is trained on until ticked)
        )
        sel = self.view.selectionModel()
        sel.select(self.model.index(row, USE), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        sel.select(self.model.index(row + len(pasted) - 1, VAL), QItemSelectionModel.Select | QItemSelectionModel.Rows)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("Pasted {count} readings at row {row}.").format(count=len(pasted), row=row + 1), 5000
            )

    def _paste_single(self, text: str, cur) -> None:
        """One value into the current cell, by the cell's rules (parse_number: a 10 MB number is refused by its
        length, with a short message).  A value in CSV quotes ("35,7") is unquoted first."""
        if not cur.isValid() or cur.column() not in (T_U, T_C):
            self.show_error(
                msg(
                    QT_TRANSLATE_NOOP("DataPanel", "Select a t_u or t_c cell to paste a single value into."),
                    "DataPanel",
                )
            )
            return
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1].replace('""', '"')
        try:
            parse_number(text)
        except ValueError as e:
            self.model.inputRejected.emit(
                cur.row(),
                cur.column(),
                msg(
                    QT_TRANSLATE_NOOP("DataPanel", "Row {row}: {reason}"),
                    "DataPanel",
                    row=str(cur.row() + 1),
                    reason=reason_of(e),
                ),
            )
            return
        self.model.setData(cur, text)
