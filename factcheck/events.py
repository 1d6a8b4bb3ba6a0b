"""When things happened: the dates sources give for an event ("announced on Tuesday", "founded in 2021").

A figure that changes between dates is a timeline; a different date for the same event is a contradiction. This
module finds event mentions, an event verb with a date in the same sentence, and resolves the date against the
source's publication date: a weekday is the last such day on or before publication ("announced Tuesday" in a
Wednesday paper), a month and day take the publication year. Without a publication date a weekday stays a weekday
and is compared as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from .matching import entities
from .models import Document

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
            r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

# Event families: one verb family is one kind of event; "once" events happen once in a party's life.
EVENT_VERBS = {
    "announce": r"announc(?:e|es|ed|ing|ement)|unveil(?:s|ed|ing)?|disclos(?:e|es|ed|ing)",
    "sign": r"sign(?:s|ed|ing)?|agreed|inked",
    "launch": r"launch(?:es|ed|ing)?|releas(?:e|es|ed|ing)|debut(?:s|ed)?",
    "close": r"clos(?:e|es|ed|ing) (?:the|its|a|their)\b|complet(?:e|es|ed|ing)",
    "found": r"found(?:ed|ing)|establish(?:ed)|incorporated|set up",
    "file": r"fil(?:e|es|ed|ing) (?:for|a|an|its|the)\b",
}
ONCE = {"found"}
SAME_EVENT_DAYS = 7

_VERB_RES = {name: re.compile(r"\b(?:" + pat + r")\b", re.I) for name, pat in EVENT_VERBS.items()}
_DATE_RES = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(r"\b(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_RE + r")(?:,?\s+(\d{4}))?\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                           re.I)),
    ("year", re.compile(r"\b(?:in|since)\s+((?:19|20)\d{2})\b")),
]
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?…]+|$)")


@dataclass
class EventDate:
    """One source's date for one event: the resolved date (or only a weekday) and where it was said."""

    source_id: str
    event: str
    precision: str  # day | weekday | year
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    day: Optional[date] = None
    weekday: Optional[int] = None
    year: Optional[int] = None
    names: set[str] = field(default_factory=set)

    def label(self) -> str:
        if self.day:
            return f"{WEEKDAYS[self.day.weekday()].capitalize()} {self.day.isoformat()}"
        if self.weekday is not None:
            return WEEKDAYS[self.weekday].capitalize()
        return str(self.year)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def _resolve(kind: str, m: re.Match, published: Optional[date]) -> Optional[dict]:
    try:
        if kind == "iso":
            return {"day": date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "precision": "day"}
        if kind in ("mdy", "dmy"):
            month_s, day_s = (m.group(1), m.group(2)) if kind == "mdy" else (m.group(2), m.group(1))
            year = int(m.group(3)) if m.group(3) else (published.year if published else None)
            if year is None:
                return None
            d = date(year, _month(month_s), int(day_s))
            if not m.group(3) and published and d > published + timedelta(days=31):
                d = d.replace(year=year - 1)
            return {"day": d, "precision": "day"}
        if kind == "weekday":
            wd = WEEKDAYS.index(m.group(1).lower())
            if published is None:
                return {"weekday": wd, "precision": "weekday"}
            back = (published.weekday() - wd) % 7
            return {"day": published - timedelta(days=back), "precision": "day"}
        if kind == "year":
            return {"year": int(m.group(1)), "precision": "year"}
    except ValueError:
        return None
    return None


def find_events(doc: Document, context_names: Optional[set[str]] = None) -> list[EventDate]:
    """Every (event verb, date) pair that shares a sentence in ``doc``'s body, in order of appearance."""
    found: list[EventDate] = []
    title_names = entities(doc.title or "")
    if context_names is not None:
        title_names &= context_names
    for sm in _SENTENCE.finditer(doc.body):
        sentence = sm.group(0)
        verbs = [name for name, rx in _VERB_RES.items() if rx.search(sentence)]
        if not verbs:
            continue
        taken: list[tuple[int, int]] = []
        for kind, rx in _DATE_RES:
            for m in rx.finditer(sentence):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                resolved = _resolve(kind, m, doc.published)
                if resolved is None:
                    continue
                taken.append((m.start(), m.end()))
                event = _closest_verb(sentence, m.start(), verbs)
                if kind == "year" and event not in ONCE:
                    continue
                names = entities(sentence) | title_names
                found.append(EventDate(
                    source_id=doc.source_id, event=event, start=sm.start() + m.start(), end=sm.start() + m.end(),
                    text=m.group(0), sentence=sentence.strip(), sentence_start=sm.start(), names=names,
                    weekday=resolved.get("weekday"), year=resolved.get("year"), day=resolved.get("day"),
                    precision=resolved["precision"]))
    return found


def _closest_verb(sentence: str, pos: int, verbs: list[str]) -> str:
    best = None
    for name in verbs:
        for m in _VERB_RES[name].finditer(sentence):
            dist = abs(m.start() - pos)
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1]


def compatible(a: EventDate, b: EventDate) -> Optional[bool]:
    """True when two dates agree, False when they differ, None when they cannot be the same event."""
    if a.event != b.event:
        return None
    if a.names and b.names:
        overlap = len(a.names & b.names) / min(len(a.names), len(b.names))
        if overlap < 0.5:
            return None
    if a.precision == "year" or b.precision == "year":
        ya = a.year if a.year is not None else (a.day.year if a.day else None)
        yb = b.year if b.year is not None else (b.day.year if b.day else None)
        if ya is None or yb is None:
            return None
        return ya == yb
    if a.day and b.day:
        if a.event not in ONCE and abs((a.day - b.day).days) > SAME_EVENT_DAYS:
            return None  # weeks apart: another event of the same kind
        return a.day == b.day
    wa = a.day.weekday() if a.day else a.weekday
    wb = b.day.weekday() if b.day else b.weekday
    return wa == wb
