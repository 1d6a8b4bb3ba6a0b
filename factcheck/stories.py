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
from itertools import groupby
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


def source_parties(db: sqlite_utils.Database, names: NameIndex) -> tuple[list[str], list[tuple[int, ...]], list[str]]:
    """(source ids in order, the parties of each as numbers, the party for each number): the parties a source's
    figures are about, and the names in its title (two reports of one event with no figures share its name there). The claims are read a source at a time, in step with
    the sources, and a source keeps only a tuple of numbers."""
    number: dict[str, int] = {}
    for (name,) in db.execute(_NUMERIC_NAMES):
        for key in names.canon(name) or ():
            number.setdefault(key, len(number))
    ids, parties = [], []
    for sid, rows in groupby(db.execute(_SOURCES_WITH_PARTIES), key=lambda row: row[0]):
        keys: set[int] = set()
        title = None
        for _, title, subject, obj in rows:
            for name in (subject, obj):
                keys.update(number[k] for k in names.canon(name) or () if k in number)
        for name in entities.__wrapped__(title or ""):  # not cached: every title is read once
            keys.update(number.setdefault(k, len(number)) for k in names.canon(name) or ())
        ids.append(sid)
        parties.append(tuple(sorted(keys)))
    return ids, parties, list(number)


_NUMERIC_NAMES = ("select subject from claims where kind = 'numeric' and subject is not null "
                  "union select object from claims where kind = 'numeric' and object is not null")
_SOURCES_WITH_PARTIES = ("select s.id, s.title, c.subject, c.object from sources s left join claims c "
                         "on c.source_id = s.id and c.kind = 'numeric' "
                         "and (c.subject is not null or c.object is not null) order by s.id")


def hubs(parties: Iterable[tuple[int, ...]], limit: int = HUB_PARTIES) -> set[int]:
    """The parties seen beside more than ``limit`` other parties (counting stops there, so memory stays small)."""
    beside: dict[int, set[int]] = defaultdict(set)
    for keys in parties:
        for key in keys:
            others = beside[key]
            if len(others) <= limit:
                others.update(k for k in keys if k != key)
    return {key for key, others in beside.items() if len(others) > limit}


def stories(db: sqlite_utils.Database, names: Optional[NameIndex] = None, limit: int = HUB_PARTIES) -> list[list[str]]:
    """Every source id, grouped into stories: sorted lists, in the order of each story's first source id."""
    ids, parties, keys = source_parties(db, names or ledger_names(db))
    hub = hubs(parties, limit)
    parent = list(range(len(ids) + len(keys)))  # sources first, then parties

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, own in enumerate(parties):
        root = find(i)
        for key in own:
            if key not in hub:
                other = find(len(ids) + key)
                if other != root:
                    parent[other] = root
    groups: dict[int, list[str]] = defaultdict(list)
    for i, sid in enumerate(ids):
        groups[find(i)].append(sid)
    return sorted(groups.values(), key=lambda group: group[0])
