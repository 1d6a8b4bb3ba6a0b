"""Facets for a ledger of a million claims: Datasette's column facets, counted in parallel and remembered.

The database is served immutable, so a facet's counts for a given query never change: they are kept (a bounded
cache per Datasette instance), and the whole tables' default facets are counted once when the server starts, the way
Datasette counts an immutable table's rows at start-up. The several facets of one page run side by side rather than
one after another. Metadata asks for them as ``facets: [{ledger: kind}, ...]``; pages show them as column facets.
"""

from __future__ import annotations

import asyncio
import copy
from collections import OrderedDict
from typing import Any

from datasette.facets import ColumnFacet

CACHE_SIZE = 512
WARM_TIME_LIMIT_MS = 20_000  # at start-up a whole table's facets may take their time, once


class LedgerFacet(ColumnFacet):
    type = "ledger"

    async def facet_results(self):
        configs = self.get_configs()
        parts = await asyncio.gather(*(self._one(config) for config in configs))
        results, timed_out = [], []
        for found, late in parts:
            for facet in found:
                facet["type"] = ColumnFacet.type
            results.extend(found)
            timed_out.extend(late)
        return results, timed_out

    async def _one(self, config):
        """One facet: ColumnFacet's own counting, with its queries answered from the cache when they can be."""
        single = copy.copy(self)
        single.get_configs = lambda: [config]
        if not self.ds.databases[self.database].is_mutable:
            single.ds = _Remembering(self.ds, patient=getattr(self.ds, "_factcheck_warming", False))
        return await ColumnFacet.facet_results(single)


class _Remembering:
    """Stands in for the Datasette object inside a facet: execute() results are kept, all else passes through."""

    def __init__(self, datasette, patient: bool = False):
        self._datasette = datasette
        self._patient = patient

    def __getattr__(self, name: str) -> Any:
        return getattr(self._datasette, name)

    def setting(self, key: str):
        if self._patient and key == "facet_time_limit_ms":
            return WARM_TIME_LIMIT_MS
        return self._datasette.setting(key)

    async def execute(self, db_name, sql, params=None, **kwargs):
        cache: OrderedDict = self._datasette.__dict__.setdefault("_factcheck_facet_cache", OrderedDict())
        key = (db_name, sql, repr(sorted(params.items()) if isinstance(params, dict) else params))
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        result = await self._datasette.execute(db_name, sql, params, **kwargs)
        cache[key] = result
        if len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
        return result


async def warm(datasette) -> None:
    """Count the default facets of every immutable table (not view) that has ledger facets, so the first visitor
    waits for nothing; a facet that hits the time limit is simply counted on demand later."""
    datasette._factcheck_warming = True
    try:
        for name, database in datasette.databases.items():
            if database.is_mutable:
                continue
            tables = set(await database.table_names())
            for table, meta in (datasette.metadata("tables", database=name) or {}).items():
                facets = (meta or {}).get("facets", [])
                if table in tables and any(isinstance(f, dict) and LedgerFacet.type in f for f in facets):
                    await datasette.client.get(datasette.urls.table(name, table, format="json") + "?_size=0")
    finally:
        datasette._factcheck_warming = False
