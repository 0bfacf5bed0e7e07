"""Save and load a session (`.thermogui.json`): the readings, every hyperparameter and the last run's result.

The file is versioned JSON::

    {"format": "thermogui-session", "version": 2, "app_version": "0.1.0", "saved_at": "2025-01-31T12:00:00Z",
     "data": {"t_u": [...], "t_c": [...], "include": [...], "val": [...]},
     "config": {every TrainConfig field: "model", "arith", "init_w2", ...},
     "result": {"stop_reason": ..., "epochs_run": ..., "model": "quadratic",
                "params": {"w2": ..., "w1": ..., "b": ...}, "params_model": {...}, ...} or null}

`data.val` marks the readings the user chose as validation readings; a result holds its model's parameters by name,
in raw units (`params`) and in model units (`params_model`), and for the straight line also `w`, `b`, `w_model`,
`b_model` as version 1 wrote them, so that a reader of those keys still finds them.  Version 1 (before models: the
line only, no validation marks) is read as it always was.

Reading is strict about content and lenient about form: missing optional keys take their defaults (`include`: all
rows; `val`: none marked; `result`: none; config keys other than lr, epochs and normalize: the TrainConfig defaults,
so a version 1 file is the book's line).  Keys this version does not know (a later release's) are kept, not dropped:
unknown top-level, `data` and `config` keys go to `Session.extra` and unknown `result` keys stay in the result, and
saving writes them back, so open → save keeps a later version's fields (`Session.kept_keys()` names them;
`Session.carried_to()` keeps them for edited contents).  Anything else wrong -- a mask or a parameter vector of the
wrong length, a result of another model than the settings it claims to come from -- is refused with a
`SessionError` that names the problem, and nothing is half-loaded.  JSON has no inf/nan: non-finite floats are
written as null.  The file is read with `safeio.read_text` (regular files only, size limited, UTF-8); a file refused
unread raises `SessionFileRefused`, both a `SessionError` and a `FileRefused`.  Every reason is a core.tr.Text (the
English str; the window shows it in the UI language, context "session").  The checks of single values are in
core.session_values, those of the stored result in core.session_result.

No torch here: a session can be opened before torch has loaded.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime, timezone

from thermogui.core.atomic import atomic_write_text
from thermogui.core.config import ConfigError, TrainConfig
from thermogui.core.dataset import MAX_ABS_VALUE, DataError, Dataset
from thermogui.core.fields import FIELDS
from thermogui.core.numbers import json_clean
from thermogui.core.safeio import FileRefused, read_text
from thermogui.core.session_result import read_result
from thermogui.core.session_values import (
    SessionError,
    _check_depth,
    _float,
    _is_number,
    _object,
    _s,
    _type_name,
    _value,
)
from thermogui.core.tr import QT_TRANSLATE_NOOP

FORMAT = "thermogui-session"
VERSION = 2  # 1: the straight line only; 2: models (result.params), validation marks (data.val)
SUFFIX = ".thermogui.json"

# How each TrainConfig field is stored: from the one field spec (core.fields), so model, arith, init_w2 and hidden
# are stored like every other setting (a version 1 file has none of them: the defaults, the book's line).
_STORED = {"float": "float", "int": "int", "choice": "str", "bool": "bool", "optional_float": "float_or_null"}
CONFIG_KINDS = {f.name: _STORED[f.kind] for f in FIELDS}
REQUIRED_CONFIG = ("lr", "epochs", "normalize")
KNOWN_KEYS = ("format", "version", "app_version", "saved_at", "data", "config", "result")
DATA_KEYS = ("t_u", "t_c", "include", "val")


class SessionFileRefused(SessionError, FileRefused):
    """A session file not read at all: a folder, a FIFO or device, too large, binary, not UTF-8."""


@dataclass(frozen=True, eq=False)
class Session:
    data: Dataset
    config: TrainConfig
    result: dict | None = None
    # What this version does not read, in the file's own shape, written back on save: unknown top-level keys as they
    # are, plus "config" / "data" holding the unknown keys of those sections.  Known keys always win over it.
    extra: dict = dataclass_field(default_factory=dict)

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, Session)
            and self.data == other.data
            and self.config == other.config
            and json_clean(self.result) == json_clean(other.result)
            and json_clean(self.extra) == json_clean(other.extra)
        )

    def kept_keys(self) -> list[str]:
        """The keys this version keeps without using them ("notes", "config.warmup_epochs", "data.units"); a stored
        result is kept whole, whatever keys it has."""
        out = []
        for key, value in self.extra.items():
            if key in ("config", "data") and isinstance(value, dict):
                out += [f"{key}.{k}" for k in value]
            else:
                out.append(key)
        return out

    def carried_to(self, data: Dataset, config: TrainConfig, result: dict | None) -> Session:
        """A session with new contents that keeps this one's unknown keys for the version that wrote them -- except
        the unknown `data` keys, which describe these readings (per row, perhaps) and are dropped once they differ."""
        extra = dict(self.extra)
        if data != self.data:
            extra.pop("data", None)
        return Session(data, config, result, extra)


# --- writing ----------------------------------------------------------------------------------------------------
def session_to_dict(session: Session) -> dict:
    from thermogui import __version__

    data, config = session.data, session.config
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "saved_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "data": {
            "t_u": json_clean(data.t_u.tolist()),
            "t_c": json_clean(data.t_c.tolist()),
            "include": data.include.tolist(),
            "val": data.val.tolist(),
        },
        "config": json_clean(config.to_dict()),
        "result": None if session.result is None else json_clean(dict(session.result)),
    }
    for key, value in (session.extra or {}).items():  # a later version's keys, written back where they were
        if key in ("config", "data"):
            if isinstance(value, dict):
                section = doc[key]
                section.update({k: json_clean(v) for k, v in value.items() if k not in section})
        elif key not in doc:
            doc[key] = json_clean(value)
    return doc


def session_to_json(session: Session) -> str:
    return json.dumps(session_to_dict(session), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_session(path: str | os.PathLike, session: Session) -> None:
    """Write atomically: if anything fails, a previous file at `path` is left as it was.  Raises OSError."""
    atomic_write_text(path, session_to_json(session))


# --- reading ----------------------------------------------------------------------------------------------------
def _readings(data: dict, key: str) -> list[float]:
    if key not in data:
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", 'the session has no "data.{key}" (the {which} readings)'),
                key=key,
                which="t_u" if key == "t_u" else "t_c",
            )
        )
    values = data[key]
    if not isinstance(values, list):
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", '"data.{key}" must be a list of numbers, not {kind}'),
                key=key,
                kind=_type_name(values),
            )
        )
    out = []
    for row, v in enumerate(values, start=1):
        if not _is_number(v):
            shown = (
                _s(QT_TRANSLATE_NOOP("session", "null (a missing or non-finite value)")) if v is None else _type_name(v)
            )
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP(
                        "session", '"data.{key}" row {row}: {shown} is not a reading; every reading must be a number'
                    ),
                    key=key,
                    row=row,
                    shown=shown,
                )
            )
        f = _float(v)
        if not math.isfinite(f):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"data.{key}" row {row}: {value} is not a finite reading'),
                    key=key,
                    row=row,
                    value=repr(f),
                )
            )
        if abs(f) > MAX_ABS_VALUE:
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP(
                        "session", '"data.{key}" row {row}: {value} is too large; readings must be within ±{limit}'
                    ),
                    key=key,
                    row=row,
                    value=repr(f),
                    limit=f"{MAX_ABS_VALUE:g}",
                )
            )
        out.append(f)
    return out


def _mask(data: dict, key: str, n: int, default: bool) -> list[bool]:
    """A per-reading true/false list ("include", "val"): `default` for every reading when it is missing."""
    mask = data.get(key)
    if mask is None:
        return [default] * n
    if not isinstance(mask, list):
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", '"data.{key}" must be a list of true/false, not {kind}'),
                key=key,
                kind=_type_name(mask),
            )
        )
    if len(mask) != n:
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", '"data.{key}" has {count} entries but there are {n} readings'),
                key=key,
                count=len(mask),
                n=n,
            )
        )
    for row, v in enumerate(mask, start=1):
        if not isinstance(v, bool) and v not in (0, 1):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"data.{key}" row {row}: must be true or false, not {kind}'),
                    key=key,
                    row=row,
                    kind=_type_name(v),
                )
            )
    return [bool(v) for v in mask]


def _dataset(doc: dict) -> Dataset:
    if "data" not in doc:
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", 'the session has no "data" (the readings)')))
    data = _object("data", doc["data"])
    t_u, t_c = _readings(data, "t_u"), _readings(data, "t_c")
    if len(t_u) != len(t_c):
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP(
                    "session", '"data.t_u" has {n_u} readings but "data.t_c" has {n_c}; they must pair up'
                ),
                n_u=len(t_u),
                n_c=len(t_c),
            )
        )
    include = _mask(data, "include", len(t_u), True)
    val = _mask(data, "val", len(t_u), False)  # (version 1: no validation marks)
    try:
        return Dataset(t_u, t_c, include, val)
    except DataError as e:  # pragma: no cover - the checks above make this unreachable
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", '"data": {error}'), error=e.text)) from None


def _config(doc: dict) -> TrainConfig:
    if "config" not in doc:
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", 'the session has no "config" (the hyperparameters)')))
    stored = _object("config", doc["config"])
    values = {}
    for name, kind in CONFIG_KINDS.items():
        if name not in stored:
            if name in REQUIRED_CONFIG:
                raise SessionError(_s(QT_TRANSLATE_NOOP("session", 'the session has no "config.{name}"'), name=name))
            continue  # the TrainConfig default
        values[name] = _value(f"config.{name}", stored[name], kind)
    try:
        return TrainConfig(**values).validated()
    except ConfigError as e:
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", '"config": {error}'), error=e.text)) from None


def _extra(doc: dict) -> dict:
    """What this version does not read (a later version's keys), in the file's shape, to be written back."""
    extra = {}
    for key, value in doc.items():
        if key not in KNOWN_KEYS:
            _check_depth(key, value)
            extra[key] = value
    for section, known in (("config", CONFIG_KINDS), ("data", DATA_KEYS)):
        unknown = {k: v for k, v in doc[section].items() if k not in known}  # both sections were checked as objects
        for k, v in unknown.items():
            _check_depth(f"{section}.{k}", v)
        if unknown:
            extra[section] = unknown
    return extra


def session_from_dict(doc) -> Session:
    if not isinstance(doc, dict):
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP(
                    "session", "this is not a ThermoGUI session: the file holds {kind}, not a session object"
                ),
                kind=_type_name(doc),
            )
        )
    fmt = doc.get("format")
    if fmt != FORMAT:
        if "format" not in doc:
            why = _s(QT_TRANSLATE_NOOP("session", 'it has no "format" key'))
        else:
            why = _s(QT_TRANSLATE_NOOP("session", 'its "format" is {value}'), value=repr(fmt))
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP(
                    "session", 'this is not a ThermoGUI session: {why} (a session has "format": "{format}")'
                ),
                why=why,
                format=FORMAT,
            )
        )
    if "version" not in doc:
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", 'the session has no "version"')))
    version = doc["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", '"version" must be a whole number from 1 up, not {value}'),
                value=repr(version),
            )
        )
    if version > VERSION:
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP(
                    "session",
                    "this session was made by a newer ThermoGUI (version {version}); this version reads up to "
                    "{supported}. Update ThermoGUI to open it.",
                ),
                version=version,
                supported=VERSION,
            )
        )
    data, config = _dataset(doc), _config(doc)
    return Session(data, config, read_result(doc, config), _extra(doc))


def session_from_json(text: str) -> Session:
    """Parse a session, or raise SessionError naming the problem."""
    if not isinstance(text, str):
        raise SessionError(
            _s(QT_TRANSLATE_NOOP("session", "a session must be text, not {kind}"), kind=type(text).__name__)
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", "the file is empty: it holds no session")))
    try:
        doc = json.loads(text)  # NaN/Infinity parse as floats and are refused where they appear
    except json.JSONDecodeError as e:
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP(
                    "session",
                    "this is not a ThermoGUI session: it is not valid JSON (line {line}, column {column}: {error})",
                ),
                line=e.lineno,
                column=e.colno,
                error=e.msg,
            )
        ) from None
    except RecursionError:
        raise SessionError(
            _s(QT_TRANSLATE_NOOP("session", "this is not a ThermoGUI session: its JSON is nested too deeply"))
        ) from None
    except ValueError as e:  # e.g. an integer with too many digits
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", "this is not a ThermoGUI session: it is not valid JSON ({error})"),
                error=str(e),
            )
        ) from None
    return session_from_dict(doc)


def load_session(path: str | os.PathLike) -> Session:
    """Read a session file.  Raises SessionError (bad content; SessionFileRefused, also a safeio.FileRefused, for a
    file not read at all: a folder, FIFO or device, too large, binary, not UTF-8) or OSError (cannot read the file)."""
    try:
        text = read_text(path, what=_s(QT_TRANSLATE_NOOP("session", "a ThermoGUI session")))
    except FileRefused as e:
        raise SessionFileRefused(e.text) from None
    return session_from_json(text)
