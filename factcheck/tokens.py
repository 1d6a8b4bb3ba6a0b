"""Tokenise a sentence into words, numbers and symbols with offsets: the extractor's linear-time scan unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digits with thousands separators and a decimal part; words with an inner apostrophe ("Nvidia’s");
# any other non-space character on its own.
# Digit groups: Indian lakh grouping ("12,34,567"), thousands by comma, or by a space ("10 000": 1-3 digits then
# whole 3-digit groups), then an optional decimal part.  The grouped forms take at most six groups and possessive
# quantifiers (Python 3.11), so a failed try costs a bounded number of steps and the scan stays linear.
_TOKEN = re.compile(r"((?:\d{1,2}(?:,\d{2}(?=,)){1,6}+,\d{3}(?!\d)|\d{1,3}(?: \d{3}(?!\d)){1,6}+|\d+(?:,\d{3})*+)"
                    r"(?:\.\d+)?)"
                    r"|([^\W\d_]+(?:['’][^\W\d_]+)*+)|(\S)")
# The same tokens with the whitespace before each: every non-space character is in a token, so the gaps are all
# whitespace, and each token's offsets follow from the lengths (no match object per token).
_SPACED_TOKEN = re.compile(r"(\s*+)(?:" + _TOKEN.pattern + ")")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "num", "word" or "sym"
    low: str  # the text lower-cased, computed once: every rule compares it

    @property
    def is_cap(self) -> bool:
        return self.kind == "word" and self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    This is the extractor's hottest loop: one findall gives the tokens' texts, and their offsets are counted from
    the lengths (1.5x faster than a match object and its span() for each token, as _TOKEN.finditer would give).
    """
    toks: list[Token] = []
    add = toks.append
    start, end = max(start, 0), max(end, 0)  # as the regex engine reads a negative position
    pos = start
    # Trailing whitespace is left out: followed by no token, it would be read again from each of its positions.
    stop = start + len(text[start:end].rstrip())
    for space, num, word, sym in _SPACED_TOKEN.findall(text, start, stop):
        s = pos + len(space)
        if num:
            pos = s + len(num)
            add(Token(num, s, pos, "num", num.lower()))
        elif word:
            pos = s + len(word)
            add(Token(word, s, pos, "word", word.lower()))
        else:
            pos = s + len(sym)
            add(Token(sym, s, pos, "sym", sym.lower()))
    return toks
