"""The readings as an editable Qt table model, with every edit an undoable command.

Columns: Use (check), t_u, t_c; the vertical header numbers the rows.  Bad input is refused by `setData`
(returns False, the old value stays) and reported through `inputRejected` with a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from ..core.dataset import Dataset, parse_number

USE, T_U, T_C = range(3)
HEADERS = ("Use", "t_u (unknown)", "t_c (°C)")
FIELD = {T_U: "t_u", T_C: "t_c"}
HIGHLIGHT = QColor(255, 224, 178)  # light orange: rows the results panel marks as outliers
HIGHLIGHT_TIP = "Outlier: large residual"


def fmt_value(v: float) -> str:
    return format(v, ".10g")


class ReadingsModel(QAbstractTableModel):
    datasetChanged = Signal()  # after any change to the readings (edit, undo, load)
    inputRejected = Signal(int, int, str)  # row, column, reason

    def __init__(self, data: Dataset | None = None, parent=None):
        super().__init__(parent)
        self._data = data if data is not None else Dataset.book()
        self._read_only = False
        self._highlighted: set[int] = set()
        self.undo_stack = QUndoStack(self)

    # --- access -----------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self._data

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
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1),
                                  [Qt.BackgroundRole, Qt.ToolTipRole])

    def highlighted_rows(self) -> list[int]:
        return sorted(self._highlighted)

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._data)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            return HEADERS[section] if orientation == Qt.Horizontal else str(section + 1)
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            return (
                "Include this reading in training",
                "Reading of the thermometer with unknown units",
                "The same temperature in degrees Celsius",
            )[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        f = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self._read_only:
            return f
        return f | (Qt.ItemIsUserCheckable if index.column() == USE else Qt.ItemIsEditable)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row in self._highlighted:
            if role == Qt.BackgroundRole:
                return QBrush(HIGHLIGHT)
            if role == Qt.ToolTipRole:
                return HIGHLIGHT_TIP
        if col == USE:
            if role == Qt.CheckStateRole:
                return Qt.Checked if self._data.include[row] else Qt.Unchecked
            return None
        value = float((self._data.t_u if col == T_U else self._data.t_c)[row])
        if role in (Qt.DisplayRole, Qt.EditRole):
            return fmt_value(value)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and not self._data.include[row]:
            return QBrush(QColor(150, 150, 150))
        return None

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if not index.isValid() or self._read_only:
            return False
        row, col = index.row(), index.column()
        if col == USE:
            if role != Qt.CheckStateRole:
                return False
            checked = value in (Qt.Checked, Qt.CheckState.Checked, 2, True)
            if checked == bool(self._data.include[row]):
                return True
            self.undo_stack.push(
                _Replace(self, self._data.with_include(row, checked), f"{'Include' if checked else 'Exclude'} row {row + 1}",
                         cells=(row, USE))
            )
            return True
        if role != Qt.EditRole:
            return False
        try:
            number = parse_number(str(value))
        except ValueError as e:
            self.inputRejected.emit(row, col, f"Row {row + 1}, {FIELD[col]}: {e}")
            return False
        old = float((self._data.t_u if col == T_U else self._data.t_c)[row])
        if number == old:
            return True
        self.undo_stack.push(
            _Replace(self, self._data.with_value(row, FIELD[col], number),
                     f"Set {FIELD[col]} in row {row + 1} to {fmt_value(number)}", cells=(row, col))
        )
        return True

    # --- edits as undoable commands ------------------------------------------------------------
    def insert_rows(self, row: int, t_u, t_c, text: str | None = None, include=None) -> None:
        t_u = list(t_u)
        text = text or (f"Add row {row + 1}" if len(t_u) == 1 else f"Add {len(t_u)} rows")
        data = self._data.inserted(row, t_u, list(t_c), None if include is None else list(include))
        self.undo_stack.push(_Replace(self, data, text, inserted=(row, len(t_u))))

    def remove_rows(self, rows) -> None:
        rows = sorted(set(rows))
        if not rows:
            return
        text = f"Delete row {rows[0] + 1}" if len(rows) == 1 else f"Delete {len(rows)} rows"
        self.undo_stack.push(_Replace(self, self._data.removed(rows), text))

    def set_values(self, cells: list[tuple[int, int, float]], text: str) -> None:
        data = self._data
        for row, col, v in cells:
            data = data.with_value(row, FIELD[col], v)
        self.undo_stack.push(_Replace(self, data, text))

    def replace_dataset(self, data: Dataset, text: str = "Replace data") -> None:
        self.undo_stack.push(_Replace(self, data, text))

    def reset_dataset(self, data: Dataset) -> None:
        """Load new data that cannot be undone (a file opened): clears the undo history."""
        self._swap(data)
        self.undo_stack.clear()

    def _swap(self, data: Dataset, cells=None, inserted=None, removed=None) -> None:
        self.set_highlighted_rows([])  # the residuals belonged to the old readings
        if cells is not None and len(data) == len(self._data):
            self._data = data
            i = self.index(cells[0], cells[1])
            self.dataChanged.emit(i, i)
            if cells[1] == USE:  # the row greys out
                self.dataChanged.emit(self.index(cells[0], 0), self.index(cells[0], 2))
        elif inserted is not None:
            row, count = inserted
            self.beginInsertRows(QModelIndex(), row, row + count - 1)
            self._data = data
            self.endInsertRows()
        elif removed is not None:
            row, count = removed
            self.beginRemoveRows(QModelIndex(), row, row + count - 1)
            self._data = data
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._data = data
            self.endResetModel()
        self.datasetChanged.emit()


class _Replace(QUndoCommand):
    """Swap the whole (immutable) dataset; undo swaps it back.  Small hints keep the view's signals precise."""

    def __init__(self, model: ReadingsModel, new: Dataset, text: str, cells=None, inserted=None):
        super().__init__(text)
        self._model = model
        self._old = model.dataset
        self._new = new
        self._cells = cells
        self._inserted = inserted

    def redo(self) -> None:
        self._model._swap(self._new, cells=self._cells, inserted=self._inserted)

    def undo(self) -> None:
        self._model._swap(self._old, cells=self._cells, removed=self._inserted)
