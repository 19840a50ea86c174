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
    say_where_names_go,
    shown,
    store_options,
    warn,
)
from .settings import ConfiguredCommand

EPILOG = """\b
Examples:
  mapper run seeds/
  mapper run ~/news/2024-02-03/ -o ~/maps/feb3
  mapper run a.txt b.html --offline --gazetteer my_places.csv
  mapper run ~/news/2024-02-04/ --store ~/maps/mapper.sqlite
  mapper run https://example.org/news/strike.html --feed https://example.org/rss

\b
Each run adds the articles the store (OUTDIR/mapper.sqlite) lacks and maps
everything stored; a folder seen before is skipped without reading it again.
"""


@click.command(cls=ConfiguredCommand, epilog=EPILOG)
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
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
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL",
    help="An RSS or Atom feed: its entries' pages are fetched (cached) and read. Repeatable.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary table.")
@executor_options
def run(
    inputs: tuple[str, ...],
    outdir: Path,
    config: Any,
    no_map: bool,
    gpkg: bool,
    store: Path | None,
    wait: float | None,
    no_store: bool,
    commit_every: float,
    reanalyse: bool,
    feeds: tuple[str, ...],
    quiet: bool,
    executor: Any,
) -> None:
    """Read every article under INPUT... and map the struck sites.

    INPUT is a file or a folder (read recursively): .txt and .md as text,
    .html/.htm through an article extractor, .pdf, .docx and .eml (a saved e-mail), .jsonl as one
    article per record ({"id", "text", ...}, as `mapper extract` reads it), .mbox as one article
    per message, a Factiva or Nexis Uni export saved as text as one article per article; or
    the URL of a page (fetched once, then read from a cache).  Bad files are
    reported one line each and skipped; the run goes on.  New articles are added
    to the store; the outputs cover every article in it.  Without INPUT, the
    stored articles are mapped (and analysed again when the gazetteers or the
    mapper changed).  A missing INPUT, or a folder without articles, is an error.
    """
    import gc

    from .. import pipeline
    from ..ingest import Unread
    from ..store import default_store

    if no_store and (store or reanalyse):
        raise click.UsageError("--no-store cannot go with --store or --reanalyse")
    from ..fetch import Fetcher, is_url
    from .settings import current

    paths: list[str | Path] = [i if is_url(i) else Path(i) for i in inputs]
    if not inputs and not feeds and (no_store or not (store or default_store(outdir)).exists()):
        raise click.UsageError("give the files or folders of articles to map (INPUT...)")
    say_where_names_go(config)
    pipe = build_pipeline(config)
    # what start-up built (gazetteers, indexes, compiled patterns) lives as long as the run:
    # the collector need not look at it again (a tenth of a run's time otherwise)
    gc.freeze()
    formats: tuple[str, ...] = ("geojson", "csv") if no_map else ("geojson", "csv", "html")
    formats += ("gpkg",) if gpkg else ()
    store_path = None if no_store else (store or default_store(outdir))
    unread: list[Any] = []  # files that are no articles: said together, at the end

    def problem(p: Any) -> None:
        if isinstance(p, Unread):
            unread.append(p)
        else:
            warn(p)

    with errors(store_path):
        fetcher = None
        if feeds or any(is_url(i) for i in inputs):
            settings = current()
            fetcher = Fetcher.default(
                config.geocoder.user_agent,
                timeout=float(settings.get("fetch_timeout", 30.0)),
                allow_private=bool(settings.get("allow_private_urls", False)),
            )
        result = pipeline.run(
            paths,
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
            on_problem=problem,
            on_note=note,
            progress=not quiet and sys.stderr.isatty(),
            feeds=feeds,
            fetcher=fetcher,
        )
    if unread:
        warn(unread_line(unread))
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
    if c["not_in_english"]:
        import collections

        langs = collections.Counter(a.language for a in result.articles if a.language not in (None, "en"))
        each = ", ".join(f"{lang} {n}" for lang, n in sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])))
        rows.append(
            (
                "not in English",
                f"{c['not_in_english']} ({each}): their places are mapped as mentioned; "
                "strike events and casualty tolls are read in English only",
            )
        )
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
        click.echo(shown("  unresolved: " + unresolved_line(result.unresolved)))
    if result.store is not None:
        click.echo(shown(f"  {'store':<{width}}  {result.store}"))
    for kind, path in result.outputs.items():
        click.echo(shown(f"  {kind:<{width}}  {path}"))
    if result.store is not None and not done.changed:
        click.echo("  nothing new: the store already held every article given and is unchanged")


FIRST_NAMES = 10  # names the summary lists, each with
FIRST_ARTICLES = 3  # articles; report.json lists them all


def unresolved_line(unresolved: dict[str, list[str]]) -> str:
    """The names no gazetteer knew, the most cited first, with the first few of their articles:
    one short line however many there are (report.json keeps the whole list)."""
    names = sorted(unresolved.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def one(name: str, ids: list[str]) -> str:
        more = f" +{len(ids) - FIRST_ARTICLES}" if len(ids) > FIRST_ARTICLES else ""
        return f"{name} ({', '.join(ids[:FIRST_ARTICLES])}{more})"

    line = "; ".join(one(n, a) for n, a in names[:FIRST_NAMES])
    if len(names) > FIRST_NAMES:
        line += f"; and {len(names) - FIRST_NAMES} more names (report.json lists them all)"
    return line


def unread_line(unread: list[Any], first: int = 5) -> str:
    """One line for the files that are no articles: how many of each kind, and the first few."""
    import collections

    kinds = collections.Counter(p.message.removeprefix("not read: ").split(", not an article")[0] for p in unread)

    def noun(kind: str, n: int) -> str:
        word = kind.split(" (")[0].removeprefix("an ").removeprefix("a ")
        return f"{n} {word}{'s' if n != 1 and not word.endswith('s') else ''}"

    what = ", ".join(noun(k, n) for k, n in kinds.most_common())
    names = ", ".join(p.path for p in unread[:first]) + (f" +{len(unread) - first}" if len(unread) > first else "")
    s = "s are" if len(unread) != 1 else " is"
    return f"{len(unread)} file{s} no article and not read ({what}): {names} (report.json lists them all)"
