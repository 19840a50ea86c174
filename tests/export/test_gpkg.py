"""GeoPackage export: layers QGIS/GDAL read, joined on site_id, nested values as JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mapper.cli import main


def _value(v: Any) -> Any:
    """A value read back: GDAL nulls come back as NaN; whole floats as ints."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The seeds run once with --gpkg: (sites.gpkg, the sites.geojson written beside it)."""
    from ..conftest import SEEDS

    out = tmp_path_factory.mktemp("gpkg")
    r = CliRunner().invoke(main, ["run", str(SEEDS), "-o", str(out), "--offline", "--no-map", "--gpkg"])
    assert r.exit_code == 0, r.output
    return out / "sites.gpkg", json.loads((out / "sites.geojson").read_text())


def test_layers_are_a_point_layer_and_three_tables(exported: tuple[Path, dict[str, Any]]) -> None:
    import pyogrio

    path, _ = exported
    layers = {name: geom for name, geom in pyogrio.list_layers(path)}
    assert layers == {"sites": "Point", "claims": None, "sources": None, "evidence": None}
    info = pyogrio.read_info(path, layer="sites")
    assert info["crs"] == "EPSG:4326" and info["driver"] == "GPKG"
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["killed_min"] == "int64" and types["n_claims"] == "int64" and types["names_seen"] == "object"


def test_sites_layer_matches_the_geojson(exported: tuple[Path, dict[str, Any]]) -> None:
    import geopandas as gpd

    path, fc = exported
    sites = gpd.read_file(path, layer="sites")
    assert sites.crs.to_epsg() == 4326
    assert list(sites["site_id"]) == [f["id"] for f in fc["features"]]
    for (_, row), f in zip(sites.iterrows(), fc["features"], strict=True):
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        assert (row.geometry.x, row.geometry.y) == pytest.approx((lon, lat))
        for col in ("role", "name", "country", "event_date", "feature_type", "place_id", "parent"):
            assert _value(row[col]) == p[col], col
        for col in ("names_seen", "articles", "outlets"):  # JSON text, never a Python repr
            assert json.loads(row[col]) == p[col]
        assert row["n_claims"] == len(p["claims"]) and row["n_articles"] == len(p["articles"])
        for col in ("killed_min", "killed_max", "injured_min", "injured_max", "geo_precision"):
            assert _value(row[col]) == p[col], col


def test_tables_join_on_site_id_and_count_each_claim_once(exported: tuple[Path, dict[str, Any]]) -> None:
    import pyogrio

    path, fc = exported
    claims = pyogrio.read_dataframe(path, layer="claims")
    sources = pyogrio.read_dataframe(path, layer="sources")
    evidence = pyogrio.read_dataframe(path, layer="evidence")
    ids = {f["id"] for f in fc["features"]}
    assert set(claims["site_id"]) <= ids and set(sources["site_id"]) <= ids and set(evidence["site_id"]) <= ids
    by_site = {f["id"]: f["properties"] for f in fc["features"]}
    for sid, p in by_site.items():
        mine = claims[claims["site_id"] == sid]
        assert sorted(mine["quote"]) == sorted(c["quote"] for c in p["claims"])
        assert sorted(sources[sources["site_id"] == sid]["article"]) == sorted(p["articles"])
        assert len(evidence[evidence["site_id"] == sid]) == len(p["evidence"])
    # a claim covering two sites is two rows with one claim_id; its "sites" is JSON naming both
    shared = claims[claims["sites"].map(lambda s: len(json.loads(s)) > 1)]
    assert len(shared) > 0
    for _, row in shared.iterrows():
        covered = json.loads(row["sites"])
        assert row["site_id"] in covered
        assert set(claims[claims["claim_id"] == row["claim_id"]]["site_id"]) == set(covered)
    distinct = {(c["article"], c["start"], c["end"]) for p in by_site.values() for c in p["claims"]}
    assert claims["claim_id"].nunique() == len(distinct) < len(claims)
    assert not claims["sites"].str.contains("'").any()


def test_an_empty_map_still_has_every_layer(tmp_path: Path) -> None:
    import pyogrio

    from mapper.export.gpkg import write_gpkg

    path = tmp_path / "empty.gpkg"
    write_gpkg({"type": "FeatureCollection", "features": []}, path)
    assert {name: geom for name, geom in pyogrio.list_layers(path)} == {
        "sites": "Point",
        "claims": None,
        "sources": None,
        "evidence": None,
    }
    assert len(pyogrio.read_dataframe(path, layer="claims")) == 0


def test_a_failed_write_leaves_the_previous_file(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyogrio

    from mapper.export.gpkg import write_gpkg

    _, fc = exported
    path = tmp_path / "sites.gpkg"
    write_gpkg(fc, path)
    before = path.read_bytes()
    real = pyogrio.write_dataframe

    def fail_on_claims(df: Any, p: Any, layer: str, **kw: Any) -> None:
        if layer == "claims":
            raise RuntimeError("disk full")
        real(df, p, layer=layer, **kw)

    monkeypatch.setattr(pyogrio, "write_dataframe", fail_on_claims)
    with pytest.raises(RuntimeError):
        write_gpkg({"type": "FeatureCollection", "features": []}, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["sites.gpkg"]
