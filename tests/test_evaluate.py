"""The geoparsing scorer on small hand-made sets whose scores are worked out by hand."""

from __future__ import annotations

import math

import pytest

from mapper.evaluate import MAX_ERROR_KM, auc, haversine_km, match, resolution_metrics, score

# 0         1         2         3         4         5         6
# 0123456789012345678901234567890123456789012345678901234567890123
TEXT = "Jets hit Paris and Quito overnight. Washington said it was sorry."
PARIS = {"start": 9, "end": 14, "name": "Paris", "lat": 48.85, "lon": 2.35, "literal": True}
QUITO = {"start": 19, "end": 24, "name": "Quito", "lat": 0.0, "lon": 0.0, "literal": True}
WASH = {"start": 36, "end": 46, "name": "Washington", "lat": 38.9, "lon": -77.0, "literal": False}

QUARTER = math.pi / 2 * 6371.0  # (0, 0) to (0, 90): a quarter of a great circle
LN = math.log(MAX_ERROR_KM)


def gold(*tops: dict) -> list[dict]:
    return [{"id": "a", "text": TEXT, "toponyms": [dict(t) for t in tops]}]


def pred(*tops: dict, **changes: object) -> list[dict]:
    return [{"id": "a", "toponyms": [dict(t, **changes) for t in tops]}]


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 90) == pytest.approx(10007.54, abs=0.01)
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015.09, abs=0.01)
    assert haversine_km(48.85, 2.35, 48.85, 2.35) == 0.0


def test_perfect() -> None:
    s = score(gold(PARIS, QUITO), pred(PARIS, QUITO))
    assert (s["tp"], s["fp"], s["fn"]) == (2, 0, 0)
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)
    assert s["resolved_pairs"] == 2
    assert (s["acc161"], s["mean_km"], s["median_km"], s["auc"]) == (1.0, 0.0, 0.0, 0.0)


def test_one_miss() -> None:
    s = score(gold(PARIS, QUITO), pred(PARIS))
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 1)
    assert s["precision"] == 1.0
    assert s["recall"] == 0.5
    assert s["f1"] == pytest.approx(2 / 3)
    assert s["resolved_pairs"] == 1 and s["acc161"] == 1.0


def test_one_false_positive() -> None:
    extra = {"start": 59, "end": 65, "name": "sorry.", "lat": 1.0, "lon": 1.0}
    s = score(gold(PARIS, QUITO), pred(PARIS, QUITO, extra))
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 0)
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == 1.0
    assert s["f1"] == pytest.approx(0.8)


def test_one_far_error() -> None:
    far_quito = dict(QUITO, lat=0.0, lon=90.0)  # a quarter of the world away
    s = score(gold(PARIS, QUITO), pred(PARIS) + pred(far_quito))
    assert (s["tp"], s["fp"], s["fn"]) == (2, 0, 0)
    assert s["acc161"] == 0.5
    assert s["mean_km"] == pytest.approx(QUARTER / 2)
    assert s["median_km"] == pytest.approx(QUARTER / 2)
    # two sorted errors [0, Q]: area of one trapezoid (0 + ln(1+Q)/ln 20039) / 2, width 1
    assert s["auc"] == pytest.approx(math.log(1 + QUARTER) / LN / 2)
    assert s["auc"] == pytest.approx(0.465, abs=0.001)


def test_error_of_exactly_161_km_is_a_miss() -> None:
    assert resolution_metrics([161.0, 160.9])["acc161"] == 0.5
    km_per_degree = 6371 * math.pi / 180
    near = score(gold(QUITO), pred(QUITO, lat=0.0, lon=150 / km_per_degree))
    assert near["acc161"] == 1.0 and near["mean_km"] == pytest.approx(150)
    far = score(gold(QUITO), pred(QUITO, lat=0.0, lon=170 / km_per_degree))
    assert far["acc161"] == 0.0 and far["mean_km"] == pytest.approx(170)


def test_unresolved_prediction_counts_as_20039_km() -> None:
    s = score(gold(PARIS, QUITO), pred(PARIS) + pred(QUITO, lat=None, lon=None))
    assert (s["tp"], s["fp"], s["fn"]) == (2, 0, 0)  # still recognised
    assert s["unresolved"] == 1
    assert s["acc161"] == 0.5
    assert s["mean_km"] == pytest.approx(20039 / 2)
    assert s["auc"] == pytest.approx(math.log(20040) / LN / 2)
    alone = score(gold(QUITO), pred(QUITO, lat=None, lon=None))
    assert alone["mean_km"] == alone["median_km"] == 20039
    assert alone["auc"] == pytest.approx(math.log(20040) / LN)  # a hair above 1


def test_unresolved_never_beats_a_wrong_answer() -> None:
    antipode = score(gold(QUITO), pred(QUITO, lat=0.0, lon=180.0))
    unresolved = score(gold(QUITO), pred(QUITO, lat=None, lon=None))
    assert unresolved["mean_km"] >= antipode["mean_km"]
    assert unresolved["auc"] >= antipode["auc"]


def test_literal_only_neutral_and_false_positive() -> None:
    g = gold(PARIS, QUITO, WASH)
    p = pred(PARIS, QUITO, WASH)
    every = score(g, p)
    assert (every["tp"], every["fp"], every["fn"]) == (3, 0, 0)

    neutral = score(g, p, literal_only=True)
    assert (neutral["tp"], neutral["fp"], neutral["fn"], neutral["neutral"]) == (2, 0, 0, 1)
    assert neutral["precision"] == 1.0 and neutral["recall"] == 1.0
    assert neutral["resolved_pairs"] == 2  # Washington is out of resolution too

    strict = score(g, p, literal_only=True, nonliteral_as_fp=True)
    assert (strict["tp"], strict["fp"], strict["fn"], strict["neutral"]) == (2, 1, 0, 0)
    assert strict["precision"] == pytest.approx(2 / 3)
    assert strict["recall"] == 1.0
    assert score(g, p, nonliteral_as_fp=True) == strict  # implies literal_only

    # a missed non-literal toponym is no miss under literal_only
    quiet = score(g, pred(PARIS, QUITO), literal_only=True)
    assert (quiet["tp"], quiet["fp"], quiet["fn"]) == (2, 0, 0)
    assert score(g, pred(PARIS, QUITO))["fn"] == 1


def test_missing_literal_flag_is_literal() -> None:
    lgl_like = {k: v for k, v in WASH.items() if k != "literal"}
    s = score(gold(lgl_like), pred(lgl_like), literal_only=True)
    assert (s["tp"], s["neutral"]) == (1, 0)


def test_gold_without_coordinates() -> None:
    nocoord = dict(QUITO, lat=None, lon=None)
    g = gold(PARIS, nocoord)
    # README rules: recognised (TP) but left out of resolution
    s = score(g, pred(PARIS, QUITO))
    assert (s["tp"], s["fp"], s["fn"], s["resolved_pairs"]) == (2, 0, 0, 1)
    assert score(g, pred(PARIS))["fn"] == 1
    # EUPEG's "all toponyms with coordinates": dropped from the gold before matching
    c = score(g, pred(PARIS, QUITO), coords_only=True)
    assert (c["tp"], c["fp"], c["fn"], c["resolved_pairs"]) == (1, 1, 0, 1)
    c = score(g, pred(PARIS), coords_only=True)
    assert (c["tp"], c["fp"], c["fn"]) == (1, 0, 0)


def test_matching_is_case_insensitive_and_needs_the_same_string() -> None:
    assert score(gold(PARIS), pred(PARIS, name="PARIS"))["tp"] == 1
    s = score(gold(PARIS), pred(PARIS, name="Paris and"))
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


def test_midpoints_must_be_closer_than_ten() -> None:
    # gold midpoint 11.5; a prediction midpoint 21.5 is 10 away: no match, 9.5 away: match
    assert score(gold(PARIS), pred(PARIS, start=19, end=24))["tp"] == 0
    assert score(gold(PARIS), pred(PARIS, start=18, end=24))["tp"] == 1


def test_one_to_one_greedy_by_closest_midpoint() -> None:
    text = "Gaza Gaza Gaza"
    g = [
        {"start": 0, "end": 4, "name": "Gaza", "lat": 31.5, "lon": 34.47},
        {"start": 5, "end": 9, "name": "Gaza", "lat": 31.5, "lon": 34.47},
    ]
    p = [{"start": 6, "end": 10, "name": "Gaza", "lat": 31.5, "lon": 34.47}]
    # midpoints: gold 2 and 7, prediction 8: it goes to the second gold
    assert match(g, p) == [(1, 0)]
    # two predictions on the same span: one hit, one false positive
    s = score([{"id": "x", "text": text, "toponyms": g[:1]}], [{"id": "x", "toponyms": g[:1] * 2}])
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)


def test_name_taken_from_the_text_when_missing() -> None:
    bare = {"start": 9, "end": 14, "lat": 48.85, "lon": 2.35}
    assert score(gold(PARIS), pred(bare))["tp"] == 1


def test_articles_are_joined_on_id() -> None:
    lima = {"start": 0, "end": 4, "name": "Lima", "lat": -12.05, "lon": -77.04}
    g = [*gold(PARIS, QUITO), {"id": "b", "text": "Lima.", "toponyms": [lima]}]
    p = [*pred(PARIS, QUITO), {"id": "zzz", "toponyms": [dict(PARIS)]}]
    s = score(g, p)
    assert (s["tp"], s["fp"], s["fn"]) == (2, 0, 1)  # nothing for "b"; "zzz" not scored
    assert s["unknown_articles"] == 1
    assert s["articles"] == 2


def test_empty() -> None:
    s = score([], [])
    assert (s["precision"], s["recall"], s["f1"]) == (0.0, 0.0, 0.0)
    assert s["acc161"] is s["auc"] is s["mean_km"] is None


def test_auc_definition() -> None:
    assert auc([]) is None
    assert auc([0.0]) == 0.0
    assert auc([0.0, 0.0, 0.0]) == 0.0
    a, b = math.log(1 + 100) / LN, math.log(1 + 1000) / LN
    # three sorted errors [0, 100, 1000]: trapezoids (0 + a) / 2 + (a + b) / 2, width 2
    assert auc([1000.0, 0.0, 100.0]) == pytest.approx((a / 2 + (a + b) / 2) / 2)
    assert auc([1000.0, 0.0, 100.0]) == auc([0.0, 100.0, 1000.0])  # order does not matter
    assert auc([20039.0, 20039.0]) == pytest.approx(math.log(20040) / LN)
