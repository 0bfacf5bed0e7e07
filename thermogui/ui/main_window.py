"""The main window: composes the data table, the hyperparameters, the run controls, the readouts and the plots.

No maths here (every number comes from thermogui.core) and no state of its own: the `RunState` (`window.run_state`)
owns the settings, the readings and the last run; the panels listen to it.  The window starts and steers the
worker and draws frames from the run's history.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from thermogui import __version__
from thermogui.core.config import ConfigError, StopReason, TrainOutcome
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.explain import explain_stop, fmt_epochs
from thermogui.core.history import History
from thermogui.core.models import model_of
from thermogui.core.numbers import fmt_lr, round_sig
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
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
from thermogui.ui.worker import Trainer

REDRAW_MS = 33  # ~30 fps at most: drawing holds the GIL, so redrawing faster slows training (DESIGN.md)
MAX_REDRAW_MS = 100  # ~10 fps at least
FRAME_SHARE = 0.08  # a frame (redraw + the plots' paint, in Python) may take this share of the time while a run goes
LOSS_EVERY = 3  # the loss curve (the costlier plot) is redrawn every 3rd frame, ~10 fps
READY_TEXT = QT_TRANSLATE_NOOP("MainWindow", "Ready — press Start (F5) to train.")


class MainWindow(Retranslating, QMainWindow):
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
        """Space the frames so that drawing (this redraw and the plots' last paint) takes about FRAME_SHARE of the
        time: the training thread needs the GIL for the rest.  A cheap frame (the line) keeps ~30 fps; a network's
        fit, hidden units and loss curve, ~15–20 fps on these machines."""
        cost = redraw_s + PAINT_TIME[0] - self._painted
        self._painted = PAINT_TIME[0]
        self._frame_cost = cost if self._frame_cost is None else 0.7 * self._frame_cost + 0.3 * cost
        interval = round(min(MAX_REDRAW_MS, max(REDRAW_MS, 1000 * self._frame_cost / FRAME_SHARE)))
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
            self.notify(lambda: translate("MainWindow", "Stop the run to change the learning rate."), error=True)
            return
        lr = round_sig(lr)  # the rate the sweep names (2.2e-4), not its 20 digits
        self.run_state.set_value("lr", lr)
        self.notify(
            lambda: translate("MainWindow", "Learning rate set to {lr}. Press Start (F5).").format(lr=fmt_lr(lr))
        )

    # --- a network's hidden units -----------------------------------------------------------------------------------
    def _build_units_toggle(self) -> None:
        """View ▸ Show Hidden Units and the check box beside a network's size (the readouts, above the fit plot): one
        switch, remembered, drawing each hidden unit's curve under the network's fit."""
        from PySide6.QtGui import QAction

        from thermogui.ui.files.settings import VIEW_HIDDEN_UNITS

        on = VIEW_HIDDEN_UNITS.get()
        self.units_action = QAction(self, checkable=True, objectName="showHiddenUnitsAction")
        self._retranslate_units_toggle()
        self.units_action.setChecked(on)
        view = getattr(self, "view_menu", None)
        if view is not None:
            view.addSeparator()
            view.addAction(self.units_action)
        box = self.readouts.units_box
        box.setChecked(on)
        self.fit_plot.set_units_visible(on)
        box.toggled.connect(self.units_action.setChecked)
        self.units_action.toggled.connect(self._on_units_toggled)

    def _retranslate_units_toggle(self) -> None:
        self.units_action.setText(translate("MainWindow", "Show &Hidden Units"))
        self.units_action.setStatusTip(
            translate("MainWindow", "Draw each hidden unit of a network as a faint curve under its fit")
        )

    @Slot(bool)
    def _on_units_toggled(self, on: bool) -> None:
        from thermogui.ui.files.settings import VIEW_HIDDEN_UNITS

        self.readouts.units_box.setChecked(on)
        self.fit_plot.set_units_visible(on)
        VIEW_HIDDEN_UNITS.set(on)

    # --- reacting to edits -------------------------------------------------------------------------------------------
    @staticmethod
    def _stability(config, data):
        """The stable-rate bound of config's model (None for a network, or when the data cannot be fitted)."""
        from thermogui.core.analysis import stability_of

        try:
            return stability_of(config, data)
        except (ConfigError, DataError):
            return None

    @Slot()
    def _on_readings_changed(self) -> None:
        self.fit_plot.set_data(self.run_state.dataset)
        self._on_settings_changed()

    @Slot()
    def _on_settings_changed(self) -> None:
        from thermogui.core.analysis import comparison_line, reference, validation_mask

        config, data = self.run_state.committed_config(), self.run_state.dataset
        model = model_of(config)
        if getattr(model, "hidden", 0):  # a network has no exact answer: the least-squares line, for comparison
            model, ls = model_of(config.with_(model="line")), comparison_line(config, data)
        else:
            ls = reference(config, data)
        self.fit_plot.set_lstsq_curve(model, ls.params_raw if ls is not None else None)
        split = validation_mask(config, data)  # the marked readings, or the seeded random share
        self.fit_plot.set_validation(split)
        self.model.set_validation_split(split)
        if self.state == IDLE:
            self._show_idle_line()
            self.teaching.refresh()

    @Slot()
    def _on_stale_changed(self, *_) -> None:
        if self.state == IDLE:
            self._show_idle_line()

    def _show_idle_line(self) -> None:
        """Not running: the finished run's line (or curve), or the start of the current settings."""
        from thermogui.core.analysis import start_params_raw

        run = self.run_state.finished_run
        if run is None:
            config = self.run_state.committed_config()
            self.fit_plot.set_curve(model_of(config), start_params_raw(config, self.run_state.dataset))
        else:
            self.fit_plot.set_curve(model_of(run.config), self.readouts.line)

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

    # --- looking closer: residuals as squares, the °F law, my line, rewind (issue 16) ------------------------------
    def _init_geometry(self) -> None:
        """Wire the fit plot's teaching views, my line and the loss plot's rewind (actions: window_layout)."""
        state = self.run_state
        self.viewing = None  # (EpochResult, exact, the run's latest epoch then) while looking back; None: the latest
        self._pending_start: dict | None = None  # start values to run once the paused run has stopped
        self.fit_plot.myLineMoved.connect(self._on_my_line_moved)
        self.loss_plot.epochPicked.connect(self._on_epoch_picked)
        self.readouts.backToLatest.connect(self.back_to_latest)
        self.readouts.continueFromHere.connect(self.continue_from_here)
        self.readouts.startFromMyLine.connect(self.start_from_my_line)
        for signal in (state.runStarted, state.runEnded, state.runCleared):
            signal.connect(self._leave_rewind)  # (after the readouts: they show the latest again)
        for signal in (state.settingsChanged, state.readingsChanged):
            signal.connect(self._refresh_geometry)
        for signal in (state.phaseChanged, state.runStarted, state.runEnded, state.runCleared):
            signal.connect(self._update_rewindable)
        self.runPaused.connect(self._update_rewindable)  # (a run started paused has its first epoch now)
        state.runStarted.connect(lambda: self.my_line_action.setChecked(False))  # (its job is done)
        self.tabs.currentChanged.connect(self._follow_in_landscape)  # (after the teaching panels' own refresh)
        self.runFinished.connect(self._start_pending)
        self.loss_plot.key_handler = self._rewind_key
        self._retranslate_geometry_tips()
        self.set_residual_squares(self.squares_action.isChecked())
        self.set_fahrenheit_law(self.law_action.isChecked())
        self._update_rewindable()

    def _retranslate_geometry_tips(self) -> None:
        self.loss_plot.setToolTip(
            translate(
                "MainWindow",
                "Click or drag on the loss plot to look back at an earlier epoch of a paused or finished run; then the "
                "Left and Right arrow keys step one recorded epoch, Esc goes back to the latest.",
            )
        )

    @Slot(bool)
    def set_residual_squares(self, on: bool) -> None:
        """View ▸ Residuals as Squares (remembered)."""
        from thermogui.ui.files.settings import VIEW_RESIDUAL_SQUARES

        VIEW_RESIDUAL_SQUARES.set(bool(on))
        self.fit_plot.set_squares_visible(on)

    @Slot(bool)
    def set_fahrenheit_law(self, on: bool) -> None:
        """View ▸ °F Reference Line (remembered): the law, dashed, and one sentence on why the fit differs."""
        from thermogui.core.geometry import law_comparison, law_sentence
        from thermogui.ui.files.settings import VIEW_FAHRENHEIT_LAW

        VIEW_FAHRENHEIT_LAW.set(bool(on))
        note = law_sentence(law_comparison(self.run_state.committed_config(), self.run_state.dataset)) if on else ""
        self.fit_plot.set_law_visible(on, tr_text(note))
        self.readouts.show_law_note(note or None)

    @Slot()
    def _refresh_geometry(self) -> None:
        """New settings or readings: the law's numbers, my line's loss, and the epoch looked back at stays (the
        readouts and the fit plot, just refreshed to the run's latest, show it again): a person may look back, set
        another rate, then Continue from there."""
        if self.law_action.isChecked():
            self.set_fahrenheit_law(True)
        if self.fit_plot.my_line_shown():
            self._on_my_line_moved(self.fit_plot.my_line_points())
        run = self.run_state.last_run
        if self.viewing is not None and run is not None and run.history is not None:
            self.view_epoch(*self.viewing[:2])

    # my line
    @Slot(bool)
    def place_my_line(self, on: bool) -> None:
        """Run ▸ Place My Line: two handles on the fit plot, on the start line when it is a line in view."""
        from thermogui.core.analysis import start_params_raw

        if on and self.run_state.busy:
            self.notify(lambda: translate("MainWindow", "Stop the run to place your own line."), error=True)
            self.my_line_action.setChecked(False)
            return
        line = None
        if on:
            config = self.run_state.committed_config()
            p = start_params_raw(config, self.run_state.dataset)
            line = (p[-2], p[-1]) if config.model != "mlp" and all(v == 0 for v in p[:-2]) else None
        self.start_my_line_action.setEnabled(False)
        self.fit_plot.show_my_line(on, line)
        if not on:
            self.readouts.hide_my_line()

    def _my_line(self):
        """(w, b) raw of my line, its loss on the training readings and why it cannot start a run (None: it can)."""
        from thermogui.core.errors import UserError
        from thermogui.core.geometry import line_loss, line_through, start_from_line

        config, data = self.run_state.committed_config(), self.run_state.dataset
        w, b = line_through(*self.fit_plot.my_line_points())
        loss = line_loss(config, data, w, b)
        try:
            start_from_line(config, data, w, b)
            refusal = None
        except UserError as e:
            refusal = msg(QT_TRANSLATE_NOOP("MainWindow", "not offered: {reason}"), "MainWindow", reason=e.text)
        return w, b, loss, refusal

    @Slot(object)
    def _on_my_line_moved(self, _points) -> None:
        from thermogui.core.errors import UserError
        from thermogui.core.explain import fmt_loss, model_equation
        from thermogui.core.models import LINE

        # (core.tr.Texts: the readouts show them in the UI language, again when it changes)
        try:
            w, b, loss, refusal = self._my_line()
            text = msg(
                QT_TRANSLATE_NOOP("MainWindow", "my line: {line}, loss {loss}"),
                "MainWindow",
                line=model_equation(LINE, (w, b)),
                loss=fmt_loss(loss),
            )
            if refusal is not None and self.run_state.committed_config().model == "mlp":  # (the button's tooltip: why)
                text = msg(
                    QT_TRANSLATE_NOOP(
                        "MainWindow", "{my_line} — not offered as a start for the network (it has no start values)"
                    ),
                    "MainWindow",
                    my_line=text,
                )
            elif refusal is not None:
                text = msg(
                    QT_TRANSLATE_NOOP("MainWindow", "{my_line} — {refusal}"),
                    "MainWindow",
                    my_line=text,
                    refusal=refusal,
                )
        except UserError as e:  # the handles above each other, or readings no run could start on
            text = msg(QT_TRANSLATE_NOOP("MainWindow", "my line: {reason}"), "MainWindow", reason=e.text)
            refusal = e.text
        self.readouts.show_my_line(text, refusal)
        self.start_my_line_action.setEnabled(refusal is None and not self.run_state.busy)

    @Slot()
    def start_from_my_line(self) -> None:
        """Set the start values to my line (model units, with the current normalization) and start."""
        from thermogui.core.errors import UserError
        from thermogui.core.geometry import start_from_line

        if self.run_state.busy or not self.fit_plot.my_line_shown():
            return
        config, data = self.run_state.committed_config(), self.run_state.dataset
        try:
            w, b, _, _ = self._my_line()
            changes = start_from_line(config, data, w, b)
        except UserError as e:
            self.notify(
                lambda err=e: translate("MainWindow", "Cannot start from your line: {reason}.").format(
                    reason=error_text(err)
                ),
                error=True,
            )
            return
        self.run_state.set_config(config.with_(**changes))
        self.my_line_action.setChecked(False)
        self.start()

    # rewind
    @Slot()
    def _update_rewindable(self, *_) -> None:
        run = self.run_state.last_run
        has_rows = run is not None and run.history is not None and run.history.latest is not None
        self.loss_plot.set_rewindable(has_rows and self.state != RUNNING)
        self.my_line_action.setEnabled(self.state == IDLE)
        if self.state == RUNNING:
            self._leave_rewind()

    @Slot(float)
    def _on_epoch_picked(self, x: float) -> None:
        from thermogui.core.geometry import nearest_epoch

        run = self.run_state.last_run
        if run is None or run.history is None or self.state == RUNNING:
            return
        got = nearest_epoch(run.history.snapshot(), run.history.latest, x)
        if got is not None:
            self.view_epoch(*got)

    def view_epoch(self, r, exact: bool = True) -> None:
        """Show epoch `r` (a History row of the last run) in the fit plot, the readouts, the loss plot's cursor and
        the landscape; epochChosen(epoch)."""
        from thermogui.core.geometry import NETWORK_HAS_NO_START, START_FIELDS

        run = self.run_state.last_run
        self.viewing = (r, bool(exact), run.history.latest.epoch)
        self.fit_plot.set_curve(model_of(run.config), r.params_raw)
        refusal = None
        if run.config.model not in START_FIELDS or self.run_state.committed_config().model not in START_FIELDS:
            refusal = msg(
                QT_TRANSLATE_NOOP("MainWindow", "Looking back only: {reason}."),
                "MainWindow",
                reason=NETWORK_HAS_NO_START,
            )
        self.readouts.show_rewound(r, run.config.epochs, exact, refusal)
        self.loss_plot.set_cursor(r.epoch)
        self.back_action.setEnabled(True)
        self.continue_action.setEnabled(refusal is None)
        self._follow_in_landscape()
        self.epochChosen.emit(int(r.epoch))

    def _rewind_key(self, event) -> bool:
        """While looking back, Left and Right (on the loss plot) step to the previous or next recorded epoch."""
        from thermogui.core.geometry import next_recorded

        run = self.run_state.last_run
        if self.viewing is None or event.key() not in (Qt.Key_Left, Qt.Key_Right) or run is None:
            return False
        step = 1 if event.key() == Qt.Key_Right else -1
        r = next_recorded(run.history.snapshot(), run.history.latest, self.viewing[0].epoch, step)
        if r is not None:
            self.view_epoch(r, True)
        return True

    @Slot()
    def back_to_latest(self) -> None:
        """Stop looking back (Esc): the run's latest epoch everywhere again."""
        if self.viewing is None:
            return
        self._leave_rewind()
        if self.state != IDLE:
            self._redraw(force=True)
        else:
            self.readouts.refresh()
            self._show_idle_line()
        self._follow_in_landscape()
        self.epochChosen.emit(0)

    @Slot()
    def _leave_rewind(self, *_) -> None:
        if self.viewing is None:
            return
        self.viewing = None
        self.loss_plot.set_cursor(None)
        self.readouts.hide_rewound()
        self.back_action.setEnabled(False)
        self.continue_action.setEnabled(False)

    @Slot()
    def _follow_in_landscape(self, *_) -> None:
        """The landscape's path and current point end at the epoch looked at (the latest when not looking back)."""
        from thermogui.core.geometry import rows_until
        from thermogui.ui.panels.teaching import MAX_PATH_POINTS

        run = self.run_state.current_run()
        land = self.teaching.landscape
        if run is None or run.history is None or run.history.latest is None or self.tabs.currentWidget() is not land:
            return
        if self.viewing is None:
            self.teaching.on_frame()
            return
        r = self.viewing[0]
        land.set_point(r.params)
        land.set_trajectory(rows_until(run.history.snapshot(), r, MAX_PATH_POINTS))

    @Slot()
    def continue_from_here(self) -> None:
        """Start a new run from the parameters after the epoch looked at, with the current settings (a paused run is
        stopped first)."""
        from thermogui.core.errors import UserError
        from thermogui.core.geometry import continue_values

        run = self.run_state.last_run
        if self.viewing is None or run is None:
            return
        r = self.viewing[0]
        config, data = self.run_state.committed_config(), self.run_state.dataset
        try:
            changes = continue_values(config, data, run.config, run.data, r)
        except UserError as e:
            self.notify(
                lambda err=e: translate("MainWindow", "Cannot continue from epoch {epoch}: {reason}.").format(
                    epoch=fmt_epochs(r.epoch), reason=error_text(err)
                ),
                error=True,
            )
            return
        if self.state != IDLE:
            self._pending_start = changes
            self.stop()
            return
        self._start_with(changes)

    def _start_with(self, changes: dict) -> None:
        self.run_state.set_config(self.run_state.committed_config().with_(**changes))
        self.start()

    @Slot(object)
    def _start_pending(self, *_) -> None:
        changes, self._pending_start = self._pending_start, None
        if changes is not None:
            QTimer.singleShot(0, lambda: self._start_with(changes))

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
