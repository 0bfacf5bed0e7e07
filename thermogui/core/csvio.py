"""Read and write readings as CSV.

Reading is forgiving about form and strict about content:
- a header row is optional (columns named t_u / t_c in either order; otherwise t_u first, t_c second);
- comma, semicolon or tab separated; blank lines and lines starting with '#' are skipped;
- decimal commas ("3,5") are accepted when the separator is not a comma;
- an optional third column "include" (1/0, yes/no, true/false).
Every bad line is reported by number with its reason, and nothing is half-loaded: either the whole file
becomes a Dataset or DataError is raised.
"""

from __future__ import annotations

import os
from pathlib import Path

from thermogui.core.atomic import atomic_write_text
from thermogui.core.numbers import fmt_exact
from thermogui.core.dataset import _AMBIGUOUS_COMMA, DataError, Dataset, looks_like_number, parse_number

_TRUE = {"1", "yes", "y", "true", "x", "on"}
_FALSE = {"0", "no", "n", "false", "", "off"}
_U_NAMES = {"t_u", "tu", "unknown", "u", "reading", "raw", "x"}
_C_NAMES = {"t_c", "tc", "celsius", "c", "°c", "y"}


def detect_separator(lines: list[str]) -> str:
    """Tab if any data line has one, else semicolon, else comma."""
    if any("\t" in ln for ln in lines):
        return "\t"
    if any(";" in ln for ln in lines):
        return ";"
    return ","


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
    cols.setdefault("t_u", 0 if cols.get("t_c") != 0 else 1)
    cols.setdefault("t_c", 1 if cols["t_u"] != 1 else 0)
    return cols


def _commas_are_decimal(sep: str, lines: list[str]) -> bool:
    """Whether "1,000" in these lines is a decimal comma: certainly with ';' (the separator of decimal-comma
    locales); with a tab only if some field has a comma that cannot be a thousands separator ("35,7")."""
    if sep == ";":
        return True
    for ln in lines:
        for f in ln.split(sep):
            f = f.strip().strip('"').strip()
            if f.count(",") == 1 and "." not in f and not _AMBIGUOUS_COMMA.match(f) and looks_like_number(f):
                return True
    return False


def parse_csv_text(text: str) -> Dataset:
    """Parse CSV text into a Dataset, or raise DataError listing every bad line."""
    if text.startswith("\ufeff"):  # a byte-order mark (text pasted from a file saved by a spreadsheet)
        text = text[1:]
    numbered = [(n, ln.rstrip("\r\n")) for n, ln in enumerate(text.splitlines(), start=1)]
    content = [(n, ln) for n, ln in numbered if ln.strip() and not ln.lstrip().startswith("#")]
    if not content:
        raise DataError("the file has no readings (it is empty or only comments)")
    sep = detect_separator([ln for _, ln in content])
    decimal_comma = sep != ","
    comma_is_decimal = decimal_comma and _commas_are_decimal(sep, [ln for _, ln in content])
    cols = _column_names(content[0][1].split(sep))
    if cols is not None:
        content = content[1:]
    else:
        cols = {"t_u": 0, "t_c": 1}
        first = content[0][1].split(sep)
        if len(first) >= 3 and first[2].strip().strip('"').strip():  # not a trailing separator
            cols["include"] = 2
    t_u: list[float] = []
    t_c: list[float] = []
    inc: list[bool] = []
    problems: list[tuple[int, str]] = []
    need = max(cols.values()) + 1
    for n, line in content:
        fields = [f.strip().strip('"').strip() for f in line.split(sep)]
        if len(fields) < min(need, 2) or len(fields) < max(cols["t_u"], cols["t_c"]) + 1:
            problems.append((n, f"expected 2 values (t_u{_sepname(sep)}t_c), found {len(fields)}"))
            continue
        try:
            u = parse_number(fields[cols["t_u"]], decimal_comma, comma_is_decimal)
            c = parse_number(fields[cols["t_c"]], decimal_comma, comma_is_decimal)
        except ValueError as e:
            problems.append((n, str(e)))
            continue
        flag = True
        if "include" in cols and cols["include"] < len(fields):
            word = fields[cols["include"]].lower()
            if word in _TRUE:
                flag = True
            elif word in _FALSE:
                flag = False
            else:
                problems.append((n, f"include must be 1 or 0, not '{fields[cols['include']]}'"))
                continue
        t_u.append(u)
        t_c.append(c)
        inc.append(flag)
    if problems:
        raise DataError(problems)
    if not t_u:
        raise DataError("the file has a header but no readings")
    return Dataset(t_u, t_c, inc)


def _sepname(sep: str) -> str:
    return {"\t": " <tab> ", ";": "; ", ",": ", "}[sep]


def read_csv(path: str | os.PathLike) -> Dataset:
    """Read a CSV file.  Raises DataError (bad content, with line numbers) or OSError (cannot read)."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError([(line, "the file is not UTF-8 text (is it a spreadsheet saved in another format?)")]) from None
    if "\x00" in text:
        raise DataError("the file contains binary data, not text")
    return parse_csv_text(text)


def format_csv(data: Dataset, sep: str = ",") -> str:
    """CSV text with a header; an include column is written only if some row is excluded."""
    with_inc = not bool(data.include.all())
    head = ["t_u", "t_c"] + (["include"] if with_inc else [])
    lines = [sep.join(head)]
    for u, c, i in zip(data.t_u.tolist(), data.t_c.tolist(), data.include.tolist()):
        row = [fmt_exact(u), fmt_exact(c)] + (["1" if i else "0"] if with_inc else [])
        lines.append(sep.join(row))
    return "\n".join(lines) + "\n"


def write_csv(path: str | os.PathLike, data: Dataset) -> None:
    """Write atomically: a crash mid-write leaves any previous file intact."""
    atomic_write_text(path, format_csv(data))
