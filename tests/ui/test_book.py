"""The Book menu: each of the chapter's runs in one click, run with F5, the book's printed numbers beside the app's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from thermogui.core.presets import BY_KEY, PRESETS

# every preset in the window with --slow; by default three (their numbers are all checked without the window in
# tests/core/test_presets.py)
QUICK = ("raw-diverges", "scaled-100", "book-split")
PRINTED = [pytest.param(p.key, marks=() if p.key in QUICK else pytest.mark.slow) for p in PRESETS if p.expect]


def trigger(window, key: str) -> None:
    action = next(a for a in window.book_actions if a.objectName() == "bookAction_" + key.replace("-", "_"))
    menu = next(m for m in window.menuBar().findChildren(type(window.file_menu)) if m.title() == "Boo&k")
    assert action in menu.actions()
    action.trigger()


def run_with_f5(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_state.runEnded, timeout=60_000):
        qtbot.keyClick(window, Qt.Key_F5)


@pytest.mark.parametrize("key", PRINTED)
def test_each_book_run_reproduces_the_books_numbers_in_the_window(qtbot, window, key):
    trigger(window, key)
    preset = BY_KEY[key]
    panel = window.book_panel
    assert preset.watch in panel.watch.text()
    assert window.run_state.committed_config() == preset.config
    assert window.run_state.dataset == preset.dataset()
    run_with_f5(qtbot, window)
    table = panel.table
    assert table.rowCount() == len(preset.expect)
    for row, e in enumerate(preset.expect):
        assert table.item(row, 1).text() == e.book
        assert table.item(row, 3).text() == "✓", (e.what, table.item(row, 2).text())
    assert "agree with the book" in panel.status.text()


def test_a_book_run_replaces_the_readings_in_one_undoable_step(qtbot, window):
    window.data_panel.model.replace_dataset(window.run_state.dataset.removed([0, 1]), "test")
    trigger(window, "book-split")
    data = window.run_state.dataset
    assert len(data) == 11 and data.val.tolist()[2] and data.val.tolist()[10]
    window.data_panel.model.undo_stack.undo()
    assert len(window.run_state.dataset) == 9


def test_changing_a_setting_after_loading_says_the_comparison_no_longer_applies(qtbot, window):
    from tests.ui.helpers import type_into

    trigger(window, "scaled-100")
    type_into(qtbot, window.controls.lr, "0.02")
    assert "changed since you loaded" in window.book_panel.status.text()
    run_with_f5(qtbot, window)
    assert window.book_panel.table.rowCount() == 0
