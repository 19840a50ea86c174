#!/usr/bin/env bash
# Write the outputs that a refactoring or a speed-up must leave byte-identical into OUTDIR:
#   seeds/            mapper run seeds/ (store, --no-store, --jobs 2): sites.geojson, sites.csv, map.html, report.json
#   extract/          mapper extract over GWN and LGL (../shared/eval, when present) and the seeds
#   attacks/          mapper run over the texts of ../shared/eval/attacks_dev.jsonl (when present)
#   big/              mapper run over BIG (default 10000; 0 skips it) marked copies of the benchmark's
#                     corpus (bench/throughput.py), --jobs 1 and --jobs 2: sites.geojson, sites.csv,
#                     report.json and a dump of the store's rows (scripts/dump-store.py)
# Compare two such folders with:  diff -r OUT_BEFORE OUT_AFTER && echo identical
# MAPPER (default .venv/bin/mapper) is the command measured, e.g. "env PYTHONPATH=OTHER_CHECKOUT .venv/bin/python -P -m mapper" for another checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/reference-outputs.sh OUTDIR}"
mapper="${MAPPER:-.venv/bin/mapper}"
export SOURCE_DATE_EPOCH=1700000000  # the map's run date
rm -rf "$out" && mkdir -p "$out/seeds" "$out/extract" "$out/attacks"
# a fixed work folder: the outputs name the articles' paths, which must not differ between runs
tmp="${TMPDIR:-/tmp}/mapper-reference-work"
rm -rf "$tmp" && mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
keep() { for f in sites.geojson sites.csv map.html report.json; do [ -f "$1/$f" ] && cp "$1/$f" "$2.$f"; done; true; }
$mapper run seeds/ -o "$tmp/a" --offline -q && keep "$tmp/a" "$out/seeds/store"
$mapper run seeds/ -o "$tmp/b" --offline -q --no-store && keep "$tmp/b" "$out/seeds/nostore"
$mapper run seeds/ -o "$tmp/c" --offline -q --jobs 2 && keep "$tmp/c" "$out/seeds/jobs2"
$mapper extract seeds/ --offline > "$out/extract/seeds.jsonl"
eval_dir=../shared/eval
if [ -d "$eval_dir" ]; then
  $mapper extract "$eval_dir/gwn.jsonl" --offline > "$out/extract/gwn.jsonl"
  $mapper extract "$eval_dir/lgl.jsonl" --offline > "$out/extract/lgl.jsonl"
  mkdir -p "$tmp/att"
  python3 - "$eval_dir/attacks_dev.jsonl" "$tmp/att" <<'PY'
import json, sys, pathlib
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    pathlib.Path(sys.argv[2], d["id"] + ".txt").write_text(d["text"], encoding="utf-8")
PY
  $mapper run "$tmp/att" -o "$tmp/d" --offline -q --no-map && keep "$tmp/d" "$out/attacks/run"
fi
big="${BIG:-10000}"
if [ "$big" -gt 0 ]; then
  mkdir -p "$out/big"
  python3 - "$big" "$tmp/big" <<'PY'
import sys, pathlib
sys.path.insert(0, "bench")
from throughput import source_articles, write_corpus
write_corpus(pathlib.Path(sys.argv[2]), int(sys.argv[1]), source_articles()[0])
PY
  for jobs in 1 2; do
    $mapper run "$tmp/big" -o "$tmp/big$jobs" --offline -q --no-map --jobs $jobs && keep "$tmp/big$jobs" "$out/big/jobs$jobs"
    python3 scripts/dump-store.py "$tmp/big$jobs/mapper.sqlite" > "$out/big/jobs$jobs.store.txt"
  done
fi
echo "reference outputs in $out"
