"""When a figure holds: the period a claim states, or failing that the day its source was published.

Figures for different periods form a timeline (the later supersedes the earlier) and are never a contradiction, so
cross-referencing compares figures only inside one "time slice": claims whose periods overlap or lie within
:data:`SLICE_GAP_DAYS` of each other (the same day for prices, :data:`VOLATILE_METRICS`, which move daily). A figure the sentence marks as earlier ("up from $183 billion", "from $1B to
$7B", "previously") is history and is not set against current figures.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from datetime import date, timedelta
from typing import Optional

from .matching import span_in_sentence
from .models import Claim

SLICE_GAP_DAYS = 31
VOLATILE_METRICS = {"share price", "market value"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_WORD = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_AFTER_TIME = re.compile(r"^\W{0,3}(?:[a-z\-]+\s+){0,2}?(?:in|as of|at the end of|by|since)\s+" + _MONTH_WORD +
                         r"\b(?:\s+(\d{4}))?", re.I)
_RELATIVE_YEAR = re.compile(r"\b(next|coming|this|last|previous)\s+year\b", re.I)
_PAST_BEFORE = [
    re.compile(r"\b(?:up|down)\s+from\s+(?:\S+\s+){0,3}$", re.I),
    re.compile(r"\b(?:previously|formerly|earlier|prior|once|originally|last)\b[^,;:]{0,30}$", re.I),
    re.compile(r"\brecently\s+(?:been\s+)?(?:valued|raised|priced|worth)\b[^,;:]{0,20}$", re.I),
    re.compile(r"\b(?:compared|against)\s+(?:with|to)\s+(?:\S+\s+){0,3}$", re.I),
]
_FROM_BEFORE = re.compile(
    r"\b(?:grow\w*|grew|rose|ris(?:e|es|ing|en)|increas\w*|jump\w*|climb\w*|fell|fall\w*|drop\w*|declin\w*|"
    r"doubl\w*|tripl\w*|soar\w*|surg\w*|went|go(?:es|ing)|mov\w*|expand\w*|shr[ai]nk\w*|cut|rais\w*|boost\w*|"
    r"lift\w*|push\w*|propel\w*|chang\w*)\b(?:[^.;]|\.(?=\d)){0,50}\bfrom\s+(?:\S+\s+){0,3}$", re.I)


_DATE_WORDS = re.compile(
    r"\b(?:" + _MONTH_WORD + r"|(?:19|20)\d{2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tomorrow|(?:next|last|this|previous|coming)\s+(?:year|month|week|quarter|decade)|"
    r"q[1-4]|(?:first|second|third|fourth)\s+quarter)\b", re.I)


_FIGURE = re.compile(r"[$€£¥]?\d[\d,.]*(?:\s*(?:%|percent|billion|million|trillion|bn|m|GW|MW))?")


@lru_cache(maxsize=100_000)
def _date_spots(sentence: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _DATE_WORDS.finditer(sentence))


def owns_time(claim: Claim, siblings: Optional[list[Claim]] = None) -> bool:
    """Whether the sentence's date words sit nearest this claim's figure. The extractor gives a sentence's time to
    every figure in it; when another figure is closer to every date word, the time is that figure's, not ours.
    Without the sibling claims, other figures are found in the sentence's text."""
    spots = _date_spots(claim.sentence)
    if not spots:
        return True
    mine = span_in_sentence(claim)
    if siblings is None:
        others = [(m.start(), m.end()) for m in _FIGURE.finditer(claim.sentence)
                  if (m.end() <= mine[0] or m.start() >= mine[1]) and not _DATE_WORDS.fullmatch(m.group(0).strip())]
    else:
        others = [span_in_sentence(o) for o in siblings
                  if o.id != claim.id and o.kind == "numeric" and o.unit != "date"]
    for pos in spots:
        d = _distance(mine, pos)
        if all(d <= _distance(o, pos) for o in others):
            return True
    return False


def _distance(span: tuple[int, int], pos: int) -> int:
    s, e = span
    return 0 if s <= pos < e else (s - pos if pos < s else pos - e + 1)


def parse_period(text: Optional[str]) -> Optional[tuple[date, date]]:
    """'2025-11-18', '2025-09', '2026', '2026-Q2' or 'A/B' as (first day, last day); None when unreadable."""
    if not text:
        return None
    t = text.strip()
    if "/" in t:
        a, b = (parse_period(p) for p in t.split("/", 1))
        return (a[0], b[1]) if a and b else None
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
        if m:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        m = re.fullmatch(r"(\d{4})-(\d{2})", t)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        m = re.fullmatch(r"(\d{4})-?Q([1-4])", t, re.I)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            first = date(y, 3 * q - 2, 1)
            last_month = 3 * q
            return first, date(y, last_month, calendar.monthrange(y, last_month)[1])
        m = re.fullmatch(r"(\d{4})(?:-H([12]))?", t, re.I)
        if m:
            y = int(m.group(1))
            if m.group(2) == "1":
                return date(y, 1, 1), date(y, 6, 30)
            if m.group(2) == "2":
                return date(y, 7, 1), date(y, 12, 31)
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def stated_period(claim: Claim, published: Optional[date], own_time: bool = True
                  ) -> tuple[Optional[tuple[date, date]], bool]:
    """(period, undatable_past): the claim's own time; else "next/this/last year" beside the figure, against the
    publication date; else a month named right after the figure ("the $183 billion in September"). A named month
    or "last year" that cannot be dated (no publication date) marks the figure as history."""
    period = parse_period(claim.time) if own_time else None
    if period:
        return period, False
    s, e = span_in_sentence(claim)
    rel = _RELATIVE_YEAR.search(claim.sentence[e:e + 40]) or _RELATIVE_YEAR.search(claim.sentence[max(0, s - 30):s])
    if rel and own_time:
        if not published:
            return None, rel.group(1).lower() in ("last", "previous")
        year = published.year + {"next": 1, "coming": 1, "this": 0, "last": -1, "previous": -1}[rel.group(1).lower()]
        return (date(year, 1, 1), date(year, 12, 31)), False
    m = _AFTER_TIME.match(claim.sentence[e:e + 60])
    if not m:
        return None, False
    month = _MONTHS.index(m.group(1).lower()[:3]) + 1
    if m.group(2):
        year = int(m.group(2))
    elif published:
        year = published.year if month <= published.month else published.year - 1
    else:
        return None, True
    return (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])), False


def is_past(claim: Claim) -> bool:
    """True when the sentence marks the figure as an earlier value: "up from", "grew from X", "previously"."""
    s, _ = span_in_sentence(claim)
    before = claim.sentence[max(0, s - 50):s]
    if any(rx.search(before) for rx in _PAST_BEFORE):
        return True
    return bool(_FROM_BEFORE.search(before))


_FORECAST = re.compile(
    r"\b(?:could|would|may|might|expect(?:s|ed|ing)?|project(?:s|ed|ing|ion|ions)|forecasts?|predict(?:s|ed)?|"
    r"targets?|targeting|on track|outlook|guidance|anticipat\w+)\b", re.I)


def is_forecast(claim: Claim) -> bool:
    """True when the words just before the figure make it a forecast ("could reach $26 billion", "expected to"):
    forecasts are compared with forecasts, never with reported figures."""
    s, _ = span_in_sentence(claim)
    before = claim.sentence[max(0, s - 60):s]
    before = re.split(r"[;:—]|,\s+(?:but|while|and)\b", before)[-1]
    return bool(_FORECAST.search(before))


def effective_period(claim: Claim, published: Optional[date], own_time: bool = True
                     ) -> tuple[Optional[tuple[date, date]], bool, bool]:
    """(period, explicit, past): when the figure holds, whether the sentence said so, whether it is history."""
    period, undatable = stated_period(claim, published, own_time)
    past = undatable or is_past(claim)
    if period:
        return period, True, past
    if published:
        return (published, published), False, past
    return None, False, past


def slice_gap(metric: Optional[str]) -> int:
    """Days within which two figures count as one moment: prices move daily, most figures do not."""
    return 0 if metric in VOLATILE_METRICS else SLICE_GAP_DAYS


def near(a: tuple[date, date], b: tuple[date, date], days: int = SLICE_GAP_DAYS) -> bool:
    """Two periods that overlap or lie within ``days`` of each other."""
    gap = timedelta(days=days)
    return a[0] <= b[1] + gap and b[0] <= a[1] + gap
