"""Everything the app remembers between runs (QSettings), in one place: every key, its type and its default.

Use the named `Setting`s (``FILES_RECENT.get()``, ``EXPORT_LAST_DIR.set(path)``) or the helpers below; no other
module should spell a settings key.  Reading always gives the declared type: QSettings' native format on Linux hands
back whatever it can parse (a one-item list comes back as a plain string, numbers as strings), so values are coerced
here and anything unusable falls back to the default.

Every function takes an optional `store` (a QSettings) so a test can point it at a file of its own.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

from thermogui.core.config import ConfigError, TrainConfig

MAX_RECENT = 8


def _store(store: QSettings | None) -> QSettings:
    return store if store is not None else QSettings()


def _coerce(value: Any, kind: type, default: Any) -> Any:
    """`value` as `kind`, or `default` when it is missing or cannot be read as one."""
    if value is None:
        return default
    try:
        if kind is list:
            if isinstance(value, str):  # QSettings' way of returning a one-item list after a restart
                return [value] if value else []
            if isinstance(value, (list, tuple)):
                return [str(v) for v in value]
            return default
        if kind is bool:
            if isinstance(value, str):
                return {"true": True, "1": True, "false": False, "0": False}.get(value.strip().lower(), default)
            return bool(value)
        if kind is QByteArray:
            return QByteArray(value) if isinstance(value, (QByteArray, bytes, bytearray)) else default
        if kind is str:
            return value if isinstance(value, str) else default
        if kind is int:
            return int(value) if not isinstance(value, float) else int(value) if value.is_integer() else default
        return kind(value)
    except (TypeError, ValueError, OverflowError):
        return default


@dataclass(frozen=True)
class Setting:
    """One remembered value: its key, its type and what it is when nothing (usable) is stored."""

    key: str
    kind: type
    default: Any = None
    doc: str = ""

    def get(self, store: QSettings | None = None):
        value = _coerce(_store(store).value(self.key), self.kind, self.default)
        return list(value) if isinstance(value, list) else value  # never hand out the default list itself

    def set(self, value, store: QSettings | None = None) -> None:
        if self.kind is list:
            value = [str(v) for v in value]
        _store(store).setValue(self.key, value)

    def remove(self, store: QSettings | None = None) -> None:
        _store(store).remove(self.key)


# --- every key the app uses ------------------------------------------------------------------------------------------
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, None, "the main window's saveGeometry()")
SPLITTER_PREFIX = "window/"  # + a QSplitter's objectName: its saveState()
RUN_CONFIG = Setting("run/config", str, "", "the last hyperparameters, TrainConfig as JSON")
RUN_SPEED = Setting("run/speed", int, None, "the index of the chosen training speed (None: the control's default)")
FILES_LAST_DIR = Setting("files/last_dir", str, "", "the folder of the last file opened, saved or exported")
FILES_RECENT = Setting("files/recent", list, [], "recently opened or saved files, newest first")
EXPORT_LAST_DIR = Setting("export/last_dir", str, "", "the folder the plot-image dialog last exported to")
EXPORT_BOOK_LABELS = Setting(
    "export/book_labels",
    bool,
    False,
    "the plot-image dialog's Book's English labels: the picture's labels in the book's English, not the UI language",
)
VIEW_COLOR_SCHEME = Setting(
    "view/color_scheme",
    str,
    "system",
    "the colour scheme chosen in the View menu: system (follow the desktop), light or dark",
)
VIEW_HIDDEN_UNITS = Setting(
    "view/hidden_units",
    bool,
    False,
    "View ▸ Show Hidden Units: a network's hidden units drawn as faint curves under its fit",
)
UI_LANGUAGE = Setting(
    "view/language",
    str,
    "system",
    "the UI language chosen in View ▸ Language: system (follow the desktop's locale), en or ko",
)
VIEW_RESIDUAL_SQUARES = Setting(
    "view/residual_squares",
    bool,
    False,
    "View ▸ Residuals as Squares: each reading's residual and its square on the fit plot, with their mean (the MSE)",
)
VIEW_FAHRENHEIT_LAW = Setting(
    "view/fahrenheit_law",
    bool,
    False,
    "View ▸ °F Reference Line: the exact law t_c = (t_u − 32)·5/9 drawn beside the fit",
)


def splitter_setting(name: str) -> Setting:
    return Setting(SPLITTER_PREFIX + name, QByteArray, None, f"the state of the splitter {name!r}")


ALL = (
    WINDOW_GEOMETRY,
    RUN_CONFIG,
    RUN_SPEED,
    FILES_LAST_DIR,
    FILES_RECENT,
    EXPORT_LAST_DIR,
    EXPORT_BOOK_LABELS,
    VIEW_COLOR_SCHEME,
    VIEW_HIDDEN_UNITS,
    UI_LANGUAGE,
    VIEW_RESIDUAL_SQUARES,
    VIEW_FAHRENHEIT_LAW,
)


# --- typed access by key (for code that has a key, not a Setting) ----------------------------------------------------
def get_str(key: str, default: str = "", store: QSettings | None = None) -> str:
    return _coerce(_store(store).value(key), str, default)


def get_int(key: str, default: int = 0, store: QSettings | None = None) -> int:
    return _coerce(_store(store).value(key), int, default)


def get_float(key: str, default: float = 0.0, store: QSettings | None = None) -> float:
    return _coerce(_store(store).value(key), float, default)


def get_bool(key: str, default: bool = False, store: QSettings | None = None) -> bool:
    return _coerce(_store(store).value(key), bool, default)


def get_list(key: str, store: QSettings | None = None) -> list[str]:
    return list(_coerce(_store(store).value(key), list, []))


def set_value(key: str, value, store: QSettings | None = None) -> None:
    _store(store).setValue(key, list(value) if isinstance(value, tuple) else value)


# --- recent files and folders ----------------------------------------------------------------------------------------
def _is_file_path(p) -> bool:
    """A stored recent entry worth keeping: an absolute path to a file (not "/" or a stray character left by the old
    one-item-list bug)."""
    return isinstance(p, str) and os.path.isabs(p) and bool(os.path.basename(p))


def recent_files(store: QSettings | None = None) -> list[str]:
    """Recently opened or saved files, newest first, each once (whether or not they still exist)."""
    out: list[str] = []
    for p in FILES_RECENT.get(store):
        if _is_file_path(p) and p not in out:
            out.append(p)
    return out[:MAX_RECENT]


def add_recent(path, max: int = MAX_RECENT, store: QSettings | None = None) -> list[str]:  # noqa: A002 (the brief's name)
    """Put `path` first in the recent files (once, as an absolute path), keep at most `max`; returns the new list."""
    p = os.path.abspath(os.fspath(path))
    files = ([p] + [q for q in recent_files(store) if q != p])[:max]
    FILES_RECENT.set(files, store)
    return files


def remove_recent(path, store: QSettings | None = None) -> list[str]:
    p = os.path.abspath(os.fspath(path))
    files = [q for q in recent_files(store) if q != p]
    FILES_RECENT.set(files, store)
    return files


def last_dir(store: QSettings | None = None) -> str:
    """The folder to start file dialogs in: the last one used if it still exists, else the home folder."""
    folder = FILES_LAST_DIR.get(store)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def set_last_dir(folder, store: QSettings | None = None) -> None:
    FILES_LAST_DIR.set(os.path.abspath(os.fspath(folder)), store)


def export_last_dir(store: QSettings | None = None) -> str | None:
    """The folder the plot-image export last wrote to, or None if unknown or gone."""
    folder = EXPORT_LAST_DIR.get(store)
    return folder if folder and Path(folder).is_dir() else None


def set_export_last_dir(folder, store: QSettings | None = None) -> None:
    EXPORT_LAST_DIR.set(str(folder), store)


def color_scheme(store: QSettings | None = None) -> str:
    """The remembered colour scheme: "system", "light" or "dark" (anything else reads as "system")."""
    mode = VIEW_COLOR_SCHEME.get(store)
    return mode if mode in ("system", "light", "dark") else "system"


def ui_language(store: QSettings | None = None) -> str:
    """The remembered UI language: "system", "en" or "ko" (anything else reads as "system")."""
    choice = UI_LANGUAGE.get(store)
    return choice if choice in ("system", "en", "ko") else "system"


# --- the window ------------------------------------------------------------------------------------------------------
def save_window_state(window) -> None:
    s = QSettings()
    WINDOW_GEOMETRY.set(window.saveGeometry(), s)
    for split in window.findChildren(QSplitter):
        if split.objectName():
            splitter_setting(split.objectName()).set(split.saveState(), s)
    RUN_CONFIG.set(json.dumps(window.run_state.committed_config().to_dict()), s)
    RUN_SPEED.set(window.controls.speed.currentIndex(), s)


def restore_window_state(window) -> bool:
    """Restore what was remembered; True when a window geometry was restored."""
    s = QSettings()
    geometry = WINDOW_GEOMETRY.get(s)
    restored = geometry is not None and bool(window.restoreGeometry(geometry))
    for split in window.findChildren(QSplitter):
        state = splitter_setting(split.objectName()).get(s) if split.objectName() else None
        if state is not None:
            split.restoreState(state)
    config = load_config(RUN_CONFIG.get(s))
    if config is not None:
        window.run_state.set_config(config)
    speed = RUN_SPEED.get(s)
    if speed is not None and 0 <= speed < window.controls.speed.count():
        window.controls.speed.setCurrentIndex(speed)
    return restored


def load_config(text) -> TrainConfig | None:
    """A TrainConfig from its JSON, or None if the stored text is missing or no longer valid."""
    if not text:
        return None
    try:
        raw = json.loads(text)
        known = {f.name for f in fields(TrainConfig)}
        return TrainConfig(**{k: v for k, v in raw.items() if k in known}).validated()
    except (ValueError, TypeError, ConfigError, AttributeError):
        return None
