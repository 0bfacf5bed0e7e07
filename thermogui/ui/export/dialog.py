"""File ▸ Export ▸ Plot image: the dialog, and the glue that takes the picture's inputs from the window.

The drawing itself is in thermogui.ui.export.figure, written out by export.writing (shared with `thermogui fit
--plot`).  The dialog speaks the UI language (`retranslate()`, context "ExportDialog"); the picture's labels do too
unless "Book's English labels" is ticked (remembered: settings.EXPORT_BOOK_LABELS).
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QImage, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from thermogui.core.history import EPOCH, LOSS
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import dialogs, style
from thermogui.ui.controls.panel import _combo
from thermogui.ui.export.caption import DEFAULT_TITLE, run_metadata
from thermogui.ui.export.options import FORMATS, MAX_DPI, MAX_SIDE_PX, MIN_DPI, ExportOptions, dpi_range, size_range
from thermogui.ui.export.writing import copy_to_clipboard, render_figure, write_figure
from thermogui.ui.files import settings
from thermogui.ui.files.controller import os_reason
from thermogui.ui.i18n import Retranslating, marked, translate


# --- from the window -------------------------------------------------------------------------
def window_inputs(window) -> dict:
    """What a MainWindow shows, as keyword arguments for render_figure / write_figure: the run's model and its
    parameters in raw units (the finished run's, the latest epoch's while running, or the start values before a
    run), the exact least-squares answer (for a network the least-squares line, for comparison), the loss history and
    the validation readings as the window draws them."""
    from thermogui.core.analysis import metrics, start_params_raw, validation_mask
    from thermogui.core.models import is_linear, model_of
    from thermogui.core.problem import least_squares_line, least_squares_params

    state = window.run_state
    data = state.dataset
    t_u, t_c = data.active()
    run = state.last_run
    # the settings of the run that drew the curve, not whatever the controls say since
    config = run.config if run is not None else state.committed_config()
    model = model_of(config)
    P = model.size
    rows = np.array(run.history.snapshot()) if run is not None and run.history is not None else np.empty((0, 3 + 3 * P))
    outcome = run.outcome if run is not None else None
    if outcome is not None:
        params = tuple(float(v) for v in outcome.params)
    elif len(rows):  # running: the latest epoch's parameters
        params = tuple(float(v) for v in rows[-1, 3 + P : 3 + 2 * P])
    elif run is not None and len(window.fit_plot.line()) == P:  # a result restored from a session: as shown
        params = tuple(float(v) for v in window.fit_plot.line())
    else:
        params = tuple(float(v) for v in start_params_raw(config, data))
    if model.name == "line":  # (the line's reference as it always was)
        ls = least_squares_line(config, data)
        lstsq, ls_loss = ((ls.w, ls.b), ls.loss) if ls is not None else (None, None)
    else:  # the model's exact answer; for a network (none) the least-squares line, for comparison
        got = least_squares_params(config if is_linear(model) else config.with_(model="line"), data)
        lstsq, ls_loss = (tuple(float(v) for v in got[1]), float(got[2])) if got is not None else (None, None)
    if outcome is not None:
        epochs, stop = outcome.epochs_run, outcome.stop_reason.value
        loss = outcome.final_loss if math.isfinite(outcome.final_loss) else outcome.loss
    elif len(rows):
        epochs, stop, loss = int(rows[-1, EPOCH]), "running", float(rows[-1, LOSS])
    else:
        epochs, stop = 0, None
        loss = math.nan
        if len(t_u) and all(math.isfinite(v) for v in params):
            if model.name == "line":
                loss = metrics(t_u, t_c, *params).rmse ** 2
            else:
                with np.errstate(all="ignore"):
                    loss = float(np.mean((np.asarray(model.predict(t_u, np.asarray(params)), float) - t_c) ** 2))
    line = params
    if not all(math.isfinite(v) for v in line):
        line = line if outcome is not None else None
    val = window.fit_plot.validation()  # drawn hollow as in the window: the marked readings or the seeded share
    if len(val) != len(data):
        val = validation_mask(config, data)
    return {
        "data": data,
        "line": line,
        "lstsq": lstsq,
        "loss_rows": rows if len(rows) else None,
        "metadata": run_metadata(config, line, lstsq, epochs, loss, stop, ls_loss),
        "model": model,
        "val": val,
    }


def export_from_window(window, options: ExportOptions, path) -> None:
    """Write the window's plot to `path` (PNG or SVG per options.format); OSError/ValueError on failure."""
    write_figure(options, path, **window_inputs(window))


def window_image(window, options: ExportOptions) -> QImage:
    inputs = window_inputs(window)
    return render_figure(replace(options, format="png"), **inputs)


# --- the dialog ------------------------------------------------------------------------------
# (choices and file filters in English, marked; shown with marked("ExportDialog", …))
WHAT_LABELS = (
    ("fit", QT_TRANSLATE_NOOP("ExportDialog", "Fit plot")),
    ("loss", QT_TRANSLATE_NOOP("ExportDialog", "Loss plot")),
    ("both", QT_TRANSLATE_NOOP("ExportDialog", "Fit and loss side by side")),
)
FORMAT_LABELS = (
    ("png", QT_TRANSLATE_NOOP("ExportDialog", "PNG image")),
    ("svg", QT_TRANSLATE_NOOP("ExportDialog", "SVG vector image")),
)
UNIT_LABELS = (("in", QT_TRANSLATE_NOOP("ExportDialog", "inches")), ("px", QT_TRANSLATE_NOOP("ExportDialog", "pixels")))
FILE_FILTERS = {
    "png": QT_TRANSLATE_NOOP("ExportDialog", "PNG image (*.png)"),
    "svg": QT_TRANSLATE_NOOP("ExportDialog", "SVG vector image (*.svg)"),
}
DEFAULT_NAME = "thermometer-fit"


def _settings() -> QSettings:
    return QSettings()


def default_title(book_labels: bool) -> str:
    """The picture's title until a person types one: "Thermometer calibration" in the labels' language."""
    return DEFAULT_TITLE if book_labels else translate("Figure", DEFAULT_TITLE)


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


class ExportDialog(Retranslating, QDialog):
    """File ▸ Export plot…: what to draw, format, resolution, size, title, caption, labels and where to save it."""

    exported = Signal(str)  # the path written

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("exportDialog")
        self.setMinimumWidth(520)
        self.main_window = window
        d = ExportOptions()
        self.what = _combo("exportWhatInput", WHAT_LABELS, "")
        self.format = _combo("exportFormatInput", FORMAT_LABELS, "")
        self.dpi = TypedSpinBox(
            objectName="exportDpiInput",
            minimum=MIN_DPI,
            maximum=MAX_DPI,
            value=d.dpi,
            suffix=" dpi",
            singleStep=50,
            keyboardTracking=False,
        )
        self.width_input = TypedDoubleSpinBox(objectName="exportWidthInput", keyboardTracking=False)
        self.height_input = TypedDoubleSpinBox(objectName="exportHeightInput", keyboardTracking=False)
        self.unit = _combo("exportUnitInput", UNIT_LABELS, "")
        self._set_unit_ranges("in")
        self.width_input.setValue(d.width)
        self.height_input.setValue(d.height)
        self.book_labels_input = QCheckBox(
            objectName="exportBookLabelsInput", checked=settings.EXPORT_BOOK_LABELS.get(_settings())
        )
        self._title_default = default_title(self.book_labels_input.isChecked())  # shown until the person types one
        self.title_input = QLineEdit(self._title_default, objectName="exportTitleInput")
        self.caption_input = QCheckBox(objectName="exportCaptionInput", checked=d.caption)
        self.path_input = QLineEdit(objectName="exportPathInput")
        self.path_input.setText(str(self._start_dir() / f"{DEFAULT_NAME}.png"))
        self.browse_button = browse = QPushButton(objectName="exportBrowseButton")
        self.size_label = QLabel(objectName="exportSizeLabel")
        style.set_text_role(self.size_label, "hint")
        self.status = QLabel(objectName="exportStatusLabel", wordWrap=True)
        self.export_button = QPushButton(objectName="exportButton", default=True)
        self.copy_button = QPushButton(objectName="copyButton")
        self.close_button = close = QPushButton(objectName="exportCloseButton")

        size = QHBoxLayout()
        size.addWidget(self.width_input, 1)
        size.addWidget(QLabel("×"))
        size.addWidget(self.height_input, 1)
        size.addWidget(self.unit)
        where = QHBoxLayout()
        where.addWidget(self.path_input, 1)
        where.addWidget(browse)
        form = QFormLayout()
        rows = ("plot", "format", "resolution", "size", "title", "caption", "labels", "save_as")
        self.form_labels = {key: QLabel() for key in rows}  # (their texts: retranslate)
        form.addRow(self.form_labels["plot"], self.what)
        form.addRow(self.form_labels["format"], self.format)
        form.addRow(self.form_labels["resolution"], self.dpi)
        form.addRow(self.form_labels["size"], size)
        form.addRow("", self.size_label)
        form.addRow(self.form_labels["title"], self.title_input)
        form.addRow(self.form_labels["caption"], self.caption_input)
        form.addRow(self.form_labels["labels"], self.book_labels_input)
        form.addRow(self.form_labels["save_as"], where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.status)
        box.addLayout(buttons)

        self.what.currentIndexChanged.connect(self._on_what_changed)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self._refused = None  # (box, the typed number) that lies outside the box's range
        for w in (self.dpi, self.width_input, self.height_input):
            w.valueChanged.connect(self._show_size)
            w.lineEdit().textEdited.connect(self._on_number_typed)
            w.editingFinished.connect(self._show_size)
        self.format.currentIndexChanged.connect(self._show_size)  # a PNG has pixel limits, an SVG not
        browse.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.export)
        self.copy_button.clicked.connect(self.copy)
        close.clicked.connect(self.reject)
        self.book_labels_input.toggled.connect(self._on_book_labels_toggled)
        self._unit_now = "in"
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the dialog in the UI language (at start and on QEvent.LanguageChange); a title still the
        default one follows the labels' language."""
        self.setWindowTitle(self.tr("Export plot"))
        for combo, items, tip in (
            (self.what, WHAT_LABELS, self.tr("Which plot goes into the picture.")),
            (
                self.format,
                FORMAT_LABELS,
                self.tr("PNG: pixels at the chosen resolution. SVG: lines and text that scale to any size."),
            ),
            (self.unit, UNIT_LABELS, self.tr("Give the size in inches (printed size) or pixels.")),
        ):
            for i, (_key, label) in enumerate(items):
                combo.setItemText(i, marked("ExportDialog", label))
            combo.setToolTip(tip)
            combo.setAccessibleDescription(tip)
        self.dpi.setToolTip(
            self.tr(
                "Dots per inch: 600 is print quality (the book saves its plot at 600); 96–150 for "
                "screens. Text and lines keep their size in points. A PNG's highest resolution depends "
                "on its size (at most 120 megapixels, 20,000 pixels a side); an SVG's does not."
            )
        )
        self.title_input.setPlaceholderText(self.tr("no title"))
        self.caption_input.setText(self.tr("Show the fitted equation under the plot"))
        self.book_labels_input.setText(self.tr("Book's English labels"))
        self.book_labels_input.setToolTip(
            self.tr(
                "Label the axes, legend and caption with the book's English words (Temperature (°Fahrenheit), "
                "Temperature (°Celsius)) instead of the UI language's."
            )
        )
        for key, text in (
            ("plot", self.tr("Plot")),
            ("format", self.tr("Format")),
            ("resolution", self.tr("Resolution")),
            ("size", self.tr("Size")),
            ("title", self.tr("Title")),
            ("caption", self.tr("Caption")),
            ("labels", self.tr("Labels")),
            ("save_as", self.tr("Save as")),
        ):
            self.form_labels[key].setText(text)
        self.browse_button.setText(self.tr("&Browse…"))
        self.export_button.setText(self.tr("&Export"))
        self.copy_button.setText(self.tr("Co&py to clipboard"))
        self.close_button.setText(self.tr("C&lose"))
        self._update_default_title()
        self._show_size()

    def _update_default_title(self) -> None:
        """A title nobody has typed over follows the labels' language."""
        new = default_title(self.book_labels_input.isChecked())
        if self.title_input.text() == self._title_default and new != self._title_default:
            self.title_input.setText(new)
        self._title_default = new

    @Slot(bool)
    def _on_book_labels_toggled(self, on: bool) -> None:
        settings.EXPORT_BOOK_LABELS.set(bool(on), _settings())
        self._update_default_title()

    # --- widgets -> options ------------------------------------------------------------------
    def options(self) -> ExportOptions:
        return ExportOptions(
            what=self.what.currentData(),
            format=self.format.currentData(),
            dpi=self.dpi.value(),
            width=self.width_input.value(),
            height=self.height_input.value(),
            unit=self.unit.currentData(),
            title=self.title_input.text(),
            caption=self.caption_input.isChecked(),
            book_labels=self.book_labels_input.isChecked(),
        )

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
            return self.tr("{typed} dpi cannot be used: from {lo} to {hi} dpi at this size and format").format(
                typed=f"{v:,.0f}", lo=f"{box.minimum():,}", hi=f"{box.maximum():,}"
            )
        unit = self.tr("px") if self.unit.currentData() == "px" else self.tr("in")
        side = self.tr("width") if box is self.width_input else self.tr("height")
        return self.tr("A {side} of {typed} {unit} cannot be used: from {lo} to {hi} {unit} here").format(
            side=side, typed=f"{v:,g}", unit=unit, lo=f"{box.minimum():,g}", hi=f"{box.maximum():,g}"
        )

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
            kept = self.tr("kept {value}").format(value=box.text())
            self.size_label.setText(f"⚠ {self._range_text(box, v)} — {kept}")
            return
        o = self.options()
        w, h = o.pixel_size()
        if o.unit == "in":
            text = self.tr("{w} × {h} pixels").format(w=f"{w:,}", h=f"{h:,}")
        else:
            text = self.tr("{w} × {h} in at {dpi} dpi").format(w=f"{w / o.dpi:.2f}", h=f"{h / o.dpi:.2f}", dpi=o.dpi)
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

    @Slot(int)
    def _on_what_changed(self, _index: int) -> None:
        """Side by side needs twice the width: adjust the default size (and only the default)."""
        if self.unit.currentData() == "in":
            both = self.what.currentData() == "both"
            if both and self.width_input.value() == 6.4:
                self.width_input.setValue(12.8)
            elif not both and self.width_input.value() == 12.8:
                self.width_input.setValue(6.4)

    @Slot(int)
    def _on_format_changed(self, _index: int) -> None:
        text = self.path_input.text().strip()
        root, ext = os.path.splitext(text)
        if ext.lower() in (".png", ".svg"):
            self.path_input.setText(f"{root}.{self.format.currentData()}")

    # --- files -----------------------------------------------------------------------------
    def _start_dir(self) -> Path:
        last = settings.export_last_dir(_settings())
        if last:
            return Path(last)
        pictures = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation)
        return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()

    @Slot()
    def browse(self) -> str:
        fmt = self.format.currentData()
        current = self.path_input.text().strip() or str(self._start_dir() / f"{DEFAULT_NAME}.{fmt}")
        filters = {key: marked("ExportDialog", text) for key, text in FILE_FILTERS.items()}
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export plot"),
            current,
            ";;".join(filters.values()),
            filters[fmt],
            QFileDialog.DontConfirmOverwrite,
        )
        if path:
            if not os.path.splitext(path)[1]:
                path += ".svg" if chosen in (filters["svg"], FILE_FILTERS["svg"]) else ".png"
            self.path_input.setText(path)
            self._sync_format(path)
        return path

    def _sync_format(self, path: str) -> None:
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        if ext in FORMATS and ext != self.format.currentData():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(ext))
            self.format.blockSignals(False)
            self._show_size()  # the limits of the new format

    def _target(self) -> Path | None:
        text = self.path_input.text().strip() or self.browse()
        if not text:
            return None
        path = Path(os.path.expanduser(text))
        if path.suffix.lower() in (".png", ".svg"):
            self._sync_format(str(path))
        else:
            path = path.with_name(path.name + f".{self.format.currentData()}")
        self.path_input.setText(str(path))
        return path

    @Slot()
    def export(self) -> bool:
        """Write the file; False when cancelled or it failed (then an error box says why)."""
        path = self._target()
        if path is None:
            return False
        if path.is_file():
            answer = dialogs.ask(
                self,
                self.tr("Replace file?"),
                self.tr("“{file}” already exists in {folder}.\nDo you want to replace it?").format(
                    file=path.name, folder=path.parent
                ),
                (QMessageBox.Yes, QMessageBox.No),
                default=QMessageBox.No,
                escape=QMessageBox.No,
            )
            if answer != QMessageBox.Yes:
                self.status.setText(self.tr("Not exported: the existing file was kept."))
                return False
        options = self.options()
        try:
            export_from_window(self.main_window, options, path)
        except (OSError, ValueError) as e:
            self._show_error(path, e)
            return False
        settings.set_export_last_dir(path.parent.resolve(), _settings())
        w, h = options.pixel_size()
        if options.format == "png":
            detail = self.tr("{w} × {h} px at {dpi} dpi").format(w=f"{w:,}", h=f"{h:,}", dpi=options.dpi)
        else:
            detail = "SVG"
        message = self.tr("Exported the plot to {path} ({detail}).").format(path=path, detail=detail)
        style.set_text_role(self.status, None)
        self.status.setText(message)
        status_bar = getattr(self.main_window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(message, 8000)
        self.exported.emit(str(path))
        self.accept()
        return True

    def _show_error(self, path, error: Exception) -> None:
        """Say why the picture could not be saved to `path` (a file, or words such as "the clipboard")."""
        reason = os_reason(error)
        style.set_text_role(self.status, "error")
        self.status.setText(self.tr("Could not export: {reason}").format(reason=reason))
        old = self.findChild(QMessageBox, "exportErrorDialog")
        if old is not None:  # one error box at a time
            old.setObjectName("")
            old.close()
            old.deleteLater()
        box = QMessageBox(
            QMessageBox.Critical,
            self.tr("Export failed"),
            self.tr("The plot could not be saved to {path}.").format(path=path),
            QMessageBox.Ok,
            self,
        )
        box.setAttribute(Qt.WA_DeleteOnClose)
        reason = reason.rstrip(".") + "."
        if isinstance(error, OSError):
            reason += self.tr("\nAny existing file was left as it was.")
        box.setInformativeText(reason)
        box.setObjectName("exportErrorDialog")
        box.open()

    @Slot()
    def copy(self) -> None:
        options = replace(self.options(), format="png")
        try:
            image = window_image(self.main_window, options)
        except ValueError as e:
            self._show_error(self.tr("the clipboard"), e)
            return
        copy_to_clipboard(image)
        style.set_text_role(self.status, None)
        self.status.setText(
            self.tr("Copied the plot ({w} × {h} px) to the clipboard.").format(
                w=f"{image.width():,}", h=f"{image.height():,}"
            )
        )


def open_export_dialog(window) -> ExportDialog:
    """File ▸ Export plot…: show the export dialog for `window` (one per window, remembers its settings)."""
    dlg = window.findChild(ExportDialog)  # the window's own dialog (its child), if it has one
    if dlg is None:
        dlg = ExportDialog(window)
    dlg.status.clear()
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    return dlg


def copy_window_plot(window, options: ExportOptions | None = None) -> QImage:
    """Edit ▸ Copy plot: the fit plot at screen-friendly 150 dpi to the clipboard (its labels as the export dialog
    last chose: the UI language's or the book's English)."""
    if options is None:
        book = settings.EXPORT_BOOK_LABELS.get(_settings())
        options = ExportOptions(dpi=150, title=default_title(book), book_labels=book)
    image = window_image(window, options)
    copy_to_clipboard(image)
    return image
