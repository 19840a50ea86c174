"""The events stage on sentences written for these tests: what happened, where, when, and which toll.

The places are a small gazetteer of their own (below), so that each test checks the events
stage and not the coverage of the bundled gazetteers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mapper.events.triggers import triggers
from mapper.ingest import Source, article_from_text, read_article
from mapper.models import Article, ArticleResult, Mention, Site
from mapper.nonliteral import nonliteral_reason
from mapper.pipeline import Pipeline
from mapper.sites import assemble

from .conftest import roles

PLACES = """id,name,aliases,lat,lon,feature_type,country,admin1,parent,geo_precision,population,source
t:qarabagh,Qarabagh,Qarabagh district,33.2,68.1,admin2,AF,Ghazni,,2,,test
t:ghazni,Ghazni,Ghazni province,33.5,68.4,admin1,AF,Ghazni,,3,,test
t:fasher,El Fasher,el-Fasher|al-Fashir,13.63,25.35,city,SD,North Darfur,,1,,test
t:odesa,Odesa,Odessa,46.48,30.73,city,UA,Odesa,,1,,test
t:ukraine,Ukraine,,49.0,32.0,country,UA,,,3,,test
t:afghanistan,Afghanistan,,33.9,67.7,country,AF,,,3,,test
t:baghdad,Baghdad,,33.31,44.36,city,IQ,Baghdad,,1,,test
t:shaab,Shaab,Shaab district,33.38,44.41,district,IQ,Baghdad,,2,,test
t:damascus,Damascus,,33.51,36.29,city,SY,Damascus,,1,,test
t:kherson,Kherson,,46.64,32.61,city,UA,Kherson,,1,,test
t:sanaa,Sanaa,Sana'a,15.35,44.2,city,YE,Sanaa,,1,,test
t:attan,Jebel Attan,,15.31,44.17,natural,YE,Sanaa,,1,,test
t:nabatieh,Nabatieh,,33.38,35.48,city,LB,Nabatieh,,1,,test
t:kfar-rumman,Kfar Rumman,,33.37,35.52,village,LB,Nabatieh,,1,,test
t:tulkarm,Tulkarm,,32.31,35.03,city,PS,West Bank,,1,,test
t:hama,Hama,,35.13,36.75,city,SY,Hama,,1,,test
t:kafr-zita,Kafr Zita,,35.37,36.60,town,SY,Hama,,1,,test
t:mosul,Mosul,,36.34,43.13,city,IQ,Nineveh,,1,,test
t:hammam,Hammam al-Alil,,36.16,43.26,town,IQ,Nineveh,,1,,test
t:lyon,Lyon,,45.76,4.83,city,FR,Auvergne-Rhone-Alpes,,1,,test
t:north-sy,northern Syria,,36.0,38.0,region,SY,,,3,,test
"""


@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    gaz = tmp_path_factory.mktemp("gaz") / "places.csv"
    gaz.write_text(PLACES, encoding="utf-8")
    return Pipeline.create([gaz])


def _analyse(pipe: Pipeline, text: str, aid: str = "a.txt", published: date | None = None) -> ArticleResult:
    art = article_from_text(aid, text)
    art.published = published
    return pipe.analyse(art)


def _sites(*results: ArticleResult) -> dict[str, Site]:
    return {s.place.name: s for s in assemble(list(results), []).sites if s.role == "struck"}


def _struck(r: ArticleResult) -> dict[str, tuple[str | None, int | None]]:
    """name -> (event type, geo precision) of the struck mentions."""
    return {m.place.name: (m.event_type, m.precision) for m in r.mentions if m.role == "struck" and m.place}


# ----------------------------------------------------------------------------- places and kinds


def test_an_operation_places_its_dead_at_the_district(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "A joint security force killed three militants during a night operation in Qarabagh district, "
        "Ghazni province, officials said.",
    )
    assert _struck(r) == {"Qarabagh": ("armed_clash", 2)}  # the province only holds it
    site = _sites(r)["Qarabagh"]
    assert site.place.admin1 == "Ghazni" and site.killed_min == site.killed_max == 3


@pytest.mark.parametrize(
    ("text", "place", "kind"),
    [
        (
            "A drone strike on a school used as a shelter in el-Fasher killed nine people.",
            "El Fasher",
            "air_drone_strike",
        ),
        (
            "A missile strike on an apartment block in Ukraine's southern port city of Odesa killed four people.",
            "Odesa",
            "shelling_artillery_missile",
        ),
        (
            "A car bomb exploded near a police convoy in Baghdad's northern district of Shaab, killing six.",
            "Shaab",
            "remote_explosive_ied",
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Tulkarm, wounding two guards.",
            "Tulkarm",
            "suicide_bomb",
        ),
        ("Gunmen opened fire on a minibus in Kherson, killing two passengers.", "Kherson", "attack"),
        # the fire of a military report, its words joined by spaces, hyphens or both
        ("A joint patrol received small-arms fire near Qarabagh on Monday.", "Qarabagh", "armed_clash"),
        (
            "Insurgents directed indirect fire at an outpost in Qarabagh district.",
            "Qarabagh",
            "shelling_artillery_missile",
        ),
    ],
)
def test_other_kinds_of_attack_are_events_at_their_place(pipe: Pipeline, text: str, place: str, kind: str) -> None:
    r = _analyse(pipe, text)
    assert set(_struck(r)) == {place}
    assert _struck(r)[place][0] == kind
    assert all(m.literal for m in r.mentions if m.place and m.place.name == place)


def test_a_district_no_gazetteer_knows_is_placed_as_part_of_its_city(pipe: Pipeline) -> None:
    r = _analyse(
        pipe, "A roadside bomb went off near a patrol in Baghdad's southern district of Zarafiya, killing two."
    )
    assert _struck(r) == {"Zarafiya": ("remote_explosive_ied", 2)}  # at Baghdad's point (below)


def test_a_district_a_city_owns_is_the_target_not_the_city(pipe: Pipeline) -> None:
    r = _analyse(pipe, "A car bomb tore through Baghdad's Shaab district on Friday, killing five people.")
    assert set(_struck(r)) == {"Shaab"}, _struck(r)


def test_clashes_near_a_city_are_placed_near_it(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Clashes near the Syrian capital Damascus killed dozens of fighters on Tuesday.")
    assert _struck(r) == {"Damascus": ("armed_clash", 2)}
    assert _sites(r)["Damascus"].killed_min == 24


def test_a_fronted_place_holds_the_attack_and_its_toll(pipe: Pipeline) -> None:
    r = _analyse(pipe, "In Kherson the attack killed seven and injured 31, the governor said.")
    site = _sites(r)["Kherson"]
    assert (site.killed_min, site.killed_max, site.injured_min, site.injured_max) == (7, 7, 31, 31)


def test_a_reference_point_is_never_taken_for_the_target(pipe: Pipeline) -> None:
    known = _analyse(pipe, "Overnight strikes targeted Jebel Attan, near Sanaa.")
    assert set(_struck(known)) == {"Jebel Attan"}
    # the target unknown: the event is placed near the reference point, never at it
    unknown = _analyse(pipe, "Overnight strikes targeted the Hizyaz hills, near Sanaa.")
    assert _struck(unknown) == {"Sanaa": ("other", 2)}


def test_the_village_near_a_town_gets_its_own_dead(pipe: Pipeline) -> None:
    r = _analyse(pipe, "An airstrike hit the village of Kfar Rumman near Nabatieh, killing three people.")
    sites = _sites(r)
    assert set(sites) == {"Kfar Rumman"} and sites["Kfar Rumman"].killed_min == 3


def test_a_sentence_without_a_place_takes_the_place_before_it(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Security forces launched an operation in Qarabagh district, Ghazni province, on Monday night. "
        "During the operation, the force killed four armed men.",
    )
    assert _sites(r)["Qarabagh"].killed_min == 4


def test_an_earlier_event_recalled_keeps_its_own_date_and_does_not_date_the_article(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Jets bombed Kherson on Friday. The raids came in response to an attack on Tulkarm on 12 March.",
        published=date(2024, 3, 23),
    )
    sites = _sites(r)
    assert sites["Kherson"].event_date == "2024-03-22"  # Friday, not 12 March
    assert sites["Tulkarm"].event_date == "2024-03-12"


def test_nothing_is_struck_by_a_negated_or_figurative_report(pipe: Pipeline) -> None:
    for text in (
        "The rockets did not hit Kherson, officials stressed.",
        "Dock workers in Odesa went on a hunger strike on Monday.",
        "Officials in Damascus said the talks would continue.",
    ):
        assert _struck(_analyse(pipe, text)) == {}, text


# ----------------------------------------------------------------------------- dates


def test_the_attack_is_dated_by_its_own_day_not_by_the_statement(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "The army said on Friday it had killed 12 militants in an airstrike on Tuesday in Qarabagh district.",
        published=date(2024, 3, 8),  # a Friday
    )
    assert _sites(r)["Qarabagh"].event_date == "2024-03-05"


@pytest.mark.parametrize(("written", "day"), [("23-May-2012", "2012-05-23"), ("29-06-2022", "2022-06-29")])
def test_dates_written_with_dashes(pipe: Pipeline, written: str, day: str) -> None:
    r = _analyse(pipe, f"Shelling hit Kherson on {written}, killing two people.")
    assert _sites(r)["Kherson"].event_date == day


def test_a_release_dated_without_a_year_takes_it_from_its_reference_code(tmp_path: Path) -> None:
    f = tmp_path / "release.txt"
    f.write_text(
        "Combined Force Detains Suspects in Ghazni\n2011-03-CA-207\n"
        "KABUL, Afghanistan (March 4) - A combined force detained two suspects in Ghazni province.\n",
        encoding="utf-8",
    )
    art: Article = read_article(Source(f, f.name))
    assert art.published == date(2011, 3, 4)


# ----------------------------------------------------------------------------- tolls


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("An airstrike hit a house in Kherson, killing six children and 4 adults.", 10),
        ("A woman and her three children were killed when shelling hit their home in Kherson.", 4),
        ("At least 9 people are known to have died after a missile struck Kherson.", 9),
    ],
)
def test_tolls_counted_as_reports_write_them(pipe: Pipeline, text: str, killed: int) -> None:
    assert _sites(_analyse(pipe, text))["Kherson"].killed_min == killed


def test_what_is_no_toll_of_this_event_stays_off_its_site(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Shelling hit Kherson on Monday, wounding two people. The police corrected initial reports that a "
        "passer-by had been killed. Shelling has killed 418 people in the region since October.",
    )
    site = _sites(r)["Kherson"]
    assert (site.killed_min, site.killed_max) == (None, None) and site.injured_min == 2
    assert any(c.aside == "running total" and c.killed_min == 418 for c in r.claims)


def test_a_sentence_repeated_on_the_page_is_one_claim(pipe: Pipeline) -> None:
    said = "A drone strike in el-Fasher killed five people, medics said. "
    r = _analyse(pipe, said + "Residents fled the area. " + said)
    assert len([c for c in r.claims if c.killed_min == 5]) == 1


def test_a_later_reports_higher_toll_is_kept_beside_the_earlier(pipe: Pipeline) -> None:
    early = _analyse(pipe, "An airstrike hit Kherson on Monday, killing 8 people.", "early.txt", date(2024, 3, 4))
    later = _analyse(pipe, "The toll from Monday's airstrike on Kherson rose to 13.", "later.txt", date(2024, 3, 5))
    site = _sites(early, later)["Kherson"]
    assert sorted(c.killed_min for c in site.claims) == [8, 13]  # type: ignore[type-var]
    assert (site.killed_min, site.killed_max) == (8, 13)


# ----------------------------------------------------------------------------- struck or mentioned (the seeds' wording)


@pytest.mark.parametrize(
    ("text", "struck", "not_struck"),
    [
        ("The US raids hit locations in the Iraqi towns of Akashat and al-Qaim.", {"Akashat", "al-Qaim"}, set()),
        (
            "The assault targeted sites near the cities of Deir Ezzor, Al-Mayadeen, and Al-Bukamal.",
            {"Deir Ezzor", "Al-Mayadeen", "Al-Bukamal"},
            set(),
        ),
        (
            "Targets in the Al-Hamdaniya neighborhood and the vicinity of the Ain Ali shrine in the city of "
            "Al-Mayadeen were also hit.",
            {"Al-Hamdaniya neighborhood", "Ain Ali shrine", "Al-Mayadeen"},
            set(),
        ),
        ("A drone packed with explosives struck Tower 22, a US base in Jordan.", {"Tower 22"}, {"Jordan"}),
        (
            "The actions focused on the Al Mayadin area, considered the capital in Syria, as well as the "
            "Al Bukamal district.",
            {"Al Mayadin", "Al Bukamal"},
            {"Syria"},
        ),
        (
            "US strikes targeted sites in Al-Qaim near the Syrian border opposite Al-Bukamal.",
            {"Al-Qaim"},
            {"Al-Bukamal"},
        ),
        ("A presence that has increased after the Israeli attack on Gaza.", set(), {"Gaza"}),
        (
            "Biden attended a ceremony at the Dover Air Force base to receive the bodies of the killed soldiers.",
            set(),
            {"Dover Air Force base"},
        ),
        ("Friday's attacks did not hit Akashat itself.", set(), {"Akashat"}),
        (
            "Strikes hit the town of Akashat. The bombing campaign killed 16 people in Iraq, prompting Baghdad to "
            "summon the envoy.",
            {"Akashat"},
            {"Iraq", "Baghdad"},
        ),
        ("A port in Bahrain serves as the headquarters of the Fifth Fleet.", set(), {"Bahrain"}),
        ("The long-range bombers were launched from the United States to hit targets.", set(), {"United States"}),
    ],
)
def test_struck_or_mentioned(text: str, struck: set[str], not_struck: set[str]) -> None:
    got = roles(text)
    assert {n for n, r in got.items() if r == "struck"} == struck, got
    for n in not_struck:
        assert got.get(n) != "struck", got


# ----------------------------------------------------------------------------- how places are introduced


def test_a_province_named_as_such_only_holds_the_places_in_it(pipe: Pipeline) -> None:
    r = _analyse(pipe, "In the province of Hama, militants shelled the town of Kafr Zita.")
    assert _struck(r) == {"Kafr Zita": ("shelling_artillery_missile", 1)}  # Hama resolves to the city


def test_a_landmark_at_a_distance_is_not_where_it_happened(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Gunmen killed four farmers in Hammam al-Alil, some 25 km south of Mosul.")
    assert set(_struck(r)) == {"Hammam al-Alil"}
    # with the place itself unknown, a landmark that far is no place for the event at all
    unknown = _analyse(pipe, "Gunmen killed four farmers in Qaryat Zeid, some 70 km south of Mosul.")
    assert _struck(unknown) == {}


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike about 40 km northeast of Mosul killed three fighters, the coalition said.",
        "Artillery shelled a farm some 20 miles (32 km) west of Mosul, wounding a shepherd.",
    ],
)
def test_a_landmark_at_a_distance_alone_places_the_event_near_it(pipe: Pipeline, text: str) -> None:
    # nothing nearer is named: the map shows the strike near the landmark (precision 2), not nowhere
    assert {n: p for n, (_, p) in _struck(_analyse(pipe, text)).items()} == {"Mosul": 2}


def test_a_landmark_too_far_or_locating_another_name_is_not_where_it_happened(pipe: Pipeline) -> None:
    # a hundred kilometres is too far for the town to stand for the place, even as "near"
    assert _struck(_analyse(pipe, "A roadside bomb hit a patrol about 110 km south of Mosul on Sunday.")) == {}
    # the post's village is a name no gazetteer knows; the distance only says where it lies
    r = _analyse(pipe, "Raiders overran a police post near Tell Abtawi, by the river some 30 km south of Mosul.")
    assert _struck(r) == {}


def test_a_fight_for_a_town_and_a_building_in_it_place_the_event(pipe: Pipeline) -> None:
    assert set(_struck(_analyse(pipe, "Dozens of fighters were killed in the battle for Mosul."))) == {"Mosul"}
    assert set(_struck(_analyse(pipe, "A guard was shot dead outside a Lyon mosque on Friday."))) == {"Lyon"}


def test_a_clause_about_something_else_places_nothing(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Two soldiers were killed in clashes in Mosul, while the talks went on in Lyon.")
    assert set(_struck(r)) == {"Mosul"}


def test_where_someone_comes_from_is_not_where_it_happened(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Omar Haddad, 31, of a village near Hama, detonated a bomb at a market in Kafr Zita.")
    assert set(_struck(r)) == {"Kafr Zita"}


# ---------------------------------------------------------------- places no gazetteer has
# Villages, camps and city districts of war news are often in no gazetteer.  When the text
# puts one inside or near a place it knows, the name is placed at that place's point, with the
# precision the text allows, as ACLED's coders do.


def _struck_at(r: ArticleResult) -> dict[str, Mention]:
    return {m.surface: m for m in r.mentions if m.role == "struck"}


@pytest.mark.parametrize(
    ("text", "name", "holder", "precision", "kind"),
    [
        # a village in a province named as such: somewhere in the province
        (
            "Artillery shelled the village of Tell Qurnafa in the province of Hama overnight.",
            "Tell Qurnafa",
            "Hama",
            2,
            "village",
        ),
        (
            "Two men were shot dead in the Zuwayrat district in southern Baghdad on Sunday.",
            "Zuwayrat",
            "Baghdad",
            2,
            "district",
        ),
        # the city first: "Baghdad's district of X", "the Baghdad district of X"
        (
            "A car bomb exploded in Baghdad's northern neighbourhood of Hayy Dulaimat.",
            "Hayy Dulaimat",
            "Baghdad",
            2,
            "neighbourhood",
        ),
        (
            "A roadside bomb went off in the Baghdad district of Zuwayrat, police said.",
            "Zuwayrat",
            "Baghdad",
            2,
            "district",
        ),
        # near a town, or at a distance from it
        (
            "Drones struck the hamlet of Umm Qusayba, 20 km north of Mosul, killing four.",
            "Umm Qusayba",
            "Mosul",
            2,
            "village",
        ),
        ("An airstrike hit the village of Bir Ghazlun near Hama at dawn.", "Bir Ghazlun", "Hama", 2, "village"),
    ],
)
def test_a_place_no_gazetteer_has_is_placed_where_the_text_puts_it(
    pipe: Pipeline, text: str, name: str, holder: str, precision: int, kind: str
) -> None:
    r = _analyse(pipe, text)
    struck = _struck_at(r)
    assert set(struck) == {name}  # the known place only holds it, or is only near it
    m = struck[name]
    held = next(mm.place for mm in r.mentions if mm.surface == holder)
    assert m.place is not None and held is not None
    assert m.place.parent == held.id and m.place.resolved_by == "context"
    assert m.place.feature_type == kind and m.precision == precision
    assert (m.place.lat, m.place.lon, m.place.country) == (held.lat, held.lon, held.country)


@pytest.mark.parametrize(
    ("text", "name", "holder", "precision", "kind"),
    [
        # the part of the town a district lies in, said with "in the west of"
        (
            "A bomb killed four labourers in the Hayy Nasr neighbourhood in the west of Baghdad.",
            "Hayy Nasr",
            "Baghdad",
            2,
            "neighbourhood",
        ),
        # an enclave, the word for a town held by one side inside the other's territory
        (
            "Rebels are shelling Zarqa Ulya, a besieged enclave north of Hama, again.",
            "Zarqa Ulya",
            "Hama",
            2,
            "town",
        ),
    ],
)
def test_more_ways_of_saying_where_an_unknown_place_lies(
    pipe: Pipeline, text: str, name: str, holder: str, precision: int, kind: str
) -> None:
    test_a_place_no_gazetteer_has_is_placed_where_the_text_puts_it(pipe, text, name, holder, precision, kind)


def test_a_chain_of_unknown_places_is_placed_link_by_link(pipe: Pipeline) -> None:
    # neither the village nor its district is in any gazetteer; the province is
    r = _analyse(pipe, "Two guards were killed in the village of Sar Kalay in Tangi district in Ghazni province.")
    struck = _struck_at(r)
    assert set(struck) == {"Sar Kalay"}  # the finest place: the district only holds it
    village = struck["Sar Kalay"].place
    district = next(m.place for m in r.mentions if m.surface == "Tangi")
    assert village is not None and district is not None
    assert village.parent == district.id and district.parent == "t:ghazni"
    # no finer than what holds it: the district stands at the province's point
    assert village.admin1 == "Ghazni" and struck["Sar Kalay"].precision == 3


def test_a_province_a_headline_names_yields_to_the_unknown_place_the_story_puts_in_it(pipe: Pipeline) -> None:
    # the headline's strike is the story's: at the village the text puts in the province,
    # mapped at the province's point, not at the province as a second site
    r = _analyse(
        pipe,
        "Air strike in Ghazni province kills four\n"
        "A jet bombed a house in the village of Dand Kalay in Ghazni province, killing four people.",
    )
    assert set(_struck_at(r)) == {"Dand Kalay"}


def test_a_clause_that_says_where_the_events_took_place_is_read(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Six gunmen were killed in the fighting, which took place near a bridge in the Hayy Nasr district of Mosul.",
    )
    assert set(_struck_at(r)) == {"Hayy Nasr"}


def test_a_province_beside_the_region_it_lies_in_is_where_it_happened(pipe: Pipeline) -> None:
    # neither holds the other in the gazetteer's terms: the province is the finer of the two
    r = _analyse(pipe, "Dozens of insurgents were killed over two days in Hama province, northern Syria.")
    struck = _struck_at(r)
    assert set(struck) == {"Hama"} and struck["Hama"].precision == 3


def test_a_list_of_places_runs_on_past_how_often_each_was_hit(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Militants shelled the villages of Tell Qurnafa (twice), Zuwayrat (at dawn) and Kafr Zita.")
    assert {"Tell Qurnafa", "Zuwayrat", "Kafr Zita"} <= {m.surface for m in r.mentions}
    assert "Kafr Zita" in _struck_at(r)


@pytest.mark.parametrize(
    ("text", "name", "holder", "precision"),
    [
        ("A roadside bomb went off in the Hayy Salam area of Mosul, killing two.", "Hayy Salam", "Mosul", 2),
        ("Clashes killed six fighters in the area of Zuwayrat near Mosul.", "Zuwayrat", "Mosul", 2),
    ],
)
def test_an_area_the_text_places_is_where_it_happened(
    pipe: Pipeline, text: str, name: str, holder: str, precision: int
) -> None:
    struck = _struck_at(_analyse(pipe, text))
    assert set(struck) == {name}
    p = struck[name].place
    assert p is not None and p.resolved_by == "context" and struck[name].precision == precision
    assert p.parent == next(m.place.id for m in _analyse(pipe, text).mentions if m.surface == holder and m.place)


@pytest.mark.parametrize(
    "text", ["Traffic was slow in the Zuwayrat area on Monday.", "Prices rose across the area of Upper Zuwayrat."]
)
def test_an_area_the_text_does_not_place_is_no_place(pipe: Pipeline, text: str) -> None:
    # "the X area" as often names a stretch of country as a place: only kept where the text places it
    assert not [m for m in _analyse(pipe, text).mentions if "Zuwayrat" in m.surface]


def test_a_building_a_city_qualifies_is_in_the_city(pipe: Pipeline) -> None:
    r = _analyse(pipe, "A lawyer was shot dead outside a Mosul court as he arrived for a hearing.")
    assert set(_struck_at(r)) == {"Mosul"}
    # the court as an institution, or a country's building, says nothing of where anything happened
    assert nonliteral_reason(*_span("The Mosul court sentenced him to death.", "Mosul"), "city")
    assert nonliteral_reason(*_span("Protesters gathered outside the Ukraine court.", "Ukraine"), "country")


def _span(text: str, name: str) -> tuple[str, int, int]:
    return text, text.index(name), text.index(name) + len(name)


def test_a_place_placed_in_a_province_is_only_as_precise_as_the_province(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Rockets fell on the village of Deh Khwaja Sufla in Ghazni province, wounding three.")
    m = _struck_at(r)["Deh Khwaja Sufla"]
    assert m.place is not None and m.place.admin1 == "Ghazni" and m.precision == 3


@pytest.mark.parametrize(
    "text",
    [
        # a country is too wide to place a village at its point
        "Shelling hit the village of Tell Qurnafa in Ukraine.",
        # a list: the unknown name is not said to be in the known one
        "Strikes hit Tell Qurnafa, Hama and Mosul.",
        # no relation at all
        "Tell Qurnafa was shelled on Monday; separately, Mosul was quiet.",
    ],
)
def test_an_unknown_name_is_not_placed_without_a_place_that_holds_it(pipe: Pipeline, text: str) -> None:
    r = _analyse(pipe, text)
    assert all(m.place is None for m in r.mentions if m.surface == "Tell Qurnafa")


def test_the_same_unknown_place_in_two_articles_is_one_site(pipe: Pipeline) -> None:
    a = _analyse(pipe, "A drone strike hit the village of Bir Ghazlun near Hama on 3 May 2024.", "a.txt")
    b = _analyse(pipe, "Activists said the village of Bir Ghazlun near Hama was struck on 3 May 2024.", "b.txt")
    sites = _sites(a, b)
    assert set(sites) == {"Bir Ghazlun"} and sorted(sites["Bir Ghazlun"].articles) == ["a.txt", "b.txt"]


def test_a_town_named_before_its_suburb_holds_it(pipe: Pipeline) -> None:
    # "the Mosul suburb of X": the suburb is where it happened, not the town
    r = _analyse(pipe, "A journalist was shot dead in the western Mosul suburb of Hayy Dulaimat.")
    assert set(_struck_at(r)) == {"Hayy Dulaimat"}


def test_the_weapons_between_a_strike_verb_and_its_targets_are_passed_over(pipe: Pipeline) -> None:
    r = _analyse(
        pipe, "Militants shelled from mortars and heavy machine guns the towns of Hama and Kafr Zita on Friday."
    )
    assert set(_struck(r)) == {"Hama", "Kafr Zita"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen shelled the settlement of al-Warda in the province of Hama.", "al-Warda"),
        ("A bomb killed two traders in the Bab Sharqi neighbourhood in eastern Baghdad.", "Bab Sharqi"),
        ("An officer was shot dead in his hometown of Tell Nasra, 30 km north of Mosul.", "Tell Nasra"),
        ("Three soldiers died in a mortar attack on the stronghold of Dar Kulayb near Mosul.", "Dar Kulayb"),
    ],
)
def test_names_introduced_as_places_are_found_and_placed(pipe: Pipeline, text: str, name: str) -> None:
    # none of these is in any gazetteer: the words around each say it is a place, and where
    struck = _struck_at(_analyse(pipe, text))
    assert set(struck) == {name}
    assert struck[name].place is not None and struck[name].place.resolved_by == "context"


def test_a_word_ending_in_al_starts_no_name(pipe: Pipeline) -> None:
    # "traditional Sunni neighbourhood": the pattern's name starts at a word, and a people is no place
    r = _analyse(pipe, "A bomb hit a traditional Sunni neighbourhood of Hayy Dulaimat in western Mosul.")
    assert [m.surface for m in r.mentions if m.surface.endswith("Sunni")] == []
    assert "Hayy Dulaimat" in _struck_at(r)


def test_the_province_a_sentence_is_set_in_holds_its_unknown_villages(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "In the province of Hama, gunmen shelled the village of Tell Qurnafa and a power station in Kafr Zita.",
    )
    struck = _struck_at(r)
    assert set(struck) == {"Tell Qurnafa", "Kafr Zita"}  # the village however coarsely placed, and the town
    assert struck["Tell Qurnafa"].precision == 3 and struck["Kafr Zita"].precision == 1


def test_the_one_province_of_an_article_holds_a_town_it_does_not_place(pipe: Pipeline) -> None:
    text = (
        "Two soldiers were killed in Qarabagh on Monday, officials in Ghazni province said.\n\n"
        "A day later a roadside bomb struck a police truck in the town of Deh Khwaja Sufla."
    )
    m = _struck_at(_analyse(pipe, text))["Deh Khwaja Sufla"]
    assert m.place is not None and m.place.admin1 == "Ghazni" and m.precision == 3


def test_the_subject_after_a_fronted_province_is_no_list_of_places(pipe: Pipeline) -> None:
    # "the province of X, Y ..." continues no list without an "and": Y is who acted
    r = _analyse(pipe, "In the province of Hama, Jund Tarkhan fighters shelled the village of Tell Qurnafa.")
    assert "Jund Tarkhan" not in {m.surface for m in r.mentions}
    assert set(_struck_at(r)) == {"Tell Qurnafa"}


def test_an_apposition_says_what_and_where_a_place_is(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Gunmen killed nine people in Zawr Dabbah, a farming village some 30 km south of Mosul.")
    m = _struck_at(r)["Zawr Dabbah"]
    assert m.place is not None and m.place.feature_type == "village" and m.precision == 2


def test_a_name_built_on_kafr_or_tell_is_a_village(pipe: Pipeline) -> None:
    text = "Shelling hit Kafr Sijnaq on Monday, a day after clashes in Kafr Zita in Hama province."
    m = _struck_at(_analyse(pipe, text))["Kafr Sijnaq"]
    assert m.place is not None and m.place.feature_type == "village" and m.place.admin1 == "Hama"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A mine exploded as an army truck passed by Kafr Zita, wounding two soldiers.", "Kafr Zita"),
        ("Troops killed 12 militants in the neighbouring province of Ghazni on Sunday.", "Ghazni"),
        ("A photographer was shot at the entrance to Tulkarm on Friday.", "Tulkarm"),
    ],
)
def test_more_ways_of_saying_where(pipe: Pipeline, text: str, name: str) -> None:
    assert name in _struck(_analyse(pipe, text))


def test_an_apposition_about_a_victims_ties_does_not_cancel_the_attack(pipe: Pipeline) -> None:
    # "linked to" marks activity that is not this event only within its own clause
    r = _analyse(pipe, "Colonel Samir Haddad, an officer linked to the old regime, was killed by a car bomb in Hama.")
    assert "Hama" in _struck(r), _struck(r)
    r = _analyse(pipe, "Police arrested two men linked to the bombing in Hama.")
    assert "Hama" not in _struck(r), _struck(r)


def test_where_the_rockets_were_launched_from_is_not_where_they_struck(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Rockets slammed into an army depot in Mosul on Sunday. Police said the rockets had been launched "
        "from the nearby town of Hammam al-Alil.",
    )
    assert set(_struck_at(r)) == {"Mosul"}
    assert "Hammam al-Alil" in {m.surface for m in r.mentions}


def test_a_headline_toll_is_the_lead_events_not_every_events(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Odesa: drone attack kills five\n"
        "Russian drones hit a port warehouse in Odesa on Tuesday night, killing five workers.\n"
        "Elsewhere, artillery fire on Kherson killed a woman.",
    )
    tolls: dict[str, set[tuple[int | None, int | None]]] = {}
    for c in r.claims:
        for p in c.places:
            tolls.setdefault(p, set()).add((c.killed_min, c.killed_max))
    assert tolls == {"t:odesa": {(5, 5)}, "t:kherson": {(1, 1)}}, tolls


def test_a_toll_split_by_place_puts_each_part_on_its_place_and_the_whole_on_none(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Shelling kills 14 in southern Ukraine\n"
        "Russian shelling killed at least 14 civilians across southern Ukraine on Monday, including six in "
        "Odesa and three in Kherson, regional officials said.",
    )
    tolls: dict[str, set[tuple[int | None, int | None]]] = {}
    for c in r.claims:
        for p in c.places or ["-"]:
            tolls.setdefault(p, set()).add((c.killed_min, c.killed_max))
    # the headline's 14 is the lead's whole, which no one town had
    assert tolls == {"t:odesa": {(6, 6)}, "t:kherson": {(3, 3)}, "-": {(14, 14), (14, None)}}, tolls


def test_a_place_a_direction_points_from_after_a_comma_is_no_item_of_a_list(pipe: Pipeline) -> None:
    r = _analyse(pipe, "A rocket slammed into a block of flats in Kfar Rumman, east of Nabatieh, killing two.")
    assert set(_struck_at(r)) == {"Kfar Rumman"}
    # a list whose later item has its own head word is still a list
    r = _analyse(pipe, "Drones struck the villages of Kfar Rumman and the city of Nabatieh at dawn.")
    assert set(_struck_at(r)) == {"Kfar Rumman", "Nabatieh"}


def test_a_report_giving_the_dead_of_each_side_of_a_fight_gives_the_site_their_sum(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Gunmen stormed a checkpoint in Kherson on Monday, killing six police officers. "
        "Four attackers were killed in the gunfight.",
    )
    k = _sites(r)["Kherson"]
    assert (k.killed_min, k.killed_max) == (10, 10)
    # told far apart, two figures of the article are two figures, whatever their sides
    r = _analyse(
        pipe,
        "Gunmen stormed a checkpoint in Kherson on Monday, killing six police officers. "
        "The city has been shelled for months. Residents queue for water each morning. "
        "Four attackers were killed, the army said.",
    )
    k = _sites(r)["Kherson"]
    assert (k.killed_min, k.killed_max) == (4, 6)


def test_a_place_a_distance_in_nautical_miles_points_from_is_not_struck(pipe: Pipeline) -> None:
    r = _analyse(pipe, "A missile struck a tanker at sea, about 60 nautical miles west of Sanaa, on Monday.")
    assert "Sanaa" not in _struck_at(r)


def test_the_toll_in_the_part_of_a_sentence_that_turns_to_another_strike_is_that_strikes(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Warplanes bombed Hama overnight, the army said, while a rocket hit a school in Kafr Zita, "
        "killing four pupils, a local medic said.",
    )
    assert {"Hama", "Kafr Zita"} <= set(_struck_at(r))
    [claim] = r.claims
    assert claim.places == ["t:kafr-zita"]
    assert claim.claimant == "a local medic"


def test_a_toll_summing_up_strikes_that_have_tolls_of_their_own_is_on_none_of_their_sites(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "A missile hit a grain terminal in Odesa on Monday, killing six dock workers. "
        "In Kherson, artillery fire wounded two women. "
        "In all, at least nine people were killed across Ukraine, officials said.",
    )
    sites = _sites(r)
    assert (sites["Odesa"].killed_min, sites["Odesa"].killed_max) == (6, 6)
    assert sites["Kherson"].killed_min is None and sites["Kherson"].injured_min == 2


def test_the_toll_of_a_strike_told_as_hours_before_another_is_its_own(pipe: Pipeline) -> None:
    r = _analyse(pipe, "Drones hit the port of Odesa on Monday, hours after missiles struck Kherson, killing three.")
    assert {"Odesa", "Kherson"} <= set(_struck_at(r))
    [claim] = r.claims
    assert claim.places == ["t:kherson"]


def test_a_headline_at_a_town_that_names_its_province_yields_to_a_town_of_the_province(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Syria: blast at arms depot in Hama kills five\n"
        "An explosion tore through an arms depot in the town of Kafr Zita on Wednesday, killing five people.",
    )
    assert set(_struck_at(r)) == {"Kafr Zita"}
    # but the town's own parts come first
    r = _analyse(pipe, "Blast in Baghdad kills two\nA car bomb exploded in the Shaab district of Baghdad, killing two.")
    assert set(_struck_at(r)) == {"Shaab district"}


def test_a_headline_summing_up_the_story_at_a_country_is_its_leads(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Attacks across Ukraine leave seven dead\n"
        "A Russian missile slammed into a grain terminal in Odesa on Monday, killing seven dock workers. "
        "In a separate attack, drones hit a power station in Kherson.",
    )
    killed = {p for c in r.claims if c.killed_min for p in c.places}
    assert killed == {"t:odesa"}, killed
    assert {"Odesa", "Kherson"} <= set(_struck_at(r))


@pytest.mark.parametrize(
    "text",
    [
        "A drone fired a missile at a motorbike on the road between Nabatieh and Kfar Rumman, killing its rider.",
        "A drone fired a missile at a motorbike on the highway between Nabatieh and Kfar Rumman on Monday.",
    ],
)
def test_a_strike_on_the_road_between_two_places_is_near_both(pipe: Pipeline, text: str) -> None:
    struck = _struck_at(_analyse(pipe, text))
    assert {"Nabatieh", "Kfar Rumman"} <= set(struck), set(struck)
    assert all(m.precision == 2 for m in struck.values())  # near, not at


def test_a_match_between_two_clubs_named_after_cities_puts_no_event_there(pipe: Pipeline) -> None:
    r = _analyse(pipe, "A fan was stabbed on his way to a game between Lyon and Odesa, police in Kherson said.")
    assert not ({"Lyon", "Odesa"} & set(_struck_at(r)))


def test_a_country_yields_to_the_province_the_story_names_in_it(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Bombing in Afghanistan kills six\nA truck bomb exploded outside a police post in Ghazni province, "
        "killing six officers.",
    )
    assert set(_struck_at(r)) == {"Ghazni province"}


def test_a_headline_at_a_city_yields_to_the_district_the_story_names(pipe: Pipeline) -> None:
    r = _analyse(
        pipe,
        "Bomb in Baghdad kills five\nA car bomb went off outside a bakery in Shaab on Friday, killing five people.",
    )
    assert set(_struck_at(r)) == {"Shaab"}
    shaab = _struck_at(r)["Shaab"].place
    assert shaab is not None
    tolls = {(c.killed_min, tuple(c.places)) for c in r.claims}
    assert tolls == {(5, (shaab.id,))}, tolls


def test_a_city_is_only_the_container_of_its_district_named_first(pipe: Pipeline) -> None:
    # the district found by a name that includes its part word ("Shaab district")
    r = _analyse(pipe, "A car bomb went off outside a bakery in the Shaab district of Baghdad, killing five people.")
    assert set(_struck_at(r)) == {"Shaab district"}


@pytest.mark.parametrize(
    "recall",
    [
        "Last year a similar attack on a depot in Kherson wounded two.",
        "Two years ago a drone attack on a depot in Kherson wounded two.",
    ],
)
def test_an_earlier_attack_the_story_recalls_undated_is_not_mapped(pipe: Pipeline, recall: str) -> None:
    r = _analyse(pipe, "A drone hit a fuel depot in Odesa on Monday, injuring three workers. " + recall)
    assert set(_struck_at(r)) == {"Odesa"}


def test_a_strike_on_a_long_road_is_near_neither_end(pipe: Pipeline) -> None:
    # Baghdad and Damascus are 750 km apart: the strike was somewhere between, near neither
    r = _analyse(pipe, "A suicide bomber blew up a truck on the highway from Baghdad to Damascus, killing six.")
    assert not _struck_at(r)


def test_a_strike_on_a_short_road_from_one_town_to_another_is_near_both(pipe: Pipeline) -> None:
    r = _analyse(pipe, "A drone hit a van on the road from Nabatieh to Kfar Rumman, killing two.")
    assert set(_struck_at(r)) == {"Nabatieh", "Kfar Rumman"}


def test_a_trend_is_no_event() -> None:
    text = "It was the third bombing this month as the militants step up attacks elsewhere."
    assert [t.word for t in triggers(text, 0, len(text))] == ["bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "Government jets bombed Kafr Zita in northern Hama on Sunday, killing four civilians.",
        "Government jets bombed the town of Kafr Zita, in the north of Hama, on Sunday.",
        "An artillery shell landed on a house in Kfar Rumman in Nabatieh on Tuesday, wounding three.",
        "Jets struck Hammam al-Alil village in Mosul on Friday, residents said.",
    ],
)
def test_a_town_put_in_a_city_of_its_province_is_the_place_not_the_city(pipe: Pipeline, text: str) -> None:
    # a town is not inside another town: the city's name stands for its province or its area
    struck = _struck_at(_analyse(pipe, text))
    assert len(struck) == 1 and set(struck) & {"Kafr Zita", "Kfar Rumman", "Hammam al-Alil"}, set(struck)


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        ("Government jets bombed Kafr Zita and Hama on Sunday.", {"Kafr Zita", "Hama"}),  # a list
        # a town of another province is not held by the city
        ("Government jets bombed Kafr Zita in Nabatieh, residents said.", {"Kafr Zita", "Nabatieh"}),
    ],
)
def test_a_town_beside_a_city_in_another_sense_keeps_the_city(pipe: Pipeline, text: str, struck: set[str]) -> None:
    assert set(_struck_at(_analyse(pipe, text))) == struck


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Abu Hamra, Hazm Sakr and Umm Jurn villages near Hama on Friday.",
        "Drones struck the Abu Hamra and Hazm Sakr displacement camps outside Hama at dawn.",
    ],
)
def test_a_list_a_plural_kind_word_ends_is_a_list_of_places_placed_together(pipe: Pipeline, text: str) -> None:
    # none of the names is in a gazetteer: the plural says what they are, the last says where
    struck = _struck_at(_analyse(pipe, text))
    names = {n for n in ("Abu Hamra", "Hazm Sakr", "Umm Jurn") if n in text}
    assert names <= set(struck), set(struck)
    assert all(struck[n].place.parent == "t:hama" for n in names)


def test_a_name_before_a_plural_word_of_people_is_no_list_of_places(pipe: Pipeline) -> None:
    # "Hazm Sakr fighters": people, and nothing makes Abu Hamra a place
    struck = _struck_at(_analyse(pipe, "Shelling near Hama killed Abu Hamra and Hazm Sakr fighters on Friday."))
    assert not {"Abu Hamra", "Hazm Sakr"} & set(struck), set(struck)
