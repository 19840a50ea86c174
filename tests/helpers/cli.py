"""Running the command line in-process, as the tests do."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mapper.cli import main

OUTPUTS = ("sites.geojson", "sites.csv", "map.html", "report.json")


def invoke(*args: str) -> tuple[int, str, str]:
    """``mapper ARGS``: exit code, stdout, stderr (a click error is an exit code, not an exception)."""
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def invoke_strict(*args: str) -> tuple[int, str, str]:
    """``invoke``, raising whatever the command raised other than a click exit."""
    r = CliRunner().invoke(main, list(args))
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def outputs(out: Path) -> dict[str, bytes]:
    """The bytes of a run's main outputs in ``out`` (those that exist)."""
    return {n: (out / n).read_bytes() for n in OUTPUTS if (out / n).exists()}
