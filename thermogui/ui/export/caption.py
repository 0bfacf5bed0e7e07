"""What the exported picture says: its words (axis titles, title, the models' names), the run it records, and
the caption under the plot.

The words are in the book's English, marked QT_TRANSLATE_NOOP("Figure", …); `labeller` draws them in the UI language
or, with ExportOptions.book_labels, as they are.  `run_metadata` is the run's record (the PNG's text chunks and the
SVG's description, always English); `caption_html` the fitted equation and the exact least-squares one.
"""

from __future__ import annotations

import math

from thermogui import __version__
from thermogui.core.models import get_model, is_linear
from thermogui.core.numbers import equation, fmt_exact, fmt_lr, fmt_num
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text

# PNG text-chunk keywords (Latin-1, at most 79 characters)
KEY_LR, KEY_EPOCHS, KEY_EPOCHS_RUN, KEY_NORM = "learning_rate", "epochs", "epochs_run", "normalization"
KEY_W, KEY_B, KEY_LOSS = "w", "b", "loss"  # the line's parameters; any model's are named by its parameters
KEY_MODEL = "model"  # written for models other than the line

# The picture's words, in the book's English; drawn in the UI language unless ExportOptions.book_labels.
X_LABEL = QT_TRANSLATE_NOOP("Figure", "Temperature (°Fahrenheit)")  # the book's axis titles
Y_LABEL = QT_TRANSLATE_NOOP("Figure", "Temperature (°Celsius)")
DEFAULT_TITLE = QT_TRANSLATE_NOOP("Figure", "Thermometer calibration")
MODEL_LABELS = {  # the models' names in the legend ("gradient descent fit (quadratic)")
    "straight line": QT_TRANSLATE_NOOP("Figure", "straight line"),
    "quadratic": QT_TRANSLATE_NOOP("Figure", "quadratic"),
    "network": QT_TRANSLATE_NOOP("Figure", "network"),
}


def _english(text) -> str:
    return str(text)


def _in_ui_language(text) -> str:
    """A word of the picture (marked QT_TRANSLATE_NOOP("Figure", …)) or a core.tr.Text, in the UI language."""
    from thermogui.ui.i18n import tr_text, translate

    return tr_text(text) if isinstance(text, Text) else translate("Figure", text)


def labeller(book_labels: bool):
    """How the picture words its labels: the book's English, or the UI language."""
    return _english if book_labels else _in_ui_language


def _model(model):
    """A model object from a name, a model, a run's TrainConfig, or None (the line): core.models.as_model."""
    from thermogui.core.models import as_model

    return as_model(model)


def lstsq_model(model):
    """The model the least-squares reference is drawn with: the model itself when it is linear in its parameters;
    for a network (no exact least squares) the least-squares straight line, kept for comparison."""
    m = _model(model)
    return m if is_linear(m) else get_model("line")


def _equation(model, params) -> str:
    """The fitted model in raw units: the line as it always read (t_c = 0.5367 · t_u − 17.30), any other model by
    its own equation (t_c = 0.002830 · t_u² + …)."""
    m = _model(model)
    return equation(*params) if m.name == "line" else m.equation(params)


def run_metadata(
    config,
    line,
    lstsq,
    epochs_run: int,
    loss: float,
    stop_reason: str | None = None,
    lstsq_loss: float | None = None,
    title: str = "",
) -> dict[str, str]:
    """The PNG text chunks (and SVG description) that record the run behind a picture.

    `line` and `lstsq` are the parameters of config.model in raw units, in the model's order (the line: (w, b));
    each parameter gets a chunk of its name (w, b / w2, w1, b), its start value init_<name> (model units) and its
    least-squares value lstsq_<name>.  For a network `lstsq` is the least-squares straight line (lstsq_w, lstsq_b)
    and its hidden units and seed are recorded (the seed draws its starting weights)."""
    m = _model(config if hasattr(config, "model") else None)
    params = tuple(line) if line is not None else (math.nan,) * m.size
    start = config.start_params() if hasattr(config, "start_params") else (config.init_w, config.init_b)
    start_words = " (start line, not trained yet)" if m.name == "line" else " (start values, not trained yet)"
    meta = {
        "Title": title or "Thermometer calibration",
        "Software": f"ThermoGUI {__version__}",
        "Description": _equation(m, params)
        + (f" after {epochs_run:,} epochs of gradient descent" if epochs_run else start_words),
        KEY_LR: fmt_exact(config.lr),
        KEY_EPOCHS: str(config.epochs),
        KEY_EPOCHS_RUN: str(int(epochs_run)),
        KEY_NORM: config.normalize + (f" {config.scale!r}" if config.normalize == "scale" else ""),
    }
    if m.name != "line":
        meta[KEY_MODEL] = m.name
    if getattr(m, "hidden", 0):
        meta["hidden"] = str(m.hidden)
        if hasattr(config, "seed"):
            meta["seed"] = str(config.seed)
    meta["optimizer"] = config.optimizer + (f" momentum {config.momentum!r}" if config.momentum else "")
    meta["gradient"] = config.gradient if is_linear(m) else "autograd"  # (a network always trains by autograd)
    if len(start) == m.size:  # (a network starts from its seed's weights: no start values to name)
        for name, v in zip(m.params, start):
            meta[f"init_{name}"] = fmt_exact(v)
    for name, v in zip(m.params, params):
        meta[name] = fmt_exact(v)
    meta[KEY_LOSS] = fmt_exact(loss)
    if stop_reason:
        meta["stop_reason"] = str(stop_reason)
    if lstsq is not None:
        for name, v in zip(lstsq_model(m).params, lstsq):
            meta[f"lstsq_{name}"] = fmt_exact(v)
        if lstsq_loss is not None:
            meta["lstsq_loss"] = fmt_exact(lstsq_loss)
    return meta


def _html_eq(params, model=None, words=_english) -> str:
    text = _equation(model, params)
    if isinstance(text, Text):  # (a network's: "t_c = network(13 hidden units, 40 parameters)")
        text = words(text)
    return text.replace("t_c", "t<sub>c</sub>").replace("t_u", "t<sub>u</sub>")


def caption_html(line, lstsq, metadata: dict, model=None, words=_english) -> str:
    """The fitted equation (and the exact least-squares one) for under the plot; `line` and `lstsq` are the
    model's parameters in raw units.  `words` words it (`labeller`: English, or the UI language)."""
    m = _model(model)
    lines = []

    def loss_tail(loss: float) -> str:
        return words(QT_TRANSLATE_NOOP("Figure", " &nbsp;(loss {loss})")).format(loss=fmt_num(loss, 4))

    def eq(params, model) -> str:
        return _html_eq(params, model, words)

    if line is not None:
        epochs = int(metadata.get(KEY_EPOCHS_RUN, "0") or 0)
        loss = float(metadata.get(KEY_LOSS, "nan"))
        if epochs:
            if epochs == 1:
                what = words(QT_TRANSLATE_NOOP("Figure", "Gradient descent, {epochs} epoch"))
            else:
                what = words(QT_TRANSLATE_NOOP("Figure", "Gradient descent, {epochs} epochs"))
            what = what.format(epochs=f"{epochs:,}")
            if KEY_LR in metadata:
                what += words(QT_TRANSLATE_NOOP("Figure", " at learning rate {lr}")).format(
                    lr=fmt_lr(float(metadata[KEY_LR]))
                )
        elif m.name == "line":
            what = words(QT_TRANSLATE_NOOP("Figure", "Start line (not trained yet)"))
        else:
            what = words(QT_TRANSLATE_NOOP("Figure", "Start values (not trained yet)"))
        tail = loss_tail(loss) if math.isfinite(loss) else ""
        lines.append(f"{what}: &nbsp;{eq(line, m)}{tail}")
    if lstsq is not None:
        loss = float(metadata.get("lstsq_loss", "nan"))
        tail = loss_tail(loss) if math.isfinite(loss) else ""
        if is_linear(m):
            what = words(QT_TRANSLATE_NOOP("Figure", "Least squares (exact)"))
        else:
            what = words(QT_TRANSLATE_NOOP("Figure", "Least-squares line (exact)"))
        lines.append("{}: &nbsp;{}{}".format(what, eq(lstsq, lstsq_model(m)), tail))
    return "<br>".join(lines)
