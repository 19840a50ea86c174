"""What a run has done and not stored yet, and how the store names the files it has read.

A run stores its work in batches of whole articles, one transaction each
(``Store.add``), whenever the oldest unstored piece is ``COMMIT_EVERY`` seconds old
or ``MAX_PENDING`` analyses wait; the last batch is stored with the sites, after
the outputs are written (``Store.save``), so a short run that fails leaves the store
as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..models import ArticleResult, Problem

# an article's texts and offset map as the store keeps them (``codec.pack_article``)
Packed = tuple[bytes, bytes, str]

COMMIT_EVERY = 10.0  # seconds: a killed run loses at most about this much analysis
RACY_NS = 2_000_000_000  # a file modified this recently may change again within the same mtime


@dataclass
class Pending:
    """Work a run has done and not stored yet."""

    results: list[ArticleResult] = field(default_factory=list)  # analyses (new or redone)
    files: list[tuple[bytes, int, int, str]] = field(default_factory=list)  # (path, size, mtime_ns, sha256)
    superseded: list[str] = field(default_factory=list)  # content of edited files, to drop
    # files no longer recorded as they were: a .jsonl an older mapper stored whole, now read as records
    unrecorded: list[bytes] = field(default_factory=list)
    # the compressed texts and offset map of an analysed article (content hash ->), when a worker
    # made them (``codec.pack_article``): the process writing the store need not
    packed: dict[str, Packed] = field(default_factory=dict)
    since: float | None = None  # when the oldest of it was done

    def __bool__(self) -> bool:
        return bool(self.results or self.files or self.superseded or self.unrecorded)

    def clear(self) -> None:
        self.results.clear()
        self.files.clear()
        self.superseded.clear()
        self.unrecorded.clear()
        self.packed.clear()
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


def file_key(path: str | os.PathLike[str], record: str | None = None) -> bytes:
    """How the store names a file: its absolute real path, as bytes (any file name fits).

    A record of a .jsonl file (or a message of a mailbox) is named by the file's key, a NUL byte (which no path
    holds) and the record's id, each with the size and mtime of its whole file: an
    unchanged .jsonl is skipped unread, a changed one is read and only its new or
    changed records are analysed.
    """
    key = os.fsencode(os.path.realpath(path))
    return key if record is None else key + b"\x00" + record.encode("utf-8", "surrogatepass")


def record_range(key: bytes) -> tuple[bytes, bytes]:
    """The keys of the records of the file at ``key`` lie in [low, high)."""
    return key + b"\x00", key + b"\x01"


MAX_PENDING = 1000  # analyses held in memory before they are stored (without their texts: those are compressed)
