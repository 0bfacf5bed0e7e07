import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def fresh_settings(qapp):
    """Every test starts from the app's defaults, not from what an earlier test's window remembered."""
    from PySide6.QtCore import QSettings

    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def prompts(monkeypatch):
    """A modal question would hang a headless test run: answer every question the window asks
    (thermogui.ui.dialogs.ask) with the answer a test puts in prompts.answer (default Discard / No) and record what
    was asked.  A question asked with QMessageBox.question instead (no mnemonics) is answered No and fails the
    test."""
    from PySide6.QtWidgets import QMessageBox

    from thermogui.ui import dialogs

    class Prompts(list):
        answer = None

    asked = Prompts()
    bypassed = []

    def ask(parent, title, text, choices, default, escape, labels=None):
        asked.append((title, text))
        if asked.answer is not None:
            return asked.answer
        return QMessageBox.Discard if QMessageBox.Discard in choices else QMessageBox.No

    def question(parent, title, text, *args, **kwargs):
        bypassed.append(title)
        return QMessageBox.No

    monkeypatch.setattr(dialogs, "ask", ask)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    yield asked
    assert not bypassed, f"asked with QMessageBox.question, not thermogui.ui.dialogs.ask: {bypassed}"


@pytest.fixture
def window(qtbot):
    from thermogui.app import create_window

    w = create_window()
    qtbot.waitExposed(w)
    # Under X without a window manager a shown window is not active, and shortcuts (F5, Ctrl+S…) only reach the
    # active window: activate it as a person's click would.
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    yield w
    import shiboken6

    if shiboken6.isValid(w):  # (the window deletes itself once closed)
        w.files.mark_saved()  # tests that edit answer the unsaved-changes prompt themselves
        w.close()
    # like napari's dangling-thread check: closing the window must end the training thread
    assert w.trainer._thread is None


@pytest.fixture(autouse=True)
def no_dangling_threads():
    before = {t.ident for t in threading.enumerate()}
    yield
    left = [t for t in threading.enumerate() if t.ident not in before and t.is_alive() and not t.daemon]
    assert not left, f"threads left running: {left}"


def qthreads_running(app: QApplication) -> list[QThread]:
    return [t for t in app.findChildren(QThread) if t.isRunning()]
