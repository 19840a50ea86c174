"""Cheap tests before costly ones say what the costly ones say: the last-word check before the
end-anchored patterns of ``mapper.nonliteral`` (it may let through text the pattern then rejects,
never turn away text the pattern matches), and the language detector's letter count, which stops
once there are enough."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper import nonliteral as nl

PATTERNS = [
    (nl._ORG_BEFORE.compiled, nl._ORG_LAST),
    (nl._BEATS_BEFORE, nl._BEATS_LAST),
    (nl._AGAINST_BEFORE, ("against",)),
    (nl._LOCATIVE_BEFORE, nl._LOCATIVE_LAST),
    (nl._AGENT_BEFORE, ("by",)),
]
# the words the patterns end on, others, and what may stand between them and the end
PIECES = [
    *{w for _, last in PATTERNS for w in last},
    "the",
    "The",
    "THE",
    "TOLD",
    "news agency",
    "TV station",
    "and its allies",
    "vs.",
    "fire",
    "Gaza",
    "Beat",
    "réported",
    "ſtation",  # a long s: case-folds to "s", so only the pattern can say
    "x",
    "1",
    " ",
    "  ",
    "\n",
    "\u00a0",
    '"',
    "'",
    ",",
    ".",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_last_word_check_never_hides_a_match(parts: list[str]) -> None:
    before = "".join(parts)
    tail = nl._tail_words(before)
    for pattern, last in PATTERNS:
        if pattern.search(before):
            assert nl._may_end(tail, last), (pattern.pattern[:40], before)


def test_last_word_check_passes_over_text_that_ends_otherwise() -> None:
    tail = nl._tail_words("The ministry said on Sunday that shelling hit ")
    assert not nl._may_end(tail, nl._ORG_LAST)
    assert nl._may_end(nl._tail_words("a spokesman told the "), nl._ORG_LAST)
    assert nl._may_end(nl._tail_words('the news agency "'), nl._ORG_LAST)
    assert nl._tail_words("Un café à ") is None  # not ASCII: the pattern decides


def test_reasons_are_those_of_the_patterns() -> None:
    text = "Officials told Washington to wait, and a convoy near Aleppo was hit by Damascus."
    for name in ("Washington", "Aleppo", "Damascus"):
        s = text.index(name)
        reason = nl.nonliteral_reason(text, s, s + len(name), "city")
        assert reason == ("organisation or government (metonymy)" if name == "Washington" else "")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab é1 .\n", max_size=120), st.integers(min_value=0, max_value=60))
def test_the_language_letter_count_stops_early_and_says_the_same(text: str, n: int) -> None:
    from mapper.language import _LETTER, _letters_at_least

    assert _letters_at_least(text, n) == (len(_LETTER.findall(text)) >= n)
