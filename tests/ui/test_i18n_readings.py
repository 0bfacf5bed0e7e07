"""In Korean, a refused value says why in Korean — a learning rate typed as "abc" or "1e400", a table cell likewise —
and the readings table (headers, new rows, the count), the Edit menu and the undo history speak Korean; switching
back to English (View ▸ Language) gives the exact English texts again, the message already shown included."""

import pytest
from PySide6.QtCore import Qt

from .helpers import edit_cell
from .test_i18n import pick_language

OFFSCREEN_MENUS = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)


@pytest.fixture
def korean_choice():
    """한국어 chosen in View ▸ Language (as remembered) before the window is made (as tests/ui/test_i18n.py does)."""
    from thermogui.app import _application
    from thermogui.ui import i18n
    from thermogui.ui.files import settings

    _application()
    settings.UI_LANGUAGE.set("ko")
    yield
    i18n.apply_language("en")


@pytest.fixture
def korean_window(korean_choice, window):
    return window


def typed(qtbot, box, text: str) -> None:
    """Select the field's text and type over it, as a person does."""
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def problem(qtbot, window) -> str:
    label = window.controls.problem_label
    qtbot.waitUntil(label.isVisible, timeout=3000)
    return label.text()


@OFFSCREEN_MENUS
@pytest.mark.parametrize(
    "bad, korean, english",
    [
        (
            "abc",
            "⚠ 학습률: 'abc'는 숫자가 아닙니다. 0.01이나 1e-4 같은 숫자를 입력하세요",
            "⚠ learning rate: 'abc' is not a number; type a number such as 0.01 or 1e-4",
        ),
        (
            "1e400",
            "⚠ 학습률: 유한한 숫자여야 합니다 (입력값: 1e400)",
            "⚠ learning rate must be a finite number (got 1e400)",
        ),
        (
            "0",
            "⚠ 학습률: 허용 범위는 0 초과 1e6 이하입니다 (입력값: 0)",
            "⚠ learning rate must be greater than 0 and at most 1e6 (got 0)",
        ),
    ],
)
def test_a_refused_learning_rate_says_why_in_korean(qtbot, korean_window, bad, korean, english):
    w = korean_window
    typed(qtbot, w.controls.lr, bad)
    assert problem(qtbot, w) == korean
    assert w.run_state.problem("lr") == english[2:]  # the reason itself stays English (the core, the CLI)
    pick_language(qtbot, w, Qt.Key_E)
    assert w.controls.problem_label.text() == english  # the shown reason relabels at once
    pick_language(qtbot, w, Qt.Key_K)
    assert w.controls.problem_label.text() == korean


def test_a_whole_number_field_says_why_in_korean(qtbot, korean_window):
    w = korean_window
    typed(qtbot, w.controls.epochs, "2.5")
    assert problem(qtbot, w) == "⚠ 에포크: 정수여야 합니다 (입력값: '2.5')"
    typed(qtbot, w.controls.epochs, "0")
    qtbot.waitUntil(lambda: "정수입니다" in w.controls.problem_label.text(), timeout=3000)
    assert w.controls.problem_label.text() == "⚠ 에포크: 허용 범위는 1부터 10,000,000까지의 정수입니다 (입력값: 0)"


@OFFSCREEN_MENUS
@pytest.mark.parametrize(
    "bad, korean, english",
    [
        (
            "abc",
            "⚠ 3행, t_u: 'abc'는 숫자가 아닙니다. 35.7이나 1.2e3처럼 숫자로 입력하세요 — 이전 값을 그대로 두었습니다.",
            "⚠ Row 3, t_u: 'abc' is not a number; type digits like 35.7 or 1.2e3 — the old value was kept.",
        ),
        (
            "1e400",
            "⚠ 3행, t_u: '1e400'은 너무 큽니다. 측정값은 ±1e+30 범위 안에 있어야 합니다 — 이전 값을 그대로 두었습니다.",
            "⚠ Row 3, t_u: '1e400' is too large; readings must be within ±1e+30 — the old value was kept.",
        ),
    ],
)
def test_a_refused_cell_says_why_in_korean(qtbot, korean_window, bad, korean, english):
    w = korean_window
    table = w.data_panel.view
    edit_cell(qtbot, table, 2, 1, bad)
    assert w.model.dataset.t_u[2] == 58.2  # the old value stays
    assert w.data_panel.message.text() == korean
    assert w.statusBar().currentMessage() == korean[2:]
    pick_language(qtbot, w, Qt.Key_E)
    assert w.data_panel.message.text() == english


def test_a_long_paste_is_refused_in_korean(qtbot, korean_window):
    from PySide6.QtGui import QGuiApplication

    w = korean_window
    table = w.data_panel.view
    table.setFocus()
    table.setCurrentIndex(w.model.index(2, 1))
    QGuiApplication.clipboard().setText("9" * 70)
    qtbot.keyClick(table, Qt.Key_V, Qt.ControlModifier)
    assert w.data_panel.message.text() == (
        "⚠ 3행: '" + "9" * 39 + "…' (70자)는 측정값으로 쓰기에 너무 깁니다 (최대 64자) — 이전 값을 그대로 두었습니다."
    )


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]


def edit_actions(window) -> list[str]:
    return [a.text() for a in window.edit_menu.actions() if not a.isSeparator()]


@OFFSCREEN_MENUS
def test_the_table_the_edit_menu_and_the_undo_history_speak_korean(qtbot, korean_window):
    w, panel = korean_window, korean_window.data_panel
    model, table = w.model, panel.view
    assert headers(model) == ["사용", "t_u (미지 단위)", "t_c (°C)", "검증"]
    assert model.headerData(3, Qt.Horizontal, Qt.ToolTipRole).startswith("검증 측정값: 체크해서")
    assert edit_actions(w) == [
        "실행 취소(&U)",
        "다시 실행(&R)",
        "행 추가(&A)",
        "행 삭제(&D)",
        "복사(&C)",
        "붙여넣기(&P)",
    ]
    assert panel.count_label.text() == "측정값 11개"
    assert [panel.undo_button.text(), panel.redo_button.text()] == ["실행 취소", "다시 실행"]

    edit_cell(qtbot, table, 2, 1, "59.75")
    assert panel.undo_action.text() == "실행 취소(&U): 3행의 t_u 값을 59.75로 바꾸기"
    assert panel.undo_button.toolTip().startswith("실행 취소: 3행의 t_u 값을")  # the mnemonic "(&U)" dropped
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key_Space)  # untick reading 1
    assert panel.undo_action.text() == "실행 취소(&U): 1행 제외"
    assert panel.count_label.text() == "측정값 11개, 10개 사용"
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert panel.redo_action.text() == "다시 실행(&R): 1행 제외"

    qtbot.keyClick(table, Qt.Key_Insert)  # a new row, opened for typing t_u
    qtbot.keyClick(w.focusWidget(), Qt.Key_Escape)
    assert model.headerData(11, Qt.Vertical) == "새 행"
    assert model.data(model.index(11, 1), Qt.ToolTipRole).endswith("아직 비어 있음: t_u, t_c.")
    assert panel.pending_label.text().startswith("12행은 아직 완성되지 않았습니다")
    assert panel.count_label.text() == "측정값 11개 + 미완성 1개"

    pick_language(qtbot, w, Qt.Key_E)
    assert headers(model) == ["Use", "t_u (unknown)", "t_c (°C)", "Val"]
    assert edit_actions(w) == ["&Undo Add new row 12", "&Redo", "&Add row", "&Delete rows", "&Copy", "&Paste"]
    assert model.headerData(11, Qt.Vertical) == "new"
    assert panel.pending_label.text().startswith("Row 12 is not complete yet: type t_u and t_c.")
    assert panel.count_label.text() == "11 readings + 1 incomplete"
    assert [model.undo_stack.text(i) for i in range(model.undo_stack.count())] == [
        "Set t_u in row 3 to 59.75",
        "Add new row 12",
    ]  # (the undone "Exclude row 1" was dropped by the new step)
    qtbot.keyClick(table, Qt.Key_Z, Qt.ControlModifier)
    assert panel.undo_action.text() == "&Undo Set t_u in row 3 to 59.75"
    assert panel.redo_action.text() == "&Redo Add new row 12"

    pick_language(qtbot, w, Qt.Key_K)  # the history made in English reads Korean again
    assert panel.undo_action.text() == "실행 취소(&U): 3행의 t_u 값을 59.75로 바꾸기"
    assert panel.redo_action.text() == "다시 실행(&R): 새 행 12 추가"
    assert headers(model)[0] == "사용" and panel.count_label.text() == "측정값 11개"
