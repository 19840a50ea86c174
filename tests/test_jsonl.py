"""A .jsonl file of records is read the same way by `mapper run` and `mapper extract`: one article a record."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .helpers.cli import invoke_strict as _run

RECORDS = [
    {
        "id": "wire-1",
        "text": "Warplanes struck an arms depot in Al-Qaim on 3 February 2024, killing four fighters, a monitor said.",
        "title": "Depot hit in Al-Qaim",
        "date": "2024-02-04",
        "outlet": "Example Wire",
        "url": "https://example.org/wire-1",
    },
    {
        "id": "wire-2",
        "text": "A drone hit a checkpoint near Akashat on Friday. Two guards were hurt.",
        "date": "2024-02-03",
    },
    {"id": "wire-3", "text": "Officials in Baghdad met the envoy on Tuesday to talk about trade."},
]


def _write(path: Path, records: list[dict[str, Any]], extra: str = "") -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")
    old = path.stat().st_mtime - 60  # not "just modified": the store may trust its mtime
    os.utime(path, (old, old))


def _articles(store: Path) -> dict[str, tuple[Any, ...]]:
    con = sqlite3.connect(store)
    try:
        rows = con.execute("SELECT article_id, title, published, outlet, url FROM articles").fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


def test_run_and_extract_read_one_article_per_record(tmp_path: Path, analysed: list[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder / "feed.jsonl", RECORDS, extra="{not json\n")
    code, out, err = _run("extract", str(folder / "feed.jsonl"), "--offline", "--no-world")
    assert code == 0
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["wire-1", "wire-2", "wire-3"]
    assert f"{folder / 'feed.jsonl'}:4: bad record" in err
    # a folder holding it: the same records, for extract and for run
    assert [json.loads(ln)["id"] for ln in _run("extract", str(folder), "--offline", "--no-world")[1].splitlines()] == [
        "wire-1",
        "wire-2",
        "wire-3",
    ]
    out_dir = tmp_path / "out"
    analysed.clear()
    code, out, err = _run("run", str(folder), "-o", str(out_dir), "--offline", "--no-world")
    assert code == 0, err
    assert analysed == ["wire-1", "wire-2", "wire-3"]
    assert "articles read     3" in out and f"{folder / 'feed.jsonl'}:4: bad record" in err
    stored = _articles(out_dir / "mapper.sqlite")
    assert stored["wire-1"] == ("Depot hit in Al-Qaim", "2024-02-04", "Example Wire", "https://example.org/wire-1")
    fc = json.loads((out_dir / "sites.geojson").read_text())
    qaim = next(f for f in fc["features"] if f["id"].startswith("gz:al-qaim@"))
    assert qaim["properties"]["event_date"] == "2024-02-03" and qaim["properties"]["articles"] == ["wire-1"]
    assert qaim["properties"]["sources"][0]["url"] == "https://example.org/wire-1"


def test_rerunning_a_jsonl_reads_only_what_changed(tmp_path: Path, analysed: list[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    _write(feed, RECORDS)
    out = tmp_path / "out"
    assert _run("run", str(feed), "-o", str(out), "--offline", "--no-world")[0] == 0
    analysed.clear()
    code, stdout, _ = _run("run", str(feed), "-o", str(out), "--offline", "--no-world")
    assert code == 0 and analysed == [] and "already stored    3" in stdout and "nothing new" in stdout
    # one record edited, one added: only those two are analysed; the edited one replaces its old text
    changed = [RECORDS[0], dict(RECORDS[1], text="A drone hit a checkpoint near Akashat on Friday."), RECORDS[2]]
    _write(feed, [*changed, {"id": "wire-4", "text": "Shelling hit Deir ez-Zor on Monday."}])
    code, stdout, stderr = _run("run", str(feed), "-o", str(out), "--offline", "--no-world")
    assert code == 0, stderr
    assert analysed == ["wire-2", "wire-4"]
    assert sorted(_articles(out / "mapper.sqlite")) == ["wire-1", "wire-2", "wire-3", "wire-4"]
    # forgetting the file forgets its records
    code, stdout, _ = _run("forget", str(feed), "-o", str(out))
    assert code == 0 and "forgot 4 article(s)" in stdout


def test_a_jsonl_an_older_mapper_stored_whole_is_replaced_by_its_records(
    tmp_path: Path, analysed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import mapper.pipeline
    from mapper.ingest import walk

    feed = tmp_path / "feed.jsonl"
    _write(feed, RECORDS)
    out = tmp_path / "out"
    with monkeypatch.context() as m:  # as `mapper run` read a .jsonl before: one article, the whole file
        m.setattr(mapper.pipeline, "walk", lambda inputs, wanted, records, **kw: walk(inputs, wanted=wanted, **kw))
        assert _run("run", str(feed), "-o", str(out), "--offline", "--no-world")[0] == 0
    assert list(_articles(out / "mapper.sqlite")) == ["feed.jsonl"]
    os.utime(feed, (feed.stat().st_mtime - 10,) * 2)
    code, _, err = _run("run", str(feed), "-o", str(out), "--offline", "--no-world")
    assert code == 0, err
    assert sorted(_articles(out / "mapper.sqlite")) == ["wire-1", "wire-2", "wire-3"]
