"""What a person takes out of the app besides pictures: the training history as CSV, the result as JSON, and a
standalone PyTorch script that reproduces the run.

Everything here returns text; the `write_*` functions write it atomically (a failed write leaves any previous file
intact).  Only `pytorch_script` needs torch (to reproduce the app's validation split), and imports it when called.
The script itself is written by core.scripts (the line and the quadratic, as chapter 5 writes them) and
core.scripts_network (the networks of chapter 6).
"""

from __future__ import annotations

import json
import math
import os

import numpy as np

from thermogui.core.atomic import atomic_write_text
from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.numbers import fmt_exact, json_clean
from thermogui.core.scripts import linear_model_script
from thermogui.core.scripts_network import network_script

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
    from thermogui.core.training import prepare

    prep = prepare(config, data)  # validates, and gives the split and normalization exactly as the app uses them
    if _is_network(_model(config)):
        return network_script(config, data, prep)
    return linear_model_script(config, data, prep)


def _is_network(m) -> bool:
    from thermogui.core.models import NetworkModel

    return isinstance(m, NetworkModel)


def write_pytorch_script(path: str | os.PathLike, config: TrainConfig, data: Dataset) -> None:
    """Write the script atomically and make it executable (where the platform allows)."""
    atomic_write_text(path, pytorch_script(config, data))
    try:
        mode = os.stat(path).st_mode
        os.chmod(path, mode | ((mode & 0o444) >> 2))  # +x wherever there is +r
    except OSError:
        pass
