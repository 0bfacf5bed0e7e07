"""One worker pattern for every long computation: a Python generator run in a QThread (after superqt's
`_qthreading.GeneratorWorker`).  Training and the learning-rate sweep are two uses of it.

`GeneratorWorker` runs a generator to its end in the thread it lives in and hands every item to a *sink* (training:
`History.append`, which the GUI reads on its own redraw timer).  It reports through signals:

- `itemsReady(int)`: items delivered so far — at most every `emit_interval` (~16 ms) at full speed, after every item
  while paused or speed-capped, and once at the end, so signal traffic does not slow the loop;
- `pausedAt(int)`: it is now waiting, paused after this many items;
- `runFinished(object)`: the generator's return value (None when the worker closed a generator that does not poll the
  stop flag itself);
- `runFailed(str, str)`: a message and details.  The core's refusals (`core.errors.UserError`: ConfigError,
  DataError, SessionError, …) are the person's to fix: their own words, no details.  Anything else is a bug: its
  type and message, and the traceback.

Stop, pause, step and the speed cap are flags under a Condition, checked between items: the controls are plain
method calls, safe from any thread (the worker's event loop is busy while a run goes on, so queued slots would wait).
`work(gen, sink)` is the loop itself — synchronous, raising — and `run(start, sink)` the slot that wraps it with the
reporting; tests call both without a thread.

`WorkerHost` (GUI thread) owns one QThread and one worker moved to it: `launch`, `running`, `shutdown`.  `Trainer` is
the host for training, for the window's lifetime; the sweep panel makes one per sweep.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Generator

from numpy import ndarray
from PySide6.QtCore import QObject, QThread, Signal, Slot

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.errors import UserError
from thermogui.core.fields import ConfigError
from thermogui.core.history import History
from thermogui.core.session import SessionError

EMIT_INTERVAL = 0.016
CHUNK_EPOCHS = 4096  # the fast path's closed-form epochs per item at full speed (~1 ms of work)
# the core's refusals: input the person can fix (all UserErrors; the common ones named).  Not ValueError or
# ArithmeticError in general — those are bugs.
USER_ERRORS = (UserError, ConfigError, DataError, SessionError)


def _one_torch_thread() -> None:
    """Tensors of a few readings gain nothing from threads, and OpenMP's thread count is per calling thread: left at
    its default in this worker thread, a network's matrix products wait on an OpenMP team (measured: 23 ms an epoch
    instead of 0.3 ms on 2 busy cores).  One thread, set here, in the thread that trains."""
    import sys

    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


class GeneratorWorker(QObject):
    itemsReady = Signal(int)  # items delivered so far (coalesced)
    pausedAt = Signal(int)  # the worker is now waiting, paused after this many items
    runFinished = Signal(object)  # the generator's return value
    runFailed = Signal(str, str)  # short message, details (traceback, or "" for the core's refusals)

    def __init__(self, polls_stop: bool = False, emit_interval: float = EMIT_INTERVAL):
        """`polls_stop`: the generator is made with `stop_requested` and returns (its value reported) once it answers
        True, so on a stop the worker lets it run on to its return; otherwise the worker closes it between items."""
        super().__init__()
        self.polls_stop = polls_stop
        self.emit_interval = emit_interval
        self._cond = threading.Condition()
        self._stop = False
        self._paused = False
        self._steps = 0  # items allowed while paused
        self._interval = 0.0  # seconds per item; 0 = full speed
        self._gated = False  # stop or paused or interval: the loop must look at the flags before the next item

    # --- controls, callable from any thread ----------------------------------------------
    def _changed(self) -> None:
        """(Under the lock.)  Recompute the gate and wake a waiting loop, which re-reads every flag."""
        self._gated = self._stop or self._paused or self._interval > 0
        self._cond.notify_all()

    def request_stop(self) -> None:
        with self._cond:
            self._stop = True
            self._changed()

    def set_paused(self, paused: bool) -> None:
        with self._cond:
            self._paused = bool(paused)
            self._steps = 0
            self._changed()

    def step(self, items: int = 1) -> None:
        """Pause (if running) and allow `items` more items."""
        with self._cond:
            self._paused = True
            self._steps += int(items)
            self._changed()

    def set_speed(self, items_per_second: float) -> None:
        """Cap the rate (0 or less: full speed).  Takes effect at once, also while waiting out the old cap."""
        with self._cond:
            self._interval = 1.0 / items_per_second if items_per_second > 0 else 0.0
            self._changed()

    def prepare_run(self, paused: bool = False) -> None:
        """Reset stop, pause and steps for a new run (called before the run is queued, so early clicks count);
        the speed cap is kept."""
        with self._cond:
            self._stop = False
            self._paused = bool(paused)
            self._steps = 0
            self._changed()

    def stop_requested(self) -> bool:
        return self._stop

    def chunk_size(self) -> int:
        """Epochs a generator may deliver as one item: one while paused, stepping or speed-capped, else many."""
        return 1 if self._gated else CHUNK_EPOCHS

    # --- the run, in the worker's thread -------------------------------------------------
    @Slot(object, object)
    def run(self, start: Callable[[], Generator], sink: Callable[[object], None]) -> None:
        """Make the generator (`start()`, here, so heavy imports load in this thread), run it with `work` and report
        the outcome.  Never raises."""
        try:
            gen = start()
            _one_torch_thread()
            value = self.work(gen, sink)
        except USER_ERRORS as e:
            self.runFailed.emit(str(e), "")
        except Exception as e:  # a bug: show it with its traceback, keep the app alive
            self.runFailed.emit(f"{type(e).__name__}: {e}", traceback.format_exc())
        else:
            self.runFinished.emit(value)

    def work(self, gen: Generator, sink: Callable[[object], None]):
        """Feed every item of `gen` to `sink`, obeying the controls between items; return the generator's return
        value.  Exceptions (from the generator or the sink) propagate."""
        emit = self.itemsReady.emit
        clock = time.perf_counter
        every = self.emit_interval
        count = 0
        last = -float("inf")  # when the latest item was started (the speed cap counts from there)
        last_emit = clock()
        try:
            while True:
                if self._gated:
                    if not self._wait_turn(last, count) and not self.polls_stop:
                        gen.close()
                        value = None
                        break
                    last = clock()
                try:
                    item = next(gen)
                except StopIteration as done:
                    value = done.value
                    break
                sink(item)
                count += len(item) if type(item) is ndarray else 1  # a chunk of epochs counts as its epochs
                now = clock()
                if now - last_emit >= every or self._gated:
                    emit(count)
                    last_emit = now
        except BaseException:
            gen.close()
            raise
        emit(count)
        return value

    def _wait_turn(self, last: float, count: int) -> bool:
        """Block while paused (until resumed, stepped or stopped) or until the speed cap allows the next item.  Every
        wake-up re-reads the flags and re-computes the due time from `last` and the *current* interval, so a new
        speed, a pause or a stop takes effect at once.  False when a stop was requested."""
        cond = self._cond
        reported = False
        while True:
            with cond:
                while True:
                    if self._stop:
                        return False
                    if self._paused:
                        if self._steps > 0:
                            self._steps -= 1
                            return True
                        if not reported:
                            break  # report outside the lock (a slot may call the controls), then look again
                        cond.wait()
                    elif self._interval > 0:
                        reported = False
                        left = last + self._interval - time.perf_counter()
                        if left <= 0:
                            return True
                        cond.wait(left)
                    else:
                        return True
            reported = True
            self.itemsReady.emit(count)
            self.pausedAt.emit(count)


class TrainingWorker(GeneratorWorker):
    """The worker that runs `core.training.train`; it polls the stop flag and returns a CANCELLED outcome."""

    epochsReady = GeneratorWorker.itemsReady  # the same signal, under the name training uses: epochs run so far

    def __init__(self):
        super().__init__(polls_stop=True)


class WorkerHost(QObject):
    """GUI-side owner of one QThread and one GeneratorWorker moved to it: start runs, shut down cleanly.

    The worker's signals reach `running` first (connected here, before anyone else can connect), so a slot of the
    caller connected to `runFinished` / `runFailed` already sees `running` False."""

    _launch = Signal(object, object)

    def __init__(self, worker: GeneratorWorker, thread_name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self._thread: QThread | None = QThread()
        self._thread.setObjectName(thread_name)
        worker.moveToThread(self._thread)
        self._launch.connect(worker.run)
        worker.runFinished.connect(self._on_run_finished)
        worker.runFailed.connect(self._on_run_failed)
        self._running = False
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._running

    def launch(self, start: Callable[[], Generator], sink: Callable[[object], None], paused: bool = False) -> None:
        """Run `start()`'s generator in the worker's thread, feeding `sink`.  `start` is called there."""
        if self._thread is None:
            raise RuntimeError("the worker thread has been shut down")
        if self._running:
            raise RuntimeError("a run is already in progress")
        self._running = True
        self.worker.prepare_run(paused)
        self._launch.emit(start, sink)

    @Slot(object)
    def _on_run_finished(self, _value) -> None:
        self._running = False

    @Slot(str, str)
    def _on_run_failed(self, _message: str, _details: str) -> None:
        self._running = False

    def shutdown(self, *_args) -> None:
        """Stop any run and end the thread; safe to call twice (and as a slot of `destroyed`)."""
        if self._thread is None:
            return
        self.worker.request_stop()
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._running = False


class Trainer(WorkerHost):
    """The training thread, for the window's lifetime: `start(config, data, history)` runs `core.training.train`,
    writing every epoch into `history`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(TrainingWorker(), "TrainingThread", parent)

    def start(self, config: TrainConfig, data: Dataset, history: History, paused: bool = False) -> None:
        should_stop = self.worker.stop_requested

        def start():
            from thermogui.core.training import train  # torch loads here, off the GUI thread, if not loaded yet

            return train(config, data, should_stop, chunk=self.worker.chunk_size)

        self.launch(start, history.append, paused)
