"""Who and what a figure is about, read from its sentence: subject, object, metric, time, hedge, attribution.

These are heuristics over the sentence's tokens (no parser, no model): the nearest named party before the figure
is its subject, the named party after an investment preposition is its object, the nearest metric keyword names
what is measured.  They may leave a field empty; they never invent one from outside the sentence and the one
before it.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from typing import Optional

from .currency import SHORT_FORMS
from .tables.currencies import ISO_CODES as CURRENCY_CODES
from .tables.units import ENERGY, POWER
from .tables.words import HEDGES, MONTHS, ORG_NOUNS, ROLE_WORDS, WEEKDAYS
from .tokens import Token
from .wordsets import alternation

# metric keyword (lower-case stem) -> normalised metric, in priority order
METRICS = [
    ("valuation", "valuation"), ("valued", "valuation"), ("market value", "market value"),
    ("market cap", "market value"), ("worth", "market value"), ("revenue", "revenue"), ("sales", "revenue"),
    ("profit", "profit"), ("net income", "profit"), ("earnings", "earnings"), ("loss", "loss"),
    ("invest", "investment"), ("investment", "investment"), ("stake", "investment"), ("backing", "investment"),
    ("funding", "funding"), ("fund", "funding"), ("award", "funding"), ("grant", "funding"), ("loan", "loan"),
    ("raise", "funding raised"), ("raised", "funding raised"), ("spend", "spending commitment"),
    ("commit", "spending commitment"), ("commitment", "spending commitment"), ("contract", "contract"),
    ("deal", "deal value"), ("acquire", "acquisition price"), ("acquisition", "acquisition price"),
    ("buy back", "share buyback"), ("buyback", "share buyback"), ("buy", "acquisition price"), ("cost", "cost"),
    ("price", "price"), ("capacity", "capacity"),
    ("customers", "customers"), ("users", "users"), ("employees", "employees"), ("jobs", "jobs"),
    ("workers", "workers"), ("homes", "homes"), ("tax", "tax revenue"), ("budget", "budget"),
    ("debt", "debt"), ("salary", "pay"), ("pay", "pay"), ("growth", "growth"), ("share", "share"),
    ("stock", "share price"), ("rate", "rate"), ("inflation", "inflation"), ("unemployment", "unemployment rate"),
    ("jobless", "unemployment rate"), ("jobless rate", "unemployment rate"),
    ("output", "output"), ("production", "output"), ("dividend", "dividend"), ("buyback", "share buyback"),
    ("market share", "market share"), ("shares", "share price"), ("margin", "margin"), ("values", "valuation"),
    ("operating income", "operating income"), ("operating profit", "operating income"), ("net loss", "loss"),
    ("ebitda", "EBITDA"), ("premium", "premium"), ("enterprise value", "enterprise value"), ("gdp", "GDP"),
    ("gross domestic product", "GDP"),
    ("payrolls", "jobs"), ("exports", "exports"), ("imports", "imports"), ("deficit", "deficit"),
    ("surplus", "surplus"), ("guidance", "guidance"), ("forecast", "forecast"), ("outlook", "guidance"),
    ("subscribers", "subscribers"), ("turnover", "revenue"), ("bid", "offer price"), ("offer", "offer price"),
    ("fine", "fine"), ("penalty", "fine"), ("settlement", "settlement"), ("wage", "pay"),
    ("compensation", "pay"), ("subsid", "subsidy"), ("tariff", "tariff"), ("emissions", "emissions"),
    ("bonus", "pay"), ("donat", "donation"), ("spending", "spending"), ("bills", "bills"),
]
_HEDGE_NOUNS = {"estimates", "estimated", "forecast", "forecasts", "projections", "projected", "expected",
                "expects", "expect", "anticipated", "predicted"}
_PURCHASE_VERBS = {"buy", "buys", "buying", "bought", "acquire", "acquires", "acquiring", "acquired", "purchase",
                   "purchases", "purchasing", "purchased", "takeover", "merge", "merging"}
_LOCATIVE = {"in", "near", "across", "outside", "throughout", "inside"}
# Common words that often open a news sentence capitalised ("Shares fell", "Net income rose"): not names
_COMMON_STARTERS = {"first", "second", "third", "fourth", "fifth", "full", "gross", "net", "retail", "operating",
                    "adjusted", "core", "underlying", "annual", "quarterly", "total", "average", "median", "overall",
                    "consumer", "wholesale", "industrial", "manufacturing", "home", "house", "factory", "business",
                    "pretax", "diluted", "revenue", "earnings", "inflation", "unemployment", "jobless", "growth",
                    "demand", "output", "production", "spending", "investment", "funding", "trading", "volume",
                    "shares", "stocks", "prices", "markets", "officials", "regulators", "economists", "traders",
                    "residents", "workers", "employees", "customers", "consumers", "lawmakers", "shoppers",
                    "bonds", "yields", "futures", "exports", "imports", "sales", "orders", "profits", "losses",
                    "costs", "wages", "rents", "deliveries", "shipments", "bookings", "funds", "banks", "lenders",
                    "companies", "firms", "households", "voters", "members", "users", "farmers", "retailers"}
_CLAUSE_SEPARATORS = (", and ", ", but ", "; ", " while ", " whereas ", " — ")
_CLAUSE_BREAK = re.compile("|".join(re.escape(sep) for sep in _CLAUSE_SEPARATORS))
_METRIC_RE = re.compile(r"\b(" + alternation(k for k, _ in METRICS) + r")\w*")
_METRIC_OF = {k: v for k, v in METRICS}
_HEDGE_RE = re.compile(r"\b(" + alternation(HEDGES) + r")\b")
# Reporting sources, each pattern with the words a sentence must hold for it to be tried at all (cheap `in` tests
# spare the regex engine on the many sentences that cite nobody).
_ATTRIB_RES = [
    (("according to",), re.compile(r"\baccording to ([^,.;:]+)", re.IGNORECASE)),
    (("familiar", "close", "briefed", "knowledge"),
     re.compile(r"\b((?:people|persons|a person|sources|someone|one person|officials)\s+(?:familiar|close|"
                r"briefed|with knowledge)[^,.;:]*)", re.IGNORECASE)),
    (("cited by",), re.compile(r"\b([\w’' -]{2,40}?\s+cited by\s+[\w ]{2,30}?)(?=\s+(?:suggest|show|say|indicate|"
                               r"point)|[,.;])", re.IGNORECASE)),
    (("estimat", "project", "forecast", "report", "told"),
     re.compile(r"(?:^|[,;:]\s*|\b(?:as|and)\s+)((?:[A-Z][\w&.’'-]*\s+){0,3}[A-Za-z]+)\s+"
                r"(?:estimates?|estimated|projects?|forecasts?|reported|reports|told)\b")),
    (("report",), re.compile(r"\b([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,3})\s+(?:reported|reports)\b")),
]
_WEEKDAY_RE = re.compile(r"\b(?:on|last|this|next)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                         re.IGNORECASE)
_MONTH_IN = re.compile(r"\b(?:in|since|during|last|through|until)\s+(January|February|March|April|June|July|August|"
                       r"September|October|November|December)\b(?!\s+\d)")
_REL_YEAR = re.compile(r"\b(next|last|this|previous|coming)\s+(year|month|quarter)\b", re.IGNORECASE)
# The lookahead holds the first characters of the branches: one test turns away most positions (1.5x faster).
_ANY_TIME = re.compile(r"(?=[12nltpcdjfmaso])(?:(?:19|20)\d\d|\b(?:next|last|this|previous|coming)\s|day\b|"
                       r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)\b)", re.IGNORECASE)
_FOUNDED = re.compile(r"\b(?:founded|established|set up|created|formed|launched|incorporated|started|born)\s+"
                      r"(?:in|during)\b", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(?:in|by|for|during|since|through|until|of|fiscal|FY)\s*((?:19|20)\d\d)\b")
_WINDOW = 300  # characters around a figure that its context is read from
_PREP_OBJECT = {"in", "into", "on", "from", "with", "to", "for", "of"}
_NOT_PARTY = {"the", "a", "an", "under", "with", "on", "in", "for", "it", "its", "this", "that", "these", "those",
              "but", "and", "or", "if", "as", "at", "by", "from", "to", "of", "after", "before", "while", "when",
              "internal", "industry", "some", "today", "yesterday", "meanwhile", "however", "also", "since",
              "during", "over", "about", "around", "nearly", "more", "up", "both", "all", "each", "every",
              "analysts", "investors", "critics", "we", "our", "they", "their", "he", "she", "his", "her",
              "there", "here", "what", "which", "who", "why", "how", "so", "yet", "still", "now", "then",
              "than", "last", "next", "first", "new", "other", "another", "former", "latest", "recent",
              "only", "just", "even", "such", "many", "most", "much", "few", "several", "one", "two",
              "three", "four", "five", "six", "seven", "eight", "nine", "ten", "founded", "backing", "based",
              "said", "says", "according", "like", "big", "large", "small", "major", "global", "national",
              "ai", "u", "s", "tens", "hundreds", "thousands", "millions", "billions", "deals", "with"}


# Role words that are also common in organisations' names ("Halvane Group", "General Motors", "Global Partners")
_ROLE_WORDS_IN_NAMES = {"group", "global", "national", "general", "associate", "associates", "board", "partner",
                        "partners", "lead", "principal", "managing", "senior", "member", "head", "under", "owner"}
_TITLE_WORDS = ROLE_WORDS - _ROLE_WORDS_IN_NAMES


# Lower-case words that are never part of a party's name, in one set so a word is tested once
_NOT_PARTY_LOW = frozenset(_NOT_PARTY) | frozenset(MONTHS) | frozenset(POWER) | frozenset(ENERGY) \
    | frozenset(WEEKDAYS) | frozenset(_TITLE_WORDS)
_POSSESSIVE = re.compile(r"['’]s$")


def _is_party_word(t: Token) -> bool:
    return t.kind == "word" and t.text[:1].isupper() and t.low not in _NOT_PARTY_LOW and t.text not in CURRENCY_CODES


def party_runs(toks: list[Token], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Runs of capitalised words (named parties) between token indexes lo..hi -> (start, end, name)."""
    runs = []
    k = lo
    # a run starts at a capitalised word: the others are passed over in one comprehension
    for c in [c for c in range(lo, hi) if toks[c].kind == "word" and toks[c].text[0].isupper()]:
        if c < k:
            continue  # inside the run just read
        if _is_party_word(toks[c]) and not (c > lo and toks[c - 1].text in ("“", '"')) \
                and not (c > lo and toks[c - 1].kind == "num" and toks[c - 1].end == toks[c].start):  # "405B"
            m = c + 1
            while m < hi and (_is_party_word(toks[m]) or (toks[m].low in ("of", "&", "for") and m + 1 < hi
                                                          and _is_party_word(toks[m + 1]))):
                m += 1
            name = _POSSESSIVE.sub("", " ".join(t.text for t in toks[c:m]))
            runs.append((c, m, name))
            k = m
    return runs


def is_reporting_source(toks: list[Token], s: int, e: int) -> bool:
    """Is the party run toks[s:e] the outlet that reports the claim ("according to Reuters", "told Bloomberg",
    "CNBC reported") rather than a party to it?"""
    if s >= 1 and toks[s - 1].low == "the":
        s -= 1  # "according to the Herald"
    before = [t.low for t in toks[max(0, s - 2):s]]
    if before[-2:] == ["according", "to"] or before[-1:] == ["told"]:
        return True
    if before[-1:] == ["by"] and before[-2:-1] and before[-2] in ("reported", "cited", "seen", "reviewed", "obtained"):
        return True
    return e < len(toks) and toks[e].low in ("reported", "reports", "reporting")


def _only_symbols_before(toks: list[Token], s: int) -> bool:
    """Are the tokens before index ``s`` all symbols (or none)?  Stops at the first word without copying a slice."""
    for k in range(s):
        if toks[k].kind != "sym":
            return False
    return True


def is_capitalised_common_word(toks: list[Token], s: int, e: int, seg) -> bool:
    """A single word capitalised only because it opens the sentence ("Revenue rose", "Shares fell"): a name would
    be written capitalised mid-sentence somewhere in the document too, or carry inner capitals ("OpenAI")."""
    if e - s != 1 or not _only_symbols_before(toks, s):
        return False
    word = _POSSESSIVE.sub("", toks[s].text)
    if any(c.isupper() for c in word[1:]) or seg.named_mid_sentence(word):
        return False
    low = word.lower()
    return seg.written_lower(low) or low in _COMMON_STARTERS or _METRIC_RE.fullmatch(low) is not None


def is_not_a_party(toks: list[Token], s: int, e: int) -> bool:
    """Capitalised words that are no party: a dateline ("LONDON (Reuters) -"), a place used as a modifier
    ("Mumbai-based"), a currency prefix ("HK$", "Rs")."""
    nxt = toks[e].text if e < len(toks) else ""
    if nxt == "$" and toks[e].start == toks[e - 1].end or (e - s == 1 and toks[s].low in SHORT_FORMS):
        return True
    if nxt in ("-", "–") and e + 1 < len(toks) and toks[e + 1].low in ("based", "born", "listed", "headquartered",
                                                                       "owned", "backed", "made"):
        return True
    if _only_symbols_before(toks, s) and all(t.text.isupper() and len(t.text) > 1 for t in toks[s:e]) \
            and nxt in ("(", "-", "–", "—", ","):
        return True  # a dateline city: "LONDON (Reuters) -", "WILMINGTON, Del. -"
    if s >= 1 and toks[s - 1].text == "(" and nxt in (")", ":"):
        return True  # "(Reuters)", "(AP)", an exchange: "(NYSE: ORVX)"
    if s >= 2 and toks[s - 1].text == ":" and toks[s - 2].text.isupper() and nxt in (")", ";", ","):
        return True  # a ticker: "(NYSE: ORVX)"
    return False


def _after_locative(toks: list[Token], s: int) -> bool:
    """Does the run at token ``s`` follow "in", "across" ... directly or over one lower-case word ("in southern
    England", "in the US")?  A place is not whom a figure is about."""
    if s >= 1 and toks[s - 1].low in _LOCATIVE:
        return True
    return s >= 2 and toks[s - 2].low in _LOCATIVE and toks[s - 1].kind == "word" and toks[s - 1].text.islower()


def named_runs(toks: list[Token], seg, lo: int = 0, hi: Optional[int] = None) -> list[tuple[int, int, str]]:
    """``party_runs`` less the outlets that report a claim, the capitalised common words that open a sentence,
    datelines, place modifiers and currency prefixes."""
    return [r for r in party_runs(toks, lo, len(toks) if hi is None else hi)
            if not is_reporting_source(toks, r[0], r[1]) and not is_capitalised_common_word(toks, r[0], r[1], seg)
            and not is_not_a_party(toks, r[0], r[1])]


class SentenceContext:
    """What a sentence says around its figures; computed once per sentence."""

    def __init__(self, text: str, start: int, end: int, toks: list[Token], seg, published: Optional[date]):
        self.text, self.start, self.end, self.toks, self.seg, self.published = text, start, end, toks, seg, published
        self.sentence = text[start:end]
        self.attribution = self._attribution()
        self._times: Optional[list] = None
        self._clauses: dict = {}
        self._separators: Optional[list] = None
        self._hedges_cache: Optional[list] = None
        self._metric_cache: Optional[list] = None
        self.runs = named_runs(toks, seg)
        self._run_ends = [e for _, e, _ in self.runs]
        self._run_starts = [s for s, _, _ in self.runs]
        self._prev_subject = None

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into the sentence of the clause that holds text[start:end], read at most _WINDOW either side."""
        key = (start, end)
        if key in self._clauses:
            return self._clauses[key]
        self._clauses[key] = found = self._find_clause(start, end)
        return found

    def _find_clause(self, start: int, end: int) -> tuple[int, int]:
        s = self.sentence
        a, b = start - self.start, end - self.start
        lo, hi = max(0, a - _WINDOW), min(len(s), b + _WINDOW)  # a clause longer than this is not read further
        if self._separators is None:  # every clause break of the sentence, found once
            self._separators = [m.span() for m in _CLAUSE_BREAK.finditer(s)]
        seps = self._separators
        left = right = -1
        for p, q in seps:  # a handful per sentence
            if q <= a and p >= lo:
                left = p  # the last break wholly before the figure
            elif p >= b and q <= hi:
                right = p  # the first break wholly after it
                break
        return (left + 1 if left >= 0 else lo), (right if right >= 0 else hi)

    def hedges_near(self, start: int, end: int) -> Optional[str]:
        """Hedge words in the clause that holds the figure ("valued at $1bn, and reportedly $2bn now")."""
        c0, c1 = self._clause(start, end)
        hits = self._hedge_hits()
        found = []
        a, b = start - self.start, end - self.start
        for k in range(bisect.bisect_left(self._hedge_starts, c0), len(hits)):  # only the clause's hits
            pos, end_pos, w = hits[k]
            if end_pos > c1:
                break
            if pos >= b and not (self.sentence[b:pos].isspace() and w.startswith(("is ", "are ", "was "))):
                continue  # "$1.41 billion, beating estimates": a hedge after the figure is about something else
            if w in _HEDGE_NOUNS and a - end_pos > 25:
                continue  # "estimates of $1.38 billion" hedge that figure, not every figure of the clause
            if w not in found:
                found.append(w)
        return "; ".join(found) or None

    def _hedge_hits(self) -> list[tuple[int, int, str]]:
        """Every hedge word of the sentence with its offsets, found in one pass and shared by its figures."""
        if self._hedges_cache is None:
            self._hedges_cache = [(m.start(), m.end(), m.group(1).lower()) for m in _HEDGE_RE.finditer(self.sentence)
                                  if m.group(1) != "May"]  # the month, not the modal verb
            self._hedge_starts = [h[0] for h in self._hedges_cache]
        return self._hedges_cache

    def _attribution(self) -> Optional[str]:
        low = self.sentence.lower()
        for keys, rx in _ATTRIB_RES:
            for k in keys:  # a plain loop: cheaper than a generator for these few words
                if k in low:
                    break
            else:
                continue
            m = rx.search(self.sentence)
            if m:
                val = re.sub(r"\s+(?:say|says|said|told|reported)$", "", m.group(1).strip(" ,"))
                if val and val.lower() not in ("it", "this", "that", "which", "he", "she", "they"):
                    return val
        return None

    def _time_mentions(self) -> list[tuple[int, int, int, str]]:
        """Every time the sentence names, as (start, end, rank, ISO value) with offsets into the sentence; rank
        orders kinds when distance cannot choose (a year, then "next year", a month, a weekday)."""
        s, pub, found = self.sentence, self.published, []
        if not _ANY_TIME.search(s):
            return found  # most sentences name no time: one scan instead of four
        for m in _YEAR_IN.finditer(s):
            if not _FOUNDED.search(s, max(0, m.start() - 20), m.start() + 3):  # "founded in 2017" dates no figure
                found.append((m.start(), m.end(), 0, m.group(1)))
        if pub is None:
            return found
        for m in _REL_YEAR.finditer(s):
            rel, what = m.group(1).lower(), m.group(2).lower()
            step = {"next": 1, "coming": 1, "last": -1, "previous": -1, "this": 0}[rel]
            if what == "year":
                value = str(pub.year + step)
            elif what == "month":
                y, mth = divmod(pub.year * 12 + pub.month - 1 + step, 12)
                value = f"{y:04d}-{mth + 1:02d}"
            else:
                q = (pub.month - 1) // 3 + step
                y, q = divmod(pub.year * 4 + q, 4)
                value = f"{y:04d}-Q{q + 1}"
            found.append((m.start(), m.end(), 1, value))
        for m in _MONTH_IN.finditer(s):
            month = MONTHS[m.group(1).lower()]
            year = pub.year if month <= pub.month else pub.year - 1  # news reports the recent past
            found.append((m.start(), m.end(), 2, f"{year:04d}-{month:02d}"))
        for m in _WEEKDAY_RE.finditer(s):
            wd = WEEKDAYS[m.group(1).lower()]
            prefix = m.group(0).strip().split()[0].lower()
            if prefix == "next":
                d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
            else:
                d = pub - timedelta(days=(pub.weekday() - wd) % 7)  # news convention: the most recent such day
            found.append((m.start(), m.end(), 3, d.isoformat()))
        return found

    def time_for(self, start: int, end: int) -> Optional[str]:
        """The time a figure holds for: the nearest time named in its clause, else the sentence's first by rank
        ("Revenue rose 5% last year and will reach 9% by 2030": 5% is last year's, 9% is 2030's)."""
        if self._times is None:
            self._times = self._time_mentions()
        if not self._times:
            return None
        c0, c1 = self._clause(start, end)
        a, b = start - self.start, end - self.start
        near = [(max(ms - b, a - me, 0), rank, v) for ms, me, rank, v in self._times if c0 <= ms and me <= c1]
        if near:
            return min(near)[2]
        return min(self._times, key=lambda t: (t[2], t[0]))[3]

    def _subject_before(self, tok_idx: int) -> Optional[str]:
        """The nearest named party ending before the figure; "A and B" keeps both."""
        i = bisect.bisect_right(self._run_ends, tok_idx) - 1
        while i >= 0 and _after_locative(self.toks, self.runs[i][0]):
            i -= 1  # "a plant in Nevada, creating 450 jobs": a place is not whom the figure is about
        self._bought = None
        if i >= 1 and self._after_purchase_verb(self.runs[i][0]):
            self._bought = self.runs[i][2]
            i -= 1  # "Orvex agreed to buy rival Talin for $4.2 billion": the buyer pays, Talin is the object
        if i < 0:
            return None
        s, e, name = self.runs[i]
        if i >= 1 and s >= 2 and self.toks[s - 1].low == "and" and self.runs[i - 1][1] == s - 1:
            name = f"{self.runs[i - 1][2]} and {name}"
        return name

    def _after_purchase_verb(self, s: int) -> bool:
        """Is the run at token ``s`` the thing bought ("buy rival Talin", "acquire the Talin unit")?"""
        before = [t.low for t in self.toks[max(0, s - 3):s]]
        return any(w in _PURCHASE_VERBS for w in before)


    def _object_after(self, tok_idx: int) -> Optional[str]:
        toks = self.toks
        for k in range(tok_idx, min(len(toks), tok_idx + 8)):
            if toks[k].low in _PREP_OBJECT:
                i = bisect.bisect_left(self._run_starts, k + 1)
                if i < len(self.runs):
                    s = self.runs[i][0]
                    if s in (k + 1, k + 2) or (s == k + 3 and toks[k + 1].low == "the"):
                        return self.runs[i][2]
            if toks[k].text in (",", ";"):
                break
        return None

    def _metric(self, start: int, end: int) -> Optional[str]:
        """The metric word nearest the figure, preferring one before it, within the context window."""
        if self._metric_cache is None:
            self._metric_cache = [(self.start + m.start(), _METRIC_OF.get(m.group(1).lower()), self.start + m.end())
                                  for m in _METRIC_RE.finditer(self.sentence)]
            self._metric_starts = [h[0] for h in self._metric_cache]
        best, dist = None, _WINDOW
        c0, c1 = self._clause(start, end)  # "revenue rose 12%, while net income fell": 12% is not income
        lo = bisect.bisect_left(self._metric_starts, self.start + c0)
        hi = bisect.bisect_right(self._metric_starts, self.start + c1)
        for ms, metric, me in self._metric_cache[lo:hi]:
            d = start - me if ms < start else (ms - end) * 1.5  # prefer keywords before the figure
            if 0 <= d < dist:
                best, dist = metric, d
        return best

    def describe(self, fig, start: int, end: int) -> dict:
        self._bought = None  # set by _subject_before when the nearest party is the thing bought
        info = {"hedge": self.hedges_near(start, end), "attribution": self.attribution, "time": None}
        if fig.unit == "date":
            return info
        tok_idx = fig.start_tok
        # possessive right before: "Nvidia's $10 billion"
        if tok_idx >= 1 and _POSSESSIVE.search(self.toks[tok_idx - 1].text) and \
                self.toks[tok_idx - 1].text[:1].isupper():
            info["subject"] = _POSSESSIVE.sub("", self.toks[tok_idx - 1].text)
        else:
            info["subject"] = self._subject_before(tok_idx) or (
                self._previous_subject() if self._refers_back() else None)
        info["object"] = self._object_after(fig.end_tok) or self._bought
        if info["object"] == info.get("subject"):
            info["object"] = None
        if fig.unit in ("W", "Wh"):
            info["metric"] = "capacity" if fig.unit == "W" else "energy"
        elif fig.rule in ("count", "count_in_list") and fig.unit:
            info["metric"] = fig.unit.split()[-1].lower()
        elif fig.rule == "duration":
            info["metric"] = "duration"
        else:
            info["metric"] = self._metric(start, end)
        info["time"] = self.time_for(start, end)
        return info

    def _refers_back(self) -> bool:
        """Does the sentence open by pointing at parties named before ("The two companies", "Both", "They")?"""
        words = [t.low for t in self.toks[:3] if t.kind == "word"]
        if not words:
            return False
        if words[0] in ("they", "both", "together", "it", "its", "their"):
            return True
        return words[0] == "the" and len(words) > 1 and (words[1] in ("two", "three", "four", "both", "pair")
                                                         or words[1] in ORG_NOUNS)

    def _previous_subject(self) -> Optional[str]:
        """The first named party of the previous sentence: "The two giants ..." after "A and B are ..."."""
        if self._prev_subject is not None:
            return self._prev_subject or None
        idx = self.seg.sentence_index(self.start)
        self._prev_subject = ""
        for back in range(idx - 1, max(-1, idx - 4), -1):  # the nearest of the three sentences before
            ps, pe = self.seg.sentences[back]
            ptoks = self.seg.tokens(ps, pe)
            runs = [r for r in named_runs(ptoks, self.seg) if not _after_locative(ptoks, r[0])]
            if runs:
                s, e, name = runs[0]
                if len(runs) > 1 and runs[1][0] == e + 1 and ptoks[e].low == "and":
                    name = f"{name} and {runs[1][2]}"
                self._prev_subject = name
                break
        return self._prev_subject or None

    def assign_parties(self, claims) -> None:
        """'A and B will invest $X and $Y respectively': the i-th figure goes to the i-th party."""
        if "respectively" not in self.sentence.lower() or len(claims) < 2:
            return
        m = re.search(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s+and\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)",
                      self.sentence)
        if not m:
            return
        parties = [m.group(1), m.group(2)]
        money = [c for c in claims if c.unit and c.start - self.start > m.end()]
        for c, p in zip(money, parties):
            c.subject = p


def numeric_confidence(fig, info: dict) -> tuple[float, list[str]]:
    """Extraction confidence: the rule's strength, lowered by hedges, vague amounts and anonymous sourcing."""
    score = fig.strength
    reasons = [f"rule {fig.rule}: {fig.strength:.2f}"]
    reasons += fig.reasons
    if info.get("hedge"):
        score -= 0.1
        reasons.append(f"hedged: {info['hedge']}")
    attrib = (info.get("attribution") or "").lower()
    if "familiar" in attrib or "sources" in attrib or "person" in attrib:
        score -= 0.1
        reasons.append("anonymous sourcing")
    if fig.qualifier in ("up_to", "more_than", "less_than", "at_least", "about", "range"):
        reasons.append(f"bound: {fig.qualifier}")
    return round(max(0.05, min(score, 1.0)), 2), reasons
