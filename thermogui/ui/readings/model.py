"""The readings as an editable Qt table model, with every edit an undoable command.

Columns: Use (check), t_u, t_c, Val (check: a validation reading); the vertical header numbers the rows.  Bad input
is refused by `setData` (returns False, the old value stays) and reported through `inputRejected` with a reason.

Below the readings the table may show *new rows* (pending rows): rows added to type into, with t_u and/or t_c still
empty.  They live here only: `dataset` stays the complete readings, so a new row counts nowhere (fit, least squares,
runs, files) until both of its values are typed; then it becomes the last reading.  Table row r is reading r for
r < len(dataset); the new rows follow.

Texts: the headers and tooltips are marked QT_TRANSLATE_NOOP("ReadingsModel", …) and shown in the UI language; a
refusal (`inputRejected`) and each undo command's text are core.tr.Text messages (English as a str), shown with
i18n.tr_text; `retranslate()` relabels the headers and the undo history after a language change.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette, QUndoCommand, QUndoStack

from thermogui.core.dataset import Dataset, parse_number
from thermogui.core.numbers import fmt_reading as fmt_value
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui import style
from thermogui.ui.i18n import Tr, marked, tr_text

USE, T_U, T_C, VAL = range(4)
CONTEXT = "ReadingsModel"  # the context of the texts marked here (the class's own, as self.tr uses)
HEADERS = (
    QT_TRANSLATE_NOOP("ReadingsModel", "Use"),
    QT_TRANSLATE_NOOP("ReadingsModel", "t_u (unknown)"),
    QT_TRANSLATE_NOOP("ReadingsModel", "t_c (°C)"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Val"),
)
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("ReadingsModel", "Include this reading in training"),
    QT_TRANSLATE_NOOP("ReadingsModel", "Reading of the thermometer with unknown units"),
    QT_TRANSLATE_NOOP("ReadingsModel", "The same temperature in degrees Celsius"),
    QT_TRANSLATE_NOOP(
        "ReadingsModel",
        "Validation reading: tick readings to choose the validation split yourself (the book prints its split: "
        "readings 3 and 11); untick all to use the seeded random share (Validation in the settings).",
    ),
)
CHECKS = (USE, VAL)  # the check box columns
FIELD = {T_U: "t_u", T_C: "t_c"}
HIGHLIGHT = QColor(255, 224, 178)  # light orange: rows the results panel marks as outliers
HIGHLIGHT_TEXT = QColor(32, 24, 16)  # 14:1 on the tint, in the light and the dark scheme alike
HIGHLIGHT_TIP = QT_TRANSLATE_NOOP("ReadingsModel", "Outlier: large residual")
VAL_TIP = QT_TRANSLATE_NOOP("ReadingsModel", "Validation reading: measured, not trained on")
VAL_EXCLUDED_TIP = QT_TRANSLATE_NOOP("ReadingsModel", "Marked as a validation reading, but excluded: not used at all")
VAL_ALPHA = 48  # the validation tint over the table's own background (light or dark)
PENDING_HEADER = QT_TRANSLATE_NOOP("ReadingsModel", "new")
PENDING_TIP = QT_TRANSLATE_NOOP(
    "ReadingsModel",
    "New row: type t_u and t_c. It is not a reading (not in the fit, not in a run) until both are filled in.",
)

Pending = tuple  # (t_u or None, t_c or None): a new row's typed values


class ReadingsModel(Tr, QAbstractTableModel):
    datasetChanged = Signal()  # after any change to the readings (edit, undo, load)
    pendingChanged = Signal()  # after a new (incomplete) row was added, filled in, completed or removed
    inputRejected = Signal(int, int, object)  # row, column, reason (a core.tr.Text: show it with i18n.tr_text)

    def __init__(self, data: Dataset | None = None, parent=None):
        super().__init__(parent)
        self._data = data if data is not None else Dataset.book()
        self._pending: tuple[Pending, ...] = ()
        self._read_only = False
        self._highlighted: set[int] = set()
        self._split = None  # the validation readings of the current settings (a mask), when the window says
        self._val_cache = (None, None, np.zeros(0, bool))  # (readings, split, mask)
        self.undo_stack = QUndoStack(self)

    # --- access -----------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        """The complete readings (new rows still being typed are not part of it)."""
        return self._data

    @property
    def pending(self) -> tuple[Pending, ...]:
        """The new rows below the readings, as (t_u or None, t_c or None)."""
        return self._pending

    def pending_rows(self) -> list[int]:
        """The table rows (0-based) of the new, incomplete rows."""
        n = len(self._data)
        return list(range(n, n + len(self._pending)))

    def is_pending(self, row: int) -> bool:
        return len(self._data) <= row < len(self._data) + len(self._pending)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_highlighted_rows(self, rows: list[int]) -> None:
        """Shade these rows (0-based) light orange with an "Outlier" tooltip; replaces the previous set.
        Cleared whenever the readings change."""
        new = {int(r) for r in rows if 0 <= int(r) < len(self._data)}
        changed = new ^ self._highlighted
        self._highlighted = new
        for row in sorted(changed):
            self.dataChanged.emit(
                self.index(row, 0), self.index(row, self.columnCount() - 1), [Qt.BackgroundRole, Qt.ToolTipRole]
            )

    def retranslate(self) -> None:
        """After a language change: the views fetch the headers again, and the undo history's texts are remade in
        the UI language (the data panel calls this from its own retranslate)."""
        self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)
        if self._pending:
            rows = self.pending_rows()
            self.headerDataChanged.emit(Qt.Vertical, rows[0], rows[-1])
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, _Change):
                command.retranslate()

    def highlighted_rows(self) -> list[int]:
        return sorted(self._highlighted)

    def set_validation_split(self, mask) -> None:
        """The readings the current settings hold out for validation (the marked ones, or the seeded random share),
        as a mask over the readings: they are tinted.  None: tint the marked ones."""
        old = self._validation()
        self._split = None if mask is None else np.asarray(mask, bool).copy()
        new = self._validation()
        if len(old) == len(new):
            changed = np.flatnonzero(old != new)
            if len(changed):  # one signal for the rows between the first and the last change (a 100k-row table)
                self.dataChanged.emit(
                    self.index(int(changed[0]), 0),
                    self.index(int(changed[-1]), self.columnCount() - 1),
                    [Qt.BackgroundRole, Qt.ToolTipRole],
                )

    def _validation(self) -> np.ndarray:
        """The tinted readings (a mask), computed once per readings and split: every painted cell asks."""
        d, split, mask = self._val_cache
        if d is not self._data or split is not self._split:
            d, split = self._data, self._split
            mask = split if split is not None and len(split) == len(d) else d.val & d.include
            self._val_cache = (d, split, mask)
        return mask

    def validation_rows(self) -> list[int]:
        """The readings tinted as validation readings (0-based)."""
        return np.flatnonzero(self._validation()).tolist()

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._data) + len(self._pending)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Vertical and self.is_pending(section):
            if role == Qt.DisplayRole:
                return marked(CONTEXT, PENDING_HEADER)
            if role == Qt.ToolTipRole:
                return marked(CONTEXT, PENDING_TIP)
            return None
        if role == Qt.DisplayRole:
            return marked(CONTEXT, HEADERS[section]) if orientation == Qt.Horizontal else str(section + 1)
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            return marked(CONTEXT, HEADER_TIPS[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self._read_only:
            return f
        if index.column() in CHECKS:
            return f if self.is_pending(index.row()) else f | Qt.ItemIsUserCheckable
        return f | Qt.ItemIsEditable

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row >= len(self._data):
            return self._pending_data(row - len(self._data), col, role)
        if row in self._highlighted:
            if role == Qt.BackgroundRole:
                return QBrush(HIGHLIGHT)
            if role == Qt.ForegroundRole and col not in CHECKS:  # dark text on the light tint, whatever the scheme
                return QBrush(HIGHLIGHT_TEXT)
            if role == Qt.ToolTipRole:
                return marked(CONTEXT, HIGHLIGHT_TIP)
        elif role in (Qt.BackgroundRole, Qt.ToolTipRole):
            return self._validation_data(row, role)
        if col in CHECKS:
            if role == Qt.CheckStateRole:
                on = (self._data.include if col == USE else self._data.val)[row]
                return Qt.Checked if on else Qt.Unchecked
            return None
        value = float((self._data.t_u if col == T_U else self._data.t_c)[row])
        if role in (Qt.DisplayRole, Qt.EditRole):
            return fmt_value(value)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and not self._data.include[row]:
            return QBrush(QColor(150, 150, 150))
        return None

    def _validation_data(self, row: int, role):
        """A validation reading: tinted (the palette's own text stays readable on it), with a tooltip."""
        if self._validation()[row]:
            if role == Qt.BackgroundRole:
                return QBrush(QColor(*style.VALIDATION, VAL_ALPHA))
            return marked(CONTEXT, VAL_TIP)
        if role == Qt.ToolTipRole and self._data.val[row] and not self._data.include[row]:
            return marked(CONTEXT, VAL_EXCLUDED_TIP)
        return None

    def _pending_data(self, k: int, col: int, role):
        """A new row: empty cells (or what was typed so far), tinted, with a tooltip saying what to do."""
        if k >= len(self._pending):
            return None
        if role == Qt.ToolTipRole:
            missing = [FIELD[c] for c in (T_U, T_C) if self._pending[k][c - 1] is None]
            empty = self.tr("t_u and t_c") if len(missing) == 2 else " and ".join(missing)
            return self.tr("{tip} Still empty: {cells}.").format(tip=marked(CONTEXT, PENDING_TIP), cells=empty)
        if role == Qt.BackgroundRole:
            tint = QColor(QGuiApplication.palette().color(QPalette.Active, QPalette.Highlight))
            tint.setAlpha(40)
            return QBrush(tint)
        if role == Qt.ForegroundRole:
            return QBrush(QGuiApplication.palette().color(QPalette.Disabled, QPalette.Text))
        if role == Qt.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if col in CHECKS:
            return None
        value = self._pending[k][col - 1]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return "" if value is None else fmt_value(value)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if not index.isValid() or self._read_only:
            return False
        row, col = index.row(), index.column()
        if row >= len(self._data):
            return self._set_pending(row, col, value, role)
        if col in CHECKS:
            if role != Qt.CheckStateRole:
                return False
            checked = value in (Qt.Checked, Qt.CheckState.Checked, 2, True)
            if col == VAL:
                if checked == bool(self._data.val[row]):
                    return True
                data = self._data.with_val(row, checked)
                text = msg(
                    QT_TRANSLATE_NOOP("ReadingsModel", "Mark reading {row} as validation")
                    if checked
                    else QT_TRANSLATE_NOOP("ReadingsModel", "Unmark reading {row} as validation"),
                    CONTEXT,
                    row=str(row + 1),
                )
            else:
                if checked == bool(self._data.include[row]):
                    return True
                data = self._data.with_include(row, checked)
                text = msg(
                    QT_TRANSLATE_NOOP("ReadingsModel", "Include row {row}")
                    if checked
                    else QT_TRANSLATE_NOOP("ReadingsModel", "Exclude row {row}"),
                    CONTEXT,
                    row=str(row + 1),
                )
            self.undo_stack.push(_Change(self, data, self._pending, text, ("cells", row, col)))
            return True
        if role != Qt.EditRole:
            return False
        try:
            number = parse_number(value)  # text over 64 characters is refused by its length, quoted short
        except ValueError as e:
            self.inputRejected.emit(
                row,
                col,
                msg(
                    QT_TRANSLATE_NOOP("ReadingsModel", "Row {row}, {column}: {reason}"),
                    CONTEXT,
                    row=str(row + 1),
                    column=FIELD[col],
                    reason=reason_of(e),
                ),
            )
            return False
        old = float((self._data.t_u if col == T_U else self._data.t_c)[row])
        if number == old:
            return True
        self.undo_stack.push(
            _Change(
                self,
                self._data.with_value(row, FIELD[col], number),
                self._pending,
                msg(
                    QT_TRANSLATE_NOOP("ReadingsModel", "Set {column} in row {row} to {value}"),
                    CONTEXT,
                    column=FIELD[col],
                    row=str(row + 1),
                    value=fmt_value(number),
                ),
                ("cells", row, col),
            )
        )
        return True

    def _set_pending(self, row: int, col: int, value, role) -> bool:
        """Type into a new row.  Empty text empties the cell; once both cells hold numbers the row becomes the last
        reading (one undoable step each)."""
        if col in CHECKS or role != Qt.EditRole:
            return False
        n, k = len(self._data), row - len(self._data)
        old = self._pending[k]
        if value is None or (isinstance(value, str) and not value.strip()):
            number = None
        else:
            try:
                number = parse_number(value)
            except ValueError as e:
                self.inputRejected.emit(
                    row,
                    col,
                    msg(
                        QT_TRANSLATE_NOOP("ReadingsModel", "Row {row} (new), {column}: {reason}"),
                        CONTEXT,
                        row=str(row + 1),
                        column=FIELD[col],
                        reason=reason_of(e),
                    ),
                )
                return False
        if number == old[col - 1]:
            return True
        new = (number, old[1]) if col == T_U else (old[0], number)
        rest = self._pending[:k] + self._pending[k + 1 :]
        if new[0] is not None and new[1] is not None:
            data = self._data.inserted(n, [new[0]], [new[1]])
            text = msg(
                QT_TRANSLATE_NOOP("ReadingsModel", "Add reading {row} ({t_u}, {t_c})"),
                CONTEXT,
                row=str(n + 1),
                t_u=fmt_value(new[0]),
                t_c=fmt_value(new[1]),
            )
            self.undo_stack.push(_Change(self, data, rest, text, ("move", row, n), ("move", n, row)))
        else:
            pending = self._pending[:k] + (new,) + self._pending[k + 1 :]
            if number is None:
                text = msg(QT_TRANSLATE_NOOP("ReadingsModel", "Clear new row {row}"), CONTEXT, row=str(row + 1))
            else:
                text = msg(
                    QT_TRANSLATE_NOOP("ReadingsModel", "Set {column} to {value} in new row {row}"),
                    CONTEXT,
                    column=FIELD[col],
                    value=fmt_value(number),
                    row=str(row + 1),
                )
            self.undo_stack.push(_Change(self, self._data, pending, text, ("cells", row, col)))
        return True

    # --- edits as undoable commands ------------------------------------------------------------
    def add_pending_row(self) -> int:
        """Add an empty new row below the others (undoable); returns its table row."""
        row = self.rowCount()
        self.undo_stack.push(
            _Change(
                self,
                self._data,
                self._pending + ((None, None),),
                msg(QT_TRANSLATE_NOOP("ReadingsModel", "Add new row {row}"), CONTEXT, row=str(row + 1)),
                ("insert", row, 1),
                ("remove", row, 1),
            )
        )
        return row

    def insert_rows(self, row: int, t_u, t_c, text: str | None = None, include=None, val=None) -> None:
        """Insert readings at `row` (validation marks: `val`, default none); the readings below keep theirs.  `text`
        names the step in the undo history (a core.tr.Text follows the UI language)."""
        t_u = list(t_u)
        row = min(row, len(self._data))  # readings go above the new rows
        if not text:
            if len(t_u) == 1:
                text = msg(QT_TRANSLATE_NOOP("ReadingsModel", "Add row {row}"), CONTEXT, row=str(row + 1))
            else:
                text = msg(QT_TRANSLATE_NOOP("ReadingsModel", "Add {count} rows"), CONTEXT, count=str(len(t_u)))
        data = self._data.inserted(
            row, t_u, list(t_c), None if include is None else list(include), None if val is None else list(val)
        )
        self.undo_stack.push(
            _Change(self, data, self._pending, text, ("insert", row, len(t_u)), ("remove", row, len(t_u)))
        )

    def remove_rows(self, rows) -> None:
        """Delete these table rows: readings and new rows alike."""
        n = len(self._data)
        rows = sorted({int(r) for r in rows if 0 <= int(r) < self.rowCount()})
        if not rows:
            return
        readings = [r for r in rows if r < n]
        pending = tuple(p for k, p in enumerate(self._pending) if n + k not in rows)
        if len(rows) == 1:
            text = msg(QT_TRANSLATE_NOOP("ReadingsModel", "Delete row {row}"), CONTEXT, row=str(rows[0] + 1))
        else:
            text = msg(QT_TRANSLATE_NOOP("ReadingsModel", "Delete {count} rows"), CONTEXT, count=str(len(rows)))
        data = self._data.removed(readings) if readings else self._data
        one = ("remove", rows[0], 1) if len(rows) == 1 else None
        self.undo_stack.push(_Change(self, data, pending, text, one, one and ("insert", rows[0], 1)))

    def set_values(self, cells: list[tuple[int, int, float]], text: str) -> None:
        data = self._data
        for row, col, v in cells:
            data = data.with_value(row, FIELD[col], v)
        self.undo_stack.push(_Change(self, data, self._pending, text))

    def replace_dataset(self, data: Dataset, text: str | None = None) -> None:
        """Replace the readings (undoable); `text` names the step (a core.tr.Text follows the UI language)."""
        text = text or msg(QT_TRANSLATE_NOOP("ReadingsModel", "Replace data"), CONTEXT)
        self.undo_stack.push(_Change(self, data, self._pending, text))

    def reset_dataset(self, data: Dataset) -> None:
        """Load new data that cannot be undone (a file opened): clears the undo history and any new rows."""
        self._apply(data, ())
        self.undo_stack.clear()

    def _apply(self, data: Dataset, pending: tuple, hint=None) -> None:
        """Make (data, pending) the model's state, telling the views as precisely as the hint allows:
        ("cells", row, col), ("insert" | "remove", row, count), ("move", from_row, to_row) or None (reset)."""
        data_changed, pending_changed = data is not self._data, pending != self._pending
        if data_changed:
            self.set_highlighted_rows([])  # the residuals belonged to the old readings
        kind = hint[0] if hint else None
        if kind == "cells":
            row, col = hint[1], hint[2]
            self._data, self._pending = data, pending
            i = self.index(row, col)
            self.dataChanged.emit(i, i)
            if col in CHECKS:  # the row greys out, or is tinted as a validation reading
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif kind == "insert":
            self.beginInsertRows(QModelIndex(), hint[1], hint[1] + hint[2] - 1)
            self._data, self._pending = data, pending
            self.endInsertRows()
        elif kind == "remove":
            self.beginRemoveRows(QModelIndex(), hint[1], hint[1] + hint[2] - 1)
            self._data, self._pending = data, pending
            self.endRemoveRows()
        elif kind == "move":  # a new row became a reading (or back): one row moves, the count stays
            src, dst = hint[1], hint[2]
            moving = src != dst and self.beginMoveRows(
                QModelIndex(), src, src, QModelIndex(), dst + 1 if dst > src else dst
            )
            self._data, self._pending = data, pending
            if moving:
                self.endMoveRows()
            lo, hi = min(src, dst), max(src, dst)
            self.dataChanged.emit(self.index(lo, 0), self.index(hi, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Vertical, lo, hi)
        else:
            self.beginResetModel()
            self._data, self._pending = data, pending
            self.endResetModel()
        if data_changed:
            self.datasetChanged.emit()
        if pending_changed:
            self.pendingChanged.emit()


def reason_of(error: BaseException) -> str:
    """An exception's message as it was built (a core.tr.Text when the core made it), else str(error)."""
    text = getattr(error, "text", None)
    return text if isinstance(text, str) else str(error)


class _Change(QUndoCommand):
    """Swap the whole (immutable) readings and new rows; undo swaps them back.  Hints keep the views' signals
    precise (see ReadingsModel._apply); the undo hint defaults to the redo hint.  Its text (the undo history's) is
    `message` in the UI language: English as given, a core.tr.Text translated (again after a language change)."""

    def __init__(self, model: ReadingsModel, data: Dataset, pending: tuple, text: str, hint=None, undo_hint=None):
        super().__init__(tr_text(text))
        self.message = text
        self._model = model
        self._old = (model.dataset, model.pending)
        self._new = (data, pending)
        self._hint = hint
        self._undo_hint = undo_hint if undo_hint is not None else (hint if hint and hint[0] == "cells" else None)

    def retranslate(self) -> None:
        self.setText(tr_text(self.message))

    def redo(self) -> None:
        self._model._apply(*self._new, self._hint)

    def undo(self) -> None:
        self._model._apply(*self._old, self._undo_hint)
