"""The claim record: the one shape passed between extraction, the database, cross-referencing and verify."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, Field

Kind = Literal["numeric", "quote"]
Qualifier = Literal["exact", "about", "up_to", "at_least", "more_than", "less_than", "range"]
SourceKind = Literal["primary", "report", "aggregator"]


class Claim(BaseModel):
    """One checkable statement found in one source, with where it came from and how sure we are.

    Always present: id, source_id, kind, text, start, end, sentence, rule, confidence, confidence_reasons.
    Offsets index the stored document body: ``body[start:end] == text``.
    """

    id: str = Field(description="Stable id: a hash of source id, kind, offsets and text, the same on every run")
    source_id: str = Field(description="Id of the source document the claim was found in")
    kind: Kind
    text: str = Field(description="The surface span in the document")
    start: int = Field(ge=0, description="Start offset (characters) into the stored document body")
    end: int = Field(ge=0, description="End offset (exclusive) into the stored document body")
    sentence: str = Field(description="The sentence that holds the span")
    sentence_start: int = Field(0, ge=0, description="Offset of the sentence in the body")
    value: Optional[float] = Field(None, description="The figure in base units (USD, W, Wh, %, count)")
    low: Optional[float] = Field(None, description="Lower bound of a range")
    high: Optional[float] = Field(None, description="Upper bound of a range")
    unit: Optional[str] = Field(
        None,
        description="ISO currency code, W, Wh, %, pp, times, year, month, day, or the counted noun as written",
    )
    per: Optional[str] = Field(None, description="Denominator of a rate ('per GW', 'a year')")
    qualifier: Optional[Qualifier] = None
    subject: Optional[str] = Field(None, description="Whom the figure is about")
    object: Optional[str] = Field(None, description="The other party, e.g. the company invested in")
    metric: Optional[str] = Field(None, description="What is measured, short and normalised")
    time: Optional[str] = Field(None, description="ISO date or period the figure holds for")
    quote: Optional[str] = Field(None, description="The words inside the quotation marks")
    speaker: Optional[str] = None
    speaker_role: Optional[str] = None
    cue: Optional[str] = Field(None, description="The reporting verb: said, told, wrote, called")
    attribution: Optional[str] = Field(None, description="The reporting source: 'according to Reuters'")
    hedge: Optional[str] = Field(None, description="Hedge words: reportedly, expected, could, estimated")
    rule: str = Field(description="The extraction rule that found the claim")
    confidence: float = Field(ge=0.0, le=1.0)
    confidence_reasons: list[str] = Field(default_factory=list)


class Document(BaseModel):
    """A source document as stored: metadata plus the body text that claim offsets point into."""

    source_id: str
    path: str
    body: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[date] = None
    author: Optional[str] = None
    kind: Optional[SourceKind] = None
    sha256: str = ""

    def model_post_init(self, __context) -> None:
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.body.encode("utf-8")).hexdigest()


def claim_id(source_id: str, kind: str, start: int, end: int, text: str) -> str:
    """Stable id: the same source text gives the same id on every run (no counters, no clocks)."""
    digest = hashlib.sha1(f"{source_id}\x1f{kind}\x1f{start}\x1f{end}\x1f{text}".encode("utf-8")).hexdigest()
    return f"c_{digest[:16]}"
