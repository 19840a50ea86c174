"""The library: chain the stages over articles, and run the whole job over folders of them.

    from mapper.config import PipelineConfig
    from mapper.pipeline import run
    result = run(["seeds/"], "output/", PipelineConfig())       # as `mapper run seeds/`
    result.sites[0].place.name, result.sites[0].claims

    pipe = Pipeline.from_config(PipelineConfig(world=False))
    for r in pipe.pipe(articles, executor=Processes(2)):        # ordered, serial or parallel
        ...

``Pipeline.analyse`` runs the per-article stages on one ``Article``: toponyms ->
resolve -> events -> casualties.  ``Pipeline.pipe`` runs them over many, on any
executor (``mapper.executors``), in order; ``Pipeline.work`` under it takes files as
well as articles, which the executor's workers read before they analyse them.  ``run``
owns the rest, the one path every run takes whatever its options: walk the folders
(``ingest.walk``) -> read and analyse (``work``, in the workers) -> store
(``mapper.store``; a temporary one when the caller keeps none) -> sites
(``sites.assemble``) -> export (``export.publish``).
"""

from __future__ import annotations

import collections
import contextlib
import copy
import dataclasses
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .budget import Budget, OverBudget
from .casualties import read_claims
from .events import attach_claims, event_ref_of, find_events, find_triggers
from .events.screen import Keeper, Screen, default_screen
from .executors import Done, Executor, FileBytes, Packed, Serial, Unit, Work, do
from .fetch import is_url
from .ingest import (
    EXPORT_RECHECK_BYTES,
    RECORD_SUFFIXES,
    TEXT_SUFFIXES,
    InputError,
    Read,
    Source,
    check_inputs,
    display_path,
    export_kind,
    read_file,
    walk,
)
from .models import Article, ArticleResult, Problem, RunResult
from .outputs import build, refresh, save
from .places import MemoSource, WorldSource
from .places.curated import Gazetteer
from .resolve import Geocoder, Resolver
from .store import Ingested, Store, file_key
from .store.incremental import COMMIT_EVERY, MAX_PENDING, RACY_NS
from .text import split_sentences
from .toponyms import Matcher, find_toponyms

if TYPE_CHECKING:
    from .config import PipelineConfig
    from .fetch import Fetcher

BATCH = 128  # articles given to parallel workers at a time
AHEAD = 2  # batches out with the workers while this process reads on


@dataclass
class Pipeline:
    """The per-article stages, with the gazetteers they share."""

    gazetteer: Gazetteer
    matcher: Matcher
    resolver: Resolver
    problems: list[Problem] = field(default_factory=list)  # from loading the gazetteers
    config: PipelineConfig | None = None  # what it was built from (workers build theirs from it)
    budget: Budget = field(default_factory=Budget)  # what one article may cost
    # the events stage's learned screen (mapper.events.screen); None: every draft event is kept
    screen: Keeper | None = field(default_factory=default_screen)

    @classmethod
    def create(
        cls,
        gazetteers: Sequence[str | os.PathLike[str]] = (),
        *,
        world: WorldSource | None = None,
        geocoder: Geocoder | None = None,
        config: PipelineConfig | None = None,
        budget: Budget | None = None,
    ) -> Pipeline:
        if world is not None and not isinstance(world, MemoSource):
            world = MemoSource(world)
        gaz, problems = Gazetteer.load(gazetteers, world=world)
        return cls(gaz, Matcher(gaz.forms, world), Resolver(gaz, world, geocoder), problems, config, budget or Budget())

    @classmethod
    def from_config(cls, config: PipelineConfig, *, geocoder: Geocoder | None = None) -> Pipeline:
        """The pipeline ``config`` describes; ``geocoder`` replaces the configured one (a worker's
        cache-only geocoder, say).  ``ValueError`` for a geocoder geopy does not know."""
        from .config import default_world

        world = default_world() if config.world else None
        if geocoder is None and config.geocoder is not None:
            geocoder = config.geocoder.make()
        if config.gazetteer_data is None:
            pipe = cls.create(config.gazetteers, world=world, geocoder=geocoder, config=config, budget=config.budget)
        else:
            with tempfile.TemporaryDirectory(prefix="mapper-gazetteers-") as tmp:  # shipped to another machine
                paths = []
                for i, data in enumerate(config.gazetteer_data):
                    paths.append(Path(tmp) / f"{i}.csv")
                    paths[-1].write_bytes(data)
                pipe = cls.create(paths, world=world, geocoder=geocoder, config=config, budget=config.budget)
        if config.screen_data is not None:  # (the weights of the machine that shipped the config)
            pipe.screen = Screen.from_bytes(config.screen_data) if config.screen_data else None
        return pipe

    def with_geocoder(self, geocoder: Geocoder | None) -> Pipeline:
        """The same pipeline (its gazetteers and memos shared) with another geocoder (a worker's)."""
        resolver = copy.copy(self.resolver)
        resolver.geocoder = geocoder
        return dataclasses.replace(self, resolver=resolver)

    def analyse(self, article: Article) -> ArticleResult:
        """The per-article stages: toponyms -> resolve -> events -> casualties.

        Raises ``OverBudget`` for an article longer than the budget allows, or whose
        analysis takes longer (``mapper.budget``)."""
        self.budget.check_size(len(article.clean))
        with self.budget.timed():
            sentences = split_sentences(article.clean)
            toponyms = find_toponyms(article, sentences, self.matcher)
            mentions, unresolved = self.resolver.resolve(article, toponyms)
            found = find_triggers(article.clean, sentences)
            mentions, events = find_events(article.clean, sentences, mentions, found, self.screen)
            claims, spans = read_claims(article, sentences)
            claims = attach_claims(claims, spans, events, sentences, found, mentions)
        return ArticleResult(article, mentions, claims, unresolved, event_ref_of(events), events)

    def attempt(self, article: Article) -> ArticleResult | Problem:
        """``analyse``, or the problem that kept the article from being analysed."""
        try:
            return self.analyse(article)
        except OverBudget as exc:
            return Problem(article.path, str(exc))

    def pipe(
        self,
        articles: Iterable[Article],
        executor: Executor | None = None,
        *,
        on_problem: Callable[[Problem], None] | None = None,
    ) -> Iterator[ArticleResult]:
        """``analyse`` over ``articles`` on ``executor`` (this process when None): the results
        in the order of the articles, the same whichever executor runs them.  An article past
        its budget goes to ``on_problem`` (without one, ``OverBudget`` is raised)."""
        for article, done in self.work(articles, executor):
            assert isinstance(article, Article)
            if done.refused is not None:
                if on_problem is None:
                    raise OverBudget(str(done.refused))
                on_problem(done.refused)
                continue
            assert done.result is not None
            done.result.article = article  # (the result comes back without the article, which is here)
            yield done.result

    def work(
        self,
        units: Iterable[Unit],
        executor: Executor | None = None,
        *,
        pack: bool = False,
        skip: Callable[[str], bool] | None = None,
        stored: str | None = None,
    ) -> Iterator[tuple[Unit, Done]]:
        """Each unit (an article, or a file found by ``ingest.walk`` that the worker reads) with
        what was done with it (``executors.Done``), in the order of the units, whichever
        executor does it.  ``pack``: the texts come back compressed for the store, the
        article without them.  Contents ``skip`` knows (in this process) or the store at
        ``stored`` holds (in workers here) are read but not analysed.  An article past its
        budget comes back with its ``Done.refused`` problem in place of a result."""
        ex = executor or Serial()
        with ex.using(self):
            parallel = not isinstance(ex, Serial)
            redo = parallel and self.config is not None and self.config.redo_misses(remote=ex.remote)
            size = BATCH if parallel else 1
            how = Work(pack, stored, None if parallel else skip)
            it = iter(units)
            out: collections.deque[tuple[list[Unit], Any]] = collections.deque()

            def send() -> None:
                batch = [u for _, u in zip(range(size), it, strict=False)]
                if batch:
                    out.append((batch, ex.submit(batch, how)))

            for _ in range(AHEAD if parallel else 1):
                send()
            while out:
                batch, ticket = out.popleft()
                answers = ex.collect(ticket)
                send()  # the workers go on while these are handed out
                for unit, done in zip(batch, answers, strict=True):
                    if done.missed and redo and done.result is not None:
                        done = self.redo(unit, done, how)  # a name the worker's cache could not answer: ask here
                    yield unit, done

    def redo(self, unit: Unit, done: Done, how: Work) -> Done:
        """Do ``unit`` again in this process, from its text (read again when a worker read it)."""
        if isinstance(unit, Article):
            article = unit
        else:
            source, data = (unit.source, unit.data) if isinstance(unit, FileBytes) else (unit, None)
            got = read_file(source, data=data)
            if got.article is None:  # (gone since the worker read it)
                return Done(done.article, None, problems=done.problems + got.problems)
            article = got.article
        again = do(self, None, article, how)
        return Done(done.article, again.result, again.packed, False, done.problems, again.refused)


# --------------------------------------------------------------------------- the whole job


def run(
    inputs: Iterable[str | os.PathLike[str]],
    outdir: str | os.PathLike[str] = "output",
    config: PipelineConfig | None = None,
    *,
    store: str | os.PathLike[str] | None = None,
    keep_store: bool = True,
    executor: Executor | None = None,
    pipeline: Pipeline | None = None,
    formats: Sequence[str] = ("geojson", "csv", "html"),
    reanalyse: bool = False,
    commit_every: float = COMMIT_EVERY,
    wait: float | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    progress: bool = False,
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
) -> RunResult:
    """Read the articles under ``inputs``, analyse those the store lacks, and write the outputs
    of every stored article into ``outdir``.

    An input may be the URL of a page, and ``feeds`` the URLs of RSS or Atom feeds, whose
    entries are read: they are fetched (``mapper.fetch``; ``fetcher``, by default one with
    the geocoder's user agent and the user cache folder) before anything else is done.

    Raises ``InputError``, before reading or writing anything, when an input does not
    exist or holds no article file, and, before writing the outputs, when not one of the
    article files found could be read.

    ``store``: the SQLite store (default ``outdir/mapper.sqlite``), locked for the run;
    ``keep_store=False`` keeps none: a temporary store, so the outputs cover exactly the
    articles given.  The outputs are written before the last analyses are stored, so a run
    that fails in between changes nothing; ``RunResult.ingested`` says what the run added.
    """
    from .config import PipelineConfig
    from .export.publish import publish
    from .store import default_store, locked

    config = config or PipelineConfig()
    inputs = list(inputs)
    fetched: list[Problem] = []  # pages and feeds that could not be had
    if feeds or any(is_url(i) for i in inputs):
        from .config import DEFAULT_USER_AGENT
        from .fetch import Fetcher, resolve

        if fetcher is None:
            agent = config.geocoder.user_agent if config.geocoder is not None else DEFAULT_USER_AGENT
            fetcher = Fetcher.default(agent)

        def unfetched(p: Problem) -> None:
            fetched.append(p)
            if on_problem:
                on_problem(p)

        inputs = list(resolve(inputs, feeds, fetcher, unfetched, on_note))
        if not inputs:
            raise InputError("nothing could be fetched (see above); nothing written")
    check_inputs(inputs, exclude=[outdir])
    pipe = pipeline or Pipeline.from_config(config)
    executor = executor or Serial()
    with contextlib.ExitStack() as stack:
        if keep_store:
            path = Path(store) if store is not None else default_store(outdir)
            stack.enter_context(locked(path, wait=wait, on_wait=on_note))
        else:
            path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mapper-run-"))) / "run.sqlite"
        st = stack.enter_context(Store.open(path))
        for line in st.notes:
            if on_note:
                on_note(line)
        analysis = config.fingerprint()
        with executor.using(pipe):
            done = update(
                st,
                pipe,
                inputs,
                analysis=analysis,
                executor=executor,
                reanalyse=reanalyse,
                commit_every=commit_every,
                on_problem=on_problem,
                on_note=on_note,
                progress=progress,
                exclude=[outdir],
            )
        done.problems[:0] = fetched
        if done.files and not (done.added or done.known or done.unchanged or done.replaced):
            raise InputError(f"none of the {done.files} article files found could be read (see above); nothing written")
        result = build(st, done.problems, done.pending, on_problem=on_problem)
        result.outputs = publish(result, outdir, formats)
        save(st, done.pending, result, analysis)
        result.ingested = done
        result.store = str(path) if keep_store else None
    return result


def _named(result: ArticleResult, article_id: str) -> ArticleResult:
    """The same analysis of the article under another id (the stages only copy the id)."""
    result.article.id = article_id
    result.mentions = [dataclasses.replace(m, article=article_id) for m in result.mentions]
    result.claims = [dataclasses.replace(c, article=article_id) for c in result.claims]
    return result


def update(
    store: Store,
    pipe: Pipeline,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    analysis: str,
    executor: Executor | None = None,
    reanalyse: bool = False,
    commit_every: float = COMMIT_EVERY,
    on_problem: Callable[[Problem], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    progress: bool = False,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Ingested:
    """Read the articles under ``inputs`` that the store lacks and analyse each one.

    A file whose path, size and mtime are recorded is skipped without reading it; a
    file whose content is stored is not analysed again, so the same article under two
    names counts once.  A recorded file whose content changed replaces its old article.
    Stored articles analysed under another fingerprint (or all of them, with
    ``reanalyse``) are analysed again from their stored text.

    Work is stored in batches of whole articles, one transaction each, whenever the
    oldest unstored piece is ``commit_every`` seconds old (and on Ctrl-C); the last
    batch is left in ``pending`` for ``save``, after the outputs are written.  The
    bookkeeping follows the order of the files, so the store ends the same whichever
    executor analyses.
    """
    up = _Update(store, pipe, analysis, commit_every, on_problem, on_note)
    for p in pipe.problems:
        up.problem(p)
    inputs = list(inputs)
    # the stored articles to analyse again, as they are before this run adds any
    # (those it adds are analysed as it stands)
    todo = store.all_hashes() if reanalyse else store.stale(analysis)
    try:
        up.read_new(inputs, executor, exclude, progress)
        up.analyse_again(todo, executor, "as asked" if reanalyse else "the gazetteers or the mapper changed")
    except KeyboardInterrupt:
        store.add(up.pending, analysis)  # keep what is done; the next run goes on from there
        raise
    return up.done


class _Update:
    """The bookkeeping of one ``update``: the files found, in their order, each settled once
    its worker is done with it (its problems, its record, the content it replaces, its
    analysis), and the batches handed to the store."""

    def __init__(
        self,
        store: Store,
        pipe: Pipeline,
        analysis: str,
        commit_every: float,
        on_problem: Callable[[Problem], None] | None,
        on_note: Callable[[str], None] | None,
    ) -> None:
        self.store, self.pipe, self.analysis, self.commit_every = store, pipe, analysis, commit_every
        self.on_problem, self.on_note = on_problem, on_note
        self.done = Ingested()
        self.pending = self.done.pending
        # content hash -> (id, path), and the ids, of the articles analysed in this run and not stored yet
        self.seen: dict[str, tuple[str, str]] = {}
        self.ids: set[str] = set()
        self.held: set[str] = set()  # contents of the files read in this run and not recorded yet
        self.rows: dict[bytes, tuple[int, int, str] | None] = {}  # the store's record of the file being read
        self.keys: dict[Path, bytes] = {}  # the store's name of the file being read (``file_key``: a real path)
        self.waiting: collections.deque[Read | Problem] = collections.deque()  # found, in order, not settled yet
        self.failed: set[str] = set()  # contents that could not be analysed in this run (past their budget)

    def problem(self, p: Problem) -> None:
        self.done.problems.append(p)
        if self.on_problem:
            self.on_problem(p)

    def tick(self) -> None:
        """Hand the pending batch to the store once its oldest piece is old enough (or it is large)."""
        pending = self.pending
        now = time.monotonic()
        if pending.since is None:
            pending.since = now
        elif now - pending.since >= self.commit_every or len(pending.results) >= MAX_PENDING:
            for r in pending.results:  # stored now: the store answers for them from here on
                self.seen.pop(r.article.sha256, None)
                self.ids.discard(r.article.id)
            for f in pending.files:
                self.held.discard(f[3])
            self.store.add(pending, self.analysis)  # full analyses (with their texts) are held only this long

    def leaving(self, sha256: str) -> bool:
        """Whether this stored content is being replaced in this run (its file changed)."""
        return sha256 in self.pending.superseded

    def wanted(self, path: Path, st: os.stat_result | None) -> bool:
        """Read the file unless the store holds it as it is (same path, size and mtime)."""
        key = file_key(path)
        suffix = path.suffix.lower()
        if suffix in RECORD_SUFFIXES:  # records, each with the file's size and mtime
            if self._records_unchanged(key, st):
                return False
            self.rows[key] = self.store.file_row(key)  # (an older mapper stored it whole, as one article)
            return True
        row = self.store.file_row(key)
        if st is not None and row is not None and row[:2] == (st.st_size, st.st_mtime_ns):
            # (an export of articles that an older mapper stored whole, as one, is read again for its records)
            if not (suffix in TEXT_SUFFIXES and st.st_size >= EXPORT_RECHECK_BYTES and export_kind(path, st)):
                self.done.files += 1
                self.done.unchanged += 1
                return False  # (nor is it remembered: 100,000 unchanged files are passed over in little memory)
        elif row is None and suffix in TEXT_SUFFIXES and self._records_unchanged(key, st):
            return False  # a news database's export, stored as its records
        # (counted when it is settled: an export of articles is counted by its records)
        self.rows[key] = row
        self.keys[path] = key  # (settled with it: resolving the path again costs a system call a folder)
        return True

    def _records_unchanged(self, key: bytes, st: os.stat_result | None) -> bool:
        """Whether the store holds the records of the file at ``key`` as it is (then counted as such)."""
        recs = self.store.records_row(key)
        if st is None or recs is None or recs[:2] != (st.st_size, st.st_mtime_ns):
            return False
        self.done.files += recs[2]
        self.done.unchanged += recs[2]
        return True

    def known_here(self, sha256: str) -> bool:
        """Whether a content read needs no analysis: met before in this run, or stored and staying."""
        return sha256 in self.seen or (not self.leaving(sha256) and self.store.article_of(sha256) is not None)

    def read_new(
        self,
        inputs: list[str | os.PathLike[str]],
        executor: Executor | None,
        exclude: Iterable[str | os.PathLike[str]],
        progress: bool,
    ) -> None:
        """Walk the folders; the workers read and analyse what is new; settle each file in order."""
        bar = None
        if progress:  # the files are found as they are read (a list of 100,000 of them is large): count first
            from .ingest import discover

            total = sum(1 for _ in discover(inputs, records=True, exclude=exclude))
            if total > 50:
                from tqdm import tqdm

                bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False)
        waiting = self.waiting

        def units() -> Iterator[Unit]:
            """The files to read (and records read) for the workers, as the walk finds them."""
            for item in walk(inputs, wanted=self.wanted, records=True, exclude=exclude):
                if bar is not None:
                    bar.update(1)
                waiting.append(item)
                if isinstance(item, Read):
                    if item.unread:
                        yield item.source
                    elif item.article is not None:
                        yield item.article

        works = self.pipe.work(units(), executor, pack=True, skip=self.known_here, stored=str(self.store.path))
        for _, work in works:
            while not _worked(waiting[0]):  # files before it that needed no work
                self.settle(waiting.popleft(), None)
            self.settle(waiting.popleft(), work)
        while waiting:
            self.settle(waiting.popleft(), None)
        if bar is not None:
            bar.close()

    def settle(self, item: Read | Problem, work: Done | None) -> None:
        """A file (or record) found, read and perhaps analysed, in the order of the files: its
        problems, its record, the stored content it replaces, and its analysis when its
        content is new to the store and to the run (else what the worker did is dropped)."""
        if isinstance(item, Problem):  # a path given that does not exist, a bad record
            self.problem(item)
            return
        store = self.store
        article, problems = item.article, list(item.problems)
        result = packed = None
        if work is not None:
            problems += work.problems
            article = work.article if item.unread else article
            result, packed = work.result, work.packed
        for p in problems:
            self.problem(p)
        legacy = None  # the whole .jsonl, stored as one article by an older mapper
        if item.record is None:
            key = plain = self.keys.pop(item.source.path, None) or file_key(item.source.path)
            row = self.rows.pop(key)
            self.done.files += 1
        else:  # a record of a .jsonl file, a mailbox or an export of articles
            key = file_key(item.source.path, item.record)
            row = store.file_row(key)
            plain = file_key(item.source.path)
            legacy = self.rows.pop(plain, None)  # (on its first record)
            self.keys.pop(item.source.path, None)  # (an export of articles, wanted as a text file)
            self.done.files += 1
        if article is None or article.sha256 in self.failed:  # (a copy of one past its budget: read again next run)
            return
        st = item.stat or item.source.path.stat()
        racy = time.time_ns() - st.st_mtime_ns < RACY_NS
        file = (key, st.st_size, 0 if racy else st.st_mtime_ns, article.sha256)
        old = row[2] if row is not None and row[2] != article.sha256 else None
        if old is not None and (old in self.held or store.other_files(old, key)):
            old = None  # that content stays: another file holds it
        unrecord = None
        if legacy is not None:  # the whole file's article goes; its records replace it
            unrecord = plain
            if (
                old is None
                and legacy[2] != article.sha256
                and not (legacy[2] in self.held or store.other_files(legacy[2], plain))
            ):
                old = legacy[2]
        # content that moved here from a file that changed is stored again, under this file
        known = self.seen.get(article.sha256) or (
            None if self.leaving(article.sha256) else store.article_of(article.sha256)
        )
        if known is None and work is not None and work.refused is not None:
            # past its budget: reported, and left unrecorded, so that the next run reads it again
            self.problem(work.refused)
            self.failed.add(article.sha256)
            return
        self.held.add(article.sha256)
        if known is not None:
            if Path(known[1]).resolve() != Path(article.path).resolve():
                self.problem(Problem(article.path, f"same content as {known[0]}; counted once"))
            self.done.known += 1
            result = packed = None  # (analysed by a worker that could not know)
        else:
            aid = store.free_id(article, taken=self.ids, replaces=old)
            if result is None:  # a worker took its content for stored: analyse it here
                unit: Unit = item.article if item.article is not None else item.source
                again = self.pipe.redo(unit, Done(None, None), Work(True))
                result, packed = again.result, again.packed
                if result is None:
                    if again.refused is not None:
                        self.problem(again.refused)
                        self.failed.add(article.sha256)
                    return
            if result.article.id != aid:  # its id was taken: the analysis names it by its free one
                result = _named(result, aid)
            self.seen[article.sha256] = (aid, article.path)
            self.ids.add(aid)
        self.record(file, old, unrecord, item.source, result, packed)

    def record(
        self,
        file: tuple[bytes, int, int, str],
        old: str | None,
        unrecord: bytes | None,
        source: Source,
        result: ArticleResult | None,
        packed: Packed | None,
    ) -> None:
        """Add a file, what it replaces and its analysis to ``pending``, in file order."""
        pending, done = self.pending, self.done
        pending.files.append(file)
        if unrecord is not None:
            pending.unrecorded.append(unrecord)
        if old is not None:
            pending.superseded.append(old)
            done.replaced += 1
            if self.on_note:
                what = "its records replace the whole file" if unrecord else "its new text replaces the old"
                self.on_note(f"{display_path(source.path)} changed since it was stored; {what}")
        if result is not None:
            pending.results.append(result)
            if packed is not None:
                pending.packed[result.article.sha256] = packed
            done.added.append(result.article.id)
        self.tick()

    def analyse_again(self, todo: Iterable[str], executor: Executor | None, why: str) -> None:
        """Analyse the stored articles of ``todo`` again from their stored text (the caller says why)."""
        store = self.store
        skip = set(self.pending.superseded)  # edited files' old content, gone once the batch is stored
        todo = [s for s in todo if s not in skip and store.article_of(s) is not None]
        if todo and self.on_note:
            self.on_note(f"analysing {len(todo)} stored articles again from their stored text ({why})")

        def stored_articles() -> Iterator[Article]:
            for sha in todo:
                for r in store.results([sha], with_text=True):  # (none when its row is damaged)
                    yield r.article
                for p in store.take_damaged():
                    self.problem(p)

        for _, work in self.pipe.work(stored_articles(), executor, pack=True):
            if work.refused is not None:  # its earlier analysis stays
                self.problem(work.refused)
                continue
            assert work.result is not None
            self.pending.results.append(work.result)
            if work.packed is not None:
                self.pending.packed[work.result.article.sha256] = work.packed
            self.done.reanalysed += 1
            self.tick()


def _worked(item: Read | Problem) -> bool:
    """Whether a file found went to the workers (else it needed no work: unchanged, or unreadable)."""
    return isinstance(item, Read) and (item.unread or item.article is not None)


__all__ = ["Pipeline", "build", "refresh", "run", "save", "update"]
