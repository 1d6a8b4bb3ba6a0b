"""Numeric claims: money, ranges, percentages, counts with their noun, power and energy, durations, dates.

The scan is token by token inside each sentence, so its cost is linear in the text and no regex can backtrack.
Every figure is read in three steps: the number itself (digits or words, with its scale), what stands before it
(a currency symbol, a qualifier such as "up to"), and what follows (a scale, a currency word, a unit, a noun).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from . import context
from .models import Claim, claim_id
from .segment import Segmented
from .tables.numbers import (DIGIT_ONLY_SCALES, DOZEN, FRACTIONS, HUNDRED, MULTIPLE_VERBS, SCALES, TENS,
                             UNITS, VAGUE)
from . import currency
from .tables.currencies import COINS, ISO_CODES, NAMES as CURRENCY_NAMES, SYMBOLS_BEFORE
from .tables.units import DURATIONS, ENERGY, POWER, POWER_SYMBOL, RATE_NOUNS
from .tables.words import MONTHS, QUALIFIER_FILLERS, QUALIFIERS_BEFORE, WEEKDAYS
from .tokens import Token
from .wordsets import alternation

# Spans where digits are not figures: addresses on the web, phone numbers, times of day.
# What a figure can start with; a sentence without any of these holds no figure.  Two patterns searched one after
# the other: a pattern that is one character class is scanned by the engine's fast loop, and most sentences with a
# figure have a digit, so the slower word scan runs only for the others (1.7x faster than one pattern A|B).
_CANDIDATE_SIGN = re.compile(r"[\d$€£¥₹₩₽₺₪₦₱₴₫฿₡₾₭₿元₸₮¢]")
_CANDIDATE_WORD = re.compile(
    r"\b(?:" + alternation(
        list(UNITS) + list(TENS) + list(FRACTIONS) + list(MULTIPLE_VERBS) + list(MONTHS) + list(VAGUE)
        + list(CURRENCY_NAMES) + list(COINS) + ["grand", "hundred", "dozen", "thousand", "million", "billion",
                                                  "trillion", "lakh", "crore", "twice", "thrice"])
    + r")")
_URL = r"https?://\S+|www\.\S+"
_WEB_MASK = re.compile(_URL + r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.]+", re.IGNORECASE)
_URL_MASK = re.compile(_URL, re.IGNORECASE)  # _WEB_MASK's matches in a text with no "@" (no e-mail address there)
_DIGIT_MASKS = re.compile(  # the lookahead rejects the many positions no mask can start at, 4x faster
    r"(?=[\d+(])(?:(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\+\d{1,3}(?:[-. /]\d{2,5}){2,}"
    r"|\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)|\b\d{1,2}:\d{2}\b)",
    re.IGNORECASE,
)
_DASHES = {"-", "–", "—", "to", "~", "through", "thru"}
_GROWTH_UP = {"rose", "rise", "rises", "rising", "increased", "increase", "increases", "grew", "grow", "grows",
              "growing", "climbed", "climb", "jumped", "jump", "gained", "gain", "up", "surged", "soared",
              "advanced", "added", "higher", "expanded", "widened", "widening"}
_GROWTH_DOWN = {"fell", "fall", "falls", "falling", "declined", "decline", "declines", "dropped", "drop", "drops",
                "down", "decreased", "decrease", "slid", "slide", "lost", "lose", "shrank", "shrink", "slipped",
                "slip", "plunged", "plunge", "tumbled", "tumble", "sank", "sink", "lower", "cut", "contracted",
                "fallen", "slumped", "slump", "shed", "sheds", "shrunk", "off", "eased", "dipped", "dip",
                "tightened", "narrowed", "narrowing", "tightening", "retreated", "weakened", "lowered", "reduced",
                "decreasing", "declining", "slipping", "sliding", "cuts", "cutting", "lowers", "lowering", "reduces",
                "reducing", "trimmed", "trims", "trimming", "slashed", "slashes", "slashing"}
_TEMPERATURE_SCALES = {"celsius": "C", "centigrade": "C", "c": "C", "fahrenheit": "F", "f": "F"}
_MEASURES = {"ppm": "ppm", "ppb": "ppb", "mm": "mm", "cm": "cm", "km": "km", "kg": "kg", "mph": "mph",
             "kph": "km/h", "kmh": "km/h"}
_MOVED_UP = {"marked", "revised", "ticked", "edged", "moved", "went", "bumped", "pushed", "nudged", "inched",
             "crept", "drifted", "shot", "jumped", "climbed", "rose", "ratcheted", "scaled", "marks", "revises",
             "ticks", "edges", "moves", "goes", "rises", "climbs", "jumps"}
_PREPOSITION_QUALIFIERS = {"under", "over", "above", "below", "beyond", "near", "some", "exceeding", "topping"}
_PERIOD_HALF = {"first", "second", "back", "front", "latter", "former", "opening", "closing", "other"}
# A duration that names a kind of bond or loan ("the 10-year yield", "a 30-year mortgage"), not a claimed length
_TENOR_NOUNS = {"bond", "bonds", "note", "notes", "yield", "yields", "treasury", "treasuries", "gilt", "gilts",
                "bund", "bunds", "paper", "bill", "bills", "mortgage", "mortgages", "jgb", "jgbs", "swap", "swaps",
                "breakeven", "tips", "government"}
# Nouns counted in a compound adjective, with their plural: "a 140-room hotel", "a 22-person company"
_HYPHEN_COUNT_NOUNS = {"room": "rooms", "bed": "beds", "seat": "seats", "person": "people", "member": "members",
                       "store": "stores", "unit": "units", "home": "homes", "acre": "acres", "mile": "miles",
                       "kilometre": "kilometres", "kilometer": "kilometers", "story": "stories", "storey": "storeys",
                       "floor": "floors", "lane": "lanes", "bedroom": "bedrooms", "employee": "employees",
                       "truck": "trucks", "vehicle": "vehicles", "aircraft": "aircraft", "plane": "planes",
                       "ship": "ships", "vessel": "vessels", "branch": "branches", "site": "sites",
                       "school": "schools", "hospital": "hospitals", "page": "pages", "screen": "screens",
                       "car": "cars", "gate": "gates", "court": "courts", "hole": "holes",
                       "team": "teams", "nation": "nations", "country": "countries", "state": "states",
                       "city": "cities", "place": "places", "pupil": "pupils", "space": "spaces",
                       "berth": "berths", "bay": "bays", "pump": "pumps", "classroom": "classrooms"}
_LY_ADJECTIVES = {"likely", "early", "elderly", "weekly", "daily", "monthly", "quarterly", "yearly", "friendly",
                  "costly", "lonely", "lovely", "only", "orderly", "hourly", "nightly", "unlikely", "deadly", "family"}
# Who an unnamed source is: "three people familiar with the matter said" counts no people
_ANONYMOUS_AFTER = {"familiar", "briefed", "close", "knowledgeable", "with", "who", "involved", "aware"}
_OBSERVERS = {"analysts", "economists", "investors", "officials", "experts", "forecasters", "traders",
              "executives", "critics", "researchers", "scientists", "lawmakers", "regulators", "sources"}
_COUNT_VERBS = {"reached", "totalled", "totaled", "numbered", "stood", "hit", "topped", "rebounded", "recovered",
                "doubled", "tripled", "halved"}
_MEASURE_SUBJECTS = {"shares", "stocks", "prices", "rates", "yields", "bonds", "futures", "sales", "revenues",
                     "profits", "earnings", "costs", "margins", "wages", "rents", "returns", "assets", "deposits",
                     "loans", "valuations", "temperatures", "scores", "ratings", "points", "premiums", "fees",
                     "taxes", "tariffs", "bills", "savings", "reserves", "balances", "payments", "spending"}
_DOWN_NOUNS = {"decrease", "decreases", "reduction", "reductions", "declines", "falls", "drops", "cuts",
               "contraction", "slowdown", "downturn", "slump", "plunge", "shrinkage"}
_UP_NOUNS = {"increase", "increases", "rise", "rises", "gain", "gains", "jump", "growth", "climb", "surge",
             "expansion", "uptick", "boost", "hike"}
_LEVEL_WORDS = {"to", "at", "from", "of", "than", "with"}  # a level or a comparison, not the size of a change
_DOWN_AFTER = {"drop", "decline", "fall", "slump", "decrease", "lower", "down", "contraction", "plunge", "slide",
               "cut", "reduction", "dip"}
# Words that stop a counted-noun phrase.
_NOUN_STOP = {
    "of", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by", "that", "which", "who", "whom",
    "whose", "the", "a", "an", "is", "are", "was", "were", "be", "been", "being", "will", "would", "has", "have",
    "had", "per", "each", "than", "as", "into", "across", "over", "under", "through", "during", "including",
    "between", "among", "about", "after", "before", "since", "until", "while", "when", "where", "this",
    "these", "those", "its", "their", "our", "his", "her", "it", "they", "we", "he", "she", "so", "but", "if",
    "not", "no", "also", "already", "just", "only", "most", "less", "up", "down", "out", "off", "last",
    "next", "every", "such", "can", "could", "may", "might", "should", "must", "do", "does", "did", "there",
    "here", "now", "then", "than", "via", "worth", "valued", "against", "toward", "towards", "around", "within",
    "without", "yet", "still", "even", "ago", "later", "earlier", "apiece", "each", "both", "all", "what",
    "whether", "annually", "respectively", "alone", "combined", "total", "overall", "globally", "worldwide",
    "said", "says", "say", "according", "like",
}

_IRREGULAR_PLURALS = {"people", "children", "men", "women", "data", "criteria", "media", "staff", "personnel",
                      "police", "cattle", "feet", "teeth", "mice", "geese", "indices", "phenomena", "bacteria",
                      "alumni", "memoranda", "fish", "sheep", "aircraft", "deer", "offspring", "series",
                      "species", "headquarters", "livestock", "equipment", "software", "hardware", "crew",
                      "poultry", "salmon", "cod", "trout", "bison", "moose", "elk"}
# Words after a bare number that make it something other than a figure.
_NOT_FIGURE_AFTER = {"of", "am", "pm", "st", "nd", "rd", "th"}
_SENTENCE_WORDS = {  # capitalised at a sentence start, not product names
    "the", "a", "an", "about", "some", "over", "nearly", "roughly", "around", "approximately", "almost", "only",
    "just", "with", "all", "at", "up", "more", "those", "these", "its", "their", "our", "in", "on", "by",
    "for", "of", "to", "and", "but", "or", "than", "under", "since", "until", "from", "after", "before",
    "another", "another", "every", "each", "last", "next", "this", "that", "as", "less", "fewer", "nearly",
    "estimated", "an", "between", "across", "among", "through", "during", "within", "roughly", "below",
    "above", "beyond", "while", "when", "if", "plus", "minus", "per", "top", "first", "least", "most", "it",
    "they", "we", "he", "she", "i", "you", "both", "total", "combined", "another", "almost", "nearly",
    "exactly", "precisely", "barely", "some", "any", "no", "none", "many", "several", "few", "few",
}
_YEAR_CONTEXT = {"in", "by", "since", "until", "through", "of", "late", "early", "mid", "fiscal", "fy", "from",
                 "to", "before", "after", "during", "end", "year", "summer", "winter", "spring", "autumn", "fall",
                 "throughout", "spring", "beginning", "start", "q1", "q2", "q3", "q4", "between", "and"}


@dataclass
class Figure:
    """A number read from the tokens: where it starts and ends and what it means."""

    start_tok: int
    end_tok: int  # exclusive
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: str = "exact"
    per: Optional[str] = None
    rule: str = ""
    time: Optional[str] = None
    digits: bool = True
    strength: float = 0.8
    qual_start: int = -1  # first token of the qualifier words before the figure (its own start when none)
    reasons: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- numbers


def _digit_value(tok: Token) -> Optional[float]:
    s = tok.text.replace(",", "").replace(" ", "")
    if len(s) > 18:
        return None
    try:
        return float(s)
    except ValueError:
        return None


_BIG_SCALES = {"thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"}


def _read_words(toks: list[Token], i: int) -> tuple[Optional[float], int]:
    """A number spelled in words starting at ``i``: "fifteen", "twenty-five", "two hundred", "a million"."""
    n = len(toks)
    total, current, j, seen = 0.0, 0.0, i, False
    while j < n and j - i < 16:  # no spelled number runs longer; a longer chain is read in pieces, not re-read
        w = toks[j].low
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in HUNDRED and seen:
            current = max(current, 1) * 100
        elif w in ("thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores") and seen:
            total += (current if current else 1) * SCALES[w]
            current = 0
            # "one million and a half"
            if j + 3 < n and toks[j + 1].low == "and" and toks[j + 2].low == "a" and toks[j + 3].low == "half":
                total += 0.5 * SCALES[w]
                j += 3
        elif w in ("half", "quarter", "quarters") and j + 1 < n and toks[j + 1].low in _BIG_SCALES:
            # "half million", "a quarter million", "three quarters billion"
            frac = 0.5 if w == "half" else 0.25
            current = (current if current else 1) * frac
        elif w == "and" and seen and j + 3 < n and toks[j + 1].low == "a" and toks[j + 2].low == "half" \
                and toks[j + 3].low in _BIG_SCALES:
            current += 0.5  # "five and a half million"
            j += 3
            continue
        elif w in DOZEN:
            current = max(current, 1) * 12
        elif w == "-" and seen and j + 1 < n and toks[j + 1].low in UNITS and toks[j].start == toks[j - 1].end:
            j += 1
            continue
        elif w == "and" and seen and j + 1 < n and (toks[j + 1].low in UNITS or toks[j + 1].low in TENS) \
                and (toks[j - 1].low in HUNDRED or toks[j - 1].low in ("thousand", "million", "billion")):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None, i
    return total + current, j


def _read_number(toks: list[Token], i: int) -> tuple[Optional[float], int, bool]:
    """The number at ``i`` (digits or words, with a following scale word) -> (value, end, written_in_digits)."""
    n = len(toks)
    t = toks[i]
    if t.kind == "num":
        if len(t.text) > 1 and t.text[0] == "0" and t.text[1].isdigit():
            return None, i, True  # "01" of "1995-01", a code, not an amount
        v = _digit_value(t)
        if v is None:
            return None, i, True
        j = i + 1
        if j < n and toks[j].kind == "word":
            w = toks[j].low
            adjacent = toks[j].start == t.end
            money_letter = toks[j].text in ("B", "M", "K", "T", "MM") and i >= 1 and toks[i - 1].text in SYMBOLS_BEFORE
            if w in SCALES and (w not in DIGIT_ONLY_SCALES or adjacent or money_letter
                                or w in ("bn", "mn", "tn", "mln", "bln")):  # "$4T", "$183 B"; not "5 m" (metres)
                if not (w == "t" and toks[j].text == "t"):  # "$4T" yes, "4 t" no
                    v *= SCALES[w]
                    j += 1
        return v, j, True
    if t.low in ("a", "an") and i + 1 < n:
        nxt = toks[i + 1].low
        if nxt in ("thousand", "million", "billion", "trillion", "hundred", "dozen", "lakh", "crore"):
            base = {"hundred": 100, "dozen": 12}.get(nxt) or SCALES[nxt]
            return float(base), i + 2, False
        if nxt in ("quarter", "half") and i + 2 < n and toks[i + 2].low in _BIG_SCALES:
            v, j = _read_words(toks, i + 1)
            return v, j, False
        if toks[i + 1].kind == "word" and currency.after(toks, i + 1)[0] and toks[i + 1].low not in ("c", "p"):
            return 1.0, i + 1, False  # "a dollar", "a grand", "a dime"
        return None, i, False
    if t.low == "half" and i + 2 < n and toks[i + 1].low == "a" and toks[i + 2].low in _BIG_SCALES:
        return 0.5 * SCALES[toks[i + 2].low], i + 3, False  # "half a million"
    if t.low in ("half", "quarter") and i + 1 < n and toks[i + 1].low in _BIG_SCALES:
        v, j = _read_words(toks, i)
        return v, j, False
    v, j = _read_words(toks, i)
    return v, j, False


# ---------------------------------------------------------------- context before and after


_QUAL_BY_WORDS: dict[tuple, tuple] = {}
for _phrase, _qual in QUALIFIERS_BEFORE:
    _QUAL_BY_WORDS.setdefault(tuple(_phrase.split()), (_phrase, _qual))
_QUAL_MAX = max(len(k) for k in _QUAL_BY_WORDS)
_QUAL_LAST = frozenset(k[-1] for k in _QUAL_BY_WORDS if k)  # the word each qualifier phrase ends with


_FILLER_BY_LAST: dict[str, list[tuple]] = {}
for _words in QUALIFIER_FILLERS:  # longest first within each last word, as in the table
    _FILLER_BY_LAST.setdefault(_words[-1], []).append(_words)


def _qualifier_ending(toks: list[Token], j: int) -> Optional[tuple]:
    """The longest qualifier phrase that ends right before token ``j``, as (phrase, qualifier), or None."""
    if 1 <= j <= len(toks) and toks[j - 1].low not in _QUAL_LAST:
        return None  # most figures: the word before ends no qualifier phrase
    words = tuple([t.low for t in toks[max(0, j - _QUAL_MAX):j]])
    for size in range(min(_QUAL_MAX, len(words)), 0, -1):  # longest phrase first
        hit = _QUAL_BY_WORDS.get(words[len(words) - size:])
        if hit is not None:
            return hit
    return None


def _filler_before(toks: list[Token], j: int) -> int:
    """Where a filler such as "a combined" or "an additional" ending at ``j`` starts (``j`` when there is none)."""
    if j < 1 or toks[j - 1].low not in _FILLER_BY_LAST:
        return j  # most figures: no filler word right before
    for words in _FILLER_BY_LAST[toks[j - 1].low]:
        k = j - len(words)
        if k >= 0 and tuple(t.low for t in toks[k:j]) == words:
            return k
    return j


def _qualifier_before(toks: list[Token], i: int) -> tuple[Optional[str], int, list[str]]:
    """A qualifier phrase ending right before ``i`` -> (qualifier, first token, hedge words met on the way)."""
    hedges: list[str] = []
    j = i
    # "an estimated", "estimated" between qualifier and figure is a hedge, not a qualifier
    if j >= 1 and toks[j - 1].low == "estimated":
        hedges.append("estimated")
        j -= 1
        if j >= 1 and toks[j - 1].low in ("an", "a"):
            j -= 1
    if j >= 1 and (toks[j - 1].low in ("minus", "negative") or (toks[j - 1].text in ("-", "−") and j < len(toks)
                                                                and toks[j - 1].end == toks[j].start)):
        j -= 1  # the sign sits between the qualifier and the figure: "< -30"
    best = _qualifier_ending(toks, j)
    filler = _filler_before(toks, j) if best is None else j
    if filler < j:  # "up to a combined $15 billion": the qualifier reaches over the filler
        best = _qualifier_ending(toks, filler)
        if best is not None and j - filler == 1 and best[0] in _PREPOSITION_QUALIFIERS:
            best = None  # "under a 20-year agreement", "over a five-year period": a preposition, not a bound
        if best is not None:
            j = filler
    if best is not None and best[0] == "up to" and j >= 3 and toks[j - 3].low in _MOVED_UP:
        best = None  # "growth was revised up to 2.1%": the verb's particle, not a cap
    if best is not None and best[0] == "past" and (j < 2 or toks[j - 2].low in ("the", "this", "last", "for", "its")):
        best = None  # "over the past 12 months" is a period; "took spending past £210m" is a bound
    if best is None:
        return None, j if hedges else i, hedges
    phrase, qual = best
    k0 = j - len(phrase.split())
    if qual in ("more_than", "at_least") and any(t.low in ("not", "never", "n't", "no") or t.low.endswith("n't")
                                                 for t in toks[max(0, k0 - 3):k0]):
        qual = "up_to"  # "never went above 23%", "did not exceed 3%": a ceiling
    start = j - len(phrase.split())
    if qual is None:
        hedges.append(phrase.replace("an ", ""))
    return qual, start, hedges


def _unit_after(toks: list[Token], j: int) -> tuple[Optional[str], float, int, str]:
    """A unit word at ``j`` -> (unit, multiplier to the base unit, end index, rule)."""
    n = len(toks)
    if j >= n:
        return None, 1, j, ""
    t = toks[j]
    w = t.low
    if t.text in ("-", "–") and j >= 1 and j + 1 < n and toks[j - 1].end == t.start == toks[j + 1].start - 1 \
            and (toks[j + 1].low in POWER or toks[j + 1].low in ENERGY or toks[j + 1].low == "percent"):
        return _unit_after(toks, j + 1)  # a compound adjective: "a 600-megawatt wind farm", "a 5-percent stake"
    k = j + 1 if t.text in ("-", "–") and j >= 1 and toks[j - 1].end == t.start else j
    if k + 2 < n and toks[k].low in ("acre", "acres") and toks[k + 1].text == "-" \
            and toks[k + 2].low in ("foot", "feet"):
        return "acre-feet", 1, k + 3, "measure"  # "96,000 acre-feet", "a 690,000-acre-foot reservoir"
    if w == "km" and j + 2 < n and toks[j + 1].text == "/" and toks[j + 2].low == "h" \
            and toks[j + 2].start == toks[j + 1].end:
        return "km/h", 1, j + 3, "measure"  # "124km/h"
    if t.text in ("-", "–") and j >= 1 and j + 2 < n and toks[j - 1].kind == "num" \
            and toks[j - 1].end == t.start == toks[j + 1].start - 1 and toks[j + 1].kind == "word" \
            and toks[j + 1].text.islower() and toks[j + 1].low in _HYPHEN_COUNT_NOUNS:
        noun = _HYPHEN_COUNT_NOUNS[toks[j + 1].low]  # "a 140-room hotel": 140 rooms
        return noun, 1, j + 2, "count"
    if t.text in ("-", "–") and j + 3 < n and toks[j + 1].low == "square" and toks[j + 2].text == "-" \
            and toks[j + 3].low in ("foot", "feet", "metre", "meter", "mile", "kilometre", "kilometer"):
        noun = {"foot": "feet", "feet": "feet", "mile": "miles"}.get(toks[j + 3].low, "metres")
        return f"square {noun}", 1, j + 4, "area"  # "an 1,800-square-foot house"
    glued = j >= 1 and toks[j - 1].end == t.start
    if t.text == "°" and j + 1 < n and toks[j + 1].text in ("C", "F") and toks[j + 1].start == t.end:
        return toks[j + 1].text, 1, j + 2, "temperature"  # "1.5°C"
    if t.text in ("C", "F") and glued and toks[j - 1].kind == "num" \
            and not (j + 1 < n and toks[j + 1].text in ("-", "/") and toks[j + 1].start == t.end):
        return t.text, 1, j + 1, "temperature"  # "46.8C" (but "24C-07" is a code)
    if w in ("degrees", "degree") and j + 1 < n and toks[j + 1].low in _TEMPERATURE_SCALES:
        return _TEMPERATURE_SCALES[toks[j + 1].low], 1, j + 2, "temperature"  # "2 degrees Celsius"
    if w in ("mtpa", "mmtpa"):
        return "tonnes", 1e6, j + 1, "measure"  # "11 mtpa": million tonnes a year (the year is in `per`)
    if w == "bcm":
        return "cubic meters", 1e9, j + 1, "measure"  # "37 bcm": billion cubic metres
    if w in _MEASURES and (glued or t.text == w):
        return _MEASURES[w], 1, j + 1, "measure"  # "280 ppm", "4.7 mm", "60 mph"
    if w == "parts" and j + 2 < n and toks[j + 1].low == "per" and toks[j + 2].low in ("million", "billion"):
        return ("ppm" if toks[j + 2].low == "million" else "ppb"), 1, j + 3, "measure"
    if t.text == "%":
        return "%", 1, j + 1, "percent"
    if w in ("percent", "pct", "percents") or (w == "pc" and j >= 1 and toks[j - 1].end == t.start) or (
            w == "percentage" and not (j + 1 < n and toks[j + 1].low in (
            "point", "points"))):
        return "%", 1, j + 1, "percent"
    if w == "per" and j + 1 < n and toks[j + 1].low == "cent":
        return "%", 1, j + 2, "percent"
    if w == "percentage" and j + 1 < n and toks[j + 1].low in ("point", "points"):
        return "pp", 1, j + 2, "percentage_points"
    if w in ("pp", "ppt", "ppts"):
        return "pp", 1, j + 1, "percentage_points"
    if w in ("bps", "bp") or (w == "basis" and j + 1 < n and toks[j + 1].low in ("point", "points")):
        return "pp", 0.01, j + (2 if w == "basis" else 1), "basis_points"
    # energy before power: "gigawatt-hours", "GWh"
    if j + 2 < n and toks[j + 1].text == "-" and f"{w}-{toks[j + 2].low}" in ENERGY:
        return "Wh", ENERGY[f"{w}-{toks[j + 2].low}"], j + 3, "energy"
    if w in ENERGY:
        return "Wh", ENERGY[w], j + 1, "energy"
    if w in POWER:
        end = j + 1
        if end + 2 < n and toks[end].text == "(" and toks[end + 1].low in POWER and toks[end + 2].text == ")":
            end += 3  # "274 megawatt (MWac)"
        return "W", POWER[w], end, "power"
    if w in ("x",) and t.start == toks[j - 1].end:
        return "times", 1, j + 1, "multiple"
    if w == "times" and not (j + 1 < n and toks[j + 1].low in ("a", "per", "more", "less", "the", "in", "on")):
        return "times", 1, j + 1, "multiple"
    return None, 1, j, ""


def _looks_plural(word: str) -> bool:
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return True  # an acronym's plural: "TPUs", "GPUs"
    w = word.lower()
    if w in _IRREGULAR_PLURALS:
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def _noun_after(toks: list[Token], j: int, value: float) -> tuple[Optional[str], int]:
    """The counted noun phrase after a figure: "300,000 business and enterprise customers" -> its text, end."""
    n = len(toks)
    words: list[str] = []
    k = j
    head_end = None
    while k < n and len(words) < 6:
        t = toks[k]
        if t.kind == "word":
            w = t.low
            if w in _NOUN_STOP or w in MONTHS or w in UNITS or w in TENS or w in WEEKDAYS:
                if w in ("and", "or") and words and head_end is None:
                    # coordination: "business and enterprise customers"
                    k2, extra = k + 1, []
                    while k2 < n and toks[k2].kind == "word" and toks[k2].low not in _NOUN_STOP \
                            and len(extra) < 3:
                        extra.append(toks[k2].text)
                        if _looks_plural(toks[k2].text):
                            break
                        k2 += 1
                    if extra and _looks_plural(extra[-1]):
                        words += [t.text] + extra
                        k = k2 + 1
                        head_end = k
                    break
                if w == "of" and head_end is not None and k + 1 < n and toks[k + 1].kind == "word" \
                        and _looks_plural(toks[k + 1].text) and toks[k + 1].low not in _NOUN_STOP \
                        and not toks[k + 1].is_cap \
                        and (k + 2 >= n or toks[k + 2].kind != "word"
                             or toks[k + 2].low in _NOUN_STOP):
                    words += ["of", toks[k + 1].text]
                    head_end = k + 2
                break
            if w.endswith("ly") and not _looks_plural(w) and w not in _LY_ADJECTIVES:
                break
            words.append(t.text)
            k += 1
            if _looks_plural(t.text) or (value == 1 and not t.is_cap):
                head_end = k
                if w in ("people", "persons", "men", "women", "children"):
                    break  # "2,300 people make engines": a person noun ends the phrase, a verb follows
                if _looks_plural(t.text) and not (k < n and toks[k].kind == "word"
                                                  and toks[k].low not in _NOUN_STOP
                                                  and not toks[k].low.endswith("ly")
                                                  and (_looks_plural(toks[k].text) or toks[k].is_cap is False)
                                                  and _continues_compound(toks, k)):
                    break
            continue
        if t.text == "-" and words and k + 1 < n and toks[k + 1].kind == "word" and toks[k + 1].start == t.end \
                and t.start == toks[k - 1].end:
            words[-1] += "-" + toks[k + 1].text  # "state-of-the-art", "high-paying"
            k += 2
            while k + 1 < n and toks[k].text == "-" and toks[k].start == toks[k - 1].end \
                    and toks[k + 1].kind == "word":
                words[-1] += "-" + toks[k + 1].text
                k += 2
            if _looks_plural(words[-1]):
                head_end = k
            continue
        break
    if head_end is None:
        return None, j
    # "memoranda of terms", "barrels of crude": a partitive head keeps its "of" complement
    h = head_end
    if h + 1 < n and toks[h].low == "of" and toks[h + 1].kind == "word" and not toks[h + 1].is_cap \
            and _looks_plural(toks[h + 1].text) and toks[h + 1].low not in _NOUN_STOP \
            and (h + 2 >= n or toks[h + 2].kind != "word" or toks[h + 2].low in _NOUN_STOP):
        head_end = h + 2
    # keep the words up to the head, less a leading "more" or "other": "350 more stores" counts stores
    out = []
    for idx in range(j, head_end):
        if toks[idx].kind == "word" or toks[idx].text == "-":
            out.append(toks[idx])
    while len(out) > 1 and out[0].low in ("more", "other", "additional", "extra", "further", "new") \
            and out[1].kind == "word":
        out = out[1:]
    phrase = _join(out)
    return phrase, head_end


def _unit_of_alternative(toks: list[Token], j: int, text: str, bare: bool) -> Optional[str]:
    """"10 or 12 days", "two or three plants": the first figure counts what the second does."""
    if not (j + 1 < len(toks) and toks[j].low == "or" and (toks[j + 1].kind == "num" or toks[j + 1].low in UNITS)):
        return None
    second = _read_figure(toks, j + 1, text, None, bare)
    if second is None or second.rule not in ("count", "duration") or second.value is None:
        return None  # money, power and the like carry a scale the first figure would need too
    if any(t.low in ("decade", "decades", "century", "centuries") for t in toks[j + 1:second.end_tok]):
        return None
    return second.unit


def _named_noun_after(toks: list[Token], j: int, value: float) -> Optional[tuple[str, int]]:
    """A counted noun behind a maker's name, model or place ("30 Airbus A321neo aircraft", "21 Boeing 737 MAX 8
    jets", "300 new U.S. stores", "15 smaller “neighbourhood” stores"): the noun, and where the phrase ends."""
    n = len(toks)
    m, named, quoted = j, False, False
    while m < n and m < j + 8:
        t = toks[m]
        prev = toks[m - 1] if m > j else None
        glued = prev is not None and prev.end == t.start
        if t.text in ("“", "”", '"'):
            named, quoted = True, not quoted if t.text == '"' else t.text == "“"
        elif quoted and t.kind == "word":
            pass  # a quoted modifier: 15 smaller “neighbourhood” stores
        elif t.kind == "word" and t.text[:1].isupper() and (t.low not in _NOUN_STOP or t.text.isupper()) \
                and t.low not in MONTHS:
            named = True
        elif prev is not None and (glued and t.kind in ("word", "num") or t.kind == "num" and prev.text[:1].isupper()
                                   or t.text in (".", "-") and glued):
            pass  # a model's digits and suffix, an abbreviation's dots: "A321neo", "737 MAX 8", "U.S."
        elif m - j < 2 and t.kind == "word" and t.text.islower() and t.low not in _NOUN_STOP and m + 1 < n \
                and (toks[m + 1].text in ("“", '"') or toks[m + 1].text[:1].isupper()):
            pass  # an adjective before the name or the quoted word: "300 new U.S. stores", "8 compact “pop-up”"
        else:
            break
        m += 1
    if not named or quoted or m == j or m >= n or toks[m].kind != "word" or not toks[m].text.islower():
        return None
    noun, end = _noun_after(toks, m, value)
    if noun is None or not _looks_plural(noun.split()[-1]):
        return None
    return noun, end


def _rate_per(toks: list[Token], i: int, j: int) -> Optional[tuple[str, str, int]]:
    """"21.3 per 100,000 people": (what is counted, the denominator, end).  What is counted is the plural noun
    nearest before the figure ("admissions ... reached 21.3 per 100,000"), else "rate"."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low == "per" and toks[j + 1].kind == "num"):
        return None
    base, k, _ = _read_number(toks, j + 1)
    if base is None or base < 10:
        return None
    noun, end = _noun_after(toks, k, base)
    if noun is None:
        return None
    counted = "rate"
    for t in reversed(toks[max(0, i - 8):i]):
        if t.kind == "word" and t.text.islower() and _looks_plural(t.text) and t.low not in _NOUN_STOP:
            counted = t.text
            break
    return counted, f"{toks[j + 1].text} {noun}", end


def _part_of_whole(toks: list[Token], j: int, part: float, need_number: bool = False) -> Optional[str]:
    """The noun of the whole in "1,100 of the company's 5,200 workers", "three of the five largest banks": the
    part counts the same things.  Only when the whole is a larger number within five words after "of"."""
    n = len(toks)
    if not (j + 2 < n and toks[j].low == "of"):
        return None
    for k in range(j + 1, min(n, j + 6)):
        t = toks[k]
        if t.kind == "num" or (t.low in UNITS or t.low in TENS) and not need_number:
            whole, k2, _ = _read_number(toks, k)
            if whole is None or whole <= part:
                return None
            noun, _ = _noun_after(toks, k2, whole)
            if noun is None:
                named = _named_noun_after(toks, k2, whole)  # "9 of the 21 Boeing 737 MAX 8 jets"
                noun = named[0] if named else None
            if noun is None:
                return None
            words = noun.split()
            return words[-1] if len(words) > 1 and words[0].lower() in ("largest", "biggest", "top", "main") \
                else noun
        if t.kind != "word" and t.text not in ("'", "’"):
            return None
        if not need_number and t.kind == "word" and t.text.islower() and t.text.isalpha() and t.low not in _NOUN_STOP \
                and (toks[k - 1].low in ("the", "its", "their", "our", "his", "her")
                     or toks[k - 1].low.endswith(("'s", "’s"))):
            noun, _ = _noun_after(toks, k, part)  # "1,500 of the district's teachers": no number, but a noun
            return noun if noun and _looks_plural(noun.split()[-1]) else None
    return None


def _continues_compound(toks: list[Token], k: int) -> bool:
    """After a plural word, does a further noun follow ("jobs program")?  Only when a plural follows it too."""
    n = len(toks)
    m = k
    while m < n and m < k + 3 and toks[m].kind == "word" and toks[m].low not in _NOUN_STOP:
        if _looks_plural(toks[m].text):
            return True
        m += 1
    return False


def _join(toks: list[Token]) -> str:
    out = ""
    prev = None
    for t in toks:
        if prev is not None and t.start > prev.end:
            out += " "
        out += t.text
        prev = t
    return out.lower() if not any(ch.isupper() for ch in out[1:]) else _lower_common(out)


def _lower_common(phrase: str) -> str:
    """Lower-case ordinary words, keep acronyms and proper words ("AI chips", "New Jersey unions")."""
    return " ".join(w if (w.isupper() or (w[:1].isupper() and len(w) > 1 and not w[1:].islower()) or
                          w[:1].isupper()) else w.lower() for w in phrase.split())


# ---------------------------------------------------------------- dates


def _read_date(toks: list[Token], i: int) -> Optional[tuple[int, str]]:
    """A calendar date starting at a month name: "June 7, 2024", "Aug. 13, 2024", "June of 2027", "March 2025"."""
    n = len(toks)
    month = MONTHS.get(toks[i].low)
    if month is None or (toks[i].low == "may" and toks[i].text == "may"):
        return None
    if not toks[i].is_cap:
        return None
    j = i + 1
    if j < n and toks[j].text == "." and toks[j].start == toks[i].end:
        j += 1
    day = year = None
    if j < n and toks[j].kind == "num" and len(toks[j].text) <= 2:
        d = int(toks[j].text)
        if 1 <= d <= 31:
            day = d
            j += 1
            if j < n and toks[j].low in ("st", "nd", "rd", "th") and toks[j].start == toks[j - 1].end:
                j += 1
            if j + 1 < n and toks[j].text == "," and toks[j + 1].kind == "num" and len(toks[j + 1].text) == 4:
                year = int(toks[j + 1].text)
                j += 2
            elif j < n and toks[j].kind == "num" and len(toks[j].text) == 4:
                year = int(toks[j].text)
                j += 1
    else:
        k = j
        if k < n and toks[k].low == "of":
            k += 1
        if k < n and toks[k].kind == "num" and len(toks[k].text) == 4 and 1800 <= int(toks[k].text) <= 2200:
            year = int(toks[k].text)
            j = k + 1
    if day is None and year is None:
        return None
    iso = _iso_date(year, month, day)
    return (j, iso) if iso else None


def _read_day_first_date(toks: list[Token], i: int) -> Optional[tuple[int, str]]:
    """A date written day first: "14 December", "3 May 2026", "1st March"."""
    n = len(toks)
    t = toks[i]
    if t.kind != "num" or not t.text.isdigit() or len(t.text) > 2 or not 1 <= int(t.text) <= 31:
        return None
    j = i + 1
    if j < n and toks[j].low in ("st", "nd", "rd", "th") and toks[j].start == t.end:
        j += 1
    if j >= n or toks[j].low not in MONTHS or not toks[j].is_cap or len(toks[j].text) < 3:
        return None
    month, j = MONTHS[toks[j].low], j + 1
    if j < n and toks[j].kind == "word" and toks[j].text.islower() and _looks_plural(toks[j].text):
        return None  # "5 March protesters": a count whose noun follows a name, not a date
    year = None
    if j < n and _is_year(toks[j]):
        year, j = int(toks[j].text), j + 1
    iso = _iso_date(year, month, int(t.text))
    return (j, iso) if iso else None


def _iso_date(year: Optional[int], month: int, day: Optional[int]) -> Optional[str]:
    """ISO text of a date ("2026-12-14"), a month ("2026-12") or a day with no year yet ("--12-14")."""
    if year is not None and day is not None:
        try:
            iso = date(year, month, day).isoformat()
        except ValueError:
            return None
    elif year is not None:
        iso = f"{year:04d}-{month:02d}"
    else:
        try:
            date(2000, month, day)  # a leap year: "29 February" is a day, "31 February" is not
        except ValueError:
            return None
        iso = f"--{month:02d}-{day:02d}"
    return iso


def _is_year(tok: Token) -> bool:
    return tok.kind == "num" and len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2200


# ---------------------------------------------------------------- the scan

_INF = float("inf")


def _masked(text: str, seg: Segmented) -> list[tuple[int, int]]:
    spans = [m.span() for m in _DIGIT_MASKS.finditer(text)]
    if "@" in text or "http" in text or "www." in text:  # the web pattern is the slow one: only when it can hit
        web = _WEB_MASK if "@" in text else _URL_MASK  # of which the e-mail branch is the slowest part
        spans += [m.span() for m in web.finditer(text)]
    spans += seg.list_marks
    spans.sort()
    return spans


def _in_spans(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, _INF)) - 1
    for k in (i, i + 1):
        if 0 <= k < len(spans) and spans[k][0] < e and s < spans[k][1]:
            return True
    return False


def _is_rank(toks: list[Token], i: int) -> bool:
    """A position in a ranking, not an amount: "No. 1 provider", "#2", "the top 10 vendors"."""
    if i >= 1 and toks[i - 1].text == "#" and toks[i - 1].end == toks[i].start:
        return True
    if i >= 2 and toks[i - 1].text == "." and toks[i - 2].low in ("no", "nos") and toks[i - 2].text[0] == "N":
        return True
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    return i >= 1 and toks[i - 1].low == "top" and nxt not in ("%", "percent", "per")  # "top 5%" is a share


def _is_headline(toks: list[Token]) -> bool:
    """Is the sentence a headline in title case ("Acme Opens Plant, Creating 410 Jobs"), where a capital before a
    number says nothing about a product name?"""
    long_words = [t for t in toks if t.kind == "word" and len(t.text) >= 4]
    return len(long_words) >= 4 and sum(t.text[:1].isupper() for t in long_words) >= 0.75 * len(long_words)


# Letters glued to a figure that make it an ordinal, a multiple or a share, never a model number
_GLUED_UNITS = frozenset({"x", "st", "nd", "rd", "th", "s", "pct", "pc", "bps", "bp", "pp", "ppt"})


_MOVE_WORDS = frozenset({"higher", "lower", "up", "down", "ahead", "behind"})


def _is_version(toks: list[Token], i: int) -> bool:
    """A number that names a product or model version: "Sonnet 4.5", "Windows 11", "GPT-4o", "Fortune 500"."""
    t = toks[i]
    n = len(toks)
    if i >= 2 and i + 2 < n and toks[i + 1].text == "%" and toks[i - 1].kind == toks[i + 2].kind == "word" \
            and toks[i - 1].text[:1].isupper() and toks[i + 2].text[:1].isupper() \
            and toks[i + 2].low not in MONTHS and toks[i + 2].low not in WEEKDAYS and not _is_headline(toks) \
            and not (i + 3 < n and toks[i + 3].kind == "num") and toks[i + 2].low not in _MOVE_WORDS:
        return True  # "Tollgate 0.0% Lager": a share inside a product's name (not "Labour 29% Reform 27%")
    if i + 1 < n and (toks[i + 1].text == "%" or toks[i + 1].low in ("percent", "per", "pct")):
        return False  # "leads Sandoval 48% to 45%": a share after a name, never a version
    # glued to letters: "4o", "H100", "5G", "A3"
    if i + 1 < n and toks[i + 1].kind == "word" and toks[i + 1].start == t.end:
        w = toks[i + 1].low
        if currency.after(toks, i + 1)[0] or w in ("lakh", "lakhs", "crore", "crores", "mm"):
            return False  # "115USD", "42RM", "10MNT"
        if w not in SCALES and w not in POWER and w not in ENERGY and w not in _GLUED_UNITS \
                and toks[i + 1].text not in ("C", "F") and w not in _MEASURES:  # "46.8C", "4.7mm"
            return True
    if i >= 1 and toks[i - 1].kind == "word" and toks[i - 1].end == t.start:
        return True
    if i >= 2 and toks[i - 1].text == "-" and toks[i - 1].start == toks[i - 2].end and toks[i - 1].end == t.start \
            and toks[i - 2].kind == "word" and toks[i - 2].text[:1].isupper():
        return True  # "GPT-4", "COVID-19"
    if i >= 1 and toks[i - 1].kind == "word" and (toks[i - 1].is_cap or any(c.isupper() for c in toks[i - 1].text)) \
            and not (toks[i - 1].text.istitle() and _is_headline(toks)):
        w = toks[i - 1].low
        if w in _SENTENCE_WORDS or w in MONTHS or w in WEEKDAYS or toks[i - 1].text in ISO_CODES:
            return False
        if w.endswith(("'s", "’s")):
            return False
        if w in _QUAL_LAST:  # the last word of a qualifier phrase
            return False
        return True
    return False


def _tidy(v: Optional[float]) -> Optional[float]:
    """``v`` to 12 significant digits: "$4.1 billion" is 4100000000.0, not the 4099999999.9999995 that 4.1 * 1e9
    gives; no figure in print carries more digits than that."""
    return None if v is None else float(f"{v:.12g}")


def extract_numeric(seg: Segmented, source_id: str, published: Optional[date] = None,
                    bare_numbers: bool = False) -> list[Claim]:
    """Every numeric claim in the document, with its context filled in from its sentence.

    ``bare_numbers`` also reports figures with no unit or counted noun ("between 20 and 30"): they are not claims
    in an article, but a parser of number phrases (the external suites, a sentence to verify) wants them.
    """
    text = seg.text
    masks = _masked(text, seg)
    claims: list[Claim] = []
    carried_unit, carried_para = None, None  # the counted noun last met, and its paragraph
    cents_in = None  # the currency of the last amount written with its own currency, for "87 cents" alone
    for s_start, s_end in seg.sentences:
        if seg.is_boilerplate(s_start) or not (_CANDIDATE_SIGN.search(text, s_start, s_end)
                                               or _CANDIDATE_WORD.search(text, s_start, s_end)):
            continue  # no digit, currency sign or number word: nothing to read
        toks = seg.tokens(s_start, s_end)
        para = seg.paragraph_at(s_start)
        carried = carried_unit if para == carried_para else None
        figures = _scan_sentence(toks, text, masks, bare_numbers, carried)
        counted = [f.unit for f in figures if f.rule in ("count", "count_part") and f.unit]
        if counted:
            carried_unit, carried_para = counted[-1], para
        if not figures:
            continue
        sentence = text[s_start:s_end]
        sent_ctx = context.SentenceContext(text, s_start, s_end, toks, seg, published)
        for fig in figures:
            if fig.rule == "money":
                if not _bare_cents(toks, fig):
                    cents_in = fig.unit if fig.unit in _CENT_CURRENCIES else None
                elif fig.unit == "USD" and cents_in:
                    fig.unit = cents_in  # "C$141 million, or 87 cents a share. Analysts expected 91 cents."
            if fig.time and fig.time.startswith("--") and published is not None:
                after = [t.low for t in toks[fig.end_tok:fig.end_tok + 2]]
                step = 1 if after == ["next", "year"] else -1 if after == ["last", "year"] else 0
                fig.time = f"{published.year + step:04d}{fig.time[1:]}"  # "March 4" in a story of that year
            start, end = toks[fig.start_tok].start, toks[fig.end_tok - 1].end
            span = text[start:end]
            info = sent_ctx.describe(fig, start, end)
            confidence, reasons = context.numeric_confidence(fig, info)
            claims.append(Claim(
                id=claim_id(source_id, "numeric", start, end, span), source_id=source_id, kind="numeric",
                text=span, start=start, end=end, sentence=sentence, sentence_start=s_start,
                value=_tidy(fig.value), low=_tidy(fig.low), high=_tidy(fig.high), unit=fig.unit,
                per=fig.per or info.get("per"),
                qualifier=fig.qualifier if fig.unit != "date" else None,
                subject=info.get("subject"), object=info.get("object"), metric=info.get("metric"),
                time=fig.time or info.get("time"), speaker=info.get("speaker"), attribution=info.get("attribution"),
                hedge=info.get("hedge"), rule=fig.rule, confidence=confidence, confidence_reasons=reasons,
            ))
        sent_ctx.assign_parties(claims[len(claims) - len(figures):])
    return claims


# Every word a rule of _scan_sentence can start at (besides "...fold"): a word outside this set is skipped at once.
_STARTS_FIGURE = frozenset(MONTHS) | frozenset(UNITS) | frozenset(TENS) | frozenset(FRACTIONS) \
    | frozenset(MULTIPLE_VERBS) | frozenset(VAGUE) | {"a", "an", "twice", "thrice"}


def _scan_sentence(toks: list[Token], text: str, masks, bare: bool = False,
                   carried_unit: Optional[str] = None) -> list[Figure]:
    """The figures of one sentence.  ``carried_unit`` is the counted noun last met in the paragraph, for a figure
    whose noun is left out ("... 3.96 million homes. Economists had expected 4.05 million.")."""
    figures: list[Figure] = []
    n = len(toks)
    i = 0
    own = _number_of(toks) or _subject_noun(toks)
    last_count_unit = own or carried_unit
    carried = own is None and carried_unit is not None
    while i < n:
        t = toks[i]
        if t.kind == "word" and t.low not in _STARTS_FIGURE and not t.low.endswith("fold"):
            i += 1  # most words: none of the word rules below can start at them
            continue
        if t.kind == "sym" and t.text not in SYMBOLS_BEFORE:
            i += 1
            continue
        if masks and t.kind != "word" and _in_spans(masks, t.start, t.end):
            i += 1
            continue
        # calendar dates start at a month name, or at a day before one
        if t.kind == "word" and t.low in MONTHS or t.kind == "num" and i + 1 < n and toks[i + 1].kind == "word":
            d = _read_date(toks, i) if t.kind == "word" else _read_day_first_date(toks, i)
            if d is not None:
                j, iso = d
                figures.append(Figure(i, j, unit="date", rule="date", time=iso, digits=True, strength=0.9))
                i = j
                continue
        if t.kind == "word" and t.low.endswith("fold") and t.low[:-4] in UNITS | TENS:
            v = (UNITS | TENS)[t.low[:-4]]
            q, qs, hedges = _qualifier_before(toks, i)
            figures.append(Figure(qs, i + 1, value=v, unit="times", qualifier=q or "exact", rule="multiple",
                                  digits=False, reasons=[f"hedged: {h}" for h in hedges]))
            i += 1
            continue
        if t.kind == "word" and t.low in ("twice", "thrice") and i + 1 < n \
                and toks[i + 1].low in ("as", "the", "what", "its", "their"):
            q, qs, hedges = _qualifier_before(toks, i)  # "twice as likely", "twice what it cost": a multiple
            figures.append(Figure(qs, i + 1, value=2.0 if t.low == "twice" else 3.0, unit="times",
                                  qualifier=q or "exact", rule="multiple", digits=False))
            i += 1
            continue
        if t.kind == "word" and t.low in ("a", "an") and i + 1 < n and toks[i + 1].low in ("decade", "century"):
            q, qs, hedges = _qualifier_before(toks, i)  # "nearly a decade": a length, when it is qualified
            if q is not None:
                figures.append(Figure(qs, i + 2, value=10.0 if toks[i + 1].low == "decade" else 100.0, unit="year",
                                      qualifier=q, rule="duration", digits=False, strength=0.7))
                i += 2
                continue
        if t.kind == "word" and t.low in MULTIPLE_VERBS:
            q, qs, hedges = _qualifier_before(toks, i)
            if q is None and t.low.endswith(("ed", "ing")) and t.text.islower():
                q = "exact"  # "doubled its capacity", "sales tripled": a change by a multiple, said outright
            if q is not None and not (i + 1 < n and toks[i + 1].low in ("down", "up", "as", "back", "over")):
                figures.append(Figure(qs, i + 1, value=MULTIPLE_VERBS[t.low], unit="times", qualifier=q,
                                      rule="multiple", digits=False))
            i += 1
            continue
        if t.kind == "word" and t.low in VAGUE and i + 2 < n and toks[i + 1].low == "of" \
                and toks[i + 2].low in ("billions", "millions", "thousands", "trillions", "dollars"):
            # "tens of billions", "hundreds of thousands of jobs": a vague amount, bounds only
            fig = _vague(toks, i)
            if fig is not None:
                figures.append(fig)
                i = fig.end_tok
                continue
        if t.kind != "num" and not (t.kind == "word" and (t.low in UNITS or t.low in TENS or t.low in ("a", "an")
                                                          or t.low in FRACTIONS)):
            i += 1
            continue
        fig = _read_figure(toks, i, text, last_count_unit, bare, carried)
        if fig is None:
            i += 1
            continue
        if fig.unit and fig.rule in ("count", "count_named_before"):
            last_count_unit, carried = fig.unit, False
        figures.append(fig)
        i = max(fig.end_tok, i + 1)
    return _merge_alternatives(toks, figures)


def _change_then_level(toks: list[Token], start: int, first: Optional[float] = None,
                       second: Optional[float] = None) -> bool:
    """Is "X to Y" starting at token ``start`` a change and the level it reached ("rose by 2 cents to 27 cents",
    "fell $3 million to $40 million") rather than a range?  A change verb right before X, with "by", or with Y far
    above X (a range's bounds are close; a change is small beside the level)."""
    if start >= 1 and toks[start - 1].low == "by":
        return True
    near = {t.low for t in toks[max(0, start - 2):start]}
    if not near & (_GROWTH_UP | _GROWTH_DOWN):
        return False
    return first is None or second is None or (first != 0 and second > 5 * abs(first))


def _number_of(toks: list[Token]) -> Optional[str]:
    """"The number of customers rose to 1,184": the noun the sentence's bare figures count."""
    for k in range(len(toks) - 2):
        if toks[k].low == "number" and toks[k + 1].low == "of" and toks[k + 2].kind == "word" \
                and _looks_plural(toks[k + 2].text) and toks[k + 2].text.islower():
            return toks[k + 2].text
    return None


def _subject_noun(toks: list[Token]) -> Optional[str]:
    """A plural noun that opens the sentence and is its subject ("Visitors from the US jumped 31% to 212,000",
    "Overnight stays rose 4.8% to 7.9 million"): what its bare figures count."""
    k = 0
    if len(toks) > 2 and toks[0].kind == "word" and not _looks_plural(toks[0].text) and toks[1].kind == "word" \
            and toks[1].text.islower():
        k = 1  # one adjective first: "Overnight stays"
    t = toks[k] if k < len(toks) else None
    if t is None or t.kind != "word" or not t.text.isalpha() or not _looks_plural(t.text) \
            or t.low in _NOUN_STOP or (k == 0 and not t.text[:1].isupper()):
        return None
    if k + 1 < len(toks) and toks[k + 1].kind == "word" and toks[k + 1].text[:1].isupper():
        return None  # "Shares Acme ..." is no subject noun
    if t.low in _MEASURE_SUBJECTS or t.low in _OBSERVERS:
        return None  # "Shares rose 5% to 40": a price or a level, not a count of shares
    if not any(x.low in _GROWTH_UP or x.low in _GROWTH_DOWN or x.low in _COUNT_VERBS for x in toks[k + 1:k + 8]):
        return None  # the subject is counted only when the sentence says how many there are, or were
    return t.low if k == 0 else f"{toks[0].low} {t.low}"


_RAISE_VERBS = {"lift", "lifts", "lifted", "lifting", "raise", "raises", "raised", "raising", "boost", "boosts",
                "boosted", "boosting", "expand", "expands", "expanding", "increasing", "reduce", "take",
                "takes", "took", "taking", "bring", "brings", "brought", "bringing", "move", "moved", "moves", "went",
                "go", "goes"}  # with _GROWTH_UP and _GROWTH_DOWN: the verbs of "lift X from A to B"


def _change_verb_before(toks: list[Token], k: int) -> bool:
    """Does a change verb stand in the clause before ``from`` at token ``k`` ("lift the capacity of its ground
    from 18,500 to 26,000 seats": two levels, not a range)?"""
    for t in reversed(toks[max(0, k - 10):k]):
        if t.kind != "word":
            return False
        if t.low in _GROWTH_UP or t.low in _GROWTH_DOWN or t.low in _RAISE_VERBS:
            return True
    return False


# Currencies whose hundredth is called a cent, so that "cents" alone can be theirs
_CENT_CURRENCIES = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "EUR", "ZAR"}


def _bare_cents(toks: list[Token], f: Figure) -> bool:
    """A figure written in cents with no currency of its own ("87 cents", not "US 87 cents" or "$0.87")."""
    span = toks[f.start_tok:f.end_tok]
    words = [t.low for t in span if t.kind == "word"]
    return bool(words) and words[0] in ("cents", "cent") and not any(t.text in ("$", "US$") for t in span) \
        and not any(w in ("us", "usd", "dollar", "dollars") for w in words)


# Nouns that name a count of people or things, so a bare figure after them counts those: "a headcount of 4,200",
# "membership reached a record 21,412", "enrolment stands at 14,860"
_COUNT_NAMED_BY = {"age": "years", "membership": "members", "memberships": "members", "headcount": "employees",
                   "workforce": "workers", "enrolment": "students", "enrollment": "students",
                   "enrolments": "students", "enrollments": "students", "attendance": "people",
                   "crowd": "people", "crowds": "people", "audience": "people", "population": "people",
                   "readership": "readers", "ridership": "riders", "viewership": "viewers",
                   "congregation": "people", "electorate": "voters"}


_NOT_A_COUNT_VERB = frozenset({"turned", "turns", "aged", "voted", "votes", "scored", "finished", "ranked", "placed",
                               "rated", "won", "lost", "led", "trailed"})
_AFTER_ELIDED = frozenset({"in", "on", "at", "during", "last", "this", "over", "across", "since", "after", "before",
                           "by", "from", "to", "each", "a", "an"})


def _coordinated_elision(toks: list[Token], i: int, j: int) -> bool:
    """A figure whose noun is the sentence's last counted noun, left out in a coordinated clause: "opened six stores
    and closed two in the quarter", "ordered 20 jets, with options for 10 more", "1,480 trains, 96 more than today",
    "four trains an hour, up from three"."""
    ends = j >= len(toks) or toks[j].kind != "word" or toks[j].low in _AFTER_ELIDED
    tally = j + 1 < len(toks) and toks[j].low == "to" and toks[j + 1].kind == "num"  # "voted 7 to 2"
    if ends and not tally and i >= 2 and toks[i - 1].kind == "word" and toks[i - 1].text.islower() \
            and toks[i - 2].low in ("and", "but") and toks[i - 1].low not in _AFTER_ELIDED \
            and toks[i - 1].low not in _NOT_A_COUNT_VERB:
        return True  # "and closed two"
    if ends and i >= 2 and toks[i - 1].low == "from" and toks[i - 2].low in ("up", "down"):
        return True  # "four trains an hour, up from three"
    return j < len(toks) and toks[j].low == "more" and (j + 1 >= len(toks) or toks[j + 1].kind != "word"
                                                         or toks[j + 1].low in ("and", "in", "by", "over", "than"))


def _share_after(toks: list[Token], j: int) -> bool:
    """ "... points to 31.2%": the points are those of a share, percentage points."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low == "to" and toks[j + 1].kind == "num"):
        return False
    k = j + 2
    return k < n and (toks[k].text == "%" or toks[k].low in ("percent", "pct") or toks[k].low == "per"
                      and k + 1 < n and toks[k + 1].low == "cent")


def _label_before(toks: list[Token], i: int) -> Optional[str]:
    """A fact box's label: "Homes: 1,450" (a capitalised plural noun, alone before a colon, opening the line)."""
    if i < 2 or toks[i - 1].text != ":" or toks[i - 2].kind != "word" or not toks[i - 2].text[:1].isupper() \
            or not _looks_plural(toks[i - 2].text) or toks[i - 2].text.isupper():
        return None
    before = toks[:i - 2]
    if before and not all(t.kind == "num" or t.text in (".", ")") for t in before):
        return None  # only list numbering may come before the label
    return toks[i - 2].low


def _share_restated(toks: list[Token], i: int) -> Optional[str]:
    """ "30% of the homes, or 435, will be affordable": the count restates a share of a counted noun."""
    if i < 4 or toks[i - 1].low != "or" or toks[i - 2].text != ",":
        return None
    k = i - 3
    if not (_looks_plural(toks[k].text) and toks[k].text.islower()):
        return None
    if toks[k - 1].low in ("the", "its", "their", "all") and k >= 2:
        k -= 1
    if toks[k - 1].low == "of" and k >= 2 and (toks[k - 2].text == "%" or toks[k - 2].low in ("percent", "cent")):
        return toks[i - 3].low
    return None


def _count_noun_before(toks: list[Token], i: int) -> Optional[str]:
    """The counted unit when a noun before the figure, in its clause, names the count (see _COUNT_NAMED_BY)."""
    for k in range(i - 1, max(-1, i - 7), -1):
        t = toks[k]
        if t.kind != "word":
            return None  # a comma, a dash: another clause
        if t.low in _COUNT_NAMED_BY:
            after = toks[k + 1]
            if after.kind == "word" and after.text.islower() and after.low not in _COUNT_HEAD_NEXT:
                return None  # "membership fees rose to 120", "population density is 300": the noun is a modifier
            return _COUNT_NAMED_BY[t.low]
    return None


# Words after a count noun that keep it the head of its phrase: "membership reached", "a headcount of"
_COUNT_HEAD_NEXT = frozenset({"of", "reached", "rose", "fell", "stands", "stood", "was", "is", "hit", "grew", "topped",
                              "at", "to", "has", "had", "climbed", "dropped", "totalled", "totaled", "now", "will",
                              "increased", "decreased", "jumped", "slipped", "declined", "passed", "exceeded", "were",
                              "are", "numbered", "numbers", "last", "this", "in"})


def _merge_alternatives(toks: list[Token], figures: list[Figure]) -> list[Figure]:
    """'more than double, or nearly triple': two multiples offered as alternatives are one range."""
    out: list[Figure] = []
    for f in figures:
        if out and out[-1].rule == "count_alternative" and f.unit == out[-1].unit and f.value is not None \
                and out[-1].value is not None and [t.low for t in toks[out[-1].end_tok:f.start_tok]] == ["or"]:
            prev = out[-1]  # "10 or 12 days": one claim, the bounds either way
            prev.low, prev.high = min(prev.value, f.value), max(prev.value, f.value)
            prev.value, prev.qualifier, prev.end_tok, prev.rule = None, "range", f.end_tok, f.rule
            continue
        if out and f.qualifier == "exact" and out[-1].qualifier in ("about", "more_than", "less_than", "up_to",
                                                                   "at_least") \
                and f.unit != out[-1].unit and (f.rule == "money" and out[-1].rule == "money"
                                                or out[-1].qualifier in ("up_to", "at_least")) \
                and [t.text for t in toks[out[-1].end_tok:f.start_tok]] in (["or"], ["("], [",", "or"]):
            f.qualifier = out[-1].qualifier  # "roughly $283 or £206", "about €50m ($54m)": one amount
        if out and f.unit in ("%", "pp") and f.value is not None and f.value > 0 \
                and f.rule in ("percent", "percentage_points") \
                and [t.text for t in toks[out[-1].end_tok:f.start_tok]] == [",", "or"] \
                and _change_before(toks, out[-1].start_tok) == "down":
            f.value, f.rule = -f.value, f.rule + "_change"  # "fell 4.1p, or 2.3 per cent": the same decline
        if out and f.unit == "times" and out[-1].unit == "times" and out[-1].value and f.value \
                and all(t.text in (",", "or", "to") for t in toks[out[-1].end_tok:f.start_tok]) \
                and f.start_tok - out[-1].end_tok <= 3:
            prev = out[-1]
            prev.low, prev.high = min(prev.value, f.value), max(prev.value, f.value)
            prev.value, prev.qualifier, prev.end_tok = None, "range", f.end_tok
            continue
        between = [t.low for t in toks[out[-1].end_tok:f.start_tok]] if out else []
        before_qual = [t.low for t in toks[out[-1].end_tok:max(f.qual_start, out[-1].end_tok)]] \
            if out and f.qual_start >= 0 else between
        if out and f.unit == out[-1].unit and out[-1].value is not None and f.value is not None \
                and between in (["to"], ["-"], ["–"], ["—"]) and f.unit not in ("date",) \
                and not (out[-1].start_tok >= 1 and toks[out[-1].start_tok - 1].low == "from"
                         and _change_verb_before(toks, out[-1].start_tok - 1)) \
                and not (between == ["to"] and _change_then_level(toks, out[-1].start_tok, out[-1].value, f.value)) \
                and f.value > out[-1].value:
            prev = out[-1]  # "4% to 5%", "$2 billion to $3 billion"
            prev.per = prev.per or f.per
            prev.low, prev.high, prev.value, prev.end_tok = prev.value, f.value, None, f.end_tok
            prev.qualifier = "range" if prev.qualifier == "exact" else prev.qualifier
            continue
        lower, upper = ("more_than", "at_least"), ("less_than", "up_to")
        if out and (f.unit == out[-1].unit or out[-1].unit is None or f.unit is None) \
                and out[-1].unit != "date" and f.unit != "date" \
                and out[-1].value is not None and f.value is not None \
                and before_qual in (["and"], [","]) and (
                    (out[-1].qualifier in lower and f.qualifier in upper and out[-1].value < f.value)
                    or (out[-1].qualifier in upper and f.qualifier in lower and f.value < out[-1].value)):
            prev = out[-1]  # "above 1000 and below 1500", "at most 100 and at least 20 apples"
            prev.unit, prev.rule = prev.unit or f.unit, prev.rule if prev.unit else f.rule
            prev.low, prev.high = min(prev.value, f.value), max(prev.value, f.value)
            prev.value, prev.qualifier, prev.end_tok = None, "range", f.end_tok
            continue
        if out and f.unit == out[-1].unit and out[-1].value is not None and f.value is not None \
                and between == ["and"] \
                and out[-1].start_tok >= 1 and toks[out[-1].start_tok - 1].low == "between":
            prev = out[-1]  # "between $4 trillion and $5 trillion"
            prev.per = prev.per or f.per
            prev.low, prev.high = min(prev.value, f.value), max(prev.value, f.value)
            prev.value, prev.qualifier, prev.end_tok = None, "range", f.end_tok
            continue
        out.append(f)
    return out


def _vague(toks: list[Token], i: int) -> Optional[Figure]:
    n = len(toks)
    lo, hi = VAGUE[toks[i].low]
    j = i + 2
    scale_word = toks[j].low
    if scale_word == "dollars":  # "tens of dollars"
        scale_word, j = "units", j - 2
    scale = {"billions": 1e9, "millions": 1e6, "thousands": 1e3, "trillions": 1e12, "units": 1}[scale_word]
    lo, hi = lo * scale, hi * scale
    j += 1
    unit = None
    k = j
    if k < n and toks[k].low == "of":
        code, mult, k2 = currency.after(toks, k + 1)  # "tens of billions of dollars", "... of euros"
        if code is not None and mult == 1:
            unit, j = code, k2
        else:
            unit, k2 = _noun_after(toks, k + 1, 2)
            if unit:
                j = k2
    if unit is None:
        unit = "USD" if scale_word in ("billions", "trillions") else None
    if unit is None:
        return None
    return Figure(i, j, low=lo, high=hi, unit=unit, qualifier="range", rule="vague_amount", digits=False,
                  strength=0.4, reasons=["vague amount"])


# Words after which a bare figure counts the noun met before it: "rose to 1,184 from 902", "29,118 against"
_ELIDED_AFTER = {"to", "from", "with", "of", "and", "against", "versus", "vs", "including", "than", "whom"}
_PERIOD_NOUNS = {"seasons", "quarters", "decades", "terms", "sessions", "semesters", "generations", "rounds",
                 "innings", "shifts", "cycles", "centuries", "instalments", "installments", "payments", "phases",
                 "stages", "tranches"}
_SCORE_NOUNS = {"win", "wins", "victory", "defeat", "loss", "draw", "lead", "vote", "votes", "decision",
                "scoreline", "margin", "result", "majority", "tie", "drubbing", "thrashing", "triumph", "rout"}


def _in_score(toks: list[Token], i: int) -> bool:
    """Is toks[i] one side of a score or tally ("a 3-1 win", "the 7-2 vote")?"""
    n = len(toks)

    def pair(a: int) -> bool:  # toks[a], a dash, toks[a + 2], glued, then a score noun
        return a >= 0 and a + 3 < n and toks[a].kind == "num" and toks[a + 1].text in ("-", "–") \
            and toks[a + 2].kind == "num" and toks[a].end == toks[a + 1].start \
            and toks[a + 1].end == toks[a + 2].start and toks[a + 3].low in _SCORE_NOUNS

    def voted(a: int) -> bool:  # "the board voted 5-2", "ruled 6-3"
        return a >= 1 and a + 2 < n and toks[a - 1].low in ("voted", "vote", "ruled", "approved", "rejected") \
            and toks[a + 1].text in ("-", "–") and toks[a + 2].kind == "num" and toks[a].end == toks[a + 1].start

    return toks[i].kind == "num" and (pair(i) or pair(i - 2) or voted(i) or voted(i - 2))


def _one_in_n(toks: list[Token], i: int) -> Optional[Figure]:
    """"One in five shoppers", "1 in 10 adults": a share, 20% and 10%."""
    n = len(toks)
    if not (toks[i].low in ("one", "1") and i + 2 < n and toks[i + 1].low == "in") or toks[i + 2].low == "a":
        return None  # not "one in a million", an idiom
    whole, j, digits = _read_number(toks, i + 2)
    if whole is None or whole < 2 or j == i + 2 or (j < n and toks[j].text in ("%", "-")):
        return None
    q, _, hedges = _qualifier_before(toks, i)
    return Figure(i, j, value=round(100 / whole, 4), unit="%", qualifier=q or "exact", rule="one_in_n",
                  digits=digits, strength=0.8, reasons=[f"hedged: {h}" for h in hedges])


def _read_figure(toks: list[Token], i: int, text: str, last_count_unit: Optional[str],
                 bare: bool = False, carried: bool = False) -> Optional[Figure]:
    """The figure that starts at token ``i``, or None.  ``last_count_unit`` is the counted noun met last, for a
    figure whose noun is left out; ``carried`` says it was met in an earlier sentence, which asks for more
    evidence ("about 3.9 million", "a pace of 4.05 million") before it is lent."""
    n = len(toks)
    t = toks[i]
    # fractions: "three-quarters of", "a third of", "half of"
    frac = _read_fraction(toks, i)
    if frac is not None:
        return frac
    ratio = _one_in_n(toks, i)
    if ratio is not None:
        return ratio
    if _in_score(toks, i):
        return None
    if toks[i].text in ("911", "999", "112") and i + 1 < len(toks) and toks[i + 1].low in (
            "call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator", "operators", "line"):
        return None  # an emergency number: "911 calls" counts no 911 of anything
    if i + 2 < len(toks) and toks[i + 1].text == "%" and toks[i + 2].low in ("confidence", "ci", "credible"):
        return None  # "95% confidence interval": the study's statistic, not a claim
    if i >= 2 and toks[i - 1].text in ("<", "=", ">", "≤", "≥") and toks[i - 2].low == "p":
        return None  # a p-value, "p<0.001": a statistic of the study, not a claim of the story
    if t.low in UNITS and i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low in FRACTIONS:
        return None  # "one-fourth" used as a noun, not an amount of anything
    value, j, digits = _read_number(toks, i)
    if value is None:
        return None
    if j + 3 < n and toks[j].low == "and" and toks[j + 1].low in ("a", "one") and toks[j + 2].low == "half" \
            and value == int(value) and value < 1000 and toks[j + 3].kind == "word":
        value, j = value + 0.5, j + 3  # "seven and a half years", "two and a half million"
        if toks[j].low in _BIG_SCALES:
            value, j = value * SCALES[toks[j].low], j + 1
    if i >= 2 and toks[i - 1].text in "<>=" and toks[i - 2].text in "<>=" and toks[i - 1].kind == "sym" \
            and toks[i - 2].kind == "sym" and (toks[i - 2].text + toks[i - 1].text) not in (">=", "<="):
        return None  # "<>30", "=>30": not a bound a reader would write
    cur, cstart, cscale = currency.before(toks, i) if digits else (None, i, 1)
    if cur is None and j == i + 2 and toks[i + 1].low == "mm" and toks[i + 1].start == t.end:
        value, j = value / 1e6, i + 1  # "131mm of rain": millimetres; "mm" means million only for money ("$5mm")
    if cur is None and digits and _is_version(toks, i):
        return None
    if _is_rank(toks, i):
        return None
    if not digits and j < n and toks[j].low == "of" and value <= 100 \
            and (value < 2 or _part_of_whole(toks, j, value, need_number=True) is None):
        return None  # "one of the largest", "three of the biggest"; but "Two of the 64 patients" counts patients
    if not digits and i >= 1 and toks[i - 1].text in ("-", "–") and toks[i - 1].end == t.start:
        return None  # the tail of a compound: "one-to-one", "face-to-face"
    if not digits and j + 1 < n and toks[j].text in ("-", "–") and toks[j + 1].low == "to":
        return None  # "one-to-one", "two-to-three" as an adjective
    if not digits and toks[i].low == "one" and j < n and toks[j].low in ("another", "day", "thing", "way"):
        return None
    if _is_year(t) and i >= 2 and toks[i - 1].low == "of" and toks[i - 2].text == "Act":
        return None  # "the Securities Act of 1933" names a law; its year is no claim of the story
    if cur is None and digits and t.text.isdigit() and len(t.text) == 4 and j == i + 1 and _is_year(t) \
            and not (j < n and (toks[j].low in ("%", "percent") or currency.after(toks, j)[0])):
        # a year: a date claim when the context says so, never a count
        prev = toks[i - 1].low if i else ""
        nxt = toks[j].low if j < n else ""
        if prev in _YEAR_CONTEXT or prev in MONTHS or i == 0 or nxt in (",", ".", ")", ";") or j >= n:
            if j < n and toks[j].text in ("-", "–", "—") and j + 1 < n and toks[j + 1].kind == "num":
                return None  # "2024-25", a fiscal period
            return Figure(i, j, unit="date", rule="year", time=t.text, strength=0.8)
        return None
    value *= cscale
    if cur is None and digits and i >= 2 and toks[i - 1].text == "-" and toks[i - 1].end == t.start \
            and toks[i - 2].text in SYMBOLS_BEFORE and toks[i - 2].end == toks[i - 1].start:
        cur, cstart, value = SYMBOLS_BEFORE[toks[i - 2].text], i - 2, -value  # "$-99.99"
    elif _negative_before(toks, cstart):
        value = -value
    # "between 10 and 20 dollars": the first bound is bare, the unit comes after the second
    b = i - 1 if not (i >= 2 and toks[i - 1].low in ("minus", "negative")) else i - 2
    if b >= 0 and toks[b].low == "from" and j + 1 < n and toks[j].low == "to" and cur is None \
            and _change_verb_before(toks, b):
        # "lift the capacity from 18,500 to 26,000 seats": two levels, the first in the second's unit
        second = _read_figure(toks, j + 1, text, None, bare)
        if second is not None and second.value is not None and second.unit and second.unit != "date" \
                and second.start_tok == j + 1 and second.rule in ("count", "money", "measure", "percent", "power",
                                                                   "energy"):
            first = value if any(toks[x].low in SCALES for x in range(i, j)) else \
                _scale_like(second, toks, j + 1, value)
            return Figure(cstart, j, value=first, unit=second.unit, rule=second.rule, digits=digits,
                          strength=0.7, per=second.per)
    if b >= 0 and toks[b].low in ("between", "from") and j + 1 < n and toks[j].low in ("and", "to") \
            and cur is None and (j >= n or toks[j].kind == "word"):
        second = _read_figure(toks, j + 1, text, None, bare)
        first_scaled = any(toks[x].low in SCALES for x in range(i, j))
        if second is not None and second.value is not None and second.value >= value \
                and (second.unit or bare) and second.unit != "date" and second.start_tok == j + 1:
            second.low = value if first_scaled else _scale_like(second, toks, j + 1, value)
            second.high = second.value
            second.value = None
            second.qualifier, second.start_tok = "range", i
            return second
    fig = Figure(cstart, j, value=value, digits=digits)
    # ranges: "$20-25 billion", "4–5 trillion", "10 to 20 dollars", "between X and Y"
    low_val = None
    k = j
    if k + 1 < n and toks[k].low in _DASHES:
        k2 = k + 1
        cur2, _ = (None, k2)
        if toks[k2].kind == "sym" and toks[k2].text in SYMBOLS_BEFORE:
            cur2 = SYMBOLS_BEFORE[toks[k2].text]
            k2 += 1
        if k2 < n and (toks[k2].kind == "num" or toks[k2].low in UNITS or toks[k2].low in TENS):
            v2, j2, d2 = _read_number(toks, k2)
            if v2 is not None and (d2 == digits) and not (_is_year(toks[i]) and _is_year(toks[k2])):
                first = value
                # one scale word for both: "$20-25 billion"
                if j == i + 1 and j2 > k2 + 1 and toks[j2 - 1].low in SCALES and v2 > value:
                    first = value * SCALES[toks[j2 - 1].low]
                if v2 >= first and not (toks[k].low == "to" and _change_then_level(toks, cstart, first, v2)) \
                        and not (toks[k].low == "to" and cstart >= 1 and toks[cstart - 1].low == "from"
                                 and _change_verb_before(toks, cstart - 1)):
                    low_val, value, j = first, v2, j2
                    cur = cur or cur2
    if low_val is None and i >= 1 and toks[i - 1].low == "and" and False:
        pass
    # after the number: currency name, unit, duration, counted noun
    unit, mult, j3, rule = _unit_after(toks, j)
    if unit is None and cur is None:
        c2, m2, j4 = currency.after(toks, j)
        if c2:
            cur, mult, j = c2, m2, j4
            if j < n and toks[j].low in ("thousand", "million", "billion", "trillion") and toks[j - 1].kind == "word" \
                    and toks[j - 1].text.isupper():
                mult *= SCALES[toks[j].low]  # "75 USD million"
                j += 1
    elif unit is None and cur is not None and j < n:
        # the code or name repeated after the figure: "$ 5 USD" is still one amount
        c2, m2, j4 = currency.after(toks, j)
        if c2 == cur and m2 == 1:
            j = j4
    if cur is not None:
        fig.unit, fig.rule, fig.strength = cur, "money", 0.9
        if unit == "times":
            unit = None
        if low_val is None:
            cents, j5 = currency.subunit_after(toks, j, cur)
            if cents:
                value, j = value * mult + cents, j5  # "3 dollars 50 cents"
                mult = 1
    elif unit is not None:
        fig.unit, fig.rule = unit, rule
        j = j3
        if toks[j3 - 1].low in ("mtpa", "mmtpa"):
            fig.per = "year"
        fig.strength = 0.9
    else:
        dur = _duration_after(toks, j)
        if dur is not None:
            dunit, dmult, j = dur
            fig.unit, fig.rule, mult, fig.strength = dunit, "duration", dmult, 0.85
        else:
            of_the = last_count_unit and i >= 3 and toks[i - 1].text == "," and toks[0].low == "of" \
                and toks[1].low in ("the", "those", "these")  # "Of the 13 sectors, nine recorded gains"
            noun, jn = _noun_after(toks, j, value) if (digits or value != 1) and not of_the else (None, j)
            if noun and noun.split()[0].lower().endswith("est") and i >= 1 and toks[i - 1].low == "the" \
                    and noun.split()[0].lower() not in ("guest", "nest", "chest", "forest", "west", "interest"):
                return None  # "the five largest banks" names a group by rank; it claims no count
            if noun and noun.split()[-1].lower() in ("people", "persons", "sources", "officials", "executives",
                                                      "insiders") \
                    and jn < n and toks[jn].low in _ANONYMOUS_AFTER and value <= 12:
                return None  # "three people familiar with the matter said": who says it, not a claim
            if noun and jn < n and toks[jn].low == "ago" and noun.lower() in DURATIONS:
                return None  # "five years ago" is a time, not a count of years
            if noun:
                fig.unit, fig.rule, j, fig.strength = noun, "count", jn, 0.75
            elif last_count_unit and j < n and toks[j].low in ("in", "at", "from", "for", "on") \
                    and j + 1 < n and toks[j + 1].is_cap:
                fig.unit, fig.rule, fig.strength = last_count_unit, "count_in_list", 0.6
            elif (part := _part_of_whole(toks, j, value)) is not None:
                fig.unit, fig.rule, fig.strength = part, "count_part", 0.7  # "1,100 of its 5,200 workers"
            elif last_count_unit and not digits and i >= 3 and toks[i - 1].text == "," and toks[0].low == "of" \
                    and toks[1].low in ("the", "those", "these") and value > 1:
                fig.unit, fig.rule, fig.strength = last_count_unit, "count_elided", 0.6  # "Of the 13 ..., nine"
            elif last_count_unit and digits and not _is_year(toks[i]) \
                    and (j >= n or toks[j].kind == "word" or toks[j].text not in "-–—/%") \
                    and not (j > i + 1 and len(toks[j - 1].text) == 1 and toks[j - 1].start == toks[j - 2].end) \
                    and (j > i + 1 and toks[j - 1].low in SCALES or _qualifier_before(toks, i)[0] or
                         (i >= 1 and toks[i - 1].low in (_ELIDED_AFTER if not carried else ("of", "whom")))
                         or (i >= 3 and toks[i - 1].text == "," and toks[0].low == "of"
                             and toks[1].low in ("those", "them", "these", "whom", "the"))):
                # "41 million riders last year, down from a peak of 58 million": the noun is elided
                fig.unit, fig.rule, fig.strength = last_count_unit, "count_elided", 0.6
            elif (alt := _unit_of_alternative(toks, j, text, bare)) is not None:
                fig.unit, fig.rule, fig.strength = alt, "count_alternative", 0.7  # "10 or 12 days"
            elif (named := _named_noun_after(toks, j, value)) is not None:
                fig.unit, j = named  # "30 Airbus A321neo aircraft", "300 new U.S. stores"
                fig.rule, fig.strength = "count", 0.7
            elif (rate := _rate_per(toks, i, j)) is not None:
                fig.unit, fig.per, j = rate  # "21.3 per 100,000 people": admissions per 100,000 people
                fig.rule, fig.strength = "rate", 0.75
            elif last_count_unit and not carried and value >= 2 and not _is_year(toks[i]) \
                    and _coordinated_elision(toks, i, j):
                fig.unit, fig.rule, fig.strength = last_count_unit, "count_elided", 0.6  # "opened six, closed two"
                j += 1 if j < n and toks[j].low == "more" else 0  # "options for 10 more"
            elif digits and not _is_year(toks[i]) and (counted := _count_noun_before(toks, i)) is not None:
                fig.unit, fig.rule, fig.strength = counted, "count_named_before", 0.65  # "a headcount of 4,200"
            elif digits and not _is_year(toks[i]) and (labelled := _label_before(toks, i)) is not None:
                fig.unit, fig.rule, fig.strength = labelled, "count_named_before", 0.6  # "Homes: 1,450"
            elif digits and (share := _share_restated(toks, i)) is not None:
                fig.unit, fig.rule, fig.strength = share, "count_named_before", 0.6  # "30% of the homes, or 435"
            elif bare:
                fig.rule, fig.strength = "number", 0.5
            else:
                return None
    fig.end_tok = j
    scale = mult
    if low_val is not None:
        fig.low, fig.high, fig.value = low_val * scale, value * scale, None
        fig.qualifier = "range"
    else:
        fig.value = value * scale
    # signed change: "down 2%", "fell 3 points"
    if fig.unit == "points" and (_share_after(toks, j) or i >= 2 and toks[i - 1].low == "of" and (
            toks[i - 2].low == "swing" or toks[i - 2].low in ("lead", "margin", "gap")
            and any(t.text == "%" for t in toks))):
        fig.unit, fig.rule = "pp", "percentage_points"  # "fell 6.4 points to 31.2%", "a swing of 5.65 points"
    if fig.unit == "points" and j < n and toks[j].low in ("lower", "higher", "ahead", "behind", "up", "down"):
        fig.unit, fig.rule = "pp", "percentage_points"  # "20 points lower than in 2019"
        if toks[j].low in ("lower", "behind", "down"):
            fig.value = -fig.value
    if fig.unit in ("%", "pp", "points"):
        _growth(toks, fig)
    if fig.unit == "%" and j < n and toks[j].low in ("point", "points"):
        pass
    # per: "$20 billion per gigawatt", "$5 a share"
    _per_after(toks, fig)
    # qualifier before
    q, qs, hedges = _qualifier_before(toks, fig.start_tok)
    fig.qual_start = qs
    if q in ("less_than", "more_than") and toks[qs].low in ("under", "over") and fig.rule == "duration" \
            and fig.start_tok + 1 < n and toks[fig.start_tok + 1].text == "-":
        q, qs = None, fig.start_tok  # "sold under 20-year agreements": the term of the contracts, not a bound
    if q == "more_than" and toks[qs].low == "over" and (fig.rule == "duration" or (
            fig.rule == "count" and fig.unit and fig.unit.split()[-1].lower() in _PERIOD_NOUNS)) \
            and not (fig.end_tok < n and toks[fig.end_tok].low == "old"):
        q, qs = None, fig.start_tok  # "over five years" is a period, not a bound
    if q is not None:
        if fig.qualifier == "range":
            fig.low, fig.high = fig.low, fig.high
            if q in ("about",):
                fig.qualifier = q
        else:
            fig.qualifier = q
        fig.start_tok = qs if fig.rule != "count_in_list" else fig.start_tok
    elif qs != fig.start_tok and hedges:
        pass
    _bound_after(toks, fig)
    # keep the qualifier words out of the span for readability?  The span is the figure itself plus its
    # currency; the qualifier is recorded in the field.  Restore the figure start.
    fig.start_tok = cstart if cur is not None and cstart < i else i
    fig.reasons += [f"hedged: {h}" for h in hedges]
    # "the $350 billion range" reads as an approximation
    if fig.qualifier == "exact" and fig.end_tok < n and toks[fig.end_tok].low in ("range", "ballpark", "region") \
            and fig.start_tok >= 1 and toks[fig.start_tok - 1].low == "the":
        fig.qualifier = "about"
    return fig


def _read_words_no_scale(toks: list[Token], k: int) -> tuple[Optional[float], int]:
    """The small part of a spelled number before its scale word: "ten" of "ten million"."""
    n = len(toks)
    j = k
    while j < n and toks[j].low not in _BIG_SCALES and (toks[j].low in UNITS or toks[j].low in TENS
                                                         or toks[j].low in HUNDRED or toks[j].text == "-"):
        j += 1
    return _read_words(toks[:j], k)


def _negative_before(toks: list[Token], k: int) -> bool:
    """A minus sign or word right before a figure: "minus five percent", "-15€" (not the dash of "20-25")."""
    if k >= 1 and toks[k - 1].low in ("minus", "negative"):
        return not (k >= 3 and toks[k - 3].low == "plus" and toks[k - 2].low == "or")  # "plus or minus 50 bps"
    if k >= 1 and toks[k - 1].text in ("-", "−") and toks[k - 1].end == toks[k].start:
        return k < 2 or not (toks[k - 2].kind in ("num", "word") and toks[k - 2].end == toks[k - 1].start) \
            and toks[k - 2].kind != "num" and not (toks[k - 2].text == "%" and toks[k - 2].end == toks[k - 1].start)
    return False


def _scale_like(second: Figure, toks: list[Token], k: int, first: float) -> float:
    """The first bound of "between 10 and 20 dollars" in the second's base unit (its unit multiplier)."""
    tok = toks[k]
    raw = _digit_value(tok) if tok.kind == "num" else _read_words(toks, k)[0] if tok.low not in SCALES else None
    if toks[k].kind == "word" and raw is not None:
        # words: read only up to the scale word ("ten million" -> ten)
        raw, _ = _read_words_no_scale(toks, k)
    if not raw:
        return first
    return first * abs(second.value) / raw


_OR_MORE = {"more", "greater", "above", "higher", "over", "larger", "bigger", "upwards"}
_OR_LESS = {"less", "fewer", "below", "lower", "under", "smaller"}


def _bound_after(toks: list[Token], fig: Figure) -> None:
    """Bounds written after the figure: "500 or more", "5,000 or fewer", "more than 30 or equal to it"."""
    n = len(toks)
    j = fig.end_tok
    if j + 1 < n and toks[j].low in ("or", "and") and toks[j + 1].low in _OR_MORE | _OR_LESS \
            and not (j + 2 < n and ((toks[j + 2].low == "than" and j + 3 < n and toks[j + 3].kind in ("num", "word")
                                     and toks[j + 3].low not in ("it", "that", "this"))
                                    or toks[j + 2].kind == "num"
                                    or toks[j + 2].low in UNITS or toks[j + 2].low in TENS
                                    or toks[j + 2].text in SYMBOLS_BEFORE)):
        if fig.qualifier in ("exact", "about"):
            fig.qualifier = "at_least" if toks[j + 1].low in _OR_MORE else "up_to"
            fig.end_tok = j + 2 + (j + 2 < n and toks[j + 2].low == "than")
    elif j + 1 < n and toks[j].low == "or" and toks[j + 1].low in ("equal", "equals") \
            and not any(t.kind == "num" for t in toks[j + 2:j + 4]):
        if fig.qualifier == "more_than":
            fig.qualifier = "at_least"
        elif fig.qualifier == "less_than":
            fig.qualifier = "up_to"
        fig.end_tok = j + 2


def _read_fraction(toks: list[Token], i: int) -> Optional[Figure]:
    n = len(toks)
    t = toks[i]
    num = None
    j = i
    if t.low in UNITS and i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].low in FRACTIONS:
        num, j = UNITS[t.low], i + 3
        frac = FRACTIONS[toks[i + 2].low]
    elif t.low in ("a", "one") and i + 1 < n and toks[i + 1].low in FRACTIONS and toks[i + 1].low != "half":
        num, j, frac = 1, i + 2, FRACTIONS[toks[i + 1].low]
    elif t.low == "half" and i >= 1 and (q_qs := _qualifier_before(toks, i))[1] >= 1 \
            and toks[q_qs[1] - 1].low == "by":
        num, j, frac = 1, i + 1, 0.5  # "fall by about half": read as a change below
    elif t.low == "half" and i + 1 < n and toks[i + 1].low in ("of", "its", "their", "the", "his", "her", "our") \
            and not (i >= 1 and toks[i - 1].low in _PERIOD_HALF) and not (i >= 1 and toks[i - 1].low in ("a", "one")):
        num, j, frac = 1, i + 1, 0.5  # "half of the staff", but not "the first half of the year"
    elif t.kind == "num" and t.text.isdigit() and i + 2 < n and toks[i + 1].text == "/" \
            and toks[i + 2].kind == "num" and toks[i + 2].text.isdigit() and toks[i + 1].start == t.end \
            and toks[i + 2].start == toks[i + 1].end and 0 < int(t.text) < int(toks[i + 2].text) <= 10 \
            and not (i + 3 < n and toks[i + 3].text == "/"):
        num, j, frac = 1, i + 3, int(t.text) / int(toks[i + 2].text)  # "1/2 of the people"
    else:
        return None
    q, qs, _ = _qualifier_before(toks, i)
    if t.kind != "num" and qs >= 1 and toks[qs - 1].low == "by" and (j >= n or toks[j].kind != "word"
                                                                     or toks[j].low in _AFTER_A_CHANGE):
        # "school visits fell by almost a third": a change of a third
        fig = Figure(qs, j, value=round(num * frac * 100, 4), unit="%", rule="fraction", digits=False,
                     strength=0.7, qualifier=q or "exact")
        _growth(toks, fig)
        return fig
    if j < n and toks[j].low != "of" and t.kind != "num" \
            and not (t.low == "half" and toks[j].low in ("its", "their", "the", "his", "her", "our")):
        return None
    return Figure(i, j, value=round(num * frac * 100, 4), unit="%", rule="fraction", digits=False, strength=0.7,
                  qualifier=q or "exact")


# Words that may follow a change written as a fraction ("fell by a third in May"); "by half a point", "by a third
# party" and "by half an hour" are something else
_AFTER_A_CHANGE = frozenset({"in", "on", "to", "from", "last", "this", "next", "within", "since", "after", "over",
                             "compared", "between",
                             "during", "and", "but", "while", "as", "year-on-year", "against", "versus"})


# Nouns that a hyphenated length describes rather than claims: a move measured over a period, or a rate fixed
# for one ("the biggest one-day fall", "a two-year high", "a one-year fixed mortgage rate")
_PERIOD_DESCRIBED = {"drop", "drops", "fall", "falls", "decline", "declines", "gain", "gains", "rise", "rises",
                     "jump", "jumps", "loss", "losses", "rally", "rallies", "slump", "surge", "selloff", "sell-off",
                     "high", "highs", "low", "lows", "peak", "trough", "move", "moves", "swing", "swings",
                     "rate", "rates", "loan", "loans", "deposit", "deposits", "fixed", "term"}


def _describes_a_move_or_rate(toks: list[Token], end: int) -> bool:
    """Is the compound adjective ending at ``end`` followed, within three lower-case words, by such a noun?"""
    for t in toks[end:end + 3]:
        if t.kind != "word" or not t.text.islower():
            return False
        if t.low in _PERIOD_DESCRIBED:
            return True
    return False


def _duration_after(toks: list[Token], j: int) -> Optional[tuple[str, float, int]]:
    n = len(toks)
    k = j
    if k < n and toks[k].text == "-" and k + 1 < n:
        k += 1
    if k < n and toks[k].low in DURATIONS:
        if toks[k].low in ("quarter", "quarters") and k == j:
            return None
        unit, mult = DURATIONS[toks[k].low]
        end = k + 1
        if end + 1 < n and toks[end].text == "-" and toks[end + 1].low == "old":
            return None  # an age: "a 15-year-old"
        if end < n and toks[end].low == "ago":
            return None  # "three years ago" is a time, not a figure
        if k > j and end < n and (toks[end].low in _TENOR_NOUNS or (
                end + 1 < n and toks[end].kind == "word" and toks[end + 1].low in _TENOR_NOUNS)):
            return None  # "the 10-year bond yield", "a two-year Treasury note": a kind of debt
        if k > j and _describes_a_move_or_rate(toks, end):
            return None  # "their biggest one-day drop", "its one-year fixed home loan rate", "a 10-year high"
        return unit, mult, end
    return None


def _growth(toks: list[Token], fig: Figure) -> None:
    """A change in a share or in points, not a level: "fell 3%", "down 2%", "a 38% drop" are signed -3, -2, -38;
    "fell to 4.1%" is a level and keeps its sign.  Money keeps the sign it is written with ("shares fell $2.75"
    is 2.75 USD), as the shared annotations and the Recognizers suite both read it."""
    direction = _change_before(toks, fig.start_tok)
    after = toks[fig.end_tok].low if fig.end_tok < len(toks) else ""
    if after == "of":
        return  # "cut 4% of its workforce", "sold 20% of the unit": a share of something, not a rate's change
    if fig.value is not None and fig.value > 0 and (direction == "down" or after in _DOWN_AFTER):
        fig.value = -fig.value
        fig.rule += "_change"
    elif direction == "up":
        fig.rule += "_change"


def _change_before(toks: list[Token], start: int) -> Optional[str]:
    """"down" or "up" when a change verb stands in the four words before token ``start`` ("fell 3%", "rose by
    about 2%"), None when there is none or the figure is a level ("fell to 4.1%", "down from 5%")."""
    q, qs, _ = _qualifier_before(toks, start)
    if q is not None or qs < start:
        start = qs  # "slid by more than 10%", "fallen by as much as 25%": read before the qualifier
    if start >= 2 and toks[start - 1].low == "of" and toks[start - 2].low in _DOWN_AFTER | _DOWN_NOUNS:
        return "down"  # "a fall of 0.4%", "a reduction of 7.5%"
    if start >= 2 and toks[start - 1].low == "of" and toks[start - 2].low in _UP_NOUNS:
        return "up"
    by = start >= 1 and toks[start - 1].low == "by"
    reach = 16 if by else 4  # "cut our cloud bill by 41%", "reduced the risk of death or stroke by 21%"
    for t in reversed(toks[max(0, start - reach):start]):
        if t.low in _GROWTH_DOWN:
            return "down"
        if t.low in _GROWTH_UP:
            return "up"
        if t.text in (",", ";", ":") or t.low in _CLAUSE_WORDS or (t.low in _LEVEL_WORDS and not by):
            return None  # "fell to 4.1%": the word between the verb and the figure makes it a level
    return None


# Words that start another clause: a change verb before them is not the figure's ("rose, which cut costs by 3%")
_CLAUSE_WORDS = {"which", "that", "while", "whereas", "but", "although", "after", "before", "when", "because"}


def _per_after(toks: list[Token], fig: Figure) -> None:
    n = len(toks)
    j = fig.end_tok
    if j + 2 < n and toks[j].low in ("a", "an") and toks[j + 2].low in ("ago", "earlier", "before", "later"):
        return  # "76% a year ago" is a time, not a rate
    if j + 2 < n and toks[j].low == "per" and toks[j + 1].kind == "num":
        base, k, _ = _read_number(toks, j + 1)  # "7.9 incidents per 1,000 residents": a rate, one claim
        noun, end = _noun_after(toks, k, base or 2) if base else (None, k)
        if base and base >= 10:
            fig.per = f"{toks[j + 1].text} {noun}" if noun else toks[j + 1].text
            fig.end_tok = end if noun else k
        return
    if j + 1 < n and toks[j].low in ("per", "a", "an", "each") and toks[j + 1].kind == "word":
        w = toks[j + 1].low
        if w in POWER:
            fig.per = POWER_SYMBOL.get(POWER[w], toks[j + 1].text)
        elif w in ENERGY:
            fig.per = {1: "Wh", 1e3: "kWh", 1e6: "MWh", 1e9: "GWh", 1e12: "TWh"}.get(ENERGY[w], w)
        elif w in DURATIONS and toks[j].low != "each":
            fig.per = DURATIONS[w][0]
        elif toks[j].low == "per" or (w in RATE_NOUNS and fig.rule == "money"):
            fig.per = w  # "per tonne", "$2.50 a share", "$84 a barrel"
        else:
            return
        fig.end_tok = j + 2
    elif j + 1 < n and toks[j].text == "/" and toks[j + 1].kind == "word" and toks[j].start == toks[j - 1].end:
        w = toks[j + 1].low  # "$15.4/hour", "$3/kWh"
        fig.per = DURATIONS[w][0] if w in DURATIONS else toks[j + 1].text
        fig.end_tok = j + 2
    elif j < n and toks[j].low in ("annually", "yearly"):
        fig.per = "year"
        fig.end_tok = j + 1
