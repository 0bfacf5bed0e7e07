"""The record of a run: one row per epoch in a preallocated numpy buffer, written by the training thread and read
by the GUI's redraw timer.

Rows: epoch, loss, val_loss, then the P parameters (model units), the same in raw units and the P gradient components
(an EpochResult).  For the line (P = 2) that is epoch, loss, val_loss, w, b, w_raw, b_raw, grad_w, grad_b, and the
constants below name those columns.
Every epoch is kept up to `max_rows`; past that the buffer keeps every other row and doubles its stride, so memory
stays bounded (about 75 MB at the default cap) however long the run.  The latest epoch is always kept exactly.
"""

from __future__ import annotations

import threading

import numpy as np

from thermogui.core.config import EpochResult

COLUMNS = ("epoch", "loss", "val_loss", "w", "b", "w_raw", "b_raw", "grad_w", "grad_b")  # the line's
EPOCH, LOSS, VAL_LOSS, W, B, W_RAW, B_RAW, GRAD_W, GRAD_B = range(len(COLUMNS))
DEFAULT_MAX_ROWS = 1 << 20


def columns(param_names: tuple[str, ...]) -> tuple[str, ...]:
    """Column names of a History row for a model with these parameters."""
    return (
        ("epoch", "loss", "val_loss")
        + tuple(param_names)
        + tuple(f"{p}_raw" for p in param_names)
        + tuple(f"grad_{p}" for p in param_names)
    )


class History:
    def __init__(self, expected_epochs: int = 1024, max_rows: int = DEFAULT_MAX_ROWS, n_params: int = 2):
        self.max_rows = max(16, int(max_rows))
        self.n_params = int(n_params)
        width = 3 + 3 * self.n_params
        # memory stays about the same whatever the model: fewer rows for wider ones
        self.max_rows = max(16, self.max_rows * 9 // width)
        self._buf = np.empty((max(16, min(int(expected_epochs), self.max_rows)), width))
        self._count = 0
        self._stride = 1  # epochs between kept rows once the cap is reached
        self._pending = 0  # epochs since the last kept row (when stride > 1)
        self._latest: EpochResult | None = None
        self._lock = threading.Lock()

    # --- writer (training thread) -----------------------------------------------------------
    def append(self, r: EpochResult | np.ndarray) -> None:
        """One epoch (an EpochResult), or a chunk of epochs as an array of rows (the fast path's output)."""
        if type(r) is np.ndarray:
            return self.extend(r)
        self._latest = r
        if self._stride > 1:
            self._pending += 1
            if self._pending < self._stride:
                return
            self._pending = 0
        n = self._count
        if n == len(self._buf):
            if self._make_room():
                # thinned: the last kept row is the previous one, and this row is only half a stride after it
                self._pending = self._stride // 2
                return
            n = self._count
        self._buf[n] = r
        self._count = n + 1

    def extend(self, rows: np.ndarray) -> None:
        """Append consecutive epochs at once (a K×width array): the same rows kept as K calls of append."""
        n = len(rows)
        if not n:
            return
        last = rows[-1]
        self._latest = EpochResult(int(last[0]), *(float(v) for v in last[1:]))
        i = 0
        while i < n:
            s = self._stride
            first = i + (s - 1 - self._pending)  # the next row append would keep
            if first >= n:
                self._pending += n - i
                return
            room = len(self._buf) - self._count
            if room == 0:
                if self._make_room():
                    self._pending = self._stride // 2
                    i = first + 1
                continue
            take = rows[first::s][:room]
            self._buf[self._count : self._count + len(take)] = take
            self._count += len(take)
            self._pending = 0
            i = first + (len(take) - 1) * s + 1

    def params_cols(self) -> slice:
        return slice(3, 3 + self.n_params)

    def raw_cols(self) -> slice:
        return slice(3 + self.n_params, 3 + 2 * self.n_params)

    def grad_cols(self) -> slice:
        return slice(3 + 2 * self.n_params, 3 + 3 * self.n_params)

    def _make_room(self) -> bool:
        """Grow the buffer, or at the cap thin it; True when it thinned (the stride doubled)."""
        with self._lock:
            n = self._count
            if n < self.max_rows:
                new = np.empty((min(2 * n, self.max_rows), self._buf.shape[1]))
                new[:n] = self._buf[:n]
                thinned = False
            else:  # at the cap: keep every other row, ending with the last one, and double the stride
                new = np.empty_like(self._buf)
                kept = self._buf[(n - 1) % 2 : n : 2]
                new[: len(kept)] = kept
                self._count = len(kept)
                self._stride *= 2
                thinned = True
            self._buf = new
        return thinned

    # --- readers (any thread) ---------------------------------------------------------------
    def __len__(self) -> int:
        return self._count

    @property
    def latest(self) -> EpochResult | None:
        return self._latest

    @property
    def stride(self) -> int:
        return self._stride

    def snapshot(self) -> np.ndarray:
        """A read-only view of the rows recorded so far (rows never change once written)."""
        with self._lock:
            view = self._buf[: self._count]
        view = view.view()
        view.setflags(write=False)
        return view

    def decimated(self, max_points: int) -> np.ndarray:
        """At most about `max_points` rows spread evenly over the run, always including the last one.  The stride is
        odd, so a loss that zigzags every other epoch (a step at the edge of stability) shows as the band it is, not
        as one of its two branches (and a last row from the other one)."""
        rows = self.snapshot()
        n = len(rows)
        if n <= max_points:
            return rows
        step = -(-n // max_points)
        step += 1 - step % 2
        idx = np.arange(0, n, step)
        if idx[-1] != n - 1:
            idx = np.append(idx, n - 1)
        return rows[idx]

    def nbytes(self) -> int:
        return self._buf.nbytes
