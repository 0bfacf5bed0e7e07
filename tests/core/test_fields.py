"""The field spec: parsing what a person types, checking ranges, the same words everywhere."""

import pytest

from thermogui.core.config import TrainConfig
from thermogui.core.fields import BY_NAME, FIELDS, ConfigError, field


def test_every_train_config_field_has_one_spec_and_the_same_default():
    import dataclasses

    assert [f.name for f in FIELDS] == [f.name for f in dataclasses.fields(TrainConfig)]
    for f in FIELDS:
        assert getattr(TrainConfig(), f.name) == f.default


@pytest.mark.parametrize("text, value", [("0.01", 0.01), ("1e-4", 1e-4), ("1,5", 1.5), (" 2 ", 2.0), ("−0.5", None)])
def test_decimal_text(text, value):
    f = field("init_w")
    assert f.parse(text) == (value if value is not None else -0.5)


@pytest.mark.parametrize(
    "text, words",
    [
        ("1,000", "ambiguous"),
        ("abc", "not a number"),
        ("nan", "finite"),
        ("1e400", "finite"),
        ("", "empty"),
        ("1" * 100, "too long"),
        ("1.2.3", "not a number"),
    ],
)
def test_refused_decimal_text_says_why(text, words):
    with pytest.raises(ConfigError, match=words):
        field("init_w").parse(text)


@pytest.mark.parametrize(
    "text, value", [("5000", 5000), ("5,000", 5000), ("5 000", 5000), ("5_000", 5000), ("10,000,000", 10_000_000)]
)
def test_whole_numbers_may_group_thousands(text, value):
    assert field("epochs").parse(text) == value


@pytest.mark.parametrize(
    "text, words",
    [
        ("2.5", "whole number"),
        ("0", "from 1 to 10,000,000"),
        ("50,00", "whole number"),
        ("5x", "not a number"),
        ("10,000,001", "from 1 to"),
    ],
)
def test_refused_whole_numbers(text, words):
    with pytest.raises(ConfigError, match=words):
        field("epochs").parse(text)


def test_learning_rate_messages_name_the_range_and_what_was_typed():
    with pytest.raises(ConfigError) as e:
        field("lr").parse("0")
    assert str(e.value) == "learning rate must be greater than 0 and at most 1e6 (got 0)"
    with pytest.raises(ConfigError, match="at least 0 and below 1"):
        field("momentum").parse("1")


def test_a_huge_seed_is_exact():
    assert field("seed").parse(str(2**62 + 1)) == 2**62 + 1
    with pytest.raises(ConfigError, match="seed must be a whole number from 0 to 9,223,372,036,854,775,807"):
        field("seed").parse(str(2**63))


def test_format_reads_back_exactly():
    for f in FIELDS:
        if f.kind in ("float", "int") and f.default is not None:
            assert f.parse(f.format(f.default)) == f.default
    for v in (0.1, 1e-7, 5e-324, 0.9999999999999999, 1e30, -17.3012):
        assert field("init_b").parse(field("init_b").format(v)) == v


def test_which_fields_are_used_depends_on_the_others():
    assert not BY_NAME["scale"].used({"normalize": "none"})
    assert BY_NAME["scale"].used({"normalize": "scale"})
    assert not BY_NAME["momentum"].used({"optimizer": "adam"})
    assert not BY_NAME["seed"].used({"val_fraction": 0.0})
    assert BY_NAME["seed"].used({"val_fraction": 0.2})
