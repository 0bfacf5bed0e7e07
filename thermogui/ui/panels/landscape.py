"""The loss landscape: a heat map of log10(loss) over (w, b) in model units with log-spaced contour lines, the
least-squares optimum, the start point, the run's path and faded paths of earlier runs.

For a model with more parameters (the quadratic) it is a 2-D slice over a chosen pair of them through the current
point, the others held at their current values (the pair chooser, `landscapePairInput`, offers every pair; the line
has only w × b and no chooser); the run's path is projected onto the pair.  A model that is not linear in its
parameters gets the core's reason instead of a landscape.

Click to choose the start (startPicked: the pair's values); hover to read w, b and the loss.  The wheel (or + and -)
zooms and a drag (or the arrow keys) pans; the grid is recomputed for the new view after a short pause.  With
z-scored input w and b are both in °C, so the plot is drawn with equal axes (an option, on by default): round
contours then look round.  The view only changes when the problem changes or the person zooms: a diverging run is
drawn up to the edge of the window (clipped), never by zooming out to 1e17.

The paths are drawn by the mixin panels.landscape_paths, the pair chooser and the slice's held values by
panels.landscape_pairs, hovering, clicking, zooming and the equal axes by panels.landscape_navigation.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.errors import UserError
from thermogui.core.landscape import Landscape, NotAvailable, landscape, linear_model
from thermogui.core.landscape_words import describe, unavailable
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating, error_text, marked, tr_text
from thermogui.ui.panels.landscape_navigation import LandscapeNavigation
from thermogui.ui.panels.landscape_pairs import HELD_REGRID_MS, HOVER_PROMPT, LandscapePairs, _problem_key
from thermogui.ui.panels.landscape_paths import LEGEND_PATH, LandscapePaths
from thermogui.ui.plots.kit import (
    ThemedPlot,
    fit_legend_height,
    legend_above,
    log_ticks,
    pen,
    relabel_legend,
    setup_plot,
    show_in_legend,
    style_axis,
)

GRID_N = 200
THROTTLE_MS = 60  # a burst of set_problem calls (spin-box arrows) recomputes at most this often
ZOOM_REGRID_MS = 150
PATH_COLOR = style.PATH
CONTOUR_PEN = pen(*style.CONTOUR, width=1)
# the legend's entries (context "LandscapePanel")
LEGEND_START = QT_TRANSLATE_NOOP("LandscapePanel", "start (click to move)")
LEGEND_MINIMUM = QT_TRANSLATE_NOOP("LandscapePanel", "minimum (least squares)")
LEGEND_PROJECTED = QT_TRANSLATE_NOOP("LandscapePanel", "least squares (projected)")
LEGEND_LOWEST = QT_TRANSLATE_NOOP("LandscapePanel", "lowest point of this slice")


def _tr(text: str) -> str:
    """A text marked above, in the UI language."""
    return marked("LandscapePanel", text)


class LandscapePanel(Retranslating, LandscapePaths, LandscapePairs, LandscapeNavigation, QWidget):
    startPicked = Signal(float, float)  # the pair's values (w, b for the line) in model units, where the person clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("landscapePanel")
        self.landscape: Landscape | None = None
        self._config: TrainConfig | None = None
        self._data: Dataset | None = None
        self._key = None
        self._start = (math.nan, math.nan)  # the start values of the pair
        self._start_full: tuple[float, ...] = ()  # every start value (model units)
        self._point = None  # the whole parameter vector the slice goes through (None: the start values)
        self._model = None  # the LinearModel shown (None: none, or one not linear in its parameters)
        self._pair = (0, 1)
        self._pair_choice: dict[str, tuple[str, str]] = {}  # the pair chosen per model, by parameter names
        self._dirty = False
        self._traj: np.ndarray | None = None  # decimated History rows of the current run
        self._traj_norm = None
        self._traj_start: tuple[float, ...] = ()
        self._previous: list[dict] = []
        self._caption = lambda: ""  # the caption in the UI language (a describe() Text, a reason)
        self._reason = None  # why the model has no landscape (a core Text), while it has none

        self.plot = ThemedPlot()
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
        self.contours: list[pg.IsocurveItem] = []
        self.legend = legend_above(item)  # never hides the start or the path
        self.path = pg.PlotDataItem(pen=pen(PATH_COLOR, width=2.5), connect="finite", antialias=True)
        self.current = pg.ScatterPlotItem(symbol="o", size=9, pen=pen("w", width=1.5), brush=pg.mkBrush(PATH_COLOR))
        self.start_marker = pg.ScatterPlotItem(symbol="o", size=12, pen=pen("k", width=1.5), brush=pg.mkBrush("w"))
        self.optimum_marker = pg.ScatterPlotItem(
            symbol="star", size=20, pen=pen("k", width=1), brush=pg.mkBrush(style.OPTIMUM)
        )
        self.lowest_marker = pg.ScatterPlotItem(  # a slice's own lowest point, where it is not the least squares
            symbol="+", size=16, pen=pen("k", width=1), brush=pg.mkBrush("w")
        )
        for it in (self.path, self.current, self.start_marker, self.optimum_marker, self.lowest_marker):
            item.addItem(it)
        self.legend.addItem(self.start_marker, _tr(LEGEND_START))
        self.legend.addItem(self.optimum_marker, _tr(LEGEND_MINIMUM))
        self._fit_legend()
        self.path.setZValue(5)
        self.current.setZValue(6)
        self.start_marker.setZValue(7)
        self.lowest_marker.setZValue(7.5)
        self.optimum_marker.setZValue(8)
        self.image.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

        self.hover_label = QLabel(_tr(HOVER_PROMPT), objectName="landscapeHoverLabel")
        self.path_note = QLabel(objectName="landscapePathNote", wordWrap=True)
        style.set_text_role(self.path_note, "error")
        self.path_note.hide()
        self.caption = QLabel(objectName="landscapeCaption", wordWrap=True)
        self.reset_button = QPushButton(objectName="landscapeResetViewButton")
        self.reset_button.clicked.connect(self._on_reset_view)
        self.clear_previous_button = QPushButton(objectName="landscapeClearPreviousButton")
        self.clear_previous_button.clicked.connect(self.clear_previous)
        self.clear_previous_button.setEnabled(False)
        self.equal_axes = QCheckBox(objectName="landscapeEqualAxesCheck", checked=True)
        self.equal_axes.setEnabled(False)
        self.equal_axes.toggled.connect(self._on_equal_axes_toggled)
        self.pair_input = QComboBox(objectName="landscapePairInput")
        self.pair_label = QLabel()
        self.pair_label.setBuddy(self.pair_input)
        self.pair_input.currentIndexChanged.connect(self._on_pair_chosen)
        for w in (self.pair_label, self.pair_input):
            w.hide()  # the line has one pair only: no chooser, the panel looks as it always did
        bar = QHBoxLayout()
        bar.addWidget(self.hover_label, 1)
        bar.addWidget(self.pair_label)
        bar.addWidget(self.pair_input)
        bar.addWidget(self.equal_axes)
        bar.addWidget(self.clear_previous_button)
        bar.addWidget(self.reset_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        # in the plot's place when the model has no landscape: the reason, where the plot would be
        self.unavailable_label = QLabel(objectName="landscapeUnavailableLabel", wordWrap=True)
        self.unavailable_label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.unavailable_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.unavailable_label.hide()
        lay.addWidget(self.unavailable_label, 1)
        from thermogui.ui.panels.network_views import NetworkLandscape

        self.network_view = NetworkLandscape()  # the network's own landscape: filter-normalised directions
        self.network_view.hide()
        lay.addWidget(self.network_view, 1)
        lay.addLayout(bar)
        lay.addWidget(self.path_note)
        lay.addWidget(self.caption)

        self._throttle = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._throttle.timeout.connect(self._on_throttle)
        self._zoom_timer = QTimer(self, singleShot=True, interval=ZOOM_REGRID_MS)
        self._zoom_timer.timeout.connect(self._on_zoom_settled)
        self._held_timer = QTimer(self, singleShot=True, interval=HELD_REGRID_MS)
        self._held_timer.timeout.connect(self._on_held_moved)
        self.view.sigRangeChangedManually.connect(self._on_range_changed_manually)
        self.view.sigResized.connect(self._on_view_resized)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.retranslate()

    # --- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the UI language: the plot's, the controls', the caption and the notes."""
        self.plot.describe(
            self.tr("Loss landscape"),
            self.tr(
                "A heat map of the loss over w (across) and b (up), with contour lines, the minimum as a star, "
                "the start as a circle and the run's path. Click to start training from a point; + and − zoom, "
                "the arrow keys pan."
            ),
        )
        self.colorbar.axis.setLabel(self.tr("loss (log scale)"))
        self.reset_button.setText(self.tr("Reset view"))
        self.reset_button.setToolTip(self.tr("Show the start, the minimum and the whole path again."))
        self.clear_previous_button.setText(self.tr("Clear earlier runs"))
        self.clear_previous_button.setToolTip(self.tr("Remove the faded paths of earlier runs."))
        self.equal_axes.setText(self.tr("E&qual axes"))
        self.equal_axes.setToolTip(
            self.tr(
                "With z-scored input w and b are both in °C: draw them to the same scale, so the "
                "shape of the valley is true."
            )
        )
        self.pair_input.setToolTip(
            self.tr("Which two parameters the slice shows (across × up); the others stay at their current values.")
        )
        self.pair_input.setAccessibleName(self.tr("Parameters shown"))
        self.pair_label.setText(self.tr("&Slice"))
        self._label_axes()
        if self._reason is not None:
            self.hover_label.setText("")
        if relabel_legend(self.legend, self._legend_name):
            self._fit_legend()
        self.caption.setText(self._caption())
        if self._reason is not None:
            self.unavailable_label.setText(tr_text(self._reason))
        self._draw_current()

    def _legend_name(self, item) -> str | None:
        """The legend's name for `item` in the UI language (None: not one of the panel's own entries)."""
        line = self.landscape is None or self.landscape.model.name == "line"
        names = {
            id(self.start_marker): LEGEND_START,
            id(self.optimum_marker): LEGEND_MINIMUM if line else LEGEND_PROJECTED,
            id(self.lowest_marker): LEGEND_LOWEST,
            id(self.path): LEGEND_PATH,
        }
        if id(item) in names:
            return _tr(names[id(item)])
        previous = next((p for p in self._previous if p["item"] is item), None)
        return tr_text(previous["label"]) if previous is not None else None

    def _set_caption(self, text) -> None:
        """The caption: `text()` in the UI language (again after a language change)."""
        self._caption = text
        self.caption.setText(text())

    # --- the problem -----------------------------------------------------------------------------
    def set_problem(self, config: TrainConfig, data: Dataset, point=None) -> None:
        """The data, normalization, model or start changed; `point` is the whole parameter vector a slice of a bigger
        model goes through (a run's latest parameters; None: the start values).  A new start inside the window only
        moves its marker, and new held values recompute the slice in the same window (at most every 250 ms);
        anything else recomputes the grid in a window chosen for the problem — right away if the panel is visible
        and did not just recompute, else after a short pause (a burst of calls recomputes about every 60 ms), or
        when the panel is next shown.  `refresh()` recomputes now.  A model that is not linear in its parameters
        gets the reason in the caption, and no landscape."""
        self._config, self._data = config, data
        if not self._set_model(config):
            self._show_network(point)
            return
        self.network_view.hide()
        self._start_full = tuple(float(v) for v in config.start_params())
        self._start = (self._start_full[self._pair[0]], self._start_full[self._pair[1]])
        self._point = tuple(float(v) for v in point) if point is not None and len(point) == self._model.size else None
        key = _problem_key(config, data, self._pair)
        if self.landscape is not None and key == self._key and not self._dirty:
            if self.landscape.contains(*self._start):
                self._draw_start()
                self._draw_paths()
                self._follow_held()
                return
        self._key = key
        self._dirty = True
        if not self.isVisible():
            return  # computed in showEvent: a hidden panel never loads torch or spends time on the grid
        if self._throttle.isActive():
            return  # the pending timeout will compute with the latest problem
        self.refresh()
        self._throttle.start()

    def available(self) -> bool:
        """The chosen model has a landscape (it is linear in its parameters)."""
        return self._model is not None

    def _set_model(self, config: TrainConfig) -> bool:
        """Follow config's model: fill the pair chooser when it changed; False (and the reason shown) when the model
        has no landscape."""
        reason = unavailable(config)
        self._reason = reason
        if reason is not None:
            self._model = None
            self._key = ("unavailable", config.model)
            self._dirty = False
            self._show_unavailable(reason)
            return False
        m = linear_model(config)
        if self._model is None or self._model.name != m.name:
            self._model = m
            self._fill_pairs()
        return True

    def _show_unavailable(self, reason: str) -> None:
        """No landscape for this model: say why in the caption, and show no plot (no axes of another model)."""
        self._reason = reason
        self._clear_drawing()
        self._show_plot(False)
        self.path_note.hide()
        self.hover_label.setText("")
        self._set_caption(lambda: tr_text(reason))
        self.unavailable_label.setText(tr_text(reason))

    def _show_network(self, point) -> None:
        """The network has no (w, b) plane: the loss along two filter-normalised random directions through its
        current weights instead (start weights before a run)."""
        config = self._config
        if config is None or config.model != "mlp":
            self.network_view.hide()
            return
        self.unavailable_label.hide()
        self.network_view.show()
        from thermogui.core.models import model_of
        from thermogui.core.models.network import start_point

        m = model_of(config)
        if point is None or len(point) != m.size:
            point = start_point(m, config)
        self.network_view.set_state(config, self._data, point)

    def _show_plot(self, shown: bool) -> None:
        self.plot.setVisible(shown)
        self.unavailable_label.setVisible(not shown)
        for w in (self.equal_axes, self.clear_previous_button, self.reset_button, self.caption, self.hover_label):
            w.setVisible(shown)
        if not shown:
            self.pair_label.hide()
            self.pair_input.hide()

    def _clear_drawing(self) -> None:
        self.landscape = None
        self.image.clear()
        for iso in self.contours:
            iso.setVisible(False)
        for it in (self.optimum_marker, self.lowest_marker, self.start_marker, self.path, self.current):
            it.setData([], [])
        for p in self._previous:
            p["item"].setData([], [])

    def refresh(self) -> None:
        """Recompute the grid for the current problem now, if it changed."""
        if self._dirty and self._config is not None and self._model is not None:
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
            land = landscape(self._config, self._data, GRID_N, span, pair=self._pair, point=self._point)
        except NotAvailable as e:
            self._show_unavailable(e.text)
            return
        except UserError as e:  # data that cannot be fitted: say so, draw nothing
            self._clear_drawing()
            self._set_caption(lambda e=e: self.tr("No landscape: {reason}").format(reason=error_text(e)))
            return
        self.landscape = land
        self._show_plot(True)
        self._draw_grid(land)
        self._sync_aspect()
        if set_view:
            w0, w1, b0, b1 = land.window
            self.view.setRange(xRange=(w0, w1), yRange=(b0, b1), padding=0)
            if self.equal_axes_on() and span is None:
                self._fill_view()
        self._draw_optimum(land)
        caption = describe(land)
        self._set_caption(lambda: tr_text(caption))
        self._draw_start()
        self._draw_paths()

    def _draw_optimum(self, land: Landscape) -> None:
        """The least-squares star (for a slice: where the least-squares point projects) and, where they differ, the
        slice's own lowest point."""
        opt = land.optimum
        if opt is None:
            self.optimum_marker.setData([], [])
        else:
            self.optimum_marker.setData([opt.w], [opt.b])
        line = land.model.name == "line"
        self._set_legend_text(self.optimum_marker, _tr(LEGEND_MINIMUM if line else LEGEND_PROJECTED))
        lw, lb, _ = land.lowest
        dw, db = land.w_values[1] - land.w_values[0], land.b_values[1] - land.b_values[0]
        apart = opt is None or abs(opt.w - lw) > dw or abs(opt.b - lb) > db
        shown = not line and apart and math.isfinite(lw) and math.isfinite(lb)
        self.lowest_marker.setData([lw] if shown else [], [lb] if shown else [])
        if show_in_legend(self.legend, self.lowest_marker, _tr(LEGEND_LOWEST), shown):
            self._fit_legend()

    def _set_legend_text(self, item, text: str) -> None:
        for sample, label in self.legend.items:
            if sample.item is item and label.text != text:
                label.setText(text)

    def _draw_grid(self, land: Landscape) -> None:
        w, b = land.w_values, land.b_values
        dw, db = w[1] - w[0], b[1] - b[0]
        floor = land.levels[0] / land.level_ratio if len(land.levels) else max(land.lowest[2], 1e-300)
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

    def _draw_start(self) -> None:
        if self.landscape is not None and all(map(math.isfinite, self._start)):
            self.start_marker.setData([self._start[0]], [self._start[1]])
        else:
            self.start_marker.setData([], [])

    def _fit_legend(self) -> None:
        fit_legend_height(self.legend, self.plot.getPlotItem())
