"""Reading a user's file safely: regular files only (a FIFO or a device would block or never end), at most a stated
size, decoded as UTF-8 with the place of a bad byte named.  No Qt, no torch."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from thermogui.core.errors import UserError

MAX_FILE_BYTES = 256 * 1024 * 1024  # 256 MB: ~10 million readings as CSV


class FileRefused(UserError):
    """A file that is not read at all (a special file, too large, not text)."""


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.  Raises FileRefused (special file, too large) or OSError.

    The type and size are checked on the opened file (no race with a swap between check and read), and never more
    than `max_bytes + 1` bytes are read, whatever the file claims."""
    p = Path(path)
    if str(path) == "":
        raise FileRefused("no file name given")
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens without waiting for a writer
    try:
        st = os.fstat(fd)  # (before fdopen, which refuses a folder with a bare IsADirectoryError)
    except OSError:
        os.close(fd)
        raise
    if stat.S_ISDIR(st.st_mode):
        os.close(fd)
        raise FileRefused(f"{p.name} is a folder, not a file")
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(st.st_mode):
            kind = (
                "a named pipe (FIFO)"
                if stat.S_ISFIFO(st.st_mode)
                else "a device"
                if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a socket"
                if stat.S_ISSOCK(st.st_mode)
                else "not a regular file"
            )
            raise FileRefused(f"{p.name} is {kind}; only regular files can be read")
        if st.st_size > max_bytes:
            raise FileRefused(
                f"{p.name} is {st.st_size / 1e6:,.0f} MB; files up to {max_bytes / 1e6:,.0f} MB can be read"
            )
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileRefused(f"{p.name} is larger than {max_bytes / 1e6:,.0f} MB; files up to that size can be read")
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB: an image, an archive, a program — not a text file."""
    return b"\x00" in data[:8192]


def read_text(path: str | os.PathLike, what: str = "a text file", max_bytes: int = MAX_FILE_BYTES) -> str:
    """A regular file's text (UTF-8, a BOM dropped).  Raises FileRefused with the reason, or OSError."""
    data = read_bytes(path, max_bytes)
    name = Path(path).name
    if looks_binary(data):
        raise FileRefused(f"{name} is a binary file, not {what}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise FileRefused(
            f"{name} is not UTF-8 text (byte {e.start + 1}, line {line}); save it as UTF-8 ({what})"
        ) from None
    return text.removeprefix("\ufeff")
