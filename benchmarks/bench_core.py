"""Epochs per second of the core's `train` against a bare copy of the book's loop, timed in the same run.

    .venv/bin/python benchmarks/bench_core.py [--epochs N]

Prints one line per variant with the ratio to the bare loop (higher is better; 1.0 = as fast as the bare loop).
Target: the manual path >= 0.9x.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from thermogui.core.dataset import BOOK_T_C, BOOK_T_U, Dataset  # noqa: E402
from thermogui.core.training import TrainConfig, train  # noqa: E402


def book_loop(n_epochs, learning_rate, params, t_u, t_c):
    """The book's training loop, verbatim but for the print."""

    def model(t_u, w, b):
        return w * t_u + b

    def loss_fn(t_p, t_c):
        return ((t_p - t_c) ** 2).mean()

    def dloss_fn(t_p, t_c):
        return 2 * (t_p - t_c) / t_p.size(0)

    def grad_fn(t_u, t_c, t_p, w, b):
        dloss_dtp = dloss_fn(t_p, t_c)
        return torch.stack([(dloss_dtp * t_u).sum(), (dloss_dtp * 1.0).sum()])

    for _epoch in range(1, n_epochs + 1):
        w, b = params
        t_p = model(t_u, w, b)
        loss = loss_fn(t_p, t_c)
        grad = grad_fn(t_u, t_c, t_p, w, b)
        params = params - learning_rate * grad
    return params, loss


def time_bare(epochs: int) -> float:
    t_u = torch.tensor(BOOK_T_U) * 0.1
    t_c = torch.tensor(BOOK_T_C)
    t0 = time.perf_counter()
    book_loop(epochs, 1e-2, torch.tensor([1.0, 0.0]), t_u, t_c)
    return epochs / (time.perf_counter() - t0)


def time_core(epochs: int, **cfg) -> float:
    config = TrainConfig(epochs=epochs, **cfg)
    data = Dataset.book()
    t0 = time.perf_counter()
    for _ in train(config, data):
        pass
    return epochs / (time.perf_counter() - t0)


def best_of(fn, repeats, *args, **kw) -> float:
    return max(fn(*args, **kw) for _ in range(repeats))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    bare = best_of(time_bare, args.repeats, args.epochs)
    print(f"bare book loop           {bare:10.0f} epochs/s   1.00x")
    for label, cfg in [
        ("core manual (book)", {}),
        ("core autograd", {"gradient": "autograd"}),
        ("core manual + Adam", {"optimizer": "adam"}),
    ]:
        eps = best_of(time_core, args.repeats, args.epochs, **cfg)
        print(f"{label:24s} {eps:10.0f} epochs/s   {eps / bare:.2f}x")
    bare2 = best_of(time_bare, args.repeats, args.epochs)
    print(f"bare book loop (again)   {bare2:10.0f} epochs/s   {bare2 / bare:.2f}x  (run-to-run noise)")


if __name__ == "__main__":
    main()
