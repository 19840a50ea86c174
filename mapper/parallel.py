"""Run the per-article stages on several processes (``--jobs N``) or a Dask cluster (``--dask``).

Reading and analysing one article does not depend on any other, so the work is
cut into batches of files:

* ``--jobs N``: a pool of N processes; each builds its own ``Pipeline`` once (in
  the pool's initializer), reads the files of a batch from disk and sends back
  the results.
* ``--dask ADDRESS``: this process reads the files and sends batches of their
  bytes to the workers of a Dask cluster, which need the package installed but
  not the files; each worker thread builds its ``Pipeline`` once.

This process then goes through the results in the order of the files, exactly as
a serial run does (the same problems in the same order, the same article counted
once when it comes under two names), and the sites stage and the outputs follow
as usual, so the outputs are identical to a serial run's.

Online geocoding stays in this process: a worker resolves names the gazetteers
do not know from the geocoding cache alone (a local worker reads the same cache
file; a Dask worker has none), and an article with a name it could not answer so
is analysed again here, with this process's geocoder, which keeps the one request
a second limit and caches what it learns.  (When the run is offline and the
workers read the same cache, their answer is final and nothing is redone.)

Nothing here imports Dask unless ``--dask`` is given.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from .ingest import IngestError, Source, article_from_bytes, discover, notes_of, read_article, read_source
from .models import Article, ArticleResult, Place, Problem
from .pipeline import Pipeline, lean_result

MAX_BATCH = 64  # articles sent to a worker at a time


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same ``Pipeline`` as this process (picklable)."""

    gazetteers: tuple[str, ...] = ()
    # the gazetteers' contents, for workers that cannot read this machine's files (Dask)
    gazetteer_data: tuple[bytes, ...] | None = None
    # the geopy provider of this process's online geocoder; None: it has no geocoder
    provider: str | None = None
    geocoder_url: str | None = None
    user_agent: str = "strike-mapper"
    cache_path: str | None = None  # the geocoding cache this process uses
    offline: bool = True  # this process never asks the geocoding service
    world: bool = False  # use the bundled world gazetteer (each worker opens its own index)

    def worker_pipeline(self, *, cache: bool) -> tuple[Pipeline, CacheOnlyGeocoder | None]:
        """A worker's pipeline and its cache-only geocoder (``cache``: read the shared cache file)."""
        geocoder = None
        if self.provider is not None:
            inner = None
            if cache:
                from .places.geocode import OnlineResolver

                inner = OnlineResolver(
                    self.provider,
                    url=self.geocoder_url,
                    user_agent=self.user_agent,
                    cache_path=self.cache_path,
                    offline=True,
                )
            geocoder = CacheOnlyGeocoder(inner)
        from .pipeline import default_world

        world = default_world() if self.world else None
        if self.gazetteer_data is None:
            return Pipeline.create(self.gazetteers, world=world, geocoder=geocoder), geocoder
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory(prefix="mapper-gazetteers-") as tmp:
            paths = []
            for i, data in enumerate(self.gazetteer_data):
                paths.append(Path(tmp) / f"{i}.csv")
                paths[-1].write_bytes(data)
            return Pipeline.create(paths, world=world, geocoder=geocoder), geocoder

    def redo_misses(self, *, dask: bool) -> bool:
        """Whether this process analyses again an article whose names a worker could not
        geocode from the cache: unless the worker read this process's cache (a local one)
        and this process is offline, so that its answer would be the same."""
        return self.provider is not None and (dask or not self.offline)

    def shipped(self) -> PipelineSpec:
        """The same spec carrying the gazetteers' contents (for workers on other machines)."""
        from dataclasses import replace
        from pathlib import Path

        return replace(self, gazetteer_data=tuple(Path(g).read_bytes() for g in self.gazetteers))


class CacheOnlyGeocoder:
    """A worker's geocoder: answers from the geocoding cache (or not at all) and notes
    when it could not answer, so that the article is analysed again by the parent."""

    def __init__(self, inner: Any | None) -> None:
        self.inner = inner  # an offline mapper.geocode.OnlineResolver, or None
        self.missed = False

    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None:
        if self.inner is None:
            self.missed = True
            return None
        from .places.geocode import Status

        res = self.inner.resolve(name, country_codes)
        if res.status in (Status.NOT_CACHED, Status.FAILED):
            self.missed = True
        return res.place


# An outcome per file, in the order of the files: a problem, or a result and whether
# the worker's geocoder missed a name (then the parent may analyse the article again).
Outcome = Problem | tuple[ArticleResult, bool]


def _analyse(pipe: Pipeline, geo: CacheOnlyGeocoder | None, src: Source, data: bytes | None, lean: bool) -> Outcome:
    try:
        article = read_article(src) if data is None else article_from_bytes(src, data)
    except IngestError as exc:
        return Problem(exc.path, exc.message, exc.line)
    if geo is not None:
        geo.missed = False
    result = pipe.analyse(article)
    return (lean_result(result) if lean else result), bool(geo is not None and geo.missed)


# ----------------------------------------------------------------------------- local processes

_WORKER: tuple[Pipeline, CacheOnlyGeocoder | None] | None = None


def _init_worker(spec: PipelineSpec) -> None:
    global _WORKER
    _WORKER = spec.worker_pipeline(cache=True)


def _pool_batch(batch: list[Source], lean: bool) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    pipe, geo = _WORKER
    return [_analyse(pipe, geo, src, None, lean) for src in batch]


def _start_pool(spec: PipelineSpec, jobs: int) -> Any:
    """The worker processes, forked before the file list is made, so that none of them
    carries a copy of it (nor, with the collector frozen, of what this process holds)."""
    import gc
    import multiprocessing

    gc.freeze()
    try:
        return multiprocessing.get_context().Pool(jobs, initializer=_init_worker, initargs=(spec,))
    finally:
        gc.unfreeze()


def _pool_outcomes(pool: Any, batches: Iterator[list[Source]], lean: bool) -> Iterator[Outcome]:
    for outcomes in pool.imap(partial(_pool_batch, lean=lean), batches):
        yield from outcomes


# ----------------------------------------------------------------------------- Dask


class ClusterError(Exception):
    """The Dask scheduler cannot be reached."""


_DASK_LOCAL = threading.local()  # a Dask worker runs tasks on several threads


def _dask_pipeline(spec: PipelineSpec) -> tuple[Pipeline, CacheOnlyGeocoder | None]:
    """A Dask worker thread's pipeline for ``spec``, built once."""
    pipes = _DASK_LOCAL.__dict__.setdefault("pipes", {})
    if spec not in pipes:
        pipes[spec] = spec.worker_pipeline(cache=False)
    return pipes[spec]


def _client(dask: Any) -> tuple[Any, bool]:
    """A ``distributed.Client`` for ``dask`` (an address or a client), and whether we made it."""
    from distributed import Client

    try:
        client = dask if isinstance(dask, Client) else Client(dask)
    except (OSError, ValueError) as exc:  # unreachable, or not an address
        raise ClusterError(f"cannot use the Dask cluster at {dask}: {exc}") from exc
    return client, client is not dask


def _dask_batch(spec: PipelineSpec, payload: list[tuple[Source, bytes | Problem]], lean: bool) -> list[Outcome]:
    """Runs on a Dask worker: analyse a batch of files sent with their bytes."""
    pipe, geo = _dask_pipeline(spec)
    return [data if isinstance(data, Problem) else _analyse(pipe, geo, src, data, lean) for src, data in payload]


def _read(src: Source) -> bytes | Problem:
    try:
        return read_source(src)
    except IngestError as exc:
        return Problem(exc.path, exc.message, exc.line)


def _dask_outcomes(
    dask: Any, spec: PipelineSpec, batches: Iterator[list[Source]], lean: bool, window: int | None = None
) -> Iterator[Outcome]:
    """Send the batches to the cluster, a few at a time, and yield the outcomes in order."""
    from collections import deque

    client, own = _client(dask)
    try:
        if window is None:
            window = 2 * (sum(client.nthreads().values()) or 1)
        futures: deque[Any] = deque()

        def send() -> None:
            batch = next(batches, None)
            if batch is not None:
                payload = [(src, _read(src)) for src in batch]
                futures.append(client.submit(_dask_batch, spec, payload, lean, pure=False))

        for _ in range(window):
            send()
        while futures:
            oldest = futures.popleft()
            send()
            yield from oldest.result()
    finally:
        if own:
            client.close()


# ----------------------------------------------------------------------------- both


def batch_size(n: int, workers: int) -> int:
    """Batches small enough to share the work out evenly, large enough to send cheaply."""
    return max(1, min(MAX_BATCH, math.ceil(n / (4 * max(1, workers)))))


def process(
    pipe: Pipeline,
    spec: PipelineSpec,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    dask: Any = None,
    on_problem: Callable[[Problem], None] | None = None,
    progress: bool = False,
    lean: bool = True,
) -> tuple[list[ArticleResult], list[Problem]]:
    """``pipe.process`` on ``jobs`` processes, or on the Dask cluster ``dask`` (a scheduler
    address or a ``distributed.Client``); the same results and problems, in the same order.

    ``pipe`` is this process's pipeline, built as ``spec`` says: it reports the
    gazetteers' problems and analyses again the articles whose names a worker could
    not geocode.  ``lean``: results without the articles' texts (see ``lean_result``).
    """
    if dask is None and jobs <= 1:
        return pipe.process(inputs, on_problem=on_problem, progress=progress, lean=lean)
    problems: list[Problem] = []

    def problem(p: Problem) -> None:
        problems.append(p)
        if on_problem:
            on_problem(p)

    for p in pipe.problems:
        problem(p)
    pool = _start_pool(spec, jobs) if dask is None else None
    outcomes: Iterator[Outcome] = iter(())
    bar = None
    try:
        items: list[Source | IngestError | None] = list(discover(inputs))
        n = sum(isinstance(it, Source) for it in items)
        workers = jobs if dask is None else max(jobs, 8)  # (a cluster's size is not known yet)
        batches = _batches(items, batch_size(n, workers))
        if pool is not None:
            outcomes = _pool_outcomes(pool, batches, lean)
        else:
            outcomes = _dask_outcomes(dask, spec.shipped(), batches, lean)
        redo = spec.redo_misses(dask=dask is not None)
        results: list[ArticleResult] = []
        seen_hashes: dict[str, str] = {}
        if progress and len(items) > 50:
            from tqdm import tqdm

            bar = tqdm(total=len(items), unit="article", file=sys.stderr, leave=False)
        for i in range(len(items)):
            item = items[i]
            assert item is not None
            if bar is not None:
                bar.update(1)
            if isinstance(item, IngestError):
                items[i] = None
                problem(Problem(item.path, item.message, item.line))
                continue
            outcome = next(outcomes)
            items[i] = None  # (it has been sent and answered) the list goes as the run goes
            if isinstance(outcome, Problem):
                problem(outcome)
                continue
            result, missed = outcome
            article = result.article
            if article.sha256 in seen_hashes:
                problem(Problem(str(item.path), f"same content as {seen_hashes[article.sha256]}; counted once"))
                continue
            seen_hashes[article.sha256] = article.id
            for p in notes_of(article):
                problem(p)
            if missed and redo:
                try:
                    result = _redo(pipe, item, lean)
                except IngestError as exc:  # changed or gone since the worker read it
                    problem(Problem(exc.path, exc.message, exc.line))
                    continue
            results.append(result)
    finally:
        if bar is not None:
            bar.close()
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()  # closes the Dask client
        if pool is not None:
            pool.terminate()
            pool.join()
    return results, problems


def _batches(items: list[Source | IngestError | None], size: int) -> Iterator[list[Source]]:
    """The files of ``items`` in batches of ``size``, in order."""
    batch: list[Source] = []
    for item in items:
        if isinstance(item, Source):
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


def _redo(pipe: Pipeline, src: Source, lean: bool) -> ArticleResult:
    result = pipe.analyse(read_article(src))
    return lean_result(result) if lean else result


def spec_for(
    gazetteers: Sequence[str],
    geocoder: Any | None,
    *,
    offline: bool,
    world: bool = False,
) -> PipelineSpec:
    """The spec of a pipeline made of ``gazetteers``, the world gazetteer when ``world``, and
    ``geocoder`` (a ``mapper.geocode.OnlineResolver``, or None)."""
    if geocoder is None:
        return PipelineSpec(tuple(str(g) for g in gazetteers), world=world)
    url = None
    if geocoder.domain:
        url = f"{geocoder.scheme or 'https'}://{geocoder.domain}"
    return PipelineSpec(
        tuple(str(g) for g in gazetteers),
        provider=geocoder.provider,
        geocoder_url=url,
        user_agent=geocoder.user_agent,
        cache_path=str(geocoder.cache_path),
        offline=offline,
        world=world,
    )


# ----------------------------------------------------------------------------- articles already read


# what a worker sends back for an article the caller sent: its result without the article
# (the caller has it), and whether the worker's geocoder missed a name in it
Analysed = tuple[ArticleResult, bool]


def _analyse_articles(pipe: Pipeline, geo: CacheOnlyGeocoder | None, batch: list[Article]) -> list[Analysed]:
    """Each article's result, without its article, and whether the worker's geocoder missed
    a name in it.  These results go to the store: the worker also compresses the article's
    texts for it."""
    from .store import pack_article

    out = []
    for article in batch:
        if geo is not None:
            geo.missed = False
        result = pipe.analyse(article)
        result.packed = pack_article(article)
        result.article = _SENT_BACK_WITHOUT
        out.append((result, bool(geo is not None and geo.missed)))
    return out


# stands in for the article in a result on its way back (a placeholder, pickled in a few bytes)
_SENT_BACK_WITHOUT = Article(id="", path="", text="", clean="", offsets=[0], sha256="")


def _pool_articles(batch: list[Article]) -> list[Analysed]:
    assert _WORKER is not None, "worker not initialised"
    return _analyse_articles(*_WORKER, batch)


def _dask_articles(spec: PipelineSpec, batch: list[Article]) -> list[Analysed]:
    return _analyse_articles(*_dask_pipeline(spec), batch)


class BatchAnalyser:
    """Analyses batches of articles the caller has read (the store's ``ingest``) on ``jobs``
    processes or a Dask cluster; results come back in order, and an article whose names a
    worker could not geocode from the cache is analysed again here, as ``process`` does."""

    def __init__(self, pipe: Pipeline, spec: PipelineSpec, *, jobs: int = 1, dask: Any = None) -> None:
        self.pipe, self.spec, self.jobs, self.dask = pipe, spec, jobs, dask
        self._pool: Any = None
        self._client: Any = None
        self._own_client = False

    def __enter__(self) -> BatchAnalyser:
        if self.dask is not None:
            self._client, self._own_client = _client(self.dask)
            self.spec = self.spec.shipped()
        else:
            self._pool = _start_pool(self.spec, self.jobs)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate() if exc[0] is not None else self._pool.close()
            self._pool.join()
        if self._client is not None and self._own_client:
            self._client.close()

    def workers(self) -> int:
        if self._client is not None:
            return max(1, sum(self._client.nthreads().values()))
        return self.jobs

    def submit(self, articles: list[Article]) -> tuple[list[Article], Any]:
        """Start analysing ``articles`` on the workers; ``collect`` gives the results.

        The caller may read the next articles meanwhile, which keeps the workers busy.
        """
        if not articles:
            return articles, None
        size = batch_size(len(articles), self.workers())
        batches = [articles[i : i + size] for i in range(0, len(articles), size)]
        if self._client is not None:
            return articles, self._client.map(partial(_dask_articles, self.spec), batches, pure=False)
        return articles, self._pool.map_async(_pool_articles, batches, chunksize=1)

    def collect(self, ticket: tuple[list[Article], Any]) -> list[ArticleResult]:
        """The results of a ``submit``, in the order of its articles."""
        articles, work = ticket
        if work is None:
            return []
        parts = [f.result() for f in work] if self._client is not None else work.get()
        outcomes = [o for part in parts for o in part]
        for a, (r, _) in zip(articles, outcomes, strict=True):
            r.article = a  # the worker sent it back without its article
        redo = self.spec.redo_misses(dask=self._client is not None)
        return [
            self.pipe.analyse(a) if missed and redo else r for a, (r, missed) in zip(articles, outcomes, strict=True)
        ]


__all__ = [
    "BatchAnalyser",
    "CacheOnlyGeocoder",
    "ClusterError",
    "PipelineSpec",
    "batch_size",
    "process",
    "spec_for",
]
