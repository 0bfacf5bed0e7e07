"""The Log tab: the lines the notebook's training_loop prints, appended while the run trains; selectable, copyable,
and bounded for long runs.  Every test types its settings into the window as a person does, then presses F5 / F10."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

from thermogui.core import booklog
from thermogui.core.config import StopReason

from .helpers import choose, click

# In [18] of the notebook (raw t_u, lr 1e-2): the run stops itself at epoch 11, the first loss that is inf
NOTEBOOK_DIVERGING = """\
Epoch : 1  Loss : 1763.88  Grad : tensor([4517.2964,   82.6000])
Epoch : 2  Loss : 5802484.50  Grad : tensor([-261257.4062,   -4598.9702])
Epoch : 3  Loss : 19408029696.00  Grad : tensor([15109614.0000,   266155.6875])
Epoch : 4  Loss : 64915905708032.00  Grad : tensor([-8.7385e+08, -1.5393e+07])
Epoch : 5  Loss : 217130525461053440.00  Grad : tensor([5.0539e+10, 8.9023e+08])
Epoch : 6  Loss : 726257583152928129024.00  Grad : tensor([-2.9229e+12, -5.1486e+10])
Epoch : 7  Loss : 2429183416467662896627712.00  Grad : tensor([1.6904e+14, 2.9776e+12])
Epoch : 8  Loss : 8125122549611731432050262016.00  Grad : tensor([-9.7764e+15, -1.7221e+14])
Epoch : 9  Loss : 27176882120842590626938030653440.00  Grad : tensor([5.6541e+17, 9.9596e+15])
Epoch : 10  Loss : 90901105189019073810297959556841472.00  Grad : tensor([-3.2700e+19, -5.7600e+17])
Epoch : 11  Loss : inf  Grad : tensor([1.8912e+21, 3.3313e+19])
""".splitlines()


def typed(qtbot, box, text: str) -> None:
    """Select the field's text and type over it."""
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def f5(qtbot, window, box, timeout=60000):
    """F5 with the focus still in the field just typed into; wait for the run to end."""
    with qtbot.waitSignal(window.runFinished, timeout=timeout) as blocker:
        qtbot.keyClick(box.lineEdit(), Qt.Key_F5)
    return blocker.args[0]


def show_log(qtbot, window) -> QPlainTextEdit:
    """Click the Log tab; its text."""
    bar = window.tabs.tabBar()
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Log")
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    text = window.findChild(QPlainTextEdit, "bookLogText")
    assert text is not None and text.isVisible()
    return text


def lines(text: QPlainTextEdit) -> list[str]:
    return text.toPlainText().splitlines()


def test_the_log_shows_the_notebooks_lines_for_the_diverging_run(qtbot, window):
    text = show_log(qtbot, window)
    assert text.toPlainText() == "" and "F5" in text.placeholderText()
    c = window.controls
    choose(qtbot, c.normalization, "None")
    typed(qtbot, c.lr, "0.01")
    typed(qtbot, c.epochs, "100")
    outcome = f5(qtbot, window, c.epochs)
    assert outcome.stop_reason == StopReason.NON_FINITE
    shown = lines(text)
    assert shown[:3] == NOTEBOOK_DIVERGING[:3]
    assert shown[:11] == NOTEBOOK_DIVERGING  # the divergence, character for character
    assert shown[11:] == ["tensor([-1.8590e+19, -3.2746e+17])"]  # what the book's loop returns there
    assert text.isReadOnly()
    assert text.font().family() == QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()


def test_the_log_follows_the_run_epoch_by_epoch(qtbot, window):
    text = show_log(qtbot, window)
    c = window.controls
    choose(qtbot, c.normalization, "None")
    typed(qtbot, c.lr, "0.01")
    typed(qtbot, c.epochs, "100")
    for n in (1, 2, 3):  # Step (F10): one epoch, then the run waits — and the log has that epoch's line
        with qtbot.waitSignal(window.runPaused, timeout=30000):
            qtbot.keyClick(c.epochs.lineEdit(), Qt.Key_F10)
        qtbot.waitUntil(lambda n=n: len(lines(text)) == n, timeout=5000)
        assert lines(text) == NOTEBOOK_DIVERGING[:n]
    assert window.state != "idle"  # still running (paused): the lines came while training
    with qtbot.waitSignal(window.runFinished, timeout=30000):
        click(qtbot, window, "stopButton")
    assert lines(text)[:3] == NOTEBOOK_DIVERGING[:3] and lines(text)[-1].startswith("tensor([")
    # a new run starts a new log; Reset clears it
    typed(qtbot, c.epochs, "2")
    f5(qtbot, window, c.epochs)
    assert lines(text) == NOTEBOOK_DIVERGING[:2] + ["tensor([2568.4011,   45.1637])"]
    click(qtbot, window, "resetButton")
    assert text.toPlainText() == ""


def test_copy_gives_the_selection_or_the_whole_log(qtbot, window):
    text = show_log(qtbot, window)
    c = window.controls
    choose(qtbot, c.normalization, "None")
    typed(qtbot, c.lr, "0.01")
    typed(qtbot, c.epochs, "3")
    f5(qtbot, window, c.epochs)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")
    click(qtbot, window, "copyLogButton")  # nothing selected: the whole log
    assert clipboard.text() == text.toPlainText()
    assert clipboard.text().splitlines()[:3] == NOTEBOOK_DIVERGING[:3]
    text.setFocus()  # select the first line with the keyboard, copy it with Ctrl+C
    qtbot.keyClick(text, Qt.Key_Home, Qt.ControlModifier)
    qtbot.keyClick(text, Qt.Key_End, Qt.ShiftModifier)
    qtbot.keyClick(text, Qt.Key_C, Qt.ControlModifier)
    assert clipboard.text() == NOTEBOOK_DIVERGING[0]
    clipboard.setText("")
    click(qtbot, window, "copyLogButton")  # with a selection: the selection
    assert clipboard.text() == NOTEBOOK_DIVERGING[0]


def test_a_long_run_has_only_the_books_chosen_epochs(qtbot, window, monkeypatch):
    calls = []
    real = booklog.tensor_text
    monkeypatch.setattr(booklog, "tensor_text", lambda *v: calls.append(v) or real(*v))
    appended = []
    text = show_log(qtbot, window)
    real_append = text.appendPlainText
    monkeypatch.setattr(text, "appendPlainText", lambda s: appended.append(s) or real_append(s))
    c = window.controls
    typed(qtbot, c.epochs, "30000")
    f5(qtbot, window, c.epochs, timeout=120000)
    shown = lines(text)
    heads = [ln for ln in shown if ln.startswith("Epoch") or ln == "..."]
    assert heads == [
        "Epoch 1, Loss 80.364342",
        "Epoch 2, Loss 37.574913",
        "Epoch 3, Loss 30.871077",
        "...",
        "Epoch 10, Loss 29.030489",
        "Epoch 11, Loss 28.941877",
        "...",
        "Epoch 99, Loss 22.214186",
        "Epoch 100, Loss 22.148710",
        "...",
        "Epoch 4000, Loss 2.927680",
        "Epoch 5000, Loss 2.927648",
    ]
    assert len(shown) == 9 * 3 + 3 + 1 and shown[-1].startswith("tensor([")
    # bounded: the 9 chosen epochs' tensors and the result formatted once each, a few appends — never per epoch
    assert len(calls) == 2 * 9 + 1
    assert len(appended) <= 9 + 3 + 1 and "\n".join(appended) == text.toPlainText()


def test_another_model_gets_no_printout_and_says_why(qtbot, window):
    c = window.controls
    model = getattr(c, "model", None)
    if model is None or model.findText("Quadratic", Qt.MatchStartsWith) < 0:
        pytest.skip("no quadratic model in this build")
    text = show_log(qtbot, window)
    choose(qtbot, model, "Quadratic")
    typed(qtbot, c.epochs, "20")
    f5(qtbot, window, c.epochs)
    assert text.toPlainText() == ""
    assert "straight line" in text.placeholderText() and "quadratic" in text.placeholderText()


def test_a_million_epochs_on_the_fast_path_stay_bounded(qtbot, window, monkeypatch):
    c = window.controls
    arith = getattr(c, "arith", None)
    if arith is None or arith.findText("Fast", Qt.MatchStartsWith) < 0:
        pytest.skip("no fast arithmetic in this build")
    calls = []
    real = booklog.tensor_text
    monkeypatch.setattr(booklog, "tensor_text", lambda *v: calls.append(v) or real(*v))
    text = show_log(qtbot, window)
    choose(qtbot, arith, "Fast")
    typed(qtbot, c.epochs, "1000000")
    f5(qtbot, window, c.epochs, timeout=120000)
    shown = lines(text)
    assert [ln.split(",")[0] for ln in shown if ln.startswith("Epoch")] == [f"Epoch {e}" for e in booklog.BOOK_EPOCHS]
    assert shown.count("...") == 3 and len(shown) == 9 * 3 + 3 + 1
    assert len(calls) == 2 * 9 + 1  # never a line per epoch, however many epochs
