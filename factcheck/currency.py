"""Which currency a figure is in: symbols and codes before it, names, symbols and codes after it, subunits.

All lookups are by token position, so they add no backtracking to the scan.  Tables live in tables/currencies.py.
"""

from __future__ import annotations

from typing import Optional

from .tables.currencies import (CODE_ALIASES, CODE_SCALE_PREFIX, COINS, COUNTRY_CURRENCY, DOLLAR_PREFIXES,
                                ISO_CODES, NAMES, SUBUNIT_HOME, SUBUNITS, SYMBOLS_AFTER, SYMBOLS_BEFORE)
from .tokens import Token

# Lower-case codes that cannot be mistaken for English words ("try", "all", "top", "cup" can).
_SAFE_LOWER_CODES = {"usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "aud", "cad", "chf", "hkd", "sgd", "nzd",
                     "myr", "krw", "brl", "mxn", "zar", "sek", "nok", "dkk", "pln", "aed", "sar", "qar", "kwd",
                     "egp", "uah", "btc", "idr", "thb", "php", "vnd", "ngn", "pkr", "twd", "huf", "czk", "ils"}
# Codes that are also English words: never read before a figure ("ALL 5 solutions", "TOP 10").
_WORD_CODES = {"ALL", "TOP", "CUP", "MAD", "BOB", "PEN", "TRY", "SOS", "GEL", "LEI", "MOP", "TMT"}
_WORD_PREFIXES = {"a", "s", "us", "r", "au", "nt"}  # English words too: only glued to "$" do they name a dollar
SHORT_FORMS = {"rs": "INR", "rs.": "INR", "rm": "MYR", "rp": "IDR"}
_COUNTRY_WORDS = {w for pair in COUNTRY_CURRENCY for w in pair[0].split()}
_COUNTRY_FIRST = frozenset(pair[0].split(" ")[0] for pair in COUNTRY_CURRENCY)  # "south" of "south african"


# ISO codes that are also words or acronyms; glued to a small number they name a thing ("COP30", "TOP10")
_WORDLIKE_CODES = {"COP", "CUP", "PEN", "TOP", "ALL", "MOP", "GEL", "TRY", "AMD", "BOB", "MAD", "SOS", "CAT"}
_SCALE_WORDS = {"m", "mn", "bn", "b", "k", "million", "billion", "thousand", "trillion", "tn"}


def _norm_code(word: str) -> Optional[str]:
    """An ISO code (or alias) in ``word``: "USD", "usd", "RMB"; None for ordinary words."""
    up = word.upper()
    if up in CODE_ALIASES:
        return CODE_ALIASES[up]
    if up in ISO_CODES and (word.isupper() or word.lower() in _SAFE_LOWER_CODES):
        return up
    return None


def _scaled_code(word: str) -> Optional[tuple[str, float]]:
    """"MUSD", "MEUR", "BNUSD": a scale letter glued before a code, as financial tables write millions."""
    if not word.isupper() and not word[:1].isupper():
        return None
    up = word.upper()
    for prefix, scale in CODE_SCALE_PREFIX.items():
        if up.startswith(prefix) and up[len(prefix):] in ISO_CODES and len(up) == len(prefix) + 3:
            return up[len(prefix):], scale
    return None


def before(toks: list[Token], i: int) -> tuple[Optional[str], int, float]:
    """A currency written before token ``i`` -> (ISO code, index of its first token, scale it carries)."""
    if i == 0:
        return None, i, 1
    p = toks[i - 1]
    if p.kind == "sym" and p.text in SYMBOLS_BEFORE:
        start = i - 1
        code = SYMBOLS_BEFORE[p.text]
        if p.text == "$" and i >= 2 and toks[i - 2].kind == "word":
            w = toks[i - 2]
            glued = w.end == p.start
            key = (w.text + p.text).upper()
            if glued and key in SYMBOLS_BEFORE:
                return SYMBOLS_BEFORE[key], i - 2, 1
            if w.low in DOLLAR_PREFIXES and (glued or (w.low not in _WORD_PREFIXES and w.text.islower())):
                # "hk $ 10 billion", "c $ 300 million" (tokenised copy) and "Mex$ 10"
                return DOLLAR_PREFIXES[w.low], i - 2, 1
        return code, start, 1
    if p.kind == "word":
        if i >= 2 and toks[i - 2].kind == "num":
            return None, i, 1  # "50 dollar 40 rmb": the word is the unit of the figure before it
        t = toks[i]
        if t.kind == "num" and t.text.isdigit() and p.text[:1].isupper() and (
                (p.end == t.start and p.text.upper() in _WORDLIKE_CODES and int(t.text) <= 100
                 and not (i + 1 < len(toks) and toks[i + 1].low in _SCALE_WORDS))
                or (p.text == "Euro" and len(t.text) == 4 and t.text[:2] in ("19", "20"))):
            return None, i, 1  # an event's name, not money: "COP30", "Euro 2024"
        code = _norm_code(p.text)
        if code and p.text.upper() not in _WORD_CODES:
            return code, i - 1, 1
        if p.low in SHORT_FORMS and p.text[:1].isupper():
            return SHORT_FORMS[p.low], i - 1, 1
        sc = _scaled_code(p.text)
        if sc:
            return sc[0], i - 1, sc[1]
        country_before = i >= 2 and toks[i - 2].low in _COUNTRY_WORDS and \
            (toks[i - 2].low, _singular(p.low)) in COUNTRY_CURRENCY
        if p.low in NAMES and (not p.low.endswith("s") or country_before) and p.low not in ("le", "real", "sol", "colon", "won",
                                                                        "dong", "kip", "rand", "lev", "lari"):
            # "dollar 22.5 million", "ringgit 42": a name before the figure
            start = i - 1
            code = NAMES[p.low]
            if i >= 2 and toks[i - 2].low in _COUNTRY_WORDS:
                code = COUNTRY_CURRENCY.get((toks[i - 2].low, _singular(p.low)), code)
                start = i - 2
            return code, start, 1
    if p.kind == "sym" and p.text == "." and i >= 2 and toks[i - 2].low == "rs" and toks[i - 2].end == p.start:
        return "INR", i - 2, 1
    return None, i, 1


def _singular(name: str) -> str:
    for plural, single in (("ies", "y"), ("s", "")):
        if name.endswith(plural) and name[: -len(plural)] + single in NAMES:
            return name[: -len(plural)] + single
    return name


def after(toks: list[Token], j: int) -> tuple[Optional[str], float, int]:
    """A currency written after a figure (ending before ``j``) -> (ISO code, multiplier, end index)."""
    n = len(toks)
    if j >= n:
        return None, 1, j
    t = toks[j]
    glued = j >= 1 and toks[j - 1].end == t.start
    if t.text == "-" and glued and j + 1 < n and toks[j + 1].start == t.end and toks[j + 1].kind == "word" \
            and toks[j + 1].low in NAMES | SUBUNITS.keys() and toks[j + 1].low not in ("c", "p", "le"):
        code, mult, end = after(toks, j + 1)  # "a 12-cent-a-share dividend", "a one-yen bid"
        return (code, mult, end) if code else (None, 1, j)
    if t.text in SYMBOLS_AFTER or (t.kind == "word" and t.text[:1] in SYMBOLS_AFTER and len(t.text) <= 3):
        end = j + 1
        if end < n and toks[end].low == "ur" and toks[end].start == t.end:
            end += 1  # "20 €ur"
        return SYMBOLS_AFTER.get(t.text, SYMBOLS_AFTER.get(t.text[:1])), 1, end
    if t.text == "¢":
        return "USD", 0.01, j + 1
    if t.kind != "word":
        return None, 1, j
    w = t.low
    if j + 1 < n and toks[j + 1].text == "$" and toks[j + 1].start == t.end and glued \
            and (t.text + "$").upper() in SYMBOLS_BEFORE:
        return SYMBOLS_BEFORE[(t.text + "$").upper()], 1, j + 2  # "3.14US$"
    # a country adjective (one or two words) before the name: "kuwaiti dinar", "south african rand"
    for span in (2, 1) if w in _COUNTRY_FIRST else ():  # most words start no country's name: nothing to try
        if j + span < n and all(toks[k].kind == "word" for k in range(j, j + span + 1)):
            country = " ".join(toks[k].low for k in range(j, j + span))
            raw = toks[j + span].low
            for name in (raw, _singular(raw), raw[:-1] if raw.endswith("s") else raw):
                if (country, name) in COUNTRY_CURRENCY:
                    return COUNTRY_CURRENCY[(country, name)], 1, j + span + 1
    if w in ("pound", "pounds") and not (j >= 1 and toks[j - 1].low in ("million", "billion", "trillion",
                                                                        "thousand", "m", "bn", "mn")) \
            and not (j + 1 < n and toks[j + 1].low == "sterling"):
        return None, 1, j  # "1,500 pounds" of weight; money in pounds is written "£" or "5 million pounds"
    if w in NAMES and not (w == "won" and t.text == "won") and not (w in ("le", "real", "sol", "colon", "dong",
                                                                          "kip", "lev") and t.text.islower()
                                                                    and w != "le"):
        if w == "le" and not glued and t.text not in ("le", "LE"):
            return None, 1, j
        end = j + 1
        if end + 1 < n and toks[end].text == "." and toks[end].start == t.end and w in ("l",):
            end += 1
        return NAMES[w], 1, end
    if w == "l" and j + 2 < n and toks[j + 1].text == "." and toks[j + 2].low == "e":
        end = j + 3
        if end < n and toks[end].text == "." and toks[end].start == toks[end - 1].end:
            end += 1
        return "EGP", 1, end
    code = _norm_code(t.text)
    if code:
        end = j + 1
        return code, 1, end
    sc = _scaled_code(t.text)
    if sc:
        return sc[0], sc[1], j + 1
    if w in SHORT_FORMS and (glued or t.text.isupper()):
        return SHORT_FORMS[w], 1, j + 1  # "20Rs", "42RM", "42 RM"
    if w in ("grand",):
        return "USD", 1000, j + 1  # "10 grand"
    if w in COINS:
        return "USD", COINS[w], j + 1
    if t.text == "p" and glued and toks[j - 1].kind == "num" and toks[j - 1].text not in _VIDEO_LINES:
        return "GBP", 0.01, j + 1  # pence, as British copy writes them: "down 1.8p at 412p" (not "1080p" video)
    if w in SUBUNITS and w not in ("c", "p", "mao", "fen") or (t.text == "c" and glued) or w == "¢":
        return SUBUNIT_HOME.get(w, "USD"), SUBUNITS[w], j + 1
    return None, 1, j


_VIDEO_LINES = {"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"}  # "1080p" is a picture


def subunit_after(toks: list[Token], j: int, code: str) -> tuple[float, int]:
    """Cents after a main amount: "3 dollars 50 cents", "$20 and 43c", "3 GBP 1 pence" -> (amount, end)."""
    n = len(toks)
    k = j
    if k < n and toks[k].low == "and":
        k += 1
    if k >= n or toks[k].kind not in ("num", "word"):
        return 0.0, j
    from .numeric import _read_number  # the same number reader as the main scan

    v, k2, _ = _read_number(toks, k)
    if v is None or v >= 100 or k2 >= n:
        return 0.0, j
    w = toks[k2].low
    glued = toks[k2].start == toks[k2 - 1].end
    if w in SUBUNITS and (w not in ("c", "p") or glued) and w not in ("satoshi", "satoshis"):
        return v * SUBUNITS[w], k2 + 1
    if toks[k2].text == "¢":
        return v * 0.01, k2 + 1
    return 0.0, j
