"""The book's runs, one click each: every setting and the readings of a run the chapter (or the next) prints, one
line on what to watch, and the numbers the book prints — which the app's own run must reproduce to the digits shown
(the table in ../shared/reference/BOOK-NUMBERS.md is the oracle; tests/core/test_presets.py checks each).

No Qt.  `check(preset, history, outcome)` compares a finished run with the book, line by line.

The titles, sources, what-to-watch lines, what each printed number is and the notes are marked
``QT_TRANSLATE_NOOP("presets", …)``: English here (and in the CLI); the window shows them in the UI language
(`thermogui.ui.i18n.marked("presets", text)`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.tr import QT_TRANSLATE_NOOP

# The book's digits for a number, as it prints them.
Shown = Callable[[list, object], str]


@dataclass(frozen=True)
class Expect:
    """One printed number: what it is, the book's text, and how to print the app's (same format)."""

    what: str
    book: str
    app: Shown
    tol: float = 0.0  # accepted difference where float32 rounding differs between torch versions (said in `note`)
    note: str = ""

    def matches(self, app: str) -> bool:
        if app == self.book:
            return True
        try:
            return self.tol > 0 and abs(float(app) - float(self.book)) <= self.tol
        except ValueError:
            return False


@dataclass(frozen=True)
class Preset:
    key: str
    title: str  # the menu entry
    source: str  # where in the book
    watch: str  # one line: what to look at
    config: TrainConfig
    val_rows: tuple[int, ...] = ()  # 0-based validation readings (the book's printed split)
    expect: tuple[Expect, ...] = field(default_factory=tuple)

    def dataset(self) -> Dataset:
        data = Dataset.book()
        return data.with_val_rows(self.val_rows) if self.val_rows else data


def _loss(epoch: int, fmt: str = ".2f") -> Shown:
    return lambda h, _o: format(h[epoch - 1].loss, fmt)


def _grad(epoch: int) -> Shown:
    return lambda h, _o: "[" + ", ".join(f"{v:.4f}" for v in h[epoch - 1].grad) + "]"


def _params(fmt: str = ".4f") -> Shown:
    return lambda _h, o: "[" + ", ".join(format(v, fmt) for v in o.params_model) + "]"


def _last(attr: str, fmt: str) -> Shown:
    return lambda h, _o: format(getattr(h[-1], attr), fmt)


def _first_non_finite(h, _o) -> str:
    return next((str(r.epoch) for r in h if not math.isfinite(r.loss)), "none")


RAW = TrainConfig(normalize="none", lr=1e-2, epochs=100)
SCALED = TrainConfig(normalize="scale", scale=0.1, lr=1e-2, epochs=100)

PRESETS: tuple[Preset, ...] = (
    Preset(
        "first-loss",
        QT_TRANSLATE_NOOP("presets", "The first loss: w = 1, b = 0"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.4"),
        QT_TRANSLATE_NOOP(
            "presets", "Before any training the line t_p = t_u misses every reading: the mean squared error is 1763.88."
        ),
        RAW.with_(epochs=1),
        expect=(Expect(QT_TRANSLATE_NOOP("presets", "loss at w = 1, b = 0"), "1763.8848", _loss(1, ".4f")),),
    ),
    Preset(
        "raw-diverges",
        QT_TRANSLATE_NOOP("presets", "Raw t_u, lr 1e-2: the loss explodes"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.4.3"),
        QT_TRANSLATE_NOOP(
            "presets", "Each step overshoots further: the loss grows a thousandfold per epoch and is inf at epoch 11."
        ),
        RAW,
        expect=(
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 1 loss"), "1763.88", _loss(1)),
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 1 gradient"), "[4517.2964, 82.6000]", _grad(1)),
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 2 loss"), "5802484.50", _loss(2)),
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 2 gradient"), "[-261257.4062, -4598.9702]", _grad(2)),
            Expect(QT_TRANSLATE_NOOP("presets", "first epoch whose loss is inf"), "11", _first_non_finite),
        ),
    ),
    Preset(
        "raw-small-rate",
        QT_TRANSLATE_NOOP("presets", "Raw t_u, lr 1e-4: stable but slow"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.4.3"),
        QT_TRANSLATE_NOOP(
            "presets",
            "A 100× smaller rate no longer explodes, but w's gradient is ~50× b's: b has barely moved after 100 "
            "epochs.",
        ),
        RAW.with_(lr=1e-4),
        expect=(
            Expect(QT_TRANSLATE_NOOP("presets", "parameters after 100 epochs"), "[0.2327, -0.0438]", _params()),
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 100 loss"), "29.02", _last("loss", ".2f")),
        ),
    ),
    Preset(
        "scaled-100",
        QT_TRANSLATE_NOOP("presets", "t_un = 0.1·t_u, lr 1e-2, 100 epochs"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.4.4"),
        QT_TRANSLATE_NOOP(
            "presets", "Normalizing t_u evens out the two gradients: both parameters now move at a useful pace."
        ),
        SCALED,
        expect=(
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 1 loss"), "80.36", _loss(1)),
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 1 gradient"), "[-77.6140, -10.6400]", _grad(1)),
            Expect(QT_TRANSLATE_NOOP("presets", "parameters after 100 epochs"), "[2.7553, -2.5162]", _params()),
        ),
    ),
    Preset(
        "scaled-5000",
        QT_TRANSLATE_NOOP("presets", "t_un = 0.1·t_u, lr 1e-2, 5,000 epochs"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.4.4"),
        QT_TRANSLATE_NOOP(
            "presets",
            "The book's final run: the loss settles at 2.93 and w = 5.3671 is 0.53671 per raw unit (about 5/9).",
        ),
        SCALED.with_(epochs=5000),
        expect=(
            Expect(QT_TRANSLATE_NOOP("presets", "parameters"), "[5.3671, -17.3012]", _params()),
            Expect(QT_TRANSLATE_NOOP("presets", "epoch 5000 loss"), "2.927648", _last("loss", ".6f")),
        ),
    ),
    Preset(
        "adam-raw",
        QT_TRANSLATE_NOOP("presets", "Adam, lr 1e-1, on raw t_u"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.5.2 (optimizers)"),
        QT_TRANSLATE_NOOP(
            "presets",
            "Adam scales each parameter's step by its own gradient history: it converges even without normalizing t_u.",
        ),
        TrainConfig(normalize="none", lr=1e-1, epochs=2000, gradient="autograd", optimizer="adam"),
        expect=(
            Expect(QT_TRANSLATE_NOOP("presets", "parameters"), "[0.5367, -17.3021]", _params()),
            Expect(
                QT_TRANSLATE_NOOP("presets", "epoch 2000 loss"),
                "2.927646",
                _last("loss", ".6f"),
                tol=3e-6,
                note=QT_TRANSLATE_NOOP(
                    "presets",
                    "float32 noise: near the minimum the loss moves in its 6th decimal from epoch to epoch, and "
                    "today's torch.optim.Adam rounds differently from the book's version",
                ),
            ),
        ),
    ),
    Preset(
        "book-split",
        QT_TRANSLATE_NOOP("presets", "SGD on the book's split (validation readings 3 and 11)"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, §5.5.3 (validation)"),
        QT_TRANSLATE_NOOP(
            "presets",
            "Readings 3 and 11 are never trained on: their loss (orange) tells how well the line generalizes.",
        ),
        SCALED.with_(epochs=3000, gradient="autograd"),
        val_rows=(2, 10),
        expect=(
            Expect(QT_TRANSLATE_NOOP("presets", "training loss at epoch 3000"), "3.0125", _last("loss", ".4f")),
            Expect(QT_TRANSLATE_NOOP("presets", "validation loss at epoch 3000"), "3.5756", _last("val_loss", ".4f")),
            Expect(QT_TRANSLATE_NOOP("presets", "parameters"), "[5.1964, -16.7512]", _params()),
        ),
    ),
    Preset(
        "exercise-quadratic",
        QT_TRANSLATE_NOOP("presets", "Exercise: the quadratic w2·t_u² + w1·t_u + b, run to convergence"),
        QT_TRANSLATE_NOOP("presets", "ch. 5, exercise 1"),
        QT_TRANSLATE_NOOP(
            "presets",
            "Condition number ~10⁵: plain gradient descent needs about a million epochs; the fast exact path does them "
            "in a second.  Compare the final loss with the line's 2.93.",
        ),
        TrainConfig(model="quadratic", arith="fast", normalize="scale", lr=5e-4, epochs=1_000_000),
    ),
    Preset(
        "network-book",
        QT_TRANSLATE_NOOP("presets", "Network: 8 hidden units, lr 1e-3, 5,000 epochs (the book's split)"),
        QT_TRANSLATE_NOOP("presets", "ch. 6, §6.3"),
        QT_TRANSLATE_NOOP(
            "presets",
            "Watch both losses fall together (the book: training 182.97 → 2.11, validation 231.87 → 2.02); the book "
            "does not seed its weights, so the curves' shape — not their digits — is what matches.  After ~1,000 "
            "epochs the validation loss jumps between two values every other epoch (the band): the step is at the edge "
            "of stability, which the book's printout every 1,000 epochs does not show.",
        ),
        TrainConfig(model="mlp", hidden=8, normalize="scale", lr=1e-3, epochs=5000, gradient="autograd", seed=1),
        val_rows=(7, 10),
    ),
    Preset(
        "network-overfit",
        QT_TRANSLATE_NOOP("presets", "Network: make it overfit (64 hidden units, Adam, 5,000 epochs)"),
        QT_TRANSLATE_NOOP("presets", "ch. 6, exercises"),
        QT_TRANSLATE_NOOP(
            "presets",
            "With 193 parameters for 9 training readings the curve bends through every point: the training loss "
            "keeps falling while the validation loss turns and rises.",
        ),
        TrainConfig(
            model="mlp",
            hidden=64,
            normalize="scale",
            lr=1e-2,
            epochs=5000,
            gradient="autograd",
            optimizer="adam",
            seed=1,
        ),  # fmt: skip
        val_rows=(7, 10),
    ),
)
BY_KEY = {p.key: p for p in PRESETS}


def check(preset: Preset, history: list, outcome) -> list[tuple[str, str, str, bool]]:
    """(what, the book's text, the app's text, equal) for every number the book prints for this run."""
    out = []
    for e in preset.expect:
        try:
            app = e.app(history, outcome)
        except (IndexError, AttributeError):
            app = "—"
        out.append((e.what, e.book, app, e.matches(app)))
    return out
