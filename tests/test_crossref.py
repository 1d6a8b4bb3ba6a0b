"""Cross-referencing rules on hand-made claims: what must be flagged, and what must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from factcheck.crossref import cross_reference, problems, same_quote
from factcheck.intervals import interval
from factcheck.matching import NameIndex, party_key, same_person, unit_key
from factcheck.origins import origins
from xref_helpers import doc, kinds, num, quote

DOCS = {sid: doc(sid, published="2024-05-14") for sid in ("a", "b", "c", "d", "e")}


def run(claims, docs=None):
    return cross_reference(claims, docs or DOCS)


# --- intervals ------------------------------------------------------------------------------------------------------

AGREE = [
    # (qualifier, value, other qualifier, other value): hedge-compatible figures that must not conflict
    ("up_to", 10e9, "exact", 10e9),
    ("about", 350e9, "exact", 355e9),
    ("about", 5e9, "up_to", 5e9),
    ("at_least", 12e9, "up_to", 15e9),
    ("more_than", 300e3, "exact", 300e3),
    ("exact", 5e12, "exact", 5.054e12),
]
DISAGREE = [
    ("up_to", 10e9, "up_to", 5e9),
    ("up_to", 10e9, "exact", 5e9),
    ("more_than", 15e9, "up_to", 15e9),
    ("at_least", 10e9, "up_to", 10e9),
    ("exact", 350e9, "exact", 355e9),
    ("exact", 3.5, "exact", 2.6),
]


def _figure(q, v):
    text = {5e12: "$5 trillion", 5.054e12: "$5.054 trillion", 3.5: "3.5%", 2.6: "2.6%"}.get(v, "$%g billion" % (v / 1e9))
    return num("a", f"It is {text}.", text, v, qualifier=q)


@pytest.mark.parametrize("qa,va,qb,vb", AGREE)
def test_hedge_compatible_figures_agree(qa, va, qb, vb):
    assert interval(_figure(qa, va)).intersects(interval(_figure(qb, vb)))


@pytest.mark.parametrize("qa,va,qb,vb", DISAGREE)
def test_different_figures_conflict(qa, va, qb, vb):
    assert not interval(_figure(qa, va)).intersects(interval(_figure(qb, vb)))


def test_ranges_conflict_or_agree_by_overlap():
    low = num("a", "It costs $20-25 billion.", "$20-25 billion", None, low=20e9, high=25e9, qualifier="range")
    high = num("b", "It costs $50-60 billion.", "$50-60 billion", None, low=50e9, high=60e9, qualifier="range")
    inside = num("c", "It costs $22 billion.", "$22 billion", 22e9)
    assert not interval(low).intersects(interval(high))
    assert interval(low).intersects(interval(inside))


# --- names and units ------------------------------------------------------------------------------------------------


def test_party_names_are_canonical():
    assert party_key("Globex Corp. and Initech Inc") == party_key("Initech, Globex")
    index = NameIndex(["Globex Corp", "GLOBEX", "Globex's Cloud"])
    assert index.canon("Globex Corp") == index.canon("globex")
    assert index.canon("Globex's Cloud") != index.canon("Globex")
    assert same_person("Maria Okafor", "Okafor") and not same_person("Maria Okafor", "Lena Okoye")


def test_units_and_denominators_are_never_mixed():
    assert unit_key("business customers") == unit_key("customer") == "customer"
    assert unit_key("people") != unit_key("customers")
    power = num("a", "Globex will build 2 GW of capacity.", "2 GW", 2e9, "W", subject="Globex", metric="capacity")
    energy = num("b", "Globex will build 2 GWh of capacity.", "2 GWh", 2e9, "Wh", subject="Globex",
                 metric="capacity")
    other = num("c", "Globex will build 5 GWh of capacity.", "5 GWh", 5e9, "Wh", subject="Globex", metric="capacity")
    result = run([power, other])
    assert problems(result.flags) == []  # W against Wh is never a value mismatch
    assert kinds(run([power, energy]).flags) == ["unit_mismatch"]
    euros = num("b", "Globex invests €5 billion in Initech.", "€5 billion", 5e9, "EUR", subject="Globex",
                metric="investment", obj="Initech")
    dollars = num("a", "Globex invests $9 billion in Initech.", "$9 billion", 9e9, "USD", subject="Globex",
                  metric="investment", obj="Initech")
    assert problems(run([euros, dollars]).flags) == []


def test_a_rate_is_not_compared_with_a_total():
    rate = num("a", "A plant costs $2 billion per gigawatt.", "$2 billion", 2e9, per="GW", metric="cost")
    total = num("b", "The plant costs $7 billion.", "$7 billion", 7e9, metric="cost")
    assert problems(run([rate, total]).flags) == []


# --- values, time, parties --------------------------------------------------------------------------------------------


def test_value_mismatch_between_sources_names_both_sides():
    a = num("a", "Globex will invest $40 million in Initech.", "$40 million", 40e6, subject="Globex",
            metric="investment", obj="Initech")
    b = num("b", "Globex is putting $90 million into Initech.", "$90 million", 90e6, subject="Globex",
            metric="investment", obj="Initech")
    result = run([a, b])
    (flag,) = problems(result.flags)
    assert flag.kind == "value_mismatch" and flag.severity == "high"
    assert set(flag.claim_ids) == {a.id, b.id}
    assert {e["source_id"] for e in flag.evidence} == {"a", "b"}
    assert "$40 million" in flag.explanation and "$90 million" in flag.explanation
    for e in flag.evidence:
        assert set(e) >= {"source_id", "path", "url", "outlet", "published", "start", "end", "text", "sentence"}


def test_figures_for_different_periods_are_a_timeline():
    docs = {"a": doc("a", published="2023-02-01"), "b": doc("b", published="2024-03-01")}
    old = num("a", "Initech employs 120 people.", "120 people", 120, "people", subject="Initech", metric="employees")
    new = num("b", "Initech employs 340 people.", "340 people", 340, "people", subject="Initech",
              metric="employees")
    assert problems(cross_reference([old, new], docs).flags) == []
    # The same two figures published a week apart do conflict.
    docs["b"] = doc("b", published="2023-02-08")
    assert kinds(cross_reference([old, new], docs).flags) == ["value_mismatch"]


def test_a_figure_marked_as_earlier_is_history():
    s = "Initech is now valued at $900 million, up from $400 million last spring."
    now = num("a", s, "$900 million", 900e6, subject="Initech", metric="valuation")
    before = num("a", s, "$400 million", 400e6, subject="Initech", metric="valuation")
    other = num("b", "Initech is valued at $900 million.", "$900 million", 900e6, subject="Initech",
                metric="valuation")
    result = run([now, before, other])
    assert problems(result.flags) == []
    assert result.support[other.id] == {"a"}


def test_swapped_parties_is_one_flag_naming_both():
    s1 = "Globex and Initech will put in up to $6 million and up to $2 million respectively."
    s2 = "Initech will put in up to $6 million and Globex up to $2 million."
    claims = [
        num("a", s1, "$6 million", 6e6, qualifier="up_to", subject="Globex", metric="investment"),
        num("a", s1, "$2 million", 2e6, qualifier="up_to", subject="Initech", metric="investment"),
        num("c", "Globex invests up to $6 million.", "$6 million", 6e6, qualifier="up_to", subject="Globex",
            metric="investment"),
        num("b", s2, "$6 million", 6e6, qualifier="up_to", subject="Initech", metric="investment"),
        num("b", s2, "$2 million", 2e6, qualifier="up_to", subject="Globex", metric="investment"),
    ]
    flags = problems(run(claims).flags)
    assert [f.kind for f in flags] == ["swapped_parties"]
    assert "Globex" in flags[0].explanation and "Initech" in flags[0].explanation


def test_parts_against_a_stated_total():
    s = "Globex will invest $6 million and Initech $3 million, a combined $9 million."
    good = [num("a", s, "$6 million", 6e6, subject="Globex", metric="investment"),
            num("a", s, "$3 million", 3e6, subject="Initech", metric="investment"),
            num("a", s, "$9 million", 9e6, subject="Globex and Initech", metric="investment")]
    flags = run(good).flags
    assert problems(flags) == []
    assert [f.kind for f in flags] == ["arithmetic_check"] and "add up" in flags[0].explanation
    s = "Globex will invest $6 million and Initech $3 million, a combined $12 million."
    bad = [num("b", s, "$6 million", 6e6, subject="Globex", metric="investment"),
           num("b", s, "$3 million", 3e6, subject="Initech", metric="investment"),
           num("b", s, "$12 million", 12e6, subject="Globex and Initech", metric="investment")]
    assert kinds(run(bad).flags) == ["arithmetic"]


def test_growth_rate_against_its_two_values():
    s = "Sales rose 40% to $7 million from $5 million."
    claims = [num("a", s, "40%", 40, "%", metric="revenue"), num("a", s, "$7 million", 7e6, metric="revenue"),
              num("a", s, "$5 million", 5e6, metric="revenue")]
    assert [f.kind for f in run(claims).flags] == ["arithmetic_check"]
    s = "Sales rose 25% to $7 million from $5 million."
    claims = [num("b", s, "25%", 25, "%", metric="revenue"), num("b", s, "$7 million", 7e6, metric="revenue"),
              num("b", s, "$5 million", 5e6, metric="revenue")]
    assert kinds(run(claims).flags) == ["arithmetic"]


# --- quotes, dates, independence ------------------------------------------------------------------------------------


def test_quote_given_to_two_speakers():
    claims = [
        quote("a", "“This changes the whole market for us,” Maria Okafor said.", "This changes the whole market for us",
              "Maria Okafor"),
        quote("b", "Okafor said it “changes the whole market for us”.", "changes the whole market for us", "Okafor"),
        quote("c", "Lena Okoye called it something that “changes the whole market for us”.",
              "changes the whole market for us", "Lena Okoye"),
    ]
    (flag,) = problems(run(claims).flags)
    assert flag.kind == "quote_misattribution"
    assert "Okafor" in flag.explanation and "Okoye" in flag.explanation
    assert same_quote("We’re going to be partners", "We are going to be partners")
    assert not same_quote("a big day", "a big day")  # too short to say anything


def test_the_same_quote_from_the_same_speaker_is_fine():
    claims = [quote("a", "“We will build it together,” Okafor said.", "We will build it together", "Maria Okafor"),
              quote("b", "“We will build it together,” the chief executive Maria Okafor said.",
                    "We will build it together", "Maria Okafor")]
    assert problems(run(claims).flags) == []


def test_different_day_for_the_same_event():
    docs = {
        "a": doc("a", "Globex announced the Initech deal on Monday.", published="2024-05-14"),
        "b": doc("b", "Globex announced the Initech deal on Tuesday.", published="2024-05-15"),
        "c": doc("c", "Globex announced the Initech deal on May 13, 2024.", published="2024-05-16"),
    }
    (flag,) = problems(cross_reference([], docs).flags)
    assert flag.kind == "date_mismatch" and "Tuesday" in flag.explanation and "Monday" in flag.explanation
    # Weeks apart is another event of the same kind, not a contradiction.
    docs["b"] = doc("b", "Globex announced the Initech deal on Tuesday.", published="2024-07-03")
    assert problems(cross_reference([], docs).flags) == []


def test_copies_count_as_one_origin():
    s = "Globex will invest $40 million in Initech to expand its factory in the north of the country."
    a = num("a", s, "$40 million", 40e6, subject="Globex", metric="investment", obj="Initech")
    b = num("b", s, "$40 million", 40e6, subject="Globex", metric="investment", obj="Initech")
    c = num("c", "Initech gets $40 million from Globex.", "$40 million", 40e6, subject="Globex", metric="investment",
            obj="Initech")
    found = origins([a, b, c])
    assert found[a.id] == found[b.id] != found[c.id]
    result = run([a, b, c])
    assert result.support[c.id] == {found[a.id]}  # two copies corroborate as one origin
    wrong = num("d", s.replace("$40", "$90"), "$90 million", 90e6, subject="Globex", metric="investment",
                obj="Initech")
    assert origins([a, wrong])[wrong.id] == origins([a, wrong])[a.id]
    # A copy whose figure was changed is still one origin, but the two sources do disagree.
    assert kinds(run([a, wrong]).flags) == ["value_mismatch"]


def test_missing_subject_joins_only_when_the_sentence_names_the_party():
    a = num("a", "Globex will invest $40 million in Initech.", "$40 million", 40e6, subject="Globex",
            metric="investment", obj="Initech")
    named = num("b", "In the deal Globex puts $90 million into Initech.", "$90 million", 90e6, metric="investment")
    anonymous = num("c", "It will invest $90 million.", "$90 million", 90e6, metric="investment")
    assert kinds(run([a, named]).flags) == ["value_mismatch"]
    assert problems(run([a, anonymous]).flags) == []


def test_flags_are_deterministic():
    claims = [num(s, f"Globex will invest ${v} million in Initech.", f"${v} million", v * 1e6, subject="Globex",
                  metric="investment", obj="Initech") for s, v in (("a", 40), ("b", 90), ("c", 40))]
    first = [f.model_dump() for f in run(claims).flags]
    assert first == [f.model_dump() for f in run(list(reversed(claims))).flags]


# --- confidence -------------------------------------------------------------------------------------------------------


def test_confidence_is_explained_and_stable():
    from factcheck.confidence import score

    plain = num("a", "Globex will invest $40 million in Initech.", "$40 million", 40e6, subject="Globex",
                metric="investment")
    plain = plain.model_copy(update={"confidence_reasons": ["rule money: 0.90"]})
    primary, reasons = score(plain, "primary")
    assert primary == 0.9 and reasons == ["rule money: 0.90", "primary source ×1.00"]
    hedged = plain.model_copy(update={"hedge": "reportedly", "attribution": "people familiar with the matter"})
    low, reasons = score(hedged, "aggregator", disputes=[("value_mismatch", 3)], minority=True)
    assert low < 0.3
    assert any(r.startswith("hearsay: reportedly") for r in reasons)
    assert any(r.startswith("anonymous:") for r in reasons)
    assert any(r.startswith("contradicted (value_mismatch) by 3 origins") for r in reasons)
    corroborated, reasons = score(plain, "report", agreeing_origins=3)
    assert corroborated > score(plain, "report")[0]
    assert "corroborated by 3 independent origins ×1.15" in reasons
    # Scoring a claim that already carries our reasons gives the same answer (a rebuild does not compound).
    again = hedged.model_copy(update={"confidence": low, "confidence_reasons": score(hedged, "aggregator")[1]})
    assert score(again, "aggregator", disputes=[("value_mismatch", 3)], minority=True)[0] == low


# --- the test stories: every planted problem is flagged, and nothing else ----------------------------------------------

STORIES = Path(__file__).resolve().parent / "stories"


def load_story(path: Path):
    from factcheck.extract import extract_document
    from factcheck.ingest import iter_documents

    docs, claims = {}, []
    for item in iter_documents([path]):
        docs[item.source_id] = item
        claims.extend(extract_document(item))
    return docs, claims


@pytest.mark.parametrize("story", sorted(p.name for p in STORIES.iterdir() if p.is_dir()))
def test_story_planted_problems_are_flagged_and_nothing_else(story):
    expected = yaml.safe_load((STORIES / story / "expected.yaml").read_text(encoding="utf-8"))
    docs, claims = load_story(STORIES / story)
    flags = cross_reference(claims, docs).flags
    found = problems(flags)
    described = [f"{f.kind}: {f.explanation}" for f in found]
    assert sorted(f.kind for f in found) == sorted(e["kind"] for e in expected["flags"]), described
    for want in expected["flags"]:
        assert any(f.kind == want["kind"] and set(want["sources"]) <= {e["source_id"] for e in f.evidence}
                   for f in found), (want, described)
    for want in expected.get("checks", []):
        assert any(f.kind == want["kind"] and f.severity == "info"
                   and set(want["sources"]) <= {e["source_id"] for e in f.evidence} for f in flags), want


@pytest.mark.parametrize("story", sorted(p.name for p in STORIES.iterdir() if p.is_dir()))
def test_a_second_process_gives_the_same_result(story):
    docs, claims = load_story(STORIES / story)
    one, two = cross_reference(claims, docs, workers=1), cross_reference(claims, docs, workers=2)
    assert [f.model_dump() for f in two.flags] == [f.model_dump() for f in one.flags] and one.flags
    assert (two.origins, two.support, two.disputes, two.minority) == (one.origins, one.support, one.disputes,
                                                                       one.minority)


SEED_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "gold.json"


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/seed/gold.json is not beside the repo")
def test_seed_story_flags_the_expected_problems():
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    docs, claims = load_story(Path(__file__).resolve().parents[1] / "sources")
    flags = cross_reference(claims, docs).flags
    seed = next(sid for sid in docs if sid.startswith("seed"))
    for want in gold["expected_flags"]:
        if "quote" in want:
            hits = [f for f in flags if f.kind == "quote_misattribution" and want["quote"] in f.explanation]
            assert hits, want
            speakers = {e["side"] for e in hits[0].evidence}
            assert all(any(s.split()[-1] in side for side in speakers) for s in want["speakers"])
        else:
            checks = [f for f in flags if f.kind == "arithmetic_check"
                      and any(e["source_id"] == seed and e["side"] == "total" for e in f.evidence)]
            assert checks and len(checks[0].claim_ids) == len(want["claims"]), want


def test_differently_qualified_counts_are_not_compared():
    business = num("a", "Initech serves 300,000 business customers.", "300,000 business customers", 300_000,
                   "business customers", subject="Initech", metric="customers")
    large = num("b", "Initech has 500 enterprise customers.", "500 enterprise customers", 500, "enterprise customers",
                subject="Initech", metric="customers")
    nested = num("c", "Initech serves 90,000 business and enterprise customers.",
                 "90,000 business and enterprise customers", 90_000, "business and enterprise customers",
                 subject="Initech", metric="customers")
    assert problems(run([business, large]).flags) == []
    assert kinds(run([business, nested]).flags) == ["value_mismatch"]
