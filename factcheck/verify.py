"""``factcheck verify``: is this sentence borne out by the sources in the database?

The sentence goes through the same extractor as the sources (figure, unit, qualifier, subject, metric, quote,
speaker). Candidates come from indexed lookups (the parties' names against subject and object, full-text search on
the sentence's names and on quoted words) and are kept when they speak about the same thing by the rules of
cross-referencing (unit, denominator, parties, metric, period). Each kept claim supports or refutes the sentence by
interval agreement; a quote is refuted when the sources give its words to someone else.

The label weighs independent origins (copies count once), each by its best claim's confidence:

- ``SUPPORTED`` / ``REFUTED``: only one side, or one side at least twice as heavy as the other;
- ``CONFLICTING``: the sources disagree on exactly this point and neither side dominates;
- ``NOT_ENOUGH_EVIDENCE``: nothing checkable in the sentence, or no source speaks about it.

Figures for an earlier period than the latest the sources give are shown as superseded and not weighed, unless the
sentence names its period or marks itself as past.
"""

from __future__ import annotations

import re
import sqlite3
from difflib import SequenceMatcher
from types import SimpleNamespace
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import sqlite_utils

from .crossref import KIND_RANK, claim_parties, figure_text, same_quote
from .intervals import interval
from .matching import (NameIndex, entities, is_description, metric_key, name_key, norm_text, rate_per, same_person,
                       unit_key, unit_modifiers)
from .models import Claim
from .origins import origins as find_origins
from .timing import effective_period, near, owns_time

SUPPORTED, REFUTED, CONFLICTING, NEI = "SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_EVIDENCE"
EXIT_CODES = {SUPPORTED: 0, REFUTED: 3, CONFLICTING: 4, NEI: 5}
DOMINANCE = 2.0
CANDIDATE_LIMIT = 400
_CLAIM_FIELDS = list(Claim.model_fields)
_STOP = {"the", "and", "for", "with", "that", "this", "from", "into", "will", "has", "have", "had", "was", "were",
         "are", "its", "their", "his", "her", "our", "said", "says", "called", "calling", "about", "as", "much",
         "more", "than", "least", "up", "to", "of", "in", "on", "at", "a", "an", "it", "is", "be", "by", "or"}


_CUE = re.compile(r"\b(?:said|says|say|called|calls|calling|described|describes|told|tells|added|wrote|writes|"
                  r"praised|praising|put it|according to)\b", re.I)


@dataclass
class Verdict:
    """The answer to one sentence."""

    sentence: str
    label: str
    confidence: float
    explanation: str
    evidence: list[dict] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.label]

    def as_dict(self) -> dict:
        return {"sentence": self.sentence, "label": self.label, "confidence": self.confidence,
                "explanation": self.explanation, "evidence": self.evidence}


@dataclass
class _Cand:
    claim: Claim
    published: Optional[date]
    kind: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    path: Optional[str]


# --- retrieval -------------------------------------------------------------------------------------------------------

_SELECT = ("select c.*, s.published as s_published, s.kind as s_kind, s.outlet as s_outlet, s.url as s_url, "
           "s.path as s_path from claims c join sources s on s.id = c.source_id ")


class _Stored(SimpleNamespace):
    """A stored claim as read for verify: the claim's fields as attributes, without model validation (a query
    reads hundreds of rows and only looks at them)."""


def _rows(db: sqlite_utils.Database, where: str, params: list) -> list[_Cand]:
    cursor = db.execute(_SELECT + where + f" limit {CANDIDATE_LIMIT}", params)
    names = [d[0] for d in cursor.description]
    out = []
    for row in cursor:
        r = dict(zip(names, row))
        try:
            published = date.fromisoformat(r["s_published"]) if r["s_published"] else None
        except ValueError:
            published = None
        out.append(_Cand(_Stored(**{k: r.get(k) for k in _CLAIM_FIELDS}), published, r["s_kind"], r["s_outlet"],
                         r["s_url"], r["s_path"]))
    return out


def _fts_phrase(words: list[str]) -> str:
    return " AND ".join('"' + w.replace('"', "") + '"' for w in words)


def _name_terms(sentence: str, parsed: list[Claim]) -> list[str]:
    """The names to look sources up by: the parsed parties first, then capitalised names in the sentence."""
    names = []
    for c in parsed:
        for n in (c.subject, c.object, c.speaker):
            if n:
                names.append(n)
    names.extend(sorted(entities(sentence)))
    seen, out = set(), []
    for n in names:
        key = name_key(n)
        if key and key not in seen:
            seen.add(key)
            out.append(key)
    return out


def _unit_filter(unit: str) -> tuple[str, list]:
    if unit in ("W", "Wh", "%", "pp") or (len(unit) == 3 and unit.isupper()):
        return "c.unit = ?", [unit]
    return "c.unit like ?", [f"%{unit[:max(3, len(unit) - 1)]}%"]


def numeric_candidates(db: sqlite_utils.Database, sentence: str, parsed: Claim, names: list[str]) -> list[_Cand]:
    """Stored figures in the same unit whose subject or object starts with one of ``names`` (an indexed, case-blind
    prefix match), plus those whose sentence names them all (full-text search), for claims with no subject."""
    unit = unit_key(parsed.unit)
    if unit is None or not names:
        return []
    unit_sql, unit_params = _unit_filter(unit)
    found: dict[str, _Cand] = {}
    subject = name_key(parsed.subject) if parsed.subject else None
    if subject:
        # The figure's own subject: claims about it (any wording of the name), and below, claims with no subject
        # whose sentence names it together with the other party.
        lookups = [("c.subject like ?", [subject + "%"])]
        phrase = [subject] + [n for n in names if n != subject][:1]
    else:
        lookups = [("(c.subject like ? or c.object like ?)", [n + "%", n + "%"]) for n in names[:4]]
        phrase = names[:2]
    for where, params in lookups:
        for cand in _rows(db, f"where c.kind = 'numeric' and {unit_sql} and {where}", unit_params + params):
            found.setdefault(cand.claim.id, cand)
    try:
        rows = db.execute("select rowid from claims_fts where claims_fts match ? limit ?",
                          [_fts_phrase(phrase), CANDIDATE_LIMIT]).fetchall()
    except sqlite3.OperationalError:
        rows = []
    if rows:
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        for cand in _rows(db, f"where c.rowid in ({marks}) and c.kind = 'numeric' and {unit_sql}",
                          ids + unit_params):
            found.setdefault(cand.claim.id, cand)
    return list(found.values())


def quote_candidates(db: sqlite_utils.Database, words: str) -> list[_Cand]:
    """Stored quotes holding a run of four of these words (full-text phrase search on the quote column)."""
    tokens = norm_text(words).split()
    grams = [" ".join(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
    grams = [g for g in grams if sum(1 for w in g.split() if w not in _STOP) >= 2]
    if not grams:
        return []
    step = max(1, len(grams) // 12)
    query = "quote : (" + " OR ".join(f'"{g}"' for g in grams[::step]) + ")"
    try:
        rows = db.execute("select rowid from claims_fts where claims_fts match ? limit 200", [query]).fetchall()
    except sqlite3.OperationalError:
        return []
    if not rows:
        return []
    ids = [r[0] for r in rows]
    return _rows(db, f"where c.rowid in ({','.join('?' * len(ids))}) and c.kind = 'quote'", ids)


# --- matching --------------------------------------------------------------------------------------------------------


def _implied_subject(p: Claim) -> Claim:
    """A query is usually "Who does what": with no subject from the extractor, the one name before the figure."""
    if p.subject:
        return p
    s = p.start - p.sentence_start
    before = sorted(entities(p.sentence[:max(s, 0)]))
    return p.model_copy(update={"subject": before[0]}) if len(before) == 1 else p


@dataclass
class _Query:
    """What the sentence's figure is about, worked out once and set against every candidate."""

    claim: Claim
    names: NameIndex
    unit: Optional[str] = None
    per: Optional[tuple] = None
    modifiers: frozenset = frozenset()
    parties: Optional[tuple] = None
    named: frozenset = frozenset()
    metric: Optional[str] = None
    strong: bool = False
    obj: Optional[tuple] = None

    @classmethod
    def of(cls, p: Claim, names: NameIndex) -> "_Query":
        q = cls(claim=p, names=names, unit=unit_key(p.unit), per=rate_per(p), modifiers=unit_modifiers(p.unit),
                parties=claim_parties(p, names))
        q.named = frozenset(k for e in entities(p.sentence) for k in (names.canon(e) or ()))
        q.metric, q.strong = metric_key(p)
        q.obj = names.canon(p.object) if p.object and not is_description(p.object, p.sentence) else None
        return q


def _same_thing(q: _Query, c: Claim) -> bool:
    """Whether a stored numeric claim speaks about what the sentence's figure speaks about (cheap tests first)."""
    if c.unit == "date" or "vague" in (c.rule or "") or unit_key(c.unit) != q.unit or rate_per(c) != q.per:
        return False
    cm_ = unit_modifiers(c.unit)
    if q.modifiers and cm_ and not (q.modifiers <= cm_ or cm_ <= q.modifiers):
        return False  # "business customers" are not "enterprise customers"
    names = q.names
    cp = claim_parties(c, names)
    if q.parties and cp:
        if set(q.parties) != set(cp):
            return False
    else:
        c_named = {k for e in entities(c.sentence) for k in (names.canon(e) or ())}
        if q.parties:
            if not set(q.parties) <= c_named:
                return False
        elif cp:
            if not set(cp) <= q.named:
                return False
        elif not (q.named & c_named):
            return False
    cm, c_strong = metric_key(c)
    if q.strong and c_strong and q.metric != cm:
        return False
    if not (q.strong and c_strong) and not (q.parties and cp):
        return False  # with a metric unknown, the parties must be known on both sides
    co = names.canon(c.object) if c.object and not is_description(c.object, c.sentence) else None
    return not (q.obj and co and set(q.obj) != set(co))


def _evidence(cand: _Cand, relation: str, **extra) -> dict:
    c = cand.claim
    row = {"relation": relation, "claim_id": c.id, "source_id": c.source_id, "path": cand.path, "url": cand.url,
           "outlet": cand.outlet or c.source_id, "published": cand.published.isoformat() if cand.published else None,
           "kind": cand.kind, "start": c.start, "end": c.end, "text": c.text, "sentence": c.sentence,
           "confidence": c.confidence}
    row.update(extra)
    return row


def _latest_only(p: Claim, related: list[tuple[_Cand, str]]) -> tuple[list[tuple[_Cand, str]], list[_Cand]]:
    """Keep the figures of the latest period (plus undated ones); older ones are superseded history."""
    period, explicit, past = effective_period(p, None)
    dated = []
    for cand, rel in related:
        cp, c_explicit, c_past = effective_period(cand.claim, cand.published, owns_time(cand.claim))
        if explicit and cp and not near(period, cp):
            continue  # another period than the one the sentence names
        dated.append((cand, rel, cp, c_past))
    if explicit or past:
        return [(c, r) for c, r, _, _ in dated], []
    latest = max((cp[1] for _, _, cp, c_past in dated if cp and not c_past), default=None)
    kept, old = [], []
    for cand, rel, cp, c_past in dated:
        if c_past or (latest and cp and not near(cp, (latest, latest))):
            old.append(cand)
        else:
            kept.append((cand, rel))
    return kept, old


def _weigh(related: list[tuple[_Cand, str]]) -> tuple[float, float, dict[str, set], dict[str, list[_Cand]]]:
    origin = find_origins([c.claim for c, _ in related])
    best: dict[tuple[str, str], float] = {}
    by_rel: dict[str, list[_Cand]] = defaultdict(list)
    for cand, rel in related:
        key = (rel, origin.get(cand.claim.id, cand.claim.source_id))
        best[key] = max(best.get(key, 0.0), cand.claim.confidence or 0.0)
        by_rel[rel].append(cand)
    s = sum(v for (rel, _), v in best.items() if rel == "supports")
    r = sum(v for (rel, _), v in best.items() if rel == "refutes")
    origins_of = {rel: {o for (x, o) in best if x == rel} for rel in ("supports", "refutes")}
    return s, r, origins_of, by_rel


def _label(s: float, r: float) -> str:
    if s == 0 and r == 0:
        return NEI
    if r == 0 or s >= DOMINANCE * r:
        return SUPPORTED
    if s == 0 or r >= DOMINANCE * s:
        return REFUTED
    return CONFLICTING


def _outlets(cands: list[_Cand], limit: int = 3) -> str:
    names = list(dict.fromkeys(c.outlet or c.claim.source_id for c in
                               sorted(cands, key=lambda c: (KIND_RANK.get(c.kind, 3), c.claim.source_id))))
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _best(cands: list[_Cand]) -> _Cand:
    return min(cands, key=lambda c: (KIND_RANK.get(c.kind, 3), -(c.claim.confidence or 0), c.claim.source_id))


def _confidence(label: str, s: float, r: float, n: int) -> float:
    if label == NEI:
        return 0.0
    share = max(s, r) / (s + r) if label != CONFLICTING else min(s, r) / max(s, r)
    strength = min(1.0, 0.55 + 0.15 * n)
    return round(max(0.05, min(0.99, share * strength)), 2)


# --- the answers -----------------------------------------------------------------------------------------------------


def _check_figure(db, sentence: str, p: Claim, names_list: list[str]) -> Optional[tuple[str, float, str, list]]:
    p = _implied_subject(p)
    names = NameIndex([n for n in (p.subject, p.object) if n])
    pi = interval(p)
    if pi is None:
        return None
    query = _Query.of(p, names)
    related = []
    for cand in numeric_candidates(db, sentence, p, names_list):
        if not _same_thing(query, cand.claim):
            continue
        ci = interval(cand.claim)
        if ci is None:
            continue
        related.append((cand, "supports" if pi.intersects(ci) else "refutes"))
    related, superseded = _latest_only(p, related)
    if not related:
        return None
    s, r, origins_of, by_rel = _weigh(related)
    label = _label(s, r)
    sup, ref = by_rel.get("supports", []), by_rel.get("refutes", [])
    parts = []
    for group, rel in ((sup, "supports"), (ref, "refutes")):
        if group:
            n = len(origins_of[rel])
            verb = "gives" if len({c.claim.source_id for c in group}) == 1 else "give"
            parts.append(f"{_outlets(group)} ({n} independent origin{'s' if n != 1 else ''}) {verb} "
                         f"{figure_text(_best(group).claim)}")
    what = figure_text(p)
    lead = {SUPPORTED: f"{what} is borne out", REFUTED: f"{what} is contradicted",
            CONFLICTING: f"The sources disagree on {what}"}[label]
    explanation = lead[0].upper() + lead[1:] + ": " + "; ".join(parts) + "."
    if superseded:
        explanation += (f" Earlier figures ({_outlets(superseded)}) are superseded and not weighed.")
    n = len(origins_of["supports" if label != REFUTED else "refutes"])
    evidence = [_evidence(c, rel) for c, rel in sorted(related, key=lambda x: (x[1] != "supports",
                                                                                 KIND_RANK.get(x[0].kind, 3),
                                                                                 x[0].claim.source_id))]
    evidence += [_evidence(c, "supports" if pi.intersects(interval(c.claim)) else "refutes", superseded=True)
                 for c in superseded]
    return label, _confidence(label, s, r, n), explanation, evidence


def shared_run(a: str, b: str) -> list[str]:
    """The longest run of words two texts share (normalised), e.g. a stored quote inside an unquoted sentence."""
    wa, wb = norm_text(a).split(), norm_text(b).split()
    m = SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match(0, len(wa), 0, len(wb))
    return wa[m.a:m.a + m.size]


def words_match(stored: str, words: str) -> bool:
    """A stored quote and the sentence's words are the same words: near-identical, or sharing a run of at least
    four words with two that carry meaning ("a dream come true")."""
    if same_quote(stored, words):
        return True
    run = shared_run(stored, words)
    return len(run) >= 4 and sum(1 for w in run if w not in _STOP) >= 2


def _speakers_in(sentence: str, cands: list[_Cand], words: str) -> set[str]:
    """Names in the sentence outside the quoted words: who the sentence says spoke."""
    run = max((shared_run(c.claim.quote, words) for c in cands), key=len, default=[])
    named = entities(sentence)
    return {n for n in named if not set(n.split()) <= set(run)}


def _speaks_for(name: str, claim: Claim) -> bool:
    """The sentence's name is the stored quote's speaker, or the organisation in the speaker's role."""
    if same_person(name, claim.speaker):
        return True
    role = name_key(claim.speaker_role) or ""
    return bool(role) and re.search(r"\b" + re.escape(name) + r"\b", role) is not None


def _check_quote(db, sentence: str, words: str, speaker: Optional[str]) -> Optional[tuple[str, float, str, list]]:
    """Who said ``words`` according to the sources, against the sentence's ``speaker`` (or the names around it)."""
    cands = [c for c in quote_candidates(db, words) if c.claim.quote and words_match(c.claim.quote, words)]
    if not cands:
        return None
    named = {name_key(speaker) or speaker} if speaker else _speakers_in(sentence, cands, words)
    related = []
    for cand in cands:
        if not cand.claim.speaker:
            continue
        if not named:
            related.append((cand, "supports"))
        elif any(_speaks_for(n, cand.claim) for n in named):
            related.append((cand, "supports"))
        else:
            related.append((cand, "refutes"))
    if not related:
        return None
    s, r, origins_of, by_rel = _weigh(related)
    label = _label(s, r)
    sup, ref = by_rel.get("supports", []), by_rel.get("refutes", [])
    quoted = min((c.claim.quote for c in cands), key=len).strip(" ,.")
    parts = []
    for group, rel in ((sup, "supports"), (ref, "refutes")):
        by_speaker: dict[str, list[_Cand]] = defaultdict(list)
        for c in group:
            by_speaker[c.claim.speaker].append(c)
        for name, cs in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
            verb = "gives" if len({c.claim.source_id for c in cs}) == 1 else "give"
            parts.append(f"{_outlets(cs)} {verb} them to {name}")
    who = " or ".join(sorted(n.title() for n in named)) if named else "anyone"
    lead = {SUPPORTED: f"The words “{quoted}” are attributed to {who} in the sources",
            REFUTED: f"The words “{quoted}” are not {who}'s according to the sources",
            CONFLICTING: f"The sources disagree on who said “{quoted}”"}[label]
    explanation = lead + ": " + "; ".join(parts) + "."
    n = len(origins_of["supports" if label != REFUTED else "refutes"])
    evidence = [_evidence(c, rel, speaker=c.claim.speaker) for c, rel in
                sorted(related, key=lambda x: (x[1] != "supports", KIND_RANK.get(x[0].kind, 3), x[0].claim.source_id))]
    return label, _confidence(label, s, r, n), explanation, evidence


def verify(sentence: str, db: sqlite_utils.Database) -> Verdict:
    """Check one sentence against the claim database."""
    from .extract import extract_text

    sentence = " ".join(sentence.split())
    if not sentence:
        return Verdict(sentence, NEI, 0.0, "Nothing to check: the sentence is empty.")
    parsed = [c for c in extract_text(sentence, source_id="query") if c.unit != "date"]
    figures = [c for c in parsed if c.kind == "numeric" and interval(c) is not None]
    rates = {rate_per(c) for c in figures} - {None}
    figures = [c for c in figures if (c.unit, c.value) not in rates]  # "one gigawatt" in "one gigawatt costs $X"
    quotes = [c for c in parsed if c.kind == "quote" and c.quote]
    names = _name_terms(sentence, parsed)
    answers = []
    for p in figures:
        answers.append((p.text, _check_figure(db, sentence, p, names)))
    for q in quotes:
        answers.append((q.quote, _check_quote(db, sentence, q.quote, q.speaker)))
    if not quotes and (not figures or _CUE.search(sentence)) and len(norm_text(sentence).split()) >= 4:
        answer = _check_quote(db, sentence, sentence, None)
        if answer is not None:
            answers.append(("the quoted words", answer))
    checked = [(what, a) for what, a in answers if a is not None]
    if not answers:
        return Verdict(sentence, NEI, 0.0, "No checkable figure or quote found in the sentence.")
    if not checked:
        what = ", ".join(f"“{w}”" for w, _ in answers)
        return Verdict(sentence, NEI, 0.0, f"No source in the database speaks about {what}.")
    order = [REFUTED, CONFLICTING, SUPPORTED]
    label = min((a[0] for _, a in checked), key=order.index)
    main = [a for _, a in checked if a[0] == label]
    explanation = " ".join(a[2] for _, a in checked)
    unchecked = [w for w, a in answers if a is None]
    if unchecked:
        explanation += " Not found in any source: " + ", ".join(f"“{w}”" for w in unchecked) + "."
    confidence = min(a[1] for a in main)
    evidence = [e for _, a in checked for e in a[3]]
    return Verdict(sentence, label, confidence, explanation, evidence)
