"""Questions the window asks (save changes? restore? replace?): one helper, `ask`, so every question box has a
mnemonic on each button (Alt+S saves, Alt+D discards…), the right default and Escape button, and tests answer it
in one place (tests/ui/conftest.py patches `ask`).

The choices are QMessageBox standard buttons, so each keeps its role (accept, destructive, reject) and the
platform's button order; only their text changes, to labels with a mnemonic.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

Choice = QMessageBox.StandardButton

# The label of each choice; the letter after "&" is its mnemonic (underlined, Alt+letter presses it).  The letters
# of the choices asked together must differ.
LABELS: dict[Choice, str] = {
    QMessageBox.Save: "&Save",
    QMessageBox.Discard: "&Don't Save",
    QMessageBox.Cancel: "&Cancel",
    QMessageBox.Yes: "&Yes",
    QMessageBox.No: "&No",
    QMessageBox.Ignore: "&Later",
}


def build_box(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[Choice],
    default: Choice,
    escape: Choice,
    labels: dict[Choice, str] | None = None,
) -> QMessageBox:
    """The question box `ask` shows: a button for each of `choices` (labelled from `labels`, else LABELS), `default`
    pressed by Enter and `escape` by Escape (and by closing the box)."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
    for choice in choices:
        box.addButton(choice).setText((labels or {}).get(choice, LABELS[choice]))
    box.setDefaultButton(default)
    box.setEscapeButton(escape)
    return box


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[Choice],
    default: Choice,
    escape: Choice,
    labels: dict[Choice, str] | None = None,
) -> Choice:
    """Ask `text` in a modal box (build_box) and return the choice made: the button pressed, `escape` when the box
    is dismissed."""
    box = build_box(parent, title, text, choices, default, escape, labels)
    try:
        box.exec()
        clicked = box.clickedButton()
        return box.standardButton(clicked) if clicked is not None else escape
    finally:
        box.deleteLater()
