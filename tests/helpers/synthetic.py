"""Synthetic ``sites.geojson`` collections for the map's benchmark and load tests.

Deterministic (seeded), shaped like the pipeline's output, no real events.
"""

from __future__ import annotations

import random
from typing import Any


def synthetic_collection(n: int, *, seed: int = 7, mentioned_share: float = 0.1) -> dict[str, Any]:
    """``n`` sites scattered over the Levant and Mesopotamia, about 30 event dates."""
    rng = random.Random(seed)
    features = []
    for i in range(n):
        sid = f"syn-{i:05d}"
        lat = rng.uniform(29.0, 37.5)
        lon = rng.uniform(34.0, 48.5)
        struck = rng.random() >= mentioned_share
        article = f"{i % 997:03d}_{rng.getrandbits(64):016x}.txt"
        killed = rng.choice([None, None, 0, 1, 3, 8, 16, 40, 75, 120])
        day = rng.randint(1, 30) if rng.random() > 0.05 else None
        event_date = f"2024-01-{day:02d}" if struck and day else None
        quote = f"An air strike hit Site {i} on the outskirts, killing {killed or 'several'} people."
        features.append(
            {
                "type": "Feature",
                "id": sid,
                "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
                "properties": {
                    "site_id": sid,
                    "name": f"Site {i}",
                    "names_seen": [f"Site {i}", f"Site-{i}"],
                    "country": rng.choice(["IQ", "SY", "JO", "LB"]),
                    "admin1": f"Province {i % 17}",
                    "feature_type": "town",
                    "role": "struck" if struck else "mentioned",
                    "geo_precision": rng.choice([1, 1, 2, 3]),
                    "resolved_by": rng.choice(["gazetteer", "geonames", "geocoder:nominatim"]),
                    "event_date": event_date,
                    "articles": [article],
                    "outlets": ["Example Wire"],
                    "sources": [
                        {
                            "article": article,
                            "outlet": "Example Wire",
                            "title": f"Strikes reported near Site {i}",
                            "date": "2024-01-31",
                            "path": f"articles/{article}",
                        }
                    ],
                    "evidence": [{"article": article, "quote": quote, "start": 100, "end": 100 + len(quote)}]
                    if struck
                    else [],
                    "claims": [
                        {
                            "article": article,
                            "claimant": "a local official",
                            "victims": "people",
                            "killed_min": killed,
                            "killed_max": killed,
                            "injured_min": None,
                            "injured_max": None,
                            "quote": quote,
                            "sites": [sid],
                        }
                    ]
                    if struck and killed is not None
                    else [],
                    "killed_min": killed if struck else None,
                    "killed_max": killed if struck else None,
                    "injured_min": None,
                    "injured_max": None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
