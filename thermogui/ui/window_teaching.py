"""The main window's teaching glue (issue 16): the user's own line on the fit plot, looking back at an earlier epoch
on the loss plot (rewind) and continuing a run from there.

A mixin of `MainWindow` (listed after `Retranslating`): it reads and sets the window's attributes (`run_state`,
`fit_plot`, `loss_plot`, `readouts`, the actions window_layout builds) and emits its signals; the signals stay
declared on the window.  Its texts keep the context "MainWindow" (`translate("MainWindow", …)`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot

from thermogui.core.explain import fmt_epochs
from thermogui.core.models import model_of
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui.i18n import error_text, translate
from thermogui.ui.state import IDLE, RUNNING


class TeachingGlue:
    """My line, rewind and continue-from-here, wired by `_init_geometry()` (the actions: window_layout)."""

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
