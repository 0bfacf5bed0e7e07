"""The teaching tabs beside the live plots: loss landscape, gradient inspector, results & calibration, and the
learning-rate sweep — kept up to date with the window's run, and only the visible one is refreshed."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Slot

from ..core.history import W_RAW
from ..core.landscape import raw_start, run_label
from .inspector import GradientPanel
from .landscape import LandscapePanel
from .results import ResultsPanel
from .sweep import SweepPanel

MAX_PATH_POINTS = 2000
MAX_PREVIOUS_RUNS = 6


class TeachingPanels(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.landscape = LandscapePanel()
        self.gradient = GradientPanel()
        self.results = ResultsPanel()
        self.sweep = SweepPanel()
        self.previous: list[tuple] = []  # (loss rows, path rows, label, raw start) of earlier runs, to compare
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

    # --- what the panels show ------------------------------------------------------------------
    def _problem(self):
        w = self.w
        if w.state != "idle" or w.last_outcome is not None:
            return w._run_config, w._run_data
        return w.controls.config(), w.model.dataset

    def _params(self):
        """Current (w, b) in model units and raw units: the latest epoch, or the start values."""
        r = self.w.history.latest if (self.w.state != "idle" or self.w.last_outcome is not None) else None
        if r is not None:
            return r.w, r.b, r.w_raw, r.b_raw
        config = self.w.controls.config()
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
                if math.isfinite(w_raw) and math.isfinite(b_raw):
                    self.results.show_result(config, data, w_raw, b_raw)
                else:
                    self.results.clear()
            elif current is self.sweep:
                self.sweep.set_problem(config, data)
        except ValueError as e:  # settings that cannot run: say so where the run would
            self.w.statusBar().showMessage(str(e), 8000)

    def on_frame(self) -> None:
        """Per redraw while training: only the landscape path moves live."""
        if self.w.tabs.currentWidget() is self.landscape and len(self.w.history):
            self.landscape.set_trajectory(self.w.history.decimated(MAX_PATH_POINTS))

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
        h = self.w.history
        if len(h) and not math.isnan(h.snapshot()[-1, W_RAW]):
            config, data = self.w._run_config, self.w._run_data
            self.previous.append((h.decimated(1000), h.decimated(MAX_PATH_POINTS), run_label(config),
                                  raw_start(config, data)))
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
        if self.w.state != "idle":
            self.w.statusBar().showMessage("Stop the run to pick a new start point.", 5000)
            return
        c = self.w.controls
        c.init_w.setValue(w)
        c.init_b.setValue(b)
        self.w.reset()
        self.w.statusBar().showMessage(f"Start set to w = {c.init_w.value():.4g}, b = {c.init_b.value():.4g} "
                                       "(model units). Press Start (F5).", 8000)
