"""Property-based tests of every way numbers get in: CSV files, session files, what a person types into a cell.

Every case ends in either a correct load or a clear error (DataError / SessionError / ValueError with a message) --
never another exception, never a half-changed table.  1,000 examples each in the default run (200 for the CSV reader,
parse_number and paste: CSV_EXAMPLES); `--slow` runs many more and a million-line CSV.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
import os
import tempfile

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thermogui.core.config import TrainConfig
from thermogui.core.csvio import format_csv, parse_csv_text, read_csv
from thermogui.core.dataset import (
    MAX_ABS_VALUE,
    MAX_NUMBER_CHARS,
    DataError,
    Dataset,
    parse_number,
    settles_decimal_comma,
)
from thermogui.core.errors import NumberError, UserError
from thermogui.core.session import (
    VERSION,
    Session,
    SessionError,
    load_session,
    session_from_dict,
    session_from_json,
    session_to_dict,
    session_to_json,
)

DEFAULT_EXAMPLES = 1000
CSV_EXAMPLES = 200  # the CSV reader's, parse_number's and paste's default run (each example parses a whole file)
SLOW_EXAMPLES = 20_000
_COMMON = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
    print_blob=True,
)


def fuzz(*strategies, examples: int = DEFAULT_EXAMPLES):
    """Make two tests of one property: `examples` (1,000) in the default run, SLOW_EXAMPLES under --slow.

    test_x, test_x_slow = fuzz(st.text())(_property)
    """

    def make(fn):
        fast = settings(max_examples=examples, **_COMMON)(given(*strategies)(fn))
        slow = pytest.mark.slow(settings(max_examples=SLOW_EXAMPLES, **_COMMON)(given(*strategies)(fn)))
        return fast, slow

    return make


_TMP = tempfile.mkdtemp(prefix="thermogui-fuzz-")

# --- values --------------------------------------------------------------------------------------------------------
readings = st.floats(min_value=-MAX_ABS_VALUE, max_value=MAX_ABS_VALUE, allow_nan=False, allow_infinity=False)
NASTY_TOKENS = [
    "nan",
    "NaN",
    "-nan",
    "+NAN",
    "inf",
    "-inf",
    "+inf",
    "Infinity",
    "-Infinity",
    "INF",
    "infinity",
    "1e400",
    "-1e400",
    "1e309",
    "1.7976931348623157e308",
    "1e31",
    "-1e31",
    "1e30",
    "-1e30",
    "1e-400",
    "5e-324",
    "2.2e-308",
    "1e-320",
    "0",
    "-0",
    "+0.0",
    ".5",
    "5.",
    "1,000",
    "12,500",
    "1,000,000",
    "1.000,5",
    "1,000.5",
    "1 000",
    "1'000",
    "1_000",
    "35,7",
    "-3,25",
    "0,125",
    "1,5e3",
    "0x10",
    "",
    " ",
    '"35.7"',
    '""',
    "\u22124",
    "٣",
    "１２",
    "1e",
    "e5",
    "--4",
    "+-1",
    "1.2.3",
    "3,5.1",
    "abc",
    "t_u",
    "t_c",
    "include",
    "yes",
    "no",
    "#",
    "\u00a035.7",
    "\ufeff1",
]
good_tokens = st.one_of(
    readings.map(repr), st.integers(-(10**6), 10**6).map(str), readings.map(lambda v: repr(v).replace(".", ","))
)
tokens = st.one_of(
    good_tokens,
    good_tokens,
    st.sampled_from(NASTY_TOKENS),
    st.floats().map(repr),
    st.text(max_size=8),
)
separators = st.sampled_from([",", ";", "\t"])


def check_dataset_or_error(load, *args):
    """`load(*args)` gives a Dataset of finite readings, or DataError with line numbers and a message."""
    try:
        d = load(*args)
    except DataError as e:
        assert str(e).strip(), "a DataError without a message"
        assert e.problems and all(isinstance(n, int) and n >= 0 and why.strip() for n, why in e.problems)
        return None
    assert isinstance(d, Dataset)
    assert len(d) >= 1
    for col in (d.t_u, d.t_c):
        assert col.dtype == np.float64
        assert np.isfinite(col).all() and (np.abs(col) <= MAX_ABS_VALUE).all()
    assert d.include.dtype == bool and d.include.shape == d.t_u.shape
    return d


# --- (a) CSV -------------------------------------------------------------------------------------------------------
def _csv_any_text(text):
    d = check_dataset_or_error(parse_csv_text, text)
    if d is not None:  # never more rows than lines that could hold data
        assert len(d) <= len(text.splitlines())


test_csv_any_text, test_csv_any_text_slow = fuzz(st.text(), examples=CSV_EXAMPLES)(_csv_any_text)


@st.composite
def messy_csv(draw):
    """Lines of nasty tokens joined by a separator, with blank lines, comments and an optional header."""
    sep = draw(separators)
    good_rows = st.lists(good_tokens, min_size=2, max_size=2)
    rows = draw(st.lists(st.one_of(good_rows, good_rows, good_rows, st.lists(tokens, max_size=4)), max_size=12))
    lines = [sep.join(r) for r in rows]
    if draw(st.booleans()):
        lines.insert(0, draw(st.sampled_from(["t_u,t_c", "t_c;t_u", "t_u\tt_c\tinclude", "x,y", "a;b"])))
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", "# comment", "   "])))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


def _csv_messy(text):
    d = check_dataset_or_error(parse_csv_text, text)
    if d is not None:  # nothing that is not a plain finite number got in: every value came from a parsable field
        assert len(d) <= len([ln for ln in text.splitlines() if ln.strip()])


test_csv_messy, test_csv_messy_slow = fuzz(messy_csv(), examples=CSV_EXAMPLES)(_csv_messy)


def _read_bytes(raw: bytes):
    path = os.path.join(_TMP, "fuzz.csv")
    with open(path, "wb") as f:
        f.write(raw)
    return read_csv(path)


def _csv_any_bytes(raw):
    check_dataset_or_error(_read_bytes, raw)


test_csv_any_bytes, test_csv_any_bytes_slow = fuzz(
    st.one_of(
        st.binary(max_size=300),
        st.text().map(lambda t: t.encode("utf-16")),  # not UTF-8: a clear refusal
        st.text().map(lambda t: t.encode("latin-1", "replace")),
        messy_csv().map(lambda t: t.encode("utf-8")),
        messy_csv().map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),  # BOM
        st.just(b""),
        st.just(b"\x00\x01\x02"),
    ),
    examples=CSV_EXAMPLES,
)(_csv_any_bytes)


@st.composite
def valid_csv(draw):
    """A well-formed file with known content, written in one of the forms the reader promises to accept."""
    n = draw(st.integers(1, 40))
    t_u = draw(st.lists(readings, min_size=n, max_size=n))
    t_c = draw(st.lists(readings, min_size=n, max_size=n))
    inc = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    data = Dataset(t_u, t_c, inc)
    sep = draw(separators)
    swapped = draw(st.booleans())  # header "t_c,t_u": columns in the other order
    header = draw(st.booleans()) or swapped or not all(inc)
    comma = sep == ";" and draw(st.booleans())  # decimal commas, as a spreadsheet in a comma locale writes them

    style = draw(st.sampled_from(["{!r}", "{:.17g}", "{:.17e}"]))
    pad = draw(st.sampled_from(["{}", " {} ", '"{}"']))

    def num(v):
        s = style.format(v)
        assert float(s) == v
        return pad.format(s.replace(".", ",") if comma else s)

    lines = []
    if header:
        names = ["t_c", "t_u"] if swapped else ["t_u", "t_c"]
        lines.append(sep.join(names + ([] if all(inc) else ["include"])))
    for u, c, i in zip(t_u, t_c, inc):
        pair = [num(c), num(u)] if swapped else [num(u), num(c)]
        if not all(inc):
            pair.append(
                ("1", "yes", "TRUE", "x")[len(pair[0]) % 4] if i else ("0", "no", "false", "")[len(pair[0]) % 4]
            )
        lines.append(sep.join(pair))
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", "# a comment", "  "])))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))
    return data, text


def _csv_valid_round_trip(case):
    data, text = case
    assert parse_csv_text(text) == data
    assert _read_bytes(text.encode("utf-8")) == data
    assert _read_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == data
    assert parse_csv_text(format_csv(data)) == data  # what the app writes, it reads back bit for bit


test_csv_valid_round_trip, test_csv_valid_round_trip_slow = fuzz(valid_csv(), examples=CSV_EXAMPLES)(
    _csv_valid_round_trip
)


@st.composite
def written_csv(draw):
    """A file written by csv.writer in one of the three dialects (comma, semicolon, tab), with its quoting rules
    (minimal, all, non-numeric), perhaps decimal commas (which the writer quotes where ',' is the delimiter), perhaps a
    header in either column order and an include column.  Returns (data, text, number fields written)."""
    n = draw(st.integers(1, 25))
    t_u = draw(st.lists(readings, min_size=n, max_size=n))
    t_c = draw(st.lists(readings, min_size=n, max_size=n))
    inc = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    data = Dataset(t_u, t_c, inc)
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    comma = draw(st.booleans())  # decimal commas, whatever the delimiter
    as_floats = quoting == csv.QUOTE_NONNUMERIC and not comma  # the writer formats floats itself (repr), unquoted
    style = draw(st.sampled_from(["{!r}", "{:.17g}", "{:.17e}"]))
    swapped = draw(st.booleans())
    header = draw(st.booleans()) or swapped or not all(inc)
    with_inc = not all(inc) or draw(st.booleans())
    yes, no = draw(st.sampled_from([("1", "0"), ("yes", "no"), ("TRUE", "false"), ("x", ""), (1, 0)]))

    numbers: list[str] = []

    def num(v):
        if as_floats:
            return v
        s = style.format(v)
        s = s.replace(".", ",") if comma else s
        numbers.append(s)
        return s

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
    if header:
        writer.writerow((["t_c", "t_u"] if swapped else ["t_u", "t_c"]) + (["include"] if with_inc else []))
    for u, c, i in zip(t_u, t_c, inc):
        pair = [num(c), num(u)] if swapped else [num(u), num(c)]
        writer.writerow(pair + ([yes if i else no] if with_inc else []))
    return data, out.getvalue(), (comma and delimiter != ";"), numbers


def _csv_written(case):
    """What csv.writer wrote reads back exactly — unless decimal commas were written where a comma can also be a
    thousands separator (a tab, or quotes in a comma file) and nothing in the file settles it: then it is refused as
    ambiguous, never guessed."""
    data, text, comma_in_doubt, numbers = case
    ambiguous = [f for f in numbers if _is_ambiguous(f)]
    if comma_in_doubt and ambiguous and not any(settles_decimal_comma(f) for f in numbers):
        with pytest.raises(DataError, match="ambiguous"):
            parse_csv_text(text)
        return
    assert parse_csv_text(text) == data
    assert _read_bytes(text.encode("utf-8")) == data


def _is_ambiguous(field: str) -> bool:
    try:
        parse_number(field)
    except ValueError as e:
        return "ambiguous" in str(e)
    return False


test_csv_written, test_csv_written_slow = fuzz(written_csv(), examples=CSV_EXAMPLES)(_csv_written)

BREAKERS = [
    '"',
    ",",
    ";",
    "\t",
    "\n",
    "\r",
    " ",
    "#",
    "x",
    "0",
    "000",
    ",000",
    "1,000",
    '""',
    "\x00",
    "\ufeff",
    "e",
    "-",
    ".",
    "9" * 100,
    "\u2028",
]


@st.composite
def broken_csv(draw):
    """A file csv.writer wrote, then broken: characters inserted (quotes, delimiters, line breaks, digits, a thousands
    separator, NUL), slices deleted, lines duplicated or cut short."""
    _, text, _, _ = draw(written_csv())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "insert", "delete", "cut", "repeat"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(BREAKERS)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 6)) :]
        elif action == "cut":
            text = text[:at]
        else:
            lines = text.split("\n")
            k = draw(st.integers(0, len(lines) - 1))
            text = "\n".join(lines[: k + 1] + [lines[k]] + lines[k + 1 :])
    return text


def _csv_broken(text):
    """Broken files end in a Dataset of finite readings or in DataError (a UserError) — never another exception."""
    for load, arg in ((parse_csv_text, text), (_read_bytes, text.encode("utf-8"))):
        try:
            check_dataset_or_error(load, arg)
        except UserError as e:  # nothing but DataError is expected; a UserError would still be shown properly
            assert isinstance(e, DataError), f"{type(e).__name__}: {e}"


test_csv_broken, test_csv_broken_slow = fuzz(broken_csv(), examples=CSV_EXAMPLES)(_csv_broken)


def _csv_long_values(case):
    """A value of any length is refused by its length with a short message naming its line, never parsed."""
    length, where, sep = case
    lines = ["t_u;t_c".replace(";", sep), "35.7;0.5".replace(";", sep), "55.9;14".replace(";", sep)]
    lines.insert(where, sep.join(["1" * length, "2"]))
    with pytest.raises(DataError) as err:
        parse_csv_text("\n".join(lines))
    assert err.value.problems == [(where + 1, err.value.problems[0][1])]
    assert f"({length:,} characters) is too long" in str(err.value) and len(str(err.value)) < 150


test_csv_long_values, test_csv_long_values_slow = fuzz(
    st.tuples(st.integers(MAX_NUMBER_CHARS + 1, 300_000), st.integers(1, 3), separators),
    examples=50,
)(_csv_long_values)


@pytest.mark.parametrize(
    "text, values",
    [
        ("t_u;t_c\n1,000;12,500\n", [(1.0, 12.5)]),  # ';' is the decimal-comma locales' separator
        ("t_u\tt_c\n35,7\t1,000\n", [(35.7, 1.0)]),  # tab, but "35,7" shows the commas are decimal
        ("t_u\tt_c\n1,000.5\t2\n", None),  # "1,000.5": a thousands separator; refused, not read as 1.0005 or 1
        ("t_u\tt_c\n1,000\t2,000\n", None),  # ambiguous: refused, not read as 1.0 and 2.0
        ("1,000\t2,000\n3\t4\n", None),  # ...and not mistaken for a header line
        ("1e400,5\n1,2\n", None),  # an overflowing first line is bad data, not a header to skip
        ("nan,inf\n1,2\n", None),
        ("1,000,000\t2,000,000\n1\t2\n", None),
    ],
)
def test_thousands_separators_and_odd_first_lines_are_never_silently_misread(text, values):
    if values is None:
        with pytest.raises(DataError) as err:
            parse_csv_text(text)
        assert "line 1" in str(err.value) or "line 2" in str(err.value)
    else:
        d = parse_csv_text(text)
        assert list(zip(d.t_u.tolist(), d.t_c.tolist())) == values


def test_a_100k_line_csv_reads_back_exactly(tmp_path):
    rng = np.random.default_rng(1)
    data = Dataset(rng.normal(50, 20, 100_000), rng.normal(10, 8, 100_000), rng.random(100_000) > 0.1)
    path = tmp_path / "big.csv"
    path.write_text(format_csv(data))
    back = read_csv(path)
    assert back == data
    assert back.t_u.tolist() == data.t_u.tolist()  # bit for bit


@pytest.mark.slow
def test_a_million_line_csv_parses(tmp_path):
    n = 1_000_000
    t_u = np.arange(n) * 0.25 - 1000.0
    t_c = np.sin(np.arange(n)) * 40.0
    path = tmp_path / "million.csv"
    with open(path, "w") as f:
        f.write("t_u;t_c\n")
        for u, c in zip(t_u.tolist(), t_c.tolist()):
            f.write(f"{u!r};{c!r}\n".replace(".", ","))
    d = read_csv(path)
    assert len(d) == n and d.include.all()
    assert d.t_u.tolist() == t_u.tolist() and d.t_c.tolist() == t_c.tolist()
    # one bad line among a million is named, and nothing is loaded
    with open(path, "a") as f:
        f.write("12;oops\n")
    with pytest.raises(DataError, match=f"line {n + 2}: 'oops' is not a number"):
        read_csv(path)


# --- (b) sessions --------------------------------------------------------------------------------------------------
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)

VALID = session_to_dict(
    Session(
        Dataset.book().with_include(3, False),
        TrainConfig(val_fraction=0.2, tol=1e-6),
        {
            "stop_reason": "completed",
            "epochs_run": 5000,
            "w": 0.5367,
            "b": -17.3,
            "w_model": 5.367,
            "b_model": -17.3,
            "loss": 2.927,
            "extra": [1, 2, {"x": None}],
        },
    )
)


def check_session_or_error(load, *args):
    try:
        s = load(*args)
    except SessionError as e:
        assert isinstance(e, ValueError) and str(e).strip()
        return None
    assert isinstance(s, Session)
    d = s.data
    assert np.isfinite(d.t_u).all() and np.isfinite(d.t_c).all()
    assert (np.abs(d.t_u) <= MAX_ABS_VALUE).all() and (np.abs(d.t_c) <= MAX_ABS_VALUE).all()
    assert s.config.validated() is s.config
    if s.result is not None:
        for key in ("w", "b", "w_model", "b_model", "loss"):
            assert s.result[key] is None or isinstance(s.result[key], float)
    # whatever loads can be saved again and loads back the same
    assert session_from_json(session_to_json(s)) == s
    return s


def _paths(v, prefix=()):
    yield prefix
    if isinstance(v, dict):
        for k, x in v.items():
            yield from _paths(x, prefix + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v[:3]):
            yield from _paths(x, prefix + (i,))


PATHS = [p for p in _paths(VALID) if p]


@st.composite
def mutated_sessions(draw):
    """A valid session with one to three keys deleted or replaced by arbitrary JSON (or a version from the future)."""
    doc = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = doc
        try:
            for k in path[:-1]:
                parent = parent[k]
            if isinstance(parent, dict) and draw(st.booleans()):
                parent.pop(path[-1], None)
            elif isinstance(parent, (dict, list)):
                if isinstance(parent, list) and path[-1] >= len(parent):
                    continue
                parent[path[-1]] = draw(
                    st.one_of(json_values, st.integers(2, 10**6) if path == ("version",) else json_scalars)
                )
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced the parent
    return doc


def _session_dict(doc):
    check_session_or_error(session_from_dict, doc)
    check_session_or_error(session_from_json, json.dumps(doc))


test_session_arbitrary_documents, test_session_arbitrary_documents_slow = fuzz(
    st.one_of(json_values, st.dictionaries(st.sampled_from(list(VALID)), json_values))
)(_session_dict)
test_session_mutated, test_session_mutated_slow = fuzz(mutated_sessions())(_session_dict)


def _session_text(text):
    check_session_or_error(session_from_json, text)


test_session_any_text, test_session_any_text_slow = fuzz(
    st.one_of(st.text(), st.text(alphabet='{}[]":,0123456789.eE-+ ntrufalsNIiy\n').map(lambda t: "{" + t))
)(_session_text)


def _session_bytes(raw):
    path = os.path.join(_TMP, "fuzz.thermogui.json")
    with open(path, "wb") as f:
        f.write(raw)
    check_session_or_error(load_session, path)


test_session_any_bytes, test_session_any_bytes_slow = fuzz(
    st.one_of(
        st.binary(max_size=200),
        st.just(json.dumps(VALID).encode("utf-16")),
        st.integers(0, 400).map(lambda i: json.dumps(VALID).encode()[:i]),
    )  # a file cut short
)(_session_bytes)


@given(st.integers(min_value=VERSION + 1))
@settings(max_examples=200, deadline=None)
def test_a_session_from_a_future_version_is_refused_by_name(version):
    doc = dict(VALID, version=version)
    with pytest.raises(SessionError, match=f"newer ThermoGUI \\(version {version}\\)"):
        session_from_dict(doc)


@pytest.mark.parametrize(
    "path",
    [
        ("data",),
        ("data", "t_u"),
        ("data", "t_c"),
        ("config",),
        ("config", "lr"),
        ("config", "epochs"),
        ("config", "normalize"),
        ("format",),
        ("version",),
        ("result", "stop_reason"),
        ("result", "w"),
    ],
)
def test_a_session_missing_a_required_key_names_it(path):
    doc = copy.deepcopy(VALID)
    parent = doc
    for k in path[:-1]:
        parent = parent[k]
    del parent[path[-1]]
    with pytest.raises(SessionError) as err:
        session_from_dict(doc)
    assert f'"{path[-1]}"' in str(err.value) or f"{'.'.join(path)}" in str(err.value)


def test_a_session_missing_optional_keys_takes_the_defaults():
    doc = copy.deepcopy(VALID)
    for k in ("app_version", "saved_at", "result"):
        del doc[k]
    del doc["data"]["include"]
    doc["config"] = {k: doc["config"][k] for k in ("lr", "epochs", "normalize")}
    s = session_from_dict(doc)
    assert s.data == Dataset.book() and s.result is None
    assert s.config == TrainConfig(lr=doc["config"]["lr"], epochs=doc["config"]["epochs"])


@st.composite
def valid_sessions(draw):
    n = draw(st.integers(2, 12))
    data = Dataset(
        draw(st.lists(readings, min_size=n, max_size=n)),
        draw(st.lists(readings, min_size=n, max_size=n)),
        draw(st.lists(st.booleans(), min_size=n, max_size=n)),
    )
    config = TrainConfig(
        lr=draw(st.floats(1e-12, 1e6)),
        epochs=draw(st.integers(1, 10_000_000)),
        init_w=draw(readings),
        init_b=draw(readings),
        normalize=draw(st.sampled_from(["none", "scale", "zscore"])),
        scale=draw(st.floats(1e-30, 1e6)),
        gradient=draw(st.sampled_from(["manual", "autograd"])),
        optimizer=draw(st.sampled_from(["sgd", "adam"])),
        momentum=draw(st.floats(0, 0.999)),
        val_fraction=draw(st.floats(0, 0.9)),
        seed=draw(st.integers(0, 2**63 - 1)),
        tol=draw(st.none() | st.floats(0, 1e3)),
        stop_on_non_finite=draw(st.booleans()),
    )
    result = draw(
        st.none()
        | st.fixed_dictionaries(
            {
                "stop_reason": st.sampled_from(["completed", "non_finite", "converged", "cancelled"]),
                "epochs_run": st.integers(0, 10_000_000),
                **{k: st.floats() for k in ("w", "b", "w_model", "b_model", "loss")},
            }
        )
    )
    return Session(data, config, result)


def _session_round_trip(s):
    back = session_from_json(session_to_json(s))
    assert back == s
    assert back.data.t_u.tolist() == s.data.t_u.tolist() and back.config == s.config


test_session_round_trip, test_session_round_trip_slow = fuzz(valid_sessions())(_session_round_trip)


# --- (c) parse_number ----------------------------------------------------------------------------------------------
def _parse_number_any_text(text):
    try:
        v = parse_number(text)
    except ValueError as e:
        assert type(e) is NumberError and str(e).strip()  # a refusal of the input, never another error
        assert len(str(e)) < 200  # the text is quoted to ~40 characters, however long it was
        if len(text.strip()) > MAX_NUMBER_CHARS:  # refused by its length, whatever it holds
            assert f"({len(text.strip()):,} characters) is too long for a reading" in str(e)
        return
    assert len(text.strip()) <= MAX_NUMBER_CHARS
    assert isinstance(v, float) and math.isfinite(v) and abs(v) <= MAX_ABS_VALUE
    s = text.strip().replace("\u2212", "-")
    assert v == float(s.replace(",", ".")), f"{text!r} read as {v!r}"


long_numbers = st.one_of(  # around the length limit, and far beyond it
    st.integers(MAX_NUMBER_CHARS - 3, MAX_NUMBER_CHARS + 3).flatmap(
        lambda k: st.text(alphabet="0123456789", min_size=k, max_size=k)
    ),
    st.integers(MAX_NUMBER_CHARS - 3, MAX_NUMBER_CHARS + 3).map(lambda k: "0." + "0" * (k - 3) + "1"),
    st.integers(MAX_NUMBER_CHARS + 1, 20_000).map(lambda k: "9" * k),
    st.integers(1, 3_000).map(lambda k: " " * k + "35.7" + "\t" * k),  # spaces do not count
)
number_text = st.one_of(
    st.text(),
    st.sampled_from(NASTY_TOKENS),
    st.builds(
        lambda a, b, c: a + b + c,
        st.sampled_from(["", " ", "-", "+", "\u2212", "\t"]),
        tokens,
        st.sampled_from(["", " ", "\n", "e3", ",5", ".0"]),
    ),
    long_numbers,
)
test_parse_number_any_text, test_parse_number_any_text_slow = fuzz(number_text, examples=CSV_EXAMPLES)(
    _parse_number_any_text
)


def _parse_number_round_trip(v):
    assert parse_number(repr(v)) == v
    assert parse_number(f" {v:.17e} ") == v
    assert parse_number(repr(v).replace(".", ","), comma_is_decimal=True) == v
    assert parse_number(repr(-v).replace("-", "\u2212")) == -v


test_parse_number_round_trip, test_parse_number_round_trip_slow = fuzz(readings, examples=CSV_EXAMPLES)(
    _parse_number_round_trip
)


@pytest.mark.parametrize("text, point, grouped", [("1,000", "1.000", "1000"), ("-12,500", "-12.500", "-12500")])
def test_a_comma_that_may_be_a_thousands_separator_is_refused_with_both_readings(text, point, grouped):
    with pytest.raises(ValueError) as err:
        parse_number(text)
    assert "ambiguous" in str(err.value) and point in str(err.value) and grouped in str(err.value)
    assert parse_number("0,500") == 0.5 and parse_number("1,5") == 1.5 and parse_number("1,0001") == 1.0001


# --- (d) a cell edited through the Qt model --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cell_model(qapp):
    from thermogui.ui.readings.model import ReadingsModel

    model = ReadingsModel(Dataset.book())
    rejected = []
    model.inputRejected.connect(lambda row, col, reason: rejected.append((row, col, reason)))
    return model, rejected


@st.composite
def cell_edits(draw):
    return draw(st.integers(0, 10)), draw(st.sampled_from([1, 2])), draw(number_text)


def _cell_edit(cell_model, edit):
    from PySide6.QtCore import Qt

    from thermogui.ui.readings.model import FIELD

    model, rejected = cell_model
    row, col, text = edit
    before = model.dataset
    depth = model.undo_stack.count()
    rejected.clear()
    changed = []
    conn = model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column())))
    try:
        ok = model.setData(model.index(row, col), text, Qt.EditRole)
    finally:
        model.dataChanged.disconnect(conn)
    try:
        expected = parse_number(text)
    except ValueError as e:
        assert ok is False
        assert model.dataset is before  # not even a copy: nothing changed
        assert model.undo_stack.count() == depth and not changed
        assert len(rejected) == 1 and rejected[0][:2] == (row, col)
        assert rejected[0][2].startswith(f"Row {row + 1}, {FIELD[col]}: ") and str(e) in rejected[0][2]
        return
    assert ok is True and not rejected
    after = model.dataset
    assert after == before.with_value(row, FIELD[col], expected)  # exactly that cell, exactly that value
    assert model.data(model.index(row, col), Qt.EditRole) == format(expected, ".10g")
    if after is not before:
        assert changed == [(row, col, row, col)]
        model.undo_stack.undo()
        assert model.dataset == before
        model.undo_stack.redo()
        assert model.dataset == after
    model.undo_stack.clear()  # keep the stack (and the dataset copies it holds) small across 1,000 examples
    model.reset_dataset(Dataset.book())


_cell_settings = dict(
    _COMMON, suppress_health_check=_COMMON["suppress_health_check"] + [HealthCheck.function_scoped_fixture]
)


@settings(max_examples=DEFAULT_EXAMPLES, **_cell_settings)
@given(edit=cell_edits())
@example(edit=(0, 1, "1,000"))
@example(edit=(3, 2, "nan"))
@example(edit=(10, 1, "\u22124,5"))
def test_cell_input_changes_exactly_that_cell_or_nothing(cell_model, edit):
    _cell_edit(cell_model, edit)


@pytest.mark.slow
@settings(max_examples=SLOW_EXAMPLES, **_cell_settings)
@given(edit=cell_edits())
def test_cell_input_changes_exactly_that_cell_or_nothing_slow(cell_model, edit):
    _cell_edit(cell_model, edit)


@settings(max_examples=DEFAULT_EXAMPLES, **_cell_settings)
@given(
    row=st.integers(0, 10),
    col=st.integers(0, 2),
    value=st.one_of(json_scalars, st.sampled_from([0, 1, 2])),
    role=st.sampled_from([0, 2, 10]),
)  # DisplayRole, EditRole, CheckStateRole
def test_any_value_in_any_role_is_applied_or_refused_never_raises(cell_model, row, col, value, role):
    from PySide6.QtCore import Qt

    model, rejected = cell_model
    before = model.dataset
    ok = model.setData(model.index(row, col), value, Qt.ItemDataRole(role))
    after = model.dataset
    assert isinstance(ok, bool)
    if not ok:
        assert after is before
    else:  # at most the one cell changed
        diff = [
            (r, c)
            for r in range(11)
            for c, a, b in ((0, before.include, after.include), (1, before.t_u, after.t_u), (2, before.t_c, after.t_c))
            if a[r] != b[r]
        ]
        assert diff in ([], [(row, col)])
    model.undo_stack.clear()
    model.reset_dataset(Dataset.book())


@pytest.fixture(scope="module")
def paste_panel(qapp):
    from thermogui.ui.readings.model import ReadingsModel
    from thermogui.ui.readings.table import DataPanel

    panel = DataPanel(ReadingsModel(Dataset.book()))
    return panel


paste_text = st.one_of(
    messy_csv(),
    valid_csv().map(lambda case: case[1]),
    written_csv().map(lambda case: case[1]),
    broken_csv(),
    number_text,
    st.tuples(long_numbers, separators).map(lambda t: f"35.7{t[1]}0.5\n55.9{t[1]}{t[0]}\n"),  # a huge field
)


@settings(max_examples=CSV_EXAMPLES, **_cell_settings)
@given(text=paste_text, row=st.integers(-1, 10), col=st.integers(1, 2))
@example(text="1,000\t2,000\n", row=3, col=1)
@example(text="35.7\t0.5\n55.9\tabc\n", row=0, col=1)
@example(text="9" * 200_000, row=2, col=1)
@example(text="35.7\t0.5\n55.9\t" + "9" * 200_000 + "\n", row=0, col=2)
@example(text='"35,7","0,5"\n"55,9","14"\n', row=10, col=1)
@example(text="90,32\n1,000,38\n", row=0, col=1)
def test_pasting_any_text_inserts_every_row_or_nothing(paste_panel, text, row, col):
    _paste_any_text(paste_panel, text, row, col)


@pytest.mark.slow
@settings(max_examples=SLOW_EXAMPLES // 10, **_cell_settings)
@given(text=paste_text, row=st.integers(-1, 10), col=st.integers(1, 2))
def test_pasting_any_text_inserts_every_row_or_nothing_slow(paste_panel, text, row, col):
    _paste_any_text(paste_panel, text, row, col)


def _paste_any_text(paste_panel, text, row, col):
    from PySide6.QtGui import QGuiApplication

    from thermogui.ui.readings.table import is_single_value

    panel, model = paste_panel, paste_panel.model
    model.reset_dataset(Dataset.book())
    before = model.dataset
    panel.view.setCurrentIndex(model.index(row, col) if row >= 0 else model.index(-1, -1))
    QGuiApplication.clipboard().setText(text)
    panel.message.hide()
    panel.message.clear()
    panel.paste()
    after = model.dataset
    assert len(panel.message.text()) < 600  # at most three short lines, however long the pasted text
    single = text.strip()
    if not single:
        assert after is before and not panel.message.isHidden()
        return
    if is_single_value(single):  # one value into the current cell (the cell-input property above covers its value)
        changed = [
            (r, c)
            for r in range(len(before))
            for c, a, b in ((1, before.t_u, after.t_u), (2, before.t_c, after.t_c))
            if a[r] != b[r]
        ]
        assert len(after) == len(before) and changed in ([], [(row, col)])
        return
    try:
        pasted = parse_csv_text(text)
    except DataError:
        assert after is before and not panel.message.isHidden()  # refused with a visible reason, nothing changed
        assert panel.message.text().startswith("⚠ Nothing was pasted.")
        return
    at = row + 1 if row >= 0 else len(before)
    assert after == before.inserted(at, pasted.t_u, pasted.t_c, pasted.include)  # every row and flag, at the cursor
