"""Each of the book's runs, as a preset, reproduces the numbers the book prints (BOOK-NUMBERS.md is the oracle)."""

from __future__ import annotations

import numpy as np
import pytest

from thermogui.core.presets import BY_KEY, PRESETS, check
from thermogui.core.training import run

PRINTED = [p for p in PRESETS if p.expect]


@pytest.mark.parametrize("preset", PRINTED, ids=[p.key for p in PRINTED])
def test_a_preset_reproduces_the_books_printed_numbers(preset):
    history, outcome = run(preset.config, preset.dataset())
    rows = check(preset, history, outcome)
    assert rows and all(equal for *_, equal in rows), rows


def test_every_preset_is_a_valid_run_with_a_line_to_watch():
    for p in PRESETS:
        assert p.config.validated() == p.config and p.watch and p.title
        assert len(p.dataset()) == 11


def test_the_overfitting_preset_overfits():
    p = BY_KEY["network-overfit"]
    history, _ = run(p.config.with_(epochs=2500), p.dataset())
    train = np.array([r.loss for r in history])
    val = np.array([r.val_loss for r in history])
    best = int(val.argmin())
    assert train[-1] < train[best] * 0.75  # training keeps improving ...
    assert val[-1] > 3 * val[best]  # ... while the validation loss turned and rose


def test_the_books_network_zigzags_as_its_line_to_watch_says():
    """ "After ~1,000 epochs the validation loss jumps between two values every other epoch" (the preset's seed)."""
    p = BY_KEY["network-book"]
    history, _ = run(p.config, p.dataset())
    val = np.log([r.val_loss for r in history])
    early, late = np.diff(val[100:900]), np.diff(val[1500:3000])
    assert np.abs(early).max() < 0.1  # falling smoothly at first
    assert np.median(np.abs(late)) > 0.3  # then up and down by a third or more, epoch after epoch
    assert (late[:-1] * late[1:] < 0).all()  # alternating
