"""Tests of mapper.places.geocode against a fake Nominatim on 127.0.0.1 (no real network)."""

from __future__ import annotations

import errno
import itertools
import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapper.models import Place
from mapper.places.geocode import OSM_LICENCE, GeocodeResult, OnlineResolver, Status, classify

# --------------------------------------------------------------------------- #
# A fake Nominatim.


def nominatim_hit(
    name: str,
    lat: float,
    lon: float,
    *,
    osm_type: str = "relation",
    osm_id: int = 1,
    osm_class: str = "place",
    osm_value: str = "city",
    addresstype: str = "city",
    country_code: str = "ps",
    state: str = "",
    place_rank: int = 16,
) -> dict[str, Any]:
    """One search result in Nominatim's ``format=json&addressdetails=1`` shape."""
    address: dict[str, str] = {addresstype: name, "country": "X", "country_code": country_code}
    if state:
        address["state"] = state
    return {
        "place_id": 1000 + osm_id,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": osm_type,
        "osm_id": osm_id,
        "lat": repr(lat),
        "lon": repr(lon),
        "class": osm_class,
        "type": osm_value,
        "place_rank": place_rank,
        "importance": 0.5,
        "addresstype": addresstype,
        "name": name,
        "display_name": f"{name}, {state or 'Somewhere'}, X",
        "address": address,
        "boundingbox": [str(lat - 0.1), str(lat + 0.1), str(lon - 0.1), str(lon + 0.1)],
    }


GAZA = nominatim_hit("Gaza", 31.5017, 34.4668, osm_id=1703814, state="Gaza Governorate")


@dataclass
class Reply:
    status: int = 200
    body: Any = field(default_factory=list)  # JSON-encoded unless it is bytes
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0  # seconds between bytes, sent one at a time (0: all at once)
    trickle_headers: bool = False  # trickle the status line and headers too, not just the body
    size: int = 0  # instead of body: a JSON list of this many bytes, mostly spaces, sent fast
    declare_size: bool = True  # with size: say it in Content-Length (else the end is the close)


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    params: dict[str, str]
    user_agent: str


class FakeNominatim:
    """Answers /search from a script: per query, a queue of replies, then a default."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.scripts: dict[str, list[Reply]] = {}
        self.answers: dict[tuple[str, str], Any] = {}  # (query, countrycodes) -> body
        self.lock = threading.Lock()
        self.stop = threading.Event()  # set at teardown: slow replies end
        self.finished = threading.Event()  # set when a slow or huge reply is over
        self.sent = 0  # bytes of slow or huge replies written
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                with fake.lock:
                    fake.hits.append(Hit(time.monotonic(), parts.path, params, self.headers["User-Agent"]))
                    reply = fake.next_reply(params)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.trickle or reply.size:
                    try:
                        self.send_slowly_or_hugely(reply)
                    finally:
                        fake.finished.set()
                    return
                body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body)
                data = body.encode() if isinstance(body, str) else body
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout test)
                    pass

            def send_slowly_or_hugely(self, reply: Reply) -> None:
                body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                length = reply.size or len(body)
                head = f"HTTP/1.0 {reply.status} Whatever\r\nContent-Type: application/json\r\n"
                if reply.declare_size:
                    head += f"Content-Length: {length}\r\n"
                head += "".join(f"{k}: {v}\r\n" for k, v in reply.headers.items()) + "\r\n"
                try:
                    if not reply.trickle_headers:
                        self.wfile.write(head.encode())
                        head = ""
                    if reply.size:
                        chunk = b" " * 65536
                        self.wfile.write(b"[")
                        left = reply.size - 2
                        while left > 0 and not fake.stop.is_set():
                            self.wfile.write(chunk[:left])
                            fake.sent += min(left, len(chunk))
                            left -= len(chunk)
                        self.wfile.write(b"]")
                        return
                    for byte in head.encode() + body:  # one byte at a time, until the client gives up
                        if fake.stop.wait(reply.trickle):
                            return
                        self.wfile.write(bytes([byte]))
                        fake.sent += 1
                except OSError:  # the client gave up
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def next_reply(self, params: dict[str, str]) -> Reply:
        q = params.get("q", "")
        queue = self.scripts.get(q)
        if queue:
            return queue.pop(0)
        body = self.answers.get((q, params.get("countrycodes", "")), [])
        return Reply(body=body)

    def searches(self) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == "/search"]

    def resolver(self, tmp_path: Path, **kw: Any) -> OnlineResolver:
        opts: dict[str, Any] = {
            "domain": f"127.0.0.1:{self.port}",
            "scheme": "http",
            "cache_path": tmp_path / "cache.sqlite3",
            "timeout": 2.0,
            "min_delay_seconds": 0.0,
            "backoff_seconds": 0.05,
            "max_total_seconds": 5.0,
        }
        opts.update(kw)
        return OnlineResolver("nominatim", **opts)


@pytest.fixture
def fake() -> Iterator[FakeNominatim]:
    server = FakeNominatim()
    server.thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.server.shutdown()
        server.server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """``call()``'s value; fails (instead of hanging the test run) if it takes longer than ``seconds``."""
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    assert box, "raised (see the thread's traceback above)"
    return box[0]


# --------------------------------------------------------------------------- #
# Success, cache, offline.


def test_success_is_parsed_into_a_place(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.answers[("Gaza", "")] = [GAZA]
    r = fake.resolver(tmp_path, user_agent="strike-mapper-tests/1")

    place = r.lookup("Gaza")

    assert place == Place(
        id="geo:nominatim:relation/1703814",
        name="Gaza",
        lat=31.5017,
        lon=34.4668,
        feature_type="city",
        country="PS",
        admin1="Gaza Governorate",
        geo_precision=1,
        source=f"geocoder nominatim (http://127.0.0.1:{fake.port}); data © {OSM_LICENCE}",
        resolved_by="geocoder:nominatim",
    )
    assert r.last_result == GeocodeResult(Status.FOUND, place, requests=1)
    assert r.problems == []
    (hit,) = fake.searches()
    assert hit.params["q"] == "Gaza"
    assert hit.params["format"] == "json"
    assert hit.params["addressdetails"] == "1"
    assert "countrycodes" not in hit.params
    assert hit.user_agent == "strike-mapper-tests/1"


def test_default_user_agent_names_the_project(fake: FakeNominatim, tmp_path: Path) -> None:
    r = fake.resolver(tmp_path)
    r.lookup("Gaza")
    assert fake.searches()[0].user_agent.startswith("strike-mapper/")


def test_second_lookup_comes_from_the_cache(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.answers[("Gaza", "")] = [GAZA]
    first = fake.resolver(tmp_path).lookup("Gaza")
    assert len(fake.searches()) == 1

    # A new resolver (a later run) on the same cache file; case and spacing folded.
    r = fake.resolver(tmp_path)
    again = r.resolve("  gaza ")
    assert again.status is Status.FOUND
    assert again.cached
    assert again.place == first
    assert len(fake.searches()) == 1
    assert r.requests_made == 0


def test_country_filter_is_sent_and_keys_the_cache(fake: FakeNominatim, tmp_path: Path) -> None:
    rafah_ps = nominatim_hit("Rafah", 31.2968, 34.2455, osm_id=11, country_code="ps")
    rafah_eg = nominatim_hit("Rafah", 31.2806, 34.2361, osm_id=22, country_code="eg")
    fake.answers[("Rafah", "ps")] = [rafah_ps]
    fake.answers[("Rafah", "eg")] = [rafah_eg]
    r = fake.resolver(tmp_path)

    a = r.lookup("Rafah", ["PS"])
    b = r.lookup("Rafah", ["eg"])
    assert a is not None and b is not None
    assert (a.id, a.country) == ("geo:nominatim:relation/11", "PS")
    assert (b.id, b.country) == ("geo:nominatim:relation/22", "EG")
    assert [h.params.get("countrycodes") for h in fake.searches()] == ["ps", "eg"]
    assert r.lookup("Rafah", ["ps"]) == a
    assert len(fake.searches()) == 2


def test_offline_makes_no_request(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.answers[("Gaza", "")] = [GAZA]
    offline = fake.resolver(tmp_path, offline=True)
    assert offline.lookup("Gaza") is None
    assert offline.last_result == GeocodeResult(Status.NOT_CACHED)
    assert fake.searches() == []

    fake.resolver(tmp_path).lookup("Gaza")  # warm the cache
    assert len(fake.searches()) == 1
    place = offline.lookup("Gaza")
    assert place is not None and place.id == "geo:nominatim:relation/1703814"
    assert len(fake.searches()) == 1
    assert offline.requests_made == 0
    assert offline.problems == []


def test_not_found_is_cached(fake: FakeNominatim, tmp_path: Path) -> None:
    r = fake.resolver(tmp_path)
    assert r.lookup("Nowhereville") is None
    assert r.last_result == GeocodeResult(Status.NOT_FOUND, requests=1)
    assert r.problems == []

    assert r.lookup("Nowhereville") is None
    assert r.last_result == GeocodeResult(Status.NOT_FOUND, cached=True)
    assert fake.resolver(tmp_path, offline=True).resolve("nowhereville").status is (Status.NOT_FOUND)
    assert len(fake.searches()) == 1


# --------------------------------------------------------------------------- #
# Faults.


def test_timeout_gives_none_and_a_problem_and_is_not_cached(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(body=[GAZA], delay=1.0), Reply(body=[GAZA], delay=1.0)]
    r = fake.resolver(tmp_path, timeout=0.25, max_retries=1)

    started = time.monotonic()
    assert r.lookup("Gaza") is None
    elapsed = time.monotonic() - started

    result = r.last_result
    assert result is not None and result.status is Status.FAILED
    assert result.requests == 2
    assert "timed out" in result.error.lower()
    assert elapsed < 1.5  # gave up after two short timeouts, did not wait for the server
    assert len(r.problems) == 1 and "Gaza" in r.problems[0] and "\n" not in r.problems[0]
    assert len(fake.searches()) == 2

    # Not cached: offline knows nothing, and online asks again and succeeds.
    assert fake.resolver(tmp_path, offline=True).resolve("Gaza").status is Status.NOT_CACHED
    fake.answers[("Gaza", "")] = [GAZA]
    assert r.lookup("Gaza") is not None
    assert len(fake.searches()) == 3


def test_http_500_then_success_on_retry(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(status=500, body=b"<h1>Internal error</h1>")]
    fake.answers[("Gaza", "")] = [GAZA]
    r = fake.resolver(tmp_path, backoff_seconds=0.2)

    place = r.lookup("Gaza")

    assert place is not None and place.lat == pytest.approx(31.5017)
    assert r.last_result is not None and r.last_result.requests == 2
    assert r.problems == []
    first, second = fake.searches()
    assert second.at - first.at >= 0.15  # backed off (0.2 s) before retrying


def test_http_500_every_time_gives_up_after_max_retries(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(status=500) for _ in range(10)]
    r = fake.resolver(tmp_path, max_retries=2, backoff_seconds=0.1)

    assert r.lookup("Gaza") is None
    assert r.last_result is not None and r.last_result.status is Status.FAILED
    gaps = [b.at - a.at for a, b in itertools.pairwise(fake.searches())]
    assert len(fake.searches()) == 3
    assert gaps[0] >= 0.08 and gaps[1] >= 0.17  # exponential: 0.1 s, then 0.2 s
    assert len(r.problems) == 1 and "3 attempts" in r.problems[0]


def test_retry_budget_bounds_total_time(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(status=503) for _ in range(10)]
    r = fake.resolver(tmp_path, max_retries=10, backoff_seconds=0.2, max_total_seconds=0.5)

    started = time.monotonic()
    assert r.lookup("Gaza") is None
    assert time.monotonic() - started < 0.8
    assert len(fake.searches()) == 2  # 0.2 s fits the budget, 0.2 + 0.4 s does not
    assert "budget" in r.problems[0]


def test_429_retry_after_is_honoured(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(status=429, headers={"Retry-After": "1"})]
    fake.answers[("Gaza", "")] = [GAZA]
    r = fake.resolver(tmp_path, backoff_seconds=0.01)

    assert r.lookup("Gaza") is not None
    first, second = fake.searches()
    assert 0.9 <= second.at - first.at < 2.0
    assert r.problems == []


def test_429_asking_too_long_a_wait_gives_up_and_pauses(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(status=429, headers={"Retry-After": "3600"})]
    fake.answers[("Gaza", "")] = [GAZA]
    r = fake.resolver(tmp_path, max_retry_after_seconds=5)

    started = time.monotonic()
    assert r.lookup("Gaza") is None
    assert time.monotonic() - started < 1.0
    assert len(r.problems) == 1 and "3600" in r.problems[0]
    # Paused: the next lookup fails at once without a request.
    assert r.lookup("Khan Younis") is None
    assert r.last_result is not None and r.last_result.status is Status.FAILED
    assert len(fake.searches()) == 1


@pytest.mark.parametrize(
    "body",
    [
        b"this is not json {",
        b"<html><body>Bad gateway</body></html>",
        json.dumps([{"lat": "north", "lon": "east", "osm_type": "node", "osm_id": 1}]).encode(),
        json.dumps([{"display_name": "no coordinates at all"}]).encode(),
        json.dumps([{"lat": "95.0", "lon": "10.0", "osm_type": "node", "osm_id": 1}]).encode(),
    ],
    ids=["truncated", "html", "words-for-numbers", "no-coordinates", "latitude-out-of-range"],
)
def test_garbage_answer_gives_none_and_a_problem(fake: FakeNominatim, tmp_path: Path, body: bytes) -> None:
    fake.scripts["Gaza"] = [Reply(body=body)]
    r = fake.resolver(tmp_path)

    assert r.lookup("Gaza") is None
    result = r.last_result
    assert result is not None and result.status is Status.FAILED and result.error
    assert len(r.problems) == 1 and "\n" not in r.problems[0]
    assert len(fake.searches()) == 1  # garbage is not retried...
    fake.answers[("Gaza", "")] = [GAZA]
    assert r.lookup("Gaza") is not None  # ...nor cached


def test_connection_refused_gives_none_and_a_problem(tmp_path: Path) -> None:
    port = closed_port()
    r = OnlineResolver(
        domain=f"127.0.0.1:{port}",
        scheme="http",
        cache_path=tmp_path / "c.sqlite3",
        timeout=1.0,
        min_delay_seconds=0.0,
        max_retries=2,
        backoff_seconds=0.05,
    )

    started = time.monotonic()
    assert r.lookup("Gaza") is None
    assert time.monotonic() - started < 1.0
    result = r.last_result
    # No connection: not retried (the service is unreachable for the run, see below).
    assert result is not None and result.status is Status.FAILED and result.requests == 1
    assert "refused" in result.error.lower()
    assert len(r.problems) == 1


def test_repeated_failures_stop_online_lookups(fake: FakeNominatim, tmp_path: Path) -> None:
    for name in ("A", "B", "C", "D"):
        fake.scripts[name] = [Reply(status=500)]
    r = fake.resolver(tmp_path, max_retries=0, max_consecutive_failures=2)
    for name in ("A", "B", "C", "D"):
        assert r.lookup(name) is None
        assert r.last_result is not None and r.last_result.status is Status.FAILED
    assert r.requests_made == 2
    assert len(fake.searches()) == 2
    assert len(r.problems) == 2  # the 500s of A and B, then one line saying lookups stopped
    assert "500" in r.problems[0] and "2 names left unresolved ('A', 'B')" in r.problems[0]
    assert "stopped" in r.problems[-1] and "('C', 'D')" in r.problems[-1]
    assert r.unresolved == ["A", "B", "C", "D"]


def test_rate_limit_spaces_requests(fake: FakeNominatim, tmp_path: Path) -> None:
    r = fake.resolver(tmp_path, min_delay_seconds=0.2)
    for name in ("A", "B", "C", "D"):
        r.lookup(name)
    times = [h.at for h in fake.searches()]
    assert len(times) == 4
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.15, gaps  # ~0.2 s; a few ms without the limit


# --------------------------------------------------------------------------- #
# Configuration, classification, processes.


def test_url_is_split_into_scheme_and_domain(tmp_path: Path) -> None:
    r = OnlineResolver(url="http://localhost:8080/nominatim/", cache_path=tmp_path / "c", offline=True)
    assert (r.scheme, r.domain, r.endpoint) == (
        "http",
        "localhost:8080/nominatim",
        "http://localhost:8080/nominatim",
    )
    with pytest.raises(ValueError):
        OnlineResolver(url="http://x", domain="y", cache_path=tmp_path / "c", offline=True)


def test_unknown_provider_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no-such-geocoder"):
        OnlineResolver("no-such-geocoder", cache_path=tmp_path / "c")


def test_unusable_cache_is_a_problem_not_a_crash(fake: FakeNominatim, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    fake.answers[("Gaza", "")] = [GAZA]
    r = fake.resolver(tmp_path, cache_path=blocker / "cache.sqlite3")
    assert len(r.problems) == 1 and "cache" in r.problems[0]
    assert r.lookup("Gaza") is not None
    assert r.lookup("Gaza") is not None
    assert len(fake.searches()) == 2  # nothing kept


@pytest.mark.parametrize(
    ("osm_class", "value", "addresstype", "rank", "expected"),
    [
        ("place", "city", "city", 16, ("city", 1)),
        ("place", "town", "town", 18, ("town", 1)),
        ("place", "village", "village", 19, ("village", 1)),
        ("place", "suburb", "suburb", 20, ("district", 2)),
        ("boundary", "administrative", "county", 12, ("district", 2)),
        ("boundary", "administrative", "state", 8, ("admin1", 3)),
        ("boundary", "administrative", "country", 4, ("country", 3)),
        ("amenity", "hospital", "amenity", 30, ("facility", 1)),
        ("aeroway", "aerodrome", "aeroway", 30, ("facility", 1)),
        ("landuse", "military", "landuse", 22, ("facility", 1)),
        ("barrier", "border_control", "barrier", 30, ("crossing", 1)),
        ("natural", "peak", "peak", 18, ("natural", 2)),
        ("natural", "bay", "bay", 8, ("natural", 3)),
        ("tourism", "viewpoint", "", None, ("facility", 1)),
        ("place", "islet", "islet", 27, ("place", 1)),
    ],
)
def test_classify(osm_class: str, value: str, addresstype: str, rank: int, expected: tuple[str, int]) -> None:
    assert classify(osm_class, value, addresstype, rank) == expected


def test_facility_answer_becomes_a_precise_place(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.answers[("Al-Shifa Hospital", "")] = [
        nominatim_hit(
            "Al-Shifa Hospital",
            31.5235,
            34.4440,
            osm_type="way",
            osm_id=4242,
            osm_class="amenity",
            osm_value="hospital",
            addresstype="amenity",
            place_rank=30,
        )
    ]
    place = fake.resolver(tmp_path).lookup("Al-Shifa Hospital")
    assert place is not None
    assert (place.id, place.feature_type, place.geo_precision) == (
        "geo:nominatim:way/4242",
        "facility",
        1,
    )


def test_import_and_offline_use_do_not_load_geopy(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import mapper, mapper.places.geocode
        r = mapper.places.geocode.OnlineResolver(offline=True, cache_path={str(tmp_path / "c")!r})
        assert r.lookup("Gaza") is None
        print(sorted(m for m in sys.modules if m.split(".")[0] == "geopy"))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_two_processes_share_one_cache(fake: FakeNominatim, tmp_path: Path) -> None:
    names = [f"Place {i}" for i in range(40)]
    for i, name in enumerate(names):
        fake.answers[(name, "")] = [nominatim_hit(name, 31 + i / 100, 34 + i / 100, osm_id=i)]
    code = textwrap.dedent(
        f"""
        import sys
        from mapper.places.geocode import OnlineResolver
        r = OnlineResolver(domain="127.0.0.1:{fake.port}", scheme="http", min_delay_seconds=0,
                           cache_path={str(tmp_path / "shared.sqlite3")!r}, timeout=5)
        names = sys.argv[1:]
        assert all(r.lookup(n) is not None for n in names), r.problems
        assert not r.problems, r.problems
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, *names[k::2]], stderr=subprocess.PIPE) for k in (0, 1)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err.decode()

    offline = fake.resolver(tmp_path, cache_path=tmp_path / "shared.sqlite3", offline=True)
    found = [offline.lookup(n) for n in names]
    assert all(p is not None for p in found)
    assert [p.id for p in found if p] == [f"geo:nominatim:relation/{i}" for i in range(40)]
    assert len(fake.searches()) == 40


def _offline_lookups(r: OnlineResolver, names: list[str]) -> list[str | None]:
    return [p.id if p else None for p in map(r.lookup, names)]


def test_cached_answers_are_read_in_forked_workers_and_threads(fake: FakeNominatim, tmp_path: Path) -> None:
    """The cache keeps a reading connection open; a worker forked after it was opened, and
    other threads, read through connections of their own and get the same answers."""
    import multiprocessing
    from concurrent.futures import ThreadPoolExecutor

    names = [f"Hamlet {i}" for i in range(6)]
    for i, name in enumerate(names):
        fake.answers[(name, "")] = [nominatim_hit(name, 31 + i / 100, 34 + i / 100, osm_id=100 + i)]
    online = fake.resolver(tmp_path)
    assert all(online.lookup(n) is not None for n in names[:3])
    offline = fake.resolver(tmp_path, offline=True)
    want = [f"geo:nominatim:relation/{100 + i}" for i in range(3)] + [None] * 3
    assert _offline_lookups(offline, names) == want  # (its connection is open now)
    context = multiprocessing.get_context("fork")
    queue = context.SimpleQueue()
    child = context.Process(target=lambda: queue.put(_offline_lookups(offline, names)))  # (forked: not pickled)
    child.start()
    child.join(30)
    assert child.exitcode == 0
    assert queue.get() == want
    with ThreadPoolExecutor(4) as threads:
        assert list(threads.map(lambda n: _offline_lookups(offline, [n])[0], names * 3)) == want * 3
    # an answer stored later by another process is seen on the open connection's next read
    assert online.lookup(names[4]) is not None
    assert _offline_lookups(offline, names[4:5]) == ["geo:nominatim:relation/104"]
    assert len(fake.searches()) == 4


def test_answer_without_osm_id_gets_a_stable_hashed_id(fake: FakeNominatim, tmp_path: Path) -> None:
    hit = nominatim_hit("Gaza", 31.5017, 34.4668)
    del hit["osm_type"], hit["osm_id"]
    fake.answers[("Gaza", "")] = [hit]
    fake.answers[("Gaza City", "")] = [hit]
    r = fake.resolver(tmp_path)
    a, b = r.lookup("Gaza"), r.lookup("Gaza City")
    assert a is not None and b is not None
    assert a.id.startswith("geo:nominatim:") and "/" not in a.id
    assert a.id == b.id


def test_photon_answer_is_parsed_and_country_filtered(fake: FakeNominatim, tmp_path: Path) -> None:
    def feature(osm_id: int, lon: float, lat: float, country: str) -> dict[str, Any]:
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "osm_type": "R",
                "osm_id": osm_id,
                "osm_key": "place",
                "osm_value": "town",
                "type": "city",
                "name": "Rafah",
                "countrycode": country,
                "state": "Somewhere",
            },
        }

    fake.answers[("Rafah", "")] = {
        "type": "FeatureCollection",
        "features": [feature(22, 34.2361, 31.2806, "EG"), feature(11, 34.2455, 31.2968, "PS")],
    }
    r = OnlineResolver(
        "photon",
        url=f"http://127.0.0.1:{fake.port}",
        cache_path=tmp_path / "c.sqlite3",
        min_delay_seconds=0.0,
        timeout=2.0,
    )
    place = r.lookup("Rafah", ["ps"])
    assert place is not None
    assert (place.id, place.lat, place.lon, place.country) == (
        "geo:photon:relation/11",
        31.2968,
        34.2455,
        "PS",
    )
    assert (place.feature_type, place.geo_precision, place.resolved_by) == (
        "town",
        1,
        "geocoder:photon",
    )
    assert OSM_LICENCE in place.source
    assert [h.path for h in fake.hits] == ["/api"]


# --------------------------------------------------------------------------- #
# Bounds: a whole request has a deadline, an answer a size cap, a Retry-After a
# sane reading; problems are said once; no connection means no more attempts.


@pytest.mark.parametrize("trickle_headers", [False, True], ids=["body", "headers"])
def test_a_trickling_service_times_out_as_a_whole(fake: FakeNominatim, tmp_path: Path, trickle_headers: bool) -> None:
    # One byte every 50 ms: each read is far within the 0.5 s timeout, the whole answer is not.
    fake.scripts["Gaza"] = [Reply(body=[GAZA], trickle=0.05, trickle_headers=trickle_headers)]
    r = fake.resolver(tmp_path, timeout=0.5, max_retries=0)

    started = time.monotonic()
    result = within(5.0, lambda: r.resolve("Gaza"))
    elapsed = time.monotonic() - started

    assert result.status is Status.FAILED and "timed out" in result.error.lower()
    assert 0.4 <= elapsed < 1.5, elapsed
    assert fake.sent > 3  # it did trickle: the deadline, not a read, ran out
    assert len(r.problems) == 1 and "Gaza" in r.problems[0]
    assert fake.resolver(tmp_path, offline=True).resolve("Gaza").status is Status.NOT_CACHED


def test_each_retry_of_a_trickling_service_has_its_own_deadline(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(body=[GAZA], trickle=0.05), Reply(body=[GAZA], trickle=0.05)]
    r = fake.resolver(tmp_path, timeout=0.4, max_retries=1, backoff_seconds=0.01)

    started = time.monotonic()
    result = within(5.0, lambda: r.resolve("Gaza"))
    assert result.status is Status.FAILED and result.requests == 2
    assert 0.7 <= time.monotonic() - started < 1.6
    assert "after 2 attempts" in r.problems[0]


@pytest.mark.parametrize("declare_size", [True, False], ids=["content-length", "until-close"])
def test_an_oversized_answer_is_dropped_unread(fake: FakeNominatim, tmp_path: Path, declare_size: bool) -> None:
    size = 40 * 1024 * 1024  # read whole, that is [] (not found), and several times its size in memory
    fake.scripts["Gaza"] = [Reply(size=size, declare_size=declare_size)]
    r = fake.resolver(tmp_path)  # the default cap, 2 MiB

    tracemalloc.start()
    try:
        result = within(20.0, lambda: r.resolve("Gaza"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert result.status is Status.FAILED, result
    assert "bytes allowed" in result.error and "not retried" in result.error
    assert peak < 8 * 1024 * 1024, peak
    assert fake.finished.wait(5.0)
    assert fake.sent < size // 2  # the client stopped reading
    assert len(fake.searches()) == 1
    fake.answers[("Gaza", "")] = [GAZA]
    assert r.lookup("Gaza") is not None  # not cached


def test_an_oversized_error_page_is_cut_and_the_retry_goes_on(fake: FakeNominatim, tmp_path: Path) -> None:
    fake.scripts["Gaza"] = [Reply(status=500, size=40 * 1024 * 1024, declare_size=False)]
    fake.answers[("Gaza", "")] = [GAZA]
    r = fake.resolver(tmp_path)  # the default cap, 2 MiB

    tracemalloc.start()
    try:
        place = within(20.0, lambda: r.lookup("Gaza"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert place is not None and r.problems == []
    assert peak < 8 * 1024 * 1024, peak


@pytest.mark.parametrize("size", [0, 40 * 1024 * 1024], ids=["small", "huge-body"])
def test_a_redirect_is_followed_and_its_body_not_read(fake: FakeNominatim, tmp_path: Path, size: int) -> None:
    moved = "/search?q=Gaza+City&format=json&addressdetails=1"
    fake.scripts["Gaza"] = [Reply(status=302, headers={"Location": moved}, size=size, declare_size=False)]
    fake.answers[("Gaza City", "")] = [GAZA]
    r = fake.resolver(tmp_path)  # the default cap, 2 MiB

    tracemalloc.start()
    try:
        place = within(20.0, lambda: r.lookup("Gaza"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert place is not None and place.name == "Gaza"
    assert [h.params["q"] for h in fake.searches()] == ["Gaza", "Gaza City"]
    assert peak < 8 * 1024 * 1024, peak


def test_the_default_answer_cap_is_generous_but_bounded(fake: FakeNominatim, tmp_path: Path) -> None:
    r = fake.resolver(tmp_path)
    assert 1024 * 1024 <= r.max_answer_bytes <= 2 * 1024 * 1024
    big = [nominatim_hit(f"Gaza {i}", 31.5, 34.4, osm_id=i) for i in range(300)]  # ~200 KB: a fine answer
    fake.answers[("Gaza", "")] = big
    assert r.lookup("Gaza") is not None


def test_retry_after_is_read_safely_and_bounded() -> None:
    from mapper.places.geocode import MAX_WAIT_SECONDS, parse_retry_after

    now = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("  7 ") == 7.0
    assert parse_retry_after("0007") == 7.0
    assert parse_retry_after("0") == 0.0
    assert parse_retry_after("9" * 400) == MAX_WAIT_SECONDS
    assert parse_retry_after("9" * 5000) == MAX_WAIT_SECONDS
    assert parse_retry_after(10**400) == MAX_WAIT_SECONDS
    assert parse_retry_after(float("inf")) == MAX_WAIT_SECONDS
    assert parse_retry_after(-5) == 0.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:15:20 GMT", now) == 120.0
    assert parse_retry_after("Mon, 01 Jan 1990 00:00:00 GMT", now) == 0.0  # already past
    assert parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now) == MAX_WAIT_SECONDS
    for garbage in (
        None,
        "",
        "-5",
        "+5",
        "1.5",
        "1e400",
        "nan",
        "inf",
        "soon",
        "\u0663",  # ARABIC-INDIC DIGIT THREE: int() reads it, HTTP does not
        "Fri, 31 Dec 99999 23:59:59 GMT",
        "Fri, 31 Feb 2024 23:59:59 GMT",
        "Fri, 31 Dec 2024 99:99:99 GMT",
        "x" * 10_000,
        float("nan"),
        True,
    ):
        assert parse_retry_after(garbage, now) is None, garbage


@given(st.text(max_size=60) | st.integers() | st.floats())
def test_retry_after_never_raises(value: Any) -> None:
    from mapper.places.geocode import MAX_WAIT_SECONDS, parse_retry_after

    wait = parse_retry_after(value)
    assert wait is None or 0.0 <= wait <= MAX_WAIT_SECONDS


@pytest.mark.parametrize(
    ("header", "pauses"),
    [
        ("9" * 400, True),  # OverflowError before
        ("9" * 5000, True),  # beyond int()'s digit limit: read as garbage before
        ("Fri, 31 Dec 9999 23:59:59 GMT", True),
        ("Fri, 31 Dec 99999 23:59:59 GMT", False),  # ValueError before
        ("-5", False),
        ("garbage", False),
        ("1e400", False),
        ("Mon, 01 Jan 1990 00:00:00 GMT", False),
    ],
    ids=["400-digits", "5000-digits", "year-9999", "year-99999", "negative", "garbage", "float", "past"],
)
def test_any_retry_after_is_handled(fake: FakeNominatim, tmp_path: Path, header: str, pauses: bool) -> None:
    fake.scripts["Gaza"] = [Reply(status=429, headers={"Retry-After": header})]
    fake.answers[("Gaza", "")] = [GAZA]
    fake.answers[("Rafah", "")] = [GAZA]
    r = fake.resolver(tmp_path, backoff_seconds=0.05, max_retry_after_seconds=5)

    started = time.monotonic()
    place = r.lookup("Gaza")
    assert time.monotonic() - started < 1.0
    if pauses:  # a wait longer than allowed: give up, and ask nothing more for now
        assert place is None and r.last_result is not None
        assert "asked to wait" in r.last_result.error and "pausing" in r.last_result.error
        assert r.lookup("Rafah") is None
        assert len(fake.searches()) == 1
        assert len(r.problems) == 1 and "2 names left unresolved ('Gaza', 'Rafah')" in r.problems[0]
    else:  # no usable wait: retried after the usual backoff
        assert place is not None and r.problems == []
        assert len(fake.searches()) == 2


def test_each_problem_is_said_once_with_the_names_it_left(fake: FakeNominatim, tmp_path: Path) -> None:
    names = [f"Town {c}" for c in "ABCDEFG"]
    for name in names:
        fake.scripts[name] = [Reply(status=500) for _ in range(4)]  # two attempts, twice
    fake.scripts["Bad"] = [Reply(body=b"not json")]
    r = fake.resolver(tmp_path, max_retries=1, max_consecutive_failures=0)

    for name in [*names, "Bad", *names]:  # each name twice (two articles), and another problem between
        assert r.lookup(name) is None
    fake.answers[("Town A", "")] = [GAZA]
    assert r.lookup("Town A") is not None  # found after all

    assert r.problems == [
        f"geocoder: http://127.0.0.1:{fake.port}: GeocoderServiceError: HTTP 500 Internal Server Error"
        " after 2 attempts; 6 names left unresolved ('Town B', 'Town C', 'Town D', 'Town E', 'Town F', …)",
        r.problems[1],
    ]
    assert r.problems[1].startswith(f"geocoder: http://127.0.0.1:{fake.port}: GeocoderParseError:")
    assert r.problems[1].endswith("(not retried); 1 name left unresolved ('Bad')")
    assert r.unresolved == [*names[1:], "Bad"]


UNREACHABLE = {
    "refused": ("connection refused", None),
    "dns": (
        "name not resolved: Name or service not known",
        socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
    ),
    "no-route": ("network unreachable", OSError(errno.ENETUNREACH, "Network is unreachable")),
    "connect-timeout": ("connecting timed out", TimeoutError("timed out")),
}


@pytest.mark.parametrize("how", list(UNREACHABLE))
def test_no_connection_makes_the_service_unreachable_for_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    why, error = UNREACHABLE[how]
    if how == "dns":
        monkeypatch.setattr(socket, "getaddrinfo", mock.Mock(side_effect=error))
    elif error is not None:
        monkeypatch.setattr(socket, "create_connection", mock.Mock(side_effect=error))
    url = f"http://127.0.0.1:{closed_port()}"
    r = OnlineResolver(url=url, cache_path=tmp_path / "c.sqlite3", min_delay_seconds=0.0, max_retries=3)

    started = time.monotonic()
    results = [r.resolve(name) for name in ("Gaza", "Rafah", "Khan Younis", "Gaza")]
    assert time.monotonic() - started < 1.0

    assert [x.status for x in results] == [Status.FAILED] * 4
    assert [x.requests for x in results] == [1, 0, 0, 0]  # tried once, and never again
    assert r.requests_made == 1
    assert all(x.error == f"{url} unreachable ({why})" for x in results)
    assert r.unreachable == why
    assert r.unresolved == ["Gaza", "Rafah", "Khan Younis"]
    assert r.problems == [
        f"geocoder: {url} unreachable ({why}); 3 names left unresolved ('Gaza', 'Rafah', 'Khan Younis'),"
        " run again when it is back (with --reanalyse for articles already stored)"
    ]


def test_unreachable_is_not_cached_as_not_found(fake: FakeNominatim, tmp_path: Path) -> None:
    down = OnlineResolver(
        url=f"http://127.0.0.1:{closed_port()}", cache_path=tmp_path / "cache.sqlite3", min_delay_seconds=0.0
    )
    assert down.lookup("Gaza") is None and down.lookup("Rafah") is None
    assert down.unresolved == ["Gaza", "Rafah"]

    assert fake.resolver(tmp_path, offline=True).resolve("Gaza").status is Status.NOT_CACHED
    fake.answers[("Gaza", "")] = [GAZA]
    back = fake.resolver(tmp_path)  # a later run, with the network: asks again
    assert back.lookup("Gaza") is not None
    assert back.resolve("Rafah").status is Status.NOT_FOUND
    assert len(fake.searches()) == 2
    assert back.problems == [] and back.unresolved == []


def test_a_run_without_the_geocoder_says_so_once_and_does_not_stall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from mapper.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Airstrike hits Zorblaxville\n\nAn airstrike hit the village of Zorblaxville on Monday, killing three"
        " people. Another strike hit the town of Plimfordham, officials said.\n"
    )
    url = f"http://127.0.0.1:{closed_port()}"
    waits: list[float] = []
    sleep = time.sleep
    monkeypatch.setattr(time, "sleep", lambda s: waits.append(s) or sleep(s))

    args = ["run", str(articles), "-o", str(tmp_path / "out"), "--no-store", "--no-world", "-q"]
    res = CliRunner().invoke(main, [*args, "--geocoder-url", url])

    assert res.exit_code == 0, res.output
    said = [line for line in res.stderr.splitlines() if "geocoder" in line]
    assert len(said) == 1, said
    assert said[0].startswith(f"warning: geocoder: {url} unreachable (connection refused); 2 names left unresolved")
    assert "'Zorblaxville'" in said[0] and "'Plimfordham'" in said[0]
    assert sum(waits) < 0.5, waits  # no backoff (1 + 2 + 4 s a name), no spacing of requests
