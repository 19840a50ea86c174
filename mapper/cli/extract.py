"""``mapper extract``: every place mention of every article, with its resolution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .options import build_pipeline, config_options, executor_options, say_where_names_go, warn
from .settings import ConfiguredCommand

EPILOG = """\b
Examples:
  mapper extract seeds/ --format table
  mapper extract news.jsonl --offline > toponyms.jsonl
"""


@click.command(cls=ConfiguredCommand, epilog=EPILOG)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON line per article, or a readable table.",
)
@config_options
@executor_options
def extract(inputs: tuple[Path, ...], fmt: str, config: Any, executor: Any) -> None:
    """Print every place mention of every article, with its resolution.

    INPUT is a file, a folder, or a .jsonl file of {"id", "text", ...} records.
    start/end are character offsets into the text as given; non-literal uses
    ("Washington said") are listed with "literal": false.
    """
    import json

    from ..extract import extract as records

    say_where_names_go(config)
    pipe = build_pipeline(config)
    for rec in records(pipe, inputs, executor=executor, on_problem=warn):
        if fmt == "jsonl":
            click.echo(json.dumps(rec, ensure_ascii=False))
            continue
        click.echo(f"== {rec['id']}")
        for t in rec["toponyms"]:
            where = f"{t['lat']:.4f},{t['lon']:.4f}" if t["lat"] is not None else "unresolved"
            flag = t["role"] if t["literal"] else f"non-literal: {t['nonliteral_reason']}"
            click.echo(f"  {t['start']:>6}-{t['end']:<6} {t['name']:<28} {where:<20} {t['country'] or '':<3} {flag}")
