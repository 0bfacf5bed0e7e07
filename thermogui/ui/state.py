"""The window's one source of truth: the current settings, the readings, and the last run.

Every panel gets the `RunState` in its constructor and listens to its signals; nobody reads another object's private
attributes.  Settings are committed on every keystroke (a control calls `set_value` as soon as its text parses, or
`set_invalid` with the reason when it does not), so Start always runs what the window shows.  The last run keeps its
own config, readings, history and outcome; once the settings or readings change after it, it is *stale*, and every
readout, export and session says so instead of mixing the old result with the new inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from thermogui.core.config import ConfigError, TrainConfig, TrainOutcome
from thermogui.core.dataset import Dataset
from thermogui.core.fields import BY_NAME, FIELDS, defaults
from thermogui.core.history import History

IDLE, RUNNING, PAUSED = "idle", "running", "paused"


@dataclass
class LastRun:
    """A run: what it really used (config, readings) and what it gave (history, outcome).

    A run restored from a session has no history and `saved_result` (the stored summary) instead of an outcome."""

    config: TrainConfig
    data: Dataset
    history: History | None = None
    outcome: TrainOutcome | None = None
    saved_result: dict | None = None

    @property
    def finished(self) -> bool:
        return self.outcome is not None or self.saved_result is not None

    def summary(self) -> dict | None:
        """The result as plain data (sessions, exports); None while running."""
        if self.outcome is not None:
            from thermogui.core.report import summarize  # torch: it has loaded, a run has finished

            return summarize(self.config, self.data, self.outcome)
        return self.saved_result


class RunState(QObject):
    settingsChanged = Signal()  # the committed settings changed (one signal per change or batch)
    problemsChanged = Signal()  # the set of fields whose typed text cannot be used changed
    readingsChanged = Signal()
    speedChanged = Signal(float)  # epochs per second, 0 = full speed
    phaseChanged = Signal(str)  # idle | running | paused
    runStarted = Signal()
    runEnded = Signal()  # the last run finished (its outcome is set) or was restored from a file
    runCleared = Signal()
    staleChanged = Signal(bool)

    def __init__(self, readings, parent: QObject | None = None):
        super().__init__(parent)
        self.readings = readings  # the ReadingsModel (owns the readings and their undo stack)
        self._values = defaults()
        self._problems: dict[str, str] = {}
        self.speed = 0.0
        self.phase = IDLE
        self.last_run: LastRun | None = None
        self._stale = False
        readings.datasetChanged.connect(self._on_readings_changed)

    # --- settings ---------------------------------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        return dict(self._values)

    def value(self, name: str):
        return self._values[name]

    def set_value(self, name: str, value) -> None:
        """Commit one setting (checked against its field spec; ConfigError if not allowed)."""
        value = BY_NAME[name].check(value)
        self._problems.pop(name, None)
        if self._values[name] == value and type(self._values[name]) is type(value):
            self.problemsChanged.emit()
            return
        self._values[name] = value
        self.problemsChanged.emit()
        self._settings_changed()

    def set_config(self, config: TrainConfig) -> None:
        """Commit every setting at once (a session, a preset, a fix): one settingsChanged."""
        config = config.validated()
        self._values = config.to_dict()
        self._problems.clear()
        self.problemsChanged.emit()
        self._settings_changed()

    def set_invalid(self, name: str, reason: str | None) -> None:
        """A control's text cannot be used (reason) or can again (None); the committed value stays.  The reason is
        kept as given — a core.tr.Text (English as a str) that the window shows with i18n.tr_text, in the UI
        language of the moment."""
        if reason is None:
            changed = self._problems.pop(name, None) is not None
        else:
            changed = self._problems.get(name) != reason
            self._problems[name] = reason
        if changed:
            self.problemsChanged.emit()

    def problem(self, name: str) -> str | None:
        """Why the control of `name` shows text that cannot be used (None when it can); show it with i18n.tr_text."""
        return self._problems.get(name)

    def problems(self) -> list[tuple[str, str]]:
        """(field name, reason) for each control whose text cannot be used, in form order (unused fields skipped);
        each reason as given to set_invalid (show it with i18n.tr_text)."""
        return [(f.name, self._problems[f.name]) for f in FIELDS if f.name in self._problems and f.used(self._values)]

    def config(self) -> TrainConfig:
        """What Start runs: the committed settings.  ConfigError when a field's text cannot be used (its message the
        reason as given, so i18n.error_text shows it translated)."""
        problems = self.problems()
        if problems:
            raise ConfigError(problems[0][1])
        return TrainConfig(**self._values).validated()

    def committed_config(self) -> TrainConfig:
        """The committed settings, ignoring text being typed that does not parse yet."""
        return TrainConfig(**self._values)

    def set_speed(self, epochs_per_second: float) -> None:
        if epochs_per_second != self.speed:
            self.speed = float(epochs_per_second)
            self.speedChanged.emit(self.speed)

    # --- readings ---------------------------------------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self.readings.dataset

    # --- the run ----------------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.phase != IDLE

    def set_phase(self, phase: str) -> None:
        if phase != self.phase:
            self.phase = phase
            self.phaseChanged.emit(phase)

    def begin_run(self, config: TrainConfig, data: Dataset, history: History, paused: bool = False) -> LastRun:
        self.last_run = LastRun(config, data, history)
        self._set_stale(False)
        self.set_phase(PAUSED if paused else RUNNING)
        self.runStarted.emit()
        return self.last_run

    def end_run(self, outcome: TrainOutcome | None) -> None:
        """The worker finished (outcome) or failed (None: the run is forgotten)."""
        if outcome is None:
            self.last_run = None
        elif self.last_run is not None:
            self.last_run.outcome = outcome
        self.set_phase(IDLE)
        self._update_stale()
        self.runEnded.emit()

    def restore_result(self, config: TrainConfig, data: Dataset, result: dict) -> None:
        """A result stored in a session, for the run that made it (`config`, `data`)."""
        self.last_run = LastRun(config, data, saved_result=dict(result))
        self._update_stale()
        if result.get("stale"):
            self._set_stale(True)
        self.runEnded.emit()

    def clear_run(self) -> None:
        self.last_run = None
        self._set_stale(False)
        self.runCleared.emit()

    @property
    def stale(self) -> bool:
        """The last run was made on other settings or readings than the window now holds."""
        return self._stale

    @property
    def finished_run(self) -> LastRun | None:
        """The last run, if it has finished (or was restored) — whether stale or not."""
        run = self.last_run
        return run if run is not None and run.finished and self.phase == IDLE else None

    def current_run(self) -> LastRun | None:
        """The run whose numbers the window shows: running, paused, or finished and not stale."""
        run = self.last_run
        if run is None or (self.phase == IDLE and (not run.finished or self._stale)):
            return None
        return run

    # --- handlers ---------------------------------------------------------------------------------------------------
    def _settings_changed(self) -> None:
        self._update_stale()
        self.settingsChanged.emit()

    def _on_readings_changed(self) -> None:
        self._update_stale()
        self.readingsChanged.emit()

    def _update_stale(self) -> None:
        run = self.last_run
        if run is None or self.phase != IDLE:
            return
        if run.saved_result is not None and run.saved_result.get("stale"):
            return  # stored as stale: it stays stale
        self._set_stale(run.config != self.committed_config() or run.data != self.dataset)

    def _set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self.staleChanged.emit(stale)
