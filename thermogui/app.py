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
    _number_policy()
    _ui_language()
    return app


def _ui_language() -> None:
    """Speak the language chosen in View ▸ Language, else the system's (QLocale.system().uiLanguages()): installed
    before any window is built, so every widget is made in it (thermogui.ui.i18n)."""
    from thermogui.ui.i18n import apply_language

    apply_language()


def _number_policy() -> None:
    """One number policy in every widget: "." as the decimal point and no group separators, whatever the desktop's
    locale (under de_DE a Qt spin box would show 0,01 beside a table showing 0.01, and read "1.5" as 15).  Typing
    accepts "." and "," as the decimal point (core.fields / core.dataset parse it, and refuse what is ambiguous).
    Only numbers: the UI language still follows the system locale (QLocale.system())."""
    from PySide6.QtCore import QLocale

    numbers = QLocale(QLocale.C)
    numbers.setNumberOptions(QLocale.OmitGroupSeparator | QLocale.RejectGroupSeparator)
    QLocale.setDefault(numbers)


# --- the application-level exception handler -------------------------------------------------------------------------
# Every unexpected error goes to stderr, to errors.log in the user's state folder (with its traceback) and to a box
# that says where the log is.  Only a `UserError` (the core's refusal, with a reason a person understands) is shown as
# a message about the user's input; anything else is a bug and the box says so.  The box speaks the UI language (its
# texts are made in the GUI thread); stderr and the log stay English.
LOG_NAME = "errors.log"
MAX_LOG_BYTES = 1_000_000  # errors.log is moved to errors.log.1 (replacing it) when it would grow past this
MAX_ENTRY_CHARS = 100_000  # one traceback at most (a recursion error can be long)
_log_lock = threading.Lock()
_reporter = None  # the GUI-thread QObject that shows unhandled errors


def error_log_path():
    """Where unexpected errors are logged: QStandardPaths.StateLocation ($XDG_STATE_HOME/ThermoGUI/thermogui on
    Linux), falling back to the app's local data folder."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    location = getattr(QStandardPaths, "StateLocation", QStandardPaths.AppLocalDataLocation)
    base = (
        QStandardPaths.writableLocation(location)
        or QStandardPaths.writableLocation(QStandardPaths.AppLocalDataLocation)
        or str(Path.home() / ".thermogui")
    )
    return Path(base) / LOG_NAME


def log_error(details: str):
    """Append one error (a traceback) to the error log, keeping it bounded; returns the log's path.  Raises OSError."""
    import os
    import platform
    import time

    from thermogui import __version__

    path = error_log_path()
    if len(details) > MAX_ENTRY_CHARS:
        details = details[: MAX_ENTRY_CHARS // 2] + "\n[… cut …]\n" + details[-MAX_ENTRY_CHARS // 2 :]
    try:
        import PySide6

        qt = f", PySide6 {PySide6.__version__}"
    except Exception:  # noqa: BLE001
        qt = ""
    entry = (
        f"==== {time.strftime('%Y-%m-%d %H:%M:%S %z')}  ThermoGUI {__version__} (Python "
        f"{platform.python_version()}{qt}, pid {os.getpid()}, thread {threading.current_thread().name}) ====\n"
        f"{details.rstrip()}\n\n"
    ).encode("utf-8", "replace")
    with _log_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            size = 0
        if size and size + len(entry) > MAX_LOG_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))  # one old log kept: at most about 2 MB in all
        with open(path, "ab") as f:
            f.write(entry)
    return path


def _error_reporter():
    """The QObject (living in the GUI thread) that shows unhandled errors; created on first use."""
    global _reporter
    if _reporter is not None:
        return _reporter
    import shiboken6
    from PySide6.QtCore import QObject, Qt, Signal, Slot
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    from thermogui.ui.i18n import tr_text, translate

    class ErrorReporter(QObject):
        """Shows an unhandled exception in a message box, from whichever thread it was raised in: `report` is a signal,
        so a call from the training thread is queued to the GUI thread.  One box of each kind at a time: errors that
        follow while it is open are added to its details (an error in a paint event would otherwise open a box per
        frame).  A bug and a refusal never share a box."""

        # summary, details, where it was logged (or why not), a UserError?  The summary and the log's sentence are
        # English strs (a core.tr.Text is shown in the UI language)
        report = Signal(object, str, object, bool)

        def __init__(self, parent):
            super().__init__(parent)
            self.boxes: dict[bool, QMessageBox] = {}
            self.counts = {False: 0, True: 0}
            self.report.connect(self._show)

        @staticmethod
        def _more(n: int, user_error: bool) -> str:
            if user_error:
                if n == 1:
                    return translate("ErrorReporter", "(and 1 more error since)")
                return translate("ErrorReporter", "(and {n} more errors since)").format(n=n)
            if n == 1:
                return translate("ErrorReporter", "(and 1 more unexpected error since)")
            return translate("ErrorReporter", "(and {n} more unexpected errors since)").format(n=n)

        @Slot(object, str, object, bool)
        def _show(self, summary, details: str, logged, user_error: bool) -> None:
            summary, logged = tr_text(summary)[:500], tr_text(logged)
            self.counts[user_error] += 1
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
            box = self.boxes.get(user_error)
            if box is not None and shiboken6.isValid(box) and box.isVisible():  # (its window may be gone)
                n = self.counts[user_error] - 1
                box.setText("{first}\n\n{more}".format(first=box.property("first"), more=self._more(n, user_error)))
                box.setDetailedText(box.detailedText() + "\n" + details)
                return
            self.counts[user_error] = 1
            for w in windows:  # keep the work safe in case the error is the first of worse to come
                files = getattr(w, "files", None)
                try:
                    if files is not None:
                        files.autosave_now()
                except Exception:  # noqa: BLE001 - the box below matters more (and was logged)
                    pass
            parent = QApplication.activeWindow() or (windows[0] if windows else None)
            if user_error:
                title = translate("ErrorReporter", "Cannot do that")
                box = QMessageBox(QMessageBox.Warning, title, summary, QMessageBox.Ok, parent)
                box.setObjectName("userErrorDialog")
                box.setInformativeText(translate("ErrorReporter", "Nothing was changed."))
            else:
                title = translate("ErrorReporter", "Unexpected error")
                box = QMessageBox(QMessageBox.Critical, title, summary, QMessageBox.Ok, parent)
                box.setObjectName("unhandledErrorDialog")
                box.setInformativeText(
                    translate(
                        "ErrorReporter",
                        "This is a bug in ThermoGUI, not a problem with your readings or settings. They are unchanged "
                        "and the app keeps running; saving your work now is a good idea.",
                    )
                    + "\n\n"
                    + logged
                )
            box.setProperty("first", summary)
            box.setProperty("log", logged)
            box.setDetailedText(details)
            box.setAttribute(Qt.WA_DeleteOnClose)
            self.boxes[user_error] = box
            box.open()  # not exec(): no nested event loop inside an exception hook

    app = QApplication.instance()
    _reporter = ErrorReporter(app)
    _reporter.destroyed.connect(_forget_reporter)
    return _reporter


def _forget_reporter(*_):
    global _reporter
    _reporter = None


def install_excepthook():
    """Route unhandled exceptions (an exception in any slot ends up in sys.excepthook; one in a Python thread in
    threading.excepthook) to stderr, the error log and a message box, and keep running.  Chains to the hook that was
    installed before (a debugger's, pytest-qt's); safe to call more than once.  Returns the installed hook."""
    import traceback

    from thermogui.core.errors import UserError
    from thermogui.core.tr import QT_TRANSLATE_NOOP, msg

    current = sys.excepthook
    if getattr(current, "_thermogui", False):
        _install_thread_hook(current)
        return current
    previous = current
    reporter = _error_reporter()

    busy = threading.local()

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            previous(exc_type, exc, tb)
            return
        report(exc_type, exc, tb)
        if previous is not sys.__excepthook__:  # the default only prints what was just logged
            previous(exc_type, exc, tb)

    def report(exc_type, exc, tb):
        """Log and show (not chained)."""
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
        user_error = issubclass(exc_type, UserError)
        try:
            sys.stderr.write("ThermoGUI: unexpected error (the app keeps running):\n" + details)
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - no stderr (pythonw): the log and the box still have it
            pass
        try:
            logged = msg(
                QT_TRANSLATE_NOOP(
                    "ErrorReporter", "The details were written to {path}; please include that file when you report it."
                ),
                "ErrorReporter",
                path=str(log_error(details)),
            )
        except Exception as e:  # noqa: BLE001 - a full disk must not hide the error itself
            logged = msg(
                QT_TRANSLATE_NOOP(
                    "ErrorReporter", "The details below could not be written to the error log ({reason})."
                ),
                "ErrorReporter",
                reason=str(getattr(e, "strerror", None) or e),
            )
        try:
            if _reporter is reporter:  # the QApplication (and the reporter with it) may be gone at exit
                # a refusal in the UI language (its Text, when the core made one); a bug as Python names it
                if user_error:
                    summary = exc.text if isinstance(exc, UserError) else str(exc)
                else:
                    summary = f"{exc_type.__name__}: {exc}"
                reporter.report.emit(summary, details, logged, user_error)
        except Exception:  # noqa: BLE001 - never raise from the hook itself
            pass

    hook._thermogui = True
    hook.previous = previous
    hook.report = report
    sys.excepthook = hook
    _install_thread_hook(hook)
    return hook


def _install_thread_hook(hook) -> None:
    """An exception that ends a Python thread (not a QThread's slot: those reach sys.excepthook) goes to `hook`."""
    if getattr(threading.excepthook, "_thermogui", False):
        return
    previous = threading.excepthook

    def thread_hook(args):
        if args.exc_type is not SystemExit:  # (a thread's SystemExit is not an error)
            hook.report(args.exc_type, args.exc_value, args.exc_traceback)
        if previous is not threading.__excepthook__ or args.exc_type is SystemExit:  # (the default only prints)
            previous(args)

    thread_hook._thermogui = True
    thread_hook.previous = previous
    threading.excepthook = thread_hook


def create_window(data=None):
    """Create (if needed) the QApplication and return the shown main window, without entering the event loop."""
    app = _application()
    install_excepthook()
    from thermogui.ui.main_window import MainWindow

    window = MainWindow(data)
    try:
        from PySide6.QtGui import QIcon

        from thermogui.desktop import icon_path

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
