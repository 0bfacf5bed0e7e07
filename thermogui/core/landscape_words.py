"""The loss landscape in words: why a model has none (`unavailable`), a run's start and its legend entry, and the
caption under the plot (how to read the contours, what the valley's shape means).

The texts are core.tr.msg Texts, marked with the context "landscape": English here and in the CLI, shown
translated in the window.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.fields import LINEAR_MODELS, field
from thermogui.core.numbers import fmt_lr, fmt_num
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

if TYPE_CHECKING:
    from thermogui.core.landscape import Landscape

# The window's messages are core.tr.msg Texts (English here and in the CLI; the window shows them translated, context
# "landscape").
_WHAT = {  # what cannot be shown, as the messages name it
    "landscape": QT_TRANSLATE_NOOP("landscape", "landscape"),
    "gradient inspector": QT_TRANSLATE_NOOP("landscape", "gradient inspector"),
    "stable-rate bound": QT_TRANSLATE_NOOP("landscape", "stable-rate bound"),
}
_WHY = {
    "landscape": QT_TRANSLATE_NOOP(
        "landscape",
        "its loss is not a fixed quadratic of its parameters, so there is no exact least-squares point and no "
        "constant valley to draw",
    ),
    "gradient inspector": QT_TRANSLATE_NOOP(
        "landscape",
        "there is no hand-derived (chain-rule) gradient to check: a network's gradient comes from autograd alone",
    ),
    "stable-rate bound": QT_TRANSLATE_NOOP(
        "landscape",
        "its Hessian is not constant, so no single learning rate separates converging from diverging runs",
    ),
}
_MODEL_WORDS = {  # LinearModel.label, as the captions say it
    "straight line": QT_TRANSLATE_NOOP("landscape", "straight line"),
    "quadratic": QT_TRANSLATE_NOOP("landscape", "quadratic"),
}


def _word(table: dict, key: str):
    """A marked word of `table` as a Text (translated in the window), or `key` itself when it is not there."""
    return msg(table[key], "landscape") if key in table else key


def model_label(name: str) -> str:
    """What the window calls a model ('Network  Linear → Tanh → Linear'), or its name if it is not known."""
    labels = dict(field("model").choices)
    return " ".join(labels.get(name, name).split())


def unavailable(config: TrainConfig, what: str = "landscape") -> str | None:
    """Why the `what` ("landscape", "gradient inspector", "stable-rate bound") cannot be shown for config's model,
    in words for the window; None when it can (the model is linear in its parameters: core.fields.LINEAR_MODELS)."""
    name = getattr(config, "model", "line")
    if name in LINEAR_MODELS:
        return None
    shown = _word(_WHAT, what)
    if name == "linear-module":
        return msg(
            QT_TRANSLATE_NOOP(
                "landscape",
                "The {what} is not available for this model: nn.Linear(1, 1) is trained as a torch module. It is the "
                "same straight line, so choose the model “Line” to see its {what}.",
            ),
            "landscape",
            what=shown,
        )
    why = (
        msg(_WHY[what], "landscape")
        if what in _WHY
        else msg(QT_TRANSLATE_NOOP("landscape", "it is not linear in its parameters"), "landscape")
    )
    if name == "mlp":
        which = msg(QT_TRANSLATE_NOOP("landscape", "the network (Linear → Tanh → Linear)"), "landscape")
    else:
        which = msg(QT_TRANSLATE_NOOP("landscape", "the model “{label}”"), "landscape", label=model_label(name))
    return msg(
        QT_TRANSLATE_NOOP(
            "landscape",
            "The {what} is not available for this model: {which} is not linear in its parameters — {why}. "
            "Choose the line or the quadratic to see it.",
        ),
        "landscape",
        what=shown,
        which=which,
        why=why,
    )


def raw_start(config: TrainConfig, data: Dataset) -> tuple[float, float]:
    """The run's start (config.init_w, init_b) as a line in raw units (nan, nan if the data cannot be fitted)."""
    from thermogui.core.problem import start_line

    return start_line(config, data)


def raw_start_params(config: TrainConfig, data: Dataset) -> tuple[float, ...]:
    """The run's start values as the model's coefficients in raw t_u (nan if the data cannot be fitted); empty for
    a model not linear in its parameters (it has no landscape to draw a path on)."""
    from thermogui.core.problem import start_params_raw

    if unavailable(config) is not None:
        return ()
    return tuple(float(v) for v in start_params_raw(config, data))


def run_label(config: TrainConfig) -> str:
    """A short legend entry for a run's settings: "lr 1e-4, raw t_u, GD" (another model than the line first says
    which: "quadratic, lr 1e-4, t_u × 0.1, GD")."""
    if config.normalize == "none":
        norm = msg(QT_TRANSLATE_NOOP("landscape", "raw t_u"), "landscape")
    elif config.normalize == "scale":
        norm = f"t_u × {config.scale:g}"
    elif config.normalize == "zscore":
        norm = msg(QT_TRANSLATE_NOOP("landscape", "z-scored t_u"), "landscape")
    else:
        norm = config.normalize
    if config.optimizer == "adam":
        opt = "Adam"
    elif config.momentum > 0:
        opt = msg(QT_TRANSLATE_NOOP("landscape", "momentum {momentum}"), "landscape", momentum=f"{config.momentum:g}")
    else:
        opt = "GD"
    text = msg(
        QT_TRANSLATE_NOOP("landscape", "lr {lr}, {norm}, {opt}"), "landscape", lr=fmt_lr(config.lr), norm=norm, opt=opt
    )
    model = getattr(config, "model", "line")
    if model == "line":
        return text
    return msg(
        QT_TRANSLATE_NOOP("landscape", "{model}, {settings}"),
        "landscape",
        model=_word(_MODEL_WORDS, model),
        settings=text,
    )


def _tr(text: str, **values):
    """A caption's piece: `text` (marked QT_TRANSLATE_NOOP("landscape", …) at the call) with `values`."""
    return msg(text, "landscape", **values)


def describe(land: Landscape) -> str:
    """The caption under the landscape: how to read the contours and what the valley's shape means (a core.tr Text:
    English, translated in the window)."""
    if abs(land.level_ratio - 10.0) < 1e-9:
        contours = _tr(QT_TRANSLATE_NOOP("landscape", "Each contour line has 10× the loss of the one inside it"))
    else:
        per = round(1 / math.log10(land.level_ratio))
        contours = _tr(
            QT_TRANSLATE_NOOP(
                "landscape",
                "Each contour line has {ratio}× the loss of the one inside it ({per} lines per tenfold rise)",
            ),
            ratio=f"{land.level_ratio:.2g}",
            per=str(per),
        )
    kappa = land.stability.condition
    shape = _condition(kappa)
    kind = land.normalization.kind
    line = land.model.name == "line"
    if kappa > 1000:
        if kind == "none":
            how = _tr(
                QT_TRANSLATE_NOOP(
                    "landscape",
                    "the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent "
                    "crawls along the valley floor. Scale the input to make it round.",
                )
            )
        elif line or kind != "zscore":
            how = _tr(
                QT_TRANSLATE_NOOP(
                    "landscape",
                    "the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent "
                    "crawls along the valley floor. Normalize the input (z-score) to make it round.",
                )
            )
        else:
            how = _tr(
                QT_TRANSLATE_NOOP(
                    "landscape",
                    "the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent "
                    "crawls along the valley floor.",
                )
            )
    elif kappa > 10:
        if kind != "zscore":
            how = _tr(
                QT_TRANSLATE_NOOP(
                    "landscape",
                    "the valley is stretched: gradient descent first drops to the floor, then follows it to the "
                    "minimum — z-score the input to make it round.",
                )
            )
        else:
            how = _tr(
                QT_TRANSLATE_NOOP(
                    "landscape",
                    "the valley is stretched: gradient descent first drops to the floor, then follows it to the "
                    "minimum.",
                )
            )
    else:
        how = _tr(
            QT_TRANSLATE_NOOP(
                "landscape",
                "the valley is round: every direction is about equally steep, so the steps point at the minimum.",
            )
        )
    if kind == "none":
        what = _tr(QT_TRANSLATE_NOOP("landscape", "With raw t_u"))
    elif kind == "scale":
        what = _tr(QT_TRANSLATE_NOOP("landscape", "With t_u × {factor}"), factor=f"{land.normalization.factor:g}")
    elif kind == "zscore":
        what = _tr(QT_TRANSLATE_NOOP("landscape", "With z-scored t_u"))
    else:
        what = _tr(QT_TRANSLATE_NOOP("landscape", "Here"))
    if line:
        return _tr(
            QT_TRANSLATE_NOOP("landscape", "{contours}. {what} ({shape}) {how} Click to choose where training starts."),
            contours=contours,
            what=what,
            shape=shape,
            how=how,
        )
    across, up = land.names
    label = _word(_MODEL_WORDS, land.model.label)
    held = ", ".join(f"{n} = {fmt_num(v)}" for n, v in land.held)
    if land.through_start:
        through = _tr(QT_TRANSLATE_NOOP("landscape", "the start values"))
    else:
        through = _tr(QT_TRANSLATE_NOOP("landscape", "the run's current parameters"))
    whole = land.model_stability.condition if land.model_stability is not None else math.nan
    text = _tr(
        QT_TRANSLATE_NOOP(
            "landscape",
            "{contours}. A slice of the {model} through {through}: {across} across, {up} up, {held} held. {what} "
            "this slice has {shape} (the whole {model}: {whole}): {how}",
        ),
        contours=contours,
        model=label,
        through=through,
        across=across,
        up=up,
        held=held,
        what=what,
        shape=shape,
        whole=_condition(whole),
        how=how,
    )
    if land.optimum is None:
        ls_text = _tr(
            QT_TRANSLATE_NOOP("landscape", "These readings do not determine a unique least-squares {model}."),
            model=label,
        )
    elif _at_least_squares(land):
        ls_text = _tr(
            QT_TRANSLATE_NOOP(
                "landscape",
                "The held values are the least-squares ones, so the slice's lowest point is the least squares (★).",
            )
        )
    else:
        ls = ", ".join(f"{n} = {fmt_num(land.least_squares[k])}" for k, n in enumerate(land.model.params))
        ls_text = _tr(
            QT_TRANSLATE_NOOP(
                "landscape",
                "The least-squares point ★ ({point}) is drawn where it projects: the lowest point of this slice (+) "
                "is it only when the held values are the least-squares ones.",
            ),
            point=ls,
        )
    return _tr(
        QT_TRANSLATE_NOOP(
            "landscape", "{slice} {least_squares} Click to choose where training starts ({across} and {up})."
        ),
        slice=text,
        least_squares=ls_text,
        across=across,
        up=up,
    )


def _condition(kappa: float) -> str:
    if not math.isfinite(kappa):
        return _tr(QT_TRANSLATE_NOOP("landscape", "condition number ∞"))
    return _tr(
        QT_TRANSLATE_NOOP("landscape", "condition number {kappa}"),
        kappa=f"{kappa:,.0f}" if kappa >= 10 else f"{kappa:.2g}",
    )


def _at_least_squares(land: Landscape, rel: float = 1e-6) -> bool:
    """The held parameters are at their least-squares values (the slice goes through the least-squares point)."""
    if land.least_squares is None:
        return False
    return all(
        abs(land.point[k] - land.least_squares[k]) <= rel * max(1.0, abs(land.least_squares[k]))
        for k in range(land.model.size)
        if k not in land.pair
    )
