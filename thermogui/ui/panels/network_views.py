"""What the landscape and the gradient inspector show for the network, where a (w, b) plane and a chain rule per
parameter do not apply:

- `NetworkLandscape`: the loss along two random, filter-normalised directions through the current weights (Li et
  al., 2018, "Visualizing the Loss Landscape of Neural Nets"); the centre is the current loss.
- `NetworkGradients`: the gradient's norm per layer (weights and biases of each linear layer), from the History's
  latest epoch.

The numbers come from thermogui.core.models.network; these widgets only draw them.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thermogui.core.numbers import fmt_num
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating
from thermogui.ui.plots.kit import ThemedPlot, pen, setup_plot

GRID = 41  # points per direction
SPAN = 1.0  # α, β from −SPAN to SPAN (in units of the filter-normalised directions)
THROTTLE_MS = 250  # recomputed at most this often while a run goes on


def _surface(config, data, point):
    """(alphas, losses grid, centre loss) for the network `config` on `data` through `point` (model units)."""
    from thermogui.core.models import model_of
    from thermogui.core.models.network import filter_normalized_directions, loss_surface
    from thermogui.core.problem import model_inputs, training_data

    m = model_of(config)
    t_u, t_c, norm = training_data(config, data)
    x = model_inputs(norm, t_u)
    d1, d2 = filter_normalized_directions(m, point, seed=config.seed)
    alphas = np.linspace(-SPAN, SPAN, GRID)
    grid = loss_surface(m, x, t_c, point, d1, d2, alphas, alphas)
    return alphas, grid, m.loss(x, t_c, point)


class NetworkLandscape(Retranslating, QWidget):
    """The loss of the network along two filter-normalised random directions through its current weights."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkLandscape")
        self._config = None
        self._data = None
        self._point = None
        self.centre_loss = math.nan
        self.grid = None
        self.plot = ThemedPlot(name="Network loss landscape")
        self.plot.setObjectName("networkLandscapePlot")
        item = self.plot.getPlotItem()
        setup_plot(item, "α", "β")
        item.hideButtons()
        self.cmap = pg.colormap.get("viridis")
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setColorMap(self.cmap)
        item.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=self.cmap, interactive=False, width=14, colorMapMenu=False)
        self.colorbar.setImageItem(self.image, insert_in=item)
        self.centre = pg.ScatterPlotItem(
            [0.0], [0.0], symbol="o", size=10, pen=pen("w", width=1.5), brush=pg.mkBrush(style.OPTIMUM)
        )
        item.addItem(self.centre)
        self.caption = QLabel(objectName="networkLandscapeCaption", wordWrap=True)
        self.caption.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.caption)
        self._timer = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._timer.timeout.connect(self._compute)
        self.retranslate()

    def retranslate(self) -> None:
        self.plot.describe(
            self.tr("Network loss landscape"),
            self.tr(
                "A heat map of the loss along two random directions in weight space through the current weights "
                "(the dot at the centre)."
            ),
        )
        self.colorbar.axis.setLabel(self.tr("loss (log scale)"))
        self._show_caption()

    def set_state(self, config, data, point) -> None:
        """The network, its readings and the weights (model units) the slice goes through; computed at most every
        THROTTLE_MS while it changes."""
        new_problem = (config, data) != (self._config, self._data)
        self._config, self._data = config, data
        self._point = None if point is None else np.asarray(point, dtype=np.float64)
        if new_problem or self.grid is None:
            self._compute()
        elif not self._timer.isActive():
            self._timer.start()

    def _compute(self) -> None:
        if self._config is None or self._point is None or not np.isfinite(self._point).all():
            self.grid = None
            self.image.clear()
            self.centre_loss = math.nan
            self._show_caption()
            return
        from thermogui.core.errors import UserError

        try:
            alphas, grid, centre = _surface(self._config, self._data, self._point)
        except UserError:
            self.grid = None
            self.image.clear()
            self._show_caption()
            return
        self.grid, self.centre_loss = grid, centre
        with np.errstate(divide="ignore", invalid="ignore"):
            shown = np.log10(np.clip(grid, 1e-12, None))
        finite = shown[np.isfinite(shown)]
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            self.image.setImage(np.nan_to_num(shown, nan=hi, posinf=hi).T, levels=(lo, hi if hi > lo else lo + 1))
            step = alphas[1] - alphas[0]
            self.image.setRect(alphas[0] - step / 2, alphas[0] - step / 2, step * GRID, step * GRID)
            self.colorbar.setLevels((lo, hi if hi > lo else lo + 1))
        self._show_caption()

    def _show_caption(self) -> None:
        if self.grid is None:
            self.caption.setText(self.tr("Train the network (or start a run) to see its loss landscape."))
            return
        self.caption.setText(
            self.tr(
                "The network has no (w, b) plane: this is the loss along two random directions through the current "
                "weights, each direction scaled per unit to that unit's weights (filter normalisation, Li et al. "
                "2018). The centre is the current loss, {loss}; the lowest point shown is {low}."
            ).format(loss=fmt_num(self.centre_loss, 4), low=fmt_num(float(np.nanmin(self.grid)), 4))
        )


class NetworkGradients(Retranslating, QWidget):
    """The gradient's Euclidean norm per parameter tensor of the network, at the latest epoch."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkGradients")
        self._rows: list[tuple[str, float, int]] = []
        self.table = QTableWidget(0, 3, objectName="networkGradientTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for c in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeToContents)
        corner = self.table.findChild(QWidget, "qt_tableview_cornerbutton")
        if corner is not None:
            corner.setAccessibleName("Select the whole table")
        self.caption = QLabel(objectName="networkGradientCaption", wordWrap=True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.caption)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("|gradient|"), self.tr("parameters")])
        self.table.setAccessibleName(self.tr("Gradient norm per layer"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns: layer, gradient norm, parameters"))
        self.table.verticalHeader().setAccessibleName(self.tr("Layers"))
        self.caption.setText(
            self.tr(
                "A network's gradient has one component per weight (autograd computes them all in one backward "
                "pass); per layer, its length says which layer is learning fastest."
            )
        )
        self._fill()

    def show_gradient(self, model, grad) -> None:
        """The norms of `grad` (the flat gradient of `model`, a NetworkModel), or nothing when grad is None."""
        from thermogui.core.models.network import layer_grad_norms, layers

        if grad is None:
            self._rows = []
        else:
            sizes = {name: s.stop - s.start for name, s, _ in layers(model)}
            self._rows = [(name, norm, sizes[name]) for name, norm in layer_grad_norms(model, grad)]
        self._fill()

    def _fill(self) -> None:
        names = {
            "hidden layer weights": self.tr("hidden layer weights (w1)"),
            "hidden layer biases": self.tr("hidden layer biases (b1)"),
            "output layer weights": self.tr("output layer weights (w2)"),
            "output layer bias": self.tr("output layer bias (b2)"),
            "weight": self.tr("weight (w)"),
            "bias": self.tr("bias (b)"),
        }
        self.table.setRowCount(len(self._rows))
        for r, (name, norm, size) in enumerate(self._rows):
            for c, text in enumerate((names.get(name, name), fmt_num(norm, 4), str(size))):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)

    def values(self) -> list[tuple[str, float, int]]:
        return list(self._rows)
