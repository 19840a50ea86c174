"""The world sources' memo and the US counties table give what their sources give."""

from __future__ import annotations

from mapper.models import Place
from mapper.names import name_key
from mapper.places import MemoSource
from mapper.places.counties import USCounties


class CountingSource:
    def __init__(self) -> None:
        self.asked: list[str] = []
        self.place = Place("gn:1", "Kharkiv", 49.98, 36.25, "city", "UA", population=1_400_000)

    def candidates(self, key: str) -> list[Place]:
        self.asked.append(key)
        return [self.place] if key == "kharkiv" else []

    def __contains__(self, key: object) -> bool:
        self.asked.append(str(key))
        return key == "kharkiv"

    def country(self, iso2: str) -> Place | None:
        return None


def test_memo_source_answers_like_its_source_and_asks_once() -> None:
    src = CountingSource()
    memo = MemoSource(src, size=3)
    for _ in range(3):
        assert "kharkiv" in memo
        assert "paris" not in memo
        assert memo.candidates("kharkiv") == [src.place]
        assert memo.candidates("paris") == []
    assert src.asked == ["kharkiv", "paris", "kharkiv", "paris"]
    memo.candidates("kharkiv").clear()  # a caller's list is its own
    assert memo.candidates("kharkiv") == [src.place]
    assert 42 not in memo


def test_memo_source_stays_bounded() -> None:
    src = CountingSource()
    memo = MemoSource(src, size=3)
    for key in ("a", "b", "c", "d", "e", "a"):
        assert key not in memo
    assert len(memo._has) <= 3
    assert src.asked.count("a") == 2  # forgotten when the memo filled up, then asked again


def test_county_rows_with_and_without_stored_keys_agree() -> None:
    rows = [
        {"name": "Cook County", "state": "Illinois", "abbr": "IL", "lat": 41.8, "lon": -87.7, "zips": 9},
        {"name": "Orleans Parish", "state": "Louisiana", "abbr": "LA", "lat": 30.0, "lon": -90.0, "zips": 5},
    ]
    bare = USCounties(rows)
    keyed = USCounties([{**r, "keys": ["unused"]} for r in rows])
    assert name_key("Cook Co.") in bare and "cookcounty" in bare and "orleansparish" in bare
    assert "unused" in keyed and "cookcounty" not in keyed  # stored keys are used as they are
    from mapper.places.counties import _keys

    assert USCounties([{**r, "keys": _keys(str(r["name"]))} for r in rows]).by_key == bare.by_key
