"""The teaching tools' costs: the 200 x 200 loss-landscape grid, and a learning-rate sweep (25 rates x 200 epochs)
against the bare book loop timed in the same run.

    .venv/bin/python benchmarks/bench_teaching.py [--n 200] [--rates 25] [--epochs 200] [--repeats 5]

Targets: the landscape well under 1 s (it is recomputed whenever the data, normalization or start leaves the window;
the panel's contour lines, computed by pyqtgraph when first painted, are timed too); the sweep's epochs/s close to
the bare loop (each run is a plain `core.training.train`).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from benchmarks.bench_core import time_bare  # noqa: E402
from thermogui.core.analysis import loss_grid, stability  # noqa: E402
from thermogui.core.dataset import Dataset  # noqa: E402
from thermogui.core.landscape import landscape, model_xy  # noqa: E402
from thermogui.core.sweep import log_lrs, lr_sweep  # noqa: E402
from thermogui.core.training import TrainConfig  # noqa: E402


def best_time(repeats: int, fn, *args):
    """(fastest wall time of `repeats` calls of fn(*args), the last result)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, result


def _contours(land) -> None:
    """What the panel's IsocurveItems compute when first painted: pyqtgraph's marching squares (pure Python)."""
    from pyqtgraph.functions import isocurve

    logs = np.log10(np.maximum(land.loss, 1e-300)).T
    for level in land.levels:
        isocurve(logs, math.log10(level), connected=True, extendToEdge=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="grid points per axis")
    ap.add_argument("--rates", type=int, default=25)
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    data = Dataset.book()

    print(f"landscape grid {args.n} x {args.n} (best of {args.repeats}; target well under 1000 ms)")
    for normalize in ("none", "scale", "zscore"):
        config = TrainConfig(normalize=normalize)
        first, _ = best_time(1, landscape, config, data, args.n)
        full, land = best_time(args.repeats, landscape, config, data, args.n)
        x, y, _ = model_xy(config, data)
        grid, _ = best_time(args.repeats, loss_grid, x, y, land.w_values, land.b_values)
        contours = best_time(3, _contours, land)[0]
        print(
            f"  {normalize:7s} landscape() {full * 1e3:7.2f} ms   (first call {first * 1e3:7.2f} ms; "
            f"loss_grid alone {grid * 1e3:6.2f} ms; the panel's {len(land.levels)} contour lines "
            f"{contours * 1e3:5.0f} ms)"
        )

    bare = max(time_bare(20_000) for _ in range(3))
    print(f"\nbare book loop               {bare:10.0f} epochs/s   1.00x")
    for label, config in (("sweep, t_u x 0.1", TrainConfig()), ("sweep, raw t_u", TrainConfig(normalize="none"))):
        x, _, _ = model_xy(config, data)
        bound = stability(x).lr_max
        lrs = log_lrs(bound / 300, bound * 3, args.rates)
        seconds, points = best_time(3, lr_sweep, config, data, lrs, args.epochs)
        epochs_run = sum(p.stop_epoch for p in points)  # diverged runs stop early
        diverged = sum(p.diverged for p in points)
        eps = epochs_run / seconds
        print(
            f"{label:28s} {eps:10.0f} epochs/s   {eps / bare:.2f}x   ({args.rates} rates x {args.epochs} epochs: "
            f"{seconds * 1e3:.0f} ms, {epochs_run:,} epochs run, {diverged} diverged)"
        )
    bare2 = max(time_bare(20_000) for _ in range(3))
    print(f"bare book loop (again)       {bare2:10.0f} epochs/s   {bare2 / bare:.2f}x  (run-to-run noise)")


if __name__ == "__main__":
    main()
