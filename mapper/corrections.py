"""The analyst's corrections: fixes made by hand that every later run, export and listing keeps.

An analyst checks the map and fixes it (``mapper fix``): a site put in the wrong place
(``at``: its coordinates), a place that was not struck (``not_struck``), a toll misread
(``killed``, ``injured``: a range, ``16``, ``16-20`` or ``16+``).  Corrections live in
the store (table ``corrections``), never in the analyses, so re-analysis and
``--reanalyse`` leave them alone; ``apply`` lays them over the sites every time the sites
are built (``outputs.build``), so the outputs, ``mapper sites`` and the stored sites
all show them.

Which site a correction fixes
    The site whose ``site_id`` (``<place id>@<event date>``) it names.  Re-analysis may
    move a site's event date by a day or two (another article joined the event): when
    that id is gone, the one struck site of the same place whose event date is within
    ``sites.SAME_EVENT_DAYS`` days takes it.  Otherwise (the place is no longer struck,
    the article was forgotten, or several sites are as near) the correction is kept
    and applied to nothing: ``mapper fix --list`` and ``report.json`` list it as not
    applied, and it applies again as soon as its site is back.

What each kind does
    ``at`` moves the site (its place elsewhere is untouched); ``not_struck`` makes the
    site a mentioned place, takes it off its claims and drops its figures and event types; ``killed``
    and ``injured`` replace the site's range (its claims stay listed as reported).  Of
    several corrections of one kind on one site the latest wins; each one applied is
    listed on the site (``Site.corrections``) with what it replaced, so the popup, the
    GeoJSON and the CSV say it is an analyst's correction and when it was made.
    ``mapper fix --undo ID`` withdraws one (the row stays, marked undone).

Moving corrections between machines: ``write_csv`` / ``read_csv`` (``mapper export
--format corrections``, ``mapper fix --load``); loading the same file twice adds
nothing the second time.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from . import rx
from .models import Problem, RunResult, Site

KINDS = ("at", "not_struck", "killed", "injured")
CSV_COLUMNS = ["id", "site_id", "kind", "latitude", "longitude", "min", "max", "note", "made"]

Range = tuple[int | None, int | None]


class CorrectionError(ValueError):
    """A correction that cannot be made; the message is one line."""


@dataclass(frozen=True)
class Correction:
    """One correction as the store keeps it.

    ``value``: ``(lat, lon)`` for ``at``, ``None`` for ``not_struck``, ``(min, max)``
    for ``killed``/``injured`` (``max`` None: open, "at least min").
    """

    site_id: str
    kind: str
    value: Any
    note: str = ""
    made: str = ""  # UTC time, ISO 8601
    id: int | None = None
    undone: str | None = None

    def __post_init__(self) -> None:
        check(self)

    def describe(self) -> str:
        """What it does, in words: "moved to 34.10000, 41.00000", "not struck", "killed 16"."""
        return describe(self.kind, self.value)

    def key(self) -> tuple[str, str, str, str]:
        """What makes two corrections the same one (loading a file twice adds it once)."""
        return (self.site_id, self.kind, _value_text(self.kind, self.value), self.made)


@dataclass
class Applied:
    """A correction laid over the sites: the site it fixed (None: none now) and the value it replaced."""

    correction: Correction
    site_id: str | None
    was: Any = None

    def describe(self) -> str:
        """What it did: "moved to 34.10000, 41.00000 (was 34.37000, 41.06000)", "killed 16 (was at least 14)"."""
        c = self.correction
        if c.kind == "not_struck":
            return "not struck (was reported struck)"
        if self.was is None:
            return c.describe()
        if c.kind == "at":
            return f"{c.describe()} (was {self.was[0]:.5f}, {self.was[1]:.5f})"
        return f"{c.describe()} (was {_range_text(self.was)})"


# --------------------------------------------------------------------------- values


def check(c: Correction) -> None:
    if c.kind not in KINDS:
        raise CorrectionError(f"unknown kind of correction {c.kind!r} (one of {', '.join(KINDS)})")
    if not c.site_id or c.site_id != c.site_id.strip():
        raise CorrectionError(f"bad site id {c.site_id!r}")
    if c.kind == "at":
        lat, lon = c.value
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CorrectionError(f"{lat}, {lon} is not a point on Earth (latitude -90..90, longitude -180..180)")
    elif c.kind == "not_struck":
        if c.value is not None:
            raise CorrectionError("not_struck takes no value")
    else:
        lo, hi = c.value
        if lo is None or lo < 0 or (hi is not None and hi < lo):
            raise CorrectionError(f"bad {c.kind} figure {c.value!r}")


def parse_point(text: str) -> tuple[float, float]:
    """``"34.37,41.06"`` (latitude first, as maps give it) -> (lat, lon)."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError:
        raise CorrectionError(f"{text!r} is not LAT,LON (e.g. 34.37,41.06)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CorrectionError(f"{text!r} is not a point on Earth (latitude -90..90, longitude -180..180)")
    return lat, lon


_RANGE = rx.compile(r"\s*(\d+)\s*(?:(\+)|[-\u2013]\s*(\d+))?\s*")


def parse_range(text: str) -> Range:
    """A casualty figure: ``"16"`` -> (16, 16), ``"16-20"`` -> (16, 20), ``"16+"`` -> (16, None)."""
    m = _RANGE.fullmatch(text)
    if not m:
        raise CorrectionError(f"{text!r} is not a figure (16, 16-20 or 16+)")
    lo = int(m.group(1))
    hi = None if m.group(2) else int(m.group(3) or lo)
    if hi is not None and hi < lo:
        raise CorrectionError(f"{text!r}: the upper bound is below the lower one")
    return lo, hi


def _range_text(value: Range) -> str:
    lo, hi = value
    if lo is None and hi is None:
        return "not reported"
    if lo is None:
        return f"up to {hi}"
    if hi is None:
        return f"at least {lo}"
    return str(lo) if lo == hi else f"{lo}-{hi}"


def describe(kind: str, value: Any) -> str:
    if kind == "at":
        lat, lon = value
        return f"moved to {lat:.5f}, {lon:.5f}"
    if kind == "not_struck":
        return "not struck"
    return f"{kind} {_range_text(value)}"


def _value_text(kind: str, value: Any) -> str:
    if kind == "at":
        return f"{value[0]!r},{value[1]!r}"
    if kind == "not_struck":
        return ""
    return f"{value[0]},{'' if value[1] is None else value[1]}"


def to_json(kind: str, value: Any) -> Any:
    """The value as the store and the GeoJSON keep it (a list, or null)."""
    return None if value is None else list(value)


def from_json(kind: str, raw: Any) -> Any:
    if kind == "not_struck":
        return None
    a, b = raw
    if kind == "at":
        return float(a), float(b)
    return (None if a is None else int(a)), (None if b is None else int(b))


# --------------------------------------------------------------------------- applying


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def find_site(site_id: str, sites: list[Site], by_id: dict[str, Site] | None = None) -> Site | None:
    """The site a correction of ``site_id`` fixes (see the module notes), or None."""
    from .sites import SAME_EVENT_DAYS

    by_id = by_id if by_id is not None else {s.site_id: s for s in sites}
    hit = by_id.get(site_id)
    if hit is not None:
        return hit
    place, _, when = site_id.rpartition("@")
    day = _day(when)
    if not place or day is None:
        return None
    near = [
        s
        for s in sites
        if s.place.id == place
        and s.role == "struck"
        and (d := _day(s.event_date)) is not None
        and abs((d - day).days) <= SAME_EVENT_DAYS
    ]
    return near[0] if len(near) == 1 else None


def apply(result: RunResult, corrections: Iterable[Correction]) -> RunResult:
    """Lay ``corrections`` (in the order made) over the sites of ``result``, in place.

    Every correction is listed in ``result.corrections`` with the site it fixed (or
    None); each site lists those applied to it.  Returns ``result``.
    """
    by_id = {s.site_id: s for s in result.sites}
    applied: list[Applied] = []
    for c in sorted(corrections, key=lambda c: (c.made, c.id or 0)):
        site = find_site(c.site_id, result.sites, by_id)
        if site is None:
            applied.append(Applied(c, None))
            continue
        a = Applied(c, site.site_id, _fix(site, c))
        site.corrections.append(a)
        applied.append(a)
    result.corrections = applied
    return result


def _fix(site: Site, c: Correction) -> Any:
    """Change ``site`` as ``c`` says; the value it replaced."""
    if c.kind == "at":
        was = (site.place.lat, site.place.lon)
        lat, lon = c.value
        site.place = dataclasses.replace(site.place, lat=lat, lon=lon)
        return was
    if c.kind == "not_struck":
        if site.role != "struck":
            return None
        site.role = "mentioned"
        for claim in site.claims:
            claim.sites = [s for s in claim.sites if s != site.site_id]
        site.claims = []
        site.event_types = []
        site.killed_min = site.killed_max = site.injured_min = site.injured_max = None
        return None
    lo, hi = c.value
    if c.kind == "killed":
        figures: Range = (site.killed_min, site.killed_max)
        site.killed_min, site.killed_max = lo, hi
    else:
        figures = (site.injured_min, site.injured_max)
        site.injured_min, site.injured_max = lo, hi
    return figures


def feature_corrections(site: Site) -> list[dict[str, Any]]:
    """The corrections applied to ``site``, as its GeoJSON property ``corrections`` lists them."""
    out = []
    for a in site.corrections:
        c = a.correction
        out.append(
            {
                "id": c.id,
                "kind": c.kind,
                "value": to_json(c.kind, c.value),
                "was": to_json(c.kind, a.was),
                "made": c.made,
                "note": c.note or None,
                "text": a.describe(),
            }
        )
    return out


# --------------------------------------------------------------------------- CSV


def csv_row(c: Correction) -> dict[str, Any]:
    """One row of ``corrections.csv`` (every cell made safe by ``csvout.safe_row``)."""
    from .export.csvout import safe_row

    lat = lon = lo = hi = ""
    if c.kind == "at":
        lat, lon = c.value
    elif c.kind in ("killed", "injured"):
        lo = c.value[0]
        hi = "" if c.value[1] is None else c.value[1]
    return safe_row(
        {
            "id": c.id if c.id is not None else "",
            "site_id": c.site_id,
            "kind": c.kind,
            "latitude": lat,
            "longitude": lon,
            "min": lo,
            "max": hi,
            "note": c.note,
            "made": c.made,
        }
    )


def write_csv(fh: TextIO, corrections: Iterable[Correction]) -> None:
    """``corrections.csv`` into ``fh`` (opened with ``newline=""``)."""
    w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for c in corrections:
        w.writerow(csv_row(c))


def read_csv(fh: TextIO, name: str) -> Iterator[Correction | Problem]:
    """The corrections of a ``corrections.csv`` (``write_csv``); a bad row is a Problem
    naming ``name`` and its line, and the rest are read."""
    from .export.csvout import uncell

    reader = csv.DictReader(fh)
    missing = [c for c in ("site_id", "kind") if c not in (reader.fieldnames or [])]
    if missing:
        yield Problem(name, f"not a corrections file: no {', '.join(missing)} column", 1)
        return
    for row in reader:
        line = reader.line_num
        get = {k: uncell((v or "").strip()) for k, v in row.items() if k is not None}
        kind = get.get("kind", "")
        try:
            value: Any
            if kind == "at":
                value = parse_point(f"{get.get('latitude', '')},{get.get('longitude', '')}")
            elif kind == "not_struck":
                value = None
            elif kind in ("killed", "injured"):
                lo, hi = get.get("min", ""), get.get("max", "")
                value = parse_range(f"{lo}-{hi}" if hi else f"{lo}+")
            else:
                raise CorrectionError(f"unknown kind of correction {kind!r} (one of {', '.join(KINDS)})")
            made = get.get("made", "")
            if made and _day(made) is None:
                raise CorrectionError(f"bad date {made!r} in 'made'")
            yield Correction(get.get("site_id", ""), kind, value, get.get("note", ""), made)
        except CorrectionError as exc:
            yield Problem(name, str(exc), line)


__all__ = [
    "CSV_COLUMNS",
    "KINDS",
    "Applied",
    "Correction",
    "CorrectionError",
    "apply",
    "feature_corrections",
    "find_site",
    "parse_point",
    "parse_range",
    "read_csv",
    "write_csv",
]
