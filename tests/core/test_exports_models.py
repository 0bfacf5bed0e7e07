"""Exports of any model: the history CSV has columns per parameter, and the PyTorch script defines the chosen model
(the chapter's exercise, `w2 * t_u ** 2 + w1 * t_u + b`) and prints the core's numbers when run on its own."""

from __future__ import annotations

import contextlib
import csv
import io
import math
import runpy
import subprocess
import sys

import numpy as np
import pytest

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.exports import HISTORY_COLUMNS, history_columns, history_csv, pytorch_script, write_pytorch_script
from thermogui.core.history import History
from thermogui.core.models import QUADRATIC
from thermogui.core.training import prepare, run, train

BOOK = Dataset.book()
BOOK_SPLIT = BOOK.with_val_rows([2, 10])  # the optimizer notebook's validation readings (rows 3 and 11)
QUAD = TrainConfig(model="quadratic", normalize="scale", lr=5e-4, epochs=3000)


def parse_result(stdout: str, names=("w2", "w1", "b")) -> dict:
    last = stdout.strip().splitlines()[-1]
    assert last.startswith("RESULT "), stdout[-2000:]
    fields = dict(kv.split("=", 1) for kv in last.split()[1:])
    assert list(fields) == [*names, "loss", "final_loss", "val_loss", "epochs", "stop"]
    out = {k: float(fields[k]) for k in (*names, "loss", "final_loss", "val_loss")}
    out["epochs"] = int(fields["epochs"])
    out["stop"] = fields["stop"]
    return out


def expected(config: TrainConfig, data: Dataset) -> dict:
    _, outcome = run(config, data)
    names = QUADRATIC.params if config.model == "quadratic" else ("w", "b")
    out = dict(zip(names, outcome.params))
    out.update(
        loss=outcome.loss,
        final_loss=outcome.final_loss,
        val_loss=outcome.val_loss,
        epochs=outcome.epochs_run,
        stop=outcome.stop_reason.value,
    )
    return out


def same(a: float, b: float, rel: float) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b if rel == 0 else a == pytest.approx(b, rel=rel, abs=1e-12)


def run_in_process(config: TrainConfig, data: Dataset, tmp_path) -> str:
    path = tmp_path / "fit.py"
    path.write_text(pytorch_script(config, data))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(str(path), run_name="__main__")
    return buf.getvalue()


# --- the script ---------------------------------------------------------------------------------------------------
def test_the_quadratic_script_run_on_its_own_prints_the_cores_numbers(tmp_path):
    """The chapter's exercise with the book's split, as a separate process: float32 as the app computes it, so the
    printed loss and raw coefficients are the core's to the last digit."""
    path = tmp_path / "quadratic.py"
    write_pytorch_script(path, QUAD, BOOK_SPLIT)
    proc = subprocess.run(
        [sys.executable, "-I", str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    printed = parse_result(proc.stdout)
    want = expected(QUAD, BOOK_SPLIT)
    assert printed == want  # exact: the same float32 operations in the same order, printed with repr
    assert printed["stop"] == "completed" and printed["epochs"] == 3000
    assert math.isfinite(printed["val_loss"]) and printed["final_loss"] < 4.0
    history, _ = run(QUAD, BOOK_SPLIT)
    assert f"Epoch 1, Loss {history[0].loss:f}\n" in proc.stdout
    assert f"Epoch 3000, Loss {history[-1].loss:f}\n" in proc.stdout


def test_the_quadratic_script_defines_the_model_in_the_books_style():
    config = QUAD.with_(init_w2=0.25, init_w=0.5, init_b=-1.0)
    text = pytorch_script(config, BOOK_SPLIT)
    assert text.startswith('#!/usr/bin/env python3\n"""Fit t_c = w2 * t_u ** 2 + w1 * t_u + b by gradient descent')
    for piece in (
        "def model(t_u, w2, w1, b):\n    return w2 * t_u ** 2 + w1 * t_u + b\n",
        "def dmodel_dw2(t_u, w2, w1, b):\n    return t_u ** 2\n",
        "def dmodel_dw1(t_u, w2, w1, b):\n    return t_u\n",
        "def dmodel_db(t_u, w2, w1, b):\n    return 1.0\n",
        "def grad_fn(t_u, t_c, t_p, w2, w1, b):",
        "return torch.stack([dloss_dw2.sum(), dloss_dw1.sum(), dloss_db.sum()])",
        "init_w2, init_w1, init_b = 0.25, 0.5, -1.0\n",
        "params = torch.tensor([init_w2, init_w1, init_b])\n",  # in the model's order
        "        w2, w1, b = params\n",
        "params = params - learning_rate * grad",
        "val_indices = torch.tensor([2, 10])\n",
        "train_indices = torch.tensor([0, 1, 3, 4, 5, 6, 7, 8, 9])\n",
        "model: quadratic, t_c = w2 * x ** 2 + w1 * x + b",
        "2 marked as validation readings in ThermoGUI",
    ):
        assert piece in text, piece
    assert "randperm" not in text and "seed" not in text  # the marked readings, not the seeded shuffle
    assert "def model(t_u, w, b)" not in text
    auto = pytorch_script(config.with_(gradient="autograd"), BOOK)
    assert "t_p = model(t_u, *params)" in auto and "def grad_fn" not in auto
    assert "params = torch.tensor([init_w2, init_w1, init_b], requires_grad=True)" in auto
    assert max(len(line) for line in text.splitlines()) <= 120


# More quadratic settings, executed in this process (the same code as the file, without a torch import per run).
QUADRATIC_RUNS = {
    # float32, as the app runs the quadratic (by hand or autograd, plain or torch.optim): the same operations in the
    # same order, so the same digits (rel 0: exact)
    "zscore_seeded_split": (
        TrainConfig(model="quadratic", normalize="zscore", lr=0.05, epochs=400, val_fraction=0.3),
        BOOK,
        0.0,
    ),
    "autograd": (QUAD.with_(gradient="autograd", epochs=500), BOOK_SPLIT, 0.0),
    "adam": (TrainConfig(model="quadratic", normalize="zscore", lr=0.05, epochs=300, optimizer="adam"), BOOK, 0.0),
    "momentum_excluded": (QUAD.with_(momentum=0.9, epochs=400), BOOK_SPLIT.with_include(0, False), 0.0),
    "diverging": (TrainConfig(model="quadratic", normalize="none", lr=1e-4, epochs=100), BOOK, 0.0),
    "converged": (TrainConfig(model="quadratic", normalize="zscore", lr=0.1, epochs=5000, tol=1e-3), BOOK, 0.0),
    # the fast exact path computes from the sums in float64: the script is written in float64 and agrees to rounding
    "fast": (QUAD.with_(arith="fast", epochs=2000), BOOK_SPLIT, 1e-9),
    "fast_adam": (QUAD.with_(arith="fast", optimizer="adam", lr=0.05, epochs=300), BOOK, 1e-9),
}


@pytest.mark.parametrize("name", list(QUADRATIC_RUNS))
def test_more_quadratic_scripts_print_the_cores_numbers(name, tmp_path):
    config, data, rel = QUADRATIC_RUNS[name]
    printed = parse_result(run_in_process(config, data, tmp_path))
    want = expected(config, data)
    assert printed.keys() == want.keys()
    for key in want:
        assert same(printed[key], want[key], rel), (key, printed[key], want[key])
    if name == "diverging":
        assert printed["stop"] == "non_finite" and printed["epochs"] < 100
    if name == "converged":
        assert printed["stop"] == "converged" and printed["epochs"] < 5000


def test_the_fast_path_script_is_float64():
    text = pytorch_script(QUAD.with_(arith="fast"), BOOK)
    assert (
        "t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4], dtype=torch.float64)"
        in text
    )
    assert "params = torch.tensor([init_w2, init_w1, init_b], dtype=torch.float64)" in text
    assert "arithmetic: float64 (ThermoGUI ran this on its fast exact path" in text
    assert "float64" not in pytorch_script(QUAD, BOOK).replace("computed in float64", "")


def test_the_lines_script_still_prints_w_and_b(tmp_path):
    config = TrainConfig(epochs=50)
    printed = parse_result(run_in_process(config, BOOK_SPLIT, tmp_path), names=("w", "b"))
    assert printed == expected(config, BOOK_SPLIT)


# --- the history CSV ----------------------------------------------------------------------------------------------
def read_rows(text: str) -> list[dict]:
    return list(csv.DictReader([ln for ln in text.splitlines() if not ln.startswith("#")]))


def test_the_history_csv_has_columns_per_parameter():
    assert history_columns("line") == HISTORY_COLUMNS == history_columns()
    assert history_columns("quadratic") == (
        "epoch", "loss", "val_loss", "w2", "w1", "b", "w2_model", "w1_model", "b_model", "grad_w2", "grad_w1", "grad_b",
    )  # fmt: skip
    config = QUAD.with_(arith="fast", epochs=10_000)
    history = History(config.epochs, n_params=3)
    gen = train(config, BOOK_SPLIT, chunk=4096)  # the fast path's chunks of rows
    for item in gen:
        history.append(item)
    rows = history.snapshot()
    text = history_csv(rows, prepare(config, BOOK_SPLIT).norm, "quadratic")
    first, header = text.splitlines()[:2]
    assert first == (
        "# normalization scale: the model trains t_c = w2_model * x^2 + w1_model * x + b_model with "
        "x = t_u * 0.1; w2, w1, b are raw units: t_c = w2 * t_u^2 + w1 * t_u + b"
    )
    assert header == ",".join(history_columns("quadratic"))
    got = read_rows(text)
    assert len(got) == len(rows) == 10_000
    for row, r in zip(got[::997], rows[::997]):
        values = {k: float(v) for k, v in row.items()}
        assert values["epoch"] == r[0] and values["loss"] == r[1] and values["val_loss"] == r[2]
        assert [values[k] for k in ("w2_model", "w1_model", "b_model")] == list(r[3:6])
        assert [values[k] for k in ("w2", "w1", "b")] == list(r[6:9])
        assert [values[k] for k in ("grad_w2", "grad_w1", "grad_b")] == list(r[9:12])
    # raw coefficients: 0.01·w2, 0.1·w1, b for x = 0.1·t_u
    last = {k: float(v) for k, v in got[-1].items()}
    assert last["w2"] == pytest.approx(0.01 * last["w2_model"]) and last["w1"] == pytest.approx(0.1 * last["w1_model"])
    assert math.isfinite(last["val_loss"])  # the book's split


def test_the_history_csv_refuses_rows_of_another_model():
    results, _ = run(QUAD.with_(epochs=3), BOOK)
    with pytest.raises(ValueError, match="straight line must have 9 columns"):
        history_csv(results)
    with pytest.raises(ValueError, match="quadratic must have 12 columns"):
        history_csv(np.zeros((3, 9)), model="quadratic")
    assert history_csv(History(n_params=3).snapshot(), model=QUADRATIC) == ",".join(history_columns(QUADRATIC)) + "\n"


# --- chapter 6's networks: the script defines the same module, seeds it as the app does, prints the same losses -------
BOOK_NET_SPLIT = BOOK.with_val_rows([7, 10])  # chapter 6's printed validation readings (rows 8 and 11)
MLP = TrainConfig(model="mlp", hidden=8, lr=1e-3, epochs=300)


def parse_params(stdout: str) -> list[float]:
    """The PARAMS line of a network's script: every parameter in raw units, in the app's order."""
    lines = [ln for ln in stdout.splitlines() if ln.startswith("PARAMS ")]
    assert len(lines) == 1, stdout[-2000:]
    return [float(v) for v in lines[0][len("PARAMS [") : -1].split(", ")]


def network_expected(config: TrainConfig, data: Dataset) -> tuple[dict, tuple[float, ...]]:
    _, outcome = run(config, data)
    out = {
        "loss": outcome.loss,
        "final_loss": outcome.final_loss,
        "val_loss": outcome.val_loss,
        "epochs": outcome.epochs_run,
        "stop": outcome.stop_reason.value,
    }
    if config.model == "linear-module":
        out = {"w": outcome.params[0], "b": outcome.params[1], **out}
    return out, tuple(outcome.params)


def run_script(path, tmp_path) -> str:
    proc = subprocess.run(
        [sys.executable, "-I", str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_networks_script_run_on_its_own_prints_the_apps_final_losses(tmp_path):
    """Chapter 6's network (8 hidden units, lr 1e-3, the book's validation rows) for 300 epochs, as a separate
    process: the same seeded nn.Sequential, the same float32 operations in the same order, so the printed losses and
    parameters are the app's to the last digit."""
    path = tmp_path / "network.py"
    write_pytorch_script(path, MLP, BOOK_NET_SPLIT)
    out = run_script(path, tmp_path)
    printed = parse_result(out, names=())
    want, params = network_expected(MLP, BOOK_NET_SPLIT)
    assert printed == want
    assert printed["stop"] == "completed" and printed["epochs"] == 300
    assert math.isfinite(printed["val_loss"]) and printed["final_loss"] < printed["loss"]  # (still learning)
    assert tuple(parse_params(out)) == params and len(params) == 25
    history, _ = run(MLP, BOOK_NET_SPLIT)
    first, last = history[0], history[-1]
    assert f"Epoch 1, Training loss {first.loss:.4f}, Validation loss {first.val_loss:.4f}\n" in out
    assert f"Epoch 300, Training loss {last.loss:.4f}, Validation loss {last.val_loss:.4f}\n" in out


def test_the_linear_modules_script_run_on_its_own_prints_the_apps_numbers(tmp_path):
    config = TrainConfig(model="linear-module", lr=1e-2, epochs=300)
    path = tmp_path / "linear.py"
    write_pytorch_script(path, config, BOOK_NET_SPLIT)
    printed = parse_result(run_script(path, tmp_path), names=("w", "b"))
    want, _ = network_expected(config, BOOK_NET_SPLIT)
    assert printed == want
    assert printed["w"] == pytest.approx(0.31977, abs=1e-4)  # 300 epochs of the book's line, raw units


def test_the_networks_script_defines_and_seeds_the_module_as_chapter_6_does():
    text = pytorch_script(MLP.with_(seed=42), BOOK_NET_SPLIT)
    assert text.startswith('#!/usr/bin/env python3\n"""Fit t_c = network(t_u), a small neural network,')
    for piece in (
        "import torch.nn as nn\n",
        "hidden = 8  # hidden units\nseed = 42\nmomentum = 0.0\n",
        "val_indices = torch.tensor([7, 10])\n",
        "t_un_train = normalize(t_u_train).unsqueeze(1)\nt_c_train = t_c_train.unsqueeze(1)\n",
        "t_un_val = normalize(t_u_val).unsqueeze(1)\nt_c_val = t_c_val.unsqueeze(1)\n",
        # the seed right before the module is built: its default initialisation draws the weights
        "torch.manual_seed(seed)\nmodel = nn.Sequential(nn.Linear(1, hidden), nn.Tanh(), nn.Linear(hidden, 1))\n",
        "optimizer = optim.SGD(model.parameters(), lr=learning_rate, momentum=momentum)\n",
        "loss_fn = nn.MSELoss()\n",
        "        optimizer.zero_grad()\n        loss_train.backward()\n",
        "8 hidden units, 25 parameters",
        "2 marked as validation readings in ThermoGUI",
    ):
        assert piece in text, piece
    assert "randperm" not in text and "def grad_fn" not in text and "float64" not in text.replace("in float64", "")
    assert max(len(line) for line in text.splitlines()) <= 120
    adam = pytorch_script(MLP.with_(optimizer="adam"), BOOK)
    assert "optimizer = optim.Adam(model.parameters(), lr=learning_rate)\n" in adam and "momentum" not in adam
    assert "t_un_val = t_c_val = None  # no validation readings\n" in adam
    lin = pytorch_script(TrainConfig(model="linear-module", init_w=0.5, init_b=-2.0), BOOK)
    for piece in (
        "init_w, init_b = 0.5, -2.0  # start, model units\n",
        "model = nn.Linear(1, 1)\nwith torch.no_grad():\n    model.weight.copy_(torch.tensor([[init_w]]))\n",
        "    model.bias.copy_(torch.tensor([init_b]))\n",
    ):
        assert piece in lin, piece


NETWORK_RUNS = {  # in this process (the same code as the file); every one exact: the same float32 operations
    "adam_zscore_seeded_split": (
        TrainConfig(
            model="mlp", hidden=5, lr=0.05, epochs=200, optimizer="adam", normalize="zscore", val_fraction=0.3, seed=3
        ),
        BOOK,
    ),  # fmt: skip
    "momentum_raw_no_split": (
        TrainConfig(model="mlp", hidden=3, lr=0.1, epochs=150, momentum=0.9, normalize="none", seed=7),
        BOOK,
    ),
    "excluded_reading": (MLP.with_(epochs=100, hidden=2, seed=11), BOOK_NET_SPLIT.with_include(3, False)),
    "converged": (  # (a loose tolerance: the path that stops early, in 73 epochs)
        TrainConfig(model="mlp", hidden=2, lr=0.05, epochs=3000, normalize="zscore", momentum=0.5, tol=0.5),
        BOOK,
    ),
    "diverging": (TrainConfig(model="linear-module", lr=1e-2, normalize="none", epochs=100), BOOK),
    "linear_adam": (TrainConfig(model="linear-module", lr=0.1, epochs=200, optimizer="adam"), BOOK_NET_SPLIT),
}


@pytest.mark.parametrize("name", list(NETWORK_RUNS))
def test_more_network_scripts_print_the_apps_numbers(name, tmp_path):
    import torch

    config, data = NETWORK_RUNS[name]
    with torch.random.fork_rng(devices=[]):  # (the script seeds torch's global generator)
        out = run_in_process(config, data, tmp_path)
    linear = config.model == "linear-module"
    printed = parse_result(out, names=("w", "b") if linear else ())
    want, params = network_expected(config, data)
    assert printed.keys() == want.keys()
    for key in want:
        assert same(printed[key], want[key], 0.0), (key, printed[key], want[key])
    if not linear:
        assert tuple(parse_params(out)) == params
    if name == "diverging":
        assert printed["stop"] == "non_finite" and printed["epochs"] < 100
    if name == "converged":
        assert printed["stop"] == "converged" and printed["epochs"] < 3000


# --- the history CSV of a network: parameters only while they fit a reasonable width ---------------------------------
def test_a_networks_history_csv_lists_its_parameters_up_to_40():
    from thermogui.core.exports import MAX_CSV_PARAMS, params_in_csv
    from thermogui.core.models import get_model

    assert MAX_CSV_PARAMS == 40 and get_model("mlp", 13).size == 40 and get_model("mlp", 14).size == 43
    assert params_in_csv(get_model("mlp", 13)) and not params_in_csv(get_model("mlp", 14))

    config = TrainConfig(model="mlp", hidden=13, lr=1e-3, epochs=5)  # the book's text: 13 hidden units
    results, _ = run(config, BOOK_NET_SPLIT)
    text = history_csv(results, prepare(config, BOOK_NET_SPLIT).norm, config)
    first, header = text.splitlines()[:2]
    assert first.startswith("# normalization scale: the model trains t_c = mlp(x) with x = t_u * 0.1; the columns")
    names = header.split(",")
    assert len(names) == 3 + 3 * 40 and tuple(names) == history_columns(config)
    assert names[3:6] == ["w1_1", "w1_2", "w1_3"] and names[42] == "b2" and names[43] == "w1_1_model"
    assert names[-1] == "grad_b2"
    rows = read_rows(text)
    assert len(rows) == 5
    r = results[-1]
    assert [float(rows[-1][n]) for n in names[3:43]] == list(r.params_raw)
    assert [float(rows[-1][f"{n}_model"]) for n in names[3:43]] == list(r.params)
    assert [float(rows[-1][f"grad_{n}"]) for n in names[3:43]] == list(r.grad)


def test_a_wider_networks_history_csv_has_the_losses_and_says_why_not_the_parameters():
    config = TrainConfig(model="mlp", hidden=64, lr=1e-3, epochs=20)
    results, _ = run(config, BOOK_NET_SPLIT)
    history = History(config.epochs, n_params=193)
    for r in results:
        history.append(r)
    text = history_csv(history.snapshot(), prepare(config, BOOK_NET_SPLIT).norm, config)
    lines = text.splitlines()
    assert lines[0] == "# normalization scale: the model trains t_c = mlp(x) with x = t_u * 0.1"
    assert lines[1].startswith("# parameters left out: the network has 64 hidden units, 193 parameters;")
    assert "582 columns" in lines[1] and "up to 40" in lines[1] and "result JSON" in lines[1]
    assert lines[2] == "epoch,loss,val_loss" and history_columns(config) == ("epoch", "loss", "val_loss")
    rows = read_rows(text)
    assert len(rows) == 20 and all(len(row) == 3 for row in rows)
    assert [float(row["loss"]) for row in rows] == [r.loss for r in results]
    assert [float(row["val_loss"]) for row in rows] == [r.val_loss for r in results]
    assert all(math.isfinite(float(row["val_loss"])) for row in rows)
    # numpy reads it past both comment lines
    arr = np.genfromtxt(io.StringIO(text), delimiter=",", names=True, skip_header=2)
    assert arr.dtype.names == ("epoch", "loss", "val_loss") and len(arr) == 20
    # without a normalization line, the reason is still said, first
    assert history_csv(results, model=config).startswith("# parameters left out: the network has 64 hidden units")
