"""Models with a parameter vector (the book's line and the chapter's quadratic exercise) and the fast exact path."""

import math

import numpy as np
import pytest
import torch

from thermogui.core.dataset import Dataset
from thermogui.core.fast import epochs_to_converge, gd_chunks, run_fast, train_fast
from thermogui.core.models import LINE, QUADRATIC, get_model

BOOK = Dataset.book()
X = BOOK.t_u * 0.1
Y = BOOK.t_c


def reference(model, x, y, p0, lr, epochs, optimizer="sgd", momentum=0.0):
    """The plain float64 loop, residuals computed from the readings every epoch (no sums)."""
    X_ = model.features(x)
    p = np.array(p0, dtype=np.float64)
    m = np.zeros_like(p)
    v = np.zeros_like(p)
    buf = None
    losses = []
    for t in range(1, epochs + 1):
        r = X_ @ p - y
        losses.append(r @ r / len(y))
        g = 2 * X_.T @ r / len(y)
        if optimizer == "adam":
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            p = p - (lr / (1 - 0.9**t)) * m / (np.sqrt(v) / math.sqrt(1 - 0.999**t) + 1e-8)
        elif momentum:
            buf = g.copy() if buf is None else momentum * buf + g
            p = p - lr * buf
        else:
            p = p - lr * g
    return p, np.array(losses)


def test_quadratic_gradient_by_hand_equals_autograd_and_finite_difference():
    x = torch.tensor(X, dtype=torch.float64)
    y = torch.tensor(Y, dtype=torch.float64)
    p = torch.tensor([0.02, 0.5, -3.0], dtype=torch.float64, requires_grad=True)
    loss, hand = QUADRATIC.hand_gradient(x, y, p.detach())
    auto_loss = ((QUADRATIC.forward(x, p) - y) ** 2).mean()
    auto_loss.backward()
    assert torch.allclose(hand, p.grad, rtol=1e-12)
    fd = []
    for i in range(3):
        d = 1e-3 * max(1.0, abs(float(p.detach()[i])))
        hi, lo = p.detach().clone(), p.detach().clone()
        hi[i] += d
        lo[i] -= d
        fd.append(QUADRATIC.loss(X, Y, hi.numpy()) - QUADRATIC.loss(X, Y, lo.numpy()))
        fd[-1] /= 2 * d
    assert np.allclose(hand.numpy(), fd, rtol=1e-7)  # the loss is quadratic: central differences are exact
    assert float(loss) == pytest.approx(float(auto_loss.detach()))


def test_least_squares_matches_numpy():
    p, loss = QUADRATIC.least_squares(X, Y)
    assert p == pytest.approx(np.polyfit(X, Y, 2), rel=1e-9)
    w, b = np.polyfit(X, Y, 1)
    p_line, loss_line = LINE.least_squares(X, Y)
    assert p_line == pytest.approx([w, b], rel=1e-9)
    assert loss < loss_line  # the exercise: the quadratic fits the training readings better
    assert loss_line == pytest.approx(2.927646, abs=1e-6)


def test_raw_units_expand_the_polynomial_for_scale_and_zscore():
    p = np.array([0.3, 2.5, -10.0])
    t_u = BOOK.t_u
    for offset, factor in ((0.0, 0.1), (45.0, 1 / 17.0)):
        raw = QUADRATIC.to_raw(p, offset, factor)
        assert QUADRATIC.predict(t_u, raw) == pytest.approx(QUADRATIC.predict((t_u - offset) * factor, p), rel=1e-12)


def test_the_equation_shows_the_square_term():
    p, _ = QUADRATIC.least_squares(X, Y)
    text = QUADRATIC.equation(QUADRATIC.to_raw(p, 0.0, 0.1))
    assert text.startswith("t_c = 0.0028 · t_u² + 0.2476 · t_u − 10.6")
    assert LINE.equation([0.5367, -17.30]) == "t_c = 0.5367 · t_u − 17.3000"


@pytest.mark.parametrize("model, p0, lr", [(LINE, [1.0, 0.0], 1e-2), (QUADRATIC, [0.0, 1.0, 0.0], 5e-4)])
@pytest.mark.parametrize("optimizer, momentum", [("sgd", 0.0), ("sgd", 0.9), ("adam", 0.0)])
def test_the_fast_path_equals_the_float64_loop_over_ten_thousand_epochs(model, p0, lr, optimizer, momentum):
    # (Adam at 1e-3: at 1e-2 it hovers around the minimum, where any rounding difference — even between two
    # correct float64 loops — grows to ~1e-8)
    lr = lr if optimizer != "adam" else 1e-3
    kept, out = run_fast(model, X, Y, p0, lr, 10_000, optimizer=optimizer, momentum=momentum, keep=10_000)
    p_ref, losses = reference(model, X, Y, p0, lr, 10_000, optimizer, momentum)
    assert np.array(out.params) == pytest.approx(p_ref, rel=1e-9, abs=1e-12)
    assert np.array([r.loss for r in kept]) == pytest.approx(losses, rel=1e-9)


@pytest.mark.parametrize("model, p0, lr", [(LINE, [1.0, 0.0], 1e-2), (QUADRATIC, [0.0, 1.0, 0.0], 5e-4)])
def test_closed_form_gradient_descent_equals_the_loop(model, p0, lr):
    gen = gd_chunks(model, X, Y, p0, lr, 10_000, chunk=3000)
    chunks = []
    while True:
        try:
            chunks.append(next(gen))
        except StopIteration as done:
            out = done.value
            break
    assert [len(c.epoch) for c in chunks] == [3000, 3000, 3000, 1000]
    p_ref, losses = reference(model, X, Y, p0, lr, 10_000)
    assert np.concatenate([c.loss for c in chunks]) == pytest.approx(losses, rel=1e-9)
    assert np.array(out.params) == pytest.approx(p_ref, rel=1e-9)
    assert chunks[-1].params[-1] == pytest.approx(p_ref, rel=1e-9)


def test_momentum_and_adam_follow_torch_optim():
    for opt_name in ("momentum", "adam"):
        p = torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], lr=5e-4, momentum=0.9) if opt_name == "momentum" else torch.optim.Adam([p], lr=1e-2)
        x, y = torch.tensor(X), torch.tensor(Y)
        for _ in range(500):
            opt.zero_grad()
            ((QUADRATIC.forward(x, p) - y) ** 2).mean().backward()
            opt.step()
        _, out = run_fast(
            QUADRATIC,
            X,
            Y,
            [0.0, 1.0, 0.0],
            5e-4 if opt_name == "momentum" else 1e-2,
            500,
            optimizer="adam" if opt_name == "adam" else "sgd",
            momentum=0.9 if opt_name == "momentum" else 0.0,
        )
        assert np.array(out.params) == pytest.approx(p.detach().numpy(), rel=1e-9)


def test_a_diverging_rate_stops_where_the_loss_overflows():
    out = run_fast(QUADRATIC, BOOK.t_u, Y, [0.0, 1.0, 0.0], 1e-2, 1000)[1]
    assert out.reason == "non_finite" and out.epochs_run < 1000
    gen = gd_chunks(QUADRATIC, BOOK.t_u, Y, [0.0, 1.0, 0.0], 1e-2, 1000)
    while True:
        try:
            next(gen)
        except StopIteration as done:
            assert done.value.reason == "non_finite"
            break


def test_the_convergence_readout_predicts_the_epochs():
    p0 = [0.0, 1.0, 0.0]
    ls_p, ls_loss = QUADRATIC.least_squares(X, Y)
    excess = QUADRATIC.loss(X, Y, p0) / ls_loss - 1
    info = epochs_to_converge(QUADRATIC, X, 5e-4, within=1e-3, start_excess=excess)
    assert 5e4 < info["condition_number"] < 5e5 and info["stable"]
    k = info["epochs"]
    _, out = run_fast(QUADRATIC, X, Y, p0, 5e-4, k)
    assert out.final_loss <= ls_loss * (1 + 1e-3)  # the prediction is an upper bound: within 0.1 % by then
    assert not epochs_to_converge(QUADRATIC, X, 1e-3)["stable"]  # above 2/λ_max
    assert get_model("line") is LINE
    with pytest.raises(ValueError, match="model must be one of"):
        get_model("cubic")


def test_train_fast_yields_every_epoch_with_the_loss_before_its_update():
    gen = train_fast(LINE, X, Y, [1.0, 0.0], 1e-2, 3)
    first = next(gen)
    assert first.epoch == 1 and first.loss == pytest.approx(80.36434, rel=1e-6)  # the book's 100-epoch run starts here
