"""The training loop as a generator: one frozen `EpochResult` per epoch, then a `TrainOutcome`.

Epoch k, as in the book: the loss and gradient at the current (w, b), then the update
(w, b) -= lr * grad.  An EpochResult reports the loss and gradient *before* update k and the parameters *after*
it (the book prints the same pair).  On a non-finite loss the run stops at that epoch without applying its update.

Parameters are trained in normalized ("model") units, x = (t_u - offset) * factor, and are always also given in raw
units: t_c = w_raw * t_u + b_raw (for the quadratic, its three coefficients in raw t_u).

Three loops: the book's (the line, float32, bit for bit), torch's (autograd and torch.optim, any model) and the fast
exact path (arith "fast": float64 from the sums XᵀX, Xᵀy, yᵀy).  Plain gradient descent on the fast path yields whole
chunks of epochs as a numpy array of History rows (see core.fast.gd_chunks); every other loop yields one EpochResult
per epoch.
"""

from __future__ import annotations

import math
import time
from array import array
from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np
import torch

from thermogui.core.config import (  # noqa: F401  (re-exported: the training API in one place)
    GRADIENTS,
    MAX_EPOCHS,
    NORMALIZATIONS,
    OPTIMIZERS,
    ConfigError,
    EpochResult,
    Normalization,
    StopReason,
    TrainConfig,
    TrainOutcome,
)
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.model import grad_fn, loss_fn, model
from thermogui.core.models import MODELS, NETWORKS, get_model, model_of
from thermogui.core.problem import (
    model_inputs,
    readings_equal,
    split,
    split_indices,  # noqa: F401  (re-exported)
)


@dataclass(frozen=True)
class Prepared:
    """Tensors for a run: training/validation inputs in model units and targets, float32."""

    x: torch.Tensor
    y: torch.Tensor
    x_val: torch.Tensor | None
    y_val: torch.Tensor | None
    norm: Normalization
    train_index: np.ndarray
    val_index: np.ndarray
    t_u: np.ndarray  # raw training readings, float64
    t_c: np.ndarray
    t_u_val: np.ndarray
    t_c_val: np.ndarray


def prepare(config: TrainConfig, data: Dataset) -> Prepared:
    config.validated()
    t_u, t_c = data.validate().active()
    tr, va = split(config, data)
    if np.ptp(t_u[tr]) == 0:
        raise DataError(readings_equal())
    norm = Normalization.fit(config, t_u[tr])

    def tensors(idx):
        return norm.apply(torch.tensor(t_u[idx], dtype=torch.float32)), torch.tensor(t_c[idx], dtype=torch.float32)

    x, y = tensors(tr)
    if not bool(torch.isfinite(x).all()) or not float(x.max() - x.min()) > 0:
        raise DataError(readings_equal())  # (different in float64, one value in the run's float32: 1e-111 and 0)
    x_val, y_val = tensors(va) if len(va) else (None, None)
    return Prepared(x, y, x_val, y_val, norm, tr, va, t_u[tr], t_c[tr], t_u[va], t_c[va])


TrainGenerator = Generator[EpochResult | np.ndarray, None, TrainOutcome]


def train(
    config: TrainConfig,
    data: Dataset,
    should_stop: Callable[[], bool] | None = None,
    chunk: int | Callable[[], int] | None = None,
) -> TrainGenerator:
    """Yield one EpochResult per epoch (or, on the fast path, chunks of epochs as arrays of History rows); return a
    TrainOutcome (the generator's return value).

    `should_stop` is polled before every epoch (or chunk); when it answers True the run ends as cancelled.
    `chunk`: epochs per chunk on the fast path's plain gradient descent (a callable is asked before each chunk;
    None: one EpochResult per epoch there too).
    Raises ConfigError / DataError before the first epoch if the run cannot start.
    """
    prep = prepare(config, data)
    if config.model in NETWORKS:
        return _train_module(config, prep, should_stop, chunk)
    if config.arith == "fast" and config.model in MODELS:
        return _train_fast(config, prep, should_stop, chunk)
    if config.model == "line":
        plain = config.gradient == "manual" and config.optimizer == "sgd" and config.momentum == 0
        return (_train_plain if plain else _train_torch)(config, prep, should_stop)
    return _train_model(config, prep, should_stop)


def rows_of(item) -> list[EpochResult]:
    """The epochs in one yielded item (an EpochResult, or a chunk of History rows)."""
    if isinstance(item, EpochResult):
        return [item]
    return [EpochResult(int(r[0]), *(float(v) for v in r[1:])) for r in item]


def run(config: TrainConfig, data: Dataset, should_stop=None) -> tuple[list[EpochResult], TrainOutcome]:
    """Run to the end and return (history, outcome)."""
    gen = train(config, data, should_stop)
    history: list[EpochResult] = []
    while True:
        try:
            history.append(next(gen))
        except StopIteration as stop:
            return history, stop.value


def _val_loss(prep: Prepared, w: float, b: float) -> float:
    if prep.x_val is None:
        return math.nan
    with torch.no_grad():
        return float(loss_fn(model(prep.x_val, w, b), prep.y_val))


def _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b) -> TrainOutcome:
    wr, br = prep.norm.to_raw(w, b)
    with torch.no_grad():
        final = float(loss_fn(model(prep.x, w, b), prep.y))
    return TrainOutcome(
        StopReason(reason),
        epoch,
        epoch,
        last_finite,
        last_finite_loss,
        loss,
        _val_loss(prep, w, b),
        (w, b),
        (wr, br),
        final,
        "line",
    )


def _model_outcome(
    m, reason, prep, epoch, last_finite, last_finite_loss, loss, p, vloss_at, final, raw=None
) -> TrainOutcome:
    """`raw`: the raw parameters as the last History row has them (else converted here, in float64)."""
    if raw is None:
        raw = m.to_raw(p, prep.norm.offset, prep.norm.factor)
    raw = tuple(float(v) for v in raw)
    return TrainOutcome(
        StopReason(reason), epoch, epoch, last_finite, last_finite_loss, loss, vloss_at, tuple(p), raw, final, m.name
    )


def _optimizer(config: TrainConfig, params):
    if config.optimizer == "adam":
        return torch.optim.Adam([params], lr=config.lr)
    if config.momentum > 0:
        return torch.optim.SGD([params], lr=config.lr, momentum=config.momentum)
    return None


def _train_model(config: TrainConfig, prep: Prepared, should_stop) -> TrainGenerator:
    """Any model linear in its parameters, in float32 torch: the hand-derived gradient or autograd, plain gradient
    descent or a torch.optim optimizer — the book's loop with a parameter vector."""
    m = get_model(config.model)
    autograd = config.gradient == "autograd"
    params = torch.tensor(config.start_params(), dtype=torch.float32, requires_grad=autograd)
    opt = _optimizer(config, params)
    x, y, xv, yv = prep.x, prep.y, prep.x_val, prep.y_val
    to_raw = m.raw_matrix(prep.norm.offset, prep.norm.factor)
    p = params.tolist()
    epoch = last_finite = 0
    loss = last_finite_loss = math.nan
    reason = StopReason.COMPLETED
    nan_t = torch.tensor([math.nan])
    tol = config.tol
    for epoch in range(1, config.epochs + 1):
        if should_stop is not None and should_stop():
            epoch -= 1
            reason = StopReason.CANCELLED
            break
        if autograd:
            if params.grad is not None:
                params.grad.zero_()
            loss_t = loss_fn(m.forward(x, params), y)
            loss_t.backward()
            grad = params.grad
        else:
            loss_t, grad = m.hand_gradient(x, y, params)
        with torch.no_grad():
            vloss_t = nan_t if xv is None else loss_fn(m.forward(xv, params), yv).reshape(1)
            vals = torch.cat((loss_t.detach().reshape(1), vloss_t, grad)).tolist()
            loss, vloss, g = vals[0], vals[1], vals[2:]
            if isfinite := math.isfinite(loss):
                last_finite, last_finite_loss = epoch, loss
            if not isfinite and config.stop_on_non_finite:
                yield EpochResult.of(epoch, loss, vloss, p, (to_raw @ p).tolist(), g)
                reason = StopReason.NON_FINITE
                break
            if opt is not None:
                if not autograd:
                    params.grad = grad
                opt.step()
            else:
                params -= config.lr * grad
        p = params.tolist()
        yield EpochResult.of(epoch, loss, vloss, p, (to_raw @ p).tolist(), g)
        if tol is not None and all(abs(v) <= tol for v in g):
            reason = StopReason.CONVERGED
            break
    with torch.no_grad():
        pt = torch.tensor(p, dtype=torch.float32)
        final = float(loss_fn(m.forward(x, pt), y))
        vfinal = math.nan if xv is None else float(loss_fn(m.forward(xv, pt), yv))
    return _model_outcome(m, reason, prep, epoch, last_finite, last_finite_loss, loss, p, vfinal, final)


def _train_fast(config: TrainConfig, prep: Prepared, should_stop, chunk) -> TrainGenerator:
    """The fast exact path (float64 from the sums; see core.fast): closed-form chunks for plain gradient descent,
    else one epoch at a time with the same optimizers as torch.optim."""
    from thermogui.core.fast import gd_chunks, train_fast

    m = get_model(config.model)
    x, xv = model_inputs(prep.norm, prep.t_u), model_inputs(prep.norm, prep.t_u_val)
    y, yv = prep.t_c, prep.t_c_val
    xv, yv = (xv, yv) if len(xv) else (None, None)
    M = m.raw_matrix(prep.norm.offset, prep.norm.factor)
    P = m.size
    p0 = config.start_params()
    last_finite, last_finite_loss, loss = 0, math.nan, math.nan
    plain = config.optimizer == "sgd" and config.momentum == 0 and config.tol is None
    unique = plain and np.linalg.matrix_rank(m.features(x)) == P
    if unique and chunk is not None:
        gen = gd_chunks(m, x, y, p0, config.lr, config.epochs, xv, yv, config.stop_on_non_finite, should_stop, chunk)
        while True:
            try:
                c = next(gen)
            except StopIteration as done:
                out = done.value
                break
            rows = np.empty((len(c.epoch), 3 + 3 * P))
            rows[:, 0] = c.epoch
            rows[:, 1] = c.loss
            rows[:, 2] = c.val_loss
            rows[:, 3 : 3 + P] = c.params
            rows[:, 3 + P : 3 + 2 * P] = c.params @ M.T
            rows[:, 3 + 2 * P :] = c.grad
            finite = np.flatnonzero(np.isfinite(c.loss))
            if len(finite):
                last_finite, last_finite_loss = int(c.epoch[finite[-1]]), float(c.loss[finite[-1]])
            loss = float(c.loss[-1])
            yield rows
    else:
        gen = train_fast(
            m, x, y, p0, config.lr, config.epochs, config.optimizer, config.momentum, xv, yv,
            config.tol, config.stop_on_non_finite, should_stop,
        )  # fmt: skip
        isfinite = math.isfinite
        while True:
            try:
                e = next(gen)
            except StopIteration as done:
                out = done.value
                break
            if isfinite(e.loss):
                last_finite, last_finite_loss = e.epoch, e.loss
            loss = e.loss
            yield EpochResult.of(e.epoch, e.loss, e.val_loss, e.params, (M @ e.params).tolist(), e.grad)
    p = out.params
    vfinal = m.loss(xv, yv, p) if xv is not None else math.nan
    final = out.final_loss if out.reason != "non_finite" else m.loss(x, y, p)
    return _model_outcome(m, out.reason, prep, out.epochs_run, last_finite, last_finite_loss, loss, p, vfinal, final)


def _train_plain(config: TrainConfig, prep: Prepared, should_stop) -> TrainGenerator:
    """Plain gradient descent with the hand-derived gradient: the book's loop, with its float32 arithmetic.

    The forward pass and gradient are torch ops on the data; the two-number update is done on Python floats
    rounded to float32 after every operation (double rounding is exact for float32 via float64), which gives the
    book's digits bit for bit while saving the torch dispatch of tiny tensors.
    """
    f32 = array("f", [config.lr])
    lr = f32[0]
    f32[0] = config.init_w
    w = f32[0]
    f32[0] = config.init_b
    b = f32[0]
    x, y, xv, yv = prep.x, prep.y, prep.x_val, prep.y_val
    n = x.size(0)
    factor, offset = prep.norm.factor, prep.norm.offset
    tol, stop_nonfinite = config.tol, config.stop_on_non_finite
    stack, isfinite = torch.stack, math.isfinite
    epoch = last_finite = 0
    loss = last_finite_loss = math.nan
    reason = StopReason.COMPLETED
    with torch.no_grad():
        for epoch in range(1, config.epochs + 1):
            if should_stop is not None and should_stop():
                epoch -= 1
                reason = StopReason.CANCELLED
                break
            diff = x * w + b - y  # t_p - t_c with t_p = w * t_u + b
            dloss_dtp = 2 * diff / n
            if xv is None:
                loss, gw, gb = stack(((diff**2).mean(), (dloss_dtp * x).sum(), dloss_dtp.sum())).tolist()
                vloss = math.nan
            else:
                vloss_t = ((xv * w + b - yv) ** 2).mean()
                loss, gw, gb, vloss = stack(
                    ((diff**2).mean(), (dloss_dtp * x).sum(), dloss_dtp.sum(), vloss_t)
                ).tolist()
            if isfinite(loss):
                last_finite, last_finite_loss = epoch, loss
            elif stop_nonfinite:
                wr = w * factor
                yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
                reason = StopReason.NON_FINITE
                break
            f32[0] = lr * gw
            f32[0] = w - f32[0]
            w = f32[0]
            f32[0] = lr * gb
            f32[0] = b - f32[0]
            b = f32[0]
            wr = w * factor
            yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
            if tol is not None and abs(gw) <= tol and abs(gb) <= tol:
                reason = StopReason.CONVERGED
                break
    return _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b)


def _train_torch(config: TrainConfig, prep: Prepared, should_stop) -> TrainGenerator:
    """Autograd and/or a torch.optim optimizer (SGD with momentum, Adam)."""
    autograd = config.gradient == "autograd"
    params = torch.tensor([config.init_w, config.init_b], dtype=torch.float32, requires_grad=autograd)
    if config.optimizer == "adam":
        opt = torch.optim.Adam([params], lr=config.lr)
    elif config.momentum > 0:
        opt = torch.optim.SGD([params], lr=config.lr, momentum=config.momentum)
    else:
        opt = None
    x, y, xv, yv = prep.x, prep.y, prep.x_val, prep.y_val
    factor, offset = prep.norm.factor, prep.norm.offset
    w, b = params.tolist()
    epoch = last_finite = 0
    loss = last_finite_loss = math.nan
    reason = StopReason.COMPLETED
    nan_t = torch.tensor(math.nan)
    for epoch in range(1, config.epochs + 1):
        if should_stop is not None and should_stop():
            epoch -= 1
            reason = StopReason.CANCELLED
            break
        if autograd:
            if params.grad is not None:
                params.grad.zero_()
            loss_t = loss_fn(model(x, *params), y)
            loss_t.backward()
            grad = params.grad
        else:
            pw, pb = params
            t_p = model(x, pw, pb)
            loss_t = loss_fn(t_p, y)
            grad = grad_fn(x, y, t_p, pw, pb)
        with torch.no_grad():
            vloss_t = nan_t if xv is None else loss_fn(model(xv, w, b), yv)
            loss, gw, gb, vloss = torch.stack((loss_t.detach(), grad[0], grad[1], vloss_t)).tolist()
            if isfinite := math.isfinite(loss):
                last_finite, last_finite_loss = epoch, loss
            if not isfinite and config.stop_on_non_finite:
                wr = w * factor
                yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
                reason = StopReason.NON_FINITE
                break
            if opt is not None:
                if not autograd:
                    params.grad = grad
                opt.step()
            else:
                params -= config.lr * grad
        w, b = params.tolist()
        wr = w * factor
        yield EpochResult(epoch, loss, vloss, w, b, wr, b - wr * offset if offset else b, gw, gb)
        if config.tol is not None and abs(gw) <= config.tol and abs(gb) <= config.tol:
            reason = StopReason.CONVERGED
            break
    return _outcome(reason, prep, epoch, last_finite, last_finite_loss, loss, w, b)


MODULE_CHUNK = 512  # a network's epochs per chunk at most (one flush every ~10 ms anyway)
MODULE_FLUSH = 0.010  # seconds: a chunk is handed on at least this often, so the window sees the run move


def _train_module(config: TrainConfig, prep: Prepared, should_stop, chunk=None) -> TrainGenerator:
    """A torch.nn module (nn.Linear(1, 1) or the tanh network) on inputs of shape [N, 1], as chapter 6 trains it:
    loss, zero_grad, backward, optimizer step — the gradient always by autograd, plain gradient descent as
    torch.optim.SGD.

    Each epoch's validation loss, gradient and new parameters go with one `torch.cat(out=…)` into a row of a
    preallocated float32 block; the Python side keeps only the loss (for the non-finite check).  A chunk of rows is
    turned into History rows at once in numpy: the first layer (the only one the normalization changes) converted
    to raw units in float64, exactly as NetworkModel.to_raw does.  `chunk` (epochs per chunk, or a callable asked
    before each chunk) as for the fast path; None yields one EpochResult per epoch."""
    m = model_of(config)
    module = m.start_module(config)
    params = list(module.parameters())
    if config.optimizer == "adam":
        opt = torch.optim.Adam(params, lr=config.lr)
    else:
        opt = torch.optim.SGD(params, lr=config.lr, momentum=config.momentum)
    x, y = prep.x.unsqueeze(1), prep.y.unsqueeze(1)
    xv = yv = None
    if prep.x_val is not None:
        xv, yv = prep.x_val.unsqueeze(1), prep.y_val.unsqueeze(1)
    factor, offset = prep.norm.factor, prep.norm.offset
    P = m.size
    h = params[0].numel()  # the first layer's units: its weights and biases change with the normalization
    flat_params = [q.detach().reshape(-1) for q in params]  # views: they follow the optimizer's updates
    for q in params:  # gradients kept in place (zeroed, then accumulated into: 0 + g is g), so views follow them too
        q.grad = torch.zeros_like(q)
    record = (*[q.grad.reshape(-1) for q in params], *flat_params)  # gradient and parameters, in a row's order
    cat, isfinite, no_grad, clock = torch.cat, math.isfinite, torch.no_grad, time.perf_counter
    mse = torch.nn.functional.mse_loss  # chapter 6's nn.MSELoss
    epoch = last_finite = 0
    loss = last_finite_loss = math.nan
    reason = StopReason.COMPLETED
    nan_t = torch.tensor([math.nan])
    tol, stop_nonfinite = config.tol, config.stop_on_non_finite
    p = cat(flat_params).tolist()
    block = torch.empty((MODULE_CHUNK, 1 + 2 * P))  # per epoch: val loss, gradient, parameters (float32)
    block_rows = block.unbind(0)
    losses: list[float] = []

    def rows(n: int, last_epoch: int) -> np.ndarray:
        """The block's first n rows as History rows (epoch, loss, val, params, raw params, gradient), float64."""
        a = block[:n].numpy()
        out = np.empty((n, 3 + 3 * P))
        out[:, 0] = np.arange(last_epoch - n + 1, last_epoch + 1)
        out[:, 1] = losses
        out[:, 2] = a[:, 0]
        out[:, 3 : 3 + P] = a[:, 1 + P :]
        raw = out[:, 3 + P : 3 + 2 * P]
        raw[:] = a[:, 1 + P :]
        raw[:, :h] *= factor
        if offset:
            raw[:, h : 2 * h] -= raw[:, :h] * offset
        out[:, 3 + 2 * P :] = a[:, 1 : 1 + P]
        losses.clear()
        return out

    def emit(n: int, last_epoch: int):
        out = rows(n, last_epoch)
        if chunk is None:
            return EpochResult(int(out[0, 0]), *out[0, 1:].tolist())
        return out

    size = 1
    n = 0
    flushed = clock()
    for epoch in range(1, config.epochs + 1):
        if should_stop is not None and should_stop():
            epoch -= 1
            reason = StopReason.CANCELLED
            break
        if n == 0:
            size = 1 if chunk is None else max(1, min(MODULE_CHUNK, int(chunk() if callable(chunk) else chunk)))
        loss_t = mse(module(x), y)
        opt.zero_grad(set_to_none=False)
        loss_t.backward()
        with no_grad():
            vloss_t = nan_t if xv is None else mse(module(xv), yv).reshape(1)  # at the same parameters
            loss = loss_t.item()
            losses.append(loss)
            if stop_nonfinite and not isfinite(loss):  # this epoch's row, without its update; then stop
                cat((vloss_t, *record), out=block_rows[n])
                p = block[n, 1 + P :].tolist()  # the parameters before this epoch, as its row shows
                yield emit(n + 1, epoch)
                reason = StopReason.NON_FINITE
                n = 0
                break
            opt.step()
            cat((vloss_t, *record), out=block_rows[n])
        n += 1
        if isfinite(loss):
            last_finite, last_finite_loss = epoch, loss
        if tol is not None and bool((block[n - 1, 1 : 1 + P].abs() <= tol).all()):
            reason = StopReason.CONVERGED
        if n == size or reason == StopReason.CONVERGED or clock() - flushed >= MODULE_FLUSH:
            p = block[n - 1, 1 + P :].tolist()
            yield emit(n, epoch)
            n, flushed = 0, clock()
        if reason == StopReason.CONVERGED:
            break
    if n:  # the last, partial chunk (the run ended or was cancelled in it)
        p = block[n - 1, 1 + P :].tolist()
        yield emit(n, epoch)
    with torch.no_grad():
        final = float(mse(module(x), y))
        vfinal = math.nan if xv is None else float(mse(module(xv), yv))
    return _model_outcome(m, reason, prep, epoch, last_finite, last_finite_loss, loss, p, vfinal, final)
