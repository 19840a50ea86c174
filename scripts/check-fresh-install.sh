#!/usr/bin/env bash
# A fresh install as a user makes it: a new venv with the pip that ships with Python
# (no upgrade), `pip install .`, then `mapper run` over an HTML and a text article.
# Catches dependencies that only a newer pip resolves (lxml's html-clean extra).
# scripts/test.sh runs it; MAPPER_SKIP_INSTALL_CHECK=1 skips it in a local loop.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${MAPPER_SKIP_INSTALL_CHECK:-}" = 1 ] && { echo "fresh-install check skipped"; exit 0; }
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" -m venv "$tmp/venv"
echo "fresh-install check: $("$tmp/venv/bin/pip" --version | cut -d' ' -f1-2), pip install ."
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check . 2> >(grep -v "is ignored: it is neither" >&2)
mkdir -p "$tmp/in"
cat > "$tmp/in/page.html" <<'HTML'
<html><head><title>Depot hit</title></head><body><article>
<p>A drone struck a fuel depot in the town of Akashat on Sunday, killing three people, officials said.
Residents said the blast was heard across the valley and that the fire burned for hours afterwards.</p>
</article></body></html>
HTML
printf 'Strikes hit the town of Al-Qaim on Monday, killing two people, officials said.\n' > "$tmp/in/note.txt"
"$tmp/venv/bin/mapper" run "$tmp/in" -o "$tmp/out" --offline --no-map -q 2> "$tmp/err" || { cat "$tmp/err"; exit 1; }
if [ -s "$tmp/err" ]; then echo "fresh install: the run warned:"; cat "$tmp/err"; exit 1; fi
"$tmp/venv/bin/python" - "$tmp/out/sites.geojson" <<'PY'
import json, sys
fc = json.load(open(sys.argv[1]))
arts = {a for f in fc["features"] for a in f["properties"]["articles"]}
assert {"page.html", "note.txt"} <= arts, f"both articles should be mapped, got {sorted(arts)}"
print("fresh-install check: both articles read and mapped")
PY
