"""Geoparsing scores in the field's convention (EUPEG; Gritta et al.), as pure functions.

``score(gold, predicted)`` compares toponyms per article.  Gold items are the
lines of ``shared/eval/gwn.jsonl`` / ``lgl.jsonl``; predicted items are
``{"id": ..., "toponyms": [{"start", "end", "name", "lat", "lon", "literal"}]}``.

Matching
    A prediction matches a gold toponym when both surface strings are equal
    ignoring case and their span midpoints are less than 10 characters apart;
    one-to-one within an article, greedily by closest midpoint (ties: gold order,
    then prediction order).  A prediction without ``name`` takes the gold
    article's ``text[start:end]``.

Recognition
    precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean;
    0.0 where a denominator is 0.

Resolution
    On matched pairs whose gold has coordinates: the great-circle (haversine,
    R = 6371 km, as EUPEG) error of each; a matched prediction with no
    coordinates counts as ``MAX_ERROR_KM`` = 20,039 km, so leaving a name
    unresolved never helps.  Reported: accuracy@161 km (share of errors under
    161 km, strictly), mean and median error, and AUC (see ``auc``).  ``None``
    when there is no such pair.

Variants
    ``literal_only``: gold toponyms with ``literal: false`` are left out (neither
    hits nor misses).  They still take part in matching, so a prediction on one
    is recognised as such: it is neutral (counted in ``neutral``), or with
    ``nonliteral_as_fp=True`` a false positive (a tool that maps "Washington
    said" is wrong).  ``nonliteral_as_fp`` implies ``literal_only``.  A gold
    toponym without a ``literal`` field (LGL) is literal.

    ``coords_only``: the "all toponyms that have coordinates" convention under
    which the README's table of published results was computed with the EUPEG
    scorer.  My reading of the README and of EUPEG's scorer: gold toponyms
    without coordinates are dropped from the gold before matching, so missing
    them costs nothing and, as in EUPEG, a prediction on one has nothing to match
    and is a false positive.  Without ``coords_only`` (the README's scoring
    rules) every gold toponym counts for recognition and those without
    coordinates are only left out of resolution.  One difference from EUPEG
    remains on purpose: EUPEG drops predictions that have no coordinates before
    matching, while the README (and Gritta et al.) count a matched one as
    20,039 km.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .models import haversine_km

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error
ACC_KM = 161.0  # 100 miles
MATCH_WINDOW = 10  # span midpoints must be closer than this (characters)


def auc(errors_km: Iterable[float]) -> float | None:
    """Area under the curve of log errors, normalised; lower is better.

    As defined by Gritta et al. ("What's missing in geographical parsing?", 2018;
    "A pragmatic guide to geoparsing evaluation", 2020) and implemented in
    EUPEG: the errors are sorted in ascending order and each becomes
    ``ln(1 + e) / ln(20039)``; the area under that curve, by the trapezoidal rule
    with unit steps, is divided by ``n - 1`` (the width of the curve), giving 0
    for perfect answers and 1 for answers on the other side of the Earth (a
    20,039 km error scores ln(20040)/ln(20039), a hair above 1).  Sorting makes
    the result independent of the order of the pairs (Gritta's script applies
    the rule to the errors in their input order, EUPEG sorts).  With one error
    the curve is a point and its value is returned (EUPEG returns 0 there);
    with none, ``None``.
    """
    ys = sorted(math.log1p(max(0.0, e)) / math.log(MAX_ERROR_KM) for e in errors_km)
    if not ys:
        return None
    if len(ys) == 1:
        return ys[0]
    area = sum(ys) - (ys[0] + ys[-1]) / 2
    return area / (len(ys) - 1)


def resolution_metrics(errors_km: Sequence[float]) -> dict[str, float | None]:
    """acc@161, mean and median error (km) and AUC of a list of errors."""
    if not errors_km:
        return {"acc161": None, "mean_km": None, "median_km": None, "auc": None}
    return {
        "acc161": sum(1 for e in errors_km if e < ACC_KM) / len(errors_km),
        "mean_km": statistics.fmean(errors_km),
        "median_km": statistics.median(errors_km),
        "auc": auc(errors_km),
    }


def _coords(item: Mapping[str, Any]) -> tuple[float, float] | None:
    lat, lon = item.get("lat"), item.get("lon")
    if lat is None or lon is None:
        return None
    try:
        flat, flon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(flat) and math.isfinite(flon)):
        return None
    return flat, flon


def _mid(item: Mapping[str, Any]) -> float:
    return (float(item["start"]) + float(item["end"])) / 2


def match(
    gold: Sequence[Mapping[str, Any]],
    predicted: Sequence[Mapping[str, Any]],
    text: str | None = None,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of one article, closest first."""

    def surface(t: Mapping[str, Any]) -> str:
        name = t.get("name")
        if name is None and text is not None:
            name = text[int(t["start"]) : int(t["end"])]
        return str(name or "").casefold()

    gnames = [surface(g) for g in gold]
    pnames = [surface(p) for p in predicted]
    options: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        gm = _mid(g)
        for pi, p in enumerate(predicted):
            d = abs(gm - _mid(p))
            if d < MATCH_WINDOW and gnames[gi] and gnames[gi] == pnames[pi]:
                options.append((d, gi, pi))
    options.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in options:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(
    gold: list[dict],
    predicted: list[dict],
    *,
    literal_only: bool = False,
    nonliteral_as_fp: bool = False,
    coords_only: bool = False,
) -> dict:
    """Recognition and resolution scores of ``predicted`` against ``gold``.

    See the module docstring for the rules.  Articles are joined on ``id``;
    predictions for articles absent from the gold are not scored (counted in
    ``unknown_articles``); a gold article without predictions has all its
    toponyms missed.  Returns counts (``tp``, ``fp``, ``fn``, ``neutral``,
    ``gold``, ``predicted``, ``resolved_pairs``, ``unresolved``), ``precision``,
    ``recall``, ``f1``, ``acc161``, ``mean_km``, ``median_km``, ``auc`` and the
    ``settings`` used.
    """
    literal_only = literal_only or nonliteral_as_fp
    preds: dict[str, list[Mapping[str, Any]]] = {}
    for item in predicted:
        preds.setdefault(str(item.get("id")), []).extend(item.get("toponyms") or [])
    gold_ids = {str(a.get("id")) for a in gold}

    def excluded(g: Mapping[str, Any]) -> bool:
        return literal_only and g.get("literal", True) is False

    tp = fp = fn = neutral = unresolved = 0
    errors: list[float] = []
    for article in gold:
        aid = str(article.get("id"))
        tops = list(article.get("toponyms") or [])
        if coords_only:
            tops = [g for g in tops if _coords(g) is not None]
        ptops = preds.pop(aid, [])
        pairs = match(tops, ptops, article.get("text"))
        matched_p = {pi for _, pi in pairs}
        matched_g = {gi for gi, _ in pairs}
        fp += len(ptops) - len(matched_p)
        fn += sum(1 for gi, g in enumerate(tops) if gi not in matched_g and not excluded(g))
        for gi, pi in pairs:
            g, p = tops[gi], ptops[pi]
            if excluded(g):
                if nonliteral_as_fp:
                    fp += 1
                else:
                    neutral += 1
                continue
            tp += 1
            gc = _coords(g)
            if gc is None:
                continue
            pc = _coords(p)
            if pc is None:
                unresolved += 1
                errors.append(MAX_ERROR_KM)
            else:
                errors.append(min(MAX_ERROR_KM, haversine_km(*gc, *pc)))

    unknown = [aid for aid in preds if aid not in gold_ids]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(gold),
        "gold": tp + fn,
        "predicted": tp + fp,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "neutral": neutral,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "resolved_pairs": len(errors),
        "unresolved": unresolved,
        **resolution_metrics(errors),
        "unknown_articles": len(unknown),
        "settings": {
            "literal_only": literal_only,
            "nonliteral_as_fp": nonliteral_as_fp,
            "coords_only": coords_only,
        },
    }


def load_jsonl(path: str) -> list[dict]:
    import json

    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(gold: list[dict], pipe: Any, *, literal_only: bool = False, executor: Any = None) -> list[dict]:
    """Run ``pipe`` (a ``mapper.pipeline.Pipeline``) over the gold texts; predictions in scorer shape."""
    from .extract import toponym_records
    from .ingest import article_from_text

    out = []
    for result in pipe.pipe((article_from_text(str(doc["id"]), doc["text"]) for doc in gold), executor):
        rec = toponym_records(result)
        if literal_only:
            rec["toponyms"] = [t for t in rec["toponyms"] if t["literal"]]
        out.append(rec)
    return out
