"""``mapper gazetteer``: what the local gazetteer holds, and GeoNames dumps added to it."""

from __future__ import annotations

import click

IMPORT_EPILOG = """\b
Examples (files downloaded from https://download.geonames.org/export/dump/):
  mapper gazetteer import AF.zip IQ.zip SY.zip
  mapper gazetteer import allCountries.zip
  mapper gazetteer info
"""


@click.group("gazetteer")
def gazetteer() -> None:
    """What the local gazetteer holds; add GeoNames dumps to it."""


@gazetteer.command("import", epilog=IMPORT_EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE...")
def import_(files: tuple[str, ...]) -> None:
    """Add GeoNames dumps (allCountries.zip, a country file such as AF.zip, or cities500.zip,
    in GeoNames' own format) to the local index: runs read them from then on, offline.

    Populated places, administrative divisions, regions, military bases, airports, camps
    and mountains are kept; an import of a file with the same name replaces the earlier
    one.  GeoNames data is CC BY 4.0."""
    from ..places.world.imported import DumpError, import_dump

    failed = 0
    for f in files:
        try:
            st = import_dump(f)
        except DumpError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            failed += 1
            continue
        except OSError as exc:
            click.secho(f"error: {f}: {exc}", fg="red", err=True)
            failed += 1
            continue
        for p in st.first_problems:
            click.secho(f"warning: {p}", fg="yellow", err=True)
        if st.bad_rows > len(st.first_problems):
            click.secho(f"warning: {f}: {st.bad_rows} rows in all were not GeoNames rows", fg="yellow", err=True)
        click.echo(
            f"imported {st.name}: {st.kept:,} places of {st.rows:,} rows, {st.keys:,} names, "
            f"{st.bytes / 1e6:.1f} MB in {st.seconds:.1f} s"
        )
    if failed:
        raise SystemExit(1)


@gazetteer.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON.")
def info(as_json: bool) -> None:
    """Say what the local gazetteer holds: its sources, their counts and licences."""
    import json

    from ..places.curated import default_aliases_path, default_gazetteer_path, read_gazetteer_csv
    from ..places.world import WorldGazetteer
    from ..places.world.imported import read_manifest

    world = WorldGazetteer.load()
    summary = world.summary()
    curated, _ = read_gazetteer_csv(default_gazetteer_path())
    with open(default_aliases_path(), encoding="utf-8") as fh:
        aliases = sum(1 for _ in fh) - 1
    imports = read_manifest()
    data = {
        "world_index": {"path": str(world.path), "places": len(world), **summary},
        "curated": {"path": str(default_gazetteer_path()), "places": len(curated), "aliases": aliases},
        "imports": [
            {k: m.get(k) for k in ("name", "source_file", "rows", "kept", "bytes", "imported_at", "licence")}
            for m in imports
        ],
    }
    if as_json:
        click.echo(json.dumps(data, indent=1))
        return
    click.echo(f"world index: {len(world):,} places ({world.path})")
    for t, n in summary["by_type"].items():
        click.echo(f"  {n:>9,} {t}")
    click.echo("  sources:")
    for s, n in summary["by_source"].items():
        click.echo(f"  {n:>9,} {s}")
    click.echo(f"curated: {len(curated):,} places, {aliases:,} other names ({default_gazetteer_path().parent})")
    if not imports:
        click.echo("imported GeoNames dumps: none (mapper gazetteer import FILE.zip adds one)")
    for m in imports:
        click.echo(
            f"imported {m.get('name')}: {m.get('kept', 0):,} places of {m.get('rows', 0):,} rows from "
            f"{m.get('source_file')} on {m.get('imported_at')}; {m.get('licence')}"
        )
