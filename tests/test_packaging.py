"""Install it and double-click it without a source checkout.

Fast (default run): main.py started by a Python without the dependencies re-runs itself with the project's .venv, and
without a .venv sets one up where the user can follow it, or says why it cannot (never a bare traceback).

Slow (--slow; `make test-packaging` runs them after `make dist`):
- the wheel carries the icons and the .desktop, and works installed in a fresh venv (no source checkout);
- the PyInstaller archive unpacked in a temporary folder runs `fit --json`, opens its window, installs its launcher.

"A Python without the dependencies" is a real one: the interpreter the project's venv was made from (or
/usr/bin/python3), checked to lack PySide6, started with -I so nothing from the environment leaks in.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import re
import shlex
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from thermogui import __version__, desktop

ROOT = Path(__file__).resolve().parent.parent
BOOK_LOSS = "2.927648"  # the book's final loss after 5000 epochs on 0.1 * t_u
WINDOW_ICON_PROBE = """
import thermogui
from thermogui.app import create_window
w = create_window()
print("thermogui-from", thermogui.__file__)
print("icon-null", w.windowIcon().isNull())
w.files.mark_saved()
w.close()
"""


def _load_main_py():
    spec = importlib.util.spec_from_file_location("thermogui_main_py", ROOT / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bare_python() -> list[str]:
    """A real Python 3.10+ that cannot import PySide6: the venv's base interpreter, else the system's python3."""
    probe = "import importlib.util as u, sys; print(u.find_spec('PySide6') is None and sys.version_info >= (3, 10))"
    for candidate in (getattr(sys, "_base_executable", ""), "/usr/bin/python3", shutil.which("python3") or ""):
        if candidate and os.path.exists(candidate) and Path(candidate).resolve() != Path(sys.executable).resolve():
            out = subprocess.run([candidate, "-I", "-c", probe], capture_output=True, text=True, timeout=60)
            if out.stdout.strip() == "True":
                return [candidate, "-I"]
    return [sys.executable, "-I", "-S"]  # (no site-packages at all: no PySide6 either)


def _project_copy(tmp_path: Path) -> Path:
    """The source layout a user has after a clone: main.py, pyproject.toml, constraints.txt, thermogui/."""
    proj = tmp_path / "ThermoGUI checkout"
    proj.mkdir()
    for name in ("main.py", "pyproject.toml", "constraints.txt", "README.md", "Makefile"):
        shutil.copy2(ROOT / name, proj / name)
    shutil.copytree(ROOT / "thermogui", proj / "thermogui", ignore=shutil.ignore_patterns("__pycache__"))
    return proj


def _session_env(tmp_path: Path, **extra) -> dict[str, str]:
    """Roughly what a double-click gets: a home, no venv, no PYTHONPATH; and a pip that cannot reach any index (so a
    set-up fails at once, as without a network)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY", STAGE)
        and not k.startswith("PIP_")
    }
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PIP_CONFIG_FILE=os.devnull,
        PIP_NO_INDEX="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    (tmp_path / "home").mkdir(exist_ok=True)
    env.update(extra)
    return env


def _fake_tools(folder: Path, *names: str) -> Path:
    """Stand-ins for notify-send, zenity, xterm…: each records its arguments (one per line) in <name>.calls; a fake
    terminal then runs the command it was given, as a real one would."""
    folder.mkdir(exist_ok=True)
    for name in names:
        runs = 'if [ "$1" = "-e" ] || [ "$1" = "--" ]; then shift; exec "$@"; fi' if name in TERMINALS else ""
        script = folder / name
        script.write_text(f'#!/bin/sh\n{{ printf "%s\\n" "$@"; echo ---; }} >> "{folder / name}.calls"\n{runs}\n')
        script.chmod(0o755)
    return folder


STAGE = "THERMOGUI_MAIN_STAGE"
TERMINALS = ("x-terminal-emulator", "gnome-terminal", "konsole", "xterm")


# ---- main.py: fast ------------------------------------------------------------------------------------------------


def test_main_py_set_up_is_the_makefiles():
    main_py = _load_main_py()
    recipe = re.search(r"^\$\(STAMP\):.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M).group(1)
    pip_line = next(line for line in recipe.splitlines() if "pip install" in line)
    make_args = [a for a in shlex.split(pip_line.split("$(PY)", 1)[1]) if a != "-q"]
    assert make_args == main_py.PIP_INSTALL
    assert re.search(r"^STAMP\s*:=\s*\$\(VENV\)/\.installed$", (ROOT / "Makefile").read_text(), re.M)
    assert Path(main_py.STAMP) == ROOT / ".venv" / ".installed" and Path(main_py.VENV) == ROOT / ".venv"
    assert main_py.TERMINALS[0][0] == "x-terminal-emulator" and TERMINALS == tuple(n for n, _ in main_py.TERMINALS)


def test_main_py_imports_only_the_standard_library():
    """A bare python3 imports it (nothing runs on import) without loading anything from site-packages."""
    bare = _bare_python()
    code = (
        "import runpy, sys; before = set(sys.modules); runpy.run_path(sys.argv[1], run_name='probe'); "
        "new = set(sys.modules) - before; "
        "print(sorted(m for m in new if m.split('.')[0] not in sys.stdlib_module_names))"
    )
    out = subprocess.run(bare + ["-c", code, str(ROOT / "main.py")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stdout + out.stderr


def test_main_py_reruns_itself_with_the_venv(tmp_path):
    """A Python without PySide6 & co. starts main.py --version; main.py re-runs itself with .venv, which answers."""
    proj = _project_copy(tmp_path)
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(proj / ".venv")], check=True, timeout=120)
    venv_site = next((proj / ".venv" / "lib").glob("python3*/site-packages"))
    (venv_site / "project_deps.pth").write_text(site.getsitepackages()[0] + "\n")  # the heavy deps, borrowed
    (proj / ".venv" / ".installed").touch()
    venv_python = proj / ".venv" / "bin" / "python"

    env = _session_env(tmp_path, THERMOGUI_MAIN_VERBOSE="1")
    out = subprocess.run(
        _bare_python() + [str(proj / "main.py"), "--version"],
        cwd=tmp_path / "home",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"thermogui {__version__}"
    assert f"re-running with {venv_python} (venv)" in out.stderr
    assert f"starting with {venv_python}" in out.stderr
    assert "Traceback" not in out.stderr


def _assert_clear_failure(text: str, proj: Path) -> None:
    assert "Traceback" not in text
    assert "ThermoGUI could not set itself up: installing the dependencies into" in text
    assert f"cd {proj} && make setup" in text


def test_main_py_without_venv_says_why_it_cannot_set_up(tmp_path):
    """No .venv, no desktop, no terminal, no index to install from: a clear message on stderr and exit code 1."""
    proj = _project_copy(tmp_path)
    env = _session_env(tmp_path)
    out = subprocess.run(
        _bare_python() + [str(proj / "main.py")],
        cwd=tmp_path / "home",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    _assert_clear_failure(out.stderr, proj)
    log = tmp_path / "cache" / "thermogui" / "setup.log"
    assert f"Details: {log}" in out.stderr and "==> creating" in log.read_text()
    assert "ERROR: " in out.stderr  # pip's own reason, quoted from the log


def test_main_py_set_up_shows_notifications_on_a_desktop(tmp_path):
    """On a desktop without a terminal emulator: a notification when the set-up starts, and one for the failure —
    here main.py copied out of its checkout (no constraints.txt beside it), which fails before any venv is made."""
    proj = _project_copy(tmp_path)
    (proj / "constraints.txt").unlink()
    tools = _fake_tools(tmp_path / "bin", "notify-send")
    env = _session_env(tmp_path, DISPLAY=":99", PATH=str(tools))
    out = subprocess.run(
        _bare_python() + [str(proj / "main.py")],
        cwd=tmp_path / "home",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 1
    reason = f"ThermoGUI could not set itself up: {proj} is not a ThermoGUI source folder (constraints.txt is missing)"
    assert reason in out.stderr and "Traceback" not in out.stderr
    calls = (tools / "notify-send.calls").read_text().split("---\n")
    assert "First start: installing PySide6 and torch" in calls[0]
    assert "-u\ncritical" in calls[1] and reason in calls[1]
    assert not (proj / ".venv").exists()


def test_main_py_sets_up_in_a_terminal_window(tmp_path):
    """On a desktop with a terminal emulator, the set-up runs in a terminal window, where its failure is shown."""
    proj = _project_copy(tmp_path)
    tools = _fake_tools(tmp_path / "bin", "xterm", "notify-send")
    env = _session_env(tmp_path, DISPLAY=":99", PATH=str(tools))
    bare = _bare_python()
    out = subprocess.run(
        bare + [str(proj / "main.py"), "fit"],
        cwd=tmp_path / "home",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert out.returncode == 0, out.stderr  # the terminal took over
    args = (tools / "xterm.calls").read_text().splitlines()
    assert args[0] == "-e" and args[2] == str(proj / "main.py") and args[3] == "--thermogui-setup-in-terminal"
    assert args[-2] == "fit"  # (the user's arguments go along)
    assert "Setting up" in out.stdout and "==> creating" in out.stdout  # pip's progress is on the terminal
    _assert_clear_failure(out.stdout, proj)
    assert "Press Enter to close this window." in out.stdout
    assert not (tools / "notify-send.calls").exists()
    assert "Traceback" not in out.stderr


# ---- the bundle's trimming rules ------------------------------------------------------------------------------------


def test_trim_rules():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import trim
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    kept = [
        "torch/bin/torch_shm_manager",
        "torch/lib/libtorch_cpu.so",
        "torch/lib/libgomp.so.1",
        "torch/testing/_comparison.py",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "thermogui/resources/icons/thermogui-16.png",
        "thermogui/resources/i18n/thermogui_de.qm",
    ]
    dropped = [
        "torch/bin/test_api",
        "torch/bin/protoc",
        "torch/include/ATen/ATen.h",
        "torch/test/Dict_test",
        "torch/lib/libtorchbind_test.so",
        "torch/lib/libjitbackend_test.so",
        "torch/share/cmake/x.cmake",
    ]
    assert all(trim.keep(n) for n in kept)
    assert not any(trim.keep(n) for n in dropped)
    assert trim.keep("torch\\lib\\c10.dll") and not trim.keep("torch\\include\\c10\\macros.h")  # (Windows names)


# ---- the wheel: slow ------------------------------------------------------------------------------------------------


def _deps_folder(target: Path) -> Path:
    """The project venv's site-packages as symlinks, minus thermogui itself: the heavy dependencies for a fresh venv
    without downloading torch again, and without the checkout's editable install of thermogui."""
    target.mkdir()
    for entry in Path(site.getsitepackages()[0]).iterdir():
        name = entry.name.lower()
        if name.startswith(("thermogui", "__editable__", "pip")) or name.endswith(".pth"):
            continue
        (target / entry.name).symlink_to(entry)
    return target


@pytest.mark.slow
def test_wheel_in_a_fresh_venv(tmp_path):
    """`pip wheel .` carries the icons and the .desktop; installed in a fresh venv it runs, fits, installs its
    launcher and shows its icon, with no source checkout in sight.

    Isolation: a new venv (no --system-site-packages) into which pip installs the wheel normally, resolving its
    dependencies there. The heavy ones (torch, PySide6, …) are not downloaded again: a .pth file puts a folder of
    symlinks to the project venv's packages (without thermogui and its editable hook) on the fresh venv's path, and
    pip sees them as installed; `--no-index` proves nothing else was needed."""
    wheels = tmp_path / "wheels"
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", str(wheels)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    (wheel,) = wheels.glob("thermogui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"thermogui/resources/thermogui.svg", "thermogui/resources/thermogui.desktop"}
    expected |= {f"thermogui/resources/icons/thermogui-{s}.png" for s in desktop.ICON_SIZES}
    assert expected <= names, sorted(expected - names)

    venv = tmp_path / "fresh venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300, capture_output=True)
    python, bindir = venv / "bin" / "python", venv / "bin"
    venv_site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (venv_site / "borrowed_deps.pth").write_text(str(_deps_folder(tmp_path / "deps")) + "\n")
    # this pip, working on the fresh venv (pip --python): the dependencies are resolved there, offline
    out = subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-index", wheel],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr

    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "xdg data"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(data), QT_QPA_PLATFORM="offscreen")

    def run(argv, **kw):
        return subprocess.run(
            [str(a) for a in argv],
            cwd=home,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
            **kw,
        )

    out = run([bindir / "thermogui", "--version"])
    assert out.returncode == 0 and out.stdout.strip() == f"thermogui {__version__}", out.stderr
    out = run([bindir / "thermogui-cli", "fit", "--json"])
    assert out.returncode == 0, out.stderr
    assert f"{json.loads(out.stdout)['loss']:.6f}" == BOOK_LOSS

    out = run([bindir / "thermogui", "install-desktop"])
    assert out.returncode == 0, out.stdout + out.stderr
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(data / "applications" / "thermogui.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    argv = desktop.parse_exec(entry["Exec"])
    assert argv == [str(bindir / "thermogui")] and entry["TryExec"] == str(bindir / "thermogui")
    icons = data / "icons" / "hicolor"
    assert entry["Icon"] == "thermogui"
    assert (icons / "scalable" / "apps" / "thermogui.svg").read_bytes() == desktop.icon_path().read_bytes()
    for s in desktop.ICON_SIZES:
        assert (icons / f"{s}x{s}" / "apps" / "thermogui.png").read_bytes() == desktop.icon_path(s).read_bytes()
    out = run(argv + ["--version"])
    assert out.returncode == 0 and "thermogui" in out.stdout

    out = run([python, "-c", WINDOW_ICON_PROBE])
    assert out.returncode == 0, out.stderr
    assert f"thermogui-from {venv_site / 'thermogui' / '__init__.py'}" in out.stdout  # the wheel's, not the checkout's
    assert "icon-null False" in out.stdout, out.stdout + out.stderr


# ---- the bundle: slow (needs `make dist` first; `make test-packaging` does both) ---------------------------------


@pytest.mark.slow
def test_bundle_archive_runs_unpacked():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import build
        import check_bundle
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    archive = build.archive_path()
    if not archive.is_file():
        pytest.skip(f"{archive.relative_to(ROOT)} is not built: `make dist` (or `make test-packaging`)")
    assert check_bundle.check(archive) == []
