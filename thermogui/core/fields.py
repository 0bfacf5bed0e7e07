"""One definition of every training setting: name, type, default, range, unit, label and help.

The core validates `TrainConfig` from it; the controls build their widgets, ranges and tooltips from it; the CLI
builds its options from it; sessions read and write through it.  A value one of them accepts, all of them accept.

No Qt and no torch here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from thermogui.core.errors import UserError
from thermogui.core.numbers import fmt_float, fmt_limit
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg

MAX_EPOCHS = 10_000_000
MAX_TEXT = 64  # longer text in a number field is refused by its length, before any parsing

_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_INT = re.compile(r"^[+-]?\d+$")
_GROUPED_INT = re.compile(r"^[+-]?\d{1,3}([,_ \u00a0\u202f'])\d{3}(\1\d{3})*$")


class ConfigError(UserError):
    """A hyperparameter that cannot be used, with a reason a person understands."""


@dataclass(frozen=True)
class Field:
    name: str  # the TrainConfig attribute and the session key
    kind: str  # "float" | "int" | "choice" | "bool" | "optional_float" (None = off)
    default: object
    # label, help and the choices' labels are marked QT_TRANSLATE_NOOP("fields", …): the window shows them translated
    # (thermogui.ui.i18n.field_text), the core's messages and the command line keep the English
    label: str  # what the window and the messages call it
    help: str  # one sentence, shown as the tooltip and in `--help`
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    min_open: bool = False  # minimum itself not allowed
    max_open: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    cli: str = ""  # the `thermogui fit` option
    widget: bool = True  # has a control in the window
    log_steps: bool = False  # arrows step 1, 2, 5 per decade (a learning rate)
    step: float = 1.0  # arrow step otherwise
    applies: Callable[[dict], bool] | None = None  # whether the field matters, given all values (else unused)
    cli_help: str = ""  # the command-line option's help when it differs (a switch that turns a default off)

    def used(self, values: dict) -> bool:
        return self.applies is None or bool(self.applies(values))

    # --- describing ----------------------------------------------------------------------------------------------
    def range_text(self, tr: Callable[[str, str], str] | None = None) -> str:
        """The allowed values in words ("greater than 0 and at most 1e+06").  `tr(context, text)` translates the
        marked templates (the UI passes QCoreApplication.translate); without it they stay English (core, CLI), as a
        core.tr.Text that a message can carry into the window (thermogui.ui.i18n.tr_text)."""
        if self.kind == "choice":
            template, values = (
                QT_TRANSLATE_NOOP("fields", "one of {values}"),
                {"values": ", ".join(v for v, _ in self.choices)},
            )
        elif self.kind == "bool":
            template, values = QT_TRANSLATE_NOOP("fields", "true or false"), {}
        else:
            template, values = self._range_template()
        if tr is None:
            return msg(template, "fields", **values)
        t = tr  # (a call named tr(…) would be read by lupdate as a text to translate)
        return t("fields", template).format(**values)

    def _range_template(self) -> tuple[str, dict]:
        lo, hi = fmt_limit(self.minimum, self.kind), fmt_limit(self.maximum, self.kind)
        if self.kind == "int":
            templates = {
                (False, False): QT_TRANSLATE_NOOP("fields", "a whole number from {lo} to {hi}"),
                (True, False): QT_TRANSLATE_NOOP("fields", "a whole number greater than {lo} and to {hi}"),
                (False, True): QT_TRANSLATE_NOOP("fields", "a whole number from {lo} and below {hi}"),
                (True, True): QT_TRANSLATE_NOOP("fields", "a whole number greater than {lo} and below {hi}"),
            }
        else:
            templates = {
                (False, False): QT_TRANSLATE_NOOP("fields", "at least {lo} and at most {hi}"),
                (True, False): QT_TRANSLATE_NOOP("fields", "greater than {lo} and at most {hi}"),
                (False, True): QT_TRANSLATE_NOOP("fields", "at least {lo} and below {hi}"),
                (True, True): QT_TRANSLATE_NOOP("fields", "greater than {lo} and below {hi}"),
            }
        return templates[(self.min_open, self.max_open)], {"lo": lo, "hi": hi}

    def in_range(self, v: float) -> bool:
        if self.minimum is not None and (v < self.minimum or (self.min_open and v == self.minimum)):
            return False
        if self.maximum is not None and (v > self.maximum or (self.max_open and v == self.maximum)):
            return False
        return True

    # --- checking ------------------------------------------------------------------------------------------------
    def check(self, value, shown: str | None = None):
        """The value if it is allowed, else ConfigError saying why (the same words everywhere)."""
        if self.kind == "optional_float" and value is None:
            return None

        def got() -> str:  # (only when refusing: repr of a huge value costs time)
            return shown or short(value)

        if self.kind == "bool":
            if not isinstance(value, bool):
                raise self._refused(QT_TRANSLATE_NOOP("core", "{label} must be true or false (got {got})"), got=got())
            return value
        if self.kind == "choice":
            if value not in [v for v, _ in self.choices]:
                raise self._out_of_range(got())
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._refused(QT_TRANSLATE_NOOP("core", "{label} must be a number (got {got})"), got=got())
        if self.kind == "int":
            if isinstance(value, float):
                if not value.is_integer():
                    raise self._out_of_range(got())
                value = int(value)
        else:
            try:
                value = float(value)
            except OverflowError:
                value = math.inf
            if not math.isfinite(value):
                raise self._refused(QT_TRANSLATE_NOOP("core", "{label} must be a finite number (got {got})"), got=got())
        if not self.in_range(value):
            raise self._out_of_range(got())
        return value

    def _refused(self, template: str, **values) -> ConfigError:
        """A ConfigError whose message is `template` (marked QT_TRANSLATE_NOOP("core", …)) with this field's label
        and `values`: English as a str (the CLI), in the UI language in the window."""
        return ConfigError(msg(template, "core", label=Text(self.label, "fields"), **values))

    def _out_of_range(self, got: str) -> ConfigError:
        return self._refused(
            QT_TRANSLATE_NOOP("core", "{label} must be {range} (got {got})"), range=self.range_text(), got=got
        )

    def parse(self, text: str):
        """A value typed by a person (a control or a command-line option): checked, or ConfigError saying why.

        Accepts "." or a single "," as the decimal point; a whole number may group its thousands ("5,000").
        Anything ambiguous ("1,000" in a decimal field) is refused, never guessed."""
        if self.kind == "choice":
            return self.check(text.strip())
        s = str(text).strip().replace("\u2212", "-")
        if len(s) > MAX_TEXT:
            raise self._refused(
                QT_TRANSLATE_NOOP("core", "{label}: '{start}…' is too long ({count} characters) to be a number"),
                start=s[:20],
                count=f"{len(s):,}",
            )
        if not s:
            if self.kind == "optional_float":
                return None
            raise self._refused(QT_TRANSLATE_NOOP("core", "{label} is empty; type {example}"), example=self.example())
        not_a_number = QT_TRANSLATE_NOOP("core", "{label}: '{text}' is not a number; type {example}")
        if self.kind == "int":
            m = _GROUPED_INT.match(s)
            if m:
                s = s.replace(m.group(1), "")
            if not _INT.match(s):
                if _FLOAT.match(s.replace(",", ".")):
                    raise self._refused(
                        QT_TRANSLATE_NOOP("core", "{label} must be a whole number (got '{text}')"), text=s
                    )
                raise self._refused(not_a_number, text=s, example=self.example())
            return self.check(int(s), s)
        if s.count(",") == 1 and "." not in s:
            if re.match(r"^[+-]?\d{1,3},\d{3}$", s):
                raise self._refused(
                    QT_TRANSLATE_NOOP(
                        "core", "{label}: '{text}' is ambiguous — {point} or {grouped}? Type one of them"
                    ),
                    text=s,
                    point=s.replace(",", "."),
                    grouped=s.replace(",", ""),
                )
            s = s.replace(",", ".")
        if not _FLOAT.match(s):
            if s.lower().lstrip("+-") in ("nan", "inf", "infinity"):
                raise self._refused(
                    QT_TRANSLATE_NOOP("core", "{label} must be a finite number (got {got})"), got=f"'{s}'"
                )
            raise self._refused(not_a_number, text=s, example=self.example())
        return self.check(float(s), s)

    def example(self) -> str:
        """What to type, in words (a core.tr.Text: "a number such as 0.01 or 1e-4")."""
        if self.kind == "int":
            return msg(QT_TRANSLATE_NOOP("core", "a whole number such as 5000"), "core")
        return msg(QT_TRANSLATE_NOOP("core", "a number such as 0.01 or 1e-4"), "core")

    def format(self, value) -> str:
        """The text a control shows for `value` (parse(format(v)) == v)."""
        if value is None:
            return ""
        if self.kind == "int":
            return str(int(value))
        if self.kind in ("choice", "bool"):
            return str(value)
        return fmt_float(value)


def short(value, limit: int = 40) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"


LINEAR_MODELS = ("line", "quadratic")  # models linear in their parameters: exact least squares and the fast path
NETWORKS = ("linear-module", "mlp")  # torch.nn modules, trained with autograd


def _linear(v: dict) -> bool:
    return v.get("model", "line") in LINEAR_MODELS


FIELDS: tuple[Field, ...] = (
    Field(
        "model",
        "choice",
        "line",
        QT_TRANSLATE_NOOP("fields", "model"),
        QT_TRANSLATE_NOOP(
            "fields",
            "What is fitted: the book's straight line t_c = w·t_u + b, the chapter's exercise "
            "t_c = w2·t_u² + w1·t_u + b, or chapter 6's torch modules: nn.Linear(1, 1) and a small network "
            "Linear(1, H) → Tanh → Linear(H, 1).",
        ),
        choices=(
            ("line", QT_TRANSLATE_NOOP("fields", "Line  w·t_u + b")),
            ("quadratic", QT_TRANSLATE_NOOP("fields", "Quadratic  w2·t_u² + w1·t_u + b")),
            ("linear-module", "nn.Linear(1, 1)"),
            ("mlp", QT_TRANSLATE_NOOP("fields", "Network  Linear → Tanh → Linear")),
        ),
        cli="--model",
    ),
    Field(
        "hidden",
        "int",
        13,
        QT_TRANSLATE_NOOP("fields", "hidden units"),
        QT_TRANSLATE_NOOP(
            "fields", "Neurons in the network's hidden layer (the book's text uses 13, its trained run 8)."
        ),
        minimum=1,
        maximum=64,
        cli="--hidden",
        applies=lambda v: v.get("model") == "mlp",
    ),
    Field(
        "arith",
        "choice",
        "book",
        QT_TRANSLATE_NOOP("fields", "arithmetic"),
        QT_TRANSLATE_NOOP(
            "fields",
            "Book: the chapter's float32 loop over every reading, digit for digit.  Fast: float64 from the sums XᵀX, "
            "Xᵀy and yᵀy computed once — the gradient of the mean squared error needs nothing else, so an epoch "
            "costs the same for 11 or a million readings.",
        ),
        choices=(
            ("book", QT_TRANSLATE_NOOP("fields", "Book float32")),
            ("fast", QT_TRANSLATE_NOOP("fields", "Fast float64 (exact sums)")),
        ),
        cli="--arith",
        applies=_linear,
    ),
    Field(
        "lr",
        "float",
        1e-2,
        QT_TRANSLATE_NOOP("fields", "learning rate"),
        QT_TRANSLATE_NOOP(
            "fields",
            "How far each step moves the parameters along the negative gradient; too large and the loss explodes.",
        ),
        minimum=0.0,
        maximum=1e6,
        min_open=True,
        cli="--lr",
        log_steps=True,
    ),
    Field(
        "epochs",
        "int",
        5000,
        QT_TRANSLATE_NOOP("fields", "epochs"),
        QT_TRANSLATE_NOOP("fields", "How many passes over the data (one update per epoch)."),
        minimum=1,
        maximum=MAX_EPOCHS,
        cli="--epochs",
        step=100,
    ),
    Field(
        "init_w2",
        "float",
        0.0,
        QT_TRANSLATE_NOOP("fields", "start w2"),
        QT_TRANSLATE_NOOP("fields", "The t_u² coefficient w2 to start from, in model units."),
        unit="model units",
        minimum=-1e30,
        maximum=1e30,
        cli="--init-w2",
        step=0.01,
        applies=lambda v: v.get("model") == "quadratic",
    ),
    Field(
        "init_w",
        "float",
        1.0,
        QT_TRANSLATE_NOOP("fields", "start w"),
        QT_TRANSLATE_NOOP(
            "fields",
            "The slope w (w1 in the quadratic) to start from, in model units (after normalization, as the book gives "
            "it).",
        ),
        unit="model units",
        minimum=-1e30,
        maximum=1e30,
        cli="--init-w",
        step=0.1,
    ),
    Field(
        "init_b",
        "float",
        0.0,
        QT_TRANSLATE_NOOP("fields", "start b"),
        QT_TRANSLATE_NOOP("fields", "The offset b to start from, in model units."),
        unit="model units",
        minimum=-1e30,
        maximum=1e30,
        cli="--init-b",
        step=0.1,
    ),
    Field(
        "normalize",
        "choice",
        "scale",
        QT_TRANSLATE_NOOP("fields", "normalization"),
        QT_TRANSLATE_NOOP("fields", "Rescale t_u before training so w and b get gradients of similar size."),
        choices=(
            ("none", QT_TRANSLATE_NOOP("fields", "None (raw t_u)")),
            ("scale", QT_TRANSLATE_NOOP("fields", "Scale × factor")),
            ("zscore", QT_TRANSLATE_NOOP("fields", "Z-score")),
        ),
        cli="--normalize",
    ),
    Field(
        "scale",
        "float",
        0.1,
        QT_TRANSLATE_NOOP("fields", "scale factor"),
        QT_TRANSLATE_NOOP("fields", "The factor t_u is multiplied by (the book uses 0.1)."),
        minimum=0.0,
        maximum=1e6,
        min_open=True,
        cli="--scale",
        step=0.01,
        applies=lambda v: v.get("normalize") == "scale",
    ),
    Field(
        "gradient",
        "choice",
        "manual",
        QT_TRANSLATE_NOOP("fields", "gradient"),
        QT_TRANSLATE_NOOP(
            "fields", "Compute the gradient with the chain-rule formulas from the book, or let autograd derive it."
        ),
        choices=(
            ("manual", QT_TRANSLATE_NOOP("fields", "By hand (chain rule)")),
            ("autograd", QT_TRANSLATE_NOOP("fields", "Autograd")),
        ),
        cli="--grad",
        applies=lambda v: _linear(v) and v.get("arith", "book") == "book",
    ),
    Field(
        "optimizer",
        "choice",
        "sgd",
        QT_TRANSLATE_NOOP("fields", "optimizer"),
        QT_TRANSLATE_NOOP(
            "fields", "How the gradient turns into a step: the book's gradient descent (with momentum if set), or Adam."
        ),
        choices=(("sgd", QT_TRANSLATE_NOOP("fields", "Gradient descent (SGD)")), ("adam", "Adam")),
        cli="--optimizer",
    ),
    Field(
        "momentum",
        "float",
        0.0,
        QT_TRANSLATE_NOOP("fields", "momentum"),
        QT_TRANSLATE_NOOP(
            "fields", "Fraction of the previous step carried into the next (0 = the book's plain gradient descent)."
        ),
        minimum=0.0,
        maximum=1.0,
        max_open=True,
        cli="--momentum",
        step=0.05,
        applies=lambda v: v.get("optimizer") == "sgd",
    ),
    Field(
        "val_fraction",
        "float",
        0.0,
        QT_TRANSLATE_NOOP("fields", "validation fraction"),
        QT_TRANSLATE_NOOP(
            "fields",
            "Share of the readings held out (chosen by the seed) to measure the loss on points not trained on.",
        ),
        minimum=0.0,
        maximum=0.9,
        cli="--val-fraction",
        step=0.05,
        applies=lambda v: not v.get("val_rows_marked"),
    ),
    Field(
        "seed",
        "int",
        0,
        QT_TRANSLATE_NOOP("fields", "seed"),
        QT_TRANSLATE_NOOP(
            "fields", "Seed for the random choice of validation readings and the network's starting weights."
        ),
        minimum=0,
        maximum=2**63 - 1,
        cli="--seed",
        applies=lambda v: (
            ((v.get("val_fraction") or 0) > 0 and not v.get("val_rows_marked")) or v.get("model") == "mlp"
        ),
    ),
    Field(
        "tol",
        "optional_float",
        None,
        QT_TRANSLATE_NOOP("fields", "tolerance"),
        QT_TRANSLATE_NOOP(
            "fields", "Stop as converged when every |gradient| is at most this (empty = run every epoch)."
        ),
        minimum=0.0,
        maximum=1e6,
        cli="--tol",
        widget=False,
    ),
    Field(
        "stop_on_non_finite",
        "bool",
        True,
        QT_TRANSLATE_NOOP("fields", "stop when the loss is not finite"),
        QT_TRANSLATE_NOOP("fields", "Stop by itself when the loss becomes inf or nan."),
        cli="--no-stop-on-nonfinite",
        widget=False,
        cli_help="keep training after the loss becomes inf or nan (by default the run stops there)",
    ),
)
BY_NAME = {f.name: f for f in FIELDS}


def field(name: str) -> Field:
    return BY_NAME[name]


def defaults() -> dict:
    return {f.name: f.default for f in FIELDS}
