"""Figures as intervals, so that a qualifier or a rounding is not mistaken for a contradiction.

Each numeric claim becomes the set of values it allows, with documented tolerances:

- ``exact`` "$355 billion": half a unit of the last digit written (355 allows 354.5 to 355.5; "$5 billion" allows
  4.5 to 5.5, because one digit is all it says), and never less than ±0.5 %;
- ``about`` ("about", "around", "roughly", "nearly", "some"): ±10 %, so "about $350 billion" allows $355 billion;
- ``up_to`` "up to $10 billion": from 10 % below the cap to the cap, so it agrees with "$10 billion" and
  "about $10 billion" but not with "$5 billion" or "up to $5 billion" (a different cap);
- ``less_than``: the same, open at the cap; ``at_least``: the floor and above; ``more_than``: above the floor, so
  "more than $15 billion" and "up to $15 billion" conflict, and so do "at least $10 billion" and "up to $10
  billion" (a floor and a cap that meet only at the figure say opposite things);
- ``range`` "$20-25 billion": the bounds ±0.5 %; a hedged range ("around $4-5 trillion") widens them by 10 %.

Two claims agree when their intervals intersect. For a set of claims, some pair is disjoint exactly when the
largest lower bound lies above the smallest upper bound, which is how a whole group is checked in one pass.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .models import Claim

EXACT_TOLERANCE = 0.005
ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    bound: str = ""  # "cap" for up_to/less_than, "floor" for at_least/more_than

    def intersects(self, other: "Interval") -> bool:
        if (_above(other.low, other.low_open, self.high, self.high_open)
                or _above(self.low, self.low_open, other.high, other.high_open)):
            return False
        # A cap and a floor that meet only at the figure ("up to 10" against "at least 10") say opposite things.
        if self.bound and other.bound and self.bound != other.bound:
            return min(self.high, other.high) > max(self.low, other.low)
        return True

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.low + other.low, self.high + other.high, self.low_open or other.low_open,
                        self.high_open or other.high_open)

    def gap(self, other: "Interval") -> float:
        """Relative distance between two disjoint intervals (0 when they meet): how far apart the figures are."""
        if self.intersects(other):
            return 0.0
        lo, hi = (self, other) if self.high <= other.low else (other, self)
        base = max(min(abs(lo.high), abs(hi.low)), 1e-12)
        return (hi.low - lo.high) / base


def _above(low: float, low_open: bool, high: float, high_open: bool) -> bool:
    """True when a lower bound lies above an upper bound, so the two intervals cannot meet."""
    if low > high:
        return True
    return low == high and (low_open or high_open)


def _widen(v: float, tol: float) -> tuple[float, float]:
    a, b = v - abs(v) * tol, v + abs(v) * tol
    return (a, b) if a <= b else (b, a)


_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounding(claim: Claim, v: float) -> float:
    """Half a unit of the last digit the text wrote, in the figure's units ("$5 billion": 0.5 billion), but at
    least :data:`EXACT_TOLERANCE` of the figure. Spelled-out numbers get the minimum."""
    floor = abs(v) * EXACT_TOLERANCE
    m = _NUMBER.search(claim.text or "")
    if not m or not v:
        return floor
    try:
        surface = float(m.group(0).replace(",", ""))
    except ValueError:
        return floor
    first = claim.low if claim.low is not None else claim.value
    if not surface or not first:
        return floor
    scale = abs(first / surface)
    half = 0.5 * 10 ** -(len(m.group(1)) if m.group(1) else 0) * scale
    return max(floor, min(half, abs(v) * ABOUT_TOLERANCE))


def interval(claim: Claim) -> Optional[Interval]:
    """The values a numeric claim allows, or None when it states no figure (a date, a vague word)."""
    q = claim.qualifier or "exact"
    if claim.low is not None and claim.high is not None:
        lo, hi = sorted((claim.low, claim.high))
        if q in ("up_to", "less_than"):
            return Interval(_widen(lo, ABOUT_TOLERANCE)[0], hi, high_open=q == "less_than", bound="cap")
        if q in ("at_least", "more_than"):
            return Interval(lo, math.inf, low_open=q == "more_than", high_open=True, bound="floor")
        if q == "about":
            return Interval(_widen(lo, ABOUT_TOLERANCE)[0], _widen(hi, ABOUT_TOLERANCE)[1])
        return Interval(lo - rounding(claim, lo), hi + rounding(claim, hi))
    v = claim.value
    if v is None or math.isnan(v):
        return None
    if q == "about":
        return Interval(*_widen(v, ABOUT_TOLERANCE))
    if q in ("up_to", "less_than"):
        return Interval(_widen(v, ABOUT_TOLERANCE)[0], v, high_open=q == "less_than", bound="cap")
    if q in ("at_least", "more_than"):
        return Interval(v, math.inf, low_open=q == "more_than", high_open=True, bound="floor")
    r = rounding(claim, v)
    return Interval(v - r, v + r)


def all_agree(intervals: Iterable[Interval]) -> bool:
    """True when every pair intersects: the largest lower bound does not lie above the smallest upper bound."""
    items = list(intervals)
    if len(items) < 2:
        return True
    lo = max(items, key=lambda i: (i.low, i.low_open))
    hi = min(items, key=lambda i: (i.high, not i.high_open))
    return not _above(lo.low, lo.low_open, hi.high, hi.high_open)


def clusters(items: list[tuple[Interval, object]]) -> list[list[object]]:
    """Split items into runs of mutually agreeing intervals (sorted by lower bound, greedy): each run is one
    "version" of the figure; two or more runs mean the items disagree."""
    ordered = sorted(items, key=lambda it: (it[0].low, it[0].high))
    runs: list[list[object]] = []
    common: Optional[Interval] = None
    for iv, obj in ordered:
        if common is not None and common.intersects(iv):
            low_open = iv.low_open if iv.low > common.low else common.low_open if iv.low < common.low else (
                iv.low_open or common.low_open)
            high_open = iv.high_open if iv.high < common.high else common.high_open if iv.high > common.high else (
                iv.high_open or common.high_open)
            common = Interval(max(iv.low, common.low), min(iv.high, common.high), low_open, high_open)
            runs[-1].append(obj)
        else:
            common = iv
            runs.append([obj])
    return runs
