"""Desktop integration: the app's icon files, and a freedesktop launcher for the current user.

`thermogui install-desktop` writes, under $XDG_DATA_HOME (default ~/.local/share):
    applications/thermogui.desktop                 menu entry whose Exec= starts *this* installation
    icons/hicolor/<n>x<n>/apps/thermogui.png       one per size in ICON_SIZES
    icons/hicolor/scalable/apps/thermogui.svg
and a copy of the entry on the desktop folder if there is one. `thermogui uninstall-desktop` removes those files.
Exec= is this installation: the bundle's own binary when frozen (PyInstaller), the venv's `thermogui` script, or a
source checkout's main.py. The files come from the package data in thermogui/resources/ (see `resource_path`).
No Qt here: the GUI only asks this module where the icon files are (`icon_path`).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path

APP_ID = "thermogui"  # the .desktop file name; the GUI passes the same to QGuiApplication.setDesktopFileName
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")  # characters that force quoting in an Exec= argument
_FIELD_CODES = {"%f", "%F", "%u", "%U", "%i", "%c", "%k", "%d", "%D", "%n", "%N", "%v", "%m"}


# ---- where our files are -------------------------------------------------------------------------------------------
# The files live inside the package (thermogui/resources/: thermogui.svg, thermogui.desktop, icons/, later i18n/) and
# are found through importlib.resources, so a source checkout, an installed wheel and a PyInstaller bundle (whose
# importer serves package data from its own folder) all answer the same way.

RESOURCE_PACKAGE = "thermogui"
RESOURCE_FOLDER = "resources"
_extracted = ExitStack()  # files extracted from an importer that keeps no files on disk (a zip); kept until exit
atexit.register(_extracted.close)


def resources_dir() -> Path:
    """The folder holding thermogui.svg, thermogui.desktop, icons/ and i18n/ (thermogui/resources)."""
    root = resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_FOLDER)
    return root if isinstance(root, Path) else Path(str(root))


@cache
def resource_path(relative: str) -> Path:
    """A file of thermogui/resources ("icons/thermogui-16.png") as a real file path, for Qt and for copying."""
    node = resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_FOLDER)
    for part in relative.split("/"):
        node = node.joinpath(part)
    if isinstance(node, Path):
        return node
    if not node.is_file():  # (an importer without files on disk, and the file is not there: a path that is missing)
        return Path(str(node))
    return _extracted.enter_context(resources.as_file(node))


def icon_path(size: int | None = None) -> Path:
    """The scalable SVG icon, or the PNG of `size` px (the nearest larger one we ship, else the largest)."""
    if size is None:
        return resource_path(f"{APP_ID}.svg")
    best = next((s for s in ICON_SIZES if s >= size), ICON_SIZES[-1])
    return resource_path(f"icons/{APP_ID}-{best}.png")


def desktop_template_path() -> Path:
    """The shipped thermogui.desktop (Exec=thermogui), which desktop_entry() points at this installation."""
    return resource_path(f"{APP_ID}.desktop")


# ---- Exec= quoting (Desktop Entry Specification, "The Exec key") --------------------------------------------------


def _quote_arg(arg: str) -> str:
    arg = arg.replace("%", "%%")
    if arg and not (set(arg) & _RESERVED):
        return arg
    return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'


def _escape_value(text: str) -> str:
    """Escape a key-file string value (backslash, newline, tab, carriage return)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def exec_value(argv: list[str]) -> str:
    """The Exec= value (as written in the file) that runs `argv` followed by the dropped files (%F)."""
    return _escape_value(" ".join(_quote_arg(a) for a in argv) + " %F")


def parse_exec(value: str) -> list[str]:
    """Split an Exec= value as written in the file into argv, dropping field codes such as %F."""
    unescaped, i = [], 0
    while i < len(value):  # key-file string escapes first
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(value[i + 1], value[i + 1]))
            i += 2
        else:
            unescaped.append(c)
            i += 1
    text = "".join(unescaped)
    args: list[tuple[str, bool]] = []
    cur, quoted, in_arg, was_quoted, i = [], False, False, False, 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text):
                cur.append(text[i + 1])
                i += 1
            elif c == '"':
                quoted = False
            else:
                cur.append(c)
        elif c == '"':
            if not in_arg:
                was_quoted = True
            quoted = in_arg = True
        elif c in " \t\n":
            if in_arg:
                args.append(("".join(cur), was_quoted))
            cur, in_arg = [], False
        else:
            if not in_arg:
                was_quoted = False
            cur.append(c)
            in_arg = True
        i += 1
    if quoted:
        raise ValueError("unterminated quote in Exec=")
    if in_arg:
        args.append(("".join(cur), was_quoted))
    return [a.replace("%%", "%") for a, q in args if q or a not in _FIELD_CODES]


# ---- what the launcher runs -----------------------------------------------------------------------------------------


def _imports_this_package(python: Path) -> bool:
    """Does `python`, started from an empty folder without PYTHONPATH (as a launcher starts it), import us?"""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory() as cwd:
        try:
            out = subprocess.run(
                [str(python), "-c", "import thermogui; print(thermogui.__file__)"],
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            return False
    if out.returncode != 0 or not out.stdout.strip():
        return False
    return Path(out.stdout.strip()).resolve().parent == Path(__file__).resolve().parent


def _script_runs(script: Path, python: Path) -> bool:
    """Is `script` an executable entry-point script whose interpreter is `python`?"""
    if not (script.is_file() and os.access(script, os.X_OK)):
        return False
    try:
        with open(script, "rb") as f:
            head = f.read(512)
    except OSError:
        return False
    return head.startswith(b"#!") and any(os.fsencode(str(p)) in head for p in (python, python.resolve()))


def launch_command() -> list[str]:
    """argv (without files) that starts this installation of ThermoGUI from a desktop launcher."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its own binary is the app (and the CLI)
        return [str(Path(sys.executable).absolute())]
    python = Path(sys.executable).absolute()
    if _imports_this_package(python):
        script = python.parent / APP_ID
        return [str(script)] if _script_runs(script, python) else [str(python), "-m", APP_ID]
    main_py = Path(__file__).resolve().parent.parent / "main.py"  # a source checkout that is not pip-installed
    if main_py.is_file():
        return [str(python), str(main_py)]
    return [str(python), "-m", APP_ID]


def desktop_entry(argv: list[str]) -> str:
    """The shipped thermogui.desktop with Exec= and TryExec= pointing at `argv`."""
    lines, out = desktop_template_path().read_text(encoding="utf-8").splitlines(), []
    for line in lines:
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            out.append("Exec=" + exec_value(argv))
            out.append("TryExec=" + _escape_value(argv[0]))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


# ---- install / uninstall --------------------------------------------------------------------------------------------


def _data_home(prefix) -> Path:
    if prefix is not None:
        return Path(prefix).expanduser().absolute()
    xdg = os.environ.get("XDG_DATA_HOME", "")
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"


def desktop_dir() -> Path | None:
    """The user's desktop folder if it exists, else None.

    Same answer as `xdg-user-dir DESKTOP`: XDG_DESKTOP_DIR from $XDG_CONFIG_HOME/user-dirs.dirs, else ~/Desktop;
    a desktop set to the home folder itself means "no desktop".
    """
    home = Path.home()
    value = os.environ.get("XDG_DESKTOP_DIR", "")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "user-dirs.dirs"
    try:
        for line in config.read_text(encoding="utf-8").splitlines():
            key, sep, rest = line.strip().partition("=")
            if sep and key == "XDG_DESKTOP_DIR":
                value = rest.strip().strip('"').replace('\\"', '"')
    except (OSError, UnicodeDecodeError):
        pass
    if value == "$HOME" or value.startswith("$HOME/"):
        value = str(home) + value[len("$HOME") :]
    found = Path(value) if os.path.isabs(value) else home / "Desktop"
    if not found.is_dir() or found.resolve() == home.resolve():
        return None
    return found


def _targets(data: Path, desktop: Path | None) -> list[tuple[Path, Path | None]]:
    """(installed file, source file or None for the generated .desktop) pairs."""
    icons = data / "icons" / "hicolor"
    pairs: list[tuple[Path, Path | None]] = [(data / "applications" / f"{APP_ID}.desktop", None)]
    pairs += [(icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png", icon_path(s)) for s in ICON_SIZES]
    pairs.append((icons / "scalable" / "apps" / f"{APP_ID}.svg", icon_path()))
    if desktop is not None:
        pairs.append((desktop / f"{APP_ID}.desktop", None))
    return pairs


def _refresh_caches(data: Path) -> None:
    """Let menus and icon themes notice the change; missing tools or failures do not matter."""
    for cmd in (
        ["update-desktop-database", "-q", str(data / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(data / "icons" / "hicolor")],
    ):
        if shutil.which(cmd[0]) and Path(cmd[-1]).is_dir():
            try:
                subprocess.run(cmd, capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
            except (OSError, subprocess.SubprocessError):
                pass


def _trust(path: Path) -> None:
    """Mark a desktop-folder launcher executable and, where GNOME's gio is present, trusted."""
    path.chmod(path.stat().st_mode | 0o111)
    if shutil.which("gio"):
        try:
            subprocess.run(
                ["gio", "set", str(path), "metadata::trusted", "true"],
                capture_output=True,
                timeout=10,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError):
            pass


def install(prefix: str | os.PathLike | None = None) -> int:
    """Install the launcher and icons for the current user (`prefix` replaces $XDG_DATA_HOME). Exit code."""
    from thermogui.core.atomic import atomic_write_bytes

    if sys.platform in ("win32", "darwin"):
        print(
            "thermogui: install-desktop installs a freedesktop (Linux) launcher; nothing to do here.", file=sys.stderr
        )
        return 1
    missing = [
        p for p in [desktop_template_path(), icon_path()] + [icon_path(s) for s in ICON_SIZES] if not p.is_file()
    ]
    if missing:
        print(f"thermogui: error: missing resource file {missing[0]}", file=sys.stderr)
        return 1
    argv = launch_command()
    data = _data_home(prefix)
    desktop = desktop_dir()
    try:
        entry = desktop_entry(argv).encode("utf-8")
        for target, source in _targets(data, desktop):
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, entry if source is None else source.read_bytes())
            if desktop is not None and target.parent == desktop:
                _trust(target)
            print(f"wrote {target}")
    except UnicodeEncodeError:
        print(
            f"thermogui: error: the path {argv[0]!r} cannot be written in a .desktop file (not UTF-8)", file=sys.stderr
        )
        return 1
    except OSError as e:
        print(f"thermogui: error: cannot write {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return 1
    _refresh_caches(data)
    print(f"ThermoGUI is in the applications menu; it runs: {' '.join(argv)}")
    return 0


def uninstall(prefix: str | os.PathLike | None = None) -> int:
    """Remove exactly the files install() writes. Exit code."""
    data = _data_home(prefix)
    removed, failed = 0, 0
    for target, _ in _targets(data, desktop_dir()):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:
            print(f"thermogui: error: cannot remove {target}: {e.strerror or e}", file=sys.stderr)
            failed += 1
            continue
        removed += 1
        print(f"removed {target}")
    if removed:
        _refresh_caches(data)
    else:
        print("thermogui: no launcher installed; nothing to remove")
    return 1 if failed else 0
