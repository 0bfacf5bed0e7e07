"""The gradient inspector, driven like a person: pick a reading, read the chain rule for it."""

from __future__ import annotations

import math

import pytest

from thermogui.core.dataset import Dataset
from thermogui.core.explain import MINUS
from thermogui.core.gradients import gradient_report
from thermogui.core.training import TrainConfig, run
from thermogui.ui.panels.inspector import GradientPanel

from .helpers import type_into

BOOK = Dataset.book()


@pytest.fixture
def panel(qtbot):
    p = GradientPanel()
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_starts_empty_with_a_hint(panel):
    assert panel.objectName() == "gradientPanel"
    assert "pause or step" in panel.where.text()
    assert panel.equations.text() == ""


def test_shows_the_books_first_gradient_three_ways(panel):
    panel.show_params(TrainConfig(normalize="none"), BOOK, 1.0, 0.0)
    t = panel.table
    assert [t.verticalHeaderItem(i).text() for i in range(3)] == [
        "By hand (chain rule)",
        "Autograd",
        "Finite difference",
    ]
    assert t.item(0, 0).text() == "4517.2964" and t.item(0, 1).text() == "82.6000"
    assert t.item(1, 1).text() == "82.6000" and t.item(2, 1).text() == "82.6000"
    assert "rel." in t.item(3, 0).text()
    assert panel.verdict.text().startswith("✓ All three agree")
    assert "N = 11" in panel.where.text()


def test_typing_a_point_shows_its_chain_rule(qtbot, panel):
    _, o = run(TrainConfig(), BOOK)
    panel.show_params(TrainConfig(), BOOK, o.w_model, o.b_model)
    box = panel.point
    assert (box.minimum(), box.maximum()) == (1, 11)
    type_into(qtbot, box, "3")
    assert box.value() == 3
    x = 0.1 * 58.2  # the third reading, scaled as the book does
    t_p = o.w_model * x + o.b_model
    d = 2 * (t_p - 15.0) / 11
    text = panel.equations.text()
    assert "x = 0.1 × t_u = 0.1 × 58.2 = 5.82" in text
    assert f"t_p = w · x + b = 5.3671 × 5.82 + ({MINUS}17.3012) = {t_p:.4f}" in text
    assert f"dL/dt_p = 2 (t_p − t_c) / N = 2 ({t_p:.4f} − 15) / 11 = {d:.4f}".replace("-", MINUS) in text
    assert f"= {d * x:.4f}".replace("-", MINUS) in text  # contribution to dL/dw
    assert "table row 3" in panel.point_info.text() and "t_c = 15 °C" in panel.point_info.text()
    # the same numbers as the core
    p = gradient_report(TrainConfig(), BOOK, o.w_model, o.b_model, 2).point
    assert p.t_p == pytest.approx(t_p, rel=1e-5) and p.dloss_dtp == pytest.approx(d, rel=1e-4)


def test_the_point_range_follows_the_training_readings(qtbot, panel):
    panel.show_params(TrainConfig(), BOOK, 1.0, 0.0)
    type_into(qtbot, panel.point, "11")
    assert panel.point.value() == 11
    data = BOOK.with_include(0, False).with_include(1, False)
    panel.show_params(TrainConfig(), data, 1.0, 0.0)
    assert panel.point.maximum() == 9 and panel.point.value() == 9
    assert "table row 11" in panel.point_info.text()
    type_into(qtbot, panel.point, "1")
    assert "table row 3" in panel.point_info.text()
    assert "0.1 × 58.2" in panel.equations.text()


def test_settings_no_run_could_use_give_a_message_not_an_exception(panel):
    panel.show_params(TrainConfig(val_fraction=0.95), BOOK, 1.0, 0.0)
    assert "Cannot compute the gradient" in panel.where.text() and "validation fraction" in panel.where.text()
    assert panel.equations.text() == ""
    panel.show_params(TrainConfig(), BOOK, 1.0, 0.0)  # and it recovers
    assert "loss L" in panel.where.text()


def test_a_diverged_run_is_explained(panel):
    panel.show_params(TrainConfig(normalize="none"), BOOK, math.nan, math.nan)
    assert "diverged" in panel.verdict.text()
    panel.clear()
    assert panel.table.item(0, 0) is None


def test_the_quadratic_gets_a_row_per_parameter(qtbot, panel):
    quad = TrainConfig(model="quadratic")
    panel.show_point(quad, BOOK, (0.2, -0.5, 3.0))
    t = panel.param_table
    assert t.isVisible() and not panel.table.isVisible()
    assert [t.verticalHeaderItem(i).text() for i in range(t.rowCount())] == ["dL/dw2", "dL/dw1", "dL/db"]
    r = panel.report
    for row in range(3):
        values = [float(t.item(row, col).text().replace(MINUS, "-")) for col in range(3)]
        assert values == pytest.approx([r.manual[row]] * 3, rel=1e-4)
    assert "w2 = 0.2, w1 = " in panel.where.text() and "w2·x²" not in panel.where.text()
    assert "t_p = w2 · x² + w1 · x + b" in panel.rule.text()
    type_into(qtbot, panel.point, "3")
    assert "dt_p/dw2 = x² = 33.8724" in panel.equations.text()
    # back to the line: the book's table again
    panel.show_params(TrainConfig(normalize="none"), BOOK, 1.0, 0.0)
    assert panel.table.isVisible() and not t.isVisible() and panel.table.item(0, 0).text() == "4517.2964"


def test_a_network_gets_the_reason_not_numbers(panel):
    panel.show_point(TrainConfig(model="mlp"), BOOK, (0.0,) * 40)
    assert "not available for this model" in panel.where.text() and "autograd" in panel.where.text()
    assert panel.report is None and not panel.table.isVisible() and not panel.param_table.isVisible()
    assert panel.equations.text() == "" and not panel.point.isEnabled()
    panel.show_params(TrainConfig(), BOOK, 1.0, 0.0)  # and it recovers
    assert "loss L" in panel.where.text() and panel.point.isEnabled()
