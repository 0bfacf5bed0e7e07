"""Unpack the built archive into a temporary folder and use it as a person would, without this checkout or its venv.

    python packaging/check_bundle.py [dist/ThermoGUI-<version>-linux-x86_64.tar.gz]

Runs `ThermoGUI --version`, `ThermoGUI fit --json` (the book's run: final loss 2.927648), opens and closes the window
offscreen (THERMOGUI_STARTUP_PROBE, and THERMOGUI_BUNDLE_SELFTEST for the icon), and `install-desktop` into a
temporary XDG_DATA_HOME (Exec= is the bundle's binary, the icons are installed). Prints the sizes. Exit code 0 when
all is well. Linux only (the workflow runs `--version` and `fit --json` on Windows and macOS).
"""

from __future__ import annotations

import configparser
import json
import os
import shlex
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402
import trim  # noqa: E402

BOOK_LOSS = 2.927648


def clean_env(home: Path) -> dict[str, str]:
    """A desktop session's environment: no venv, no PYTHONPATH, nothing pointing into this checkout."""
    drop = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return env


def run(argv, env, cwd, timeout=300) -> subprocess.CompletedProcess:
    started = time.monotonic()
    out = subprocess.run(
        argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    print(
        f"$ {shlex.join(str(a) for a in argv)}  -> exit {out.returncode} in {time.monotonic() - started:.1f} s",
        flush=True,
    )
    return out


def check(archive: Path) -> list[str]:
    problems: list[str] = []

    def expect(ok: bool, what: str, out: subprocess.CompletedProcess | None = None) -> None:
        if not ok:
            problems.append(
                what + ("" if out is None else f"\n  stdout: {out.stdout[-2000:]}\n  stderr: {out.stderr[-2000:]}")
            )
            print("  FAILED: " + what, flush=True)

    with tempfile.TemporaryDirectory(prefix="thermogui-bundle-") as tmp:
        tmp = Path(tmp)
        started = time.monotonic()
        with tarfile.open(archive) as t:
            t.extractall(tmp / "unpacked", **({"filter": "tar"} if hasattr(tarfile, "data_filter") else {}))
        (top,) = list((tmp / "unpacked").iterdir())
        binary = top / build.NAME
        size = trim.folder_size(top)
        print(
            f"archive {archive.name}: packed {archive.stat().st_size / 2**20:.0f} MB, unpacked {size / 2**20:.0f} MB"
            f" ({time.monotonic() - started:.0f} s to unpack)",
            flush=True,
        )
        home = tmp / "home"
        home.mkdir()
        env = clean_env(home)
        cwd = home  # (not the checkout: nothing may come from it)

        out = run([binary, "--version"], env, cwd)
        expect(out.returncode == 0 and out.stdout.strip() == f"thermogui {build.version()}", "--version", out)

        out = run([binary, "fit", "--json"], env, cwd)
        try:
            result = json.loads(out.stdout)
        except ValueError:
            result = {}
        expect(
            out.returncode == 0 and f"{result.get('loss', float('nan')):.6f}" == f"{BOOK_LOSS:.6f}",
            f"fit --json prints the book's final loss {BOOK_LOSS}",
            out,
        )

        out = run([binary], dict(env, THERMOGUI_STARTUP_PROBE="1"), cwd, timeout=120)
        expect(out.returncode == 0 and "window-painted" in out.stdout, "the window opens and closes offscreen", out)

        out = run([binary], dict(env, THERMOGUI_BUNDLE_SELFTEST="1"), cwd, timeout=120)
        try:
            report = json.loads(out.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            report = {}
        expect(
            out.returncode == 0
            and report.get("frozen") is True
            and report.get("window_icon_null") is False
            and report.get("icon_files_present") is True
            and report.get("launch_command") == [str(binary)]
            and report.get("korean_start", "").startswith("시작")
            and report.get("notebook_cells", 0) > 3,
            f"the window has its icon, speaks Korean and exports a notebook: {report}",
            out,
        )

        data = home / "data"
        out = run([binary, "install-desktop"], dict(env, XDG_DATA_HOME=str(data)), cwd)
        entry_file = data / "applications" / "thermogui.desktop"
        expect(out.returncode == 0 and entry_file.is_file(), "install-desktop writes the launcher", out)
        if entry_file.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            parser.optionxform = str
            parser.read(entry_file, encoding="utf-8")
            entry = parser["Desktop Entry"]
            expect(
                shlex.split(entry["Exec"])[0] == str(binary) and entry["TryExec"] == str(binary),
                f"Exec= starts the bundle: {entry['Exec']}",
            )
            icons = data / "icons" / "hicolor"
            expect(
                entry["Icon"] == "thermogui"
                and (icons / "scalable" / "apps" / "thermogui.svg").is_file()
                and (icons / "128x128" / "apps" / "thermogui.png").is_file(),
                "Icon= resolves in hicolor",
            )
            exec_out = run(shlex.split(entry["Exec"].replace(" %F", "")) + ["--version"], env, cwd)
            expect(exec_out.returncode == 0, "the launcher's command runs", exec_out)
            out = run([binary, "uninstall-desktop"], dict(env, XDG_DATA_HOME=str(data)), cwd)
            expect(out.returncode == 0 and not entry_file.exists(), "uninstall-desktop removes it", out)
    return problems


def main(argv: list[str]) -> int:
    archive = Path(argv[0]) if argv else build.archive_path()
    if not archive.is_file():
        print(f"check_bundle: {archive} does not exist; build it with `make dist`", file=sys.stderr)
        return 2
    problems = check(archive)
    print("bundle OK" if not problems else f"bundle has {len(problems)} problem(s):\n" + "\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
