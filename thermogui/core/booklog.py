"""The notebook's printout: the lines chapter 5's `training_loop` prints, made from a run's History rows.

The notebook sets ``torch.set_printoptions(edgeitems=2, linewidth=75)`` and has two training loops:

- the first prints every epoch, ``print(f'Epoch : {epoch}  Loss : {loss:.2f}  Grad : {grad}')``;
- the second prints only the book's chosen epochs {1, 2, 3, 10, 11, 99, 100, 4000, 5000}, with ``...`` at epochs
  4, 12 and 101, as ``'Epoch %d, Loss %f'`` followed (``print_params=True``) by ``'    Params:'`` and ``'    Grad:  '``
  and the tensors, and breaks out of the loop after the first loss that is not finite.

A run of up to `EVERY_EPOCH_MAX` epochs gets the first loop's lines, a longer one the second's.  The loop's return
value, the parameters shown as the notebook cell's output (``tensor([  5.3671, -17.3012])``), is `BookLog.result`.

Rows are the History layout of the straight line (epoch, loss, val_loss, w, b, w_raw, b_raw, grad_w, grad_b; loss
and gradient before epoch k's update, parameters after it, in model units).  `BookLog.feed` takes the rows as they
arrive — a whole History snapshot each time, a new slice, or one EpochResult — and returns only the new lines: a
snapshot costs a binary search and a look at its new rows, and a long run never has more than about 40 lines.
Tensors are formatted by torch itself (imported at the first line), under the notebook's print options, restored after.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Iterator

import numpy as np

from thermogui.core.fields import ConfigError
from thermogui.core.history import EPOCH, GRAD_B, GRAD_W, LOSS, B, W

EVERY_EPOCH_MAX = 100  # runs up to this many epochs print every epoch (the notebook's first training_loop)
BOOK_EPOCHS = (1, 2, 3, 10, 11, 99, 100, 4000, 5000)  # the epochs the book's second training_loop prints
BOOK_DOTS = (4, 12, 101)  # where it prints '...'
PRINT_OPTIONS = {"edgeitems": 2, "linewidth": 75}  # the notebook's torch.set_printoptions
LINE_WIDTH = 9  # columns of the straight line's History rows
LINE_ONLY = "the book's printout is for the straight line t_c = w · t_u + b, not for the {model} model"

_print_lock = threading.Lock()


def refuse_other_models(config) -> None:
    """ConfigError unless `config` fits the book's straight line."""
    model = getattr(config, "model", "line")
    if model != "line":
        raise ConfigError(LINE_ONLY.format(model=model))


@contextlib.contextmanager
def book_printoptions() -> Iterator[None]:
    """torch's print options as the notebook sets them (defaults, then edgeitems=2, linewidth=75); the previous
    options are restored afterwards.  One thread at a time (the options are global)."""
    import torch
    from torch import _tensor_str

    with _print_lock:
        get = getattr(_tensor_str, "get_printoptions", None)
        old = dict(get()) if get is not None else dict(vars(_tensor_str.PRINT_OPTS))
        torch.set_printoptions(profile="default")
        torch.set_printoptions(**PRINT_OPTIONS)
        try:
            yield
        finally:
            torch.set_printoptions(**old)


def f32(v: float) -> float:
    """v rounded to float32 (as the notebook's tensors hold it), as a Python float."""
    return float(np.float32(v))


def tensor_text(*values: float) -> str:
    """str(torch.tensor(values)) of float32 values (call inside `book_printoptions`)."""
    import torch

    return str(torch.tensor([f32(v) for v in values], dtype=torch.float32))


def every_epoch_line(epoch: int, loss: float, grad_w: float, grad_b: float) -> str:
    """The first training_loop's line (inside `book_printoptions`)."""
    return f"Epoch : {int(epoch)}  Loss : {f32(loss):.2f}  Grad : {tensor_text(grad_w, grad_b)}"


def chosen_epoch_lines(epoch: int, loss: float, w: float, b: float, grad_w: float, grad_b: float, params=True):
    """The second training_loop's lines for one of its chosen epochs (inside `book_printoptions`)."""
    lines = ["Epoch %d, Loss %f" % (int(epoch), f32(loss))]  # noqa: UP031 (the book's own statement)
    if params:
        lines.append("    Params: " + tensor_text(w, b))
        lines.append("    Grad:   " + tensor_text(grad_w, grad_b))
    return lines


class BookLog:
    """The printout of one run, built as its rows arrive.

    `epochs`: the run's epoch count (it picks the loop: every epoch up to `EVERY_EPOCH_MAX`, else the book's chosen
    epochs).  `update_lr`: the learning rate when the run stopped at a non-finite loss *without* applying that
    epoch's plain gradient-descent update (the app's rule) — the book's loop applies it before printing, so the
    parameters shown for that epoch and returned are then `params - lr * grad` in float32, as the book's are.
    """

    def __init__(
        self,
        epochs: int,
        *,
        update_lr: float | None = None,
        print_params: bool = True,
        every_epoch: bool | None = None,
    ):
        self.epochs = int(epochs)
        self.every_epoch = self.epochs <= EVERY_EPOCH_MAX if every_epoch is None else bool(every_epoch)
        self.print_params = print_params
        self.update_lr = None if update_lr is None else f32(update_lr)
        self.lines: list[str] = []
        events = [(e, 0) for e in BOOK_EPOCHS] + [(e, 1) for e in BOOK_DOTS]  # (epoch, 0: print / 1: '...')
        self._events = sorted(ev for ev in events if ev[0] <= self.epochs)
        self._next = 0  # the next event (long runs)
        self._last = -math.inf  # the last epoch seen
        self._last_row: tuple | None = None
        self._break_row: tuple | None = None  # the first non-finite loss: the book's second loop stops there

    @classmethod
    def for_config(cls, config, **kwargs) -> BookLog:
        """The log of a run with this TrainConfig; ConfigError for a model other than the straight line."""
        refuse_other_models(config)
        plain = config.optimizer == "sgd" and not config.momentum
        if plain and config.stop_on_non_finite:
            kwargs.setdefault("update_lr", config.lr)
        return cls(config.epochs, **kwargs)

    # --- input ---------------------------------------------------------------------------------------------------
    def feed(self, rows) -> list[str]:
        """The new lines for these rows: a History snapshot (rows already seen are skipped), new rows, or one
        EpochResult.  The lines are also appended to `lines`."""
        if isinstance(rows, tuple):  # one EpochResult: most epochs of a long run print nothing, decided cheaply
            if len(rows) != LINE_WIDTH:
                raise ConfigError(LINE_ONLY.format(model=f"{(len(rows) - 3) // 3}-parameter"))
            epoch = rows[EPOCH]
            if epoch <= self._last:
                return []
            if not self.every_epoch and not self._due(epoch) and math.isfinite(rows[LOSS]):
                self._last, self._last_row = epoch, tuple(rows)
                return []
        a = np.asarray(rows, dtype=np.float64)
        if a.ndim == 1:
            a = a.reshape(1, -1)
        if a.ndim != 2 or (len(a) and a.shape[1] != LINE_WIDTH):
            raise ConfigError(LINE_ONLY.format(model=f"{(a.shape[-1] - 3) // 3}-parameter"))
        new = a[int(np.searchsorted(a[:, EPOCH], self._last, side="right")) :]
        if not len(new):
            return []
        with book_printoptions():
            out = self._every(new) if self.every_epoch else self._chosen(new)
        self._last = float(new[-1, EPOCH])
        self._last_row = tuple(new[-1].tolist())
        self.lines += out
        return out

    def _due(self, epoch: float) -> bool:
        return self._next < len(self._events) and epoch >= self._events[self._next][0]

    def _every(self, new: np.ndarray) -> list[str]:
        return [every_epoch_line(r[EPOCH], r[LOSS], r[GRAD_W], r[GRAD_B]) for r in new.tolist()]

    def _chosen(self, new: np.ndarray) -> list[str]:
        out: list[str] = []
        if self._break_row is None:
            bad = np.flatnonzero(~np.isfinite(new[:, LOSS]))
            if len(bad):
                self._break_row = tuple(new[bad[0]].tolist())
        limit = float(new[-1, EPOCH]) if self._break_row is None else min(new[-1, EPOCH], self._break_row[EPOCH])
        epochs = new[:, EPOCH]
        while self._next < len(self._events) and self._events[self._next][0] <= limit:
            e, dots = self._events[self._next]
            self._next += 1
            if dots:
                out.append("...")
                continue
            i = int(np.searchsorted(epochs, e))
            if i < len(epochs) and epochs[i] == e:  # (a row a thinned History dropped is left out)
                r = new[i].tolist()
                w, b = self._book_params(r)
                out += chosen_epoch_lines(e, r[LOSS], w, b, r[GRAD_W], r[GRAD_B], self.print_params)
        if self._break_row is not None and self._break_row[EPOCH] <= limit:
            self._next = len(self._events)  # the book's loop has stopped: nothing more is printed
        return out

    def _book_params(self, r) -> tuple[float, float]:
        """The parameters the book's loop holds after epoch r (its update applied even at a non-finite loss)."""
        w, b = r[W], r[B]
        if self.update_lr is not None and not math.isfinite(r[LOSS]):
            lr = self.update_lr
            w = f32(f32(w) - f32(lr * f32(r[GRAD_W])))
            b = f32(f32(b) - f32(lr * f32(r[GRAD_B])))
        return w, b

    # --- output --------------------------------------------------------------------------------------------------
    @property
    def last_epoch(self) -> int:
        return int(self._last) if self._last_row is not None else 0

    def result(self) -> str:
        """What the loop returns, as the notebook cell shows it (``tensor([  5.3671, -17.3012])``); "" before any
        row.  The second loop's value is that of the epoch it broke at."""
        row = self._break_row if not self.every_epoch and self._break_row is not None else self._last_row
        if row is None:
            return ""
        with book_printoptions():
            return tensor_text(*self._book_params(row))

    def text(self, with_result: bool = True) -> str:
        """Every line so far (and the result line), newline-terminated."""
        lines = self.lines + ([self.result()] if with_result and self._last_row is not None else [])
        return "".join(ln + "\n" for ln in lines)


def book_lines(config, rows) -> list[str]:
    """The whole printout of a finished run (its History rows), result line included."""
    log = BookLog.for_config(config)
    log.feed(rows)
    return log.lines + ([log.result()] if log.last_epoch else [])
