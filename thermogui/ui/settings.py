"""Remembered between runs of the app (QSettings): window geometry, splitter positions, the last hyperparameters."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from ..core.config import ConfigError, TrainConfig


def save_window_state(window) -> None:
    s = QSettings()
    s.setValue("window/geometry", window.saveGeometry())
    for split in window.findChildren(QSplitter):
        if split.objectName():
            s.setValue(f"window/{split.objectName()}", split.saveState())
    s.setValue("run/config", json.dumps(asdict(window.controls.config())))
    s.setValue("run/speed", window.controls.speed.currentIndex())


def restore_window_state(window) -> None:
    s = QSettings()
    geometry = s.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    for split in window.findChildren(QSplitter):
        state = s.value(f"window/{split.objectName()}") if split.objectName() else None
        if state is not None:
            split.restoreState(state)
    config = load_config(s.value("run/config"))
    if config is not None:
        window.controls.set_config(config)
    speed = s.value("run/speed")
    if speed is not None:
        try:
            window.controls.speed.setCurrentIndex(int(speed))
        except (TypeError, ValueError):
            pass


def load_config(text) -> TrainConfig | None:
    """A TrainConfig from its JSON, or None if the stored text is missing or no longer valid."""
    if not text:
        return None
    try:
        raw = json.loads(text)
        known = {f.name for f in fields(TrainConfig)}
        return TrainConfig(**{k: v for k, v in raw.items() if k in known}).validated()
    except (ValueError, TypeError, ConfigError):
        return None
