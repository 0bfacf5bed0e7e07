"""Read and write readings as CSV.

Reading is forgiving about form and strict about content; where a value could mean two things it is refused, never
guessed.

Lines.  A line ends at LF, CR LF or CR (nothing else), and is numbered as an editor numbers it.  Blank lines and
lines starting with '#' are skipped; a byte-order mark at the start is dropped.

The delimiter.  One per file, chosen once: the first of the first five content lines (the header or the first
readings) that has a tab, a semicolon or a comma outside quotes decides — a tab if that line has one, else a
semicolon, else a comma (a comma also when no line has any).  Tab and semicolon come first because neither can be
part of a number, while a comma can be a decimal comma.  The delimiter separates the values on every line; a line
written with another one is reported, not re-read another way.

Quotes.  Each line is split with the csv module's rules (a field may be wrapped in double quotes, "" inside is one
quote), so "35,7","0,5" is two values.  A quote left open at the end of a line is reported.

Decimal commas.  A comma inside a value is a decimal comma only where it cannot be a delimiter or a thousands
separator:
- with ';' as the delimiter (the CSV of decimal-comma locales), every comma in a value is one: 1,000 is 1.0;
- with a tab, or inside quotes with ',' as the delimiter, a comma before exactly three digits ("1,000", "12,500")
  could be either.  It is read as a decimal comma if the file holds a decimal comma that cannot be a thousands
  separator ("35,7", "0,125"); otherwise it is refused as ambiguous, naming both readings;
- with ',' as the delimiter, an unquoted comma always separates values, so a number written with a thousands
  separator comes apart.  That is caught, not loaded: a line with more values than the columns is refused, and so is
  a value like 000 or 050.5 right after a whole number of one to three digits (the tail of "1,000" or "1,050.5").
A value with both a point and a comma ("1,000.5") is refused.

Columns.  A header row is optional: it names t_u and t_c (either order, units in parentheses allowed) and perhaps
"include" and "val"; without one the columns are t_u, t_c and, if any line has a third value, include (1/0, yes/no,
true/false; an empty include cell means excluded, a missing one included).  "val" (also "validation") marks the
readings chosen as validation readings, with the same words (an empty or missing cell: not marked); it is read only
under a header, the way `format_csv` writes it.  A line with more non-empty values than the header names (or than
those three columns) is refused: nothing is silently dropped.

Values.  Each is read by `dataset.parse_number`, which refuses text longer than MAX_NUMBER_CHARS by its length before
parsing it and quotes at most ~40 characters in its message.

Every reason is a core.tr.Text (the English str; the window shows it in the UI language, context "csvio").

Files are read through `safeio.read_text`: a FIFO, a device or a file over MAX_FILE_BYTES is refused before anything
is read, a binary or non-UTF-8 file is refused by name.  Every bad line is reported by number with its reason, and
nothing is half-loaded: either the whole file becomes a Dataset or DataError is raised.
"""

from __future__ import annotations

import csv
import errno
import os
import re

import numpy as np

from thermogui.core.atomic import atomic_write_text
from thermogui.core.dataset import (
    MAX_ABS_VALUE,
    DataError,
    Dataset,
    looks_like_number,
    parse_number,
    settles_decimal_comma,
)
from thermogui.core.errors import quote
from thermogui.core.numbers import fmt_exact
from thermogui.core.safeio import MAX_FILE_BYTES, FileRefused, read_text
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

_TRUE = {"1", "yes", "y", "true", "x", "on"}
_FALSE = {"0", "no", "n", "false", "", "off"}
_U_NAMES = {"t_u", "tu", "unknown", "u", "reading", "raw", "x"}
_C_NAMES = {"t_c", "tc", "celsius", "c", "°c", "y"}
_VAL_NAMES = {"val", "validation"}
DELIMITERS = ("\t", ";", ",")  # in order of preference, see the module docstring
_DETECT_LINES = 5
_QUOTED = re.compile(r'"[^"]*"')
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# With ',' as the delimiter, "1,000" arrives as "1" and "000": a whole number of one to three digits followed by a
# value whose whole part is three digits with a leading zero is the two halves of one number.
_GROUP_HEAD = re.compile(r"^[+-]?[0-9]{1,3}$")
_GROUP_TAIL = re.compile(r"^0[0-9]{2}(\.[0-9]{0,20})?$")
_GROUP_LINE = re.compile(r"(?:^|,)\s*[+-]?[0-9]{1,3}\s*,\s*0[0-9]{2}")  # a cheap look first: could a line hold one?


class CsvFileRefused(FileRefused, DataError):
    """A file not read at all (safeio's refusal: a special file, too large, binary, not UTF-8, no name) — also a
    DataError, so everything that reports a bad data file reports this one."""


def detect_delimiter(lines: list[str]) -> str:
    """The file's one delimiter, from its first content lines (see the module docstring)."""
    for line in lines[:_DETECT_LINES]:
        bare = _QUOTED.sub("", line) if '"' in line else line
        for d in DELIMITERS:
            if d in bare:
                return d
    return ","


def split_line(line: str, delimiter: str) -> list[str]:
    """The stripped fields of one line by the csv module's quoting rules.  Raises ValueError (a quote left open,
    a line the csv module cannot read)."""
    if '"' not in line:
        return [f.strip() for f in line.split(delimiter)]
    try:
        fields = next(csv.reader((line,), delimiter=delimiter, skipinitialspace=True, strict=True))
    except csv.Error as e:
        if "end of data" in str(e):
            raise ValueError(
                msg(QT_TRANSLATE_NOOP("csvio", 'a quote (") is opened but not closed on this line'), "csvio")
            ) from None
        try:  # text after a closing quote ("35,7" ;) is kept with the field, as spreadsheets read it
            fields = next(csv.reader((line,), delimiter=delimiter, skipinitialspace=True))
        except csv.Error as e2:
            if "field larger" in str(e2):
                raise ValueError(
                    msg(
                        QT_TRANSLATE_NOOP(
                            "csvio", "a value is longer than {limit} characters, far too long for a reading"
                        ),
                        "csvio",
                        limit=f"{csv.field_size_limit():,}",
                    )
                ) from None
            raise ValueError(
                msg(QT_TRANSLATE_NOOP("csvio", "the line cannot be read as CSV ({error})"), "csvio", error=str(e2))
            ) from None
    return [f.strip() for f in fields]


def _column_names(fields: list[str]) -> dict[str, int] | None:
    """If `fields` is a header, map 't_u', 't_c' (and maybe 'include') to column indexes; else None."""
    names = [f.strip().strip('"').strip().lower() for f in fields]
    if any(looks_like_number(f) for f in names[:2]):
        return None  # a number among the first two fields: data (perhaps bad data, reported as such), not a header
    cols: dict[str, int] = {}
    for i, name in enumerate(names):
        base = name.split("(")[0].strip().replace(" ", "_")
        if base in _U_NAMES and "t_u" not in cols:
            cols["t_u"] = i
        elif base in _C_NAMES and "t_c" not in cols:
            cols["t_c"] = i
        elif base in ("include", "included", "use", "active") and "include" not in cols:
            cols["include"] = i
        elif base in _VAL_NAMES and "val" not in cols:
            cols["val"] = i
    cols.setdefault("t_u", 0 if cols.get("t_c") != 0 else 1)
    cols.setdefault("t_c", 1 if cols["t_u"] != 1 else 0)
    return cols


def _used(fields: list[str]) -> int:
    """How many fields count: trailing empty ones (a separator at the end of the line) do not."""
    k = len(fields)
    while k and not fields[k - 1]:
        k -= 1
    return k


def _sepname(sep: str) -> str:
    return {"\t": " <tab> ", ";": "; ", ",": ", "}[sep]


_DELIMITER_NAMES = {
    "\t": QT_TRANSLATE_NOOP("csvio", "tabs"),
    ";": QT_TRANSLATE_NOOP("csvio", "semicolons (;)"),
    ",": QT_TRANSLATE_NOOP("csvio", "commas (,)"),
}


def _delimiter_name(sep: str) -> str:
    return msg(_DELIMITER_NAMES[sep], "csvio")


# A clean file's numbers: plain or scientific, at most MAX_NUMBER_CHARS long (a longer one is the careful parse's)
_PLAIN = r"[+-]?(?:\d{1,30}(?:\.\d{0,25})?|\.\d{1,25})(?:[eE][+-]?\d{1,3})?"


CLEAN_BLOCK = 256 * 1024  # characters checked and converted at a time (~20 ms)


def _clean_pairs(text: str) -> Dataset | None:
    """The common big file at C speed: after an optional header naming t_u then t_c, every line is two plain numbers
    and a line break.  Anything else — comments, blank lines, flags, decimal commas, quotes, a bad value — gives None,
    and the careful parse below reads the file and names every problem.  The numbers are Python's float() of the same
    text, as parse_number gives them."""
    first, _, rest = text.partition("\n")
    sep = detect_delimiter(text[:2000].split("\n")[:_DETECT_LINES])  # (as the careful parse: its first lines)
    names = _column_names([f.strip() for f in first.split(sep)])
    if names == {"t_u": 0, "t_c": 1}:
        body = rest
    elif names is None:
        body = text
    else:
        return None  # a header in another order or with more columns
    if body and not body.endswith("\n"):
        body += "\n"
    if not body:
        return None
    s = re.escape(sep)
    lines = re.compile(rf"(?:[ \t]*{_PLAIN}[ \t]*{s}[ \t]*{_PLAIN}[ \t]*\r?\n)+")
    parts = []
    start = 0
    while start < len(body):  # in blocks of whole lines: between blocks another thread (the window) gets its turn
        end = body.find("\n", min(start + CLEAN_BLOCK, len(body) - 1)) + 1 or len(body)
        block = body[start:end]
        if lines.fullmatch(block) is None:
            return None
        parts.append(np.array(block.replace(sep, " ").split(), dtype=float))
        start = end
    values = np.concatenate(parts).reshape(-1, 2)
    if not (np.abs(values) <= MAX_ABS_VALUE).all():  # (too large: the careful parse says which line)
        return None
    return Dataset(values[:, 0], values[:, 1])


def parse_csv_text(text: str) -> Dataset:
    """Parse CSV text into a Dataset, or raise DataError listing every bad line."""
    text = text.removeprefix("\ufeff")  # a byte-order mark (text pasted from a file saved by a spreadsheet)
    if len(text) > 100_000:  # a big file: most are clean pairs of numbers, read at once
        fast = _clean_pairs(text)
        if fast is not None:
            return fast
    content = [
        (n, ln)
        for n, ln in enumerate(_LINE_BREAK.split(text), start=1)
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not content:
        raise DataError(
            msg(QT_TRANSLATE_NOOP("csvio", "the file has no readings (it is empty or only comments)"), "csvio")
        )
    sep = detect_delimiter([ln for _, ln in content])
    problems: list[tuple[int, str]] = []
    rows: list[tuple[int, list[str]]] = []
    for n, line in content:
        try:
            fields = split_line(line, sep)
        except ValueError as e:
            problems.append((n, e.args[0] if e.args and isinstance(e.args[0], str) else str(e)))
            continue
        why = sep == "," and _GROUP_LINE.search(line) and _split_number(fields)
        if why:
            problems.append((n, why))
        else:
            rows.append((n, fields))

    cols = _column_names(rows[0][1]) if rows and rows[0][0] == content[0][0] else None
    if cols is not None:
        width = max(_used(rows[0][1]), max(cols.values()) + 1)
        rows = rows[1:]
        too_many = msg(QT_TRANSLATE_NOOP("csvio", "the header names {width} columns"), "csvio", width=width)
    else:
        cols = {"t_u": 0, "t_c": 1}
        if any(len(f) >= 3 and f[2] for _, f in rows):
            cols["include"] = 2
        width = 3
        too_many = msg(QT_TRANSLATE_NOOP("csvio", "a line holds at most 3 (t_u, t_c, include)"), "csvio")
    comma_is_decimal = sep == ";" or any(settles_decimal_comma(f) for _, fields in rows for f in fields if "," in f)

    t_u: list[float] = []
    t_c: list[float] = []
    inc: list[bool] = []
    val: list[bool] = []
    iu, ic, ii, iv = cols["t_u"], cols["t_c"], cols.get("include", -1), cols.get("val", -1)
    need = max(iu, ic) + 1
    for n, fields in rows:
        k = len(fields)
        if k < need or (k > width and _used(fields) > width):
            problems.append((n, _count_problem(fields, sep, need, width, too_many, content)))
            continue
        try:
            u = parse_number(fields[iu], True, comma_is_decimal)
            c = parse_number(fields[ic], True, comma_is_decimal)
        except ValueError as e:  # (a NumberError's reason may be a core.tr.Text: kept, to be shown translated)
            problems.append((n, e.args[0] if e.args and isinstance(e.args[0], str) else str(e)))
            continue
        flag = True
        if 0 <= ii < k:
            word = fields[ii].lower()
            if word in _FALSE:
                flag = False
            elif word not in _TRUE:
                problems.append(
                    (
                        n,
                        msg(
                            QT_TRANSLATE_NOOP("csvio", "include must be 1 or 0, not {value}"),
                            "csvio",
                            value=quote(fields[ii]),
                        ),
                    )
                )
                continue
        marked = False
        if 0 <= iv < k:
            word = fields[iv].lower()
            if word in _TRUE:
                marked = True
            elif word not in _FALSE:
                problems.append(
                    (
                        n,
                        msg(
                            QT_TRANSLATE_NOOP("csvio", "val must be 1 (a validation reading) or 0, not {value}"),
                            "csvio",
                            value=quote(fields[iv]),
                        ),
                    )
                )
                continue
        t_u.append(u)
        t_c.append(c)
        inc.append(flag)
        val.append(marked)
    if problems:
        raise DataError(sorted(problems))
    if not t_u:
        raise DataError(msg(QT_TRANSLATE_NOOP("csvio", "the file has a header but no readings"), "csvio"))
    return Dataset(t_u, t_c, inc, val)


def _split_number(fields: list[str]) -> str | None:
    """With ',' as the delimiter: the two halves of a number written with a thousands separator ("1" and "000"), as a
    reason to refuse the line, or None."""
    for head, tail in zip(fields, fields[1:]):
        if _GROUP_TAIL.match(tail) and _GROUP_HEAD.match(head):
            pair = f"{head},{tail}"
            decimal = (
                ""
                if "." in tail
                else msg(
                    QT_TRANSLATE_NOOP("csvio", ', or "{pair}" in quotes if the comma is a decimal comma'),
                    "csvio",
                    pair=pair,
                )
            )
            return msg(
                QT_TRANSLATE_NOOP(
                    "csvio",
                    "'{pair}' looks like one number written with a thousands separator, but commas "
                    "separate the values in this file: write {number}{decimal}",
                ),
                "csvio",
                pair=pair,
                number=f"{head}{tail}",
                decimal=decimal,
            )
    return None


def _count_problem(fields: list[str], sep: str, need: int, width: int, too_many: str, content) -> str:
    """The reason for a line with too few or too many values."""
    if len(fields) < need:
        hint = ""
        other = [d for d in DELIMITERS if d != sep and any(d in f for f in fields)]
        if other:
            where = next((n for n, ln in content[:_DETECT_LINES] if sep in _QUOTED.sub("", ln)), content[0][0])
            hint = msg(
                QT_TRANSLATE_NOOP(
                    "csvio", "; this line uses {other}, but this file's values are separated by {sep} (line {line})"
                ),
                "csvio",
                other=_delimiter_name(other[0]),
                sep=_delimiter_name(sep),
                line=where,
            )
        return msg(
            QT_TRANSLATE_NOOP("csvio", "expected 2 values ({pair}), found {found}{hint}"),
            "csvio",
            pair=f"t_u{_sepname(sep)}t_c",
            found=len(fields),
            hint=hint,
        )
    hint = (
        msg(
            QT_TRANSLATE_NOOP("csvio", " — is a number written with a thousands separator (1,000)? Write 1000"), "csvio"
        )
        if sep == ","
        else ""
    )
    return msg(
        QT_TRANSLATE_NOOP("csvio", "found {found} values, but {too_many}{hint}"),
        "csvio",
        found=_used(fields),
        too_many=too_many,
        hint=hint,
    )


def read_csv(path: str | os.PathLike, max_bytes: int = MAX_FILE_BYTES) -> Dataset:
    """Read a CSV file (see the module docstring).  Raises DataError — CsvFileRefused for a file not read at all
    (no name, a FIFO or device, too large, binary, not UTF-8) — or OSError (missing, a folder, no permission)."""
    if str(path) and os.path.isdir(path):  # callers report an OSError as "cannot read <path>: Is a directory"
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        text = read_text(path, msg(QT_TRANSLATE_NOOP("csvio", "a CSV file"), "csvio"), max_bytes)
    except FileRefused as e:
        raise CsvFileRefused(e.text) from None
    return parse_csv_text(text)


def format_csv(data: Dataset, sep: str = ",") -> str:
    """CSV text with a header; an include column is written only if some row is excluded, a val column only if some
    row is marked as a validation reading."""
    with_inc = not bool(data.include.all())
    with_val = bool(data.val.any())
    head = ["t_u", "t_c"] + (["include"] if with_inc else []) + (["val"] if with_val else [])
    lines = [sep.join(head)]
    for u, c, i, v in zip(data.t_u.tolist(), data.t_c.tolist(), data.include.tolist(), data.val.tolist()):
        row = (
            [fmt_exact(u), fmt_exact(c)]
            + (["1" if i else "0"] if with_inc else [])
            + (["1" if v else "0"] if with_val else [])
        )
        lines.append(sep.join(row))
    return "\n".join(lines) + "\n"


def write_csv(path: str | os.PathLike, data: Dataset) -> None:
    """Write atomically: a crash mid-write leaves any previous file intact."""
    atomic_write_text(path, format_csv(data))
