"""What a damaged store, a hostile gazetteer or file name, a read-only store and a killed
command must not do: crash without naming what is wrong, print escape sequences raw,
replace the outputs and then fail, or leave the outputs behind the store for good."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mapper.store import Store

from .helpers.cli import invoke as _run
from .helpers.cli import outputs as _outputs


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Path, Path]:
    """Three articles, each striking its own town, run into a store."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Warplanes struck Akashat on Friday, killing 16 people, officials said.\n")
    (arts / "b.txt").write_text("A drone struck a depot in al-Qaim on Sunday, killing two guards.\n")
    (arts / "c.txt").write_text("Missiles struck Mayadin on Monday, killing four people, residents said.\n")
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-world", "-q")
    assert code == 0, stderr
    return arts, out


def _sql(store: Path, sql: str, *args: object) -> None:
    con = sqlite3.connect(store)
    with con:
        con.execute(sql, args)
    con.close()


def _struck_names(out: Path) -> set[str]:
    fc = json.loads((out / "sites.geojson").read_text())
    return {f["properties"]["name"] for f in fc["features"] if f["properties"]["role"] == "struck"}


# --------------------------------------------------------------------------- a damaged store


def test_damaged_content_in_the_store_is_named_and_the_rest_goes_on(stored: tuple[Path, Path]) -> None:
    arts, out = stored
    store = out / "mapper.sqlite"
    assert _struck_names(out) == {"Akashat", "Al-Qaim", "Al-Mayadeen"}
    # passes SQLite's integrity check, yet a.txt's text is no zlib stream and b.txt has bad JSON
    _sql(store, "UPDATE articles SET clean = X'00112233' WHERE article_id = 'a.txt'")
    _sql(
        store,
        "UPDATE claims SET places = '[\"gz:al' WHERE sha256 = (SELECT sha256 FROM articles WHERE article_id = 'b.txt')",
    )
    _sql(store, "UPDATE meta SET value = value + 1 WHERE key = 'articles_gen'")  # (the sites are rebuilt)
    con = sqlite3.connect(store)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    code, _, stderr = _run("export", "-o", str(out))
    assert code == 0, stderr
    damaged = [ln for ln in stderr.splitlines() if "damaged in the store" in ln]
    assert len(damaged) == 2, stderr
    assert any("article a.txt" in ln and "zlib" in ln.lower() for ln in damaged)
    assert any("article b.txt" in ln for ln in damaged)
    assert "Traceback" not in stderr
    assert _struck_names(out) == {"Al-Mayadeen"}
    problems = json.loads((out / "report.json").read_text())["problems"]
    assert sum("damaged in the store" in p["message"] for p in problems) == 2
    # the other commands go on too
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-world", "-q")
    assert code == 0 and "article a.txt" in stderr, stderr
    code, stdout, stderr = _run("sites", "-o", str(out))
    assert code == 0 and "Al-Mayadeen" in stdout, stderr
    # and forgetting the damaged ones, then running again, brings them back whole
    assert _run("forget", "a.txt", "b.txt", "-o", str(out))[0] == 0
    assert _run("run", str(arts), "-o", str(out), "--offline", "--no-world", "-q")[0] == 0
    assert _struck_names(out) == {"Akashat", "Al-Qaim", "Al-Mayadeen"}


def test_a_damaged_stored_site_is_rebuilt_for_mapper_sites(stored: tuple[Path, Path]) -> None:
    _, out = stored
    _sql(out / "mapper.sqlite", "UPDATE sites SET feature = '{\"type\": \"Fea' WHERE name = 'Akashat'")
    code, stdout, stderr = _run("sites", "-o", str(out))
    assert code == 0, stderr
    assert "site gz:akashat" in stderr and "damaged in the store" in stderr
    assert "Akashat" in stdout and "Al-Mayadeen" in stdout


# --------------------------------------------------------------------------- a hostile gazetteer


def test_a_gazetteer_cell_over_128_kb_is_that_rows_problem(stored: tuple[Path, Path], tmp_path: Path) -> None:
    arts, _ = stored
    (arts / "d.txt").write_text("Shells struck Zarqoon on Tuesday, killing five people.\n")
    gaz = tmp_path / "extra.csv"
    header = "id,name,aliases,lat,lon,feature_type,country,admin1,parent,geo_precision,population,source\n"
    gaz.write_text(
        header
        + "gz:huge,Hugeplace," + "x" * 200_000 + ",34.0,40.0,town,SY,,,1,,test\n"
        + "gz:zarqoon,Zarqoon,,34.2,40.9,town,SY,,,1,,test\n"
    )  # fmt: skip
    out = tmp_path / "out2"
    code, _, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-world", "--gazetteer", str(gaz), "-q")
    assert code == 0, stderr
    (line,) = [ln for ln in stderr.splitlines() if "extra.csv" in ln]
    assert "extra.csv:2: malformed row: field larger than field limit" in line
    assert "Zarqoon" in _struck_names(out)


# --------------------------------------------------------------------------- file names in the terminal


def test_escape_sequences_in_file_names_are_shown_escaped(tmp_path: Path) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "good.txt").write_text("Warplanes struck Akashat on Friday, killing 16 people.\n")
    (arts / "evil\x1b[2J\x1b]0;owned\x07.txt").write_bytes(b"")
    (arts / "report\u202etxt.exe.txt").write_bytes(b"")
    code, stdout, stderr = _run("run", str(arts), "-o", str(tmp_path / "out"), "--offline", "--no-world")
    assert code == 0, stderr
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in stderr and raw not in stdout
    assert "evil\\x1b[2J\\x1b]0;owned\\x07.txt: empty file" in stderr
    assert "report\\u202etxt.exe.txt: empty file" in stderr


# --------------------------------------------------------------------------- read-only stores


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) made read-only, for root too (``chattr +i``)."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not supported here")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)


def test_a_read_only_store_is_refused_before_anything_is_written(stored: tuple[Path, Path]) -> None:
    arts, out = stored
    (arts / "d.txt").write_text("Shells struck Homs on Tuesday, killing five people.\n")
    before = _outputs(out)
    with read_only(out / "mapper.sqlite"):
        code, _, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-world", "-q")
        assert code != 0
        assert stderr.strip().splitlines()[-1].startswith(f"Error: {out / 'mapper.sqlite'}: the store is read-only")
        assert _outputs(out) == before
        code, stdout, stderr = _run("sites", "-o", str(out))
        assert code == 0 and "Akashat" in stdout, stderr


def test_mapper_sites_reads_a_store_in_a_read_only_folder(stored: tuple[Path, Path]) -> None:
    _, out = stored
    assert not (out / "mapper.sqlite-shm").exists()  # (closed cleanly: SQLite would have to make it)
    with read_only(out):
        code, stdout, stderr = _run("sites", "-o", str(out))
    assert code == 0, stderr
    assert {"Akashat", "Al-Qaim", "Al-Mayadeen"} <= set(stdout.split())


# --------------------------------------------------------------------------- a killed forget


def test_the_command_after_a_killed_forget_finishes_its_render(stored: tuple[Path, Path]) -> None:
    _, out = stored
    store = out / "mapper.sqlite"
    # a forget killed after it stored its change, before it rendered the outputs
    with Store.open(store) as st:
        st.forget(st.find("a.txt"))
    assert "Akashat" in _struck_names(out)  # the outputs still show it
    code, _, stderr = _run("forget", "a.txt", "-o", str(out))
    assert code != 0 and "no stored article matches 'a.txt'" in stderr and "now up to date" in stderr
    assert _struck_names(out) == {"Al-Qaim", "Al-Mayadeen"}
    code, _, _ = _run("forget", "b.txt", "-o", str(out))
    assert code == 0 and _struck_names(out) == {"Al-Mayadeen"}
