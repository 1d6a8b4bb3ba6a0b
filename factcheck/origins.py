"""Independence: copies of one text (syndication, a reprinted press release) count as one origin.

Two claims share an origin when they come from the same source, from two sources with the same body, from two
sources that share at least two copied sentences (or half of the smaller one's claim sentences), or when their own
sentences are near-copies (rapidfuzz partial ratio >= 90 over at least eight words). For a quote, the quoted words
are left out before comparing, because independent reporters quote the same words; what gives a copy away is the
text around them.

Candidate pairs come from shared anchor shingles (word 5-grams whose CRC32 is divisible by 4, a deterministic
sample), with oversized buckets skipped, so the cost grows with the number of claims, not its square.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Optional

from rapidfuzz import fuzz

from .matching import norm_text
from .models import Claim, Document

COPY_RATIO = 90
MIN_COPY_WORDS = 8
SHINGLE = 5
BUCKET_CAP = 64
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def copy_text(claim: Claim) -> str:
    """The part of a claim's sentence that gives a copy away: the sentence without any quoted words."""
    return norm_text(_QUOTED.sub(" ", claim.sentence))


def _anchors(words: list[str]) -> set[int]:
    keys = set()
    for i in range(len(words) - SHINGLE + 1):
        h = zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
        if h % 4 == 0:
            keys.add(h)
    if not keys and len(words) >= MIN_COPY_WORDS:
        keys.add(zlib.crc32(" ".join(words[:SHINGLE]).encode()))
    return keys


def is_copy(a: str, b: str) -> bool:
    """Near-copies: the shorter (at least eight words) found almost verbatim inside the longer."""
    if min(a.count(" "), b.count(" ")) + 1 < MIN_COPY_WORDS:
        return False
    return fuzz.partial_ratio(a, b) >= COPY_RATIO if abs(len(a) - len(b)) else fuzz.ratio(a, b) >= COPY_RATIO


def origins(claims: Iterable[Claim], docs: Optional[Mapping[str, Document]] = None) -> dict[str, str]:
    """claim id -> origin id (the smallest source id of its copy cluster, or a claim id for a copied sentence)."""
    claims = list(claims)
    docs = docs or {}
    sources = UnionFindSources(docs)
    texts: dict[str, str] = {}
    by_sentence: dict[tuple[str, int], list[str]] = defaultdict(list)
    for c in claims:
        key = (c.source_id, c.sentence_start)
        if key not in by_sentence:
            texts[c.id] = copy_text(c)
        by_sentence[key].append(c.id)
    firsts = {ids[0]: key for key, ids in by_sentence.items()}

    # Candidate copied sentences through shared anchor shingles.
    buckets: dict[int, list[str]] = defaultdict(list)
    for cid, text in texts.items():
        for h in _anchors(text.split()):
            buckets[h].append(cid)
    pairs: set[tuple[str, str]] = set()
    for ids in buckets.values():
        if len(ids) < 2 or len(ids) > BUCKET_CAP:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if firsts[a][0] != firsts[b][0]:
                    pairs.add((a, b) if a < b else (b, a))
    copied = [(a, b) for a, b in sorted(pairs) if is_copy(texts[a], texts[b])]

    # Sources that share enough copied sentences are one origin.
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for a, b in copied:
        sa, sb = sorted((firsts[a][0], firsts[b][0]))
        shared[(sa, sb)] += 1
    sentences_per_source: dict[str, int] = defaultdict(int)
    for sid, _ in by_sentence:
        sentences_per_source[sid] += 1
    for (sa, sb), n in shared.items():
        if n >= 2 or 2 * n >= min(sentences_per_source[sa], sentences_per_source[sb]):
            sources.union(sa, sb)

    # A copied sentence joins its claims to one origin even when the sources are otherwise independent.
    copy_uf = _UnionFind()
    for a, b in copied:
        copy_uf.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for first in list(copy_uf.parent):
        members[copy_uf.find(first)].append(first)
    cluster_origin = {root: min(sources.find(firsts[f][0]) for f in fs) for root, fs in members.items()}
    result: dict[str, str] = {}
    for key, ids in by_sentence.items():
        first = ids[0]
        origin = cluster_origin[copy_uf.find(first)] if first in copy_uf.parent else sources.find(key[0])
        for cid in ids:
            result[cid] = origin
    return result


class UnionFindSources(_UnionFind):
    """Sources joined up front when their bodies are identical (the same sha256)."""

    def __init__(self, docs: Mapping[str, Document]):
        super().__init__()
        first: dict[str, str] = {}
        for sid in sorted(docs):
            digest = docs[sid].sha256
            if digest in first:
                self.union(first[digest], sid)
            else:
                first[digest] = sid
