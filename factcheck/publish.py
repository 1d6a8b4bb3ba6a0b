"""Publish the ledger with Datasette: the packaged metadata fitted to the served file, immutable mode, and checks
that turn the usual start-up failures (missing or unreadable file, port in use) into one line."""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Union

import sqlite_utils
import yaml

from . import store

METADATA_PATH = Path(__file__).resolve().with_name("metadata.yaml")
PLACEHOLDER_DB = "factcheck"

SETTINGS = {
    # Suggesting facets tries every column of the page's table: over a second at 50,000 claims. The metadata's
    # default facets cover the columns a fact-checker groups by; any other column is one click away in its menu.
    "suggest_facets": False,
    "default_page_size": 50,
    "facet_time_limit_ms": 400,
    "sql_time_limit_ms": 3000,
}


def load_metadata(database: str = PLACEHOLDER_DB) -> dict:
    """The packaged metadata for a database served under the name ``database``.

    A view's columns without a description take the one of the same column in ``claims`` or ``sources``.
    """
    meta = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    db_meta = meta["databases"].pop(PLACEHOLDER_DB)
    tables = db_meta["tables"]
    for view, names in _view_columns().items():
        columns = tables.setdefault(view, {}).setdefault("columns", {})
        for name in names:
            if name not in columns:
                for origin in ("claims", "sources"):
                    if name in tables[origin]["columns"]:
                        columns[name] = tables[origin]["columns"][name]
                        break
    meta["databases"][database] = db_meta
    return meta


def _view_columns() -> dict[str, list[str]]:
    """Each view's column names, read from the views themselves in an empty in-memory ledger."""
    db = sqlite_utils.Database(memory=True)
    store.create(db)
    return {view: [c.name for c in db[view].columns] for view in store.VIEWS}


def check_database(db_path: Union[str, Path]) -> Path:
    """The path of a servable ledger, or StoreError with one line saying what is wrong."""
    path = Path(db_path)
    if not path.exists():
        raise store.StoreError(f"{path} does not exist; build it with: factcheck build SOURCES... --db {path}")
    version = store.check_existing(path)
    if version != store.current_version():
        raise store.StoreError(f"{path} has schema version {version}, this factcheck serves "
                               f"{store.current_version()}; rebuild it with: factcheck build --db {path}")
    return path


def make_datasette(db_path: Union[str, Path], **settings):
    """A Datasette instance serving ``db_path`` read-only (immutable) with the ledger's metadata and plugin; its
    row counts are remembered (factcheck.facets.LedgerDatabase)."""
    from datasette.app import Datasette

    from .facets import LedgerDatabase

    path = check_database(db_path)
    ds = Datasette(
        immutables=[str(path)],
        metadata=load_metadata(path.stem),
        settings={**SETTINGS, **settings},
        cors=False,
    )
    ds.remove_database(path.stem)
    ds.add_database(LedgerDatabase(ds, path), name=path.stem)
    return ds


def check_port(host: str, port: int) -> None:
    """StoreError when ``host:port`` cannot be listened on (in use, not a local address)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise store.StoreError(f"cannot listen on {host}: not a known host name or address") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise store.StoreError(f"port {port} on {host} is already in use; choose another with --port") from None
            if e.errno == errno.EACCES:
                raise store.StoreError(f"not allowed to listen on port {port}; choose one above 1023 with --port") from None
            raise store.StoreError(f"cannot listen on {host}:{port} ({e.strerror})") from None


def serve(db_path: Union[str, Path], host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette on the ledger until interrupted."""
    import asyncio

    import uvicorn

    from .facets import warm

    check_port(host, port)
    ds = make_datasette(db_path)

    async def ready():
        await ds.invoke_startup()
        await warm(ds)

    asyncio.run(ready())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
