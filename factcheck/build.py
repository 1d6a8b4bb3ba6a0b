"""Build the claim ledger: read the sources, extract their claims in parallel, write them from one process.

Incremental: a source whose body (sha256) and publication date are unchanged since the last build, under the same
extractor code, keeps its claims from the previous database and is not extracted again. A source that is no longer
among the inputs goes, with its claims. The whole build happens on a copy (see :func:`factcheck.store.rebuilding`).

With more than one worker, three kinds of process share the work: a reader (ingest's ``iter_documents``: files,
front matter, HTML), the extraction pool, and this process, the only one that writes. Every queue between them is
bounded, so memory stays flat however many sources there are.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import queue
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
Outcome = Union[list, str]  # claim row tuples, or one line saying why extraction failed

PACKAGE_DIR = Path(__file__).resolve().parent
IN_FLIGHT_PER_WORKER = 4


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
    """About how many source files ``paths`` stand for, by ingest's rules (for a progress bar only)."""
    from .ingest import SIDECAR_SUFFIX, SUFFIXES

    total = 0
    for arg in paths:
        p = Path(arg)
        if not p.is_dir():
            total += 1
            continue
        for _, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            total += sum(1 for f in files if not f.startswith(".") and not f.lower().endswith(SIDECAR_SUFFIX)
                         and Path(f).suffix.lower() in SUFFIXES)
    return total


def _default_extract(doc: Document) -> list[Claim]:
    from .extract import extract_document

    return extract_document(doc)


def _warm_up() -> None:
    """Load the extractor (its modules, tables and date parser) here, so forked workers start with it loaded."""
    from .extract import extract_text

    extract_text("Warm-up: a company said it raised $1 million.")


def _extract(extract: Extractor, doc: Document) -> Outcome:
    """Worker side: the claims as row tuples, or one line saying why extraction failed (a bug must not stop the
    build)."""
    try:
        return [store.claim_values(c) for c in extract(doc)]
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

    ``workers`` processes extract (default: one per core; 1 does everything in this process); this process alone
    writes. ``after`` steps run on the new database before it replaces the old one (cross-referencing, reviews).
    ``say`` gets every one-line notice (skipped inputs, schema upgrades); ``progress`` gets 1 per source done.
    Raises StoreError when not one source could be read, leaving the database as it was.
    """
    say = say or (lambda message: None)
    progress = progress or (lambda n: None)
    extract_fn = extract or _default_extract
    workers = workers or os.cpu_count() or 1
    report = BuildReport(db=Path(db_path))
    started = time.perf_counter()

    fingerprint = extractor_fingerprint(extract)
    before: set[str] = set()
    with store.read_only(db_path) as old:
        if old is not None and not fresh and store.get_info(old, "extractor") != fingerprint:
            # Nothing to reuse under other extractor code: start from an empty database rather than a copy.
            fresh = True
            before = {r[0] for r in old.execute("select id from sources")}
    with store.rebuilding(db_path, say=say, fresh=fresh) as db:
        reusable = store.get_info(db, "extractor") == fingerprint
        previous = store.source_states(db)
        before |= set(previous)
        seen: set[str] = set()

        def write(doc: Document, outcome: Optional[Outcome]) -> None:
            if isinstance(outcome, str):
                report.skipped.append(outcome)
                say(f"skipped: {outcome}")
                seen.discard(doc.source_id)
            elif outcome is None:
                report.reused += 1
                row = store.source_row(doc)
                if tuple(row[c] for c in store.SOURCE_COLUMNS[:-1]) != previous[doc.source_id]:
                    store.write_source(db, doc, None)  # same text, new metadata
            else:
                report.extracted += 1
                store.write_source(db, doc, outcome, new=doc.source_id not in previous)
            progress(1)

        if extract is None and workers > 1:
            _warm_up()
        with db.atomic(), _Extractors(extract_fn, workers) as pool:
            for item in _documents(paths, workers, say):
                if isinstance(item, str):
                    report.skipped.append(item)
                    say(f"skipped: {item}")
                    progress(1)
                    continue
                seen.add(item.source_id)
                state = previous.get(item.source_id)
                published = item.published.isoformat() if item.published else None
                if reusable and state is not None and (state[8], state[5]) == (item.sha256, published):
                    write(item, None)
                else:
                    for doc, outcome in pool.submit(item):
                        write(doc, outcome)
            for doc, outcome in pool.drain():
                write(doc, outcome)
            if not seen:
                raise store.StoreError(f"no source could be read; {db_path} is left as it was")
            store.remove_sources(db, sorted(set(previous) - seen))
            report.removed = len(before - seen)
            store.set_info(db, "extractor", fingerprint)
        for step in after:
            step(db)
        report.sources = db["sources"].count
        report.claims = db["claims"].count
    report.seconds = time.perf_counter() - started
    return report


# --- reading ---------------------------------------------------------------------------------------------------------


def _documents(paths, workers: int, say) -> Iterator[Union[Document, str]]:
    """ingest's documents (a skipped input as its one-line reason), read in another process when there are
    workers to keep busy."""
    paths = [str(p) for p in paths]
    if workers <= 1 or "-" in paths:  # stdin belongs to this process
        yield from _read(paths, say)
        return
    context = multiprocessing.get_context("fork")
    channel = context.Queue(maxsize=IN_FLIGHT_PER_WORKER * workers)
    reader = context.Process(target=_reader, args=(paths, channel), daemon=True)
    reader.start()
    try:
        while True:
            try:
                kind, item = channel.get(timeout=1)
            except queue.Empty:
                if not reader.is_alive():
                    raise store.StoreError("the process reading the sources stopped unexpectedly") from None
                continue
            if kind == "end":
                break
            if kind == "warning":
                say(item)
            else:
                yield item
    finally:
        if reader.is_alive():
            reader.terminate()
        reader.join()


def _read(paths, say) -> Iterator[Union[Document, str]]:
    from .ingest import InputError, iter_documents

    for item in iter_documents(paths, warn=lambda w: say(f"warning: {w}")):
        yield str(item) if isinstance(item, InputError) else item


def _reader(paths, channel) -> None:
    """Reader process: every document (or skip reason) and warning, in order, then an end mark."""
    for item in _read(paths, lambda line: channel.put(("warning", line))):
        channel.put(("item", item))
    channel.put(("end", None))


# --- extracting ------------------------------------------------------------------------------------------------------


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

    def submit(self, doc: Document) -> Iterator[tuple[Document, Outcome]]:
        """Queue ``doc``; yields whatever finished meanwhile (at once, with one worker)."""
        if self.workers <= 1:
            yield doc, _extract(self.extract, doc)
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))
        self.pending[self.pool.submit(_extract, self.extract, doc)] = doc
        if len(self.pending) >= IN_FLIGHT_PER_WORKER * self.workers:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            yield from self._collect(done)

    def drain(self) -> Iterator[tuple[Document, Outcome]]:
        while self.pending:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            yield from self._collect(done)

    def _collect(self, done) -> Iterator[tuple[Document, Outcome]]:
        for future in sorted(done, key=lambda f: self.pending[f].source_id):
            doc = self.pending.pop(future)
            yield doc, future.result()
