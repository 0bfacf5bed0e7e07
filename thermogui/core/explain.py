"""Why a run stopped, in words a learner reads, with what to change; the stability note beside the learning rate.

The number formatters (fmt_num, fmt_lr, equation, MINUS) live in core.numbers; they are re-exported here for old
imports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from thermogui.core.analysis import Stability
from thermogui.core.config import StopReason, TrainConfig, TrainOutcome
from thermogui.core.numbers import MINUS, equation, fmt_lr, fmt_num  # noqa: F401  (re-exported: old home)


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
    if not math.isfinite(outcome.final_loss) or not math.isfinite(outcome.loss):
        # (only with stop_on_non_finite off: the run went on after the loss overflowed)
        head = (
            f"Ran {outcome.epochs_run:,} epochs, but the loss became inf or nan at epoch "
            f"{outcome.last_finite_epoch + 1:,} and stayed so (this session keeps training when the loss is "
            "not finite)."
        )
    return Explanation(head, "", config.lr / stab.lr_max, 0.9 * stab.lr_max)


def stability_note(lr: float, stab: Stability, plain_gd: bool = True) -> tuple[str, bool]:
    """(text for beside the learning rate, True when the rate is above the bound)."""
    if not plain_gd:
        return f"stable limit for plain GD: {fmt_lr(stab.lr_max)}", False
    ratio = lr / stab.lr_max
    if ratio > 1:
        return f"⚠ {ratio:.3g}× the stable limit {fmt_lr(stab.lr_max)}: expect the loss to explode", True
    return f"stable up to {fmt_lr(stab.lr_max)}", False
