"""Under a German locale a typed "1.5" is 1.5, never 15, and every widget shows "." as the decimal point."""

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    from PySide6.QtCore import QLocale
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractSpinBox
    from thermogui.app import create_window
    w = create_window()
    assert QLocale.system().name().startswith("de"), QLocale.system().name()
    from thermogui.ui.export.dialog import open_export_dialog

    dialog = open_export_dialog(w)  # its size in inches is a QDoubleSpinBox: 6.4, not 6,4
    spins = [s.text() for s in w.findChildren(QAbstractSpinBox)]  # as shown, before anything is typed
    spins += [s.text() for s in (dialog or w).findChildren(QAbstractSpinBox)]
    if dialog is not None:
        dialog.close()
    out = []
    for name, text in (("init_w", "1.5"), ("init_w", "1,5"), ("lr", "0.5"), ("lr", "0,5")):
        box = w.controls.inputs[name]
        box.lineEdit().selectAll()
        QTest.keyClicks(box.lineEdit(), text)
        out.append(repr(w.run_state.value(name)))
    box = w.controls.inputs["init_w"]
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), "1.000,5")
    out.append(repr(box.problem() is not None))
    out.append(repr(any("," in t for t in spins)))
    print(" ".join(out))
    w.files.mark_saved()
    w.close()
""")


def test_german_locale_reads_and_shows_a_decimal_point(tmp_path):
    env = {
        **os.environ,
        "LANG": "de_DE.UTF-8",
        "LC_ALL": "de_DE.UTF-8",
        "LANGUAGE": "de",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_DATA_HOME": str(tmp_path / "d"),
        "XDG_STATE_HOME": str(tmp_path / "s"),
    }
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = proc.stdout.split()
    assert got[:4] == ["1.5", "1.5", "0.5", "0.5"]  # "1.5" is 1.5, not 15; "1,5" too
    assert got[4] == "True", "1.000,5 is ambiguous and must be refused with a reason"
    assert got[5] == "False", "no spin box shows a decimal comma"
