"""The build step that cross-checks a claim database: flags, confidences, and the reviewed ledger, in one pass.

``factcheck build`` runs :func:`steps` after the claims are written and before the new database replaces the old
one, so a database on disk always has flags and confidences that match its claims.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import namedtuple
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Optional, Union

import sqlite_utils

from . import store
from .confidence import scores
from .crossref import Result, cross_reference
from .models import Document

Say = Callable[[str], None]


def load_documents(db: sqlite_utils.Database) -> dict[str, Document]:
    docs = {}
    for row in db.execute("select id, path, title, outlet, url, published, author, kind, sha256, body from sources"):
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


_SELECT_CLAIMS = "select {} from claims order by source_id, start, \"end\", id".format(
    ", ".join(f'"{name}"' for name in store.CLAIM_FIELDS))
assert store.CLAIM_FIELDS[-1] == "confidence_reasons"


def load_claims(db: sqlite_utils.Database) -> list[StoredClaim]:
    """Every claim in source order, as :class:`StoredClaim` tuples."""
    new, loads = tuple.__new__, json.loads
    return [new(StoredClaim, (*row[:-1], loads(row[-1]) if row[-1] else [])) for row in db.execute(_SELECT_CLAIMS)]


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


def cross_check(db: sqlite_utils.Database, force: bool = False, workers: Optional[int] = None) -> Optional[Result]:
    """Cross-reference every claim in ``db``, write the flags and update each claim's confidence and reasons.
    Skipped (returns None) when nothing it depends on changed since the database's last cross-check. ``workers``
    (default: one per core) above 1 lets cross-referencing use a second process."""
    mark = fingerprint(db)
    if not force and store.get_info(db, "crosscheck") == mark:
        return None
    docs = load_documents(db)
    claims = load_claims(db)
    result = cross_reference(claims, docs, workers=workers or os.cpu_count() or 1)
    store.replace_flags(db, result.flags)
    changed = [(value, json.dumps(reasons, ensure_ascii=False), c.id)
               for c, value, reasons in scores(claims, docs, result)
               if (c.confidence, c.confidence_reasons) != (value, reasons)]
    with db.atomic():
        db.conn.executemany("update claims set confidence = ?, confidence_reasons = ? where id = ?", changed)
        store.set_info(db, "crosscheck", mark)
    return result


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
