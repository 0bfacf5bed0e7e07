"""Start the GUI.  The window is on screen before torch is imported: torch loads in a background thread."""

from __future__ import annotations

import sys
import threading


def _preload_torch() -> None:
    def load():
        try:
            import thermogui.core.training  # noqa: F401  (imports torch)
        except Exception:  # the first run will report it properly
            pass

    threading.Thread(target=load, name="torch-preload", daemon=True).start()


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("thermogui")
    app.setApplicationDisplayName("ThermoGUI")
    app.setOrganizationName("ThermoGUI")
    app.setDesktopFileName("thermogui")
    return app


def create_window(data=None):
    """Create (if needed) the QApplication and return the shown main window, without entering the event loop."""
    app = _application()
    from .ui.main_window import MainWindow

    window = MainWindow(data)
    try:
        from .desktop import icon_path
        from PySide6.QtGui import QIcon

        icon = QIcon(str(icon_path()))
        app.setWindowIcon(icon)
        window.setWindowIcon(icon)
    except Exception:
        pass
    window.show()
    return window


def _startup_probe(window) -> None:
    """THERMOGUI_STARTUP_PROBE=1: print the wall-clock time when the window first paints, then quit (benchmarks and
    the fast-start test use it)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint and not hasattr(self, "done"):
                self.done = True
                print(f"window-painted {time.time():.6f} torch-loaded {'torch' in sys.modules}", flush=True)
                QTimer.singleShot(0, window.close)
            return False

    window._probe = Probe(window)
    window.installEventFilter(window._probe)


def main(files=()) -> None:
    import os

    app = _application()
    window = create_window()
    from PySide6.QtCore import QTimer

    if os.environ.get("THERMOGUI_STARTUP_PROBE"):
        _startup_probe(window)
    else:
        QTimer.singleShot(0, _preload_torch)
    window.raise_()
    sys.exit(app.exec())
