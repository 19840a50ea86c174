"""Flat CSV export: one row per site, ACLED-like columns, lists joined with "; "."""

from __future__ import annotations

import csv
import io
import os
from typing import Any

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
    out = []
    for f in fc["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        out.append(
            {
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
        )
    return out


def dumps(fc: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows(fc))
    return buf.getvalue()


def write_csv(path: str | os.PathLike[str], fc: dict[str, Any]) -> None:
    write_text(path, dumps(fc))
