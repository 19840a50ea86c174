"""How the store writes what the stages produce: compressed texts, offset maps, JSON values.

Everything structured is JSON, never pickle.  The values of every article (spans,
events, dates, lists of names) hold no floating-point numbers and no integer beyond
64 bits (positions in a text, days, months): they are written and
read with orjson (a compiled JSON library, several times faster than the standard
one), which writes exactly what ``json.dumps(obj, ensure_ascii=False,
separators=(",", ":"))`` writes for such values; what it refuses (an integer beyond
64 bits, a lone surrogate from a .jsonl record) goes through the standard library.
Values with floats (the sites' GeoJSON features, the analyst's corrections) are
written by the standard library alone, for orjson writes 1e-05 as 0.00001.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import orjson

from ..dates import DateRef, plausible
from ..models import Article, Claim, Mention, Offsets, Place


def dumps_json(obj: Any) -> str:
    """Compact JSON by the standard library (any value)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def dumps(obj: Any) -> str:
    """Compact JSON of a value that holds no float: the same text as ``dumps_json``."""
    try:
        return orjson.dumps(obj).decode()
    except (TypeError, orjson.JSONEncodeError):
        return dumps_json(obj)


def loads(raw: str | bytes) -> Any:
    """A stored JSON value (the standard library's reading of what orjson refuses)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def pack_offsets(offsets: Offsets | Sequence[int]) -> str:
    """Run-length form of an offset map: [length, [[i, offsets[i]] where a run starts]]."""
    if not isinstance(offsets, Offsets):
        offsets = Offsets.of(offsets)
    return dumps([len(offsets), offsets.runs()])


def pack_article(article: Article) -> tuple[bytes, bytes, str]:
    """An article's text, clean text and offset map as the store keeps them."""
    return pack_text(article.text), pack_text(article.clean), pack_offsets(article.offsets)


def unpack_offsets(packed: str) -> Offsets:
    n, runs = loads(packed)
    return Offsets(n, [int(r[0]) for r in runs], [int(r[1]) for r in runs])


def dateref_json(ref: DateRef | None) -> str | None:
    if ref is None:
        return None
    return dumps(
        {
            "kind": ref.kind,
            "start": ref.start,
            "end": ref.end,
            "value": ref.value.isoformat() if ref.value else None,
            "month": ref.month,
            "day": ref.day,
            "weekday": ref.weekday,
            "modifier": ref.modifier,
        }
    )


def dateref(raw: str | None) -> DateRef | None:
    if raw is None:
        return None
    d = loads(raw)
    value = d.pop("value", None)
    return DateRef(value=date.fromisoformat(value) if value else None, **d)


def published(raw: str | None) -> date | None:
    """A stored publication date; an impossible one (stored before they were set aside) is none."""
    d = date.fromisoformat(raw) if raw else None
    return d if plausible(d) else None


def span(raw: str | None) -> tuple[int, int] | None:
    if raw is None:
        return None
    s, e = loads(raw)
    return int(s), int(e)


def now() -> str:
    """The UTC time, as the store records when a thing was done."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


PLACE_COLUMNS = (
    "place_id, name, lat, lon, feature_type, country, admin1, aliases, parent, geo_precision, source, resolved_by,"
    " population"
)


def place_row(p: Place) -> tuple[Any, ...]:
    """A place as a row of ``places`` (``PLACE_COLUMNS``)."""
    return (
        p.id,
        p.name,
        p.lat,
        p.lon,
        p.feature_type,
        p.country,
        p.admin1,
        dumps(list(p.aliases)),
        p.parent,
        p.geo_precision,
        p.source,
        p.resolved_by,
        p.population,
    )


def place_from_row(r: Sequence[Any]) -> Place:
    return Place(
        id=r[0],
        name=r[1],
        lat=r[2],
        lon=r[3],
        feature_type=r[4],
        country=r[5],
        admin1=r[6],
        aliases=tuple(loads(r[7])),
        parent=r[8],
        geo_precision=r[9],
        source=r[10],
        resolved_by=r[11],
        population=r[12],
    )


MENTION_COLUMNS = (
    "start_offset, end_offset, cstart, cend, surface, name_key, place_id, literal, nonliteral_reason, role,"
    " sentence, evidence, date_ref, confidence, event"
)


def mention_row(m: Mention) -> tuple[Any, ...]:
    """A mention as the columns ``MENTION_COLUMNS`` of ``mentions``."""
    event = None
    if m.event_type is not None:
        event = dumps({"type": m.event_type, "trigger": list(m.trigger or ()), "precision": m.precision})
    return (
        m.start,
        m.end,
        m.cstart,
        m.cend,
        m.surface,
        m.key,
        m.place.id if m.place else None,
        int(m.literal),
        m.nonliteral_reason,
        m.role,
        dumps(m.sentence),
        dumps(m.evidence) if m.evidence else None,
        dateref_json(m.date_ref),
        m.confidence,
        event,
    )


def mention_from_row(article: str, r: Sequence[Any], places: dict[str, Place]) -> Mention:
    event = loads(r[14]) if r[14] else {}
    trigger = event.get("trigger")
    return Mention(
        article=article,
        start=r[0],
        end=r[1],
        cstart=r[2],
        cend=r[3],
        surface=r[4],
        key=r[5],
        place=places[r[6]] if r[6] is not None else None,
        literal=bool(r[7]),
        nonliteral_reason=r[8],
        role=r[9],
        sentence=span(r[10]) or (0, 0),
        evidence=span(r[11]),
        date_ref=dateref(r[12]),
        confidence=r[13],
        event_type=event.get("type"),
        trigger=(int(trigger[0]), int(trigger[1])) if trigger else None,
        precision=event.get("precision"),
    )


CLAIM_COLUMNS = (
    "quote, start_offset, end_offset, killed_min, killed_max, injured_min, injured_max, victims, claimant, places,"
    " event_type, aside"
)


def claim_row(c: Claim) -> tuple[Any, ...]:
    """A claim as the columns ``CLAIM_COLUMNS`` of ``claims``."""
    return (
        c.quote,
        c.start,
        c.end,
        c.killed_min,
        c.killed_max,
        c.injured_min,
        c.injured_max,
        c.victims,
        c.claimant,
        dumps(list(c.places)),
        c.event_type,
        c.aside,
    )


def claim_from_row(article: str, r: Sequence[Any]) -> Claim:
    return Claim(
        article=article,
        quote=r[0],
        start=r[1],
        end=r[2],
        killed_min=r[3],
        killed_max=r[4],
        injured_min=r[5],
        injured_max=r[6],
        victims=r[7],
        claimant=r[8],
        places=list(loads(r[9])),
        event_type=r[10],
        aside=r[11],
    )
