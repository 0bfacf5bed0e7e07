"""`thermogui fit`: the book's runs headless, the book's log lines, JSON output, and one-line errors with exit code 2.

Most tests call thermogui.cli.main(argv) in-process (fast); a few run the real command in a subprocess.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

import thermogui
from thermogui.cli import format_pair, main
from thermogui.core.analysis import least_squares, lr_stable_max
from thermogui.core.dataset import BOOK_T_C, BOOK_T_U, Dataset
from thermogui.core.training import TrainConfig, prepare

REPO = Path(thermogui.__file__).parent.parent
BOOK = Dataset.book()
LS = least_squares(BOOK.t_u, BOOK.t_c)

# Lines exactly as the chapter-5 notebook printed them (its output is cut off after these).
NOTEBOOK_RAW_LR_1E2 = """
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
"""
NOTEBOOK_RAW_LR_1E4 = """
Epoch : 1  Loss : 1763.88  Grad : tensor([4517.2964,   82.6000])
Epoch : 2  Loss : 323.09  Grad : tensor([1859.5493,   35.7843])
Epoch : 3  Loss : 78.93  Grad : tensor([765.4666,  16.5122])
Epoch : 4  Loss : 37.55  Grad : tensor([315.0790,   8.5787])
Epoch : 5  Loss : 30.54  Grad : tensor([129.6733,   5.3127])
Epoch : 6  Loss : 29.35  Grad : tensor([53.3495,  3.9682])
Epoch : 7  Loss : 29.15  Grad : tensor([21.9304,  3.4148])
Epoch : 8  Loss : 29.11  Grad : tensor([8.9964, 3.1869])
Epoch : 9  Loss : 29.11  Grad : tensor([3.6721, 3.0930])
Epoch : 10  Loss : 29.11  Grad : tensor([1.4803, 3.0544])
Epoch : 11  Loss : 29.10  Grad : tensor([0.5781, 3.0384])
Epoch : 12  Loss : 29.10  Grad : tensor([0.2066, 3.0318])
Epoch : 13  Loss : 29.10  Grad : tensor([0.0537, 3.0291])
Epoch : 14  Loss : 29.10  Grad : tensor([-0.0093,  3.0279])
Epoch : 15  Loss : 29.10  Grad : tensor([-0.0353,  3.0274])
Epoch : 16  Loss : 29.10  Grad : tensor([-0.0459,  3.0272])
"""
NOTEBOOK_SCALED = """
Epoch : 1  Loss : 80.36  Grad : tensor([-77.6140, -10.6400])
Epoch : 2  Loss : 37.57  Grad : tensor([-30.8623,  -2.3864])
Epoch : 3  Loss : 30.87  Grad : tensor([-12.4631,   0.8587])
Epoch : 4  Loss : 29.76  Grad : tensor([-5.2218,  2.1327])
Epoch : 5  Loss : 29.51  Grad : tensor([-2.3715,  2.6310])
Epoch : 6  Loss : 29.39  Grad : tensor([-1.2492,  2.8241])
Epoch : 7  Loss : 29.30  Grad : tensor([-0.8071,  2.8970])
Epoch : 8  Loss : 29.21  Grad : tensor([-0.6325,  2.9227])
Epoch : 9  Loss : 29.12  Grad : tensor([-0.5633,  2.9298])
Epoch : 10  Loss : 29.03  Grad : tensor([-0.5355,  2.9295])
Epoch : 11  Loss : 28.94  Grad : tensor([-0.5240,  2.9264])
Epoch : 12  Loss : 28.85  Grad : tensor([-0.5190,  2.9222])
Epoch : 13  Loss : 28.77  Grad : tensor([-0.5165,  2.9175])
Epoch : 14  Loss : 28.68  Grad : tensor([-0.5150,  2.9126])
Epoch : 15  Loss : 28.59  Grad : tensor([-0.5138,  2.9077])
Epoch : 16  Loss : 28.50  Grad : tensor([-0.5129,  2.9028])
Epoch : 78  Loss : 23.64  Grad : tensor([-0.4615,  2.6124])
Epoch : 79  Loss : 23.57  Grad : tensor([-0.4607,  2.6080])
Epoch : 80  Loss : 23.50  Grad : tensor([-0.4599,  2.6035])
Epoch : 81  Loss : 23.43  Grad : tensor([-0.4591,  2.5991])
Epoch : 82  Loss : 23.36  Grad : tensor([-0.4584,  2.5947])
Epoch : 83  Loss : 23.29  Grad : tensor([-0.4576,  2.5903])
Epoch : 84  Loss : 23.22  Grad : tensor([-0.4568,  2.5859])
Epoch : 85  Loss : 23.15  Grad : tensor([-0.4560,  2.5815])
Epoch : 86  Loss : 23.09  Grad : tensor([-0.4553,  2.5771])
Epoch : 87  Loss : 23.02  Grad : tensor([-0.4545,  2.5727])
Epoch : 88  Loss : 22.95  Grad : tensor([-0.4537,  2.5684])
Epoch : 89  Loss : 22.88  Grad : tensor([-0.4529,  2.5640])
Epoch : 90  Loss : 22.81  Grad : tensor([-0.4522,  2.5597])
Epoch : 91  Loss : 22.75  Grad : tensor([-0.4514,  2.5553])
Epoch : 92  Loss : 22.68  Grad : tensor([-0.4506,  2.5510])
Epoch : 93  Loss : 22.61  Grad : tensor([-0.4499,  2.5466])
"""


def untensor(line: str) -> str:
    """The notebook's `Grad : tensor([a,   b])` in the command's unpadded form `Grad : [a, b]`."""
    line = line.replace("tensor(", "")
    line = line[:-1] if line.endswith(")") else line
    return re.sub(r"\[\s+", "[", re.sub(r",\s+", ", ", line))


def notebook(block: str) -> list[str]:
    return [untensor(ln) for ln in block.strip().splitlines()]


def book_printed_lines(n_epochs: int, learning_rate: float, t_u, t_c) -> list[str]:
    """The book's training_loop, literally, with its print captured (torch's own tensor formatting)."""
    params = torch.tensor([1.0, 0.0])
    out = io.StringIO()
    torch.set_printoptions(edgeitems=2, linewidth=75)
    try:
        with contextlib.redirect_stdout(out):
            for epoch in range(1, n_epochs + 1):
                w, b = params
                t_p = w * t_u + b
                loss = ((t_p - t_c) ** 2).mean()
                dloss_dtp = 2 * (t_p - t_c) / t_p.size(0)
                grad = torch.stack([(dloss_dtp * t_u).sum(), (dloss_dtp * 1.0).sum()])
                params = params - learning_rate * grad
                print(f"Epoch : {epoch}  Loss : {loss:.2f}  Grad : {grad}")
    finally:
        torch.set_printoptions(profile="default")
    return [untensor(ln) for ln in out.getvalue().splitlines()]


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    out, err = capsys.readouterr()
    code = exit_.value.code
    return (0 if code is None else code), out, err


def fit_json(capsys, *argv: str) -> dict:
    code, out, err = cli(capsys, "fit", "--json", *argv)
    assert code == 0, err
    assert err == ""
    return json.loads(out)


def log_lines(out: str) -> list[str]:
    return [ln for ln in out.splitlines() if ln.startswith("Epoch : ")]


def f4(v) -> str:
    return f"{v:.4f}"


# --- the book's runs, through `thermogui fit --json` ------------------------------------------------------------------
def test_book_final_run_is_the_default(capsys):
    r = fit_json(capsys)
    assert r["stop_reason"] == "completed"
    assert r["epochs_run"] == r["stop_epoch"] == r["last_finite_epoch"] == 5000
    assert (f4(r["w_model"]), f4(r["b_model"])) == ("5.3671", "-17.3012")
    assert f"{r['w']:.5f}" == "0.53671" and f4(r["b"]) == "-17.3012"
    assert f"{r['loss']:.6f}" == "2.927648"
    assert r["val_loss"] is None  # no validation split: nan is written as null
    assert r["lstsq"] == pytest.approx({"w": LS.w, "b": LS.b, "loss": LS.loss}, rel=1e-12)
    x = prepare(TrainConfig(), BOOK).x.double().numpy()
    assert r["lr_stable_max"] == pytest.approx(lr_stable_max(x), rel=1e-12)
    assert f"{r['lr_stable_max']:.4g}" == "0.03298"
    resid = r["w"] * BOOK.t_u + r["b"] - BOOK.t_c
    m = r["metrics"]
    assert m["n"] == 11
    assert m["rmse"] == pytest.approx(math.sqrt(np.mean(resid**2)), rel=1e-12)
    assert m["mae"] == pytest.approx(np.mean(np.abs(resid)), rel=1e-12)
    ss_tot = np.sum((BOOK.t_c - BOOK.t_c.mean()) ** 2)
    assert m["r2"] == pytest.approx(1 - np.sum(resid**2) / ss_tot, rel=1e-12)


def test_book_raw_lr_1e2_stops_at_epoch_11(capsys):
    r = fit_json(capsys, "--normalize", "none", "--lr", "1e-2", "--epochs", "100")
    assert r["stop_reason"] == "non_finite"
    assert (r["stop_epoch"], r["last_finite_epoch"], r["epochs_run"]) == (11, 10, 11)
    assert r["loss"] is None and r["final_loss"] is None  # inf -> null
    assert f"{r['last_finite_loss']:.6g}" == "9.09011e+34"
    # the parameters the run stopped at (after epoch 10) are still finite numbers
    assert r["w"] == r["w_model"] and f"{r['w_model']:.4e}" == "3.2144e+17"
    assert f"{r['lr_stable_max']:.4g}" == "0.0003399"


def test_book_raw_lr_1e2_run_on_ends_in_nan(capsys):
    r = fit_json(capsys, "--normalize", "none", "--lr", "1e-2", "--epochs", "100", "--no-stop-on-nonfinite")
    assert r["stop_reason"] == "completed" and r["epochs_run"] == 100 and r["last_finite_epoch"] == 10
    for key in ("w", "b", "w_model", "b_model", "loss", "final_loss"):
        assert r[key] is None, key
    assert r["metrics"]["rmse"] is None and r["metrics"]["r2"] is None
    assert r["lstsq"]["w"] == pytest.approx(LS.w)  # the finite parts are still there


def test_book_raw_lr_1e4(capsys):
    r = fit_json(capsys, "--normalize", "none", "--lr", "1e-4", "--epochs", "100")
    assert r["stop_reason"] == "completed"
    assert (f4(r["w_model"]), f4(r["b_model"])) == ("0.2327", "-0.0438")
    assert (r["w"], r["b"]) == (r["w_model"], r["b_model"])
    assert round(r["loss"], 2) == 29.02 and round(r["final_loss"], 2) == 29.02


def test_book_scaled_100_epochs(capsys):
    r = fit_json(capsys, "--normalize", "scale", "--scale", "0.1", "--lr", "1e-2", "--epochs", "100")
    assert (f4(r["w_model"]), f4(r["b_model"])) == ("2.7553", "-2.5162")
    assert r["w"] == pytest.approx(0.1 * r["w_model"], rel=1e-12)
    assert r["normalization"] == {"kind": "scale", "offset": 0.0, "factor": 0.1}


def test_json_has_every_documented_key(capsys):
    r = fit_json(capsys, "--epochs", "3")
    for key in (
        "stop_reason",
        "epochs_run",
        "stop_epoch",
        "last_finite_epoch",
        "loss",
        "val_loss",
        "w",
        "b",
        "w_model",
        "b_model",
        "lstsq",
        "lr_stable_max",
        "metrics",
    ):
        assert key in r, key
    assert set(r["lstsq"]) >= {"w", "b", "loss"} and set(r["metrics"]) >= {"rmse", "mae", "r2"}


# --- the book's log lines ---------------------------------------------------------------------------------------------
def test_log_every_1_prints_the_notebooks_lines_raw_lr_1e2(capsys):
    code, out, _ = cli(capsys, "fit", "--normalize", "none", "--lr", "1e-2", "--epochs", "100", "--log-every", "1")
    assert code == 0
    lines = log_lines(out)
    assert lines[0] == "Epoch : 1  Loss : 1763.88  Grad : [4517.2964, 82.6000]"
    assert lines[1] == "Epoch : 2  Loss : 5802484.50  Grad : [-261257.4062, -4598.9702]"
    assert lines == notebook(NOTEBOOK_RAW_LR_1E2)[:11]  # it stops at epoch 11, the first inf
    assert "Stopped at epoch 11" in out and "last finite: epoch 10" in out


def test_log_every_1_run_on_prints_inf_and_nan_like_the_book(capsys):
    argv = ("fit", "--normalize", "none", "--lr", "1e-2", "--epochs", "100", "--log-every", "1")
    argv += ("--no-stop-on-nonfinite",)
    _, out, _ = cli(capsys, *argv)
    lines = log_lines(out)
    assert lines[:12] == notebook(NOTEBOOK_RAW_LR_1E2)
    assert lines == book_printed_lines(100, 1e-2, *map(torch.tensor, (BOOK_T_U, BOOK_T_C)))
    assert lines[-1] == "Epoch : 100  Loss : nan  Grad : [nan, nan]"


def test_log_every_1_prints_the_notebooks_lines_raw_lr_1e4(capsys):
    _, out, _ = cli(capsys, "fit", "--normalize", "none", "--lr", "1e-4", "--epochs", "100", "--log-every", "1")
    lines = log_lines(out)
    assert lines[:16] == notebook(NOTEBOOK_RAW_LR_1E4)
    assert lines == book_printed_lines(100, 1e-4, *map(torch.tensor, (BOOK_T_U, BOOK_T_C)))


def test_log_every_1_prints_the_book_lines_for_all_5000_scaled_epochs(capsys):
    _, out, _ = cli(capsys, "fit", "--log-every", "1")
    lines = log_lines(out)
    expected = notebook(NOTEBOOK_SCALED)
    assert lines[:16] == expected[:16] and lines[77:93] == expected[16:]
    t_u, t_c = map(torch.tensor, (BOOK_T_U, BOOK_T_C))
    book = book_printed_lines(5000, 1e-2, t_u * 0.1, t_c)
    assert len(lines) == 5000
    assert lines == book  # including the last epochs, where torch switches to e-notation
    assert lines[-1].startswith("Epoch : 5000  Loss : 2.93  Grad : [")
    assert any("e-05" in ln for ln in lines[4900:])


def test_log_every_n(capsys):
    _, out, _ = cli(capsys, "fit", "--epochs", "100", "--log-every", "50")
    assert [ln.split("  ")[0] for ln in log_lines(out)] == ["Epoch : 1", "Epoch : 50", "Epoch : 100"]
    _, out, _ = cli(capsys, "fit", "--epochs", "100")
    assert log_lines(out) == []


@pytest.mark.parametrize(
    "values",
    [
        (4517.2964, 82.6),
        (-261257.40625, -4598.97021484375),
        (15109614.0, 266155.6875),
        (-8.7385e8, -1.5393e7),
        (-9.9361e-05, 6.6355e-04),
        (0.0, 0.0),
        (2.0, 3.0),
        (2000.0, 1.0),
        (-0.0, 5.5),
        (math.inf, 1e37),
        (math.inf, math.nan),
        (math.nan, math.nan),
        (1e-5, 0.0),
        (0.5, 0.0),
        (123456789.0, 1.0),
        (1.5, 1500.0),
        (0.00012, 0.5),
        (3.0, 1e9),
    ],
)
def test_format_pair_is_torchs_tensor_format(values):
    f32 = torch.tensor(values, dtype=torch.float32)
    torch.set_printoptions(profile="default")
    assert format_pair(*f32.tolist()) == untensor(repr(f32))


# --- other options ----------------------------------------------------------------------------------------------------
def test_text_summary(capsys):
    code, out, err = cli(capsys, "fit")
    assert code == 0 and err == ""
    assert "Completed after 5000 epochs: loss 2.927648" in out
    assert "t_c = 0.536708 * t_u" in out and "least squares: t_c = 0.536772 * t_u" in out


def test_non_finite_summary_names_the_stable_rate(capsys):
    _, out, _ = cli(capsys, "fit", "--normalize", "none", "--lr", "1e-2", "--epochs", "100")
    assert "Stopped at epoch 11: the loss is no longer finite (last finite: epoch 10" in out
    assert "largest stable learning rate for this data is 0.00034" in out


def test_converged_with_tol(capsys):
    r = fit_json(capsys, "--normalize", "zscore", "--lr", "0.1", "--tol", "1e-4")
    assert r["stop_reason"] == "converged" and r["stop_epoch"] < 200
    assert (r["w"], r["b"]) == pytest.approx((LS.w, LS.b), rel=1e-4)
    assert r["normalization"]["kind"] == "zscore"


@pytest.mark.parametrize(
    "argv",
    [
        ("--optimizer", "adam", "--lr", "0.1", "--epochs", "3000"),
        ("--optimizer", "adam", "--lr", "0.1", "--epochs", "3000", "--grad", "autograd"),
        ("--momentum", "0.9", "--epochs", "2000"),
    ],
    ids=["adam", "adam-autograd", "momentum"],
)
def test_optimizers(capsys, argv):
    r = fit_json(capsys, *argv)
    assert (r["w"], r["b"]) == pytest.approx((LS.w, LS.b), rel=1e-4)


def test_autograd_reproduces_the_book(capsys):
    r = fit_json(capsys, "--grad", "autograd")
    assert (r["w_model"], r["b_model"]) == pytest.approx((5.3671, -17.3012), abs=5e-5)


def test_validation_split(capsys):
    r = fit_json(capsys, "--val-fraction", "0.2", "--seed", "1", "--epochs", "200")
    assert r["metrics"]["n"] == 9 and r["val_metrics"]["n"] == 2
    assert isinstance(r["val_loss"], float) and r["val_loss"] > 0
    assert r == fit_json(capsys, "--val-fraction", "0.2", "--seed", "1", "--epochs", "200")
    assert r["val_loss"] != fit_json(capsys, "--val-fraction", "0.2", "--seed", "2", "--epochs", "200")["val_loss"]


@pytest.mark.parametrize("sep, decimal", [(",", "."), (";", ","), ("\t", ",")])
def test_data_file(capsys, tmp_path, sep, decimal):
    path = tmp_path / "book.csv"
    rows = [f"{u}{sep}{c}".replace(".", decimal) for u, c in zip(BOOK_T_U, BOOK_T_C)]
    path.write_text("# my thermometer\nt_u" + sep + "t_c\n" + "\n".join(rows) + "\n", encoding="utf-8")
    from_file = fit_json(capsys, "--data", str(path), "--epochs", "100")
    default = fit_json(capsys, "--epochs", "100")
    assert from_file == default


def test_init_and_scale_options(capsys):
    r = fit_json(capsys, "--init-w", "5", "--init-b", "-17", "--scale", "0.2", "--lr", "1e-3", "--epochs", "1")
    # one plain step from (5, -17) in units of x = 0.2 * t_u
    x, y = 0.2 * BOOK.t_u, BOOK.t_c
    resid = 5.0 * x - 17.0 - y
    w1, b1 = 5.0 - 1e-3 * 2 * np.mean(resid * x), -17.0 - 1e-3 * 2 * np.mean(resid)
    assert (r["w_model"], r["b_model"]) == pytest.approx((w1, b1), rel=1e-6)
    assert r["w"] == pytest.approx(0.2 * r["w_model"], rel=1e-12)


# --- errors: one line on stderr, exit code 2 --------------------------------------------------------------------------
BAD_OPTIONS = [
    (("fit", "--lr", "0"), "learning rate"),
    (("fit", "--lr", "-1"), "learning rate"),
    (("fit", "--lr", "abc"), "'abc' is not a number"),
    (("fit", "--lr", "nan"), "must be a finite number"),
    (("fit", "--epochs", "0"), "epochs"),
    (("fit", "--epochs", "-3"), "epochs must be a whole number from 1 to 10,000,000 (got -3)"),
    (("fit", "--epochs", "2.5"), "must be a whole number"),
    (("fit", "--normalize", "minmax"), "invalid choice"),
    (("fit", "--grad", "numeric"), "invalid choice"),
    (("fit", "--optimizer", "rmsprop"), "invalid choice"),
    (("fit", "--momentum", "1"), "momentum"),
    (("fit", "--scale", "0"), "scale"),
    (("fit", "--val-fraction", "0.95"), "at most 0.9"),
    (("fit", "--val-fraction", "1.5"), "validation fraction"),
    (("fit", "--tol", "-1"), "tolerance"),
    (("fit", "--seed", "x"), "'x' is not a number"),
    (("fit", "--bogus"), "unrecognized arguments"),
    (("fit", "--lr"), "expected one argument"),
    (("frobnicate",), "invalid choice"),
]


@pytest.mark.parametrize("argv, words", BAD_OPTIONS, ids=[" ".join(a) for a, _ in BAD_OPTIONS])
def test_bad_options(capsys, argv, words):
    code, out, err = cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("thermogui: error: ")
    assert words in err


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, list[str]]]:
    bad_lines = tmp_path / "bad_lines.csv"
    bad_lines.write_text("t_u,t_c\n35.7,0.5\nabc,14\n58.2,15\n81.9,\n")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("t_u;t_c\n35,7;0,5\n55,9;14 °C\n".encode("latin-1"))
    single = tmp_path / "single.csv"
    single.write_text("35.7,0.5\n")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    (tmp_path / "folder.csv").mkdir()
    return {
        "missing": (tmp_path / "missing.csv", ["cannot read", "No such file"]),
        "bad lines": (bad_lines, ["line 3: 'abc' is not a number", "line 5: the cell is empty"]),
        "not utf-8": (latin1, ["line 3", "not UTF-8"]),
        "one reading": (single, ["at least 2"]),
        "empty": (empty, ["no readings"]),
        "a folder": (tmp_path / "folder.csv", ["cannot read"]),
    }


@pytest.mark.parametrize("case", ["missing", "bad lines", "not utf-8", "one reading", "empty", "a folder"])
def test_bad_data_file(capsys, tmp_path, case):
    path, words = _bad_files(tmp_path)[case]
    code, out, err = cli(capsys, "fit", "--data", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("thermogui: error: "), err
    assert str(path) in err
    for w in words:
        assert w in err


def test_version(capsys):
    code, out, err = cli(capsys, "--version")
    assert code == 0
    assert out.strip() == f"thermogui {thermogui.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", thermogui.__version__)


# --- the real command, in a subprocess --------------------------------------------------------------------------------
def run_cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "thermogui", *argv], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_subprocess_book_final_run_json():
    proc = run_cli("fit", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    r = json.loads(proc.stdout)
    assert r["stop_reason"] == "completed"
    assert (f4(r["w_model"]), f4(r["b_model"]), f"{r['w']:.5f}") == ("5.3671", "-17.3012", "0.53671")
    assert f"{r['loss']:.6f}" == "2.927648"


def test_subprocess_diverging_run_prints_the_book_lines_and_json_nulls():
    proc = run_cli("fit", "--normalize", "none", "--lr", "1e-2", "--epochs", "100", "--log-every", "1", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = log_lines(proc.stdout)
    assert lines == notebook(NOTEBOOK_RAW_LR_1E2)[:11]
    r = json.loads(proc.stdout[proc.stdout.index("{") :])
    assert (r["stop_reason"], r["stop_epoch"], r["last_finite_epoch"]) == ("non_finite", 11, 10)
    assert r["loss"] is None
    assert "NaN" not in proc.stdout and "Infinity" not in proc.stdout  # strict JSON


def test_subprocess_errors_and_version(tmp_path):
    proc = run_cli("fit", "--lr", "0")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("thermogui: error: argument --lr: learning rate")

    bad = tmp_path / "bad.csv"
    bad.write_text("t_u,t_c\n1,2\nx,3\n")
    proc = run_cli("fit", "--data", str(bad))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "line 3" in proc.stderr

    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"thermogui {thermogui.__version__}"


# --- ending quietly: a closed pipe, a full disk, Ctrl+C (the real command) ---------------------------------------
def start_cli(*argv: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "thermogui", *argv], cwd=REPO, text=True, stderr=subprocess.PIPE, **kwargs
    )


def test_subprocess_reader_that_goes_away_ends_it_quietly():
    """`thermogui fit --log-every 1 | head -1`: the log outgrows the pipe, the reader leaves after one line."""
    proc = start_cli("fit", "--epochs", "100000", "--log-every", "1", stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().startswith("Epoch : 1  Loss : 80.36")
        proc.stdout.close()  # as `head -1` exits
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    finally:
        proc.kill()
    assert "Traceback" not in err and err == ""
    assert code == 141  # 128 + SIGPIPE, what a shell shows for a writer whose reader went away


def test_subprocess_broken_pipe_through_head():
    proc = subprocess.run(
        ["sh", "-c", f"'{sys.executable}' -m thermogui fit --log-every 1 | head -1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.startswith("Epoch : 1  Loss : 80.36") and proc.stdout.count("\n") == 1
    assert proc.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [("--json",), ("--epochs", "2000", "--log-every", "1")], ids=["json", "log"])
def test_subprocess_full_disk_is_one_line(argv):
    with open("/dev/full", "w") as full:
        proc = start_cli("fit", *argv, stdout=full)
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert err == "thermogui: error: cannot write the output: No space left on device\n"
    assert code == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_subprocess_ctrl_c_during_a_long_fit():
    import signal

    proc = start_cli(
        "fit",
        "--epochs",
        "10000000",
        "--log-every",
        "1000",
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout.readline().startswith("Epoch : 1  ")  # training has started
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert err == "thermogui: interrupted\n"
    assert proc.returncode == 130
    assert "Completed" not in out


# --- inputs that are refused ---------------------------------------------------------------------------------
def test_empty_data_name_is_refused(capsys):
    code, out, err = cli(capsys, "fit", "--data", "", "--epochs", "1")
    assert (code, out) == (2, "")
    assert err == "thermogui: error: --data: no file name given\n"


def test_empty_plot_name_is_refused(capsys):
    code, out, err = cli(capsys, "fit", "--plot", "", "--epochs", "1")
    assert (code, out) == (2, "")
    assert err == "thermogui: error: --plot: no file name given\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_subprocess_fifo_as_data_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "readings.csv"
    os.mkfifo(fifo)  # nobody ever writes to it: reading would wait forever
    proc = run_cli("fit", "--data", str(fifo), "--epochs", "1")  # (run_cli has a timeout)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith(f"thermogui: error: {fifo}: ")
    assert "FIFO" in proc.stderr


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_device_as_data_is_refused(capsys):
    code, out, err = cli(capsys, "fit", "--data", "/dev/null", "--epochs", "1")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("thermogui: error: /dev/null: ") and "device" in err


HUGE = "1" * 10_000_000  # a 10 MB value (too long for a real command line: main() is called in-process)
LONG_VALUES = [
    ("fit", "--lr", HUGE),
    ("fit", "--epochs", HUGE),
    ("fit", "--dpi", HUGE),
    ("fit", "--log-every", HUGE),
    ("fit", "--normalize", HUGE),
    ("fit", "--data", HUGE),
    ("fit", "--plot", HUGE),
    ("fit", "--plot", HUGE + ".png"),
    ("fit", HUGE),
    ("fit", "--dpi", "-" + HUGE),
    (HUGE + "x",),
]


LONG_IDS = ["lr", "epochs", "dpi", "log-every", "normalize", "data", "plot", "plot.png", "extra", "dpi-neg", "command"]


@pytest.mark.parametrize("argv", LONG_VALUES, ids=LONG_IDS)
def test_long_values_are_cut_in_messages(capsys, argv):
    code, out, err = cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("thermogui: error: ") and err.count("\n") == 1
    assert len(err) < 500, err[:600]


@pytest.mark.parametrize(
    "argv",
    [
        ("fit", "--normalize", "a\nb"),
        ("fit", "--data", "no\nsuch.csv"),
        ("fit", "--plot", "two\nlines.txt"),
        ("fit", "--lr", "1\n2"),
    ],
)
def test_line_breaks_in_values_stay_on_one_line(capsys, argv):
    code, out, err = cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("thermogui: error: ") and err.count("\n") == 1, err


# --- --plot: bounded costs, and the resolution checked before training -------------------------------------------
def test_plot_keeps_a_bounded_history(capsys, monkeypatch, tmp_path):
    """Every EpochResult of a 10^7-epoch run would be ~5 GB: the picture gets a self-thinning History instead."""
    import thermogui.plot_export as plot_export
    from thermogui.core.history import History

    seen = {}

    def export(path, data, config, outcome, history, dpi=600, what="fit"):
        seen.update(history=history, epochs=outcome.epochs_run)

    monkeypatch.setattr(plot_export, "export_plot_headless", export)
    code, _, err = cli(capsys, "fit", "--epochs", "20000", "--plot", str(tmp_path / "fit.png"))
    assert code == 0, err
    history = seen["history"]
    assert isinstance(history, History) and history.max_rows == plot_export.PLOT_HISTORY_ROWS
    assert len(history) <= plot_export.PLOT_HISTORY_ROWS < 20000
    assert history.nbytes() <= plot_export.PLOT_HISTORY_ROWS * 9 * 8
    assert history.latest.epoch == seen["epochs"] == 20000


def test_refused_resolution_is_refused_before_training(capsys, monkeypatch, tmp_path):
    import thermogui.core.training as training

    def no_training(*args, **kwargs):
        raise AssertionError("the run started before the picture's resolution was checked")

    monkeypatch.setattr(training, "train", no_training)
    code, out, err = cli(capsys, "fit", "--epochs", "10000000", "--plot", str(tmp_path / "fit.png"), "--dpi", "2400")
    assert (code, out) == (2, "")
    assert err.startswith("thermogui: error: --dpi 2400: ") and err.count("\n") == 1
    assert "36 to 1976 dpi" in err and "SVG" in err
    assert not (tmp_path / "fit.png").exists()


def test_help_states_the_png_resolution_limit(capsys):
    code, out, _ = cli(capsys, "fit", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "36 to 2400 dpi" in text and "at most 1976" in text


@pytest.mark.parametrize(
    "where, words",
    [("missing/fit.png", "the folder"), ("afile/fit.png", "is a file, not a folder"), ("adir.png", "is a folder")],
)
def test_unwritable_plot_target_is_refused_before_training(capsys, monkeypatch, tmp_path, where, words):
    import thermogui.core.training as training

    def no_training(*args, **kwargs):
        raise AssertionError("the run started before the picture's target was checked")

    monkeypatch.setattr(training, "train", no_training)
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "adir.png").mkdir()
    code, out, err = cli(capsys, "fit", "--epochs", "10000000", "--plot", str(tmp_path / where))
    assert (code, out) == (2, "")
    assert err.startswith(f"thermogui: error: cannot write {tmp_path / where}: ") and err.count("\n") == 1
    assert words in err


# --- models: --model, --arith, --init-w2, --val-rows, params in the JSON -------------------------------------------
def quadratic_lstsq(t_u, t_c) -> tuple[np.ndarray, float]:
    """The quadratic's exact answer on raw t_u by numpy's lstsq, and its mean squared error."""
    X = np.stack([np.asarray(t_u) ** 2, np.asarray(t_u), np.ones(len(t_u))], axis=1)
    p, *_ = np.linalg.lstsq(X, np.asarray(t_c), rcond=None)
    r = X @ p - t_c
    return p, float(r @ r / len(r))


def test_the_model_options_come_from_the_field_spec(capsys):
    code, out, _ = cli(capsys, "fit", "--help")
    text = " ".join(out.split())
    assert code == 0
    for option in ("--model {line,quadratic,linear-module,mlp}", "--arith {book,fast}", "--init-w2 INIT-W2"):
        assert option in text, option
    assert "--val-rows ROWS" in text


def test_the_line_keeps_its_keys_and_gets_params(capsys):
    r = fit_json(capsys, "--epochs", "300")
    assert r["model"] == "line"
    assert r["params"] == {"w": r["w"], "b": r["b"]}  # the same numbers by both names
    assert r["params_model"] == {"w": r["w_model"], "b": r["b_model"]}
    assert list(r["params"]) == ["w", "b"]


@pytest.mark.serial  # (measures time: run alone)
def test_quadratic_fast_a_million_epochs_reaches_least_squares(capsys, monkeypatch):
    """The issue's run: 10^6 epochs of plain gradient descent on the fast exact path, in chunks (about a second)."""
    import time

    import thermogui.core.training as training

    real_train, chunks = training.train, []

    def spy(config, data, should_stop=None, chunk=None):
        gen = real_train(config, data, should_stop, chunk)
        while True:
            try:
                item = next(gen)
            except StopIteration as stop:
                return stop.value
            chunks.append(len(item) if isinstance(item, np.ndarray) else 1)
            yield item

    monkeypatch.setattr(training, "train", spy)
    start = time.perf_counter()
    argv = ("--model", "quadratic", "--normalize", "scale", "--lr", "5e-4", "--epochs", "1000000", "--arith", "fast")
    r = fit_json(capsys, *argv)
    took = time.perf_counter() - start
    assert r["stop_reason"] == "completed" and r["epochs_run"] == 1_000_000 and r["model"] == "quadratic"
    p, loss = quadratic_lstsq(BOOK.t_u, BOOK.t_c)
    assert r["lstsq"]["loss"] == pytest.approx(loss, rel=1e-9)
    assert list(r["lstsq"]["params"].values()) == pytest.approx(p, rel=1e-7)
    assert (r["final_loss"] - loss) / loss < 1e-3  # converged: within 0.1 % of the least-squares loss
    assert r["final_loss"] >= loss * (1 - 1e-12)
    assert list(r["params"]) == ["w2", "w1", "b"] and list(r["params_model"]) == ["w2", "w1", "b"]
    assert list(r["params"].values()) == pytest.approx(p, rel=2e-2)
    assert r["params_model"]["w2"] == pytest.approx(r["params"]["w2"] * 100, rel=1e-12)  # x = 0.1 t_u
    assert "w" not in r and "b_model" not in r  # no line names for the quadratic
    assert 5e4 < r["condition_number"] < 5e5 and r["lr_stable_max"] > 5e-4
    assert chunks and max(chunks) == 4096 and len(chunks) == 245  # 10^6 epochs in chunks of 4096, not one by one
    assert took < 10, f"{took:.1f} s"


def test_quadratic_fast_logs_every_n_from_its_chunks(capsys):
    argv = ("fit", "--model", "quadratic", "--arith", "fast", "--lr", "5e-4", "--epochs", "10000")
    _, out, _ = cli(capsys, *argv, "--log-every", "2500")
    lines = log_lines(out)
    assert [ln.split("  ")[0] for ln in lines] == [f"Epoch : {e}" for e in (1, 2500, 5000, 7500, 10000)]
    assert lines[0] == "Epoch : 1  Loss : 80.36  Grad : [-548.6714, -77.6140, -10.6400]"  # three gradient parts


def test_quadratic_book_arithmetic_matches_the_core_and_prints_its_equation(capsys):
    from thermogui.core.training import run

    argv = ("--model", "quadratic", "--lr", "5e-4", "--epochs", "200", "--init-w2", "0.25", "--init-w", "0.5")
    r = fit_json(capsys, *argv)
    config = TrainConfig(model="quadratic", lr=5e-4, epochs=200, init_w2=0.25, init_w=0.5)
    _, outcome = run(config, BOOK)
    assert tuple(r["params_model"].values()) == outcome.params_model  # float32 loop, bit for bit
    assert tuple(r["params"].values()) == outcome.params
    assert r["final_loss"] == outcome.final_loss
    code, out, err = cli(capsys, "fit", *argv)
    assert code == 0 and err == ""
    w2, w1, b = (f"{v:.6g}" for v in outcome.params)
    assert f"t_c = {w2} * t_u^2 + {w1} * t_u + {b}   (model units: w2 = " in out
    assert "t_c = " + f"{outcome.params[0]:.6g} * t_u +" not in out  # not the line's equation
    assert "least squares: t_c = 0.00283043 * t_u^2 + 0.247604 * t_u + -10.6496, loss 2.090720" in out


def test_a_network_prints_what_it_is(capsys):
    code, out, _ = cli(capsys, "fit", "--model", "mlp", "--hidden", "2", "--epochs", "20")
    assert code == 0
    assert "t_c = network(2 hidden units, 7 parameters)" in out and "none in closed form" in out
    r = fit_json(capsys, "--model", "mlp", "--hidden", "2", "--epochs", "20")
    assert list(r["params"]) == ["w1_1", "w1_2", "b1_1", "b1_2", "w2_1", "w2_2", "b2"]
    assert r["lstsq"] is None and r["lr_stable_max"] is None and r["hidden"] == 2


def test_val_rows_choose_the_validation_readings(capsys):
    from thermogui.core.training import run

    r = fit_json(capsys, "--epochs", "500", "--val-rows", "3,11")
    config = TrainConfig(epochs=500)
    _, outcome = run(config, BOOK.with_val_rows([2, 10]))
    assert r["val_metrics"]["n"] == 2 and r["metrics"]["n"] == 9
    assert (r["w"], r["b"], r["val_loss"]) == (outcome.w, outcome.b, outcome.val_loss)
    assert math.isfinite(r["val_loss"])
    # the same as the val column of a CSV
    assert fit_json(capsys, "--epochs", "500", "--val-rows", " 11, 3 ") == r


def test_val_rows_replace_the_csv_val_column(capsys, tmp_path):
    from thermogui.core.csvio import write_csv

    path = tmp_path / "marked.csv"
    write_csv(path, BOOK.with_val_rows([0, 1, 2]))
    from_file = fit_json(capsys, "--data", str(path), "--epochs", "50")
    assert from_file["val_metrics"]["n"] == 3
    chosen = fit_json(capsys, "--data", str(path), "--epochs", "50", "--val-rows", "4")
    assert chosen["val_metrics"]["n"] == 1


@pytest.mark.parametrize(
    "rows, message",
    [
        ("12", "--val-rows: there is no reading 12 (the readings are numbered 1 to 11)"),
        ("3,0", "--val-rows: there is no reading 0 (the readings are numbered 1 to 11)"),
        ("3,x", "--val-rows: 'x' is not a row number; give 1-based row numbers such as 3,11"),
        ("-2", "--val-rows: '-2' is not a row number; give 1-based row numbers such as 3,11"),
        (",", "--val-rows: no row numbers given; give 1-based row numbers such as 3,11"),
        ("1,2,3,4,5,6,7,8,9,10", "10 of the 11 included readings are marked as validation readings"),
    ],
)
def test_bad_val_rows_are_refused_in_one_line(capsys, rows, message):
    code, out, err = cli(capsys, "fit", "--epochs", "10", "--val-rows=" + rows)
    assert (code, out) == (2, "")
    assert err.startswith("thermogui: error: ") and err.count("\n") == 1
    assert message in err


def test_val_rows_of_an_excluded_reading_are_refused(capsys, tmp_path):
    path = tmp_path / "excluded.csv"
    path.write_text(
        "t_u,t_c,include\n" + "\n".join(f"{u},{c},{int(i != 3)}" for i, (u, c) in enumerate(zip(BOOK_T_U, BOOK_T_C)))
    )
    code, _, err = cli(capsys, "fit", "--data", str(path), "--val-rows", "2,4")
    assert code == 2
    assert err == (
        "thermogui: error: --val-rows: reading 4 is excluded (include 0 in the file), so it cannot be a validation "
        "reading\n"
    )


def test_plot_history_has_the_models_columns(capsys, monkeypatch, tmp_path):
    import thermogui.plot_export as plot_export

    seen = {}
    monkeypatch.setattr(plot_export, "export_plot_headless", lambda *a, **k: seen.update(history=a[4], outcome=a[3]))
    argv = ("fit", "--model", "quadratic", "--arith", "fast", "--lr", "5e-4", "--epochs", "30000")
    code, _, err = cli(capsys, *argv, "--plot", str(tmp_path / "q.png"))
    assert code == 0, err
    history, outcome = seen["history"], seen["outcome"]
    assert history.n_params == 3 and history.latest.epoch == 30000
    assert history.latest.params_raw == pytest.approx(outcome.params, rel=1e-12)
    rows = plot_export.history_rows(history)
    assert rows.shape[1] == 12 and rows[-1, 0] == 30000


def test_quadratic_plot_is_drawn_with_its_curve_and_parameters(capsys, qapp, tmp_path):
    from PySide6.QtGui import QImage

    path = tmp_path / "q.png"
    argv = ("fit", "--model", "quadratic", "--arith", "fast", "--lr", "5e-4", "--epochs", "1000")
    code, _, err = cli(capsys, *argv, "--plot", str(path), "--dpi", "72")
    assert code == 0, err
    image = QImage(str(path))
    assert not image.isNull()
    p, _ = quadratic_lstsq(BOOK.t_u, BOOK.t_c)
    assert float(image.text("lstsq_w2")) == pytest.approx(p[0], rel=1e-9)
    assert {"w2", "w1", "b"} <= set(image.textKeys())
