"""Memos and caches that make runs faster must not change what a run finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapper import toponyms
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


def test_common_words_are_kept_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path))
    toponyms.common_words.cache_clear()
    try:
        first = toponyms.common_words()
        assert {"police", "reading", "march"} <= first and "Boston" not in first
        (cached,) = tmp_path.glob("common-words-*.txt")
        cached.write_text("\n".join(sorted(first - {"police"})), encoding="utf-8")
        toponyms.common_words.cache_clear()
        assert "police" not in toponyms.common_words()  # read from the file
        cached.write_text("", encoding="utf-8")  # damaged: built again
        toponyms.common_words.cache_clear()
        assert toponyms.common_words() == first
    finally:
        toponyms.common_words.cache_clear()


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


class SmallWorld:
    def __init__(self) -> None:
        def city(name: str, pop: int, cc: str = "US") -> Place:
            return Place(f"gn:{name}", name, 0.0, 0.0, "city", cc, population=pop)

        self.places = {
            name_key(p.name): [p]
            for p in (city("Paris", 2_100_000, "FR"), city("New York", 8_000_000), city("York", 200_000, "GB"))
        }
        self.places["lanexa"] = [city("Lanexa", 300)]

    def candidates(self, key: str) -> list[Place]:
        return list(self.places.get(key, []))

    def __contains__(self, key: object) -> bool:
        return key in self.places

    def country(self, iso2: str) -> Place | None:
        return None


def test_remembered_runs_give_the_same_hits_in_every_context() -> None:
    world = SmallWorld()
    texts = [
        "She flew from Paris to New York on Monday.",
        "Lanexa said the plan was fine. Officials in Lanexa disagreed.",
        "Paris Hilton arrived. New York was cold, and York was warm.",
        "Lanexa, Va., is small. Crowds in Paris cheered.",
    ]
    memo: dict[str, tuple[toponyms.RunHit, ...]] = {}
    for text in texts * 2:
        fresh = toponyms.index_hits(text, world)
        assert toponyms.index_hits(text, world, memo) == fresh
    assert memo  # runs were remembered ...
    spans = [(h.start, h.end) for h in toponyms.index_hits(texts[1], world, memo)]
    assert [texts[1][s:e] for s, e in spans] == ["Lanexa"]  # ... and a hamlet still needs its cue
    assert texts[1].index("Lanexa", 5) == spans[0][0]
