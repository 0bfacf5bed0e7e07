"""The UI language: Qt's translators for the app and for Qt's own texts, the choice System / English / 한국어
(remembered), a font with Hangul for Korean, and the pattern every widget follows to relabel itself.

- The language follows the system (``QLocale.system().uiLanguages()``: LANGUAGE, LC_ALL, LC_MESSAGES, LANG on Linux)
  unless View ▸ Language says otherwise (`settings.UI_LANGUAGE`).  `apply_language()` runs at start-up before the
  window is built (thermogui.app) and again when the menu changes it: it installs ``thermogui_<lang>.qm`` (this
  package's resources/i18n/) and ``qtbase_<lang>.qm`` (PySide6's translations folder), which sends
  QEvent.LanguageChange to every widget, so open windows relabel at once.
- A widget keeps its texts in ``retranslate()``, called at the end of ``__init__`` and on every LanguageChange
  (`Retranslating`).  Texts are written as literals inside ``self.tr("…")`` (the class name is the context) or
  ``translate("Context", "…")`` — pyside6-lupdate reads the source, so no f-strings and no variables: translate
  first, then ``.format()``; a count goes in as ``self.tr("%n reading(s)", "", n)``.
- The Qt-free core marks its text with ``QT_TRANSLATE_NOOP(context, text)`` (thermogui.core.tr); the UI shows it with
  ``translate(context, text)`` — the field spec's labels, help and choices with `field_text`.
- ``make translations`` updates thermogui/resources/i18n/thermogui_ko.ts from the sources and compiles the .qm.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from thermogui.ui.files import settings
from thermogui.ui.josa import particles


class Translated(str):
    """A translation: its `format()` also picks each Korean two-form particle ("{lr}은(는)") for the value put before
    it (thermogui.ui.josa)."""

    __slots__ = ()

    def format(self, *args, **kwargs) -> str:
        return particles(str.format(self, *args, **kwargs))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> Translated:
    """QCoreApplication.translate (lupdate reads calls by this name: literals only), as a `Translated`."""
    return Translated(QCoreApplication.translate(context, text, disambiguation, n))


SOURCE_LANGUAGE = "en"  # the texts in the source code
LANGUAGES = ("en", "ko")  # what the UI speaks: the source language and each thermogui_<lang>.qm
CHOICES = ("system", *LANGUAGES)
AUTONYMS = {"en": "English", "ko": "한국어"}  # each language's name in itself (never translated)
FIELDS_CONTEXT = "fields"  # the context of thermogui.core.fields' marked texts

# Fonts with Hangul, best first; any other family the font database lists for Korean comes after them.
HANGUL_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "Source Han Sans K",
    "NanumGothic",
    "NanumBarunGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "UnDotum",
    "Baekmuk Gulim",
)

_translators: list[QTranslator] = []
_language = SOURCE_LANGUAGE
_base_font: QFont | None = None  # the application font before a Hangul fallback was added


# --- which language ---------------------------------------------------------------------------------------------------
def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's UI languages the app speaks (English when it speaks none of them)."""
    for tag in (locale or QLocale.system()).uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def language_for(choice: str | None) -> str:
    """The language a choice ("system", "en", "ko") means here."""
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    """The language the UI speaks now."""
    return _language


# --- where the translations are ---------------------------------------------------------------------------------------
def translations_dir() -> Path:
    """thermogui/resources/i18n: the .ts sources and the compiled .qm files (shipped in the package)."""
    return Path(__file__).resolve().parent.parent / "resources" / "i18n"


def qt_translations_dirs() -> list[str]:
    """Where Qt's own translations (qtbase_<lang>.qm) are: Qt's configured folder, then PySide6's own."""
    folders = [QLibraryInfo.path(QLibraryInfo.TranslationsPath)]
    try:
        import PySide6

        folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    except Exception:  # noqa: BLE001 - a frozen bundle without the package folder: Qt's path is the one
        pass
    return [f for f in dict.fromkeys(folders) if f]


# --- switching --------------------------------------------------------------------------------------------------------
def apply_language(choice: str | None = None) -> str:
    """Make `choice` ("system", "en" or "ko"; None: the remembered choice) the UI language, now: install (or remove)
    the app's and Qt's translators — each sends QEvent.LanguageChange to every widget, delivered here before returning,
    so every open window has relabelled — and, for Korean, a font with Hangul.  Returns the language in effect."""
    global _language
    app = QCoreApplication.instance()
    lang = language_for(settings.ui_language() if choice is None else choice)
    if app is None or (lang == _language and (lang == SOURCE_LANGUAGE or _translators)):
        return _language
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    if lang != SOURCE_LANGUAGE:
        own = QTranslator(app)
        if own.load(f"thermogui_{lang}", str(translations_dir())):
            app.installTranslator(own)
            _translators.append(own)
        else:
            print(f"ThermoGUI: no translation thermogui_{lang}.qm in {translations_dir()}", file=sys.stderr)
        qt = QTranslator(app)
        if any(qt.load(f"qtbase_{lang}", folder) for folder in qt_translations_dirs()):
            app.installTranslator(qt)  # Qt's own buttons and dialogs (OK, Cancel, the file dialog…)
            _translators.append(qt)
    _language = lang
    use_hangul_font(lang == "ko")
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)  # relabel now, not at the next turn of the loop
    return lang


def set_language_choice(choice: str) -> str:
    """Remember `choice` ("system", "en", "ko") and apply it; returns the language in effect."""
    settings.UI_LANGUAGE.set(choice if choice in CHOICES else "system")
    return apply_language(choice)


# --- fonts ------------------------------------------------------------------------------------------------------------
def hangul_families() -> list[str]:
    """The installed font families with Hangul, best first (empty when there is none: then Korean shows as boxes;
    on Debian/Ubuntu `make` installs fonts-noto-cjk)."""
    have = QFontDatabase.families(QFontDatabase.Korean)
    best = [f for f in HANGUL_FAMILIES if f in have]
    rest = sorted((f for f in have if f not in best), key=lambda f: ("Mono" in f, "Serif" in f, f))
    return best + rest


def use_hangul_font(on: bool) -> None:
    """With `on`, the application font falls back to a font with Hangul for the glyphs its own family lacks: its
    family list becomes [the family it resolves to, the best Hangul families].  (The resolved family, never a generic
    name such as "Sans Serif": Qt would skip a generic name in a list and draw Latin in the Hangul font too.)  Widgets
    with a font of their own (the log's fixed-width one) keep the system's fallback (fontconfig's on Linux).  Without
    `on`, the application font is what it was."""
    global _base_font
    if QApplication.instance() is None:
        return
    if not on:
        if _base_font is not None:
            QApplication.setFont(_base_font)
            _base_font = None
        return
    families = hangul_families()[:2]
    if not families:
        return
    if _base_font is None:
        _base_font = QFont(QApplication.font())
    font = QFont(_base_font)
    font.setFamilies([QFontInfo(_base_font).family(), *families])
    QApplication.setFont(font)


# --- the retranslation pattern ----------------------------------------------------------------------------------------
class Tr:
    """A mixin for a QObject (listed first): `self.tr()` gives a `Translated` (format() picks Korean particles)."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> Translated:  # (the class's context)
        return Translated(super().tr(text, disambiguation, n))


class Retranslating(Tr):
    """A mixin for a QWidget that keeps its texts in `retranslate()`; list it first:

        class Panel(Retranslating, QWidget):
            def __init__(self, parent=None):
                super().__init__(parent)
                self.title = QLabel()
                ...
                self.retranslate()

            def retranslate(self) -> None:
                self.title.setText(self.tr("Loss landscape"))

    `retranslate()` runs again on every QEvent.LanguageChange.  Qt delivers that event to a window first and then to
    its children, so a widget that overrides a child's texts (a tooltip it sets on a child) sets them in its own
    `retranslate()` after calling the child's."""

    def retranslate(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} must define retranslate()")

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguageWatcher(QObject):
    """Calls `callback()` when `widget` gets QEvent.LanguageChange: for an object that is not a widget (a QObject
    controller, an action group) and relabels with its window.  Lives as long as the widget."""

    def __init__(self, widget, callback):
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self._callback()
        return False


# --- texts marked elsewhere -------------------------------------------------------------------------------------------
def marked(context: str, text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP(context, …) where it is defined (a table of labels), in the UI language.
    (A call by this name is not read by lupdate: the literal was collected where it was marked.)"""
    return translate(context, text)


def tr_text(text) -> str:
    """A message of the core in the UI language: a `core.tr.Text` (template + values) is translated in its context
    and formatted with its values, each value translated the same way when it is itself a Text; any other str is
    shown as it is (English)."""
    from thermogui.core.tr import Text

    if isinstance(text, Text):
        values = {k: tr_text(v) for k, v in text.values.items()}
        return translate(text.context, text.template).format(**values)
    return text if isinstance(text, str) else str(text)


def error_text(error: BaseException) -> str:
    """A refusal (core.errors.UserError) in the UI language; any other exception as str()."""
    text = getattr(error, "text", None)
    return tr_text(text) if isinstance(text, str) else str(error)


def field_text(text: str) -> str:
    """A label, help or choice of thermogui.core.fields (marked QT_TRANSLATE_NOOP("fields", …)) in the UI language."""
    return translate(FIELDS_CONTEXT, text)


def field_label(field) -> str:
    """A field's label in the UI language, with a capital first letter (an accessible name, a message's subject)."""
    label = field_text(field.label)
    return label[:1].upper() + label[1:]


def field_tooltip(field) -> str:
    """A field's help and the values it allows, in the UI language."""
    return translate("fields", "{help}\nAllowed: {range}.").format(
        help=field_text(field.help), range=field.range_text(translate)
    )
