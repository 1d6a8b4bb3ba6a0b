"""Keys that say two claims speak about the same thing: units, denominators, metrics, party names, named entities.

The extractor fills subject, object and metric heuristically and may leave them empty or get them wrong, so every
key here is computed defensively: a metric comes from the words nearest the figure before the extractor's label, a
subject that is really the reporting outlet or a unit symbol is dropped, and a product-style description ("the Claude
maker") is not treated as a party's name. Nothing here names a company or a figure: the tables are ordinary words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from .models import Claim

# --- units and denominators ----------------------------------------------------------------------------------------

_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "rupee": "INR"}
_SCALED_UNITS = {  # denominator words -> (base unit, scale)
    "w": ("W", 1.0), "kw": ("W", 1e3), "mw": ("W", 1e6), "gw": ("W", 1e9), "tw": ("W", 1e12),
    "watt": ("W", 1.0), "kilowatt": ("W", 1e3), "megawatt": ("W", 1e6), "gigawatt": ("W", 1e9),
    "terawatt": ("W", 1e12), "wh": ("Wh", 1.0), "kwh": ("Wh", 1e3), "mwh": ("Wh", 1e6), "gwh": ("Wh", 1e9),
    "twh": ("Wh", 1e12), "yr": ("year", 1.0), "annum": ("year", 1.0), "annually": ("year", 1.0),
    "mo": ("month", 1.0), "share": ("share", 1.0), "capita": ("person", 1.0), "head": ("person", 1.0),
}
_CODES = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "CAD", "AUD"}
# Units that look alike but must never be compared: a flag of kind unit_mismatch names such a pair.
CONFUSABLE_UNITS = [{"W", "Wh"}, {"%", "pp"}]


def singular(word: str) -> str:
    """A plain-English singular for a counted noun ("customers" -> "customer", "companies" -> "company")."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def unit_key(unit: Optional[str]) -> Optional[str]:
    """A comparable unit: currency codes and symbols kept, a counted noun reduced to its singular head noun."""
    if not unit:
        return None
    u = unit.strip()
    if u in ("W", "Wh", "%", "pp") or (len(u) == 3 and u.isupper()):
        return u
    head = singular(re.split(r"[\s\-]+", u)[-1])
    return _CURRENCY_WORDS.get(head, head)


_MODIFIER_STOP = {"and", "or", "of", "the", "a", "an", "new", "total", "more", "than", "some", "about"}


def unit_modifiers(unit: Optional[str]) -> frozenset[str]:
    """The words before a counted noun's head ("business and enterprise customers" -> {business, enterprise}):
    "business customers" and "enterprise customers" are different counts, "customers" may be either."""
    if not unit or unit_key(unit) in ("W", "Wh", "%", "pp") or (len(unit) == 3 and unit.isupper()):
        return frozenset()
    words = [singular(w) for w in re.split(r"[\s\-]+", unit.strip().lower())[:-1]]
    return frozenset(w for w in words if w and w not in _MODIFIER_STOP and not w.isdigit())


def per_key(per: Optional[str]) -> Optional[tuple[str, float]]:
    """A comparable denominator: "GW", "gigawatt" and "per gigawatt" all give ("W", 1e9); "a year" gives year."""
    if not per:
        return None
    p = re.sub(r"^(?:per|a|an|each|every)\s+", "", per.strip().lower()).strip(" .")
    if p in _SCALED_UNITS:
        return _SCALED_UNITS[p]
    s = singular(p)
    return _SCALED_UNITS.get(s, (s, 1.0))


_RATE_BEFORE = re.compile(
    r"\b(?:1|one|a|an|each|every|per)\s+(GW|gigawatts?|MW|megawatts?|kW|kilowatts?|TW|terawatts?|GWh|MWh|kWh|TWh)\b"
    r"[^.;]{0,70}?\b(?:costs?|could cost|can cost|costing|is priced|priced|requires?|is worth|worth)\b[^.;]{0,25}$",
    re.I)


def rate_per(claim: Claim) -> Optional[tuple[str, float]]:
    """The claim's denominator: its own ``per``, or "one gigawatt of compute can cost $20-25 billion", which states a
    price per gigawatt even without the word "per"."""
    if claim.per:
        return per_key(claim.per)
    s, _ = span_in_sentence(claim)
    m = _RATE_BEFORE.search(claim.sentence[:s])
    return per_key(m.group(1)) if m else None


# --- names ---------------------------------------------------------------------------------------------------------

_ORG_SUFFIX = re.compile(
    r"[,\s]+(?:corp(?:oration)?|inc|incorporated|co|company|ltd|limited|llc|plc|pbc|ag|sa|se|nv|gmbh|group|"
    r"holdings?)\.?$", re.I)
_NOT_A_NAME = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "the company", "the firm", "company",
               "firm", "startup", "the startup", "b", "bn", "m", "mn", "k", "t", "tn"}
_DESCRIPTION_HEADS = ("maker", "developer", "creator", "owner", "parent", "operator", "startup", "company", "firm",
                      "giant", "lab", "group", "unit", "rival", "backer", "investor")
_CONJ = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s*/\s*)")


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=200_000)
def name_key(name: Optional[str]) -> Optional[str]:
    """One party's comparable name: lowercase, no corporate suffix or possessive; None for pronouns and units."""
    if not name:
        return None
    n = _fold(name).strip(" .,;:'\"“”")
    n = re.sub(r"^.*'s\s+(?=\S)", "", n)  # "X's Azure" is Azure
    n = re.sub(r"'s$", "", n)
    n = re.sub(r"^the\s+", "", n, flags=re.I)
    for _ in range(2):
        n = _ORG_SUFFIX.sub("", n)
    n = re.sub(r"[^\w\s\-]", " ", n.lower())
    n = " ".join(n.split())
    if not n or n in _NOT_A_NAME or len(n) < 2 or n.isdigit() or n in _SCALED_UNITS or n.upper() in _CODES:
        return None
    return n


@lru_cache(maxsize=200_000)
def party_key(name: Optional[str]) -> Optional[tuple[str, ...]]:
    """The parties a subject names, sorted: "Microsoft and Nvidia" and "Nvidia Corp., Microsoft" give the same."""
    if not name:
        return None
    parts = [name_key(p) for p in _CONJ.split(name) if p and p.strip()]
    parts = [p for p in parts if p]
    if not parts:
        return None
    return tuple(sorted(set(parts)))


def is_description(name: str, sentence: str) -> bool:
    """True when ``name`` is used as a description, "the Claude maker", rather than as the party's own name."""
    low, key = sentence.lower(), f"the {name.strip().lower()} "
    at = low.find(key)
    while at >= 0:
        rest = low[at + len(key):].split(" ", 1)[0].strip(",.;:")
        if rest.rstrip("s") in _DESCRIPTION_HEADS or rest in _DESCRIPTION_HEADS:
            return True
        at = low.find(key, at + 1)
    return False


_REPORTING_BEFORE = ("according to ", "citing ", "cited by ", "told ", "according to the ", "told the ")
# "X said" is left out: a company that speaks is often a party to the figure too.
_REPORTING_AFTER = (" reported", " reports", " report", "'s report", "’s report")


def attributed_to(name: str, sentence: str) -> bool:
    """True when ``name`` is the reporting source in ``sentence`` ("according to X", "X reported"), not a party."""
    low, n = sentence.lower(), name.strip().lower()
    if not n or n not in low:
        return False
    return any(b + n in low for b in _REPORTING_BEFORE) or any(n + a in low for a in _REPORTING_AFTER)


def same_person(a: Optional[str], b: Optional[str]) -> bool:
    """Two speaker names for one person: equal keys, one the other's surname, or a near-identical spelling."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) == 1 or len(tb) == 1:
        short, long_ = (ta, tb) if len(ta) == 1 else (tb, ta)
        return short[0] == long_[-1] or short[0] == long_[0]
    if ta[-1] == tb[-1] and ta[0][0] == tb[0][0]:
        return True
    return fuzz.ratio(ka, kb) >= 92


class NameIndex:
    """Canonical names for one corpus: "Nvidia Corp", "NVIDIA" and "Nvidia" become one key.

    Names are grouped by their first word (the blocking key); inside a block near-identical spellings join by
    rapidfuzz ratio (92 or more), so the cost grows with the number of distinct names, not its square.
    """

    def __init__(self, names: Iterable[str] = ()):
        self._canon: dict[str, str] = {}
        self._blocks: dict[str, list[str]] = {}
        self._shown: dict[str, str] = {}
        for key in sorted({k for n in names for k in (party_key(n) or ())}, key=lambda k: (-len(k.split()), k)):
            self.add(key)

    def add(self, key: str) -> str:
        if key in self._canon:
            return self._canon[key]
        # Only near-identical spellings join: a first or last word alone does not ("Microsoft" is not "Microsoft
        # Azure"); people are matched by surname in same_person, where that rule is safe.
        block = self._blocks.setdefault(key.split()[0], [])
        hit = process.extractOne(key, block, scorer=fuzz.ratio, score_cutoff=92) if block else None
        target = hit[0] if hit else key
        self._canon[key] = target
        if target == key:
            block.append(key)
        return target

    def canon(self, name: Optional[str]) -> Optional[tuple[str, ...]]:
        key = party_key(name)
        if key is None:
            return None
        result = tuple(sorted({self.add(k) for k in key}))
        if len(result) == 1 and name:
            self._shown.setdefault(result[0], name.strip())
        return result

    def show(self, parties: tuple[str, ...]) -> str:
        """How the sources wrote these parties ("Microsoft and Nvidia")."""
        return " and ".join(self._shown.get(p, p.title()) for p in parties)


# --- named entities in a sentence ----------------------------------------------------------------------------------

_CAP_RUN = re.compile(r"\b[A-Z][\w&'’\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’\-]*)*")
_NOT_ENTITY = {
    "the", "a", "an", "in", "on", "at", "and", "but", "or", "as", "by", "for", "with", "from", "to", "it", "its",
    "he", "she", "they", "we", "our", "this", "that", "these", "those", "there", "here", "under", "after", "before",
    "while", "when", "if", "of", "ceo", "cfo", "chief", "said", "says", "according", "some", "all", "both", "one",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
    "yesterday", "analysts", "industry", "customers", "those", "also", "however", "meanwhile", "i", "you",
}


@lru_cache(maxsize=200_000)
def entities(text: str) -> frozenset[str]:
    """Capitalised names in ``text`` as comparable keys (a cheap stand-in when the extractor left a field empty)."""
    found = set()
    for m in _CAP_RUN.finditer(text):
        words = [w for w in m.group(0).split() if w.lower().strip("'’") not in _NOT_ENTITY]
        parts = [words] + ([p.split() for p in " ".join(words).split(" of ")] if " of " in m.group(0) else [])
        for part in parts:
            part = [w for w in part if w.lower() != "of" and name_key(w)]
            key = name_key(" ".join(part)) if part else None
            if key and not key.replace(" ", "").isdigit():
                found.add(key)
    return frozenset(found)


# --- metrics -------------------------------------------------------------------------------------------------------

# (canonical metric, word patterns); earlier entries win ties. "weak" words only say that money changed hands.
METRIC_WORDS: list[tuple[str, str]] = [
    ("market value", r"market (?:value|valuation|capitali[sz]ation|cap)"),
    ("share price", r"shares?|stock|share price"),
    ("valuation", r"valuation|valued|values|valuing|value (?:of|at)"),
    ("revenue", r"revenues?|sales|run[- ]rate|turnover"),
    ("investment", r"invest(?:s|ed|ing|ment|ments)?|stake|backing|pour(?:s|ed|ing)?|inject(?:s|ed|ing|ion)?|"
                   r"pledg(?:e|es|ed|ing)|contribut(?:e|es|ed|ing|ion)|put(?:s|ting)? .{0,50}\binto"),
    ("funding round", r"rais(?:e|es|ed|ing)|fundrais(?:e|ing)|funding round|series [a-z]\b"),
    ("purchase", r"purchas(?:e|es|ed|ing)|buy(?:s|ing)?|bought|spend(?:s|ing)?|spent"),
    ("cost", r"costs?|costing|price[ds]?|requires?|expense"),
    ("profit", r"profits?|earnings|net income"),
    ("loss", r"loss(?:es)?"),
    ("customers", r"customers?|clients?|users?|subscribers?"),
    ("employees", r"employees?|employ(?:s|ed|ing)?|staff|workers|headcount|jobs|payroll"),
    ("capacity", r"capacity"),
]
def _split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, current = [], 0, ""
    for ch in pattern:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


WEAK_METRICS = {"commitment": r"commit(?:s|ted|ting|ment|ments)?|deal|agreement"}
_METRIC_RES = [(name, re.compile(r"\b(?:" + pat + r")\b", re.I)) for name, pat in METRIC_WORDS]
_WEAK_RE = re.compile(r"\b(?:" + "|".join(WEAK_METRICS.values()) + r")\b", re.I)
_NEAREST_NAMES = [name for name, _ in METRIC_WORDS] + [None]
_ALL_PATTERNS = [pat for _, pat in METRIC_WORDS] + ["|".join(WEAK_METRICS.values())]
# Single words are looked up word by word (cached per distinct word); the few phrases get one small regex.
_SINGLE = [(rank, re.compile("|".join(alt for alt in _split_alternatives(pat) if " " not in alt and ".{" not in alt),
                             re.I)) for rank, pat in enumerate(_ALL_PATTERNS)]
_PHRASE_RE = re.compile("|".join(
    f"(?P<m{rank}>\\b(?:{'|'.join(alts)})\\b)" for rank, alts in
    ((rank, [a for a in _split_alternatives(pat) if " " in a or ".{" in a]) for rank, pat in enumerate(_ALL_PATTERNS))
    if alts), re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
_WINDOW = 60


@lru_cache(maxsize=50_000)
def _word_rank(word: str) -> Optional[int]:
    for rank, rx in _SINGLE:
        if rx.pattern and rx.fullmatch(word):
            return rank
    return None


def _nearest_metric(sentence: str, start: int, end: int) -> tuple[bool, Optional[str]]:
    """(found, metric): the metric word closest to the span [start, end) of ``sentence`` within a window around
    it; a weak word ("committed", "deal") closest gives (True, None)."""
    lo, hi = max(0, start - _WINDOW), min(len(sentence), end + _WINDOW)
    best: Optional[tuple[int, int]] = None
    hits = [(m.start(), m.end(), _word_rank(m.group(0).lower())) for m in _WORD.finditer(sentence, lo, hi)]
    hits += [(m.start(), m.end(), int(m.lastgroup[1:])) for m in _PHRASE_RE.finditer(sentence, lo, hi)]
    for s, e, rank in hits:
        if rank is None:
            continue
        if s < end and e > start:
            dist = 0  # the word is in the span ("300 customers") or the phrase runs over it ("put $5m into")
        else:
            dist = start - e if e <= start else s - end
        if best is None or (dist, rank) < best:
            best = (dist, rank)
    return (True, _NEAREST_NAMES[best[1]]) if best else (False, None)


def metric_of_label(label: Optional[str]) -> Optional[str]:
    """The canonical metric of an extractor's label ("cloud spending commitment" -> purchase), if any word hits."""
    if not label:
        return None
    for name, rx in _METRIC_RES:
        if rx.search(label):
            return name
    return None


def label_metric(claim: Claim) -> Optional[str]:
    """The canonical metric of the extractor's label, or the label itself normalised; None for a weak label."""
    label = metric_of_label(claim.metric)
    if label:
        return label
    if claim.metric and not _WEAK_RE.search(claim.metric):
        return " ".join(singular(w) for w in re.findall(r"[a-z]+", claim.metric.lower())) or None
    return None


def metric_key(claim: Claim, fallback: bool = True) -> tuple[Optional[str], bool]:
    """(metric, strong): the metric word nearest the figure; when that is a weak word ("committed", "deal") or
    there is none, the extractor's label (unless ``fallback`` is off: cross-referencing first looks at the other
    figures of the sentence)."""
    s, e = span_in_sentence(claim)
    found, metric = _nearest_metric(claim.sentence, s, e)
    if metric:
        return metric, True
    label = label_metric(claim) if fallback else None
    return (label, True) if label else (None, False)


def span_in_sentence(claim: Claim) -> tuple[int, int]:
    """The claim's span as offsets into its sentence."""
    s = claim.start - claim.sentence_start
    e = claim.end - claim.sentence_start
    if 0 <= s <= e <= len(claim.sentence) and claim.sentence[s:e] == claim.text:
        return s, e
    i = claim.sentence.find(claim.text)
    return (i, i + len(claim.text)) if i >= 0 else (0, 0)


# --- text similarity -----------------------------------------------------------------------------------------------

_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": " ", "–": " ", "…": " "})
_CONTRACTIONS = [(r"\bwe're\b", "we are"), (r"\bwe'll\b", "we will"), (r"\bit's\b", "it is"),
                 (r"\bi'm\b", "i am"), (r"\bthey're\b", "they are"), (r"\byou're\b", "you are"),
                 (r"\bwe've\b", "we have"), (r"\bdon't\b", "do not"), (r"\bcan't\b", "cannot"),
                 (r"\bwon't\b", "will not"), (r"\bisn't\b", "is not")]


@lru_cache(maxsize=100_000)
def norm_text(text: str) -> str:
    """Lowercase words only, contractions expanded: what two copies or two renderings of a quote share."""
    t = _fold(text).translate(_QUOTE_CHARS).lower()
    for pat, rep in _CONTRACTIONS:
        t = re.sub(pat, rep, t)
    return " ".join(re.findall(r"[a-z0-9]+", t))
