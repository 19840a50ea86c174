"""Per-article toponym extraction (``mapper extract``): every place mention with its place.

Input records come from article files (as ``mapper run`` reads them) or from
``.jsonl`` files of ``{"id": ..., "text": ..., ...}`` records, the shape of bulk
news exports.  Offsets in the output index the text as given: the decoded file
for ``.txt``/``.md``, the extracted text for HTML, the ``text`` field for JSON
lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .executors import Executor
from .ingest import articles, read_all
from .models import ArticleResult, Problem
from .pipeline import Pipeline
from .sites import site_id


def extract(
    pipe: Pipeline,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    executor: Executor | None = None,
    on_problem: Callable[[Problem], None],
) -> Iterator[dict[str, Any]]:
    """One record (``toponym_records``) per article under ``inputs``, in order."""
    for p in pipe.problems:
        on_problem(p)
    found = articles(read_all(inputs, records=True, budget=pipe.budget), on_problem)
    for result in pipe.pipe(found, executor, on_problem=on_problem):
        yield toponym_records(result)


def toponym_records(result: ArticleResult) -> dict[str, Any]:
    """One output line: the article id and every toponym mention, literal or not."""
    event = None
    if result.event_ref is not None:
        event = result.event_ref.resolve(result.article.published)
    tops = []
    for m in result.mentions:
        p = m.place
        sid = None
        if p is not None:
            sid = site_id(p.id, event) if m.role == "struck" else p.id
        tops.append(
            {
                "start": m.start,
                "end": m.end,
                "name": result.article.text[m.start : m.end],
                "place": p.name if p else None,
                "lat": round(p.lat, 6) if p else None,
                "lon": round(p.lon, 6) if p else None,
                "site_id": sid,
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
