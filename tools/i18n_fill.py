"""Fill a Qt .ts file's translations from JSON fragments, then (optionally) leave it to lrelease.

    .venv/bin/python tools/i18n_fill.py thermogui/resources/i18n/thermogui_ko.ts tools/i18n/*.json

Each fragment is a JSON object {context: {source: translation}}; for a plural message (%n) the translation may be one
string (Korean has one form) or a list of forms.  Messages found in a fragment get its translation and lose
type="unfinished"; messages already translated in the .ts are left alone unless a fragment names them.  Prints what
is still unfinished.  `make translations` runs lupdate, this, and lrelease, so translators can work on fragments
in parallel without editing the one .ts file.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def load_fragments(paths) -> dict[tuple[str, str], object]:
    out: dict[tuple[str, str], object] = {}
    for p in paths:
        data = json.loads(Path(p).read_text(encoding="utf-8"))
        for context, messages in data.items():
            for source, translation in messages.items():
                out[(context, source)] = translation
    return out


def fill(ts: Path, fragments: dict) -> list[tuple[str, str]]:
    tree = ET.parse(ts)
    unfinished = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            source = m.findtext("source")
            tr = m.find("translation")
            if tr is None:
                tr = ET.SubElement(m, "translation")
            given = fragments.get((name, source))
            if given is not None:
                forms = given if isinstance(given, list) else [given]
                if m.get("numerus") == "yes":
                    for child in list(tr):
                        tr.remove(child)
                    tr.text = None
                    for form in forms:
                        ET.SubElement(tr, "numerusform").text = form
                else:
                    tr.text = forms[0]
                tr.attrib.pop("type", None)
            if tr.get("type") == "unfinished" or (tr.get("type") != "vanished" and not _text(tr)):
                unfinished.append((name, source))
    root = tree.getroot()
    root.text = "\n"
    for context in root:  # lupdate's own layout: <context> at the margin, four spaces per level inside
        ET.indent(context, space="    ")
        context.tail = "\n"
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return unfinished


def _text(tr) -> str:
    return (tr.text or "") + "".join(f.text or "" for f in tr.iter("numerusform"))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__)
        return 2
    ts, fragments = Path(argv[0]), load_fragments(argv[1:])
    left = fill(ts, fragments)
    for context, source in left:
        print(f"unfinished: [{context}] {source!r}")
    print(f"{ts}: {len(left)} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
