"""The main window: composes the data table, the hyperparameters, the run controls, the readouts and the plots.

No maths here (every number comes from thermogui.core) and no state of its own: the `RunState` (`window.run_state`)
owns the settings, the readings and the last run; the panels listen to it.  The window starts and steers the
worker and draws frames from the run's history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from thermogui import __version__
from thermogui.core.config import ConfigError, StopReason, TrainOutcome
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.explain import explain_stop
from thermogui.core.history import History
from thermogui.core.models import get_model
from thermogui.core.numbers import fmt_lr, round_sig
from thermogui.core.problem import least_squares_line, start_line
from thermogui.ui import style
from thermogui.ui.controls.panel import ControlsPanel
from thermogui.ui.files.controller import FileController
from thermogui.ui.files.settings import restore_window_state, save_window_state
from thermogui.ui.panels.readouts import Readouts, StopAlert
from thermogui.ui.panels.teaching import TeachingPanels
from thermogui.ui.plots.live import MAX_LOSS_POINTS, FitPlot, LossPlot
from thermogui.ui.readings.model import ReadingsModel
from thermogui.ui.readings.table import DataPanel
from thermogui.ui.state import IDLE, PAUSED, RUNNING, RunState
from thermogui.ui.window_layout import build_layout, build_menus, build_run_actions, fit_to_screen
from thermogui.ui.worker import Trainer

REDRAW_MS = 33  # ~30 fps for the fit line: drawing holds the GIL, so redrawing faster slows training (DESIGN.md)
LOSS_EVERY = 3  # the loss curve (the costlier plot) is redrawn every 3rd frame, ~10 fps
READY_TEXT = "Ready — press Start (F5) to train."


class MainWindow(QMainWindow):
    runFinished = Signal(object)  # TrainOutcome, after the window has shown it
    runFailed = Signal(str)  # the message shown
    epochsReady = Signal(int)  # the worker's progress, re-emitted in the GUI thread
    runPaused = Signal(int)  # the worker is waiting after this many epochs

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
        self._pending_reset = False

        self.teaching = TeachingPanels(self)
        build_run_actions(self)
        build_layout(self)
        self.teaching.attach()
        self.files = FileController(self)
        build_menus(self)
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
        fit_to_screen(self, restored=restore_window_state(self))
        self.files.mark_saved()
        self._on_readings_changed()
        self._on_phase_changed(IDLE)
        self.show_status(READY_TEXT)

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

    def show_status(self, text: str, error: bool = False) -> None:
        """The run status line under the buttons (errors in the error colour)."""
        self.status_label.setText(text)
        style.set_text_role(self.status_label, "error" if error else None)

    def notify(self, text: str, error: bool = False) -> None:
        """A passing note (opened, saved, refused) in the status line and the status bar."""
        self.show_status(text, error)
        self.statusBar().showMessage(text, 8000)

    # --- running -----------------------------------------------------------------------------------------------------
    @Slot()
    def start(self, paused: bool = False) -> None:
        if self.run_state.busy or self.trainer.running:
            return
        if not self.data_panel.commit_edit():  # a cell still being typed into counts, as Enter would make it
            self.notify("Cannot start: a reading being typed cannot be used (see the table).", error=True)
            return
        try:
            config = self.run_state.config()
        except ConfigError as e:
            self.notify(f"Cannot start: {e}.", error=True)
            return
        data = self.run_state.dataset
        problems = data.problems()
        if problems:
            self.notify("Cannot start: " + problems[0][1], error=True)
            return
        self.alert.hide()
        history = History(config.epochs, n_params=get_model(config.model).size)
        self._drawn = -1
        self.loss_plot.clear_curves()
        self.loss_plot.set_epoch_range(config.epochs)
        self.progress.setMaximum(min(config.epochs, 2**31 - 1))
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.trainer.worker.set_speed(self.run_state.speed)
        self.run_state.begin_run(config, data, history, paused)
        self.trainer.start(config, data, history, paused)
        self.redraw_timer.start()
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
        self.progress.setFormat("%p%")
        self.run_state.clear_run()
        self._show_idle_line()
        self.teaching.landscape.clear_trajectory()
        self.teaching.refresh()
        self.show_status(READY_TEXT)

    @Slot(str)
    def _on_phase_changed(self, phase: str) -> None:
        active = phase != IDLE
        self.start_action.setEnabled(not active)
        self.pause_action.setEnabled(active)
        self.pause_action.setText("Resume" if phase == PAUSED else "Pause")
        self.step_action.setEnabled(phase != RUNNING)
        self.stop_action.setEnabled(active)
        self.data_panel.set_locked(active)
        if phase == PAUSED:
            self.show_status("Pausing…")
        elif phase == RUNNING:
            self.show_status(self._running_text())

    def _running_text(self) -> str:
        speed = self.run_state.speed
        pace = f"at {speed:,.0f} epoch{'s' if speed != 1 else ''}/s" if speed else "at full speed"
        return f"Training {pace} — Pause (F6) or Stop (Shift+F5). The readings are locked until the run ends."

    @Slot(float)
    def _on_speed_changed(self, speed: float) -> None:
        # The worker's controls are thread-safe calls: made here, in the GUI thread, they take effect at once (a
        # queued call would wait for the busy training thread's event loop, i.e. for the end of the run).
        self.trainer.worker.set_speed(speed)
        if self.state == RUNNING:
            self.show_status(self._running_text())

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
        self._drawn = r.epoch
        self._frame += 1
        epochs = run.config.epochs
        self.fit_plot.set_line(r.w_raw, r.b_raw)
        if self._frame % LOSS_EVERY == 0 or self.state != RUNNING:
            self.loss_plot.set_rows(run.history.decimated(MAX_LOSS_POINTS))
        self.readouts.show_epoch(r, epochs)
        if r.epoch * 200 // max(epochs, 1) != self.progress.value() * 200 // max(epochs, 1) or self.state != RUNNING:
            self.progress.setValue(min(r.epoch, self.progress.maximum()))  # repaints: only when the bar moves
        self.teaching.on_frame()

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
            f"Paused after epoch {count:,} — Resume (F6), Step (F10) or Stop. The loss shown is "
            "that epoch's, measured before its update; the line is after it."
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
            self.progress.setFormat(f"stopped at epoch {outcome.stop_epoch:,}")
        else:
            self.progress.setValue(
                self.progress.maximum()
                if outcome.stop_reason == StopReason.COMPLETED
                else min(outcome.epochs_run, self.progress.maximum())
            )
        stab = self._stability(config, run.data)
        if stab is not None:
            ex = explain_stop(config, outcome, stab)
            if outcome.stop_reason == StopReason.NON_FINITE:
                self.show_status("")  # the banner below says why, once
                self.alert.show_explanation(ex, normalized=config.normalize != "none")
            else:
                self.show_status(f"{ex.headline} Final loss {outcome.final_loss:.6g} (at the final w, b).")
        self.teaching.on_run_ended()
        if self._pending_reset:
            self.reset()
        self.runFinished.emit(outcome)

    @Slot(str, str)
    def _on_run_failed(self, message: str, details: str) -> None:
        self.redraw_timer.stop()
        self.run_state.end_run(None)
        self._show_idle_line()
        self.notify("Training could not run: " + message, error=True)
        box = QMessageBox(
            QMessageBox.Warning if not details else QMessageBox.Critical,
            "Training failed",
            message,
            QMessageBox.Ok,
            self,
        )
        if details:
            box.setDetailedText(details)
        box.setObjectName("trainingErrorDialog")
        box.open()
        self.runFailed.emit(message)

    # --- fixes offered after a divergence ----------------------------------------------------------------------------
    @Slot()
    def _on_use_stable_rate(self) -> None:
        stab = self._stability(self.run_state.committed_config(), self.run_state.dataset)
        if stab is not None:
            self.run_state.set_value("lr", round_sig(0.9 * stab.lr_max))
            self.start()

    @Slot()
    def _on_normalize_input(self) -> None:
        config = self.run_state.committed_config().with_(normalize="scale", scale=0.1)
        self.run_state.set_config(config)
        self.start()

    @Slot(float)
    def use_rate(self, lr: float) -> None:
        """Use a learning rate picked elsewhere (the sweep)."""
        if self.run_state.busy:
            self.notify("Stop the run to change the learning rate.", error=True)
            return
        lr = round_sig(lr)  # the rate the sweep names (2.2e-4), not its 20 digits
        self.run_state.set_value("lr", lr)
        self.notify(f"Learning rate set to {fmt_lr(lr)}. Press Start (F5).")

    # --- reacting to edits -------------------------------------------------------------------------------------------
    @staticmethod
    def _stability(config, data):
        from thermogui.core.analysis import stability
        from thermogui.core.problem import model_x

        try:
            return stability(model_x(config, data))
        except (ConfigError, DataError):
            return None

    @Slot()
    def _on_readings_changed(self) -> None:
        self.fit_plot.set_data(self.run_state.dataset)
        self._on_settings_changed()

    @Slot()
    def _on_settings_changed(self) -> None:
        ls = least_squares_line(self.run_state.committed_config(), self.run_state.dataset)
        if ls is not None:
            self.fit_plot.set_lstsq(ls.w, ls.b)
        else:
            self.fit_plot.lstsq.setData([], [])
        if self.state == IDLE:
            self._show_idle_line()
            self.teaching.refresh()

    @Slot()
    def _on_stale_changed(self, *_) -> None:
        if self.state == IDLE:
            self._show_idle_line()

    def _show_idle_line(self) -> None:
        """Not running: the finished run's line, or the start line of the current settings."""
        line = self.readouts.line
        if self.run_state.finished_run is None:
            line = start_line(self.run_state.committed_config(), self.run_state.dataset)
        self.fit_plot.set_line(*line)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About ThermoGUI",
            f"<b>ThermoGUI {__version__}</b><p>Watch gradient descent calibrate a thermometer: the "
            "example of chapter 5 of <i>Deep Learning with PyTorch</i>, on your own readings.</p>"
            f"<p>Plain gradient descent is stable below the rate {fmt_lr(2.0)} ÷ (largest Hessian "
            "eigenvalue); the app shows that bound beside the learning rate.</p>",
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
