"""The training loop as a generator: one frozen `EpochResult` per epoch, then a `TrainOutcome`.

Epoch k, as in the book: the loss and gradient at the current (w, b), then the update
(w, b) -= lr * grad.  An EpochResult reports the loss and gradient *before* update k and the parameters *after*
it (the book prints the same pair).  On a non-finite loss the run stops at that epoch without applying its update.

Parameters are trained in normalized ("model") units, x = (t_u - offset) * factor, and are always also given in raw
units: t_c = w_raw * t_u + b_raw.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np
import torch

from thermogui.core.config import (  # noqa: F401  (re-exported: the training API in one place)
    GRADIENTS,
    MAX_EPOCHS,
    NORMALIZATIONS,
    OPTIMIZERS,
    ConfigError,
    EpochResult,
    Normalization,
    StopReason,
    TrainConfig,
    TrainOutcome,
)
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.model import grad_fn, loss_fn, model
from thermogui.core.problem import split_indices  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class Prepared:
    """Tensors for a run: training/validation inputs in model units and targets, float32."""

    x: torch.Tensor
    y: torch.Tensor
    x_val: torch.Tensor | None
    y_val: torch.Tensor | None
    norm: Normalization
    train_index: np.ndarray
    val_index: np.ndarray


def prepare(config: TrainConfig, data: Dataset) -> Prepared:
    config.validated()
    t_u, t_c = data.validate().active()
    tr, va = split_indices(len(t_u), config.val_fraction, config.seed)
    if np.ptp(t_u[tr]) == 0:
        raise DataError("all training t_u readings are equal, so no line can be fitted")
    norm = Normalization.fit(config, t_u[tr])

    def tensors(idx):
        return norm.apply(torch.tensor(t_u[idx], dtype=torch.float32)), torch.tensor(t_c[idx], dtype=torch.float32)

    x, y = tensors(tr)
    x_val, y_val = tensors(va) if len(va) else (None, None)
    return Prepared(x, y, x_val, y_val, norm, tr, va)


TrainGenerator = Generator[EpochResult, None, TrainOutcome]


def train(config: TrainConfig, data: Dataset, should_stop: Callable[[], bool] | None = None) -> TrainGenerator:
    """Yield one EpochResult per epoch; return a TrainOutcome (the generator's return value).

    `should_stop` is polled before every epoch; when it answers True the run ends as cancelled.
    Raises ConfigError / DataError before the first epoch if the run cannot start.
    """
    prep = prepare(config, data)
    fast = config.gradient == "manual" and config.optimizer == "sgd" and config.momentum == 0
    return (_train_plain if fast else _train_torch)(config, prep, should_stop)


def run(config: TrainConfig, data: Dataset, should_stop=None) -> tuple[list[EpochResult], TrainOutcome]:
    """Run to the end and return (history, outcome)."""
    gen = train(config, data, should_stop)
    history: list[EpochResult] = []
    while True:
        try:
            history.append(next(gen))
        except StopIteration as stop:
            return history, stop.value


def _val_loss(prep: Prepared, w: float, b: float) -> float:
    if prep.x_val is None:
        return math.nan
    with torch.no_grad():
        return float(loss_fn(model(prep.x_val, w, b), prep.y_val))


def _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b) -> TrainOutcome:
    wr, br = prep.norm.to_raw(w, b)
    with torch.no_grad():
        final = float(loss_fn(model(prep.x, w, b), prep.y))
    return TrainOutcome(
        StopReason(reason),
        epoch,
        epoch,
        last_finite,
        last_finite_loss,
        loss,
        _val_loss(prep, w, b),
        w,
        b,
        wr,
        br,
        final,
    )


def _train_plain(config: TrainConfig, prep: Prepared, should_stop) -> TrainGenerator:
    """Plain gradient descent with the hand-derived gradient: the book's loop, with its float32 arithmetic.

    The forward pass and gradient are torch ops on the data; the two-number update is done on Python floats
    rounded to float32 after every operation (double rounding is exact for float32 via float64), which gives the
    book's digits bit for bit while saving the torch dispatch of tiny tensors.
    """
    f32 = array("f", [config.lr])
    lr = f32[0]
    f32[0] = config.init_w
    w = f32[0]
    f32[0] = config.init_b
    b = f32[0]
    x, y, xv, yv = prep.x, prep.y, prep.x_val, prep.y_val
    n = x.size(0)
    factor, offset = prep.norm.factor, prep.norm.offset
    tol, stop_nonfinite = config.tol, config.stop_on_non_finite
    stack, isfinite = torch.stack, math.isfinite
    epoch = last_finite = 0
    loss = last_finite_loss = math.nan
    reason = StopReason.COMPLETED
    with torch.no_grad():
        for epoch in range(1, config.epochs + 1):
            if should_stop is not None and should_stop():
                epoch -= 1
                reason = StopReason.CANCELLED
                break
            diff = x * w + b - y  # t_p - t_c with t_p = w * t_u + b
            dloss_dtp = 2 * diff / n
            if xv is None:
                loss, gw, gb = stack(((diff**2).mean(), (dloss_dtp * x).sum(), dloss_dtp.sum())).tolist()
                vloss = math.nan
            else:
                vloss_t = ((xv * w + b - yv) ** 2).mean()
                loss, gw, gb, vloss = stack(
                    ((diff**2).mean(), (dloss_dtp * x).sum(), dloss_dtp.sum(), vloss_t)
                ).tolist()
            if isfinite(loss):
                last_finite, last_finite_loss = epoch, loss
            elif stop_nonfinite:
                wr = w * factor
                yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
                reason = StopReason.NON_FINITE
                break
            f32[0] = lr * gw
            f32[0] = w - f32[0]
            w = f32[0]
            f32[0] = lr * gb
            f32[0] = b - f32[0]
            b = f32[0]
            wr = w * factor
            yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
            if tol is not None and abs(gw) <= tol and abs(gb) <= tol:
                reason = StopReason.CONVERGED
                break
    return _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b)


def _train_torch(config: TrainConfig, prep: Prepared, should_stop) -> TrainGenerator:
    """Autograd and/or a torch.optim optimizer (SGD with momentum, Adam)."""
    autograd = config.gradient == "autograd"
    params = torch.tensor([config.init_w, config.init_b], dtype=torch.float32, requires_grad=autograd)
    if config.optimizer == "adam":
        opt = torch.optim.Adam([params], lr=config.lr)
    elif config.momentum > 0:
        opt = torch.optim.SGD([params], lr=config.lr, momentum=config.momentum)
    else:
        opt = None
    x, y, xv, yv = prep.x, prep.y, prep.x_val, prep.y_val
    factor, offset = prep.norm.factor, prep.norm.offset
    w, b = params.tolist()
    epoch = last_finite = 0
    loss = last_finite_loss = math.nan
    reason = StopReason.COMPLETED
    nan_t = torch.tensor(math.nan)
    for epoch in range(1, config.epochs + 1):
        if should_stop is not None and should_stop():
            epoch -= 1
            reason = StopReason.CANCELLED
            break
        if autograd:
            if params.grad is not None:
                params.grad.zero_()
            loss_t = loss_fn(model(x, *params), y)
            loss_t.backward()
            grad = params.grad
        else:
            pw, pb = params
            t_p = model(x, pw, pb)
            loss_t = loss_fn(t_p, y)
            grad = grad_fn(x, y, t_p, pw, pb)
        with torch.no_grad():
            vloss_t = nan_t if xv is None else loss_fn(model(xv, w, b), yv)
            loss, gw, gb, vloss = torch.stack((loss_t.detach(), grad[0], grad[1], vloss_t)).tolist()
            if isfinite := math.isfinite(loss):
                last_finite, last_finite_loss = epoch, loss
            if not isfinite and config.stop_on_non_finite:
                wr = w * factor
                yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
                reason = StopReason.NON_FINITE
                break
            if opt is not None:
                if not autograd:
                    params.grad = grad
                opt.step()
            else:
                params -= config.lr * grad
        w, b = params.tolist()
        wr = w * factor
        yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
        if config.tol is not None and abs(gw) <= config.tol and abs(gb) <= config.tol:
            reason = StopReason.CONVERGED
            break
    return _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b)
