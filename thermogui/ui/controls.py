"""The hyperparameter panel: widgets <-> TrainConfig, with a one-sentence tooltip on each control."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QWidget

from ..core.config import MAX_EPOCHS, TrainConfig
from .widgets import ScientificSpinBox

NORMALIZATIONS = (("none", "None (raw t_u)"), ("scale", "Scale × factor"), ("zscore", "Z-score"))
GRADIENTS = (("manual", "By hand (chain rule)"), ("autograd", "Autograd"))
OPTIMIZERS = (("gd", "Gradient descent (book)"), ("momentum", "SGD with momentum"), ("adam", "Adam"))
SPEEDS = ((0, "Full speed"), (1000, "1,000 epochs/s"), (100, "100 epochs/s"), (10, "10 epochs/s"),
          (1, "1 epoch/s"))


def _combo(name: str, items, tip: str) -> QComboBox:
    c = QComboBox(objectName=name)
    for key, label in items:
        c.addItem(label, key)
    c.setToolTip(tip)
    return c


def _spin(cls, name, lo, hi, value, tip, decimals=None, step=None):
    s = cls(objectName=name)
    if decimals is not None:
        s.setDecimals(decimals)
    s.setRange(lo, hi)
    if step is not None:
        s.setSingleStep(step)
    s.setValue(value)
    s.setToolTip(tip)
    s.setKeyboardTracking(False)
    return s


class ControlsPanel(QWidget):
    configChanged = Signal()
    speedChanged = Signal(float)  # epochs per second, 0 = full speed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lr = ScientificSpinBox(1e-8, 10.0)
        self.lr.setObjectName("learningRateInput")
        self.lr.setToolTip("How far each step moves the parameters along the negative gradient; "
                           "too large and the loss explodes.")
        self.lr_note = QLabel(objectName="stableRateLabel", wordWrap=True)
        self.lr_note.setToolTip("Plain gradient descent on this loss diverges above 2 / (largest eigenvalue of the "
                                "loss's Hessian), which depends on the data and the normalization.")
        self.epochs = _spin(QSpinBox, "epochsInput", 1, MAX_EPOCHS, 5000,
                            "How many passes over the data (one update per epoch).")
        self.epochs.setGroupSeparatorShown(True)
        self.init_w = _spin(QDoubleSpinBox, "initWInput", -1e6, 1e6, 1.0,
                            "The slope w to start from, in training (normalized) units.", 6, 0.1)
        self.init_b = _spin(QDoubleSpinBox, "initBInput", -1e6, 1e6, 0.0,
                            "The offset b to start from.", 6, 0.1)
        self.normalization = _combo("normalizationInput", NORMALIZATIONS,
                                    "Rescale t_u before training so w and b get gradients of similar size.")
        self.scale = _spin(QDoubleSpinBox, "scaleInput", 1e-6, 1e6, 0.1,
                           "The factor t_u is multiplied by (the book uses 0.1).", 6, 0.01)
        self.gradient = _combo("gradientInput", GRADIENTS,
                               "Compute the gradient with the chain-rule formulas from the book, or let autograd "
                               "derive it.")
        self.optimizer = _combo("optimizerInput", OPTIMIZERS,
                                "How the gradient turns into a step: the book's plain update, SGD with momentum, "
                                "or Adam.")
        self.momentum = _spin(QDoubleSpinBox, "momentumInput", 0.0, 0.999, 0.9,
                              "Fraction of the previous step carried into the next one.", 3, 0.05)
        self.val_fraction = _spin(QDoubleSpinBox, "valFractionInput", 0.0, 0.9, 0.0,
                                  "Share of the readings held out to measure the loss on points not trained on.",
                                  2, 0.05)
        self.seed = _spin(QSpinBox, "seedInput", 0, 2**31 - 1, 0,
                          "Seed for the random choice of validation readings.")
        self.speed = _combo("speedInput", SPEEDS, "Slow training down to watch each step, or run at full speed.")

        self.lr.setValue(1e-2)
        self.normalization.setCurrentIndex(1)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow("Learning rate", self.lr)
        form.addRow("", self.lr_note)
        form.addRow("Epochs", self.epochs)
        start = QHBoxLayout()
        start.addWidget(QLabel("w"))
        start.addWidget(self.init_w, 1)
        start.addWidget(QLabel("b"))
        start.addWidget(self.init_b, 1)
        form.addRow("Start", start)
        norm = QHBoxLayout()
        norm.addWidget(self.normalization, 2)
        norm.addWidget(self.scale, 1)
        form.addRow("Normalize", norm)
        form.addRow("Gradient", self.gradient)
        opt = QHBoxLayout()
        opt.addWidget(self.optimizer, 2)
        opt.addWidget(self.momentum, 1)
        form.addRow("Optimizer", opt)
        val = QHBoxLayout()
        val.addWidget(self.val_fraction, 1)
        val.addWidget(QLabel("seed"))
        val.addWidget(self.seed, 1)
        form.addRow("Validation", val)
        form.addRow("Speed", self.speed)

        for w in (self.lr, self.epochs, self.init_w, self.init_b, self.scale, self.momentum, self.val_fraction,
                  self.seed):
            w.valueChanged.connect(self._on_input_changed)
        for c in (self.normalization, self.gradient, self.optimizer):
            c.currentIndexChanged.connect(self._on_input_changed)
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        self._sync_enabled()

    # --- widgets -> config ---------------------------------------------------------------------
    def config(self) -> TrainConfig:
        opt = self.optimizer.currentData()
        return TrainConfig(
            lr=self.lr.value(),
            epochs=self.epochs.value(),
            init_w=self.init_w.value(),
            init_b=self.init_b.value(),
            normalize=self.normalization.currentData(),
            scale=self.scale.value(),
            gradient=self.gradient.currentData(),
            optimizer="adam" if opt == "adam" else "sgd",
            momentum=self.momentum.value() if opt == "momentum" else 0.0,
            val_fraction=self.val_fraction.value(),
            seed=self.seed.value(),
        )

    def set_config(self, c: TrainConfig) -> None:
        """Show `c` in the widgets, emitting configChanged once."""
        widgets = (self.lr, self.epochs, self.init_w, self.init_b, self.scale, self.momentum, self.val_fraction,
                   self.seed, self.normalization, self.gradient, self.optimizer)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.lr.setValue(c.lr)
            self.epochs.setValue(c.epochs)
            self.init_w.setValue(c.init_w)
            self.init_b.setValue(c.init_b)
            self.scale.setValue(c.scale)
            self.val_fraction.setValue(c.val_fraction)
            self.seed.setValue(c.seed)
            self.normalization.setCurrentIndex(self.normalization.findData(c.normalize))
            self.gradient.setCurrentIndex(self.gradient.findData(c.gradient))
            opt = "adam" if c.optimizer == "adam" else ("momentum" if c.momentum > 0 else "gd")
            self.optimizer.setCurrentIndex(self.optimizer.findData(opt))
            if c.momentum > 0:
                self.momentum.setValue(c.momentum)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._on_input_changed()

    def speed_value(self) -> float:
        return float(self.speed.currentData())

    def set_stability_note(self, text: str, warning: bool) -> None:
        self.lr_note.setText(text)
        self.lr_note.setStyleSheet("color: #b00020; font-weight: bold;" if warning else "color: #555;")

    def set_running(self, running: bool) -> None:
        """While a run is in progress only the speed can change."""
        for w in (self.lr, self.epochs, self.init_w, self.init_b, self.normalization, self.gradient, self.optimizer,
                  self.val_fraction, self.seed):
            w.setEnabled(not running)
        if running:
            self.scale.setEnabled(False)
            self.momentum.setEnabled(False)
        else:
            self._sync_enabled()

    # --- handlers ------------------------------------------------------------------------------
    def _sync_enabled(self) -> None:
        self.scale.setEnabled(self.normalization.currentData() == "scale")
        self.momentum.setEnabled(self.optimizer.currentData() == "momentum")
        self.seed.setEnabled(self.val_fraction.value() > 0)

    @Slot()
    def _on_input_changed(self, *_) -> None:
        self._sync_enabled()
        self.configChanged.emit()

    @Slot(int)
    def _on_speed_changed(self, _index: int) -> None:
        self.speedChanged.emit(self.speed_value())
