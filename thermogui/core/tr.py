"""Marking the core's user-visible text for translation, without Qt.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged: the core (and the command line, which stays English)
uses the English text.  The name is the one Qt's lupdate looks for in any Python module, so every marked literal
lands in thermogui/resources/i18n/thermogui_<lang>.ts under its context; the UI translates it when it shows it, with
``QCoreApplication.translate(context, text)`` (thermogui.ui.i18n.translate_field and friends).

    label = QT_TRANSLATE_NOOP("fields", "learning rate")   # core: marked, still English
    QCoreApplication.translate("fields", label)             # ui: shown in the UI language

Only literals can be marked (lupdate reads the source, it does not run it): no f-strings, no variables.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate recognises)
    """`text`, marked for translation in `context`."""
    return text
