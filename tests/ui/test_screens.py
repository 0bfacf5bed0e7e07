"""The window fits the screens learners have: 1280×720 and 1366×768 (a real X screen under Xvfb), at launch and
after a divergence, and at QT_SCALE_FACTOR=2 on 2560×1600."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (make test installs it)")

PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from thermogui.app import _application
    app = _application()
    from thermogui.app import create_window
    w = create_window()
    w.show()
    out = {}

    def rect(widget):
        tl = widget.mapToGlobal(widget.rect().topLeft())
        br = widget.mapToGlobal(widget.rect().bottomRight())
        return [tl.x(), tl.y(), br.x(), br.y()]

    def measure(key):
        avail = w.screen().availableGeometry()
        out["screen"] = [avail.x(), avail.y(), avail.right(), avail.bottom()]
        out[key] = {"window": [w.frameGeometry().x(), w.frameGeometry().y(), w.frameGeometry().right(),
                               w.frameGeometry().bottom()],
                    "loss_plot": rect(w.loss_plot), "status_bar": rect(w.statusBar()), "start": rect(
                        w.run_buttons["startButton"])}

    def launched():
        measure("launch")
        w.resize(min(w.width(), 1070), w.height())  # a narrower window than the first size
        QTimer.singleShot(200, start)

    def start():
        out["size_before"] = [w.width(), w.height()]
        w.run_state.set_config(w.run_state.committed_config().with_(normalize="none", epochs=100))
        w.runFinished.connect(lambda _o: QTimer.singleShot(200, finished))
        w.start()

    def finished():
        measure("diverged")
        out["size_after"] = [w.width(), w.height()]
        out["alert"] = w.alert.isVisible()
        print(json.dumps(out))
        w.files.mark_saved()
        w.close()
        app.quit()

    QTimer.singleShot(500, launched)
    app.exec()
""")


def probe(screen: str, tmp_path, **env) -> dict:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        **env,
    }
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def inside(inner, outer) -> bool:
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


@pytest.mark.parametrize("screen", ["1280x720", "1366x768"])
def test_the_whole_window_is_on_a_small_screen_at_launch_and_after_a_divergence(screen, tmp_path):
    got = probe(screen, tmp_path)
    assert got["alert"], "the run should have diverged and shown its explanation"
    assert got["size_after"] == got["size_before"], "the divergence banner must not grow the window"
    for moment in ("launch", "diverged"):
        for part in ("window", "loss_plot", "status_bar", "start"):
            assert inside(got[moment][part], got["screen"]), (moment, part, got[moment][part], got["screen"])
        lp = got[moment]["loss_plot"]
        assert lp[3] - lp[1] >= 100, f"the loss plot is too small to read at {moment}: {lp}"


def test_scale_factor_two_opens_inside_the_screen(tmp_path):
    got = probe("2560x1600", tmp_path, QT_SCALE_FACTOR="2")
    for part in ("window", "loss_plot", "status_bar"):
        assert inside(got["launch"][part], got["screen"]), (part, got["launch"][part], got["screen"])
