"""Patterns searched only where they can match (``mapper.gates``): what the gates are read off
the patterns, and that a gated pattern finds exactly what the pattern finds, on texts hypothesis
writes from each gated pattern of the package and around them."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mapper
from mapper.gates import Gated, ends_of, needs_of


def test_endings_are_the_last_words_a_match_can_end_on() -> None:
    found = ends_of(re.compile(r"\b(?:taken|flown)\s+to\s+(?:the\s+)?(?:towns?\s+of\s+)?$", re.I))
    assert found == (("of", "the", "to"), sys_max())


def test_a_pattern_that_may_end_on_any_word_has_no_endings() -> None:
    assert ends_of(re.compile(r"\bfled\s+(?:[\w-]+\s+){0,3}$")) is None
    assert ends_of(re.compile(r"\bfled\s+to\b")) is None  # (not anchored at its end)
    assert ends_of(re.compile(r"\bfled\s+to\s+$", re.M)) is None  # ($ at every line's end)


def test_any_word_before_two_spaces_is_told_as_a_count_of_spaces() -> None:
    # ("reached" + one word + the space the word takes + the space after the group)
    found = ends_of(re.compile(r"\breached\s+(?:\w+\s+)?(?:in|at)?\s+$"))
    assert found is not None and found[0] == ("at", "in", "reached") and found[1] == 2


def test_a_possessive_ends_on_its_s() -> None:
    found = ends_of(re.compile(r"\bin\s+(?:[A-Z]\w*'s\s+)?$"))
    assert found is not None and found[0] == ("'s", "in")
    # (a letter beyond ASCII ends the ending: the walk stops before the curly apostrophe)
    found = ends_of(re.compile(r"\bin\s+(?:[A-Z]\w*['’]s\s+)?$"))
    assert found is not None and found[0] == ("in", "s")


def test_needs_are_strings_every_match_holds() -> None:
    assert needs_of(re.compile(r"\b(?:practice|dummy)\s+(?:bombs?|shells?)\b", re.I)) == ("dummy", "practice")
    # (the longer strings tell more: "shell" over "a")
    assert needs_of(re.compile(r"\ba\s+shells?\b")) == ("shell",)
    # a word of any letters needs nothing; nor does a group that may be left out
    assert needs_of(re.compile(r"\b\w+\s+said\b|\bwarned\b")) == ("said", "warned")
    assert needs_of(re.compile(r"(?:killed)?\s*\d+")) is None


def test_a_string_that_holds_another_is_left_out_of_the_needs() -> None:
    assert needs_of(re.compile(r"\b(?:attack|attacked|counter-attack)\b")) == ("attack",)


def test_a_gate_refuses_without_searching_and_finds_what_the_pattern_finds() -> None:
    rx = re.compile(r"\b(?:taken|flown)\s+to\s+(?:hospitals?\s+in\s+)?$", re.I)
    gated = Gated(rx)
    for text in ("were taken to ", "were Taken TO\n", "flown to hospitals in  ", "taken to the", "to ", ""):
        assert _span(gated.search(text)) == _span(rx.search(text)), text
    text = "He was taken to a clinic; then flown to "
    assert _span(gated.search(text, 20)) == _span(rx.search(text, 20))
    assert _span(gated.search(text, 0, 19)) == _span(rx.search(text, 0, 19))


def test_letters_that_fold_to_ascii_are_searched() -> None:
    # the Kelvin sign matches "k" under re.IGNORECASE; its lower case is not "k"
    rx = re.compile(r"\battack\s+$", re.I)
    assert Gated(rx).search("an attac\u212a ") is not None
    rx = re.compile(r"\bkilled\b", re.I)
    assert Gated(rx).search("they were \u212ailled") is not None


def test_a_pattern_no_test_fits_is_searched_as_it_is() -> None:
    for rx in (re.compile(r"\b\w+\s+(?:\w+\s+){0,3}$"), re.compile(r"\w+\s+\d+")):
        gated = Gated(rx).prepare()
        assert not gated.ends and not gated.needs
        assert gated.search("two words ") is not None or rx.search("two words ") is None


def sys_max() -> int:
    import sys

    return sys.maxsize


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def _gated() -> list[tuple[str, Gated]]:
    out = []
    for info in pkgutil.walk_packages(mapper.__path__, "mapper."):
        if info.name.endswith("__main__") or ".cli" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Gated):
                out.append((f"{info.name}.{name}", value))
    return out


GATED = _gated()
_WORDS = ["in", "at", "to", "the", "of", "near", "said", "killed", "attack", "hospital", "town", " ", ", ", "\n"]


def test_the_package_gates_the_patterns_it_searches_most() -> None:
    # (the slowest searches of a profile of the analysis; see docs/history/performance.md)
    names = {name for name, _ in GATED}
    assert "mapper.events.where._ORIGIN_BEFORE" in names
    assert "mapper.events.triggers._NOT_EVENT_BEFORE" in names


@pytest.mark.parametrize(("name", "gated"), GATED, ids=[name for name, _ in GATED])
def test_every_gated_pattern_of_the_package_has_a_test(name: str, gated: Gated) -> None:
    # (a rule edited so that no test fits it any more would be searched ungated, a cost unseen)
    fresh = Gated(re.compile(gated.pattern, gated.flags)).prepare()
    assert fresh.ends or fresh.needs


# (hypothesis writes texts for the longest pattern, some 8,000 characters of alternatives, slowly)
SHORT = [(name, gated) for name, gated in GATED if len(gated.pattern) < 5_000]
LONG = [(name, gated) for name, gated in GATED if len(gated.pattern) >= 5_000]


@pytest.mark.parametrize(("name", "gated"), SHORT, ids=[name for name, _ in SHORT])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_gated_pattern_finds_what_its_pattern_finds(name: str, gated: Gated, data: st.DataObject) -> None:
    _same_answers(gated, data)


@pytest.mark.parametrize(("name", "gated"), LONG, ids=[name for name, _ in LONG])
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_long_gated_pattern_finds_what_its_pattern_finds(name: str, gated: Gated, data: st.DataObject) -> None:
    _same_answers(gated, data)


def _same_answers(gated: Gated, data: st.DataObject) -> None:
    rx = gated.compiled
    # a match of the pattern, with words before it, cut where hypothesis chooses
    inner = data.draw(st.from_regex(rx, fullmatch=False), label="text")
    before = data.draw(st.lists(st.sampled_from(_WORDS), max_size=6).map("".join), label="before")
    text = before + inner
    pos = data.draw(st.integers(0, len(text)), label="pos")
    endpos = data.draw(st.integers(pos, len(text)), label="endpos")
    for args in ((text,), (text, pos), (text, pos, endpos)):
        assert _span(gated.search(*args)) == _span(rx.search(*args)), args
    assert _span(gated.match(text, pos, endpos)) == _span(rx.match(text, pos, endpos))


def test_the_tests_are_kept_in_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mapper import gates

    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path))
    gates._cached.cache_clear()
    rx = re.compile(r"\b(?:taken|flown)\s+to\s+(?:hospitals?\s+in\s+)?$", re.I)
    read = gates._read_tests(rx)
    assert read[0] == ("in", "to") and read[2]
    try:
        assert gates.tests_of(rx) == read
        assert (tmp_path / "gates.json").exists()
        gates._cached.cache_clear()  # (a new run: the tests come from the file)
        assert gates.tests_of(rx) == read
        (tmp_path / "gates.json").write_text("{not json", encoding="utf-8")
        gates._cached.cache_clear()
        assert gates.tests_of(rx) == read  # (a broken file is read again from the pattern)
    finally:
        gates._cached.cache_clear()


def test_two_versions_sharing_a_cache_folder_keep_their_tests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another version of the module (an older checkout run beside this one) finds its tests still there after
    this one wrote its own; only the last few versions are kept."""
    import json

    from mapper import gates

    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path))
    older = {f"older{i}": {"k": [["in"], 0, []]} for i in range(5)}
    (tmp_path / "gates.json").write_text(json.dumps(older), encoding="utf-8")
    gates._cached.cache_clear()
    try:
        rx = re.compile(r"\b(?:fled|moved)\s+to\s+$", re.I)
        assert gates.tests_of(rx) == gates._read_tests(rx)
        stored = json.loads((tmp_path / "gates.json").read_text(encoding="utf-8"))
        code = gates._cached()[1]
        assert list(stored) == ["older2", "older3", "older4", code]
        assert stored["older4"] == older["older4"]
    finally:
        gates._cached.cache_clear()
