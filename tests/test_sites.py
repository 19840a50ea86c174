from __future__ import annotations

from datetime import date

from mapper.ingest import clean_text
from mapper.models import Article
from mapper.pipeline import Pipeline, finish


def _art(aid: str, text: str, published: date | None = None) -> Article:
    clean, offsets = clean_text(text)
    return Article(
        id=aid, path=aid, text=text, clean=clean, offsets=offsets, published=published, outlet=aid[:1].upper()
    )


def _run(tmp_path, *arts: Article):
    pipe = Pipeline.create()
    return finish([pipe.analyse(a) for a in arts], [], tmp_path, formats=("geojson",))


def test_two_events_at_one_place_stay_apart(tmp_path) -> None:
    a = _art("a.txt", "On Sunday US warplanes struck Al-Qaim, killing five fighters.", date(2021, 6, 28))
    b = _art("b.txt", "US strikes hit Al-Qaim on Friday, killing at least 16 people.", date(2024, 2, 3))
    res = _run(tmp_path, a, b)
    qaim = [s for s in res.sites if s.place.id == "gz:al-qaim" and s.role == "struck"]
    assert sorted(s.event_date for s in qaim) == ["2021-06-27", "2024-02-02"]
    by_date = {s.event_date: s for s in qaim}
    assert by_date["2021-06-27"].killed_min == 5 and by_date["2021-06-27"].articles == ["a.txt"]
    assert by_date["2024-02-02"].killed_min == 16 and by_date["2024-02-02"].articles == ["b.txt"]
    assert len({s.site_id for s in qaim}) == 2


def test_undated_article_joins_the_dated_event_and_year_is_borrowed(tmp_path) -> None:
    a = _art("a.txt", "US strikes hit Akashat early on 3 February.")
    b = _art("b.txt", "Warplanes hit Akashat on Saturday, officials said.", date(2024, 2, 3))
    c = _art("c.txt", "Raids hit Akashat and killed two.")
    res = _run(tmp_path, a, b, c)
    [site] = [s for s in res.sites if s.role == "struck"]
    assert site.event_date == "2024-02-03"
    assert site.articles == ["a.txt", "b.txt", "c.txt"] and site.outlets == ["A", "B", "C"]
    assert site.site_id == "gz:akashat@2024-02-03"


def test_shared_claim_listed_once_per_site_not_duplicated(tmp_path) -> None:
    a = _art("a.txt", "US raids hit locations in the towns of Akashat and al-Qaim, killing at least 16 people.")
    res = _run(tmp_path, a)
    assert len(res.claims) == 1
    claim = res.claims[0]
    assert len(claim.sites) == 2
    for s in res.sites:
        if s.role == "struck":
            assert s.claims == [claim] and s.killed_min == 16


def test_mentioned_places_are_separate_and_never_struck(tmp_path) -> None:
    a = _art("a.txt", "Officials in Baghdad said warplanes struck Al-Qaim. Protests were held in Gaza.")
    res = _run(tmp_path, a)
    roles = {s.place.name: s.role for s in res.sites}
    assert roles["Al-Qaim"] == "struck" and roles["Baghdad"] == "mentioned" and roles["Gaza Strip"] == "mentioned"
