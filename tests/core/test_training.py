"""The training generator: stop reasons, raw-unit conversion, validation split, optimizers, configuration errors."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import torch

from thermogui.core.analysis import least_squares
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.training import (
    ConfigError,
    EpochResult,
    Normalization,
    StopReason,
    TrainConfig,
    prepare,
    run,
    split_indices,
    train,
)

BOOK = Dataset.book()
LS = least_squares(BOOK.t_u, BOOK.t_c)
RAW_DIVERGING = TrainConfig(normalize="none", lr=1e-2, epochs=100)
# one configuration per code path: the fast plain loop, autograd, SGD with momentum, Adam
PATHS = {
    "plain": TrainConfig(normalize="zscore", lr=0.1, epochs=300),
    "autograd": TrainConfig(normalize="zscore", lr=0.1, epochs=300, gradient="autograd"),
    "momentum": TrainConfig(normalize="zscore", lr=0.05, momentum=0.9, epochs=300),
    "adam": TrainConfig(normalize="zscore", lr=0.1, optimizer="adam", epochs=300),
}


def mse(t_u, t_c, w_raw, b_raw) -> float:
    r = w_raw * np.asarray(t_u, float) + b_raw - np.asarray(t_c, float)
    return float(np.mean(r * r))


# --- the generator's shape -----------------------------------------------------------------------------------------
def test_train_is_a_generator_of_epoch_results_returning_the_outcome():
    gen = train(TrainConfig(epochs=3), BOOK)
    first = next(gen)
    assert isinstance(first, EpochResult) and first.epoch == 1
    rest = []
    with pytest.raises(StopIteration) as stop:
        while True:
            rest.append(next(gen))
    assert [r.epoch for r in rest] == [2, 3]
    assert stop.value.value.stop_reason is StopReason.COMPLETED


def test_results_and_config_are_frozen():
    history, outcome = run(TrainConfig(epochs=2), BOOK)
    with pytest.raises(AttributeError):
        history[0].loss = 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        outcome.w = 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        TrainConfig().lr = 1.0


def test_epoch_order_is_loss_then_gradient_then_update():
    """Epoch k reports the loss and gradient before update k and the parameters after it."""
    config = TrainConfig(normalize="scale", lr=1e-2, epochs=3)
    history, _ = run(config, BOOK)
    x = BOOK.t_u * 0.1
    w, b = 1.0, 0.0
    for r in history:
        assert r.loss == pytest.approx(mse(x, BOOK.t_c, w, b), rel=1e-6)
        r_vec = w * x + b - BOOK.t_c
        assert (r.grad_w, r.grad_b) == pytest.approx((2 * np.mean(r_vec * x), 2 * np.mean(r_vec)), rel=1e-5)
        w, b = w - 1e-2 * r.grad_w, b - 1e-2 * r.grad_b
        assert (r.w, r.b) == pytest.approx((w, b), rel=1e-6)
        w, b = r.w, r.b


# --- stop reasons ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", PATHS)
def test_completed(name):
    config = PATHS[name]
    history, outcome = run(config, BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED
    assert [r.epoch for r in history] == list(range(1, config.epochs + 1))
    assert outcome.epochs_run == outcome.stop_epoch == outcome.last_finite_epoch == config.epochs
    assert outcome.loss == history[-1].loss == outcome.last_finite_loss
    assert (outcome.w_model, outcome.b_model) == (history[-1].w, history[-1].b)
    assert (outcome.w, outcome.b) == (history[-1].w_raw, history[-1].b_raw)
    assert outcome.final_loss == pytest.approx(mse(BOOK.t_u, BOOK.t_c, outcome.w, outcome.b), rel=1e-5)


@pytest.mark.parametrize("gradient", ["manual", "autograd"])
def test_non_finite_stops_at_epoch_11(gradient):
    history, outcome = run(RAW_DIVERGING.with_(gradient=gradient), BOOK)
    assert outcome.stop_reason is StopReason.NON_FINITE
    assert outcome.stop_epoch == outcome.epochs_run == 11
    assert outcome.last_finite_epoch == 10
    assert outcome.last_finite_loss == history[9].loss and math.isfinite(history[9].loss)
    assert outcome.loss == math.inf == history[10].loss
    assert len(history) == 11
    # no update is applied at the stopping epoch: the final parameters are those after epoch 10
    assert (history[10].w, history[10].b) == (history[9].w, history[9].b)
    assert (outcome.w_model, outcome.b_model) == (history[9].w, history[9].b)
    assert math.isfinite(outcome.w_model) and math.isfinite(outcome.b_model)


def test_non_finite_with_momentum():
    config = TrainConfig(normalize="none", lr=1e-2, epochs=200, momentum=0.9)
    history, outcome = run(config, BOOK)
    assert outcome.stop_reason is StopReason.NON_FINITE
    assert not math.isfinite(history[-1].loss)
    assert all(math.isfinite(r.loss) for r in history[:-1])
    assert outcome.last_finite_epoch == outcome.stop_epoch - 1 == len(history) - 1


@pytest.mark.parametrize("name", PATHS)
def test_non_finite_at_the_very_first_epoch(name):
    config = PATHS[name].with_(normalize="none", init_w=1e30, epochs=10)  # (1e30 * 80)^2 overflows float32
    history, outcome = run(config, BOOK)
    assert outcome.stop_reason is StopReason.NON_FINITE
    assert (outcome.stop_epoch, outcome.last_finite_epoch) == (1, 0)
    assert math.isnan(outcome.last_finite_loss)
    assert len(history) == 1 and history[0].loss == math.inf


@pytest.mark.parametrize("gradient", ["manual", "autograd"])
def test_keep_going_after_non_finite_gives_nan_params(gradient):
    history, outcome = run(RAW_DIVERGING.with_(gradient=gradient, stop_on_non_finite=False), BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED
    assert outcome.epochs_run == len(history) == 100
    assert outcome.last_finite_epoch == 10
    assert math.isnan(outcome.w_model) and math.isnan(outcome.b_model)
    assert math.isnan(outcome.w) and math.isnan(outcome.b)
    assert math.isnan(history[-1].loss) and math.isnan(outcome.final_loss)


@pytest.mark.parametrize("name", ["plain", "autograd", "momentum"])
def test_converged_with_tol(name):
    tol = 1e-4
    config = PATHS[name].with_(epochs=5000, tol=tol)
    history, outcome = run(config, BOOK)
    assert outcome.stop_reason is StopReason.CONVERGED
    assert outcome.stop_epoch == outcome.epochs_run == len(history) < 5000
    last, before = history[-1], history[-2]
    assert abs(last.grad_w) <= tol and abs(last.grad_b) <= tol
    assert abs(before.grad_w) > tol or abs(before.grad_b) > tol  # it stops at the first epoch that qualifies
    assert (outcome.w, outcome.b) == pytest.approx((LS.w, LS.b), rel=1e-4)


def test_tol_zero_never_converges_early_unless_the_gradient_is_exactly_zero():
    history, outcome = run(TrainConfig(epochs=50, tol=0.0), BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED and len(history) == 50


@pytest.mark.parametrize("name", PATHS)
@pytest.mark.parametrize("after", [0, 1, 7])
def test_cancelled_via_should_stop(name, after):
    config = PATHS[name]
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) > after

    history, outcome = run(config, BOOK, should_stop=should_stop)
    assert outcome.stop_reason is StopReason.CANCELLED
    assert outcome.epochs_run == outcome.stop_epoch == len(history) == after
    assert len(calls) == after + 1  # polled before every epoch
    if after == 0:
        assert (outcome.w_model, outcome.b_model) == (config.init_w, config.init_b)
        assert math.isnan(outcome.loss)
    else:
        assert outcome.last_finite_epoch == after
        assert (outcome.w_model, outcome.b_model) == (history[-1].w, history[-1].b)


def test_should_stop_false_runs_to_the_end():
    history, outcome = run(TrainConfig(epochs=20), BOOK, should_stop=lambda: False)
    assert outcome.stop_reason is StopReason.COMPLETED and len(history) == 20


# --- raw units --------------------------------------------------------------------------------------------------------
CONVERGING = {
    "none (adam)": TrainConfig(normalize="none", lr=0.5, optimizer="adam", epochs=3000),
    "scale 0.1": TrainConfig(normalize="scale", scale=0.1, lr=0.03, epochs=5000),
    "scale 0.02": TrainConfig(normalize="scale", scale=0.02, lr=0.45, epochs=2000),  # stable below 0.47
    "zscore": TrainConfig(normalize="zscore", lr=0.1, epochs=500),
}


@pytest.mark.parametrize("name", CONVERGING)
def test_raw_parameters_converge_to_least_squares(name):
    config = CONVERGING[name]
    history, outcome = run(config, BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED
    assert outcome.w == pytest.approx(LS.w, rel=1e-4)
    assert outcome.b == pytest.approx(LS.b, rel=1e-4)
    assert outcome.final_loss == pytest.approx(LS.loss, rel=1e-5)
    # the model-unit parameters are not the raw ones (except with no normalization) ...
    if config.normalize != "none":
        assert outcome.w_model != pytest.approx(LS.w, rel=1e-2)
    # ... yet both describe the same line, every epoch
    prep = prepare(config, BOOK)
    x = prep.x.double().numpy()
    for r in history[:: max(1, len(history) // 25)]:
        np.testing.assert_allclose(r.w * x + r.b, r.w_raw * BOOK.t_u + r.b_raw, rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize(
    "norm", [Normalization("none"), Normalization("scale", 0.0, 0.1), Normalization("zscore", 50.0, 1 / 16.0, 16.0)]
)
def test_normalization_round_trip(norm):
    t_u = torch.tensor([21.8, 35.7, 81.9])
    x = norm.apply(t_u).double().numpy()
    w, b = 3.5, -2.25
    wr, br = norm.to_raw(w, b)
    np.testing.assert_allclose(w * x + b, wr * t_u.double().numpy() + br, rtol=1e-6)
    assert norm.to_model(wr, br) == pytest.approx((w, b), rel=1e-12)


def test_zscore_normalization_uses_training_mean_and_std():
    prep = prepare(TrainConfig(normalize="zscore"), BOOK)
    assert prep.norm.offset == pytest.approx(np.mean(BOOK.t_u))
    assert prep.norm.std == pytest.approx(np.std(BOOK.t_u))
    assert float(prep.x.mean()) == pytest.approx(0.0, abs=1e-6)
    assert float(prep.x.double().std(unbiased=False)) == pytest.approx(1.0, rel=1e-6)


# --- validation split -------------------------------------------------------------------------------------------------
def test_split_sizes_and_disjointness():
    for n, fraction, n_val in [(11, 0.2, 2), (11, 0.01, 1), (11, 0.5, 5), (100, 0.25, 25), (3, 0.34, 1)]:
        tr, va = split_indices(n, fraction, seed=3)
        assert len(va) == n_val and len(tr) == n - n_val
        assert sorted(np.concatenate([tr, va]).tolist()) == list(range(n))
        assert list(tr) == sorted(tr) and list(va) == sorted(va)
    tr, va = split_indices(11, 0.0, seed=3)
    assert tr.tolist() == list(range(11)) and va.size == 0


def test_split_is_deterministic_by_seed():
    a = [split_indices(11, 0.3, seed)[1].tolist() for seed in range(8)]
    b = [split_indices(11, 0.3, seed)[1].tolist() for seed in range(8)]
    assert a == b
    assert len({tuple(v) for v in a}) > 1  # different seeds, different held-out readings


def test_validation_runs_are_reproducible_and_seed_dependent():
    config = TrainConfig(val_fraction=0.3, seed=5, epochs=100)
    h1, o1 = run(config, BOOK)
    h2, o2 = run(config, BOOK)
    assert [(r.loss, r.val_loss, r.w, r.b) for r in h1] == [(r.loss, r.val_loss, r.w, r.b) for r in h2]
    h3, _ = run(config.with_(seed=6), BOOK)
    assert split_indices(11, 0.3, 5)[1].tolist() != split_indices(11, 0.3, 6)[1].tolist()
    assert h1[-1].val_loss != h3[-1].val_loss


@pytest.mark.parametrize("name", PATHS)
def test_validation_loss_is_reported_on_the_held_out_readings(name):
    config = PATHS[name].with_(val_fraction=0.25, seed=1, epochs=40)
    history, outcome = run(config, BOOK)
    prep = prepare(config, BOOK)
    tr, va = prep.train_index, prep.val_index
    assert len(va) == 2 and len(tr) == 9
    xt, xv = prep.x.double().numpy(), prep.x_val.double().numpy()
    w, b = config.init_w, config.init_b
    for r in history:  # loss and val loss at the parameters before this epoch's update
        assert r.loss == pytest.approx(mse(xt, BOOK.t_c[tr], w, b), rel=1e-5)
        assert r.val_loss == pytest.approx(mse(xv, BOOK.t_c[va], w, b), rel=1e-5)
        w, b = r.w, r.b
    assert math.isfinite(outcome.val_loss)
    assert outcome.val_loss == pytest.approx(mse(BOOK.t_u[va], BOOK.t_c[va], outcome.w, outcome.b), rel=1e-5)


def test_no_validation_split_means_nan_val_loss():
    history, outcome = run(TrainConfig(epochs=5), BOOK)
    assert all(math.isnan(r.val_loss) for r in history) and math.isnan(outcome.val_loss)


def test_training_converges_to_least_squares_of_the_training_readings_only():
    config = TrainConfig(normalize="zscore", lr=0.1, epochs=500, val_fraction=0.3, seed=2)
    _, outcome = run(config, BOOK)
    tr = prepare(config, BOOK).train_index
    ls = least_squares(BOOK.t_u[tr], BOOK.t_c[tr])
    assert (outcome.w, outcome.b) == pytest.approx((ls.w, ls.b), rel=1e-4)
    assert (outcome.w, outcome.b) != pytest.approx((LS.w, LS.b), rel=1e-3)


@pytest.mark.parametrize("n, fraction", [(10, 0.9), (3, 0.67), (4, 0.75), (2, 0.1)])
def test_validation_split_refused_when_too_few_training_readings(n, fraction):
    data = Dataset(BOOK.t_u[:n], BOOK.t_c[:n])
    with pytest.raises(ConfigError, match="at least 2"):
        train(TrainConfig(val_fraction=fraction), data)


def test_validation_split_that_leaves_equal_training_readings_is_refused():
    data = Dataset([5.0, 5.0, 5.0, 9.0], [1.0, 2.0, 3.0, 4.0])
    seed = next(s for s in range(100) if 3 in split_indices(4, 0.25, s)[1])  # the 9.0 held out
    with pytest.raises(DataError, match="equal"):
        train(TrainConfig(val_fraction=0.25, seed=seed), data)


def test_excluded_readings_are_not_trained_on():
    outlier = BOOK.inserted(3, 50.0, 500.0, include=False)
    h1, o1 = run(TrainConfig(epochs=200), BOOK)
    h2, o2 = run(TrainConfig(epochs=200), outlier)
    assert [(r.loss, r.w, r.b) for r in h1] == [(r.loss, r.w, r.b) for r in h2]
    assert (o1.w, o1.b) == (o2.w, o2.b)


# --- optimizers -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("gradient", ["manual", "autograd"])
@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(normalize="zscore", lr=0.05, momentum=0.9, epochs=400),
        TrainConfig(normalize="scale", lr=1e-2, momentum=0.9, epochs=2000),
        TrainConfig(normalize="zscore", lr=0.1, optimizer="adam", epochs=1500),
        TrainConfig(normalize="scale", lr=0.1, optimizer="adam", epochs=3000),
    ],
    ids=["momentum-zscore", "momentum-scale", "adam-zscore", "adam-scale"],
)
def test_momentum_and_adam_converge_near_least_squares(config, gradient):
    _, outcome = run(config.with_(gradient=gradient), BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED
    assert outcome.w == pytest.approx(LS.w, rel=1e-4)
    assert outcome.b == pytest.approx(LS.b, rel=1e-4)


def test_momentum_changes_the_trajectory():
    h_plain, _ = run(TrainConfig(epochs=30), BOOK)
    h_mom, _ = run(TrainConfig(epochs=30, momentum=0.9), BOOK)
    h_adam, _ = run(TrainConfig(epochs=30, optimizer="adam"), BOOK)
    assert h_plain[0].w == h_mom[0].w  # the first step of SGD with momentum is a plain step
    assert h_plain[-1].w != pytest.approx(h_mom[-1].w, rel=1e-3)
    assert h_adam[0].w == pytest.approx(1.0 + 1e-2, rel=1e-5)  # Adam's first step is lr * sign(-grad)


# --- configuration errors --------------------------------------------------------------------------------------------
BAD = [
    (dict(lr=0), "learning rate"),
    (dict(lr=-1e-3), "learning rate"),
    (dict(lr=math.nan), "learning rate"),
    (dict(lr=math.inf), "learning rate"),
    (dict(lr=1e7), "learning rate"),
    (dict(epochs=0), "epochs"),
    (dict(epochs=-5), "epochs"),
    (dict(epochs=2.5), "epochs"),
    (dict(epochs=10_000_001), "epochs"),
    (dict(normalize="minmax"), "normalization"),
    (dict(normalize="scale", scale=0.0), "scale"),
    (dict(scale=math.nan), "scale"),
    (dict(gradient="numeric"), "gradient"),
    (dict(optimizer="rmsprop"), "optimizer"),
    (dict(momentum=1.0), "momentum"),
    (dict(momentum=-0.1), "momentum"),
    (dict(val_fraction=1.0), "validation"),
    (dict(val_fraction=-0.1), "validation"),
    (dict(tol=-1.0), "tolerance"),
    (dict(tol=math.nan), "tolerance"),
    (dict(init_w=math.inf), "start w"),
    (dict(init_b=math.nan), "start b"),
    (dict(seed=1.5), "seed"),
    (dict(lr="0.01"), "learning rate"),
]


@pytest.mark.parametrize("changes, word", BAD, ids=[str(c) for c, _ in BAD])
def test_config_errors(changes, word):
    config = TrainConfig(**changes)
    with pytest.raises(ConfigError, match=word):
        config.validated()
    with pytest.raises(ConfigError):  # before the first epoch: train() raises when called, not on next()
        train(config, BOOK)


def test_good_configs_validate():
    for config in [TrainConfig(), TrainConfig(normalize="none", scale=1e6), TrainConfig(tol=0.0, momentum=0.0)]:
        assert config.validated() is config


def test_bad_data_is_refused_before_the_first_epoch():
    with pytest.raises(DataError, match="line 2"):
        train(TrainConfig(), Dataset([1.0, math.nan, 3.0], [1.0, 2.0, 3.0]))
    with pytest.raises(DataError, match="at least 2"):
        train(TrainConfig(), Dataset([1.0], [2.0]))
    with pytest.raises(DataError, match="equal"):
        train(TrainConfig(normalize="zscore"), Dataset([4.0, 4.0, 4.0], [1.0, 2.0, 3.0]))


def test_a_run_that_kept_going_past_a_non_finite_loss_is_never_called_completed():
    from thermogui.core.analysis import stability
    from thermogui.core.explain import explain_stop
    from thermogui.core.problem import model_x

    config = TrainConfig(normalize="none", epochs=300, stop_on_non_finite=False)
    _, outcome = run(config, Dataset.book())
    ex = explain_stop(config, outcome, stability(model_x(config, Dataset.book())))
    assert "Completed" not in ex.headline and "inf or nan" in ex.headline
