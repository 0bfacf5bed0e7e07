"""What a run will train on, computed once in the core for everyone who shows it: the training/validation split,
the normalization fitted on the training readings, the start line in raw units and the stable-rate bound.

The window draws the start line and the rate bound from here, so it always shows what Start will run (with a
validation split, z-score statistics come from the training readings only, exactly as in `training.prepare`).
torch is imported only when a validation split needs its seeded shuffle.
"""

from __future__ import annotations

import math

import numpy as np

from thermogui.core.config import ConfigError, Normalization, TrainConfig
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg


def split_indices(n: int, val_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle with a seeded torch.randperm (as the book does) and hold out int(fraction * n), at least 1."""
    if val_fraction <= 0:
        return np.arange(n), np.arange(0)
    n_val = max(1, int(val_fraction * n))
    if n - n_val < 2:
        raise ConfigError(
            msg(
                QT_TRANSLATE_NOOP(
                    "core",
                    "a validation fraction of {fraction} leaves {left} of {n} readings to train on; at least 2 are "
                    "needed: lower the fraction or add readings",
                ),
                "core",
                fraction=f"{val_fraction:g}",
                left=str(n - n_val),
                n=str(n),
            )
        )
    import torch

    perm = torch.randperm(n, generator=torch.Generator().manual_seed(int(seed))).numpy()
    return np.sort(perm[n_val:]), np.sort(perm[:n_val])


def split(config: TrainConfig, data: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """Indices into the included readings: (training, validation).  The readings the user marked as validation
    readings when there are any (the book prints its split), else the seeded random choice of `val_fraction`."""
    n = data.n_active
    if data.marks_val:
        marked = data.active_val()
        tr, va = np.flatnonzero(~marked), np.flatnonzero(marked)
        if len(tr) < 2:
            raise DataError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{marked} of the {n} included readings are marked as validation readings, which leaves {left} "
                        "to train on; at least 2 are needed: unmark some",
                    ),
                    "core",
                    marked=str(len(va)),
                    n=str(n),
                    left=str(len(tr)),
                )
            )
        return tr, va
    return split_indices(n, config.val_fraction, config.seed)


def readings_equal() -> str:
    """The refusal when the training readings' t_u do not differ (or not by enough to compute with)."""
    return msg(
        QT_TRANSLATE_NOOP(
            "core", "all training t_u readings are equal (or too close to tell apart), so no line can be fitted"
        ),
        "core",
    )


def training_data(config: TrainConfig, data: Dataset) -> tuple[np.ndarray, np.ndarray, Normalization]:
    """The training readings (t_u, t_c, raw) and the normalization a run fits on them.  Raises ConfigError or
    DataError when a run could not start on them."""
    t_u, t_c = data.active()
    if len(t_u) < 2:
        raise DataError(msg(QT_TRANSLATE_NOOP("core", "add at least 2 readings with different t_u"), "core"))
    tr, _ = split(config, data)
    t_u, t_c = t_u[tr], t_c[tr]
    dx = t_u - t_u.mean()
    if not float(dx @ dx) > 0:  # (the least-squares criterion: spreads below ~1e-154 square to 0)
        raise DataError(readings_equal())
    return t_u, t_c, Normalization.fit(config, t_u)


def training_inputs(config: TrainConfig, data: Dataset) -> tuple[np.ndarray, Normalization]:
    t_u, _, norm = training_data(config, data)
    return t_u, norm


def least_squares_line(config: TrainConfig, data: Dataset):
    """The exact answer gradient descent walks towards: least squares on the training readings (None if none)."""
    from thermogui.core.analysis import least_squares

    try:
        t_u, t_c, _ = training_data(config, data)
    except (ConfigError, DataError):
        return None
    return least_squares(t_u, t_c)


def model_x(config: TrainConfig, data: Dataset) -> np.ndarray:
    """The training inputs in model units, float32 as the run computes them (for the stable-rate bound)."""
    t_u, norm = training_inputs(config, data)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # (inf or nan: the callers look for them)
        x = np.asarray(t_u, dtype=np.float32)
        if norm.kind == "scale":
            return x * np.float32(norm.factor)
        if norm.kind == "zscore":
            return (x - np.float32(norm.offset)) / np.float32(norm.std)
        return x


def model_inputs(norm: Normalization, t_u) -> np.ndarray:
    """Raw readings in model units, float64 (the fast path and the exact answers)."""
    x = np.asarray(t_u, dtype=np.float64)
    if norm.kind == "scale":
        return x * norm.factor
    if norm.kind == "zscore":
        return (x - norm.offset) / norm.std
    return x


def least_squares_params(config: TrainConfig, data: Dataset):
    """The exact least-squares answer of the chosen model on the training readings, as (params in model units,
    params in raw units, loss); None when it cannot be computed (the data cannot be fitted, or not uniquely, or the
    model — a network — has no exact answer).  nn.Linear(1, 1) is the line: its answer is the line's."""
    from thermogui.core.models import LINE, is_linear, model_of

    m = model_of(config)
    if config.model == "linear-module":
        m = LINE
    elif not is_linear(m):
        return None
    try:
        t_u, t_c, norm = training_data(config, data)
        p, loss = m.least_squares(model_inputs(norm, t_u), t_c)
    except (ConfigError, DataError, ValueError, np.linalg.LinAlgError):
        return None
    return p, m.to_raw(p, norm.offset, norm.factor), loss


def start_params_raw(config: TrainConfig, data: Dataset) -> np.ndarray:
    """The run's start values as the model's coefficients in raw units (nan when the data cannot be fitted); for the
    network the seeded module's parameters (builds it: imports torch)."""
    from thermogui.core.models import is_linear, model_of

    m = model_of(config)
    try:
        _, norm = training_inputs(config, data)
    except (ConfigError, DataError):
        return np.full(m.size, math.nan)
    if is_linear(m) or config.model == "linear-module":
        return m.to_raw(config.start_params(), norm.offset, norm.factor)
    module = m.start_module(config)
    p = np.concatenate([q.detach().double().numpy().reshape(-1) for q in module.parameters()])
    return m.to_raw(p, norm.offset, norm.factor)


def start_line(config: TrainConfig, data: Dataset) -> tuple[float, float]:
    """The run's start (config.init_w, init_b) as a line in raw units; (nan, nan) when the data cannot be fitted."""
    try:
        _, norm = training_inputs(config, data)
    except (ConfigError, DataError):
        return math.nan, math.nan
    return norm.to_raw(config.init_w, config.init_b)
