"""Chapter 6's network in the app against the bare torch loop of the same network, in the same process:

1. the book's `training_loop` (ch. 6: forward on the training and validation inputs, loss, zero_grad, backward,
   step) on `Linear(1, H) → Tanh → Linear(H, 1)`, SGD, the book's split — epochs/s, 1.00x;
2. the app's training generator (`core.training.train`, every epoch recorded into a History) — ratio;
3. a full app run (worker thread, live plots, hidden-unit curves on) — ratio (target >= 0.8x).

Rounds are interleaved and every ratio is taken against the bare loop timed just before it; medians are reported.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_network.py [--epochs N] [--hidden H]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

VAL_ROWS = [7, 10]  # chapter 6's printed validation indices


def config(epochs: int, hidden: int):
    from thermogui.core.config import TrainConfig

    return TrainConfig(model="mlp", hidden=hidden, lr=1e-3, epochs=epochs, seed=1)


def data():
    from thermogui.core.dataset import Dataset

    return Dataset.book().with_val_rows(VAL_ROWS)


def time_bare(epochs: int, hidden: int) -> float:
    """The book's loop, verbatim in spirit: epochs/s."""
    import torch
    from torch import nn

    from thermogui.core.training import prepare

    prep = prepare(config(epochs, hidden), data())
    x, y = prep.x.unsqueeze(1), prep.y.unsqueeze(1)
    xv, yv = prep.x_val.unsqueeze(1), prep.y_val.unsqueeze(1)
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(1, hidden), nn.Tanh(), nn.Linear(hidden, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    loss_fn = nn.MSELoss()
    t0 = time.perf_counter()
    for _epoch in range(1, epochs + 1):
        loss_train = loss_fn(model(x), y)
        loss_val = loss_fn(model(xv), yv)
        optimizer.zero_grad()
        loss_train.backward()
        optimizer.step()
    float(loss_val.detach())
    return epochs / (time.perf_counter() - t0)


def time_core(epochs: int, hidden: int) -> float:
    from thermogui.core.history import History
    from thermogui.core.models import model_of
    from thermogui.core.training import train

    c = config(epochs, hidden)
    history = History(epochs, n_params=model_of(c).size)
    t0 = time.perf_counter()
    gen = train(c, data(), chunk=4096)  # as the window's worker asks at full speed
    for item in gen:
        history.append(item)
    return epochs / (time.perf_counter() - t0)


class AppRunner:
    """One window (hidden-unit curves on), run again and again: epochs/s of a whole run, from Start to its end."""

    def __init__(self, epochs: int, hidden: int):
        from benchmarks.bench_gui import isolate_settings
        from thermogui.app import _application, create_window

        _application()
        isolate_settings()
        self.window = window = create_window()
        window.run_state.readings.set_dataset(data()) if hasattr(window.run_state.readings, "set_dataset") else None
        window.controls.set_config(config(epochs, hidden))
        units = getattr(window, "units_action", None)
        if units is not None:
            units.setChecked(True)
        self.epochs = epochs

    def __call__(self) -> float:
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        result = {}

        def finished(_outcome):
            result["t1"] = time.perf_counter()
            loop.quit()

        self.window.runFinished.connect(finished)
        frames = self.window._frame
        t0 = time.perf_counter()
        self.window.start()
        loop.exec()
        self.window.runFinished.disconnect(finished)
        self.fps = (self.window._frame - frames) / (result["t1"] - t0)
        return self.epochs / (result["t1"] - t0)

    def close(self) -> None:
        self.window.files.mark_saved()
        self.window.close()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="network benchmark")
    ap.add_argument("--epochs", type=int, default=10000)
    ap.add_argument("--hidden", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=3, help="bare/core/app rounds, interleaved (medians reported)")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    time_bare(500, args.hidden)  # warm up
    app = AppRunner(args.epochs, args.hidden)
    app()  # warm up: first paint, imports
    ratios_core, ratios_app, bares, fps = [], [], [], []
    for _ in range(args.rounds):  # each ratio against the bare loop timed just before it: the machine's drift cancels
        bare = time_bare(args.epochs, args.hidden)
        ratios_core.append(time_core(args.epochs, args.hidden) / bare)
        bare2 = time_bare(args.epochs, args.hidden)
        ratios_app.append(app() / bare2)
        fps.append(app.fps)
        bares += [bare, bare2]
    app.close()
    med = statistics.median
    print(f"network: {args.hidden} hidden units, {args.epochs} epochs, SGD lr 1e-3, the book's split")
    print(
        f"bare torch loop (the book's)   {med(bares):10.0f} epochs/s   1.00x   (spread {min(bares) / max(bares):.2f})"
    )
    print(
        f"core generator + History       {med(ratios_core):.2f}x   rounds: {', '.join(f'{r:.2f}' for r in ratios_core)}"
    )
    print(
        f"app run with live plots        {med(ratios_app):.2f}x   rounds: {', '.join(f'{r:.2f}' for r in ratios_app)}"
        f"   (target >= 0.8x; {med(fps):.0f} redraws/s)"
    )


if __name__ == "__main__":
    main()
