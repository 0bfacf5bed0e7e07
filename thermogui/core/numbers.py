"""Every number the app shows or writes, formatted in one place — and the one cleaner that makes data JSON-safe.

Plain Python (no Qt, no torch, no numpy import), so the CLI, the exports and every panel share one rule per job:

=============  ==========================================================================================
fmt_num        a value of unknown scale a learner reads (loss, gradient, w): fixed decimals, e-notation at extremes
fmt_coef       a coefficient as the book prints it: 4 decimals, at most 4 significant digits (−17.30, −0.0438)
equation       the fitted line in raw units: t_c = 0.5367 · t_u − 17.30
fmt_lr         a learning rate as people write one: 0.01, 3.4e-4
fmt_trim       a number inside a worked equation: trailing zeros dropped (3.57, −17.3012, 6.091e−4)
fmt_grad       a gradient in the inspector table: 4 decimals as the book prints them (4517.2964, 82.6000)
fmt_diff       the gap between two gradient methods, with its relative size
fmt_temp       a temperature or reading: fixed decimals, no −0.00 (results panel)
fmt_signed     the same with an explicit + (residuals)
fmt_reading    a reading in the data table and on the clipboard: 10 significant digits
fmt_float      a setting's text in a control: the shortest text that reads back as the same float (1e-5)
fmt_spin       a spin box's text: 6 significant digits, e-notation outside 1e-3 … 1e4
fmt_limit      a setting's range limit in messages: 1e6, 10,000,000
fmt_exact      a float in a file (CSV field, Python literal): repr, reads back bit for bit, nan/inf as such
fmt_tensor     numbers as `print(tensor)` shows them (the book's training log): [4517.2964, 82.6000]
fmt_spec       format(v, spec), or "n/a" for a JSON null (the CLI summary)
round_sig      a float rounded to a few significant digits (a suggested learning rate: 0.0058)
json_clean     data made plain JSON: inf/nan -> null, tuples -> lists, numpy -> Python, Enum -> its value
=============  ==========================================================================================

Shared conventions: a typographic minus (MINUS) in text a person reads, ASCII "-" in files and the CLI; e-notation
without padding or plus sign (6.091e−4, 1.000e30); a dash (DASH) for a missing or not-a-number value.
"""

from __future__ import annotations

import math
from enum import Enum

MINUS = "\u2212"  # the typographic minus sign: −17.30, not -17.30
DASH = "—"  # a value that is missing or not a number
INFINITY = "∞"


# --- building blocks ---------------------------------------------------------------------------------------------
def typographic(text: str) -> str:
    """ASCII hyphen-minus -> the typographic minus sign, for text a person reads."""
    return text.replace("-", MINUS)


def tidy_exponent(text: str, strip_zeros: bool = False) -> str:
    """Python's e-notation without padding and plus sign: 6.091e-04 -> 6.091e-4, 1.000e+30 -> 1.000e30.

    With `strip_zeros` the mantissa loses its trailing zeros too: 3.40e-04 -> 3.4e-4, 1.0e+20 -> 1e20.
    Text without an exponent (0.5, inf, nan) is returned as it is."""
    mant, sep, exp = text.partition("e")
    if not sep:
        return text
    if strip_zeros and "." in mant:
        mant = mant.rstrip("0").rstrip(".")
    return f"{mant}e{int(exp)}"


def _non_finite(v: float, nan: str = DASH) -> str:
    return nan if math.isnan(v) else (INFINITY if v > 0 else MINUS + INFINITY)


# --- what a learner reads ----------------------------------------------------------------------------------------
def fmt_num(v: float | None, digits: int = 4) -> str:
    """A value of unknown scale (loss, gradient, w, a distance): `digits` fixed decimals for everyday magnitudes,
    `digits` significant digits in e-notation at 1e5 and above or below 10**-digits (5802484.5 -> 5.802e6);
    DASH for None or nan, ±∞ for infinities; a zero shows no sign."""
    if v is None or not math.isfinite(v):
        return DASH if v is None else _non_finite(v)
    if v != 0 and (abs(v) >= 1e5 or abs(v) < 10**-digits):
        return typographic(tidy_exponent(f"{v:.{digits - 1}e}"))
    if v == 0:
        v = 0.0  # -0.0 shows as 0.0000
    return typographic(f"{v:.{digits}f}")


def fmt_coef(v: float, sig: int = 4, min_decimals: int = 2, max_decimals: int = 4) -> str:
    """A coefficient as the book prints its parameters: 4 decimals (torch's tensor print), but no more than `sig`
    significant digits and never fewer than `min_decimals` decimals: −17.3012 -> −17.30, −0.043777 -> −0.0438,
    3.14159 -> 3.142, 123.456 -> 123.46, 0.5 -> 0.5000; a zero shows no sign."""
    if not math.isfinite(v):
        return _non_finite(v)
    if v == 0:
        return f"{0.0:.{min_decimals}f}"
    exp = int(f"{v:.{sig - 1}e}".partition("e")[2])  # the power of ten after rounding to `sig` digits (9.99996 -> 1)
    text = f"{v:.{min(max_decimals, max(min_decimals, sig - 1 - exp))}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return typographic(text)


def equation(w_raw: float, b_raw: float) -> str:
    """The fitted line in raw units, as the book's final run reads: t_c = 0.5367 · t_u − 17.30.

    w has 4 decimals (fmt_num); b has the book's 4 decimals but at most 4 significant digits and at least 2 decimals
    (fmt_coef), so the book's lr 1e-4 run reads t_c = 0.2327 · t_u − 0.0438; a b below 1e-4 or from 1e5 up is in
    e-notation, as w is."""
    if not (math.isfinite(w_raw) and math.isfinite(b_raw)):
        return f"t_c = {DASH} (the parameters are no longer finite)"
    sign = MINUS if b_raw < 0 else "+"
    size = abs(b_raw)
    b = fmt_coef(size) if size == 0 or 1e-4 <= size < 1e5 else fmt_num(size, 4)
    return f"t_c = {fmt_num(w_raw, 4)} · t_u {sign} {b}"


def fmt_lr(v: float) -> str:
    """A learning rate the way people write one: 0.01, 0.123, 3.4e-4 (two significant digits below 0.01)."""
    if v >= 1e-2:
        return f"{v:.3g}"
    if not math.isfinite(v) or v <= 0:
        return fmt_num(v)
    return tidy_exponent(f"{v:.1e}", strip_zeros=True)


def fmt_trim(v: float, decimals: int = 4, sig: int = 4) -> str:
    """A number inside a worked equation: up to `decimals` decimals without trailing zeros (3.57, 5.3671, −17.3012);
    `sig` significant digits in e-notation below 0.01 or from 1e6 up (6.091e−4); "nan", ±∞; a typographic minus."""
    if not math.isfinite(v):
        return _non_finite(v, nan="nan")
    if v != 0 and (abs(v) >= 1e6 or abs(v) < 0.01):
        text = tidy_exponent(f"{v:.{sig - 1}e}")
    else:
        text = f"{v:.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
    return typographic(text)


def fmt_grad(v: float) -> str:
    """A gradient component in the inspector: 4 decimals as the book prints them (4517.2964, 82.6000); 5 significant
    digits in e-notation below 0.01 or from 1e6 up; "nan", ±∞ when it is not finite."""
    if not math.isfinite(v) or abs(v) < 0.01 or abs(v) >= 1e6:
        return fmt_trim(v, 4, 5)
    return fmt_num(v)


def fmt_diff(d: float, rel: float) -> str:
    """The gap between two ways of computing a gradient: 3e−6  (rel. 1.2e−7); relative "—" when undefined."""
    rel_text = DASH if math.isnan(rel) else fmt_trim(rel, 4, 2) if rel else "0"
    return f"{fmt_trim(d, 4, 2)}  (rel. {rel_text})"


def fmt_temp(v: float, decimals: int = 2) -> str:
    """A temperature or reading: `decimals` fixed decimals, 4 significant digits in e-notation from 1e6 up,
    DASH when not finite, a typographic minus, never −0.00."""
    if not math.isfinite(v):
        return DASH
    if abs(v) >= 1e6:
        return typographic(tidy_exponent(f"{v:.3e}"))
    text = f"{v:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return typographic(text)


def fmt_signed(v: float, decimals: int = 1) -> str:
    """fmt_temp with an explicit sign, for a residual: +1.2, −0.8, +0.0; DASH when not finite."""
    text = fmt_temp(v, decimals)
    return text if text.startswith(MINUS) or text == DASH else "+" + text


# --- what controls and the table show ------------------------------------------------------------------------------
def fmt_reading(v: float) -> str:
    """A reading in the data table and on the clipboard: up to 10 significant digits, plain ASCII (35.7, 1e+20)."""
    return format(v, ".10g")


def fmt_float(v: float) -> str:
    """A setting's text in a control or a CLI default: the shortest text that reads back as the same float
    (0.01, 1e-5, 5.3671, 1e20)."""
    if v == 0:
        return "0"
    text = repr(float(v))
    mant, sep, exp = text.partition("e")
    return f"{mant.removesuffix('.0')}e{int(exp)}" if sep else text


def fmt_spin(v: float) -> str:
    """A spin box's text: 6 significant digits from 1e-3 up to 1e4, e-notation without trailing zeros outside."""
    if v == 0:
        return "0"
    if 1e-3 <= abs(v) < 1e4:
        return f"{v:.6g}"
    return tidy_exponent(f"{v:.6e}", strip_zeros=True)


def fmt_limit(v, kind: str) -> str:
    """A setting's range limit in a message: "—" for none, 10,000,000 for whole numbers, 1e6 / 1e-5 / 0.99 else."""
    if v is None:
        return DASH
    if kind == "int":
        return f"{int(v):,}"
    return tidy_exponent(f"{v:g}")


def round_sig(v: float, digits: int = 2) -> float:
    """`v` rounded to `digits` significant digits (a learning rate to suggest: 0.005839 -> 0.0058)."""
    return float(f"{v:.{digits}g}")


# --- files and the command line --------------------------------------------------------------------------------
def fmt_exact(v: float) -> str:
    """A float in a file (CSV field, Python literal): repr, which reads back bit for bit; nan, inf, -inf as such."""
    return repr(float(v))


def fmt_tensor(*values: float, precision: int = 4) -> str:
    """Numbers as the book's `print(f'... {grad}')` shows a float tensor, without the padding: torch's rule picks
    scientific notation when the nonzero finite magnitudes span more than 1000x, exceed 1e8 or go below 1e-4, and
    whole-number mode ("0.") when every nonzero finite value is an integer: [4517.2964, 82.6000]."""
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


def fmt_spec(v, spec: str, missing: str = "n/a") -> str:
    """format(v, spec), or `missing` for None (a JSON null: a number that was not finite)."""
    return missing if v is None else format(v, spec)


# --- JSON ------------------------------------------------------------------------------------------------------
def json_clean(value):
    """`value` as plain JSON data (for json.dumps(..., allow_nan=False)): non-finite floats become None, tuples and
    lists become lists, dict keys become strings, numpy scalars and arrays become Python numbers and lists, an Enum
    (StopReason) becomes its value; everything else is returned as it is."""
    if isinstance(value, dict):
        return {str(k): json_clean(x) for k, x in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_clean(x) for x in value]
    if isinstance(value, Enum):
        return json_clean(value.value)
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy scalar or array
        return json_clean(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
