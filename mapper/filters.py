"""Which sites to show: by event date, country, event type and killed figure.

The one definition of the filters ``mapper sites`` and ``mapper export`` take
(``--since``, ``--until``, ``--country``, ``--event-type``, ``--min-killed``), usable
from a notebook as well::

    from mapper.filters import SiteFilter
    where = SiteFilter.make(since="2024-02-01", countries=["Syria"], min_killed=1)
    [s for s in result.sites if where.site(s)]      # Site objects (a RunResult's)
    [f for f in fc["features"] if where.feature(f)]  # GeoJSON features (sites.geojson)
    where.result(result)                             # a RunResult holding only those sites

Rules: a date bound, an event type or a least killed figure keeps only struck sites
(a place merely mentioned, or that an analyst found not struck, has no strike to
date or count); a date bound keeps those whose event date lies within it (both
ends included), so undated ones go; ``countries`` (ISO 3166
alpha-2 or alpha-3 codes, or English names) keeps the sites in any of them;
``event_types`` keeps the sites with any of those types among their ``event_types``
(a site the events stage gave no types never matches); ``min_killed`` keeps the struck
sites whose lowest reported killed figure (``killed_min``, after the analyst's
corrections) is at least that.  All the filters given must hold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args

from .models import EventType, RunResult, Site

# the events stage's types (``acled.EVENT_TYPES`` maps each to ACLED's)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class FilterError(ValueError):
    """A filter that cannot be used (an unknown country, a bad date); one line."""


def country_code(text: str) -> str:
    """ISO 3166 alpha-2 of a code (``SY``, ``SYR``) or an English name (``Syria``)."""
    t = text.strip()
    if len(t) == 2 and t.isalpha():
        return t.upper()
    try:
        from countryinfo import CountryInfo

        return str(CountryInfo(t).iso()["alpha2"]).upper()
    except Exception:
        raise FilterError(f"unknown country {text!r} (give its ISO code, e.g. SY, or its English name)") from None


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise FilterError(f"{value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class SiteFilter:
    since: date | None = None
    until: date | None = None
    countries: frozenset[str] = frozenset()  # ISO 3166 alpha-2
    event_types: frozenset[str] = frozenset()
    min_killed: int | None = None

    @classmethod
    def make(
        cls,
        *,
        since: str | date | None = None,
        until: str | date | None = None,
        countries: Iterable[str] = (),
        event_types: Iterable[str] = (),
        min_killed: int | None = None,
    ) -> SiteFilter:
        """A filter from what a user types (dates as text, countries by name or code)."""
        types = frozenset(event_types)
        unknown = sorted(types - set(EVENT_TYPES))
        if unknown:
            raise FilterError(f"unknown event type {unknown[0]!r} (one of {', '.join(EVENT_TYPES)})")
        if min_killed is not None and min_killed < 0:
            raise FilterError("the least killed figure cannot be negative")
        where = cls(_day(since), _day(until), frozenset(country_code(c) for c in countries), types, min_killed)
        if where.since and where.until and where.since > where.until:
            raise FilterError(f"--since {where.since} is after --until {where.until}")
        return where

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.countries or self.event_types or self.min_killed is not None)

    def matches(
        self,
        *,
        role: str,
        event_date: str | None,
        country: str | None,
        event_types: Iterable[str] | None,
        killed_min: int | None,
    ) -> bool:
        if (self.since or self.until or self.event_types or self.min_killed is not None) and role != "struck":
            return False  # these ask about strikes: a place only mentioned (or found not struck) has none
        if self.since or self.until:
            when = _safe_day(event_date)
            if when is None or (self.since and when < self.since) or (self.until and when > self.until):
                return False
        if self.countries and (country or "").upper() not in self.countries:
            return False
        if self.event_types and not self.event_types & set(event_types or ()):
            return False
        return self.min_killed is None or (
            role == "struck" and killed_min is not None and killed_min >= self.min_killed
        )

    def site(self, s: Site) -> bool:
        return self.matches(
            role=s.role,
            event_date=s.event_date,
            country=s.place.country,
            event_types=s.event_types,
            killed_min=s.killed_min,
        )

    def feature(self, f: Mapping[str, Any]) -> bool:
        p = f.get("properties") or {}
        return self.matches(
            role=p.get("role") or "",
            event_date=p.get("event_date"),
            country=p.get("country"),
            event_types=p.get("event_types"),
            killed_min=p.get("killed_min"),
        )

    def result(self, r: RunResult) -> RunResult:
        """``r`` with only the sites this filter keeps (the articles, claims and problems as they are)."""
        return dataclasses.replace(r, sites=[s for s in r.sites if self.site(s)])


def _safe_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


__all__ = ["EVENT_TYPES", "FilterError", "SiteFilter", "country_code"]
