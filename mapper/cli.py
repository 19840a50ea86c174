"""The ``mapper`` command line: a thin layer over ``mapper.pipeline``.

Only click and the standard library are imported here at start-up; every heavy
module is imported inside the command that uses it, so ``mapper --help`` is
instant.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__

EPILOG_RUN = """\b
Examples:
  mapper run seeds/
  mapper run ~/news/2024-02-03/ -o ~/maps/feb3
  mapper run a.txt b.html --offline --gazetteer my_places.csv
  mapper run ~/news/2024-02-04/ --store ~/maps/mapper.sqlite

\b
Each run adds the articles the store (OUTDIR/mapper.sqlite) lacks and maps
everything stored; a folder seen before is skipped without reading it again.
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mapper")
def main() -> None:
    """Map where military strikes happened, from folders of news articles.

    \b
    Stages: ingest -> toponyms -> resolve -> roles & casualties -> sites -> export.
    Outputs: map.html (standalone map), sites.geojson (RFC 7946), sites.csv,
    report.json (files skipped, names unresolved); every analysed article is
    kept in a store (output/mapper.sqlite), so runs add only what is new.

    \b
    Example:
      mapper run seeds/ -o output/
    """


def geocoder_options(f: Any) -> Any:
    """Options every command that resolves names shares."""
    opts = [
        click.option(
            "--gazetteer",
            "gazetteers",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Extra gazetteer CSV (same columns as data/gazetteer.csv); its rows win. Repeatable.",
        ),
        click.option(
            "--offline",
            is_flag=True,
            help="Never call an online geocoder (use only local gazetteers and the cache).",
        ),
        click.option(
            "--geocoder",
            default="nominatim",
            show_default=True,
            help="geopy provider for names no local gazetteer knows (nominatim, photon, ...).",
        ),
        click.option(
            "--geocoder-url",
            default=None,
            help="Self-hosted Nominatim/Photon, e.g. http://localhost:8080.",
        ),
        click.option(
            "--user-agent",
            default=f"strike-mapper/{__version__}",
            show_default=True,
            help="User agent sent to the geocoder (Nominatim requires one that identifies you).",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def store_options(f: Any) -> Any:
    """Options every command that uses the store shares."""
    opts = [
        click.option(
            "--store",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="The store of analysed articles (SQLite).  [default: OUTDIR/mapper.sqlite]",
        ),
        click.option(
            "--wait",
            type=click.FloatRange(min=0),
            default=None,
            metavar="SECONDS",
            help="How long to wait while another mapper process uses the store (default: until it is done; "
            "0: give up at once).",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def make_geocoder(offline: bool, provider: str, url: str | None, user_agent: str) -> Any:
    from .geocode import OnlineResolver

    try:
        return OnlineResolver(provider, url=url, user_agent=user_agent, offline=offline)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--geocoder") from None


@main.command(epilog=EPILOG_RUN)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for map.html, sites.geojson, sites.csv and report.json.",
)
@geocoder_options
@click.option("--no-map", is_flag=True, help="Skip map.html (GeoJSON and CSV only).")
@store_options
@click.option(
    "--no-store",
    is_flag=True,
    help="Keep no store: map only the articles given, reading and analysing all of them.",
)
@click.option(
    "--reanalyse",
    is_flag=True,
    help="Analyse every stored article again from its stored text (e.g. after an online geocoder is back).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary table.")
def run(
    inputs: tuple[Path, ...],
    outdir: Path,
    gazetteers: tuple[str, ...],
    offline: bool,
    geocoder: str,
    geocoder_url: str | None,
    user_agent: str,
    no_map: bool,
    store: Path | None,
    wait: float | None,
    no_store: bool,
    reanalyse: bool,
    quiet: bool,
) -> None:
    """Read every article under INPUT... and map the struck sites.

    INPUT is a file or a folder (read recursively): .txt and .md as text,
    .html/.htm through an article extractor.  Bad files are reported one line
    each and skipped; the run goes on.  New articles are added to the store;
    the outputs cover every article in it.
    """
    from .pipeline import Pipeline

    if no_store and (store or reanalyse):
        raise click.UsageError("--no-store cannot go with --store or --reanalyse")
    geo = make_geocoder(offline, geocoder, geocoder_url, user_agent)
    pipe = Pipeline.create(gazetteers, geocoder=geo)
    formats = ("geojson", "csv") if no_map else ("geojson", "csv", "html")
    progress = not quiet and sys.stderr.isatty()
    done = None
    store_path = None
    with output_errors(outdir):
        if no_store:
            result = pipe.run(inputs, outdir, formats=formats, on_problem=warn, progress=progress)
        else:
            from .pipeline import export
            from .store import Store, analysis_key, build, default_store, ingest, locked, save

            store_path = store or default_store(outdir)
            analysis = analysis_key(gazetteers)
            with store_errors(), locked(store_path, wait=wait, on_wait=note), Store.open(store_path) as st:
                for line in st.notes:
                    note(line)
                done = ingest(
                    st,
                    pipe,
                    inputs,
                    analysis=analysis,
                    reanalyse=reanalyse,
                    on_problem=warn,
                    on_note=note,
                    progress=progress,
                )
                result = build(st, done.problems, done.pending)
                # outputs first, then the last analyses: a run failing in between changes nothing
                result.outputs = export(result, outdir, formats)
                save(st, done.pending, analysis, result)
    for line in getattr(geo, "problems", []):
        warn(line)
    if not quiet:
        print_summary(result, done, store_path)


def warn(problem: Any) -> None:
    click.secho(f"warning: {problem}", fg="yellow", err=True)


def note(message: str) -> None:
    click.echo(message, err=True)


@contextlib.contextmanager
def output_errors(outdir: Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise click.ClickException(f"cannot write outputs to {outdir}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def store_errors() -> Iterator[None]:
    """Store problems become one-line click errors, never tracebacks."""
    import sqlite3

    from .store import StoreError

    try:
        yield
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.Error as exc:
        raise click.ClickException(f"store error: {exc}") from None


def print_summary(result: Any, done: Any = None, store_path: Path | None = None) -> None:
    from .pipeline import counts

    c = counts(result)
    rows: list[tuple[str, Any]] = [("articles read", c["articles"])]
    if done is not None:  # a run with a store: what it added, and what the map covers
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
    width = max(len(k) for k, _ in rows)
    click.echo("")
    for k, v in rows:
        click.echo(f"  {k:<{width}}  {v}")
    if result.unresolved:
        click.echo("  unresolved: " + "; ".join(f"{n} ({', '.join(a)})" for n, a in sorted(result.unresolved.items())))
    if store_path is not None:
        click.echo(f"  {'store':<{width}}  {store_path}")
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<{width}}  {path}")
    if done is not None and not done.changed:
        click.echo("  nothing new: the store already held every article given and is unchanged")


if __name__ == "__main__":  # pragma: no cover
    main()
