"""Building the ledger (factcheck.build and `factcheck build`): incremental, idempotent, parallel, atomic, locked."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from conftest import annotated_extract
from factcheck import build, store
from factcheck.cli import cli
from factcheck.models import Document

REPO = Path(__file__).resolve().parents[1]


def dump(db_path) -> dict:
    """Every row of every ledger table, in key order: what 'the same rows' means."""
    db = sqlite_utils.Database(db_path)
    tables = ("sources", "claims", "speakers", "flags", "flag_claims", "reviews", "build_info")
    return {t: [tuple(r) for r in db.execute(f"select * from {t} order by 1, 2")] for t in tables}


def search(db_path, words: str) -> list[str]:
    db = sqlite_utils.Database(db_path)
    return [r[0] for r in db.execute(
        "select c.text from claims_fts join claims c on c.rowid = claims_fts.rowid where claims_fts match ?", [words])]


def other_extract(doc: Document):
    """A different extractor: only the quotes."""
    return [c for c in annotated_extract(doc) if c.kind == "quote"]


def failing_extract(doc: Document):
    if doc.source_id == "daily-digest":
        raise ValueError("rule blew up")
    return annotated_extract(doc)


def test_build_writes_every_source_and_claim_with_their_offsets(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    report = build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    assert (report.sources, report.extracted, report.reused, report.removed, report.skipped) == (4, 4, 0, 0, [])
    db = sqlite_utils.Database(db_path)
    assert report.claims == db["claims"].count == 14
    bodies = {s["id"]: s["body"] for s in db["sources"].rows}
    for claim in db["claims"].rows:
        assert bodies[claim["source_id"]][claim["start"]:claim["end"]] == claim["text"]
    source = db["sources"].get("corvid-announcement")
    assert (source["outlet"], source["published"], source["kind"]) == ("Corvid Energy newsroom", "2025-03-04", "primary")
    assert source["sha256"] == hashlib.sha256(source["body"].encode()).hexdigest()
    assert search(db_path, "grid") == ['"Storage is where the grid is heading,"']


def test_same_inputs_same_rows_and_nothing_extracted_again(ledger_sources, tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    build.build([ledger_sources], first, workers=1, extract=annotated_extract)
    build.build([ledger_sources], second, workers=1, extract=annotated_extract)
    assert dump(first) == dump(second)
    again = build.build([ledger_sources], first, workers=1, extract=annotated_extract)
    assert (again.extracted, again.reused) == (0, 4)
    assert dump(first) == dump(second)


def test_changed_and_removed_sources(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    digest = ledger_sources / "daily-digest.md"
    digest.write_text(digest.read_text().replace("$3.5 billion", "$3.5 billion (a figure no one else gives)"))
    (ledger_sources / "valley-ledger-report.md").unlink()
    report = build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    assert (report.extracted, report.reused, report.removed, report.sources) == (1, 2, 1, 3)
    db = sqlite_utils.Database(db_path)
    assert not db["claims"].count_where("source_id = 'valley-ledger-report'")
    assert "no one else" in db["claims"].rows_where("text = '$3.5 billion'").__next__()["sentence"]
    assert search(db_path, "grid") == []  # the removed source's quote is gone from the index too
    assert "Storage is where the grid is heading" not in str(dump(db_path))


def test_new_extractor_code_means_everything_is_extracted_again(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    (ledger_sources / "daily-digest.md").unlink()
    report = build.build([ledger_sources], db_path, workers=1, extract=other_extract)
    assert (report.extracted, report.reused, report.removed) == (3, 0, 1)
    assert report.claims == 3 and search(db_path, "grid") == ['"Storage is where the grid is heading,"']


def test_a_new_publication_date_means_extracting_again(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    article = ledger_sources / "valley-ledger-report.md"
    article.write_text(article.read_text().replace("published: 2025-03-05", "published: 2025-04-01"))
    report = build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    assert (report.extracted, report.reused) == (1, 3)


def test_the_process_pool_gives_the_same_database(ledger_sources, tmp_path):
    one, pool = tmp_path / "one.db", tmp_path / "pool.db"
    build.build([ledger_sources], one, workers=1, extract=annotated_extract)
    build.build([ledger_sources], pool, workers=2, extract=annotated_extract)
    assert dump(one) == dump(pool)


def test_an_extraction_failure_skips_that_source_only(ledger_sources, tmp_path):
    said = []
    report = build.build([ledger_sources], tmp_path / "x.db", workers=2, extract=failing_extract, say=said.append)
    assert report.sources == 3 and len(report.skipped) == 1
    assert said == [f"skipped: {ledger_sources / 'daily-digest.md'}: extraction failed (ValueError: rule blew up); "
                    "please report this"]


def test_the_real_extractor_on_the_fixture_articles(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    report = build.build([ledger_sources], db_path, workers=2)
    db = sqlite_utils.Database(db_path)
    bodies = {s["id"]: s["body"] for s in db["sources"].rows}
    claims = list(db["claims"].rows)
    assert report.claims == len(claims) > 0
    for claim in claims:
        assert bodies[claim["source_id"]][claim["start"]:claim["end"]] == claim["text"]
        assert claim["start"] >= claim["sentence_start"]
    money = {(c["source_id"], c["value"], c["unit"]) for c in claims if c["kind"] == "numeric"}
    assert ("corvid-announcement", 2.5e9, "USD") in money
    rebuilt = tmp_path / "again.db"
    build.build([ledger_sources], rebuilt, workers=1)
    assert dump(rebuilt) == dump(db_path)


def run_cli(*args):
    result = CliRunner().invoke(cli, ["build", *map(str, args)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_cli_build_quiet_summary_and_skips(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    quiet = run_cli(ledger_sources, "--db", db_path, "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""
    (ledger_sources / "empty.md").write_text("")
    loud = run_cli(ledger_sources, "--db", db_path)
    assert loud.exit_code == 1
    lines = loud.output.splitlines()
    assert f"skipped: {ledger_sources / 'empty.md'}: empty file; add the article text or remove the file" in lines
    assert lines[-1].startswith(f"{db_path}: 4 sources (0 extracted, 4 unchanged, 0 removed, 1 skipped), ")


def test_cli_build_defaults_to_sources_into_factcheck_db(ledger_sources, monkeypatch):
    monkeypatch.chdir(ledger_sources.parent)
    assert run_cli("--quiet").exit_code == 0
    assert sqlite_utils.Database("factcheck.db")["sources"].count == 4


def test_a_build_that_reads_no_source_leaves_the_database_alone(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    before = dump(db_path)
    result = run_cli(tmp_path / "typo", "--db", db_path, "--quiet")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"skipped: {tmp_path / 'typo'}: no such file or directory; check the path",
        f"Error: no source could be read; {db_path} is left as it was"]
    assert dump(db_path) == before


def test_cli_build_refuses_to_overwrite_a_file_that_is_not_a_ledger(ledger_sources, tmp_path):
    precious = tmp_path / "precious.db"
    sqlite_utils.Database(precious)["notes"].insert({"text": "keep me"})
    result = run_cli(ledger_sources, "--db", precious, "--quiet")
    assert result.exit_code == 1
    assert result.output == f"Error: {precious} is a SQLite database but not a factcheck ledger; choose another --db\n"
    assert sqlite_utils.Database(precious)["notes"].count == 1


SLOW_BUILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from conftest import annotated_extract
from factcheck import build

def slow(doc):
    Path({signal!r}).write_text("extracting")
    time.sleep(60)
    return annotated_extract(doc)

build.build([{sources!r}], {db!r}, workers=1, extract=slow)
"""


def start_slow_build(sources: Path, db_path: Path, tmp_path: Path) -> subprocess.Popen:
    signal_file = tmp_path / "started"
    script = SLOW_BUILD.format(tests=str(REPO / "tests"), signal=str(signal_file), sources=str(sources),
                               db=str(db_path))
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not signal_file.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "the slow build did not start"
        time.sleep(0.05)
    return proc


def test_a_second_build_while_one_runs_is_refused(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    proc = start_slow_build(ledger_sources, db_path, tmp_path)
    try:
        result = run_cli(ledger_sources, "--db", db_path, "--quiet")
        assert result.exit_code == 1
        assert result.output == f"Error: another build of {db_path} is running; wait for it to finish\n"
    finally:
        proc.kill()
        proc.wait()


def test_a_build_killed_midway_leaves_the_previous_database_intact(ledger_sources, tmp_path):
    db_path = tmp_path / "ledger.db"
    build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    before = dump(db_path)
    (ledger_sources / "daily-digest.md").unlink()  # so the killed build has work to do
    proc = start_slow_build(ledger_sources, db_path, tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert dump(db_path) == before
    assert sqlite_utils.Database(db_path).execute("pragma integrity_check").fetchone()[0] == "ok"
    # The next build cleans up the killed build's temporary file and goes ahead.
    report = build.build([ledger_sources], db_path, workers=1, extract=annotated_extract)
    assert report.removed == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
