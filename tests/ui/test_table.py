"""Editing the readings like a person: type, refuse bad input, undo/redo, paste, add and delete rows."""

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from thermogui.core.dataset import BOOK_T_C, BOOK_T_U
from thermogui.ui.readings.model import T_C, T_U, USE

from .helpers import edit_cell


@pytest.fixture
def table(qtbot, window):
    """The readings table of an active window (under X without a window manager a shown window is not active, and
    key presses and shortcuts only reach the active window)."""
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
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


@pytest.mark.parametrize(
    "text, reason",
    [
        ("abc", "not a number"),
        ("", "empty"),
        ("nan", "not a finite number"),
        ("inf", "not a finite number"),
        ("1e400", "too large"),
        ("12..5", "not a number"),
    ],
)
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


def type_new_row(qtbot, table, t_u: str, t_c: str | None) -> None:
    """In the editor Insert opened on a new row's t_u: type t_u, Tab to t_c, type it (if given), Enter."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "Insert did not open the new row for typing"
    qtbot.keyClicks(editor, t_u)
    qtbot.keyClick(editor, Qt.Key_Tab)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    if t_c is None:
        qtbot.keyClick(editor, Qt.Key_Escape)
    else:
        qtbot.keyClicks(editor, t_c)
        qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)


def test_insert_adds_an_empty_row_that_counts_once_t_u_and_t_c_are_typed(qtbot, window, table):
    model = window.model
    before_best = window.readouts.best.text()
    table.setFocus()
    table.setCurrentIndex(model.index(3, T_U))
    qtbot.keyClick(table, Qt.Key_Insert)
    assert model.rowCount() == 12 and len(model.dataset) == 11  # a row to type into, not a reading
    assert values(window) == (list(BOOK_T_U), list(BOOK_T_C))
    assert model.index(11, T_U).data() == "" and model.index(11, T_C).data() == ""
    assert model.index(11, USE).data(Qt.CheckStateRole) is None  # no Use box until it is a reading
    assert model.headerData(11, Qt.Vertical) == "new"
    assert "type t_u and t_c" in model.index(11, T_U).data(Qt.ToolTipRole)
    assert model.index(11, T_U).data(Qt.BackgroundRole) is not None  # tinted
    assert table.currentIndex() == model.index(11, T_U)
    panel = window.data_panel
    assert panel.pending_label.isVisible() and "Row 12" in panel.pending_label.text()
    assert "+ 1 incomplete" in panel.count_label.text()

    type_new_row(qtbot, table, "90", "32")
    assert len(model.dataset) == 12 and model.rowCount() == 12 and model.pending == ()
    assert values(window)[0][11] == 90.0 and values(window)[1][11] == 32.0
    assert model.dataset.include[11]
    assert model.headerData(11, Qt.Vertical) == "12"
    assert 32.0 in window.fit_plot.points.getData()[1].tolist()
    assert window.readouts.best.text() != before_best
    assert not panel.pending_label.isVisible() and panel.count_label.text() == "12 readings"

    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)  # the reading goes; the row keeps the t_u typed first
    assert values(window) == (list(BOOK_T_U), list(BOOK_T_C))
    assert model.pending == ((90.0, None),) and model.index(11, T_U).data() == "90"
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert model.pending == ((None, None),)
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)  # and the row itself
    assert model.rowCount() == 11 and not panel.pending_label.isVisible()
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert len(model.dataset) == 12 and values(window)[0][11] == 90.0


def test_a_half_typed_row_stays_out_of_the_data_and_bad_input_is_refused(qtbot, window, table):
    model = window.model
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Insert)
    type_new_row(qtbot, table, "90", None)  # t_u only
    assert model.pending == ((90.0, None),) and len(model.dataset) == 11
    assert "t_c" in model.index(11, T_C).data(Qt.ToolTipRole)
    edit_cell(qtbot, table, 11, T_C, "abc")
    assert model.pending == ((90.0, None),) and len(model.dataset) == 11
    msg = window.data_panel.message
    assert msg.isVisible() and "not a number" in msg.text() and "Row 12" in msg.text()
    edit_cell(qtbot, table, 11, T_U, "")  # emptying a new row's cell is fine
    assert model.pending == ((None, None),)
    edit_cell(qtbot, table, 11, T_C, "7,5")
    edit_cell(qtbot, table, 11, T_U, "40")
    assert model.pending == () and values(window)[0][11] == 40.0 and values(window)[1][11] == 7.5


def test_two_new_rows_the_second_completed_first(qtbot, window, table):
    model = window.model
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Insert)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    qtbot.keyClick(table, Qt.Key_Insert)
    type_new_row(qtbot, table, "95", "35")
    assert len(model.dataset) == 12 and values(window)[0][11] == 95.0
    assert model.rowCount() == 13 and model.pending_rows() == [12]  # the empty one is still below
    assert model.headerData(11, Qt.Vertical) == "12" and model.headerData(12, Qt.Vertical) == "new"
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert model.pending == ((None, None), (95.0, None)) and len(model.dataset) == 11


def test_delete_key_removes_selected_rows_and_new_rows(qtbot, window, table):
    model = window.model
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Insert)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    assert model.rowCount() == 12
    qtbot.keyClick(table, Qt.Key_Delete)  # the new row is the current one
    assert model.rowCount() == 11 and model.pending == ()
    table.selectRow(3)
    table.selectionModel().select(model.index(5, T_U), QItemSelectionModel.Select)
    qtbot.keyClick(table, Qt.Key_Delete)
    assert model.rowCount() == 9
    assert 81.9 not in values(window)[0] and 48.9 not in values(window)[0]
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)  # delete undone
    assert model.rowCount() == 11
    assert values(window)[0][3] == 81.9
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)  # the new row's delete undone
    assert model.rowCount() == 12 and model.pending == ((None, None),)


def test_add_and_delete_buttons(qtbot, window, table):
    from .helpers import click

    click(qtbot, window, "addRowButton")
    assert window.model.rowCount() == 12 and len(window.model.dataset) == 11
    assert isinstance(QApplication.focusWidget(), QLineEdit)  # open for typing
    window.data_panel.view.selectRow(0)
    click(qtbot, window, "deleteRowsButton")
    assert len(window.model.dataset) == 10 and window.model.rowCount() == 11
    assert values(window)[0][0] == 55.9


def test_a_run_leaves_an_incomplete_row_out_and_says_so(qtbot, window, table):
    from .helpers import click, type_into

    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Insert)
    type_new_row(qtbot, table, "1000", None)  # would wreck the fit if it counted
    type_into(qtbot, window.controls.epochs, "200")
    with qtbot.waitSignal(window.runFinished, timeout=20000):
        click(qtbot, window, "startButton")
    note = window.data_panel.pending_label
    assert note.isVisible() and "Row 12" in note.text() and "any run leave" in note.text()
    assert len(window.run_state.last_run.data) == 11  # the run trained on the eleven readings
    assert window.model.pending == ((1000.0, None),)  # and the half-typed row is still there to finish


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


# --- nothing lost, nothing half-done: huge numbers, quoted decimal commas, thousands separators -----------------------
def paste_at(qtbot, window, table, text: str, row: int = 0, col: int = T_U) -> float:
    """Put `text` on the clipboard, select a cell, press Ctrl+V; the seconds the paste took."""
    import time

    QGuiApplication.clipboard().setText(text)
    table.setFocus()
    table.setCurrentIndex(window.model.index(row, col))
    start = time.perf_counter()
    qtbot.keyClick(table, Qt.Key_V, Qt.ControlModifier)
    return time.perf_counter() - start


@pytest.mark.serial  # (measures time: run alone)
def test_pasting_a_200000_digit_number_is_refused_quickly_with_a_short_message(qtbot, window, table):
    before = window.model.dataset
    elapsed = paste_at(qtbot, window, table, "9" * 200_000, row=2)
    assert window.model.dataset is before and not window.model.undo_stack.canUndo()
    msg = window.data_panel.message
    assert msg.isVisible() and "Row 3" in msg.text()
    assert "(200,000 characters) is too long for a reading (at most 64 characters)" in msg.text()
    assert len(msg.text()) < 200 and len(window.statusBar().currentMessage()) < 200
    assert elapsed < 2.0  # a sanity check of complexity only: this blocked the window for 16-24 s


def test_pasting_rows_with_a_10_mb_number_names_the_line_in_a_short_message(qtbot, window, table):
    before = window.model.dataset
    paste_at(qtbot, window, table, "90\t32\n100\t" + "1" * 10_000_000 + "\n110\t40\n")
    assert window.model.dataset is before
    text = window.data_panel.message.text()
    assert text.startswith("⚠ Nothing was pasted. line 2: ") and "(10,000,000 characters) is too long" in text
    assert len(text) < 200


def test_typing_a_number_longer_than_64_characters_is_refused(qtbot, window, table):
    edit_cell(qtbot, table, 2, T_U, "1" * 70)
    assert window.model.dataset.t_u[2] == 58.2
    msg = window.data_panel.message
    assert msg.isVisible() and "Row 3" in msg.text() and "(70 characters) is too long for a reading" in msg.text()


def test_pasting_quoted_decimal_commas_from_a_comma_separated_file(qtbot, window, table):
    paste_at(qtbot, window, table, '"t_u","t_c"\n"90,5","32,25"\n"100","38"\n', row=10)
    assert values(window)[0][11:] == [90.5, 100.0] and values(window)[1][11:] == [32.25, 38.0]


def test_pasting_a_quoted_single_value_into_a_cell(qtbot, window, table):
    paste_at(qtbot, window, table, '"36,5"', row=0, col=T_C)
    assert window.model.dataset.t_c[0] == 36.5


def test_pasting_rows_with_a_thousands_separator_is_refused_not_split(qtbot, window, table):
    before = window.model.dataset
    paste_at(qtbot, window, table, "90,32\n1,000,38\n")  # today: a row (1, 0) and the 38 dropped
    assert window.model.dataset is before
    text = window.data_panel.message.text()
    assert "Nothing was pasted" in text and "line 2: '1,000' looks like one number" in text
    paste_at(qtbot, window, table, "90;32\n1,000;38\n", row=10)  # ';' settles it: a decimal comma
    assert values(window)[0][11:] == [90.0, 1.0] and values(window)[1][11:] == [32.0, 38.0]
