"""The build's cross-check works story by story: sources are one story when their figures share a party."""

from pathlib import Path

import pytest
import sqlite_utils

from factcheck import build
from factcheck.crosscheck import cross_check, steps
from factcheck.stories import stories

STORIES = Path(__file__).parent / "stories"

DEALS = [("Ferrow Mills", "Tansy Grid", 2), ("Olden Marine", "Pike Rail", 4), ("Corvel Foods", "Amberlake Water", 7)]


def write_deals(folder: Path) -> Path:
    """Two reports of each of three unrelated deals; every report quotes one analyst firm's estimate."""
    folder.mkdir()
    for n, (buyer, target, billions) in enumerate(DEALS):
        for outlet in ("Morning Post", "Evening Star"):
            (folder / f"deal{n}-{outlet.split()[0].lower()}.md").write_text(
                f"---\ntitle: {buyer} backs {target}\noutlet: {outlet}\npublished: 2026-03-0{n + 1}\n---\n"
                f"{buyer} will invest ${billions} billion in {target}, the companies said on Monday.\n\n"
                f"Analysts at Quarry Research estimate the deal could be worth ${billions * 3} billion to {buyer}.\n",
                encoding="utf-8")
    return folder


def test_sources_sharing_a_party_are_one_story_and_a_hub_joins_nothing(tmp_path):
    path = tmp_path / "deals.db"
    build.build([write_deals(tmp_path / "deals")], path, workers=1)
    db = sqlite_utils.Database(path)
    # The analyst firm stands beside every buyer and target: with a low limit it is a hub and the deals part.
    apart = stories(db, limit=3)
    assert [len(ids) for ids in apart] == [2, 2, 2]
    assert all(len({sid.split("-")[0] for sid in ids}) == 1 for ids in apart)
    # Beside only six other parties it is an ordinary party under the default limit, and joins the three deals.
    assert [len(ids) for ids in stories(db)] == [6]


def _ledger(db: sqlite_utils.Database) -> tuple:
    flags = sorted(db.execute("select id, kind, claim_ids, explanation, severity, evidence from flags").fetchall())
    links = sorted(db.execute("select flag_id, claim_id from flag_claims").fetchall())
    scores = sorted(db.execute("select id, confidence, confidence_reasons from claims").fetchall())
    return flags, links, scores


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory):
    """Each story folder built alone, and both in one ledger."""
    root = tmp_path_factory.mktemp("two")
    alone = {}
    for name in ("brightwater", "calderra"):
        alone[name] = root / f"{name}.db"
        build.build([STORIES / name], alone[name], workers=1, after=steps(None))
    both = root / "both.db"
    build.build([STORIES / "brightwater", STORIES / "calderra"], both, workers=1, after=steps(None))
    return alone, both


def test_each_story_is_checked_as_if_it_were_alone(two_stories):
    alone, both = two_stories
    db = sqlite_utils.Database(both)
    groups = stories(db)
    for name, path in alone.items():
        ids = sorted(r[0] for r in sqlite_utils.Database(path).execute("select id from sources"))
        assert ids in groups
    merged = [sorted(x for path in alone.values() for x in _ledger(sqlite_utils.Database(path))[i]) for i in range(3)]
    assert list(_ledger(db)) == merged
    assert db["flags"].count > 0 and {"value_mismatch"} <= {r[0] for r in db.execute("select kind from flags")}


def test_a_pool_of_workers_writes_the_same_ledger_as_one_process(two_stories, tmp_path):
    _, both = two_stories
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(both).read_bytes())
    db = sqlite_utils.Database(copy)
    before = _ledger(db)
    with db.atomic():  # what the check writes is wiped first (the rule's own strength stays in the reasons)
        db.execute("update claims set confidence = 0.5")
        db.execute("delete from flag_claims")
        db.execute("delete from flags")
    summary = cross_check(db, force=True, workers=2)
    assert summary.stories == len(stories(db)) >= 2
    assert summary.flags == db["flags"].count and sum(summary.kinds.values()) == summary.flags
    assert _ledger(db) == before


def test_reports_with_no_figures_are_one_story_through_their_titles(tmp_path):
    folder = tmp_path / "pier"
    folder.mkdir()
    words = "We will rebuild this pier stone by stone, whatever it takes and however long"
    for name, speaker in (("gazette", "Mayor Ellen Fairweather"), ("courier", "Councillor Tom Brack")):
        (folder / f"{name}.md").write_text(
            f"---\ntitle: Storm wrecks Saltmere pier\noutlet: {name.title()}\n---\n"
            f"“{words},” said {speaker} on Friday.\n", encoding="utf-8")
    path = tmp_path / "pier.db"
    build.build([folder], path, workers=1, after=steps(None))
    db = sqlite_utils.Database(path)
    assert [len(ids) for ids in stories(db)] == [2]
    assert [r[0] for r in db.execute("select kind from flags")] == ["quote_misattribution"]
