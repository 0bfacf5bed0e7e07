"""The application-level exception handler: an exception in any slot is shown in a box, logged to stderr, and the app
keeps running with the data untouched.

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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from thermogui import app as app_module

ROOT = Path(__file__).resolve().parents[2]


def fake_exception(message="something broke in a slot"):
    try:
        def slot_that_fails():
            raise RuntimeError(message)

        slot_that_fails()
    except RuntimeError as e:
        return type(e), e, e.__traceback__


def error_dialog(window) -> QMessageBox | None:
    return next((w for w in window.findChildren(QMessageBox, "unhandledErrorDialog") if w.isVisible()), None)


def test_an_unhandled_exception_is_shown_logged_and_chained_and_the_data_is_kept(qtbot, window, capfd):
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
    assert "unchanged" in box.informativeText()
    assert not box.isModal() or box.windowModality() != Qt.ApplicationModal  # the app keeps running
    # chained to the hook installed before (here pytest-qt's capture), so nothing is swallowed
    assert len(chained) == 1 and chained[0][0] is RuntimeError
    err = capfd.readouterr().err
    assert "ThermoGUI: unexpected error" in err and "something broke in a slot" in err
    # the data is untouched, still editable, and was autosaved
    assert window.model.dataset is before
    assert window.files.autosave_path.exists()
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
        qtbot.waitUntil(lambda: error_dialog(window) is not None and "2 more" in error_dialog(window).text(),
                        timeout=2000)
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


def test_a_real_slot_that_raises_shows_the_box_and_the_app_keeps_running(tmp_path):
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
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "dialog True ZeroDivisionError: a bug in a slot" in lines
    assert "data-kept True" in lines and "still-running" in lines and "exit-ok" in lines
    assert "ThermoGUI: unexpected error" in out.stderr and "ZeroDivisionError: a bug in a slot" in out.stderr


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
