"""PySide6 6.12.0 on Python 3.11 crashes after ~570 Signal.emit() calls (a reference to True is dropped per emit).
This process must survive well over 10,000 cross-thread emits (the dependency spec excludes 6.12.0)."""

from PySide6.QtCore import QObject, QThread, Signal, Slot


class Emitter(QObject):
    value = Signal(int)
    flag = Signal(bool)
    done = Signal()

    @Slot()
    def run(self):
        for i in range(12000):
            self.value.emit(i)
            self.flag.emit(i % 2 == 0)
        self.done.emit()


class Receiver(QObject):
    finished = Signal()

    def __init__(self):
        super().__init__()
        self.count = 0
        self.flags = 0
        self.last = -1

    @Slot(int)
    def on_value(self, i):
        self.count += 1
        self.last = i

    @Slot(bool)
    def on_flag(self, f):
        self.flags += 1

    @Slot()
    def on_done(self):
        self.finished.emit()


def test_more_than_ten_thousand_cross_thread_emits(qtbot):
    thread = QThread()
    emitter = Emitter()
    emitter.moveToThread(thread)
    receiver = Receiver()
    emitter.value.connect(receiver.on_value)
    emitter.flag.connect(receiver.on_flag)
    emitter.done.connect(receiver.on_done)
    thread.started.connect(emitter.run)
    with qtbot.waitSignal(receiver.finished, timeout=60000):
        thread.start()
    assert receiver.count == 12000 and receiver.flags == 12000  # queued in order: all delivered before done
    assert receiver.last == 11999
    thread.quit()
    thread.wait()


def test_a_long_run_emits_thousands_of_progress_signals(qtbot, window):
    """The real worker at 1 epoch per emit (speed capped so every epoch is signalled)."""
    from thermogui.core.training import TrainConfig

    worker = window.trainer.worker
    worker.set_speed(1e9)  # a cap (so each epoch is emitted) that never waits
    seen = []
    window.epochsReady.connect(seen.append)
    with qtbot.waitSignal(window.runFinished, timeout=120000):
        window.controls.set_config(TrainConfig(epochs=11000))
        window.start()
        worker.set_speed(1e9)
    assert seen[-1] == 11000 and len(seen) >= 10000
