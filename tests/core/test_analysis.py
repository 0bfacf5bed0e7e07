"""Exact answers: least squares, the stable learning-rate bound, metrics, the loss landscape, predict/invert."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from thermogui.core import analysis as a
from thermogui.core.dataset import Dataset
from thermogui.core.training import StopReason, TrainConfig, prepare, run

BOOK = Dataset.book()


def random_xy(seed: int, n: int = 30):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-50, 150, n)
    return x, 0.55 * x - 17.8 + rng.normal(0, 3, n)


def model_x(normalize: str) -> np.ndarray:
    """The float32 training inputs of a run, as float64."""
    return prepare(TrainConfig(normalize=normalize), BOOK).x.double().numpy()


# --- least squares ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("xy", [(BOOK.t_u, BOOK.t_c), random_xy(1), random_xy(2, n=2)], ids=["book", "rand30", "two"])
def test_least_squares_matches_polyfit(xy):
    x, y = xy
    ls = a.least_squares(x, y)
    w, b = np.polyfit(x, y, 1)
    assert ls.w == pytest.approx(w, rel=1e-10)
    assert ls.b == pytest.approx(b, rel=1e-10)
    assert ls.loss == pytest.approx(np.mean((w * x + b - y) ** 2), rel=1e-9, abs=1e-20)


def test_least_squares_book_answer():
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    assert (f"{ls.w:.5f}", f"{ls.b:.4f}", f"{ls.loss:.6f}") == ("0.53677", "-17.3048", "2.927646")


@pytest.mark.filterwarnings("error")  # the Dataset's arrays are read-only: no "non-writable" warning from torch
def test_least_squares_is_the_minimum():
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    grid = a.loss_grid(BOOK.t_u, BOOK.t_c, ls.w + np.linspace(-1e-3, 1e-3, 5), ls.b + np.linspace(-0.1, 0.1, 5))
    assert grid.min() == pytest.approx(ls.loss, rel=1e-12)
    assert np.unravel_index(grid.argmin(), grid.shape) == (2, 2)


def test_least_squares_undefined_for_equal_x():
    with pytest.raises(ValueError, match="equal"):
        a.least_squares([3.0, 3.0, 3.0], [1.0, 2.0, 3.0])


# --- Hessian and the stable learning rate -----------------------------------------------------------------------------
@pytest.mark.parametrize("normalize", ["none", "scale", "zscore"])
def test_hessian_matches_autograd(normalize):
    x = torch.tensor(model_x(normalize))
    y = torch.tensor(BOOK.t_c)
    p0 = torch.tensor([0.3, -2.0], dtype=torch.float64)
    h = torch.autograd.functional.hessian(lambda p: ((p[0] * x + p[1] - y) ** 2).mean(), p0)
    np.testing.assert_allclose(a.hessian(x.numpy()), h.numpy(), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    "x",
    [model_x("none"), model_x("scale"), model_x("zscore"), random_xy(3)[0], np.array([0.0, 1e-3])],
    ids=["raw", "scaled", "zscore", "random", "tiny"],
)
def test_stability_matches_eigvalsh(x):
    eig = np.linalg.eigvalsh(a.hessian(x))
    st = a.stability(x)
    assert st.eig_max == pytest.approx(eig[-1], rel=1e-12)
    assert st.eig_min == pytest.approx(eig[0], rel=1e-8)
    assert st.lr_max == pytest.approx(2.0 / eig[-1], rel=1e-12)
    assert a.lr_stable_max(x) == st.lr_max
    assert st.condition == pytest.approx(eig[-1] / eig[0], rel=1e-8)


def test_stability_book_values():
    assert f"{a.lr_stable_max(model_x('none')):.4g}" == "0.0003399"
    assert f"{a.lr_stable_max(model_x('scale')):.4g}" == "0.03298"
    # the book's lr 1e-2 is above the raw bound (diverges) and below the scaled one (converges)
    assert a.lr_stable_max(model_x("none")) < 1e-2 < a.lr_stable_max(model_x("scale"))
    assert a.stability(model_x("zscore")).condition == pytest.approx(1.0, abs=1e-5)


def test_stability_of_equal_x_has_infinite_condition():
    st = a.stability([2.0, 2.0, 2.0])
    assert st.eig_min == pytest.approx(0.0, abs=1e-12) and st.condition > 1e12


@pytest.mark.parametrize("normalize", ["none", "scale", "zscore"])
def test_plain_gd_converges_just_below_the_bound_and_diverges_just_above(normalize):
    config = TrainConfig(normalize=normalize)
    bound = a.lr_stable_max(prepare(config, BOOK).x.double().numpy())
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)

    history, outcome = run(config.with_(lr=0.99 * bound, epochs=3000), BOOK)
    losses = np.array([r.loss for r in history])
    assert outcome.stop_reason is StopReason.COMPLETED and np.isfinite(losses).all()
    assert np.all(np.diff(losses[-1000:]) <= 1e-6 * losses[-1000:-1])  # still going down at the end
    assert losses[-1] - ls.loss < 0.02 * (losses[0] - ls.loss)
    if normalize != "none":  # well conditioned enough to reach the answer in 3000 epochs
        assert (outcome.w, outcome.b) == pytest.approx((ls.w, ls.b), rel=1e-4)

    history, outcome = run(config.with_(lr=1.01 * bound, epochs=20000), BOOK)
    assert outcome.stop_reason is StopReason.NON_FINITE
    assert outcome.stop_epoch < 20000
    losses = np.array([r.loss for r in history[:-1]])
    assert losses[-1] > 1e30 and np.all(np.diff(losses[-200:]) > 0)  # growing without bound


# --- metrics ----------------------------------------------------------------------------------------------------------
def test_metrics_by_hand():
    t_u, t_c = [0.0, 1.0, 2.0], [1.0, 3.0, 4.0]
    q = a.metrics(t_u, t_c, 1.5, 1.2)
    # predictions 1.2, 2.7, 4.2 -> residuals 0.2, -0.3, 0.2
    assert q.n == 3
    assert q.rmse == pytest.approx(math.sqrt((0.04 + 0.09 + 0.04) / 3), rel=1e-12)
    assert q.mae == pytest.approx(0.7 / 3, rel=1e-12)
    # mean t_c = 8/3, total sum of squares = 25/9 + 1/9 + 16/9 = 42/9
    assert q.r2 == pytest.approx(1 - 0.17 / (42 / 9), rel=1e-12)


def test_metrics_of_the_least_squares_line():
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    q = a.metrics(BOOK.t_u, BOOK.t_c, ls.w, ls.b)
    assert q.rmse == pytest.approx(math.sqrt(ls.loss), rel=1e-12)
    assert q.r2 == pytest.approx(np.corrcoef(BOOK.t_u, BOOK.t_c)[0, 1] ** 2, rel=1e-12)
    assert f"{q.r2:.4f}" == "0.9620"


def test_metrics_edge_cases():
    perfect = a.metrics([1.0, 2.0, 3.0], [3.0, 5.0, 7.0], 2.0, 1.0)
    assert (perfect.rmse, perfect.mae, perfect.r2) == (0.0, 0.0, 1.0)
    flat = a.metrics([1.0, 2.0], [5.0, 5.0], 0.0, 5.0)
    assert flat.rmse == 0.0 and math.isnan(flat.r2)  # r2 is undefined when t_c does not vary
    for w, b in [(math.nan, 0.0), (math.inf, 0.0), (1.0, -math.inf)]:
        q = a.metrics([1.0, 2.0], [1.0, 2.0], w, b)
        assert math.isnan(q.rmse) and math.isnan(q.mae) and math.isnan(q.r2) and q.n == 2
    empty = a.metrics([], [], 1.0, 0.0)
    assert empty.n == 0 and math.isnan(empty.rmse)


# --- the loss landscape -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("x", [BOOK.t_u, BOOK.t_u * 0.1, random_xy(4)[0]], ids=["raw", "scaled", "random"])
def test_loss_grid_matches_a_double_loop(x):
    y = BOOK.t_c if len(x) == len(BOOK.t_c) else random_xy(4)[1]
    ws = np.linspace(-1.0, 8.0, 13)
    bs = np.linspace(-30.0, 10.0, 7)
    grid = a.loss_grid(x, y, ws, bs)
    assert grid.shape == (len(bs), len(ws)) and grid.dtype == np.float64
    direct = np.empty_like(grid)
    for i, b in enumerate(bs):
        for j, w in enumerate(ws):
            direct[i, j] = np.mean((w * x + b - y) ** 2)
    np.testing.assert_allclose(grid, direct, rtol=1e-9)


def test_loss_grid_agrees_with_the_training_loss():
    x, y = BOOK.t_u * 0.1, BOOK.t_c
    grid = a.loss_grid(x, y, [1.0], [0.0])
    assert f"{grid[0, 0]:.2f}" == "80.36"  # the book's first scaled loss


# --- predict / invert -------------------------------------------------------------------------------------------------
def test_predict_and_invert_round_trip():
    w, b = 0.5367719209075442, -17.304785503010788
    t_u = np.array([-40.0, 0.0, 35.7, 81.9, 212.0])
    t_c = a.predict(t_u, w, b)
    np.testing.assert_allclose(t_c, w * t_u + b, rtol=0)
    np.testing.assert_allclose(a.invert(t_c, w, b), t_u, rtol=1e-12, atol=1e-12)
    assert a.invert(0.0, w, b) == pytest.approx(-b / w)
    assert float(a.predict(a.invert(37.0, w, b), w, b)) == pytest.approx(37.0, rel=1e-14)


def test_invert_a_flat_line():
    with pytest.raises(ZeroDivisionError, match="flat"):
        a.invert(20.0, 0.0, 5.0)


# --- does a fit mean anything? ----------------------------------------------------------------------------------------
def test_a_diverged_runs_line_is_not_a_meaningful_fit():
    """Raw t_u at lr 0.01 stops at epoch 11 with a finite but astronomical line: its 'metrics' (R² = −3.9e36,
    every residual 'within the spread' of 1.7e19 °C) mean nothing, and fit_check says so."""
    _, o = run(TrainConfig(normalize="none", lr=0.01), BOOK)
    assert o.stop_reason == StopReason.NON_FINITE and math.isfinite(o.w) and math.isfinite(o.b)
    m = a.metrics(BOOK.t_u, BOOK.t_c, o.w, o.b)
    assert m.r2 < -1e36  # what the Results tab used to print
    check = a.fit_check(BOOK.t_u, BOOK.t_c, o.w, o.b)
    assert not check.meaningful and check.reason == "far"
    assert check.span == 32.0  # book t_c runs from −4 to 28 °C
    assert check.rms == pytest.approx(m.rmse, rel=1e-12) and check.rms > 1e19
    assert check.limit == a.FAR_SPANS * 32.0
    assert not a.fit_is_meaningful(BOOK.t_u, BOOK.t_c, o.w, o.b)


def test_poor_and_good_lines_are_meaningful():
    start = a.fit_check(BOOK.t_u, BOOK.t_c, 1.0, 0.0)  # the untrained start on raw readings: loss 1763.9
    assert start.meaningful and start.reason == "ok"
    assert start.rms**2 == pytest.approx(1763.8846, rel=1e-6)
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    best = a.fit_check(BOOK.t_u, BOOK.t_c, ls.w, ls.b)
    assert best.meaningful and best.rms**2 == pytest.approx(ls.loss, rel=1e-12)


def test_the_limit_is_a_hundred_spans_of_the_readings():
    t_u = np.array([0.0, 1.0, 2.0])
    t_c = np.array([0.0, 5.0, 10.0])  # span 10 °C, so the limit is an RMS residual of 1,000 °C
    assert a.fit_check(t_u, t_c, 5.0, 999.0).meaningful  # every residual exactly 999 °C
    assert not a.fit_check(t_u, t_c, 5.0, 1001.0).meaningful
    flat = a.fit_check(t_u, np.full(3, 20.0), 0.0, 120.0)  # all t_c equal: the yardstick is 1 °C
    assert flat.span == 1.0 and flat.meaningful and not a.fit_check(t_u, np.full(3, 20.0), 0.0, 121.0).meaningful


@pytest.mark.parametrize("w, b", [(math.nan, 0.0), (1.0, math.inf), (-math.inf, math.nan)])
def test_a_non_finite_line_is_not_meaningful(w, b):
    check = a.fit_check(BOOK.t_u, BOOK.t_c, w, b)
    assert not check.meaningful and check.reason == "not_finite" and math.isnan(check.rms)


def test_a_line_too_large_to_square_is_far_with_a_finite_rms():
    check = a.fit_check(BOOK.t_u, BOOK.t_c, 1e300, 0.0)  # r² overflows float64; the RMS must not
    assert check.reason == "far" and math.isfinite(check.rms)
    assert check.rms == pytest.approx(1e300 * math.sqrt(np.mean(BOOK.t_u**2)), rel=1e-9)
    assert a.fit_check([], [], 1.0, 0.0).meaningful  # nothing to judge
