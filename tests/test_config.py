"""One description of a pipeline: the fingerprint that decides re-analysis, and what it covers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mapper.config import NOT_ANALYSIS, PipelineConfig, analysis_modules

from .conftest import ROOT, SEEDS


def test_the_fingerprint_covers_every_analysis_module_in_every_sub_package() -> None:
    modules = {p.as_posix() for p in analysis_modules()}
    assert {"toponyms.py", "resolve.py", "places/world/index.py", "places/geocode.py", "places/__init__.py"} <= modules
    assert not any(m.split("/")[0] in NOT_ANALYSIS for m in modules)
    assert not any(m.startswith(("cli/", "store/", "export/")) for m in modules)
    assert PipelineConfig().fingerprint() == PipelineConfig().fingerprint()
    assert PipelineConfig().fingerprint() != PipelineConfig(world=False).fingerprint()


def _run(pkg_root: Path, out: Path) -> str:
    """``mapper run`` over the seeds with the copy of the package under ``pkg_root``."""
    proc = subprocess.run(
        [sys.executable, "-P", "-m", "mapper", "run", str(SEEDS), "-o", str(out), "--offline", "--no-map", "-q"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(pkg_root), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
        check=True,
    )
    return proc.stderr


def test_a_change_in_a_sub_package_re_analyses_the_stored_articles(tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(ROOT / "mapper", root / "mapper", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", root / "data")
    out = tmp_path / "out"
    _run(root, out)
    assert "again" not in _run(root, out)  # nothing changed: nothing analysed again
    with open(root / "mapper" / "cli" / "run.py", "a") as fh:  # not analysis code
        fh.write("\n# a comment\n")
    assert "again" not in _run(root, out)
    with open(root / "mapper" / "places" / "world" / "index.py", "a") as fh:
        fh.write("\n# a comment\n")
    assert "analysing 5 stored articles again" in _run(root, out)
