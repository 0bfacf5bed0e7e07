"""The core's refusals.  Only a `UserError` is shown to a person as "your input cannot be used, because…"; any
other exception is a bug and reaches the app's error handler with its traceback."""

from __future__ import annotations

from thermogui.core.tr import QT_TRANSLATE_NOOP, msg


class UserError(ValueError):
    """Input that cannot be used, with a reason a person understands (a setting, readings, a file, a conversion).

    Its message may be a `thermogui.core.tr.Text` (an English str that remembers its marked template and values), so
    the window can show it in the UI language: `thermogui.ui.i18n.error_text(e)`."""

    @property
    def text(self):
        """The message as given (a Text when it was built with core.tr.msg), else str(self)."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


class NumberError(UserError):
    """Text that is not a usable number (a reading typed into a cell, pasted, or in a calculator)."""


MAX_MESSAGE_VALUE = 40  # characters of a user's value quoted in a message


def quote(text: str, limit: int = MAX_MESSAGE_VALUE) -> str:
    """A user's text for a message, cut to `limit` characters ('1111…' (10,000,000 characters)); a cut one is a
    core.tr.Text, so the window says "characters" in the UI language."""
    text = str(text)
    if len(text) <= limit:
        return f"'{text}'"
    return msg(
        QT_TRANSLATE_NOOP("core", "'{start}…' ({count} characters)"),
        "core",
        start=text[: limit - 1],
        count=f"{len(text):,}",
    )
