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


def test_a_name_put_in_a_country_keeps_that_reading_when_a_list_follows(pipe: Pipeline) -> None:
    # "Jizan, Najran and Abha" is a list, not "Jizan, in Najran": it does not undo "the Saudi city of Jizan"
    text = (
        "A drone struck the airport of the southern Saudi city of Jizan on Tuesday, wounding four porters.\n\n"
        "Rebel drones have often been fired at Jizan, Najran and Abha in the past."
    )
    assert _places(pipe, text)["Jizan"] == ("Jizan", "SA")
    assert "Jizan" in _struck(pipe, text)


@pytest.mark.parametrize(
    "text",
    [
        # a byline's outlet after the town it files from, on a line of its own
        "Bombers hit a depot\n\nSanaa - Al-Thawra\n\nWarplanes bombed a fuel depot in the capital overnight, "
        "killing two.",
        # the outlet a translation is credited to
        "Translated from Al-Thawra (Sanaa), 3 March 2016\n\nWarplanes bombed a fuel depot in Sanaa, killing two.",
    ],
)
def test_an_outlet_named_like_a_town_by_a_byline_or_a_translation_is_no_place(pipe: Pipeline, text: str) -> None:
    thawra = [m for m in _mentions(pipe, text) if m.surface == "Al-Thawra"]
    assert thawra and not any(m.literal for m in thawra)


def test_a_line_of_two_towns_is_not_read_as_a_byline_when_the_second_is_written_again(pipe: Pipeline) -> None:
    # (the second name stands as a place in the story that follows)
    text = "Kharkiv - Izium\n\nA missile hit a railway depot in Izium on Friday, killing three workers."
    assert "Izium" in _struck(pipe, text)


def test_a_part_of_a_town_abroad_known_by_its_old_name_is_not_read_beside_a_far_city(pipe: Pipeline) -> None:
    # Baghdad's Sadr City was once called al-Thawra; a hospital of that name in Sanaa is no district of Baghdad
    text = (
        "Warplanes bombed a house in the Sawan neighbourhood of Sanaa, killing five. The bodies were taken to the "
        "morgue of al-Thawra hospital, and the family came from Saudi Arabia's Najran."
    )
    assert _places(pipe, text).get("Thawra", _places(pipe, text).get("al-Thawra")) is None
    # (beside Baghdad it is that district still)
    p = _places(pipe, "A car bomb killed nine people in the Thawra district of Baghdad on Sunday.")["Thawra"]
    assert p is not None and p[1] == "IQ"


@pytest.mark.parametrize("word", ["Quran", "Koran", "Bible"])
def test_a_holy_book_before_the_word_school_is_no_place(pipe: Pipeline, word: str) -> None:
    text = (
        f"Six pupils killed in raid on {word} school in Haydan\n\nJets struck the school on Monday, killing six pupils."
    )
    assert word not in {m.surface for m in _mentions(pipe, text)}


def test_an_armed_group_after_belong_to_is_no_place(pipe: Pipeline) -> None:
    text = (
        "Gunmen believed to belong to al-Qaeda stormed a checkpoint at the western entrance of Ataq, the capital of "
        "Shabwa governorate, killing four soldiers."
    )
    assert _struck(pipe, text) == {"Ataq"}


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
    "text",
    [
        "A ballistic missile struck an army camp in Sirwah district, killing nine soldiers. The army said the missile "
        "had been launched from Houthi-controlled territory in Dhamar governorate, and that a second missile fired "
        "minutes later fell in open desert.",
        "Nine soldiers were killed when a missile struck a gathering of troops in Sirwah district on Thursday.\n\n"
        "The spokesman said the missile, fired from Houthi-held territory in al-Bayda province, landed among the "
        "tents.",
    ],
)
def test_territory_a_missile_was_launched_from_is_not_struck(pipe: Pipeline, text: str) -> None:
    assert _struck(pipe, text) == {"Sirwah"}


def test_a_ship_hit_some_nautical_miles_off_a_town_was_hit_at_sea(pipe: Pipeline) -> None:
    text = (
        "An explosive boat rammed a bulk carrier in the Red Sea on Tuesday, killing a sailor.\n\n"
        "The ship was about 20 nautical miles west of Mokha when its crew fired on the boat with rifles."
    )
    struck = _struck(pipe, text)
    assert "Red Sea" in struck and "Mokha" not in struck


def test_a_district_said_after_a_comma_to_be_a_part_of_a_city_is_where_it_hit(pipe: Pipeline) -> None:
    text = (
        "Shells fell on a crowded market in Dar Saad, a district on the northern edge of the southern city of Aden, "
        "killing 12 people."
    )
    assert _struck(pipe, text) == {"Dar Saad"}


def test_the_hospitals_of_a_city_abroad_the_wounded_were_taken_to_are_not_struck(pipe: Pipeline) -> None:
    text = (
        "A car bomb went off in the vegetable market of al-Bab on Friday, killing five people.\n\nSeveral of the "
        "badly injured were transferred through the border crossing to hospitals in the Turkish city of Kilis."
    )
    struck = _struck(pipe, text)
    assert struck and "Kilis" not in struck


def test_a_city_rebels_seized_before_is_not_where_the_jets_struck(pipe: Pipeline) -> None:
    text = (
        "Warplanes struck the rebel-held city of Idlib on Tuesday, killing six people, as fighters who seized most "
        "of Aleppo last week pressed an offensive toward the city of Hama."
    )
    assert _struck(pipe, text) == {"Idlib"}


def test_a_desert_named_after_a_city_is_its_provinces(pipe: Pipeline) -> None:
    text = "Gunmen killed nine shepherds in the eastern Homs desert on Friday, a monitor said."
    m = next(m for m in _mentions(pipe, text) if m.surface == "Homs")
    assert m.place is not None and m.place.feature_type == "admin1"


def test_a_neighbourhood_in_a_quarter_of_the_capital_is_the_capitals(pipe: Pipeline) -> None:
    text = (
        "SANAA, May 2 - Jets bombed a house in the Sawan neighbourhood in the east of the capital, killing a family "
        "of five."
    )
    assert _struck(pipe, text) == {"Sawan"}


def test_a_capital_given_with_its_countrys_possessive_as_a_bearing_is_not_struck(pipe: Pipeline) -> None:
    text = "An air strike hit a poultry farm in Bani Matar district, west of Yemen's capital Sanaa, killing three."
    assert _struck(pipe, text) == {"Bani Matar"}


def test_a_hospitals_count_of_the_wounded_it_has_treated_is_a_running_total() -> None:
    from mapper.events.triggers import triggers

    text = "Since the war began the charity has treated hundreds of people wounded in the border districts of Saada."
    (wounded,) = [t for t in triggers(text, 0, len(text)) if t.word == "wounded"]
    assert wounded.total
    # (not the wounded of one strike)
    text = "Hundreds of people were wounded when shells hit the market of Saada on Sunday."
    assert not any(t.total for t in triggers(text, 0, len(text)))


def test_what_earlier_attacks_did_is_background(pipe: Pipeline) -> None:
    text = (
        "A drone hit the airport of Jizan on Monday, wounding three porters.\n\n"
        "In earlier attacks, falling debris wounded passengers at Abha's airport."
    )
    assert _struck(pipe, text) == {"Jizan"}


def test_a_bombing_years_ago_a_memorial_recalls_is_no_attack_of_the_day(pipe: Pipeline) -> None:
    text = (
        "Families mark the bombing of a police station\n\n"
        "Relatives of the victims of the truck bombing that struck a police station in Aden's al-Mansoura district "
        "four years ago gathered on Saturday outside the rebuilt station."
    )
    assert not _struck(pipe, text)


def test_names_after_the_plural_of_a_kind_of_province_are_provinces(pipe: Pipeline) -> None:
    text = "Jets carried out raids on the governorates of Hodeidah and Marib on Sunday, killing two farmers."
    kinds = {m.surface: m.place.feature_type for m in _mentions(pipe, text) if m.place is not None}
    assert kinds == {"Hodeidah": "admin1", "Marib": "admin1"}


def test_a_look_back_a_decade_on_tells_of_no_attack_of_its_own(pipe: Pipeline) -> None:
    text = (
        "Fifteen years after the siege of Homs: what the war left\n\n"
        "Analysis\n\n"
        "On one February morning, army shells killed 14 people queueing for bread in Homs."
    )
    assert not _struck(pipe, text)


def test_a_crossing_named_near_a_town_is_the_crossing(pipe: Pipeline) -> None:
    text = (
        "Fighter jets hit a depot at the Jusiyah crossing near the Syrian town of al-Qusayr, in Homs province, "
        "killing a driver."
    )
    assert "Jusiyah" in _struck(pipe, text)


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


def test_an_unknown_town_listed_beside_a_known_one_is_placed_beside_it(pipe: Pipeline) -> None:
    text = (
        "Army units shelled rebel positions in the towns of Kafr Zita and al-Latamneh on Tuesday, killing 11 "
        "fighters, while jets bombed Aleppo."
    )
    m = {m.surface: m for m in _mentions(pipe, text)}
    p = m["al-Latamneh"].place
    assert p is not None and p.country == "SY" and p.admin1 == "Hama"
    assert {"Kafr Zita", "al-Latamneh"} <= _struck(pipe, text)


def test_a_shelling_its_own_words_date_years_back_is_background(pipe: Pipeline) -> None:
    text = (
        "Samira swept her house in Homs on Monday. Years of dust had settled in the rooms of the house, which was "
        "shelled during the army's siege of the neighbourhood in February 2012."
    )
    assert not _struck(pipe, text)


def test_a_somali_federal_state_after_a_town_holds_it(pipe: Pipeline) -> None:
    text = "A suicide bomber blew himself up in a tea shop in Baidoa, in South West State, killing nine people."
    p = next(m for m in _mentions(pipe, text) if m.surface == "Baidoa").place
    assert p is not None and (p.name, p.country) == ("Baidoa", "SO")


def test_a_village_in_a_region_and_its_country_under_a_foreign_dateline_is_placed(pipe: Pipeline) -> None:
    text = (
        "STUTTGART, Germany - The command conducted an air strike against militants near Dhuxun Jiifto, Lower "
        "Shabelle Region, Somalia, on March 3."
    )
    assert _places(pipe, text)["Dhuxun Jiifto"] is not None
    assert "Dhuxun Jiifto" in _struck(pipe, text)


def test_a_forces_camp_is_named_after_the_force_not_a_place(pipe: Pipeline) -> None:
    text = (
        "Militants attacked the Border Police camp in Dadajabula, Wajir South, on Sunday night, killing two officers."
    )
    assert "Border Police" not in {m.surface for m in _mentions(pipe, text)}


def test_a_small_town_a_continent_away_from_the_reports_towns_is_no_reading(pipe: Pipeline) -> None:
    # Kiunga is a town of Papua New Guinea in the gazetteer, and Mangai one of Congo; these are in Kenya's Lamu county
    text = (
        "A roadside bomb hit a police truck near Mpeketoni on Monday, killing two officers. Residents of Witu, Mangai "
        "and Kiunga were told not to travel at night, officials in Lamu said, after militants crossed from Kismayo in "
        "Somalia."
    )
    assert _places(pipe, text)["Kiunga"] is None


def test_a_town_the_army_liberated_after_fighting_is_where_the_fighting_was(pipe: Pipeline) -> None:
    text = "Government troops liberated the town of Jilib in Middle Juba region after heavy fighting on Tuesday."
    assert "Jilib" in _struck(pipe, text)


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb struck a convoy in the village of Siinka Dheer, Banadir region, on the road between Mogadishu "
        "and Afgoye, killing four.",
        "Fighters ambushed a convoy on the road between Mogadishu and Afgoye, at the village of Siinka Dheer, Banadir "
        "region, killing four.",
    ],
)
def test_the_ends_of_a_road_are_not_struck_where_the_place_on_it_is_named(pipe: Pipeline, text: str) -> None:
    struck = _struck(pipe, text)
    assert "Mogadishu" not in struck and "Afgoye" not in struck


def test_where_those_who_tell_of_it_spoke_is_not_where_it_hit(pipe: Pipeline) -> None:
    text = (
        "A drone strike hit a gathering in Moqokori on Monday, killing eight.\n\nElders from Moqokori, speaking to a "
        "local radio station in Beledweyne, where several of them went on Tuesday, said four of the dead were herders "
        "resting near a well when the strike hit."
    )
    assert _struck(pipe, text) == {"Moqokori"}


def test_the_town_a_hospital_treating_the_injured_stands_in_is_not_struck(pipe: Pipeline) -> None:
    text = (
        "A car bomb killed nine people at a checkpoint in Mogadishu's Hodan district on Sunday. Several of the injured "
        "were in a critical condition at Madina hospital in Wadajir district, medics said."
    )
    assert "Wadajir" not in _struck(pipe, text)


def test_a_province_named_by_the_militants_word_for_it_holds_its_town(pipe: Pipeline) -> None:
    text = (
        "Fighters stormed a base in the town of Awdheegle, Lower Shabelle wilayah, killing 20 soldiers, a day after a "
        "car bomb in Baidoa and a raid near Garowe."
    )
    m = next(m for m in _mentions(pipe, text) if m.surface == "Awdheegle")
    assert m.place is not None and m.place.admin1 == "Lower Shabelle"


def test_a_village_in_a_regions_province_is_placed_in_the_province(pipe: Pipeline) -> None:
    text = "Fighters clashed on Thursday in Balidhidin, a mountain village in Puntland's Bari region, leaving 20 dead."
    m = next(m for m in _mentions(pipe, text) if m.surface == "Balidhidin")
    assert m.place is not None and m.place.admin1 == "Bari"
    assert _struck(pipe, text) == {"Balidhidin"}
