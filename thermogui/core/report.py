"""A run's result as plain data (for `thermogui fit --json`, sessions and exports).

Every model: `model`, its parameters by name in raw units (`params`) and in model units (`params_model`), the fit
metrics of its predictions and -- for a model linear in its parameters -- the least-squares answer, the stable-rate
bound and the condition number (null for a network).  The straight line (`line`, and `linear-module`, the same line
as nn.Linear(1, 1)) also keeps `w`, `b`, `w_model`, `b_model` and `lstsq.w`, `lstsq.b`, computed exactly as before
models existed.
"""

from __future__ import annotations

import math

import numpy as np

from thermogui.core.analysis import Metrics, least_squares, metrics, reference, stability, stability_of_hessian
from thermogui.core.dataset import Dataset
from thermogui.core.models import is_linear, model_of
from thermogui.core.numbers import json_clean
from thermogui.core.training import Prepared, TrainConfig, TrainOutcome, prepare

finite_or_none = json_clean  # old name: JSON has no inf/nan, so they are written as null

LINE_NAMES = ("w", "b")


def _metrics_of(pred: np.ndarray, t_c: np.ndarray) -> Metrics:
    """Fit quality of predictions `pred` of `t_c` (nan when a prediction is not finite or there are no points): the
    same formulas as analysis.metrics, for any model."""
    n = len(t_c)
    if n == 0 or not np.isfinite(pred).all():
        return Metrics(math.nan, math.nan, math.nan, n)
    with np.errstate(all="ignore"):
        r = pred - t_c
        ss_res = float(r @ r)
        dev = t_c - t_c.mean()
        ss_tot = float(dev @ dev)
        r2 = 1.0 - ss_res / ss_tot if ss_tot > 0 else math.nan
        return Metrics(math.sqrt(ss_res / n), float(np.abs(r).mean()), r2, n)


def summarize(config: TrainConfig, data: Dataset, outcome: TrainOutcome, prep: Prepared | None = None) -> dict:
    prep = prep or prepare(config, data)
    t_u, t_c = data.active()
    tr, va = prep.train_index, prep.val_index
    m = model_of(config)
    names = tuple(m.params)
    raw = tuple(float(v) for v in outcome.params)
    line = names == LINE_NAMES  # the line and nn.Linear(1, 1): today's keys, today's arithmetic
    x = prep.x.double().numpy()

    def quality(idx):
        if line:
            q = metrics(t_u[idx], t_c[idx], raw[0], raw[1])
        else:
            with np.errstate(all="ignore"):
                q = _metrics_of(np.asarray(m.predict(t_u[idx], raw), float), t_c[idx])
        return {"rmse": q.rmse, "mae": q.mae, "r2": q.r2, "n": q.n}

    if line:
        ls = least_squares(t_u[tr], t_c[tr])
        lstsq = {"w": ls.w, "b": ls.b, "loss": ls.loss}
        st = stability(x)
    elif is_linear(m):
        ref = reference(config, data)
        lstsq = None
        if ref is not None:
            lstsq = {"params": dict(zip(names, ref.params_raw)), "params_model": dict(zip(names, ref.params))}
            lstsq["loss"] = ref.loss
        st = stability_of_hessian(m.hessian(x))
    else:  # a network: no closed-form answer, no constant Hessian
        lstsq = st = None
    out = {
        "stop_reason": outcome.stop_reason.value,
        "epochs_run": outcome.epochs_run,
        "stop_epoch": outcome.stop_epoch,
        "last_finite_epoch": outcome.last_finite_epoch,
        "last_finite_loss": outcome.last_finite_loss,
        "loss": outcome.loss,
        "val_loss": outcome.val_loss,
        "final_loss": outcome.final_loss,
        "model": m.name,
    }
    if line:
        out.update({"w": raw[0], "b": raw[1], "w_model": outcome.params_model[0], "b_model": outcome.params_model[1]})
    if m.name == "mlp":
        out["hidden"] = m.hidden
    out.update(
        {
            "params": dict(zip(names, raw)),
            "params_model": dict(zip(names, (float(v) for v in outcome.params_model))),
            "lstsq": lstsq,
            "lr_stable_max": st.lr_max if st is not None else None,
            "condition_number": st.condition if st is not None else None,
            "metrics": quality(tr),
            "val_metrics": quality(va) if len(va) else None,
            "normalization": {"kind": prep.norm.kind, "offset": prep.norm.offset, "factor": prep.norm.factor},
        }
    )
    return json_clean(out)
