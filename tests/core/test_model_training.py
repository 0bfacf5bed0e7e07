"""Training any model: the quadratic in float32 and on the fast path, chunks of epochs, the book's split."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from thermogui.core.config import EpochResult, StopReason, TrainConfig
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.history import History
from thermogui.core.models import QUADRATIC
from thermogui.core.problem import least_squares_params, split
from thermogui.core.training import rows_of, run, train


def collect(gen):
    rows = []
    while True:
        try:
            rows.extend(rows_of(next(gen)))
        except StopIteration as done:
            return rows, done.value


def test_the_quadratic_trains_in_float32_by_hand_and_by_autograd_alike():
    config = TrainConfig(model="quadratic", normalize="scale", lr=5e-4, epochs=200)
    hand, out_hand = run(config, Dataset.book())
    auto, out_auto = run(config.with_(gradient="autograd"), Dataset.book())
    assert len(hand) == 200 and hand[0].n_params == 3
    assert hand[0].loss == pytest.approx(80.36, abs=0.005)  # w2 = 0 starts from the book's line at w = 1, b = 0
    assert out_hand.params_model == pytest.approx(out_auto.params_model, rel=1e-5)
    assert out_hand.final_loss < hand[0].loss
    # the raw coefficients are the model's expanded in t_u: t_c = 0.01·w2·t_u² + 0.1·w1·t_u + b
    w2, w1, b = out_hand.params_model
    assert out_hand.params == pytest.approx((0.01 * w2, 0.1 * w1, b), rel=1e-6)
    with pytest.raises(AttributeError):
        out_hand.w  # noqa: B018  (a quadratic has no single slope: never a silently wrong number)


def test_the_fast_path_follows_the_float32_loop_for_the_line_and_the_quadratic():
    for model in ("line", "quadratic"):
        config = TrainConfig(model=model, normalize="scale", lr=1e-4, epochs=300)
        book, _ = run(config, Dataset.book())
        fast, out = collect(train(config.with_(arith="fast"), Dataset.book()))
        assert len(fast) == 300
        for a, b in zip(book[::50], fast[::50]):
            assert a.loss == pytest.approx(b.loss, rel=1e-5)
            assert a.params == pytest.approx(b.params, rel=1e-4, abs=1e-5)
        assert out.model == model and out.epochs_run == 300


@pytest.mark.parametrize("optimizer,momentum", [("sgd", 0.0), ("sgd", 0.9), ("adam", 0.0)])
def test_chunks_of_epochs_equal_epoch_by_epoch(optimizer, momentum):
    config = TrainConfig(model="quadratic", arith="fast", lr=1e-4, epochs=5000, optimizer=optimizer, momentum=momentum)
    one, out_one = collect(train(config, Dataset.book()))
    sizes = iter(random.Random(1).choices([1, 7, 500, 4096], k=10_000))
    many, out_many = collect(train(config, Dataset.book(), chunk=lambda: next(sizes)))
    assert len(one) == len(many) == 5000
    a, b = np.array(one), np.array(many)
    assert np.allclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True)
    assert out_one.params == pytest.approx(out_many.params, rel=1e-9)


def test_a_million_fast_epochs_reach_the_least_squares_loss():
    config = TrainConfig(model="quadratic", arith="fast", normalize="scale", lr=5e-4, epochs=1_000_000)
    history = History(config.epochs, n_params=3)
    gen = train(config, Dataset.book(), chunk=4096)
    while True:
        try:
            history.append(next(gen))
        except StopIteration as done:
            out = done.value
            break
    _, raw, best = least_squares_params(config, Dataset.book())
    assert out.stop_reason is StopReason.COMPLETED and out.epochs_run == 1_000_000
    assert out.final_loss <= best * 1.001
    assert out.params == pytest.approx(raw, rel=1e-2)
    assert history.latest.epoch == 1_000_000 and 0.5e6 <= len(history) <= history.max_rows  # bounded memory
    assert history.snapshot()[-1, 1] == out.loss


def test_a_diverging_fast_run_stops_where_the_loss_stops_being_finite():
    config = TrainConfig(model="quadratic", arith="fast", normalize="none", lr=1e-2, epochs=1000)
    rows, out = collect(train(config, Dataset.book(), chunk=4096))
    assert out.stop_reason is StopReason.NON_FINITE
    assert not math.isfinite(rows[-1].loss) and all(math.isfinite(r.loss) for r in rows[:-1])
    assert out.last_finite_epoch == rows[-2].epoch == out.stop_epoch - 1


def test_the_book_split_gives_the_books_printed_numbers():
    """The optimizer notebook: validation readings 3 and 11, t_un, SGD lr 1e-2, 3000 epochs."""
    data = Dataset.book().with_val_rows([2, 10])
    config = TrainConfig(lr=1e-2, epochs=3000)
    tr, va = split(config, data)
    assert list(va) == [2, 10] and len(tr) == 9
    history, out = run(config, data)
    last = history[-1]
    assert f"{last.loss:.4f}" == "3.0125" and f"{last.val_loss:.4f}" == "3.5756"
    assert [f"{v:.4f}" for v in last.params] == ["5.1964", "-16.7512"]


def test_marking_too_many_validation_readings_is_refused_with_the_reason():
    data = Dataset.book().with_val_rows(range(10))
    with pytest.raises(DataError, match="leaves 1 to train on"):
        run(TrainConfig(epochs=1), data)
    with pytest.raises(DataError, match="no reading 12"):
        Dataset.book().with_val_rows([11])


def test_validation_marks_follow_edits():
    data = Dataset.book().with_val_rows([2, 10])
    assert data.removed([0]).val.tolist()[1] and data.inserted(0, 1.0, 2.0).val.tolist()[3]
    assert data.with_include(2, False).active_val().sum() == 1
    assert data != Dataset.book() and data.with_val(2, False).with_val(10, False) == Dataset.book()


def test_history_extend_keeps_the_same_rows_as_append():
    rng = random.Random(3)
    for _ in range(100):
        cap, n = rng.choice([16, 20, 33]), rng.randint(0, 400)
        rows = np.array([[k + 1, 1 / (k + 1), np.nan, k, -k, 2 * k, 3, 4, 5] for k in range(n)]).reshape(-1, 9)
        a, b = History(16, cap), History(rng.choice([1, 100]), cap)
        for r in rows:
            a.append(EpochResult(int(r[0]), *r[1:]))
        i = 0
        while i < n:
            k = rng.randint(1, 40)
            b.append(rows[i : i + k])
            i += k
        assert np.array_equal(a.snapshot(), b.snapshot(), equal_nan=True) and a.stride == b.stride


def test_the_quadratic_least_squares_is_numpys():
    config = TrainConfig(model="quadratic")
    p, raw, loss = least_squares_params(config, Dataset.book())
    t_u, t_c = np.array(Dataset.book().t_u), np.array(Dataset.book().t_c)
    expected, *_ = np.linalg.lstsq(np.stack([t_u**2, t_u, np.ones_like(t_u)], 1), t_c, rcond=None)
    assert raw == pytest.approx(expected, rel=1e-9)
    assert QUADRATIC.equation(raw).startswith("t_c = 0.00")
