"""Learning-rate sweep: the same run for a log-spaced range of learning rates, and how each one ended.

Any model and arithmetic: each run is `core.training.train` with the configuration's model (on the fast exact path in
chunks of epochs).  The stable-rate bound of plain gradient descent is 2 / λmax, the largest eigenvalue of the model's
Hessian (`stable_rate`); a model not linear in its parameters has none (its Hessian is not constant).

No torch at import; `iter_sweep`, `lr_sweep` and `stable_rate` load it through `core.training`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np

from thermogui.core.config import ConfigError, StopReason, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.fields import LINEAR_MODELS
from thermogui.core.numbers import fmt_lr, fmt_num
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

GROWTH = 1.001  # a run whose final loss exceeds GROWTH x its first loss got worse: it is diverging
FAST_CHUNK = 65_536  # epochs per chunk of the fast exact path (bounds the memory of a long run)


def stable_rate(config: TrainConfig, data: Dataset) -> float | None:
    """The stable-rate bound of plain gradient descent for config's model on the training inputs (model units, as a
    run sees them): 2 / λmax of the Hessian of the mean squared error — the line's closed form, the largest eigenvalue
    for any other model linear in its parameters.  None for a model that is not (no constant Hessian).  Raises
    ConfigError / DataError when a run could not start on these readings."""
    from thermogui.core.analysis import stability
    from thermogui.core.landscape import model_xy

    if config.model not in LINEAR_MODELS:
        from thermogui.core.training import prepare

        prepare(config, data)  # (readings no run can start on are still refused)
        return None
    x, _, _ = model_xy(config, data)
    if config.model == "line":
        return stability(x).lr_max
    from thermogui.core.models import get_model

    big = float(np.linalg.eigvalsh(get_model(config.model).hessian(x))[-1])
    return 2.0 / big if big > 0 else math.inf


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
        raise ConfigError(
            msg(
                QT_TRANSLATE_NOOP("sweep", "the learning-rate range needs 0 < from <= to (got {lo} to {hi})"),
                "sweep",
                lo=f"{lo:g}",
                hi=f"{hi:g}",
            )
        )
    if not (isinstance(n, int) and n >= 1):
        raise ConfigError(
            msg(
                QT_TRANSLATE_NOOP("sweep", "the number of rates must be a whole number of at least 1 (got {n})"),
                "sweep",
                n=f"{n!r}",
            )
        )
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

    Everything else in the config is kept — its model and arithmetic too (the fast exact path runs in chunks of
    epochs) — except that a run always stops at its first non-finite loss; the convergence tolerance is kept as
    given.  `should_stop` is polled before and during every run: when it answers
    True the sweep ends, and the run it interrupted is left out.  Returns (as the generator's value) the points in
    increasing learning rate — after a stop, the ones finished.
    """
    from thermogui.core.training import train  # loads torch

    lrs = sorted(float(v) for v in lrs)
    base = config.with_(epochs=int(epochs), stop_on_non_finite=True)
    chunk = min(int(epochs), FAST_CHUNK) if base.arith == "fast" and base.model in LINEAR_MODELS else None
    points: list[SweepPoint] = []
    for lr in lrs:
        if should_stop is not None and should_stop():
            break
        gen = train(base.with_(lr=lr), data, should_stop, chunk)
        start_loss = math.nan
        first = True
        while True:
            try:
                r = next(gen)
            except StopIteration as done:
                outcome = done.value
                break
            if first:  # epoch 1: an EpochResult, or the first row of a chunk of History rows
                first = False
                row = r[0] if isinstance(r, np.ndarray) else r
                if len(row) and int(row[0]) == 1:
                    start_loss = float(row[1])
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


def summarize(
    points: list[SweepPoint],
    lr_max: float | None,
    plain_gd: bool = True,
    epochs: int | None = None,
    has_bound: bool = True,
) -> str:
    """One or two sentences for under the sweep plot (`has_bound` False: the model has no stable-rate bound): a
    core.tr Text (English; the window shows it translated, context "sweep")."""
    if not points:
        return msg(QT_TRANSLATE_NOOP("sweep", "No runs yet."), "sweep")
    bound = f"{fmt_lr(lr_max)}" if lr_max is not None and math.isfinite(lr_max) else "—"
    if not has_bound:
        bound_words = msg(
            QT_TRANSLATE_NOOP("sweep", "this model has no stable-rate bound (it is not linear in its parameters)"),
            "sweep",
        )
    elif plain_gd:
        bound_words = msg(QT_TRANSLATE_NOOP("sweep", "the bound predicts {bound}"), "sweep", bound=bound)
    else:
        bound_words = msg(
            QT_TRANSLATE_NOOP("sweep", "the bound for plain gradient descent is {bound}"), "sweep", bound=bound
        )
    first = first_divergence(points)
    if first is None:
        text = msg(
            QT_TRANSLATE_NOOP("sweep", "No run diverged up to lr {lr}; {bound}."),
            "sweep",
            lr=fmt_lr(points[-1].lr),
            bound=bound_words,
        )
    else:
        text = msg(
            QT_TRANSLATE_NOOP("sweep", "Runs diverge from lr ≈ {lr}; {bound}."),
            "sweep",
            lr=fmt_lr(first),
            bound=bound_words,
        )
    finite = [p for p in points if not p.diverged and math.isfinite(p.final_loss)]
    if finite:
        best = min(finite, key=lambda p: p.final_loss)
        values = {"runs": text, "loss": fmt_num(best.final_loss), "lr": fmt_lr(best.lr)}
        if epochs:
            text = msg(
                QT_TRANSLATE_NOOP("sweep", "{runs} Lowest loss after {epochs} epochs: {loss} at lr {lr}."),
                "sweep",
                epochs=f"{epochs:,}",
                **values,
            )
        else:
            text = msg(QT_TRANSLATE_NOOP("sweep", "{runs} Lowest loss: {loss} at lr {lr}."), "sweep", **values)
    return text
