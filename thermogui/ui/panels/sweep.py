"""Learning-rate sweep: run the same training for a log-spaced range of learning rates in the background and plot the
final loss against the rate (log-log), with the stable-rate bound and the runs that diverged.  It sweeps the chosen
model with the chosen arithmetic; the bound is 2 / λmax of the model's Hessian, and a model not linear in its
parameters (the network) is swept without one (`sweepBoundNote` says why).  Clicking a point
offers its rate: `rateChosen(lr)`; from the keyboard, the plot's Left / Right keys pick a point and Enter uses it.

The sweep is a generator (`core.sweep.iter_sweep`) run by the app's one worker pattern (`ui.worker`): a
`WorkerHost` made for the sweep and ended with it runs it in its own QThread, appending each point to a list the
panel reads when the worker reports progress.  The worker's signals go only to @Slot methods of the panel (GUI
thread), which re-emits `sweepFinished` there.  `shutdown()` (and closing or destroying the panel) stops the sweep
and waits for the thread.

The plot (drawing the points, picking one, the legend and the lines) is the mixin panels.sweep_plot.SweepPlotting.
"""

from __future__ import annotations

import math
import re
import sys

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.errors import UserError
from thermogui.core.fields import Field
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.controls.widgets import NumberField
from thermogui.ui.i18n import Retranslating, error_text, tr_text
from thermogui.ui.panels.sweep_plot import SweepPlotting
from thermogui.ui.worker import GeneratorWorker, WorkerHost

SWEEP_RATE = Field(
    "sweep_lr",
    "float",
    1e-4,
    QT_TRANSLATE_NOOP("fields", "learning rate"),
    QT_TRANSLATE_NOOP("fields", "A learning rate of the sweep's range (tried on a log scale between the two)."),
    minimum=0.0,
    max_open=False,
    min_open=True,
    maximum=1e6,
    log_steps=True,
)


def _spin(name: str, lo: int, hi: int, value: int) -> QSpinBox:
    s = QSpinBox(objectName=name)
    s.setRange(lo, hi)
    s.setValue(value)
    s.setGroupSeparatorShown(True)
    return s


class Sentence(QWidget):
    """A sentence with fields in it, laid out in the word order of the UI language: `set_text("Learning rates from
    {from} to {to}", {"from": box, "to": box})` puts each field where its placeholder is and the words between them
    in labels (called again with the translated sentence after a language change)."""

    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.words: list[QLabel] = []  # the labels between the fields, in order

    def set_text(self, text: str, fields: dict[str, QWidget]) -> None:
        while self._layout.count():
            self._layout.takeAt(0)
        for label in self.words:
            label.deleteLater()
        self.words = []
        for k, part in enumerate(re.split(r"\{(\w+)\}", text)):
            if k % 2:
                self._layout.addWidget(fields[part])
            elif part.strip():
                label = QLabel(part.strip(), self)
                self.words.append(label)
                self._layout.addWidget(label)
        self._layout.addStretch(1)


def _nice_down(v: float) -> float:
    """The largest of 1, 2, 5 x 10^k at or below v."""
    e = math.floor(math.log10(v))
    return max(m * 10.0**e for m in (1, 2, 5) if m * 10.0**e <= v * (1 + 1e-12))


def _nice_up(v: float) -> float:
    e = math.floor(math.log10(v))
    return min(m * 10.0**e for m in (1, 2, 5, 10) if m * 10.0**e >= v * (1 - 1e-12))


class SweepPanel(Retranslating, SweepPlotting, QWidget):
    sweepFinished = Signal(object)  # list of SweepPoint (in the GUI thread; also after a cancel, with the runs done)
    rateChosen = Signal(float)  # the person clicked a sweep point: use its learning rate

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sweepPanel")
        self._config: TrainConfig | None = None
        self._data: Dataset | None = None
        self._lr_max: float | None = None
        self._trainable = False  # a run can start on the problem's settings and readings
        self._range_edited = False
        self._syncing = False
        self._host: WorkerHost | None = None  # the running sweep's thread and worker
        self._live: list = []  # the running sweep's points, appended by its worker
        self._cancelled = False
        self._swept = False  # the progress bar shows a sweep that ran (not the next one)
        self.points: list = []
        self.chosen = None  # the SweepPoint picked last
        self._epochs_run = 0

        # the range fields parse every keystroke like the hyperparameters: a rate that cannot be used stays as typed
        # and the summary says why (never a silent revert)
        self.lr_from = NumberField(SWEEP_RATE)
        self.lr_from.setObjectName("sweepFromInput")
        self.lr_to = NumberField(SWEEP_RATE)
        self.lr_to.setObjectName("sweepToInput")
        for box in (self.lr_from, self.lr_to):  # (a NumberField's own size hint is too narrow for "0.000005")
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("0.0000005") + 32)
        self._sync_range(1e-6, 1e-2)
        self.count = _spin("sweepCountInput", 2, 200, 25)
        self.epochs = _spin("sweepEpochsInput", 1, 1_000_000, 200)
        self.run_button = QPushButton(objectName="runSweepButton")
        self.cancel_button = QPushButton(objectName="cancelSweepButton", enabled=False)
        self.progress = QProgressBar(objectName="sweepProgress", textVisible=True)
        self._show_progress(0, self.count.value())
        self.summary = QLabel(objectName="sweepSummaryLabel", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._summary = lambda: self.tr("Run a sweep to see which learning rates converge and which diverge.")
        self.hint = QLabel(objectName="sweepHintLabel")
        self._hint = lambda: self.tr("Click a point to use its learning rate.")
        style.set_text_role(self.hint, "hint")
        self.hint.setVisible(False)
        self.bound_note = QLabel(objectName="sweepBoundNote", wordWrap=True)
        style.set_text_role(self.bound_note, "hint")
        self.bound_note.setVisible(False)
        self._no_bound = None  # why the model has no stable-rate bound (a core Text), or None

        self._init_plot()

        # "Learning rates from [..] to [..]" and "Try [..] rates, [..] epochs each", in the UI language's word order
        self.range_sentence = Sentence(objectName="sweepRangeSentence")
        self.count_sentence = Sentence(objectName="sweepCountSentence")
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.range_sentence)
        lay.addWidget(self.count_sentence)
        lay.addLayout(buttons)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.hint)
        lay.addWidget(self.bound_note)
        lay.addWidget(self.summary)

        self.lr_from.valueChanged.connect(self._on_range_edited)
        self.lr_to.valueChanged.connect(self._on_range_edited)
        for box in (self.lr_from, self.lr_to):
            box.problemChanged.connect(self._on_range_problem)
        self.count.valueChanged.connect(self._on_count_changed)
        self.run_button.clicked.connect(self.run_sweep)
        self.cancel_button.clicked.connect(self.cancel)
        self.retranslate()

    # --- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the UI language, the ones that say what happened too."""
        self.range_sentence.set_text(
            self.tr("Learning rates from {from} to {to}"), {"from": self.lr_from, "to": self.lr_to}
        )
        self.count_sentence.set_text(
            self.tr("Try {count} rates, {epochs} epochs each"), {"count": self.count, "epochs": self.epochs}
        )
        self.lr_from.setToolTip(self.tr("The smallest learning rate to try."))
        self.lr_from.setAccessibleName(self.tr("Smallest learning rate"))
        self.lr_to.setToolTip(self.tr("The largest learning rate to try."))
        self.lr_to.setAccessibleName(self.tr("Largest learning rate"))
        self.count.setToolTip(self.tr("How many learning rates, evenly spaced on a log scale."))
        self.epochs.setToolTip(self.tr("Epochs each run trains for."))
        self.count.setAccessibleName(self.tr("Number of learning rates"))
        self.epochs.setAccessibleName(self.tr("Epochs per run"))
        self.run_button.setText(self.tr("Run sweep"))
        self.run_button.setToolTip(
            self.tr("Train once per learning rate, in the background, and plot where each run ended.")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.progress.setAccessibleName(self.tr("Sweep progress"))
        self.progress.setFormat(self.tr("%v of %m runs"))
        self._retranslate_plot()
        self._show_bound_note()
        self.summary.setText(self._summary())
        self.hint.setText(self._hint())

    def _show_bound_note(self) -> None:
        reason = self._no_bound
        self.bound_note.setText(
            self.tr("{reason} The sweep still shows which rates converge.").format(reason=tr_text(reason))
            if reason
            else ""
        )

    def _say(self, text) -> None:
        """The summary under the plot: `text()` in the UI language (again after a language change)."""
        self._summary = text
        self.summary.setText(text())

    def _say_hint(self, text) -> None:
        self._hint = text
        self.hint.setText(text())

    # --- the problem -----------------------------------------------------------------------------
    def set_problem(self, config: TrainConfig, data: Dataset) -> None:
        """The configuration and data the next sweep uses.  Until the person edits the range, it follows the
        stable bound: from about bound / 300 to bound x 3."""
        self._config, self._data = config, data
        self._lr_max = None
        swept = getattr(self, "_swept_problem", None)
        if not self.running and self.points and swept is not None and swept != (config.with_(lr=1.0), data):
            # the points were measured on other settings or readings: never show them beside the new bound
            self.points, self._swept_problem = [], None
            self._choose(None)
            self._draw()
            self._say(lambda: self.tr("The settings or readings changed since the last sweep: run it again."))
        from thermogui.core.landscape_words import unavailable
        from thermogui.core.sweep import stable_rate

        try:
            self._lr_max = stable_rate(config, data)  # the chosen model's 2 / λmax (None: it has no bound)
            self._trainable = True
        except UserError:  # readings no model can be fitted to: no bound, no sweep (anything else is a bug)
            self._trainable = False
        self._no_bound = no_bound = unavailable(config, "stable-rate bound")
        self._show_bound_note()
        self.bound_note.setVisible(bool(no_bound) and self._trainable)
        ok = self._lr_max is not None and math.isfinite(self._lr_max) and self._lr_max > 0
        self.bound_line.setVisible(ok)
        if ok:
            self.bound_line.setValue(math.log10(self._lr_max))
            if not self._range_edited:
                self._sync_range(_nice_down(self._lr_max / 300), _nice_up(self._lr_max * 3))
        self.lr_line.setVisible(True)
        self.lr_line.setValue(math.log10(config.lr))
        self._label_lines()
        if not self.running:
            self.run_button.setEnabled(self._trainable)
            if not self._trainable:
                self._say(lambda: self.tr("A sweep needs at least 2 readings with different t_u."))
        self._fit_view()

    def _sync_range(self, lo: float, hi: float) -> None:
        self._syncing = True
        try:
            self.lr_from.setValue(lo)
            self.lr_to.setValue(hi)
        finally:
            self._syncing = False

    @Slot(object)
    def _on_range_problem(self, reason) -> None:
        problems = [b.problem() for b in (self.lr_from, self.lr_to) if b.problem()]
        if problems:
            self._say(lambda problem=problems[0]: "⚠ " + tr_text(problem))

    @Slot()
    def _on_range_edited(self) -> None:
        if not self._syncing:
            self._range_edited = True

    @Slot(int)
    def _on_count_changed(self, count: int) -> None:
        """Until a sweep has run, the progress bar announces the next one: 0 of `count` runs."""
        if not self.running and not self._swept:
            self._show_progress(0, count)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    # --- running ---------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._host is not None and self._host.running

    @Slot()
    def run_sweep(self) -> None:
        if self.running or self._config is None:
            return
        from thermogui.core.sweep import iter_sweep, log_lrs

        problems = [b.problem() for b in (self.lr_from, self.lr_to) if b.problem()]
        if problems:
            self._say(lambda problem=problems[0]: "⚠ " + tr_text(problem))
            return
        lo, hi = sorted((self.lr_from.value(), self.lr_to.value()))
        try:
            lrs = log_lrs(lo, hi, self.count.value())
        except UserError as e:  # (ConfigError) the reason, in the summary
            self._say(lambda e=e: error_text(e))
            return
        self._end_host()
        self.points, self._live, self._cancelled, self._swept = [], [], False, True
        self._swept_problem = (self._config.with_(lr=1.0), self._data)  # (the sweep varies only the rate)
        self._choose(None)
        self._epochs_run = epochs = self.epochs.value()
        self._label_axes()
        self._draw()
        self._show_progress(0, len(lrs))
        runs = len(lrs)
        self._say(lambda: self.tr("Running {runs} runs of {epochs} epochs…").format(runs=runs, epochs=f"{epochs:,}"))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._fit_view(lrs)

        host = WorkerHost(GeneratorWorker(polls_stop=True), "SweepThread")  # no parent: it outlives the panel's
        worker = host.worker  # children, so `destroyed` can still stop it (a running QThread must not be deleted)
        worker.itemsReady.connect(self._on_points_ready)
        worker.runFinished.connect(self._on_sweep_done)
        worker.runFailed.connect(self._on_sweep_failed)
        self.destroyed.connect(host.shutdown)
        self._host = host
        config, data, stop = self._config, self._data, worker.stop_requested
        host.launch(lambda: iter_sweep(config, data, lrs, epochs, stop), self._live.append)

    @Slot()
    def cancel(self) -> None:
        if self.running:
            self._host.worker.request_stop()
            self._cancelled = True
            self.cancel_button.setEnabled(False)
            self._say(lambda: self.tr("Cancelling…"))

    def shutdown(self) -> None:
        """Stop any sweep and end its thread (the window calls this when it closes); safe to call twice."""
        self._end_host()
        self._set_idle()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _end_host(self) -> None:
        """Stop the sweep's worker and join its thread (at once when it has already returned)."""
        host, self._host = self._host, None
        if host is not None:
            host.shutdown()
            try:
                self.destroyed.disconnect(host.shutdown)
            except (RuntimeError, TypeError):
                pass

    def _current(self) -> bool:
        """The signal being handled comes from the running sweep (not from one that was stopped)."""
        return self._host is not None and self.sender() is self._host.worker

    @Slot(int)
    def _on_points_ready(self, count: int) -> None:
        if not self._current():
            return
        self.points = self._live[:count]
        self._show_progress(count, self.progress.maximum())
        self._draw()

    @Slot(object)
    def _on_sweep_done(self, points) -> None:
        if not self._current():
            return
        from thermogui.core.sweep import summarize

        self._end_host()  # the worker has returned: join its thread now, so a new sweep can start at once
        self.points = list(points)
        self._draw()
        plain = self._config.optimizer == "sgd" and self._config.momentum == 0
        summary = summarize(self.points, self._lr_max, plain, self._epochs_run, self._lr_max is not None)
        cancelled, count = self._cancelled, len(self.points)
        moved = not plain and self._lr_max is not None

        def text() -> str:
            out = tr_text(summary)
            if cancelled and count:
                out = self.tr("Cancelled after {count} runs. {summary}").format(count=count, summary=out)
            elif cancelled:
                out = self.tr("Cancelled after {count} runs.").format(count=count)
            if moved:
                out = self.tr("{summary} (The bound is for plain gradient descent; momentum and Adam move it.)").format(
                    summary=out
                )
            return out

        self._say(text)
        self._set_idle()
        self.sweepFinished.emit(self.points)

    @Slot(str, str)
    def _on_sweep_failed(self, message: str, details: str) -> None:
        if not self._current():
            return
        self._end_host()
        if details:  # a bug, not the input: keep the traceback where it can be reported
            sys.stderr.write("ThermoGUI: the learning-rate sweep failed:\n" + details)
            self._say(lambda: self.tr("The sweep failed: {reason}").format(reason=message))
        else:
            self._say(lambda: message)
        self.summary.setToolTip(details)
        self._set_idle()
        self.sweepFinished.emit(self.points)

    def _set_idle(self) -> None:
        self.run_button.setEnabled(self._trainable)
        self.cancel_button.setEnabled(False)
