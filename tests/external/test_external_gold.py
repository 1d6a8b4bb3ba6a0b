"""Our extractor on other projects' test suites (../shared/external-gold, read at test time).

Every in-scope case is one test. Cases we fail today are listed in ``known_failures.json`` and run as strict xfail,
so a fix that makes one pass turns the suite red until the list is regenerated
(``.venv/bin/python tools/score_external.py --update``). Cases whose suite answer is wrong for news run as strict
xfail with the reason where we differ from it, and as ordinary tests where we happen to agree. Out-of-scope cases are
counted by the score command, not run here. The floors in the same file keep the money, range and percentage pass
rates from falling.
"""

import json
from pathlib import Path

import pytest

from factcheck import external_gold as eg
from factcheck.models import Claim

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "external-gold"
KNOWN = Path(__file__).with_name("known_failures.json")
NO_GOLD = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/external-gold is not beside the repository")


def _known() -> dict:
    return json.loads(KNOWN.read_text(encoding="utf-8"))


def _cases() -> list:
    return eg.load_all(GOLD) if GOLD.is_dir() else []


def _params() -> list:
    if not GOLD.is_dir():
        return [pytest.param(None, id="no-external-gold", marks=NO_GOLD)]
    failures = _known()["failures"]
    params = []
    for case in _cases():
        if case.status == "out_of_scope":
            continue
        if case.status == "disagreement":
            # Expected to fail, strictly, where our news reading differs from the suite's; where we give the suite's
            # answer anyway it is an ordinary test, so a change on the case is seen either way.
            mark = [] if eg.run_case(case).passed else \
                [pytest.mark.xfail(strict=True, reason=f"suite answer wrong for news: {case.reason}")]
        elif case.id in failures:
            mark = [pytest.mark.xfail(strict=True, reason=failures[case.id])]
        else:
            mark = []
        params.append(pytest.param(case, id=case.id, marks=mark))
    return params


@pytest.mark.parametrize("case", _params())
def test_case(case):
    outcome = eg.run_case(case)
    assert outcome.passed, f"{case.text!r}: {outcome.detail}"


@pytest.fixture(scope="module")
def scores():
    return eg.summarise(eg.run(_cases()))


@NO_GOLD
def test_pass_rates_stay_at_or_above_their_floors(scores):
    rates = eg.group_rates(scores)
    floors = _known()["floors"]
    assert set(floors) == set(eg.GROUPS)
    low = {g: f"{rates[g]:.3f} < floor {floors[g]:.3f}" for g in floors if rates[g] < floors[g]}
    assert not low, f"pass rate fell: {low}"


@NO_GOLD
def test_known_failures_name_current_in_scope_cases():
    in_scope = {c.id for c in _cases() if c.status == "in_scope"}
    listed = _known()["failures"]
    assert not set(listed) - in_scope, "stale ids in known_failures.json: regenerate it"
    assert all(reason.strip() for reason in listed.values())


@NO_GOLD
def test_every_suite_loads_with_the_documented_case_counts():
    by_suite = {}
    for c in _cases():
        by_suite[c.suite] = by_suite.get(c.suite, 0) + 1
    # Input counts from the external-gold README (quantulum: both files; duckling: phrases plus negatives).
    assert by_suite == {"currency": 180, "duckling": 163, "numberrange": 87, "percent": 20, "number": 235,
                        "quantulum": 121, "textacy": 7, "dimension": 100, "age": 19, "temperature": 43}
    assert len({c.id for c in _cases()}) == sum(by_suite.values())


# ---- the scoring rules themselves, on records made by hand


def _claim(text: str, start: int, **fields) -> Claim:
    fields.setdefault("kind", "numeric")
    return Claim(id="c", source_id="t", text=text, start=start, end=start + len(text), sentence=text,
                 rule=fields.pop("rule", "test"), confidence=0.9, **fields)


def test_money_needs_overlap_value_and_the_mapped_currency():
    text = "The council borrowed $ 4 million from a bank."
    g = eg.Gold("$ 4 million", 21, 32, "value", value=4e6, units=eg._currency_units("Dollar", None))
    assert eg.figure_matches(g, _claim("$ 4 million", 21, value=4e6, unit="USD", qualifier="exact"))
    assert not eg.figure_matches(g, _claim("$ 4 million", 21, value=4e6, unit="CAD", qualifier="exact"))
    assert not eg.figure_matches(g, _claim("$ 4 million", 21, value=4e3, unit="USD", qualifier="exact"))
    far = _claim("a bank", 38, value=4e6, unit="USD", qualifier="exact")
    assert eg.judge(eg.Case("t-000", "t", text, (g,)), [far]).passed is False


def test_cents_are_hundredths_of_a_currency():
    g = eg.Gold("45 cents", 0, 8, "value", value=45, units=eg._currency_units("Cent", None))
    assert eg.figure_matches(g, _claim("45 cents", 0, value=0.45, unit="USD", qualifier="exact"))
    assert not eg.figure_matches(g, _claim("45 cents", 0, value=45, unit="USD", qualifier="exact"))


def test_interval_notation_becomes_our_qualifiers():
    assert eg._interval_gold("up to 90", 0, 8, "(,90]").qualifiers == {"up_to"}
    assert eg._interval_gold("below 90", 0, 8, "(,90)").qualifiers == {"less_than"}
    assert eg._interval_gold("over 90", 0, 7, "(90,)").qualifiers == {"more_than"}
    assert eg._interval_gold("90 or more", 0, 10, "[90,)").qualifiers == {"at_least"}
    both = eg._interval_gold("from 5 to 9", 0, 11, "[5,9)")
    assert (both.shape, both.low, both.high) == ("range", 5, 9)
    assert eg._interval_gold("equal to 9", 0, 10, "[9,9]").qualifiers == {"exact"}


def test_a_bound_needs_the_right_qualifier():
    g = eg._interval_gold("up to 90", 6, 14, "(,90]")
    assert eg.figure_matches(g, _claim("90 lorries", 12, value=90, unit="lorry", qualifier="up_to"))
    assert not eg.figure_matches(g, _claim("90 lorries", 12, value=90, unit="lorry", qualifier="exact"))


def test_a_range_must_come_back_as_one_claim_with_both_ends():
    g = eg.Gold("between 3 and 8 euros", 0, 21, "range", low=3, high=8, qualifiers=eg.RANGE_QUALIFIERS,
                units=(("EUR", 1.0),))
    halves = [_claim("3", 8, value=3, unit="EUR", qualifier="exact"),
              _claim("8 euros", 14, value=8, unit="EUR", qualifier="exact")]
    assert not eg.judge(eg.Case("t-001", "t", "between 3 and 8 euros", (g,)), halves).passed
    whole = _claim("3 and 8 euros", 8, low=3, high=8, unit="EUR", qualifier="range")
    assert eg.judge(eg.Case("t-001", "t", "between 3 and 8 euros", (g,)), [whole]).passed


def test_a_pronoun_speaker_must_be_resolved_when_the_text_names_someone():
    named = 'Okafor left the stage. "We will rebuild," she said.'
    assert eg.speaker_matches("she", "Okafor", named)
    assert not eg.speaker_matches("she", "she", named)
    assert not eg.speaker_matches("she", "Lindqvist", named)
    anonymous = '"We will rebuild," she said.'
    assert eg.speaker_matches("she", "she", anonymous)
    assert not eg.speaker_matches("Okafor", None, named)


def test_a_currency_negative_is_not_spoiled_by_a_count():
    count = _claim("12 lorries", 0, value=12, unit="lorry", qualifier="exact")
    money = _claim("$12", 0, value=12, unit="USD", qualifier="exact", rule="money")
    date = _claim("May 4", 0, unit="date")
    assert not eg.NEGATIVE_TESTS["money"](count) and eg.NEGATIVE_TESTS["money"](money)
    assert eg.NEGATIVE_TESTS["figure"](count) and not eg.NEGATIVE_TESTS["figure"](date)
