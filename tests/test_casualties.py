from __future__ import annotations

import pytest

from mapper.casualties import find_claimant, find_figures, parse_number

from .conftest import analyse_text


@pytest.mark.parametrize(
    ("s", "n"),
    [
        ("16", 16),
        ("1,000", 1000),
        ("sixteen", 16),
        ("twenty-five", 25),
        ("two hundred", 200),
        ("one hundred and five", 105),
        ("two dozen", 24),
        ("a hundred", 100),
        ("nine (09)", 9),
    ],
)
def test_parse_number(s: str, n: int) -> None:
    assert parse_number(s) == n


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The raids killed at least 16 people.", (16, None), (None, None)),
        ("These included areas where forces are stationed, killing at least 16 people.", (16, None), (None, None)),
        ("The attack killed three US soldiers and injured dozens.", (3, 3), (24, None)),
        ("killing three soldiers and wounding more than 40 others.", (3, 3), (41, None)),
        ("Three US soldiers were killed and 40 others were injured.", (3, 3), (40, 40)),
        ("A child had died and at least three other people were wounded.", (1, 1), (3, None)),
        ("Five militia fighters were killed and several more wounded.", (5, 5), (3, None)),
        ("Up to 40 people were killed.", (None, 40), (None, None)),
        ("Between 5 and 8 civilians were killed.", (5, 8), (None, None)),
        ("Nearly 30 people were killed.", (None, 29), (None, None)),
        ("The drone strike left three American soldiers dead.", (3, 3), (None, None)),
        ("the deaths of three US service members", (3, 3), (None, None)),
        ("The shells killed two dozen villagers.", (24, 24), (None, None)),
        ("Half a dozen guards were killed at the gate.", (6, 6), (None, None)),
        ("More than a hundred people were hurt in the blast.", (None, None), (101, None)),
        ("The strike killed 10 al-Shabaab fighters near the town.", (10, 10), (None, None)),
        # as Sahel general staffs write their own losses, with numbers in words and digits
        ("In the clashes that followed, the defence forces lost seven soldiers.", (7, 7), (None, None)),
        ("The toll on our side is eleven (11) soldiers killed.", (11, 11), (None, None)),
        ("Four (04) gendarmes were wounded in the attack.", (None, None), (4, 4)),
        # who they were, in a bracketed name or one word of where they were
        ("Two officers of the Internal Security Forces (Asayish) were killed at the checkpoint.", (2, 2), (None, None)),
        ("Two passengers inside were killed when the shell hit the minibus.", (2, 2), (None, None)),
        # one person at work, named by the work
        ("The bomb hit the depot, killing one caretaker.", (1, 1), (None, None)),
        ("A vendor was killed and two shopkeepers were hurt.", (1, 1), (2, 2)),
    ],
)
def test_figures(sentence: str, killed: tuple, injured: tuple) -> None:
    figs = find_figures(sentence)
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.killed_min, f.killed_max) == killed
    assert (f.injured_min, f.injured_max) == injured


@pytest.mark.parametrize(
    ("sentence", "whole", "parts"),
    [
        (
            "Missiles killed at least 19 people around the province overnight, including eight in Qarabagh, "
            "the governor said.",
            (19, None),
            [((8, 8), "eight in Qarabagh")],
        ),
        (
            "The raids killed 31 villagers in the north, including 12 in the village of Kafr Zita and four in Hama.",
            (31, 31),
            [((12, 12), "12 in the village of Kafr Zita"), ((4, 4), "four in Hama")],
        ),
        ("Mortar fire killed 25 people, 17 of them at Kherson.", (25, 25), [((17, 17), "17 of them at Kherson")]),
        # a part near a place, and a part whose place the next part's number ends
        (
            "Air raids killed 40 people on Friday, including 15 near a bakery in Hama and six at a school.",
            (40, 40),
            [((15, 15), "15 near a bakery in Hama"), ((6, 6), "six at a school")],
        ),
        # a figure at its own place, then another at the next
        (
            "Officials said six guards were killed at the Tal Afar depot and two more near the Sinjar road.",
            (6, 6),
            [((2, 2), "two more near the Sinjar road")],
        ),
        (
            "Local sources said five rebels died in Kafr Zita, and three in the shelling of Latamneh.",
            (5, 5),
            [((3, 3), "three in the shelling of Latamneh")],
        ),
        # injured after the parts belong to the whole
        (
            "Drones killed nine people, including two in Odesa, and wounded 30.",
            (9, 9),
            [((2, 2), "two in Odesa")],
        ),
    ],
)
def test_a_toll_split_by_place_gives_each_part_with_the_words_naming_its_place(
    sentence: str, whole: tuple, parts: list
) -> None:
    [first, *rest] = find_figures(sentence)
    assert (first.killed_min, first.killed_max) == whole and not first.part
    got = [((f.killed_min, f.killed_max), sentence[f.span[0] : f.span[1]]) for f in rest]
    assert got == parts
    assert all(f.part for f in rest)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bomb killed 14 people, including four children.",  # who, not where
        "Shelling killed 14 people in the market, including the imam of the mosque.",
        "Two guards died and five were hurt, including one in Hama.",  # a part of the hurt
    ],
)
def test_a_list_after_a_toll_that_names_no_part_by_place_is_none(sentence: str) -> None:
    assert not [f for f in find_figures(sentence) if f.part]


@pytest.mark.parametrize(
    "sentence",
    [
        "It did not say whether anyone was killed or injured.",
        "US forces used more than 125 precision-guided munitions on 85 targets.",
        "There are about 3,000 US troops based in Jordan.",
        "The raids led to the deaths of millions across the region.",
        "Ten 10e99 1,000,000,000 people were killed.",
        # a loss that is no death
        "The refinery lost 300 jobs after the strike.",
        "The battalion lost two armoured vehicles in the ambush.",
    ],
)
def test_no_casualty_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Iraqi government spokesperson Bassem al-Awadi said the US raids hit locations.",
            "Iraqi government spokesperson Bassem al-Awadi",
        ),
        ("From the Iraqi side, Al-Mayadeen confirmed that sites were targeted, killing two.", "Al-Mayadeen"),
        (
            "At least 18 were killed, an Iraqi military source and the Syrian Observatory for Human Rights reported.",
            "an Iraqi military source and the Syrian Observatory for Human Rights",
        ),
        (
            "According to the Syrian Observatory for Human Rights, five were killed.",
            "the Syrian Observatory for Human Rights",
        ),
        ("The Pentagon did not say whether anyone was killed.", None),
        ("The attack killed three US soldiers and injured dozens.", None),
    ],
)
def test_claimant(sentence: str, claimant: str | None) -> None:
    assert find_claimant(sentence) == claimant


def test_claimant_carries_over_and_claim_covers_both_towns_once() -> None:
    r = analyse_text(
        "Iraqi government spokesperson Bassem al-Awadi said the US raids hit locations in the Iraqi towns of "
        "Akashat and al-Qaim. These included areas where our security forces are stationed, killing at least 16 people."
    )
    [claim] = r.claims
    assert claim.killed_min == 16 and claim.killed_max is None
    assert "Awadi" in (claim.claimant or "")
    assert sorted(claim.places) == ["gz:akashat", "gz:al-qaim"]


def test_claim_in_a_country_covers_the_struck_sites_in_it() -> None:
    r = analyse_text(
        "US warplanes hit Akashat and Al-Qaim and struck Al-Bukamal. "
        "The bombing campaign killed at least 16 people in Iraq, including civilians."
    )
    [claim] = r.claims
    assert sorted(claim.places) == ["gz:akashat", "gz:al-qaim"]


def test_the_first_toll_of_a_report_dated_last_week_is_its_events_and_a_later_one_an_earlier_events() -> None:
    r = analyse_text(
        "Insurgents killed 11 villagers in raids on Al-Qaim last week, officials said. "
        "A rocket had killed two guards at Akashat months ago."
    )
    first, second = r.claims
    assert first.killed_min == 11 and first.places == ["gz:al-qaim"] and not first.aside
    assert second.killed_min == 2 and second.places == [] and second.aside == "an earlier event"


@pytest.mark.parametrize(
    "text",
    [
        "Forces raided a compound in Al-Qaim. The commander was involved in the March 3 bombing, which killed nine.",
        "Forces raided a compound in Al-Qaim. The commander planned and led a deadly ambush that killed nine guards.",
    ],
)
def test_what_a_targeted_man_did_before_is_an_earlier_events_toll(text: str) -> None:
    [claim] = analyse_text(text).claims
    assert claim.killed_min == 9 and claim.places == [] and claim.aside == "an earlier event"


def test_earlier_event_casualties_are_not_put_on_todays_sites() -> None:
    r = analyse_text(
        "In retaliation for last week's drone strike that left three American soldiers dead, "
        "US warplanes bombed targets in Al-Qaim."
    )
    [claim] = r.claims
    assert claim.places == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ('A village elder said "more than 30" fighters had been killed in the raid.', (31, None)),
        ("The mayor put the dead at “twelve”, adding that the toll could rise.", None),  # no victims' word
        ('Police said "nine" people were killed when the bus was hit.', (9, 9)),
    ],
)
def test_a_figure_given_in_quotation_marks_is_read(text: str, killed: tuple[int, int | None] | None) -> None:
    got = [(c.killed_min, c.killed_max) for c in analyse_text(text).claims if c.killed_min is not None]
    assert got == ([killed] if killed else []), got


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Troops neutralised six terrorists and recovered four rifles.", 6),
        ("More than 20 insurgents were neutralized in the raid.", 21),
        ("The air component eliminated 12 fighters at the camp.", 12),
    ],
)
def test_armies_words_for_the_enemies_they_killed_are_tolls(sentence: str, killed: int) -> None:
    (fig,) = find_figures(sentence)
    assert fig.killed_min == killed


def test_munitions_neutralised_are_no_toll() -> None:
    assert find_figures("Air defences neutralised 20 drones over the region overnight.") == []


def test_beheading_is_a_death_toll() -> None:
    (fig,) = find_figures("Insurgents raided the hamlet at dawn, beheading five men and burning the granary.")
    assert fig.killed_min == 5


def test_a_cause_named_after_the_toll_is_not_its_earlier_event() -> None:
    text = (
        "Jets struck a bandit camp at Kurfi on Monday. Over 20 bandits were neutralised, including a commander "
        "responsible for kidnappings on the highway."
    )
    r = analyse_text(text)
    (claim,) = [c for c in r.claims if c.killed_min == 21]
    assert claim.aside == ""


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # an army's words for its own dead
        ("The blast at the checkpoint led to the martyrdom of three of our valiant soldiers.", 3),
        ("In the exchange of fire that followed, four brave sons of soil embraced shahadat.", 4),
        ("Provisional toll: seven soldiers fallen with arms in hand and nine wounded.", 7),
        ("Two gendarmes fell in combat when the convoy was ambushed.", 2),
        # the Arabic article written apart from the name it belongs to
        ("The drone strike killed four al Shabaab commanders travelling in a pickup.", 4),
    ],
)
def test_armies_words_for_their_own_dead_and_names_with_a_lower_case_article_are_tolls(
    sentence: str, killed: int
) -> None:
    (fig,) = [f for f in find_figures(sentence) if f.killed_min is not None]
    assert fig.killed_min == killed


@pytest.mark.parametrize(
    "sentence",
    ["Share prices fell in early trading.", "Snow had fallen on the passes overnight, closing the road."],
)
def test_falling_that_is_no_death_is_no_toll(sentence: str) -> None:
    assert [f for f in find_figures(sentence) if f.killed_min is not None] == []


def test_staff_killed_nationwide_since_the_full_scale_invasion_is_a_running_total() -> None:
    text = (
        "A drone struck a warehouse in Krasnopillia on Monday, killing two rescuers. The emergency service says more "
        "than 100 of its staff have been killed nationwide since the full-scale invasion."
    )
    r = analyse_text(text)
    (total,) = [c for c in r.claims if c.killed_min == 101]
    assert total.aside == "running total"


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A strike on a flat in Beit Lahia killed a family of six before dawn.", 6),
        ("Officials said four farmers, aged 17, 30 and 52, were killed in the shelling.", 4),
        ("Three guards at the depot were killed when the drone hit.", 3),
        ("In the firefight, two brave sons of soil, having fought valiantly, embraced shahadat.", 2),
    ],
)
def test_a_family_of_n_and_victims_with_their_ages_posts_or_deeds_before_the_verb_are_tolls(
    sentence: str, killed: int
) -> None:
    (fig,) = [f for f in find_figures(sentence) if f.killed_min is not None]
    assert fig.killed_min == killed
