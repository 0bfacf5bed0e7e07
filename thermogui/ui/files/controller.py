"""Files: open/save readings (CSV) and sessions, recent files, unsaved-changes prompts, autosave and restore.

The window's document is a session: the readings plus the settings (and the last result, marked stale when it was
made on other inputs).  It is "modified" when the readings differ from the undo stack's clean state or the settings
differ from those last saved.  Opening a CSV reads its readings into a new, untitled session: Save never rewrites
the user's CSV (only "Save Readings as CSV…" writes one, where the user chooses).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from thermogui.core.csvio import read_csv, write_csv
from thermogui.core.dataset import DataError, Dataset
from thermogui.ui.files import settings

SESSION_SUFFIX = ".thermogui.json"
OPEN_FILTER = "Readings or sessions (*.csv *.tsv *.txt *.json);;CSV readings (*.csv *.tsv *.txt);;Sessions (*.json)"
AUTOSAVE_MS = 60_000


def autosave_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".thermogui")
    return Path(base) / "autosave"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def orphaned_autosaves() -> list[Path]:
    """Autosaves left by ThermoGUI processes that are no longer running, newest first."""
    folder = autosave_dir()
    found = []
    for p in folder.glob(f"autosave-*{SESSION_SUFFIX}"):
        try:
            pid = int(p.name.split("-")[1].split(".")[0])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not _pid_alive(pid):
            found.append(p)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def format_problems(e: DataError, limit: int = 15) -> str:
    lines = [f"line {n}: {why}" if n else why for n, why in e.problems[:limit]]
    if len(e.problems) > limit:
        lines.append(f"… and {len(e.problems) - limit} more")
    return "\n".join(lines)


class FileController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.state = window.run_state
        self.path: Path | None = None  # the session file Save writes
        self.source: Path | None = None  # a CSV the readings came from (never written by Save)
        self._saved_config = self.state.committed_config()
        self._loading = False
        self.autosave_path = autosave_dir() / f"autosave-{os.getpid()}{SESSION_SUFFIX}"
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        window.model.undo_stack.cleanChanged.connect(self._update_title)
        self.state.settingsChanged.connect(self._update_title)
        self._build_actions()
        self._update_title()

    # --- actions and menu ------------------------------------------------------------------------
    def _act(self, text, shortcut, slot, name, tip=""):
        a = QAction(text, self.w, objectName=name)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.setStatusTip(tip)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        self.new_action = self._act("&New", QKeySequence.New, self.new, "newAction", "Start over with the book's data")
        self.open_action = self._act("&Open…", QKeySequence.Open, self.open_dialog, "openAction",
                                     "Open readings (CSV) or a saved session")
        self.save_action = self._act("&Save", QKeySequence.Save, self.save, "saveAction",
                                     "Save the session (readings, hyperparameters and result)")
        self.save_as_action = self._act("Save &As…", QKeySequence("Ctrl+Shift+S"), self.save_as, "saveAsAction",
                                        "Save the session under a new name")
        self.save_csv_action = self._act("Save Readings as &CSV…", None, self.save_csv_dialog, "saveCsvAction",
                                         "Write the readings to a CSV file")
        self.recent_menu = QMenu("Open &Recent", self.w)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def populate_menu(self, menu: QMenu) -> None:
        menu.addActions([self.new_action, self.open_action])
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addActions([self.save_action, self.save_as_action, self.save_csv_action])

    # --- state ---------------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.w.model.undo_stack.isClean() or self.state.committed_config() != self._saved_config

    def mark_saved(self) -> None:
        self.w.model.undo_stack.setClean()
        self._saved_config = self.state.committed_config()
        self._update_title()

    @Slot()
    def _update_title(self, *_) -> None:
        if self.path:
            name = self.path.name
        elif self.source:
            name = f"Untitled (readings from {self.source.name})"
        else:
            name = "Untitled"
        self.w.setWindowTitle(f"{name}[*] — ThermoGUI")
        self.w.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel if there are unsaved changes; True when it is fine to go on."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.w, "Unsaved changes",
            "The readings or settings have changed since they were last saved. Save them first?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    # --- opening -------------------------------------------------------------------------------
    @Slot()
    def new(self) -> None:
        if self.state.busy or not self.maybe_save():
            return
        from thermogui.core.config import TrainConfig

        self._load(Dataset.book(), TrainConfig(), None, None, None)

    @Slot()
    def open_dialog(self) -> None:
        if self.state.busy:
            self.w.notify("Stop the run before opening another file.", error=True)
            return
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.w, "Open readings or session", self._last_dir(), OPEN_FILTER)
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path, ask: bool = True) -> bool:
        """Open a CSV or a session, all or nothing: the file is read and checked completely (against the same field
        spec the core uses) before anything in the window changes.  On any problem: a message naming it, and
        nothing changes."""
        path = Path(path)
        if self.state.busy:
            self.w.notify("Stop the run before opening another file.", error=True)
            return False
        if ask and not self.maybe_save():
            return False
        try:
            if path.name.endswith(".json"):
                from thermogui.core.session import load_session

                s = load_session(path)
                loaded = (s.data, s.config.validated(), s.result, path, None)
            else:
                loaded = (read_csv(path), None, None, None, path)
        except DataError as e:
            self._error(f"Could not open {path.name}", f"Nothing was changed. Problems found:\n{format_problems(e)}")
            return False
        except (OSError, ValueError) as e:
            self._error(f"Could not open {path.name}", f"Nothing was changed. {getattr(e, 'strerror', None) or e}")
            return False
        self._load(*loaded)
        self._remember(path)
        result = loaded[2]
        self.w.notify(f"Opened {path.name}: {len(self.w.model.dataset)} readings"
                      + (" and the saved result" + (" (out of date when it was saved)" if result.get("stale") else "")
                         + " — Start (F5) runs it again." if result else ".")
                      + (" Save (Ctrl+S) keeps them as a session; the CSV itself is not changed." if loaded[4] else ""))
        return True

    def _load(self, data, config, result, path, source) -> None:
        """Show what was read (already checked completely)."""
        w = self.w
        w.model.reset_dataset(data)
        if config is not None:
            self.state.set_config(config)
        w.reset()
        if result:
            self.state.restore_result(config, data, result)
        self.path = Path(path) if path else None
        self.source = Path(source) if source else None
        self.mark_saved()

    # --- saving --------------------------------------------------------------------------------
    def session(self):
        from thermogui.core.session import Session

        return Session(self.w.model.dataset, self.state.committed_config(), self.w.result_summary())

    @Slot()
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path, "session")

    @Slot()
    def save_as(self) -> bool:
        stem = (self.path.stem.replace(".thermogui", "") if self.path
                else self.source.stem if self.source else "calibration")
        start = str(Path(self._last_dir()) / stem)
        path, _ = QFileDialog.getSaveFileName(self.w, "Save session", start + SESSION_SUFFIX,
                                              f"ThermoGUI sessions (*{SESSION_SUFFIX})")
        if not path:
            return False
        if not path.endswith(".json"):
            path += SESSION_SUFFIX
        return self._write(Path(path), "session")

    @Slot()
    def save_csv_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self.w, "Save readings as CSV", str(Path(self._last_dir()) / "readings.csv"),
                                              "CSV files (*.csv)")
        if not path:
            return False
        return self._write(Path(path), "csv")

    def _write(self, path: Path, kind: str) -> bool:
        try:
            if kind == "csv":
                write_csv(path, self.w.model.dataset)
            else:
                from thermogui.core.session import save_session

                save_session(path, self.session())
        except OSError as e:
            self._error(f"Could not save {path.name}", f"{e.strerror or e}. Any existing file was left unchanged.")
            return False
        if kind == "session":
            self.path = path
            self.mark_saved()
        self._remember(path)
        note = " (with its result marked out of date)" if kind == "session" and self.state.stale else ""
        self.w.notify(f"Saved {path.name}{note}.")
        return True

    # --- autosave and restore --------------------------------------------------------------------
    @Slot()
    def autosave(self) -> None:
        if not self.is_modified():
            return
        try:
            from thermogui.core.session import save_session

            self.autosave_path.parent.mkdir(parents=True, exist_ok=True)
            save_session(self.autosave_path, self.session())
        except (OSError, ImportError):
            pass  # autosave is best effort; the user's own saves report errors

    def discard_autosave(self) -> None:
        try:
            self.autosave_path.unlink()
        except OSError:
            pass

    def offer_restore(self) -> bool:
        """After a crash: offer the newest autosave left by a dead process; restore it exactly if accepted."""
        found = orphaned_autosaves()
        if not found:
            return False
        newest = found[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.stat().st_mtime))
        answer = QMessageBox.question(
            self.w, "Restore unsaved work?",
            f"ThermoGUI did not close properly last time. Restore the work autosaved at {when}?",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        restored = False
        if answer == QMessageBox.Yes:
            from thermogui.core.session import load_session

            try:
                s = load_session(newest)
            except (OSError, ValueError) as e:
                self._error("Could not restore the autosave", str(e))
            else:
                self._load(s.data, s.config, s.result, None, None)
                self.w.model.undo_stack.resetClean()  # restored work is unsaved work
                self._saved_config = None
                self._update_title()
                restored = True
        for p in found:
            try:
                p.unlink()
            except OSError:
                pass
        return restored

    # --- recent files and folders ----------------------------------------------------------------
    def _last_dir(self) -> str:
        return settings.last_dir()

    def _remember(self, path: Path) -> None:
        settings.set_last_dir(path.parent)
        settings.add_recent(path)

    def recent_files(self) -> list[str]:
        return settings.recent_files()

    @Slot()
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [p for p in self.recent_files() if Path(p).exists()]
        for p in files:
            a = self.recent_menu.addAction(Path(p).name)
            a.setToolTip(p)
            a.triggered.connect(lambda checked=False, p=p: self.open_path(p))
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _error(self, title: str, text: str) -> None:
        self.w.notify(f"{title}. {text.splitlines()[0]}", error=True)
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self.w)
        box.setObjectName("fileErrorDialog")
        box.open()
