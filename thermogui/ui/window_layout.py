"""How the main window is put together: run actions and buttons, the panels' places, the menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QProgressBar, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

RUN_BUTTONS = ("startButton", "pauseButton", "stepButton", "stopButton", "resetButton")


def _act(win, text, shortcut, slot, tip, name) -> QAction:
    a = QAction(text, win, objectName=name)
    a.setShortcut(QKeySequence(shortcut))
    a.setToolTip(f"{tip} ({a.shortcut().toString(QKeySequence.NativeText)})")
    a.setStatusTip(tip)
    a.triggered.connect(slot)
    return a


def build_run_actions(win) -> None:
    win.start_action = _act(win, "Start", "F5", win.start, "Train from the start values", "startAction")
    win.pause_action = _act(win, "Pause", "F6", win.toggle_pause, "Pause or resume training", "pauseAction")
    win.step_action = _act(win, "Step", "F10", win.step, "Run one epoch, then pause", "stepAction")
    win.stop_action = _act(win, "Stop", "Shift+F5", win.stop, "Stop training and keep the result", "stopAction")
    win.reset_action = _act(win, "Reset", "Ctrl+Shift+R", win.reset, "Clear the run and go back to the start values",
                            "resetAction")
    win.run_actions = (win.start_action, win.pause_action, win.step_action, win.stop_action, win.reset_action)
    win.addActions(win.run_actions)
    win.clear_runs_action = QAction("Clear Compared Runs", win, objectName="clearRunsAction",
                                    triggered=lambda: win.teaching.clear_previous())
    win.clear_runs_action.setStatusTip("Forget the faded curves of earlier runs in the loss plot and the landscape")


def build_layout(win) -> None:
    run_bar = QHBoxLayout()
    win.run_buttons = {}
    for action, name in zip(win.run_actions, RUN_BUTTONS):
        b = QToolButton(objectName=name)
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonTextOnly)
        b.setMinimumWidth(64)
        run_bar.addWidget(b)
        win.run_buttons[name] = b
    clear = QToolButton(objectName="clearRunsButton")
    clear.setDefaultAction(win.clear_runs_action)
    clear.setText("Clear runs")
    clear.setToolTip("Earlier runs stay as faded curves for comparison; this clears them")
    run_bar.addWidget(clear)
    win.progress = QProgressBar(objectName="progressBar", textVisible=True)
    win.progress.setFormat("%p%")
    run_bar.addWidget(win.progress, 1)
    win.status_label = QLabel(objectName="runStatusLabel", wordWrap=True)

    plots = QSplitter(Qt.Vertical, objectName="plotSplitter")
    plots.addWidget(win.fit_plot)
    plots.addWidget(win.loss_plot)
    plots.setSizes([560, 300])
    win.tabs = QTabWidget(objectName="viewTabs")
    win.tabs.addTab(plots, "Fit && loss")
    for widget, title in getattr(win, "extra_tabs", ()):
        win.tabs.addTab(widget, title)

    right = QWidget()
    rl = QVBoxLayout(right)
    rl.addLayout(run_bar)
    rl.addWidget(win.status_label)
    rl.addWidget(win.alert)
    rl.addWidget(win.readouts)
    rl.addWidget(win.tabs, 1)

    params_box = QGroupBox("Hyperparameters")
    QVBoxLayout(params_box).addWidget(win.controls)
    data_box = QGroupBox("Readings")
    QVBoxLayout(data_box).addWidget(win.data_panel)
    left = QWidget()
    ll = QVBoxLayout(left)
    ll.setContentsMargins(0, 0, 0, 0)
    ll.addWidget(params_box)
    ll.addWidget(data_box, 1)

    split = QSplitter(Qt.Horizontal, objectName="mainSplitter")
    split.addWidget(left)
    split.addWidget(right)
    split.setStretchFactor(1, 1)
    split.setSizes([400, 960])
    win.setCentralWidget(split)
    win.statusBar()


def build_menus(win) -> None:
    from thermogui.ui.export import dialog as export, results as result_exports

    bar = win.menuBar()
    win.file_menu = bar.addMenu("&File")
    win.files.populate_menu(win.file_menu)
    win.file_menu.addSeparator()
    m = win.export_menu = win.file_menu.addMenu("&Export")
    win.export_plot_action = m.addAction("&Plot Image…", lambda: export.open_export_dialog(win))
    win.export_plot_action.setShortcut(QKeySequence("Ctrl+E"))
    win.export_plot_action.setObjectName("exportPlotAction")
    win.copy_plot_action = m.addAction("&Copy Plot", lambda: export.copy_window_plot(win))
    win.copy_plot_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
    m.addSeparator()
    m.addAction("Training &History (CSV)…", lambda: result_exports.export_history(win))
    m.addAction("&Result (JSON)…", lambda: result_exports.export_result(win))
    m.addAction("PyTorch &Script…", lambda: result_exports.export_script(win))
    win.file_menu.addSeparator()
    win.file_menu.addAction(QAction("&Quit", win, shortcut=QKeySequence.Quit, triggered=win.close))

    edit = bar.addMenu("&Edit")
    p = win.data_panel
    edit.addActions([p.undo_action, p.redo_action])
    edit.addSeparator()
    edit.addActions([p.add_action, p.delete_action, p.copy_action, p.paste_action])
    run = bar.addMenu("&Run")
    run.addActions(list(win.run_actions))
    run.addSeparator()
    run.addAction(win.clear_runs_action)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(QAction("&About ThermoGUI", win, triggered=win._about))
