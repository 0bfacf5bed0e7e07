"""The questions the window asks, as a person meets them: every button has a mnemonic (Alt+letter presses it), Enter
and Escape press the right buttons.  These tests show the real boxes (thermogui.ui.dialogs.ask, not the `prompts`
fixture's stand-in) and press keys in them."""

from __future__ import annotations

import shutil
import uuid

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from thermogui.ui import dialogs
from thermogui.ui.dialogs import ask as real_ask
from thermogui.ui.export import dialog as export
from thermogui.ui.files.autosave import lock_path_of
from thermogui.ui.readings.model import T_U

from .helpers import click, edit_cell

ALT = Qt.AltModifier


@pytest.fixture
def person(qtbot, monkeypatch):
    """Shows each question box the window asks (the real one) without blocking, and presses `person.keys` in it;
    what each box offered is kept in `person.boxes`."""
    monkeypatch.setattr(dialogs, "ask", real_ask)

    class Person:
        keys: list = []
        boxes: list = []

    def exec_(box: QMessageBox) -> int:
        Person.boxes.append(offered(box))
        box.show()
        qtbot.waitExposed(box)
        box.activateWindow()  # (mnemonics, like all shortcuts, only reach the active window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=5000)
        for key, modifiers in Person.keys:
            qtbot.keyClick(box, key, modifiers)
        # (a mnemonic "animates" its button's click: the box closes a moment later)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
        return box.result()

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return Person


def offered(box: QMessageBox) -> dict:
    def choice(button):
        return box.standardButton(button) if button is not None else None

    return {
        "title": box.windowTitle(),
        "labels": {choice(b): b.text() for b in box.buttons()},
        "default": choice(box.defaultButton()),
        "escape": choice(box.escapeButton()),
    }


def assert_mnemonics(box: dict) -> None:
    labels = list(box["labels"].values())
    assert all("&" in label and not label.endswith("&") for label in labels), labels
    letters = [label[label.index("&") + 1].lower() for label in labels]
    assert len(set(letters)) == len(letters), f"two buttons share a mnemonic: {labels}"


def test_unsaved_changes_escape_cancels_and_alt_d_discards(qtbot, window, person):
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    person.keys = [(Qt.Key_Escape, Qt.NoModifier)]
    window.close()
    assert window.isVisible()  # Escape is Cancel: nothing lost
    box = person.boxes[-1]
    assert box["title"] == "Unsaved changes"
    assert box["labels"] == {
        QMessageBox.Save: "&Save",
        QMessageBox.Discard: "&Don't Save",
        QMessageBox.Cancel: "&Cancel",
    }
    assert (box["default"], box["escape"]) == (QMessageBox.Save, QMessageBox.Cancel)
    assert_mnemonics(box)

    person.keys = [(Qt.Key_D, ALT)]  # Don't Save
    window.close()
    assert not window.isVisible()
    assert len(person.boxes) == 2


def test_replace_file_escape_keeps_it_and_alt_y_replaces_it(qtbot, window, tmp_path, monkeypatch, person):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    monkeypatch.setattr(export, "_settings", lambda: s)  # (the dialog's remembered folder: not the user's)
    target = tmp_path / "fit.png"
    target.write_bytes(b"old picture")
    dlg = export.open_export_dialog(window)
    dlg.path_input.setText(str(target))
    person.keys = [(Qt.Key_Escape, Qt.NoModifier)]
    click(qtbot, dlg, "exportButton")
    assert target.read_bytes() == b"old picture" and "kept" in dlg.status.text()
    box = person.boxes[-1]
    assert box["title"] == "Replace file?"
    assert box["labels"] == {QMessageBox.Yes: "&Yes", QMessageBox.No: "&No"}
    assert (box["default"], box["escape"]) == (QMessageBox.No, QMessageBox.No)
    assert_mnemonics(box)

    person.keys = [(Qt.Key_Y, ALT)]
    click(qtbot, dlg, "exportButton")
    assert target.read_bytes().startswith(b"\x89PNG")
    dlg.close()


def test_restore_question_has_mnemonics_and_enter_restores(qtbot, window, person):
    edit_cell(qtbot, window.data_panel.view, 2, T_U, "59.75")
    window.files.autosave_now()
    path = window.files.autosave_path
    # a crash, as an instance running under the same pid (a container) leaves it: an autosave and a lock held by
    # nobody
    orphan = path.with_name(f"autosave-{uuid.uuid4().hex}.thermogui.json")
    shutil.copyfile(path, orphan)
    shutil.copyfile(lock_path_of(path), lock_path_of(orphan))
    from thermogui.app import create_window

    other = create_window()
    try:
        person.keys = [(Qt.Key_Return, Qt.NoModifier)]  # the default: restore
        assert other.files.offer_restore()
        box = person.boxes[-1]
        assert box["title"] == "Restore unsaved work?"
        assert box["labels"] == {
            QMessageBox.Yes: "&Restore",
            QMessageBox.Discard: "&Delete",
            QMessageBox.Ignore: "&Later",
        }
        assert (box["default"], box["escape"]) == (QMessageBox.Yes, QMessageBox.Ignore)
        assert_mnemonics(box)
    finally:
        other.files.mark_saved()  # (restored work is unsaved: closing would ask)
        other.close()


def test_escape_on_the_restore_question_keeps_the_work_for_the_next_start(qtbot, window, person):
    edit_cell(qtbot, window.data_panel.view, 2, T_U, "59.75")
    window.files.autosave_now()
    path = window.files.autosave_path
    orphan = path.with_name(f"autosave-{uuid.uuid4().hex}.thermogui.json")
    shutil.copyfile(path, orphan)
    shutil.copyfile(lock_path_of(path), lock_path_of(orphan))
    from thermogui.app import create_window

    other = create_window()
    try:
        person.keys = [(Qt.Key_Escape, Qt.NoModifier)]
        assert not other.files.offer_restore()
        assert orphan.exists()  # not deleted: offered again next time
        person.keys = [(Qt.Key_D, ALT)]  # Delete
        later = create_window()
        try:
            assert not later.files.offer_restore()
            assert not orphan.exists()
        finally:
            later.close()
    finally:
        other.close()


def test_every_label_has_a_mnemonic():
    for choice, label in dialogs.LABELS.items():
        assert "&" in label, (choice, label)
