"""Stage 3, resolve: give each mention a place.

Order: the curated gazetteer (``data/gazetteer.csv`` and any ``--gazetteer``
files), then the world gazetteer when one is given, then an online geocoder
(geopy; cached and rate limited) unless the run is offline.  Among several
candidates for one name the resolver prefers curated rows, then places in the
countries the article itself names, then larger places.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .gazetteer import Gazetteer
from .models import Article, Mention, Place
from .toponyms import nonliteral_reason


class CandidateSource(Protocol):
    def candidates(self, key: str) -> list[Place]: ...


class Geocoder(Protocol):
    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None: ...


def _rank(place: Place, countries: set[str], order: int) -> tuple[int, int, int, int]:
    return (
        order,  # curated before world
        0 if place.country in countries else 1,
        0 if place.feature_type not in ("country", "admin1", "region") else 1,
        -place.population,
    )


class Resolver:
    def __init__(
        self,
        gazetteer: Gazetteer,
        world: CandidateSource | None = None,
        geocoder: Geocoder | None = None,
    ):
        self.gazetteer = gazetteer
        self.world = world
        self.geocoder = geocoder

    def candidates(self, key: str) -> list[tuple[int, Place]]:
        out = [(0, p) for p in self.gazetteer.candidates(key)]
        if self.world is not None and not out:
            out += [(1, p) for p in self.world.candidates(key)]
        return out

    def resolve(self, article: Article, mentions: Sequence[Mention]) -> list[str]:
        """Set ``place`` and literal flags on ``mentions``; return names left unresolved."""
        # countries the article names unambiguously give context to the rest
        countries: set[str] = set()
        for m in mentions:
            cands = self.candidates(m.key)
            if len(cands) == 1 and cands[0][1].country:
                countries.add(cands[0][1].country)
        unresolved: list[str] = []
        for m in mentions:
            cands = self.candidates(m.key)
            if cands:
                _, place = min(cands, key=lambda c: _rank(c[1], countries, c[0]))
                m.place = place
                if len(cands) > 1:
                    m.confidence = min(m.confidence, 0.8)
            elif self.geocoder is not None:
                m.place = self.geocoder.lookup(m.surface, sorted(countries) or None)
                if m.place is not None:
                    m.confidence = min(m.confidence, 0.7)
            reason = nonliteral_reason(article.clean, m.cstart, m.cend, m.place.feature_type if m.place else None)
            m.literal = not reason
            m.nonliteral_reason = reason
            if m.place is None and m.literal:
                unresolved.append(m.surface)
        return unresolved
