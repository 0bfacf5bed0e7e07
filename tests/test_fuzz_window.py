"""Fuzzing the window at its seams: files opened through `window.open_path`, and text typed into every control.

- Sessions: valid ones (every setting at and within its field's limits, readings, a result or none, a later version's
  keys) open, and every setting, reading and result is what was written -- in the run state and in the controls.
  Broken ones (values beyond the limits, wrong types, missing keys, truncated JSON, a foreign or newer format, random
  bytes, ...) are refused: open_path returns False, says so in the status line, and nothing in the window changed.
- CSVs: the same, written in simple unambiguous forms (comma + decimal point, semicolon + decimal comma).
- Typing: random text typed key by key into every NumberField (arrows and Enter too, letters into the combo boxes),
  checked against a model of the contract: each keystroke whose text parses (field.parse) commits that value; text
  that does not parse shows a problem and commits nothing, so the run state keeps the last usable value; a problem on
  a field that is used makes run_state.config() raise ConfigError with that field's message.
Throughout: no exception leaves a slot and Qt logs no warning, checked per example so hypothesis can shrink.

One window per test function, reused across examples (hypothesis' function-scoped-fixture check is suppressed): each
example starts from the window as the last one left it (files) or from a reset done through the window (typing).
EXAMPLES per test in the default run, SLOW_EXAMPLES with `--slow`.
"""

from __future__ import annotations

import itertools
import json
import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt, QtMsgType
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from tests.core.test_session import limit_values
from tests.ui.conftest import fresh_settings, no_dangling_threads, prompts, window
from thermogui.core.config import ConfigError, StopReason, TrainConfig
from thermogui.core.dataset import MAX_ABS_VALUE
from thermogui.core.fields import BY_NAME, FIELDS, MAX_TEXT
from thermogui.core.session import FORMAT, REQUIRED_CONFIG, VERSION
from thermogui.core.session_result import RESULT_KINDS
from thermogui.core.session_values import MAX_DEPTH

FIXTURES = (fresh_settings, no_dangling_threads, prompts, window)  # tests/ui's fixtures, for the tests here

EXAMPLES = 170
SLOW_EXAMPLES = 2000

_COMMON = dict(
    deadline=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


def fuzz(strategy):
    """Two tests of one property with the `window` fixture: EXAMPLES examples, and SLOW_EXAMPLES under --slow."""

    def make(fn):
        fast = settings(max_examples=EXAMPLES, **_COMMON)(given(strategy)(fn))
        slow = pytest.mark.slow(settings(max_examples=SLOW_EXAMPLES, **_COMMON)(given(strategy)(fn)))
        return fast, slow

    return make


NUMBER_FIELDS = [f for f in FIELDS if f.widget and f.kind in ("float", "int")]
CHOICE_FIELDS = [f for f in FIELDS if f.widget and f.kind == "choice"]
_NAMES = itertools.count()


# --- the window ---------------------------------------------------------------------------------------------------
class Seam:
    """Per example: no exception out of a slot and no Qt warning (attributed to the example, so hypothesis shrinks)."""

    def __init__(self, qtbot, qtlog, request):
        self.qtbot, self.qtlog = qtbot, qtlog
        self.ignore = [re.compile(p) for p in request.config.getini("qt_log_ignore")]

    def __enter__(self):
        self._start = len(self.qtlog.records)
        self._capture = self.qtbot.capture_exceptions()
        self.errors = self._capture.__enter__()
        return self

    def __exit__(self, *exc):
        self._capture.__exit__(*exc)
        if exc[0] is None:
            assert not self.errors, f"exception in a Qt slot: {self.errors[0][1]!r}"
            bad = [
                r.message
                for r in self.qtlog.records[self._start :]
                if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
                and not any(p.search(r.message) for p in self.ignore)
            ]
            assert not bad, f"Qt warnings: {bad}"
        return False


@pytest.fixture
def seam(qtbot, qtlog, request):
    return Seam(qtbot, qtlog, request)


def controls_shown(window) -> dict:
    return {
        name: (w.currentData() if isinstance(w, QComboBox) else (w.text(), w.problem()))
        for name, w in window.controls.inputs.items()
    }


def snapshot(window) -> dict:
    """Everything a refused open must leave as it was."""
    rs = window.run_state
    return {
        "dataset": rs.dataset,
        "values": rs.values,
        "committed": rs.committed_config(),
        "problems": rs.problems(),
        "path": window.files.path,
        "source": window.files.source,
        "title": window.windowTitle(),
        "modified": window.isWindowModified(),
        "last_run": id(rs.last_run),
        "stale": rs.stale,
        "controls": controls_shown(window),
        "undo": window.model.undo_stack.count(),
    }


def close_dialogs(window) -> None:
    import shiboken6

    for box in window.findChildren(QMessageBox):
        box.close()
        shiboken6.delete(box)


def write(tmp_path, suffix: str, content) -> object:
    path = tmp_path / f"f{next(_NAMES)}{suffix}"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def assert_refused(window, path) -> None:
    before = snapshot(window)
    assert window.open_path(path) is False
    after = snapshot(window)
    changed = [k for k in before if before[k] != after[k]]
    assert not changed, f"a refused open changed {changed}: {[(before[k], after[k]) for k in changed]}"
    assert f"Could not open {path.name}" in window.status_label.text()
    close_dialogs(window)


# --- values ---------------------------------------------------------------------------------------------------------
def stored(f):
    """A value a session may store for field `f`: at its limits, its default, or anywhere within."""
    limits = st.sampled_from(limit_values(f))
    if f.kind == "choice":
        return limits
    if f.kind == "bool":
        return st.booleans()
    if f.kind == "int":
        return limits | st.integers(int(f.minimum), int(f.maximum)) | st.integers(int(f.minimum), min(10**6, f.maximum))
    inside = st.floats(f.minimum, f.maximum, exclude_min=f.min_open, exclude_max=f.max_open)
    return limits | inside | (st.none() if f.kind == "optional_float" else st.nothing())


def beyond(f) -> list:
    """Stored values just and far beyond field `f`'s limits (an open end itself included), and non-finite ones."""
    lo, hi = f.minimum, f.maximum
    if f.kind == "int":
        return [int(lo) - 1, int(hi) + 1, int(hi) * 10**6, -(10**30)]
    return [
        float(lo) if f.min_open else math.nextafter(float(lo), -math.inf),
        float(hi) if f.max_open else math.nextafter(float(hi), math.inf),
        float(lo) - 1e6 - abs(float(lo)),
        float(hi) * 10 + 1,
        math.inf,
        -math.inf,
        math.nan,
    ]


def wrong_types(f) -> list:
    if f.kind == "choice":
        return [1, None, True, "", f.choices[0][0].upper() + "!", " " + f.choices[-1][0], [f.choices[0][0]]]
    if f.kind == "bool":
        return [1, 0, "true", None, []]
    out = ["0.5", str(f.default), True, False, [], {}, [1.0]]
    if f.kind != "optional_float":
        out.append(None)
    if f.kind == "int":
        out += [2.5, int(f.minimum) + 0.5, "1e3"]
    return out


reading = st.one_of(
    st.floats(-MAX_ABS_VALUE, MAX_ABS_VALUE),
    st.integers(-(10**6), 10**6),
    st.sampled_from([MAX_ABS_VALUE, -MAX_ABS_VALUE, 0.0, -0.0, 5e-324, 0.1 + 0.2, 1e-300]),
)
json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
result_number = st.none() | st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def results(draw):
    result = {
        "stop_reason": draw(st.sampled_from([r.value for r in StopReason])),
        "epochs_run": draw(st.integers(0, 10**7)),
        **{k: draw(result_number) for k in ("w", "b", "w_model", "b_model", "loss")},
    }
    if draw(st.booleans()):
        result["stale"] = draw(st.booleans())
    if draw(st.booleans()):
        result["later_metric"] = draw(json_value)  # a key of a later version's summary
    return result


@st.composite
def valid_docs(draw):
    n = draw(st.integers(0, 12))
    data = {
        "t_u": draw(st.lists(reading, min_size=n, max_size=n)),
        "t_c": draw(st.lists(reading, min_size=n, max_size=n)),
    }
    if draw(st.booleans()):
        data["include"] = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    config = {
        f.name: draw(stored(f)) for f in FIELDS if f.name in REQUIRED_CONFIG or draw(st.integers(0, 5))
    }  # now and then left out: the default
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": "9.9.9",
        "saved_at": "2031-01-01T00:00:00Z",
        "data": data,
        "config": config,
        "result": draw(st.none() | results()),
    }
    if doc["result"] is not None and config.get("model", "line") != "line":
        doc["result"]["stale"] = True  # a line's result beside another model's settings: made by other settings
    if draw(st.integers(0, 3)) == 0:  # a later version's keys, at every level
        doc["later_panel"] = draw(json_value)
        config["later_setting"] = draw(json_value)
        data["units"] = draw(json_value)
    return doc


def expected_values(doc) -> dict:
    out = {}
    for f in FIELDS:
        v = doc["config"].get(f.name, f.default)
        out[f.name] = float(v) if f.kind in ("float", "optional_float") and v is not None else v
    return out


# --- breaking a valid session ---------------------------------------------------------------------------------------
def _set(doc, where, value):
    parent = doc
    for k in where[:-1]:
        parent = parent[k]
    parent[where[-1]] = value


def _delete(doc, where):
    parent = doc
    for k in where[:-1]:
        parent = parent[k]
    del parent[where[-1]]


@st.composite
def broken_sessions(draw):
    """(bytes of a session file that must be refused, what is wrong with it)."""
    doc = draw(valid_docs())
    data = doc["data"]
    how = draw(
        st.sampled_from(
            [
                "beyond",
                "wrong_type",
                "missing_config",
                "reading",
                "lengths",
                "include",
                "section",
                "result",
                "format",
                "version",
                "truncated",
                "random_bytes",
                "not_object",
                "empty",
                "deep",
                "not_utf8",
                "nul",
            ]
        )
    )
    if how == "beyond":
        f = draw(st.sampled_from([f for f in FIELDS if f.kind in ("float", "int", "optional_float")]))
        doc["config"][f.name] = draw(st.sampled_from(beyond(f)))
    elif how == "wrong_type":
        f = draw(st.sampled_from(FIELDS))
        doc["config"][f.name] = draw(st.sampled_from(wrong_types(f)))
    elif how == "missing_config":
        _delete(doc, ("config", draw(st.sampled_from(REQUIRED_CONFIG))))
    elif how == "reading":
        if not data["t_u"]:
            data["t_u"], data["t_c"] = [1.0], [2.0]
            data.pop("include", None)
        column = draw(st.sampled_from(["t_u", "t_c"]))
        row = draw(st.integers(0, len(data[column]) - 1))
        data[column][row] = draw(
            st.sampled_from(
                [
                    math.nextafter(MAX_ABS_VALUE, math.inf),
                    -1e31,
                    1e308,
                    10**400,
                    math.inf,
                    -math.inf,
                    math.nan,
                    None,
                    "35.7",
                    True,
                    [],
                    {},
                ]
            )
        )
    elif how == "lengths":
        data[draw(st.sampled_from(["t_u", "t_c"]))].append(draw(reading))
    elif how == "include":
        n = len(data["t_u"])
        if n and draw(st.booleans()):
            data["include"] = [True] * n
            data["include"][draw(st.integers(0, n - 1))] = draw(st.sampled_from([2, "yes", None, 0.5, []]))
        else:
            data["include"] = draw(st.sampled_from([[True] * (n + 1), [False] * (n + 2), True, "all", {}]))
    elif how == "section":
        where = draw(st.sampled_from([("data",), ("config",), ("data", "t_u"), ("data", "t_c")]))
        if draw(st.booleans()):
            _delete(doc, where)
        else:
            _set(
                doc,
                where,
                draw(st.sampled_from([None, [], "x", 3, True] if len(where) == 1 else [None, "1,2", 5, {}, True])),
            )
    elif how == "result":
        result = doc["result"] = doc["result"] or draw(results())
        change = draw(st.sampled_from(["missing", "stop_reason", "epochs_run", "number", "not_object"]))
        if change == "missing":
            del result[draw(st.sampled_from(list(RESULT_KINDS)))]
        elif change == "stop_reason":
            result["stop_reason"] = draw(st.sampled_from(["exploded", "", "COMPLETED", 1, None, []]))
        elif change == "epochs_run":
            result["epochs_run"] = draw(st.sampled_from([1.5, "5", None, True, []]))
        elif change == "number":
            result[draw(st.sampled_from(["w", "b", "w_model", "b_model", "loss"]))] = draw(
                st.sampled_from(["0.5", True, [], {}])
            )
        else:
            doc["result"] = draw(st.sampled_from([3, [], "done", True, 0.0]))
    elif how == "format":
        if draw(st.booleans()):
            del doc["format"]
        else:
            doc["format"] = draw(
                st.sampled_from(["thermogui-sessions", "", None, 1, "jupyter-notebook", FORMAT.upper()])
            )
    elif how == "version":
        if draw(st.booleans()):
            del doc["version"]
        else:
            doc["version"] = draw(
                st.one_of(st.integers(VERSION + 1, 10**9), st.sampled_from([0, -1, "1", 1.5, True, None, [1]]))
            )
    elif how == "deep":
        v = 1
        for _ in range(draw(st.integers(MAX_DEPTH + 1, 400))):
            v = [v]
        where = draw(st.sampled_from([("later",), ("config", "later"), ("data", "later")]))
        _set(doc, where, v)
    text = json.dumps(doc)  # NaN and Infinity are written as JSON's non-standard literals
    if how == "truncated":
        text = text[: draw(st.integers(0, len(text) - 1))]
    elif how == "random_bytes":
        return draw(st.binary(max_size=300)), how
    elif how == "not_object":
        text = json.dumps(draw(st.sampled_from([[doc], FORMAT, 1, None, True, [], "{}"])))
    elif how == "empty":
        text = draw(st.sampled_from(["", " ", "\n\n", "\ufeff", "\t \r\n"]))
    elif how == "not_utf8":
        raw = text.encode()
        i = draw(st.integers(0, len(raw)))
        return raw[:i] + draw(st.sampled_from([b"\xff", b"\xe9", b"\x80", b"\xc3"])) + b" " + raw[i:], how
    elif how == "nul":
        raw = text.encode()
        i = draw(st.integers(0, len(raw)))
        return raw[:i] + b"\x00" + raw[i:], how
    return text.encode(), how


# --- CSVs ------------------------------------------------------------------------------------------------------------
csv_value = st.one_of(
    st.floats(-MAX_ABS_VALUE, MAX_ABS_VALUE),
    st.integers(-(10**6), 10**6).map(float),
    st.sampled_from([MAX_ABS_VALUE, -MAX_ABS_VALUE, 0.0, 5e-324, 35.7, -3.25]),
)


@st.composite
def csv_rows(draw):
    """(t_u, t_c, separator, the data lines' cells) of a valid CSV in one of the two simple forms."""
    n = draw(st.integers(2, 12))
    t_u = draw(st.lists(csv_value, min_size=n, max_size=n))
    t_c = draw(st.lists(csv_value, min_size=n, max_size=n))
    sep = draw(st.sampled_from([",", ";"]))

    def cell(v: float) -> str:
        return repr(v) if sep == "," else repr(v).replace(".", ",")

    return t_u, t_c, sep, [[cell(u), cell(c)] for u, c in zip(t_u, t_c)]


def csv_text(draw, sep, cells) -> str:
    lines = ([f"t_u{sep}t_c"] if draw(st.booleans()) else []) + [sep.join(row) for row in cells]
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return eol.join(lines) + (eol if draw(st.booleans()) else "")


@st.composite
def csv_files(draw):
    """(bytes, t_u, t_c) of a valid CSV, or (bytes, None, how) of one that must be refused."""
    t_u, t_c, sep, cells = draw(csv_rows())
    if draw(st.booleans()):
        return csv_text(draw, sep, cells).encode(), t_u, t_c
    how = draw(st.sampled_from(["cell", "one_value", "random_bytes", "not_utf8", "empty"]))
    row = draw(st.integers(1, len(cells) - 1))  # never the first line: all text there would be a header
    if how == "cell":
        bad = draw(
            st.sampled_from(
                ["abc", "1e31", "-1e31", "1e400", "nan", "inf", "-inf", "", "1.2.3", "--4", "0x10", "12abc", "t_u"]
            )
        )
        cells[row][draw(st.integers(0, 1))] = bad
    elif how == "one_value":
        cells[row] = cells[row][:1]
    text = csv_text(draw, sep, cells)
    if how == "random_bytes":
        return draw(st.binary(max_size=200)) + b"\x00", None, how
    if how == "not_utf8":
        raw = text.encode()
        i = draw(st.integers(0, len(raw)))
        return raw[:i] + draw(st.sampled_from([b"\xff", b"\xb0", b"\xe9 "])) + raw[i:], None, how
    if how == "empty":
        return draw(st.sampled_from([b"", b"\n", b"t_u,t_c\n", b"t_u;t_c\r\n"])), None, how
    return text.encode(), None, how


# --- typing ----------------------------------------------------------------------------------------------------------
def _formats(v) -> list[str]:
    if isinstance(v, int):
        return [str(v), f"{v:,}", f"{v:_}", f" {v} ", str(v).replace("-", "\u2212"), f"{v}.0", f"{v:e}"]
    r = repr(v)
    return [r, f"{v:.17g}", f"{v:e}", r.replace(".", ","), r.upper(), f" {r} ", r.replace("-", "\u2212"), f"{v:.3f}"]


def texts_for(f):
    numbers = limit_values(f) + [v for v in beyond(f) if not (isinstance(v, float) and not math.isfinite(v))]
    return st.one_of(
        st.sampled_from(numbers).flatmap(lambda v: st.sampled_from(_formats(v))),
        (st.integers(-(10**12), 10**12) if f.kind == "int" else st.floats(allow_nan=False)).map(str),
        st.text(alphabet="abcexyzEINnf+-.,", max_size=8),  # letters (and half-typed numbers: "1e-", "-.")
        st.integers(MAX_TEXT - 4, 2 * MAX_TEXT).flatmap(
            lambda k: st.sampled_from(
                ["9" * k, "1" + "0" * k, "0." + "0" * k + "1", "1e" + "9" * (k // 4), "-" + "9" * k]
            )
        ),  # huge digits
        st.sampled_from(
            [
                "",
                " ",
                "nan",
                "inf",
                "-inf",
                "Infinity",
                "1,000",
                "12,500",
                "0,5",
                "1 000",
                "1'000",
                "\u221212",
                "١٢",
                "１２",
                "1e",
                ".",
                "-",
                "+",
                "0x10",
                "1_0",
                "5e-324",
                "1e-400",
                "1e309",
            ]
        ),
        st.text(st.characters(exclude_categories=["Cc", "Cf", "Cs", "Co", "Cn"]), max_size=10),
    )


def type_text(qtbot, w, text: str) -> None:
    """Select all and type `text` key by key, as a person does (Backspace for nothing).  Printable ASCII goes through
    qtbot.keyClicks; QTest cannot make other characters (it aborts), so they come as the key events an input method
    or another keyboard layout sends: a key press carrying the character."""
    w.setFocus()
    w.selectAll()
    if not text:
        qtbot.keyClick(w, Qt.Key_Backspace)
        return
    for ascii_run, chars in itertools.groupby(text, key=lambda c: " " <= c <= "~"):
        chars = "".join(chars)
        if ascii_run:
            qtbot.keyClicks(w, chars)
        else:
            for c in chars:
                for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                    QApplication.sendEvent(w, QKeyEvent(kind, 0, Qt.NoModifier, c))


PRESS_KEYS = {
    "Up": Qt.Key_Up,
    "Down": Qt.Key_Down,
    "PageUp": Qt.Key_PageUp,
    "PageDown": Qt.Key_PageDown,
    "Return": Qt.Key_Return,
    "Enter": Qt.Key_Enter,
}


@st.composite
def typing_cases(draw):
    start = {
        "normalize": draw(st.sampled_from(["none", "scale", "zscore"])),
        "optimizer": draw(st.sampled_from(["sgd", "adam"])),
        "val_fraction": draw(st.sampled_from([0.0, 0.25])),
    }
    actions = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 6))
        if kind <= 4:
            f = draw(st.sampled_from(NUMBER_FIELDS))
            actions.append(("type", f.name, draw(texts_for(f))))
        elif kind == 5:  # the arrows and Enter, after typing or not
            f = draw(st.sampled_from(NUMBER_FIELDS))
            actions.append(("press", f.name, draw(st.sampled_from(list(PRESS_KEYS)))))
        else:
            f = draw(st.sampled_from(CHOICE_FIELDS))
            actions.append(("keys", f.name, draw(st.text(alphabet="nszbagdNSZBAGD", min_size=1, max_size=3))))
    return start, actions


class Model:
    """What the window should hold: the committed values and each control's problem (the contract, kept apart)."""

    def __init__(self, values: dict):
        self.values = dict(values)
        self.problems: dict[str, str] = {}

    def edited(self, name: str, text: str) -> None:
        """One textEdited: a usable text commits its value, any other shows its reason and commits nothing."""
        f = BY_NAME[name]
        try:
            v = f.parse(text)
        except ConfigError as e:
            self.problems[name] = str(e)
            return
        self.problems.pop(name, None)
        self.set(name, v)

    def set(self, name: str, v) -> None:
        old = self.values[name]
        if old == v and type(old) is type(v):
            return  # nothing changed: no settingsChanged
        self.values[name] = v
        for n in list(self.problems):  # a field no longer used shows its committed value again
            if not BY_NAME[n].used(self.values):
                del self.problems[n]

    def used_problems(self) -> list[tuple[str, str]]:
        return [(f.name, self.problems[f.name]) for f in FIELDS if f.name in self.problems and f.used(self.values)]


JUNK = ["abc", "", " ", "1e", "-", "x1", "1.2.3", "nan", "9" * (MAX_TEXT + 1)]  # text no field can use
junk_typing = st.none() | st.tuples(st.sampled_from([f.name for f in NUMBER_FIELDS]), st.sampled_from(JUNK))


def type_junk(qtbot, window, junk) -> str | None:
    """Leave a control half-typed with text it cannot use (if it is enabled); the field's name, or None."""
    if junk is None or not window.controls.inputs[junk[0]].isEnabled():
        return None
    name, text = junk
    w = window.controls.inputs[name]
    type_text(qtbot, w, text)
    assert w.problem() is not None and window.run_state.problems()
    return name


def clear_problems(qtbot, window) -> None:
    """Retype each control that shows a problem with its committed value."""
    for name, w in window.controls.inputs.items():
        if not isinstance(w, QComboBox) and w.problem() is not None:
            type_text(qtbot, w, BY_NAME[name].format(window.run_state.value(name)))
            assert w.problem() is None


def reset_controls(qtbot, window, start: dict) -> None:
    """Start an example from the defaults and `start`, through the window: retype each control showing a problem
    with its committed value, then commit the settings at once (as opening a session or a preset does)."""
    clear_problems(qtbot, window)
    window.run_state.set_config(TrainConfig(**start))


def check_window_matches(window, model: Model) -> None:
    rs = window.run_state
    for f in FIELDS:
        v = rs.value(f.name)
        assert v == model.values[f.name] and type(v) is type(model.values[f.name]), f.name
    for name, w in window.controls.inputs.items():
        f = BY_NAME[name]
        assert w.isEnabled() == f.used(model.values), name
        if isinstance(w, QComboBox):
            assert w.currentData() == model.values[name], name
        else:
            assert w.problem() == model.problems.get(name), name
            if w.problem() is None:
                assert f.parse(w.text()) == model.values[name], (name, w.text())
    assert rs.problems() == model.used_problems()
    assert rs.committed_config() == TrainConfig(**model.values)
    if model.used_problems():
        name, reason = model.used_problems()[0]
        with pytest.raises(ConfigError) as err:
            rs.config()
        assert str(err.value) == reason and BY_NAME[name].label in str(err.value)
    else:
        assert rs.config() == TrainConfig(**model.values)


# --- the properties --------------------------------------------------------------------------------------------------
def _open_valid_session(window, qtbot, tmp_path, seam, case):
    doc, junk = case
    with seam:
        clear_problems(qtbot, window)
        type_junk(qtbot, window, junk)  # a person half-way through typing opens a file
        path = write(tmp_path, ".thermogui.json", json.dumps(doc))
        assert window.open_path(path), window.status_label.text()
        rs = window.run_state
        values = expected_values(doc)
        for f in FIELDS:
            v = rs.value(f.name)
            assert v == values[f.name] and type(v) is type(values[f.name]), (f.name, v, values[f.name])
        assert rs.committed_config() == TrainConfig(**values)
        assert rs.problems() == [] and rs.config() == TrainConfig(**values)
        shown = controls_shown(window)
        for name, w in window.controls.inputs.items():
            if isinstance(w, QComboBox):
                assert shown[name] == values[name], name
            else:  # a control left half-typed too: it shows the session's value
                text, problem = shown[name]
                assert problem is None and BY_NAME[name].parse(text) == values[name], (name, text, values[name])
        data = doc["data"]
        assert rs.dataset.t_u.tolist() == [float(v) for v in data["t_u"]]
        assert rs.dataset.t_c.tolist() == [float(v) for v in data["t_c"]]
        assert rs.dataset.include.tolist() == data.get("include", [True] * len(data["t_u"]))
        summary = window.result_summary()
        if doc["result"] is None:
            assert summary is None
        else:
            for key, v in doc["result"].items():
                if key != "stale":
                    assert summary[key] == v, key
            assert summary["stale"] == bool(doc["result"].get("stale"))
        assert window.files.path == path and window.windowTitle().startswith(path.name)
        assert not window.isWindowModified()


test_open_valid_sessions, test_open_valid_sessions_slow = fuzz(st.tuples(valid_docs(), junk_typing))(
    _open_valid_session
)


@st.composite
def primed(draw, broken):
    """A broken file, sometimes after a valid session was opened or with a control half-typed: refusing it must
    leave the window exactly as it was, whatever it held."""
    return draw(st.none() | valid_docs()), draw(junk_typing), draw(broken)


def _open_broken_session(window, qtbot, tmp_path, seam, case):
    first, junk, (content, _how) = case
    with seam:
        clear_problems(qtbot, window)
        if first is not None:
            assert window.open_path(write(tmp_path, ".thermogui.json", json.dumps(first)))
        type_junk(qtbot, window, junk)
        assert_refused(window, write(tmp_path, ".thermogui.json", content))


test_open_broken_sessions, test_open_broken_sessions_slow = fuzz(primed(broken_sessions()))(_open_broken_session)


def _open_csv(window, tmp_path, seam, case):
    content, t_u, t_c = case
    with seam:
        path = write(tmp_path, ".csv", content)
        if t_u is None:
            assert_refused(window, path)
            return
        config = window.run_state.committed_config()
        assert window.open_path(path), window.status_label.text()
        rs = window.run_state
        assert rs.dataset.t_u.tolist() == t_u and rs.dataset.t_c.tolist() == t_c
        assert rs.dataset.include.all()
        assert rs.committed_config() == config  # readings only: the settings stay
        assert window.files.source == path and window.files.path is None
        assert path.name in window.windowTitle() and not window.isWindowModified()


test_open_csvs, test_open_csvs_slow = fuzz(csv_files())(_open_csv)


def _type_into_controls(window, qtbot, seam, case):
    start, actions = case
    with seam:
        reset_controls(qtbot, window, start)
        model = Model(window.run_state.values)
        check_window_matches(window, model)
        for kind, name, text in actions:
            w = window.controls.inputs[name]
            if kind == "keys":  # keyboard search in a combo box: whatever it picks is what the state holds
                w.setFocus()
                qtbot.keyClicks(w, text)
                model.set(name, w.currentData())
            elif not w.isEnabled():
                assert not BY_NAME[name].used(model.values)  # a control for a setting not used cannot be typed in
                continue
            elif kind == "press":
                w.setFocus()
                qtbot.keyClick(w, PRESS_KEYS[text])
                if name in model.problems or text in ("Return", "Enter"):
                    pass  # Enter commits nothing more; the arrows do not step from text that cannot be used
                else:  # a step within the limits, shown as the value it committed (or no step at a limit)
                    f, value = BY_NAME[name], window.run_state.value(name)
                    assert f.check(value) == value and f.parse(w.text()) == value and w.problem() is None
                    model.set(name, value)
            else:
                before = w.text()
                type_text(qtbot, w, text)
                assert w.text() == text
                for t in [text[:i] for i in range(1, len(text) + 1)] if text else [""] if before else []:
                    model.edited(name, t)
                try:
                    value = BY_NAME[name].parse(text)
                except ConfigError:
                    assert w.problem() is not None  # ... and the committed value is the last usable one typed
                else:
                    assert w.problem() is None and window.run_state.value(name) == value
            check_window_matches(window, model)


test_typing_into_every_control, test_typing_into_every_control_slow = fuzz(typing_cases())(_type_into_controls)


# --- the bugs this fuzzing found, as plain regression tests ---------------------------------------------------------
def test_opening_a_session_replaces_a_half_typed_setting(window, qtbot, tmp_path):
    lr = window.controls.inputs["lr"]
    type_text(qtbot, lr, "abc")
    assert lr.problem() is not None
    path = tmp_path / "s.thermogui.json"
    path.write_text(
        json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "data": {"t_u": [1, 2], "t_c": [3, 4]},
                "config": {"lr": 0.05, "epochs": 10, "normalize": "none"},
            }
        )
    )
    assert window.open_path(path)
    assert window.run_state.value("lr") == 0.05 and window.run_state.problems() == []  # Start runs 0.05 ...
    assert lr.problem() is None and lr.text() == "0.05"  # ... and shows it (it kept showing "abc" before)


def test_readings_whose_t_u_differ_by_1e_200_open_without_an_error(window, qtbot, tmp_path):
    path = tmp_path / "tiny.csv"
    path.write_text("t_u,t_c\n0,1\n1e-200,2\n")
    # np.ptp(t_u) > 0, but the least-squares sum of squared deviations underflows to 0: a ValueError left two slots
    with qtbot.capture_exceptions() as errors:
        assert window.open_path(path)
    assert not errors, errors[0][1]
