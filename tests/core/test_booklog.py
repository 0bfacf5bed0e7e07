"""The notebook's printout (core.booklog) and `thermogui fit --log book`: the exact lines chapter 5's training_loop
prints — checked against the notebook's printed text and against the notebook's own two loops, run literally."""

from __future__ import annotations

import contextlib
import io
import types

import numpy as np
import pytest
import torch

from thermogui.cli import main
from thermogui.core import booklog
from thermogui.core.booklog import BOOK_EPOCHS, EVERY_EPOCH_MAX, BookLog, book_lines
from thermogui.core.dataset import Dataset
from thermogui.core.fields import BY_NAME, ConfigError
from thermogui.core.history import EPOCH
from thermogui.core.training import TrainConfig, run

BOOK = Dataset.book()

# In [18] of the notebook (raw t_u, lr 1e-2, 100 epochs), character for character
NOTEBOOK_DIVERGING = """\
Epoch : 1  Loss : 1763.88  Grad : tensor([4517.2964,   82.6000])
Epoch : 2  Loss : 5802484.50  Grad : tensor([-261257.4062,   -4598.9702])
Epoch : 3  Loss : 19408029696.00  Grad : tensor([15109614.0000,   266155.6875])
Epoch : 4  Loss : 64915905708032.00  Grad : tensor([-8.7385e+08, -1.5393e+07])
Epoch : 5  Loss : 217130525461053440.00  Grad : tensor([5.0539e+10, 8.9023e+08])
Epoch : 6  Loss : 726257583152928129024.00  Grad : tensor([-2.9229e+12, -5.1486e+10])
Epoch : 7  Loss : 2429183416467662896627712.00  Grad : tensor([1.6904e+14, 2.9776e+12])
Epoch : 8  Loss : 8125122549611731432050262016.00  Grad : tensor([-9.7764e+15, -1.7221e+14])
Epoch : 9  Loss : 27176882120842590626938030653440.00  Grad : tensor([5.6541e+17, 9.9596e+15])
Epoch : 10  Loss : 90901105189019073810297959556841472.00  Grad : tensor([-3.2700e+19, -5.7600e+17])
Epoch : 11  Loss : inf  Grad : tensor([1.8912e+21, 3.3313e+19])
Epoch : 12  Loss : inf  Grad : tensor([-1.0937e+23, -1.9266e+21])
""".splitlines()
# In [21] (t_un = 0.1 * t_u, lr 1e-2), its first lines
NOTEBOOK_SCALED = """\
Epoch : 1  Loss : 80.36  Grad : tensor([-77.6140, -10.6400])
Epoch : 2  Loss : 37.57  Grad : tensor([-30.8623,  -2.3864])
Epoch : 3  Loss : 30.87  Grad : tensor([-12.4631,   0.8587])
""".splitlines()

# The notebook's code, literally: In [2]-[16] and the second training_loop (the string in In [17]).
NOTEBOOK_CODE = """
def model(t_u, w, b):
    return w * t_u + b

def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c)**2
    return squared_diffs.mean()

def dloss_fn(t_p , t_c):
    dsq_diff = 2 * (t_p - t_c)  / t_p.size(0)
    return dsq_diff

def dmodel_dw(t_u, w , b):
    return t_u

def dmodel_db(t_u, w , b):
    return 1.0

def grad_fn(t_u ,t_c, t_p, w , b):
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * dmodel_dw(t_u, w , b)
    dloss_db = dloss_dtp *  dmodel_db(t_u, w , b)
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])

def training_loop(n_epochs , learning_rate , params, t_u, t_c):
    for epoch in range(1, n_epochs + 1):
        w , b = params

        t_p = model(t_u , w , b)
        loss = loss_fn(t_p , t_c)
        grad = grad_fn(t_u ,t_c, t_p, w , b)

        params = params - learning_rate * grad

        print(f'Epoch : {epoch}  Loss : {loss:.2f}  Grad : {grad}')
    return params

def training_loop_2(n_epochs, learning_rate, params, t_u, t_c,
                  print_params=True):
    for epoch in range(1, n_epochs + 1):
        w, b = params

        t_p = model(t_u, w, b)  # <1>
        loss = loss_fn(t_p, t_c)
        grad = grad_fn(t_u, t_c, t_p, w, b)  # <2>

        params = params - learning_rate * grad

        if epoch in {1, 2, 3, 10, 11, 99, 100, 4000, 5000}:  # <3>
            print('Epoch %d, Loss %f' % (epoch, float(loss)))
            if print_params:
                print('    Params:', params)
                print('    Grad:  ', grad)
        if epoch in {4, 12, 101}:
            print('...')

        if not torch.isfinite(loss).all():
            break  # <3>

    return params
"""


def notebook_prints(n_epochs: int, learning_rate: float, scaled: bool, second: bool = False) -> list[str]:
    """What the notebook prints for this call (its print options set as its first cell does, then restored), and
    the value the cell shows (the loop's return value) as the last line."""
    ns = {"torch": torch}
    exec(NOTEBOOK_CODE, ns)
    t_c = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])
    t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4])
    t_un = t_u * 0.1
    old = torch._tensor_str.get_printoptions()
    out = io.StringIO()
    try:
        torch.set_printoptions(profile="default")
        torch.set_printoptions(edgeitems=2, linewidth=75)
        with contextlib.redirect_stdout(out):
            loop = ns["training_loop_2" if second else "training_loop"]
            params = loop(n_epochs, learning_rate, torch.tensor([1.0, 0.0]), t_un if scaled else t_u, t_c)
            print(params)
    finally:
        torch.set_printoptions(**old)
    return out.getvalue().splitlines()


def config(normalize: str, lr: float, epochs: int, **kw) -> TrainConfig:
    return TrainConfig(normalize=normalize, lr=lr, epochs=epochs, **kw)


def app_rows(cfg: TrainConfig) -> np.ndarray:
    history, _ = run(cfg, BOOK)
    return np.array([tuple(r) for r in history])


# --- the notebook's text ---------------------------------------------------------------------------------------------
def test_the_first_three_lines_are_the_books():
    lines = book_lines(config("none", 1e-2, 100), app_rows(config("none", 1e-2, 100)))
    assert lines[:3] == [
        "Epoch : 1  Loss : 1763.88  Grad : tensor([4517.2964,   82.6000])",
        "Epoch : 2  Loss : 5802484.50  Grad : tensor([-261257.4062,   -4598.9702])",
        "Epoch : 3  Loss : 19408029696.00  Grad : tensor([15109614.0000,   266155.6875])",
    ]
    assert lines[:3] == NOTEBOOK_DIVERGING[:3]
    scaled = book_lines(config("scale", 1e-2, 100), app_rows(config("scale", 1e-2, 100)))
    assert scaled[:3] == NOTEBOOK_SCALED


def test_the_divergence_prints_the_notebooks_lines_until_the_run_stops():
    cfg = config("none", 1e-2, 100)
    lines = book_lines(cfg, app_rows(cfg))
    assert lines[:11] == NOTEBOOK_DIVERGING[:11]  # the app stops at epoch 11, the first loss that is inf
    assert len(lines) == 12
    # the last line is what the book's loop holds after epoch 11 (its update applied) — as the notebook computes it
    assert lines[11] == notebook_prints(11, 1e-2, scaled=False)[-1] == "tensor([-1.8590e+19, -3.2746e+17])"


def test_a_run_that_goes_on_after_inf_prints_nan_lines_as_the_notebook_does():
    cfg = config("none", 1e-2, 100, stop_on_non_finite=False)
    assert book_lines(cfg, app_rows(cfg)) == notebook_prints(100, 1e-2, scaled=False)


@pytest.mark.parametrize(
    "normalize, lr, epochs",
    [("none", 1e-4, 100), ("scale", 1e-2, 100), ("scale", 1e-2, 7), ("none", 1e-4, 1)],
)
def test_short_runs_print_every_epoch_exactly_as_the_notebook(normalize, lr, epochs):
    cfg = config(normalize, lr, epochs)
    assert book_lines(cfg, app_rows(cfg)) == notebook_prints(epochs, lr, scaled=normalize == "scale")


def test_a_long_run_prints_the_books_chosen_epochs():
    cfg = config("scale", 1e-2, 5000)
    lines = book_lines(cfg, app_rows(cfg))
    assert lines == notebook_prints(5000, 1e-2, scaled=True, second=True)
    heads = [ln for ln in lines if not ln.startswith("    ")]
    assert heads[:4] == ["Epoch 1, Loss 80.364342", "Epoch 2, Loss 37.574913", "Epoch 3, Loss 30.871077", "..."]
    assert [int(ln.split(",")[0].split()[1]) for ln in heads if ln.startswith("Epoch")] == list(BOOK_EPOCHS)
    assert [i for i, ln in enumerate(heads) if ln == "..."] == [3, 6, 9]  # after 3, 11 and 100, as the book
    assert lines[1:3] == ["    Params: tensor([1.7761, 0.1064])", "    Grad:   tensor([-77.6140, -10.6400])"]
    assert lines[-3:] == [
        "    Params: tensor([  5.3671, -17.3012])",
        "    Grad:   tensor([-0.0001,  0.0006])",
        "tensor([  5.3671, -17.3012])",  # the book's final parameters, as the cell shows them
    ]
    assert len(lines) == 9 * 3 + 3 + 1


@pytest.mark.parametrize(
    "normalize, lr, epochs, stop",
    [("none", 1e-2, 5000, True), ("none", 1e-2, 5000, False), ("scale", 1e-2, 250, True), ("scale", 1e-2, 101, True)],
)
def test_long_runs_match_the_books_second_loop(normalize, lr, epochs, stop):
    cfg = config(normalize, lr, epochs, stop_on_non_finite=stop)
    assert book_lines(cfg, app_rows(cfg)) == notebook_prints(epochs, lr, scaled=normalize == "scale", second=True)


# --- incremental and cheap -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("epochs", [60, 5000])
def test_feeding_rows_as_they_arrive_gives_the_same_text(epochs):
    cfg = config("scale", 1e-2, epochs)
    history, _ = run(cfg, BOOK)
    rows = np.array([tuple(r) for r in history])
    whole = book_lines(cfg, rows)
    # growing snapshots, as the window reads the History on each progress report (rows already seen are skipped)
    log = BookLog.for_config(cfg)
    new = []
    for cut in sorted({1, 2, 3, 9, 10, 11, 50, 99, 100, 101, 102, 3999, 4000, 4001, epochs}):
        if cut <= epochs:
            new += log.feed(rows[:cut])
    assert log.feed(rows) == []  # nothing new
    assert new == log.lines == whole[:-1] and log.result() == whole[-1]
    # one EpochResult at a time, as the command line gets them
    one = BookLog.for_config(cfg)
    for r in history:
        one.feed(r)
    assert one.lines + [one.result()] == whole


def test_a_long_run_formats_only_its_chosen_epochs(monkeypatch):
    cfg = config("scale", 1e-2, 20000)
    history, _ = run(cfg, BOOK)
    calls = []
    real = booklog.tensor_text
    monkeypatch.setattr(booklog, "tensor_text", lambda *v: calls.append(v) or real(*v))
    log = BookLog.for_config(cfg)
    for r in history:
        log.feed(r)
    assert len(calls) == 2 * len(BOOK_EPOCHS)  # params and gradient of the 9 chosen epochs, nothing else
    assert len(log.lines) == 3 * len(BOOK_EPOCHS) + 3


def test_epochs_a_thinned_history_dropped_are_left_out():
    cfg = config("scale", 1e-2, 5000)
    rows = app_rows(cfg)
    kept = rows[~np.isin(rows[:, EPOCH], [2, 10, 4000])]
    lines = book_lines(cfg, kept)
    heads = [ln.split(",")[0] for ln in lines if ln.startswith("Epoch")]
    assert heads == ["Epoch 1", "Epoch 3", "Epoch 11", "Epoch 99", "Epoch 100", "Epoch 5000"]
    assert lines.count("...") == 3


def test_the_print_options_are_the_notebooks_and_are_restored():
    old = torch._tensor_str.get_printoptions()
    torch.set_printoptions(precision=7, linewidth=200, edgeitems=5)
    try:
        cfg = config("none", 1e-2, 100)
        lines = book_lines(cfg, app_rows(cfg))
        assert lines[0] == NOTEBOOK_DIVERGING[0]  # precision 4, whatever the process had set
        opts = torch._tensor_str.get_printoptions()
        assert (opts["precision"], opts["linewidth"], opts["edgeitems"]) == (7, 200, 5)
    finally:
        torch.set_printoptions(**old)


def test_the_every_epoch_threshold():
    assert BookLog(EVERY_EPOCH_MAX).every_epoch and not BookLog(EVERY_EPOCH_MAX + 1).every_epoch


# --- the straight line only ------------------------------------------------------------------------------------------
def test_other_models_are_refused_clearly():
    quadratic = types.SimpleNamespace(**{**TrainConfig().to_dict(), "model": "quadratic"})
    with pytest.raises(ConfigError, match="straight line"):
        BookLog.for_config(quadratic)
    log = BookLog(10)
    with pytest.raises(ConfigError, match="straight line"):
        log.feed(np.zeros((3, 12)))  # three parameters per row
    with pytest.raises(ConfigError, match="straight line"):
        log.feed(tuple(range(12)))


# --- thermogui fit --log book ----------------------------------------------------------------------------------------
def fit(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(["fit", *argv])
    out, err = capsys.readouterr()
    return exit_.value.code or 0, out, err


def test_fit_log_book_prints_the_notebooks_lines(capsys):
    code, out, err = fit(capsys, "--log", "book", "--normalize", "none", "--lr", "1e-2", "--epochs", "100")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[:11] == NOTEBOOK_DIVERGING[:11]
    assert lines[11] == "tensor([-1.8590e+19, -3.2746e+17])"
    assert lines[12].startswith("Stopped at epoch 11")  # then the usual summary


def test_fit_log_book_of_the_books_final_run(capsys):
    code, out, _ = fit(capsys, "--log", "book")
    assert code == 0
    expected = book_lines(TrainConfig(), app_rows(TrainConfig()))
    assert out.splitlines()[: len(expected)] == expected == notebook_prints(5000, 1e-2, scaled=True, second=True)
    assert out.splitlines()[len(expected)].startswith("Completed after 5000 epochs")


def test_fit_log_book_refuses_other_models(capsys):
    if "model" not in BY_NAME:
        pytest.skip("no --model option yet")
    code, out, err = fit(capsys, "--log", "book", "--model", "quadratic")
    assert code == 2 and out == ""
    assert "--log book" in err and "straight line" in err and len(err.splitlines()) == 1
