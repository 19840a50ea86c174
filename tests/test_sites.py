from __future__ import annotations

from datetime import date

from mapper.ingest import clean_text
from mapper.models import Article
from mapper.pipeline import Pipeline

from .conftest import finish


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


def test_lean_results_keep_only_the_mentions_the_sites_read(tmp_path) -> None:
    from mapper.sites import lean_result

    text = (
        "Officials in Baghdad said warplanes struck Al-Qaim. Baghdad condemned it; Baghdad, Gaza and "
        "Baghdad again. Al-Qaim was hit on Sunday, and Al-Qaim mourned. BAGHDAD residents fled."
    )
    full = Pipeline.create().analyse(_art("a.txt", text, date(2024, 2, 4)))
    lean = lean_result(full)
    literal = [(m.place.id, m.surface) for m in full.mentions if m.literal and m.place]
    kept = [(m.place.id, m.surface) for m in lean.mentions if m.role != "struck"]
    assert len(literal) > len(set(literal))  # the text names places more than once
    assert len(kept) == len(set(kept))  # a place under one name is kept once
    assert set(kept) | {(m.place.id, m.surface) for m in lean.mentions} >= set(literal)
    assert [m for m in full.mentions if m.role == "struck" and m.place] == [
        m for m in lean.mentions if m.role == "struck"
    ]
    assert all(m.place is not None for m in lean.mentions)
    a = finish([full], [], tmp_path / "full", formats=("geojson", "csv"))
    b = finish([lean], [], tmp_path / "lean", formats=("geojson", "csv"))
    for name in ("sites.geojson", "sites.csv", "report.json"):
        assert (tmp_path / "full" / name).read_bytes() == (tmp_path / "lean" / name).read_bytes()
    assert [s.names_seen for s in a.sites] == [s.names_seen for s in b.sites]


def test_sites_from_results_in_order_hold_none_of_the_results_read(tmp_path) -> None:
    """``assemble(..., in_order=True)`` reads a stream: of a result read, it keeps what the
    sites need (the article, claims, struck mentions), never the result with all its mentions."""
    import gc
    import weakref

    from mapper.sites import assemble, lean_result

    pipe = Pipeline.create()
    texts = [
        "US strikes hit Akashat early on 3 February; officials in Baghdad said 16 were killed.",
        "Protests were held in Gaza and in Baghdad on Sunday.",
        "Warplanes hit Akashat on Saturday, officials in Damascus said.",
        "Baghdad and Gaza were quiet.",
    ] * 3
    results = [lean_result(pipe.analyse(_art(f"{i:02d}.txt", t, date(2024, 2, 4)))) for i, t in enumerate(texts)]
    expected = assemble(list(reversed(results)), [])
    read: list[weakref.ref] = []
    alive: list[int] = []

    def stream():
        while results:
            r = results.pop(0)
            read.append(weakref.ref(r))
            yield r
            del r
            gc.collect()
            alive.append(sum(ref() is not None for ref in read))

    got = assemble(stream(), [], in_order=True)
    assert max(alive) <= 1  # at most the one being read
    assert [s.site_id for s in got.sites] == [s.site_id for s in expected.sites]
    assert [(s.articles, s.names_seen, s.killed_min) for s in got.sites] == [
        (s.articles, s.names_seen, s.killed_min) for s in expected.sites
    ]
    assert got.event_dates == expected.event_dates and got.unresolved == expected.unresolved
