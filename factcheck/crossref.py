"""Cross-referencing: set every claim against the other sources and say, with a flag, where they disagree.

The rules, in the order they run (each documented where it lives):

1. **Grouping** (:mod:`factcheck.matching`). Numeric claims are blocked by unit and denominator (GW never meets GWh,
   a per-GW rate never meets a total, dollars never meet euros, people never meet customers), then grouped by the
   parties they are about (names canonicalised with rapidfuzz) and by metric. A claim the extractor gave no subject
   joins a group only when its sentence names that group's parties; a weak or missing metric joins the one metric
   its parties have. Blocking keeps the cost close to linear in the number of claims.
2. **Time** (:mod:`factcheck.timing`). Inside a group, figures are compared only within one time slice; figures for
   different periods are a timeline, and a figure the sentence marks as earlier is history. A source that gives two
   figures for one thing is telling a timeline; only its current one is compared.
3. **Values** (:mod:`factcheck.intervals`). Figures are intervals with their qualifiers and a documented tolerance;
   two versions of a figure from different origins are a ``value_mismatch``.
4. **Parties**. Two figures swapped between two parties is one ``swapped_parties`` flag naming both.
5. **Arithmetic**. Parts against a stated total, and a growth rate against the two values it joins: a failed check
   is an ``arithmetic`` flag, a passed one an ``arithmetic_check`` (severity ``info``) so the check is visible.
6. **Quotes**. The same or nearly the same words (rapidfuzz) given to different speakers: ``quote_misattribution``.
7. **Dates** (:mod:`factcheck.events`). A different date for the same event: ``date_mismatch``.
8. **Units**. The same figure for the same thing in a confusable unit (W and Wh, % and points, a rate and a
   total): ``unit_mismatch``.
9. **Independence** (:mod:`factcheck.origins`). Copies of one text count as one origin when claims are counted
   as corroborated or as the majority; a disagreement needs two sources (a copy whose figure was changed is one).
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Optional

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from . import events as events_mod
from .intervals import Interval, all_agree, clusters, interval
from .matching import (CONFUSABLE_UNITS, NameIndex, attributed_to, entities, is_description, metric_key,
                       label_metric, name_key, norm_text, rate_per, same_person, span_in_sentence, unit_key,
                       unit_modifiers)
from .models import Claim, Document
from .origins import origins as find_origins
from .timing import effective_period, is_forecast, near, owns_time, slice_gap

SEVERITIES = ("info", "low", "medium", "high")
PROBLEM_SEVERITIES = ("low", "medium", "high")
KIND_RANK = {"primary": 0, "report": 1, "aggregator": 2, None: 3}
QUOTE_RATIO = 90
MIN_QUOTE_WORDS = 4
MAX_SPEAKERS = 4
_TOTAL_MARKER = re.compile(r"\b(?:combined|in total|a total of|total(?:ling|ing)?|together|altogether|jointly|"
                           r"collectively|in all|between them)\b", re.I)


class Flag(BaseModel):
    """One disagreement (or one visible passed check) between claims, with each side's evidence."""

    id: str
    kind: str
    claim_ids: list[str]
    explanation: str
    severity: str = Field(description="info (a passed check), low, medium or high")
    evidence: list[dict] = Field(default_factory=list)


@dataclass
class Result:
    """What cross-referencing found: the flags, and per claim its origin, who agrees and who disputes it."""

    flags: list[Flag]
    origins: dict[str, str]
    support: dict[str, set[str]] = field(default_factory=dict)
    disputes: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    minority: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Item:
    claim: Claim
    unit: str
    per: Optional[tuple[str, float]]
    metric: Optional[str]
    strong: bool
    parties: Optional[tuple[str, ...]]
    obj: Optional[tuple[str, ...]]
    iv: Interval
    period: Optional[tuple[date, date]]
    explicit: bool
    past: bool
    origin: str
    kind: Optional[str]
    label: Optional[str] = None  # the extractor's metric, used when the parties have no metric of their own

    @property
    def id(self) -> str:
        return self.claim.id


def flag_id(kind: str, keys: Iterable[str]) -> str:
    """Stable id: the same disagreement between the same claims gives the same id on every build."""
    digest = hashlib.sha1((kind + "\x1f" + "\x1f".join(sorted(keys))).encode("utf-8")).hexdigest()
    return f"f_{digest[:16]}"


# --- preparing numeric claims --------------------------------------------------------------------------------------


def claim_parties(claim: Claim, names: NameIndex) -> Optional[tuple[str, ...]]:
    """The claim's parties, after dropping a subject that is the reporting outlet, a unit, or a description, and
    widening a single name to "X and Y" when the sentence says the figure is their combined total."""
    subject = claim.subject
    if subject and claim.attribution and name_key(subject) and name_key(subject) in (name_key(claim.attribution) or ""):
        subject = None
    if subject and (is_description(subject, claim.sentence) or attributed_to(subject, claim.sentence)):
        subject = None
    s, _ = span_in_sentence(claim)
    before = claim.sentence[max(0, s - 40):s]
    if _TOTAL_MARKER.search(before) or _TOTAL_MARKER.search(claim.sentence[s:s + len(claim.text) + 25]):
        for m in re.finditer(r"([A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*)*)\s+(?:and|&)\s+([A-Z][\w.&'’\-]*"
                             r"(?:\s+[A-Z][\w.&'’\-]*)*)", claim.sentence[:s]):
            pair = names.canon(f"{m.group(1)} and {m.group(2)}")
            if pair and len(pair) >= 2 and (not subject or set(names.canon(subject) or ()) <= set(pair)):
                subject = f"{m.group(1)} and {m.group(2)}"
    return names.canon(subject)


def _object(claim: Claim, names: NameIndex) -> Optional[tuple[str, ...]]:
    if not claim.object or is_description(claim.object, claim.sentence) or attributed_to(claim.object,
                                                                                           claim.sentence):
        return None
    return names.canon(claim.object)


def _prepare(claims: list[Claim], docs: Mapping[str, Document], names: NameIndex) -> list[_Item]:
    """The numeric claims that can be compared, as items; each item's ``origin`` is filled in by the caller."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.source_id, c.sentence_start)].append(c)
    items = []
    for c in claims:
        if c.kind != "numeric" or c.unit in (None, "date") or "vague" in (c.rule or ""):
            continue
        iv = interval(c)
        unit = unit_key(c.unit)
        if iv is None or unit is None:
            continue
        doc = docs.get(c.source_id)
        published = doc.published if doc else None
        siblings = by_sentence[(c.source_id, c.sentence_start)]
        period, explicit, past = effective_period(c, published, owns_time(c, siblings))
        metric, strong = metric_key(c, fallback=False)
        if metric and is_forecast(c):
            metric += " forecast"
        items.append(_Item(
            claim=c, unit=unit, per=rate_per(c),
            metric=metric, strong=strong, parties=claim_parties(c, names), obj=_object(c, names), iv=iv, period=period,
            explicit=explicit, past=past, origin=c.source_id, kind=doc.kind if doc else None))
    # A figure with no metric word of its own ("while B has committed $5 billion") shares the metric of the other
    # figures of its unit in the sentence, when they agree on one (else it takes the extractor's label). A stated
    # total after its parts ("A $6m and B $3m, a combined $9m") belongs to the parties of those parts.
    by_sentence_items: dict[tuple[str, int], list[_Item]] = defaultdict(list)
    for it in items:
        by_sentence_items[(it.claim.source_id, it.claim.sentence_start)].append(it)
    for its in by_sentence_items.values():
        for it in its:
            s, e = span_in_sentence(it.claim)
            if _TOTAL_MARKER.search(it.claim.sentence[max(0, s - 30):e + 20]):
                parts = [o for o in its if o is not it and o.unit == it.unit and o.per == it.per and o.parties
                         and len(o.parties) == 1 and o.claim.start < it.claim.start]
                names = {o.parties[0] for o in parts}
                if len(names) >= 2:
                    it.parties = tuple(sorted(names))
        for it in its:
            if not it.strong and label_metric(it.claim):
                it.label = label_metric(it.claim) + (" forecast" if is_forecast(it.claim) else "")
        for it in its:
            if not it.strong:
                same_unit = [o for o in its if o is not it and o.unit == it.unit and o.per == it.per]
                metrics = {o.metric for o in same_unit if o.strong}
                labels = {o.label for o in same_unit if not o.strong and o.label}
                if len(metrics) == 1:
                    it.metric, it.strong = metrics.pop(), True
                elif not metrics and not it.label and len(labels) == 1:
                    it.label = labels.pop()
    return items


def _partitions(items: list[_Item], names: NameIndex) -> dict[tuple, list[_Item]]:
    """(unit, per, parties, metric, object) -> items; claims with a missing field join where it is unambiguous."""
    blocks: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        blocks[(it.unit, it.per)].append(it)
    result: dict[tuple, list[_Item]] = {}
    for (unit, per), block in blocks.items():
        known = [it for it in block if it.parties]
        unknown = [it for it in block if not it.parties]
        by_parties: dict[tuple, list[_Item]] = defaultdict(list)
        for it in known:
            by_parties[it.parties].append(it)
        # Index: metric -> party name -> the party keys holding that name (so a join costs what its sentence names).
        holders: dict[Optional[str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
        for parties, its in by_parties.items():
            for metric in {x.metric for x in its}:
                for name in parties:
                    holders[metric][name].add(parties)
        for it in unknown:
            if not it.strong:
                continue
            if it.metric not in holders:
                by_parties[()].append(it)
                continue
            named = {k for e in entities(it.claim.sentence) for k in (names.canon(e) or ())}
            fits = {p for name in named for p in holders[it.metric].get(name, ()) if set(p) <= named}
            if len(fits) == 1:
                by_parties[fits.pop()].append(it)
        for parties, its in by_parties.items():
            # A figure with no metric joins the one metric these parties have with the same other party (with any,
            # when it names none), or failing that takes the extractor's label.
            by_metric: dict[Optional[str], list[_Item]] = defaultdict(list)
            metrics_by_object: dict[Optional[tuple], set] = defaultdict(set)
            for it in its:
                if it.strong and it.metric:
                    by_metric[it.metric].append(it)
                    metrics_by_object[it.obj].add(it.metric)
                    metrics_by_object[None].add(it.metric)
            for it in its:
                if not (it.strong and it.metric):
                    options = metrics_by_object.get(it.obj, set())
                    home = next(iter(options)) if len(options) == 1 else None
                    if home or it.label:
                        by_metric[home or it.label].append(it)
            for metric, mits in by_metric.items():
                # A claim with no object joins the object most origins name (none on a tie).
                home = _majority(Counter(o for o, _ in {(it.obj, it.origin) for it in mits if it.obj}))
                by_object: dict[Optional[tuple], list[_Item]] = defaultdict(list)
                for it in mits:
                    by_object[it.obj or home].append(it)
                for obj, oits in by_object.items():
                    for kind, kits in _by_modifiers(oits).items():
                        key = (unit, per, parties, metric, obj) + ((kind,) if kind else ())
                        result[key] = kits
    return result


def _by_modifiers(items: list[_Item]) -> dict[Optional[str], list[_Item]]:
    """Counts of differently qualified nouns are apart ("business customers", "enterprise customers"); nested
    qualifiers are one ("business and enterprise customers" with "business customers"), and a bare noun joins
    the one qualified kind there is."""
    mods = {it.id: unit_modifiers(it.claim.unit) for it in items}
    kinds: list[set] = []
    for m in sorted({m for m in mods.values() if m}, key=lambda m: (-len(m), sorted(m))):
        for k in kinds:
            if any(m <= other or other <= m for other in k):
                k.add(m)
                break
        else:
            kinds.append({m})
    if len(kinds) <= 1:
        return {None: items}
    out: dict[Optional[str], list[_Item]] = defaultdict(list)
    for it in items:
        m = mods[it.id]
        home = next((k for k in kinds if m in k), None)
        out[" ".join(sorted(max(home, key=len))) if home else "unqualified"].append(it)
    return out


def _majority(weight: Counter):
    ranked = weight.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


# --- time slices ---------------------------------------------------------------------------------------------------


def _own_timelines(items: list[_Item]) -> None:
    """A source with two disagreeing figures for one thing tells a change: all but its current figure are history.
    The current one is the figure not marked as earlier, and of those the last one written."""
    by_source: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_source[it.claim.source_id].append(it)
    for its in by_source.values():
        if len(its) < 2 or all_agree(it.iv for it in its):
            continue
        current = [it for it in its if not it.past] or its
        keep = max(current, key=lambda it: (it.period[1] if it.explicit and it.period else date.min, it.claim.start))
        for it in its:
            if it is not keep and not it.iv.intersects(keep.iv):
                it.past = True


def _slices(items: list[_Item], gap: int) -> list[list[_Item]]:
    """Time slices of comparable figures; an undated figure joins the latest slice it agrees with (else the latest)."""
    live = [it for it in items if not it.past]
    dated = sorted((it for it in live if it.period), key=lambda it: (it.period[0], it.period[1], it.id))
    undated = [it for it in live if not it.period]
    slices: list[list[_Item]] = []
    anchor: Optional[_Item] = None
    for it in dated:
        # A slice is anchored at its first figure's period: figures reported every few weeks do not chain into
        # one long slice. Two periods the sentences name ("by 2027", "by 2028") must overlap.
        days = 0 if anchor is not None and anchor.explicit and it.explicit else gap
        if anchor is not None and near(anchor.period, it.period, days):
            slices[-1].append(it)
        else:
            slices.append([it])
            anchor = it
    if not slices:
        return [undated] if undated else []
    for it in undated:
        home = next((s for s in reversed(slices) if any(x.iv.intersects(it.iv) for x in s)), slices[-1])
        home.append(it)
    return slices


# --- evidence and wording --------------------------------------------------------------------------------------------


class _Writer:
    """Evidence rows and readable names for flags."""

    def __init__(self, docs: Mapping[str, Document], names: Optional[NameIndex] = None):
        self.docs = docs
        self.names = names or NameIndex()
        self._context: dict[tuple[str, int], set[str]] = {}

    def show(self, parties: Optional[tuple[str, ...]]) -> str:
        return self.names.show(parties) if parties else "the same thing"

    def context(self, claim: Claim) -> set[str]:
        """Names that place a claim in its story: in its sentence and in its source's title."""
        doc = self.docs.get(claim.source_id)
        key = (claim.source_id, claim.sentence_start)
        if key not in self._context:
            self._context[key] = entities(claim.sentence) | entities(doc.title or "" if doc else "")
        return self._context[key]

    def outlet(self, source_id: str) -> str:
        doc = self.docs.get(source_id)
        return (doc.outlet or doc.title or source_id) if doc else source_id

    def evidence(self, claim: Claim, side: str, relation: Optional[str] = None) -> dict:
        doc = self.docs.get(claim.source_id)
        row = {
            "side": side, "claim_id": claim.id, "source_id": claim.source_id,
            "path": doc.path if doc else None, "url": doc.url if doc else None,
            "outlet": self.outlet(claim.source_id),
            "published": doc.published.isoformat() if doc and doc.published else None,
            "kind": doc.kind if doc else None,
            "start": claim.start, "end": claim.end, "text": claim.text, "sentence": claim.sentence,
        }
        if relation:
            row["relation"] = relation
        return row

    def outlets(self, claims: Iterable[Claim], limit: int = 4) -> str:
        names = list(dict.fromkeys(self.outlet(c.source_id) for c in claims))
        more = f" and {len(names) - limit} more" if len(names) > limit else ""
        return ", ".join(names[:limit]) + more

    def rank(self, claim: Claim) -> tuple:
        doc = self.docs.get(claim.source_id)
        return (KIND_RANK.get(doc.kind if doc else None, 3), claim.source_id, claim.start)


def figure_text(claim: Claim) -> str:
    """A figure as people read it, with its qualifier ("up to $10 billion"); a quote in quotation marks."""
    if claim.kind == "numeric" and claim.unit and claim.unit != "date":
        from .render import describe_figure

        try:
            return describe_figure(claim)
        except (TypeError, ValueError):
            pass
    words = claim.text.strip('“”"')
    return f"“{words}”"


_figure = figure_text


def _origins_phrase(n: int) -> str:
    return f"{n} independent origin{'s' if n != 1 else ''}"


def _severity(gap: float) -> str:
    return "low" if gap < 0.1 else "medium" if gap < 0.5 else "high"


# --- the checks ----------------------------------------------------------------------------------------------------


def _consensus(its: list[_Item], writer: _Writer) -> list[_Item]:
    """The version of a figure held by the most independent origins (ties: the one with a primary source)."""
    runs = clusters([(it.iv, it) for it in its])
    return min(runs, key=lambda run: (-len({it.origin for it in run}), min(writer.rank(it.claim) for it in run)))


def _outvoted(x: _Item, consensus: list[_Item], others: list[_Item]) -> bool:
    """x disagrees with the consensus, and the consensus has more independent origins than x's own version."""
    if any(x.iv.intersects(c.iv) for c in consensus):
        return False
    backing = {o.origin for o in others if o.iv.intersects(x.iv)} | {x.origin}
    return len({c.origin for c in consensus} - backing) > len(backing - {x.origin})


def _swaps(parts: dict[tuple, list[_Item]], writer: _Writer, explained: set[str],
           result: Result) -> list[Flag]:
    """Two parties' figures exchanged in one source against the consensus of the others."""
    flags = []
    by_thing: dict[tuple, dict[tuple, list[_Item]]] = defaultdict(dict)
    for key, its in parts.items():
        unit, per, parties, metric, obj = key[:5]
        if parties and len(parties) == 1 and metric:
            by_thing[(unit, per, metric, obj) + key[5:]][parties] = [it for it in its if not it.past]
    for thing, per_party in by_thing.items():
        # Only parties that one source names together can have been swapped: pairs come from co-occurrence.
        in_source: dict[str, set] = defaultdict(set)
        for party, its in per_party.items():
            for it in its:
                in_source[it.claim.source_id].add(party)
        pairs = sorted({pair for parties in in_source.values() if len(parties) > 1
                        for pair in combinations(sorted(parties), 2)})
        for pa, pb in pairs:
            a_items, b_items = per_party[pa], per_party[pb]
            swapped: list[tuple[_Item, _Item]] = []
            sources = {sid for sid, parties in in_source.items() if pa in parties and pb in parties}
            for sid in sorted(sources):
                sa = [it for it in a_items if it.claim.source_id == sid]
                sb = [it for it in b_items if it.claim.source_id == sid]
                others_a = [it for it in a_items if it.claim.source_id != sid]
                others_b = [it for it in b_items if it.claim.source_id != sid]
                if not others_a or not others_b:
                    continue
                ca, cb = _consensus(others_a, writer), _consensus(others_b, writer)
                for x in sa:
                    for y in sb:
                        if (_outvoted(x, ca, others_a) and _outvoted(y, cb, others_b)
                                and any(x.iv.intersects(c.iv) for c in cb)
                                and any(y.iv.intersects(c.iv) for c in ca)):
                            swapped.append((x, y))
            if not swapped:
                continue
            bad = [it for pair in swapped for it in pair]
            bad_ids = {it.id for it in bad}
            rest_a = [it for it in a_items if it.id not in bad_ids]
            rest_b = [it for it in b_items if it.id not in bad_ids]
            if not rest_a or not rest_b:
                continue
            good_a, good_b = _consensus(rest_a, writer), _consensus(rest_b, writer)
            explained.update(bad_ids)
            name_a, name_b = writer.show(pa), writer.show(pb)
            x, y = swapped[0]
            n_good = len({it.origin for it in good_a + good_b})
            explanation = (
                f"{writer.outlets(it.claim for it in bad)} give{'s' if len({i.claim.source_id for i in bad}) == 1 else ''}"
                f" {name_a} {_figure(x.claim)} and {name_b} {_figure(y.claim)}, but "
                f"{writer.outlets(it.claim for it in good_a + good_b)} ({_origins_phrase(n_good)}) give {name_a} "
                f"{_figure(min(good_a, key=lambda i: writer.rank(i.claim)).claim)} and {name_b} "
                f"{_figure(min(good_b, key=lambda i: writer.rank(i.claim)).claim)}: the figures are swapped between "
                f"{name_a} and {name_b}.")
            evidence = [writer.evidence(it.claim, f"swapped: {name_a if it in [p[0] for p in swapped] else name_b}")
                        for it in bad]
            evidence += [writer.evidence(it.claim, f"consensus: {name_a}") for it in
                         sorted(good_a, key=lambda i: writer.rank(i.claim))[:3]]
            evidence += [writer.evidence(it.claim, f"consensus: {name_b}") for it in
                         sorted(good_b, key=lambda i: writer.rank(i.claim))[:3]]
            ids = [it.id for it in bad] + [it.id for it in good_a + good_b]
            n_bad = len({it.origin for it in bad})
            for it in bad:
                result.minority.add(it.id)
                result.disputes.setdefault(it.id, []).append(("swapped_parties", n_good))
            for it in good_a + good_b:
                result.disputes.setdefault(it.id, []).append(("swapped_parties", n_bad))
            flags.append(Flag(id=flag_id("swapped_parties", ids), kind="swapped_parties", claim_ids=ids,
                              explanation=explanation, severity="high", evidence=evidence))
    return flags


def _value_flags(key: tuple, its: list[_Item], writer: _Writer, explained: set[str],
                 result: Result) -> list[Flag]:
    flags = []
    unit, per, parties, metric, obj = key[:5]
    for sl in _slices(its, slice_gap(metric)):
        sl = [it for it in sl if it.id not in explained]
        if len(sl) < 2:
            continue
        runs = clusters([(it.iv, it) for it in sl])
        for run in runs:
            run_origins = {it.origin for it in run}
            for it in run:
                result.support.setdefault(it.id, set()).update(run_origins - {it.origin})
        if len(runs) < 2:
            continue
        # A disagreement needs two sources; a copy whose figure was changed is one (weights still count origins).
        source_sets = [{it.claim.source_id for it in run} for run in runs]
        if len(set().union(*source_sets)) < 2:
            continue
        ranked = sorted(runs, key=lambda run: (-len({it.origin for it in run}),
                                               min(writer.rank(it.claim) for it in run)))
        major = ranked[0]
        minor_runs = [r for r in ranked[1:] if {it.claim.source_id for it in r} - {it.claim.source_id for it in major}
                      and _same_story(major, r, writer)]
        if not minor_runs:
            continue
        gap = max(_run_interval(major).gap(_run_interval(r)) for r in minor_runs)
        what = _thing(writer, parties, metric, obj)
        sides = []
        for run in [major] + minor_runs:
            best = min(run, key=lambda it: writer.rank(it.claim))
            n = len({it.origin for it in run})
            sides.append(f"{_figure(best.claim)} in {writer.outlets(it.claim for it in run)}"
                         f" ({_origins_phrase(n)})")
        explanation = f"Sources disagree on {what}: " + " against ".join(sides) + "."
        evidence, ids = [], []
        tie = len({it.origin for it in major}) == max(len({it.origin for it in r}) for r in minor_runs)
        for i, run in enumerate([major] + minor_runs):
            label = f"version {i + 1}" if tie else "majority" if i == 0 else "minority"
            for it in sorted(run, key=lambda it: writer.rank(it.claim)):
                ids.append(it.id)
            evidence += [writer.evidence(it.claim, f"{label}: {it.claim.text}")
                         for it in sorted(run, key=lambda it: writer.rank(it.claim))[:3]]
        for run in minor_runs:
            if len({it.origin for it in run}) < len({it.origin for it in major}):
                result.minority.update(it.id for it in run)
        n_against = {id(run): len(set().union(*[{x.origin for x in r} for r in runs if r is not run]))
                     for run in runs}
        for run in runs:
            for it in run:
                result.disputes.setdefault(it.id, []).append(("value_mismatch", n_against[id(run)]))
        flags.append(Flag(id=flag_id("value_mismatch", ids), kind="value_mismatch", claim_ids=ids,
                          explanation=explanation, severity=_severity(gap), evidence=evidence))
    return flags


def _story(it: _Item, writer: _Writer) -> frozenset[str]:
    """The other names around a figure (its sentence and its source's title, less its own parties): two figures
    whose stories name different others are about different deals, not rival versions of one."""
    own = set(it.parties or ()) | set(it.obj or ())
    return frozenset(n for n in writer.context(it.claim) if n not in own and not any(n in o or o in n for o in own))


def _same_story(a: list[_Item], b: list[_Item], writer: _Writer, cap: int = 40) -> bool:
    for x in a[:cap]:
        sx = _story(x, writer)
        for y in b[:cap]:
            sy = _story(y, writer)
            if not sx or not sy or sx & sy:
                return True
    return False


def _run_interval(run: list[_Item]) -> Interval:
    lo = max(run, key=lambda it: it.iv.low).iv
    hi = min(run, key=lambda it: it.iv.high).iv
    return Interval(min(lo.low, hi.high), max(lo.low, hi.high))


def _thing(writer: _Writer, parties, metric, obj) -> str:
    what = metric or "the figure"
    text = f"{writer.show(parties)}'s {what}" if parties else what
    if obj:
        text += f" in {writer.show(obj)}"
    return text


def _arithmetic(parts: dict[tuple, list[_Item]], writer: _Writer) -> list[Flag]:
    """A stated total against its parts: in the same source, or (when no other origin states the total) against
    the parts most origins give."""
    flags = []
    singles: dict[tuple, dict[str, list[_Item]]] = defaultdict(lambda: defaultdict(list))
    totals: list[tuple[tuple, _Item]] = []
    total_origins: dict[tuple, set[str]] = defaultdict(set)
    for key, its in parts.items():
        unit, per, parties, metric, obj = key[:5]
        for it in its:
            if it.past:
                continue
            if parties and len(parties) == 1:
                singles[(unit, per, metric) + key[5:]][parties[0]].append(it)
            elif parties and len(parties) >= 2:
                totals.append(((unit, per, metric) + key[5:], it))
                total_origins[(unit, per, parties, metric) + key[5:]].add(it.origin)
    for thing, total in totals:
        members = singles.get(thing, {})
        if not all(p in members for p in total.parties):
            continue
        same = {p: [it for it in members[p] if it.claim.source_id == total.claim.source_id] for p in total.parties}
        if all(same.values()):
            chosen = {p: min(its, key=lambda it: abs(it.claim.start - total.claim.start)) for p, its in same.items()}
            where = "the same source"
        else:
            if len(total_origins[(thing[0], thing[1], total.parties, thing[2]) + thing[3:]] - {total.origin}) > 0:
                continue
            chosen = {}
            for p in total.parties:
                others = [it for it in members[p] if it.origin != total.origin]
                if not others:
                    break
                chosen[p] = min(_consensus(others, writer), key=lambda it: writer.rank(it.claim))
            if len(chosen) != len(total.parties):
                continue
            where = "other sources"
        summed = None
        for it in chosen.values():
            summed = it.iv if summed is None else summed + it.iv
        ok = summed.intersects(total.iv)
        names = {p: writer.show((p,)) for p in chosen}
        parts_text = " + ".join(f"{names[p]} {_figure(it.claim)}" for p, it in sorted(chosen.items()))
        if ok:
            explanation = (f"Parts add up: {parts_text} matches the stated total {_figure(total.claim)} "
                           f"({writer.outlet(total.claim.source_id)}; parts from {where}).")
        else:
            explanation = (f"Parts do not add up: {parts_text} (from {where}) is not the stated total "
                           f"{_figure(total.claim)} in {writer.outlet(total.claim.source_id)}.")
        ids = [total.id] + [it.id for _, it in sorted(chosen.items())]
        evidence = [writer.evidence(total.claim, "total")] + [
            writer.evidence(it.claim, f"part: {names[p]}") for p, it in sorted(chosen.items())]
        kind = "arithmetic_check" if ok else "arithmetic"
        severity = "info" if ok else _severity(max(summed.gap(total.iv), 0.1))
        flags.append(Flag(id=flag_id(kind, ids), kind=kind, claim_ids=ids, explanation=explanation,
                          severity=severity, evidence=evidence))
    return flags


_GROWTH = re.compile(r"\b(?:grow\w*|grew|rose|ris\w*|increas\w*|jump\w*|climb\w*|fell|fall\w*|drop\w*|declin\w*|"
                     r"doubl\w*|tripl\w*|soar\w*|surg\w*|up|down|gain\w*|slid|slump\w*|plung\w*|"
                     r"double|triple)\b", re.I)


def _growth(items: list[_Item], writer: _Writer) -> list[Flag]:
    """A growth rate or multiple against the two values it joins, in one sentence ("rose 40% from $5m to $7m")."""
    flags = []
    by_sentence: dict[tuple[str, int], list[_Item]] = defaultdict(list)
    for it in items:
        by_sentence[(it.claim.source_id, it.claim.sentence_start)].append(it)
    for its in by_sentence.values():
        rates = [it for it in its if it.unit in ("%", "times") and _GROWTH.search(it.claim.sentence)]
        for rate in rates:
            values = [it for it in its if it is not rate and it.unit not in ("%", "times", "pp")
                      and it.claim.value is not None and it.claim.low is None]
            units = Counter(it.unit for it in values)
            values = [it for it in values if units[it.unit] == 2]
            if len(values) != 2:
                continue
            old = [it for it in values if it.past]
            if len(old) != 1:
                continue
            old = old[0]
            new = next(it for it in values if it is not old)
            if not old.claim.value:
                continue
            if rate.unit == "times":
                expected = new.claim.value / old.claim.value
                shown = f"{new.claim.value / old.claim.value:.2f}x"
            else:
                expected = (new.claim.value - old.claim.value) / abs(old.claim.value) * 100
                shown = f"{expected:+.1f}%"
            rate_iv = rate.iv
            if rate.unit == "%" and expected < 0 < rate_iv.high and rate_iv.low >= 0:
                rate_iv = Interval(-rate_iv.high, -rate_iv.low)
            ok = rate_iv.intersects(Interval(expected, expected))
            ids = [rate.id, old.id, new.id]
            kind = "arithmetic_check" if ok else "arithmetic"
            verdict = "matches" if ok else "does not match"
            explanation = (f"Growth check: from {_figure(old.claim)} to {_figure(new.claim)} is {shown}, which "
                           f"{verdict} the stated {_figure(rate.claim)} ({writer.outlet(rate.claim.source_id)}).")
            evidence = [writer.evidence(rate.claim, "rate"), writer.evidence(old.claim, "from"),
                        writer.evidence(new.claim, "to")]
            gap = 0.0 if ok else abs(expected - (rate_iv.low + rate_iv.high) / 2) / max(abs(expected), 1e-9)
            flags.append(Flag(id=flag_id(kind, ids), kind=kind, claim_ids=ids, explanation=explanation,
                              severity="info" if ok else _severity(max(gap, 0.1)), evidence=evidence))
    return flags


def _unit_mismatches(items: list[_Item], writer: _Writer) -> list[Flag]:
    """The same figure for the same thing given in a confusable unit or as a rate in one place, a total in another."""
    family = {u: "|".join(sorted(group)) for group in CONFUSABLE_UNITS for u in group}
    keyed: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        if it.parties and it.strong and not it.past:
            keyed[(it.parties, it.metric, it.obj, family.get(it.unit, it.unit))].append(it)
    flags = []
    for its in keyed.values():
        kinds = {(it.unit, it.per) for it in its}
        if len(kinds) < 2:
            continue
        seen = set()
        for a, b in combinations(sorted(its, key=lambda it: writer.rank(it.claim)), 2):
            if (a.unit, a.per) == (b.unit, b.per) or a.origin == b.origin:
                continue
            pair = tuple(sorted(((a.unit, a.per), (b.unit, b.per)), key=str))
            if pair in seen or not a.iv.intersects(b.iv):
                continue
            seen.add(pair)
            ua = a.unit + (f" per {a.claim.per or ''}".rstrip() if a.per else "")
            ub = b.unit + (f" per {b.claim.per or ''}".rstrip() if b.per else "")
            explanation = (f"The same figure for {_thing(writer, a.parties, a.metric, a.obj)} is given in {ua} by "
                           f"{writer.outlet(a.claim.source_id)} ({_figure(a.claim)}) and in {ub} by "
                           f"{writer.outlet(b.claim.source_id)} ({_figure(b.claim)}): one of them has the unit wrong.")
            ids = [a.id, b.id]
            flags.append(Flag(id=flag_id("unit_mismatch", ids), kind="unit_mismatch", claim_ids=ids,
                              explanation=explanation, severity="medium",
                              evidence=[writer.evidence(a.claim, ua), writer.evidence(b.claim, ub)]))
    return flags


# --- quotes --------------------------------------------------------------------------------------------------------


def _speaker_groups(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by who spoke (one person under several spellings, or an organisation and its officer)."""
    voices: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        voices[(c.speaker, c.speaker_role)].append(c)
    groups: list[list[tuple]] = []
    for voice in sorted(voices, key=lambda v: (-len(v[0] or ""), v[0] or "", v[1] or "")):
        for g in groups:
            if any(_same_speaker(voices[voice][0], voices[o][0]) for o in g):
                g.append(voice)
                break
        else:
            groups.append([voice])
    return [[c for v in g for c in voices[v]] for g in groups]


def _same_speaker(a: Claim, b: Claim) -> bool:
    if same_person(a.speaker, b.speaker):
        return True
    # An organisation and a person speaking for it ("Microsoft said" / its chief executive) are one voice.
    for org, person in ((a, b), (b, a)):
        key = name_key(org.speaker)
        if key and person.speaker_role and key in (name_key(person.speaker_role) or ""):
            return True
    return False


def _one_story(speakers: list[list[Claim]], writer: "_Writer") -> bool:
    """Whether two speaker groups' sources name a party in common (besides the speakers); a side whose sources
    name nobody else cannot be placed and is not held against the flag."""
    said = {k for g in speakers for c in g for k in entities(c.speaker or "")}
    names = [set().union(*(writer.context(c) for c in g)) - said for g in speakers]
    return any(not names[i] or not names[j] or names[i] & names[j]
               for i in range(len(names)) for j in range(i + 1, len(names)))


def same_quote(a: str, b: str) -> bool:
    """The same or nearly the same words: the shorter (at least four words) almost verbatim in the longer."""
    na, nb = norm_text(a), norm_text(b)
    if min(na.count(" "), nb.count(" ")) + 1 < MIN_QUOTE_WORDS:
        return False
    ea, eb = entities(a), entities(b)
    if ea and eb and not (ea <= eb or eb <= ea):
        return False  # the same stock words about different names ("proud to partner with X")
    if min(len(na), len(nb)) < 0.8 * max(len(na), len(nb)):
        return fuzz.partial_ratio(na, nb) >= QUOTE_RATIO  # a partial quote inside a fuller one
    return fuzz.ratio(na, nb) >= QUOTE_RATIO


def _quote_flags(claims: list[Claim], origin: dict[str, str], writer: _Writer, result: Result) -> list[Flag]:
    quotes = [c for c in claims if c.kind == "quote" and c.quote and c.speaker]
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(quotes):
        words = norm_text(c.quote).split()
        for j in range(max(len(words) - 2, 1)):
            buckets[" ".join(words[j:j + 3])].append(i)
    parent = list(range(len(quotes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[int, int]] = set()
    for ids in buckets.values():
        if len(ids) > 200:
            continue
        for a, b in combinations(sorted(set(ids)), 2):
            if (a, b) in checked or find(a) == find(b):
                continue
            checked.add((a, b))
            if same_quote(quotes[a].quote, quotes[b].quote):
                parent[find(b)] = find(a)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(quotes):
        groups[find(i)].append(c)
    flags = []
    for members in groups.values():
        speakers = _speaker_groups(members)
        for g in speakers:
            g_origins = {origin.get(c.id, c.source_id) for c in g}
            for c in g:
                result.support.setdefault(c.id, set()).update(g_origins - {origin.get(c.id, c.source_id)})
        # Words many people say are a stock phrase, not a misattribution; and the sides must tell one story
        # (their sources name a party in common).
        if len(speakers) < 2 or len(speakers) > MAX_SPEAKERS:
            continue
        if not _one_story(speakers, writer):
            continue
        ranked = sorted(speakers, key=lambda g: (-len({origin.get(c.id, c.source_id) for c in g}),
                                                 min(writer.rank(c) for c in g)))
        shortest = min(members, key=lambda c: len(c.quote))
        sides, evidence, ids = [], [], []
        for i, g in enumerate(ranked):
            n = len({origin.get(c.id, c.source_id) for c in g})
            name = max((c.speaker for c in g), key=len)
            sides.append(f"to {name} by {writer.outlets(g)} ({_origins_phrase(n)})")
            for c in sorted(g, key=writer.rank):
                ids.append(c.id)
                if i > 0:
                    result.minority.add(c.id)
                others = len({origin.get(x.id, x.source_id) for h in ranked if h is not g for x in h})
                result.disputes.setdefault(c.id, []).append(("quote_misattribution", others))
            evidence += [writer.evidence(c, f"{name}") for c in sorted(g, key=writer.rank)[:3]]
        explanation = (f"The same words, “{shortest.quote.strip(' ,.')}”, are given " + " and ".join(sides) + ".")
        flags.append(Flag(id=flag_id("quote_misattribution", ids), kind="quote_misattribution", claim_ids=ids,
                          explanation=explanation, severity="high", evidence=evidence))
    return flags


# --- dates ---------------------------------------------------------------------------------------------------------


def _event_mentions(docs: Mapping[str, Document]) -> list[events_mod.EventDate]:
    """Every dated event mention of every source, in source order."""
    context: set[str] = set()
    for doc in docs.values():
        context |= entities(doc.body)
    mentions: list[events_mod.EventDate] = []
    for sid in sorted(docs):
        mentions.extend(events_mod.find_events(docs[sid], context))
    return mentions


def _date_flags(docs: Mapping[str, Document], mentions: list[events_mod.EventDate], claims: list[Claim],
                origin_of_source: dict[str, str], writer: _Writer) -> list[Flag]:
    if len(mentions) < 2:
        return []
    claims_at: dict[tuple[str, int], list[str]] = defaultdict(list)
    for c in claims:
        claims_at[(c.source_id, c.sentence_start)].append(c.id)
    # Blocking: a dated mention meets the mentions of the same event kind and name in its week and the week
    # before (the same event is at most a week apart); a weekday without a date, a year or a once-in-a-life event
    # meets every mention of its kind and name.
    buckets: dict[tuple, list[int]] = defaultdict(list)
    loose: dict[tuple, list[int]] = defaultdict(list)
    dated: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        week = m.day.toordinal() // 7 if m.day and m.event not in events_mod.ONCE else None
        for name in (m.names or {""}):
            if week is None:
                loose[(m.event, name)].append(i)
            else:
                buckets[(m.event, name, week)].append(i)
                dated[(m.event, name)].append(i)
    groups = [ids + buckets.get((event, name, week - 1), []) for (event, name, week), ids in buckets.items()]
    groups += [ids + dated.get(key, []) for key, ids in loose.items()]
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    conflicts: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for ids in groups:
        if len(ids) > 200:
            continue
        for a, b in combinations(sorted(set(ids)), 2):
            if (a, b) in seen or mentions[a].source_id == mentions[b].source_id:
                continue
            seen.add((a, b))
            verdict = events_mod.compatible(mentions[a], mentions[b])
            if verdict is None:
                continue
            parent[find(b)] = find(a)
            if verdict is False:
                conflicts.append((a, b))
    flags = []
    done: set[int] = set()
    members: dict[int, list[int]] = defaultdict(list)
    if conflicts:
        for i in range(len(mentions)):
            members[find(i)].append(i)
    for a, _ in conflicts:
        root = find(a)
        if root in done:
            continue
        done.add(root)
        group = members[root]
        versions: list[list[int]] = []
        for i in group:
            for v in versions:
                if all(events_mod.compatible(mentions[i], mentions[j]) is not False for j in v):
                    v.append(i)
                    break
            else:
                versions.append([i])
        if len(versions) < 2:
            continue
        origins_of = [{origin_of_source.get(mentions[i].source_id, mentions[i].source_id) for i in v}
                      for v in versions]
        if len(set().union(*origins_of)) < 2:
            continue
        order = sorted(range(len(versions)), key=lambda k: (-len(origins_of[k]), -sum(
            1 for i in versions[k] if mentions[i].precision == "day")))
        sides, evidence, ids, keys = [], [], [], []
        for k in order:
            v = versions[k]
            best = max((mentions[i] for i in v), key=lambda m: m.precision == "day")
            names = ", ".join(dict.fromkeys(writer.outlet(mentions[i].source_id) for i in v))
            sides.append(f"{best.label()} in {names}")
            for i in v:
                m = mentions[i]
                keys.append(f"{m.source_id}:{m.start}")
                ids.extend(claims_at.get((m.source_id, m.sentence_start), []))
                doc = docs.get(m.source_id)
                evidence.append({
                    "side": best.label(), "claim_id": None, "source_id": m.source_id,
                    "path": doc.path if doc else None, "url": doc.url if doc else None,
                    "outlet": writer.outlet(m.source_id),
                    "published": doc.published.isoformat() if doc and doc.published else None,
                    "kind": doc.kind if doc else None, "start": m.start, "end": m.end, "text": m.text,
                    "sentence": m.sentence})
        event = mentions[group[0]].event
        explanation = f"Sources give different dates for the same {event} event: " + " against ".join(sides) + "."
        flags.append(Flag(id=flag_id("date_mismatch", keys), kind="date_mismatch", claim_ids=list(dict.fromkeys(ids)),
                          explanation=explanation, severity="medium", evidence=evidence))
    return flags


# --- the whole pass ------------------------------------------------------------------------------------------------


def cross_reference(claims: Iterable[Claim], docs: Optional[Mapping[str, Document]] = None,
                    dates: bool = True, workers: int = 1) -> Result:
    """Every flag for ``claims`` (from the sources in ``docs``), with per-claim origins, support and disputes.

    With ``workers`` above 1, copied text and event dates are found in a forked process while this one prepares
    the figures (about a third of the work, done on the second core); the result is the same.
    """
    # The pass builds millions of small objects and frees them at the end; the cycle collector would rescan them
    # over and over (cost growing with the square of the input), so it pauses for the duration.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _cross_reference(list(claims), docs, dates, workers)
    finally:
        if enabled:
            gc.enable()


def _origins_and_mentions(claims: list[Claim], docs: Mapping[str, Document],
                          dates: bool) -> tuple[dict[str, str], list[events_mod.EventDate]]:
    return find_origins(claims, docs), (_event_mentions(docs) if dates and docs else [])


def _cross_reference(claims: list[Claim], docs: Optional[Mapping[str, Document]], dates: bool,
                     workers: int = 1) -> Result:
    docs = dict(docs or {})
    names = NameIndex(n for c in claims for n in (c.subject, c.object) if n)
    writer = _Writer(docs, names)
    if workers > 1 and _Forked.available():
        other = _Forked(_origins_and_mentions, claims, docs, dates)
        items = _prepare(claims, docs, names)
        origin, mentions = other.result()
    else:
        origin, mentions = _origins_and_mentions(claims, docs, dates)
        items = _prepare(claims, docs, names)
    for it in items:
        it.origin = origin.get(it.id, it.claim.source_id)
    result = Result(flags=[], origins=origin)
    parts = _partitions(items, names)
    for its in parts.values():
        _own_timelines(its)
    explained: set[str] = set()
    flags = _swaps(parts, writer, explained, result)
    for key in sorted(parts, key=str):
        flags.extend(_value_flags(key, parts[key], writer, explained, result))
    flags.extend(_arithmetic(parts, writer))
    flags.extend(_growth(items, writer))
    flags.extend(_unit_mismatches(items, writer))
    flags.extend(_quote_flags(claims, origin, writer, result))
    if dates and docs:
        source_origin: dict[str, str] = {}
        for c in claims:
            source_origin.setdefault(c.source_id, origin.get(c.id, c.source_id))
        flags.extend(_date_flags(docs, mentions, claims, source_origin, writer))
    unique = {f.id: f for f in flags}
    result.flags = sorted(unique.values(), key=lambda f: (-SEVERITIES.index(f.severity), f.kind, f.id))
    return result


def can_fork() -> bool:
    """Whether this process may fork workers that inherit its memory (not on a platform without fork, not in a
    daemon process such as a pool worker)."""
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


class _Forked:
    """``fn(*args)`` computed in a forked child process: the child inherits the arguments (nothing is copied but
    the result, which comes back pickled through a pipe)."""

    @staticmethod
    def available() -> bool:
        return can_fork()

    def __init__(self, fn, *args):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_and_send, args=(send, fn, args), daemon=True)
        self._process.start()
        send.close()

    def result(self):
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise RuntimeError(f"the cross-referencing process stopped (exit code {self._process.exitcode})") from None
        finally:
            self._receive.close()
            self._process.join()
        if not ok:
            raise value
        return value


def _run_and_send(send, fn, args) -> None:
    try:
        out = (True, fn(*args))
    except BaseException as e:  # noqa: BLE001 - the parent raises it
        out = (False, e if _picklable(e) else RuntimeError(f"{type(e).__name__}: {e}"))
    send.send(out)
    send.close()


def _picklable(value) -> bool:
    try:
        pickle.dumps(value)
    except Exception:  # noqa: BLE001
        return False
    return True


def problems(flags: Iterable[Flag]) -> list[Flag]:
    """The flags that report a disagreement (not a passed check)."""
    return [f for f in flags if f.severity in PROBLEM_SEVERITIES]


def flag_line(flag: Flag) -> str:
    """One flag as a JSON line."""
    return json.dumps(flag.model_dump(), ensure_ascii=False)
