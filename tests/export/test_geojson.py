"""The GeoJSON contract, and that GIS tools read what we write."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ..conftest import haversine_km, reread

REQUIRED = {
    "site_id",
    "name",
    "names_seen",
    "country",
    "admin1",
    "feature_type",
    "role",
    "geo_precision",
    "resolved_by",
    "event_date",
    "articles",
    "outlets",
    "evidence",
    "claims",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
}
CLAIM_KEYS = {
    "article",
    "claimant",
    "victims",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "quote",
    "sites",
}


@pytest.fixture(scope="module")
def fc(seeds_result):
    _, out = seeds_result
    return json.loads((out / "sites.geojson").read_text(encoding="utf-8"))


def test_rfc7946_shape(fc) -> None:
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    ids = set()
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for v in (lon, lat):
            assert len(repr(v).split(".")[-1]) <= 6
        p = f["properties"]
        assert set(p) >= REQUIRED, REQUIRED - set(p)
        assert f["id"] == p["site_id"] and p["site_id"] not in ids
        ids.add(p["site_id"])
        assert p["role"] in ("struck", "mentioned") and p["geo_precision"] in (1, 2, 3)
        assert p["country"] is None or len(p["country"]) == 2
        for c in p["claims"]:
            assert set(c) >= CLAIM_KEYS and p["site_id"] in c["sites"]
        for e in p["evidence"]:
            assert {"article", "quote", "start", "end"} <= set(e)


def test_evidence_offsets_point_into_the_article_file(fc, seeds_result) -> None:
    result, _ = seeds_result
    texts = {a.id: reread(a).text for a in result.articles}
    n = 0
    for f in fc["features"]:
        for e in f["properties"]["evidence"]:
            raw = texts[e["article"]][e["start"] : e["end"]]
            norm = raw.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u00a0", " ")
            assert " ".join(norm.split()) == " ".join(e["quote"].split())
            n += 1
    assert n > 10


def test_geopandas_reads_points_in_the_right_place(seeds_result) -> None:
    import geopandas as gpd

    _, out = seeds_result
    gdf = gpd.read_file(out / "sites.geojson")
    assert gdf.crs.to_epsg() == 4326
    row = gdf[gdf["site_id"].str.startswith("gz:al-qaim@")].iloc[0]
    # Al-Qaim is at 34.39 N, 40.99 E: x is the longitude
    assert haversine_km(row.geometry.y, row.geometry.x, 34.3925, 40.9894) < 1
    assert set(gdf["role"]) == {"struck", "mentioned"}


def test_csv_opens_in_pandas(seeds_result) -> None:
    import pandas as pd

    _, out = seeds_result
    df = pd.read_csv(out / "sites.csv")
    assert {"site_id", "latitude", "longitude", "killed_min", "articles"} <= set(df.columns)
    qaim = df[df["site_id"].str.startswith("gz:al-qaim@")].iloc[0]
    assert abs(qaim["latitude"] - 34.3925) < 0.01 and abs(qaim["longitude"] - 40.9894) < 0.01
    assert "; " in qaim["articles"]


@pytest.mark.parametrize("n", [0, 1, 3, None])
def test_features_written_one_at_a_time_are_the_text_dumps_gives(fc, n) -> None:
    import csv
    import io

    from mapper.export import csvout, geojson

    part = dict(fc, features=fc["features"][:n] if n is not None else fc["features"])
    buf = io.StringIO()
    w = geojson.FeatureWriter(buf)
    for f in part["features"]:
        w.write(f)
    w.end()
    assert buf.getvalue() == geojson.dumps(part)
    table = io.StringIO(newline="")
    out = csvout.writer(table)
    for f in part["features"]:
        out.writerow(csvout.row(f))
    back = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert [r["site_id"] for r in back] == [f["properties"]["site_id"] for f in part["features"]]


def test_csv_cells_never_run_as_formulas_and_fit_a_spreadsheet_cell() -> None:
    from mapper.export.csvout import MAX_CELL, _join, cell

    for hostile in ('=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\r=1", "  =1+1"):
        assert cell(hostile).startswith("'"), hostile
    for fine in ("Al-Qaim", "-12.5", "+3", "42", "", "name = value"):
        assert cell(fine) == fine
    assert cell(-12.5) == -12.5 and cell(None) is None
    long_list = _join(f"article-{i:05d}.txt" for i in range(5000))
    assert len(long_list) <= MAX_CELL and long_list.endswith("more") and long_list.startswith("article-00000.txt")
    n_more = int(long_list.rsplit("and ", 1)[1].split()[0])
    assert long_list.count(".txt") + n_more == 5000
    assert len(cell("x" * 100_000)) == MAX_CELL
    assert len(_join(["y" * 50_000, "z"])) <= MAX_CELL


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),  # any characters: quotes, controls, accents, lone surrogates
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, min_size=1, max_size=2)
    ),  # keys json.dumps turns to text
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_JSON_VALUES, st.sampled_from(["\n", "\n  "]))
@example([1.5, -math.inf, math.inf, math.nan, -0.0, 1e-05, 1e22], "\n  ")
@example({"a": [], "b": {}, 'é"\n\u2028': (True, None, -7)}, "\n")
@example({1: "a", "b": [2]}, "\n")
def test_the_feature_indenter_gives_the_standard_librarys_text(value: object, nl: str) -> None:
    from mapper.export.geojson import indented

    assert indented(value, nl) == json.dumps(value, ensure_ascii=False, indent=1).replace("\n", nl)


def test_the_feature_indenter_on_a_real_feature(fc) -> None:
    from mapper.export.geojson import indented

    for f in fc["features"]:
        assert indented(f, "\n  ") == json.dumps(f, ensure_ascii=False, indent=1).replace("\n", "\n  ")
