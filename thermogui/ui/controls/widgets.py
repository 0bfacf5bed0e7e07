"""Small input widgets."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

from thermogui.core.fields import Field
from thermogui.ui.i18n import field_tooltip


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


class NumberField(QAbstractSpinBox):
    """A number control built from a core field spec (its tooltip from the spec's help, translated).

    Every keystroke is parsed with the spec: a usable value is committed at once (`valueCommitted`), text that cannot
    be used stays as typed and `problemChanged` says why (never a silent revert or clip).  The arrows and Up/Down
    step within the spec's range (1, 2, 5 per decade for a learning rate)."""

    valueCommitted = Signal(object)
    problemChanged = Signal(object)  # the reason (a core.tr.Text when the core built it), or None once usable again
    valueChanged = Signal(object)  # alias of valueCommitted, for code that knows spin boxes

    def __init__(self, spec: Field, parent=None):
        super().__init__(parent)
        self.spec = spec
        self._value = spec.default
        self._problem: str | None = None
        self.setAccelerated(True)
        self.lineEdit().setText(spec.format(spec.default))
        self.lineEdit().textEdited.connect(self._on_text_edited)
        self.valueCommitted.connect(self.valueChanged)
        self.retranslate()

    def retranslate(self) -> None:
        """The tooltip (the field's help and allowed values) in the UI language.  Called by the panel that holds the
        field on a language change (the panel may override the tooltip afterwards)."""
        self.setToolTip(field_tooltip(self.spec))

    # --- value -------------------------------------------------------------------------------------------------------
    def value(self):
        return self._value

    def problem(self) -> str | None:
        """Why the text cannot be used (English as a str; a core.tr.Text, so i18n.tr_text shows it translated)."""
        return self._problem

    def setValue(self, value) -> None:  # noqa: N802  (spin box API)
        """Show and commit `value`, as if typed."""
        self.show_value(self.spec.check(value))
        self._commit(self._value)

    def show_value(self, value) -> None:
        """Show `value` without committing (syncing from the run state); keeps text that means the same value."""
        self._value = value
        self._set_problem(None)
        try:
            same = self.spec.parse(self.text()) == value
        except ValueError:
            same = False
        if not same:
            self.lineEdit().setText(self.spec.format(value))

    def text(self) -> str:
        return self.lineEdit().text()

    # --- QAbstractSpinBox --------------------------------------------------------------------------------------------
    def validate(self, text: str, pos: int):
        # Everything may be typed; what cannot be used is explained, not swallowed.
        return QValidator.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text

    def stepEnabled(self):  # noqa: N802
        if self._problem is not None or not self.isEnabled():
            return QAbstractSpinBox.StepNone
        flags = QAbstractSpinBox.StepNone
        if self._next(self._value, up=True) is not None:
            flags |= QAbstractSpinBox.StepUpEnabled
        if self._next(self._value, up=False) is not None:
            flags |= QAbstractSpinBox.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self._problem is not None:
            return
        v = self._value
        for _ in range(abs(steps)):
            nxt = self._next(v, up=steps > 0)
            if nxt is None:
                break
            v = nxt
        if v != self._value:
            self._value = v
            self.lineEdit().setText(self.spec.format(v))
            self._commit(v)
            self.lineEdit().selectAll()

    def _next(self, v, up: bool):
        spec = self.spec
        if spec.log_steps and v > 0:
            exp = math.floor(math.log10(v) + 1e-9)
            ladder = [m * 10.0**e for e in (exp - 1, exp, exp + 1) for m in (1.0, 2.0, 5.0)]
            cands = [x for x in ladder if (x > v * (1 + 1e-9) if up else x < v * (1 - 1e-9))]
            nxt = float(f"{(min(cands) if up else max(cands)):.12g}") if cands else None
        else:
            nxt = v + (spec.step if up else -spec.step)
            if spec.kind == "int":
                nxt = int(nxt)
            else:
                nxt = float(f"{nxt:.12g}")  # 0.1 + 0.2 shows as 0.3
        if nxt is None or not spec.in_range(nxt):
            return None
        return nxt

    # --- handlers ----------------------------------------------------------------------------------------------------
    def _on_text_edited(self, text: str) -> None:
        try:
            value = self.spec.parse(text)
        except ValueError as e:
            self._set_problem(getattr(e, "text", None) or str(e))  # the message as built: tr_text shows it translated
            return
        if value is None and self.spec.kind != "optional_float":
            return
        self._value = value
        self._set_problem(None)
        self._commit(value)

    def _commit(self, value) -> None:
        self.valueCommitted.emit(value)

    def _set_problem(self, reason: str | None) -> None:
        if reason != self._problem:
            self._problem = reason
            self.setProperty("invalid", reason is not None)
            self.style().unpolish(self)
            self.style().polish(self)
            self.problemChanged.emit(reason)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        # Unlike QSpinBox, keep what was typed: a refused entry stays visible with its reason until corrected.
        QWidget.focusOutEvent(self, event)
        self.update()
