"""Facets for a ledger of a million claims: Datasette's column facets, with the work bounded and remembered.

Metadata asks for them as ``facets: [{ledger: kind}, ...]``; pages show them as column facets. Two ways to count:

- **A whole table** (no filter, no search): Datasette's own column facet query per column, exact (each column has an
  index). The facets of a page run side by side. The database is served immutable, so they are counted once when the
  server starts (the way Datasette counts an immutable table's rows at start-up) and kept.
- **Anything narrower** (a filter, a search, a view): one query reads the facet columns of at most
  ``SAMPLE_ROWS + 1`` matching rows and every facet is counted from them together, instead of one query per facet
  over every match. With at most ``SAMPLE_ROWS`` matches the counts are exact; with more, they are the counts of the
  first ``SAMPLE_ROWS`` rows the database reads, and the facet says so in its type (shown beside its name:
  "unit (first 10,000 matches)"). The page's row count stays exact. A search for a common word at a million claims
  matches a hundred thousand rows; counting five facets over all of them took over a second.

Counts are kept in a bounded cache per Datasette instance (immutable databases only). :class:`LedgerDatabase` keeps
a page's row count the same way, and :func:`warm`, run when the server starts, fills both for every table and view
page without a filter, and works out the file's hash (the index page shows it), as ``datasette inspect`` would.
"""

from __future__ import annotations

import asyncio
import copy
import re
from collections import Counter, OrderedDict
from pathlib import Path
from typing import Any, Optional

from datasette.database import Database, QueryInterrupted, Results
from datasette.facets import ColumnFacet
from datasette.inspect import inspect_hash
from datasette.utils import escape_sqlite

CACHE_SIZE = 512
SAMPLE_ROWS = 10_000
WARM_TIME_LIMIT_MS = 20_000  # at start-up a whole table's facets may take their time, once
INDEX_WALK_MARGIN = 40  # see LedgerDatabase._search_rows


class LedgerFacet(ColumnFacet):
    type = "ledger"

    async def facet_results(self):
        configs = self.get_configs()
        if not configs:
            return [], []
        if await self._whole_table():
            parts = await asyncio.gather(*(self._one(config, _Remembering(self)) for config in configs))
        else:
            parts = await self._from_rows(configs)
        results, timed_out = [], []
        for found, late in parts:
            results.extend(found)
            timed_out.extend(late)
        return results, timed_out

    async def _whole_table(self) -> bool:
        if not self.table or not self.sql.rstrip().endswith(" from " + escape_sqlite(self.table)):
            return False
        return self.table in await self.ds.databases[self.database].table_names()

    async def _one(self, config, datasette) -> tuple[list, list]:
        """One facet, by ColumnFacet's own code (labels, toggle links), its query answered through ``datasette``."""
        single = copy.copy(self)
        single.get_configs = lambda: [config]
        single.ds = datasette
        found, late = await ColumnFacet.facet_results(single)
        for facet in found:
            facet["type"] = ColumnFacet.type
        return found, late

    async def _from_rows(self, configs) -> list[tuple[list, list]]:
        columns = [config["config"].get("column") or config["config"]["simple"] for config in configs]
        distinct = list(dict.fromkeys(columns))
        key = (self.database, self.sql, _params_key(self.params), tuple(distinct))
        cache = _cache(self.ds) if self._immutable() else {}
        counted = cache.get(key)
        if counted is None:
            rows = await self._first_rows(distinct)
            if rows is None:
                return [([], [column]) for column in distinct]
            counted = _count(rows, distinct)
            _remember(cache, key, counted)
        sampled, by_column = counted
        parts, limit = [], self.get_facet_size() + 1
        for config, column in zip(configs, columns):
            found, late = await self._one(config, _Answering(self.ds, by_column[column][:limit]))
            if sampled:
                for facet in found:
                    facet["type"] = f"first {SAMPLE_ROWS:,} matches"
                    facet["sample_rows"] = SAMPLE_ROWS
            parts.append((found, late))
        return parts

    async def _first_rows(self, columns: list[str]):
        """The facet columns of the first SAMPLE_ROWS + 1 matching rows, or None when the query timed out.

        The first rows by primary key when the index of a filtered column gives them in that order: claim ids are
        hashes, so these are spread evenly over the matches. Otherwise (a search, a view, a filter whose index is in
        another order) the first rows the database reads."""
        names = ", ".join(escape_sqlite(c) for c in columns)
        natural = f"select {names} from (\n{self.sql}\n) limit {SAMPLE_ROWS + 1}"
        attempts = [(natural, _time_limit(self.ds))]
        key = await self._primary_key()
        if key and not any(arg.startswith("_search") for arg in self.request.args):
            ordered = f"select {names} from (\n{self.sql}\n) order by {escape_sqlite(key)} limit {SAMPLE_ROWS + 1}"
            attempts.insert(0, (ordered, max(1, _time_limit(self.ds) // 4)))
        for sql, limit in attempts:
            try:
                return (await self.ds.execute(self.database, sql, self.params, truncate=False,
                                              custom_time_limit=limit)).rows
            except QueryInterrupted:
                continue
        return None

    async def _primary_key(self):
        database = self.ds.databases[self.database]
        if not self.table or self.table not in await database.table_names():
            return None
        keys = await database.primary_keys(self.table)
        return keys[0] if len(keys) == 1 else None

    def _immutable(self) -> bool:
        return not self.ds.databases[self.database].is_mutable


def _count(rows, columns: list[str]) -> tuple[bool, dict[str, list[dict]]]:
    """(sampled, column -> [{"value", "count"}] in Datasette's facet order: count descending, then value)."""
    sampled = len(rows) > SAMPLE_ROWS
    counters = [Counter() for _ in columns]
    for row in rows[:SAMPLE_ROWS]:
        for counter, value in zip(counters, row):
            if value is not None:
                counter[value] += 1
    return sampled, {column: [{"value": v, "count": n} for v, n in sorted(counter.items(), key=_facet_order)]
                     for column, counter in zip(columns, counters)}


def _facet_order(item) -> tuple:
    value, count = item
    # SQLite orders numbers before text before blobs.
    rank = 0 if isinstance(value, (int, float)) else 1 if isinstance(value, str) else 2
    return -count, rank, value


class _Answering:
    """Stands in for the Datasette object inside a ColumnFacet: its one facet query is answered from counts already
    made; everything else passes through."""

    def __init__(self, datasette, counts: list[dict]):
        self._datasette = datasette
        self._counts = counts

    def __getattr__(self, name: str) -> Any:
        return getattr(self._datasette, name)

    async def execute(self, db_name, sql, params=None, **kwargs):
        return Results(self._counts, False, [("value",), ("count",)])


class _Remembering:
    """Stands in for the Datasette object inside a ColumnFacet: on an immutable database execute() results are
    kept; all else passes through."""

    def __init__(self, facet: LedgerFacet):
        self._datasette = facet.ds
        self._cache = _cache(facet.ds) if facet._immutable() else None
        self._patient = getattr(facet.ds, "_factcheck_warming", False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._datasette, name)

    def setting(self, key: str):
        if self._patient and key == "facet_time_limit_ms":
            return WARM_TIME_LIMIT_MS
        return self._datasette.setting(key)

    async def execute(self, db_name, sql, params=None, **kwargs):
        key = (db_name, sql, _params_key(params))
        if self._cache is not None and key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        result = await self._datasette.execute(db_name, sql, params, **kwargs)
        if self._cache is not None:
            _remember(self._cache, key, result)
        return result


def _cache(datasette) -> OrderedDict:
    return datasette.__dict__.setdefault("_factcheck_facet_cache", OrderedDict())


def _remember(cache, key, value) -> None:
    cache[key] = value
    if isinstance(cache, OrderedDict) and len(cache) > CACHE_SIZE:
        cache.popitem(last=False)


def _params_key(params) -> str:
    return repr(sorted(params.items()) if isinstance(params, dict) else params)


def _time_limit(datasette) -> int:
    if getattr(datasette, "_factcheck_warming", False):
        return WARM_TIME_LIMIT_MS
    return datasette.setting("facet_time_limit_ms")


# How Datasette counts the rows of a search with no other filter (datasette/filters.py, search_filters).
_SEARCH_COUNT = re.compile(r"select count\(\*\) from (?P<table>\w+|\[[^\]]+\]) where rowid in \(select rowid from "
                           r"(?P<fts>\w+|\[[^\]]+\]) where (?P=fts) match (?P<match>escape_fts\(:search\)|:search)\)\s*")


class LedgerDatabase(Database):
    """A database served immutable whose row counts are remembered: ``select count(*)`` of one query with the same
    parameters always gives the same answer, and at a million claims counting a view or a search for a common word
    takes a few hundred milliseconds.

    A search's count is taken from the search index alone: the table's full-text index is kept in step with it (by
    triggers, and rebuilt by every build), so its matches are the table's matching rows, and counting them there
    does not look up each row (5 ms instead of 130 ms for 127,000 matches)."""

    COUNT_CACHE_SIZE = 4096

    def __init__(self, ds, path):
        super().__init__(ds, path=str(path), is_mutable=False)
        self._counts: OrderedDict = OrderedDict()
        self._key_indexes: dict = {}  # (table, column) -> the index of its one-column primary key, or None

    async def execute(self, sql, params=None, *args, **kwargs):
        if not sql.lstrip().lower().startswith("select count(*) "):
            return await super().execute(await self._search_rows(sql, params), params, *args, **kwargs)
        key = (sql, _params_key(params))
        if key in self._counts:
            self._counts.move_to_end(key)
            return self._counts[key]
        result = await super().execute(await self._search_count(sql), params, *args, **kwargs)
        self._counts[key] = result
        if len(self._counts) > self.COUNT_CACHE_SIZE:
            self._counts.popitem(last=False)
        return result

    async def _search_count(self, sql: str) -> str:
        m = _SEARCH_COUNT.fullmatch(sql.strip() + " ")
        if m is None or _unquote(m["fts"]) != await self.fts_table(_unquote(m["table"])):
            return sql
        return f"select count(*) from {m['fts']} where {m['fts']} match {m['match']}"

    async def _search_rows(self, sql: str, params) -> str:
        """A search page's rows in primary-key order. SQLite's plan looks up every match and sorts them all; for a
        common word (127,000 matches of a million claims: 130 ms) walking the key's index and keeping the matches
        finds the first page in a few hundred steps (15 ms). For a rare word that walk would cover most of the
        table, so the index is used only when its expected length, about ``page × rows / matches``, is shorter than
        the matches themselves by the margin measured at a million claims (``matches² ≥ 40 × rows``)."""
        m = _SEARCH_ROWS.fullmatch(sql.strip() + " ")
        if m is None or _unquote(m["fts"]) != await self.fts_table(_unquote(m["table"])):
            return sql
        if m["after"] and _unquote(m["after"]) != _unquote(m["key"]):  # a later page starts after the last key
            return sql
        table = m["table"]
        index = await self._key_index(_unquote(table), _unquote(m["key"]))
        if index is None:
            return sql
        count = (f"select count(*) from {table} where rowid in (select rowid from {m['fts']} where {m['fts']} "
                 f"match {m['match']})")
        matches = (await self.execute(count, params)).first()[0]
        rows = (await self.execute(f"select count(*) from {table}")).first()[0]
        if matches * matches < INDEX_WALK_MARGIN * rows:
            return sql
        return f"{m['head']} from {table} indexed by {escape_sqlite(index)} {m['tail']}"

    async def _key_index(self, table: str, column: str) -> Optional[str]:
        """The index SQLite made for ``table``'s one-column primary key ``column``, if there is one."""
        if (table, column) not in self._key_indexes:
            found = None
            for name, origin in (await super().execute(
                    "select name, origin from pragma_index_list(:t)", {"t": table})).rows:
                if origin == "pk":
                    cols = [r[0] for r in (await super().execute("select name from pragma_index_info(:i)",
                                                                 {"i": name})).rows]
                    found = name if cols == [column] else None
            self._key_indexes[(table, column)] = found
        return self._key_indexes[(table, column)]


# How Datasette asks for a page of a search with no other filter, sorted by its primary key (the default),
# and for the pages after it.
_SEARCH_ROWS = re.compile(r"(?P<head>select .+?) from (?P<table>\w+|\[[^\]]+\]) "
                          r"(?P<tail>where rowid in \(select rowid from (?P<fts>\w+|\[[^\]]+\]) "
                          r"where (?P=fts) match (?P<match>escape_fts\(:search\)|:search)\) "
                          r"(?:and \(\((?P<after>\w+|\[[^\]]+\]) [<>] :p\d+\)\) )?"
                          r"order by (?P<key>\w+|\[[^\]]+\])(?: desc)? limit \d+)\s*", re.S)


def _unquote(name: str) -> str:
    return name[1:-1] if name.startswith("[") else name


async def warm(datasette) -> None:
    """For every immutable database: its hash, and the row count and default facets of every table and view page
    (the facets: those with ledger facets), so the first visitor waits for none of them. A facet that hits the time
    limit is simply counted on demand later."""
    datasette._factcheck_warming = True
    try:
        for name, database in datasette.databases.items():
            if database.is_mutable or database.is_memory:
                continue
            database.cached_hash = database.cached_hash or await asyncio.to_thread(inspect_hash, Path(database.path))
            hidden = set(await database.hidden_table_names())
            tables = set(await database.table_names()) - hidden
            metadata = datasette.metadata("tables", database=name) or {}
            for table in sorted(tables | set(await database.view_names())):
                facets = (metadata.get(table) or {}).get("facets", [])
                if table in tables or any(isinstance(f, dict) and LedgerFacet.type in f for f in facets):
                    # The HTML page, so its templates are compiled too.
                    await datasette.client.get(datasette.urls.table(name, table) + "?_size=0")
    finally:
        datasette._factcheck_warming = False
