"""Plain data that describes a run: its configuration, per-epoch results, outcome and input normalization.

No torch here, so the window can import it (and start) before torch has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

import numpy as np

from thermogui.core.dataset import DataError
from thermogui.core.fields import BY_NAME, FIELDS, MAX_EPOCHS, ConfigError, field  # noqa: F401  (re-exported)
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

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

    model: str = _d("model")  # line | quadratic
    hidden: int = _d("hidden")  # the network's hidden units
    arith: str = _d("arith")  # book (float32, the book's loop) | fast (float64 from the sums, linear models)
    lr: float = _d("lr")
    epochs: int = _d("epochs")
    init_w2: float = _d("init_w2")  # the quadratic's t_u² coefficient
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

    def start_params(self) -> tuple[float, ...]:
        """The start values in the model's parameter order (model units)."""
        if self.model == "quadratic":
            return (self.init_w2, self.init_w, self.init_b)
        return (self.init_w, self.init_b)


class EpochResult(tuple):
    """One epoch as a flat tuple of floats: (epoch, loss, val_loss, *params, *params_raw, *grad) — a History row.

    loss and grad are taken at the parameters *before* this epoch's update, params after it (the book prints the
    same pair); params are in model (normalized) units and params_raw the same model in raw t_u.  val_loss is nan
    without validation readings.  For the line (P = 2) the fields also have their old names w, b, w_raw, b_raw,
    grad_w, grad_b; asking a bigger model for them is an error, never a silently wrong number.
    """

    __slots__ = ()

    def __new__(cls, epoch, loss, val_loss, *values):
        if len(values) % 3:
            raise ValueError("an epoch has params, raw params and a gradient of the same length")
        return tuple.__new__(cls, (epoch, loss, val_loss, *values))

    @classmethod
    def of(cls, epoch, loss, val_loss, params, params_raw, grad) -> EpochResult:
        return tuple.__new__(cls, (epoch, loss, val_loss, *params, *params_raw, *grad))

    def __repr__(self) -> str:
        return f"EpochResult(epoch={self[0]}, loss={self[1]!r}, params={self.params}, grad={self.grad})"

    def __getnewargs__(self):
        return tuple(self)

    @property
    def n_params(self) -> int:
        return (len(self) - 3) // 3

    epoch = property(lambda self: self[0])
    loss = property(lambda self: self[1])
    val_loss = property(lambda self: self[2])

    @property
    def params(self) -> tuple[float, ...]:
        return self[3 : 3 + self.n_params]

    @property
    def params_raw(self) -> tuple[float, ...]:
        p = self.n_params
        return self[3 + p : 3 + 2 * p]

    @property
    def grad(self) -> tuple[float, ...]:
        return self[3 + 2 * self.n_params :]

    def _line(self, i: int) -> float:
        if len(self) != 9:
            raise AttributeError("w and b name the straight line's parameters; use params / params_raw / grad")
        return self[i]

    w = property(lambda self: self._line(3))
    b = property(lambda self: self._line(4))
    w_raw = property(lambda self: self._line(5))
    b_raw = property(lambda self: self._line(6))
    grad_w = property(lambda self: self._line(7))
    grad_b = property(lambda self: self._line(8))


@dataclass(frozen=True)
class TrainOutcome:
    stop_reason: StopReason
    epochs_run: int
    stop_epoch: int  # the last epoch run (for non_finite: the epoch whose loss was not finite)
    last_finite_epoch: int  # 0 if even the first loss was not finite
    last_finite_loss: float
    loss: float  # loss reported at stop_epoch (inf/nan for non_finite)
    val_loss: float
    params_model: tuple[float, ...]  # final parameters, model units
    params: tuple[float, ...]  # final parameters in raw units
    final_loss: float  # training loss at the final parameters
    model: str = "line"

    def _line(self, i: int, raw: bool) -> float:
        if self.model != "line":
            raise AttributeError("w and b name the straight line's parameters; use params / params_model")
        return (self.params if raw else self.params_model)[i]

    w_model = property(lambda self: self._line(0, False))
    b_model = property(lambda self: self._line(1, False))
    w = property(lambda self: self._line(0, True))
    b = property(lambda self: self._line(1, True))


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
                raise DataError(
                    msg(
                        QT_TRANSLATE_NOOP(
                            "core", "all training t_u readings are equal, so z-score normalization is impossible"
                        ),
                        "core",
                    )
                )
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
