"""Per-article toponym extraction (``mapper extract``): every place mention with its place.

Input records come from article files (as ``mapper run`` reads them) or from
``.jsonl`` files of ``{"id": ..., "text": ..., ...}`` records, the shape of bulk
news exports.  Offsets in the output index the text as given: the decoded file
for ``.txt``/``.md``, the extracted text for HTML, the ``text`` field for JSON
lines.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .ingest import IngestError, clean_text, discover, display_path, notes_of, read_article
from .models import Article, ArticleResult, Problem


@dataclass
class Record:
    id: str
    text: str


def article_from_text(article_id: str, text: str) -> Article:
    clean, offsets = clean_text(text)
    return Article(id=article_id, path=article_id, text=text, clean=clean, offsets=offsets)


def iter_articles(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Article | Problem]:
    """Articles from files and folders, and from the records of ``.jsonl`` files."""
    for raw in inputs:
        path = Path(raw)
        if path.is_file() and path.suffix.lower() == ".jsonl":
            yield from _jsonl(path)
            continue
        for item in discover([path]):
            if isinstance(item, IngestError):
                yield Problem(item.path, item.message, item.line)
                continue
            try:
                article = read_article(item)
            except IngestError as exc:
                yield Problem(exc.path, exc.message, exc.line)
                continue
            yield from notes_of(article)
            yield article


def _jsonl(path: Path) -> Iterator[Article | Problem]:
    name = display_path(path)
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                rid = str(rec.get("id", f"{path.name}:{n}"))
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                yield Problem(name, f"bad record: {type(exc).__name__}: {exc}".splitlines()[0], n)
                continue
            yield article_from_text(rid, text)


def toponym_records(result: ArticleResult) -> dict[str, Any]:
    """One output line: the article id and every toponym mention, literal or not."""
    event = None
    if result.event_ref is not None:
        event = result.event_ref.resolve(result.article.published)
    tops = []
    for m in result.mentions:
        p = m.place
        when = m.date or event
        site_id = None
        if p is not None:
            site_id = f"{p.id}@{when.isoformat()}" if m.role == "struck" and when else p.id
        tops.append(
            {
                "start": m.start,
                "end": m.end,
                "name": result.article.text[m.start : m.end],
                "place": p.name if p else None,
                "lat": round(p.lat, 6) if p else None,
                "lon": round(p.lon, 6) if p else None,
                "site_id": site_id,
                "country": (p.country or None) if p else None,
                "geo_precision": p.geo_precision if p else None,
                "resolved_by": p.resolved_by if p else None,
                "confidence": round(m.confidence, 3),
                "literal": m.literal,
                "nonliteral_reason": m.nonliteral_reason or None,
                "role": m.role,
            }
        )
    return {"id": result.article.id, "toponyms": tops}
