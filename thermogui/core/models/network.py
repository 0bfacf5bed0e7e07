"""The next chapter's models on the same readings, as real `torch.nn` modules trained with autograd:

- `linear-module`: `nn.Linear(1, 1)` — the book's first step in chapter 6; the same line as `line`, so it agrees with
  it given the same start (weight = w, bias = b);
- `mlp`: `nn.Sequential(nn.Linear(1, H), nn.Tanh(), nn.Linear(H, 1))` with H hidden units (the book's text uses 13,
  its trained run 8), initialised from the run's seed.

A network is not linear in its parameters: no exact least squares, no closed-form stable rate, no (w, b) landscape.
Its parameter vector is the module's parameters flattened in `named_parameters()` order — for the mlp
[w1_1..w1_H, b1_1..b1_H, w2_1..w2_H, b2] — and its "raw units" are the same network fed raw t_u: the first layer
absorbs the normalization (w1·(t_u − offset)·factor + b1 = (w1·factor)·t_u + (b1 − w1·factor·offset)).
Torch is imported only inside the functions that build or train a module.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thermogui.core.tr import QT_TRANSLATE_NOOP, Text, msg

MAX_HIDDEN = 64


@dataclass(frozen=True)
class NetworkModel:
    name: str
    label: str
    hidden: int  # hidden units (0: nn.Linear(1, 1))

    @property
    def params(self) -> tuple[str, ...]:
        h = self.hidden
        if not h:
            return ("w", "b")
        return (
            tuple(f"w1_{j}" for j in range(1, h + 1))
            + tuple(f"b1_{j}" for j in range(1, h + 1))
            + tuple(f"w2_{j}" for j in range(1, h + 1))
            + ("b2",)
        )

    @property
    def size(self) -> int:
        return 3 * self.hidden + 1 if self.hidden else 2

    @property
    def linear_in_params(self) -> bool:
        return False

    def describe(self) -> Text:
        """What the readouts say instead of an equation: '13 hidden units, 40 parameters' (a core.tr.Text: the
        window shows it in the UI language)."""
        if not self.hidden:
            return msg(QT_TRANSLATE_NOOP("core", "nn.Linear(1, 1): 2 parameters"), "core")
        if self.hidden == 1:
            template = QT_TRANSLATE_NOOP("core", "{hidden} hidden unit, {size} parameters")
        else:
            template = QT_TRANSLATE_NOOP("core", "{hidden} hidden units, {size} parameters")
        return msg(template, "core", hidden=str(self.hidden), size=str(self.size))

    def equation(self, p_raw) -> str:
        if not self.hidden:
            from thermogui.core.models.linear import LINE

            return LINE.equation(p_raw)
        return msg(QT_TRANSLATE_NOOP("core", "t_c = network({size})"), "core", size=self.describe())

    # --- torch --------------------------------------------------------------------------------------------------
    def build(self, seed: int):
        """The module, its weights drawn from torch's default initialisation under `seed` (the global RNG is left
        as it was)."""
        import torch
        from torch import nn

        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(int(seed))
            if not self.hidden:
                return nn.Linear(1, 1)
            return nn.Sequential(nn.Linear(1, self.hidden), nn.Tanh(), nn.Linear(self.hidden, 1))

    def load(self, module, p) -> None:
        """Set the module's parameters from a flat vector (model units)."""
        import torch

        p = torch.as_tensor(np.asarray(p, dtype=np.float32))
        i = 0
        with torch.no_grad():
            for q in module.parameters():
                n = q.numel()
                q.copy_(p[i : i + n].reshape(q.shape))
                i += n

    def start_module(self, config):
        """The module a run starts from: seeded for the mlp; (init_w, init_b) for nn.Linear(1, 1), as the line."""
        module = self.build(config.seed)
        if not self.hidden:
            self.load(module, (config.init_w, config.init_b))
        return module

    # --- numpy (curves, raw units) ----------------------------------------------------------------------------------
    def split(self, p) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        p = np.asarray(p, dtype=np.float64)
        h = self.hidden
        return p[:h], p[h : 2 * h], p[2 * h : 3 * h], float(p[3 * h])

    def predict(self, x, p) -> np.ndarray:
        """The network's output for inputs x (raw t_u with raw params, or model units with model params)."""
        x = np.asarray(x, dtype=np.float64)
        if not self.hidden:
            return p[0] * x + p[1]
        w1, b1, w2, b2 = self.split(p)
        return np.tanh(np.outer(x, w1) + b1) @ w2 + b2

    def unit_curves(self, x, p) -> np.ndarray:
        """Each hidden unit's contribution w2_j · tanh(w1_j·x + b1_j), as an array (len(x), H); their sum + b2 is
        the output."""
        x = np.asarray(x, dtype=np.float64)
        w1, b1, w2, _ = self.split(p)
        return np.tanh(np.outer(x, w1) + b1) * w2

    def to_raw(self, p, offset: float = 0.0, factor: float = 1.0) -> np.ndarray:
        p = np.array(p, dtype=np.float64)
        if not self.hidden:
            wr = p[0] * factor
            return np.array([wr, p[1] - wr * offset])
        h = self.hidden
        w1 = p[:h] * factor
        p[h : 2 * h] = p[h : 2 * h] - w1 * offset
        p[:h] = w1
        return p

    def raw_matrix(self, offset: float = 0.0, factor: float = 1.0) -> np.ndarray:
        """M with to_raw(p) = M @ p (the change of units is linear in the parameters, as for the linear models)."""
        eye = np.eye(self.size)
        return np.stack([self.to_raw(eye[j], offset, factor) for j in range(self.size)], axis=1)

    def loss(self, x, y, p) -> float:
        with np.errstate(over="ignore", invalid="ignore"):
            r = self.predict(x, p) - np.asarray(y, dtype=np.float64)
            return float(r @ r / len(r))


LINEAR_MODULE = NetworkModel("linear-module", "nn.Linear(1, 1)", 0)


def mlp(hidden: int) -> NetworkModel:
    return NetworkModel("mlp", "network", int(hidden))


# --- what the analysis panels show for a network --------------------------------------------------------------------
def layers(model: NetworkModel) -> list[tuple[str, slice, tuple[int, ...]]]:
    """(name, slice of the flat vector, shape) per parameter tensor, in the module's order."""
    h = model.hidden
    if not h:
        return [("weight", slice(0, 1), (1, 1)), ("bias", slice(1, 2), (1,))]
    return [
        ("hidden layer weights", slice(0, h), (h, 1)),
        ("hidden layer biases", slice(h, 2 * h), (h,)),
        ("output layer weights", slice(2 * h, 3 * h), (1, h)),
        ("output layer bias", slice(3 * h, 3 * h + 1), (1,)),
    ]


def layer_grad_norms(model: NetworkModel, grad) -> list[tuple[str, float]]:
    """The gradient's Euclidean norm per parameter tensor (what the gradient inspector lists for a network)."""
    g = np.asarray(grad, dtype=np.float64)
    return [(name, float(np.linalg.norm(g[s]))) for name, s, _ in layers(model)]


def filter_normalized_directions(model: NetworkModel, p, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two random directions in parameter space, filter-normalised as in Li et al. (2018), "Visualizing the Loss
    Landscape of Neural Nets": Gaussian, then each filter (a row of a weight matrix: one unit's incoming weights)
    rescaled to the norm of the same filter of the weights; bias directions are zero, as in the paper."""
    p = np.asarray(p, dtype=np.float64)
    rng = np.random.default_rng(int(seed))
    out = []
    for _ in range(2):
        d = np.zeros_like(p)
        for name, s, shape in layers(model):
            if "bias" in name:
                continue
            theta = p[s].reshape(shape)
            r = rng.standard_normal(shape)
            norms = np.linalg.norm(r, axis=1, keepdims=True)
            r = r / np.where(norms > 0, norms, 1.0) * np.linalg.norm(theta, axis=1, keepdims=True)
            d[s] = r.reshape(-1)
        out.append(d)
    return out[0], out[1]


def loss_surface(model: NetworkModel, x, y, p, d1, d2, alphas, betas) -> np.ndarray:
    """L(p + α·d1 + β·d2) on the grid (len(betas), len(alphas)) — the loss along the two directions through p; its
    centre (α = β = 0) is the loss at p."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    p, d1, d2 = (np.asarray(v, dtype=np.float64) for v in (p, d1, d2))
    out = np.empty((len(betas), len(alphas)))
    for i, b in enumerate(betas):
        for j, a in enumerate(alphas):
            out[i, j] = model.loss(x, y, p + a * d1 + b * d2)
    return out


def gradient_at(model: NetworkModel, x, y, p) -> np.ndarray:
    """The gradient of the mean squared error at parameters `p` (model units) on inputs x (model units), by
    autograd on the module in float32 — as a training epoch computes it."""
    import torch

    module = model.build(0)
    model.load(module, p)
    xt = torch.as_tensor(np.asarray(x, dtype=np.float32)).unsqueeze(1)
    yt = torch.as_tensor(np.asarray(y, dtype=np.float32)).unsqueeze(1)
    loss = torch.nn.functional.mse_loss(module(xt), yt)
    loss.backward()
    return torch.cat([q.grad.reshape(-1) for q in module.parameters()]).double().numpy()


def start_point(model: NetworkModel, config) -> np.ndarray:
    """The parameters (model units) a run of `config` starts from."""
    module = model.start_module(config)
    return np.concatenate([q.detach().double().numpy().reshape(-1) for q in module.parameters()])
