"""The curated local gazetteer (``data/gazetteer.csv``) and the name index.

Columns: ``id, name, aliases, lat, lon, feature_type, country, admin1, parent,
geo_precision, population, source``; aliases are separated by ``|``.  A row that
cannot be read is reported as a ``Problem`` naming the file and line and is
skipped; the other rows load.  Later files override earlier ones by id, and any
curated row outranks a world-gazetteer entry with the same name.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import cast

from ..models import FEATURE_TYPES, FeatureType, Place, Problem
from ..names import name_key, name_variants
from . import WorldSource

COLUMNS = (
    "id",
    "name",
    "aliases",
    "lat",
    "lon",
    "feature_type",
    "country",
    "admin1",
    "parent",
    "geo_precision",
    "population",
    "source",
)
REQUIRED = ("id", "name", "lat", "lon", "feature_type")


def default_gazetteer_path() -> Path:
    """The gazetteer installed with the package (``data/gazetteer.csv`` in the repo)."""
    in_repo = Path(__file__).resolve().parents[2] / "data" / "gazetteer.csv"
    if in_repo.is_file():  # a source checkout or an editable install
        return in_repo
    return Path(str(resources.files("mapper._data").joinpath("gazetteer.csv")))


def _row_to_place(row: dict[str, str]) -> Place:
    missing = [c for c in REQUIRED if not (row.get(c) or "").strip()]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise ValueError(f"lat/lon not numbers: {row['lat']!r}, {row['lon']!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"lat/lon out of range: {lat}, {lon}")
    prec_s = (row.get("geo_precision") or "1").strip()
    if prec_s not in ("1", "2", "3"):
        raise ValueError(f"geo_precision must be 1, 2 or 3, not {prec_s!r}")
    country = (row.get("country") or "").strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    pop_s = (row.get("population") or "").strip()
    try:
        population = int(pop_s) if pop_s else 0
    except ValueError:
        raise ValueError(f"population not a whole number: {pop_s!r}") from None
    ftype = row["feature_type"].strip()
    if ftype not in FEATURE_TYPES:
        raise ValueError(f"feature_type {ftype!r} is not one of {', '.join(sorted(FEATURE_TYPES))}")
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
    return Place(
        id=row["id"].strip(),
        name=row["name"].strip(),
        lat=lat,
        lon=lon,
        feature_type=cast(FeatureType, ftype),
        country=country,
        admin1=(row.get("admin1") or "").strip(),
        aliases=aliases,
        parent=(row.get("parent") or "").strip(),
        geo_precision=int(prec_s),
        source=(row.get("source") or "").strip(),
        resolved_by="gazetteer",
        population=population,
    )


def read_gazetteer_csv(path: str | os.PathLike[str]) -> tuple[list[Place], list[Problem]]:
    """Read one gazetteer CSV; bad rows become problems, good rows places."""
    places: list[Place] = []
    problems: list[Problem] = []
    p = str(path)
    try:
        data = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(p, f"cannot read gazetteer: {exc}")]
    reader = csv.DictReader(io.StringIO(data))
    header = reader.fieldnames or []
    absent = [c for c in REQUIRED if c not in header]
    if absent:
        return [], [Problem(p, f"gazetteer header lacks column(s) {', '.join(absent)}", 1)]
    seen: set[str] = set()
    while True:
        before = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a cell over the csv module's limit (128 KB), a stray NUL: that row only
            problems.append(Problem(p, f"malformed row: {exc}", before + 1))
            continue
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            problems.append(Problem(p, f"malformed row: expected {len(header)} fields", line))
            continue
        try:
            place = _row_to_place(row)
        except ValueError as exc:
            problems.append(Problem(p, f"malformed row: {exc}", line))
            continue
        if place.id in seen:
            problems.append(Problem(p, f"duplicate id {place.id!r}; the later row wins", line))
        seen.add(place.id)
        places.append(place)
    return places, problems


def default_aliases_path() -> Path:
    in_repo = Path(__file__).resolve().parents[2] / "data" / "aliases.csv"
    if in_repo.is_file():
        return in_repo
    return Path(str(resources.files("mapper._data").joinpath("aliases.csv")))


class Gazetteer:
    """An index of places by folded name, with the surface forms the matcher needs."""

    def __init__(self, places: Iterable[Place] = ()):
        self.by_id: dict[str, Place] = {}
        self.by_key: dict[str, list[Place]] = {}
        self.forms: dict[str, str] = {}  # folded surface form -> key
        self.demonyms: set[str] = set()  # keys that name a place's people or adjective ("Russian")
        for place in places:
            self.add(place)

    def _index(self, name: str, place: Place, *, translit: bool = True) -> str:
        """File ``place`` under ``name``'s key and spellings; the key ("" for no name)."""
        key = name_key(name)
        if key:
            lst = self.by_key.setdefault(key, [])
            if place not in lst:
                lst.append(place)
            for form in name_variants(name, translit=translit):
                self.forms.setdefault(form, key)
        return key

    def add_alias(self, alias: str, place: Place, *, demonym: bool = False) -> None:
        self.by_id.setdefault(place.id, place)
        key = self._index(alias, place, translit=False)
        if key and demonym:
            self.demonyms.add(key)

    def load_aliases(self, path: str | os.PathLike[str], world: WorldSource | None) -> list[Problem]:
        """Other names and demonyms (``data/aliases.csv``), each pointing at a place we know."""
        problems: list[Problem] = []
        p = str(path)
        try:
            rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
        except (OSError, UnicodeDecodeError) as exc:
            return [Problem(p, f"cannot read aliases: {exc}")]
        for row in rows:
            alias, target = (row.get("alias") or "").strip(), (row.get("target") or "").strip()
            cc, ftype = (row.get("country") or "").strip(), (row.get("feature_type") or "").strip()
            place = self._target(target, cc, ftype, world)
            if place is not None and alias:
                self.add_alias(alias, place, demonym=row.get("kind") == "demonym")
        return problems

    def _target(self, name: str, cc: str, ftype: str, world: WorldSource | None) -> Place | None:
        local = [p for p in self.by_key.get(name_key(name), []) if not cc or p.country == cc]
        if ftype == "country":
            local = [p for p in local if p.feature_type == "country"]
            if local:
                return local[0]
            return world.country(cc) if world is not None and cc else None
        if local:
            return local[0]
        if world is None:
            return None
        for p in world.candidates(name_key(name)):
            if (not cc or p.country == cc) and (not ftype or p.feature_type == ftype):
                return p
        return None

    def add(self, place: Place) -> None:
        old = self.by_id.get(place.id)
        if old is not None:
            for lst in self.by_key.values():
                if old in lst:
                    lst.remove(old)
        self.by_id[place.id] = place
        for nm in (place.name, *place.aliases):
            if self._index(nm, place) and "(" in nm:
                # "Al-Hajjana crossing (Al-Bukamal)": the part before the bracket too
                self._index(nm.split("(")[0].strip(), place)

    def candidates(self, key: str) -> list[Place]:
        return list(self.by_key.get(key, ()))

    def get(self, place_id: str) -> Place | None:
        return self.by_id.get(place_id)

    def __len__(self) -> int:
        return len(self.by_id)

    @classmethod
    def load(
        cls, paths: Iterable[str | os.PathLike[str]] | None = None, *, world: WorldSource | None = None
    ) -> tuple[Gazetteer, list[Problem]]:
        """The packaged gazetteer, then each of ``paths`` (later rows override), then aliases."""
        all_paths = [default_gazetteer_path(), *(paths or [])]
        places: list[Place] = []
        problems: list[Problem] = []
        for path in all_paths:
            ps, probs = read_gazetteer_csv(path)
            places.extend(ps)
            problems.extend(probs)
        gaz = cls(places)
        problems += gaz.load_aliases(default_aliases_path(), world)
        return gaz, problems
