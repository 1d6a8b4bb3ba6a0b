"""factcheck verify and factcheck contradictions: labels on the test stories, and the command line a user sees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from factcheck import build
from factcheck.cli import cli
from factcheck.crosscheck import steps
from factcheck.verify import EXIT_CODES, verify

STORIES = Path(__file__).resolve().parent / "stories"
STORY_NAMES = sorted(p.name for p in STORIES.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def story_dbs(tmp_path_factory):
    out = {}
    for name in STORY_NAMES:
        path = tmp_path_factory.mktemp(name) / "story.db"
        build.build([STORIES / name], path, workers=1, after=steps(None))
        out[name] = path
    return out


def cases():
    for name in STORY_NAMES:
        expected = yaml.safe_load((STORIES / name / "expected.yaml").read_text(encoding="utf-8"))
        for case in expected.get("verify", []):
            yield pytest.param(name, case["sentence"], case["label"], id=f"{name}: {case['sentence'][:50]}")


@pytest.mark.parametrize("story,sentence,label", list(cases()))
def test_verify_labels_story_sentences(story_dbs, story, sentence, label):
    verdict = verify(sentence, sqlite_utils.Database(story_dbs[story]))
    assert verdict.label == label, verdict.explanation
    if label != "NOT_ENOUGH_EVIDENCE":
        assert verdict.evidence and 0 < verdict.confidence <= 1
        relations = {e["relation"] for e in verdict.evidence}
        assert relations <= {"supports", "refutes"}
        for e in verdict.evidence:
            assert set(e) >= {"source_id", "path", "url", "outlet", "published", "start", "end", "text", "sentence",
                              "relation"}
            assert e["text"] in e["sentence"]


def test_verify_explains_a_misattributed_quote(story_dbs):
    verdict = verify("Rafael Duarte said the funding lets us triple our lab capacity.",
                     sqlite_utils.Database(story_dbs["brightwater"]))
    assert "Amara Celik" in verdict.explanation and "Rafael Duarte" in verdict.explanation
    refuting = [e for e in verdict.evidence if e["relation"] == "refutes"]
    assert {e["source_id"] for e in refuting} >= {"brightwater-release", "ledger-post"}


def test_nothing_checkable():
    db = sqlite_utils.Database(memory=True)
    assert verify("What a day it has been.", db).label == "NOT_ENOUGH_EVIDENCE"
    assert verify("   ", db).label == "NOT_ENOUGH_EVIDENCE"


# --- the command line ------------------------------------------------------------------------------------------------


def run(args, **kwargs):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


@pytest.mark.parametrize("sentence,code", [
    ("Orison Capital will invest up to $40 million in Brightwater Labs.", 0),
    ("Tessel Ventures is investing $40 million in Brightwater Labs.", 3),
    ("Brightwater Labs plans to open a factory in Lisbon next spring.", 5),
])
def test_verify_exit_status_says_the_label(story_dbs, sentence, code):
    result = run(["verify", sentence, "--db", str(story_dbs["brightwater"]), "--format", "json"])
    assert result.exit_code == code, result.output
    answer = json.loads(result.output)
    assert EXIT_CODES[answer["label"]] == code
    assert set(answer) >= {"label", "confidence", "explanation", "evidence"}


def test_verify_conflicting_exit_status(story_dbs):
    result = run(["verify", "The Gullrock wind farm will have a capacity of 800 MW.", "--db",
                  str(story_dbs["calderra"])])
    assert result.exit_code == 4
    assert result.output.startswith("CONFLICTING") and "Evidence:" in result.output


def test_verify_file_prints_json_lines(story_dbs, tmp_path):
    lines = tmp_path / "sentences.txt"
    lines.write_text("Orison Capital will invest up to $40 million in Brightwater Labs.\n\n"
                     "Tessel Ventures is investing $40 million in Brightwater Labs.\n", encoding="utf-8")
    result = run(["verify", "--file", str(lines), "--db", str(story_dbs["brightwater"])])
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["label"] for a in answers] == ["SUPPORTED", "REFUTED"]


def test_verify_usage_errors_and_help(story_dbs):
    assert run(["verify", "--db", str(story_dbs["brightwater"])]).exit_code == 2
    assert run(["verify", "x", "--format", "xml"]).exit_code == 2
    help_text = " ".join(run(["verify", "--help"]).output.split())
    for words in ("0 SUPPORTED", "3 REFUTED", "4 CONFLICTING", "5 NOT_ENOUGH_EVIDENCE", "2 usage error", "--file"):
        assert words in help_text


def test_verify_builds_a_missing_database_from_sources(tmp_path, monkeypatch):
    shutil.copytree(STORIES / "brightwater", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    result = run(["verify", "Orison Capital will invest up to $40 million in Brightwater Labs."])
    assert result.exit_code == 0
    assert (tmp_path / "factcheck.db").exists()


def test_verify_bad_database_is_one_line(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(cli, ["verify", "anything at all", "--db", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_contradictions_lists_every_flag_with_its_evidence(story_dbs):
    result = run(["contradictions", "--db", str(story_dbs["brightwater"]), "--format", "jsonl"])
    assert result.exit_code == 0
    flags = [json.loads(line) for line in result.output.splitlines()]
    assert {"swapped_parties", "value_mismatch", "quote_misattribution", "arithmetic", "date_mismatch"} <= {
        f["kind"] for f in flags}
    for f in flags:
        assert set(f) == {"id", "kind", "claim_ids", "explanation", "severity", "evidence"}
        for side in f["evidence"]:
            assert set(side) >= {"source_id", "path", "url", "outlet", "published", "start", "end", "text",
                                 "sentence"}
    high = run(["contradictions", "--db", str(story_dbs["calderra"]), "--min-severity", "medium"])
    assert "arithmetic_check" not in high.output and "quote_misattribution" in high.output


def test_build_writes_flags_and_confidence_reasons(story_dbs):
    db = sqlite_utils.Database(story_dbs["brightwater"])
    assert db["flags"].count >= 5
    linked = {r[0] for r in db.execute("select claim_id from flag_claims")}
    assert linked <= {r[0] for r in db.execute("select id from claims")}
    swapped = db.execute("select c.confidence, c.confidence_reasons from claims c join flag_claims fc "
                         "on fc.claim_id = c.id join flags f on f.id = fc.flag_id "
                         "where f.kind = 'swapped_parties' and c.source_id = 'techdigest-daily'").fetchall()
    assert swapped and all(conf < 0.5 and "contradicted" in reasons for conf, reasons in swapped)


def test_cross_check_is_skipped_when_nothing_changed(story_dbs, tmp_path):
    from factcheck.crosscheck import cross_check

    path = tmp_path / "copy.db"
    path.write_bytes(Path(story_dbs["calderra"]).read_bytes())
    db = sqlite_utils.Database(path)
    assert cross_check(db) is None  # built with this code from these sources: nothing to redo
    assert cross_check(db, force=True) is not None
    db.execute("delete from claims where source_id = 'energyfeed'")
    result = cross_check(db)
    assert result is not None
    assert set(result.kinds) & {"value_mismatch", "quote_misattribution"} == set()


def test_verify_keeps_its_exit_status_when_the_reader_stops_early(story_dbs):
    # `factcheck verify "..." | head -1`: the pipe closes before the evidence is written
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "from factcheck.cli import cli; cli()", "verify",
                             "Tessel Ventures is investing $40 million in Brightwater Labs.",
                             "--db", str(story_dbs["brightwater"])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    proc.stdout.close()  # the reader is gone before the first line: every write meets a broken pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 3  # REFUTED, as when the whole answer is read
    assert "Traceback" not in err
