"""The teaching tabs beside the live plots: loss landscape, gradient inspector, results & calibration, and the
learning-rate sweep — kept up to date with the window's run, and only the visible one is refreshed."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Slot

from thermogui.core.errors import UserError
from thermogui.core.history import W_RAW
from thermogui.core.landscape import raw_start, run_label
from thermogui.ui.panels.inspector import GradientPanel
from thermogui.ui.panels.landscape import LandscapePanel
from thermogui.ui.panels.results import ResultsPanel
from thermogui.ui.panels.sweep import SweepPanel

MAX_PATH_POINTS = 2000
MAX_PREVIOUS_RUNS = 6


def _num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else math.nan


class TeachingPanels(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.state = window.run_state
        self.landscape = LandscapePanel()
        self.gradient = GradientPanel()
        self.results = ResultsPanel()
        self.sweep = SweepPanel()
        self.previous: list[tuple] = []  # (loss rows, path rows, label, raw start) of earlier runs, to compare
        self.runs_finished = 0  # numbers the runs in the legends: two runs with the same settings stay apart
        window.extra_tabs = [
            (self.landscape, "Loss landscape"),
            (self.gradient, "Gradient inspector"),
            (self.results, "Results && calibration"),
            (self.sweep, "Learning-rate sweep"),
        ]

    def attach(self) -> None:
        """After the window's layout exists: follow tab switches, clicks and outliers."""
        self.w.tabs.currentChanged.connect(self._on_tab_changed)
        self.landscape.startPicked.connect(self._on_start_picked)
        self.results.outliersChanged.connect(self.w.model.set_highlighted_rows)
        self.landscape.clear_previous_button.clicked.connect(self.clear_previous)
        self.sweep.rateChosen.connect(self.w.use_rate)

    # --- what the panels show ------------------------------------------------------------------
    def _problem(self):
        """The run the window shows (running, or finished and current), else the current settings and readings."""
        run = self.state.current_run()
        if run is not None:
            return run.config, run.data
        return self.state.committed_config(), self.state.dataset

    def _params(self):
        """Current (w, b) in model units and raw units: the shown run's latest epoch, or the start values."""
        run = self.state.current_run()
        r = run.history.latest if run is not None and run.history is not None else None
        if r is not None:
            return r.w, r.b, r.w_raw, r.b_raw
        if run is not None and run.saved_result is not None:
            res = run.saved_result
            return tuple(_num(res.get(k)) for k in ("w_model", "b_model", "w", "b"))
        config = self.state.committed_config()
        return config.init_w, config.init_b, math.nan, math.nan

    @Slot()
    def refresh(self) -> None:
        """Bring the visible panel up to date (cheap for hidden ones: nothing)."""
        config, data = self._problem()
        if config is None or data is None or data.problems():
            return
        current = self.w.tabs.currentWidget()
        try:
            if current is self.landscape:
                self.landscape.set_problem(config, data)
                self.on_frame()
            elif current is self.gradient:
                w, b, _, _ = self._params()
                self.gradient.show_params(config, data, w, b)
            elif current is self.results:
                _, _, w_raw, b_raw = self._params()
                if self.state.current_run() is not None:  # (a diverged line gets the panel's own explanation)
                    self.results.show_result(config, data, w_raw, b_raw)
                else:
                    self.results.clear()
            elif current is self.sweep:
                self.sweep.set_problem(config, data)
        except UserError as e:  # settings that cannot run: say so where the run would
            self.w.statusBar().showMessage(str(e), 8000)

    def on_frame(self) -> None:
        """Per redraw while training: only the landscape path moves live."""
        run = self.state.current_run()
        if (
            self.w.tabs.currentWidget() is self.landscape
            and run is not None
            and run.history is not None
            and len(run.history)
        ):
            self.landscape.set_trajectory(run.history.decimated(MAX_PATH_POINTS))

    def on_run_started(self) -> None:
        if self.previous:
            self.landscape.clear_previous()
            self.w.loss_plot.clear_previous()
            for loss_rows, path_rows, label, start in self.previous:
                self.landscape.add_previous_path(path_rows, label, start)
                self.w.loss_plot.add_previous(loss_rows, label)
        self.landscape.clear_trajectory()
        self.w.model.set_highlighted_rows([])
        self.refresh()

    def on_run_ended(self) -> None:
        run = self.state.last_run
        h = run.history if run is not None else None
        if h is not None and len(h) and not math.isnan(h.snapshot()[-1, W_RAW]):
            config, data = run.config, run.data
            self.runs_finished += 1
            label = f"run {self.runs_finished}: {run_label(config)}"  # "run 3: lr 0.01, t_u × 0.1, GD"
            self.previous.append((h.decimated(1000), h.decimated(MAX_PATH_POINTS), label, raw_start(config, data)))
            del self.previous[:-MAX_PREVIOUS_RUNS]
        self.refresh()

    def clear_previous(self) -> None:
        self.previous.clear()
        self.landscape.clear_previous()
        self.w.loss_plot.clear_previous()

    def shutdown(self) -> None:
        self.sweep.shutdown()

    # --- handlers ------------------------------------------------------------------------------
    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        self.refresh()

    @Slot(float, float)
    def _on_start_picked(self, w: float, b: float) -> None:
        if self.state.busy:
            self.w.notify("Stop the run to pick a new start point.", error=True)
            return
        self.state.set_config(self.state.committed_config().with_(init_w=w, init_b=b))
        self.w.reset()
        self.w.notify(f"Start set to w = {w:.4g}, b = {b:.4g} (model units). Press Start (F5).")
