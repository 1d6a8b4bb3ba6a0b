"""The ledger's schema and writes (factcheck.store), through the API, on hand-made claims."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
import sqlite_utils

from factcheck import store
from factcheck.models import Claim, Document, claim_id

BODY = ('Harbour Rail will spend about $800 million on new trains, its board said.\n'
        '"We owe riders better," said Lena Ortiz, chair of Harbour Rail.\n')


def make_doc(body: str = BODY, source_id: str = "harbour", **meta) -> Document:
    meta = {"title": "Trains", "outlet": "Port Post", **meta}
    return Document(source_id=source_id, path=f"{source_id}.md", body=body, **meta)


def make_claims(doc: Document) -> list[Claim]:
    money = "about $800 million"
    start = doc.body.index(money)
    quote = '"We owe riders better,"'
    qstart = doc.body.index(quote)
    second = doc.body.index("\n") + 1
    return [
        Claim(id=claim_id(doc.source_id, "numeric", start, start + len(money), money), source_id=doc.source_id,
              kind="numeric", text=money, start=start, end=start + len(money), sentence=doc.body[:second - 1],
              value=8e8, unit="USD", qualifier="about", subject="Harbour Rail", metric="investment", rule="money",
              confidence=0.8, confidence_reasons=["rule: money", "company statement"]),
        Claim(id=claim_id(doc.source_id, "quote", qstart, qstart + len(quote), quote), source_id=doc.source_id,
              kind="quote", text=quote, start=qstart, end=qstart + len(quote), sentence=doc.body[second:-1],
              sentence_start=second, quote="We owe riders better,", speaker="Lena Ortiz",
              speaker_role="chair of Harbour Rail", cue="said", rule="quote", confidence=0.9),
    ]


@pytest.fixture
def db() -> sqlite_utils.Database:
    database = sqlite_utils.Database(memory=True)
    store.create(database)
    return database


def search(db, table: str, words: str) -> list[str]:
    return [r[0] for r in db.execute(f"select rowid from {table}_fts where {table}_fts match ?", [words])]


def test_schema_has_every_table_view_index_and_search(db):
    assert {"sources", "claims", "speakers", "flags", "flag_claims", "reviews", "schema_version",
            "build_info"} <= set(db.table_names())
    assert set(db.view_names()) == {"claim_details", "quotes_by_speaker", "metric_across_sources"}
    assert [c.name for c in db["claims"].columns] == list(Claim.model_fields)
    assert [c.name for c in db["sources"].columns] == ["id", "path", "title", "outlet", "url", "published", "author",
                                                        "kind", "sha256", "body"]
    assert [c.name for c in db["flags"].columns] == ["id", "kind", "claim_ids", "explanation", "severity", "evidence"]
    assert [c.name for c in db["speakers"].columns] == ["name", "role", "organisation", "quotes"]
    assert [c.name for c in db["reviews"].columns] == ["claim_id", "status", "note", "reviewer", "reviewed_at"]
    assert {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys} == {("source_id", "sources")}
    indexed = {tuple(i.columns) for i in db["claims"].indexes}
    for facet in ("kind", "unit", "qualifier", "metric", "speaker", "source_id"):
        assert any(cols[0] == facet for cols in indexed), facet
    assert any(i.columns == ["outlet", "published"] for i in db["sources"].indexes)
    assert db["flags"].indexes and db["reviews"].indexes
    assert db["claims"].detect_fts() == "claims_fts" and db["sources"].detect_fts() == "sources_fts"
    assert {t.name for t in db["claims"].triggers} == {"claims_ai", "claims_ad", "claims_au"}
    assert store.schema_version(db) == store.current_version()


def test_ensure_is_idempotent(db):
    before = db.execute("select type, name, sql from sqlite_master order by name").fetchall()
    store.ensure(db)
    store.create(db)
    assert db.execute("select type, name, sql from sqlite_master order by name").fetchall() == before


def test_claims_round_trip_and_search_follows_every_change(db):
    doc = make_doc()
    claims = make_claims(doc)
    store.write_source(db, doc, claims)
    rows = list(db["claims"].rows_where(order_by="start"))
    assert [store.row_to_claim(r) for r in rows] == claims
    assert search(db, "claims", "riders") and search(db, "sources", "trains")

    # Re-extraction replaces the claims, and the index with them.
    store.write_source(db, doc, claims[:1])
    assert db["claims"].count == 1 and not search(db, "claims", "riders")
    # Metadata-only update keeps the claims.
    store.write_source(db, make_doc(title="New title"), None)
    assert db["claims"].count == 1 and db["sources"].get("harbour")["title"] == "New title"

    assert store.remove_sources(db, ["harbour"]) == 1
    assert db["claims"].count == 0 and db["sources"].count == 0
    assert not search(db, "claims", "million") and not search(db, "sources", "trains")


def test_speakers_are_counted_with_role_and_organisation(db):
    doc = make_doc()
    store.write_source(db, doc, make_claims(doc))
    other = make_doc(body='"Trains first," said Lena Ortiz.\n', source_id="other")
    q = '"Trains first,"'
    store.write_source(db, other, [Claim(id=claim_id("other", "quote", 0, len(q), q), source_id="other", kind="quote",
                                         text=q, start=0, end=len(q), sentence=other.body.strip(),
                                         quote="Trains first,", speaker="Lena Ortiz", rule="quote", confidence=0.7)])
    store.refresh_speakers(db)
    assert list(db["speakers"].rows) == [
        {"name": "Lena Ortiz", "role": "chair of Harbour Rail", "organisation": "Harbour Rail", "quotes": 2}]
    assert store.organisation_of("a spokesperson") is None


def test_replace_flags_writes_links_and_evidence_and_replaces_old_ones(db):
    doc = make_doc()
    a, b = make_claims(doc)
    store.write_source(db, doc, [a, b])
    flag = {"id": "f1", "kind": "value_mismatch", "claim_ids": [a.id, b.id, a.id], "severity": "high",
            "explanation": "The two figures disagree.", "evidence": [{"source_id": "harbour", "text": a.text}]}
    assert store.replace_flags(db, [flag]) == 1
    row = db["flags"].get("f1")
    assert row["kind"] == "value_mismatch" and row["severity"] == "high"
    assert '"text": "about $800 million"' in row["evidence"]
    assert sorted(r["claim_id"] for r in db["flag_claims"].rows) == sorted([a.id, b.id])
    store.replace_flags(db, [])
    assert db["flags"].count == 0 and db["flag_claims"].count == 0


def test_replace_reviews_keeps_the_latest_and_reports_unknown_claims(db):
    doc = make_doc()
    a, _ = make_claims(doc)
    store.write_source(db, doc, [a])
    missing = store.replace_reviews(db, [
        {"claim_id": a.id, "status": "disputed", "note": "first look"},
        {"claim_id": a.id, "status": "confirmed", "note": "checked the filing", "reviewer": "kim"},
        {"claim_id": "c_gone", "status": "false"},
    ])
    assert missing == ["c_gone"]
    assert db["reviews"].get(a.id)["status"] == "confirmed"
    assert db.execute("select review_status from claim_details").fetchone()[0] == "confirmed"
    with pytest.raises(store.StoreError, match="status must be one of"):
        store.replace_reviews(db, [{"claim_id": a.id, "status": "maybe"}])


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rebuilding_replaces_the_file_only_on_success(tmp_path):
    path = tmp_path / "ledger.db"
    doc = make_doc()
    with store.rebuilding(path) as db:
        store.write_source(db, doc, make_claims(doc))
    before = sha(path)
    with pytest.raises(RuntimeError):
        with store.rebuilding(path) as db:
            store.remove_sources(db, ["harbour"])
            raise RuntimeError("crash in the middle")
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]  # no temp file or lock left


def test_a_second_build_is_told_another_is_running(tmp_path):
    path = tmp_path / "ledger.db"
    with store.lock(path):
        with pytest.raises(store.BuildLocked, match="another build of .* is running"):
            with store.rebuilding(path):
                pass
    with store.rebuilding(path):  # released again
        pass


def test_an_older_schema_is_upgraded_with_one_line_each_step(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    doc = make_doc()
    with store.rebuilding(path) as db:
        store.write_source(db, doc, make_claims(doc))

    def add_checked_column(db):
        db["claims"].add_column("checked", int)

    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + [(2, "claims.checked column", add_checked_column)])
    said = []
    with store.rebuilding(path, say=said.append) as db:
        assert db["claims"].count == 2  # the data came along
    assert said == [f"{path}: upgraded the schema to version 2: claims.checked column"]
    upgraded = sqlite_utils.Database(path)
    assert "checked" in upgraded["claims"].columns_dict and store.schema_version(upgraded) == 2


def test_a_failing_migration_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "ledger.db"
    with store.rebuilding(path):
        pass
    before = sha(path)

    def broken(db):
        db["claims"].add_column("half", int)
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS + [(2, "broken", broken)])
    with pytest.raises(sqlite3.OperationalError):
        with store.rebuilding(path):
            pass
    assert sha(path) == before


def test_unknown_schema_versions_are_rebuilt_and_foreign_files_refused(tmp_path):
    newer = tmp_path / "newer.db"
    with store.rebuilding(newer) as db:
        db["schema_version"].insert({"version": 99, "description": "from the future"})
    said = []
    with store.rebuilding(newer, say=said.append) as db:
        assert db["sources"].count == 0
    assert said and "rebuilding it from the sources" in said[0]
    assert store.schema_version(sqlite_utils.Database(newer)) == store.current_version()

    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["people"].insert({"name": "x"})
    with pytest.raises(store.StoreError, match="not a factcheck ledger"):
        with store.rebuilding(other):
            pass
    assert sqlite_utils.Database(other)["people"].count == 1

    text = tmp_path / "notes.db"
    text.write_text("just some notes\n" * 100)
    with pytest.raises(store.StoreError, match="not a SQLite database"):
        store.check_existing(text)
    assert text.read_text().startswith("just some notes")
