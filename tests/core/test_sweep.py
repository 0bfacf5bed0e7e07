"""The learning-rate sweep: which rates converge and which diverge, against the stable-rate bound."""

from __future__ import annotations

import math

import numpy as np
import pytest

from thermogui.core.analysis import stability
from thermogui.core.config import ConfigError, StopReason
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.sweep import SweepPoint, first_divergence, iter_sweep, log_lrs, lr_sweep, stable_rate, summarize
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


# --- any model, any arithmetic ----------------------------------------------------------------------------------------
QUAD = TrainConfig(model="quadratic")


def test_the_stable_rate_is_two_over_the_models_largest_hessian_eigenvalue():
    from thermogui.core.fast import epochs_to_converge
    from thermogui.core.models import QUADRATIC

    x = prepare(QUAD, BOOK).x.double().numpy()
    lam_max = np.linalg.eigvalsh(QUADRATIC.hessian(x))[-1]
    assert stable_rate(QUAD, BOOK) == pytest.approx(2 / lam_max, rel=1e-12)
    assert stable_rate(QUAD, BOOK) == pytest.approx(epochs_to_converge(QUADRATIC, x, 1e-4)["lr_max"], rel=1e-9)
    assert stable_rate(QUAD, BOOK) == pytest.approx(8.5267e-4, rel=1e-4)  # t_u × 0.1: far below the line's 0.033
    assert stable_rate(RAW, BOOK) == stability(prepare(RAW, BOOK).x.double().numpy()).lr_max  # the line's, as before
    assert stable_rate(TrainConfig(model="mlp"), BOOK) is None
    with pytest.raises(DataError):
        stable_rate(QUAD, Dataset([3.0, 3.0], [1.0, 2.0]))


@pytest.mark.parametrize("arith", ["book", "fast"])
def test_a_quadratic_sweep_diverges_just_above_its_bound(arith):
    config = QUAD.with_(arith=arith)
    bound = stable_rate(config, BOOK)
    points = lr_sweep(config, BOOK, [0.3 * bound, 0.9 * bound, 1.1 * bound, 3 * bound], 300)
    assert [p.diverged for p in points] == [False, False, True, True]
    assert all(p.start_loss == pytest.approx(80.3643, rel=1e-5) for p in points)  # (w2, w1, b) = (0, 1, 0)
    assert points[0].final_loss < points[0].start_loss and points[0].stop_epoch == 300


def test_the_fast_sweep_matches_the_book_loop_and_runs_in_chunks(monkeypatch):
    import thermogui.core.training as training

    chunks = []
    real = training.train

    def spy(config, data, should_stop=None, chunk=None):
        chunks.append(chunk)
        return real(config, data, should_stop, chunk)

    monkeypatch.setattr(training, "train", spy)
    lrs = [1e-5, 1e-4, 5e-4]
    fast = lr_sweep(QUAD.with_(arith="fast"), BOOK, lrs, 2000)
    book = lr_sweep(QUAD, BOOK, lrs, 2000)
    assert chunks == [2000] * 3 + [None] * 3
    for f, b in zip(fast, book):
        assert f.final_loss == pytest.approx(b.final_loss, rel=1e-4) and f.start_loss == pytest.approx(b.start_loss)
        assert f.diverged == b.diverged is False


def test_a_network_is_swept_without_a_bound():
    points = lr_sweep(TrainConfig(model="mlp", hidden=2), BOOK, [1e-4, 1e-3], 20)
    assert len(points) == 2 and all(math.isfinite(p.final_loss) for p in points)
    text = summarize(points, None, True, 20, has_bound=False)
    assert "no stable-rate bound" in text and "—" not in text
