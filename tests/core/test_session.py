"""Sessions: a round trip restores the same readings, hyperparameters and result; a broken, foreign or newer file is
refused with a message that names the problem, and nothing is returned; saving is atomic."""

from __future__ import annotations

import dataclasses
import json
import math
import os

import numpy as np
import pytest

from thermogui import __version__
from thermogui.core import atomic
from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.fields import FIELDS
from thermogui.core.report import summarize
from thermogui.core.safeio import FileRefused
from thermogui.core.session import (
    CONFIG_KINDS,
    Session,
    SessionError,
    SessionFileRefused,
    load_session,
    save_session,
    session_from_dict,
    session_from_json,
    session_to_dict,
    session_to_json,
)
from thermogui.core.session_values import MAX_DEPTH
from thermogui.core.training import run

BOOK = Dataset.book()
CONFIG = TrainConfig(
    lr=0.05,
    epochs=1234,
    init_w=0.5,
    init_b=-1.25,
    normalize="zscore",
    scale=0.2,
    gradient="autograd",
    optimizer="adam",
    momentum=0.3,
    val_fraction=0.25,
    seed=7,
    tol=1e-5,
    stop_on_non_finite=False,
)


def book_session(config=TrainConfig(epochs=50), data=BOOK) -> Session:
    _, outcome = run(config, data)
    return Session(data, config, summarize(config, data, outcome))


def doc(**changes) -> dict:
    """A valid session as a dict, with top-level keys replaced (None deletes)."""
    d = json.loads(session_to_json(Session(BOOK, TrainConfig(), None)))
    for k, v in changes.items():
        if v is None:
            d.pop(k, None)
        else:
            d[k] = v
    return d


def refused(text) -> str:
    """The message a session text is refused with (and check nothing is returned)."""
    result = "not raised"
    with pytest.raises(SessionError) as err:
        result = session_from_json(text if isinstance(text, str) else json.dumps(text))
    assert result == "not raised"
    return str(err.value)


# --- round trip -------------------------------------------------------------------------------------------------
def test_round_trip_restores_identical_data_config_and_result(tmp_path):
    data = Dataset(
        [35.7, 55.9, 0.1 + 0.2, -1e-300, 1e30, 48.4],
        [0.5, 14.0, -4.0, 1 / 3, 6.0, 13.0],
        [True, False, True, True, False, True],
    )
    result = {
        "stop_reason": "non_finite",
        "epochs_run": 7,
        "w": 0.1,
        "b": None,
        "w_model": 1.5,
        "b_model": -2.0,
        "loss": None,
        "lstsq": {"w": 0.5, "b": -17.3},
        "metrics": {"rmse": 1.0, "n": 4},
    }
    s = Session(data, CONFIG, result)
    path = tmp_path / "run.thermogui.json"
    save_session(path, s)
    back = load_session(path)
    assert back.data == data
    assert back.data.t_u.tolist() == data.t_u.tolist()  # bit for bit, including 0.30000000000000004 and -1e-300
    assert back.data.include.tolist() == [True, False, True, True, False, True]
    assert back.config == CONFIG
    assert dataclasses.asdict(back.config) == dataclasses.asdict(CONFIG)
    assert back.result == result
    assert back == s


def test_round_trip_of_a_real_run_with_its_summary():
    s = book_session(TrainConfig(epochs=200, val_fraction=0.3, seed=5))
    back = session_from_json(session_to_json(s))
    assert back == s
    assert back.result["w"] == s.result["w"] and back.result["epochs_run"] == 200
    assert back.result["val_metrics"]["n"] == 3


def test_the_file_layout():
    s = book_session()
    d = json.loads(session_to_json(s))
    assert d["format"] == "thermogui-session" and d["version"] == 2 and d["app_version"] == __version__
    assert d["saved_at"].endswith("Z") and d["saved_at"][:2] == "20"
    assert d["data"]["t_u"] == list(BOOK.t_u) and d["data"]["t_c"] == list(BOOK.t_c)
    assert d["data"]["include"] == [True] * 11 and d["data"]["val"] == [False] * 11
    assert set(d["config"]) == {f.name for f in dataclasses.fields(TrainConfig)}  # every hyperparameter
    assert d["config"]["lr"] == 1e-2 and d["config"]["epochs"] == 50 and d["config"]["tol"] is None
    for key in ("stop_reason", "epochs_run", "w", "b", "w_model", "b_model", "loss", "model"):
        assert key in d["result"]
    assert d["result"]["params"] == {"w": d["result"]["w"], "b": d["result"]["b"]}
    assert d["result"]["params_model"] == {"w": d["result"]["w_model"], "b": d["result"]["b_model"]}
    assert d["result"]["stop_reason"] == "completed" and d["result"]["epochs_run"] == 50


def test_the_stored_kinds_cover_every_config_field():
    assert set(CONFIG_KINDS) == {f.name for f in dataclasses.fields(TrainConfig)}


def test_non_finite_floats_are_stored_as_null_and_the_file_is_strict_json():
    s = book_session(TrainConfig(normalize="none", lr=1e-2, epochs=100))  # diverges: loss inf
    assert s.result["stop_reason"] == "non_finite"
    s = Session(BOOK, TrainConfig(), {**s.result, "loss": float("inf"), "val_loss": float("nan")})
    text = session_to_json(s)
    assert "NaN" not in text and "Infinity" not in text
    d = json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in the file"))
    assert d["result"]["loss"] is None and d["result"]["val_loss"] is None
    assert session_from_json(text).result["loss"] is None


def test_no_result_is_stored_as_null():
    d = json.loads(session_to_json(Session(BOOK, TrainConfig(), None)))
    assert d["result"] is None
    assert session_from_json(json.dumps(d)).result is None


# --- forward compatible, defaults ----------------------------------------------------------------------------
def test_unknown_keys_are_read_past():
    d = doc(future_panel={"x": 1}, notes="hello")
    d["config"]["warmup_epochs"] = 10
    d["data"]["units"] = "°C"
    s = session_from_json(json.dumps(d))
    assert s.data == BOOK and s.config == TrainConfig()


def limit_values(f) -> list:
    """A field's stored values at its limits and default: each closed end itself, the nearest allowed value inside an
    open one, every choice, both booleans, null for an optional number."""
    if f.kind == "choice":
        return [v for v, _ in f.choices]
    if f.kind == "bool":
        return [True, False]
    out = [f.default]
    for end, is_open, inward in ((f.minimum, f.min_open, math.inf), (f.maximum, f.max_open, -math.inf)):
        if f.kind == "int":
            out.append(int(end) + (0 if not is_open else 1 if inward > 0 else -1))
        else:
            out.append(math.nextafter(float(end), inward) if is_open else float(end))
    return out


LIMITS = [(f.name, v) for f in FIELDS for v in limit_values(f)]


def test_the_limit_values_are_the_limits():
    assert ("lr", 5e-324) in LIMITS and ("lr", 1e6) in LIMITS and ("momentum", math.nextafter(1.0, 0)) in LIMITS
    assert ("seed", 2**63 - 1) in LIMITS and ("epochs", 1) in LIMITS and ("init_w", -1e30) in LIMITS
    assert ("tol", None) in LIMITS and ("normalize", "zscore") in LIMITS


@pytest.mark.parametrize("name, value", LIMITS, ids=[f"{n}={v!r}" for n, v in LIMITS])
def test_open_then_save_writes_the_config_section_identically(name, value):
    """A stored setting at its limit comes back unchanged -- value and type, byte for byte in the file."""
    d = doc()
    d["config"][name] = value
    s = session_from_json(json.dumps(d))
    assert getattr(s.config, name) == value and type(getattr(s.config, name)) is type(value)
    again = json.loads(session_to_json(s))
    assert json.dumps(again["config"]) == json.dumps(d["config"])


@pytest.mark.parametrize("upper", [False, True])
def test_every_field_at_once_at_its_lower_or_upper_limit(upper):
    d = doc()
    for f in FIELDS:
        values = limit_values(f)  # [default, lower, upper] for a number; the choices or both booleans otherwise
        d["config"][f.name] = values[-1] if upper else values[0 if f.kind in ("choice", "bool") else 1]
    text = json.dumps(d["config"])
    assert json.dumps(json.loads(session_to_json(session_from_json(json.dumps(d))))["config"]) == text


# --- a later version's keys are kept -------------------------------------------------------------------------
def later_version_doc() -> dict:
    d = doc(future_panel={"x": [1, 2, {"y": None}]}, notes="hello", result=book_session().result)
    d["config"]["warmup_epochs"] = 10
    d["config"]["schedule"] = {"kind": "cosine", "t0": 0.5}
    d["data"]["units"] = "°C"
    d["data"]["weights"] = [1.0] * 11
    d["result"]["new_metric"] = {"mape": 0.01}
    return d


def test_unknown_keys_are_kept_and_written_back_where_they_were(tmp_path):
    d = later_version_doc()
    s = session_from_json(json.dumps(d))
    assert s.extra == {
        "future_panel": {"x": [1, 2, {"y": None}]},
        "notes": "hello",
        "config": {"warmup_epochs": 10, "schedule": {"kind": "cosine", "t0": 0.5}},
        "data": {"units": "°C", "weights": [1.0] * 11},
    }
    assert s.kept_keys() == [
        "future_panel",
        "notes",
        "config.warmup_epochs",
        "config.schedule",
        "data.units",
        "data.weights",
    ]
    path = tmp_path / "later.thermogui.json"
    save_session(path, s)
    again = json.loads(path.read_text())
    for key in ("future_panel", "notes", "config", "data", "result", "format", "version"):
        assert again[key] == d[key], key
    assert load_session(path) == s


def test_known_keys_always_win_over_kept_ones():
    s = Session(
        BOOK,
        TrainConfig(epochs=7),
        None,
        extra={
            "format": "other",
            "version": 9,
            "config": {"epochs": 1, "later": 1},
            "data": {"t_u": [1.0], "later": 2},
            "result": {"w": 5},
        },
    )
    d = session_to_dict(s)
    assert d["format"] == "thermogui-session" and d["version"] == 2 and d["result"] is None
    assert d["config"]["epochs"] == 7 and d["config"]["later"] == 1
    assert d["data"]["t_u"] == list(BOOK.t_u) and d["data"]["later"] == 2


def test_a_session_without_unknown_keys_has_no_extra():
    s = session_from_json(json.dumps(doc()))
    assert s.extra == {} and s.kept_keys() == []
    assert set(session_to_dict(s)) == {"format", "version", "app_version", "saved_at", "data", "config", "result"}


def test_carried_to_keeps_the_extra_but_drops_data_keys_once_the_readings_differ():
    s = session_from_json(json.dumps(later_version_doc()))
    same = s.carried_to(s.data, TrainConfig(epochs=9), None)
    assert same.extra == s.extra and same.config.epochs == 9 and same.result is None
    edited = s.carried_to(BOOK.removed([0]), s.config, s.result)
    assert "data" not in edited.extra  # "weights" had one entry per reading: no longer true
    assert edited.extra["config"] == s.extra["config"] and edited.extra["notes"] == "hello"
    assert "weights" not in session_to_dict(edited)["data"]


def nested(depth: int):
    v = 1
    for _ in range(depth):
        v = [v]
    return v


@pytest.mark.parametrize("where", ["top", "config", "data", "result"])
def test_a_kept_value_nested_too_deeply_is_refused_instead_of_failing_on_save(where):
    d = doc(result=book_session().result)
    parent = d if where == "top" else d[where]
    parent["deep"] = nested(MAX_DEPTH)
    s = session_from_dict(d)
    assert session_from_json(session_to_json(s)) == s  # MAX_DEPTH levels: kept and written back
    parent["deep"] = nested(900)  # json.loads reads this; writing it back would exceed the recursion limit
    name = "deep" if where == "top" else f"{where}.deep"
    assert refused(json.dumps(d)) == f'"{name}" is nested too deeply (more than {MAX_DEPTH} levels) to be kept'


def test_missing_optional_keys_take_defaults():
    d = doc(result=None, app_version=None, saved_at=None)
    del d["data"]["include"]
    d["config"] = {"lr": 0.02, "epochs": 300, "normalize": "none"}
    s = session_from_json(json.dumps(d))
    assert s.result is None
    assert s.data.include.tolist() == [True] * 11
    assert s.config == TrainConfig(lr=0.02, epochs=300, normalize="none")
    assert s.config.seed == 0 and s.config.tol is None and s.config.gradient == "manual"


def test_integral_floats_are_accepted_for_whole_numbers():
    d = doc()
    d["config"]["epochs"] = 5e3
    d["config"]["lr"] = 1  # an integer where a float is stored
    s = session_from_json(json.dumps(d))
    assert s.config.epochs == 5000 and isinstance(s.config.epochs, int)
    assert s.config.lr == 1.0 and isinstance(s.config.lr, float)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.thermogui.json"
    path.write_bytes(b"\xef\xbb\xbf" + session_to_json(Session(BOOK, TrainConfig(), None)).encode())
    assert load_session(path).data == BOOK


# --- refusals -------------------------------------------------------------------------------------------------
def test_broken_json_names_line_and_column():
    text = session_to_json(Session(BOOK, TrainConfig(), None))
    broken = text.replace('"epochs": 5000,', '"epochs": 5000', 1)  # a missing comma
    line = broken.splitlines().index('    "epochs": 5000') + 2
    msg = refused(broken)
    assert "not valid JSON" in msg and f"line {line}, column 5" in msg


def test_truncated_file_is_refused():
    text = session_to_json(Session(BOOK, TrainConfig(), None))
    assert "not valid JSON" in refused(text[: len(text) // 2])


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_file(text, tmp_path):
    assert refused(text) == "the file is empty: it holds no session"
    path = tmp_path / "empty.thermogui.json"
    path.write_text(text)
    with pytest.raises(SessionError, match="the file is empty"):
        load_session(path)


@pytest.mark.parametrize(
    "foreign, why",
    [
        ({"name": "my-package", "version": "1.0.0"}, 'it has no "format" key'),
        ({"format": "jupyter-notebook", "version": 1}, "its \"format\" is 'jupyter-notebook'"),
        ([1, 2, 3], "the file holds a list, not a session object"),
        ('"a string"', "the file holds text"),
        (42, "the file holds a number"),
        (None, "the file holds null"),
    ],
)
def test_foreign_json_is_not_a_session(foreign, why):
    msg = refused(foreign)
    assert msg.startswith("this is not a ThermoGUI session") and why in msg


def test_a_newer_version_is_refused_with_the_version():
    msg = refused(doc(version=3))
    assert "made by a newer ThermoGUI (version 3); this version reads up to 2" in msg


@pytest.mark.parametrize("version", ["1", 0, -3, 1.5, True])
def test_a_bad_version(version):
    assert '"version" must be a whole number' in refused(doc(version=version))


def test_missing_version():
    assert refused(doc(version=None)) == 'the session has no "version"'


@pytest.mark.parametrize(
    "path, message",
    [
        (("data",), 'the session has no "data" (the readings)'),
        (("config",), 'the session has no "config" (the hyperparameters)'),
        (("data", "t_u"), 'the session has no "data.t_u"'),
        (("data", "t_c"), 'the session has no "data.t_c"'),
        (("config", "lr"), 'the session has no "config.lr"'),
        (("config", "epochs"), 'the session has no "config.epochs"'),
        (("config", "normalize"), 'the session has no "config.normalize"'),
    ],
)
def test_missing_required_keys_are_named(path, message):
    d = doc()
    parent = d
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    assert message in refused(d)


@pytest.mark.parametrize(
    "where, value, message",
    [
        (("data",), [1, 2], '"data" must be an object ({...}), not a list'),
        (("config",), "fast", '"config" must be an object ({...}), not text'),
        (("data", "t_u"), "35.7", '"data.t_u" must be a list of numbers, not text'),
        (("data", "include"), True, '"data.include" must be a list of true/false, not true/false'),
        (("config", "lr"), "0.01", '"config.lr" must be a number, not text'),
        (("config", "lr"), None, '"config.lr" must be a number, not null'),
        (("config", "epochs"), 12.5, '"config.epochs" must be a whole number, not a number'),
        (("config", "epochs"), True, '"config.epochs" must be a whole number, not true/false'),
        (("config", "seed"), "5", '"config.seed" must be a whole number, not text'),
        (("config", "normalize"), 1, '"config.normalize" must be text, not a number'),
        (("config", "stop_on_non_finite"), 1, '"config.stop_on_non_finite" must be true or false, not a number'),
        (("config", "tol"), [], '"config.tol" must be a number, not a list'),
        (("result",), 3, '"result" must be an object ({...}), not a number'),
    ],
)
def test_wrong_types_are_named(where, value, message):
    d = doc()
    parent = d
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert refused(d) == message


@pytest.mark.parametrize(
    "change, message",
    [
        ({"lr": -1.0}, '"config": learning rate must be greater than 0'),
        ({"epochs": 0}, '"config": epochs must be a whole number from 1 to 10,000,000 (got 0)'),
        ({"normalize": "minmax"}, '"config": normalization must be one of none, scale, zscore'),
        ({"momentum": 1.5}, '"config": momentum must be at least 0 and below 1'),
        ({"lr": 1e999}, '"config.lr" must be a finite number, not inf'),
        ({"init_w": 10**400}, '"config.init_w" must be a finite number, not inf'),
    ],
)
def test_unusable_hyperparameters_are_refused_with_the_config_reason(change, message):
    d = doc()
    d["config"].update(change)
    assert message in refused(d)


@pytest.mark.parametrize(
    "column, row, value, message",
    [
        ("t_u", 3, None, '"data.t_u" row 3: null (a missing or non-finite value) is not a reading'),
        ("t_c", 11, "14", '"data.t_c" row 11: text is not a reading'),
        ("t_u", 1, True, '"data.t_u" row 1: true/false is not a reading'),
        ("t_u", 5, 1e31, '"data.t_u" row 5: 1e+31 is too large'),
        ("t_c", 2, 1e999, '"data.t_c" row 2: inf is not a finite reading'),
    ],
)
def test_bad_readings_name_the_row(column, row, value, message):
    d = doc()
    d["data"][column][row - 1] = value
    assert message in refused(d)


@pytest.mark.parametrize("literal, shown", [("NaN", "nan"), ("Infinity", "inf"), ("-Infinity", "-inf")])
def test_nan_in_data_is_refused_naming_the_row(literal, shown):
    text = json.dumps(doc()).replace("55.9", literal, 1)  # row 2 of t_u
    assert refused(text) == f'"data.t_u" row 2: {shown} is not a finite reading'


def test_columns_of_different_lengths():
    d = doc()
    d["data"]["t_c"].pop()
    assert refused(d) == '"data.t_u" has 11 readings but "data.t_c" has 10; they must pair up'


def test_include_mask_problems():
    d = doc()
    d["data"]["include"] = [True] * 10
    assert refused(d) == '"data.include" has 10 entries but there are 11 readings'
    d["data"]["include"] = [True] * 10 + ["no"]
    assert refused(d) == '"data.include" row 11: must be true or false, not text'


@pytest.mark.parametrize(
    "change, message",
    [
        ({"w": "0.5"}, '"result.w" must be a number, not text'),
        ({"epochs_run": 1.5}, '"result.epochs_run" must be a whole number, not a number'),
        ({"stop_reason": "exploded"}, "\"result.stop_reason\" is 'exploded'; expected one of completed, non_finite"),
    ],
)
def test_bad_results_are_refused(change, message):
    d = doc(result=book_session().result)
    d["result"].update(change)
    assert message in refused(d)


def test_a_result_without_its_key_values_is_refused():
    d = doc(result={"w": 0.5})
    assert refused(d) == 'the stored result has no "result.stop_reason"'


def test_not_utf8_bytes_are_refused(tmp_path):
    path = tmp_path / "latin1.thermogui.json"
    good = session_to_json(Session(BOOK, TrainConfig(), None)).encode()
    path.write_bytes(good.replace(b'"t_u"', '"t_\xfc"'.encode("latin-1"), 1))
    line = good[: good.index(b'"t_u"')].count(b"\n") + 1
    with pytest.raises(SessionError) as err:
        load_session(path)
    # safeio's words: the file by name, where, and what to do about it
    assert "latin1.thermogui.json is not UTF-8 text" in str(err.value) and f"line {line})" in str(err.value)
    assert "save it as UTF-8" in str(err.value)
    path.write_bytes(bytes(range(256)))  # binary junk
    with pytest.raises(SessionError, match="latin1.thermogui.json is a binary file, not a ThermoGUI session"):
        load_session(path)
    path.write_bytes(b"\x80" + good)  # not UTF-8 from the first byte, no NUL
    with pytest.raises(SessionError, match=r"not UTF-8 text \(byte 1, line 1\)"):
        load_session(path)


def test_deeply_nested_json_is_refused_without_a_crash():
    assert "nested too deeply" in refused("[" * 100_000 + "]" * 100_000)


def test_a_huge_integer_is_refused_without_a_crash():
    text = json.dumps(doc()).replace('"epochs": 5000', '"epochs": ' + "9" * 5000)
    msg = refused(text)
    assert "not valid JSON" in msg or "epochs" in msg


def test_a_missing_file_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_session(tmp_path / "nope.thermogui.json")


def test_a_file_refused_unread_is_both_a_session_error_and_a_file_refusal():
    assert issubclass(SessionFileRefused, SessionError) and issubclass(SessionFileRefused, FileRefused)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "folder.thermogui.json"
    folder.mkdir()
    # safeio means to say "is a folder, not a file", but os.fdopen raises IsADirectoryError before its check
    with pytest.raises((IsADirectoryError, SessionFileRefused)):
        load_session(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_before_reading_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.thermogui.json"
    os.mkfifo(fifo)
    with pytest.raises(SessionFileRefused, match="a named pipe"):
        load_session(fifo)  # would block forever if it were opened for a plain read


def test_a_device_is_refused(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(SessionFileRefused, match="a device"):
        load_session("/dev/zero")  # endless: would fill the memory if read


def test_a_file_too_large_is_refused_before_reading(tmp_path):
    from thermogui.core.safeio import MAX_FILE_BYTES

    big = tmp_path / "big.thermogui.json"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, and nothing must be read
    with pytest.raises(SessionFileRefused, match="files up to"):
        load_session(big)


# --- atomic save ----------------------------------------------------------------------------------------------
def test_a_failed_save_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "keep.thermogui.json"
    first = Session(BOOK, TrainConfig(epochs=10), None)
    save_session(path, first)
    before = path.read_bytes()

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        save_session(path, Session(BOOK.removed([0, 1]), TrainConfig(epochs=99), None))
    assert path.read_bytes() == before
    assert load_session(path) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.thermogui.json"]  # no temporary file left behind


def test_save_replaces_an_existing_file_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "s.thermogui.json"
    save_session(path, Session(BOOK, TrainConfig(epochs=10), None))
    os.chmod(path, 0o600)
    save_session(path, Session(BOOK.removed([0]), TrainConfig(epochs=20), None))
    s = load_session(path)
    assert len(s.data) == 10 and s.config.epochs == 20
    assert (path.stat().st_mode & 0o777) == 0o600


def test_numpy_values_in_a_result_are_written_as_plain_numbers():
    result = {**book_session().result, "w": np.float32(0.5), "epochs_run": np.int64(50), "extra": np.arange(3)}
    result["params"] = {"w": np.float32(0.5), "b": np.float64(result["b"])}  # (w and params.w must agree)
    back = session_from_json(session_to_json(Session(BOOK, TrainConfig(), result)))
    assert back.result["w"] == 0.5 and back.result["epochs_run"] == 50 and back.result["extra"] == [0, 1, 2]
    assert back.result["params"] == {"w": 0.5, "b": result["b"]} and type(back.result["params"]["w"]) is float
