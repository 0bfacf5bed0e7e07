"""The double-click launcher: shipped icon and .desktop file, install-desktop / uninstall-desktop for this user."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from thermogui import desktop

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "thermogui" / "resources"  # package data, shipped in the wheel and the bundle
VALIDATOR = shutil.which("desktop-file-validate")


def _need_validator():
    if VALIDATOR:
        return
    message = "desktop-file-validate is not installed (apt-get install -y desktop-file-utils)"
    if os.environ.get("CI"):
        pytest.fail(message + " -- CI must have it")
    pytest.skip(message)


def _validate(path: Path) -> None:
    """desktop-file-validate accepts the file: exit 0 and no errors or warnings (hints are advice only)."""
    _need_validator()
    out = subprocess.run([VALIDATOR, str(path)], capture_output=True, text=True)
    problems = [ln for ln in (out.stdout + out.stderr).splitlines() if "error:" in ln or "warning:" in ln]
    assert out.returncode == 0 and not problems, out.stdout + out.stderr


def _entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _png_size(path: Path) -> tuple[int, int, int]:
    head = path.read_bytes()[:29]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    length, kind, width, height, _depth, color_type = struct.unpack(">I4sIIBB", head[8:26])
    assert kind == b"IHDR" and length == 13
    return width, height, color_type


def _launcher_env(home: Path) -> dict[str, str]:
    """Roughly what a desktop session gives a launcher: a home, no PYTHONPATH, no venv activation."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    env.pop("XDG_DATA_HOME", None)
    return env


def _run_exec_version(entry_file: Path, home: Path) -> str:
    """Run the entry's Exec= with %F dropped and --version appended, from an unrelated folder."""
    argv = desktop.parse_exec(_entry(entry_file)["Exec"])
    assert Path(argv[0]).is_absolute(), argv
    out = subprocess.run(
        argv + ["--version"], cwd=home, env=_launcher_env(home), capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout + out.stderr


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DESKTOP_DIR", raising=False)
    return home


# ---- shipped files --------------------------------------------------------------------------------------------------


def test_shipped_desktop_file_validates():
    _validate(RESOURCES / "thermogui.desktop")


def test_shipped_desktop_file_keys():
    e = _entry(RESOURCES / "thermogui.desktop")
    assert e["Type"] == "Application" and e["Name"] == "ThermoGUI" and e["GenericName"] and e["Comment"]
    assert e["Exec"] == "thermogui %F" and e["Icon"] == "thermogui" and e["Terminal"] == "false"
    assert e["Categories"] == "Education;Science;" and "text/csv" in e["MimeType"].split(";")
    assert e["StartupWMClass"] == desktop.APP_ID == "thermogui"


@pytest.mark.parametrize("size", desktop.ICON_SIZES)
def test_png_icon_has_its_pixel_size(size):
    path = RESOURCES / "icons" / f"thermogui-{size}.png"
    assert path.is_file()
    assert _png_size(path) == (size, size, 6)  # square RGBA


def test_svg_icon_is_square_svg():
    root = ET.parse(RESOURCES / "thermogui.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == h > 0


def test_icon_paths_for_the_gui():
    assert desktop.resources_dir() == RESOURCES
    assert desktop.icon_path() == RESOURCES / "thermogui.svg"
    assert desktop.icon_path(16) == RESOURCES / "icons" / "thermogui-16.png"
    assert desktop.icon_path(20).name == "thermogui-24.png"
    assert desktop.icon_path(4096).name == "thermogui-512.png"
    assert all(desktop.icon_path(s).is_file() for s in desktop.ICON_SIZES)


def test_resources_come_from_the_package():
    """importlib.resources finds them inside the package (what a wheel and the bundle carry), not the checkout."""
    import thermogui

    assert desktop.resources_dir() == Path(thermogui.__file__).resolve().parent / "resources"
    assert desktop.desktop_template_path() == RESOURCES / "thermogui.desktop"
    top = ROOT / "resources"  # the repo's top-level resources/ is a link to the one copy in the package
    assert not top.exists() or (top.is_symlink() and top.resolve() == RESOURCES.resolve())


def test_icon_sizes_match_the_render_tool():
    text = (ROOT / "tools" / "render_icons.py").read_text(encoding="utf-8")
    sizes = re.search(r"^SIZES = \(([^)]*)\)", text, re.M).group(1)
    assert tuple(int(v) for v in sizes.split(",") if v.strip()) == desktop.ICON_SIZES
    assert sorted(p.name for p in (RESOURCES / "icons").iterdir()) == sorted(
        f"thermogui-{s}.png" for s in desktop.ICON_SIZES
    )


WINDOW_ICON_PROBE = """
from thermogui.app import create_window
w = create_window()
print("icon-null", w.windowIcon().isNull())
w.files.mark_saved()
w.close()
"""


def test_window_has_the_icon():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", WINDOW_ICON_PROBE], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert "icon-null False" in out.stdout, out.stdout + out.stderr


def test_desktop_module_does_not_import_qt():
    code = "import sys, thermogui.desktop; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stdout + out.stderr


# ---- Exec= quoting --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["/usr/bin/thermogui"],
        ["/home/a b/venv/bin/python", "-m", "thermogui"],
        ['/opt/we"ird $HOME `x` \\ 100%/python', "/tmp/main.py"],
        ["/tmp/tab\there/python", "/tmp/it's;(here)&*?#<>|~"],
    ],
)
def test_exec_quoting_round_trips(argv):
    assert desktop.parse_exec(desktop.exec_value(argv)) == argv


def test_exec_quoting_follows_the_spec():
    assert desktop.exec_value(["/usr/bin/thermogui"]) == "/usr/bin/thermogui %F"
    assert desktop.exec_value(["/a b/python", "-m", "thermogui"]) == '"/a b/python" -m thermogui %F'
    # a backslash is escaped once for the Exec= quoting and once more as a key-file string
    assert desktop.exec_value(["/x\\y"]) == '"/x\\\\\\\\y" %F'
    assert desktop.exec_value(["/100%"]) == "/100%% %F"
    assert desktop.parse_exec("thermogui %F") == ["thermogui"]


def test_entry_with_awkward_paths_validates(tmp_path):
    path = tmp_path / "thermogui.desktop"
    path.write_text(desktop.desktop_entry(["/opt/my apps/$v/py`thon", "/srv/a\\b/main.py"]), encoding="utf-8")
    _validate(path)


# ---- install / uninstall --------------------------------------------------------------------------------------------


def _installed(data: Path, desktop_folder: Path | None) -> list[Path]:
    icons = data / "icons" / "hicolor"
    files = [data / "applications" / "thermogui.desktop", icons / "scalable" / "apps" / "thermogui.svg"]
    files += [icons / f"{s}x{s}" / "apps" / "thermogui.png" for s in desktop.ICON_SIZES]
    return files + ([desktop_folder / "thermogui.desktop"] if desktop_folder else [])


def test_install_and_uninstall_for_this_user(home, capsys):
    (home / "Desktop").mkdir()
    data = home / "data"
    assert desktop.install() == 0
    printed = capsys.readouterr().out
    files = _installed(data, home / "Desktop")
    for f in files:
        assert f.is_file(), f
        assert str(f) in printed
    for s in desktop.ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / "thermogui.png").read_bytes() == desktop.icon_path(
            s
        ).read_bytes()
    entry_file = data / "applications" / "thermogui.desktop"
    _validate(entry_file)
    e = _entry(entry_file)
    assert e["Icon"] == "thermogui" and e["Exec"].endswith(" %F")
    assert Path(e["TryExec"]).is_absolute() and os.access(e["TryExec"], os.X_OK)
    on_desktop = home / "Desktop" / "thermogui.desktop"
    assert os.access(on_desktop, os.X_OK) and on_desktop.read_bytes() == entry_file.read_bytes()
    assert "thermogui" in _run_exec_version(entry_file, home)

    assert desktop.uninstall() == 0
    assert not any(f.exists() for f in files)
    assert desktop.uninstall() == 0  # nothing left: still fine


def test_install_without_desktop_folder_writes_only_the_menu_entry(home):
    assert desktop.desktop_dir() is None
    assert desktop.install() == 0
    assert all(f.is_file() for f in _installed(home / "data", None))
    assert not (home / "Desktop").exists()
    desktop.uninstall()


def test_desktop_folder_follows_user_dirs(home):
    (home / "Bureau").mkdir()
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('# xdg\nXDG_DESKTOP_DIR="$HOME/Bureau"\n')
    assert desktop.desktop_dir() == home / "Bureau"
    if shutil.which("xdg-user-dir"):  # same answer as the freedesktop tool
        out = subprocess.run(["xdg-user-dir", "DESKTOP"], capture_output=True, text=True, env=dict(os.environ))
        assert Path(out.stdout.strip()) == home / "Bureau"
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DESKTOP_DIR="$HOME/"\n')  # "no desktop"
    assert desktop.desktop_dir() is None


def test_source_checkout_launcher_runs_main_py(home, monkeypatch):
    """When the interpreter cannot import this copy on its own, the launcher runs this checkout's main.py."""
    monkeypatch.setattr(desktop, "_imports_this_package", lambda python: False)
    argv = desktop.launch_command()
    assert argv == [str(Path(sys.executable).absolute()), str(ROOT / "main.py")]
    out = subprocess.run(
        argv + ["--version"], cwd=home, env=_launcher_env(home), capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0 and "thermogui" in out.stdout


def test_bundle_launcher_runs_the_bundle(home, monkeypatch):
    """In a PyInstaller bundle (sys.frozen) Exec= is the bundle's own binary, which runs both the window and `fit`."""
    binary = home / "opt" / "ThermoGUI 0.1" / "ThermoGUI"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(binary))
    assert desktop.launch_command() == [str(binary)]
    assert desktop.install() == 0
    e = _entry(home / "data" / "applications" / "thermogui.desktop")
    assert desktop.parse_exec(e["Exec"]) == [str(binary)] and e["TryExec"] == str(binary)
    desktop.uninstall()


def test_install_desktop_command(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = _launcher_env(home)
    run = [sys.executable, "-m", "thermogui"]
    out = subprocess.run(run + ["install-desktop"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = home / ".local" / "share"
    entry_file = data / "applications" / "thermogui.desktop"
    assert all(f.is_file() for f in _installed(data, None))
    assert str(entry_file) in out.stdout
    _validate(entry_file)
    assert "thermogui" in _run_exec_version(entry_file, home)

    out = subprocess.run(
        run + ["uninstall-desktop"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert not any(f.exists() for f in _installed(data, None))
