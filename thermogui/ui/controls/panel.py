"""The hyperparameter panel: one control per field of the core spec, bound to the run state.

Each keystroke that makes a usable value commits it to the `RunState` at once (so F5 right after typing runs what
was typed); text that cannot be used stays as typed, and the reason appears under the form (never a silent revert).
The panel listens to the state to show settings that change elsewhere (a session, a preset, a one-click fix).
The stable-rate note under the learning rate has a reserved height of two lines, so the controls below never move
when it becomes a warning that wraps.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from thermogui.core.config import ConfigError, TrainConfig
from thermogui.core.dataset import DataError
from thermogui.core.fields import BY_NAME, FIELDS
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui import style
from thermogui.ui.controls.widgets import NumberField
from thermogui.ui.i18n import Retranslating, error_text, field_label, field_text, marked, tr_text
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
SPEEDS = (
    (0, QT_TRANSLATE_NOOP("ControlsPanel", "Full speed")),
    (1000, QT_TRANSLATE_NOOP("ControlsPanel", "1,000 epochs/s")),
    (100, QT_TRANSLATE_NOOP("ControlsPanel", "100 epochs/s")),
    (10, QT_TRANSLATE_NOOP("ControlsPanel", "10 epochs/s")),
    (1, QT_TRANSLATE_NOOP("ControlsPanel", "1 epoch/s")),
)
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


class ControlsPanel(Retranslating, QWidget):
    """Its texts (labels, choices, tooltips, accessible names) are set in `retranslate()`, in the UI language."""

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
            self.inputs[f.name] = w
            setattr(self, ATTRIBUTES.get(f.name, f.name), w)
        self.speed = _combo("speedInput", SPEEDS, "")
        self.lr_note = QLabel(objectName="stableRateLabel", wordWrap=True, alignment=Qt.AlignLeft | Qt.AlignTop)
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
        form.addRow(_buddy("", self.model), self.model)
        # the network's size on a row of its own (shown for the network only): beside the model it widened the form
        # past the left column
        self.hidden_units_label = _buddy("", self.hidden)  # (every label's text: retranslate)
        form.addRow(self.hidden_units_label, self.hidden)
        self._form = form
        form.addRow(_buddy("", self.arith), self.arith)
        form.addRow(_buddy("", self.lr), self.lr)
        form.addRow("", self.lr_note)
        form.addRow(_buddy("", self.epochs), self.epochs)
        start = QHBoxLayout()
        self.init_w2_label = _buddy("w&2", self.init_w2)
        self.init_w_label = _buddy("&w", self.init_w)
        for label, box in ((self.init_w2_label, self.init_w2), (self.init_w_label, self.init_w), ("&b", self.init_b)):
            start.addWidget(_buddy(label, box) if isinstance(label, str) else label)
            start.addWidget(box, 1)
        self.start_label = QLabel()
        form.addRow(self.start_label, start)
        norm = QHBoxLayout()
        norm.addWidget(self.normalization, 3)
        norm.addWidget(self.scale, 2)
        form.addRow(_buddy("", self.normalization), norm)
        form.addRow(_buddy("", self.gradient), self.gradient)
        opt = QHBoxLayout()
        opt.addWidget(self.optimizer, 3)
        opt.addWidget(_buddy("", self.momentum))
        opt.addWidget(self.momentum, 2)
        form.addRow(_buddy("", self.optimizer), opt)
        val = QHBoxLayout()
        val.addWidget(self.val_fraction, 1)
        val.addWidget(_buddy("", self.seed))
        val.addWidget(self.seed, 1)
        form.addRow(_buddy("", self.val_fraction), val)
        form.addRow(_buddy("", self.speed), self.speed)
        form.addRow(self.hidden_label)
        form.addRow(self.problem_label)

        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        state.settingsChanged.connect(self._on_settings_changed)
        state.readingsChanged.connect(self._update_note)
        for signal in (state.runEnded, state.runCleared, state.staleChanged):  # "reached" belongs to a current run
            signal.connect(self._update_note)
        state.readingsChanged.connect(self._sync_enabled)
        state.phaseChanged.connect(self._on_phase_changed)
        state.speedChanged.connect(self._on_state_speed_changed)
        self.retranslate()  # every text, and what depends on the state (_sync_enabled, _update_note)
        self._reserve_note_lines()

    def retranslate(self) -> None:
        """Every text of the panel in the UI language: at start and on QEvent.LanguageChange.  The labels of the
        fields keep the English mnemonic letter in every language (학습률(&L)): Alt+L is Alt+L everywhere."""
        labels = {  # each label by the control it names (its buddy)
            self.model: self.tr("&Model"),
            self.hidden: self.tr("Hidden units"),
            self.arith: self.tr("Arithmetic"),
            self.lr: self.tr("&Learning rate"),
            self.epochs: self.tr("Epo&chs"),
            self.normalization: self.tr("&Normalize"),
            self.gradient: self.tr("&Gradient"),
            self.optimizer: self.tr("&Optimizer"),
            self.momentum: self.tr("momen&tum"),
            self.val_fraction: self.tr("V&alidation"),  # (Alt+V opens the View menu)
            self.seed: self.tr("see&d"),
            self.speed: self.tr("S&peed"),
        }
        for label in self.findChildren(QLabel):
            if label.buddy() in labels:
                label.setText(labels[label.buddy()])
        self.start_label.setText(self.tr("Start (model units)"))
        self.start_label.setToolTip(
            self.tr(
                "w and b to start from, in model units: after the normalization below, as the book gives them. The "
                "equation above the plot shows the same line in raw units."
            )
        )
        for name, w in self.inputs.items():
            f = BY_NAME[name]
            w.setAccessibleName(field_label(f))
            if isinstance(w, QComboBox):
                for i, (_value, text) in enumerate(f.choices):
                    w.setItemText(i, field_text(text))
                w.setToolTip(field_text(f.help))
                w.setAccessibleDescription(field_text(f.help))
            else:
                w.retranslate()
        for i, (_speed, text) in enumerate(SPEEDS):
            self.speed.setItemText(i, marked("ControlsPanel", text))
        tip = self.tr(
            "Slow training down to watch each step, or run at full speed. Takes effect at once, also during a run."
        )
        self.speed.setToolTip(tip)
        self.speed.setAccessibleDescription(tip)
        self.speed.setAccessibleName(self.tr("Training speed"))
        self.lr_note.setAccessibleName(self.tr("Stable learning rate"))
        self.lr_note.setToolTip(
            self.tr(
                "Plain gradient descent on this loss diverges above 2 / (largest eigenvalue of the loss's Hessian), "
                "which depends on the data and the normalization."
            )
        )
        self._sync_enabled()  # (the validation tooltip)
        self._update_note()
        self._show_hidden(self.state.values)
        self._show_problems()

    def _reserve_note_lines(self) -> None:
        """The note keeps NOTE_LINES lines' height (more only if a longer text needs it), whatever it says."""
        fm = self.lr_note.fontMetrics()
        m = self.lr_note.contentsMargins()
        self.lr_note.setMinimumHeight(NOTE_LINES * fm.lineSpacing() + m.top() + m.bottom())
        # Its height is its wrapped text's at the width it has, never its size hint's: QLabel's hint wraps a
        # two-line text at a narrower "balanced" width, and the form would keep that taller height.
        policy = self.lr_note.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Ignored)
        self.lr_note.setSizePolicy(policy)

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
        """The note under the learning rate (a core.tr.Text is shown in the UI language)."""
        self.lr_note.setText(tr_text(text))
        style.set_text_role(self.lr_note, "error" if warning else None, bold=True)

    # --- widgets -> state --------------------------------------------------------------------------------------------
    def _on_value(self, name: str, value) -> None:
        try:
            self.state.set_value(name, value)
        except ConfigError as e:  # the widget checked with the same spec: only a cross-field rule can refuse
            self.state.set_invalid(name, e.text)

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
            said.append(
                self.tr("stops as converged when every |gradient| ≤ {tol}").format(tol=format(values["tol"], "g"))
            )
        if values.get("stop_on_non_finite") is False:
            said.append(self.tr("keeps training when the loss becomes inf or nan"))
        self.hidden_label.setText(
            self.tr("Also set (from the session, no control here): {settings}.").format(settings="; ".join(said))
            if said
            else ""
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
        self._form.setRowVisible(self.hidden, network)
        quadratic = values.get("model") == "quadratic"
        self.init_w2.setVisible(quadratic)
        self.init_w2_label.setVisible(quadratic)
        self.init_w_label.setText("w&1" if quadratic else "&w")
        self.val_fraction.setToolTip(
            self.tr(
                "Validation readings are the ones ticked in the table's Val column (untick them to use a random share)."
            )
            if values["val_rows_marked"]
            else field_text(BY_NAME["val_fraction"].help)
        )

    @Slot()
    def _show_problems(self) -> None:
        problems = self.state.problems()
        self.problem_label.setText("⚠ " + tr_text(problems[0][1]) if problems else "")
        self.problem_label.setVisible(bool(problems))

    @Slot()
    def _update_note(self, *_) -> None:
        """The stable rate and the condition number of the chosen model; before a run the epochs plain gradient
        descent needs to get within 0.1 % of the least-squares loss, after it whether the run got there."""
        from thermogui.core.analysis import convergence
        from thermogui.core.explain import convergence_note, fmt_condition

        config = self.state.committed_config()
        try:
            conv = convergence(config, self.state.dataset)
        except (ConfigError, DataError) as e:
            why = error_text(e)
            self.set_stability_note(why[:1].upper() + why[1:] + ".", True)
            return
        run = None if self.state.busy else self.state.current_run()
        self.set_stability_note(*convergence_note(conv, run.outcome if run is not None else None))
        if conv is None:
            tip = self.tr(
                "A network is not linear in its parameters: its Hessian changes from point to point, so there is "
                "no single stable rate to predict."
            )
        else:
            tip = self.tr(
                "Plain gradient descent on this loss diverges above 2 / (largest eigenvalue of the loss's Hessian), "
                "which depends on the model, the data and the normalization. The condition number (largest / "
                "smallest eigenvalue, now {condition}) says how long and narrow the loss valley is. From the "
                "eigenvalues and the start values: at most how many epochs plain gradient descent needs to get within "
                "0.1 % of the minimum, the least-squares loss (the bound puts all of the start's excess loss along the "
                "flattest direction); after a run, whether the run got there."
            ).format(condition=fmt_condition(conv.condition))
        self.lr_note.setToolTip(tip)
