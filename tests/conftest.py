"""Shared fixtures.

The claim-ledger fixtures: four small articles of our own under ``tests/data/ledger/`` (one of them hostile, with
markup and script in its text and metadata) and their hand annotations in ``claims.yaml``. ``annotated_extract``
turns the annotations into Claim records, so database and Datasette tests do not depend on the extractor's progress.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from factcheck.models import Claim, Document, claim_id

LEDGER_ARTICLES = Path(__file__).resolve().parent / "data" / "ledger"


@lru_cache(maxsize=None)
def _annotations() -> dict:
    return yaml.safe_load((LEDGER_ARTICLES / "claims.yaml").read_text(encoding="utf-8"))


def annotated_extract(doc: Document) -> list[Claim]:
    """The hand-annotated claims of a fixture article, located in ``doc.body`` (module level: it crosses processes)."""
    claims = []
    for a in _annotations().get(doc.source_id, []):
        start = -1
        for _ in range(a.get("occurrence", 1)):
            start = doc.body.index(a["text"], start + 1)
        end = start + len(a["text"])
        line_start = doc.body.rfind("\n", 0, start) + 1
        line_end = doc.body.find("\n", end)
        line_end = len(doc.body) if line_end < 0 else line_end
        kind = a.get("kind", "numeric")
        fields = {k: a[k] for k in ("value", "unit", "qualifier", "subject", "metric", "time", "quote", "speaker",
                                    "speaker_role", "cue", "attribution", "hedge") if k in a}
        claims.append(Claim(
            id=claim_id(doc.source_id, kind, start, end, a["text"]), source_id=doc.source_id, kind=kind,
            text=a["text"], start=start, end=end, sentence=doc.body[line_start:line_end], sentence_start=line_start,
            rule="annotation", confidence=a["confidence"], confidence_reasons=a.get("reasons", []), **fields))
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return claims


@pytest.fixture
def ledger_sources(tmp_path) -> Path:
    """A writable copy of the fixture articles (tests may edit or delete them)."""
    target = tmp_path / "sources"
    shutil.copytree(LEDGER_ARTICLES, target, ignore=shutil.ignore_patterns("*.yaml"))
    return target


@pytest.fixture(scope="session")
def ledger_db(tmp_path_factory) -> Path:
    """The fixture articles built into a ledger (annotated claims, one flag, one review); read-only for tests."""
    from factcheck import build, store

    root = tmp_path_factory.mktemp("ledger")
    sources = root / "sources"
    shutil.copytree(LEDGER_ARTICLES, sources, ignore=shutil.ignore_patterns("*.yaml"))
    db_path = root / "factcheck.db"

    def flag_and_review(db):
        a = db.execute("select id from claims where text = 'up to $2.5 billion'").fetchone()[0]
        b = db.execute("select id from claims where text = '$3.5 billion'").fetchone()[0]
        evidence = [next(db.query(
            "select c.source_id, s.path, s.url, s.outlet, s.published, c.start, c.[end], c.text, c.sentence "
            "from claims c join sources s on s.id = c.source_id where c.id = ?", [cid])) for cid in (a, b)]
        store.replace_flags(db, [{"id": "f_investment", "kind": "value_mismatch", "claim_ids": [a, b],
                                  "explanation": "Daily Digest gives $3.5 billion where the company says up to $2.5 billion.",
                                  "severity": "high", "evidence": evidence}])
        store.replace_reviews(db, [{"claim_id": b, "status": "false", "note": "No source gives $3.5 billion.",
                                    "reviewer": "test", "reviewed_at": "2025-03-08"}])

    build.build([sources], db_path, workers=1, extract=annotated_extract, after=[flag_and_review])
    return db_path



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`factcheck serve --db DB --port <free>` run as a user runs it, in ``cwd``; ready when Datasette answers."""

    def __init__(self, db: Path, cwd: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db = db
        self.log = cwd / f"serve-{self.port}.log"
        script = Path(sys.executable).with_name("factcheck")
        command = [str(script)] if script.exists() else [sys.executable, "-c", "from factcheck.cli import cli; cli()"]
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen([*command, "serve", "--db", str(db), "--port", str(self.port)],
                                         cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while True:
            assert self.proc.poll() is None, self.log.read_text()
            try:
                with urllib.request.urlopen(f"{self.base}/-/versions.json", timeout=2):
                    return
            except OSError:
                assert time.monotonic() < deadline, "factcheck serve did not come up: " + self.log.read_text()
                time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def factcheck_serve():
    """Start `factcheck serve` processes with ``factcheck_serve(db, cwd)``; all stop at the end of the module."""
    servers: list[Server] = []

    def start(db: Path, cwd: Path) -> Server:
        servers.append(Server(db, cwd))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()
