"""The main window: composes the data table, the hyperparameters, the run controls, the readouts and the plots.

No maths here (every number comes from thermogui.core) and no state of its own: the `RunState` (`window.run_state`)
owns the settings, the readings and the last run; the panels listen to it.  The window starts and steers the
worker and draws frames from the run's history.  Mixins hold the rest of its glue: `window_teaching` (my line,
rewind), `window_views` (the View switches) and `window_settings` (reacting to edits, the fixes it offers).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from thermogui import __version__
from thermogui.core.config import ConfigError, StopReason, TrainOutcome
from thermogui.core.dataset import Dataset
from thermogui.core.explain import explain_stop, fmt_epochs
from thermogui.core.history import History
from thermogui.core.models import model_of
from thermogui.core.numbers import fmt_lr
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.controls.panel import ControlsPanel
from thermogui.ui.files.controller import FileController
from thermogui.ui.files.settings import restore_window_state, save_window_state
from thermogui.ui.i18n import Retranslating, error_text, marked, tr_text, translate
from thermogui.ui.panels.alert import StopAlert
from thermogui.ui.panels.readouts import Readouts
from thermogui.ui.panels.teaching import TeachingPanels
from thermogui.ui.plots.kit import PAINT_TIME
from thermogui.ui.plots.live import MAX_LOSS_POINTS, FitPlot, LossPlot
from thermogui.ui.readings.model import ReadingsModel
from thermogui.ui.readings.table import DataPanel
from thermogui.ui.state import IDLE, PAUSED, RUNNING, RunState
from thermogui.ui.window_layout import (
    build_layout,
    build_menus,
    build_run_actions,
    fit_to_screen,
    pause_text,
    retranslate_window,
)
from thermogui.ui.window_settings import SettingsGlue
from thermogui.ui.window_teaching import TeachingGlue
from thermogui.ui.window_views import ViewToggles
from thermogui.ui.worker import Trainer

REDRAW_MS = 33  # ~30 fps at most: drawing holds the GIL, so redrawing faster slows training (DESIGN.md)
MAX_REDRAW_MS = 100  # ~10 fps at least
FRAME_SHARE = 0.08  # a frame (redraw + the plots' paint, in Python) may take this share of the time while a run goes
LOSS_EVERY = 3  # the loss curve (the costlier plot) is redrawn every 3rd frame, ~10 fps
READY_TEXT = QT_TRANSLATE_NOOP("MainWindow", "Ready — press Start (F5) to train.")


class MainWindow(Retranslating, TeachingGlue, ViewToggles, SettingsGlue, QMainWindow):
    runFinished = Signal(object)  # TrainOutcome, after the window has shown it
    runFailed = Signal(str)  # the message shown
    epochsReady = Signal(int)  # the worker's progress, re-emitted in the GUI thread
    runPaused = Signal(int)  # the worker is waiting after this many epochs
    epochChosen = Signal(int)  # the epoch looked back at on the loss plot (0: back to the latest)

    def __init__(self, data: Dataset | None = None):
        super().__init__()
        # Closing deletes the window, so Qt drops its connections (and the lambdas in them) and Python can free it:
        # without this every window ever opened stays in memory (~10 MB each).
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle("ThermoGUI — calibrate a thermometer by gradient descent")
        self.model = ReadingsModel(data)
        self.run_state = state = RunState(self.model, self)
        self.data_panel = DataPanel(self.model)
        self.controls = ControlsPanel(state)
        self.fit_plot = FitPlot()
        self.loss_plot = LossPlot()
        self.readouts = Readouts(state)
        self.alert = StopAlert()
        self.trainer = Trainer(self)
        self._drawn = -1
        self._frame = 0
        self._frame_cost: float | None = None  # seconds a frame takes (smoothed), for the frame budget
        self._painted = 0.0  # PAINT_TIME at the last frame
        self._pending_reset = False
        self._status = ("", False)  # what show_status shows (re-made in the UI language when it changes)
        self._stopped_at: int | None = None  # the epoch the progress bar says a diverged run stopped at

        self.teaching = TeachingPanels(self)
        build_run_actions(self)
        build_layout(self)
        self.teaching.attach()
        self.files = FileController(self)
        build_menus(self)
        self._build_units_toggle()
        self.setAcceptDrops(True)

        self.redraw_timer = QTimer(self, interval=REDRAW_MS)
        self.redraw_timer.timeout.connect(self._redraw)
        state.readingsChanged.connect(self._on_readings_changed)
        state.settingsChanged.connect(self._on_settings_changed)
        state.staleChanged.connect(self._on_stale_changed)
        state.runEnded.connect(self._on_stale_changed)  # (after the readouts, connected first: they set the line)
        state.phaseChanged.connect(self._on_phase_changed)
        state.speedChanged.connect(self._on_speed_changed)
        self.trainer.worker.runFinished.connect(self._on_run_finished)
        self.trainer.worker.runFailed.connect(self._on_run_failed)
        self.trainer.worker.epochsReady.connect(self._on_epochs_ready)
        self.trainer.worker.pausedAt.connect(self._on_paused_at)
        self.alert.useStableRate.connect(self._on_use_stable_rate)
        self.alert.normalizeInput.connect(self._on_normalize_input)
        self.alert.retry.connect(self.start)
        self._init_geometry()
        fit_to_screen(self, restored=restore_window_state(self))
        self.files.mark_saved()
        self._on_readings_changed()
        self._on_phase_changed(IDLE)
        self.show_status(self._ready_text)

    # --- what other objects read -------------------------------------------------------------------------------------
    @property
    def state(self) -> str:
        """idle | running | paused (the run state's phase)."""
        return self.run_state.phase

    @property
    def history(self) -> History:
        run = self.run_state.last_run
        return run.history if run is not None and run.history is not None else History(16)

    @property
    def last_outcome(self) -> TrainOutcome | None:
        run = self.run_state.last_run
        return run.outcome if run is not None else None

    def show_status(self, text, error: bool = False) -> None:
        """The run status line under the buttons (errors in the error colour).  `text`: a str shown as it is, a
        core.tr.Text shown in the UI language, or a function that makes the text in the UI language — made again
        when the language changes."""
        self._status = (text, error)
        self.status_label.setText(self._status_text(text))
        style.set_text_role(self.status_label, "error" if error else None)
        room = getattr(self, "room", None)
        if room is not None:
            room.fit()  # (an empty status line gives its room to the plots while the banner shows)

    @staticmethod
    def _status_text(text) -> str:
        return text() if callable(text) else tr_text(text)

    def notify(self, text, error: bool = False) -> None:
        """A passing note (opened, saved, refused) in the status line and the status bar (`text` as show_status)."""
        self.show_status(text, error)
        self.statusBar().showMessage(self._status_text(text), 8000)

    @staticmethod
    def _ready_text() -> str:
        return marked("MainWindow", READY_TEXT)

    # --- running -----------------------------------------------------------------------------------------------------
    @Slot()
    def start(self, paused: bool = False) -> None:
        if self.run_state.busy or self.trainer.running:
            return
        if not self.data_panel.commit_edit():  # a cell still being typed into counts, as Enter would make it
            self.notify(
                lambda: translate("MainWindow", "Cannot start: a reading being typed cannot be used (see the table)."),
                error=True,
            )
            return
        try:
            config = self.run_state.config()
        except ConfigError as e:
            self.notify(
                lambda err=e: translate("MainWindow", "Cannot start: {reason}.").format(reason=error_text(err)),
                error=True,
            )
            return
        data = self.run_state.dataset
        problems = data.problems()
        if problems:
            why = problems[0][1]
            self.notify(
                lambda: translate("MainWindow", "Cannot start: {reason}").format(reason=tr_text(why)), error=True
            )
            return
        self.alert.hide()
        self._set_stopped_at(None)
        history = History(config.epochs, n_params=model_of(config).size)
        self._drawn = -1
        self.loss_plot.clear_curves()
        self.loss_plot.set_epoch_range(config.epochs)
        self.progress.setMaximum(min(config.epochs, 2**31 - 1))
        self.progress.setValue(0)
        self.trainer.worker.set_speed(self.run_state.speed)
        self.run_state.begin_run(config, data, history, paused)
        self.trainer.start(config, data, history, paused)
        self._frame_cost, self._painted = None, PAINT_TIME[0]
        self.redraw_timer.start(REDRAW_MS)
        self.teaching.on_run_started()

    @Slot()
    def toggle_pause(self) -> None:
        if self.state == RUNNING:
            self.trainer.worker.set_paused(True)
            self.run_state.set_phase(PAUSED)
        elif self.state == PAUSED:
            self.trainer.worker.set_paused(False)
            self.run_state.set_phase(RUNNING)

    @Slot()
    def step(self) -> None:
        if self.state == IDLE:
            self.start(paused=True)
        if self.state == PAUSED:
            self.trainer.worker.step(1)

    @Slot()
    def stop(self) -> None:
        if self.state != IDLE:
            self.trainer.worker.request_stop()

    @Slot()
    def reset(self) -> None:
        if self.state != IDLE:
            self.trainer.worker.request_stop()
            self._pending_reset = True
            return
        self._pending_reset = False
        self.alert.hide()
        self.loss_plot.clear_curves()
        self.progress.setValue(0)
        self._set_stopped_at(None)
        self.run_state.clear_run()
        self._show_idle_line()
        self.teaching.landscape.clear_trajectory()
        self.teaching.refresh()
        self.show_status(self._ready_text)

    @Slot(str)
    def _on_phase_changed(self, phase: str) -> None:
        active = phase != IDLE
        self.start_action.setEnabled(not active)
        self.pause_action.setEnabled(active)
        self.pause_action.setText(pause_text(self))
        self.step_action.setEnabled(phase != RUNNING)
        self.stop_action.setEnabled(active)
        self.data_panel.set_locked(active)
        if phase == PAUSED:
            self.show_status(lambda: translate("MainWindow", "Pausing…"))
        elif phase == RUNNING:
            self.show_status(self._running_text)

    def _running_text(self) -> str:
        speed = self.run_state.speed
        if not speed:
            return translate(
                "MainWindow",
                "Training at full speed — Pause (F6) or Stop (Shift+F5). The readings are locked until the run ends.",
            )
        if speed == 1:
            text = translate(
                "MainWindow",
                "Training at {speed} epoch/s — Pause (F6) or Stop (Shift+F5). The readings are locked until the run "
                "ends.",
            )
        else:
            text = translate(
                "MainWindow",
                "Training at {speed} epochs/s — Pause (F6) or Stop (Shift+F5). The readings are locked until the run "
                "ends.",
            )
        return text.format(speed="{:,.0f}".format(speed))

    @Slot(float)
    def _on_speed_changed(self, speed: float) -> None:
        # The worker's controls are thread-safe calls: made here, in the GUI thread, they take effect at once (a
        # queued call would wait for the busy training thread's event loop, i.e. for the end of the run).
        self.trainer.worker.set_speed(speed)
        if self.state == RUNNING:
            self.show_status(self._running_text)

    @Slot()
    def _redraw(self, force: bool = False) -> None:
        """One frame: the fit line and readouts; the loss curve every LOSS_EVERY frames (and always when forced or
        not running, so a paused or finished run shows its whole curve)."""
        run = self.run_state.last_run
        if run is None or run.history is None:
            return
        r = run.history.latest
        if r is None or (r.epoch == self._drawn and not force):
            return
        if self.viewing is not None:  # looking back at an earlier epoch: until the run moves on
            if r.epoch == self.viewing[2]:
                return
            self._leave_rewind()
        self._drawn = r.epoch
        self._frame += 1
        start = time.perf_counter()
        epochs = run.config.epochs
        self.fit_plot.set_curve(model_of(run.config), r.params_raw)
        if self._frame % LOSS_EVERY == 0 or self.state != RUNNING:
            self.loss_plot.set_rows(run.history.decimated(MAX_LOSS_POINTS))
        self.readouts.show_epoch(r, epochs)
        running = self.state == RUNNING
        self.progress.setValue(min(r.epoch, self.progress.maximum()))  # (its text names the epoch the readouts show)
        self.teaching.on_frame()
        if running:
            self._keep_frame_budget(time.perf_counter() - start)

    def _keep_frame_budget(self, redraw_s: float) -> None:
        """At full speed, space the frames so that drawing (this redraw and the plots' last paint) takes about
        FRAME_SHARE of the time: the training thread needs the GIL for the rest.  A cheap frame (the line) keeps
        ~30 fps; a network's fit, hidden units and loss curve, ~13–20 fps on these machines.  A run slowed to a chosen
        speed waits between epochs anyway: it is drawn at the full frame rate."""
        cost = redraw_s + PAINT_TIME[0] - self._painted
        self._painted = PAINT_TIME[0]
        self._frame_cost = cost if self._frame_cost is None else 0.7 * self._frame_cost + 0.3 * cost
        interval = round(min(MAX_REDRAW_MS, max(REDRAW_MS, 1000 * self._frame_cost / FRAME_SHARE)))
        if self.run_state.speed > 0:
            interval = REDRAW_MS
        if abs(interval - self.redraw_timer.interval()) >= 3:
            self.redraw_timer.setInterval(interval)

    @Slot(int)
    def _on_epochs_ready(self, count: int) -> None:
        if self.state == PAUSED:
            self._redraw()
        self.epochsReady.emit(count)

    @Slot(int)
    def _on_paused_at(self, count: int) -> None:
        self._redraw(force=True)
        self.teaching.refresh()
        self.show_status(
            lambda: translate(
                "MainWindow",
                "Paused after epoch {epoch} — Resume (F6), Step (F10) or Stop. The loss shown is that epoch's, "
                "measured before its update; the line (or curve) is after it.",
            ).format(epoch=fmt_epochs(count))
        )
        self.runPaused.emit(count)

    @Slot(object)
    def _on_run_finished(self, outcome: TrainOutcome) -> None:
        self.redraw_timer.stop()
        self.statusBar().clearMessage()
        run = self.run_state.last_run
        self.run_state.end_run(outcome)
        self._redraw(force=True)
        config = run.config
        if outcome.stop_reason == StopReason.NON_FINITE:
            self._set_stopped_at(outcome.stop_epoch)
        else:
            self.progress.setValue(
                self.progress.maximum()
                if outcome.stop_reason == StopReason.COMPLETED
                else min(outcome.epochs_run, self.progress.maximum())
            )
        stab = self._stability(config, run.data)
        if stab is not None or outcome.stop_reason != StopReason.NON_FINITE:
            ex = explain_stop(config, outcome, stab)
            if outcome.stop_reason == StopReason.NON_FINITE:
                self.show_status("")  # the banner below says why, once
                self.alert.show_explanation(ex, normalized=config.normalize != "none")
            else:
                self.show_status(lambda: self._finished_text(ex, outcome))
        else:  # a torch.nn module blew up: no stable rate to offer (no banner), the reason and the fix said here
            ex = explain_stop(config, outcome, None)
            self.show_status(lambda: "{} {}".format(tr_text(ex.headline), tr_text(ex.advice)), error=True)
        self.teaching.on_run_ended()
        if self._pending_reset:
            self.reset()
        self.runFinished.emit(outcome)

    @staticmethod
    def _finished_text(ex, outcome: TrainOutcome) -> str:
        """ "Completed 5,000 epochs. Final loss 2.92765 (at the final w, b).", in the UI language."""
        if outcome.model == "line":
            text = translate("MainWindow", "{headline} Final loss {loss} (at the final w, b).")
        else:
            text = translate("MainWindow", "{headline} Final loss {loss} (at the final parameters).")
        return text.format(headline=tr_text(ex.headline), loss="{:.6g}".format(outcome.final_loss))

    def _set_stopped_at(self, epoch: int | None) -> None:
        """The progress bar says where a diverged run stopped (None: its own text again)."""
        self._stopped_at = epoch
        if epoch is None:
            self.progress.setFormat("%p%")
        else:
            self.progress.setFormat(translate("MainWindow", "stopped at epoch {epoch}").format(epoch=fmt_epochs(epoch)))

    @Slot(str, str)
    def _on_run_failed(self, message: str, details: str) -> None:
        self.redraw_timer.stop()
        self.run_state.end_run(None)
        self._show_idle_line()
        self.notify(
            lambda: translate("MainWindow", "Training could not run: {reason}").format(reason=tr_text(message)),
            error=True,
        )
        box = QMessageBox(
            QMessageBox.Warning if not details else QMessageBox.Critical,
            translate("MainWindow", "Training failed"),
            message,
            QMessageBox.Ok,
            self,
        )
        if details:
            box.setDetailedText(details)
        box.setObjectName("trainingErrorDialog")
        box.open()
        self.runFailed.emit(message)

    # --- the UI language, about --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The frame's texts in the UI language on QEvent.LanguageChange (window_layout's builders set them first;
        the panels relabel themselves) and the title (the file controller's)."""
        retranslate_window(self)
        self.files.retranslate()
        self._retranslate_units_toggle()
        self._retranslate_geometry_tips()
        self.show_status(*self._status)  # the status line and the progress bar's stop, in the new language
        if self._stopped_at is not None:
            self._set_stopped_at(self._stopped_at)
        if self.law_action.isChecked():
            self.set_fahrenheit_law(True)  # (the law's tooltip on the fit plot; the readouts re-make their own)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            translate("MainWindow", "About ThermoGUI"),
            translate(
                "MainWindow",
                "<b>ThermoGUI {version}</b><p>Watch gradient descent calibrate a thermometer: the example of chapter "
                "5 of <i>Deep Learning with PyTorch</i>, on your own readings.</p><p>Plain gradient descent is stable "
                "below the rate {two} ÷ (largest Hessian eigenvalue); the app shows that bound beside the learning "
                "rate.</p>",
            ).format(version=__version__, two=fmt_lr(2.0)),
        )

    # --- results -----------------------------------------------------------------------------------------------------
    def result_summary(self) -> dict | None:
        """The last finished run's result as plain data (sessions, exports), marked "stale" when it was made on other
        readings or settings than the window shows; None if there is none."""
        run = self.run_state.finished_run
        if run is None:
            return None
        summary = dict(run.summary() or {})
        if not summary:
            return None
        summary["stale"] = bool(self.run_state.stale)
        return summary

    # --- drag and drop -----------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if (
            len(urls) == 1
            and urls[0].isLocalFile()
            and urls[0].toLocalFile().lower().endswith((".csv", ".tsv", ".txt", ".json"))
        ):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        self.files.open_path(event.mimeData().urls()[0].toLocalFile())
        event.acceptProposedAction()

    def open_path(self, path) -> bool:
        """Open a CSV or a session; False (with the message shown) when refused — then nothing changed."""
        return self.files.open_path(path)

    # --- lifetime ----------------------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        if self.files.reading:  # a big CSV is being read (a few seconds): close once it is in
            event.ignore()
            QTimer.singleShot(200, self.close)
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        save_window_state(self)
        self.redraw_timer.stop()
        self.files.autosave_timer.stop()
        self.trainer.shutdown()
        self.teaching.shutdown()
        self.files.discard_autosave()
        super().closeEvent(event)
