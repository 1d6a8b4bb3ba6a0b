"""How sure we are of a claim: a deterministic product of named terms, each listed in ``confidence_reasons``.

confidence = rule strength × hedge × attribution × source kind × corroboration × contradiction, clamped to
[0.01, 0.99] and rounded to two decimals. The terms:

- **rule strength**: the extractor's own confidence in the rule that found the claim ("rule money: 0.90"; for a
  quote, how its speaker was found: a cue verb, a pronoun, a continuation);
- **hedge**: a hedge word ×0.85 ("expected to", "could", "plans to"); hearsay words ×0.75 ("reportedly",
  "rumoured", "unconfirmed");
- **attribution**: anonymous sourcing ("a person familiar", "people with knowledge", "sources said") ×0.80; another
  outlet's reporting ("CNBC reported", "a Bloomberg report") ×0.90; another named attribution ×0.95; a quote with
  a named person on the record ×1.00, with a company as the speaker ×0.95, with no speaker ×0.70;
- **source kind**: primary (the company's own release or filing) ×1.00, report ×0.95, aggregator ×0.85, unknown
  ×0.90;
- **corroboration**: +5 % for each other independent origin that agrees, up to four (copies of one text count once);
- **contradiction**: on the losing side of a flag (fewer independent origins) ×0.50; on the winning side or a tie
  ×0.90.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Optional

from .models import Claim, Document

HEARSAY = re.compile(r"\b(?:reportedly|rumou?red|unconfirmed|allegedly|said to be)\b", re.I)
ANONYMOUS = re.compile(r"\b(?:familiar|knowledge of|sources?\b(?! said to)|insiders?|people close|person close|"
                       r"declined to be named|not authori[sz]ed|anonymity|spoke on condition)", re.I)
REPORTED = re.compile(r"\b(?:report(?:s|ed)?|according to|citing|cited)\b", re.I)
KIND_FACTOR = {"primary": (1.00, "primary source"), "report": (0.95, "news report"),
               "aggregator": (0.85, "aggregator"), None: (0.90, "source kind unknown")}
_RULE = re.compile(r"^rule (\S+): ([0-9.]+)")
_MINE = ("hedged:", "hearsay:", "anonymous:", "second-hand:", "attributed:", "on the record:", "company statement",
         "no speaker", "primary source", "news report", "aggregator", "source kind unknown", "corroborated",
         "contradicted", "disputed")


def rule_strength(claim: Claim) -> tuple[float, str]:
    """(strength, reason): the extractor's rule confidence, recovered the same way on every rebuild."""
    notes = []
    for reason in claim.confidence_reasons:
        m = _RULE.match(reason)
        if m:
            return float(m.group(2)), reason
        if not reason.startswith(_MINE):
            notes.append(reason)
    text = f"rule {claim.rule}: {claim.confidence:.2f}"
    if notes and claim.kind == "quote":
        text += f" ({'; '.join(notes)})"
    return claim.confidence, text


def _term(factor: float, text: str) -> tuple[float, str]:
    return factor, f"{text} ×{factor:.2f}"


def score(claim: Claim, source_kind: Optional[str] = None, agreeing_origins: int = 0,
          disputes: Iterable[tuple[str, int]] = (), minority: bool = False) -> tuple[float, list[str]]:
    """The claim's confidence and the reasons that made it (see the module docstring for every term)."""
    strength, first = rule_strength(claim)
    terms: list[tuple[float, str]] = []
    if claim.hedge:
        if HEARSAY.search(claim.hedge):
            terms.append(_term(0.75, f"hearsay: {claim.hedge}"))
        else:
            terms.append(_term(0.85, f"hedged: {claim.hedge}"))
    if claim.attribution:
        a = claim.attribution
        if ANONYMOUS.search(a):
            terms.append(_term(0.80, f"anonymous: {a}"))
        elif REPORTED.search(a) or re.fullmatch(r"[A-Z][\w.&\- ]{1,30}", a.strip()):
            terms.append(_term(0.90, f"second-hand: {a}"))
        else:
            terms.append(_term(0.95, f"attributed: {a}"))
    if claim.kind == "quote":
        if not claim.speaker:
            terms.append(_term(0.70, "no speaker"))
        elif len(claim.speaker.split()) >= 2 and (claim.speaker_role or not _looks_like_org(claim.speaker)):
            terms.append(_term(1.00, f"on the record: {claim.speaker}"))
        else:
            terms.append(_term(0.95, f"company statement: {claim.speaker}"))
    factor, label = KIND_FACTOR.get(source_kind, KIND_FACTOR[None])
    terms.append(_term(factor, label))
    n = min(agreeing_origins, 4)
    if n:
        terms.append(_term(1 + 0.05 * n, f"corroborated by {agreeing_origins} independent origin"
                                          f"{'s' if agreeing_origins != 1 else ''}"))
    for kind, against in sorted(set(disputes)):
        if minority:
            terms.append(_term(0.50, f"contradicted ({kind}) by {against} origin{'s' if against != 1 else ''}"))
        else:
            terms.append(_term(0.90, f"disputed ({kind}) by {against} origin{'s' if against != 1 else ''}"))
    value = strength
    for f, _ in terms:
        value *= f
    value = round(min(0.99, max(0.01, value)), 2)
    return value, [first] + [t for _, t in terms]


def _looks_like_org(name: str) -> bool:
    return bool(re.search(r"\b(?:Inc|Corp|Ltd|LLC|Group|Company|Bank|Agency|Ministry|Department|Office|Council)\b",
                          name))


def scores(claims: Iterable[Claim], docs: Mapping[str, Document], result) -> Iterator[tuple[Claim, float, list[str]]]:
    """(claim, confidence, reasons) for each claim, from a cross-referencing result."""
    for c in claims:
        doc = docs.get(c.source_id)
        value, reasons = score(c, doc.kind if doc else None, len(result.support.get(c.id, ())),
                               result.disputes.get(c.id, ()), c.id in result.minority)
        yield c, value, reasons


def rescore(claims: Iterable[Claim], docs: Mapping[str, Document], result) -> list[Claim]:
    """Copies of ``claims`` with confidence and reasons from a cross-referencing result."""
    return [c.model_copy(update={"confidence": value, "confidence_reasons": reasons})
            for c, value, reasons in scores(claims, docs, result)]
