"""The whole app under load, offscreen:

1. epochs/s of a full app run (worker thread + live plots at ~30 fps) against the bare book loop timed in the
   same process (target >= 0.8x);
2. the longest gap between ticks of a 5 ms GUI timer while training runs (target < 50 ms);
3. launch to window painted, in a fresh process (target < 1.0 s; torch loads after the window is up), beside
   `python -c "import PySide6.QtWidgets"` measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--epochs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def launch_time(repeats: int = 3) -> tuple[float, float]:
    import tempfile

    home = tempfile.mkdtemp(prefix="thermogui-bench-launch-")  # (its settings and window state, not yours)
    xdg = {v: os.path.join(home, v.lower()) for v in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    env = {**os.environ, **xdg, "XDG_CACHE_HOME": os.path.join(home, "cache"), "THERMOGUI_STARTUP_PROBE": "1"}
    app = []
    for _ in range(repeats):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True, timeout=60
        ).stdout
        line = next(ln for ln in out.splitlines() if ln.startswith("window-painted"))
        app.append(float(line.split()[1]) - t0)
    base = []
    for _ in range(repeats):
        t0 = time.time()
        subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True, timeout=60)
        base.append(time.time() - t0)
    return min(app), min(base)


def isolate_settings() -> None:
    """Keep the benchmark's window state and settings out of the user's own (a throw-away INI folder)."""
    import os
    import tempfile

    from PySide6.QtCore import QSettings

    home = tempfile.mkdtemp(prefix="thermogui-bench-")
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):  # autosaves and the error log too
        os.environ[var] = os.path.join(home, var.lower())
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, home)


def app_run(epochs: int):
    from PySide6.QtCore import QEventLoop, QTimer

    from thermogui.app import create_window
    from thermogui.core.training import TrainConfig

    window = create_window()
    window.controls.set_config(TrainConfig(epochs=epochs))
    gaps = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    result = {}

    def finished(outcome):
        result["t1"] = time.perf_counter()
        result["outcome"] = outcome
        loop.quit()

    window.runFinished.connect(finished)
    redraws = [0]
    window.redraw_timer.timeout.connect(lambda: redraws.__setitem__(0, redraws[0] + 1))
    timer.start()
    last[0] = time.perf_counter()
    t0 = time.perf_counter()
    window.start()
    loop.exec()
    timer.stop()
    window.files.mark_saved()  # the benchmark's settings are no user's work: close without the save prompt
    window.close()
    elapsed = result["t1"] - t0
    return epochs / elapsed, max(gaps[1:] or [0.0]), redraws[0] / elapsed


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="GUI benchmark")
    ap.add_argument("--epochs", type=int, default=100_000)
    args = ap.parse_args(argv)
    import torch

    from benchmarks.bench_core import time_bare

    torch.set_num_threads(1)
    from thermogui.app import _application

    _application()
    isolate_settings()
    time_bare(2000)  # warm up
    bare = max(time_bare(args.epochs // 2) for _ in range(2))
    eps, gap, fps = app_run(args.epochs)
    bare2 = time_bare(args.epochs // 2)
    print(f"bare book loop                 {bare:10.0f} epochs/s   1.00x")
    print(
        f"app run with live plots        {eps:10.0f} epochs/s   {eps / bare:.2f}x   (target >= 0.8x; "
        f"{fps:.0f} redraws/s)"
    )
    print(f"bare book loop (again)         {bare2:10.0f} epochs/s   {bare2 / bare:.2f}x   (noise)")
    print(f"longest 5 ms GUI timer gap     {gap * 1000:10.1f} ms            (target < 50 ms)")
    app_s, base_s = launch_time()
    print(f"launch to window painted       {app_s:10.2f} s             (target < 1.0 s)")
    print(f"python -c 'import PySide6.QtWidgets' {base_s:5.2f} s             ({app_s / base_s:.1f}x of it)")


if __name__ == "__main__":
    main()
