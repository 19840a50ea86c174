"""The ``mapper`` command group: only the group and its commands, one module each.

Only click and the standard library are imported at start-up; every heavy
module is imported inside the command that uses it, so ``mapper --help`` is
instant.  The commands parse options and print; the work is the library's
(``mapper.pipeline``).
"""

from __future__ import annotations

import click

from .. import __version__
from .evaluate import evaluate
from .export import export
from .extract import extract
from .fix import fix
from .forget import forget
from .gazetteer import gazetteer
from .run import run
from .sites import sites


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mapper")
def main() -> None:
    """Map where military strikes happened, from folders of news articles.

    \b
    Stages: ingest -> toponyms -> resolve -> events & casualties -> sites -> export.
    Outputs: map.html (standalone map), sites.geojson (RFC 7946), sites.csv,
    report.json (files skipped, names unresolved); every analysed article is
    kept in a store (output/mapper.sqlite), so runs add only what is new.

    \b
    Example:
      mapper run seeds/ -o output/
    """


for command in (run, export, sites, fix, forget, extract, evaluate, gazetteer):
    main.add_command(command)
