"""The core (and the headless command line) must never pull in Qt."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import thermogui.core

QT = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6", "qtpy")
CORE_DIR = Path(thermogui.core.__file__).parent
REPO = CORE_DIR.parent.parent

PROBE = r"""
import importlib, json, pkgutil, sys
import thermogui.core
names = ["thermogui", "thermogui.core", "thermogui.cli"] + [
    m.name for m in pkgutil.walk_packages(thermogui.core.__path__, "thermogui.core.")
]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in QTS)}))
"""


def test_importing_the_core_and_cli_loads_no_qt():
    code = f"QTS = {QT!r}\n" + PROBE
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    core_modules = [n for n in result["imported"] if n.startswith("thermogui.core.")]
    # every module file under thermogui/core was imported
    expected = {f"thermogui.core.{p.stem}" for p in CORE_DIR.glob("*.py") if p.stem != "__init__"}
    assert expected <= set(core_modules)
    assert {"thermogui.core.training", "thermogui.core.csvio", "thermogui.core.analysis"} <= set(core_modules)
    assert "thermogui.cli" in result["imported"]
    assert result["loaded"] == []


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if fname in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        found += [f"{path.name}:{node.lineno}: {n}" for n in names if n.split(".")[0] in QT]
    return found


def test_no_file_under_core_imports_qt():
    files = sorted(CORE_DIR.rglob("*.py"))
    assert len(files) >= 8
    offenders = [hit for f in files for hit in _qt_imports(f)]
    assert offenders == []


def test_the_static_check_would_catch_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nfrom PySide6.QtCore import QObject\nimport pyqtgraph as pg\n"
        "def f():\n    import importlib\n    return importlib.import_module('shiboken6')\n"
    )
    assert [hit.split(": ")[1] for hit in _qt_imports(bad)] == ["PySide6.QtCore", "pyqtgraph", "shiboken6"]
