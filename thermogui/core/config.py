"""Plain data that describes a run: its configuration, per-epoch results, outcome and input normalization.

No torch here, so the window can import it (and start) before torch has loaded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum
from typing import NamedTuple

import numpy as np

from .dataset import DataError

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
            raise ConfigError(f"learning rate must be greater than 0 and at most 1e6 (got {self.lr:g})")
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
        if not isinstance(self.seed, int) or not 0 <= self.seed < 2**63:
            raise ConfigError(f"seed must be a whole number from 0 to 2**63 - 1 (got {self.seed!r})")
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

    def apply(self, t_u):
        """Normalize a float32 torch tensor of raw readings."""
        if self.kind == "scale":
            return t_u * self.factor
        if self.kind == "zscore":
            return (t_u - self.offset) / self.std
        return t_u

    def to_raw(self, w: float, b: float) -> tuple[float, float]:
        wr = w * self.factor
        return wr, (b - wr * self.offset) if self.offset else b

    def to_model(self, w_raw: float, b_raw: float) -> tuple[float, float]:
        return w_raw / self.factor, b_raw + w_raw * self.offset
