"""Crash safety, proved with real processes killed by SIGKILL:

- killing a process in the middle of saving a session or a CSV leaves the previous file intact;
- after a kill, the next start offers to restore the autosaved work and restores it exactly.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from thermogui.core.config import TrainConfig
from thermogui.core.csvio import read_csv
from thermogui.core.dataset import Dataset
from thermogui.core.session import load_session

from tests.ui.conftest import prompts  # noqa: F401  (the fixture that answers QMessageBox.question; autouse)

ROOT = Path(__file__).resolve().parents[1]
ROWS = 100_000
ROUNDS = 3

SAVER = textwrap.dedent("""
    import sys
    import numpy as np
    from thermogui.core.config import TrainConfig
    from thermogui.core.csvio import write_csv
    from thermogui.core.dataset import Dataset
    from thermogui.core.session import Session, save_session

    kind, path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for k in range(1_000_000):
        data = Dataset(np.arange(rows) * 0.5 + k, np.full(rows, float(k)), np.arange(rows) % 7 != k % 7)
        print("begin", k, flush=True)
        if kind == "csv":
            write_csv(path, data)
        else:
            save_session(path, Session(data, TrainConfig(seed=k, epochs=1000 + k)))
        print("done", k, flush=True)
""")


def version(k: int) -> Dataset:
    """What the saver writes in its k-th save."""
    return Dataset(np.arange(ROWS) * 0.5 + k, np.full(ROWS, float(k)), np.arange(ROWS) % 7 != k % 7)


def child_env() -> dict:
    # the same XDG_* folders as this process (tests/conftest.py sets them), the package importable, no window
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def temp_files(target: Path) -> list[Path]:
    return list(target.parent.glob(f".{target.name}.*.tmp"))


def kill_mid_save(kind: str, target: Path) -> tuple[int, int, bool]:
    """Start the saver, let it complete at least one save, kill -9 it once its next temporary file appears.
    Returns (the last save completed, the last save begun, whether a temporary file was left behind)."""
    proc = subprocess.Popen([sys.executable, "-c", SAVER, kind, str(target), str(ROWS)], stdout=subprocess.PIPE,
                            text=True, env=child_env(), cwd=target.parent)
    said = []
    try:
        for line in proc.stdout:
            said.append(line.split())
            if said[-1][0] == "begin" and any(word == "done" for word, _ in said):
                break  # a complete save is on disk and the next one has begun
        deadline = time.monotonic() + 30
        while not temp_files(target) and time.monotonic() < deadline and proc.poll() is None:
            pass  # spin on the directory: the kill must land while the save is in flight
        assert temp_files(target), "the saver never started writing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        said += [line.split() for line in proc.stdout.read().splitlines()]  # what it printed before it died
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    last_done = max(int(k) for word, k in said if word == "done")
    last_begun = max(int(k) for word, k in said if word == "begin")
    return last_done, last_begun, bool(temp_files(target))


@pytest.mark.parametrize("kind", ["session", "csv"])
def test_sigkill_while_saving_leaves_the_previous_file_intact(kind, tmp_path):
    target = tmp_path / ("work.thermogui.json" if kind == "session" else "readings.csv")
    caught_mid_save = 0
    for _ in range(ROUNDS):
        last_done, last_begun, tmp_left = kill_mid_save(kind, target)
        caught_mid_save += tmp_left
        # the file is one complete version: the last one reported done, or the one in flight if its rename got in
        # before the kill (and before it could print "done")
        if kind == "csv":
            data = read_csv(target)
        else:
            s = load_session(target)
            data = s.data
        k = int(data.t_c[0])
        assert k in (last_done, last_begun), (k, last_done, last_begun)
        assert data == version(k)
        if kind == "session":
            assert s.config == TrainConfig(seed=k, epochs=1000 + k)
        for leftover in temp_files(target):  # what a crash leaves behind is a hidden temporary file, never the target
            assert leftover.name.startswith(".") and leftover != target
            leftover.unlink()
    print(f"\n{kind}: {caught_mid_save} of {ROUNDS} kills landed before the rename (temporary file left behind)")
    assert caught_mid_save >= 1, "no kill landed mid-save; the test proved nothing"


CHILD_WINDOW = textwrap.dedent("""
    import time
    from thermogui.app import create_window
    from thermogui.core.config import TrainConfig

    window = create_window()
    m = window.model
    m.setData(m.index(0, 1), "36.25")
    m.setData(m.index(10, 2), "-3,5")
    m.setData(m.index(4, 0), 0, 10)  # untick "Use" on row 5 (Qt.CheckStateRole)
    m.insert_rows(11, [99.5], [37.0])
    window.controls.set_config(TrainConfig(lr=0.02, epochs=1234, normalize="zscore"))
    window.files.autosave()
    print("saved", window.files.autosave_path, flush=True)
    while True:
        time.sleep(3600)  # "working": the test kills this process
""")


def test_after_a_kill_the_next_start_offers_the_autosave_and_restores_it_exactly(qtbot, prompts):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from thermogui.app import create_window

    proc = subprocess.Popen([sys.executable, "-c", CHILD_WINDOW], stdout=subprocess.PIPE, text=True, env=child_env())
    try:
        line = proc.stdout.readline()
        assert line.startswith("saved "), line
        autosave = Path(line.split(" ", 1)[1].strip())
        assert autosave.exists()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()

    expected = (Dataset.book().with_value(0, "t_u", 36.25).with_value(10, "t_c", -3.5).with_include(4, False)
                .inserted(11, [99.5], [37.0]))
    window = create_window()
    qtbot.waitExposed(window)
    try:
        assert window.model.dataset == Dataset.book()
        prompts.answer = QMessageBox.Yes
        assert window.files.offer_restore() is True
        assert prompts and prompts[-1][0] == "Restore unsaved work?"
        assert window.model.dataset == expected
        assert window.model.dataset.t_u.tolist() == expected.t_u.tolist()  # bit for bit
        assert window.controls.config() == TrainConfig(lr=0.02, epochs=1234, normalize="zscore")
        assert window.files.is_modified()  # restored work is unsaved work
        assert not autosave.exists()  # offered once, then cleared
        assert window.files.offer_restore() is False
    finally:
        window.files.mark_saved()
        window.close()
        window.deleteLater()


def test_saving_through_a_symbolic_link_replaces_the_file_it_points_at_not_the_link(tmp_path):
    from thermogui.core.csvio import write_csv

    real = tmp_path / "data" / "readings.csv"
    real.parent.mkdir()
    write_csv(real, Dataset.book())
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    changed = Dataset.book().with_value(0, "t_u", 40.0)
    write_csv(link, changed)
    assert link.is_symlink() and read_csv(real) == changed and read_csv(link) == changed
    assert sorted(p.name for p in real.parent.iterdir()) == ["readings.csv"]  # the temporary file was beside it
