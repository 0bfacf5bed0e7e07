"""The runnable PyTorch script of a linear model's run (the line, the quadratic), written the way chapter 5 of the
book writes its line: the readings, the validation split, the normalization, the model, the loss, the gradient (by
hand or autograd), the optimizer and the loop, in plain torch.

The parts every script writes the same way (the readings as a list, the split, the normalization) are here too, and
core.scripts_network writes the networks' script with them.  core.exports.pytorch_script chooses the writer and
checks the run first; nothing here writes a file.
"""

from __future__ import annotations

from datetime import datetime, timezone

from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.models import as_model
from thermogui.core.numbers import fmt_exact
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg


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
"""Fit t_c = {formula} by gradient descent, as ThermoGUI {app_version} ran it.

Chapter 5 of "Deep Learning with PyTorch", with these settings:
{settings}
Standalone: needs only PyTorch (generated with torch {torch_version}, {when}).  Run:  python {{this file}}
The last line printed is machine-readable, with {names_and} in raw units (t_c = {formula}):
    RESULT {result_keys} loss=... final_loss=... val_loss=... epochs=... stop=...
loss is the training loss of the last epoch run (before its update, as the book prints it); final_loss is the loss
at the final {names}; val_loss is the validation loss there (nan without a validation split).
"""

import math

import torch
'''


class _Names:
    """How the script writes a model: its parameters (the book's names), formula, derivatives and change of units."""

    def __init__(self, model):
        self.model = m = as_model(model)
        powers = getattr(m, "powers", None)
        if powers is None or max(powers) > 2:
            from thermogui.core.fields import ConfigError

            raise ConfigError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "exports", "the PyTorch script export does not know how to write the {model} yet"
                    ),
                    "exports",
                    model=m.label,
                )
            )
        self.params = tuple(m.params)
        self.powers = tuple(powers)
        self.args = ", ".join(self.params)  # w, b  /  w2, w1, b
        *head, last = self.params
        self.names_and = f"{', '.join(head)} and {last}" if head else last  # w and b  /  w2, w1 and b
        self.raw = tuple(f"{n}_raw" for n in self.params)

    def formula(self, var: str = "t_u") -> str:
        """w * t_u + b  /  w2 * t_u ** 2 + w1 * t_u + b (as Python)."""
        return " + ".join(
            n if k == 0 else f"{n} * {var}" if k == 1 else f"{n} * {var} ** {k}"
            for n, k in zip(self.params, self.powers)
        )

    def model_source(self) -> str:
        return f"\n\ndef model(t_u, {self.args}):\n    return {self.formula()}\n"

    def grad_source(self) -> str:
        """The book's hand-made gradient (section 5.4.2), one dmodel_d<p> per parameter."""
        first, second = self.params[0], self.params[1]
        if len(self.params) == 2:
            head = f"dL/d{first} = sum(dL/dt_p * dt_p/d{first}), dL/d{second} = sum(dL/dt_p * dt_p/d{second})."
        else:
            head = f"dL/d{first} = sum(dL/dt_p * dt_p/d{first}), and likewise for {', '.join(self.params[1:])}."
        out = [
            f"\n\n# The gradient by hand, with the chain rule: {head}\n"
            "def dloss_fn(t_p, t_c):\n"
            "    dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)\n"
            "    return dsq_diffs\n"
        ]
        for n, k in zip(self.params, self.powers):
            body = "1.0" if k == 0 else "t_u" if k == 1 else f"t_u ** {k}"
            out.append(f"\n\ndef dmodel_d{n}(t_u, {self.args}):\n    return {body}\n")
        out.append(f"\n\ndef grad_fn(t_u, t_c, t_p, {self.args}):\n    dloss_dtp = dloss_fn(t_p, t_c)\n")
        for n in self.params:
            out.append(f"    dloss_d{n} = dloss_dtp * dmodel_d{n}(t_u, {self.args})\n")
        out.append(f"    return torch.stack([{', '.join(f'dloss_d{n}.sum()' for n in self.params)}])\n")
        return "".join(out)

    def to_raw_source(self, offset: float) -> str:
        """to_raw(...): the parameters trained on x = (t_u - offset) * factor as the coefficients of raw t_u."""
        if self.powers == (1, 0):
            return (
                "\n\ndef to_raw(w, b):\n"
                '    """Model units -> raw units: w * x + b with x = (t_u - offset) * factor is w_raw * t_u + '
                'b_raw."""\n'
                "    w_raw = w * factor\n"
                + ("    return w_raw, b - w_raw * offset\n" if offset else "    return w_raw, b  # offset 0\n")
            )
        if self.powers == (2, 1, 0):
            w2, w1, b = self.params
            doc = (
                f'    """Model units -> raw units: {w2} * x ** 2 + {w1} * x + {b} with x = (t_u - offset) * factor,\n'
                f'    expanded in powers of t_u: {w2}_raw * t_u ** 2 + {w1}_raw * t_u + {b}_raw."""\n'
            )
            if not offset:
                return (
                    f"\n\ndef to_raw({self.args}):\n{doc}"
                    f"    return {w2} * factor ** 2, {w1} * factor, {b}  # offset 0\n"
                )
            return (
                f"\n\ndef to_raw({self.args}):\n{doc}"
                f"    {w2}_raw = {w2} * factor ** 2\n"
                f"    {w1}_raw = {w1} * factor - 2 * {w2}_raw * offset\n"
                f"    {b}_raw = {b} - {w1} * factor * offset + {w2}_raw * offset ** 2\n"
                f"    return {w2}_raw, {w1}_raw, {b}_raw\n"
            )
        raise AssertionError(self.powers)  # (checked in __init__)


_LOSS = """

def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()
"""


def _settings(
    config: TrainConfig, norm: Normalization, n_train: int, n_val: int, n_excluded: int, names: _Names, marked: bool
) -> str:
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
    start = ", ".join(f"{n} = {float(v)!r}" for n, v in zip(names.params, config.start_params()))
    if not n_val:
        held = ""
    elif marked:
        held = f", {n_val} marked as validation readings in ThermoGUI"
    else:
        held = f", {n_val} held out for validation (seed {config.seed})"
    lines = []
    if names.model.name != "line":
        lines.append(f"model: {names.model.label}, t_c = {names.formula('x')} on the normalized input x")
    lines += [
        f"learning rate {config.lr!r}, {config.epochs} epochs, start {start} (model units)",
        f"normalization: {nrm}",
        "gradient: "
        + ("autograd (requires_grad + backward)" if config.gradient == "autograd" else "by hand (chain rule)"),
        f"optimizer: {opt}",
        f"readings: {n_train} to train on"
        + held
        + (
            f"; left out: {n_excluded} reading{'s' if n_excluded != 1 else ''} excluded in ThermoGUI"
            if n_excluded
            else ""
        ),
        "stop: at the first loss that is not finite" if config.stop_on_non_finite else "stop: never early on inf/nan",
    ]
    if config.arith == "fast":
        lines.append(
            "arithmetic: float64 (ThermoGUI ran this on its fast exact path, float64 from the sums X^T X, X^T y, "
            "y^T y; the same epochs here agree with it to rounding)"
        )
    if config.tol is not None:
        lines.append(f"converged: stop once every |gradient| <= {config.tol!r}")
    return "\n".join("    " + ln for ln in lines)


def linear_model_script(config: TrainConfig, data: Dataset, prep) -> str:
    """The script of a run of a linear model (core.exports.pytorch_script): the model written as the book writes its
    line, in float32 (float64 for a run on the fast exact path).  `prep` is core.training.prepare's for the run."""
    import torch

    from thermogui import __version__

    names = _Names(config.model)
    norm = prep.norm
    t_u, t_c = data.active()
    n_excluded = len(data) - data.n_active
    n_val = len(prep.val_index)
    marked = bool(n_val) and data.marks_val
    autograd = config.gradient == "autograd"
    use_opt = config.optimizer == "adam" or config.momentum > 0
    f64 = config.arith == "fast"
    dtype = ", dtype=torch.float64" if f64 else ""
    out = [
        _HEADER.format(
            formula=names.formula(),
            names=", ".join(names.params),
            names_and=names.names_and,
            result_keys=" ".join(f"{n}=..." for n in names.params),
            app_version=__version__,
            settings=_settings(config, norm, len(prep.train_index), n_val, n_excluded, names, marked),
            torch_version=torch.__version__.split("+")[0],
            when=datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        )
    ]
    if use_opt:
        out.append("import torch.optim as optim\n")
    out.append(f"\n# The readings: t_u in unknown units, t_c in degrees Celsius ({len(t_u)} pairs).\n")
    if f64:
        out.append("# float64 throughout, as ThermoGUI's fast exact path computes.\n")
    out.append(f"t_u = torch.tensor({_float_list(t_u)}{dtype})\n")
    out.append(f"t_c = torch.tensor({_float_list(t_c)}{dtype})\n")

    out.append("\n# Settings\n")
    out.append(f"learning_rate = {float(config.lr)!r}\n")
    out.append(f"n_epochs = {config.epochs}\n")
    inits = ", ".join(f"init_{n}" for n in names.params)
    out.append(f"{inits} = {', '.join(repr(float(v)) for v in config.start_params())}\n")
    if use_opt and config.optimizer == "sgd":
        out.append(f"momentum = {float(config.momentum)!r}\n")
    if n_val and not marked:
        out.append(f"val_fraction = {float(config.val_fraction)!r}\nseed = {int(config.seed)}\n")
    if config.tol is not None:
        out.append(f"tol = {float(config.tol)!r}  # converged once every |gradient| <= tol\n")
    out.append(f"stop_on_non_finite = {bool(config.stop_on_non_finite)}\n")

    out.append(_split_source(prep, marked))
    out.append(
        "\n# Normalize the input so {} parameters learn at a similar pace (t_c is left in degrees Celsius).\n".format(
            "both" if len(names.params) == 2 else "the"
        )
    )
    out.append(_normalize_source(norm))
    out.append("t_un_train = normalize(t_u_train)\n")
    if n_val:
        out.append("t_un_val = normalize(t_u_val)\n")
    out.append(names.to_raw_source(norm.offset))
    out.append(names.model_source())
    out.append(_LOSS)
    if not autograd:
        out.append(names.grad_source())
    out.append(_loop(config, autograd, use_opt, names, dtype))
    out.append(_main(n_val, names))
    return "".join(out)


def _split_source(prep, marked: bool) -> str:
    """The script's train/validation split: the readings marked in ThermoGUI, the seeded shuffle, or none."""
    if marked:
        return (
            "\n# The validation readings marked in ThermoGUI (positions in the readings above, from 0); the others"
            "\n# train.  Both sets keep the readings' original order.\n"
            f"val_indices = torch.tensor({[int(i) for i in prep.val_index]})\n"
            f"train_indices = torch.tensor({[int(i) for i in prep.train_index]})\n"
            "t_u_train, t_c_train = t_u[train_indices], t_c[train_indices]\n"
            "t_u_val, t_c_val = t_u[val_indices], t_c[val_indices]\n"
        )
    if len(prep.val_index):
        return (
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
    return "\nt_u_train, t_c_train = t_u, t_c  # no validation split\n"


def _normalize_source(norm: Normalization) -> str:
    """normalize(t) and (factor, offset) with x = (t_u - offset) * factor, as the app normalizes."""
    if norm.kind == "scale":
        return (
            f"scale = {float(norm.factor)!r}\n\n\ndef normalize(t):\n    return t * scale\n\n\n"
            "factor, offset = scale, 0.0  # x = (t_u - offset) * factor\n"
        )
    if norm.kind == "zscore":
        return (
            "# mean and (population) standard deviation of the training t_u, computed in float64\n"
            f"t_u_mean = {float(norm.offset)!r}\n"
            f"t_u_std = {float(norm.std)!r}\n\n\n"
            "def normalize(t):\n    return (t - t_u_mean) / t_u_std\n\n\n"
            "factor, offset = 1.0 / t_u_std, t_u_mean  # x = (t_u - offset) * factor\n"
        )
    return "\n\ndef normalize(t):\n    return t  # none: train on the raw readings\n\n\nfactor, offset = 1.0, 0.0\n"


def _loop(config: TrainConfig, autograd: bool, use_opt: bool, names: _Names, dtype: str = "") -> str:
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
        every_below = " and ".join(f"abs(grad[{i}].item()) <= tol" for i in range(len(names.params)))
        after += f'        if {every_below}:\n            return params, loss_value, epoch, "converged"\n'
    zero_and_backward = (
        "        if params.grad is not None:\n"
        "            params.grad.zero_()  # backward() adds to .grad, so clear it first\n"
        "        t_p = model(t_u, *params)\n"
        "        loss = loss_fn(t_p, t_c)\n"
        "        loss.backward()  # autograd fills params.grad\n"
        "        grad = params.grad\n"
    )
    by_hand = (
        f"        {names.args} = params\n"
        f"        t_p = model(t_u, {names.args})  # forward pass\n"
        "        loss = loss_fn(t_p, t_c)\n"
        f"        grad = grad_fn(t_u, t_c, t_p, {names.args})  # backward pass, by hand\n"
    )
    inits = "[" + ", ".join(f"init_{n}" for n in names.params) + "]"
    if not use_opt:
        head = "\n\ndef training_loop(n_epochs, learning_rate, params, t_u, t_c):\n"
        if autograd:  # the book's section 5.5.1
            step = "        with torch.no_grad():\n            params -= learning_rate * grad\n"
            start = f"params = torch.tensor({inits}{dtype}, requires_grad=True)\n"
        else:  # the book's first loop
            step = "        params = params - learning_rate * grad\n"
            start = f"params = torch.tensor({inits}{dtype})\n"
        call = "training_loop(n_epochs, learning_rate, params, t_un_train, t_c_train)"
    else:  # an optimizer, as in the book's section 5.5.2
        head = "\n\ndef training_loop(n_epochs, optimizer, params, t_u, t_c):\n"
        step = ("" if autograd else "        params.grad = grad  # hand the gradient to the optimizer\n") + (
            "        optimizer.step()\n"
        )
        start = f"params = torch.tensor({inits}{dtype}{', requires_grad=True' if autograd else ''})\n"
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


def _main(n_val: int, names: _Names) -> str:
    args, raw = names.args, ", ".join(names.raw)
    val = f"    val_loss = loss_fn(model(t_un_val, {args}), t_c_val).item()\n" if n_val else "    val_loss = math.nan\n"
    in_model_units = ", ".join(f"{n} = {{{n}!r}}" for n in names.params)
    equation = " + ".join(
        f"{{{r}:.6g}}" + ("" if k == 0 else " * t_u" if k == 1 else f" * t_u ** {k}")
        for r, k in zip(names.raw, names.powers)
    )
    result = " ".join(f"{n}={{{r}!r}}" for n, r in zip(names.params, names.raw))
    return (
        f"\n{args} = params.tolist()  # final parameters, model units\n"
        "with torch.no_grad():\n"
        f"    final_loss = loss_fn(model(t_un_train, {args}), t_c_train).item()\n" + val + f"{raw} = to_raw({args})\n"
        f'print(f"Stopped: {{stop}} after {{epochs_run}} epochs. In model units {in_model_units}.")\n'
        f'print(f"t_c = {equation}")\n'
        f'print(f"RESULT {result} loss={{loss_value!r}} final_loss={{final_loss!r}} "\n'
        '      f"val_loss={val_loss!r} epochs={epochs_run} stop={stop}")\n'
    )
