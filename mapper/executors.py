"""Where the per-article stages run: in this process, on a pool of processes, or on a Dask cluster.

Reading and analysing one article does not depend on any other, so an executor
takes batches of work and gives back what was done (``Done``): an article to
analyse, or a file found by ``ingest.walk`` that the worker reads, decodes, cleans
and hashes first, then analyses and compresses for the store, so that the process
that started the workers only walks the folders and keeps the store.  A file it
cannot read is that file's problem, sent back with it.  ``Pipeline.analysed``
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
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .ingest import IngestError, Source, read_file, read_source
from .models import Article, ArticleResult, Offsets, Place, Problem

if TYPE_CHECKING:
    from .config import PipelineConfig


class Pipeline(Protocol):
    """What an executor runs: a pipeline that analyses an article, and the config it was built
    from (``mapper.pipeline.Pipeline``; workers build theirs with ``from_config``)."""

    config: PipelineConfig | None

    def analyse(self, article: Article) -> ArticleResult: ...

    def attempt(self, article: Article) -> ArticleResult | Problem: ...

    def with_geocoder(self, geocoder: Any) -> Pipeline: ...

    @classmethod
    def from_config(cls, config: PipelineConfig, *, geocoder: Any = None) -> Pipeline: ...


Builder = Callable[..., Pipeline]  # Pipeline.from_config

MAX_BATCH = 64  # articles sent to a worker at a time

# an article's texts compressed for the store, and its offset map (``store.codec.pack_article``)
Packed = tuple[bytes, bytes, str]


class FileBytes(NamedTuple):
    """A file's bytes, read by this process for a worker on another machine (or why they could not be)."""

    source: Source
    data: bytes | None
    problem: Problem | None = None


# what a worker is given: an article, or a file to read first (or its bytes)
Unit = Article | Source | FileBytes
# content hash -> whether the store holds it already (then the worker does not analyse it)
Skip = Callable[[str], bool]


@dataclass
class Done:
    """A worker's answer for one unit of work."""

    article: Article | None  # the article the worker read (without its texts when packed); None: it was given one
    result: ArticleResult | None  # None: not analysed (the file could not be read, or its content is stored)
    packed: Packed | None = None  # the texts, compressed for the store (when asked)
    missed: bool = False  # the worker's geocoder could not answer a name of it from the cache
    problems: list[Problem] = field(default_factory=list)  # reading it: what skipped it, or notes
    refused: Problem | None = None  # why it was not analysed: past its budget (``mapper.budget``)


@dataclass(frozen=True)
class Work:
    """How a batch is to be done: ``pack`` the texts for the store (and send the article back
    without them), and leave out the contents the store at ``stored`` holds (workers on this
    machine read it) or that ``skip`` says are known (this process's own executor)."""

    pack: bool = False
    stored: str | None = None
    skip: Skip | None = field(default=None, compare=False)

    def shipped(self, *, local: bool) -> Work:
        """What a worker process is sent: no callable; the store's path only to workers here."""
        return Work(self.pack, self.stored if local else None)


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

    def submit(self, batch: list[Unit], work: Work) -> Any:
        """Start on ``batch``; ``collect`` gives the answers."""
        return batch, work

    def collect(self, ticket: Any) -> list[Done]:
        """The answers of one ``submit``, in the order of its units."""
        assert self.pipe is not None, "the executor is not started"
        batch, work = ticket
        return [do(self.pipe, None, unit, work, skip=work.skip) for unit in batch]


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
        carries a copy of it (nor, with the collector frozen, of what this process holds).
        Forked, they analyse with this process's pipeline, whose gazetteers, indexes and
        word lists (loaded here first, by one small article) they share with it and with
        each other; started afresh (where processes are spawned), each builds its own."""
        global _PARENT
        import gc
        import multiprocessing

        config = _config(pipe)
        context = multiprocessing.get_context()
        forked = context.get_start_method() == "fork"
        if forked:
            from .language import detect

            # what reading and the stages load on first use (the language model, the word lists,
            # the trigger automaton), loaded once, here
            detect(_WARM_UP.text)
            pipe.with_geocoder(None).analyse(_WARM_UP)
            _PARENT = pipe
        frozen = gc.get_freeze_count()  # (the command line freezes what start-up built: it stays so)
        gc.freeze()
        try:
            self._pool = context.Pool(
                self.workers, initializer=_init_worker, initargs=(type(pipe).from_config, config, forked)
            )
        finally:
            _PARENT = None
            if not frozen:
                gc.unfreeze()

    def stop(self, *, failed: bool) -> None:
        if self._pool is not None:
            self._pool.terminate() if failed else self._pool.close()
            self._pool.join()
            self._pool = None

    def submit(self, batch: list[Unit], work: Work) -> Any:
        parts = _split(batch, self.workers)
        return self._pool.map_async(partial(_pool_work, work=work.shipped(local=True)), parts, chunksize=1)

    def collect(self, ticket: Any) -> list[Done]:
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

    def submit(self, batch: list[Unit], work: Work) -> Any:
        parts = _split(batch, self.workers)
        assert self._config is not None, "the executor is not started"
        shipped = work.shipped(local=False)
        # a file is read where it is: this process reads the bytes of those of a batch for the workers
        parts = [[_readable(u) for u in part] for part in parts]
        return self._client.map(partial(_dask_work, self._build, self._config, work=shipped), parts, pure=False)

    def collect(self, ticket: Any) -> list[Done]:
        return [a for f in ticket for a in f.result()]


def make(jobs: int = 1, dask: Any = None) -> Executor:
    """The executor the command line's ``--jobs`` and ``--dask`` ask for."""
    if dask is not None:
        return DaskCluster(dask)
    return Processes(jobs) if jobs > 1 else Serial()


def _split(batch: list[Unit], workers: int) -> list[list[Unit]]:
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


def do(pipe: Pipeline, geo: CacheOnlyGeocoder | None, unit: Unit, work: Work, *, skip: Skip | None = None) -> Done:
    """One unit of work, wherever it runs: read the file (a ``Source``), leave it there when
    ``skip`` knows its content, else analyse it; with ``work.pack``, compress its texts for
    the store and send the result back with the article's metadata and the quotes the sites
    read (``ArticleResult.quotes``), without its texts.  (Without ``pack``, the caller holds
    the article: the result comes back without it.)"""
    from .store.codec import pack_article

    problems: list[Problem] = []
    read = not isinstance(unit, Article)
    budget = getattr(pipe, "budget", None)
    if isinstance(unit, Article):
        article = unit
    elif isinstance(unit, FileBytes):
        if unit.data is None:
            return Done(None, None, problems=[unit.problem] if unit.problem else [])
        got = read_file(unit.source, data=unit.data, budget=budget)
        problems = got.problems
        if got.article is None:
            return Done(None, None, problems=problems)
        article = got.article
    else:
        got = read_file(unit, budget=budget)
        problems = got.problems
        if got.article is None:
            return Done(None, None, problems=problems)
        article = got.article
    if skip is not None and skip(article.sha256):
        return Done(article.without_texts() if read else None, None, problems=problems)
    if geo is not None:
        geo.missed = False
    result = pipe.attempt(article)
    if isinstance(result, Problem):  # past its budget
        return Done(article.without_texts() if read else None, None, problems=problems, refused=result)
    missed = bool(geo is not None and geo.missed)
    if not work.pack:
        result.article = _SENT_BACK_WITHOUT
        return Done(None, result, None, missed, problems)
    packed = pack_article(article)
    result.quotes = {
        span: result.quote(span) for m in result.mentions for span in (m.evidence, m.trigger) if span is not None
    }
    result.article = article.without_texts()
    return Done(result.article if read else None, result, packed, missed, problems)


def _readable(unit: Unit) -> Unit:
    """A file's bytes read here, for a worker on another machine (which decodes, cleans and hashes them)."""
    if not isinstance(unit, Source):
        return unit
    try:
        return FileBytes(unit, read_source(unit))
    except IngestError as exc:
        return FileBytes(unit, None, Problem(exc.path, exc.message, exc.line))


class StoredContent:
    """Whether the store at ``path`` holds a content (read-only, by a worker on this machine)."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def __call__(self, sha256: str) -> bool:
        import sqlite3

        try:
            return self.con.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone() is not None
        except sqlite3.Error:  # (busy, or not there yet): analyse it; the parent sorts it out
            return False


_STORES: dict[str, StoredContent | None] = {}


def _stored(path: str | None) -> Skip | None:
    if path is None:
        return None
    if path not in _STORES:
        try:
            _STORES[path] = StoredContent(path)
        except Exception:  # no store to read: analyse everything
            _STORES[path] = None
    return _STORES[path]


_WORKER: tuple[Pipeline, CacheOnlyGeocoder | None] | None = None


# the pipeline of the process that forks the workers, which they inherit (``Processes.start``)
_PARENT: Pipeline | None = None
_WARM_UP = Article(
    id="warm-up",
    path="warm-up",
    text="An airstrike hit Kabul on Monday, killing three people, officials in Afghanistan said.",
    clean="An airstrike hit Kabul on Monday, killing three people, officials in Afghanistan said.",
)


def _init_worker(build: Builder, config: PipelineConfig, forked: bool = False) -> None:
    import gc

    global _WORKER
    if forked and _PARENT is not None:
        geo = None
        if config.geocoder is not None:
            geo = CacheOnlyGeocoder(config.geocoder.make(offline=True))
        _WORKER = _PARENT.with_geocoder(geo), geo
    else:
        _WORKER = worker_pipeline(build, config, cache=True)
    gc.freeze()  # the worker's pipeline lives as long as it does: the collector need not look at it


def _pool_work(batch: list[Unit], work: Work) -> list[Done]:
    assert _WORKER is not None, "worker not initialised"
    pipe, geo = _WORKER
    skip = _stored(work.stored)
    return [do(pipe, geo, unit, work, skip=skip) for unit in batch]


_DASK_LOCAL = threading.local()  # a Dask worker runs tasks on several threads


def _dask_work(build: Builder, config: PipelineConfig, batch: list[Unit], work: Work) -> list[Done]:
    pipes = _DASK_LOCAL.__dict__.setdefault("pipes", {})
    if config not in pipes:
        pipes[config] = worker_pipeline(build, config, cache=False)
    pipe, geo = pipes[config]
    return [do(pipe, geo, unit, work) for unit in batch]


__all__ = [
    "CacheOnlyGeocoder",
    "ClusterError",
    "DaskCluster",
    "Done",
    "Executor",
    "Processes",
    "Serial",
    "Work",
    "make",
]
