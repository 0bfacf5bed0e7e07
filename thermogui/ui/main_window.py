"""The main window: composes the data table, the hyperparameters, the run controls, the readouts and the plots.
No maths here: every number comes from thermogui.core."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from .. import __version__
from ..core.analysis import least_squares, stability
from ..core.config import Normalization, StopReason, TrainConfig, TrainOutcome
from ..core.dataset import Dataset
from ..core.explain import equation, explain_stop, fmt_lr, stability_note
from ..core.history import History
from .controls import ControlsPanel
from .files import FileController
from .plots import MAX_LOSS_POINTS, FitPlot, LossPlot
from .readings_model import ReadingsModel
from .readouts import Readouts, StopAlert
from .settings import restore_window_state, save_window_state
from .window_layout import build_layout, build_menus, build_run_actions
from .table import DataPanel
from .teaching import TeachingPanels
from .worker import Trainer

REDRAW_MS = 33  # ~30 fps for the fit line: drawing holds the GIL, so redrawing faster slows training (DESIGN.md)
LOSS_EVERY = 3  # the loss curve (the costlier plot) is redrawn every 3rd frame, ~10 fps
IDLE, RUNNING, PAUSED = "idle", "running", "paused"


def model_inputs(config: TrainConfig, data: Dataset):
    """The included t_u in training units (for the stable-rate bound), or None if there is nothing to fit."""
    t_u, _ = data.active()
    if len(t_u) < 2 or t_u.min() == t_u.max():
        return None
    return Normalization.fit(config, t_u).apply(t_u)


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
        self.resize(1360, 860)
        self.model = ReadingsModel(data)
        self.data_panel = DataPanel(self.model)
        self.controls = ControlsPanel()
        self.fit_plot = FitPlot()
        self.loss_plot = LossPlot()
        self.readouts = Readouts()
        self.alert = StopAlert()
        self.trainer = Trainer(self)
        self.history = History()
        self.state = IDLE
        self._run_config: TrainConfig | None = None
        self._run_data: Dataset | None = None
        self._drawn = -1
        self._frame = 0
        self.last_outcome: TrainOutcome | None = None

        self._restored_result: dict | None = None
        self.teaching = TeachingPanels(self)
        build_run_actions(self)
        build_layout(self)
        self.teaching.attach()
        self.files = FileController(self)
        build_menus(self)
        self.setAcceptDrops(True)

        self.redraw_timer = QTimer(self, interval=REDRAW_MS)
        self.redraw_timer.timeout.connect(self._redraw)
        self.model.datasetChanged.connect(self._on_dataset_changed)
        self.controls.configChanged.connect(self._on_config_changed)
        self.controls.speedChanged.connect(self.trainer.worker.set_speed)
        self.controls.speedChanged.connect(self._on_speed_changed)
        self.trainer.worker.runFinished.connect(self._on_run_finished)
        self.trainer.worker.runFailed.connect(self._on_run_failed)
        self.trainer.worker.epochsReady.connect(self._on_epochs_ready)
        self.trainer.worker.pausedAt.connect(self._on_paused_at)
        self.alert.useStableRate.connect(self._on_use_stable_rate)
        self.alert.normalizeInput.connect(self._on_normalize_input)
        self.alert.retry.connect(self.start)
        restore_window_state(self)
        self.files.mark_saved()
        self._on_dataset_changed()
        self._set_state(IDLE)
        self.status_label.setText("Ready — press Start (F5) to train.")

    # --- running ----------------------------------------------------------------------------
    @Slot()
    def start(self, paused: bool = False) -> None:
        if self.state != IDLE or self.trainer.running:
            return
        config = self.controls.config()
        data = self.model.dataset
        problems = data.problems()
        if problems:
            self._show_status("Cannot train: " + problems[0][1], error=True)
            return
        self.alert.hide()
        self._run_config = config
        self._run_data = data
        self.history = History(config.epochs)
        self._drawn = -1
        self.loss_plot.clear_curves()
        self.loss_plot.set_epoch_range(config.epochs)
        self.progress.setMaximum(min(config.epochs, 2**31 - 1))
        self.progress.setValue(0)
        self._set_state(PAUSED if paused else RUNNING)
        self.trainer.worker.set_speed(self.controls.speed_value())
        self.trainer.start(config, data, self.history, paused)
        self.redraw_timer.start()
        self.teaching.on_run_started()

    @Slot()
    def toggle_pause(self) -> None:
        if self.state == RUNNING:
            self.trainer.worker.set_paused(True)
            self._set_state(PAUSED)
        elif self.state == PAUSED:
            self.trainer.worker.set_paused(False)
            self._set_state(RUNNING)

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
        self.history = History(16)
        self.loss_plot.clear_curves()
        self.progress.setValue(0)
        self.last_outcome = None
        self._restored_result = None
        self._show_start_line()
        self.teaching.landscape.clear_trajectory()
        self.teaching.refresh()
        self.status_label.setStyleSheet("")
        self.status_label.setText("Ready — press Start (F5) to train.")

    def _set_state(self, state: str) -> None:
        self.state = state
        active = state != IDLE
        self.start_action.setEnabled(not active)
        self.pause_action.setEnabled(active)
        self.pause_action.setText("Resume" if state == PAUSED else "Pause")
        self.step_action.setEnabled(state != RUNNING)
        self.stop_action.setEnabled(active)
        self.controls.set_running(active)
        self.data_panel.set_locked(active)
        if state == PAUSED:
            self.status_label.setText("Pausing…")
        elif state == RUNNING:
            self._show_status(self._running_text())

    def _running_text(self) -> str:
        speed = self.controls.speed_value()
        pace = f"at {speed:,.0f} epoch{'s' if speed != 1 else ''}/s" if speed else "at full speed"
        return f"Training {pace} — Pause (F6) or Stop (Shift+F5). The readings are locked until the run ends."

    @Slot()
    def _redraw(self, force: bool = False) -> None:
        """One frame: the fit line and readouts; the loss curve every LOSS_EVERY frames (and always when forced or
        not running, so a paused or finished run shows its whole curve)."""
        r = self.history.latest
        if r is None or (r.epoch == self._drawn and not force):
            return
        self._drawn = r.epoch
        self._frame += 1
        epochs = self._run_config.epochs
        self.fit_plot.set_line(r.w_raw, r.b_raw)
        if self._frame % LOSS_EVERY == 0 or self.state != RUNNING:
            self.loss_plot.set_rows(self.history.decimated(MAX_LOSS_POINTS))
        self.readouts.show_epoch(r, epochs)
        if r.epoch * 200 // max(epochs, 1) != self.progress.value() * 200 // max(epochs, 1) or self.state != RUNNING:
            self.progress.setValue(r.epoch)  # repaints at once: only when the bar moves (0.5 % steps)
        self.teaching.on_frame()

    @Slot(float)
    def _on_speed_changed(self, _speed: float) -> None:
        if self.state == RUNNING:
            self._show_status(self._running_text())

    @Slot(int)
    def _on_epochs_ready(self, count: int) -> None:
        if self.state == PAUSED:
            self._redraw()
        self.epochsReady.emit(count)

    @Slot(int)
    def _on_paused_at(self, count: int) -> None:
        self._redraw(force=True)
        self.teaching.refresh()
        self.status_label.setText(f"Paused after epoch {count:,} — Resume (F6), Step (F10) or Stop.")
        self.runPaused.emit(count)

    @Slot(object)
    def _on_run_finished(self, outcome: TrainOutcome) -> None:
        self.redraw_timer.stop()
        self._set_state(IDLE)
        self._redraw(force=True)
        self.last_outcome = outcome
        config = self._run_config
        stab = self._stability(config)
        if stab is not None:
            ex = explain_stop(config, outcome, stab)
            if outcome.stop_reason == StopReason.NON_FINITE:
                self.status_label.setText(f"{ex.headline} {ex.advice}")
                self.status_label.setStyleSheet("color: #b00020;")
                self.alert.show_explanation(ex, normalized=config.normalize != "none")
            else:
                self.status_label.setText(ex.headline + f" Final loss {outcome.final_loss:.6g}.")
        self.teaching.on_run_ended()
        if getattr(self, "_pending_reset", False):
            self.reset()
        self.runFinished.emit(outcome)

    @Slot(str, str)
    def _on_run_failed(self, message: str, details: str) -> None:
        self.redraw_timer.stop()
        self._set_state(IDLE)
        self._show_status("Training could not run: " + message, error=True)
        box = QMessageBox(QMessageBox.Warning if not details else QMessageBox.Critical, "Training failed",
                          message, QMessageBox.Ok, self)
        if details:
            box.setDetailedText(details)
        box.setObjectName("trainingErrorDialog")
        box.open()
        self.runFailed.emit(message)

    # --- fixes offered after a divergence ----------------------------------------------------------
    @Slot()
    def _on_use_stable_rate(self) -> None:
        stab = self._stability(self.controls.config())
        if stab is not None:
            self.controls.lr.setValue(float(f"{0.9 * stab.lr_max:.2g}"))
            self.start()

    @Slot()
    def _on_normalize_input(self) -> None:
        self.controls.normalization.setCurrentIndex(self.controls.normalization.findData("scale"))
        self.controls.scale.setValue(0.1)
        self.start()

    # --- reacting to edits ---------------------------------------------------------------------
    def _stability(self, config: TrainConfig):
        x = model_inputs(config, self.model.dataset)
        return None if x is None else stability(x)

    @Slot()
    def _on_dataset_changed(self) -> None:
        data = self.model.dataset
        self.fit_plot.set_data(data)
        t_u, t_c = data.active()
        try:
            ls = least_squares(t_u, t_c) if len(t_u) >= 2 else None
        except ValueError:
            ls = None
        self.readouts.set_lstsq(ls)
        if ls is not None:
            self.fit_plot.set_lstsq(ls.w, ls.b)
        else:
            self.fit_plot.lstsq.setData([], [])
        self._on_config_changed()

    @Slot()
    def _on_config_changed(self) -> None:
        config = self.controls.config()
        stab = self._stability(config)
        if stab is None:
            self.controls.set_stability_note("Add at least 2 readings with different t_u.", True)
        else:
            plain = config.optimizer == "sgd" and config.momentum == 0
            self.controls.set_stability_note(*stability_note(config.lr, stab, plain))
        if self.state == IDLE and self.last_outcome is None:
            self._show_start_line()
            self.teaching.refresh()

    def _show_start_line(self) -> None:
        config = self.controls.config()
        data = self.model.dataset
        t_u, _ = data.active()
        if len(t_u) >= 2 and t_u.min() != t_u.max():
            w, b = Normalization.fit(config, t_u).to_raw(config.init_w, config.init_b)
        else:
            w, b = math.nan, math.nan
        self.fit_plot.set_line(w, b)
        self.readouts.show_start(w, b, config.epochs)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00020;" if error else "")
        self.statusBar().showMessage(text, 8000)

    def _about(self) -> None:
        QMessageBox.about(self, "About ThermoGUI",
                          f"<b>ThermoGUI {__version__}</b><p>Watch gradient descent calibrate a thermometer: the "
                          "example of chapter 5 of <i>Deep Learning with PyTorch</i>, on your own readings.</p>"
                          f"<p>Plain gradient descent is stable below the rate {fmt_lr(2.0)} ÷ (largest Hessian "
                          "eigenvalue); the app shows that bound beside the learning rate.</p>")

    # --- results ----------------------------------------------------------------------------
    def result_summary(self) -> dict | None:
        """The last run's result as plain data (for sessions and exports), or None if there is none."""
        if self.last_outcome is not None and self._run_data is not None:
            from ..core.report import summarize

            return summarize(self._run_config, self._run_data, self.last_outcome)
        return self._restored_result

    def show_saved_result(self, result: dict) -> None:
        """Show a result stored in a session: the line, the equation and what the run did."""
        self._restored_result = result
        w, b = result.get("w"), result.get("b")
        if isinstance(w, (int, float)) and isinstance(b, (int, float)):
            self.fit_plot.set_line(w, b)
            self.readouts.equation.setText(equation(w, b))
        reason = str(result.get("stop_reason", "completed")).replace("_", " ")
        loss = result.get("loss")
        self.status_label.setText(f"Restored the saved result: {reason} after {result.get('epochs_run', '?')} "
                                  f"epochs" + (f", loss {loss:.6g}." if isinstance(loss, float) else ".")
                                  + " Start (F5) runs it again.")

    # --- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(
                (".csv", ".tsv", ".txt", ".json")):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.files.open_path(event.mimeData().urls()[0].toLocalFile())
        event.acceptProposedAction()

    # --- lifetime ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
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
