"""``mapper gazetteer import``: a GeoNames dump, in GeoNames' own format, written by the test."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.ingest import article_from_text
from mapper.names import name_key, skeleton
from mapper.pipeline import Pipeline
from mapper.places.world import WorldGazetteer
from mapper.places.world.imported import DumpError, import_dump, read_manifest, world_with_imports


def _row(gid: int, name: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, a1: str = "", **kw: str) -> str:
    """One line of a GeoNames dump: 19 tab-separated columns."""
    cols = [
        str(gid),
        name,
        kw.get("ascii", name),
        kw.get("alt", ""),
        f"{lat:.5f}",
        f"{lon:.5f}",
        fclass,
        fcode,
        cc,
        "",
        a1,
        kw.get("a2", ""),
        "",
        "",
        kw.get("pop", "0"),
        "",
        "512",
        "Asia/Kabul",
        "2024-05-01",
    ]
    return "\t".join(cols)


# made-up places in a made-up corner of Afghanistan (the ids are far above GeoNames' own)
ROWS = [
    _row(1149361, "Afghanistan", 33.0, 66.0, "A", "PCLI", "AF", "00", pop="37172386"),
    _row(90000001, "Welāyat-e Tōrghar", 33.9, 67.9, "A", "ADM1", "AF", "91", alt="Torghar Province,Torghar"),
    _row(90000002, "Wuluswālī-ye Zarkānd", 33.8, 67.7, "A", "ADM2", "AF", "91", alt="Zarkand District", a2="9101"),
    _row(90000003, "Dobrandī", 33.81, 67.72, "P", "PPL", "AF", "91", alt="Dobrandy,Qaryah-ye Dobrandi,دوبرندی"),
    _row(90000004, "Nahr-e Zarkānd", 33.7, 67.6, "H", "STM", "AF", "91", alt="Zarkand Stream"),
    _row(90000005, "Pāygāh-e Sangar", 33.75, 67.65, "S", "MILB", "AF", "91", alt="Sangar Base"),
]


def _dump(tmp_path: Path, rows: list[str], name: str = "AF", extra: str = "") -> Path:
    path = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(f"{name}.txt", "\n".join(rows) + "\n" + extra)
        zf.writestr("readme.txt", "GeoNames readme\n")
    return path


@pytest.fixture(scope="module")
def world() -> WorldGazetteer:
    return WorldGazetteer.load()


def test_a_dump_is_imported_and_its_places_resolve_offline(tmp_path: Path, world: WorldGazetteer) -> None:
    st = import_dump(_dump(tmp_path, ROWS), tmp_path)
    assert (st.rows, st.kept) == (6, 5)  # the stream is left out
    assert [m["name"] for m in read_manifest(tmp_path)] == ["AF"]
    merged = world_with_imports(world, tmp_path)
    village = merged.candidates(name_key("Dobrandi"))[0]
    assert (village.lat, village.lon) == pytest.approx((33.81, 67.72))
    assert village.country == "AF" and village.admin1 == "Torghar"  # the dump's own ADM1 name
    assert village.name == "Dobrandi" and "Dobrandī" in village.aliases
    assert "CC BY 4.0" in village.source and "AF.zip" in village.source
    assert merged.candidates(name_key("دوبرندی"))[0].id == village.id  # its Arabic-script name
    assert merged.candidates(name_key("Zarkand"))[0].feature_type == "admin2"
    assert merged.candidates(name_key("Sangar Base"))[0].feature_type == "military base"
    assert not merged.candidates(name_key("Zarkand Stream"))
    # the dump's country point replaces the bundled one (same GeoNames id)
    assert merged.country("AF").lat == pytest.approx(33.0) and merged.country("AF").lon == pytest.approx(66.0)
    # and the bundled places are all still there
    assert merged.candidates(name_key("Kandahar"))[0].country == "AF"
    # another spelling of an imported name is found by its consonants
    assert village.id in {p.id for p in merged.respellings("AF", skeleton("Dobrendy"))}

    pipe = Pipeline.create(world=merged)
    r = pipe.analyse(article_from_text("t", "A drone struck a house in Dobrandi, a village of Torghar province."))
    found = {m.surface: m.place for m in r.mentions}
    assert found["Dobrandi"] is not None and found["Dobrandi"].id == "gn:90000003"


def test_bad_rows_are_named_and_the_rest_imported(tmp_path: Path) -> None:
    st = import_dump(_dump(tmp_path, ROWS, extra="this is not a row\n"), tmp_path)
    assert st.kept == 5 and st.bad_rows == 1
    assert "AF.zip:7" in st.first_problems[0]


def test_what_is_no_dump_is_a_one_line_error(tmp_path: Path) -> None:
    notzip = tmp_path / "IQ.zip"
    notzip.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(DumpError, match=r"IQ\.zip"):
        import_dump(notzip, tmp_path)
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("readme.txt", "nothing\n")
    with pytest.raises(DumpError, match="expected one GeoNames dump"):
        import_dump(empty, tmp_path)


def test_the_command_imports_and_info_lists_it(tmp_path: Path, world: WorldGazetteer, monkeypatch) -> None:
    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / world.path.name).symlink_to(world.path)  # the bundled index, not rebuilt
    runner = CliRunner()
    r = runner.invoke(main, ["gazetteer", "import", str(_dump(tmp_path, ROWS))])
    assert r.exit_code == 0, r.output
    assert "imported AF: 5 places of 6 rows" in r.output
    r = runner.invoke(main, ["gazetteer", "info", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["imports"][0]["name"] == "AF" and data["imports"][0]["kept"] == 5
    assert "CC BY 4.0" in data["imports"][0]["licence"]
    assert data["world_index"]["by_type"]["admin2"] > 40_000
    r = runner.invoke(main, ["gazetteer", "import", str(tmp_path / "nothing.zip")])
    assert r.exit_code != 0
