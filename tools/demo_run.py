"""Open the window and start the book's final run slowly, for the README screenshots:

../shared/tools/screenshot docs/screenshot.png 8 -- .venv/bin/python tools/demo_run.py
LANG=ko_KR.UTF-8 ../shared/tools/screenshot docs/screenshot-ko.png 8 -- .venv/bin/python tools/demo_run.py
../shared/tools/screenshot docs/network.png 12 -- .venv/bin/python tools/demo_run.py --preset=network-book --units

Options: --diverge (raw t_u), --tab=N, --preset=KEY (a Book menu run), --units (show the network's hidden units),
--speed=N (epochs/s; 0 = full speed).
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
    elif arg.startswith("--preset="):
        window.book_panel.load(arg.split("=", 1)[1])
        window.tabs.setCurrentIndex(0)
    elif arg.startswith("--speed="):
        window.controls.speed.setCurrentIndex(window.controls.speed.findData(int(arg.split("=")[1])))
    elif arg == "--units":
        window.units_action.setChecked(True)
QTimer.singleShot(1500, window.start)
sys.exit(QApplication.instance().exec())
