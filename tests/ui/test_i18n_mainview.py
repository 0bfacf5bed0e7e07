"""In Korean a diverging run (normalization none, lr 1e-2, F5) is explained in Korean — the stop banner, its fix
buttons (same mnemonic letters), the readouts and the run's summary — and so are the status line, a finished run's
sentence and a refusal from the core (my line is no start for a network); switching the Language menu to English
gives back the exact English texts, numbers unchanged, and switching back to Korean relabels them again."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.helpers import choose, type_into
from tests.ui.test_i18n import korean_choice as korean_choice  # noqa: F401  (fixtures)
from tests.ui.test_i18n import korean_window as korean_window  # noqa: F401
from tests.ui.test_i18n import pick_language
from thermogui.core.config import StopReason

HANGUL = re.compile("[\uac00-\ud7a3]")
OFFSCREEN_MENUS = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)


def text(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def press_f5(qtbot, window, timeout: int = 60000):
    """Start (F5) from the keyboard, as a person does, and wait for the run to end."""
    with qtbot.waitSignal(window.runFinished, timeout=timeout) as blocker:
        qtbot.keyClick(window, Qt.Key_F5)
    return blocker.args[0]


def choose_data(qtbot, combo, data: str) -> None:
    """Pick the item whose data is `data` by its label in the UI language."""
    choose(qtbot, combo, combo.itemText(combo.findData(data)))


def alert_texts(window) -> dict:
    a = window.alert
    return {
        "headline": a.headline.text(),
        "advice": a.advice.text(),
        "buttons": [b.text() for b in (a.stable_button, a.normalize_button, a.retry_button, a.close_button)],
        "name": a.accessibleName(),
        "description": a.accessibleDescription(),
    }


@OFFSCREEN_MENUS
def test_a_diverging_run_is_explained_in_korean(korean_window, qtbot):
    w = korean_window
    # before a run: the status line and the readouts speak Korean
    assert text(w, "runStatusLabel") == "준비됨 — 시작(F5)을 누르면 학습합니다."
    assert text(w, "lossLabel") == "손실 —" and text(w, "gradientLabel") == "기울기 —"
    epochs = w.run_state.committed_config().epochs
    assert text(w, "epochLabel") == "시작 전 — 시작(F5)을 누르면 {:,} 에포크를 실행합니다".format(epochs)
    assert text(w, "runSummaryLabel") == "아직 끝난 실행이 없습니다."
    assert text(w, "leastSquaresLabel").startswith("최소제곱 (가능한 최선): t_c = 0.5368 · t_u − 17.30, 손실 ")
    assert text(w, "equationLabel").startswith("시작: t_c = ")

    c = w.controls
    choose_data(qtbot, c.normalization, "none")
    type_into(qtbot, c.lr, "1e-2")
    type_into(qtbot, c.epochs, "100")
    assert text(w, "stableRateLabel") == "⚠ 안정 한계 3.4e-4의 29.4배: 손실이 발산할 것입니다"  # warned before the run
    outcome = press_f5(qtbot, w)
    assert outcome.stop_reason == StopReason.NON_FINITE and outcome.stop_epoch == 11

    korean = alert_texts(w)
    assert w.alert.isVisible()
    assert korean["headline"] == "에포크 11에서 멈춤: 손실이 inf가 되었습니다 (유한하지 않음)."
    assert korean["advice"].startswith("학습률 0.01은 이 데이터에서 안정적인 최대 학습률 3.4e-4의 29.4배입니다")
    assert korean["advice"].endswith("학습률을 낮추거나 입력을 정규화하세요.") and "발산" in korean["advice"]
    assert korean["buttons"] == [
        "안정적인 학습률 사용 (3.1e-4)(&U)",
        "입력 정규화 (× 0.1)(&Z)",
        "다시 시도(&Y)",
        "닫기(&I)",
    ]
    assert korean["name"] == "학습이 멈춤"
    assert korean["description"] == korean["headline"] + " " + korean["advice"]
    assert w.alert.close_button.toolTip() == "이 메시지를 숨깁니다"
    # the readouts, the run's summary and the progress bar
    assert text(w, "epochLabel") == "에포크 11 / 100"
    assert text(w, "lossLabel").startswith("에포크 11의 손실 ") and text(w, "lossLabel").endswith(" (업데이트 전)")
    assert text(w, "gradientLabel").startswith("에포크 11의 기울기  dL/dw = ")
    assert text(w, "paramsLabel").startswith("에포크 11 뒤 (모델 단위): w = ")
    summary = text(w, "runSummaryLabel")
    assert summary.startswith("손실이 1763.88에서 ") and summary.endswith("에포크 11에서 멈췄습니다 (유한하지 않음).")
    assert w.progress.text() == "에포크 11에서 멈춤"

    # English: the same texts as a window that never spoke Korean, at once
    pick_language(qtbot, w, Qt.Key_E)
    english = alert_texts(w)
    assert english["headline"] == "Stopped at epoch 11: the loss became inf (not finite)."
    assert english["advice"] == (
        "Learning rate 0.01 is 29.4× the largest stable rate 3.4e-4 for this data — each step overshoots the minimum "
        "by more than it gains, so the error grows every epoch. Lower the learning rate or normalize the input."
    )
    assert english["buttons"] == ["&Use a stable rate (3.1e-4)", "Normali&ze input (× 0.1)", "Retr&y", "D&ismiss"]
    assert english["name"] == "Training stopped"
    assert text(w, "epochLabel") == "Epoch 11 of 100"
    assert text(w, "gradientLabel").startswith("Gradient of epoch 11  dL/dw = ")
    english_summary = text(w, "runSummaryLabel")
    assert english_summary.startswith("The loss grew from 1763.88 to ")
    assert english_summary.endswith(" and stopped at epoch 11 (not finite).")
    assert w.progress.text() == "stopped at epoch 11"
    shown = [english["headline"], english["advice"], *english["buttons"], english_summary, text(w, "lossLabel")]
    assert not any(HANGUL.search(t) for t in shown), shown
    # the numbers are the same in both languages
    assert korean["advice"].count("3.4e-4") == english["advice"].count("3.4e-4") == 1
    # and back to Korean
    pick_language(qtbot, w, Qt.Key_K)
    assert alert_texts(w) == korean
    assert text(w, "runSummaryLabel") == summary


@OFFSCREEN_MENUS
def test_a_finished_run_and_the_status_line_follow_the_language(korean_window, qtbot):
    w = korean_window
    type_into(qtbot, w.controls.epochs, "10")
    outcome = press_f5(qtbot, w)
    assert outcome.stop_reason == StopReason.COMPLETED
    loss = "{:.6g}".format(outcome.final_loss)
    assert text(w, "runStatusLabel") == "10 에포크를 마쳤습니다. 최종 손실 {} (최종 w, b에서).".format(loss)
    assert text(w, "epochLabel").startswith("에포크 10 / 10 — 끝남: 그 손실 ")
    assert text(w, "lossLabel").startswith("최종 손실 ") and text(w, "lossLabel").endswith(" (보이는 직선에서)")
    assert text(w, "runSummaryLabel").startswith("10 에포크 동안 손실이 80.36에서 ")
    summary = text(w, "runSummaryLabel")
    assert "로 줄었습니다; t_c = " in summary and "(으)로" not in summary  # the particle its number takes
    pick_language(qtbot, w, Qt.Key_E)
    assert text(w, "runStatusLabel") == "Completed 10 epochs. Final loss {} (at the final w, b).".format(loss)
    assert text(w, "epochLabel").startswith("Epoch 10 of 10 — finished: its loss ")
    assert text(w, "runSummaryLabel").startswith("Loss fell from 80.36 to ")
    assert " in 10 epochs; t_c = " in text(w, "runSummaryLabel")


@OFFSCREEN_MENUS
def test_a_refusal_of_the_core_reads_in_korean(korean_window, qtbot):
    """A network has no start values: my line (Ctrl+L) says so, the reason (core.geometry's) in Korean; the
    network's size stands for its equation ("13 hidden units, 40 parameters")."""
    w = korean_window
    choose_data(qtbot, w.controls.model, "mlp")
    hidden = w.run_state.committed_config().hidden
    size = 3 * hidden + 1
    assert text(w, "equationLabel") == "시작: 은닉 유닛 {}개, 파라미터 {}개".format(hidden, size)
    assert text(w, "leastSquaresLabel").startswith("최소제곱 (가능한 최선): — 신경망에는 닫힌 형태의 해가 없습니다")
    qtbot.keyClick(w, Qt.Key_L, Qt.ControlModifier)  # Run ▸ Place My Line
    assert w.my_line_action.isChecked()
    label = text(w, "myLineLabel")
    assert label.startswith("내 직선: t_c = ") and ", 손실 " in label
    assert label.endswith(" — 신경망의 시작점으로는 쓸 수 없습니다 (신경망에는 시작값이 없습니다)")
    button = w.readouts.my_line_button
    assert not button.isEnabled()
    assert button.text() == "내 직선에서 시작"
    assert button.toolTip() == (
        "사용할 수 없음: 신경망은 시드로 정한 무작위 가중치에서 시작하므로 정할 시작값이 없습니다 "
        "(직선, 2차 모델 또는 nn.Linear(1, 1)을 고르세요)"
    )
    pick_language(qtbot, w, Qt.Key_E)
    assert text(w, "equationLabel") == "Start: {} hidden units, {} parameters".format(hidden, size)
    assert text(w, "myLineLabel").endswith(" — not offered as a start for the network (it has no start values)")
    assert button.text() == "Start from my line"
    assert button.toolTip() == (
        "not offered: the network starts from its seeded random weights: it has no start values to set (choose the "
        "line, the quadratic or nn.Linear(1, 1))"
    )
