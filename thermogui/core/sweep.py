"""Learning-rate sweep: the same run for a log-spaced range of learning rates, and how each one ended.

No torch at import; `iter_sweep` and `lr_sweep` load it through `core.training`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np

from thermogui.core.config import ConfigError, StopReason, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.numbers import fmt_lr, fmt_num

GROWTH = 1.001  # a run whose final loss exceeds GROWTH x its first loss got worse: it is diverging


@dataclass(frozen=True)
class SweepPoint:
    lr: float
    final_loss: float  # training loss at the final parameters (inf/nan when the run overflowed)
    diverged: bool  # the loss became non-finite, or ended above where it started (it is growing)
    stop_epoch: int  # the last epoch run (for an overflow: the epoch whose loss was not finite)
    start_loss: float = math.nan  # the loss at the start values (epoch 1, before any update)
    non_finite: bool = False  # the run stopped because its loss became inf or nan


def log_lrs(lo: float, hi: float, n: int) -> list[float]:
    """n learning rates evenly spaced on a log scale from lo to hi (both included)."""
    if not (math.isfinite(lo) and math.isfinite(hi) and 0 < lo <= hi):
        raise ConfigError(f"the learning-rate range needs 0 < from <= to (got {lo:g} to {hi:g})")
    if not (isinstance(n, int) and n >= 1):
        raise ConfigError(f"the number of rates must be a whole number of at least 1 (got {n!r})")
    if n == 1:
        return [float(lo)]
    return [float(v) for v in np.geomspace(lo, hi, n)]


def sweep_point(lr: float, outcome, start_loss: float) -> SweepPoint:
    """Classify a finished run.  Diverged: the loss overflowed, or it grew — for plain gradient descent the loss
    falls every epoch below the stable bound and grows (exponentially, towards inf) above it, so a loss that ends
    above where it started means the run is diverging even if it has not overflowed within the epochs given."""
    non_finite = outcome.stop_reason == StopReason.NON_FINITE or not math.isfinite(outcome.final_loss)
    grew = math.isfinite(start_loss) and outcome.final_loss > GROWTH * start_loss
    return SweepPoint(
        float(lr),
        float(outcome.final_loss),
        bool(non_finite or grew),
        int(outcome.stop_epoch),
        float(start_loss),
        bool(non_finite),
    )


def iter_sweep(
    config: TrainConfig, data: Dataset, lrs, epochs: int, should_stop: Callable[[], bool] | None = None
) -> Generator[SweepPoint, None, list[SweepPoint]]:
    """Run `config` for `epochs` epochs at each learning rate (in increasing order); yield how each run ended.

    Everything else in the config is kept, except that a run always stops at its first non-finite loss and the
    convergence tolerance is kept as given.  `should_stop` is polled before and during every run: when it answers
    True the sweep ends, and the run it interrupted is left out.  Returns (as the generator's value) the points in
    increasing learning rate — after a stop, the ones finished.
    """
    from thermogui.core.training import train  # loads torch

    lrs = sorted(float(v) for v in lrs)
    base = config.with_(epochs=int(epochs), stop_on_non_finite=True)
    points: list[SweepPoint] = []
    for lr in lrs:
        if should_stop is not None and should_stop():
            break
        gen = train(base.with_(lr=lr), data, should_stop)
        start_loss = math.nan
        while True:
            try:
                r = next(gen)
            except StopIteration as done:
                outcome = done.value
                break
            if r.epoch == 1:
                start_loss = r.loss
        if outcome.stop_reason == StopReason.CANCELLED:
            break
        point = sweep_point(lr, outcome, start_loss)
        points.append(point)
        yield point
    return points


def lr_sweep(
    config: TrainConfig,
    data: Dataset,
    lrs,
    epochs: int,
    should_stop: Callable[[], bool] | None = None,
    on_point: Callable[[int, SweepPoint], None] | None = None,
) -> list[SweepPoint]:
    """`iter_sweep` run to its end: `on_point(index, point)` is called after each run; returns the points."""
    gen = iter_sweep(config, data, lrs, epochs, should_stop)
    index = 0
    while True:
        try:
            point = next(gen)
        except StopIteration as done:
            return done.value
        if on_point is not None:
            on_point(index, point)
        index += 1


def first_divergence(points: list[SweepPoint]) -> float | None:
    """The smallest learning rate whose run diverged, or None."""
    rates = [p.lr for p in points if p.diverged]
    return min(rates) if rates else None


def summarize(points: list[SweepPoint], lr_max: float | None, plain_gd: bool = True, epochs: int | None = None) -> str:
    """One or two sentences for under the sweep plot."""
    if not points:
        return "No runs yet."
    bound = f"{fmt_lr(lr_max)}" if lr_max is not None and math.isfinite(lr_max) else "—"
    bound_words = f"the bound predicts {bound}" if plain_gd else f"the bound for plain gradient descent is {bound}"
    first = first_divergence(points)
    if first is None:
        text = f"No run diverged up to lr {fmt_lr(points[-1].lr)}; {bound_words}."
    else:
        text = f"Runs diverge from lr ≈ {fmt_lr(first)}; {bound_words}."
    finite = [p for p in points if not p.diverged and math.isfinite(p.final_loss)]
    if finite:
        best = min(finite, key=lambda p: p.final_loss)
        after = f" after {epochs:,} epochs" if epochs else ""
        text += f" Lowest loss{after}: {fmt_num(best.final_loss)} at lr {fmt_lr(best.lr)}."
    return text
