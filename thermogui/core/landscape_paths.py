"""A run's path on the loss landscape, in model units: projected onto the pair of parameters a slice shows, its
bounds, the window grown to hold it (but not a run that explodes), thinned to at most MAX_PATH_POINTS points for
drawing, and cut to the window so that a diverging run is drawn up to its edge.

`Window` and `MARGIN` are the box core.landscape draws a slice in and the room it leaves around what it must show.
"""

from __future__ import annotations

import numpy as np

Window = tuple[float, float, float, float]  # (across_min, across_max, up_min, up_max), model units
MARGIN = 0.12  # share of the window's extent left around the points it must show
MAX_PATH_POINTS = 2000


def project(rows: np.ndarray, pair: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """A run's path on a pair of parameters: the History rows' params columns pair[0] and pair[1] (model units)."""
    rows = np.asarray(rows, float)
    return rows[:, 3 + pair[0]], rows[:, 3 + pair[1]]


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
