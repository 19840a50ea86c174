"""The README's analyst's day, command by command, as a new user runs it in a clean clone."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

from ..conftest import ROOT, SEEDS

pytestmark = pytest.mark.e2e


def walkthrough() -> list[list[str]]:
    """The commands between the README's analyst-day markers, as argument lists."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- analyst-day -->\n(.*?)<!-- /analyst-day -->", text, re.S)
    assert block, "the README lost its analyst's day"
    commands = [shlex.split(line, comments=True) for line in block.group(1).splitlines()]
    return [c for c in commands if c]


def test_the_analysts_day_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    commands = walkthrough()
    assert [c[:2] for c in commands][:3] == [["mapper", "run"], ["mapper", "sites"], ["mapper", "fix"]]
    said: list[str] = []
    for args in commands:
        assert args[0] == "mapper"
        r = CliRunner().invoke(main, args[1:])
        assert r.exit_code == 0, (args, r.stdout, r.stderr)
        said.append(r.stdout)
    out = tmp_path / "output"
    # 1. the outputs
    for name in ("map.html", "sites.geojson", "sites.csv", "report.json", "mapper.sqlite"):
        assert (out / name).exists(), name
    # 2. the ids the fixes name are the ones `mapper sites` listed
    listed = {ln.split()[0] for ln in said[1].splitlines()[1:-1]}
    fixed = [c[2] for c in commands if c[1] == "fix" and not c[2].startswith("-")]
    assert fixed and set(fixed) <= listed
    # 3. the corrections hold in the outputs, and --list shows them applied
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    props = {f["id"]: f["properties"] for f in fc["features"]}
    akashat = next(s for s in fixed if s.startswith("gz:akashat@"))
    assert (props[akashat]["killed_min"], props[akashat]["killed_max"]) == (16, 16)
    assert props[akashat]["corrections"][0]["note"] == "Iraqi government figure"
    deir = next(s for s in fixed if s.startswith("gz:deir-ez-zor@"))
    assert props[deir]["role"] == "mentioned"
    listing = said[[c[1:3] for c in commands].index(["fix", "--list"])]
    assert len(listing.splitlines()) == 1 + len(fixed) and all(
        ln.rstrip().endswith("applied") for ln in listing.splitlines()[1:]
    )
    assert '"fx":[{"t":"killed 16 (was' in (out / "map.html").read_text(encoding="utf-8")  # in the popup
    # 4. the exports
    rows = list(csv.DictReader(io.StringIO((out / "acled.csv").read_text(encoding="utf-8"))))
    assert {r["site_id"] for r in rows} == {sid for sid, p in props.items() if p["role"] == "struck"}
    assert next(r for r in rows if r["site_id"] == akashat)["fatalities"] == "16"
    assert len(ET.parse(out / "sites.kml").getroot().findall(".//{http://www.opengis.net/kml/2.2}Placemark")) == len(
        props
    )
    assert (out / "sites.gpkg").stat().st_size > 0
    assert len((out / "corrections.csv").read_text(encoding="utf-8").splitlines()) == 1 + len(fixed)
    # 5. the filters: a table of Syrian sites from 2 February, and a map of the Syrian sites with a toll
    table = said[-2].splitlines()[1:-1]
    assert table and all(ln.split()[2] >= "2024-02-02" and " SY " in f" {ln} " for ln in table)
    part = json.loads((out / "syria" / "sites.geojson").read_text(encoding="utf-8"))["features"]
    assert part and all(f["properties"]["country"] == "SY" and f["properties"]["killed_min"] >= 1 for f in part)
    assert (out / "syria" / "map.html").exists() and not (out / "syria" / "mapper.sqlite").exists()
