"""The exported figure written out: rendered as a PNG (with its DPI and the run as text chunks) or an SVG, written
atomically to a file, or put on the clipboard.

A file that cannot be written raises ExportError with the reason in words (context "Figure"); `check_target` gives
the same reason before anything is drawn.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication, QImage

from thermogui.core.atomic import atomic_write_bytes
from thermogui.core.dataset import Dataset
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui.export.figure import Figure
from thermogui.ui.export.options import ExportError, ExportOptions


def render_figure(
    options: ExportOptions,
    data: Dataset,
    line=None,
    lstsq=None,
    loss_rows=None,
    metadata: dict | None = None,
    model=None,
    val=None,
) -> QImage:
    """The picture as a QImage carrying its DPI and the run's text chunks (the arguments as for Figure)."""
    fig = Figure(options, data, line, lstsq, loss_rows, metadata, model, val)
    try:
        return fig.image()
    finally:
        fig.close()


def render_svg(
    options: ExportOptions,
    data: Dataset,
    line=None,
    lstsq=None,
    loss_rows=None,
    metadata: dict | None = None,
    model=None,
    val=None,
) -> bytes:
    fig = Figure(options, data, line, lstsq, loss_rows, metadata, model, val)
    try:
        return fig.svg()
    finally:
        fig.close()


def png_bytes(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.WriteOnly)
    if not image.save(buf, "PNG"):
        raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "Qt could not encode the PNG"), "Figure"))
    return bytes(buf.data())


def write_bytes(path, payload: bytes) -> None:
    """Atomic write; an OSError names the reason plainly and the old file (if any) is untouched."""
    target = Path(path)
    try:
        atomic_write_bytes(target, payload)
    except OSError as e:
        raise ExportError(e.errno or errno.EIO, _reason(target, e.errno, e.strerror or str(e)), str(target)) from e


def check_target(path) -> None:
    """Refuse, before anything is drawn (or a long run trained), a target whose folder is missing or is a file, or
    that is itself a folder: ExportError with the reason write_bytes would give.  A folder without write permission
    or a full disk show only when writing."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        if parent.is_dir() and not target.is_dir():
            return
        code = errno.EISDIR if target.is_dir() else errno.ENOENT if not parent.exists() else errno.ENOTDIR
    except OSError as e:  # a name too long, a loop of links...
        code = e.errno or errno.EINVAL
    raise ExportError(code, _reason(target, code, os.strerror(code)), str(target))


def _reason(target: Path, code: int | None, fallback: str) -> str:
    """Why `target` could not be written, in words (errno `code`; a core.tr.Text: the window says it in the UI
    language, the command line in English)."""
    parent = target.parent if str(target.parent) else Path(".")
    try:
        if code == errno.ENOENT and not parent.exists():
            return msg(QT_TRANSLATE_NOOP("Figure", "the folder {folder} does not exist"), "Figure", folder=parent)
        if code == errno.ENOTDIR or (parent.exists() and not parent.is_dir()):
            return msg(
                QT_TRANSLATE_NOOP("Figure", "{file} is a file, not a folder"), "Figure", file=_first_file(parent)
            )
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return msg(QT_TRANSLATE_NOOP("Figure", "no permission to write in {folder}"), "Figure", folder=parent)
        if code in (errno.ENOSPC, errno.EDQUOT):
            return msg(QT_TRANSLATE_NOOP("Figure", "the disk is full ({folder})"), "Figure", folder=parent)
        if code == errno.EISDIR or target.is_dir():
            return msg(QT_TRANSLATE_NOOP("Figure", "{path} is a folder"), "Figure", path=target)
    except OSError:  # the name itself is unusable (too long): the system's words
        pass
    return fallback


def _first_file(path: Path) -> Path:
    """The part of `path` that exists as a file (the reason a folder cannot be created under it)."""
    for p in [path, *path.parents]:
        if p.exists():
            return p
    return path


def write_figure(
    options: ExportOptions,
    path,
    data: Dataset,
    line=None,
    lstsq=None,
    loss_rows=None,
    metadata: dict | None = None,
    model=None,
    val=None,
) -> None:
    """Render and write `path` (.png or .svg as options.format says); the arguments as for Figure."""
    if options.format == "svg":
        payload = render_svg(options, data, line, lstsq, loss_rows, metadata, model, val)
    else:
        payload = png_bytes(render_figure(options, data, line, lstsq, loss_rows, metadata, model, val))
    write_bytes(path, payload)


def format_for_path(path) -> str:
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in (".png", ".svg"):
        raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "use .png or .svg"), "Figure"))
    return ext[1:]


def copy_to_clipboard(image: QImage) -> None:
    QGuiApplication.clipboard().setImage(image)
