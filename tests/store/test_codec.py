"""The store's JSON (orjson, with the standard library behind it) writes what the json module
writes, so stores and their rows stay byte-identical."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.store.codec import dumps, loads

# what the store's JSON values hold: no floats (see mapper.store.codec)
values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=500, deadline=None)
@given(values)
def test_the_store_writes_json_as_the_json_module_does(value: object) -> None:
    text = dumps(value)
    assert text == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1) | st.text(), st.lists, max_leaves=8)
)
def test_values_within_64_bits_read_back_as_the_json_module_reads_them(value: object) -> None:
    text = dumps(value)
    assert loads(text) == json.loads(text) == json.loads(json.dumps(value))


def test_what_orjson_refuses_goes_through_the_json_module() -> None:
    for value in (["\ud800 lone surrogate"], 2**65, {"k": [1, "\udcff"]}):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert loads('["\\ud800"]') == ["\ud800"]
