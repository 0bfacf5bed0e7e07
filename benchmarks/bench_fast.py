"""The fast exact path against the book's float32 loop, timed in the same run: 10^6 epochs of the chapter's quadratic
exercise, and the cost of an epoch from 11 to 10^6 readings.

    .venv/bin/python benchmarks/bench_fast.py [--epochs 1000000] [--repeats 3]

1. 10^6 epochs of t_c = w2·t_u² + w1·t_u + b (t_u × 0.1, lr 5e-4) by `core.training.train` on the fast path in
   closed-form chunks of 4096 epochs: compute seconds, and the ratio of its epochs/s to the book's float32 loop's
   (the bare loop of bench_core, and the core's own float32 quadratic).  Target: >= 30x (the issue's goal) and well
   under a second.
2. Per-epoch cost on N synthetic readings (N = 11, 10^3, 10^6): the sums XᵀX, Xᵀy, yᵀy are computed once (printed
   apart); after them an epoch of `core.fast.train_fast` (one epoch at a time) or of `gd_chunks` costs the same
   whatever N.  Per-epoch costs are slopes between a short and a long run, so the one-time cost drops out.  The
   book's float32 loop, which touches every reading every epoch, is shown for contrast.  Target: flat (the 10^6
   column within 2x of the 11 column).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from benchmarks.bench_core import time_bare  # noqa: E402
from thermogui.core.config import TrainConfig  # noqa: E402
from thermogui.core.dataset import Dataset  # noqa: E402
from thermogui.core.fast import epochs_to_converge, gd_chunks, train_fast  # noqa: E402
from thermogui.core.models import QUADRATIC  # noqa: E402
from thermogui.core.problem import least_squares_params  # noqa: E402
from thermogui.core.training import train  # noqa: E402

CHUNK = 4096
EXERCISE = TrainConfig(model="quadratic", arith="fast", normalize="scale", lr=5e-4)


def best_time(repeats: int, fn, *args):
    """(fastest wall time of `repeats` calls of fn(*args), the last result)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, result


def drain(gen):
    """Run a training generator to its end; its return value."""
    while True:
        try:
            next(gen)
        except StopIteration as done:
            return done.value


def fast_exercise(epochs: int):
    return drain(train(EXERCISE.with_(epochs=epochs), Dataset.book(), chunk=CHUNK))


def book_quadratic(epochs: int):
    return drain(train(EXERCISE.with_(arith="book", epochs=epochs), Dataset.book()))


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n readings like the book's: t_u in 20..90, t_c = (t_u − 32)/1.8 + noise; model inputs x = 0.1·t_u."""
    rng = np.random.default_rng(seed)
    t_u = rng.uniform(20.0, 90.0, n)
    t_c = (t_u - 32.0) / 1.8 + rng.normal(0.0, 1.5, n)
    return 0.1 * t_u, t_c


def per_epoch(repeats: int, run, short: int, long: int) -> float:
    """Seconds per epoch: the slope between a short and a long run (one-time costs drop out)."""
    t_short, _ = best_time(repeats, run, short)
    t_long, _ = best_time(repeats, run, long)
    return max(t_long - t_short, 0.0) / (long - short)


def book_loop_per_epoch(x: np.ndarray, y: np.ndarray, lr: float, epochs: int) -> float:
    """Seconds per epoch of the book's float32 loop (hand-made gradient) for the quadratic on these readings."""
    xt, yt = torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)
    params = torch.tensor([0.0, 1.0, 0.0])
    t0 = time.perf_counter()
    for _ in range(epochs):
        _, grad = QUADRATIC.hand_gradient(xt, yt, params)
        params = params - lr * grad
    return (time.perf_counter() - t0) / epochs


def fmt_s(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:8.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:8.2f} µs"
    return f"{seconds * 1e9:8.1f} ns"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    r = args.repeats

    # --- 1. 10^6 epochs of the exercise ------------------------------------------------------------------------------
    bare = max(time_bare(20_000) for _ in range(r))
    t_book, _ = best_time(r, book_quadratic, 20_000)
    book_q = 20_000 / t_book
    t_fast, outcome = best_time(r, fast_exercise, args.epochs)
    fast = args.epochs / t_fast
    _, _, best = least_squares_params(EXERCISE, Dataset.book())
    print(f"{args.epochs:,} fast epochs of the quadratic (chunks of {CHUNK}, book data, t_u x 0.1, lr 5e-4)")
    print(f"  bare book loop (line, float32)    {bare:12,.0f} epochs/s   1.0x")
    print(f"  core book float32, quadratic      {book_q:12,.0f} epochs/s   {book_q / bare:.2f}x")
    print(
        f"  core fast path, quadratic         {fast:12,.0f} epochs/s   {fast / bare:.0f}x the bare loop, "
        f"{fast / book_q:.0f}x the float32 quadratic   (target >= 30x)"
    )
    print(f"  compute time                      {t_fast:12.3f} s          (target: well under 1 s)")
    print(
        f"  final loss {outcome.final_loss:.6f} vs least squares {best:.6f} "
        f"({(outcome.final_loss / best - 1) * 100:.4f} % above; converged within 0.1 %: "
        f"{outcome.final_loss <= best * 1.001})"
    )

    # --- 2. cost of an epoch vs the number of readings -----------------------------------------------------------
    print("\nper-epoch cost after the one-time sums (synthetic readings)")
    sizes = (11, 1_000, 1_000_000)
    print(f"  {'readings':24s}" + "".join(f"{n:>14,}" for n in sizes) + "    ratio 10^6 / 11")
    rows: dict[str, list[float]] = {"one-time sums": [], "train_fast epoch": [], "gd_chunks epoch": []}
    rows["book float32 epoch"] = []
    for n in sizes:
        x, y = synthetic(n)
        lr = 0.5 * epochs_to_converge(QUADRATIC, x, 1e-4)["lr_max"]  # stable on these readings: every epoch runs
        t_sums, _ = best_time(r, QUADRATIC.sums, x, y)
        rows["one-time sums"].append(t_sums)

        def one_by_one(epochs, x=x, y=y, lr=lr):
            out = drain(train_fast(QUADRATIC, x, y, (0.0, 1.0, 0.0), lr, epochs))
            assert out.epochs_run == epochs, out
            return out

        def chunks(epochs, x=x, y=y, lr=lr):
            out = drain(gd_chunks(QUADRATIC, x, y, (0.0, 1.0, 0.0), lr, epochs, chunk=CHUNK))
            assert out.epochs_run == epochs, out
            return out

        rows["train_fast epoch"].append(per_epoch(r, one_by_one, 2_000, 20_000))
        rows["gd_chunks epoch"].append(per_epoch(r, chunks, 100_000, 1_000_000))
        rows["book float32 epoch"].append(book_loop_per_epoch(x, y, lr, 20 if n >= 100_000 else 2_000))
    for label, values in rows.items():
        ratio = values[-1] / values[0] if values[0] > 0 else float("nan")
        flat = "" if label == "one-time sums" else f"    {ratio:6.2f}x"
        note = "   (contrast: touches every reading)" if label.startswith("book") else ""
        print(f"  {label:24s}" + "".join(f"{fmt_s(v):>14s}" for v in values) + flat + note)


if __name__ == "__main__":
    main()
