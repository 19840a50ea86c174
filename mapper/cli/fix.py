"""``mapper fix``: the analyst's corrections of the sites, kept in the store (``mapper.corrections``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .options import note, open_store, output_option, store_options, warn

EPILOG = """\b
Examples:
  mapper fix gz:akashat@2024-02-02 --killed 16 --note "ministry figure, 5 Feb"
  mapper fix gn:170063@2024-02-02 --at 34.4512,40.9187
  mapper fix gz:tower-22@2024-01-28 --not-struck
  mapper fix --list
  mapper fix --undo 3
  mapper fix --load corrections.csv          # from `mapper export --format corrections`

\b
A correction is applied to every later run, export and `mapper sites`, whatever
re-analysis does; one whose site is gone (its place no longer struck near that
date) is kept and listed as not applied.
"""


def _figure(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from ..corrections import CorrectionError, parse_range

    if value is None:
        return None
    try:
        return parse_range(value)
    except CorrectionError as exc:
        raise click.BadParameter(str(exc)) from None


def _point(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from ..corrections import CorrectionError, parse_point

    if value is None:
        return None
    try:
        return parse_point(value)
    except CorrectionError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("fix", epilog=EPILOG)
@click.argument("site_id", required=False)
@click.option("--at", "at", metavar="LAT,LON", callback=_point, help="Move the site to this point (latitude first).")
@click.option("--not-struck", is_flag=True, help="The place was not struck: show it as a mentioned place.")
@click.option("--killed", metavar="N", callback=_figure, help="The site's killed figure: 16, 16-20 or 16+.")
@click.option("--injured", metavar="N", callback=_figure, help="The site's injured figure: 16, 16-20 or 16+.")
@click.option("--note", default="", help="Why (shown with the correction).")
@click.option("--list", "listing", is_flag=True, help="List the corrections and the sites they apply to.")
@click.option("--all", "show_all", is_flag=True, help="With --list: the undone corrections too.")
@click.option("--undo", type=int, metavar="ID", help="Withdraw correction ID (as --list numbers them).")
@click.option(
    "--load",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Add the corrections of a corrections.csv (`mapper export --format corrections`).",
)
@output_option("Folder whose outputs are rendered again; its mapper.sqlite is the store unless --store says otherwise.")
@store_options
def fix(
    site_id: str | None,
    at: tuple[float, float] | None,
    not_struck: bool,
    killed: tuple[int, int | None] | None,
    injured: tuple[int, int | None] | None,
    note: str,
    listing: bool,
    show_all: bool,
    undo: int | None,
    load: Path | None,
    outdir: Path,
    store: Path | None,
    wait: float | None,
) -> None:
    """Correct a site (SITE_ID as `mapper sites` lists it), or list, undo or load corrections.

    The outputs already in OUTDIR are rendered again with the correction.
    """
    from ..corrections import Correction, CorrectionError
    from ..store import default_store

    changes: list[tuple[str, Any]] = []
    if at is not None:
        changes.append(("at", at))
    if not_struck:
        changes.append(("not_struck", None))
    if killed is not None:
        changes.append(("killed", killed))
    if injured is not None:
        changes.append(("injured", injured))
    modes = sum(bool(x) for x in (changes or site_id, listing, undo is not None, load))
    if modes != 1:
        raise click.UsageError(
            "give SITE_ID with --at, --not-struck, --killed or --injured; or --list, --undo or --load"
        )
    if site_id is not None and not changes:
        raise click.UsageError(f"what is wrong with {site_id}? give --at, --not-struck, --killed or --injured")
    if changes and site_id is None:
        raise click.UsageError("which site? give its SITE_ID (`mapper sites` lists them)")
    store_path = store or default_store(outdir)
    if listing:
        with open_store(store_path, lock=False, create=False, migrate=False) as st:
            print_list(st, show_all)
        return
    with open_store(store_path, wait, create=False) as st:
        if undo is not None:
            gone = st.undo_correction(undo)
            if gone is None:
                raise click.ClickException(f"no correction {undo} in force (`mapper fix --list` lists them)")
            result = _render(st, outdir)
            click.echo(f"undid correction {undo}: {gone.site_id} {gone.describe()}")
        elif load is not None:
            from ..corrections import read_csv
            from ..models import Problem

            with open(load, encoding="utf-8-sig", newline="") as fh:
                read = list(read_csv(fh, str(load)))
            for p in read:
                if isinstance(p, Problem):
                    warn(p)
            given = [c for c in read if isinstance(c, Correction)]
            added = st.add_corrections(given)
            result = _render(st, outdir)
            ids = {c.id for c in added}
            idle = [a for a in result.corrections if a.correction.id in ids and a.site_id is None]
            click.echo(
                f"loaded {len(added)} correction(s) from {load}"
                + (f" ({len(given) - len(added)} already here)" if len(given) > len(added) else "")
                + (f"; {len(idle)} apply to no site now (kept; `mapper fix --list`)" if idle else "")
            )
        else:
            assert site_id is not None
            if not _exists(st, site_id):
                raise click.ClickException(f"no site {site_id!r} in {store_path} (`mapper sites` lists them)")
            try:
                made = [Correction(site_id, kind, value, note) for kind, value in changes]
            except CorrectionError as exc:
                raise click.ClickException(str(exc)) from None
            added = st.add_corrections(made)
            result = _render(st, outdir)
            done = {a.correction.id: a for a in result.corrections}
            for c in added:
                a = done.get(c.id)
                click.echo(f"correction {c.id}: {site_id} {a.describe() if a else c.describe()}")
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:<8} {path}")


def _exists(st: Any, site_id: str) -> bool:
    """Whether the sites built from the stored articles hold ``site_id``."""
    if st.sites_current():
        return bool(st.has_site(site_id))
    from ..outputs import build

    return any(s.site_id == site_id for s in build(st).sites)


def _render(st: Any, outdir: Path) -> Any:
    """Render the outputs already in ``outdir`` again (none there: only the stored sites)."""
    from ..export.publish import OUTPUT_NAMES
    from ..outputs import build, refresh, save

    kinds = tuple(k for k, name in OUTPUT_NAMES.items() if k != "report" and (outdir / name).exists())
    if kinds:
        return refresh(st, outdir, kinds)
    result = build(st)
    save(st, None, result)
    return result


def applied_to(st: Any) -> dict[int, str]:
    """Correction id -> the site it applies to now: from the stored sites when they are current
    (their GeoJSON lists the corrections laid over them), else from sites built anew."""
    with st.snapshot():
        features = st.features() if st.sites_current() else None
    if features is not None:
        return {c["id"]: f["id"] for f in features for c in f["properties"].get("corrections") or ()}
    from ..outputs import build

    return {
        a.correction.id: a.site_id
        for a in build(st).corrections
        if a.correction.id is not None and a.site_id is not None
    }


def print_list(st: Any, show_all: bool) -> None:
    items = st.corrections(undone=show_all)
    if not items:
        note("no corrections in this store")
        return
    fixed = applied_to(st)
    rows = [("ID", "MADE", "SITE", "CORRECTION", "STATUS")]
    for c in items:
        where = fixed.get(c.id)
        if c.undone:
            status = f"undone {c.undone[:10]}"
        elif where is None:
            status = "not applied: no such site now"
        elif where != c.site_id:
            status = f"applied to {where}"
        else:
            status = "applied"
        text = c.describe() + (f" ({c.note})" if c.note else "")
        rows.append((str(c.id), c.made[:10], c.site_id, text, status))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
