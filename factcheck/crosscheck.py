"""The build step that cross-checks a claim database: flags, confidences, and the reviewed ledger, in one pass.

``factcheck build`` runs :func:`steps` after the claims are written and before the new database replaces the old
one, so a database on disk always has flags and confidences that match its claims.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Optional, Union

import sqlite_utils

from . import store
from .confidence import rescore
from .crossref import Result, cross_reference
from .models import Claim, Document

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


def load_claims(db: sqlite_utils.Database) -> list[Claim]:
    cursor = db.execute("select * from claims order by source_id, start, \"end\", id")
    names = [d[0] for d in cursor.description]
    return [store.row_to_claim(dict(zip(names, row))) for row in cursor]


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


def cross_check(db: sqlite_utils.Database, force: bool = False) -> Optional[Result]:
    """Cross-reference every claim in ``db``, write the flags and update each claim's confidence and reasons.
    Skipped (returns None) when nothing it depends on changed since the database's last cross-check."""
    mark = fingerprint(db)
    if not force and store.get_info(db, "crosscheck") == mark:
        return None
    docs = load_documents(db)
    claims = load_claims(db)
    result = cross_reference(claims, docs)
    store.replace_flags(db, result.flags)
    changed = [(c.confidence, json.dumps(c.confidence_reasons, ensure_ascii=False), c.id)
               for old, c in zip(claims, rescore(claims, docs, result))
               if (old.confidence, old.confidence_reasons) != (c.confidence, c.confidence_reasons)]
    with db.atomic():
        db.conn.executemany("update claims set confidence = ?, confidence_reasons = ? where id = ?", changed)
        store.set_info(db, "crosscheck", mark)
    return result


def steps(claims_dir: Union[str, Path, None] = "claims", say: Optional[Say] = None) -> list:
    """The after-extraction build steps: apply the reviewed ledger, then cross-check."""
    from .ledger import apply_reviews

    out = []
    if claims_dir is not None:
        out.append(lambda db: apply_reviews(db, claims_dir, say=say))
    out.append(cross_check)
    return out
