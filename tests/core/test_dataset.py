"""Readings: parsing what a person types, validation that names the row, immutable edits."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from thermogui.core.dataset import (
    MAX_ABS_VALUE,
    MAX_NUMBER_CHARS,
    DataError,
    Dataset,
    looks_like_number,
    parse_number,
    settles_decimal_comma,
)


# --- parse_number ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, value",
    [
        ("35.7", 35.7),
        (" 12 ", 12.0),
        ("\t-4.5\n", -4.5),
        ("\u22124", -4.0),  # typographic minus sign
        ("\u22120.5", -0.5),
        ("3,5", 3.5),  # decimal comma
        ("-3,25", -3.25),
        ("1.2e3", 1200.0),
        ("1E-2", 0.01),
        ("+.5", 0.5),
        ("5.", 5.0),
        ("0", 0.0),
        ("1e30", 1e30),
        ("-1e30", -1e30),
    ],
)
def test_parse_number_accepts(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text, reason",
    [
        ("abc", "'abc' is not a number"),
        ("", "empty"),
        ("   ", "empty"),
        ("nan", "not a finite number"),
        ("NaN", "not a finite number"),
        ("inf", "not a finite number"),
        ("-inf", "not a finite number"),
        ("Infinity", "not a finite number"),
        ("1e400", "too large"),
        ("-1e31", "too large"),
        ("12abc", "not a number"),
        ("3.5.1", "not a number"),
        ("1,234,5", "not a number"),
        ("3,5.1", "not a number"),
        ("0x10", "not a number"),
        ("1_000", "not a number"),
        ("--4", "not a number"),
    ],
)
def test_parse_number_refuses_with_a_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_number(text)


def test_parse_number_decimal_comma_can_be_turned_off():
    assert parse_number("3,5", decimal_comma=True) == 3.5
    with pytest.raises(ValueError, match="not a number"):
        parse_number("3,5", decimal_comma=False)


def test_parse_number_shortens_long_junk_in_its_message():
    with pytest.raises(ValueError) as err:
        parse_number("x" * 60)  # under the length limit: refused as junk, quoted to 40 characters
    assert (
        "not a number" in str(err.value) and "x" * 40 not in str(err.value) and "…' (60 characters)" in str(err.value)
    )
    with pytest.raises(ValueError) as err:
        parse_number("x" * 200)
    assert len(str(err.value)) < 120 and "…' (200 characters) is too long" in str(err.value)


@pytest.mark.serial  # (measures time: run alone)
@pytest.mark.parametrize("digits", [65, 200_000, 10_000_000])
def test_parse_number_refuses_long_text_by_its_length_before_parsing(digits, monkeypatch):
    import thermogui.core.dataset as dataset

    class Untouchable:
        def match(self, text):
            raise AssertionError("a regex ran on text that is too long")

    text = "9" * digits
    monkeypatch.setattr(dataset, "_NUMBER", Untouchable())  # refused before any regex or float()
    monkeypatch.setattr(dataset, "_AMBIGUOUS_COMMA", Untouchable())
    start = time.perf_counter()
    with pytest.raises(ValueError) as err:
        parse_number(text)
    elapsed = time.perf_counter() - start
    message = str(err.value)
    assert f"({digits:,} characters) is too long for a reading (at most {MAX_NUMBER_CHARS} characters)" in message
    assert len(message) < 120 and message.startswith("'" + "9" * 39 + "…'")
    assert elapsed < 2.0  # a sanity check of complexity only: a linear scan is milliseconds


def test_the_length_limit_counts_the_stripped_text():
    longest = "0." + "0" * (MAX_NUMBER_CHARS - 3) + "1"
    assert len(longest) == MAX_NUMBER_CHARS and parse_number(f"  {longest}\t\n") == float(longest)
    assert parse_number(" " * 10_000 + "35.7" + " " * 10_000) == 35.7
    with pytest.raises(ValueError, match="too long"):
        parse_number(longest + "0")
    with pytest.raises(ValueError, match="too long"):  # an int too long even to become text (Python's 4,300 digits)
        parse_number(10**5000)


def test_looks_like_number_judges_long_text_by_its_start():
    assert looks_like_number("9" * 1_000_000)  # the first line of such a file is data (too long), not a header
    assert not looks_like_number("t_u" + "9" * 100)


@pytest.mark.parametrize(
    "text, settles",
    [
        ("35,7", True),
        ("0,125", True),
        ("-3,25", True),
        ("\u22120,5", True),
        ("1,5e3", True),
        ("1234,5", True),
        ("1,000", False),
        ("12,500", False),
        ("-999,999", False),
        ("35.7", False),
        ("1,000.5", False),
        ("1,2,3", False),
        ("abc,d", False),
        ("", False),
        ("9" * 100 + ",5", False),
    ],
)
def test_a_decimal_comma_that_cannot_be_a_thousands_separator_settles_a_file(text, settles):
    assert settles_decimal_comma(text) is settles


def test_parse_number_limit_is_the_datasets():
    assert parse_number(repr(MAX_ABS_VALUE)) == MAX_ABS_VALUE
    with pytest.raises(ValueError):
        parse_number(repr(MAX_ABS_VALUE * 1.0001))


# --- Dataset ---------------------------------------------------------------------------------------------------------
def test_dataset_is_read_only_float64():
    d = Dataset([1, 2, 3], [4, 5, 6])
    assert d.t_u.dtype == np.float64 and d.t_c.dtype == np.float64 and d.include.dtype == bool
    assert d.include.tolist() == [True, True, True]
    for arr in (d.t_u, d.t_c, d.include):
        with pytest.raises(ValueError):
            arr[0] = 0
    with pytest.raises(AttributeError):
        d.t_u = np.zeros(3)


def test_dataset_copies_its_input():
    t_u = np.array([1.0, 2.0])
    d = Dataset(t_u, [3.0, 4.0])
    t_u[0] = 99.0
    assert d.t_u.tolist() == [1.0, 2.0]


def test_mismatched_lengths():
    with pytest.raises(DataError, match="t_u has 3 values but t_c has 2"):
        Dataset([1, 2, 3], [1, 2])
    with pytest.raises(DataError, match="include"):
        Dataset([1, 2], [1, 2], [True])


def test_validation_names_every_bad_row():
    d = Dataset([1.0, math.nan, 3.0, 4.0, 5.0], [1.0, 2.0, math.inf, 2e30, 3.0])
    problems = d.problems()
    assert [row for row, _ in problems] == [2, 3, 4]
    assert "t_u = nan" in problems[0][1]
    assert "t_c = inf" in problems[1][1]
    assert "t_c = 2e+30" in problems[2][1]
    with pytest.raises(DataError) as err:
        d.validate()
    assert err.value.problems == problems
    message = str(err.value)
    assert "2: t_u = nan is not a finite reading" in message
    assert "3: t_c = inf" in message and "4: t_c = 2e+30" in message
    assert "np.float64" not in message


@pytest.mark.parametrize(
    "t_u, t_c, include",
    [([], [], None), ([1.0], [2.0], None), ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [True, False, False])],
)
def test_fewer_than_two_points(t_u, t_c, include):
    d = Dataset(t_u, t_c, include)
    with pytest.raises(DataError, match="at least 2 included readings"):
        d.validate()


def test_equal_t_u_cannot_fit_a_line():
    with pytest.raises(DataError, match="all included t_u readings are equal"):
        Dataset([5.0, 5.0, 5.0], [1.0, 2.0, 3.0]).validate()
    # the equal values only matter among the included rows
    with pytest.raises(DataError, match="equal"):
        Dataset([5.0, 5.0, 9.0], [1.0, 2.0, 3.0], [True, True, False]).validate()
    assert Dataset([5.0, 5.0, 9.0], [1.0, 2.0, 3.0]).validate().n_active == 3


def test_book_data_is_valid():
    d = Dataset.book()
    assert d.problems() == [] and d.validate() is d and d.n_active == 11


def test_data_error_lists_at_most_ten_problems():
    err = DataError([(n, "bad") for n in range(1, 15)])
    assert len(err.problems) == 14
    assert str(err).count("line ") == 10 and str(err).endswith("and 4 more")
    assert str(DataError("plain reason")) == "plain reason"


def test_active_and_include():
    d = Dataset([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]).with_include(1, False)
    t_u, t_c = d.active()
    assert t_u.tolist() == [1.0, 3.0] and t_c.tolist() == [4.0, 6.0]
    assert d.n_active == 2 and len(d) == 3


def test_edits_return_new_datasets():
    d = Dataset([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
    e = d.with_value(1, "t_c", 50.0)
    assert e.t_c.tolist() == [4.0, 50.0, 6.0] and d.t_c.tolist() == [4.0, 5.0, 6.0]
    f = d.inserted(1, [7.0, 8.0], [9.0, 10.0], [True, False])
    assert f.t_u.tolist() == [1.0, 7.0, 8.0, 2.0, 3.0] and f.include.tolist() == [True, True, False, True, True]
    g = f.removed([1, 2])
    assert g == d
    assert d.rows([2, 0]).t_u.tolist() == [1.0, 3.0]
    assert d != e and d == Dataset([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
