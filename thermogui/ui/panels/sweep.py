"""Learning-rate sweep: run the same training for a log-spaced range of learning rates in the background and plot the
final loss against the rate (log-log), with the stable-rate bound and the runs that diverged.

The sweep runs in its own QThread, started for the sweep and ended with it: a `SweepWorker` moved to the thread runs
`core.sweep.lr_sweep`, checking a stop flag between epochs.  Its signals go only to @Slot methods of the panel (GUI
thread), which re-emits `sweepFinished` there.  `shutdown()` (and closing or destroying the panel) stops the sweep and
waits for the thread.
"""

from __future__ import annotations

import math
import threading
import traceback

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..core.config import TrainConfig
from ..core.dataset import Dataset
from ..core.explain import fmt_lr
from .landscape import fit_legend_height, legend_above, log_ticks
from .widgets import ScientificSpinBox

DIVERGED_COLOR = (214, 39, 40)
STABLE_COLOR = (31, 119, 180)
BOUND_COLOR = (44, 160, 44)


class SweepWorker(QObject):
    pointReady = Signal(int, object)  # index, SweepPoint
    sweepDone = Signal(object, bool)  # list of SweepPoint, cancelled
    sweepFailed = Signal(str)

    def __init__(self, config: TrainConfig, data: Dataset, lrs: list[float], epochs: int):
        super().__init__()
        self.config, self.data, self.lrs, self.epochs = config, data, lrs, epochs
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Callable from any thread."""
        self._stop.set()

    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @Slot()
    def run(self) -> None:
        try:
            from ..core.sweep import lr_sweep  # torch loads here, off the GUI thread

            points = lr_sweep(self.config, self.data, self.lrs, self.epochs, self.stop_requested,
                              lambda i, p: self.pointReady.emit(i, p))
            self.sweepDone.emit(points, self._stop.is_set())
        except (ValueError, ArithmeticError) as e:  # ConfigError / DataError: the reason, no traceback
            self.sweepFailed.emit(str(e))
        except Exception as e:  # a bug: report it, keep the app alive
            traceback.print_exc()
            self.sweepFailed.emit(f"The sweep failed: {e!r}")
        finally:
            QThread.currentThread().quit()


class _ThreadHolder:
    """The running sweep's thread and worker, outside the panel, so they can be stopped when the panel is
    destroyed without `shutdown()` (a QThread destroyed while running aborts the process)."""

    def __init__(self):
        self.thread: QThread | None = None
        self.worker: SweepWorker | None = None

    def stop(self, *_args) -> None:
        if self.thread is not None:
            if self.worker is not None:
                self.worker.request_stop()
            self.thread.quit()
            self.thread.wait()
        self.thread = None
        self.worker = None


def _spin(name: str, lo: int, hi: int, value: int, tip: str) -> QSpinBox:
    s = QSpinBox(objectName=name)
    s.setRange(lo, hi)
    s.setValue(value)
    s.setToolTip(tip)
    s.setGroupSeparatorShown(True)
    return s


def _nice_down(v: float) -> float:
    """The largest of 1, 2, 5 x 10^k at or below v."""
    e = math.floor(math.log10(v))
    return max(m * 10.0**e for m in (1, 2, 5) if m * 10.0**e <= v * (1 + 1e-12))


def _nice_up(v: float) -> float:
    e = math.floor(math.log10(v))
    return min(m * 10.0**e for m in (1, 2, 5, 10) if m * 10.0**e >= v * (1 - 1e-12))


class SweepPanel(QWidget):
    sweepFinished = Signal(object)  # list of SweepPoint (in the GUI thread; also after a cancel, with the runs done)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sweepPanel")
        self._config: TrainConfig | None = None
        self._data: Dataset | None = None
        self._lr_max: float | None = None
        self._range_edited = False
        self._syncing = False
        self._holder = _ThreadHolder()
        self.destroyed.connect(self._holder.stop)
        self.points: list = []
        self._epochs_run = 0

        self.lr_from = ScientificSpinBox(1e-12, 1e6)
        self.lr_from.setObjectName("sweepFromInput")
        self.lr_from.setToolTip("The smallest learning rate to try.")
        self.lr_to = ScientificSpinBox(1e-12, 1e6)
        self.lr_to.setObjectName("sweepToInput")
        self.lr_to.setToolTip("The largest learning rate to try.")
        self._sync_range(1e-6, 1e-2)
        self.count = _spin("sweepCountInput", 2, 200, 25, "How many learning rates, evenly spaced on a log scale.")
        self.epochs = _spin("sweepEpochsInput", 1, 1_000_000, 200, "Epochs each run trains for.")
        self.run_button = QPushButton("Run sweep", objectName="runSweepButton")
        self.run_button.setToolTip("Train once per learning rate, in the background, and plot where each run ended.")
        self.cancel_button = QPushButton("Cancel", objectName="cancelSweepButton", enabled=False)
        self.progress = QProgressBar(objectName="sweepProgress", textVisible=True)
        self.progress.setFormat("%v of %m runs")
        self.progress.setValue(0)
        self.summary = QLabel("Run a sweep to see which learning rates converge and which diverge.",
                              objectName="sweepSummaryLabel", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.plot = pg.PlotWidget(objectName="sweepPlot", background="w")
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            item.getAxis(side).setPen("k")
            item.getAxis(side).setTextPen("k")
        item.setLabel("bottom", "Learning rate")
        item.setLabel("left", "Final loss")
        item.setLogMode(x=True, y=True)
        item.setMenuEnabled(False)
        item.showGrid(x=True, y=True, alpha=0.25)
        item.disableAutoRange()
        item.getAxis("bottom").enableAutoSIPrefix(False)
        item.getAxis("left").enableAutoSIPrefix(False)
        self.legend = legend_above(item, columns=2)
        self.stable_curve = pg.PlotDataItem(pen=pg.mkPen(STABLE_COLOR, width=1.5), symbol="o", symbolSize=7,
                                            symbolBrush=STABLE_COLOR, symbolPen=None,
                                            connect="finite")
        self.diverged_curve = pg.PlotDataItem(pen=None, symbol="x", symbolSize=12, symbolBrush=DIVERGED_COLOR,
                                              symbolPen=pg.mkPen(DIVERGED_COLOR, width=1.5))
        self.bound_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(BOUND_COLOR, width=2,
                                                                                style=Qt.DashLine),
                                          label="bound", labelOpts={"position": 0.55, "color": BOUND_COLOR})
        self.lr_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(120, 120, 120, width=1,
                                                                            style=Qt.DotLine),
                                       label="your lr", labelOpts={"position": 0.35, "color": (90, 90, 90)})
        for it in (self.stable_curve, self.diverged_curve, self.bound_line, self.lr_line):
            item.addItem(it)
        self.bound_line.setVisible(False)
        self.lr_line.setVisible(False)
        # legend samples are stand-ins (never plotted): the legend draws a curve's symbol only once it has data
        self.legend.addItem(pg.PlotDataItem([0], [0], pen=pg.mkPen(STABLE_COLOR, width=1.5), symbol="o",
                                            symbolSize=7, symbolBrush=STABLE_COLOR, symbolPen=None),
                            "converging (loss fell)")
        self.legend.addItem(pg.ScatterPlotItem(symbol="x", size=12, brush=pg.mkBrush(DIVERGED_COLOR),
                                               pen=pg.mkPen(DIVERGED_COLOR, width=1.5)),
                            "diverged (loss grew; on the top row: became inf)")
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(BOUND_COLOR, width=2, style=Qt.DashLine)),
                            "stable-rate bound 2 / λmax (plain GD)")
        self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(120, 120, 120, width=1, style=Qt.DotLine)),
                            "your learning rate")
        fit_legend_height(self.legend, item)
        item.getViewBox().sigRangeChanged.connect(self._on_range_changed)

        form = QFormLayout()
        rng = QHBoxLayout()
        rng.addWidget(self.lr_from)
        rng.addWidget(QLabel("to"))
        rng.addWidget(self.lr_to)
        rng.addStretch(1)
        form.addRow("Learning rates from", rng)
        counts = QHBoxLayout()
        counts.addWidget(self.count)
        counts.addWidget(QLabel("rates,"))
        counts.addWidget(self.epochs)
        counts.addWidget(QLabel("epochs each"))
        counts.addStretch(1)
        form.addRow("Try", counts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.summary)

        self.lr_from.valueChanged.connect(self._on_range_edited)
        self.lr_to.valueChanged.connect(self._on_range_edited)
        self.run_button.clicked.connect(self.run_sweep)
        self.cancel_button.clicked.connect(self.cancel)

    # --- the problem -----------------------------------------------------------------------------
    def set_problem(self, config: TrainConfig, data: Dataset) -> None:
        """The configuration and data the next sweep uses.  Until the person edits the range, it follows the
        stable bound: from about bound / 300 to bound x 3."""
        self._config, self._data = config, data
        self._lr_max = None
        try:
            from ..core.analysis import stability
            from ..core.landscape import model_xy

            x, _, _ = model_xy(config, data)
            self._lr_max = stability(x).lr_max
        except (ValueError, ArithmeticError):
            pass
        ok = self._lr_max is not None and math.isfinite(self._lr_max) and self._lr_max > 0
        self.bound_line.setVisible(ok)
        if ok:
            self.bound_line.setValue(math.log10(self._lr_max))
            self.bound_line.label.setFormat(f"bound {fmt_lr(self._lr_max)}")
            if not self._range_edited:
                self._sync_range(_nice_down(self._lr_max / 300), _nice_up(self._lr_max * 3))
        self.lr_line.setVisible(True)
        self.lr_line.setValue(math.log10(config.lr))
        self.lr_line.label.setFormat(f"your lr {fmt_lr(config.lr)}")
        if not self.running:
            self.run_button.setEnabled(ok)
            if not ok:
                self.summary.setText("A sweep needs at least 2 readings with different t_u.")
        self._fit_view()

    def _sync_range(self, lo: float, hi: float) -> None:
        self._syncing = True
        try:
            self.lr_from.setValue(lo)
            self.lr_to.setValue(hi)
        finally:
            self._syncing = False

    @Slot()
    def _on_range_edited(self) -> None:
        if not self._syncing:
            self._range_edited = True

    # --- running ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._holder.thread is not None

    @Slot()
    def run_sweep(self) -> None:
        if self.running or self._config is None:
            return
        from ..core.sweep import log_lrs

        lo, hi = sorted((self.lr_from.value(), self.lr_to.value()))
        try:
            lrs = log_lrs(lo, hi, self.count.value())
        except ValueError as e:
            self.summary.setText(str(e))
            return
        self.points = []
        self._epochs_run = self.epochs.value()
        self.plot.getPlotItem().setLabel("left", f"Loss after {self._epochs_run:,} epochs")
        self._draw()
        self.progress.setRange(0, len(lrs))
        self.progress.setValue(0)
        self.summary.setText(f"Running {len(lrs)} runs of {self._epochs_run:,} epochs…")
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._fit_view(lrs)

        worker = SweepWorker(self._config, self._data, lrs, self._epochs_run)
        thread = QThread()
        thread.setObjectName("SweepThread")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.pointReady.connect(self._on_point_ready)
        worker.sweepDone.connect(self._on_sweep_done)
        worker.sweepFailed.connect(self._on_sweep_failed)
        thread.finished.connect(self._on_thread_finished)
        self._holder.thread, self._holder.worker = thread, worker
        thread.start()

    @Slot()
    def cancel(self) -> None:
        if self._holder.worker is not None:
            self._holder.worker.request_stop()
            self.cancel_button.setEnabled(False)
            self.summary.setText("Cancelling…")

    def shutdown(self) -> None:
        """Stop any sweep and end its thread (the window calls this when it closes); safe to call twice."""
        self._holder.stop()
        self._set_idle()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    @Slot(int, object)
    def _on_point_ready(self, index: int, point) -> None:
        if self.sender() is not self._holder.worker:
            return  # a point from a sweep that was stopped
        self.points.append(point)
        self.progress.setValue(index + 1)
        self._draw()

    @Slot(object, bool)
    def _on_sweep_done(self, points, cancelled: bool) -> None:
        if self.sender() is not self._holder.worker:
            return
        from ..core.sweep import summarize

        self._holder.stop()  # the worker has returned: join its thread now, so a new sweep can start at once
        self.points = list(points)
        self._draw()
        plain = self._config.optimizer == "sgd" and self._config.momentum == 0
        text = summarize(self.points, self._lr_max, plain, self._epochs_run)
        if cancelled:
            text = f"Cancelled after {len(self.points)} runs. " + (text if self.points else "")
        if not plain:
            text += " (The bound is for plain gradient descent; momentum and Adam move it.)"
        self.summary.setText(text)
        self._set_idle()
        self.sweepFinished.emit(self.points)

    @Slot(str)
    def _on_sweep_failed(self, message: str) -> None:
        if self.sender() is not self._holder.worker:
            return
        self._holder.stop()
        self.summary.setText(message)
        self._set_idle()
        self.sweepFinished.emit(self.points)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if thread is not None and thread is self._holder.thread:  # ended without reporting (should not happen)
            self._holder.stop()
            self._set_idle()

    def _set_idle(self) -> None:
        self.run_button.setEnabled(self._lr_max is not None)
        self.cancel_button.setEnabled(False)

    # --- drawing ---------------------------------------------------------------------------------
    def _draw(self) -> None:
        pts = self.points
        stable = [p for p in pts if not p.diverged and math.isfinite(p.final_loss) and p.final_loss > 0]
        grew = [p for p in pts if p.diverged and math.isfinite(p.final_loss) and p.final_loss > 0]
        inf = [p for p in pts if p.diverged and not (math.isfinite(p.final_loss) and p.final_loss > 0)]
        self.stable_curve.setData([p.lr for p in stable], [p.final_loss for p in stable])
        top = self._top_loss()
        self.diverged_curve.setData([p.lr for p in grew + inf], [p.final_loss for p in grew] + [top] * len(inf))
        self._fit_y()

    def _top_loss(self) -> float:
        """Where overflowed runs are drawn: a decade above the largest finite loss (or the view's top)."""
        finite = [p.final_loss for p in self.points if math.isfinite(p.final_loss) and p.final_loss > 0]
        starts = [p.start_loss for p in self.points if math.isfinite(p.start_loss) and p.start_loss > 0]
        hi = max(finite + starts, default=1.0)
        return 10.0 ** math.ceil(math.log10(hi) + 0.5)

    def _fit_view(self, lrs=None) -> None:
        """x: the sweep's rates (and the bound); y: every finite loss up to the row of overflowed runs."""
        xs = [self.lr_from.value(), self.lr_to.value()] if lrs is None else list(lrs)
        if self._lr_max:
            xs.append(self._lr_max)
        lx = np.log10(xs)
        self.plot.getPlotItem().vb.setXRange(lx.min(), lx.max(), padding=0.05)
        self._fit_y()

    @Slot(object, object)
    def _on_range_changed(self, _vb, ranges) -> None:
        (x0, x1), (y0, y1) = ranges
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks(log_ticks(x0, x1, fmt_lr))
        item.getAxis("left").setTicks(log_ticks(y0, y1, lambda v: f"{v:g}"))

    def _fit_y(self) -> None:
        finite = [p.final_loss for p in self.points if math.isfinite(p.final_loss) and p.final_loss > 0]
        lo = math.log10(min(finite)) if finite else 0.0
        hi = math.log10(self._top_loss())
        self.plot.getPlotItem().vb.setYRange(min(lo, hi - 1), hi, padding=0.06)
