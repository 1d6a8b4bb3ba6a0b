"""Readable figures for people: "up to $15 billion", "1 GW", "300,000 customers"."""

from __future__ import annotations

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_QUAL = {"up_to": "up to ", "about": "about ", "more_than": "more than ", "less_than": "less than ",
         "at_least": "at least ", "exact": "", "range": "", None: ""}


def _scaled(v: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            x = v / size
            return f"{x:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _power(v: float, unit: str) -> str:
    for size, prefix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= size:
            x = v / size
            return f"{x:,.3f}".rstrip("0").rstrip(".") + f" {prefix}{unit}"
    return f"{v:g} {unit}"


def format_amount(v: float, unit: str | None) -> str:
    if unit in _SYMBOL:
        return f"{'-' if v < 0 else ''}{_SYMBOL[unit]}{_scaled(abs(v))}"
    if unit and len(unit) == 3 and unit.isupper():
        return f"{unit} {_scaled(v)}"
    if unit in ("W", "Wh"):
        return _power(v, unit)
    if unit == "%":
        return f"{v:g}%"
    if unit == "pp":
        return f"{v:g} percentage points"
    if unit == "times":
        return f"{v:g}x"
    if unit:
        return f"{_scaled(v)} {unit}"
    return _scaled(v)


def describe_figure(claim) -> str:
    """One readable phrase for a numeric claim's value, unit and qualifier."""
    if claim.unit == "date":
        return f"date {claim.time}"
    q = _QUAL.get(claim.qualifier, "")
    if claim.low is not None and claim.high is not None:
        lo, hi = format_amount(claim.low, claim.unit), format_amount(claim.high, claim.unit)
        lo_words, hi_words = lo.split(" "), hi.split(" ")
        if len(lo_words) == 2 and len(hi_words) == 2 and lo_words[1] == hi_words[1]:
            lo = lo_words[0]  # "$20–25 billion", not "$20 billion–$25 billion"
        text = f"{lo}–{hi}"
    elif claim.value is not None:
        text = format_amount(claim.value, claim.unit)
    else:
        text = claim.text
    per = f" per {claim.per}" if claim.per else ""
    return f"{q}{text}{per}"
