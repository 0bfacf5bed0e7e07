"""The application-level exception handler: an exception in any slot is shown in a box, logged to stderr and with its
traceback to errors.log in the user's state folder (the box says where), and the app keeps running with the data
untouched.  Only a `UserError` is shown as a message about the user's input; a bug never is.

pytest-qt captures exceptions in slots itself (to fail the test), so these tests call the installed hook directly --
inside `qtbot.capture_exceptions()`, which also shows that the hook chains to the one installed before it.  One test
runs a real slot that raises, in a child process with no pytest-qt in the way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from thermogui import app as app_module
from thermogui.core.errors import UserError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def state_home(tmp_path, monkeypatch):
    """The error log goes to a folder of this test's own, never the user's."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # (the autosave the handler makes)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)  # restored after the test
    return folder


def log_file(state_home: Path) -> Path:
    return state_home / "ThermoGUI" / "thermogui" / "errors.log"


def fake_exception(message="something broke in a slot"):
    try:

        def slot_that_fails():
            raise RuntimeError(message)

        slot_that_fails()
    except RuntimeError as e:
        return type(e), e, e.__traceback__


def error_dialog(window) -> QMessageBox | None:
    return next((w for w in window.findChildren(QMessageBox, "unhandledErrorDialog") if w.isVisible()), None)


def test_an_unhandled_exception_is_shown_logged_and_chained_and_the_data_is_kept(qtbot, window, capfd, state_home):
    window.model.setData(window.model.index(0, 1), "36.5")  # unsaved work
    before = window.model.dataset
    with qtbot.capture_exceptions() as chained:
        hook = app_module.install_excepthook()
        assert sys.excepthook is hook and app_module.install_excepthook() is hook  # installed once
        hook(*fake_exception())
        qtbot.waitUntil(lambda: error_dialog(window) is not None, timeout=2000)
    box = error_dialog(window)
    assert box.windowTitle() == "Unexpected error" and box.icon() == QMessageBox.Critical
    assert box.text() == "RuntimeError: something broke in a slot"
    assert "slot_that_fails" in box.detailedText() and "Traceback" in box.detailedText()
    assert "unchanged" in box.informativeText() and "bug in ThermoGUI" in box.informativeText()
    assert str(log_file(state_home)) in box.informativeText()  # the box says where the log is
    logged = log_file(state_home).read_text()
    assert "Traceback" in logged and "slot_that_fails" in logged and "something broke in a slot" in logged
    assert not box.isModal() or box.windowModality() != Qt.ApplicationModal  # the app keeps running
    # chained to the hook installed before (here pytest-qt's capture), so nothing is swallowed
    assert len(chained) == 1 and chained[0][0] is RuntimeError
    err = capfd.readouterr().err
    assert "ThermoGUI: unexpected error" in err and "something broke in a slot" in err
    # the data is untouched, still editable, and was autosaved
    assert window.model.dataset is before
    assert window.files.autosave_path.exists()  # (written before the box opened)
    assert window.model.setData(window.model.index(1, 1), "57")
    assert window.model.dataset.t_u[1] == 57.0 and window.model.dataset.t_u[0] == 36.5
    box.close()


def test_errors_from_another_thread_are_shown_in_the_gui_thread_in_one_box(qtbot, window):
    before = window.model.dataset
    with qtbot.capture_exceptions() as chained:
        hook = app_module.install_excepthook()
        threads = [threading.Thread(target=hook, args=fake_exception(f"worker error {i}")) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        qtbot.waitUntil(
            lambda: error_dialog(window) is not None and "2 more" in error_dialog(window).text(), timeout=2000
        )
    assert len(chained) == 3
    boxes = [w for w in window.findChildren(QMessageBox, "unhandledErrorDialog") if w.isVisible()]
    assert len(boxes) == 1  # not a box per error
    box = boxes[0]
    assert box.thread() is window.thread()
    assert all(f"worker error {i}" in box.detailedText() for i in range(3))
    assert window.model.dataset is before
    box.close()


def test_keyboard_interrupt_is_passed_on_not_shown(qtbot, window):
    seen = []
    with qtbot.capture_exceptions():
        previous = sys.excepthook
        sys.excepthook = lambda *exc: seen.append(exc[0])
        try:
            hook = app_module.install_excepthook()
            hook(KeyboardInterrupt, KeyboardInterrupt(), None)
        finally:
            sys.excepthook = previous
    assert seen == [KeyboardInterrupt]
    assert error_dialog(window) is None


def test_a_real_slot_that_raises_shows_the_box_and_the_app_keeps_running(tmp_path, state_home):
    """No pytest-qt here: the exception goes from PySide6 to sys.excepthook as in the installed app."""
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from thermogui.app import create_window

        window = create_window()
        before = window.model.dataset

        def bad_slot():
            raise ZeroDivisionError("a bug in a slot")

        def check():  # polled until the box is up (or 10 s have passed)
            box = window.findChild(QMessageBox, "unhandledErrorDialog")
            if (box is None or not box.isVisible()) and poll.remainingTime() > 0:
                return
            timer.stop()
            print("dialog", box is not None and box.isVisible(), box.text() if box else "", flush=True)
            print("informative", box.informativeText().replace(chr(10), " ") if box else "", flush=True)
            print("data-kept", window.model.dataset is before, flush=True)
            QTimer.singleShot(0, lambda: print("still-running", flush=True))
            QTimer.singleShot(0, QApplication.quit)

        QTimer.singleShot(0, bad_slot)
        poll = QTimer(singleShot=True)
        poll.start(10_000)
        timer = QTimer(interval=10)
        timer.timeout.connect(check)
        timer.start()
        QApplication.instance().exec()  # quit() closes the window (nothing unsaved: no question asked)
        print("exit-ok", flush=True)
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "dialog True ZeroDivisionError: a bug in a slot" in lines
    assert "data-kept True" in lines and "still-running" in lines and "exit-ok" in lines
    assert "ThermoGUI: unexpected error" in out.stderr and "ZeroDivisionError: a bug in a slot" in out.stderr
    # the installed app's log: in the state folder the child was given, holding the traceback; the box names it
    log = log_file(state_home)
    assert f"The details were written to {log}" in next(ln for ln in lines if ln.startswith("informative"))
    text = log.read_text()
    assert "Traceback" in text and "in bad_slot" in text and "ZeroDivisionError: a bug in a slot" in text


def test_a_box_left_on_a_closed_window_does_not_break_the_next_report(qtbot, window):
    from PySide6.QtWidgets import QApplication

    from thermogui.app import create_window

    other = create_window()
    qtbot.waitExposed(other)
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=2000)
    with qtbot.capture_exceptions() as chained:
        hook = app_module.install_excepthook()
        hook(*fake_exception("first"))
        qtbot.waitUntil(lambda: error_dialog(other) is not None, timeout=2000)
        other.files.mark_saved()
        other.close()
        other.deleteLater()  # the window goes, and the box on it
        qtbot.waitUntil(lambda: not _alive(other), timeout=2000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        hook(*fake_exception("second"))
        qtbot.waitUntil(lambda: error_dialog(window) is not None, timeout=2000)
    assert [str(e[1]) for e in chained] == ["first", "second"]  # no error raised while reporting
    assert error_dialog(window).text() == "RuntimeError: second"
    error_dialog(window).close()


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_an_exception_in_a_real_slot_names_the_log_and_the_log_holds_the_traceback(qtbot, window, state_home):
    """A slot run by Qt's event loop (not the hook called by hand) raises: the box names errors.log, which holds the
    whole traceback."""

    def broken_slot():
        return {}["no such key"]

    with qtbot.capture_exceptions() as chained:
        app_module.install_excepthook()
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: error_dialog(window) is not None, timeout=5000)
    assert len(chained) == 1 and chained[0][0] is KeyError
    box = error_dialog(window)
    assert box.text() == "KeyError: 'no such key'"
    log = log_file(state_home)
    assert f"The details were written to {log}" in box.informativeText()
    text = log.read_text()
    assert text.startswith("==== ") and "ThermoGUI" in text.splitlines()[0]
    assert (
        "Traceback (most recent call last)" in text and "in broken_slot" in text and "KeyError: 'no such key'" in text
    )
    box.close()


def test_a_user_error_is_a_message_about_the_input_and_a_bug_never_is(qtbot, window, state_home):
    def refusal():
        raise UserError("the learning rate must be positive")

    with qtbot.capture_exceptions():
        hook = app_module.install_excepthook()
        try:
            refusal()
        except UserError as e:
            hook(type(e), e, e.__traceback__)
        hook(*fake_exception("an index out of range"))
        qtbot.waitUntil(lambda: error_dialog(window) is not None, timeout=2000)
    user = next(w for w in window.findChildren(QMessageBox, "userErrorDialog") if w.isVisible())
    bug = error_dialog(window)
    assert user is not bug  # never one box for both
    assert user.icon() == QMessageBox.Warning and user.text() == "the learning rate must be positive"
    assert "bug" not in (user.text() + user.informativeText()).lower()
    assert bug.icon() == QMessageBox.Critical and bug.text() == "RuntimeError: an index out of range"
    assert "bug in ThermoGUI" in bug.informativeText() and "not a problem with your readings" in bug.informativeText()
    assert "UserError: the learning rate" in log_file(state_home).read_text()  # (both are logged)
    user.close()
    bug.close()


def test_an_exception_that_ends_a_python_thread_is_logged_and_shown(qtbot, window, state_home, monkeypatch):
    def work():
        raise OSError("a worker thread failed")

    chained = []
    monkeypatch.setattr(threading, "excepthook", lambda args: chained.append(args.exc_type))  # the hook before ours
    with qtbot.capture_exceptions():
        app_module.install_excepthook()
        t = threading.Thread(target=work, name="some-worker")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: error_dialog(window) is not None, timeout=2000)
    assert error_dialog(window).text() == "OSError: a worker thread failed"
    assert chained == [OSError]  # and passed on to the hook installed before
    text = log_file(state_home).read_text()
    assert "thread some-worker" in text and "in work" in text
    error_dialog(window).close()


def test_the_error_log_stays_bounded(qapp, state_home):
    entry = "Traceback (most recent call last):\n" + "x" * 99_000 + "\nRuntimeError: big\n"
    for _ in range(25):  # about 2.5 MB of errors
        path = app_module.log_error(entry)
    old = path.with_name("errors.log.1")
    assert path == log_file(state_home) and old.exists()
    assert path.stat().st_size <= app_module.MAX_LOG_BYTES and old.stat().st_size <= app_module.MAX_LOG_BYTES
    assert path.read_text().rstrip().endswith("RuntimeError: big")  # the newest error is in the current log
    huge = app_module.log_error("y" * 10 * app_module.MAX_ENTRY_CHARS)  # one enormous traceback is cut, not refused
    assert huge.stat().st_size <= app_module.MAX_LOG_BYTES and "[… cut …]" in huge.read_text()


def test_a_log_that_cannot_be_written_still_shows_the_error(qtbot, window, state_home):
    state_home.parent.mkdir(parents=True, exist_ok=True)
    state_home.write_text("a file where the state folder should be")
    with qtbot.capture_exceptions():
        hook = app_module.install_excepthook()
        hook(*fake_exception("and the log is unwritable"))
        qtbot.waitUntil(lambda: error_dialog(window) is not None, timeout=2000)
    box = error_dialog(window)
    assert box.text() == "RuntimeError: and the log is unwritable"
    assert "could not be written to the error log" in box.informativeText()
    box.close()
