"""Plot image export: PNG at 600 DPI (size, pHYs, the run as text chunks, the fitted line in the picture), SVG,
headless `thermogui fit --plot`, the Export dialog (remembered folder, overwrite prompt, failed writes), and any
model's picture (the quadratic's curve and equation, validation readings hollow)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

import thermogui
from thermogui.core.config import StopReason
from thermogui.ui import dialogs
from thermogui.ui.export import dialog as export
from thermogui.ui.export.dialog import open_export_dialog
from thermogui.ui.export.figure import Figure
from thermogui.ui.export.inputs import export_from_window, window_inputs
from thermogui.ui.export.options import ExportOptions
from thermogui.ui.plots.live import FIT_COLOR

from .helpers import choose, click, type_into

REPO = Path(thermogui.__file__).parent.parent
BOOK_W, BOOK_B = 0.5367, -17.30  # t_c = 0.5367 t_u - 17.30 after the book's final run


# --- reading PNG files without Qt ----------------------------------------------------------------
def png_chunks(path) -> list[tuple[bytes, bytes]]:
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        pos += 12 + length
    assert chunks[-1][0] == b"IEND"
    return chunks


def png_info(path) -> dict:
    """Pixel size, pixels per metre, and the text chunks (tEXt, zTXt, iTXt) of a PNG file."""
    info = {"text": {}}
    for kind, body in png_chunks(path):
        if kind == b"IHDR":
            info["width"], info["height"] = struct.unpack(">II", body[:8])
        elif kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", body)
            assert unit == 1, "pHYs unit must be metres"
            info["ppm"] = (x, y)
        elif kind == b"tEXt":
            key, value = body.split(b"\0", 1)
            info["text"][key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, rest = body.split(b"\0", 1)
            info["text"][key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, rest = body.split(b"\0", 1)
            compressed, rest = rest[0], rest[2:]
            _lang, _translated, text = rest.split(b"\0", 2)
            info["text"][key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode("utf-8")
    return info


def dpi_to_ppm(dpi: float) -> int:
    return round(dpi / 0.0254)


# --- helpers -----------------------------------------------------------------------------------
def run_book(qtbot, window):
    """The book's final run (the window's defaults: lr 1e-2, 5000 epochs, t_u × 0.1), started with the button."""
    c = window.controls
    assert (c.lr.value(), c.epochs.value(), c.normalization.currentData(), c.scale.value()) == (
        0.01,
        5000,
        "scale",
        0.1,
    )
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        click(qtbot, window, "startButton")
    outcome = blocker.args[0]
    assert outcome.stop_reason == StopReason.COMPLETED
    return outcome


def is_red(rgb, tol=40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(rgb, FIT_COLOR))


def rgb_at(image: QImage, x: int, y: int):
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def red_near(image: QImage, x: float, y: float, reach: int = 10) -> bool:
    """Is there a pixel of the fit line's red within `reach` pixels above or below (x, y)?"""
    return any(is_red(rgb_at(image, round(x), round(y) + dy)) for dy in range(-reach, reach + 1))


def count_exact(image: QImage, rgb) -> int:
    import numpy as np

    img = image.convertToFormat(QImage.Format_RGB888)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    arr = arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3)
    return int((arr == np.array(rgb, np.uint8)).all(axis=2).sum())


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """Keep the dialog's remembered folder out of the user's real settings."""
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    monkeypatch.setattr(export, "_settings", lambda: s)
    return s


# --- (a) from the window ---------------------------------------------------------------------------
def test_png_at_600_dpi_has_the_size_dpi_run_and_fitted_line(qtbot, window, tmp_path):
    outcome = run_book(qtbot, window)
    path = tmp_path / "fit.png"
    export_from_window(window, ExportOptions(dpi=600, width=6.4, height=4.8, unit="in"), path)

    info = png_info(path)
    assert (info["width"], info["height"]) == (3840, 2880)
    assert info["ppm"] == (23622, 23622)  # 600 dpi
    text = info["text"]
    assert float(text["learning_rate"]) == 0.01
    assert text["epochs"] == "5000" and text["epochs_run"] == "5000"
    assert text["normalization"] == "scale 0.1"
    assert float(text["w"]) == pytest.approx(BOOK_W, abs=1e-4) and float(text["w"]) == outcome.w
    assert float(text["b"]) == pytest.approx(BOOK_B, abs=1e-2)
    assert float(text["loss"]) == pytest.approx(2.927648, abs=1e-5)
    assert text["Software"] == f"ThermoGUI {thermogui.__version__}"

    # The fitted line is in the picture: plenty of its red, and red where the line must pass.
    image = QImage(str(path))
    assert image.width() == 3840 and image.dotsPerMeterX() == 23622
    assert count_exact(image, FIT_COLOR) > 15000  # a 13-px-wide line ~3,500 px long, partly under the dashes
    fig = Figure(ExportOptions(dpi=600), **window_inputs(window))  # the same layout, to map data to pixels
    try:
        for t_u in (30.0, 75.0):
            x, y = fig.data_to_pixel(t_u, BOOK_W * t_u + BOOK_B)
            assert red_near(image, x, y), f"no fit line at t_u = {t_u}"
            x, y = fig.data_to_pixel(t_u, BOOK_W * t_u + BOOK_B + 4.0)  # 4 °C off the line: background
            assert not red_near(image, x, y)
        # the data points are drawn too (their blue at a reading's position)
        x, y = fig.data_to_pixel(81.9, 28.0)
        c = rgb_at(image, round(x), round(y))
        assert c[2] > 150 and c[0] < 120, c
    finally:
        fig.close()


def test_svg_has_line_points_and_readable_text(qtbot, window, tmp_path):
    run_book(qtbot, window)
    path = tmp_path / "fit.svg"
    export_from_window(window, ExportOptions(format="svg"), path)
    text = path.read_text("utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert 'width="6.4in"' in text and 'height="4.8in"' in text and 'viewBox="0 0 3840 2880"' in text
    assert "<path" in text or "<polyline" in text
    assert "Temperature (°Fahrenheit)" in text and "Temperature (°Celsius)" in text
    assert "non-scaling-stroke" not in text  # strokes scale with the picture
    assert "#d62728" in text.lower()  # the fit line's red
    # Qt can read it back and draws the red line
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()


def test_both_plots_side_by_side_and_loss_alone(qtbot, window, tmp_path):
    run_book(qtbot, window)
    export_from_window(window, ExportOptions(what="both", dpi=100, width=12.8), tmp_path / "both.png")
    info = png_info(tmp_path / "both.png")
    assert (info["width"], info["height"]) == (1280, 480)
    export_from_window(
        window, ExportOptions(what="loss", dpi=100, unit="px", width=800, height=500), tmp_path / "loss.png"
    )
    info = png_info(tmp_path / "loss.png")
    assert (info["width"], info["height"]) == (800, 500) and info["ppm"] == (3937, 3937)
    assert count_exact(QImage(str(tmp_path / "loss.png")), FIT_COLOR) > 500  # the training-loss curve


def test_export_before_any_run_draws_the_start_line(window, tmp_path):
    path = tmp_path / "start.png"
    export_from_window(window, ExportOptions(dpi=100), path)
    info = png_info(path)
    assert info["text"]["epochs_run"] == "0"
    assert float(info["text"]["w"]) == pytest.approx(0.1)  # w = 1 in t_u × 0.1 units
    export_from_window(window, ExportOptions(what="loss", dpi=100), tmp_path / "loss.png")  # empty, no error


def test_unusable_options_are_refused(window, tmp_path):
    with pytest.raises(ValueError, match="dpi"):
        export_from_window(window, ExportOptions(dpi=5), tmp_path / "x.png")
    with pytest.raises(ValueError, match="pixels"):
        export_from_window(window, ExportOptions(dpi=2400, width=60, height=60), tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


# --- (b) headless -------------------------------------------------------------------------------
def headless(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "thermogui", "fit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_headless_png_and_svg_without_a_display(tmp_path):
    r = headless("--plot", str(tmp_path / "fit.png"), "--dpi", "300", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "0.536708" in r.stdout and r.stderr == ""
    info = png_info(tmp_path / "fit.png")
    assert (info["width"], info["height"]) == (1920, 1440)
    assert info["ppm"] == (dpi_to_ppm(300),) * 2 == (11811, 11811)
    assert float(info["text"]["w"]) == pytest.approx(BOOK_W, abs=1e-4)
    assert float(info["text"]["learning_rate"]) == 0.01

    r = headless("--plot", str(tmp_path / "fit.svg"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    svg = (tmp_path / "fit.svg").read_text("utf-8")
    assert "Temperature (°Fahrenheit)" in svg and ("<path" in svg or "<polyline" in svg)


def test_headless_refuses_other_extensions_and_unwritable_paths(tmp_path):
    r = headless("--epochs", "10", "--plot", str(tmp_path / "x.txt"), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "use .png or .svg" in r.stderr
    assert not (tmp_path / "x.txt").exists()
    (tmp_path / "afile").write_text("not a folder")
    r = headless("--epochs", "10", "--plot", str(tmp_path / "afile" / "x.png"), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "is a file, not a folder" in r.stderr


# --- (c) the dialog -------------------------------------------------------------------------------
def set_path(qtbot, dlg, path) -> None:
    dlg.path_input.setFocus()
    dlg.path_input.selectAll()
    qtbot.keyClick(dlg.path_input, Qt.Key_Backspace)
    qtbot.keyClicks(dlg.path_input, str(path))


def error_box(dlg) -> QMessageBox | None:
    boxes = [b for b in dlg.findChildren(QMessageBox, "exportErrorDialog") if b.isVisible()]
    assert len(boxes) <= 1
    return boxes[0] if boxes else None


def test_dialog_exports_with_typed_settings_and_remembers_the_folder(qtbot, window, tmp_path, settings):
    dlg = open_export_dialog(window)
    qtbot.waitExposed(dlg)
    assert dlg.dpi.value() == 600 and dlg.width_input.value() == 6.4 and dlg.height_input.value() == 4.8
    assert dlg.caption_input.isChecked() and dlg.title_input.text() == "Thermometer calibration"
    type_into(qtbot, dlg.dpi, "150")
    assert "960 × 720 pixels" in dlg.size_label.text()
    dlg.title_input.selectAll()
    qtbot.keyClicks(dlg.title_input, "My thermometer")
    set_path(qtbot, dlg, tmp_path / "out")  # no extension: the format's is added
    with qtbot.waitSignal(dlg.exported, timeout=10000) as blocker:
        click(qtbot, dlg, "exportButton")
    assert blocker.args == [str(tmp_path / "out.png")]
    info = png_info(tmp_path / "out.png")
    assert (info["width"], info["height"]) == (960, 720) and info["ppm"] == (dpi_to_ppm(150),) * 2
    assert info["text"]["Title"] == "My thermometer"
    assert not dlg.isVisible()  # closes after a successful export
    assert settings.value("export/last_dir") == str(tmp_path.resolve())
    # the next dialog starts in the remembered folder
    dlg.setParent(None)  # a new dialog, as after the window forgot this one
    dlg.deleteLater()
    dlg2 = open_export_dialog(window)
    assert Path(dlg2.path_input.text()).parent == tmp_path.resolve()
    dlg2.close()


def test_dialog_size_in_pixels_and_svg(qtbot, window, tmp_path, settings):
    dlg = open_export_dialog(window)
    choose(qtbot, dlg.unit, "pixels")
    assert dlg.width_input.value() == 3840 and dlg.height_input.value() == 2880  # converted at 600 dpi
    type_into(qtbot, dlg.width_input, "1000")
    type_into(qtbot, dlg.height_input, "800")
    set_path(qtbot, dlg, tmp_path / "px.png")
    click(qtbot, dlg, "exportButton")
    info = png_info(tmp_path / "px.png")
    assert (info["width"], info["height"]) == (1000, 800)

    dlg = open_export_dialog(window)
    choose(qtbot, dlg.format, "SVG")
    assert dlg.path_input.text().endswith("px.svg")  # the extension follows the format
    click(qtbot, dlg, "exportButton")
    assert "Temperature" in (tmp_path / "px.svg").read_text("utf-8")


def test_dialog_asks_before_overwriting(qtbot, window, tmp_path, settings, monkeypatch):
    target = tmp_path / "fit.png"
    target.write_bytes(b"old picture")
    asked = []

    def answer(reply):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return reply

        return question

    dlg = open_export_dialog(window)
    type_into(qtbot, dlg.dpi, "100")
    set_path(qtbot, dlg, target)
    monkeypatch.setattr(dialogs, "ask", answer(QMessageBox.No))
    click(qtbot, dlg, "exportButton")
    assert len(asked) == 1 and "fit.png" in asked[0] and "replace" in asked[0]
    assert target.read_bytes() == b"old picture"
    assert dlg.isVisible() and "kept" in dlg.status.text()

    monkeypatch.setattr(dialogs, "ask", answer(QMessageBox.Yes))
    click(qtbot, dlg, "exportButton")
    assert len(asked) == 2
    assert png_info(target)["width"] == 640


def test_failed_write_shows_an_error_and_keeps_the_old_file(qtbot, window, tmp_path, settings, monkeypatch):
    dlg = open_export_dialog(window)
    type_into(qtbot, dlg.dpi, "100")
    # a folder that cannot exist: its parent is a file (root ignores permissions, so no chmod trick)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me")
    set_path(qtbot, dlg, blocker / "fit.png")
    click(qtbot, dlg, "exportButton")
    box = error_box(dlg)
    assert box is not None, "no error shown"
    assert "notes.txt is a file, not a folder" in box.informativeText()
    assert blocker.read_text() == "keep me"
    assert dlg.isVisible() and "Could not export" in dlg.status.text()
    box.close()

    # the disk fills up half way through replacing an existing picture: the old one survives, no temp file left
    target = tmp_path / "fit.png"
    target.write_bytes(b"old picture")
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Yes)

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("thermogui.core.atomic.os.fsync", full)
    set_path(qtbot, dlg, target)
    click(qtbot, dlg, "exportButton")
    box = error_box(dlg)
    assert box is not None and "disk is full" in box.informativeText()
    assert "existing file was left" in box.informativeText()
    assert target.read_bytes() == b"old picture"
    assert {p.name for p in tmp_path.iterdir()} <= {"fit.png", "notes.txt", "settings.ini"}  # no temp file
    box.close()
    assert settings.value("export/last_dir") is None  # nothing was exported


def test_read_only_folder_keeps_the_old_file(window, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "fit.png").write_bytes(b"old picture")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root writes anywhere: make the temp file refuse instead

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("thermogui.core.atomic.tempfile.mkstemp", refuse)
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError, match="no permission to write in"):
            export_from_window(window, ExportOptions(dpi=100), folder / "fit.png")
        assert (folder / "fit.png").read_bytes() == b"old picture"
        assert [p.name for p in folder.iterdir()] == ["fit.png"]
    finally:
        folder.chmod(0o755)


def test_copy_to_clipboard(qtbot, window, settings):
    dlg = open_export_dialog(window)
    type_into(qtbot, dlg.dpi, "100")
    click(qtbot, dlg, "copyButton")
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (640, 480)
    assert "Copied" in dlg.status.text()
    dlg.close()


# --- (d) limits: what is offered can be exported; costs stay bounded ---------------------------------------
def test_png_resolution_range_at_the_default_size_and_the_cli_says_it():
    from thermogui import cli
    from thermogui.ui.export.options import MAX_DPI, MIN_DPI, dpi_range

    assert dpi_range(ExportOptions()) == (MIN_DPI, 1976) == (cli.MIN_DPI, cli.MAX_PNG_DPI)
    assert dpi_range(ExportOptions(format="svg")) == (MIN_DPI, MAX_DPI) == (cli.MIN_DPI, cli.MAX_DPI)
    assert ExportOptions(dpi=1976).validated().pixel_size() == (12646, 9485)
    with pytest.raises(ValueError, match="at 6.4 × 4.8 in, choose 36 to 1976 dpi, or SVG"):
        ExportOptions(dpi=1977).validated()
    assert dpi_range(ExportOptions(width=60, height=60)) == (36, 182)
    assert dpi_range(ExportOptions(width=0.5, height=4.8)) == (127, 2400)  # 64 pixels a side at least (63.5 rounds up)


def test_svg_ignores_pixel_limits(tmp_path):
    options = ExportOptions(format="svg", dpi=2400).validated()  # 15,360 × 11,520 units: no pixels are made
    assert options.pixel_size() == (15360, 11520)
    r = headless("--epochs", "10", "--plot", str(tmp_path / "fit.svg"), "--dpi", "2400", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    svg = (tmp_path / "fit.svg").read_text("utf-8")
    assert 'width="6.4in"' in svg and 'height="4.8in"' in svg and 'viewBox="0 0 15360 11520"' in svg
    assert "Temperature (°Fahrenheit)" in svg


def test_headless_png_beyond_its_pixel_limit_is_refused_before_training(tmp_path):
    r = headless("--epochs", "10000000", "--plot", str(tmp_path / "fit.png"), "--dpi", "2400", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""  # (training 10^7 epochs would take minutes: the test would time out)
    assert r.stderr.count("\n") == 1 and "choose 36 to 1976 dpi" in r.stderr
    assert not (tmp_path / "fit.png").exists()


def usable(dlg) -> bool:
    try:
        dlg.options().validated()
    except ValueError:
        return False
    return "⚠" not in dlg.size_label.text()


def test_dialog_offers_only_resolutions_and_sizes_it_can_export(qtbot, window, settings):
    dlg = open_export_dialog(window)
    assert (dlg.dpi.minimum(), dlg.dpi.maximum()) == (36, 1976)  # a PNG of 6.4 × 4.8 in
    type_into(qtbot, dlg.dpi, "2400")  # Enter: refused, the value kept, and said (the next test)
    assert dlg.dpi.value() == 600 and dlg.size_label.text().endswith("— kept 600 dpi")
    type_into(qtbot, dlg.dpi, "1976")
    assert dlg.dpi.value() == 1976 and usable(dlg)
    choose(qtbot, dlg.format, "SVG")
    assert dlg.dpi.maximum() == 2400
    type_into(qtbot, dlg.dpi, "2400")
    assert dlg.dpi.value() == 2400 and usable(dlg)
    choose(qtbot, dlg.format, "PNG")  # back to pixels: the resolution comes down to what fits
    assert dlg.dpi.value() == 1976 and usable(dlg)
    assert dlg.width_input.maximum() == 6.4  # and the size cannot grow at that resolution
    # every extreme of every box, in every format and unit, exports
    for fmt in ("PNG", "SVG"):
        choose(qtbot, dlg.format, fmt)
        for unit in ("inches", "pixels"):
            choose(qtbot, dlg.unit, unit)
            for box, end in [
                (dlg.dpi, "max"),
                (dlg.width_input, "max"),
                (dlg.height_input, "max"),
                (dlg.dpi, "min"),
                (dlg.width_input, "min"),
                (dlg.height_input, "min"),
                (dlg.dpi, "max"),
                (dlg.width_input, "max"),
                (dlg.dpi, "min"),
                (dlg.height_input, "max"),
                (dlg.width_input, "max"),
                (dlg.dpi, "max"),
            ]:
                box.setValue(box.maximum() if end == "max" else box.minimum())
                assert usable(dlg), (fmt, unit, box.objectName(), end, dlg.options(), dlg.size_label.text())
    dlg.close()


def test_a_number_out_of_range_is_refused_with_the_range_never_cut_to_fit(qtbot, window, settings):
    """Typing 2400 into the resolution of a PNG that allows 1,976 dpi used to leave 240 in the box, silently."""
    dlg = open_export_dialog(window)
    qtbot.waitExposed(dlg)
    dlg.activateWindow()  # (Tab moves the focus in the active window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    edit = dlg.dpi.lineEdit()
    dlg.dpi.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2400")
    assert edit.text().startswith("2400")  # as typed
    assert dlg.size_label.text() == "⚠ 2,400 dpi cannot be used: from 36 to 1,976 dpi at this size and format"
    assert not dlg.export_button.isEnabled() and not dlg.copy_button.isEnabled()
    assert dlg.dpi.value() == 600  # nothing changed
    qtbot.keyClick(edit, Qt.Key_Tab)  # leaving the box keeps the last usable value, and says so
    assert not dlg.dpi.hasFocus()
    assert dlg.dpi.value() == 600 and dlg.dpi.text() == "600 dpi"
    assert dlg.size_label.text().endswith("— kept 600 dpi") and dlg.export_button.isEnabled()
    dlg.width_input.setFocus()
    dlg.width_input.lineEdit().selectAll()
    qtbot.keyClicks(dlg.width_input.lineEdit(), "80")  # inches: at most 60 (and less at 600 dpi)
    assert dlg.size_label.text().startswith("⚠ A width of 80 in cannot be used: from ")
    assert not dlg.export_button.isEnabled()
    qtbot.keyClick(dlg.width_input.lineEdit(), Qt.Key_Backspace)  # 8 in: usable again
    assert dlg.export_button.isEnabled() and not dlg.size_label.text().startswith("⚠")
    qtbot.keyClick(dlg.width_input.lineEdit(), Qt.Key_Return)
    assert dlg.width_input.value() == 8.0 and usable(dlg)
    dlg.close()


def test_headless_history_is_bounded_and_the_picture_gets_at_most_max_loss_rows(tmp_path, monkeypatch):
    """The CLI records a run for its picture in a History capped at PLOT_HISTORY_ROWS, whatever the epochs."""
    import numpy as np

    from thermogui import plot_export
    from thermogui.core.config import EpochResult, TrainConfig
    from thermogui.core.dataset import Dataset
    from thermogui.core.history import EPOCH
    from thermogui.core.training import train
    from thermogui.ui.export import writing
    from thermogui.ui.export.options import MAX_LOSS_ROWS

    history = plot_export.plot_history(10_000_000)
    for epoch in range(1, 100_001):
        history.append(EpochResult(epoch, 1.0 / epoch, np.nan, 1.0, 0.0, 0.1, 0.0, 0.5, 0.5))
    assert len(history) <= plot_export.PLOT_HISTORY_ROWS
    assert history.nbytes() <= plot_export.PLOT_HISTORY_ROWS * 9 * 8  # 0.6 MB, not 100,000 EpochResults
    rows = plot_export.history_rows(history)
    assert len(rows) <= MAX_LOSS_ROWS and rows[0, EPOCH] <= history.stride and rows[-1, EPOCH] == 100_000
    assert np.all(np.diff(rows[:, EPOCH]) > 0)

    # a real run, drawn as a loss plot: write_figure gets at most MAX_LOSS_ROWS rows, ending at the last epoch
    config, data = TrainConfig(epochs=20_000), Dataset.book()
    history = plot_export.plot_history(config.epochs)
    gen = train(config, data)
    while True:
        try:
            history.append(next(gen))
        except StopIteration as stop:
            outcome = stop.value
            break
    seen = []
    real = writing.write_figure
    monkeypatch.setattr(writing, "write_figure", lambda *a, **k: (seen.append(a[5]), real(*a, **k)))
    plot_export.export_plot_headless(tmp_path / "loss.png", data, config, outcome, history, dpi=72, what="loss")
    assert len(seen[0]) <= MAX_LOSS_ROWS and seen[0][-1, EPOCH] == 20_000
    assert png_info(tmp_path / "loss.png")["width"] == round(6.4 * 72)


def test_picture_of_a_million_readings_draws_at_most_the_windows_sample():
    """Like the window's fit plot (plots.live._sampled): a million readings look the same drawn from 10,000."""
    import numpy as np
    import pyqtgraph as pg

    from thermogui.core.dataset import Dataset
    from thermogui.ui.plots.live import MAX_SCATTER_POINTS

    rng = np.random.default_rng(0)
    t_u = rng.uniform(20, 90, 1_000_000)
    include = np.ones(t_u.size, bool)
    include[::2] = False
    data = Dataset(t_u, (t_u - 32) / 1.8, include)
    fig = Figure(ExportOptions(dpi=72), data, (0.5556, -17.78), None)
    try:
        scatters = [it for it in fig.plots["fit"].items if isinstance(it, pg.ScatterPlotItem)]
        assert len(scatters) == 2  # readings and excluded readings
        assert all(0 < len(s.data) <= MAX_SCATTER_POINTS for s in scatters)
        image = fig.image()
        assert (image.width(), image.height()) == (461, 346)
    finally:
        fig.close()


def test_the_exported_legend_goes_where_no_reading_is():
    from thermogui.core.dataset import Dataset
    from thermogui.ui.export.figure import legend_corner
    from thermogui.ui.plots.live import data_bounds

    book = Dataset.book()
    assert legend_corner(book.t_u, book.t_c, data_bounds(book)) == "left"  # the book's readings leave it free
    with_excluded = book.inserted(len(book), 22.0, 28.0, False)  # an excluded reading up in the top left
    bounds = data_bounds(with_excluded)
    corner = legend_corner(with_excluded.t_u, with_excluded.t_c, bounds)
    assert corner != "left"


# --- (e) any model: the quadratic's curve, validation readings, its equation -----------------------------------------
def quadratic_run(data, epochs=1_000_000):
    """The chapter's exercise on the fast exact path (chunks of epochs), and the least-squares quadratic."""
    from thermogui.core.config import TrainConfig
    from thermogui.core.problem import least_squares_params
    from thermogui.core.training import train

    config = TrainConfig(model="quadratic", arith="fast", normalize="scale", lr=5e-4, epochs=epochs)
    gen = train(config, data, chunk=4096)
    while True:
        try:
            next(gen)
        except StopIteration as done:
            outcome = done.value
            break
    _, raw, loss = least_squares_params(config, data)
    return config, outcome, tuple(raw), loss


def legend_labels(fig, panel="fit") -> list[str]:
    import pyqtgraph as pg

    legends = [it for it in fig.plots[panel].vb.childItems() if isinstance(it, pg.LegendItem)]
    assert len(legends) == 1
    return [label.text for _sample, label in legends[0].items]


def test_the_exported_figure_draws_the_quadratics_curve_and_equation():
    from thermogui.core.dataset import Dataset
    from thermogui.core.models import QUADRATIC
    from thermogui.ui.export.caption import run_metadata

    data = Dataset.book()
    config, outcome, lstsq, lstsq_loss = quadratic_run(data)
    w2, w1, b = outcome.params
    assert w2 > 0.002  # a real bend: t_c = 0.0028 · t_u² + …

    meta = run_metadata(config, outcome.params, lstsq, outcome.epochs_run, outcome.final_loss, "completed", lstsq_loss)
    assert meta["model"] == "quadratic"
    assert [meta[k] for k in ("w2", "w1", "b")] == [repr(v) for v in outcome.params]
    assert "w" not in meta and "lstsq_w2" in meta and meta["init_w2"] == "0.0" and meta["init_w1"] == "1.0"
    assert meta["Description"] == QUADRATIC.equation(outcome.params) + " after 1,000,000 epochs of gradient descent"
    assert meta["Description"].startswith("t_c = 0.0028 · t_u² + 0.")

    fig = Figure(ExportOptions(dpi=150), data, outcome.params, lstsq, None, meta, model="quadratic")
    try:
        image = fig.image()
        assert legend_labels(fig) == ["readings", "gradient descent fit (quadratic)", "least squares quadratic (exact)"]

        def curve(t_u):
            return w2 * t_u**2 + w1 * t_u + b

        for t_u in (25.0, 42.0, 52.0, 64.0, 75.0):  # (between readings: they are drawn on top)
            x, y = fig.data_to_pixel(t_u, curve(t_u))
            assert red_near(image, x, y, reach=4), f"no curve at t_u = {t_u}"
        # a curve, not a line: halfway between 25 and 75 the straight chord is well off the curve, and blank there
        x, y = fig.data_to_pixel(50.0, (curve(25.0) + curve(75.0)) / 2)
        _, y_curve = fig.data_to_pixel(50.0, curve(50.0))
        assert abs(y - y_curve) > 15 and not red_near(image, x, y, reach=4)
    finally:
        fig.close()
    # the caption says the equation with the t_u² term
    from thermogui.ui.export.caption import caption_html

    caption = caption_html(outcome.params, lstsq, meta, "quadratic")
    assert "t<sub>u</sub>²" in caption and "Gradient descent, 1,000,000 epochs" in caption


def test_validation_readings_are_hollow_and_in_the_legend():
    from thermogui.core.config import TrainConfig
    from thermogui.core.dataset import Dataset
    from thermogui.ui.export.figure import validation_mask
    from thermogui.ui.plots.live import DATA_COLOR, VAL_COLOR

    data = Dataset.book().with_val_rows([2, 10])  # the book's split: (58.2, 15.0) and (68.4, 21.0)
    config, outcome, lstsq, _ = quadratic_run(data, epochs=50_000)
    fig = Figure(ExportOptions(dpi=300), data, outcome.params, lstsq, model="quadratic")
    try:
        image = fig.image()
        assert legend_labels(fig)[:2] == ["readings", "validation readings"]
        for t_u, t_c in ((58.2, 15.0), (68.4, 21.0)):  # hollow: white inside an orange ring
            x, y = fig.data_to_pixel(t_u, t_c)
            assert rgb_at(image, round(x), round(y)) == (255, 255, 255)
            ring = [rgb_at(image, round(x) + dx, round(y)) for dx in range(-14, 15)]
            assert any(all(abs(a - b) < 40 for a, b in zip(c, VAL_COLOR)) for c in ring), ring
        x, y = fig.data_to_pixel(81.9, 28.0)  # a training reading: filled blue
        c = rgb_at(image, round(x), round(y))
        assert all(abs(a - b) < 50 for a, b in zip(c, DATA_COLOR)), c
    finally:
        fig.close()
    # the seeded split's readings, when the caller asks for them (validation_mask); the line without any: as before
    seeded = TrainConfig(val_fraction=0.3, seed=5)
    mask = validation_mask(seeded, Dataset.book())
    assert mask.sum() == 3
    assert validation_mask(TrainConfig(), data).tolist() == [i in (2, 10) for i in range(11)]
    fig = Figure(ExportOptions(dpi=72), Dataset.book(), (0.5367, -17.30), None, val=mask)
    try:
        assert legend_labels(fig) == ["readings", "validation readings", "gradient descent fit"]
    finally:
        fig.close()
    fig = Figure(ExportOptions(dpi=72), Dataset.book(), (0.5367, -17.30), None)
    try:
        assert legend_labels(fig) == ["readings", "gradient descent fit"]
    finally:
        fig.close()


def test_a_diverged_quadratic_is_not_drawn_with_huge_coordinates():
    from thermogui.core.models import QUADRATIC
    from thermogui.ui.export.figure import CURVE_REACH, model_curve

    assert model_curve(QUADRATIC, (float("nan"), 0.0, 0.0), 0, 100, -10, 30) is None
    assert model_curve(QUADRATIC, (1e20, -1e25, 3e30), 0, 100, -10, 30) is None  # nowhere in view
    xs, ys = model_curve(QUADRATIC, (1.0, 0.0, 0.0), -10, 10, 0, 50)  # t_c = t_u² leaves the view at |t_u| > 7
    assert xs[0] == -10 and xs[-1] == 10 and len(xs) > 100
    assert ys.max() == 100 and ys.min() >= 0  # 100 is within reach; far values are held at CURVE_REACH heights
    _, ys = model_curve(QUADRATIC, (1e4, 0.0, 0.0), -10, 10, 0, 50)  # 10⁶ at the ends: held
    assert ys.max() == 50 + CURVE_REACH * 50


def test_history_and_script_exports_of_a_quadratic_run_from_the_window(qtbot, window, tmp_path):
    """Pick the quadratic, run it (F5), export its history and the PyTorch script: both are the quadratic's."""
    import contextlib
    import csv
    import io
    import runpy

    from thermogui.ui.export import results as result_exports

    c = window.controls
    choose(qtbot, c.model, "Quadratic")
    type_into(qtbot, c.lr, "5e-4")
    type_into(qtbot, c.epochs, "300")
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key_F5)
    outcome = blocker.args[0]
    assert outcome.model == "quadratic" and outcome.epochs_run == 300

    hist = tmp_path / "h.csv"
    assert result_exports.export_history(window, hist)
    lines = hist.read_text().splitlines()
    assert lines[0].startswith("# normalization scale: the model trains t_c = w2_model * x^2 + w1_model * x + b_model")
    rows = list(csv.DictReader(lines[1:]))
    assert list(rows[0]) == [
        "epoch", "loss", "val_loss", "w2", "w1", "b", "w2_model", "w1_model", "b_model", "grad_w2", "grad_w1", "grad_b",
    ]  # fmt: skip
    assert len(rows) == 300 and rows[0]["loss"].startswith("80.364")  # w2 = 0: the book's start line
    assert [float(rows[-1][k]) for k in ("w2", "w1", "b")] == list(outcome.params)

    script = tmp_path / "fit.py"
    assert result_exports.export_script(window, script)
    text = script.read_text()
    assert "def model(t_u, w2, w1, b):\n    return w2 * t_u ** 2 + w1 * t_u + b\n" in text
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(str(script), run_name="__main__")
    last = buf.getvalue().strip().splitlines()[-1]
    w2, w1, b = outcome.params
    assert last.startswith(f"RESULT w2={w2!r} w1={w1!r} b={b!r} loss={outcome.loss!r} ")


# --- (f) through the dialog: the run's own curve for the quadratic and the network --------------------------------
def export_through_the_dialog(qtbot, window, monkeypatch, path) -> QImage:
    """File ▸ Export ▸ Plot Image…, Browse… (the file dialog answered with `path`), Export: the written picture."""
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def save_dialog(*args, **kwargs):
        asked.append(args)
        return str(path), export.FILE_FILTERS["png"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window.export_plot_action.trigger()
    dlg = window.findChild(export.ExportDialog)
    qtbot.waitExposed(dlg)
    type_into(qtbot, dlg.dpi, "150")
    click(qtbot, dlg, "exportBrowseButton")
    assert len(asked) == 1 and dlg.path_input.text() == str(path)
    with qtbot.waitSignal(dlg.exported, timeout=20000) as blocker:
        click(qtbot, dlg, "exportButton")
    assert blocker.args == [str(path)]
    image = QImage(str(path))
    assert (image.width(), image.height()) == (960, 720)
    return image


def test_the_quadratics_exported_picture_shows_its_curve(qtbot, window, tmp_path, settings, monkeypatch):
    """Pick the quadratic, run it on the fast exact path (F5) until it bends, export the PNG through the dialog: the
    picture draws the run's parabola (not a line through its first two numbers), says the model, and the caption
    gives the t_u² equation."""
    from thermogui.core.models import QUADRATIC

    c = window.controls
    choose(qtbot, c.model, "Quadratic")
    choose(qtbot, c.arith, "Fast")
    type_into(qtbot, c.lr, "5e-4")
    type_into(qtbot, c.epochs, "1000000")
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window.controls.epochs, Qt.Key_F5)
    outcome = blocker.args[0]
    assert outcome.model == "quadratic" and outcome.stop_reason == StopReason.COMPLETED
    w2, w1, b = outcome.params
    assert w2 > 0.002  # a real bend

    path = tmp_path / "quadratic.png"
    image = export_through_the_dialog(qtbot, window, monkeypatch, path)
    text = png_info(path)["text"]
    assert text["model"] == "quadratic" and text["epochs_run"] == "1000000"
    assert [float(text[k]) for k in ("w2", "w1", "b")] == list(outcome.params)
    assert "w" not in text and float(text["lstsq_w2"]) == pytest.approx(0.002830, abs=5e-6)
    assert text["Description"].startswith(QUADRATIC.equation(outcome.params))

    def curve(t_u):
        return w2 * t_u**2 + w1 * t_u + b

    fig = Figure(ExportOptions(dpi=150), **window_inputs(window))  # the same layout, to map data to pixels
    try:
        assert legend_labels(fig) == ["readings", "gradient descent fit (quadratic)", "least squares quadratic (exact)"]
        for t_u in (25.0, 42.0, 52.0, 64.0, 75.0):  # (between readings: they are drawn on top)
            x, y = fig.data_to_pixel(t_u, curve(t_u))
            assert red_near(image, x, y, reach=4), f"no curve at t_u = {t_u}"
        x, y = fig.data_to_pixel(50.0, (curve(25.0) + curve(75.0)) / 2)  # the chord: well off the curve, blank
        _, y_curve = fig.data_to_pixel(50.0, curve(50.0))
        assert abs(y - y_curve) > 8 and not red_near(image, x, y, reach=3)
    finally:
        fig.close()


def test_the_networks_exported_picture_shows_its_curve_and_the_least_squares_line(
    qtbot, window, tmp_path, settings, monkeypatch
):
    """Pick the network (the book's 13 hidden units), a short run (F5), export the PNG through the dialog: the picture
    draws the network's curve (model.predict on raw t_u with the run's raw parameters) and the least-squares line for
    comparison; the text chunks say the network, its size and seed."""
    from thermogui.core.analysis import least_squares
    from thermogui.core.models import model_of

    c = window.controls
    choose(qtbot, c.model, "Network")
    assert c.hidden.value() == 13
    type_into(qtbot, c.epochs, "200")
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window.controls.epochs, Qt.Key_F5)
    outcome = blocker.args[0]
    assert outcome.model == "mlp" and outcome.epochs_run == 200 and len(outcome.params) == 40
    net = model_of(window.run_state.last_run.config)
    assert net.hidden == 13

    def curve(t_u):
        return float(net.predict([t_u], outcome.params)[0])

    ls = least_squares(*window.run_state.dataset.active())
    assert abs(curve(80.0) - (ls.w * 80.0 + ls.b)) > 5  # after 200 epochs the network bends away from the line

    path = tmp_path / "network.png"
    image = export_through_the_dialog(qtbot, window, monkeypatch, path)
    text = png_info(path)["text"]
    assert text["model"] == "mlp" and text["hidden"] == "13" and text["seed"] == "0" and text["epochs_run"] == "200"
    assert text["gradient"] == "autograd" and "init_w" not in text  # (its start is the seed's weights)
    assert [float(text[n]) for n in net.params] == list(outcome.params)
    assert float(text["lstsq_w"]) == pytest.approx(ls.w, rel=1e-9) and float(text["lstsq_b"]) == pytest.approx(ls.b)
    assert text["Description"].startswith("t_c = network(13 hidden units, 40 parameters)")

    fig = Figure(ExportOptions(dpi=150), **window_inputs(window))
    try:
        assert legend_labels(fig) == ["readings", "gradient descent fit (network)", "least-squares line (exact)"]
        for t_u in (25.0, 42.0, 64.0, 75.0, 85.0):
            x, y = fig.data_to_pixel(t_u, curve(t_u))
            assert red_near(image, x, y, reach=4), f"no network curve at t_u = {t_u}"
        # the least-squares line where the network is far from it (t_u 72 to 86): dark dashes, and no red there
        dark = 0
        for t_u in [72.0 + 0.25 * i for i in range(57)]:
            x, y = fig.data_to_pixel(t_u, ls.w * t_u + ls.b)
            assert not red_near(image, x, y, reach=3)
            dark += any(max(rgb_at(image, round(x), round(y) + dy)) < 170 for dy in range(-2, 3))
        assert dark > 15, f"no least-squares line: {dark} of 57 points dark"  # (dashes: about half of them)
    finally:
        fig.close()
    from thermogui.ui.export.caption import caption_html

    caption = caption_html(outcome.params, (ls.w, ls.b), text, net)
    assert "network(13 hidden units, 40 parameters)" in caption and "Least-squares line (exact)" in caption
    assert "Gradient descent, 200 epochs" in caption and "0.5368 · t<sub>u</sub>" in caption


def test_a_caption_wider_than_the_picture_wraps_and_the_plot_stays_inside():
    """A long caption (the quadratic's equation after 1,000,000 epochs) once grew the layout before it wrapped: the
    plot ran past the picture's right edge and cut off the reading at t_u = 81.9."""
    from thermogui.core.dataset import Dataset
    from thermogui.ui.plots.live import DATA_COLOR, data_bounds

    data = Dataset.book()
    params = (0.00283, 0.2476, -10.65)
    meta = {"epochs_run": "1000000", "learning_rate": "0.0005", "loss": "2.09", "lstsq_loss": "2.09"}
    for dpi in (150, 600):
        fig = Figure(ExportOptions(dpi=dpi), data, params, params, None, meta, model="quadratic")
        try:
            image = fig.image()
            W = image.width()
            x0, x1, _, _ = data_bounds(data)
            assert 0 < fig.data_to_pixel(x0, 0.0)[0] < fig.data_to_pixel(x1, 0.0)[0] < W
            x, y = fig.data_to_pixel(81.9, 28.0)  # the rightmost reading is in the picture
            c = rgb_at(image, round(x), round(y))
            assert all(abs(a - b) < 50 for a, b in zip(c, DATA_COLOR)), c
        finally:
            fig.close()


def test_history_and_script_exports_of_a_network_run_from_the_window(qtbot, window, tmp_path):
    """Pick the network, run it (F5), export its history and the PyTorch script: the CSV lists its 40 parameters, and
    the script — the same seeded nn.Sequential — prints the run's final losses to the last digit."""
    import contextlib
    import csv
    import io
    import runpy

    import torch

    from thermogui.ui.export import results as result_exports

    c = window.controls
    choose(qtbot, c.model, "Network")
    type_into(qtbot, c.epochs, "150")
    type_into(qtbot, c.seed, "7")
    with qtbot.waitSignal(window.runFinished, timeout=60000) as blocker:
        qtbot.keyClick(window.controls.epochs, Qt.Key_F5)
    outcome = blocker.args[0]
    assert outcome.model == "mlp" and outcome.epochs_run == 150

    hist = tmp_path / "h.csv"
    assert result_exports.export_history(window, hist)
    lines = hist.read_text().splitlines()
    assert lines[0] == (
        "# normalization scale: the model trains t_c = mlp(x) with x = t_u * 0.1; the columns without _model are the "
        "same model fed raw t_u"
    )
    rows = list(csv.DictReader(lines[1:]))
    assert len(rows) == 150 and len(rows[0]) == 3 + 3 * 40
    names = ("w1", "b1", "w2")
    model_units = [float(rows[-1][f"{n}_{j}_model"]) for n in names for j in range(1, 14)] + [
        float(rows[-1]["b2_model"])
    ]
    assert model_units == list(outcome.params_model)
    raw = [float(rows[-1][f"{n}_{j}"]) for n in names for j in range(1, 14)] + [float(rows[-1]["b2"])]
    assert raw == pytest.approx(outcome.params, rel=1e-6)  # (the loop converts the first layer in float32)

    script = tmp_path / "fit.py"
    assert result_exports.export_script(window, script)
    text = script.read_text()
    assert "hidden = 13  # hidden units\nseed = 7\n" in text
    buf = io.StringIO()
    with torch.random.fork_rng(devices=[]), contextlib.redirect_stdout(buf):
        runpy.run_path(str(script), run_name="__main__")
    out = buf.getvalue().strip().splitlines()
    assert out[-1] == (
        f"RESULT loss={outcome.loss!r} final_loss={outcome.final_loss!r} val_loss=nan epochs=150 stop=completed"
    )
    assert out[-2] == "PARAMS " + repr(list(outcome.params))
