"""Command line: no sub-command starts the GUI; `fit` trains headless; `install-desktop` adds a launcher."""

from __future__ import annotations

import argparse
import json
import re
import sys

from thermogui import __version__
from thermogui.core.fields import FIELDS
from thermogui.core.numbers import fmt_spec
from thermogui.core.numbers import fmt_tensor as format_pair  # the old name, imported from here by the tests


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "-1e30" and "-.5e-3" are numbers, not options (argparse before 3.13 only knows "-1" and "-1.5")
        self._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")

    def error(self, message):  # one line, exit code 2
        self.exit(2, f"thermogui: error: {message}\n")


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must not be negative")
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
        parser.add_argument(fld.cli, dest=fld.name, action="store_false", help=fld.help)
    elif fld.kind == "choice":
        parser.add_argument(fld.cli, dest=fld.name, choices=[v for v, _ in fld.choices], default=fld.default,
                            help=f"{fld.help} (default {fld.default})")
    else:
        default = "none" if fld.default is None else fld.format(fld.default)
        parser.add_argument(fld.cli, dest=fld.name, type=_field_type(fld), default=fld.default,
                            metavar=fld.name.upper().replace("_", "-"),
                            help=f"{fld.help} ({fld.range_text()}; default {default})".replace("%", "%%"))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="thermogui", description="Watch gradient descent calibrate a thermometer.")
    p.add_argument("--version", action="version", version=f"thermogui {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    f = sub.add_parser("fit", help="train without a window and print the result")
    f.add_argument("--data", metavar="FILE.csv", help="readings t_u,t_c (default: the book's 11 points)")
    for fld in FIELDS:  # every training setting, from the one field spec
        _add_field_option(f, fld)
    f.add_argument("--log-every", type=_positive_int, default=0, metavar="N", help="print every N-th epoch")
    f.add_argument("--json", action="store_true", help="print the result as one JSON object")
    f.add_argument("--plot", metavar="OUT.png|OUT.svg", help="also save the fitted plot image")
    f.add_argument("--dpi", type=_positive_int, default=600, help="PNG resolution for --plot (default 600)")
    sub.add_parser("install-desktop", help="add a menu launcher and icon for this installation (Linux)")
    sub.add_parser("uninstall-desktop", help="remove the launcher added by install-desktop")
    return p


def _fit(args) -> int:
    from thermogui.core.csvio import read_csv
    from thermogui.core.dataset import DataError, Dataset
    from thermogui.core.report import summarize
    from thermogui.core.training import ConfigError, TrainConfig, prepare, train

    if args.plot and not args.plot.lower().endswith((".png", ".svg")):
        print(f"thermogui: error: --plot {args.plot}: use .png or .svg", file=sys.stderr)
        return 2
    if not 36 <= args.dpi <= 2400:
        print(f"thermogui: error: --dpi {args.dpi}: choose a resolution from 36 to 2400", file=sys.stderr)
        return 2
    try:
        data = read_csv(args.data) if args.data else Dataset.book()
        config = TrainConfig(**{fld.name: getattr(args, fld.name) for fld in FIELDS}).validated()
        prep = prepare(config, data)
        gen = train(config, data)
    except (DataError, ConfigError) as e:
        print(f"thermogui: error: {args.data + ': ' if args.data and isinstance(e, DataError) else ''}{e}",
              file=sys.stderr)
        return 2
    except OSError as e:
        print(f"thermogui: error: cannot read {args.data}: {e.strerror or e}", file=sys.stderr)
        return 2
    every = args.log_every
    history_needed = bool(args.plot)
    history = []
    while True:
        try:
            r = next(gen)
        except StopIteration as stop:
            outcome = stop.value
            break
        if every and (r.epoch % every == 0 or r.epoch == 1):
            print(f"Epoch : {r.epoch}  Loss : {r.loss:.2f}  Grad : {format_pair(r.grad_w, r.grad_b)}")
        if history_needed:
            history.append(r)
    result = summarize(config, data, outcome, prep)
    if args.plot:
        from thermogui.plot_export import export_plot_headless

        try:
            export_plot_headless(args.plot, data, config, outcome, history, dpi=args.dpi)
        except (OSError, ValueError) as e:
            print(f"thermogui: error: cannot write {args.plot}: {e}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_summary(result)
    return 0


def _print_summary(r: dict) -> None:
    reason = r["stop_reason"]
    if reason == "non_finite":
        print(f"Stopped at epoch {r['stop_epoch']}: the loss is no longer finite "
              f"(last finite: epoch {r['last_finite_epoch']}, loss {fmt_spec(r['last_finite_loss'], '.6g')}).")
        print(f"The largest stable learning rate for this data is {fmt_spec(r['lr_stable_max'], '.3g')}.")
    else:
        print(f"{reason.capitalize()} after {r['epochs_run']} epochs: loss {fmt_spec(r['loss'], '.6f')}")
    w, b, w_model, b_model = (fmt_spec(r[k], ".6g") for k in ("w", "b", "w_model", "b_model"))
    print(f"t_c = {w} * t_u + {b}   (model units: w = {w_model}, b = {b_model})")
    ls = r["lstsq"]
    print(f"least squares: t_c = {fmt_spec(ls['w'], '.6g')} * t_u + {fmt_spec(ls['b'], '.6g')}, "
          f"loss {fmt_spec(ls['loss'], '.6f')}")


COMMANDS = ("fit", "install-desktop", "uninstall-desktop")


def _looks_like_file(arg: str) -> bool:
    """A path a file manager passes ("Open with"), as opposed to a mistyped sub-command."""
    import os

    return not arg.startswith("-") and (os.path.exists(arg) or os.sep in arg or "." in os.path.basename(arg))


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] not in COMMANDS and _looks_like_file(argv[0]):
        from thermogui.app import main as gui_main  # `thermogui FILE…` (a file manager's "Open with"): open it in the window

        gui_main(files=argv)
        return
    args = build_parser().parse_args(argv)
    if args.command == "fit":
        sys.exit(_fit(args))
    if args.command in ("install-desktop", "uninstall-desktop"):
        from thermogui import desktop

        sys.exit(desktop.install() if args.command == "install-desktop" else desktop.uninstall())
    from thermogui.app import main as gui_main

    gui_main()
