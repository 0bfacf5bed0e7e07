"""Questions the window asks (save changes? restore? replace?): one helper, `ask`, so every question box has a
mnemonic on each button (Alt+S saves, Alt+D discards…), the right default and Escape button, and tests answer it
in one place (tests/ui/conftest.py patches `ask`).

The choices are QMessageBox standard buttons, so each keeps its role (accept, destructive, reject) and the
platform's button order; only their text changes, to labels with a mnemonic, in the UI language (Korean keeps the
English letter: "저장(&S)", so Alt+S saves in every language).  A caller's own `labels` are given translated.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui.i18n import marked

Choice = QMessageBox.StandardButton

# The label of each choice (English; shown in the UI language: `label`); the letter after "&" is its mnemonic
# (underlined, Alt+letter presses it).  The letters of the choices asked together must differ.
CONTEXT = "QuestionBox"
LABELS: dict[Choice, str] = {
    QMessageBox.Save: QT_TRANSLATE_NOOP("QuestionBox", "&Save"),
    QMessageBox.Discard: QT_TRANSLATE_NOOP("QuestionBox", "&Don't Save"),
    QMessageBox.Cancel: QT_TRANSLATE_NOOP("QuestionBox", "&Cancel"),
    QMessageBox.Yes: QT_TRANSLATE_NOOP("QuestionBox", "&Yes"),
    QMessageBox.No: QT_TRANSLATE_NOOP("QuestionBox", "&No"),
    QMessageBox.Ignore: QT_TRANSLATE_NOOP("QuestionBox", "&Later"),
}


def label(choice: Choice) -> str:
    """The button label of `choice` in the UI language, with its mnemonic."""
    return marked(CONTEXT, LABELS[choice])


def build_box(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[Choice],
    default: Choice,
    escape: Choice,
    labels: dict[Choice, str] | None = None,
) -> QMessageBox:
    """The question box `ask` shows: a button for each of `choices` (labelled from `labels`, else LABELS in the UI
    language), `default` pressed by Enter and `escape` by Escape (and by closing the box)."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
    for choice in choices:
        given = (labels or {}).get(choice)
        box.addButton(choice).setText(given if given is not None else label(choice))
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
