"""Stress and lifetime: windows opened and closed mid-run a hundred times, a ten-million-epoch run stopped by the
user, a 100,000-row file in the window.  No crash, no Qt warning (qt_log_level_fail), no thread left behind, memory
that does not grow per cycle or with the length of a run, and a GUI that keeps answering."""

from __future__ import annotations

import ctypes
import gc
import os
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication

from thermogui.core.config import StopReason, TrainConfig
from thermogui.core.csvio import write_csv
from thermogui.core.dataset import Dataset
from thermogui.ui.plots.live import MAX_LOSS_POINTS

from .helpers import click

pytestmark = pytest.mark.serial  # memory and responsiveness under load: run alone

CYCLES = 100  # with --slow; the default run closes SHORT_CYCLES windows (the same checks, sampled at 10, mid, end)
SHORT_CYCLES = 40
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """Resident memory after a full collection, with freed heap returned to the system (so that the allocator's
    per-thread arenas, which fill up over the first few dozen training threads, do not read as a leak)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 1e6


def os_threads() -> int:
    with open("/proc/self/status") as f:
        return next(int(ln.split()[1]) for ln in f if ln.startswith("Threads:"))


def live_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.is_alive() and not t.daemon and t is not threading.main_thread()]


def test_a_hundred_windows_closed_mid_run(qtbot, prompts, request):
    import thermogui.core.training  # noqa: F401  (torch loaded once, outside the measured cycles)
    from thermogui.app import create_window

    CYCLES = globals()["CYCLES"] if request.config.getoption("--slow") else SHORT_CYCLES  # noqa: N806
    MID = 10 + (CYCLES - 10) // 2  # noqa: N806
    samples = {}
    finished_threads = 0
    destroyed = []
    for cycle in range(1, CYCLES + 1):
        window = create_window()
        window.destroyed.connect(lambda *_: destroyed.append(1))
        qtbot.waitExposed(window)
        window.controls.set_config(TrainConfig(epochs=1_000_000))
        window.files.mark_saved()
        with qtbot.waitSignal(window.epochsReady, timeout=10_000) as first:
            click(qtbot, window, "startButton")
        assert first.args[0] >= 1 and window.state == "running"
        if cycle % 3 == 0:  # every third window is closed while paused (the worker waits on its condition)
            with qtbot.waitSignal(window.runPaused, timeout=10_000):
                click(qtbot, window, "pauseButton")
            assert window.state == "paused"
        thread: QThread = window.trainer._thread
        assert thread.isRunning()
        window.close()  # mid-run: the worker is asked to stop, the thread ends before close returns
        assert window.trainer._thread is None and thread.isFinished() and not thread.isRunning()
        finished_threads += 1
        assert window.history.latest.epoch < 1_000_000  # really closed mid-run
        del thread, first
        window.deleteLater()  # (the window deletes itself on close as well)
        del window
        qtbot.wait(0)  # let the deferred delete and the run's last queued signals through
        if cycle in (10, MID, CYCLES):
            samples[cycle] = (rss_mb(), os_threads(), len(live_threads()))
    assert finished_threads == CYCLES
    assert len(destroyed) >= CYCLES - 1  # closed windows are freed, not just hidden (the last may still be queued)
    (rss10, threads10, py10), (rss55, _, _), (rss100, threads100, py100) = samples[10], samples[MID], samples[CYCLES]
    print(
        f"\nRSS after cycle 10: {rss10:.1f} MB, {MID}: {rss55:.1f} MB, {CYCLES}: {rss100:.1f} MB "
        f"(+{rss100 - rss10:.1f} MB over {CYCLES - 10} cycles, +{rss100 - rss55:.1f} MB over the last "
        f"{CYCLES - MID}); OS threads {threads10} -> {threads100}"
    )
    assert rss100 - rss10 < 40, f"memory grew {rss100 - rss10:.1f} MB over {CYCLES - 10} windows"
    assert rss100 - rss55 < 12, f"memory still growing: {rss100 - rss55:.1f} MB over the last {CYCLES - MID} windows"
    assert threads100 <= threads10, "OS threads left running by closed windows"
    assert py10 == py100 == 0
    assert not [w for w in QApplication.topLevelWidgets() if w.inherits("QMainWindow") and w.isVisible()]
    assert prompts == []  # nothing asked: the windows had no unsaved changes


def test_a_ten_million_epoch_run_stopped_by_the_user_stays_bounded_and_responsive(qtbot, window):
    window.controls.set_config(TrainConfig(epochs=10_000_000))
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    rss_before = rss_mb()
    click(qtbot, window, "startButton")
    assert window.state == "running"
    # a while: well past the first redraws, with the GUI timer still ticking all along
    qtbot.waitUntil(lambda: len(window.history) >= 60_000 and len(ticks) >= 300, timeout=60_000)
    click(qtbot, window, "stopButton")
    with qtbot.waitSignal(window.runFinished, timeout=10_000) as done:
        pass
    timer.stop()
    outcome = done.args[0]
    assert outcome.stop_reason is StopReason.CANCELLED and 60_000 <= outcome.epochs_run < 10_000_000
    assert len(window.history) == outcome.epochs_run  # every epoch recorded so far
    assert window.history.latest.epoch == outcome.epochs_run
    assert window.history.nbytes() <= 80e6, window.history.nbytes()
    gaps = np.diff(ticks)
    print(
        f"\n{outcome.epochs_run:,} epochs; history {window.history.nbytes() / 1e6:.1f} MB; RSS +"
        f"{rss_mb() - rss_before:.1f} MB; {len(ticks)} timer ticks, longest gap {gaps.max() * 1000:.0f} ms, "
        f"median {np.median(gaps) * 1000:.1f} ms"
    )
    assert np.median(gaps) < 0.025  # the 5 ms timer kept ticking through the run
    assert rss_mb() - rss_before < 120
    # the loss curve holds a bounded number of points however long the run
    x, _ = window.loss_plot.train_curve.getData()
    assert x is not None and 2 <= len(x) <= MAX_LOSS_POINTS + 2 and x[-1] == outcome.epochs_run
    assert window.state == "idle" and window.controls.isEnabled()


def test_a_big_csv_is_read_behind_a_busy_dialog_while_the_window_paints(qtbot, window, tmp_path):
    """A CSV of BIG_FILE bytes or more is read in a thread: the window's timers keep running (it repaints), a busy
    dialog says what is read, and closing the window meanwhile waits for the reading to end."""
    from PySide6.QtWidgets import QProgressDialog

    from thermogui.ui.files.controller import BIG_FILE

    rng = np.random.default_rng(3)
    n = 700_000
    t_u = np.round(rng.uniform(20, 90, n), 4)
    data = Dataset(t_u, np.round(0.5556 * t_u - 17.78, 4))
    path = tmp_path / "huge.csv"
    write_csv(path, data)
    assert path.stat().st_size >= BIG_FILE
    seen = []
    timer = QTimer(interval=5)
    timer.timeout.connect(
        lambda: seen.append((window.files.reading, bool(window.findChildren(QProgressDialog, "readingFileDialog"))))
    )
    timer.start()
    QTimer.singleShot(20, window.close)  # the person closes the window while it reads: it waits
    assert window.files.open_path(path, ask=False)
    timer.stop()
    assert any(reading and dialog for reading, dialog in seen), seen[:5]  # timers ran during the reading
    assert window.model.dataset == data and not window.files.reading
    assert window.isVisible()  # (not closed in the middle of opening)
    gone = []
    window.destroyed.connect(lambda: gone.append(True))
    qtbot.waitUntil(lambda: bool(gone), timeout=10_000)  # and then it closes, cleanly


def test_cancelling_a_big_csvs_reading_changes_nothing(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    rng = np.random.default_rng(4)
    t_u = np.round(rng.uniform(20, 90, 700_000), 4)
    path = tmp_path / "huge.csv"
    write_csv(path, Dataset(t_u, np.round(0.5556 * t_u - 17.78, 4)))
    before = window.model.dataset
    clicked = []

    def cancel():  # the person clicks Cancel on the busy dialog
        found = window.findChildren(QProgressDialog, "readingFileDialog")
        dialogs = [d for d in found if d.isVisible()]
        if not dialogs:
            if window.files.reading:  # (shown in a moment)
                QTimer.singleShot(10, cancel)
            return
        (button,) = [b for b in dialogs[0].findChildren(QPushButton) if b.isVisible()]
        assert button.text().replace("&", "") == "Cancel"
        qtbot.mouseClick(button, Qt.LeftButton)
        clicked.append(True)

    QTimer.singleShot(10, cancel)
    assert not window.files.open_path(path, ask=False)
    assert clicked and window.model.dataset == before and not window.files.reading
    assert window.statusBar().currentMessage() == "Not opened: reading huge.csv was cancelled. Nothing changed."


def test_a_100k_row_csv_opens_in_the_window_and_trains(qtbot, window, tmp_path):
    rng = np.random.default_rng(7)
    t_u = rng.uniform(20, 90, 100_000)
    data = Dataset(t_u, 0.5556 * t_u - 17.78 + rng.normal(0, 1, 100_000))
    path = tmp_path / "big.csv"
    write_csv(path, data)
    assert window.files.open_path(path, ask=False)
    model, view = window.model, window.data_panel.view
    assert model.dataset == data and model.rowCount() == 100_000
    assert model.data(model.index(99_999, 1)) == format(data.t_u[-1], ".10g")
    view.scrollToBottom()
    qtbot.wait(0)
    assert view.rowAt(view.viewport().height() - 1) in (99_999, -1) or view.rowAt(0) > 99_000
    window.controls.set_config(TrainConfig(epochs=200))
    with qtbot.waitSignal(window.runFinished, timeout=30_000) as done:
        click(qtbot, window, "startButton")
    assert done.args[0].stop_reason is StopReason.COMPLETED and done.args[0].epochs_run == 200
    window.files.mark_saved()
