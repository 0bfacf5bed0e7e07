"""Exports: the training history as CSV, the result as JSON, and a standalone PyTorch script that, run on its own,
prints the same w, b and loss as the app's core."""

from __future__ import annotations

import ast
import contextlib
import csv
import io
import json
import math
import os
import runpy
import subprocess
import sys

import numpy as np
import pytest

from thermogui.core import atomic
from thermogui.core.config import ConfigError, EpochResult, TrainConfig
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.exports import (
    HISTORY_COLUMNS,
    history_csv,
    pytorch_script,
    result_json,
    write_history_csv,
    write_pytorch_script,
    write_result_json,
)
from thermogui.core.history import History
from thermogui.core.report import summarize
from thermogui.core.training import prepare, run

BOOK = Dataset.book()

# Run as separate processes, in parallel (each pays about 1.5 s to import torch).
SCRIPT_RUNS = {
    "book": TrainConfig(),  # the book's final run: scale 0.1, lr 1e-2, 5000 epochs, hand-made gradient
    "raw": TrainConfig(normalize="none", lr=1e-4, epochs=100),
    "zscore_autograd": TrainConfig(normalize="zscore", lr=0.1, epochs=300, gradient="autograd"),
    "adam": TrainConfig(normalize="zscore", lr=0.1, optimizer="adam", epochs=300),
    "momentum": TrainConfig(normalize="zscore", lr=0.05, momentum=0.9, epochs=300),
    "validation": TrainConfig(val_fraction=0.3, seed=5),
    "diverging": TrainConfig(normalize="none", lr=1e-2, epochs=100),
}
PLAIN = {"book", "raw", "validation", "diverging"}  # the hand-made gradient with plain descent: bit for bit


def parse_result(stdout: str) -> dict:
    last = stdout.strip().splitlines()[-1]
    assert last.startswith("RESULT "), stdout[-2000:]
    fields = dict(kv.split("=", 1) for kv in last.split()[1:])
    out = {k: float(fields[k]) for k in ("w", "b", "loss", "final_loss", "val_loss")}
    out["epochs"] = int(fields["epochs"])
    out["stop"] = fields["stop"]
    return out


def same(a: float, b: float, rel: float = 0.0) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if rel == 0.0 or math.isinf(a) or math.isinf(b):
        return a == b
    return a == pytest.approx(b, rel=rel, abs=1e-12)


def check_against_core(printed: dict, config: TrainConfig, data: Dataset, exact: bool) -> None:
    _, outcome = run(config, data)
    rel = 0.0 if exact else 1e-6
    assert printed["stop"] == outcome.stop_reason.value
    assert printed["epochs"] == outcome.epochs_run
    for key, want in [
        ("w", outcome.w),
        ("b", outcome.b),
        ("loss", outcome.loss),
        ("final_loss", outcome.final_loss),
        ("val_loss", outcome.val_loss),
    ]:
        assert same(printed[key], want, rel), (key, printed[key], want)


@pytest.fixture(scope="module")
def script_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scripts")
    procs = {}
    for name, config in SCRIPT_RUNS.items():
        path = folder / f"{name}.py"
        write_pytorch_script(path, config, BOOK)
        # cwd elsewhere and -I (isolated: no user site, no PYTHONPATH) so nothing but the script's own code runs
        procs[name] = subprocess.Popen(
            [sys.executable, "-I", str(path)], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    out = {}
    for name, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=120)
        out[name] = (proc.returncode, stdout, stderr)
    return out


# --- the PyTorch script -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(SCRIPT_RUNS))
def test_the_script_run_on_its_own_prints_the_apps_result(name, script_runs):
    code, stdout, stderr = script_runs[name]
    assert code == 0, stderr
    check_against_core(parse_result(stdout), SCRIPT_RUNS[name], BOOK, exact=name in PLAIN)


def test_the_book_script_prints_the_books_numbers(script_runs):
    _, stdout, _ = script_runs["book"]
    r = parse_result(stdout)
    assert r["stop"] == "completed" and r["epochs"] == 5000
    assert f"{r['loss']:f}" == "2.927648"  # the book: Epoch 5000, Loss 2.927648
    assert f"{r['w'] * 10:.4f}" == "5.3671" and f"{r['b']:.4f}" == "-17.3012"  # tensor([  5.3671, -17.3012])
    assert "Epoch 1, Loss 80.364342" in stdout  # the book's first epoch
    assert "Epoch 5000, Loss 2.927648" in stdout


def test_the_diverging_script_stops_at_the_first_non_finite_loss(script_runs):
    _, stdout, _ = script_runs["diverging"]
    r = parse_result(stdout)
    _, outcome = run(SCRIPT_RUNS["diverging"], BOOK)
    assert r["stop"] == "non_finite" and not math.isfinite(r["loss"])
    assert r["epochs"] == outcome.stop_epoch < 100
    assert math.isfinite(r["w"]) and r["w"] == outcome.w  # the last update applied was finite
    assert f"Epoch {r['epochs']}: the loss is" in stdout


def test_the_validation_script_holds_out_the_same_readings(script_runs):
    _, stdout, _ = script_runs["validation"]
    r = parse_result(stdout)
    _, outcome = run(SCRIPT_RUNS["validation"], BOOK)
    assert math.isfinite(r["val_loss"]) and r["val_loss"] == outcome.val_loss
    assert r["final_loss"] == outcome.final_loss


# More settings, executed in this process (same code, no torch import per run).
IN_PROCESS = {
    "converged": (TrainConfig(normalize="zscore", lr=0.1, epochs=5000, tol=1e-3), BOOK),
    "excluded_rows": (TrainConfig(), BOOK.with_include(3, False).with_include(7, False)),
    "no_stop_on_non_finite": (TrainConfig(normalize="none", lr=1e-2, epochs=60, stop_on_non_finite=False), BOOK),
    "adam_by_hand": (TrainConfig(lr=0.1, optimizer="adam", epochs=200), BOOK),
    "momentum_autograd": (
        TrainConfig(normalize="zscore", lr=0.05, momentum=0.9, epochs=200, gradient="autograd"),
        BOOK,
    ),
    "autograd_plain_raw": (TrainConfig(normalize="none", lr=1e-4, epochs=200, gradient="autograd"), BOOK),
    "zscore_validation": (TrainConfig(normalize="zscore", lr=0.1, epochs=300, val_fraction=0.4, seed=123), BOOK),
    "scale_init": (TrainConfig(scale=0.02, lr=0.5, init_w=2.0, init_b=-3.0, epochs=400), BOOK),
}


@pytest.mark.parametrize("name", list(IN_PROCESS))
def test_more_settings_match_when_executed(name, tmp_path):
    config, data = IN_PROCESS[name]
    path = tmp_path / "s.py"
    path.write_text(pytorch_script(config, data))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(str(path), run_name="__main__")
    exact = config.gradient == "manual" and config.optimizer == "sgd" and config.momentum == 0
    r = parse_result(buf.getvalue())
    check_against_core(r, config, data, exact)
    if name == "converged":
        assert r["stop"] == "converged" and r["epochs"] < 5000
    if name == "no_stop_on_non_finite":
        assert r["stop"] == "completed" and r["epochs"] == 60 and math.isnan(r["loss"])


def test_the_script_is_standalone_and_readable():
    config = TrainConfig(normalize="zscore", lr=0.1, epochs=300, val_fraction=0.3, seed=5, optimizer="adam")
    text = pytorch_script(config, BOOK)
    tree = ast.parse(text)
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert imported == {"math", "torch", "torch.optim"}
    assert "thermogui" not in text.replace("ThermoGUI", "")
    assert text.startswith("#!/usr/bin/env python3\n")
    # the data as literal lists, the settings as named values
    assert "t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4])" in text
    assert "t_c = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])" in text
    assert "learning_rate = 0.1\n" in text and "n_epochs = 300\n" in text and "seed = 5\n" in text
    assert "torch.randperm(n, generator=torch.Generator().manual_seed(seed))" in text
    assert "optimizer = optim.Adam([params], lr=learning_rate)" in text
    norm = prepare(config, BOOK).norm  # mean and std of the training split, as float64 literals
    assert f"t_u_mean = {norm.offset!r}\n" in text and f"t_u_std = {norm.std!r}\n" in text
    assert "return (t - t_u_mean) / t_u_std" in text
    assert max(len(line) for line in text.splitlines()) <= 120


def test_the_book_script_uses_the_books_functions():
    text = pytorch_script(TrainConfig(), BOOK)
    for piece in (
        "def model(t_u, w, b):",
        "def loss_fn(t_p, t_c):",
        "def dloss_fn(t_p, t_c):",
        "def grad_fn(t_u, t_c, t_p, w, b):",
        "params = params - learning_rate * grad",
        "def training_loop(n_epochs, learning_rate, params, t_u, t_c):",
        "return t * scale",
    ):
        assert piece in text
    assert "import torch.optim" not in text and ".backward()" not in text and "randperm" not in text
    auto = pytorch_script(TrainConfig(gradient="autograd"), BOOK)
    assert "requires_grad=True" in auto and "loss.backward()" in auto and "def grad_fn" not in auto


def test_excluded_readings_are_left_out_of_the_script():
    data = BOOK.with_include(0, False)
    text = pytorch_script(TrainConfig(), data)
    assert "t_u = torch.tensor([55.9, 58.2," in text and "35.7" not in text
    assert "left out: 1 reading excluded in ThermoGUI" in text


def test_many_readings_are_wrapped_in_lines():
    rng = np.random.default_rng(0)
    t_u = rng.uniform(0, 100, 500).round(3)
    data = Dataset(t_u, 0.5 * t_u - 17 + rng.normal(0, 1, 500).round(3))
    text = pytorch_script(TrainConfig(epochs=3), data)
    ns: dict = {}
    exec(compile(text.split("# Settings")[0], "s.py", "exec"), ns)  # just the data part
    assert ns["t_u"].tolist() == pytest.approx(t_u.tolist(), rel=1e-6) and len(ns["t_c"]) == 500
    assert max(len(line) for line in text.splitlines()) <= 120


def test_a_run_that_cannot_start_gives_no_script():
    with pytest.raises(ConfigError):
        pytorch_script(TrainConfig(lr=-1.0), BOOK)
    with pytest.raises(DataError):
        pytorch_script(TrainConfig(normalize="zscore"), Dataset([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]))


def test_write_pytorch_script_is_executable_and_atomic(tmp_path, monkeypatch):
    path = tmp_path / "fit.py"
    write_pytorch_script(path, TrainConfig(epochs=10), BOOK)
    assert os.access(path, os.X_OK)
    before = path.read_text()
    monkeypatch.setattr(atomic.os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    with pytest.raises(OSError):
        write_pytorch_script(path, TrainConfig(epochs=20), BOOK)
    assert path.read_text() == before and "n_epochs = 10\n" in before
    assert [p.name for p in tmp_path.iterdir()] == ["fit.py"]


# --- history CSV --------------------------------------------------------------------------------------------------
def read_history(text: str) -> list[dict]:
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines))


def test_history_csv_columns_and_values_from_a_history_snapshot():
    config = TrainConfig(epochs=40, val_fraction=0.3, seed=5)
    results, _ = run(config, BOOK)
    history = History(16)
    for r in results:
        history.append(r)
    text = history_csv(history.snapshot(), prepare(config, BOOK).norm)
    assert text.splitlines()[0] == (
        "# normalization scale: the model trains t_c = w_model * x + b_model with "
        "x = t_u * 0.1; w, b are raw units: t_c = w * t_u + b"
    )
    assert text.splitlines()[1] == "epoch,loss,val_loss,w,b,w_model,b_model,grad_w,grad_b"
    rows = read_history(text)
    assert len(rows) == 40 and tuple(rows[0]) == HISTORY_COLUMNS
    for row, r in zip(rows, results):
        assert row["epoch"] == str(r.epoch)
        got = {k: float(v) for k, v in row.items() if k != "epoch"}
        assert got == {
            "loss": r.loss,
            "val_loss": r.val_loss,
            "w": r.w_raw,
            "b": r.b_raw,
            "w_model": r.w,
            "b_model": r.b,
            "grad_w": r.grad_w,
            "grad_b": r.grad_b,
        }  # exact: repr round trips
    assert rows[0]["loss"] == repr(results[0].loss)


def test_history_csv_writes_nan_and_inf():
    results, outcome = run(TrainConfig(normalize="none", lr=1e-2, epochs=100), BOOK)
    text = history_csv(results)  # a list of EpochResult works too; no normalization: no comment line
    assert text.startswith("epoch,loss,")
    rows = read_history(text)
    assert len(rows) == outcome.stop_epoch
    assert rows[-1]["loss"] in ("inf", "nan") and rows[-1]["loss"] == repr(results[-1].loss)
    assert {row["val_loss"] for row in rows} == {"nan"}  # no validation split
    rows = read_history(history_csv([EpochResult(1, math.inf, math.nan, -math.inf, 0.0, 1.0, 2.0, 3.0, 4.0)]))
    assert rows == [
        {
            "epoch": "1",
            "loss": "inf",
            "val_loss": "nan",
            "w": "1.0",
            "b": "2.0",
            "w_model": "-inf",
            "b_model": "0.0",
            "grad_w": "3.0",
            "grad_b": "4.0",
        }
    ]


def test_history_csv_loads_with_numpy_and_handles_an_empty_history():
    config = TrainConfig(normalize="zscore", lr=0.1, epochs=5)
    results, _ = run(config, BOOK)
    arr = np.genfromtxt(io.StringIO(history_csv(results)), delimiter=",", names=True)
    assert arr["epoch"].tolist() == [1, 2, 3, 4, 5] and arr["w"][-1] == results[-1].w_raw
    assert np.isnan(arr["val_loss"]).all()
    # with the normalization comment: skip it (genfromtxt would take a first comment line for the header)
    arr = np.genfromtxt(
        io.StringIO(history_csv(results, prepare(config, BOOK).norm)), delimiter=",", names=True, skip_header=1
    )
    assert arr["w_model"].tolist() == [r.w for r in results]
    assert history_csv(History().snapshot()) == ",".join(HISTORY_COLUMNS) + "\n"
    with pytest.raises(ValueError, match="9 columns"):
        history_csv(np.zeros((3, 4)))


def test_write_history_csv(tmp_path):
    results, _ = run(TrainConfig(epochs=3), BOOK)
    path = tmp_path / "h.csv"
    write_history_csv(path, results)
    assert path.read_text() == history_csv(results)


# --- result JSON ------------------------------------------------------------------------------------------------
def test_result_json_is_the_summary():
    config = TrainConfig(epochs=100)
    _, outcome = run(config, BOOK)
    summary = summarize(config, BOOK, outcome)
    text = result_json(summary)
    assert json.loads(text) == summary
    assert json.loads(text)["w"] == outcome.w and json.loads(text)["stop_reason"] == "completed"


def test_result_json_writes_non_finite_as_null(tmp_path):
    config = TrainConfig(normalize="none", lr=1e-2, epochs=100)
    _, outcome = run(config, BOOK)
    summary = summarize(config, BOOK, outcome)
    raw = {**summary, "loss": math.inf, "extra": [math.nan, 1.0], "stop_reason": outcome.stop_reason}
    text = result_json(raw)
    d = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} written"))
    assert d["loss"] is None and d["extra"] == [None, 1.0] and d["stop_reason"] == "non_finite"
    path = tmp_path / "r.json"
    write_result_json(path, raw)
    assert path.read_text() == text
