"""What the run says in words and numbers — the equation, epoch, loss, gradient, distance to the best answer, and a
one-sentence summary of the finished run that screen readers can read.  The bars for looking closer (an earlier
epoch, my line, the law) are in panels.teaching_bars; the alert that explains a stop with one-click fixes is
panels.alert.

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
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.analysis import LineBaseline, Reference, line_baseline, reference, start_params_raw, versus_line
from thermogui.core.config import EpochResult, StopReason
from thermogui.core.explain import (
    fmt_epochs,
    fmt_loss,
    fmt_sig,
    line_comparison_text,
    model_caption,
    model_equation,
    network_gradient_text,
)
from thermogui.core.geometry import model_label
from thermogui.core.history import LOSS
from thermogui.core.models import LINE, model_of
from thermogui.core.numbers import fmt_num
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating, marked, tr_text, translate
from thermogui.ui.panels.teaching_bars import TeachingBars
from thermogui.ui.state import RunState

# (English, as the window shows them without a translation; the readouts show them with translate("Readouts", …))
STALE_TEXT = QT_TRANSLATE_NOOP(
    "Readouts",
    "⚠ Out of date: this result came from other readings or settings than the window now shows. "
    "Start (F5) runs the current ones.",
)
NO_RUN_TEXT = QT_TRANSLATE_NOOP("Readouts", "No finished run yet.")
LISTED_PARAMS = 6  # a network's parameters beyond these are counted, not listed
# How a saved result's stop reason reads (a session stores StopReason's value; "_" becomes a space)
SAVED_REASONS = (
    QT_TRANSLATE_NOOP("Readouts", "completed"),
    QT_TRANSLATE_NOOP("Readouts", "converged"),
    QT_TRANSLATE_NOOP("Readouts", "cancelled"),
    QT_TRANSLATE_NOOP("Readouts", "non finite"),
)


def fmt_params(names, values, prefix: str = "", listed: int = LISTED_PARAMS, fmt=fmt_num) -> str:
    """Parameters as "w = 5.1964, b = −16.7512" (the first `listed` of them, then how many in all); `prefix` goes
    before each name ("dL/d", "Δ")."""
    pairs = ["{}{} = {}".format(prefix, n, fmt(v)) for n, v in zip(names, values)]
    if len(pairs) > listed:
        return translate("Readouts", "{params}, … ({count} in all)").format(
            params=", ".join(pairs[:listed]), count=str(len(pairs))
        )
    return ", ".join(pairs)


def shape_word(model) -> str:
    """What the fit plot draws for this model: the line or the curve (English: a key, not a text to show)."""
    return "line" if tuple(model.params) == ("w", "b") else "curve"


def _epochs_text(n: int) -> str:
    """ "1 epoch", "5,000 epochs" in the UI language (two literals, not %n: the English count keeps its comma)."""
    if n == 1:
        return translate("Readouts", "{count} epoch").format(count=fmt_epochs(n))
    return translate("Readouts", "{count} epochs").format(count=fmt_epochs(n))


def _val_text(val_loss: float) -> str:
    """ ", validation 3.54" after a loss (nothing when there are no validation readings)."""
    return "" if math.isnan(val_loss) else translate("Readouts", ", validation {loss}").format(loss=fmt_num(val_loss))


def _final_loss_text(loss: float, model, val: str = "") -> str:
    """ "Final loss 2.9276 (at the line shown), validation 3.54"."""
    if shape_word(model) == "line":
        text = translate("Readouts", "Final loss {loss} (at the line shown){val}")
    else:
        text = translate("Readouts", "Final loss {loss} (at the curve shown){val}")
    return text.format(loss=fmt_num(loss), val=val)


def run_summary(run) -> str:
    """One sentence about a finished run, from its history and outcome (the run state's last run), in the UI language:
    "Loss fell from 1763.88 to 2.93 in 5,000 epochs; t_c = 0.5367 · t_u − 17.30", or for a divergence
    "The loss grew from 1763.88 to 1.093e30 and stopped at epoch 11 (not finite)"."""
    if run is None:
        return marked("Readouts", NO_RUN_TEXT)
    if run.outcome is None:
        result = run.saved_result
        if not result:
            return translate("Readouts", "Training…")
        loss = result.get("final_loss", result.get("loss"))
        loss = float(loss) if isinstance(loss, (int, float)) and not isinstance(loss, bool) else math.nan
        model = model_of(run.config)
        epochs = result.get("epochs_run")
        caption = tr_text(model_caption(model, saved_params(result, model)))
        if isinstance(epochs, int):
            return translate("Readouts", "Saved result: final loss {loss} after {epochs} epochs; {model}").format(
                loss=fmt_loss(loss), epochs=fmt_epochs(epochs), model=caption
            )
        return translate("Readouts", "Saved result: final loss {loss}; {model}").format(
            loss=fmt_loss(loss), model=caption
        )
    o = run.outcome
    rows = run.history.snapshot() if run.history is not None else None
    first = float(rows[0, LOSS]) if rows is not None and len(rows) else math.nan
    if o.stop_reason == StopReason.NON_FINITE:
        if o.last_finite_epoch > 0:
            return translate(
                "Readouts", "The loss grew from {first} to {last} and stopped at epoch {epoch} (not finite)."
            ).format(first=fmt_loss(first), last=fmt_loss(o.last_finite_loss), epoch=fmt_epochs(o.stop_epoch))
        return translate(
            "Readouts", "The loss was not finite from the start; the run stopped at epoch {epoch} (not finite)."
        ).format(epoch=fmt_epochs(o.stop_epoch))
    if not math.isfinite(first):
        change = translate("Readouts", "fell to {last}")
    elif o.final_loss < first:
        change = translate("Readouts", "fell from {first} to {last}")
    else:
        change = translate("Readouts", "rose from {first} to {last}")
    change = change.format(first=fmt_loss(first), last=fmt_loss(o.final_loss))
    line = tr_text(model_caption(model_of(run.config), o.params))
    epochs = _epochs_text(o.epochs_run)
    if o.stop_reason == StopReason.CANCELLED:
        text = translate("Readouts", "Stopped after {epochs} of {total}: the loss {change}; {model}")
    elif o.stop_reason == StopReason.CONVERGED:
        text = translate("Readouts", "Loss {change} in {epochs} (converged early); {model}")
    else:
        text = translate("Readouts", "Loss {change} in {epochs}; {model}")
    return text.format(epochs=epochs, total=fmt_epochs(run.config.epochs), change=change, model=line)


class Readouts(Retranslating, TeachingBars, QWidget):
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
        self.stale = QLabel(objectName="staleLabel", wordWrap=True)
        style.set_text_role(self.stale, "warning")
        self.stale.setVisible(False)
        self.epoch = QLabel(objectName="epochLabel")
        self.loss = QLabel(objectName="lossLabel")
        self.grad = QLabel(objectName="gradientLabel")
        self.distance = QLabel(objectName="distanceLabel")
        self.params = QLabel(objectName="paramsLabel")
        self.best = QLabel(objectName="leastSquaresLabel")
        self.versus = QLabel(objectName="versusLineLabel")
        self.versus.setVisible(False)
        self.units_box = QCheckBox(objectName="showHiddenUnitsBox")
        self.units_box.setVisible(False)
        self.summary = QLabel(marked("Readouts", NO_RUN_TEXT), objectName="runSummaryLabel", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.summary.setFocusPolicy(Qt.TabFocus)  # a screen reader's user can Tab to it and hear it
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
        self.compact = False  # set_compact: the details are folded into the equation's tooltip
        self.retranslate()

    def details(self) -> tuple[QLabel, ...]:
        """The lines a short window folds away (set_compact): least squares and the epoch's numbers."""
        return (self.best, self.epoch, self.loss, self.grad, self.distance, self.params)

    def details_height(self) -> int:
        """Pixels the details take now (0 when folded)."""
        shown = [w for w in self.details() if w.isVisible()]
        return sum(w.height() for w in shown if w is not self.loss and w is not self.distance)  # (2 columns)

    def set_compact(self, on: bool) -> None:
        """Fold the details away (on a short window, while the divergence banner takes the room, the plots keep
        theirs): the equation and the summary stay, the rest reads in the equation's tooltip."""
        if bool(on) == self.compact:
            return
        self.compact = bool(on)
        for w in self.details():
            w.setVisible(not on)
        self.retranslate_tooltip()

    def retranslate_tooltip(self) -> None:
        """The equation's tooltip: what it is, and (folded) the details' current numbers."""
        tip = translate("Readouts", "The calibration shown in the plot, in raw units: °C from a reading t_u.")
        if self.compact:
            tip += "\n\n" + "\n".join(w.text() for w in self.details() if w.text())
        self.equation.setToolTip(tip)

    def retranslate(self) -> None:
        """The labels and tooltips in the UI language, and every readout made again in it (on QEvent.LanguageChange:
        the numbers stay, the words change)."""
        self.retranslate_tooltip()
        self.stale.setText(marked("Readouts", STALE_TEXT))
        self.loss.setToolTip(
            translate(
                "Readouts",
                "The loss of epoch k is measured before that epoch's update, as the book prints it; "
                "the final loss is measured at the final parameters (the line or curve shown).",
            )
        )
        self.grad.setToolTip(
            translate(
                "Readouts", "The gradient of epoch k, at the parameters before that epoch's update (model units)."
            )
        )
        self.params.setToolTip(
            translate(
                "Readouts",
                "The parameters in model units (the units training runs in, after the normalization), as the book "
                "prints them; the equation above shows the same model in raw units.",
            )
        )
        self.best.setToolTip(
            translate(
                "Readouts",
                "The exact answer (least squares on the training readings) that gradient descent is walking towards.",
            )
        )
        self.versus.setToolTip(
            translate(
                "Readouts",
                "A network against the least-squares line of the same training readings: the loss on the readings it "
                "trained on and on the validation readings it never saw. Better on the first and worse on the "
                "second: it overfits.",
            )
        )
        self.units_box.setText(translate("Readouts", "Show hidden units"))
        self.units_box.setToolTip(
            translate(
                "Readouts",
                "Draw what each hidden unit adds, w2_j · tanh(w1_j · t_u + b1_j), as a faint curve under the fit: "
                "their sum plus the output bias b2 is the network's curve (also View ▸ Show Hidden Units).",
            )
        )
        self.summary.setToolTip(translate("Readouts", "What the last run did, in one sentence."))
        # what is shown, again in the new language
        self.refresh()
        self.update_summary()
        self._retranslate_teaching_bars()

    @Slot()
    def update_summary(self, *_) -> None:
        """The summary of the last run (after each run; "Training…" while one runs)."""
        state = self.state
        run = state.last_run
        text = translate("Readouts", "Training…") if state.busy else run_summary(run)
        if run is not None and not state.busy and run.finished and state.stale:
            text = translate("Readouts", "{summary} (out of date: made with other readings or settings)").format(
                summary=text
            )
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
        self._distance_tooltip()
        self.units_box.setVisible(bool(getattr(model, "hidden", 0)))  # the toggle of a network's hidden units

    def _distance_tooltip(self) -> None:
        if shape_word(self.model) == "line":
            tip = translate(
                "Readouts", "The line shown minus the least-squares line, parameter by parameter, in raw units."
            )
        else:
            tip = translate(
                "Readouts", "The curve shown minus the least-squares curve, parameter by parameter, in raw units."
            )
        self.distance.setToolTip(tip)

    def set_lstsq(self, ls: Reference | None, model=None) -> None:
        """The least-squares answer (core.analysis.reference) of `model` (default: the model shown)."""
        model = model if model is not None else self.model
        self.lstsq = ls
        if ls is not None:
            text = translate("Readouts", "{equation}, loss {loss}").format(
                equation=tr_text(model_equation(model, ls.params_raw)), loss=fmt_num(ls.loss)
            )
        elif getattr(model, "hidden", 0):
            text = translate(
                "Readouts",
                "— none in closed form for a network (not linear in its parameters); dashed: the least-squares line",
            )
        else:
            text = translate("Readouts", "— (needs {count} readings with different t_u)").format(count=str(model.size))
        self.best.setText(translate("Readouts", "Least squares (best possible): {answer}").format(answer=text))
        self._distance()

    def show_start(self, config, data) -> None:
        """Before a run: the start values of `config` on `data`."""
        model = model_of(config)
        self._set_model(model)
        self.line = start_params_raw(config, data)
        self.equation.setText(
            translate("Readouts", "Start: {model}").format(model=tr_text(model_caption(model, self.line)))
        )
        self.epoch.setText(
            translate("Readouts", "Not started — Start (F5) runs {epochs} epochs").format(
                epochs=fmt_epochs(config.epochs)
            )
        )
        self.loss.setText(translate("Readouts", "Loss —"))
        self.grad.setText(translate("Readouts", "Gradient —"))
        if not getattr(model, "hidden", 0):
            self.params.setText(
                translate("Readouts", "Start (model units): {params}").format(
                    params=fmt_params(model.params, config.start_params())
                )
            )
        else:
            self.params.setText(
                translate("Readouts", "Start: the {model} seeded with {seed}").format(
                    model=tr_text(model_label(model)), seed=str(config.seed)
                )
            )
        self._distance()
        self._show_versus(config, data)

    def _show_row(self, model, r: EpochResult, curve_note: bool) -> None:
        """An epoch's gradient and the parameters after its update (a network: its gradient's length; `curve_note`:
        say where its hidden units are drawn)."""
        epoch = fmt_epochs(r.epoch)
        if getattr(model, "hidden", 0):  # a network: no w or b to list, its size is above
            self.grad.setText(tr_text(network_gradient_text(r.epoch, r.grad)))
            if curve_note:
                text = translate(
                    "Readouts", "After epoch {epoch}: the curve shown; Show hidden units draws what each unit adds"
                )
            else:
                text = translate("Readouts", "After epoch {epoch}: the curve shown")
            self.params.setText(text.format(epoch=epoch))
        else:
            self.grad.setText(
                translate("Readouts", "Gradient of epoch {epoch}  {gradient}").format(
                    epoch=epoch, gradient=fmt_params(model.params, r.grad, "dL/d")
                )
            )
            self.params.setText(
                translate("Readouts", "After epoch {epoch} (model units): {params}").format(
                    epoch=epoch, params=fmt_params(model.params, r.params)
                )
            )

    def _epoch_loss_text(self, r: EpochResult) -> str:
        """ "Loss of epoch 11 1.0927e+30 (before its update), validation …"."""
        return translate("Readouts", "Loss of epoch {epoch} {loss} (before its update){val}").format(
            epoch=fmt_epochs(r.epoch), loss=fmt_num(r.loss), val=_val_text(r.val_loss)
        )

    def show_epoch(self, r: EpochResult, epochs: int) -> None:
        """A frame of a run (also its last row once it ended)."""
        run = self.state.last_run
        model = model_of(run.config) if run is not None else self.model
        if model != self.model:
            self._set_model(model)
        self.line = r.params_raw
        self.equation.setText(tr_text(model_caption(model, self.line)))
        outcome = run.outcome if run is not None else None
        if outcome is not None and outcome.stop_reason != StopReason.NON_FINITE:
            # the last epoch's losses as the book prints them (before its update), then the final loss after it
            if outcome.stop_reason == StopReason.CANCELLED:
                text = translate(
                    "Readouts", "Epoch {epoch} of {epochs} — stopped: its loss {loss}{val} (before its update)"
                )
            elif outcome.stop_reason == StopReason.CONVERGED:
                text = translate(
                    "Readouts", "Epoch {epoch} of {epochs} — converged: its loss {loss}{val} (before its update)"
                )
            else:
                text = translate(
                    "Readouts", "Epoch {epoch} of {epochs} — finished: its loss {loss}{val} (before its update)"
                )
            self.epoch.setText(
                text.format(
                    epoch=fmt_epochs(r.epoch),
                    epochs=fmt_epochs(epochs),
                    loss=fmt_num(r.loss),
                    val=_val_text(r.val_loss),
                )
            )
            self.loss.setText(_final_loss_text(outcome.final_loss, model, _val_text(outcome.val_loss)))
        else:
            self.epoch.setText(
                translate("Readouts", "Epoch {epoch} of {epochs}").format(
                    epoch=fmt_epochs(r.epoch), epochs=fmt_epochs(epochs)
                )
            )
            self.loss.setText(self._epoch_loss_text(r))
        self._show_row(model, r, curve_note=True)
        self._distance()
        if run is not None:
            if outcome is not None and outcome.stop_reason != StopReason.NON_FINITE:
                when = translate("Readouts", "final losses")
                self._show_versus(run.config, run.data, outcome.final_loss, outcome.val_loss, when)
            else:
                when = translate("Readouts", "epoch {epoch}").format(epoch=fmt_epochs(r.epoch))
                self._show_versus(run.config, run.data, r.loss, r.val_loss, when)
        if self.compact:
            self.retranslate_tooltip()

    def show_saved(self, result: dict) -> None:
        """A result stored in a session: what it says, nothing more."""
        run = self.state.last_run
        model = model_of(run.config) if run is not None else self.model
        self._set_model(model)
        self.line = saved_params(result, model)
        self.equation.setText(tr_text(model_caption(model, self.line)))
        reason = marked("Readouts", str(result.get("stop_reason", "completed")).replace("_", " "))
        epochs = result.get("epochs_run")
        if isinstance(epochs, int):
            text = translate("Readouts", "Saved result: {reason} after {epochs} epochs").format(
                reason=reason, epochs=fmt_epochs(epochs)
            )
        else:
            text = translate("Readouts", "Saved result: {reason}").format(reason=reason)
        self.epoch.setText(text)
        final = _num(result.get("final_loss", result.get("loss")))
        self.loss.setText(_final_loss_text(final, model))
        self.grad.setText(translate("Readouts", "Gradient — (not stored; Start (F5) runs it again)"))
        self.params.setText("")
        self._distance()
        if run is not None:
            when = translate("Readouts", "saved result")
            self._show_versus(run.config, run.data, final, _num(result.get("val_loss")), when)

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
            text = translate(
                "Readouts", "Against the least-squares line: — (no line can be fitted to these training readings)"
            )
        elif loss is None:
            if base.n_val:
                text = translate("Readouts", "The least-squares line to beat: training loss {loss}, validation {val}")
            else:
                text = translate(
                    "Readouts",
                    "The least-squares line to beat: training loss {loss} (no validation readings: tick some in the "
                    "Val column to see overfitting)",
                )
            text = text.format(loss=fmt_loss(base.loss), val=fmt_loss(base.val_loss))
        else:
            text = translate("Readouts", "Against the least-squares line ({when}): {comparison}").format(
                when=when, comparison=tr_text(line_comparison_text(versus_line(base, loss, val_loss)))
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
        self.distance.setText(
            translate("Readouts", "From least squares  {deltas}").format(
                deltas=fmt_params(self.model.params, delta, "Δ", fmt=fmt)
            )
        )


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
