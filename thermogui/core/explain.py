"""Why a run stopped, in words a learner reads, with what to change; the stability note beside the learning rate.

The number formatters (fmt_num, fmt_lr, equation, MINUS) live in core.numbers; they are re-exported here for old
imports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from thermogui.core.analysis import Stability, relative_excess
from thermogui.core.config import StopReason, TrainConfig, TrainOutcome
from thermogui.core.numbers import (  # noqa: F401  (fmt_*: old home)
    DASH,
    MINUS,
    equation,
    fmt_lr,
    fmt_num,
    fmt_temp,
    fmt_trim,
    tidy_exponent,
)
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg

# Every sentence here is a `core.tr.Text` (marked QT_TRANSLATE_NOOP("core", …)): English as a str (the CLI, the tests),
# shown in the UI language by the window (thermogui.ui.i18n.tr_text).  Numbers go in as values already formatted.


@dataclass(frozen=True)
class Explanation:
    headline: str  # one sentence: what happened
    advice: str  # what to change
    ratio: float  # lr / stable bound (nan when the bound does not apply)
    suggested_lr: float  # 0.9 x the bound (nan when the bound does not apply)


def explain_stop(config: TrainConfig, outcome: TrainOutcome, stab: Stability | None) -> Explanation:
    """Why the run ended, in words a learner understands, and what to try next.  `stab` is None for a model without
    a stable-rate bound (a network): then ratio and suggested_lr are nan."""
    if stab is None:
        stab = Stability(math.nan, math.nan, math.nan, math.nan)
    reason = outcome.stop_reason
    if reason == StopReason.NON_FINITE:
        what = "inf" if math.isinf(outcome.loss) else "nan"
        head = msg(
            QT_TRANSLATE_NOOP("core", "Stopped at epoch {epoch}: the loss became {what} (not finite)."),
            "core",
            epoch=str(outcome.stop_epoch),
            what=what,
        )
        plain_gd = config.optimizer == "sgd" and config.momentum == 0
        ratio = config.lr / stab.lr_max
        raw = config.normalize == "none"
        if plain_gd and ratio > 1:
            advice = msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Learning rate {lr} is {ratio}× the largest stable rate {lr_max} for this data — each step "
                    "overshoots the minimum by more than it gains, so the error grows every epoch. Lower the learning "
                    "rate or normalize the input.",
                )
                if raw
                else QT_TRANSLATE_NOOP(
                    "core",
                    "Learning rate {lr} is {ratio}× the largest stable rate {lr_max} for this data — each step "
                    "overshoots the minimum by more than it gains, so the error grows every epoch. Lower the learning "
                    "rate.",
                ),
                "core",
                lr=fmt_lr(config.lr),
                ratio=f"{ratio:.3g}",
                lr_max=fmt_lr(stab.lr_max),
            )
        else:
            advice = msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The steps grew until the numbers overflowed. Lower the learning rate (now {lr}) or normalize "
                    "the input.",
                )
                if raw
                else QT_TRANSLATE_NOOP(
                    "core", "The steps grew until the numbers overflowed. Lower the learning rate (now {lr})."
                ),
                "core",
                lr=fmt_lr(config.lr),
            )
        return Explanation(head, advice, ratio, 0.9 * stab.lr_max)
    epoch = str(outcome.stop_epoch)
    if reason == StopReason.CONVERGED:
        head = msg(
            QT_TRANSLATE_NOOP("core", "Converged at epoch {epoch}: every gradient is below the tolerance."),
            "core",
            epoch=epoch,
        )
    elif reason == StopReason.CANCELLED:
        head = msg(QT_TRANSLATE_NOOP("core", "Stopped by you after epoch {epoch}."), "core", epoch=epoch)
    else:
        head = msg(
            QT_TRANSLATE_NOOP("core", "Completed {epochs} epochs."), "core", epochs=fmt_epochs(outcome.epochs_run)
        )
    if not math.isfinite(outcome.final_loss) or not math.isfinite(outcome.loss):
        # (only with stop_on_non_finite off: the run went on after the loss overflowed)
        head = msg(
            QT_TRANSLATE_NOOP(
                "core",
                "Ran {epochs} epochs, but the loss became inf or nan at epoch {epoch} and stayed so (this session "
                "keeps training when the loss is not finite).",
            ),
            "core",
            epochs=fmt_epochs(outcome.epochs_run),
            epoch=fmt_epochs(outcome.last_finite_epoch + 1),
        )
    return Explanation(head, "", config.lr / stab.lr_max, 0.9 * stab.lr_max)


def stability_note(lr: float, stab: Stability, plain_gd: bool = True) -> tuple[Text, bool]:
    """(text for beside the learning rate, True when the rate is above the bound)."""
    lr_max = fmt_lr(stab.lr_max)
    if not plain_gd:
        return msg(QT_TRANSLATE_NOOP("core", "stable limit for plain GD: {lr_max}"), "core", lr_max=lr_max), False
    ratio = lr / stab.lr_max
    if ratio > 1:
        return (
            msg(
                QT_TRANSLATE_NOOP("core", "⚠ {ratio}× the stable limit {lr_max}: expect the loss to explode"),
                "core",
                ratio=f"{ratio:.3g}",
                lr_max=lr_max,
            ),
            True,
        )
    return msg(QT_TRANSLATE_NOOP("core", "stable up to {lr_max}"), "core", lr_max=lr_max), False


# --- any model -------------------------------------------------------------------------------------------------------
def fmt_sig(v: float, sig: int = 4) -> str:
    """A coefficient with `sig` significant digits, trailing zeros kept (0.002830, 0.2476, 10.65, 1.234e5); e-notation
    below 1e-4 and from 1e5 up; a typographic minus."""
    if not math.isfinite(v):
        return fmt_num(v)
    if v == 0:
        return "0"
    if abs(v) >= 1e5 or abs(v) < 1e-4:
        return tidy_exponent(f"{v:.{sig - 1}e}").replace("-", MINUS)
    return f"{v:#.{sig}g}".rstrip(".").replace("-", MINUS)


_SUPERSCRIPT = {2: "²", 3: "³", 4: "⁴"}


def model_equation(model, p_raw) -> str:
    """The model's equation in raw units, as the readouts show it: the straight line exactly as it always read
    (t_c = 0.5367 · t_u − 17.30, core.numbers.equation); a polynomial with 4 significant digits per coefficient
    (t_c = 0.002830 · t_u² + 0.2476 · t_u − 10.65); anything else as the model writes itself."""
    p_raw = [float(v) for v in p_raw]
    if tuple(model.params) == ("w", "b") and len(p_raw) == 2:
        return equation(*p_raw)
    powers = getattr(model, "powers", None)
    if powers is None:
        return model.equation(p_raw)
    if not all(math.isfinite(v) for v in p_raw):
        return msg(QT_TRANSLATE_NOOP("core", "t_c = {dash} (the parameters are no longer finite)"), "core", dash=DASH)
    terms = []
    for k, v in sorted(zip(powers, p_raw), key=lambda t: -t[0]):  # the highest power first
        body = fmt_sig(abs(v)) + ("" if k == 0 else " · t_u" if k == 1 else " · t_u" + _SUPERSCRIPT.get(k, f"^{k}"))
        if not terms:
            terms.append((MINUS if v < 0 else "") + body)
        else:
            terms.append((MINUS if v < 0 else "+") + " " + body)
    return "t_c = " + " ".join(terms)


def fmt_condition(v: float) -> str:
    """A condition number: 357, 8.71e4, ∞ (3 significant digits)."""
    if not math.isfinite(v):
        return fmt_num(v)
    return tidy_exponent(f"{v:.3g}")


def fmt_epochs(v: float) -> str:
    return f"{int(v):,}" if math.isfinite(v) else fmt_num(v)


def fmt_excess(excess: float) -> Text:
    """How far a loss is above the minimum (least-squares) loss, from (loss − L*) / L*: "0.42 % above the minimum",
    "38 % above the minimum", from 10× up "12.3× the minimum loss"."""
    if not math.isfinite(excess) or excess >= 9.0:
        times = tidy_exponent(f"{1 + excess:.3g}").replace("inf", "∞")
        return msg(QT_TRANSLATE_NOOP("core", "{times}× the minimum loss"), "core", times=times)
    pct = f"{100 * excess:.2g}" if excess < 0.1 else f"{100 * excess:.0f}"
    return msg(QT_TRANSLATE_NOOP("core", "{pct} % above the minimum"), "core", pct=pct)


# A torch.nn module: no constant Hessian here, so no bound, condition number or epoch prediction — one short line (the
# panel is narrow; its tooltip says why).
NO_BOUND_NOTE = msg(QT_TRANSLATE_NOOP("core", "no stable-rate bound for a torch.nn module"), "core")


def convergence_note(conv, outcome: TrainOutcome | None = None) -> tuple[Text, bool]:
    """The note beside the learning rate (two short lines: the panel is narrow) and whether it is a warning.  "The
    minimum" is the least-squares loss L*, the lowest loss any parameters reach.

    Line 1: the stable-rate bound (stability_note's words) and the condition number beside it (a rate above the bound:
    the warning alone — it fills both lines, and the run will explode).  Line 2, before a
    run (plain gradient descent at a stable rate): the predicted epochs to get within 0.1 % of the least-squares
    loss — an upper bound (it puts the whole start excess along the flattest direction); after the run
    (`outcome`: the finished run of these settings, any optimizer): whether it got there, or how far above it
    stayed."""
    if conv is None:
        return NO_BOUND_NOTE, False
    text, warning = stability_note(conv.lr, conv.stability, conv.plain_gd)
    if warning:  # (the warning fills both lines by itself: the condition number is in the tooltip)
        return text, warning
    text = msg(
        QT_TRANSLATE_NOOP("core", "{note} · condition number {condition}"),
        "core",
        note=text,
        condition=fmt_condition(conv.condition),
    )
    pct = f"{100 * conv.within:g} %"
    if outcome is not None and outcome.stop_reason != StopReason.NON_FINITE:
        excess = relative_excess(outcome.final_loss, conv.ls_loss)
        if math.isnan(excess) or math.isnan(conv.epochs):  # (no relative target: an exact fit, …)
            return text, warning
        if excess <= conv.within:
            return (
                msg(
                    QT_TRANSLATE_NOOP("core", "{note}\n✓ reached: within {pct} of the minimum"),
                    "core",
                    note=text,
                    pct=pct,
                ),
                warning,
            )
        return (
            msg(
                QT_TRANSLATE_NOOP("core", "{note}\nnot reached: {excess}"), "core", note=text, excess=fmt_excess(excess)
            ),
            warning,
        )
    if not conv.plain_gd or math.isnan(conv.epochs):
        return text, warning
    if conv.epochs == 0:
        return (
            msg(QT_TRANSLATE_NOOP("core", "{note}\nalready within {pct} of the minimum"), "core", note=text, pct=pct),
            warning,
        )
    if conv.epochs > conv.planned:
        return (
            msg(
                QT_TRANSLATE_NOOP("core", "{note}\n≤ {epochs} epochs to {pct} ({planned} set)"),
                "core",
                note=text,
                epochs=fmt_epochs(conv.epochs),
                pct=pct,
                planned=fmt_epochs(conv.planned),
            ),
            warning,
        )
    return (
        msg(
            QT_TRANSLATE_NOOP("core", "{note}\n≤ {epochs} epochs to {pct} of the minimum"),
            "core",
            note=text,
            epochs=fmt_epochs(conv.epochs),
            pct=pct,
        ),
        warning,
    )


# --- a network --------------------------------------------------------------------------------------------------------
def fmt_loss(v: float) -> str:
    """A loss in a sentence: 2 decimals (1763.88, 2.93), e-notation below 0.01 or from 1e6 up."""
    if math.isfinite(v) and abs(v) < 0.01:
        return fmt_trim(v, 4, 3)
    return fmt_temp(v, 2) if math.isfinite(v) else fmt_num(v)


def _loss_pair(a: float, b: float) -> tuple[str, str]:
    """Two losses to compare, with as many decimals (up to 6) as it takes to tell them apart."""
    x, y = fmt_loss(a), fmt_loss(b)
    decimals = 3
    while x == y and a != b and decimals <= 6 and math.isfinite(a) and math.isfinite(b) and abs(a) >= 0.01:
        x, y = fmt_temp(a, decimals), fmt_temp(b, decimals)
        decimals += 1
    return x, y


def model_caption(model, p_raw) -> str:
    """What the readouts show for the fitted model: its equation (model_equation), or for a network with hidden units
    its size instead ("13 hidden units, 40 parameters"): its weights say nothing one could read off."""
    if getattr(model, "hidden", 0):
        return model.describe()
    return model_equation(model, p_raw)


_VERDICT = {
    -1: msg(QT_TRANSLATE_NOOP("core", "better"), "core"),
    0: msg(QT_TRANSLATE_NOOP("core", "as good"), "core"),
    1: msg(QT_TRANSLATE_NOOP("core", "worse"), "core"),
}


def line_comparison_text(c) -> Text:
    """Whether a network beats the least-squares line (core.analysis.LineComparison), in numbers: "training 2.11 vs
    the line's 2.93 — better; validation 5.40 vs 3.54 — worse: it overfits"."""
    tr = _loss_pair(c.loss, c.line_loss)
    text = msg(
        QT_TRANSLATE_NOOP("core", "training {loss} vs the line's {line} — {verdict}"),
        "core",
        loss=tr[0],
        line=tr[1],
        verdict=_VERDICT[c.training],
    )
    if c.validation is None:
        return msg(
            QT_TRANSLATE_NOOP(
                "core", "{training}; no validation readings to tell whether it overfits (tick some in the Val column)"
            ),
            "core",
            training=text,
        )
    va = _loss_pair(c.val_loss, c.line_val_loss)
    text = msg(
        QT_TRANSLATE_NOOP("core", "{training}; validation {loss} vs {line} — {verdict}"),
        "core",
        training=text,
        loss=va[0],
        line=va[1],
        verdict=_VERDICT[c.validation],
    )
    if c.overfits:
        return msg(QT_TRANSLATE_NOOP("core", "{comparison}: it overfits"), "core", comparison=text)
    if c.training < 0 and c.validation < 0:
        return msg(QT_TRANSLATE_NOOP("core", "{comparison}: it beats the line on both"), "core", comparison=text)
    return text


def network_gradient_text(epoch: int, grad) -> Text:
    """The gradient of a network's epoch in one line: its length over all parameters (the per-layer norms are the
    gradient inspector's)."""
    g = [float(v) for v in grad]
    norm = math.hypot(*g)  # (no overflow in v²; ∞ when a component is)
    return msg(
        QT_TRANSLATE_NOOP("core", "Gradient of epoch {epoch}  |∇L| = {norm} over {n} parameters"),
        "core",
        epoch=fmt_epochs(epoch),
        norm=fmt_num(norm),
        n=str(len(g)),
    )
