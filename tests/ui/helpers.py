"""Drive the window the way a person does: type into fields, click buttons, press keys."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit


def type_into(qtbot, box: QAbstractSpinBox, text: str) -> None:
    """Select all, type `text`, press Enter (as a person edits a spin box)."""
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Return)


def choose(qtbot, combo: QComboBox, label: str) -> None:
    """Pick an item by typing its first letters on the focused combo box (keyboard search)."""
    combo.setFocus()
    index = combo.findText(label, Qt.MatchStartsWith)
    assert index >= 0, f"{label!r} is not an option of {combo.objectName()}"
    while combo.currentIndex() != index:
        key = Qt.Key_Down if combo.currentIndex() < index else Qt.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentText().startswith(label)


def edit_cell(qtbot, view, row: int, col: int, text: str) -> None:
    """Select a cell, press F2 to edit, replace its text, press Enter."""
    index = view.model().index(row, col)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit), "no cell editor opened"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key_Backspace)  # clear the old text, as a person would
    assert editor.text() == ""
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)
    # Qt commits the editor's text through a queued call: wait until the editor has closed
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)


def click(qtbot, window, name: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    button = window.findChild(QAbstractButton, name)
    assert button is not None, name
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.LeftButton)
