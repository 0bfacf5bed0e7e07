"""Words and numbers a learner reads: the fitted equation, and why a run stopped with what to change."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .analysis import Stability
from .config import StopReason, TrainConfig, TrainOutcome

MINUS = "\u2212"


def fmt_num(v: float, digits: int = 4) -> str:
    """Fixed decimals for everyday magnitudes, scientific for huge or tiny ones, a dash for inf/nan."""
    if v is None or not math.isfinite(v):
        return "—" if v is None or math.isnan(v) else ("∞" if v > 0 else f"{MINUS}∞")
    if v != 0 and (abs(v) >= 1e5 or abs(v) < 10 ** -digits):
        text = f"{v:.{digits - 1}e}"
    else:
        text = f"{v:.{digits}f}"
    return text.replace("-", MINUS)


def fmt_lr(v: float) -> str:
    """A learning rate the way people write one: 0.01, 3.4e-04 -> 3.4e-4."""
    if v >= 1e-2:
        return f"{v:.3g}"
    if not math.isfinite(v) or v <= 0:
        return fmt_num(v)
    mant, exp = f"{v:.1e}".split("e")
    return f"{mant.rstrip('0').rstrip('.')}e{int(exp)}"


def equation(w_raw: float, b_raw: float) -> str:
    """t_c = 0.5367 · t_u − 17.30"""
    if not (math.isfinite(w_raw) and math.isfinite(b_raw)):
        return "t_c = — (the parameters are no longer finite)"
    w = fmt_num(w_raw, 4)
    sign = MINUS if b_raw < 0 else "+"
    b = fmt_num(abs(b_raw), 2)
    return f"t_c = {w} · t_u {sign} {b}"


@dataclass(frozen=True)
class Explanation:
    headline: str  # one sentence: what happened
    advice: str  # what to change
    ratio: float  # lr / stable bound (nan when the bound does not apply)
    suggested_lr: float  # 0.9 x the bound (nan when the bound does not apply)


def explain_stop(config: TrainConfig, outcome: TrainOutcome, stab: Stability) -> Explanation:
    """Why the run ended, in words a learner understands, and what to try next."""
    reason = outcome.stop_reason
    if reason == StopReason.NON_FINITE:
        what = "inf" if math.isinf(outcome.loss) else "nan"
        head = f"Stopped at epoch {outcome.stop_epoch}: the loss became {what} (not finite)."
        plain_gd = config.optimizer == "sgd" and config.momentum == 0
        ratio = config.lr / stab.lr_max
        if plain_gd and ratio > 1:
            advice = (
                f"Learning rate {fmt_lr(config.lr)} is {ratio:.3g}× the largest stable rate "
                f"{fmt_lr(stab.lr_max)} for this data — each step overshoots the minimum by more than it gains, so "
                "the error grows every epoch. Lower the learning rate"
                + (" or normalize the input." if config.normalize == "none" else ".")
            )
        else:
            advice = (
                f"The steps grew until the numbers overflowed. Lower the learning rate (now {fmt_lr(config.lr)})"
                + (" or normalize the input." if config.normalize == "none" else ".")
            )
        return Explanation(head, advice, ratio, 0.9 * stab.lr_max)
    if reason == StopReason.CONVERGED:
        head = f"Converged at epoch {outcome.stop_epoch}: every gradient is below the tolerance."
    elif reason == StopReason.CANCELLED:
        head = f"Stopped by you after epoch {outcome.stop_epoch}."
    else:
        head = f"Completed {outcome.epochs_run:,} epochs."
    return Explanation(head, "", config.lr / stab.lr_max, 0.9 * stab.lr_max)


def stability_note(lr: float, stab: Stability, plain_gd: bool = True) -> tuple[str, bool]:
    """(text for beside the learning rate, True when the rate is above the bound)."""
    if not plain_gd:
        return f"stable limit for plain GD: {fmt_lr(stab.lr_max)}", False
    ratio = lr / stab.lr_max
    if ratio > 1:
        return f"⚠ {ratio:.3g}× the stable limit {fmt_lr(stab.lr_max)}: expect the loss to explode", True
    return f"stable up to {fmt_lr(stab.lr_max)}", False
