"""The export dialog's number boxes (resolution, width, height), which take any number typed into them.

A number outside the box's range is not cut to fit but kept as typed while editing, so the dialog can say why it
cannot be used (export.limits); leaving the box keeps the last usable value.
"""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox


class _Typed:
    """Any number may be typed into the box: one outside its range (which follows the format and size here) is not
    cut to fit — typing 2400 into a box that allows 1,200 used to leave 240 — but stays as typed while editing, and
    `typed()` gives it so the dialog can say why it cannot be used; leaving the box keeps the last usable value."""

    def validate(self, text: str, pos: int):
        state, text, pos = super().validate(text, pos)
        if state == QValidator.Invalid and self.typed() is not None:
            return QValidator.Intermediate, text, pos
        return state, text, pos

    def typed(self) -> float | None:
        """The number in the box's text (None: none), in range or not."""
        text = self.lineEdit().text().removesuffix(self.suffix()).strip().replace(self.locale().groupSeparator(), "")
        try:
            return float(text.replace(self.locale().decimalPoint(), "."))
        except ValueError:
            return None


class TypedSpinBox(_Typed, QSpinBox):
    pass


class TypedDoubleSpinBox(_Typed, QDoubleSpinBox):
    pass
