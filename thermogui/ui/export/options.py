"""The exported picture's options and their limits: what to draw, the format, the size and resolution.

`ExportOptions` says what a picture will be and refuses, with a reason a person understands (context "Figure"), a
size its format cannot hold: a PNG is bounded in pixels and memory, an SVG only in units.  `dpi_range` and
`size_range` give what the export dialog may offer, so it never offers a refused size.  `ExportError` is a file that
could not be written.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from thermogui.core.tr import QT_TRANSLATE_NOOP, msg
from thermogui.ui.export.caption import DEFAULT_TITLE

WHATS = ("fit", "loss", "both")
FORMATS = ("png", "svg")
UNITS = ("in", "px")
MIN_DPI, MAX_DPI = 36, 2400
MIN_SIDE_PX = 64
MAX_SIDE_PX = 20000  # PNG only: an SVG has no pixels (its "pixels" are viewBox units)
MAX_PIXELS = 120_000_000  # PNG only: about 460 MB of RGB32; beyond that the render could exhaust memory
MAX_SVG_SIDE = 150_000  # viewBox units: 60 in at 2400 dpi, the largest size the dialog offers
MAX_LOSS_ROWS = 4000


@dataclass(frozen=True)
class ExportOptions:
    what: str = "fit"  # fit | loss | both (side by side)
    format: str = "png"  # png | svg
    dpi: int = 600
    width: float = 6.4  # matplotlib's default figure size
    height: float = 4.8
    unit: str = "in"  # in | px
    title: str = DEFAULT_TITLE
    caption: bool = True  # the fitted equation under the plot
    book_labels: bool = False  # axis titles, legend and caption in the book's English (else the UI language)

    def pixel_size(self) -> tuple[int, int]:
        if self.unit == "px":
            return max(1, round(self.width)), max(1, round(self.height))
        return max(1, round(self.width * self.dpi)), max(1, round(self.height * self.dpi))

    def validated(self) -> ExportOptions:
        """These options, or ValueError with the reason (a core.tr.Text: the dialog shows it in the UI language)."""
        if self.what not in WHATS:
            raise ValueError(f"'what' must be one of {', '.join(WHATS)} (got {self.what!r})")
        if self.format not in FORMATS:
            raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "use .png or .svg"), "Figure"))
        if self.unit not in UNITS:
            raise ValueError(f"the size unit must be 'in' or 'px' (got {self.unit!r})")
        if not (isinstance(self.dpi, (int, float)) and MIN_DPI <= self.dpi <= MAX_DPI):
            raise ValueError(
                msg(
                    QT_TRANSLATE_NOOP("Figure", "the resolution must be from {lo} to {hi} dpi (got {dpi})"),
                    "Figure",
                    lo=MIN_DPI,
                    hi=MAX_DPI,
                    dpi=self.dpi,
                )
            )
        if not (math.isfinite(self.width) and math.isfinite(self.height) and self.width > 0 and self.height > 0):
            raise ValueError(msg(QT_TRANSLATE_NOOP("Figure", "the width and height must be positive"), "Figure"))
        if not self.size_ok():
            w, h = self.pixel_size()
            if self.format == "svg":
                raise ValueError(
                    msg(
                        QT_TRANSLATE_NOOP(
                            "Figure",
                            "{w} × {h} is not a usable SVG size: each side must be {lo} to {hi} units (pixels at "
                            "{dpi} dpi)",
                        ),
                        "Figure",
                        w=w,
                        h=h,
                        lo=MIN_SIDE_PX,
                        hi=f"{MAX_SVG_SIDE:,}",
                        dpi=f"{self.dpi:g}",
                    )
                )
            limits = msg(
                QT_TRANSLATE_NOOP(
                    "Figure", "each side must be {lo} to {hi} pixels and the whole at most {mp} megapixels"
                ),
                "Figure",
                lo=MIN_SIDE_PX,
                hi=f"{MAX_SIDE_PX:,}",
                mp=MAX_PIXELS // 1_000_000,
            )
            size = {"w": f"{w:,}", "h": f"{h:,}", "limits": limits}
            if self.unit == "in":
                lo, hi = dpi_range(self)
                if lo <= hi:  # name the resolutions that work at this size
                    if self.dpi > hi:
                        template = QT_TRANSLATE_NOOP(
                            "Figure",
                            "{w} × {h} pixels is not a usable PNG size ({limits}): at {width} × {height} in, choose "
                            "{lo} to {hi} dpi, or SVG for a higher resolution",
                        )
                    else:
                        template = QT_TRANSLATE_NOOP(
                            "Figure",
                            "{w} × {h} pixels is not a usable PNG size ({limits}): at {width} × {height} in, choose "
                            "{lo} to {hi} dpi",
                        )
                    raise ValueError(
                        msg(
                            template, "Figure", width=f"{self.width:g}", height=f"{self.height:g}", lo=lo, hi=hi, **size
                        )
                    )
            raise ValueError(
                msg(
                    QT_TRANSLATE_NOOP("Figure", "{w} × {h} pixels is not a usable PNG size: {limits}"), "Figure", **size
                )
            )
        return self

    def size_ok(self) -> bool:
        """Is the picture's size within the limits of its format (PNG: pixels and memory; SVG: sane units)?"""
        w, h = self.pixel_size()
        if min(w, h) < MIN_SIDE_PX:
            return False
        if self.format == "svg":
            return max(w, h) <= MAX_SVG_SIDE
        return max(w, h) <= MAX_SIDE_PX and w * h <= MAX_PIXELS

    @property
    def scale(self) -> float:
        """Device pixels per typographic point."""
        return self.dpi / 72.0


def dpi_range(options: ExportOptions) -> tuple[int, int]:
    """(lowest, highest) whole dpi at which `options` (its format and size) make a usable picture; lowest > highest
    when none does.  A size in pixels does not depend on the resolution, nor do an SVG's limits in practice."""
    from dataclasses import replace

    def ok(dpi: int) -> bool:
        return replace(options, dpi=dpi).size_ok()

    if options.unit == "px":
        return (MIN_DPI, MAX_DPI) if ok(MIN_DPI) else (MAX_DPI, MIN_DPI)
    w_in, h_in = max(options.width, options.height), min(options.width, options.height)
    lo = max(MIN_DPI, math.floor(MIN_SIDE_PX / h_in) - 1)
    while lo <= MAX_DPI and not ok(lo):
        lo += 1
    side = MAX_SVG_SIDE if options.format == "svg" else MAX_SIDE_PX
    top = side / w_in if options.format == "svg" else min(side / w_in, math.sqrt(MAX_PIXELS / (w_in * h_in)))
    hi = min(MAX_DPI, math.ceil(top) + 1)
    while hi >= lo and not ok(hi):
        hi -= 1
    return (lo, hi) if lo <= MAX_DPI and hi >= lo else (MAX_DPI, MIN_DPI)


def size_range(options: ExportOptions, side: str) -> tuple[float, float]:
    """(smallest, largest) width or height (`side`), in the options' unit, that keeps the picture usable at its
    resolution and other side: what the export dialog lets a person choose, so it never offers a refused size.
    Inches are given to 2 decimals, pixels whole."""
    other_px = options.pixel_size()[1 if side == "width" else 0]
    if options.format == "svg":
        top_px = MAX_SVG_SIDE
    else:
        top_px = min(MAX_SIDE_PX, MAX_PIXELS // max(other_px, 1))
    if options.unit == "px":
        return float(MIN_SIDE_PX), float(max(top_px, MIN_SIDE_PX))
    lo = math.ceil(MIN_SIDE_PX / options.dpi * 100) / 100
    hi = math.floor(top_px / options.dpi * 100) / 100
    return lo, max(hi, lo)


class ExportError(OSError):
    """A file that could not be written; str() is a reason a person understands."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()
