"""The reviewed claim ledger: factcheck review writes plain files, build applies them, orphans are reported."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from factcheck import build
from factcheck.cli import cli
from factcheck.crosscheck import steps
from factcheck.ledger import LedgerError, apply_reviews, read_reviews, review

STORY = Path(__file__).resolve().parent / "stories" / "brightwater"
WHEN = datetime(2024, 3, 20, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def workspace(tmp_path):
    shutil.copytree(STORY, tmp_path / "sources")
    db_path = tmp_path / "ledger.db"
    build.build([tmp_path / "sources"], db_path, workers=1, after=steps(None))
    return tmp_path, db_path


def claim_with(db_path, source_id, text):
    db = sqlite_utils.Database(db_path)
    return db.execute("select id from claims where source_id = ? and text = ?", [source_id, text]).fetchone()[0]


def test_review_writes_a_plain_file_that_diffs_well(workspace):
    tmp, db_path = workspace
    db = sqlite_utils.Database(db_path)
    later = claim_with(db_path, "techdigest-daily", "$25 million")
    earlier = claim_with(db_path, "techdigest-daily", "$40 million")
    path = review(db, later, "false", note="Swapped: the release gives Orison up to $40 million.",
                  reviewer="kim", claims_dir=tmp / "claims", now=WHEN)
    review(db, earlier, "disputed", note="Swapped with Orison's amount.", reviewer="kim",
           claims_dir=tmp / "claims", now=WHEN)
    assert path == tmp / "claims" / "techdigest-daily.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["source_id"] == "techdigest-daily"
    assert [r["claim_id"] for r in data["reviews"]] == [earlier, later]  # in the order they appear in the source
    assert data["reviews"][1]["status"] == "false" and data["reviews"][1]["reviewer"] == "kim"
    # Reviewing the same claim again replaces its entry and changes only that entry's lines.
    review(db, later, "confirmed", note="Checked again.", reviewer="kim", claims_dir=tmp / "claims", now=WHEN)
    again = path.read_text(encoding="utf-8")
    changed = [a for a, b in zip(text.splitlines(), again.splitlines()) if a != b]
    assert len(text.splitlines()) == len(again.splitlines()) and len(changed) == 2  # status and note


def test_build_applies_reviews_and_reports_orphans(workspace):
    tmp, db_path = workspace
    claim = claim_with(db_path, "northern-wire", "$70 million")
    review(sqlite_utils.Database(db_path), claim, "false", note="The release says $40 million.",
           claims_dir=tmp / "claims", now=WHEN)
    said = []
    build.build([tmp / "sources"], db_path, workers=1, after=steps(tmp / "claims", say=said.append))
    db = sqlite_utils.Database(db_path)
    assert db.execute("select status, note from reviews where claim_id = ?", [claim]).fetchone() == (
        "false", "The release says $40 million.")
    assert said == []
    # The source text changes: the claim id goes, the review stays in its file and is reported, never dropped.
    article = tmp / "sources" / "northern-wire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("$70 million", "$40 million"), encoding="utf-8")
    build.build([tmp / "sources"], db_path, workers=1, after=steps(tmp / "claims", say=said.append))
    assert len(said) == 1 and claim in said[0] and "northern-wire.yaml" in said[0]
    assert [r["claim_id"] for r in read_reviews(tmp / "claims")] == [claim]


def test_status_facet_in_claim_details(workspace):
    tmp, db_path = workspace
    claim = claim_with(db_path, "northern-wire", "$70 million")
    review(sqlite_utils.Database(db_path), claim, "needs-context", note="Which round?", claims_dir=tmp / "claims")
    apply_reviews(sqlite_utils.Database(db_path), tmp / "claims")
    row = sqlite_utils.Database(db_path).execute(
        "select review_status from claim_details where id = ?", [claim]).fetchone()
    assert row == ("needs-context",)


def test_bad_ledger_files_are_one_clear_line(tmp_path):
    (tmp_path / "claims").mkdir()
    bad = tmp_path / "claims" / "x.yaml"
    bad.write_text("reviews:\n  - claim_id: c_1\n    status: wrong\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="status must be one of"):
        read_reviews(tmp_path / "claims")
    bad.write_text("reviews: [unclosed\n", encoding="utf-8")
    with pytest.raises(LedgerError, match="cannot read"):
        read_reviews(tmp_path / "claims")
    bad.write_text("reviews:\n  - claim_id: c_1\n    status: false\n", encoding="utf-8")  # unquoted YAML false
    assert read_reviews(tmp_path / "claims")[0]["status"] == "false"


def test_review_command(workspace, monkeypatch):
    tmp, db_path = workspace
    monkeypatch.chdir(tmp)
    claim = claim_with(db_path, "market-brief", "$75 million")
    result = CliRunner().invoke(cli, ["review", claim, "--status", "false", "--note", "40 + 25 is 65",
                                      "--reviewer", "kim", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert (tmp / "claims" / "market-brief.yaml").exists()
    unknown = CliRunner().invoke(cli, ["review", "c_0000000000000000", "--status", "false", "--note", "x",
                                       "--db", str(db_path)])
    assert unknown.exit_code == 1 and "no claim c_0000000000000000" in unknown.output
    assert "Traceback" not in unknown.output
    bad = CliRunner().invoke(cli, ["review", claim, "--status", "maybe", "--note", "x", "--db", str(db_path)])
    assert bad.exit_code == 2


def test_an_unwritable_ledger_folder_is_one_line(workspace):
    tmp, db_path = workspace
    (tmp / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    claim = claim_with(db_path, "market-brief", "$75 million")
    result = CliRunner().invoke(cli, ["review", claim, "--status", "false", "--note", "x", "--db", str(db_path),
                                      "--claims-dir", str(tmp / "blocked" / "claims")])
    assert result.exit_code == 1 and "cannot write" in result.output and "Traceback" not in result.output
