"""The loss over a pair of parameters, for the landscape plot: a 2-D slice through the current point.

Everything here is in model units: the parameters that training updates, on the normalized training inputs
x = Normalization.apply(t_u) (float32 as in training, then float64 for the maths).  For a model linear in its
parameters the mean squared error is an exact quadratic, L(p) = (pᵀAp − 2pᵀc + yᵀy) / N with A = XᵀX and c = Xᵀy
(X the feature matrix), so a slice over two of its parameters — the others held at the current point's values — is
an exact quadratic in those two: the grid (vectorized, 200 × 200 costs next to nothing), the slice's lowest point and
its valley's shape (the eigenvectors of the pair's 2 × 2 block of the Hessian) are all exact.  For the line the only
pair is (w, b) and the slice is the whole loss.  A model that is not linear in its parameters (the network) has no
such landscape: `unavailable` (core.landscape_words) says so in words, and `landscape` raises NotAvailable with them.
The landscape's words (the caption, a run's legend entry) are in core.landscape_words; a run's path on it (thinned,
cut to the window) in core.landscape_paths.

No torch at import (the window can start before torch is loaded); `landscape()` loads it through `prepare`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.analysis import LeastSquares, Stability, least_squares, stability
from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.errors import UserError
from thermogui.core.landscape_paths import (  # noqa: F401  (re-exported: the landscape's API in one place)
    MARGIN,
    Window,
    clip_path,
    decimate_index,
    fit_window,
    path_bounds,
    project,
)
from thermogui.core.landscape_words import (  # noqa: F401  (re-exported)
    describe,
    raw_start,
    raw_start_params,
    run_label,
    unavailable,
)
from thermogui.core.models.linear import LINE, LinearModel
from thermogui.core.numbers import equation

START_FIELDS = {"w2": "init_w2", "w1": "init_w", "w": "init_w", "b": "init_b"}  # parameter -> its start setting


class NotAvailable(UserError):
    """A panel that needs a model linear in its parameters was asked about one that is not."""


def linear_model(config: TrainConfig, what: str = "landscape") -> LinearModel:
    """config's model, if it is linear in its parameters; else NotAvailable saying why."""
    reason = unavailable(config, what)
    if reason is not None:
        raise NotAvailable(reason)
    from thermogui.core.models import get_model

    return get_model(config.model)


# --- pairs ------------------------------------------------------------------------------------------------------------
def pairs(model: LinearModel) -> list[tuple[int, int]]:
    """The pairs of parameters a slice can show, (across, up) by index, the default first: for the line only (w, b);
    for the quadratic (w1, b) — the line's plane — then (w2, w1) and (w2, b)."""
    n = model.size
    default = (n - 2, n - 1)
    return [default] + [(i, j) for i in range(n) for j in range(i + 1, n) if (i, j) != default]


def pair_label(model: LinearModel, pair: tuple[int, int]) -> str:
    """'w2 × w1': across × up."""
    return f"{model.params[pair[0]]} × {model.params[pair[1]]}"


def pair_of(model: LinearModel, names) -> tuple[int, int] | None:
    """The pair (by index) of two parameter names of `model`, or None when it has no such pair."""
    try:
        i, j = (model.params.index(n) for n in names)
    except ValueError:
        return None
    return (i, j) if i != j else None


def start_changes(names, values) -> dict:
    """The start settings for picking `values` of the parameters `names`: {"init_w2": 0.1, "init_w": 1.5}."""
    return {START_FIELDS[n]: float(v) for n, v in zip(names, values)}


# --- the slice --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Landscape:
    w_values: np.ndarray  # across: the pair's first parameter (model units), increasing (the line: w)
    b_values: np.ndarray  # up: the pair's second parameter (the line: b)
    loss: np.ndarray  # (n_b, n_w): loss[i, j] is the MSE at (w_values[j], b_values[i]), the other parameters held
    optimum: LeastSquares | None  # the least-squares point on the pair's axes (w: across, b: up) and its loss L*
    levels: np.ndarray  # contour levels, increasing: levels[k] = base * level_ratio ** (k + 1)
    level_ratio: float  # each contour has this many times the loss of the one inside it
    start: tuple[float, float]  # the start values of the pair
    window: Window
    stability: Stability  # of this slice (the pair's block of the Hessian); for the line, of the whole loss
    normalization: Normalization
    quad: tuple[float, ...]  # (u0, v0, L0, gu, gv, a, h, d): L = L0 + gu·du + gv·dv + a·du² + 2h·du·dv + d·dv²
    model: LinearModel = LINE
    pair: tuple[int, int] = (0, 1)
    point: tuple[float, ...] = ()  # the whole parameter vector the slice goes through (model units)
    through_start: bool = True  # the slice goes through the start values (no finite run point was given)
    lowest: tuple[float, float, float] = (math.nan, math.nan, math.nan)  # the slice's lowest point and its loss
    model_stability: Stability | None = None  # of the whole model (the line: the same as `stability`)
    least_squares: tuple[float, ...] | None = None  # the whole least-squares vector, None when it is not unique

    @property
    def names(self) -> tuple[str, str]:
        """The parameters across and up: ('w', 'b') for the line."""
        return self.model.params[self.pair[0]], self.model.params[self.pair[1]]

    @property
    def held(self) -> list[tuple[str, float]]:
        """The other parameters and the values the slice holds them at (none for the line)."""
        return [(n, float(self.point[k])) for k, n in enumerate(self.model.params) if k not in self.pair]

    def loss_at(self, w, b):
        """The exact loss at (across, up) = (w, b) (numbers or arrays), the others held: no grid interpolation."""
        value = _loss_on(self.quad, w, b)
        return float(value) if value.ndim == 0 else value

    def contains(self, w: float, b: float) -> bool:
        w0, w1, b0, b1 = self.window
        return w0 <= w <= w1 and b0 <= b <= b1

    def params_at(self, w: float, b: float) -> np.ndarray:
        """The whole parameter vector at (across, up) = (w, b) of this slice."""
        p = np.array(self.point, float)
        p[self.pair[0]], p[self.pair[1]] = w, b
        return p

    def to_raw(self, w: float, b: float) -> tuple[float, float]:
        """The line's (w, b) in model units as the line t_c = w_raw * t_u + b_raw."""
        return self.normalization.to_raw(w, b)

    def raw_params(self, w: float, b: float) -> np.ndarray:
        """The model at (across, up) = (w, b) of this slice, as its coefficients in raw t_u."""
        norm = self.normalization
        return self.model.to_raw(self.params_at(w, b), norm.offset, norm.factor)

    def equation_at(self, w: float, b: float) -> str:
        """The model at (across, up) in raw units: 't_c = 0.5367 · t_u − 17.30'."""
        if self.model.name == "line":
            return equation(*self.to_raw(w, b))
        return self.model.equation(self.raw_params(w, b))

    def from_raw(self, raw) -> np.ndarray:
        """Rows of whole parameter vectors in raw t_u (k × P) in this landscape's model units."""
        norm = self.normalization
        m = self.model.raw_matrix(norm.offset, norm.factor)
        raw = np.atleast_2d(np.asarray(raw, float))
        with np.errstate(all="ignore"):
            return np.linalg.solve(m, raw.T).T


def _loss_on(quad, u, v) -> np.ndarray:
    """The slice's quadratic at (u, v) (broadcast), never below 0."""
    u0, v0, l0, gu, gv, a, h, d = quad
    du = np.asarray(u, float) - u0
    dv = np.asarray(v, float) - v0
    with np.errstate(all="ignore"):
        return np.maximum(l0 + gu * du + gv * dv + a * du * du + 2 * h * du * dv + d * dv * dv, 0.0)


def model_xy(config: TrainConfig, data: Dataset) -> tuple[np.ndarray, np.ndarray, Normalization]:
    """The training inputs in model units and the targets, exactly as a run sees them (as float64)."""
    from thermogui.core.training import prepare  # loads torch

    prep = prepare(config, data)
    return prep.x.double().numpy(), prep.y.double().numpy(), prep.norm


def _stability2(a: float, c: float, d: float) -> Stability:
    """The closed-form eigenvalues of the symmetric 2 × 2 Hessian [[a, c], [c, d]] (as core.analysis.stability)."""
    mid = (a + d) / 2
    rad = math.hypot((a - d) / 2, c)
    big = mid + rad
    small = (a * d - c * c) / big if big > 0 else 0.0
    return Stability(2.0 / big if big > 0 else math.inf, big / small if small > 0 else math.inf, big, small)


def _quad_at(X: np.ndarray, y: np.ndarray, p: np.ndarray, pair: tuple[int, int]) -> tuple[float, ...]:
    """The slice's quadratic around p: (u0, v0, L(p), dL/du, dL/dv, a, h, d), from the residuals at p (accurate near
    p, with no cancellation of the big sums)."""
    i, j = pair
    n = len(y)
    with np.errstate(all="ignore"):
        r = X @ p - y
        g = 2.0 * (X.T @ r) / n
        loss = float(r @ r) / n
    a, h, d = (float(X[:, s] @ X[:, t]) / n for s, t in ((i, i), (i, j), (j, j)))
    return float(p[i]), float(p[j]), loss, float(g[i]), float(g[j]), a, h, d


def _window(quad, start, lowest, extra, y, margin: float = MARGIN) -> Window:
    """A box over the pair that shows what gradient descent does from `start`.

    Gradient descent first falls across the valley (along the steep eigenvector of the pair's Hessian) to the point
    "entry" on the valley floor, then creeps along the floor to the lowest point.  The box holds the start, the
    lowest point, the entry point and the start mirrored across the floor (where a rate near the stable bound zigzags
    to), and the `extra` points (the least-squares point and the current point of a slice of a bigger model), with a
    margin.  For raw t_u the valley is long and narrow (condition number ~34,000) and the box follows it; scaled
    inputs give a rounder valley and a box around it.  Floors on each half-extent keep the box sensible when the start
    is at the minimum."""
    _, _, _, _, _, a, h, d = quad
    hess = 2.0 * np.array([[a, h], [h, d]])
    opt = np.array(lowest[:2], float)
    s = np.array([float(start[0]), float(start[1])])
    vals, vecs = np.linalg.eigh(hess)  # ascending: vecs[:, 0] is the valley's direction (smallest curvature)
    floor_dir = vecs[:, 0]
    entry = opt + float((s - opt) @ floor_dir) * floor_dir
    mirror = 2 * entry - s
    pts = np.stack([s, opt, entry, mirror, *(np.asarray(e, float) for e in extra)])
    pts = pts[np.isfinite(pts).all(axis=1)]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    # half-extents of the contour through the start (and of the one at twice the minimum's loss) bound the box below
    h_inv = np.linalg.inv(hess) if vals[0] > 0 else np.diag(1.0 / np.maximum(np.diag(hess), 1e-300))
    start_loss = float(_loss_on(quad, s[0], s[1]))
    rise = max(start_loss - lowest[2], 0.0) if math.isfinite(start_loss) else 0.0
    near = max(lowest[2], 1e-6 * float(np.mean(np.asarray(y, float) ** 2)), 1e-12)
    floors = np.maximum(0.05 * np.sqrt(2 * rise * np.diag(h_inv)), 0.5 * np.sqrt(2 * near * np.diag(h_inv)))
    centre = (lo + hi) / 2
    half = np.maximum((hi - lo) / 2, floors) * (1 + 2 * margin)
    half = np.maximum(half, 1e-9 * np.maximum(1.0, np.abs(centre)))  # never an empty box
    return (
        float(centre[0] - half[0]),
        float(centre[0] + half[0]),
        float(centre[1] - half[1]),
        float(centre[1] + half[1]),
    )


def contour_levels(min_loss: float, max_loss: float, min_count: int = 6) -> tuple[np.ndarray, float]:
    """Log-spaced levels above the optimum's loss up to `max_loss`: base * ratio ** k, k = 1, 2, ...

    The ratio is 10 (one contour a decade) when the window spans enough decades, else 10 ** (1/2), 10 ** (1/3) ...
    so that there are at least about `min_count` contours.  Returns (levels, ratio).
    """
    if not (math.isfinite(max_loss) and max_loss > 0):
        return np.empty(0), 10.0
    base = max(min_loss if math.isfinite(min_loss) else 0.0, max_loss * 1e-8, 1e-300)
    decades = math.log10(max_loss / base) if max_loss > base else 0.0
    per_decade = 1
    while per_decade < 5 and decades * per_decade < min_count:
        per_decade += 1
    ratio = 10.0 ** (1.0 / per_decade)
    count = int(math.floor(decades * per_decade + 1e-9))
    levels = base * ratio ** np.arange(1, count + 1)
    return levels[levels < max_loss], ratio


def landscape(
    config: TrainConfig,
    data: Dataset,
    n: int | tuple[int, int] = 200,
    span: Window | None = None,
    pair: tuple[int, int] | None = None,
    point=None,
) -> Landscape:
    """The loss over an n x n grid of a pair of parameters (model units; n may be (n_across, n_up)), the other
    parameters held at `point`'s values.

    `pair`: (across, up) parameter indices (None: the default, `pairs(model)[0]`; (w, b) for the line).  `point`: the
    whole parameter vector the slice goes through (a run's latest parameters); None, or one that is not finite, means
    the start values.  `span` is the window; None chooses one that holds the start, the slice's lowest point and the
    valley between them (and, for a bigger model, the least-squares point and the current point).
    Raises NotAvailable for a model not linear in its parameters, ConfigError / DataError (ValueErrors) when the data
    cannot be trained on.
    """
    m = linear_model(config, "landscape")
    n_w, n_b = (int(n), int(n)) if np.isscalar(n) else (int(n[0]), int(n[1]))
    if n_w < 2 or n_b < 2:
        raise ValueError(f"the grid needs at least 2 x 2 points (got {n_w} x {n_b})")
    pair = pairs(m)[0] if pair is None else (int(pair[0]), int(pair[1]))
    if pair not in pairs(m):
        raise ValueError(f"{pair} is not a pair of the {m.label}'s {m.size} parameters")
    i, j = pair
    x, y, norm = model_xy(config, data)
    X = m.features(x)
    start_full = np.array(config.start_params(), float)
    p0, through_start = start_full, True
    if point is not None:
        p = np.asarray(point, float).reshape(-1)
        if len(p) == m.size and np.isfinite(p).all():
            p0, through_start = p, False
    if m.name == "line":
        ls = least_squares(x, y)  # the closed form the line always used
        ls_full = np.array([ls.w, ls.b])
        optimum = ls
        stab = model_stab = stability(x)
    else:
        try:
            ls_full, ls_loss = m.least_squares(x, y)
        except (ValueError, np.linalg.LinAlgError):
            ls_full, ls_loss = None, math.nan
        optimum = None if ls_full is None else LeastSquares(float(ls_full[i]), float(ls_full[j]), float(ls_loss))
        lam = np.linalg.eigvalsh(m.hessian(x))
        big, small = float(lam[-1]), float(lam[0])
        model_stab = Stability(2.0 / big if big > 0 else math.inf, big / small if small > 0 else math.inf, big, small)
    # the slice's lowest point: the pair's 2 x 2 system around a centre on the slice near it, then the quadratic again
    # around that point (so the grid has no cancellation of big sums near the minimum)
    centre = p0.copy()
    guess = ls_full if ls_full is not None else start_full
    centre[i], centre[j] = guess[i], guess[j]
    quad = _quad_at(X, y, centre, pair)
    _, _, _, gu, gv, a, h, d = quad
    det = a * d - h * h
    if m.name == "line":
        low = (ls.w, ls.b)
    elif det > 0:
        low = (centre[i] - (d * gu - h * gv) / (2 * det), centre[j] - (a * gv - h * gu) / (2 * det))
    else:  # (readings that cannot tell the pair apart)
        low = (centre[i], centre[j])
    centre[i], centre[j] = low
    quad = _quad_at(X, y, centre, pair)
    lowest = (float(low[0]), float(low[1]), quad[2])
    if m.name != "line":
        stab = _stability2(2 * a, 2 * h, 2 * d)
    start = (float(start_full[i]), float(start_full[j]))
    if span is None:
        extra = []
        if m.name != "line":
            if optimum is not None:
                extra.append((optimum.w, optimum.b))
            extra.append((p0[i], p0[j]))
        window = _window(quad, start, lowest, extra, y)
    else:
        window = tuple(float(v) for v in span)
    w0, w1, b0, b1 = window
    if not (all(math.isfinite(v) for v in window) and w0 < w1 and b0 < b1):
        raise ValueError(f"the window {window} is not a box of finite, increasing bounds")
    w_values = np.linspace(w0, w1, n_w)
    b_values = np.linspace(b0, b1, n_b)
    grid = _loss_on(quad, w_values.reshape(1, -1), b_values.reshape(-1, 1))
    levels, ratio = contour_levels(lowest[2], float(grid.max()))
    ls_tuple = None if ls_full is None else tuple(float(v) for v in ls_full)
    point_tuple = tuple(float(v) for v in p0)
    return Landscape(
        w_values, b_values, grid, optimum, levels, ratio, start, window, stab, norm, quad,
        m, pair, point_tuple, through_start, lowest, model_stab, ls_tuple,
    )  # fmt: skip
