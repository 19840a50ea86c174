"""``mapper export``: render the outputs from the store, without reading any article."""

from __future__ import annotations

from pathlib import Path

import click

from .options import open_store, output_option, store_options, warn

FORMATS = ("geojson", "csv", "gpkg", "html")


@click.command("export")
@output_option("Folder to write into; its mapper.sqlite is the store unless --store says otherwise.")
@store_options
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="What to write (repeatable): sites.geojson, sites.csv, sites.gpkg, map.html.  [default: geojson, csv, html]",
)
def export(outdir: Path, store: Path | None, wait: float | None, formats: tuple[str, ...]) -> None:
    """Render the outputs from the store, without reading any article.

    \b
    Examples:
      mapper export --format gpkg
      mapper export --store ~/maps/mapper.sqlite -o /tmp/map --format html
    """
    from ..pipeline import refresh
    from ..store import default_store

    with open_store(store or default_store(outdir), wait, create=False) as st:
        result = refresh(st, outdir, formats or ("geojson", "csv", "html"), on_problem=warn)
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<8} {path}")
