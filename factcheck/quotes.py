"""Quotations and who said them.

Quote marks are paired in one pass over each paragraph (straight, curly and mixed double marks; single marks are
left alone because they double as apostrophes).  Each quotation is then attributed by the first rule that fits:

1. a cue right after it:       “...,” said Jane Roe, chief executive of Acme.   /   “...,” she said.
2. an introduction before it:  Jane Roe, head of research at Acme: “...”      /   Acme said in a statement: “...”
3. a cue earlier in its sentence: Roe called the plan “a bold bet”              /   Acme says it remains a “key partner”
4. the quotation continues one already attributed in the paragraph (or a multi-paragraph quotation).

Pronouns resolve to the last person named before them outside quotation marks.  Scare quotes, quoted names and
quoted modifiers ("the “frontier” lab") get no speaker and are not claims.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from .models import Claim, claim_id
from .segment import Segmented
from .tables.words import (ABBREVIATIONS, CHARACTERISING_CUES, MONTHS, ORG_NOUNS, PRONOUNS, ROLE_WORDS, SPEECH_CUES,
                          TITLE_ABBREVIATIONS, WEEKDAYS)
from .tokens import Token

_OPEN = {"“", "„", "«"}
_CLOSE = {"”", "»"}
_MARKS = re.compile(r"[“”„«»\"]")
_FUNCTION_AFTER = {
    "in", "and", "or", "for", "to", "of", "on", "at", "by", "with", "as", "but", "from", "that", "which", "while",
    "when", "after", "before", "because", "since", "than", "so", "he", "she", "they", "it", "we", "i", "said",
    "says", "added", "adds", "told", "wrote", "writes", "according", "the", "a", "an", "this", "if", "is", "was",
    "are", "were", "will", "would", "could", "has", "had", "have", "during", "over", "into", "about", "earlier",
    "last", "this", "on", "then", "even", "also", "not", "though", "although", "where", "who", "until",
    "despite", "amid", "once", "because", "unless", "whereas", "via", "per", "against", "toward", "towards",
}
# Plural nouns that head a sentence ("Critics say ...") name a group, not a speaker.
_GENERIC_SPEAKERS = {
    "critics", "analysts", "investors", "officials", "experts", "observers", "economists", "sources", "residents",
    "people", "some", "many", "others", "executives", "researchers", "insiders", "traders", "bankers", "lawmakers",
    "scientists", "supporters", "opponents", "activists", "fans", "users", "customers", "workers", "employees",
    "staff", "observers", "commentators", "skeptics", "sceptics", "bulls", "bears", "reports", "documents",
}
_NAME_PARTICLES = {"de", "van", "von", "der", "da", "di", "le", "la", "bin", "al", "del", "dos", "du"}
_ORG_HINTS = {"committee", "board", "court", "reserve", "fund", "foundation", "trust", "authority", "service",
              "bureau", "union", "federation", "organization", "organisation", "party", "parliament", "senate",
              "congress", "assembly", "secretariat", "programme", "program", "force", "partners", "holdings",
              "inc", "corp", "ltd", "llc", "group", "company", "department", "ministry", "agency", "bank",
              "university", "office", "administration", "commission", "council", "association", "institute"}


@dataclass
class _Quote:
    open: int   # offset of the opening mark
    close: int  # offset of the closing mark (or paragraph end when the quotation runs on)
    closed: bool
    continues: bool = False  # a multi-paragraph quotation: this paragraph has no closing mark
    speaker: Optional[str] = None
    role: Optional[str] = None
    cue: Optional[str] = None
    how: str = ""


def find_quotes(seg: Segmented) -> list[_Quote]:
    """Pair quotation marks paragraph by paragraph (linear time: one pass, no backtracking)."""
    text = seg.text
    quotes: list[_Quote] = []
    for ps, pe in seg.paragraphs:
        open_at = None
        for m in _MARKS.finditer(text, ps, pe):
            p, ch = m.start(), m.group()
            if ch in _OPEN:
                open_at = p
            elif ch in _CLOSE:
                if open_at is not None:
                    quotes.append(_Quote(open_at, p, True))
                    open_at = None
            else:  # a straight mark: opens when nothing is open, else closes
                if open_at is None:
                    nxt = text[p + 1:p + 2]
                    if nxt and not nxt.isspace():
                        open_at = p
                else:
                    quotes.append(_Quote(open_at, p, True))
                    open_at = None
        had_doubles = open_at is not None or (quotes and quotes[-1].open >= ps)
        if open_at is not None:
            # runs on: a quotation over several paragraphs keeps only an opening mark on each
            end = pe
            while end > open_at and text[end - 1].isspace():
                end -= 1
            nxt_para = _next_paragraph_start(seg, pe)
            if nxt_para is not None and text[nxt_para:nxt_para + 1] in ("“", '"', "„", "«") and end - open_at > 1:
                quotes.append(_Quote(open_at, end, False, continues=True))
        if not had_doubles and "‘" in text[ps:pe]:
            quotes.extend(_single_quotes(seg, ps, pe))
    return quotes


_SINGLE = re.compile(r"[‘’]")
_BEFORE_OPEN = set(" \t\n([{—–-\"/")
_AFTER_CLOSE = set(" \t\n,.;:!?)]}—–-\"")


def _single_quotes(seg: Segmented, ps: int, pe: int) -> list[_Quote]:
    """British-style quotations in single curly marks (‘...’), in a paragraph with no double marks.

    ‘ opens after a space or bracket; ’ closes before a space or punctuation, except a plural possessive
    ("the investors’ money").  Apostrophes inside words never match either rule.
    """
    text = seg.text
    out: list[_Quote] = []
    open_at = None
    for m in _SINGLE.finditer(text, ps, pe):
        p, ch = m.start(), m.group()
        before = text[p - 1] if p > ps else " "
        after = text[p + 1] if p + 1 < pe else " "
        if ch == "‘" and before in _BEFORE_OPEN and not after.isspace():
            open_at = p
        elif ch == "’" and open_at is not None and after in _AFTER_CLOSE and not before.isspace():
            if before == "s" and after == " " and p + 2 < pe and text[p + 2].islower() \
                    and (text[open_at + 1].isupper() or len(text[open_at:p].split()) >= 4):
                # a short lower-case one is a term, closed here: the ‘greener roads’ plan
                word = re.match(r"[a-z]+", text[p + 2:p + 20])
                if word and word.group() not in SPEECH_CUES and word.group() not in PRONOUNS:
                    continue  # "the investors’ money": a possessive, not a closing mark
            out.append(_Quote(open_at, p, True))
            open_at = None
    if open_at is not None:
        end = pe
        while end > open_at and text[end - 1].isspace():
            end -= 1
        nxt_para = _next_paragraph_start(seg, pe)
        if nxt_para is not None and text[nxt_para:nxt_para + 1] == "‘" and end - open_at > 1:
            out.append(_Quote(open_at, end, False, continues=True))
    return out


def _next_paragraph_start(seg: Segmented, pe: int) -> Optional[int]:
    i = bisect.bisect_right(seg._pstarts, pe)
    if i < len(seg.paragraphs):
        s = seg.paragraphs[i][0]
        while s < len(seg.text) and seg.text[s].isspace():
            s += 1
        return s
    return None


# Capitalised words that stand before a surname without being a first name ("The Smith report", "Mr Smith")
_NOT_FIRST_NAMES = {"the", "a", "an", "mr", "mrs", "ms", "dr", "by", "from", "to", "and", "but", "when", "said",
                    "says", "told", "of", "in", "on", "at", "for", "with", "as", "if", "while", "after", "before"}


# Last words of places, not people: "River Street", "Cameron Parish", "Lake Erie" is caught by its first word
_PLACE_WORDS = {"street", "road", "avenue", "lane", "square", "park", "river", "county", "parish", "city", "valley",
                "island", "islands", "bay", "beach", "heights", "hills", "district", "province", "state", "airport",
                "station", "bridge", "center", "centre", "hall", "plaza", "boulevard", "drive", "way", "port"}


def _is_person_like(name: str) -> bool:
    parts = name.split()
    if len(parts) >= 3 and any(len(p) >= 2 and p.isupper() and "." not in p for p in parts) \
            or any(len(p) >= 4 and p.isupper() for p in parts[:-1]):
        return False  # an acronym ("CF Families Canada", "UNICEF Norway") names an organisation; "JD Vance" does not
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() or p.lower() in _NAME_PARTICLES for p in parts) and \
        not any(p.lower().strip(".") in _ORG_HINTS for p in parts) \
        and parts[-1].lower() not in _PLACE_WORDS


def _cap(t: Token) -> bool:
    return t.kind == "word" and t.text[:1].isupper()


def parse_speaker(toks: list[Token]) -> tuple[Optional[str], Optional[str]]:
    """Name and role from the words that name a speaker.

    "U.S. Secretary of Commerce Jane Roe" -> ("Jane Roe", "U.S. Secretary of Commerce");
    "Jane Roe, head of research at Acme" -> ("Jane Roe", "head of research at Acme"); "Acme" -> ("Acme", None).
    """
    if not toks:
        return None, None
    # split at the first comma: head names, tail describes
    head, tail = toks, []
    for k, t in enumerate(toks):
        if t.text == ",":
            head, tail = toks[:k], toks[k + 1:]
            break
    if tail and head and (head[0].low in ("the", "a", "an", "its", "their", "his", "her")
                          or not _cap(head[-1])):
        run = _cap_run(tail, 0)
        if 2 <= _name_len(run) <= 3 and _is_person_like(_join(run)):
            # “...,” the Ashford manager, Stefan Lindqvist, said: the name follows its description
            rest = tail[len(run):]
            role = _join(head).strip(" ,")
            if rest and rest[0].text == ",":
                more = _join(rest[1:]).strip(" ,.")
                role = f"{role}, {more}" if more else role
            return _join(run), role or None
    head = [t for t in head if not (t.kind == "sym" and t.text not in (".", "-", "&"))]
    words = [t for t in head if t.kind == "word"]
    if not words:
        return None, None
    if len(words) == 1 and words[0].low in PRONOUNS:
        return words[0].low, None
    # the name is the trailing run of capitalised words that are not role words
    k = len(head) - 1
    while k >= 0 and head[k].kind == "sym" and head[k].text == ".":
        k -= 1
    end = k + 1
    name_toks: list[Token] = []
    while k >= 0:
        t = head[k]
        if t.kind == "word" and (_cap(t) or t.low in _NAME_PARTICLES) and t.low not in ROLE_WORDS \
                and not re.search(r"['’]s$", t.text):
            name_toks.insert(0, t)
            k -= 1
            continue
        if t.kind == "sym" and t.text == "." and k >= 1 and len(head[k - 1].text) == 1 and _cap(head[k - 1]):
            k -= 1  # a middle initial "F."
            continue
        if _name_hyphen(head, k) and name_toks:
            name_toks.pop(0)  # "Reyes-Whitfield", "Jean-Paul": one name part, so counted once
            k -= 1
            continue
        break
    if not name_toks:
        return None, None
    first = k + 1
    if len(name_toks) > 2 and first >= 1 and head[first - 1].low in ("of", "for", "at"):
        drop = len(name_toks) - 2
        name_toks = name_toks[drop:]
        first = head.index(name_toks[0])
    if len(name_toks) > 3 and not any(t.low in _ORG_HINTS for t in name_toks):
        name_toks = name_toks[-2:]
        first = head.index(name_toks[0])
        while first >= 2 and _name_hyphen(head, first - 1):
            first -= 2  # keep a hyphenated first part: "Mary-Kate ..."
    if first >= 2 and head[first - 1].low == "and" and _cap(head[first - 2]) \
            and head[first - 2].low not in ROLE_WORDS and first - 2 == 0:
        first -= 2  # "Burton and Nick"
    # "Julia Meinhardt of Bankhaus Rother", "Ian Cole of the University of Leeds": the person comes first
    for m in range(first):
        if head[m].low in ("of", "at", "from", "with") and m >= 2:
            run = _cap_run_before(head, m)
            if run and 2 <= _name_len(run) <= 3 and (
                    (_is_person_like(_join(run)) and head.index(run[0]) == 0)
                    or all(x.low in ROLE_WORDS or x.text == "." for x in head[:head.index(run[0])])):
                r0 = head.index(run[0])
                role = " ".join(x for x in (_join(head[:r0]).strip(" ,"), _join(head[m:]).strip(" ,.")) if x)
                role = ", ".join(x for x in (role, _join(tail).strip(" ,.") if tail else "") if x)
                return _join(run), role or None
            break
    name = _join(head[first:end])
    role_head = _join(head[:first]).strip(" ,")
    if tail and tail[0].kind == "num" and (len(tail) == 1 or tail[1].text == ","):
        tail = tail[2:]  # an age: "Arthur Pell, 78, told ..."
    role_tail = _join(tail).strip(" ,.") if tail else ""
    role = ", ".join(r for r in (role_head, role_tail) if r) or None
    return name, role


def _name_hyphen(toks: list[Token], k: int) -> bool:
    """Is toks[k] a hyphen glued between two capitalised words, inside one name ("Menon-Achterberg")?"""
    return 1 <= k < len(toks) - 1 and toks[k].text in ("-", "‐") and toks[k - 1].end == toks[k].start \
        and toks[k].end == toks[k + 1].start and _cap(toks[k - 1]) and _cap(toks[k + 1])


def _join(toks: list[Token]) -> str:
    out, prev = "", None
    for t in toks:
        if prev is not None and t.start > prev.end:
            out += " "
        out += t.text
        prev = t
    return out


class _People:
    """Named people in order of mention (outside quotation marks), for pronouns and surnames.

    The scan of the text for people runs only when a pronoun or a lone surname first needs resolving.
    """

    def __init__(self, collect=None):
        self._pos: list[int] = []
        self._names: list[str] = []
        self._by_surname: dict[str, str] = {}
        self.sure: set[str] = set()  # names known to be persons: beside a role word, or quoted speakers
        self._collect = collect
        self.fallback = None  # pos -> a name, when no person is on record before pos
        self.subject_before = None  # pos -> (offset, name) of the last person-like name in the sentences before
        self.forward = None  # pos -> the person a later sentence introduces, when nobody is on record before pos
        self.text = ""  # the document, to find the full name of a surname used alone

    def _ready(self) -> None:
        if self._collect is not None:
            collect, self._collect = self._collect, None
            collect(self)

    def add(self, pos: int, name: str, force: bool = False) -> None:
        if name and " " not in name:
            name = self._by_surname.get(name, name)  # "Roe said" after "Jane Roe": the same person
        if name and (force or _is_person_like(name)):
            i = bisect.bisect_right(self._pos, pos)
            self._pos.insert(i, pos)
            self._names.insert(i, name)
            if " " in name:
                self._by_surname[name.split()[-1]] = name

    def last_before(self, pos: int) -> Optional[str]:
        self._ready()
        i = bisect.bisect_left(self._pos, pos) - 1
        if i >= 0:
            # a person named as a sentence's subject after the last one on record is the nearer antecedent:
            # “...,” Whitacre said. ¶ Denise Okafor waited 14 weeks. “It was hard,” she said.
            newer = self.subject_before(pos) if self.subject_before is not None else None
            if newer is not None and newer[0] > self._pos[i] and newer[1] != self._names[i] \
                    and self.full_name(newer[1].split()[-1]) == newer[1]:
                return newer[1]
            return self._names[i]
        return self.fallback(pos) if self.fallback is not None else None

    def surnames(self) -> dict[str, str]:
        """surname -> full name, for every person named in full so far."""
        self._ready()
        return self._by_surname

    def full_name(self, name: str) -> str:
        """A surname alone ("Roe said") becomes the full name mentioned earlier ("Jane Roe")."""
        if " " in name:
            return name
        self._ready()
        if name not in self._by_surname and self.text and name[:1].isupper() and len(name) > 2:
            # a surname whose full name was written without a role or a cue: "analyst Samuel Achterberg ..."
            m = re.search(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) " + re.escape(name) + r"\b", self.text)
            if m and m.group(1).lower() not in ROLE_WORDS and m.group(1).lower() not in _NOT_FIRST_NAMES:
                self._by_surname[name] = f"{m.group(1)} {name}"
        return self._by_surname.get(name, name)


_WORD = re.compile(r"[A-Za-z]+")
_TRIGGER_WORDS = frozenset(ROLE_WORDS | SPEECH_CUES | {"who"})


def _inside_quotes(quotes: list[_Quote]):
    """A test of whether an offset lies inside one of ``quotes`` (sorted by their opening marks)."""
    opens = [q.open for q in quotes]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(opens, pos) - 1
        return k >= 0 and pos <= quotes[k].close

    return inside


def _collect_people(seg: Segmented, quotes: list[_Quote], people: _People) -> None:
    """Record persons named beside a role word ("chief executive Jane Roe", "Jo Bloggs, an analyst") or right
    before a speech verb ("Burton explained"), outside quotation marks.

    Only the words around a role word or a cue are read, so the cost follows those words, not the whole text.
    """
    text = seg.text
    inside = _inside_quotes(quotes)

    seen: set[int] = set()
    starts_of: dict[int, list[int]] = {}
    for hit in _WORD.finditer(text):
        if hit.group().lower() not in _TRIGGER_WORDS or inside(hit.start()):
            continue
        s0, s1 = seg.sentence_at(hit.start())
        if not s0 <= hit.start() < s1:
            continue
        toks = seg.tokens(s0, s1)  # the sentence's tokens, shared with the figures' scan
        starts = starts_of.get(s0)
        if starts is None:
            starts = starts_of[s0] = [t.start for t in toks]
        k = bisect.bisect_left(starts, hit.start())
        if k >= len(toks) or toks[k].start != hit.start():
            continue
        trigger = toks[k]
        if trigger.low == "who":  # "Ted Okafor, who is selling a house, said ...": a person
            if k >= 2 and toks[k - 1].text == ",":
                back = _cap_run_before(toks, k - 1)
                b0 = toks.index(back[0]) if back else 0
                after_prep = b0 >= 1 and toks[b0 - 1].low in ("at", "of", "for", "from", "in", "with", "by", "on")
                if 2 <= _name_len(back) <= 3 and back[0].start not in seen and not inside(back[0].start) \
                        and _is_person_like(_join(back)) and not after_prep:  # not "an analyst at Corder Securities"
                    seen.add(back[0].start)
                    people.add(back[0].start, _join(back))
                    people.sure.add(_join(back))
            continue
        # a run after the role word (optionally after a comma): "analyst Jo Bloggs", "its leader, Priya Natarajan"
        if trigger.low in ROLE_WORDS:
            m = k + 1 + (k + 1 < len(toks) and toks[k + 1].text in (",", "."))  # "analyst, Jo Roe", "Sen. Jo Roe"
            run = _cap_run(toks, m)
            if 2 <= _name_len(run) <= 3 and run[0].start not in seen and not inside(run[0].start):
                seen.add(run[0].start)
                people.add(run[0].start, _join(run))
                people.sure.add(_join(run))
            # a run before ", role": "Jo Bloggs, analyst at ..."
            comma = k - 1 if k >= 1 and toks[k - 1].text == "," else (
                k - 2 if k >= 2 and toks[k - 2].text == "," and toks[k - 1].low in ("the", "a", "an", "its", "their")
                else -1)  # "Jo Bloggs, analyst at ...", "Jo Bloggs, the chief executive"
            if comma >= 1:
                back = _cap_run_before(toks, comma)
                if 2 <= _name_len(back) <= 3 and back[0].start not in seen and not inside(back[0].start):
                    seen.add(back[0].start)
                    people.add(back[0].start, _join(back))
                    people.sure.add(_join(back))
        if trigger.low in SPEECH_CUES and trigger.low != "according" and trigger.text.islower():  # not "Iowa State"
            back = _cap_run_before(toks, k)
            if 1 <= _name_len(back) <= 3 and back[0].low not in _GENERIC_SPEAKERS and back[0].low not in PRONOUNS \
                    and back[0].start not in seen and not inside(back[0].start):
                seen.add(back[0].start)
                people.add(back[0].start, _join(back), force=_name_len(back) == 1)  # "Burton explained ..."


def _name_word(t: Token) -> bool:
    return _cap(t) and t.low not in ROLE_WORDS and t.low not in MONTHS and t.low not in WEEKDAYS \
        and not re.search(r"['’]s$", t.text)


def _name_len(run: list[Token]) -> int:
    """Name parts in a run, a hyphenated part counted once: "Ravi Menon-Achterberg" has two."""
    return sum(t.kind == "word" for t in run) - sum(t.kind == "sym" for t in run)


def _cap_run(toks: list[Token], m: int) -> list[Token]:
    end = m
    while end < len(toks) and (_name_word(toks[end]) or (end > m and _name_hyphen(toks, end))):
        end += 1
    return toks[m:end]


def _cap_run_before(toks: list[Token], k: int) -> list[Token]:
    start = k
    while start > 0 and (_name_word(toks[start - 1]) or (start - 1 < k - 1 and _name_hyphen(toks, start - 1))):
        start -= 1
    return toks[start:k]


def _speaker_from(toks: list[Token], people: _People, pos: int) -> tuple[Optional[str], Optional[str], str]:
    name, role = parse_speaker(toks)
    if name is None or name.lower() in _GENERIC_SPEAKERS:
        return None, None, ""
    if name in PRONOUNS:
        resolved = people.last_before(pos)
        if resolved is None and people.forward is not None:
            resolved = people.forward(pos)
        return (resolved, None, "pronoun") if resolved else (name, None, "unresolved")
    return people.full_name(name), role, "named"


def _after_cue(text: str, seg: Segmented, q: _Quote, pe: int, people: _People, quotes: list[_Quote]):
    """Rule 1: “...,” said X  /  “...,” X said  /  “...,” he added."""
    stop = pe
    m = _MARKS.search(text, q.close + 1, pe)
    if m:
        stop = m.start()
    s_end = seg.sentence_at(q.close + 1)[1]
    if q.close + 1 < s_end < stop:
        stop = s_end
    toks = seg.tokens(q.close + 1, stop)
    if not toks:
        return None
    k = 0
    while k < len(toks) and toks[k].kind == "sym" and toks[k].text in (",", "—", "-", "–"):
        k += 1
    if k >= len(toks):
        return None
    content = text[q.open + 1:q.close].rstrip()
    if content.endswith((".", "!", "?")) and _cap(toks[k]) and toks[k].low not in SPEECH_CUES \
            and toks[k].low not in PRONOUNS:
        return None  # a new sentence starts after the quotation: its words belong to what follows
    if toks[k].low in SPEECH_CUES and toks[k].low not in CHARACTERISING_CUES:
        cue = toks[k].low
        rest = toks[k + 1:]
        # "said Jane Roe, head of X." -- up to the end of the clause
        clause = _until_clause_end(rest)
        name, role, how = _speaker_from(clause, people, q.open)
        if name:
            return name, role, cue, how
        unnamed = _unnamed_speaker(clause, after_cue=True)
        return (unnamed, None, cue, "unnamed") if unnamed else None
    # "X said" / "X, role, said" / "he said" within a few words
    for m2 in range(k, min(len(toks), k + 14)):
        if toks[m2].low in SPEECH_CUES and toks[m2].low not in CHARACTERISING_CUES and m2 > k:
            head = toks[k:m2]
            if any(t.text in (".", "!", "?") and not _is_initial(head, t) for t in head if t.kind == "sym"):
                break
            if head[-1].low in PRONOUNS:
                head = head[-1:]
            if len(head) == 1 and head[0].low == "it":
                org = _organisation_that_spoke(seg, q.open, quotes)
                return (org, None, toks[m2].low, "it") if org else None
            name, role, how = _speaker_from(head, people, q.open)
            if name:
                return name, role, toks[m2].low, how
            unnamed = _unnamed_speaker(head)  # “...,” a spokesperson for the port said.
            return (unnamed, None, toks[m2].low, "unnamed") if unnamed else None
    return None


def _paraphrase_speaker(seg: Segmented, ps: int, people: _People):
    """Rule 5: a paragraph that is one whole quotation, after a paragraph that reports the same person's words
    ("Speaker Martin Greer said he expected a vote on Thursday." / “We have the votes.”)."""
    prev_para = seg.paragraph_at(ps - 1)
    if prev_para == (0, 0) or prev_para[0] >= ps:
        return None
    return _speaker_of_report(seg, *seg.sentence_at(prev_para[1] - 1), people)


def _speaker_of_report(seg: Segmented, s0: int, s1: int, people: _People):
    """Who reports speech in the sentence s0:s1, with no quotation of its own ("Roe said the ruling was wrong.",
    "He said the heat had worried him.", "..., she laughs."): the speaker of a quotation that follows it."""
    if _MARKS.search(seg.text, s0, s1):
        return None  # the sentence quotes someone itself; the usual rules have had their say
    toks = seg.tokens(s0, s1)
    for k, t in enumerate(toks[:30]):
        if t.low in SPEECH_CUES and t.low not in CHARACTERISING_CUES and t.low != "according" and k >= 1:
            head = _subject_tokens(toks[:k])
            if head and head[-1].text == ",":
                head = head[:-1]  # "The Chief Veterinary Officer, Dr Ruth Callander, said:"
            last_comma = max((m for m, x in enumerate(head) if x.text == ","), default=-1)
            if 0 <= last_comma < len(head) - 1:
                head = head[last_comma + 1:]  # "In the House, where ..., Speaker Martin Greer said"
            if not head or not _cap(head[0]):
                return None
            name, role, how = _speaker_from(head, people, s0)
            if name and (how == "pronoun" or how == "named" and (_is_person_like(name) or name in people.sure)):
                return name, role, t.low, "paraphrase"
            return None
    # "Asked whether ..., she laughs." / "..., Roe shrugged.": the paragraph ends on a person doing something
    tail = toks[-4:]
    if len(tail) == 4 and tail[0].text == "," and tail[3].text == "." and tail[2].kind == "word" \
            and tail[2].text.islower() and tail[2].low.endswith(("s", "ed")) and tail[2].low not in _NOT_REACTIONS:
        name, role, how = _speaker_from(tail[1:2], people, s0)
        if name and how == "pronoun":
            return name, role, None, "paraphrase"
    return None


_NOT_REACTIONS = frozenset({"was", "is", "has", "does", "goes", "comes", "needed", "agreed", "disagreed"})


def _next_sentence_speaker(text: str, seg: Segmented, q: _Quote, pe: int, people: _People):
    """Rule 4: a quotation that opens a paragraph and the sentence after it names who said it:
    “We will appeal.” Roe said the ruling was wrong.  /  “...” The warning came from Jane Roe, ..."""
    s0, s1 = seg.sentence_at(q.close + 2)
    if s0 <= q.close or s0 >= pe or _MARKS.search(text, s0, s1):
        return None
    toks = seg.tokens(s0, s1)
    for k, t in enumerate(toks[:14]):
        if t.low == "from" and k >= 1 and toks[k - 1].low == "came":
            rest = toks[k + 1:]
            stop = next((m for m, x in enumerate(rest) if x.text in (",", ";") or x.low in ("who", "which")),
                        len(rest))
            name, role, how = _speaker_from(rest[:stop], people, q.open)
            return (name, role, "came from", how) if name else None
        if t.low in SPEECH_CUES and t.low not in CHARACTERISING_CUES and t.low != "according" and k >= 1:
            head = _subject_tokens(toks[:k])
            if not head or not _cap(head[0]) or head[-1].low in PRONOUNS:
                return None
            name, role, how = _speaker_from(head, people, q.open)
            return (name, role, t.low, how) if name else None
    return None


def _is_initial(toks: list[Token], dot: Token) -> bool:
    for i, t in enumerate(toks):
        if t is dot:
            return i >= 1 and toks[i - 1].kind == "word" and (len(toks[i - 1].text) <= 2 or toks[i - 1].text.isupper()
                                                              or toks[i - 1].low in TITLE_ABBREVIATIONS
                                                              or toks[i - 1].low in ABBREVIATIONS
                                                              or (i >= 3 and toks[i - 2].text == "-"
                                                                  and len(toks[i - 3].text) == 1))  # "D-Ore."
    return False


def _until_clause_end(toks: list[Token]) -> list[Token]:
    """Words naming a speaker after a cue, up to where the clause turns to something else."""
    out = []
    commas = 0
    for t in toks:
        if t.text in (";", "!", "?", "“", "”", '"', "(", ")"):
            break
        if t.text == "." and out and not (len(out[-1].text) <= 2 or out[-1].text.isupper()
                                          or out[-1].low in TITLE_ABBREVIATIONS):
            break
        if t.text == ",":
            commas += 1
            if commas > 1 and not (out and out[-1].low in ROLE_WORDS):
                break
        if t.kind == "word" and t.low in ("in", "on", "during", "at", "told", "when", "while", "who") and out \
                and commas == 0 and any(_cap(x) for x in out):
            break
        out.append(t)
    return out


def _intro_before(text: str, seg: Segmented, q: _Quote, ps: int, people: _People, prev_close: int):
    """Rule 2: Jane Roe, head of X: “...”  /  Acme said in a statement: “...”  /  Roe said, “...”."""
    start = max(ps, prev_close)
    before = text[start:q.open].rstrip()
    if not before.endswith((":", ",")):
        return None
    toks = seg.tokens(start, start + len(before) - 1)
    # the clause that introduces the quote
    s0 = seg.sentence_at(q.open)[0]
    toks = [t for t in toks if t.start >= s0]
    if not toks:
        return None
    cue_idx = None
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].low in SPEECH_CUES and toks[k].low not in CHARACTERISING_CUES:
            cue_idx = k
            break
    if cue_idx is not None:
        if toks[cue_idx].low == "according" and cue_idx + 1 < len(toks) and toks[cue_idx + 1].low == "to":
            name, role, how = _speaker_from(toks[cue_idx + 2:], people, q.open)
            if name:
                return name, role, "according to", how
            unnamed = _unnamed_speaker(toks[cue_idx + 2:], after_cue=True)  # "according to the ministry, “...”"
            return (unnamed, None, "according to", "unnamed") if unnamed else None
        head = _subject_tokens(toks[:cue_idx])
        if head and head[-1].low in PRONOUNS:
            head = head[-1:]
        name, role, how = _speaker_from(head, people, q.open)
        if name:
            return name, role, toks[cue_idx].low, how
        return None
    if before.endswith(":") and len(toks) <= 16 and _cap(toks[0]):
        name, role, how = _speaker_from(toks, people, q.open)
        if name:
            return name, role, "colon", how
        # a short clause with its subject first: "He went on:", "Marsh was blunt:", "She put it simply:"
        lead = toks[:1] if toks[0].low in PRONOUNS else _cap_run(toks, 0)
        rest = toks[len(lead):]
        if lead and 1 <= len(rest) <= 5 and all(t.kind == "word" and t.text.islower() for t in rest):
            name, role, how = _speaker_from(lead, people, q.open)
            if name:
                return name, role, "colon", how
    return None


def _subject_tokens(toks: list[Token]) -> list[Token]:
    """The words naming who speaks, right before a cue verb: the last clause before it."""
    k = len(toks)
    while k > 0 and toks[k - 1].kind == "word" and toks[k - 1].low in ("also", "then", "later", "has", "had",
                                                                        "have", "was", "is", "once", "previously",
                                                                        "recently", "has", "further"):
        k -= 1
    toks = toks[:k]
    # a trailing ", role," belongs to the name before it: keep from the last clause break before the name
    start = 0
    for i, t in enumerate(toks):
        if t.text in (";", "—", "–", ":") or (t.text == "," and i + 1 < len(toks) and toks[i + 1].low in (
                "and", "but", "while", "as", "so")):
            start = i + 1
    return toks[start:]


def _cue_in_sentence(text: str, seg: Segmented, q: _Quote, people: _People):
    """Rule 3: a cue earlier in the quote's sentence: X called it “...”; X says it remains a “...”."""
    s0 = seg.sentence_at(q.open)[0]
    toks = seg.tokens(s0, q.open)
    # do not read inside earlier quotations of the same sentence
    clean = []
    depth = False
    for t in toks:
        if t.text in ("“", '"', "”"):
            depth = not depth if t.text == '"' else (t.text == "“")
            continue
        if not depth:
            clean.append(t)
    toks = _drop_parentheses(_drop_relative_clauses(clean))
    for k in range(len(toks) - 2):
        if toks[k].low == "according" and toks[k + 1].low == "to":  # "According to Harold Fenn, the plan “...”"
            stop = next((m for m in range(k + 2, len(toks)) if toks[m].text in (",", ";")), len(toks))
            name, role, how = _speaker_from(toks[k + 2:stop], people, q.open)
            if name:
                return name, role, "according to", how
    for k in range(len(toks) - 1, -1, -1):
        w = toks[k].low
        if w in SPEECH_CUES and w != "according":
            if k >= 1 and toks[k - 1].low in ("a", "an", "the", "its", "his", "her", "their"):
                continue  # a noun, not the verb: "said in a note that"
            if w == "put" and not (k + 1 < len(toks) and toks[k + 1].low == "it"):
                continue
            if w == "pointed" and not (k + 1 < len(toks) and toks[k + 1].low == "out"):
                continue
            head = toks[:k]
            # pronoun right before the cue: "he added"
            if head and head[-1].low in PRONOUNS:
                resolved = people.last_before(q.open) or (people.forward(q.open) if people.forward else None)
                return (resolved, None, w, "pronoun") if resolved else (head[-1].low, None, w, "unresolved")
            # the subject right before the cue, after the last comma: "..., the airline said in a statement"
            commas = [m for m, t in enumerate(head) if t.text in (",", ";")]
            if commas and commas[-1] == len(head) - 1:  # "..., the airline said in a statement, adding that"
                commas, head = commas[:-1], head[:-1]
            if commas:
                # "Brian Toll, an analyst at Crestmark, said ...", "Sen. Dale Whitford, R-Prescott, the committee's
                # chairman, said ...": the person before the descriptions speaks
                appositive = _appositive_speaker(head, commas)
                if appositive:
                    return appositive[0], appositive[1], w, "named"
                near = head[commas[-1] + 1:]
                # the clause is "the railway said ...": its subject is the speaker, whatever the noun
                verb = next((m for m, t in enumerate(near) if t.low in SPEECH_CUES), None)
                unnamed = _unnamed_speaker(near, subject_of_cue=verb is not None and verb <= 3)
                name, role, how = _speaker_from(_nearest_party(near), people, q.open)
                if name:
                    return name, role, w, how
                if unnamed:
                    return unnamed, None, w, "unnamed"
            lead = [t for t in head if t.kind == "word"][:2]
            if len(lead) == 2 and lead[0].low in _UNNAMED_START and lead[1].low in _SPEAKER_NOUNS:
                unnamed = _unnamed_speaker(head)  # "A spokesperson for the Hamburg data protection authority"
                if unnamed:
                    return unnamed, None, w, "unnamed"
            name, role, how = _speaker_from(_nearest_party(head), people, q.open)
            if name:
                return name, role, w, how
            unnamed = _unnamed_speaker(head)
            return (unnamed, None, w, "unnamed") if unnamed else None
    return None


_UNNAMED_START = {"a", "an", "one", "the", "another", "two", "several", "some"}
_SPEAKER_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "source", "sources",
                  "person", "people", "executive", "aide", "adviser", "advisor", "analyst", "diplomat",
                  "representative", "statement", "insider", "employee", "manager", "director", "lawyer",
                  "board", "court", "judge", "committee", "panel", "commission", "police", "prosecutors",
                  "investigators", "directors", "shareholders", "union", "unions"} | ORG_NOUNS


_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "another",
                "so-called", "any", "no", "some", "every", "of"}


def _after_determiner(seg: Segmented, q: _Quote) -> bool:
    """Does the quotation follow a determiner or a year ("a repeat of the 2022 “crypto winter”"), so that it is a
    noun used as a term, rather than a verb's words ("it was “cooperating fully”")?"""
    s0 = seg.sentence_at(q.open)[0]
    toks = seg.tokens(s0, q.open)
    if not toks:
        return False
    t = toks[-1]
    return t.low in _DETERMINERS or (t.kind == "num" and len(t.text) == 4) or t.text.endswith(("'s", "’s"))


def _is_nickname(text: str, q: _Quote) -> bool:
    """Jared “Moonboy” Kessler: a quoted word between a first name and a surname."""
    before, after = text[max(0, q.open - 30):q.open], text[q.close + 1:q.close + 31]
    return bool(re.search(r"\b[A-Z][a-z]+\s$", before) and re.match(r"\s[A-Z][a-z]+\b", after))


def _appositive_speaker(head: list[Token], commas: list[int]) -> Optional[tuple[str, Optional[str]]]:
    """A person followed only by descriptions set off by commas, right before the cue: (name, role)."""
    bounds = [-1] + commas + [len(head)]
    segments = [head[bounds[k] + 1:bounds[k + 1]] for k in range(len(bounds) - 1)]
    for k, seg_toks in enumerate(segments[:-1]):
        name, role = parse_speaker(seg_toks)
        if not name or not _is_person_like(name):
            continue
        rest = [x for x in segments[k + 1:] if x]
        if rest and all(_is_description(x) for x in rest):
            described = ", ".join(_join(x) for x in rest)
            return name, ", ".join(r for r in (role, described) if r) or None
        return None
    return None


def _is_description(toks: list[Token]) -> bool:
    """"an analyst at Crestmark", "the committee's chairman", "one of two Republicans", "R-Prescott", "78"."""
    first = toks[0]
    if first.low in ("a", "an", "the", "its", "his", "her", "their", "one", "who", "whose", "which", "now",
                     "then", "formerly", "also") or first.low in ROLE_WORDS or first.kind == "num":
        return not any(x.low in SPEECH_CUES and x.low not in ("according",) for x in toks)
    return len(toks) <= 4 and any(x.text == "-" for x in toks) and len(first.text) == 1  # "R-Prescott", "D-Ore."


def _drop_relative_clauses(toks: list[Token]) -> list[Token]:
    """The tokens less ", who heads the group at Kellingford University," and ", which is based in Ohio,": a name
    inside such a clause is not the subject of the verb after it."""
    out, k = [], 0
    while k < len(toks):
        if toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].low in ("who", "which", "whose"):
            end = next((m for m in range(k + 2, len(toks)) if toks[m].text == ","), None)
            if end is not None:
                k = end + 1
                continue
        out.append(toks[k])
        k += 1
    return out


def _drop_parentheses(toks: list[Token]) -> list[Token]:
    """The tokens less any "(Lab, Ashcombe North)" or "(D-Ore.)": a party and a ward after a name are not who
    spoke."""
    if not any(t.text == "(" for t in toks):
        return toks
    out, depth = [], 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out if not depth else toks


def _speaker_like(word: str) -> bool:
    """Could this noun name who spoke: a spokesman, an official, a trader, a resident, the ministry?"""
    return word in _SPEAKER_NOUNS or word in ROLE_WORDS or word in ORG_NOUNS or word.endswith(
        ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "people", "ers", "ors", "ists",
         "ians", "ants", "ents", "men", "women", "employee", "employees", "trustee", "trustees"))


def _unnamed_speaker(toks: list[Token], after_cue: bool = False, subject_of_cue: bool = False) -> Optional[str]:
    """A speaker described but not named: "a spokesperson for the ministry", "one senior official"."""
    words = []
    for t in toks:
        if t.text in (",", ";", ".", ":") or t.low in ("who", "which", "that", "in", "on", "at", "told", "said"):
            break
        words.append(t)
    if not words or words[0].low not in _UNNAMED_START or len(words) > 8:
        return None
    if after_cue and not any(_speaker_like(t.low) for t in words[1:3]):
        return None  # 'said the cuts fell hardest': the words after "said" are what was said, not who
    if not after_cue and not subject_of_cue and not any(t.low in _SPEAKER_NOUNS or t.low in _PERSON_ROLES
                                                          for t in words):
        return None  # before a cue the subject must read as a speaker ("a spokesperson", "the agency")
    return _join(words[1:] if words[0].low == "the" else words).lower() if words[0].low == "the" \
        else _join(words)[0].lower() + _join(words)[1:]


_GROUP_NOUNS = {"group", "groups", "party", "caucus", "faction", "bloc", "wing", "delegation", "benches", "camp",
                "councillors", "lawmakers", "members", "voters", "supporters"}


def _nearest_party(toks: list[Token]) -> list[Token]:
    """The last run of capitalised words (with the role words before it) in ``toks``."""
    k = len(toks) - 1
    while k >= 0 and not (_cap(toks[k]) and not re.search(r"['’]s$", toks[k].text)
                          and toks[k].low not in ("i", "it")):
        k -= 1
    if k < 0:
        return []
    end = k + 1
    while k >= 0 and (_cap(toks[k]) or toks[k].low in ROLE_WORDS or toks[k].low in _NAME_PARTICLES
                      or (toks[k].text == "." and k >= 1 and _cap(toks[k - 1]))
                      or (toks[k].low == "of" and k >= 1 and _cap(toks[k - 1]))):
        k -= 1
    run = toks[k + 1:end]
    if end < len(toks) and toks[end].low in _GROUP_NOUNS:
        return []  # "the leader of the Liberal Democrat group": the name describes the group, it does not speak
    # a sentence-initial word such as "As" or "The" is not part of a name
    while run and run[0].low in ("as", "the", "a", "an", "with", "for", "but", "and", "when", "while", "in",
                                 "after", "like", "under", "of"):
        run = run[1:]
    return run


def _person_named_before(seg: Segmented, pos: int, quotes: list[_Quote], back: int = 6,
                         surnames: Optional[dict[str, str]] = None) -> Optional[tuple[int, str]]:
    """(offset, name) of the last name that reads as a person's ("Priya Anand, the union's negotiator, left ...") in
    the ``back`` sentences before ``pos``, outside quotation marks: for a pronoun when no role word or cue named
    anyone, or named someone before this person."""
    from .context import party_runs

    quoted = _inside_quotes(quotes)

    idx = seg.sentence_index(pos)
    for i in range(idx, max(-1, idx - back), -1):
        s0, s1 = seg.sentences[i]
        toks = [t for t in seg.tokens(s0, min(s1, pos)) if not quoted(t.start)]
        for a, b, name in reversed(party_runs(toks, 0, len(toks))):
            if not _is_person_like(name):
                # a surname alone, of a person named in full earlier ("Leask is not sentimental about it.")
                if not (surnames and name in surnames and a == 0):
                    continue
                name = surnames[name]
            if not (a >= 1 and toks[a - 1].low in _NOT_BEFORE_A_PERSON):
                return toks[a].start, name
    return None


# Words before a name that make it a place or a thing, not a person: "in Lindskog", "led the Social Alliance",
# "watched every Carnford Marathon"
_NOT_BEFORE_A_PERSON = frozenset({"in", "at", "from", "of", "on", "to", "near", "into", "across", "the", "a", "an",
                                  "every", "each", "this", "its", "their", "his", "her", "our"})


def _person_named_after(seg: Segmented, pos: int, quotes: list[_Quote], ahead: int = 8,
                        with_cue: bool = False) -> Optional[str]:
    """The first person-like name that opens a sentence (as its subject) in the ``ahead`` sentences after ``pos``,
    outside quotation marks: a feature that quotes "the harbourmaster" first and names her later ("Morag Leask, 57,
    became harbourmaster in 2004"). Only for a pronoun that nobody named before can explain."""
    from .context import party_runs

    quoted = _inside_quotes(quotes)
    idx = seg.sentence_index(pos)
    for i in range(idx + 1, min(len(seg.sentences), idx + 1 + ahead)):
        s0, s1 = seg.sentences[i]
        toks = [t for t in seg.tokens(s0, s1) if not quoted(t.start)]
        if not toks or quoted(s0) or toks[0].start != seg.tokens(s0, s1)[0].start:
            continue
        runs = party_runs(toks, 0, min(len(toks), 6))
        lead = 0
        while lead < len(toks) and (toks[lead].low in _TITLES or toks[lead].text == "."):
            lead += 1  # "Cllr", "Recorder", "Dr." before the name
        cue = any(t.low in SPEECH_CUES or t.low in CHARACTERISING_CUES for t in toks)
        if runs and runs[0][0] <= lead and with_cue != cue:
            # named later for a role: the next sentence must say they spoke; for a pronoun: a sentence where
            # someone speaks or calls something names another voice ("John Smith ... called the claim absurd")
            return None
        if runs and runs[0][0] <= lead:
            words = runs[0][2].split()
            while len(words) > 2 and words[0].lower().strip(".") in _TITLES:
                words = words[1:]  # "Recorder Alison Whitlow", "Cllr Fiona Marchetti"
            if _is_person_like(" ".join(words)):
                return " ".join(words)
        if with_cue:
            return None
    return None


_TITLES = ROLE_WORDS | {"recorder", "magistrate", "coroner"}
_PERSON_ROLES = ROLE_WORDS - {"group", "global", "national", "board", "member", "senior", "associate", "lead",
                              "managing", "under", "vice", "prime", "general"}


def _same_role(role: str, seg: Segmented, pos: int) -> bool:
    """Does the sentence after ``pos`` show it names the holder of ``role``: a word of the role in it ("the
    federation's general secretary" / "..., who has led the federation"), an office title before the name, or a
    who-clause after it? A spokesperson is rarely named in the next breath, so never."""
    words = {w.strip("'’s") for w in role.lower().split()} - {"the", "of", "a", "an", "and"}
    if words & {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials", "source"}:
        return False
    idx = seg.sentence_index(pos)
    if idx + 1 >= len(seg.sentences):
        return False
    s0, s1 = seg.sentences[idx + 1]
    sentence = seg.text[s0:s1]
    said = {re.sub(r"['’]s$", "", w) for w in re.findall(r"[a-z’']+", sentence.lower())}
    # or the sentence introduces the person as an office holder: a judicial or council title before the name
    # ("Recorder Alison Whitlow told"), or a who-clause after it ("Halla Brenner, who has led the party since 2016")
    return bool(words & said) or bool(_OFFICE_INTRO.match(sentence))


_OFFICE_INTRO = re.compile(r"\s*(?:(?:Recorder|Judge|Justice|Cllr|Councillor|Coroner|Magistrate)\.? [A-Z]"
                           r"|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}, who )")


def _definite_role(unnamed: str) -> bool:
    """ "judge", "leader of the green group", "federation's general secretary": a role held by one person, written
    with "the" (not "a spokesman"), whom the next sentence may name."""
    words = unnamed.split()
    return bool(words) and words[0] not in _UNNAMED_START and any(w in _PERSON_ROLES for w in words[:4])


def _named_with(text: str, pos: int, noun: str) -> Optional[str]:
    """The last name before ``pos`` that ends with ``noun`` capitalised: "the union" -> "Aerospace Workers Union",
    "the ministry" -> "Ministry of Finance" is not taken (the noun must end the name)."""
    if noun in ("company", "firm", "group", "business", "startup"):
        return None  # too general to be part of a name: "Group" names the parent, not "the company"
    found = None
    for m in re.finditer(r"((?:[A-Z][\w&'’.-]*\s+){1,5})" + noun.capitalize() + r"\b", text[:pos]):
        words = m.group(1).split()
        while words and words[0].lower() in ("the", "a", "an", "and", "but", "said", "of", "at"):
            words = words[1:]
        if words:
            found = " ".join(words + [noun.capitalize()])
    return found


def _organisation_that_spoke(seg: Segmented, pos: int, quotes: list[_Quote], back: int = 4) -> Optional[str]:
    """The name last given a speech verb before ``pos`` ("..., the Rivers Authority said in a statement."), outside
    quotation marks: who a quotation that "it said" belongs to."""
    from .context import named_runs

    quoted = _inside_quotes(quotes)
    idx = seg.sentence_index(pos)
    for i in range(idx, max(-1, idx - back), -1):
        s0, s1 = seg.sentences[i]
        toks = [t for t in seg.tokens(s0, min(s1, pos)) if not quoted(t.start)]
        for a, b, name in reversed(named_runs(toks, seg, 0, len(toks))):
            if b < len(toks) and toks[b].low in SPEECH_CUES and toks[b].low not in CHARACTERISING_CUES:
                return name  # the nearest voice: a person in between would be "he" or "she", not "it"
    return None


def _last_organisation(seg: Segmented, pos: int, people: _People, quotes: list[_Quote],
                       back: int = 12) -> Optional[str]:
    """The organisation named last before ``pos`` as a sentence's subject ("Halden Foods said on Monday ..."),
    looking back at most ``back`` sentences; persons, and text inside quotation marks, do not count."""
    from .context import named_runs

    people._ready()
    persons = people.sure
    quoted = _inside_quotes(quotes)

    idx = seg.sentence_index(pos)
    found: list[str] = []  # organisations in subject position, nearest first
    for i in range(idx, max(-1, idx - back), -1):
        s0, s1 = seg.sentences[i]
        toks = seg.tokens(s0, min(s1, pos) if i == idx else s1)
        clean = [t for t in toks if not quoted(t.start)]
        if not clean or clean[0].start != toks[0].start:
            continue  # the sentence opens with a quotation: its subject is a speaker, not an organisation
        for a, b, name in named_runs(clean, seg, 0, min(len(clean), 4)):
            if a > 1 or (a == 1 and clean[0].low != "the") or name in persons or name.lower() in PRONOUNS \
                    or people.full_name(name) in persons:
                continue
            if b - a == 1 and not seg.named_mid_sentence(name) and not any(c.isupper() for c in name[1:]):
                continue  # one capitalised word opening a sentence ("Tickets will cost more"): not shown a name
            if name not in found:
                found.append(name)
            break
    if not found:
        return None
    # "the club" is more often the story's own organisation than the one named last: the organisation the story
    # opens with wins, then the most mentioned ("Ashford" counts for "Ashford United"), then the nearest
    lede = named_runs(seg.tokens(*seg.sentences[0]), seg) if seg.sentences else []
    if lede and lede[0][0] <= 1:
        first_word = lede[0][2].split()[0]
        for name in found:
            if name.split()[0] == first_word:
                return name
    counts = {name: seg.text.count(name.split()[0]) for name in found}
    return max(found, key=lambda name: (counts[name], -found.index(name)))


def _word_count(s: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", s))


def _is_modifier_use(text: str, q: _Quote) -> bool:
    """A quoted term used as a modifier: the “frontier” lab, a “bring any model” platform."""
    if text[q.open + 1:q.close].rstrip()[-1:] in (",", ".", "!", "?", ";", ":"):
        return False
    m = re.match(r"\s*([A-Za-z]+)", text[q.close + 1:q.close + 40])
    if not m or text[q.close + 1:q.close + 2] not in (" ",):
        return False
    word = m.group(1)
    before = re.search(r"([A-Za-z]+)\W*$", text[max(0, q.open - 20):q.open])
    if before and before.group(1).lower() in _VERB_BEFORE:
        return False  # 'the Fed would “look through” swings': the quoted words are a verb phrase someone used
    return word.islower() and word not in _FUNCTION_AFTER


_VERB_BEFORE = {"would", "will", "could", "should", "can", "may", "might", "must", "to", "not", "cannot"}
# Nouns that introduce the title of a work: its “Roads Ahead,” report is named, not quoted
_WORK_NOUNS = {"report", "study", "book", "film", "documentary", "album", "song", "series", "titled", "entitled",
               "paper", "survey", "programme", "program", "campaign", "plan", "strategy", "initiative", "show",
               "novel", "memoir", "podcast", "play", "exhibition", "policy", "review", "article", "column", "bill",
               "act", "law", "motto", "slogan", "banner", "sign", "signs", "placards", "hashtag", "called", "named",
               # and nouns that introduce a name: residents formed a group, “Save the Meadow”
               "group", "association", "alliance", "coalition", "society", "movement", "club", "charity", "network",
               "project", "scheme", "brand", "label", "nickname", "dubbed", "christened"}


def _names_a_work(text: str, q: _Quote, content: str) -> bool:
    """“Nowhere Safe,” after "its latest report,": a title in capitals right after a noun that names a work."""
    if not _is_title(content.rstrip(" ,.;:")):
        return False
    before = re.search(r"([A-Za-z]+)[\s,:]*$", text[max(0, q.open - 30):q.open])
    return bool(before and before.group(1).lower() in _WORK_NOUNS)


def _full_sentence(content: str) -> bool:
    """A quoted whole sentence ("I absolutely do."), not a phrase lifted into the reporter's sentence."""
    return content[:1].isupper() and content.rstrip().endswith((".", "!", "?"))


def _is_title(content: str) -> bool:
    words = re.findall(r"[^\W_]+", content)
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("of", "the", "a", "and", "in", "on", "for",
                                                                      "to", "an") for w in words) \
        and not content.rstrip().endswith((".", ",", "!", "?"))


def extract_quotes(seg: Segmented, source_id: str) -> list[Claim]:
    """Quote claims with their speakers; unattributed short quotes (scare quotes, titles) are dropped."""
    text = seg.text
    quotes = find_quotes(seg)
    people = _People(collect=lambda p: _collect_people(seg, quotes, p))
    people.fallback = lambda pos: (_person_named_before(seg, pos, quotes) or (0, None))[1]
    people.subject_before = lambda pos: _person_named_before(seg, pos, quotes, back=3, surnames=people.surnames())
    people.forward = lambda pos: _person_named_after(seg, pos, quotes)
    people.text = text
    claims: list[Claim] = []
    runons: list[tuple[int, int]] = []  # (index into quotes, index of claim) for run-on quotes
    prev_by_para: dict[int, _Quote] = {}
    last_speaker_in: dict[tuple[int, int], tuple] = {}  # paragraph -> (speaker, role, cue) of its last quotation
    last_runon: Optional[_Quote] = None
    for qi, q in enumerate(quotes):
        if seg.is_boilerplate(q.open):
            continue
        ps, pe = seg.paragraph_at(q.open)
        content = text[q.open + 1:q.close].strip()
        if not content:
            continue
        words = _word_count(content)
        prev = prev_by_para.get(ps)
        modifier = _is_modifier_use(text, q) or (words <= 2 and _is_nickname(text, q)) \
            or _names_a_work(text, q, content)
        found = None
        if not modifier:
            found = _after_cue(text, seg, q, pe, people, quotes)
            if found is None:
                found = _intro_before(text, seg, q, ps, people, prev.close + 1 if prev else ps)
            if found is None and not _is_title(content):
                found = _cue_in_sentence(text, seg, q, people)
                if found is not None and words <= 2 and found[2] not in CHARACTERISING_CUES \
                        and not content.endswith((",", ".", "!", "?")) and _after_determiner(seg, q):
                    found = None  # 'she did not expect another “crypto winter”, when ...': a term, not words said
            if found is None and text[ps:q.open].strip() == "" and _full_sentence(content):
                found = _next_sentence_speaker(text, seg, q, pe, people)
            if found is None and text[ps:q.open].strip() == "" and text[q.close + 1:pe].strip(" .") == "" \
                    and _full_sentence(content) and last_runon is None and ps > 0:
                found = _paraphrase_speaker(seg, ps, people)
                before = seg.paragraph_at(ps - 1)
                if found is None and before in last_speaker_in:
                    # “...,” the chief executive said: "...". ¶ “We will not waste a penny of it.”
                    found = (*last_speaker_in[before], "previous paragraph")
            if found is None and text[ps:q.open].strip() != "" and _full_sentence(content):
                s0, _ = seg.sentence_at(q.open)
                if text[s0:q.open].strip() == "" and s0 > ps:
                    # "He said the heat had worried him. “At 30 kilometres my legs were telling me to stop.”"
                    found = _speaker_of_report(seg, *seg.sentence_at(s0 - 1), people)
        reasons = []
        how = None
        if found and found[3] == "unnamed" and found[0] in ORG_NOUNS:
            # “...,” the union said: an organisation named "... Union" before, else the story's organisation
            org = _named_with(text, q.open, found[0]) or _last_organisation(seg, q.open, people, quotes)
            if org:
                found = (org, None, found[2], "organisation")
        if found and found[3] == "unnamed" and _definite_role(found[0]):
            later = _person_named_after(seg, q.close, quotes, ahead=1, with_cue=True)
            if later and _same_role(found[0], seg, q.close):
                found = (later, found[0], found[2], "named later")  # "the judge said ... Recorder Ann Roe told"
        if found:
            q.speaker, q.role, q.cue, how = found
            if how in _HOW_REASONS:
                reasons.append(_HOW_REASONS[how])
        elif not modifier and (words > 3 or _full_sentence(content)) and prev is not None and prev.speaker:
            q.speaker, q.role, q.cue = prev.speaker, None, prev.cue
            reasons.append("continues a quotation attributed in the same paragraph")
        elif not modifier and words > 3 and last_runon is not None and last_runon.speaker \
                and text[ps:q.open].strip() == "":
            q.speaker, q.cue = last_runon.speaker, last_runon.cue
            reasons.append("continues a quotation from the previous paragraph")
        if q.speaker:
            last_speaker_in[(ps, pe)] = (q.speaker, q.role, q.cue)
            people.add(q.open, q.speaker)
            if how in ("named", "pronoun"):
                people.sure.add(q.speaker)
            # a later quote in the paragraph attributed after it gives this one its speaker too
        term = not q.speaker and (modifier or words <= 3 or _is_title(content))
        if not term or prev is None:
            prev_by_para[ps] = q  # a scare quote ('a “sell” rating') does not break a speaker's run of quotes
        last_runon = q if q.continues else (last_runon if text[ps:q.open].strip() == "" and q.speaker is None
                                             else None)
        if q.continues:
            last_runon = q
        if not q.speaker and q.continues:
            nxt = quotes[qi + 1] if qi + 1 < len(quotes) else None
            if nxt is not None and _next_paragraph_start(seg, pe) == nxt.open:
                runons.append((qi, len(claims)))  # its speaker may be named at the end of the quotation
        if not q.speaker:
            if modifier or words <= 3 or _is_title(content):
                continue  # scare quote, quoted name or term: not a claim
        elif words <= 2 and (q.cue in (None, "colon") or modifier):
            continue
        if q.speaker and _is_title(content) and words <= 3 and q.cue not in SPEECH_CUES:
            continue
        end = q.close + 1 if q.closed else q.close
        span = text[q.open:end]
        confidence, why = _confidence(q, words, reasons)
        claims.append(Claim(
            id=claim_id(source_id, "quote", q.open, end, span), source_id=source_id, kind="quote", text=span,
            start=q.open, end=end, sentence=text[slice(*seg.sentence_at(q.open))],
            sentence_start=seg.sentence_at(q.open)[0], quote=content, speaker=q.speaker, speaker_role=q.role,
            cue=q.cue, rule=f"quote:{q.how or _rule_name(reasons, q)}", confidence=confidence,
            confidence_reasons=why,
        ))
    _backfill_split_quotes(claims, text)
    # a quotation over several paragraphs: earlier paragraphs take the speaker named at its end
    for qi, ci in reversed(runons):
        nxt = quotes[qi + 1]
        if ci < len(claims) and claims[ci].speaker is None and nxt.speaker:
            claims[ci].speaker, claims[ci].cue = nxt.speaker, nxt.cue
            claims[ci].rule = "quote:continuation"
            claims[ci].confidence = 0.8
            claims[ci].confidence_reasons = [f"speaker by {nxt.cue}", "quotation runs over several paragraphs"]
    return claims


# How a speaker was found, as the reason a claim's confidence lists (a name after a cue needs none)
_HOW_REASONS = {
    "organisation": "speaker resolved from 'the company'",
    "it": "speaker resolved from 'it'",
    "named later": "speaker named in the next sentence",
    "previous paragraph": "continues the speaker of the paragraph before",
    "pronoun": "speaker resolved from pronoun",
    "unnamed": "unnamed speaker",
    "paraphrase": "speaker named in the paragraph before",
    "unresolved": "pronoun not resolved to a name",
}


def _rule_name(reasons: list[str], q: _Quote) -> str:
    if not q.speaker:
        return "unattributed"
    if reasons and "continues" in reasons[0]:
        return "continuation"
    if q.cue == "colon":
        return "colon_intro"
    return "cue"


def _backfill_split_quotes(claims: list[Claim], text: str) -> None:
    """“First part,” said X. “Second part” -- and the reverse: an unattributed quote followed in its paragraph
    by one attributed to X, with nothing but the quote between, takes X."""
    for a, b in zip(claims, claims[1:]):
        if a.speaker is None and b.speaker and "\n" not in text[a.end:b.start] and len(text[a.end:b.start]) < 4:
            a.speaker, a.cue = b.speaker, b.cue


def _confidence(q: _Quote, words: int, reasons: list[str]) -> tuple[float, list[str]]:
    why = []
    if not q.speaker:
        return 0.3, ["no speaker found"]
    score = 0.9
    why.append(f"speaker by {q.cue or 'context'}")
    if reasons:
        score -= 0.1
        why += reasons
    if q.speaker and not _is_person_like(q.speaker):
        why.append("organisation as speaker")
    if words <= 3:
        score -= 0.1
        why.append("short partial quote")
    return round(score, 2), why
