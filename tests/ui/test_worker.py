"""The generator worker: its loop driven synchronously (no thread, as superqt tests its GeneratorWorker), then the real
Trainer in its thread for the controls that must reach a running worker at once."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, Signal, Slot

from thermogui.core.config import ConfigError, StopReason
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.history import History
from thermogui.core.session import SessionError
from thermogui.core.training import TrainConfig
from thermogui.ui.worker import GeneratorWorker, Trainer, TrainingWorker


class Report:
    """Everything a worker signalled, in order."""

    def __init__(self, worker: GeneratorWorker):
        self.progress, self.paused, self.finished, self.failed = [], [], [], []
        worker.itemsReady.connect(self.progress.append)
        worker.pausedAt.connect(self.paused.append)
        worker.runFinished.connect(self.finished.append)
        worker.runFailed.connect(lambda message, details: self.failed.append((message, details)))


def numbers(n: int, closed: list | None = None, value="done"):
    try:
        yield from range(n)
    finally:
        if closed is not None:
            closed.append(True)
    return value


def test_every_item_is_delivered_and_the_return_value_reported():
    worker = GeneratorWorker()
    report = Report(worker)
    got = []
    worker.run(lambda: numbers(1000, value={"answer": 42}), got.append)
    assert got == list(range(1000))
    assert report.finished == [{"answer": 42}] and report.failed == []
    # progress is coalesced (a fast loop sends a handful of signals), and the last one counts every item
    assert report.progress[-1] == 1000 and len(report.progress) < 100
    assert report.progress == sorted(report.progress)


def test_work_returns_the_generators_value():
    worker = GeneratorWorker()
    got = []
    assert worker.work(numbers(3, value=7), got.append) == 7
    assert got == [0, 1, 2]


def test_stop_between_yields():
    worker = GeneratorWorker()
    report = Report(worker)
    got, closed = [], []

    def sink(item):
        got.append(item)
        if item == 2:
            worker.request_stop()  # (from any thread; here from the worker's own)

    worker.run(lambda: numbers(10, closed), sink)
    assert got == [0, 1, 2]
    assert closed == [True]  # the generator was closed, its `finally` ran
    assert report.finished == [None] and report.progress[-1] == 3


def test_a_generator_that_polls_the_stop_flag_returns_its_own_value():
    worker = GeneratorWorker(polls_stop=True)
    report = Report(worker)

    def polite():
        n = 0
        while not worker.stop_requested():
            yield n
            n += 1
        return f"stopped after {n}"

    got = []
    worker.run(polite, lambda i: (got.append(i), i == 4 and worker.request_stop()))
    assert got == [0, 1, 2, 3, 4] and report.finished == ["stopped after 5"]


def test_a_bug_fails_with_its_traceback():
    def buggy():
        yield 1
        raise ValueError("a bare ValueError is a bug, not bad input")

    worker = GeneratorWorker()
    report = Report(worker)
    got = []
    worker.run(buggy, got.append)
    assert got == [1] and report.finished == []
    ((message, details),) = report.failed
    assert message == "ValueError: a bare ValueError is a bug, not bad input"
    assert details.startswith("Traceback") and "in buggy" in details


@pytest.mark.parametrize(
    "error", [ArithmeticError("overflow in a formula"), ZeroDivisionError("division by zero"), KeyError("w")]
)
def test_other_errors_are_bugs_too(error):
    def start():
        raise error

    worker = GeneratorWorker()
    report = Report(worker)
    worker.run(start, print)
    ((message, details),) = report.failed
    assert message.startswith(type(error).__name__ + ": ") and "Traceback" in details


@pytest.mark.parametrize(
    "error",
    [
        ConfigError("the learning rate must be positive"),
        DataError("at least 2 readings are needed"),
        SessionError("not a ThermoGUI session"),
    ],
)
def test_the_cores_refusals_are_a_plain_message(error):
    def refused():
        raise error
        yield  # (unreachable: it makes this a generator)

    worker = GeneratorWorker()
    report = Report(worker)
    worker.run(refused, print)
    assert report.failed == [(str(error), "")]


def test_a_real_refusal_from_training():
    worker = TrainingWorker()
    report = Report(worker)

    def start():
        from thermogui.core.training import train

        return train(TrainConfig(), Dataset([3.0], [1.0]), worker.stop_requested)

    worker.run(start, print)
    ((message, details),) = report.failed
    assert details == "" and message


def test_pause_and_step_deliver_exactly_one_item():
    worker = GeneratorWorker()
    report = Report(worker)
    got = []
    worker.set_paused(True)
    worker.step(1)
    worker.pausedAt.connect(lambda n: worker.request_stop())  # otherwise it would wait, paused, for ever
    worker.run(lambda: numbers(10), got.append)
    assert got == [0]
    assert report.paused == [1]


def test_paused_from_the_start_then_stepped():
    worker = GeneratorWorker()
    report = Report(worker)
    got = []
    worker.prepare_run(paused=True)

    def on_paused(n):
        if n == 0:
            worker.step(2)
        else:
            worker.request_stop()

    worker.pausedAt.connect(on_paused)
    worker.run(lambda: numbers(10), got.append)
    assert got == [0, 1] and report.paused == [0, 2]
    assert report.progress[:1] == [0] and report.progress[-1] == 2


def test_resume_runs_to_the_end():
    worker = GeneratorWorker()
    report = Report(worker)
    got = []
    worker.prepare_run(paused=True)
    worker.pausedAt.connect(lambda n: worker.set_paused(False))
    worker.run(lambda: numbers(50), got.append)
    assert got == list(range(50)) and report.paused == [0] and report.finished == ["done"]


@pytest.mark.serial  # (measures time: run alone)
def test_a_new_speed_ends_the_wait_for_the_old_one():
    """Capped at 1 item/s, the second item is due a second after the first; set_speed(0) from another thread while
    the worker waits for it lets the rest through at once."""
    worker = GeneratorWorker()
    got = []
    worker.set_speed(1)
    timer = threading.Timer(0.05, worker.set_speed, (0,))
    t0 = time.perf_counter()
    timer.start()
    try:
        worker.run(lambda: numbers(100), got.append)
    finally:
        timer.join()
    assert got == list(range(100))
    assert time.perf_counter() - t0 < 0.5


def test_a_speed_cap_spaces_the_items():
    worker = GeneratorWorker()
    worker.set_speed(200)
    times = []
    worker.run(lambda: numbers(6), lambda i: times.append(time.perf_counter()))
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.004


# --- the real Trainer, in its thread ----------------------------------------------------------------------------------
class Relay(QObject):
    """The worker's signals re-emitted in the GUI thread (a test waits on these: a plain callable connected to a
    worker's signal would run in the worker's thread)."""

    epochsReady = Signal(int)
    pausedAt = Signal(int)
    runFinished = Signal(object)
    runFailed = Signal(str, str)

    def __init__(self, worker: GeneratorWorker):
        super().__init__()
        worker.epochsReady.connect(self._on_epochs)
        worker.pausedAt.connect(self._on_paused)
        worker.runFinished.connect(self._on_finished)
        worker.runFailed.connect(self._on_failed)

    @Slot(int)
    def _on_epochs(self, n):
        self.epochsReady.emit(n)

    @Slot(int)
    def _on_paused(self, n):
        self.pausedAt.emit(n)

    @Slot(object)
    def _on_finished(self, value):
        self.runFinished.emit(value)

    @Slot(str, str)
    def _on_failed(self, message, details):
        self.runFailed.emit(message, details)


@pytest.fixture
def trainer(qtbot):
    t = Trainer()
    t.relay = Relay(t.worker)
    yield t
    t.shutdown()
    t.shutdown()  # twice is fine
    assert t._thread is None and not t.running


def test_full_speed_from_a_slow_cap_takes_effect_at_once(qtbot, trainer):
    history = History(1024)
    worker, relay = trainer.worker, trainer.relay
    worker.set_speed(1)  # one epoch a second
    with qtbot.waitSignal(relay.epochsReady, timeout=10000):  # (the first run loads torch)
        trainer.start(TrainConfig(epochs=1_000_000), Dataset.book(), history)
    assert trainer.running and len(history) < 5
    worker.set_speed(0)  # the worker is waiting out the 1 s cap: it must not finish that wait
    qtbot.waitUntil(lambda: len(history) >= 1000, timeout=2000)
    with qtbot.waitSignal(relay.runFinished, timeout=5000) as blocker:
        worker.request_stop()
    outcome = blocker.args[0]
    assert outcome.stop_reason == StopReason.CANCELLED and outcome.epochs_run == history.latest.epoch
    assert not trainer.running


def test_a_faster_cap_takes_effect_at_once(qtbot, trainer):
    history = History(1024)
    worker, relay = trainer.worker, trainer.relay
    worker.set_speed(0.2)  # 5 s an epoch: the old cap would hold the next epoch back that long
    with qtbot.waitSignal(relay.epochsReady, timeout=10000):
        trainer.start(TrainConfig(epochs=1_000_000), Dataset.book(), history)
    worker.set_speed(100)
    qtbot.waitUntil(lambda: len(history) >= 10, timeout=2000)
    assert len(history) < 400  # still capped
    worker.request_stop()
    qtbot.waitUntil(lambda: not trainer.running, timeout=5000)


def test_pause_during_a_slow_cap_runs_no_more_epochs(qtbot, trainer):
    history = History(1024)
    worker, relay = trainer.worker, trainer.relay
    worker.set_speed(1)
    with qtbot.waitSignal(relay.epochsReady, timeout=10000):
        trainer.start(TrainConfig(epochs=100), Dataset.book(), history)
    with qtbot.waitSignal(relay.pausedAt, timeout=2000) as paused:
        worker.set_paused(True)
    assert paused.args == [len(history)] == [1]
    with qtbot.waitSignal(relay.pausedAt, timeout=2000) as stepped:
        worker.step(1)
    assert stepped.args == [2] and history.latest.epoch == 2
    worker.set_speed(0)
    with qtbot.waitSignal(relay.runFinished, timeout=5000) as blocker:
        worker.set_paused(False)
    assert blocker.args[0].stop_reason == StopReason.COMPLETED and len(history) == 100


def test_a_failed_run_is_reported_and_the_trainer_can_run_again(qtbot, trainer):
    with qtbot.waitSignal(trainer.relay.runFailed, timeout=10000) as failed:
        trainer.start(TrainConfig(), Dataset([3.0], [1.0]), History(16))
    assert failed.args[1] == "" and not trainer.running
    history = History(16)
    with qtbot.waitSignal(trainer.relay.runFinished, timeout=10000):
        trainer.start(TrainConfig(epochs=20), Dataset.book(), history)
    assert len(history) == 20
    with pytest.raises(RuntimeError):
        trainer.shutdown()
        trainer.start(TrainConfig(epochs=20), Dataset.book(), history)
