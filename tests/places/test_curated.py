"""The curated gazetteer: every row is well formed and says where it comes from."""

from __future__ import annotations

import csv
from pathlib import Path

from mapper.models import FEATURE_TYPES

CURATED = Path(__file__).resolve().parents[2] / "data" / "gazetteer.csv"


def test_every_curated_row_is_well_formed_and_names_its_source() -> None:
    with CURATED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in rows:
        where = f"{r['id']} ({r['name']})"
        assert r["source"].strip(), f"{where}: no source"
        assert r["feature_type"] in FEATURE_TYPES, f"{where}: feature type {r['feature_type']!r}"
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, where
        assert r["geo_precision"] in ("1", "2", "3"), where
        assert not r["country"] or (len(r["country"]) == 2 and r["country"].isupper()), where
