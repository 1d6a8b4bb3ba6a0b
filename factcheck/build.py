"""Build the claim ledger: read the sources, extract their claims in parallel, write them from one process.

Incremental: a source whose body (sha256) and publication date are unchanged since the last build, under the same
extractor code, keeps its claims from the previous database and is not extracted again. A source that is no longer
among the inputs goes, with its claims. The whole build happens on a copy (see :func:`factcheck.store.rebuilding`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import sqlite_utils

from . import store
from .models import Claim, Document

Extractor = Callable[[Document], list[Claim]]
Step = Callable[[sqlite_utils.Database], object]

PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass
class BuildReport:
    """What a build did, for the one-line summary and for tests."""

    db: Path
    sources: int = 0
    extracted: int = 0
    reused: int = 0
    removed: int = 0
    claims: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (f"{self.db}: {self.sources} sources ({self.extracted} extracted, {self.reused} unchanged, "
                f"{self.removed} removed{skipped}), {self.claims} claims in {self.seconds:.1f}s")


def extractor_fingerprint(extract: Optional[Extractor] = None) -> str:
    """A hash of the package's code (and of a custom extractor's name): claims made by other code are not reused."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    if extract is not None:
        digest.update(f"{extract.__module__}.{extract.__qualname__}".encode())
    return digest.hexdigest()[:16]


def count_sources(paths: Iterable[Union[str, Path]]) -> int:
    """How many source files ``paths`` stand for (for a progress bar), by the same rules as ingest's walk."""
    from .ingest import SIDECAR_SUFFIX, SUFFIXES

    total = 0
    for arg in paths:
        p = Path(arg)
        if not p.is_dir():
            total += 1
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            total += sum(1 for f in files if not f.startswith(".") and not f.lower().endswith(SIDECAR_SUFFIX)
                         and Path(f).suffix.lower() in SUFFIXES)
    return total


def _default_extract(doc: Document) -> list[Claim]:
    from .extract import extract_document

    return extract_document(doc)


def _run(extract: Extractor, doc: Document) -> Union[list[Claim], str]:
    """Worker side: the claims, or one line saying why extraction failed (a bug must not stop the build)."""
    try:
        return extract(doc)
    except Exception as e:  # noqa: BLE001
        return f"{doc.path}: extraction failed ({type(e).__name__}: {' '.join(str(e).split())}); please report this"


def build(
    paths: Iterable[Union[str, Path]],
    db_path: Union[str, Path],
    *,
    workers: Optional[int] = None,
    extract: Optional[Extractor] = None,
    after: Iterable[Step] = (),
    say: Optional[Callable[[str], None]] = None,
    progress: Optional[Callable[[int], None]] = None,
    fresh: bool = False,
) -> BuildReport:
    """Build or update the ledger at ``db_path`` from the sources under ``paths``.

    ``workers`` processes extract (default: one per core; 1 extracts in this process); this process alone writes.
    ``after`` steps run on the new database before it replaces the old one (cross-referencing, reviews).
    ``say`` gets every one-line notice (skipped inputs, schema upgrades); ``progress`` gets 1 per source done.
    """
    from .ingest import InputError, iter_documents

    say = say or (lambda message: None)
    progress = progress or (lambda n: None)
    extract_fn = extract or _default_extract
    workers = workers or os.cpu_count() or 1
    report = BuildReport(db=Path(db_path))
    started = time.perf_counter()

    with store.rebuilding(db_path, say=say, fresh=fresh) as db:
        fingerprint = extractor_fingerprint(extract)
        reusable = store.get_info(db, "extractor") == fingerprint
        previous = store.source_fingerprints(db)
        seen: set[str] = set()

        def write(doc: Document, claims: Union[list[Claim], str, None]) -> None:
            if isinstance(claims, str):
                report.skipped.append(claims)
                say(f"skipped: {claims}")
                seen.discard(doc.source_id)
            else:
                store.write_source(db, doc, claims)
                if claims is None:
                    report.reused += 1
                else:
                    report.extracted += 1
            progress(1)

        def warn(w) -> None:
            say(f"warning: {w}")

        with db.atomic(), _Extractors(extract_fn, workers) as pool:
            for item in iter_documents(paths, warn=warn):
                if isinstance(item, InputError):
                    report.skipped.append(str(item))
                    say(f"skipped: {item}")
                    progress(1)
                    continue
                seen.add(item.source_id)
                published = item.published.isoformat() if item.published else None
                if reusable and previous.get(item.source_id) == (item.sha256, published):
                    write(item, None)
                else:
                    for doc, claims in pool.submit(item):
                        write(doc, claims)
            for doc, claims in pool.drain():
                write(doc, claims)
            report.removed = store.remove_sources(db, sorted(set(previous) - seen))
            store.set_info(db, "extractor", fingerprint)
        for step in after:
            step(db)
        report.sources = db["sources"].count
        report.claims = db["claims"].count
    report.seconds = time.perf_counter() - started
    return report


class _Extractors:
    """Extraction in ``workers`` processes with a bounded number of documents in flight (memory stays flat)."""

    def __init__(self, extract: Extractor, workers: int):
        self.extract = extract
        self.workers = workers
        self.pool: Optional[ProcessPoolExecutor] = None
        self.pending: dict[Future, Document] = {}

    def __enter__(self) -> "_Extractors":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def submit(self, doc: Document) -> Iterator[tuple[Document, Union[list[Claim], str]]]:
        """Queue ``doc``; yields whatever finished meanwhile (at once, with one worker)."""
        if self.workers <= 1:
            yield doc, _run(self.extract, doc)
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers)
        self.pending[self.pool.submit(_run, self.extract, doc)] = doc
        if len(self.pending) >= 4 * self.workers:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            yield from self._collect(done)

    def drain(self) -> Iterator[tuple[Document, Union[list[Claim], str]]]:
        while self.pending:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            yield from self._collect(done)

    def _collect(self, done) -> Iterator[tuple[Document, Union[list[Claim], str]]]:
        for future in sorted(done, key=lambda f: self.pending[f].source_id):
            doc = self.pending.pop(future)
            yield doc, future.result()
