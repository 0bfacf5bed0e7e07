"""Training in a QThread.

`Trainer` (GUI thread) owns one QThread and one `TrainingWorker` moved to it for the window's lifetime.  The worker
loops over `core.training.train(...)`, writing every epoch into a `History` that the GUI reads on its own redraw
timer; it emits `epochsReady` at most every ~16 ms (and once at the end), so signal traffic does not slow training.
Pause, step, stop and the speed cap are flags guarded by a Condition, checked between epochs: the controls are
plain method calls, safe from any thread, because the worker's event loop is busy while a run goes on.
"""

from __future__ import annotations

import threading
import time
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.config import TrainConfig
from ..core.dataset import Dataset
from ..core.history import History

EMIT_INTERVAL = 0.016


class TrainingWorker(QObject):
    epochsReady = Signal(int)  # epochs run so far
    pausedAt = Signal(int)  # the worker is now waiting, paused after this many epochs
    runFinished = Signal(object)  # TrainOutcome
    runFailed = Signal(str, str)  # short message, details (traceback or "")

    def __init__(self):
        super().__init__()
        self._cond = threading.Condition()
        self._stop = False
        self._paused = False
        self._steps = 0  # epochs allowed while paused
        self._interval = 0.0  # seconds per epoch; 0 = full speed

    # --- controls, callable from any thread ----------------------------------------------
    def request_stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def set_paused(self, paused: bool) -> None:
        with self._cond:
            self._paused = paused
            self._steps = 0
            self._cond.notify_all()

    def step(self, epochs: int = 1) -> None:
        with self._cond:
            self._paused = True
            self._steps += epochs
            self._cond.notify_all()

    def set_speed(self, epochs_per_second: float) -> None:
        with self._cond:
            self._interval = 1.0 / epochs_per_second if epochs_per_second > 0 else 0.0
            self._cond.notify_all()

    def prepare_run(self, paused: bool) -> None:
        """Reset the flags for a new run (called before the run is queued, so early clicks count)."""
        with self._cond:
            self._stop = False
            self._paused = paused
            self._steps = 0

    def stop_requested(self) -> bool:
        return self._stop

    # --- the run, in the worker thread ---------------------------------------------------
    @Slot(object, object, object, bool)
    def run(self, config: TrainConfig, data: Dataset, history: History, paused: bool) -> None:
        try:
            from ..core.training import train  # torch loads here, off the GUI thread, if not loaded yet

            gen = train(config, data, self.stop_requested)
            outcome = self._loop(gen, history)
        except (ValueError, ArithmeticError) as e:  # ConfigError / DataError: a clear message, no traceback
            self.runFailed.emit(str(e), "")
            return
        except Exception as e:  # anything else is a bug: show it, keep the app alive
            self.runFailed.emit(f"{type(e).__name__}: {e}", traceback.format_exc())
            return
        self.epochsReady.emit(outcome.epochs_run)
        self.runFinished.emit(outcome)

    def _loop(self, gen, history: History):
        append = history.append
        emit = self.epochsReady.emit
        clock = time.perf_counter
        last_emit = clock()
        count = 0
        next_due = 0.0
        while True:
            if self._paused or self._interval:
                self._wait_turn(next_due, count, emit)
                next_due = clock() + self._interval
            try:
                r = next(gen)
            except StopIteration as done:
                return done.value
            append(r)
            count += 1
            now = clock()
            if now - last_emit >= EMIT_INTERVAL or self._paused or self._interval:
                emit(count)
                last_emit = now

    def _wait_turn(self, due: float, count: int, emit) -> None:
        """Block while paused (until resumed, stepped or stopped) or until the speed cap allows the next epoch."""
        with self._cond:
            if self._paused and not self._stop:
                emit(count)
                self.pausedAt.emit(count)
                while self._paused and self._steps == 0 and not self._stop:
                    self._cond.wait()
                if self._paused and self._steps > 0:
                    self._steps -= 1
                    return
            while self._interval and not self._stop and not self._paused:
                left = due - time.perf_counter()
                if left <= 0:
                    break
                self._cond.wait(left)


class Trainer(QObject):
    """GUI-side owner of the worker thread: start runs, forward controls, shut down cleanly."""

    _startRun = Signal(object, object, object, bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = TrainingWorker()
        self._thread = QThread()
        self._thread.setObjectName("TrainingThread")
        self.worker.moveToThread(self._thread)
        self._startRun.connect(self.worker.run)
        self.worker.runFinished.connect(self._on_run_finished)
        self.worker.runFailed.connect(self._on_run_failed)
        self._running = False
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._running

    def start(self, config: TrainConfig, data: Dataset, history: History, paused: bool = False) -> None:
        if self._running:
            raise RuntimeError("a run is already in progress")
        self._running = True
        self.worker.prepare_run(paused)
        self._startRun.emit(config, data, history, paused)

    @Slot(object)
    def _on_run_finished(self, outcome) -> None:
        self._running = False

    @Slot(str, str)
    def _on_run_failed(self, message: str, details: str) -> None:
        self._running = False

    def shutdown(self) -> None:
        """Stop any run and end the thread; safe to call twice."""
        if self._thread is None:
            return
        self.worker.request_stop()
        self._thread.quit()
        self._thread.wait()
        self._thread = None
