"""CSV: forgiving about form, strict about content, every bad line reported, nothing half-loaded, atomic writes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from thermogui.core import atomic
from thermogui.core.csvio import format_csv, parse_csv_text, read_csv, write_csv
from thermogui.core.dataset import BOOK_T_C, BOOK_T_U, DataError, Dataset
from thermogui.core.safeio import MAX_FILE_BYTES, FileRefused

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
    assert "line 3" in str(err.value) and "not UTF-8" in str(err.value)  # safeio's message names the line


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


# --- the val column (readings chosen as validation readings) ---------------------------------------------------------
def test_format_writes_val_only_when_a_reading_is_marked():
    assert "val" not in format_csv(BOOK.with_include(0, False))
    marked = BOOK.with_val_rows([2, 9])
    lines = format_csv(marked).splitlines()
    assert lines[0] == "t_u,t_c,val" and lines[1] == "35.7,0.5,0" and lines[3] == "58.2,15.0,1"
    both = marked.with_include(0, False)
    lines = format_csv(both).splitlines()
    assert lines[0] == "t_u,t_c,include,val" and lines[1] == "35.7,0.5,0,0" and lines[10] == "60.4,13.0,1,1"


def test_val_round_trip(tmp_path):
    data = BOOK.with_val_rows([0, 3, 10]).with_include(5, False)
    path = tmp_path / "marked.csv"
    write_csv(path, data)
    back = read_csv(path)
    assert back == data
    assert np.flatnonzero(back.val).tolist() == [0, 3, 10] and np.flatnonzero(~back.include).tolist() == [5]


def test_val_column_words_and_defaults():
    d = parse_csv_text("t_c;Validation;t_u\n0,5;yes;35,7\n14;;55,9\n15;0;58,2\n28;x;81,9\n11;1;56,3\n8;no;48,9\n")
    assert d.t_u.tolist() == [35.7, 55.9, 58.2, 81.9, 56.3, 48.9]
    assert d.val.tolist() == [True, False, False, True, True, False]  # an empty cell: not marked
    assert d.include.all()
    short = parse_csv_text("t_u,t_c,val\n35.7,0.5,1\n55.9,14\n")  # a missing cell: not marked
    assert short.val.tolist() == [True, False]


def test_old_csv_without_val_reads_with_nothing_marked():
    d = parse_csv_text("t_u,t_c,include\n35.7,0.5,1\n55.9,14,0\n58.2,15,1\n")
    assert d.val.tolist() == [False, False, False] and d.include.tolist() == [True, False, True]
    assert not parse_csv_text("35.7,0.5,0\n55.9,14,1\n58.2,15,1\n").val.any()  # (no header: t_u, t_c, include)


def test_a_bad_val_cell_is_refused_by_line():
    with pytest.raises(DataError) as err:
        parse_csv_text("t_u,t_c,val\n35.7,0.5,1\n55.9,14,maybe\n58.2,15,2\n")
    assert err.value.problems == [
        (3, "val must be 1 (a validation reading) or 0, not 'maybe'"),
        (4, "val must be 1 (a validation reading) or 0, not '2'"),
    ]


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


# --- read as CSV: quoting, one delimiter, decimal commas only where they cannot be anything else ----------------------
def rows(text: str) -> list[tuple[float, float, bool]]:
    d = parse_csv_text(text)
    return list(zip(d.t_u.tolist(), d.t_c.tolist(), d.include.tolist()))


@pytest.mark.parametrize(
    "text",
    [
        '"35,7","0,5"\n"55,9","14"\n',  # a comma-delimited file from a decimal-comma spreadsheet quotes its numbers
        '"t_u","t_c"\n"35,7","0,5"\n"55,9",14\n',
        't_u,t_c\n "35,7" , "0,5"\n"55,9","14,0"\n',  # spaces around quoted fields
        '"t_u (""raw"")","t_c"\n"35,7","0,5"\n"55,9","14"\n',  # a doubled quote inside a quoted header
    ],
)
def test_a_quoted_field_with_a_decimal_comma_is_one_value(text):
    assert rows(text) == [(35.7, 0.5, True), (55.9, 14.0, True)]


def test_quotes_follow_the_csv_rules_in_every_delimiter():
    assert rows('"35.7";"0,5"\n"55,9";14\n') == [(35.7, 0.5, True), (55.9, 14.0, True)]
    assert rows('"35,7"\t"0,5"\n55.9\t"14"\n') == [(35.7, 0.5, True), (55.9, 14.0, True)]
    assert rows('t_u,t_c,include\n"35.7","0.5",""\n"55.9","14","1"\n') == [(35.7, 0.5, False), (55.9, 14.0, True)]


def test_a_quote_left_open_is_reported_by_line():
    found = problems('t_u,t_c\n35.7,0.5\n55.9,"14\n58.2,15\n')
    assert found == [(3, 'a quote (") is opened but not closed on this line')]


def test_one_delimiter_for_the_whole_file_from_its_first_lines():
    # the header says ';': a later line with a tab is reported, not re-read with tabs (nor the file with tabs)
    found = problems("t_u;t_c\n35,7;0,5\n55.9\t14\n58,2;15\n")
    assert [n for n, _ in found] == [3]
    assert "separated by semicolons" in found[0][1] and "this line uses tabs" in found[0][1]
    # a first line that decides nothing (one value) does not stop the next lines from deciding
    found = problems("35.7\n55,9;14\n58,2;15\n")
    assert [n for n, _ in found] == [1]


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("t_u,t_c\n35.7,0.5\n1,000,5\n", 3, "'1,000' looks like one number written with a thousands separator"),
        ("t_u,t_c\n35.7,0.5\n1,000\n", 3, 'write 1000, or "1,000" in quotes if the comma is a decimal comma'),
        ("35.7,0.5\n55.9,1,000\n", 2, "'1,000' looks like one number"),
        (
            "35.7,0.5\n1,050.5,3\n",
            2,
            "'1,050.5' looks like one number written with a thousands separator, but commas "
            "separate the values in this file: write 1050.5",
        ),
        (
            "t_u,t_c\n35.7,0.5\n55.9,14,3\n",
            3,
            "found 3 values, but the header names 2 columns — is a number written "
            "with a thousands separator (1,000)? Write 1000",
        ),
        ("35.7,0.5,1,7\n", 1, "found 4 values, but a line holds at most 3 (t_u, t_c, include)"),
        ("t_u;t_c\n35,7;0,5;1;2\n", 2, "found 4 values, but the header names 2 columns"),
    ],
)
def test_a_thousands_separator_split_by_the_comma_delimiter_is_refused_by_line(text, line, reason):
    # today "1,000" is read as 1 and 0 (and a third value silently dropped)
    found = problems(text)
    assert [n for n, _ in found] == [line]
    assert reason in found[0][1]


def test_the_delimiter_settles_what_a_comma_is():
    # ';' is the decimal-comma locales' delimiter: every comma in a value is decimal
    assert rows("t_u;t_c\n1,000;12,500\n35,7;0,5\n") == [(1.0, 12.5, True), (35.7, 0.5, True)]
    # a tab leaves "1,000" ambiguous unless the file shows its commas are decimal ("35,7")
    assert "ambiguous" in problems("1,000\t2\n3\t4\n")[0][1]
    assert rows("1,000\t2\n35,7\t4\n") == [(1.0, 2.0, True), (35.7, 4.0, True)]
    # the same inside quotes with a comma delimiter
    assert "ambiguous" in problems('"1,000",2\n3,4\n')[0][1]
    assert rows('"1,000","0,5"\n') == [(1.0, 0.5, True)]
    # a point and a comma: a thousands separator, refused rather than read as 1.0005 or 1
    assert "not a number" in problems("1,000.5\t2\n3\t4\n")[0][1]


def test_headerless_include_column_is_seen_on_any_line():
    # today the third value of line 2 is dropped because line 1 has none
    assert rows("35.7,0.5\n55.9,14,0\n") == [(35.7, 0.5, True), (55.9, 14.0, False)]


@pytest.mark.serial  # (measures time: run alone)
def test_a_huge_value_is_refused_by_its_length_with_a_short_message(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("t_u,t_c\n35.7,0.5\n55.9," + "9" * 10_000_000 + "\n")
    start = time.perf_counter()
    with pytest.raises(DataError) as err:
        read_csv(path)
    elapsed = time.perf_counter() - start
    assert [n for n, _ in err.value.problems] == [3]
    assert "(10,000,000 characters) is too long" in str(err.value) and len(str(err.value)) < 150
    assert elapsed < 2.0  # a sanity check of complexity only
    # the same inside quotes (beyond the csv module's field limit of 131,072 characters) and pasted with tabs
    for text in ('35.7,"' + "9" * 200_000 + '"\n', "35.7\t" + "9" * 200_000 + "\n"):
        found = problems(text)
        assert found[0][0] == 1 and len(found[0][1]) < 150


def test_include_words_are_quoted_short():
    found = problems("t_u,t_c,include\n35.7,0.5," + "maybe" * 1000 + "\n")
    assert found[0][0] == 2 and "include must be 1 or 0" in found[0][1] and len(found[0][1]) < 120


# --- read through safeio: special, huge, binary files refused before reading ------------------------------------------
def read_in_child(path) -> str:
    """read_csv(path) in a child process with 1 GB of address space and 20 s: what it raised, or 'read'.  A reader
    that blocks on a FIFO or reads /dev/zero forever fails the test instead of hanging or swamping the machine."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from thermogui.core.csvio import read_csv\n"
        "try:\n"
        "    read_csv(sys.argv[1]); print('read')\n"
        "except Exception as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=20,
            cwd=Path(__file__).resolve().parents[2],
        )
    except subprocess.TimeoutExpired:
        return "timed out (blocked or reading forever)"
    return out.stdout.strip() or out.stderr.strip()[-300:]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = read_in_child(fifo)
    assert result.startswith("CsvFileRefused") and "named pipe" in result, result
    with pytest.raises(DataError, match="named pipe"):  # and in this process: at once
        read_csv(fifo)


@pytest.mark.serial  # (measures time: run alone)
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_at_once():
    result = read_in_child("/dev/zero")
    assert result.startswith("CsvFileRefused") and "device" in result, result
    start = time.perf_counter()
    with pytest.raises(DataError, match="device"):
        read_csv("/dev/zero")
    assert time.perf_counter() - start < 1.0


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, nothing to read quickly
    result = read_in_child(path)
    assert result.startswith("CsvFileRefused") and "MB" in result, result
    small = tmp_path / "small.csv"
    small.write_text(book_text())
    with pytest.raises(DataError, match="MB"):
        read_csv(small, max_bytes=100)


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",  # an image
        b"t_u,t_c\n35.7,0.5\n55.9,14\n\x00\x01\x02\x03",  # text, then binary
        "t_u,t_c\n35.7,0.5\n".encode("utf-16-le"),  # UTF-16 without its byte-order mark: NUL bytes throughout
    ],
)
def test_a_binary_file_is_reported_as_binary(tmp_path, raw):
    path = tmp_path / "data.csv"
    path.write_bytes(raw)
    with pytest.raises(DataError) as err:
        read_csv(path)
    assert isinstance(err.value, FileRefused)
    assert str(err.value) == "data.csv is a binary file, not a CSV file"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_spreadsheets_unicode_text_opens(tmp_path, encoding):
    """UTF-16 with its byte-order mark (a spreadsheet's "Unicode text": tab-separated) reads as the same readings."""
    path = tmp_path / "data.txt"
    path.write_bytes(
        "\ufeff".encode(encoding) * (encoding == "utf-16-be") + "t_u\tt_c\n35.7\t0.5\n온도 55.9\t14\n".encode(encoding)
    )
    with pytest.raises(DataError, match="line 3"):  # (a word where a number goes is still named by its line)
        read_csv(path)
    path.write_bytes(
        "\ufeff".encode(encoding) * (encoding == "utf-16-be") + "t_u\tt_c\n35.7\t0.5\n55.9\t14\n".encode(encoding)
    )
    data = read_csv(path)
    assert data.t_u.tolist() == [35.7, 55.9] and data.t_c.tolist() == [0.5, 14.0]
    path.write_bytes(b"\xff\xfe" + "t_u,t_c\n".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate half
    with pytest.raises(FileRefused, match="data.txt is not UTF-16 text"):
        read_csv(path)


def test_an_empty_file_name_is_refused():
    with pytest.raises(DataError, match="no file name given"):
        read_csv("")


def test_a_folder_is_an_os_error(tmp_path):
    with pytest.raises(IsADirectoryError):  # as before: callers say "cannot read <path>: Is a directory"
        read_csv(tmp_path)


# --- a big clean file is read at C speed, to the same numbers -----------------------------------------------------
def _careful(text, monkeypatch):
    from thermogui.core import csvio

    with monkeypatch.context() as m:
        m.setattr(csvio, "_clean_pairs", lambda _text: None)
        return csvio.parse_csv_text(text)


def _big(line_of, rows=12_000, header="t_u,t_c\n", end="\n"):
    rng = np.random.default_rng(7)
    u = rng.uniform(-40, 120, rows)
    return header + end.join(line_of(a, (a - 32) / 1.8) for a in u) + end


@pytest.mark.parametrize(
    "text",
    [
        _big(lambda a, b: f"{a:.4f},{b:.6f}"),
        _big(lambda a, b: f"{a:.4f},{b:.6f}", header=""),
        _big(lambda a, b: f" {a:.3e}\t{b:+.2f} ", header="t_u\tt_c\n", end="\r\n"),
        _big(lambda a, b: f"{a:.17g};{b:.17g}", header="reading;celsius\n").rstrip("\n"),
        _big(lambda a, b: f"{a:.2f},{b:.2f}") + "1e31,2\n",  # too large: the careful parse names the line
        _big(lambda a, b: f"{a:.2f},{b:.2f}") + "nan,2\n",
        _big(lambda a, b: f"{a:.2f},{b:.2f}") + "# a comment\n3,4\n",
        _big(lambda a, b: f"{a:.2f},{b:.2f},1"),  # an include column
        _big(lambda a, b: f"{a:.2f},{b:.2f}", header="t_c,t_u\n"),  # the other order
        _big(lambda a, b: f"{a:.2f};{b:.2f}".replace(".", ",")),  # decimal commas
        _big(lambda a, b: f"{a:.2f},{b:.2f}") + "1" * 70 + ",3\n",  # a number too long to read
    ],
    ids=[
        "header",
        "no-header",
        "tabs-crlf-spaces",
        "semicolons-no-last-break",
        "too-large",
        "nan",
        "comment",
        "include",
        "other-order",
        "decimal-commas",
        "too-long",
    ],
)
def test_a_big_file_reads_the_same_fast_as_carefully(text, monkeypatch):
    from thermogui.core import csvio

    assert len(text) > 100_000
    try:
        expected = _careful(text, monkeypatch)
    except DataError as e:
        with pytest.raises(DataError) as err:
            csvio.parse_csv_text(text)
        assert str(err.value) == str(e)  # the same refusal, every bad line named
        return
    got = csvio.parse_csv_text(text)
    assert got.t_u.tolist() == expected.t_u.tolist() and got.t_c.tolist() == expected.t_c.tolist()
    assert got.include.tolist() == expected.include.tolist() and got.val.tolist() == expected.val.tolist()


def test_the_fast_path_is_taken_for_a_clean_file_and_not_for_another():
    from thermogui.core import csvio

    clean = _big(lambda a, b: f"{a:.4f},{b:.6f}")
    assert csvio._clean_pairs(clean) is not None
    assert csvio._clean_pairs(clean + "x,1\n") is None and csvio._clean_pairs(clean + "\n") is None


def test_the_fast_path_reads_in_blocks_of_whole_lines(monkeypatch):
    from thermogui.core import csvio

    text = _big(lambda a, b: f"{a:.4f},{b:.6f}")
    whole = csvio._clean_pairs(text)
    monkeypatch.setattr(csvio, "CLEAN_BLOCK", 997)  # blocks end mid-line: each is taken to its line's end
    blocks = csvio._clean_pairs(text)
    assert blocks.t_u.tolist() == whole.t_u.tolist() and blocks.t_c.tolist() == whole.t_c.tolist()
    assert csvio._clean_pairs(text + "1,x\n") is None  # a bad line in the last block
