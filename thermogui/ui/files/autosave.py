"""Autosave that never loses work: one autosave file per open document, guarded by a lock file held by its owner.

In ``autosave_dir()`` (QStandardPaths.AppDataLocation/autosave)::

    autosave-<uuid>.thermogui.json        the document's unsaved work, a session file (load_session reads it)
    autosave-<uuid>.thermogui.json.lock   a QLockFile its owner holds for as long as it runs

An autosave is *orphaned* when nobody holds its lock: its owner crashed or was killed.  A lock is taken with
``setStaleLockTime(0)`` (never stale by age: a document stays open for days) and ``tryLock(0)``; Qt sees a lock as
stale when the pid it names is gone or runs another program.  Under a PID namespace (a container, Flatpak) every start
can have the same pid, so the pid in a crashed owner's lock is *ours* and Qt thinks it is still held: then the
native lock decides.  While a QLockFile is held its file is open with an exclusive ``flock``, which the kernel drops
when the process dies whatever its pid; a lock file nobody has flocked is stale, and ``removeStaleLockFile`` (which on
Unix also refuses while the lock is flocked) clears it.  Locks this process holds are never probed.

Claiming an orphan takes its lock, so two instances starting together never offer the same work.  A restored
document takes the orphan over (file and lock): its work stays autosaved, under the same name, until it is saved or
the next autosave replaces it.  Writing happens in a worker thread from an immutable `Session` snapshot taken in
the GUI thread; one write at a time, the newest snapshot wins, and a close cancels a write in flight.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from thermogui.core.atomic import atomic_write_text, remove_stale_temps_in
from thermogui.core.session import session_to_dict
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

try:
    import fcntl
except ImportError:  # Windows: Qt's removeStaleLockFile fails while the owner has the file open
    fcntl = None

PREFIX = "autosave-"
SUFFIX = ".thermogui.json"
LOCK_SUFFIX = ".lock"
LOCK_SETTLE_SECONDS = 60  # a lock file without an autosave is tidied away only when at least this old
_held: set[str] = set()  # the lock files this process holds (never probed: closing a probe would drop our own locks)


def autosave_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".thermogui")
    return Path(base) / "autosave"


def lock_path_of(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


def _flocked(lock_path: Path) -> bool | None:
    """Whether a live process holds the native lock on `lock_path` (True), nobody does (False), or unknown (None)."""
    if fcntl is None:
        return None
    try:
        fd = os.open(lock_path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(fd)  # (drops our flock, if we got it)
    return False


def take_lock(lock_path: Path) -> QLockFile | None:
    """The lock at `lock_path`, now held by us; None while another instance (or another window of ours) holds it."""
    key = str(lock_path)
    if key in _held:
        return None
    lock = QLockFile(key)
    lock.setStaleLockTime(0)  # long-lived protection: stale only when its owner is gone, never by age
    if not lock.tryLock(0):
        if lock.error() != QLockFile.LockFailedError:
            return None  # no permission, a full disk: leave it
        # Qt thinks its owner runs (the pid it names is alive, e.g. our own pid in a PID namespace): it is stale all
        # the same when nobody holds its native lock (removeStaleLockFile checks that too on Unix; on Windows it
        # cannot delete a lock file its owner still has open)
        if _flocked(lock_path) is True or not lock.removeStaleLockFile() or not lock.tryLock(0):
            return None
    _held.add(key)
    return lock


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # (not ours to signal: it runs)
        return True
    return True


class Slot:
    """One autosave file and, once taken, its lock."""

    def __init__(self, path: Path, lock: QLockFile | None = None):
        self.path = Path(path)
        self.lock_path = lock_path_of(self.path)
        self._lock = lock

    @classmethod
    def new(cls, folder: Path | None = None) -> Slot:
        return cls((folder or autosave_dir()) / f"{PREFIX}{uuid.uuid4().hex}{SUFFIX}")

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self) -> bool:
        if self._lock is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = take_lock(self.lock_path)
        return self._lock is not None

    def delete_file(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def release(self, delete: bool) -> None:
        """Give the slot up: delete its file first (if asked), then the lock (so the file is never unguarded)."""
        try:
            if delete:
                self.delete_file()
        finally:
            if self._lock is not None:
                self._lock.unlock()
                _held.discard(str(self.lock_path))
                self._lock = None


def _legacy_owner_alive(path: Path) -> bool:
    """An autosave of the pid-named kind older versions wrote (autosave-<pid>.thermogui.json): its owner runs?"""
    middle = path.name[len(PREFIX) : -len(SUFFIX)]
    return middle.isdigit() and len(middle) <= 10 and int(middle) != os.getpid() and _pid_alive(int(middle))


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def claim_orphans(folder: Path | None = None) -> list[Slot]:
    """Take every autosave whose owner is gone (newest first) and tidy the folder: temporary files of killed writes,
    and lock files left without an autosave by a crashed owner.  The caller owns the returned slots' locks."""
    folder = folder or autosave_dir()
    if not folder.is_dir():
        return []
    remove_stale_temps_in(folder)
    found = []
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        if str(lock_path_of(path)) in _held or (not lock_path_of(path).exists() and _legacy_owner_alive(path)):
            continue
        lock = take_lock(lock_path_of(path))
        if lock is None:
            continue
        if not path.exists():  # its owner discarded it just now
            Slot(path, lock).release(delete=False)
            continue
        found.append(Slot(path, lock))
    for lock_path in folder.glob(f"{PREFIX}*{SUFFIX}{LOCK_SUFFIX}"):
        autosave = lock_path.with_name(lock_path.name[: -len(LOCK_SUFFIX)])
        # (a young one is left alone: its owner may be between creating it and locking it)
        if not autosave.exists() and str(lock_path) not in _held and _age(lock_path) > LOCK_SETTLE_SECONDS:
            lock = take_lock(lock_path)  # left by an owner that died before it first autosaved
            if lock is not None and not autosave.exists():
                Slot(autosave, lock).release(delete=False)
            elif lock is not None:  # (written meanwhile by an owner that has just died: offer it)
                found.append(Slot(autosave, lock))
    return sorted(found, key=lambda slot: _age(slot.path))  # newest first


# --- writing, off the GUI thread -------------------------------------------------------------------------------------
class Cancelled(Exception):
    """The write was cancelled before it replaced the file."""


CHECK_EVERY = 4096  # JSON pieces between two looks at the cancel flag


def write_session(path: Path, session, cancelled=lambda: False) -> None:
    """Write `session` atomically to `path` (compact JSON, read back by load_session), checking `cancelled` as it goes:
    a cancelled write raises Cancelled and leaves the file as it was."""
    doc = session_to_dict(session)
    if cancelled():
        raise Cancelled
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    pieces, batch = [], []
    for piece in encoder.iterencode(doc):  # the pure-Python encoder: lets the GUI thread run in between
        batch.append(piece)
        if len(batch) >= CHECK_EVERY:
            pieces.append("".join(batch))
            batch.clear()
            if cancelled():
                raise Cancelled
    pieces.append("".join(batch) + "\n")
    if cancelled():
        raise Cancelled
    atomic_write_text(path, "".join(pieces))


@dataclass
class _Job:
    path: Path
    session: object


class AutosaveWriter:
    """Writes session snapshots in one worker thread at a time; a snapshot submitted while one is being written
    replaces any waiting one (only the newest matters).  `submit`, `wait` and `cancel` are for the GUI thread."""

    def __init__(self):
        self._mutex = threading.Lock()
        self._pending: _Job | None = None
        self._thread: threading.Thread | None = None
        self.cancel_requested = threading.Event()  # set by cancel() until the write in flight has stopped
        self.error: OSError | None = None  # the last write's failure (None once one succeeds)
        self.written = 0  # completed writes
        self.cancelled = 0  # writes abandoned by cancel()

    @property
    def busy(self) -> bool:
        with self._mutex:
            return self._thread is not None

    def submit(self, path: Path, session) -> None:
        with self._mutex:
            self._pending = _Job(Path(path), session)
            if self._thread is None:
                self.cancel_requested.clear()
                self._thread = threading.Thread(target=self._run, name="thermogui-autosave")
                self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until nothing is being written or waiting; True if so."""
        with self._mutex:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.busy

    def cancel(self) -> None:
        """Drop a waiting snapshot, stop the write in flight (the file keeps its previous content) and wait for the
        thread to end."""
        with self._mutex:
            self._pending = None
            thread = self._thread
            if thread is not None:
                self.cancel_requested.set()
        if thread is not None:
            thread.join()
        self.cancel_requested.clear()

    def _run(self) -> None:
        while True:
            with self._mutex:
                job, self._pending = self._pending, None
                if job is None or self.cancel_requested.is_set():
                    self._thread = None
                    return
            try:
                write_session(job.path, job.session, self.cancel_requested.is_set)
            except Cancelled:
                self.cancelled += 1
            except OSError as e:  # a full disk, a folder gone: the window reports it
                self.error = e
            except Exception:  # noqa: BLE001 - a bug: to the app's error handler (log and box), keep the thread alive
                sys.excepthook(*sys.exc_info())
            else:
                self.error = None
                self.written += 1


class Autosaver:
    """One document's autosave: its slot (file and lock) and the writer."""

    def __init__(self, folder: Path | None = None):
        self.slot = Slot.new(folder)
        self.writer = AutosaveWriter()

    @property
    def path(self) -> Path:
        return self.slot.path

    @property
    def busy(self) -> bool:
        return self.writer.busy

    @property
    def error(self) -> OSError | None:
        return self.writer.error

    def save(self, session) -> None:
        """Write `session` (an immutable snapshot) in the background."""
        try:
            locked = self.slot.acquire()
        except OSError as e:  # cannot create the folder
            self.writer.error = e
            return
        if locked:
            self.writer.submit(self.slot.path, session)
        else:
            self.writer.error = OSError(  # (its reason a core.tr.Text: the window says it in the UI language)
                msg(QT_TRANSLATE_NOOP("Autosaver", "cannot lock {path}"), "Autosaver", path=self.slot.lock_path)
            )

    def wait(self, timeout: float | None = None) -> bool:
        return self.writer.wait(timeout)

    def clear(self) -> None:
        """The work is safe elsewhere (saved, or explicitly discarded): no autosave to offer.  Keeps the lock."""
        self.writer.cancel()
        self._quietly(self.slot.delete_file)

    def take_over(self, slot: Slot) -> None:
        """Make a claimed orphan this document's autosave: its file stays until the next autosave replaces it."""
        self.writer.cancel()
        old, self.slot = self.slot, slot
        self._quietly(lambda: old.release(delete=True))

    def close(self) -> None:
        """The document is closed: cancel any write, delete the file, release the lock."""
        self.writer.cancel()
        self._quietly(lambda: self.slot.release(delete=True))

    @staticmethod
    def _quietly(action) -> None:
        try:
            action()
        except OSError:
            pass
