"""Which sources tell one story: the unit that the build's cross-check compares claims within.

Cross-referencing sets a figure against the other sources' figures for the same parties, so two sources can only
disagree when their figures are about a party in common. The cross-check therefore works story by story: sources
are joined when the figures they give (numeric claims' subjects and objects, after the names are canonicalised
for the whole ledger) or their titles name a party in common, and each story is cross-referenced on its own. Its
memory then grows with the largest story, not with the ledger.

A party that appears beside more than :data:`HUB_PARTIES` other parties across the ledger (an analyst firm quoted
on every deal, a regulator, a stock index) is a hub: it does not join stories by itself, or one archive of many
deals would be a single web. Its figures are still compared, inside each story that names it. A corpus about one
story (the product's main case) names far fewer parties than that, so it is one story and is cross-checked whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Optional

import sqlite_utils

from .matching import NameIndex, entities

HUB_PARTIES = 100


def ledger_names(db: sqlite_utils.Database) -> NameIndex:
    """The canonical names of every subject and object in the ledger (one key per party, however it is spelled)."""
    rows = db.execute("select subject from claims where subject is not null "
                      "union select object from claims where object is not null")
    return NameIndex(name for (name,) in rows)


def source_parties(db: sqlite_utils.Database, names: NameIndex) -> dict[str, frozenset[str]]:
    """source id -> the parties its figures are about, and the known parties its title names."""
    found: dict[str, set[str]] = defaultdict(set)
    for sid, subject, obj in db.execute("select source_id, subject, object from claims where kind = 'numeric' and "
                                        "(subject is not null or object is not null)"):
        for name in (subject, obj):
            found[sid].update(names.canon(name) or ())
    known = {k for keys in found.values() for k in keys}
    out = {}
    for sid, title in db.execute("select id, title from sources order by id"):
        keys = found.get(sid, set())
        for name in entities(title or ""):
            keys |= set(names.canon(name) or ()) & known
        out[sid] = frozenset(keys)
    return out


def hubs(parties: Iterable[frozenset[str]], limit: int = HUB_PARTIES) -> set[str]:
    """The parties seen beside more than ``limit`` other parties (counting stops there, so memory stays small)."""
    beside: dict[str, set[str]] = defaultdict(set)
    for keys in parties:
        for key in keys:
            others = beside[key]
            if len(others) <= limit:
                others.update(keys - {key})
    return {key for key, others in beside.items() if len(others) > limit}


def stories(db: sqlite_utils.Database, names: Optional[NameIndex] = None, limit: int = HUB_PARTIES) -> list[list[str]]:
    """Every source id, grouped into stories: sorted lists, in the order of each story's first source id."""
    by_source = source_parties(db, names or ledger_names(db))
    hub = hubs(by_source.values(), limit)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for sid, keys in by_source.items():
        root = find(sid)
        for key in keys - hub:
            other = find("\x00" + key)  # parties and source ids never collide
            if other != root:
                parent[other] = root
    groups: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(by_source):
        groups[find(sid)].append(sid)
    return sorted(groups.values(), key=lambda ids: ids[0])
