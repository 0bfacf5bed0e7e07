"""Qt's SVG made to scale as one picture: the exported figure's strokes in picture units, its size in inches."""

from __future__ import annotations

import re

_SVG_NS = "http://www.w3.org/2000/svg"
_POINT_SHAPES = ("path", "polyline", "polygon")  # shapes whose coordinates can be transformed here
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def scaling_strokes(svg: bytes, width_in: float, height_in: float) -> bytes:
    """Make Qt's SVG scale as one picture.

    Qt writes pyqtgraph's cosmetic pens as `vector-effect="non-scaling-stroke"` inside groups that carry the data
    transform, so a viewer showing the picture at any size but 1:1 draws wrong line widths.  Here the data transform
    is applied to the coordinates of each such group, and the strokes become ordinary ones in picture units.
    The width and height are given in inches.
    """
    import xml.etree.ElementTree as ET

    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    root.set("width", f"{width_in:.4g}in")
    root.set("height", f"{height_in:.4g}in")
    for el in root.iter():  # name a generic family too, for viewers without the font
        family = el.get("font-family")
        if family:
            el.set("font-family", "sans-serif" if family == "Sans Serif" else f"{family}, sans-serif")
    for g in root.iter(f"{{{_SVG_NS}}}g"):
        shapes = [ch for ch in g if ch.get("vector-effect") == "non-scaling-stroke"]
        if not shapes:
            continue
        m = _MATRIX.fullmatch(g.get("transform", "").strip())
        a, b, c, d, e, f = (float(v) for v in m.group(1).split(",")) if m else (1, 0, 0, 1, 0, 0)
        linear = (a, b, c, d) != (1, 0, 0, 1)
        if linear and (len(shapes) != len(g) or any(ch.tag.rsplit("}", 1)[-1] not in _POINT_SHAPES for ch in g)):
            continue  # text or non-cosmetic strokes under a scaling transform: leave the group as Qt wrote it
        for ch in shapes:
            ch.attrib.pop("vector-effect")
            if linear:
                _transform_shape(ch, (a, b, c, d, e, f))
        if linear:
            g.attrib.pop("transform")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False
    )


def _transform_shape(el, m) -> None:
    """Apply the SVG matrix m = (a, b, c, d, e, f) to the coordinates of a <path>, <polyline> or <polygon>."""
    a, b, c, d, e, f = m

    def tx(x: float, y: float) -> str:
        return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}"

    if el.tag.endswith("}path"):
        out, nums = [], []
        for tok in _PATH_TOKEN.findall(el.get("d", "")):
            if tok.isalpha():
                out.append(tok)
            else:
                nums.append(float(tok))
                if len(nums) == 2:
                    out.append(tx(*nums))
                    nums = []
        el.set("d", " ".join(out))
    else:
        vals = [float(v) for v in _PATH_TOKEN.findall(el.get("points", ""))]
        el.set("points", " ".join(tx(x, y) for x, y in zip(vals[::2], vals[1::2])))
