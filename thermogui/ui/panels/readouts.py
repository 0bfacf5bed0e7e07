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
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from thermogui.core.config import EpochResult, StopReason
from thermogui.core.explain import Explanation
from thermogui.core.history import LOSS
from thermogui.core.numbers import equation, fmt_lr, fmt_num, fmt_temp, fmt_trim, round_sig
from thermogui.core.problem import least_squares_line, start_line
from thermogui.ui import style
from thermogui.ui.state import RunState

STALE_TEXT = (
    "⚠ Out of date: this result came from other readings or settings than the window now shows. "
    "Start (F5) runs the current ones."
)
NO_RUN_TEXT = "No finished run yet."


def fmt_loss(v: float) -> str:
    """A loss in a sentence: 2 decimals (1763.88, 2.93), e-notation below 0.01 or from 1e6 up."""
    if math.isfinite(v) and abs(v) < 0.01:
        return fmt_trim(v, 4, 3)
    return fmt_temp(v, 2) if math.isfinite(v) else fmt_num(v)


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
        w, b = _num(result.get("w")), _num(result.get("b"))
        epochs = result.get("epochs_run")
        after = f" after {epochs:,} epochs" if isinstance(epochs, int) else ""
        return f"Saved result: final loss {fmt_loss(loss)}{after}; {equation(w, b)}"
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
    line = equation(o.w, o.b)
    epochs = f"{o.epochs_run:,} epoch{'s' if o.epochs_run != 1 else ''}"
    if o.stop_reason == StopReason.CANCELLED:
        return f"Stopped after {epochs} of {run.config.epochs:,}: the loss {went} {loss}; {line}"
    if o.stop_reason == StopReason.CONVERGED:
        return f"Loss {went} {loss} in {epochs} (converged early); {line}"
    return f"Loss {went} {loss} in {epochs}; {line}"


class Readouts(QWidget):
    summaryChanged = Signal(str)  # the run summary's new text

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
            "the final loss is measured at the final w and b."
        )
        self.grad = QLabel(objectName="gradientLabel")
        self.grad.setToolTip("The gradient of epoch k, at the parameters before that epoch's update (model units).")
        self.distance = QLabel(objectName="distanceLabel")
        self.distance.setToolTip("The line shown minus the least-squares line, in raw units.")
        self.best = QLabel(objectName="leastSquaresLabel")
        self.best.setToolTip(
            "The exact answer (least squares on the training readings) that gradient descent is walking towards."
        )
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
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # Long numbers (a diverging run's 4.5e+36) wrap or clip inside the column: they never widen the window.
        for label in (self.equation, self.best, self.epoch, self.loss, self.grad, self.distance):
            label.setWordWrap(label is not self.equation)
            policy = label.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Ignored)
            label.setSizePolicy(policy)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.equation)
        lay.addWidget(self.stale)
        lay.addWidget(self.best)
        lay.addLayout(grid)
        lay.addWidget(self.summary)
        self.lstsq = None
        self.line = (math.nan, math.nan)  # the line shown, raw units
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
        self.set_lstsq(least_squares_line(ls_config, ls_data))
        if run is None or (not run.finished and not state.busy):
            config = state.committed_config()
            self.show_start(*start_line(config, state.dataset), config.epochs)
        elif run.outcome is None and run.saved_result is not None:
            self.show_saved(run.saved_result)
        elif run.history is not None and run.history.latest is not None:
            self.show_epoch(run.history.latest, run.config.epochs)
        else:
            self.show_start(*start_line(run.config, run.data), run.config.epochs)

    def set_lstsq(self, ls) -> None:
        self.lstsq = ls
        self.best.setText(
            "Least squares (best possible): "
            + (f"{equation(ls.w, ls.b)}, loss {fmt_num(ls.loss)}" if ls else "— (needs 2 readings with different t_u)")
        )
        self._distance()

    def show_start(self, w_raw: float, b_raw: float, epochs: int) -> None:
        self.line = (w_raw, b_raw)
        self.equation.setText("Start: " + equation(w_raw, b_raw))
        self.epoch.setText(f"Not started — Start (F5) runs {epochs:,} epochs")
        self.loss.setText("Loss —")
        self.grad.setText("Gradient —")
        self._distance()

    def show_epoch(self, r: EpochResult, epochs: int) -> None:
        """A frame of a run (also its last row once it ended)."""
        self.line = (r.w_raw, r.b_raw)
        self.equation.setText(equation(r.w_raw, r.b_raw))
        run = self.state.last_run
        outcome = run.outcome if run is not None else None
        val = "" if math.isnan(r.val_loss) else f", validation {fmt_num(r.val_loss)}"
        if outcome is not None and outcome.stop_reason != StopReason.NON_FINITE:
            ended = {StopReason.CANCELLED: "stopped", StopReason.CONVERGED: "converged"}.get(
                outcome.stop_reason, "finished"
            )
            self.epoch.setText(f"Epoch {r.epoch:,} of {epochs:,} — {ended}")
            final_val = "" if math.isnan(outcome.val_loss) else f", validation {fmt_num(outcome.val_loss)}"
            self.loss.setText(f"Final loss {fmt_num(outcome.final_loss)} (at the line shown){final_val}")
        else:
            self.epoch.setText(f"Epoch {r.epoch:,} of {epochs:,}")
            self.loss.setText(f"Loss of epoch {r.epoch:,} {fmt_num(r.loss)} (before its update){val}")
        self.grad.setText(f"Gradient of epoch {r.epoch:,}  dL/dw = {fmt_num(r.grad_w)},  dL/db = {fmt_num(r.grad_b)}")
        self._distance()

    def show_saved(self, result: dict) -> None:
        """A result stored in a session: what it says, nothing more."""
        w, b = _num(result.get("w")), _num(result.get("b"))
        self.line = (w, b)
        self.equation.setText(equation(w, b))
        reason = str(result.get("stop_reason", "completed")).replace("_", " ")
        self.epoch.setText(
            f"Saved result: {reason} after {result.get('epochs_run', '?'):,} epochs"
            if isinstance(result.get("epochs_run"), int)
            else f"Saved result: {reason}"
        )
        final = _num(result.get("final_loss", result.get("loss")))
        self.loss.setText(f"Final loss {fmt_num(final)} (at the line shown)")
        self.grad.setText("Gradient — (not stored; Start (F5) runs it again)")
        self._distance()

    def _distance(self) -> None:
        ls, (w, b) = self.lstsq, self.line
        if ls is None or not (math.isfinite(w) and math.isfinite(b)):
            self.distance.setText("")
            return
        self.distance.setText(f"From least squares  Δw = {fmt_num(w - ls.w)},  Δb = {fmt_num(b - ls.b)}")


def _num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else math.nan


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
