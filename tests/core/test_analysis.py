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


# --- any model: reference answer, stable rate, predicted convergence, the equation and the note -------------------
def quadratic_raw_lstsq(t_u, t_c):
    c = np.polyfit(t_u, t_c, 2)
    r = np.polyval(c, t_u) - t_c
    return c, float(r @ r / len(r))


def test_the_line_keeps_its_closed_form_stability_and_least_squares():
    config = TrainConfig()
    assert a.stability_of(config, BOOK) == a.stability(model_x("scale").astype(np.float32))
    ref = a.reference(config, BOOK)
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    assert (ref.w, ref.b, ref.loss) == pytest.approx((ls.w, ls.b, ls.loss), rel=1e-12)
    assert ref.names == ("w", "b") and ref.params == pytest.approx((10 * ls.w, ls.b), rel=1e-12)


@pytest.mark.parametrize("normalize", ["none", "scale", "zscore"])
def test_the_quadratic_reference_and_stability_come_from_its_own_hessian(normalize):
    from thermogui.core.models import QUADRATIC

    config = TrainConfig(model="quadratic", normalize=normalize)
    ref = a.reference(config, BOOK)
    c, loss = quadratic_raw_lstsq(BOOK.t_u, BOOK.t_c)
    assert ref.names == ("w2", "w1", "b") and ref.params_raw == pytest.approx(c, rel=1e-6)
    assert ref.loss == pytest.approx(loss, rel=1e-9)
    with pytest.raises(AttributeError):
        ref.w  # noqa: B018  (the line's names are the line's only)
    x = prepare(config, BOOK).x.double().numpy()
    lam = np.linalg.eigvalsh(QUADRATIC.hessian(x))
    st = a.stability_of(config, BOOK)
    assert st.lr_max == pytest.approx(2 / lam[-1], rel=1e-12)
    assert st.condition == pytest.approx(lam[-1] / lam[0], rel=1e-9)
    if normalize == "scale":
        assert 5e4 < st.condition < 1e5  # the exercise on 0.1·t_u: a condition number near 10⁵


def test_a_network_has_no_bound_and_no_closed_form_answer():
    config = TrainConfig(model="mlp", hidden=4)
    assert a.stability_of(config, BOOK) is None and a.reference(config, BOOK) is None
    assert a.convergence(config, BOOK) is None
    p = a.start_params_raw(config, BOOK)
    assert len(p) == 13 and all(math.isfinite(v) for v in p)


@pytest.mark.parametrize(
    "config",
    [TrainConfig(arith="fast"), TrainConfig(normalize="zscore", arith="fast", epochs=400)],
    ids=["line-scale", "line-zscore"],
)
def test_the_predicted_epochs_bound_the_actual_ones_and_are_close(config):
    conv = a.convergence(config, BOOK)
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    start = float(np.mean((prepare(config, BOOK).x.double().numpy() * config.init_w + config.init_b - BOOK.t_c) ** 2))
    assert conv.ls_loss == pytest.approx(ls.loss, rel=1e-12) and conv.start_loss == pytest.approx(start, rel=1e-6)
    _, outcome = run(config.with_(epochs=int(conv.epochs)), BOOK)
    assert a.reached(outcome.final_loss, conv.ls_loss)  # after the predicted epochs it is there …
    history, _ = run(config.with_(epochs=int(conv.epochs) + 1), BOOK)
    updates = next(r.epoch - 1 for r in history if a.reached(r.loss, conv.ls_loss))  # (epoch k: after k − 1)
    assert 0.85 * conv.epochs <= updates <= conv.epochs  # … and not much earlier: the bound is tight for the line


def test_the_quadratic_prediction_is_an_upper_bound():
    config = TrainConfig(model="quadratic", lr=5e-4, arith="fast", epochs=1)
    conv = a.convergence(config, BOOK)
    assert 3e5 < conv.epochs < 5e5 and conv.plain_gd and conv.stable

    def final_loss(epochs: int) -> float:  # the fast path's closed-form chunks, without a list of 10⁵ epochs
        from thermogui.core.fast import gd_chunks
        from thermogui.core.models import QUADRATIC
        from thermogui.core.problem import model_inputs, training_data

        t_u, t_c, norm = training_data(config, BOOK)
        chunks = gd_chunks(QUADRATIC, model_inputs(norm, t_u), t_c, config.start_params(), config.lr, epochs)
        while True:
            try:
                next(chunks)
            except StopIteration as done:
                return done.value.final_loss

    assert a.reached(final_loss(int(conv.epochs)), conv.ls_loss)
    short = final_loss(int(conv.epochs) // 4)
    assert not a.reached(short, conv.ls_loss)
    assert a.relative_excess(short, conv.ls_loss) == pytest.approx((short - conv.ls_loss) / conv.ls_loss)


def test_prediction_edge_cases():
    unstable = a.convergence(TrainConfig(normalize="none", lr=1e-2), BOOK)
    assert unstable.epochs == math.inf and not unstable.stable
    at_optimum = a.convergence(TrainConfig(init_w=5.3677192, init_b=-17.3047855), BOOK)
    assert at_optimum.epochs == 0
    exact = Dataset([1.0, 2.0], [3.0, 5.0])  # two readings: least squares fits them exactly, L* = 0 (+ rounding)
    assert math.isnan(a.convergence(TrainConfig(), exact).epochs)
    from thermogui.core.explain import convergence_note

    _, out = run(TrainConfig(epochs=10), exact)
    assert "\n" not in convergence_note(a.convergence(TrainConfig(epochs=10), exact), out)[0]  # nothing to judge
    assert math.isnan(a.relative_excess(1.0, 0.0)) and not a.reached(1.0, 0.0)
    momentum = a.convergence(TrainConfig(momentum=0.9), BOOK)
    assert not momentum.plain_gd


def test_validation_mask_marks_or_the_seeded_share():
    from thermogui.core.problem import split

    marked = BOOK.with_val_rows([2, 10])
    assert np.flatnonzero(a.validation_mask(TrainConfig(), marked)).tolist() == [2, 10]
    excluded = marked.with_include(0, False)  # split indices count included readings only
    assert np.flatnonzero(a.validation_mask(TrainConfig(), excluded)).tolist() == [2, 10]
    config = TrainConfig(val_fraction=0.3, seed=7)
    _, va = split(config, excluded)
    rows = np.flatnonzero(excluded.include)[va]
    assert np.flatnonzero(a.validation_mask(config, excluded)).tolist() == sorted(rows.tolist())
    assert not a.validation_mask(TrainConfig(), BOOK).any()
    assert not a.validation_mask(TrainConfig(), BOOK.with_val_rows(range(10))).any()  # cannot be made: none


# --- explain: the equation of any model and the convergence note -------------------------------------------------
def test_the_model_equation_of_the_quadratic_and_the_line():
    from thermogui.core.explain import model_equation
    from thermogui.core.models import LINE, QUADRATIC, get_model
    from thermogui.core.numbers import equation

    c, _ = quadratic_raw_lstsq(BOOK.t_u, BOOK.t_c)
    assert model_equation(QUADRATIC, c) == "t_c = 0.002830 · t_u² + 0.2476 · t_u − 10.65"
    assert model_equation(QUADRATIC, [-1e-6, 0.0, 2e5]) == "t_c = −1.000e−6 · t_u² + 0 · t_u + 2.000e5"
    assert model_equation(QUADRATIC, [math.nan, 1, 2]).startswith("t_c = — ")
    ls = a.least_squares(BOOK.t_u, BOOK.t_c)
    assert model_equation(LINE, (ls.w, ls.b)) == equation(ls.w, ls.b) == "t_c = 0.5368 · t_u − 17.30"
    assert model_equation(get_model("mlp", 3), np.zeros(10)) == "t_c = network(3 hidden units, 10 parameters)"


def test_the_convergence_note_before_and_after_a_run():
    from thermogui.core.explain import convergence_note

    config = TrainConfig(epochs=3000)
    conv = a.convergence(config, BOOK)
    text, warning = convergence_note(conv)
    assert not warning
    assert text == "stable up to 0.033 · condition number 357\n≤ 2,995 epochs to 0.1 % of the minimum"
    assert convergence_note(a.convergence(config.with_(epochs=100), BOOK))[0].endswith("(100 set)")
    _, done = run(config, BOOK)
    assert convergence_note(conv, done)[0].endswith("\n✓ reached: within 0.1 % of the minimum")
    _, short = run(config.with_(epochs=300), BOOK)
    excess = (short.final_loss - conv.ls_loss) / conv.ls_loss
    assert convergence_note(conv, short)[0].endswith(f"\nnot reached: {100 * excess:.0f} % above the minimum")
    # the line's warning keeps its words (and gets no prediction: it diverges)
    text, warning = convergence_note(a.convergence(TrainConfig(normalize="none", lr=1e-2), BOOK))
    assert warning and text == "⚠ 29.4× the stable limit 3.4e-4: expect the loss to explode"  # (fills two lines)
    assert "no stable-rate bound" in convergence_note(None)[0]


# --- a network beside the least-squares line ------------------------------------------------------------------------
def book_split() -> Dataset:
    return BOOK.with_val_rows([2, 10])  # the book's validation readings 3 and 11


def test_a_networks_curve_spans_20_to_90_or_the_readings_whichever_is_wider():
    from thermogui.core.models import LINE, LINEAR_MODULE, QUADRATIC, get_model

    net = get_model("mlp", 8)
    assert a.curve_span(net, 21.8, 81.9) == (20.0, 90.0)
    assert a.curve_span(net, -40.0, 60.0) == (-40.0, 90.0) and a.curve_span(net, 30.0, 212.0) == (20.0, 212.0)
    for model in (LINE, QUADRATIC, LINEAR_MODULE):
        assert a.curve_span(model, 21.8, 81.9) == (21.8, 81.9)


def test_nn_linear_has_the_lines_least_squares_and_the_network_the_line_to_compare_with():
    data = book_split()
    t_u, t_c = np.delete(BOOK.t_u, [2, 10]), np.delete(BOOK.t_c, [2, 10])
    ls = a.least_squares(t_u, t_c)
    for config in (TrainConfig(model="linear-module"), TrainConfig(model="mlp", hidden=8)):
        ref = a.comparison_line(config, data)
        assert ref.names == ("w", "b") and (ref.w, ref.b, ref.loss) == pytest.approx((ls.w, ls.b, ls.loss), rel=1e-9)
    module = a.reference(TrainConfig(model="linear-module"), data)
    assert module == a.reference(TrainConfig(), data)  # the same model: the same answer
    assert a.reference(TrainConfig(model="mlp", hidden=8), data) is None  # (none in closed form for a network)


def test_the_line_baseline_has_numpys_losses_on_the_same_split():
    data = book_split()
    tr = np.setdiff1d(np.arange(11), [2, 10])
    w, b = np.polyfit(BOOK.t_u[tr], BOOK.t_c[tr], 1)

    def mse(idx):
        r = w * BOOK.t_u[idx] + b - BOOK.t_c[idx]
        return float(r @ r / len(r))

    base = a.line_baseline(TrainConfig(model="mlp", hidden=8), data)
    assert base.params_raw == pytest.approx((w, b), rel=1e-9) and base.n_val == 2
    assert base.loss == pytest.approx(mse(tr), rel=1e-9) and base.val_loss == pytest.approx(mse([2, 10]), rel=1e-9)
    assert round(base.val_loss, 2) == 3.54  # (the book's split: the line's validation loss)
    # a random share (seed 5) is the run's split; no split: no validation loss
    config = TrainConfig(model="mlp", hidden=8, val_fraction=0.2, seed=5)
    from thermogui.core.problem import split

    _, va = split(config, BOOK)
    shared = a.line_baseline(config, BOOK)
    assert shared.n_val == 2 and shared.val_loss == pytest.approx(
        float(np.mean((shared.params_raw[0] * BOOK.t_u[va] + shared.params_raw[1] - BOOK.t_c[va]) ** 2)), rel=1e-12
    )
    none = a.line_baseline(TrainConfig(model="mlp"), BOOK)
    assert none.n_val == 0 and math.isnan(none.val_loss)
    assert a.line_baseline(TrainConfig(model="mlp"), Dataset(np.array([3.0, 3.0]), np.array([1.0, 2.0]))) is None


def test_beating_the_line_in_words_and_numbers():
    from thermogui.core.explain import line_comparison_text

    base = a.LineBaseline((0.52, -16.8), 2.93, 3.54, 2)
    c = a.versus_line(base, 2.11, 5.40)
    assert (c.training, c.validation, c.overfits) == (-1, 1, True)
    assert (
        line_comparison_text(c)
        == "training 2.11 vs the line's 2.93 — better; validation 5.40 vs 3.54 — worse: it overfits"
    )
    both = a.versus_line(base, 2.5, 3.0)
    assert line_comparison_text(both).endswith("validation 3.00 vs 3.54 — better: it beats the line on both")
    behind = a.versus_line(base, 40.0, 50.0)
    assert line_comparison_text(behind) == "training 40.00 vs the line's 2.93 — worse; validation 50.00 vs 3.54 — worse"
    same = a.versus_line(base, 2.93 * (1 + 1e-4), math.inf)  # within 0.1 %: as good; an overflowed loss: worse
    assert (same.training, same.validation) == (0, 1)
    assert line_comparison_text(same).startswith("training 2.9303 vs the line's 2.9300 — as good;")
    assert "validation ∞ vs 3.54 — worse" in line_comparison_text(same)
    alone = a.versus_line(a.LineBaseline((0.5, -17.0), 2.93, math.nan, 0), 2.11, math.nan)
    assert alone.validation is None and not alone.overfits
    assert line_comparison_text(alone) == (
        "training 2.11 vs the line's 2.93 — better; no validation readings to tell whether it overfits "
        "(tick some in the Val column)"
    )
    assert a.compare_losses(math.nan, 1.0) == 1 and a.compare_losses(1.0, math.nan) == -1


def test_a_trained_network_against_the_line_on_the_books_split():
    """The book's network run (8 hidden units, lr 1e-3, seed 0) for 300 epochs: the numbers the readout shows."""
    from thermogui.core.explain import line_comparison_text, model_caption, network_gradient_text
    from thermogui.core.models import model_of

    data = book_split()
    config = TrainConfig(model="mlp", hidden=8, lr=1e-3, epochs=300)
    history, outcome = run(config, data)
    base = a.line_baseline(config, data)
    c = a.versus_line(base, outcome.final_loss, outcome.val_loss)
    assert c.loss == outcome.final_loss and c.line_loss == base.loss and c.val_loss == outcome.val_loss
    said = line_comparison_text(c)
    assert said.startswith(f"training {outcome.final_loss:.2f} vs the line's {base.loss:.2f} — ")
    assert model_caption(model_of(config), outcome.params) == "8 hidden units, 25 parameters"
    g = history[-1].grad
    assert network_gradient_text(300, g) == f"Gradient of epoch 300  |∇L| = {np.linalg.norm(g):.4f} over 25 parameters"
    assert network_gradient_text(1, [math.inf, 0.0]) == "Gradient of epoch 1  |∇L| = ∞ over 2 parameters"


def test_no_bound_when_the_inputs_overflow_or_vanish_in_the_models_sums():
    """Readings 1.4e-111 apart collapse to one value in float32 (z-scored: 0/0) — the fuzzer's session: no bound is
    computed (None, as for the network), never a LinAlgError in the window's slot."""
    from thermogui.core.analysis import convergence, stability_of

    tiny = Dataset([1.4035475260553723e-111, 0.0, 0.0], [0.0, 0.0, 0.0])
    config = TrainConfig(model="quadratic", normalize="zscore")
    assert stability_of(config, tiny) is None and convergence(config, tiny) is None
