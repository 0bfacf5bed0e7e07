"""What a person takes out of the app besides pictures: the training history as CSV, the result as JSON, and a
standalone PyTorch script that reproduces the run.

Everything here returns text; the `write_*` functions write it atomically (a failed write leaves any previous file
intact).  Only `pytorch_script` needs torch (to reproduce the app's validation split), and imports it when called.
"""

from __future__ import annotations

import json
import math
import os
from datetime import datetime, timezone

import numpy as np

from thermogui.core.atomic import atomic_write_text
from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.history import B_RAW, EPOCH, GRAD_B, GRAD_W, LOSS, VAL_LOSS, W_RAW, B, W
from thermogui.core.numbers import fmt_exact, json_clean

HISTORY_COLUMNS = ("epoch", "loss", "val_loss", "w", "b", "w_model", "b_model", "grad_w", "grad_b")
_SOURCE = (EPOCH, LOSS, VAL_LOSS, W_RAW, B_RAW, W, B, GRAD_W, GRAD_B)  # History column for each CSV column


# --- training history -------------------------------------------------------------------------------------------
def history_csv(history_rows, normalization: Normalization | None = None) -> str:
    """The history (rows as `History.snapshot()` gives them, or a list of EpochResult) as CSV text.

    Columns: epoch, loss, val_loss, w, b (raw units: t_c = w * t_u + b), w_model, b_model (the units training ran in),
    grad_w, grad_b (model units, before that epoch's update).  Non-finite numbers are written nan / inf / -inf.
    When `normalization` is given, a first line starting with '#' says how model units relate to raw units
    (numpy.loadtxt and this app's CSV reader skip it; pandas needs comment='#').
    """
    rows = np.asarray(history_rows, dtype=np.float64)
    if rows.size == 0:
        rows = rows.reshape(0, len(_SOURCE))
    if rows.ndim != 2 or rows.shape[1] != len(_SOURCE):
        raise ValueError(f"history rows must have {len(_SOURCE)} columns, got shape {rows.shape}")
    lines = []
    if normalization is not None:
        lines.append("# " + describe_normalization(normalization))
    lines.append(",".join(HISTORY_COLUMNS))
    picked = rows[:, list(_SOURCE)].tolist()
    for row in picked:
        epoch = row[0]
        first = str(int(epoch)) if math.isfinite(epoch) else fmt_exact(epoch)
        lines.append(",".join([first] + [fmt_exact(v) for v in row[1:]]))
    return "\n".join(lines) + "\n"


def describe_normalization(norm: Normalization) -> str:
    if norm.kind == "scale":
        how = f"x = t_u * {norm.factor!r}"
    elif norm.kind == "zscore":
        how = f"x = (t_u - {norm.offset!r}) / {norm.std!r}"
    else:
        how = "x = t_u"
    return (
        f"normalization {norm.kind}: the model trains t_c = w_model * x + b_model with {how}; "
        "w, b are raw units: t_c = w * t_u + b"
    )


def write_history_csv(path: str | os.PathLike, history_rows, normalization: Normalization | None = None) -> None:
    atomic_write_text(path, history_csv(history_rows, normalization))


# --- result -----------------------------------------------------------------------------------------------------
def result_json(summary: dict) -> str:
    """A run's summary (report.summarize) as indented JSON; inf/nan become null."""
    return json.dumps(json_clean(summary), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write_result_json(path: str | os.PathLike, summary: dict) -> None:
    atomic_write_text(path, result_json(summary))


# --- standalone PyTorch script ----------------------------------------------------------------------------------
def _float_list(values, width: int = 100, indent: str = "    ") -> str:
    """A Python list literal of the floats (repr: reads back exactly), wrapped to about `width` characters."""
    items = [fmt_exact(v) for v in values]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= width - 20:
        return one_line
    lines, line = [], ""
    for item in items:
        if line and len(indent) + len(line) + len(item) + 2 > width:
            lines.append(line)
            line = ""
        line += item + ", "
    lines.append(line)
    return "[\n" + "\n".join(indent + ln.rstrip() for ln in lines) + "\n]"


_HEADER = '''\
#!/usr/bin/env python3
"""Fit t_c = w * t_u + b by gradient descent, as ThermoGUI {app_version} ran it.

Chapter 5 of "Deep Learning with PyTorch", with these settings:
{settings}
Standalone: needs only PyTorch (generated with torch {torch_version}, {when}).  Run:  python {{this file}}
The last line printed is machine-readable, with w and b in raw units (t_c = w * t_u + b):
    RESULT w=... b=... loss=... final_loss=... val_loss=... epochs=... stop=...
loss is the training loss of the last epoch run (before its update, as the book prints it); final_loss is the loss
at the final w, b; val_loss is the validation loss there (nan without a validation split).
"""

import math

import torch
'''

_MODEL = """

def model(t_u, w, b):
    return w * t_u + b


def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()
"""

_MANUAL_GRAD = """

# The gradient by hand, with the chain rule: dL/dw = sum(dL/dt_p * dt_p/dw), dL/db = sum(dL/dt_p * dt_p/db).
def dloss_fn(t_p, t_c):
    dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)
    return dsq_diffs


def dmodel_dw(t_u, w, b):
    return t_u


def dmodel_db(t_u, w, b):
    return 1.0


def grad_fn(t_u, t_c, t_p, w, b):
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * dmodel_dw(t_u, w, b)
    dloss_db = dloss_dtp * dmodel_db(t_u, w, b)
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])
"""


def _settings(config: TrainConfig, norm: Normalization, n_train: int, n_val: int, n_excluded: int) -> str:
    if norm.kind == "scale":
        nrm = f"scale (x = t_u * {norm.factor!r})"
    elif norm.kind == "zscore":
        nrm = "z-score on the training readings (x = (t_u - mean) / std)"
    else:
        nrm = "none (x = t_u)"
    if config.optimizer == "adam":
        opt = "torch.optim.Adam"
    elif config.momentum > 0:
        opt = f"torch.optim.SGD with momentum {config.momentum!r}"
    else:
        opt = "plain gradient descent: params -= learning_rate * grad"
    lines = [
        f"learning rate {config.lr!r}, {config.epochs} epochs, start w = {config.init_w!r}, b = {config.init_b!r} "
        "(model units)",
        f"normalization: {nrm}",
        "gradient: "
        + ("autograd (requires_grad + backward)" if config.gradient == "autograd" else "by hand (chain rule)"),
        f"optimizer: {opt}",
        f"readings: {n_train} to train on"
        + (f", {n_val} held out for validation (seed {config.seed})" if n_val else "")
        + (
            f"; left out: {n_excluded} reading{'s' if n_excluded != 1 else ''} excluded in ThermoGUI"
            if n_excluded
            else ""
        ),
        "stop: at the first loss that is not finite" if config.stop_on_non_finite else "stop: never early on inf/nan",
    ]
    if config.tol is not None:
        lines.append(f"converged: stop once every |gradient| <= {config.tol!r}")
    return "\n".join("    " + ln for ln in lines)


def pytorch_script(config: TrainConfig, data: Dataset) -> str:
    """A readable, standalone .py that reproduces this run with plain torch and prints the same final w, b and loss.

    Raises ConfigError / DataError when the run could not start in the app either.
    """
    import torch

    from thermogui import __version__
    from thermogui.core.training import prepare

    prep = prepare(config, data)  # validates, and gives the split and normalization exactly as the app uses them
    norm = prep.norm
    t_u, t_c = data.active()
    n_excluded = len(data) - data.n_active
    n_val = len(prep.val_index)
    autograd = config.gradient == "autograd"
    use_opt = config.optimizer == "adam" or config.momentum > 0
    out = [
        _HEADER.format(
            app_version=__version__,
            settings=_settings(config, norm, len(prep.train_index), n_val, n_excluded),
            torch_version=torch.__version__.split("+")[0],
            when=datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        )
    ]
    if use_opt:
        out.append("import torch.optim as optim\n")
    out.append(f"\n# The readings: t_u in unknown units, t_c in degrees Celsius ({len(t_u)} pairs).\n")
    out.append(f"t_u = torch.tensor({_float_list(t_u)})\n")
    out.append(f"t_c = torch.tensor({_float_list(t_c)})\n")

    out.append("\n# Settings\n")
    out.append(f"learning_rate = {float(config.lr)!r}\n")
    out.append(f"n_epochs = {config.epochs}\n")
    out.append(f"init_w, init_b = {float(config.init_w)!r}, {float(config.init_b)!r}\n")
    if use_opt and config.optimizer == "sgd":
        out.append(f"momentum = {float(config.momentum)!r}\n")
    if n_val:
        out.append(f"val_fraction = {float(config.val_fraction)!r}\nseed = {int(config.seed)}\n")
    if config.tol is not None:
        out.append(f"tol = {float(config.tol)!r}  # converged once every |gradient| <= tol\n")
    out.append(f"stop_on_non_finite = {bool(config.stop_on_non_finite)}\n")

    if n_val:
        out.append(
            "\n# Hold out a validation set: shuffle with a seeded generator and hold out the first"
            "\n# int(val_fraction * n) readings (at least 1).  Both sets keep the readings' original order.\n"
            "n = t_u.size(0)\n"
            "n_val = max(1, int(val_fraction * n))\n"
            "shuffled = torch.randperm(n, generator=torch.Generator().manual_seed(seed))\n"
            "train_idx = shuffled[n_val:].sort().values\n"
            "val_idx = shuffled[:n_val].sort().values\n"
            "t_u_train, t_c_train = t_u[train_idx], t_c[train_idx]\n"
            "t_u_val, t_c_val = t_u[val_idx], t_c[val_idx]\n"
        )
    else:
        out.append("\nt_u_train, t_c_train = t_u, t_c  # no validation split\n")

    out.append("\n# Normalize the input so both parameters learn at a similar pace (t_c is left in degrees Celsius).\n")
    if norm.kind == "scale":
        out.append(f"scale = {float(norm.factor)!r}\n\n\ndef normalize(t):\n    return t * scale\n\n\n")
        out.append("factor, offset = scale, 0.0  # x = (t_u - offset) * factor\n")
    elif norm.kind == "zscore":
        out.append(
            "# mean and (population) standard deviation of the training t_u, computed in float64\n"
            f"t_u_mean = {float(norm.offset)!r}\n"
            f"t_u_std = {float(norm.std)!r}\n\n\n"
            "def normalize(t):\n    return (t - t_u_mean) / t_u_std\n\n\n"
            "factor, offset = 1.0 / t_u_std, t_u_mean  # x = (t_u - offset) * factor\n"
        )
    else:
        out.append("\n\ndef normalize(t):\n    return t  # none: train on the raw readings\n\n\n")
        out.append("factor, offset = 1.0, 0.0\n")
    out.append("t_un_train = normalize(t_u_train)\n")
    if n_val:
        out.append("t_un_val = normalize(t_u_val)\n")
    out.append(
        "\n\ndef to_raw(w, b):\n"
        '    """Model units -> raw units: w * x + b with x = (t_u - offset) * factor is w_raw * t_u + b_raw."""\n'
        "    w_raw = w * factor\n"
        + ("    return w_raw, b - w_raw * offset\n" if norm.offset else "    return w_raw, b  # offset 0\n")
    )
    out.append(_MODEL)
    if not autograd:
        out.append(_MANUAL_GRAD)
    out.append(_loop(config, autograd, use_opt))
    out.append(_main(n_val))
    return "".join(out)


def _loop(config: TrainConfig, autograd: bool, use_opt: bool) -> str:
    every = max(1, config.epochs // 10)
    check = (  # the app stops at the first non-finite loss, before applying that epoch's update
        "        loss_value = loss.item()\n"
        "        if stop_on_non_finite and not math.isfinite(loss_value):\n"
        '            print(f"Epoch {epoch}: the loss is {loss_value}: stopping (learning rate too high?)")\n'
        '            return params, loss_value, epoch, "non_finite"\n'
    )
    after = (
        f"        if epoch <= 3 or epoch % {every} == 0:\n"
        '            print(f"Epoch {epoch}, Loss {loss_value:f}")\n'
    )
    if config.tol is not None:
        after += (
            "        if abs(grad[0].item()) <= tol and abs(grad[1].item()) <= tol:\n"
            '            return params, loss_value, epoch, "converged"\n'
        )
    zero_and_backward = (
        "        if params.grad is not None:\n"
        "            params.grad.zero_()  # backward() adds to .grad, so clear it first\n"
        "        t_p = model(t_u, *params)\n"
        "        loss = loss_fn(t_p, t_c)\n"
        "        loss.backward()  # autograd fills params.grad\n"
        "        grad = params.grad\n"
    )
    by_hand = (
        "        w, b = params\n"
        "        t_p = model(t_u, w, b)  # forward pass\n"
        "        loss = loss_fn(t_p, t_c)\n"
        "        grad = grad_fn(t_u, t_c, t_p, w, b)  # backward pass, by hand\n"
    )
    if not use_opt:
        head = "\n\ndef training_loop(n_epochs, learning_rate, params, t_u, t_c):\n"
        if autograd:  # the book's section 5.5.1
            step = "        with torch.no_grad():\n            params -= learning_rate * grad\n"
            start = "params = torch.tensor([init_w, init_b], requires_grad=True)\n"
        else:  # the book's first loop
            step = "        params = params - learning_rate * grad\n"
            start = "params = torch.tensor([init_w, init_b])\n"
        call = "training_loop(n_epochs, learning_rate, params, t_un_train, t_c_train)"
    else:  # an optimizer, as in the book's section 5.5.2
        head = "\n\ndef training_loop(n_epochs, optimizer, params, t_u, t_c):\n"
        step = ("" if autograd else "        params.grad = grad  # hand the gradient to the optimizer\n") + (
            "        optimizer.step()\n"
        )
        start = f"params = torch.tensor([init_w, init_b]{', requires_grad=True' if autograd else ''})\n"
        if config.optimizer == "adam":
            start += "optimizer = optim.Adam([params], lr=learning_rate)\n"
        else:
            start += "optimizer = optim.SGD([params], lr=learning_rate, momentum=momentum)\n"
        call = "training_loop(n_epochs, optimizer, params, t_un_train, t_c_train)"
    return (
        head
        + '    """Run the epochs; return (params, the last epoch\'s loss, epochs run, why it stopped)."""\n'
        + "    loss_value, epoch = math.nan, 0\n"
        + "    for epoch in range(1, n_epochs + 1):\n"
        + (zero_and_backward if autograd else by_hand)
        + check
        + step
        + after
        + '    return params, loss_value, epoch, "completed"\n\n\n'
        + start
        + f"params, loss_value, epochs_run, stop = {call}\n"
    )


def _main(n_val: int) -> str:
    val = "    val_loss = loss_fn(model(t_un_val, w, b), t_c_val).item()\n" if n_val else "    val_loss = math.nan\n"
    return (
        "\nw, b = params.tolist()  # final parameters, model units\n"
        "with torch.no_grad():\n"
        "    final_loss = loss_fn(model(t_un_train, w, b), t_c_train).item()\n" + val + "w_raw, b_raw = to_raw(w, b)\n"
        'print(f"Stopped: {stop} after {epochs_run} epochs. In model units w = {w!r}, b = {b!r}.")\n'
        'print(f"t_c = {w_raw:.6g} * t_u + {b_raw:.6g}")\n'
        'print(f"RESULT w={w_raw!r} b={b_raw!r} loss={loss_value!r} final_loss={final_loss!r} "\n'
        '      f"val_loss={val_loss!r} epochs={epochs_run} stop={stop}")\n'
    )


def write_pytorch_script(path: str | os.PathLike, config: TrainConfig, data: Dataset) -> None:
    """Write the script atomically and make it executable (where the platform allows)."""
    atomic_write_text(path, pytorch_script(config, data))
    try:
        mode = os.stat(path).st_mode
        os.chmod(path, mode | ((mode & 0o444) >> 2))  # +x wherever there is +r
    except OSError:
        pass
