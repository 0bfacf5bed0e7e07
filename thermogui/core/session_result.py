"""A session's stored result: the checks it passes on reading -- the keys every result has, its model's parameters
by name in raw units (`params`) and model units (`params_model`), the straight line's version 1 keys (`w`, `b`,
`w_model`, `b_model`) agreeing with them, and a result not marked "stale" coming from the settings stored with it --
and `result_config`, the settings of the run that made it.  A result that fails is refused with a SessionError that
names the key at fault.
"""

from __future__ import annotations

from thermogui.core.config import StopReason, TrainConfig
from thermogui.core.session_values import SessionError, _check_depth, _float, _object, _s, _type_name, _value
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text

RESULT_KINDS = {  # the keys every stored result must have (it may hold more: the whole report.summarize dict)
    "stop_reason": "str",
    "epochs_run": "int",
    "loss": "number_or_null",
}
LINE_RESULT_KINDS = {  # the straight line's parameters by their version 1 names (required when there is no "params")
    "w": "number_or_null",
    "b": "number_or_null",
    "w_model": "number_or_null",
    "b_model": "number_or_null",
}
PARAM_KEYS = ("params", "params_model")  # name -> value objects: raw units, model units

MODEL_LABELS = {  # the models' names as messages say them (shown in the UI language)
    "straight line": QT_TRANSLATE_NOOP("session", "straight line"),
    "quadratic": QT_TRANSLATE_NOOP("session", "quadratic"),
    "network": QT_TRANSLATE_NOOP("session", "network"),
}


def _label(m) -> str:
    """A model's name for a message (a core.tr.Text where it is one of MODEL_LABELS)."""
    label = m.label
    if isinstance(label, Text) or label not in MODEL_LABELS:
        return label
    return _s(MODEL_LABELS[label])


def read_result(doc: dict, config: TrainConfig) -> dict | None:
    """The stored result of a session document (`doc["result"]`), checked; None when there is none."""
    result = doc.get("result")
    if result is None:
        return None
    result = _object("result", result)
    result = dict(result)
    checked = (*RESULT_KINDS, *LINE_RESULT_KINDS, "model", *PARAM_KEYS)
    for name, value in result.items():
        if name not in checked:
            _check_depth(f"result.{name}", value)  # kept as it is, so it must be writable again
    for name in ("stop_reason", "epochs_run"):
        _stored_number(result, name, RESULT_KINDS[name])
    for name, kind in LINE_RESULT_KINDS.items():
        if name in result:
            _stored_number(result, name, kind)
    _stored_number(result, "loss", RESULT_KINDS["loss"])
    known = [r.value for r in StopReason]
    if result["stop_reason"] not in known:
        raise SessionError(
            _s(
                QT_TRANSLATE_NOOP("session", '"result.stop_reason" is {value}; expected one of {known}'),
                value=repr(result["stop_reason"]),
                known=", ".join(known),
            )
        )
    _check_params(result, config)
    return result


def _stored_number(result: dict, name: str, kind: str) -> None:
    if name not in result:
        raise SessionError(_s(QT_TRANSLATE_NOOP("session", 'the stored result has no "result.{name}"'), name=name))
    _value(f"result.{name}", result[name], kind)
    if kind == "number_or_null" and result[name] is not None:
        # as a float: an integer too large for one becomes inf, not a value that overflows when drawn
        result[name] = _float(result[name])


def _names(names) -> str:
    """Parameter names for a message: the first six (each cut to 24 characters), then how many in all."""
    names = [n if len(n) <= 24 else n[:23] + "…" for n in names]
    if len(names) <= 6:
        return ", ".join(names)
    return _s(QT_TRANSLATE_NOOP("session", "{names}, … ({count} in all)"), names=", ".join(names[:6]), count=len(names))


def _result_model(result: dict, config: TrainConfig):
    """The model a stored result belongs to: its "model" key; without one, a result holding "params" is of the
    settings' model and one without (version 1) is the straight line's."""
    from thermogui.core.models import MODELS, NETWORKS, get_model
    from thermogui.core.models.network import MAX_HIDDEN

    if "model" in result:
        name = _value("result.model", result["model"], "str")
        if name not in (*MODELS, *NETWORKS):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"result.model" is {value}; expected one of {known}'),
                    value=repr(name),
                    known=", ".join((*MODELS, *NETWORKS)),
                )
            )
    else:
        name = config.model if "params" in result else "line"
    hidden, params = config.hidden, result.get("params")
    if name == "mlp" and isinstance(params, dict) and len(params) % 3 == 1 and 1 <= len(params) // 3 <= MAX_HIDDEN:
        hidden = len(params) // 3  # its own hidden units (a stale result may come from another number)
    return get_model(name, hidden)


def result_config(config: TrainConfig, result: dict | None) -> TrainConfig:
    """The settings of the run that made a stored result, as far as the file tells: the stored settings, with the
    result's own model (and hidden units) when it was made with another one -- a result saved as stale after the
    model was changed.  `result` is one `load_session` checked."""
    if not result or "params" not in result:
        return config
    from thermogui.core.models import model_of

    m = _result_model(result, config)
    if tuple(m.params) == tuple(model_of(config).params):
        return config
    return config.with_(model=m.name, **({"hidden": m.hidden} if m.name == "mlp" else {}))


def _check_params(result: dict, config: TrainConfig) -> None:
    """The result's parameter vectors: present, named as its model names them, numbers; the line's version 1 keys
    agreeing with them; and a result not marked stale of the model the stored settings train."""
    from thermogui.core.models import model_of

    m = _result_model(result, config)
    names = tuple(m.params)
    if "params" not in result:
        if names != ("w", "b"):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP(
                        "session", 'the stored result has no "result.params" (the {label}\'s parameters)'
                    ),
                    label=_label(m),
                )
            )
        for name, kind in LINE_RESULT_KINDS.items():
            _stored_number(result, name, kind)
    for key in PARAM_KEYS:
        if key not in result:
            if "params" in result:
                raise SessionError(
                    _s(
                        QT_TRANSLATE_NOOP("session", 'the stored result has "result.params" but no "result.{key}"'),
                        key=key,
                    )
                )
            continue
        stored = result[key]
        if not isinstance(stored, dict):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP(
                        "session", '"result.{key}" must be an object ({{...}}) naming each parameter, not {kind}'
                    ),
                    key=key,
                    kind=_type_name(stored),
                )
            )
        if len(stored) != len(names):
            if len(stored) == 1:
                template = QT_TRANSLATE_NOOP(
                    "session", '"result.{key}" has {count} value ({given}) but the {label} has {n} parameters ({names})'
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "session",
                    '"result.{key}" has {count} values ({given}) but the {label} has {n} parameters ({names})',
                )
            raise SessionError(
                _s(
                    template,
                    key=key,
                    count=len(stored),
                    given=_names(stored),
                    label=_label(m),
                    n=len(names),
                    names=_names(names),
                )
            )
        if set(stored) != set(names):
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP("session", '"result.{key}" names {given}; the {label}\'s parameters are {names}'),
                    key=key,
                    given=_names(stored),
                    label=_label(m),
                    names=_names(names),
                )
            )
        clean = {}
        for name in names:
            v = _value(f"result.{key}.{name}", stored[name], "number_or_null")
            clean[name] = None if stored[name] is None else v
        result[key] = clean  # (in the model's order)
        if names == ("w", "b"):  # the line's own keys, if both are there, say the same
            for name in names:
                old = name if key == "params" else f"{name}_model"
                if old in result and result[old] != clean[name]:
                    raise SessionError(
                        _s(
                            QT_TRANSLATE_NOOP(
                                "session",
                                '"result.{old}" is {old_value} but "result.{key}.{name}" is {value}; they must agree',
                            ),
                            old=old,
                            old_value=repr(result[old]),
                            key=key,
                            name=name,
                            value=repr(clean[name]),
                        )
                    )
    if not result.get("stale"):
        settings = model_of(config)
        if tuple(m.params) != tuple(settings.params):  # (the line and nn.Linear(1, 1) share w and b)
            made, now = _label(m), _label(settings)
            if m.name == settings.name:  # (two networks of different sizes)
                sized = QT_TRANSLATE_NOOP("session", "{label} ({size} parameters)")
                made, now = _s(sized, label=made, size=m.size), _s(sized, label=now, size=settings.size)
            raise SessionError(
                _s(
                    QT_TRANSLATE_NOOP(
                        "session",
                        "the stored result is of the {made} but the stored settings train the {now}; a result not "
                        'marked "stale" must come from the settings stored with it',
                    ),
                    made=made,
                    now=now,
                )
            )
