"""Hyperparameters and data at their limits: each gives a sensible run or a clear refusal, never a crash or a hang."""

from __future__ import annotations

import math

import numpy as np
import pytest

from thermogui.core.analysis import least_squares
from thermogui.core.config import MAX_EPOCHS, EpochResult
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.history import DEFAULT_MAX_ROWS, History
from thermogui.core.training import ConfigError, StopReason, TrainConfig, run, train

BOOK = Dataset.book()
LS = least_squares(BOOK.t_u, BOOK.t_c)


def stop_after(n: int):
    """A should_stop that answers True once n epochs have been run (it is polled before each epoch)."""
    calls = [0]

    def should_stop() -> bool:
        calls[0] += 1
        return calls[0] > n

    return should_stop


# --- learning rate ----------------------------------------------------------------------------------------------------
def test_a_tiny_learning_rate_runs_and_barely_moves():
    history, out = run(TrainConfig(lr=1e-8, epochs=200), BOOK)
    assert out.stop_reason is StopReason.COMPLETED and out.epochs_run == 200
    losses = [r.loss for r in history]
    assert all(math.isfinite(v) for v in losses)
    assert losses[-1] <= losses[0]  # downhill, however slowly
    assert losses[0] - losses[-1] < 1e-3 * losses[0]
    assert abs(out.w_model - 1.0) < 1e-3 and abs(out.b_model) < 1e-3


def test_a_huge_learning_rate_diverges_and_is_stopped_at_the_first_non_finite_loss():
    history, out = run(TrainConfig(lr=10, epochs=5000), BOOK)
    assert out.stop_reason is StopReason.NON_FINITE
    assert out.epochs_run < 100  # stopped promptly, not after 5,000 epochs of inf
    assert not math.isfinite(history[-1].loss) and history[-1].epoch == out.stop_epoch
    assert all(math.isfinite(r.loss) for r in history[:-1])
    assert out.last_finite_epoch == out.stop_epoch - 1 and math.isfinite(out.last_finite_loss)
    assert math.isfinite(history[0].loss) and history[-2].loss > 1e6 * history[0].loss  # it really blew up


@pytest.mark.parametrize("lr", [0.0, -1e-3, 1e6 * 1.01, math.inf, math.nan])
def test_learning_rates_outside_the_range_are_refused_by_name(lr):
    with pytest.raises(ConfigError, match="learning rate|lr must be a finite number"):
        TrainConfig(lr=lr).validated()
    with pytest.raises(ConfigError):
        train(TrainConfig(lr=lr), BOOK)


# --- epochs -----------------------------------------------------------------------------------------------------------
def test_one_epoch_is_one_result():
    history, out = run(TrainConfig(epochs=1), BOOK)
    assert [r.epoch for r in history] == [1] and out.epochs_run == 1 and out.stop_reason is StopReason.COMPLETED
    assert isinstance(history[0], EpochResult)


@pytest.mark.parametrize("epochs", [0, -5, MAX_EPOCHS + 1, 2.5, 10**12])
def test_epoch_counts_outside_the_range_are_refused(epochs):
    with pytest.raises(ConfigError, match="epochs must be a whole number from 1 to 10,000,000"):
        TrainConfig(epochs=epochs).validated()


def test_ten_million_epochs_are_accepted_and_a_stop_ends_the_run_cleanly():
    config = TrainConfig(epochs=10_000_000)
    assert MAX_EPOCHS == 10_000_000 and config.validated() is config
    history = History(config.epochs)
    assert history.nbytes() <= 80e6  # the buffer for a 10^7-epoch run is capped, not 10^7 rows
    gen = train(config, BOOK, stop_after(3000))
    try:
        while True:
            history.append(next(gen))
    except StopIteration as stop:
        out = stop.value
    assert out.stop_reason is StopReason.CANCELLED and out.epochs_run == 3000 == len(history)
    rows = history.snapshot()
    assert rows[:, 0].tolist() == list(range(1, 3001))  # every epoch kept
    assert math.isfinite(out.final_loss) and out.final_loss < rows[0, 1]


# --- validation split -------------------------------------------------------------------------------------------------
TWO = Dataset([30.0, 70.0], [0.0, 20.0])


def test_two_points_without_validation_converge_to_the_line_through_them():
    _, out = run(TrainConfig(normalize="zscore", lr=0.5, epochs=200, val_fraction=0.0), TWO)
    assert out.stop_reason is StopReason.COMPLETED
    assert out.w == pytest.approx(0.5, rel=1e-5) and out.b == pytest.approx(-15.0, abs=1e-4)
    assert out.final_loss < 1e-8 and math.isnan(out.val_loss)


@pytest.mark.parametrize("fraction", [0.9, 0.5, 0.1])
def test_a_validation_split_of_two_points_is_refused_with_the_reason(fraction):
    with pytest.raises(ConfigError) as err:
        train(TrainConfig(val_fraction=fraction), TWO)
    text = str(err.value)
    assert f"validation fraction of {fraction:g}" in text and "of 2 readings to train on" in text
    assert "at least 2 are needed" in text


@pytest.mark.parametrize("fraction", [1.0, -0.1, math.nan])
def test_validation_fractions_outside_the_range_are_refused(fraction):
    with pytest.raises(ConfigError, match="validation fraction|val_fraction must be a finite number"):
        TrainConfig(val_fraction=fraction).validated()


def test_a_validation_fraction_of_point_nine_works_with_enough_points():
    rng = np.random.default_rng(0)
    t_u = rng.uniform(20, 90, 40)
    data = Dataset(t_u, 0.5 * t_u - 17 + rng.normal(0, 0.5, 40))
    history, out = run(TrainConfig(normalize="zscore", lr=0.3, epochs=300, val_fraction=0.9), data)
    assert out.stop_reason is StopReason.COMPLETED
    assert all(math.isfinite(r.val_loss) for r in history)
    assert out.w == pytest.approx(0.5, abs=0.05) and out.val_loss < 2.0


# --- data at its limits -----------------------------------------------------------------------------------------------
def test_all_equal_t_u_is_refused_clearly():
    flat = Dataset([50.0] * 5, [1.0, 2.0, 3.0, 4.0, 5.0])
    with pytest.raises(DataError, match="all included t_u readings are equal"):
        flat.validate()
    for normalize in ("none", "scale", "zscore"):
        with pytest.raises(DataError, match="t_u readings are equal"):
            train(TrainConfig(normalize=normalize), flat)


def test_all_equal_training_t_u_after_the_split_is_refused_clearly():
    # the only distinct t_u goes to validation: the training part is flat
    data = Dataset([10.0, 10.0, 10.0, 99.0], [1.0, 2.0, 3.0, 4.0])
    for seed in range(50):
        config = TrainConfig(val_fraction=0.25, seed=seed)
        try:
            list(train(config, data, stop_after(1)))
        except DataError as e:
            assert "all training t_u readings are equal" in str(e)
            return
    pytest.fail("no seed put the distinct reading in the validation split")


@pytest.mark.parametrize("rows", [[], [0]])
def test_fewer_than_two_readings_are_refused(rows):
    with pytest.raises(DataError, match="at least 2 included readings are needed"):
        train(TrainConfig(), BOOK.rows(rows))
    excluded = BOOK
    for r in range(2, 11):
        excluded = excluded.with_include(r, False)
    excluded = excluded.with_include(1, bool(rows))
    with pytest.raises(DataError, match="at least 2 included readings"):
        train(TrainConfig(), excluded.with_include(0, False))


def test_100k_points_train_to_the_least_squares_line():
    rng = np.random.default_rng(3)
    t_u = rng.uniform(-20, 120, 100_000)
    t_c = 0.5556 * t_u - 17.78 + rng.normal(0, 1.0, 100_000)
    data = Dataset(t_u, t_c)
    ls = least_squares(t_u, t_c)
    history, out = run(TrainConfig(normalize="zscore", lr=0.5, epochs=150), data)
    assert out.stop_reason is StopReason.COMPLETED and len(history) == 150
    assert all(b.loss <= a.loss * (1 + 1e-6) for a, b in zip(history, history[1:]))  # monotone for a stable lr
    assert out.w == pytest.approx(ls.w, rel=1e-3) and out.b == pytest.approx(ls.b, rel=1e-3)
    assert out.final_loss == pytest.approx(ls.loss, rel=1e-3)


def test_100k_points_with_the_books_settings_run_and_stay_finite():
    rng = np.random.default_rng(4)
    t_u = rng.uniform(20, 90, 100_000)
    data = Dataset(t_u, 0.5556 * t_u - 17.78)
    history, out = run(TrainConfig(epochs=50), data)  # lr 1e-2, t_u * 0.1: the book's final run
    assert out.stop_reason is StopReason.COMPLETED
    assert all(math.isfinite(r.loss) for r in history) and history[-1].loss < history[0].loss


def test_readings_at_the_largest_allowed_magnitude_diverge_or_stop_cleanly_never_raise():
    data = Dataset([-1e30, 1e30, 0.0], [1e30, -1e30, 5.0])
    for config in (
        TrainConfig(epochs=50),
        TrainConfig(normalize="zscore", lr=0.1, epochs=50),
        TrainConfig(normalize="none", lr=1e-6, epochs=50),
    ):
        history, out = run(config, data)
        assert out.stop_reason in (StopReason.COMPLETED, StopReason.NON_FINITE)
        assert len(history) == out.epochs_run
        if out.stop_reason is StopReason.NON_FINITE:
            assert not math.isfinite(history[-1].loss)


# --- the run's record stays bounded -----------------------------------------------------------------------------------
def _result(epoch: int) -> EpochResult:
    return EpochResult(epoch, 1.0 / epoch, math.nan, 1.0, 0.0, 0.1, 0.0, 0.0, 0.0)


@pytest.mark.parametrize("cap", [4096, 3001])
def test_history_memory_is_bounded_and_the_latest_epoch_exact(cap):
    h = History(expected_epochs=10_000_000, max_rows=cap)
    for epoch in range(1, 1_000_001):
        h.append(_result(epoch))
    rows = h.snapshot()
    assert h.nbytes() == cap * 9 * 8 and cap // 2 <= len(rows) <= cap
    assert h.latest.epoch == 1_000_000
    epochs = rows[:, 0]
    assert (np.diff(epochs) > 0).all() and epochs[-1] >= 1_000_000 - h.stride
    assert set(np.diff(epochs).tolist()) == {h.stride}  # evenly spread over the whole run
    dec = h.decimated(1000)
    assert len(dec) <= 1001 and dec[-1, 0] == epochs[-1]


def test_the_default_history_cap_is_under_80_mb():
    assert History(10_000_000).nbytes() == DEFAULT_MAX_ROWS * 9 * 8 <= 80e6
    assert History(11).nbytes() < 2000


@pytest.mark.slow
def test_a_history_of_ten_million_epochs_stays_at_its_cap():
    h = History(10_000_000)
    for epoch in range(1, 10_000_001):
        h.append(_result(epoch))
    assert h.nbytes() <= 80e6 and h.latest.epoch == 10_000_000 and len(h) <= DEFAULT_MAX_ROWS


def test_readings_one_value_in_float32_are_refused_before_a_run():
    """1.4e-111 and 0 differ in float64 but are one value in the run's float32: refused by name, not a NaN run."""
    data = Dataset([1.4035475260553723e-111, 0.0, 0.0], [0.0, 1.0, 2.0])
    for normalize in ("none", "scale", "zscore"):
        with pytest.raises(DataError, match="too close to tell apart"):
            train(TrainConfig(normalize=normalize), data)


def test_decimation_keeps_both_branches_of_a_zigzag():
    """A loss that alternates every other epoch (the book's network after ~1,000 epochs) is drawn as its band: an odd
    stride samples both branches; an even one would show one branch and end on the other."""
    h = History(10_000)
    for epoch in range(1, 10_001):
        h.append(EpochResult(epoch, 1.0 if epoch % 2 else 10.0, math.nan, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    dec = h.decimated(1000)
    assert len(dec) <= 1001 and dec[-1, 0] == 10_000
    assert {1.0, 10.0} <= set(dec[:-1, 1].tolist())
    assert (np.diff(dec[:-1, 0]) % 2 == 1).all()
