"""Sentences, clauses and the fast word finders of mapper.text (and the stages' one-pass uses of them)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.text import WordFinder


def test_word_pattern_and_any_of_match_the_plain_alternation() -> None:
    from mapper.text import any_of, word_pattern

    words = ["strike", "strikes", "air-strike", "hit", "hits", "kill", "killed", "shell"]
    text = (
        "Air-strikes hit; the AIR-STRIKE hits. ſtrike \u212aILLED killed_ kill2 shellfire Shell strikes-x "
        "overkill hit-and-run, struck"
    )
    for flags in (0, re.I):
        plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", flags)
        fast = re.compile(word_pattern(words), flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        sub = re.compile("(?:" + "|".join(words) + ")", flags)
        assert bool(re.compile(any_of(words), flags).search(text)) == bool(sub.search(text))
    with pytest.raises(ValueError):
        word_pattern(["air", "air-strike"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kill", "Killed", "ed", "s", "-", " ", "\u212a", "ſ", "x", "_", "ing", "strike"])))
def test_word_pattern_property(parts: list[str]) -> None:
    from mapper.text import word_pattern

    text = "".join(parts)
    words = ["kill", "killed", "killing", "strike", "strikes"]
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
    fast = re.compile(word_pattern(words), re.I)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


SENTENCE_TEXT = st.lists(
    st.sampled_from(
        [
            "Strikes",
            "air-strike",
            "AIR-STRIKES",
            "hit",
            "white",
            "killed",
            "Kill",
            "\u212aILLED",
            "ſtrike",
            "İnjured",
            "lost",
            "gloss",
            "deadline",
            "wounded",
            "x_",
            "2",
            "é",
            ".",
            "!",
            "\n",
            "\n\n",
            " ",
            "-",
            ",",
        ]
    ),
    max_size=40,
).map(lambda xs: " ".join(xs))


@settings(max_examples=300, deadline=None)
@given(SENTENCE_TEXT)
def test_one_pass_word_finders_match_the_per_sentence_regexes(text: str) -> None:
    from mapper.casualties import _FIGURE_HINT, _hinted
    from mapper.text import Sentence, split_sentences

    # the sentences of the text, and arbitrary spans cutting through words
    for sentences in (split_sentences(text), [Sentence(i, min(i + 7, len(text)), 0) for i in range(0, len(text), 9)]):
        assert _hinted(text, sentences) == [_FIGURE_HINT.search(text[s.start : s.end]) is not None for s in sentences]


@given(
    st.lists(st.text(alphabet="abc d", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(alphabet="abcd ABC-", max_size=30),
)
def test_a_word_finder_finds_a_word_in_a_text_as_the_in_operator_does(words: list[str], text: str) -> None:
    assert WordFinder(words).found_in(text) is any(w in text for w in words)


def test_a_word_finder_reads_the_text_as_it_is_written() -> None:
    finder = WordFinder(["no damage", "camps"])
    assert finder.found_in("There was no damage.")
    assert not finder.found_in("There was No Damage.")  # (the caller lower-cases where case is no matter)
    assert not finder.found_in("The camp was empty.")
