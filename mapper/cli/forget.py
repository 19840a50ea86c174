"""``mapper forget``: remove articles from the store, with everything only they supported."""

from __future__ import annotations

from pathlib import Path

import click

from .export import FORMATS
from .options import open_store, output_option, shown, store_options, warn


@click.command("forget")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@output_option("Folder whose outputs are refreshed; its mapper.sqlite is the store unless --store says otherwise.")
@store_options
def forget(articles: tuple[str, ...], outdir: Path, store: Path | None, wait: float | None) -> None:
    """Remove ARTICLE... from the store, with everything only they supported.

    ARTICLE is an article id as the outputs list them (the path relative to its
    input folder, or a record's id), the article's file (a .jsonl file or a mailbox: all its
    records), or its content hash (6 or more hex digits).  Sites, claims and places only those articles gave go; the
    outputs already in OUTDIR are rendered again.  Running over a folder that
    still holds the file adds it again.

    \b
    Example:
      mapper forget 2024-02-03/rumour.txt
    """
    from ..export.publish import OUTPUT_NAMES
    from ..outputs import refresh
    from ..store import default_store, file_key

    with open_store(store or default_store(outdir), wait, create=False) as st:
        kinds = tuple(k for k in FORMATS if (outdir / OUTPUT_NAMES[k]).exists()) or ("geojson", "csv", "html")
        shas: list[str] = []
        for ref in articles:
            hits = st.find(ref)
            if len(hits) != 1:  # a file read: its article, or every record of a .jsonl or .mbox
                by_file = st.find_file(file_key(ref))
                if not by_file:
                    what = "no stored article matches" if not hits else f"{len(hits)} stored articles match"
                    done = ""
                    if not st.sites_current():  # an earlier command (a killed forget) left the outputs behind
                        refresh(st, outdir, kinds, on_problem=warn)
                        done = f" (the outputs in {outdir}, left behind by an earlier command, are now up to date)"
                    raise click.ClickException(shown(f"{what} {ref!r}; nothing forgotten{done}"))
                hits = by_file
            shas += hits
        gone = st.forget(shas)
        result = refresh(st, outdir, kinds, on_problem=warn)
    struck = sum(1 for s in result.sites if s.role == "struck")
    click.echo(shown(f"forgot {len(gone)} article(s): {', '.join(gone)}"))
    mentioned = len(result.sites) - struck
    click.echo(f"the store now maps {len(result.articles)} articles: {struck} sites struck, {mentioned} mentioned")
