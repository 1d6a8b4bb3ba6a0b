"""The reviewed claim ledger: a fact-checker's verdicts as plain YAML files in ``claims/``, one per source.

Files are written in a fixed order (by position in the source, then claim id) with one field per line, so a review
shows in git as a small diff. ``factcheck build`` applies them by stable claim id; a review whose claim no longer
exists (the source text changed) is reported on every build and stays in its file until someone deals with it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional, Union

import sqlite_utils
import yaml

from . import store

STATUSES = store.REVIEW_STATUSES
Say = Callable[[str], None]
HEADER = ("# Reviewed claims of one source, written by `factcheck review` and applied by `factcheck build` by claim id.\n"
          "# status: confirmed | disputed | false | needs-context. Hand edits are fine; keep the claim ids.\n")


class LedgerError(Exception):
    """A review or ledger file the user must fix; ``str()`` is one line."""


def _status(value, where: str) -> str:
    if value is False:  # an unquoted `false` in hand-written YAML
        value = "false"
    if value not in STATUSES:
        raise LedgerError(f"{where}: status must be one of {', '.join(STATUSES)}, not {value!r}")
    return value


def read_file(path: Path) -> list[dict]:
    """The reviews in one ledger file (YAML or JSON), each with claim_id, status, note, reviewer, reviewed_at."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise LedgerError(f"{path}: cannot read the review file ({first}); fix or remove it") from None
    if data is None:
        return []
    entries = data.get("reviews") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LedgerError(f"{path}: expected a mapping with a 'reviews' list")
    rows = []
    for i, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not e.get("claim_id"):
            raise LedgerError(f"{path}: review {i} has no claim_id")
        rows.append({"claim_id": str(e["claim_id"]), "status": _status(e.get("status"), f"{path}: review {i}"),
                     "note": e.get("note"), "reviewer": e.get("reviewer"),
                     "reviewed_at": str(e["reviewed_at"]) if e.get("reviewed_at") is not None else None,
                     "text": e.get("text"), "file": str(path)})
    return rows


def ledger_files(claims_dir: Union[str, Path]) -> list[Path]:
    d = Path(claims_dir)
    if not d.is_dir():
        return []
    return sorted(p for p in d.iterdir() if p.suffix in (".yaml", ".yml", ".json") and not p.name.startswith("."))


def read_reviews(claims_dir: Union[str, Path]) -> list[dict]:
    """Every review in ``claims_dir``, in file order (a later entry for the same claim wins)."""
    return [row for path in ledger_files(claims_dir) for row in read_file(path)]


def apply_reviews(db: sqlite_utils.Database, claims_dir: Union[str, Path], say: Optional[Say] = None) -> list[dict]:
    """Load the ledger into the ``reviews`` table; returns (and says) the reviews whose claim is gone."""
    say = say or (lambda line: None)
    rows = read_reviews(claims_dir)
    missing = set(store.replace_reviews(db, rows))
    orphans = [r for r in rows if r["claim_id"] in missing]
    for r in orphans:
        what = f" ({r['text']})" if r.get("text") else ""
        say(f"{r['file']}: the review of {r['claim_id']}{what} matches no claim in this build (its source changed or "
            f"went); it stays in the file: review the claim again or delete the entry")
    return orphans


def review(db: sqlite_utils.Database, claim_id: str, status: str, note: Optional[str] = None,
           reviewer: Optional[str] = None, claims_dir: Union[str, Path] = "claims",
           now: Optional[datetime] = None) -> Path:
    """Record a verdict on one claim in its source's ledger file (replacing an earlier verdict on the same claim)."""
    status = _status(status, "review")
    row = db.execute("select c.id, c.source_id, c.text, c.start, s.path from claims c left join sources s "
                     "on s.id = c.source_id where c.id = ?", [claim_id]).fetchone()
    if row is None:
        raise LedgerError(f"no claim {claim_id} in the database; find ids with `factcheck extract` or in Datasette")
    _, source_id, text, start, source_path = row
    path = Path(claims_dir) / f"{source_id}.yaml"
    existing = read_file(path) if path.exists() else []
    when = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
    entry = {"claim_id": claim_id, "status": status, "note": note, "reviewer": reviewer, "reviewed_at": when,
             "text": text, "start": start}
    kept = [e for e in existing if e["claim_id"] != claim_id]
    write_file(path, source_id, source_path, kept + [entry], db)
    return path


def write_file(path: Path, source_id: str, source_path: Optional[str], entries: Iterable[dict],
               db: Optional[sqlite_utils.Database] = None) -> None:
    """Write a ledger file atomically, entries ordered by their claim's position in the source."""
    entries = list(entries)
    if db is not None:
        ids = [e["claim_id"] for e in entries if e.get("start") is None]
        if ids:
            known = dict(db.execute(f"select id, start from claims where id in ({','.join('?' * len(ids))})", ids))
            for e in entries:
                if e.get("start") is None:
                    e["start"] = known.get(e["claim_id"])
    ordered = sorted(entries, key=lambda e: (e.get("start") is None, e.get("start") or 0, e["claim_id"]))
    data = {"source_id": source_id, "source": source_path,
            "reviews": [{k: e.get(k) for k in ("claim_id", "status", "note", "reviewer", "reviewed_at", "text")}
                        for e in ordered]}
    body = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise LedgerError(f"cannot write {path} ({e.strerror}); check the folder and its permissions") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
