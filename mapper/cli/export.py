"""``mapper export``: render the outputs from the store, without reading any article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .options import filter_options, open_store, output_option, store_options, warn

FORMATS = ("geojson", "csv", "gpkg", "html", "kml", "acled", "corrections")


@click.command("export")
@output_option("Folder to write into; its mapper.sqlite is the store unless --store says otherwise.")
@store_options
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="What to write (repeatable): sites.geojson, sites.csv, sites.gpkg, map.html, sites.kml (Google Earth), "
    "acled.csv (ACLED's columns, one row per struck site), corrections.csv (the analyst's corrections, "
    "for `mapper fix --load`).  [default: geojson, csv, html]",
)
@filter_options
def export(outdir: Path, store: Path | None, wait: float | None, formats: tuple[str, ...], where: Any) -> None:
    """Render the outputs from the store, without reading any article.

    The filters (--since, --country, ...) choose the sites the outputs hold; the
    stored sites stay whole.  Write a filtered export into another folder:
    --store names the store, -o the folder.

    \b
    Examples:
      mapper export --format gpkg
      mapper export --format kml --format acled
      mapper export --format corrections        # corrections.csv, for `mapper fix --load`
      mapper export --store output/mapper.sqlite -o output/syria-feb --country SY --since 2024-02-01
      mapper export --store ~/maps/mapper.sqlite -o /tmp/map --format html
    """
    from ..outputs import refresh
    from ..store import default_store

    with open_store(store or default_store(outdir), wait, create=False) as st:
        result = refresh(st, outdir, formats or ("geojson", "csv", "html"), where=where, on_problem=warn)
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<8} {path}")
