"""The embedded store: every analysed article, so runs are incremental and idempotent.

A store is one SQLite file (``output/mapper.sqlite`` by default) holding

* ``articles``: one row per distinct content (keyed by the SHA-256 of the file's
  bytes) with its id, path, title, outlet, dates, the original and cleaned text
  (zlib) and the offset map between them (run-length JSON), the date reference
  of its first strike sentence and the names no gazetteer knew;
* ``mentions``: every place name found in an article, its role and evidence,
  and its resolution (``place_id``), one row each;
* ``places``: the gazetteer or geocoder entries mentions resolved to;
* ``claims``: casualty claims with the places they cover;
* ``sites``: the sites built from all stored articles, each with its GeoJSON
  feature (the README contract), rebuilt whenever the articles change;
* ``files``: every article file read (real path, size, mtime, content hash), so
  an unchanged file is skipped without reading it;
* ``corrections``: the analyst's corrections of the sites (``mapper.corrections``),
  applied whenever the sites are built and never touched by re-analysis;
* ``meta``: bookkeeping (change counters, the last run's problems).

An article is written with its mentions and claims in one transaction, so a
killed run never leaves half an article; sites depend on all articles (event
dates, clusters), so they are rebuilt from the stored analyses.  The tables and
their migrations: ``schema.py``; how values are encoded: ``codec.py``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeAlias

from .. import __version__
from ..models import Article, ArticleResult, Offsets, Place, Problem
from .codec import (
    CLAIM_COLUMNS,
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    claim_from_row,
    claim_row,
    dateref,
    dateref_json,
    dumps,
    dumps_json,
    loads,
    mention_from_row,
    mention_row,
    now,
    pack_article,
    place_from_row,
    place_row,
    published,
    unpack_offsets,
    unpack_text,
)
from .errors import StoreError
from .incremental import Packed, Pending, record_range
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, statements


class _Known(dict[str, Any]):
    """The stored places, a damaged one (left out) read as no place."""

    def __missing__(self, key: str) -> None:
        return None


class _Rows:
    """The rows of one table for each article in turn, from one pass over them in the
    articles' order (``Store._in_article_order``): ``of(sha)`` takes that article's rows."""

    def __init__(self, rows: Iterator[Sequence[Any]]):
        self._rows = rows
        self._head = next(rows, None)

    def of(self, sha: str) -> list[Sequence[Any]]:
        out = []
        while self._head is not None and self._head[0] == sha:
            out.append(self._head[1:])
            self._head = next(self._rows, None)
        return out


# which of an article's mentions to read, given each one's (place id, name as written, role, literal)
Keep: TypeAlias = Callable[[list[tuple[str | None, str, str, bool]]], Sequence[int]]


# what decoding a damaged row raises: a bad zlib blob, bad JSON or UTF-8, a value of the wrong shape
_DAMAGE = (zlib.error, ValueError, TypeError, KeyError, IndexError)


class Store:
    """An open store.  Use ``Store.open``; close it (or use ``with``) when done."""

    def __init__(self, path: Path, con: sqlite3.Connection):
        self.path = path
        self.con = con
        self.notes: list[str] = []  # what opening did (an upgrade), for the user
        # stored rows that could not be decoded (a damaged blob or JSON), each named once
        self.damaged: list[Problem] = []
        self._damaged_seen: set[str] = set()

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        migrate: bool = True,
        version: int = SCHEMA_VERSION,
        readonly: bool = False,
    ) -> Store:
        """Open (or create) the store at ``path``, upgrading an older schema.

        ``version`` is for tests that need a store of an older schema.
        Raises ``StoreError`` for a missing store (``create=False``), a file that is
        not a store, a store from a newer mapper, or an older one when ``migrate`` is off,
        and, unless ``readonly``, for a store this process may not write (a read-only file
        or folder), before anything is done.  ``readonly``: open it only to read (as
        ``mapper sites`` does), from a read-only folder too.
        """
        p = Path(path)
        fresh = cls.fresh(p)
        if fresh and not create:
            raise StoreError(f"{p}: no store here (`mapper run` creates one)")
        if fresh and p.suffix.lower() == ".gpkg":
            raise StoreError(
                f"{p}: the store is SQLite, not a GeoPackage; name it .sqlite "
                "(`mapper export --format gpkg` writes a GeoPackage for QGIS)"
            )
        if not fresh:
            with open(p, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{p}: not an SQLite database, so not a mapper store")
        if readonly:
            return cls._open_readonly(p, version)
        p.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = sqlite3.connect(p, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{p}: cannot open: {exc}") from None
        store = cls(p, con)
        try:
            store._check_and_migrate(create=create, migrate=migrate, target=version)
            store._check_writable()
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            con.close()
            raise StoreError(f"{p}: unreadable store: {exc}") from None
        except BaseException:
            con.close()
            raise
        return store

    @classmethod
    def _open_readonly(cls, p: Path, version: int) -> Store:
        """Open to read only: ``mode=ro``, or, when SQLite cannot make its shared-memory file
        beside it (a read-only folder, where no writer can be at work), ``immutable=1``."""
        from urllib.parse import quote

        uri = "file:" + quote(os.path.abspath(p))
        last: sqlite3.Error | None = None
        for flags in ("mode=ro", "immutable=1"):
            try:
                con = sqlite3.connect(
                    f"{uri}?{flags}", uri=True, timeout=30, isolation_level=None, check_same_thread=False
                )
            except sqlite3.Error as exc:
                last = exc
                continue
            store = cls(p, con)
            try:
                store._check_and_migrate(create=False, migrate=False, target=version)
                con.execute("SELECT count(*) FROM articles").fetchone()  # reads through the WAL, if any
            except sqlite3.OperationalError as exc:  # (mode=ro without its -shm file: try immutable)
                con.close()
                last = exc
                continue
            except sqlite3.DatabaseError as exc:
                con.close()
                raise StoreError(f"{p}: unreadable store: {exc}") from None
            except BaseException:
                con.close()
                raise
            return store
        raise StoreError(f"{p}: cannot open to read: {last}")

    def _check_writable(self) -> None:
        """Raise ``StoreError`` for a store this process cannot write (tried, not guessed)."""
        try:  # (a statement that writes nothing is refused all the same by a read-only database)
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM meta WHERE 0")
            self.con.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
            text = str(exc).lower()
            if "readonly" in text or "read-only" in text or "unable to open" in text:
                raise StoreError(
                    f"{self.path}: the store is read-only here ({exc}); nothing was done "
                    "(`mapper sites` reads it; give --store a writable copy to add to it)"
                ) from None
            raise

    @staticmethod
    def fresh(path: Path) -> bool:
        """Whether no store is at ``path`` yet (no file, or an empty one); a folder there is an error."""
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a store file")
        return not path.exists() or path.stat().st_size == 0

    @classmethod
    def require(cls, path: str | os.PathLike[str]) -> None:
        """Raise ``StoreError`` unless a store may be at ``path``: what ``open(create=False)``
        says first, said before anything (a lock file, a folder) is made."""
        if cls.fresh(Path(path)):
            raise StoreError(f"{path}: no store here (`mapper run` creates one)")

    def _header(self) -> tuple[int, int, int]:
        app = self.con.execute("PRAGMA application_id").fetchone()[0]
        ver = self.con.execute("PRAGMA user_version").fetchone()[0]
        tables = self.con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return app, ver, tables

    def _check_and_migrate(self, *, create: bool, migrate: bool, target: int) -> None:
        app, ver, tables = self._header()
        if app == APPLICATION_ID and ver == target:
            return
        if app == 0 and ver == 0 and tables == 0:
            if not create:
                raise StoreError(f"{self.path}: empty file, not a store (`mapper run` creates one)")
        elif app != APPLICATION_ID:
            kind = "a GeoPackage" if app == 0x47504B47 else "another program's SQLite database"
            raise StoreError(f"{self.path}: {kind}, not a mapper store; give --store another file")
        elif ver > SCHEMA_VERSION or ver not in MIGRATIONS:
            raise StoreError(
                f"{self.path}: store schema version {ver} is not one this mapper ({__version__}) knows "
                f"(it reads up to {SCHEMA_VERSION}); upgrade strike-mapper or use another --store"
            )
        elif not migrate:
            raise StoreError(
                f"{self.path}: store schema version {ver} is older than {SCHEMA_VERSION}; "
                "`mapper export` or `mapper run` upgrades it"
            )
        with self.transaction():  # read again under the write lock: another process may have been first
            app, ver, tables = self._header()
            if app == APPLICATION_ID and ver == target:
                return
            if app != APPLICATION_ID and (app or ver or tables):
                raise StoreError(f"{self.path}: another program's SQLite database, not a mapper store")
            if ver > target:
                raise StoreError(f"{self.path}: store schema version {ver} is newer than {target}")
            start = ver
            for v in range(ver + 1, target + 1):
                for stmt in statements(MIGRATIONS[v]):
                    self.con.execute(stmt)
            self.con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.con.execute(f"PRAGMA user_version = {target}")
            when = now()
            if start == 0:
                self._set_meta("created", when)
                self._set_meta("articles_gen", "0")
                self._set_meta("sites_gen", "0")
            else:
                self.notes.append(f"upgraded the store {self.path} from schema version {start} to {target}")
            self._set_meta("schema_changed", f"{start}->{target} {when} mapper {__version__}")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception.

        (A process killed inside leaves a transaction SQLite rolls back when the
        store is next opened: all of it or none of it is ever seen.)
        """
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield self.con
            self.con.execute("COMMIT")
        except BaseException:
            if self.con.in_transaction:  # SQLite may have rolled back already (disk full, ...)
                self.con.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent view while a writer may be at work."""
        self.con.execute("BEGIN DEFERRED")
        try:
            yield self.con
        finally:
            if self.con.in_transaction:
                self.con.execute("COMMIT")

    # ------------------------------------------------------------------ meta
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _bump(self) -> None:
        """Count a change of the articles: the stored sites are now behind."""
        self.con.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_gen'")

    def sites_current(self) -> bool:
        return self.meta("articles_gen") == self.meta("sites_gen")

    # ------------------------------------------------------------------ articles
    def article_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])

    def article_of(self, sha256: str) -> tuple[str, str] | None:
        """(id, path) of the stored article with this content, if any."""
        row = self.con.execute("SELECT article_id, path FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return (row[0], row[1]) if row else None

    def free_id(self, article: Article, *, taken: Container[str] = (), replaces: str | None = None) -> str:
        """``article.id`` if no other stored article has it, else a longer unique id.

        Two folders may both hold an ``a.txt``: the second becomes ``<folder>/a.txt``
        (the name of its input folder), or ``a.txt#<hash prefix>``.
        """
        wanted = article.id

        def candidates() -> Iterator[str]:
            yield wanted
            parts = wanted.split("/")
            parents = Path(article.path).resolve().parents  # (file system calls: only when needed)
            if len(parents) >= len(parts) and parents[len(parts) - 1].name:
                yield f"{parents[len(parts) - 1].name}/{wanted}"
            yield f"{wanted}#{article.sha256[:8]}"
            yield f"{wanted}#{article.sha256}"

        for cand in candidates():
            if cand in taken:
                continue
            row = self.con.execute("SELECT sha256 FROM articles WHERE article_id = ?", (cand,)).fetchone()
            if row is None or row[0] in (article.sha256, replaces):
                return cand
        raise StoreError(f"{self.path}: no free id for {wanted}")  # pragma: no cover

    def add(self, pending: Pending, analysis: str) -> None:
        """Store a batch of analysed articles (with their mentions, resolutions and claims) and
        the files read, in one transaction, then empty the batch."""
        if pending:
            with self.transaction():
                self.write_pending(pending, analysis)
            pending.clear()

    def _write(self, results: Sequence[ArticleResult], analysis: str, packed: dict[str, Packed]) -> None:
        """The articles of a batch with their mentions and claims: one statement per table."""
        con = self.con
        when = now()
        rows = []
        for r in results:
            a = r.article
            text, clean, offsets = packed.get(a.sha256) or pack_article(a)
            rows.append(
                (
                    a.sha256,
                    a.id,
                    a.path,
                    a.title,
                    a.outlet,
                    a.published.isoformat() if a.published else None,
                    a.url,
                    dateref_json(r.event_ref),
                    dumps(list(r.unresolved)),
                    analysis,
                    when,
                    text,
                    clean,
                    offsets,
                    a.language,
                )
            )
        # an upsert, not delete + insert: deleting would cascade to what refers to the article
        con.executemany(
            "INSERT INTO articles (sha256, article_id, path, title, outlet, published, url, event_ref,"
            " unresolved, analysis, added, text, clean, offsets, language) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (sha256) DO UPDATE SET article_id = excluded.article_id, path = excluded.path,"
            " title = excluded.title, outlet = excluded.outlet, published = excluded.published,"
            " url = excluded.url, event_ref = excluded.event_ref, unresolved = excluded.unresolved,"
            " analysis = excluded.analysis, text = excluded.text, clean = excluded.clean,"
            " offsets = excluded.offsets, language = excluded.language",
            rows,
        )
        shas = [(r.article.sha256,) for r in results]
        con.executemany("DELETE FROM mentions WHERE sha256 = ?", shas)
        con.executemany("DELETE FROM claims WHERE sha256 = ?", shas)
        con.executemany(
            f"INSERT INTO mentions (sha256, seq, {MENTION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(r.article.sha256, i, *mention_row(m)) for r in results for i, m in enumerate(r.mentions)],
        )
        con.executemany(
            f"INSERT INTO claims (sha256, seq, {CLAIM_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(r.article.sha256, i, *claim_row(c)) for r in results for i, c in enumerate(r.claims)],
        )

    def file_row(self, key: bytes) -> tuple[int, int, str] | None:
        """(size, mtime_ns, content hash) recorded for the file at ``key``, if any."""
        row = self.con.execute("SELECT size, mtime_ns, sha256 FROM files WHERE path = ?", (key,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def records_row(self, key: bytes) -> tuple[int, int, int] | None:
        """For a .jsonl file at ``key``: (size, mtime_ns, how many records) when every one of its
        recorded records was read from the file at that size and mtime; None when it has none
        recorded or they disagree."""
        low, high = record_range(key)
        row = self.con.execute(
            "SELECT min(size), max(size), min(mtime_ns), max(mtime_ns), count(*) FROM files"
            " WHERE path >= ? AND path < ?",
            (low, high),
        ).fetchone()
        if not row[4] or row[0] != row[1] or row[2] != row[3]:
            return None
        return row[0], row[2], row[4]

    def other_files(self, sha256: str, key: bytes) -> int:
        """How many recorded files other than ``key`` hold this content."""
        row = self.con.execute("SELECT count(*) FROM files WHERE sha256 = ? AND path != ?", (sha256, key)).fetchone()
        return int(row[0])

    def write_pending(self, pending: Pending, analysis: str) -> None:
        """Store a batch (analyses, files read, superseded articles) inside the caller's transaction."""
        con = self.con
        # files first (their reference is checked at COMMIT), so that an edited file no longer
        # holds its old content, which goes before the new analysis takes over its id
        con.executemany(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, sha256, seen) VALUES (?,?,?,?,?)",
            [(*f, now()) for f in pending.files],
        )
        con.executemany("DELETE FROM files WHERE path = ?", [(key,) for key in pending.unrecorded])
        # the analyses of the batch, the last of each content (one row each)
        results = list({r.article.sha256: r for r in pending.results}.values())
        renewed = {r.article.sha256 for r in results}
        # the places that the analyses this batch replaces or drops resolved to: they may be
        # left without a mention (a re-analysis may resolve a name elsewhere)
        orphans = self._places_of([*renewed, *pending.superseded])
        for sha in pending.superseded:
            if sha in renewed:  # the content moved to another file: stored again below, under its new id
                con.execute("DELETE FROM articles WHERE sha256 = ?", (sha,))
                continue
            con.execute(  # unless another file still holds that content
                "DELETE FROM articles WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM files WHERE sha256 = ?)",
                (sha, sha),
            )
        # the places of the whole batch, each once (many articles name the same places)
        places = {m.place.id: m.place for r in pending.results for m in r.mentions if m.place is not None}
        con.executemany(
            f"INSERT INTO places ({PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (place_id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon,"
            " feature_type = excluded.feature_type, country = excluded.country, admin1 = excluded.admin1,"
            " aliases = excluded.aliases, parent = excluded.parent, geo_precision = excluded.geo_precision,"
            " source = excluded.source, resolved_by = excluded.resolved_by, population = excluded.population",
            [place_row(p) for p in places.values()],
        )
        if results:
            self._write(results, analysis, pending.packed)
        if results or pending.superseded:
            self.drop_orphan_places(orphans)
            self._bump()

    def stale(self, analysis: str) -> list[str]:
        """Content hashes of the articles analysed with other gazetteers or another mapper."""
        rows = self.con.execute("SELECT sha256 FROM articles WHERE analysis != ? ORDER BY article_id", (analysis,))
        return [r[0] for r in rows]

    def all_hashes(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT sha256 FROM articles ORDER BY article_id")]

    def load_results(self, shas: Iterable[str] | None = None, *, with_text: bool = False) -> list[ArticleResult]:
        """The stored analyses (all of them, or those of ``shas``), as a list (see ``results``)."""
        return list(self.results(shas, with_text=with_text))

    def results(
        self,
        shas: Iterable[str] | None = None,
        *,
        with_text: bool = False,
        quoting: bool = False,
        keep: Keep | None = None,
    ) -> Iterator[ArticleResult]:
        """The stored analyses (all of them, sorted by article id, or those of ``shas``), one at a time.

        ``Article.text`` (the original) is left empty unless ``with_text``: the sites
        stage and the exports need only the cleaned text and the offset map.
        ``quoting``: an article's cleaned text and offset map are decoded only when one
        of its mentions has evidence to quote (all the sites stage reads of them), so
        rebuilding the sites of 100,000 stored articles holds almost none of their texts.
        ``keep``: which of an article's mentions to read, given each one's place id (None
        when it has none, or its place is damaged), name as written, role and literal; the
        others are not decoded (``sites.kept_mentions``: the sites read few of them).
        """
        con = self.con
        cols = (
            "sha256, article_id, path, title, outlet, published, url, event_ref, unresolved, clean, offsets, language"
        )
        if with_text:
            cols += ", text"
        rows: Iterable[Any]
        if shas is None:
            rows = con.execute(f"SELECT {cols} FROM articles ORDER BY article_id")  # streamed, not fetched whole
        else:
            rows = []
            for sha in shas:
                rows += con.execute(f"SELECT {cols} FROM articles WHERE sha256 = ?", (sha,)).fetchall()
        places: dict[str, Place] = {}
        for r in con.execute(f"SELECT {PLACE_COLUMNS} FROM places"):
            try:
                places[r[0]] = place_from_row(r)
            except _DAMAGE as exc:  # its mentions are read as unresolved
                self._damage(f"place {r[0]}", exc)
        mentions = claims = None
        if shas is None:  # every article: their mentions and claims are read in two passes, not two queries each
            mentions = _Rows(self._in_article_order("mentions", MENTION_COLUMNS))
            claims = _Rows(self._in_article_order("claims", CLAIM_COLUMNS))
        for row in rows:
            try:
                result = self._result(
                    row,
                    places,
                    with_text=with_text,
                    quoting=quoting,
                    keep=keep,
                    mention_rows=mentions.of(row[0]) if mentions is not None else None,
                    claim_rows=claims.of(row[0]) if claims is not None else None,
                )
            except _DAMAGE as exc:  # named, and left out: the others are read on
                self._damage(f"article {row[1]}", exc)
                continue
            yield result

    def _damage(self, what: str, exc: BaseException) -> None:
        if what in self._damaged_seen:
            return
        self._damaged_seen.add(what)
        kind = type(exc).__name__ if type(exc).__name__ != "error" else f"{type(exc).__module__} error"  # zlib's
        why = f"{kind}: {exc}".splitlines()[0][:200]
        if what.startswith(("place ", "site ")):
            hint = "rebuilt from the articles" if what.startswith("site ") else "its names are left unresolved"
        else:
            hint = "left out; `mapper forget` it, then run over its file again"
        self.damaged.append(Problem(f"{self.path}: {what}", f"damaged in the store ({why}); {hint}"))

    def take_damaged(self) -> list[Problem]:
        """The damaged rows met since the last call (each is named once per store)."""
        out, self.damaged = self.damaged, []
        return out

    def _in_article_order(self, table: str, columns: str) -> Iterator[Sequence[Any]]:
        """The rows of ``table`` (``sha256`` first, then ``columns``), article by article in the
        order of their ids and in ``seq`` order within one: a walk of the article id index."""
        cols = ", ".join(f"t.{c.strip()}" for c in columns.split(","))
        joined = f"articles a JOIN {table} t ON t.sha256 = a.sha256"
        return self.con.execute(f"SELECT t.sha256, {cols} FROM {joined} ORDER BY a.article_id, t.seq")

    def _result(
        self,
        row: Sequence[Any],
        places: dict[str, Place],
        *,
        with_text: bool,
        quoting: bool,
        keep: Keep | None = None,
        mention_rows: Iterable[Sequence[Any]] | None = None,
        claim_rows: Iterable[Sequence[Any]] | None = None,
    ) -> ArticleResult:
        """One stored analysis from its ``articles`` row (raises on damaged content; a mention of a
        damaged place is read as unresolved); its mention and claim rows are read here unless given."""
        con = self.con
        sha, aid = row[0], row[1]
        known = _Known(places)
        if mention_rows is None:
            mention_rows = con.execute(f"SELECT {MENTION_COLUMNS} FROM mentions WHERE sha256 = ? ORDER BY seq", (sha,))
        if claim_rows is None:
            claim_rows = con.execute(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE sha256 = ? ORDER BY seq", (sha,))
        if keep is not None:
            rows = list(mention_rows)
            keys = [(r[6] if r[6] in places else None, r[4], r[9], bool(r[7])) for r in rows]
            mention_rows = [rows[i] for i in keep(keys)]
        mentions = [mention_from_row(aid, m, known) for m in mention_rows]
        claims = [claim_from_row(aid, c) for c in claim_rows]
        texts = not quoting or any(m.evidence is not None for m in mentions)
        article = Article(
            id=aid,
            path=row[2],
            text=unpack_text(row[12]) if with_text else "",
            clean=unpack_text(row[9]) if texts else "",
            offsets=unpack_offsets(row[10]) if texts else Offsets(),
            sha256=sha,
            title=row[3],
            outlet=row[4],
            published=published(row[5]),
            url=row[6],
            language=row[11],
        )
        return ArticleResult(article, mentions, claims, list(loads(row[8])), dateref(row[7]))

    def find(self, ref: str) -> list[str]:
        """Content hashes of the articles ``ref`` names: an article id, a path, a hash or its prefix."""
        con = self.con
        hit = con.execute("SELECT sha256 FROM articles WHERE article_id = ? OR sha256 = ?", (ref, ref)).fetchall()
        if not hit:
            want = Path(ref).resolve()
            hit = [
                (sha,) for sha, path in con.execute("SELECT sha256, path FROM articles") if Path(path).resolve() == want
            ]
        if not hit and len(ref) >= 6 and all(ch in "0123456789abcdef" for ch in ref.lower()):
            hit = con.execute("SELECT sha256 FROM articles WHERE sha256 LIKE ?", (ref.lower() + "%",)).fetchall()
        return sorted({h[0] for h in hit})

    def find_file(self, key: bytes) -> list[str]:
        """Content hash of the recorded file at ``key`` (see ``file_key``), or of each of the
        records of the .jsonl file there, as a list."""
        low, high = record_range(key)
        rows = self.con.execute(
            "SELECT sha256 FROM files WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path", (key, low, high)
        )
        return list(dict.fromkeys(r[0] for r in rows))

    def forget(self, shas: Iterable[str]) -> list[str]:
        """Remove articles and what only they supported (mentions, claims, places); their ids."""
        gone: list[str] = []
        with self.transaction():
            shas = list(shas)
            orphans = self._places_of(shas)
            for sha in shas:
                known = self.article_of(sha)
                if known is None:
                    continue
                self.con.execute("DELETE FROM articles WHERE sha256 = ?", (sha,))
                gone.append(known[0])
            if gone:
                self.drop_orphan_places(orphans)
                self._bump()
        return gone

    def _places_of(self, shas: Iterable[str]) -> set[str]:
        """The places the stored mentions of these articles resolve to."""
        out: set[str] = set()
        shas = list(shas)
        for i in range(0, len(shas), 500):  # (SQLite takes a limited number of parameters)
            part = shas[i : i + 500]
            out.update(
                r[0]
                for r in self.con.execute(
                    f"SELECT DISTINCT place_id FROM mentions WHERE sha256 IN ({','.join('?' * len(part))})"
                    " AND place_id IS NOT NULL",
                    part,
                )
            )
        return out

    def drop_orphan_places(self, candidates: Iterable[str] | None = None) -> None:
        """Remove the places no stored mention resolves to (call inside a transaction): of
        ``candidates`` (each looked up in the index of the mentions' places, so that a batch
        costs the same however large the store), or of all (a scan of every mention)."""
        if candidates is None:
            self.con.execute(
                "DELETE FROM places WHERE place_id NOT IN (SELECT place_id FROM mentions WHERE place_id IS NOT NULL)"
            )
            return
        self.con.executemany(
            "DELETE FROM places WHERE place_id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE place_id = ?)",
            [(p, p) for p in sorted(candidates)],
        )

    # ------------------------------------------------------------------ corrections
    def corrections(self, *, undone: bool = False) -> list[Any]:
        """The analyst's corrections (``mapper.corrections.Correction``) in the order made;
        with ``undone``, those withdrawn too."""
        from ..corrections import Correction, CorrectionError, from_json

        sql = "SELECT id, site_id, kind, value, note, made, undone FROM corrections"
        if not undone:
            sql += " WHERE undone IS NULL"
        out = []
        for r in self.con.execute(sql + " ORDER BY made, id"):
            try:
                out.append(Correction(r[1], r[2], from_json(r[2], json.loads(r[3])), r[4], r[5], r[0], r[6]))
            except (CorrectionError, ValueError, TypeError):  # a row edited by hand: never stops a build
                continue
        return out

    def add_corrections(self, corrections: Iterable[Any]) -> list[Any]:
        """Store corrections (the same one twice is kept once), in one transaction; those
        added, with their ids.  The stored sites are then behind: the next build applies them."""
        from dataclasses import replace

        from ..corrections import to_json

        added = []
        with self.transaction():
            known = {c.key() for c in self.corrections()}
            for c in corrections:
                c = c if c.made else replace(c, made=now())
                if c.key() in known:
                    continue
                known.add(c.key())
                cur = self.con.execute(
                    "INSERT INTO corrections (site_id, kind, value, note, made) VALUES (?,?,?,?,?)",
                    (c.site_id, c.kind, dumps_json(to_json(c.kind, c.value)), c.note, c.made),
                )
                added.append(replace(c, id=cur.lastrowid))
            if added:
                self._bump()
        return added

    def undo_correction(self, cid: int) -> Any | None:
        """Withdraw correction ``cid`` (kept, marked undone); it, or None when no correction
        in force has that id."""
        from dataclasses import replace

        with self.transaction():
            hit = [c for c in self.corrections() if c.id == cid]
            if not hit:
                return None
            when = now()
            self.con.execute("UPDATE corrections SET undone = ? WHERE id = ?", (when, cid))
            self._bump()
        return replace(hit[0], undone=when)

    # ------------------------------------------------------------------ sites
    def save_sites(self, feats: Iterable[dict[str, Any]], problems: Sequence[Problem]) -> None:
        """Replace the stored sites by ``feats`` (GeoJSON features, in sites.geojson order) and
        keep the run's ``problems`` for a later report (call inside a transaction)."""
        self.con.execute("DELETE FROM sites")
        self.con.executemany(
            "INSERT INTO sites (site_id, ord, role, name, place_id, event_date, country, lon, lat, killed_min,"
            " killed_max, injured_min, injured_max, n_claims, n_articles, feature)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    p["site_id"],
                    i,
                    p["role"],
                    p["name"],
                    p["place_id"],
                    p["event_date"],
                    p["country"],
                    f["geometry"]["coordinates"][0],
                    f["geometry"]["coordinates"][1],
                    p["killed_min"],
                    p["killed_max"],
                    p["injured_min"],
                    p["injured_max"],
                    len(p["claims"]),
                    len(p["articles"]),
                    dumps_json(f),
                )
                for i, f in enumerate(feats)
                for p in [f["properties"]]
            ),
        )
        self._set_meta("sites_gen", self.meta("articles_gen") or "0")
        # the problems of the run that last changed the sites, for the report of a later `mapper export`
        self._set_meta("problems", dumps([[p.path, p.line, p.message, p.skipped] for p in problems]))

    def has_site(self, site_id: str) -> bool:
        """Whether the stored sites hold ``site_id`` (as of the last build: see ``sites_current``)."""
        return self.con.execute("SELECT 1 FROM sites WHERE site_id = ?", (site_id,)).fetchone() is not None

    def features(self) -> list[dict[str, Any]] | None:
        """The stored sites as GeoJSON features, in sites.geojson order; None when one of them
        is damaged (the sites are then rebuilt from the articles)."""
        out = []
        for sid, raw in self.con.execute("SELECT site_id, feature FROM sites ORDER BY ord"):
            try:
                out.append(json.loads(raw))
            except _DAMAGE as exc:
                self._damage(f"site {sid}", exc)
                return None
        return out

    def save(
        self, pending: Pending | None, analysis: str, feats: Iterable[dict[str, Any]], problems: Sequence[Problem]
    ) -> bool:
        """Store ``pending`` work and, when the articles changed, the sites ``feats`` (made from
        every stored article with ``pending`` applied), in one transaction.  ``feats`` is
        read only when the stored sites are behind.  Returns whether anything was written
        (a run that found nothing new writes nothing)."""
        if not pending and self.sites_current():
            return False
        with self.transaction():
            if pending:
                self.write_pending(pending, analysis)
            if not self.sites_current():
                self.save_sites(feats, problems)
        if pending:
            pending.clear()
        return True

    def stored_problems(self) -> list[Problem]:
        raw = self.meta("problems")
        # (rows of stores written before warnings were kept have no fourth field: all skipped)
        try:
            return [Problem(p[0], p[2], p[1], *p[3:]) for p in json.loads(raw)] if raw else []
        except _DAMAGE as exc:
            self._damage("the last run's problems", exc)
            return []
