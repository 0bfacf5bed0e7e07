"""The alert shown when a run stops because the loss is no longer finite: why (core.explain's words), and buttons
that fix it — a stable learning rate, normalized input, or simply trying again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from thermogui.core.explain import Explanation
from thermogui.core.numbers import fmt_lr, round_sig
from thermogui.ui import style
from thermogui.ui.i18n import Retranslating, tr_text, translate


class StopAlert(Retranslating, QFrame):
    """Shown when a run stops because the loss is no longer finite: why, and buttons that fix it."""

    useStableRate = Signal()
    normalizeInput = Signal()
    retry = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stopAlert")
        self.apply_theme()
        self.headline = QLabel(objectName="alertHeadline", wordWrap=True)
        f = QFont(self.headline.font())
        f.setBold(True)
        self.headline.setFont(f)
        self.advice = QLabel(objectName="alertAdvice", wordWrap=True)
        self.stable_button = QPushButton(objectName="useStableRateButton")
        # mnemonics no other control of the window uses (Alt+N, Alt+R belong to "Normalize" and the Run menu); the
        # translations keep the same letters
        self.normalize_button = QPushButton(objectName="normalizeButton")
        self.retry_button = QPushButton(objectName="retryButton")
        self.close_button = QPushButton(objectName="dismissAlertButton", flat=True)
        self._shown: tuple | None = None  # show_explanation's arguments
        self.stable_button.clicked.connect(self.useStableRate)
        self.normalize_button.clicked.connect(self.normalizeInput)
        self.retry_button.clicked.connect(self.retry)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        for b in (self.stable_button, self.normalize_button, self.retry_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.headline)
        lay.addWidget(self.advice)
        lay.addLayout(buttons)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons and, when an explanation is shown, its words in the UI language."""
        self.setAccessibleName(translate("StopAlert", "Training stopped"))
        self.stable_button.setText(translate("StopAlert", "&Use a stable rate"))
        self.normalize_button.setText(translate("StopAlert", "Normali&ze input (× 0.1)"))
        self.retry_button.setText(translate("StopAlert", "Retr&y"))
        self.close_button.setText(translate("StopAlert", "D&ismiss"))
        self.close_button.setToolTip(translate("StopAlert", "Hide this message"))
        if self._shown is not None:
            self._show_texts(*self._shown)

    def apply_theme(self) -> None:
        """A banner background of its own, with text and a flat button that read on it, in either scheme."""
        text = style.text_color("banner")
        self.setStyleSheet(
            style.banner_style("#stopAlert") + f' #stopAlert QPushButton[flat="true"] {{ color: {text}; }}'
        )

    def show_explanation(self, ex: Explanation, normalized: bool) -> None:
        """Why the run stopped (core.explain's Explanation, in the UI language) and the fixes that apply."""
        self._shown = (ex,)
        self._show_texts(ex)
        self.normalize_button.setVisible(not normalized)
        self.show()

    def _show_texts(self, ex: Explanation) -> None:
        headline, advice = tr_text(ex.headline), tr_text(ex.advice)
        self.headline.setText(headline)
        self.advice.setText(advice)
        self.setAccessibleDescription("{} {}".format(headline, advice))
        self.stable_button.setText(
            translate("StopAlert", "&Use a stable rate ({lr})").format(lr=fmt_lr(round_sig(ex.suggested_lr)))
        )
