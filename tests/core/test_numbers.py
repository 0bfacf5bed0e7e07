"""core.numbers: every number formatter the app uses, and the one JSON cleaner."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest

from thermogui.core import numbers
from thermogui.core.config import StopReason
from thermogui.core.dataset import Dataset
from thermogui.core.numbers import (
    DASH,
    MINUS,
    equation,
    fmt_coef,
    fmt_diff,
    fmt_exact,
    fmt_float,
    fmt_grad,
    fmt_limit,
    fmt_lr,
    fmt_num,
    fmt_reading,
    fmt_signed,
    fmt_spec,
    fmt_spin,
    fmt_temp,
    fmt_tensor,
    fmt_trim,
    json_clean,
    round_sig,
    tidy_exponent,
)
from thermogui.core.training import TrainConfig, run

BOOK = Dataset.book()


def m(text: str) -> str:
    """Write expectations with ASCII '-' and compare against the typographic minus."""
    return text.replace("-", MINUS)


# --- the equation: the book's two runs -------------------------------------------------------------------------------
def test_equation_of_the_books_final_run_reads_as_in_the_readme():
    _, outcome = run(TrainConfig(), BOOK)  # t_un = 0.1 t_u, lr 1e-2, 5000 epochs: w 0.53671 per raw unit, b -17.3012
    assert equation(outcome.w, outcome.b) == m("t_c = 0.5367 · t_u - 17.30")


def test_equation_shows_b_to_the_books_four_decimals_when_b_is_small():
    _, outcome = run(TrainConfig(normalize="none", lr=1e-4, epochs=100), BOOK)  # the book: [0.2327, -0.0438]
    assert equation(outcome.w, outcome.b) == m("t_c = 0.2327 · t_u - 0.0438")  # not -0.04 (2 decimals, as before)
    assert equation(0.2327, -0.0438) == m("t_c = 0.2327 · t_u - 0.0438")


@pytest.mark.parametrize(
    ("w", "b", "text"),
    [
        (1.0, 0.0, "t_c = 1.0000 · t_u + 0.00"),  # the start line
        (1.0, -0.0, "t_c = 1.0000 · t_u + 0.00"),
        (0.5, 3.14159, "t_c = 0.5000 · t_u + 3.142"),
        (0.5, -123.456, "t_c = 0.5000 · t_u - 123.46"),
        (0.5, 3e-6, "t_c = 0.5000 · t_u + 3.000e-6"),  # tiny and huge b in e-notation, as w is
        (2e5, -2.5e7, "t_c = 2.000e5 · t_u - 2.500e7"),
        (math.nan, 1.0, "t_c = — (the parameters are no longer finite)"),
        (1.0, math.inf, "t_c = — (the parameters are no longer finite)"),
    ],
)
def test_equation_edges(w, b, text):
    assert equation(w, b) == m(text)


@pytest.mark.parametrize(
    ("v", "text"),
    [
        (-17.3012, "-17.30"),
        (-0.043777, "-0.0438"),
        (-0.0438, "-0.0438"),
        (3.14159, "3.142"),
        (123.456, "123.46"),
        (0.5, "0.5000"),
        (9.99996, "10.00"),
        (0.099996, "0.1000"),
        (0.0, "0.00"),
        (-1e-9, "0.0000"),
        (math.inf, "∞"),
    ],
)
def test_fmt_coef_four_decimals_at_most_four_significant_digits_at_least_two_decimals(v, text):
    assert fmt_coef(v) == m(text)


# --- what a learner reads ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("v", "digits", "text"),
    [
        (1763.8848, 4, "1763.8848"),  # the book's first loss
        (-17.3012, 2, "-17.30"),
        (5802484.5, 4, "5.802e6"),  # the book's second loss: e-notation without padding or plus sign
        (1e-5, 4, "1.000e-5"),
        (-0.0, 4, "0.0000"),  # no signed zero
        (None, 4, DASH),
        (math.nan, 4, DASH),
        (math.inf, 4, "∞"),
        (-math.inf, 4, "-∞"),
    ],
)
def test_fmt_num(v, digits, text):
    assert fmt_num(v, digits) == m(text)


@pytest.mark.parametrize(
    ("v", "text"),
    [
        (1e-2, "0.01"),
        (0.123456, "0.123"),
        (2.0, "2"),
        (1e-4, "1e-4"),
        (3.4e-4, "3.4e-4"),
        (5.839e-3, "5.8e-3"),
    ],
)
def test_fmt_lr(v, text):
    assert fmt_lr(v) == text


def test_fmt_trim_numbers_in_a_worked_equation():
    values = (3.57, -17.30, 0.0, -0.0, 6.091e-4, 1e30, 100.0, math.inf, math.nan)
    assert [fmt_trim(v) for v in values] == ["3.57", m("-17.3"), "0", "0", m("6.091e-4"), "1.000e30", "100", "∞", "nan"]
    assert fmt_trim(0.010000001, 6) == "0.01" and fmt_trim(-1.6e-9, 4, 1) == m("-2e-9")


def test_fmt_grad_and_fmt_diff_in_the_inspector():
    assert [fmt_grad(v) for v in (4517.2964, 82.6, -261257.40625, 1.23456e-3, 2.5e6, math.nan)] == [
        "4517.2964",
        "82.6000",
        m("-2.613e5"),
        m("1.2346e-3"),
        "2.5000e6",
        "nan",
    ]
    assert fmt_diff(0.0, 0.0) == "0  (rel. 0)"
    assert fmt_diff(3e-6, 1.2e-7) == m("3.0e-6  (rel. 1.2e-7)")
    assert fmt_diff(0.0, math.nan) == f"0  (rel. {DASH})"


def test_fmt_temp_and_fmt_signed_never_show_a_negative_zero():
    assert [fmt_temp(v) for v in (15.0, -4.5, -0.001, 2.5e7, math.nan, -math.inf)] == [
        "15.00",
        m("-4.50"),
        "0.00",
        "2.500e7",
        DASH,
        DASH,
    ]
    assert fmt_temp(21.84, 1) == "21.8"
    assert [fmt_signed(v) for v in (1.26, -0.8, -0.01, math.nan)] == ["+1.3", m("-0.8"), "+0.0", DASH]


# --- controls, table, files, command line ------------------------------------------------------------------------
def test_fmt_float_is_the_shortest_text_that_reads_back():
    assert [fmt_float(v) for v in (0.0, 0.01, 1e-5, 5.3671, 1e20, -2.5e-7)] == [
        "0",
        "0.01",
        "1e-5",
        "5.3671",
        "1e20",
        "-2.5e-7",
    ]
    for v in np.random.default_rng(5).standard_normal(200) * 10.0 ** np.arange(-100, 100):
        assert float(fmt_float(v)) == v


def test_fmt_spin_fmt_limit_fmt_reading():
    assert [fmt_spin(v) for v in (0.0, 0.01, 1e-4, 5000.0, 12345.6, 1.0 / 3)] == [
        "0",
        "0.01",
        "1e-4",
        "5000",
        "1.23456e4",
        "0.333333",
    ]
    assert [
        fmt_limit(v, k)
        for v, k in ((None, "float"), (10_000_000, "int"), (1e6, "float"), (1e-5, "float"), (0.99, "float"))
    ] == [DASH, "10,000,000", "1e6", "1e-5", "0.99"]
    assert [fmt_reading(v) for v in (35.7, 1.0 / 3, 1e20, -4.0)] == ["35.7", "0.3333333333", "1e+20", "-4"]


def test_fmt_exact_reads_back_bit_for_bit():
    assert [fmt_exact(v) for v in (0.1, 1.0, -0.0, math.nan, math.inf, -math.inf)] == [
        "0.1",
        "1.0",
        "-0.0",
        "nan",
        "inf",
        "-inf",
    ]
    f32 = np.float32(0.1)
    assert fmt_exact(f32) == "0.10000000149011612" and np.float32(float(fmt_exact(f32))) == f32


def test_fmt_tensor_prints_like_torch_and_fmt_spec_shows_nulls():
    assert fmt_tensor(4517.2964, 82.6) == "[4517.2964, 82.6000]"  # the book's first gradient
    assert fmt_tensor(-8.7385e8, -1.5393e7) == "[-8.7385e+08, -1.5393e+07]"
    assert fmt_tensor(1.0, 2.0) == "[1., 2.]"
    assert fmt_spec(2.9276479, ".6f") == "2.927648" and fmt_spec(None, ".6f") == "n/a"


def test_round_sig_and_tidy_exponent():
    assert round_sig(0.005839) == 0.0058 and round_sig(1234.5, 3) == 1230.0
    assert tidy_exponent("6.091e-04") == "6.091e-4" and tidy_exponent("1.000e+30") == "1.000e30"
    assert tidy_exponent("3.40e-04", strip_zeros=True) == "3.4e-4" and tidy_exponent("inf") == "inf"


# --- one JSON cleaner --------------------------------------------------------------------------------------------
def test_json_clean_makes_strict_json():
    raw = {
        "loss": math.inf,
        "val": math.nan,
        "w": np.float32(0.5),
        "n": np.int64(11),
        "ok": np.bool_(True),
        "pair": (1.0, -math.inf),
        "arr": np.array([1.0, np.nan]),
        "stop_reason": StopReason.NON_FINITE,
        3: {"nested": [math.nan, (2, 3)]},
        "text": "-inf",
        "none": None,
        "flag": False,
    }
    clean = json_clean(raw)
    assert clean == {
        "loss": None,
        "val": None,
        "w": 0.5,
        "n": 11,
        "ok": True,
        "pair": [1.0, None],
        "arr": [1.0, None],
        "stop_reason": "non_finite",
        "3": {"nested": [None, [2, 3]]},
        "text": "-inf",
        "none": None,
        "flag": False,
    }
    assert type(clean["w"]) is float and type(clean["n"]) is int and type(clean["ok"]) is bool
    json.dumps(clean, allow_nan=False)  # strict JSON: no NaN / Infinity tokens
    assert json_clean(math.nan) is None and json_clean(2.5) == 2.5 and json_clean("x") == "x"


def test_every_json_writer_uses_the_one_cleaner():
    from thermogui.core import exports, report, session

    assert report.json_clean is session.json_clean is exports.json_clean is json_clean
    summary = {"loss": math.inf, "w": np.float64(0.5), "stop_reason": StopReason.COMPLETED}
    assert json.loads(exports.result_json(summary)) == {"loss": None, "w": 0.5, "stop_reason": "completed"}


# --- one home --------------------------------------------------------------------------------------------------
def test_old_homes_re_export_the_same_functions():
    from thermogui import cli
    from thermogui.core import explain

    assert (explain.fmt_num, explain.fmt_lr, explain.equation, explain.MINUS) == (fmt_num, fmt_lr, equation, MINUS)
    assert cli.format_pair is fmt_tensor


@pytest.mark.parametrize("v", [3.57, -17.3012, 0.0, -0.0, 6.091e-4, 1e30, 5.82, 0.1, math.inf, -math.inf, math.nan])
def test_copies_still_awaiting_their_owners_agree_with_the_one_home(v):
    """gradients.num and fields.fmt_float / fmt_limit are still defined in their modules until their owners import
    them from core.numbers; until then they must not drift."""
    from thermogui.core import fields, gradients

    num = getattr(gradients, "num", fmt_trim)  # once a copy is gone (or is an import) this checks nothing new
    old_float, old_limit = getattr(fields, "fmt_float", fmt_float), getattr(fields, "fmt_limit", fmt_limit)
    for decimals, sig in ((4, 4), (6, 4), (4, 5), (4, 2)):
        assert num(v, decimals, sig) == fmt_trim(v, decimals, sig)
    if math.isfinite(v):
        assert old_float(v) == fmt_float(v)
        assert old_limit(v, "float") == fmt_limit(v, "float")


def test_numbers_imports_no_qt_torch_or_numpy():
    code = (
        "import sys, thermogui.core.numbers; "
        "print(sorted(m for m in ('PySide6', 'torch', 'numpy', 'pyqtgraph') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert not hasattr(numbers, "np")
