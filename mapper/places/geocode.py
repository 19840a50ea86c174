"""Online geocoding fallback: a cached, rate-limited wrapper around geopy.

Place names go to the local gazetteers first; only names they cannot resolve
come here.  :class:`OnlineResolver` asks one geopy provider (Nominatim by
default, or a self-hosted Nominatim / Photon, or any other geopy service) and
turns its answer into a :class:`mapper.models.Place`.

Behaviour
---------
* **Cache.**  Answers are kept in an SQLite file (default
  ``<user cache dir>/strike-mapper/geocode.sqlite3``) keyed by provider,
  endpoint, query (case and spacing folded) and country filter.  Both "found"
  and definite "not found" answers are cached; failures never are.  A cache hit
  makes no network request.  SQLite's own locking makes the file safe to share
  between processes; every operation uses its own short-lived connection.
* **Offline.**  ``offline=True`` answers from the cache only: no network
  request, and geopy is not even imported.
* **Politeness.**  Requests are spaced by at least ``min_delay_seconds``
  (geopy's ``RateLimiter``; public Nominatim allows one request a second).
* **Bounded requests.**  Each request must be over within ``timeout`` seconds
  in all (connecting, sending, the headers and every byte of the answer: a
  service that trickles bytes cannot hold a run), and an answer longer than
  ``max_answer_bytes`` is dropped without reading the rest.  Both are done in
  a geopy adapter (:class:`_BoundedHTTP`), the place geopy gives transport.
* **Faults never raise.**  Timeouts, 5xx answers, broken connections and 429s
  are retried with exponential backoff (a 429's ``Retry-After``, read safely
  whatever it says, is honoured up to ``max_retry_after_seconds``) within
  ``max_total_seconds``; then the lookup gives up and ``lookup`` returns
  ``None``.  Unparseable or oversized answers and client errors (4xx other
  than 429) are not retried.  After ``max_consecutive_failures`` failed
  lookups in a row, or a 429 asking for a longer wait than allowed, the
  resolver stops contacting the service (for good, or until the requested wait
  is over) and later lookups fail at once.
* **Unreachable.**  When no connection can be made (refused, the name does not
  resolve, no route, connecting timed out) the service is taken as unreachable
  for the rest of the resolver's life: no lookup is tried again, and later
  ones fail at once.  ``resolver.unreachable`` says why.
* **Problems, once each.**  ``resolver.problems`` holds one line per distinct
  problem (not one per name or per attempt), each with the number of names it
  left unresolved and the first few of them; ``resolver.unresolved`` lists
  every name whose lookup failed and that no later lookup found.  Failures are
  not cached, so a later run asks for those names again.

"Not found" versus "failed"
---------------------------
``lookup`` returns ``None`` in both cases.  Callers that must tell them apart
use :meth:`OnlineResolver.resolve`, which returns a :class:`GeocodeResult`
whose ``status`` is one of :class:`Status`: ``FOUND``, ``NOT_FOUND`` (the
service answered and has no such place; cached), ``FAILED`` (no usable answer;
``error`` says why; not cached) or ``NOT_CACHED`` (offline and the cache has no
answer).  ``resolver.last_result`` holds the result of the latest ``lookup`` or
``resolve`` call.

Configuration mistakes (an unknown provider name, arguments the provider does
not accept) raise ``ValueError`` from the constructor; they are not faults.
"""

from __future__ import annotations

import contextlib
import email.utils
import errno
import functools
import hashlib
import http.client
import io
import itertools
import json
import logging
import math
import os
import socket
import sqlite3
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mapper import __version__
from mapper.models import FeatureType, Place

from .. import rx

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"strike-mapper/{__version__}"
OSM_LICENCE = "OpenStreetMap contributors, ODbL"
CACHE_FILENAME = "geocode.sqlite3"
MAX_ANSWER_BYTES = 2 * 1024 * 1024  # a geocoding answer is a few KB
MAX_WAIT_SECONDS = 24 * 3600.0  # longer Retry-After waits are read as this

# Providers whose default endpoint we know, so that naming it explicitly and
# leaving it out share cache entries.
_DEFAULT_DOMAINS = {
    "nominatim": "nominatim.openstreetmap.org",
    "photon": "photon.komoot.io",
}
_OSM_PROVIDERS = frozenset({"nominatim", "photon"})
_OSM_TYPES = {"N": "node", "W": "way", "R": "relation"}


class Status(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"  # the service answered: no such place (cached)
    FAILED = "failed"  # no usable answer: timeout, HTTP error, garbage... (not cached)
    NOT_CACHED = "not_cached"  # offline, and the cache has no answer


@dataclass(frozen=True)
class GeocodeResult:
    status: Status
    place: Place | None = None
    error: str = ""  # one line, set when status is FAILED
    cached: bool = False  # answered from the cache
    requests: int = 0  # HTTP requests made for this lookup


class _GiveUp(Exception):
    """Internal: stop retrying this lookup; the message says why."""


# --------------------------------------------------------------------------- #
# Mapping a provider's answer to Place.feature_type and ACLED geo_precision.

# Nominatim ``addresstype`` / Photon ``type`` -> (feature_type, geo_precision)
_BY_ADDRESSTYPE: dict[str, tuple[FeatureType, int]] = {
    "city": ("city", 1),
    "town": ("town", 1),
    "village": ("village", 1),
    "hamlet": ("village", 1),
    "isolated_dwelling": ("village", 1),
    "farm": ("village", 1),
    "croft": ("village", 1),
    "suburb": ("district", 2),
    "quarter": ("district", 2),
    "neighbourhood": ("district", 2),
    "city_block": ("district", 2),
    "borough": ("district", 2),
    "city_district": ("district", 2),
    "district": ("district", 2),
    "locality": ("district", 2),
    "municipality": ("district", 2),
    "county": ("district", 2),
    "state_district": ("region", 3),
    "state": ("admin1", 3),
    "province": ("admin1", 3),
    "region": ("region", 3),
    "country": ("country", 3),
    "continent": ("region", 3),
}

# OSM keys (Nominatim ``class`` / Photon ``osm_key``) of things one can point at.
_FACILITY_CLASSES = frozenset(
    {
        "aeroway",
        "amenity",
        "building",
        "craft",
        "emergency",
        "healthcare",
        "historic",
        "leisure",
        "man_made",
        "military",
        "office",
        "power",
        "public_transport",
        "railway",
        "shop",
        "tourism",
    }
)


def classify(
    osm_class: str, osm_value: str, addresstype: str = "", place_rank: int | None = None
) -> tuple[FeatureType, int]:
    """Return ``(feature_type, geo_precision)`` for an OSM-based answer.

    ``geo_precision`` follows ACLED: 1 a town, village or a site in one, 2 part
    of a town or a district, 3 a region, state or country.
    """
    osm_class, osm_value, addresstype = osm_class.lower(), osm_value.lower(), addresstype.lower()
    if osm_class == "barrier" and osm_value == "border_control":
        return "crossing", 1
    if osm_class == "place" and osm_value in _BY_ADDRESSTYPE:
        return _BY_ADDRESSTYPE[osm_value]
    if addresstype in _BY_ADDRESSTYPE:
        return _BY_ADDRESSTYPE[addresstype]
    if osm_class in _FACILITY_CLASSES or (osm_class == "landuse" and osm_value == "military"):
        return "facility", 1
    if osm_class == "highway":
        return "street", 1
    # another kind of place (a peak, a bay, an island): a point, its precision from its rank
    kind: FeatureType = "natural" if osm_class in ("natural", "waterway") else "place"
    if place_rank is None:
        return kind, 2
    if place_rank <= 12:
        return kind, 3
    if place_rank >= 26:
        return kind, 1
    return kind, 2


# --------------------------------------------------------------------------- #
# The cache.


class _Cache:
    """SQLite answers cache: reads go through one connection per process and thread, kept
    open (a run asks it for hundreds of names, and opening a connection costs more than the
    read); writes through a short connection of their own."""

    _SCHEMA = """
        CREATE TABLE IF NOT EXISTS answers (
            provider TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            query TEXT NOT NULL,
            countries TEXT NOT NULL,
            status TEXT NOT NULL,
            place TEXT,
            created REAL NOT NULL,
            PRIMARY KEY (provider, endpoint, query, countries)
        )
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(self._SCHEMA)
        # WAL lets readers and a writer in different processes work at once.
        # Another process switching at the same moment may hold a lock; the
        # default journal is just as safe, only slower, so ignore that.
        with contextlib.suppress(sqlite3.OperationalError), self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=30.0)
        try:
            with conn:  # one transaction: commit on success, roll back on error
                yield conn
        finally:
            conn.close()

    def _reader(self) -> sqlite3.Connection:
        """This thread's reading connection (a forked worker opens its own: a connection
        must not cross a fork)."""
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.pid, local.db = os.getpid(), sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        db: sqlite3.Connection = local.db
        return db

    def get(self, key: tuple[str, str, str, str]) -> tuple[str, str | None] | None:
        # (autocommit, and every row fetched: the read holds no lock once it returns)
        rows = (
            self._reader()
            .execute(
                "SELECT status, place FROM answers WHERE provider = ? AND endpoint = ? AND query = ? AND countries = ?",
                key,
            )
            .fetchall()
        )
        return None if not rows else (rows[0][0], rows[0][1])

    def put(self, key: tuple[str, str, str, str], status: str, place: str | None) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO answers"
                " (provider, endpoint, query, countries, status, place, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*key, status, place, time.time()),
            )


def default_cache_path() -> Path:
    from ..cache import cache_dir

    return cache_dir() / CACHE_FILENAME


def _place_to_json(place: Place) -> str:
    return json.dumps(asdict(place), ensure_ascii=False, sort_keys=True)


def _place_from_json(text: str) -> Place:
    data = json.loads(text)
    data["aliases"] = tuple(data.get("aliases", ()))
    return Place(**data)


def _is_transient(exc: BaseException) -> bool:
    """Whether trying again later may help: timeouts, 5xx, 429, connection errors."""
    from geopy import exc as gx

    if isinstance(exc, gx.GeocoderRateLimited):
        return True
    if isinstance(
        exc,
        gx.GeocoderParseError  # garbage body: asking again gets the same garbage
        | gx.GeocoderQueryError  # 400, 412-414
        | gx.GeocoderAuthenticationFailure  # 401, 407
        | gx.GeocoderInsufficientPrivileges  # 403 (a blocked user agent, say)
        | gx.GeocoderQuotaExceeded,  # 402
    ):
        return False
    # GeocoderTimedOut (timeouts, 408, 503, 504), GeocoderUnavailable, and plain
    # GeocoderServiceError (500, 502, connection refused or reset).
    return isinstance(exc, gx.GeocoderServiceError)


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- #
# Retry-After, read safely.

_DELAY_SECONDS = rx.compile(r"[0-9]+")  # RFC 9110 delay-seconds: ASCII digits only


def parse_retry_after(value: object, now: float | None = None) -> float | None:
    """The wait a ``Retry-After`` value asks for, in seconds within ``[0, MAX_WAIT_SECONDS]``.

    ``value`` is the header's text (delay-seconds or an HTTP date) or a number
    already read from it.  Anything unreadable (garbage, a negative or
    fractional number, an impossible date) is ``None``: no wait was asked for.
    A wait longer than ``MAX_WAIT_SECONDS`` (400 digits, the year 9999) is read
    as ``MAX_WAIT_SECONDS``; a date already past is 0.  Never raises.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return None
        return float(min(max(value, 0), MAX_WAIT_SECONDS))  # compares huge ints without converting them
    text = str(value).strip()
    if _DELAY_SECONDS.fullmatch(text):
        digits = text.lstrip("0") or "0"
        return MAX_WAIT_SECONDS if len(digits) > 9 else min(float(digits), MAX_WAIT_SECONDS)
    if not text or len(text) > 100:  # an HTTP date is 29 characters
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
        seconds = when.timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError, OverflowError, IndexError, OSError):
        return None
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_WAIT_SECONDS)


# --------------------------------------------------------------------------- #
# Transport: urllib with a deadline on the whole request and a cap on the answer.
#
# geopy leaves HTTP to an adapter (geopy.adapters): one object owning the
# transport, its timeouts and the mapping of its faults to geopy's exceptions.
# Its urllib adapter passes ``timeout`` to each socket operation, so a service
# that sends a byte every few seconds is never timed out, and it reads a whole
# answer into memory whatever its size.  _BoundedHTTP is an adapter of ours
# that keeps geopy's contract and bounds both.


class _ConnectFailed(OSError):
    """No connection to the service could be made; the message says why in a few words."""


class _AnswerTooLarge(Exception):
    """The answer is longer than the cap; the rest of it was not read."""


class _Deadline:
    """The monotonic time by which one request must be over."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left; ``TimeoutError`` once none are."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        return left


def _connect_reason(exc: BaseException) -> str:
    """A few words on why a connection could not be made."""
    if isinstance(exc, socket.gaierror):
        return f"name not resolved: {exc.strerror or exc}"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return "connecting timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed: {exc.reason or exc}"
    words = {
        errno.ENETUNREACH: "network unreachable",
        errno.EHOSTUNREACH: "host unreachable",
        errno.ENETDOWN: "network down",
        errno.EHOSTDOWN: "host down",
        errno.EADDRNOTAVAIL: "address not available",
    }
    if isinstance(exc, OSError) and exc.errno in words:
        return words[exc.errno]
    return _one_line(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__, 100)


class _DeadlineReader(io.RawIOBase):
    """Reads a socket, each read allowed only the time left before the deadline."""

    def __init__(self, sock: socket.socket, deadline: _Deadline) -> None:
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # holds the socket open until closed, as http.client expects
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        self._sock.settimeout(self._deadline.left())
        return self._raw.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _DeadlineSocket:
    """A connected socket as http.client uses it, its reads and writes bounded by the deadline."""

    def __init__(self, sock: socket.socket, deadline: _Deadline) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str = "r", *args: Any, **kwargs: Any) -> io.BufferedReader:
        if mode != "rb":  # http.client reads answers in binary; nothing else is needed
            raise ValueError(f"unsupported mode {mode!r}")
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def sendall(self, data: Any, *args: Any) -> None:
        self._sock.settimeout(self._deadline.left())
        self._sock.sendall(data, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _DeadlineConnectionMixin:
    """An http.client connection whose connect, TLS handshake, writes and reads share one deadline.

    A failure to connect (including the TLS handshake) is raised as
    ``_ConnectFailed``, which is how the resolver tells "unreachable" from a
    service that answered badly.
    """

    sock: Any
    timeout: Any

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self._create_connection = self._connect_socket

    def _connect_socket(self, address: Any, timeout: Any = None, source_address: Any = None) -> socket.socket:
        sock = socket.create_connection(address, self._deadline.left(), source_address)
        try:
            sock.settimeout(self._deadline.left())  # what is left for the TLS handshake, if any
        except TimeoutError:
            sock.close()
            raise
        return sock

    def connect(self) -> None:
        try:
            super().connect()  # type: ignore[misc]
        except OSError as exc:
            raise _ConnectFailed(_connect_reason(exc)) from exc
        self.sock = _DeadlineSocket(self.sock, self._deadline)


class _HTTPConnection(_DeadlineConnectionMixin, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_DeadlineConnectionMixin, http.client.HTTPSConnection):
    pass


class _Request(urllib.request.Request):
    def __init__(self, url: str, headers: Mapping[str, str], deadline: _Deadline) -> None:
        super().__init__(url, headers=dict(headers))
        self.deadline = deadline


def _deadline_of(req: urllib.request.Request) -> _Deadline:
    deadline = getattr(req, "deadline", None)
    if not isinstance(deadline, _Deadline):  # a request this module did not make
        raise ValueError("a request without a deadline")
    return deadline


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPConnection, deadline=_deadline_of(req)), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        conn = functools.partial(_HTTPSConnection, deadline=_deadline_of(req))
        return self.do_open(conn, req, context=self._context)  # type: ignore[attr-defined]


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects within the first request's deadline, and does not read their bodies."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.deadline = _deadline_of(req)  # type: ignore[attr-defined]
            fp.close()  # urllib would read the whole body to drop it: a closed one reads as empty
        return new


def _read_capped(response: Any, limit: int) -> bytes:
    """The body of ``response``, or ``_AnswerTooLarge`` as soon as it is past ``limit`` bytes."""
    length = getattr(response, "length", None)  # http.client's reading of Content-Length
    if isinstance(length, int) and length > limit:
        raise _AnswerTooLarge(f"answer of {length} bytes, more than the {limit} bytes allowed")
    body = bytearray()
    while True:
        chunk = response.read(min(64 * 1024, limit + 1 - len(body)))
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > limit:
            raise _AnswerTooLarge(f"answer longer than the {limit} bytes allowed")


def _decode(body: bytes, headers: Any) -> str:
    charset = (headers.get_content_charset() if headers is not None else None) or "utf-8"
    return body.decode(charset)  # LookupError for an unknown charset, UnicodeDecodeError for bad bytes


class _BoundedHTTP:
    """A geopy adapter (``BaseSyncAdapter``'s contract): urllib, with bounds.

    * ``timeout`` (geopy passes the geocoder's) is the deadline of the whole
      request: connecting, the TLS handshake, sending, and reading the headers
      and body, redirects included; past it the request is
      ``GeocoderTimedOut``.
    * An answer longer than ``max_bytes`` is ``GeocoderParseError`` and is not
      read further (nor is an error page past ``max_bytes``: it is cut).
    * No connection at all is ``GeocoderUnavailable`` raised from a
      ``_ConnectFailed`` (see ``_unreachable_reason``).
    * ``Retry-After`` reaches geopy already read by :func:`parse_retry_after`,
      as whole seconds or not at all.

    geopy is imported only when the adapter is made (see ``_adapter_class``).
    """

    def __init__(self, *, proxies: Mapping[str, str] | None, ssl_context: Any, max_bytes: int = 0) -> None:
        self.max_bytes = max_bytes or MAX_ANSWER_BYTES
        if proxies is None:
            proxies = urllib.request.getproxies()
        proxies = {k: v if "://" in v else f"http://{v}" for k, v in (proxies or {}).items() if v}
        self._open = urllib.request.build_opener(
            urllib.request.ProxyHandler(proxies),  # given even when empty: no hidden system proxies
            _HTTPHandler(),
            _HTTPSHandler(context=ssl_context),
            _RedirectHandler(),
        ).open

    def __enter__(self) -> _BoundedHTTP:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def get_json(self, url: str, *, timeout: float, headers: Mapping[str, str]) -> Any:
        from geopy.exc import GeocoderParseError

        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise GeocoderParseError(f"answer is not JSON: {_one_line(text, 80)!r}") from exc

    def get_text(self, url: str, *, timeout: float, headers: Mapping[str, str]) -> str:
        from geopy.adapters import AdapterHTTPError
        from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable

        try:
            status, reason, answer_headers, body = self._fetch(url, timeout, headers)
        except _ConnectFailed as exc:
            raise GeocoderUnavailable(f"unreachable ({exc})") from exc
        except _AnswerTooLarge as exc:
            raise GeocoderParseError(str(exc)) from exc
        except TimeoutError as exc:
            raise GeocoderTimedOut(f"Service timed out: no whole answer within {timeout:g} s") from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise GeocoderServiceError(_one_line(f"{type(exc).__name__}: {exc}", 150)) from exc
        try:
            text = _decode(body, answer_headers)
        except (LookupError, ValueError) as exc:
            if status >= 400:
                text = ""
            else:
                raise GeocoderParseError(f"cannot decode the answer: {exc}") from exc
        if status >= 400:
            lowered = {k.lower(): v for k, v in answer_headers.items()}
            wait = parse_retry_after(lowered.pop("retry-after", None))
            if wait is not None:
                lowered["retry-after"] = str(math.ceil(wait))
            raise AdapterHTTPError(
                f"HTTP {status} {reason}".strip(), status_code=status, headers=lowered, text=text[:2000]
            )
        return text

    def _fetch(self, url: str, timeout: float, headers: Mapping[str, str]) -> tuple[int, str, Any, bytes]:
        """``(status, reason, headers, body)`` of one GET, whatever the status."""
        deadline = _Deadline(timeout)
        try:
            response = self._open(_Request(url, headers, deadline), timeout=timeout)
        except urllib.error.HTTPError as err:
            with contextlib.closing(err):
                try:
                    body = _read_capped(err.fp, self.max_bytes) if err.fp is not None else b""
                except _AnswerTooLarge:
                    body = b""  # an error page is only logged: its start would do, but none is fine
                return err.code, str(err.reason or ""), err.headers, body
        except urllib.error.URLError as err:  # urllib wraps what happened while connecting and sending
            if isinstance(err.reason, BaseException):
                raise err.reason  # noqa: B904 (its own cause, if any, is the one worth keeping)
            raise
        with contextlib.closing(response):
            return response.status, str(response.reason or ""), response.headers, _read_capped(response, self.max_bytes)


@functools.cache
def _adapter_class() -> type:
    """``_BoundedHTTP`` as a geopy ``BaseSyncAdapter`` (made on first use: importing geopy is slow)."""
    from geopy.adapters import BaseSyncAdapter

    class BoundedAdapter(_BoundedHTTP, BaseSyncAdapter):
        pass

    return BoundedAdapter


def _unreachable_reason(exc: BaseException) -> str:
    """Why the service could not be reached, when ``exc`` says it could not; else ""."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, _ConnectFailed):
            return str(cause)
        seen.add(id(cause))
        cause = cause.__cause__
    return ""


# --------------------------------------------------------------------------- #
# The resolver.

_NAMES_SHOWN = 5  # names a problem line lists before "…"
_RETRY_HINT = "run again when it is back (with --reanalyse for articles already stored)"


@dataclass
class _Trouble:
    """One distinct problem: said once, with the names it left unresolved."""

    text: str  # one line
    names: dict[str, str] = field(default_factory=dict)  # casefolded -> as first met, in order
    hint: str = ""  # what to do, said after the names

    def line(self) -> str:
        if not self.names:
            return self.text
        n = len(self.names)
        first = itertools.islice(self.names.values(), _NAMES_SHOWN)
        shown = ", ".join(repr(x) for x in first) + (", …" if n > _NAMES_SHOWN else "")
        line = f"{self.text}; {n} name{'s' if n != 1 else ''} left unresolved ({shown})"
        return f"{line}, {self.hint}" if self.hint else line


class OnlineResolver:
    """Geocode place names with one geopy provider, behind a cache.

    ``lookup(name, country_codes)`` returns a :class:`Place` or ``None``;
    ``resolve`` returns a :class:`GeocodeResult` that also says why.  See the
    module docstring for the rules on caching, retries and faults.

    ``url`` (e.g. ``"http://localhost:8080/nominatim"``) is a shorthand for
    ``scheme`` + ``domain``; ``provider_options`` are passed to the geopy
    geocoder's constructor as they are (an ``api_key``, for instance).

    ``timeout`` is the most one request may take, connecting and reading the
    whole answer included; ``max_answer_bytes`` the longest answer read.

    One resolver spaces its own requests; share one resolver per endpoint
    (the rate limit is per object, and it is thread-safe).
    """

    def __init__(
        self,
        provider: str = "nominatim",
        *,
        url: str | None = None,
        domain: str | None = None,
        scheme: str | None = None,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 3,
        backoff_seconds: float = 1.0,
        max_total_seconds: float = 60.0,
        max_retry_after_seconds: float = 60.0,
        max_consecutive_failures: int = 5,
        cache_path: str | os.PathLike[str] | None = None,
        offline: bool = False,
        provider_options: Mapping[str, Any] | None = None,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if max_answer_bytes <= 0:
            raise ValueError("max_answer_bytes must be positive")
        if min(min_delay_seconds, backoff_seconds, max_total_seconds) < 0 or max_retries < 0:
            raise ValueError("delays, budgets and max_retries must not be negative")
        self.provider = provider.strip().lower()
        if url is not None:
            if domain is not None or scheme is not None:
                raise ValueError("give either url or domain/scheme, not both")
            parts = urlsplit(url if "://" in url else f"https://{url}")
            if not parts.netloc:
                raise ValueError(f"cannot read a host from url {url!r}")
            scheme = parts.scheme
            domain = (parts.netloc + parts.path).rstrip("/")
        self.domain = domain
        self.scheme = scheme
        self.user_agent = user_agent
        self.timeout = float(timeout)
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = int(max_retries)
        self.backoff_seconds = float(backoff_seconds)
        self.max_total_seconds = float(max_total_seconds)
        self.max_retry_after_seconds = float(max_retry_after_seconds)
        self.max_consecutive_failures = int(max_consecutive_failures)
        self.offline = offline
        self.provider_options = dict(provider_options or {})
        self.max_answer_bytes = int(max_answer_bytes)

        self.last_result: GeocodeResult | None = None
        self.requests_made = 0  # HTTP requests sent, over the resolver's life
        self._unresolved: dict[str, str] = {}  # casefolded -> name (see ``unresolved``)
        self.unreachable = ""  # why no connection could be made; then none is tried again

        self._troubles: dict[str, _Trouble] = {}  # key -> problem, in the order they arose
        self._troubles_lock = threading.Lock()
        self._lock = threading.Lock()
        self._consecutive_failures = 0
        self._disabled = ""  # why online lookups stopped for good
        self._paused_until = 0.0  # time.monotonic() before which none is sent

        self.cache_path = Path(cache_path) if cache_path is not None else default_cache_path()
        self._cache: _Cache | None = None
        try:
            self._cache = _Cache(self.cache_path)
        except (OSError, sqlite3.Error) as exc:
            self._trouble("cache", f"geocoding cache {self.cache_path} unusable, answers are not kept: {exc}")

        self._geocode: Callable[..., Any] | None = None
        if not offline:
            self._geocode = self._make_geocoder()

    # -- public ------------------------------------------------------------- #

    @property
    def problems(self) -> list[str]:
        """One line per distinct problem so far (each with the names it left unresolved)."""
        with self._troubles_lock:
            return [t.line() for t in self._troubles.values()]

    @property
    def unresolved(self) -> list[str]:
        """Names whose lookup failed (not "not found": that is an answer) and that no
        later lookup found, in the order they first failed; a later run asks again."""
        with self._troubles_lock:
            return list(self._unresolved.values())

    @property
    def endpoint(self) -> str:
        """The service address as used in cache keys and provenance."""
        domain = self.domain or _DEFAULT_DOMAINS.get(self.provider)
        if not domain:
            return "default"
        return f"{self.scheme or 'https'}://{domain.strip('/')}"

    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None:
        """The place ``name`` most likely means, or ``None`` (not found or failed).

        ``country_codes`` (ISO alpha-2, any case) restricts the answer to those
        countries: Nominatim filters on the server, Photon's answers are
        filtered here, other providers' answers only when they name a country
        (they never do yet: their ``Place.country`` is "").
        """
        return self.resolve(name, country_codes).place

    def resolve(self, name: str, country_codes: list[str] | None = None) -> GeocodeResult:
        """Like :meth:`lookup`, but says whether a ``None`` is "not found" or "failed"."""
        try:
            result = self._resolve(name, country_codes)
        except Exception as exc:  # a bug here must not take the run down
            log.exception("geocoding %r failed unexpectedly", name)
            result = self._failed(name, "unexpected", f"unexpected error: {type(exc).__name__}: {exc}", 0)
        self.last_result = result
        return result

    # -- internals ---------------------------------------------------------- #

    @property
    def _where(self) -> str:
        endpoint = self.endpoint
        return endpoint if endpoint != "default" else self.provider

    @property
    def _label(self) -> str:
        return f"geocoder: {self._where}"

    def _trouble(self, key: str, text: str, name: str | None = None, hint: str = "") -> None:
        """Note a problem: the first time its ``key`` is seen it becomes a line of
        ``problems``; each time, ``name`` (if any) is added to the names it left unresolved."""
        with self._troubles_lock:
            trouble = self._troubles.get(key)
            if trouble is None:
                trouble = self._troubles[key] = _Trouble(_one_line(text, 300), hint=hint)
                log.info("%s", trouble.text)  # said once, by whoever reads ``problems``
            if name is not None:
                name = " ".join(name.split())
                trouble.names.setdefault(name.casefold(), name)
                self._unresolved.setdefault(name.casefold(), name)

    def _found(self, name: str) -> None:
        """``name`` has an answer now: it is no longer unresolved."""
        folded = " ".join(name.split()).casefold()
        with self._troubles_lock:
            if self._unresolved.pop(folded, None) is not None:
                for trouble in self._troubles.values():
                    trouble.names.pop(folded, None)

    def _failed(self, name: str, key: str, error: str, requests: int, hint: str = "") -> GeocodeResult:
        """A FAILED result; the problem it shows is noted under ``key`` (once per key)."""
        error = _one_line(error)
        self._trouble(key, f"{self._label}: {error}", name, hint)
        log.info("%s: %r: %s", self._label, name, error)
        return GeocodeResult(Status.FAILED, error=error, requests=requests)

    def _set_unreachable(self, name: str, why: str, requests: int) -> GeocodeResult:
        with self._lock:
            self.unreachable = self.unreachable or why
        error = f"{self._where} unreachable ({self.unreachable})"
        self._trouble("unreachable", f"geocoder: {error}", name, _RETRY_HINT)
        return GeocodeResult(Status.FAILED, error=_one_line(error), requests=requests)

    def _make_geocoder(self) -> Callable[..., Any]:
        from geopy.exc import ConfigurationError, GeocoderNotFound
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        try:
            cls = get_geocoder_for_service(self.provider)
        except GeocoderNotFound as exc:
            raise ValueError(f"unknown geocoding provider {self.provider!r}") from exc
        kwargs: dict[str, Any] = {
            "user_agent": self.user_agent,
            "timeout": self.timeout,
            # urllib, bounded (see _BoundedHTTP): no hidden retries inside the
            # HTTP client, so the retry policy (and the request count) is all ours.
            "adapter_factory": functools.partial(_adapter_class(), max_bytes=self.max_answer_bytes),
        }
        if self.domain is not None:
            kwargs["domain"] = self.domain
        if self.scheme is not None:
            kwargs["scheme"] = self.scheme
        kwargs.update(self.provider_options)
        try:
            geocoder = cls(**kwargs)
        except (TypeError, ConfigurationError) as exc:
            raise ValueError(f"cannot set up geocoder {self.provider!r}: {exc}") from exc
        # Only the spacing comes from RateLimiter; retries are ours (they need
        # backoff and Retry-After, which it does not do).
        return RateLimiter(
            geocoder.geocode,
            min_delay_seconds=self.min_delay_seconds,
            max_retries=0,
            error_wait_seconds=self.min_delay_seconds,
            swallow_exceptions=False,
        )

    def _resolve(self, name: str, country_codes: list[str] | None) -> GeocodeResult:
        query = " ".join(str(name).split())
        if not query:
            return GeocodeResult(Status.NOT_FOUND)
        countries = sorted({c.strip().lower() for c in country_codes or () if c.strip()})
        key = (self.provider, self.endpoint, query.casefold(), ",".join(countries))

        hit = self._cache_get(key)
        if hit is not None:
            return hit
        if self.offline or self._geocode is None:
            return GeocodeResult(Status.NOT_CACHED)

        # Not asking: failed at once, the name counted under the problem that stopped us.
        with self._lock:
            unreachable, disabled, wait = self.unreachable, self._disabled, self._paused_until - time.monotonic()
        if unreachable:
            return self._set_unreachable(name, unreachable, 0)
        if disabled:
            return self._failed(name, "stopped", disabled, 0, _RETRY_HINT)
        if wait > 0:
            return self._failed(name, "paused", f"service asked to wait, {wait:.0f} s left", 0, _RETRY_HINT)

        result = self._fetch(name, query, countries)
        if result.status is Status.FAILED:
            stopped = ""
            with self._lock:
                self._consecutive_failures += 1
                if (
                    self.max_consecutive_failures
                    and self._consecutive_failures >= self.max_consecutive_failures
                    and not self._disabled
                    and not self.unreachable
                ):
                    stopped = self._disabled = (
                        f"online geocoding stopped after {self._consecutive_failures} failed lookups in a row"
                    )
            if stopped:
                self._trouble("stopped", f"{self._label}: {stopped}", hint=_RETRY_HINT)
            return result
        with self._lock:
            self._consecutive_failures = 0
        self._found(query)
        payload = _place_to_json(result.place) if result.place else None
        self._cache_put(key, result.status.value, payload)
        return result

    def _cache_get(self, key: tuple[str, str, str, str]) -> GeocodeResult | None:
        if self._cache is None:
            return None
        try:
            row = self._cache.get(key)
            if row is None:
                return None
            status, payload = row
            if status == Status.NOT_FOUND.value:
                return GeocodeResult(Status.NOT_FOUND, cached=True)
            if status == Status.FOUND.value and payload:
                return GeocodeResult(Status.FOUND, _place_from_json(payload), cached=True)
        except (sqlite3.Error, OSError, ValueError, TypeError) as exc:
            self._trouble("cache read", f"geocoding cache {self.cache_path}: unreadable entries ({exc}), asked again")
        return None

    def _cache_put(self, key: tuple[str, str, str, str], status: str, payload: str | None) -> None:
        if self._cache is None:
            return
        try:
            self._cache.put(key, status, payload)
        except (sqlite3.Error, OSError) as exc:
            self._trouble("cache write", f"geocoding cache {self.cache_path}: cannot store answers: {exc}")

    def _fetch(self, name: str, query: str, countries: list[str]) -> GeocodeResult:
        """Ask the service, retrying transient faults within the bounds."""
        from geopy import exc as gx

        assert self._geocode is not None
        started = time.monotonic()
        attempt = 0
        while True:
            attempt += 1
            self.requests_made += 1
            try:
                answer = self._call(query, countries)
            except Exception as exc:
                why = _unreachable_reason(exc)
                if why:  # no connection at all: not this name's fault, and asking again would only stall
                    return self._set_unreachable(name, why, attempt)
                kind = type(exc).__name__
                reason = f"{kind}: {_one_line(str(exc), 120)}"
                transient = _is_transient(exc)
                if not transient:
                    return self._failed(name, f"{kind} not retried", f"{reason} (not retried)", attempt)
                wait = self.backoff_seconds * 2.0 ** min(attempt - 1, 60)
                asked = parse_retry_after(exc.retry_after) if isinstance(exc, gx.GeocoderRateLimited) else None
                if asked is not None:
                    if asked > self.max_retry_after_seconds:
                        with self._lock:
                            self._paused_until = max(self._paused_until, time.monotonic() + asked)
                        return self._failed(
                            name,
                            "paused",
                            f"{reason}; service asked to wait {asked:.0f} s,"
                            f" more than {self.max_retry_after_seconds:.0f} s: pausing",
                            attempt,
                            _RETRY_HINT,
                        )
                    wait = max(wait, asked)
                if attempt > self.max_retries:
                    return self._failed(name, f"{kind} retries", f"{reason} after {attempt} attempts", attempt)
                if time.monotonic() - started + wait > self.max_total_seconds:
                    return self._failed(
                        name,
                        f"{kind} budget",
                        f"{reason} after {attempt} attempts; retry budget {self.max_total_seconds:g} s spent",
                        attempt,
                    )
                log.info("geocoder %s: %r: %s; retrying in %.2f s", self.provider, name, reason, wait)
                time.sleep(wait)
                continue
            try:
                place = self._to_place(answer, query, countries)
            except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
                error = f"unusable answer: {type(exc).__name__}: {exc} (not retried)"
                return self._failed(name, "unusable answer", error, attempt)
            if place is None:
                return GeocodeResult(Status.NOT_FOUND, requests=attempt)
            return GeocodeResult(Status.FOUND, place, requests=attempt)

    def _call(self, query: str, countries: list[str]) -> Any:
        assert self._geocode is not None
        if self.provider == "nominatim":
            return self._geocode(
                query,
                exactly_one=True,
                addressdetails=True,
                country_codes=countries or None,
                timeout=self.timeout,
            )
        if self.provider == "photon" and countries:
            # Photon has no country filter: take a few answers and filter here.
            return self._geocode(query, exactly_one=False, limit=10, timeout=self.timeout)
        return self._geocode(query, exactly_one=True, timeout=self.timeout)

    def _to_place(self, answer: Any, query: str, countries: list[str]) -> Place | None:
        if not answer:
            return None
        candidates = answer if isinstance(answer, list) else [answer]
        for location in candidates:
            place = self._location_to_place(location, query)
            if not countries or not place.country or place.country.lower() in countries:
                return place
        return None

    def _location_to_place(self, location: Any, query: str) -> Place:
        raw: Mapping[str, Any] = location.raw if isinstance(location.raw, Mapping) else {}
        # geopy turns missing coordinates into 0, 0: read OSM answers' own fields.
        if self.provider == "nominatim":
            lat, lon = float(raw["lat"]), float(raw["lon"])
        elif self.provider == "photon":
            lon, lat = (float(v) for v in raw["geometry"]["coordinates"][:2])  # GeoJSON order
        else:
            lat, lon = float(location.latitude), float(location.longitude)
        if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
            raise ValueError(f"coordinates out of range: {lat}, {lon}")
        if lat == 0 and lon == 0:
            raise ValueError("coordinates 0, 0 (missing coordinates?)")
        address_text = str(getattr(location, "address", "") or "")
        if self.provider == "nominatim":
            return self._from_nominatim(raw, lat, lon, address_text)
        if self.provider == "photon":
            return self._from_photon(raw, lat, lon, address_text)
        return Place(
            id=self._hashed_id(lat, lon, address_text),
            name=address_text.split(",")[0].strip() or query,
            lat=lat,
            lon=lon,
            feature_type="place",
            country="",
            geo_precision=2,
            source=f"geocoder {self.provider} ({self.endpoint}); licence: see the provider's terms",
            resolved_by=f"geocoder:{self.provider}",
        )

    def _hashed_id(self, lat: float, lon: float, address_text: str) -> str:
        digest = hashlib.sha256(f"{lat:.6f},{lon:.6f}|{address_text}".encode()).hexdigest()
        return f"geo:{self.provider}:{digest[:16]}"

    def _osm_id(self, osm_type: Any, osm_id: Any, lat: float, lon: float, address_text: str) -> str:
        """``geo:<provider>:<node|way|relation>/<id>``; a hash when the answer has no OSM id."""
        kind = str(osm_type or "").strip()
        kind = _OSM_TYPES.get(kind.upper(), kind.lower())
        if kind in _OSM_TYPES.values() and str("" if osm_id is None else osm_id).strip().isdigit():
            return f"geo:{self.provider}:{kind}/{int(osm_id)}"
        return self._hashed_id(lat, lon, address_text)

    def _osm_source(self) -> str:
        return f"geocoder {self.provider} ({self.endpoint}); data © {OSM_LICENCE}"

    def _from_nominatim(self, raw: Mapping[str, Any], lat: float, lon: float, address_text: str) -> Place:
        address = raw.get("address") or {}
        rank = raw.get("place_rank")
        feature_type, precision = classify(
            str(raw.get("class") or raw.get("category") or ""),
            str(raw.get("type") or ""),
            str(raw.get("addresstype") or ""),
            int(rank) if rank is not None else None,
        )
        name = str(raw.get("name") or "").strip() or address_text.split(",")[0].strip()
        return Place(
            id=self._osm_id(raw.get("osm_type"), raw.get("osm_id"), lat, lon, address_text),
            name=name,
            lat=lat,
            lon=lon,
            feature_type=feature_type,
            country=str(address.get("country_code") or "").upper(),
            admin1=str(address.get("state") or address.get("province") or address.get("region") or ""),
            geo_precision=precision,
            source=self._osm_source(),
            resolved_by=f"geocoder:{self.provider}",
        )

    def _from_photon(self, raw: Mapping[str, Any], lat: float, lon: float, address_text: str) -> Place:
        props = raw.get("properties") or {}
        feature_type, precision = classify(
            str(props.get("osm_key") or ""),
            str(props.get("osm_value") or ""),
            str(props.get("type") or ""),
        )
        return Place(
            id=self._osm_id(props.get("osm_type"), props.get("osm_id"), lat, lon, address_text),
            name=str(props.get("name") or "").strip() or address_text.split(",")[0].strip(),
            lat=lat,
            lon=lon,
            feature_type=feature_type,
            country=str(props.get("countrycode") or "").upper(),
            admin1=str(props.get("state") or ""),
            geo_precision=precision,
            source=self._osm_source(),
            resolved_by=f"geocoder:{self.provider}",
        )
