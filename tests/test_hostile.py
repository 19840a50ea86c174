"""Hostile and broken input never crashes a run (property-based and file-system cases)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.casualties import find_claimant, find_figures, parse_number
from mapper.cli import main
from mapper.ingest import clean_text
from mapper.names import fold_text, name_variants

from .conftest import analyse_text

NEWSY = st.lists(
    st.sampled_from(
        [
            *list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:'\"-\n’“éā"),
            "Al-Qaim ",
            "killed ",
            "at least ",
            "10e99 ",
            "1,000,000,000 ",
            "struck ",
            "Akashat",
            "said ",
        ]
    ),
    max_size=120,
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=500))
def test_clean_text_offsets_always_map_back(text: str) -> None:
    clean, offsets = clean_text(text)
    assert len(offsets) == len(clean) + 1
    assert all(0 <= o <= len(text) for o in offsets)
    assert offsets == sorted(offsets)


@SETTINGS
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_casualty_parser_never_crashes_and_stays_credible(text: str) -> None:
    for f in find_figures(text):
        for v in (f.killed_min, f.killed_max, f.injured_min, f.injured_max):
            assert v is None or 0 <= v <= 100_000
    find_claimant(text)
    parse_number(text)


@SETTINGS
@given(st.one_of(st.text(max_size=300), NEWSY), st.integers(min_value=-10, max_value=400))
def test_date_readers_never_crash_nor_leave_the_calendar(text: str, at: int) -> None:
    from datetime import date

    from mapper.dates import dateline_date, event_date_ref

    for ref in (None, date(1900, 1, 1), date(2100, 12, 31)):
        got = dateline_date(text, ref)
        assert got is None or date(1900, 1, 1) <= got <= date(2100, 12, 31)
    r = event_date_ref(text, at)
    assert r is None or 0 <= r.start <= r.end <= len(text)


@SETTINGS
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_whole_article_analysis_never_crashes(text: str) -> None:
    r = analyse_text(text)
    for m in r.mentions:
        assert 0 <= m.start <= m.end <= len(text)
    for c in r.claims:
        assert 0 <= c.start <= c.end <= len(text)


@SETTINGS
@given(st.text(max_size=200))
def test_folding_is_same_length(text: str) -> None:
    assert len(fold_text(text)) == len(text)
    name_variants(text)


def test_huge_numbers_are_not_casualties() -> None:
    assert find_figures("10e99 people were killed") == [] or all(
        f.killed_min is None or f.killed_min <= 100_000 for f in find_figures("10e99 people were killed")
    )
    assert find_figures("1,000,000,000 people were killed") == []
    assert parse_number("1,000,000,000") == 1_000_000_000


def test_undecodable_file_names_dangling_links_fifos_and_big_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("US warplanes struck Al-Qaim on Friday, killing 5 people.")
    with open(os.path.join(os.fsencode(src), b"bad\xffname.txt"), "wb") as fh:
        fh.write(b"US warplanes struck Akashat on Friday.")
    os.symlink(src / "missing.txt", src / "dangling.txt")
    os.mkfifo(src / "pipe.txt")
    os.symlink(src, src / "loop")  # a link back to the folder
    big = src / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, no disk used
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["run", str(src), "-o", str(out), "--offline"])
    assert r.exit_code == 0, r.output
    assert "articles read     2" in r.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    msgs = " | ".join(p["path"] + ": " + p["message"] for p in report["problems"])
    assert "dangling.txt: cannot read" in msgs
    assert "pipe.txt: not a regular file" in msgs
    assert "huge.txt: skipped: 200 MB is larger than" in msgs
    gj = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    arts = {a for f in gj["features"] for a in f["properties"]["articles"]}
    assert "bad\\xffname.txt" in arts and "ok.txt" in arts


@pytest.mark.slow  # 20,000 files through a whole run (about 10 s)
def test_twenty_thousand_small_files(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(20_000):
        (src / f"{i:05d}.txt").write_text(f"Item {i}: warplanes struck Al-Qaim." if i % 1000 == 0 else f"Note {i}.")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["run", str(src), "-o", str(out), "--offline", "--no-map", "-q"])
    assert r.exit_code == 0, r.output
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["articles"] == 20_000 and report["counts"]["sites_struck"] == 1


def test_sites_csv_from_hostile_articles_holds_no_formula(tmp_path: Path) -> None:
    """An outlet, a file name, an evidence sentence and a claimant that a spreadsheet would run."""
    import csv

    from mapper.export.csvout import FORMULA_STARTS

    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "=HYPERLINK(1).txt").write_text(
        '---\noutlet: =HYPERLINK("http://evil.example","Click")\n---\n'
        "=1+2 Strikes hit the town of Akashat on Sunday, killing five people, @mallory said.\n"
    )
    (arts / "-cmd.txt").write_text(
        "---\noutlet: @SUM(1)\n---\n-cmd|' /C calc'!A0 said a drone struck Al-Qaim on Monday, killing two.\n"
    )
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["run", str(arts), "-o", str(out), "--offline", "--no-map"])
    assert r.exit_code == 0, r.stderr
    with open(out / "sites.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows[1:] for c in row]
    assert any("HYPERLINK" in c for c in cells) and any("SUM(1)" in c for c in cells)
    for c in cells:
        if c and c.lstrip(" ")[0] in FORMULA_STARTS:
            float(c)  # only a plain number may start so
