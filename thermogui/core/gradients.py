"""Look inside a fit: the gradient three ways with the chain rule for one point, and the finished calibration —
residuals, outliers, and converting readings to °C and back with an uncertainty.

The gradient: `gradient_report` is the line's, as the book presents it (dL/dw, dL/db); `model_gradient_report` does
the same per parameter for any model linear in its parameters (the quadratic: dL/dw2, dL/dw1, dL/db, with
dt_p/dw2 = x²); `report_for` picks the one for a configuration.  A model not linear in its parameters gets
core.landscape.NotAvailable with the reason.

Conventions (shown in the UI too):
- residual = measured t_c − fitted t_p, in °C (positive: the reading lies above the line);
- spread = RMS of the *training* residuals, sqrt(mean(residual²)) = √(training loss) at the fitted line.  It is the
  "±" of the calibration (one typical error, not 2σ) and the yardstick for outliers;
- outlier = a reading whose |residual| is more than 2 × spread (with few readings one outlier inflates the spread
  itself: with N readings no residual can exceed √N × spread, so with 4 or fewer readings nothing is flagged).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.config import Normalization, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.errors import UserError
from thermogui.core.numbers import MINUS
from thermogui.core.numbers import fmt_trim as num
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

OUTLIER_SPREADS = 2.0  # |residual| > OUTLIER_SPREADS x spread marks an outlier
AGREE_REL = 1e-4  # gradients "agree" when they differ by at most this fraction of the larger one ...
AGREE_TERMS = 1e-5  # ... or by at most this fraction of sum(|per-point terms|) (float32 rounding of the sum)


# --- the gradient, three ways -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Difference:
    """One pair of methods: a − b for dL/dw and dL/db, absolute and relative (|a − b| / max(|a|, |b|); 0 if both 0)."""

    first: str
    second: str
    abs_w: float
    abs_b: float
    rel_w: float
    rel_b: float
    agree: bool  # within AGREE_REL relative, or AGREE_TERMS of the summed terms' size, in both components


@dataclass(frozen=True)
class PointPieces:
    """The chain rule for training point `index` (0-based into the training inputs; `row` is the dataset row)."""

    index: int
    row: int
    n: int  # number of training points (the N in the mean)
    t_u: float  # raw reading
    x: float  # the reading in model units, x = normalization(t_u)
    t_c: float
    t_p: float  # w x + b
    dloss_dtp: float  # 2 (t_p − t_c) / N
    dtp_dw: float  # = x
    dtp_db: float  # = 1
    contrib_w: float  # dloss_dtp * x
    contrib_b: float  # dloss_dtp * 1


@dataclass(frozen=True)
class GradientReport:
    w: float  # model units
    b: float
    loss: float
    manual: tuple[float, float]  # (dL/dw, dL/db) by the hand-derived chain rule (float32, as training does)
    autograd: tuple[float, float]  # by torch autograd (float32)
    finite_difference: tuple[float, float]  # central difference in float64
    differences: tuple[Difference, ...]  # manual−autograd, manual−finite difference, autograd−finite difference
    norm: Normalization  # how the model input x is made from t_u
    n: int
    term_scale: tuple[float, float]  # sum over points of |contribution| for w and for b
    point: PointPieces | None

    @property
    def agree(self) -> bool:
        return all(d.agree for d in self.differences)


def _rel(a: float, b: float) -> float:
    big = max(abs(a), abs(b))
    if not math.isfinite(big):
        return math.nan
    return abs(a - b) / big if big > 0 else 0.0


def _difference(first, second, ga, gb, scale) -> Difference:
    aw, ab = ga[0] - gb[0], ga[1] - gb[1]
    rw, rb = _rel(ga[0], gb[0]), _rel(ga[1], gb[1])
    ok = all(
        math.isfinite(d) and (rel <= AGREE_REL or abs(d) <= AGREE_TERMS * s)
        for d, rel, s in ((aw, rw, scale[0]), (ab, rb, scale[1]))
    )
    return Difference(first, second, aw, ab, rw, rb, ok)


def gradient_report(config: TrainConfig, data: Dataset, w: float, b: float, point: int | None = None) -> GradientReport:
    """The gradient at model-unit (w, b) on the training inputs, computed three ways, and the chain-rule pieces of
    training point `point` (0-based).  Raises ConfigError / DataError (ValueErrors) when no run could start, and
    IndexError for a point out of range."""
    import torch

    from thermogui.core.model import autograd_gradient, finite_difference_gradient, manual_gradient
    from thermogui.core.training import prepare

    prep = prepare(config, data)
    x, y = prep.x, prep.y
    n = int(x.size(0))
    params = torch.tensor([w, b], dtype=torch.float32)
    with torch.no_grad():
        loss, g_manual = manual_gradient(x, y, params)
    _, g_auto = autograd_gradient(x, y, params)
    g_fd = finite_difference_gradient(x, y, params)
    manual = tuple(g_manual.tolist())
    auto = tuple(g_auto.tolist())
    fd = tuple(g_fd.tolist())
    pw, pb = params.tolist()  # (w, b) as float32, what the three methods actually used
    with torch.no_grad():
        t_p = x * pw + pb
        dloss_dtp = 2 * (t_p - y) / n
        contrib_w = dloss_dtp * x  # the per-point terms grad_fn sums
        scale = (float(contrib_w.abs().sum()), float(dloss_dtp.abs().sum()))
    diffs = (
        _difference("by hand", "autograd", manual, auto, scale),
        _difference("by hand", "finite difference", manual, fd, scale),
        _difference("autograd", "finite difference", auto, fd, scale),
    )
    pieces = None
    if point is not None:
        if not 0 <= point < n:
            raise IndexError(f"point {point + 1} does not exist: there are {n} training readings")
        t_u_active, t_c_active = data.active()
        active_rows = np.flatnonzero(data.include)
        i_active = int(prep.train_index[point])
        xi, tpi, di = float(x[point]), float(t_p[point]), float(dloss_dtp[point])
        pieces = PointPieces(
            point,
            int(active_rows[i_active]),
            n,
            float(t_u_active[i_active]),
            xi,
            float(y[point]),
            tpi,
            di,
            xi,
            1.0,
            float(contrib_w[point]),
            di,
        )
    return GradientReport(pw, pb, float(loss), manual, auto, fd, diffs, prep.norm, n, scale, pieces)


def report_for(config: TrainConfig, data: Dataset, params, point: int | None = None):
    """The gradient report for config's model at `params` (model units): the line's GradientReport (the book's
    presentation), another linear model's ModelGradientReport; NotAvailable for a model not linear in its
    parameters."""
    if config.model == "line":
        w, b = params
        return gradient_report(config, data, w, b, point)
    return model_gradient_report(config, data, params, point)


# --- words a learner can follow -------------------------------------------------------------------------------------


def _paren(v: float, decimals: int = 4) -> str:
    """Negative numbers in brackets where they follow an operator: 5 + (−17.3)."""
    s = num(v, decimals)
    return f"({s})" if s.startswith(MINUS) else s


# Words among the equations are core.tr.msg Texts (context "gradients"): English here, translated in the window.
def _tr(text: str, **values):
    return msg(text, "gradients", **values)


def normalization_text(norm) -> str:
    if norm.kind == "scale":
        return f"x = {num(norm.factor, 6)} × t_u"
    if norm.kind == "zscore":
        return f"x = (t_u − {num(norm.offset)}) / {num(norm.std)}"
    return _tr(QT_TRANSLATE_NOOP("gradients", "x = t_u (no normalization)"))


def _x_line(norm, p) -> str:
    """The chain rule's first line: how the point's x is made from its t_u."""
    if norm.kind == "scale":
        return f"x = {num(norm.factor, 6)} × t_u = {num(norm.factor, 6)} × {_paren(p.t_u)} = {num(p.x)}"
    if norm.kind == "zscore":
        return f"x = (t_u − mean) / std = ({num(p.t_u)} − {_paren(norm.offset)}) / {num(norm.std)} = {num(p.x)}"
    return _tr(QT_TRANSLATE_NOOP("gradients", "x = t_u = {x}  (no normalization)"), x=num(p.x))


def _contribution(name: str, value: str):
    """'contribution to dL/dw = dL/dt_p × dt_p/dw = …'."""
    return _tr(
        QT_TRANSLATE_NOOP("gradients", "contribution to dL/d{name} = dL/dt_p × dt_p/d{name} = {value}"),
        name=name,
        value=value,
    )


def _total(n: int, gradient: str):
    return _tr(
        QT_TRANSLATE_NOOP("gradients", "Adding the contributions of all {n} points gives the gradient: {gradient}"),
        n=str(n),
        gradient=gradient,
    )


def chain_rule_lines(report: GradientReport) -> list[str]:
    """The selected point's chain rule as equations with its numbers, ending with how the pieces add up."""
    p = report.point
    if p is None:
        return []
    w, b = report.w, report.b
    return [
        _x_line(report.norm, p),
        f"t_p = w · x + b = {num(w)} × {_paren(p.x)} + {_paren(b)} = {num(p.t_p)}",
        f"dL/dt_p = 2 (t_p − t_c) / N = 2 ({num(p.t_p)} − {_paren(p.t_c)}) / {p.n} = {num(p.dloss_dtp)}",
        f"dt_p/dw = x = {num(p.dtp_dw)},    dt_p/db = 1",
        _contribution("w", f"{num(p.dloss_dtp)} × {_paren(p.x)} = {num(p.contrib_w)}"),
        _contribution("b", f"{num(p.dloss_dtp)} × 1 = {num(p.contrib_b)}"),
        _total(p.n, f"dL/dw = {num(report.manual[0])}, dL/db = {num(report.manual[1])}"),
    ]


# --- the gradient three ways, for any model linear in its parameters ------------------------------------------------
@dataclass(frozen=True)
class Differences:
    """One pair of methods, per parameter: a − b, absolute and relative (|a − b| / max(|a|, |b|); 0 if both 0)."""

    first: str
    second: str
    abs: tuple[float, ...]
    rel: tuple[float, ...]
    agree: bool  # within AGREE_REL relative, or AGREE_TERMS of the summed terms' size, in every component


@dataclass(frozen=True)
class ModelPointPieces:
    """The chain rule for training point `index` of a model t_p = Σ_j p_j · x^k_j (0-based; `row`: dataset row)."""

    index: int
    row: int
    n: int
    t_u: float
    x: float
    t_c: float
    t_p: float  # the model at x
    dloss_dtp: float  # 2 (t_p − t_c) / N
    dtp: tuple[float, ...]  # dt_p/dp_j = x^k_j
    contrib: tuple[float, ...]  # dloss_dtp · dt_p/dp_j


@dataclass(frozen=True)
class ModelGradientReport:
    """The gradient of any model linear in its parameters at `params` (model units), three ways (float32 by hand and
    by autograd, as training computes it; float64 central differences)."""

    names: tuple[str, ...]  # the model's parameters, in its order
    powers: tuple[int, ...]  # parameter j multiplies x ** powers[j]
    params: tuple[float, ...]  # as float32: what the three methods used
    loss: float
    manual: tuple[float, ...]
    autograd: tuple[float, ...]
    finite_difference: tuple[float, ...]
    differences: tuple[Differences, ...]  # by hand − autograd, by hand − finite difference, autograd − finite diff.
    norm: Normalization
    n: int
    term_scale: tuple[float, ...]  # per parameter: sum over points of |contribution|
    point: ModelPointPieces | None
    model: str = "quadratic"

    @property
    def agree(self) -> bool:
        return all(d.agree for d in self.differences)

    def largest_rel(self, j: int) -> float:
        """The largest relative difference between two methods for parameter j."""
        vals = [d.rel[j] for d in self.differences]
        return math.nan if any(math.isnan(v) for v in vals) else max(vals)


def _differences(first, second, ga, gb, scale) -> Differences:
    absd = tuple(a - b for a, b in zip(ga, gb))
    rel = tuple(_rel(a, b) for a, b in zip(ga, gb))
    ok = all(math.isfinite(d) and (r <= AGREE_REL or abs(d) <= AGREE_TERMS * s) for d, r, s in zip(absd, rel, scale))
    return Differences(first, second, absd, rel, ok)


def model_gradient_report(config: TrainConfig, data: Dataset, params, point: int | None = None) -> ModelGradientReport:
    """The gradient of config's model (linear in its parameters) at `params` (model units, the model's order) on the
    training inputs, by hand (model.hand_gradient, the chain rule), by autograd and by central finite differences,
    and the chain-rule pieces of training point `point` (0-based).  Raises NotAvailable for a model not linear in its
    parameters, ConfigError / DataError when no run could start, IndexError for a point out of range."""
    import torch

    from thermogui.core.landscape import linear_model
    from thermogui.core.model import loss_fn
    from thermogui.core.training import prepare

    m = linear_model(config, "gradient inspector")
    p_in = [float(v) for v in params]
    if len(p_in) != m.size:
        raise ValueError(f"the {m.label} has {m.size} parameters ({', '.join(m.params)}), not {len(p_in)}")
    prep = prepare(config, data)
    x, y = prep.x, prep.y
    n = int(x.size(0))
    p32 = torch.tensor(p_in, dtype=torch.float32)
    with torch.no_grad():
        loss, g_manual = m.hand_gradient(x, y, p32)
    pa = p32.clone().requires_grad_(True)
    loss_fn(m.forward(x, pa), y).backward()
    g_auto = pa.grad.detach()
    # central differences in float64 on the float32 inputs: exact up to rounding for a loss quadratic in p
    xd, yd = x.double().numpy(), y.double().numpy()
    pd = p32.double().numpy()
    fd = []
    for j in range(m.size):
        d = 1e-3 * max(1.0, abs(float(pd[j])))
        hi, lo = pd.copy(), pd.copy()
        hi[j] += d
        lo[j] -= d
        fd.append((m.loss(xd, yd, hi) - m.loss(xd, yd, lo)) / (2.0 * d))
    manual, auto = tuple(g_manual.tolist()), tuple(g_auto.tolist())
    fd = tuple(float(v) for v in fd)
    with torch.no_grad():
        t_p = m.forward(x, p32)
        dloss_dtp = 2 * (t_p - y) / n
        terms = [dloss_dtp * x**k if k else dloss_dtp for k in m.powers]  # the per-point terms the sums add up
        scale = tuple(float(t.abs().sum()) for t in terms)
    diffs = (
        _differences("by hand", "autograd", manual, auto, scale),
        _differences("by hand", "finite difference", manual, fd, scale),
        _differences("autograd", "finite difference", auto, fd, scale),
    )
    pieces = None
    if point is not None:
        if not 0 <= point < n:
            raise IndexError(f"point {point + 1} does not exist: there are {n} training readings")
        t_u_active, _ = data.active()
        active_rows = np.flatnonzero(data.include)
        i_active = int(prep.train_index[point])
        xi = float(x[point])
        pieces = ModelPointPieces(
            point,
            int(active_rows[i_active]),
            n,
            float(t_u_active[i_active]),
            xi,
            float(y[point]),
            float(t_p[point]),
            float(dloss_dtp[point]),
            tuple(float(x[point] ** k) if k else 1.0 for k in m.powers),
            tuple(float(t[point]) for t in terms),
        )
    return ModelGradientReport(
        tuple(m.params),
        tuple(m.powers),
        tuple(p32.tolist()),
        float(loss),
        manual,
        auto,
        fd,
        diffs,
        prep.norm,
        n,
        scale,
        pieces,
        m.name,
    )


_SUP = {2: "²", 3: "³", 4: "⁴"}


def _term(name: str, k: int) -> str:
    """'w2 · x²', 'w1 · x', 'b'."""
    return name if k == 0 else f"{name} · x" + (_SUP.get(k, f"^{k}") if k > 1 else "")


def model_formula(names, powers) -> str:
    """t_p = w2 · x² + w1 · x + b."""
    return "t_p = " + " + ".join(_term(n, k) for n, k in zip(names, powers))


def _derivative(k: int) -> str:
    return "1" if k == 0 else "x" if k == 1 else "x" + _SUP.get(k, f"^{k}")


def model_chain_rule_lines(report: ModelGradientReport) -> list[str]:
    """The selected point's chain rule for any model linear in its parameters, with its numbers."""
    p = report.point
    if p is None:
        return []
    xline = _x_line(report.norm, p)

    def factor(i: int, v: float, k: int) -> str:  # "0.6121 × 3.57²", "(−1.1679) × 3.57", "(−1.3164)"
        coef = num(v) if i == 0 else _paren(v)
        return coef if k == 0 else f"{coef} × {_paren(p.x)}" + (_SUP.get(k, f"^{k}") if k > 1 else "")

    values = " + ".join(factor(i, v, k) for i, (v, k) in enumerate(zip(report.params, report.powers)))
    lines = [
        xline,
        f"{model_formula(report.names, report.powers)} = {values} = {num(p.t_p)}",
        f"dL/dt_p = 2 (t_p − t_c) / N = 2 ({num(p.t_p)} − {_paren(p.t_c)}) / {p.n} = {num(p.dloss_dtp)}",
        ",    ".join(
            f"dt_p/d{n} = {_derivative(k)}" + (f" = {num(d)}" if k else "")
            for n, k, d in zip(report.names, report.powers, p.dtp)
        ),
    ]
    for n, k, d, c in zip(report.names, report.powers, p.dtp, p.contrib):
        lines.append(_contribution(n, f"{num(p.dloss_dtp)} × " + (f"{_paren(d)} = {num(c)}" if k else f"1 = {num(c)}")))
    total = ", ".join(f"dL/d{n} = {num(g)}" for n, g in zip(report.names, report.manual))
    lines.append(_total(p.n, total))
    return lines


# --- the finished calibration --------------------------------------------------------------------------------------
class CalibrationError(UserError):
    """The fitted line cannot be used this way (not finite, or flat for the reverse direction)."""


def residuals(t_u, t_c, w_raw: float, b_raw: float) -> np.ndarray:
    """Measured minus fitted, in °C: t_c − (w_raw · t_u + b_raw)."""
    with np.errstate(all="ignore"):
        return np.asarray(t_c, float) - (w_raw * np.asarray(t_u, float) + b_raw)


def rms(values) -> float:
    v = np.asarray(values, float)
    return float(np.sqrt(np.mean(v * v))) if v.size else math.nan


@dataclass(frozen=True)
class Calibration:
    """t_c = w_raw · t_u + b_raw, with ± = `spread`, the RMS of the training residuals (one typical error, √loss)."""

    w_raw: float
    b_raw: float
    spread: float  # °C
    t_u_range: tuple[float, float]  # the training readings' range: outside it the line extrapolates

    def _check(self) -> None:
        if not (math.isfinite(self.w_raw) and math.isfinite(self.b_raw)):
            raise CalibrationError(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "gradients", "the fitted line is not finite (the run diverged), so it cannot convert readings"
                    )
                )
            )

    def to_celsius(self, t_u: float) -> tuple[float, float]:
        """(°C, ± °C) for a reading t_u."""
        self._check()
        if not math.isfinite(t_u):
            raise CalibrationError(
                _tr(QT_TRANSLATE_NOOP("gradients", "the reading {value} is not a finite number"), value=f"{t_u!r}")
            )
        return self.w_raw * t_u + self.b_raw, self.spread

    def to_reading(self, t_c: float) -> tuple[float, float]:
        """(t_u, ± in reading units) for a temperature t_c: the line inverted; ± is spread / |w_raw|."""
        self._check()
        if self.w_raw == 0:
            raise CalibrationError(
                _tr(
                    QT_TRANSLATE_NOOP(
                        "gradients",
                        "the fitted line is flat (w = 0): every reading gives the same °C, so a °C value "
                        "cannot be turned back into a reading",
                    )
                )
            )
        if not math.isfinite(t_c):
            raise CalibrationError(
                _tr(QT_TRANSLATE_NOOP("gradients", "the temperature {value} is not a finite number"), value=f"{t_c!r}")
            )
        return (t_c - self.b_raw) / self.w_raw, self.spread / abs(self.w_raw)

    def extrapolates(self, t_u: float) -> bool:
        lo, hi = self.t_u_range
        return not (lo <= t_u <= hi)


def calibration(t_u_train, t_c_train, w_raw: float, b_raw: float) -> Calibration:
    """The calibration of a fitted line, its ± measured on the training readings."""
    t_u_train = np.asarray(t_u_train, float)
    finite = math.isfinite(w_raw) and math.isfinite(b_raw)
    spread = rms(residuals(t_u_train, t_c_train, w_raw, b_raw)) if finite else math.nan
    rng = (float(t_u_train.min()), float(t_u_train.max())) if t_u_train.size else (math.nan, math.nan)
    return Calibration(float(w_raw), float(b_raw), spread, rng)


@dataclass(frozen=True)
class Outlier:
    index: int  # into the residuals given
    residual: float
    score: float  # |residual| / spread
    flagged: bool  # |residual| > OUTLIER_SPREADS x spread


def outliers(residuals, k: int = 3, spread: float | None = None, limit: float = OUTLIER_SPREADS) -> list[Outlier]:
    """The k largest |residuals|, largest first; each flagged as an outlier when |residual| > limit × spread.

    `spread` defaults to the RMS of the residuals given (pass the training RMS to judge validation readings by the
    same yardstick).  Non-finite residuals are left out.
    """
    r = np.asarray(residuals, float)
    idx = np.flatnonzero(np.isfinite(r))
    if spread is None:
        spread = rms(r[idx])
    order = idx[np.argsort(-np.abs(r[idx]), kind="stable")][: max(0, int(k))]
    out = []
    for i in order:
        a = abs(float(r[i]))
        score = a / spread if spread and math.isfinite(spread) and spread > 0 else math.nan
        out.append(Outlier(int(i), float(r[i]), score, bool(score > limit)))
    return out
