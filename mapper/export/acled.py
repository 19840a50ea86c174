"""ACLED-style CSV (``acled.csv``): one row per event, with ACLED's column names where they apply.

ACLED (the Armed Conflict Location & Event Data project) codes each event on a row of
fixed columns; an analyst merging our events into an ACLED extract, or loading both in
the same tools, needs the same names and the same rules.  Until the events stage gives
each event its own row, an event here is a struck site (``role == "struck"``).

Columns, as ACLED defines them, and how each is filled:

===============  ============================================================================
event_id_cnty    ISO 3166 alpha-3 of the country + a number made from the ``site_id`` (the
                 same site gives the same id in every export; ``site_id`` is its own column)
event_date       the site's event date (ISO); an undated site takes the earliest publication
                 date of its sources (then ``time_precision`` 3)
year             of ``event_date``
time_precision   1: the day is known; 3: only "on or before" a publication date
event_type,      from the site's ``event_types`` through ``EVENT_TYPES`` (the first of them in
sub_event_type   the table's order); a site without types is "Explosions/Remote violence" with
                 no sub-event type (every site we map was reported struck)
actor1           empty: the articles' actors are not read yet
country          the country's English name (``countryinfo``); admin1 as the gazetteer has it;
admin1, admin2   admin2 empty (not in our gazetteers)
location         the place's name; latitude, longitude and geo_precision as in the GeoJSON
source           the outlets that reported it, "; " between them
source_scale     empty: we do not know an outlet's scale
notes            the sentences that place a strike there, and any analyst's correction
fatalities       ACLED's rule, the lowest credible figure: ``killed_min``, 0 when none is given
tags             "analyst corrected: <kinds>" when an analyst corrected the site
site_id          ours, to join back to ``sites.geojson``
===============  ============================================================================

Every cell passes ``csvout.safe_row``.
"""

from __future__ import annotations

import csv
import functools
import hashlib
from collections.abc import Iterable
from typing import Any, TextIO

from .csvout import _join, safe_row

# our event types (the events stage's) -> ACLED's (event_type, sub_event_type); the first of a
# site's types in this order gives its row
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "air_drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling_artillery_missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "remote_explosive_ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bomb": ("Explosions/Remote violence", "Suicide bomb"),
    "armed_clash": ("Battles", "Armed clash"),
    "attack": ("Violence against civilians", "Attack"),
    "other": ("Explosions/Remote violence", ""),
}
DEFAULT_TYPE = ("Explosions/Remote violence", "")  # a struck site whose type is not known

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "site_id",
]


@functools.lru_cache(maxsize=512)
def country(iso2: str) -> tuple[str, str]:
    """(alpha-3, English name) of an ISO 3166 alpha-2 code; the code itself when unknown."""
    if not iso2:
        return "", ""
    try:
        from countryinfo import CountryInfo

        info = CountryInfo(iso2)
        return str(info.iso()["alpha3"]), str(info.name())
    except Exception:  # an unknown code (XK, a geocoder's guess): keep what we have
        return iso2.upper(), iso2.upper()


def event_type(types: Iterable[str] | None) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) for a site's event types."""
    given = set(types or ())
    for ours, theirs in EVENT_TYPES.items():
        if ours in given:
            return theirs
    return DEFAULT_TYPE


def event_id(iso3: str, site_id: str) -> str:
    number = int(hashlib.sha256(site_id.encode()).hexdigest()[:12], 16) % 10**10
    return f"{iso3 or 'XXX'}{number}"


def row(f: dict[str, Any]) -> dict[str, Any] | None:
    """The ACLED row of one GeoJSON feature; None for a place that was not struck."""
    p = f["properties"]
    if p.get("role") != "struck":
        return None
    lon, lat = f["geometry"]["coordinates"]
    when, precision = p.get("event_date"), "1"
    if not when:
        dates = sorted(s["date"] for s in p.get("sources") or () if s.get("date"))
        when, precision = (dates[0], "3") if dates else ("", "")
    iso3, name = country(p.get("country") or "")
    kind, sub = event_type(p.get("event_types"))
    fixes = p.get("corrections") or []
    notes = _join(
        [*(e["quote"] for e in p.get("evidence") or ()), *(f"[analyst {c['made'][:10]}: {c['text']}]" for c in fixes)]
    )
    killed = p.get("killed_min")
    return safe_row(
        {
            "event_id_cnty": event_id(iso3, p["site_id"]),
            "event_date": when or "",
            "year": when[:4] if when else "",
            "time_precision": precision,
            "event_type": kind,
            "sub_event_type": sub,
            "actor1": "",
            "country": name,
            "admin1": p.get("admin1") or "",
            "admin2": "",
            "location": p["name"],
            "latitude": lat,
            "longitude": lon,
            "geo_precision": p.get("geo_precision") or "",
            "source": _join(p.get("outlets") or ()),
            "source_scale": "",
            "notes": notes,
            "fatalities": killed if killed is not None else 0,
            "tags": ("analyst corrected: " + ", ".join(dict.fromkeys(c["kind"] for c in fixes))) if fixes else "",
            "site_id": p["site_id"],
        }
    )


def write(fh: TextIO, features: Iterable[dict[str, Any]]) -> int:
    """``acled.csv`` into ``fh`` (opened with ``newline=""``); the number of rows."""
    w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for f in features:
        r = row(f)
        if r is not None:
            w.writerow(r)
            n += 1
    return n
