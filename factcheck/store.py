"""The claim ledger as SQLite: schema, migrations, writes, and the one safe way to change a database file.

Every change to a database file goes through :func:`rebuilding`: it takes a lock, works on a temporary copy
(upgraded to the current schema first) and renames the copy into place only when the work succeeded, so a crash,
a kill or a bug leaves the previous database as it was and readers never see a half-written file.

Tables: ``sources``, ``claims`` (one row per :class:`~factcheck.models.Claim`), ``speakers`` (derived from quotes),
``flags`` with ``flag_claims`` (written by cross-referencing through :func:`replace_flags`) and ``reviews``
(written from the reviewed ledger through :func:`replace_reviews`). :func:`ensure` adds the indexes, full-text
search with its triggers, and views; it is idempotent and runs after every change.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Optional, Union

import sqlite_utils
from pydantic import BaseModel

from .models import Claim, Document

Say = Callable[[str], None]

CLAIM_FIELDS = list(Claim.model_fields)
FTS_CLAIMS = ["text", "sentence", "quote"]
FTS_SOURCES = ["title", "body"]
FLAG_SEVERITIES = ("info", "low", "medium", "high")  # info: a passed check (crossref.SEVERITIES)
REVIEW_STATUSES = ("confirmed", "disputed", "false", "needs-context")


class StoreError(Exception):
    """A problem with a database file that the user can act on; ``str()`` is one line."""


class BuildLocked(StoreError):
    """Another process is changing the same database file."""


# --- schema and migrations ------------------------------------------------------------------------------------------


_CLAIM_TYPES: dict[str, Any] = {"start": int, "end": int, "sentence_start": int, "value": float, "low": float,
                                "high": float, "confidence": float}


def _m1_ledger(db: sqlite_utils.Database) -> None:
    db.create_table(
        "sources",
        {"id": str, "path": str, "title": str, "outlet": str, "url": str, "published": str, "author": str,
         "kind": str, "sha256": str, "body": str},
        pk="id", not_null=["path", "sha256", "body"],
    )
    claim_columns = {name: _CLAIM_TYPES.get(name, str) for name in CLAIM_FIELDS}
    db.create_table("claims", claim_columns, pk="id", foreign_keys=[("source_id", "sources", "id")],
                    not_null=["source_id", "kind", "text", "start", "end", "sentence", "rule", "confidence"])
    db.create_table("speakers", {"name": str, "role": str, "organisation": str, "quotes": int}, pk="name")
    db.create_table("flags", {"id": str, "kind": str, "claim_ids": str, "explanation": str, "severity": str,
                              "evidence": str}, pk="id", not_null=["kind", "claim_ids", "explanation"])
    db.create_table("flag_claims", {"flag_id": str, "claim_id": str}, pk=("flag_id", "claim_id"),
                    foreign_keys=[("flag_id", "flags", "id"), ("claim_id", "claims", "id")])
    db.create_table("reviews", {"claim_id": str, "status": str, "note": str, "reviewer": str, "reviewed_at": str},
                    pk="claim_id", foreign_keys=[("claim_id", "claims", "id")], not_null=["status"])
    db.create_table("build_info", {"key": str, "value": str}, pk="key")


MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "claim ledger: sources, claims, speakers, flags, flag_claims, reviews, build_info", _m1_ledger),
]
"""(version, description, function) in order; append a step to change the schema, never edit a released one."""


def schema_version(db: sqlite_utils.Database) -> Optional[int]:
    """The schema version of ``db``: 0 for an empty database, None for one that is not a factcheck ledger."""
    tables = set(db.table_names())
    if not tables:
        return 0
    if "schema_version" not in tables:
        return None
    row = db.execute("select max(version) from schema_version").fetchone()
    return row[0] or 0


def current_version() -> int:
    return MIGRATIONS[-1][0]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations, each in its own transaction; returns a description of each step applied."""
    version = schema_version(db)
    if version is None:
        raise StoreError("not a factcheck database (no schema_version table)")
    if version > current_version():
        raise StoreError(f"schema version {version} is newer than this factcheck ({current_version()})")
    applied = []
    for number, description, step in MIGRATIONS:
        if number <= version:
            continue
        with db.atomic():
            if "schema_version" not in db.table_names():
                db.create_table("schema_version", {"version": int, "description": str}, pk="version")
            step(db)
            db["schema_version"].insert({"version": number, "description": description})
        applied.append(f"{number}: {description}")
    return applied


# A facet column's index ends with the primary key, the table's default order: a page filtered on one facet value
# then reads its rows straight off the index instead of sorting every match (at a million claims, "metric =
# investment" is 30,000 rows). The same index answers the facet's counts.
_INDEXES = {
    "claims": [["source_id", "id"], ["kind", "id"], ["unit", "id"], ["qualifier", "id"], ["metric", "id"],
               ["speaker", "id"], ["kind", "speaker"], ["metric", "subject"], ["rule"], ["confidence"]],
    "sources": [["outlet", "published"], ["kind"], ["published"]],
    "flags": [["kind"], ["severity"]],
    "flag_claims": [["claim_id"]],
    "reviews": [["status"]],
}
# Indexes earlier versions made that the ones above replace.
_RETIRED_INDEXES = ["idx_claims_source_id", "idx_claims_unit", "idx_claims_qualifier", "idx_claims_speaker"]
# Case-insensitive lookups for the canned queries; the last one also gives "every figure for one metric" its
# order, so the first page comes straight off the index at a million claims.
_QUERY_INDEXES = {
    "idx_claims_subject_nocase": "claims(subject collate nocase)",
    "idx_claims_object_nocase": "claims(object collate nocase)",
    "idx_claims_speaker_nocase": "claims(speaker collate nocase)",
    "idx_claims_metric_figures": "claims(metric collate nocase, subject, unit, value)",
}

# Views carry no ORDER BY: SQLite 3.40 sorts every row of a view with one even to count them (1.4 s a page at a
# million claims). The order a page shows is the metadata's sort.
VIEWS = {
    "claim_details": """
select c.id, c.kind, c.text, c.value, c.low, c.high, c.unit, c.per, c.qualifier, c.subject, c.object, c.metric,
  c.time, c.quote, c.speaker, c.speaker_role, c.hedge, c.attribution, c.confidence, c.sentence, c.start, c."end",
  c.sentence_start, c.source_id, s.title as source_title, s.outlet, s.published, s.kind as source_kind, s.url,
  r.status as review_status
from claims c join sources s on s.id = c.source_id left join reviews r on r.claim_id = c.id""",
    "quotes_by_speaker": """
select c.speaker, c.speaker_role, c.quote, c.cue, c.confidence, s.outlet, s.published, c.source_id, c.id as claim_id
from claims c join sources s on s.id = c.source_id
where c.kind = 'quote'""",
    "metric_across_sources": """
select c.metric, c.subject, c.object, c.value, c.low, c.high, c.unit, c.per, c.qualifier, c.time, c.text,
  s.outlet, s.published, s.kind as source_kind, c.source_id, c.id as claim_id
from claims c join sources s on s.id = c.source_id
where c.kind = 'numeric' and c.metric is not null""",
}


def ensure_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def ensure_writable(db: sqlite_utils.Database) -> None:
    """What writes need before a bulk build: the views, and the index that finds a source's claims."""
    db["claims"].create_index(["source_id", "id"], if_not_exists=True)
    ensure_views(db)


def ensure(db: sqlite_utils.Database) -> None:
    """Indexes, full-text search (porter stemming, kept in step by triggers) and views; safe to run again.

    On a new database a build writes first and calls this at the end: building indexes and the search index in
    bulk is about three times faster than keeping them up to date row by row.
    """
    for table, indexes in _INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for name, target in _QUERY_INDEXES.items():
        db.execute(f"create index if not exists {name} on {target}")
    for name in _RETIRED_INDEXES:
        db.execute(f"drop index if exists {name}")
    db["claims"].enable_fts(FTS_CLAIMS, create_triggers=True, tokenize="porter", replace=True)
    db["sources"].enable_fts(FTS_SOURCES, create_triggers=True, tokenize="porter", replace=True)
    ensure_views(db)


def create(db: sqlite_utils.Database) -> None:
    """Bring ``db`` (empty or an older ledger) to the current schema, with indexes, search and views."""
    migrate(db)
    ensure(db)


# --- rows -----------------------------------------------------------------------------------------------------------


SOURCE_COLUMNS = ["id", "path", "title", "outlet", "url", "published", "author", "kind", "sha256", "body"]


def source_row(doc: Document) -> dict:
    return {
        "id": doc.source_id, "path": doc.path, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None, "author": doc.author,
        "kind": doc.kind, "sha256": doc.sha256, "body": doc.body,
    }


def claim_row(claim: Claim) -> dict:
    row = claim.model_dump()
    row["confidence_reasons"] = json.dumps(row["confidence_reasons"], ensure_ascii=False)
    return row


def claim_values(claim: Claim) -> tuple:
    """A claim as a ``claims`` row tuple in column order: what workers send back and the writer inserts."""
    return tuple(json.dumps(claim.confidence_reasons, ensure_ascii=False) if name == "confidence_reasons"
                 else getattr(claim, name) for name in CLAIM_FIELDS)


def row_to_claim(row: Mapping) -> Claim:
    """A Claim from a ``claims`` row (the inverse of :func:`claim_row`)."""
    data = {k: row[k] for k in CLAIM_FIELDS if k in row.keys()}
    reasons = data.get("confidence_reasons")
    data["confidence_reasons"] = json.loads(reasons) if isinstance(reasons, str) else (reasons or [])
    return Claim(**data)


def _as_dict(item: Union[Mapping, BaseModel]) -> dict:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else dict(item)


# --- writes ---------------------------------------------------------------------------------------------------------


def source_states(db: sqlite_utils.Database) -> dict[str, tuple]:
    """source id -> its row without the body, in SOURCE_COLUMNS order: what a build compares a file against."""
    columns = ", ".join(f'"{c}"' for c in SOURCE_COLUMNS[:-1])
    return {r[0]: tuple(r) for r in db.execute(f"select {columns} from sources")}


# The writer's hot path uses prepared statements (sqlite-utils' insert_all re-reads the schema and converts every
# value on each call, which costs more than the extraction of a short article).
_SOURCE_UPSERT = "insert into sources ({}) values ({}) on conflict(id) do update set {}".format(
    ", ".join(f'"{c}"' for c in SOURCE_COLUMNS), ", ".join(f":{c}" for c in SOURCE_COLUMNS),
    ", ".join(f'"{c}" = excluded."{c}"' for c in SOURCE_COLUMNS[1:]))
_CLAIM_INSERT = "insert or replace into claims ({}) values ({})".format(
    ", ".join(f'"{c}"' for c in CLAIM_FIELDS), ", ".join("?" for _ in CLAIM_FIELDS))


def write_source(db: sqlite_utils.Database, doc: Document, claims: Optional[Iterable[Union[Claim, tuple]]],
                 new: bool = False) -> None:
    """Store a document's row; with ``claims`` (a fresh extraction: Claims or :func:`claim_values` tuples) replace
    its claims, with None keep the ones it has. ``new`` says the source is not in the database yet."""
    with db.atomic():
        db.execute(_SOURCE_UPSERT, source_row(doc))
        if claims is not None:
            if not new:
                db.execute("delete from claims where source_id = ?", [doc.source_id])
            db.conn.executemany(_CLAIM_INSERT, (c if isinstance(c, tuple) else claim_values(c) for c in claims))


def remove_sources(db: sqlite_utils.Database, source_ids: Iterable[str]) -> int:
    """Delete sources and their claims; returns how many sources went."""
    ids = list(source_ids)
    with db.atomic():
        for sid in ids:
            db["claims"].delete_where("source_id = ?", [sid])
            db["sources"].delete_where("id = ?", [sid])
    return len(ids)


def refresh_speakers(db: sqlite_utils.Database) -> None:
    """Rebuild ``speakers`` from the quotes: each speaker's most frequent role, its organisation, quote count."""
    rows = db.execute("""
        select speaker, speaker_role, count(*) from claims
        where kind = 'quote' and speaker is not null and speaker != ''
        group by speaker, speaker_role order by speaker, count(*) desc, speaker_role""").fetchall()
    speakers: dict[str, dict] = {}
    for name, role, n in rows:
        entry = speakers.setdefault(name, {"name": name, "role": None, "organisation": None, "quotes": 0})
        entry["quotes"] += n
        if entry["role"] is None and role:
            entry["role"] = role
            entry["organisation"] = organisation_of(role)
    with db.atomic():
        db.execute("delete from speakers")
        db["speakers"].insert_all(speakers.values(), pk="name")


def organisation_of(role: str) -> Optional[str]:
    """'chief executive of Microsoft' -> 'Microsoft'; a role without 'of'/'at' names no organisation."""
    for joiner in (" of ", " at "):
        if joiner in role:
            return role.rsplit(joiner, 1)[1].strip(" ,.") or None
    return None


def replace_flags(db: sqlite_utils.Database, flags: Iterable[Union[Mapping, BaseModel]]) -> int:
    """Replace every flag (cross-referencing recomputes them all) and the flag-to-claim links; returns the count.

    Each flag is a mapping or pydantic model with ``id``, ``kind``, ``claim_ids`` (list of claim ids),
    ``explanation`` (one sentence), ``severity`` (``info`` for a passed check, ``low``, ``medium`` or ``high``) and
    optional ``evidence`` (a list of mappings, one per side, stored as JSON).
    """
    with db.atomic():
        db.execute("delete from flag_claims")
        db.execute("delete from flags")
        return add_flags(db, flags)


def add_flags(db: sqlite_utils.Database, flags: Iterable[Union[Mapping, BaseModel]]) -> int:
    """Add flags (as :func:`replace_flags` takes them) and their links to claims; returns the count. The cross-check
    writes a story's flags at a time."""
    rows, links = [], []
    for flag in flags:
        f = _as_dict(flag)
        claim_ids = list(f["claim_ids"])
        rows.append({"id": f["id"], "kind": f["kind"], "claim_ids": json.dumps(claim_ids),
                     "explanation": f["explanation"], "severity": f.get("severity"),
                     "evidence": json.dumps(f.get("evidence") or [], ensure_ascii=False, default=str)})
        links.extend({"flag_id": f["id"], "claim_id": cid} for cid in dict.fromkeys(claim_ids))
    with db.atomic():
        db["flags"].insert_all(rows, pk="id")
        db["flag_claims"].insert_all(links, pk=("flag_id", "claim_id"))
    return len(rows)


def replace_reviews(db: sqlite_utils.Database, rows: Iterable[Union[Mapping, BaseModel]]) -> list[str]:
    """Replace the reviews with ``rows`` (claim_id, status, note, reviewer, reviewed_at); a later row for the same
    claim wins. Returns the ids of reviewed claims that are not in the database, so the caller can report them."""
    latest: dict[str, dict] = {}
    for row in rows:
        r = _as_dict(row)
        if r.get("status") not in REVIEW_STATUSES:
            raise StoreError(f"review of {r.get('claim_id')}: status must be one of {', '.join(REVIEW_STATUSES)}")
        latest[r["claim_id"]] = {k: r.get(k) for k in ("claim_id", "status", "note", "reviewer", "reviewed_at")}
        if latest[r["claim_id"]]["reviewed_at"] is not None:
            latest[r["claim_id"]]["reviewed_at"] = str(latest[r["claim_id"]]["reviewed_at"])
    with db.atomic():
        db.execute("delete from reviews")
        db["reviews"].insert_all(latest.values(), pk="claim_id")
    known = {r[0] for r in db.execute(
        "select r.claim_id from reviews r join claims c on c.id = r.claim_id")}
    return sorted(set(latest) - known)


def set_info(db: sqlite_utils.Database, key: str, value: str) -> None:
    db["build_info"].upsert({"key": key, "value": value}, pk="key")


def get_info(db: sqlite_utils.Database, key: str) -> Optional[str]:
    row = db.execute("select value from build_info where key = ?", [key]).fetchone()
    return row[0] if row else None


def finish(db: sqlite_utils.Database) -> None:
    """What every change ends with: derived speakers, indexes/search/views, fresh planner statistics."""
    refresh_speakers(db)
    ensure(db)
    db.execute("analyze")


# --- the database file: lock, temporary copy, rename ----------------------------------------------------------------


@contextlib.contextmanager
def lock(db_path: Union[str, Path]) -> Iterator[None]:
    """Hold ``<db>.lock`` for the duration, or raise BuildLocked at once if another process holds it."""
    lock_path = Path(str(db_path) + ".lock")
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise StoreError(f"cannot create {lock_path} ({e.strerror}); check the folder's permissions") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise BuildLocked(f"another build of {db_path} is running; wait for it to finish") from None
            raise
        # The file we locked must still be the one at the path (a finishing build removes it).
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(fd)


@contextlib.contextmanager
def read_only(db_path: Union[str, Path]) -> Iterator[Optional[sqlite_utils.Database]]:
    """The ledger at ``db_path`` opened read-only, or None when it cannot be (missing, not SQLite, not ours)."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error:
        yield None
        return
    try:
        db = sqlite_utils.Database(conn)
        yield db if schema_version(db) else None
    except sqlite3.Error:
        yield None
    finally:
        conn.close()


def check_existing(db_path: Union[str, Path]) -> Optional[int]:
    """Schema version of the file at ``db_path`` (None when there is no file); StoreError when it must not be
    touched: unreadable, not SQLite, or a database that is not a factcheck ledger."""
    path = Path(db_path)
    if not path.exists():
        return None
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give a file name with --db")
    if not os.access(path, os.R_OK):
        raise StoreError(f"{path} cannot be read (permission denied); check its permissions")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = schema_version(sqlite_utils.Database(conn))
            if version is None:
                tables = set(sqlite_utils.Database(conn).table_names())
                version = -1 if {"sources", "claims"} <= tables else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path} is not a SQLite database ({e}); remove it or choose another --db") from None
    if version is None:
        raise StoreError(f"{path} is a SQLite database but not a factcheck ledger; choose another --db")
    return version


@contextlib.contextmanager
def rebuilding(db_path: Union[str, Path], say: Optional[Say] = None, fresh: bool = False) -> Iterator[sqlite_utils.Database]:
    """Lock ``db_path``, yield a writable copy at the current schema, and rename it into place on success.

    The copy starts from the existing ledger (upgraded by the migrations) unless ``fresh`` is set, the file is
    missing, or it comes from an unknown schema, in which case it starts empty and ``say`` gets one line why.
    On any exception the copy is deleted and the file at ``db_path`` is untouched.
    """
    say = say or (lambda message: None)
    db_path = Path(db_path)
    with lock(db_path):
        version = check_existing(db_path)
        directory = db_path.parent if str(db_path.parent) else Path(".")
        for stale in directory.glob(f".{glob.escape(db_path.name)}.*.tmp"):  # left by a build that was killed
            with contextlib.suppress(OSError):
                stale.unlink()
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
        tmp = Path(tmp_name)
        db = None
        try:
            unknown = version is not None and (version == -1 or version > current_version())
            if unknown and not fresh:
                say(f"{db_path}: schema version {'unknown' if version == -1 else version} is not one this factcheck "
                    f"can upgrade (it knows {current_version()}); rebuilding it from the sources")
            if version and not unknown and not fresh:
                _copy(db_path, tmp)
            db = sqlite_utils.Database(tmp)
            db.execute("pragma journal_mode = memory")  # the copy is disposable until the rename
            db.execute("pragma synchronous = off")
            steps = migrate(db)
            if version and not unknown and not fresh:
                for step in steps:
                    say(f"{db_path}: upgraded the schema to version {step}")
                ensure(db)
            else:
                ensure_writable(db)  # the other indexes and search come in bulk at the end (finish)
            yield db
            finish(db)
            db.conn.commit()
            db.close()
            db = None
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, db_path)
        finally:
            if db is not None:
                db.close()
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _copy(src: Path, dst: Path) -> None:
    """A consistent copy of a live SQLite file (the backup API, safe while Datasette reads it)."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
