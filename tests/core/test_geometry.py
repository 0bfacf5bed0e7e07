"""core.geometry: residuals and their squares, my line and its start values, rewinding to an epoch, the °F law."""

import math

import numpy as np
import pytest

from thermogui.core.analysis import least_squares
from thermogui.core.config import EpochResult, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.geometry import (
    LAW_PARAMS_RAW,
    NoStartValues,
    continue_values,
    fahrenheit_law,
    law_comparison,
    law_points,
    law_sentence,
    line_loss,
    line_through,
    nearest_epoch,
    next_recorded,
    raw_to_model,
    residuals,
    rows_until,
    square_areas,
    square_rects,
    start_from_line,
    start_values,
)
from thermogui.core.history import History
from thermogui.core.models import LINE, QUADRATIC, get_model
from thermogui.core.problem import training_data
from thermogui.core.training import run

BOOK = Dataset.book()
T_U, T_C = np.asarray(BOOK.t_u, float), np.asarray(BOOK.t_c, float)


# --- residuals and squares -------------------------------------------------------------------------------------------
def test_the_mean_of_the_squares_is_the_loss_at_the_least_squares_line():
    ls = least_squares(T_U, T_C)
    res = residuals(LINE, (ls.w, ls.b), BOOK)
    assert res.r == pytest.approx(ls.w * T_U + ls.b - T_C, rel=1e-12)
    assert res.mse == pytest.approx(ls.loss, rel=1e-12)
    assert res.mse == pytest.approx(2.927645, abs=5e-6)  # the book's final loss, 2.927648 in float32
    assert res.n_train == 11


def test_residuals_of_any_model_and_validation_readings_left_out_of_the_mse():
    p = (0.003, 0.2, -10.0)
    val = np.zeros(len(BOOK), bool)
    val[[1, 4]] = True
    res = residuals(QUADRATIC, p, BOOK, val)
    r = np.polyval(p, T_U) - T_C
    assert res.r == pytest.approx(r, rel=1e-12)
    assert res.n_train == 9 and not res.train[[1, 4]].any()
    assert res.mse == pytest.approx(float(np.mean(r[~val] ** 2)), rel=1e-12)
    assert res.mse != pytest.approx(float(np.mean(r**2)), rel=1e-3)  # the validation readings really are left out


def test_excluded_readings_have_no_residual():
    data = BOOK.with_include(0, False)
    res = residuals(LINE, (0.5, -17.0), data)
    assert len(res.r) == 10 and res.t_u[0] == T_U[1]


def test_a_network_has_residuals_too():
    net = get_model("mlp", 3)
    p = np.linspace(-1, 1, net.size)
    res = residuals(net, p, BOOK)
    assert res.t_p == pytest.approx(net.predict(T_U, p), rel=1e-12)


def test_each_square_sits_on_its_residual_and_its_area_is_the_residual_squared():
    r = np.array([2.0, -3.0, 0.0])
    t_u, t_c = np.array([10.0, 20.0, 30.0]), np.array([1.0, 5.0, -2.0])
    aspect = 2.5  # t_u units per °C on screen
    rects = square_rects(t_u, t_c, r, aspect)
    assert rects[:, 0] == pytest.approx(t_u)  # the left side is at the reading's t_u
    assert rects[:, 1] == pytest.approx([1.0, 2.0, -2.0])  # from the lower end of the residual
    assert rects[:, 3] == pytest.approx([2.0, 3.0, 0.0])  # as tall as |r| in °C
    assert rects[:, 2] == pytest.approx([5.0, 7.5, 0.0])  # as wide as |r| °C look on screen
    assert square_areas(rects, aspect) == pytest.approx(r**2)
    res = residuals(LINE, (0.5, -17.0), BOOK)
    areas = square_areas(square_rects(res.t_u, res.t_c, res.r, 0.37), 0.37)
    assert areas.mean() == pytest.approx(res.mse, rel=1e-12)


# --- my line ---------------------------------------------------------------------------------------------------------
def test_the_line_through_two_handles():
    w, b = line_through((20.0, -5.0), (80.0, 25.0))
    assert (w, b) == pytest.approx((0.5, -15.0))
    with pytest.raises(NoStartValues, match="above each other"):
        line_through((50.0, 1.0), (50.0, 3.0))


def test_my_lines_loss_is_on_the_training_readings():
    config = TrainConfig()
    assert line_loss(config, BOOK, 0.5, -17.0) == pytest.approx(float(np.mean((0.5 * T_U - 17 - T_C) ** 2)))
    config = TrainConfig(val_fraction=0.2, seed=3)
    t_u, t_c, _ = training_data(config, BOOK)
    assert len(t_u) == 9
    assert line_loss(config, BOOK, 0.5, -17.0) == pytest.approx(float(np.mean((0.5 * t_u - 17 - t_c) ** 2)))


@pytest.mark.parametrize("normalize", ["none", "scale", "zscore"])
def test_my_line_becomes_start_values_in_model_units(normalize):
    config = TrainConfig(normalize=normalize)
    values = start_from_line(config, BOOK, 0.52, -16.5)
    _, _, norm = training_data(config, BOOK)
    assert set(values) == {"init_w", "init_b"}
    assert LINE.to_raw((values["init_w"], values["init_b"]), norm.offset, norm.factor) == pytest.approx(
        (0.52, -16.5), rel=1e-12
    )
    assert (values["init_w"], values["init_b"]) == norm.to_model(0.52, -16.5)  # the normalization's own inverse
    if normalize == "none":
        assert values == {"init_w": 0.52, "init_b": -16.5}
    if normalize == "scale":
        assert values["init_w"] == pytest.approx(5.2)


def test_my_line_starts_the_quadratic_with_w2_zero_and_nn_linear_as_the_line():
    config = TrainConfig(model="quadratic", normalize="zscore")
    values = start_from_line(config, BOOK, 0.52, -16.5)
    assert values["init_w2"] == 0.0  # exactly
    _, _, norm = training_data(config, BOOK)
    p = (values["init_w2"], values["init_w"], values["init_b"])
    assert QUADRATIC.to_raw(p, norm.offset, norm.factor) == pytest.approx((0.0, 0.52, -16.5), abs=1e-12)
    assert start_from_line(TrainConfig(model="linear-module", normalize="none"), BOOK, 0.52, -16.5) == {
        "init_w": 0.52,
        "init_b": -16.5,
    }


def test_the_network_has_no_start_values():
    with pytest.raises(NoStartValues, match="no start values"):
        start_from_line(TrainConfig(model="mlp"), BOOK, 0.5, -17.0)


def test_start_values_refuse_what_the_model_cannot_start_from():
    with pytest.raises(NoStartValues, match="no t_u² term"):
        start_values(TrainConfig(model="line"), BOOK, QUADRATIC, (0.001, 0.5, -17.0))
    with pytest.raises(NoStartValues, match="no longer finite"):
        start_values(TrainConfig(), BOOK, LINE, (math.nan, 1.0))
    with pytest.raises(NoStartValues, match="start w"):
        start_values(TrainConfig(normalize="none"), BOOK, LINE, (1e31, 1.0))


@pytest.mark.parametrize("offset,factor", [(0.0, 1.0), (0.0, 0.1), (48.7, 1 / 17.9)])
def test_raw_to_model_inverts_to_raw(offset, factor):
    rng = np.random.default_rng(0)
    for model in (LINE, QUADRATIC):
        p = rng.normal(size=model.size)
        back = raw_to_model(model.powers, model.to_raw(p, offset, factor), offset, factor)
        assert back == pytest.approx(p, rel=1e-9, abs=1e-12)


def test_start_from_line_on_the_run_gives_its_first_loss():
    """A run started from my line measures my line's loss at its first epoch (float32 against float64)."""
    for normalize in ("none", "scale", "zscore"):
        config = TrainConfig(normalize=normalize, epochs=1)
        config = config.with_(**start_from_line(config, BOOK, 0.52, -16.5))
        history, _ = run(config, BOOK)
        assert history[0].loss == pytest.approx(line_loss(config, BOOK, 0.52, -16.5), rel=2e-6)


# --- rewind ----------------------------------------------------------------------------------------------------------
def test_continuing_from_an_epoch_gives_the_runs_next_loss_digit_for_digit():
    """The new run starts at the parameters after epoch 50's update: its first loss is the run's epoch 51 loss."""
    config = TrainConfig(epochs=100)
    history, _ = run(config, BOOK)
    row = history[49]
    assert row.epoch == 50
    values = continue_values(config, BOOK, config, BOOK, row)
    assert (values["init_w"], values["init_b"]) == row.params  # model units, as recorded
    again, _ = run(config.with_(**values, epochs=3), BOOK)
    assert again[0].loss == history[50].loss  # bit for bit
    assert again[1].loss == history[51].loss


def test_continuing_with_another_normalization_keeps_the_line():
    config = TrainConfig(epochs=20)
    history, _ = run(config, BOOK)
    row = history[9]
    now = TrainConfig(normalize="zscore")
    values = continue_values(now, BOOK, config, BOOK, row)
    _, _, norm = training_data(now, BOOK)
    assert LINE.to_raw((values["init_w"], values["init_b"]), norm.offset, norm.factor) == pytest.approx(
        row.params_raw, rel=1e-9
    )
    quad = continue_values(TrainConfig(model="quadratic"), BOOK, config, BOOK, row)
    assert quad["init_w2"] == 0.0
    with pytest.raises(NoStartValues):
        continue_values(TrainConfig(model="mlp"), BOOK, config, BOOK, row)


def test_the_nearest_recorded_epoch_of_a_thinned_run():
    h = History(100, max_rows=16)  # a tiny cap: the rows are thinned to every k-th epoch
    for e in range(1, 201):
        h.append(EpochResult.of(e, 1000.0 / e, math.nan, (e, -e), (e / 10, -e), (0.0, 0.0)))
    rows = h.snapshot()
    assert h.stride > 1 and len(rows) < 200
    kept = set(rows[:, 0].astype(int))
    target = next(e for e in range(60, 200) if e not in kept)
    r, exact = nearest_epoch(rows, h.latest, target)
    assert not exact and r.epoch in kept
    assert abs(r.epoch - target) == min(abs(k - target) for k in kept)
    assert r.params == (r.epoch, -r.epoch)
    some = int(rows[3, 0])
    r, exact = nearest_epoch(rows, h.latest, some)
    assert exact and r.epoch == some and r.params == tuple(rows[3, 3:5]) and r.loss == rows[3, 1]
    assert nearest_epoch(rows, h.latest, 10_000)[0].epoch == 200  # the latest epoch is always there
    assert nearest_epoch(rows, h.latest, -5)[0].epoch == int(rows[0, 0])
    assert nearest_epoch(np.empty((0, 9)), None, 3) is None
    ahead = next_recorded(rows, h.latest, r.epoch, 1)
    assert ahead.epoch == min(k for k in kept | {200} if k > r.epoch)
    assert next_recorded(rows, h.latest, ahead.epoch, -1).epoch == r.epoch
    assert next_recorded(rows, h.latest, 200, 1) is None and next_recorded(rows, h.latest, int(rows[0, 0]), -1) is None


def test_the_path_up_to_an_epoch_ends_there():
    rows = np.array([EpochResult.of(e, 1.0, math.nan, (e, 0), (e, 0), (0, 0)) for e in range(1, 5001)])
    r = EpochResult(*rows[2999])
    path = rows_until(rows, r, 2000)
    assert np.array_equal(path[-1], np.asarray(r), equal_nan=True)
    assert (path[:-1, 0] < 3000).all() and len(path) <= 2001
    assert len(rows_until(rows, EpochResult(*rows[9]), 2000)) == 10


# --- the law ---------------------------------------------------------------------------------------------------------
def test_the_fahrenheit_law():
    assert fahrenheit_law([32.0, 212.0, -40.0]) == pytest.approx([0.0, 100.0, -40.0])
    xs, ys = law_points(20.0, 90.0)
    assert ys == pytest.approx((xs - 32) * 5 / 9)
    assert LINE.predict(xs, LAW_PARAMS_RAW) == pytest.approx(ys)


def test_the_fit_beats_the_law_on_its_own_readings():
    c = law_comparison(TrainConfig(), BOOK)
    assert c.n_train == 11
    assert c.law_loss == pytest.approx(float(np.mean(((T_U - 32) * 5 / 9 - T_C) ** 2)))
    assert c.best_loss < c.law_loss  # least squares minimises the error on these readings, not the distance to the law
    text = law_sentence(c)
    assert "noisy" in text and "11" in text and "3.27" in text and "2.93" in text
