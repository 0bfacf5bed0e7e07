"""File ▸ Export ▸ Jupyter notebook (core.notebook): a valid .ipynb in the chapter's cell order, with the person's
readings and settings and the run's printout as the outputs — and running its code (in a subprocess, without
Jupyter) prints that output again."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types

import numpy as np
import pytest

from thermogui.core.booklog import book_lines
from thermogui.core.dataset import Dataset
from thermogui.core.fields import ConfigError
from thermogui.core.notebook import CELL_ORDER, TEXT, build_notebook, write_notebook
from thermogui.core.training import TrainConfig, run

nbformat = pytest.importorskip("nbformat")

BOOK = Dataset.book()
FIRST_BOOK_LINE = "Epoch : 1  Loss : 1763.88  Grad : tensor([4517.2964,   82.6000])"


def made(cfg: TrainConfig, data: Dataset = BOOK, **kw):
    history, outcome = run(cfg, data)
    rows = np.array([tuple(r) for r in history])
    return build_notebook(cfg, data, rows, outcome=outcome, **kw), rows


def role(cell) -> str:
    return cell.metadata["tags"][0].removeprefix("thermogui-")


def code_cells(nb) -> dict:
    return {role(c): c for c in nb.cells if c.cell_type == "code"}


def recorded(nb) -> str:
    """The run cell's recorded output as one text: what was printed, then the value the cell shows."""
    outs = code_cells(nb)["run"].outputs
    printed = "".join(o.text for o in outs if o.output_type == "stream")
    value = [o.data["text/plain"] for o in outs if o.output_type == "execute_result"]
    return printed + "".join(v + "\n" for v in value)


def test_the_notebook_validates_and_has_the_chapters_cells_in_order():
    nb, _ = made(TrainConfig())
    nbformat.validate(nb)
    nbformat.validate(nbformat.reads(nbformat.writes(nb), as_version=4))
    assert [role(c) for c in nb.cells if c.cell_type == "code"] == list(CELL_ORDER[1:])
    assert [role(c) for c in nb.cells if c.cell_type == "markdown"] == list(CELL_ORDER)
    for i, cell in enumerate(nb.cells):  # each code cell after its markdown cell
        if cell.cell_type == "code":
            assert nb.cells[i - 1].cell_type == "markdown" and role(nb.cells[i - 1]) == role(cell)
    code = code_cells(nb)
    assert "def dmodel_dw(t_u, w, b):" in code["gradient"].source and "def grad_fn(" in code["gradient"].source
    assert "torch.set_printoptions(edgeitems=2, linewidth=75)" in code["setup"].source
    assert 'plt.savefig("temp_unknown_plot.png", format="png", dpi=600)' in code["plot"].source
    assert all(isinstance(v, str) for v in TEXT.values())


def test_the_readings_and_settings_are_the_persons():
    data = BOOK.with_value(0, "t_u", 36.25).with_include(3, False)
    cfg = TrainConfig(lr=0.02, epochs=40, init_w=0.5, init_b=-1.25, normalize="scale", scale=0.05)
    nb, _ = made(cfg, data, dpi=300)
    code = code_cells(nb)
    src = code["data"].source
    assert "t_u = [36.25, 55.9, 58.2, 56.3," in src and "t_c = [0.5, 14.0, 15.0, 11.0," in src  # reading 4 is out
    assert "# left out in ThermoGUI (t_u, t_c):\n#   (81.9, 28.0)" in src
    run_src = code["run"].source
    assert "t_un = 0.05 * t_u" in run_src
    assert "n_epochs = 40," in run_src and "learning_rate = 0.02," in run_src
    assert "params = torch.tensor([0.5, -1.25])," in run_src
    assert "dpi=300" in code["plot"].source and "300 dpi" in nb.cells[-2].source
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "Learning rate 0.02, 40 epochs" in md and "`t_un = 0.05 * t_u`" in md


def test_a_validation_split_and_z_scores():
    cfg = TrainConfig(normalize="zscore", epochs=30, val_fraction=0.2, seed=3)
    nb, _ = made(cfg)
    code = code_cells(nb)
    assert "train_indices = [" in code["data"].source and "val_indices = [" in code["data"].source
    assert "t_un = (t_u - t_u_mean) / t_u_std" in code["run"].source
    assert "t_u = t_un[train_indices]," in code["run"].source


def test_the_recorded_output_is_the_books_printout():
    cfg = TrainConfig(normalize="none", lr=1e-2, epochs=100)
    nb, rows = made(cfg)
    text = recorded(nb)
    assert text.splitlines()[0] == FIRST_BOOK_LINE
    assert text.splitlines() == book_lines(cfg, rows)
    value = [o for o in code_cells(nb)["run"].outputs if o.output_type == "execute_result"][0]
    assert value.execution_count == code_cells(nb)["run"].execution_count


def test_other_models_are_refused():
    quadratic = types.SimpleNamespace(**{**TrainConfig().to_dict(), "model": "quadratic"})
    with pytest.raises(ConfigError, match="straight line"):
        build_notebook(quadratic, BOOK)


def test_written_atomically_and_reads_back(tmp_path):
    path = tmp_path / "fit.ipynb"
    path.write_text("old")
    cfg = TrainConfig(epochs=20)
    history, outcome = run(cfg, BOOK)
    write_notebook(path, cfg, BOOK, np.array([tuple(r) for r in history]), outcome=outcome)
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert recorded(nb).startswith("Epoch : 1  Loss : 80.36")
    assert [p.name for p in tmp_path.iterdir()] == ["fit.ipynb"]  # no temporary file left


# --- running it ------------------------------------------------------------------------------------------------------
HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


def execute_code_cells(nb, tmp_path) -> str:
    """Run the notebook's code cells in order in a fresh Python (as a script: no Jupyter), the run cell's last
    expression shown as Jupyter shows it; the plot cell only where matplotlib is installed.  Returns the run cell's
    output."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "code" or (role(cell) == "plot" and not HAS_MATPLOTLIB):
            continue
        src = cell.source
        if role(cell) == "run":
            head, last = src.rsplit("\n", 1)
            src = f"{head}\nprint('<<run>>')\nprint(repr({last}))\nprint('<<end>>')"
        parts.append(src)
    if HAS_MATPLOTLIB:
        parts.insert(0, "import matplotlib\nmatplotlib.use('Agg')")
    script = tmp_path / "notebook_as_script.py"
    script.write_text("\n\n".join(parts) + "\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    if HAS_MATPLOTLIB:
        assert (tmp_path / "temp_unknown_plot.png").is_file()
    printed, shown = done.stdout.split("<<run>>\n")
    return printed + shown.split("<<end>>")[0]


@pytest.mark.parametrize(
    "settings",
    [
        {},  # the book's final run: its second loop
        {"normalize": "none", "lr": 1e-2, "epochs": 100},  # the divergence, every epoch, stopped at epoch 11
        pytest.param({"normalize": "none", "lr": 1e-4, "epochs": 100}, marks=pytest.mark.slow),
        pytest.param(
            {"gradient": "autograd", "optimizer": "adam", "lr": 0.1, "normalize": "none", "epochs": 2000},
            marks=pytest.mark.slow,
        ),
        {"normalize": "zscore", "epochs": 300, "val_fraction": 0.2, "momentum": 0.5},
        pytest.param({"gradient": "autograd", "epochs": 50, "tol": 0.5}, marks=pytest.mark.slow),
    ],
    ids=["book", "diverging", "lr1e-4", "adam-autograd", "zscore-val-momentum", "autograd-tol"],
)
def test_running_the_code_cells_prints_the_recorded_output(settings, tmp_path):
    cfg = TrainConfig(**settings)
    nb, rows = made(cfg, BOOK.with_include(5, False))
    assert recorded(nb) == "".join(ln + "\n" for ln in book_lines(cfg, rows))
    assert execute_code_cells(nb, tmp_path) == recorded(nb)


def test_jupyter_runs_it_to_the_same_output(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    if not HAS_MATPLOTLIB:
        pytest.skip("the plot cell needs matplotlib")
    nb, _ = made(TrainConfig())
    want = recorded(nb)
    copy = nbformat.reads(nbformat.writes(nb), as_version=4)
    ran = nbclient.NotebookClient(copy, timeout=300, resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert recorded(ran) == want
