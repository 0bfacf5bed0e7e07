"""The loss landscape of a model with more than two parameters: a slice over a pair of them through the current point.
The pair chooser offers every pair (the line has only w × b, and no chooser) and remembers the pair chosen per model;
the slice follows the values a run gives the held parameters, recomputed at most every 250 ms in the same window.

LandscapePairs is a mixin of panels.landscape.LandscapePanel: the chooser, the plot and the timer are the panel's,
and every text keeps the translation context "LandscapePanel".
"""

from __future__ import annotations

import math

from PySide6.QtCore import Slot

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.landscape import pair_label, pair_of, pairs
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui.i18n import marked, translate

HELD_REGRID_MS = 250  # while a run moves the held parameters, the slice is recomputed at most this often
HOVER_PROMPT = QT_TRANSLATE_NOOP(
    "LandscapePanel", "Hover over the landscape to read w, b and the loss; click to start training there."
)
HOVER_PROMPT_PAIR = QT_TRANSLATE_NOOP(
    "LandscapePanel", "Hover over the landscape to read {across}, {up} and the loss; click to start training there."
)


def _problem_key(config: TrainConfig, data: Dataset, pair=None):
    """What the grid's window depends on, apart from the start point (and, for a slice, the held values)."""
    return (
        data,
        config.model,
        pair,
        config.normalize,
        config.scale if config.normalize == "scale" else None,
        config.val_fraction,
        config.seed if config.val_fraction > 0 else None,
    )


def _held(point, pair) -> tuple:
    """The values a slice over `pair` holds (the other parameters of `point`); () for the line."""
    if point is None:
        return ()
    return tuple(float(v) for k, v in enumerate(point) if k not in pair)


def _finite(point) -> bool:
    return point is not None and all(math.isfinite(v) for v in point)


class LandscapePairs:
    """The pair chooser and the slice's held values of LandscapePanel (a mixin: pair_input and pair_label, the plot,
    hover_label, _held_timer, the model, the problem and refresh() are the panel's)."""

    def set_point(self, point) -> None:
        """A run moved: the slice of a bigger model follows its held values (recomputed at most every 250 ms, in the
        same window); the line's landscape does not depend on the point."""
        if self._model is None and self._config is not None and self._config.model == "mlp":
            self._show_network(point)
            return
        if self._model is None or point is None or len(point) != self._model.size:
            return
        self._point = tuple(float(v) for v in point)
        self._follow_held()

    def pair_names(self) -> tuple[str, str]:
        """The parameters across and up: ('w', 'b') for the line, e.g. ('w2', 'w1') for a slice of the quadratic."""
        if self._model is None:
            return ("w", "b")
        return self._model.params[self._pair[0]], self._model.params[self._pair[1]]

    def _slice_point(self) -> tuple[float, ...]:
        """The point the slice goes through: the run's, while it is finite, else the start values."""
        return self._point if _finite(self._point) else self._start_full

    def _follow_held(self) -> None:
        land = self.landscape
        if land is None or land.model.size <= 2:
            return
        if _held(self._slice_point(), self._pair) != _held(land.point, land.pair) and not self._held_timer.isActive():
            self._held_timer.start()

    @Slot()
    def _on_held_moved(self) -> None:
        land = self.landscape
        if land is None or self._config is None:
            return
        if _held(self._slice_point(), self._pair) == _held(land.point, land.pair):
            return
        if not self.isVisible():
            self._dirty = True  # recomputed when shown
            return
        (w0, w1), (b0, b1) = self.view.viewRange()
        self._compute((w0, w1, b0, b1), set_view=False)

    def _fill_pairs(self) -> None:
        m = self._model
        choices = pairs(m)
        remembered = pair_of(m, self._pair_choice.get(m.name, ()))
        self._pair = remembered if remembered in choices else choices[0]
        self.pair_input.blockSignals(True)
        self.pair_input.clear()
        self.pair_input.addItems([pair_label(m, p) for p in choices])
        self.pair_input.setCurrentIndex(choices.index(self._pair))
        self.pair_input.blockSignals(False)
        for w in (self.pair_label, self.pair_input):
            w.setVisible(len(choices) > 1)
        self._label_axes()

    def _label_axes(self) -> None:
        across, up = self.pair_names()
        item = self.plot.getPlotItem()
        item.setLabel("bottom", translate("LandscapePanel", "{name} (model units)").format(name=across))
        item.setLabel("left", up if up == "b" else translate("LandscapePanel", "{name} (model units)").format(name=up))
        self.hover_label.setText(self._hover_prompt())

    def _hover_prompt(self) -> str:
        across, up = self.pair_names()
        if (across, up) == ("w", "b"):
            return marked("LandscapePanel", HOVER_PROMPT)
        return marked("LandscapePanel", HOVER_PROMPT_PAIR).format(across=across, up=up)

    @Slot(int)
    def _on_pair_chosen(self, index: int) -> None:
        """The person chose another pair: a new slice in a window chosen for it."""
        if self._model is None or index < 0:
            return
        self._pair = pairs(self._model)[index]
        self._pair_choice[self._model.name] = self.pair_names()
        self._label_axes()
        if self._config is None:
            return
        self._start = (self._start_full[self._pair[0]], self._start_full[self._pair[1]])
        self._key = _problem_key(self._config, self._data, self._pair)
        self._dirty = True
        if self.isVisible():
            self.refresh()
