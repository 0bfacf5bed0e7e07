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
from thermogui.core.numbers import fmt_exact, json_clean
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

HISTORY_COLUMNS = ("epoch", "loss", "val_loss", "w", "b", "w_model", "b_model", "grad_w", "grad_b")  # the line's
LOSS_COLUMNS = ("epoch", "loss", "val_loss")
MAX_CSV_PARAMS = 40  # a model with more parameters (a network of 14+ hidden units) gets only the loss columns


def _model(model):
    """A model object from a name, a model, a run's TrainConfig, or None (the line): core.models.as_model."""
    from thermogui.core.models import as_model

    return as_model(model)


def params_in_csv(model=None) -> bool:
    """Does the history CSV list the model's parameters?  Only while they fit a reasonable width: each parameter
    takes three columns (raw, model units, gradient), so a model with more than MAX_CSV_PARAMS gets the losses only."""
    return _model(model).size <= MAX_CSV_PARAMS


def history_columns(model=None) -> tuple[str, ...]:
    """The CSV's column names for a model: epoch, loss, val_loss, the parameters in raw units, the same in model
    units (`_model`), the gradient components (`grad_`).  For the line: HISTORY_COLUMNS.  A model with more than
    MAX_CSV_PARAMS parameters: LOSS_COLUMNS only."""
    if not params_in_csv(model):
        return LOSS_COLUMNS
    names = tuple(_model(model).params)
    return LOSS_COLUMNS + names + tuple(f"{n}_model" for n in names) + tuple(f"grad_{n}" for n in names)


def _source(n_params: int) -> list[int]:
    """History column for each CSV column (a History row holds params in model units before the raw ones)."""
    model = list(range(3, 3 + n_params))
    raw = list(range(3 + n_params, 3 + 2 * n_params))
    grad = list(range(3 + 2 * n_params, 3 + 3 * n_params))
    return [0, 1, 2, *raw, *model, *grad]


# --- training history -------------------------------------------------------------------------------------------
def history_csv(history_rows, normalization: Normalization | None = None, model=None) -> str:
    """The history (rows as `History.snapshot()` gives them, or a list of EpochResult) as CSV text.

    Columns (`history_columns`): epoch, loss, val_loss, the parameters in raw units (the line: w, b with
    t_c = w * t_u + b; the quadratic: w2, w1, b with t_c = w2 * t_u^2 + w1 * t_u + b), the same in the units training
    ran in (w_model, ...), and the gradient (grad_w, ..., model units, before that epoch's update).  `model` is the
    run's model (a name, a model or the run's config; None: the line).  Non-finite numbers are written nan / inf / -inf.
    When `normalization` is given, a first line starting with '#' says how model units relate to raw units
    (numpy.loadtxt and this app's CSV reader skip it; pandas needs comment='#').  A model with more than
    MAX_CSV_PARAMS parameters (a network of 14 or more hidden units) gets only epoch, loss and val_loss, and a '#'
    line that says its parameters were left out and why.
    """
    m = _model(model)
    width = 3 + 3 * m.size
    rows = np.asarray(history_rows, dtype=np.float64)
    if rows.size == 0:
        rows = rows.reshape(0, width)
    if rows.ndim != 2 or rows.shape[1] != width:
        raise ValueError(f"history rows of the {m.label} must have {width} columns, got shape {rows.shape}")
    lines = []
    if normalization is not None:
        lines.append("# " + describe_normalization(normalization, m))
    if params_in_csv(m):
        picked = rows[:, _source(m.size)].tolist()
    else:
        picked = rows[:, :3].tolist()
        what = m.describe() if hasattr(m, "describe") else f"{m.size} parameters"
        lines.append(
            f"# parameters left out: the {m.label} has {what}; with each one's raw value, value in model units and "
            f"gradient that would be {3 + 3 * m.size} columns, too wide to read (parameters are listed for models of "
            f"up to {MAX_CSV_PARAMS}). The result JSON holds the final parameters."
        )
    lines.append(",".join(history_columns(m)))
    for row in picked:
        epoch = row[0]
        first = str(int(epoch)) if math.isfinite(epoch) else fmt_exact(epoch)
        lines.append(",".join([first] + [fmt_exact(v) for v in row[1:]]))
    return "\n".join(lines) + "\n"


def _formula(m, var: str, suffix: str = "") -> str:
    """The model as plain text: w * t_u + b, w2_model * x^2 + w1_model * x + b_model, ..."""
    if getattr(m, "powers", None) is None:  # not a polynomial: the model by its name
        return f"{m.name}({var})"
    terms = []
    for name, k in zip(m.params, m.powers):
        terms.append(name + suffix + ("" if k == 0 else f" * {var}" if k == 1 else f" * {var}^{k}"))
    return " + ".join(terms)


def describe_normalization(norm: Normalization, model=None) -> str:
    m = _model(model)
    if norm.kind == "scale":
        how = f"x = t_u * {norm.factor!r}"
    elif norm.kind == "zscore":
        how = f"x = (t_u - {norm.offset!r}) / {norm.std!r}"
    else:
        how = "x = t_u"
    if getattr(m, "powers", None) is None:
        if not params_in_csv(m):
            return f"normalization {norm.kind}: the model trains t_c = {m.name}(x) with {how}"
        return (
            f"normalization {norm.kind}: the model trains t_c = {m.name}(x) with {how}; the columns without "
            "_model are the same model fed raw t_u"
        )
    names = ", ".join(m.params)
    return (
        f"normalization {norm.kind}: the model trains t_c = {_formula(m, 'x', '_model')} with {how}; "
        f"{names} are raw units: t_c = {_formula(m, 't_u')}"
    )


def write_history_csv(
    path: str | os.PathLike, history_rows, normalization: Normalization | None = None, model=None
) -> None:
    atomic_write_text(path, history_csv(history_rows, normalization, model))


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
        self.model = m = _model(model)
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


def pytorch_script(config: TrainConfig, data: Dataset) -> str:
    """A readable, standalone .py that reproduces this run with plain torch and prints the same final parameters
    and loss: the chosen model (config.model) written as the book writes its line, the readings, the validation
    readings (the ones marked in the table, or the seeded shuffle), the normalization, the gradient (by hand or
    autograd) and the optimizer.  The book's float32 arithmetic gives the app's digits exactly; a run on the fast
    exact path (arith "fast") is written in float64 and agrees with it to rounding.  A network (`linear-module`,
    `mlp`) is written the way chapter 6 writes it: the same torch.nn module seeded as the app seeds it, nn.MSELoss,
    torch.optim, and the app's loop in the same order, so it prints the app's final losses to the last digit.

    Raises ConfigError / DataError when the run could not start in the app either.
    """
    import torch

    from thermogui import __version__
    from thermogui.core.training import prepare

    prep = prepare(config, data)  # validates, and gives the split and normalization exactly as the app uses them
    if _is_network(_model(config)):
        return _network_script(config, data, prep)
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


# --- the networks of chapter 6 ------------------------------------------------------------------------------------
def _is_network(m) -> bool:
    from thermogui.core.models import NetworkModel

    return isinstance(m, NetworkModel)


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


def _network_script(config: TrainConfig, data: Dataset, prep) -> str:
    """Chapter 6's way: the module (nn.Linear(1, 1), or Linear(1, H) -> Tanh -> Linear(H, 1) seeded as the app
    seeds it), nn.MSELoss on inputs of shape [N, 1], zero_grad / backward / step with torch.optim.  The app's loop
    (core.training._train_module) in the same order: training loss, zero_grad, backward, the validation loss under
    no_grad, the non-finite check, the step."""
    import torch

    from thermogui import __version__

    m = _model(config)
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


def write_pytorch_script(path: str | os.PathLike, config: TrainConfig, data: Dataset) -> None:
    """Write the script atomically and make it executable (where the platform allows)."""
    atomic_write_text(path, pytorch_script(config, data))
    try:
        mode = os.stat(path).st_mode
        os.chmod(path, mode | ((mode & 0o444) >> 2))  # +x wherever there is +r
    except OSError:
        pass
