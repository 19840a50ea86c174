"""US counties (and parishes, boroughs), which GeoNames' populated places lack.

Source: the ``zipcodes`` package (MIT), which gives each US ZIP code its county
and a point; a county's point is the mean of its ZIP points, its state name comes
from the ``us`` package.  The derived table (about 3,100 counties) is built once
and cached as JSON beside the world gazetteer index, so a run pays a few
milliseconds for it.

``CombinedIndex`` puts the counties and the world gazetteer behind the one
interface the matcher and resolver use.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..atomic import write_text
from ..cache import cache_dir as default_cache_dir
from ..models import Place
from ..names import name_key, name_variants

SOURCE = "zipcodes package (MIT): mean of the county's ZIP code points"
CACHE_NAME = "us-counties-v2.json"  # v2: rows carry their keys


def _build() -> list[dict[str, object]]:
    import us
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        county, state = (z.get("county") or "").strip(), (z.get("state") or "").strip()
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if county and state and (lat, lon) != (0.0, 0.0):
            # "Baltimore city" and "Baltimore City" are one place
            points[(county[:1].upper() + county[1:], state)].append((lat, lon))
    rows = []
    for (county, state), pts in sorted(points.items()):
        st = us.states.lookup(state)
        rows.append(
            {
                "name": county,
                "state": st.name if st else state,
                "abbr": state,
                "lat": round(sum(p[0] for p in pts) / len(pts), 5),
                "lon": round(sum(p[1] for p in pts) / len(pts), 5),
                "zips": len(pts),
                "keys": _keys(county),
            }
        )
    return rows


def _keys(county: str) -> list[str]:
    """The keys a county is found by: its spellings, and "X Co." for "X County"."""
    names = {county}
    if county.endswith(" County"):
        names.add(county[: -len(" County")] + " Co.")
    return sorted({name_key(form) for n in names for form in name_variants(n, translit=False)})


class USCounties:
    def __init__(self, rows: Iterable[dict[str, object]]):
        self.by_key: dict[str, list[Place]] = defaultdict(list)
        for r in rows:
            name, state = str(r["name"]), str(r["state"])
            place = Place(
                id=f"us-county:{r['abbr']}:{name_key(name)}",
                name=f"{name}, {state}",
                lat=float(r["lat"]),  # type: ignore[arg-type]
                lon=float(r["lon"]),  # type: ignore[arg-type]
                feature_type="admin2",
                country="US",
                admin1=state,
                geo_precision=3,
                source=SOURCE,
                resolved_by="geonames",
                population=0,
            )
            keys = r.get("keys")
            if not isinstance(keys, list):
                keys = _keys(name)
            for key in keys:
                self.by_key[key].append(place)

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> USCounties:
        path = (cache_dir or default_cache_dir()) / CACHE_NAME
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(rows, list) or not rows:
                raise ValueError("empty")
        except (OSError, ValueError):
            rows = _build()
            with contextlib.suppress(OSError):  # a read-only cache is no reason to fail
                write_text(path, json.dumps(rows))
        return cls(rows)

    def candidates(self, key: str) -> list[Place]:
        return list(self.by_key.get(key, ()))

    def __contains__(self, key: object) -> bool:
        return key in self.by_key


class CombinedIndex:
    """World gazetteer first, then US counties, behind one interface."""

    def __init__(self, world: object, counties: USCounties):
        self.world = world
        self.counties = counties

    def candidates(self, key: str) -> list[Place]:
        return list(self.world.candidates(key)) + self.counties.candidates(key)  # type: ignore[attr-defined]

    def __contains__(self, key: object) -> bool:
        return key in self.world or key in self.counties  # type: ignore[operator]

    def country(self, iso2: str) -> Place | None:
        return self.world.country(iso2)  # type: ignore[attr-defined]

    def places_in(self, iso2: str) -> list[Place]:
        from . import places_in

        return places_in(self.world, iso2)

    def respellings(self, iso2: str, skel: str) -> list[Place]:
        from . import respellings

        return respellings(self.world, iso2, skel)

    def countries(self) -> list[str]:
        from . import countries

        return countries(self.world)
