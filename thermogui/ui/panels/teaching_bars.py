"""The readouts' bars for looking closer (issue 16): the rewind bar while an earlier epoch is shown, my line's
readout with its button, and the sentence that says why the fit is not the exact °F law.  Hidden until used.

TeachingBars is a mixin of panels.readouts.Readouts: the buttons emit its signals, an earlier epoch is shown in its
labels, and every text keeps the translation context "Readouts".
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from thermogui.core.config import EpochResult
from thermogui.core.explain import fmt_epochs, model_caption
from thermogui.core.models import model_of
from thermogui.ui.i18n import tr_text, translate


class TeachingBars:
    """The rewind bar, my line's bar and the law's sentence of Readouts (a mixin: the signals backToLatest,
    continueFromHere and startFromMyLine, and the labels an earlier epoch is shown in, are Readouts')."""

    def _init_teaching_bars(self, lay: QVBoxLayout) -> None:
        """The rewind bar (an earlier epoch is shown), my line's readout and the law's sentence: hidden until used."""

        def bar(name: str, label: QLabel, *buttons: QPushButton) -> QFrame:
            frame = QFrame(objectName=name)
            row = QHBoxLayout(frame)
            row.setContentsMargins(0, 0, 0, 0)
            label.setWordWrap(True)
            policy = label.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Ignored)
            label.setSizePolicy(policy)
            row.addWidget(label, 1)
            for b in buttons:
                row.addWidget(b)
            frame.setVisible(False)
            lay.addWidget(frame)
            return frame

        self.rewind_label = QLabel(objectName="rewindLabel")
        self.back_button = QPushButton(objectName="backToLatestButton")
        self.continue_button = QPushButton(objectName="continueFromHereButton")
        self.back_button.clicked.connect(self.backToLatest)
        self.continue_button.clicked.connect(self.continueFromHere)
        self.rewind_bar = bar("rewindBar", self.rewind_label, self.back_button, self.continue_button)
        self.my_line_label = QLabel(objectName="myLineLabel")
        self.my_line_button = QPushButton(objectName="startFromMyLineButton")
        self.my_line_button.clicked.connect(self.startFromMyLine)
        self.my_line_bar = bar("myLineBar", self.my_line_label, self.my_line_button)
        self.law_label = QLabel(objectName="lawLabel", wordWrap=True)
        policy = self.law_label.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Ignored)
        self.law_label.setSizePolicy(policy)
        self.law_label.setVisible(False)
        lay.addWidget(self.law_label)
        self._rewound: tuple | None = None  # show_rewound's arguments while the rewind bar is shown
        self._my_line: tuple = ("", None)  # show_my_line's arguments
        self._law_note = None  # show_law_note's text

    def _retranslate_teaching_bars(self) -> None:
        """The bars' buttons and tooltips in the UI language, and what they show made again in it (Readouts.retranslate
        calls this after its own readouts: a rewound epoch is shown over them)."""
        self.back_button.setText(translate("Readouts", "Back to latest (Esc)"))
        self.back_button.setToolTip(translate("Readouts", "Show the run's latest epoch again"))
        self.continue_button.setText(translate("Readouts", "Continue from here"))
        self.continue_button.setToolTip(
            translate(
                "Readouts", "Start a new run from the parameters after this epoch's update, with the current settings"
            )
        )
        self.my_line_label.setToolTip(
            translate(
                "Readouts",
                "The line through your two handles on the fit plot, in raw units, and its loss (mean squared error) "
                "on the training readings.",
            )
        )
        self.my_line_button.setText(translate("Readouts", "Start from my line"))
        if self._rewound is not None and not self.rewind_bar.isHidden():
            self.show_rewound(*self._rewound)
        if not self.my_line_bar.isHidden():
            self.show_my_line(*self._my_line)
        self.show_law_note(self._law_note)

    def show_rewound(self, r: EpochResult, epochs: int, exact: bool, continue_refusal: str | None = None) -> None:
        """An earlier epoch `r` of the run (a History row: loss and gradient before its update, parameters after it);
        `exact` False: the nearest recorded epoch of a thinned run.  `continue_refusal`: why "Continue from here"
        cannot start a run (None: it can; a core.tr.Text is shown in the UI language, again after a language
        change)."""
        self._rewound = (r, epochs, exact, continue_refusal)
        run = self.state.last_run
        model = model_of(run.config) if run is not None else self.model
        if model != self.model:
            self._set_model(model)
        self.line = r.params_raw
        self.equation.setText(tr_text(model_caption(model, self.line)))
        nearest = "" if exact else translate("Readouts", " (the nearest recorded epoch)")
        epoch = fmt_epochs(r.epoch)
        self.epoch.setText(
            translate("Readouts", "Looking back at epoch {epoch} of {epochs}{nearest}").format(
                epoch=epoch, epochs=fmt_epochs(epochs), nearest=nearest
            )
        )
        self.loss.setText(self._epoch_loss_text(r))
        self._show_row(model, r, curve_note=False)
        self._distance()
        self.rewind_label.setText(
            translate(
                "Readouts",
                "Viewing epoch {epoch}{nearest} — the loss plot's cursor; click or drag there to look at another "
                "epoch.",
            ).format(epoch=epoch, nearest=nearest)
        )
        self.continue_button.setEnabled(continue_refusal is None)
        self.continue_button.setToolTip(
            tr_text(continue_refusal)
            if continue_refusal is not None
            else translate(
                "Readouts", "Start a new run from the parameters after this epoch's update, with the current settings"
            )
        )
        self.rewind_bar.setVisible(True)

    def hide_rewound(self) -> None:
        self._rewound = None
        self.rewind_bar.setVisible(False)

    def show_my_line(self, text: str, refusal: str | None = None) -> None:
        """My line's readout ("my line: t_c = … · t_u + …, loss …"); `refusal`: why it cannot start a run.  Either
        may be a core.tr.Text: shown in the UI language, again after a language change."""
        self._my_line = (text, refusal)
        self.my_line_label.setText(tr_text(text))
        self.my_line_button.setEnabled(refusal is None)
        self.my_line_button.setToolTip(
            tr_text(refusal)
            if refusal is not None
            else translate("Readouts", "Set the start values to your line (model units) and start training from it")
        )
        self.my_line_bar.setVisible(True)

    def hide_my_line(self) -> None:
        self.my_line_bar.setVisible(False)

    def show_law_note(self, text: str | None) -> None:
        """Why the fit is not the exact °F law (None: hidden; a core.tr.Text is shown in the UI language)."""
        self._law_note = text or None
        self.law_label.setText(tr_text(text) if text else "")
        self.law_label.setVisible(bool(text))
