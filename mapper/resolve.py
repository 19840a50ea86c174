"""Stage 3, resolve: give each mention a place.

Order: the curated gazetteer (``data/gazetteer.csv`` and any ``--gazetteer``
files), then the world gazetteer when one is given, then an online geocoder
(geopy; cached and rate limited) unless the run is offline.  Among several
candidates for one name the resolver prefers curated rows, then places in the
countries the article itself names, then larger places.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Protocol

from .gazetteer import Gazetteer
from .models import Article, Mention, Place
from .toponyms import nonliteral_reason


class CandidateSource(Protocol):
    def candidates(self, key: str) -> list[Place]: ...


class Geocoder(Protocol):
    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None: ...


FEATURE_PRIOR = {"country": 3.0, "continent": 3.0, "macro-region": 2.5, "admin1": 1.2, "sea": 2.0}


def prior(place: Place) -> float:
    """How likely a bare mention of this name means this place, before context."""
    return math.log10(place.population + 10) + FEATURE_PRIOR.get(place.feature_type, 0.0)


def _score(place: Place, order: int, countries: set[str], admins: set[tuple[str, str]]) -> float:
    score = prior(place) - 10.0 * order  # curated rows (order 0) before the world gazetteer
    if place.feature_type not in ("country", "continent", "macro-region"):
        if place.country in countries:
            score += 2.0
        if (place.country, place.admin1) in admins:
            score += 1.5
    return score


def _city_over_state(cs: list[tuple[int, Place]]) -> list[tuple[int, Place]]:
    """ "New York": the city, not the state named after it, when the city is big."""
    cities = [p for _, p in cs if p.feature_type not in ("admin1", "country") and p.population >= 100_000]
    if not cities:
        return cs
    return [
        (o, p)
        for o, p in cs
        if not (p.feature_type == "admin1" and any(c.country == p.country and c.admin1 == p.admin1 for c in cities))
    ]


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
        """Set ``place`` and literal flags on ``mentions``; return names left unresolved.

        Two passes: the first takes each name's best place on its own; the
        countries and admin areas of the confident ones (countries, admin areas,
        names with one candidate, cities of a million) then favour same-country
        readings of the ambiguous names ("Paris" near "Texas").
        """
        cands = {m.key: self.candidates(m.key) for m in mentions}
        # what each name, read on its own, says about the article's countries and admin areas
        context: dict[str, tuple[str, tuple[str, str] | None]] = {}
        for key, cs in cands.items():
            if not cs:
                continue
            _, top = max(cs, key=lambda c: _score(c[1], c[0], set(), set()))
            confident = len(cs) == 1 or top.feature_type in ("country", "admin1") or top.population >= 1_000_000
            if confident and top.country:
                context[key] = (top.country, (top.country, top.admin1) if top.feature_type == "admin1" else None)
        # "Paris, Texas": a name followed by ", <admin area or country>" is placed inside it
        inside: dict[int, str] = {}
        ordered = sorted(mentions, key=lambda m: m.cstart)
        for a, b in itertools.pairwise(ordered):
            if article.clean[a.cend : b.cstart] in (", ", ","):
                inside[id(a)] = b.key
        unresolved: list[str] = []
        for m in mentions:
            cs = _city_over_state(cands[m.key])
            if cs:
                others = [v for k, v in context.items() if k != m.key]
                countries = {c for c, _ in others}
                admins = {a for _, a in others if a}
                outer = inside.get(id(m))
                if outer and outer in context:
                    cc, adm = context[outer]
                    preferred = [c for c in cs if c[1].country == cc and (adm is None or c[1].admin1 == adm[1])]
                    cs = preferred or cs
                ranked = sorted(cs, key=lambda c: -_score(c[1], c[0], countries, admins))
                m.place = ranked[0][1]
                if len(ranked) > 1:
                    gap = _score(ranked[0][1], ranked[0][0], countries, admins) - _score(
                        ranked[1][1], ranked[1][0], countries, admins
                    )
                    m.confidence = min(m.confidence, round(1 / (1 + math.exp(-gap)), 3))
            elif self.geocoder is not None:
                m.place = self.geocoder.lookup(m.surface, sorted(countries) or None)
                if m.place is not None:
                    m.confidence = min(m.confidence, 0.7)
            reason = nonliteral_reason(article.clean, m.cstart, m.cend, m.place.feature_type if m.place else None)
            if m.key in self.gazetteer.demonyms and cs and cs[0][0] == 0:
                reason = "demonym or adjective"
            m.literal = not reason
            m.nonliteral_reason = reason
            if m.place is None and m.literal:
                unresolved.append(m.surface)
        return unresolved
