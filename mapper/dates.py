"""Dates in news text: full dates, day-month without a year, weekdays.

``find_dates`` returns what a span of text says; ``DateRef.resolve`` turns it
into a calendar date against a reference (the article's publication date or a
date other articles of the same event give).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from . import rx
from .gates import gated
from .text import SPACES

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
_PARTS = r"(?=[DMNWdmnw])(?:night|morning|afternoon|evening|Night|Morning|Afternoon|Evening|dawn|midday|noon|Dawn)"
# the relative days and how many days before the reference date each names
RELATIVE_DAYS = {
    "day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "last evening": -1,
    "overnight": -1,
    # "the previous night", "the night before": the report's day before, as nearly as it can be told
    **{f"{a} {b}": -1 for a in ("previous", "preceding") for b in ("night", "evening", "day")},
    **{f"{b} before": -1 for b in ("night", "evening", "day")},
    "": 0,  # today, tonight, this morning, this evening
}
_PATTERNS = [
    ("full", rx.compile(rf"(?=[ADFJMNOSTW])\b(?:{_WD},?\s+)?{_M}\s+{_D},?\s+{_Y}\b")),
    ("full", rx.compile(rf"(?=[FMSTW\d])\b(?:{_WD},?\s+)?{_D}\s+{_M},?\s+{_Y}\b")),
    # "23-May-2012", "23-May-12" is no year
    ("full", rx.compile(rf"(?=\d)\b{_D}-{_M}-{_Y}\b")),
    ("iso", rx.compile(r"(?=[12])\b(?P<year>(?:19|20)\d\d)([-/.])(?P<mon>[01]?\d)\2(?P<day>[0-3]?\d)\b(?![-/.]\d)")),
    # "29-06-2022", "29.06.2022", "29/06/2022" (day first; the month first only when the day
    # could be no month: "06/29/2022"; "06/07/2022" with slashes is no date)
    (
        "dmy",
        rx.compile(
            r"(?=\d)(?<![\d/.-])(?P<a>[0-3]?\d)([-/.])(?P<b>[01]?\d|[1-3]\d)\2(?P<year>(?:19|20)\d\d)\b(?![-/.]\d)"
        ),
    ),
    ("partial", rx.compile(rf"(?=\d)\b{_D}\s+{_M}\b")),
    ("partial", rx.compile(rf"(?=[ADFJMNOS])\b{_M}\s+{_D}\b(?!\s*:)")),
    (
        "weekday",
        rx.compile(rf"(?=[eFlMnoStTW\s])\b(?P<mod>last|this|next|on|early|late)?\s*{_WD}\b(?:\s+{_PARTS}\b)?"),
    ),
    ("today", rx.compile(r"(?=t)\b(?:today|tonight|this morning|this evening)\b", re.I)),
    # "yesterday", "last night", "overnight" (not "overnight Sunday": that is Sunday)
    (
        "relative",
        rx.compile(
            r"(?=[ltoyLTOY])\b(?P<rel>(?:the\s+day\s+before\s+)?yesterday|last\s+(?:night|evening)|overnight|"
            r"the\s+(?:previous|preceding)\s+(?:night|evening|day)|"
            # not "the day before the ceasefire", "the night before Christmas"
            r"the\s+(?:night|evening|day)\s+before(?![\s-]+(?:(?-i:[A-Z])|(?:the|a|an|his|her|their|its|this|that|last)\b)))\b"
            r"(?!\s+(?:on\s+|into\s+|to\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))",
            re.I,
        ),
    ),
]
_FULL_KINDS = ("full", "iso", "dmy")  # the patterns giving full dates come first

# Dates outside these are no date of news: Go's zero time (0001-01-01) and 9999-12-31 come
# from exports, and resolving "last Friday" against them would leave the calendar.
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def plausible(d: date | None) -> bool:
    """Whether ``d`` can be the date of a news report (see ``EARLIEST``, ``LATEST``)."""
    return d is not None and EARLIEST <= d <= LATEST


@dataclass(frozen=True)
class DateRef:
    kind: str  # "full" | "partial" | "weekday" | "today" (or "yesterday", ... in ``modifier``)
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
            # "yesterday", "last night", "overnight" (kept in ``modifier``): days before ``ref``
            return ref + timedelta(days=RELATIVE_DAYS.get(self.modifier, 0))
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
        if kind == "dmy":
            a, b = int(g["a"]), int(g["b"])
            if b > 12 >= a and m.group(2) == "/":  # "06/29/2022": month first
                a, b = b, a
            elif m.group(2) == "/" and a <= 12 and b <= 12 and a != b:  # "06/07/2022": which is the month?
                return None
            return DateRef("full", s, e, value=date(int(g["year"]), b, a))
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
        if kind == "relative":
            rel = SPACES.sub(" ", g["rel"].lower()).removeprefix("the ")
            return DateRef("today", s, e, modifier=rel)
    except (ValueError, KeyError):
        return None
    return None


def find_dates(text: str, base: int = 0, *, full_only: bool = False) -> list[DateRef]:
    """All date expressions in ``text``, longest first where they overlap, in order.

    ``full_only``: only the full dates (the same ones as without it: the patterns
    for full dates run first, so no other kind can take their place).
    """
    found: list[DateRef] = []
    # the spans taken, which never overlap: kept in order, so that an overlap is looked
    # for in the two neighbours of a new span only
    starts: list[int] = []
    ends: list[int] = []
    for kind, pattern in _PATTERNS:
        if full_only and kind not in _FULL_KINDS:
            break
        for m in pattern.finditer(text):
            s, e = m.span()
            i = bisect_left(starts, s)
            if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
                continue
            ref = _mk(kind, m, base)
            if ref is not None:
                found.append(ref)
                starts.insert(i, s)
                ends.insert(i, e)
    return sorted(found, key=lambda r: r.start)


_YEAR = rx.compile(r"(?:19|20)\d\d")  # every full date has one
# what stands just before a full date's year, its white space and comma left out: the day
# ("May 23, 2012") or the month ("23 May 2012", "23 May. 2012")
_DAY_ENDS = rx.compile(r"\d(?:st|nd|rd|th)?\Z")
_MONTH_ENDS = rx.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\Z"
)
_LONGEST_MONTH = len("September.")


def may_hold_full_date(text: str) -> bool:
    """Whether one of the full dates' patterns may match in ``text``: false only where none can.

    Every full date has a year, and what stands beside it is one of: a separator after it
    ("2012-05-23"), one before it ("23-05-2012", "23-May-2012"), or white space after the day
    or the month, with a comma or not ("May 23, 2012", "23 May 2012").  A year that a pattern
    uses has no digit before it, so the years that ``_YEAR`` finds one after another (never
    overlapping) include it.  Most articles name a year and hold no full date; for them this
    costs a few microseconds instead of the five patterns' walks of the whole text."""
    for m in _YEAR.finditer(text):
        y = m.start()
        if text[y + 4 : y + 5] in ("-", "/", "."):
            return True
        if y == 0:
            continue
        before = text[y - 1]
        if before in ("-", "/", "."):
            return True
        if before.isspace():
            p = y - 1
            while p > 0 and text[p - 1].isspace():
                p -= 1
            if p > 0 and text[p - 1] == ",":
                p -= 1
            head = text[max(0, p - _LONGEST_MONTH) : p]
            if _DAY_ENDS.search(head) or _MONTH_ENDS.search(head):
                return True
    return False


def first_full_date(text: str) -> date | None:
    if not may_hold_full_date(text):
        return None
    for r in find_dates(text, full_only=True):
        if r.kind == "full":
            return r.value
    return None


# --------------------------------------------------------------------------- an article's own date

# A release's reference code that opens with its year and month: "2010-08-CA-014", "2013-01-S-025"
_REF_CODE = rx.compile(r"(?=[12])\b(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-[A-Z]{1,4}-\d{1,4}\b")
_LINE_START = r"(?:^|(?<=[\n\r\u2028\u2029]))[ \t\u00a0]*"
# "KABUL, Afghanistan (Aug. 14)", "GAZA CITY, Oct 12 (Reuters) -", "Kyiv, 23 May 2012 (AFP) -":
# a place in capitals or title case at the start of a line, then the date after "(" or ","
_DATELINE = rx.compile(
    _LINE_START + r"(?:[A-Z][A-Za-z.'’-]*)(?:[ \t][A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'’-]*(?:[ \t][A-Z][A-Za-z.'’-]*){0,2})?[ \t]*[(,][ \t]*(?=\S)"
)
# "Apr. 23: Afghan-ISAF Operations in ...": a date that opens a line
_DATE_OPENS_LINE = rx.compile(_LINE_START + r"(?=\S)")
_LINE_BREAK = rx.compile(r"[\n\r\u2028\u2029]")  # (what _LINE_START looks behind for)
_TITLE_DATE = rx.compile(rf"{_M}\s+{_D}(?=\s*:\s)")  # "Apr. 23: Afghan-ISAF Operations in ..."
_HEAD_CHARS = 1200  # where an article's own date is looked for
_HEADER_LINE = 120  # a line of a header (title, agency, reference) is no longer than this


def _year_for(month: int, year: int, of_month: int) -> int:
    """The year of ``month`` in a date written near one of ``year``-``of_month`` (a release
    of January may be dated 31 December of the year before)."""
    if month - of_month > 6:
        return year - 1
    if of_month - month > 6:
        return year + 1
    return year


def dateline_date(text: str, ref: date | None = None) -> date | None:
    """The date an article gives itself at its top: its dateline ("KABUL, Afghanistan (Aug. 14)",
    "BEIRUT, May 23, 2012 (AFP) -"), or a date that opens a line of the header ("Apr. 23: ...")
    or ends one ("... Operational Update March 17, 2011").

    A date without a year takes it from a reference code at the top whose first part is
    the year and month ("2010-08-CA-014"), else from a full date of the header, else from
    ``ref`` (the publication date, if known); never from the day the program runs.
    """
    head = text[:_HEAD_CHARS]
    if not head.strip():
        return None
    found: list[tuple[int, DateRef]] = []  # (rank, date): a dateline first, then header lines
    # (both patterns match only at a line's start and never across a line break, so matching them
    # at each line's start finds what a search finds, without trying every position of the head)
    starts = [0, *(b.end() for b in _LINE_BREAK.finditer(head))]
    for m in filter(None, (_DATELINE.match(head, p) for p in starts)):
        r = _date_at(head, m.end())
        if r is not None:
            found.append((0, r))
            break
    if not found:
        for m in filter(None, (_DATE_OPENS_LINE.match(head, p) for p in starts)):
            r = _date_at(head, m.end())
            if r is None:
                t = _TITLE_DATE.match(head, m.end())
                r = _mk("partial", t, 0) if t else None
            if r is not None:
                found.append((1, r))
                break
    if not found:
        for line_start, line in _header_lines(head):
            refs = [r for r in find_dates(line, line_start) if r.kind in ("full", "partial")]
            if refs and not line[refs[-1].end - line_start :].strip(" \t\u00a0.,;:-–—)"):
                found.append((2, refs[-1]))
                break
    if not found:
        return None
    r = found[0][1]
    if r.kind == "full":
        return r.value if plausible(r.value) else None
    code = _REF_CODE.search(head)
    if code:
        year, month = int(code["year"]), int(code["mon"])
        return _on(_year_for(r.month, year, month), r.month, r.day)
    # (of a line above the date's: its own may go on with the story)
    above = [line for start, line in _header_lines(head) if start + len(line) < r.start]
    full = next((d for line in above if (d := first_full_date(line)) is not None), None)
    if full is not None and plausible(full):
        return _on(_year_for(r.month, full.year, full.month), r.month, r.day)
    got = r.resolve(ref)
    return got if plausible(got) else None


def _on(year: int, month: int, day: int) -> date | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return d if plausible(d) else None


def _date_at(text: str, pos: int) -> DateRef | None:
    """A full or partial date that starts at ``pos``."""
    for kind, pattern in _PATTERNS:
        if kind in ("weekday", "today", "relative"):
            continue
        m = pattern.match(text, pos)
        if m is not None:
            r = _mk(kind, m, 0)
            if r is not None:
                return r
    return None


def _header_lines(head: str) -> list[tuple[int, str]]:
    """The short lines at the top of ``head`` (a header ends at its first long line)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in _LINE_BREAK.split(head):
        if len(line.strip()) > _HEADER_LINE:
            break
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


# --------------------------------------------------------------------------- the date of an event

# "said on Thursday", "announced Friday", "told reporters late on Monday", "said in a statement on
# Sunday", "a statement issued Friday": a date that belongs to the words, not to what they report
_SPEECH_VERB = (
    r"(?:said|says|say|told(?:\s+\w+){0,2}|tells|announced|announces|reported|reports|stated|confirmed|claimed|"
    r"added|denied|acknowledged|admitted|declared|tweeted|wrote|posted|warned|vowed|insisted|noted|"
    r"statement(?:\s+(?:released|issued|published|posted))?|(?:press\s+)?(?:release|briefing|conference)|"
    r"interview)"
)
_SPEECH_BEFORE = gated(
    rf"\b{_SPEECH_VERB}(?:\s+(?:in\s+a\s+(?:statement|briefing|video|post|speech|interview)|late|early|later|"
    r"earlier|on|at\s+a\s+\w+(?:\s+\w+)?))*\s+$",
    re.I,
)
# "on Thursday said", "on Tuesday the army said" (but in "struck on Monday, officials said" the
# date is the strike's)
_SPEECH_AFTER = rx.compile(rf"^\s+(?:(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?{_SPEECH_VERB}\b", re.I)


def _spoken(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is when something was said ("said on Thursday")."""
    while start < end and text[start].isspace():
        start += 1
    return bool(_SPEECH_BEFORE.search(text[max(0, start - 60) : start]) or _SPEECH_AFTER.match(text[end : end + 40]))


def event_date_ref(sentence_text: str, trigger_start: int, base: int = 0) -> DateRef | None:
    """The date expression of ``sentence_text`` that dates the attack whose word ("airstrike",
    "killed", "struck") starts at ``trigger_start`` (an index into ``sentence_text``), not the
    date of a statement about it: in "the army said on Thursday it had killed 24 in an
    airstrike on Wednesday" it is "on Wednesday".  The nearest date that is not a statement's;
    none when the sentence dates only the statement.  Spans are offset by ``base`` as in
    ``find_dates``.
    """
    best: tuple[int, int, DateRef] | None = None
    for r in find_dates(sentence_text, base):
        s, e = r.start - base, r.end - base
        if _spoken(sentence_text, s, e):
            continue
        # distance to the trigger; at equal distance the date after it ("killed 5 on Monday")
        dist = s - trigger_start if s >= trigger_start else trigger_start - e
        key = (max(dist, 0), 0 if s >= trigger_start else 1)
        if best is None or key < best[:2]:
            best = (key[0], key[1], r)
    return best[2] if best else None
