"""What the commands share, defined once: options, and library errors as one-line messages."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from .. import __version__

# what must not reach a terminal raw from a file name or an article: control characters
# (escape sequences, carriage returns, line breaks) and the marks that reorder text
_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: object) -> str:
    """``text`` as it may be printed: control characters as escapes (``\\x1b``, ``\\u202e``)."""
    return _UNSHOWN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def warn(problem: Any) -> None:
    click.secho(f"warning: {shown(problem)}", fg="yellow", err=True)


def note(message: str) -> None:
    click.echo(shown(message), err=True)


def config_options(f: Any) -> Any:
    """Options that describe the pipeline (gazetteers, world index, geocoder); the command gets
    them as one ``config`` (a ``mapper.config.PipelineConfig``)."""

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
        from ..config import GeocoderConfig, PipelineConfig

        geo = GeocoderConfig(provider=geocoder, url=geocoder_url, user_agent=user_agent, offline=offline)
        config = PipelineConfig(gazetteers=tuple(gazetteers), world=not no_world, geocoder=geo)
        return f(*args, config=config, **kwargs)

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


def build_pipeline(config: Any, **overrides: Any) -> Any:
    """The pipeline of ``config``; a geocoder geopy does not know is a usage error.  The first
    time, the world gazetteer index is built (said, with the time it takes)."""
    from dataclasses import replace

    from ..pipeline import Pipeline

    if overrides:
        config = replace(config, geocoder=replace(config.geocoder, **overrides))
    from ..events.screen import ScreenError

    try:
        with building_world(config):
            return Pipeline.from_config(config)
    except ScreenError as exc:
        raise click.ClickException(str(exc)) from None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--geocoder") from None


_SERVICES = {"nominatim": "nominatim.openstreetmap.org (OpenStreetMap)", "photon": "photon.komoot.io"}


def say_where_names_go(config: Any) -> None:
    """The first line of a run that may geocode online: which service gets the place names,
    and how to keep them here."""
    geo = config.geocoder
    if geo is None or geo.offline:
        return
    where = geo.url or _SERVICES.get(geo.provider, f"the {geo.provider} service")
    note(
        f"online geocoding: place names no local gazetteer knows are sent to {where}; "
        "--offline (or offline = true in mapper.toml) keeps them on this machine"
    )


@contextlib.contextmanager
def building_world(config: Any) -> Iterator[None]:
    """Say so while the world gazetteer index is built (once, on the first run: 25-50 s), with
    the seconds it has taken so far on a terminal."""
    if not config.world:
        yield
        return
    from ..places.world.fileformat import cache_path, source_versions
    from ..places.world.index import default_cache_dir

    path = cache_path(default_cache_dir(), source_versions())
    if path.exists():
        yield
        return
    import sys
    import threading
    import time

    note(f"building the world gazetteer index (first run only; 25-50 s) in {path.parent}")
    start = time.monotonic()
    done = threading.Event()
    tty = sys.stderr.isatty()

    def tick() -> None:
        while not done.wait(1.0):
            click.echo(f"\r  building the world gazetteer index: {time.monotonic() - start:.0f} s", nl=False, err=True)

    ticker = threading.Thread(target=tick, daemon=True) if tty else None
    if ticker is not None:
        ticker.start()
    try:
        yield
    finally:
        done.set()
        if ticker is not None:
            ticker.join()
            click.echo("\r" + " " * 60 + "\r", nl=False, err=True)
        if path.exists():
            note(f"built the world gazetteer index in {time.monotonic() - start:.0f} s")


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


# (the events stage's types; mapper.filters.EVENT_TYPES, written here so that --help imports nothing)
EVENT_TYPE_CHOICES = (
    "air_drone_strike",
    "shelling_artillery_missile",
    "remote_explosive_ied",
    "suicide_bomb",
    "armed_clash",
    "attack",
    "other",
)


def filter_options(f: Any) -> Any:
    """Which sites to list or export (``mapper.filters.SiteFilter``); the command gets one
    ``where`` (None when no filter is given)."""

    @functools.wraps(f)
    def collect(
        *args: Any,
        since: Any,
        until: Any,
        countries: tuple[str, ...],
        event_types: tuple[str, ...],
        min_killed: int | None,
        **kwargs: Any,
    ) -> Any:
        from ..filters import FilterError, SiteFilter

        try:
            where = SiteFilter.make(
                since=since.date() if since else None,
                until=until.date() if until else None,
                countries=[c for given in countries for c in given.split(",") if c.strip()],
                event_types=event_types,
                min_killed=min_killed,
            )
        except FilterError as exc:
            raise click.BadParameter(str(exc)) from None
        return f(*args, where=where or None, **kwargs)

    day = click.DateTime(formats=["%Y-%m-%d"])
    opts = [
        click.option("--since", type=day, default=None, help="Only sites struck on or after this date (YYYY-MM-DD)."),
        click.option("--until", type=day, default=None, help="Only sites struck on or before this date."),
        click.option(
            "--country",
            "countries",
            multiple=True,
            metavar="CC",
            help="Only sites in this country: ISO code (SY, SYR) or English name; repeatable, or comma-separated.",
        ),
        click.option(
            "--event-type",
            "event_types",
            multiple=True,
            type=click.Choice(EVENT_TYPE_CHOICES),
            help="Only sites with this event type (repeatable; sites the events stage gave no type never match).",
        ),
        click.option(
            "--min-killed",
            type=click.IntRange(min=0),
            default=None,
            metavar="N",
            help="Only struck sites whose lowest reported killed figure is at least N.",
        ),
    ]
    wrapped: Any = collect
    for opt in reversed(opts):
        wrapped = opt(wrapped)
    return wrapped


def executor_options(f: Any) -> Any:
    """Where the articles are analysed: ``--jobs`` processes or a ``--dask`` cluster; the
    command gets one ``executor`` (``mapper.executors``)."""

    @functools.wraps(f)
    def collect(*args: Any, jobs: int, dask_address: str | None, **kwargs: Any) -> Any:
        from .. import executors

        return f(*args, executor=executors.make(jobs, dask_address), **kwargs)

    opts = [
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Processes that analyse articles (the outputs are the same as with 1).",
        ),
        click.option(
            "--dask",
            "dask_address",
            metavar="ADDRESS",
            default=None,
            help="Analyse the articles on a Dask cluster: its scheduler, e.g. tcp://scheduler:8786 "
            "(needs the 'dask' extra here and on the workers).",
        ),
    ]
    wrapped: Any = collect
    for opt in reversed(opts):
        wrapped = opt(wrapped)
    return wrapped


@contextlib.contextmanager
def errors(store_path: Path | None = None) -> Iterator[None]:
    """What the library raises about the store, the outputs or a cluster becomes a one-line
    click error, never a traceback."""
    import sqlite3

    from ..executors import ClusterError
    from ..export.publish import OutputError
    from ..ingest import InputError
    from ..store import StoreError

    try:
        yield
    except (StoreError, OutputError, ClusterError, InputError) as exc:
        raise click.ClickException(str(exc)) from None
    except sqlite3.Error as exc:
        raise click.ClickException(f"{store_path}: {exc}") from None
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in ("dask", "distributed"):
            raise click.ClickException("--dask needs Dask: pip install 'strike-mapper[dask]'") from None
        raise
    except OSError as exc:
        if store_path is None:
            raise
        raise click.ClickException(f"{store_path}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def open_store(
    store_path: Path,
    wait: float | None = None,
    *,
    lock: bool = True,
    create: bool = True,
    migrate: bool = True,
    readonly: bool = False,
) -> Iterator[Any]:
    """The store, locked against other writers unless ``lock`` is off, with errors made one line
    (``readonly``: opened only to read, from a read-only folder too)."""
    from ..store import Store, locked

    with errors(store_path), contextlib.ExitStack() as stack:
        if not create:  # no store there: say so before the lock makes a folder and a file
            Store.require(store_path)
        if lock:
            stack.enter_context(locked(store_path, wait=wait, on_wait=note))
        st = stack.enter_context(Store.open(store_path, create=create, migrate=migrate, readonly=readonly))
        for line in st.notes:
            note(line)
        yield st
