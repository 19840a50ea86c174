"""Stage 3, resolve: give each mention a place.

Order: the curated gazetteer (``data/gazetteer.csv``, ``data/aliases.csv`` and
any ``--gazetteer`` files), then the world gazetteer when one is given, then an
online geocoder (geopy; cached and rate limited) unless the run is offline.
Among several candidates for one name the resolver prefers curated rows, then
scores population and feature class, the article's other countries and admin
areas, and nearness to its other places (see ``Resolver.resolve``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from .models import Article, Mention, Place, Toponym
from .names import name_key, name_variants
from .nonliteral import nonliteral_reason
from .places import WorldSource
from .places.curated import Gazetteer


class Geocoder(Protocol):
    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None: ...


FEATURE_PRIOR = {"country": 3.0, "continent": 3.0, "macro-region": 2.5, "admin1": 1.2, "sea": 2.0}


def prior(place: Place) -> float:
    """How likely a bare mention of this name means this place, before context."""
    return math.log10(place.population + 10) + FEATURE_PRIOR.get(place.feature_type, 0.0)


# a world place found only by one of its alternate names ("Liverpool" for Washington,
# Indiana; "Athens" for Oshkosh) yields to a place of that name: on GWN and LGL
# acc@161 .909/.841 without, .9125/.844 at 1.0, .912/.844 at 1.5, .9115/.842 at 2.0
ALIAS_PENALTY = 1.0

# spatial coherence in round two counts, besides the readings chosen for the other
# names, the first ALTERNATIVES readings of each other ambiguous name, at this weight
# (acc@161 LGL/GWN .844/.9125 without; weight .5: .852/.9145 with 5 readings, .856/.915
# with 20 or 50; weight .8: .864/.908 with 20, lowering GWN)
ALTERNATIVES = 20
ALTERNATIVE_WEIGHT = 0.5


@functools.lru_cache(maxsize=1 << 16)
def _own_keys(name: str) -> frozenset[str]:
    """The keys a place's own name is found by (as the world index makes them)."""
    return frozenset({name_key(name), *(name_key(v) for v in name_variants(name, translit=False))})


def _score(place: Place, order: int, countries: set[str], admins: set[tuple[str, str]], key: str = "") -> float:
    score = prior(place) - 10.0 * order  # curated rows (order 0) before the world gazetteer
    if order and key and key not in _own_keys(place.name):
        score -= ALIAS_PENALTY
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
        world: WorldSource | None = None,
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

    def resolve(self, article: Article, mentions: Sequence[Toponym]) -> tuple[list[Mention], list[str]]:
        """Each toponym as a ``Mention``: its place and whether it is used literally; and the
        names left unresolved.

        One place per name per article.  Round one reads each name on its own
        (population and feature class); the countries and admin areas of the
        confident readings (countries, admin areas, single candidates, cities of
        a million) then favour same-country readings of the ambiguous names, and
        round two adds spatial coherence: a reading near the places the other
        names resolved to wins ("Palestine" beside Tyler and Athens, Texas).  A
        name followed by ", <admin area or country>" is placed inside it
        ("Paris, Texas").
        """
        cands: dict[str, list[tuple[int, Place]]] = {}
        for m in mentions:
            if m.key not in cands:
                cands[m.key] = _city_over_state(self.candidates(m.key))
        keys = [k for k, cs in cands.items() if cs]
        choice = {k: max(cands[k], key=lambda c: _score(c[1], c[0], set(), set(), k)) for k in keys}
        confident = {
            k
            for k in keys
            if len(cands[k]) == 1
            or choice[k][1].feature_type in ("country", "admin1")
            or choice[k][1].population >= 1_000_000
        }
        inside: dict[str, str] = {}
        ordered = sorted(mentions, key=lambda m: m.cstart)
        for a, b in itertools.pairwise(ordered):
            if article.clean[a.cend : b.cstart] in (", ", ",") and b.key in cands and cands[b.key]:
                inside[a.key] = b.key
        ambiguous = [k for k in keys if len(cands[k]) > 1]  # the others keep their one reading
        for rnd in (1, 2):
            new_choice = dict(choice)
            pool = [(o, choice[o][1]) for o in keys if rnd == 2 or o in confident]
            # round two also looks at the other readings of the other ambiguous names, at a
            # discount: three small neighbours ("New London", "Mt. Pleasant", "Winfield")
            # find each other though each first read as a bigger namesake elsewhere
            points = _Points(pool if rnd == 2 else [])
            alts = _Points(
                [(o, p) for o in ambiguous for _, p in cands[o][:ALTERNATIVES] if p is not choice[o][1]]
                if rnd == 2
                else []
            )
            for k in ambiguous:
                others = [p for o, p in pool if o != k]
                countries = {p.country for p in others if p.country}
                admins = {(p.country, p.admin1) for p in others if p.feature_type == "admin1"}
                cs = cands[k]
                outer = inside.get(k)
                if outer in choice:
                    op = choice[outer][1]
                    preferred = [
                        c
                        for c in cs
                        if c[1].country == op.country and (op.feature_type != "admin1" or c[1].admin1 == op.admin1)
                    ]
                    cs = preferred or cs
                new_choice[k] = max(
                    cs,
                    key=lambda c: (
                        _score(c[1], c[0], countries, admins, k)
                        + max(points.near(c[1], k), ALTERNATIVE_WEIGHT * alts.near(c[1], k))
                    ),
                )
            choice = new_choice
        all_countries = sorted({choice[k][1].country for k in keys if choice[k][1].country})
        unresolved: list[str] = []
        out: list[Mention] = []
        for m in mentions:
            cs = cands[m.key]
            place = None
            confidence = m.confidence
            if cs:
                place = choice[m.key][1]
                if len(cs) > 1:
                    confidence = min(confidence, 0.8)
            elif self.geocoder is not None:
                place = self.geocoder.lookup(m.surface, all_countries or None)
                if place is not None:
                    confidence = min(confidence, 0.7)
            reason = nonliteral_reason(article.clean, m.cstart, m.cend, place.feature_type if place else None)
            if m.key in self.gazetteer.demonyms and cs and cs[0][0] == 0:
                # "Syrian capital", "Syrian-Turkish border" name a place; "Syrian militia" does not
                located = _LOCATED_NOUN.match(article.clean, m.cend)
                reason = reason if located else "demonym or adjective"
            out.append(
                Mention(
                    m.article,
                    m.start,
                    m.end,
                    m.cstart,
                    m.cend,
                    m.surface,
                    m.key,
                    m.sentence,
                    place=place,
                    literal=not reason,
                    nonliteral_reason=reason,
                    confidence=confidence,
                )
            )
            if place is None and not reason:
                unresolved.append(m.surface)
        return out, unresolved


_LOCATED_NOUN = re.compile(
    r"(?:-[A-Z][\w]+)*\s+(?:capital|border|borders|border\s+region|city|cities|towns?|villages?|coast|coastline|"
    r"region|province|territory|soil|airspace|waters|frontier|enclave|desert|countryside|mainland|side\s+of)\b"
)
_BROAD = frozenset({"country", "continent", "macro-region", "sea", "admin1", "territory", "region", "river"})


_KM_PER_DEGREE = 111.2
_FARTHEST_KM = 600  # no bonus from this far


class _Points:
    """The article's other places, by latitude: ``near`` looks only at those within reach
    (a place 600 km north or south is at least 600 km away)."""

    def __init__(self, places: Iterable[tuple[str, Place]]):
        rows = sorted((p.lat, p.lon, p.id, key) for key, p in places if p.feature_type not in _BROAD)
        self.lats = [r[0] for r in rows]
        self.rows = rows

    def near(self, place: Place, skip_key: str) -> float:
        """Bonus for a reading close to the article's other places (spatial coherence),
        leaving out those found under ``skip_key`` and ``place`` itself."""
        if not self.rows or place.feature_type in _BROAD:
            return 0.0
        reach = _FARTHEST_KM / _KM_PER_DEGREE + 1e-6
        lo = bisect.bisect_left(self.lats, place.lat - reach)
        hi = bisect.bisect_right(self.lats, place.lat + reach)
        coslat = math.cos(math.radians(place.lat))
        best = min(
            (
                math.hypot(lat - place.lat, (lon - place.lon) * coslat) * _KM_PER_DEGREE
                for lat, lon, pid, key in self.rows[lo:hi]
                if key != skip_key and pid != place.id
            ),
            default=math.inf,
        )
        return _bonus(best)


def _bonus(best: float) -> float:
    if best < 30:
        return 2.5
    if best < 100:
        return 2.0
    if best < 250:
        return 1.0
    if best < 600:
        return 0.3
    return 0.0
