"""Small input widgets."""

from __future__ import annotations

import math

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox


class ScientificSpinBox(QDoubleSpinBox):
    """A spin box for values spanning many decades (a learning rate): shows 1e-2 or 3.4e-4, accepts any float
    notation, and the arrows step on a log scale (1, 2, 5 per decade)."""

    STEPS = (1.0, 2.0, 5.0)

    def __init__(self, minimum: float, maximum: float, parent=None):
        super().__init__(parent)
        self.setDecimals(15)  # QDoubleSpinBox rounds to `decimals`; keep tiny rates exact enough
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:
        if value == 0:
            return "0"
        if 1e-3 <= abs(value) < 1e4:
            return f"{value:.6g}"
        mant, exp = f"{value:.6e}".split("e")
        mant = mant.rstrip("0").rstrip(".")
        return f"{mant}e{int(exp)}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        s = text.strip().replace(",", ".")
        try:
            v = float(s)
        except ValueError:
            ok = s == "" or all(c in "0123456789.eE+-" for c in s)
            return (QValidator.Intermediate if ok else QValidator.Invalid), text, pos
        if not math.isfinite(v) or not (self.minimum() <= v <= self.maximum()):
            return QValidator.Intermediate, text, pos
        return QValidator.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())

    def stepBy(self, steps: int) -> None:
        v = self.value()
        for _ in range(abs(steps)):
            v = self._next(v, up=steps > 0)
        self.setValue(min(max(v, self.minimum()), self.maximum()))

    def _next(self, v: float, up: bool) -> float:
        if v <= 0:
            return self.minimum()
        exp = math.floor(math.log10(v) + 1e-9)
        ladder = [m * 10.0**e for e in (exp - 1, exp, exp + 1) for m in self.STEPS]
        if up:
            return min((x for x in ladder if x > v * (1 + 1e-9)), default=v)
        return max((x for x in ladder if x < v * (1 - 1e-9)), default=v)
