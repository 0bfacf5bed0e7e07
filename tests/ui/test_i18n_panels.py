"""In Korean the four teaching tabs (loss landscape, gradient inspector, results & calibration, learning-rate sweep),
the Book tab and the Book menu (the runs' titles and what to watch) and the Log tab's own texts speak Korean — the
core's explanations and refusals too (the landscape's caption, a sweep's summary, why a network has no landscape, why
a diverged line cannot convert a reading) — while the numbers and the book's printout stay as they are; switching the
Language menu to English gives back the exact English texts, and switching back relabels them in Korean again."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from tests.ui.helpers import choose, type_into
from tests.ui.test_i18n import korean_choice as korean_choice  # noqa: F401  (fixtures)
from tests.ui.test_i18n import korean_window as korean_window  # noqa: F401
from tests.ui.test_i18n import pick_language
from thermogui.core.presets import BY_KEY, PRESETS

HANGUL = re.compile("[\uac00-\ud7a3]")
OFFSCREEN_MENUS = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)


def open_tab(qtbot, window, panel) -> None:
    """Click the panel's tab, as a person does."""
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(window.tabs.indexOf(panel)).center())
    assert window.tabs.currentWidget() is panel


def press_f5(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_state.runEnded, timeout=60000):
        qtbot.keyClick(window, Qt.Key_F5)


def choose_data(qtbot, combo: QComboBox, data: str) -> None:
    """Pick the item whose data is `data` by its label in the UI language."""
    choose(qtbot, combo, combo.itemText(combo.findData(data)))


def book_texts(window) -> dict:
    panel = window.book_panel
    table = panel.table
    return {
        "menu": [a.text() for a in window.book_actions],
        "menu_tips": [a.statusTip() for a in window.book_actions],
        "list": [panel.list.item(i).text() for i in range(panel.list.count())],
        "load": panel.load_button.text(),
        "watch": panel.watch.text(),
        "status": panel.status.text(),
        "heads": [table.horizontalHeaderItem(c).text() for c in range(3)],
        "what": [table.item(r, 0).text() for r in range(table.rowCount())],
        "book": [table.item(r, 1).text() for r in range(table.rowCount())],
        "ticks": [table.item(r, 3).text() for r in range(table.rowCount())],
        "log_intro": window.log_panel.intro.text(),
        "log_copy": window.log_panel.copy_button.text(),
        "log_name": window.log_panel.text.accessibleName(),
        "log": window.log_panel.text.toPlainText(),
    }


def assert_book_korean(t: dict) -> None:
    assert t["menu"][0] == "첫 손실: w = 1, b = 0"
    assert t["menu"][3] == "t_un = 0.1·t_u, lr 1e-2, 100 에포크"
    assert all(HANGUL.search(m) for m in t["menu"]) and all(HANGUL.search(m) for m in t["menu_tips"])
    assert t["list"][3] == "t_un = 0.1·t_u, lr 1e-2, 100 에포크   (5장, §5.4.4)"
    assert t["load"] == "이 실행 불러오기"
    assert t["watch"] == (
        "<b>t_un = 0.1·t_u, lr 1e-2, 100 에포크</b> — t_u를 정규화하면 두 기울기의 크기가 비슷해집니다: "
        "이제 두 파라미터가 모두 알맞은 속도로 움직입니다."
    )
    assert t["status"] == "책에 나온 숫자 3개 중 3개가 책과 일치합니다."
    assert t["heads"] == ["책에 나온 값", "책", "이 실행"]
    assert t["what"] == ["에포크 1 손실", "에포크 1 기울기", "100 에포크 뒤의 파라미터"]
    assert t["book"] == ["80.36", "[-77.6140, -10.6400]", "[2.7553, -2.5162]"] and t["ticks"] == ["✓"] * 3
    assert t["log_intro"].startswith("이 실행에 대해 책의 training_loop가 출력하는 내용을")
    assert "100 에포크 이하의" in t["log_intro"] and "(1, 2, 3, 10, 11, 99, 100, 4000, 5000)" in t["log_intro"]
    assert t["log_copy"] == "복사" and t["log_name"] == "학습 로그"


def assert_book_english(t: dict) -> None:
    assert t["menu"] == [p.title for p in PRESETS] and t["menu_tips"] == [p.watch for p in PRESETS]
    assert t["list"][3] == "t_un = 0.1·t_u, lr 1e-2, 100 epochs   (ch. 5, §5.4.4)"
    assert t["load"] == "Load this run"
    preset = BY_KEY["scaled-100"]
    assert t["watch"] == "<b>{}</b> — {}".format(preset.title, preset.watch)
    assert t["status"] == "3 of 3 printed numbers agree with the book."
    assert t["heads"] == ["The book prints", "Book", "This run"]
    assert t["what"] == [e.what for e in preset.expect]
    assert t["book"] == [e.book for e in preset.expect] and t["ticks"] == ["✓"] * 3
    assert t["log_intro"].startswith("What the book's training_loop prints for this run")
    assert t["log_copy"] == "Copy" and t["log_name"] == "Training log"
    assert not any(HANGUL.search(str(v)) for v in t.values())


@OFFSCREEN_MENUS
def test_the_book_tab_menu_and_log_speak_korean(korean_window, qtbot):
    w = korean_window
    panel = w.book_panel
    open_tab(qtbot, w, panel)
    # choose the book's 100-epoch scaled run in the list and load it with the button, as a person does
    item = panel.list.item([p.key for p in PRESETS].index("scaled-100"))
    qtbot.mouseClick(panel.list.viewport(), Qt.LeftButton, pos=panel.list.visualItemRect(item).center())
    qtbot.mouseClick(panel.load_button, Qt.LeftButton)
    assert w.run_state.committed_config() == BY_KEY["scaled-100"].config
    assert panel.status.text() == "시작(F5)을 누르세요: 책의 숫자가 이 실행의 숫자와 나란히 여기에 나타납니다."
    press_f5(qtbot, w)
    open_tab(qtbot, w, w.log_panel)
    korean = book_texts(w)
    assert_book_korean(korean)
    # the printout is the book's code output: the same in every language
    assert korean["log"].startswith("Epoch : 1  Loss : 80.36  Grad : tensor([-77.6140, -10.6400])")
    assert not HANGUL.search(korean["log"])

    pick_language(qtbot, w, Qt.Key_E)
    english = book_texts(w)
    assert_book_english(english)
    assert english["log"] == korean["log"]

    pick_language(qtbot, w, Qt.Key_K)
    assert book_texts(w) == korean


def teaching_texts(window) -> dict:
    t = window.teaching
    land, grad, res, sweep = t.landscape, t.gradient, t.results, t.sweep
    return {
        "caption": land.caption.text(),
        "reset": land.reset_button.text(),
        "equal": land.equal_axes.text(),
        "path_note": land.path_note.text(),
        "colorbar": land.colorbar.axis.labelText,
        "legend": [label.text for _, label in land.legend.items],
        "where": grad.where.text(),
        "verdict": grad.verdict.text(),
        "methods": [grad.table.verticalHeaderItem(r).text() for r in range(6)],
        "equations": grad.equations.text(),
        "outliers": res.outlier_label.text(),
        "quality": res.quality.title(),
        "calculator": res.celsius_label.text(),
        "residual_axis": res.plot.getPlotItem().getAxis("bottom").labelText,
        "sweep_words": [label.text() for label in sweep.range_sentence.words + sweep.count_sentence.words],
        "sweep_button": sweep.run_button.text(),
        "sweep_summary": sweep.summary.text(),
        "sweep_axis": sweep.plot.getPlotItem().getAxis("left").labelText,
        "sweep_hint": sweep.hint.text(),
    }


@OFFSCREEN_MENUS
def test_the_teaching_tabs_speak_korean_and_the_core_explains_in_korean(korean_window, qtbot):
    w = korean_window
    t = w.teaching
    c = w.controls
    # the book's diverging run: raw t_u, lr 1e-2, 20 epochs (the loss is inf from epoch 11)
    choose_data(qtbot, c.normalization, "none")
    type_into(qtbot, c.lr, "1e-2")
    type_into(qtbot, c.epochs, "20")
    press_f5(qtbot, w)

    open_tab(qtbot, w, t.landscape)
    qtbot.waitUntil(lambda: t.landscape.landscape is not None, timeout=20000)
    open_tab(qtbot, w, t.gradient)
    open_tab(qtbot, w, t.results)
    res = t.results
    res.reading_input.setFocus()
    qtbot.keyClicks(res.reading_input, "60")
    sweep = t.sweep
    open_tab(qtbot, w, sweep)
    type_into(qtbot, sweep.count, "3")
    type_into(qtbot, sweep.epochs, "20")
    with qtbot.waitSignal(sweep.sweepFinished, timeout=60000):
        qtbot.mouseClick(sweep.run_button, Qt.LeftButton)
    open_tab(qtbot, w, t.landscape)  # (its path note is drawn while it shows)

    korean = teaching_texts(w)
    assert korean["caption"].startswith("각 등고선의 손실은 바로 안쪽 등고선의 ")
    assert ". 원래 t_u에서는 (조건수 33,599) 골짜기가 길고 좁습니다: " in korean["caption"]
    assert korean["caption"].endswith("입력의 배율을 조정하면 둥글어집니다. 클릭해서 학습을 시작할 곳을 고르세요.")
    assert korean["reset"] == "보기 초기화" and korean["equal"] == "축 비율 같게(&Q)"
    assert korean["path_note"].startswith("손실이 무한대가 되었습니다")
    assert korean["colorbar"] == "손실 (로그 눈금)"
    assert korean["legend"][:2] == ["시작점 (클릭해서 옮기기)", "최소점 (최소제곱)"] and "이번 실행" in korean["legend"]
    assert korean["where"].startswith("w = ") and "(모델 단위; x = t_u (정규화 없음))" in korean["where"]
    assert korean["verdict"].startswith("여기서는 손실이 더 이상 유한하지 않아서")
    assert korean["methods"][:3] == ["직접 계산 (연쇄 법칙)", "Autograd", "유한 차분"]
    assert "dL/dw에 대한 기여 = dL/dt_p × dt_p/dw = " in korean["equations"]
    assert korean["equations"].startswith("x = t_u = 35.7  (정규화 없음)\n")
    assert "\n점 11개의 기여를 모두 더하면 기울기가 됩니다: dL/dw = " in korean["equations"]
    assert korean["outliers"].startswith("이 직선은 측정값과 전혀 맞지 않습니다: 흔한 잔차가 ")
    assert korean["outliers"].endswith("학습률을 낮추거나 측정값을 정규화한 뒤 다시 실행하세요.")
    assert korean["quality"] == "적합 품질" and korean["residual_axis"] == "측정값 t_u (알 수 없는 단위)"
    assert korean["calculator"] == "⚠ 이 직선은 측정값과 전혀 맞지 않아서 변환할 수 없습니다: 먼저 실행을 고치세요."
    assert korean["sweep_words"] == ["학습률", "부터", "까지", "학습률", "개를 각각", "에포크씩 시도"]
    assert korean["sweep_button"] == "탐색 실행" and korean["sweep_axis"] == "20 에포크 뒤의 손실"
    assert re.fullmatch(
        r"(lr \S+까지 발산한 실행이 없습니다|lr ≈ \S+부터 실행이 발산합니다)\. 안정 한계의 예측은 3\.4e-4입니다\. "
        r"20 에포크 뒤 가장 낮은 손실: lr \S+에서 \S+\.",
        korean["sweep_summary"],
    ), korean["sweep_summary"]
    assert korean["sweep_hint"] == "점을 클릭하면 그 학습률을 씁니다."

    pick_language(qtbot, w, Qt.Key_E)
    english = teaching_texts(w)
    assert english["caption"].startswith("Each contour line has ")
    assert ". With raw t_u (condition number 33,599) the valley is long and narrow: " in english["caption"]
    assert english["caption"].endswith("Scale the input to make it round. Click to choose where training starts.")
    assert english["reset"] == "Reset view" and english["equal"] == "E&qual axes"
    assert english["legend"][:2] == ["start (click to move)", "minimum (least squares)"]
    assert english["where"].startswith("At w = ") and "(model units; x = t_u (no normalization))" in english["where"]
    assert english["methods"][:3] == ["By hand (chain rule)", "Autograd", "Finite difference"]
    assert "contribution to dL/dw = dL/dt_p × dt_p/dw = " in english["equations"]
    assert "\nAdding the contributions of all 11 points gives the gradient: dL/dw = " in english["equations"]
    assert english["outliers"].startswith("This line is nowhere near the readings: a typical residual is ")
    assert english["calculator"] == (
        "⚠ This line is nowhere near the readings, so it cannot convert them: fix the run first."
    )
    assert english["sweep_words"] == ["Learning rates from", "to", "Try", "rates,", "epochs each"]
    assert english["sweep_axis"] == "Loss after 20 epochs"
    assert "the bound predicts 3.4e-4" in english["sweep_summary"]
    assert "Lowest loss after 20 epochs: " in english["sweep_summary"]
    assert not any(HANGUL.search(str(v)) for v in english.values()), english
    # the numbers are the same in both languages
    number = re.compile(r"\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?")
    assert sorted(number.findall(english["sweep_summary"])) == sorted(number.findall(korean["sweep_summary"]))

    pick_language(qtbot, w, Qt.Key_K)
    assert teaching_texts(w) == korean


@OFFSCREEN_MENUS
def test_a_network_is_refused_with_korean_reasons(korean_window, qtbot):
    w = korean_window
    t = w.teaching
    choose_data(qtbot, w.findChild(QComboBox, "modelInput"), "mlp")
    open_tab(qtbot, w, t.landscape)
    note = t.landscape.unavailable_label
    view = t.landscape.network_view  # the network's own landscape, in Korean, instead of a (w, b) plane
    qtbot.waitUntil(lambda: view.isVisible() and view.grid is not None, timeout=5000)
    assert view.caption.text().startswith("신경망에는 (w, b) 평면이 없습니다")
    assert note.text() == (
        "이 모델에서는 손실 지형을 쓸 수 없습니다: 신경망 (Linear → Tanh → Linear)는 파라미터에 대해 선형이 "
        "아닙니다 — 손실이 파라미터의 고정된 2차식이 아니어서, 정확한 최소제곱 점도 그릴 수 있는 일정한 골짜기도 "
        "없습니다. 보려면 직선이나 2차식을 고르세요."
    )
    open_tab(qtbot, w, t.gradient)
    assert t.gradient.where.text().startswith("이 모델에서는 기울기 살펴보기를 쓸 수 없습니다")
    open_tab(qtbot, w, t.results)
    open_tab(qtbot, w, t.sweep)
    assert t.sweep.bound_note.text().startswith("이 모델에서는 안정 학습률 한계를 쓸 수 없습니다")
    assert t.sweep.bound_note.text().endswith("탐색은 어떤 학습률이 수렴하는지는 여전히 보여 줍니다.")

    pick_language(qtbot, w, Qt.Key_E)
    assert view.caption.text().startswith("The network has no (w, b) plane")
    assert note.text().startswith(
        "The landscape is not available for this model: the network (Linear → Tanh → Linear) is not linear"
    )
    assert t.gradient.where.text().startswith("The gradient inspector is not available for this model")
    assert "no single learning rate" in t.sweep.bound_note.text()
    assert not HANGUL.search(t.sweep.bound_note.text() + note.text() + w.findChild(QLabel, "outlierList").text())
