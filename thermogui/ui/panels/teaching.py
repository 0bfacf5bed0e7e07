"""The teaching tabs beside the live plots: loss landscape, gradient inspector, results & calibration, and the
learning-rate sweep — kept up to date with the window's run, and only the visible one is refreshed.

The panels get the run's whole parameter vector (any model); the landscape and the inspector explain themselves for a
model not linear in its parameters, and results & calibration — a tool for the straight line — says so for any other
model."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Slot

from thermogui.core.errors import UserError
from thermogui.core.landscape import start_changes
from thermogui.core.landscape_words import raw_start_params, run_label
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui.i18n import Tr, error_text, tr_text
from thermogui.ui.panels.inspector import GradientPanel
from thermogui.ui.panels.landscape import LandscapePanel
from thermogui.ui.panels.results import ResultsPanel
from thermogui.ui.panels.sweep import SweepPanel

MAX_PATH_POINTS = 2000
MAX_PREVIOUS_RUNS = 6


def _num(v) -> float:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else math.nan


def _param_names(config) -> tuple[str, ...]:
    from thermogui.core.models import model_of

    try:
        return tuple(model_of(config).params)
    except UserError:  # (a model this version does not know)
        return ()


def _saved_params(config, res: dict) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(model units, raw units) of a result restored from a session: the line's w_model, b_model, w, b, or any
    model's params_model / params (a list, or a mapping by parameter name)."""
    if config.model == "line" and "params_model" not in res:
        return (_num(res.get("w_model")), _num(res.get("b_model"))), (_num(res.get("w")), _num(res.get("b")))
    names = _param_names(config)

    def vector(v) -> tuple[float, ...]:
        if isinstance(v, dict):
            return tuple(_num(v.get(n)) for n in names)
        if isinstance(v, (list, tuple)) and len(v) == len(names):
            return tuple(_num(x) for x in v)
        return (math.nan,) * len(names)

    return vector(res.get("params_model")), vector(res.get("params"))


class TeachingPanels(Tr, QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.state = window.run_state
        self.landscape = LandscapePanel()
        self.gradient = GradientPanel()
        self.results = ResultsPanel()
        self.sweep = SweepPanel()
        self.previous: list[tuple] = []  # (loss rows, path rows, label, raw start, model) of earlier runs
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

    def _params(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """The current parameters (every one of the model's) in model units and in raw units: the shown run's latest
        epoch, its saved result, or the start values (raw: nan)."""
        run = self.state.current_run()
        r = run.history.latest if run is not None and run.history is not None else None
        if r is not None:
            return tuple(r.params), tuple(r.params_raw)
        if run is not None and run.saved_result is not None:
            return _saved_params(run.config, run.saved_result)
        start = tuple(float(v) for v in self.state.committed_config().start_params())
        return start, (math.nan,) * len(start)

    @Slot()
    def refresh(self) -> None:
        """Bring the visible panel up to date (cheap for hidden ones: nothing)."""
        config, data = self._problem()
        if config is None or data is None or data.problems():
            return
        current = self.w.tabs.currentWidget()
        try:
            if current is self.landscape:
                self.landscape.set_problem(config, data, self._params()[0])
                self.on_frame()
            elif current is self.gradient:
                self.gradient.show_point(config, data, self._params()[0])
            elif current is self.results:
                _, raw = self._params()
                if self.state.current_run() is None:
                    self.results.clear()
                elif config.model != "line":  # the panel's residuals and calculator are the straight line's
                    self.results.show_line_only(config.model)
                else:  # (a diverged line gets the panel's own explanation)
                    self.results.show_result(config, data, *raw)
            elif current is self.sweep:
                self.sweep.set_problem(config, data)
        except UserError as e:  # settings that cannot run: say so where the run would
            self.w.statusBar().showMessage(error_text(e), 8000)

    def on_frame(self) -> None:
        """Per redraw while training: only the landscape path moves live."""
        run = self.state.current_run()
        if (
            self.w.tabs.currentWidget() is self.landscape
            and run is not None
            and run.history is not None
            and len(run.history)
        ):
            latest = run.history.latest
            if latest is not None:
                self.landscape.set_point(latest.params)  # a slice of a bigger model follows the held parameters
            self.landscape.set_trajectory(run.history.decimated(MAX_PATH_POINTS))

    def on_run_started(self) -> None:
        if self.previous:
            run = self.state.last_run
            model = run.config.model if run is not None else None
            self.landscape.clear_previous()
            self.w.loss_plot.clear_previous()
            for loss_rows, path_rows, label, start, run_model in self.previous:
                if run_model == model:  # a landscape shows the paths of its own model only
                    self.landscape.add_previous_path(path_rows, label, start)
                self.w.loss_plot.add_previous(loss_rows, tr_text(label))
        self.landscape.clear_trajectory()
        self.w.model.set_highlighted_rows([])
        self.refresh()

    def on_run_ended(self) -> None:
        run = self.state.last_run
        h = run.history if run is not None else None
        if h is not None and len(h) and not np.isnan(h.snapshot()[-1, h.raw_cols()]).any():
            config, data = run.config, run.data
            self.runs_finished += 1
            label = msg(  # "run 3: lr 0.01, t_u × 0.1, GD" (a Text: the legends show it in the UI language)
                QT_TRANSLATE_NOOP("TeachingPanels", "run {n}: {settings}"),
                "TeachingPanels",
                n=str(self.runs_finished),
                settings=run_label(config),
            )
            start = raw_start_params(config, data)
            self.previous.append((h.decimated(1000), h.decimated(MAX_PATH_POINTS), label, start, config.model))
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
        """A click on the landscape: the start values of the pair shown (w and b for the line)."""
        if self.state.busy:
            self.w.notify(self.tr("Stop the run to pick a new start point."), error=True)
            return
        names = self.landscape.pair_names()
        self.state.set_config(self.state.committed_config().with_(**start_changes(names, (w, b))))
        self.w.reset()
        self.w.notify(
            self.tr("Start set to {across} = {w}, {up} = {b} (model units). Press Start (F5).").format(
                across=names[0], w=f"{w:.4g}", up=names[1], b=f"{b:.4g}"
            )
        )
