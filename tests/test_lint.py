"""The house style holds: ruff's lint rules (pyflakes, bugbear, isort, pyupgrade, line length) and its formatter."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["thermogui", "tests", "benchmarks", "packaging", "tools", "main.py"]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")

pytestmark = pytest.mark.skipif(RUFF is None, reason="ruff is not installed (pip install -e '.[test]')")


def test_ruff_lint_passes():
    proc = subprocess.run([RUFF, "check", *PATHS], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_ruff_format_is_applied():
    proc = subprocess.run([RUFF, "format", "--check", *PATHS], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, "run `.venv/bin/ruff format`:\n" + proc.stdout[-3000:]
