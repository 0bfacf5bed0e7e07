"""Reading a user's file safely: regular files only (a FIFO or a device would block or never end), at most a stated
size, decoded as UTF-8 with the place of a bad byte named.  No Qt, no torch.

The refusals are core.tr.Text (English str; the window shows them in the UI language, context "safeio")."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from thermogui.core.errors import UserError
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

MAX_FILE_BYTES = 256 * 1024 * 1024  # 256 MB: ~10 million readings as CSV


class FileRefused(UserError):
    """A file that is not read at all (a special file, too large, not text)."""


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.  Raises FileRefused (special file, too large) or OSError.

    The type and size are checked on the opened file (no race with a swap between check and read), and never more
    than `max_bytes + 1` bytes are read, whatever the file claims."""
    p = Path(path)
    if str(path) == "":
        raise FileRefused(msg(QT_TRANSLATE_NOOP("safeio", "no file name given"), "safeio"))
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens without waiting for a writer
    try:
        st = os.fstat(fd)  # (before fdopen, which refuses a folder with a bare IsADirectoryError)
    except OSError:
        os.close(fd)
        raise
    if stat.S_ISDIR(st.st_mode):
        os.close(fd)
        raise FileRefused(msg(QT_TRANSLATE_NOOP("safeio", "{name} is a folder, not a file"), "safeio", name=p.name))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(st.st_mode):
            kind = (
                QT_TRANSLATE_NOOP("safeio", "a named pipe (FIFO)")
                if stat.S_ISFIFO(st.st_mode)
                else QT_TRANSLATE_NOOP("safeio", "a device")
                if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else QT_TRANSLATE_NOOP("safeio", "a socket")
                if stat.S_ISSOCK(st.st_mode)
                else QT_TRANSLATE_NOOP("safeio", "not a regular file")
            )
            raise FileRefused(
                msg(
                    QT_TRANSLATE_NOOP("safeio", "{name} is {kind}; only regular files can be read"),
                    "safeio",
                    name=p.name,
                    kind=msg(kind, "safeio"),
                )
            )
        if st.st_size > max_bytes:
            raise FileRefused(
                msg(
                    QT_TRANSLATE_NOOP("safeio", "{name} is {size} MB; files up to {limit} MB can be read"),
                    "safeio",
                    name=p.name,
                    size=f"{st.st_size / 1e6:,.0f}",
                    limit=f"{max_bytes / 1e6:,.0f}",
                )
            )
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileRefused(
            msg(
                QT_TRANSLATE_NOOP("safeio", "{name} is larger than {limit} MB; files up to that size can be read"),
                "safeio",
                name=p.name,
                limit=f"{max_bytes / 1e6:,.0f}",
            )
        )
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB: an image, an archive, a program — not a text file."""
    return b"\x00" in data[:8192]


A_TEXT_FILE = msg(QT_TRANSLATE_NOOP("safeio", "a text file"), "safeio")


def read_text(path: str | os.PathLike, what: str = A_TEXT_FILE, max_bytes: int = MAX_FILE_BYTES) -> str:
    """A regular file's text (UTF-8, or UTF-16 with its byte-order mark; a BOM dropped).  Raises FileRefused with the
    reason, or OSError.  `what` names the kind of file expected (a core.tr.Text names it in the UI language too)."""
    data = read_bytes(path, max_bytes)
    name = Path(path).name
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM: a spreadsheet's "Unicode text"
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as e:
            raise FileRefused(
                msg(
                    QT_TRANSLATE_NOOP("safeio", "{name} is not UTF-16 text (byte {byte}); save it as UTF-8 ({what})"),
                    "safeio",
                    name=name,
                    byte=e.start + 3,
                    what=what,
                )
            ) from None
    if looks_binary(data):
        raise FileRefused(
            msg(QT_TRANSLATE_NOOP("safeio", "{name} is a binary file, not {what}"), "safeio", name=name, what=what)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise FileRefused(
            msg(
                QT_TRANSLATE_NOOP(
                    "safeio", "{name} is not UTF-8 text (byte {byte}, line {line}); save it as UTF-8 ({what})"
                ),
                "safeio",
                name=name,
                byte=e.start + 1,
                line=line,
                what=what,
            )
        ) from None
    return text.removeprefix("\ufeff")
