"""Every row of ../shared/reference/BOOK-NUMBERS.md, reproduced through the core to the digits the book shows.

The book's own code is copied literally below (its printing swapped for a record) so the core's fast path can be
compared with it bit for bit, epoch by epoch.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from thermogui.core.dataset import BOOK_T_C, BOOK_T_U, Dataset
from thermogui.core.model import book_finite_difference, loss_fn, model
from thermogui.core.training import StopReason, TrainConfig, _train_plain, prepare, run

BOOK = Dataset.book()
GRADS = ("manual", "autograd")


# --- the book's code, literally (chapter 5 notebook), except that training_loop records instead of printing -------
def book_model(t_u, w, b):
    return w * t_u + b


def book_loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c) ** 2
    return squared_diffs.mean()


def book_dloss_fn(t_p, t_c):
    dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)
    return dsq_diffs


def book_dmodel_dw(t_u, w, b):
    return t_u


def book_dmodel_db(t_u, w, b):
    return 1.0


def book_grad_fn(t_u, t_c, t_p, w, b):
    dloss_dtp = book_dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * book_dmodel_dw(t_u, w, b)
    dloss_db = dloss_dtp * book_dmodel_db(t_u, w, b)
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])


def book_training_loop(n_epochs, learning_rate, params, t_u, t_c):
    record = []
    for epoch in range(1, n_epochs + 1):
        w, b = params

        t_p = book_model(t_u, w, b)
        loss = book_loss_fn(t_p, t_c)
        grad = book_grad_fn(t_u, t_c, t_p, w, b)

        params = params - learning_rate * grad

        record.append((epoch, loss.item(), *grad.tolist(), *params.tolist()))  # was: print(...)
    return params, record


def book_tensors():
    t_c = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
    t_u = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]
    return torch.tensor(t_u), torch.tensor(t_c)


# --- helpers -------------------------------------------------------------------------------------------------------
def f4(v) -> str:
    return f"{float(v):.4f}"


def shows(value: float, shown: str, gradient: str = "manual") -> bool:
    """`value` printed to the digits of `shown` gives `shown`.  The book's numbers come from its hand-derived
    gradient, which the manual path reproduces exactly; autograd sums in another order, so it is allowed a few
    float32 ulps of slack around the printed digits."""
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    if gradient == "manual":
        return f"{value:.{decimals}f}" == shown
    slack = 4 * float(np.spacing(np.float32(abs(value))))
    return abs(value - float(shown)) <= 0.5 * 10.0**-decimals + slack


def bits(v: float) -> int:
    """The float32 bit pattern (every value the loops produce is a float32)."""
    return int(np.array(v, dtype=np.float32).view(np.uint32))


def same_float32(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)  # NaN payloads are not part of the book's numbers
    assert np.float32(a) == a and np.float32(b) == b, "values must be exact float32 numbers"
    return bits(a) == bits(b)


def core_record(config: TrainConfig):
    """Run the core's fast manual path directly; rows shaped like book_training_loop's record."""
    prep = prepare(config, BOOK)
    gen = _train_plain(config, prep, None)
    rows = []
    while True:
        try:
            r = next(gen)
        except StopIteration as stop:
            return rows, stop.value
        rows.append((r.epoch, r.loss, r.grad_w, r.grad_b, r.w, r.b))


def assert_records_equal(core_rows, book_rows):
    assert len(core_rows) == len(book_rows)
    for c, k in zip(core_rows, book_rows):
        assert c[0] == k[0]
        for name, a, b in zip(("loss", "grad_w", "grad_b", "w", "b"), c[1:], k[1:]):
            assert same_float32(a, b), f"epoch {k[0]}: {name} core {a!r} != book {b!r}"


# --- the data --------------------------------------------------------------------------------------------------------
def test_default_dataset_is_the_books():
    assert BOOK_T_C == (0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0)
    assert BOOK_T_U == (35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4)
    assert BOOK.t_u.tolist() == list(BOOK_T_U)
    assert BOOK.t_c.tolist() == list(BOOK_T_C)
    assert BOOK.include.all() and len(BOOK) == 11


@pytest.mark.parametrize("normalize, factor", [("none", None), ("scale", 0.1)])
def test_prepared_inputs_are_the_books_float32_tensors(normalize, factor):
    t_u, t_c = book_tensors()
    prep = prepare(TrainConfig(normalize=normalize), BOOK)
    expected = t_u if factor is None else t_u * factor  # the book: t_un = t_u * 0.1
    assert prep.x.dtype == torch.float32 and prep.y.dtype == torch.float32
    assert torch.equal(prep.x, expected)
    assert torch.equal(prep.y, t_c)


# --- row: start, w=1, b=0 -> loss 1763.8848 -------------------------------------------------------------------------
def test_start_loss():
    t_u, t_c = book_tensors()
    loss = loss_fn(model(t_u, torch.ones(()), torch.zeros(())), t_c)
    assert loss.dtype == torch.float32
    assert f4(loss) == "1763.8848"
    assert loss.item() == book_loss_fn(book_model(t_u, torch.ones(()), torch.zeros(())), t_c).item()


@pytest.mark.parametrize("gradient", GRADS)
def test_start_loss_is_epoch_1_of_a_raw_run(gradient):
    history, _ = run(TrainConfig(normalize="none", lr=1e-4, epochs=1, gradient=gradient), BOOK)
    assert history[0].epoch == 1
    assert f4(history[0].loss) == "1763.8848"


# --- row: finite difference, delta 0.1, on b -> 82.6; b becomes -0.8260 after one lr 1e-2 step ------------------------
def test_book_finite_difference_on_b():
    t_u, t_c = book_tensors()
    w, b = torch.ones(()), torch.zeros(())
    delta, learning_rate = 0.1, 1e-2

    _, rate_b = book_finite_difference(t_u, t_c, w, b, delta=delta)
    assert rate_b.dtype == torch.float32
    assert f"{rate_b.item():.1f}" == "82.6"

    # the book's cell, literally
    loss_rate_of_change_b = (
        book_loss_fn(book_model(t_u, w, b + delta), t_c) - book_loss_fn(book_model(t_u, w, b - delta), t_c)
    ) / (2.0 * delta)
    assert rate_b.item() == loss_rate_of_change_b.item()

    b_new = b - learning_rate * rate_b
    assert f4(b_new) == "-0.8260"
    assert b_new.item() == (b - learning_rate * loss_rate_of_change_b).item()


def test_finite_difference_on_w_is_the_correct_central_difference():
    """The notebook's w cell subtracts two identical terms and gets 0; the app's is (L(w+d) - L(w-d)) / 2d."""
    t_u, t_c = book_tensors()
    w, b, delta = torch.ones(()), torch.zeros(()), 0.1
    buggy = (book_loss_fn(book_model(t_u, w + delta, b), t_c) - book_loss_fn(book_model(t_u, w + delta, b), t_c)) / (
        2.0 * delta
    )
    assert buggy.item() == 0.0
    rate_w, _ = book_finite_difference(t_u, t_c, w, b, delta=delta)
    # the loss is quadratic, so the central difference equals the true derivative up to float32 rounding
    assert rate_w.item() == pytest.approx(4517.2964, rel=1e-4)


# --- row: raw t_u, lr 1e-2, 100 epochs: diverges ----------------------------------------------------------------------
@pytest.mark.parametrize("gradient", GRADS)
def test_raw_lr_1e2_diverges_as_in_the_book(gradient):
    history, outcome = run(TrainConfig(normalize="none", lr=1e-2, epochs=100, gradient=gradient), BOOK)
    e1, e2 = history[0], history[1]
    assert shows(e1.loss, "1763.88", gradient)
    assert shows(e1.grad_w, "4517.2964", gradient) and shows(e1.grad_b, "82.6000", gradient)
    assert shows(e2.loss, "5802484.50", gradient)
    assert shows(e2.grad_w, "-261257.4062", gradient) and shows(e2.grad_b, "-4598.9702", gradient)
    # loss first inf at epoch 11: the run stops there
    assert [r.epoch for r in history] == list(range(1, 12))
    assert all(math.isfinite(r.loss) for r in history[:10])
    assert history[10].loss == math.inf
    assert outcome.stop_reason is StopReason.NON_FINITE
    assert (outcome.stop_epoch, outcome.last_finite_epoch) == (11, 10)


@pytest.mark.parametrize("gradient", GRADS)
def test_raw_lr_1e2_params_end_as_nan_when_run_on(gradient):
    config = TrainConfig(normalize="none", lr=1e-2, epochs=100, gradient=gradient, stop_on_non_finite=False)
    history, outcome = run(config, BOOK)
    assert len(history) == 100
    first_inf = next(r.epoch for r in history if not math.isfinite(r.loss))
    assert first_inf == 11 and history[10].loss == math.inf
    assert math.isnan(outcome.w_model) and math.isnan(outcome.b_model)
    assert math.isnan(outcome.w) and math.isnan(outcome.b)
    assert outcome.last_finite_epoch == 10


# --- row: raw t_u, lr 1e-4, 100 epochs ------------------------------------------------------------------------------
@pytest.mark.parametrize("gradient", GRADS)
def test_raw_lr_1e4(gradient):
    history, outcome = run(TrainConfig(normalize="none", lr=1e-4, epochs=100, gradient=gradient), BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED
    assert shows(outcome.w_model, "0.2327", gradient) and shows(outcome.b_model, "-0.0438", gradient)
    assert (outcome.w, outcome.b) == (outcome.w_model, outcome.b_model)  # no normalization: raw == model units
    # "loss about 29.02": the loss reported at epoch 100 and the loss at the final parameters
    assert round(history[-1].loss, 2) == 29.02
    assert round(outcome.final_loss, 2) == 29.02


# --- row: t_un = 0.1 * t_u, lr 1e-2, 100 epochs -----------------------------------------------------------------------
@pytest.mark.parametrize("gradient", GRADS)
def test_scaled_100_epochs(gradient):
    history, outcome = run(TrainConfig(normalize="scale", scale=0.1, lr=1e-2, epochs=100, gradient=gradient), BOOK)
    e1 = history[0]
    assert shows(e1.loss, "80.36", gradient)
    assert shows(e1.grad_w, "-77.6140", gradient) and shows(e1.grad_b, "-10.6400", gradient)
    assert shows(outcome.w_model, "2.7553", gradient) and shows(outcome.b_model, "-2.5162", gradient)


# --- row: t_un = 0.1 * t_u, lr 1e-2, 5000 epochs (the defaults) ------------------------------------------------------
@pytest.mark.parametrize("gradient", GRADS)
def test_scaled_5000_epochs(gradient):
    config = TrainConfig(gradient=gradient)
    assert (config.lr, config.epochs, config.normalize, config.scale) == (1e-2, 5000, "scale", 0.1)
    assert (config.init_w, config.init_b) == (1.0, 0.0)
    history, outcome = run(config, BOOK)
    assert outcome.stop_reason is StopReason.COMPLETED and outcome.epochs_run == 5000
    assert shows(outcome.w_model, "5.3671", gradient) and shows(outcome.b_model, "-17.3012", gradient)
    assert shows(outcome.w, "0.53671", gradient)  # w per raw unit
    assert outcome.w == pytest.approx(outcome.w_model * 0.1, rel=1e-15)
    assert outcome.b == outcome.b_model  # scaling has no offset: b is the same in both units
    assert shows(history[-1].loss, "2.927648", gradient)
    assert outcome.loss == history[-1].loss


# --- bit for bit against the book's loop ----------------------------------------------------------------------------
def test_fast_path_matches_book_loop_bitwise_5000_epochs_scaled():
    t_u, t_c = book_tensors()
    params, book_rows = book_training_loop(5000, 1e-2, torch.tensor([1.0, 0.0]), t_u * 0.1, t_c)
    core_rows, outcome = core_record(TrainConfig(normalize="scale", scale=0.1, lr=1e-2, epochs=5000))
    assert_records_equal(core_rows, book_rows)
    assert same_float32(outcome.w_model, params[0].item()) and same_float32(outcome.b_model, params[1].item())
    assert [f4(p) for p in params] == ["5.3671", "-17.3012"]


def test_fast_path_matches_book_loop_bitwise_diverging_raw_run():
    t_u, t_c = book_tensors()
    params, book_rows = book_training_loop(100, 1e-2, torch.tensor([1.0, 0.0]), t_u, t_c)
    assert math.isnan(params[0].item()) and math.isnan(params[1].item())  # the book's tensor([nan, nan])

    # run on through inf and nan, as the book does: every epoch equal
    core_rows, outcome = core_record(TrainConfig(normalize="none", lr=1e-2, epochs=100, stop_on_non_finite=False))
    assert_records_equal(core_rows, book_rows)
    assert math.isnan(outcome.w_model) and math.isnan(outcome.b_model)

    # stopping on the first non-finite loss: the same first 11 epochs (loss, gradient), then a stop
    core_rows, outcome = core_record(TrainConfig(normalize="none", lr=1e-2, epochs=100))
    assert len(core_rows) == 11
    assert_records_equal(core_rows[:10], book_rows[:10])
    assert [same_float32(a, b) for a, b in zip(core_rows[10][1:4], book_rows[10][1:4])] == [True] * 3
    # the stopping epoch applies no update: its parameters are those after epoch 10
    assert core_rows[10][4:] == core_rows[9][4:]
    assert (outcome.w_model, outcome.b_model) == core_rows[9][4:]


def test_train_dispatches_plain_manual_sgd_to_the_fast_path():
    config = TrainConfig(normalize="scale", lr=1e-2, epochs=300)
    history, outcome = run(config, BOOK)
    core_rows, fast_outcome = core_record(config)
    assert [(r.epoch, r.loss, r.grad_w, r.grad_b, r.w, r.b) for r in history] == core_rows
    fields = ("stop_reason", "epochs_run", "w_model", "b_model", "w", "b", "loss", "final_loss")
    assert [getattr(outcome, f) for f in fields] == [getattr(fast_outcome, f) for f in fields]
