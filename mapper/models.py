"""The values passed between the stages, each made by the stage that owns it.

ingest -> ``Article``; toponyms -> ``Toponym``; resolve -> ``Mention`` (a toponym with its
``Place`` and whether it is literal); events -> ``Event`` and a struck ``Mention`` in place
of a mentioned one; casualties -> ``Claim``; sites -> ``Site``; export reads the sites.
A stage never changes what an earlier one made: it makes new values
(``dataclasses.replace``).

Offsets: every ``start``/``end`` a user sees points into ``Article.text``, the
decoded original text of the file (for HTML: the text the extractor returned).
Stages work on ``Article.clean`` and translate with ``Article.to_original``.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, get_args, overload

from .dates import DateRef

if TYPE_CHECKING:
    from .corrections import Applied

Role = Literal["struck", "mentioned"]
FeatureType = Literal[
    "country",
    "territory",
    "continent",
    "macro-region",
    "sea",
    "river",
    "admin1",
    "admin2",
    "region",
    "district",
    "neighbourhood",
    "city",
    "town",
    "village",
    "camp",
    "military base",
    "facility",
    "building",
    "crossing",
    "shrine",
    "street",
    "natural",  # a peak, bay, island, lake or river bank (an online geocoder's answer)
    "place",  # an online geocoder's answer of a kind not listed here
]
FEATURE_TYPES: frozenset[str] = frozenset(get_args(FeatureType))
# the kinds of event (``mapper.events``), after ACLED's sub-event types
EventType = Literal[
    "air_drone_strike",
    "shelling_artillery_missile",
    "remote_explosive_ied",
    "suicide_bomb",
    "armed_clash",
    "attack",
    "other",
]
# feature types that are never a struck site (too coarse to be a point)
AREA_TYPES: frozenset[str] = frozenset({"country", "territory", "continent", "macro-region", "sea", "river"})
# the places people live in, found by their own names (a city, a town, a village)
POPULATED_TYPES: frozenset[str] = frozenset({"city", "town", "village"})


class Offsets:
    """Where each character of an article's cleaned text comes from in its original text:
    ``offsets[i]`` is the index in ``Article.text`` of ``Article.clean[i]``, with one entry
    more, just past the last character.

    Kept as runs, not one number per character: a run starts at clean index
    ``starts[k]``, at original index ``origins[k]``, and counts up by one until the
    next run (the cleaner copies whole stretches of text, so an article has a few dozen
    runs for thousands of characters).  It reads like the list it stands for (index,
    ``len``, iteration, equality with a list).
    """

    __slots__ = ("length", "origins", "starts")

    def __init__(self, length: int = 0, starts: list[int] | None = None, origins: list[int] | None = None):
        self.length = length
        self.starts: list[int] = starts if starts is not None else []
        self.origins: list[int] = origins if origins is not None else []

    @classmethod
    def of(cls, values: Iterable[int]) -> Offsets:
        """The runs of a map given one number per character."""
        out = cls()
        for v in values:
            out.add(v, 1)
        return out

    def add(self, first: int, count: int) -> None:
        """Append ``count`` characters whose originals are ``first``, ``first + 1``, ..."""
        if count <= 0:
            return
        n = self.length
        if not self.starts or first != self.origins[-1] + (n - self.starts[-1]):
            self.starts.append(n)
            self.origins.append(first)
        self.length = n + count

    def drop_last(self) -> None:
        """Take back the last character appended."""
        self.length -= 1
        if self.starts and self.starts[-1] >= self.length:
            self.starts.pop()
            self.origins.pop()

    def runs(self) -> list[list[int]]:
        """``[[clean index, original index], ...]`` where each run starts."""
        return [[s, o] for s, o in zip(self.starts, self.origins, strict=True)]

    def __len__(self) -> int:
        return self.length

    def _at(self, i: int) -> int:
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError("offset index out of range")
        k = bisect.bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return list(self)[i]
        return self._at(i)

    def __iter__(self) -> Iterator[int]:
        bounds = [*self.starts[1:], self.length]
        for s, o, e in zip(self.starts, self.origins, bounds, strict=True):
            yield from range(o, o + e - s)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self.length, self.starts, self.origins) == (other.length, other.starts, other.origins)
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def first_at_or_after(self, pos: int) -> int:
        """The first clean index whose original is at or after ``pos`` (the map counts up),
        or the last index when none is: ``bisect_left`` over all entries but the last."""
        last = self.length - 1
        ends = self.starts[1:]
        # the first run whose last original reaches pos
        for k, (s, o) in enumerate(zip(self.starts, self.origins, strict=True)):
            end = ends[k] if k < len(ends) else self.length
            if o + (end - s) - 1 >= pos:
                return min(last, s + max(0, pos - o))
        return max(0, last)

    def __repr__(self) -> str:
        return f"Offsets({self.length}, runs={self.runs()})"


@dataclass
class Article:
    id: str  # path relative to the input folder it was found under
    path: str  # path on disk as given
    text: str  # decoded original text; reported offsets point here
    clean: str  # normalised text with boilerplate removed; stages read this
    # offsets[i] = index in ``text`` of clean[i] (len(offsets) == len(clean) + 1), as runs
    offsets: Offsets = field(repr=False, default_factory=Offsets)
    sha256: str = ""
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()  # what reading it set aside (an impossible date), for the user
    language: str | None = None  # ISO 639-1 code of its language (mapper.language), None when unknown

    def __post_init__(self) -> None:
        if not isinstance(self.offsets, Offsets):  # a list of one number per character
            self.offsets = Offsets.of(self.offsets)

    def without_texts(self) -> Article:
        """The same article without its texts and offset map (what the sites and the store's
        rows need of it once the texts are compressed)."""
        return Article(
            id=self.id,
            path=self.path,
            text="",
            clean="",
            sha256=self.sha256,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            language=self.language,
            url=self.url,
            notes=self.notes,
        )

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of ``clean`` to a span of ``text``."""
        if not self.offsets:
            return start, end
        o = self.offsets
        s = o[min(start, len(o) - 1)]
        e = o[end - 1] + 1 if end > start else s
        return s, e

    def excerpt(self, start: int, end: int) -> tuple[str, int, int]:
        """``clean[start:end]`` and the span of ``text`` it comes from (quotes of evidence)."""
        s, e = self.to_original(start, end)
        return self.clean[start:end], s, e

    def to_clean(self, pos: int) -> int:
        """Index in ``clean`` of the first character at or after ``text[pos]``."""
        if not self.offsets:
            return pos
        return self.offsets.first_at_or_after(pos)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (or a geocoder answer shaped like one)."""

    id: str  # "gz:<slug>" curated, "gn:<geonameid>" GeoNames, "geo:<provider>:<hash>"
    name: str
    lat: float
    lon: float
    feature_type: FeatureType
    country: str  # ISO 3166-1 alpha-2, "" when unknown or several
    admin1: str = ""
    aliases: tuple[str, ...] = ()
    parent: str = ""  # id of the enclosing place for sub-sites
    geo_precision: int = 1  # ACLED: 1 exact town, 2 near / part of, 3 region
    source: str = ""  # provenance and licence of the row
    resolved_by: str = "gazetteer"  # "gazetteer", "geonames", "geocoder:<provider>"
    population: int = 0


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in one article (the toponyms stage)."""

    article: str
    start: int  # into Article.text
    end: int
    cstart: int  # into Article.clean
    cend: int
    surface: str  # as written
    key: str  # mapper.names.name_key of the surface form
    confidence: float  # 1.0 a gazetteer name, 0.6 a name found by its context only
    sentence: tuple[int, int]  # clean span of the sentence holding it


@dataclass(slots=True)
class Mention:
    """A toponym with its resolution (made by the resolve stage) and its role (a struck one is
    made anew by the events stage).  Built whole by the stage that makes it; never changed after."""

    article: str
    start: int  # into Article.text
    end: int
    cstart: int  # into Article.clean
    cend: int
    surface: str  # as written
    key: str  # mapper.names.name_key of the surface form
    sentence: tuple[int, int]  # clean span of the sentence holding it
    place: Place | None = None
    literal: bool = True  # False: "Washington said", "Al-Mayadeen confirmed", "Jerusalem Post"
    nonliteral_reason: str = ""
    confidence: float = 1.0
    role: Role = "mentioned"
    evidence: tuple[int, int] | None = None  # clean span of the sentence that places an event here
    date_ref: DateRef | None = None  # the date of that event its sentence gives
    event_type: EventType | None = None  # of the event placed here (struck mentions)
    trigger: tuple[int, int] | None = None  # clean span of the word that reports it ("airstrike")
    precision: int | None = None  # ACLED geo_precision of the event at this place: 1, 2 or 3


@dataclass(frozen=True, slots=True)
class Event:
    """Something violent that happened (the events stage): its kind, where, and the words that say so."""

    seq: int  # its place among the article's events
    event_type: EventType
    trigger: tuple[int, int]  # clean span of the word that reports it
    sentence: tuple[int, int]  # clean span of its sentence
    date_ref: DateRef | None  # the date its sentence gives for it
    places: tuple[str, ...]  # ids of the places where it happened, the most specific named
    precision: tuple[int, ...]  # ACLED geo_precision at each of them
    recalled: bool = False  # an earlier event the article recalls ("in response to the attack on ...")


@dataclass(frozen=True, slots=True)
class Quote:
    """A span of an article's cleaned text, with the span of the original text it comes from."""

    text: str
    start: int  # into Article.text
    end: int


@dataclass
class Claim:
    """A casualty claim: numbers, victims, who says so, and the places it covers."""

    article: str
    quote: str  # from the cleaned text
    start: int  # into Article.text
    end: int
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    victims: str | None = None
    claimant: str | None = None
    places: list[str] = field(default_factory=list)  # Place ids the claim covers
    sites: list[str] = field(default_factory=list)  # site ids, filled by the sites stage
    event_type: EventType | None = None  # of the event it describes
    aside: str = ""  # why it is no event's toll: "running total" ("622 killed since October"), "an earlier event"


@dataclass
class Evidence:
    article: str
    quote: str
    start: int
    end: int
    trigger: str | None = None  # the word that reports the event ("airstrike")
    event_type: EventType | None = None


@dataclass
class Site:
    site_id: str
    place: Place
    role: Role
    names_seen: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    event_types: list[EventType] = field(default_factory=list)  # of the events placed here
    geo_precision: int | None = None  # the best of those events' (None: the place's own)
    event_date: str | None = None  # ISO date
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    corrections: list[Applied] = field(default_factory=list)  # the analyst's, applied (mapper.corrections)


@dataclass
class Problem:
    """Something the run could not do; reported, never fatal for the run."""

    path: str
    message: str
    line: int | None = None
    skipped: bool = True  # False: the file was read, without what the message names

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class ArticleResult:
    """What the per-article stages produce for one article."""

    article: Article
    mentions: list[Mention]
    claims: list[Claim]
    unresolved: list[str] = field(default_factory=list)
    event_ref: DateRef | None = None  # first date given in a sentence reporting a strike
    events: list[Event] = field(default_factory=list)
    # the evidence the sites quote, kept when the article's texts are dropped (``sites.lean_result``)
    quotes: dict[tuple[int, int], Quote] = field(default_factory=dict, repr=False, compare=False)

    def quote(self, span: tuple[int, int]) -> Quote:
        """The article's cleaned text over ``span``, with the original span it comes from."""
        kept = self.quotes.get(span)
        if kept is not None:
            return kept
        text, s, e = self.article.excerpt(*span)
        return Quote(text, s, e)


@dataclass
class RunResult:
    articles: list[Article]
    sites: list[Site]
    claims: list[Claim]
    unresolved: dict[str, list[str]]  # name -> article ids
    problems: list[Problem]
    outputs: dict[str, str] = field(default_factory=dict)  # kind -> path
    event_dates: dict[str, str | None] = field(default_factory=dict)  # article id -> ISO date
    ingested: Any = None  # what the run read and added (``mapper.store.Ingested``), when it read any
    store: str | None = None  # the store it kept
    # every stored correction, with the site it fixed (or None when its site is gone)
    corrections: list[Applied] = field(default_factory=list)


EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' points, in km."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
