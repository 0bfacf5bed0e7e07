"""File ▸ Export ▸ Jupyter notebook: a run as chapter 5's notebook, to take home.

The cells follow the chapter: the readings, the model, the loss, the gradient by hand (dmodel_dw …), the training
loop, the run with the person's settings (learning rate, epochs, normalization, start values) and the plot saved at
the chosen resolution — each after a short markdown cell.  The run's cell carries the run's printout as its output
(core.booklog: what the notebook's training_loop prints, then the parameters it returns), so the notebook reads like
the book without running it; running it computes the same lines again.

The loop is the book's: its first version (every epoch) for runs of up to 100 epochs, its second (the book's chosen
epochs, `...` between) for longer ones; autograd and the optimizers as in the book's section 5.5.  For the straight
line only.  Built with nbformat (imported when called) and written atomically.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from thermogui.core.atomic import atomic_write_text
from thermogui.core.booklog import BOOK_DOTS, BOOK_EPOCHS, PRINT_OPTIONS, BookLog, refuse_other_models
from thermogui.core.numbers import fmt_exact
from thermogui.core.tr import QT_TRANSLATE_NOOP

PLOT_FILE = "temp_unknown_plot.png"  # the book's name for the picture
DEFAULT_DPI = 600  # as the book saves it

# Every sentence of the markdown cells, in one place: marked for translation ("notebook"), English here (the CLI);
# the window passes build_notebook a `tr` that gives them in the UI language.
TEXT = {
    "title": QT_TRANSLATE_NOOP(
        "notebook",
        "# Calibrating a thermometer by gradient descent\n\n"
        "Chapter 5 of *Deep Learning with PyTorch*, with the readings and settings of a ThermoGUI {version} run "
        "({when}).  The output under each cell is what the run printed, so the notebook reads as it is; "
        "run it (*Run All*) to compute everything again.",
    ),
    "stale": QT_TRANSLATE_NOOP(
        "notebook",
        "\n\n*ThermoGUI marked this result as out of date: the window's readings or settings had changed since the "
        "run.  This notebook holds the run's own readings and settings.*",
    ),
    "stopped": QT_TRANSLATE_NOOP(
        "notebook", "\n\n*The run was stopped after {done:,} of its {epochs:,} epochs: the printed output ends there.*"
    ),
    "fast": QT_TRANSLATE_NOOP(
        "notebook",
        "\n\n*ThermoGUI ran this with its fast float64 arithmetic; the code below computes in float32 as the book "
        "does, so the last digits may differ.*",
    ),
    "setup": QT_TRANSLATE_NOOP(
        "notebook", "PyTorch, and the print options the chapter's notebook sets (they shape the printed tensors)."
    ),
    "data": QT_TRANSLATE_NOOP(
        "notebook",
        "## The readings\n\n"
        "`t_c`: temperatures in degrees Celsius; `t_u`: the same moments read on the thermometer with unknown units.",
    ),
    "excluded": QT_TRANSLATE_NOOP("notebook", "  The readings left out in ThermoGUI are kept as a comment."),
    "validation": QT_TRANSLATE_NOOP(
        "notebook",
        "  ThermoGUI held readings {rows} out for validation: the run trains on the other {n_train} (`train_indices`).",
    ),
    "model": QT_TRANSLATE_NOOP("notebook", "## The model\n\nA straight line: the prediction `t_p` is `w * t_u + b`."),
    "loss": QT_TRANSLATE_NOOP(
        "notebook", "## The loss\n\nThe mean of the squared differences between predicted and measured temperatures."
    ),
    "gradient": QT_TRANSLATE_NOOP(
        "notebook",
        "## The gradient, by hand\n\n"
        "The chain rule: the derivative of the loss with respect to the prediction, times the derivative of the "
        "model with respect to each parameter (`dmodel_dw`, `dmodel_db`), summed over the readings.",
    ),
    "gradient_autograd": QT_TRANSLATE_NOOP(
        "notebook",
        "  (This run let autograd compute the same gradient, `loss.backward()`; the functions stay here as the book "
        "derives them.)",
    ),
    "loop_every": QT_TRANSLATE_NOOP(
        "notebook",
        "## The training loop\n\n"
        "Each epoch: the loss and gradient at the current parameters, then the step against the gradient.  This "
        "loop prints every epoch.",
    ),
    "loop_chosen": QT_TRANSLATE_NOOP(
        "notebook",
        "## The training loop\n\n"
        "Each epoch: the loss and gradient at the current parameters, then the step against the gradient.  This is "
        "the book's second loop: it prints only its chosen epochs, with `...` between, and stops at the first loss "
        "that is not finite.",
    ),
    "loop_stop": QT_TRANSLATE_NOOP("notebook", "  It stops at the first loss that is not finite, as ThermoGUI does."),
    "loop_adam": QT_TRANSLATE_NOOP("notebook", "  The step is taken by `optim.Adam` (the book's section 5.5.2)."),
    "loop_momentum": QT_TRANSLATE_NOOP("notebook", "  The step is taken by `optim.SGD` with momentum {momentum}."),
    "loop_autograd": QT_TRANSLATE_NOOP(
        "notebook", "  Autograd computes the gradient (`loss.backward()`, the book's section 5.5.1)."
    ),
    "loop_tol": QT_TRANSLATE_NOOP(
        "notebook", "  It also stops once every gradient component is at most {tol} in size (converged)."
    ),
    "run": QT_TRANSLATE_NOOP(
        "notebook",
        "## Training\n\n{normalization}  Learning rate {lr}, {epochs:,} epochs, starting from w = {w}, b = {b}.",
    ),
    "norm_none": QT_TRANSLATE_NOOP("notebook", "The readings go in as they are."),
    "norm_scale": QT_TRANSLATE_NOOP("notebook", "The input is scaled as in the book: `t_un = {scale} * t_u`."),
    "norm_zscore": QT_TRANSLATE_NOOP(
        "notebook",
        "The input is standardized with the mean and (population) standard deviation of the training readings.",
    ),
    "plot": QT_TRANSLATE_NOOP(
        "notebook", "## The plot\n\nThe fitted line over the readings, saved as `{file}` at {dpi} dpi."
    ),
}

CELL_ORDER = ("title", "setup", "data", "model", "loss", "gradient", "training-loop", "run", "plot")


# --- code ----------------------------------------------------------------------------------------------------------
_MODEL = "def model(t_u, w, b):\n    return w * t_u + b"
_LOSS = "def loss_fn(t_p, t_c):\n    squared_diffs = (t_p - t_c)**2\n    return squared_diffs.mean()"
_GRADIENT = """\
def dloss_fn(t_p, t_c):
    dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)
    return dsq_diffs


def dmodel_dw(t_u, w, b):
    return t_u


def dmodel_db(t_u, w, b):
    return 1.0


def grad_fn(t_u, t_c, t_p, w, b):
    dloss_dtp = dloss_fn(t_p, t_c)
    dloss_dw = dloss_dtp * dmodel_dw(t_u, w, b)
    dloss_db = dloss_dtp * dmodel_db(t_u, w, b)
    return torch.stack([dloss_dw.sum(), dloss_db.sum()])"""


def _list(values, indent: str = "     ", width: int = 100) -> str:
    """A Python list literal of the floats (repr: reads back exactly), wrapped at about `width` characters."""
    items = [fmt_exact(v) for v in values]
    lines, line = [], "["
    for i, item in enumerate(items):
        piece = item + (", " if i < len(items) - 1 else "")
        if len(line) + len(piece) > width - len(indent) and line != "[":
            lines.append(line.rstrip())
            line = ""
        line += piece
    lines.append(line + "]")
    return ("\n" + indent).join(lines)


def _data_code(t_u, t_c, excluded, train_index, val_index) -> str:
    out = [f"t_c = {_list(t_c, ' ' * 7)}", f"t_u = {_list(t_u, ' ' * 7)}"]
    if excluded:
        out.append("# left out in ThermoGUI (t_u, t_c):")
        out += [f"#   ({fmt_exact(u)}, {fmt_exact(c)})" for u, c in excluded]
    out += ["t_c = torch.tensor(t_c)", "t_u = torch.tensor(t_u)"]
    if len(val_index):
        out.append("")
        out.append(f"train_indices = {[int(i) for i in train_index]}")
        out.append(f"val_indices = {[int(i) for i in val_index]}")
    return "\n".join(out)


def _print_block(every: bool, autograd: bool) -> list[str]:
    """The book's print statements (8 spaces in), for the loop's version."""
    if every:
        return ["        print(f'Epoch : {epoch}  Loss : {loss:.2f}  Grad : {grad}')"]
    p, loss = ("params.detach()", "loss.item()") if autograd else ("params", "float(loss)")
    return [
        f"        if epoch in {{{', '.join(str(e) for e in BOOK_EPOCHS)}}}:",
        f"            print('Epoch %d, Loss %f' % (epoch, {loss}))",
        "            if print_params:",
        f"                print('    Params:', {p})",
        "                print('    Grad:  ', grad)",
        f"        if epoch in {{{', '.join(str(e) for e in BOOK_DOTS)}}}:",
        "            print('...')",
    ]


def _loop_code(config, every: bool) -> str:
    """The training loop: the book's (first or second version), with autograd or an optimizer as section 5.5 has
    them, stopping where ThermoGUI stops."""
    autograd = config.gradient == "autograd"
    use_opt = config.optimizer == "adam" or config.momentum > 0
    stop = config.stop_on_non_finite or not every  # (the book's second loop always stops)
    args = "n_epochs, optimizer, params, t_u, t_c" if use_opt else "n_epochs, learning_rate, params, t_u, t_c"
    if not every:
        args += ",\n                  print_params=True"
    out = [f"def training_loop({args}):", "    for epoch in range(1, n_epochs + 1):"]
    if autograd:
        out += [
            "        if params.grad is not None:",
            "            params.grad.zero_()",
            "",
            "        t_p = model(t_u, *params)",
            "        loss = loss_fn(t_p, t_c)",
            "        loss.backward()",
            "        grad = params.grad",
        ]
    else:
        out += [
            "        w, b = params",
            "",
            "        t_p = model(t_u, w, b)",
            "        loss = loss_fn(t_p, t_c)",
            "        grad = grad_fn(t_u, t_c, t_p, w, b)",
        ]
    out.append("")
    if use_opt:  # ThermoGUI takes no optimizer step at a loss that is not finite
        guard = "        if torch.isfinite(loss).all():" if config.stop_on_non_finite else None
        ind = "    " if guard else ""
        if guard:
            out.append(guard)
        if not autograd:
            out.append(f"{ind}        params.grad = grad")
        out.append(f"{ind}        optimizer.step()")
    elif autograd:
        out += ["        with torch.no_grad():", "            params -= learning_rate * grad"]
    else:
        out.append("        params = params - learning_rate * grad")
    out.append("")
    out += _print_block(every, autograd)
    if stop:
        out += ["", "        if not torch.isfinite(loss).all():", "            break"]
    if config.tol is not None:
        out += [f"        if abs(float(grad[0])) <= {config.tol!r} and abs(float(grad[1])) <= {config.tol!r}:"]
        out += ["            break"]
    out += ["", "    return params.detach()" if autograd else "    return params"]
    return "\n".join(out)


def _run_code(config, norm, has_val: bool) -> str:
    out = []
    if norm.kind == "scale":
        out.append(f"t_un = {fmt_exact(norm.factor)} * t_u")
    elif norm.kind == "zscore":
        out += [
            f"t_u_mean = {fmt_exact(norm.offset)}  # of the training readings",
            f"t_u_std = {fmt_exact(norm.std)}",
            "t_un = (t_u - t_u_mean) / t_u_std",
        ]
    else:
        out.append("t_un = t_u  # no normalization")
    start = f"torch.tensor([{fmt_exact(config.init_w)}, {fmt_exact(config.init_b)}]"
    start += ", requires_grad=True)" if config.gradient == "autograd" else ")"
    use_opt = config.optimizer == "adam" or config.momentum > 0
    if use_opt:
        out.append(f"params = {start}")
        if config.optimizer == "adam":
            out.append(f"optimizer = optim.Adam([params], lr={fmt_exact(config.lr)})")
        else:
            out.append(f"optimizer = optim.SGD([params], lr={fmt_exact(config.lr)}, momentum={config.momentum!r})")
    out.append("")
    t_u, t_c = ("t_un[train_indices]", "t_c[train_indices]") if has_val else ("t_un", "t_c")
    out += [
        "params = training_loop(",
        f"    n_epochs = {int(config.epochs)},",
        "    optimizer = optimizer," if use_opt else f"    learning_rate = {fmt_exact(config.lr)},",
        "    params = params," if use_opt else f"    params = {start},",
        f"    t_u = {t_u},",
        f"    t_c = {t_c})",
        "params",
    ]
    return "\n".join(out)


def _plot_code(dpi: int) -> str:
    return "\n".join(
        [
            "from matplotlib import pyplot as plt",
            "",
            "t_p = model(t_un, *params)",
            "",
            f"fig = plt.figure(dpi={int(dpi)})",
            'plt.xlabel("Temperature (°Fahrenheit)")',
            'plt.ylabel("Temperature (°Celsius)")',
            "plt.plot(t_u.numpy(), t_p.detach().numpy())",
            "plt.plot(t_u.numpy(), t_c.numpy(), 'o')",
            f'plt.savefig("{PLOT_FILE}", format="png", dpi={int(dpi)})',
        ]
    )


# --- the notebook --------------------------------------------------------------------------------------------------
def build_notebook(
    config,
    data,
    rows=None,
    *,
    log: BookLog | None = None,
    outcome=None,
    dpi: int = DEFAULT_DPI,
    stale: bool = False,
    tr=None,
):
    """The notebook (an nbformat NotebookNode, validated) of a run of `config` on `data`.

    Its markdown cells are TEXT's sentences, in English or as `tr(sentence)` gives them (the window passes one that
    translates them into the UI language); the code, its comments and the printout stay as the book has them.

    Its printout comes from `log` (a finished BookLog of the run), else from the run's History `rows`; without
    either the run's cell has no output.  `outcome` (a TrainOutcome) only notes a run stopped early.  Raises
    ConfigError for a model other than the line, ConfigError / DataError for a run that could not start.
    """
    import nbformat
    from nbformat import v4

    from thermogui import __version__
    from thermogui.core.training import prepare

    refuse_other_models(config)
    words = TEXT if tr is None else {key: tr(sentence) for key, sentence in TEXT.items()}
    prep = prepare(config, data)  # the split and normalization exactly as the app used them
    norm = prep.norm
    if log is None and rows is not None:
        log = BookLog.for_config(config)
        log.feed(rows)
    every = log.every_epoch if log is not None else BookLog.for_config(config).every_epoch
    t_u, t_c = data.active()
    excluded = [(float(u), float(c)) for u, c, inc in zip(data.t_u, data.t_c, data.include) if not inc]
    has_val = len(prep.val_index) > 0
    autograd = config.gradient == "autograd"
    use_opt = config.optimizer == "adam" or config.momentum > 0

    title = words["title"].format(version=__version__, when=datetime.now(timezone.utc).strftime("%Y-%m-%d"))
    if stale:
        title += words["stale"]
    done = getattr(outcome, "epochs_run", config.epochs)
    if getattr(outcome, "stop_reason", None) == "cancelled" and done < config.epochs:
        title += words["stopped"].format(done=done, epochs=config.epochs)
    if getattr(config, "arith", "book") == "fast":
        title += words["fast"]
    data_md = words["data"] + (words["excluded"] if excluded else "")
    if has_val:
        rows_text = ", ".join(str(int(i) + 1) for i in prep.val_index)
        data_md += words["validation"].format(rows=rows_text, n_train=len(prep.train_index))
    loop_md = words["loop_every" if every else "loop_chosen"]
    if every and config.stop_on_non_finite:
        loop_md += words["loop_stop"]
    if autograd:
        loop_md += words["loop_autograd"]
    if config.optimizer == "adam":
        loop_md += words["loop_adam"]
    elif config.momentum > 0:
        loop_md += words["loop_momentum"].format(momentum=config.momentum)
    if config.tol is not None:
        loop_md += words["loop_tol"].format(tol=config.tol)
    norm_md = words["norm_" + norm.kind].format(scale=fmt_exact(norm.factor))
    run_md = words["run"].format(
        normalization=norm_md,
        lr=fmt_exact(config.lr),
        epochs=int(config.epochs),
        w=fmt_exact(config.init_w),
        b=fmt_exact(config.init_b),
    )
    setup = "import torch\n" + ("import torch.optim as optim\n" if use_opt else "")
    setup += "torch.set_printoptions(" + ", ".join(f"{k}={v}" for k, v in PRINT_OPTIONS.items()) + ")"

    cells = []
    count = 0

    def md(role: str, text: str) -> None:
        cells.append(v4.new_markdown_cell(text, id=f"{role}-text", metadata={"tags": [f"thermogui-{role}"]}))

    def code(role: str, source: str, outputs=()) -> None:
        nonlocal count
        count += 1
        outs = [dict(o, execution_count=count) if o.get("output_type") == "execute_result" else o for o in outputs]
        cells.append(
            v4.new_code_cell(
                source,
                id=role,
                execution_count=count,
                outputs=[nbformat.from_dict(o) for o in outs],
                metadata={"tags": [f"thermogui-{role}"]},
            )
        )

    md("title", title)
    md("setup", words["setup"])
    code("setup", setup)
    md("data", data_md)
    code("data", _data_code(t_u, t_c, excluded, prep.train_index, prep.val_index))
    md("model", words["model"])
    code("model", _MODEL)
    md("loss", words["loss"])
    code("loss", _LOSS)
    md("gradient", words["gradient"] + (words["gradient_autograd"] if autograd else ""))
    code("gradient", _GRADIENT)
    md("training-loop", loop_md)
    code("training-loop", _loop_code(config, every))
    md("run", run_md)
    outputs = []
    if log is not None and log.last_epoch:
        if log.lines:
            outputs.append({"output_type": "stream", "name": "stdout", "text": "".join(ln + "\n" for ln in log.lines)})
        outputs.append({"output_type": "execute_result", "data": {"text/plain": log.result()}, "metadata": {}})
    code("run", _run_code(config, norm, has_val), outputs)
    md("plot", words["plot"].format(file=PLOT_FILE, dpi=int(dpi)))
    code("plot", _plot_code(dpi))

    nb = v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(nb)
    return nb


def notebook_text(config, data, rows=None, **kwargs) -> str:
    """The .ipynb file's text (see build_notebook)."""
    import nbformat

    return nbformat.writes(build_notebook(config, data, rows, **kwargs))


def write_notebook(path: str | os.PathLike, config, data, rows=None, **kwargs) -> None:
    """Write the run's notebook atomically (a failed write leaves any previous file as it was)."""
    atomic_write_text(path, notebook_text(config, data, rows, **kwargs))
