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


def main() -> None:
    app = _application()
    window = create_window()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, _preload_torch)
    window.raise_()
    sys.exit(app.exec())
