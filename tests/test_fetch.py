"""Pages and feeds from the web, against a local HTTP server on 127.0.0.1: fetched with a user
agent and a timeout, cached, their URL kept as the source link; failures said once each."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .helpers.cli import invoke as _run
from .helpers.pdf import make_pdf

PAGE = """<!doctype html><html><head><title>Depot hit near Akashat | Example Wire</title>
<meta property="og:site_name" content="Example Wire"></head><body><article>
<h1>Depot hit near Akashat</h1>
<p>Warplanes struck a fuel depot outside Akashat early on Friday, killing 16 people, the provincial
governor said. Rescue teams searched the rubble through the afternoon and into the evening.</p>
<p>Residents said the blasts could be heard across the valley and that the fires burned for hours
after the strike, while ambulances took the wounded to hospitals in the nearby towns.</p>
</article></body></html>"""
SECOND = PAGE.replace("Akashat", "al-Qaim").replace("Friday", "Sunday").replace("16 people", "two guards")
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>One</title><link>{base}/one.html</link></item>
<item><title>Two</title><link>{base}/two.html</link></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


class Server:
    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []  # (path, user agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (slow page)
                    self.answer()

            def answer(self) -> None:
                server.hits.append((self.path, self.headers.get("User-Agent", "")))
                base = f"http://127.0.0.1:{server.port}"
                pages = {
                    "/article.html": ("text/html; charset=utf-8", PAGE.encode()),
                    "/one.html": ("text/html; charset=utf-8", PAGE.encode()),
                    "/two.html": ("text/html; charset=utf-8", SECOND.encode()),
                    "/feed.xml": ("application/rss+xml", FEED.format(base=base).encode()),
                    "/report": ("application/pdf", make_pdf([["Warplanes struck Akashat on Friday, killing 16."]])),
                }
                if self.path == "/slow":
                    time.sleep(3)
                if self.path not in pages:
                    self.send_error(404)
                    return
                ctype, body = pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An output folder whose mapper.toml lets the run fetch from 127.0.0.1 (trafilatura refuses
    private addresses by default) within a short timeout."""
    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("STRIKE_MAPPER_CONFIG", str(tmp_path / "none.toml"))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "mapper.toml").write_text(
        "allow_private_urls = true\nfetch_timeout = 1\noffline = true\nno_world = true\n"
    )
    return folder


def _sources(out: Path) -> dict[str, dict[str, object]]:
    fc = json.loads((out / "sites.geojson").read_text())
    return {s["article"]: s for f in fc["features"] for s in f["properties"]["sources"]}


def test_a_page_given_by_url_is_fetched_once_and_kept_as_the_source_link(server: Server, out: Path) -> None:
    url = f"{server.base}/article.html"
    code, stdout, stderr = _run("run", url, "-o", str(out))
    assert code == 0, stderr
    src = _sources(out)[url]
    assert src["url"] == url and src["outlet"] == "Example Wire"
    assert Path(str(src["path"])).read_text().startswith("<!doctype html>")  # the local copy
    assert server.hits == [("/article.html", server.hits[0][1])]
    assert server.hits[0][1].startswith("strike-mapper/")  # our user agent
    # the next run reads the cached copy: no request, nothing new
    code, stdout, stderr = _run("run", url, "-o", str(out))
    assert code == 0 and "nothing new" in stdout, stderr
    assert len(server.hits) == 1


def test_a_feed_gives_its_entries_and_a_missing_one_is_said(server: Server, out: Path) -> None:
    code, _, stderr = _run("run", "--feed", f"{server.base}/feed.xml", "-o", str(out))
    assert code == 0, stderr
    assert {f"{server.base}/one.html", f"{server.base}/two.html"} <= set(_sources(out))
    (line,) = [ln for ln in stderr.splitlines() if "missing.html" in ln]
    assert "cannot fetch: HTTP 404" in line
    # the feed is fetched again on the next run, its pages are not
    _run("run", "--feed", f"{server.base}/feed.xml", "-o", str(out))
    paths = [p for p, _ in server.hits]
    assert paths.count("/feed.xml") == 2 and paths.count("/one.html") == 1


def test_a_pdf_by_url_is_read_as_a_pdf(server: Server, out: Path) -> None:
    code, _, stderr = _run("run", f"{server.base}/report", "-o", str(out))
    assert code == 0, stderr
    assert _sources(out)[f"{server.base}/report"]["path"].endswith(".pdf")  # type: ignore[union-attr]


def test_pages_that_cannot_be_had_are_one_line_each_and_the_run_fails_without_any(server: Server, out: Path) -> None:
    t0 = time.monotonic()
    code, _, stderr = _run("run", f"{server.base}/nothing-here", f"{server.base}/slow", "-o", str(out))
    assert time.monotonic() - t0 < 15
    assert code == 1
    lines = stderr.strip().splitlines()
    assert any("/nothing-here: cannot fetch: HTTP 404" in ln for ln in lines)
    assert any("/slow: cannot fetch:" in ln for ln in lines)
    assert lines[-1] == "Error: nothing could be fetched (see above); nothing written"
    assert not (out / "sites.geojson").exists()


def test_private_addresses_are_refused_unless_allowed(server: Server, out: Path) -> None:
    (out / "mapper.toml").write_text("fetch_timeout = 1\noffline = true\nno_world = true\n")
    code, _, stderr = _run("run", f"{server.base}/article.html", "-o", str(out))
    assert code == 1 and "cannot fetch" in stderr
    assert server.hits == []  # trafilatura's guard: never asked
