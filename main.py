#!/usr/bin/env python3
"""Start ThermoGUI: double-click this file, or run `python3 main.py [ARGS]` (any `thermogui` arguments:
--version, fit…).

Any python3 can start it. When that Python lacks ThermoGUI's dependencies (PySide6, torch, …), this re-runs itself
with the project's .venv; when there is no usable .venv yet, it first sets one up with the steps of `make setup`
(python3 -m venv .venv; .venv/bin/python -m pip install -c constraints.txt -e '.[test]'), showing the progress in a
terminal window (or, without one, in desktop notifications and a log file), and then starts the app. When that cannot
work, it says why in a message you can see (a dialog or notification, and stderr), never a bare traceback.

Standard library only, and nothing newer than Python 3.6 before the version check, so that any python3 can run it.
THERMOGUI_MAIN_VERBOSE=1 prints each decision on stderr.
"""

import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
STAMP = os.path.join(VENV, ".installed")  # the Makefile's $(STAMP): `make run` / `make test` then skip the set-up
# The set-up command, the same as the Makefile's $(STAMP) recipe (tests/test_packaging.py keeps the two in step).
PIP_INSTALL = ["-m", "pip", "install", "-c", "constraints.txt", "-e", ".[test]"]
REQUIRED = ("PySide6", "pyqtgraph", "numpy", "torch")  # importable means set up (find_spec: nothing gets imported)
MIN_PYTHON = (3, 10)
STAGE = "THERMOGUI_MAIN_STAGE"  # how far this start got: "venv" (re-run with .venv), "setup" (after setting it up)
IN_TERMINAL = "--thermogui-setup-in-terminal"  # private: main.py started by itself in a terminal window
TERMINALS = (("x-terminal-emulator", ["-e"]), ("gnome-terminal", ["--"]), ("konsole", ["-e"]), ("xterm", ["-e"]))
TITLE = "ThermoGUI"
ICON = os.path.join(ROOT, "thermogui", "resources", "icons", "thermogui-128.png")


def _say(text):
    if os.environ.get("THERMOGUI_MAIN_VERBOSE"):
        print("main.py: " + text, file=sys.stderr, flush=True)


def venv_python():
    if os.name == "nt":
        return os.path.join(VENV, "Scripts", "python.exe")
    return os.path.join(VENV, "bin", "python")


def _in_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def missing_modules():
    """The dependencies this Python cannot import (checked without importing them: torch takes a second)."""
    if sys.version_info < MIN_PYTHON:
        return ["Python {}.{}+".format(*MIN_PYTHON)]
    from importlib.util import find_spec

    missing = []
    for name in REQUIRED:
        try:
            found = find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


# ---- telling the user -----------------------------------------------------------------------------------------------


def _graphical():
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_quietly(cmd, wait=True):
    try:
        if wait:
            return (
                subprocess.run(
                    cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                ).returncode
                == 0
            )
        subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        return True
    except OSError:
        return False


def notify(text):
    """Progress: stderr, and a desktop notification where there is a desktop."""
    print("{}: {}".format(TITLE, text), file=sys.stderr, flush=True)
    if _graphical() and shutil.which("notify-send"):
        _run_quietly(["notify-send", "-a", TITLE, "-i", ICON, TITLE, text])


def tell_error(text):
    """A failure the user must see: stderr, and a dialog (zenity), a notification (notify-send) or xmessage."""
    print(text, file=sys.stderr, flush=True)
    if not _graphical():
        return
    if shutil.which("zenity") and _run_quietly(["zenity", "--error", "--no-markup", "--title", TITLE, "--text", text]):
        return
    if shutil.which("notify-send") and _run_quietly(
        ["notify-send", "-u", "critical", "-a", TITLE, "-i", ICON, TITLE + " could not start", text]
    ):
        return
    if os.environ.get("DISPLAY") and shutil.which("xmessage"):
        _run_quietly(["xmessage", "-center", "-title", TITLE, TITLE + "\n\n" + text])


# ---- starting -------------------------------------------------------------------------------------------------------


def start(argv):
    """Run the app (the `thermogui` command line: no arguments = the window) in this Python."""
    if ROOT not in sys.path:  # (python -I leaves the script's folder off sys.path)
        sys.path.insert(0, ROOT)
    try:
        from thermogui.cli import main as cli_main

        cli_main(argv)
    except Exception as e:  # noqa: BLE001 - say it where a double-click can see it (SystemExit passes through)
        import traceback

        traceback.print_exc()
        tell_error("ThermoGUI stopped with an error in {}: {}: {}".format(sys.executable, type(e).__name__, e))
        return 1
    return 0


def run_with_venv(argv, stage):
    """Replace this process by the .venv's Python running main.py with the same arguments."""
    python = venv_python()
    _say("re-running with {} ({})".format(python, stage))
    os.environ[STAGE] = stage
    sys.stdout.flush()
    sys.stderr.flush()
    args = [python, os.path.abspath(__file__)] + list(argv)
    if os.name == "nt":  # (execv on Windows starts a new process and returns at once to the console)
        return subprocess.call(args)
    os.execv(python, args)


# ---- setting up (`make setup` without make) --------------------------------------------------------------------------


def setup_log_path():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "thermogui", "setup.log")


def set_up(log=None):
    """Create .venv (if needed) and install ThermoGUI into it, printing progress (to `log`, a file, if given).
    Returns None when done, else the reason it failed."""
    out = log if log is not None else sys.stdout

    def step(text):
        print("==> " + text, file=out, flush=True)

    for name in ("pyproject.toml", "constraints.txt"):
        if not os.path.isfile(os.path.join(ROOT, name)):
            return "{} is not a ThermoGUI source folder ({} is missing)".format(ROOT, name)
    if sys.version_info < MIN_PYTHON:
        return "ThermoGUI needs Python {}.{} or newer, and this is {}".format(
            MIN_PYTHON[0], MIN_PYTHON[1], sys.version.split()[0]
        )
    python = venv_python()
    if not os.path.exists(python):
        from importlib.util import find_spec

        if find_spec("ensurepip") is None:
            return (
                "this Python cannot create virtual environments (no ensurepip); "
                "on Debian or Ubuntu: sudo apt install python3-venv"
            )
        step("creating {} with {}".format(VENV, sys.executable))
        try:
            code = subprocess.call(
                [sys.executable, "-m", "venv", VENV],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        except OSError as e:
            code = str(e)
        if code != 0 or not os.path.exists(python):
            shutil.rmtree(VENV, ignore_errors=True)  # (a half-made .venv would be taken for a set-up one next time)
            return "`{} -m venv .venv` failed ({}); on Debian or Ubuntu: sudo apt install python3-venv".format(
                sys.executable, code
            )
    step("installing PySide6, torch (CPU) and ThermoGUI into .venv (a few minutes the first time)")
    try:
        code = subprocess.call(
            [python] + PIP_INSTALL, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT
        )
    except OSError as e:
        code = str(e)
    if code != 0:
        return "installing the dependencies into {} failed (pip exit code {}; is the network reachable?)".format(
            VENV, code
        )
    with open(STAMP, "a"):
        pass
    os.utime(STAMP, None)
    step("done")
    return None


def _last_error(log_path):
    """pip's last "ERROR: …" line in the log, if any."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            errors = [line.strip() for line in f if line.strip().startswith("ERROR:")]
    except OSError:
        return ""
    return errors[-1] if errors else ""


def _failure_text(reason, log_path=None):
    text = "ThermoGUI could not set itself up: {}.".format(reason)
    if log_path:
        last = _last_error(log_path)
        text += "\n{}Details: {}".format(last + "\n" if last else "", log_path)
    return text + "\nTo try again and see every step, run in a terminal:\n    cd {} && make setup".format(ROOT)


def _open_terminal(argv):
    """Run the set-up in a terminal window (when there is a desktop and a terminal). True when one took it over."""
    if not _graphical():
        return False
    import tempfile

    fd, marker = tempfile.mkstemp(prefix="thermogui-setup-")
    os.close(fd)
    os.unlink(marker)  # the terminal's main.py creates it again: the sign that it runs
    command = [sys.executable, os.path.abspath(__file__), IN_TERMINAL, marker] + list(argv)
    try:
        for name, flag in TERMINALS:
            exe = shutil.which(name)
            if not exe:
                continue
            _say("set-up in a terminal: " + " ".join([exe] + flag + command))
            try:
                proc = subprocess.Popen([exe] + flag + command, stdin=subprocess.DEVNULL, start_new_session=True)
            except OSError:
                continue
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if os.path.exists(marker):
                    return True
                code = proc.poll()
                if code not in (None, 0):  # it could not open a window
                    break
                time.sleep(0.1)  # (running, or handed over to a terminal server: wait for the marker)
            else:
                return proc.poll() is None  # still open, though slow to start: leave it the work
        return False
    finally:
        if os.path.exists(marker):
            os.unlink(marker)


def in_terminal(marker, argv):
    """main.py in the terminal window it opened: set up with the output on screen, then start the app detached."""
    with open(marker, "w"):
        pass
    print("ThermoGUI: first start. Setting up {} (the same as `make setup`)…\n".format(VENV), flush=True)
    reason = set_up()
    if reason is None:
        print("\nStarting ThermoGUI…", flush=True)
        env = dict(os.environ)
        env[STAGE] = "setup"
        try:
            subprocess.Popen(
                [venv_python(), os.path.abspath(__file__)] + list(argv),
                env=env,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            time.sleep(2)
            return 0
        except OSError as e:
            reason = "cannot start {}: {}".format(venv_python(), e)
    print("\n" + _failure_text(reason), flush=True)
    try:
        input("\nPress Enter to close this window.")
    except (EOFError, KeyboardInterrupt):
        pass
    return 0  # (the message is on screen; the main.py that opened this window has nothing more to say)


def set_up_then_start(argv, missing):
    """No usable .venv: set it up where the user can follow it, then start the app from it."""
    _say("missing here: {}; setting up {}".format(", ".join(missing), VENV))
    if sys.stdout.isatty() or sys.stderr.isatty():  # started from a terminal: show the set-up right here
        print("ThermoGUI: first start. Setting up {} (the same as `make setup`)…\n".format(VENV), flush=True)
        reason = set_up()
        if reason is None:
            return run_with_venv(argv, "setup")
        tell_error(_failure_text(reason))
        return 1
    if _open_terminal(argv):
        return 0
    log_path = setup_log_path()
    notify(
        "First start: installing PySide6 and torch into {}. This takes a few minutes; "
        "the window opens when it is done. Progress: {}".format(VENV, log_path)
    )
    try:
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
        with open(log_path, "w", encoding="utf-8") as log:
            reason = set_up(log)
    except OSError as e:
        reason = "cannot write {}: {}".format(log_path, e)
    if reason is None:
        return run_with_venv(argv, "setup")
    tell_error(_failure_text(reason, log_path))
    return 1


def main(argv):
    stage = os.environ.pop(STAGE, "")
    if argv[:1] == [IN_TERMINAL] and len(argv) >= 2:
        return in_terminal(argv[1], argv[2:])
    missing = missing_modules()
    if not missing:
        _say("starting with " + sys.executable)
        return start(argv)
    if os.path.exists(venv_python()) and not _in_venv() and not stage:
        return run_with_venv(argv, "venv")
    if stage == "setup":  # set up just now, and still not importable: do not loop
        tell_error(
            "ThermoGUI was set up in {}, but {} still cannot be imported there. Remove the .venv folder "
            "and start again.".format(VENV, ", ".join(missing))
        )
        return 1
    return set_up_then_start(argv, missing)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
