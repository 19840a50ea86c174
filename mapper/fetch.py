"""Articles from the web: ``mapper run https://...`` and ``mapper run --feed URL``.

Pages are fetched with trafilatura's own fetching (``trafilatura.downloads``: urllib3, its
redirect and retry rules, a size cap, and its guard against private addresses), with our
user agent and a timeout, and kept in a cache (``<user cache>/pages/``): a page fetched
once is read from there by every later run, offline too, and the store skips it without
reading it again.  Each request has an overall deadline as well (trafilatura's timeout is
per read: a server that trickles bytes could hold it much longer).  The URL stays the
article's source link (``url`` in the sites' sources) and is its id; its local copy is its
``path``, so the map's link to the file opens the copy.

Feeds (RSS, Atom) are fetched again on every run (they change), falling back to the last
copy when the site cannot be reached, and parsed with ``feedparser`` (the long-standing
feed parser: RSS 0.9x-2.0, Atom, with their many broken variants); each entry's link is
then fetched as a page, from the cache when it was fetched before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_bytes, write_text
from .models import Problem

MAX_BYTES = 20 * 1024 * 1024  # as ingest's limit for one file
MAX_ENTRIES = 500  # links taken from one feed
TIMEOUT = 30.0  # seconds: trafilatura's per-read timeout; each request is also over within twice that


def is_url(s: object) -> bool:
    return isinstance(s, str) and s.lower().startswith(("http://", "https://"))


class Link(os.PathLike[str]):
    """A fetched page as an input of a run: the path of its local copy, and its URL."""

    def __init__(self, path: Path, url: str) -> None:
        self.path = path
        self.url = url

    def __fspath__(self) -> str:
        return str(self.path)

    def __repr__(self) -> str:
        return f"Link({self.url!r})"


class FetchError(Exception):
    """A page or feed that cannot be had; the message is one line (without the URL)."""


@dataclass
class Fetcher:
    """Fetches pages and feeds, with a cache, a timeout and a user agent."""

    cache: Path
    user_agent: str
    timeout: float = TIMEOUT
    allow_private: bool = False  # fetch from loopback and private addresses too (an intranet mirror)

    @classmethod
    def default(cls, user_agent: str, *, timeout: float = TIMEOUT, allow_private: bool = False) -> Fetcher:
        from .cache import cache_dir

        return cls(cache_dir() / "pages", user_agent, timeout, allow_private)

    # ------------------------------------------------------------------ cache
    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]

    def cached(self, url: str) -> Path | None:
        """The local copy of ``url``, if it was fetched before."""
        meta = self.cache / f"{self._key(url)}.json"
        try:
            name = json.loads(meta.read_text(encoding="utf-8"))["file"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        path = self.cache / str(name)
        return path if path.is_file() else None

    def _keep(self, url: str, data: bytes, kind: str, final_url: str) -> Path:
        key = self._key(url)
        path = self.cache / f"{key}{kind}"
        write_bytes(path, data)
        write_text(self.cache / f"{key}.json", json.dumps({"url": url, "final_url": final_url, "file": path.name}))
        return path

    # ------------------------------------------------------------------ fetching
    def page(self, url: str) -> Path:
        """The local copy of the page at ``url``, fetched unless it is cached."""
        path = self.cached(url)
        if path is not None:
            return path
        data, headers, final_url = self._get(url)
        ctype = headers.get("content-type", "").lower()
        if data.startswith(b"%PDF") or "application/pdf" in ctype:
            kind = ".pdf"
        elif "wordprocessingml" in ctype:
            kind = ".docx"
        elif ctype.startswith("text/plain"):
            kind = ".txt"
        else:
            kind = ".html"
        return self._keep(url, data, kind, final_url)

    def feed(self, url: str) -> tuple[list[str], str | None]:
        """The links of a feed's entries (fetched anew, or the last copy when that fails) and
        a note when the last copy was used."""
        note = None
        try:
            data, _, final_url = self._get(url)
            path = self._keep(url, data, ".feed", final_url)
        except FetchError as exc:
            path = self.cached(url)  # type: ignore[assignment]
            if path is None:
                raise
            note = f"cannot fetch the feed again ({exc}); read its last copy"
        import feedparser

        parsed = feedparser.parse(path.read_bytes())
        if not parsed.entries and parsed.get("bozo"):
            raise FetchError(f"not a feed (RSS or Atom): {parsed.get('bozo_exception')}".splitlines()[0][:200])
        links = []
        for entry in parsed.entries[:MAX_ENTRIES]:
            link = entry.get("link")
            if is_url(link) and link not in links:
                links.append(link)
        return links, note

    def _get(self, url: str) -> tuple[bytes, dict[str, str], str]:
        """(body, headers, final URL) of a 200 answer; ``FetchError`` otherwise."""
        box: dict[str, Any] = {}
        said: list[str] = []

        def fetch() -> None:
            try:
                box["response"] = self._fetch_response(url, said)
            except BaseException as exc:  # reported below, in this thread's caller
                box["error"] = exc

        worker = threading.Thread(target=fetch, name="mapper-fetch", daemon=True)
        worker.start()
        worker.join(2 * self.timeout)
        if worker.is_alive():  # (the thread is left to its per-read timeout; the run goes on)
            raise FetchError(f"no complete answer within {2 * self.timeout:g} s")
        if "error" in box:
            exc = box["error"]
            raise FetchError(f"{type(exc).__name__}: {exc}".splitlines()[0][:200])
        response = box.get("response")
        if response is None:
            raise FetchError((said[-1] if said else "no answer").splitlines()[0][:200])
        if response.status != 200:
            raise FetchError(f"HTTP {response.status}")
        if not response.data:
            raise FetchError("empty answer")
        if len(response.data) >= MAX_BYTES:
            raise FetchError(f"larger than {MAX_BYTES // 2**20} MB")
        return bytes(response.data), dict(response.headers or {}), str(response.url or url)

    def _fetch_response(self, url: str, said: list[str]) -> Any:
        from trafilatura.downloads import fetch_response
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, round(self.timeout))))
        config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_BYTES))
        config.set("DEFAULT", "USER_AGENTS", self.user_agent)
        config.set("DEFAULT", "SSRF_PROTECTION", "off" if self.allow_private else "on")
        config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "off")

        class Said(logging.Handler):  # trafilatura logs why a download failed; keep it for the message
            def emit(self, record: logging.LogRecord) -> None:
                said.append(record.getMessage())

        log = logging.getLogger("trafilatura.downloads")
        handler, propagate = Said(logging.WARNING), log.propagate
        log.addHandler(handler)
        log.propagate = False  # (said once, by the run, not also on stderr by logging)
        try:
            return fetch_response(url, decode=False, config=config)
        finally:
            log.removeHandler(handler)
            log.propagate = propagate


def resolve(
    inputs: Iterable[str | os.PathLike[str]],
    feeds: Iterable[str],
    fetcher: Fetcher | None,
    on_problem: Callable[[Problem], None],
    on_note: Callable[[str], None] | None = None,
) -> Iterator[str | os.PathLike[str]]:
    """``inputs`` with every URL replaced by its fetched page (a ``Link``), then the pages of
    ``feeds``; a page or feed that cannot be had is ``on_problem``'s, and is left out."""

    def page(url: str) -> Link | None:
        assert fetcher is not None
        try:
            return Link(fetcher.page(url), url)
        except FetchError as exc:
            on_problem(Problem(url, f"cannot fetch: {exc}"))
            return None

    for raw in inputs:
        if not is_url(raw):
            yield raw
            continue
        link = page(str(raw))
        if link is not None:
            yield link
    for url in feeds:
        assert fetcher is not None
        try:
            links, note = fetcher.feed(url)
        except FetchError as exc:
            on_problem(Problem(url, f"cannot fetch the feed: {exc}"))
            continue
        if note and on_note:
            on_note(f"{url}: {note}")
        if not links:
            on_problem(Problem(url, "the feed lists no articles"))
        for link_url in links:
            link = page(link_url)
            if link is not None:
                yield link


__all__ = ["FetchError", "Fetcher", "Link", "is_url", "resolve"]
