"""The app's named colours and text styles, and the colour scheme (light / dark), in one place.

Every colour a person reads sits on a known background.  Text colours have a light-scheme and a dark-scheme value,
each checked against the window background of its scheme (WCAG contrast >= 4.5:1); `text_color` picks by the
application palette at the time it is called, and a widget given a role with `set_text_role` is re-styled whenever
the scheme changes.  Plot data colours are single colours that read on the light and the dark plot background
(>= 3:1 on both, the WCAG rule for graphics); the plot background, axes and text come from `plot_colors()`.
Exported figures keep their own white background (thermogui.ui.export).

The scheme follows the desktop (Qt's colour scheme, switched live) unless the View menu overrides it: `theme()` is
the application's one `Theme`; `theme().set_mode("dark")` asks Qt for the dark scheme and, where the platform
ignores that (X11 without a desktop theme, offscreen), sets a dark palette on the application itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# --- plots ----------------------------------------------------------------------------------------------------------
PLOT_BACKGROUND = "w"  # the light scheme's (and the exported figures') plot background
PLOT_FOREGROUND = "k"
PLOT = {  # (light, dark)
    "background": ("#ffffff", "#1e1f22"),
    "foreground": ("#202020", "#d4d4d4"),  # axes, ticks, axis titles, legend text
}
# data colours: each at least 3:1 on both plot backgrounds (luminance between 0.14 and 0.30)
DATA = (40, 130, 200)  # the readings
FIT = (214, 39, 40)  # the current line; the training loss; outlier rings
VALIDATION = (222, 100, 0)  # validation readings and loss
LEAST_SQUARES = (128, 128, 128)  # the exact answer, dashed
EXCLUDED = (140, 140, 140)  # readings left out of the fit (hollow)
ZERO_LINE = (128, 128, 128)  # the zero residual line
LEGEND_BRUSH = (255, 255, 255, 210)  # (kept for old imports; legends now sit outside the data)
PREVIOUS_RUNS = ((40, 130, 200), (44, 160, 44), (148, 103, 189), (170, 110, 60), (210, 90, 170), (127, 127, 127))
PREVIOUS_ALPHA = 190  # earlier runs are drawn a little faded (and dashed)

# the loss landscape (drawn over viridis, whatever the scheme: bright colours)
PATH = (255, 64, 32)
PREVIOUS_PATHS = (
    (0, 229, 255),
    (255, 105, 180),
    (173, 255, 47),
    (255, 165, 0),
    (200, 162, 255),
    (255, 80, 80),
    (64, 224, 160),
    (255, 215, 0),
)
CONTOUR = (255, 255, 255, 150)
OPTIMUM = (255, 215, 0)

# --- text on the window's background: (light scheme, dark scheme) ----------------------------------------------------
TEXT = {
    "error": ("#b00020", "#ff8a80"),
    "warning": ("#7a5f00", "#ffd54f"),
    "ok": ("#1b6e20", "#81c784"),
    "hint": ("#666666", "#a8a8a8"),  # secondary text: notes, rules
    "banner": ("#3b0a0a", "#ffdad6"),  # text inside a banner (on BANNER["background"])
}
FOCUS_RING = ("#1f5fa8", "#7cb8ff")  # the keyboard-focus frame: >= 3:1 on the window and the plot background


def focus_color() -> QColor:
    return QColor(pick(FOCUS_RING))


BANNER = {  # a stop / warning banner box
    "background": ("#fdecea", "#4a2523"),
    "border": ("#f5c2c0", "#8c3b36"),
}
# the palettes this module sets when the platform does not follow the chosen scheme (role name -> colour)
LIGHT_PALETTE = {
    "Window": "#efefef",
    "WindowText": "#000000",
    "Base": "#ffffff",
    "AlternateBase": "#f7f7f7",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#000000",
    "PlaceholderText": "#6e6e6e",
    "Text": "#000000",
    "Button": "#efefef",
    "ButtonText": "#000000",
    "BrightText": "#ffffff",
    "Light": "#ffffff",
    "Midlight": "#cacaca",
    "Mid": "#b8b8b8",
    "Dark": "#9f9f9f",
    "Shadow": "#767676",
    "Highlight": "#2b6cb0",
    "HighlightedText": "#ffffff",
    "Link": "#0000ff",
    "LinkVisited": "#ff00ff",
    "Accent": "#2b6cb0",
}
DARK_PALETTE = {
    "Window": "#2b2b2b",
    "WindowText": "#e6e6e6",
    "Base": "#1e1e1e",
    "AlternateBase": "#262626",
    "ToolTipBase": "#3c3c3c",
    "ToolTipText": "#f0f0f0",
    "PlaceholderText": "#9a9a9a",
    "Text": "#e6e6e6",
    "Button": "#3a3a3a",
    "ButtonText": "#e6e6e6",
    "BrightText": "#ffffff",
    "Light": "#505050",
    "Midlight": "#424242",
    "Mid": "#333333",
    "Dark": "#1f1f1f",
    "Shadow": "#141414",
    "Highlight": "#2f6fb5",
    "HighlightedText": "#ffffff",
    "Link": "#7cb8ff",
    "LinkVisited": "#c49cff",
    "Accent": "#2f6fb5",
}
DARK_DISABLED = {
    "WindowText": "#7d7d7d",
    "Text": "#7d7d7d",
    "ButtonText": "#7d7d7d",
    "Base": "#262626",
    "Highlight": "#4a4a4a",
    "PlaceholderText": "#6a6a6a",
}
LIGHT_DISABLED = {
    "WindowText": "#8c8c8c",
    "Text": "#8c8c8c",
    "ButtonText": "#8c8c8c",
    "Base": "#efefef",
    "Highlight": "#919191",
    "PlaceholderText": "#a0a0a0",
}

MODES = ("system", "light", "dark")


# --- contrast (WCAG 2) -----------------------------------------------------------------------------------------------
def _rgb(color) -> tuple[float, float, float]:
    if isinstance(color, str):
        s = color.lstrip("#")
        return tuple(int(s[i : i + 2], 16) for i in (0, 2, 4))
    if hasattr(color, "red"):  # a QColor
        return color.red(), color.green(), color.blue()
    return tuple(color[:3])


def luminance(color) -> float:
    """WCAG relative luminance of "#rrggbb", an (r, g, b) tuple or a QColor."""

    def channel(c: float) -> float:
        c /= 255.0
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours, 1 … 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- the current scheme ----------------------------------------------------------------------------------------------
def is_dark() -> bool:
    """True when the application's window background is dark (no application yet: light)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.Window).lightness() < 128


def pick(pair: tuple[str, str]) -> str:
    """The light or the dark member of a (light, dark) pair, for the current scheme."""
    return pair[1] if is_dark() else pair[0]


def text_color(role: str) -> str:
    """The colour of `role` (error, warning, ok, hint, banner) for the current scheme, as #rrggbb."""
    return pick(TEXT[role])


def text_style(role: str, bold: bool = False) -> str:
    """A style sheet for a label showing `role` text: setStyleSheet(text_style("error"))."""
    return f"color: {text_color(role)};" + (" font-weight: bold;" if bold else "")


def set_text_role(widget, role: str | None, bold: bool = False) -> None:
    """Colour `widget`'s text as `role` (None: the palette's own text colour), now and whenever the scheme changes."""
    widget.setProperty("textRole", role or "")
    widget.setProperty("textBold", bool(bold and role))
    widget.setStyleSheet(text_style(role, bold) if role else "")


def banner_style(selector: str) -> str:
    """A style sheet for a banner box and the labels in it, e.g. banner_style("#stopAlert")."""
    i = 1 if is_dark() else 0
    return (
        f"{selector} {{ background: {BANNER['background'][i]}; border: 1px solid {BANNER['border'][i]}; "
        f"border-radius: 4px; }} {selector} QLabel {{ color: {TEXT['banner'][i]}; background: transparent; }}"
    )


def plot_colors() -> dict:
    """The plot background and foreground (axes, ticks, axis titles, legend text) for the current scheme."""
    return {key: pick(pair) for key, pair in PLOT.items()}


def palette(dark: bool):
    """A complete QPalette for the light or dark scheme (used when the platform does not provide one)."""
    p = QPalette()
    for name, value in (DARK_PALETTE if dark else LIGHT_PALETTE).items():
        role = getattr(QPalette, name, None)
        if role is not None:
            p.setColor(role, QColor(value))
    for name, value in (DARK_DISABLED if dark else LIGHT_DISABLED).items():
        p.setColor(QPalette.Disabled, getattr(QPalette, name), QColor(value))
    return p


def restyle_widgets() -> None:
    """Re-apply the scheme's colours: widgets given a text role, and every widget with an `apply_theme()` method
    (plots, banners)."""
    app = QApplication.instance()
    if app is None:
        return
    for top in app.topLevelWidgets():
        for w in (top, *top.findChildren(QWidget)):
            _restyle(w)


def _restyle(w) -> None:
    role = w.property("textRole")
    if role:
        w.setStyleSheet(text_style(role, bool(w.property("textBold"))))
    hook = getattr(w, "apply_theme", None)
    if callable(hook):
        hook()


class Theme(QObject):
    """The colour scheme: "system" follows the desktop (live, through QStyleHints.colorSchemeChanged); "light" and
    "dark" override it.  `changed(dark)` is emitted after the palette and every themed widget were updated."""

    changed = Signal(bool)
    modeChanged = Signal(str)

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.mode = "system"
        self._own_palette = False  # this object set the application palette (so "system" must undo it)
        self._applying = False
        self._dark = is_dark()
        hints = app.styleHints()
        self._system = hints.colorScheme()
        hints.colorSchemeChanged.connect(self._on_system_scheme_changed)
        self._restyle_timer = QTimer(self, singleShot=True, interval=0)
        self._restyle_timer.timeout.connect(self._after_platform_change)
        # the platform changed the palette by itself (a desktop theme switched without a colour-scheme signal):
        # re-style once the change has settled.  (A signal, not an application event filter: that would run
        # Python for every event of the application.)
        app.paletteChanged.connect(self._on_palette_changed)

    @property
    def dark(self) -> bool:
        return is_dark()

    def set_mode(self, mode: str) -> None:
        """Follow the desktop ("system") or force "light" / "dark"; applied at once, with every widget re-styled."""
        if mode not in MODES:
            mode = "system"
        changed = mode != self.mode
        self.mode = mode
        self._apply(force=changed)
        if changed:
            self.modeChanged.emit(mode)

    def _wanted_dark(self) -> bool | None:
        if self.mode != "system":
            return self.mode == "dark"
        if self._system == Qt.ColorScheme.Dark:
            return True
        if self._system == Qt.ColorScheme.Light:
            return False
        return None  # the platform does not say: its palette decides

    def _apply(self, force: bool = True) -> None:
        """Ask Qt for the scheme, set a palette where the platform did not follow, re-style (when anything
        changed, or `force`)."""
        before = QPalette(self.app.palette())
        self._applying = True
        try:
            hints = self.app.styleHints()
            if self.mode == "system":
                hints.unsetColorScheme()
                if hints.colorScheme() != Qt.ColorScheme.Unknown:  # the desktop's own, now that ours is unset
                    self._system = hints.colorScheme()
            else:
                hints.setColorScheme(Qt.ColorScheme.Dark if self.mode == "dark" else Qt.ColorScheme.Light)
            if self._own_palette:  # back to the platform's palette (which follows setColorScheme where it can)
                self.app.setPalette(QPalette())
                self._own_palette = False
            want = self._wanted_dark()
            if want is not None and is_dark() != want:
                self.app.setPalette(palette(want))
                self._own_palette = True
        finally:
            self._applying = False
        if force or self.app.palette() != before or is_dark() != self._dark:
            self._restyle()

    def _restyle(self) -> None:
        self._restyle_timer.stop()
        self._dark = is_dark()
        restyle_widgets()
        self.changed.emit(self._dark)

    @Slot(Qt.ColorScheme)
    def _on_system_scheme_changed(self, scheme) -> None:
        if self.mode == "system" and not self._applying:  # (with an override, this is our own request's echo)
            self._system = scheme
            self._apply()

    @Slot()
    def _after_platform_change(self) -> None:
        if is_dark() != self._dark or self.mode == "system":
            self._restyle()

    @Slot(QPalette)
    def _on_palette_changed(self, _palette) -> None:
        if not self._applying:
            self._restyle_timer.start()


_theme: Theme | None = None


def theme() -> Theme:
    """The application's one Theme (created on first use, owned by the application)."""
    global _theme
    import shiboken6

    app = QApplication.instance()
    if _theme is None or not shiboken6.isValid(_theme) or _theme.app is not app:
        _theme = Theme(app)
    return _theme
