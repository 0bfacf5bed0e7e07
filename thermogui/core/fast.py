"""The fast exact path: gradient descent on the mean squared error of a model linear in its parameters, where an
epoch costs O(P²) whatever the number of readings.

The insight (worth a sentence in the window): for t_p = X p the loss is L(p) = (pᵀAp − 2pᵀc + yᵀy)/N and its
gradient 2(Ap − c)/N, with A = XᵀX, c = Xᵀy and yᵀy summed once before the first epoch.  The readings are never
touched again.  Arithmetic is float64 (the book's float32 digits come from the default "book" path instead).

The optimizers follow torch.optim exactly (SGD with momentum: the first step's buffer is the gradient; Adam with
bias correction and eps outside the square root), so the fast path and torch agree to rounding.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np

from thermogui.core.models.linear import LinearModel


@dataclass(frozen=True)
class FastEpoch:
    epoch: int
    loss: float  # training loss before this epoch's update
    val_loss: float  # nan without validation readings
    params: tuple[float, ...]  # after the update (model units)
    grad: tuple[float, ...]  # before the update


@dataclass(frozen=True)
class FastOutcome:
    reason: str  # completed | non_finite | converged | cancelled
    epochs_run: int
    params: tuple[float, ...]
    loss: float  # the last loss reported
    final_loss: float  # at the final parameters


class Quadratic:
    """L(p) = (pᵀAp − 2pᵀc + s)/N as plain Python floats (P is small)."""

    def __init__(self, model: LinearModel, x, y):
        A, c, s, n = model.sums(x, y)
        self.P = model.size
        self.A = [[float(v) for v in row] for row in A]
        self.c = [float(v) for v in c]
        self.s, self.n = s, n

    def loss(self, p) -> float:
        A, c, P = self.A, self.c, self.P
        quad = sum(p[i] * sum(A[i][j] * p[j] for j in range(P)) for i in range(P))
        return (quad - 2.0 * sum(c[i] * p[i] for i in range(P)) + self.s) / self.n


def train_fast(
    model: LinearModel,
    x,
    y,
    p0,
    lr: float,
    epochs: int,
    optimizer: str = "sgd",
    momentum: float = 0.0,
    x_val=None,
    y_val=None,
    tol: float | None = None,
    stop_on_non_finite: bool = True,
    should_stop: Callable[[], bool] | None = None,
) -> Generator[FastEpoch, None, FastOutcome]:
    """Yield one FastEpoch per epoch; return a FastOutcome.  Same semantics as core.training.train."""
    q = Quadratic(model, x, y)
    qv = Quadratic(model, x_val, y_val) if x_val is not None and len(x_val) else None
    P, A, c, s, n = q.P, q.A, q.c, q.s, q.n
    scale = 2.0 / n
    p = [float(v) for v in p0]
    rng = range(P)
    adam = optimizer == "adam"
    m = [0.0] * P
    v = [0.0] * P
    buf = None
    b1, b2, eps = 0.9, 0.999, 1e-8
    isfinite = math.isfinite
    reason, epoch, loss = "completed", 0, math.nan
    for epoch in range(1, epochs + 1):
        if should_stop is not None and should_stop():
            epoch -= 1
            reason = "cancelled"
            break
        Ap = [sum(A[i][j] * p[j] for j in rng) for i in rng]
        loss = (sum(p[i] * Ap[i] for i in rng) - 2.0 * sum(c[i] * p[i] for i in rng) + s) / n
        g = [scale * (Ap[i] - c[i]) for i in rng]
        vloss = qv.loss(p) if qv is not None else math.nan
        if not isfinite(loss) and stop_on_non_finite:
            yield FastEpoch(epoch, loss, vloss, tuple(p), tuple(g))
            reason = "non_finite"
            break
        if adam:
            bc1 = 1.0 - b1**epoch
            bc2 = math.sqrt(1.0 - b2**epoch)
            for i in rng:
                m[i] = b1 * m[i] + (1.0 - b1) * g[i]
                v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i]
                p[i] -= (lr / bc1) * m[i] / (math.sqrt(v[i]) / bc2 + eps)
        elif momentum:
            buf = list(g) if buf is None else [momentum * buf[i] + g[i] for i in rng]
            for i in rng:
                p[i] -= lr * buf[i]
        else:
            for i in rng:
                p[i] -= lr * g[i]
        yield FastEpoch(epoch, loss, vloss, tuple(p), tuple(g))
        if tol is not None and all(abs(gi) <= tol for gi in g):
            reason = "converged"
            break
    return FastOutcome(reason, epoch, tuple(p), loss, q.loss(p))


@dataclass(frozen=True)
class FastChunk:
    """Consecutive epochs as arrays: epoch (K,), loss (K,), val_loss (K,), params (K, P) after, grad (K, P) before."""

    epoch: np.ndarray
    loss: np.ndarray
    val_loss: np.ndarray
    params: np.ndarray
    grad: np.ndarray


CHUNK = 16384


def gd_chunks(
    model: LinearModel,
    x,
    y,
    p0,
    lr: float,
    epochs: int,
    x_val=None,
    y_val=None,
    stop_on_non_finite: bool = True,
    should_stop: Callable[[], bool] | None = None,
    chunk: int | Callable[[], int] = CHUNK,
) -> Generator[FastChunk, None, FastOutcome]:
    """Plain gradient descent in closed form, `chunk` epochs per step: in the Hessian's eigenbasis the distance to
    the least-squares answer shrinks by (1 − lr·λ_i) per epoch, so epoch k's parameters are p* + V·r^k·Vᵀ(p₀ − p*)
    and its loss L* + Σ λ_i z_i²/2.  Exact in exact arithmetic; float64 rounding here differs from the epoch-by-epoch
    loop only in the last digits.  Needs a unique least-squares answer (else use train_fast).  `chunk` may be a
    callable asked before every chunk (1 while the window steps or caps the speed)."""
    A, c, s, n = model.sums(x, y)
    H = 2.0 * A / n
    lam, V = np.linalg.eigh(H)
    p_star = np.linalg.solve(A, c)
    l_star = float((p_star @ A @ p_star - 2 * c @ p_star + s) / n)
    z0 = V.T @ (np.asarray(p0, dtype=np.float64) - p_star)
    r = 1.0 - lr * lam
    val = None
    if x_val is not None and len(x_val):
        Av, cv, sv, nv = model.sums(x_val, y_val)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        start = 0
        while start < epochs:
            if should_stop is not None and should_stop():
                return _gd_outcome("cancelled", start, V, z0, r, p_star, l_star, lam, model)
            size = max(1, int(chunk() if callable(chunk) else chunk))
            k = np.arange(start, min(start + size, epochs), dtype=np.float64)  # epochs k+1 start at step k
            zk = z0[None, :] * np.power(r[None, :], k[:, None])  # before the update
            loss = l_star + 0.5 * (zk * zk * lam[None, :]).sum(axis=1)
            grad = (zk * lam[None, :]) @ V.T
            params = (zk * r[None, :]) @ V.T + p_star  # after the update
            if val is None and x_val is not None and len(x_val):
                pk = zk @ V.T + p_star
                vloss = (np.einsum("ki,ij,kj->k", pk, Av, pk) - 2 * pk @ cv + sv) / nv
            else:
                vloss = np.full(len(k), np.nan)
            epoch = k.astype(np.int64) + 1
            bad = ~np.isfinite(loss)
            if stop_on_non_finite and bad.any():
                last = int(np.argmax(bad)) + 1
                yield FastChunk(epoch[:last], loss[:last], vloss[:last], params[:last], grad[:last])
                return FastOutcome(
                    "non_finite",
                    int(epoch[last - 1]),
                    tuple(float(v) for v in params[last - 1]),
                    float(loss[last - 1]),
                    math.nan,
                )
            yield FastChunk(epoch, loss, vloss, params, grad)
            start += len(k)
    return _gd_outcome("completed", epochs, V, z0, r, p_star, l_star, lam, model)


def _gd_outcome(reason, k, V, z0, r, p_star, l_star, lam, model) -> FastOutcome:
    with np.errstate(over="ignore", invalid="ignore"):
        zk = z0 * np.power(r, float(k))
        prev = z0 * np.power(r, float(max(k - 1, 0)))
        final = float(l_star + 0.5 * (zk * zk * lam).sum())
        last = float(l_star + 0.5 * (prev * prev * lam).sum()) if k else math.nan
    return FastOutcome(reason, int(k), tuple(float(v) for v in V @ zk + p_star), last, final)


def run_fast(*args, keep: int = 0, **kwargs) -> tuple[list[FastEpoch], FastOutcome]:
    """Run to the end; keep the last `keep` epochs (0: none) — memory stays bounded for 10⁷ epochs."""
    gen = train_fast(*args, **kwargs)
    kept: list[FastEpoch] = []
    while True:
        try:
            r = next(gen)
        except StopIteration as done:
            return kept, done.value
        if keep:
            kept.append(r)
            if len(kept) > 2 * keep:
                del kept[:-keep]


def epochs_to_converge(model: LinearModel, x, lr: float, within: float = 1e-3, start_excess: float = 1.0) -> dict:
    """What the Hessian's eigenvalues say about plain gradient descent at rate `lr`: the condition number, whether
    it is stable, and the epochs until the loss is within `within` (relative) of the least-squares loss.

    The excess loss along eigen-direction i shrinks by (1 − lr·λ_i)² per epoch; the slowest direction decides:
    k = log(within / start_excess) / (2·log|1 − lr·λ_min|), with start_excess the initial excess relative to the
    least-squares loss (an upper bound when unknown: pass the actual ratio for a sharper prediction)."""
    lam = np.linalg.eigvalsh(model.hessian(x))
    lam_min, lam_max = float(lam.min()), float(lam.max())
    cond = lam_max / lam_min if lam_min > 0 else math.inf
    rate = max(abs(1.0 - lr * lam_min), abs(1.0 - lr * lam_max))
    stable = rate < 1.0
    if not stable:
        epochs = math.inf
    elif start_excess <= within:
        epochs = 0
    else:
        epochs = math.ceil(math.log(within / start_excess) / (2.0 * math.log(rate)))
    return {
        "condition_number": cond,
        "lr_max": 2.0 / lam_max,
        "stable": stable,
        "epochs": epochs,
        "eigenvalues": lam.tolist(),
    }
