"""The analyst's corrections: made with `mapper fix`, kept in the store, laid over every build."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from mapper.corrections import Correction, CorrectionError, apply, parse_point, parse_range, read_csv
from mapper.models import Claim, Place, Problem, RunResult, Site

from .helpers.cli import invoke_strict as _run


def _props(out: Path) -> dict[str, dict[str, Any]]:
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    return {f["id"]: {**f["properties"], "xy": f["geometry"]["coordinates"]} for f in fc["features"]}


@pytest.fixture
def mapped(seeds_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    code, _, err = _run("run", str(seeds_copy), "-o", str(out), "--offline", "--no-world")
    assert code == 0, err
    return out


def _ids(out: Path) -> tuple[str, str, str]:
    """The ids of the struck sites at Akashat, Al-Hari and Deir ez-Zor (their dates are the analysis')."""
    struck = [sid for sid, p in _props(out).items() if p["role"] == "struck"]
    akashat, hari, deir = (
        next(s for s in struck if s.startswith(f"gz:{name}@")) for name in ("akashat", "al-hari", "deir-ez-zor")
    )
    return akashat, hari, deir


# --------------------------------------------------------------------------- values


def test_figures_and_points_parse_as_an_analyst_types_them() -> None:
    assert parse_range("16") == (16, 16)
    assert parse_range("16-20") == (16, 20)
    assert parse_range(" 16+ ") == (16, None)
    assert parse_point("34.37, 41.06") == (34.37, 41.06)
    assert parse_point("-33.9,18.4") == (-33.9, 18.4)
    for bad in ("many", "20-16", "-3", ""):
        with pytest.raises(CorrectionError):
            parse_range(bad)
    for bad in ("34.37", "91,0", "0,181", "north,east"):
        with pytest.raises(CorrectionError):
            parse_point(bad)


def _site(sid: str, place: str, when: str | None, **kw: Any) -> Site:
    p = Place(place, place.title(), 30.0, 40.0, "town", "SY")
    return Site(site_id=sid, place=p, role="struck", event_date=when, **kw)


def test_a_correction_follows_its_site_when_re_analysis_moves_the_date_a_little() -> None:
    moved = _site("gz:town@2024-03-02", "gz:town", "2024-03-02")
    far = _site("gz:town@2024-05-01", "gz:town", "2024-05-01")
    result = RunResult([], [moved, far], [], {}, [])
    fixes = [
        Correction("gz:town@2024-03-01", "killed", (7, 7), made="2024-03-05T10:00:00Z", id=1),  # a day off: follows
        Correction("gz:town@2024-04-01", "killed", (9, 9), made="2024-03-05T10:00:01Z", id=2),  # none near: idle
        Correction("gz:gone@2024-03-01", "not_struck", None, made="2024-03-05T10:00:02Z", id=3),
    ]
    apply(result, fixes)
    assert (moved.killed_min, moved.killed_max) == (7, 7) and far.killed_min is None
    assert [(a.correction.id, a.site_id) for a in result.corrections] == [
        (1, "gz:town@2024-03-02"),
        (2, None),
        (3, None),
    ]


def test_not_struck_takes_the_site_off_its_claims_and_the_latest_figure_wins() -> None:
    a = _site("gz:a@2024-03-02", "gz:a", "2024-03-02", killed_min=4, killed_max=4)
    b = _site("gz:b@2024-03-02", "gz:b", "2024-03-02", killed_min=4, killed_max=4)
    claim = Claim("x.txt", "four died", 0, 9, 4, 4, sites=[a.site_id, b.site_id])
    a.claims, b.claims = [claim], [claim]
    result = RunResult([], [a, b], [claim], {}, [])
    apply(
        result,
        [
            Correction(b.site_id, "killed", (5, None), made="2024-03-05T10:00:00Z", id=1),
            Correction(a.site_id, "not_struck", None, made="2024-03-05T10:00:01Z", id=2),
            Correction(b.site_id, "killed", (6, 8), made="2024-03-05T10:00:02Z", id=3),
        ],
    )
    assert a.role == "mentioned" and a.claims == [] and a.killed_min is None
    assert claim.sites == [b.site_id]
    assert (b.killed_min, b.killed_max) == (6, 8)
    assert [x.describe() for x in b.corrections] == ["killed at least 5 (was 4)", "killed 6-8 (was at least 5)"]


# --------------------------------------------------------------------------- the command


def test_fix_changes_every_output_and_lasts_through_reanalysis(mapped: Path, seeds_copy: Path) -> None:
    AKASHAT, HARI, DEIR = _ids(mapped)
    before = _props(mapped)
    assert before[AKASHAT]["killed_min"] != 16 and before[DEIR]["role"] == "struck"
    code, out, err = _run("fix", AKASHAT, "--killed", "16", "--note", "ministry figure", "-o", str(mapped))
    assert code == 0, err
    assert f"correction 1: {AKASHAT} killed 16 (was" in out
    assert _run("fix", HARI, "--at", "34.4501,40.9202", "-o", str(mapped))[0] == 0
    assert _run("fix", DEIR, "--not-struck", "-o", str(mapped))[0] == 0

    def check(out: Path) -> None:
        p = _props(out)
        assert (p[AKASHAT]["killed_min"], p[AKASHAT]["killed_max"]) == (16, 16)
        fix = p[AKASHAT]["corrections"][0]
        assert fix["kind"] == "killed" and fix["value"] == [16, 16] and fix["note"] == "ministry figure"
        assert fix["made"][:4] >= "2024" and fix["text"].startswith("killed 16 (was")
        assert p[HARI]["xy"] == [40.9202, 34.4501]
        assert p[DEIR]["role"] == "mentioned" and p[DEIR]["claims"] == []
        assert all(DEIR not in c["sites"] for s in p.values() for c in s["claims"])
        table = csv.DictReader(io.StringIO((out / "sites.csv").read_text(encoding="utf-8")))
        row = next(r for r in table if r["site_id"] == AKASHAT)
        assert row["killed_min"] == "16" and "analyst" in row["corrections"] and "killed 16" in row["corrections"]

    check(mapped)
    page = (mapped / "map.html").read_text(encoding="utf-8")
    assert '"fx":[{"t":"killed 16 (was' in page  # the popup's data: an analyst's correction with its date
    # `mapper sites` shows them, from the stored sites and when rebuilding them
    code, out, _ = _run("sites", "-o", str(mapped), "--format", "geojson")
    assert code == 0 and out == (mapped / "sites.geojson").read_text(encoding="utf-8")
    code, table, _ = _run("sites", "-o", str(mapped))
    assert any(ln.startswith(AKASHAT) and "  16  " in ln for ln in table.splitlines())
    # re-analysis (asked for, or after the analysis changed) and a new run keep them
    code, out, err = _run("run", str(seeds_copy), "-o", str(mapped), "--offline", "--no-world", "--reanalyse")
    assert code == 0, err
    assert "analyst corrections  3\n" in out
    check(mapped)
    code, _, err = _run("run", str(seeds_copy), "-o", str(mapped), "--offline")  # world on: all re-analysed
    assert code == 0 and "analysing 5 stored articles again" in err
    check(mapped)
    # listed, and undone
    code, out, _ = _run("fix", "--list", "-o", str(mapped))
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "MADE", "SITE", "CORRECTION", "STATUS"] and len(lines) == 4
    assert "killed 16 (ministry figure)" in lines[1] and lines[1].rstrip().endswith("applied")
    code, out, _ = _run("fix", "--undo", "1", "-o", str(mapped))
    assert code == 0 and "undid correction 1" in out
    assert _props(mapped)[AKASHAT]["killed_min"] == before[AKASHAT]["killed_min"]
    assert _props(mapped)[AKASHAT]["corrections"] == []
    assert len(_run("fix", "--list", "-o", str(mapped))[1].splitlines()) == 3
    out = _run("fix", "--list", "--all", "-o", str(mapped))[1]
    assert "undone" in out.splitlines()[1]
    assert "no correction 1 in force" in _run("fix", "--undo", "1", "-o", str(mapped))[2]


def test_fix_refuses_what_it_cannot_do(mapped: Path, tmp_path: Path) -> None:
    AKASHAT = _ids(mapped)[0]
    for args, words in (
        (["fix", "gz:nowhere@2024-01-01", "--killed", "3"], "no site 'gz:nowhere@2024-01-01'"),
        (["fix", AKASHAT, "--killed", "many"], "not a figure"),
        (["fix", AKASHAT, "--at", "95,40"], "not a point on Earth"),
        (["fix", AKASHAT], "what is wrong with"),
        (["fix", "--killed", "3"], "which site?"),
        (["fix", "--list", "--undo", "1"], "or --list, --undo or --load"),
    ):
        code, _, err = _run(*args, "-o", str(mapped))
        assert code != 0 and words in err, (args, err)
    assert _run("fix", "--list", "-o", str(mapped))[2].strip() == "no corrections in this store"
    # no store there: an error, and nothing left behind
    code, _, err = _run("fix", AKASHAT, "--killed", "3", "-o", str(tmp_path / "none"))
    assert code == 1 and "no store here" in err and not (tmp_path / "none").exists()


def test_a_correction_whose_site_is_gone_is_kept_and_listed(mapped: Path) -> None:
    store = mapped / "mapper.sqlite"
    akashat = _ids(mapped)[0]
    con = sqlite3.connect(store)
    con.execute(
        "INSERT INTO corrections (site_id, kind, value, note, made) VALUES (?, 'killed', '[3, 3]', '', ?)",
        (akashat.split("@")[0] + "@2023-01-01", "2024-02-10T00:00:00Z"),
    )
    con.execute(  # a row edited by hand into nonsense: left aside, never stopping a build
        "INSERT INTO corrections (site_id, kind, value, note, made) VALUES (?, 'moved', '[1]', '', ?)",
        (akashat, "2024-02-11T00:00:00Z"),
    )
    con.execute("UPDATE meta SET value = value + 1 WHERE key = 'articles_gen'")
    con.commit()
    con.close()
    out = _run("fix", "--list", "-o", str(mapped))[1]
    assert "not applied: no such site now" in out
    assert _run("export", "-o", str(mapped))[0] == 0
    report = json.loads((mapped / "report.json").read_text())
    assert report["corrections"][0]["applied_to"] is None
    assert all(not p["corrections"] for p in _props(mapped).values())


def test_corrections_travel_to_another_machine_through_their_csv(
    mapped: Path, seeds_copy: Path, tmp_path: Path
) -> None:
    AKASHAT, HARI, DEIR = _ids(mapped)
    assert _run("fix", AKASHAT, "--killed", "16-20", "--note", '=HYPERLINK("x")', "-o", str(mapped))[0] == 0
    assert _run("fix", HARI, "--at", "-33.5,-70.25", "-o", str(mapped))[0] == 0
    assert _run("fix", DEIR, "--not-struck", "-o", str(mapped))[0] == 0
    code, out, err = _run("export", "-o", str(mapped), "--format", "corrections")
    assert code == 0 and "corrections.csv" in out, err
    text = (mapped / "corrections.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "id,site_id,kind,latitude,longitude,min,max,note,made"
    assert ",\"'=HYPERLINK(" in text  # a note never becomes a formula in a spreadsheet
    # the other machine: the same articles, its own store
    other = tmp_path / "other"
    assert _run("run", str(seeds_copy), "-o", str(other), "--offline", "--no-world")[0] == 0
    code, out, err = _run("fix", "--load", str(mapped / "corrections.csv"), "-o", str(other))
    assert code == 0 and "loaded 3 correction(s)" in out, err
    mine, theirs = _props(mapped), _props(other)
    for sid in (AKASHAT, HARI, DEIR):
        assert theirs[sid]["xy"] == mine[sid]["xy"] and theirs[sid]["role"] == mine[sid]["role"]
        assert (theirs[sid]["killed_min"], theirs[sid]["killed_max"]) == (
            mine[sid]["killed_min"],
            mine[sid]["killed_max"],
        )
        assert [(c["kind"], c["made"], c["note"]) for c in theirs[sid]["corrections"]] == [
            (c["kind"], c["made"], c["note"]) for c in mine[sid]["corrections"]
        ]
    assert theirs[AKASHAT]["corrections"][0]["note"] == '=HYPERLINK("x")'
    # loading the same file again adds nothing
    code, out, _ = _run("fix", "--load", str(mapped / "corrections.csv"), "-o", str(other))
    assert code == 0 and "loaded 0 correction(s)" in out and "(3 already here)" in out
    # a correction of a site this store does not have: kept, and said so
    extra = tmp_path / "extra.csv"
    extra.write_text(text.splitlines()[0] + "\n9,gz:nowhere@2024-01-01,killed,,,3,3,,2024-02-09T00:00:00Z\n")
    code, out, _ = _run("fix", "--load", str(extra), "-o", str(other))
    assert code == 0 and "loaded 1 correction(s)" in out and "1 apply to no site now" in out
    assert "not applied: no such site now" in _run("fix", "--list", "-o", str(other))[1]


def test_a_bad_corrections_file_is_reported_row_by_row(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text(
        "id,site_id,kind,latitude,longitude,min,max,note,made\n"
        "1,gz:a@2024-01-01,killed,,,3,3,,2024-01-02T00:00:00Z\n"
        "2,gz:a@2024-01-01,moved,,,,,,2024-01-02T00:00:00Z\n"
        "3,gz:a@2024-01-01,at,95,0,,,,2024-01-02T00:00:00Z\n"
        "4,gz:a@2024-01-01,injured,,,x,,,2024-01-02T00:00:00Z\n",
        encoding="utf-8",
    )
    with open(f, encoding="utf-8", newline="") as fh:
        got = list(read_csv(fh, str(f)))
    assert isinstance(got[0], Correction) and got[0].value == (3, 3)
    problems = [str(p) for p in got if isinstance(p, Problem)]
    assert [p.split(": ")[0] for p in problems] == [f"{f}:3", f"{f}:4", f"{f}:5"]
    assert "unknown kind of correction 'moved'" in problems[0]
    g = tmp_path / "g.csv"
    g.write_text("a,b\n1,2\n", encoding="utf-8")
    with open(g, encoding="utf-8", newline="") as fh:
        assert "not a corrections file" in str(next(read_csv(fh, str(g))))
