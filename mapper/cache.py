"""The one folder for derived data: world gazetteer index, county table, map borders, geocoder answers.

``STRIKE_MAPPER_CACHE`` overrides the platform's user cache folder (useful for CI
and read-only homes).
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    override = os.environ.get("STRIKE_MAPPER_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("strike-mapper"))
