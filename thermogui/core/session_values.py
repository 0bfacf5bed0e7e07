"""The checks of the values a session file holds, shared by the reading of its sections (core.session) and of its
stored result (core.session_result): each value's kind (a number, a whole number, text, true/false, an object) and
how deeply a kept value is nested.  A value that fails is refused with a SessionError that names its key; every
reason is a core.tr.Text in the "session" context.
"""

from __future__ import annotations

import math

from thermogui.core.errors import UserError
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg

MAX_DEPTH = 64  # nesting levels of a kept value (deeper ones cannot be written back safely: refused on reading)


class SessionError(UserError):
    """A session file that cannot be read, with the reason a person understands."""


def _s(template: str, **values) -> Text:
    """A reason in the "session" context (`template` marked QT_TRANSLATE_NOOP("session", …) at the call)."""
    return msg(template, "session", **values)


def _type_name(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return _s(QT_TRANSLATE_NOOP("session", "a number"))
    if isinstance(v, str):
        return _s(QT_TRANSLATE_NOOP("session", "text"))
    if isinstance(v, list):
        return _s(QT_TRANSLATE_NOOP("session", "a list"))
    if isinstance(v, dict):
        return _s(QT_TRANSLATE_NOOP("session", "an object"))
    return type(v).__name__


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _float(v) -> float:
    try:
        return float(v)
    except OverflowError:  # an integer beyond float range
        return math.inf if v > 0 else -math.inf


def _value(where: str, v, kind: str):
    """Check one stored value against its kind; return it converted, or raise SessionError naming `where`."""
    if kind in ("float", "float_or_null", "number_or_null"):
        if v is None and kind != "float":
            return None if kind == "float_or_null" else math.nan
        if not _is_number(v):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"{where}" must be a number, not {kind}'),
                    where=where,
                    kind=_type_name(v),
                )
            )
        v = _float(v)
        if not math.isfinite(v) and kind == "float":
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"{where}" must be a finite number, not {value}'),
                    where=where,
                    value=repr(v),
                )
            )
        return v
    if kind == "int":
        if _is_number(v) and isinstance(v, float) and v.is_integer():
            v = int(v)  # 5e3 written by hand
        if not isinstance(v, int) or isinstance(v, bool):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"{where}" must be a whole number, not {kind}'),
                    where=where,
                    kind=_type_name(v),
                )
            )
        return v
    if kind == "str":
        if not isinstance(v, str):
            raise SessionError(
                _s(QT_TRANSLATE_NOOP("session", '"{where}" must be text, not {kind}'), where=where, kind=_type_name(v))
            )
        return v
    if kind == "bool":
        if not isinstance(v, bool):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"{where}" must be true or false, not {kind}'),
                    where=where,
                    kind=_type_name(v),
                )
            )
        return v
    raise AssertionError(kind)


def _object(where: str, v) -> dict:
    if not isinstance(v, dict):
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", '"{where}" must be an object ({{...}}), not {kind}'),
                where=where,
                kind=_type_name(v),
            )
        )
    return v


def _check_depth(where: str, value) -> None:
    """Refuse a kept value nested more than MAX_DEPTH levels deep: writing it back would exceed Python's recursion
    limit (json.loads reads up to ~1,000 levels).  Iterative, so any depth is measured safely."""
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, (dict, list)):
            if depth > MAX_DEPTH:
                raise SessionError(
                    _s(
                        QT_TRANSLATE_NOOP(
                            "session", '"{where}" is nested too deeply (more than {depth} levels) to be kept'
                        ),
                        where=where,
                        depth=MAX_DEPTH,
                    )
                )
            stack.extend((x, depth + 1) for x in (v.values() if isinstance(v, dict) else v))
