"""Moving around the loss landscape: hovering reads the pair's values and the loss, a click picks the start, the
wheel and a drag zoom and pan (the grid is recomputed for the new view once it settles), Reset view shows the start,
the minimum and the whole path again, and with z-scored input the axes can be drawn to the same scale.

LandscapeNavigation is a mixin of panels.landscape.LandscapePanel: the plot, its view, the timers and the controls
are the panel's, and every text keeps the translation context "LandscapePanel".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Slot

from thermogui.core.landscape_paths import fit_window, path_bounds
from thermogui.core.numbers import fmt_num
from thermogui.ui.i18n import translate


class LandscapeNavigation:
    """The mouse and the view of LandscapePanel (a mixin: the signal startPicked, the plot and its view,
    hover_label, equal_axes, _zoom_timer, the landscape and _compute() are the panel's)."""

    # --- mouse -----------------------------------------------------------------------------------
    def _to_model(self, scene_pos) -> tuple[float, float] | None:
        if self.landscape is None or not self.view.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.view.mapSceneToView(scene_pos)
        return p.x(), p.y()

    @Slot(object)
    def _on_mouse_moved(self, scene_pos) -> None:
        wb = self._to_model(scene_pos)
        if wb is None:
            self.hover_label.setText(self._hover_prompt() if self._model is not None else "")
            return
        w, b = wb
        land = self.landscape
        loss = fmt_num(land.loss_at(w, b))
        if land.model.name == "line":
            text = translate("LandscapePanel", "w = {w}   b = {b}   loss = {loss}").format(
                w=fmt_num(w), b=fmt_num(b, 3), loss=loss
            )
            if land.normalization.kind != "none":
                text += f"   ({land.equation_at(w, b)})"
        else:  # a slice: the whole model at that point, in raw units, beside it
            across, up = land.names
            text = translate("LandscapePanel", "{across} = {w}   {up} = {b}   loss = {loss}   ({equation})").format(
                across=across,
                w=fmt_num(w),
                up=up,
                b=fmt_num(b, 3 if up == "b" else 4),
                loss=loss,
                equation=land.equation_at(w, b),
            )
        self.hover_label.setText(text)

    @Slot(object)
    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.LeftButton or event.double():
            return
        wb = self._to_model(event.scenePos())
        if wb is not None:
            event.accept()
            self.startPicked.emit(float(wb[0]), float(wb[1]))

    def scene_pos_of(self, w: float, b: float) -> QPointF:
        """Where (w, b) — (across, up) of a slice — is in the plot's scene (for tests and tooltips)."""
        return self.view.mapViewToScene(QPointF(w, b))

    # --- view ------------------------------------------------------------------------------------
    def equal_axes_on(self) -> bool:
        """The plot is drawn with equal axes: z-scored input (w and b — every parameter — in °C) and the option
        on."""
        return (
            self.landscape is not None and self.landscape.normalization.kind == "zscore" and self.equal_axes.isChecked()
        )

    def _sync_aspect(self) -> None:
        zscore = self.landscape is not None and self.landscape.normalization.kind == "zscore"
        self.equal_axes.setEnabled(zscore)
        locked = self.equal_axes_on()
        if bool(self.view.state["aspectLocked"]) != locked:
            self.view.setAspectLocked(locked, ratio=1.0)

    def _fill_view(self) -> None:
        """With equal axes the view is wider (or taller) than the grid's window: compute the grid for what shows."""
        (w0, w1), (b0, b1) = self.view.viewRange()
        win = self.landscape.window
        if max(abs(a - b) for a, b in zip((w0, w1, b0, b1), win)) > 1e-3 * max(w1 - w0, b1 - b0):
            self._compute((w0, w1, b0, b1), set_view=False)

    @Slot(bool)
    def _on_equal_axes_toggled(self, _on: bool) -> None:
        self._sync_aspect()
        self._on_reset_view()

    @Slot()
    def _on_view_resized(self, *_) -> None:
        if self.equal_axes_on():
            self._zoom_timer.start()  # the locked view grew or shrank with the window: fill it once it settles

    @Slot()
    def _on_range_changed_manually(self, *args) -> None:
        self._zoom_timer.start()

    @Slot()
    def _on_zoom_settled(self) -> None:
        if self._config is None or self.landscape is None:
            return
        (w0, w1), (b0, b1) = self.view.viewRange()
        self._compute((w0, w1, b0, b1), set_view=False)

    @Slot()
    def _on_reset_view(self) -> None:
        """Back to the automatic window, grown to show the run's whole path (at most 10x)."""
        if self._config is None or self._model is None:
            return
        self._compute(None, set_view=False)
        if self.landscape is None:
            return
        window = self.landscape.window
        path = self._model_path() if self._traj is not None else None
        if path is not None:
            window = fit_window(window, path_bounds(*path))
        if window != self.landscape.window:
            self._compute(window, set_view=False)
        w0, w1, b0, b1 = window
        self.view.setRange(xRange=(w0, w1), yRange=(b0, b1), padding=0)
        if self.equal_axes_on():
            self._fill_view()
        self._draw_paths()
