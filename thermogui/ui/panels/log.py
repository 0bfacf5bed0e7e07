"""The Log tab: the notebook's printout, live — the lines chapter 5's `training_loop` prints, with torch's own tensor
formatting, appended while the run trains (thermogui.core.booklog makes them; `thermogui fit --log book` prints the
same text).

Every epoch for a run of up to 100 epochs; for a longer one only the book's chosen epochs (1, 2, 3, 10, 11, 99, 100,
4000, 5000) with ``...`` between, so even a run of a million epochs has a few dozen lines: the panel reads only the
new rows of the run's History, as the worker reports progress, and appends only the new lines.  The last line is what
the loop returns (the parameters), added when the run ends.  Selectable, and copyable with Ctrl+C or the Copy button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from thermogui.core.booklog import BOOK_EPOCHS, EVERY_EPOCH_MAX, BookLog
from thermogui.core.errors import UserError
from thermogui.core.tr import QT_TRANSLATE_NOOP
from thermogui.ui.i18n import Retranslating, error_text, marked

# The tab's own texts (translated, context "LogPanel"); the printout itself is the book's code output and stays as
# the notebook prints it.
INTRO = QT_TRANSLATE_NOOP(
    "LogPanel",
    "What the book's training_loop prints for this run, as the notebook shows it: every epoch for runs of up to "
    "{every} epochs; for longer runs the book's chosen epochs ({chosen}) with “...” between.  The last line is the "
    "parameters the loop returns.  The same text: thermogui fit --log book.",
)
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "LogPanel", "Press Start (F5): the lines the notebook's training_loop prints appear here as the run goes."
)
NO_RECORD_TEXT = QT_TRANSLATE_NOOP(
    "LogPanel",
    "This result was opened from a session, which keeps no per-epoch record.  Start (F5) runs it again and prints it "
    "here.",
)


class LogPanel(Retranslating, QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.setObjectName("logPanel")
        self.main_window = window
        self.state = window.run_state
        self.log: BookLog | None = None  # the printout of `self.run`
        self.run = None  # the RunState's LastRun the text belongs to
        self._ended = False  # its result line is shown
        self._placeholder = lambda: marked("LogPanel", EMPTY_TEXT)  # the empty log's text, in the UI language
        self.intro = intro = QLabel(objectName="logIntroLabel", wordWrap=True)
        self.text = QPlainTextEdit(objectName="bookLogText", readOnly=True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)  # a line of the printout stays one line
        self.text.setUndoRedoEnabled(False)
        self.text.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.copy_button = QPushButton(objectName="copyLogButton")
        self.copy_button.clicked.connect(self.copy)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.text, 1)
        lay.addLayout(buttons)
        self.state.runStarted.connect(self._on_run_started)
        self.state.runEnded.connect(self._on_run_ended)
        self.state.runCleared.connect(self.clear)
        window.epochsReady.connect(self._on_progress)
        window.runPaused.connect(self._on_progress)
        self.retranslate()

    def retranslate(self) -> None:
        """The tab's own texts in the UI language (the printout is the book's and stays as it is)."""
        self.intro.setText(
            marked("LogPanel", INTRO).format(every=EVERY_EPOCH_MAX, chosen=", ".join(str(e) for e in BOOK_EPOCHS))
        )
        self.text.setAccessibleName(self.tr("Training log"))
        self.text.setAccessibleDescription(self.tr("The lines the book's training_loop prints for the run."))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected lines, or the whole log when nothing is selected"))
        self.text.setPlaceholderText(self._placeholder())

    def _set_placeholder(self, text) -> None:
        """What the empty log says: `text()` in the UI language, again after a language change."""
        self._placeholder = text
        self.text.setPlaceholderText(text())

    # --- what others read ------------------------------------------------------------------------------------------
    def log_for(self, run) -> BookLog | None:
        """The whole printout of `run` (a LastRun) when this panel followed it to its end, else None."""
        return self.log if run is not None and run is self.run and run.finished else None

    @Slot()
    def copy(self) -> None:
        cursor = self.text.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() else self.text.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)

    @Slot()
    def clear(self) -> None:
        self.log = self.run = None
        self._ended = False
        self.text.clear()
        self._set_placeholder(lambda: marked("LogPanel", EMPTY_TEXT))

    # --- following the run -----------------------------------------------------------------------------------------
    def _begin(self, run) -> None:
        self.clear()
        self.run = run
        try:
            self.log = BookLog.for_config(run.config)
        except UserError as e:  # another model than the line: say why the tab stays empty
            self._set_placeholder(lambda e=e: self.tr("No printout: {reason}.").format(reason=error_text(e)))

    @Slot()
    def _on_run_started(self) -> None:
        self._begin(self.state.last_run)

    @Slot(int)
    def _on_progress(self, _count: int = 0) -> None:
        run = self.state.last_run
        if self.log is None or run is None or run is not self.run or run.history is None:
            return
        lines = self.log.feed(run.history.snapshot())
        if lines:
            self.text.appendPlainText("\n".join(lines))

    @Slot()
    def _on_run_ended(self) -> None:
        run = self.state.last_run
        if run is None:  # the run failed: it is forgotten
            self.clear()
            return
        if run is not self.run:  # a result restored from a session, or a run this panel did not see start
            self._begin(run)
            if run.history is None:
                self._set_placeholder(lambda: marked("LogPanel", NO_RECORD_TEXT))
        self._on_progress()
        if self.log is not None and self.log.last_epoch and not self._ended:
            self._ended = True
            self.text.appendPlainText(self.log.result())
