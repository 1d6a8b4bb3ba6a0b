"""Split a document into paragraphs and sentences, and mark page furniture, keeping every offset."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from .tables.words import ABBREVIATIONS, BOILERPLATE

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace,
# or at a line break.  Candidates are checked against abbreviations and decimals.
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n")
_MIDCAP = re.compile(r"(?<=[a-z,;:] )[A-Z][^\W\d_]*")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_LINE = re.compile(r"[^\n]*")
_LIST_MARK = re.compile(r"[ \t]*(?:[-*•–—·▪●]|\d{1,2}[.)]|\(?[a-z]\))[ \t]+")


@dataclass
class Segmented:
    """A document's text with its sentences, paragraphs and boilerplate lines as offset spans."""

    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    list_marks: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _pstarts: list[int] = field(default_factory=list)
    _token_cache: dict = field(default_factory=dict)
    _bstarts: list[int] = field(default_factory=list)
    _midcaps: dict = field(default_factory=dict)
    _lower_words: dict = field(default_factory=dict)

    def tokens(self, start: int, end: int) -> list:
        """Tokens of ``text[start:end]``, cached: sentences and quote contexts are asked for more than once."""
        key = (start, end)
        toks = self._token_cache.get(key)
        if toks is None:
            from .tokens import tokenize

            toks = self._token_cache[key] = tokenize(self.text, start, end)
        return toks

    def named_mid_sentence(self, word: str) -> bool:
        """Is ``word`` written capitalised somewhere after a lower-case word, i.e. used as a name and not just
        capitalised because a sentence starts with it ("Revenue rose", "Shares fell")?

        The answer is that of ``word in set(_MIDCAP.findall(text))``, found by looking the word up (str.find) instead
        of collecting every capitalised word of the document: a document asks about a few words only."""
        found = self._midcaps.get(word)
        if found is None:
            found = self._midcaps[word] = _is_midcap_word(word) and any(
                i >= 2 and self.text[i - 1] == " " and self.text[i - 2] in _MIDCAP_BEFORE
                for i in _whole_occurrences(self.text, word, _is_letter))
        return found

    def written_lower(self, word: str) -> bool:
        """Does ``word`` (lower-case) appear written in lower case somewhere in the document?

        The answer is that of ``word in set(_LOWER_WORD.findall(text))``, found by looking the word up."""
        found = self._lower_words.get(word)
        if found is None:
            found = self._lower_words[word] = word.isascii() and word.isalpha() and word.islower() and any(
                i == 0 or not _is_word_char(self.text[i - 1])
                for i in _whole_occurrences(self.text, word, _is_word_char))
        return found

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding offset ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self._starts, pos) - 1, 0)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._pstarts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.paragraphs[i]

    def is_boilerplate(self, pos: int) -> bool:
        i = bisect.bisect_right(self._bstarts, pos) - 1
        return i >= 0 and pos < self.boilerplate[i][1]


_MIDCAP_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,;:")  # _MIDCAP's lookbehind, less its space


def _is_word_char(c: str) -> bool:
    """``\\w`` of a str pattern."""
    return c.isalnum() or c == "_"


def _is_letter(c: str) -> bool:
    """``[^\\W\\d_]`` of a str pattern: a word character that is no digit and no underscore."""
    return c.isalnum() and not c.isdecimal()


def _is_midcap_word(word: str) -> bool:
    """Could ``word`` be a whole match of _MIDCAP: an ASCII capital and then letters?"""
    return bool(word) and "A" <= word[0] <= "Z" and all(_is_letter(c) for c in word[1:])


def _whole_occurrences(text: str, word: str, part_of_word):
    """Offsets of ``word`` in ``text`` where the character after it is not ``part_of_word`` (or there is none)."""
    n, end = len(word), len(text)
    i = text.find(word)
    while i >= 0:
        if i + n == end or not part_of_word(text[i + n]):
            yield i
        i = text.find(word, i + 1)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the dot at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and text[j].isupper():  # an initial: "John F. Kennedy"
        return True
    return False


def segment(text: str) -> Segmented:
    """Sentences, paragraphs (blank-line or line separated) and boilerplate lines of ``text``."""
    seg = Segmented(text)
    # Lines: each non-empty line is a paragraph (news copy puts one paragraph a line).
    for m in _LINE.finditer(text):
        s, e = m.span()
        if s == e:
            continue
        line = m.group()
        if not line.strip():
            continue
        seg.paragraphs.append((s, e))
        if BOILERPLATE.match(line):
            seg.boilerplate.append((s, e))
        lm = _LIST_MARK.match(line)
        if lm and lm.end() > 0:
            seg.list_marks.append((s, s + lm.end()))
    # Sentences inside each paragraph.
    for ps, pe in seg.paragraphs:
        start = ps
        while start < pe and text[start].isspace():
            start += 1
        for m in _END.finditer(text, ps, pe):
            if m.group() == "\n":
                continue
            dot = m.start()
            if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation(text, dot):
                # an abbreviation ends the sentence only when a capitalised non-name follows; keep it simple:
                # treat as no break
                continue
            nxt = m.end()
            while nxt < pe and text[nxt] in " \t":
                nxt += 1
            if nxt < pe and text[nxt].islower():
                continue
            if m.end() > start:
                seg.sentences.append((start, m.end()))
            start = nxt
        if start < pe and text[start:pe].strip():
            end = pe
            while end > start and text[end - 1].isspace():
                end -= 1
            seg.sentences.append((start, end))
    seg._starts = [s for s, _ in seg.sentences]
    seg._bstarts = [s for s, _ in seg.boilerplate]
    seg._pstarts = [s for s, _ in seg.paragraphs]
    return seg
