from __future__ import annotations

from pathlib import Path

import pytest

from mapper import toponyms
from mapper.models import Place
from mapper.names import name_key

from .conftest import analyse_text


def _literal(text: str) -> dict[str, bool]:
    return {m.surface: m.literal for m in analyse_text(text).mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("According to sources speaking with Al-Mayadeen, the sites were empty.", "Al-Mayadeen"),
        ("From the Iraqi side, Al-Mayadeen confirmed that sites were hit.", "Al-Mayadeen"),
        ("Syrian state news agency Sana meanwhile reported that a child had died.", "Sana"),
        ("HOMS, SANA - Army units repelled an attack on posts north of the city.", "SANA"),  # the agency's byline
        ("A fellow told The Jerusalem Post that the raids were heartening.", "Jerusalem"),
        ("Washington has launched a new bombing campaign against fighters.", "Washington"),
        ("Damascus strongly condemned the attack on its territory.", "Damascus"),
        ("The strikes prompted Baghdad to summon the envoy, prompting Baghdad to act.", "Baghdad"),
        ("It violated Iraq's sovereignty, officials said.", "Iraq"),
        ("The bombing began at 4:00 p.m. Washington time.", "Washington"),
    ],
)
def test_non_literal_uses(text: str, name: str) -> None:
    lit = _literal(text)
    assert name in lit and lit[name] is False, lit


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials in Washington said the strikes would continue.", "Washington"),
        ("Doctors at the clinic in nearby Al-Mayadeen said 30 wounded had arrived.", "Al-Mayadeen"),
        ("The US bombing targeted sites in the city of Al-Mayadeen.", "Al-Mayadeen"),
        ("A drone struck Tower 22, a US base in Jordan.", "Tower 22"),
    ],
)
def test_literal_uses(text: str, name: str) -> None:
    assert _literal(text).get(name) is True


def test_spans_point_into_original_text() -> None:
    text = "Intro line\n\nWe use cookies\n\nStrikes  hit \u201cal-Qā’im\u201d and Akashat."
    r = analyse_text(text)
    for m in r.mentions:
        assert text[m.start : m.end].replace("\u2019", "'") == m.surface
    assert {m.place.id for m in r.mentions if m.place} >= {"gz:al-qaim", "gz:akashat"}


def test_facilities_and_variants_resolve() -> None:
    r = analyse_text(
        "Targets in the Al-Hamdaniya neighborhood and the vicinity of the Ain Ali shrine were hit; "
        "strikes also hit the Al-Hajjana crossing, Albu Kamal, Abu Kamal, Deir Ezzor and Anbar province."
    )
    ids = {m.place.id for m in r.mentions if m.place}
    assert {
        "gz:al-hamdaniya-mayadeen",
        "gz:ain-ali-shrine",
        "gz:al-hajjana",
        "gz:al-bukamal",
        "gz:deir-ez-zor",
        "gz:anbar",
    } <= ids


def test_lower_case_words_are_not_names() -> None:
    r = analyse_text("The troops will jordan the river; we met in syria.")
    assert not r.mentions


def test_unknown_names_from_context_are_listed_unresolved() -> None:
    r = analyse_text("Warplanes bombed the town of Zarqoona and the village of Kfar Tawil on Sunday.")
    assert set(r.unresolved) == {"Zarqoona", "Kfar Tawil"}


@pytest.mark.parametrize("lead", ["Khirbet", "Qasr", "Umm", "Wadi"])
def test_names_built_on_a_village_feature_word_are_found_without_other_context(lead: str) -> None:
    # every feature word of the pattern, "Qasr" (a castle) too, whose first letter its gate once lacked
    r = analyse_text(f"Residents said artillery hit {lead} Zarnuqa and the road beyond it at dawn.")
    assert f"{lead} Zarnuqa" in r.unresolved, r.unresolved


def test_a_name_found_by_its_context_is_found_wherever_else_the_text_writes_it() -> None:
    r = analyse_text(
        "Soldiers shelled the Tarmaz camp on Friday. Nadia Tarmaz, a nurse, said the shells fell at dawn. "
        "Residents of Tarmaz buried the dead."
    )
    text = r.article.clean
    found = sorted(m.cstart for m in r.mentions if m.surface == "Tarmaz")
    # the camp and the place the residents are of; not the nurse's family name
    assert found == [text.index("Tarmaz camp"), text.index("of Tarmaz") + 3], found


# ----------------------------------------------------------------------------- memos change nothing


def test_common_words_are_kept_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path))
    toponyms.common_words.cache_clear()
    try:
        first = toponyms.common_words()
        assert {"police", "reading", "march"} <= first and "Boston" not in first
        (cached,) = tmp_path.glob("common-words-*.txt")
        cached.write_text("\n".join(sorted(first - {"police"})), encoding="utf-8")
        toponyms.common_words.cache_clear()
        assert "police" not in toponyms.common_words()  # read from the file
        cached.write_text("", encoding="utf-8")  # damaged: built again
        toponyms.common_words.cache_clear()
        assert toponyms.common_words() == first
    finally:
        toponyms.common_words.cache_clear()


class SmallWorld:
    def __init__(self) -> None:
        def city(name: str, pop: int, cc: str = "US") -> Place:
            return Place(f"gn:{name}", name, 0.0, 0.0, "city", cc, population=pop)

        self.places = {
            name_key(p.name): [p]
            for p in (city("Paris", 2_100_000, "FR"), city("New York", 8_000_000), city("York", 200_000, "GB"))
        }
        self.places["lanexa"] = [city("Lanexa", 300)]

    def candidates(self, key: str) -> list[Place]:
        return list(self.places.get(key, []))

    def __contains__(self, key: object) -> bool:
        return key in self.places

    def country(self, iso2: str) -> Place | None:
        return None


def test_remembered_runs_give_the_same_hits_in_every_context() -> None:
    world = SmallWorld()
    texts = [
        "She flew from Paris to New York on Monday.",
        "Lanexa said the plan was fine. Officials in Lanexa disagreed.",
        "Paris Hilton arrived. New York was cold, and York was warm.",
        "Lanexa, Va., is small. Crowds in Paris cheered.",
    ]
    memo: dict[str, tuple[toponyms.RunHit, ...]] = {}
    facts: dict[str, toponyms.WordFacts] = {}
    for text in texts * 2:
        fresh = toponyms.index_hits(text, world)
        assert toponyms.index_hits(text, world, memo, facts) == fresh
        assert toponyms.index_hits(text, world, {}, facts) == fresh  # (a word's facts from another run)
    assert memo and {"Lanexa", "Paris"} <= set(facts)  # runs and words were remembered ...
    spans = [(h.start, h.end) for h in toponyms.index_hits(texts[1], world, memo)]
    assert [texts[1][s:e] for s, e in spans] == ["Lanexa"]  # ... and a hamlet still needs its cue
    assert texts[1].index("Lanexa", 5) == spans[0][0]
