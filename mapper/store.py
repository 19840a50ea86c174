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
* ``meta``: bookkeeping (change counters, the last run's problems).

Everything structured is JSON, never pickle.  An article is written with its
mentions and claims in one transaction, so a killed run never leaves half an
article; sites depend on all articles (event dates, clusters), so they are
rebuilt from the stored analyses.

The schema has a version (``PRAGMA user_version``) and the file an application
id, so another SQLite file (a GeoPackage, say) is never mistaken for a store.
Older stores are upgraded by the migrations below, step by step, each in a
transaction; a store from a newer mapper is refused.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import heapq
import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .dates import DateRef, plausible
from .models import Article, ArticleResult, Claim, Mention, Place, Problem, RunResult

if TYPE_CHECKING:
    from .pipeline import Pipeline

STORE_NAME = "mapper.sqlite"
APPLICATION_ID = 0x4D415053  # "MAPS" in the SQLite header: this file is a mapper store
SCHEMA_VERSION = 2

# version -> SQL that turns a store of version - 1 into one of version (0 = empty file)
MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE articles (
    sha256 TEXT PRIMARY KEY,            -- of the file's bytes: the same content counts once
    article_id TEXT NOT NULL UNIQUE,    -- path relative to its input folder, made unique
    path TEXT NOT NULL,                 -- path on disk when it was first read
    title TEXT,
    outlet TEXT,
    published TEXT,                     -- ISO date
    url TEXT,
    event_ref TEXT,                     -- JSON DateRef of its first dated strike sentence
    unresolved TEXT NOT NULL,           -- JSON list of names no gazetteer knew
    analysis TEXT NOT NULL,             -- fingerprint of the mapper version and gazetteers used
    added TEXT NOT NULL,                -- UTC time it was stored
    text BLOB NOT NULL,                 -- zlib(UTF-8 original text); reported offsets point here
    clean BLOB NOT NULL,                -- zlib(UTF-8 cleaned text); the stages read this
    offsets TEXT NOT NULL               -- JSON [length, [[clean index, text index], ...]] runs
);
CREATE TABLE places (
    place_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_type TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    aliases TEXT NOT NULL,              -- JSON list
    parent TEXT NOT NULL,
    geo_precision INTEGER NOT NULL,
    source TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    population INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE mentions (
    sha256 TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,      -- into the original text
    end_offset INTEGER NOT NULL,
    cstart INTEGER NOT NULL,            -- into the cleaned text
    cend INTEGER NOT NULL,
    surface TEXT NOT NULL,
    name_key TEXT NOT NULL,
    place_id TEXT REFERENCES places(place_id),  -- the resolution; NULL when unresolved
    literal INTEGER NOT NULL,
    nonliteral_reason TEXT NOT NULL,
    role TEXT NOT NULL,                 -- struck | mentioned
    sentence TEXT NOT NULL,             -- JSON [start, end] in the cleaned text
    evidence TEXT,                      -- JSON [start, end] in the cleaned text
    date_ref TEXT,                      -- JSON DateRef
    confidence REAL NOT NULL,
    PRIMARY KEY (sha256, seq)
) WITHOUT ROWID;
CREATE INDEX mentions_place ON mentions(place_id);
CREATE TABLE claims (
    sha256 TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    quote TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    killed_min INTEGER,
    killed_max INTEGER,
    injured_min INTEGER,
    injured_max INTEGER,
    victims TEXT,
    claimant TEXT,
    places TEXT NOT NULL,               -- JSON list of place ids the claim covers
    PRIMARY KEY (sha256, seq)
) WITHOUT ROWID;
CREATE TABLE sites (
    site_id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,               -- position in sites.geojson
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    place_id TEXT NOT NULL,
    event_date TEXT,
    country TEXT,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    killed_min INTEGER,
    killed_max INTEGER,
    injured_min INTEGER,
    injured_max INTEGER,
    n_claims INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    feature TEXT NOT NULL               -- the GeoJSON Feature (README contract)
) WITHOUT ROWID;
""",
    # 2: remember the files read, so a folder seen before is skipped without reading it
    2: """
CREATE TABLE files (
    path BLOB PRIMARY KEY,              -- absolute real path, in the file system's bytes
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,          -- 0 when it was too recent to trust (read it again)
    sha256 TEXT NOT NULL REFERENCES articles(sha256) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seen TEXT NOT NULL                  -- UTC time it was read
) WITHOUT ROWID;
CREATE INDEX files_sha256 ON files(sha256);
""",
}


class StoreError(Exception):
    """A store that cannot be used; the message is one line naming the file."""


class StoreBusy(StoreError):
    """Another mapper process holds the store."""


# --------------------------------------------------------------------------- encoding


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def _unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def pack_offsets(offsets: Sequence[int]) -> str:
    """Run-length form of an offset map: [length, [[i, offsets[i]] where a run starts]]."""
    runs: list[list[int]] = []
    prev: int | None = None
    for i, o in enumerate(offsets):
        if prev is None or o != prev + 1:
            runs.append([i, o])
        prev = o
    return _json([len(offsets), runs])


def pack_article(article: Article) -> tuple[bytes, bytes, str]:
    """An article's text, clean text and offset map as the store keeps them."""
    return _pack_text(article.text), _pack_text(article.clean), pack_offsets(article.offsets)


def unpack_offsets(packed: str) -> list[int]:
    n, runs = json.loads(packed)
    out: list[int] = []
    for k, (i, o) in enumerate(runs):
        stop = runs[k + 1][0] if k + 1 < len(runs) else n
        out.extend(range(o, o + stop - i))
    return out


def _dateref_json(ref: DateRef | None) -> str | None:
    if ref is None:
        return None
    return _json(
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


def _dateref(raw: str | None) -> DateRef | None:
    if raw is None:
        return None
    d = json.loads(raw)
    value = d.pop("value", None)
    return DateRef(value=date.fromisoformat(value) if value else None, **d)


def _published(raw: str | None) -> date | None:
    """A stored publication date; an impossible one (stored before they were set aside) is none."""
    d = date.fromisoformat(raw) if raw else None
    return d if plausible(d) else None


def _span(raw: str | None) -> tuple[int, int] | None:
    if raw is None:
        return None
    s, e = json.loads(raw)
    return int(s), int(e)


# --------------------------------------------------------------------------- the store


class Store:
    """An open store.  Use ``Store.open``; close it (or use ``with``) when done."""

    def __init__(self, path: Path, con: sqlite3.Connection):
        self.path = path
        self.con = con
        self.notes: list[str] = []  # what opening did (an upgrade), for the user

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        migrate: bool = True,
        version: int = SCHEMA_VERSION,
    ) -> Store:
        """Open (or create) the store at ``path``, upgrading an older schema.

        ``version`` is for tests that need a store of an older schema.
        Raises ``StoreError`` for a missing store (``create=False``), a file that is
        not a store, a store from a newer mapper, or an older one when ``migrate`` is off.
        """
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{p}: is a folder, not a store file")
        fresh = not p.exists() or p.stat().st_size == 0
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
        p.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = sqlite3.connect(p, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{p}: cannot open: {exc}") from None
        store = cls(p, con)
        try:
            store._check_and_migrate(create=create, migrate=migrate, target=version)
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
                for stmt in _statements(MIGRATIONS[v]):
                    self.con.execute(stmt)
            self.con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.con.execute(f"PRAGMA user_version = {target}")
            now = _now()
            if start == 0:
                self._set_meta("created", now)
                self._set_meta("articles_gen", "0")
                self._set_meta("sites_gen", "0")
            else:
                self.notes.append(f"upgraded the store {self.path} from schema version {start} to {target}")
            self._set_meta("schema_changed", f"{start}->{target} {now} mapper {__version__}")

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

    def _write(self, result: ArticleResult, analysis: str) -> None:
        a = result.article
        con = self.con
        text, clean, offsets = result.packed or pack_article(a)
        # an upsert, not delete + insert: deleting would cascade to what refers to the article
        con.execute(
            "INSERT INTO articles (sha256, article_id, path, title, outlet, published, url, event_ref,"
            " unresolved, analysis, added, text, clean, offsets) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (sha256) DO UPDATE SET article_id = excluded.article_id, path = excluded.path,"
            " title = excluded.title, outlet = excluded.outlet, published = excluded.published,"
            " url = excluded.url, event_ref = excluded.event_ref, unresolved = excluded.unresolved,"
            " analysis = excluded.analysis, text = excluded.text, clean = excluded.clean,"
            " offsets = excluded.offsets",
            (
                a.sha256,
                a.id,
                a.path,
                a.title,
                a.outlet,
                a.published.isoformat() if a.published else None,
                a.url,
                _dateref_json(result.event_ref),
                _json(list(result.unresolved)),
                analysis,
                _now(),
                text,
                clean,
                offsets,
            ),
        )
        con.execute("DELETE FROM mentions WHERE sha256 = ?", (a.sha256,))
        con.execute("DELETE FROM claims WHERE sha256 = ?", (a.sha256,))
        con.executemany(
            "INSERT INTO mentions (sha256, seq, start_offset, end_offset, cstart, cend, surface, name_key,"
            " place_id, literal, nonliteral_reason, role, sentence, evidence, date_ref, confidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    a.sha256,
                    i,
                    m.start,
                    m.end,
                    m.cstart,
                    m.cend,
                    m.surface,
                    m.key,
                    m.place.id if m.place else None,
                    int(m.literal),
                    m.nonliteral_reason,
                    m.role,
                    _json(list(m.sentence)),
                    _json(list(m.evidence)) if m.evidence else None,
                    _dateref_json(m.date_ref),
                    m.confidence,
                )
                for i, m in enumerate(result.mentions)
            ],
        )
        con.executemany(
            "INSERT INTO claims (sha256, seq, quote, start_offset, end_offset, killed_min, killed_max,"
            " injured_min, injured_max, victims, claimant, places) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    a.sha256,
                    i,
                    c.quote,
                    c.start,
                    c.end,
                    c.killed_min,
                    c.killed_max,
                    c.injured_min,
                    c.injured_max,
                    c.victims,
                    c.claimant,
                    _json(list(c.places)),
                )
                for i, c in enumerate(result.claims)
            ],
        )

    def file_row(self, key: bytes) -> tuple[int, int, str] | None:
        """(size, mtime_ns, content hash) recorded for the file at ``key``, if any."""
        row = self.con.execute("SELECT size, mtime_ns, sha256 FROM files WHERE path = ?", (key,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

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
            [(*f, _now()) for f in pending.files],
        )
        renewed = {r.article.sha256 for r in pending.results}
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
            "INSERT INTO places (place_id, name, lat, lon, feature_type, country, admin1, aliases,"
            " parent, geo_precision, source, resolved_by, population) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (place_id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon,"
            " feature_type = excluded.feature_type, country = excluded.country, admin1 = excluded.admin1,"
            " aliases = excluded.aliases, parent = excluded.parent, geo_precision = excluded.geo_precision,"
            " source = excluded.source, resolved_by = excluded.resolved_by, population = excluded.population",
            [
                (
                    p.id,
                    p.name,
                    p.lat,
                    p.lon,
                    p.feature_type,
                    p.country,
                    p.admin1,
                    _json(list(p.aliases)),
                    p.parent,
                    p.geo_precision,
                    p.source,
                    p.resolved_by,
                    p.population,
                )
                for p in places.values()
            ],
        )
        for r in pending.results:
            self._write(r, analysis)
        if pending.results or pending.superseded:
            self.drop_orphan_places()  # re-analysis may resolve a name elsewhere
            self._bump()

    def stale(self, analysis: str) -> list[str]:
        """Content hashes of the articles analysed with other gazetteers or another mapper."""
        rows = self.con.execute("SELECT sha256 FROM articles WHERE analysis != ? ORDER BY article_id", (analysis,))
        return [r[0] for r in rows]

    def all_hashes(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT sha256 FROM articles ORDER BY article_id")]

    def load_results(
        self, shas: Iterable[str] | None = None, *, with_text: bool = False, lean: bool = False
    ) -> list[ArticleResult]:
        """The stored analyses (all of them, or those of ``shas``), as a list (see ``results``)."""
        return list(self.results(shas, with_text=with_text, lean=lean))

    def results(
        self, shas: Iterable[str] | None = None, *, with_text: bool = False, lean: bool = False
    ) -> Iterator[ArticleResult]:
        """The stored analyses (all of them, sorted by article id, or those of ``shas``), one at a time.

        ``Article.text`` (the original) is left empty unless ``with_text``: the sites
        stage and the exports need only the cleaned text and the offset map.  ``lean``:
        each result is made lean as it is loaded (``mapper.pipeline.lean_result``: the
        quoted sentences kept, the texts and offset maps dropped, and only the mentions
        the sites read), so rebuilding the sites of 100,000 stored articles holds none of
        their texts; the cleaned text of an article is decoded only when it quotes evidence.
        """
        from .pipeline import lean_result

        con = self.con
        cols = "sha256, article_id, path, title, outlet, published, url, event_ref, unresolved, clean, offsets"
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
        for r in con.execute(
            "SELECT place_id, name, lat, lon, feature_type, country, admin1, aliases, parent, geo_precision,"
            " source, resolved_by, population FROM places"
        ):
            places[r[0]] = Place(
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
        for row in rows:
            sha, aid = row[0], row[1]
            mentions = [
                Mention(
                    article=aid,
                    start=m[0],
                    end=m[1],
                    cstart=m[2],
                    cend=m[3],
                    surface=m[4],
                    key=m[5],
                    place=places[m[6]] if m[6] is not None else None,
                    literal=bool(m[7]),
                    nonliteral_reason=m[8],
                    role=m[9],
                    sentence=_span(m[10]) or (0, 0),
                    evidence=_span(m[11]),
                    date_ref=_dateref(m[12]),
                    confidence=m[13],
                )
                for m in con.execute(
                    "SELECT start_offset, end_offset, cstart, cend, surface, name_key, place_id, literal,"
                    " nonliteral_reason, role, sentence, evidence, date_ref, confidence"
                    " FROM mentions WHERE sha256 = ? ORDER BY seq",
                    (sha,),
                )
            ]
            claims = [
                Claim(
                    article=aid,
                    quote=c[0],
                    start=c[1],
                    end=c[2],
                    killed_min=c[3],
                    killed_max=c[4],
                    injured_min=c[5],
                    injured_max=c[6],
                    victims=c[7],
                    claimant=c[8],
                    places=list(json.loads(c[9])),
                )
                for c in con.execute(
                    "SELECT quote, start_offset, end_offset, killed_min, killed_max, injured_min, injured_max,"
                    " victims, claimant, places FROM claims WHERE sha256 = ? ORDER BY seq",
                    (sha,),
                )
            ]
            texts = not lean or any(m.evidence is not None for m in mentions)  # lean: only to quote evidence
            article = Article(
                id=aid,
                path=row[2],
                text=_unpack_text(row[11]) if with_text else "",
                clean=_unpack_text(row[9]) if texts else "",
                offsets=unpack_offsets(row[10]) if texts else [],
                sha256=sha,
                title=row[3],
                outlet=row[4],
                published=_published(row[5]),
                url=row[6],
            )
            res = ArticleResult(article, mentions, claims, list(json.loads(row[8])), _dateref(row[7]))
            yield lean_result(res) if lean else res

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
        """Content hash of the recorded file at ``key`` (see ``file_key``), as a list."""
        return [r[0] for r in self.con.execute("SELECT sha256 FROM files WHERE path = ?", (key,))]

    def forget(self, shas: Iterable[str]) -> list[str]:
        """Remove articles and what only they supported (mentions, claims, places); their ids."""
        gone: list[str] = []
        with self.transaction():
            for sha in shas:
                known = self.article_of(sha)
                if known is None:
                    continue
                self.con.execute("DELETE FROM articles WHERE sha256 = ?", (sha,))
                gone.append(known[0])
            if gone:
                self.drop_orphan_places()
                self._bump()
        return gone

    def drop_orphan_places(self) -> None:
        """Remove the places no stored mention resolves to (call inside a transaction)."""
        self.con.execute(
            "DELETE FROM places WHERE place_id NOT IN (SELECT place_id FROM mentions WHERE place_id IS NOT NULL)"
        )

    # ------------------------------------------------------------------ sites
    def save_sites(self, result: RunResult) -> None:
        """Replace the stored sites by those of ``result`` (call inside a transaction)."""
        from .export.geojson import features

        feats = features(result.sites, {a.id: a for a in result.articles})  # made one at a time
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
                    _json(f),
                )
                for i, f in enumerate(feats)
                for p in [f["properties"]]
            ),
        )
        self._set_meta("sites_gen", self.meta("articles_gen") or "0")
        # the problems of the run that last changed the sites, for the report of a later `mapper export`
        self._set_meta("problems", _json([[p.path, p.line, p.message, p.skipped] for p in result.problems]))

    def features(self) -> list[dict[str, Any]]:
        """The stored sites as GeoJSON features, in sites.geojson order."""
        return [json.loads(r[0]) for r in self.con.execute("SELECT feature FROM sites ORDER BY ord")]

    def stored_problems(self) -> list[Problem]:
        raw = self.meta("problems")
        # (rows of stores written before warnings were kept have no fourth field: all skipped)
        return [Problem(p[0], p[2], p[1], *p[3:]) for p in json.loads(raw)] if raw else []


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (none of ours holds a ';' inside)."""
    lines = [ln.split("--", 1)[0] for ln in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_store(outdir: str | os.PathLike[str]) -> Path:
    return Path(outdir) / STORE_NAME


# modules whose code does not change what an analysis finds (ingest's cleaned text is stored);
# every other module of the package is part of the fingerprint, new ones included
NOT_ANALYSIS = frozenset({"__init__", "__main__", "atomic", "cli", "evaluate", "extract", "ingest", "store"})


def analysis_key(gazetteers: Sequence[str | os.PathLike[str]] = (), *, world: bool = False) -> str:
    """Fingerprint of what an analysis depends on: the mapper version, the code of the
    analysis stages, the gazetteers' bytes (packaged, aliases, extra) and the world
    gazetteer's sources when it is used.  Stored articles analysed under another
    fingerprint are analysed again (from their stored text)."""
    from .places.curated import default_aliases_path, default_gazetteer_path

    h = hashlib.sha256(f"strike-mapper {__version__}\n".encode())
    here = Path(__file__).resolve().parent
    files = sorted(f for f in here.glob("*.py") if f.stem not in NOT_ANALYSIS)
    files += [default_gazetteer_path(), default_aliases_path(), *map(Path, gazetteers)]
    for f in files:
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"<missing>")
        h.update(b"\x00")
    if world:
        from .places.world.fileformat import source_versions

        h.update(_json(source_versions()).encode())
    else:
        h.update(b"<no world gazetteer>")
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------- locking


@contextlib.contextmanager
def locked(
    store_path: str | os.PathLike[str],
    *,
    wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the store's lock (an ``flock`` on ``<store>.lock``) for a whole command.

    Commands that write to one store serialise: a second one waits up to ``wait``
    seconds (``None``: as long as it takes), telling ``on_wait`` once, then gives up
    with ``StoreBusy``.  The lock dies with its process, so a killed run never leaves
    the store locked.  The lock file stays empty and is never removed (removing it
    would let two processes lock two different files).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking still keeps it consistent
        yield
        return
    lock_path = Path(f"{store_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{store_path}: another mapper process is using this store; try again when it has finished"
                    ) from None
                if not told and on_wait is not None:
                    on_wait(f"waiting for another mapper process using {store_path} to finish")
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- a run

COMMIT_EVERY = 10.0  # seconds: a killed run loses at most about this much analysis
RACY_NS = 2_000_000_000  # a file modified this recently may change again within the same mtime


@dataclass
class Pending:
    """Work a run has done and not stored yet."""

    results: list[ArticleResult] = field(default_factory=list)  # analyses (new or redone)
    files: list[tuple[bytes, int, int, str]] = field(default_factory=list)  # (path, size, mtime_ns, sha256)
    superseded: list[str] = field(default_factory=list)  # content of edited files, to drop
    since: float | None = None  # when the oldest of it was done

    def __bool__(self) -> bool:
        return bool(self.results or self.files or self.superseded)

    def clear(self) -> None:
        self.results.clear()
        self.files.clear()
        self.superseded.clear()
        self.since = None

    def hashes(self) -> set[str]:
        """Content hashes whose stored analyses this batch replaces or drops."""
        return {r.article.sha256 for r in self.results} | set(self.superseded)


@dataclass
class Ingested:
    """What a run found, and what it has not stored yet."""

    files: int = 0  # article files found
    unchanged: int = 0  # files skipped without reading: same path, size and mtime as stored
    known: int = 0  # files read whose content the store already holds (not analysed again)
    added: list[str] = field(default_factory=list)  # ids of the articles analysed in this run
    replaced: int = 0  # stored articles whose file changed
    reanalysed: int = 0  # stored articles analysed again (gazetteers or mapper changed)
    problems: list[Problem] = field(default_factory=list)
    pending: Pending = field(default_factory=Pending)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.reanalysed or self.replaced)


def file_key(path: str | os.PathLike[str]) -> bytes:
    """How the store names a file: its absolute real path, as bytes (any file name fits)."""
    return os.fsencode(os.path.realpath(path))


MAX_PENDING = 100  # analyses held in memory (with their texts and offset maps) before they are stored
AHEAD = 2  # batches of articles out with the analyser's workers while this process reads on


def ingest(
    store: Store,
    pipe: Pipeline,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    analysis: str,
    reanalyse: bool = False,
    commit_every: float = COMMIT_EVERY,
    on_problem: Callable[[Problem], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    progress: bool = False,
    analyser: Any = None,
    buffer: int = 128,
) -> Ingested:
    """Read the articles under ``inputs`` that the store lacks and analyse each one.

    A file whose path, size and mtime are recorded is skipped without reading it; a
    file whose content is stored is not analysed again, so the same article under two
    names counts once.  A recorded file whose content changed replaces its old article.
    Stored articles analysed with other gazetteers or another mapper version (or all
    of them, with ``reanalyse``) are analysed again from their stored text.

    Work is stored in batches of whole articles, one transaction each, whenever the
    oldest unstored piece is ``commit_every`` seconds old (and on Ctrl-C); the last
    batch is left in ``pending`` for ``save``, after the outputs are written, so a
    short run that fails leaves the store as it was.

    ``analyser`` (``mapper.parallel.BatchAnalyser``) analyses the new articles in batches
    of ``buffer`` on other processes or a Dask cluster; the bookkeeping stays here and in
    file order, so the store ends the same as with a serial run.
    """
    from .ingest import IngestError, discover, notes_of, read_article

    done = Ingested()
    pending = done.pending

    def problem(p: Problem) -> None:
        done.problems.append(p)
        if on_problem:
            on_problem(p)

    def tick() -> None:
        now = time.monotonic()
        if pending.since is None:
            pending.since = now
        elif now - pending.since >= commit_every or len(pending.results) >= MAX_PENDING:
            for r in pending.results:  # stored now: the store answers for them from here on
                seen.pop(r.article.sha256, None)
                ids.discard(r.article.id)
            for f in pending.files:
                held.discard(f[3])
            store.add(pending, analysis)  # full analyses (with their texts) are held only this long

    for p in pipe.problems:
        problem(p)
    inputs = list(inputs)
    bar = None
    if progress:  # the files are found as they are read (a list of 100,000 of them is large): count first
        total = sum(1 for _ in discover(inputs))
        if total > 50:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False)
    # the stored articles to analyse again, as they are before this run adds any
    # (those it adds are analysed as it stands)
    todo = store.all_hashes() if reanalyse else store.stale(analysis)
    # content hash -> (id, path), and the ids, of the articles analysed in this run and not stored yet
    seen: dict[str, tuple[str, str]] = {}
    ids: set[str] = set()
    # read files waiting for their analysis: (file record, content it replaces, article or None, path)
    waiting: list[tuple[tuple[bytes, int, int, str], str | None, Article | None, str]] = []
    # batches sent to the analyser, oldest first: their files, their articles to analyse, and
    # the analyser's ticket for the results
    sent: collections.deque[tuple[list[Any], list[Article], Any]] = collections.deque()

    def finish_oldest() -> None:
        """Add the oldest sent batch, its files and what they replace to ``pending``, in file
        order, once all its analyses are back (an interrupted analysis leaves nothing
        half-recorded)."""
        entries, fresh, ticket = sent.popleft()
        results = analyser.collect(ticket) if analyser is not None else [pipe.analyse(a) for a in fresh]
        by_article = dict(zip((id(a) for a in fresh), results, strict=True))
        for file, old, article, path in entries:
            pending.files.append(file)
            if old is not None:
                replacing[old] -= 1
                pending.superseded.append(old)
                done.replaced += 1
                if on_note:
                    on_note(f"{path} changed since it was stored; its new text replaces the old")
            if article is not None:
                pending.results.append(by_article[id(article)])
                done.added.append(article.id)
            tick()

    def settle(last: bool = False) -> None:
        """Send the waiting articles to the analyser; keep at most ``AHEAD`` batches out
        (the workers analyse while this process reads the next files), none when ``last``."""
        if waiting:
            fresh = [a for _, _, a, _ in waiting if a is not None]
            sent.append((list(waiting), fresh, analyser.submit(fresh) if analyser is not None else None))
            waiting.clear()
        while len(sent) > (0 if last or analyser is None else AHEAD):
            finish_oldest()

    held: set[str] = set()  # contents of the files read in this run and not recorded yet
    replacing: collections.Counter[str] = collections.Counter()  # contents replaced by waiting or sent files

    def leaving(sha256: str) -> bool:
        """Whether this stored content is being replaced in this run (its file changed)."""
        return replacing[sha256] > 0 or sha256 in pending.superseded

    try:
        for item in discover(inputs):
            if bar is not None:
                bar.update(1)
            if isinstance(item, IngestError):
                problem(Problem(item.path, item.message, item.line))
                continue
            done.files += 1
            key = file_key(item.path)
            try:
                st = item.path.stat()
            except OSError:
                st = None  # read_article says what is wrong
            row = store.file_row(key)
            if st is not None and row is not None and row[:2] == (st.st_size, st.st_mtime_ns):
                done.unchanged += 1
                continue
            try:
                article = read_article(item)
            except IngestError as exc:
                problem(Problem(exc.path, exc.message, exc.line))
                continue
            assert st is not None
            for p in notes_of(article):
                problem(p)
            racy = time.time_ns() - st.st_mtime_ns < RACY_NS
            file = (key, st.st_size, 0 if racy else st.st_mtime_ns, article.sha256)
            old = row[2] if row is not None and row[2] != article.sha256 else None
            if old is not None and (old in held or store.other_files(old, key)):
                old = None  # that content stays: another file holds it
            held.add(article.sha256)
            # content that moved here from a file that changed is stored again, under this file
            known = seen.get(article.sha256) or (None if leaving(article.sha256) else store.article_of(article.sha256))
            if known is not None:
                if Path(known[1]).resolve() != Path(article.path).resolve():
                    problem(Problem(article.path, f"same content as {known[0]}; counted once"))
                done.known += 1
                fresh = None
            else:
                article.id = store.free_id(article, taken=ids, replaces=old)
                fresh = article
                seen[article.sha256] = (article.id, article.path)
                ids.add(article.id)
            waiting.append((file, old, fresh, article.path))
            if old is not None:
                replacing[old] += 1
            if analyser is None or len(waiting) >= buffer:
                settle()
        settle(last=True)
        if bar is not None:
            bar.close()
        skip = set(pending.superseded)  # edited files' old content, gone once the batch is stored
        todo = [s for s in todo if s not in skip and store.article_of(s) is not None]
        if todo and on_note:
            why = "as asked" if reanalyse else "the gazetteers or the mapper version changed"
            on_note(f"analysing {len(todo)} stored articles again from their stored text ({why})")
        for sha in todo:
            (stored,) = store.load_results([sha], with_text=True)
            pending.results.append(pipe.analyse(stored.article))
            done.reanalysed += 1
            tick()
    except KeyboardInterrupt:
        store.add(pending, analysis)  # keep what is done; the next run goes on from there
        raise
    return done


def build(store: Store, problems: list[Problem] | None = None, pending: Pending | None = None) -> RunResult:
    """The sites of every stored article, with ``pending`` work applied (writes nothing).

    ``problems`` are the run's; ``None`` takes those of the run that last changed
    the stored sites (for re-exports).
    """
    from .pipeline import assemble, lean_result

    pending = pending or Pending()
    drop = pending.hashes()
    # pending keeps the full analyses for save(); merged into the stored ones in article id
    # order (SQLite orders the ids by their UTF-8 bytes, which is the order of their characters)
    fresh = sorted((lean_result(r) for r in pending.results), key=_article_id)
    with store.snapshot():
        stored = (r for r in store.results(lean=True) if r.article.sha256 not in drop)
        return assemble(
            heapq.merge(stored, fresh, key=_article_id),
            store.stored_problems() if problems is None else problems,
            in_order=True,
        )


def _article_id(r: ArticleResult) -> str:
    return r.article.id


def save(store: Store, pending: Pending | None, result: RunResult, analysis: str = "") -> bool:
    """Store ``pending`` work and, when the articles changed, the sites of ``result``.

    One transaction: ``result`` must be ``build(store, ..., pending)``.  Returns
    whether anything was written (a run that found nothing new writes nothing).
    """
    if not pending and store.sites_current():
        return False
    with store.transaction():
        if pending:
            store.write_pending(pending, analysis)
        if not store.sites_current():
            store.save_sites(result)
    if pending:
        pending.clear()
    return True


__all__ = [
    "SCHEMA_VERSION",
    "STORE_NAME",
    "Ingested",
    "Pending",
    "Store",
    "StoreBusy",
    "StoreError",
    "analysis_key",
    "build",
    "default_store",
    "file_key",
    "ingest",
    "locked",
    "save",
]
