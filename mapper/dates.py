"""Dates in news text: full dates, day-month without a year, weekdays.

``find_dates`` returns what a span of text says; ``DateRef.resolve`` turns it
into a calendar date against a reference (the article's publication date or a
date other articles of the same event give).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

_M = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Each pattern opens with a look-ahead on the characters a match can start with
# (weekday and month initials, digits, ...): it changes no match, but lets the
# engine leave most positions of a text after one test.
_PATTERNS = [
    ("full", re.compile(rf"(?=[ADFJMNOSTW])\b(?:{_WD},?\s+)?{_M}\s+{_D},?\s+{_Y}\b")),
    ("full", re.compile(rf"(?=[FMSTW\d])\b(?:{_WD},?\s+)?{_D}\s+{_M},?\s+{_Y}\b")),
    ("iso", re.compile(r"(?=[12])\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("partial", re.compile(rf"(?=\d)\b{_D}\s+{_M}\b")),
    ("partial", re.compile(rf"(?=[ADFJMNOS])\b{_M}\s+{_D}\b(?!\s*:)")),
    ("weekday", re.compile(rf"(?=[eFlMnoStTW\s])\b(?P<mod>last|this|next|on|early|late)?\s*{_WD}\b")),
    ("today", re.compile(r"(?=t)\b(?:today|tonight|this morning|this evening)\b", re.I)),
]
_FULL_KINDS = ("full", "iso")  # the patterns giving full dates come first

# Dates outside these are no date of news: Go's zero time (0001-01-01) and 9999-12-31 come
# from exports, and resolving "last Friday" against them would leave the calendar.
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def plausible(d: date | None) -> bool:
    """Whether ``d`` can be the date of a news report (see ``EARLIEST``, ``LATEST``)."""
    return d is not None and EARLIEST <= d <= LATEST


@dataclass(frozen=True)
class DateRef:
    kind: str  # "full" | "partial" | "weekday" | "today"
    start: int
    end: int
    value: date | None = None  # full
    month: int = 0  # partial
    day: int = 0
    weekday: int = -1
    modifier: str = ""

    def resolve(self, ref: date | None) -> date | None:
        """A calendar date, using ``ref`` (a date on or after the event) where needed."""
        if self.kind == "full":
            return self.value
        if ref is None or not plausible(ref):  # (an implausible reference is no reference)
            return None
        if self.kind == "today":
            return ref
        if self.kind == "partial":
            for year in (ref.year, ref.year - 1):
                try:
                    d = date(year, self.month, self.day)
                except ValueError:
                    return None
                if d <= ref + timedelta(days=7):
                    return d
            return None
        back = (ref.weekday() - self.weekday) % 7
        if self.modifier == "next":
            return ref + timedelta(days=(self.weekday - ref.weekday()) % 7 or 7)
        if self.modifier == "last" and back == 0:
            back = 7
        return ref - timedelta(days=back)


def _mk(kind: str, m: re.Match[str], base: int) -> DateRef | None:
    g = m.groupdict()
    s, e = m.start() + base, m.end() + base
    try:
        if kind == "iso":
            return DateRef("full", s, e, value=date(int(g["year"]), int(g["mon"]), int(g["day"])))
        if kind == "full":
            month = MONTHS[g["month"].lower().rstrip(".")]
            return DateRef("full", s, e, value=date(int(g["year"]), month, int(g["day"])))
        if kind == "partial":
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["day"])
            date(2024, month, day)  # validates (2024 is a leap year)
            return DateRef("partial", s, e, month=month, day=day)
        if kind == "weekday":
            return DateRef(
                "weekday",
                s,
                e,
                weekday=WEEKDAYS[g["wd"].lower()],
                modifier=(g.get("mod") or "").lower(),
            )
        if kind == "today":
            return DateRef("today", s, e)
    except (ValueError, KeyError):
        return None
    return None


def find_dates(text: str, base: int = 0, *, full_only: bool = False) -> list[DateRef]:
    """All date expressions in ``text``, longest first where they overlap, in order.

    ``full_only``: only the full dates (the same ones as without it: the patterns
    for full dates run first, so no other kind can take their place).
    """
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PATTERNS:
        if full_only and kind not in _FULL_KINDS:
            break
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            ref = _mk(kind, m, base)
            if ref is not None:
                found.append(ref)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda r: r.start)


_YEAR = re.compile(r"(?:19|20)\d\d")  # every full date has one


def first_full_date(text: str) -> date | None:
    if not _YEAR.search(text):
        return None
    for r in find_dates(text, full_only=True):
        if r.kind == "full":
            return r.value
    return None
