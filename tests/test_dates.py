"""Dates as news and press releases write them (texts written for these tests)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.dates import DateRef, dateline_date, event_date_ref, find_dates, first_full_date, may_hold_full_date

REF = date(2024, 3, 8)  # a Friday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("17-Sep-2015", date(2015, 9, 17)),
        ("17-Sept.-2015", date(2015, 9, 17)),
        ("the raid on 14-03-2019 in the valley", date(2019, 3, 14)),
        ("14.03.2019", date(2019, 3, 14)),
        ("14/03/2019", date(2019, 3, 14)),
        ("03/14/2019", date(2019, 3, 14)),  # the month first: 14 is no month
        ("2019/03/14", date(2019, 3, 14)),
        ("2019-3-4", date(2019, 3, 4)),
        ("March 14, 2019", date(2019, 3, 14)),
        ("14 March 2019", date(2019, 3, 14)),
        ("Thursday, 14 March 2019", date(2019, 3, 14)),
    ],
)
def test_full_dates(text: str, day: date) -> None:
    assert first_full_date(text) == day
    [ref] = [r for r in find_dates(text) if r.kind == "full"]
    assert ref.value == day


@pytest.mark.parametrize(
    "text",
    [
        "05/06/2019",  # which is the month?
        "31-02-2019",  # no such day
        "2011-04-S-029",  # a reference code
        "1,240-1,905 people",
        "call 555-12-2019",
    ],
)
def test_no_full_date(text: str) -> None:
    assert first_full_date(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sept. 3", date(2023, 9, 3)),
        ("Feb. 29", date(2024, 2, 29)),
        ("yesterday", date(2024, 3, 7)),
        ("the day before yesterday", date(2024, 3, 6)),
        ("Last night", date(2024, 3, 7)),
        ("overnight", date(2024, 3, 7)),
        ("on Tuesday night", date(2024, 3, 5)),
        ("early Sunday", date(2024, 3, 3)),
        ("this morning", date(2024, 3, 8)),
    ],
)
def test_dates_against_the_articles_date(text: str, day: date) -> None:
    [ref] = find_dates(text)
    assert ref.resolve(REF) == day
    assert ref.resolve(None) is None  # no reference date, no date: never today's


def test_overnight_before_a_weekday_is_that_weekday() -> None:
    [ref] = find_dates("Jets struck overnight Wednesday.")
    assert ref.kind == "weekday" and ref.resolve(REF) == date(2024, 3, 6)


def test_relative_dates_keep_their_meaning_in_the_fields_the_store_keeps() -> None:
    [ref] = find_dates("It was hit yesterday.")
    copy = DateRef(ref.kind, ref.start, ref.end, ref.value, ref.month, ref.day, ref.weekday, ref.modifier)
    assert copy.resolve(REF) == date(2024, 3, 7)


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a reference code gives the year a dateline leaves out
        (
            "2014-10-CA-031\nFor Immediate Release\n\nHERAT, Afghanistan (Oct. 7)\nA patrol was attacked.",
            date(2014, 10, 7),
        ),
        ("2014-10-S-112\n\nHERAT, Afghanistan (Oct. 7) - A patrol was attacked.", date(2014, 10, 7)),
        # a release numbered in January, dated the last day of December
        ("2015-01-S-002\n\nKABUL, Afghanistan (Dec. 31)\nA patrol was attacked.", date(2014, 12, 31)),
        (
            "Night Raids Continue\nJoint Command - Afghanistan\n2014-10-CA-031\nKANDAHAR, Afghanistan (Oct. 7, 2014)\n",
            date(2014, 10, 7),
        ),
        ("Oct. 8: Operations in the South\n2014-10-CA-040\nA combined force detained a suspect.", date(2014, 10, 8)),
        (
            "Morning Operational Update Oct. 9, 2014\n2014-10-S-055\nKABUL, Afghanistan\nIn Helmand province...",
            date(2014, 10, 9),
        ),
        ("GAZA CITY, Nov 12 (Reuters) - An airstrike hit a house. In 2019, another strike ...", None),
        ("MOSUL, Iraq, 12 November 2016 (AFP) - Jets struck the bridge.", date(2016, 11, 12)),
        ("Kyiv, 3 March 2023\nDrones struck the power station.", date(2023, 3, 3)),
        ("BEIRUT (AP) — Israeli jets struck southern Lebanon on Oct. 3, 2024, killing two.", None),
        ("An airstrike on Monday killed five people near the market.", None),
        ("", None),
    ],
)
def test_dateline_date(text: str, day: date | None) -> None:
    assert dateline_date(text) == day


def test_a_year_is_not_taken_from_the_body() -> None:
    text = "GAZA CITY, Nov 12 (Reuters) - The strike hit the house that was bombed on 3 March 2019 as well."
    assert dateline_date(text) is None
    assert dateline_date("Weekly update of 11 Nov 2018\nGAZA CITY, Nov 12 (Reuters) - A strike.") == date(2018, 11, 12)


def test_a_dateline_without_a_year_needs_a_reference_date() -> None:
    text = "HERAT, Afghanistan (Oct. 7) - A patrol was attacked."
    assert dateline_date(text) is None
    assert dateline_date(text, date(2014, 10, 8)) == date(2014, 10, 7)
    assert dateline_date(text, date(2015, 1, 2)) == date(2014, 10, 7)


# --------------------------------------------------------------------------- the event's date


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Officials said on Friday that drones had struck the depot on Tuesday.", "struck", "on Tuesday"),
        ("A drone struck the depot on Tuesday, officials said on Friday.", "struck", "on Tuesday"),
        ("A drone struck the depot early Tuesday, officials told reporters Friday.", "struck", "early Tuesday"),
        ("The ministry said in a statement on Friday that shells hit the town overnight.", "hit", "overnight"),
        (
            "On Wednesday jets bombed the camp; on Thursday the army said it regretted the deaths.",
            "bombed",
            "Wednesday",
        ),
        ("The army on Friday said its jets struck the camp.", "struck", None),
        ("Police announced Friday that a bomb killed three people.", "killed", None),
        ("A shell hit the school yesterday, killing a teacher.", "hit", "yesterday"),
    ],
)
def test_event_date_ref(sentence: str, trigger: str, expected: str | None) -> None:
    ref = event_date_ref(sentence, sentence.index(trigger))
    got = sentence[ref.start : ref.end].strip() if ref else None
    assert got == expected


def test_event_date_ref_spans_take_the_base() -> None:
    sentence = "Jets struck the bridge on Monday."
    ref = event_date_ref(sentence, 5, base=100)
    assert ref is not None and (ref.start, ref.end) == (100 + sentence.index("on Monday"), 100 + len(sentence) - 1)


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.lists(
    st.sampled_from(
        [
            "KABUL, Afghanistan (",
            "Aug. 14",
            ")",
            "2010-08-CA-014",
            "\n",
            "\u2028",
            "said on Thursday ",
            "struck ",
            "yesterday ",
            "overnight ",
            "29-06-2022 ",
            "31/02/2019 ",
            "Dec. 31",
            "2099-12-S-1",
            "1899-01-A-2",
            ", ",
            "Feb. 29",
            " ",
        ]
    ),
    max_size=60,
).map("".join)


@SETTINGS
@given(st.one_of(st.text(max_size=400), PIECES), st.integers(min_value=-5, max_value=500))
def test_new_date_readers_never_raise(text: str, trigger: int) -> None:
    day = dateline_date(text)
    assert day is None or date(1900, 1, 1) <= day <= date(2100, 12, 31)
    dateline_date(text, date(2100, 12, 31))
    dateline_date(text, date(1, 1, 1))
    ref = event_date_ref(text, trigger)
    assert ref is None or 0 <= ref.start <= ref.end <= len(text)
    for r in find_dates(text):
        r.resolve(date(2100, 12, 31))
        r.resolve(date(1900, 1, 1))


@pytest.mark.parametrize(
    "unit",
    [
        "Army said on Friday jets struck on 3 May 2019 and 14-03-2019, ",
        "yesterday overnight Sunday ",
        "KABUL (Aug. 1)\n",
    ],
)
def test_date_readers_take_time_linear_in_the_text(unit: str) -> None:
    def cost(n: int) -> float:
        text = unit * n
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            event_date_ref(text, len(text) // 2)
            dateline_date(text)
            best = min(best, time.perf_counter() - t)
        return best

    small, large = cost(100), cost(1600)
    assert large < 16 * small * 3 + 0.05


def test_first_full_date_is_the_first_full_date_found() -> None:
    for text in [
        "On Friday, 2 February 2024, strikes hit; on 3 Feb they went on. 2024-02-05 and March 1, 2023.",
        "3 February and Friday, then 2021-06-28, then June 27, 2021",
        "no date at all, 2024",
        "Tuesday 31 February 2024 is no date; 1 March 2024 is",
    ]:
        full = [r.value for r in find_dates(text) if r.kind == "full"]
        assert first_full_date(text) == (full[0] if full else None)


# pieces of full dates and what may stand beside a year, to join at random
YEAR_PIECES = st.lists(
    st.sampled_from(
        [
            "2019",
            "1998",
            "20",
            "19",
            "0",
            "7",
            "23",
            "3rd",
            "21st",
            "th",
            "May",
            "May.",
            "Sept",
            "Sept.",
            "December",
            "Dec",
            "dec",
            "Monday",
            "Friday,",
            ",",
            " ",
            "  ",
            "\n",
            "\t",
            "\u00a0",
            "\u2028",
            "-",
            "/",
            ".",
            "in ",
            "the ",
            "a",
            "X",
            "1",
            "٢",
            "2023-",
            "-2020",
            "/12/",
            "(",
            ")",
        ]
    ),
    max_size=30,
).map("".join)


@SETTINGS
@given(st.one_of(YEAR_PIECES, st.text(max_size=200)))
def test_a_text_said_to_hold_no_full_date_holds_none(text: str) -> None:
    # the quick look at the years may say "maybe" where there is none, never "no" where there is one
    full = [r for r in find_dates(text) if r.kind == "full"]
    if not may_hold_full_date(text):
        assert full == []
        assert first_full_date(text) is None
    else:
        assert first_full_date(text) == (full[0].value if full else None)


@SETTINGS
@given(st.one_of(PIECES, st.text(alphabet=st.sampled_from("AKb ,(\t\u00a0\n\r\u2028\u20291"), max_size=60)))
def test_a_header_line_pattern_matched_at_line_starts_finds_what_a_search_finds(text: str) -> None:
    from mapper.dates import _DATE_OPENS_LINE, _DATELINE, _LINE_BREAK

    starts = [0, *(b.end() for b in _LINE_BREAK.finditer(text))]
    for rx in (_DATELINE, _DATE_OPENS_LINE):
        at_starts = [m.span() for p in starts if (m := rx.match(text, p)) is not None]
        assert at_starts == [m.span() for m in rx.finditer(text)]


def test_the_quick_look_at_years_passes_over_years_without_dates() -> None:
    assert not may_hold_full_date("In 2019 the town was hit; by 2020 it was rebuilt, 2021 too.")
    assert not may_hold_full_date("Bus 2019 left; 120199 people; March-ish 2019")
    for text in ["May 3,\n 2019", "3 Sept. 2019", "on 2019/03/04", "14.03.2019", "17-Sep-2015", "Dec. 31, 1999"]:
        assert may_hold_full_date(text), text
        assert first_full_date(text) is not None, text


def test_resolving_against_an_impossible_date_gives_none() -> None:
    (ref,) = find_dates("It happened last Friday.")
    assert ref.resolve(date(1, 1, 1)) is None and ref.resolve(date(9999, 12, 31)) is None
    assert ref.resolve(date(2024, 2, 5)) == date(2024, 2, 2)
