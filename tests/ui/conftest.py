import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication


@pytest.fixture
def window(qtbot):
    from thermogui.app import create_window

    w = create_window()
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    yield w
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
