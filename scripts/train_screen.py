#!/usr/bin/env python3
"""Learn the events stage's screen (``mapper/events/screen.py``) from sets of reports with gold.

usage:
  python scripts/train_screen.py collect GOLD.jsonl... -o drafts.jsonl
  python scripts/train_screen.py folds drafts.jsonl -o FOLDDIR [--c C]
  python scripts/train_screen.py train drafts.jsonl -o mapper/events/screen.json --threshold T [--c C]

A gold file holds one report per line, ``{"id", "source_dataset": "<SET> ...", "text", "events":
[{"places": [...], ...}]}`` (the shape of ``../shared/eval``'s sets).  ``collect`` runs the
mapper's stages over each report (offline, as ``mapper run --offline``) with a ``Recorder`` in
place of the screen, and writes one line per draft event that names places of its own: its
features, its set, and whether one of its places is a gold place of the report (matched as
``score_events.py`` matches a site: folded names, equal or one inside the other).

``folds`` trains one model per set on all the other sets and writes ``FOLDDIR/<SET>.json``, a
weights file to measure that set with (``STRIKE_MAPPER_SCREEN=FOLDDIR/<SET>.json``), and prints
for each set and threshold the share of its right and wrong drafts the model would drop.
``train`` learns from every draft and writes the weights file the package ships.

Logistic regression with L2 (scikit-learn's liblinear), on features seen at least twice.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mapper.events.screen import Screen

# places too coarse for a wrong one to matter in a report of an attack (it yields to the finer
# places of the report's events, and a report's gold names its town)
COARSE = frozenset({"country", "territory", "continent", "macro-region", "sea", "river", "admin1", "region"})
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(?:al|el|ad|ar|as|an|at|az)[- ]", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def matches(gold: set[str], keys: set[str]) -> bool:
    return any(g and any(g == k or (len(g) > 3 and (g in k or k in g)) for k in keys if k) for g in gold)


def read_lines(paths: list[Path]) -> Iterator[dict[str, Any]]:
    """The records of JSON-lines files (split at newlines only: a text may hold U+2028)."""
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                yield json.loads(line)


def offline_pipeline() -> Any:
    """The stages as ``mapper run --offline`` builds them."""
    from mapper.config import GeocoderConfig, PipelineConfig
    from mapper.pipeline import Pipeline

    return Pipeline.from_config(PipelineConfig(geocoder=GeocoderConfig(offline=True)))


def collect(golds: list[Path], out: Path) -> None:
    from mapper.events.screen import Recorder
    from mapper.ingest import article_from_text

    pipe = offline_pipeline()
    rows = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc in read_lines(golds):
            gold = {fold(p) for e in doc.get("events") or [] for p in e.get("places") or []}
            pipe.screen = rec = Recorder()
            pipe.analyse(article_from_text(doc["id"], doc["text"]))
            for features, places in rec.seen:
                keys = set()
                for m in places:
                    keys |= {
                        fold(m.surface),
                        fold(m.place.name if m.place else ""),
                        fold(m.place.admin1 if m.place else ""),
                    }
                row = {
                    "set": doc["source_dataset"].split()[0],
                    "doc": doc["id"],
                    "label": int(matches(gold, keys)),
                    "attack": bool(gold),
                    "coarse": all(m.place is not None and m.place.feature_type in COARSE for m in places),
                    "features": features,
                }
                fh.write(json.dumps(row) + "\n")
                rows += 1
    print(f"{rows} drafts written to {out}", file=sys.stderr)


def collect_sentences(paths: list[Path], out: Path) -> None:
    """One row per labelled sentence that holds a trigger and a place: the features the screen
    would see of a draft event in that sentence."""
    from mapper.events import find_triggers
    from mapper.events.screen import draft_features
    from mapper.ingest import article_from_text
    from mapper.text import split_sentences
    from mapper.toponyms import find_toponyms

    pipe = offline_pipeline()
    rows = skipped = 0
    with out.open("w", encoding="utf-8") as fh:
        for rec in read_lines(paths):
            article = article_from_text(rec["id"], rec["text"])
            sentences = split_sentences(article.clean)
            mentions, _ = pipe.resolver.resolve(article, find_toponyms(article, sentences, pipe.matcher))
            found = find_triggers(article.clean, sentences)
            # the sentence of the snippet that tells of an event (as find_events drafts it)
            at = next((k for k, ts in enumerate(found) if any(not t.recalled for t in ts)), None)
            if at is None:
                at = next((k for k, ts in enumerate(found) if ts), None)
            if at is None:
                skipped += 1
                continue
            sent = sentences[at]
            now = [t for t in found[at] if not t.recalled] or found[at]
            places = [m for m in mentions if sent.start <= m.cstart < sent.end and m.literal and m.place]
            if not places:
                skipped += 1
                continue
            features = draft_features(article.clean, sent, now, places, mentions)
            row = {
                "set": rec["id"].split("-")[0],
                "doc": rec["id"],
                "label": int(rec["label"]),
                "features": features,
            }
            fh.write(json.dumps(row) + "\n")
            rows += 1
    print(f"{rows} sentences written to {out} ({skipped} without a trigger or a place)", file=sys.stderr)


def read(path: Path) -> list[dict[str, Any]]:
    return list(read_lines([path]))


def usable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows to learn from: not a draft at a coarse place (a country, a province) that no gold
    place matches in a report of an attack, which does no harm (it yields to the report's finer
    places) and would teach the screen that provinces are never struck."""
    return [r for r in rows if not (r.get("attack") and r.get("coarse") and not r["label"])]


def fit(rows: list[dict[str, Any]], c: float) -> tuple[dict[str, float], Any]:
    from sklearn.linear_model import LogisticRegression

    rows = usable(rows)

    counts = collections.Counter(x for r in rows for x in r["features"])
    vocab = sorted(x for x, n in counts.items() if n >= 2 and x != "bias")
    index = {x: i for i, x in enumerate(vocab)}
    from scipy.sparse import lil_matrix

    m = lil_matrix((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        for x in r["features"]:
            j = index.get(x)
            if j is not None:
                m[i, j] = 1.0
    y = [r["label"] for r in rows]
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)
    model.fit(m.tocsr(), y)
    weights = {x: round(float(w), 4) for x, w in zip(vocab, model.coef_[0], strict=True) if abs(w) >= 1e-4}
    weights["bias"] = round(float(model.intercept_[0]), 4)
    return weights, model


def weights_file(weights: dict[str, float], threshold: float, about: dict[str, Any]) -> str:
    return json.dumps({**about, "threshold": threshold, "weights": dict(sorted(weights.items()))}, indent=0) + "\n"


def folds(rows: list[dict[str, Any]], extra: list[dict[str, Any]], outdir: Path, c: float, threshold: float) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    sets = sorted({r["set"] for r in rows})
    total: collections.Counter[Any] = collections.Counter()
    print("set      right  wrong  " + "  ".join(f"t={t:<4}" for t in THRESHOLDS) + "   (dropped right/wrong)")
    for s in sets:
        train = [r for r in rows if r["set"] != s] + extra
        test = usable([r for r in rows if r["set"] == s])
        weights, _ = fit(train, c)
        about = {"trained_on": sorted((set(sets) - {s}) | {r["set"] for r in extra}), "held_out": s, "c": c}
        (outdir / f"{s}.json").write_text(weights_file(weights, threshold, about), encoding="utf-8")
        model = Screen(weights, threshold)
        probs = [(model.probability(r["features"]), r["label"]) for r in test]
        pos = sum(lab for _, lab in probs)
        neg = len(probs) - pos
        cells = []
        for t in THRESHOLDS:
            dp = sum(1 for p, lab in probs if lab and p < t)
            dn = sum(1 for p, lab in probs if not lab and p < t)
            total[(t, 1)] += dp
            total[(t, 0)] += dn
            cells.append(f"{dp:>3}/{dn:<3}")
        total["pos"] += pos
        total["neg"] += neg
        print(f"{s:<8} {pos:>5}  {neg:>5}  " + "  ".join(cells))
    cells = [f"{total[(t, 1)]:>3}/{total[(t, 0)]:<3}" for t in THRESHOLDS]
    print(f"{'all':<8} {total['pos']:>5}  {total['neg']:>5}  " + "  ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="verb", required=True)
    a = sub.add_parser("collect")
    a.add_argument("gold", nargs="+", type=Path)
    a.add_argument("-o", "--out", type=Path, required=True)
    a2 = sub.add_parser("collect-sentences")
    a2.add_argument("sentences", nargs="+", type=Path)
    a2.add_argument("-o", "--out", type=Path, required=True)
    b = sub.add_parser("folds")
    b.add_argument("drafts", type=Path, help="rows held out one set at a time")
    b.add_argument("--extra", type=Path, nargs="*", default=[], help="rows every fold learns from (sentences)")
    b.add_argument("-o", "--out", type=Path, required=True)
    b.add_argument("--c", type=float, default=1.0)
    b.add_argument("--threshold", type=float, default=0.2, help="written into each fold's weights file")
    t = sub.add_parser("train")
    t.add_argument("drafts", type=Path, nargs="+", help="rows of drafts and of sentences")
    t.add_argument("-o", "--out", type=Path, required=True)
    t.add_argument("--c", type=float, default=1.0)
    t.add_argument("--threshold", type=float, required=True)
    t.add_argument("--about", type=Path, help="a JSON file of what to say of the weights (sets, figures)")
    args = ap.parse_args()
    if args.verb == "collect":
        collect(args.gold, args.out)
    elif args.verb == "collect-sentences":
        collect_sentences(args.sentences, args.out)
    elif args.verb == "folds":
        folds(read(args.drafts), [r for p in args.extra for r in read(p)], args.out, args.c, args.threshold)
    else:
        rows = [r for p in args.drafts for r in read(p)]
        weights, _ = fit(rows, args.c)
        about = json.loads(args.about.read_text(encoding="utf-8")) if args.about else {}
        about.setdefault("trained_on", sorted({r["set"] for r in rows}))
        about["c"] = args.c
        args.out.write_text(weights_file(weights, args.threshold, about), encoding="utf-8")
        print(f"{len(weights)} weights written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
