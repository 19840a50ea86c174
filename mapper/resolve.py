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
import collections
import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Protocol

from . import rx
from .gates import gated
from .models import Article, Mention, Place, Toponym, distance_km
from .names import name_key, name_variants, skeleton
from .nonliteral import nonliteral_reason
from .places import WorldSource, countries, respellings
from .places.curated import Gazetteer
from .toponyms import AGAIN, GUESS, english_head


class Geocoder(Protocol):
    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None: ...


# a district's population is the sum of its places': it counts a tenth as much, so that a
# district named after its seat ("Bakhmut", "Kharkiv Raion") yields to the seat
FEATURE_PRIOR = {"country": 3.0, "continent": 3.0, "macro-region": 2.5, "admin1": 1.2, "sea": 2.0, "admin2": -1.0}


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
# round two is repeated until the readings settle (at most this many rounds in all): one
# round decides each name from the others' readings of the round before, so two names could
# swap namesakes past each other ("Walker County" to Texas while "Huntsville" stayed in
# Alabama). LGL acc@161 .855 with two rounds, .865 with three, .864 from four on (settled but
# for 6 of 1,400 articles, which cycle); GWN unchanged (.920)
COHERENCE_ROUNDS = 6


@functools.lru_cache(maxsize=1 << 16)
def _own_keys(name: str) -> frozenset[str]:
    """The keys a place's own name is found by (as the world index makes them)."""
    return frozenset({name_key(name), *(name_key(v) for v in name_variants(name, translit=False))})


def _by_alias(place: Place, key: str) -> bool:
    """Whether a world place was found by one of its alternate names, not its own."""
    # (a place shown by its English name keeps its GeoNames name as its first variant)
    english = bool(place.aliases) and "English name" in place.source
    return key not in _own_keys(place.name) and not (english and key in _own_keys(place.aliases[0]))


_NAME_BREAK = rx.compile(r"[\s-]")


def _short_form(key: str, name: str) -> bool:
    """Whether ``key`` is a place's name shortened ("Clacton" for Clacton-on-Sea) or with "St."
    for "Saint": the place's own name, as people write it, not a name in another language."""
    first = _NAME_BREAK.split(name, maxsplit=1)[0]
    return name_key(first) == key or (key.startswith("st.") and "saint" + key[3:] in _own_keys(name))


def _base_score(place: Place, order: int, key: str = "") -> float:
    """A reading's score before the article's other places: what it is, and how it was found."""
    score = prior(place) - 10.0 * order  # curated rows (order 0) before the world gazetteer
    if order and key and _by_alias(place, key):
        score -= ALIAS_PENALTY
    return score


def _in_context(score: float, place: Place, countries: set[str], admins: set[tuple[str, str]]) -> float:
    """``score`` with the bonus of a reading in the countries and provinces of the others."""
    if place.feature_type not in ("country", "continent", "macro-region"):
        if place.country in countries:
            score += 2.0
        if (place.country, place.admin1) in admins:
            score += 1.5
    elif place.feature_type == "country" and place.country in countries:
        score += 2.0  # "Brazzaville, the capital of Congo": the Congo Republic, not the larger Congo
    return score


def _city_over_state(cs: list[tuple[int, Place]], key: str) -> list[tuple[int, Place]]:
    """ "New York": the city, not the state named after it, when the city is a town of some size
    ("Kherson", whose cities500 population is 66,000) that bears the name ("Antioquia" is the
    department, not the town of Santa Fe de Antioquia, one of whose alternate names it is)."""
    cities = [
        p
        for o, p in cs
        if p.feature_type not in ("admin1", "country")
        and p.population >= CITY_OVER_STATE
        and (o == 0 or not _by_alias(p, key) or name_key(p.name).startswith(key))  # ("New York City")
    ]
    if not cities:
        return cs
    return [
        (o, p)
        for o, p in cs
        if not (p.feature_type == "admin1" and any(c.country == p.country and c.admin1 == p.admin1 for c in cities))
    ]


CITY_OVER_STATE = 20_000


def _seat_over_district(cs: list[tuple[int, Place]], key: str) -> list[tuple[int, Place]]:
    """ "a house in Deir al-Balah": the town, not the governorate named after it, when the town bears the name as
    written, in another spelling ("Dayr al Balah"), and the text does not call it a district."""
    towns = [
        p
        for o, p in cs
        if o
        and p.feature_type in ("city", "town")
        and p.population >= SEAT_OVER_DISTRICT
        and skeleton(p.name) == skeleton(key)
    ]
    if not towns:
        return cs
    return [
        (o, p)
        for o, p in cs
        if not (
            o and p.feature_type == "admin2" and any(t.country == p.country and t.admin1 == p.admin1 for t in towns)
        )
    ]


SEAT_OVER_DISTRICT = 20_000


def _city_named(cs: list[tuple[int, Place]], area: Place, key: str) -> Place | None:
    """The town of some size that bears the name of ``area`` (a province or district named after it)
    and lies in it: what the name alone means where the text does not call it the area."""
    towns = [
        p
        for _, p in cs
        if p.feature_type in _POPULATED
        and p.population >= CITY_OVER_STATE
        and p.country == area.country
        and p.admin1 == area.admin1
        and not _by_alias(p, key)
    ]
    return max(towns, key=lambda p: p.population) if towns else None


READINGS_MEMO = 1 << 14  # names whose readings a resolver remembers, then it forgets them all (about 8 MB)


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
        # each name's readings where the text says nothing of its kind, with their scores before
        # context (``readings``): the same names come back article after article
        self._readings: dict[str, tuple[list[tuple[int, Place]], dict[int, float]]] = {}

    def readings(self, key: str) -> tuple[list[tuple[int, Place]], dict[int, float]]:
        """The readings of name ``key`` in a text that does not say what kind of place it is (the
        city, not the province named after it; the town, not its district), and the score of each
        before context, by the reading's ``id``.  Remembered: the caller must not change them."""
        found = self._readings.get(key)
        if found is None:
            cs = _seat_over_district(_city_over_state(self.candidates(key), key), key)
            if len(self._readings) >= READINGS_MEMO:
                self._readings.clear()
            found = self._readings[key] = (cs, {id(c): _base_score(c[1], c[0], key) for c in cs})
        return found

    def candidates(self, key: str) -> list[tuple[int, Place]]:
        out = [(0, p) for p in self.gazetteer.candidates(key)]
        if self.world is not None and not out:
            out += [(1, p) for p in self.world.candidates(key)]
        return out

    def respelled(self, surface: str, countries: Iterable[str]) -> list[tuple[int, Place]]:
        """Places of ``countries`` whose name is another English spelling of ``surface``
        (the same ``skeleton``: Maiwand/Maywand, Sardast/Sardasht), as candidates of order 2."""
        sk = skeleton(surface)
        if len(sk) < MIN_SKELETON or self.world is None:
            return []
        # (and spelt at least half alike: "Holosiivskyi", a district of Kyiv, is not Laishevskiy Rayon in Russia)
        return [
            (2, p)
            for cc in sorted(countries)
            for p in respellings(self.world, cc, sk)
            if _alike(surface, p, RESPELLED_SIMILARITY)
        ]

    def respelled_anywhere(self, surface: str) -> list[tuple[int, Place]]:
        """``respelled`` in every country, kept only when every place spelt this much alike,
        of any size, lies in one country: "Tuz Khurmato" is Tuz Khurmatu in Iraq; "Zarmat" (Zurmat in
        Afghanistan, Zermatt in Switzerland) and "Dobrinja" (a small municipality of Croatia,
        two villages of Bosnia) are left alone."""
        sk = skeleton(surface)
        # (a skeleton of three consonants will do for a city: "Baqouba" is Baqubah, while
        # "Guajira", La Guajira in Colombia, is not taken for Guaira, a Brazilian town of 39,000)
        short = len(sk) < MIN_SKELETON
        if len(sk) < MIN_SKELETON - 1 or self.world is None:
            return []
        alike = [
            p
            for cc in countries(self.world)
            for p in respellings(self.world, cc, sk)
            if _alike(surface, p, ANYWHERE_SIMILARITY)
        ]
        if len({p.country for p in alike}) != 1:
            return []
        return [(2, p) for p in alike if _big_enough(p) and (not short or p.population >= SHORT_SKELETON_POPULATION)]

    def _province_of_seat(self, cs: list[tuple[int, Place]]) -> list[tuple[int, Place]]:
        """The province the text names by its seat's English name, when GeoNames names it otherwise:
        "the Timbuktu region" is Tombouctou, one of the town's other names and the province it lies in
        (none when a reading of the name is a province already)."""
        assert self.world is not None
        if any(c[1].feature_type == "admin1" for c in cs):
            return []
        out: list[tuple[int, Place]] = []
        for order, town in cs:
            if town.feature_type not in _POPULATED or not town.admin1:
                continue
            key = name_key(town.admin1)
            if key not in {name_key(a) for a in town.aliases}:
                continue
            out += [
                (order, p)
                for p in self.world.candidates(key)
                if p.feature_type == "admin1" and p.country == town.country and p.name == town.admin1
            ]
        return out

    def _province_of(self, places: Sequence[Place]) -> Place | None:
        """The province (admin1) that holds most of ``places`` finer than a country (one per
        mention): at least ``PROVINCE_SHARE`` of them, or all of them when there are fewer
        than three."""
        from collections import Counter

        held = Counter(
            (p.country, p.admin1) for p in places if p.feature_type not in _BROAD or p.feature_type == "admin1"
        )
        if not held:
            return None
        (country, admin1), n = held.most_common(1)[0]
        total = sum(held.values())
        if not admin1 or (n < total and (total < 3 or n < PROVINCE_SHARE * total)):
            return None
        for p in places:
            if p.feature_type == "admin1" and p.country == country and p.admin1 == admin1:
                return p
        for _, p in self.candidates(name_key(admin1)):
            if p.feature_type == "admin1" and p.country == country:
                return p
        return None

    def resolve(self, article: Article, mentions: Sequence[Toponym]) -> tuple[list[Mention], list[str]]:
        """Each toponym as a ``Mention``: its place and whether it is used literally; and the
        names left unresolved.

        One place per name per article.  Round one reads each name on its own
        (population and feature class); the countries and admin areas of the
        confident readings (countries, admin areas, single candidates, cities of
        a million) then favour same-country readings of the ambiguous names, and
        round two adds spatial coherence: a reading near the places the other
        names resolved to wins ("Palestine" beside Tyler and Athens, Texas),
        round after round until the readings settle.  A name followed by
        ", <admin area or country>" is placed inside it ("Paris, Texas").
        """
        clean = article.clean
        kinds_said: set[int] = set()  # the mentions whose own words say what kind of place they are
        kinds = _kinds(clean, mentions, kinds_said)
        cands: dict[str, list[tuple[int, Place]]] = {}
        known: dict[str, dict[int, float]] = {}  # the scores of remembered readings
        for m in mentions:
            if m.key not in cands and not kinds.get(m.key):
                cs, known[m.key] = self.readings(m.key)
                cands[m.key] = list(cs)
            elif m.key not in cands:
                cs = self.candidates(m.key)
                if (
                    "admin1" in kinds.get(m.key, ())
                    and self.world is not None
                    and cs
                    and cs[0][0] == 0
                    and not any(c[1].feature_type == "admin1" for c in cs)
                ):
                    # the province the text names ("Deir ez-Zor province"), of which the curated
                    # gazetteer has only the city: the world's, as if curated
                    cs = cs + [(0, p) for p in self.world.candidates(m.key) if p.feature_type == "admin1"]
                if "admin1" in kinds.get(m.key, ()) and self.world is not None and cs:
                    cs = cs + self._province_of_seat(cs)
                # the province named after a big city only when the text calls it one ("the
                # Donetsk region", "Idlib province")
                cands[m.key] = cs if "admin1" in kinds.get(m.key, ()) else _city_over_state(cs, m.key)
                if "admin2" not in kinds.get(m.key, ()):
                    cands[m.key] = _seat_over_district(cands[m.key], m.key)
        missing = [k for k, cs in cands.items() if not cs]
        if missing and self.world is not None:
            # a name no gazetteer spells so: another spelling of a place of the countries the
            # article is about ("Maiwand district" in a release about Kandahar)
            context = {
                cs[0][1].country
                for k, cs in cands.items()
                if cs
                and k not in self.gazetteer.demonyms  # "Italian soldiers" in a release about Kunar
                and cs[0][1].country
                and (len(cs) == 1 or cs[0][1].feature_type in _CONTAINERS or cs[0][1].population >= 100_000)
            }
            surfaces = {m.key: m.surface for m in mentions}
            guessed = {m.key for m in mentions if m.confidence <= GUESS}
            # the countries of the armed groups a text that names no country names ("the Taliban")
            fought = _theatres(clean) if not context else set()
            # a guess may also be in the country of a people the article names ("the Iraqi army")
            peoples = {
                cs[0][1].country for k, cs in cands.items() if cs and k in self.gazetteer.demonyms and cs[0][1].country
            }
            for k in missing:
                if k in guessed:  # a guess must be close to a name of a place of some size
                    found = self.respelled(surfaces[k], context | peoples)
                    cands[k] = [c for c in found if _likely_respelling(surfaces[k], c[1])]
                else:
                    cands[k] = self.respelled(surfaces[k], context)
                if not cands[k] and fought:
                    # a text that names no country but an armed group of one or two ("the
                    # Taliban ... in Zarmat district"): another spelling of a place of theirs
                    cands[k] = self.respelled(surfaces[k], fought)
                if not cands[k] and not context:
                    # a text that names no country it is about ("killed in Tuz Khurmato"): a
                    # spelling close to that of a place of some size, when all such are in one country
                    cands[k] = self.respelled_anywhere(surfaces[k])
        keys = [k for k, cs in cands.items() if cs]

        def forget(k: str) -> None:
            """Drop every reading of name ``k``: a place no gazetteer has, as far as this text goes."""
            del choice[k]
            cands[k] = []
            keys.remove(k)

        # each reading's score before context, worked out once: round one and every later round
        bases = {
            k: known[k] if k in known and k not in missing else {id(c): _base_score(c[1], c[0], k) for c in cands[k]}
            for k in keys
        }
        choice = {k: max(cands[k], key=lambda c: bases[k][id(c)]) for k in keys}
        confident = {
            k
            for k in keys
            if len(cands[k]) == 1
            or choice[k][1].feature_type in ("country", "admin1")
            or choice[k][1].population >= 1_000_000
        }
        inside: dict[str, str] = {}
        strict: set[str] = set()  # names the text puts inside another in so many words
        close: dict[str, tuple[str, float]] = {}  # names the text puts near another, and how near (km)
        ordered = sorted(mentions, key=lambda m: m.cstart)
        for a, b in itertools.pairwise(ordered):
            if a.sentence != b.sentence or not cands.get(b.key) or b.key not in choice:
                continue
            between = clean[a.cend : b.cstart]
            container = choice[b.key][1]
            if b.key in self.gazetteer.demonyms and between.rstrip().endswith(","):
                pass  # "In the Donetsk region, Russian troops ...": a people's adjective holds nothing
            elif between in (", ", ","):
                if a.key not in strict:
                    # "Paris, Texas" (or a list: "Jizan, Najran and Abha"; not over a name the text put inside
                    # another in so many words before: "the Saudi city of Jizan")
                    inside[a.key] = b.key
                if (
                    container.feature_type == "country"
                    and a.key not in self.gazetteer.demonyms
                    and a.key in choice
                    and choice[a.key][1].feature_type not in ("country", "continent", "macro-region", "admin1")
                    and _APPOSED_COUNTRY_END.match(clean, b.cend)
                ):
                    # "a market in Lere, Mali, killed seven": in so many words; a namesake in another country is
                    # not it (not a list: "Gaza, Israel said")
                    inside[a.key] = b.key
                    strict.add(a.key)
                elif (
                    # (the province may first read as its seat: "Lamu")
                    container.feature_type in ("admin1", "admin2", "district", "city", "town")
                    and a.key in choice
                    and choice[a.key][1].feature_type not in ("country", "continent", "macro-region", "admin1")
                    and (
                        ((end := _division_end(clean, b)) is not None and not _LIST_GOES_ON.match(clean, end))
                        # (a dateline's: "EL AGUAJE, Michoacan - ")
                        or (a.surface.isupper() and _DATELINE_DASH.match(clean, b.cend) is not None)
                    )
                ):
                    # "a roadside bomb in Kiunga, Lamu County": a province with its kind word; a namesake in another
                    # country is not it
                    inside[a.key] = b.key
                    strict.add(a.key)
            elif (
                between.strip() == "("
                and container.feature_type in ("admin1", "admin2", "country")
                and a.key not in self.gazetteer.demonyms
                and _BRACKETED_HOLDER_END.match(clean, b.cend)
            ):
                inside[a.key] = b.key  # "LERE (Timbuktu region) -": a dateline's town and its region in brackets
                strict.add(a.key)
            elif _UNIT_COMMA.match(between) and (
                container.feature_type in _CONTAINERS
                # "Pazigyi village, Kanbalu Township": the district of a town, named after it
                or (container.feature_type in ("city", "town") and _SEAT_DIVISION_AFTER.match(clean, b.cend))
            ):
                inside[a.key] = b.key  # "Khas district, Uruzgan province": in so many words
                strict.add(a.key)
            elif container.feature_type in _POINTS and _PART_OF_TOWN.match(between):
                # "the Tekstilshchik district of Donetsk": a part of that town, not Moscow's
                inside[a.key] = b.key
                strict.add(a.key)
            elif (
                container.feature_type in _CONTAINERS
                and _IN_AFTER.match(between)
                and not (b.key in self.gazetteer.demonyms and _PEOPLE_AS_ADJECTIVE.match(clean, b.cend))
            ):
                # "Jal Mir region, in northern Iraq", "Pale township in Myanmar" (not "X area inside
                # the Israeli zone": a people's adjective)
                inside[a.key] = b.key
                strict.add(a.key)
            elif container.feature_type not in _BROAD and (near := _NEAR_AFTER.match(between)):
                # "Sharon junction near Netanya", "a village 10 km north of Kunduz"
                close[a.key] = (b.key, _reach(near))
            elif container.feature_type not in _BROAD and _APPOSED_IN.match(between):
                # "El Aguaje, a community in the municipality of Aguililla": near it, not a namesake
                close[a.key] = (b.key, NEAR_KM)
            elif (
                container.feature_type not in _BROAD
                and (set(kinds.get(a.key, ())) & set(_POPULATED) or container.feature_type in _POINTS)
                and _IN_AFTER.match(between)
                and " of " not in between
            ):
                # "the village of X in Y" where Y is a town or a district, "Lido Beach in
                # Mogadishu": near Y, not a namesake in another country
                close[a.key] = (b.key, NEAR_KM)
            elif a.key in choice and choice[a.key][1].feature_type in _CONTAINERS and _OF_BEFORE.match(between):
                # "Ukraine's southern city of Zaporizhzhia", "the Iraqi town of Hit" (a people
                # only prefers: "the Northern Irish town of Omagh", "the Kurdish town of X")
                inside[b.key] = a.key
                if a.key not in self.gazetteer.demonyms:
                    strict.add(b.key)
            elif (
                a.key in choice
                and a.key not in self.gazetteer.demonyms
                and between in _POSSESSIVE
                and _PART_AFTER.match(clean, b.cend)
            ):
                # "Baghdad's al-Jadida district" (not El Jadida in Morocco), "Syria's Raqqa province"
                inside[b.key] = a.key
                strict.add(b.key)
        # "the city's Prymorskyi district": a part of the town the text last named (not Mariupol's)
        readings = {k: c[1] for k, c in choice.items()}
        for b in ordered:
            town = _town_named_before(clean, ordered, b, readings)
            if town is not None and b.key in choice and b.key != town:
                inside[b.key] = town
                strict.add(b.key)
        for k, wanted in kinds.items():
            # "Zhari district", "the town of Sangin": a reading of that kind comes first
            if cands.get(k) and any(c[1].feature_type in wanted for c in cands[k]):
                choice[k] = max(cands[k], key=lambda c: bases[k][id(c)] + _kind_bonus(c[1], wanted))
        ambiguous = [k for k in keys if len(cands[k]) > 1]  # the others keep their one reading
        for rnd in range(1, COHERENCE_ROUNDS + 1):
            new_choice = dict(choice)
            pool = [(o, choice[o][1]) for o in keys if rnd >= 2 or o in confident]
            # round two also looks at the other readings of the other ambiguous names, at a
            # discount: three small neighbours ("New London", "Mt. Pleasant", "Winfield")
            # find each other though each first read as a bigger namesake elsewhere
            points = _Points(pool if rnd >= 2 else [])
            alts = _Points(
                [(o, p) for o in ambiguous for _, p in cands[o][:ALTERNATIVES] if p is not choice[o][1]]
                if rnd >= 2
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
                    preferred = [c for c in cs if _within(c[1], op)]
                    cs = preferred or cs
                if k in close and close[k][0] in choice:
                    other, reach = close[k]
                    cs = [c for c in cs if distance_km(c[1], choice[other][1]) <= reach] or cs
                wanted = kinds.get(k, ())
                base = bases[k]
                scores = [(_in_context(base[id(c)], c[1], countries, admins), _kind_bonus(c[1], wanted)) for c in cs]
                new_choice[k] = cs[_best(scores, functools.partial(_coherence, points, alts, k, cs))]
            settled = rnd >= 2 and all(new_choice[k] is choice[k] for k in ambiguous)
            choice = new_choice
            if settled:
                break
        for k, (other, reach) in close.items():
            if k in choice and other in choice and distance_km(choice[k][1], choice[other][1]) > reach:
                strict.add(k)  # near a place, but none of its readings is
                inside.setdefault(k, other)
        # placed inside a place that has no reading of it: not a namesake elsewhere (each decided on
        # the readings before any is dropped, so that the outcome does not hang on the order of a set)
        doomed = []
        for k in sorted(strict):
            held_by = inside.get(k)
            if (
                k in choice
                and held_by in choice
                and not (_within(choice[k][1], choice[held_by][1]) and close.get(k) is None)
                # (a curated row too, when only its other name was written: "the Thawra district of
                # Omdurman" is not Baghdad's Sadr City, once called al-Thawra)
                and (choice[k][0] != 0 or (_by_alias(choice[k][1], k) and choice[k][1].feature_type not in _BROAD))
                # (a city of millions stands, unless only another name of it was written: "near
                # Kalakote in Rajouri district" is not Kolkata, one of whose alternate names it is)
                and (choice[k][1].population < STRONG_POPULATION or _by_alias(choice[k][1], k))
            ):
                doomed.append(k)
        for k in doomed:
            forget(k)
        homes = collections.Counter(choice[k][1].country for k in keys if choice[k][1].country)
        surface_of = {m.key: m.surface for m in mentions}

        def named_province(o: str) -> bool:
            """The reading of ``o`` is a province the text names as one ("Zamfara State", "Idlib province")."""
            return choice[o][1].feature_type == "admin1" and (
                "admin1" in kinds.get(o, ()) or _PROVINCE_WORD.search(surface_of[o]) is not None
            )

        # a reading found only by an alternate name, in a country no other place of the article is
        # in, when the name is also a place's own name in a country the article names ("Salif" in
        # a report on Yemen is As Salif, not Chlef in Algeria, one of whose old names it is)
        for k in [k for k in keys if choice[k][0] == 1 and k.isascii() and len(cands[k]) > 1]:
            p = choice[k][1]
            if not p.country or homes[p.country] > 1 or not _by_alias(p, k) or _short_form(k, p.name):
                continue
            if p.feature_type in ("admin1", "admin2") and p.feature_type in kinds.get(k, ()):
                continue  # the province the text says: "the Timbuktu region" is Tombouctou, not the town
            owned = [c for c in cands[k] if c[1].country and homes[c[1].country] and not _by_alias(c[1], k)]
            if owned:
                score = bases[k]
                choice[k] = max(owned, key=lambda c: score[id(c)])
                homes[p.country] -= 1
                homes[choice[k][1].country] += 1

        # a province abroad read by its own name, alone in its country, in a report that names many places of one
        # other country where a town of some size bears the name too ("Kut and Amara" in a report on Iraq is
        # Amarah, not Ethiopia's Amhara Region, one of whose names is Amara)
        for k in [k for k in keys if len(cands[k]) > 1]:
            p = choice[k][1]
            if not p.country or homes[p.country] > 1 or p.feature_type not in ("admin1", "admin2"):
                continue
            if p.feature_type in kinds.get(k, ()):
                continue  # ("the Amhara region": the text says it is one)
            home = _one_country([choice[o][1] for o in keys if o != k])
            if not home or home == p.country or homes[home] < HOME_TOWNS:
                continue
            owned = [
                c
                for c in cands[k]
                if c[1].country == home and c[1].feature_type in _POPULATED and c[1].population >= CITY_OVER_STATE
            ]
            if owned:
                score = bases[k]
                choice[k] = max(owned, key=lambda c: score[id(c)])
                homes[p.country] -= 1
                homes[home] += 1

        def lone_alias(o: str) -> bool:
            """The reading of ``o`` was found only by another of its names, alone in its country: no reading to
            vouch for another's ("Al-Thawra", a newspaper, read as Tabqa's old name, beside "al-Thawra hospital"
            read as Baghdad's Sadr City)."""
            q = choice[o][1]
            return bool(q.country) and homes[q.country] == 1 and _by_alias(q, o) and not _short_form(o, q.name)

        def alone_abroad(k: str, largest: int) -> bool:
            """The reading of ``k`` is a populated place of fewer than ``largest`` people, alone in its country among
            the article's readings."""
            p = choice[k][1]
            return bool(
                p.country
                and p.feature_type in _POPULATED
                and p.population < largest
                and homes[p.country] == 1
                and len(homes) > 1
            )

        def sure_towns(k: str) -> list[Place]:
            """The article's towns and districts other than ``k``'s, less the readings ``lone_alias`` doubts."""
            return [
                choice[o][1] for o in keys if o != k and choice[o][1].feature_type not in _BROAD and not lone_alias(o)
            ]

        def far_from_the_rest(k: str, largest: int) -> list[Place]:
            """The article's other towns and districts, when the reading of ``k`` is a populated place
            of fewer than ``largest`` people, alone in its country among the article's readings and
            farther than ALIAS_ABROAD_KM from every one of them; else none."""
            p = choice[k][1]
            if not alone_abroad(k, largest) or any(distance_km(p, q) <= ALIAS_ABROAD_KM for q in sure_towns(k)):
                return []
            return [choice[o][1] for o in keys if o != k and choice[o][1].feature_type not in _BROAD]

        # a reading found only by an alternate name, in a country none of the article's other places
        # is in, far from every town or district it names ("Boni" as Bonn in a bulletin on Mali, "Chai"
        # as Cey in Turkey in one on Mozambique; not "Yitzhar" as Yizhar beside Israeli towns, nor
        # "Huliaipole" in a report that names no place but Russia): a place no gazetteer has, not a
        # namesake abroad (a name in another script is written so on purpose, and another spelling
        # was looked for only in the article's countries)
        for k in [k for k in keys if choice[k][0] == 1 and k.isascii()]:
            p = choice[k][1]
            if _by_alias(p, k) and not _short_form(k, p.name) and far_from_the_rest(k, STRONG_POPULATION):
                forget(k)
        # a part of a town the curated gazetteer knows by another of its names, alone in its country and farther
        # than PART_ABROAD_KM from every town the article names ("the morgue of al-Thawra hospital" in a report from
        # Sanaa is not Baghdad's Sadr City, once called al-Thawra)
        for k in [k for k in keys if choice[k][0] == 0 and k.isascii()]:
            p = choice[k][1]
            if p.feature_type in ("district", "neighbourhood", "camp") and p.country and _by_alias(p, k):
                towns = sure_towns(k)
                if (
                    homes[p.country] == 1
                    and len(homes) > 1
                    and towns
                    and all(distance_km(p, q) > PART_ABROAD_KM for q in towns)
                ):
                    forget(k)
        # a village or small town found by its own name in a country no other place of the article is
        # in, far from all of them ("Fama" in a report on Mali is no village of Brazil, "Koya" in one on
        # Iraq none of Japan): a place no gazetteer has, not a namesake abroad
        for k in [k for k in keys if choice[k][0] == 1]:
            if (
                (towns := far_from_the_rest(k, SMALL_ABROAD))
                and (home := _one_country(towns))
                # (a country the text names, or a province of it named as one, "Zamfara State", or many towns of
                # it: not "Dundalk" and "Cloverhill" both read in the US)
                and (
                    sum(1 for t in towns if t.country == home) >= HOME_TOWNS
                    or any(
                        choice[o][1].country == home and (choice[o][1].feature_type == "country" or named_province(o))
                        for o in keys
                    )
                )
            ):
                forget(k)

        # a town of a country no other place of the article is in, a continent away from at least four towns of
        # others ("Kiunga" in a report from Kenya's Lamu is no town of Papua New Guinea): a place no gazetteer has
        for k in [k for k in keys if choice[k][0] == 1]:
            p = choice[k][1]
            if not alone_abroad(k, FAR_TOWN_POPULATION):
                continue
            towns = [choice[o][1] for o in keys if o != k and choice[o][1].feature_type not in _BROAD]
            # (nor near any place of the article, a country or a province among them: "Saipan" beside Guam)
            if len(towns) >= HOME_TOWNS and all(
                distance_km(p, choice[o][1]) > FAR_TOWN_KM for o in keys if o != k and choice[o][1].country
            ):
                forget(k)

        def among_areas_only(k: str, far: float) -> bool:
            """The reading of ``k`` is a village or small town, alone in its country among the article's readings,
            whose other places are all countries and provinces farther than ``far`` km from it."""
            p = choice[k][1]
            areas = [choice[o][1] for o in keys if o != k]
            return bool(
                p.country
                and p.feature_type in _POPULATED
                and p.population < SMALL_ABROAD
                and homes[p.country] == 1
                and areas
                and all(q.feature_type in _BROAD and distance_km(p, q) > far for q in areas)
            )

        # and so is one in a report whose other places are only countries and provinces, all far from it
        # ("Pagak" in a report that names South Sudan and Ethiopia is no village of Java)
        for k in [k for k in keys if choice[k][0] == 1]:
            if among_areas_only(k, COUNTRY_FAR_KM) and any(
                # (a country named as a place, not a people or a claimant: "Russian artillery", "said the US
                # military" beside Tal Afar)
                choice[m.key][1].feature_type == "country"
                and m.key not in self.gazetteer.demonyms
                and not nonliteral_reason(clean, m.cstart, m.cend, "country")
                for m in mentions
                if m.key != k and m.key in choice
            ):
                forget(k)
        # ... or whose other places are provinces, one of them named as one, all far from it ("in the
        # Latakia province ... the settlement of Rasha" is no village of Croatia, one of whose names it is)
        for k in [k for k in keys if choice[k][0] == 1]:
            if among_areas_only(k, ALIAS_ABROAD_KM) and any(
                choice[o][1].country != choice[k][1].country and named_province(o) for o in keys if o != k
            ):
                forget(k)
        # a town's possessive before a place of another country is its owner's, not a town: "the gates of
        # Mandela's Cape Town office" (Mandela, a town of Ghana)
        owners = []
        for a, b in itertools.pairwise(ordered):
            if (
                a.key in choice
                and b.key in choice
                and a.key != b.key
                and clean[a.cend : b.cstart] in _POSSESSIVE
                and choice[a.key][0] != 0
                and choice[a.key][1].feature_type in _POPULATED
                and choice[b.key][1].feature_type not in _BROAD
                and choice[a.key][1].country != choice[b.key][1].country
                and choice[a.key][1].population < STRONG_POPULATION
                and _OWNED_AFTER.match(clean, b.cend)
            ):
                owners.append(a.key)
        for k in dict.fromkeys(owners):
            forget(k)
        # a name of a compass point alone ("the North-East" of a report on Nigeria): a region of the
        # article's country, not a namesake province abroad (North East, Botswana)
        # a curated district of a city, in a report that names neither the city nor any other place of
        # its country but another country ("near al-Shula, in the desert southwest of Deir ez-Zor" in a
        # report on Syria is not Baghdad's Shula): a place of the same name that no gazetteer has
        ids = {choice[o][1].id for o in keys}
        for k in [k for k in keys if choice[k][0] == 0 and choice[k][1].parent]:
            p = choice[k][1]
            if (
                p.feature_type in ("district", "neighbourhood")
                and p.parent not in ids
                and p.country
                and homes[p.country] == 1
                # (the report's towns and districts lie in another country, which it names; a country
                # alone is no report's place: "an argument with a U.S. sentry" in Sadr City)
                and (towns := [choice[o][1] for o in keys if o != k and choice[o][1].feature_type not in _BROAD])
                and (home := _one_country(towns))
                and any(choice[o][1].feature_type == "country" and choice[o][1].country == home for o in keys)
            ):
                forget(k)
        compass: set[str] = set()  # (a region's name, not a place a gazetteer lacks: not "unresolved")
        for k in [k for k in keys if _COMPASS_KEY.fullmatch(k)]:
            p = choice[k][1]
            if p.country and homes[p.country] == 1 and len(homes) > 1:
                forget(k)
                compass.add(k)
        # another spelling of a village or small town, in another province of its country than the one
        # its own sentence names as a province ("Let Yet Kone village in Depayin Township, Sagaing
        # Region", read as Let Khoke Kone in Yangon): a place no gazetteer has, in the province named
        named_provinces: dict[tuple[int, int], set[tuple[str, str]]] = collections.defaultdict(set)
        for m in mentions:
            if (
                m.key in choice
                and choice[m.key][1].feature_type == "admin1"
                and ("admin1" in kinds.get(m.key, ()) or _PROVINCE_WORD.search(m.surface))
            ):
                named_provinces[m.sentence].add((choice[m.key][1].country, choice[m.key][1].admin1))
        # (and so is a small village of that name, not respelled, that the text calls a village and that lies in
        # another province: "Let Pan village in Depayin township, Sagaing region" is not Let Pan of Yangon)
        for m in mentions:
            k = m.key
            if k not in choice or not named_provinces.get(m.sentence):
                continue
            if choice[k][0] != 2 and not (
                choice[k][1].feature_type == "village"
                and choice[k][1].population < OTHER_PROVINCE_VILLAGE
                and _VILLAGE_AFTER.match(clean, m.cend)  # (the text calls it one: "X village")
            ):
                continue
            p = choice[k][1]
            mine = {a for c, a in named_provinces[m.sentence] if c == p.country}
            if (
                mine
                and p.feature_type in _POPULATED
                and p.population < OTHER_PROVINCE_POPULATION
                and not any(c[1].admin1 in mine for c in cands[k] if c[1].country == p.country)
            ):
                forget(k)
        # a name the text calls a district ("the Zavodskoy district", "X raion"), read as a town or
        # village far from every other place of the article (a town of Primorye in a report on
        # Saratov): not that town, but a district no gazetteer has
        spots = [choice[o][1] for o in keys if choice[o][1].feature_type not in _BROAD]
        # (and so is a name the text calls a village, "Rim village" in a report on Plateau State,
        # read as a city of any size: Rome, whose Czech name it is)
        villages = {m.key for m in mentions if _VILLAGE_AFTER.match(clean, m.cend)}
        for k in [k for k in keys if "admin2" in kinds.get(k, ()) or k in villages]:
            p = choice[k][1]
            others = [q for q in spots if q is not p]
            if (
                (p.feature_type not in kinds.get(k, ()) or k in villages)
                and (p.feature_type != "village" if k in villages else p.population < STRONG_POPULATION)
                and choice[k][0] != 0
                and others
                and all(distance_km(p, q) > DISTRICT_FAR_KM for q in others)
            ):
                forget(k)
        # a name no gazetteer knows that the text places inside or near one it does ("the
        # village of X in northern Y", "Y's district of X"): at Y, as nearly as the text says
        guesses = {m.key for m in mentions if m.confidence <= GUESS}
        # (a guess too: "at Manigram in Rupandehi district", "the Aqrab area near Y"; not a name
        # of an institution: "Smith College in Northampton")
        # (unless the text says what kind of place it is: "the Mugunga and Lac Vert camps")
        institutions = {
            m.key
            for m in mentions
            if (_institution_like(m.surface, guessed=m.key in guesses) and _kind_of(clean, m) == "place")
            # an armed group written where a place may stand: "killed in Boko Haram attack on Mozogo"
            or (m.key in guesses and m.surface in THEATRES)
        }
        unknown = {k for k in cands if not cands[k] and k not in institutions}
        anchored = _anchored(clean, ordered, {k: choice[k][1] for k in keys}, unknown, self.gazetteer.demonyms)
        left = [m for m in ordered if not cands[m.key] and m.key not in anchored and m.key not in institutions]
        if left:
            # the one province all the article's places lie in ("the town of X" in a report
            # whose every other place is in Daraa): somewhere in it
            literal = [
                m.key
                for m in mentions
                if m.key in choice
                and not nonliteral_reason(clean, m.cstart, m.cend, choice[m.key][1].feature_type)
                and m.key not in self.gazetteer.demonyms
                # (not an air base, which the aircraft flew from as often as not: "took off from the Hmeimim base")
                and choice[m.key][1].feature_type != "military base"
            ]
            province = self._province_of([choice[k][1] for k in literal])
            # (not the unit that holds a town, wherever the text writes it so: "the market of Datu Piang town in
            # Maguindanao")
            holders_of_towns = {
                m.key for m in left if _HOLDER_BEFORE.search(clean, max(0, m.cstart - 30), m.cstart) is not None
            }
            if province is not None:
                for m in left:
                    placed = _placed(clean, m, province, False, province=True, article=True)
                    # the text says what it is ("the town of X"), or writes it where a place stands ("gunmen
                    # attacked X", "killed in X"), a guess
                    if placed.feature_type != "place" or (
                        m.key in guesses
                        and _VIOLENCE.search(clean, m.sentence[0], m.sentence[1]) is not None
                        and m.key not in holders_of_towns
                        # (nor a firm's name: "gunned down at Applied Materials")
                        and not english_head(m.surface.rstrip("s"))
                    ):
                        anchored.setdefault(m.key, placed)
        all_countries = sorted({choice[k][1].country for k in keys if choice[k][1].country})
        unresolved: list[str] = []
        out: list[Mention] = []
        # the places that hold a place placed by the text (a context place's parent)
        holders = {choice[k][1].parent for k in keys} | {p.parent for p in anchored.values()}
        for m in mentions:
            cs = cands[m.key]
            place = None
            confidence = m.confidence
            if cs:
                place = choice[m.key][1]
                if (
                    m.key in kinds
                    and m.cstart not in kinds_said
                    and place.feature_type in ("admin1", "admin2")
                    and place.id not in holders
                ):
                    # "Kharkiv" beside "the Kharkiv region": the region only where the text says so (not
                    # when a place no gazetteer has was placed in the region: "Aleppo's district of X")
                    place = _city_named(cs, place, m.key) or place
                if len(cs) > 1:
                    confidence = min(confidence, 0.8)
                if choice[m.key][0] == 2:
                    confidence = min(confidence, 0.5)  # another spelling
            elif self.geocoder is not None and m.confidence > GUESS:
                place = self.geocoder.lookup(m.surface, all_countries or None)
                if place is not None:
                    confidence = min(confidence, 0.7)
            if place is None and m.key in anchored:
                place = anchored[m.key]
                confidence = min(confidence, 0.5)
            if place is None and m.confidence <= GUESS:
                continue  # a guess that found no place: no name after all, as far as we know
            reason = nonliteral_reason(article.clean, m.cstart, m.cend, place.feature_type if place else None)
            if place is None and m.key in compass:
                reason = reason or "a compass point: a part of a country, not a place"
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


# a bonus for readings in a country the same sentence names (on top of the article's countries)
# was tried and left out: GWN/LGL acc@161 .919/.856 without, .918/.856 at 0.5, .918/.855 at 1.0
# (and at 1.0 "London's mayor" beside "the US" went to Ohio); the sentence's own words
# ("X, in northern Y", "Y's city of X") decide instead
KIND_BONUS = 3.0  # a reading of the kind the text says ("Zhari district", "the town of Hit")
STRONG_POPULATION = 1_000_000
SMALL_ABROAD = 20_000  # a place this small, alone in its country among an article's places, far from them all
HOME_TOWNS = 4  # ... is no reading of a name in a report that names this many towns of one other country
FAR_TOWN_KM = 2500  # a town alone in its country this far from every place of a text of HOME_TOWNS towns is none
FAR_TOWN_POPULATION = 100_000  # ... if it is smaller than this
# (and this far from every country and province of a text that names no town: another continent, as a
# country's point may lie thousands of kilometres from its border towns, Russia's in Siberia)
COUNTRY_FAR_KM = 6000
ALIAS_ABROAD_KM = 1000  # a place found by an alternate name this far from all others of its text is no reading of it
PART_ABROAD_KM = 300  # and a part of a town the curated gazetteer has, named without its town, this far
MIN_SKELETON = 4  # consonants a respelled name needs ("Heet"/"Hit" has two: too many namesakes)
_CONTAINERS = frozenset({"country", "admin1", "admin2", "territory"})
# a people's name as the adjective of a common noun ("the Israeli zone", "the Iraqi army")
_PEOPLE_AS_ADJECTIVE = rx.compile(r"(?:[\s-]+[\w-]+)?\s+[a-z]")
_COMPASS = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
_DIRECTION = rf"(?:(?:far|extreme)\s+)?{_COMPASS}(?:ern)?"
_UNIT = (
    r"(?:district|province|governorate|region|local\s+government\s+area|LGA|area|township|village|town|city|county|"
    r"raion|rayon|oblast|municipality|sub-?district|neighbou?rhood|suburb|camp|valley)"
)
_POSSESSIVE = ("'s ", "’s ")  # all that stands between "Y" and "X" in "Y's X district"
# what someone owns in a place: "Mandela's Cape Town office", "the president's Moscow residence"
_OWNED_AFTER = rx.compile(
    r"\s+(?:office|offices|home|house|residence|villa|estate|compound|headquarters|embassy|consulate|mansion|palace|"
    r"farm|apartment|flat)\b"
)
# what may follow a country set after a town by a comma ("Lere, Mali, killed", "in Lere, Mali."); not a clause
# whose subject the country is ("Gaza, Israel said")
# what closes a province or a country in brackets after a town: "LERE (Timbuktu region)", "Djibo (Soum province,"
_BRACKETED_HOLDER_END = rx.compile(
    r"(?:\s+(?i:region|province|state|governorate|oblast|department|prefecture|county|district))?\s*[),]"
)
_BRACKETED_KIND_END = rx.compile(
    r"\s+(?i:region|province|state|governorate|oblast|department|prefecture|county|district)\s*[),]"
)
# (nor a list: "Trips to Saipan, Guam, Alaska and Hawaii", "Bulgaria, Luxembourg, Malta")
_APPOSED_COUNTRY_END = rx.compile(
    r"\s*(?:,(?!\s*(?:and\s+|or\s+)?[A-Z])|[.;:)]|$|\s+(?:on|in|at|near|last|this|early|late|after|before|when|while)\b"
    # a dateline's: "PALMA, Mozambique - On the fifth anniversary", "KIDAL, Mali (AP) --"
    r"|[ \t]+(?:[-–—]|--)[ \t]|[ \t]+\((?:AP|AFP|Reuters|[A-Z][\w ]{1,30})\)[ \t]*(?:[-–—]|--)"
    # (a feature's, alone on its line or with its date: "BAIDOA, Somalia", "TAWILA, Sudan, September 2024")
    r"|[ \t]*\n|,[ \t]+(?:\d{1,2}[ \t]+)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)"
)
_UNIT_COMMA = rx.compile(rf"^\s+{_UNIT}\s*,\s*$", re.I)  # "X district, Y province"
# between a name and the place the text puts it in: "X, in northern Y", "X township in Y", "X region of Y"
_IN_AFTER = rx.compile(
    rf"^(?:\s+{_UNIT})?(?:\s+\([^()]{{1,40}}\))?\s*,?\s+(?:in|of|inside)\s+(?:the\s+)?(?:{_DIRECTION}\s+)?"
    # ("the commune of Liancourt, in the department of the Artibonite")
    r"(?:(?:department|province|region|state|governorate|oblast|prefecture)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_APPOSED_IN = rx.compile(
    r"^\s*,\s+(?:an?\s+(?:[a-z-]+\s+){0,2}(?:community|village|town|hamlet|settlement|corregimiento|locality|"
    # "Al-Iman, an area close to the town of Al-Mahawil"
    r"area|neighbou?rhood|suburb)\s+(?:in|of|near|close\s+to|outside)\s+(?:the\s+)?"
    r"(?:(?:rural\s+)?(?:municipality|district|territory|county|commune|department|cercle|town|city)\s+of\s+)?"
    # "El Plateado, in the municipality of Argelia", "Boni, in the cercle of Douentza"
    r"|(?:in|of)\s+the\s+(?:rural\s+)?(?:municipality|territory|county|commune|department|cercle)\s+of\s+)$"
)
# between a part of a town and the town: "X district of Y", "X neighbourhood in Y"
_PART_OF_TOWN = rx.compile(
    r"^\s+(?:district|neighbou?rhood|quarter|suburb|sector|sub-?district|locality|"
    r"(?:district|neighbou?rhood|quarter|suburb|sector|localitie)s)\s+(?:of|in)\s+(?:the\s+)?$",
    re.I,
)
# between a country (or its people) and a name inside it: "Y's southern city of X", "the Iraqi town of X"
_OF_BEFORE = rx.compile(
    # (its words one noun phrase: not "U.S. airstrikes hit the port of Hodeidah", whose "the" starts another)
    r"^(?:['’]s)?\s+(?:(?!(?:the|a|an|its|their|this|that|and|or)\s)[a-z-]+\s+){0,3}?"
    r"(?:city|town|village|hamlet|port|province|district|region|governorate|"
    r"capital|suburb|outskirts|provincial\s+capital|border\s+town|stronghold)\s+of\s+(?:the\s+)?$"
)
NEAR_KM = 150  # "near", "outside", "close to"
REGION_REACH_KM = 300  # how far a place in a region no one country holds may lie from its point
TOWN_REACH_KM = 50  # how far a place inside a town may lie from the town's point
# a province named with its kind word inside the name ("Sagaing Region", "Shan State")
_PROVINCE_WORD = rx.compile(r"\s(?:Region|State|Province|Governorate|Oblast)$")
OTHER_PROVINCE_POPULATION = 100_000  # a village or town smaller than this is read only in the province named
OTHER_PROVINCE_VILLAGE = 5_000  # (and a village this small so named, when its sentence names another province)
DISTRICT_FAR_KM = 500  # a town farther than this from all of an article's places is not its "X district"
_VILLAGE_AFTER = rx.compile(r"\s+(?:village|hamlet|community|(?:displacement|IDP)\s+(?:site|camp))\b")
DIRECTION_KM = 400  # "north of", "south-west of"
# between a name and the place the text puts it near: "X junction near Y", "X, 20 km south of Y"
_NEAR_AFTER = rx.compile(
    rf"^(?:\s+(?:{_UNIT}|junction|crossing|checkpoint|base|airport|bridge|road|highway|"
    r"(?:displacement|IDP)\s+(?:site|camp)))?\s*,?\s+(?:"
    r"(?P<near>near|outside|close\s+to|just\s+outside)|(?:just\s+)?(?P<dir>"
    rf"{_COMPASS}\s+of)|(?:(?:about|some|around|roughly|nearly|approximately)\s+)?(?P<n>\d+)\s*"
    r"(?P<unit>km|kilometers|kilometres|miles)\s+(?:\w+\s+){0,2}(?:of|from))"
    r"\s+(?:the\s+)?$",
    re.I,
)


def _reach(m: re.Match[str]) -> float:
    """How far from the other place the text puts a name (km), with a margin."""
    if m.group("n"):
        km = float(m.group("n")) * (1.609 if m.group("unit").lower() == "miles" else 1.0)
        return 1.5 * km + 30
    return NEAR_KM if m.group("near") else DIRECTION_KM


_KIND_WORDS = (
    r"district|province|governorate|oblast|raion|rayon|prefecture|region|township|state|locality|territory|tehsil|"
    r"wilayah?"
)
# (a kind word may be capitalised, "the Belgorod Region", "Kunar Province"; not "County", part of a US name)
_KIND_AFTER = rx.compile(
    # ("a small Kharkiv-region town")
    rf"(?:\s+|-(?=region\b|province\b|oblast\b))((?i:{_KIND_WORDS})|county|sub-?district|countryside|desert|"
    r"local\s+government\s+area|LGA|"
    # the government of a region: "the Odesa regional administration", "Kharkiv regional governor"
    r"(?i:regional)(?=\s+(?i:(?:military|state|civil(?:ian)?)\s+)?(?i:administration|governor|council|authorit(?:y|ies)|"
    r"head|chief|prosecutor|police|officials?|government)\b))\b"
)
# the kind of every item of a list that a plural ends: "the Sumy, Kharkiv and Zaporizhzhia regions"
_KINDS_AFTER = rx.compile(rf"\s+({_KIND_WORDS}|countie)s\b")
_LIST_SEP = rx.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_KIND_BEFORE = rx.compile(
    r"\b(city|town|village|hamlet|port|suburb|capital|district|province|governorate|region|countryside|"
    r"municipality|state)\s+of\s+"
    r"(?:the\s+)?$"
)
_POPULATED = ("city", "town", "village")
_PART_WORDS = frozenset({"district", "suburb", "region"})
_INDEFINITE = rx.compile(r"\b(?:a|an|another|one)\s+(?:[a-z-]+\s+){0,2}$")
# a name just before a kind word ("Saltivskyi district of"), not a capitalised word that opens a
# sentence ("The district of")
_NAME_JUST_BEFORE = rx.compile(
    r"(?<![\w'’-])(?!(?:The|In|A|An|This|That|These|Its|Their|Our|His|Her|At|On|From|Of|For|And|But)\s)"
    r"[A-Z][\w'’-]*\s+$"
)
KINDS: dict[str, tuple[str, ...]] = {
    "district": ("admin2", "district", "neighbourhood"),
    "sub-district": ("admin2", "district", "town", "village"),
    "subdistrict": ("admin2", "district", "town", "village"),
    "raion": ("admin2",),
    "local government area": ("admin2",),  # Nigeria's districts: "Bassa local government area"
    "lga": ("admin2",),
    "rayon": ("admin2",),
    "county": ("admin2",),
    "territory": ("admin2",),  # Congo's districts: "the Bapere sector of Lubero territory"
    "tehsil": ("admin2", "district"),  # Pakistan's: "the Mamund tehsil of Bajaur district"
    "municipality": ("admin2", "city", "town", "village"),  # Mexico's are districts, Nepal's towns
    "township": ("admin2", "town", "village"),
    "locality": ("admin2", "district"),  # Sudan's districts: "Omdurman (Karari locality)"
    "province": ("admin1",),
    "governorate": ("admin1",),
    "wilayah": ("admin1",),  # the Shabaab's and the Islamic State's word: "Lower Shabelle wilayah"
    "wilaya": ("admin1",),
    "oblast": ("admin1",),
    "state": ("admin1",),  # "Sokoto State", "Shan State"
    "prefecture": ("admin1", "admin2"),
    "region": ("admin1", "region", "macro-region"),  # "the Kharkiv region": the oblast, not its raion
    "regional": ("admin1", "region"),  # "the Odesa regional administration": the oblast's
    "countryside": ("admin1",),  # "the northern countryside of Aleppo", "the Idlib countryside": its province
    "desert": ("admin1", "region"),  # "the eastern Homs desert": its province's, not the city
    "city": _POPULATED,
    "town": _POPULATED,
    "village": _POPULATED,
    "hamlet": _POPULATED,
    "port": _POPULATED,
    "capital": ("city", "town"),
    "suburb": (*_POPULATED, "neighbourhood", "district"),
}


def _kinds(clean: str, mentions: Sequence[Toponym], said: set[int] | None = None) -> dict[str, tuple[str, ...]]:
    """The kind of place the text says each name is ("Zhari district", "the city of Hit");
    ``said`` gets the ``cstart`` of each mention whose own words say it."""
    out: dict[str, tuple[str, ...]] = {}
    for m in mentions:
        found = _KIND_AFTER.match(clean, m.cend)
        word = found.group(1) if found else None
        if word is None:
            before = _KIND_BEFORE.search(clean, max(0, m.cstart - 30), m.cstart)
            word = before.group(1) if before else None
            at = before.start() if before else 0
            if word in _PART_WORDS and _INDEFINITE.search(clean, max(0, at - 30), at):
                word = None  # "a residential district of Kharkiv": a part of the city, which is no district
            elif word in _PART_WORDS and _NAME_JUST_BEFORE.search(clean, max(0, at - 40), at):
                word = None  # "the Saltivskyi district of Kharkiv": the district is the part's, not Kharkiv's
        if word is not None:
            out.setdefault(m.key, KINDS.get(" ".join(word.lower().split()), ()))
            if said is not None:
                said.add(m.cstart)
    for i, m in enumerate(mentions):
        plural = _KINDS_AFTER.match(clean, m.cend)
        if plural is None:
            continue
        word = plural.group(1).lower().replace("countie", "county")
        for j in _list_items(clean, mentions, i, -1):  # the items before it, back to the list's head
            out.setdefault(mentions[j].key, KINDS.get(word, ()))
            if said is not None:
                said.add(mentions[j].cstart)
    # ... and a plural before it, with the list after it: "raids on the governorates of Hodeidah and Sanaa" (not "the
    # districts of X", of a city)
    for i, m in enumerate(mentions):
        plural = _PROVINCES_OF.search(clean, max(0, m.cstart - 30), m.cstart)
        if plural is None:
            continue
        kinds = KINDS.get(plural.group(1).lower(), ())
        for j in _list_items(clean, mentions, i, 1):  # the items after it, to the list's end
            out.setdefault(mentions[j].key, kinds)
            if said is not None:
                said.add(mentions[j].cstart)
    # the area an unnamed town is in: "a riverside town in Sagaing", "an indigenous town in Colombia's Cauca"
    for m in mentions:
        if m.key not in out and _TOWN_IN_BEFORE.search(clean, max(0, m.cstart - 60), m.cstart):
            out[m.key] = _TOWN_HOLDERS
    return out


def _list_items(clean: str, mentions: Sequence[Toponym], i: int, step: int) -> list[int]:
    """The mention ``i`` and the items of its list beside it, walking back (``step`` -1) or on (1) while a comma or
    "and" joins them: "the Sumy, Kharkiv and Zaporizhzhia regions", "the governorates of Hodeidah and Sanaa"."""
    items = [i]
    while 0 <= (j := items[-1] + step) < len(mentions):
        a, b = (mentions[j], mentions[items[-1]]) if step < 0 else (mentions[items[-1]], mentions[j])
        if not _LIST_SEP.fullmatch(clean, a.cend, b.cstart):
            break
        items.append(j)
    return items


_PROVINCES_OF = rx.compile(r"\b(province|governorate|region|oblast|state)s\s+of\s+(?:the\s+)?$", re.I)
# a plural kind of town before a list of names: "the towns of", "the neighbourhoods of"
_KINDS_OF_BEFORE = rx.compile(r"\b(?:towns|villages|neighbou?rhoods|localities|hamlets)\s+of\s+(?:the\s+)?$", re.I)
_TOWN_IN_BEFORE = rx.compile(
    r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:town|village|hamlet)\s+in\s+(?:(?:northern|southern|eastern|western|central)\s+)?"
    r"(?:[A-Z][\w'’-]*['’]s\s+)?$"
)
_TOWN_HOLDERS = ("admin1", "admin2", "region", "district")


def _institution_like(surface: str, *, guessed: bool) -> bool:
    """Whether a name no gazetteer has reads as an institution or a business rather than a
    place: it ends in an everyday English word (``toponyms.english_head``: "Smith College",
    "Butler Tech") that names no kind of area ("Guma Local Government Area"); a single word
    only when guessed, as it may be a rare dictionary word that is a place ("Amil")."""
    words = surface.split()
    return (guessed or len(words) > 1) and words[-1].lower() not in _PLACE_HEADS and english_head(surface)


def _kind_bonus(place: Place, wanted: tuple[str, ...]) -> float:
    return KIND_BONUS if wanted and place.feature_type in wanted else 0.0


def _within(place: Place, outer: Place) -> bool:
    """``place`` lies inside ``outer`` (a country, a province of one, or a town), as far as we can
    tell: a place in a town is in its province or within ``TOWN_REACH_KM`` of it ("Kherson's
    Dniprovskyi district" is not Kyiv's; "Yala's Betong district" may mean Yala province); in a
    region that no one country holds, near its point ("Kashmir's Anantnag district")."""
    if not outer.country and outer.feature_type == "region":
        return bool(place.country) and distance_km(place, outer) <= REGION_REACH_KM
    if place.country != outer.country:
        return False
    if outer.feature_type in _POINTS:
        return place.admin1 == outer.admin1 or distance_km(place, outer) <= TOWN_REACH_KM
    if outer.feature_type == "admin2" and outer.admin1 and place.admin1:
        # a district's place is in its province ("near Kalakote in Rajouri district" is not Kolkata)
        return place.admin1 == outer.admin1 or place.id == outer.id
    return outer.feature_type != "admin1" or place.admin1 == outer.admin1 or place.id == outer.id


_LOCATED_NOUN = rx.compile(
    r"(?:-[A-Z][\w]+)*\s+(?:capital|border|borders|border\s+region|city|cities|towns?|villages?|coast|coastline|"
    r"region|province|territory|soil|airspace|waters|frontier|enclave|desert|countryside|mainland|side\s+of)\b"
)
_BROAD = frozenset({"country", "continent", "macro-region", "sea", "admin1", "territory", "region", "river"})


_KM_PER_DEGREE = 111.2
_NEAR_MAX = 2.5  # the largest coherence bonus (``_bonus`` of a neighbour under 30 km)
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


def _coherence(points: _Points, alts: _Points, key: str, cs: Sequence[tuple[int, Place]], i: int) -> float:
    """The coherence bonus of reading ``i`` of ``key``: near the other names' readings, or, at
    a discount, near their other readings."""
    return max(points.near(cs[i][1], key), ALTERNATIVE_WEIGHT * alts.near(cs[i][1], key))


def _best(scores: Sequence[tuple[float, float]], near: Callable[[int], float]) -> int:
    """The index of the best reading, as ``max`` over ``score + near(i) + kind`` would choose
    it (the first of equals), for (score, kind bonus) pairs; ``near`` (the costly part) is
    computed only for readings that could still win with the largest bonus it gives.  The
    bound is summed as the value is, so floating-point rounding cannot make it lower."""
    order = sorted(range(len(scores)), key=lambda i: -((scores[i][0] + _NEAR_MAX) + scores[i][1]))
    best, best_value = -1, -math.inf
    for i in order:
        score, kind = scores[i]
        if (score + _NEAR_MAX) + kind < best_value:
            break  # nor can any after it
        value = (score + near(i)) + kind
        if value > best_value or (value == best_value and i < best):
            best, best_value = i, value
    return best


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


# ------------------------------------------------------------------ places placed by the text
# The gazetteers lack many villages, camps and city districts of war news.  When the text puts
# such a name inside or near a place they know, the name gets a place of its own at that place's
# point, with ACLED's geo_precision saying how nearly (2: part of or near a town or district,
# 3: somewhere in a province), as ACLED's coders place a village they cannot find.

# containers a name may be placed in ("X in Y"), and places it may be placed near ("X near Y")
_HOLDERS = frozenset({"admin1", "admin2", "district", "region", "city", "town", "village", "neighbourhood", "camp"})
_POINTS = frozenset({"city", "town", "village", "neighbourhood", "camp", "military base", "crossing"})
_PROVINCES = frozenset({"admin1", "region"})
_CHAIN = 3  # names placed by other names so placed ("X in Y in Z"), at most this deep
_PLACE_WORDS = (
    r"(?:sub-?district|sub-?city|district|neighbou?rhood|quarter|suburb|area|township|village|hamlet|town|city|camp|"
    r"refugee\s+camp|settlement|community|locality|localities|districts|neighbou?rhoods|quarters|suburbs|region|province|"
    r"(?:displacement|IDP)\s+site|tehsil|taluka?|upazila|mandal|villages|hamlets|settlements|communities|sector|municipality|"
    r"territory|camps|towns|"
    # the units of French- and Spanish-speaking administrations: "X, in the department of Y", "in the circle of Z"
    r"department|commune|cercle|circle|prefecture|sub-?prefecture|chefferie|groupement|canton|parish|county|"
    r"enclave)"
)
# a point on a road, named after a place or a person ("the Sharon junction near Netanya")
_WAYPOINT = r"(?:junction|crossroads|intersection|roundabout|checkpoint|bridge)"
_PAREN_NAME = rx.compile(rf"(?:\s+{_PLACE_WORDS})?\s*\(\s*", re.I)
# between the unknown name and the known one after it: "X district in south Y", "X, a village
# near Y", "X (north-west of Y)", "X, 35 km north of Y", "X in the province of Y"
_UNKNOWN_BEFORE = rx.compile(
    # "X district (twice)", "X displacement camp", "the X police station in Y district"
    rf"(?:\s+(?:[a-z][\w-]*\s+)?(?:{_PLACE_WORDS}|{_WAYPOINT}|station|post|checkpost))?{AGAIN}"
    # ", a farming zone", ", a cluster of hilltop villages"; "camp for displaced people"
    rf"\s*(?:,\s*(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PLACE_WORDS}|zone)\s*)?"
    r"(?:\s*for\s+(?:the\s+)?(?:internally\s+)?(?:displaced|refugees)(?:\s+(?:people|persons|families))?)?"
    r"(?:,|\()?\s*"
    rf"(?:(?P<in>in|of|inside)\s+(?:the\s+)?(?:{_DIRECTION}\s+)?(?:(?:{_PLACE_WORDS}|countryside|outskirts|"
    rf"suburbs)\s+of\s+(?:the\s+)?)?(?:{_DIRECTION}\s+(?:of\s+(?:the\s+)?)?)?"
    # ("X district in the south of the capital Y")
    r"(?:(?:capital|city|port\s+city)\s+)?"
    rf"|(?P<near>near|outside|close\s+to|just\s+outside|on\s+the\s+(?:{_DIRECTION}\s+)?(?:outskirts|edges?|fringes?)\s+of|"
    r"in\s+the\s+vicinity\s+of|above|below|"
    rf"(?:just\s+)?{_COMPASS}\s+of|"
    r"(?:(?:around|about|some|nearly|roughly|approximately)\s+)?\d+\s*(?:km|kilometers|kilometres|miles)\s+(?:\(\d+\s*\w+\)\s+)?(?:[\w-]+\s+){0,2}(?:of|from))\s+"
    rf"(?:the\s+)?(?:{_DIRECTION}\s+)?(?:(?:[\w-]+\s+)?(?:city|town|village)\s+of\s+)?)",
    re.I,
)
# between a known name and the unknown one after it: "Y's district of X", "Y district of X",
# "Y's northern neighbourhood of X"
_UNKNOWN_AFTER = rx.compile(
    rf"(?:['’]s)?\s+(?:{_DIRECTION}\s+)?(?:[\w-]+\s+)?{_PLACE_WORDS}\s+of\s+(?:the\s+)?",
    re.I,
)
# after a name that a possessive puts in a known place: "Y's X district", "Y's X neighbourhood"
_PART_AFTER = rx.compile(rf"\s+{_PLACE_WORDS}\b", re.I)
# the head of a list ("the settlements of A, B and C")
_LIST_KIND_OF_WORD = {
    "settlements": "village",
    "villages": "village",
    "hamlets": "village",
    "towns": "town",
    "cities": "city",
    "districts": "district",
    "neighbourhoods": "neighbourhood",
    "neighborhoods": "neighbourhood",
    "suburbs": "neighbourhood",
    "camps": "camp",
    "localities": "village",
}
_KIND_OF_WORD = {
    "district": "district",
    "subdistrict": "district",
    "sub-district": "district",
    "township": "district",
    "tehsil": "district",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "sub-city": "neighbourhood",
    "subcity": "neighbourhood",
    "quarter": "neighbourhood",
    "suburb": "neighbourhood",
    "village": "village",
    "hamlet": "village",
    "settlement": "village",
    "community": "village",
    "town": "town",
    "city": "city",
    "camp": "camp",
    "troublespot": "town",
    "hometown": "town",
    "enclave": "town",
    "locality": "village",
    # the communes of francophone Africa and Haiti, the municipalities of Latin America: towns with their land
    "commune": "town",
    "municipality": "town",
    **_LIST_KIND_OF_WORD,
}
# an item of such a list, after its head and the items before it: "the settlements of Hawsh
# Nasri (twice), Hawsh al-Fara, Harasta (twice), " before "Bala al-Kadim"
_LIST_ITEM = r"(?:(?:al|el)-)?[A-Z][\w'’]*(?:[ -](?:(?:al|el|ad|as|ar|az|an|ez)-)?[A-Z][\w'’]*){0,4}"
_LIST_HEAD_BEFORE = gated(
    rf"\b({'|'.join(_LIST_KIND_OF_WORD)})\s+of\s+"
    rf"(?:the\s+)?(?:{_LIST_ITEM}{AGAIN}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$"
)
# words that end the name of a place, not of an institution ("Guma Local Government Area")
# (and the words of the land's features: "Lido Beach in Mogadishu", "the Cal Miskaad mountains")
_PLACE_HEADS = (
    frozenset(_KIND_OF_WORD)
    | {"area", "region", "province", "county", "governorate", "municipality"}
    | {"beach", "valley", "mountain", "mountains", "hill", "hills", "island", "plain", "desert", "forest"}
)
_NON_WORD = rx.compile(r"\W+")
# the Arabic words for a village's features that open place names (``toponyms``' patterns)
_KIND_OF_PREFIX = {
    **dict.fromkeys(("kafr", "kfar", "tal", "tall", "tel", "tell", "deir", "dayr", "beit", "bayt"), "village"),
    **dict.fromkeys(("khirbet", "khirbat", "umm", "qasr", "bir", "ras"), "village"),
    **dict.fromkeys(("wadi", "jabal", "jebel"), "natural"),
}
# "X, a farming village some 30 km south of Y", "X, a small enclave north of Y": the kind word ends
# the phrase; not "Y, a city spokesman" nor "Z, a lobbyist for the city of W" (people)
_KIND_APPOSITION = rx.compile(
    r",\s+an?\s+(?:(?!(?:for|of|the|in|at|with|from|to|by|on|and|or)\b)[\w-]+\s+){0,3}?"
    r"(village|town|city|hamlet|settlement|district|suburb|neighbou?rhood|camp|enclave)\b"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:in|near|on|of|outside|inside|north|south|east|west|some|about|close|just|"
    r"located|lying|which|that|where|with|and|along|by|\d))"
)
_KIND_WORD_AFTER = rx.compile(r"\s+([a-z-]+)")
_KIND_WORD_BEFORE = rx.compile(r"\b([a-z-]+)\s+of\s+(?:the\s+)?$")


def _anchored(
    clean: str,
    ordered: Sequence[Toponym],
    known: dict[str, Place],
    unknown: set[str],
    peoples: Collection[str] = (),
) -> dict[str, Place]:
    """The places the text gives to names no gazetteer knows, by the known place beside each
    (a people's name between them does not part them: "X, near the southern Iraqi city of Y")."""
    out: dict[str, Place] = {}
    names = [m for m in ordered if m.key not in peoples]
    pairs = [(a, b, clean[a.cend : b.cstart]) for a, b in itertools.pairwise(names) if a.sentence == b.sentence]
    # "X, in Burkina Faso's Seno province", "X village in Chhattisgarh's Sukma district": the
    # possessive of a country or a province gives way to the place it holds
    for a, b, c in zip(names, names[1:], names[2:], strict=False):
        country = known.get(b.key)
        if (
            a.sentence == c.sentence
            and country is not None
            # (or a region no admin unit is: "a mountain village in Puntland's Bari region")
            and country.feature_type in ("country", "admin1", "region")
            and (gap := _COUNTRY_POSSESSIVE.fullmatch(clean, b.cend, c.cstart))
        ):
            # (first, so that the finer place wins over the province: "X in Y's Z district")
            pairs.insert(0, (a, c, clean[a.cend : b.cstart] + " " + gap.group("rest")))
    # a chain of such names ("X in Y district in Z province", Z known): Y is placed in Z, then X in Y
    for _ in range(_CHAIN):
        before = len(out)
        for a, b, between in pairs:
            if a.key in unknown and a.key not in out and (holder := known.get(b.key) or out.get(b.key)):
                found = _UNKNOWN_BEFORE.fullmatch(between)
                if (
                    found is None
                    and _PAREN_NAME.fullmatch(between)
                    and (clean.startswith(")", b.cend) or _BRACKETED_KIND_END.match(clean, b.cend))
                ):
                    # "the Al Thawra district (Sadr City)", "Hawija (Kirkuk)": another name of the
                    # known place, or a place in it (not "Karen (Kayin) State": a province's other name)
                    if holder.feature_type in _HOLDERS and (
                        holder.feature_type not in _PROVINCES
                        # (a province with its kind word: "LERE (Timbuktu region)")
                        or _BRACKETED_KIND_END.match(clean, b.cend)
                    ):
                        out[a.key] = _placed(clean, a, holder, False)
                    continue
                if found is None:
                    # "Ulang town, Upper Nile State": a name no gazetteer has, then its province; "Pazigyi
                    # village, Kanbalu Township": then the district of a town, named after it (near the town)
                    seat = holder.feature_type in ("city", "town") and _SEAT_DIVISION_AFTER.match(clean, b.cend)
                    # (or a district by its name alone: "a house in Mir Ali, North Waziristan, on Monday")
                    named_district = holder.feature_type in ("admin2", "district") and a.confidence <= GUESS
                    end = seat.end() if seat else _division_end(clean, b)
                    if end is None and (
                        (named_district and _GUESS_IN_BEFORE.search(clean, max(0, a.cstart - 8), a.cstart))
                        # (a dateline's town and its province: "EL AGUAJE, Michoacan - ")
                        or (a.surface.isupper() and _DATELINE_DASH.match(clean, b.cend))
                    ):
                        end = b.cend
                    if not (
                        _UNKNOWN_COMMA.fullmatch(between)
                        and (holder.feature_type in _DIVISIONS or seat)
                        and end is not None
                        and not _list_goes_on(clean, end, names, known, holder)
                    ):
                        continue
                    out[a.key] = _placed(clean, a, holder, bool(seat), province=not seat and not named_district)
                    continue
                near = found.group("near") is not None
                if holder.feature_type not in (_POINTS if near else _HOLDERS):
                    continue
                # "X in Y province": somewhere in the province, whatever Y's name resolved to
                province = not near and _PROVINCE_AFTER.match(clean, b.cend) is not None
                out[a.key] = _placed(clean, a, holder, near, province=province)
            elif (
                b.key in unknown
                and b.key not in out
                and (holder := known.get(a.key) or out.get(a.key))
                and holder.feature_type in _HOLDERS
                and (
                    _UNKNOWN_AFTER.fullmatch(between)
                    or (between in _POSSESSIVE and _PART_AFTER.match(clean, b.cend))  # "Y's X district"
                )
            ):
                out[b.key] = _placed(clean, b, holder, False)
        if len(out) == before:
            break
    # the items before the last of a list that a plural kind word ends ("the X and Y camps outside
    # Z", the last placed near Z): where the last one is
    for a, b, between in reversed(pairs):
        if (
            a.key in unknown
            and a.key not in out
            and b.key in out
            and _LIST_SEP.fullmatch(between)
            and _LIST_TAIL_AFTER.match(clean, a.cend)
        ):
            last = out[b.key]
            out[a.key] = dataclasses.replace(
                last,
                id=_context_id(last.parent, a.key),
                name=a.surface,
                feature_type=_kind_of(clean, a),  # type: ignore[arg-type]
            )
    # the items of a list a plural kind word opens ("in the towns of Kafr Zita and X"): near an item of it the
    # text or a gazetteer places in a town or a village
    start = 0
    while start < len(names):
        end = start
        while (
            end + 1 < len(names)
            and names[end + 1].sentence == names[start].sentence
            and _LIST_SEP.fullmatch(clean, names[end].cend, names[end + 1].cstart)
        ):
            end += 1
        items = names[start : end + 1]
        start = end + 1
        if len(items) < 2 or not _KINDS_OF_BEFORE.search(clean, max(0, items[0].cstart - 40), items[0].cstart):
            continue
        towns = [
            q for m in items if (q := known.get(m.key) or out.get(m.key)) is not None and q.feature_type in _POPULATED
        ]
        if towns:
            for m in items:
                if m.key in unknown and m.key not in out:
                    # (a town beside it, not in it: held by none)
                    out[m.key] = dataclasses.replace(_placed(clean, m, towns[0], True), parent="")
    # "the city's X district": in the town the text last named
    for m in ordered:
        if m.key in unknown and m.key not in out and (town := _town_named_before(clean, ordered, m, known)):
            out[m.key] = _placed(clean, m, known[town], False)
    # the province a sentence is set in ("In the province of Hama, ... shelled the village of X")
    frames: dict[tuple[int, int], list[Place]] = {}
    for m in ordered:
        if m.key in known and (
            _PROVINCE_AFTER.match(clean, m.cend)
            or _PROVINCE_BEFORE.search(clean, max(0, m.cstart - 30), m.cstart)
            or _PROVINCE_END.search(m.surface)  # "Helmand Province", found with its word
            # "In northern Shan State, troops shelled X town": a province whose name holds its word
            or (known[m.key].feature_type == "admin1" and _STATE_END.search(m.surface))
            # "In western Daraa countryside, forces shelled X village": the rural part of a province
            or (known[m.key].feature_type == "admin1" and _COUNTRYSIDE_AFTER.match(clean, m.cend))
        ):
            frames.setdefault(m.sentence, []).append(known[m.key])
    # the district a sentence opens in ("In Kaura Namoda Local Government Area, gunmen stormed X
    # village"): it holds the sentence's unknown villages, at its point
    districts: dict[tuple[int, int], list[Place]] = {}
    for m in ordered:
        if (
            m.key in known
            and known[m.key].feature_type in ("admin2", "district", "city", "town")
            and _DISTRICT_FRAME_AFTER.match(clean, m.cend)
            and DISTRICT_FRAME_BEFORE.search(clean, max(0, m.cstart - 12), m.cstart)
        ):
            districts.setdefault(m.sentence, []).append(known[m.key])
    for m in ordered:
        held = frames.get(m.sentence)
        district = districts.get(m.sentence)
        if m.key in unknown and m.key not in out and district and len({p.id for p in district}) == 1:
            placed = _placed(clean, m, district[0], False)
            if placed.feature_type != "place":
                out[m.key] = placed
        elif m.key in unknown and m.key not in out and held and len({p.id for p in held}) == 1:
            placed = _placed(clean, m, held[0], False, province=True)
            if placed.feature_type != "place":  # the text says what it is: "the village of X"
                out[m.key] = placed
    return out


# a sentence of violence, where a name written where a place stands is a place in the article's one province
# ("gunmen killed twelve people in X"), not a shop or a family's name of local news
_VIOLENCE = rx.compile(
    r"\b(?:kill(?:ed|ing|s)?|attack(?:ed|ers?|s)?|assailants|armed\s+men|machetes?|gunfire|blast|explosion|"
    r"raid(?:ed|s)?|stormed|shell(?:ed|ing|s)?|bomb(?:ed|ing|s)?|air\s*strikes?|drone|gunmen|militants|insurgents|"
    r"rebels|massacre[ds]?|ambush(?:ed)?|clashes|fighting|shot\s+dead|beheaded|torched|burned)\b",
    re.I,
)
_HOLDER_BEFORE = rx.compile(r"\b(?:town|city|village|municipality|district)\s+(?:in|of)\s+$", re.I)
_GUESS_IN_BEFORE = rx.compile(r"\b(?:in|at|near|outside)\s+$")
DISTRICT_FRAME_BEFORE = rx.compile(r"(?:^|[.!?]\s+|\n)(?:[-–—•*]\s*)?In\s+(?:the\s+)?$")  # ("- In X district, ...")
# the kind words of a district named after its town ("Kanbalu Township", "Lubero territory")
_SEAT_DIVISION = r"(?:township|tehsil|territory|district|county)"
_DISTRICT_FRAME_AFTER = rx.compile(rf"\s+(?:{_SEAT_DIVISION}|local\s+government\s+area|LGA|municipality)\s*,", re.I)


# a country's possessive before the place it holds ("Cameroon's Far North region"), and what is left
_COUNTRY_POSSESSIVE = rx.compile(rf"['’]s\s+(?P<rest>(?:{_DIRECTION}\s+)?)")
# "X, Y State", "X village, Y province": the province after a comma, with its kind word
_UNKNOWN_COMMA = rx.compile(rf"(?:\s+{_PLACE_WORDS})?,\s+", re.I)  # ("X District, Y Regency")
_DIVISIONS = frozenset({"admin1", "admin2", "district"})
# ("X, Lower Shabelle wilayah": a province as the Shabaab's statements name it)
_DIVISION = (
    r"(?:state|province|region|governorate|district|county|oblast|regency|wilayah?|LGA|local\s+government\s+area)"
)
_DIVISION_AFTER = rx.compile(rf"\s+{_DIVISION}\b", re.I)
_DIVISION_END = rx.compile(rf"\s{_DIVISION}$", re.I)
_SEAT_DIVISION_AFTER = rx.compile(rf"\s+{_SEAT_DIVISION}\b", re.I)
_DATELINE_DASH = rx.compile(r"\s+[-–—]\s")  # after a dateline's town and its province
_LIST_GOES_ON = rx.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+)[A-Z]")  # "X, Y State and Z": a list


def _list_goes_on(clean: str, end: int, names: Sequence[Toponym], known: dict[str, Place], holder: Place) -> bool:
    """Whether a list goes on after a province's name ending at ``end`` ("X, Y State and Z"); not the country that
    holds the province after its comma ("near X, Lower Shabelle Region, Somalia")."""
    goes = _LIST_GOES_ON.match(clean, end)
    if goes is None:
        return False
    after = next((n for n in names if n.cstart == goes.end() - 1), None)
    country = known.get(after.key) if after is not None else None
    return not (country is not None and country.feature_type == "country" and country.country == holder.country)


def _division_end(clean: str, m: Toponym) -> int | None:
    """Where the name of a province ends with its kind word ("Upper Nile State", "Seno province"),
    or None when no kind word says it is one."""
    after = _DIVISION_AFTER.match(clean, m.cend)
    if after is not None:
        return after.end()
    return m.cend if _DIVISION_END.search(m.surface) else None


# a part of the town, said after its name: "the X area of the city", "the X neighbourhood of the capital", "the X
# neighbourhood in the east of the capital"
_PART_OF_THE_TOWN_AFTER = rx.compile(
    r"\s+(?:area|neighbou?rhood|quarter|district|suburb|market|bazaar)\s+"
    r"(?:of|in\s+the\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west|cent(?:re|er)|heart)(?:ern)?\s+(?:part\s+)?of)\s+"
    r"(?:the|this)\s+(?:city|town|capital)\b",
    re.I,
)
_THE_TOWNS = rx.compile(r"\b(?:the|this)\s+(?:city|town|capital)['’]s\s+(?:(?:[a-z]+-)?[a-z]+ern\s+)?$", re.I)


def _town_named_before(clean: str, ordered: Sequence[Toponym], m: Toponym, known: dict[str, Place]) -> str | None:
    """The key of the town that "the city's" before ``m`` means, when the text calls ``m`` a part
    of it ("the city's Prymorskyi district", "the capital's western Mansour neighbourhood", "the crowded X area
    of the city"): the last city or town named before it."""
    if not (
        (_THE_TOWNS.search(clean, max(0, m.cstart - 40), m.cstart) and _PART_AFTER.match(clean, m.cend))
        or _PART_OF_THE_TOWN_AFTER.match(clean, m.cend)
    ):
        return None
    for prev in reversed(ordered):
        if prev.cstart >= m.cstart:
            continue
        p = known.get(prev.key)
        if p is not None and p.feature_type in ("city", "town"):
            return prev.key
    return None


_PROVINCE_AFTER = rx.compile(r"\s+(?:province|governorate|oblast|department)\b", re.I)
_COUNTRYSIDE_AFTER = rx.compile(r"\s+countryside\b", re.I)
_STATE_END = rx.compile(r"\s(?:State|Region)$")
_PROVINCE_END = rx.compile(r"\s(?:province|governorate|oblast)$", re.I)
_PROVINCE_BEFORE = rx.compile(r"\b(?:province|governorate|oblast|department)\s+of\s+(?:the\s+)?$", re.I)


# the rest of a list that a plural kind word ends, after one of its items: "X, Y and Z camps",
# "X and Y displacement camps"
_LIST_TAIL_AFTER = rx.compile(
    rf"{AGAIN}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LIST_ITEM}{AGAIN})*\s+(?:(?:displacement|refugee|IDP)\s+)?"
    rf"({'|'.join(_LIST_KIND_OF_WORD)})\b"
)


def _kind_of(clean: str, m: Toponym) -> str:
    """The kind of place the text says the unknown name ``m`` is ("the village of X", "X camp",
    "X, Y and Z villages"), or what its first word says ("Kafr Nabuda"); else "place"."""
    after = _KIND_WORD_AFTER.match(clean, m.cend)
    before = _KIND_WORD_BEFORE.search(clean, max(0, m.cstart - 40), m.cstart)
    apposition = _KIND_APPOSITION.match(clean, m.cend)  # "X, a farming village 30 km south of Y"
    listed = None if before else _LIST_HEAD_BEFORE.search(clean, max(0, m.cstart - 200), m.cstart)
    tail = _LIST_TAIL_AFTER.match(clean, m.cend)
    words = [w.group(1).lower() for w in (after, before, apposition, listed, tail) if w is not None]
    kind = next((_KIND_OF_WORD[w] for w in words if w in _KIND_OF_WORD), None)
    if kind is None:  # "Kafr Nabuda", "Wadi Hmeid": the name says what it is
        kind = _KIND_OF_PREFIX.get(m.surface.split()[0].split("-")[0].lower(), "place")
    return kind


def _context_id(holder_id: str, key: str) -> str:
    """The id of a place no gazetteer has, that the text puts at ``holder_id``'s place."""
    return f"ctx:{holder_id}:{_NON_WORD.sub('-', key).strip('-')}"


def _placed(
    clean: str, m: Toponym, holder: Place, near: bool, *, province: bool = False, article: bool = False
) -> Place:
    """A place for the unknown name ``m`` at ``holder``'s point."""
    kind = _kind_of(clean, m)
    precision = max(3 if province or holder.feature_type in _PROVINCES else 2, holder.geo_precision)
    relation = (
        "near"
        if near
        else "in the one province of the article's places,"
        if article
        else "in the province of"
        if province and holder.name == (holder.admin1 or holder.name)  # not "of Hama Governorate"
        else "in"
    )
    return Place(
        id=_context_id(holder.id, m.key),
        name=m.surface.title() if m.surface.isupper() else m.surface,  # (a dateline's "LERE" is Lere)
        lat=holder.lat,
        lon=holder.lon,
        feature_type=kind,  # type: ignore[arg-type]
        country=holder.country,
        admin1=holder.admin1 or (holder.name if holder.feature_type == "admin1" else ""),
        parent=holder.id,
        geo_precision=precision,
        source=f"no gazetteer has it; the text puts it {relation} {holder.name}, whose point it takes",
        resolved_by="context",
    )


PROVINCE_SHARE = 0.6  # an article's province holds this share of its places' mentions
GUESS_POPULATION = 5_000  # a guessed name is taken for another spelling of a place this big
GUESS_SIMILARITY = 0.75  # ... written this much alike (difflib's ratio of the folded names)
RESPELLED_SIMILARITY = 0.5  # any name taken for another spelling of a place is written at least this much alike
# ... and this much alike when the text names no country to look in: Tuz Khurmato/Tuz Khurmatu
# .92, Sardast/Sardasht .93; not Svaneti (a region of Georgia) for Savaneta in Aruba, .80
ANYWHERE_SIMILARITY = 0.85
SHORT_SKELETON_POPULATION = 100_000  # ... and a city this big when its name has three consonants


# armed groups whose war is in one country or two, as their names tell readers where a story is
# (a hint only for a name no gazetteer spells so, in a text that names no country)
THEATRES: dict[str, tuple[str, ...]] = {
    "Taliban": ("AF", "PK"),
    "Haqqani": ("AF", "PK"),
    "Hezbollah": ("LB",),
    "Hizbollah": ("LB",),
    "Houthi": ("YE",),
    "Houthis": ("YE",),
    "Shabaab": ("SO", "KE"),
    "Shebab": ("SO", "KE"),
    "Boko Haram": ("NG", "CM", "NE", "TD"),
    "Nusrat al-Islam": ("ML", "BF", "NE"),  # (Jama'at Nusrat al-Islam wal-Muslimin, JNIM)
    "JNIM": ("ML", "BF", "NE"),
    "Hamas": ("PS", "IL"),
    "PKK": ("TR", "IQ"),
    "YPG": ("SY",),
    "Nusra": ("SY",),
    "Peshmerga": ("IQ",),
    "Mahdi Army": ("IQ",),
    "FARC": ("CO",),
    "Tamil Tigers": ("LK",),
    "LTTE": ("LK",),
    "Abu Sayyaf": ("PH",),
    "Rapid Support Forces": ("SD",),
    "Janjaweed": ("SD",),
}
_THEATRE_NAME = rx.compile(r"\b(?:" + "|".join(re.escape(n) for n in THEATRES) + r")\b")


def _one_country(places: Sequence[Place]) -> str:
    """The country at least three in five of ``places`` lie in, or ""."""
    top = collections.Counter(p.country for p in places).most_common(1)
    return top[0][0] if top and top[0][1] >= 0.6 * len(places) else ""


# the key of a compass point's name: "North-East", "Northwest", "Far North", "North Central"
_COMPASS_KEY = rx.compile(r"(?:far)?(?:north|south)?(?:east|west)?(?:ern)?(?:central)?(?<=[a-z])")


def _theatres(clean: str) -> set[str]:
    """The countries of the armed groups a text names (``THEATRES``)."""
    return {cc for m in _THEATRE_NAME.finditer(clean) for cc in THEATRES[m.group()]}


def _likely_respelling(surface: str, place: Place) -> bool:
    """Whether a guessed name is plausibly ``place`` spelt otherwise ("Tel Abyad" for Tell
    Abyad, "Tuz Khurmato" for Tuz Khurmatu; not "Wild Dunes" for Weldon)."""
    return _big_enough(place) and _alike(surface, place, GUESS_SIMILARITY)


def _big_enough(place: Place) -> bool:
    """A place a report may well name in another spelling: a town of some size, or an area."""
    return place.population >= GUESS_POPULATION or place.feature_type in ("admin1", "admin2")


def _alike(surface: str, place: Place, similarity: float) -> bool:
    """``surface`` and one of ``place``'s names are spelt this much alike (difflib's ratio of the folded names)."""
    from difflib import SequenceMatcher

    key = name_key(surface)
    return any(SequenceMatcher(None, key, name_key(n)).ratio() >= similarity for n in (place.name, *place.aliases))
