"""``mapper run``: read folders of articles, add what is new to the store, write the outputs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import (
    build_pipeline,
    config_options,
    errors,
    executor_options,
    note,
    output_option,
    store_options,
    warn,
)

EPILOG = """\b
Examples:
  mapper run seeds/
  mapper run ~/news/2024-02-03/ -o ~/maps/feb3
  mapper run a.txt b.html --offline --gazetteer my_places.csv
  mapper run ~/news/2024-02-04/ --store ~/maps/mapper.sqlite

\b
Each run adds the articles the store (OUTDIR/mapper.sqlite) lacks and maps
everything stored; a folder seen before is skipped without reading it again.
"""


@click.command(epilog=EPILOG)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_option("Folder for map.html, sites.geojson, sites.csv and report.json.")
@config_options
@click.option("--no-map", is_flag=True, help="Skip map.html (GeoJSON and CSV only).")
@click.option("--gpkg", is_flag=True, help="Also write sites.gpkg (GeoPackage: a sites layer, claims and sources).")
@store_options
@click.option(
    "--no-store",
    is_flag=True,
    help="Keep no store: map only the articles given, reading and analysing all of them.",
)
@click.option(
    "--commit-every",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Store finished analyses at least this often, so a killed run loses no more work than that "
    "(the last ones are stored once the outputs are written).",
)
@click.option(
    "--reanalyse",
    is_flag=True,
    help="Analyse every stored article again from its stored text (e.g. after an online geocoder is back).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary table.")
@executor_options
def run(
    inputs: tuple[Path, ...],
    outdir: Path,
    config: Any,
    no_map: bool,
    gpkg: bool,
    store: Path | None,
    wait: float | None,
    no_store: bool,
    commit_every: float,
    reanalyse: bool,
    quiet: bool,
    executor: Any,
) -> None:
    """Read every article under INPUT... and map the struck sites.

    INPUT is a file or a folder (read recursively): .txt and .md as text,
    .html/.htm through an article extractor, .jsonl as one article per record
    ({"id", "text", ...}, as `mapper extract` reads it).  Bad files are reported
    one line each and skipped; the run goes on.  New articles are added to the store;
    the outputs cover every article in it.
    """
    import gc

    from .. import pipeline
    from ..store import default_store

    if no_store and (store or reanalyse):
        raise click.UsageError("--no-store cannot go with --store or --reanalyse")
    pipe = build_pipeline(config)
    # what start-up built (gazetteers, indexes, compiled patterns) lives as long as the run:
    # the collector need not look at it again (a tenth of a run's time otherwise)
    gc.freeze()
    formats: tuple[str, ...] = ("geojson", "csv") if no_map else ("geojson", "csv", "html")
    formats += ("gpkg",) if gpkg else ()
    store_path = None if no_store else (store or default_store(outdir))
    with errors(store_path):
        result = pipeline.run(
            inputs,
            outdir,
            config,
            store=store_path,
            keep_store=not no_store,
            executor=executor,
            pipeline=pipe,
            formats=formats,
            reanalyse=reanalyse,
            commit_every=commit_every,
            wait=wait,
            on_problem=warn,
            on_note=note,
            progress=not quiet and sys.stderr.isatty(),
        )
    for line in getattr(pipe.resolver.geocoder, "problems", []):
        warn(line)
    if not quiet:
        print_summary(result)


def print_summary(result: Any) -> None:
    from ..export.report import counts

    c = counts(result)
    done = result.ingested
    rows: list[tuple[str, Any]] = [("articles read", c["articles"])]
    if result.store is not None:  # a run with a store: what it added, and what the map covers
        rows = [
            ("articles read", len(done.added)),
            ("already stored", done.known + done.unchanged),
            ("stored articles", c["articles"]),
        ]
        if done.replaced:
            rows.append(("replaced", done.replaced))
        if done.reanalysed:
            rows.append(("re-analysed", done.reanalysed))
    rows += [
        ("sites struck", c["sites_struck"]),
        ("sites mentioned", c["sites_mentioned"]),
        ("casualty claims", f"{c['claims']} ({c['claims_placed']} placed on sites)"),
        ("names unresolved", c["unresolved"]),
        ("files skipped", c["problems"]),
    ]
    if c["warnings"]:
        rows.append(("warnings", c["warnings"]))
    if result.corrections:  # the analyst's (`mapper fix`), laid over this run's sites
        idle = sum(1 for a in result.corrections if a.site_id is None)
        rows.append(
            ("analyst corrections", f"{len(result.corrections)}" + (f" ({idle} apply to no site now)" if idle else ""))
        )
    width = max(len(k) for k, _ in rows)
    click.echo("")
    for k, v in rows:
        click.echo(f"  {k:<{width}}  {v}")
    if result.unresolved:
        click.echo("  unresolved: " + "; ".join(f"{n} ({', '.join(a)})" for n, a in sorted(result.unresolved.items())))
    if result.store is not None:
        click.echo(f"  {'store':<{width}}  {result.store}")
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<{width}}  {path}")
    if result.store is not None and not done.changed:
        click.echo("  nothing new: the store already held every article given and is unchanged")
