"""Plain dataclasses passed between the stages.

ingest -> Article; toponyms -> Mention; resolve -> Place on each Mention;
roles & casualties -> Mention.role / Claim; sites -> Site; export reads Sites.

Offsets: every ``start``/``end`` a user sees points into ``Article.text``, the
decoded original text of the file (for HTML: the text the extractor returned).
Stages work on ``Article.clean`` and translate with ``Article.to_original``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .dates import DateRef

# feature types that are never a struck site (too coarse to be a point)
AREA_TYPES = frozenset({"country", "territory", "continent", "macro-region", "sea", "river"})


@dataclass
class Article:
    id: str  # path relative to the input folder it was found under
    path: str  # path on disk as given
    text: str  # decoded original text; reported offsets point here
    clean: str  # normalised text with boilerplate removed; stages read this
    # offsets[i] = index in ``text`` of clean[i] (len(offsets) == len(clean) + 1)
    offsets: list[int] = field(repr=False, default_factory=list)
    sha256: str = ""
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()  # what reading it set aside (an impossible date), for the user

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
        return bisect.bisect_left(self.offsets, pos, 0, len(self.offsets) - 1)


@dataclass
class LeanArticle(Article):
    """An analysed article without its texts: the metadata, plus the excerpts the sites
    stage quotes (``mapper.pipeline.lean``).  Holding 100,000 of these costs little;
    ``text``, ``clean`` and ``offsets`` are empty, so spans can no longer be mapped.
    """

    excerpts: dict[tuple[int, int], tuple[str, int, int]] = field(repr=False, default_factory=dict)

    def excerpt(self, start: int, end: int) -> tuple[str, int, int]:
        try:
            return self.excerpts[(start, end)]
        except KeyError:
            raise LookupError(f"{self.id}: texts dropped; no excerpt kept for {start}-{end}") from None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.excerpt(start, end)[1:]

    def to_clean(self, pos: int) -> int:
        raise LookupError(f"{self.id}: texts dropped; offsets are gone")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (or a geocoder answer shaped like one)."""

    id: str  # "gz:<slug>" curated, "gn:<geonameid>" GeoNames, "geo:<provider>:<hash>"
    name: str
    lat: float
    lon: float
    feature_type: str  # city, town, village, facility, crossing, shrine, admin1, country, region
    country: str  # ISO 3166-1 alpha-2, "" when unknown or several
    admin1: str = ""
    aliases: tuple[str, ...] = ()
    parent: str = ""  # id of the enclosing place for sub-sites
    geo_precision: int = 1  # ACLED: 1 exact town, 2 near / part of, 3 region
    source: str = ""  # provenance and licence of the row
    resolved_by: str = "gazetteer"  # "gazetteer", "geonames", "geocoder:<provider>"
    population: int = 0


@dataclass
class Mention:
    """One place name found in one article."""

    article: str
    start: int  # into Article.text
    end: int
    cstart: int  # into Article.clean
    cend: int
    surface: str  # as written
    key: str = ""  # mapper.names.name_key of the surface form
    place: Place | None = None
    literal: bool = True  # False: "Washington said", "Al-Mayadeen confirmed", "Jerusalem Post"
    nonliteral_reason: str = ""
    role: str = "mentioned"  # "struck" | "mentioned"
    sentence: tuple[int, int] = (0, 0)  # clean span of the sentence holding it
    evidence: tuple[int, int] | None = None  # clean span of the clause that places a strike here
    date_ref: DateRef | None = None  # a date the evidence sentence gives
    date: date | None = None  # that date resolved to the calendar (sites stage)
    confidence: float = 1.0


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


@dataclass
class Evidence:
    article: str
    quote: str
    start: int
    end: int


@dataclass
class Site:
    site_id: str
    place: Place
    role: str  # "struck" | "mentioned"
    names_seen: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    event_date: str | None = None  # ISO date
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None


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
