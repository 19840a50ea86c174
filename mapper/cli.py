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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that read and analyse articles (the outputs are the same as with 1).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    default=None,
    help="Analyse the articles on a Dask cluster: its scheduler, e.g. tcp://scheduler:8786 "
    "(needs the 'dask' extra here and on the workers).",
)
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
    jobs: int = 1,
    dask_address: str | None = None,
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
        if jobs > 1 or dask_address:
            progress = not quiet and sys.stderr.isatty()
            result = run_parallel(pipe, gazetteers, inputs, outdir, formats, warn, progress, jobs, dask_address)
        else:
            result = pipe.run(
                inputs,
                outdir,
                formats=formats,
                on_problem=warn,
                progress=not quiet and sys.stderr.isatty(),
                lean=True,
            )
    except OSError as exc:
        raise click.ClickException(f"cannot write outputs to {outdir}: {exc.strerror or exc}") from None
    for line in getattr(geo, "problems", []):
        warn(line)
    if not quiet:
        print_summary(result)


def run_parallel(
    pipe: Any,
    gazetteers: tuple[str, ...],
    inputs: tuple[Path, ...],
    outdir: Path,
    formats: tuple[str, ...],
    warn: Any,
    progress: bool,
    jobs: int,
    dask_address: str | None,
) -> Any:
    """``mapper run --jobs N`` / ``--dask ADDRESS``: see ``mapper.parallel``."""
    from .parallel import ClusterError, process, spec_for
    from .pipeline import finish

    geo = pipe.resolver.geocoder
    spec = spec_for(gazetteers, geo, offline=getattr(geo, "offline", True))
    try:
        results, problems = process(
            pipe, spec, inputs, jobs=jobs, dask=dask_address, on_problem=warn, progress=progress, lean=True
        )
    except ImportError as exc:
        if dask_address and (exc.name or "").split(".")[0] in ("dask", "distributed"):
            raise click.ClickException("--dask needs Dask: pip install 'strike-mapper[dask]'") from None
        raise
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from None
    return finish(results, problems, outdir, formats=formats)


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
