"""Models linear in their parameters: t_p = Σ_j p_j · f_j(x), with features f_j of the (normalized) input x.

For such a model the mean squared error L(p) = (pᵀAp − 2pᵀc + yᵀy) / N with A = XᵀX and c = Xᵀy (X the feature
matrix): its gradient 2(Ap − c)/N, Hessian 2A/N and least-squares answer A⁻¹c need only these sums.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from thermogui.core.numbers import MINUS, fmt_num


@dataclass(frozen=True)
class LinearModel:
    name: str
    label: str  # what the window calls it
    params: tuple[str, ...]  # parameter names, in the order of the feature columns
    powers: tuple[int, ...]  # feature j is x ** powers[j]

    @property
    def size(self) -> int:
        return len(self.params)

    # --- the model ---------------------------------------------------------------------------------------------------
    def features(self, x) -> np.ndarray:
        """The N×P feature matrix of inputs x (float64)."""
        x = np.asarray(x, dtype=np.float64)
        return np.stack([x**k if k else np.ones_like(x) for k in self.powers], axis=1)

    def predict(self, x, p) -> np.ndarray:
        return self.features(x) @ np.asarray(p, dtype=np.float64)

    def forward(self, x, p):
        """t_p for a torch tensor x and a parameter tensor p (autograd follows it)."""
        out = None
        for k, pj in zip(self.powers, p):
            term = pj * x**k if k else pj
            out = term if out is None else out + term
        return out

    def hand_gradient(self, x, y, p):
        """(loss, grad) by the chain rule, torch tensors: dL/dp_j = Σ 2(t_p − t_c)/N · x^k_j."""
        import torch

        t_p = self.forward(x, p)
        dloss_dtp = 2 * (t_p - y) / x.size(0)
        grad = torch.stack([(dloss_dtp * x**k).sum() if k else dloss_dtp.sum() for k in self.powers])
        return ((t_p - y) ** 2).mean(), grad

    # --- exact answers (float64) -------------------------------------------------------------------------------------
    def sums(self, x, y) -> tuple[np.ndarray, np.ndarray, float, int]:
        """A = XᵀX, c = Xᵀy, yᵀy, N: everything the mean squared error needs."""
        X = self.features(x)
        y = np.asarray(y, dtype=np.float64)
        return X.T @ X, X.T @ y, float(y @ y), len(y)

    def hessian(self, x) -> np.ndarray:
        X = self.features(x)
        return 2.0 * (X.T @ X) / len(X)

    def least_squares(self, x, y) -> tuple[np.ndarray, float]:
        """The exact minimiser of the mean squared error and its loss (raises ValueError if it is not unique)."""
        X = self.features(x)
        y = np.asarray(y, dtype=np.float64)
        if np.linalg.matrix_rank(X) < self.size:
            raise ValueError(f"the {self.label} needs at least {self.size} distinct readings to be determined")
        p, *_ = np.linalg.lstsq(X, y, rcond=None)
        r = X @ p - y
        return p, float(r @ r / len(y))

    def loss(self, x, y, p) -> float:
        with np.errstate(over="ignore", invalid="ignore"):
            r = self.predict(x, p) - np.asarray(y, dtype=np.float64)
            return float(r @ r / len(r))

    # --- raw units ---------------------------------------------------------------------------------------------------
    def to_raw(self, p, offset: float = 0.0, factor: float = 1.0) -> np.ndarray:
        """Coefficients in raw t_u for parameters trained on x = (t_u − offset)·factor (expand the polynomial)."""
        p = np.asarray(p, dtype=np.float64)
        degree = max(self.powers)
        raw = np.zeros(degree + 1)  # raw[k]: coefficient of t_u^k
        for pj, k in zip(p, self.powers):
            # pj · (factor·(t_u − offset))^k = pj·factor^k · Σ_i C(k,i) t_u^i (−offset)^(k−i)
            for i in range(k + 1):
                raw[i] += pj * factor**k * math.comb(k, i) * (-offset) ** (k - i)
        return np.array([raw[k] for k in self.powers])

    def raw_matrix(self, offset: float = 0.0, factor: float = 1.0) -> np.ndarray:
        """M with to_raw(p) = M @ p (the change of units is linear in the parameters)."""
        eye = np.eye(self.size)
        return np.stack([self.to_raw(eye[j], offset, factor) for j in range(self.size)], axis=1)

    def equation(self, p_raw) -> str:
        """t_c = 0.002830 · t_u² + 0.2476 · t_u − 10.65 (raw units, highest power first)."""
        if not all(math.isfinite(v) for v in p_raw):
            return "t_c = — (the parameters are no longer finite)"
        terms = sorted(zip(self.powers, p_raw), reverse=True)
        out = []
        for k, v in terms:
            body = fmt_num(abs(v), 4) + (" · t_u" if k == 1 else f" · t_u{_SUPERSCRIPT[k]}" if k else "")
            if not out:
                out.append(("" if v >= 0 else MINUS) + body)
            else:
                out.append(("− " if v < 0 else "+ ") + body)
        return "t_c = " + " ".join(out).replace("− ", f"{MINUS} ")


_SUPERSCRIPT = {2: "²", 3: "³", 4: "⁴"}

LINE = LinearModel("line", "straight line", ("w", "b"), (1, 0))
QUADRATIC = LinearModel("quadratic", "quadratic", ("w2", "w1", "b"), (2, 1, 0))
