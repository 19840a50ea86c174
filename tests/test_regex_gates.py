"""The look-aheads that open many patterns ("(?=[A-Zae])\\b...") only let the engine skip
positions where no match can start; they must never hide one.  Each gate is checked here
against the first characters its pattern can match, read off the pattern's parse tree
(``re._parser``, CPython's own, so the check sees exactly what the engine runs)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mapper
from mapper.gates import Gated

_ZERO_WIDTH = (C.AT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < 300:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.update("0123456789")
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out.update(" \t\n\r\f\v")
        else:
            return None
    return out


def first_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters a match of the parsed ``items`` can start with ("" if it can be empty),
    or None when this reader cannot tell (a class it does not spell out, a look-ahead)."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            return out | {chr(av)}
        if op is C.IN:
            chars = _class_chars(av)
            return None if chars is None else out | chars
        if op in _ZERO_WIDTH or (op is C.ASSERT and av[0] < 0):
            continue  # a boundary or a look-behind takes no character
        if op is C.SUBPATTERN:
            sub = first_chars(list(av[3]))
            if sub is not None and av[1] & re.IGNORECASE:  # "(?i:kill)" starts with k or K
                sub = {c.lower() for c in sub} | {c.upper() for c in sub}
        elif op is C.BRANCH:
            alts = [first_chars(list(alt)) for alt in av[1]]
            if any(a is None for a in alts):
                return None
            sub = set().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS:
            sub = first_chars(list(av[2]))
            if sub is not None and av[0] == 0:
                sub = sub | {""}
        else:
            return None
        if sub is None:
            return None
        out |= sub - {""}
        if "" not in sub:
            return out
    return out | {""}


def _gate(items: list[tuple[Any, Any]]) -> tuple[set[str], list[tuple[Any, Any]]] | None:
    """The opening look-ahead's characters (after any boundaries) and what follows it."""
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is C.ASSERT and av[0] == 1:  # a look-ahead (a look-behind has -1)
            body = list(av[1])
            if len(body) == 1 and body[0][0] in (C.IN, C.LITERAL):
                chars = _class_chars(body[0][1] if body[0][0] is C.IN else body)
                if chars is not None:
                    return chars, items[:i] + items[i + 1 :]
        return None
    return None


def _gated_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(mapper.__path__, "mapper."):
        if info.name == "mapper.__main__" or info.name.startswith(("mapper.cli", "mapper.export")):
            continue  # no text analysis there (and some of it imports what tests need not load)
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            many = isinstance(value, list | tuple)
            for k, item in enumerate(value if many else [value]):
                # a list of patterns, or of (kind, pattern) pairs (``dates._PATTERNS``)
                rx = item[-1] if isinstance(item, tuple) and item else item
                rx = rx.compiled if isinstance(rx, Gated) else rx  # (the pattern a gated one wraps)
                if (
                    isinstance(rx, re.Pattern)
                    and isinstance(rx.pattern, str)
                    and _gate(list(P.parse(rx.pattern, rx.flags))) is not None
                ):
                    found[f"{info.name}.{name}" + (f"[{k}]" if many else "")] = rx
    return sorted(found.items())


GATED = _gated_patterns()


def test_the_gated_patterns_are_found() -> None:
    names = {n for n, _ in GATED}
    assert {"mapper.toponyms._CONTEXT[3]", "mapper.dates._REF_CODE", "mapper.ingest._BOILERPLATE_PHRASE"} <= names
    assert {"mapper.toponyms._CAPSEQ", "mapper.toponyms._GUESS_AT", "mapper.events.where._ORIGIN_BEFORE"} <= names
    assert len(GATED) >= 25


@pytest.mark.parametrize(("name", "rx"), GATED, ids=[n for n, _ in GATED])
def test_a_gate_lets_every_match_start(name: str, rx: re.Pattern[str]) -> None:
    items = list(P.parse(rx.pattern, rx.flags))
    gate = _gate(items)
    assert gate is not None
    chars, rest = gate
    starts = first_chars(rest)
    assert starts is not None, f"{name}: cannot tell how its matches start"
    assert "" not in starts, f"{name} can match nothing, so its gate may hide a match"
    if rx.flags & re.IGNORECASE:
        chars = {c.lower() for c in chars}
        starts = {c.lower() for c in starts}
    assert starts <= chars, f"{name}: matches may start with {''.join(sorted(starts - chars))!r}, not in its gate"


def test_the_reader_of_first_characters_reads_what_it_is_given() -> None:
    def starts(pattern: str) -> set[str] | None:
        return first_chars(list(P.parse(pattern, 0)))

    assert starts(r"\b(?:near|in)\s") == {"n", "i"}
    assert starts(r"(?:al-)?[A-C]") == {"a", "A", "B", "C"}
    assert starts(r"x?") == {"x", ""}
    assert starts(r"(?<!a)\d+,") == set("0123456789")
    assert starts(r"\w") is None
    assert starts(r"\b(?i:kill|shot)") == {"k", "K", "s", "S"}
    # a gate that leaves out a first letter is caught
    items = list(P.parse(r"(?=[ab])(?:apple|banana|cherry)", 0))
    gate = _gate(items)
    assert gate is not None and first_chars(gate[1]) == {"a", "b", "c"} and not first_chars(gate[1]) <= gate[0]


# ----------------------------------------------------------------------------- word gates
# Some patterns run only when words they need are in the text; the words must be there whenever
# the pattern finds anything.

_HAZARD_PIECES = (
    "million",
    "billions",
    "bullet",
    "bearing",
    "dogged",
    "the lion's share",
    "lions attacked",
    "a bull trampled",
    "wolves mauled",
    "was mauled by",
    "a dog bit",
    "Sharks attacked",
    "crocodile",
    "caught fire",
    "the fire at",
    "a gas cylinder blast",
    "earthquake",
    "flash floods",
    "the bus plunged",
    "rolled over",
    "a chemical plant",
    "controlled blasting",
    "quarrying",
    "drone",
    "shelled",
    "killed",
    "(",
    ",",
    "-",
    "\n",
    "Two",
    "people",
)


# white space as a pattern's \\s+ reads it, between the words of a piece too ("the storm's\npath")
_SPACES = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", " \n "])
_MORE_HAZARD_PIECES = (
    "storm's",
    "storm-hit",
    "storms;",
    "stormed",
    "thunderstorm",
    "forestfires",
    "heat wave",
    "short circuit",
    "lost control",
    "a huge fire in",
    "ſtorm",
    "LİGHTNİNG",
)


def _spaced(pieces: list[str], spaces: list[str]) -> str:
    """The pieces joined, each space in them and between them one of ``spaces`` in turn."""
    words = " ".join(pieces).split(" ")
    return "".join(w + spaces[i % len(spaces)] for i, w in enumerate(words)).rstrip(" ")


@given(
    st.lists(st.sampled_from(_HAZARD_PIECES + _MORE_HAZARD_PIECES), max_size=12),
    st.lists(_SPACES, min_size=1, max_size=4),
)
def test_the_hazard_words_are_there_whenever_the_hazard_pattern_finds_one(pieces: list[str], spaces: list[str]) -> None:
    from mapper.events.article import _HAZARD, _may_tell_of_hazard

    text = _spaced(pieces, spaces)
    if _HAZARD.search(text):
        assert _may_tell_of_hazard(text, text.lower()), text


def test_the_hazard_gate_reads_white_space_and_endings_as_the_pattern_does() -> None:
    from mapper.events.article import _HAZARD, _may_tell_of_hazard

    # each of these the gate once missed: a line break inside a phrase, "storm" before a hyphen or
    # an apostrophe or a line break, "forestfire" written as one word, a letter IGNORECASE reads as "s"
    for text in (
        "A storm\nhit the coast",
        "the storm's path",
        "storm-hit towns",
        "a bush\nfire spread",
        "forestfires raged",
        "The\nfire at the depot",
        "ſtorm damage",
    ):
        assert _HAZARD.search(text), text
        assert _may_tell_of_hazard(text, text.lower()), text
    assert not _may_tell_of_hazard("Gunmen stormed the post.", "gunmen stormed the post.")


_NOTHING_PIECES = (
    "no one was hurt",
    "no reports of civilians injured",
    "hit no buildings",
    "none were killed",
    "caused no damage",
    "said",
    "the",
    "rockets",
    "Nothing was hit",
    "no",
    "one",
)


@given(st.lists(st.sampled_from(_NOTHING_PIECES), max_size=8), st.lists(_SPACES, min_size=1, max_size=4))
def test_the_nothing_hit_words_are_there_whenever_the_pattern_finds_one(pieces: list[str], spaces: list[str]) -> None:
    from mapper.events.article import _NOTHING_HIT_FINDER
    from mapper.events.triggers import NOTHING_HIT
    from mapper.text import single_spaced

    text = _spaced(pieces, spaces)
    if NOTHING_HIT.search(text):
        assert _NOTHING_HIT_FINDER.found_in(single_spaced(text.lower())), text


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u3000\r"), max_size=40))
def test_single_spaced_makes_every_run_of_white_space_one_space(text: str) -> None:
    from mapper.text import single_spaced

    out = single_spaced(text)
    assert out.split() == text.split()
    assert "  " not in out and all(c == " " or not c.isspace() for c in out)


def test_a_number_in_millions_is_no_animal_and_an_animal_that_attacked_is() -> None:
    from mapper.events.article import _may_tell_of_hazard

    for text, hazard in (
        ("Rebuilding will cost 4 million dollars, and a bullet hit the bearing.", False),
        ("A lion attacked herders near the reserve.", True),
        ("Two boys were mauled in the village.", True),
        ("In İzmir a stray dog bit a girl.", True),  # (a letter lower-casing to two: the pattern reads it all)
        ("Izmir spent a million on its bulletin.", False),
        ("İzmir spent a million on its bulletin.", True),  # (left to the pattern, which finds nothing)
    ):
        assert _may_tell_of_hazard(text, text.lower()) is hazard, text
