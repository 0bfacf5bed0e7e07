"""Results of a run: how well the line fits (RMSE, MAE, R² on training and validation readings), the residual of
every reading, the largest residuals (outliers), and a calculator that uses the calibration both ways.

Every number comes from thermogui.core (analysis.metrics / fit_check, gradients.residuals / outliers / calibration).
A line that is not finite or nowhere near the readings (analysis.fit_check: a diverged run) gets a plain message
instead of metrics, residuals and outliers, which would be meaningless.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.analysis import FAR_SPANS, FitCheck, fit_check, metrics
from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset, parse_number
from thermogui.core.errors import UserError
from thermogui.core.gradients import OUTLIER_SPREADS, Calibration, CalibrationError, calibration, outliers, residuals
from thermogui.core.numbers import equation
from thermogui.core.numbers import fmt_signed as signed
from thermogui.core.numbers import fmt_temp as fmt_t
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating, error_text, field_text, marked
from thermogui.ui.plots.kit import (
    ThemedPlot,
    fit_legend_height,
    legend_above,
    pen,
    relabel_legend,
    setup_plot,
    show_in_legend,
)

SPREAD_TIP = QT_TRANSLATE_NOOP(
    "ResultsPanel",
    "± is the RMS of the training residuals, √(mean of residual²) = √(training loss): the size of a "
    "typical error of the line on the readings it was fitted to (one spread, not 2σ).",
)


def _model_label(name: str) -> str:
    """What the window calls a model ('Network  Linear → Tanh → Linear'), in the UI language."""
    from thermogui.core.fields import field

    label = dict(field("model").choices).get(name, name)
    return " ".join(field_text(label).split())


class ResidualPlot(ThemedPlot):
    """Residual (measured − fitted, °C) per reading against t_u, with the zero line and the outlier limits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("residualPlot")
        item = self.getPlotItem()
        setup_plot(item, "", "")  # (titles in retranslate: true values, no ×1e-3)
        item.showGrid(y=True, alpha=0.2)
        self.legend = legend_above(item, columns=3)  # above the plot: never over a residual
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pen(style.ZERO_LINE, width=1.5))
        dash = pen(style.FIT, width=1, style=Qt.DashLine)
        self.upper = pg.InfiniteLine(pos=0, angle=0, pen=dash)
        self.lower = pg.InfiniteLine(pos=0, angle=0, pen=dash)
        for line in (self.zero, self.upper, self.lower):
            item.addItem(line)
        self.train_points = pg.ScatterPlotItem(
            symbol="o",
            size=9,
            pen=pen(style.DATA, width=1.5),
            brush=pg.mkBrush(*style.DATA, 160),
            name="training readings",
        )
        self.val_points = pg.ScatterPlotItem(
            symbol="s",
            size=9,
            pen=pen(style.VALIDATION, width=1.5),
            brush=pg.mkBrush(*style.VALIDATION, 160),
            name="validation readings",
        )
        self.flagged = pg.ScatterPlotItem(
            symbol="o",
            size=17,
            pen=pen(style.FIT, width=2),
            brush=None,
            name=f"outlier (beyond {OUTLIER_SPREADS:g} × ±)",
        )
        for it in (self.train_points, self.val_points, self.flagged):
            item.addItem(it)
        self.legend.addItem(self.train_points, "training readings")
        self.set_points(np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0), math.nan)
        self.retranslate()

    def retranslate(self) -> None:
        self.describe(
            self.tr("Residual plot"),
            self.tr(
                "The residual, measured minus fitted °C, of each reading against its t_u, with the zero line and the "
                "dashed outlier limits. The list below the plot names the largest residuals."
            ),
        )
        item = self.getPlotItem()
        item.setLabel("bottom", self.tr("Reading t_u (unknown units)"))
        item.setLabel("left", self.tr("Residual t_c − t_p (°C)"))
        if relabel_legend(self.legend, lambda it: self._names().get(id(it))):
            fit_legend_height(self.legend, item)

    def _names(self) -> dict:
        """The legend's entries by item, in the UI language."""
        return {
            id(self.train_points): self.tr("training readings"),
            id(self.val_points): self.tr("validation readings"),
            id(self.flagged): self.tr("outlier (beyond {k} × ±)").format(k=f"{OUTLIER_SPREADS:g}"),
        }

    def set_points(self, tu_train, r_train, tu_val, r_val, tu_out, r_out, spread: float) -> None:
        self.train_points.setData(tu_train, r_train)
        self.val_points.setData(tu_val, r_val)
        self.flagged.setData(tu_out, r_out)
        changed = False
        names = self._names()
        for it, has in ((self.val_points, len(tu_val)), (self.flagged, len(tu_out))):
            changed |= show_in_legend(self.legend, it, names[id(it)], bool(has))
        if changed:
            fit_legend_height(self.legend, self.getPlotItem())
        limit = OUTLIER_SPREADS * spread if math.isfinite(spread) else 0.0
        for line, pos in ((self.upper, limit), (self.lower, -limit)):
            line.setPos(pos)
            line.setVisible(limit > 0)
        self.getPlotItem().enableAutoRange()


# The fit-quality table's column heads (names of measures, kept as they are) and their tooltips
QUALITY_HEADS = (
    ("RMSE", QT_TRANSLATE_NOOP("ResultsPanel", "Root mean squared error (°C): the typical size of an error.")),
    ("MAE", QT_TRANSLATE_NOOP("ResultsPanel", "Mean absolute error (°C): the average distance from the line.")),
    (
        "R²",
        QT_TRANSLATE_NOOP(
            "ResultsPanel",
            "The share of the variation in t_c that the line explains (1 = perfect, 0 = no better "
            "than always guessing the mean).",
        ),
    ),
    ("N", QT_TRANSLATE_NOOP("ResultsPanel", "Number of readings")),
)


class ResultsPanel(Retranslating, QWidget):
    outliersChanged = Signal(list)  # dataset rows (0-based, into the full table) whose residual marks an outlier

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("resultsPanel")
        self.calibration: Calibration | None = None
        self.fit: FitCheck | None = None  # whether the shown line's residuals and metrics mean anything
        self._shown: tuple = ("clear",)  # what the panel shows, to show it again in another language

        # fit quality: rows training / validation, columns RMSE, MAE, R², N
        self.quality = quality = QGroupBox()
        grid = QGridLayout(quality)
        grid.addWidget(QLabel(), 0, 0)
        self.heads: list[QLabel] = []
        for col, (text, _tip) in enumerate(QUALITY_HEADS, start=1):
            head = QLabel(f"<b>{text}</b>", alignment=Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(head, 0, col)
            self.heads.append(head)
        self.metric_labels: dict[str, list[QLabel]] = {}
        self.row_labels: list[QLabel] = []
        for row, key in enumerate(("train", "val"), start=1):
            self.row_labels.append(QLabel())
            grid.addWidget(self.row_labels[-1], row, 0)
            cells = [
                QLabel(objectName=f"{key}{m}Label", alignment=Qt.AlignRight | Qt.AlignVCenter)
                for m in ("Rmse", "Mae", "R2", "N")
            ]
            for col, cell in enumerate(cells, start=1):
                grid.addWidget(cell, row, col)
            self.metric_labels[key] = cells
        self.val_note = QLabel(objectName="validationNoteLabel", wordWrap=True)
        style.set_text_role(self.val_note, "hint")
        grid.addWidget(self.val_note, 3, 0, 1, 5)

        self.plot = ResidualPlot()
        self.plot.setMinimumHeight(190)
        self.outlier_label = QLabel(objectName="outlierList", wordWrap=True)
        self.outlier_label.setTextFormat(Qt.PlainText)

        self.calib = calib = QGroupBox()
        form = QFormLayout(calib)
        self.equation = QLabel(objectName="calibrationEquationLabel")
        self.reading_input = QLineEdit(objectName="calibrateReadingInput")
        self.celsius_label = QLabel(objectName="calibrateCelsiusLabel", wordWrap=True)
        self.celsius_input = QLineEdit(objectName="calibrateCelsiusInput")
        self.reading_label = QLabel(objectName="calibrateReadingLabel", wordWrap=True)
        for box in (self.reading_input, self.celsius_input):
            box.setMaximumWidth(110)
        self.form_labels = [QLabel(), QLabel(), QLabel()]  # Line:, Reading t_u:, Temperature °C:
        form.addRow(self.form_labels[0], self.equation)
        form.addRow(self.form_labels[1], self._pair(self.reading_input, self.celsius_label))
        form.addRow(self.form_labels[2], self._pair(self.celsius_input, self.reading_label))
        self.spread_note = note = QLabel(wordWrap=True)
        style.set_text_role(note, "hint")
        form.addRow(note)

        lay = QVBoxLayout(self)
        lay.addWidget(quality)
        self.residuals_title = QLabel(wordWrap=True)
        lay.addWidget(self.residuals_title)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.outlier_label)
        lay.addWidget(calib)

        for box in (self.reading_input, self.celsius_input):
            box.textChanged.connect(self._on_calculator_changed)  # answers as you type, no Enter needed
        self.clear()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the UI language, and what the panel shows (a result, a reason) shown again in it."""
        self.quality.setTitle(self.tr("Fit quality"))
        for head, (_text, tip) in zip(self.heads, QUALITY_HEADS):
            head.setToolTip(marked("ResultsPanel", tip))
        self.row_labels[0].setText(self.tr("Training"))
        self.row_labels[1].setText(self.tr("Validation"))
        self.outlier_label.setToolTip(
            self.tr(
                "The largest residuals, largest first. A reading more than {k} × the ± away from the line is marked "
                "as an outlier and highlighted in the table."
            ).format(k=f"{OUTLIER_SPREADS:g}")
        )
        self.calib.setTitle(self.tr("Use the calibration"))
        spread_tip = marked("ResultsPanel", SPREAD_TIP)
        self.reading_input.setPlaceholderText(self.tr("e.g. 60"))
        self.reading_input.setToolTip(self.tr("Type a reading of the unknown thermometer and press Enter."))
        self.celsius_input.setPlaceholderText(self.tr("e.g. 20"))
        self.celsius_input.setToolTip(self.tr("Type a temperature in °C and press Enter: the reading to expect."))
        self.reading_input.setAccessibleName(self.tr("Reading t_u to convert to °C"))
        self.celsius_input.setAccessibleName(self.tr("Temperature in °C to convert to a reading"))
        for label in (self.celsius_label, self.reading_label, self.spread_note):
            label.setToolTip(spread_tip)
        for label, text in zip(
            self.form_labels, (self.tr("Line:"), self.tr("Reading t_u:"), self.tr("Temperature °C:"))
        ):
            label.setText(text)
        self.spread_note.setText(
            self.tr(
                "± = RMS of the training residuals (√ of the training loss): a typical error, not a guaranteed bound."
            )
        )
        self.residuals_title.setText(
            self.tr(
                "<b>Residuals</b> — measured minus fitted °C for each reading; dashed: the outlier limits ± {k} × RMS"
            ).format(k=f"{OUTLIER_SPREADS:g}")
        )
        self._show_again()

    def _show_again(self) -> None:
        """Show what the panel shows (in the UI language, after a language change)."""
        kind, *args = self._shown
        if kind == "result":
            self.show_result(*args)
        elif kind == "line only":
            self.show_line_only(*args)
        else:
            self.clear()

    @staticmethod
    def _pair(box: QLineEdit, label: QLabel) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(box)
        h.addWidget(label, 1)
        return w

    # --- API ---------------------------------------------------------------------------------------------
    def show_result(self, config: TrainConfig, data: Dataset, w_raw: float, b_raw: float) -> None:
        """Show the fit quality, residuals, outliers and calibration of the raw-unit line t_c = w_raw·t_u + b_raw
        on the readings of `data`, split into training / validation as `config` splits them.  A line that is not
        finite or nowhere near the readings (core.analysis.fit_check) gets a message instead."""
        from thermogui.core.training import prepare  # torch: imported when a result is first shown

        try:
            prep = prepare(config, data)
        except UserError as e:  # ConfigError / DataError
            self.clear()
            self._shown = ("result", config, data, w_raw, b_raw)
            self.outlier_label.setText(self.tr("No result to show: {reason}").format(reason=error_text(e)))
            style.set_text_role(self.outlier_label, "error")
            return
        self._shown = ("result", config, data, w_raw, b_raw)
        t_u, t_c = data.active()
        rows = np.flatnonzero(data.include)  # active index -> table row
        tr, va = prep.train_index, prep.val_index
        self.fit = check = fit_check(t_u[tr], t_c[tr], w_raw, b_raw)
        self.calibration = cal = calibration(t_u[tr], t_c[tr], w_raw, b_raw)
        self.equation.setText(equation(w_raw, b_raw))
        self.val_note.setText(
            ""
            if len(va)
            else self.tr(
                "No validation readings: set a validation fraction to hold some "
                "readings out and check the line on data it has not seen."
            )
        )
        self.val_note.setVisible(not len(va))
        if not check.meaningful:
            self._show_meaningless(check, (len(tr), len(va)))
            return
        for key, idx in (("train", tr), ("val", va)):
            m = metrics(t_u[idx], t_c[idx], w_raw, b_raw)
            texts = ("—", "—", "—", "0") if m.n == 0 else (fmt_t(m.rmse), fmt_t(m.mae), fmt_t(m.r2, 4), str(m.n))
            for cell, text in zip(self.metric_labels[key], texts):
                cell.setText(text)

        r = residuals(t_u, t_c, w_raw, b_raw)
        ranked = outliers(r, k=3, spread=cal.spread)
        flagged = [o for o in ranked if o.flagged]
        self.plot.set_points(
            t_u[tr], r[tr], t_u[va], r[va], t_u[[o.index for o in flagged]], r[[o.index for o in flagged]], cal.spread
        )
        style.set_text_role(self.outlier_label, None)
        in_val = set(va.tolist())
        lines = [self.tr("Largest residuals (± = {spread} °C):").format(spread=fmt_t(cal.spread))]
        for o in ranked:
            score = f"{o.score:.2f}"
            if o.flagged:
                verdict = self.tr("⚠ outlier, {score} × ±").format(score=score)
            else:
                verdict = self.tr("{score} × ±, within the usual spread").format(score=score)
            if o.index in in_val:
                line = self.tr("Row {row} (validation): residual {residual} °C — {verdict}")
            else:
                line = self.tr("Row {row}: residual {residual} °C — {verdict}")
            lines.append(line.format(row=rows[o.index] + 1, residual=signed(o.residual), verdict=verdict))
        if not flagged:
            lines.append(
                self.tr("No outliers: every reading is within {k} × ± of the line.").format(k=f"{OUTLIER_SPREADS:g}")
            )
        self.outlier_label.setText("\n".join(lines))
        self._on_calculator_changed()
        self.outliersChanged.emit([int(rows[o.index]) for o in flagged])

    def _show_meaningless(self, check: FitCheck, counts: tuple[int, int]) -> None:
        """No metrics, residuals or outliers for a line that is not finite or nowhere near the readings: say why."""
        for key, n in zip(("train", "val"), counts):
            for cell, text in zip(self.metric_labels[key], ("—", "—", "—", str(n))):
                cell.setText(text)
        self.plot.set_points(*(np.empty(0),) * 6, math.nan)
        advice = self.tr(
            "A run ends up here when it diverges (the learning rate is too large for these readings): "
            "lower the learning rate, or normalize the readings, and run again."
        )
        if check.reason == "not_finite":
            text = self.tr(
                "This run diverged: the line is not finite, so there are no residuals, R² or outliers to show."
            )
        else:
            text = self.tr(
                "This line is nowhere near the readings: a typical residual is {rms} °C, more than {spans} × "
                "the readings' whole range of {span} °C. Residuals, R² and outliers mean nothing for such a "
                "line."
            ).format(rms=fmt_t(check.rms), spans=f"{FAR_SPANS:g}", span=fmt_t(check.span, 1))
        self.outlier_label.setText(text + "\n" + advice)
        style.set_text_role(self.outlier_label, "error")
        self._on_calculator_changed()
        self.outliersChanged.emit([])

    def show_line_only(self, model: str) -> None:
        """A run of another model than the straight line: the panel's residuals and calculator are the line's, so it
        says so instead."""
        self.clear()
        self._shown = ("line only", model)
        self.outlier_label.setText(
            self.tr(
                "Results & calibration is about the straight line: its residuals, outliers and the reading ↔ °C "
                "calculator use t_c = w·t_u + b. The model chosen for this run is {model}: choose the model “Line” "
                "and run it to use this tab."
            ).format(model=_model_label(model))
        )

    def clear(self) -> None:
        self._shown = ("clear",)
        self.calibration = None
        self.fit = None
        for cells in self.metric_labels.values():
            for cell in cells:
                cell.setText("—")
        self.val_note.setText("")
        self.val_note.hide()
        self.plot.set_points(*(np.empty(0),) * 6, math.nan)
        self.outlier_label.setText(self.tr("Train a model to see its residuals and outliers."))
        style.set_text_role(self.outlier_label, None)
        self.equation.setText(self.tr("— (no fitted line yet)"))
        self._on_calculator_changed()
        self.outliersChanged.emit([])

    # --- the calculator ----------------------------------------------------------------------------------
    @Slot()
    def _on_calculator_changed(self) -> None:
        self.celsius_label.setText(self._convert(self.reading_input.text(), to_celsius=True))
        self.reading_label.setText(self._convert(self.celsius_input.text(), to_celsius=False))
        for label in (self.celsius_label, self.reading_label):
            style.set_text_role(label, "error" if label.text().startswith("⚠") else None)

    def _convert(self, text: str, to_celsius: bool) -> str:
        if not text.strip():
            return ""
        try:
            value = parse_number(text)
        except ValueError as e:
            return "⚠ " + error_text(e).replace("the cell is empty", "nothing typed")
        cal = self.calibration
        if cal is None:
            return self.tr("⚠ Train a model first: there is no calibration yet.")
        if self.fit is not None and self.fit.reason == "far":
            return self.tr("⚠ This line is nowhere near the readings, so it cannot convert them: fix the run first.")
        try:
            if to_celsius:
                c, pm = cal.to_celsius(value)
                out = f"→ {fmt_t(c)} °C ± {fmt_t(pm)} °C"
                reading = value
            else:
                reading, pm = cal.to_reading(value)
                out = self.tr("→ reading t_u = {reading} ± {spread}").format(reading=fmt_t(reading), spread=fmt_t(pm))
        except CalibrationError as e:
            return self.tr("⚠ Cannot convert: {reason}.").format(reason=error_text(e))
        if cal.extrapolates(reading):
            lo, hi = cal.t_u_range
            out += self.tr("  (t_u outside the readings' range {lo} to {hi}: an extrapolation)").format(
                lo=fmt_t(lo, 1), hi=fmt_t(hi, 1)
            )
        return out
