"""``mapper sites``: list the sites in the store (reads no article, changes nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .options import filter_options, note, open_store, output_option, shown, store_option, warn


@click.command("sites")
@output_option("Folder whose mapper.sqlite to read (unless --store says otherwise).")
@store_option("The store to read.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "geojson"]),
    default="table",
    show_default=True,
    help="A table, or the sites.geojson FeatureCollection on stdout.",
)
@click.option(
    "--role", type=click.Choice(["struck", "mentioned", "all"]), default="all", show_default=True, help="Which sites."
)
@filter_options
def sites(outdir: Path, store: Path | None, fmt: str, role: str, where: Any) -> None:
    """List the sites in the store (reads no article, changes nothing).

    \b
    Examples:
      mapper sites --role struck
      mapper sites --format geojson > sites.geojson
      mapper sites --since 2024-02-01 --country SY --min-killed 1
    """
    from ..export.geojson import CONTRACT_VERSION, dumps, feature_collection
    from ..outputs import build
    from ..store import default_store

    store_path = store or default_store(outdir)
    with open_store(store_path, lock=False, create=False, migrate=False, readonly=True) as st:
        with st.snapshot():  # one view, while a run may be storing
            features = st.features() if st.sites_current() else None
            n_articles = st.article_count()
        if features is None:  # a run is adding articles, was killed before storing its sites, or one is damaged
            for p in st.take_damaged():
                warn(p)
            note("the stored sites are behind the stored articles; showing sites rebuilt from the articles")
            result = build(st, on_problem=warn)
            features = feature_collection(result.sites, {a.id: a for a in result.articles})["features"]
            n_articles = len(result.articles)
    if role != "all":
        features = [f for f in features if f["properties"]["role"] == role]
    if where is not None:
        features = [f for f in features if where.feature(f)]
    if fmt == "geojson":
        click.echo(
            dumps({"type": "FeatureCollection", "mapper_contract": CONTRACT_VERSION, "features": features}), nl=False
        )
        return
    print_sites(features, f"{n_articles} articles in {store_path}")


def _range(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return ""
    if lo == hi:
        return str(lo)
    return f"{'?' if lo is None else lo}-{'' if hi is None else hi}".rstrip("-") + ("+" if hi is None else "")


def print_sites(features: list[dict[str, Any]], where: str) -> None:
    head = ("SITE", "ROLE", "DATE", "NAME", "CC", "KILLED", "INJURED", "ARTICLES")
    rows = [head]
    for f in features:
        p = f["properties"]
        rows.append(
            (
                p["site_id"],
                p["role"],
                p["event_date"] or "",
                p["name"],
                p["country"] or "",
                _range(p["killed_min"], p["killed_max"]),
                _range(p["injured_min"], p["injured_max"]),
                str(len(p["articles"])),
            )
        )
    cells = [[shown(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(head))]
    for r in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    struck = sum(1 for f in features if f["properties"]["role"] == "struck")
    click.echo(shown(f"{len(features)} sites ({struck} struck, {len(features) - struck} mentioned); {where}"))
