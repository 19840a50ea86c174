"""The ``mapper`` command line: a thin layer over ``mapper.pipeline``.

Only click and the standard library are imported here at start-up; every heavy
module is imported inside the command that uses it, so ``mapper --help`` is
instant.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ResolveOptions:
    """The options every command that resolves names shares, as one value."""

    gazetteers: tuple[str, ...]
    offline: bool
    provider: str
    url: str | None
    user_agent: str
    no_world: bool

    def pipeline(self, *, offline: bool | None = None) -> Any:
        """The pipeline these options describe (``offline`` overrides the flag)."""
        from .pipeline import Pipeline, default_world

        world = None if self.no_world else default_world()
        geo = make_geocoder(self.offline if offline is None else offline, self.provider, self.url, self.user_agent)
        return Pipeline.create(self.gazetteers, world=world, geocoder=geo)


def geocoder_options(f: Any) -> Any:
    """Options every command that resolves names shares; the command gets them as ``resolve``."""

    @functools.wraps(f)
    def collect(
        *args: Any,
        gazetteers: tuple[str, ...],
        offline: bool,
        geocoder: str,
        geocoder_url: str | None,
        user_agent: str,
        no_world: bool,
        **kwargs: Any,
    ) -> Any:
        resolve = ResolveOptions(gazetteers, offline, geocoder, geocoder_url, user_agent, no_world)
        return f(*args, resolve=resolve, **kwargs)

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
    wrapped: Any = collect
    for opt in reversed(opts):
        wrapped = opt(wrapped)
    return wrapped


def store_option(help: str) -> Any:
    return click.option(
        "--store",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"{help}  [default: OUTDIR/mapper.sqlite]",
    )


def store_options(f: Any) -> Any:
    """Options every command that writes to the store shares."""
    opts = [
        store_option("The store of analysed articles (SQLite)."),
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
    from .places.geocode import OnlineResolver

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
    resolve: ResolveOptions,
    no_map: bool,
    gpkg: bool,
    store: Path | None,
    wait: float | None,
    no_store: bool,
    commit_every: float,
    reanalyse: bool,
    quiet: bool,
    jobs: int = 1,
    dask_address: str | None = None,
) -> None:
    """Read every article under INPUT... and map the struck sites.

    INPUT is a file or a folder (read recursively): .txt and .md as text,
    .html/.htm through an article extractor.  Bad files are reported one line
    each and skipped; the run goes on.  New articles are added to the store;
    the outputs cover every article in it.
    """
    if no_store and (store or reanalyse):
        raise click.UsageError("--no-store cannot go with --store or --reanalyse")
    pipe = resolve.pipeline()
    geo = pipe.resolver.geocoder
    formats: tuple[str, ...] = ("geojson", "csv") if no_map else ("geojson", "csv", "html")
    formats += ("gpkg",) if gpkg else ()
    progress = not quiet and sys.stderr.isatty()
    done = None
    store_path = None
    if no_store:
        with output_errors(outdir), cluster_errors(dask_address):
            if jobs > 1 or dask_address:
                result = run_parallel(pipe, resolve, inputs, outdir, formats, progress, jobs, dask_address)
            else:
                result = pipe.run(inputs, outdir, formats=formats, on_problem=warn, progress=progress, lean=True)
    else:
        from .pipeline import export
        from .store import analysis_key, build, default_store, ingest, save

        store_path = store or default_store(outdir)
        analysis = analysis_key(resolve.gazetteers, world=not resolve.no_world)
        with open_store(store_path, wait) as st, cluster_errors(dask_address), contextlib.ExitStack() as stack:
            analyser = None
            if jobs > 1 or dask_address:
                from .parallel import BatchAnalyser, spec_for

                spec = spec_for(
                    resolve.gazetteers, geo, offline=getattr(geo, "offline", True), world=not resolve.no_world
                )
                analyser = stack.enter_context(BatchAnalyser(pipe, spec, jobs=jobs, dask=dask_address))
            done = ingest(
                st,
                pipe,
                inputs,
                analysis=analysis,
                reanalyse=reanalyse,
                commit_every=commit_every,
                on_problem=warn,
                on_note=note,
                progress=progress,
                analyser=analyser,
            )
            result = build(st, done.problems, done.pending)
            # outputs first, then the last analyses: a run failing in between changes nothing
            with output_errors(outdir):
                result.outputs = export(result, outdir, formats)
            save(st, done.pending, result, analysis)
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
def store_errors(store_path: Path) -> Iterator[None]:
    """Store problems become one-line click errors, never tracebacks."""
    import sqlite3

    from .store import StoreError

    try:
        yield
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.Error as exc:
        raise click.ClickException(f"{store_path}: {exc}") from None
    except OSError as exc:
        raise click.ClickException(f"{store_path}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def open_store(
    store_path: Path, wait: float | None = None, *, lock: bool = True, create: bool = True, migrate: bool = True
) -> Iterator[Any]:
    """The store, locked against other writers unless ``lock`` is off, with errors made one line."""
    from .store import Store, locked

    with store_errors(store_path), contextlib.ExitStack() as stack:
        if lock:
            stack.enter_context(locked(store_path, wait=wait, on_wait=note))
        st = stack.enter_context(Store.open(store_path, create=create, migrate=migrate))
        for line in st.notes:
            note(line)
        yield st


def output_option(help: str) -> Any:
    return click.option(
        "-o",
        "--output",
        "outdir",
        default="output",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=help,
    )


FORMATS = ("geojson", "csv", "gpkg", "html")


@main.command("export")
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
def export_command(outdir: Path, store: Path | None, wait: float | None, formats: tuple[str, ...]) -> None:
    """Render the outputs from the store, without reading any article.

    \b
    Examples:
      mapper export --format gpkg
      mapper export --store ~/maps/mapper.sqlite -o /tmp/map --format html
    """
    from .pipeline import export
    from .store import build, default_store, save

    store_path = store or default_store(outdir)
    with open_store(store_path, wait, create=False) as st:
        result = build(st)
        with output_errors(outdir):
            result.outputs = export(result, outdir, formats or ("geojson", "csv", "html"))
        save(st, None, result)  # the stored sites catch up when a run was killed before storing them
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<8} {path}")


@main.command("sites")
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
def sites_command(outdir: Path, store: Path | None, fmt: str, role: str) -> None:
    """List the sites in the store (reads no article, changes nothing).

    \b
    Examples:
      mapper sites --role struck
      mapper sites --format geojson > sites.geojson
    """
    from .export.geojson import CONTRACT_VERSION, dumps, feature_collection
    from .store import build, default_store

    store_path = store or default_store(outdir)
    with open_store(store_path, lock=False, create=False, migrate=False) as st:
        with st.snapshot():  # one view, while a run may be storing
            features = st.features() if st.sites_current() else None
            n_articles = st.article_count()
        if features is None:  # a run is adding articles, or was killed before storing its sites
            note("the stored sites are behind the stored articles; showing sites rebuilt from the articles")
            result = build(st)
            features = feature_collection(result.sites, {a.id: a for a in result.articles})["features"]
            n_articles = len(result.articles)
    if role != "all":
        features = [f for f in features if f["properties"]["role"] == role]
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
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for r in rows:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    struck = sum(1 for f in features if f["properties"]["role"] == "struck")
    click.echo(f"{len(features)} sites ({struck} struck, {len(features) - struck} mentioned); {where}")


@main.command("forget")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@output_option("Folder whose outputs are refreshed; its mapper.sqlite is the store unless --store says otherwise.")
@store_options
def forget_command(articles: tuple[str, ...], outdir: Path, store: Path | None, wait: float | None) -> None:
    """Remove ARTICLE... from the store, with everything only they supported.

    ARTICLE is an article id as the outputs list them (the path relative to its
    input folder), the article's file, or its content hash (6 or more hex
    digits).  Sites, claims and places only those articles gave go; the
    outputs already in OUTDIR are rendered again.  Running over a folder that
    still holds the file adds it again.

    \b
    Example:
      mapper forget 2024-02-03/rumour.txt
    """
    from .pipeline import OUTPUT_NAMES, export
    from .store import build, default_store, file_key, save

    store_path = store or default_store(outdir)
    with open_store(store_path, wait, create=False) as st:
        shas: list[str] = []
        for ref in articles:
            hits = st.find(ref) or st.find_file(file_key(ref))
            if len(hits) != 1:
                what = "no stored article matches" if not hits else f"{len(hits)} stored articles match"
                raise click.ClickException(f"{what} {ref!r}; nothing forgotten")
            shas += hits
        gone = st.forget(shas)
        result = build(st)
        kinds = tuple(k for k in FORMATS if (outdir / OUTPUT_NAMES[k]).exists()) or ("geojson", "csv", "html")
        with output_errors(outdir):
            result.outputs = export(result, outdir, kinds)
        save(st, None, result)
    struck = sum(1 for s in result.sites if s.role == "struck")
    click.echo(f"forgot {len(gone)} article(s): {', '.join(gone)}")
    mentioned = len(result.sites) - struck
    click.echo(f"the store now maps {len(result.articles)} articles: {struck} sites struck, {mentioned} mentioned")


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
    resolve: ResolveOptions,
) -> None:
    """Print every place mention of every article, with its resolution.

    INPUT is a file, a folder, or a .jsonl file of {"id", "text", ...} records.
    start/end are character offsets into the text as given; non-literal uses
    ("Washington said") are listed with "literal": false.
    """
    import json

    from .extract import iter_articles, toponym_records
    from .models import Problem

    pipe = resolve.pipeline()
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
    resolve: ResolveOptions,
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
    pipe = resolve.pipeline(offline=resolve.offline or not resolve.url)
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


def run_parallel(
    pipe: Any,
    resolve: ResolveOptions,
    inputs: tuple[Path, ...],
    outdir: Path,
    formats: tuple[str, ...],
    progress: bool,
    jobs: int,
    dask_address: str | None,
) -> Any:
    """``mapper run --no-store --jobs N`` / ``--dask ADDRESS``: see ``mapper.parallel``."""
    from .parallel import process, spec_for
    from .pipeline import finish

    geo = pipe.resolver.geocoder
    spec = spec_for(resolve.gazetteers, geo, offline=getattr(geo, "offline", True), world=not resolve.no_world)
    results, problems = process(
        pipe, spec, inputs, jobs=jobs, dask=dask_address, on_problem=warn, progress=progress, lean=True
    )
    return finish(results, problems, outdir, formats=formats)


@contextlib.contextmanager
def cluster_errors(dask_address: str | None) -> Iterator[None]:
    """A missing Dask install or an unreachable scheduler is a one-line error."""
    from .parallel import ClusterError

    try:
        yield
    except ImportError as exc:
        if dask_address and (exc.name or "").split(".")[0] in ("dask", "distributed"):
            raise click.ClickException("--dask needs Dask: pip install 'strike-mapper[dask]'") from None
        raise
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from None


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
    if c["warnings"]:
        rows.append(("warnings", c["warnings"]))
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
