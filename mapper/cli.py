"""The ``mapper`` command line: a thin layer over ``mapper.pipeline``.

Only click and the standard library are imported here at start-up; every heavy
module is imported inside the command that uses it, so ``mapper --help`` is
instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__

EPILOG_RUN = """\b
Examples:
  mapper run seeds/
  mapper run ~/news/2024-02-03/ -o ~/maps/feb3
  mapper run a.txt b.html --offline --gazetteer my_places.csv
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mapper")
def main() -> None:
    """Map where military strikes happened, from folders of news articles.

    \b
    Stages: ingest -> toponyms -> resolve -> roles & casualties -> sites -> export.
    Outputs: map.html (standalone map), sites.geojson (RFC 7946), sites.csv,
    report.json (files skipped, names unresolved).

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
    quiet: bool,
) -> None:
    """Read every article under INPUT... and map the struck sites.

    INPUT is a file or a folder (read recursively): .txt and .md as text,
    .html/.htm through an article extractor.  Bad files are reported one line
    each and skipped; the run goes on.
    """
    from .pipeline import Pipeline

    geo = make_geocoder(offline, geocoder, geocoder_url, user_agent)
    pipe = Pipeline.create(gazetteers, geocoder=geo)

    def warn(problem: Any) -> None:
        click.secho(f"warning: {problem}", fg="yellow", err=True)

    formats = ("geojson", "csv") if no_map else ("geojson", "csv", "html")
    try:
        result = pipe.run(
            inputs,
            outdir,
            formats=formats,
            on_problem=warn,
            progress=not quiet and sys.stderr.isatty(),
        )
    except OSError as exc:
        raise click.ClickException(f"cannot write outputs to {outdir}: {exc.strerror or exc}") from None
    for line in getattr(geo, "problems", []):
        warn(line)
    if not quiet:
        print_summary(result)


EPILOG_EXTRACT = """\b
Examples:
  mapper extract seeds/ --format table
  mapper extract news.jsonl --offline > toponyms.jsonl
"""


@main.command(epilog=EPILOG_EXTRACT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON line per article, or a readable table.",
)
@geocoder_options
def extract(
    inputs: tuple[Path, ...],
    fmt: str,
    gazetteers: tuple[str, ...],
    offline: bool,
    geocoder: str,
    geocoder_url: str | None,
    user_agent: str,
) -> None:
    """Print every place mention of every article, with its resolution.

    INPUT is a file, a folder, or a .jsonl file of {"id", "text", ...} records.
    start/end are character offsets into the text as given; non-literal uses
    ("Washington said") are listed with "literal": false.
    """
    import json

    from .extract import iter_articles, toponym_records
    from .models import Problem
    from .pipeline import Pipeline

    pipe = Pipeline.create(gazetteers, geocoder=make_geocoder(offline, geocoder, geocoder_url, user_agent))
    for p in pipe.problems:
        click.secho(f"warning: {p}", fg="yellow", err=True)
    for item in iter_articles(inputs):
        if isinstance(item, Problem):
            click.secho(f"warning: {item}", fg="yellow", err=True)
            continue
        rec = toponym_records(pipe.analyse(item))
        if fmt == "jsonl":
            click.echo(json.dumps(rec, ensure_ascii=False))
            continue
        click.echo(f"== {rec['id']}")
        for t in rec["toponyms"]:
            where = f"{t['lat']:.4f},{t['lon']:.4f}" if t["lat"] is not None else "unresolved"
            flag = t["role"] if t["literal"] else f"non-literal: {t['nonliteral_reason']}"
            click.echo(f"  {t['start']:>6}-{t['end']:<6} {t['name']:<28} {where:<20} {t['country'] or '':<3} {flag}")


def print_summary(result: Any) -> None:
    from .pipeline import counts

    c = counts(result)
    rows = [
        ("articles read", c["articles"]),
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
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<{width}}  {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
