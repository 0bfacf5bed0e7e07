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
from thermogui.core.landscape import NotAvailable
from thermogui.core.landscape_words import unavailable
from thermogui.core.numbers import fmt_diff, fmt_grad, fmt_num, fmt_trim
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating, error_text, marked, tr_text

CONTEXT = "GradientPanel"  # the context of the texts marked here (the panel's own, self.tr)
METHODS = (
    (
        QT_TRANSLATE_NOOP("GradientPanel", "By hand (chain rule)"),
        QT_TRANSLATE_NOOP(
            "GradientPanel", "The gradient derived on paper: sum over points of dL/dt_p × dt_p/dparam (float32)."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("GradientPanel", "Autograd"),
        QT_TRANSLATE_NOOP(
            "GradientPanel", "PyTorch records the forward pass and runs it backwards: loss.backward() (float32)."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("GradientPanel", "Finite difference"),
        QT_TRANSLATE_NOOP(
            "GradientPanel",
            "(L(p + d) − L(p − d)) / 2d, nudging one parameter at a time (float64): no calculus.",
        ),
    ),
)
PAIRS = (
    QT_TRANSLATE_NOOP("GradientPanel", "by hand − autograd"),
    QT_TRANSLATE_NOOP("GradientPanel", "by hand − finite diff."),
    QT_TRANSLATE_NOOP("GradientPanel", "autograd − finite diff."),
)
PARAM_COLUMNS = (
    (QT_TRANSLATE_NOOP("GradientPanel", "By hand"), METHODS[0][1]),
    (QT_TRANSLATE_NOOP("GradientPanel", "Autograd"), METHODS[1][1]),
    (QT_TRANSLATE_NOOP("GradientPanel", "Finite diff."), METHODS[2][1]),
    (
        QT_TRANSLATE_NOOP("GradientPanel", "Largest rel. difference"),
        QT_TRANSLATE_NOOP("GradientPanel", "The largest of |a − b| / max(|a|, |b|) over the three pairs of methods."),
    ),
)
LINE_RULE = QT_TRANSLATE_NOOP(
    "GradientPanel",
    "L = (1/N) Σ (t_p − t_c)² with t_p = w·x + b, so by the chain rule "
    "dL/dw = Σ dL/dt_p · dt_p/dw and dL/db = Σ dL/dt_p · dt_p/db — one term per point:",
)
LINE_TIP = QT_TRANSLATE_NOOP(
    "GradientPanel",
    "L = mean((t_p − t_c)²) over the N training points, t_p = w·x + b. The chain "
    "rule: dL/dw = Σ dL/dt_p · dt_p/dw and dL/db = Σ dL/dt_p · dt_p/db.",
)
MODEL_RULE = QT_TRANSLATE_NOOP(
    "GradientPanel",
    "L = (1/N) Σ (t_p − t_c)² with {formula}, so by the chain rule dL/dp = Σ dL/dt_p · dt_p/dp for every parameter "
    "p — only dt_p/dp is new for this model, the rest of the training loop is the same:",
)


def _text(text: str) -> str:
    """A text marked above, in the UI language."""
    return marked(CONTEXT, text)


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


class GradientPanel(Retranslating, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPanel")
        self._args: tuple[TrainConfig, Dataset, tuple[float, ...]] | None = None
        self.report: GradientReport | ModelGradientReport | None = None

        self.where = QLabel(objectName="gradientWhereLabel", wordWrap=True)
        self.table = QTableWidget(6, 2, objectName="gradientTable")
        self.table.setHorizontalHeaderLabels(["dL/dw", "dL/db"])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.param_table = QTableWidget(0, len(PARAM_COLUMNS), objectName="gradientParamTable")
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
        self.point_info = QLabel(objectName="inspectPointLabel", wordWrap=True)
        pick = QHBoxLayout()
        self.pick_label = pick_label = QLabel()
        pick_label.setBuddy(self.point)
        pick.addWidget(pick_label)
        pick.addWidget(self.point)
        pick.addWidget(self.point_info, 1)
        self.rule = rule = QLabel(objectName="chainRuleIntroLabel", wordWrap=True)
        style.set_text_role(rule, "hint")
        self.equations = QLabel(objectName="chainRuleLabel", wordWrap=True)
        self.equations.setTextInteractionFlags(Qt.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        self.equations.setFont(mono)

        self.title = title = QLabel(wordWrap=True)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.where)
        lay.addWidget(self.table)
        lay.addWidget(self.param_table)
        from thermogui.ui.panels.network_views import NetworkGradients

        self.network_view = NetworkGradients()  # a network: the gradient's length per layer
        self.network_view.hide()
        lay.addWidget(self.network_view, 1)
        lay.addWidget(self.verdict)
        lay.addSpacing(6)
        lay.addLayout(pick)
        lay.addWidget(rule)
        lay.addWidget(self.equations)
        lay.addStretch(1)
        self.point.valueChanged.connect(self._on_point_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the UI language; what the panel shows is shown again in it."""
        self.table.setAccessibleName(self.tr("Gradient by three methods"))
        self.table.setAccessibleDescription(
            self.tr("dL/dw and dL/db by hand, by autograd and by finite differences, and the differences between them.")
        )
        self.table.horizontalHeader().setAccessibleName(self.tr("Gradient components"))
        self.table.verticalHeader().setAccessibleName(self.tr("Methods"))
        self.table.setVerticalHeaderLabels([_text(m) for m, _ in METHODS] + [_text(p) for p in PAIRS])
        for row, (_, tip) in enumerate(METHODS):
            self.table.verticalHeaderItem(row).setToolTip(_text(tip))
        for row in range(3, 6):
            self.table.verticalHeaderItem(row).setToolTip(
                self.tr("Difference between two methods, and relative to the larger: |a − b| / max(|a|, |b|).")
            )
        self.param_table.setAccessibleName(self.tr("Gradient per parameter by three methods"))
        self.param_table.setAccessibleDescription(
            self.tr(
                "One row per parameter: its gradient component by hand, by autograd and by finite differences, and "
                "the largest relative difference between them."
            )
        )
        self.param_table.setHorizontalHeaderLabels([_text(c) for c, _ in PARAM_COLUMNS])
        for col, (_, tip) in enumerate(PARAM_COLUMNS):
            self.param_table.horizontalHeaderItem(col).setToolTip(_text(tip))
        self.param_table.horizontalHeader().setAccessibleName(self.tr("Methods"))
        self.param_table.verticalHeader().setAccessibleName(self.tr("Gradient components"))
        for table in (self.table, self.param_table):
            corner = table.findChild(QAbstractButton)
            if corner is not None:
                corner.setAccessibleName(self.tr("Select the whole table"))
        self.point.setToolTip(
            self.tr(
                "Which training reading to follow through the chain rule (numbered among the readings used for "
                "training)."
            )
        )
        self.point.setAccessibleName(self.tr("Training point for the chain rule"))
        self.pick_label.setText(self.tr("Chain rule for training point"))
        self.title.setText(
            self.tr(
                "<b>The gradient three ways</b> — do the hand-derived formula, PyTorch's autograd and a "
                "numerical estimate agree?"
            )
        )
        if self._args is None:
            self.clear()
        else:
            self._refresh()

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
        self.where.setText(self.tr("Start, pause or step a run to inspect the gradient at its current (w, b)."))
        style.set_text_role(self.where, None)
        self.rule.setText(_text(LINE_RULE))
        self.equations.setToolTip(_text(LINE_TIP))
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
            self._show_network(config, data, params)
            return
        self.network_view.hide()
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
            self._show_unavailable(e.text)
            return
        except UserError as e:  # ConfigError / DataError: no run could start from these settings
            self.clear()
            self._args = (config, data, params)
            self.where.setText(self.tr("Cannot compute the gradient: {reason}").format(reason=error_text(e)))
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
            self.rule.setText(_text(LINE_RULE))

    def _show_unavailable(self, reason: str) -> None:
        args = self._args
        self.clear()
        self._args = args
        self.table.hide()
        self.param_table.hide()
        self.point.setEnabled(False)
        self.rule.setText("")
        self.where.setText(tr_text(reason))
        style.set_text_role(self.where, "hint")

    def _show_network(self, config, data, params) -> None:
        """The network: no chain rule per parameter here — the gradient's length per layer, by autograd."""
        if config.model != "mlp":
            self.network_view.hide()
            return
        from thermogui.core.errors import UserError
        from thermogui.core.models import model_of
        from thermogui.core.models.network import gradient_at, start_point
        from thermogui.core.problem import model_inputs, training_data

        m = model_of(config)
        p = params if len(params) == m.size else start_point(m, config)
        try:
            t_u, t_c, norm = training_data(config, data)
        except UserError:
            self.network_view.show_gradient(m, None)
        else:
            self.network_view.show_gradient(m, gradient_at(m, model_inputs(norm, t_u), t_c, p))
        self.network_view.show()

    def _show_model(self, r: ModelGradientReport) -> None:
        """Any model linear in its parameters: a row per parameter, the three methods across."""
        style.set_text_role(self.where, None)
        at = ", ".join("{} = {}".format(n, fmt_trim(v)) for n, v in zip(r.names, r.params))
        self.where.setText(
            self.tr("At {point} (model units; {norm}),  loss L = {loss} over N = {n} training readings.").format(
                point=at, norm=tr_text(normalization_text(r.norm)), loss=fmt_num(r.loss), n=r.n
            )
        )
        self.rule.setText(_text(MODEL_RULE).format(formula=model_formula(r.names, r.powers)))
        t = self.param_table
        t.setRowCount(len(r.names))
        t.setVerticalHeaderLabels(["dL/d{}".format(n) for n in r.names])
        for row, name in enumerate(r.names):
            t.verticalHeaderItem(row).setToolTip(self.tr("The loss's rate of change along {name}.").format(name=name))
            for col, g in enumerate((r.manual, r.autograd, r.finite_difference)):
                t.setItem(row, col, _item(fmt_grad(g[row])))
            rel = r.largest_rel(row)
            t.setItem(row, 3, _item(fmt_trim(rel, 4, 2) if rel else "0", grey=True))
        self._fit_table_height()
        self._verdict(r.agree, (*r.manual, *r.autograd, r.loss), max(r.largest_rel(j) for j in range(len(r.names))))
        p = r.point
        self._show_point_info(r.n, p)
        self.equations.setText("\n".join(tr_text(line) for line in model_chain_rule_lines(r)))
        self.equations.setToolTip(
            self.tr(
                "L = mean((t_p − t_c)²) over the N training points, {formula}. The chain rule: dL/dp = Σ dL/dt_p · "
                "dt_p/dp for each parameter p."
            ).format(formula=model_formula(r.names, r.powers))
        )

    def _show_point_info(self, n: int, p) -> None:
        self.point_info.setText(
            self.tr("of {n}: table row {row},  t_u = {t_u},  t_c = {t_c} °C").format(
                n=n, row=p.row + 1, t_u=fmt_trim(p.t_u), t_c=fmt_trim(p.t_c)
            )
        )

    def _verdict(self, agree: bool, values, worst: float) -> None:
        finite = all(math.isfinite(v) for v in values)
        if not finite:
            self.verdict.setText(
                self.tr(
                    "The loss is no longer finite here (the run diverged), so the gradients are "
                    "meaningless: lower the learning rate or normalize the input."
                )
            )
            style.set_text_role(self.verdict, "error")
        elif agree:
            if worst > 1e-4:
                text = self.tr(
                    "✓ All three agree to float32 rounding. Near the minimum the gradient is a small sum of larger "
                    "terms that cancel, so the relative differences look large while the absolute ones stay tiny."
                )
            else:
                text = self.tr(
                    "✓ All three agree (largest relative difference {worst}): the chain-rule derivation is right."
                ).format(worst=fmt_trim(worst, 4, 1))
            self.verdict.setText(text)
            style.set_text_role(self.verdict, "ok")
        else:
            self.verdict.setText(self.tr("⚠ The methods disagree by more than rounding explains."))
            style.set_text_role(self.verdict, "error")

    def _show(self, r: GradientReport) -> None:
        style.set_text_role(self.where, None)
        self.where.setText(
            self.tr(
                "At w = {w}, b = {b} (model units; {norm}),  loss L = {loss} over N = {n} training readings."
            ).format(
                w=fmt_trim(r.w), b=fmt_trim(r.b), norm=tr_text(normalization_text(r.norm)), loss=fmt_num(r.loss), n=r.n
            )
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
        self._show_point_info(r.n, r.point)
        self.equations.setText("\n".join(tr_text(line) for line in chain_rule_lines(r)))
        self.equations.setToolTip(_text(LINE_TIP))

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
