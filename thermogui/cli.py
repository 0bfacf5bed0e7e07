"""Command line: no sub-command starts the GUI; `fit` trains headless; `install-desktop` adds a launcher."""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__


class _Parser(argparse.ArgumentParser):
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


def _float(text: str) -> float:
    import math

    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"'{text}' is not a finite number")
    return v


def format_pair(*values: float, precision: int = 4) -> str:
    """Numbers as the book's `print(f'... {grad}')` shows a float tensor, without the padding: torch's rule picks
    scientific notation when the nonzero finite magnitudes span more than 1000x, exceed 1e8 or go below 1e-4, and
    whole-number mode ("0.") when every nonzero finite value is an integer."""
    import math

    finite = [abs(v) for v in values if math.isfinite(v) and v != 0]
    int_mode = all(v == math.ceil(v) for v in values if math.isfinite(v) and v != 0)
    sci = bool(finite) and (
        max(finite) / min(finite) > 1000.0 or max(finite) > 1.0e8 or (not int_mode and min(finite) < 1.0e-4)
    )

    def one(v: float) -> str:
        if sci:
            return f"{v:.{precision}e}"
        if int_mode:
            return f"{v:.0f}" + ("." if math.isfinite(v) else "")
        return f"{v:.{precision}f}"

    return "[" + ", ".join(one(v) for v in values) + "]"


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="thermogui", description="Watch gradient descent calibrate a thermometer.")
    p.add_argument("--version", action="version", version=f"thermogui {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    f = sub.add_parser("fit", help="train without a window and print the result")
    f.add_argument("--data", metavar="FILE.csv", help="readings t_u,t_c (default: the book's 11 points)")
    f.add_argument("--lr", type=_float, default=1e-2, help="learning rate (default 1e-2)")
    f.add_argument("--epochs", type=_positive_int, default=5000, help="number of epochs (default 5000)")
    f.add_argument("--init-w", type=_float, default=1.0, help="start w, in training units (default 1)")
    f.add_argument("--init-b", type=_float, default=0.0, help="start b (default 0)")
    f.add_argument("--normalize", choices=("none", "scale", "zscore"), default="scale")
    f.add_argument("--scale", type=_float, default=0.1, help="factor for --normalize scale (default 0.1)")
    f.add_argument("--grad", choices=("manual", "autograd"), default="manual")
    f.add_argument("--optimizer", choices=("sgd", "adam"), default="sgd")
    f.add_argument("--momentum", type=_float, default=0.0)
    f.add_argument("--val-fraction", type=_float, default=0.0)
    f.add_argument("--seed", type=_positive_int, default=0)
    f.add_argument("--tol", type=_float, default=None, help="stop when every |gradient| <= TOL")
    f.add_argument("--no-stop-on-nonfinite", action="store_true", help="keep going after the loss becomes inf/nan")
    f.add_argument("--log-every", type=_positive_int, default=0, metavar="N", help="print every N-th epoch")
    f.add_argument("--json", action="store_true", help="print the result as one JSON object")
    f.add_argument("--plot", metavar="OUT.png|OUT.svg", help="also save the fitted plot image")
    f.add_argument("--dpi", type=_positive_int, default=600, help="PNG resolution for --plot (default 600)")
    sub.add_parser("install-desktop", help="add a menu launcher and icon for this installation (Linux)")
    sub.add_parser("uninstall-desktop", help="remove the launcher added by install-desktop")
    return p


def _fit(args) -> int:
    from .core.csvio import read_csv
    from .core.dataset import DataError, Dataset
    from .core.report import summarize
    from .core.training import ConfigError, TrainConfig, prepare, train

    if args.plot and not args.plot.lower().endswith((".png", ".svg")):
        print(f"thermogui: error: --plot {args.plot}: use .png or .svg", file=sys.stderr)
        return 2
    if not 36 <= args.dpi <= 2400:
        print(f"thermogui: error: --dpi {args.dpi}: choose a resolution from 36 to 2400", file=sys.stderr)
        return 2
    try:
        data = read_csv(args.data) if args.data else Dataset.book()
        config = TrainConfig(
            lr=args.lr, epochs=args.epochs, init_w=args.init_w, init_b=args.init_b, normalize=args.normalize,
            scale=args.scale, gradient=args.grad, optimizer=args.optimizer, momentum=args.momentum,
            val_fraction=args.val_fraction, seed=args.seed, tol=args.tol,
            stop_on_non_finite=not args.no_stop_on_nonfinite,
        ).validated()
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
        from .plot_export import export_plot_headless

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
    def num(v, fmt):
        return "n/a" if v is None else format(v, fmt)

    reason = r["stop_reason"]
    if reason == "non_finite":
        print(f"Stopped at epoch {r['stop_epoch']}: the loss is no longer finite "
              f"(last finite: epoch {r['last_finite_epoch']}, loss {num(r['last_finite_loss'], '.6g')}).")
        print(f"The largest stable learning rate for this data is {r['lr_stable_max']:.3g}.")
    else:
        print(f"{reason.capitalize()} after {r['epochs_run']} epochs: loss {num(r['loss'], '.6f')}")
    print(f"t_c = {num(r['w'], '.6g')} * t_u + {num(r['b'], '.6g')}   (model units: w = {num(r['w_model'], '.6g')}, "
          f"b = {num(r['b_model'], '.6g')})")
    ls = r["lstsq"]
    print(f"least squares: t_c = {ls['w']:.6g} * t_u + {ls['b']:.6g}, loss {ls['loss']:.6f}")


COMMANDS = ("fit", "install-desktop", "uninstall-desktop")


def _looks_like_file(arg: str) -> bool:
    """A path a file manager passes ("Open with"), as opposed to a mistyped sub-command."""
    import os

    return not arg.startswith("-") and (os.path.exists(arg) or os.sep in arg or "." in os.path.basename(arg))


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] not in COMMANDS and _looks_like_file(argv[0]):
        from .app import main as gui_main  # `thermogui FILE…` (a file manager's "Open with"): open it in the window

        gui_main(files=argv)
        return
    args = build_parser().parse_args(argv)
    if args.command == "fit":
        sys.exit(_fit(args))
    if args.command in ("install-desktop", "uninstall-desktop"):
        from . import desktop

        sys.exit(desktop.install() if args.command == "install-desktop" else desktop.uninstall())
    from .app import main as gui_main

    gui_main()
