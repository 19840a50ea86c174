"""The world gazetteer as a run reads it: a memory-mapped index of GeoNames places.

``WorldGazetteer.load()`` opens the index file under the user cache folder (see
``mapper.cache``), named after the versions of the source packages and hashes of the
builder (``build.py``, ``fileformat.py``) and of ``mapper/names.py`` (keys are made by
``name_key``), so a change to any of them builds a new one.  The build runs in a
child process (``python -m mapper.places.world.build``; 18-25 s, peak 345 MB there)
so that a run's own memory stays low.  Loading costs milliseconds and only the pages
a run touches become resident.  A file that fails its checks is rebuilt, never
trusted.  What is in the index and how candidates are ranked: ``build.py``.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import logging
import mmap
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...models import Place
from ...names import name_key, name_variants
from .fileformat import (
    ALIAS_SEP,
    FEATURE_TYPES,
    FT_CITY,
    FT_COUNTRY,
    FT_TOWN,
    FT_VILLAGE,
    SCALE,
    CacheError,
    cache_path,
    check,
    key_hash,
    skeleton_hash,
    source_versions,
)

log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    from ...cache import cache_dir

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
        self._types: tuple[Any, ...] = tuple(header.get("feature_types") or FEATURE_TYPES)
        self._place = functools.lru_cache(maxsize=16384)(self._make_place)
        self._by_iso: dict[str, int] | None = None
        self._in_country: dict[str, list[Place]] = {}

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
            header = check(mm, size, versions)
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
                if ft[i] != FT_COUNTRY:
                    break  # countries come first
                self._by_iso.setdefault(self._countries[cc[i]], i)
        found = self._by_iso.get(iso2.upper())
        return None if found is None else self._place(found)

    def summary(self) -> dict[str, dict[str, int]]:
        """How many places the index holds of each feature type and from each source."""
        from collections import Counter

        ft, src = self._v["ftype"], self._v["source"]
        types = Counter(self._types[x] for x in ft)
        sources = Counter(self._sources[x] for x in src)
        return {"by_type": dict(types.most_common()), "by_source": dict(sources.most_common())}

    def places_in(self, iso2: str) -> list[Place]:
        """Every place of one country (ISO 3166-1 alpha-2), in the index's order; remembered
        for the last few countries asked."""
        found = self._in_country.get(iso2)
        if found is None:
            try:
                ci = self._countries.index(iso2.upper())
            except ValueError:
                return []
            col = self._v["country"]
            found = [self._make_place(i) for i in range(self._n) if col[i] == ci]
            if len(self._in_country) >= 8:
                self._in_country.clear()
            self._in_country[iso2] = found
        return found

    def countries(self) -> list[str]:
        """The countries the index holds places of (ISO 3166-1 alpha-2)."""
        return list(self._countries)

    def respellings(self, iso2: str, skel: str) -> list[Place]:
        """The places of one country with a Latin-script name of spelling skeleton ``skel``
        (``mapper.names.skeleton``): other English spellings of one name."""
        hashes = self._v["skel_hash"]
        h = skeleton_hash(iso2.upper(), skel)
        j = bisect.bisect_left(hashes, h)
        rows = self._v["skel_place"]
        out: list[Place] = []
        while j < len(hashes) and hashes[j] == h:
            out.append(self._make_place(rows[j]))
            j += 1
        return out

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

    def towns(
        self, min_population: int, box: tuple[float, float, float, float] | None = None
    ) -> Iterator[tuple[str, float, float, int]]:
        """(name, lat, lon, population) of the populated places (not countries or admin areas) of at
        least ``min_population``, inside ``box`` (south, west, north, east) when given: the
        labels of the map's offline base layer."""
        v = self._v
        pops, ftype, lats, lons = v["pop"], v["ftype"], v["lat"], v["lon"]
        populated = {FT_CITY, FT_TOWN, FT_VILLAGE}  # not districts, whose population is a sum
        if box is not None:
            s, w, n, e = (round(x * SCALE) for x in box)
        for i in range(self._n):
            if pops[i] < min_population or ftype[i] not in populated:
                continue
            if box is not None and not (s <= lats[i] <= n and w <= lons[i] <= e):
                continue
            yield self._text("name_off", "name_blob", i), lats[i] / SCALE, lons[i] / SCALE, pops[i]

    # -- internals

    def _find(self, key: str) -> tuple[int, int] | None:
        if not key:
            return None
        hashes = self._v["key_hash"]
        h = key_hash(key)
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
            lat=v["lat"][i] / SCALE,
            lon=v["lon"][i] / SCALE,
            feature_type=self._types[v["ftype"][i]],
            country=self._countries[v["country"][i]],
            admin1=self._text("admin1_off", "admin1_blob", a1) if a1 >= 0 else "",
            aliases=tuple(aliases.split(ALIAS_SEP)) if aliases else (),
            geo_precision=v["precision"][i],
            source=self._sources[v["source"][i]],
            resolved_by="geonames",
            population=v["pop"][i],
        )


def _build(path: Path, versions: dict[str, str]) -> None:
    """Build in a child process, so that its peak memory (about 350 MB) is given back
    when it exits; build here if that fails."""
    cmd = [sys.executable, "-m", "mapper.places.world.build", "--output", str(path)]
    try:
        subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        return
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("building the index in a child process failed (%s); building here", exc)
    from .build import build_index

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
