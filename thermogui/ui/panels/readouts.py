"""What the run says in words and numbers — the equation, epoch, loss, gradient, distance to the best answer, a
one-sentence summary of the finished run that screen readers can read — and the alert that explains a stop with
one-click fixes.

Every number comes from the run state and names what it is: the loss and gradient of epoch k are measured *before*
that epoch's update (as the book prints them), the line and the final loss *after* it.  A result made on other
readings or settings is marked out of date.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.analysis import LineBaseline, Reference, line_baseline, reference, start_params_raw, versus_line
from thermogui.core.config import EpochResult, StopReason
from thermogui.core.explain import (
    Explanation,
    fmt_loss,
    fmt_sig,
    line_comparison_text,
    model_caption,
    model_equation,
    network_gradient_text,
)
from thermogui.core.history import LOSS
from thermogui.core.models import LINE, model_of
from thermogui.core.numbers import fmt_lr, fmt_num, round_sig
from thermogui.ui import style
from thermogui.ui.state import RunState

STALE_TEXT = (
    "⚠ Out of date: this result came from other readings or settings than the window now shows. "
    "Start (F5) runs the current ones."
)
NO_RUN_TEXT = "No finished run yet."
LISTED_PARAMS = 6  # a network's parameters beyond these are counted, not listed


def fmt_params(names, values, prefix: str = "", listed: int = LISTED_PARAMS, fmt=fmt_num) -> str:
    """Parameters as "w = 5.1964, b = −16.7512" (the first `listed` of them, then how many in all); `prefix` goes
    before each name ("dL/d", "Δ")."""
    pairs = ["{}{} = {}".format(prefix, n, fmt(v)) for n, v in zip(names, values)]
    if len(pairs) > listed:
        return ", ".join(pairs[:listed]) + ", … ({} in all)".format(len(pairs))
    return ", ".join(pairs)


def shape_word(model) -> str:
    """What the fit plot draws for this model: the line or the curve."""
    return "line" if tuple(model.params) == ("w", "b") else "curve"


def run_summary(run) -> str:
    """One sentence about a finished run, from its history and outcome (the run state's last run):
    "Loss fell from 1763.88 to 2.93 in 5,000 epochs; t_c = 0.5367 · t_u − 17.30", or for a divergence
    "The loss grew from 1763.88 to 1.093e30 and stopped at epoch 11 (not finite)"."""
    if run is None:
        return NO_RUN_TEXT
    if run.outcome is None:
        result = run.saved_result
        if not result:
            return "Training…"
        loss = result.get("final_loss", result.get("loss"))
        loss = float(loss) if isinstance(loss, (int, float)) and not isinstance(loss, bool) else math.nan
        model = model_of(run.config)
        epochs = result.get("epochs_run")
        after = f" after {epochs:,} epochs" if isinstance(epochs, int) else ""
        return "Saved result: final loss {}{}; {}".format(
            fmt_loss(loss), after, model_caption(model, saved_params(result, model))
        )
    o = run.outcome
    rows = run.history.snapshot() if run.history is not None else None
    first = float(rows[0, LOSS]) if rows is not None and len(rows) else math.nan
    if o.stop_reason == StopReason.NON_FINITE:
        if o.last_finite_epoch > 0:
            grew = f"The loss grew from {fmt_loss(first)} to {fmt_loss(o.last_finite_loss)} and stopped"
        else:
            grew = "The loss was not finite from the start; the run stopped"
        return f"{grew} at epoch {o.stop_epoch:,} (not finite)."
    went = "fell" if o.final_loss < first or not math.isfinite(first) else "rose"
    loss = (
        f"from {fmt_loss(first)} to {fmt_loss(o.final_loss)}"
        if math.isfinite(first)
        else f"to {fmt_loss(o.final_loss)}"
    )
    line = model_caption(model_of(run.config), o.params)
    epochs = f"{o.epochs_run:,} epoch{'s' if o.epochs_run != 1 else ''}"
    if o.stop_reason == StopReason.CANCELLED:
        return f"Stopped after {epochs} of {run.config.epochs:,}: the loss {went} {loss}; {line}"
    if o.stop_reason == StopReason.CONVERGED:
        return f"Loss {went} {loss} in {epochs} (converged early); {line}"
    return f"Loss {went} {loss} in {epochs}; {line}"


class Readouts(QWidget):
    summaryChanged = Signal(str)  # the run summary's new text
    backToLatest = Signal()  # the rewind bar's buttons
    continueFromHere = Signal()
    startFromMyLine = Signal()  # my line's button

    def __init__(self, state: RunState, parent=None):
        super().__init__(parent)
        self.state = state
        self.equation = QLabel(objectName="equationLabel")
        f = QFont(self.equation.font())
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.equation.setFont(f)
        self.equation.setToolTip("The calibration shown in the plot, in raw units: °C from a reading t_u.")
        self.stale = QLabel(STALE_TEXT, objectName="staleLabel", wordWrap=True)
        style.set_text_role(self.stale, "warning")
        self.stale.setVisible(False)
        self.epoch = QLabel(objectName="epochLabel")
        self.loss = QLabel(objectName="lossLabel")
        self.loss.setToolTip(
            "The loss of epoch k is measured before that epoch's update, as the book prints it; "
            "the final loss is measured at the final parameters (the line or curve shown)."
        )
        self.grad = QLabel(objectName="gradientLabel")
        self.grad.setToolTip("The gradient of epoch k, at the parameters before that epoch's update (model units).")
        self.distance = QLabel(objectName="distanceLabel")
        self.distance.setToolTip(
            "The line (or curve) shown minus the least-squares answer, parameter by parameter, in raw units."
        )
        self.params = QLabel(objectName="paramsLabel")
        self.params.setToolTip(
            "The parameters in model units (the units training runs in, after the normalization), as the book "
            "prints them; the equation above shows the same model in raw units."
        )
        self.best = QLabel(objectName="leastSquaresLabel")
        self.best.setToolTip(
            "The exact answer (least squares on the training readings) that gradient descent is walking towards."
        )
        self.versus = QLabel(objectName="versusLineLabel")
        self.versus.setToolTip(
            "A network against the least-squares line of the same training readings: the loss on the readings it "
            "trained on and on the validation readings it never saw. Better on the first and worse on the second: "
            "it overfits."
        )
        self.versus.setVisible(False)
        self.units_box = QCheckBox("Show hidden units", objectName="showHiddenUnitsBox")
        self.units_box.setToolTip(
            "Draw what each hidden unit adds, w2_j · tanh(w1_j · t_u + b1_j), as a faint curve under the fit: their "
            "sum plus the output bias b2 is the network's curve (also View ▸ Show Hidden Units)."
        )
        self.units_box.setVisible(False)
        self.summary = QLabel(NO_RUN_TEXT, objectName="runSummaryLabel", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.summary.setFocusPolicy(Qt.TabFocus)  # a screen reader's user can Tab to it and hear it
        self.summary.setToolTip("What the last run did, in one sentence.")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.epoch, 0, 0)
        grid.addWidget(self.loss, 0, 1)
        grid.addWidget(self.grad, 1, 0)
        grid.addWidget(self.distance, 1, 1)
        grid.addWidget(self.params, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # Long numbers (a diverging run's 4.5e+36) wrap or clip inside the column: they never widen the window.
        for label in (
            self.equation,
            self.best,
            self.versus,
            self.epoch,
            self.loss,
            self.grad,
            self.distance,
            self.params,
        ):
            label.setWordWrap(label is not self.equation)
            policy = label.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Ignored)
            label.setSizePolicy(policy)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.equation, 1)
        top.addWidget(self.units_box)  # (a network's: beside its size, just above the fit plot)
        lay.addLayout(top)
        lay.addWidget(self.stale)
        lay.addWidget(self.best)
        lay.addWidget(self.versus)
        lay.addLayout(grid)
        lay.addWidget(self.summary)
        self._init_teaching_bars(lay)
        self.lstsq: Reference | None = None
        self.model = LINE  # the model whose equation is shown
        self.line = (math.nan, math.nan)  # the parameters shown, raw units (for the line: w, b)
        self._baseline: tuple = (None, None, None)  # (config, data, LineBaseline): the line a network is compared with
        for signal in (
            state.settingsChanged,
            state.readingsChanged,
            state.runEnded,
            state.runCleared,
            state.staleChanged,
            state.runStarted,
        ):
            signal.connect(self.refresh)
        for signal in (state.runEnded, state.runCleared, state.runStarted, state.staleChanged):
            signal.connect(self.update_summary)
        self.refresh()

    @Slot()
    def update_summary(self, *_) -> None:
        """The summary of the last run (after each run; "Training…" while one runs)."""
        state = self.state
        run = state.last_run
        text = "Training…" if state.busy else run_summary(run)
        if run is not None and not state.busy and run.finished and state.stale:
            text += " (out of date: made with other readings or settings)"
        if text != self.summary.text():
            self.summary.setText(text)
            self.summaryChanged.emit(text)

    # --- from the state ----------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self, *_) -> None:
        """Everything from the state: the start line, the running run's latest epoch, or the finished result."""
        state = self.state
        run = state.last_run
        self.stale.setVisible(state.phase == "idle" and run is not None and run.finished and state.stale)
        ls_config, ls_data = (
            (run.config, run.data) if run is not None and state.busy else (state.committed_config(), state.dataset)
        )
        self.set_lstsq(reference(ls_config, ls_data), model_of(ls_config))
        if run is None or (not run.finished and not state.busy):
            self.show_start(state.committed_config(), state.dataset)
        elif run.outcome is None and run.saved_result is not None:
            self.show_saved(run.saved_result)
        elif run.history is not None and run.history.latest is not None:
            self.show_epoch(run.history.latest, run.config.epochs)
        else:
            self.show_start(run.config, run.data)

    def _set_model(self, model) -> None:
        self.model = model
        self.distance.setToolTip(
            "The {} shown minus the least-squares {}, parameter by parameter, in raw units.".format(
                shape_word(model), shape_word(model)
            )
        )
        self.units_box.setVisible(bool(getattr(model, "hidden", 0)))  # the toggle of a network's hidden units

    def set_lstsq(self, ls: Reference | None, model=None) -> None:
        """The least-squares answer (core.analysis.reference) of `model` (default: the model shown)."""
        model = model if model is not None else self.model
        self.lstsq = ls
        if ls is not None:
            text = "{}, loss {}".format(model_equation(model, ls.params_raw), fmt_num(ls.loss))
        elif getattr(model, "hidden", 0):
            text = "— none in closed form for a network (not linear in its parameters); dashed: the least-squares line"
        else:
            text = "— (needs {} readings with different t_u)".format(model.size)
        self.best.setText("Least squares (best possible): " + text)
        self._distance()

    def show_start(self, config, data) -> None:
        """Before a run: the start values of `config` on `data`."""
        model = model_of(config)
        self._set_model(model)
        self.line = start_params_raw(config, data)
        self.equation.setText("Start: " + model_caption(model, self.line))
        self.epoch.setText("Not started — Start (F5) runs {:,} epochs".format(config.epochs))
        self.loss.setText("Loss —")
        self.grad.setText("Gradient —")
        if not getattr(model, "hidden", 0):
            self.params.setText("Start (model units): " + fmt_params(model.params, config.start_params()))
        else:
            self.params.setText("Start: the {} seeded with {}".format(model.label, config.seed))
        self._distance()
        self._show_versus(config, data)

    def show_epoch(self, r: EpochResult, epochs: int) -> None:
        """A frame of a run (also its last row once it ended)."""
        run = self.state.last_run
        model = model_of(run.config) if run is not None else self.model
        if model != self.model:
            self._set_model(model)
        self.line = r.params_raw
        self.equation.setText(model_caption(model, self.line))
        outcome = run.outcome if run is not None else None
        val = "" if math.isnan(r.val_loss) else f", validation {fmt_num(r.val_loss)}"
        if outcome is not None and outcome.stop_reason != StopReason.NON_FINITE:
            ended = {StopReason.CANCELLED: "stopped", StopReason.CONVERGED: "converged"}.get(
                outcome.stop_reason, "finished"
            )
            # the last epoch's losses as the book prints them (before its update), then the final loss after it
            self.epoch.setText(
                "Epoch {:,} of {:,} — {}: its loss {}{} (before its update)".format(
                    r.epoch, epochs, ended, fmt_num(r.loss), val
                )
            )
            final_val = "" if math.isnan(outcome.val_loss) else f", validation {fmt_num(outcome.val_loss)}"
            self.loss.setText(
                "Final loss {} (at the {} shown){}".format(fmt_num(outcome.final_loss), shape_word(model), final_val)
            )
        else:
            self.epoch.setText(f"Epoch {r.epoch:,} of {epochs:,}")
            self.loss.setText(f"Loss of epoch {r.epoch:,} {fmt_num(r.loss)} (before its update){val}")
        names = model.params
        if getattr(model, "hidden", 0):  # a network: no w or b to list, its size is above
            self.grad.setText(network_gradient_text(r.epoch, r.grad))
            self.params.setText(
                "After epoch {:,}: the curve shown; Show hidden units draws what each unit adds".format(r.epoch)
            )
        else:
            self.grad.setText("Gradient of epoch {:,}  {}".format(r.epoch, fmt_params(names, r.grad, "dL/d")))
            self.params.setText("After epoch {:,} (model units): {}".format(r.epoch, fmt_params(names, r.params)))
        self._distance()
        if run is not None:
            if outcome is not None and outcome.stop_reason != StopReason.NON_FINITE:
                self._show_versus(run.config, run.data, outcome.final_loss, outcome.val_loss, "final losses")
            else:
                self._show_versus(run.config, run.data, r.loss, r.val_loss, "epoch {:,}".format(r.epoch))

    def show_saved(self, result: dict) -> None:
        """A result stored in a session: what it says, nothing more."""
        run = self.state.last_run
        model = model_of(run.config) if run is not None else self.model
        self._set_model(model)
        self.line = saved_params(result, model)
        self.equation.setText(model_caption(model, self.line))
        reason = str(result.get("stop_reason", "completed")).replace("_", " ")
        self.epoch.setText(
            f"Saved result: {reason} after {result.get('epochs_run', '?'):,} epochs"
            if isinstance(result.get("epochs_run"), int)
            else f"Saved result: {reason}"
        )
        final = _num(result.get("final_loss", result.get("loss")))
        self.loss.setText("Final loss {} (at the {} shown)".format(fmt_num(final), shape_word(model)))
        self.grad.setText("Gradient — (not stored; Start (F5) runs it again)")
        self.params.setText("")
        self._distance()
        if run is not None:
            self._show_versus(run.config, run.data, final, _num(result.get("val_loss")), "saved result")

    def _line_baseline(self, config, data) -> LineBaseline | None:
        """The least-squares line of config's split (core.analysis.line_baseline), kept while config and the
        readings stay the same (a live run asks for it every frame)."""
        c, d, base = self._baseline
        if c != config or d is not data:
            base = line_baseline(config, data)
            self._baseline = (config, data, base)
        return base

    def _show_versus(self, config, data, loss: float | None = None, val_loss: float = math.nan, when: str = "") -> None:
        """A network's line: does it beat the least-squares line on training and on validation loss (core's
        numbers); before a run, the line's losses to beat.  Hidden for any other model."""
        if not getattr(model_of(config), "hidden", 0):
            self.versus.setVisible(False)
            return
        base = self._line_baseline(config, data)
        if base is None:
            text = "Against the least-squares line: — (no line can be fitted to these training readings)"
        elif loss is None:
            val = (
                ", validation {}".format(fmt_loss(base.val_loss))
                if base.n_val
                else " (no validation readings: tick some in the Val column to see overfitting)"
            )
            text = "The least-squares line to beat: training loss {}{}".format(fmt_loss(base.loss), val)
        else:
            text = "Against the least-squares line ({}): {}".format(
                when, line_comparison_text(versus_line(base, loss, val_loss))
            )
        self.versus.setText(text)
        self.versus.setVisible(True)

    def _distance(self) -> None:
        ls, p = self.lstsq, self.line
        if ls is None or len(p) != len(ls.params_raw) or not all(math.isfinite(v) for v in p):
            self.distance.setText("")
            return
        delta = [a - b for a, b in zip(p, ls.params_raw)]
        # (raw coefficients of t_u² are small: 4 significant digits rather than 4 decimals)
        fmt = fmt_num if shape_word(self.model) == "line" else fmt_sig
        self.distance.setText("From least squares  " + fmt_params(self.model.params, delta, "Δ", fmt=fmt))

    # --- looking closer: an earlier epoch, my line, the law behind the readings (issue 16) ---------------------------
    def _init_teaching_bars(self, lay: QVBoxLayout) -> None:
        """The rewind bar (an earlier epoch is shown), my line's readout and the law's sentence: hidden until used."""

        def bar(name: str, label: QLabel, *buttons: QPushButton) -> QFrame:
            frame = QFrame(objectName=name)
            row = QHBoxLayout(frame)
            row.setContentsMargins(0, 0, 0, 0)
            label.setWordWrap(True)
            policy = label.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Ignored)
            label.setSizePolicy(policy)
            row.addWidget(label, 1)
            for b in buttons:
                row.addWidget(b)
            frame.setVisible(False)
            lay.addWidget(frame)
            return frame

        self.rewind_label = QLabel(objectName="rewindLabel")
        self.back_button = QPushButton("Back to latest (Esc)", objectName="backToLatestButton")
        self.back_button.setToolTip("Show the run's latest epoch again")
        self.continue_button = QPushButton("Continue from here", objectName="continueFromHereButton")
        self.continue_button.setToolTip(
            "Start a new run from the parameters after this epoch's update, with the current settings"
        )
        self.back_button.clicked.connect(self.backToLatest)
        self.continue_button.clicked.connect(self.continueFromHere)
        self.rewind_bar = bar("rewindBar", self.rewind_label, self.back_button, self.continue_button)
        self.my_line_label = QLabel(objectName="myLineLabel")
        self.my_line_label.setToolTip(
            "The line through your two handles on the fit plot, in raw units, and its loss (mean squared error) on "
            "the training readings."
        )
        self.my_line_button = QPushButton("Start from my line", objectName="startFromMyLineButton")
        self.my_line_button.clicked.connect(self.startFromMyLine)
        self.my_line_bar = bar("myLineBar", self.my_line_label, self.my_line_button)
        self.law_label = QLabel(objectName="lawLabel", wordWrap=True)
        policy = self.law_label.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Ignored)
        self.law_label.setSizePolicy(policy)
        self.law_label.setVisible(False)
        lay.addWidget(self.law_label)

    def show_rewound(self, r: EpochResult, epochs: int, exact: bool, continue_refusal: str | None = None) -> None:
        """An earlier epoch `r` of the run (a History row: loss and gradient before its update, parameters after it);
        `exact` False: the nearest recorded epoch of a thinned run.  `continue_refusal`: why "Continue from here"
        cannot start a run (None: it can)."""
        run = self.state.last_run
        model = model_of(run.config) if run is not None else self.model
        if model != self.model:
            self._set_model(model)
        self.line = r.params_raw
        self.equation.setText(model_caption(model, self.line))
        nearest = "" if exact else " (the nearest recorded epoch)"
        self.epoch.setText("Looking back at epoch {:,} of {:,}{}".format(r.epoch, epochs, nearest))
        val = "" if math.isnan(r.val_loss) else ", validation {}".format(fmt_num(r.val_loss))
        self.loss.setText("Loss of epoch {:,} {} (before its update){}".format(r.epoch, fmt_num(r.loss), val))
        if getattr(model, "hidden", 0):
            self.grad.setText(network_gradient_text(r.epoch, r.grad))
            self.params.setText("After epoch {:,}: the curve shown".format(r.epoch))
        else:
            self.grad.setText("Gradient of epoch {:,}  {}".format(r.epoch, fmt_params(model.params, r.grad, "dL/d")))
            self.params.setText(
                "After epoch {:,} (model units): {}".format(r.epoch, fmt_params(model.params, r.params))
            )
        self._distance()
        self.rewind_label.setText(
            "Viewing epoch {:,}{} — the loss plot's cursor; click or drag there to look at another epoch.".format(
                r.epoch, nearest
            )
        )
        self.continue_button.setEnabled(continue_refusal is None)
        self.continue_button.setToolTip(
            continue_refusal
            or "Start a new run from the parameters after this epoch's update, with the current settings"
        )
        self.rewind_bar.setVisible(True)

    def hide_rewound(self) -> None:
        self.rewind_bar.setVisible(False)

    def show_my_line(self, text: str, refusal: str | None = None) -> None:
        """My line's readout ("my line: t_c = … · t_u + …, loss …"); `refusal`: why it cannot start a run."""
        self.my_line_label.setText(text)
        self.my_line_button.setEnabled(refusal is None)
        self.my_line_button.setToolTip(
            refusal or "Set the start values to your line (model units) and start training from it"
        )
        self.my_line_bar.setVisible(True)

    def hide_my_line(self) -> None:
        self.my_line_bar.setVisible(False)

    def show_law_note(self, text: str | None) -> None:
        """Why the fit is not the exact °F law (None: hidden)."""
        self.law_label.setText(text or "")
        self.law_label.setVisible(bool(text))


def _num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else math.nan


def saved_params(result: dict, model) -> tuple[float, ...]:
    """The raw-unit parameters of a result stored in a session: its "params" list, or the line's "w" and "b"."""
    params = result.get("params")
    if isinstance(params, dict) and set(params) == set(model.params):
        return tuple(_num(params[n]) for n in model.params)
    if isinstance(params, (list, tuple)) and len(params) == model.size:
        return tuple(_num(v) for v in params)
    if tuple(model.params) == ("w", "b"):
        return (_num(result.get("w")), _num(result.get("b")))
    return tuple([math.nan] * model.size)


class StopAlert(QFrame):
    """Shown when a run stops because the loss is no longer finite: why, and buttons that fix it."""

    useStableRate = Signal()
    normalizeInput = Signal()
    retry = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stopAlert")
        self.setAccessibleName("Training stopped")
        self.apply_theme()
        self.headline = QLabel(objectName="alertHeadline", wordWrap=True)
        f = QFont(self.headline.font())
        f.setBold(True)
        self.headline.setFont(f)
        self.advice = QLabel(objectName="alertAdvice", wordWrap=True)
        self.stable_button = QPushButton("&Use a stable rate", objectName="useStableRateButton")
        # mnemonics no other control of the window uses (Alt+N, Alt+R belong to "Normalize" and the Run menu)
        self.normalize_button = QPushButton("Normali&ze input (× 0.1)", objectName="normalizeButton")
        self.retry_button = QPushButton("Retr&y", objectName="retryButton")
        self.close_button = QPushButton("D&ismiss", objectName="dismissAlertButton", flat=True)
        self.close_button.setToolTip("Hide this message")
        self.stable_button.clicked.connect(self.useStableRate)
        self.normalize_button.clicked.connect(self.normalizeInput)
        self.retry_button.clicked.connect(self.retry)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        for b in (self.stable_button, self.normalize_button, self.retry_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.headline)
        lay.addWidget(self.advice)
        lay.addLayout(buttons)
        self.hide()

    def apply_theme(self) -> None:
        """A banner background of its own, with text and a flat button that read on it, in either scheme."""
        text = style.text_color("banner")
        self.setStyleSheet(
            style.banner_style("#stopAlert") + f' #stopAlert QPushButton[flat="true"] {{ color: {text}; }}'
        )

    def show_explanation(self, ex: Explanation, normalized: bool) -> None:
        self.headline.setText(ex.headline)
        self.advice.setText(ex.advice)
        self.setAccessibleDescription(f"{ex.headline} {ex.advice}")
        self.stable_button.setText(f"&Use a stable rate ({fmt_lr(round_sig(ex.suggested_lr))})")
        self.normalize_button.setVisible(not normalized)
        self.show()
