"""Sessions with models: the model, arithmetic, start w2 and validation marks are stored; a result carries its
parameter vector by name (and the line's w and b as before); a session written before models (version 1, commit
8bd4648) opens unchanged; an inconsistent file is refused with its reason and nothing is returned."""

from __future__ import annotations

import json

import numpy as np
import pytest

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.report import summarize
from thermogui.core.session import (
    VERSION,
    Session,
    SessionError,
    load_session,
    save_session,
    session_from_json,
    session_to_dict,
    session_to_json,
)
from thermogui.core.training import run

BOOK = Dataset.book()

# Written by ThermoGUI at 8bd4648 (before models) with its own session code: the book's readings with reading 4
# excluded, 300 epochs with a seeded 20 % validation split, and its result.
OLD_SESSION = r"""
{
  "format": "thermogui-session",
  "version": 1,
  "app_version": "0.1.0",
  "saved_at": "2026-11-27T19:52:09Z",
  "data": {
    "t_u": [
      35.7,
      55.9,
      58.2,
      81.9,
      56.3,
      48.9,
      33.9,
      21.8,
      48.4,
      60.4,
      68.4
    ],
    "t_c": [
      0.5,
      14.0,
      15.0,
      28.0,
      11.0,
      8.0,
      3.0,
      -4.0,
      6.0,
      13.0,
      21.0
    ],
    "include": [
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true
    ]
  },
  "config": {
    "lr": 0.01,
    "epochs": 300,
    "init_w": 1.0,
    "init_b": -1.5,
    "normalize": "scale",
    "scale": 0.1,
    "gradient": "manual",
    "optimizer": "sgd",
    "momentum": 0.0,
    "val_fraction": 0.2,
    "seed": 3,
    "tol": null,
    "stop_on_non_finite": true
  },
  "result": {
    "stop_reason": "completed",
    "epochs_run": 300,
    "stop_epoch": 300,
    "last_finite_epoch": 300,
    "last_finite_loss": 8.337730407714844,
    "loss": 8.337730407714844,
    "val_loss": 39.45484924316406,
    "final_loss": 8.331584930419922,
    "w": 0.28877825736999513,
    "b": -3.7757670879364014,
    "w_model": 2.887782573699951,
    "b_model": -3.7757670879364014,
    "lstsq": {
      "w": 0.5217958473747146,
      "b": -16.697616588759644,
      "loss": 3.188174326013694
    },
    "lr_stable_max": 0.032431238181209125,
    "condition_number": 1033.5519228256526,
    "metrics": {
      "rmse": 2.8864487153691134,
      "mae": 2.5418204820156087,
      "r2": 0.7049133835455538,
      "n": 8
    },
    "val_metrics": {
      "rmse": 6.2813096006268925,
      "mae": 6.276607811450959,
      "r2": -6.793550676331373,
      "n": 2
    },
    "normalization": {
      "kind": "scale",
      "offset": 0.0,
      "factor": 0.1
    },
    "stale": false
  }
}

"""


def refused(d) -> str:
    """The message a session is refused with (and check nothing is returned)."""
    result = "not raised"
    with pytest.raises(SessionError) as err:
        result = session_from_json(d if isinstance(d, str) else json.dumps(d))
    assert result == "not raised"
    return str(err.value)


def session_of(config: TrainConfig, data: Dataset = BOOK, **extra) -> Session:
    _, outcome = run(config, data)
    return Session(data, config, {**summarize(config, data, outcome), **extra})


QUADRATIC = TrainConfig(model="quadratic", arith="fast", lr=5e-4, epochs=2000, init_w2=0.125, init_w=0.75)


def quadratic_doc(**result_changes) -> dict:
    d = json.loads(session_to_json(session_of(QUADRATIC, BOOK.with_val_rows([2, 10]))))
    d["result"].update(result_changes)
    return d


# --- a session from before models ------------------------------------------------------------------------------
def test_a_session_written_before_models_opens_unchanged(tmp_path):
    old = json.loads(OLD_SESSION)
    s = session_from_json(OLD_SESSION)
    assert s.data.t_u.tolist() == old["data"]["t_u"] and s.data.t_c.tolist() == old["data"]["t_c"]
    assert s.data.include.tolist() == old["data"]["include"] and not s.data.val.any()  # no marks then
    assert s.config == TrainConfig(lr=0.01, epochs=300, init_b=-1.5, val_fraction=0.2, seed=3)
    assert (s.config.model, s.config.arith, s.config.init_w2) == ("line", "book", 0.0)  # the defaults: the line
    assert s.result == old["result"]  # the result as it was stored: w, b and all
    assert s.extra == {} and s.kept_keys() == []
    # the same run today gives the same numbers: the file and the app agree
    _, outcome = run(s.config, s.data)
    assert (outcome.w, outcome.b, outcome.final_loss) == (s.result["w"], s.result["b"], s.result["final_loss"])
    # saved again: version 2, nothing lost, and it reads back the same
    path = tmp_path / "again.thermogui.json"
    save_session(path, s)
    again = json.loads(path.read_text())
    assert again["version"] == VERSION == 2
    assert again["result"] == old["result"] and again["data"]["val"] == [False] * 11
    assert {k: again["config"][k] for k in old["config"]} == old["config"]
    assert load_session(path) == s


# --- what is stored ---------------------------------------------------------------------------------------------
def test_a_quadratic_session_round_trip(tmp_path):
    data = BOOK.with_val_rows([2, 10]).with_include(5, False)
    s = session_of(QUADRATIC, data)
    path = tmp_path / "quadratic.thermogui.json"
    save_session(path, s)
    d = json.loads(path.read_text())
    assert d["version"] == 2
    assert (d["config"]["model"], d["config"]["arith"], d["config"]["init_w2"]) == ("quadratic", "fast", 0.125)
    assert d["data"]["val"] == [i in (2, 10) for i in range(11)]
    assert d["result"]["model"] == "quadratic"
    assert list(d["result"]["params"]) == ["w2", "w1", "b"] and list(d["result"]["params_model"]) == ["w2", "w1", "b"]
    assert "w" not in d["result"] and "w_model" not in d["result"]
    back = load_session(path)
    assert back == s
    assert back.config == QUADRATIC and back.data == data
    assert back.data.val.tolist() == data.val.tolist() and back.data.include.tolist() == data.include.tolist()
    _, outcome = run(back.config, back.data)  # the stored settings run the stored result again
    assert tuple(back.result["params"].values()) == outcome.params
    assert tuple(back.result["params_model"].values()) == outcome.params_model
    assert back.result["val_metrics"]["n"] == 2


def test_the_line_stores_both_its_old_keys_and_params():
    d = session_to_dict(session_of(TrainConfig(epochs=100)))
    r = d["result"]
    assert r["model"] == "line"
    assert r["params"] == {"w": r["w"], "b": r["b"]} and r["params_model"] == {"w": r["w_model"], "b": r["b_model"]}


def test_a_network_session_round_trip():
    s = session_of(TrainConfig(model="mlp", hidden=2, epochs=5, seed=4))
    back = session_from_json(session_to_json(s))
    assert back == s and back.config.hidden == 2
    assert list(back.result["params"]) == ["w1_1", "w1_2", "b1_1", "b1_2", "w2_1", "w2_2", "b2"]


def test_a_stale_result_of_another_model_is_kept():
    """The window saves the last run marked stale when the settings changed since (here: the model itself)."""
    s = session_of(QUADRATIC, stale=True)
    stale = Session(s.data, TrainConfig(), s.result)
    back = session_from_json(session_to_json(stale))
    assert back == stale and back.result["model"] == "quadratic" and back.config.model == "line"
    net = session_of(TrainConfig(model="mlp", hidden=3, epochs=3), stale=True)  # another number of hidden units
    other = Session(net.data, TrainConfig(model="mlp", hidden=5), net.result)
    assert session_from_json(session_to_json(other)) == other


def test_result_config_is_the_model_that_made_the_result():
    from thermogui.core.session_result import result_config

    quad = session_of(QUADRATIC, stale=True).result
    assert result_config(TrainConfig(lr=0.5), quad) == TrainConfig(lr=0.5, model="quadratic")
    assert result_config(QUADRATIC, quad) is QUADRATIC
    net = session_of(TrainConfig(model="mlp", hidden=3, epochs=3), stale=True).result
    assert result_config(TrainConfig(model="mlp", hidden=5), net) == TrainConfig(model="mlp", hidden=3)
    line = session_of(TrainConfig(epochs=3)).result
    assert result_config(TrainConfig(model="linear-module"), line).model == "linear-module"  # the same w and b
    assert result_config(QUADRATIC, None) is QUADRATIC


def test_a_line_result_fits_nn_linear_settings():
    """nn.Linear(1, 1) has the line's w and b: a version 1 style result under it is consistent."""
    d = json.loads(session_to_json(session_of(TrainConfig(epochs=10))))
    for key in ("model", "params", "params_model"):
        del d["result"][key]
    d["config"]["model"] = "linear-module"
    s = session_from_json(json.dumps(d))
    assert s.config.model == "linear-module" and s.result["w"] == d["result"]["w"]


def test_a_later_versions_keys_are_kept_with_a_model():
    d = quadratic_doc(future_metric={"aic": 1.5})
    d["config"]["warmup_epochs"] = 10
    d["data"]["weights"] = [1.0] * 11
    s = session_from_json(json.dumps(d))
    assert s.kept_keys() == ["config.warmup_epochs", "data.weights"]
    assert s.result["future_metric"] == {"aic": 1.5}
    again = session_to_dict(s)
    assert again["config"]["warmup_epochs"] == 10 and again["result"]["future_metric"] == {"aic": 1.5}
    assert again["data"]["weights"] == [1.0] * 11 and again["data"]["val"] == d["data"]["val"]


# --- refused: broken or inconsistent ----------------------------------------------------------------------------
def test_params_of_the_wrong_length_are_refused():
    d = quadratic_doc(params={"w": 0.5, "b": -17.0})
    assert refused(d) == '"result.params" has 2 values (w, b) but the quadratic has 3 parameters (w2, w1, b)'
    d = quadratic_doc()
    d["result"]["params_model"]["w0"] = 1.0
    assert refused(d) == (
        '"result.params_model" has 4 values (w2, w1, b, w0) but the quadratic has 3 parameters (w2, w1, b)'
    )
    line = json.loads(session_to_json(session_of(TrainConfig(epochs=10))))
    line["result"]["params"]["w1"] = 0.1
    assert refused(line) == '"result.params" has 3 values (w, b, w1) but the straight line has 2 parameters (w, b)'


@pytest.mark.parametrize(
    "change, message",
    [
        ({"params": {"w2": 1, "w1": 2, "c": 3}}, '"result.params" names w2, w1, c; the quadratic\'s parameters are'),
        ({"params": [0.1, 0.2, 0.3]}, '"result.params" must be an object ({...}) naming each parameter, not a list'),
        ({"params": {"w2": "1", "w1": 2, "b": 3}}, '"result.params.w2" must be a number, not text'),
        ({"params_model": None}, '"result.params_model" must be an object ({...}) naming each parameter, not null'),
        ({"model": "cubic"}, "\"result.model\" is 'cubic'; expected one of line, quadratic, linear-module, mlp"),
        ({"model": 2}, '"result.model" must be text, not a number'),
        ({"model": "line"}, '"result.params" has 3 values (w2, w1, b) but the straight line has 2 parameters'),
    ],
)
def test_broken_parameter_vectors_are_refused(change, message):
    assert message in refused(quadratic_doc(**change))


def test_a_result_without_its_params_key_is_refused():
    d = quadratic_doc()
    del d["result"]["params_model"]
    assert refused(d) == 'the stored result has "result.params" but no "result.params_model"'
    del d["result"]["params"]
    del d["result"]["model"]  # (no params, no model: a line's result of version 1, which has no w either)
    assert refused(d) == 'the stored result has no "result.w"'
    d = quadratic_doc()
    del d["result"]["params"]
    assert refused(d) == 'the stored result has no "result.params" (the quadratic\'s parameters)'


def test_a_result_of_another_model_than_its_settings_is_refused_unless_stale():
    d = quadratic_doc()
    d["config"]["model"] = "line"
    message = refused(d)
    assert message.startswith("the stored result is of the quadratic but the stored settings train the straight line")
    assert '"stale"' in message
    d["result"]["stale"] = True
    assert session_from_json(json.dumps(d)).result["model"] == "quadratic"
    net = json.loads(session_to_json(session_of(TrainConfig(model="mlp", hidden=2, epochs=3))))
    net["config"]["hidden"] = 3
    assert refused(net).startswith(
        "the stored result is of the network (7 parameters) but the stored settings train the network (10 parameters)"
    )


def test_the_lines_old_keys_must_agree_with_its_params():
    d = json.loads(session_to_json(session_of(TrainConfig(epochs=10))))
    d["result"]["w"] = 0.5
    assert refused(d).startswith('"result.w" is 0.5 but "result.params.w" is ')


def test_a_val_mask_of_the_wrong_length_is_refused():
    d = quadratic_doc()
    d["data"]["val"] = [False] * 10
    assert refused(d) == '"data.val" has 10 entries but there are 11 readings'
    d["data"]["val"] = [False] * 10 + ["yes"]
    assert refused(d) == '"data.val" row 11: must be true or false, not text'
    d["data"]["val"] = "3,11"
    assert refused(d) == '"data.val" must be a list of true/false, not text'
    d["data"]["val"] = [0] * 10 + [1]  # 0 and 1 are read as false and true, as for include
    assert np.flatnonzero(session_from_json(json.dumps(d)).data.val).tolist() == [10]
    del d["data"]["val"]  # missing: nothing marked
    assert not session_from_json(json.dumps(d)).data.val.any()


def test_a_refused_file_leaves_the_one_on_disk_as_it_was(tmp_path):
    path = tmp_path / "broken.thermogui.json"
    text = json.dumps(quadratic_doc(params={"w2": 1.0}))
    path.write_text(text)
    with pytest.raises(SessionError, match="has 1 value "):
        load_session(path)
    assert path.read_text() == text
