"""Autosave in one process: it is written off the GUI thread, one write at a time, cancelled cleanly on close; an
orphaned autosave (nobody holds its lock) is offered even when its lock names our own pid (a PID namespace); one that
cannot be read is kept and named; a restored document keeps its autosave until it is saved; leftovers of killed writes
are cleared at start.  The crash scenarios with real killed processes are in tests/test_crash_safety.py."""

from __future__ import annotations

import os
import threading
import time
import uuid

import numpy as np
import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QMessageBox

from thermogui.core.config import TrainConfig
from thermogui.core.dataset import Dataset
from thermogui.core.session import Session, load_session, save_session
from thermogui.ui.files import autosave
from thermogui.ui.readings.model import T_U

from .helpers import edit_cell


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    """This test's own autosave folder (and state folder), never the user's."""
    from thermogui.app import _application

    _application()  # (the app and organization names the folders are named after)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return autosave.autosave_dir()


def orphan(folder, session: Session, lock: bytes | None = None, age: float = 0.0):
    """An autosave as a crashed instance leaves it: the file and, if given, the content of its lock file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autosave-{uuid.uuid4().hex}.thermogui.json"
    save_session(path, session)
    if lock is not None:
        autosave.lock_path_of(path).write_bytes(lock)
    if age:
        t = time.time() - age
        os.utime(path, (t, t))
    return path


def our_lock_content(tmp_path) -> bytes:
    """What a QLockFile taken by this very process writes: our pid, our program, our host, machine and boot ids."""
    probe = QLockFile(str(tmp_path / "probe.lock"))
    assert probe.tryLock(0)
    content = (tmp_path / "probe.lock").read_bytes()
    probe.unlock()
    return content


def error_dialog(window):
    box = next((b for b in window.findChildren(QMessageBox, "fileErrorDialog") if b.isVisible()), None)
    assert box is not None
    return box


SESSION = Session(Dataset.book().with_value(3, "t_u", 61.5).with_include(7, False), TrainConfig(lr=0.003, epochs=777))


# --- writing off the GUI thread ---------------------------------------------------------------------------------------
def test_the_write_runs_in_a_worker_thread_one_at_a_time_and_the_newest_snapshot_wins(qtbot, window, monkeypatch):
    gate, entered = threading.Event(), threading.Event()
    writers, active, most = [], [0], [0]
    count = threading.Lock()
    real = autosave.atomic_write_text

    def held_write(path, text):  # the real write, held until the test lets it go
        with count:
            active[0] += 1
            most[0] = max(most[0], active[0])
        writers.append(threading.current_thread())
        entered.set()
        try:
            if gate.wait(30):
                real(path, text)
        finally:
            with count:
                active[0] -= 1

    monkeypatch.setattr(autosave, "atomic_write_text", held_write)
    files = window.files
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    files.autosave()  # what the timer does: it returns while the write is still held
    assert entered.wait(10)
    assert writers[0] is not threading.main_thread() and not files.autosave_path.exists()
    edit_cell(qtbot, window.data_panel.view, 1, T_U, "41")  # the GUI keeps working meanwhile
    files.autosave()
    edit_cell(qtbot, window.data_panel.view, 2, T_U, "42")
    files.autosave()
    assert files.autosaver.busy
    gate.set()
    assert files.autosaver.wait(30)
    assert most[0] == 1  # never two writes at once
    assert len(writers) == 2  # the held one, then the newest (the middle snapshot was replaced while it waited)
    assert load_session(files.autosave_path).data == window.model.dataset
    assert window.model.dataset.t_u[:3].tolist() == [40.0, 41.0, 42.0]


@pytest.mark.serial  # (measures time: run alone)
def test_a_large_autosave_does_not_block_the_gui(qtbot, window):
    rows = 500_000
    window.model.reset_dataset(Dataset(np.arange(rows) * 0.25, np.arange(rows) * 0.5 - 17))
    window.model.setData(window.model.index(0, T_U), "1.5")  # unsaved work
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=10_000)  # (the table has drawn its new rows)
    start = time.perf_counter()
    window.files.autosave()
    returned = time.perf_counter() - start
    qtbot.waitUntil(lambda: not window.files.autosaver.busy, timeout=60_000)
    took = time.perf_counter() - start
    timer.stop()
    longest = float(np.max(np.diff([start, *[t for t in ticks if t > start]])))
    print(
        f"\nautosave of {rows:,} rows: returned after {returned * 1e3:.0f} ms, written after {took:.2f} s, "
        f"longest GUI pause {longest * 1e3:.0f} ms"
    )
    assert returned < 0.2  # the GUI thread only takes the snapshot
    # and keeps running while the worker writes (a synchronous write blocked it for all of `took`); the bound allows
    # for a busy machine, where everything is slower
    assert longest < max(0.5, took / 3)
    assert load_session(window.files.autosave_path).data == window.model.dataset


def test_closing_while_a_write_is_in_flight_cancels_it_and_leaves_nothing(qtbot, window, folder, monkeypatch):
    real = autosave.session_to_dict
    started = threading.Event()
    writer = window.files.autosaver.writer

    def slow(session):  # the write is under way until the close asks it to stop
        started.set()
        writer.cancel_requested.wait(30)
        return real(session)

    monkeypatch.setattr(autosave, "session_to_dict", slow)
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    window.files.autosave()
    assert started.wait(10)
    path = window.files.autosave_path
    window.close()  # unsaved: the prompt fixture answers Discard
    assert not window.isVisible()
    assert not writer.busy and writer.cancelled == 1 and writer.written == 0
    assert not path.exists() and not autosave.lock_path_of(path).exists()
    assert sorted(folder.iterdir()) == []  # no temporary file either
    # (the fixtures check that no thread is left running and that Qt printed no warning)


# --- orphans ---------------------------------------------------------------------------------------------------------
def test_a_crashed_autosave_whose_lock_names_our_own_pid_is_offered(qtbot, window, folder, tmp_path, prompts):
    """In a PID namespace (a container, Flatpak) every start can be pid 1: the crashed instance's lock then names a
    running process, this one, running the same program.  Nobody holds the lock, so the autosave is orphaned."""
    path = orphan(folder, SESSION, lock=our_lock_content(tmp_path))
    qt = QLockFile(str(autosave.lock_path_of(path)))
    qt.setStaleLockTime(0)
    assert not qt.tryLock(0) and qt.error() == QLockFile.LockFailedError  # Qt's pid check alone calls it held
    assert qt.getLockInfo()[0] == os.getpid()  # (and so did the old "is that pid alive?" check)
    prompts.answer = QMessageBox.Yes
    assert window.files.offer_restore() is True
    assert [title for title, _ in prompts] == ["Restore unsaved work?"]
    assert window.model.dataset == SESSION.data
    assert (window.controls.config().lr, window.controls.config().epochs) == (0.003, 777)
    assert window.isWindowModified()
    # the window took the autosave over: the file stays, under its lock, and nobody else is offered it
    assert window.files.autosave_path == path and path.exists()
    assert autosave.claim_orphans() == []


def test_a_restored_document_keeps_its_autosave_until_it_is_saved(
    qtbot, window, folder, prompts, tmp_path, monkeypatch
):
    path = orphan(folder, SESSION)  # (no lock file at all: its owner is gone)
    prompts.answer = QMessageBox.Yes
    assert window.files.offer_restore()
    assert window.files.autosave_path == path and load_session(path) == SESSION  # not deleted at once
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "33.5")
    window.files.autosave_now()  # the next autosave replaces it, under the same name
    assert load_session(path).data == window.model.dataset and window.model.dataset.t_u[0] == 33.5
    saved = tmp_path / "kept.thermogui.json"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(saved), ""))
    assert window.files.save()
    assert load_session(saved).data == window.model.dataset
    assert not path.exists()  # the work is safe in the saved file
    window.files.autosave()  # nothing unsaved: nothing written
    assert not path.exists() and not window.files.autosaver.busy


def test_a_quadratic_autosave_restores_its_model_marks_and_run(qtbot, window, folder, prompts):
    from thermogui.core.report import summarize
    from thermogui.core.training import run

    config = TrainConfig(model="quadratic", arith="fast", lr=5e-4, epochs=3000, init_w2=0.25)
    data = Dataset.book().with_val_rows([2, 10])
    _, outcome = run(config, data)
    session = Session(data, config, {**summarize(config, data, outcome), "stale": False})
    orphan(folder, session)
    prompts.answer = QMessageBox.Yes
    assert window.files.offer_restore()
    assert window.model.dataset == data and window.run_state.committed_config() == config
    last = window.run_state.last_run
    assert last.config == config and not window.run_state.stale
    assert tuple(last.saved_result["params"].values()) == outcome.params
    window.files.autosave_now()  # written back as it was read
    assert load_session(window.files.autosave_path) == session


def test_an_autosave_this_version_cannot_read_is_kept_and_named(qtbot, window, folder, prompts):
    folder.mkdir(parents=True)
    broken = folder / f"autosave-{uuid.uuid4().hex}.thermogui.json"
    broken.write_text('{"format": "thermogui-session", "version": 1, "data": {"t_u": [1, 2')
    newer = orphan(folder, SESSION)
    newer.write_text(newer.read_text().replace('"version": 2', '"version": 99', 1))
    assert '"version": 99' in newer.read_text()
    assert window.files.offer_restore() is False
    assert prompts == []  # nothing to ask about
    text = error_dialog(window).text()
    assert str(broken) in text and str(newer) in text
    assert "not valid JSON" in text and "newer ThermoGUI" in text and "Nothing was deleted" in text
    assert broken.exists() and newer.exists()  # kept
    assert window.model.dataset == Dataset.book()  # and nothing changed
    again = autosave.claim_orphans()  # still there for the next start (and for a newer version)
    assert sorted(s.path for s in again) == sorted([broken, newer])
    for slot in again:
        slot.release(delete=False)


def test_each_orphan_is_asked_about_and_a_declined_one_is_deleted(qtbot, window, folder, prompts):
    older = orphan(folder, SESSION, age=3600)
    newer = orphan(folder, Session(Dataset.book().removed([0]), TrainConfig()))
    assert window.files.offer_restore() is False  # the fixture answers No
    assert len(prompts) == 2
    assert "(10 readings)" in prompts[0][1] and "Autosave 1 of 2" in prompts[0][1]  # newest first
    assert "(11 readings)" in prompts[1][1] and "Autosave 2 of 2" in prompts[1][1]
    assert not older.exists() and not newer.exists() and list(folder.iterdir()) == []


def test_a_windows_own_autosave_is_not_offered_while_it_is_open(qtbot, window, folder):
    from thermogui.app import create_window

    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    window.files.autosave_now()
    path = window.files.autosave_path
    assert path.exists() and autosave.lock_path_of(path).exists()
    other = create_window()
    try:
        assert other.files.offer_restore() is False
        assert other.files.autosave_path != path
    finally:
        other.close()
    window.files.mark_saved()
    window.close()
    assert not path.exists() and not autosave.lock_path_of(path).exists()  # closed: both gone


def test_leftovers_of_killed_writes_in_the_autosave_folder_are_removed_at_start(qtbot, window, folder):
    fcntl = pytest.importorskip("fcntl")
    folder.mkdir(parents=True)
    dead = folder / ".autosave-0a1b.thermogui.json.k2j4h5g_.tmp"  # its writer was killed
    dead.write_text('{"format": "thermogui-ses')
    live = folder / ".autosave-2c3d.thermogui.json.a1b2c3d4.tmp"  # its writer is still at it
    live.write_text('{"format": "thermogui-session", "ver')
    keep = [folder / "notes.tmp", folder / ".short.abc.tmp", folder / ".autosave-x.json.a1b2c3d4.tmp.bak"]
    for p in keep:
        p.write_text("not ours")
    fd = os.open(live, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # (as core/atomic.py's writer holds it)
        assert window.files.offer_restore() is False
        assert not dead.exists() and live.exists() and all(p.exists() for p in keep)
    finally:
        os.close(fd)
    assert window.files.offer_restore() is False
    assert not live.exists()  # its writer is gone now
    # lock files whose owner died before it first autosaved: tidied once they are a minute old
    old_lock, young_lock = (folder / f"autosave-{uuid.uuid4().hex}.thermogui.json.lock" for _ in range(2))
    for p in (old_lock, young_lock):
        p.write_bytes(our_lock_content(folder.parent))
    t = time.time() - 120
    os.utime(old_lock, (t, t))
    assert window.files.offer_restore() is False
    assert not old_lock.exists() and young_lock.exists()


def test_an_autosave_that_cannot_be_written_is_reported(qtbot, window, folder):
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the autosave folder should be")
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    window.files.autosave_now()
    assert "Could not autosave" in window.statusBar().currentMessage()
    assert not window.files.autosaver.busy
