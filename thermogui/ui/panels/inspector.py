"""The gradient inspector: the gradient at the current (w, b) by hand, by autograd and by finite differences, side by
side with their differences, and the chain rule worked through for one reading.

The line keeps the book's presentation (a row per method, dL/dw and dL/db across).  Another model linear in its
parameters (the quadratic) gets a row per parameter — dL/dw2, dL/dw1, dL/db — with the three methods across and the
largest relative difference between them (`gradientParamTable`), and its own chain rule (dt_p/dw2 = x²).  A model that
is not linear in its parameters gets the core's reason instead.

Nothing here runs per training frame: the window calls `show_params` when a run is paused, stepped or stopped (or
shows its start values).  Every number comes from thermogui.core.gradients,
and its text from thermogui.core.numbers.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.errors import UserError
from thermogui.core.gradients import (
    GradientReport,
    ModelGradientReport,
    chain_rule_lines,
    gradient_report,
    model_chain_rule_lines,
    model_formula,
    model_gradient_report,
    normalization_text,
)
from thermogui.core.landscape import NotAvailable, unavailable
from thermogui.core.numbers import fmt_diff, fmt_grad, fmt_num, fmt_trim
from thermogui.ui import style

METHODS = (
    ("By hand (chain rule)", "The gradient derived on paper: sum over points of dL/dt_p × dt_p/dparam (float32)."),
    ("Autograd", "PyTorch records the forward pass and runs it backwards: loss.backward() (float32)."),
    ("Finite difference", "(L(p + d) − L(p − d)) / 2d, nudging one parameter at a time (float64): no calculus."),
)
PAIRS = ("by hand − autograd", "by hand − finite diff.", "autograd − finite diff.")
PARAM_COLUMNS = (
    ("By hand", METHODS[0][1]),
    ("Autograd", METHODS[1][1]),
    ("Finite diff.", METHODS[2][1]),
    ("Largest rel. difference", "The largest of |a − b| / max(|a|, |b|) over the three pairs of methods."),
)
LINE_RULE = (
    "L = (1/N) Σ (t_p − t_c)² with t_p = w·x + b, so by the chain rule "
    "dL/dw = Σ dL/dt_p · dt_p/dw and dL/db = Σ dL/dt_p · dt_p/db — one term per point:"
)
LINE_TIP = (
    "L = mean((t_p − t_c)²) over the N training points, t_p = w·x + b. The chain "
    "rule: dL/dw = Σ dL/dt_p · dt_p/dw and dL/db = Σ dL/dt_p · dt_p/db."
)
MODEL_RULE = (
    "L = (1/N) Σ (t_p − t_c)² with {}, so by the chain rule dL/dp = Σ dL/dt_p · dt_p/dp for every parameter p — "
    "only dt_p/dp is new for this model, the rest of the training loop is the same:"
)


def _item(text: str, tip: str = "", grey: bool = False) -> QTableWidgetItem:
    """A read-only cell; `grey` (the differences) in the scheme's secondary text colour."""
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    it.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    if tip:
        it.setToolTip(tip)
    if grey:
        it.setForeground(QBrush(QColor(style.text_color("hint"))))
    return it


class GradientPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPanel")
        self._args: tuple[TrainConfig, Dataset, tuple[float, ...]] | None = None
        self.report: GradientReport | ModelGradientReport | None = None

        self.where = QLabel(objectName="gradientWhereLabel", wordWrap=True)
        self.table = QTableWidget(6, 2, objectName="gradientTable")
        self.table.setAccessibleName("Gradient by three methods")
        self.table.setAccessibleDescription(
            "dL/dw and dL/db by hand, by autograd and by finite differences, and the differences between them."
        )
        self.table.horizontalHeader().setAccessibleName("Gradient components")
        self.table.verticalHeader().setAccessibleName("Methods")
        corner = self.table.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName("Select the whole table")
        self.table.setHorizontalHeaderLabels(["dL/dw", "dL/db"])
        self.table.setVerticalHeaderLabels([m for m, _ in METHODS] + list(PAIRS))
        for row, (_, tip) in enumerate(METHODS):
            self.table.verticalHeaderItem(row).setToolTip(tip)
        for row in range(3, 6):
            self.table.verticalHeaderItem(row).setToolTip(
                "Difference between two methods, and relative to the larger: |a − b| / max(|a|, |b|)."
            )
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.param_table = QTableWidget(0, len(PARAM_COLUMNS), objectName="gradientParamTable")
        self.param_table.setAccessibleName("Gradient per parameter by three methods")
        self.param_table.setAccessibleDescription(
            "One row per parameter: its gradient component by hand, by autograd and by finite differences, and the "
            "largest relative difference between them."
        )
        self.param_table.setHorizontalHeaderLabels([c for c, _ in PARAM_COLUMNS])
        for col, (_, tip) in enumerate(PARAM_COLUMNS):
            self.param_table.horizontalHeaderItem(col).setToolTip(tip)
        self.param_table.horizontalHeader().setAccessibleName("Methods")
        corner = self.param_table.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName("Select the whole table")
        self.param_table.verticalHeader().setAccessibleName("Gradient components")
        self.param_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.param_table.setSelectionMode(QAbstractItemView.NoSelection)
        self.param_table.setFocusPolicy(Qt.NoFocus)
        self.param_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.param_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.param_table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.param_table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.param_table.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.param_table.hide()
        self.verdict = QLabel(objectName="gradientAgreementLabel", wordWrap=True)

        self.point = QSpinBox(objectName="inspectPointInput")
        self.point.setRange(1, 1)
        self.point.setKeyboardTracking(False)
        self.point.setToolTip(
            "Which training reading to follow through the chain rule (numbered among the readings used for training)."
        )
        self.point.setAccessibleName("Training point for the chain rule")
        self.point_info = QLabel(objectName="inspectPointLabel", wordWrap=True)
        pick = QHBoxLayout()
        pick_label = QLabel("Chain rule for training point")
        pick_label.setBuddy(self.point)
        pick.addWidget(pick_label)
        pick.addWidget(self.point)
        pick.addWidget(self.point_info, 1)
        self.rule = rule = QLabel(LINE_RULE, objectName="chainRuleIntroLabel", wordWrap=True)
        style.set_text_role(rule, "hint")
        self.equations = QLabel(objectName="chainRuleLabel", wordWrap=True)
        self.equations.setTextInteractionFlags(Qt.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        self.equations.setFont(mono)
        self.equations.setToolTip(LINE_TIP)

        title = QLabel(
            "<b>The gradient three ways</b> — do the hand-derived formula, PyTorch's autograd and a "
            "numerical estimate agree?",
            wordWrap=True,
        )
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.where)
        lay.addWidget(self.table)
        lay.addWidget(self.param_table)
        lay.addWidget(self.verdict)
        lay.addSpacing(6)
        lay.addLayout(pick)
        lay.addWidget(rule)
        lay.addWidget(self.equations)
        lay.addStretch(1)
        self.point.valueChanged.connect(self._on_point_changed)
        self.clear()

    # --- API ---------------------------------------------------------------------------------------------
    def show_params(self, config: TrainConfig, data: Dataset, w: float, b: float) -> None:
        """Inspect the line's gradient at model-unit (w, b) on the training readings of `data` under `config`."""
        self.show_point(config, data, (w, b))

    def show_point(self, config: TrainConfig, data: Dataset, params) -> None:
        """Inspect the gradient at `params` (model units, every parameter of config's model in its order) on the
        training readings of `data` under `config`.  A model not linear in its parameters gets the reason."""
        self._args = (config, data, tuple(float(v) for v in params))
        self._refresh()

    def clear(self) -> None:
        self._args = None
        self.report = None
        self.where.setText("Start, pause or step a run to inspect the gradient at its current (w, b).")
        style.set_text_role(self.where, None)
        self.table.clearContents()
        self.param_table.setRowCount(0)
        self.verdict.setText("")
        self.point_info.setText("")
        self.equations.setText("")
        self.point.setEnabled(True)
        self._fit_table_height()

    # --- internals ---------------------------------------------------------------------------------------
    @Slot(int)
    def _on_point_changed(self, _value: int) -> None:
        if self._args is not None:
            self._refresh()

    def _refresh(self) -> None:
        config, data, params = self._args
        reason = unavailable(config, "gradient inspector")
        if reason is not None:
            self._show_unavailable(reason)
            return
        line = config.model == "line"
        self._show_layout(line)

        def report_at(point):
            if line:
                return gradient_report(config, data, *params, point)
            return model_gradient_report(config, data, params, point)

        try:
            n = report_at(None).n
            self.point.blockSignals(True)
            self.point.setRange(1, n)  # clamps the current choice when the training set shrank
            self.point.blockSignals(False)
            report = report_at(self.point.value() - 1)
        except NotAvailable as e:
            self._show_unavailable(str(e))
            return
        except UserError as e:  # ConfigError / DataError: no run could start from these settings
            self.clear()
            self._args = (config, data, params)
            self.where.setText(f"Cannot compute the gradient: {e}")
            style.set_text_role(self.where, "error")
            return
        self.report = report
        if line:
            self._show(report)
        else:
            self._show_model(report)

    def _show_layout(self, line: bool) -> None:
        """The book's table for the line; a row per parameter for any other model."""
        self.table.setVisible(line)
        self.param_table.setVisible(not line)
        self.point.setEnabled(True)
        if line:
            self.rule.setText(LINE_RULE)

    def _show_unavailable(self, reason: str) -> None:
        args = self._args
        self.clear()
        self._args = args
        self.table.hide()
        self.param_table.hide()
        self.point.setEnabled(False)
        self.rule.setText("")
        self.where.setText(reason)
        style.set_text_role(self.where, "hint")

    def _show_model(self, r: ModelGradientReport) -> None:
        """Any model linear in its parameters: a row per parameter, the three methods across."""
        style.set_text_role(self.where, None)
        at = ", ".join("{} = {}".format(n, fmt_trim(v)) for n, v in zip(r.names, r.params))
        self.where.setText(
            "At {} (model units; {}),  loss L = {} over N = {} training readings.".format(
                at, normalization_text(r.norm), fmt_num(r.loss), r.n
            )
        )
        self.rule.setText(MODEL_RULE.format(model_formula(r.names, r.powers)))
        t = self.param_table
        t.setRowCount(len(r.names))
        t.setVerticalHeaderLabels(["dL/d{}".format(n) for n in r.names])
        for row, name in enumerate(r.names):
            t.verticalHeaderItem(row).setToolTip("The loss's rate of change along {}.".format(name))
            for col, g in enumerate((r.manual, r.autograd, r.finite_difference)):
                t.setItem(row, col, _item(fmt_grad(g[row])))
            rel = r.largest_rel(row)
            t.setItem(row, 3, _item(fmt_trim(rel, 4, 2) if rel else "0", grey=True))
        self._fit_table_height()
        self._verdict(r.agree, (*r.manual, *r.autograd, r.loss), max(r.largest_rel(j) for j in range(len(r.names))))
        p = r.point
        self.point_info.setText(
            "of {}: table row {},  t_u = {},  t_c = {} °C".format(r.n, p.row + 1, fmt_trim(p.t_u), fmt_trim(p.t_c))
        )
        self.equations.setText("\n".join(model_chain_rule_lines(r)))
        self.equations.setToolTip(
            "L = mean((t_p − t_c)²) over the N training points, {}. The chain rule: dL/dp = Σ dL/dt_p · dt_p/dp "
            "for each parameter p.".format(model_formula(r.names, r.powers))
        )

    def _verdict(self, agree: bool, values, worst: float) -> None:
        finite = all(math.isfinite(v) for v in values)
        if not finite:
            self.verdict.setText(
                "The loss is no longer finite here (the run diverged), so the gradients are "
                "meaningless: lower the learning rate or normalize the input."
            )
            style.set_text_role(self.verdict, "error")
        elif agree:
            text = "✓ All three agree"
            if worst > 1e-4:
                text += (
                    " to float32 rounding. Near the minimum the gradient is a small sum of larger terms "
                    "that cancel, so the relative differences look large while the absolute ones stay tiny."
                )
            else:
                text += " (largest relative difference {}): the chain-rule derivation is right.".format(
                    fmt_trim(worst, 4, 1)
                )
            self.verdict.setText(text)
            style.set_text_role(self.verdict, "ok")
        else:
            self.verdict.setText("⚠ The methods disagree by more than rounding explains.")
            style.set_text_role(self.verdict, "error")

    def _show(self, r: GradientReport) -> None:
        style.set_text_role(self.where, None)
        self.where.setText(
            f"At w = {fmt_trim(r.w)}, b = {fmt_trim(r.b)} (model units; {normalization_text(r.norm)}),  "
            f"loss L = {fmt_num(r.loss)} over N = {r.n} training readings."
        )
        for row, g in enumerate((r.manual, r.autograd, r.finite_difference)):
            for col in range(2):
                self.table.setItem(row, col, _item(fmt_grad(g[col])))
        for row, d in enumerate(r.differences, start=3):
            self.table.setItem(row, 0, _item(fmt_diff(d.abs_w, d.rel_w), grey=True))
            self.table.setItem(row, 1, _item(fmt_diff(d.abs_b, d.rel_b), grey=True))
        self._fit_table_height()
        finite = all(math.isfinite(v) for v in (*r.manual, *r.autograd, r.loss))
        worst = max(max(d.rel_w, d.rel_b) for d in r.differences) if finite and r.agree else 0.0
        self._verdict(r.agree, (*r.manual, *r.autograd, r.loss), worst)
        p = r.point
        self.point_info.setText(
            f"of {r.n}: table row {p.row + 1},  t_u = {fmt_trim(p.t_u)},  t_c = {fmt_trim(p.t_c)} °C"
        )
        self.equations.setText("\n".join(chain_rule_lines(r)))
        self.equations.setToolTip(LINE_TIP)

    def apply_theme(self) -> None:
        """The differences' secondary text colour follows the scheme."""
        brush = QBrush(QColor(style.text_color("hint")))
        cells = [(self.table, row, col) for row in range(3, self.table.rowCount()) for col in range(2)]
        cells += [(self.param_table, row, 3) for row in range(self.param_table.rowCount())]
        for table, row, col in cells:
            item = table.item(row, col)
            if item is not None:
                item.setForeground(brush)

    def _fit_table_height(self) -> None:
        for t in (self.table, self.param_table):
            t.resizeRowsToContents()
            h = t.horizontalHeader().height() + sum(t.rowHeight(i) for i in range(t.rowCount())) + 2 * t.frameWidth()
            t.setFixedHeight(h)
