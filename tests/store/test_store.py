"""The store: incremental and idempotent runs, round trips, schema versions, kills and concurrency."""

from __future__ import annotations

import hashlib
import html
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapper.sites import kept_mentions, lean_result
from mapper.store import SCHEMA_VERSION, Store
from mapper.store.codec import pack_offsets, unpack_offsets

from ..conftest import SEEDS
from ..helpers.cli import invoke_strict as _run

GAZ_HEADER = "id,name,aliases,lat,lon,feature_type,country,admin1,parent,geo_precision,population,source\n"


def _rows(store: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(store)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _dump(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the store's content, whatever its bytes)."""
    tables = [r[0] for r in _rows(store, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(_rows(store, f"SELECT * FROM {t}"), key=repr) for t in tables}


def _signature(geojson: Path) -> list[tuple[Any, ...]]:
    """What the map says about each site, leaving out where the article files were."""
    fc = json.loads(geojson.read_text())
    out = []
    for f in fc["features"]:
        p = f["properties"]
        out.append(
            (
                f["id"],
                p["role"],
                p["event_date"],
                tuple(p["articles"]),
                tuple(f["geometry"]["coordinates"]),
                (p["killed_min"], p["killed_max"], p["injured_min"], p["injured_max"]),
                tuple((c["article"], c["quote"], tuple(c["sites"])) for c in p["claims"]),
                tuple((e["article"], e["start"], e["end"]) for e in p["evidence"]),
            )
        )
    return out


def _split_seeds(tmp_path: Path) -> tuple[Path, Path]:
    """The five seed articles in two folders: three, then two."""
    a, b = tmp_path / "day1", tmp_path / "day2"
    a.mkdir()
    b.mkdir()
    for i, f in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(f, (a if i < 3 else b) / f.name)
    return a, b


# --------------------------------------------------------------------------- round trip


@given(st.lists(st.integers(min_value=0, max_value=3), max_size=60), st.integers(min_value=0, max_value=50))
def test_offset_maps_round_trip(steps: list[int], start: int) -> None:
    offsets = [start]
    for s in steps:
        offsets.append(offsets[-1] + s)
    assert unpack_offsets(pack_offsets(offsets)) == offsets


@given(st.lists(st.integers(min_value=-2, max_value=3), max_size=300), st.integers(min_value=0, max_value=50))
def test_offset_runs_are_where_the_map_stops_counting_up(steps: list[int], start: int) -> None:
    offsets = [start]
    for s in steps:
        offsets.append(offsets[-1] + s)
    n, runs = json.loads(pack_offsets(offsets))
    assert n == len(offsets)
    assert [i for i, _ in runs] == [i for i in range(n) if i == 0 or offsets[i] != offsets[i - 1] + 1]
    assert unpack_offsets(pack_offsets(offsets)) == offsets


def test_a_run_through_the_store_maps_exactly_what_a_run_without_one_does(seeds_copy: Path, tmp_path: Path) -> None:
    plain, stored = tmp_path / "plain", tmp_path / "stored"
    assert _run("run", str(seeds_copy), "-o", str(plain), "--offline", "--no-map", "--no-store")[0] == 0
    assert not (plain / "mapper.sqlite").exists()
    code, _, err = _run("run", str(seeds_copy), "-o", str(stored), "--offline", "--no-map")
    assert code == 0, err
    assert (stored / "mapper.sqlite").is_file()
    for name in ("sites.geojson", "sites.csv"):
        assert (plain / name).read_bytes() == (stored / name).read_bytes(), name
    # the sites table holds the same features, in the same order
    with Store.open(stored / "mapper.sqlite", create=False) as s:
        assert s.features() == json.loads((plain / "sites.geojson").read_text())["features"]
        assert s.article_count() == 5 and s.sites_current()


# --------------------------------------------------------------------------- incremental, idempotent


def test_a_new_folder_adds_only_its_new_articles_and_the_map_covers_everything(
    tmp_path: Path, analysed: list[str]
) -> None:
    day1, day2 = _split_seeds(tmp_path)
    shutil.copy(next(day1.glob("000_*.txt")), day2 / "repost-of-000.txt")  # an old article under a new name
    out = tmp_path / "out"
    assert _run("run", str(day1), "-o", str(out), "--offline", "--no-map")[0] == 0
    assert len(analysed) == 3
    code, stdout, stderr = _run("run", str(day2), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert sorted(analysed[3:]) == sorted(p.name for p in SEEDS.glob("*.txt"))[3:]  # only the two new ones
    assert "same content as 000_" in stderr and "counted once" in stderr
    assert "articles read     2" in stdout and "stored articles   5" in stdout
    # the outputs cover all five articles: the same sites as one run over all of them
    together = tmp_path / "together"
    together.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, together / f.name)
    ref = tmp_path / "ref"
    assert _run("run", str(together), "-o", str(ref), "--offline", "--no-map", "--no-store")[0] == 0
    assert _signature(out / "sites.geojson") == _signature(ref / "sites.geojson")


def test_rerunning_a_folder_analyses_nothing_changes_nothing_and_says_so(
    seeds_copy: Path, tmp_path: Path, analysed: list[str]
) -> None:
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    store = out / "mapper.sqlite"
    before = _dump(store)
    outputs = {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv")}
    n = len(analysed)
    code, stdout, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert len(analysed) == n  # nothing analysed again
    assert "nothing new" in stdout and "articles read     0" in stdout and "already stored    5" in stdout
    assert _dump(store) == before
    assert outputs == {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv")}


def test_same_article_ids_from_two_folders_stay_apart(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "story.txt").write_text("US jets struck Akashat on 2 February 2024, killing 3 people, officials said.\n")
    (b / "story.txt").write_text("A drone hit Al-Qaim on 5 February 2024, killing 2 people, a medic said.\n")
    out = tmp_path / "out"
    assert _run("run", str(a), "-o", str(out), "--offline", "--no-map")[0] == 0
    assert _run("run", str(b), "-o", str(out), "--offline", "--no-map")[0] == 0
    ids = sorted(r[0] for r in _rows(out / "mapper.sqlite", "SELECT article_id FROM articles"))
    assert ids == ["b/story.txt", "story.txt"]
    fc = json.loads((out / "sites.geojson").read_text())
    struck = {
        f["properties"]["name"]: f["properties"]["articles"]
        for f in fc["features"]
        if f["properties"]["role"] == "struck"
    }
    assert struck["Akashat"] == ["story.txt"] and struck["Al-Qaim"] == ["b/story.txt"]


def test_changed_gazetteers_reanalyse_stored_articles_from_their_stored_text(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "z.txt").write_text(
        "US jets struck the town of Zarqoon on 2 February 2024, killing 3 people, officials said.\n"
    )
    out = tmp_path / "out"
    code, stdout, _ = _run("run", str(src), "-o", str(out), "--offline", "--no-map")
    assert code == 0 and "Zarqoon (z.txt)" in stdout
    gaz = tmp_path / "extra.csv"
    gaz.write_text(GAZ_HEADER + "gz:zarqoon,Zarqoon,,34.2,40.9,town,SY,,,1,,test\n")
    (src / "z.txt").unlink()  # the article is only in the store now: a run without inputs maps the store
    code, stdout, stderr = _run("run", "-o", str(out), "--offline", "--no-map", "--gazetteer", str(gaz))
    assert code == 0, stderr
    assert (
        "analysing 1 stored articles again" in stderr
        and "re-analysed       1" in stdout
        and "unresolved:" not in stdout
    )
    fc = json.loads((out / "sites.geojson").read_text())
    (site,) = [f for f in fc["features"] if f["properties"]["role"] == "struck"]
    assert site["id"] == "gz:zarqoon@2024-02-02" and site["properties"]["killed_min"] == 3
    # the same gazetteers again: nothing to do
    code, stdout, _ = _run("run", "-o", str(out), "--offline", "--no-map", "--gazetteer", str(gaz))
    assert code == 0 and "nothing new" in stdout


def test_no_store_refuses_store_options(tmp_path: Path) -> None:
    code, _, stderr = _run("run", str(tmp_path), "--no-store", "--store", str(tmp_path / "s.sqlite"))
    assert code == 2 and "--no-store cannot go with" in stderr


# --------------------------------------------------------------------------- files seen before


@pytest.fixture
def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths of the article files read."""
    import mapper.ingest

    calls: list[str] = []
    real = mapper.ingest.read_article

    def spy(src: Any) -> Any:
        calls.append(src.path.name)
        return real(src)

    monkeypatch.setattr(mapper.ingest, "read_article", spy)
    return calls


def _age(folder: Path, seconds: float = 3600) -> None:
    """Date the file or the files under a folder back, as files written a while ago are (fresh ones are read again)."""
    import os
    import time

    for f in [folder, *folder.rglob("*")]:
        if f.is_file():
            t = time.time() - seconds
            os.utime(f, (t, t))


def test_rerunning_a_folder_reads_no_file_again(
    seeds_copy: Path, tmp_path: Path, count_reads: list[str], analysed: list[str]
) -> None:
    shutil.copy(next(seeds_copy.glob("000_*.txt")), seeds_copy / "copy.txt")
    _age(seeds_copy)
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    assert len(count_reads) == 6 and len(analysed) == 5
    code, stdout, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert len(count_reads) == 6 and len(analysed) == 5  # nothing read, nothing analysed
    assert "counted once" not in stderr and "already stored    6" in stdout and "nothing new" in stdout
    # a touched file is read again (its mtime changed) but its content is stored: not analysed
    _age(seeds_copy / "copy.txt", 60)
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    assert count_reads[6:] == ["copy.txt"] and len(analysed) == 5


def test_an_edited_file_replaces_its_article(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    story = src / "story.txt"
    story.write_text("US jets struck Akashat on 2 February 2024, killing 3 people, officials said.\n")
    _age(src)
    out = tmp_path / "out"
    assert _run("run", str(src), "-o", str(out), "--offline", "--no-map")[0] == 0
    story.write_text("US jets struck Akashat on 2 February 2024, killing 7 people, officials said.\n")
    _age(src, 60)
    code, stdout, stderr = _run("run", str(src), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert "changed since it was stored" in stderr and "replaced          1" in stdout
    assert _rows(out / "mapper.sqlite", "SELECT article_id FROM articles") == [("story.txt",)]
    features = json.loads((out / "sites.geojson").read_text())["features"]
    (site,) = [f for f in features if f["properties"]["role"] == "struck"]
    assert site["properties"]["killed_min"] == 7 and site["properties"]["articles"] == ["story.txt"]


@pytest.mark.parametrize("target", ["b.txt", "0.txt"])  # read after a.txt, and before it
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_content_moved_to_another_file_in_one_run_stays(tmp_path: Path, jobs: str, target: str) -> None:
    """a.txt's text moves to another file while a.txt gets a new one: both texts stay stored,
    also when the files wait together for the workers (--jobs 2)."""
    src = tmp_path / "src"
    src.mkdir()
    moved = "US jets struck Akashat on 2 February 2024, killing 3 people, officials said.\n"
    fresh = "US jets struck Al-Qaim on 3 February 2024, killing 5 people, officials said.\n"
    (src / "a.txt").write_text(moved)
    _age(src)
    out = tmp_path / "out"
    assert _run("run", str(src), "-o", str(out), "--offline", "--no-map")[0] == 0
    (src / "a.txt").write_text(fresh)
    (src / target).write_text(moved)
    _age(src, 60)
    code, _, stderr = _run("run", str(src), "-o", str(out), "--offline", "--no-map", "--jobs", jobs)
    assert code == 0, stderr
    assert len(_rows(out / "mapper.sqlite", "SELECT sha256 FROM articles")) == 2
    struck = [
        f["properties"]["name"]
        for f in json.loads((out / "sites.geojson").read_text())["features"]
        if f["properties"]["role"] == "struck"
    ]
    assert sorted(struck) == ["Akashat", "Al-Qaim"]


# --------------------------------------------------------------------------- schema versions


def _schema(store: Path) -> dict[str, str]:
    return dict(_rows(store, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))


def test_a_schema_1_store_is_upgraded_and_keeps_its_articles(
    seeds_copy: Path, tmp_path: Path, analysed: list[str]
) -> None:
    _age(seeds_copy)
    out = tmp_path / "out"
    store = out / "mapper.sqlite"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    geojson = (out / "sites.geojson").read_bytes()
    # make it what schema 1 wrote: no files table (schema 2 added it), no event columns (schema 3), no
    # corrections (schema 4), no languages (schema 5)
    con = sqlite3.connect(store)
    con.executescript(
        "DROP TABLE files; DROP TABLE corrections; ALTER TABLE mentions DROP COLUMN event;"
        " ALTER TABLE claims DROP COLUMN event_type; ALTER TABLE claims DROP COLUMN aside;"
        " ALTER TABLE articles DROP COLUMN language; PRAGMA user_version = 1;"
    )
    con.close()
    Store.open(tmp_path / "v1.sqlite", version=1).close()
    assert _schema(store) == _schema(tmp_path / "v1.sqlite")  # exactly the schema 1 layout
    n = len(analysed)
    code, _, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert f"upgraded the store {store} from schema version 1 to {SCHEMA_VERSION}" in stderr
    assert len(analysed) == n  # the stored analyses are kept, not redone
    assert _rows(store, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _rows(store, "SELECT count(*) FROM files") == [(5,)]
    # (an analysis of schema 1 knew no events: its sites keep their places, without event types)
    old = json.loads(geojson)["features"]
    new = json.loads((out / "sites.geojson").read_text())["features"]
    assert [f["id"] for f in new] == [f["id"] for f in old]
    # and the languages of articles stored before schema 5 are unknown
    assert {s["language"] for f in old for s in f["properties"]["sources"]} == {"en"}
    assert {s["language"] for f in new for s in f["properties"]["sources"]} == {None}
    # an empty schema 1 store upgrades to exactly what a new store is
    with Store.open(tmp_path / "v1.sqlite") as s:
        assert s.notes == [f"upgraded the store {tmp_path / 'v1.sqlite'} from schema version 1 to {SCHEMA_VERSION}"]
    Store.open(tmp_path / "new.sqlite").close()
    assert _schema(tmp_path / "v1.sqlite") == _schema(tmp_path / "new.sqlite")


def _one_line_error(args: list[str]) -> str:
    code, stdout, stderr = _run(*args)
    assert code == 1, (stdout, stderr)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


def test_a_store_from_a_newer_mapper_is_refused_untouched(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    store = out / "mapper.sqlite"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    con = sqlite3.connect(store)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = _dump(store)
    for args in (
        ["run", str(seeds_copy), "-o", str(out), "--offline"],
        ["export", "-o", str(out)],
        ["sites", "-o", str(out)],
        ["forget", "-o", str(out), "anything.txt"],
    ):
        err = _one_line_error(args)
        assert f"schema version {SCHEMA_VERSION + 1}" in err and "upgrade strike-mapper" in err, err
    assert _dump(store) == before and _rows(store, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]


def test_files_that_are_not_stores_are_refused(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("US jets struck Akashat on 2 February 2024.\n")
    garbage = tmp_path / "notes.sqlite"
    garbage.write_text("just some text\n")
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    gpkg = tmp_path / "layers.gpkg"
    con = sqlite3.connect(gpkg)
    con.execute("PRAGMA application_id = 0x47504B47")  # what GeoPackages carry
    con.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
    con.close()
    for path, expect in ((garbage, "not an SQLite database"), (other, "another program's"), (gpkg, "a GeoPackage")):
        err = _one_line_error(["run", str(src), "-o", str(tmp_path / "o"), "--offline", "--store", str(path)])
        assert expect in err and str(path) in err, err
    assert garbage.read_text() == "just some text\n"
    err = _one_line_error(["run", str(src), "--offline", "--store", str(tmp_path / "new.gpkg")])
    assert "not a GeoPackage" in err and not (tmp_path / "new.gpkg").exists()
    err = _one_line_error(["sites", "--store", str(tmp_path / "missing.sqlite")])
    assert "no store here" in err
    assert not (tmp_path / "missing.sqlite").exists()


# --------------------------------------------------------------------------- sites, export, forget


def test_sites_lists_the_stored_sites(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    code, stdout, _ = _run("sites", "-o", str(out), "--format", "geojson")
    assert code == 0 and stdout == (out / "sites.geojson").read_text()
    code, stdout, _ = _run("sites", "-o", str(out), "--role", "struck")
    fc = json.loads((out / "sites.geojson").read_text())
    struck = [f for f in fc["features"] if f["properties"]["role"] == "struck"]
    lines = stdout.splitlines()
    assert code == 0 and lines[0].split()[:4] == ["SITE", "ROLE", "DATE", "NAME"]
    assert [ln.split()[0] for ln in lines[1:-1]] == [f["id"] for f in struck]
    assert lines[-1].startswith(f"{len(struck)} sites ({len(struck)} struck, 0 mentioned); 5 articles in")
    tower = next(ln for ln in lines if ln.startswith("gz:tower-22@"))
    assert "  3  " in tower and "24+" in tower  # killed 3, injured at least 24
    # stored sites behind the articles (a killed run): rebuilt from the stored articles for the listing
    con = sqlite3.connect(out / "mapper.sqlite")
    con.execute("UPDATE meta SET value = '0' WHERE key = 'sites_gen'")
    con.commit()
    con.close()
    code, stdout, stderr = _run("sites", "-o", str(out), "--format", "geojson")
    assert code == 0 and "behind" in stderr and stdout == (out / "sites.geojson").read_text()


def test_export_renders_from_the_store_without_reading_articles(
    seeds_copy: Path, tmp_path: Path, count_reads: list[str], analysed: list[str]
) -> None:
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    before = {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv")}
    shutil.rmtree(seeds_copy)  # the articles are gone; the store has what the outputs need
    n_reads, n_analyses = len(count_reads), len(analysed)
    elsewhere = tmp_path / "elsewhere"
    code, stdout, stderr = _run(
        "export",
        "--store",
        str(out / "mapper.sqlite"),
        "-o",
        str(elsewhere),
        "-f",
        "geojson",
        "-f",
        "csv",
        "-f",
        "gpkg",
    )
    assert code == 0, stderr
    assert before == {n: (elsewhere / n).read_bytes() for n in ("sites.geojson", "sites.csv")}
    assert (elsewhere / "sites.gpkg").stat().st_size > 0 and not (elsewhere / "map.html").exists()
    assert "sites.gpkg" in stdout
    assert (len(count_reads), len(analysed)) == (n_reads, n_analyses)
    assert not list(elsewhere.glob(".staging-*"))


def test_export_needs_a_store_and_leaves_nothing_behind(tmp_path: Path) -> None:
    err = _one_line_error(["export", "-o", str(tmp_path / "nothing")])
    assert "no store here" in err and "mapper run" in err
    assert not (tmp_path / "nothing").exists()  # neither the folder nor a lock file
    (tmp_path / "empty").mkdir()
    for args in (["export", "-o", str(tmp_path / "empty")], ["sites", "-o", str(tmp_path / "empty")]):
        assert "no store here" in _one_line_error(args)
    assert list((tmp_path / "empty").iterdir()) == []


def test_forget_removes_articles_and_what_only_they_supported(tmp_path: Path) -> None:
    day1, day2 = _split_seeds(tmp_path)
    out = tmp_path / "out"
    assert _run("run", str(day1), "-o", str(out), "--offline", "--no-map")[0] == 0
    assert _run("run", str(day2), "-o", str(out), "--offline")[0] == 0
    store = out / "mapper.sqlite"
    victim = sorted(day2.iterdir())[-1]  # the last seed article
    before = _dump(store)
    fc = json.loads((out / "sites.geojson").read_text())
    quotes = {
        html.escape(c["quote"])
        for f in fc["features"]
        if f["properties"]["role"] == "struck"
        for c in f["properties"]["claims"]
        if c["article"] == victim.name
    }
    assert quotes and all(q in (out / "map.html").read_text() for q in quotes)
    err = _one_line_error(["forget", "-o", str(out), victim.name, "no-such-article.txt"])
    assert "no stored article matches 'no-such-article.txt'; nothing forgotten" in err
    assert _dump(store) == before
    code, stdout, stderr = _run("forget", "-o", str(out), victim.name)
    assert code == 0, stderr
    assert f"forgot 1 article(s): {victim.name}" in stdout
    # the same as never having read it: a run over the other four
    rest = tmp_path / "rest"
    rest.mkdir()
    for f in [*day1.iterdir(), *day2.iterdir()]:
        if f != victim:
            shutil.copy(f, rest / f.name)
    ref = tmp_path / "ref"
    assert _run("run", str(rest), "-o", str(ref), "--offline", "--no-map", "--no-store")[0] == 0
    assert _signature(out / "sites.geojson") == _signature(ref / "sites.geojson")
    page = (out / "map.html").read_text()  # the outputs there were rendered again
    assert not any(q in page for q in quotes)
    # nothing of it is left: no mentions, claims or file rows, no place only it named
    sha = next(r for r in before["articles"] if r[1] == victim.name)[0]
    for table in ("mentions", "claims", "files"):
        assert _rows(store, f"SELECT count(*) FROM {table} WHERE sha256 = '{sha}'") == [(0,)]
    assert _rows(store, "SELECT count(*) FROM places WHERE place_id NOT IN (SELECT place_id FROM mentions)") == [(0,)]
    assert len(_rows(store, "SELECT * FROM places")) < len(before["places"])
    # by content hash prefix, and by the file's path; only the outputs present are rendered again
    (out / "map.html").unlink()
    first, second = sorted(day1.iterdir())[:2]
    sha1 = next(r for r in before["articles"] if r[1] == first.name)[0]
    code, stdout, _ = _run("forget", "-o", str(out), sha1[:10], str(second))
    assert code == 0 and f"forgot 2 article(s): {first.name}, {second.name}" in stdout
    assert _rows(store, "SELECT count(*) FROM articles") == [(2,)]
    assert not (out / "map.html").exists()
    assert first.name not in (out / "sites.geojson").read_text()


# --------------------------------------------------------------------------- kills and concurrency
# (without the world gazetteer: these runs are about the store, and are many)

TOWNS = ["Akashat", "Al-Qaim", "Al-Bukamal", "Al-Mayadeen", "Deir ez-Zor", "Tower 22"]


def _make_articles(folder: Path, n: int, start: int = 0, prefix: str = "a") -> None:
    """Distinct articles: a dated strike sentence on top of a seed article."""
    seeds = sorted(SEEDS.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        head = f"US jets struck {TOWNS[i % 6]} on {1 + i % 28} March 2024, killing {1 + i % 9} people, officials said."
        (folder / f"{prefix}{i:04d}.txt").write_text(head + "\n\n" + seeds[i % 5].read_text())
    _age(folder)


def _mapper(*args: str, **kw: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mapper", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _count(store: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:  # not created yet
        return 0


def _consistent(store: Path) -> None:
    assert _rows(store, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(store, "PRAGMA foreign_key_check") == []
    # every stored article is whole: its mentions and claims came in with it
    half = _rows(
        store,
        "SELECT article_id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.sha256 = a.sha256)",
    )
    assert half == []


def _per_article(store: Path) -> dict[str, tuple[int, int]]:
    rows = _rows(
        store,
        "SELECT a.article_id, (SELECT count(*) FROM mentions m WHERE m.sha256 = a.sha256),"
        " (SELECT count(*) FROM claims c WHERE c.sha256 = a.sha256) FROM articles a",
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def test_a_run_killed_mid_way_leaves_store_and_outputs_intact_and_the_next_run_finishes(tmp_path: Path) -> None:
    src, out, ref = tmp_path / "src", tmp_path / "out", tmp_path / "ref"
    store = out / "mapper.sqlite"
    _make_articles(src, 5)
    assert _run("run", str(src), "-o", str(out), "--offline", "--no-map", "--no-world")[0] == 0
    previous = {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv", "report.json")}
    _make_articles(src, 95, start=5)
    proc = _mapper("run", str(src), "-o", str(out), "--offline", "--no-map", "--no-world", "--commit-every", "0.05")
    deadline = time.monotonic() + 60
    while _count(store) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    stored = _count(store)
    assert 20 <= stored < 100
    _consistent(store)
    assert previous == {n: (out / n).read_bytes() for n in previous}  # the previous outputs are intact
    # the next run reads only what is missing and ends where an uninterrupted run does
    code, stdout, stderr = _run("run", str(src), "-o", str(out), "--offline", "--no-map", "--no-world")
    assert code == 0, stderr
    assert f"articles read     {100 - stored}" in stdout and "stored articles   100" in stdout
    assert _run("run", str(src), "-o", str(ref), "--offline", "--no-map", "--no-world")[0] == 0
    for n in ("sites.geojson", "sites.csv"):
        assert (out / n).read_bytes() == (ref / n).read_bytes(), n
    assert _per_article(store) == _per_article(ref / "mapper.sqlite")
    _consistent(store)


def test_runs_killed_at_any_moment_never_break_the_store_or_the_outputs(tmp_path: Path) -> None:
    src, out, ref = tmp_path / "src", tmp_path / "out", tmp_path / "ref"
    store = out / "mapper.sqlite"
    _make_articles(src, 100)
    assert _run("run", str(src), "-o", str(ref), "--offline", "--no-map", "--no-world")[0] == 0
    final = {n: (ref / n).read_bytes() for n in ("sites.geojson", "sites.csv")}
    outputs: dict[str, bytes] | None = None  # the last complete outputs
    delay, kills = 0.3, 0
    while True:  # kill each run a little later; each one stores some more, until one ends by itself
        proc = _mapper("run", str(src), "-o", str(out), "--offline", "--no-map", "--no-world", "--commit-every", "0.05")
        time.sleep(delay)
        if proc.poll() is not None:
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.returncode != -signal.SIGKILL:
            break  # it ended just before the signal
        kills += 1
        if store.exists() and store.stat().st_size:
            _consistent(store)
        now = {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv") if (out / n).exists()}
        assert now in ({}, outputs, final)  # never half-written, never from a half-stored state
        outputs = now or outputs
        delay += 0.25
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert kills >= 2, kills
    assert final == {n: (out / n).read_bytes() for n in final}
    _consistent(store)
    assert not list(out.glob(".staging-*"))


def test_two_runs_on_one_store_serialise(tmp_path: Path) -> None:
    a, b, out, ref = tmp_path / "a", tmp_path / "b", tmp_path / "out", tmp_path / "ref"
    _make_articles(a, 60, prefix="a")
    _make_articles(b, 60, start=60, prefix="b")
    lock = out / "mapper.sqlite.lock"
    first = _mapper("run", str(a), "-o", str(out), "--offline", "--no-map", "--no-world")
    deadline = time.monotonic() + 30
    while not _held(lock) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert first.poll() is None, "the first run ended before the second could start"
    second = _mapper("run", str(b), "-o", str(out), "--offline", "--no-map", "--no-world")
    _, err1 = first.communicate(timeout=120)
    _, err2 = second.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, (err1, err2)
    assert "waiting for another mapper process" in err2
    store = out / "mapper.sqlite"
    _consistent(store)
    assert _count(store) == 120
    assert _run("run", str(a), str(b), "-o", str(ref), "--offline", "--no-map", "--no-world", "--no-store")[0] == 0
    assert (out / "sites.geojson").read_bytes() == (ref / "sites.geojson").read_bytes()


def _held(lock: Path) -> bool:
    import fcntl
    import os

    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_busy_store_is_refused_clearly_when_asked_not_to_wait(seeds_copy: Path, tmp_path: Path) -> None:
    from mapper.store import locked

    out = tmp_path / "out"
    store = out / "mapper.sqlite"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    before = _dump(store)
    with locked(store):
        err = _one_line_error(["run", str(seeds_copy), "-o", str(out), "--offline", "--wait", "0"])
        assert "another mapper process is using this store" in err and str(store) in err
        t0 = time.monotonic()
        code, _, stderr = _run("forget", "-o", str(out), "--wait", "0.3", "000_c22da9e79a8ca690.txt")
        assert code == 1 and time.monotonic() - t0 >= 0.3
        assert stderr.splitlines()[0].startswith("waiting for another mapper process")
        assert stderr.splitlines()[-1].startswith("Error: ") and "another mapper process" in stderr
    assert _dump(store) == before
    assert _run("forget", "-o", str(out), "--wait", "0", "000_c22da9e79a8ca690.txt")[0] == 0


def test_ctrl_c_keeps_the_analyses_done_so_far(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    store = out / "mapper.sqlite"
    _make_articles(src, 200)
    # stores every 10 s by default; SIGINT as a terminal sends it (a shell that started the tests in
    # the background made them ignore SIGINT, and the child would inherit that)
    proc = _mapper(
        "run",
        str(src),
        "-o",
        str(out),
        "--offline",
        "--no-map",
        "--no-world",
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while not _held(out / "mapper.sqlite.lock") and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.4)
    assert proc.poll() is None and _count(store) == 0
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1 and "Aborted" in err, (proc.returncode, err)
    assert 0 < _count(store) < 200
    _consistent(store)


def test_export_tidies_the_staging_folders_of_dead_runs(tmp_path: Path) -> None:
    import os

    from mapper.export.publish import publish
    from mapper.models import RunResult

    out = tmp_path / "out"
    dead = out / ".staging-999999999-abc"  # no such process
    alive = out / f".staging-{os.getpid()}-abc"  # a run of this process, still going
    for d in (dead, alive):
        d.mkdir(parents=True)
        (d / "sites.geojson").write_text("{")
    publish(RunResult([], [], [], {}, []), out, ("geojson",))
    assert not dead.exists() and alive.exists()
    assert json.loads((out / "sites.geojson").read_text())["features"] == []


def test_sites_are_rebuilt_from_a_stream_of_stored_results(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rebuilding the sites never loads every stored analysis at once (``load_results``), and
    reads the stored texts only of the articles that quote evidence."""
    out = tmp_path / "out"
    (seeds_copy / "quiet.txt").write_text("Protests were held in Gaza and in Baghdad on Sunday.\n", encoding="utf-8")
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    before = {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv", "report.json")}

    def refuse(*args: Any, **kw: Any) -> None:
        raise AssertionError("build loaded every stored result at once")

    monkeypatch.setattr(Store, "load_results", refuse)
    unpacked: list[int] = []
    import mapper.store.database

    real = mapper.store.database.unpack_offsets
    monkeypatch.setattr(mapper.store.database, "unpack_offsets", lambda packed: unpacked.append(1) or real(packed))
    for n in before:
        (out / n).unlink()
    code, _, err = _run("export", "-o", str(out), "--format", "geojson", "--format", "csv")
    assert code == 0, err
    assert {n: (out / n).read_bytes() for n in before} == before
    quoting = _rows(out / "mapper.sqlite", "SELECT count(DISTINCT sha256) FROM mentions WHERE evidence IS NOT NULL")
    assert 0 < len(unpacked) == quoting[0][0] < _count(out / "mapper.sqlite")


def test_one_pass_over_every_stored_analysis_reads_each_as_it_reads_it_alone(seeds_copy: Path, tmp_path: Path) -> None:
    """All stored analyses are read with their mentions and claims walked once in article
    order; each article still gets exactly its own rows, in order, as when it is read by hash."""
    (seeds_copy / "0-calm.txt").write_text("Nothing at all happened in the valley today.\n", encoding="utf-8")
    (seeds_copy / "zz-rally.txt").write_text("Crowds marched in Gaza and in Baghdad on Sunday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")[0] == 0
    with Store.open(out / "mapper.sqlite") as store, store.snapshot():
        every = list(store.results())
        alone = store.load_results([r.article.sha256 for r in every])
        read_lean = list(store.results(keep=kept_mentions))  # (as the sites' rebuild reads them)
    ids = [r.article.id for r in every]
    assert ids == sorted(ids) and len(ids) == 7
    for a, b in zip(every, alone, strict=True):
        assert (a.article.id, a.mentions, a.claims) == (b.article.id, b.mentions, b.claims)
    assert not every[0].mentions and not every[0].claims  # the calm one, first in id order
    assert every[-1].mentions and not every[-1].claims  # the rally, last
    assert sum(len(r.claims) for r in every) > 0
    # the mentions the sites read, and only those, are decoded when the rebuild says which
    assert [lean_result(r).mentions for r in read_lean] == [lean_result(r).mentions for r in every]
    assert [r.mentions for r in read_lean] == [lean_result(r).mentions for r in every]
    assert sum(len(r.mentions) for r in read_lean) < sum(len(r.mentions) for r in every)


def test_a_run_reads_files_as_it_finds_them_and_stores_small_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, analysed: list[str]
) -> None:
    """No list of every file is made before the first is analysed, and with batches of one
    (each article stored at once, forgotten by the run) the same content is still counted
    once and the same name in two folders still kept apart."""
    import mapper.ingest
    import mapper.pipeline

    monkeypatch.setattr(mapper.pipeline, "MAX_PENDING", 1)
    a, b = tmp_path / "a", tmp_path / "b"
    seeds = sorted(SEEDS.glob("*.txt"))
    for folder in (a, b):
        folder.mkdir()
        for f in seeds[:3]:
            shutil.copy(f, folder / f.name)
    shutil.copy(seeds[3], a / "zz.txt")
    shutil.copy(seeds[3], b / "zz.txt")  # same name, same content: counted once
    shutil.copy(seeds[4], b / "zzz.txt")
    (b / "zzz2.txt").write_text(seeds[4].read_text(encoding="utf-8") + "\nmore\n", encoding="utf-8")  # same name in a
    shutil.copy(seeds[0], a / "zzz2.txt")
    done_when_found: list[int] = []  # articles analysed when each file was found
    real = mapper.ingest.discover

    def walk(inputs: Any, **kw: Any) -> Any:
        for item in real(inputs, **kw):
            done_when_found.append(len(analysed))
            yield item

    monkeypatch.setattr(mapper.ingest, "discover", walk)
    code, _, err = _run("run", str(a), str(b), "-o", str(tmp_path / "out"), "--offline", "--no-map")
    assert code == 0, err
    analysed = len(analysed)
    assert analysed == 6 and 0 < done_when_found[-1] < analysed
    store = tmp_path / "out" / "mapper.sqlite"
    ids = [r[0] for r in _rows(store, "SELECT article_id FROM articles ORDER BY article_id")]
    assert len(ids) == len(set(ids)) == 6
    assert "same content as" in err


# --------------------------------------------------------------------------- batches


class _Counting:
    """A connection that notes the SQL of every execute/executemany call made through it."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.calls: list[str] = []

    def execute(self, sql: str, *args: Any) -> Any:
        self.calls.append(sql)
        return self.con.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self.calls.append(sql)
        return self.con.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


def _batch_pipeline(tmp_path: Path) -> Any:
    from mapper.config import PipelineConfig
    from mapper.pipeline import Pipeline

    gaz = tmp_path / "gaz.csv"
    gaz.write_text(
        GAZ_HEADER
        + "gz:qarvon,Qarvon,,34.1,38.2,town,SY,,,1,5000,test\ngz:telmir,Telmir,,35.3,39.9,town,SY,,,1,5000,test\n"
    )
    return Pipeline.from_config(PipelineConfig(gazetteers=(str(gaz),), world=False))


def _analysed(pipe: Any, name: str, text: str) -> Any:
    from mapper.ingest import article_from_text

    article = article_from_text(name, text)
    article.sha256 = hashlib.sha256(name.encode()).hexdigest()
    return pipe.analyse(article)


def test_a_batch_is_written_with_one_statement_per_table_and_no_scan_of_the_store(tmp_path: Path) -> None:
    from mapper.store import Pending

    pipe = _batch_pipeline(tmp_path)
    with Store.open(tmp_path / "s.sqlite") as store:
        results = [
            _analysed(pipe, f"a{i}", f"An airstrike hit Qarvon on Monday, killing {i + 2} people.") for i in range(20)
        ]
        spy = _Counting(store.con)
        store.con = spy  # type: ignore[assignment]
        store.add(Pending(results=results), "x")
        store.con = spy.con
        inserts = [c for c in spy.calls if c.startswith("INSERT INTO")]
        assert sorted(c.split()[2] for c in inserts) == ["articles", "claims", "mentions", "places"]
        # a batch of new articles leaves no place without a mention: nothing is scanned for them
        assert not any("NOT IN" in c for c in spy.calls)
        assert len(spy.calls) < 15
        assert store.article_count() == 20
        assert store.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 20
        assert store.con.execute("SELECT count(*) FROM claims").fetchone()[0] == 20


def test_a_place_only_a_replaced_analysis_named_goes_with_it(tmp_path: Path) -> None:
    from mapper.store import Pending

    pipe = _batch_pipeline(tmp_path)
    with Store.open(tmp_path / "s.sqlite") as store:
        old = _analysed(pipe, "old", "Shelling hit Qarvon on Monday.")
        kept = _analysed(pipe, "kept", "Shelling hit Telmir on Monday.")
        store.add(Pending(results=[old, kept]), "x")
        places = lambda: [r[0] for r in store.con.execute("SELECT place_id FROM places ORDER BY place_id")]  # noqa: E731
        assert places() == ["gz:qarvon", "gz:telmir"]
        # the file of "old" now says something else: its analysis goes, and the place only it named
        new = _analysed(pipe, "new", "Shelling hit Telmir again on Tuesday.")
        store.add(Pending(results=[new], superseded=[old.article.sha256]), "x")
        assert places() == ["gz:telmir"]
        # the same content analysed again, now naming another place: the first place goes
        again = _analysed(pipe, "kept", "Shelling hit Qarvon on Monday.")
        store.add(Pending(results=[again]), "y")
        assert places() == ["gz:qarvon", "gz:telmir"]  # Telmir: still named by "new"
        assert store.con.execute(
            "SELECT count(*) FROM mentions WHERE sha256 = ?", (kept.article.sha256,)
        ).fetchone() == (1,)
