"""Plain data that describes a run: its configuration, per-epoch results, outcome and input normalization.

No torch here, so the window can import it (and start) before torch has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import NamedTuple

import numpy as np

from thermogui.core.dataset import DataError
from thermogui.core.fields import BY_NAME, FIELDS, MAX_EPOCHS, ConfigError, field  # noqa: F401  (re-exported)

NORMALIZATIONS = tuple(v for v, _ in field("normalize").choices)
GRADIENTS = tuple(v for v, _ in field("gradient").choices)
OPTIMIZERS = tuple(v for v, _ in field("optimizer").choices)


class StopReason(str, Enum):
    COMPLETED = "completed"
    NON_FINITE = "non_finite"
    CONVERGED = "converged"
    CANCELLED = "cancelled"


def _d(name: str):
    return BY_NAME[name].default


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a run.  Defaults, ranges and words come from core.fields (the book's final run)."""

    lr: float = _d("lr")
    epochs: int = _d("epochs")
    init_w: float = _d("init_w")  # start values, in model (normalized) units as the book gives them
    init_b: float = _d("init_b")
    normalize: str = _d("normalize")  # none | scale | zscore
    scale: float = _d("scale")
    gradient: str = _d("gradient")  # manual | autograd
    optimizer: str = _d("optimizer")  # sgd (plain gradient descent when momentum == 0) | adam
    momentum: float = _d("momentum")
    val_fraction: float = _d("val_fraction")
    seed: int = _d("seed")
    tol: float | None = _d("tol")  # stop as converged when every |gradient| <= tol
    stop_on_non_finite: bool = _d("stop_on_non_finite")

    def validated(self) -> TrainConfig:
        """This config with every field checked against its spec (whole floats become ints), or ConfigError."""
        values = {f.name: f.check(getattr(self, f.name)) for f in FIELDS}
        changed = {k: v for k, v in values.items() if v is not getattr(self, k)}
        return replace(self, **changed) if changed else self

    def with_(self, **changes) -> TrainConfig:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in FIELDS}


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
