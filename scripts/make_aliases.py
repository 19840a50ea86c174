"""Regenerate data/aliases.csv: other names of countries and regions, and their demonyms.

Derived rows come from the countryinfo package (MIT; its data is compiled from
public country facts): each country's demonym ("Russian" -> Russia, and the
plural "Russians") and its alternative spellings ("USA").  A short hand-made
list adds what it lacks (AP-style abbreviations such as "U.S." and "Calif.",
continent adjectives).  Run from the repository root:

    .venv/bin/python scripts/make_aliases.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "aliases.csv"
COLUMNS = ["alias", "target", "country", "feature_type", "kind", "source"]

# alias, target place name, country (ISO2), feature type, kind
MANUAL = [
    ("U.S.", "United States", "US", "country", "alias"),
    ("U.S.A.", "United States", "US", "country", "alias"),
    ("US", "United States", "US", "country", "alias"),
    ("USA", "United States", "US", "country", "alias"),
    ("America", "United States", "US", "country", "alias"),
    ("United States of America", "United States", "US", "country", "alias"),
    ("UK", "United Kingdom", "GB", "country", "alias"),
    ("U.K.", "United Kingdom", "GB", "country", "alias"),
    ("Britain", "United Kingdom", "GB", "country", "alias"),
    ("Great Britain", "United Kingdom", "GB", "country", "alias"),
    ("UAE", "United Arab Emirates", "AE", "country", "alias"),
    ("U.A.E.", "United Arab Emirates", "AE", "country", "alias"),
    ("DRC", "Democratic Republic of the Congo", "CD", "country", "alias"),
    ("DPRK", "North Korea", "KP", "country", "alias"),
    ("PRC", "China", "CN", "country", "alias"),
    ("EU", "Europe", "", "continent", "alias"),
    ("E.U.", "Europe", "", "continent", "alias"),
    ("European Union", "Europe", "", "continent", "alias"),
    ("European", "Europe", "", "continent", "demonym"),
    ("African", "Africa", "", "continent", "demonym"),
    ("Asian", "Asia", "", "continent", "demonym"),
    ("Middle Eastern", "Middle East", "", "macro-region", "demonym"),
    ("Latin American", "Latin America", "", "macro-region", "demonym"),
    ("North American", "North America", "", "continent", "demonym"),
    ("South American", "South America", "", "continent", "demonym"),
    ("Caribbean", "Caribbean", "", "macro-region", "demonym"),
    ("Scandinavian", "Scandinavia", "", "macro-region", "demonym"),
    ("Balkan", "Balkans", "", "macro-region", "demonym"),
    ("British", "United Kingdom", "GB", "country", "demonym"),
    ("Scottish", "United Kingdom", "GB", "country", "demonym"),
    ("Welsh", "United Kingdom", "GB", "country", "demonym"),
    ("Dutch", "Netherlands", "NL", "country", "demonym"),
    ("Emirati", "United Arab Emirates", "AE", "country", "demonym"),
    ("Palestinian", "Palestine", "PS", "country", "demonym"),
    ("Iraqi", "Iraq", "IQ", "country", "demonym"),
    ("American", "United States", "US", "country", "demonym"),
]
# AP-style abbreviations of US states (AP Stylebook convention)
US_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}


def main() -> int:
    from countryinfo import all_countries

    rows: dict[tuple[str, str], dict[str, str]] = {}
    derived: dict[tuple[str, str], tuple[int, dict[str, str]]] = {}

    def add(alias: str, target: str, cc: str, ftype: str, kind: str, source: str) -> None:
        alias = alias.strip()
        if len(alias) < 2 or (alias, kind) in rows:
            return
        rows[(alias, kind)] = dict(alias=alias, target=target, country=cc, feature_type=ftype, kind=kind, source=source)

    def derive(alias: str, target: str, cc: str, kind: str, source: str, population: int) -> None:
        # a demonym several countries share ("French") goes to the most populous one
        alias = alias.strip()
        if len(alias) < 3:
            return
        row = dict(alias=alias, target=target, country=cc, feature_type="country", kind=kind, source=source)
        old = derived.get((alias, kind))
        if old is None or population > old[0]:
            derived[(alias, kind)] = (population, row)

    for alias, target, cc, ftype, kind in MANUAL:
        add(alias, target, cc, ftype, kind, "curated")
    for abbr, state in US_STATES.items():
        add(abbr, state, "US", "admin1", "alias", "curated: AP Stylebook state abbreviation")
    for c in all_countries():
        try:
            name, iso = c.name(), c.iso()
            population = int(c.population() or 0)
        except Exception:
            continue
        cc = ((iso.get("alpha2") if isinstance(iso, dict) else "") or "").upper()
        if len(cc) != 2:
            continue
        src = "countryinfo (MIT)"
        for d in re.split(r"\s*[,/]\s*|\s+or\s+", c.demonym() or ""):
            if d and d[0].isupper() and " " not in d.strip():
                # the adjective only: "Russian forces" names a country, "Russians" names people
                derive(d, name, cc, "demonym", src + ": demonym", population)
        for alt in c.alt_spellings() or []:
            if len(alt) >= 4 and alt[0].isupper() and not alt.isupper():
                derive(alt, name, cc, "alias", src + ": alternative spelling", population)
    for key, (_, row) in derived.items():
        rows.setdefault(key, row)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in sorted(rows.values(), key=lambda r: (r["kind"], r["alias"])):
            w.writerow(r)
    print(f"{len(rows)} rows -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
