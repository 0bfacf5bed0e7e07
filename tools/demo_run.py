"""Open the window and start the book's final run slowly, for the README screenshot:

../shared/tools/screenshot docs/screenshot.png 8 -- .venv/bin/python tools/demo_run.py
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from thermogui.app import create_window

window = create_window()
window.controls.speed.setCurrentIndex(window.controls.speed.findData(1000))
if "--diverge" in sys.argv:
    window.controls.normalization.setCurrentIndex(0)
for arg in sys.argv[1:]:
    if arg.startswith("--tab="):
        window.tabs.setCurrentIndex(int(arg.split("=")[1]))
QTimer.singleShot(1500, window.start)
sys.exit(QApplication.instance().exec())
