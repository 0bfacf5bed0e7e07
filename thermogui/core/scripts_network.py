"""The runnable PyTorch script of a network's run (`linear-module`, `mlp`), written the way chapter 6 of the book
writes it: the torch.nn module seeded as the app seeds it, nn.MSELoss on inputs of shape [N, 1], torch.optim, and
the app's loop in the same order, so the script prints the app's final losses to the last digit.

The readings, the split and the normalization are written as core.scripts writes them for the linear models.
core.exports.pytorch_script chooses the writer and checks the run first; nothing here writes a file.
"""

from __future__ import annotations

from datetime import datetime, timezone

from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.models import as_model
from thermogui.core.scripts import _float_list, _normalize_source, _split_source

_NET_HEADER = '''\
#!/usr/bin/env python3
"""Fit t_c = {what} to the thermometer readings, as ThermoGUI {app_version} trained it.

Chapter 6 of "Deep Learning with PyTorch": a torch.nn module trained with autograd and torch.optim.
{settings}
Standalone: needs only PyTorch (generated with torch {torch_version}, {when}).  Run:  python {{this file}}
The same float32 operations in the same order as ThermoGUI, so the same digits.  The last line printed is
machine-readable{params_said}:
    RESULT {result_keys}loss=... final_loss=... val_loss=... epochs=... stop=...
loss is the training loss of the last epoch run (before its update); final_loss is the training loss of the final
{net}; val_loss is its validation loss (nan without validation readings).
"""

import math

import torch
import torch.nn as nn
import torch.optim as optim
'''

_NET_TO_RAW = {
    "mlp": '''

def to_raw(model):
    """The trained network fed raw t_u instead of x = (t_u - offset) * factor: only the hidden layer changes,
    w1 * x + b1 = (w1 * factor) * t_u + (b1 - w1 * factor * offset).  Every parameter as a Python float, in
    ThermoGUI's order: hidden weights w1_1..w1_H, hidden biases b1_1..b1_H, output weights w2_1..w2_H, output
    bias b2."""
    hidden_layer, output_layer = model[0], model[2]
    w1 = [w * factor for w in hidden_layer.weight.reshape(-1).tolist()]
    b1 = [b - w * offset for w, b in zip(w1, hidden_layer.bias.tolist())]
    return w1 + b1 + output_layer.weight.reshape(-1).tolist() + output_layer.bias.tolist()
''',
    "linear-module": '''

def to_raw(model):
    """Model units -> raw units: w * x + b with x = (t_u - offset) * factor is w_raw * t_u + b_raw."""
    w_raw = model.weight.item() * factor
    return w_raw, model.bias.item() - w_raw * offset
''',
}


def _network_settings(config: TrainConfig, m, norm: Normalization, n_train: int, n_val: int, n_excluded, marked):
    if norm.kind == "scale":
        nrm = f"scale (x = t_u * {norm.factor!r})"
    elif norm.kind == "zscore":
        nrm = "z-score on the training readings (x = (t_u - mean) / std)"
    else:
        nrm = "none (x = t_u)"
    if m.hidden:
        what = (
            f"model: nn.Sequential(nn.Linear(1, {m.hidden}), nn.Tanh(), nn.Linear({m.hidden}, 1)): {m.describe()},\n"
            f"    its starting weights drawn by torch under seed {config.seed}"
        )
    else:
        what = f"model: nn.Linear(1, 1), starting from weight {float(config.init_w)!r}, bias {float(config.init_b)!r}"
    if config.optimizer == "adam":
        opt = "torch.optim.Adam"
    elif config.momentum > 0:
        opt = f"torch.optim.SGD with momentum {config.momentum!r}"
    else:
        opt = "torch.optim.SGD (plain gradient descent)"
    if not n_val:
        held = ""
    elif marked:
        held = f", {n_val} marked as validation readings in ThermoGUI"
    else:
        held = f", {n_val} held out for validation (seed {config.seed})"
    excluded = f"; left out: {n_excluded} reading{'s' if n_excluded != 1 else ''} excluded in ThermoGUI"
    lines = [
        what,
        f"learning rate {config.lr!r}, {config.epochs} epochs, inputs of shape [N, 1]",
        f"normalization: {nrm}",
        "loss: nn.MSELoss (mean squared error); gradient: autograd (loss.backward())",
        f"optimizer: {opt}",
        f"readings: {n_train} to train on" + held + (excluded if n_excluded else ""),
        "stop: at the first loss that is not finite" if config.stop_on_non_finite else "stop: never early on inf/nan",
    ]
    if config.tol is not None:
        lines.append(f"converged: stop once every |gradient| <= {config.tol!r}")
    return "\n".join("    " + ln for ln in lines)


def network_script(config: TrainConfig, data: Dataset, prep) -> str:
    """Chapter 6's way: the module (nn.Linear(1, 1), or Linear(1, H) -> Tanh -> Linear(H, 1) seeded as the app
    seeds it), nn.MSELoss on inputs of shape [N, 1], zero_grad / backward / step with torch.optim.  The app's loop
    (core.training._train_module) in the same order: training loss, zero_grad, backward, the validation loss under
    no_grad, the non-finite check, the step."""
    import torch

    from thermogui import __version__

    m = as_model(config)
    mlp = bool(m.hidden)
    norm = prep.norm
    t_u, t_c = data.active()
    n_val = len(prep.val_index)
    marked = bool(n_val) and data.marks_val
    n_excluded = len(data) - data.n_active
    if mlp:
        what = "network(t_u), a small neural network,"
        params_said = (
            f"; the line before it (PARAMS) lists the {m.size} parameters in raw units\n"
            "(the network fed raw t_u), in ThermoGUI's order"
        )
    else:
        what = "w * t_u + b with nn.Linear(1, 1)"
        params_said = ", with w and b in raw units (t_c = w * t_u + b)"
    out = [
        _NET_HEADER.format(
            what=what,
            app_version=__version__,
            settings=_network_settings(config, m, norm, len(prep.train_index), n_val, n_excluded, marked),
            torch_version=torch.__version__.split("+")[0],
            when=datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            params_said=params_said,
            result_keys="" if mlp else "w=... b=... ",
            net="network" if mlp else "line",
        )
    ]
    out.append(f"\n# The readings: t_u in unknown units, t_c in degrees Celsius ({len(t_u)} pairs).\n")
    out.append(f"t_u = torch.tensor({_float_list(t_u)})\n")
    out.append(f"t_c = torch.tensor({_float_list(t_c)})\n")

    out.append("\n# Settings\n")
    out.append(f"learning_rate = {float(config.lr)!r}\n")
    out.append(f"n_epochs = {config.epochs}\n")
    if mlp:
        out.append(f"hidden = {m.hidden}  # hidden units\n")
    else:
        out.append(f"init_w, init_b = {float(config.init_w)!r}, {float(config.init_b)!r}  # start, model units\n")
    out.append(f"seed = {int(config.seed)}\n")
    if config.optimizer == "sgd":
        out.append(f"momentum = {float(config.momentum)!r}\n")
    if n_val and not marked:
        out.append(f"val_fraction = {float(config.val_fraction)!r}\n")
    if config.tol is not None:
        out.append(f"tol = {float(config.tol)!r}  # converged once every |gradient| <= tol\n")
    out.append(f"stop_on_non_finite = {bool(config.stop_on_non_finite)}\n")

    out.append(_split_source(prep, marked))
    out.append("\n# Normalize the input (t_c is left in degrees Celsius).\n")
    out.append(_normalize_source(norm))
    out.append(
        "\n# nn modules take a batch of inputs, each a vector: shape [N, 1] (unsqueeze adds the feature dimension).\n"
        "t_un_train = normalize(t_u_train).unsqueeze(1)\n"
        "t_c_train = t_c_train.unsqueeze(1)\n"
    )
    if n_val:
        out.append("t_un_val = normalize(t_u_val).unsqueeze(1)\nt_c_val = t_c_val.unsqueeze(1)\n")
    else:
        out.append("t_un_val = t_c_val = None  # no validation readings\n")
    out.append(_NET_TO_RAW[m.name])

    if mlp:
        out.append(
            "\n\n# The weights start from torch's default initialisation, drawn under the seed: the same seed\n"
            "# gives the same network.\n"
            "torch.manual_seed(seed)\n"
            "model = nn.Sequential(nn.Linear(1, hidden), nn.Tanh(), nn.Linear(hidden, 1))\n"
        )
    else:
        out.append(
            "\n\ntorch.manual_seed(seed)  # (as ThermoGUI builds it; the start values below replace the random ones)\n"
            "model = nn.Linear(1, 1)\n"
            "with torch.no_grad():\n"
            "    model.weight.copy_(torch.tensor([[init_w]]))\n"
            "    model.bias.copy_(torch.tensor([init_b]))\n"
        )
    if config.optimizer == "adam":
        out.append("optimizer = optim.Adam(model.parameters(), lr=learning_rate)\n")
    else:
        out.append("optimizer = optim.SGD(model.parameters(), lr=learning_rate, momentum=momentum)\n")
    out.append("loss_fn = nn.MSELoss()\n")
    out.append(_network_loop(config))
    out.append(_network_main(m))
    return "".join(out)


def _network_loop(config: TrainConfig) -> str:
    every = max(1, config.epochs // 10)
    converged = ""
    if config.tol is not None:
        converged = (
            "        grads = [g for p in model.parameters() for g in p.grad.reshape(-1).tolist()]\n"
            "        if all(abs(g) <= tol for g in grads):\n"
            '            return loss_value, epoch, "converged"\n'
        )
    return (
        "\n\ndef training_loop(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val, t_c_train, t_c_val):\n"
        '    """Run the epochs; return (the last epoch\'s training loss, epochs run, why it stopped)."""\n'
        "    loss_value, epoch = math.nan, 0\n"
        "    for epoch in range(1, n_epochs + 1):\n"
        "        t_p_train = model(t_u_train)\n"
        "        loss_train = loss_fn(t_p_train, t_c_train)\n"
        "        optimizer.zero_grad()\n"
        "        loss_train.backward()\n"
        "        with torch.no_grad():  # measured, not trained on\n"
        "            loss_val = math.nan if t_u_val is None else loss_fn(model(t_u_val), t_c_val).item()\n"
        "        loss_value = loss_train.item()\n"
        "        if stop_on_non_finite and not math.isfinite(loss_value):\n"
        '            print(f"Epoch {epoch}: the loss is {loss_value}: stopping (learning rate too high?)")\n'
        '            return loss_value, epoch, "non_finite"\n'
        "        optimizer.step()\n"
        f"        if epoch <= 3 or epoch % {every} == 0:\n"
        '            print(f"Epoch {epoch}, Training loss {loss_value:.4f}, Validation loss {loss_val:.4f}")\n'
        + converged
        + '    return loss_value, epoch, "completed"\n\n\n'
        "loss_value, epochs_run, stop = training_loop(\n"
        "    n_epochs, optimizer, model, loss_fn, t_un_train, t_un_val, t_c_train, t_c_val\n"
        ")\n"
    )


def _network_main(m) -> str:
    out = (
        "\nwith torch.no_grad():\n"
        "    final_loss = loss_fn(model(t_un_train), t_c_train).item()\n"
        "    val_loss = math.nan if t_un_val is None else loss_fn(model(t_un_val), t_c_val).item()\n"
    )
    if m.hidden:
        out += (
            "params_raw = to_raw(model)\n"
            f'print(f"Stopped: {{stop}} after {{epochs_run}} epochs; {m.describe()}.")\n'
            'print("PARAMS", params_raw)  # raw units, in ThermoGUI\'s order\n'
        )
        result = ""
    else:
        out += (
            "w_raw, b_raw = to_raw(model)\n"
            'print(f"Stopped: {stop} after {epochs_run} epochs. In model units w = {model.weight.item()!r}, "\n'
            '      f"b = {model.bias.item()!r}.")\n'
            'print(f"t_c = {w_raw:.6g} * t_u + {b_raw:.6g}")\n'
        )
        result = "w={w_raw!r} b={b_raw!r} "
    return out + (
        f'print(f"RESULT {result}loss={{loss_value!r}} final_loss={{final_loss!r}} "\n'
        '      f"val_loss={val_loss!r} epochs={epochs_run} stop={stop}")\n'
    )
