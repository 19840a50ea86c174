"""A first folium map: one marker per struck site, escaped popups.

(The full standalone map replaces this module.)
"""

from __future__ import annotations

import html
import os
from typing import Any

from ..atomic import write_text


def write_map(
    fc: dict[str, Any],
    path: str | os.PathLike[str],
    *,
    title: str = "Strike map",
    run_info: dict[str, Any] | None = None,
) -> None:
    import folium

    struck = [f for f in fc["features"] if f["properties"]["role"] == "struck"]
    m = folium.Map(location=[33.5, 40.5], zoom_start=6, tiles="OpenStreetMap")
    for f in struck:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        parts = [f"<b>{html.escape(p['name'])}</b>"]
        for c in p["claims"]:
            parts.append(html.escape(f"{c['killed_min']} killed; {c['claimant']}: {c['quote']}"))
        body = "<br>".join(parts).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")
        folium.Marker([lat, lon], tooltip=html.escape(p["name"]), popup=folium.Popup(body, max_width=400)).add_to(m)
    if struck:
        lats = [f["geometry"]["coordinates"][1] for f in struck]
        lons = [f["geometry"]["coordinates"][0] for f in struck]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])
    write_text(path, m.get_root().render())
