"""The standalone HTML map, without a browser: what the written file contains."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.export.html import map as htmlmap
from mapper.export.html.map import build_sites, casualty_bucket, format_range, render_map, write_map

# Article text is hostile input: every one of these must end up as plain text.
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> "
    '<svg onload="window.__pwned=1"></svg> ${7*6} `tick` back\\slash \\` </script>'
)
ARTICLE = "001_44e80d575213f3f5.txt"


def _site(sid: str, name: str, lat: float, lon: float, role: str = "struck", **props: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "site_id": sid,
        "name": name,
        "names_seen": [name],
        "country": "IQ",
        "admin1": "Al Anbar",
        "feature_type": "town",
        "role": role,
        "geo_precision": 1,
        "resolved_by": "gazetteer",
        "event_date": None,
        "articles": [],
        "outlets": [],
        "sources": [],
        "evidence": [],
        "claims": [],
        "killed_min": None,
        "killed_max": None,
        "injured_min": None,
        "injured_max": None,
    }
    p.update(props)
    return {
        "type": "Feature",
        "id": sid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": p,
    }


def sample_fc(article_path: str | None = None) -> dict[str, Any]:
    """Struck sites near the Iraq–Syria border, one hostile; three mentioned places."""
    shared = {
        "article": ARTICLE,
        "claimant": "Bassem al-Awadi",
        "victims": "fighters",
        "killed_min": 16,
        "killed_max": None,
        "injured_min": 25,
        "injured_max": 25,
        "quote": "at least 16 were killed in Akashat and Al-Qaim, Bassem al-Awadi said",
        "sites": ["gz:akashat", "gz:al-qaim"],
    }
    source = {
        "article": ARTICLE,
        "outlet": "Example Wire",
        "title": "Strikes hit Iraq and Syria",
        "date": "2024-02-03",
        "path": article_path,
    }
    evidence = {
        "article": ARTICLE,
        "quote": "US aircraft struck a command post in Akashat",
        "start": 120,
        "end": 165,
        "trigger": "struck",
        "event_type": "air_drone_strike",
    }
    hostile_claim = dict(shared, quote=HOSTILE, claimant=HOSTILE, victims=HOSTILE)
    hostile_claim["sites"] = ["gz:hostile"]
    features = [
        _site(
            "gz:akashat",
            "Akashat",
            33.80,
            40.60,
            names_seen=["Akashat", "Akkashat", "عكاشات"],
            event_date="2024-02-02",
            articles=[ARTICLE],
            outlets=["Example Wire"],
            sources=[source],
            evidence=[evidence],
            claims=[shared],
            killed_min=16,
            injured_min=25,
            injured_max=25,
        ),
        _site(
            "gz:al-qaim",
            "Al-Qaim",
            34.3925,
            40.9894,
            event_date="2024-02-02",
            articles=[ARTICLE],
            sources=[source],
            claims=[shared],
            killed_min=16,
        ),
        _site(
            "gz:deir-ez-zor",
            "Deir ez-Zor",
            35.3359,
            40.1408,
            country="SY",
            admin1="Deir ez-Zor",
            event_date="2024-02-02",
            killed_min=3,
            killed_max=5,
        ),
        _site(
            "gz:hostile",
            "Hostile " + HOSTILE,
            34.75,
            41.35,
            names_seen=["Hostile " + HOSTILE, HOSTILE],
            admin1=HOSTILE,
            articles=[ARTICLE],
            sources=[dict(source, title=HOSTILE, outlet=HOSTILE, path="javascript:alert(1)")],
            evidence=[dict(evidence, quote=HOSTILE)],
            claims=[hostile_claim],
        ),
        _site("gn:washington", "Washington", 38.8951, -77.0364, role="mentioned", country="US"),
        _site("gn:baghdad", "Baghdad", 33.3406, 44.4009, role="mentioned"),
        _site("gn:rutba", "Rutba", 33.0381, 40.2848, role="mentioned"),
    ]
    return {"type": "FeatureCollection", "features": features}


@pytest.fixture(scope="module")
def page() -> str:
    return render_map(
        sample_fc(),
        title="Strike map <test> & co",
        run_info={"run_date": "2024-02-05", "articles": 12, "totals": {"killed": {"min": 19}}},
    )


def _data(page: str, element_id: str = "sm-data") -> Any:
    m = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert m, element_id
    return json.loads(m.group(1))


def _code(page: str) -> str:
    """The page without its JSON data blocks: markup and executable script."""
    return re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", page, flags=re.S)


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("lo", "hi", "text"),
    [
        (16, 16, "16"),
        (16, None, "at least 16"),
        (None, 20, "up to 20"),
        (16, 20, "16–20"),
        (20, 16, "16–20"),
        (0, 0, "0"),
        (1200, 1500, "1,200–1,500"),
        (None, None, None),
        ("7", 7.0, "7"),
        (True, None, None),
        (-3, None, None),
        ("many", None, None),
    ],
)
def test_format_range(lo: Any, hi: Any, text: str | None) -> None:
    assert format_range(lo, hi) == text


def test_casualty_bucket_uses_the_lower_figure() -> None:
    assert casualty_bucket(None, None) == 0
    assert casualty_bucket(0, None) == 1
    assert casualty_bucket(9, 60) == 1
    assert casualty_bucket(16, None) == 2
    assert casualty_bucket(None, 60) == 3
    assert casualty_bucket(100, 100) == 4


# --------------------------------------------------------------------------- standalone


def test_same_sites_give_the_same_page(page: str) -> None:
    again = render_map(
        sample_fc(),
        title="Strike map <test> & co",
        run_info={"run_date": "2024-02-05", "articles": 12, "totals": {"killed": {"min": 19}}},
    )
    assert again == page  # element ids do not come from chance
    assert re.search(r"\bmap: map_0+1\b", page)


def test_no_external_scripts_or_stylesheets(page: str) -> None:
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b[^>]*stylesheet", page, re.I)
    assert "@import" not in page
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "unpkg"):
        assert cdn not in page
    hosts = set(re.findall(r"https?://([^/\"'\s)<>]+)", page))
    allowed = {
        "tile.openstreetmap.org",  # the online base layer
        "www.openstreetmap.org",  # credits
        "www.geonames.org",
        "creativecommons.org",
        "www.naturalearthdata.com",
        "leafletjs.com",  # Leaflet's own attribution prefix
        "www.w3.org",  # SVG namespace inside leaflet.js
        "bugzilla.mozilla.org",  # a comment inside leaflet.js
    }
    assert hosts <= allowed, hosts - allowed


def test_packaged_assets_are_inlined(page: str) -> None:
    assert "L.MarkerClusterGroup" in page  # Leaflet.markercluster
    assert "leaflet-control-layers" in page  # Leaflet's CSS
    assert "url(images/" not in page  # its images as data: URIs
    assert "data:image/png;base64," in page
    assert "sourceMappingURL" not in page
    assert "strikeMap(" in page


def test_page_script_needs_no_jquery(page: str) -> None:
    assert not re.search(r"(?<![\w$])\$\(|\bjQuery\b", _code(page))


def test_small_map_is_lean(page: str) -> None:
    size = len(page.encode("utf-8"))
    assert size < 1_500_000, size


def test_credits(page: str) -> None:
    for credit in ("GeoNames", "CC BY 4.0", "OpenStreetMap", "Natural Earth"):
        assert credit in page


def test_unknown_folium_asset_is_refused() -> None:
    class Element:
        def __init__(self) -> None:
            self.default_js = [("mystery", "https://example.invalid/x.js")]
            self._children: dict[str, Any] = {}

    with pytest.raises(RuntimeError, match="mystery"):
        htmlmap._take_assets(Element())


def test_page_code_has_no_template_literals(page: str) -> None:
    # folium puts popup and tooltip HTML in JavaScript `template literals`, where
    # ${...} runs; this page sends no text through them, and has none at all
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert scripts and all("`" not in s for s in scripts)


def test_title_that_looks_like_code_is_just_text() -> None:
    out = render_map(sample_fc(), title="jQuery $(x) @import `${1}`")
    assert "<summary>jQuery $(x) @import `${1}`</summary>" in out


def test_external_link_is_refused() -> None:
    with pytest.raises(RuntimeError):
        htmlmap._check_standalone('<script src="https://example.invalid/x.js"></script>')
    with pytest.raises(RuntimeError):
        htmlmap._check_standalone('<link rel="stylesheet" href="//example.invalid/x.css"/>')
    with pytest.raises(RuntimeError):
        htmlmap._check_standalone("<style>@import url(x.css);</style>")
    htmlmap._check_standalone("<p>@import is only text here</p>")


# --------------------------------------------------------------------------- hostile text


def test_hostile_text_never_reaches_markup_or_code(page: str) -> None:
    code = _code(page)
    for fragment in ("alert(1)", "${7*6}", "__pwned", "`tick`", "onerror=alert"):
        assert fragment not in code, fragment
    assert "<img src=x" not in page
    assert "<svg onload" not in page
    assert "<script>alert" not in page
    # every </script> closes a script we opened: none comes from the data
    assert len(re.findall(r"</script", page, re.I)) == len(re.findall(r"<script", page, re.I))


def test_hostile_text_survives_as_data(page: str) -> None:
    block = re.search(r'id="sm-data">(.*?)</script>', page, re.S)
    assert block and not re.search(r"[<>&]", block.group(1))
    sites = {s["id"]: s for s in _data(page)["sites"]}
    hostile = sites["gz:hostile"]
    assert hostile["n"] == "Hostile " + HOSTILE
    assert hostile["cl"][0]["q"] == HOSTILE
    assert hostile["cl"][0]["by"] == HOSTILE
    assert hostile["so"][0]["ti"] == HOSTILE
    assert hostile["so"][0]["ev"][0]["q"] == HOSTILE
    assert not hostile["so"][0]["href"].startswith("javascript:")


def test_title_and_run_info_are_escaped(page: str) -> None:
    assert "<title>Strike map &lt;test&gt; &amp; co</title>" in page
    assert "<summary>Strike map &lt;test&gt; &amp; co</summary>" in page
    hostile = render_map(sample_fc(), title=HOSTILE, run_info={"totals": {HOSTILE: HOSTILE}, "note": HOSTILE})
    assert "<img src=x" not in hostile
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile


def test_layer_names_are_escaped_for_the_layer_control() -> None:
    fc = sample_fc()
    fc["features"][2]["properties"]["event_date"] = "<img src=x onerror=alert(1)>"
    out = render_map(fc)
    names = [json.loads(k) for k in re.findall(r'^\s*("(?:[^"\\]|\\.)*") : \w+,$', out, re.M)]
    assert any("img" in n for n in names)
    assert all("<" not in n for n in names), names  # Leaflet sets these as innerHTML


# --------------------------------------------------------------------------- content


def test_layers(page: str) -> None:
    names = [json.loads(k) for k in re.findall(r'^\s*("(?:[^"\\]|\\.)*") : \w+,$', page, re.M)]
    assert names == [
        "OpenStreetMap",
        "Country borders (offline)",
        "Strikes 2024-02-02 (3)",
        "Strikes, undated (1)",
        "Mentioned places (3)",
    ]
    # the mentioned places start hidden: their layer is never added to the map
    var = re.search(r'"Mentioned places \(3\)" : (\w+),', page)
    assert var and f"{var.group(1)}.addTo(" not in page
    # the event layers and the online base start shown
    for label in ("Strikes 2024-02-02 (3)", "OpenStreetMap"):
        v = re.search(rf'"{re.escape(label)}" : (\w+),', page)
        assert v and f"{v.group(1)}.addTo(" in page


def test_title_block(page: str) -> None:
    for text in ("Run date", "2024-02-05", "Articles read", "12", "at least 19"):
        assert text in page
    assert "<th>Struck sites on map</th><td>4</td>" in page
    assert "<th>Mentioned places</th><td>3</td>" in page


def test_site_view_of_a_shared_claim() -> None:
    sites = {s["id"]: s for s in build_sites(sample_fc(), Path.cwd())[0]}
    akashat = sites["gz:akashat"]
    assert akashat["k"] == "at least 16"
    assert akashat["i"] == "25"
    assert akashat["v"] == ["Akkashat", "عكاشات"]
    assert akashat["sh"] == ["Al-Qaim"]
    assert akashat["cl"][0]["sh"] == ["Al-Qaim"]
    assert akashat["cl"][0]["by"] == "Bassem al-Awadi"
    assert akashat["so"][0]["ev"][0]["q"].startswith("US aircraft struck")
    assert akashat["pr"] == "1 (exact place)"
    assert akashat["b"] == 2
    assert sites["gz:al-qaim"]["sh"] == ["Akashat"]
    assert sites["gz:deir-ez-zor"]["k"] == "3–5"
    assert sites["gn:washington"]["m"] is True


def test_article_links_are_relative_to_the_map(tmp_path: Path) -> None:
    article = tmp_path / "in" / "a b#1.txt"
    article.parent.mkdir()
    article.write_text("x")
    out = tmp_path / "out" / "map.html"
    write_map(sample_fc(str(article)), out)
    sites = {s["id"]: s for s in _data(out.read_text(encoding="utf-8"))["sites"]}
    href = sites["gz:akashat"]["so"][0]["href"]
    assert href == "../in/a%20b%231.txt"
    assert (out.parent / "../in/a b#1.txt").exists()


def test_an_article_of_many_sites_is_linked_once_a_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mapper.export.html.map as html_map

    article = tmp_path / "in" / "a.txt"
    fc = sample_fc(str(article))  # (one article, the source of several sites)
    worked_out: list[str | None] = []
    real = html_map._Links._link
    monkeypatch.setattr(html_map._Links, "_link", lambda self, path: worked_out.append(path) or real(self, path))
    sites = build_sites(fc, tmp_path / "out")[0]
    linked = [so["href"] for s in sites for so in s.get("so", [])]
    assert linked.count("../in/a.txt") > 1  # the same link on several sites,
    assert worked_out.count(str(article)) == 1  # worked out once


def test_article_text_that_looks_like_a_template_is_shown_as_written() -> None:
    # the page is put together with Jinja: article text must never be read as a template
    tricky = "said {{ 7*7 }} and {{ cycler.__init__.__globals__.os.getcwd() }} {% if true %}x{% endif %} {# open"
    fc = sample_fc()
    props = fc["features"][0]["properties"]
    props["evidence"][0]["quote"] = tricky
    props["name"] = "Akashat {{ 6*7 }}"
    page = render_map(fc, title="Strikes {% raw %}")
    sites = {s["id"]: s for s in _data(page)["sites"]}
    shown = sites[fc["features"][0]["id"]]
    assert shown["so"][0]["ev"][0]["q"] == tricky and shown["n"] == "Akashat {{ 6*7 }}"
    assert "said 49" not in page and "Akashat 42" not in page  # (nothing was worked out)
    assert "Strikes {% raw %}" in page


def test_features_without_a_point_are_skipped() -> None:
    fc = sample_fc()
    fc["features"].append({"type": "Feature", "geometry": None, "properties": {"name": "x"}})
    bad = _site("bad", "Nowhere", 95.0, 40.0)
    fc["features"].append(bad)
    sites, skipped = build_sites(fc, Path.cwd())
    assert skipped == 2 and len(sites) == 7
    assert "Not drawn (no usable point)" in render_map(fc)


def test_many_dates_make_one_layer_and_a_time_slider() -> None:
    fc = sample_fc()
    for day in range(1, 31):
        f = _site(f"d{day}", f"Day {day}", 34.0, 41.0, event_date=f"2024-03-{day:02d}")
        fc["features"].append(f)
    page = render_map(fc, labels=[])
    names = [json.loads(k) for k in re.findall(r'^\s*("(?:[^"\\]|\\.)*") : \w+,$', page, re.M)]
    assert "Struck sites (34)" in names and not any(n.startswith("Strikes ") for n in names)
    data = _data(page)
    assert data["dates"] == ["2024-02-02", *(f"2024-03-{d:02d}" for d in range(1, 31))]
    steps = {s["id"]: s.get("di") for s in data["sites"] if not s["m"]}
    assert steps["gz:akashat"] == 0 and steps["d1"] == 1 and steps["d30"] == 30 and steps["gz:hostile"] is None
    assert "<th>Event dates</th><td>31</td>" in page


def test_event_types_and_corrections_reach_the_page() -> None:
    fc = sample_fc()
    fc["features"][0]["properties"]["event_types"] = ["air_drone_strike"]
    fc["features"][1]["properties"]["event_types"] = ["shelling_artillery_missile", "air_drone_strike"]
    fc["features"][1]["properties"]["corrections"] = [
        {
            "id": 1,
            "kind": "killed",
            "value": [16, 16],
            "was": [2, None],
            "made": "2024-02-10T08:00:00Z",
            "note": HOSTILE,
            "text": "killed 16 (was at least 2)",
        }
    ]
    data = _data(render_map(fc, labels=[]))
    assert data["types"] == [
        ["air_drone_strike", "air / drone strike", 2],
        ["shelling_artillery_missile", "shelling, artillery, missile", 1],
        ["", "no type given", 2],
    ]
    qaim = next(s for s in data["sites"] if s["id"] == "gz:al-qaim")
    assert qaim["t"] == ["shelling_artillery_missile", "air_drone_strike"]
    assert qaim["fx"] == [{"t": "killed 16 (was at least 2)", "d": "2024-02-10", "no": HOSTILE}]
    # each quote says which event it reports and by which word: why the place is struck
    fc["features"][0]["properties"]["evidence"][0].update(event_type="air_drone_strike", trigger=HOSTILE)
    akashat = next(s for s in _data(render_map(fc, labels=[]))["sites"] if s["id"] == "gz:akashat")
    assert akashat["so"][0]["ev"][0]["why"] == ["air / drone strike", HOSTILE]
    # no site with a type: no type filter
    assert _data(render_map(sample_fc(), labels=[]))["types"] == []


def test_place_labels_travel_as_data(tmp_path: Path) -> None:
    labels = [["Big <b>City</b>", 34.1, 41.2, 4], ["Town", 34.2, 41.3, 8]]
    page = render_map(sample_fc(), labels=labels)
    assert _data(page, "sm-labels") == labels
    assert "<b>City</b>" not in _code(page)
    assert 'id="sm-labels"' not in render_map(sample_fc(), labels=[])


def test_labels_come_from_the_world_gazetteer() -> None:
    from mapper.export.html.labels import place_labels
    from mapper.places.world import WorldGazetteer

    world = WorldGazetteer.load()
    labels = place_labels([{"la": 34.4, "lo": 40.9, "m": False}], world)
    names = {lab[0]: lab for lab in labels}
    assert names["Baghdad"][3] <= 4 and names["Tokyo"][3] == 3  # a large city near, the largest far away
    assert any(lab[3] >= 7 and abs(lab[1] - 34.4) < 3 and abs(lab[2] - 40.9) < 3 for lab in labels)  # small towns near
    assert not any(lab[3] >= 6 and abs(lab[1] - 34.4) > 5 for lab in labels)  # and only near
    assert len(json.dumps(labels)) < 100_000


def test_empty_collection_renders() -> None:
    page = render_map({"type": "FeatureCollection", "features": []})
    assert _data(page)["sites"] == []
    assert "<th>Struck sites on map</th><td>0</td>" in page


def test_borders_are_packed_and_small() -> None:
    from mapper.export.html.borders import packed_borders

    polys = packed_borders(0.05)
    assert len(polys) > 200
    assert all(len(ring) % 2 == 0 and len(ring) >= 6 for poly in polys for ring in poly)
    assert len(json.dumps(polys, separators=(",", ":"))) < 600_000


# --------------------------------------------------------------------------- writing


def test_write_map_is_atomic_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    out.write_text("old")
    write_map(sample_fc(), out, title="Run 2")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Run 2" in text
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_write_map_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "map.html"
    out.write_text("old")

    def broken(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("render failed")

    monkeypatch.setattr(htmlmap, "render_map", broken)
    with pytest.raises(RuntimeError):
        write_map(sample_fc(), out)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_import_is_cheap() -> None:
    code = (
        "import sys, mapper.export.html\n"
        "heavy = [m for m in ('folium', 'branca', 'jinja2', 'shapely', 'pyogrio') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
