"""The walk back from a place over the words before it (``mapper.events.where``)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.events.where import link_of, word_back

# what word_back stands for: the last word or mark before the end, found by trying every position
_REFERENCE = re.compile(r"([\w'’-]+|[,\"“”(])\s*$")


def _reference(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    m = _REFERENCE.search(text, lo, hi)
    return None if m is None else m.span(1)


def test_the_last_word_before_a_place() -> None:
    text = "Rockets were fired into the market of Kupiansk"
    end = text.index("Kupiansk")
    assert word_back(text, 0, end) == (text.index(" of ") + 1, end - 1)
    # (cut where the window starts)
    assert word_back(text, end - 2, end) == (end - 2, end - 1)


def test_a_mark_before_a_place_and_what_ends_the_walk() -> None:
    assert word_back("struck, in the night, (Avdiivka", 0, 23) == (22, 23)
    assert word_back("the strike. ", 0, 12) is None  # a full stop
    assert word_back("   \n ", 0, 5) is None  # nothing but white space
    assert word_back("Shahid’s  ", 0, 10) == (0, 8)  # (a typographic apostrophe is part of the word)
    assert word_back("north-east\u00a0", 0, 11) == (0, 10)  # (a no-break space is white space)


_CHARS = st.sampled_from(list("ab Z9_'’-,\"“”().;:\n\t\u00a0\u2028éشКⅫ²"))


@settings(max_examples=400)
@given(st.lists(_CHARS, max_size=30).map("".join), st.integers(0, 32), st.integers(0, 32))
def test_word_back_finds_what_the_pattern_finds(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(hi, len(text))
    if lo > hi:
        lo, hi = hi, lo
    assert word_back(text, lo, hi) == _reference(text, lo, hi)


def test_the_walk_reads_the_word_it_finds() -> None:
    text = "Artillery shelled the village of Marinka on Monday."
    assert link_of(text, text.index("Marinka"), 0) == "object"
    text = "Officials in Kyiv said the town was quiet."
    assert link_of(text, text.index("Kyiv"), 0) == "in"


def test_the_walk_stops_near_the_outskirts() -> None:
    text = "Artillery shelled the outskirts of Marinka on Monday."
    assert link_of(text, text.index("Marinka"), 0) == "near"
