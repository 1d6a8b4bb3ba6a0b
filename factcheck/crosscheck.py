"""The build step that cross-checks a claim database: flags, confidences, and the reviewed ledger, in one pass.

``factcheck build`` runs :func:`steps` after the claims are written and before the new database replaces the old
one, so a database on disk always has flags and confidences that match its claims.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
from collections import Counter, deque, namedtuple
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional, Union

import sqlite_utils

from . import store
from .confidence import scores
from .crossref import can_fork, cross_reference
from .models import Document
from .stories import stories

Say = Callable[[str], None]


def load_documents(db: sqlite_utils.Database, source_ids: Optional[list[str]] = None) -> dict[str, Document]:
    """The sources as documents: all of them, or those in ``source_ids``."""
    docs = {}
    for row in _select(db, "select id, path, title, outlet, url, published, author, kind, sha256, body from sources "
                           "where {} order by id", "id", source_ids):
        sid, path, title, outlet, url, published, author, kind, sha, body = row
        try:
            day = date.fromisoformat(published) if published else None
        except ValueError:
            day = None
        docs[sid] = Document(source_id=sid, path=path or sid, title=title, outlet=outlet, url=url, published=day,
                             author=author, kind=kind if kind in ("primary", "report", "aggregator") else None,
                             sha256=sha or "x", body=body or "")
    return docs


class StoredClaim(namedtuple("_ClaimRow", store.CLAIM_FIELDS)):
    """A ``claims`` row as a read-only claim: the fields of :class:`~factcheck.models.Claim` as attributes, without
    model validation (the rows were validated when they were written). The cross-check reads every claim of the
    database and only looks at them; validating 100,000 claims took a sixth of the step."""

    __slots__ = ()


_SELECT_CLAIMS = "select {} from claims where {{}} order by source_id, start, \"end\", id".format(
    ", ".join(f'"{name}"' for name in store.CLAIM_FIELDS))
assert store.CLAIM_FIELDS[-1] == "confidence_reasons"
_CHUNK = 500  # source ids per query, well under SQLite's limit on parameters


def load_claims(db: sqlite_utils.Database, source_ids: Optional[list[str]] = None) -> list[StoredClaim]:
    """Every claim (or those of ``source_ids``) in source order, as :class:`StoredClaim` tuples."""
    new, loads = tuple.__new__, json.loads
    return [new(StoredClaim, (*row[:-1], loads(row[-1]) if row[-1] else []))
            for row in _select(db, _SELECT_CLAIMS, "source_id", source_ids)]


def _select(db, sql: str, column: str, ids: Optional[list[str]]) -> Iterator[tuple]:
    """Rows of ``sql`` (its ``{}`` a condition on ``column``) for every row, or for ``ids`` a chunk at a time in
    id order, so the rows come in the order the whole query would give."""
    if ids is None:
        yield from db.execute(sql.format("1"))
        return
    ids = sorted(ids)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        yield from db.execute(sql.format(f"{column} in ({', '.join('?' * len(chunk))})"), chunk)


def fingerprint(db: sqlite_utils.Database) -> str:
    """What cross-referencing depends on: every claim id (ids hash their text), each source's body hash and
    metadata, and the package's code. The same fingerprint means the same flags and confidences."""
    from .build import extractor_fingerprint

    digest = hashlib.sha256(extractor_fingerprint().encode())
    for row in db.execute("select id, sha256, published, kind, title, outlet, url from sources order by id"):
        digest.update(repr(tuple(row)).encode())
    for (cid,) in db.execute("select id from claims order by id"):
        digest.update(cid.encode())
    return digest.hexdigest()[:16]


@dataclass
class Summary:
    """What a cross-check did: how many stories it compared within, the largest (in sources), and the flags."""

    stories: int = 0
    largest_story: int = 0
    flags: int = 0
    kinds: Counter = field(default_factory=Counter)
    confidences_changed: int = 0


def cross_check(db: sqlite_utils.Database, force: bool = False, workers: Optional[int] = None) -> Optional[Summary]:
    """Cross-reference every claim in ``db`` story by story (:mod:`factcheck.stories`), write the flags and update
    each claim's confidence and reasons. Skipped (returns None) when nothing it depends on changed since the
    database's last cross-check. ``workers`` (default: one per core) above 1 checks stories in that many processes
    (or, for a ledger that is one story, finds copied text and event dates in a second process).

    Only one story's claims are held at a time, and results are written a story at a time, so memory follows the
    largest story rather than the ledger."""
    mark = fingerprint(db)
    if not force and store.get_info(db, "crosscheck") == mark:
        return None
    workers = workers or os.cpu_count() or 1
    groups = stories(db)
    summary = Summary(stories=len(groups), largest_story=max(map(len, groups), default=0))
    store.replace_flags(db, [])
    flags: list[dict] = []
    changed: list[tuple] = []
    with closing(_results(db, groups, workers)) as results:  # a failure ends the pool at once, not when collected
        for story_flags, story_changed in results:
            flags += story_flags
            changed += story_changed
            summary.flags += len(story_flags)
            summary.kinds.update(f["kind"] for f in story_flags)
            summary.confidences_changed += len(story_changed)
            if len(flags) >= _FLAGS_PER_WRITE or len(changed) >= _WRITE_EVERY:  # bounded batches, not all at the end
                _write(db, flags, changed)
                flags, changed = [], []
    _write(db, flags, changed, mark=mark)
    return summary


def _write(db: sqlite_utils.Database, flags: list[dict], changed: list[tuple], mark: Optional[str] = None) -> None:
    with db.atomic():
        store.add_flags(db, flags)
        db.conn.executemany("update claims set confidence = ?, confidence_reasons = ? where id = ?", changed)
        if mark is not None:
            store.set_info(db, "crosscheck", mark)


_WRITE_EVERY = 5_000  # confidences per write: the journal of a transaction is held in memory
_FLAGS_PER_WRITE = 200  # a flag carries its evidence (each side's sentence), so fewer at a time


def check_story(db: sqlite_utils.Database, source_ids: list[str], workers: int = 1) -> tuple[list[dict], list[tuple]]:
    """One story cross-referenced: its flags (as rows for :func:`factcheck.store.add_flags`) and the
    (confidence, reasons JSON, claim id) of every claim whose confidence changed."""
    docs = load_documents(db, source_ids)
    claims = load_claims(db, source_ids)
    result = cross_reference(claims, docs, workers=workers)
    changed = [(value, json.dumps(reasons, ensure_ascii=False), c.id)
               for c, value, reasons in scores(claims, docs, result)
               if (c.confidence, c.confidence_reasons) != (value, reasons)]
    _trim_caches()
    return [flag.model_dump(mode="json") for flag in result.flags], changed


def _trim_caches(limit: int = 20_000) -> None:
    """Empty the text caches of cross-referencing once they pass ``limit`` entries: stories rarely share sentences,
    and a process that checks one story after another would otherwise keep every sentence it has seen."""
    from . import matching, timing

    for cached in (matching.name_key, matching.party_key, matching.entities, matching.norm_text,
                   timing._date_spots):
        if cached.cache_info().currsize > limit:
            cached.cache_clear()


def _results(db: sqlite_utils.Database, groups: list[list[str]], workers: int) -> Iterator[tuple[list, list]]:
    """Each story's result, in the order of ``groups``: in this process, or from a pool reading the database file."""
    path = _file_of(db)
    if workers <= 1 or len(groups) < 2 or path is None or not can_fork():
        for ids in groups:
            yield check_story(db, ids, workers=workers if len(groups) == 1 else 1)
        return
    processes = min(workers, len(groups))
    # A process pool that reports a worker's death (BrokenProcessPool) instead of waiting for it forever.
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"), initializer=_open_reader,
                             initargs=(path,)) as pool:
        # A bounded window of stories in flight: results wait for this process to write them, never pile up.
        pending: deque = deque()
        try:
            for i in range(0, len(groups), _STORIES_PER_TASK):
                pending.append(pool.submit(_check_in_worker, groups[i:i + _STORIES_PER_TASK]))
                if len(pending) >= 2 * processes:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


_STORIES_PER_TASK = 4


def _file_of(db: sqlite_utils.Database) -> Optional[str]:
    row = db.execute("pragma database_list").fetchone()
    return row[2] if row and row[2] else None


_reader: Optional[sqlite_utils.Database] = None


def _open_reader(path: str) -> None:
    global _reader
    _reader = sqlite_utils.Database(sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True, timeout=60))


def _check_in_worker(stories_: list[list[str]]) -> list[tuple[list, list]]:
    return [check_story(_reader, source_ids) for source_ids in stories_]


def steps(claims_dir: Union[str, Path, None] = "claims", say: Optional[Say] = None,
          workers: Optional[int] = None) -> list:
    """The after-extraction build steps: apply the reviewed ledger, then cross-check (with ``workers`` processes at
    most; default one per core)."""
    from .ledger import apply_reviews

    out = []
    if claims_dir is not None:
        out.append(lambda db: apply_reviews(db, claims_dir, say=say))
    out.append(lambda db: cross_check(db, workers=workers))
    return out
