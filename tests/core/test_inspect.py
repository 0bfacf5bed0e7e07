"""The gradient inspector's and the results panel's numbers, without Qt."""

from __future__ import annotations

import math

import numpy as np
import pytest

from thermogui.core.config import ConfigError
from thermogui.core.dataset import BOOK_T_C, BOOK_T_U, Dataset
from thermogui.core.explain import MINUS
from thermogui.core.gradients import (
    OUTLIER_SPREADS,
    CalibrationError,
    ModelGradientReport,
    calibration,
    chain_rule_lines,
    gradient_report,
    model_chain_rule_lines,
    model_gradient_report,
    num,
    outliers,
    report_for,
    residuals,
)
from thermogui.core.landscape import NotAvailable
from thermogui.core.models import QUADRATIC
from thermogui.core.training import TrainConfig, prepare, run

BOOK = Dataset.book()


@pytest.fixture(scope="module")
def book_final():
    _, outcome = run(TrainConfig(), BOOK)
    return outcome


def planted(row: int = 4, t_c: float = 30.0) -> Dataset:
    """The book's readings with one t_c made wrong by ~19 °C, in the middle of the t_u range."""
    return BOOK.with_value(row, "t_c", t_c)


# --- the gradient three ways -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "config, w, b",
    [
        (TrainConfig(normalize="none"), 1.0, 0.0),
        (TrainConfig(), 1.0, 0.0),
        (TrainConfig(normalize="zscore"), 2.0, -3.0),
        (TrainConfig(normalize="scale", val_fraction=0.3, seed=3), 4.0, -10.0),
    ],
)
def test_manual_autograd_and_finite_difference_agree(config, w, b):
    r = gradient_report(config, BOOK, w, b)
    for g in (r.autograd, r.finite_difference):
        assert g == pytest.approx(r.manual, rel=1e-4)
    for d in r.differences:
        assert max(d.rel_w, d.rel_b) < 1e-4 and d.agree
    assert r.agree
    assert [(d.first, d.second) for d in r.differences] == [
        ("by hand", "autograd"),
        ("by hand", "finite difference"),
        ("autograd", "finite difference"),
    ]
    d = r.differences[1]
    assert d.abs_w == pytest.approx(r.manual[0] - r.finite_difference[0], abs=1e-12)


def test_the_books_first_step_at_w1_b0_on_raw_readings():
    r = gradient_report(TrainConfig(normalize="none"), BOOK, 1.0, 0.0, 0)
    assert f"{r.manual[0]:.4f}" == "4517.2964" and f"{r.manual[1]:.4f}" == "82.6000"
    assert f"{r.autograd[1]:.4f}" == "82.6000"
    assert r.finite_difference == pytest.approx((4517.2964, 82.6), rel=1e-6)
    assert f"{r.loss:.2f}" == "1763.88"


@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(normalize="none"),
        TrainConfig(),
        TrainConfig(normalize="zscore"),
        TrainConfig(val_fraction=0.25, seed=1),
    ],
)
def test_chain_rule_contributions_sum_to_the_manual_gradient(config):
    n = len(prepare(config, BOOK).x)
    points = [gradient_report(config, BOOK, 3.0, -5.0, i).point for i in range(n)]
    r = gradient_report(config, BOOK, 3.0, -5.0, 0)
    sw, sb = sum(p.contrib_w for p in points), sum(p.contrib_b for p in points)
    assert sw == pytest.approx(r.manual[0], rel=1e-5, abs=1e-5 * r.term_scale[0])
    assert sb == pytest.approx(r.manual[1], rel=1e-5, abs=1e-5 * r.term_scale[1])
    for p in points:
        assert p.n == n and p.dtp_dw == p.x and p.dtp_db == 1.0
        assert p.t_p == pytest.approx(3.0 * p.x - 5.0, rel=1e-6)
        assert p.dloss_dtp == pytest.approx(2 * (p.t_p - p.t_c) / n, rel=1e-6)
        assert p.contrib_w == pytest.approx(p.dloss_dtp * p.x, rel=1e-6)
        assert p.contrib_b == p.dloss_dtp
        assert BOOK.t_u[p.row] == p.t_u and BOOK.t_c[p.row] == p.t_c


def test_a_point_knows_its_table_row_when_rows_are_excluded():
    data = BOOK.with_include(0, False).with_include(2, False)
    p = gradient_report(TrainConfig(), data, 1.0, 0.0, 1).point
    assert p.row == 3 and p.t_u == BOOK_T_U[3] and p.x == pytest.approx(0.1 * BOOK_T_U[3])
    with pytest.raises(IndexError):
        gradient_report(TrainConfig(), data, 1.0, 0.0, 9)


def test_chain_rule_lines_show_the_numbers():
    r = gradient_report(TrainConfig(normalize="none"), BOOK, 1.0, 0.0, 0)
    lines = chain_rule_lines(r)
    assert lines[1] == "t_p = w · x + b = 1 × 35.7 + 0 = 35.7"
    assert lines[2] == "dL/dt_p = 2 (t_p − t_c) / N = 2 (35.7 − 0.5) / 11 = 6.4"
    assert lines[4].endswith("6.4 × 35.7 = 228.48")
    assert "dL/dw = 4517.2964" in lines[-1]
    scaled = chain_rule_lines(gradient_report(TrainConfig(), BOOK, 5.3671, -17.30, 0))
    assert scaled[0] == "x = 0.1 × t_u = 0.1 × 35.7 = 3.57"
    assert scaled[1] == f"t_p = w · x + b = 5.3671 × 3.57 + ({MINUS}17.3) = 1.8605"


def test_number_format():
    assert [num(v) for v in (3.57, -17.30, 0.0, -0.0, 6.091e-4, 1e30, math.inf, math.nan)] == [
        "3.57",
        f"{MINUS}17.3",
        "0",
        "0",
        f"6.091e{MINUS}4",
        "1.000e30",
        "∞",
        "nan",
    ]


def test_the_report_refuses_settings_no_run_could_use():
    with pytest.raises(ConfigError):
        gradient_report(TrainConfig(val_fraction=0.95), BOOK, 1.0, 0.0)


def test_non_finite_parameters_give_nan_not_an_exception():
    r = gradient_report(TrainConfig(), BOOK, math.nan, 0.0, 0)
    assert math.isnan(r.manual[0]) and not r.agree


# --- residuals, outliers, calibration -----------------------------------------------------------------------------
def test_residuals_are_measured_minus_fitted():
    r = residuals([10.0, 20.0], [6.0, 9.0], 0.5, 0.0)
    assert r.tolist() == [1.0, -1.0]


def test_calibration_round_trip_and_spread(book_final):
    o = book_final
    cal = calibration(BOOK_T_U, BOOK_T_C, o.w, o.b)
    assert cal.spread == pytest.approx(math.sqrt(o.final_loss), rel=1e-5)  # ± is √(training loss)
    c, pm = cal.to_celsius(60.0)
    assert c == pytest.approx(o.w * 60 + o.b) and pm == cal.spread
    back, pm_u = cal.to_reading(c)
    assert back == pytest.approx(60.0) and pm_u == pytest.approx(cal.spread / o.w)
    for t_c in (-40.0, 0.0, 21.3, 100.0):
        assert cal.to_celsius(cal.to_reading(t_c)[0])[0] == pytest.approx(t_c)
    assert cal.t_u_range == (21.8, 81.9)
    assert not cal.extrapolates(60.0) and cal.extrapolates(100.0)


@pytest.mark.parametrize(
    "w, b, words", [(0.0, 3.0, "flat"), (math.nan, 1.0, "not finite"), (math.inf, 1.0, "not finite")]
)
def test_inversion_is_refused_for_a_flat_or_broken_line(w, b, words):
    cal = calibration(BOOK_T_U, BOOK_T_C, w, b)
    with pytest.raises(CalibrationError, match=words):
        cal.to_reading(20.0)
    if w == 0:
        assert cal.to_celsius(50.0)[0] == 3.0  # the forward direction still works for a flat line
    else:
        with pytest.raises(CalibrationError):
            cal.to_celsius(50.0)


def test_outliers_find_a_planted_reading():
    data = planted()
    _, o = run(TrainConfig(), data)
    r = residuals(data.t_u, data.t_c, o.w, o.b)
    ranked = outliers(r, k=3)
    assert [x.index for x in ranked][0] == 4
    assert ranked[0].flagged and not any(x.flagged for x in ranked[1:])
    assert ranked[0].score > OUTLIER_SPREADS and ranked[0].residual > 0
    assert abs(ranked[0].residual) >= abs(ranked[1].residual) >= abs(ranked[2].residual)


def test_the_books_readings_have_no_outlier(book_final):
    r = residuals(BOOK_T_U, BOOK_T_C, book_final.w, book_final.b)
    ranked = outliers(r, k=3)
    assert [x.index for x in ranked] == [8, 9, 6]  # the three largest |residuals|, largest first
    assert not any(x.flagged for x in ranked)


def test_outliers_edge_cases():
    assert outliers([], k=3) == []
    assert [o.index for o in outliers([1.0, np.nan, -5.0], k=5)] == [2, 0]
    assert [o.flagged for o in outliers([0.1, 0.1, 9.0], k=3, spread=1.0)] == [True, False, False]
    assert all(math.isnan(o.score) for o in outliers([0.0, 0.0], k=2))


# --- the gradient three ways for the quadratic ------------------------------------------------------------------------
QUAD = TrainConfig(model="quadratic")


@pytest.mark.parametrize(
    "config, params",
    [
        (QUAD, (0.0, 1.0, 0.0)),
        (QUAD, (0.2, -0.5, 3.0)),
        (QUAD.with_(normalize="none"), (1e-3, 0.3, -5.0)),
        (QUAD.with_(normalize="zscore"), (1.0, 2.0, 3.0)),
        (QUAD.with_(val_fraction=0.3, seed=2), (0.3, 2.5, -10.0)),
    ],
)
def test_the_quadratics_gradient_by_hand_autograd_and_finite_difference_agree(config, params):
    r = model_gradient_report(config, BOOK, params)
    assert r.names == ("w2", "w1", "b") and len(r.manual) == 3
    for g in (r.autograd, r.finite_difference):
        assert g == pytest.approx(r.manual, rel=1e-4, abs=1e-5 * max(r.term_scale))
    assert r.agree and [(d.first, d.second) for d in r.differences] == [
        ("by hand", "autograd"),
        ("by hand", "finite difference"),
        ("autograd", "finite difference"),
    ]
    # and all three are the exact gradient 2 (A p − c) / N of the float32 parameters, in float64
    prep = prepare(config, BOOK)
    x, y = prep.x.double().numpy(), prep.y.double().numpy()
    A, c, _, n = QUADRATIC.sums(x, y)
    exact = 2 * (A @ np.array(r.params) - c) / n
    assert r.finite_difference == pytest.approx(exact, rel=1e-7, abs=1e-9 * max(r.term_scale))
    assert r.loss == pytest.approx(QUADRATIC.loss(x, y, r.params), rel=1e-5)


def test_the_quadratics_chain_rule_adds_up_per_parameter():
    n = len(prepare(QUAD, BOOK).x)
    params = (0.2, -0.5, 3.0)
    points = [model_gradient_report(QUAD, BOOK, params, i).point for i in range(n)]
    r = model_gradient_report(QUAD, BOOK, params, 2)
    for j in range(3):
        total = sum(p.contrib[j] for p in points)
        assert total == pytest.approx(r.manual[j], rel=1e-5, abs=1e-5 * r.term_scale[j])
    p = r.point
    assert p.dtp == pytest.approx((p.x**2, p.x, 1.0)) and p.t_c == BOOK_T_C[2]
    lines = model_chain_rule_lines(r)
    assert lines[0] == "x = 0.1 × t_u = 0.1 × 58.2 = 5.82"
    assert lines[1].startswith(f"t_p = w2 · x² + w1 · x + b = 0.2 × 5.82² + ({MINUS}0.5) × 5.82 + 3 = ")
    assert lines[3] == "dt_p/dw2 = x² = 33.8724,    dt_p/dw1 = x = 5.82,    dt_p/db = 1"
    assert lines[4].startswith("contribution to dL/dw2 = dL/dt_p × dt_p/dw2 = ")
    assert lines[-1].startswith("Adding the contributions of all 11 points gives the gradient: dL/dw2 = ")


def test_report_for_picks_the_models_presentation():
    line = report_for(TrainConfig(normalize="none"), BOOK, (1.0, 0.0))
    assert f"{line.manual[0]:.4f}" == "4517.2964" and f"{line.manual[1]:.4f}" == "82.6000"  # the book's, as before
    assert isinstance(report_for(QUAD, BOOK, (0.0, 1.0, 0.0)), ModelGradientReport)
    with pytest.raises(NotAvailable, match="not available for this model"):
        report_for(TrainConfig(model="mlp"), BOOK, (0.0,) * 40)
    with pytest.raises(ValueError, match="3 parameters"):
        model_gradient_report(QUAD, BOOK, (1.0, 0.0))
