"""The export dialog's size and resolution: the ranges the boxes offer follow the format and each other (a PNG's pixel
limits), a number typed outside them is refused with the reason, and the line under the size says how big the
picture will be.

SizeLimits is a mixin of export.dialog.ExportDialog: the boxes (export.boxes), the unit chooser, the size label and
the buttons are the dialog's, and every text keeps the translation context "ExportDialog".
"""

from __future__ import annotations

from PySide6.QtCore import Slot

from thermogui.ui import style
from thermogui.ui.export.options import MAX_SIDE_PX, dpi_range, size_range
from thermogui.ui.files.controller import os_reason
from thermogui.ui.i18n import translate


class SizeLimits:
    """The size and resolution of ExportDialog (a mixin: the boxes dpi, width_input and height_input, unit,
    size_label, export_button, copy_button, _refused, _unit_now and options() are the dialog's)."""

    def _set_unit_ranges(self, unit: str) -> None:
        for box in (self.width_input, self.height_input):
            if unit == "px":
                box.setDecimals(0)
                box.setRange(64, MAX_SIDE_PX)
                box.setSingleStep(100)
                box.setSuffix(" px")
            else:
                box.setDecimals(2)
                box.setRange(0.5, 60.0)
                box.setSingleStep(0.1)
                box.setSuffix(" in")

    def _fit_limits(self) -> None:
        """Offer only what can be exported: the resolution's range follows the size and format (a PNG's pixel
        limits), the size's range follows the resolution and the other side; nothing beyond is reachable."""
        if self.unit.currentData() != getattr(self, "_unit_now", None):
            return  # converting between inches and pixels: the boxes hold mixed units for a moment
        boxes = (self.dpi, self.width_input, self.height_input)
        for box in boxes:
            box.blockSignals(True)
        try:
            lo, hi = dpi_range(self.options())
            if lo <= hi:  # (else no resolution suits this size: the size label says why)
                self.dpi.setRange(lo, hi)  # moves the dpi into range after a switch to PNG
            for side, box in (("width", self.width_input), ("height", self.height_input)):
                lo, hi = size_range(self.options(), side)
                bottom, top = (0.5, 60.0) if self.unit.currentData() == "in" else (64, MAX_SIDE_PX)  # as offered
                box.setRange(min(max(lo, bottom), top), min(hi, top))
        finally:
            for box in boxes:
                box.blockSignals(False)

    @Slot()
    def _on_number_typed(self, _text: str) -> None:
        self._show_size()

    def _out_of_range(self) -> tuple | None:
        """(box, typed number) when a box holds a number outside its range, else None."""
        for box in (self.dpi, self.width_input, self.height_input):
            v = box.typed()
            if v is not None and not box.minimum() <= v <= box.maximum():
                return box, v
        return None

    def _range_text(self, box, v: float) -> str:
        if box is self.dpi:
            return translate(
                "ExportDialog", "{typed} dpi cannot be used: from {lo} to {hi} dpi at this size and format"
            ).format(typed=f"{v:,.0f}", lo=f"{box.minimum():,}", hi=f"{box.maximum():,}")
        unit = translate("ExportDialog", "px") if self.unit.currentData() == "px" else translate("ExportDialog", "in")
        side = translate("ExportDialog", "width") if box is self.width_input else translate("ExportDialog", "height")
        return translate(
            "ExportDialog", "A {side} of {typed} {unit} cannot be used: from {lo} to {hi} {unit} here"
        ).format(side=side, typed=f"{v:,g}", unit=unit, lo=f"{box.minimum():,g}", hi=f"{box.maximum():,g}")

    def _show_size(self, *_) -> None:
        self._fit_limits()
        typed = self._out_of_range()
        self.export_button.setEnabled(typed is None)
        self.copy_button.setEnabled(typed is None)
        if typed is not None:  # editing: say why the number cannot be used (leaving the box keeps the last good one)
            self._refused = typed
            self.size_label.setText(f"⚠ {self._range_text(*typed)}")
            style.set_text_role(self.size_label, "error")
            return
        style.set_text_role(self.size_label, "hint")
        refused, self._refused = self._refused, None
        if refused is not None and not refused[0].hasFocus():  # left with a number it could not take: say so once
            box, v = refused
            kept = translate("ExportDialog", "kept {value}").format(value=box.text())
            self.size_label.setText(f"⚠ {self._range_text(box, v)} — {kept}")
            return
        o = self.options()
        w, h = o.pixel_size()
        if o.unit == "in":
            text = translate("ExportDialog", "{w} × {h} pixels").format(w=f"{w:,}", h=f"{h:,}")
        else:
            text = translate("ExportDialog", "{w} × {h} in at {dpi} dpi").format(
                w=f"{w / o.dpi:.2f}", h=f"{h / o.dpi:.2f}", dpi=o.dpi
            )
        try:
            o.validated()
        except ValueError as e:
            text = f"⚠ {os_reason(e)}"
        self.size_label.setText(text)

    @Slot(int)
    def _on_unit_changed(self, _index: int) -> None:
        new, old = self.unit.currentData(), self._unit_now
        if new == old:
            return
        dpi = self.dpi.value()
        factor = dpi if new == "px" else 1.0 / dpi
        values = [box.value() * factor for box in (self.width_input, self.height_input)]
        self._set_unit_ranges(new)
        for box, v in zip((self.width_input, self.height_input), values):
            box.setValue(v)
        self._unit_now = new
        self._show_size()
