"""GeoJSON (RFC 7946) export: the contract later tools rely on.

A FeatureCollection of Points ``[lon, lat]`` (6 decimals at most, WGS 84, no
``crs`` member); feature ``id`` = ``site_id``.  Properties are listed in the
README ("GeoJSON contract"); new properties may be added, none removed.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from json.encoder import encode_basestring
from typing import Any, TextIO

from ..corrections import feature_corrections
from ..models import Article, Claim, Site

CONTRACT_VERSION = "1.1"  # 1.1: event_types, event_type on claims and evidence, trigger


def claim_dict(c: Claim) -> dict[str, Any]:
    return {
        "article": c.article,
        "claimant": c.claimant,
        "victims": c.victims,
        "killed_min": c.killed_min,
        "killed_max": c.killed_max,
        "injured_min": c.injured_min,
        "injured_max": c.injured_max,
        "quote": c.quote,
        "start": c.start,
        "end": c.end,
        "sites": list(c.sites),
        "event_type": c.event_type,
    }


def feature(site: Site, articles: dict[str, Article]) -> dict[str, Any]:
    p = site.place
    sources = []
    for aid in site.articles:
        a = articles.get(aid)
        sources.append(
            {
                "article": aid,
                "outlet": a.outlet if a else None,
                "title": a.title if a else None,
                "date": a.published.isoformat() if a and a.published else None,
                "path": os.path.abspath(a.path) if a and a.path else None,
                "url": a.url if a else None,
                "language": a.language if a else None,
            }
        )
    props: dict[str, Any] = {
        "site_id": site.site_id,
        "name": p.name,
        "names_seen": list(site.names_seen),
        "country": p.country or None,
        "admin1": p.admin1 or None,
        "feature_type": p.feature_type,
        "role": site.role,
        "event_types": list(site.event_types),
        "geo_precision": site.geo_precision or p.geo_precision,
        "resolved_by": p.resolved_by,
        "place_id": p.id,
        "parent": p.parent or None,
        "place_source": p.source,
        "event_date": site.event_date,
        "articles": list(site.articles),
        "outlets": list(site.outlets),
        "sources": sources,
        "evidence": [asdict(e) for e in site.evidence],
        "claims": [claim_dict(c) for c in site.claims],
        "killed_min": site.killed_min,
        "killed_max": site.killed_max,
        "injured_min": site.injured_min,
        "injured_max": site.injured_max,
        # the analyst's corrections applied to this site (``mapper.corrections``), oldest first
        "corrections": feature_corrections(site),
    }
    return {
        "type": "Feature",
        "id": site.site_id,
        "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
        "properties": props,
    }


def feature_collection(sites: list[Site], articles: dict[str, Article]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "mapper_contract": CONTRACT_VERSION,
        "features": list(features(sites, articles)),
    }


def features(sites: Iterable[Site], articles: dict[str, Article]) -> Iterator[dict[str, Any]]:
    """The features of ``sites``, made one at a time (those of 100,000 articles are large)."""
    for s in sites:
        yield feature(s, articles)


def dumps(fc: dict[str, Any]) -> str:
    return json.dumps(fc, ensure_ascii=False, indent=1) + "\n"


class _NotPlain(Exception):
    """A value ``indented`` leaves to ``json.dumps`` (a key that is no string, an unusual type)."""


def _float_text(x: float) -> str:
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    return float.__repr__(x)


def _put(o: Any, nl: str, out: list[str]) -> None:
    """Append the text ``json.dumps(o, ensure_ascii=False, indent=1)`` gives for ``o`` at the
    indentation ``nl`` (a line break and spaces), as the standard library would."""
    if isinstance(o, str):
        out.append(encode_basestring(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(_float_text(o))
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = nl + " "
        sep = "{" + inner
        for k, v in o.items():
            if not isinstance(k, str):
                raise _NotPlain
            out.append(sep)
            out.append(encode_basestring(k))
            out.append(": ")
            _put(v, inner, out)
            sep = "," + inner
        out.append(nl + "}")
    elif isinstance(o, list | tuple):
        if not o:
            out.append("[]")
            return
        inner = nl + " "
        sep = "[" + inner
        for v in o:
            out.append(sep)
            _put(v, inner, out)
            sep = "," + inner
        out.append(nl + "]")
    else:
        raise _NotPlain


def indented(o: Any, nl: str = "\n") -> str:
    """``json.dumps(o, ensure_ascii=False, indent=1)`` with each line break ``nl`` (a feature
    inside the collection: ``"\n  "``), the same text several times faster: the standard library
    indents in pure Python, one generator per container."""
    out: list[str] = []
    try:
        _put(o, nl, out)
    except (_NotPlain, RecursionError):
        return json.dumps(o, ensure_ascii=False, indent=1).replace("\n", nl)
    return "".join(out)


class FeatureWriter:
    """Writes a FeatureCollection to ``fh`` one feature at a time, as the text ``dumps``
    gives (``json.dumps`` indents a feature in the list by two more spaces, and no string
    in JSON holds a raw line break); ``end`` closes the collection."""

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.n = 0
        fh.write('{\n "type": "FeatureCollection",\n "mapper_contract": ')
        fh.write(json.dumps(CONTRACT_VERSION) + ',\n "features": [')

    def write(self, feature: dict[str, Any]) -> None:
        self.fh.write(",\n  " if self.n else "\n  ")
        self.fh.write(indented(feature, "\n  "))
        self.n += 1

    def end(self) -> None:
        self.fh.write("\n ]\n}\n" if self.n else "]\n}\n")
