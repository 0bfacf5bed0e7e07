"""The loss over (w, b) around the least-squares optimum, for the landscape plot.

Everything here is in model units: the (w, b) that training updates, on the normalized training inputs
x = Normalization.apply(t_u) (float32 as in training, then float64 for the maths).  The loss is an exact quadratic in
(w, b), so the grid, the optimum and the valley's shape (the Hessian's eigenvectors) are all exact.

No torch at import (the window can start before torch is loaded); `landscape()` loads it through `prepare`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.analysis import LeastSquares, Stability, hessian, least_squares, loss_grid, stability
from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.numbers import fmt_lr

Window = tuple[float, float, float, float]  # (w_min, w_max, b_min, b_max), model units
MARGIN = 0.12  # share of the window's extent left around the points it must show
MAX_PATH_POINTS = 2000


@dataclass(frozen=True, eq=False)
class Landscape:
    w_values: np.ndarray  # (n_w,) model units, increasing
    b_values: np.ndarray  # (n_b,)
    loss: np.ndarray  # (n_b, n_w): loss[i, j] is the MSE at (w_values[j], b_values[i])
    optimum: LeastSquares  # (w, b, loss) in model units
    levels: np.ndarray  # contour levels, increasing: levels[k] = base * level_ratio ** (k + 1)
    level_ratio: float  # each contour has this many times the loss of the one inside it
    start: tuple[float, float]  # (init_w, init_b)
    window: Window
    stability: Stability  # of the model-unit inputs (the bound applies to plain gradient descent)
    normalization: Normalization
    moments: tuple[float, float, float, float, float]  # <x^2>, <x>, <xy>, <y>, <y^2> of the training data

    def loss_at(self, w, b):
        """The exact loss at (w, b) (numbers or arrays), from the data's moments: no grid interpolation."""
        sxx, sx, sxy, sy, syy = self.moments
        w = np.asarray(w, float)
        b = np.asarray(b, float)
        with np.errstate(all="ignore"):
            value = np.maximum(w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy, 0.0)
        return float(value) if value.ndim == 0 else value

    def contains(self, w: float, b: float) -> bool:
        w0, w1, b0, b1 = self.window
        return w0 <= w <= w1 and b0 <= b <= b1

    def to_raw(self, w: float, b: float) -> tuple[float, float]:
        """(w, b) in model units as the line t_c = w_raw * t_u + b_raw."""
        return self.normalization.to_raw(w, b)


def model_xy(config: TrainConfig, data: Dataset) -> tuple[np.ndarray, np.ndarray, Normalization]:
    """The training inputs in model units and the targets, exactly as a run sees them (as float64)."""
    from thermogui.core.training import prepare  # loads torch

    prep = prepare(config, data)
    return prep.x.double().numpy(), prep.y.double().numpy(), prep.norm


def auto_window(x, y, start: tuple[float, float], margin: float = MARGIN) -> Window:
    """A (w, b) box that shows what gradient descent does from `start`.

    Gradient descent first falls across the valley (along the steep eigenvector of the Hessian) to the point
    "entry" on the valley floor, then creeps along the floor to the optimum.  The box holds the start, the optimum,
    the entry point and the start mirrored across the floor (where a rate near the stable bound zigzags to), with a
    margin.  For raw t_u the valley is long and narrow (condition number ~34,000) and the box follows it; scaled
    inputs give a rounder valley and a box around it.  Floors on each half-extent keep the box sensible when the
    start is at the optimum.
    """
    ls = least_squares(x, y)
    opt = np.array([ls.w, ls.b])
    s = np.array([float(start[0]), float(start[1])])
    h = hessian(x)
    vals, vecs = np.linalg.eigh(h)  # ascending: vecs[:, 0] is the valley's direction (smallest curvature)
    floor_dir = vecs[:, 0]
    entry = opt + float((s - opt) @ floor_dir) * floor_dir
    mirror = 2 * entry - s
    pts = np.stack([s, opt, entry, mirror])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    # half-extents of the contour through the start (and of the one at twice the optimum loss) bound the box below
    h_inv = np.linalg.inv(h) if vals[0] > 0 else np.diag(1.0 / np.maximum(np.diag(h), 1e-300))
    rise = max(_quad_loss(x, y, *s) - ls.loss, 0.0)
    near = max(ls.loss, 1e-6 * float(np.mean(np.asarray(y, float) ** 2)), 1e-12)
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


def _quad_loss(x, y, w: float, b: float) -> float:
    r = w * np.asarray(x, float) + b - np.asarray(y, float)
    return float(r @ r) / len(r)


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
    config: TrainConfig, data: Dataset, n: int | tuple[int, int] = 200, span: Window | None = None
) -> Landscape:
    """The loss over an n x n grid of (w, b) in model units (n may be (n_w, n_b)).

    `span` is the window (w_min, w_max, b_min, b_max); None chooses one that holds the start
    (config.init_w, init_b), the optimum and the valley between them (see `auto_window`).
    Raises ConfigError / DataError (ValueErrors) when the data cannot be trained on.
    """
    n_w, n_b = (int(n), int(n)) if np.isscalar(n) else (int(n[0]), int(n[1]))
    if n_w < 2 or n_b < 2:
        raise ValueError(f"the grid needs at least 2 x 2 points (got {n_w} x {n_b})")
    x, y, norm = model_xy(config, data)
    start = (float(config.init_w), float(config.init_b))
    window = auto_window(x, y, start) if span is None else tuple(float(v) for v in span)
    w0, w1, b0, b1 = window
    if not (all(math.isfinite(v) for v in window) and w0 < w1 and b0 < b1):
        raise ValueError(f"the window {window} is not a box of finite, increasing bounds")
    w_values = np.linspace(w0, w1, n_w)
    b_values = np.linspace(b0, b1, n_b)
    grid = loss_grid(x, y, w_values, b_values)
    ls = least_squares(x, y)
    levels, ratio = contour_levels(ls.loss, float(grid.max()))
    moments = tuple(float(np.mean(v)) for v in (x * x, x, x * y, y, y * y))
    return Landscape(w_values, b_values, grid, ls, levels, ratio, start, window, stability(x), norm, moments)


# --- paths ------------------------------------------------------------------------------------------------------------
def path_bounds(w, b) -> Window | None:
    """(w_min, w_max, b_min, b_max) of the finite points of a path, or None if it has none."""
    w = np.asarray(w, float)
    b = np.asarray(b, float)
    ok = np.isfinite(w) & np.isfinite(b)
    if not ok.any():
        return None
    return float(w[ok].min()), float(w[ok].max()), float(b[ok].min()), float(b[ok].max())


def fit_window(window: Window, bounds: Window | None, max_factor: float = 10.0) -> Window:
    """`window` grown to hold `bounds` (a path's), but never more than `max_factor` times its size in each
    direction: a run that overshoots is shown whole, one that explodes to 1e30 is not."""
    if bounds is None:
        return window
    w0, w1, b0, b1 = window
    dw, db = (w1 - w0) * max_factor, (b1 - b0) * max_factor
    p0, p1, q0, q1 = bounds
    nw0, nw1 = max(min(w0, p0), w0 - dw), min(max(w1, p1), w1 + dw)
    nb0, nb1 = max(min(b0, q0), b0 - db), min(max(b1, q1), b1 + db)
    pad_w = (nw1 - nw0 - (w1 - w0)) * MARGIN
    pad_b = (nb1 - nb0 - (b1 - b0)) * MARGIN
    return (nw0 - pad_w * (nw0 < w0), nw1 + pad_w * (nw1 > w1), nb0 - pad_b * (nb0 < b0), nb1 + pad_b * (nb1 > b1))


def decimate_index(n: int, max_points: int = MAX_PATH_POINTS, head: int = 400) -> np.ndarray:
    """Indices of at most `max_points` of n path points: every one of the first `head` (where gradient descent
    takes its big, visible steps), then evenly spread, always including the last."""
    if n <= max_points:
        return np.arange(n)
    head = min(head, max_points // 4)
    tail = np.linspace(head, n - 1, max_points - head).round().astype(np.intp)
    return np.unique(np.concatenate([np.arange(head), tail]))


def clip_path(w, b, window: Window) -> tuple[np.ndarray, np.ndarray]:
    """The path with non-finite points dropped and every segment cut to `window` (Liang-Barsky), so a diverging
    run is drawn up to the window's edge with coordinates Qt can paint.  Breaks are NaN (draw with
    connect="finite")."""
    w = np.asarray(w, float)
    b = np.asarray(b, float)
    ok = np.isfinite(w) & np.isfinite(b)
    w, b = w[ok], b[ok]
    w0, w1, b0, b1 = window
    inside = (w >= w0) & (w <= w1) & (b >= b0) & (b <= b1)
    if inside.all() or len(w) == 0:
        return w, b
    if len(w) == 1:
        return w[:0], b[:0]
    # each segment p -> q as p + t (q - p), t in [t_in, t_out]; u = 1 - t is computed from q's side as well, so a
    # point near q is exact even when p is at 1e17 (p + t (q - p) would cancel to nothing)
    pw, pb, qw, qb = w[:-1], b[:-1], w[1:], b[1:]
    dw, db = qw - pw, qb - pb
    t_in, u_in = np.zeros(len(pw)), np.ones(len(pw))
    t_out, u_out = np.ones(len(pw)), np.zeros(len(pw))
    with np.errstate(all="ignore"):
        for cp, cq, d, lo, hi in ((pw, qw, dw, w0, w1), (pb, qb, db, b0, b1)):
            moving = d != 0
            enter, leave = np.where(d > 0, lo, hi), np.where(d > 0, hi, lo)
            te, ue = (enter - cp) / d, (cq - enter) / d
            tl, ul = (leave - cp) / d, (cq - leave) / d
            later = moving & ((te > t_in) | ((te == t_in) & (ue < u_in)))  # ties in t (near 1) are told apart by u
            t_in, u_in = np.where(later, te, t_in), np.where(later, ue, u_in)
            sooner = moving & ((tl < t_out) | ((tl == t_out) & (ul > u_out)))
            t_out, u_out = np.where(sooner, tl, t_out), np.where(sooner, ul, u_out)
            t_out = np.where(~moving & ((cp < lo) | (cp > hi)), -1.0, t_out)  # parallel to an edge, outside it
    keep = t_in <= t_out
    cont = np.zeros(len(pw), bool)  # continues the previous segment inside the window: no break, no repeat
    cont[1:] = keep[1:] & keep[:-1] & (t_in[1:] == 0) & (t_out[:-1] == 1)

    def at(t, u, cp, cq, d, lo, hi):
        return np.clip(np.where(t <= 0.5, cp + t * d, cq - u * d), lo, hi)

    nan = np.full(len(pw), np.nan)
    out_w = np.stack([nan, at(t_in, u_in, pw, qw, dw, w0, w1), at(t_out, u_out, pw, qw, dw, w0, w1)], axis=1)
    out_b = np.stack([nan, at(t_in, u_in, pb, qb, db, b0, b1), at(t_out, u_out, pb, qb, db, b0, b1)], axis=1)
    mask = np.repeat(keep[:, None], 3, axis=1)
    mask[cont, :2] = False
    mask = mask.ravel()
    out_w, out_b = out_w.ravel()[mask], out_b.ravel()[mask]
    return out_w[1:], out_b[1:]  # drop the leading break (the first kept segment always starts with one)


# --- words ------------------------------------------------------------------------------------------------------------
def raw_start(config: TrainConfig, data: Dataset) -> tuple[float, float]:
    """The run's start (config.init_w, init_b) as a line in raw units (nan, nan if the data cannot be fitted)."""
    from thermogui.core.problem import start_line

    return start_line(config, data)


def run_label(config: TrainConfig) -> str:
    """A short legend entry for a run's settings: "lr 1e-4, raw t_u, GD"."""
    norm = {"none": "raw t_u", "scale": f"t_u × {config.scale:g}", "zscore": "z-scored t_u"}.get(
        config.normalize, config.normalize
    )
    if config.optimizer == "adam":
        opt = "Adam"
    elif config.momentum > 0:
        opt = f"momentum {config.momentum:g}"
    else:
        opt = "GD"
    return f"lr {fmt_lr(config.lr)}, {norm}, {opt}"


def describe(land: Landscape) -> str:
    """The caption under the landscape: how to read the contours and what the valley's shape means."""
    if abs(land.level_ratio - 10.0) < 1e-9:
        contours = "Each contour line has 10× the loss of the one inside it"
    else:
        per = round(1 / math.log10(land.level_ratio))
        contours = (
            f"Each contour line has {land.level_ratio:.2g}× the loss of the one inside it "
            f"({per} lines per tenfold rise)"
        )
    kappa = land.stability.condition
    shape = f"condition number {kappa:,.0f}" if kappa >= 10 else f"condition number {kappa:.2g}"
    kind = land.normalization.kind
    if kappa > 1000:
        how = (
            "the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent "
            "crawls along the valley floor. "
            + (
                "Scale the input to make it round."
                if kind == "none"
                else "Normalize the input (z-score) to make it round."
            )
        )
    elif kappa > 10:
        how = "the valley is stretched: gradient descent first drops to the floor, then follows it to the minimum" + (
            " — z-score the input to make it round." if kind != "zscore" else "."
        )
    else:
        how = "the valley is round: every direction is about equally steep, so the steps point at the minimum."
    what = {
        "none": "With raw t_u",
        "scale": f"With t_u × {land.normalization.factor:g}",
        "zscore": "With z-scored t_u",
    }.get(kind, "Here")
    return f"{contours}. {what} ({shape}) {how} Click to choose where training starts."
