"""Patterns told the characters their matches start with, whose case-blind alternatives open
on the forms of their first letter and whose alternatives that open on one character are one
(``mapper.rxstart``), find what ``re.compile``'s find."""

from __future__ import annotations

import re
from re import _constants as _K  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper import rx, rxstart

# each opens a match in another way: a boundary, a look-behind, a look-ahead, an optional word, a group
# whose case does not matter, a class, a negated class, a line start, an atomic group, a repeat that may
# be empty, a range where case does not matter, letters with more than two forms
TOLD = [
    (r"\b(?:killed|wounded)\s+(\d+)", 0),
    (r"(?<!not )(?:at\s+least\s+)?(\d+)\s+(?:people|civilians)", re.I),
    (r"(?=[A-Z])\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?", 0),
    (r"\b(?:six|kelvin|istanbul|micro|sigma)\b", re.I),
    (r"(?i:strike)s?|Raid", 0),
    (r"\s*;\s*|,\s+(?:but|while)\s+", re.I),
    (r"[^\W\d_]+(?:['’][^\W\d_]+)?", 0),
    (r"(?m)^[ \t]*(?P<head>[A-Z]+)\b", 0),
    (r"(?<![\d.])\d+(?:\.\d+)?\s*(?:km|miles)\b", re.I),
    (r"(?:the\s+)?(?P<town>[A-Z]\w+)\s+(?:was|were)\s+hit", 0),
    (r"(?>a+|b)c", 0),
    (r"(?:x|y)*z", 0),
    (r"\b[a-f0-9]{2,}\b", re.I),
    (r"[\u0130-\u0131k-m]stan", re.I),
    (r"\bµs\b|σ", re.I),
    (r"(?<=\s)-+\s", 0),
    (r"(?:(?<=\d)[,.]|\b)ſ?s\w", re.I),
    # and the characters every match starts with, one or several (one that overlaps itself: "abab" in "ababab")
    (r"(?<![\w-])Tower\s+(\d+)", 0),
    (r"\b(?:the)\s+(?:town|city)\b", 0),
    (r"\baa+b", 0),
    (r"(?=ab)abab", 0),
    (r"\b12\s", re.I),
    # case-blind alternatives opening on letters of two or three forms
    (r"(?:the\s+)?(?:kelvin|σταση|sigma|ſun|Σ|µs|kill(?:ed|s)|idle)\b", re.I),
    (r"(?i:KEL|Kelvin|ς|i)x?|sun", 0),
]

# the set cannot be told (any character, a back-reference, a negated class where case does not matter),
# a match may be empty, or the compiler told it already (a literal prefix, a class) or the match opens at
# the text's start, which the matcher tries once
NOT_TOLD = [
    (r"\s*x?", 0),
    (r".+x", 0),
    (r"(a)\1", 0),
    (r"[^a]b", re.I),
    (r"(?:air\s+)?", 0),
    (r"^abc", 0),
    (r"\Aabc", 0),
    (r"drone\s+strikes?", 0),
    (r"[A-Z]\w+", 0),
]

_PIECES = [
    "killed ",
    "Wounded ",
    "12",
    "3.5 ",
    "KM ",
    "at least ",
    "not ",
    "people",
    "KELVIN",
    "\u212aelvin",
    "ſix",
    "SIX",
    "İstanbul",
    "ıstan",
    "Kstan",
    "µs",
    "μS",
    "Σ",
    "ς",
    "strike",
    "STRIKES",
    "Raid",
    " ; ",
    ", but ",
    ",  WHILE ",
    "the ",
    "Town ",
    "Aleppo ",
    " was ",
    "were ",
    " hit",
    "\n",
    "\nHEAD ",
    "aaac",
    "bc",
    "xyz",
    "zz",
    "ff00",
    "o’clock",
    " -- ",
    "1,ſsa",
    "Tower 22",
    "x-Tower 3",
    "the town",
    "the city",
    "aaab",
    "ababab",
    "12 ",
    "ΣΤΑΣΗ",
    "στασς",
    "ſUN",
    "Sun",
    "ſun",
    "Kills",
    "ıdle",
    "İdle",
    "ςx",
]
_LETTERS = "aAbkKsSſ1 .,-\n\u212aİıµμ"
_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=_LETTERS, max_size=4)), max_size=14).map("".join)


def _ours(pattern: str, flags: int) -> tuple[re.Pattern[str], bool]:
    plain, started = rx._entry(pattern, flags)
    return rx._build(pattern, started), started is not plain


@pytest.mark.parametrize(("pattern", "flags"), TOLD)
def test_these_patterns_are_told_where_their_matches_start(pattern: str, flags: int) -> None:
    assert _ours(pattern, flags)[1], pattern


@pytest.mark.parametrize(("pattern", "flags"), NOT_TOLD)
def test_these_patterns_keep_the_compilers_code(pattern: str, flags: int) -> None:
    assert not _ours(pattern, flags)[1], pattern


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, pos=st.integers(0, 6))
def test_a_told_pattern_finds_what_re_compiles_finds(text: str, pos: int) -> None:
    for pattern, flags in TOLD + NOT_TOLD:
        ours, theirs = _ours(pattern, flags)[0], re.compile(pattern, flags)
        assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [
            (m.span(), m.groups()) for m in theirs.finditer(text)
        ], pattern
        a, b = ours.search(text, pos), theirs.search(text, pos)
        assert (a and a.span()) == (b and b.span()), pattern
        assert ours.sub("<>", text) == theirs.sub("<>", text), pattern
        assert ours.split(text) == theirs.split(text), pattern


def test_letters_with_more_than_two_forms_start_a_match_where_case_does_not_matter() -> None:
    """The Kelvin sign lower-cases to "k", the long s is an "s" to the matcher, the dotted capital I
    lower-cases to "i": a set of the letters as written would skip those positions."""
    for pattern, text in [
        (r"\bkelvin\b", "at 300 \u212aelvin"),
        (r"\bsix\b", "ſix killed"),
        (r"\bistanbul\b", "in İstanbul"),
        (r"\bµs\b", "in 5 μs"),
    ]:
        ours, _ = _ours(pattern, re.I)
        expected = re.compile(pattern, re.I).search(text)
        assert expected is not None, pattern
        found = ours.search(text)
        assert found is not None and found.span() == expected.span(), pattern


def test_the_set_holds_the_first_word_letters_past_a_boundary_and_a_look_around() -> None:
    parsed = _P.parse(r"(?<!not )\b(?:killed|wounded)", 0)
    assert rxstart.start_set(parsed, 0) == [(_K.LITERAL, ord("k")), (_K.LITERAL, ord("w"))]
    parsed = _P.parse(r"(?:at\s+least\s+)?\d", 0)
    assert rxstart.start_set(parsed, 0) == [(_K.LITERAL, ord("a")), (_K.CATEGORY, _K.CATEGORY_DIGIT)]


@pytest.mark.parametrize("letter", ["k", "s", "i", "σ", "µ", "a", "ß", "1"])
def test_the_forms_of_a_letter_are_those_the_matcher_takes_for_it(letter: str) -> None:
    takes = re.compile(re.escape(letter), re.I).fullmatch
    assert rxstart.forms(ord(letter)) == [c for c in range(0x110000) if takes(chr(c))]


def test_case_blind_alternatives_opening_on_letters_are_opened() -> None:
    for pattern, flags, opened in [
        (r"\b(?:killed|wounded)", re.I, True),
        (r"\b(?:killed|wounded)", 0, False),  # (the matcher tests a literal itself)
        (r"\b(?:12|40)\s", re.I, False),  # (a digit has no case)
        (r"(?:(?i:Raid)|Strike)", 0, False),  # (the group's flag inside the alternative, one alternative)
        (r"(?:x(?i:raid|strike))", 0, True),
    ]:
        parsed = _P.parse(pattern, flags)
        assert rxstart.open_alternatives(parsed, flags | parsed.state.flags) is opened, pattern


def test_the_characters_every_match_starts_with_are_found_past_zero_width_items() -> None:
    def prefix(pattern: str, flags: int = 0) -> str:
        parsed = _P.parse(pattern, flags)
        return "".join(map(chr, rxstart.literal_prefix(parsed, flags | parsed.state.flags)))

    assert prefix(r"\b(?:killed)\s+") == "killed"
    assert prefix(r"(?<!\w)(?:wounded|war)") == "w"  # (the parser took the alternatives' common start out)
    assert prefix(r"\bTower(?=\s)\s+22") == "Tower"
    assert prefix(r"\bkilled", re.I) == ""  # (a letter where case does not matter is several)
    assert prefix(r"\b12\s", re.I) == "12"  # (a digit has no case)
    assert prefix(r"(?:air)?strike") == ""


def test_a_class_where_case_does_not_matter_is_told_only_while_lower_casing_keeps_classes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = _P.parse(r"[\d.]+\s*km", re.I)
    assert rxstart.start_set(parsed, int(re.I | re.U)) is not None
    forms, kept = rxstart._lower_forms()
    assert kept  # (today's Unicode: no character lower-cases into another class)
    monkeypatch.setattr(rxstart, "_lower_forms", lambda: (forms, False))
    assert rxstart.start_set(parsed, int(re.I | re.U)) is None


# alternatives that open on the same letter, a set, a group of alternatives, a group that captures, a
# look-behind, a boundary, a class, nothing; prefixes of one another
_ALTERNATIVES = [
    "to",
    "towards?",
    "t",
    "take",
    "(?:to|ta)k",
    "(?:o|a)n",
    "(t)o",
    "[Tt]o",
    "[tT]ax",
    "(?i:to)",
    "(?<!s)to",
    r"\bto",
    "T",
    "o",
    "on",
    r"(?:on|in)\s",
    "into",
    "in",
    "",
    r"\w\w",
    "k",
    "kelvin",
    "ſun",
    "sun",
    "S",
    "(?:s|t)x",
    "ab",
    "a",
    "a(b)",
    "(?:a|ab)c",
    "(?:a|b|c|d|e)(?:x|y)",
    "(?:o|a)(n)s?",  # (spread, its group written twice)
]
_GROUPED_PIECES = (
    "to|ta|T|wards|ward|ke|x|ax|n|in|o|s|\u017f|S|un|ab|c|b|\u212aelvin|kelvin| |y|e|d|\u0130|\u0131".split("|")
)
_GROUPED_TEXTS = st.lists(st.sampled_from(_GROUPED_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    alternatives=st.lists(st.sampled_from(_ALTERNATIVES), min_size=2, max_size=9),
    tail=st.sampled_from(["", r"\b", "s", r"(\w)", "x|y"]),
    flags=st.sampled_from([0, re.I]),
    text=_GROUPED_TEXTS,
    pos=st.integers(0, 4),
)
def test_alternatives_grouped_by_their_opening_find_what_re_compiles_finds(
    alternatives: list[str], tail: str, flags: int, text: str, pos: int
) -> None:
    pattern = "(?:" + "|".join(alternatives) + ")" + tail
    ours, theirs = _ours(pattern, flags)[0], re.compile(pattern, flags)
    assert [(m.span(), m.groups(), m.lastindex) for m in ours.finditer(text)] == [
        (m.span(), m.groups(), m.lastindex) for m in theirs.finditer(text)
    ]
    a, b = ours.search(text, pos), theirs.search(text, pos)
    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    a, b = ours.fullmatch(text), theirs.fullmatch(text)
    assert (a and a.span()) == (b and b.span())


def _alternatives_of(pattern: str, flags: int = 0) -> list[str]:
    """The openings of the alternatives of a pattern's first alternation, once grouped."""
    parsed = _P.parse(pattern, flags)
    rxstart.open_alternatives(parsed, flags | parsed.state.flags)
    rxstart.group_alternatives(parsed, flags | parsed.state.flags)
    branch = next(av for op, av in parsed.data if op is _K.BRANCH)
    out = []
    for alternative in branch[1]:
        op, av = alternative.data[0]
        out.append(chr(av) if op is _K.LITERAL else str(op))
    return out


def test_alternatives_that_open_on_one_letter_test_it_once() -> None:
    # (the parser takes out the opening that every alternative shares; grouping takes out one that some share)
    assert _alternatives_of(r"\b(?:to|towards|from|into|take|fled)") == ["t", "f", "i"]
    # an alternative that opens on a group of alternatives is spread over them, and grouped with the rest
    assert _alternatives_of(r"(?:(?:taken|moved)\s+to|treated)") == ["t", "m"]
    # an alternative is not moved past one that may open on its letter: "to" stays after \w\w
    assert _alternatives_of(r"(?:take|\w\w|to)") == ["t", "IN", "t"]


def test_a_set_where_case_does_not_matter_is_not_taken_for_its_characters_as_written() -> None:
    # (where case does not matter "[\u212az]" takes "k" too: "[kq]xy" may not be moved before it)
    pattern = "(?:[kq]a|[\u212az]x|[kq]xy)"
    for text in ("kxy", "Kxy", "\u212axy"):
        ours, theirs = _ours(pattern, re.I)[0].search(text), re.search(pattern, text, re.I)
        assert ours is not None and theirs is not None and ours.span() == theirs.span() == (0, 2), text


def test_a_letter_where_case_does_not_matter_is_not_taken_for_itself_alone() -> None:
    # (after "a" is taken out of the first three, "k" and "K" open what follows it: both take "k", so "kxyz" may
    # not be moved before "Kxy")
    pattern = "(?:akq|aKxy|akxyz|b)"
    ours, theirs = _ours(pattern, re.I)[0].search("akxyz"), re.search(pattern, "akxyz", re.I)
    assert ours is not None and theirs is not None and ours.span() == theirs.span() == (0, 4)
