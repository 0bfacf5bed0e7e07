"""File ▸ Export ▸ Plot image: the dialog, where it saves the picture, and the copy to the clipboard.

The picture's inputs are taken from the window by export.inputs; the number boxes are export.boxes and the limits of
the size and resolution export.limits (a mixin of the dialog).  The drawing itself is in thermogui.ui.export.figure,
written out by export.writing (shared with `thermogui fit --plot`).  The dialog speaks the UI language
(`retranslate()`, context "ExportDialog"); the picture's labels do too unless "Book's English labels" is ticked
(remembered: settings.EXPORT_BOOK_LABELS).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import dialogs, style
from thermogui.ui.controls.panel import _combo
from thermogui.ui.export.boxes import TypedDoubleSpinBox, TypedSpinBox
from thermogui.ui.export.caption import DEFAULT_TITLE
from thermogui.ui.export.inputs import export_from_window, window_image
from thermogui.ui.export.limits import SizeLimits
from thermogui.ui.export.options import FORMATS, MAX_DPI, MIN_DPI, ExportOptions
from thermogui.ui.export.writing import copy_to_clipboard
from thermogui.ui.files import settings
from thermogui.ui.files.controller import os_reason
from thermogui.ui.i18n import Retranslating, marked, translate

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


class ExportDialog(Retranslating, SizeLimits, QDialog):
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
