"""The window speaks Korean when that is chosen (View ▸ Language, remembered) or when the system does (LANG=ko_KR),
relabels itself at once when the language changes, and thermogui_ko.ts translates every string the sources mark."""

import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "thermogui" / "resources" / "i18n"
HANGUL = re.compile("[\uac00-\ud7a3]")
CODE_NAMES = {"startW2Input", "startWInput", "startBInput"}  # labelled w2, w, b in every language

KOREAN_MENUS = ["파일(&F)", "편집(&E)", "보기(&V)", "실행(&R)", "책(&K)", "도움말(&H)"]
ENGLISH_MENUS = ["&File", "&Edit", "&View", "&Run", "Boo&k", "&Help"]


def frame_texts(w) -> dict:
    """What a person reads on the window's frame (also run in the subprocess below)."""
    labels = {
        label.buddy().objectName(): label.text()
        for label in w.controls.findChildren(QLabel)
        if label.buddy() is not None and label.text()
    }
    return {
        "menus": [a.text() for a in w.menuBar().actions()],
        "start": w.run_buttons["startButton"].text(),
        "buttons": [b.text() for b in w.run_buttons.values()],
        "tabs": [w.tabs.tabText(i) for i in range(w.tabs.count())],
        "labels": labels,
        "lr_tip": w.controls.lr.toolTip(),
        "choices": [w.controls.normalization.itemText(i) for i in range(w.controls.normalization.count())],
        "title": w.windowTitle(),
    }


def assert_korean(texts: dict) -> None:
    assert texts["menus"] == KOREAN_MENUS
    assert texts["start"] == "시작"
    assert [HANGUL.search(b) is not None for b in texts["buttons"]] == [True] * 5, texts["buttons"]
    assert texts["tabs"][0] == "적합과 손실" and all(HANGUL.search(t) for t in texts["tabs"]), texts["tabs"]
    assert texts["labels"]["learningRateInput"] == "학습률(&L)"
    assert texts["labels"]["epochsInput"] == "에포크(&C)"
    untranslated = {k: v for k, v in texts["labels"].items() if k not in CODE_NAMES and not HANGUL.search(v)}
    assert not untranslated, untranslated
    assert texts["lr_tip"].startswith("각 단계에서 파라미터를") and "허용 범위: 0 초과 1e6 이하." in texts["lr_tip"]
    assert texts["choices"] == ["없음 (원래 t_u)", "배율 곱하기 (× 계수)", "Z-점수"]
    assert texts["title"].startswith("제목 없음")


def assert_english(texts: dict) -> None:
    assert texts["menus"] == ENGLISH_MENUS
    assert texts["start"] == "Start"
    assert texts["tabs"][0] == "Fit && loss"
    assert texts["labels"]["learningRateInput"] == "&Learning rate"
    assert (
        texts["lr_tip"].startswith("How far each step")
        and "Allowed: greater than 0 and at most 1e6." in texts["lr_tip"]
    )
    assert texts["choices"][0] == "None (raw t_u)"
    assert texts["title"].startswith("Untitled")
    assert not any(HANGUL.search(str(v)) for v in texts.values())


@pytest.fixture
def korean_choice():
    """한국어 chosen in View ▸ Language (as remembered in the settings) before the window is made."""
    from thermogui.app import _application
    from thermogui.ui import i18n
    from thermogui.ui.files import settings

    _application()  # (the application's names say which settings file QSettings() is)
    settings.UI_LANGUAGE.set("ko")
    yield
    i18n.apply_language("en")  # (the translators belong to the application, which outlives the test)


@pytest.fixture
def korean_window(korean_choice, window):
    return window


def test_the_chosen_language_labels_the_window(korean_window):
    from thermogui.ui import i18n

    assert i18n.current_language() == "ko"
    assert_korean(frame_texts(korean_window))
    assert korean_window.language_actions.by_choice["ko"].isChecked()
    # Qt's own texts too (qtbase_ko.qm): the buttons of its standard dialogs
    assert QApplication.translate("QPlatformTheme", "Cancel") == "취소"


def test_korean_is_drawn_with_a_font_that_has_hangul(korean_window):
    from thermogui.ui import i18n

    families = i18n.hangul_families()
    if not families:
        pytest.skip("no font with Hangul is installed (on Debian/Ubuntu `make sysdeps` installs fonts-noto-cjk)")
    button = korean_window.run_buttons["startButton"]
    layout = QTextLayout(button.text() + " 손실 loss", button.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    hangul = [r for r in runs if r.rawFont().familyName() in families]
    assert hangul, [r.rawFont().familyName() for r in runs]
    assert all(0 not in r.glyphIndexes() for r in hangul)  # glyph 0 is the box drawn for a missing glyph
    assert set(families[:1]) <= set(QApplication.font().families())


def pick_language(qtbot, window, key: Qt.Key) -> None:
    """View ▸ Language ▸ English (E) or 한국어 (K) from the keyboard, as a person does: Alt+V, L, then the item's key
    (the same keys in every language)."""
    window.activateWindow()  # (offscreen, a closed menu leaves no window active; a person's window stays so)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key_V, Qt.AltModifier)
    view = QApplication.activePopupWidget()
    assert view is window.view_menu
    qtbot.keyClick(view, Qt.Key_L)
    languages = QApplication.activePopupWidget()
    assert languages is window.language_menu
    qtbot.keyClick(languages, key)
    assert QApplication.activePopupWidget() is None


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard", extend=True)  # (offscreen menus)
def test_the_language_menu_relabels_the_open_window(korean_window, qtbot):
    from thermogui.ui.files import settings

    w = korean_window
    assert_korean(frame_texts(w))
    pick_language(qtbot, w, Qt.Key_E)
    assert_english(frame_texts(w))  # at once: no restart, no waiting
    assert settings.ui_language() == "en" and w.language_actions.by_choice["en"].isChecked()
    assert w.start_action.toolTip() == "Train from the start values (F5)"
    pick_language(qtbot, w, Qt.Key_K)
    assert_korean(frame_texts(w))
    assert settings.ui_language() == "ko" and w.language_actions.by_choice["ko"].isChecked()
    assert w.start_action.toolTip() == "시작값에서부터 학습합니다 (F5)"


def test_the_system_language_is_what_a_choice_of_system_means():
    from thermogui.ui import i18n

    assert i18n.system_language(QLocale("ko_KR")) == "ko"
    assert i18n.system_language(QLocale("de_DE")) == "en"  # not spoken here: English
    assert i18n.language_for("ko") == "ko" and i18n.language_for("en") == "en"
    assert i18n.language_for("system") == i18n.system_language()


PROBE = textwrap.dedent("""
    import json
    from thermogui.app import create_window
    from thermogui.ui import i18n
    from tests.ui.test_i18n import frame_texts

    w = create_window()
    print(json.dumps({"language": i18n.current_language(), **frame_texts(w)}))
    w.files.mark_saved()
    w.close()
""")


def test_the_system_locale_is_followed_when_nothing_was_chosen(tmp_path):
    import json

    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(
        LANG="ko_KR.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "c"),  # nothing remembered: "System"
        XDG_DATA_HOME=str(tmp_path / "d"),
        XDG_STATE_HOME=str(tmp_path / "s"),
    )
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    texts = json.loads(proc.stdout.strip().splitlines()[-1])
    assert texts.pop("language") == "ko"
    assert_korean(texts)


# --- the translation files --------------------------------------------------------------------------------------------
# The sources whose every marked string (self.tr, translate, QT_TRANSLATE_NOOP) must be translated in thermogui_ko.ts.
# A pass that wraps the strings of a file adds the file here (and runs `make translations`).  Once every file is
# wrapped (it is), WHOLE_TREE checks every source under thermogui/ (THERMOGUI_I18N_WHOLE_TREE=0: only WRAPPED;
# for a quick look at one pass).
WRAPPED = (
    "thermogui/ui/panels/network_views.py",
    "thermogui/core/fields.py",
    "thermogui/ui/i18n.py",
    "thermogui/ui/main_window.py",
    "thermogui/ui/panels/readouts.py",
    "thermogui/core/explain.py",
    "thermogui/core/analysis.py",
    "thermogui/core/geometry.py",
    "thermogui/core/models/network.py",
    "thermogui/ui/window_layout.py",
    "thermogui/ui/controls/panel.py",
    "thermogui/ui/controls/widgets.py",
    "thermogui/core/dataset.py",
    "thermogui/core/errors.py",
    "thermogui/ui/state.py",
    "thermogui/ui/readings/model.py",
    "thermogui/ui/readings/table.py",
    "thermogui/ui/files/controller.py",
    "thermogui/ui/files/autosave.py",
    "thermogui/ui/export/dialog.py",
    "thermogui/ui/export/results.py",
    "thermogui/ui/export/figure.py",
    "thermogui/ui/export/options.py",
    "thermogui/ui/export/caption.py",
    "thermogui/ui/export/writing.py",
    "thermogui/core/csvio.py",
    "thermogui/core/session.py",
    "thermogui/core/safeio.py",
    "thermogui/core/atomic.py",
    "thermogui/core/exports.py",
    "thermogui/core/notebook.py",
    "thermogui/ui/plots/live.py",
    "thermogui/ui/plots/kit.py",
    "thermogui/app.py",
    "thermogui/ui/accessibility.py",
    "thermogui/ui/dialogs.py",
    "thermogui/ui/panels/landscape.py",
    "thermogui/ui/panels/inspector.py",
    "thermogui/ui/panels/sweep.py",
    "thermogui/ui/panels/results.py",
    "thermogui/ui/panels/teaching.py",
    "thermogui/ui/panels/book.py",
    "thermogui/ui/panels/log.py",
    "thermogui/core/presets.py",
    "thermogui/core/landscape.py",
    "thermogui/core/gradients.py",
    "thermogui/core/sweep.py",
)
WHOLE_TREE = os.environ.get("THERMOGUI_I18N_WHOLE_TREE", "1") == "1"  # every source: the whole window is wrapped
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def qt_tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert path, f"{name} not found (it comes with PySide6)"
    return path


def messages(ts: Path) -> dict:
    """(context, source) → the translation's texts (one per plural form), or None when it is not finished."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            tr = m.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
            done = tr.get("type") not in ("unfinished", "vanished", "obsolete") and all(forms)
            out[(name, m.findtext("source"))] = forms if done else None
    return out


@pytest.mark.translations
def test_every_marked_string_is_translated(tmp_path):
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "thermogui").rglob("*.py")) if WHOLE_TREE else WRAPPED
    fresh = tmp_path / "sources_ko.ts"
    proc = subprocess.run(
        [qt_tool("pyside6-lupdate"), "-locations", "none", *files, "-ts", str(fresh)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wanted = messages(fresh)
    assert len(wanted) > 100  # (lupdate found the marked strings)
    have = messages(I18N / "thermogui_ko.ts")
    missing = [key for key in wanted if key not in have]
    unfinished = [key for key in wanted if key in have and have[key] is None]
    assert not missing, f"not in thermogui_ko.ts (run `make translations`, then translate): {missing}"
    assert not unfinished, f"unfinished in thermogui_ko.ts: {unfinished}"


def test_translations_keep_placeholders_and_mnemonics():
    """A translation keeps every {placeholder} (.format() would fail without it) and %n, and one mnemonic (&) where
    the source has one."""
    bad = []
    for (context, source), forms in messages(I18N / "thermogui_ko.ts").items():
        for text in forms or ():
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                bad.append((context, source, text))
            if re.search(r"&(?!&)\w", source.replace("&&", "")) and not re.search(r"&\w", text.replace("&&", "")):
                bad.append((context, source, text))
    assert not bad, bad


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    """thermogui_ko.qm (in git, shipped in the package) is what lrelease makes of thermogui_ko.ts today."""
    for ts in sorted(I18N.glob("thermogui_*.ts")):
        qm = tmp_path / ts.with_suffix(".qm").name
        proc = subprocess.run(
            [qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name} changed: run `make translations`"
    assert (I18N / "thermogui_ko.qm").is_file()
