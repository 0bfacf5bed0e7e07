"""The keyboard in the readings table, pressed as a person presses it: undo / redo keys and Tab out of the table.

Key bindings differ by platform (offscreen has Ctrl+Y as its first Redo key, X11 has Ctrl+Shift+Z), so run this file
under a real X server too:
    xvfb-run -a env QT_QPA_PLATFORM=xcb python -m pytest tests/ui/test_keys.py
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from thermogui.ui.readings.model import T_C, T_U

from .helpers import edit_cell

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


@pytest.fixture
def table(qtbot, window):
    """The readings table of an active window (under X without a window manager a shown window is not active, and
    shortcuts only reach the active window)."""
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    view = window.data_panel.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    return view


def t_u(window, row=0) -> float:
    return float(window.model.dataset.t_u[row])


@pytest.mark.parametrize("target", ["table", "window"])
def test_ctrl_z_undoes_and_both_ctrl_shift_z_and_ctrl_y_redo(qtbot, qtlog, window, table, target):
    edit_cell(qtbot, table, 0, T_U, "40")
    assert t_u(window) == 40.0
    to = table if target == "table" else window
    qtbot.keyClick(to, Qt.Key_Z, CTRL)
    assert t_u(window) == 35.7
    qtbot.keyClick(to, Qt.Key_Z, CTRL | SHIFT)
    assert t_u(window) == 40.0
    qtbot.keyClick(to, Qt.Key_Z, CTRL)
    assert t_u(window) == 35.7
    qtbot.keyClick(to, Qt.Key_Y, CTRL)
    assert t_u(window) == 40.0
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]


def test_redo_menu_item_shows_ctrl_shift_z_and_no_key_is_bound_twice(window):
    panel = window.data_panel
    assert panel.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert panel.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")  # the one the Edit menu shows
    assert QKeySequence("Ctrl+Y") in panel.redo_action.shortcuts()
    assert set(QKeySequence.keyBindings(QKeySequence.Redo)) <= set(panel.redo_action.shortcuts())
    # Qt refuses a key bound twice in one place ("Ambiguous shortcut overload") and does nothing
    seen: dict[str, str] = {}
    for action in panel.findChildren(QAction):
        for key in action.shortcuts():
            name = key.toString()
            assert name not in seen, f"{name} is bound to both {seen[name]!r} and {action.text()!r}"
            seen[name] = action.text()


def test_edits_of_a_new_row_undo_and_redo_with_the_keys(qtbot, window, table):
    table.setCurrentIndex(window.model.index(10, T_U))
    qtbot.keyClick(table, Qt.Key_Insert)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "90")
    qtbot.keyClick(editor, Qt.Key_Tab)  # on to t_c
    qtbot.keyClicks(QApplication.focusWidget(), "32")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)
    assert len(window.model.dataset) == 12
    qtbot.keyClick(table, Qt.Key_Z, CTRL)
    assert len(window.model.dataset) == 11 and window.model.pending == ((90.0, None),)
    qtbot.keyClick(table, Qt.Key_Y, CTRL)
    assert len(window.model.dataset) == 12 and t_u(window, 11) == 90.0


@pytest.mark.parametrize(
    "key, modifiers",
    [
        (Qt.Key_Tab, Qt.NoModifier),
        (Qt.Key_Backtab, SHIFT),
        (Qt.Key_Tab, CTRL),
        (Qt.Key_Backtab, CTRL | SHIFT),
    ],
    ids=["Tab", "Shift+Tab", "Ctrl+Tab", "Ctrl+Shift+Tab"],
)
def test_tab_moves_focus_out_of_the_table(qtbot, window, table, key, modifiers):
    table.setCurrentIndex(window.model.index(2, T_U))
    qtbot.keyClick(table, key, modifiers)
    focus = QApplication.focusWidget()
    assert focus is not None and focus is not table and not table.isAncestorOf(focus)
    assert table.currentIndex() == window.model.index(2, T_U)  # the cell cursor did not move instead


def test_tab_then_shift_tab_comes_back_and_arrows_still_move_between_cells(qtbot, window, table):
    table.setCurrentIndex(window.model.index(2, T_U))
    qtbot.keyClick(table, Qt.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not table
    qtbot.keyClick(after, Qt.Key_Backtab, SHIFT)
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key_Right)
    assert table.currentIndex() == window.model.index(2, T_C)
    qtbot.keyClick(table, Qt.Key_Down)
    assert table.currentIndex() == window.model.index(3, T_C)
    qtbot.keyClick(table, Qt.Key_F2)  # and F2 still edits
    assert table.state() == table.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)


def test_tab_inside_a_cell_editor_goes_on_to_the_next_cell(qtbot, window, table):
    table.setCurrentIndex(window.model.index(0, T_U))
    qtbot.keyClick(table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "36")
    qtbot.keyClick(editor, Qt.Key_Tab)
    assert t_u(window) == 36.0
    assert table.currentIndex() == window.model.index(0, T_C) and table.state() == table.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
