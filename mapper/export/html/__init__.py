"""The standalone HTML map: Leaflet and markercluster inlined from their packages, the page's own
script and style from ``assets/``, the site data as inert JSON."""

from .map import render_map, write_map

__all__ = ["render_map", "write_map"]
