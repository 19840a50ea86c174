"""Flat CSV export: one row per site, ACLED-like columns, lists joined with "; "."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from typing import Any, TextIO

from ..atomic import write_text

COLUMNS = [
    "site_id",
    "event_date",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "admin1",
    "feature_type",
    "role",
    "resolved_by",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "n_claims",
    "claimants",
    "n_articles",
    "articles",
    "outlets",
    "names_seen",
    "notes",
]


def _join(items: Any) -> str:
    return "; ".join(str(x) for x in items if x not in (None, ""))


def rows(fc: dict[str, Any]) -> list[dict[str, Any]]:
    return [row(f) for f in fc["features"]]


def row(f: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one GeoJSON feature."""
    p = f["properties"]
    lon, lat = f["geometry"]["coordinates"]
    return {
        "site_id": p["site_id"],
        "event_date": p["event_date"] or "",
        "location": p["name"],
        "latitude": lat,
        "longitude": lon,
        "geo_precision": p["geo_precision"],
        "country": p["country"] or "",
        "admin1": p["admin1"] or "",
        "feature_type": p["feature_type"],
        "role": p["role"],
        "resolved_by": p["resolved_by"],
        **{k: "" if p[k] is None else p[k] for k in ("killed_min", "killed_max", "injured_min", "injured_max")},
        "n_claims": len(p["claims"]),
        "claimants": _join(dict.fromkeys(c["claimant"] for c in p["claims"])),
        "n_articles": len(p["articles"]),
        "articles": _join(p["articles"]),
        "outlets": _join(p["outlets"]),
        "names_seen": _join(p["names_seen"]),
        "notes": _join(e["quote"] for e in p["evidence"]),
    }


def dumps(fc: dict[str, Any]) -> str:
    buf = io.StringIO()
    write_rows(buf, fc["features"])
    return buf.getvalue()


def writer(fh: TextIO) -> csv.DictWriter[str]:
    """A writer of rows (``row``) into ``fh`` (opened with ``newline=""``), the header written."""
    w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    return w


def write_rows(fh: TextIO, features: Iterable[dict[str, Any]]) -> None:
    """The CSV of ``features`` into ``fh``, a row at a time, as ``dumps`` gives it."""
    w = writer(fh)
    for f in features:
        w.writerow(row(f))


def write_csv(path: str | os.PathLike[str], fc: dict[str, Any]) -> None:
    write_text(path, dumps(fc))
