"""The bundle's one binary (PyInstaller onedir): `ThermoGUI` opens the window; `ThermoGUI fit --json`,
`ThermoGUI install-desktop`, `ThermoGUI --version` … work as the `thermogui` command does (thermogui.cli:main).

On Linux a "windowed" PyInstaller build is the same executable as a console one (PyInstaller: console= "does not
matter there"), so stdout and stderr reach the terminal it runs in. On Windows the spec builds a console executable
that hides its console window when it owns it (double-click), so `fit` still prints when run from a terminal.

THERMOGUI_BUNDLE_SELFTEST=1 (used by packaging/check_bundle.py): open the window, print what the bundle found (icon,
resources, frozen) as one JSON line, close it and exit.
"""

import os
import sys


def _selftest() -> int:
    import json

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from thermogui import __version__, desktop
    from thermogui.app import create_window

    window = create_window()
    app = QApplication.instance()
    report = {}

    def look():  # once the window had a moment to paint
        report.update(
            version=__version__,
            frozen=bool(getattr(sys, "frozen", False)),
            window_shown=window.isVisible(),
            window_icon_null=window.windowIcon().isNull(),
            app_icon_null=app.windowIcon().isNull(),
            icon_file=str(desktop.icon_path()),
            icon_files_present=all(
                p.is_file()
                for p in [desktop.icon_path(), desktop.desktop_template_path()]
                + [desktop.icon_path(s) for s in desktop.ICON_SIZES]
            ),
            launch_command=desktop.launch_command(),
        )
        # the Korean translation travels (.qm) and relabels the window; nbformat's schema travels (a notebook export)
        from thermogui.core.config import TrainConfig
        from thermogui.core.dataset import Dataset
        from thermogui.core.notebook import notebook_text
        from thermogui.ui import i18n

        i18n.apply_language("ko")
        report.update(korean_start=window.run_buttons["startButton"].text())
        i18n.apply_language("en")
        try:
            report.update(
                notebook_cells=len(json.loads(notebook_text(TrainConfig(epochs=10), Dataset.book()))["cells"])
            )
        except Exception as e:  # (reported, not raised: the check says what is missing)
            report.update(notebook_error=f"{type(e).__name__}: {e}")
        window.files.mark_saved()
        window.close()
        app.quit()

    QTimer.singleShot(300, look)
    app.exec()
    print(json.dumps(report), flush=True)
    return 0 if report else 1


def main() -> None:
    if os.environ.get("THERMOGUI_BUNDLE_SELFTEST"):
        sys.exit(_selftest())
    from thermogui.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
