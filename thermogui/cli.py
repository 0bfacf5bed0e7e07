"""Command line: no sub-command starts the GUI; `fit` trains headless; `install-desktop` adds a launcher."""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys

from thermogui import __version__
from thermogui.core.errors import UserError, quote
from thermogui.core.fields import FIELDS
from thermogui.core.numbers import fmt_spec
from thermogui.core.numbers import fmt_tensor as format_pair  # the old name, imported from here by the tests


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "-1e30" and "-.5e-3" are numbers, not options (argparse before 3.13 only knows "-1" and "-1.5")
        self._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")

    def error(self, message):  # one line, exit code 2
        # argparse quotes a user's value whole ("invalid choice: '…'"): a 10 MB --normalize value would be a 10 MB line
        message = _QUOTED.sub(lambda m: quote(m.group(1)), str(message))
        self.exit(2, f"thermogui: error: {one_line(message, MAX_USAGE_MESSAGE)}\n")


MAX_USAGE_MESSAGE = 400  # characters of an argparse error
MAX_MESSAGE = 1000  # characters of any other error (a data error names up to 10 bad lines)
MAX_PATH_SHOWN = 200  # a file name is shown whole up to this length
_QUOTED = re.compile(r"'([^'\n]*)'")


def one_line(message: str, limit: int = MAX_MESSAGE) -> str:
    """A message for one line of stderr: line breaks and control characters escaped, at most `limit` characters."""
    import unicodedata

    message = "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in str(message))
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _shown(path: str) -> str:
    """A file name for a message: whole, unless it is absurdly long."""
    return path if len(path) <= MAX_PATH_SHOWN else quote(path, MAX_PATH_SHOWN)


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{quote(text)} is not a whole number") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"{quote(text)} must not be negative")
    return v


def _field_type(fld):
    def convert(text: str):
        from thermogui.core.fields import ConfigError

        try:
            return fld.parse(text)
        except ConfigError as e:
            raise argparse.ArgumentTypeError(str(e)) from None

    convert.__name__ = fld.name  # argparse names the type in some messages
    return convert


def _add_field_option(parser, fld) -> None:
    if fld.kind == "bool":  # a switch that turns the default off
        parser.add_argument(fld.cli, dest=fld.name, action="store_false", help=fld.cli_help or fld.help)
    elif fld.kind == "choice":
        parser.add_argument(
            fld.cli,
            dest=fld.name,
            choices=[v for v, _ in fld.choices],
            default=fld.default,
            help=f"{fld.help} (default {fld.default})",
        )
    else:
        default = "none" if fld.default is None else fld.format(fld.default)
        parser.add_argument(
            fld.cli,
            dest=fld.name,
            type=_field_type(fld),
            default=fld.default,
            metavar=fld.name.upper().replace("_", "-"),
            help=f"{fld.help} ({fld.range_text()}; default {default})".replace("%", "%%"),
        )


# the resolutions `fit --dpi` accepts: export.options' limits, for the 6.4 × 4.8 in picture `fit --plot` draws
# (written out here so that `thermogui --help` does not import Qt; tests/ui/test_export.py checks them against
# options.py)
MIN_DPI, MAX_DPI = 36, 2400
MAX_PNG_DPI = 1976


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="thermogui", description="Watch gradient descent calibrate a thermometer.")
    p.add_argument("--version", action="version", version=f"thermogui {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    f = sub.add_parser("fit", help="train without a window and print the result")
    f.add_argument("--data", metavar="FILE.csv", help="readings t_u,t_c (default: the book's 11 points)")
    f.add_argument(
        "--val-rows",
        metavar="ROWS",
        help="the readings to hold out for validation, by 1-based row number (3,11); they replace the val column of "
        "the CSV and the seeded --val-fraction",
    )
    for fld in FIELDS:  # every training setting, from the one field spec
        _add_field_option(f, fld)
    f.add_argument("--log-every", type=_positive_int, default=0, metavar="N", help="print every N-th epoch")
    f.add_argument(
        "--log",
        choices=["book"],
        help="book: print what the notebook's training_loop prints (every epoch up to 100 epochs, else the book's "
        "chosen epochs), then the parameters it returns",
    )
    f.add_argument("--json", action="store_true", help="print the result as one JSON object")
    f.add_argument("--plot", metavar="OUT.png|OUT.svg", help="also save the fitted plot image")
    f.add_argument(
        "--dpi",
        type=_positive_int,
        default=600,
        help=f"resolution for --plot, {MIN_DPI} to {MAX_DPI} dpi; a PNG of the 6.4 × 4.8 in picture at "
        f"most {MAX_PNG_DPI} (its pixel limit; an SVG has none) (default 600)",
    )
    sub.add_parser("install-desktop", help="add a menu launcher and icon for this installation (Linux)")
    sub.add_parser("uninstall-desktop", help="remove the launcher added by install-desktop")
    return p


class _UsageError(Exception):
    """A refusal of the command line's input: one line on stderr, exit code 2."""


class _OutputFailed(Exception):
    """Standard output could not be written (a closed pipe, a full disk)."""

    def __init__(self, error: OSError):
        super().__init__(error)
        self.error = error


def _out(text: str) -> None:
    """print() to stdout, telling a failed write apart from every other error."""
    if sys.stdout is None:  # started with stdout closed
        return
    try:
        sys.stdout.write(text + "\n")
    except OSError as e:
        raise _OutputFailed(e) from e


def _flush() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as e:
        raise _OutputFailed(e) from e


def _silence_stdout() -> None:
    """Point the process's stdout at /dev/null, so that flushing what is still buffered at exit cannot fail again
    ("Exception ignored ... BrokenPipeError"): the way the Python documentation handles SIGPIPE."""
    stream = sys.stdout
    if stream is None or stream is not sys.__stdout__:  # called in-process (tests): nothing to protect
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def run_fit(args) -> int:
    """`thermogui fit`, ending quietly whatever happens to its output or its user: a closed pipe (`| head -1`)
    exits 141 without a word, a failed write (`> /dev/full`) says so in one line (exit 1), Ctrl+C exits 130 with
    "thermogui: interrupted"; bad input is one line and exit code 2."""
    try:
        try:
            code = _fit(args)
        finally:
            _flush()  # what was printed so far, also when interrupted
        return code
    except _UsageError as e:
        print(f"thermogui: error: {one_line(str(e))}", file=sys.stderr)
        return 2
    except _OutputFailed as e:
        _silence_stdout()
        if isinstance(e.error, BrokenPipeError) or e.error.errno == errno.EPIPE:
            return 141  # 128 + SIGPIPE, as a shell reports a reader that went away (`yes | head -1`)
        print(f"thermogui: error: cannot write the output: {e.error.strerror or e.error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _silence_stdout()
        print("thermogui: interrupted", file=sys.stderr)
        return 130


def _fit(args) -> int:
    if args.plot is not None:
        if not args.plot:
            raise _UsageError("--plot: no file name given")
        if not args.plot.lower().endswith((".png", ".svg")):
            raise _UsageError(f"--plot {_shown(args.plot)}: use .png or .svg")
    if not MIN_DPI <= args.dpi <= MAX_DPI:
        raise _UsageError(f"--dpi {args.dpi}: choose a resolution from {MIN_DPI} to {MAX_DPI}")
    if args.data == "":
        raise _UsageError("--data: no file name given")
    options = None
    if args.plot:  # before training: a refused picture must not cost the run first
        from thermogui.plot_export import plot_options

        try:
            options = plot_options(args.plot, args.dpi)
        except ValueError as e:  # (the extension and the dpi range are checked above: a PNG's pixel limits)
            raise _UsageError(f"--dpi {args.dpi}: {e}") from None
        except OSError as e:  # its folder is missing or is a file
            raise _UsageError(f"cannot write {_shown(args.plot)}: {e.strerror or e}") from None

    from thermogui.core.csvio import read_csv
    from thermogui.core.dataset import DataError, Dataset

    try:
        data = read_csv(args.data) if args.data is not None else Dataset.book()
    except UserError as e:  # bad content, a special file (FIFO, device), too large, not text
        raise _UsageError(f"{_shown(args.data)}: {e}") from None
    except OSError as e:
        raise _UsageError(f"cannot read {_shown(args.data)}: {e.strerror or e}") from None
    if getattr(args, "val_rows", None) is not None:
        data = _mark_val_rows(data, args.val_rows)
    from thermogui.core.report import summarize  # (torch: 1-2 s, not spent on a file that cannot be read)
    from thermogui.core.training import TrainConfig, prepare, train

    try:
        config = TrainConfig(**{fld.name: getattr(args, fld.name) for fld in FIELDS}).validated()
        prep = prepare(config, data)
        # the fast exact path yields plain gradient descent in chunks of epochs (numpy rows): 10^6 epochs in a blink
        gen = train(config, data, chunk=FAST_CHUNK)
    except UserError as e:  # a setting, or readings that cannot be fitted (too few, all alike)
        where = f"{_shown(args.data)}: " if args.data is not None and isinstance(e, DataError) else ""
        raise _UsageError(f"{where}{e}") from None
    every = args.log_every
    book = None  # --log book: the notebook's printout (core.booklog)
    if getattr(args, "log", None) == "book":
        from thermogui.core.booklog import BookLog

        try:
            book = BookLog.for_config(config)
        except UserError as e:
            raise _UsageError(f"--log book: {e}") from None
    history = None
    if options is not None:
        from thermogui.core.models import model_of
        from thermogui.plot_export import plot_history

        history = plot_history(config.epochs, model_of(config).size)  # bounded: about 0.6 MB however many epochs
    while True:
        try:
            r = next(gen)
        except StopIteration as stop:
            outcome = stop.value
            break
        if every:
            for e in _logged(r, every):
                _out(f"Epoch : {e.epoch}  Loss : {e.loss:.2f}  Grad : {format_pair(*e.grad)}")
        if history is not None:
            history.append(r)
        if book is not None:
            for line in book.feed(r):
                _out(line)
    if book is not None and book.last_epoch:
        _out(book.result())
    result = summarize(config, data, outcome, prep)
    if options is not None:
        from thermogui.plot_export import export_plot_headless

        try:
            export_plot_headless(args.plot, data, config, outcome, history, dpi=args.dpi, what=options.what)
        except (OSError, ValueError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else e  # (not the file name again)
            raise _UsageError(f"cannot write {_shown(args.plot)}: {reason}") from None
    if args.json:
        _out(json.dumps(result, indent=2))
    else:
        _print_summary(result)
    return 0


FAST_CHUNK = 4096  # epochs per chunk on the fast exact path (core.training.train's `chunk`)


def _logged(item, every: int) -> list:
    """The epochs of one yielded item (an EpochResult, or a chunk of History rows) that --log-every prints: every
    N-th and the first; a chunk is expanded only at those rows."""
    from thermogui.core.training import EpochResult, rows_of

    if isinstance(item, EpochResult):
        return [item] if item.epoch % every == 0 or item.epoch == 1 else []
    epochs = item[:, 0].astype(int)
    return rows_of(item[(epochs % every == 0) | (epochs == 1)])


def _mark_val_rows(data, text: str):
    """The readings with exactly the rows of `--val-rows 3,11` (1-based) marked as validation readings."""
    rows = []
    for token in re.split(r"[,\s]+", text.strip()):
        if not token:
            continue
        if not re.fullmatch(r"\+?\d{1,9}", token):
            raise _UsageError(f"--val-rows: {quote(token)} is not a row number; give 1-based row numbers such as 3,11")
        rows.append(int(token))
    if not rows:
        raise _UsageError("--val-rows: no row numbers given; give 1-based row numbers such as 3,11")
    from thermogui.core.dataset import DataError

    try:
        marked = data.with_val_rows([r - 1 for r in rows])
    except DataError as e:
        raise _UsageError(f"--val-rows: {e}") from None
    excluded = [r for r in rows if not data.include[r - 1]]
    if excluded:
        raise _UsageError(
            f"--val-rows: reading {excluded[0]} is excluded (include 0 in the file), so it cannot be a validation "
            "reading"
        )
    return marked


def _coefficients(params: dict) -> str:
    return ", ".join(f"{n} = {fmt_spec(v, '.6g')}" for n, v in params.items())


def _equation(names, powers, params: dict) -> str:
    """The fitted model in raw units, plain ASCII: t_c = 0.536708 * t_u + -17.3012 (the line as it always read),
    t_c = 0.00283043 * t_u^2 + 0.247604 * t_u + -10.6496 (the quadratic)."""
    terms = []
    for name, k in sorted(zip(names, powers), key=lambda t: -t[1]):
        v = fmt_spec(params.get(name), ".6g")
        terms.append(v + (" * t_u" if k == 1 else f" * t_u^{k}" if k else ""))
    return "t_c = " + " + ".join(terms)


def _print_summary(r: dict) -> None:
    reason = r["stop_reason"]
    if reason == "non_finite":
        _out(
            f"Stopped at epoch {r['stop_epoch']}: the loss is no longer finite "
            f"(last finite: epoch {r['last_finite_epoch']}, loss {fmt_spec(r['last_finite_loss'], '.6g')})."
        )
        if r["lr_stable_max"] is not None:
            _out(f"The largest stable learning rate for this data is {fmt_spec(r['lr_stable_max'], '.3g')}.")
    else:
        _out(f"{reason.capitalize()} after {r['epochs_run']} epochs: loss {fmt_spec(r['loss'], '.6f')}")
    from thermogui.core.models import DEFAULT_HIDDEN, get_model, is_linear

    m = get_model(r.get("model", "line"), r.get("hidden", DEFAULT_HIDDEN))
    ls = r["lstsq"]
    if tuple(m.params) == ("w", "b"):  # the line (and nn.Linear(1, 1)) as it always read
        w, b, w_model, b_model = (fmt_spec(r[k], ".6g") for k in ("w", "b", "w_model", "b_model"))
        _out(f"t_c = {w} * t_u + {b}   (model units: w = {w_model}, b = {b_model})")
        _out(
            f"least squares: t_c = {fmt_spec(ls['w'], '.6g')} * t_u + {fmt_spec(ls['b'], '.6g')}, "
            f"loss {fmt_spec(ls['loss'], '.6f')}"
        )
        return
    if not is_linear(m):
        _out(f"{m.equation(list(r['params'].values()))}   (its {m.size} parameters: --json lists them)")
        _out("least squares: none in closed form (the network is not linear in its parameters)")
        return
    _out(f"{_equation(m.params, m.powers, r['params'])}   (model units: {_coefficients(r['params_model'])})")
    if ls is None:
        _out(f"least squares: none (the readings do not determine the {m.label}: it needs {m.size} different t_u)")
    else:
        _out(f"least squares: {_equation(m.params, m.powers, ls['params'])}, loss {fmt_spec(ls['loss'], '.6f')}")


COMMANDS = ("fit", "install-desktop", "uninstall-desktop")


def _looks_like_file(arg: str) -> bool:
    """A path a file manager passes ("Open with"), as opposed to a mistyped sub-command."""
    import os

    return not arg.startswith("-") and (os.path.exists(arg) or os.sep in arg or "." in os.path.basename(arg))


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] not in COMMANDS and _looks_like_file(argv[0]):
        from thermogui.app import (
            main as gui_main,  # `thermogui FILE…` (a file manager's "Open with"): open it in the window
        )

        gui_main(files=argv)
        return
    args = build_parser().parse_args(argv)
    if args.command == "fit":
        sys.exit(run_fit(args))
    if args.command in ("install-desktop", "uninstall-desktop"):
        from thermogui import desktop

        sys.exit(desktop.install() if args.command == "install-desktop" else desktop.uninstall())
    from thermogui.app import main as gui_main

    gui_main()
