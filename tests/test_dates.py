"""Dates in news text and how they resolve (mapper.dates)."""

from __future__ import annotations


def test_first_full_date_is_the_first_full_date_found() -> None:
    from mapper.dates import find_dates, first_full_date

    for text in [
        "On Friday, 2 February 2024, strikes hit; on 3 Feb they went on. 2024-02-05 and March 1, 2023.",
        "3 February and Friday, then 2021-06-28, then June 27, 2021",
        "no date at all, 2024",
        "Tuesday 31 February 2024 is no date; 1 March 2024 is",
    ]:
        full = [r.value for r in find_dates(text) if r.kind == "full"]
        assert first_full_date(text) == (full[0] if full else None)


def test_resolving_against_an_impossible_date_gives_none() -> None:
    from datetime import date

    from mapper.dates import find_dates

    (ref,) = find_dates("It happened last Friday.")
    assert ref.resolve(date(1, 1, 1)) is None and ref.resolve(date(9999, 12, 31)) is None
    assert ref.resolve(date(2024, 2, 5)) == date(2024, 2, 2)
