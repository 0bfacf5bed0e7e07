"""Editing the readings like a person: type, refuse bad input, undo/redo, paste, add and delete rows."""

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from thermogui.core.dataset import BOOK_T_C, BOOK_T_U
from thermogui.ui.readings_model import T_C, T_U, USE

from .helpers import edit_cell


@pytest.fixture
def table(window):
    return window.data_panel.view


def values(window):
    d = window.model.dataset
    return d.t_u.tolist(), d.t_c.tolist()


def test_starts_with_the_books_eleven_readings(window, table):
    assert window.model.rowCount() == 11
    assert values(window) == (list(BOOK_T_U), list(BOOK_T_C))
    assert table.model().index(0, T_U).data() == "35.7"


def test_typing_a_value_updates_the_data_the_plot_and_least_squares(qtbot, window, table):
    before = window.readouts.best.text()
    edit_cell(qtbot, table, 0, T_C, "2.5")
    assert window.model.dataset.t_c[0] == 2.5
    xs, ys = window.fit_plot.points.getData()
    assert 2.5 in ys.tolist()
    assert window.readouts.best.text() != before
    assert not window.data_panel.message.isVisible()


@pytest.mark.parametrize("text, reason", [
    ("abc", "not a number"), ("", "empty"), ("nan", "not a finite number"), ("inf", "not a finite number"),
    ("1e400", "too large"), ("12..5", "not a number"),
])
def test_bad_input_is_refused_with_a_reason(qtbot, window, table, text, reason):
    edit_cell(qtbot, table, 2, T_U, text)
    assert window.model.dataset.t_u[2] == 58.2  # the old value stays
    msg = window.data_panel.message
    assert msg.isVisible() and reason in msg.text() and "Row 3" in msg.text()
    assert reason in window.statusBar().currentMessage()
    assert not window.model.undo_stack.canUndo()


def test_decimal_comma_is_accepted(qtbot, window, table):
    edit_cell(qtbot, table, 1, T_U, "55,5")
    assert window.model.dataset.t_u[1] == 55.5


def test_undo_and_redo_with_the_keyboard(qtbot, window, table):
    edit_cell(qtbot, table, 0, T_U, "40")
    edit_cell(qtbot, table, 1, T_U, "41")
    assert values(window)[0][:2] == [40.0, 41.0]
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert values(window)[0][:2] == [40.0, 55.9]
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert values(window)[0][:2] == [35.7, 55.9]
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert values(window)[0][:2] == [40.0, 55.9]


def test_insert_key_adds_a_row_and_delete_key_removes_selected_rows(qtbot, window, table):
    table.setFocus()
    table.setCurrentIndex(window.model.index(10, T_U))
    qtbot.keyClick(table, Qt.Key_Insert)
    assert window.model.rowCount() == 12
    editor = table.focusWidget()  # the new row opens for typing
    editor.selectAll()
    qtbot.keyClicks(editor, "90")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)
    assert window.model.dataset.t_u[11] == 90.0
    table.selectRow(3)
    table.selectionModel().select(window.model.index(5, T_U), QItemSelectionModel.Select)
    qtbot.keyClick(table, Qt.Key_Delete)
    assert window.model.rowCount() == 10
    assert 81.9 not in values(window)[0] and 48.9 not in values(window)[0]
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)  # delete undone
    assert window.model.rowCount() == 12
    assert values(window)[0][3] == 81.9


def test_add_and_delete_buttons(qtbot, window):
    from .helpers import click

    click(qtbot, window, "addRowButton")
    assert window.model.rowCount() == 12
    window.data_panel.view.selectRow(0)
    click(qtbot, window, "deleteRowsButton")
    assert window.model.rowCount() == 11
    assert values(window)[0][0] == 55.9


def test_paste_rows_from_a_spreadsheet(qtbot, window, table):
    QGuiApplication.clipboard().setText("t_u\tt_c\n90,5\t32,25\n100\t38\n")
    table.setFocus()
    table.setCurrentIndex(window.model.index(10, T_U))
    qtbot.keyClick(table, Qt.Key_V, Qt.ControlModifier)
    assert window.model.rowCount() == 13
    assert values(window)[0][11:] == [90.5, 100.0]
    assert values(window)[1][11:] == [32.25, 38.0]
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)  # one undo removes the whole paste
    assert window.model.rowCount() == 11


def test_pasted_include_column_is_kept(qtbot, window, table):
    QGuiApplication.clipboard().setText("t_u,t_c,include\n90,32,1\n100,38,0\n")
    table.setFocus()
    table.setCurrentIndex(window.model.index(10, T_U))
    qtbot.keyClick(table, Qt.Key_V, Qt.ControlModifier)
    assert window.model.dataset.include.tolist()[11:] == [True, False]


def test_bad_paste_changes_nothing_and_names_the_line(qtbot, window, table):
    QGuiApplication.clipboard().setText("90\t32\nabc\t38\n100\tnan\n")
    table.setFocus()
    table.setCurrentIndex(window.model.index(0, T_U))
    qtbot.keyClick(table, Qt.Key_V, Qt.ControlModifier)
    assert window.model.rowCount() == 11
    text = window.data_panel.message.text()
    assert "Nothing was pasted" in text and "line 2" in text and "line 3" in text


def test_copy_selection_out_as_text(qtbot, window, table):
    table.setFocus()
    table.selectRow(0)
    table.selectionModel().select(window.model.index(1, T_C), QItemSelectionModel.Select)
    qtbot.keyClick(table, Qt.Key_C, Qt.ControlModifier)
    assert QGuiApplication.clipboard().text() == "35.7\t0.5\n55.9\t14\n"


def test_unchecking_use_excludes_a_reading_from_least_squares(qtbot, window, table):
    before = window.readouts.best.text()
    index = window.model.index(3, USE)
    rect = table.visualRect(index)
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key_Space)
    assert not window.model.dataset.include[3]
    assert window.readouts.best.text() != before
    assert np.isin(81.9, window.fit_plot.excluded.getData()[0])
    assert rect.isValid()


def test_edits_are_refused_while_training_runs(qtbot, window, table):
    from .helpers import click, type_into

    type_into(qtbot, window.controls.epochs, "1000000")
    with qtbot.waitSignal(window.epochsReady, timeout=10000):
        click(qtbot, window, "startButton")
    table.setFocus()
    table.setCurrentIndex(window.model.index(0, T_U))
    qtbot.keyClick(table, Qt.Key_F2)
    assert table.focusWidget() is table  # no editor opens
    qtbot.keyClick(table, Qt.Key_Delete)
    assert window.model.rowCount() == 11
    assert not window.data_panel.add_action.isEnabled()
    with qtbot.waitSignal(window.runFinished, timeout=10000):
        click(qtbot, window, "stopButton")
    assert window.data_panel.add_action.isEnabled()
