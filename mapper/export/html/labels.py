"""Place names for the map's offline base layer: the larger towns of the world gazetteer.

Without tiles, the offline layer is only country borders; an analyst needs the
towns to see where the sites are.  The labels are the populated places of the world
gazetteer (GeoNames cities500, CC BY 4.0: credited on the page) read from
``mapper.places.world``: the cities of a million people or more everywhere, and
around the sites (their box, widened by ``MARGIN_DEG``) the towns of ``NEAR_MIN``
people or more, the largest ``MAX_NEAR`` of them.  Each carries the least zoom at
which it is drawn (larger places from further out), so the page draws a few dozen at
a time; the whole list costs about 40 bytes a town.

The index is opened only when it is already built (a run with the world gazetteer
builds it): drawing a map never starts that 20-second build, and without it the map
has no labels.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

log = logging.getLogger(__name__)

WORLD_MIN = 1_000_000  # everywhere: cities of at least this many people
NEAR_MIN = 15_000  # near the sites: towns of at least this many
MAX_NEAR = 1_500
MARGIN_DEG = 2.0
# (least population, least zoom): a place is drawn from that zoom in
ZOOMS = ((5_000_000, 3), (1_000_000, 4), (300_000, 6), (100_000, 7), (40_000, 8), (0, 9))


def least_zoom(population: int) -> int:
    return next(z for floor, z in ZOOMS if population >= floor)


def _world() -> Any | None:
    """The world gazetteer if its index is built and current; None otherwise (never builds it)."""
    try:
        from ...places.world.fileformat import cache_path, source_versions
        from ...places.world.index import WorldGazetteer, default_cache_dir

        versions = source_versions()
        return WorldGazetteer.open(cache_path(default_cache_dir(), versions), versions)
    except Exception as exc:  # not built, or unusable: no labels (a run rebuilds it)
        log.debug("no place labels: %s", exc)
        return None


def place_labels(sites: Iterable[Mapping[str, Any]], world: Any | None = None) -> list[list[Any]]:
    """``[name, lat, lon, least zoom]`` of the places to label, largest first.

    ``sites`` are the page's site views (``la``/``lo``; the struck ones, ``m`` false, set
    the box when there are any); ``world`` a ``WorldGazetteer`` (default: the built one).
    """
    world = world if world is not None else _world()
    if world is None:
        return []
    points = [(s["la"], s["lo"]) for s in sites if not s.get("m")] or [(s["la"], s["lo"]) for s in sites]
    found: dict[tuple[str, float, float], int] = {}
    for name, lat, lon, pop in world.towns(WORLD_MIN):
        found[(name, lat, lon)] = pop
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        box = (
            max(-90.0, min(lats) - MARGIN_DEG),
            max(-180.0, min(lons) - MARGIN_DEG),
            min(90.0, max(lats) + MARGIN_DEG),
            min(180.0, max(lons) + MARGIN_DEG),
        )
        near = sorted(world.towns(NEAR_MIN, box), key=lambda t: (-t[3], t[0]))[:MAX_NEAR]
        for name, lat, lon, pop in near:
            found[(name, lat, lon)] = pop
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    return [[name, round(lat, 4), round(lon, 4), least_zoom(pop)] for (name, lat, lon), pop in ranked]
