"""The main window's View switches: the hidden units of a network, the residuals as squares and the °F reference
line — each remembered (thermogui.ui.files.settings).

A mixin of `MainWindow` (listed after `Retranslating`); its texts keep the context "MainWindow".
"""

from __future__ import annotations

from PySide6.QtCore import Slot

from thermogui.ui.i18n import tr_text, translate


class ViewToggles:
    """View ▸ Show Hidden Units (built here), Residuals as Squares and °F Reference Line (built by window_layout)."""

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
