"""Exact answers to compare training against: least squares, the stable learning-rate bound, fit metrics (and
whether they mean anything for a line: fit_check), and the loss over a grid of (w, b) for the landscape.  All in
float64."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.dataset import DataError
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg


@dataclass(frozen=True)
class LeastSquares:
    w: float
    b: float
    loss: float  # MSE at the optimum


def least_squares(x, y) -> LeastSquares:
    """The exact minimiser of mean((w x + b - y)^2)."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    xm, ym = x.mean(), y.mean()
    dx = x - xm
    sxx = float(dx @ dx)
    if sxx == 0:
        raise DataError(msg(QT_TRANSLATE_NOOP("core", "all x are equal: the least-squares line is undefined"), "core"))
    w = float(dx @ (y - ym)) / sxx
    b = float(ym - w * xm)
    r = w * x + b - y
    return LeastSquares(w, b, float(r @ r) / len(x))


def hessian(x) -> np.ndarray:
    """The (constant) Hessian of the MSE loss in (w, b): (2/N) [[sum x^2, sum x], [sum x, N]]."""
    x = np.asarray(x, float)
    n = len(x)
    return (2.0 / n) * np.array([[x @ x, x.sum()], [x.sum(), n]])


@dataclass(frozen=True)
class Stability:
    lr_max: float  # plain gradient descent diverges for lr above this: 2 / largest Hessian eigenvalue
    condition: float  # largest / smallest eigenvalue: how long and narrow the loss valley is
    eig_max: float
    eig_min: float


def stability(x) -> Stability:
    """Closed-form eigenvalues of the symmetric 2x2 Hessian."""
    (a, c), (_, d) = (map(float, row) for row in hessian(x))
    mid = (a + d) / 2
    rad = math.hypot((a - d) / 2, c)
    big = mid + rad
    small = (a * d - c * c) / big if big > 0 else 0.0  # det / big avoids cancellation in mid - rad
    return Stability(2.0 / big, big / small if small > 0 else math.inf, big, small)


def lr_stable_max(x) -> float:
    return stability(x).lr_max


@dataclass(frozen=True)
class Metrics:
    rmse: float
    mae: float
    r2: float
    n: int


def metrics(t_u, t_c, w_raw: float, b_raw: float) -> Metrics:
    """Fit quality of t_c ~ w_raw * t_u + b_raw (nan when the line is not finite or there are no points)."""
    t_u = np.asarray(t_u, float)
    t_c = np.asarray(t_c, float)
    if len(t_u) == 0 or not (math.isfinite(w_raw) and math.isfinite(b_raw)):
        return Metrics(math.nan, math.nan, math.nan, len(t_u))
    with np.errstate(all="ignore"):
        r = w_raw * t_u + b_raw - t_c
        ss_res = float(r @ r)
        dev = t_c - t_c.mean()
        ss_tot = float(dev @ dev)
        r2 = 1.0 - ss_res / ss_tot if ss_tot > 0 else math.nan
        return Metrics(math.sqrt(ss_res / len(r)), float(np.abs(r).mean()), r2, len(r))


FAR_SPANS = 100.0  # a line whose typical residual exceeds this many spans of the readings' t_c is nowhere near them


@dataclass(frozen=True)
class FitCheck:
    """Whether residuals, R², outliers and a calibration of a line on some readings mean anything.

    reason: "ok"; "not_finite" (w or b is inf/nan: the run blew up); "far" (finite, but a typical residual is more
    than FAR_SPANS × the readings' own span of t_c — a diverged run's line, nowhere near the data).
    """

    meaningful: bool
    reason: str
    rms: float  # RMS residual, °C (nan when the line is not finite)
    span: float  # max(t_c) − min(t_c) of the readings (at least 1 °C): the yardstick for "nowhere near"

    @property
    def limit(self) -> float:
        return FAR_SPANS * self.span


def fit_check(t_u, t_c, w_raw: float, b_raw: float) -> FitCheck:
    """Judge the line t_c ~ w_raw * t_u + b_raw on these readings (see FitCheck).

    A poor fit is still meaningful (an untrained line, R² = −20: the metrics say how poor); a line whose typical
    error is a hundred times the whole range of the readings is not (R² = −3.9e36 after a divergence): its residuals
    are all "the line is somewhere else", and an RMS that large makes every residual look "within the spread".
    """
    t_u = np.asarray(t_u, float)
    t_c = np.asarray(t_c, float)
    span = max(float(np.ptp(t_c)), 1.0) if t_c.size else 1.0
    if not (math.isfinite(w_raw) and math.isfinite(b_raw)):
        return FitCheck(False, "not_finite", math.nan, span)
    if t_u.size == 0:
        return FitCheck(True, "ok", math.nan, span)
    with np.errstate(all="ignore"):
        r = w_raw * t_u + b_raw - t_c
        big = float(np.max(np.abs(r)))
        rms = big * float(np.sqrt(np.mean((r / big) ** 2))) if 0 < big < math.inf else big  # no overflow in r²
    if not (rms <= FAR_SPANS * span):  # also catches an rms that overflowed to inf / nan
        return FitCheck(False, "far", rms, span)
    return FitCheck(True, "ok", rms, span)


def fit_is_meaningful(t_u, t_c, w_raw: float, b_raw: float) -> bool:
    return fit_check(t_u, t_c, w_raw, b_raw).meaningful


def loss_grid(x, y, w_values, b_values) -> np.ndarray:
    """MSE at every (w, b) of a grid, shape (len(b_values), len(w_values)), vectorized in torch (float64).

    Uses the quadratic's moments, so the cost does not grow with the number of readings:
    L = w^2 <x^2> + 2 w b <x> + b^2 - 2 w <xy> - 2 b <y> + <y^2>.
    """
    import torch  # imported here so the window can start before torch is loaded

    # torch.tensor copies: Dataset arrays are read-only, and as_tensor warns about sharing them
    xt = torch.tensor(np.asarray(x, float))
    yt = torch.tensor(np.asarray(y, float))
    sxx, sx, sxy, sy, syy = (t.mean() for t in (xt * xt, xt, xt * yt, yt, yt * yt))
    w = torch.tensor(np.asarray(w_values, float)).reshape(1, -1)
    b = torch.tensor(np.asarray(b_values, float)).reshape(-1, 1)
    grid = w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy
    return grid.clamp_min(0).numpy()


def predict(t_u, w_raw: float, b_raw: float):
    return w_raw * np.asarray(t_u, float) + b_raw


def invert(t_c, w_raw: float, b_raw: float):
    """The t_u reading that corresponds to a temperature t_c (undefined when w_raw == 0)."""
    if w_raw == 0:
        raise ZeroDivisionError(
            msg(QT_TRANSLATE_NOOP("core", "the fitted line is flat (w = 0), so it cannot be inverted"), "core")
        )
    return (np.asarray(t_c, float) - b_raw) / w_raw


# --- any model: the exact answer, the stable rate and how long plain gradient descent takes to get there -------------
CONVERGED_WITHIN = 1e-3  # "converged": the loss within 0.1 % of the least-squares loss
CURVE_POINTS = 200  # samples of a curved model over the readings' range
EXACT_FIT = 1e-12  # an L* below this share of mean(t_c²) is an exact fit (rounding): "within 0.1 % of it" means nothing


def _model(config):
    """The model whose maths the analysis uses: nn.Linear(1, 1) is the line (the same loss, bound and answer)."""
    from thermogui.core.models import LINE, model_of

    return LINE if config.model == "linear-module" else model_of(config)


def _is_linear(model) -> bool:
    from thermogui.core.models import is_linear

    return is_linear(model)


@dataclass(frozen=True)
class Reference:
    """The exact least-squares answer of the chosen model on the training readings: what gradient descent walks
    towards.  `w` and `b` (raw units) exist for the straight line only, as in EpochResult."""

    names: tuple[str, ...]
    params: tuple[float, ...]  # model units
    params_raw: tuple[float, ...]  # the same model on raw t_u
    loss: float  # the least-squares loss L*

    def _line(self, i: int) -> float:
        if self.names != ("w", "b"):
            raise AttributeError("w and b name the straight line's parameters; use params / params_raw")
        return self.params_raw[i]

    w = property(lambda self: self._line(0))
    b = property(lambda self: self._line(1))


def reference(config, data) -> Reference | None:
    """The least-squares answer of config's model on the training readings of `data`; None when there is none (a
    network is not linear in its parameters; the readings cannot be fitted, or not uniquely).  nn.Linear(1, 1) is the
    straight line trained as a module: its answer is the line's."""
    from thermogui.core.problem import least_squares_params

    m = _model(config)
    if tuple(m.params) == ("w", "b") and m.name != "line":  # nn.Linear(1, 1): the same model as the line
        return reference(config.with_(model="line"), data)
    if not _is_linear(m):
        return None
    got = least_squares_params(config, data)
    if got is None:
        return None
    p, raw, loss = got
    return Reference(tuple(m.params), tuple(float(v) for v in p), tuple(float(v) for v in raw), float(loss))


def stability_of_hessian(h) -> Stability:
    """The stable-rate bound and the condition number from a (symmetric) Hessian of any size."""
    lam = np.linalg.eigvalsh(np.asarray(h, float))
    big, small = float(lam[-1]), float(lam[0])
    return Stability(2.0 / big if big > 0 else math.inf, big / small if small > 0 else math.inf, big, small)


def stability_of(config, data) -> Stability | None:
    """The stable-rate bound of plain gradient descent for config's model on the training inputs in model units
    (the line: its closed form, the numbers it always had; another linear model: the largest eigenvalue of its
    Hessian).  nn.Linear(1, 1) is the line: the line's bound.  None for the network (not linear in its parameters:
    no constant Hessian), and when the inputs overflow the Hessian's sums.  Raises ConfigError or DataError when a
    run could not start on these readings."""
    from thermogui.core.problem import model_x

    m = _model(config)
    if not _is_linear(m):
        return None
    x = model_x(config, data)
    if config.model in ("line", "linear-module"):
        return stability(x)
    h = np.asarray(m.hessian(x), float)
    if not np.isfinite(h).all():
        return None  # the inputs overflow the model's sums (t_u² and t_u⁴ of huge readings): no bound to compute
    return stability_of_hessian(h)


@dataclass(frozen=True)
class Convergence:
    """What the Hessian's eigenvalues predict for plain gradient descent with config's model, normalization and
    rate: the stable bound, the condition number and the epochs until the loss is within `within` of L*."""

    stability: Stability
    lr: float
    plain_gd: bool  # the prediction is for plain gradient descent (no momentum, not Adam)
    within: float  # relative: 1e-3 is 0.1 %
    ls_loss: float  # L* (nan when there is no unique least-squares answer)
    start_loss: float  # L at the start values, on the training readings
    epochs: float  # predicted epochs: 0 (the start is already there), inf (unstable), nan (cannot be said: no unique
    # least-squares answer, an exact fit, a start loss that is not finite)
    planned: int  # the epochs the run is set to

    @property
    def condition(self) -> float:
        return self.stability.condition

    @property
    def stable(self) -> bool:
        return self.lr < self.stability.lr_max


def convergence(config, data, within: float = CONVERGED_WITHIN) -> Convergence | None:
    """The prediction for config on `data` (core.fast.epochs_to_converge with the actual start excess
    (L(start) − L*) / L*); None for a network.  Raises ConfigError or DataError when a run could not start."""
    from thermogui.core.fast import epochs_to_converge
    from thermogui.core.problem import model_inputs, model_x, training_data

    stab = stability_of(config, data)
    if stab is None:
        return None
    m = _model(config)
    plain = config.optimizer == "sgd" and config.momentum == 0
    ref = reference(config, data)
    ls_loss = ref.loss if ref is not None else math.nan
    t_u, t_c, norm = training_data(config, data)
    start_loss = m.loss(model_inputs(norm, t_u), t_c, config.start_params())
    epochs = math.nan
    if ref is not None and ls_loss > EXACT_FIT * float(np.mean(np.square(t_c))) and math.isfinite(start_loss):
        excess = max(start_loss - ls_loss, 0.0) / ls_loss
        if not config.lr < stab.lr_max:
            epochs = math.inf
        elif excess <= within:
            epochs = 0
        else:
            try:
                epochs = float(epochs_to_converge(m, model_x(config, data), config.lr, within, excess)["epochs"])
            except (ValueError, OverflowError, ZeroDivisionError):  # a factor of exactly 0: one step lands there
                epochs = 1.0
    return Convergence(stab, float(config.lr), plain, within, ls_loss, float(start_loss), epochs, int(config.epochs))


def relative_excess(loss: float, ls_loss: float) -> float:
    """(loss − L*) / L*: how far a loss is above the least-squares loss (nan when either is not a number or
    L* is not positive)."""
    if not (math.isfinite(ls_loss) and ls_loss > 0) or math.isnan(loss):
        return math.nan
    return (loss - ls_loss) / ls_loss


def reached(loss: float, ls_loss: float, within: float = CONVERGED_WITHIN) -> bool:
    """A run's final loss is within `within` (relative) of the least-squares loss L*."""
    return relative_excess(loss, ls_loss) <= within


def curve_x(x0: float, x1: float, n: int = CURVE_POINTS) -> np.ndarray:
    """Where a curved model is sampled to draw it: n evenly spaced raw t_u from x0 to x1."""
    return np.linspace(float(x0), float(x1), int(n))


def validation_mask(config, data) -> np.ndarray:
    """Which readings (all rows, excluded ones False) a run of config on `data` holds out as validation readings:
    the marked ones, or the seeded random share; all False when the split cannot be made."""
    from thermogui.core.config import ConfigError
    from thermogui.core.problem import split

    mask = np.zeros(len(data), bool)
    if data.n_active == 0:
        return mask
    try:
        _, va = split(config, data)
    except (ConfigError, DataError):
        return mask
    rows = np.flatnonzero(data.include)
    mask[rows[va]] = True
    return mask


def start_params_raw(config, data) -> tuple[float, ...]:
    """The run's start as the model's parameters on raw t_u (nan when the readings cannot be fitted); for the
    network the seeded module's parameters (builds it: imports torch)."""
    from thermogui.core.config import ConfigError
    from thermogui.core.problem import start_params_raw as linear_start
    from thermogui.core.problem import training_inputs

    m = _model(config)
    if _is_linear(m):
        return tuple(float(v) for v in linear_start(config, data))
    try:
        _, norm = training_inputs(config, data)
    except (ConfigError, DataError):
        return tuple([math.nan] * m.size)
    module = m.start_module(config)
    p = np.concatenate([q.detach().double().numpy().reshape(-1) for q in module.parameters()])
    return tuple(float(v) for v in m.to_raw(p, norm.offset, norm.factor))


# --- a network beside the least-squares line -------------------------------------------------------------------------
NETWORK_SPAN = (20.0, 90.0)  # °F: the span a network's curve is drawn over (the readings' own where it is wider)
SAME_LOSS = CONVERGED_WITHIN  # two losses within 0.1 % of each other: neither is better


def curve_span(model, x0: float, x1: float) -> tuple[float, float]:
    """Where the fit plot draws `model` given the readings' span [x0, x1]: a network with hidden units over
    NETWORK_SPAN or the readings' span, whichever reaches further on each side (it bends, and what it does beyond
    the readings is part of the lesson); any other model over the readings' span."""
    if getattr(model, "hidden", 0):
        return min(float(x0), NETWORK_SPAN[0]), max(float(x1), NETWORK_SPAN[1])
    return float(x0), float(x1)


def comparison_line(config, data) -> Reference | None:
    """The least-squares straight line on config's training readings, whatever config's model: what a network is
    compared with (drawn dashed beside its curve).  None when the training readings cannot be fitted by a line."""
    return reference(config.with_(model="line"), data)


@dataclass(frozen=True)
class LineBaseline:
    """The least-squares line of a run's split: its loss on the training readings (the least-squares loss) and on
    the validation readings (nan when there are none)."""

    params_raw: tuple[float, float]  # w, b on raw t_u
    loss: float
    val_loss: float
    n_val: int


def line_baseline(config, data) -> LineBaseline | None:
    """The least-squares line of config's training readings and its losses on the same split as a run of config
    (core.problem.split: the marked readings or the seeded share); None when no run could start on these readings."""
    from thermogui.core.config import ConfigError
    from thermogui.core.problem import split

    ref = comparison_line(config, data)
    if ref is None:
        return None
    try:
        _, va = split(config, data)
    except (ConfigError, DataError):
        return None
    t_u, t_c = data.active()
    w, b = ref.params_raw
    val = math.nan
    if len(va):
        with np.errstate(over="ignore", invalid="ignore"):  # (huge readings: an infinite loss, shown as such)
            r = w * t_u[va] + b - t_c[va]
            val = float(r @ r) / len(r)
    return LineBaseline((float(w), float(b)), float(ref.loss), val, int(len(va)))


def compare_losses(loss: float, other: float, same: float = SAME_LOSS) -> int:
    """−1 when `loss` is lower than `other` (better), 1 when higher (worse), 0 when within `same` (relative) of it;
    a loss that is not a number is worse than one that is."""
    if math.isnan(loss) or math.isnan(other):
        return 0 if math.isnan(loss) and math.isnan(other) else (1 if math.isnan(loss) else -1)
    if loss == other or (math.isfinite(other) and abs(loss - other) <= same * abs(other)):
        return 0
    return -1 if loss < other else 1


@dataclass(frozen=True)
class LineComparison:
    """A run's training and validation loss against the least-squares line's on the same split: does the network
    beat the line, on the readings it trained on and on the ones it did not see?"""

    loss: float  # the run's training loss
    line_loss: float  # the line's (the least-squares loss of the training readings)
    val_loss: float  # the run's validation loss (nan: no validation readings)
    line_val_loss: float

    @property
    def training(self) -> int:
        """−1 better than the line, 0 as good, 1 worse (compare_losses)."""
        return compare_losses(self.loss, self.line_loss)

    @property
    def validation(self) -> int | None:
        """As `training`, on the validation readings; None when there are none."""
        if math.isnan(self.line_val_loss):
            return None
        return compare_losses(self.val_loss, self.line_val_loss)

    @property
    def overfits(self) -> bool:
        """Better than the line on the readings it trained on, worse on the ones it did not see."""
        return self.training < 0 and self.validation == 1


def versus_line(baseline: LineBaseline, loss: float, val_loss: float) -> LineComparison:
    """A run's losses (an epoch's, or the final ones) against the least-squares line of the same split."""
    return LineComparison(float(loss), baseline.loss, float(val_loss), baseline.val_loss)
