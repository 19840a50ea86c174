"""Publish a run's outputs: render them all into a staging folder, then move them into place.

A failure while rendering any of them leaves every previous output untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..models import RunResult
from . import csvout
from .geojson import FeatureWriter, feature_collection, features
from .report import report, run_info


class OutputError(Exception):
    """The outputs cannot be written; the message is one line naming the folder."""


OUTPUT_NAMES = {
    "geojson": "sites.geojson",
    "csv": "sites.csv",
    "html": "map.html",
    "gpkg": "sites.gpkg",
    "kml": "sites.kml",
    "acled": "acled.csv",
    "corrections": "corrections.csv",
    "report": "report.json",
}


def publish(result: RunResult, outdir: str | os.PathLike[str], formats: Sequence[str]) -> dict[str, str]:
    """Write the outputs into a staging folder, then move them all into place.

    A failure while rendering any of them leaves every previous output untouched.
    """

    try:
        return _publish(result, Path(outdir), formats)
    except OSError as exc:
        raise OutputError(f"cannot write outputs to {outdir}: {exc.strerror or exc}") from exc


def _publish(result: RunResult, out: Path, formats: Sequence[str]) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    articles = {a.id: a for a in result.articles}
    _remove_dead_staging(out)
    stage = Path(tempfile.mkdtemp(prefix=f".staging-{os.getpid()}-", dir=out))
    written: dict[str, str] = {}
    try:
        # sites.geojson and sites.csv are written a feature at a time (those of many articles
        # are large), each feature made once for both
        with contextlib.ExitStack() as files:
            gj = table = None
            if "geojson" in formats:
                gj = FeatureWriter(files.enter_context(open(stage / OUTPUT_NAMES["geojson"], "w", encoding="utf-8")))
            if "csv" in formats:
                table = csvout.writer(
                    files.enter_context(open(stage / OUTPUT_NAMES["csv"], "w", encoding="utf-8", newline=""))
                )
            if gj is not None or table is not None:
                for f in features(result.sites, articles):
                    if gj is not None:
                        gj.write(f)
                    if table is not None:
                        table.writerow(csvout.row(f))
            if gj is not None:
                gj.end()
        if "corrections" in formats:
            from ..corrections import write_csv

            with open(stage / OUTPUT_NAMES["corrections"], "w", encoding="utf-8", newline="") as fh:
                write_csv(fh, (a.correction for a in result.corrections))
        if {"html", "gpkg", "kml", "acled"} & set(formats):
            fc = feature_collection(result.sites, articles)
            if "kml" in formats:
                from .kml import write_kml

                write_kml(fc, stage / OUTPUT_NAMES["kml"])
            if "acled" in formats:
                from . import acled

                with open(stage / OUTPUT_NAMES["acled"], "w", encoding="utf-8", newline="") as fh:
                    acled.write(fh, fc["features"])
            if "html" in formats:
                from .html import write_map

                write_map(fc, stage / OUTPUT_NAMES["html"], title="Strike map", run_info=run_info(result))
            if "gpkg" in formats:
                from .gpkg import write_gpkg

                write_gpkg(fc, stage / OUTPUT_NAMES["gpkg"])
        (stage / OUTPUT_NAMES["report"]).write_text(
            json.dumps(report(result), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        for kind in [*formats, "report"]:
            src = stage / OUTPUT_NAMES[kind]
            if src.exists():
                with open(src, "rb") as fh:
                    os.fsync(fh.fileno())
                os.replace(src, out / OUTPUT_NAMES[kind])
                written[kind] = str(out / OUTPUT_NAMES[kind])
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return written


def _remove_dead_staging(out: Path) -> None:
    """Remove staging folders left by killed runs (``.staging-<pid>-…`` of a process that is gone)."""
    if os.name != "posix":  # os.kill(pid, 0) probes only on POSIX
        return
    for d in out.glob(".staging-*-*"):
        pid = d.name.split("-")[1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(d, ignore_errors=True)
        except PermissionError:  # alive, another user's
            continue
