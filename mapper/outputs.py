"""The sites and outputs of what the store holds: ``build`` (the sites of every stored article,
with the analyst's corrections laid over them), ``save`` (store them) and ``refresh`` (render the
outputs again).

No analysis stage is imported here, so the commands that only read the store (``mapper
sites``, ``export``, ``fix``, ``forget``) start without compiling the rules of the analysis;
``pipeline.run`` ends with the same three steps.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .corrections import apply as apply_corrections
from .models import ArticleResult, Problem, RunResult
from .sites import assemble, kept_mentions, lean_result
from .store import Pending, Store

if TYPE_CHECKING:
    from .filters import SiteFilter


def build(
    store: Store,
    problems: list[Problem] | None = None,
    pending: Pending | None = None,
    *,
    on_problem: Callable[[Problem], None] | None = None,
) -> RunResult:
    """The sites of every stored article, with ``pending`` work and the analyst's corrections
    applied (writes nothing).

    ``problems`` are the run's; ``None`` takes those of the run that last changed
    the stored sites (for re-exports).  A stored article that cannot be decoded (damaged
    content) is left out and named in the problems (and given to ``on_problem``).
    """
    pending = pending or Pending()
    drop = pending.hashes()
    # pending keeps the full analyses for save(); merged into the stored ones in article id
    # order (SQLite orders the ids by their UTF-8 bytes, which is the order of their characters)
    fresh = sorted((lean_result(r) for r in pending.results), key=_article_id)
    with store.snapshot():
        stored = (
            lean_result(r) for r in store.results(quoting=True, keep=kept_mentions) if r.article.sha256 not in drop
        )
        result = assemble(
            heapq.merge(stored, fresh, key=_article_id),
            store.stored_problems() if problems is None else problems,
            in_order=True,
        )
        # the analyst's corrections, over whatever the analyses now say
        result = apply_corrections(result, store.corrections())
    for p in store.take_damaged():
        result.problems.append(p)
        if on_problem:
            on_problem(p)
    return result


def _article_id(r: ArticleResult) -> str:
    return r.article.id


def save(store: Store, pending: Pending | None, result: RunResult, analysis: str = "") -> bool:
    """Store ``pending`` work and, when the articles changed, the sites of ``result`` (which
    must be ``build(store, ..., pending)``), in one transaction; whether anything was written."""
    from .export.geojson import features

    feats = features(result.sites, {a.id: a for a in result.articles})  # made one at a time
    return store.save(pending, analysis, feats, result.problems)


def refresh(
    store: Store,
    outdir: str | os.PathLike[str],
    formats: Sequence[str],
    *,
    where: SiteFilter | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> RunResult:
    """Render the outputs of every stored article into ``outdir`` (``mapper export``,
    ``mapper forget``, ``mapper fix``), and let the stored sites catch up when a run was
    killed before storing them.  ``where``: the outputs hold only the sites it keeps (the
    stored sites stay whole); the result returned is what the outputs hold."""
    from .export.publish import publish

    result = build(store, on_problem=on_problem)
    shown = where.result(result) if where else result
    shown.outputs = publish(shown, outdir, formats)
    save(store, None, result)
    return shown
