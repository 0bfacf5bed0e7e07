"""The hyperparameter panel: one control per field of the core spec, bound to the run state.

Each keystroke that makes a usable value commits it to the `RunState` at once (so F5 right after typing runs what
was typed); text that cannot be used stays as typed, and the reason appears under the form (never a silent revert).
The panel listens to the state to show settings that change elsewhere (a session, a preset, a one-click fix).
The stable-rate note under the learning rate has a reserved height of two lines, so the controls below never move
when it becomes a warning that wraps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QWidget

from thermogui.core.config import ConfigError, TrainConfig
from thermogui.core.dataset import DataError
from thermogui.core.fields import BY_NAME, FIELDS
from thermogui.ui import style
from thermogui.ui.controls.widgets import NumberField
from thermogui.ui.state import RunState

# objectNames (tests, accessibility, style sheets) and attribute names of each field's control
OBJECT_NAMES = {
    "model": "modelInput",
    "hidden": "hiddenInput",
    "arith": "arithInput",
    "init_w2": "startW2Input",
    "lr": "learningRateInput",
    "epochs": "epochsInput",
    "init_w": "startWInput",
    "init_b": "startBInput",
    "normalize": "normalizationInput",
    "scale": "scaleInput",
    "gradient": "gradientInput",
    "optimizer": "optimizerInput",
    "momentum": "momentumInput",
    "val_fraction": "valFractionInput",
    "seed": "seedInput",
}
ATTRIBUTES = {"normalize": "normalization"}  # the rest use the field name
SPEEDS = ((0, "Full speed"), (1000, "1,000 epochs/s"), (100, "100 epochs/s"), (10, "10 epochs/s"), (1, "1 epoch/s"))
PROBLEM_DELAY_MS = 600  # a half-typed number ("1e-") is not called wrong while the user is still typing
NOTE_LINES = 2  # the stable-rate note's reserved height, in lines


def _combo(name: str, items, tip: str) -> QComboBox:
    c = QComboBox(objectName=name)
    for key, label in items:
        c.addItem(label, key)
    c.setToolTip(tip)
    c.setAccessibleDescription(tip)
    return c


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (Alt+letter) moves the focus to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ControlsPanel(QWidget):
    def __init__(self, state: RunState, parent=None):
        super().__init__(parent)
        self.state = state
        self.inputs: dict[str, QWidget] = {}
        for f in FIELDS:
            if not f.widget:
                continue
            if f.kind == "choice":
                w = _combo(OBJECT_NAMES[f.name], f.choices, f.help)
                w.setCurrentIndex(w.findData(state.value(f.name)))
                w.currentIndexChanged.connect(lambda _i, name=f.name, w=w: self._on_choice(name, w))
            else:
                w = NumberField(f)
                w.setObjectName(OBJECT_NAMES[f.name])
                w.show_value(state.value(f.name))
                w.valueCommitted.connect(lambda v, name=f.name: self._on_value(name, v))
                w.problemChanged.connect(lambda reason, name=f.name: self._on_problem(name, reason))
            w.setAccessibleName(f.label[:1].upper() + f.label[1:])
            self.inputs[f.name] = w
            setattr(self, ATTRIBUTES.get(f.name, f.name), w)
        self.speed = _combo(
            "speedInput",
            SPEEDS,
            "Slow training down to watch each step, or run at full speed. Takes effect at once, also during a run.",
        )
        self.speed.setAccessibleName("Training speed")
        self.lr_note = QLabel(objectName="stableRateLabel", wordWrap=True, alignment=Qt.AlignLeft | Qt.AlignTop)
        self.lr_note.setAccessibleName("Stable learning rate")
        self.lr_note.setToolTip(
            "Plain gradient descent on this loss diverges above 2 / (largest eigenvalue of the "
            "loss's Hessian), which depends on the data and the normalization."
        )
        # settings without a control (a session's tolerance, the stop on inf/nan) are said, never silently applied
        self.hidden_label = QLabel(objectName="hiddenSettingsLabel", wordWrap=True)
        style.set_text_role(self.hidden_label, "warning")
        self.hidden_label.setVisible(False)
        self.problem_label = QLabel(objectName="settingsProblemLabel", wordWrap=True)
        style.set_text_role(self.problem_label, "error")
        self.problem_label.setVisible(False)
        self._problem_timer = QTimer(self, singleShot=True, interval=PROBLEM_DELAY_MS)
        self._problem_timer.timeout.connect(self._show_problems)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 3)
        self.hidden_units_label = _buddy("&hidden", self.hidden)
        model_row.addWidget(self.hidden_units_label)
        model_row.addWidget(self.hidden, 1)
        form.addRow(_buddy("Mod&el", self.model), model_row)
        form.addRow(_buddy("Ari&thmetic", self.arith), self.arith)
        form.addRow("&Learning rate", self.lr)
        form.addRow("", self.lr_note)
        form.addRow("Epo&chs", self.epochs)
        start = QHBoxLayout()
        self.init_w2_label = _buddy("w&2", self.init_w2)
        self.init_w_label = _buddy("&w", self.init_w)
        for label, box in ((self.init_w2_label, self.init_w2), (self.init_w_label, self.init_w), ("&b", self.init_b)):
            start.addWidget(_buddy(label, box) if isinstance(label, str) else label)
            start.addWidget(box, 1)
        start_label = QLabel("Start (model units)")
        start_label.setToolTip(
            "w and b to start from, in model units: after the normalization below, as the book "
            "gives them. The equation above the plot shows the same line in raw units."
        )
        form.addRow(start_label, start)
        norm = QHBoxLayout()
        norm.addWidget(self.normalization, 3)
        norm.addWidget(self.scale, 2)
        form.addRow(_buddy("&Normalize", self.normalization), norm)
        form.addRow("&Gradient", self.gradient)
        opt = QHBoxLayout()
        opt.addWidget(self.optimizer, 3)
        opt.addWidget(_buddy("mo&mentum", self.momentum))
        opt.addWidget(self.momentum, 2)
        form.addRow(_buddy("&Optimizer", self.optimizer), opt)
        val = QHBoxLayout()
        val.addWidget(self.val_fraction, 1)
        val.addWidget(_buddy("see&d", self.seed))
        val.addWidget(self.seed, 1)
        form.addRow(_buddy("V&alidation", self.val_fraction), val)  # (Alt+V opens the View menu)
        form.addRow("S&peed", self.speed)
        form.addRow(self.hidden_label)
        form.addRow(self.problem_label)

        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        state.settingsChanged.connect(self._on_settings_changed)
        state.readingsChanged.connect(self._update_note)
        state.readingsChanged.connect(self._sync_enabled)
        state.phaseChanged.connect(self._on_phase_changed)
        state.speedChanged.connect(self._on_state_speed_changed)
        self._sync_enabled()
        self._update_note()
        self._reserve_note_lines()

    def _reserve_note_lines(self) -> None:
        """The note keeps NOTE_LINES lines' height (more only if a longer text needs it), whatever it says."""
        fm = self.lr_note.fontMetrics()
        m = self.lr_note.contentsMargins()
        self.lr_note.setMinimumHeight(NOTE_LINES * fm.lineSpacing() + m.top() + m.bottom())

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._reserve_note_lines()

    # --- reading the panel (tests, the window) -----------------------------------------------------------------------
    def config(self) -> TrainConfig:
        """What Start would run (ConfigError if a field's text cannot be used)."""
        return self.state.config()

    def set_config(self, config: TrainConfig) -> None:
        self.state.set_config(config)

    def speed_value(self) -> float:
        return float(self.speed.currentData())

    def set_stability_note(self, text: str, warning: bool) -> None:
        self.lr_note.setText(text)
        style.set_text_role(self.lr_note, "error" if warning else None, bold=True)

    # --- widgets -> state --------------------------------------------------------------------------------------------
    def _on_value(self, name: str, value) -> None:
        try:
            self.state.set_value(name, value)
        except ConfigError as e:  # the widget checked with the same spec: only a cross-field rule can refuse
            self.state.set_invalid(name, str(e))

    def _on_problem(self, name: str, reason) -> None:
        self.state.set_invalid(name, reason)
        if reason is None:
            self._show_problems()
        else:
            self._problem_timer.start()

    def _on_choice(self, name: str, combo: QComboBox) -> None:
        self.state.set_value(name, combo.currentData())

    @Slot(int)
    def _on_speed_changed(self, _index: int) -> None:
        self.state.set_speed(self.speed_value())

    # --- state -> widgets --------------------------------------------------------------------------------------------
    @Slot()
    def _on_settings_changed(self) -> None:
        values = self.state.values
        for name, w in self.inputs.items():
            w.blockSignals(True)
            try:
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(w.findData(values[name]))
                elif self.state.problem(name) is None or not BY_NAME[name].used(values):
                    w.show_value(values[name])
                    self.state.set_invalid(name, None)
            finally:
                w.blockSignals(False)
        self._sync_enabled()
        self._update_note()
        self._show_problems()
        self._show_hidden(values)

    def _show_hidden(self, values: dict) -> None:
        said = []
        if values.get("tol") is not None:
            said.append(f"stops as converged when every |gradient| ≤ {values['tol']:g}")
        if values.get("stop_on_non_finite") is False:
            said.append("keeps training when the loss becomes inf or nan")
        self.hidden_label.setText(
            ("Also set (from the session, no control here): " + "; ".join(said) + ".") if said else ""
        )
        self.hidden_label.setVisible(bool(said))

    @Slot(float)
    def _on_state_speed_changed(self, speed: float) -> None:
        index = self.speed.findData(int(speed))
        if index >= 0 and index != self.speed.currentIndex():
            self.speed.setCurrentIndex(index)

    @Slot(str)
    def _on_phase_changed(self, _phase: str) -> None:
        """While a run is in progress only the speed can change."""
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        values, busy = dict(self.state.values), self.state.busy
        values["val_rows_marked"] = self.state.dataset.marks_val
        for name, w in self.inputs.items():
            w.setEnabled(not busy and BY_NAME[name].used(values))
        network = values.get("model") == "mlp"
        self.hidden.setVisible(network)
        self.hidden_units_label.setVisible(network)
        quadratic = values.get("model") == "quadratic"
        self.init_w2.setVisible(quadratic)
        self.init_w2_label.setVisible(quadratic)
        self.init_w_label.setText("w&1" if quadratic else "&w")
        self.val_fraction.setToolTip(
            "Validation readings are the ones ticked in the table's Val column (untick them to use a random share)."
            if values["val_rows_marked"]
            else BY_NAME["val_fraction"].help
        )

    @Slot()
    def _show_problems(self) -> None:
        problems = self.state.problems()
        self.problem_label.setText("⚠ " + problems[0][1] if problems else "")
        self.problem_label.setVisible(bool(problems))

    @Slot()
    def _update_note(self) -> None:
        from thermogui.core.analysis import stability
        from thermogui.core.explain import stability_note
        from thermogui.core.problem import model_x

        config = self.state.committed_config()
        try:
            stab = stability(model_x(config, self.state.dataset))
        except (ConfigError, DataError) as e:
            self.set_stability_note(str(e)[:1].upper() + str(e)[1:] + ".", True)
            return
        plain = config.optimizer == "sgd" and config.momentum == 0
        self.set_stability_note(*stability_note(config.lr, stab, plain))
