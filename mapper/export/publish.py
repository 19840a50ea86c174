"""Publish a run's outputs as one unit: render them all into a staging folder, then put them in place.

The outputs of one run (``sites.geojson``, ``sites.csv``, ``map.html``, ``report.json``,
``sites.gpkg``) are never mixed with those of another, even when the process is killed
while it moves them:

1. every output is rendered into ``.staging-<pid>-…`` in the output folder, each file
   synced to disk; a failure or a kill here leaves the previous outputs untouched (the
   staging folder of a dead process is removed by the next publish);
2. a manifest (``.mapper-outputs.json``: the generation, and the SHA-256 of each file) is
   written beside them, and the staging folder is renamed to ``.publish-<generation>``: that
   one rename is the commit point;
3. the files are moved into place one by one, the manifest last, and the folder removed.

A kill during step 3 leaves a ``.publish-…`` folder holding the files not yet moved: the
next publish into that folder (any ``mapper run``, ``export`` or ``forget``; ``recover``)
moves them first, so the set is completed, never mixed for good.  Until then the manifest
in the folder still describes the previous set, so a reader can check each file's hash
against it.  Publishing holds a lock on the output folder (``flock`` on the folder itself),
so two runs writing to one folder, even with different stores, never interleave.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..ingest import OUTPUTS_MARKER
from ..models import RunResult
from . import csvout
from .geojson import FeatureWriter, feature_collection, features
from .report import report, run_info

MANIFEST = OUTPUTS_MARKER
_PUBLISH_PREFIX = ".publish-"


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
    """Write the outputs into a staging folder, then put them all in place as one unit (see
    the module notes).  A failure while rendering any of them leaves every previous output
    untouched."""

    try:
        return _publish(result, Path(outdir), formats)
    except OSError as exc:
        raise OutputError(f"cannot write outputs to {outdir}: {exc.strerror or exc}") from exc


def recover(outdir: str | os.PathLike[str]) -> bool:
    """Finish a publish into ``outdir`` that was killed after its commit point; whether there
    was one.  (``publish`` does it first; call it to repair a folder without publishing.)"""
    out = Path(outdir)
    if not out.is_dir():
        return False
    try:
        with _folder_lock(out):
            return _recover(out)
    except OSError as exc:
        raise OutputError(f"cannot finish the outputs in {outdir}: {exc.strerror or exc}") from exc


def _publish(result: RunResult, out: Path, formats: Sequence[str]) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    with _folder_lock(out):
        _recover(out)
        _remove_dead_staging(out)
        stage = Path(tempfile.mkdtemp(prefix=f".staging-{os.getpid()}-", dir=out))
        try:
            names = _render(result, out, stage, formats)
            files = {}
            for name in names:
                with open(stage / name, "rb") as fh:
                    os.fsync(fh.fileno())
                files[name] = _sha256(stage / name)
            generation = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
            manifest = {"generation": generation, "files": files}
            with open(stage / MANIFEST, "w", encoding="utf-8") as fh:
                json.dump(manifest, fh, indent=1, sort_keys=True)
                fh.write("\n")
                fh.flush()
                os.fsync(fh.fileno())
            _fsync_dir(stage)
            pub = out / f"{_PUBLISH_PREFIX}{generation}-{os.getpid()}"
            os.rename(stage, pub)  # the commit point: from here on the set is put in place whole
            _fsync_dir(out)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        _put_in_place(pub, out)
    return {kind: str(out / OUTPUT_NAMES[kind]) for kind in [*formats, "report"] if OUTPUT_NAMES[kind] in files}


def _render(result: RunResult, out: Path, stage: Path, formats: Sequence[str]) -> list[str]:
    """Write the outputs into ``stage``; their file names."""
    articles = {a.id: a for a in result.articles}
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

            # links to the articles are made relative to the folder the map ends up in
            write_map(fc, stage / OUTPUT_NAMES["html"], title="Strike map", run_info=run_info(result), base_dir=out)
        if "gpkg" in formats:
            from .gpkg import write_gpkg

            write_gpkg(fc, stage / OUTPUT_NAMES["gpkg"])
    (stage / OUTPUT_NAMES["report"]).write_text(
        json.dumps(report(result), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [OUTPUT_NAMES[k] for k in [*formats, "report"] if (stage / OUTPUT_NAMES[k]).exists()]


def _put_in_place(pub: Path, out: Path) -> None:
    """Move the files of a committed publish folder into ``out``, the manifest last, then remove
    the folder (whatever of this was done before a kill is not done again)."""
    try:
        with open(pub / MANIFEST, encoding="utf-8") as fh:
            names = list(json.load(fh)["files"])
    except FileNotFoundError:  # moved already: only the empty folder was left
        names = []
    except (ValueError, KeyError, TypeError):  # not ours, or damaged before the commit: never put in place
        shutil.rmtree(pub, ignore_errors=True)
        return
    for name in [*names, MANIFEST]:
        if (pub / name).exists():
            os.replace(pub / name, out / name)
    _fsync_dir(out)
    shutil.rmtree(pub, ignore_errors=True)


def _recover(out: Path) -> bool:
    found = False
    for pub in sorted(out.glob(f"{_PUBLISH_PREFIX}*")):
        if pub.is_dir():
            _put_in_place(pub, out)
            found = True
    return found


@contextlib.contextmanager
def _folder_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on the output folder itself (no lock file is left behind)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


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
