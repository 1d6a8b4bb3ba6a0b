"""Tokenise a sentence into words, numbers and symbols with offsets: the extractor's linear-time scan unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digits with thousands separators and a decimal part; words with an inner apostrophe ("Nvidia’s");
# any other non-space character on its own.  Each alternative is linear: no nested quantifiers.
# Digit groups: Indian lakh grouping ("12,34,567"), thousands by comma, or by a space ("10 000", only 1-3 digits
# then whole 3-digit groups), then an optional decimal part.
_TOKEN = re.compile(r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?: \d{3})+(?![\d,.]\d)|\d+(?:,\d{3})*)(?:\.\d+)?"
                    r"|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "num", "word" or "sym"

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.kind == "word" and self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        s = m.group()
        c = s[0]
        kind = "num" if c.isdigit() else ("word" if c.isalpha() else "sym")
        out.append(Token(s, m.start(), m.end(), kind))
    return out
