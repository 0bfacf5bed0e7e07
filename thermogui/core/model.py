"""The book's linear model, its loss, and three ways to get the gradient.

All functions work on float32 torch tensors, exactly as the book writes them, so the numbers match it to the
last digit it prints.
"""

from __future__ import annotations

import torch


def model(t_u: torch.Tensor, w, b) -> torch.Tensor:
    """t_p = w * t_u + b."""
    return w * t_u + b


def loss_fn(t_p: torch.Tensor, t_c: torch.Tensor) -> torch.Tensor:
    """Mean squared error."""
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()


# --- The gradient by hand (chain rule), as the book derives it ------------------------------------
def dloss_fn(t_p: torch.Tensor, t_c: torch.Tensor) -> torch.Tensor:
    """dL/dt_p = 2 (t_p - t_c) / N."""
    return 2 * (t_p - t_c) / t_p.size(0)


def dmodel_dw(t_u, w, b):
    """dt_p/dw = t_u."""
    return t_u


def dmodel_db(t_u, w, b):
    """dt_p/db = 1."""
    return 1.0


def grad_fn(t_u, t_c, t_p, w, b) -> torch.Tensor:
    """[dL/dw, dL/db] by the chain rule: sum over points of dL/dt_p * dt_p/dparam."""
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * dmodel_dw(t_u, w, b)
    dloss_db = dloss_dtp * dmodel_db(t_u, w, b)
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])


def manual_gradient(t_u: torch.Tensor, t_c: torch.Tensor, params: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(loss, grad) at params = [w, b] with the hand-derived gradient."""
    w, b = params
    t_p = model(t_u, w, b)
    return loss_fn(t_p, t_c), grad_fn(t_u, t_c, t_p, w, b)


def autograd_gradient(t_u: torch.Tensor, t_c: torch.Tensor, params: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(loss, grad) at params = [w, b] by autograd (requires_grad + backward)."""
    p = params.detach().clone().requires_grad_(True)
    loss = loss_fn(model(t_u, *p), t_c)
    loss.backward()
    return loss.detach(), p.grad.detach()


def finite_difference_gradient(
    t_u: torch.Tensor, t_c: torch.Tensor, params: torch.Tensor, delta: float | None = None
) -> torch.Tensor:
    """Central difference (L(p + d) - L(p - d)) / 2d for each parameter, in float64.

    The loss is quadratic in (w, b), so the central difference is exact up to rounding for any d; it is a
    check on the other two, not an approximation to be tuned.  Default d: 1e-3 * max(1, |p|).
    """
    x = t_u.double()
    y = t_c.double()
    p = params.detach().double()
    out = torch.empty(2, dtype=torch.float64)
    for i in range(2):
        d = float(delta) if delta is not None else 1e-3 * max(1.0, abs(float(p[i])))
        hi = p.clone()
        lo = p.clone()
        hi[i] += d
        lo[i] -= d
        out[i] = (loss_fn(model(x, *hi), y) - loss_fn(model(x, *lo), y)) / (2.0 * d)
    return out


def book_finite_difference(t_u, t_c, w, b, delta: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    """The book's float32 rates of change for w and b with its delta (the correct central difference for w)."""
    dw = (loss_fn(model(t_u, w + delta, b), t_c) - loss_fn(model(t_u, w - delta, b), t_c)) / (2.0 * delta)
    db = (loss_fn(model(t_u, w, b + delta), t_c) - loss_fn(model(t_u, w, b - delta), t_c)) / (2.0 * delta)
    return dw, db
