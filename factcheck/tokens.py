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
_KIND = (None, "num", "word", "sym")  # by the number of the group that matched


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
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    # one span() call and one group() per match: this list is the extractor's hottest loop
    return [Token(g, s, e, _KIND[m.lastindex], g.lower())
            for m in _TOKEN.finditer(text, start, end) for g in (m.group(),) for s, e in (m.span(),)]
