"""GeoPackage export: the sites as a point layer QGIS and GDAL open directly.

Layers (all joined on ``site_id``):

``sites``
    Points (EPSG:4326), one per site, with the flat properties of the GeoJSON
    contract; list values (``names_seen``, ``articles``, ``outlets``, the analyst's
    ``corrections``) are JSON
    strings, and ``n_claims`` / ``n_articles`` count them.
``claims``
    One row per claim and site it covers (a claim covering two towns is two rows
    with one ``claim_id``: count distinct ``claim_id``, never sum the sites);
    ``sites`` is a JSON list of all the site ids the claim covers.
``sources``
    One row per site and article reporting it: outlet, title, date, path, url.
``evidence``
    One row per sentence placing a strike at a site, with its offsets.

It is written from the same FeatureCollection as ``sites.geojson``, through
pyogrio, into a temporary file renamed into place when complete.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ..atomic import atomic_path

LAYERS = ("sites", "claims", "sources", "evidence")

# column -> pandas dtype; "json" columns hold JSON text
SITE_COLUMNS = {
    "site_id": "object",
    "name": "object",
    "role": "object",
    "event_date": "object",
    "country": "object",
    "admin1": "object",
    "feature_type": "object",
    "geo_precision": "Int64",
    "resolved_by": "object",
    "place_id": "object",
    "parent": "object",
    "place_source": "object",
    "killed_min": "Int64",
    "killed_max": "Int64",
    "injured_min": "Int64",
    "injured_max": "Int64",
    "n_claims": "Int64",
    "n_articles": "Int64",
    "names_seen": "json",
    "articles": "json",
    "outlets": "json",
    "corrections": "json",
}
CLAIM_COLUMNS = {
    "site_id": "object",
    "claim_id": "object",
    "article": "object",
    "claimant": "object",
    "victims": "object",
    "killed_min": "Int64",
    "killed_max": "Int64",
    "injured_min": "Int64",
    "injured_max": "Int64",
    "quote": "object",
    "start": "Int64",
    "end": "Int64",
    "sites": "json",
}
SOURCE_COLUMNS = {
    "site_id": "object",
    "article": "object",
    "outlet": "object",
    "title": "object",
    "date": "object",
    "path": "object",
    "url": "object",
}
EVIDENCE_COLUMNS = {
    "site_id": "object",
    "article": "object",
    "quote": "object",
    "start": "Int64",
    "end": "Int64",
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _frame(rows: list[dict[str, Any]], columns: dict[str, str]) -> Any:
    import pandas as pd

    data = {}
    for col, kind in columns.items():
        values = [r.get(col) for r in rows]
        if kind == "json":
            data[col] = pd.Series([_json(v) for v in values], dtype="object")
        else:
            data[col] = pd.Series(values, dtype=kind)
    return pd.DataFrame(data)


def claim_id(claim: dict[str, Any]) -> str:
    """One id per claim, the same on every site it covers: ``<article>:<start>-<end>``."""
    return f"{claim['article']}:{claim['start']}-{claim['end']}"


def tables(fc: dict[str, Any]) -> dict[str, Any]:
    """The four layers as (Geo)DataFrames, from a sites FeatureCollection."""
    import geopandas as gpd

    sites, claims, sources, evidence = [], [], [], []
    xs, ys = [], []
    for f in fc["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        xs.append(lon)
        ys.append(lat)
        sites.append({**p, "n_claims": len(p["claims"]), "n_articles": len(p["articles"])})
        sid = p["site_id"]
        claims += [{**c, "site_id": sid, "claim_id": claim_id(c)} for c in p["claims"]]
        sources += [{**s, "site_id": sid} for s in p["sources"]]
        evidence += [{**e, "site_id": sid} for e in p["evidence"]]
    layer = gpd.GeoDataFrame(_frame(sites, SITE_COLUMNS), geometry=gpd.points_from_xy(xs, ys), crs="EPSG:4326")
    return {
        "sites": layer,
        "claims": _frame(claims, CLAIM_COLUMNS),
        "sources": _frame(sources, SOURCE_COLUMNS),
        "evidence": _frame(evidence, EVIDENCE_COLUMNS),
    }


def write_gpkg(fc: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write the GeoPackage at ``path`` (replacing it only once it is complete)."""
    import pyogrio

    with atomic_path(path, ".gpkg") as tmp:
        for name, df in tables(fc).items():
            if name == "sites":
                pyogrio.write_dataframe(df, tmp, layer=name, driver="GPKG", geometry_type="Point")
            else:
                pyogrio.write_dataframe(df, tmp, layer=name, driver="GPKG")
