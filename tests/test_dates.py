"""Dates as news and press releases write them (texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.dates import DateRef, find_dates, first_full_date

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
@given(st.one_of(st.text(max_size=400), PIECES))
def test_find_dates_never_raises(text: str) -> None:
    for r in find_dates(text):
        assert 0 <= r.start <= r.end <= len(text)
        r.resolve(date(2100, 12, 31))
        r.resolve(date(1900, 1, 1))
