"""Hand-made claims and sources for the cross-referencing tests (no extractor involved)."""

from __future__ import annotations

from datetime import date
from typing import Optional

from factcheck.models import Claim, Document, claim_id


def doc(source_id: str, body: str = "", published: Optional[str] = None, kind: str = "report",
        outlet: Optional[str] = None, title: Optional[str] = None) -> Document:
    return Document(source_id=source_id, path=f"{source_id}.md", body=body or source_id, outlet=outlet or source_id,
                    title=title, kind=kind, published=date.fromisoformat(published) if published else None)


def num(source_id: str, sentence: str, text: str, value: Optional[float] = None, unit: str = "USD", *,
        qualifier: str = "exact", subject: Optional[str] = None, metric: Optional[str] = None,
        obj: Optional[str] = None, time: Optional[str] = None, low: Optional[float] = None,
        high: Optional[float] = None, per: Optional[str] = None, offset: int = 0, hedge: Optional[str] = None,
        attribution: Optional[str] = None) -> Claim:
    """A numeric claim whose span is the first ``text`` in ``sentence`` (the sentence starts at ``offset``)."""
    at = sentence.index(text)
    start = offset + at
    return Claim(id=claim_id(source_id, "numeric", start, start + len(text), text), source_id=source_id,
                 kind="numeric", text=text, start=start, end=start + len(text), sentence=sentence,
                 sentence_start=offset, value=value, low=low, high=high, unit=unit, per=per, qualifier=qualifier,
                 subject=subject, object=obj, metric=metric, time=time, hedge=hedge, attribution=attribution,
                 rule="money", confidence=0.9)


def quote(source_id: str, sentence: str, words: str, speaker: Optional[str], *, role: Optional[str] = None,
          offset: int = 0) -> Claim:
    at = sentence.index(words)
    start = offset + at
    return Claim(id=claim_id(source_id, "quote", start, start + len(words), words), source_id=source_id,
                 kind="quote", text=words, start=start, end=start + len(words), sentence=sentence,
                 sentence_start=offset, quote=words, speaker=speaker, speaker_role=role, cue="said",
                 rule="quote", confidence=0.9)


def kinds(flags) -> list[str]:
    return sorted(f.kind for f in flags if f.severity != "info")
