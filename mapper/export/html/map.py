"""The standalone HTML map: ``sites.geojson`` (a FeatureCollection) -> one HTML file.

The page is built with folium (map, base layers, per-event layers, clustering,
layer control, fitted view) and made standalone: every script and stylesheet
folium would link from a CDN is either inlined from a Python package (Leaflet
and Leaflet.markercluster from the XStatic packages) or dropped (Bootstrap,
awesome-markers, Font Awesome, jQuery: nothing on this page uses them).

Article text is hostile input.  It never enters HTML markup or a JavaScript
literal: the sites travel as JSON in an inert ``<script type="application/json">``
block (with ``<``, ``>`` and ``&`` escaped), and the page's script puts every
string on screen through ``textContent``.  Markers, tooltips and popups are
created by that script from the data, lazily, so 10,000 sites stay usable.
Everything the Python side writes as markup (title block, legend, layer names)
is HTML-escaped here.
"""

from __future__ import annotations

import base64
import html
import json
import math
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ...atomic import write_text

# (legend label, marker size in px) per casualty bucket; index 0 = no figure.
BUCKETS: tuple[tuple[str, int], ...] = (
    ("no figure reported", 14),
    ("0–9", 16),
    ("10–49", 20),
    ("50–99", 25),
    ("100 or more", 30),
)
_BUCKET_FLOORS = (0, 10, 50, 100)  # lower bound of buckets 1..4

PRECISION = {1: "exact place", 2: "near / part of", 3: "region only"}
# up to this many distinct event dates: one layer per date in the layer control; more: one layer of
# struck sites, and the time slider (always there from two dates on) picks the dates
MAX_EVENT_LAYERS = 8
# the events stage's types, as the page's filter names them (``mapper.filters.EVENT_TYPES``)
EVENT_TYPE_LABELS = {
    "air_drone_strike": "air / drone strike",
    "shelling_artillery_missile": "shelling, artillery, missile",
    "remote_explosive_ied": "remote explosive / IED",
    "suicide_bomb": "suicide bomb",
    "armed_clash": "armed clash",
    "attack": "attack",
    "other": "other",
}

GEONAMES_CREDIT = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)'
)
OSM_CREDIT = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'

# folium asset name -> (XStatic module, file) to inline; order is load order.
_INLINE_CSS = {
    "leaflet_css": ("xstatic.pkg.leaflet", "leaflet.css"),
    "markerclustercss": ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.css"),
    "markerclusterdefaultcss": ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.Default.css"),
}
_INLINE_JS = {
    "leaflet": ("xstatic.pkg.leaflet", "leaflet.js"),
    "markerclusterjs": ("xstatic.pkg.leaflet_markercluster", "leaflet.markercluster.js"),
}
# folium's defaults that no element of this page uses; removed, never linked.
_DROPPED = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)


# --------------------------------------------------------------------------- numbers


def _count(value: Any) -> int | None:
    """A casualty count from JSON: a non-negative int, or None when unknown."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def format_range(low: Any, high: Any) -> str | None:
    """A casualty range as news reports it: "16", "at least 16", "up to 20", "16–20".

    None when neither bound is known.
    """
    lo, hi = _count(low), _count(high)
    if lo is None and hi is None:
        return None
    if lo is None:
        return f"up to {hi:,}"
    if hi is None:
        return f"at least {lo:,}"
    lo, hi = min(lo, hi), max(lo, hi)
    return f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"


def casualty_bucket(killed_min: Any, killed_max: Any) -> int:
    """Index into BUCKETS for a site's killed figure (the lower bound when known)."""
    lo, hi = _count(killed_min), _count(killed_max)
    figure = lo if lo is not None else hi
    if figure is None:
        return 0
    return sum(1 for floor in _BUCKET_FLOORS if figure >= floor)


# --------------------------------------------------------------------------- sites


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [_text(v) for v in value if v is not None and _text(v)]
    return [_text(value)]


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, Mapping)]


def _coords(feature: Mapping[str, Any]) -> tuple[float, float] | None:
    geom = feature.get("geometry")
    if not isinstance(geom, Mapping) or geom.get("type") != "Point":
        return None
    c = geom.get("coordinates")
    if not isinstance(c, (list, tuple)) or len(c) < 2:
        return None
    try:
        lon, lat = float(c[0]), float(c[1])
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


class _Links:
    """The links of one map to local article files, relative to the map's folder when possible:
    each worked out once (an article is a source of several sites), and the way from the map's
    folder to each folder of articles once (the articles of a run share a few folders)."""

    def __init__(self, base_dir: Path):
        self.base_dir = base_dir
        self._done: dict[str | None, str | None] = {}
        self._folders: dict[str, str | None] = {}  # folder -> its path from base_dir (None: none)

    def __call__(self, path: Any) -> str | None:
        key = path if isinstance(path, str) and path else None
        if key not in self._done:
            self._done[key] = self._link(key)
        return self._done[key]

    def _link(self, path: str | None) -> str | None:
        if path is None:
            return None
        target = os.path.abspath(path)
        folder, name = os.path.split(target)
        if folder not in self._folders:
            try:
                self._folders[folder] = Path(os.path.relpath(folder, self.base_dir)).as_posix()
            except ValueError:  # another drive on Windows
                self._folders[folder] = None
        way = self._folders[folder]
        if way is None:
            return Path(target).as_uri()
        return quote(name if way == "." else f"{way}/{name}", safe="/")


def _resolved_by(value: Any) -> str:
    v = _text(value)
    if v == "gazetteer":
        return "project gazetteer"
    if v == "geonames":
        return "GeoNames"
    if v.startswith("geocoder:"):
        return f"geocoder ({v.split(':', 1)[1]})"
    return v


def _day_key(event_date: str | None) -> str | None:
    """The slider's step of a site: its event date (the day of an ISO date-time), None when undated."""
    if not event_date:
        return None
    return event_date[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", event_date[:10]) else event_date


def _site_view(
    props: Mapping[str, Any],
    site_id: str,
    lat: float,
    lon: float,
    names: Mapping[str, str],
    links: Callable[[Any], str | None],
) -> dict[str, Any]:
    """What the page's script needs to draw one site: plain strings, pre-formatted (``links``:
    the link to an article's file, ``_Links``)."""
    name = _text(props.get("name")) or site_id
    struck = props.get("role") == "struck"
    variants = [v for v in dict.fromkeys(_texts(props.get("names_seen"))) if v != name]

    claims = []
    shared_sites: dict[str, None] = {}
    for c in _dicts(props.get("claims")):
        others = [names.get(s, s) for s in _texts(c.get("sites")) if s != site_id]
        shared_sites.update(dict.fromkeys(others))
        claims.append(
            {
                "k": format_range(c.get("killed_min"), c.get("killed_max")),
                "i": format_range(c.get("injured_min"), c.get("injured_max")),
                "vi": _text(c.get("victims")) or None,
                "by": _text(c.get("claimant")) or None,
                "ar": _text(c.get("article")) or None,
                "q": _text(c.get("quote")) or None,
                "sh": others,
            }
        )

    sources: dict[str, dict[str, Any]] = {}
    for s in _dicts(props.get("sources")):
        article = _text(s.get("article"))
        if article in sources:
            continue
        sources[article] = {
            "ar": article or None,
            "ou": _text(s.get("outlet")) or None,
            "ti": _text(s.get("title")) or None,
            "da": _text(s.get("date")) or None,
            "href": links(s.get("path")),
            "ev": [],
        }
    for article in _texts(props.get("articles")):
        sources.setdefault(article, {"ar": article, "ev": []})
    for e in _dicts(props.get("evidence")):
        article = _text(e.get("article"))
        quote_text = _text(e.get("quote"))
        if not quote_text:
            continue
        item = sources.setdefault(article, {"ar": article or None, "ev": []})
        ev: dict[str, Any] = {"q": quote_text, "s": _count(e.get("start")), "e": _count(e.get("end")), "ar": article}
        # why the quote makes this place struck: the event it reports and the word that reports it
        kind = _text(e.get("event_type"))
        why = [w for w in (EVENT_TYPE_LABELS.get(kind, kind.replace("_", " ")), _text(e.get("trigger"))) if w]
        if why:
            ev["why"] = why
        item["ev"].append(ev)

    precision = _count(props.get("geo_precision"))
    place = " · ".join(
        p
        for p in (
            _text(props.get("country")),
            _text(props.get("admin1")),
            _text(props.get("feature_type")),
        )
        if p
    )
    view: dict[str, Any] = {
        "id": site_id,
        "n": name,
        "v": variants,
        "la": round(lat, 6),
        "lo": round(lon, 6),
        "m": not struck,
        "pl": place or None,
        "co": f"{lat:.4f}, {lon:.4f} (lat, lon)",
        "pr": f"{precision} ({PRECISION[precision]})" if precision in PRECISION else None,
        "rb": _resolved_by(props.get("resolved_by")) or None,
        "d": _text(props.get("event_date")) or None,
        "k": format_range(props.get("killed_min"), props.get("killed_max")),
        "i": format_range(props.get("injured_min"), props.get("injured_max")),
        "sh": list(shared_sites),
        "cl": claims,
        "so": list(sources.values()),
    }
    types = [t for t in dict.fromkeys(_texts(props.get("event_types"))) if t]
    if types:
        view["t"] = types
    fixes = [
        {
            "t": _text(c.get("text")) or _text(c.get("kind")),
            "d": _text(c.get("made"))[:10] or None,
            "no": _text(c.get("note")) or None,
        }
        for c in _dicts(props.get("corrections"))
    ]
    if fixes:
        view["fx"] = fixes
    if struck:
        view["b"] = casualty_bucket(props.get("killed_min"), props.get("killed_max"))
    return view


def build_sites(fc: Mapping[str, Any], base_dir: Path) -> tuple[list[dict[str, Any]], int]:
    """The drawable sites of a FeatureCollection, and how many features were skipped."""
    features = _dicts(fc.get("features"))
    names: dict[str, str] = {}
    for f in features:
        props = f.get("properties") or {}
        sid = _text(props.get("site_id") or f.get("id"))
        if sid:
            names[sid] = _text(props.get("name")) or sid
    sites = []
    skipped = 0
    links = _Links(base_dir)
    for i, f in enumerate(features):
        props = f.get("properties")
        where = _coords(f)
        if not isinstance(props, Mapping) or where is None:
            skipped += 1
            continue
        sid = _text(props.get("site_id") or f.get("id")) or f"site-{i}"
        sites.append(_site_view(props, sid, where[0], where[1], names, links))
    return sites, skipped


def _assign_events(sites: list[dict[str, Any]]) -> tuple[list[tuple[str, int]], list[str]]:
    """Give each struck site its layer ``g`` and its step ``di`` on the time slider (None:
    undated); return (label, count) per layer and the slider's dates, in order.

    Up to ``MAX_EVENT_LAYERS`` dates, one layer per date (and one for the undated);
    more, one layer of every struck site: the slider picks the dates.
    """
    struck = [s for s in sites if not s["m"]]
    dates = sorted({k for s in struck if (k := _day_key(s["d"])) is not None})
    step = {d: i for i, d in enumerate(dates)}
    for s in struck:
        k = _day_key(s["d"])
        s["di"] = None if k is None else step[k]
    if len(dates) > MAX_EVENT_LAYERS:
        for s in struck:
            s["g"] = 0
        return ([(f"Struck sites ({len(struck)})", len(struck))] if struck else []), dates
    keys: list[str | None] = [*dates, None] if any(s["di"] is None for s in struck) else list(dates)
    index = {k: i for i, k in enumerate(keys)}
    counts = [0] * len(keys)
    for s in struck:
        s["g"] = index[_day_key(s["d"])]
        counts[s["g"]] += 1
    labels = [f"Strikes {k}" if k is not None else "Strikes, undated" for k in keys]
    return [(f"{label} ({n})", n) for label, n in zip(labels, counts, strict=True)], dates


def _event_types(sites: list[dict[str, Any]]) -> list[list[Any]]:
    """[type, label, number of struck sites] of the event types the struck sites have, in the
    table's order (unknown ones after); a site without types counts under "" (no type given)."""
    counts: dict[str, int] = {}
    for s in sites:
        if s["m"]:
            continue
        for t in s.get("t") or [""]:
            counts[t] = counts.get(t, 0) + 1
    if set(counts) <= {""}:
        return []  # no site has a type: no filter to offer
    order = [*EVENT_TYPE_LABELS, *sorted(set(counts) - set(EVENT_TYPE_LABELS) - {""}), ""]
    return [
        [t, EVENT_TYPE_LABELS.get(t, t.replace("_", " ") or "no type given"), counts[t]] for t in order if t in counts
    ]


# --------------------------------------------------------------------------- page parts


def _json_for_html(obj: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' characters."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _data_block(element_id: str, obj: Any) -> str:
    return f'<script type="application/json" id="{element_id}">{_json_for_html(obj)}</script>'


def _run_value(value: Any) -> str:
    if isinstance(value, Mapping) and ("min" in value or "max" in value):
        return format_range(value.get("min"), value.get("max")) or "unknown"
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return _text(value)


def _label(key: Any) -> str:
    text = _text(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _info_html(
    title: str,
    run_info: Mapping[str, Any] | None,
    sites: list[dict[str, Any]],
    layers: list[tuple[str, int]],
    dates: list[str],
    skipped: int,
) -> str:
    rows: list[tuple[str, str]] = []
    info = dict(run_info or {})
    for key, label in (("run_date", "Run date"), ("articles", "Articles read")):
        if key in info:
            rows.append((label, _run_value(info.pop(key))))
    totals = info.pop("totals", None)
    for key, value in info.items():
        rows.append((_label(key), _run_value(value)))
    if isinstance(totals, Mapping):
        for key, value in totals.items():
            rows.append((_label(key), _run_value(value)))
    struck = sum(1 for s in sites if not s["m"])
    rows.append(("Struck sites on map", f"{struck:,}"))
    rows.append(("Mentioned places", f"{len(sites) - struck:,}"))
    rows.append(("Event dates", f"{len(dates):,}"))
    if skipped:
        rows.append(("Not drawn (no usable point)", f"{skipped:,}"))
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    credits = (
        f"{GEONAMES_CREDIT}. Map tiles {OSM_CREDIT}. Offline borders: "
        '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain).'
    )
    return (
        '<div id="sm-info" class="sm-panel" hidden><details open>'
        f"<summary>{html.escape(title)}</summary><table>{body}</table>"
        '<div class="sm-note">Figures are as reported and may conflict; a claim covering '
        "several sites is shown on each of them and says so.</div>"
        f'<div class="sm-credits">{credits}</div></details></div>'
    )


def _legend_html() -> str:
    rows = []
    for i, (label, size) in enumerate(BUCKETS):
        swatch = f'<span class="sm-site sm-b{i}" style="width:{size}px;height:{size}px"></span>'
        rows.append(
            f'<div class="sm-legend-row"><span class="sm-legend-swatch">{swatch}</span>{html.escape(label)}</div>'
        )
    rows.append(
        '<div class="sm-legend-row"><span class="sm-legend-swatch">'
        '<span class="sm-site sm-mentioned" style="width:10px;height:10px"></span></span>'
        "mentioned, not reported struck</div>"
    )
    return (
        '<div id="sm-legend" class="sm-panel" hidden><b>Killed (lowest reported figure)</b>'
        + "".join(rows)
        + '<div class="sm-meta">Numbered circles group nearby sites, coloured as the worst of them: '
        "click to zoom in.</div></div>"
    )


# --------------------------------------------------------------------------- assets


def _asset(name: str) -> str:
    """The page's own script or style (``assets/``, package data): all text from articles reaches
    the page only as JSON in an inert block, which the script puts on screen with
    ``textContent``, never as HTML; nothing in them is a template."""
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


def _package_file(module: str, name: str) -> Path:
    import importlib

    return Path(importlib.import_module(module).BASE_DIR) / name


def _inline_css(module: str, name: str) -> str:
    path = _package_file(module, name)
    css = path.read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        image = path.parent / match.group(1)
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    css = re.sub(r"url\(['\"]?(images/[\w.-]+\.png)['\"]?\)", data_uri, css)
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


def _inline_js(module: str, name: str) -> str:
    js = _package_file(module, name).read_text(encoding="utf-8")
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def _take_assets(root: Any) -> list[str]:
    """Empty every element's CDN link lists; return the asset names they asked for."""
    wanted: dict[str, None] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        for attr in ("default_js", "default_css"):
            for name, _url in getattr(element, attr, None) or []:
                if name not in _INLINE_CSS and name not in _INLINE_JS and name not in _DROPPED:
                    raise RuntimeError(f"folium asset {name!r} has no packaged copy to inline")
                wanted[name] = None
            if hasattr(element, attr):
                setattr(element, attr, [])  # instance attribute: folium's lists stay intact
        stack.extend(getattr(element, "_children", {}).values())
    return list(wanted)


_EXTERNAL_TAG = re.compile(r"<script\b[^>]*\bsrc\s*=|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)


def _check_standalone(page: str) -> None:
    """Refuse a page that still loads a script or stylesheet from elsewhere.

    Text from the data is HTML-escaped and cannot form a tag, so scanning the
    whole page for tags is safe; ``@import`` only counts inside a style block.
    """
    found = _EXTERNAL_TAG.search(page)
    if found:
        raise RuntimeError(f"map page still links an external resource: {found.group(0)!r}")
    if any("@import" in css for css in _STYLE.findall(page)):
        raise RuntimeError("map page stylesheet imports an external resource")


# --------------------------------------------------------------------------- the page


def render_map(
    fc: Mapping[str, Any],
    *,
    title: str = "Strike map",
    run_info: Mapping[str, Any] | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    labels: list[list[Any]] | None = None,
) -> str:
    """The standalone HTML page for a sites FeatureCollection.

    ``base_dir`` is the folder the page will live in; links to local article
    files are made relative to it (default: the current directory).  ``labels``:
    the place names of the offline base layer, ``[name, lat, lon, least zoom]``
    (default: ``labels.place_labels``, from the world gazetteer when it is built;
    ``[]``: none).
    """
    import folium
    from branca.element import Element, MacroElement
    from folium.map import Layer
    from folium.plugins import MarkerCluster
    from jinja2 import Template

    from . import borders as natural_earth

    class Html(Element):
        """HTML put into the page as it is.  A branca ``Element(text)`` reads its text as a
        Jinja template, and the page's data holds article text: "{{ ... }}" in an article would
        be run, and "{#" would stop the map."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

        def render(self, **kwargs: Any) -> str:
            return self.text

    here = Path(os.path.abspath(base_dir if base_dir is not None else os.getcwd()))
    sites, skipped = build_sites(fc, here)
    layers, dates = _assign_events(sites)
    types = _event_types(sites)
    if labels is None:
        from .labels import place_labels

        labels = place_labels(sites)
    struck = [s for s in sites if not s["m"]]
    mentioned_count = len(sites) - len(struck)

    figure = folium.Figure(title=html.escape(title))
    m = folium.Map(
        location=[20.0, 0.0],
        zoom_start=2,
        tiles=None,
        zoom_control="bottomright",
        control_scale=True,
        prefer_canvas=True,
        world_copy_jump=True,
        # the clusters need the map's zoom range even when no tile layer is shown
        minZoom=1,
        maxZoom=19,
    )
    figure.add_child(m)

    osm = folium.TileLayer("OpenStreetMap", name="OpenStreetMap", attr=OSM_CREDIT, overlay=False)
    osm.add_to(m)

    borders = None
    try:
        packed = natural_earth.packed_borders(0.05)
    except (ImportError, OSError, RuntimeError) as exc:  # pragma: no cover - broken install
        warnings.warn(f"offline borders unavailable: {exc}", stacklevel=2)
    else:
        figure.html.add_child(Html(_data_block("sm-borders", packed)), name="sm_borders")

        class Borders(Layer):
            _template = Template(
                """
                {% macro script(this, kwargs) %}
                var {{ this.get_name() }} = strikeMapBorders(
                    "sm-borders", {{ this.credit|tojson }});
                {% endmacro %}
                """
            )

            def __init__(self) -> None:
                super().__init__(name="Country borders (offline)", overlay=False, show=False)
                self._name = "Borders"
                self.credit = natural_earth.CREDIT_HTML

        borders = Borders()
        borders.add_to(m)

    groups = []
    for label, _n in layers:
        group = folium.FeatureGroup(name=html.escape(label), overlay=True, show=True)
        group.add_to(m)
        groups.append(group)
    struck_cluster = MarkerCluster(control=False, show=True, spiderfy_distance_multiplier=1.5)
    struck_cluster.add_to(m)
    mentioned_cluster = MarkerCluster(
        name=html.escape(f"Mentioned places ({mentioned_count})"), overlay=True, show=False
    )
    mentioned_cluster.add_to(m)

    points = [(s["la"], s["lo"]) for s in (struck or sites)]
    bounds = None
    if points:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]

    figure.html.add_child(Html(_info_html(title, run_info, sites, layers, dates, skipped)))
    figure.html.add_child(Html(_legend_html()))
    view = {"buckets": [size for _label, size in BUCKETS], "sites": sites, "dates": dates, "types": types}
    figure.html.add_child(Html(_data_block("sm-data", view)), name="sm_data")
    if labels:
        figure.html.add_child(Html(_data_block("sm-labels", labels)), name="sm_labels")

    class StrikeLayer(MacroElement):
        _template = Template(
            """
            {% macro script(this, kwargs) %}
            strikeMap({
                map: {{ this._parent.get_name() }},
                dataId: "sm-data",
                struck: {{ this.struck.get_name() }},
                mentioned: {{ this.mentioned.get_name() }},
                groups: [{% for g in this.groups %}{{ g.get_name() }}{{ ", " if not loop.last }}{% endfor %}],
                osm: {{ this.osm.get_name() }},
                borders: {{ this.borders.get_name() if this.borders else "null" }},
                credit: {{ this.credit|tojson }},
                bounds: {{ this.bounds|tojson }}
            });
            {% endmacro %}
            """
        )

        def __init__(self) -> None:
            super().__init__()
            self._name = "StrikeLayer"
            # elements, not names: the names are only final once _number_elements has run
            self.struck = struck_cluster
            self.mentioned = mentioned_cluster
            self.groups = groups
            self.osm = osm
            self.borders = borders
            self.credit = GEONAMES_CREDIT
            self.bounds = bounds  # fitted by the script, beside the title block

    folium.LayerControl(position="topright", collapsed=len(layers) > MAX_EVENT_LAYERS).add_to(m)
    StrikeLayer().add_to(m)

    wanted = _take_assets(figure)
    css = [_inline_css(*_INLINE_CSS[n]) for n in _INLINE_CSS if n in wanted]
    js = [_inline_js(*_INLINE_JS[n]) for n in _INLINE_JS if n in wanted]
    head = "".join(f"<style>{c}</style>\n" for c in [*css, _asset("map.css")])
    head += "".join(f"<script>{j}</script>\n" for j in [*js, _asset("map.js")])
    figure.header.add_child(Html(head.removesuffix("\n")), name="sm_assets")  # (as the page always was)

    _number_elements(figure)
    page: str = figure.render()
    _check_standalone(page)
    return page


def _number_elements(root: Any) -> None:
    """Give every element of the page an id from its place in the tree.

    branca draws each element's id (its JavaScript variable name) at random; the
    same sites must give the same page, byte for byte, run after run.
    """
    seen: set[int] = set()
    todo = [root]
    n = 0
    while todo:
        el = todo.pop()
        if id(el) in seen:
            continue
        seen.add(id(el))
        el._id = f"{n:032x}"
        n += 1
        todo.extend(reversed(list(el._children.values())))


def write_map(
    fc: dict[str, Any],
    path: str | os.PathLike[str],
    *,
    title: str = "Strike map",
    run_info: dict[str, Any] | None = None,
    base_dir: str | os.PathLike[str] | None = None,
    labels: list[list[Any]] | None = None,
) -> None:
    """Write the standalone HTML map of ``fc`` (a sites FeatureCollection) to ``path``.

    ``run_info`` may carry ``run_date``, ``articles`` (count) and ``totals``
    (label -> number, or {"min":, "max":} for a range); other keys are shown
    as they are.  ``base_dir``: the folder the page will be opened from, when it is
    written elsewhere first (a staging folder); links to the article files are made
    relative to it (default: the folder of ``path``).  The file is written atomically.
    """
    target = Path(path)
    page = render_map(
        fc,
        title=title,
        run_info=run_info,
        base_dir=target.parent if base_dir is None else base_dir,
        labels=labels,
    )
    write_text(target, page)
