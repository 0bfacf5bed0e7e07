"""The loss landscape's paths: the current run's path from its start point to its latest parameters, and the faded
paths of up to eight earlier runs, each projected onto the pair the landscape shows and clipped to its window.

LandscapePaths is a mixin of panels.landscape.LandscapePanel: the plot, the legend and the items it draws into are
the panel's, and every text keeps the translation context "LandscapePanel".
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from thermogui.core.landscape_paths import MAX_PATH_POINTS, clip_path, decimate_index
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.i18n import marked, tr_text, translate
from thermogui.ui.plots.kit import pen, show_in_legend

MAX_PREVIOUS = 8
PREVIOUS_COLORS = style.PREVIOUS_PATHS
LEGEND_PATH = QT_TRANSLATE_NOOP("LandscapePanel", "this run")  # the current run's entry in the legend


class LandscapePaths:
    """The run's path and the earlier runs' paths of LandscapePanel (a mixin: the plot, its view and legend, the items
    path and current, path_note, clear_previous_button, the landscape and the start values are the panel's)."""

    def set_trajectory(self, rows: np.ndarray) -> None:
        """Draw the run from the start point through its parameters (History rows, model units) projected onto the
        pair — rows[:, W], rows[:, B] for the line — decimated to at most 2000 points; non-finite rows are skipped,
        points outside the window are clipped to its edge.  A run of a model with another number of parameters
        than the landscape's is not drawn."""
        if rows is None or len(rows) == 0:
            self.clear_trajectory()
            return
        idx = decimate_index(len(rows), MAX_PATH_POINTS - 1)
        sel = np.array(rows[idx], dtype=float)
        n = (sel.shape[1] - 3) // 3
        self._traj = sel[:, 3 : 3 + 2 * n]  # the parameters, then the same in raw units
        self._traj_loss = sel[:, 1]
        self._traj_n = n
        self._traj_norm = self.landscape.normalization if self.landscape is not None else None
        self._traj_start = self._start_full
        if show_in_legend(self.legend, self.path, marked("LandscapePanel", LEGEND_PATH), True):
            self._fit_legend()
        self._draw_current()

    def path_points(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The current run's path as drawn before clipping: the start, then every (decimated) epoch's pair of
        parameters in the landscape's model units; None without a run of this model."""
        if self._traj is None:
            return None
        return self._model_path()

    def clear_trajectory(self) -> None:
        self._traj = None
        self.path.setData([], [])
        self.current.setData([], [])
        self.path_note.hide()
        if show_in_legend(self.legend, self.path, marked("LandscapePanel", LEGEND_PATH), False):
            self._fit_legend()

    def add_previous_path(self, rows: np.ndarray, label: str, start_raw=None) -> None:
        """Keep a finished run as a faded path with `label` in the legend (e.g. core.landscape.run_label(config)).
        The path is kept in raw units (the rows' raw parameter columns: W_RAW, B_RAW for the line) so it is drawn
        correctly on the landscape of any normalization (and only on a landscape of a model with as many
        parameters).  `start_raw` is where it started, as the model's raw coefficients
        (core.landscape.raw_start_params(config, data) of that run); without it the path begins at the run's first
        epoch."""
        if rows is None or len(rows) == 0:
            return
        idx = decimate_index(len(rows), MAX_PATH_POINTS - 1)
        sel = np.array(rows[idx], dtype=float)
        n = (sel.shape[1] - 3) // 3
        raw = sel[:, 3 + n : 3 + 2 * n]
        if start_raw is not None and len(start_raw) == n:
            raw = np.vstack([np.asarray(start_raw, float).reshape(1, n), raw])
        if len(self._previous) >= MAX_PREVIOUS:
            self._remove_previous(self._previous.pop(0))
        used = {p["color"] for p in self._previous}
        color = next((c for c in PREVIOUS_COLORS if c not in used), PREVIOUS_COLORS[0])
        curve = pg.PlotDataItem(pen=pen(*color, 170, width=1.8, style=Qt.DashLine), connect="finite", antialias=True)
        curve.setZValue(3)
        self.plot.getPlotItem().addItem(curve)
        self.legend.addItem(curve, tr_text(label))
        self._fit_legend()
        self._previous.append({"raw": raw, "n": n, "item": curve, "color": color, "label": label})
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
        """The current run's path on the pair in the landscape's model units, from the start (None: the run has
        another number of parameters than the landscape's model)."""
        t, n = self._traj, self._traj_n
        land = self.landscape
        size = land.model.size if land is not None else len(self._start_full)
        if n != size or len(self._traj_start) != n:
            return None
        i, j = self._pair
        norm = land.normalization if land is not None else None
        if self._traj_norm is None or norm is None or self._traj_norm == norm:
            p, start = t[:, :n], np.asarray(self._traj_start, float)
        else:  # the normalization changed since the run: show the same models in the new units
            old = self._traj_norm
            p = land.from_raw(t[:, n:])
            start = land.from_raw(land.model.to_raw(self._traj_start, old.offset, old.factor))[0]
        return np.concatenate([[start[i]], p[:, i]]), np.concatenate([[start[j]], p[:, j]])

    def _draw_current(self) -> None:
        if self._traj is None:
            return
        path = self._model_path()
        if path is None:  # a run of another model: nothing of it lies on this landscape
            self.path.setData([], [])
            self.current.setData([], [])
            self.path_note.hide()
            return
        w, b = path
        cw, cb = clip_path(w, b, self._clip_box())
        self.path.setData(cw, cb)
        ok = np.flatnonzero(np.isfinite(w) & np.isfinite(b))
        (w0, w1), (b0, b1) = self.view.viewRange()
        shown = len(ok) > 0 and len(ok) == len(w) and _inside((w0, w1, b0, b1), w[ok[-1]], b[ok[-1]])
        if shown:
            self.current.setData(w[ok[-1:]], b[ok[-1:]])  # the latest parameters
        else:
            self.current.setData([], [])
        exploded = not math.isfinite(self._traj_loss[-1])
        self.path_note.setVisible(not shown or exploded)
        if exploded:
            self.path_note.setText(
                translate(
                    "LandscapePanel",
                    "The loss became infinite: every step overshot the minimum by more than the "
                    "one before, so the path shot out of the window.",
                )
            )
        elif not shown:
            self.path_note.setText(
                translate(
                    "LandscapePanel",
                    "The run's latest point is outside this window: zoom out (mouse wheel) or press "
                    "Reset view to see where it went.",
                )
            )

    def _draw_previous(self, p: dict) -> None:
        land = self.landscape
        if land is None or p["n"] != land.model.size:
            p["item"].setData([], [])
            return
        q = land.from_raw(p["raw"])
        i, j = land.pair
        p["item"].setData(*clip_path(q[:, i], q[:, j], self._clip_box()))

    def _draw_paths(self) -> None:
        self._draw_current()
        for p in self._previous:
            self._draw_previous(p)


def _inside(box, w, b) -> bool:
    w0, w1, b0, b1 = box
    return bool(np.all((w >= w0) & (w <= w1) & (b >= b0) & (b <= b1)))
