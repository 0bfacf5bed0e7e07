"""Every field of the one spec round-trips core -> controls -> session -> CLI at its minimum, maximum and default."""

import math

import pytest

from thermogui.cli import build_parser
from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.fields import FIELDS
from thermogui.core.session import Session, session_from_json, session_to_json

from .test_what_runs import typed


def edge_values(f):
    if f.kind == "choice":
        return [v for v, _ in f.choices]
    if f.kind == "bool":
        return [True, False]
    lo = math.nextafter(f.minimum, math.inf) if f.min_open else f.minimum
    hi = math.nextafter(f.maximum, -math.inf) if f.max_open else f.maximum
    values = [lo, hi, f.default]
    if f.kind == "int":
        values = [int(v) for v in values]
    return [v for v in values if v is not None] + ([None] if f.kind == "optional_float" else [])


CASES = [(f, v) for f in FIELDS for v in edge_values(f)]
ENABLE = {
    "scale": {"normalize": "scale"},
    "momentum": {"optimizer": "sgd"},
    "seed": {"val_fraction": 0.5},
    "hidden": {"model": "mlp"},
    "init_w2": {"model": "quadratic"},
}


@pytest.mark.parametrize("f, value", CASES, ids=[f"{f.name}={v!r}" for f, v in CASES])
def test_core_session_and_cli_keep_the_value(f, value):
    config = TrainConfig(**{f.name: value}).validated()
    assert getattr(config, f.name) == value
    back = session_from_json(session_to_json(Session(Dataset.book(), config)))
    assert getattr(back.config, f.name) == value
    if f.kind == "bool":
        argv = [f.cli] if value != f.default else []
    elif value is None:
        argv = []
    else:
        argv = [f.cli, f.format(value)]
    args = build_parser().parse_args(["fit", *argv])
    assert getattr(args, f.name) == value


@pytest.mark.parametrize(
    "f, value", [(f, v) for f, v in CASES if f.widget], ids=[f"{f.name}={v!r}" for f, v in CASES if f.widget]
)
def test_the_control_takes_the_value_as_typed(qtbot, window, f, value):
    from thermogui.ui.controls.widgets import NumberField

    state = window.run_state
    state.set_config(state.committed_config().with_(**ENABLE.get(f.name, {})))
    box = window.controls.inputs[f.name]
    assert box.isEnabled()
    if isinstance(box, NumberField):
        typed(qtbot, box, f.format(value))
        assert box.problem() is None
    else:
        from .helpers import choose

        choose(qtbot, box, dict(f.choices)[value])
    assert state.value(f.name) == value
    assert getattr(state.config(), f.name) == value
    # and what the window shows comes back after a session round trip through set_config
    state.set_config(TrainConfig())
    state.set_config(TrainConfig(**ENABLE.get(f.name, {}), **{f.name: value}))
    if isinstance(box, NumberField):
        assert f.parse(box.lineEdit().text()) == value


@pytest.mark.parametrize("f", [f for f in FIELDS if f.kind in ("float", "int")], ids=lambda f: f.name)
def test_just_outside_the_range_is_refused_everywhere(f):
    from thermogui.core.fields import ConfigError

    outside = [
        f.minimum if f.min_open else (f.minimum - (1 if f.kind == "int" else abs(f.minimum) * 1e-6 + 1e-9)),
        f.maximum if f.max_open else (f.maximum + (1 if f.kind == "int" else abs(f.maximum) * 1e-6 + 1e-9)),
    ]
    for v in outside:
        with pytest.raises(ConfigError, match=f.label):
            TrainConfig(**{f.name: v}).validated()
        with pytest.raises(SystemExit):
            build_parser().parse_args(["fit", f.cli, repr(v)])
