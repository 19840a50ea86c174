"""What folders of one war's reporting taught (Yemen and the Red Sea, Syria): outlets, parts of towns, origins,
seas, hospitals abroad, and the spellings of governorates.

Every sentence here is written for the test; the world gazetteer is the real one built from the installed packages.
"""

from __future__ import annotations

import pytest

from mapper.ingest import article_from_text
from mapper.models import Mention
from mapper.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    from mapper.places.world.index import WorldGazetteer

    return Pipeline.create(world=WorldGazetteer.load())


def _mentions(pipe: Pipeline, text: str) -> list[Mention]:
    return pipe.analyse(article_from_text("t", text)).mentions


def _struck(pipe: Pipeline, text: str) -> set[str]:
    return {m.surface for m in _mentions(pipe, text) if m.role == "struck"}


def _places(pipe: Pipeline, text: str) -> dict[str, tuple[str, str] | None]:
    return {m.surface: (m.place.name, m.place.country) if m.place else None for m in _mentions(pipe, text)}


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [("Shabwa", "YE", "admin1"), ("al-Mahra", "YE", "admin1")],
)
def test_the_common_english_spellings_of_yemens_governorates_are_known(
    pipe: Pipeline, name: str, country: str, kind: str
) -> None:
    m = next(
        m
        for m in _mentions(pipe, f"Troops clashed with tribesmen in {name} governorate on Monday.")
        if m.surface == name
    )
    assert m.place is not None and (m.place.country, m.place.feature_type) == (country, kind)


def test_a_district_of_a_governorate_spelt_the_english_way_is_where_the_shells_fell(pipe: Pipeline) -> None:
    text = (
        "AL-DHALEA, May 9 (Saba) - Two children were killed when militia mortars struck homes in al-Azariq district "
        "of al-Dhalea governorate. Their father was taken to hospital in al-Dhalea city."
    )
    assert _struck(pipe, text) == {"al-Azariq"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Barrel bombs fell on Sukkari and Bustan al-Qasr on Sunday, killing nine.", "Sukkari", "SY"),
        ("Tanks shelled Baba Amr for a third day, killing 14 people.", "Baba Amr", "SY"),
        ("A shell hit the main street of Moadamiyeh, southwest of Damascus, killing two brothers.", "Moadamiyeh", "SY"),
        ("Jets struck al-Dailami air base north of Sanaa overnight.", "al-Dailami air base", "YE"),
    ],
)
def test_the_districts_and_suburbs_of_the_syrian_war_are_known(
    pipe: Pipeline, text: str, name: str, country: str
) -> None:
    m = next(m for m in _mentions(pipe, text) if m.surface == name)
    assert m.place is not None and m.place.country == country and m.role == "struck"
