"""Files and exports in Korean: the errors of opening and saving (with the core's reasons), the save and restore
questions, the export dialog, the exported picture's labels (Hangul drawn with a font that has it, in the PNG and
the SVG) and the notebook's markdown; the book's English labels one click away; English unchanged after switching
back."""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.ui.test_i18n import pick_language
from thermogui.core.dataset import Dataset
from thermogui.ui.readings.model import T_U

from .helpers import edit_cell, type_into

HANGUL = re.compile("[\uac00-\ud7a3]")
GRAB = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)  # (menus)


@pytest.fixture
def korean_setting():
    """한국어 chosen in View ▸ Language (remembered) before the window is made (as tests/ui/test_i18n.py does)."""
    from thermogui.app import _application
    from thermogui.ui import i18n
    from thermogui.ui.files import settings

    _application()
    settings.UI_LANGUAGE.set("ko")
    yield
    i18n.apply_language("en")  # (the translators belong to the application, which outlives the test)


@pytest.fixture
def ko_window(korean_setting, window):
    return window


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """Autosaves in this test's own folders: no other test's orphan is offered here."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


def choose_file(monkeypatch, path, save=False):
    name = "getSaveFileName" if save else "getOpenFileName"
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def file_error(window) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox, "fileErrorDialog") if b.isVisible()]
    assert boxes, "no file error box"
    return boxes[-1]


def close_boxes(window) -> None:
    for box in window.findChildren(QMessageBox, "fileErrorDialog"):
        box.setObjectName("")
        box.close()


def press(qtbot, window, key, modifiers=Qt.ControlModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, key, modifiers)


# --- opening, saving, the unsaved-changes question ------------------------------------------------------------------
@GRAB
def test_file_errors_and_the_save_question_are_korean_and_english_again(
    ko_window, qtbot, tmp_path, monkeypatch, prompts
):
    w = ko_window
    bad = tmp_path / "bad.csv"
    bad.write_text("t_u,t_c,include\n10,1,1\n20,2,maybe\n")
    choose_file(monkeypatch, bad)
    press(qtbot, w, Qt.Key_O)  # Ctrl+O
    box = file_error(w)
    assert box.windowTitle() == "bad.csv를 열 수 없습니다"
    assert box.text() == (
        "아무것도 바뀌지 않았습니다. 찾은 문제:\n3번째 줄: include는 1이나 0이어야 합니다 ('maybe'는 안 됩니다)"
    )
    assert w.statusBar().currentMessage().startswith("bad.csv를 열 수 없습니다. 아무것도 바뀌지 않았습니다.")
    assert w.model.dataset == Dataset.book()
    close_boxes(w)

    newer = tmp_path / "newer.thermogui.json"  # a session of a later version: the core's reason, in Korean
    newer.write_text(json.dumps({"format": "thermogui-session", "version": 99}))
    choose_file(monkeypatch, newer)
    press(qtbot, w, Qt.Key_O)
    assert file_error(w).text() == (
        "아무것도 바뀌지 않았습니다. 이 세션은 더 새로운 ThermoGUI(버전 99)가 만들었습니다. 이 버전은 2까지 읽을 수 "
        "있습니다. 열려면 ThermoGUI를 업데이트하세요."
    )
    close_boxes(w)

    edit_cell(qtbot, w.data_panel.view, 0, T_U, "40")  # an unsaved change: New asks first
    prompts.answer = QMessageBox.Cancel
    press(qtbot, w, Qt.Key_N)
    assert prompts[-1] == (
        "저장하지 않은 변경 사항",
        "마지막으로 저장한 뒤 측정값이나 설정이 바뀌었습니다. 먼저 저장할까요?",
    )

    choose_file(monkeypatch, tmp_path / "no-such-folder" / "mine.thermogui.json", save=True)
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)  # Save As… into a folder that is not there
    box = file_error(w)
    assert box.windowTitle() == "mine.thermogui.json을 저장할 수 없습니다"
    assert box.text() == "그런 파일이나 폴더가 없습니다. 기존 파일은 바뀌지 않았습니다."
    close_boxes(w)

    pick_language(qtbot, w, Qt.Key_E)  # View ▸ Language ▸ English: the same errors in the same English as ever
    press(qtbot, w, Qt.Key_N)
    assert prompts[-1] == (
        "Unsaved changes",
        "The readings or settings have changed since they were last saved. Save them first?",
    )
    prompts.answer = QMessageBox.Discard
    choose_file(monkeypatch, bad)
    press(qtbot, w, Qt.Key_O)
    box = file_error(w)
    assert box.windowTitle() == "Could not open bad.csv"
    assert box.text() == "Nothing was changed. Problems found:\nline 3: include must be 1 or 0, not 'maybe'"
    close_boxes(w)
    choose_file(monkeypatch, tmp_path / "no-such-folder" / "mine.thermogui.json", save=True)
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    assert file_error(w).text() == "No such file or directory. Any existing file was left unchanged."
    close_boxes(w)


def test_the_restore_question_is_korean(ko_window, monkeypatch):
    from thermogui.core.config import TrainConfig
    from thermogui.core.session import Session, save_session
    from thermogui.ui import dialogs
    from thermogui.ui.files.autosave import autosave_dir

    folder = autosave_dir()
    folder.mkdir(parents=True)
    orphan = folder / f"autosave-{uuid.uuid4().hex}.thermogui.json"  # left by a crashed instance (no lock)
    save_session(orphan, Session(Dataset.book().removed([0]), TrainConfig()))
    asked = []

    def ask(parent, title, text, choices, default, escape, labels=None):
        asked.append((title, text, labels))
        return QMessageBox.Ignore  # Later: kept for the next start

    monkeypatch.setattr(dialogs, "ask", ask)
    assert ko_window.files.offer_restore() is False
    [(title, text, labels)] = asked
    assert title == "저장하지 않은 작업을 복원할까요?"
    assert (
        text.startswith("ThermoGUI가 제대로 닫히지 않았습니다.")
        and "자동 저장된 작업(측정값 10개)을 복원할까요?" in text
    )
    assert text.endswith("나중에를 누르면 남겨 두었다가 다음에 시작할 때 다시 묻습니다.")
    assert labels == {QMessageBox.Yes: "복원(&R)", QMessageBox.Discard: "삭제(&D)"}
    assert orphan.exists()


# --- the export dialog and the picture ------------------------------------------------------------------------------
def legend_labels(fig, panel="fit") -> list[str]:
    import pyqtgraph as pg

    [legend] = [it for it in fig.plots[panel].vb.childItems() if isinstance(it, pg.LegendItem)]
    return [label.text for _sample, label in legend.items]


def axis_titles(fig, panel="fit") -> tuple[str, str]:
    plot = fig.plots[panel]
    return plot.getAxis("bottom").labelText, plot.getAxis("left").labelText


def tick(qtbot, box) -> None:
    """Click a check box where a person does: on its box."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2))


@GRAB
def test_the_export_dialog_and_the_pictures_labels_follow_the_language(ko_window, qtbot, tmp_path):
    from thermogui.ui.export.dialog import ExportDialog
    from thermogui.ui.export.figure import Figure
    from thermogui.ui.export.inputs import window_inputs
    from thermogui.ui.files import settings

    w = ko_window
    press(qtbot, w, Qt.Key_E)  # Ctrl+E: File ▸ Export ▸ Plot Image…
    dlg = w.findChild(ExportDialog)
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "그래프 내보내기"
    assert dlg.book_labels_input.text() == "책의 영어 레이블" and not dlg.book_labels_input.isChecked()
    assert dlg.caption_input.text() == "그래프 아래에 적합한 식 보이기"
    assert [dlg.what.itemText(i) for i in range(3)] == ["적합 그래프", "손실 그래프", "적합과 손실 나란히"]
    assert dlg.export_button.text() == "내보내기(&E)" and dlg.form_labels["resolution"].text() == "해상도"
    assert dlg.size_label.text() == "3,840 × 2,880 픽셀"
    assert dlg.title_input.text() == "온도계 보정"  # the default title, in the labels' language
    type_into(qtbot, dlg.dpi, "100")
    dlg.path_input.setFocus()
    dlg.path_input.selectAll()
    qtbot.keyClicks(dlg.path_input, str(tmp_path / "ko.png"))
    with qtbot.waitSignal(dlg.exported, timeout=20000):
        qtbot.mouseClick(dlg.export_button, Qt.LeftButton)
    assert w.statusBar().currentMessage().startswith("그래프를 ")
    assert QImage(str(tmp_path / "ko.png")).text("Title") == "온도계 보정"

    fig = Figure(dlg.options(), **window_inputs(w))  # what the dialog drew
    try:
        assert axis_titles(fig) == ("온도 (°F, 화씨)", "온도 (°C, 섭씨)")
        assert legend_labels(fig) == ["측정값", "경사 하강법 적합", "최소제곱 (정확한 해)"]
    finally:
        fig.close()

    dlg = w.findChild(ExportDialog)  # (the same dialog, shown again)
    press(qtbot, w, Qt.Key_E)
    qtbot.waitExposed(dlg)
    tick(qtbot, dlg.book_labels_input)  # the book's English labels: one click
    assert dlg.book_labels_input.isChecked() and settings.EXPORT_BOOK_LABELS.get(QSettings())
    assert dlg.title_input.text() == "Thermometer calibration"
    fig = Figure(dlg.options(), **window_inputs(w))
    try:
        assert axis_titles(fig) == ("Temperature (°Fahrenheit)", "Temperature (°Celsius)")
        assert legend_labels(fig) == ["readings", "gradient descent fit", "least squares (exact)"]
    finally:
        fig.close()
    tick(qtbot, dlg.book_labels_input)
    assert dlg.title_input.text() == "온도계 보정"

    pick_language(qtbot, w, Qt.Key_E)  # English: the open dialog relabels, the picture's labels are English
    assert dlg.windowTitle() == "Export plot" and dlg.book_labels_input.text() == "Book's English labels"
    assert dlg.size_label.text() == "640 × 480 pixels" and dlg.title_input.text() == "Thermometer calibration"
    assert dlg.what.itemText(0) == "Fit plot" and dlg.export_button.text() == "&Export"
    fig = Figure(dlg.options(), **window_inputs(w))
    try:
        assert axis_titles(fig) == ("Temperature (°Fahrenheit)", "Temperature (°Celsius)")
    finally:
        fig.close()
    dlg.close()


@pytest.fixture
def korean():
    """The UI in Korean (no window needed to draw a picture)."""
    from thermogui.app import _application
    from thermogui.ui import i18n

    _application()
    i18n.apply_language("ko")
    yield
    i18n.apply_language("en")


def book_figure(**options):
    from thermogui.ui.export.figure import Figure
    from thermogui.ui.export.options import ExportOptions

    meta = {"epochs_run": "5000", "learning_rate": "0.01", "loss": "2.927645", "lstsq_loss": "2.927645"}
    return Figure(ExportOptions(dpi=150, **options), Dataset.book(), (0.5367, -17.30), (0.5368, -17.31), None, meta)


def glyph_runs(fig):
    """The glyph runs of every text the figure paints (title, caption, axis titles, legend labels), each laid out in
    the font its document draws it with (the one its HTML asks for)."""
    from PySide6.QtGui import QTextCursor, QTextLayout

    runs = []
    for item in fig.view.scene().items():
        if not (hasattr(item, "document") and item.isVisible() and item.document().toPlainText().strip()):
            continue
        doc = item.document()
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.NextCharacter)
        font = cursor.charFormat().font()
        assert font.family() == fig.family or fig.family in font.families(), (font.family(), font.families())
        layout = QTextLayout(doc.toPlainText(), font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs += layout.glyphRuns()
    assert runs
    return runs


def test_an_exported_png_in_korean_shows_hangul(korean, tmp_path):
    from thermogui.ui import i18n
    from thermogui.ui.export.options import ExportOptions
    from thermogui.ui.export.writing import render_figure, render_svg

    families = i18n.hangul_families()
    if not families:
        pytest.skip("no font with Hangul is installed (on Debian/Ubuntu `make sysdeps` installs fonts-noto-cjk)")
    fig = book_figure()
    try:
        assert fig.family in families  # one family for all its text, one with Hangul
        assert axis_titles(fig) == ("온도 (°F, 화씨)", "온도 (°C, 섭씨)")
        assert legend_labels(fig)[0] == "측정값"
        runs = glyph_runs(fig)
        assert {r.rawFont().familyName() for r in runs} <= set(families), {r.rawFont().familyName() for r in runs}
        assert all(0 not in r.glyphIndexes() for r in runs)  # glyph 0 is the box drawn for a missing glyph
    finally:
        fig.close()

    # By rendering: two titles of as many Hangul syllables differ in the picture (boxes would be alike), and the
    # Korean picture differs from the one with the book's English labels where the labels are.
    def png(**options) -> QImage:
        meta = {"epochs_run": "5000", "learning_rate": "0.01", "loss": "2.927645"}
        return render_figure(ExportOptions(dpi=100, **options), Dataset.book(), (0.5367, -17.30), None, None, meta)

    a, b = png(title="온도계"), png(title="섭씨도")
    assert a.size() == b.size() and a != b
    rows = [y for y in range(a.height()) if a.copy(0, y, a.width(), 1) != b.copy(0, y, b.width(), 1)]
    assert rows and max(rows) < a.height() * 0.15  # only the title, at the top, differs
    english = png(title="온도계", book_labels=True)
    assert english != a

    svg = render_svg(ExportOptions(dpi=100), Dataset.book(), (0.5367, -17.30))
    root = ET.fromstring(svg)
    named = []

    def walk(el, family):
        family = el.get("font-family", family)
        if HANGUL.search(el.text or ""):
            named.append(family)
        for child in el:
            walk(child, family)

    walk(root, None)
    assert named and all(f and f.split(",")[0].strip().strip("'\"") in families for f in named), named


# --- the notebook ---------------------------------------------------------------------------------------------------
def test_the_notebook_is_korean_when_the_ui_is(ko_window, qtbot, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    w = ko_window
    type_into(qtbot, w.controls.epochs, "20")
    with qtbot.waitSignal(w.runFinished, timeout=60000):
        qtbot.keyClick(w.controls.epochs.lineEdit(), Qt.Key_F5)
    path = tmp_path / "run.ipynb"
    choose_file(monkeypatch, path, save=True)
    w.export_notebook_action.trigger()
    assert w.statusBar().currentMessage() == "run.ipynb로 내보냈습니다."
    nb = nbformat.read(path, as_version=4)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert markdown[0].startswith("# 경사 하강법으로 온도계 보정하기\n\n*Deep Learning with PyTorch* 5장")
    assert "## 측정값" in markdown[2] and markdown[3].startswith("## 모델")
    assert "학습률 0.01, 에포크 20회, 시작값 w = 1.0, b = 0.0." in "".join(markdown)
    code = "".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not HANGUL.search(code)  # the code is the book's
