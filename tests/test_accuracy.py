"""Accuracy on text we did not write, scored by the shared scorer (../shared/eval/score_claims.py).

The seed article must score recall 1.000 with no trap hit and no wrong value; each development-set file must not
fall below the score it reached (floors in tests/dev_floors.json).  Skipped when ../shared is not beside the repo.
"""

import json
from pathlib import Path

import pytest

from factcheck.scoring import article_for, file_scores, pooled, score_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_claims.py"
FLOORS = json.loads((ROOT / "tests" / "dev_floors.json").read_text())

needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside the repository")


@needs_shared
def test_seed_article_meets_the_acceptance_bar():
    seed = ROOT / "sources" / "seed-anthropic-microsoft-nvidia.txt"
    assert seed.read_bytes() == (SHARED / "seed" / "article.txt").read_bytes()
    report = score_file(SCORER, SHARED / "seed" / "gold.json", seed)
    assert report["misses"] == []
    assert report["wrong"] == []
    assert report["trap_hits"] == []
    assert report["summary"]["recall"] == 1.0


DEV = sorted((SHARED / "dev").glob("*.gold.json")) if SCORER.exists() else []


@needs_shared
@pytest.mark.parametrize("gold", DEV, ids=[g.name.split(".")[0] for g in DEV])
def test_dev_file_does_not_regress(gold):
    article = gold.with_name(gold.name.replace(".gold.json", ".txt"))
    row = file_scores(score_file(SCORER, gold, article))
    floor = FLOORS["files"][article.name]
    assert row["numeric_right"] >= floor["numeric_right"]
    assert row["quote_right"] >= floor["quote_right"]
    assert row["numeric_output"] - row["numeric_right"] <= floor["numeric_wrong_or_extra"]
    assert row["quote_output"] - row["quote_right"] <= floor["quote_wrong_or_extra"]


@needs_shared
def test_dev_set_pooled_f1_meets_targets():
    rows = [file_scores(score_file(SCORER, g, g.with_name(g.name.replace(".gold.json", ".txt")))) for g in DEV]
    p = pooled(rows)
    assert p["numeric_f1"] >= FLOORS["pooled"]["numeric_f1"]
    assert p["quote_f1"] >= FLOORS["pooled"]["quote_f1"]


OWN_SETS = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9",
            "fresh10")
OWN = [g for d in OWN_SETS for g in sorted((ROOT / "tests" / d).glob("*.gold.json"))] \
    if SCORER.exists() else []


@needs_shared
@pytest.mark.parametrize("gold", OWN, ids=[f"{g.parent.name}/{g.name.split('.')[0]}" for g in OWN])
def test_own_article_does_not_regress(gold):
    """Our own annotated articles (tests/fresh to fresh10): kinds of news the development set does not hold."""
    article = article_for(gold)
    row = file_scores(score_file(SCORER, gold, article))
    floor = json.loads((gold.parent / "floors.json").read_text())["files"][article.name]
    assert row["numeric_right"] >= floor["numeric_right"]
    assert row["quote_right"] >= floor["quote_right"]
    assert row["numeric_output"] - row["numeric_right"] <= floor["numeric_wrong_or_extra"]
    assert row["quote_output"] - row["quote_right"] <= floor["quote_wrong_or_extra"]
