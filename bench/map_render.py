"""Benchmark the standalone HTML map: write 10,000 synthetic sites, open them offline.

    .venv/bin/python bench/map_render.py [--sites 10000] [--out map.html] [--runs 3]

Prints the file size, the time to write the file (first write includes
simplifying the borders; later ones reuse them), and the time until every struck
site is on screen (as a marker or counted in a cluster) in Debian's chromium,
headless, with every non-file:// request blocked.  Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mapper.export.html.map import write_map

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the test helpers: a browser and a synthetic map
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, COUNT_JS
from tests.helpers.synthetic import synthetic_collection

# every struck site on screen: the time, else false
ON_SCREEN = f"(expected) => ({COUNT_JS})('struck') === expected ? performance.now() : false"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3, help="browser loads to time")
    ap.add_argument("--out", type=Path, help="where to write the map (default: a temp dir)")
    args = ap.parse_args()

    fc = synthetic_collection(args.sites)
    struck = sum(1 for f in fc["features"] if f["properties"]["role"] == "struck")
    out = args.out or Path(tempfile.mkdtemp(prefix="map-bench-")) / "map.html"

    writes = []
    for _ in range(3):
        t0 = time.perf_counter()
        write_map(fc, out, title=f"Benchmark: {args.sites:,} synthetic sites")
        writes.append(time.perf_counter() - t0)
    size = os.path.getsize(out)
    print(f"sites:            {args.sites:,} ({struck:,} struck)")
    print(f"file:             {out}")
    print(f"file size:        {size / 1e6:.2f} MB ({size:,} bytes)")
    print(f"write, first:     {writes[0]:.2f} s (includes simplifying the borders)")
    print(f"write, warm:      {statistics.median(writes[1:]):.2f} s (median of {len(writes) - 1})")

    if not os.access(CHROMIUM, os.X_OK):
        print(f"browser:          skipped, {CHROMIUM} missing (scripts/ensure-chromium.sh)")
        return 0
    from playwright.sync_api import sync_playwright

    walls, pages = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
            )
            t0 = time.perf_counter()
            page.goto(out.as_uri())
            handle = page.wait_for_function(ON_SCREEN, arg=struck, polling="raf", timeout=120_000)
            walls.append(time.perf_counter() - t0)
            pages.append(float(handle.json_value()) / 1000)
            t1 = time.perf_counter()
            page.fill(".sm-search input", f"Site {args.sites - 1}")
            page.press(".sm-search input", "Enter")
            page.wait_for_selector(".leaflet-popup-content .sm-popup", timeout=30_000)
            search = time.perf_counter() - t1
            context.close()
        browser.close()
    print(
        f"markers on screen: {statistics.median(walls):.2f} s wall from navigation "
        f"(median of {len(walls)}; runs: {', '.join(f'{w:.2f}' for w in walls)})"
    )
    print(f"                   {statistics.median(pages):.2f} s by the page's own clock")
    print(f"search + popup:    {search:.2f} s (last run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
