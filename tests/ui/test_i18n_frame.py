"""In Korean the fit and loss plots (axes, legends, tooltips, the squares' label), the About box, the question boxes'
buttons (same mnemonic letters), the error boxes and what a screen reader hears are Korean; switching the Language
menu back to English restores every English text, at once."""

from __future__ import annotations

import re
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from tests.ui.helpers import edit_cell
from tests.ui.test_dialogs import assert_mnemonics
from tests.ui.test_dialogs import person as person  # noqa: F401  (a fixture: the real question boxes, keys pressed)
from tests.ui.test_i18n import pick_language
from thermogui.core.errors import UserError
from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui.readings.model import T_U

HANGUL = re.compile("[\uac00-\ud7a3]")
OFFSCREEN_MENUS = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)


@pytest.fixture
def english_afterwards():
    from thermogui.ui import i18n

    yield
    i18n.apply_language("en")  # (the translators belong to the application, which outlives the test)


def axis_titles(plot) -> tuple[str, str]:
    item = plot.getPlotItem()
    return item.getAxis("bottom").labelText, item.getAxis("left").labelText


def legend(plot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def heard(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Name)


def described(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Description)


def plot_texts(w) -> dict:
    fit, loss = w.fit_plot, w.loss_plot
    return {
        "fit_axes": axis_titles(fit),
        "fit_legend": legend(fit),
        "fit_name": heard(fit),
        "fit_description": described(fit),
        "handle_tip": fit.handles[0].toolTip(),
        "squares": fit.squares_text(),
        "loss_axes": axis_titles(loss),
        "loss_legend": legend(loss),
        "loss_name": heard(loss),
        "cursor_tip": loss.cursor.toolTip(),
    }


def heard_texts(w) -> dict:
    lr_editor = w.controls.lr.findChild(QLineEdit)
    return {
        "lr_editor": heard(lr_editor),
        "norm_list": heard(w.controls.normalization.view()),
        "tabs": heard(w.tabs),
        "status": heard(w.status_label),
    }


@OFFSCREEN_MENUS
def test_the_plots_relabel_when_the_language_changes(qtbot, window, english_afterwards):
    w = window
    w.squares_action.trigger()  # View ▸ Residuals as Squares: the squares' label
    english = plot_texts(w)
    assert english["fit_axes"] == ("Temperature (°Fahrenheit)", "Temperature (°Celsius)")
    assert english["fit_legend"][:3] == ["least squares", "current fit", "readings"]
    assert "squared residuals" in english["fit_legend"]
    assert english["fit_name"] == "Fit plot" and english["fit_description"].startswith("Temperature in °Celsius")
    assert english["squares"].startswith("mean of the squares = MSE = ")
    assert english["loss_axes"] == ("Epoch", "Loss (mean squared error)")
    assert english["loss_legend"] == ["training loss"] and english["loss_name"] == "Loss plot"
    assert english["cursor_tip"].startswith("The epoch shown")

    pick_language(qtbot, w, Qt.Key_K)
    korean = plot_texts(w)
    assert korean["fit_axes"] == ("온도 (°F, 화씨)", "온도 (°C, 섭씨)")
    assert korean["fit_legend"][:3] == ["최소제곱", "현재 적합", "측정값"]
    assert "잔차의 제곱" in korean["fit_legend"]
    assert korean["fit_name"] == "적합 그래프" and korean["fit_description"].startswith("측정값 t_u에 대한 섭씨 온도")
    assert korean["handle_tip"] == "끌어서 내 직선을 놓으세요"
    mse = english["squares"].split("= MSE = ")[1].split()[0]
    assert korean["squares"].startswith("정사각형 넓이의 평균 = MSE = " + mse)  # the same number
    assert korean["loss_axes"] == ("에포크", "손실 (평균 제곱 오차)")
    assert korean["loss_legend"] == ["학습 손실"] and korean["loss_name"] == "손실 그래프"
    assert korean["cursor_tip"].startswith("지금 보이는 에포크입니다")
    # the law and my line get Korean names when they are shown after the switch
    w.law_action.trigger()
    assert "°F 법칙 (t_u − 32)·5/9" in legend(w.fit_plot)

    pick_language(qtbot, w, Qt.Key_E)
    back = plot_texts(w)
    changed = ("fit_legend", "fit_description")  # (the law is listed now; the run summary may follow the description)
    assert {k: v for k, v in back.items() if k not in changed} == {k: v for k, v in english.items() if k not in changed}
    assert back["fit_legend"] == [*english["fit_legend"], "°F law (t_u − 32)·5/9"]
    assert back["fit_description"].startswith(english["fit_description"])
    assert not any(HANGUL.search(str(v)) for v in back.values())


def test_the_loss_legend_relabels_earlier_runs_and_their_count(qtbot, english_afterwards):
    from thermogui.ui import i18n
    from thermogui.ui.plots.live import LossPlot

    plot = LossPlot()
    qtbot.addWidget(plot)
    rows = np.zeros((20, 3))
    rows[:, 0] = np.arange(1, 21)
    rows[:, 1] = np.geomspace(100.0, 3.0, 20)
    rows[:, 2] = np.nan
    for _ in range(5):  # a run label the teaching panels make: a Text, in the UI language
        plot.add_previous(rows, msg(QT_TRANSLATE_NOOP("LossPlot", "training loss"), "LossPlot"))
    plot.set_rows(rows)
    assert plot.legend_names() == ["training loss", *["training loss"] * 3, "+2 earlier runs (faded)"]
    i18n.apply_language("ko")
    assert plot.legend_names() == ["학습 손실", *["학습 손실"] * 3, "+이전 실행 2개 (흐리게)"]
    plot.clear_previous()
    for _ in range(4):
        plot.add_previous(rows, "lr 0.01")  # a plain str is shown as it is
    assert plot.legend_names() == ["학습 손실", "lr 0.01", "lr 0.01", "lr 0.01", "+이전 실행 1개 (흐리게)"]
    i18n.apply_language("en")
    assert plot.legend_names() == ["training loss", "lr 0.01", "lr 0.01", "lr 0.01", "+1 earlier run (faded)"]


@OFFSCREEN_MENUS
def test_what_a_screen_reader_hears_follows_the_language(qtbot, window, english_afterwards):
    english = heard_texts(window)
    assert english == {
        "lr_editor": "Learning rate",
        "norm_list": "Normalization choices",
        "tabs": "Views",
        "status": "Run status",
    }
    pick_language(qtbot, window, Qt.Key_K)
    korean = heard_texts(window)
    assert korean == {"lr_editor": "학습률", "norm_list": "정규화 선택 목록", "tabs": "보기", "status": "실행 상태"}
    pick_language(qtbot, window, Qt.Key_E)
    assert heard_texts(window) == english


def about_box_by_keyboard(qtbot, window) -> dict:
    """Help ▸ About from the keyboard (Alt+H, A: the same letters in every language); what the box says, then OK."""
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        timer.stop()
        seen.update(title=box.windowTitle(), text=box.text())
        box.accept()

    timer = QTimer(interval=10)
    timer.timeout.connect(read_and_close)
    timer.start()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key_H, Qt.AltModifier)
    assert QApplication.activePopupWidget() is window.help_menu
    qtbot.keyClick(window.help_menu, Qt.Key_A)  # (the box's own event loop runs until read_and_close closes it)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    timer.stop()
    return seen


@OFFSCREEN_MENUS
def test_the_about_box_speaks_the_language(qtbot, window, english_afterwards):
    from thermogui import __version__

    english = about_box_by_keyboard(qtbot, window)
    assert english["title"] == "About ThermoGUI"
    assert english["text"].startswith("<b>ThermoGUI {}</b><p>Watch gradient descent".format(__version__))
    pick_language(qtbot, window, Qt.Key_K)
    korean = about_box_by_keyboard(qtbot, window)
    assert HANGUL.search(korean["title"]) and "ThermoGUI" in korean["title"]
    assert "경사 하강법" in korean["text"] and "<b>ThermoGUI {}</b>".format(__version__) in korean["text"]
    assert "Watch" not in korean["text"]
    pick_language(qtbot, window, Qt.Key_E)
    assert about_box_by_keyboard(qtbot, window) == english


@OFFSCREEN_MENUS
def test_question_boxes_have_korean_buttons_with_the_same_mnemonics(qtbot, window, person, english_afterwards):
    pick_language(qtbot, window, Qt.Key_K)
    edit_cell(qtbot, window.data_panel.view, 0, T_U, "40")
    person.keys = [(Qt.Key_Escape, Qt.NoModifier)]
    window.close()
    assert window.isVisible()  # Escape is still Cancel
    box = person.boxes[-1]
    assert box["labels"] == {
        QMessageBox.Save: "저장(&S)",
        QMessageBox.Discard: "저장 안 함(&D)",
        QMessageBox.Cancel: "취소(&C)",
    }
    assert_mnemonics(box)
    pick_language(qtbot, window, Qt.Key_E)
    window.close()
    assert person.boxes[-1]["labels"] == {
        QMessageBox.Save: "&Save",
        QMessageBox.Discard: "&Don't Save",
        QMessageBox.Cancel: "&Cancel",
    }
    assert window.isVisible()
    pick_language(qtbot, window, Qt.Key_K)
    person.keys = [(Qt.Key_D, Qt.AltModifier)]  # Alt+D: 저장 안 함 (Don't Save), as in English
    window.close()
    assert not window.isVisible()


@pytest.fixture
def state_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)  # restored after the test
    return tmp_path / "state"


def shown(window, name: str) -> QMessageBox | None:
    return next((b for b in window.findChildren(QMessageBox, name) if b.isVisible()), None)


def raised(exc: BaseException):
    try:
        raise exc
    except BaseException as e:  # noqa: BLE001
        return type(e), e, e.__traceback__


@OFFSCREEN_MENUS
def test_error_boxes_speak_the_language(qtbot, window, state_home, english_afterwards):
    from thermogui import app as app_module

    pick_language(qtbot, window, Qt.Key_K)
    refusal = UserError(msg(QT_TRANSLATE_NOOP("fields", "learning rate"), "fields"))  # a core message (a Text)
    with qtbot.capture_exceptions():
        hook = app_module.install_excepthook()
        hook(*raised(RuntimeError("a bug")))
        hook(*raised(RuntimeError("another bug")))
        hook(*raised(refusal))
        qtbot.waitUntil(lambda: shown(window, "userErrorDialog") is not None, timeout=2000)
    bug, user = shown(window, "unhandledErrorDialog"), shown(window, "userErrorDialog")
    assert bug.windowTitle() == "예기치 않은 오류"
    assert bug.text() == "RuntimeError: a bug\n\n(그 뒤로 예기치 않은 오류가 1개 더 있었습니다)"
    assert bug.informativeText().startswith("ThermoGUI의 버그이며, 측정값이나 설정의 문제가 아닙니다.")
    log = state_home / "ThermoGUI" / "thermogui" / "errors.log"
    assert "자세한 내용을 {}에 기록했습니다.".format(log) in bug.informativeText()
    assert (user.windowTitle(), user.text(), user.informativeText()) == (
        "할 수 없는 작업",
        "학습률",
        "아무것도 바뀌지 않았습니다.",
    )
    assert "UserError: learning rate" in log.read_text()  # the log stays English
    bug.close()
    user.close()
    pick_language(qtbot, window, Qt.Key_E)
    with qtbot.capture_exceptions():
        hook(*raised(refusal))
        qtbot.waitUntil(lambda: shown(window, "userErrorDialog") is not None, timeout=2000)
    user = shown(window, "userErrorDialog")
    assert (user.windowTitle(), user.text(), user.informativeText()) == (
        "Cannot do that",
        "learning rate",
        "Nothing was changed.",
    )
    user.close()
