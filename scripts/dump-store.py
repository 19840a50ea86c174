#!/usr/bin/env python3
"""Print the rows of a mapper store that a run's analyses decide, in a fixed order, to compare
two stores with diff: every table but the times things were done (articles.added, files.seen,
files.mtime_ns, meta) and the code fingerprint (articles.analysis).  Texts are printed
decompressed and offset maps decoded, so that two stores holding the same things in another
encoding print the same.

    python3 scripts/dump-store.py output/mapper.sqlite > rows.txt
"""

from __future__ import annotations

import json
import sqlite3
import sys
import zlib

SKIP = {"articles": {"added", "analysis"}, "files": {"seen", "mtime_ns"}}
KEYS = {
    "articles": "sha256",
    "mentions": "sha256, seq",
    "claims": "sha256, seq",
    "places": "place_id",
    "sites": "ord",
    "files": "path",
    "corrections": "id",
}


def offsets(raw: object) -> object:
    """The offset map, whatever form the store keeps it in: a list of (clean, text) run starts."""
    if isinstance(raw, bytes):  # a binary form: try the text form's decoder of a newer mapper
        try:
            from mapper.store.codec import unpack_runs  # type: ignore[attr-defined]

            return unpack_runs(raw)
        except ImportError:
            return raw.hex()
    return json.loads(str(raw))


def main(path: str) -> None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for table, key in KEYS.items():
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in SKIP.get(table, set())]
        print(f"## {table}: {', '.join(cols)}")
        for row in con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}"):
            cells = []
            for c, v in zip(cols, row, strict=True):
                if c in ("text", "clean") and isinstance(v, bytes):
                    v = zlib.decompress(v).decode("utf-8", "surrogatepass")
                elif c == "offsets":
                    v = offsets(v)
                cells.append(v.hex() if isinstance(v, bytes) else v)
            print(json.dumps(cells, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
