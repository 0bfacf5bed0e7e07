"""Build the self-contained app: PyInstaller (packaging/thermogui.spec), trim, pack, print the sizes.

    .venv/bin/python packaging/build.py          # what `make dist` runs (needs `pip install -e '.[dist]'`)

Linux:   dist/ThermoGUI-<version>-linux-x86_64.tar.gz   (unpacks to ThermoGUI-<version>/ThermoGUI, the binary)
Windows: dist/ThermoGUI-<version>-windows-x86_64.zip    (ThermoGUI-<version>\\ThermoGUI.exe)
macOS:   dist/ThermoGUI-<version>-macos-<arch>.tar.gz   (ThermoGUI.app)
PyInstaller works in build/pyinstaller/; only the archive is written to dist/.
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import trim  # noqa: E402

NAME = "ThermoGUI"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"


def version() -> str:
    text = (ROOT / "thermogui" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def archive_path() -> Path:
    suffix = ".zip" if sys.platform == "win32" else ".tar.gz"
    return DIST / f"{NAME}-{version()}-{platform_tag()}{suffix}"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def pack(folder: Path, out: Path, top: str) -> None:
    """Pack `folder` as `top/…` into a .tar.gz (symlinks kept) or a .zip (Windows)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    if out.suffix == ".zip":
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for path in sorted(folder.rglob("*")):
                z.write(path, f"{top}/{path.relative_to(folder).as_posix()}")
    else:
        with tarfile.open(tmp, "w:gz", compresslevel=6) as t:
            t.add(folder, arcname=top)
    tmp.replace(out)


def main() -> int:
    started = time.monotonic()
    spec = ROOT / "packaging" / "thermogui.spec"
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(WORK / "dist"),
        "--workpath",
        str(WORK / "work"),
        str(spec),
    ]
    print("$ " + " ".join(cmd), flush=True)
    if subprocess.call(cmd, cwd=ROOT) != 0:
        print("build: PyInstaller failed", file=sys.stderr)
        return 1
    built = time.monotonic()
    folder = WORK / "dist" / (f"{NAME}.app" if sys.platform == "darwin" else NAME)
    before = trim.folder_size(folder)
    print(f"built {folder.relative_to(ROOT)} in {built - started:.0f} s: {_mb(before)}; trimming", flush=True)
    trim.finish(folder)
    unpacked = trim.folder_size(folder)
    out = archive_path()
    top = f"{NAME}.app" if sys.platform == "darwin" else f"{NAME}-{version()}"
    print(f"packing {out.relative_to(ROOT)}", flush=True)
    pack(folder, out, top)
    if sys.platform == "darwin":
        shutil.rmtree(WORK / "dist" / NAME, ignore_errors=True)  # (BUNDLE's copy is the .app)
    packed = out.stat().st_size
    print(f"sizes: unpacked {_mb(unpacked)} (before trimming {_mb(before)}), packed {_mb(packed)}")
    print(f"time: PyInstaller {built - started:.0f} s, trim and pack {time.monotonic() - built:.0f} s")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
