"""How casualty figures are counted from the ways attack reports write them (sentences written for these tests)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.casualties import Figures, find_figures


def _killed(sentence: str) -> list[tuple[int | None, int | None]]:
    return [(f.killed_min, f.killed_max) for f in find_figures(sentence) if f.killed_min or f.killed_max]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # groups of one clause are summed
        ("The shelling killed seven children and 13 adults in the camp.", (20, 20)),
        ("A man and his three daughters were killed when the house collapsed.", (4, 4)),
        ("Three policemen and a bystander died at the checkpoint.", (4, 4)),
        ("The rockets killed two farmers, a shepherd and four students.", (7, 7)),
        ("Medics said 12 civilians, 9 soldiers, and 3 rebels have been killed.", (24, 24)),
        ("A senior commander of the Qassam Brigades and two of his aides were killed.", (3, 3)),
        ("troops returned fire, killing the militia commander Omar Haddad and one other gunman", (2, 2)),
        # other ways of saying that people died
        ("Nine people are believed to have died in the fire that followed.", (9, 9)),
        ("The bodies of four fishermen were recovered from the beach.", (4, 4)),
        ("Two bodies were pulled from the rubble on Monday.", (2, 2)),
        ("The explosion claimed the lives of 17 workers.", (17, 17)),
        ("The death toll rose to 41 overnight.", (41, 41)),
        ("By evening the toll had climbed by six to 27.", (27, 27)),
        ("The clash resulted in eight militant deaths.", (8, 8)),
        ("At least 23 were killed in the market.", (23, None)),
        ("More than 60 people lost their lives.", (61, None)),
        ("Thirty-two passengers were killed.", (32, 32)),
        ("A dozen soldiers died in the ambush.", (12, 12)),
        ("Dozens of villagers were killed.", (24, None)),
        ("Several gunmen were killed in the exchange of fire.", (3, None)),
        ("killing all four", (4, 4)),
        # one person
        ("A fighter was killed and the patrol withdrew.", (1, 1)),
        ("The raid killed a senior bomb maker and his driver.", (2, 2)),
        ("The coalition force killed the Taliban leader in Khost.", (1, 1)),
        ("Soldiers said they killed Hezbollah commander Karim Nasser.", (1, 1)),
        ("An Afghan policeman was killed and four others were hurt.", (1, 1)),
        ("He was shot and killed as he fled the compound.", (1, 1)),
        ("The suspect fired on the patrol, which returned fire, killing him.", (1, 1)),
        ("One of the guards died later in hospital.", (1, 1)),
        # a detained, captured or arrested person is not killed
        ("The patrol killed one militant and detained three suspects.", (1, 1)),
        ("Commandos killed a facilitator and arrested another in Zurmat.", (1, 1)),
        ("The force killed two insurgents and captured four others.", (2, 2)),
        ("The ambush killed 40 tribesmen and 6 guards.", (46, 46)),
        ("The gunmen shot dead nine pilgrims.", (9, 9)),
        ("The airstrike killed 35 guerrillas near the river.", (35, 35)),
        ("killing six navy members and wounding two more", (6, 6)),
        ("An assailant entered the shop, killing 62-year-old Lena Ortiz.", (1, 1)),
        ("A driver of Interior Minister Karim al-Saadi was killed at the gate.", (1, 1)),
        ("Fifteen fighters including two commanders were killed in the raid.", (15, 15)),
        ("Troops killed the local emir, Hassan, along with two of his guards.", (3, 3)),
        # no apposition counted twice
        ("The strike killed four people, a mother and her three children.", (4, 4)),
        (
            "A drone hit a car, killing two civilians, a mother and her adult daughter who ran a shop, and "
            "hurting one.",
            (2, 2),
        ),
        # who they were, between dashes; a number in words, then in digits; the soldiers of South Asia's press
        ("Two aid workers - a driver and a nurse - were killed when the convoy was shelled.", (2, 2)),
        ("The army reported nine (9) soldiers killed and two (2) wounded.", (9, 9)),
        ("A police jawan was killed when militants hurled a grenade.", (1, 1)),
        ("Gunmen ambushed the team, killing one vaccinator.", (1, 1)),
    ],
)
def test_killed_figure(sentence: str, killed: tuple[int | None, int | None]) -> None:
    assert killed in _killed(sentence)
    assert len(_killed(sentence)) == 1, find_figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was killed in the blast.",
        "Nobody was hurt, officials said.",
        "No casualties were reported.",
        "There were no reports of injuries among the crew.",
        "The ministry later corrected earlier reports that a child had been killed.",
        "The army denied that three civilians were killed in the operation.",
        "The army denied killing two farmers.",
        "The group threatened to kill 20 hostages.",
        "Three days later the convoy moved north.",
        "The bomber detonated the vest 3 km from the base.",
        "The assault force detained two suspected insurgents.",
        "A fire at the farm left three horses injured and two dogs dead.",
        "A raid on the consulate on Sept. 11 killed the envoy.",  # a date, not a toll
    ],
)
def test_no_killed_figure(sentence: str) -> None:
    assert _killed(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("At least 480 civilians have been killed since March.", (480, None)),
        ("Between 2,100 and 3,050 were killed in six years of drone strikes.", (2100, 3050)),
        ("1,200-1,650 killed in nine years", (1200, 1650)),
        ("The conflict has killed more than 40,000 people.", (40001, None)),
        ("The civil war, which began in 2014, has killed some 9,000 people.", (9000, 9000)),
        ("Two soldiers died on Friday, bringing the number killed this year to 58.", (58, 58)),
        ("In the past three years, 212 aid workers have been killed.", (212, 212)),
        ("Around 700 people have died in the fighting since the start of the year.", (700, 700)),
        # the days of a campaign
        ("Officials said 64 people had been killed across the country since Saturday.", (64, 64)),
        ("Strikes have killed at least 30 civilians in the province since the weekend.", (30, None)),
        # the dead of a war, counted with the people it has driven from their homes
        ("Nearly 300 people have been killed and about 50,000 displaced, and the valley is now split.", (None, 299)),
    ],
)
def test_running_totals_are_marked(sentence: str, killed: tuple[int | None, int | None]) -> None:
    figs = [f for f in find_figures(sentence) if (f.killed_min, f.killed_max) == killed]
    assert figs, find_figures(sentence)
    assert all(f.cumulative for f in figs)


@pytest.mark.parametrize(
    "sentence",
    [
        "Six people were killed in the deadliest strike on the city since 2019.",
        "Four soldiers were killed on Sunday, the highest toll since January.",
        "The drone strike killed three men near the border this morning.",
        "Medics have recovered four bodies since Tuesday's air raid on the camp.",
        # one attack can drive thousands from their homes
        "Gunmen killed six villagers and displaced 3,000 residents when they stormed the hamlet.",
    ],
)
def test_an_events_toll_is_not_a_running_total(sentence: str) -> None:
    figs = find_figures(sentence)
    assert figs and not any(f.cumulative for f in figs if f.killed_min in (3, 4, 6))


def test_the_injured_attach_to_the_killed_figure_of_the_clause() -> None:
    [f] = find_figures("The blast killed five workers and injured 14 others.")
    assert (f.killed_min, f.killed_max, f.injured_min, f.injured_max) == (5, 5, 14, 14)
    [f] = find_figures("One civilian was killed and three suffered minor wounds.")
    assert (f.killed_min, f.injured_min) == (1, 3)
    # wounded, then dead: one death, not also one injury
    assert [(f.killed_min, f.injured_min) for f in find_figures("A guard was wounded and later died.")] == [(1, None)]


def test_figures_keep_their_defaults() -> None:
    assert Figures().cumulative is False


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.lists(
    st.sampled_from(
        [
            "killed ",
            "were ",
            "died ",
            "and ",
            ", ",
            "two ",
            "a ",
            "the ",
            "Taliban ",
            "commander ",
            "soldiers ",
            "at least ",
            "1,000-2,000 ",
            "since October ",
            "no ",
            "he ",
            "was ",
            "wounded ",
            "toll ",
            "rose to ",
            "bodies of ",
            "including ",
            "corrected reports that ",
            "Ali ",
            "9 ",
        ]
    ),
    max_size=80,
).map("".join)


@SETTINGS
@given(st.one_of(st.text(max_size=400), PIECES))
def test_figures_never_raise_and_stay_credible(text: str) -> None:
    for f in find_figures(text):
        for v in (f.killed_min, f.killed_max, f.injured_min, f.injured_max):
            assert v is None or 0 <= v <= 100_000
        assert 0 <= f.span[0] <= f.span[1] <= len(text)


@pytest.mark.parametrize(
    "unit",
    [
        "killed 1 soldier, ",
        "the Taliban commander Ali Omar and two soldiers and ",
        "killed ",
        "A B C D ",
        "were killed since October, no one was killed, the toll rose to 5 and ",
    ],
)
def test_figures_take_time_linear_in_the_text(unit: str) -> None:
    def cost(n: int) -> float:
        text = unit * n
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            find_figures(text)
            best = min(best, time.perf_counter() - t)
        return best

    small, large = cost(100), cost(1600)
    assert large < 16 * small * 3 + 0.05  # 16 times the text: well under 16 times 3 the time


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Gunfight leaves two soldiers, three militants dead", (5, 5)),
        ("Four police, two civilians killed in Kandahar blast", (6, 6)),
        # in a sentence, a comma without "and" is an apposition
        ("The blast killed three people, a woman and her two children.", (3, 3)),
    ],
)
def test_a_headline_writes_a_comma_for_and(sentence: str, killed: tuple[int, int]) -> None:
    assert [(f.killed_min, f.killed_max) for f in find_figures(sentence)] == [killed]


@pytest.mark.parametrize(
    ("sentence", "killed", "victims"),
    [
        ("A drone strike on the depot killed five warehouse workers and two factory guards.", (7, 7), None),
        ("Shelling killed four farm labourers in the fields.", (4, 4), "farm labourers"),
    ],
)
def test_people_named_by_where_they_work_are_counted(sentence: str, killed: tuple, victims: str | None) -> None:
    [f] = find_figures(sentence)
    assert (f.killed_min, f.killed_max) == killed
    assert victims is None or f.victims == victims


@pytest.mark.parametrize(
    ("sentence", "killed", "victims"),
    [
        # the unit the victims served in, between them and the verb
        ("Three jawans of the Central Reserve Police Force (CRPF) were killed in the blast.", (3, 3), "jawans"),
        # the followers of a creed, and plurals in -men
        ("Nine Maoists, among them a regional commander, were killed in the gunfight.", (9, 9), "Maoists"),
        ("Gunmen opened fire on the post, killing four guardsmen.", (4, 4), "guardsmen"),
    ],
)
def test_more_ways_of_naming_the_dead(sentence: str, killed: tuple, victims: str) -> None:
    [f] = [f for f in find_figures(sentence) if f.killed_min]
    assert (f.killed_min, f.killed_max) == killed and f.victims == victims


def test_a_toll_since_then_is_a_running_total() -> None:
    [f] = find_figures("More than 900 people have been killed in the province since then, officials say.")
    assert f.killed_min is not None and f.cumulative


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a couple is two people, and a family is counted to its grandmother
        ("The shell hit their home, killing a couple, their three sons and a grandmother.", (6, 6)),
        ("A couple were killed when a rocket struck their car.", (2, 2)),
        # the word of army and ministry statements in Pakistan, Iran and Syria
        ("Four soldiers were martyred when the convoy was ambushed.", (4, 4)),
    ],
)
def test_families_and_martyrs_are_counted(sentence: str, killed: tuple[int, int]) -> None:
    assert [(f.killed_min, f.killed_max) for f in find_figures(sentence) if f.killed_min] == [killed]


def test_a_couple_of_is_no_couple() -> None:
    assert not [f for f in find_figures("Fighting went on for a couple of days and killed no one.") if f.killed_min]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # the nouns of Saba's and SANA's copy
        ("The raids led to the martyrdom of five of the dock workers and the injury of nine others.", (5, 5), (9, 9)),
        # the force the dead served in
        ("Three federal police officers were killed when their checkpoint came under fire.", (3, 3), (None, None)),
    ],
)
def test_statement_nouns_and_forces_are_counted(sentence: str, killed: tuple, injured: tuple) -> None:
    [f] = find_figures(sentence)
    assert (f.killed_min, f.killed_max) == killed and (f.injured_min, f.injured_max) == injured


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # an apposition about who they were, between the dead and the verb
        ("At least 14 people, most of them children, were killed when the shelter was hit.", (14, None)),
        # the dead named by what they were suspected of
        ("A raid on a hideout killed five suspected cartel members.", (5, 5)),
    ],
)
def test_who_the_dead_were_does_not_hide_the_toll(sentence: str, killed: tuple) -> None:
    assert [(f.killed_min, f.killed_max) for f in find_figures(sentence) if f.killed_min] == [killed]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a count of some of them in the apposition
        ("At least eleven villagers, five of them women, were killed when the market was shelled.", (11, None)),
        # a long one
        (
            "At least 30 people, most of them fighters and members of the Popular Mobilisation Forces (PMF) "
            "militia, were killed in the raid.",
            (30, None),
        ),
        # a participle that says who they were
        ("Three nurses employed by the United Nations Children's Fund (UNICEF) were killed on the road.", (3, 3)),
        # the toll raised in a later statement
        ("The ministry first said two people had died, but later raised the toll to five.", (5, 5)),
    ],
)
def test_more_of_who_the_dead_were_does_not_hide_the_toll(sentence: str, killed: tuple) -> None:
    assert killed in [(f.killed_min, f.killed_max) for f in find_figures(sentence) if f.killed_min]


def test_a_toll_since_a_coup_is_a_running_total() -> None:
    figs = [f for f in find_figures("Some 5,000 civilians have been killed by the army since the 2021 coup.")]
    assert figs and all(f.cumulative for f in figs)


def test_the_buried_are_dead_but_not_those_buried_under_rubble() -> None:
    assert _killed("Elders said 17 people had been buried in the town by nightfall.") == [(17, 17)]
    assert _killed("Rescuers said 17 people were buried under the rubble of the school.") == []


@pytest.mark.parametrize(
    ("sentence", "killed", "victims"),
    [
        # one figure for two kinds of people
        ("Officials said at least 25 police officers and militiamen were killed at the post.", (25, None), None),
        # a word the lists lack before a plural they have
        ("A shell hit the pagoda, killing four novice monks.", (4, 4), "novice monks"),
    ],
)
def test_a_figure_for_two_kinds_of_people_or_with_an_unlisted_word(
    sentence: str, killed: tuple, victims: str | None
) -> None:
    [f] = [f for f in find_figures(sentence) if f.killed_min]
    assert (f.killed_min, f.killed_max) == killed
    assert victims is None or f.victims == victims


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # one person told of between commas, with a name and a trade
        ("One person, Rahim Ullah Khan, a tea seller from the next village, was killed.", (1, 1)),
        ("A clinic official said one patient, a farmer from the hills, had been killed.", (1, 1)),
        # two people told of with their ages between commas
        ("Two pupils, a boy and a girl aged ten and eleven, were killed when the roof fell.", (2, 2)),
        # a rank or a trade the lists did not have
        ("One commando was killed and four were hurt in the gunfight.", (1, 1)),
        ("A sergeant was killed at the checkpoint, the regiment said.", (1, 1)),
        # a force's initials for its members
        ("The gendarmerie's count gives nine (9) VDP killed and three (3) wounded.", (9, 9)),
        ("Clashes near the dam: 6 SDF killed, 3 wounded.", (6, 6)),
    ],
)
def test_who_the_dead_were_between_commas_and_by_rank(sentence: str, killed: tuple) -> None:
    assert killed in [(f.killed_min, f.killed_max) for f in find_figures(sentence) if f.killed_min]


@pytest.mark.parametrize(
    "sentence",
    [
        "The convoy left at 5 AM killed time at the border.",  # a time is no force
        "The bus carried 40 passengers, a driver said, and none was hurt.",
    ],
)
def test_no_dead_are_read_from_a_time_or_a_passing_clause(sentence: str) -> None:
    assert [f for f in find_figures(sentence) if f.killed_min] == []
