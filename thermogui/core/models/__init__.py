"""Models: named parameters, a forward pass, a hand-derived gradient, an equation in raw units and — for a model
linear in its parameters — the exact least-squares answer and the Hessian of the mean squared error.

`line` is the book's t_c = w·t_u + b (the default; its float32 training path stays bit for bit the book's);
`quadratic` is the chapter's exercise t_c = w2·t_u² + w1·t_u + b.  No Qt here; torch only inside the functions
that need it.
"""

from __future__ import annotations

from thermogui.core.models.linear import LINE, QUADRATIC, LinearModel

MODELS: dict[str, LinearModel] = {m.name: m for m in (LINE, QUADRATIC)}


def get_model(name: str) -> LinearModel:
    try:
        return MODELS[name]
    except KeyError:
        from thermogui.core.fields import ConfigError

        raise ConfigError(f"model must be one of {', '.join(MODELS)} (got {name!r})") from None


__all__ = ["LINE", "MODELS", "QUADRATIC", "LinearModel", "get_model"]
