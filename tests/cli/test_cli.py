from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

from ..helpers.cli import invoke as _run


def test_help_is_instant_and_heavy_modules_stay_unloaded() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from mapper.cli import main;"
        "r = CliRunner().invoke(main, ['run', '--help']); assert r.exit_code == 0, r.output;"
        "heavy = [m for m in ('geopandas', 'folium', 'trafilatura', 'geopy', 'pandas', 'spacy') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    code2, out2, _ = _run("--help")
    assert code2 == 0 and "Example" in out2
    code3, out3, _ = _run("run", "--help")
    assert code3 == 0 and "mapper run seeds/" in out3


def test_commands_that_read_the_store_load_no_analysis_stage(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    stages = ("mapper.toponyms", "mapper.resolve", "mapper.events", "mapper.casualties", "mapper.pipeline")
    site = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))["features"][0]["id"]
    for args in (["sites"], ["export", "--format", "csv"], ["fix", site, "--killed", "3"], ["forget", "no-such"]):
        code = (
            "import sys; from click.testing import CliRunner; from mapper.cli import main;"
            f"r = CliRunner().invoke(main, {[*args, '-o', str(out)]!r});"
            f"print(r.exit_code, [m for m in {stages!r} if m in sys.modules])"
        )
        shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        want_exit = "1" if args[0] == "forget" else "0"  # nothing to forget is a one-line error
        assert shown.split()[0] == want_exit and shown.strip().endswith("[]"), (args, shown)
    fixed = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))["features"][0]
    assert fixed["id"] == site and fixed["properties"]["killed_min"] == 3  # the fix was rendered


def test_run_on_seeds_writes_outputs_and_summary(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline")
    assert code == 0, stderr
    for name in ("map.html", "sites.geojson", "sites.csv", "report.json"):
        assert (out / name).stat().st_size > 0
    assert "articles read     5" in stdout and "sites struck" in stdout


def test_bad_inputs_one_line_errors_and_the_run_goes_on(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (seeds_copy / "broken.txt").write_bytes("Strikes hit \u201cAl-Qaim\u201d.\n".encode() + b"bad \xff\xfe\n")
    (seeds_copy / "broken.html").write_text("<html><body><div><<<>>></")
    gaz = tmp_path / "extra.csv"
    gaz.write_text(
        "id,name,aliases,lat,lon,feature_type,country,admin1,parent,geo_precision,population,source\n"
        "gz:x,Good Town,,34.0,40.0,town,SY,,,1,,test\n"
        "gz:y,Bad Town,,north,40.0,town,SY,,,1,,test\n"
        "gz:z,Short Row,,34.0\n"
    )
    out = tmp_path / "out"
    code, stdout, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline", "--gazetteer", str(gaz))
    assert code == 0, stderr
    lines = [ln for ln in stderr.splitlines() if ln.startswith("warning:")]
    expect = [
        f"{gaz}:3: malformed row",
        f"{gaz}:4: malformed row",
        f"{seeds_copy / 'binary.txt'}:3: binary file",
        f"{seeds_copy / 'broken.html'}: no article text",
        f"{seeds_copy / 'broken.txt'}:2: undecodable",
        f"{seeds_copy / 'empty.txt'}: empty file",
    ]
    for e in expect:
        assert any(e in ln for ln in lines), (e, lines)
    assert "articles read     5" in stdout
    report = json.loads((out / "report.json").read_text())
    assert len(report["problems"]) == 6
    gj = json.loads((out / "sites.geojson").read_text())
    assert sum(f["properties"]["role"] == "struck" for f in gj["features"]) >= 6


def test_previous_outputs_survive_a_run_that_fails_half_way(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert _run("run", str(seeds_copy), "-o", str(out), "--offline")[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (seeds_copy / "new.txt").write_text("US warplanes struck Akashat on Friday, killing 40 people.")

    import mapper.export.html as htmlmap

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(htmlmap, "write_map", boom)
    r = CliRunner().invoke(main, ["run", str(seeds_copy), "-o", str(out), "--offline"])
    assert r.exit_code != 0
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # nothing half-written, no staging folder left


def test_rerun_is_idempotent(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")
    first = {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv")}
    _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-map")
    assert first == {n: (out / n).read_bytes() for n in ("sites.geojson", "sites.csv")}


def test_same_article_under_two_names_counts_once(seeds_copy: Path, tmp_path: Path) -> None:
    src = next(seeds_copy.glob("000_*.txt"))
    (seeds_copy / "copy.txt").write_bytes(src.read_bytes())
    out = tmp_path / "out"
    code, stdout, stderr = _run("run", str(seeds_copy), "-o", str(out), "--offline")
    assert code == 0 and "articles read     5" in stdout and "counted once" in stderr


def test_impossible_dates_are_no_date_and_never_poison_the_store(tmp_path: Path) -> None:
    """Go's zero time and 9999-12-31 in front matter: the article is read without the date, the
    file is named in a warning, and the store keeps working (runs, exports, sites)."""
    import sqlite3

    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "zero.txt").write_text(
        "---\ntitle: Depot\ndate: 0001-01-01T00:00:00Z\n---\n"
        "A drone struck a fuel depot in the town of Akashat last Friday, killing four people.\n"
    )
    (arts / "far.txt").write_text(
        "---\ndate: 9999-12-31\n---\nShelling hit the town of Al-Qaim on Monday, killing two people.\n"
    )
    out = tmp_path / "out"
    code, stdout, stderr = _run("run", str(arts), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    warned = [ln for ln in stderr.splitlines() if ln.startswith("warning:")]
    assert len(warned) == 2 and all("plausible news date" in ln for ln in warned)
    assert any(str(arts / "zero.txt") in ln for ln in warned) and any(str(arts / "far.txt") in ln for ln in warned)
    assert "warnings          2" in stdout and "files skipped     0" in stdout
    fc = json.loads((out / "sites.geojson").read_text())
    assert {a for f in fc["features"] for a in f["properties"]["articles"]} == {"zero.txt", "far.txt"}
    # a store written before such dates were set aside holds one: it must not break anything
    with sqlite3.connect(out / "mapper.sqlite") as con:
        con.execute("UPDATE articles SET published = '0001-01-01'")
        con.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_gen'")
    for args in (
        ["export", "-o", str(out)],
        ["sites", "-o", str(out)],
        ["run", str(arts), "-o", str(out), "--offline"],
    ):
        code, _, stderr = _run(*args)
        assert code == 0, (args, stderr)


def test_run_freezes_what_start_up_built_so_the_collector_passes_it_over(seeds_copy: Path, tmp_path: Path) -> None:
    import gc

    gc.unfreeze()
    try:
        code, _, err = _run("run", str(seeds_copy), "-o", str(tmp_path / "out"), "--offline", "--no-map", "-q")
        assert code == 0, err
        assert gc.get_freeze_count() > 10_000  # the gazetteers, indexes and patterns
    finally:
        gc.unfreeze()
