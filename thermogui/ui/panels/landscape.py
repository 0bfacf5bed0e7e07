"""The loss landscape: a heat map of log10(loss) over (w, b) in model units with log-spaced contour lines, the
least-squares optimum, the start point, the run's path and faded paths of earlier runs.

Click to choose the start (startPicked); hover to read w, b and the loss.  The wheel (or + and -) zooms and a drag
(or the arrow keys) pans; the grid is recomputed for the new view after a short pause.  With z-scored input w and b
are both in °C, so the plot is drawn with equal axes (an option, on by default): round contours then look round.
The view only changes when the problem changes or the person zooms: a diverging run is drawn up to the edge of the
window (clipped), never by zooming out to 1e17.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.errors import UserError
from thermogui.core.history import B_RAW, LOSS, W_RAW, B, W
from thermogui.core.landscape import (
    MAX_PATH_POINTS,
    Landscape,
    clip_path,
    decimate_index,
    describe,
    fit_window,
    landscape,
    path_bounds,
)
from thermogui.core.numbers import equation, fmt_num
from thermogui.ui import style
from thermogui.ui.plots.kit import (
    ThemedPlot,
    fit_legend_height,
    legend_above,
    log_ticks,
    setup_plot,
    show_in_legend,
    style_axis,
)

GRID_N = 200
THROTTLE_MS = 60  # a burst of set_problem calls (spin-box arrows) recomputes at most this often
ZOOM_REGRID_MS = 150
MAX_PREVIOUS = 8
PATH_COLOR = style.PATH
PREVIOUS_COLORS = style.PREVIOUS_PATHS
CONTOUR_PEN = pg.mkPen(*style.CONTOUR, width=1)
HOVER_PROMPT = "Hover over the landscape to read w, b and the loss; click to start training there."


def _problem_key(config: TrainConfig, data: Dataset):
    """What the grid depends on, apart from the start point."""
    return (
        data,
        config.normalize,
        config.scale if config.normalize == "scale" else None,
        config.val_fraction,
        config.seed if config.val_fraction > 0 else None,
    )


class LandscapePanel(QWidget):
    startPicked = Signal(float, float)  # (w, b) in model units, where the person clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("landscapePanel")
        self.landscape: Landscape | None = None
        self._config: TrainConfig | None = None
        self._data: Dataset | None = None
        self._key = None
        self._start = (math.nan, math.nan)
        self._dirty = False
        self._traj: np.ndarray | None = None  # decimated History rows of the current run
        self._traj_norm = None
        self._previous: list[dict] = []

        self.plot = ThemedPlot(
            name="Loss landscape",
            description=(
                "A heat map of the loss over w (across) and b (up), with contour lines, the minimum as a star, "
                "the start as a circle and the run's path. Click to start training from a point; + and − zoom, "
                "the arrow keys pan."
            ),
        )
        self.plot.setObjectName("landscapePlot")
        item = self.plot.getPlotItem()
        setup_plot(item, "w (model units)", "b")
        item.hideButtons()
        self.view = item.getViewBox()
        self.view.disableAutoRange()
        self.view.setDefaultPadding(0.0)
        self.cmap = pg.colormap.get("viridis")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setColorMap(self.cmap)
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=self.cmap, interactive=False, width=14, colorMapMenu=False)
        self.colorbar.setImageItem(self.image, insert_in=item)
        style_axis(self.colorbar.axis)
        self.colorbar.axis.setLabel("loss (log scale)")
        self.contours: list[pg.IsocurveItem] = []
        self.legend = legend_above(item)  # never hides the start or the path
        self.path = pg.PlotDataItem(
            pen=pg.mkPen(PATH_COLOR, width=2.5), connect="finite", name="this run", antialias=True
        )
        self.current = pg.ScatterPlotItem(
            symbol="o", size=9, pen=pg.mkPen("w", width=1.5), brush=pg.mkBrush(PATH_COLOR)
        )
        self.start_marker = pg.ScatterPlotItem(
            symbol="o", size=12, pen=pg.mkPen("k", width=1.5), brush=pg.mkBrush("w"), name="start (click to move)"
        )
        self.optimum_marker = pg.ScatterPlotItem(
            symbol="star",
            size=20,
            pen=pg.mkPen("k", width=1),
            brush=pg.mkBrush(style.OPTIMUM),
            name="minimum (least squares)",
        )
        for it in (self.path, self.current, self.start_marker, self.optimum_marker):
            item.addItem(it)
        self.legend.addItem(self.start_marker, "start (click to move)")
        self.legend.addItem(self.optimum_marker, "minimum (least squares)")
        self._fit_legend()
        self.path.setZValue(5)
        self.current.setZValue(6)
        self.start_marker.setZValue(7)
        self.optimum_marker.setZValue(8)
        self.image.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

        self.hover_label = QLabel(HOVER_PROMPT, objectName="landscapeHoverLabel")
        self.path_note = QLabel(objectName="landscapePathNote", wordWrap=True)
        style.set_text_role(self.path_note, "error")
        self.path_note.hide()
        self.caption = QLabel(objectName="landscapeCaption", wordWrap=True)
        self.reset_button = QPushButton("Reset view", objectName="landscapeResetViewButton")
        self.reset_button.setToolTip("Show the start, the minimum and the whole path again.")
        self.reset_button.clicked.connect(self._on_reset_view)
        self.clear_previous_button = QPushButton("Clear earlier runs", objectName="landscapeClearPreviousButton")
        self.clear_previous_button.setToolTip("Remove the faded paths of earlier runs.")
        self.clear_previous_button.clicked.connect(self.clear_previous)
        self.clear_previous_button.setEnabled(False)
        self.equal_axes = QCheckBox("E&qual axes", objectName="landscapeEqualAxesCheck", checked=True)
        self.equal_axes.setToolTip(
            "With z-scored input w and b are both in °C: draw them to the same scale, so the "
            "shape of the valley is true."
        )
        self.equal_axes.setEnabled(False)
        self.equal_axes.toggled.connect(self._on_equal_axes_toggled)
        bar = QHBoxLayout()
        bar.addWidget(self.hover_label, 1)
        bar.addWidget(self.equal_axes)
        bar.addWidget(self.clear_previous_button)
        bar.addWidget(self.reset_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addLayout(bar)
        lay.addWidget(self.path_note)
        lay.addWidget(self.caption)

        self._throttle = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._throttle.timeout.connect(self._on_throttle)
        self._zoom_timer = QTimer(self, singleShot=True, interval=ZOOM_REGRID_MS)
        self._zoom_timer.timeout.connect(self._on_zoom_settled)
        self.view.sigRangeChangedManually.connect(self._on_range_changed_manually)
        self.view.sigResized.connect(self._on_view_resized)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    # --- the problem -----------------------------------------------------------------------------
    def set_problem(self, config: TrainConfig, data: Dataset) -> None:
        """The data, normalization or start changed.  A new start inside the window only moves its marker;
        anything else recomputes the grid in a window chosen for the problem — right away if the panel is visible
        and did not just recompute, else after a short pause (a burst of calls recomputes about every 60 ms), or
        when the panel is next shown.  `refresh()` recomputes now."""
        self._config, self._data = config, data
        self._start = (float(config.init_w), float(config.init_b))
        key = _problem_key(config, data)
        if self.landscape is not None and key == self._key and not self._dirty:
            if self.landscape.contains(*self._start):
                self._draw_start()
                self._draw_paths()
                return
        self._key = key
        self._dirty = True
        if not self.isVisible():
            return  # computed in showEvent: a hidden panel never loads torch or spends time on the grid
        if self._throttle.isActive():
            return  # the pending timeout will compute with the latest problem
        self.refresh()
        self._throttle.start()

    def refresh(self) -> None:
        """Recompute the grid for the current problem now, if it changed."""
        if self._dirty and self._config is not None:
            self._compute(None, set_view=True)

    @Slot()
    def _on_throttle(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def _compute(self, span, set_view: bool) -> None:
        self._dirty = False
        try:
            land = landscape(self._config, self._data, GRID_N, span)
        except UserError as e:  # data that cannot be fitted: say so, draw nothing
            self.landscape = None
            self.image.clear()
            for iso in self.contours:
                iso.setVisible(False)
            self.optimum_marker.setData([], [])
            self.start_marker.setData([], [])
            self.path.setData([], [])
            self.current.setData([], [])
            self.caption.setText(f"No landscape: {e}")
            return
        self.landscape = land
        self._draw_grid(land)
        self._sync_aspect()
        if set_view:
            w0, w1, b0, b1 = land.window
            self.view.setRange(xRange=(w0, w1), yRange=(b0, b1), padding=0)
            if self.equal_axes_on() and span is None:
                self._fill_view()
        self.optimum_marker.setData([land.optimum.w], [land.optimum.b])
        self.caption.setText(describe(land))
        self._draw_start()
        self._draw_paths()

    def _draw_grid(self, land: Landscape) -> None:
        w, b = land.w_values, land.b_values
        dw, db = w[1] - w[0], b[1] - b[0]
        floor = land.levels[0] / land.level_ratio if len(land.levels) else max(land.optimum.loss, 1e-300)
        with np.errstate(divide="ignore"):
            logs = np.log10(np.maximum(land.loss, max(floor * 0.5, 1e-300))).T  # (n_w, n_b): x is the first axis
        lo, hi = float(logs.min()), float(logs.max())
        hi = hi if hi > lo else lo + 1.0
        self.image.setImage(logs, autoLevels=False, levels=(lo, hi))
        # pixel i covers w[i] +- dw/2, so pixel centres (where the contours place the samples) are the grid points
        self.image.setRect(QRectF(w[0] - dw / 2, b[0] - db / 2, dw * len(w), db * len(b)))
        self.colorbar.setLevels((lo, hi))
        self.colorbar.axis.setTicks(log_ticks(lo, hi))
        while len(self.contours) < len(land.levels):
            iso = pg.IsocurveItem(level=0.0, pen=CONTOUR_PEN, axisOrder="col-major")
            iso.setParentItem(self.image)
            self.contours.append(iso)
        for k, iso in enumerate(self.contours):
            if k < len(land.levels):
                iso.setData(logs, math.log10(land.levels[k]))
                iso.setVisible(True)
            else:
                iso.setData(None)
                iso.setVisible(False)

    # --- paths -----------------------------------------------------------------------------------
    def set_trajectory(self, rows: np.ndarray) -> None:
        """Draw the run from the start point through rows[:, W], rows[:, B] (History rows, model units), decimated
        to at most 2000 points; non-finite rows are skipped, points outside the window are clipped to its edge."""
        if rows is None or len(rows) == 0:
            self.clear_trajectory()
            return
        idx = decimate_index(len(rows), MAX_PATH_POINTS - 1)
        self._traj = np.array(rows[idx][:, [W, B, W_RAW, B_RAW, LOSS]], dtype=float)
        self._traj_norm = self.landscape.normalization if self.landscape is not None else None
        self._traj_start = self._start
        if show_in_legend(self.legend, self.path, "this run", True):
            self._fit_legend()
        self._draw_current()

    def clear_trajectory(self) -> None:
        self._traj = None
        self.path.setData([], [])
        self.current.setData([], [])
        self.path_note.hide()
        if show_in_legend(self.legend, self.path, "this run", False):
            self._fit_legend()

    def add_previous_path(self, rows: np.ndarray, label: str, start_raw: tuple[float, float] | None = None) -> None:
        """Keep a finished run as a faded path with `label` in the legend (e.g. core.landscape.run_label(config)).
        The path is kept in raw units (rows[:, W_RAW], rows[:, B_RAW]) so it is drawn correctly on the landscape
        of any normalization.  `start_raw` is where it started, as a raw line (core.landscape.raw_start(config,
        data) of that run); without it the path begins at the run's first epoch."""
        if rows is None or len(rows) == 0:
            return
        idx = decimate_index(len(rows), MAX_PATH_POINTS - 1)
        raw = np.array(rows[idx][:, [W_RAW, B_RAW]], dtype=float)
        if start_raw is not None:
            raw = np.vstack([np.asarray(start_raw, float).reshape(1, 2), raw])
        if len(self._previous) >= MAX_PREVIOUS:
            self._remove_previous(self._previous.pop(0))
        used = {p["color"] for p in self._previous}
        color = next((c for c in PREVIOUS_COLORS if c not in used), PREVIOUS_COLORS[0])
        curve = pg.PlotDataItem(
            pen=pg.mkPen(*color, 170, width=1.8, style=Qt.DashLine), connect="finite", antialias=True
        )
        curve.setZValue(3)
        self.plot.getPlotItem().addItem(curve)
        self.legend.addItem(curve, label)
        self._fit_legend()
        self._previous.append({"raw": raw, "item": curve, "color": color, "label": label})
        self.clear_previous_button.setEnabled(True)
        self._draw_previous(self._previous[-1])

    def clear_previous(self) -> None:
        for p in self._previous:
            self._remove_previous(p)
        self._previous = []
        self.clear_previous_button.setEnabled(False)
        self._fit_legend()

    def previous_labels(self) -> list[str]:
        return [p["label"] for p in self._previous]

    def _remove_previous(self, p: dict) -> None:
        self.legend.removeItem(p["item"])
        self.plot.getPlotItem().removeItem(p["item"])

    def _clip_box(self):
        (w0, w1), (b0, b1) = self.view.viewRange()
        dw, db = w1 - w0, b1 - b0
        return w0 - dw, w1 + dw, b0 - db, b1 + db

    def _model_path(self):
        """The current run's path (w, b) in the landscape's model units, from the start."""
        t = self._traj
        norm = self.landscape.normalization if self.landscape is not None else None
        if self._traj_norm is None or norm is None or self._traj_norm == norm:
            w, b = t[:, 0], t[:, 1]
            start = self._traj_start
        else:  # the normalization changed since the run: show the same lines in the new units
            w, b = norm.to_model(t[:, 2], t[:, 3])
            start = norm.to_model(*self._traj_norm.to_raw(*self._traj_start))
        return np.concatenate([[start[0]], w]), np.concatenate([[start[1]], b])

    def _draw_current(self) -> None:
        if self._traj is None:
            return
        w, b = self._model_path()
        cw, cb = clip_path(w, b, self._clip_box())
        self.path.setData(cw, cb)
        ok = np.flatnonzero(np.isfinite(w) & np.isfinite(b))
        (w0, w1), (b0, b1) = self.view.viewRange()
        shown = len(ok) > 0 and len(ok) == len(w) and _inside((w0, w1, b0, b1), w[ok[-1]], b[ok[-1]])
        if shown:
            self.current.setData(w[ok[-1:]], b[ok[-1:]])  # the latest parameters
        else:
            self.current.setData([], [])
        exploded = not math.isfinite(self._traj[-1, 4])
        self.path_note.setVisible(not shown or exploded)
        if exploded:
            self.path_note.setText(
                "The loss became infinite: every step overshot the minimum by more than the "
                "one before, so the path shot out of the window."
            )
        elif not shown:
            self.path_note.setText(
                "The run's latest point is outside this window: zoom out (mouse wheel) or press "
                "Reset view to see where it went."
            )

    def _draw_previous(self, p: dict) -> None:
        if self.landscape is None:
            p["item"].setData([], [])
            return
        w, b = self.landscape.normalization.to_model(p["raw"][:, 0], p["raw"][:, 1])
        p["item"].setData(*clip_path(w, b, self._clip_box()))

    def _draw_paths(self) -> None:
        self._draw_current()
        for p in self._previous:
            self._draw_previous(p)

    def _draw_start(self) -> None:
        if self.landscape is not None and all(map(math.isfinite, self._start)):
            self.start_marker.setData([self._start[0]], [self._start[1]])
        else:
            self.start_marker.setData([], [])

    def _fit_legend(self) -> None:
        fit_legend_height(self.legend, self.plot.getPlotItem())

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
            self.hover_label.setText(HOVER_PROMPT)
            return
        w, b = wb
        text = f"w = {fmt_num(w)}   b = {fmt_num(b, 3)}   loss = {fmt_num(self.landscape.loss_at(w, b))}"
        if self.landscape.normalization.kind != "none":
            text += f"   ({equation(*self.landscape.to_raw(w, b))})"
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
        """Where (w, b) is in the plot's scene (for tests and tooltips)."""
        return self.view.mapViewToScene(QPointF(w, b))

    # --- view ------------------------------------------------------------------------------------
    def equal_axes_on(self) -> bool:
        """The plot is drawn with equal axes: z-scored input (w and b both in °C) and the option on."""
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
        if self._config is None:
            return
        self._compute(None, set_view=False)
        if self.landscape is None:
            return
        window = self.landscape.window
        if self._traj is not None:
            window = fit_window(window, path_bounds(*self._model_path()))
        if window != self.landscape.window:
            self._compute(window, set_view=False)
        w0, w1, b0, b1 = window
        self.view.setRange(xRange=(w0, w1), yRange=(b0, b1), padding=0)
        if self.equal_axes_on():
            self._fill_view()
        self._draw_paths()


def _inside(box, w, b) -> bool:
    w0, w1, b0, b1 = box
    return bool(np.all((w >= w0) & (w <= w1) & (b >= b0) & (b <= b1)))
