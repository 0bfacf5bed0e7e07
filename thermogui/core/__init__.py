"""The Qt-free core: data, model, training loop, analysis, files.

Nothing in this package may import PySide6 or pyqtgraph (tests/core/test_no_qt.py enforces it).
"""
