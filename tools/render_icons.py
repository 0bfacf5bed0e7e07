#!/usr/bin/env python3
"""Render thermogui/resources/thermogui.svg to thermogui/resources/icons/thermogui-<size>.png for every launcher size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_icons.py

Run it again after editing the SVG and commit the PNGs with it. Needs only PySide6 (QtSvg), no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "thermogui" / "resources"  # package data (pyproject: [tool.setuptools.package-data])
SVG = RESOURCES / "thermogui.svg"
OUT = RESOURCES / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # = thermogui.desktop.ICON_SIZES (tests/test_desktop.py checks)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    # Plain ARGB32 at a fixed 96 DPI and no text chunks, so re-running anywhere gives the same bytes.
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(3780)
    image.setDotsPerMeterY(3780)
    return image


def main(argv: list[str] | None = None) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs a Gui app)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: cannot parse {SVG}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = OUT / f"thermogui-{size}.png"
        if not render(renderer, size).save(str(path), "PNG"):
            print(f"render_icons: cannot write {path}", file=sys.stderr)
            return 1
        print(f"{path.relative_to(ROOT)}  {size}x{size}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
