"""The learning-rate sweep: which rates converge and which diverge, against the stable-rate bound."""

from __future__ import annotations

import math

import numpy as np
import pytest

from thermogui.core.analysis import stability
from thermogui.core.config import ConfigError, StopReason
from thermogui.core.dataset import Dataset
from thermogui.core.sweep import SweepPoint, first_divergence, iter_sweep, log_lrs, lr_sweep, summarize
from thermogui.core.training import TrainConfig, prepare, run

BOOK = Dataset.book()
RAW = TrainConfig(normalize="none")


@pytest.fixture(scope="module")
def bound() -> float:
    return stability(prepare(RAW, BOOK).x.double().numpy()).lr_max


def test_log_lrs_are_evenly_spaced_on_a_log_scale():
    lrs = log_lrs(1e-6, 1e-2, 5)
    assert lrs == pytest.approx([1e-6, 1e-5, 1e-4, 1e-3, 1e-2], rel=1e-12)
    assert log_lrs(3e-4, 3e-4, 4) == pytest.approx([3e-4] * 4)
    assert log_lrs(1e-3, 1.0, 1) == [1e-3]
    ratios = np.diff(np.log(log_lrs(2e-5, 7e-1, 25)))
    assert ratios == pytest.approx(np.full(24, ratios[0]))


@pytest.mark.parametrize(
    "lo, hi, n", [(0.0, 1.0, 5), (1.0, 0.1, 5), (-1.0, 1.0, 3), (1e-3, math.inf, 3), (1e-3, 1e-1, 0)]
)
def test_log_lrs_refuses_bad_ranges(lo, hi, n):
    with pytest.raises(ConfigError):
        log_lrs(lo, hi, n)


def test_raw_sweep_converges_below_the_bound_and_diverges_above_it(bound):
    below = [f * bound for f in (0.01, 0.1, 0.5, 0.9, 0.99)]
    above = [f * bound for f in (1.05, 1.2, 1.5, 3.0, 30.0)]
    points = lr_sweep(RAW, BOOK, below + above, epochs=100)
    assert [p.lr for p in points] == pytest.approx(below + above)
    for p in points[:5]:
        assert not p.diverged and not p.non_finite, p
        assert math.isfinite(p.final_loss) and p.final_loss < p.start_loss
        assert p.stop_epoch == 100
    for p in points[5:]:
        assert p.diverged, p
    # far enough above the bound the loss overflows to inf within 100 epochs, and the run stops there
    for p in points[-2:]:
        assert p.non_finite and not math.isfinite(p.final_loss) and p.stop_epoch < 100
    assert first_divergence(points) == pytest.approx(1.05 * bound)


def test_each_point_is_what_the_run_itself_reports(bound):
    lrs = [0.5 * bound, 1.1 * bound, 2.0 * bound]
    points = lr_sweep(RAW, BOOK, lrs, epochs=60)
    for p in points:
        history, outcome = run(RAW.with_(lr=p.lr, epochs=60), BOOK)
        assert p.final_loss == outcome.final_loss or (math.isnan(p.final_loss) and math.isnan(outcome.final_loss))
        assert p.stop_epoch == outcome.stop_epoch
        assert p.non_finite == (outcome.stop_reason == StopReason.NON_FINITE)
        assert p.start_loss == history[0].loss
        grew = math.isfinite(outcome.final_loss) and outcome.final_loss > history[0].loss
        assert p.diverged == (p.non_finite or grew)


def test_a_run_that_stopped_non_finite_is_always_diverged(bound):
    """Even with stop_on_non_finite off in the config, a sweep run stops at its first non-finite loss."""
    config = RAW.with_(stop_on_non_finite=False)
    (p,) = lr_sweep(config, BOOK, [50 * bound], epochs=500)
    assert p.diverged and p.non_finite and p.stop_epoch < 500


def test_results_are_in_increasing_learning_rate(bound):
    lrs = [2 * bound, 1e-6, 0.5 * bound, 1e-5]
    seen = []
    points = lr_sweep(RAW, BOOK, lrs, epochs=20, on_point=lambda i, p: seen.append((i, p)))
    assert [p.lr for p in points] == sorted(lrs)
    assert [i for i, _ in seen] == [0, 1, 2, 3]
    assert [p for _, p in seen] == points


def test_the_rest_of_the_config_is_kept():
    """A scaled run converges at lr 1e-2 (the book's); the same rate diverges on raw input."""
    scaled, raw = (lr_sweep(TrainConfig(normalize=n), BOOK, [1e-2], epochs=200)[0] for n in ("scale", "none"))
    assert not scaled.diverged and scaled.final_loss < 20  # the book: 29.9 at epoch 100, 3.0 by 5000
    assert raw.diverged and raw.non_finite
    adam = lr_sweep(TrainConfig(optimizer="adam"), BOOK, [0.1], epochs=300)[0]
    assert not adam.diverged and adam.final_loss < 5


def test_cancel_between_and_during_runs(bound):
    assert lr_sweep(RAW, BOOK, [1e-5, 1e-4], epochs=50, should_stop=lambda: True) == []
    calls = 0

    def stop_during_third_run():
        nonlocal calls
        calls += 1
        return calls > 2 * 51 + 10  # each run polls once before it and once per epoch

    points = lr_sweep(RAW, BOOK, log_lrs(1e-6, 1e-4, 5), epochs=50, should_stop=stop_during_third_run)
    assert len(points) == 2  # the interrupted third run is left out
    assert all(p.stop_epoch == 50 for p in points)


def test_the_sweep_as_a_generator_yields_each_point_and_returns_them_all(bound):
    """What the GUI's generator worker runs: one point per yield, the list as the generator's return value."""
    lrs = [0.5 * bound, 2 * bound, 1e-6]
    gen = iter_sweep(RAW, BOOK, lrs, epochs=30)
    yielded = []
    while True:
        try:
            yielded.append(next(gen))
        except StopIteration as done:
            returned = done.value
            break
    assert returned == yielded == lr_sweep(RAW, BOOK, lrs, epochs=30)
    assert [p.lr for p in yielded] == sorted(lrs)


def test_a_stopped_generator_returns_the_runs_it_finished(bound):
    stop = []
    gen = iter_sweep(RAW, BOOK, log_lrs(1e-6, 1e-4, 5), epochs=50, should_stop=lambda: bool(stop))
    first = next(gen)
    stop.append(True)
    with pytest.raises(StopIteration) as done:
        next(gen)
    assert done.value.value == [first]


def test_summary_in_words(bound):
    points = lr_sweep(RAW, BOOK, log_lrs(bound / 100, bound * 3, 12), epochs=100)
    text = summarize(points, bound, plain_gd=True, epochs=100)
    first = first_divergence(points)
    assert bound < first < 1.5 * bound
    assert text.startswith("Runs diverge from lr ≈ ")
    assert "the bound predicts 3.4e-4" in text and "after 100 epochs" in text
    calm = [SweepPoint(1e-5, 30.0, False, 100, 1700.0)]
    assert summarize(calm, bound).startswith("No run diverged up to lr 1e-5")
    assert summarize([], bound) == "No runs yet."
