"""Models: named parameters, a forward pass, a hand-derived gradient, an equation in raw units and — for a model
linear in its parameters — the exact least-squares answer and the Hessian of the mean squared error.

`line` is the book's t_c = w·t_u + b (the default; its float32 training path stays bit for bit the book's);
`quadratic` is the chapter's exercise t_c = w2·t_u² + w1·t_u + b.  No Qt here; torch only inside the functions
that need it.
"""

from __future__ import annotations

from thermogui.core.models.linear import LINE, QUADRATIC, LinearModel
from thermogui.core.models.network import LINEAR_MODULE, NetworkModel, mlp

MODELS: dict[str, LinearModel] = {m.name: m for m in (LINE, QUADRATIC)}  # linear in their parameters
NETWORKS = ("linear-module", "mlp")  # torch.nn modules trained with autograd
DEFAULT_HIDDEN = 13


def get_model(name: str, hidden: int = DEFAULT_HIDDEN) -> LinearModel | NetworkModel:
    if name == "mlp":
        return mlp(hidden)
    if name == "linear-module":
        return LINEAR_MODULE
    try:
        return MODELS[name]
    except KeyError:
        from thermogui.core.fields import ConfigError

        names = ", ".join((*MODELS, *NETWORKS))
        raise ConfigError(f"model must be one of {names} (got {name!r})") from None


def model_of(config) -> LinearModel | NetworkModel:
    """The model a configuration trains (the network with its hidden units)."""
    return get_model(config.model, getattr(config, "hidden", DEFAULT_HIDDEN))


def as_model(model) -> LinearModel | NetworkModel:
    """A model object from a name, a model, a run's TrainConfig (its model, with its hidden units), or None (the
    line)."""
    if model is None:
        return LINE
    if isinstance(model, str):
        return get_model(model)
    if hasattr(model, "params"):
        return model
    hidden = getattr(model, "hidden", None)  # a config (a network's size is one of its settings)
    return get_model(model.model) if hidden is None else get_model(model.model, hidden)


def is_linear(model) -> bool:
    """Linear in its parameters: exact least squares, a Hessian, a stable-rate bound, the fast path."""
    return isinstance(model, LinearModel)


__all__ = [
    "LINE",
    "LINEAR_MODULE",
    "MODELS",
    "NETWORKS",
    "QUADRATIC",
    "LinearModel",
    "NetworkModel",
    "as_model",
    "get_model",
    "is_linear",
    "model_of",
]
