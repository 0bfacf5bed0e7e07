"""The loss landscape: the grid against a direct loop, the optimum, the window, contour levels and path helpers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from thermogui.core import landscape as ls
from thermogui.core.analysis import least_squares, stability
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.history import B, History, W
from thermogui.core.model import loss_fn, model
from thermogui.core.models import QUADRATIC
from thermogui.core.training import TrainConfig, prepare, run

BOOK = Dataset.book()
NORMS = ["none", "scale", "zscore"]


def rows_of(config: TrainConfig, data: Dataset = BOOK) -> np.ndarray:
    history, _ = run(config, data)
    h = History(len(history))
    for r in history:
        h.append(r)
    return h.snapshot()


# --- the grid ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("normalize", NORMS)
def test_grid_matches_a_direct_double_loop(normalize):
    config = TrainConfig(normalize=normalize, val_fraction=0.2 if normalize == "zscore" else 0.0)
    land = ls.landscape(config, BOOK, n=(9, 7))
    prep = prepare(config, BOOK)
    x, y = prep.x.double(), prep.y.double()
    assert land.loss.shape == (7, 9)  # (n_b, n_w)
    for i, b in enumerate(land.b_values):
        for j, w in enumerate(land.w_values):
            direct = float(loss_fn(model(x, float(w), float(b)), y))
            assert land.loss[i, j] == pytest.approx(direct, rel=1e-9, abs=1e-9)
            assert land.loss_at(w, b) == pytest.approx(direct, rel=1e-9, abs=1e-9)


def test_grid_is_in_model_units_on_the_training_inputs():
    """The loss at the start (the window holds it) equals the first loss a run reports."""
    for normalize in NORMS:
        config = TrainConfig(normalize=normalize, epochs=1)
        land = ls.landscape(config, BOOK, n=5)
        history, _ = run(config, BOOK)
        assert land.loss_at(config.init_w, config.init_b) == pytest.approx(history[0].loss, rel=1e-6)


def test_grid_and_window_have_the_requested_shape_and_span():
    land = ls.landscape(TrainConfig(), BOOK, n=200)
    assert land.loss.shape == (200, 200)
    assert np.all(np.diff(land.w_values) > 0) and np.all(np.diff(land.b_values) > 0)
    assert (land.w_values[0], land.w_values[-1], land.b_values[0], land.b_values[-1]) == pytest.approx(land.window)
    span = (-1.0, 2.0, -30.0, 5.0)
    fixed = ls.landscape(TrainConfig(), BOOK, n=(4, 3), span=span)
    assert fixed.window == span
    assert fixed.w_values.tolist() == pytest.approx([-1, 0, 1, 2])
    assert fixed.b_values.tolist() == pytest.approx([-30, -12.5, 5])


# --- the optimum ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("normalize", NORMS)
def test_optimum_is_least_squares_on_the_normalized_inputs(normalize):
    config = TrainConfig(normalize=normalize)
    land = ls.landscape(config, BOOK)
    x = prepare(config, BOOK).x.double().numpy()
    exact = least_squares(x, BOOK.t_c)
    w, b = np.polyfit(x, BOOK.t_c, 1)
    assert (land.optimum.w, land.optimum.b) == pytest.approx((exact.w, exact.b), rel=1e-12)
    assert (land.optimum.w, land.optimum.b) == pytest.approx((w, b), rel=1e-9)
    assert land.optimum.loss == pytest.approx(2.927646, rel=1e-5)  # the book's best loss, in any units
    assert land.loss.min() >= land.optimum.loss * (1 - 1e-12)
    # in raw units every normalization finds the same line
    assert land.to_raw(land.optimum.w, land.optimum.b) == pytest.approx((0.53677, -17.3048), abs=1e-4)


def test_optimum_in_model_units_follows_the_scale():
    raw = ls.landscape(TrainConfig(normalize="none"), BOOK).optimum
    scaled = ls.landscape(TrainConfig(normalize="scale", scale=0.1), BOOK).optimum
    assert scaled.w == pytest.approx(raw.w * 10, rel=1e-6)
    assert scaled.b == pytest.approx(raw.b, rel=1e-6)


# --- the window -------------------------------------------------------------------------------------------------------
def inside_with_margin(land: ls.Landscape, w: float, b: float, share: float = 0.05) -> bool:
    w0, w1, b0, b1 = land.window
    mw, mb = share * (w1 - w0), share * (b1 - b0)
    return w0 + mw <= w <= w1 - mw and b0 + mb <= b <= b1 - mb


@pytest.mark.parametrize("normalize", NORMS)
@pytest.mark.parametrize("start", [(1.0, 0.0), (0.0, 0.0), (-3.0, 40.0), (25.0, -300.0), "optimum"])
def test_window_holds_the_start_and_the_optimum_with_a_margin(normalize, start):
    config = TrainConfig(normalize=normalize)
    if start == "optimum":
        opt = ls.landscape(config, BOOK, n=2).optimum
        start = (opt.w, opt.b)
    land = ls.landscape(config.with_(init_w=start[0], init_b=start[1]), BOOK, n=20)
    assert land.start == start
    assert inside_with_margin(land, *start)
    assert inside_with_margin(land, land.optimum.w, land.optimum.b)
    w0, w1, b0, b1 = land.window
    assert w1 > w0 and b1 > b0


@pytest.mark.parametrize("normalize, lr, epochs", [("none", 1e-4, 5000), ("scale", 1e-2, 5000), ("zscore", 0.1, 300)])
def test_the_book_runs_stay_in_the_window(normalize, lr, epochs):
    config = TrainConfig(normalize=normalize, lr=lr, epochs=epochs)
    land = ls.landscape(config, BOOK, n=10)
    rows = rows_of(config)
    assert all(land.contains(w, b) for w, b in rows[:, [W, B]])


def test_a_zigzag_near_the_bound_stays_in_the_window():
    """The window includes the start mirrored across the valley floor, where a rate near the bound jumps to."""
    config = TrainConfig(normalize="none", epochs=2000)
    x = prepare(config, BOOK).x.double().numpy()
    config = config.with_(lr=0.97 * stability(x).lr_max)
    land = ls.landscape(config, BOOK, n=10)
    rows = rows_of(config)
    assert rows[:, W].min() < 0  # it does zigzag across the valley
    assert all(land.contains(w, b) for w, b in rows[:, [W, B]])


def elongation(land: ls.Landscape, factor: float = 10.0) -> float:
    """How stretched the region with loss below factor x the minimum looks in the plot (each axis of the window
    scaled to [0, 1]): the ratio of the long to the short axis of its spread."""
    rows, cols = np.nonzero(land.loss < factor * land.optimum.loss)
    pts = np.stack([cols / (land.loss.shape[1] - 1), rows / (land.loss.shape[0] - 1)])
    small, big = np.linalg.eigvalsh(np.cov(pts))
    return math.sqrt(big / small)


def test_raw_window_shows_the_long_narrow_valley_and_scaling_rounds_it():
    raw = ls.landscape(TrainConfig(normalize="none"), BOOK)
    scaled = ls.landscape(TrainConfig(normalize="scale"), BOOK)
    z = ls.landscape(TrainConfig(normalize="zscore"), BOOK)
    assert raw.stability.condition == pytest.approx(33_600, rel=0.01)
    assert scaled.stability.condition == pytest.approx(357, rel=0.01)
    w0, w1, b0, b1 = raw.window
    assert (b1 - b0) / (w1 - w0) > 5  # the valley runs along b = mean(t_c) - w mean(t_u): steep in w
    e_raw, e_scaled, e_z = elongation(raw), elongation(scaled), elongation(z)
    assert e_raw > 4 and e_raw > 1.5 * e_scaled
    assert e_z < 2
    # the valley (loss within 10x the minimum) is a thin band of the raw window
    assert 0.01 < float(np.mean(raw.loss < 10 * raw.optimum.loss)) < 0.15


# --- contour levels ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("normalize", NORMS)
def test_contour_levels_are_log_spaced_above_the_minimum(normalize):
    land = ls.landscape(TrainConfig(normalize=normalize), BOOK)
    levels = land.levels
    assert len(levels) >= 5
    assert levels[0] > land.optimum.loss and levels[-1] < land.loss.max()
    ratios = levels[1:] / levels[:-1]
    assert ratios == pytest.approx(np.full(len(ratios), land.level_ratio), rel=1e-9)
    assert levels[0] == pytest.approx(land.optimum.loss * land.level_ratio, rel=1e-9)
    assert round(1 / math.log10(land.level_ratio)) == pytest.approx(1 / math.log10(land.level_ratio))


def test_contour_levels_for_a_perfect_fit_and_many_decades():
    levels, ratio = ls.contour_levels(0.0, 1000.0)
    assert ratio == 10.0 and len(levels) >= 6 and levels[0] > 0
    levels, ratio = ls.contour_levels(1.0, 10.0)
    assert ratio == pytest.approx(10 ** (1 / 5)) and len(levels) == 4  # 1.58, 2.5, 3.98, 6.3 (10 is the edge)
    assert ls.contour_levels(1.0, math.inf)[0].size == 0


# --- errors -----------------------------------------------------------------------------------------------------------
def test_data_that_cannot_be_fitted_raises_a_data_error():
    with pytest.raises(DataError):
        ls.landscape(TrainConfig(), Dataset([3.0], [1.0]))
    with pytest.raises(DataError):
        ls.landscape(TrainConfig(), Dataset([3.0, 3.0], [1.0, 2.0]))
    with pytest.raises(ValueError, match="window"):
        ls.landscape(TrainConfig(), BOOK, span=(1.0, 1.0, 0.0, 1.0))


# --- paths ------------------------------------------------------------------------------------------------------------
def test_clip_path_keeps_a_path_inside_and_skips_non_finite_points():
    w = np.array([0.1, 0.2, np.nan, 0.3, 0.4])
    b = np.array([0.1, 0.2, 0.5, np.inf, 0.4])
    cw, cb = ls.clip_path(w, b, (0, 1, 0, 1))
    assert cw.tolist() == [0.1, 0.2, 0.4] and cb.tolist() == [0.1, 0.2, 0.4]


def test_clip_path_cuts_segments_at_the_window_edge():
    # in, out (exploding), back in: the path ends at the edge, breaks, and resumes from the edge
    w = np.array([0.5, 0.5, 1e17, 0.5])
    b = np.array([0.5, 0.8, 0.5, 0.2])
    cw, cb = ls.clip_path(w, b, (0, 1, 0, 1))
    finite = np.isfinite(cw)
    assert np.all((cw[finite] >= 0) & (cw[finite] <= 1) & (cb[finite] >= 0) & (cb[finite] <= 1))
    assert np.isnan(cw).sum() == 1  # one break, where the path leaves and comes back
    assert (cw[0], cb[0]) == (0.5, 0.5) and (cw[-1], cb[-1]) == (0.5, 0.2)
    assert cw[2] == 1.0  # left through the right edge
    assert ls.clip_path([5, 6], [5, 6], (0, 1, 0, 1))[0].size == 0  # wholly outside: nothing


def test_decimate_index_bounds_the_points_and_keeps_the_ends():
    for n in (1, 10, 2000, 2001, 1_000_000):
        idx = ls.decimate_index(n)
        assert len(idx) <= 2000
        assert idx[0] == 0 and idx[-1] == n - 1
        assert np.all(np.diff(idx) > 0)
    assert ls.decimate_index(10_000)[:400].tolist() == list(range(400))  # the early big steps are all kept


def test_path_bounds_and_fit_window():
    assert ls.path_bounds([np.nan], [1.0]) is None
    assert ls.path_bounds([0, 2, np.inf], [1, -1, 0]) == (0, 2, -1, 1)
    window = (0.0, 1.0, 0.0, 1.0)
    grown = ls.fit_window(window, (-0.5, 0.5, 0.2, 0.4))
    assert grown[0] < -0.5 and grown[1:] == (1.0, 0.0, 1.0)
    huge = ls.fit_window(window, (-1e30, 1e30, 0.0, 1.0), max_factor=10)
    assert huge[0] >= -10 - 2.5 and huge[1] <= 11 + 2.5  # never more than 10x (plus the margin)
    assert ls.fit_window(window, None) == window


def test_raw_start_and_run_label():
    assert ls.raw_start(TrainConfig(normalize="scale", scale=0.1, init_w=5.0, init_b=-1.0), BOOK) == pytest.approx(
        (0.5, -1.0)
    )
    assert all(map(math.isnan, ls.raw_start(TrainConfig(normalize="zscore"), Dataset([1.0, 1.0], [0.0, 1.0]))))
    assert ls.run_label(TrainConfig(lr=1e-4, normalize="none")) == "lr 1e-4, raw t_u, GD"
    assert ls.run_label(TrainConfig(optimizer="adam", lr=0.1)) == "lr 0.1, t_u × 0.1, Adam"


def test_describe_names_the_valley_shape():
    raw = ls.describe(ls.landscape(TrainConfig(normalize="none"), BOOK))
    assert "long and narrow" in raw and "33,599" in raw and "Scale the input" in raw
    assert "round" in ls.describe(ls.landscape(TrainConfig(normalize="zscore"), BOOK))


def test_landscape_uses_torch_float64_grid_quickly():
    """A smoke check only (the benchmark reports the time): the grid is a vectorized computation."""
    land = ls.landscape(TrainConfig(normalize="none"), BOOK, n=200)
    assert land.loss.dtype == np.float64 and np.isfinite(land.loss).all()


# --- a slice of a bigger model: the quadratic -------------------------------------------------------------------------
QUAD = TrainConfig(model="quadratic")


def quad_xy(config: TrainConfig = QUAD):
    x, y, _ = ls.model_xy(config, BOOK)
    return x, y


def test_pairs_and_their_labels():
    line, quad = ls.linear_model(TrainConfig()), ls.linear_model(QUAD)
    assert ls.pairs(line) == [(0, 1)] and ls.pair_label(line, (0, 1)) == "w × b"
    assert [ls.pair_label(quad, p) for p in ls.pairs(quad)] == ["w1 × b", "w2 × w1", "w2 × b"]
    assert ls.pair_of(quad, ("w2", "w1")) == (0, 1) and ls.pair_of(quad, ("w", "b")) is None
    assert ls.start_changes(("w2", "b"), (0.5, -3)) == {"init_w2": 0.5, "init_b": -3.0}
    with pytest.raises(ValueError, match="pair"):
        ls.landscape(QUAD, BOOK, n=3, pair=(1, 0))


@pytest.mark.parametrize("normalize", NORMS)
@pytest.mark.parametrize("pair", [(0, 1), (0, 2), (1, 2)])
def test_the_slice_at_the_current_point_is_the_models_loss_there(normalize, pair):
    config = QUAD.with_(normalize=normalize)
    x, y = quad_xy(config)
    point = np.array([0.02, -0.7, 4.0]) * ([1e-2, 1, 1] if normalize == "none" else 1)
    land = ls.landscape(config, BOOK, n=(9, 7), pair=pair, point=point)
    assert (
        land.point == tuple(point) and not land.through_start and land.names == tuple(QUADRATIC.params[k] for k in pair)
    )
    i, j = pair
    exact = QUADRATIC.loss(x, y, point)
    assert land.loss_at(point[i], point[j]) == pytest.approx(exact, rel=1e-9)
    # every grid value is the model's loss with the pair replaced and the third parameter held at the point's value
    for r in (0, 3, 6):
        for c in (0, 4, 8):
            p = point.copy()
            p[i], p[j] = land.w_values[c], land.b_values[r]
            assert land.loss[r, c] == pytest.approx(QUADRATIC.loss(x, y, p), rel=1e-9, abs=1e-9)
    assert land.held == [(QUADRATIC.params[k], point[k]) for k in range(3) if k not in pair]


@pytest.mark.parametrize("pair", [(0, 1), (0, 2), (1, 2)])
def test_the_slice_through_the_least_squares_point_has_its_minimum_there(pair):
    x, y = quad_xy()
    p_star, l_star = QUADRATIC.least_squares(x, y)
    assert p_star == pytest.approx(np.linalg.lstsq(QUADRATIC.features(x), y, rcond=None)[0], rel=1e-9)
    land = ls.landscape(QUAD, BOOK, n=60, pair=pair, point=p_star)
    i, j = pair
    assert land.lowest[:2] == pytest.approx((p_star[i], p_star[j]), rel=1e-7, abs=1e-9)
    assert land.lowest[2] == pytest.approx(l_star, rel=1e-9)
    assert (land.optimum.w, land.optimum.b, land.optimum.loss) == pytest.approx((p_star[i], p_star[j], l_star))
    assert land.loss.min() >= l_star * (1 - 1e-12)
    assert "the slice's lowest point is the least squares" in ls.describe(land)
    # held elsewhere, the slice's lowest point is higher and somewhere else: the star is only its projection
    off = ls.landscape(QUAD, BOOK, n=60, pair=pair, point=p_star + 1.0)
    assert off.lowest[2] > (1 + 1e-3) * l_star
    assert abs(off.lowest[0] - p_star[i]) + abs(off.lowest[1] - p_star[j]) > 1e-3
    assert off.optimum.loss == pytest.approx(l_star) and "drawn where it projects" in ls.describe(off)
    assert off.contains(off.optimum.w, off.optimum.b) and off.contains(*off.lowest[:2])


def test_the_line_has_one_slice_whatever_the_point():
    plain = ls.landscape(TrainConfig(), BOOK, n=20)
    moved = ls.landscape(TrainConfig(), BOOK, n=20, point=(9.0, 30.0))
    assert moved.window == plain.window and np.allclose(moved.loss, plain.loss, rtol=1e-12, atol=1e-12)
    assert plain.held == [] and plain.names == ("w", "b")


def test_a_start_or_point_that_is_not_finite_falls_back_to_the_start():
    land = ls.landscape(QUAD, BOOK, n=5, point=(np.nan, 1.0, 2.0))
    assert land.through_start and land.point == QUAD.start_params()
    assert "through the start values" in ls.describe(land)


def test_raw_paths_come_back_in_model_units():
    land = ls.landscape(QUAD.with_(normalize="zscore"), BOOK, n=5)
    p = np.array([[0.3, 2.0, -4.0], [1.0, -1.0, 0.5]])
    norm = land.normalization
    raw = np.stack([QUADRATIC.to_raw(q, norm.offset, norm.factor) for q in p])
    assert land.from_raw(raw) == pytest.approx(p, rel=1e-9, abs=1e-12)
    assert land.equation_at(0.3, 2.0).startswith("t_c = ") and "t_u²" in land.equation_at(0.3, 2.0)


def test_the_path_is_the_historys_params_columns():
    config = QUAD.with_(lr=5e-4, epochs=50)
    history, _ = run(config, BOOK)
    h = History(len(history), n_params=3)
    for r in history:
        h.append(r)
    rows = h.snapshot()
    across, up = ls.project(rows, (0, 2))
    assert across.tolist() == [r.params[0] for r in history] and up.tolist() == [r.params[2] for r in history]


def test_no_landscape_for_a_model_not_linear_in_its_parameters():
    assert ls.unavailable(TrainConfig()) is None and ls.unavailable(QUAD) is None
    with pytest.raises(ls.NotAvailable, match="not available for this model"):
        ls.landscape(TrainConfig(model="mlp"), BOOK)
    assert "Line" in ls.unavailable(TrainConfig(model="linear-module"))
    assert "network" in ls.unavailable(TrainConfig(model="mlp"), "stable-rate bound")
    assert ls.raw_start_params(TrainConfig(model="mlp"), BOOK) == ()
    assert ls.raw_start_params(QUAD.with_(init_w2=1.0), BOOK) == pytest.approx((0.01, 1.0 * 0.1, 0.0))
    assert ls.run_label(QUAD.with_(lr=5e-4)) == "quadratic, lr 5e-4, t_u × 0.1, GD"
