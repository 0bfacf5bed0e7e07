"""The app's named colours and text styles, in one place.

Plot colours are RGB tuples for pyqtgraph; the plots keep a white background (they are also exported as figures),
so one colour each is enough.  Text colours sit on the window's own background, which may be light or dark: each
has a light-theme and a dark-theme value, and `text_color` picks by the application palette at the time it is
called (so a style applied when a message appears follows the current theme).
"""

from __future__ import annotations

# --- plots (drawn on white) -----------------------------------------------------------------------------------------
PLOT_BACKGROUND = "w"
PLOT_FOREGROUND = "k"  # axes, ticks, labels
DATA = (31, 119, 180)  # the readings
FIT = (214, 39, 40)  # the current line; the training loss; outlier rings
VALIDATION = (255, 127, 14)  # validation readings and loss
LEAST_SQUARES = (90, 90, 90)  # the exact answer, dashed
EXCLUDED = (160, 160, 160)  # readings left out of the fit
ZERO_LINE = (90, 90, 90)  # the zero residual line
LEGEND_BRUSH = (255, 255, 255, 210)  # a legend box over data
PREVIOUS_RUNS = ((31, 119, 180), (44, 160, 44), (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127))

# the loss landscape (drawn over viridis: bright colours)
PATH = (255, 64, 32)
PREVIOUS_PATHS = ((0, 229, 255), (255, 105, 180), (173, 255, 47), (255, 165, 0), (200, 162, 255),
                  (255, 255, 255), (64, 224, 160), (255, 215, 0))
CONTOUR = (255, 255, 255, 150)
OPTIMUM = (255, 215, 0)

# --- text on the window's background: (light theme, dark theme) -----------------------------------------------------
TEXT = {
    "error": ("#b00020", "#ff8a80"),
    "warning": ("#8a6d00", "#ffd54f"),
    "ok": ("#1b6e20", "#81c784"),
    "hint": ("#666666", "#a8a8a8"),  # secondary text: notes, rules
}
BANNER = {  # a stop / warning banner box
    "background": ("#fdecea", "#4a2523"),
    "border": ("#f5c2c0", "#8c3b36"),
}


def is_dark() -> bool:
    """True when the application's window background is dark (no application yet: light)."""
    from PySide6.QtGui import QGuiApplication, QPalette

    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.Window).lightness() < 128


def text_color(role: str) -> str:
    """The colour of `role` (error, warning, ok, hint) for the current theme, as #rrggbb."""
    light, dark = TEXT[role]
    return dark if is_dark() else light


def text_style(role: str, bold: bool = False) -> str:
    """A style sheet for a label showing `role` text: setStyleSheet(text_style("error"))."""
    return f"color: {text_color(role)};" + (" font-weight: bold;" if bold else "")


def banner_style(selector: str) -> str:
    """A style sheet for a banner box, e.g. banner_style("#stopAlert")."""
    i = 1 if is_dark() else 0
    return (f"{selector} {{ background: {BANNER['background'][i]}; border: 1px solid {BANNER['border'][i]}; "
            "border-radius: 4px; }")
