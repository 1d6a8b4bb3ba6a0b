"""The document's word look-ups answer as the regexes that define them: named_mid_sentence as a capitalised word
after a lower-case word (_MIDCAP), written_lower as a whole lower-case word (_LOWER_WORD)."""

import random

from factcheck.segment import _LOWER_WORD, _MIDCAP, Segmented, segment


def test_lookups_on_a_story():
    seg = segment("Revenue rose 4%. The board met Revenue Canada, and revenue fell. Shares slid.\nshares_x up.")
    assert seg.named_mid_sentence("Revenue")  # after "met "
    assert not seg.named_mid_sentence("Shares")  # only after a full stop
    assert seg.written_lower("revenue")
    assert not seg.written_lower("shares")  # only inside "shares_x"
    assert not seg.written_lower("Revenue") and not seg.named_mid_sentence("revenue")


def test_lookups_agree_with_the_regexes_on_random_text():
    r = random.Random(7)
    pieces = list("abcsABS ,;:_1éÉ’'.\n") + ["ab", "Ab", "bc", "Sa"]
    asked = ["a", "ab", "abc", "s", "sa", "A", "Ab", "Abc", "Sa", "Aé", "aé", "é", "Ab1", "A_b", "", "ab’s", "K"]
    for _ in range(3000):
        text = "".join(r.choice(pieces) for _ in range(r.randint(0, 30)))
        seg = Segmented(text)
        mid, low = set(_MIDCAP.findall(text)), set(_LOWER_WORD.findall(text))
        for word in asked + sorted(mid | low):
            assert seg.named_mid_sentence(word) == (word in mid), (text, word)
            assert seg.written_lower(word) == (word in low), (text, word)
