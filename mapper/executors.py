"""Where the per-article stages run: in this process, on a pool of processes, or on a Dask cluster.

Reading and analysing one article does not depend on any other, so an executor
takes batches of articles and gives back their analyses; ``Pipeline.analysed``
(and ``Pipeline.pipe`` over it) keeps a few batches out and hands the results on
in the order of the articles, whichever executor runs them, so a run's outputs
are the same on one process or many (spaCy's ``nlp.pipe(texts, n_process=N)`` is
the model).

* ``Serial()``: this process's own pipeline, one article at a time.
* ``Processes(jobs)``: a pool of ``jobs`` processes; each builds its own pipeline
  once, from the ``PipelineConfig`` the parent's pipeline was built from.
* ``DaskCluster(address)``: the workers of a Dask cluster (they need the package
  installed, not the files: the config carries the gazetteers' contents); each
  worker thread builds its pipeline once.  Nothing here imports Dask otherwise.

Online geocoding stays in the process that started the workers: a worker resolves
names the gazetteers do not know from the geocoding cache alone (a local worker
reads the same cache file; a Dask worker has none), and an article with a name it
could not answer so is analysed again by the parent, whose geocoder keeps the one
request a second limit and caches what it learns (``PipelineConfig.redo_misses``).
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from .models import Article, ArticleResult, Offsets, Place

if TYPE_CHECKING:
    from .config import PipelineConfig


class Pipeline(Protocol):
    """What an executor runs: a pipeline that analyses an article, and the config it was built
    from (``mapper.pipeline.Pipeline``; workers build theirs with ``from_config``)."""

    config: PipelineConfig | None

    def analyse(self, article: Article) -> ArticleResult: ...

    @classmethod
    def from_config(cls, config: PipelineConfig, *, geocoder: Any = None) -> Pipeline: ...


Builder = Callable[..., Pipeline]  # Pipeline.from_config

MAX_BATCH = 64  # articles sent to a worker at a time

# a worker's answer for one article: its result (without the article, which the caller
# holds), the article's texts compressed for the store (when asked), and whether the
# worker's geocoder missed a name in it
Packed = tuple[bytes, bytes, str]
Analysed = tuple[ArticleResult, Packed | None, bool]


class ClusterError(Exception):
    """The Dask scheduler cannot be reached."""


class Executor:
    """Runs batches of articles through a pipeline's stages (see the module notes)."""

    workers = 1
    remote = False  # the workers are on other machines (no shared geocoding cache)

    def __init__(self) -> None:
        self.pipe: Pipeline | None = None

    @contextlib.contextmanager
    def using(self, pipe: Pipeline) -> Iterator[Executor]:
        """Run ``pipe``'s stages until the block ends (started here unless it already runs)."""
        if self.pipe is not None:
            yield self
            return
        self.pipe = pipe
        self.start(pipe)
        try:
            yield self
        except BaseException:
            self.stop(failed=True)
            self.pipe = None
            raise
        self.stop(failed=False)
        self.pipe = None

    def start(self, pipe: Pipeline) -> None:
        """Get the workers ready (nothing to do for this process's own pipeline)."""

    def stop(self, *, failed: bool) -> None:
        """Let the workers go."""

    def submit(self, batch: list[Article], pack: bool) -> Any:
        """Start analysing ``batch``; ``collect`` gives the answers."""
        return batch

    def collect(self, ticket: Any) -> list[Analysed]:
        """The answers of one ``submit``, in the order of its articles."""
        assert self.pipe is not None, "the executor is not started"
        return [(self.pipe.analyse(a), None, False) for a in ticket]


class Serial(Executor):
    """This process's own pipeline."""


def _config(pipe: Pipeline) -> PipelineConfig:
    if pipe.config is None:
        raise ValueError("run a pipeline on workers by building it from a config (Pipeline.from_config)")
    return pipe.config


class Processes(Executor):
    """A pool of ``jobs`` processes, each with its own pipeline built from the config."""

    def __init__(self, jobs: int) -> None:
        super().__init__()
        self.workers = max(1, jobs)
        self._pool: Any = None

    def start(self, pipe: Pipeline) -> None:
        """The worker processes, forked before the run holds much, so that none of them
        carries a copy of it (nor, with the collector frozen, of what this process holds)."""
        import gc
        import multiprocessing

        config = _config(pipe)
        frozen = gc.get_freeze_count()  # (the command line freezes what start-up built: it stays so)
        gc.freeze()
        try:
            self._pool = multiprocessing.get_context().Pool(
                self.workers, initializer=_init_worker, initargs=(type(pipe).from_config, config)
            )
        finally:
            if not frozen:
                gc.unfreeze()

    def stop(self, *, failed: bool) -> None:
        if self._pool is not None:
            self._pool.terminate() if failed else self._pool.close()
            self._pool.join()
            self._pool = None

    def submit(self, batch: list[Article], pack: bool) -> Any:
        parts = _split(batch, self.workers)
        return self._pool.map_async(partial(_pool_analyse, pack=pack), parts, chunksize=1)

    def collect(self, ticket: Any) -> list[Analysed]:
        return [a for part in ticket.get() for a in part]


class DaskCluster(Executor):
    """The workers of a Dask cluster: ``address`` is its scheduler (``tcp://host:8786``) or a
    ``distributed.Client``."""

    remote = True

    def __init__(self, address: Any) -> None:
        super().__init__()
        self.address = address
        self._client: Any = None
        self._own = False
        self._config: PipelineConfig | None = None

    def start(self, pipe: Pipeline) -> None:
        from distributed import Client

        self._config = _config(pipe).shipped()
        self._build: Builder = type(pipe).from_config
        try:
            self._client = self.address if isinstance(self.address, Client) else Client(self.address)
        except (OSError, ValueError) as exc:  # unreachable, or not an address
            raise ClusterError(f"cannot use the Dask cluster at {self.address}: {exc}") from exc
        self._own = self._client is not self.address
        self.workers = max(1, sum(self._client.nthreads().values()))

    def stop(self, *, failed: bool) -> None:
        if self._client is not None and self._own:
            self._client.close()
        self._client = None

    def submit(self, batch: list[Article], pack: bool) -> Any:
        parts = _split(batch, self.workers)
        assert self._config is not None, "the executor is not started"
        return self._client.map(partial(_dask_analyse, self._build, self._config, pack=pack), parts, pure=False)

    def collect(self, ticket: Any) -> list[Analysed]:
        return [a for f in ticket for a in f.result()]


def make(jobs: int = 1, dask: Any = None) -> Executor:
    """The executor the command line's ``--jobs`` and ``--dask`` ask for."""
    if dask is not None:
        return DaskCluster(dask)
    return Processes(jobs) if jobs > 1 else Serial()


def _split(batch: list[Article], workers: int) -> list[list[Article]]:
    """A batch in parts small enough to share out evenly, large enough to send cheaply."""
    size = max(1, min(MAX_BATCH, math.ceil(len(batch) / max(1, workers))))
    return [batch[i : i + size] for i in range(0, len(batch), size)]


# ----------------------------------------------------------------------------- the workers' side


class CacheOnlyGeocoder:
    """A worker's geocoder: answers from the geocoding cache (or not at all) and notes
    when it could not answer, so that the article is analysed again by the parent."""

    def __init__(self, inner: Any | None) -> None:
        self.inner = inner  # an offline mapper.places.geocode.OnlineResolver, or None
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


def worker_pipeline(
    build: Builder, config: PipelineConfig, *, cache: bool
) -> tuple[Pipeline, CacheOnlyGeocoder | None]:
    """A worker's pipeline and its cache-only geocoder (``cache``: read this machine's cache file)."""
    geo = None
    if config.geocoder is not None:
        geo = CacheOnlyGeocoder(config.geocoder.make(offline=True) if cache else None)
    return build(config, geocoder=geo), geo


# stands in for the article in a result on its way back (a placeholder, pickled in a few bytes)
_SENT_BACK_WITHOUT = Article(id="", path="", text="", clean="", offsets=Offsets(1, [0], [0]), sha256="")


def _analyse(pipe: Pipeline, geo: CacheOnlyGeocoder | None, batch: list[Article], pack: bool) -> list[Analysed]:
    from .store.codec import pack_article

    out: list[Analysed] = []
    for article in batch:
        if geo is not None:
            geo.missed = False
        result = pipe.analyse(article)
        result.article = _SENT_BACK_WITHOUT
        out.append((result, pack_article(article) if pack else None, bool(geo is not None and geo.missed)))
    return out


_WORKER: tuple[Pipeline, CacheOnlyGeocoder | None] | None = None


def _init_worker(build: Builder, config: PipelineConfig) -> None:
    import gc

    global _WORKER
    _WORKER = worker_pipeline(build, config, cache=True)
    gc.freeze()  # the worker's pipeline lives as long as it does: the collector need not look at it


def _pool_analyse(batch: list[Article], pack: bool) -> list[Analysed]:
    assert _WORKER is not None, "worker not initialised"
    pipe, geo = _WORKER
    return _analyse(pipe, geo, batch, pack)


_DASK_LOCAL = threading.local()  # a Dask worker runs tasks on several threads


def _dask_analyse(build: Builder, config: PipelineConfig, batch: list[Article], pack: bool) -> list[Analysed]:
    pipes = _DASK_LOCAL.__dict__.setdefault("pipes", {})
    if config not in pipes:
        pipes[config] = worker_pipeline(build, config, cache=False)
    pipe, geo = pipes[config]
    return _analyse(pipe, geo, batch, pack)


__all__ = ["CacheOnlyGeocoder", "ClusterError", "DaskCluster", "Executor", "Processes", "Serial", "make"]
