"""The network in the teaching tabs: the landscape along two filter-normalised directions through its weights, and
the gradient's length per layer — never the line's (w, b) numbers."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from thermogui.core.models import model_of
from thermogui.core.models.network import gradient_at, layer_grad_norms
from thermogui.core.problem import model_inputs, training_data

from .helpers import choose, type_into


def run_network(qtbot, window):
    c = window.controls
    choose(qtbot, c.model, "Network")
    type_into(qtbot, c.hidden, "8")
    type_into(qtbot, c.lr, "1e-3")
    type_into(qtbot, c.epochs, "300")
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key_F5)
    return window.run_state.config(), blocker.args[0]


def test_the_landscape_tab_shows_the_networks_loss_through_its_weights(qtbot, window):
    config, outcome = run_network(qtbot, window)
    panel = window.teaching.landscape
    window.tabs.setCurrentWidget(panel)
    view = panel.network_view
    qtbot.waitUntil(lambda: view.isVisible() and view.grid is not None, timeout=10000)
    assert not panel.plot.isVisible() and not panel.unavailable_label.isVisible()
    assert view.grid.shape == (41, 41)
    assert view.grid[20, 20] == pytest.approx(outcome.final_loss, rel=1e-5)  # the centre is the current loss
    assert "Li et al." in view.caption.text()


def test_the_inspector_lists_the_gradient_per_layer(qtbot, window):
    config, outcome = run_network(qtbot, window)
    panel = window.teaching.gradient
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.network_view.isVisible(), timeout=10000)
    rows = panel.network_view.values()
    m = model_of(config)
    t_u, t_c, norm = training_data(config, window.run_state.dataset)
    expected = layer_grad_norms(m, gradient_at(m, model_inputs(norm, t_u), t_c, outcome.params_model))
    assert [name for name, _, _ in rows] == [name for name, _ in expected]
    assert np.allclose([v for _, v, _ in rows], [v for _, v in expected], rtol=1e-6)
    assert [n for _, _, n in rows] == [8, 8, 8, 1]
    table = panel.network_view.table
    assert table.rowCount() == 4 and table.item(3, 2).text() == "1"
    assert "dL/dw" not in panel.where.text()
