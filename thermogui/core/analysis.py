"""Exact answers to compare training against: least squares, the stable learning-rate bound, fit metrics (and
whether they mean anything for a line: fit_check), and the loss over a grid of (w, b) for the landscape.  All in
float64."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.dataset import DataError


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
        raise DataError("all x are equal: the least-squares line is undefined")
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
        raise ZeroDivisionError("the fitted line is flat (w = 0), so it cannot be inverted")
    return (np.asarray(t_c, float) - b_raw) / w_raw
