"""The exports for other tools: ACLED-style CSV and KML for Google Earth."""

from __future__ import annotations

import csv
import html
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from mapper.cli import main
from mapper.export import acled, kml
from mapper.filters import EVENT_TYPES

from .test_html_map import HOSTILE, sample_fc

K = "{http://www.opengis.net/kml/2.2}"


def _fc(**types: list[str]) -> dict[str, Any]:
    fc = sample_fc("/tmp/a.txt")
    for f in fc["features"]:
        t = types.get(f["id"].split(":")[1].replace("-", "_"))
        if t is not None:
            f["properties"]["event_types"] = t
    return fc


def _acled(fc: dict[str, Any]) -> list[dict[str, str]]:
    buf = io.StringIO()
    acled.write(buf, fc["features"])
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_acled_rows_are_the_struck_sites_with_acled_columns_and_rules() -> None:
    fc = _fc(akashat=["air_drone_strike"], al_qaim=["armed_clash", "shelling_artillery_missile"])
    rows = _acled(fc)
    assert list(rows[0]) == acled.COLUMNS
    for name in ("event_id_cnty", "event_date", "time_precision", "sub_event_type", "source_scale", "fatalities"):
        assert name in rows[0]
    struck = [f for f in fc["features"] if f["properties"]["role"] == "struck"]
    assert [r["site_id"] for r in rows] == [f["id"] for f in struck]
    by = {r["site_id"]: r for r in rows}
    a = by["gz:akashat"]
    assert (a["event_type"], a["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert a["event_id_cnty"].startswith("IRQ") and a["event_id_cnty"][3:].isdigit()
    assert (a["country"], a["admin1"], a["location"]) == ("Iraq", "Al Anbar", "Akashat")
    assert (a["event_date"], a["year"], a["time_precision"]) == ("2024-02-02", "2024", "1")
    assert (a["latitude"], a["longitude"], a["geo_precision"]) == ("33.8", "40.6", "1")
    assert a["source"] == "Example Wire" and "command post in Akashat" in a["notes"]
    assert a["fatalities"] == "16"  # the lowest credible figure of "at least 16"
    # the first of the site's types in the table's order: shelling before armed clash
    assert by["gz:al-qaim"]["sub_event_type"] == "Shelling/artillery/missile attack"
    d = by["gz:deir-ez-zor"]
    assert (d["event_type"], d["sub_event_type"], d["fatalities"], d["country"]) == (
        "Explosions/Remote violence",
        "",
        "3",
        "Syria",
    )
    # undated: the earliest source date, "on or before" (3); no figure: 0 as ACLED codes it
    h = by["gz:hostile"]
    assert (h["event_date"], h["time_precision"], h["fatalities"]) == ("2024-02-03", "3", "0")
    assert h["location"].startswith("Hostile <script>") and h["admin1"] == HOSTILE
    # the same site gives the same id in every export
    assert _acled(fc)[0]["event_id_cnty"] == rows[0]["event_id_cnty"]


def test_every_event_type_maps_to_acled() -> None:
    assert (
        tuple(acled.EVENT_TYPES)
        == EVENT_TYPES
        == (
            "air_drone_strike",
            "shelling_artillery_missile",
            "remote_explosive_ied",
            "suicide_bomb",
            "armed_clash",
            "attack",
            "other",
        )
    )
    assert acled.event_type(["attack"]) == ("Violence against civilians", "Attack")
    assert acled.event_type([]) == acled.event_type(None) == ("Explosions/Remote violence", "")


def test_acled_cells_never_become_formulas() -> None:
    fc = sample_fc()
    f = fc["features"][0]
    f["properties"]["outlets"] = ["=cmd|' /C calc'!A0"]
    f["properties"]["evidence"] = [{"article": "a", "quote": "+SUM(1)", "start": 0, "end": 5}]
    row = _acled(fc)[0]
    assert row["source"].startswith("'=") and row["notes"].startswith("'+")


def _kml(fc: dict[str, Any]) -> ET.Element:
    buf = io.BytesIO()
    kml.write(buf, fc["features"])
    return ET.fromstring(buf.getvalue())


def test_kml_has_a_placemark_per_site_with_time_style_and_escaped_text() -> None:
    fc = sample_fc("/tmp/a.txt")
    root = _kml(fc)
    folders = root.findall(f"{K}Document/{K}Folder")
    assert [f.findtext(f"{K}name") for f in folders] == ["Struck sites", "Mentioned places"]
    assert folders[1].findtext(f"{K}visibility") == "0"
    struck = folders[0].findall(f"{K}Placemark")
    assert len(struck) == 4 and len(folders[1].findall(f"{K}Placemark")) == 3
    ak = struck[0]
    assert ak.findtext(f"{K}name") == "Akashat"
    assert ak.findtext(f"{K}TimeStamp/{K}when") == "2024-02-02"
    assert ak.findtext(f"{K}Point/{K}coordinates") == "40.6,33.8"
    assert ak.findtext(f"{K}styleUrl") == "#b2"  # 10-49 killed, as the map's legend
    data = {d.get("name"): d.findtext(f"{K}value") for d in ak.iter(f"{K}Data")}
    assert data["site_id"] == "gz:akashat" and data["killed_min"] == "16"
    desc = ak.findtext(f"{K}description") or ""
    assert "at least 16" in desc and "Bassem al-Awadi" in desc and "Example Wire" in desc
    # Google Earth renders a description as HTML: article text must arrive escaped in it
    hostile = next(p for p in struck if (p.findtext(f"{K}name") or "").startswith("Hostile"))
    text = hostile.findtext(f"{K}description") or ""
    assert "<script>" not in text and "<img" not in text and "<svg" not in text
    assert html.escape("<script>alert(1)</script>") in text
    assert "javascript:" not in text  # only http(s) links


def test_export_writes_kml_and_acled_from_the_store(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["run", str(seeds_copy), "-o", str(out), "--offline", "--no-world", "-q"])
    assert r.exit_code == 0, r.stderr
    r = CliRunner().invoke(main, ["export", "-o", str(out), "-f", "kml", "-f", "acled"])
    assert r.exit_code == 0, r.stderr
    assert "sites.kml" in r.stdout and "acled.csv" in r.stdout
    root = ET.parse(out / "sites.kml").getroot()
    rows = list(csv.DictReader(io.StringIO((out / "acled.csv").read_text(encoding="utf-8"))))
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    struck = [f["id"] for f in fc["features"] if f["properties"]["role"] == "struck"]
    assert [r["site_id"] for r in rows] == struck
    assert len(root.findall(f".//{K}Placemark")) == len(fc["features"])
    tower = next(r for r in rows if r["site_id"].startswith("gz:tower-22@"))
    assert (tower["country"], tower["fatalities"], tower["event_type"]) == ("Jordan", "3", "Explosions/Remote violence")
