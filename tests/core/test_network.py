"""Chapter 6 on the same readings: nn.Linear(1, 1) and the small tanh network, trained with autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from thermogui.core.config import StopReason, TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.models import get_model, model_of
from thermogui.core.models.network import (
    filter_normalized_directions,
    layer_grad_norms,
    loss_surface,
    mlp,
)
from thermogui.core.problem import model_inputs
from thermogui.core.training import prepare, run

BOOK_NET = TrainConfig(model="mlp", hidden=8, lr=1e-3, epochs=5000, seed=1)
BOOK_SPLIT = Dataset.book().with_val_rows([7, 10])  # chapter 6's printed validation indices


def test_nn_linear_agrees_with_the_line_from_the_same_start():
    _, line = run(TrainConfig(lr=1e-2, epochs=5000), Dataset.book())
    history, module = run(TrainConfig(model="linear-module", lr=1e-2, epochs=5000), Dataset.book())
    assert history[0].loss == pytest.approx(80.36, abs=0.005)
    assert module.params_model == pytest.approx(line.params_model, rel=1e-5)
    assert module.final_loss == pytest.approx(2.927648, abs=1e-5)
    assert model_of(TrainConfig(model="linear-module")).params == ("w", "b")


def test_the_books_network_run_learns_and_is_reproducible():
    history, out = run(BOOK_NET, BOOK_SPLIT)
    assert out.stop_reason is StopReason.COMPLETED and len(history) == 5000
    first, last = history[0], history[-1]
    # the book (unseeded): training 182.97 -> 2.11, validation 231.87 -> 2.02: the same shape, not the digits
    assert first.loss > 100 and last.loss < 5 and first.val_loss > 100 and last.val_loss < 10
    losses = np.array([r.loss for r in history])
    assert losses[-1] < losses[0] / 50 and (np.diff(losses[-2000::100]) < 0).all()  # settling down
    again, out2 = run(BOOK_NET, BOOK_SPLIT)
    assert out2.params_model == out.params_model  # the seed fixes the start weights: bit for bit
    _, other = run(BOOK_NET.with_(seed=2), BOOK_SPLIT)
    assert other.params_model != out.params_model
    assert len(out.params) == 25 == mlp(8).size and mlp(13).describe() == "13 hidden units, 40 parameters"


def test_the_network_in_raw_units_is_the_trained_module():
    config = BOOK_NET.with_(epochs=200)
    _, out = run(config, BOOK_SPLIT)
    m = model_of(config)
    prep = prepare(config, BOOK_SPLIT)
    module = m.build(0)
    m.load(module, out.params_model)
    with torch.no_grad():
        expected = module(prep.x.unsqueeze(1)).squeeze(1).double().numpy()
    assert m.predict(prep.t_u, out.params) == pytest.approx(expected, rel=1e-5, abs=1e-5)
    units = m.unit_curves(prep.t_u, out.params)
    assert units.shape == (len(prep.t_u), 8)
    assert units.sum(axis=1) + out.params[-1] == pytest.approx(m.predict(prep.t_u, out.params))


def test_the_loss_slice_passes_through_the_current_loss_at_its_centre():
    config = BOOK_NET.with_(epochs=300)
    _, out = run(config, BOOK_SPLIT)
    m = model_of(config)
    prep = prepare(config, BOOK_SPLIT)
    x = model_inputs(prep.norm, prep.t_u)
    d1, d2 = filter_normalized_directions(m, out.params_model, seed=0)
    h = m.hidden
    # filter-normalised: each unit's incoming weight direction has that unit's weight norm; biases do not move
    assert np.abs(d1[:h]) == pytest.approx(np.abs(np.asarray(out.params_model[:h])), rel=1e-9)
    assert not d1[h : 2 * h].any() and not d1[-1]
    alphas = betas = np.linspace(-1, 1, 11)
    grid = loss_surface(m, x, prep.t_c, out.params_model, d1, d2, alphas, betas)
    assert grid[5, 5] == pytest.approx(out.final_loss, rel=1e-5)
    assert grid.shape == (11, 11) and grid.min() <= grid[5, 5]


def test_gradient_norms_per_layer():
    m = get_model("mlp", 3)
    grad = np.arange(10.0)
    norms = dict(layer_grad_norms(m, grad))
    assert norms["hidden layer weights"] == pytest.approx(np.linalg.norm([0, 1, 2]))
    assert norms["output layer bias"] == 9.0


def _chunked(config, data, chunk, should_stop=None):
    """train() with chunks: (every row as one array, the outcome, the chunk lengths)."""
    from thermogui.core.training import train

    gen = train(config, data, should_stop, chunk=chunk)
    parts = []
    while True:
        try:
            parts.append(next(gen))
        except StopIteration as stop:
            return np.concatenate(parts), stop.value, [len(p) for p in parts]


@pytest.mark.parametrize(
    "config",
    [
        BOOK_NET.with_(epochs=300),
        BOOK_NET.with_(epochs=300, normalize="zscore", optimizer="adam", lr=1e-2),
        TrainConfig(model="linear-module", lr=1e-2, epochs=300),
    ],
    ids=["book-net", "standardized-adam", "linear-module"],
)
def test_chunks_hold_the_same_rows_as_epoch_by_epoch(config):
    """The window asks for chunks at full speed: the same epochs, bit for bit, as one EpochResult at a time."""
    history, out = run(config, BOOK_SPLIT)
    rows, chunked, sizes = _chunked(config, BOOK_SPLIT, 7)
    assert rows.tolist() == [list(r) for r in history]
    assert max(sizes) <= 7 and sum(sizes) == 300 and len(sizes) >= 300 // 7
    assert chunked.params == out.params and chunked.params_model == out.params_model
    assert chunked.final_loss == out.final_loss and chunked.stop_reason is StopReason.COMPLETED


def test_chunks_stop_at_the_non_finite_epoch_and_on_cancel():
    diverging = BOOK_NET.with_(lr=5.0, epochs=500)
    history, out = run(diverging, BOOK_SPLIT)
    assert out.stop_reason is StopReason.NON_FINITE
    rows, chunked, _ = _chunked(diverging, BOOK_SPLIT, 64)
    assert np.array_equal(rows, np.array([list(r) for r in history]), equal_nan=True)
    assert chunked.stop_reason is StopReason.NON_FINITE and chunked.stop_epoch == out.stop_epoch
    assert chunked.params_model == out.params_model  # the parameters before the non-finite epoch
    polls = iter(range(10**6))
    rows, cancelled, _ = _chunked(BOOK_NET, BOOK_SPLIT, lambda: 50, should_stop=lambda: next(polls) >= 123)
    assert cancelled.stop_reason is StopReason.CANCELLED and cancelled.epochs_run == 123 == len(rows)
    assert rows[-1, 0] == 123 and cancelled.params_model == tuple(rows[-1, 3 : 3 + mlp(8).size])
