"""KML for Google Earth (``sites.kml``), from the same FeatureCollection as ``sites.geojson``.

Written with the standard library's ``xml.etree``: the file is a handful of element
kinds (styles, two folders, placemarks with a point, a time stamp, a description and
extended data), which ElementTree writes and escapes in a few lines; the KML libraries on
PyPI are either unmaintained since 2021 (simplekml) or bring their own geometry and date
packages for a full object model we would not use (fastkml).

* One placemark per site: the struck sites in a folder "Struck sites", coloured and sized
  as the map's legend (the lowest reported killed figure), with a ``TimeStamp`` on the
  event date, so Google Earth's own time slider plays the strikes in order; the places
  only mentioned in a folder "Mentioned places", hidden at first.
* Article text is untrusted, and Google Earth renders a description as HTML: every
  text is HTML-escaped into the description's markup (and ElementTree escapes that
  markup once more for XML), so ``<script>`` in an article shows as text.  Links are
  made only of ``http(s)`` URLs.
* ``ExtendedData`` carries the flat fields (site id, date, figures, country) for tools
  that read them (QGIS, GDAL's KML driver).
"""

from __future__ import annotations

import html
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any, BinaryIO

from .html.map import BUCKETS, casualty_bucket, format_range

NS = "http://www.opengis.net/kml/2.2"
ICON = "https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"  # Google Earth's own
# the map's legend colours (map.css .sm-b0 .. .sm-b4, .sm-mentioned) as KML's aabbggrr
COLOURS = ("ff8c8c8c", "ff61aefd", "ff436df4", "ff2730d7", "ff00007f")
MENTIONED = "ffb47545"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def _style(doc: ET.Element, sid: str, colour: str, scale: float) -> None:
    style = _sub(doc, "Style", id=sid)
    icon = _sub(style, "IconStyle")
    _sub(icon, "color", colour)
    _sub(icon, "scale", f"{scale:.2f}")
    _sub(_sub(icon, "Icon"), "href", ICON)
    _sub(_sub(style, "LabelStyle"), "scale", "0")  # names on hover, not over every point


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _link(url: Any, label: str) -> str:
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'
    return label


def description(p: dict[str, Any]) -> str:
    """The placemark's balloon, as HTML in which every text is escaped."""
    parts: list[str] = []
    for c in p.get("corrections") or ():
        parts.append(f"<p><b>Analyst's correction</b> {_e(str(c.get('made'))[:10])}: {_e(c.get('text'))}</p>")
    rows: list[tuple[str, Any]] = []
    if p.get("role") == "struck":
        rows.append(("Killed", format_range(p.get("killed_min"), p.get("killed_max")) or "not reported"))
        rows.append(("Injured", format_range(p.get("injured_min"), p.get("injured_max")) or "not reported"))
    else:
        rows.append(("Role", "mentioned, not reported struck"))
    rows += [
        ("Event date", p.get("event_date")),
        ("Place", " · ".join(x for x in (p.get("country"), p.get("admin1"), p.get("feature_type")) if x)),
        ("Site", p.get("site_id")),
    ]
    parts.append("<table>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows if v) + "</table>")
    claims = p.get("claims") or []
    if claims:
        items = []
        for c in claims:
            fig = "; ".join(
                f"{what} {r}"
                for what, r in (
                    ("killed", format_range(c.get("killed_min"), c.get("killed_max"))),
                    ("injured", format_range(c.get("injured_min"), c.get("injured_max"))),
                )
                if r
            )
            by = c.get("claimant") or "unattributed"
            items.append(f"<li>{_e(fig or 'no figure')}, claimed by {_e(by)}<br/><i>{_e(c.get('quote'))}</i></li>")
        parts.append(f"<p><b>Claims</b></p><ul>{''.join(items)}</ul>")
    sources = p.get("sources") or []
    if sources:
        items = []
        for s in sources:
            label = _e(s.get("title") or s.get("article"))
            head = f"{_e(s.get('outlet'))}: " if s.get("outlet") else ""
            when = f" ({_e(s.get('date'))})" if s.get("date") else ""
            items.append(f"<li>{head}{_link(s.get('url'), label)}{when}</li>")
        parts.append(f"<p><b>Sources</b></p><ul>{''.join(items)}</ul>")
    for e in (p.get("evidence") or ())[:5]:
        parts.append(f"<blockquote>{_e(e.get('quote'))}</blockquote>")
    return "".join(parts)


def _placemark(folder: ET.Element, f: dict[str, Any]) -> None:
    p = f["properties"]
    lon, lat = f["geometry"]["coordinates"]
    pm = _sub(folder, "Placemark")
    _sub(pm, "name", str(p.get("name") or p.get("site_id")))
    if p.get("event_date"):
        _sub(_sub(pm, "TimeStamp"), "when", str(p["event_date"]))
    if p.get("role") == "struck":
        _sub(pm, "styleUrl", f"#b{casualty_bucket(p.get('killed_min'), p.get('killed_max'))}")
    else:
        _sub(pm, "styleUrl", "#mentioned")
    _sub(pm, "description", description(p))
    data = _sub(pm, "ExtendedData")
    for key in ("site_id", "role", "event_date", "country", "admin1", "killed_min", "killed_max", "injured_min"):
        value = p.get(key)
        if value is not None:
            _sub(_sub(data, "Data", name=key), "value", str(value))
    if p.get("corrections"):
        _sub(_sub(data, "Data", name="corrected_by_analyst"), "value", "yes")
    _sub(_sub(pm, "Point"), "coordinates", f"{lon},{lat}")


def document(features: Iterable[dict[str, Any]], title: str = "Strike map") -> ET.Element:
    root = ET.Element("kml", xmlns=NS)
    doc = _sub(root, "Document")
    _sub(doc, "name", title)
    for i, (_label, size) in enumerate(BUCKETS):
        _style(doc, f"b{i}", COLOURS[i], size / 20)
    _style(doc, "mentioned", MENTIONED, 0.5)
    struck = _sub(doc, "Folder")
    _sub(struck, "name", "Struck sites")
    mentioned = _sub(doc, "Folder")
    _sub(mentioned, "name", "Mentioned places")
    _sub(mentioned, "visibility", "0")
    for f in features:
        _placemark(struck if f["properties"].get("role") == "struck" else mentioned, f)
    ET.indent(root, space=" ")
    return root


def write(fh: BinaryIO, features: Iterable[dict[str, Any]], title: str = "Strike map") -> None:
    """``sites.kml`` into ``fh`` (binary), UTF-8."""
    ET.ElementTree(document(features, title)).write(fh, encoding="utf-8", xml_declaration=True)
    fh.write(b"\n")


def write_kml(fc: dict[str, Any], path: str | os.PathLike[str], title: str = "Strike map") -> None:
    with open(path, "wb") as fh:
        write(fh, fc["features"], title)
