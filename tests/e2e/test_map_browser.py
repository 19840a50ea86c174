"""The standalone HTML map in a real browser: Debian's chromium driven by Playwright.

Every request that is not ``file://`` is aborted, as if the viewer were offline:
the page must still draw its markers, popups and controls.  The only requests
it may try are OpenStreetMap tiles; their failures switch the page to its
embedded borders and are not counted as page errors.

Install the browser with ``scripts/ensure-chromium.sh``; Playwright never
downloads one.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from mapper.export.html.map import write_map
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, COUNT_JS
from tests.helpers.synthetic import synthetic_collection

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# the README's pictures: written into docs/ only when asked (STRIKE_MAPPER_DOCS_SHOTS=1), so that a
# test run leaves the checkout as it was; else into a folder of their own that is thrown away
_DOCS = Path(__file__).resolve().parents[2] / "docs"
DOCS = _DOCS if os.environ.get("STRIKE_MAPPER_DOCS_SHOTS") == "1" else Path(tempfile.mkdtemp(prefix="map-shots-"))
if DOCS != _DOCS:
    atexit.register(shutil.rmtree, DOCS, True)
DOCS_SHOT = DOCS / "map.png"

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(
        f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh (installs Debian's chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")

from ..export.test_html_map import sample_fc  # noqa: E402  (the same fixture)


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def count(self, kind: str = "struck") -> int:
        return int(self.page.evaluate(COUNT_JS, kind))

    def wait_count(self, expected: int, kind: str = "struck", timeout: float = 15_000) -> None:
        self.page.wait_for_function(f"(k) => ({COUNT_JS})(k) === {expected}", arg=kind, timeout=timeout)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def open_map(browser: Any) -> Iterator[Any]:
    contexts = []

    def opener(path: Path, timeout: float = 30_000) -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        def console(msg: Any) -> None:
            if msg.type != "error":
                return
            where = (msg.location or {}).get("url", "")
            if msg.text.startswith("Failed to load resource") and where in opened.blocked:
                return  # a tile we blocked ourselves
            opened.errors.append(f"{msg.text} @ {where}")

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.route("**/*", route)
        page.on("console", console)
        page.on("pageerror", lambda exc: opened.errors.append(f"pageerror: {exc}"))
        page.on("dialog", dialog)
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-strike-map=ready]", timeout=timeout)
        return opened

    yield opener
    for c in contexts:
        c.close()


@pytest.fixture(scope="module")
def fixture_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("map")
    article = folder / "articles" / "001_44e80d575213f3f5.txt"
    article.parent.mkdir()
    article.write_text("US aircraft struck a command post in Akashat.", encoding="utf-8")
    out = folder / "out" / "map.html"
    write_map(
        sample_fc(str(article)),
        out,
        title="Strike map — test fixture",
        run_info={"run_date": "2024-02-05", "articles": 3},
    )
    return out


def _struck(fc: dict[str, Any]) -> int:
    return sum(1 for f in fc["features"] if f["properties"]["role"] == "struck")


def test_loads_offline_without_errors(open_map: Any, fixture_map: Path) -> None:
    m = open_map(fixture_map)
    m.wait_count(_struck(sample_fc()))
    m.page.wait_for_timeout(500)
    assert m.errors == []
    assert m.dialogs == []
    # nothing but map tiles was asked of the network, and their failure
    # switched the page to the embedded borders
    assert {urlsplit(u).hostname for u in m.blocked} <= {"tile.openstreetmap.org"}
    m.page.wait_for_selector(".leaflet-container.sm-offline")
    base = m.page.locator(".leaflet-control-layers-base label", has_text="Country borders")
    assert base.locator("input").is_checked()
    assert m.page.locator("path.leaflet-interactive, canvas").count() > 0
    for text in ("GeoNames", "OpenStreetMap", "Natural Earth", "Strike map — test fixture"):
        assert text in m.page.inner_text("body")
    assert m.page.locator(".sm-fullscreen a").count() == 1
    assert m.page.locator(".sm-search input").count() == 1


def test_marker_count_equals_struck_features(open_map: Any, fixture_map: Path) -> None:
    m = open_map(fixture_map)
    m.wait_count(_struck(sample_fc()))
    assert m.count("mentioned") == 0  # off by default


def test_akashat_popup_shows_claim(open_map: Any, fixture_map: Path) -> None:
    m = open_map(fixture_map)
    m.wait_count(_struck(sample_fc()))
    m.page.click('[data-site-id="gz:akashat"]')
    popup = m.page.wait_for_selector(".leaflet-popup-content .sm-popup")
    text = popup.inner_text()
    assert "Akashat" in text and "Akkashat" in text
    assert "at least 16" in text
    assert "Bassem al-Awadi" in text
    assert "shared with Al-Qaim" in text
    assert "US aircraft struck a command post in Akashat" in text  # evidence
    assert "reported as: air / drone strike \u2014 \u201cstruck\u201d" in text  # and why it makes Akashat struck
    assert "Example Wire" in text and "2024-02-03" in text
    link = m.page.get_attribute(".sm-popup a[href]", "href")
    assert link == "../articles/001_44e80d575213f3f5.txt"
    assert m.errors == [] and m.dialogs == []


def test_hostile_text_is_shown_as_text(open_map: Any, fixture_map: Path) -> None:
    m = open_map(fixture_map)
    m.wait_count(_struck(sample_fc()))
    m.page.fill(".sm-search input", "hostile")
    assert "<script>alert(1)</script>" in m.page.inner_text(".sm-search ul")
    m.page.press(".sm-search input", "Enter")
    popup = m.page.wait_for_selector(".leaflet-popup-content .sm-popup")
    text = popup.inner_text()
    for fragment in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<svg onload="window.__pwned=1"></svg>',
        "${7*6}",
        "`tick`",
        "back\\slash",
        "\\`",
        "</script>",
    ):
        assert fragment in text, fragment
    m.page.hover('[data-site-id="gz:hostile"]')
    m.page.wait_for_timeout(300)
    assert m.page.locator("img[src='x'], .sm-popup svg, .sm-popup script").count() == 0
    assert m.page.evaluate("() => window.__pwned") is None
    assert m.dialogs == []
    assert m.errors == []


def test_layer_control_toggles_mentioned_places(open_map: Any, fixture_map: Path) -> None:
    m = open_map(fixture_map)
    struck = _struck(sample_fc())
    m.wait_count(struck)
    m.page.hover(".leaflet-control-layers")
    label = m.page.locator(".leaflet-control-layers-overlays label", has_text="Mentioned places")
    label.locator("input").check()
    # (braces: return nothing, not the map object, which Playwright would serialise)
    m.page.evaluate("() => { window.strikeMapState.map.setView([20, 0], 1, {animate: false}); }")
    m.wait_count(3, "mentioned")  # Washington, Baghdad, Rutba
    label.locator("input").uncheck()
    m.wait_count(0, "mentioned")
    m.page.evaluate("() => { window.strikeMapState.map.setZoom(2, {animate: false}); }")
    m.wait_count(struck)
    # an event layer hides its sites the same way
    dated = m.page.locator(".leaflet-control-layers-overlays label", has_text="Strikes 2024-02-02")
    dated.locator("input").uncheck()
    m.wait_count(1)
    dated.locator("input").check()
    m.wait_count(struck)
    assert m.errors == []


def test_fullscreen_button(open_map: Any, fixture_map: Path) -> None:
    m = open_map(fixture_map)
    m.page.click(".sm-fullscreen a")
    m.page.wait_for_function("() => document.fullscreenElement !== null", timeout=5_000)
    m.page.click(".sm-fullscreen a")
    m.page.wait_for_function("() => document.fullscreenElement === null", timeout=5_000)
    assert m.errors == []


def test_ten_thousand_sites(open_map: Any, tmp_path: Path) -> None:
    fc = synthetic_collection(10_000)
    out = tmp_path / "big.html"
    write_map(fc, out)
    # render time is measured by bench/map_render.py, not asserted here
    m = open_map(out, timeout=120_000)
    m.wait_count(_struck(fc), timeout=120_000)
    # search finds a site among 10,000, zooms to it and opens its popup
    m.page.fill(".sm-search input", "Site 9999")
    assert "Site 9999" in m.page.inner_text(".sm-search ul")
    m.page.press(".sm-search input", "Enter")
    popup = m.page.wait_for_selector(".leaflet-popup-content .sm-popup", timeout=60_000)
    assert "Site 9999" in popup.inner_text()
    assert m.errors == []
    assert m.dialogs == []


@pytest.fixture(scope="module")
def seeds_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The real thing: `mapper run` over the sample articles, map included."""
    import json

    from mapper.config import PipelineConfig
    from mapper.pipeline import run

    from ..conftest import SEEDS

    out = tmp_path_factory.mktemp("seeds_map")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707004800")  # 2024-02-04: the picture stays the same run to run
        run([SEEDS], out, PipelineConfig(world=False), keep_store=False)
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    return out / "map.html", fc


def test_seeds_map_markers_popup_layers_and_screenshot(open_map: Any, seeds_map: tuple[Path, dict[str, Any]]) -> None:
    path, fc = seeds_map
    m = open_map(path)
    struck = _struck(fc)
    assert struck >= 6
    m.wait_count(struck)
    assert m.count("mentioned") == 0
    m.page.mouse.move(640, 790)
    m.page.wait_for_timeout(300)
    DOCS_SHOT.parent.mkdir(exist_ok=True)
    m.page.screenshot(path=str(DOCS_SHOT))  # the README's picture of the seeds map, fitted to the struck sites
    # Akashat: its popup shows the Iraqi government's "at least 16" and who said it
    m.page.click('[data-site-id^="gz:akashat@"]')
    popup = m.page.wait_for_selector(".leaflet-popup-content .sm-popup")
    text = popup.inner_text()
    assert "16" in text and "Bassem al-Awadi" in text and "shared with Al-Qaim" in text
    m.page.keyboard.press("Escape")
    # the mentioned-places layer is off by default and toggles on
    m.page.hover(".leaflet-control-layers")
    label = m.page.locator(".leaflet-control-layers-overlays label", has_text="Mentioned places")
    label.locator("input").check()
    m.page.evaluate("() => { window.strikeMapState.map.setView([20, 0], 1, {animate: false}); }")
    mentioned = sum(1 for f in fc["features"] if f["properties"]["role"] == "mentioned")
    m.wait_count(mentioned, "mentioned")
    label.locator("input").uncheck()
    m.wait_count(0, "mentioned")
    assert m.errors == [] and m.dialogs == []


def test_every_source_link_opens_its_article(open_map: Any, tmp_path: Path) -> None:
    """The map is rendered in a staging folder and moved into the output folder: its links to
    the article files are relative to where it ends up, and each one opens its article (the
    articles sit beside the output folder, as ~/news beside ~/maps: a link one level off
    misses them)."""
    import json
    import shutil

    from mapper.config import PipelineConfig
    from mapper.pipeline import run

    from ..conftest import SEEDS

    articles, out = tmp_path / "news", tmp_path / "maps"
    shutil.copytree(SEEDS, articles)
    run([articles], out, PipelineConfig(world=False), keep_store=False)
    path, fc = out / "map.html", json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    m = open_map(path)
    struck = [i for i, f in enumerate(fc["features"]) if f["properties"]["role"] == "struck"]
    m.wait_count(len(struck))
    links: dict[str, set[str]] = {}  # link as the browser resolves it -> the sources of the popups it is in
    for i in struck:
        props = fc["features"][i]["properties"]
        m.page.evaluate("(i) => window.strikeMapState.go(i)", i)
        # (the popup whose title is the site's name: "Al-Bukamal" is also in the popup of "Al-Sikka
        # (Al-Bukamal)", which may still be open)
        m.page.wait_for_function(
            "(n) => { const h = document.querySelector('.leaflet-popup-content .sm-popup h3');"
            " return h && h.textContent === n; }",
            arg=props["name"],
        )
        # a.href: the link resolved against the page's own address, as a click follows it
        hrefs = m.page.eval_on_selector_all(
            ".leaflet-popup-content .sm-popup a[href]", "as => as.map(a => a.href).filter(h => h.startsWith('file:'))"
        )
        sources = {s["path"] for s in props["sources"] if s.get("path")}
        # every source of the site has its link (a quote of a claim may link its own article too)
        assert sources and sources <= {unquote(urlsplit(h).path) for h in hrefs}, (props["name"], hrefs, sources)
        for href in hrefs:
            links.setdefault(href, set()).update(sources)
        m.page.keyboard.press("Escape")
    every = {s["path"] for f in fc["features"] for s in f["properties"]["sources"] if s.get("path")}
    viewer = m.page.context.new_page()
    for href in links:
        local = unquote(urlsplit(href).path)
        assert local in every, f"{href} opens none of the articles"
        viewer.goto(href)
        first_line = Path(local).read_text(encoding="utf-8").strip().splitlines()[0].strip()
        assert first_line[:40] in viewer.inner_text("body"), href
    viewer.close()


# --------------------------------------------------------------------------- slider, filters, clusters, labels

HOSTILE_LABEL = "<img src=x onerror=alert(1)>Town"


@pytest.fixture(scope="module")
def dated_map(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The fixture's sites and ten more on ten March days, of two event types: eleven dates, so one
    layer of struck sites and the time slider."""
    from ..export.test_html_map import _site

    fc = sample_fc()
    kinds = ["air_drone_strike", "shelling_artillery_missile"]
    for day in range(1, 11):
        fc["features"].append(
            _site(
                f"gz:m{day}",
                f"March {day}",
                33.5 + day * 0.1,
                40.0 + day * 0.1,
                event_date=f"2024-03-{day:02d}",
                killed_min=day * 12,
                event_types=[kinds[day % 2]],
            )
        )
    fc["features"][0]["properties"]["event_types"] = ["air_drone_strike"]
    out = tmp_path_factory.mktemp("dated") / "map.html"
    write_map(fc, out, labels=[[HOSTILE_LABEL, 34.0, 40.5, 1], ["Plain Town", 34.3, 40.8, 1]])
    return out, fc


def _text(m: Opened, selector: str) -> str:
    return str(m.page.inner_text(selector)).strip()


def test_time_slider_shows_the_dates_chosen(open_map: Any, dated_map: tuple[Path, dict[str, Any]]) -> None:
    m = open_map(dated_map[0])
    m.wait_count(14)
    overlays = m.page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert not any("Strikes 2024" in t for t in overlays)  # the slider, not a layer per date
    assert _text(m, ".sm-filter .sm-count") == "14 of 14"
    assert (_text(m, ".sm-from-date"), _text(m, ".sm-to-date")) == ("2024-02-02", "2024-03-10")
    m.page.focus(".sm-lo")
    for _ in range(5):
        m.page.keyboard.press("ArrowRight")
    assert _text(m, ".sm-from-date") == "2024-03-05"
    m.wait_count(7)  # 5 to 10 March, and the undated site
    m.page.locator(".sm-undated input").uncheck()
    m.wait_count(6)
    m.page.focus(".sm-hi")
    for _ in range(3):
        m.page.keyboard.press("ArrowLeft")
    assert _text(m, ".sm-to-date") == "2024-03-07"
    m.wait_count(3)
    assert _text(m, ".sm-filter .sm-count") == "3 of 14"
    # play: one date after another
    m.page.click(".sm-play")
    m.wait_count(1)
    assert _text(m, ".sm-from-date") == _text(m, ".sm-to-date") == "2024-03-05"
    m.page.wait_for_function("() => document.querySelector('.sm-from-date').textContent === '2024-03-06'")
    m.page.click(".sm-play")  # stop
    # a site searched for is shown even when the filters hid it
    m.page.fill(".sm-search input", "Akashat")
    m.page.press(".sm-search input", "Enter")
    popup = m.page.wait_for_selector(".leaflet-popup-content .sm-popup")
    assert "Akashat" in popup.inner_text()
    assert _text(m, ".sm-filter .sm-count") == "14 of 14"
    assert m.errors == [] and m.dialogs == []


def test_event_type_filter(open_map: Any, dated_map: tuple[Path, dict[str, Any]]) -> None:
    m = open_map(dated_map[0])
    m.wait_count(14)
    boxes = m.page.locator(".sm-types label")
    assert [t.strip() for t in boxes.all_inner_texts()] == [
        "air / drone strike (6)",
        "shelling, artillery, missile (5)",
        "no type given (3)",
    ]
    boxes.nth(0).locator("input").uncheck()
    m.wait_count(8)
    boxes.nth(2).locator("input").uncheck()
    m.wait_count(5)
    boxes.nth(0).locator("input").check()
    m.wait_count(11)
    assert m.errors == []


CLUSTERS_JS = """
() => {
  const out = [];
  window.strikeMapState.struck._featureGroup.eachLayer((l) => {
    if (!l.getAllChildMarkers || !l.getElement()) { return; }
    const worst = Math.max(...l.getAllChildMarkers().map((c) => c.options.smBucket));
    const inner = l.getElement().querySelector('div');
    out.push([worst, l.getElement().className, getComputedStyle(inner).backgroundColor]);
  });
  return out;
}
"""


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(x)) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


def test_cluster_colours_follow_the_legend(open_map: Any, dated_map: tuple[Path, dict[str, Any]]) -> None:
    m = open_map(dated_map[0])
    m.wait_count(14)
    legend = {
        b: _rgb(
            m.page.evaluate(f"() => getComputedStyle(document.querySelector('#sm-legend .sm-b{b}')).backgroundColor")
        )
        for b in range(5)
    }
    seen = set()
    for zoom in (5, 7, 8):
        m.page.evaluate(f"() => {{ window.strikeMapState.map.setView([34.3, 40.7], {zoom}, {{animate: false}}); }}")
        m.page.wait_for_timeout(400)
        for worst, classes, colour in m.page.evaluate(CLUSTERS_JS):
            assert f"sm-cluster-b{worst}" in classes.split()
            assert _rgb(colour) == legend[worst], (worst, colour)
            seen.add(worst)
    assert len(seen) >= 2  # clusters of different colours were met
    assert m.errors == []


OVERLAP_JS = """
() => {
  const pop = document.querySelector('.leaflet-popup').getBoundingClientRect();
  const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
  const hits = [];
  document.querySelectorAll('.leaflet-control-container .leaflet-control').forEach((c) => {
    const r = c.getBoundingClientRect();
    if (!r.width || !r.height) { return; }
    if (!(pop.right <= r.left || pop.left >= r.right || pop.bottom <= r.top || pop.top >= r.bottom)) {
      hits.push(c.className);
    }
  });
  const inside = pop.left >= frame.left && pop.right <= frame.right && pop.top >= frame.top
    && pop.bottom <= frame.bottom;
  return {hits: hits, inside: inside};
}
"""


@pytest.mark.parametrize(("x", "y"), [(150, 150), (1150, 120), (120, 700), (640, 60)])
def test_a_popup_is_never_hidden_under_the_panels(open_map: Any, fixture_map: Path, x: int, y: int) -> None:
    m = open_map(fixture_map)
    m.wait_count(_struck(sample_fc()))
    m.page.evaluate(
        """([x, y]) => {
          const st = window.strikeMapState, map = st.map;
          const i = st.sites.findIndex((s) => s.id === 'gz:deir-ez-zor');
          map.setView(st.markers[i].getLatLng(), 11, {animate: false});
          const p = map.latLngToContainerPoint(st.markers[i].getLatLng());
          map.panBy([p.x - x, p.y - y], {animate: false});
        }""",
        [x, y],
    )
    m.page.wait_for_timeout(300)
    m.page.evaluate(
        "() => { const st = window.strikeMapState;"
        " st.markers[st.sites.findIndex((s) => s.id === 'gz:deir-ez-zor')].openPopup(); }"
    )
    m.page.wait_for_selector(".leaflet-popup-content .sm-popup")
    m.page.wait_for_timeout(200)
    assert m.page.evaluate(OVERLAP_JS) == {"hits": [], "inside": True}
    assert m.errors == []


def test_offline_base_layer_labels_the_towns_as_text(open_map: Any, dated_map: tuple[Path, dict[str, Any]]) -> None:
    m = open_map(dated_map[0])
    m.wait_count(14)
    m.page.wait_for_selector(".leaflet-container.sm-offline .sm-label", state="attached")
    texts = m.page.locator(".sm-label").all_inner_texts()
    assert HOSTILE_LABEL in texts and "Plain Town" in texts  # shown as text, never as markup
    assert m.page.locator(".sm-label img").count() == 0 and m.dialogs == []
    # the labels come and go with the offline base layer (tiles have their own names)
    m.page.evaluate("() => { const st = window.strikeMapState; st.map.removeLayer(st.borders); }")
    m.page.wait_for_function("() => document.querySelectorAll('.sm-label').length === 0")
    m.page.evaluate("() => { const st = window.strikeMapState; st.map.addLayer(st.borders); }")
    m.page.wait_for_function("() => document.querySelectorAll('.sm-label').length === 2")
    assert m.errors == []


LABELS_IN_VIEW_JS = """
() => {
  const map = window.strikeMapState.map, zoom = map.getZoom(), view = map.getBounds().pad(0.05);
  const all = JSON.parse(document.getElementById('sm-labels').textContent);
  return all.filter((l) => l[3] <= zoom && view.contains([l[1], l[2]])).slice(0, 120).map((l) => l[0]);
}
"""


def test_seeds_map_labels_towns_from_the_world_gazetteer(open_map: Any, seeds_map: tuple[Path, dict[str, Any]]) -> None:
    m = open_map(seeds_map[0])
    m.wait_count(_struck(seeds_map[1]))
    m.page.wait_for_selector(".leaflet-container.sm-offline .sm-label", state="attached")
    m.page.wait_for_timeout(300)
    shown = sorted(m.page.locator(".sm-label").all_inner_texts())
    assert len(shown) >= 5 and shown == sorted(m.page.evaluate(LABELS_IN_VIEW_JS))
    # further out, the large cities of the region
    m.page.evaluate("() => { window.strikeMapState.map.setView([33.5, 40.5], 5, {animate: false}); }")
    m.page.wait_for_function(
        "() => [...document.querySelectorAll('.sm-label')].some((l) => l.textContent === 'Baghdad')"
    )
    names = set(m.page.locator(".sm-label").all_inner_texts())
    assert {"Baghdad", "Damascus"} <= names
    assert m.errors == []


@pytest.fixture(scope="module")
def corrected_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds through a store, with an analyst's correction of Akashat's toll."""
    from click.testing import CliRunner

    from mapper.cli import main

    from ..conftest import SEEDS

    out = tmp_path_factory.mktemp("corrected")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707004800")
        r = CliRunner().invoke(main, ["run", str(SEEDS), "-o", str(out), "--offline", "--no-world", "-q"])
        assert r.exit_code == 0, r.stderr
        sid = next(
            ln.split()[0]
            for ln in CliRunner().invoke(main, ["sites", "-o", str(out)]).stdout.splitlines()
            if ln.startswith("gz:akashat@")
        )
        r = CliRunner().invoke(main, ["fix", sid, "--killed", "16", "--note", "ministry figure", "-o", str(out)])
        assert r.exit_code == 0, r.stderr
    return out / "map.html"


def test_popup_shows_the_analysts_correction_and_screenshots(open_map: Any, corrected_map: Path) -> None:
    m = open_map(corrected_map)
    m.page.wait_for_selector(".leaflet-container.sm-offline .sm-label", state="attached")
    m.page.evaluate(
        "() => { const st = window.strikeMapState; st.go(st.sites.findIndex((s) => s.id.startsWith('gz:akashat@'))); }"
    )
    popup = m.page.wait_for_selector(".leaflet-popup-content .sm-popup")
    text = popup.inner_text()
    assert "Analyst's correction" in text and "killed 16 (was" in text and "ministry figure" in text
    assert "Killed\t16" in text or "Killed 16" in text.replace("\t", " ")
    m.page.wait_for_timeout(300)
    assert m.page.evaluate(OVERLAP_JS) == {"hits": [], "inside": True}
    m.page.mouse.move(640, 790)
    m.page.screenshot(path=str(DOCS / "map-correction.png"))  # the README's picture of a correction
    m.page.keyboard.press("Escape")
    # the slider narrowed to the strikes of 2 February: the README's picture of the filters
    m.page.focus(".sm-lo")
    for _ in range(3):
        m.page.keyboard.press("ArrowRight")
    assert _text(m, ".sm-from-date") == "2024-02-02"
    m.page.evaluate("() => { window.strikeMapState.map.setView([34.7, 40.6], 9, {animate: false}); }")
    m.page.wait_for_timeout(500)
    m.page.mouse.move(640, 790)
    m.page.screenshot(path=str(DOCS / "map-filters.png"))
    assert m.errors == [] and m.dialogs == []
