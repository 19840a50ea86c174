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
        click.option(
            "--no-world",
            is_flag=True,
            help="Skip the bundled world gazetteer (GeoNames); use only data/gazetteer.csv and --gazetteer files.",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def make_pipeline(
    gazetteers: tuple[str, ...], offline: bool, provider: str, url: str | None, user_agent: str, no_world: bool
) -> Any:
    """The pipeline every command builds from the shared options."""
    from .pipeline import Pipeline

    world = None
    if not no_world:
        from .counties import CombinedIndex, USCounties
        from .worldgaz import WorldGazetteer

        world = CombinedIndex(WorldGazetteer.load(), USCounties.load())
    return Pipeline.create(gazetteers, world=world, geocoder=make_geocoder(offline, provider, url, user_agent))


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
    no_world: bool,
    no_map: bool,
    quiet: bool,
) -> None:
    """Read every article under INPUT... and map the struck sites.

    INPUT is a file or a folder (read recursively): .txt and .md as text,
    .html/.htm through an article extractor.  Bad files are reported one line
    each and skipped; the run goes on.
    """
    pipe = make_pipeline(gazetteers, offline, geocoder, geocoder_url, user_agent, no_world)
    geo = pipe.resolver.geocoder

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
    no_world: bool,
) -> None:
    """Print every place mention of every article, with its resolution.

    INPUT is a file, a folder, or a .jsonl file of {"id", "text", ...} records.
    start/end are character offsets into the text as given; non-literal uses
    ("Washington said") are listed with "literal": false.
    """
    import json

    from .extract import iter_articles, toponym_records
    from .models import Problem

    pipe = make_pipeline(gazetteers, offline, geocoder, geocoder_url, user_agent, no_world)
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


EPILOG_EVALUATE = """\b
Examples:
  mapper evaluate ../shared/eval/gwn.jsonl
  mapper evaluate ../shared/eval/gwn.jsonl --literal-only
  mapper evaluate ../shared/eval/lgl.jsonl --json
"""


@main.command(epilog=EPILOG_EVALUATE)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--literal-only",
    is_flag=True,
    help="Score literal toponyms only: our non-literal predictions are dropped, and a literal prediction "
    "on a gold non-literal use counts as a false positive.",
)
@click.option(
    "--all-gold",
    is_flag=True,
    help="Also count gold toponyms without coordinates (default: only those with coordinates, as the "
    "published figures were computed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@geocoder_options
def evaluate(
    gold: str,
    literal_only: bool,
    all_gold: bool,
    as_json: bool,
    gazetteers: tuple[str, ...],
    offline: bool,
    geocoder: str,
    geocoder_url: str | None,
    user_agent: str,
    no_world: bool,
) -> None:
    """Score extraction against a gold JSON-lines file (GWN/LGL format).

    Runs extraction over the gold texts, matches predicted and gold toponyms
    (same surface, span midpoints < 10 characters apart) and prints precision,
    recall, F1, accuracy@161 km, mean and median error and AUC.  Online
    geocoding is off unless --geocoder-url is given: a benchmark run must not
    hammer a public service.
    """
    import json

    from .evaluate import load_jsonl, predict, score

    try:
        docs = load_jsonl(gold)
    except (ValueError, OSError) as exc:
        raise click.BadParameter(f"{gold}: {exc}", param_hint="GOLD") from None
    pipe = make_pipeline(gazetteers, offline or not geocoder_url, geocoder, geocoder_url, user_agent, no_world)
    preds = predict(docs, pipe.analyse, literal_only=literal_only)
    res = score(docs, preds, literal_only=literal_only, nonliteral_as_fp=literal_only, coords_only=not all_gold)
    if as_json:
        click.echo(json.dumps(res, indent=1))
        return
    rows = [
        ("articles", res["articles"]),
        ("gold toponyms", res["gold"]),
        ("predicted", res["predicted"]),
        ("precision", f"{res['precision']:.3f}"),
        ("recall", f"{res['recall']:.3f}"),
        ("F1", f"{res['f1']:.3f}"),
        ("accuracy@161 km", "n/a" if res["acc161"] is None else f"{res['acc161']:.3f}"),
        ("mean error km", "n/a" if res["mean_km"] is None else f"{res['mean_km']:.1f}"),
        ("median error km", "n/a" if res["median_km"] is None else f"{res['median_km']:.1f}"),
        ("AUC", "n/a" if res["auc"] is None else f"{res['auc']:.3f}"),
    ]
    for k, v in rows:
        click.echo(f"  {k:<16} {v}")


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
