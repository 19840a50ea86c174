"""How the store writes what the stages produce: compressed texts, offset maps, JSON values.

Everything structured is JSON, never pickle.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from ..dates import DateRef, plausible
from ..models import Article, Place


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def pack_offsets(offsets: Sequence[int]) -> str:
    """Run-length form of an offset map: [length, [[i, offsets[i]] where a run starts]]."""
    runs: list[list[int]] = []
    prev: int | None = None
    for i, o in enumerate(offsets):
        if prev is None or o != prev + 1:
            runs.append([i, o])
        prev = o
    return dumps([len(offsets), runs])


def pack_article(article: Article) -> tuple[bytes, bytes, str]:
    """An article's text, clean text and offset map as the store keeps them."""
    return pack_text(article.text), pack_text(article.clean), pack_offsets(article.offsets)


def unpack_offsets(packed: str) -> list[int]:
    n, runs = json.loads(packed)
    out: list[int] = []
    for k, (i, o) in enumerate(runs):
        stop = runs[k + 1][0] if k + 1 < len(runs) else n
        out.extend(range(o, o + stop - i))
    return out


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
    d = json.loads(raw)
    value = d.pop("value", None)
    return DateRef(value=date.fromisoformat(value) if value else None, **d)


def published(raw: str | None) -> date | None:
    """A stored publication date; an impossible one (stored before they were set aside) is none."""
    d = date.fromisoformat(raw) if raw else None
    return d if plausible(d) else None


def span(raw: str | None) -> tuple[int, int] | None:
    if raw is None:
        return None
    s, e = json.loads(raw)
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
        aliases=tuple(json.loads(r[7])),
        parent=r[8],
        geo_precision=r[9],
        source=r[10],
        resolved_by=r[11],
        population=r[12],
    )
