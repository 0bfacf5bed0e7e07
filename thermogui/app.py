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


# --- the application-level exception handler -------------------------------------------------------------------------
_reporter = None  # the GUI-thread QObject that shows unhandled errors


def _error_reporter():
    """The QObject (living in the GUI thread) that shows unhandled errors; created on first use."""
    global _reporter
    if _reporter is not None:
        return _reporter
    import shiboken6
    from PySide6.QtCore import QObject, Qt, Signal, Slot
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    class ErrorReporter(QObject):
        """Shows an unhandled exception in a message box, from whichever thread it was raised in: `report` is a signal,
        so a call from the training thread is queued to the GUI thread.  One box at a time: errors that follow while
        it is open are added to its details (an error in a paint event would otherwise open a box per frame)."""

        report = Signal(str, str)  # summary, details

        def __init__(self, parent):
            super().__init__(parent)
            self.box: QMessageBox | None = None
            self.count = 0
            self.report.connect(self._show)

        @Slot(str, str)
        def _show(self, summary: str, details: str) -> None:
            self.count += 1
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
            for w in windows:  # keep the work safe in case the error is the first of worse to come
                files = getattr(w, "files", None)
                try:
                    if files is not None:
                        files.autosave()
                except Exception:  # noqa: BLE001 - the box below matters more
                    pass
            box = self.box
            if box is not None and shiboken6.isValid(box) and box.isVisible():  # (its window may be gone)
                box.setText(f"{box.property('first')}\n\n(and {self.count - 1} more unexpected error"
                            f"{'s' if self.count > 2 else ''} since)")
                box.setDetailedText(box.detailedText() + "\n" + details)
                return
            self.count = 1
            parent = QApplication.activeWindow() or (windows[0] if windows else None)
            box = QMessageBox(QMessageBox.Critical, "Unexpected error", summary, QMessageBox.Ok, parent)
            box.setObjectName("unhandledErrorDialog")
            box.setProperty("first", summary)
            box.setInformativeText("This is a bug in ThermoGUI. Your readings and settings are unchanged and the "
                                   "app keeps running; saving your work now is a good idea. The details below help "
                                   "to report it.")
            box.setDetailedText(details)
            box.setAttribute(Qt.WA_DeleteOnClose)
            self.box = box
            box.open()  # not exec(): no nested event loop inside an exception hook

    app = QApplication.instance()
    _reporter = ErrorReporter(app)
    _reporter.destroyed.connect(_forget_reporter)
    return _reporter


def _forget_reporter(*_):
    global _reporter
    _reporter = None


def install_excepthook():
    """Route unhandled exceptions (an exception in any slot ends up in sys.excepthook) to a message box, log them
    to stderr and keep running.  Chains to the hook that was installed before (a debugger's, pytest-qt's); safe to
    call more than once.  Returns the installed hook."""
    import traceback

    current = sys.excepthook
    if getattr(current, "_thermogui", False):
        return current
    previous = current
    reporter = _error_reporter()

    busy = threading.local()

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            previous(exc_type, exc, tb)
            return
        if getattr(busy, "on", False):  # an error while reporting an error: log it, never recurse
            sys.__excepthook__(exc_type, exc, tb)
            return
        busy.on = True
        try:
            _report(exc_type, exc, tb)
        finally:
            busy.on = False

    def _report(exc_type, exc, tb):
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            sys.stderr.write("ThermoGUI: unexpected error (the app keeps running):\n" + details)
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - no stderr (pythonw): the box still shows it
            pass
        try:
            if _reporter is reporter:  # the QApplication (and the reporter with it) may be gone at exit
                reporter.report.emit(f"{exc_type.__name__}: {exc}"[:500], details)
        except Exception:  # noqa: BLE001 - never raise from the hook itself
            pass
        if previous is not sys.__excepthook__:  # the default only prints what was just logged
            previous(exc_type, exc, tb)

    hook._thermogui = True
    hook.previous = previous
    sys.excepthook = hook
    return hook


def create_window(data=None):
    """Create (if needed) the QApplication and return the shown main window, without entering the event loop."""
    app = _application()
    install_excepthook()
    from thermogui.ui.main_window import MainWindow

    window = MainWindow(data)
    try:
        from thermogui.desktop import icon_path
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
    install_excepthook()
    window = create_window()
    from PySide6.QtCore import QTimer

    if os.environ.get("THERMOGUI_STARTUP_PROBE"):
        _startup_probe(window)
    else:
        QTimer.singleShot(0, _preload_torch)

        def after_start():
            restored = window.files.offer_restore()
            if files and not restored:
                window.files.open_path(files[0], ask=False)

        QTimer.singleShot(0, after_start)
    window.raise_()
    sys.exit(app.exec())
