"""What a screen reader and a keyboard get: a name for every control, table and plot (as Qt's accessibility exposes
it), a sentence that sums up the run, mnemonics that do not clash, visible keyboard focus; and a layout that stays
put: short undo labels, a reserved line for the rate warning, a progress bar that says what it is, legends that
never cover the data, numbered runs, equal axes for the z-scored landscape."""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from tests.ui.helpers import choose, click, edit_cell, type_into
from thermogui.core.config import StopReason
from thermogui.ui import style

INTERACTIVE = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, pg.GraphicsView)


def accessible_name(w: QWidget) -> str:
    """The name a screen reader announces (accessibleName, else a buddy label or the widget's own text)."""
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Name).strip() if iface is not None else ""


def run(qtbot, window):
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        click(qtbot, window, "startButton")
    return blocker.args[0]


def summary(window) -> str:
    label = window.findChild(QLabel, "runSummaryLabel")
    assert label is not None and label.isVisible()
    assert accessible_name(label) == label.text()  # what a screen reader reads
    return label.text()


# --- names ------------------------------------------------------------------------------------------------------------
def test_every_interactive_widget_has_an_accessible_name(qtbot, window):
    unnamed = [
        f"{w.metaObject().className()} {w.objectName()!r} in {w.parentWidget().metaObject().className()}"
        for w in window.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and not accessible_name(w)
    ]
    assert unnamed == [], "\n".join(unnamed)


def test_plots_and_tables_describe_themselves(qtbot, window):
    for name in ("fitPlot", "lossPlot", "landscapePlot", "residualPlot", "sweepPlot", "dataTable", "gradientTable"):
        w = window.findChild(QWidget, name)
        iface = QAccessible.queryAccessibleInterface(w)
        assert iface.text(QAccessible.Name), name
        assert len(iface.text(QAccessible.Description)) > 20, name


# --- the run in words -------------------------------------------------------------------------------------------------
def test_the_summary_says_what_the_run_did(qtbot, window):
    assert summary(window) == "No finished run yet."
    outcome = run(qtbot, window)  # the book's run: scaled input, lr 0.01, 5,000 epochs
    assert outcome.stop_reason == StopReason.COMPLETED
    text = summary(window)
    assert text == "Loss fell from 80.36 to 2.93 in 5,000 epochs; t_c = 0.5367 · t_u − 17.30"
    # the plots' descriptions carry it too
    assert text in QAccessible.queryAccessibleInterface(window.loss_plot).text(QAccessible.Description)
    click(qtbot, window, "resetButton")
    assert summary(window) == "No finished run yet."


def test_the_summary_of_a_divergence(qtbot, window):
    c = window.controls
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")
    type_into(qtbot, c.epochs, "100")
    assert run(qtbot, window).stop_reason == StopReason.NON_FINITE
    text = summary(window)
    assert re.match(r"The loss grew from 1763\.88 to \S+ and stopped at epoch 11 \(not finite\)", text), text
    # a later edit marks it out of date
    type_into(qtbot, c.epochs, "50")
    assert summary(window).endswith("(out of date: made with other readings or settings)")


# --- keyboard ---------------------------------------------------------------------------------------------------------
def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def test_mnemonics_do_not_clash(qtbot, window):
    """Alt+letter of the menu bar, the labels with buddies and the buttons (the banner's too): each letter once."""
    window.alert.show()
    seen: dict[str, str] = {}
    owners = [a.text() for a in window.menuBar().actions()]
    owners += [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    owners += [w.text() for w in window.findChildren(QAbstractButton)]
    for text in owners:
        key = mnemonic(text)
        if key is None:
            continue
        assert key not in seen, f"Alt+{key.upper()}: {seen.get(key)!r} and {text!r}"
        seen[key] = text
    assert {"u", "z", "y", "i"} <= set(seen)  # the banner's buttons: Use, Normalize, Retry, Dismiss


def test_keyboard_focus_on_a_plot_is_visible(qtbot, window):
    plot = window.fit_plot
    plot.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(plot.hasFocus, timeout=2000)
    ring = style.focus_color()
    image = plot.grab().toImage()
    assert image.pixelColor(1, image.height() // 2) == ring
    window.controls.lr.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: not plot.hasFocus(), timeout=2000)
    image = plot.grab().toImage()
    assert image.pixelColor(1, image.height() // 2) != ring


def test_tabbing_to_a_button_rings_it(qtbot, window):
    """Buttons, combo boxes and the tab bar get no focus indicator from the style: the window draws a ring."""
    ring = window.findChild(QWidget, "focusRing")
    start = window.run_buttons["startButton"]
    focus = window.data_panel.view
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key_Tab)  # from the table to the run buttons, by the keyboard
    assert start.hasFocus()
    assert ring.isVisible()
    top_left = start.mapTo(window, start.rect().topLeft())
    assert ring.geometry().contains(QRect(top_left, start.size()))
    image = window.grab(ring.geometry()).toImage()
    assert image.pixelColor(1, image.height() // 2) == style.focus_color()
    qtbot.keyClick(start, Qt.Key_Tab)
    assert window.run_buttons["stepButton"].hasFocus() and ring.geometry().center().x() > top_left.x() + 10
    window.controls.lr.setFocus(Qt.TabFocusReason)  # a line edit shows its own focus frame
    assert not ring.isVisible()


def test_the_keyboard_zooms_a_plot_and_shows_a_tab(qtbot, window):
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)  # View ▸ Show Loss landscape
    landscape = window.teaching.landscape
    assert window.tabs.currentWidget() is landscape
    qtbot.waitUntil(lambda: landscape.landscape is not None, timeout=20000)
    (x0, x1), _ = landscape.view.viewRange()
    landscape.plot.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(landscape.plot, Qt.Key_Plus)
    (y0, y1), _ = landscape.view.viewRange()
    assert (y1 - y0) < 0.9 * (x1 - x0)
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    assert window.tabs.currentIndex() == 0


# --- a layout that stays put ------------------------------------------------------------------------------------------
def test_undo_and_redo_keep_short_labels(qtbot, window):
    panel = window.data_panel
    undo = panel.findChild(QAbstractButton, "undoButton")
    redo = panel.findChild(QAbstractButton, "redoButton")
    width = window.findChild(QWidget, "leftScroll").width()
    hint = undo.sizeHint().width()
    edit_cell(qtbot, panel.view, 0, 2, "36.5")
    assert (undo.text(), redo.text()) == ("Undo", "Redo")
    assert undo.isEnabled() and not redo.isEnabled()
    assert "Undo" in undo.toolTip() and "36.5" in undo.toolTip() and "row 1" in undo.toolTip()
    assert "36.5" in QAccessible.queryAccessibleInterface(undo).text(QAccessible.Description)
    assert undo.sizeHint().width() == hint
    qtbot.mouseClick(undo, Qt.LeftButton)
    assert panel.model.dataset.t_c[0] == 0.5
    assert redo.isEnabled() and redo.text() == "Redo" and "36.5" in redo.toolTip()
    assert window.findChild(QWidget, "leftScroll").width() == width


def test_the_rate_warning_does_not_move_the_controls(qtbot, window):
    c = window.controls
    QApplication.processEvents()
    y = c.epochs.mapTo(window, c.epochs.rect().topLeft()).y()
    assert not c.lr_note.text().startswith("⚠")
    choose(qtbot, c.normalization, "None")
    type_into(qtbot, c.lr, "0.01")
    QApplication.processEvents()
    assert (
        c.lr_note.text().startswith("⚠")
        and c.lr_note.heightForWidth(c.lr_note.width()) > c.lr_note.fontMetrics().lineSpacing()
    )  # it wraps
    assert c.epochs.mapTo(window, c.epochs.rect().topLeft()).y() == y


def test_the_progress_bar_says_what_it_is(qtbot, window):
    assert window.progress.text() == "Not started"
    assert window.progress.value() == window.progress.minimum()  # not Qt's "reset" state, whose text is greyed
    assert accessible_name(window.progress) == "Training progress"
    type_into(qtbot, window.controls.epochs, "200")
    run(qtbot, window)
    assert window.progress.text() == "200 of 200 epochs (100%)"
    click(qtbot, window, "resetButton")
    assert window.progress.text() == "Not started"


def test_identical_runs_are_numbered_and_the_loss_legend_stays_above_the_plot(qtbot, window):
    type_into(qtbot, window.controls.epochs, "20")
    for _ in range(7):
        run(qtbot, window)
    labels = [p[2] for p in window.teaching.previous]
    assert labels[-2:] == ["run 6: lr 0.01, t_u × 0.1, GD", "run 7: lr 0.01, t_u × 0.1, GD"]
    run(qtbot, window)  # the 8th shows the last six earlier runs
    plot = window.loss_plot
    names = plot.legend_names()
    assert names[0] == "training loss" and names[-1] == "+3 earlier runs (faded)"
    assert names[1:4] == [
        "run 5: lr 0.01, t_u × 0.1, GD",
        "run 6: lr 0.01, t_u × 0.1, GD",
        "run 7: lr 0.01, t_u × 0.1, GD",
    ]
    plot.grab()  # lay it out
    data_area = plot.getPlotItem().vb.sceneBoundingRect()
    legend = plot.legend.sceneBoundingRect()
    assert legend.bottom() <= data_area.top() + 1 and legend.right() <= plot.width()


def test_a_legend_never_covers_the_fit(qtbot, window):
    plot = window.fit_plot
    plot.grab()
    assert plot.legend.sceneBoundingRect().bottom() <= plot.getPlotItem().vb.sceneBoundingRect().top() + 1


@pytest.mark.parametrize("norm, locked", [("Z-score", True), ("Scale", False)])
def test_the_z_scored_landscape_has_equal_axes(qtbot, window, norm, locked):
    choose(qtbot, window.controls.normalization, norm)
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)
    landscape = window.teaching.landscape
    qtbot.waitUntil(lambda: landscape.landscape is not None, timeout=20000)
    landscape.plot.grab()
    assert landscape.equal_axes.isEnabled() is locked
    assert bool(landscape.view.state["aspectLocked"]) is locked
    if locked:
        (x0, x1), (y0, y1) = landscape.view.viewRange()
        rect = landscape.view.sceneBoundingRect()
        assert (x1 - x0) / rect.width() == pytest.approx((y1 - y0) / rect.height(), rel=0.02)  # °C per pixel
        qtbot.mouseClick(landscape.equal_axes, Qt.LeftButton)  # the option: off
        assert not landscape.view.state["aspectLocked"]


def test_a_sweep_point_is_picked_from_the_keyboard(qtbot):
    from thermogui.core.dataset import Dataset
    from thermogui.core.training import TrainConfig
    from thermogui.ui.panels.sweep import SweepPanel

    panel = SweepPanel()
    qtbot.addWidget(panel, before_close_func=lambda w: w.shutdown())
    panel.resize(760, 560)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_problem(TrainConfig(normalize="none", lr=1e-4), Dataset.book())
    panel.count.setValue(4)
    panel.epochs.setValue(20)
    with qtbot.waitSignal(panel.sweepFinished, timeout=60000):
        qtbot.mouseClick(panel.run_button, Qt.LeftButton)
    rates = sorted(p.lr for p, _ in panel._drawn())
    panel.plot.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(panel.plot, Qt.Key_Right)
    assert panel.chosen.lr == rates[0] and "Enter" in panel.hint.text()
    qtbot.keyClick(panel.plot, Qt.Key_Right)
    qtbot.keyClick(panel.plot, Qt.Key_Left)
    qtbot.keyClick(panel.plot, Qt.Key_Right)
    with qtbot.waitSignal(panel.rateChosen) as chosen:
        qtbot.keyClick(panel.plot, Qt.Key_Return)
    assert chosen.args == [rates[1]]
    panel.shutdown()
