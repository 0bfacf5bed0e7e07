"""A run's result as plain data (for `thermogui fit --json`, sessions and exports)."""

from __future__ import annotations

from thermogui.core.analysis import least_squares, metrics, stability
from thermogui.core.dataset import Dataset
from thermogui.core.numbers import json_clean
from thermogui.core.training import Prepared, TrainConfig, TrainOutcome, prepare

finite_or_none = json_clean  # old name: JSON has no inf/nan, so they are written as null


def summarize(config: TrainConfig, data: Dataset, outcome: TrainOutcome, prep: Prepared | None = None) -> dict:
    prep = prep or prepare(config, data)
    t_u, t_c = data.active()
    tr, va = prep.train_index, prep.val_index
    ls = least_squares(t_u[tr], t_c[tr])
    st = stability(prep.x.double().numpy())

    def m(idx):
        q = metrics(t_u[idx], t_c[idx], outcome.w, outcome.b)
        return {"rmse": q.rmse, "mae": q.mae, "r2": q.r2, "n": q.n}

    out = {
        "stop_reason": outcome.stop_reason.value,
        "epochs_run": outcome.epochs_run,
        "stop_epoch": outcome.stop_epoch,
        "last_finite_epoch": outcome.last_finite_epoch,
        "last_finite_loss": outcome.last_finite_loss,
        "loss": outcome.loss,
        "val_loss": outcome.val_loss,
        "final_loss": outcome.final_loss,
        "w": outcome.w,
        "b": outcome.b,
        "w_model": outcome.w_model,
        "b_model": outcome.b_model,
        "lstsq": {"w": ls.w, "b": ls.b, "loss": ls.loss},
        "lr_stable_max": st.lr_max,
        "condition_number": st.condition,
        "metrics": m(tr),
        "val_metrics": m(va) if len(va) else None,
        "normalization": {"kind": prep.norm.kind, "offset": prep.norm.offset, "factor": prep.norm.factor},
    }
    return json_clean(out)
