"""Extraction entry point: a document's text in, claim records out (numbers and attributed quotes)."""

from __future__ import annotations

from datetime import date
from typing import Optional

from .models import Claim, Document


def extract_text(text: str, source_id: str = "stdin", published: Optional[date] = None) -> list[Claim]:
    """Every numeric claim and every quote in ``text``, ordered by offset.

    ``published`` anchors relative dates ("next year", "on Tuesday").
    """
    from . import numeric, quotes, segment

    doc = segment.segment(text)
    claims = quotes.extract_quotes(doc, source_id) + numeric.extract_numeric(doc, source_id, published)
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return claims


def extract_document(doc: Document) -> list[Claim]:
    """Claims of a stored document; offsets point into ``doc.body``."""
    return extract_text(doc.body, source_id=doc.source_id, published=doc.published)
