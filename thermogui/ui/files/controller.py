"""Files: open/save readings (CSV) and sessions, recent files, unsaved-changes prompts, autosave and restore.

The window's document is a session: the readings plus the settings (and the last result, marked stale when it was
made on other inputs).  It is "modified" when the readings differ from the undo stack's clean state or the settings
differ from those last saved.  Opening a CSV reads its readings into a new, untitled session: Save never rewrites
the user's CSV (only "Save Readings as CSV…" writes one, where the user chooses).

Every message and question is in the UI language (context "FileController"); the core's reasons (core.tr.Text: a bad
line of a CSV, a session that cannot be read) are shown with i18n.tr_text, and the system's reasons for an OSError
(permission denied, disk full…) with `os_reason`.
"""

from __future__ import annotations

import errno
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from thermogui.core.csvio import read_csv, write_csv
from thermogui.core.dataset import DataError, Dataset
from thermogui.core.errors import UserError
from thermogui.core.tr import QT_TRANSLATE_NOOP, Text
from thermogui.ui import dialogs
from thermogui.ui.files import settings
from thermogui.ui.files.autosave import Autosaver, autosave_dir, claim_orphans  # noqa: F401  (autosave_dir: API)
from thermogui.ui.i18n import Tr, error_text, tr_text, translate

SESSION_SUFFIX = ".thermogui.json"
AUTOSAVE_MS = 60_000
_restored_windows: list = []  # windows opened to restore a second autosave (kept alive here; they delete on close)

# The system's reasons for a failed open or save, by errno, in the UI language (English: the system's own words).
OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("FileController", "No such file or directory"),
    errno.EACCES: QT_TRANSLATE_NOOP("FileController", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("FileController", "Operation not permitted"),
    errno.EISDIR: QT_TRANSLATE_NOOP("FileController", "Is a directory"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("FileController", "Not a directory"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("FileController", "No space left on device"),
    errno.EROFS: QT_TRANSLATE_NOOP("FileController", "Read-only file system"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("FileController", "File name too long"),
    getattr(errno, "EDQUOT", -1): QT_TRANSLATE_NOOP("FileController", "Disk quota exceeded"),
}


def os_reason(e: BaseException) -> str:
    """Why a file could not be read or written, in the UI language: a reason of ours (a core.tr.Text, a refusal) as
    translated, the system's reason for a common errno in the UI language's words (else as the system says it)."""
    if isinstance(e, UserError):
        return error_text(e)
    said = getattr(e, "strerror", None)
    if isinstance(said, Text):  # OSError(errno, our own reason): figure.ExportError
        return tr_text(said)
    first = e.args[0] if len(e.args) == 1 else None
    if isinstance(first, str) and said is None:  # OSError("our own reason")
        return tr_text(first)
    said = said or str(e)
    marked = OS_REASONS.get(getattr(e, "errno", None))
    if marked is not None:
        shown = translate("FileController", marked)
        if shown != marked:  # (translated: else the system's own words, as they were)
            return shown
    return tr_text(said)


def format_problems(e: DataError, limit: int = 15) -> str:
    """The problems of a file that could not be read, one a line (each reason in the UI language)."""
    lines = [
        translate("FileController", "line {n}: {why}").format(n=n, why=tr_text(why)) if n else tr_text(why)
        for n, why in e.problems[:limit]
    ]
    if len(e.problems) > limit:
        lines.append(translate("FileController", "… and {count} more").format(count=len(e.problems) - limit))
    return "\n".join(lines)


BIG_FILE = 8 * 1024 * 1024  # bytes: a CSV this big is read in a thread behind a busy dialog


class FileController(Tr, QObject):
    _readDone = Signal()  # a big CSV's reading thread has finished (see _read_csv)

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.reading = False  # a big CSV is being read (the window waits to close until it is)
        self.state = window.run_state
        self.path: Path | None = None  # the session file Save writes
        self.source: Path | None = None  # a CSV the readings came from (never written by Save)
        self._opened = None  # the Session read from `path` (its unknown keys are written back)
        self._saved_config = self.state.committed_config()
        self._loading = False
        self.autosaver = Autosaver()
        self._reported_autosave_error = None
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        window.model.undo_stack.cleanChanged.connect(self._update_title)
        self.state.settingsChanged.connect(self._update_title)
        self._build_actions()
        self.retranslate()

    # --- actions and menu ------------------------------------------------------------------------
    def _act(self, shortcut, slot, name):
        a = QAction(self.w, objectName=name)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        self.new_action = self._act(QKeySequence.New, self.new, "newAction")
        self.open_action = self._act(QKeySequence.Open, self.open_dialog, "openAction")
        self.save_action = self._act(QKeySequence.Save, self.save, "saveAction")
        self.save_as_action = self._act(QKeySequence("Ctrl+Shift+S"), self.save_as, "saveAsAction")
        self.save_csv_action = self._act(None, self.save_csv_dialog, "saveCsvAction")
        self.recent_menu = QMenu(self.w)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def retranslate(self) -> None:
        """The File menu's texts and the window title in the UI language (at start; the window calls it again on
        QEvent.LanguageChange)."""
        for action, text, tip in (
            (self.new_action, self.tr("&New"), self.tr("Start over with the book's data")),
            (self.open_action, self.tr("&Open…"), self.tr("Open readings (CSV) or a saved session")),
            (self.save_action, self.tr("&Save"), self.tr("Save the session (readings, hyperparameters and result)")),
            (self.save_as_action, self.tr("Save &As…"), self.tr("Save the session under a new name")),
            (self.save_csv_action, self.tr("Save Readings as &CSV…"), self.tr("Write the readings to a CSV file")),
        ):
            action.setText(text)
            action.setStatusTip(tip)
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self._update_title()

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
            name = self.tr("Untitled (readings from {file})").format(file=self.source.name)
        else:
            name = self.tr("Untitled")
        self.w.setWindowTitle(self.tr("{document}[*] — ThermoGUI").format(document=name))
        self.w.setWindowModified(self.is_modified())

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel if there are unsaved changes; True when it is fine to go on."""
        self.w.data_panel.commit_edit()  # a cell being typed into is an unsaved change too
        if not self.is_modified():
            return True
        answer = dialogs.ask(
            self.w,
            self.tr("Unsaved changes"),
            self.tr("The readings or settings have changed since they were last saved. Save them first?"),
            (QMessageBox.Save, QMessageBox.Discard, QMessageBox.Cancel),
            default=QMessageBox.Save,
            escape=QMessageBox.Cancel,
        )
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

    def open_filter(self) -> str:
        return self.tr(
            "Readings or sessions (*.csv *.tsv *.txt *.json);;CSV readings (*.csv *.tsv *.txt);;Sessions (*.json)"
        )

    @Slot()
    def open_dialog(self) -> None:
        if self.state.busy:
            self.w.notify(self.tr("Stop the run before opening another file."), error=True)
            return
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.w, self.tr("Open readings or session"), self._last_dir(), self.open_filter()
        )
        if path:
            self.open_path(path, ask=False)

    def open_path(self, path, ask: bool = True) -> bool:
        """Open a CSV or a session, all or nothing: the file is read and checked completely (against the same field
        spec the core uses) before anything in the window changes.  On any problem: a message naming it, and
        nothing changes."""
        path = Path(path)
        if self.state.busy:
            self.w.notify(self.tr("Stop the run before opening another file."), error=True)
            return False
        if ask and not self.maybe_save():
            return False
        try:
            if path.name.lower().endswith(".json"):
                from thermogui.core.session import load_session

                s = load_session(path)
                loaded = (s.data, s.config.validated(), s.result, path, None)
            else:
                data = self._read_csv(path)
                if data is None:
                    self.w.notify(
                        self.tr("Not opened: reading {file} was cancelled. Nothing changed.").format(file=path.name)
                    )
                    return False
                s, loaded = None, (data, None, None, None, path)
        except DataError as e:
            self._error(
                self.tr("Could not open {file}").format(file=path.name),
                self.tr("Nothing was changed. Problems found:\n{problems}").format(problems=format_problems(e)),
            )
            return False
        except (OSError, UserError) as e:  # (anything else is a bug: it reaches the error handler, not the user)
            self._error(
                self.tr("Could not open {file}").format(file=path.name),
                self.tr("Nothing was changed. {reason}").format(reason=os_reason(e)),
            )
            return False
        self._load(*loaded)
        self._opened = s
        self._remember(path)
        result = loaded[2]
        kept = s.kept_keys() if s is not None else []
        shown = ", ".join(kept[:4])
        if len(kept) > 4:
            shown = self.tr("{keys} and {count} more").format(keys=shown, count=len(kept) - 4)
        kept_note = (
            self.tr(" It holds settings this version does not use ({keys}); Save keeps them.").format(keys=shown)
            if kept
            else ""
        )
        if not result:
            opened = self.tr("Opened {file}: {count} readings.")
        elif result.get("stale"):
            opened = self.tr(
                "Opened {file}: {count} readings and the saved result (out of date when it was saved) — Start (F5) "
                "runs it again."
            )
        else:
            opened = self.tr("Opened {file}: {count} readings and the saved result — Start (F5) runs it again.")
        self.w.notify(
            opened.format(file=path.name, count=len(self.w.model.dataset))
            + (self.tr(" Save (Ctrl+S) keeps them as a session; the CSV itself is not changed.") if loaded[4] else "")
            + kept_note
        )
        return True

    def _read_csv(self, path: Path):
        """read_csv; a big file (BIG_FILE bytes or more: a few seconds of reading) in a thread of its own behind a
        modal busy dialog, so the window keeps painting while it is read (and cannot be edited meanwhile).  None when
        the person cancels."""
        try:
            big = path.stat().st_size >= BIG_FILE
        except OSError:
            big = False  # (read_csv says why it cannot be read)
        if not big:
            return read_csv(path)
        import threading

        from PySide6.QtCore import QEventLoop, Qt
        from PySide6.QtWidgets import QProgressDialog

        outcome: dict = {}
        loop = QEventLoop()

        def work() -> None:
            try:
                outcome["data"] = read_csv(path)
            except BaseException as e:  # (handed to the GUI thread, raised there)
                outcome["error"] = e
            finally:
                try:
                    self._readDone.emit()  # (queued to the GUI thread: the loop quits there)
                except RuntimeError:  # the window went away after a Cancel: nobody waits
                    pass

        busy = QProgressDialog(self.w, objectName="readingFileDialog")
        busy.setLabelText(self.tr("Reading {file}…").format(file=path.name))
        busy.setWindowTitle(self.tr("Opening"))
        busy.setCancelButtonText(self.tr("&Cancel"))
        busy.setRange(0, 0)  # (busy: no percentage to show)
        busy.setWindowModality(Qt.WindowModal)
        busy.setMinimumDuration(0)
        busy.canceled.connect(loop.quit)
        self._readDone.connect(loop.quit)
        self.reading = True
        try:
            threading.Thread(target=work, name="ReadCsv", daemon=True).start()
            busy.show()
            loop.exec()
        finally:
            self._readDone.disconnect(loop.quit)
            self.reading = False
            busy.close()
            busy.deleteLater()
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("data")  # (None: cancelled — the thread's result, when it comes, is dropped)

    def _load(self, data, config, result, path, source) -> None:
        """Show what was read (already checked completely)."""
        w = self.w
        self._opened = None  # (open_path and restore set it again for a session)
        w.model.reset_dataset(data)
        if config is not None:
            self.state.set_config(config)
        w.reset()
        if result:
            from thermogui.core.session_result import result_config

            # the run's own model: a result saved stale after the model changed is shown as the model that made it
            self.state.restore_result(result_config(config, result), data, result)
        self.path = Path(path) if path else None
        self.source = Path(source) if source else None
        self.mark_saved()
        self.autosaver.clear()  # the document it kept is gone (saved, or discarded when asked)

    # --- saving --------------------------------------------------------------------------------
    def session(self):
        """What Save and autosave write; the unknown keys of the session opened (a later version's) are kept."""
        from thermogui.core.session import Session

        data, config, result = self.w.model.dataset, self.state.committed_config(), self.w.result_summary()
        opened = self._opened
        return opened.carried_to(data, config, result) if opened is not None else Session(data, config, result)

    @Slot()
    def save(self) -> bool:
        self.w.data_panel.commit_edit()
        if self.path is None:
            return self.save_as()
        return self._write(self.path, "session")

    @Slot()
    def save_as(self) -> bool:
        stem = (
            self.path.stem.replace(".thermogui", "")
            if self.path
            else self.source.stem
            if self.source
            else "calibration"
        )
        start = str(Path(self._last_dir()) / stem)
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.tr("Save session"),
            start + SESSION_SUFFIX,
            self.tr("ThermoGUI sessions ({pattern})").format(pattern="*" + SESSION_SUFFIX),
        )
        if not path:
            return False
        if not path.endswith(".json"):
            path += SESSION_SUFFIX
        return self._write(Path(path), "session")

    @Slot()
    def save_csv_dialog(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self.w,
            self.tr("Save readings as CSV"),
            str(Path(self._last_dir()) / "readings.csv"),
            self.tr("CSV files (*.csv)"),
        )
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
            self._error(
                self.tr("Could not save {file}").format(file=path.name),
                self.tr("{reason}. Any existing file was left unchanged.").format(reason=os_reason(e)),
            )
            return False
        if kind == "session":
            self.path = path
            self.mark_saved()
            self.autosaver.clear()  # the work is safe in the saved file
        self._remember(path)
        if kind == "session" and self.state.stale:
            saved = self.tr("Saved {file} (with its result marked out of date).")
        else:
            saved = self.tr("Saved {file}.")
        self.w.notify(saved.format(file=path.name))
        return True

    # --- autosave and restore --------------------------------------------------------------------
    @property
    def autosave_path(self) -> Path:
        """This document's autosave file (it exists while there is unsaved work that has been autosaved)."""
        return self.autosaver.path

    @Slot()
    def autosave(self) -> None:
        """What the one-minute timer does: snapshot the document here (immutable data, no copying) and write it in the
        background.  With nothing unsaved there is nothing to offer after a crash: the autosave goes."""
        self._report_autosave_error()  # (of the last write, in the background)
        if not self.is_modified():
            self.autosaver.clear()
            return
        self.autosaver.save(self.session())
        self._report_autosave_error()  # (no folder, no lock)

    def _report_autosave_error(self) -> None:
        error = self.autosaver.error
        if error is not None and error is not self._reported_autosave_error:
            self._reported_autosave_error = error
            self.w.notify(self.tr("Could not autosave: {reason}").format(reason=os_reason(error)), error=True)

    def autosave_now(self) -> None:
        """Autosave and wait until it is written (before something risky, after an unexpected error)."""
        self.autosave()
        self.autosaver.wait()

    def discard_autosave(self) -> None:
        """The window closes: stop a write in flight, delete the autosave, release its lock."""
        self.autosave_timer.stop()
        self.autosaver.close()

    def offer_restore(self) -> bool:
        """After a crash: offer, one after the other and newest first, every autosave whose instance is no longer
        running.  The first one restored goes into this window (if it holds nothing yet), any other into a new
        window; each keeps its autosave until it is saved.  One declined is deleted; one that cannot be read is kept
        and named in a message.  True if this window restored one."""
        from thermogui.core.session import load_session

        slots = claim_orphans()
        total, restored_here, unreadable = len(slots), False, []
        try:
            for number in range(1, total + 1):
                slot = slots[0]
                try:
                    s = load_session(slot.path)
                except (OSError, UserError) as e:  # (a bug in reading is no reason to blame the file: it propagates)
                    unreadable.append((slot.path, os_reason(e)))
                    slot.release(delete=False)
                else:
                    here = not restored_here and self._untouched()
                    answer = self._ask_restore(slot, s, number, total, here)
                    if answer == QMessageBox.Discard:
                        slot.release(delete=True)  # seen and declined
                    elif answer != QMessageBox.Yes:
                        slot.release(delete=False)  # Later (or the box closed): offered again at the next start
                    elif here:
                        self.restore(slot, s)
                        restored_here = True
                    else:
                        from thermogui.app import create_window

                        other = create_window()
                        _restored_windows[:] = [w for w in _restored_windows if _alive(w)] + [other]
                        other.files.restore(slot, s)
                slots.pop(0)
        finally:
            for slot in slots:  # (only if something above raised) kept for the next start
                slot.release(delete=False)
        if unreadable:
            if len(unreadable) > 1:
                why = self.tr(
                    "This ThermoGUI could not read them. Nothing was deleted: the files are kept where named above."
                )
            else:
                why = self.tr(
                    "This ThermoGUI could not read it. Nothing was deleted: the file is kept where named above."
                )
            self._error(
                self.tr("Could not restore autosaved work"),
                "\n".join(f"{p}: {reason}" for p, reason in unreadable) + "\n\n" + why,
            )
        return restored_here

    def _untouched(self) -> bool:
        return not self.is_modified() and self.path is None and self.source is None

    def _ask_restore(self, slot, s, number: int, total: int, here: bool):
        count = f"{len(s.data):,}"
        if s.result:
            what = self.tr("{count} readings and a result").format(count=count)
        else:
            what = self.tr("{count} readings").format(count=count)
        try:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(slot.path.stat().st_mtime))
        except OSError:
            question = self.tr("ThermoGUI did not close properly. Restore the work autosaved before ({what})?")
        else:
            question = self.tr("ThermoGUI did not close properly. Restore the work autosaved at {time} ({what})?")
        text = (
            question.format(time=when, what=what)
            + (self.tr("\n\nAutosave {number} of {total}.").format(number=number, total=total) if total > 1 else "")
            + ("" if here else self.tr(" It opens in a new window."))
            + self.tr(" Delete removes it for good; Later keeps it to be offered at the next start.")
        )
        return dialogs.ask(
            self.w,
            self.tr("Restore unsaved work?"),
            text,
            (QMessageBox.Yes, QMessageBox.Discard, QMessageBox.Ignore),
            default=QMessageBox.Yes,
            escape=QMessageBox.Ignore,  # Escape or closing the box never deletes work
            labels={QMessageBox.Yes: self.tr("&Restore"), QMessageBox.Discard: self.tr("&Delete")},
        )

    def restore(self, slot, s) -> None:
        """Show the session `s` read from the claimed autosave `slot` as unsaved work, and keep autosaving it there."""
        self._load(s.data, s.config, s.result, None, None)
        self._opened = s
        self.w.model.undo_stack.resetClean()  # restored work is unsaved work
        self._saved_config = None
        self._update_title()
        self.autosaver.take_over(slot)
        self.w.notify(
            self.tr("Restored the autosaved work ({count} readings). Save (Ctrl+S) to keep it.").format(
                count=f"{len(s.data):,}"
            )
        )

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
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _error(self, title: str, text: str) -> None:
        lines = text.splitlines()
        first = " ".join(lines[:2]) if lines and lines[0].endswith(":") else (lines[0] if lines else "")
        self.w.notify(f"{title}. {first}", error=True)  # (the reason itself, not only "Problems found:")
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self.w)
        box.setObjectName("fileErrorDialog")
        box.open()


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
