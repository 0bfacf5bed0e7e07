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
from dataclasses import dataclass, replace
from enum import Enum
from typing import Callable, Generator, NamedTuple

import numpy as np
import torch

from .dataset import DataError, Dataset
from .model import grad_fn, loss_fn, model

NORMALIZATIONS = ("none", "scale", "zscore")
GRADIENTS = ("manual", "autograd")
OPTIMIZERS = ("sgd", "adam")
MAX_EPOCHS = 10_000_000


class ConfigError(ValueError):
    """A hyperparameter that cannot be used, with a reason a person understands."""


class StopReason(str, Enum):
    COMPLETED = "completed"
    NON_FINITE = "non_finite"
    CONVERGED = "converged"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a run.  Defaults are the book's final run."""

    lr: float = 1e-2
    epochs: int = 5000
    init_w: float = 1.0  # start values, in model (normalized) units as the book gives them
    init_b: float = 0.0
    normalize: str = "scale"  # none | scale | zscore
    scale: float = 0.1
    gradient: str = "manual"  # manual | autograd
    optimizer: str = "sgd"  # sgd (plain gradient descent when momentum == 0) | adam
    momentum: float = 0.0
    val_fraction: float = 0.0
    seed: int = 0
    tol: float | None = None  # stop as converged when every |gradient| <= tol
    stop_on_non_finite: bool = True

    def validated(self) -> TrainConfig:
        def finite(name, v):
            if not isinstance(v, (int, float)) or not math.isfinite(v):
                raise ConfigError(f"{name} must be a finite number, not {v!r}")

        for name in ("lr", "init_w", "init_b", "scale", "momentum", "val_fraction"):
            finite(name, getattr(self, name))
        if not (0 < self.lr <= 1e6):
            raise ConfigError(f"learning rate must be greater than 0 (got {self.lr:g})")
        if not isinstance(self.epochs, int) or not (1 <= self.epochs <= MAX_EPOCHS):
            raise ConfigError(f"epochs must be a whole number from 1 to {MAX_EPOCHS:,} (got {self.epochs!r})")
        if self.normalize not in NORMALIZATIONS:
            raise ConfigError(f"normalization must be one of {', '.join(NORMALIZATIONS)} (got {self.normalize!r})")
        if self.normalize == "scale" and self.scale == 0:
            raise ConfigError("the scale factor must not be 0")
        if self.gradient not in GRADIENTS:
            raise ConfigError(f"gradient must be one of {', '.join(GRADIENTS)} (got {self.gradient!r})")
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(f"optimizer must be one of {', '.join(OPTIMIZERS)} (got {self.optimizer!r})")
        if not (0 <= self.momentum < 1):
            raise ConfigError(f"momentum must be at least 0 and below 1 (got {self.momentum:g})")
        if not (0 <= self.val_fraction < 1):
            raise ConfigError(f"validation fraction must be at least 0 and below 1 (got {self.val_fraction:g})")
        if self.tol is not None and not (math.isfinite(self.tol) and self.tol >= 0):
            raise ConfigError(f"tolerance must be a number >= 0 (got {self.tol!r})")
        if not isinstance(self.seed, int):
            raise ConfigError(f"seed must be a whole number (got {self.seed!r})")
        return self

    def with_(self, **changes) -> TrainConfig:
        return replace(self, **changes)


class EpochResult(NamedTuple):
    epoch: int
    loss: float  # training loss at the parameters before this epoch's update
    val_loss: float  # nan when there is no validation split
    w: float  # parameters after the update, model units
    b: float
    w_raw: float  # the same in raw units: t_c = w_raw * t_u + b_raw
    b_raw: float
    grad_w: float  # gradient before the update, model units
    grad_b: float


@dataclass(frozen=True)
class TrainOutcome:
    stop_reason: StopReason
    epochs_run: int
    stop_epoch: int  # the last epoch run (for non_finite: the epoch whose loss was not finite)
    last_finite_epoch: int  # 0 if even the first loss was not finite
    last_finite_loss: float
    loss: float  # loss reported at stop_epoch (inf/nan for non_finite)
    val_loss: float
    w_model: float  # final parameters
    b_model: float
    w: float  # final parameters in raw units
    b: float
    final_loss: float  # training loss at the final parameters


@dataclass(frozen=True)
class Normalization:
    """x = (t_u - offset) * factor, with the exact float32 operation the book uses."""

    kind: str
    offset: float = 0.0
    factor: float = 1.0
    std: float = 1.0  # z-score divides by std (exactly, in float32) rather than multiplying by 1/std

    @classmethod
    def fit(cls, config: TrainConfig, t_u_train: np.ndarray) -> Normalization:
        if config.normalize == "scale":
            return cls("scale", 0.0, float(config.scale))
        if config.normalize == "zscore":
            mean = float(np.mean(t_u_train))
            std = float(np.std(t_u_train))
            if not std > 0:
                raise DataError("all training t_u readings are equal, so z-score normalization is impossible")
            return cls("zscore", mean, 1.0 / std, std)
        return cls("none")

    def apply(self, t_u: torch.Tensor) -> torch.Tensor:
        if self.kind == "scale":
            return t_u * self.factor
        if self.kind == "zscore":
            return (t_u - self.offset) / self.std
        return t_u

    def to_raw(self, w: float, b: float) -> tuple[float, float]:
        wr = w * self.factor
        return wr, b - wr * self.offset

    def to_model(self, w_raw: float, b_raw: float) -> tuple[float, float]:
        return w_raw / self.factor, b_raw + w_raw * self.offset


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


def split_indices(n: int, val_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle with a seeded torch.randperm (as the book does) and hold out int(fraction * n), at least 1."""
    if val_fraction <= 0:
        return np.arange(n), np.arange(0)
    n_val = max(1, int(val_fraction * n))
    if n - n_val < 2:
        raise ConfigError(
            f"a validation fraction of {val_fraction:g} leaves {n - n_val} of {n} readings to train on; "
            "at least 2 are needed: lower the fraction or add readings"
        )
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(int(seed))).numpy()
    return np.sort(perm[n_val:]), np.sort(perm[:n_val])


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
        StopReason(reason), epoch, epoch, last_finite, last_finite_loss, loss, _val_loss(prep, w, b), w, b, wr, br, final
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
                loss, gw, gb, vloss = stack(((diff**2).mean(), (dloss_dtp * x).sum(), dloss_dtp.sum(), vloss_t)).tolist()
            if isfinite(loss):
                last_finite, last_finite_loss = epoch, loss
            elif stop_nonfinite:
                wr = w * factor
                yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset, gw, gb)
                reason = StopReason.NON_FINITE
                break
            f32[0] = lr * gw
            f32[0] = w - f32[0]
            w = f32[0]
            f32[0] = lr * gb
            f32[0] = b - f32[0]
            b = f32[0]
            wr = w * factor
            yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset, gw, gb)
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
                yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset, gw, gb)
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
        yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset, gw, gb)
        if config.tol is not None and abs(gw) <= config.tol and abs(gb) <= config.tol:
            reason = StopReason.CONVERGED
            break
    return _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b)
