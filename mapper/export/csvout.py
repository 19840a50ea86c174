"""Flat CSV export: one row per site, ACLED-like columns, lists joined with "; ".

Every cell is made safe for a spreadsheet (``cell``): article text, outlets and file
names are untrusted, and a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is run as a formula by Excel and LibreOffice, so such a cell (unless it
is a plain number) starts with an apostrophe instead, which both show as text.  No cell
is longer than Excel's limit of 32,767 characters: a long list keeps its first entries
and says how many more there are.
"""

from __future__ import annotations

import csv
import re
from typing import Any, TextIO

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
    "event_types",
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
    "corrections",
]


# what makes a spreadsheet read a cell as a formula (and the full-width forms some read so too)
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
MAX_CELL = 32_767  # Excel's limit on the characters of one cell
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it and never runs it (see the module notes)."""
    if not isinstance(value, str):
        return value
    first = value.lstrip(" ")[:1]
    if first and first in FORMULA_STARTS and not _NUMBER.fullmatch(value.strip()):
        value = "'" + value
    if len(value) > MAX_CELL:
        value = value[: MAX_CELL - 1] + "…"
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row with every cell made safe (``cell``): what every CSV the tool writes passes through."""
    return {k: cell(v) for k, v in row.items()}


def uncell(value: str) -> str:
    """A cell read back from a CSV the tool wrote: the apostrophe ``cell`` put before a
    formula-like text is taken off again."""
    if value.startswith("'") and value[1:].lstrip(" ")[:1] in FORMULA_STARTS and value[1:].lstrip(" "):
        return value[1:]
    return value


def _join(items: Any, limit: int = MAX_CELL) -> str:
    """The items joined with "; "; past ``limit`` characters, the first ones and a count of the rest."""
    parts = [str(x) for x in items if x not in (None, "")]
    out = "; ".join(parts)
    if len(out) <= limit:
        return out
    kept: list[str] = []
    size = 0
    room = limit - len(f"; … and {len(parts)} more")
    for part in parts:
        if size + len(part) > room:
            break
        kept.append(part)
        size += len(part) + 2
    if not kept:  # the first item alone is longer than a cell: its start
        kept.append(parts[0][: max(1, room - 1)] + "…")
    rest = len(parts) - len(kept)
    return "; ".join(kept) + (f"; … and {rest} more" if rest else "")


def row(f: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one GeoJSON feature."""
    p = f["properties"]
    lon, lat = f["geometry"]["coordinates"]
    return safe_row(
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
            "event_types": _join(p.get("event_types") or ()),
            "resolved_by": p["resolved_by"],
            **{k: "" if p[k] is None else p[k] for k in ("killed_min", "killed_max", "injured_min", "injured_max")},
            "n_claims": len(p["claims"]),
            "claimants": _join(dict.fromkeys(c["claimant"] for c in p["claims"])),
            "n_articles": len(p["articles"]),
            "articles": _join(p["articles"]),
            "outlets": _join(p["outlets"]),
            "names_seen": _join(p["names_seen"]),
            "notes": _join(e["quote"] for e in p["evidence"]),
            "corrections": _join(f"analyst {c['made'][:10]}: {c['text']}" for c in p.get("corrections") or ()),
        }
    )


def writer(fh: TextIO) -> csv.DictWriter[str]:
    """A writer of rows (``row``) into ``fh`` (opened with ``newline=""``), the header written."""
    w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    return w
