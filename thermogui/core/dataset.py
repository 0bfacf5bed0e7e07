"""Paired thermometer readings: t_u (unknown units) and t_c (degrees Celsius).

A `Dataset` is immutable; edits make a new one.  Every value is a finite float.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from thermogui.core.errors import NumberError, UserError, quote
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

# The book's eleven readings (Deep Learning with PyTorch, chapter 5).
BOOK_T_C = (0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0)
BOOK_T_U = (35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4)

# Largest magnitude accepted for a reading: anything beyond float32 range would overflow training.
MAX_ABS_VALUE = 1e30
# Longest text read as one number (after stripping spaces): the longest float repr is 24 characters.  Longer text is
# refused by its length before any regex or float() runs (a 10-million-digit paste must not block the window).
MAX_NUMBER_CHARS = 64

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# "1,000" or "12,500": a decimal comma (1.0, 12.5) or a thousands separator (1000, 12500)?  Refused unless the
# context says commas are decimal (a semicolon-separated file, or a file with unambiguous decimal commas).
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")
_NUMBER_LIKE = re.compile(
    r"^[\s+\-\u2212]*(\d[\d\s.,'_]*([eE][+-]?\d*)?|[.,]\d[\d\s.,'_]*([eE][+-]?\d*)?|"
    r"nan|inf|infinity)\s*$",
    re.IGNORECASE,
)


class DataError(UserError):
    """Bad data.  `problems` lists (line or row number, reason) pairs, numbered from 1.  The message lists the first
    ten (a core.tr.Text, so the window shows it in the UI language; each reason may be a Text too)."""

    def __init__(self, problems: list[tuple[int, str]] | str):
        if isinstance(problems, str):
            problems = [(0, problems)]
        self.problems = problems
        super().__init__(problem_list(problems, 10))


def problem_line(n: int, why: str) -> str:
    """One problem of a file or of pasted text: "line 3: 'abc' is not a number…" (just the reason when n is 0)."""
    return msg(QT_TRANSLATE_NOOP("core", "line {n}: {why}"), "core", n=str(n), why=why) if n else why


def problem_list(problems, limit: int) -> str:
    """The first `limit` problems joined with "; " (then "; and 5 more"), a core.tr.Text for the window."""
    text = None
    for n, why in problems[:limit]:
        line = problem_line(n, why)
        text = (
            line if text is None else msg(QT_TRANSLATE_NOOP("core", "{first}; {next}"), "core", first=text, next=line)
        )
    text = "" if text is None else text
    if len(problems) > limit:
        text = msg(
            QT_TRANSLATE_NOOP("core", "{problems}; and {count} more"),
            "core",
            problems=text,
            count=str(len(problems) - limit),
        )
    return text


def looks_like_number(text: str) -> bool:
    """True for anything a person meant as a number, even one `parse_number` refuses ("1e400", "nan", "1,000,000").
    Used to tell a header line from a line of (perhaps bad) data.  Text longer than MAX_NUMBER_CHARS is judged by
    its start only ("9999…" is a number, too long, not a column name)."""
    return bool(_NUMBER_LIKE.match(text.strip()[:MAX_NUMBER_CHARS]))


def settles_decimal_comma(text: str) -> bool:
    """True for a number with a decimal comma that cannot be a thousands separator ("35,7", "0,125", "-3,25"): a
    file holding one writes its commas as decimal commas.  "1,000" and "12,500" settle nothing."""
    s = text.strip().replace("\u2212", "-")
    return (
        len(s) <= MAX_NUMBER_CHARS
        and s.count(",") == 1
        and "." not in s
        and not _AMBIGUOUS_COMMA.match(s)
        and bool(_NUMBER.match(s.replace(",", ".")))
    )


def parse_number(text: str, decimal_comma: bool = True, comma_is_decimal: bool = False) -> float:
    """Parse one reading typed by a person.  Raises ValueError with a reason a person understands.

    Accepts plain and scientific notation and, when `decimal_comma`, a single decimal comma ("3,5").  A comma
    that could equally be a thousands separator ("1,000", "12,500") is refused as ambiguous unless
    `comma_is_decimal` says the context settles it.
    Refuses empty text, text longer than MAX_NUMBER_CHARS (by its length, before any parsing), letters, nan/inf and
    values too large to train with.  A message quotes at most ~40 characters of the text.
    """
    if not isinstance(text, str):
        try:
            text = str(text)
        except ValueError:  # an int of more than 4,300 digits cannot even be turned into text
            raise NumberError(
                msg(
                    QT_TRANSLATE_NOOP("core", "the value is too long for a reading (at most {max} characters)"),
                    "core",
                    max=str(MAX_NUMBER_CHARS),
                )
            ) from None
    s = text.strip()
    if len(s) > MAX_NUMBER_CHARS:
        raise NumberError(
            msg(
                QT_TRANSLATE_NOOP("core", "{text} is too long for a reading (at most {max} characters)"),
                "core",
                text=quote(s),
                max=str(MAX_NUMBER_CHARS),
            )
        )
    shown = s
    s = s.replace("\u2212", "-")  # a typographic minus sign counts as a minus
    if not s:
        raise NumberError(msg(QT_TRANSLATE_NOOP("core", "the cell is empty; type a number such as 35.7"), "core"))
    if decimal_comma and "," in s and "." not in s and s.count(",") == 1:
        if not comma_is_decimal and _AMBIGUOUS_COMMA.match(s):
            raise NumberError(
                msg(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "'{text}' is ambiguous: a decimal comma ({point}) or a thousands separator ({grouped})? "
                        "Type {point} or {grouped}",
                    ),
                    "core",
                    text=s,
                    point=s.replace(",", "."),
                    grouped=s.replace(",", ""),
                )
            )
        s = s.replace(",", ".")
    if not _NUMBER.match(s):
        low = s.lower().lstrip("+-")
        if low in ("nan", "inf", "infinity"):
            raise NumberError(
                msg(
                    QT_TRANSLATE_NOOP("core", "{text} is not a finite number; readings must be real measurements"),
                    "core",
                    text=quote(shown),
                )
            )
        raise NumberError(
            msg(
                QT_TRANSLATE_NOOP("core", "{text} is not a number; type digits like 35.7 or 1.2e3"),
                "core",
                text=quote(shown),
            )
        )
    value = float(s)
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise NumberError(
            msg(
                QT_TRANSLATE_NOOP("core", "{text} is too large; readings must be within ±{max}"),
                "core",
                text=quote(shown),
                max=f"{MAX_ABS_VALUE:g}",
            )
        )
    return value


def _readonly(values, dtype) -> np.ndarray:
    arr = np.array(values, dtype=dtype, copy=True).reshape(-1)
    arr.setflags(write=False)
    return arr


@dataclass(frozen=True, eq=False)
class Dataset:
    """Readings as read-only float64 arrays, plus an include mask (excluded rows are kept but not trained on) and a
    validation mask (readings the user marked as validation readings; when any included reading is marked, those
    are the run's validation readings instead of a seeded random choice)."""

    t_u: np.ndarray
    t_c: np.ndarray
    include: np.ndarray = field(default=None)  # type: ignore[assignment]
    val: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self):
        t_u = _readonly(self.t_u, np.float64)
        t_c = _readonly(self.t_c, np.float64)
        if t_u.shape != t_c.shape:
            raise DataError(
                msg(
                    QT_TRANSLATE_NOOP("core", "t_u has {n_u} values but t_c has {n_c}"),
                    "core",
                    n_u=str(t_u.size),
                    n_c=str(t_c.size),
                )
            )
        inc = _readonly(np.ones(t_u.shape, bool) if self.include is None else self.include, bool)
        if inc.shape != t_u.shape:
            raise DataError(msg(QT_TRANSLATE_NOOP("core", "the include mask does not match the readings"), "core"))
        val = _readonly(np.zeros(t_u.shape, bool) if self.val is None else self.val, bool)
        if val.shape != t_u.shape:
            raise DataError(msg(QT_TRANSLATE_NOOP("core", "the validation mask does not match the readings"), "core"))
        object.__setattr__(self, "val", val)
        object.__setattr__(self, "t_u", t_u)
        object.__setattr__(self, "t_c", t_c)
        object.__setattr__(self, "include", inc)

    @classmethod
    def book(cls) -> Dataset:
        return cls(BOOK_T_U, BOOK_T_C)

    def __len__(self) -> int:
        return int(self.t_u.size)

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, Dataset)
            and np.array_equal(self.t_u, other.t_u)
            and np.array_equal(self.t_c, other.t_c)
            and np.array_equal(self.include, other.include)
            and np.array_equal(self.val, other.val)
        )

    def active(self) -> tuple[np.ndarray, np.ndarray]:
        """The included readings (t_u, t_c)."""
        if self.include.all():
            return self.t_u, self.t_c
        return self.t_u[self.include], self.t_c[self.include]

    def active_val(self) -> np.ndarray:
        """The validation marks of the included readings (all False when none is marked)."""
        return self.val if self.include.all() else self.val[self.include]

    @property
    def marks_val(self) -> bool:
        """True when the user chose the validation readings (at least one included reading is marked)."""
        return bool((self.val & self.include).any())

    @property
    def n_active(self) -> int:
        return int(self.include.sum())

    def problems(self) -> list[tuple[int, str]]:
        """Why this data cannot be trained on, as (row, reason); empty when it can."""
        out: list[tuple[int, str]] = []
        for name, col in (("t_u", self.t_u), ("t_c", self.t_c)):
            bad = np.flatnonzero(~np.isfinite(col) | (np.abs(col) > MAX_ABS_VALUE))
            out += [
                (
                    int(i) + 1,
                    msg(
                        QT_TRANSLATE_NOOP("core", "{name} = {value} is not a finite reading"),
                        "core",
                        name=name,
                        value=repr(float(col[i])),
                    ),
                )
                for i in bad[:20]
            ]
        if out:
            return out
        t_u, _ = self.active()
        if t_u.size < 2:
            return [
                (
                    0,
                    msg(
                        QT_TRANSLATE_NOOP(
                            "core", "at least 2 included readings are needed to fit a line (there are {count})"
                        ),
                        "core",
                        count=str(t_u.size),
                    ),
                )
            ]
        if float(t_u.max()) == float(t_u.min()):
            return [
                (
                    0,
                    msg(
                        QT_TRANSLATE_NOOP(
                            "core", "all included t_u readings are equal, so no line can be fitted; vary t_u"
                        ),
                        "core",
                    ),
                )
            ]
        return []

    def validate(self) -> Dataset:
        """Return self, or raise DataError naming the rows that make training impossible."""
        problems = self.problems()
        if problems:
            raise DataError(problems)
        return self

    # Edits return a new Dataset ------------------------------------------------------------
    def with_value(self, row: int, column: str, value: float) -> Dataset:
        arrays = {"t_u": self.t_u.copy(), "t_c": self.t_c.copy()}
        arrays[column][row] = value
        return Dataset(arrays["t_u"], arrays["t_c"], self.include, self.val)

    def with_include(self, row: int, included: bool) -> Dataset:
        inc = self.include.copy()
        inc[row] = included
        return Dataset(self.t_u, self.t_c, inc, self.val)

    def with_val(self, row: int, marked: bool) -> Dataset:
        val = self.val.copy()
        val[row] = marked
        return Dataset(self.t_u, self.t_c, self.include, val)

    def with_val_rows(self, rows) -> Dataset:
        """Exactly these rows (0-based) marked as validation readings; raises DataError for a row out of range."""
        val = np.zeros(len(self), bool)
        for r in rows:
            if not 0 <= int(r) < len(self):
                raise DataError(
                    msg(
                        QT_TRANSLATE_NOOP("core", "there is no reading {row} (the readings are numbered 1 to {count})"),
                        "core",
                        row=str(int(r) + 1),
                        count=str(len(self)),
                    )
                )
            val[int(r)] = True
        return Dataset(self.t_u, self.t_c, self.include, val)

    def inserted(self, row: int, t_u, t_c, include=None, val=None) -> Dataset:
        t_u = np.atleast_1d(np.asarray(t_u, float))
        t_c = np.atleast_1d(np.asarray(t_c, float))
        inc = np.ones(t_u.shape, bool) if include is None else np.atleast_1d(np.asarray(include, bool))
        vm = np.zeros(t_u.shape, bool) if val is None else np.atleast_1d(np.asarray(val, bool))
        return Dataset(
            np.insert(self.t_u, row, t_u),
            np.insert(self.t_c, row, t_c),
            np.insert(self.include, row, inc),
            np.insert(self.val, row, vm),
        )

    def removed(self, rows) -> Dataset:
        rows = sorted(set(int(r) for r in rows))
        return Dataset(
            np.delete(self.t_u, rows),
            np.delete(self.t_c, rows),
            np.delete(self.include, rows),
            np.delete(self.val, rows),
        )

    def rows(self, rows) -> Dataset:
        idx = np.asarray(sorted(set(int(r) for r in rows)), dtype=np.intp)
        return Dataset(self.t_u[idx], self.t_c[idx], self.include[idx], self.val[idx])
