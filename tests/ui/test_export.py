"""Plot image export: PNG at 600 DPI (size, pHYs, the run as text chunks, the fitted line in the picture), SVG,
headless `thermogui fit --plot`, and the Export dialog (remembered folder, overwrite prompt, failed writes)."""

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
from PySide6.QtWidgets import QMessageBox

import thermogui
from thermogui.core.config import StopReason
from thermogui.ui.export import dialog as export
from thermogui.ui.export.dialog import ExportOptions, Figure, export_from_window, open_export_dialog, window_inputs
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
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.No))
    click(qtbot, dlg, "exportButton")
    assert len(asked) == 1 and "fit.png" in asked[0] and "replace" in asked[0]
    assert target.read_bytes() == b"old picture"
    assert dlg.isVisible() and "kept" in dlg.status.text()

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Yes))
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
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)

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
    from thermogui.ui.export.figure import MAX_DPI, MIN_DPI, dpi_range

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
    type_into(qtbot, dlg.dpi, "2400")  # the box does not take it
    assert dlg.dpi.value() <= 1976 and usable(dlg)
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


def test_headless_history_is_bounded_and_the_picture_gets_at_most_max_loss_rows(tmp_path, monkeypatch):
    """The CLI records a run for its picture in a History capped at PLOT_HISTORY_ROWS, whatever the epochs."""
    import numpy as np

    from thermogui import plot_export
    from thermogui.core.config import EpochResult, TrainConfig
    from thermogui.core.dataset import Dataset
    from thermogui.core.history import EPOCH
    from thermogui.core.training import train
    from thermogui.ui.export import figure

    history = plot_export.plot_history(10_000_000)
    for epoch in range(1, 100_001):
        history.append(EpochResult(epoch, 1.0 / epoch, np.nan, 1.0, 0.0, 0.1, 0.0, 0.5, 0.5))
    assert len(history) <= plot_export.PLOT_HISTORY_ROWS
    assert history.nbytes() <= plot_export.PLOT_HISTORY_ROWS * 9 * 8  # 0.6 MB, not 100,000 EpochResults
    rows = plot_export.history_rows(history)
    assert len(rows) <= figure.MAX_LOSS_ROWS and rows[0, EPOCH] <= history.stride and rows[-1, EPOCH] == 100_000
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
    real = figure.write_figure
    monkeypatch.setattr(figure, "write_figure", lambda *a, **k: (seen.append(a[5]), real(*a, **k)))
    plot_export.export_plot_headless(tmp_path / "loss.png", data, config, outcome, history, dpi=72, what="loss")
    assert len(seen[0]) <= figure.MAX_LOSS_ROWS and seen[0][-1, EPOCH] == 20_000
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
