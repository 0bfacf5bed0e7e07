"""What the run says in words and numbers: the equation, epoch, loss, gradient, distance to the best answer, and
the alert that explains a stop with one-click fixes."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.analysis import LeastSquares
from ..core.config import EpochResult
from ..core.explain import Explanation, equation, fmt_lr, fmt_num


class Readouts(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.equation = QLabel(objectName="equationLabel")
        f = QFont(self.equation.font())
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.equation.setFont(f)
        self.equation.setToolTip("The calibration found so far, in raw units: °C from a reading t_u.")
        self.epoch = QLabel(objectName="epochLabel")
        self.loss = QLabel(objectName="lossLabel")
        self.grad = QLabel(objectName="gradientLabel")
        self.distance = QLabel(objectName="distanceLabel")
        self.best = QLabel(objectName="leastSquaresLabel")
        self.best.setToolTip("The exact answer (least squares) that gradient descent is walking towards.")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.epoch, 0, 0)
        grid.addWidget(self.loss, 0, 1)
        grid.addWidget(self.grad, 1, 0)
        grid.addWidget(self.distance, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.equation)
        lay.addWidget(self.best)
        lay.addLayout(grid)
        self._lstsq: LeastSquares | None = None

    def set_lstsq(self, ls: LeastSquares | None) -> None:
        self._lstsq = ls
        self.best.setText("Least squares (best possible): " + (
            f"{equation(ls.w, ls.b)}, loss {fmt_num(ls.loss)}" if ls else "— (needs 2 readings with different t_u)"))

    def show_start(self, w_raw: float, b_raw: float, epochs: int) -> None:
        self.equation.setText(equation(w_raw, b_raw))
        self.epoch.setText(f"Epoch 0 of {epochs:,}")
        self.loss.setText("Loss —")
        self.grad.setText("Gradient —")
        self._distance(w_raw, b_raw)

    def show_epoch(self, r: EpochResult, epochs: int) -> None:
        self.equation.setText(equation(r.w_raw, r.b_raw))
        self.epoch.setText(f"Epoch {r.epoch:,} of {epochs:,}")
        val = "" if math.isnan(r.val_loss) else f"  (validation {fmt_num(r.val_loss)})"
        self.loss.setText(f"Loss {fmt_num(r.loss)}{val}")
        self.grad.setText(f"Gradient  dL/dw = {fmt_num(r.grad_w)},  dL/db = {fmt_num(r.grad_b)}")
        self._distance(r.w_raw, r.b_raw)

    def _distance(self, w_raw: float, b_raw: float) -> None:
        ls = self._lstsq
        if ls is None:
            self.distance.setText("")
            return
        self.distance.setText(f"From least squares  Δw = {fmt_num(w_raw - ls.w)},  Δb = {fmt_num(b_raw - ls.b)}")


class StopAlert(QFrame):
    """Shown when a run stops because the loss is no longer finite: why, and buttons that fix it."""

    useStableRate = Signal()
    normalizeInput = Signal()
    retry = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stopAlert")
        self.setStyleSheet("#stopAlert { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; }")
        self.headline = QLabel(objectName="alertHeadline", wordWrap=True)
        f = QFont(self.headline.font())
        f.setBold(True)
        self.headline.setFont(f)
        self.advice = QLabel(objectName="alertAdvice", wordWrap=True)
        self.stable_button = QPushButton(objectName="useStableRateButton")
        self.normalize_button = QPushButton("Normalize input (× 0.1)", objectName="normalizeButton")
        self.retry_button = QPushButton("Retry", objectName="retryButton")
        self.close_button = QPushButton("Dismiss", objectName="dismissAlertButton", flat=True)
        self.stable_button.clicked.connect(self.useStableRate)
        self.normalize_button.clicked.connect(self.normalizeInput)
        self.retry_button.clicked.connect(self.retry)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        for b in (self.stable_button, self.normalize_button, self.retry_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.headline)
        lay.addWidget(self.advice)
        lay.addLayout(buttons)
        self.hide()

    def show_explanation(self, ex: Explanation, normalized: bool) -> None:
        self.headline.setText(ex.headline)
        self.advice.setText(ex.advice)
        self.stable_button.setText(f"Use a stable rate ({fmt_lr(float(f'{ex.suggested_lr:.2g}'))})")
        self.normalize_button.setVisible(not normalized)
        self.show()
