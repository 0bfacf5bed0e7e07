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


class Text(str):
    """An English message that remembers how it was made, so the window can show it in the UI language: its template
    (a literal marked with QT_TRANSLATE_NOOP) with the template's context, and the values put into it.

        raise ConfigError(msg(QT_TRANSLATE_NOOP("core", "{label} must be a number (got {got})"), "core",
                              label=field.label, got=shown))

    As a str it is the English text (the CLI, logs and tests read it as before); `thermogui.ui.i18n.tr_text(text)`
    translates the template and each value that is itself a Text (a field's label), then formats.  Values are
    formatted with `str.format` after translation, so placeholders stay named ({label}, {got}) in every language.
    """

    context: str
    template: str
    values: dict

    def __new__(cls, template: str, context: str, **values):
        self = super().__new__(cls, template.format(**values) if values else template)
        self.context, self.template, self.values = context, template, values
        return self

    def __reduce__(self):
        return (_rebuild, (self.template, self.context, self.values))


def _rebuild(template, context, values):
    return Text(template, context, **values)


def msg(template: str, context: str, **values) -> Text:
    """A translatable message: `template` (marked with QT_TRANSLATE_NOOP(context, …) at the call) with `values`."""
    return Text(template, context, **values)
