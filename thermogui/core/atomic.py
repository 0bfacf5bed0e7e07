"""Atomic file writes: write a temporary file beside the target, fsync, then rename over it.

The temporary file is ``.NAME.XXXXXXXX.tmp`` (``tempfile.mkstemp``'s eight random characters) in the target's folder.
A process killed mid-write leaves it behind; the next save of the same target removes such leftovers, and
`remove_stale_temps_in` clears a whole folder (the autosave folder, at start).  A leftover is removed only when its
writer is gone: while writing, the writer holds an exclusive ``flock`` on its temporary file, which the kernel drops
when the process dies (in any PID namespace, so a container's "pid 1" is no problem).  Where there is no ``flock``
(Windows) or the file system refuses it, a temporary file counts as left over once it is `STALE_TEMP_SECONDS` old
(and Windows cannot delete a file another process still has open anyway).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import threading
import time
from pathlib import Path

from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

STALE_TEMP_SECONDS = 60.0  # without flock: how old a temporary file must be to count as left over
_TEMP_TAIL = r"\.[a-z0-9_]{8}\.tmp"  # mkstemp's random part (its alphabet is a-z, 0-9, _) and our suffix
_in_flight: set[str] = set()  # this process's temporary files being written (never removed as leftovers)
_in_flight_lock = threading.Lock()


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    # through a symbolic link to the file it points at: replacing the link itself would cut it
    target = Path(os.path.realpath(path))
    fd, tmp = _new_temp(target)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if target.exists():
                try:
                    os.chmod(tmp, target.stat().st_mode & 0o7777)
                except OSError:
                    pass
            else:
                os.chmod(tmp, 0o644)
            if fcntl is not None:  # renamed while still open and locked: no cleaner ever sees it unlocked
                os.replace(tmp, target)
        if fcntl is None:  # (Windows cannot rename a file that is open)
            os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        with _in_flight_lock:
            _in_flight.discard(tmp)
    _fsync_dir(target.parent)
    try:
        remove_stale_temps(target)
    except OSError:  # tidying up never fails a save that worked
        pass


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _new_temp(target: Path) -> tuple[int, str]:
    """A new temporary file beside `target`, open and locked (flock) by us; registered as in flight."""
    for _ in range(8):
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
        with _in_flight_lock:
            _in_flight.add(tmp)
        if fcntl is None:
            return fd, tmp
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a cleaner got to it between mkstemp and flock: it removes it; take another
            pass
        except OSError:  # no flock on this file system: cleaners fall back to the file's age
            return fd, tmp
        else:
            if os.fstat(fd).st_nlink > 0:  # (still linked: no cleaner removed it before we locked it)
                return fd, tmp
        with _in_flight_lock:
            _in_flight.discard(tmp)
        os.close(fd)
    raise OSError(
        msg(
            QT_TRANSLATE_NOOP("atomic", "could not create a temporary file in {folder}"), "atomic", folder=target.parent
        )
    )


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after saving keeps the new file); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- leftovers of killed writes ------------------------------------------------------------------------------------
def temp_pattern(name: str | None = None) -> re.Pattern:
    """The names of our temporary files for the target `name` (for any target if None)."""
    return re.compile(r"\." + (re.escape(name) if name is not None else r".+") + _TEMP_TAIL + r"\Z", re.DOTALL)


def remove_stale_temps(target: str | os.PathLike) -> list[Path]:
    """Remove the temporary files that killed writes of `target` left beside it; returns what was removed."""
    target = Path(os.path.realpath(target))
    return _remove_matching(target.parent, temp_pattern(target.name))


def remove_stale_temps_in(folder: str | os.PathLike) -> list[Path]:
    """Remove every temporary file of ours in `folder` whose writer is gone (for a folder only we write in)."""
    return _remove_matching(Path(folder), temp_pattern())


def _remove_matching(folder: Path, pattern: re.Pattern) -> list[Path]:
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(".") and pattern.match(entry.name) and _remove_if_abandoned(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _remove_if_abandoned(path: Path) -> bool:
    with _in_flight_lock:
        if str(path) in _in_flight:
            return False
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):  # never follow or remove a link or anything else that matches the name
        return False
    old = time.time() - st.st_mtime > STALE_TEMP_SECONDS
    if fcntl is None:
        return old and _unlink(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # its writer is alive and writing
        except OSError:  # no flock here: go by age
            return old and _same_file(fd, path) and _unlink(path)
        # we hold its lock: its writer is gone, and a writer that has just created it sees it unlinked and retries
        return _same_file(fd, path) and _unlink(path)
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _unlink(path: Path) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    return True
