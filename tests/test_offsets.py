"""``models.Offsets``: the map from cleaned text back to the original, kept as runs, reads
exactly like the list of one number per character it stands for."""

from __future__ import annotations

import bisect
import pickle

from hypothesis import given
from hypothesis import strategies as st

from mapper.ingest import clean_text
from mapper.models import Article, Offsets


@given(st.lists(st.integers(min_value=-2, max_value=3), max_size=200), st.integers(min_value=0, max_value=50))
def test_runs_read_like_the_list(steps: list[int], start: int) -> None:
    values = [start]
    for s in steps:
        values.append(values[-1] + s)
    o = Offsets.of(values)
    assert len(o) == len(values) and list(o) == values and o == values
    assert [o[i] for i in range(len(values))] == values
    assert o[-1] == values[-1] and o[1:4] == values[1:4]
    # a run starts wherever the map stops counting up by one
    assert o.starts == [i for i in range(len(values)) if i == 0 or values[i] != values[i - 1] + 1]


@given(st.lists(st.integers(min_value=0, max_value=3), max_size=200), st.integers(min_value=0, max_value=400))
def test_first_at_or_after_is_bisect_left(steps: list[int], pos: int) -> None:
    values = [5]
    for s in steps:
        values.append(values[-1] + s)  # counting up, as a cleaner's map does
    o = Offsets.of(values)
    assert o.first_at_or_after(pos) == bisect.bisect_left(values, pos, 0, len(values) - 1)
    art = Article(id="a", path="a", text="", clean="", offsets=o)
    assert art.to_clean(pos) == bisect.bisect_left(values, pos, 0, len(values) - 1)


def test_a_cleaned_article_carries_a_few_runs_not_a_number_per_character() -> None:
    para = "Shelling  hit the  town of Qarvon on Monday ,\u00a0officials said.\n"
    text = "Subscribe to our newsletter\n\n" + para * 200
    clean, offsets = clean_text(text)
    assert len(offsets) == len(clean) + 1
    assert all(text[offsets[i]] == clean[i] or clean[i] in " \n" for i in range(len(clean)))
    as_list = list(offsets)
    assert len(pickle.dumps(offsets)) * 5 < len(pickle.dumps(as_list))
    assert Article(id="a", path="a", text=text, clean=clean, offsets=as_list).offsets == offsets
