"""tokenize counts offsets from lengths; they must be the offsets _TOKEN.finditer gives, whatever the spacing."""

import random

from factcheck.tokens import _TOKEN, tokenize


def _by_finditer(text, start, end):
    kinds = (None, "num", "word", "sym")
    return [(m.group(), m.start(), m.end(), kinds[m.lastindex], m.group().lower())
            for m in _TOKEN.finditer(text, start, end)]


def _fields(toks):
    return [(t.text, t.start, t.end, t.kind, t.low) for t in toks]


def test_offsets_of_a_sentence():
    text = "  Acme’s 10 000 staff earned $1,234.5m\u00a0(up 4%).\n\n"
    toks = tokenize(text, 0, len(text))
    assert [(t.text, text[t.start:t.end]) for t in toks][:3] == [("Acme’s", "Acme’s"), ("10 000", "10 000"),
                                                                   ("staff", "staff")]
    assert _fields(toks) == _by_finditer(text, 0, len(text))


def test_tokenize_agrees_with_finditer_on_random_text():
    r = random.Random(3)
    pieces = ["10 000", "1,234", "12,34,567", "3.5", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "a", "Orvex’s",
              "don't", "$", "€", ",", ".", "-", "é", "_", "5", "000", "1 2", "x1", "İ", "\u200b"]
    for _ in range(5000):
        text = "".join(r.choice(pieces) for _ in range(r.randint(0, 12)))
        start, end = r.randint(-2, len(text) + 2), r.randint(-2, len(text) + 2)
        assert _fields(tokenize(text, start, end)) == _by_finditer(text, start, end), (text, start, end)
