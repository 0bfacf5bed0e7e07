"""Hardening numbers, each against a baseline measured in the same run:

1. launch to window painted vs `python -c "import PySide6.QtWidgets"` (target < 0.8 s);
2. opening a 100,000-row CSV in the window (target < 2 s), broken down into reading, the table model, the fit plot
   and the first paint, plus scrolling the table;
3. the cost of an epoch on 100,000 rows: the core's `train` vs the bare book loop on the same tensors, and a full
   app run on those rows;
4. memory after a 10^7-epoch run through the core into a History (bounded buffer) and the process RSS.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_hardening.py [--epochs 10000000] [--skip-long]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keep the benchmark's settings and autosaves out of the user's home
_home = tempfile.mkdtemp(prefix="thermogui-bench-")
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(_home, "config"))
os.environ.setdefault("XDG_DATA_HOME", os.path.join(_home, "data"))

ROWS = 100_000
APP_EPOCHS = 3000  # a full app run on the 100k rows (long enough that starting the run is a small part)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def big_dataset(n: int = ROWS):
    import numpy as np

    from thermogui.core.dataset import Dataset

    rng = np.random.default_rng(0)
    t_u = rng.uniform(20, 90, n)
    return Dataset(t_u, 0.5556 * t_u - 17.78 + rng.normal(0, 1, n))


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    out = fn(*args, **kw)
    return time.perf_counter() - t0, out


def process_events():
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    QCoreApplication.sendPostedEvents()
    QApplication.processEvents(QEventLoop.AllEvents)


# --- 2. a 100k-row CSV in the window ----------------------------------------------------------------------------------
def open_100k(tmp: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from thermogui.app import create_window
    from thermogui.core.csvio import read_csv, write_csv
    from thermogui.ui.plots.live import FitPlot
    from thermogui.ui.readings.model import ReadingsModel

    data = big_dataset()
    path = tmp / "big.csv"
    write_csv(path, data)
    window = create_window()
    process_events()
    window.repaint()

    t_read, loaded = timed(read_csv, path)
    t_open, ok = timed(window.files.open_path, path, False)
    assert ok and len(window.model.dataset) == ROWS
    t_paint, _ = timed(lambda: (process_events(), window.repaint()))
    print(
        f"100k-row CSV: open in the window        {t_open + t_paint:8.3f} s   (target < 2 s: open_path "
        f"{t_open:.3f} s + first paint {t_paint:.3f} s)"
    )
    print(f"  read_csv alone                          {t_read:8.3f} s")
    # the parts of open_path, each on a fresh object
    model = ReadingsModel()
    t_model, _ = timed(model.reset_dataset, loaded)
    plot = FitPlot()
    plot.resize(900, 560)
    plot.show()
    process_events()
    t_fit, _ = timed(plot.set_data, loaded)
    t_fit_paint, _ = timed(lambda: (process_events(), plot.repaint()))
    t_fit_repaint, _ = timed(plot.repaint)
    plot.close()
    print(f"  table model reset (QAbstractTableModel) {t_model:8.3f} s")
    print(
        f"  fit plot set_data (100k-point scatter)  {t_fit:8.3f} s   first paint {t_fit_paint:.3f} s, "
        f"repaint {t_fit_repaint:.3f} s"
    )
    # scrolling the table: jump through it and repaint the viewport each time
    view = window.data_panel.view
    view.setFocus()
    steps = 50
    t0 = time.perf_counter()
    for i in range(steps):
        view.scrollTo(window.model.index(int(i * (ROWS - 1) / (steps - 1)), 1))
        view.viewport().repaint()
    t_scroll = (time.perf_counter() - t0) / steps
    print(
        f"  table: scroll + repaint the viewport    {t_scroll * 1000:8.2f} ms per jump ({steps} jumps over 100k rows)"
    )

    # a full app run on the 100k rows: worker thread + live plots
    from thermogui.core.training import TrainConfig

    window.controls.set_config(TrainConfig(epochs=APP_EPOCHS))
    done = {}
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    window.runFinished.connect(lambda o: (done.setdefault("t1", time.perf_counter()), loop.quit()))
    t0 = time.perf_counter()
    window.start()
    loop.exec()
    app_eps = APP_EPOCHS / (done["t1"] - t0)
    window.files.mark_saved()  # the benchmark's settings are no user's work: close without the save prompt
    window.close()
    QApplication.processEvents()
    return app_eps


# --- 3. epoch cost on 100k rows ---------------------------------------------------------------------------------------
def epoch_cost(epochs: int, repeats: int = 3) -> tuple[float, float]:
    import torch

    from benchmarks.bench_core import book_loop
    from thermogui.core.training import TrainConfig, train

    data = big_dataset()
    t_u = torch.tensor(data.t_u, dtype=torch.float32) * 0.1  # the book's scaling, float32 like the core
    t_c = torch.tensor(data.t_c, dtype=torch.float32)
    config = TrainConfig(epochs=epochs)  # lr 1e-2, scale 0.1, manual gradient: the book's final run

    def bare():
        t0 = time.perf_counter()
        book_loop(epochs, 1e-2, torch.tensor([1.0, 0.0]), t_u, t_c)
        return epochs / (time.perf_counter() - t0)

    def core():
        t0 = time.perf_counter()
        for _ in train(config, data):
            pass
        return epochs / (time.perf_counter() - t0)

    bare(), core()  # warm up
    return max(bare() for _ in range(repeats)), max(core() for _ in range(repeats))


# --- 4. memory after a long run ---------------------------------------------------------------------------------------
def long_run(epochs: int) -> None:
    from thermogui.core.dataset import Dataset
    from thermogui.core.history import History
    from thermogui.core.training import TrainConfig, train

    gc.collect()
    rss0 = rss_mb()
    config = TrainConfig(epochs=epochs)
    history = History(config.epochs)
    append = history.append
    gen = train(config, Dataset.book())
    t0 = time.perf_counter()
    report = t0 + 30
    n = 0
    for r in gen:
        append(r)
        n += 1
        if n & 0xFFFF == 0 and time.perf_counter() > report:
            report += 30
            el = time.perf_counter() - t0
            print(f"  ... {n:,} epochs, {n / el:,.0f} epochs/s, RSS {rss_mb():.0f} MB", flush=True)
    el = time.perf_counter() - t0
    gc.collect()
    print(f"{epochs:,} epochs through the core into a History: {el:.0f} s, {epochs / el:,.0f} epochs/s")
    print(
        f"  History: {history.nbytes() / 1e6:.1f} MB buffer, {len(history):,} rows kept (every "
        f"{history.stride}th epoch), latest epoch {history.latest.epoch:,}"
    )
    print(f"  process RSS {rss_mb():.0f} MB (was {rss0:.0f} MB before the run: +{rss_mb() - rss0:.0f} MB)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="hardening benchmark")
    ap.add_argument("--epochs", type=int, default=10_000_000, help="length of the long run (default 10^7)")
    ap.add_argument("--epochs-100k", type=int, default=300, help="epochs timed on 100k rows")
    ap.add_argument("--skip-long", action="store_true", help="skip the long run")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    from benchmarks.bench_gui import launch_time

    app_s, base_s = launch_time()
    print(f"launch to window painted                {app_s:8.2f} s   (target < 0.8 s)")
    print(
        f"python -c 'import PySide6.QtWidgets'    {base_s:8.2f} s   (the app is {app_s / base_s:.1f}x of it, "
        f"+{app_s - base_s:.2f} s)"
    )

    from thermogui.app import _application

    _application()
    from benchmarks.bench_gui import isolate_settings

    isolate_settings()
    with tempfile.TemporaryDirectory() as tmp:
        app_eps = open_100k(Path(tmp))

    bare, core = epoch_cost(args.epochs_100k)
    print(f"epochs on 100k rows: bare book loop      {bare:8.0f} epochs/s   1.00x")
    print(f"epochs on 100k rows: core train          {core:8.0f} epochs/s   {core / bare:.2f}x   (target about 1x)")
    print(f"epochs on 100k rows: app run, live plots {app_eps:8.0f} epochs/s   {app_eps / bare:.2f}x")

    if not args.skip_long:
        long_run(args.epochs)


if __name__ == "__main__":
    main()
