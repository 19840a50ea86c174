"""Recognition and disambiguation with the bundled world gazetteer (GeoNames)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.ingest import article_from_text
from mapper.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    from mapper.places.world.index import WorldGazetteer

    return Pipeline.create(world=WorldGazetteer.load())


def _tops(pipe: Pipeline, text: str) -> dict[str, object]:
    r = pipe.analyse(article_from_text("t", text))
    return {m.surface: m for m in r.mentions}


def test_places_nobody_listed_are_found_and_placed(pipe: Pipeline) -> None:
    t = _tops(pipe, "Shelling hit Kharkiv and Hodeidah on Monday, while talks went on in Sanaa and Rafah.")
    for name, cc in (("Kharkiv", "UA"), ("Hodeidah", "YE"), ("Sanaa", "YE"), ("Rafah", "PS")):
        assert name in t and t[name].place.country == cc, (name, t.get(name))
    assert t["Kharkiv"].role == "struck" and t["Hodeidah"].role == "struck"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Gunfire echoed across Port-au-Prince through the night.", "Port-au-Prince", "HT"),
        ("A drone hit a house in the Delmas area of Port-au-Prince.", "Port-au-Prince", "HT"),
        ("The festival in Aix-en-Provence was called off.", "Aix-en-Provence", "FR"),
        ("Officials in Rostov-na-Donu reported drone debris.", "Rostov-na-Donu", "RU"),
    ],
)
def test_names_joined_by_a_hyphened_french_or_slavic_word_are_found_whole(
    pipe: Pipeline, text: str, name: str, country: str
) -> None:
    t = _tops(pipe, text)
    assert name in t, set(t)
    assert t[name].place.country == country  # type: ignore[attr-defined]


def test_common_words_first_names_and_titles_are_not_places(pipe: Pipeline) -> None:
    t = _tops(pipe, "Police said on Thursday that Donald Trump met Mr Kelly in March. Reading is fun.")
    assert not ({"Police", "Thursday", "Donald", "Kelly", "March", "Reading"} & set(t)), set(t)


def test_demonyms_are_non_literal_country_mentions(pipe: Pipeline) -> None:
    t = _tops(pipe, "Russian forces and Chinese officials met European diplomats.")
    assert t["Russian"].place.country == "RU" and t["Russian"].literal is False
    assert t["Chinese"].place.country == "CN" and t["European"].place.name == "Europe"


def test_possessives_abbreviations_and_case(pipe: Pipeline) -> None:
    t = _tops(pipe, "China's exports to the US and the EU fell; let us see what London’s mayor says.")
    assert t["China"].place.country == "CN" and t["US"].place.country == "US" and t["EU"].place.name == "Europe"
    assert "us" not in t and t["London"].place.country == "GB"


def test_context_and_size_disambiguate(pipe: Pipeline) -> None:
    t = _tops(pipe, "Paris is the capital of France.")
    assert t["Paris"].place.country == "FR"
    t = _tops(pipe, "Flooding closed roads in Paris, Texas, and in Tyler, Texas.")
    assert t["Paris"].place.country == "US" and t["Paris"].place.admin1 == "Texas"
    t = _tops(pipe, "Rents rose in New York.")
    assert t["New York"].place.feature_type != "admin1"  # the city, not the state


def test_evaluate_command_scores_a_gold_file(tmp_path: Path) -> None:
    text = "Troops left Kharkiv for Paris. Donald Trump said so."
    gold = {
        "id": "g1",
        "text": text,
        "toponyms": [
            {"start": 12, "end": 19, "name": "Kharkiv", "lat": 49.98, "lon": 36.25, "literal": True},
            {"start": 24, "end": 29, "name": "Paris", "lat": 48.85, "lon": 2.35, "literal": True},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    r = CliRunner().invoke(main, ["evaluate", str(path), "--json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    assert (res["tp"], res["fp"], res["fn"]) == (2, 0, 0) and res["acc161"] == 1.0
    r2 = CliRunner().invoke(main, ["evaluate", str(path)])
    assert "F1               1.000" in r2.stdout


def test_us_counties_and_spatial_coherence() -> None:
    from mapper.places.counties import CombinedIndex, USCounties
    from mapper.places.world.index import WorldGazetteer

    pipe = Pipeline.create(world=CombinedIndex(WorldGazetteer.load(), USCounties.load()))
    t = _tops(pipe, "Deputies in Laurel County said the fire spread toward London and Corbin.")
    assert t["Laurel County"].place.admin1 == "Kentucky"
    # London beside Laurel County and Corbin is London, Kentucky, not London, England
    assert t["London"].place.country == "US" and t["London"].place.admin1 == "Kentucky"
    t = _tops(pipe, "London is the capital of the United Kingdom.")
    assert t["London"].place.country == "GB"
    # two names that first read as namesakes elsewhere settle on each other: Walker County
    # reads as Texas beside Huntsville, Texas, and Huntsville then follows it there
    t = _tops(
        pipe,
        "The burn ban for Walker County was lifted on Monday after the Huntsville fire chief met the "
        "county judge. Residents inside Huntsville city limits still need a permit.",
    )
    assert t["Walker County"].place.admin1 == "Texas" and t["Huntsville"].place.admin1 == "Texas", t


@pytest.mark.parametrize(
    ("text", "name", "literal"),
    [
        ("Five CEOs from Air France KLM met in Brussels.", "France", False),
        ("A speech by Oman Film Society president Mohammad Al Kindi opened it.", "Oman", False),
        ("Turkey fired on towns along the border.", "Turkey", False),
        ("The campaign by Turkey drew condemnation.", "Turkey", False),
        ("The Rome police captain handled the case.", "Rome", False),
        ("Syrian militia forces advanced.", "Syrian", False),
        ("They secured the Syrian capital Damascus.", "Syrian", True),
        ("Shelling hit towns in Turkey overnight.", "Turkey", True),
        # people, forces and money belonging to a place, not located in it
        ("Ohio farmers fear the tariffs.", "Ohio", False),
        ("The deal is worth 40 billion US dollars.", "US", False),
        ("A key US ally joined the talks.", "US", False),
        ("Canada troops arrived on Monday.", "Canada", False),
        ("Jets took off from the Hama military airport.", "Hama", True),
        # a team named after its home
        ("She scored 25 points against Louisville on Sunday.", "Louisville", False),
        ("They comfortably beat Norwich on Easter Monday.", "Norwich", False),
        ("Sanctions against Iran were tightened.", "Iran", True),
    ],
)
def test_non_literal_uses_in_general_news(pipe: Pipeline, text: str, name: str, literal: bool) -> None:
    t = _tops(pipe, text)
    assert name in t and t[name].literal is literal, (name, t.get(name))


def test_a_capitalised_function_word_is_no_first_name(pipe: Pipeline) -> None:
    # "In" and "The" open a sentence; they do not make the next word a surname
    t = _tops(pipe, "In Boise, users pay for the heat. The Youngstown council met on Monday.")
    assert "Boise" in t and t["Boise"].place.country == "US", set(t)
    assert "Youngstown" in t, set(t)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # a middle initial, three names in a row, an age, a surname spelt Mc-: then the bare surname
        ("Deputies stopped a van driven by Dwayne R. Jones on Route 9. Jones was later released.", "Jones"),
        ("The shop belongs to Marcus Dewayne Williams. Officers found Williams asleep in the back.", "Williams"),
        ("Moore, 52, of Park Lane was charged on Friday. A neighbour saw Moore leave the house.", "Moore"),
        ("Troopers stopped Kendra L. McPherson near the bridge. McPherson faces two charges.", "McPherson"),
        # the one a report quotes, a president's administration
        ("The fire began in the kitchen, according to Harding.", "Harding"),
        ("Trade talks stalled under the Bush administration.", "Bush"),
        # a first name that is also another name of a big city, or of a city and a famous surname
        ("The striker Sam Gallagher is likely to miss the derby.", "Sam"),
        ("The talks ended when Vladimir Putin left the room.", "Vladimir"),
    ],
)
def test_a_person_named_in_the_article_is_not_a_place(pipe: Pipeline, text: str, surname: str) -> None:
    assert surname not in _tops(pipe, text)


def test_a_street_named_after_a_place_is_not_that_place(pipe: Pipeline) -> None:
    t = _tops(pipe, "A water main broke on Taylor Street and flooded Harrison and Monroe streets in Lansing.")
    assert not ({"Taylor", "Harrison", "Monroe"} & set(t)) and "Lansing" in t, set(t)
    t = _tops(pipe, "A car bomb went off on Palestine Street in Baghdad on Sunday.")
    assert "Palestine" not in t and t["Baghdad"].role == "struck", t
    # an agency or a numbered road named after its state or county is still about that place
    t = _tops(pipe, "Florida Highway Patrol troopers closed the interstate near Ocala.")
    assert t["Florida"].place.country == "US", set(t)


def test_an_english_word_found_only_as_another_languages_name_is_not_a_place(pipe: Pipeline) -> None:
    t = _tops(pipe, "Fighters of the Islamic State in Iraq and Sham attacked a checkpoint in Hasakah.")
    assert "Sham" not in t and "Hasakah" in t, set(t)


def test_an_english_word_is_no_place_by_an_abbreviation_written_in_capitals(pipe: Pipeline) -> None:
    # "CAR" is both the Central African Republic and the Philippines' Cordillera region
    t = _tops(pipe, "Car bomb wounds five in Mosul\nA parked car exploded near a checkpoint in Mosul.")
    assert "Car" not in t and t["Mosul"].place.country == "IQ", set(t)
    t = _tops(pipe, "Chad sent troops, and Turkey and Jordan closed their borders.")
    assert {"Chad", "Turkey", "Jordan"} <= set(t), set(t)


def test_a_province_written_with_a_hyphen_for_its_and_is_found(pipe: Pipeline) -> None:
    t = _tops(pipe, "Jets struck a militant camp in Iran's Sistan-Baluchestan province at dawn.")
    p = t["Sistan-Baluchestan"].place
    assert p is not None and p.country == "IR" and p.feature_type == "admin1", p


def test_a_place_before_a_word_for_fighters_qualifies_them(pipe: Pipeline) -> None:
    t = _tops(pipe, "Idlib rebels shelled army posts near Hama overnight.")
    assert t["Idlib"].literal is False and t["Hama"].literal is True


def test_a_country_name_two_countries_share_is_the_one_the_texts_places_are_in(pipe: Pipeline) -> None:
    # news write "Congo" for the Democratic Republic; beside Brazzaville it is the Congo Republic
    t = _tops(pipe, "BUNIA, Congo (Reuters) - Militiamen attacked a camp in Congo's Ituri province overnight.")
    assert t["Congo"].place.country == "CD" and t["Ituri"].place.country == "CD", t
    t = _tops(pipe, "Fighting broke out in Brazzaville, the capital of Congo, on Monday.")
    assert t["Congo"].place.country == "CG", t["Congo"].place
    # Georgia the country, not the US state, beside a Georgian army
    t = _tops(
        pipe,
        "Relations between the United States and Russia soured after the war in Georgia, when the "
        "Georgian army lost ground.",
    )
    assert t["Georgia"].place.country == "GE", t["Georgia"].place


def test_a_small_town_romanised_with_i_for_y_is_its_own_name_not_an_odd_alias(pipe: Pipeline) -> None:
    # GeoNames spells it Hulyaypole; Ukraine's own romanisation writes "ia" and "ai" for "ya" and "ay"
    # (with no word before it that says a place follows)
    t = _tops(pipe, "Glide bombs hit Huliaipole on Monday.")
    assert "Huliaipole" in t and t["Huliaipole"].place.country == "UA", t


def test_a_small_port_romanised_with_kh_for_ch_is_its_own_name(pipe: Pipeline) -> None:
    # GeoNames names it Mocha; the wires write Mokha, as they write Khan for Chan
    t = _tops(pipe, "A missile struck a cargo ship off Mokha before dawn.")
    assert "Mokha" in t and t["Mokha"].place.country == "YE", t


def test_a_town_whose_name_is_a_word_is_a_place_on_the_edge_of_it(pipe: Pipeline) -> None:
    # "sake" is an English word; the part of a town before it says a town follows
    t = _tops(pipe, "Shells landed in a camp on the edge of Sake overnight.")
    assert "Sake" in t and t["Sake"].place.country == "CD", t
    assert "Sake" not in _tops(pipe, "They stayed on for the sake of the children.")


def test_a_hamlet_written_as_a_place_once_is_that_place_where_it_stands_bare(pipe: Pipeline) -> None:
    # one name is one place in one article: the village found after "in" is the same village in its possessive
    # and at a sentence's subject, where nothing else shows it is a place
    text = (
        "Guerrillas shelled the police post in Jambalo, Colombia, overnight. By morning Jambalo's mayor was "
        "counting the damage. Later, Jambalo is quiet."
    )
    r = pipe.analyse(article_from_text("t", text))
    assert [m.place.name for m in r.mentions if m.surface == "Jambalo"] == ["Jambalo"] * 3  # type: ignore[union-attr]
    # written nowhere as a place, the bare name stays unread: a hamlet's name may be anything else
    alone = pipe.analyse(article_from_text("t", "The mayor said Jambalo's market would open on Friday."))
    assert not [m for m in alone.mentions if m.surface == "Jambalo"]


def test_a_town_whose_name_is_a_rare_word_is_that_town_bare_where_the_article_wrote_it_as_one(pipe: Pipeline) -> None:
    # "mellit" is in Webster's word list; written once as a place, the town's bare name and its market are the town
    text = (
        "Shelling hit the livestock market in Mellit, North Darfur, on Monday, killing nine. Traders said Mellit "
        "Market had been crowded, and aid has not reached Mellit since."
    )
    found = [m for m in pipe.analyse(article_from_text("t", text)).mentions if m.surface == "Mellit"]
    assert [m.place.country for m in found] == ["SD"] * 3  # type: ignore[union-attr]
    alone = pipe.analyse(article_from_text("t", "Traders said Mellit Market had been crowded."))
    assert not [m for m in alone.mentions if m.surface == "Mellit"]


def test_a_pronoun_before_a_kind_of_place_names_none(pipe: Pipeline) -> None:
    text = "A drone hit Kosti on Monday. Your neighbourhood will not forget him, our village says."
    assert {m.surface for m in pipe.analyse(article_from_text("t", text)).mentions} == {"Kosti"}
