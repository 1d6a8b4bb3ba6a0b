"""Extraction entry point: a document's text in, claim records out (numbers and attributed quotes)."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from datetime import date
from typing import Optional

from . import numeric, quotes, segment
from .models import Claim, Document


def extract_text(text: str, source_id: str = "stdin", published: Optional[date] = None,
                 bare_numbers: bool = False) -> list[Claim]:
    """Every numeric claim and every quote in ``text``, ordered by offset.

    ``published`` anchors relative dates ("next year", "on Tuesday").  ``bare_numbers`` also reports figures that
    have no unit or counted noun (off for articles: "the number is 20" is no claim; on for parsing a phrase).
    """
    with _gc_paused(len(text) > _LONG):
        doc = segment.segment(text)
        quoted = quotes.extract_quotes(doc, source_id)
        figures = numeric.extract_numeric(doc, source_id, published, bare_numbers=bare_numbers)
    _credit_quoted_figures(figures, quoted)
    claims = quoted + figures
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return claims


_LONG = 100_000  # characters: below this the collector's rescans cost less than pausing it


@contextmanager
def _gc_paused(pause: bool = True):
    """Pause the cycle collector while a document is read.

    A long document makes hundreds of thousands of small token objects and no reference cycles; with the collector
    on, each collection rescans every live token and the time grows faster than the text.  Paused, it stays linear.
    """
    was_enabled = gc.isenabled() and pause
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _credit_quoted_figures(figures: list[Claim], quoted: list[Claim]) -> None:
    """A figure inside a quotation is the speaker's claim: it carries the speaker as its attribution."""
    import bisect

    spans = sorted((q.start, q.end, q) for q in quoted if q.speaker)
    starts = [s for s, _, _ in spans]
    for f in figures:
        i = bisect.bisect_right(starts, f.start) - 1  # quotations do not overlap: only the last one can hold it
        if i >= 0 and f.end <= spans[i][1]:
            q = spans[i][2]
            f.speaker = q.speaker
            f.attribution = f.attribution or q.speaker
            f.confidence_reasons.append(f"quoted: said by {q.speaker}")


def extract_document(doc: Document) -> list[Claim]:
    """Claims of a stored document; offsets point into ``doc.body``."""
    return extract_text(doc.body, source_id=doc.source_id, published=doc.published)
