"""The main window's side of the readings and the settings: what follows an edit (the reference line, the
validation split, the line shown between runs) and the settings it changes for the user (the fixes offered after a
divergence, a learning rate picked in the sweep).

A mixin of `MainWindow` (listed after `Retranslating`); its texts keep the context "MainWindow".
"""

from __future__ import annotations

from PySide6.QtCore import Slot

from thermogui.core.config import ConfigError
from thermogui.core.dataset import DataError
from thermogui.core.models import model_of
from thermogui.core.numbers import fmt_lr, round_sig
from thermogui.ui.i18n import translate
from thermogui.ui.state import IDLE


class SettingsGlue:
    """Reacting to edits of the readings and the settings, and making the edits the window offers."""

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

    # --- fixes offered after a divergence, a rate picked elsewhere --------------------------------------------------
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
