"""Where places come from: the curated gazetteer, the world gazetteer, US counties, online geocoding.

* ``curated``: ``data/gazetteer.csv``, ``data/aliases.csv`` and ``--gazetteer`` files;
* ``world``: GeoNames places shipped in PyPI packages, indexed once and memory-mapped;
* ``counties``: US counties from the ``zipcodes`` package;
* ``geocode``: the online fallback through geopy (cached, rate limited, can be switched off).

A large gazetteer behind the curated one is a ``WorldSource``.
"""

from __future__ import annotations

from typing import Protocol

from ..models import Place


class WorldSource(Protocol):
    """A large gazetteer behind the curated one (``mapper.places.world``, ``mapper.places.counties``)."""

    def candidates(self, key: str) -> list[Place]: ...
    def country(self, iso2: str) -> Place | None: ...
    def __contains__(self, key: object) -> bool: ...


class MemoSource:
    """A ``WorldSource`` that remembers its recent answers.

    News repeats its capitalised words ("The", "President", "Washington") across
    articles; the recogniser asks the world gazetteer about each of them in every
    article.  Answers are kept in two dicts of at most ``size`` keys each, emptied
    when full, so memory stays bounded however long the run.
    """

    def __init__(self, source: WorldSource, size: int = 1 << 16):
        self.source = source
        self.size = size
        self._has: dict[str, bool] = {}
        self._cands: dict[str, tuple[Place, ...]] = {}

    def candidates(self, key: str) -> list[Place]:
        found = self._cands.get(key)
        if found is None:
            if len(self._cands) >= self.size:
                self._cands.clear()
            found = self._cands[key] = tuple(self.source.candidates(key))
        return list(found)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        found = self._has.get(key)
        if found is None:
            if len(self._has) >= self.size:
                self._has.clear()
            found = self._has[key] = key in self.source
        return found

    def country(self, iso2: str) -> Place | None:
        return self.source.country(iso2)

    def places_in(self, iso2: str) -> list[Place]:
        return places_in(self.source, iso2)

    def respellings(self, iso2: str, skel: str) -> list[Place]:
        return respellings(self.source, iso2, skel)

    def countries(self) -> list[str]:
        return countries(self.source)


def places_in(source: object, iso2: str) -> list[Place]:
    """Every place of one country that ``source`` can list ([] when it cannot)."""
    lister = getattr(source, "places_in", None)
    return list(lister(iso2)) if lister is not None else []


def respellings(source: object, iso2: str, skel: str) -> list[Place]:
    """The places of one country whose names ``source`` spells with the skeleton ``skel``
    (``mapper.names.skeleton``; [] when it cannot tell)."""
    finder = getattr(source, "respellings", None)
    return list(finder(iso2, skel)) if finder is not None else []


def countries(source: object) -> list[str]:
    """The countries (ISO 3166-1 alpha-2) that ``source`` holds places of ([] when it cannot tell)."""
    lister = getattr(source, "countries", None)
    return list(lister()) if lister is not None else []
