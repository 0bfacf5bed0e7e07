"""The loss as geometry, a line placed by hand, a look back at an earlier epoch and the law behind the readings — the
numbers the fit plot's teaching views show (no Qt here).

- Residuals: each reading's t_p − t_c at the parameters shown, and the mean of their squares (the MSE) over the
  training readings; `square_rects` lays each squared residual out as a square beside its residual (side |r| in °C,
  its width converted to °F by the view's aspect so it looks square).
- "My line": the line through two points, its loss on the training readings, and the start values (model units)
  that make a run start from it.
- Rewind: the recorded History row nearest to an epoch, and the start values that continue a run from it.
- The law: the readings' unknown unit behaves like °F, t_c = (t_u − 32)·5/9.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.config import ConfigError, EpochResult, Normalization, TrainConfig
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.errors import UserError
from thermogui.core.fields import BY_NAME
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg

# The models' labels (core.models' `label`), marked for the messages that name a model; `model_label` gives one as a
# Text the window shows in the UI language.  ("nn.Linear(1, 1)" is code: it reads the same in every language.)
MODEL_LABELS = (
    QT_TRANSLATE_NOOP("core", "straight line"),
    QT_TRANSLATE_NOOP("core", "quadratic"),
    QT_TRANSLATE_NOOP("core", "network"),
)


def model_label(model) -> Text:
    """A model's label ("straight line", "quadratic", …) as a translatable Text."""
    return msg(model.label, "core")


# --- the law behind the data ----------------------------------------------------------------------------------------
FAHRENHEIT_ZERO = 32.0  # °F at 0 °C
FAHRENHEIT_SLOPE = 5.0 / 9.0  # °C per °F
LAW_PARAMS_RAW = (FAHRENHEIT_SLOPE, -FAHRENHEIT_ZERO * FAHRENHEIT_SLOPE)  # the law as a line (w, b) on raw t_u


def fahrenheit_law(t_u) -> np.ndarray:
    """The exact °F → °C law, t_c = (t_u − 32)·5/9."""
    return (np.asarray(t_u, dtype=np.float64) - FAHRENHEIT_ZERO) * FAHRENHEIT_SLOPE


def law_points(x0: float, x1: float) -> tuple[np.ndarray, np.ndarray]:
    """The law drawn over [x0, x1]: its two end points (it is a straight line)."""
    xs = np.array([float(x0), float(x1)])
    return xs, fahrenheit_law(xs)


@dataclass(frozen=True)
class LawComparison:
    n_train: int  # the training readings
    law_loss: float  # the law's mean squared error on them
    best_loss: float  # the least-squares line's (nan when it has none)


def law_comparison(config: TrainConfig, data: Dataset) -> LawComparison | None:
    """The exact law and the best straight line, each scored on the training readings (None when there are none to
    score on)."""
    from thermogui.core.analysis import least_squares

    try:
        t_u, t_c, _ = _training(config, data)
    except (ConfigError, DataError):
        return None
    r = fahrenheit_law(t_u) - t_c
    try:
        best = least_squares(t_u, t_c).loss
    except DataError:
        best = math.nan
    return LawComparison(len(t_u), float(r @ r / len(r)), float(best))


def law_sentence(comparison: LawComparison | None) -> Text:
    """One sentence on why the fit is not the law (a Text: the window shows it in the UI language)."""
    from thermogui.core.numbers import fmt_num

    if comparison is None:
        return msg(
            QT_TRANSLATE_NOOP(
                "core",
                "The fit differs from the exact law because the readings are noisy and few: it minimises the squared "
                "error on these readings, not the distance to the true law.",
            ),
            "core",
        )
    return msg(
        QT_TRANSLATE_NOOP(
            "core",
            "The fit differs from the exact law because the readings are noisy and there are only {n} of them: it "
            "minimises the squared error on these readings (the law's MSE on them is {law}, the best line's {best}), "
            "not the distance to the true law.",
        ),
        "core",
        n=str(comparison.n_train),
        law=fmt_num(comparison.law_loss, 2),
        best=fmt_num(comparison.best_loss, 2),
    )


# --- residuals and their squares -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Residuals:
    """The included readings' residuals at some parameters (raw units); `train` marks those trained on (the rest are
    validation readings, which the MSE leaves out)."""

    t_u: np.ndarray
    t_c: np.ndarray
    t_p: np.ndarray  # the model's prediction
    r: np.ndarray  # t_p − t_c
    train: np.ndarray  # bool

    @property
    def squares(self) -> np.ndarray:
        with np.errstate(over="ignore"):
            return self.r * self.r

    @property
    def n_train(self) -> int:
        return int(np.count_nonzero(self.train))

    @property
    def mse(self) -> float:
        """The mean of the training readings' squared residuals: the loss at these parameters (nan without any)."""
        sq = self.squares[self.train]
        return float(sq.mean()) if sq.size else math.nan


def residuals(model, params_raw, data: Dataset, val=None) -> Residuals:
    """Residuals t_p − t_c of `model` (core.models; None: the line) with raw-unit parameters on the included readings
    of `data`; `val` (a mask over all rows; default: the readings marked as validation readings) are the validation
    readings, left out of the MSE."""
    from thermogui.core.models import LINE

    model = LINE if model is None else model
    inc = np.asarray(data.include, bool)
    val = np.asarray(data.val if val is None or len(val) != len(data) else val, bool)
    t_u = np.asarray(data.t_u, np.float64)[inc]
    t_c = np.asarray(data.t_c, np.float64)[inc]
    p = np.asarray(params_raw, np.float64)
    with np.errstate(all="ignore"):
        t_p = model.predict(t_u, p) if len(p) == model.size else np.full_like(t_u, math.nan)
        r = t_p - t_c
    return Residuals(t_u, t_c, t_p, r, ~val[inc])


def square_rects(t_u, t_c, r, aspect: float) -> np.ndarray:
    """Each squared residual as a square (x, y, width, height) in data coordinates: its left side is the residual
    (from t_c to t_c + r at x = t_u), its height |r| in °C, its width |r|·aspect in t_u units, where `aspect` is the
    view's t_u units per °C on screen — so it looks square."""
    t_u, t_c, r = (np.asarray(v, np.float64) for v in (t_u, t_c, r))
    side = np.abs(r)
    return np.stack([t_u, np.minimum(t_c, t_c + r), side * float(aspect), side], axis=1).reshape(-1, 4)


def square_areas(rects: np.ndarray, aspect: float) -> np.ndarray:
    """The squares' areas in °C² (their width converted back from t_u units): each is its residual squared."""
    rects = np.asarray(rects, np.float64).reshape(-1, 4)
    return rects[:, 2] / float(aspect) * rects[:, 3]


# --- my line ---------------------------------------------------------------------------------------------------------
class NoStartValues(UserError):
    """These parameters cannot be the start values of a run of the chosen model (the reason says why)."""


def line_through(p1, p2) -> tuple[float, float]:
    """(w, b) of the line through two points (t_u, t_c); NoStartValues when they are above each other."""
    (x1, y1), (x2, y2) = ((float(a), float(b)) for a, b in (p1, p2))
    if not x1 != x2:
        raise NoStartValues(
            msg(
                QT_TRANSLATE_NOOP("core", "the two handles are above each other: move one sideways to define a line"),
                "core",
            )
        )
    w = (y2 - y1) / (x2 - x1)
    return w, y1 - w * x1


def _training(config: TrainConfig, data: Dataset):
    from thermogui.core.problem import training_data

    return training_data(config, data)


def line_loss(config: TrainConfig, data: Dataset, w_raw: float, b_raw: float) -> float:
    """The loss (mean squared error, float64) of the line t_c = w_raw·t_u + b_raw on the training readings of a run of
    `config` on `data`.  Raises ConfigError or DataError when no run could start on them."""
    t_u, t_c, _ = _training(config, data)
    with np.errstate(all="ignore"):
        r = float(w_raw) * t_u + float(b_raw) - t_c
        return float(r @ r / len(r))


START_FIELDS = {  # the start-value fields of each model that has them, in its parameter order
    "line": ("init_w", "init_b"),
    "linear-module": ("init_w", "init_b"),
    "quadratic": ("init_w2", "init_w", "init_b"),
}
NETWORK_HAS_NO_START = msg(
    QT_TRANSLATE_NOOP(
        "core",
        "the network starts from its seeded random weights: it has no start values to set (choose the line, the "
        "quadratic or nn.Linear(1, 1))",
    ),
    "core",
)


def _powers(model) -> tuple[int, ...] | None:
    """The powers of t_u a polynomial model's parameters multiply (the line's (1, 0)); None for a network."""
    powers = getattr(model, "powers", None)
    if powers is not None:
        return tuple(powers)
    if getattr(model, "hidden", None) == 0:  # nn.Linear(1, 1): weight·x + bias
        return (1, 0)
    return None


def raw_to_model(powers, raw, offset: float = 0.0, factor: float = 1.0) -> np.ndarray:
    """The inverse of LinearModel.to_raw: coefficients on x = (t_u − offset)·factor of the polynomial whose raw
    coefficients (of t_u ** powers) are `raw`.  For the line it is Normalization.to_model: (w/factor, b + w·offset);
    a raw coefficient of 0 stays exactly 0."""
    coef = dict(zip(powers, (float(v) for v in raw)))
    out = []
    for j in powers:
        # t_u = x/factor + offset: a_k·t_u^k = a_k·Σ_j C(k, j)·x^j / factor^j · offset^(k − j)
        out.append(
            sum(a * math.comb(k, j) * offset ** (k - j) for k, a in coef.items() if k >= j) / factor**j
            if j
            else sum(a * offset**k if k else a for k, a in coef.items())
        )
    return np.array(out, dtype=np.float64)


def start_values(config: TrainConfig, data: Dataset, source, params_raw, params_model=None, source_norm=None) -> dict:
    """The start values (field name -> value, model units) that make a run of `config` on `data` start from the
    model `source` with these raw-unit parameters: the same curve.  With `params_model` in the normalization
    `source_norm` equal to the run's own (and the same model) they are used as they are, digit for digit.  A line
    starts the quadratic with w2 = 0.  NoStartValues (why) when the curve cannot be a start of config's model: the
    network (no start values), a t_u² term the model lacks, parameters that are not finite or out of range."""
    from thermogui.core.models import model_of

    target = model_of(config)
    fields = START_FIELDS.get(config.model)
    if fields is None:
        raise NoStartValues(NETWORK_HAS_NO_START)
    source_powers = _powers(source)
    if source_powers is None:
        raise NoStartValues(
            msg(
                QT_TRANSLATE_NOOP("core", "a network's weights cannot be the start of the {model}"),
                "core",
                model=model_label(target),
            )
        )
    p_raw = np.asarray(params_raw, np.float64)
    if not np.isfinite(p_raw).all():
        raise NoStartValues(
            msg(
                QT_TRANSLATE_NOOP(
                    "core", "these parameters are no longer finite: pick an earlier epoch, before the run blew up"
                ),
                "core",
            )
        )
    powers = _powers(target)
    coef = dict(zip(source_powers, p_raw))
    lacking = [k for k, a in coef.items() if k not in powers and a != 0]
    if lacking:
        raise NoStartValues(
            msg(
                QT_TRANSLATE_NOOP("core", "the {model} has no t_u² term to start from: choose the model {source}"),
                "core",
                model=model_label(target),
                source=model_label(source),
            )
        )
    _, _, norm = _training(config, data)
    if params_model is not None and source_powers == powers and source_norm is not None and source_norm == norm:
        p = np.asarray(params_model, np.float64)
    else:
        p = raw_to_model(powers, [coef.get(k, 0.0) for k in powers], norm.offset, norm.factor)
    values = {}
    for name, v in zip(fields, p):
        try:
            values[name] = BY_NAME[name].check(float(v))
        except ConfigError as e:
            raise NoStartValues(
                msg(QT_TRANSLATE_NOOP("core", "{reason}: the run cannot start there"), "core", reason=e.text)
            ) from None
    return values


def start_from_line(config: TrainConfig, data: Dataset, w_raw: float, b_raw: float) -> dict:
    """The start values that make a run of `config` start from the line t_c = w_raw·t_u + b_raw (the quadratic with
    w2 = 0); see start_values."""
    from thermogui.core.models import LINE

    return start_values(config, data, LINE, (w_raw, b_raw))


def normalization_of(config: TrainConfig, data: Dataset) -> Normalization | None:
    """The normalization a run of config on data trains with (None when it could not start)."""
    try:
        return _training(config, data)[2]
    except (ConfigError, DataError):
        return None


def continue_values(config: TrainConfig, data: Dataset, run_config: TrainConfig, run_data: Dataset, row) -> dict:
    """The start values that continue the run (`run_config` on `run_data`) from History row `row` (an EpochResult:
    the parameters after that epoch's update) with the settings `config` on `data`.  With the run's model and
    normalization they are the row's own parameters, so the new run's first loss is the run's next epoch's loss."""
    from thermogui.core.models import model_of

    return start_values(
        config,
        data,
        model_of(run_config),
        row.params_raw,
        params_model=row.params,
        source_norm=normalization_of(run_config, run_data),
    )


# --- rewind ----------------------------------------------------------------------------------------------------------
def nearest_epoch(rows: np.ndarray, latest: EpochResult | None, epoch: float) -> tuple[EpochResult, bool] | None:
    """The recorded row nearest to `epoch` among History rows (a thinned run keeps every k-th epoch) and the latest
    epoch, as (EpochResult, exact: it is that epoch); None when nothing is recorded."""
    rows = np.asarray(rows, np.float64)
    if latest is not None and (not len(rows) or rows[-1, 0] != latest.epoch):
        rows = np.vstack([rows.reshape(-1, len(latest)), np.asarray(latest, np.float64)])
    if not len(rows) or not math.isfinite(epoch):
        return None
    target = int(round(float(epoch)))
    i = int(np.argmin(np.abs(rows[:, 0] - target)))
    row = rows[i]
    return EpochResult(int(row[0]), *(float(v) for v in row[1:])), int(row[0]) == target


def rows_until(rows: np.ndarray, row: EpochResult, max_points: int) -> np.ndarray:
    """The recorded rows up to `row`'s epoch, ending with `row` itself (the path drawn up to an epoch looked back
    at), evenly decimated to at most about `max_points`."""
    rows = np.asarray(rows, np.float64).reshape(-1, len(row))
    rows = rows[rows[:, 0] < row.epoch]
    n = len(rows)
    if n >= max_points:
        idx = np.arange(0, n, -(-n // max(max_points - 1, 1)))
        rows = rows[idx]
    return np.vstack([rows, np.asarray(row, np.float64)])


def next_recorded(rows: np.ndarray, latest: EpochResult | None, epoch: int, step: int) -> EpochResult | None:
    """The recorded row just after (step > 0) or before (step < 0) `epoch` (the arrow keys step through a run);
    None past either end."""
    rows = np.asarray(rows, np.float64)
    if latest is not None and (not len(rows) or rows[-1, 0] != latest.epoch):
        rows = np.vstack([rows.reshape(-1, len(latest)), np.asarray(latest, np.float64)])
    if not len(rows):
        return None
    epochs = rows[:, 0]
    idx = np.flatnonzero(epochs > epoch) if step > 0 else np.flatnonzero(epochs < epoch)
    if not len(idx):
        return None
    row = rows[idx[0] if step > 0 else idx[-1]]
    return EpochResult(int(row[0]), *(float(v) for v in row[1:]))
