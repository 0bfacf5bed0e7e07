"""CSV: forgiving about form, strict about content, every bad line reported, nothing half-loaded, atomic writes."""

from __future__ import annotations

import os

import numpy as np
import pytest

from thermogui.core import atomic
from thermogui.core.csvio import format_csv, parse_csv_text, read_csv, write_csv
from thermogui.core.dataset import BOOK_T_C, BOOK_T_U, DataError, Dataset

BOOK = Dataset.book()


def book_text(sep=",", header="t_u,t_c", decimal_comma=False) -> str:
    def num(v):
        s = repr(v)
        return s.replace(".", ",") if decimal_comma else s

    lines = [header.replace(",", sep)] if header else []
    lines += [f"{num(u)}{sep}{num(c)}" for u, c in zip(BOOK_T_U, BOOK_T_C)]
    return "\n".join(lines) + "\n"


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(DataError) as err:
        parse_csv_text(text)
    return err.value.problems


# --- form -------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sep", [",", ";", "\t"])
@pytest.mark.parametrize("header", ["t_u,t_c", None])
def test_separators_with_and_without_header(sep, header):
    assert parse_csv_text(book_text(sep, header)) == BOOK


@pytest.mark.parametrize("sep", [";", "\t"])
def test_decimal_commas_when_the_separator_is_not_a_comma(sep):
    text = book_text(sep, "t_u,t_c", decimal_comma=True)
    assert "35,7" in text
    assert parse_csv_text(text) == BOOK


def test_decimal_comma_with_comma_separator_is_not_guessed():
    # "35,7,0,5" is ambiguous with a comma separator: it must not quietly become 35.7 / 0.5
    try:
        d = parse_csv_text("35,7,0,5\n55,9,14,0\n")
    except DataError:
        return
    assert not np.allclose(d.t_u, [35.7, 55.9])


def test_header_columns_in_either_order_and_with_units():
    d = parse_csv_text("t_c (°C),t_u (unknown)\n0.5,35.7\n14,55.9\n")
    assert d.t_u.tolist() == [35.7, 55.9] and d.t_c.tolist() == [0.5, 14.0]
    d = parse_csv_text('"Celsius";"Unknown"\n0,5;35,7\n14;55,9\n')
    assert d.t_u.tolist() == [35.7, 55.9] and d.t_c.tolist() == [0.5, 14.0]


def test_blank_lines_comments_whitespace_crlf_and_bom_are_skipped(tmp_path):
    text = (
        "# thermometer readings\r\n\r\n  t_u , t_c \r\n# a comment\r\n 35.7 , 0.5 \r\n\r\n   \r\n"
        "55.9,14\r\n  # indented\r\n"
    )
    d = parse_csv_text(text)
    assert d.t_u.tolist() == [35.7, 55.9] and d.t_c.tolist() == [0.5, 14.0]
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("utf-8-sig"))  # spreadsheets write a byte-order mark
    assert read_csv(path) == d
    assert problems(text + "oops\r\n")[0][0] == 10  # line numbers count blank and comment lines


def test_include_column():
    d = parse_csv_text("t_u,t_c,include\n35.7,0.5,1\n55.9,14,0\n58.2,15,yes\n81.9,28,no\n56.3,11,true\n48.9,8\n")
    assert d.include.tolist() == [True, False, True, False, True, True]  # a missing include cell counts as included
    d = parse_csv_text("35.7,0.5,0\n55.9,14,1\n58.2,15,1\n")  # third column without a header
    assert d.include.tolist() == [False, True, True]
    assert problems("t_u,t_c,include\n35.7,0.5,maybe\n") == [(2, "include must be 1 or 0, not 'maybe'")]


def test_trailing_separator_is_not_an_include_column():
    d = parse_csv_text("35.7,0.5,\n55.9,14,\n58.2,15,\n")
    assert d.include.all() and d.t_u.tolist() == [35.7, 55.9, 58.2]


# --- content ----------------------------------------------------------------------------------------------------------
def test_every_bad_line_is_reported_by_number():
    text = "t_u,t_c\n35.7,0.5\nabc,14\n\n# note\n58.2,\n81.9,nan\n56.3\n48.9,8\n1e400,3\n"
    found = problems(text)
    assert [n for n, _ in found] == [3, 6, 7, 8, 10]
    reasons = dict(found)
    assert "'abc' is not a number" in reasons[3]
    assert "empty" in reasons[6]
    assert "not a finite number" in reasons[7]
    assert "expected 2 values" in reasons[8] and "found 1" in reasons[8]
    assert "too large" in reasons[10]
    with pytest.raises(DataError, match=r"line 3: 'abc' is not a number.*line 10"):
        parse_csv_text(text)


def test_a_bad_first_line_is_reported_not_taken_for_a_header():
    assert [n for n, _ in problems("35.7,abc\n55.9,14\n58.2,15\n")] == [1]
    assert [n for n, _ in problems(",0.5\n55.9,14\n58.2,15\n")] == [1]


def test_nothing_is_half_loaded(tmp_path):
    path = tmp_path / "half.csv"
    path.write_text(book_text() + "oops,1\n")
    with pytest.raises(DataError) as err:
        read_csv(path)
    assert err.value.problems[0][0] == 13  # header + 11 readings + the bad line
    assert len(err.value.problems) == 1


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# only\n# comments\n"])
def test_empty_file(tmp_path, text):
    path = tmp_path / "empty.csv"
    path.write_text(text)
    with pytest.raises(DataError, match="no readings"):
        read_csv(path)


def test_header_without_readings():
    with pytest.raises(DataError, match="header but no readings"):
        parse_csv_text("t_u,t_c\n# nothing yet\n")


def test_non_utf8_bytes_are_reported_with_their_line(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("t_u;t_c\n35,7;0,5\n55,9;14 °C\n".encode("latin-1"))
    with pytest.raises(DataError) as err:
        read_csv(path)
    assert err.value.problems[0][0] == 3
    assert "not UTF-8" in str(err.value)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04\x00\x00\x00\x00")
    with pytest.raises(DataError, match="binary"):
        read_csv(path)


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        read_csv(tmp_path / "nope.csv")


# --- writing ----------------------------------------------------------------------------------------------------------
def test_write_read_round_trip(tmp_path):
    awkward = Dataset([0.1 + 0.2, -1e-7, 1e29, 35.7], [1 / 3, -0.0, 2.5e-300, -4.0], [True, False, True, False])
    for data in (BOOK, awkward):
        path = tmp_path / "round.csv"
        write_csv(path, data)
        assert read_csv(path) == data


def test_format_writes_include_only_when_needed():
    assert format_csv(BOOK).splitlines()[0] == "t_u,t_c"
    assert format_csv(BOOK).splitlines()[1] == "35.7,0.5"
    excluded = BOOK.with_include(0, False)
    lines = format_csv(excluded).splitlines()
    assert lines[0] == "t_u,t_c,include" and lines[1] == "35.7,0.5,0" and lines[2] == "55.9,14.0,1"
    assert format_csv(BOOK, sep=";").splitlines()[1] == "35.7;0.5"


def test_write_replaces_an_existing_file(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("old\n")
    write_csv(path, BOOK)
    assert read_csv(path) == BOOK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]


def test_atomic_write_keeps_the_previous_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "data.csv"
    write_csv(path, BOOK)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        write_csv(path, BOOK.with_value(0, "t_u", 99.0))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]  # no temporary file left behind


def test_atomic_write_fails_cleanly_midway(tmp_path, monkeypatch):
    path = tmp_path / "data.csv"
    write_csv(path, BOOK)
    before = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_csv(path, BOOK.removed([0, 1]))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]


def test_atomic_write_keeps_permissions(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("x\n")
    os.chmod(path, 0o600)
    write_csv(path, BOOK)
    assert (path.stat().st_mode & 0o777) == 0o600
    new = tmp_path / "new.csv"
    write_csv(new, BOOK)
    assert (new.stat().st_mode & 0o777) == 0o644
