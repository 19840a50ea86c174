"""Filters on the sites: one definition for the library, `mapper sites` and `mapper export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mapper.filters import FilterError, SiteFilter
from mapper.models import Place, RunResult, Site

from .helpers.cli import invoke_strict as _run


def _site(sid: str, cc: str, when: str | None, killed: int | None = None, role: str = "struck", **kw: Any) -> Site:
    s = Site(sid, Place(sid, sid, 1.0, 2.0, "town", cc), role, event_date=when, killed_min=killed, **kw)
    return s


SITES = [
    _site("a", "SY", "2024-02-01", 3),
    _site("b", "SY", "2024-02-03", None),
    _site("c", "IQ", "2024-02-03", 16),
    _site("d", "IQ", None, 40),
    _site("m", "SY", None, role="mentioned"),
]


def _keep(**kw: Any) -> list[str]:
    where = SiteFilter.make(**kw)
    return [s.site_id for s in SITES if where.site(s)]


def test_each_filter_and_their_combination() -> None:
    assert _keep() == ["a", "b", "c", "d", "m"] and not SiteFilter.make()
    assert _keep(since="2024-02-02") == ["b", "c"]  # undated and mentioned places go
    assert _keep(until="2024-02-01") == ["a"]
    assert _keep(since="2024-02-01", until="2024-02-03") == ["a", "b", "c"]
    assert _keep(countries=["sy"]) == ["a", "b", "m"]
    assert _keep(countries=["Iraq", "SYR"]) == ["a", "b", "c", "d", "m"]
    assert _keep(min_killed=16) == ["c", "d"]
    assert _keep(min_killed=0) == ["a", "c", "d"]  # no figure is not zero
    assert _keep(countries=["IQ"], since="2024-02-01", min_killed=10) == ["c"]


def test_event_types_are_read_from_the_sites_when_they_have_them() -> None:
    typed = _site("t", "SY", "2024-02-01", event_types=["air_drone_strike"])
    where = SiteFilter.make(event_types=["air_drone_strike", "suicide_bomb"])
    assert where.site(typed) and not any(where.site(s) for s in SITES)
    f = {"properties": {"role": "struck", "event_types": ["suicide_bomb"], "event_date": "2024-01-01"}}
    assert where.feature(f) and not where.feature({"properties": {"role": "struck"}})


def test_the_cli_offers_the_event_types_of_the_events_stage() -> None:
    from mapper.cli.options import EVENT_TYPE_CHOICES
    from mapper.filters import EVENT_TYPES

    assert EVENT_TYPE_CHOICES == EVENT_TYPES


def test_bad_filters_say_what_is_wrong() -> None:
    for kw, words in (
        ({"countries": ["Narnia"]}, "unknown country"),
        ({"since": "yesterday"}, "not a date"),
        ({"since": "2024-03-01", "until": "2024-02-01"}, "is after"),
        ({"event_types": ["bombing"]}, "unknown event type"),
        ({"min_killed": -1}, "negative"),
    ):
        with pytest.raises(FilterError, match=words):
            SiteFilter.make(**kw)


def test_a_filtered_result_keeps_its_articles_and_claims() -> None:
    r = RunResult(["x"], list(SITES), ["claim"], {}, [])  # type: ignore[list-item]
    kept = SiteFilter.make(countries=["IQ"]).result(r)
    assert [s.site_id for s in kept.sites] == ["c", "d"] and kept.articles == ["x"] and kept.claims == ["claim"]
    assert len(r.sites) == 5


def test_sites_and_export_filter_the_same_way(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-world", "-q")[0] == 0
    whole = (out / "sites.geojson").read_text(encoding="utf-8")
    flags = ["--since", "2024-02-02", "--until", "2024-02-02", "--country", "SY", "--min-killed", "1"]
    code, listed, err = _run("sites", "-o", str(out), "--format", "geojson", *flags)
    assert code == 0, err
    ids = [f["id"] for f in json.loads(listed)["features"]]
    assert ids and all(i.endswith("@2024-02-02") for i in ids)
    fc = json.loads(whole)
    expect = [
        f["id"]
        for f in fc["features"]
        if f["properties"]["role"] == "struck"
        and f["properties"]["event_date"] == "2024-02-02"
        and f["properties"]["country"] == "SY"
        and (f["properties"]["killed_min"] or 0) >= 1
    ]
    assert ids == expect
    table = _run("sites", "-o", str(out), *flags)[1]
    assert [ln.split()[0] for ln in table.splitlines()[1:-1]] == expect
    # export: the outputs hold those sites; the store and its own outputs stay whole
    part = tmp_path / "part"
    code, _, err = _run("export", "--store", str(out / "mapper.sqlite"), "-o", str(part), "-f", "geojson", *flags)
    assert code == 0, err
    assert [f["id"] for f in json.loads((part / "sites.geojson").read_text())["features"]] == expect
    assert not (part / "mapper.sqlite").exists()
    assert _run("sites", "-o", str(out), "--format", "geojson")[1] == whole
    code, _, err = _run("export", "-o", str(out), "--event-type", "bombing")
    assert code == 2 and "bombing" in err
