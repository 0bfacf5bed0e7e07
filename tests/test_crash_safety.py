"""Crash safety, proved with real processes killed by SIGKILL:

- killing a process in the middle of saving a session or a CSV leaves the previous file intact, and the next save of
  that file removes the temporary file the kill left behind (never one a live writer is still writing);
- after a kill, the next start offers to restore the autosaved work and restores it exactly;
- two instances killed: the next start offers both autosaves;
- restored work stays autosaved: killed again right after the restore, the next start offers it again;
- the autosave of an instance that is still running is never offered, however old its lock file.
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

from tests.ui.conftest import prompts  # noqa: F401  (the fixture that answers dialogs.ask; autouse)
from thermogui.core.config import TrainConfig
from thermogui.core.csvio import read_csv, write_csv
from thermogui.core.dataset import Dataset
from thermogui.core.session import load_session, save_session

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


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """Autosaves (and the error log) in folders of this test's own, shared with the children it starts."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


def child_env() -> dict:
    # the same XDG_* folders as this process (set above), the package importable, no window
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def temp_files(target: Path) -> list[Path]:
    return list(target.parent.glob(f".{target.name}.*.tmp"))


def kill_mid_save(kind: str, target: Path) -> tuple[int, int, bool]:
    """Start the saver, let it complete at least one save, kill -9 it once its next temporary file appears.
    Returns (the last save completed, the last save begun, whether a temporary file was left behind)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, kind, str(target), str(ROWS)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=target.parent,
    )
    said = []
    try:
        for line in proc.stdout:
            said.append(line.split())
            if said[-1][0] == "begin" and any(word == "done" for word, _ in said):
                break  # a complete save is on disk and the next one has begun
        deadline = time.monotonic() + 30
        seen = temp_files(target)
        while not seen and time.monotonic() < deadline and proc.poll() is None:
            seen = temp_files(target)  # spin on the directory: the kill must land while the save is in flight
        assert seen, "the saver never started writing"  # (not a second look: the rename may have come since)
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
        # the next save of the file clears what the killed save left (its writer is dead)
        if kind == "csv":
            write_csv(target, data)
        else:
            save_session(target, s)
        assert temp_files(target) == []
    print(f"\n{kind}: {caught_mid_save} of {ROUNDS} kills landed before the rename (temporary file left behind)")
    assert caught_mid_save >= 1, "no kill landed mid-save; the test proved nothing"


CHILD_WINDOW = textwrap.dedent("""
    import sys
    import time
    from thermogui.app import create_window
    from thermogui.core.config import TrainConfig

    window = create_window()
    m = window.model
    m.setData(m.index(0, 1), sys.argv[1] if len(sys.argv) > 1 else "36.25")
    m.setData(m.index(10, 2), "-3,5")
    m.setData(m.index(4, 0), 0, 10)  # untick "Use" on row 5 (Qt.CheckStateRole)
    m.insert_rows(11, [99.5], [37.0])
    window.controls.set_config(TrainConfig(lr=0.02, epochs=1234, normalize="zscore"))
    window.files.autosave_now()
    print("saved", window.files.autosave_path, flush=True)
    while True:
        time.sleep(3600)  # "working": the test kills this process
""")

CHILD_RESTORE = textwrap.dedent("""
    import time
    from PySide6.QtWidgets import QMessageBox

    from thermogui.ui import dialogs

    dialogs.ask = lambda *a, **k: QMessageBox.Yes  # the person answers "restore"
    from thermogui.app import create_window

    window = create_window()
    restored = window.files.offer_restore()
    print("restored", restored, window.files.autosave_path, flush=True)
    while True:
        time.sleep(3600)  # "working" on the restored document: the test kills this process
""")


def expected_after_child(t_u0: float = 36.25) -> Dataset:
    """What CHILD_WINDOW's edits make of the book's readings."""
    return (
        Dataset.book()
        .with_value(0, "t_u", t_u0)
        .with_value(10, "t_c", -3.5)
        .with_include(4, False)
        .inserted(11, [99.5], [37.0])
    )


def start_child(script: str, *args: str) -> tuple[subprocess.Popen, list[str]]:
    """Start a child and read the first line it prints (split in words)."""
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, env=child_env())
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
    return proc, line.split()


def kill(proc: subprocess.Popen) -> None:
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL


def crashed_instance(t_u0: str = "36.25") -> Path:
    """Run an instance that edits and autosaves, then kill it; returns its autosave."""
    proc, said = start_child(CHILD_WINDOW, t_u0)
    try:
        assert said[:1] == ["saved"], said
        autosave = Path(said[1])
        assert autosave.exists()
    finally:
        kill(proc)
    return autosave


def close(window) -> None:
    window.files.mark_saved()
    window.close()


def test_after_a_kill_the_next_start_offers_the_autosave_and_restores_it_exactly(qtbot, prompts):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from thermogui.app import create_window

    autosave = crashed_instance()
    expected = expected_after_child()
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
        assert autosave.exists() and window.files.autosave_path == autosave  # kept: the window took it over
        assert window.files.offer_restore() is False  # and it is this window's now, not an orphan
    finally:
        close(window)
    assert not autosave.exists()  # closed (its work discarded when asked): gone


def test_two_instances_killed_the_next_start_offers_both(qtbot, prompts):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from thermogui.app import create_window

    first, second = crashed_instance("36.25"), crashed_instance("48.5")
    window = create_window()
    qtbot.waitExposed(window)
    opened = []
    try:
        prompts.answer = QMessageBox.Yes
        assert window.files.offer_restore() is True
        assert [title for title, _ in prompts] == ["Restore unsaved work?"] * 2
        assert "Autosave 1 of 2" in prompts[0][1] and "Autosave 2 of 2" in prompts[1][1]
        assert "opens in a new window" in prompts[1][1]
        from thermogui.ui.files import controller

        opened = [w for w in controller._restored_windows if w.isVisible()]
        assert len(opened) == 1  # the second in a window of its own
        restored = {w.files.autosave_path: w.model.dataset for w in (window, opened[0])}
        assert restored == {first: expected_after_child(36.25), second: expected_after_child(48.5)}
        assert first.exists() and second.exists()  # each kept by its window
    finally:
        for w in (window, *opened):
            close(w)
    assert not first.exists() and not second.exists()


def test_restored_work_is_offered_again_after_a_second_kill(qtbot, prompts):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from thermogui.app import create_window

    autosave = crashed_instance()
    proc, said = start_child(CHILD_RESTORE)  # the next start restores it ... and is killed a moment later
    try:
        assert said[:2] == ["restored", "True"], said
        assert Path(said[2]) == autosave and autosave.exists()  # it still autosaves there: not deleted at once
    finally:
        kill(proc)
    window = create_window()
    qtbot.waitExposed(window)
    try:
        prompts.answer = QMessageBox.Yes
        assert window.files.offer_restore() is True  # offered again
        assert window.model.dataset == expected_after_child()
    finally:
        close(window)


def test_a_running_instances_autosave_is_never_offered(qtbot, prompts):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from thermogui.app import create_window
    from thermogui.ui.files.autosave import lock_path_of

    proc, said = start_child(CHILD_WINDOW)
    window = None
    try:
        assert said[:1] == ["saved"], said
        autosave = Path(said[1])
        an_hour_ago = time.time() - 3600  # (Qt's default stale time, 30 s, would call its lock stale by age)
        for p in (autosave, lock_path_of(autosave)):
            os.utime(p, (an_hour_ago, an_hour_ago))
        window = create_window()
        qtbot.waitExposed(window)
        assert window.files.offer_restore() is False and prompts == []
        assert autosave.exists() and lock_path_of(autosave).exists()  # untouched
    finally:
        kill(proc)
    try:
        prompts.answer = QMessageBox.Yes
        assert window.files.offer_restore() is True  # its instance is gone now
        assert window.model.dataset == expected_after_child()
    finally:
        close(window)


WRITER = textwrap.dedent("""
    import os
    import sys
    from thermogui.core import atomic

    real_fsync = os.fsync

    def fsync_after_a_word(fd):  # the save is in flight, its temporary file written: wait for the test
        atomic.os.fsync = real_fsync
        print("writing", flush=True)
        sys.stdin.readline()
        real_fsync(fd)

    atomic.os.fsync = fsync_after_a_word
    atomic.atomic_write_text(sys.argv[1], "from the child\\n")
    print("done", flush=True)
""")


def test_a_live_writers_temporary_file_is_left_alone(tmp_path):
    from thermogui.core.atomic import atomic_write_text

    target = tmp_path / "shared.csv"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        assert proc.stdout.readline().split() == ["writing"]
        assert len(temp_files(target)) == 1
        atomic_write_text(target, "from the test\n")  # (a save of the same file tidies up beside it)
        assert len(temp_files(target)) == 1  # the child's is still being written: kept
        proc.stdin.write("go on\n")
        proc.stdin.flush()
        assert proc.stdout.readline().split() == ["done"]
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()
        proc.stdout.close()
    assert target.read_text() == "from the child\n" and temp_files(target) == []  # its save completed


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
