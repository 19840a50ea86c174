"""The outputs are published as one unit: a process killed at any point of publishing leaves,
once the next publish (or ``recover``) has run, either the whole previous set or the whole new
one, never a mix; two processes writing to one folder take turns."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapper.config import PipelineConfig
from mapper.export.publish import MANIFEST, publish, recover
from mapper.models import RunResult
from mapper.pipeline import run

NAMES = ("sites.geojson", "sites.csv", "report.json")
FORMATS = ("geojson", "csv")


def _set(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in NAMES if (out / n).exists()}


def _manifest_matches(out: Path) -> bool:
    files = json.loads((out / MANIFEST).read_text())["files"]
    return all(hashlib.sha256((out / n).read_bytes()).hexdigest() == h for n, h in files.items())


def _publish_killed_at(result: RunResult, out: Path, n: int) -> bool:
    """Publish in a child process that dies (``os._exit``, as under kill -9: nothing is cleaned
    up) at its ``n``-th fsync, rename or replace; whether it got there."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        calls = 0
        real = {name: getattr(os, name) for name in ("fsync", "rename", "replace")}

        def hooked(name: str) -> object:
            def call(*args: object, **kw: object) -> object:
                nonlocal calls
                calls += 1
                if calls == n:
                    os._exit(99)
                return real[name](*args, **kw)

            return call

        for name in real:
            setattr(os, name, hooked(name))
        try:
            publish(result, out, FORMATS)
        except BaseException:
            os._exit(2)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, 99), code
    return code == 99


@pytest.fixture
def two_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[RunResult, RunResult]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Warplanes struck Akashat on Friday, killing 16 people, officials said.\n")
    config = PipelineConfig(world=False, geocoder=None)
    old = run([arts], tmp_path / "r1", config, keep_store=False, formats=())
    (arts / "b.txt").write_text("A drone hit a depot in al-Qaim on Sunday; two guards were wounded.\n")
    new = run([arts], tmp_path / "r2", config, keep_store=False, formats=())
    return old, new


def test_a_publish_killed_at_any_point_is_never_left_mixed(
    tmp_path: Path, two_results: tuple[RunResult, RunResult]
) -> None:
    old, new = two_results
    ref_old, ref_new = tmp_path / "ref_old", tmp_path / "ref_new"
    publish(old, ref_old, FORMATS)
    publish(new, ref_new, FORMATS)
    old_set, new_set = _set(ref_old), _set(ref_new)
    assert old_set != new_set and set(old_set) == set(NAMES)
    points = 0
    committed_seen = False
    for n in range(1, 100):
        out = tmp_path / f"out{n}"
        shutil.copytree(ref_old, out)
        if not _publish_killed_at(new, out, n):
            break
        points += 1
        # right after the kill: every file is the old one or the new one, and a publish that
        # got past its commit point has left the folder that finishes it
        now = _set(out)
        assert all(now[k] in (old_set[k], new_set[k]) for k in NAMES)
        pending = list(out.glob(".publish-*"))
        if now != old_set:
            assert pending, f"kill at point {n} left a mixed set with nothing to finish it"
        # the next publish into the folder, or recover, finishes it: one whole set
        recover(out)
        after = _set(out)
        assert after in (old_set, new_set), f"kill at point {n}"
        committed_seen |= after == new_set
        assert _manifest_matches(out)
        assert not list(out.glob(".publish-*"))
    assert points >= 9, points  # the fsyncs of each file and folder, the rename, each replace
    assert committed_seen
    # and a publish after the kill leaves only the newest set, with no staging folder behind
    publish(new, out, FORMATS)
    assert _set(out) == new_set and not list(out.glob(".staging-*")) and not list(out.glob(".publish-*"))


def _waiting_for(folder: Path) -> bool:
    """Whether a process waits for a lock on ``folder`` (Linux lists waiters in /proc/locks after "->")."""
    inode = os.stat(folder).st_ino
    return any("->" in line and f":{inode} " in line for line in Path("/proc/locks").read_text().splitlines())


def test_two_processes_publishing_to_one_folder_take_turns(tmp_path: Path) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Warplanes struck Akashat on Friday, killing 16 people, officials said.\n")
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as another mapper process publishing into this folder
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mapper", "run", str(arts), "-o", str(out), "--offline", "--no-world",
             "--store", str(tmp_path / "other.sqlite"), "-q"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None and not _waiting_for(out):
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()
        assert _waiting_for(out)
        assert not (out / "sites.geojson").exists()  # it waits for the folder, writing nothing there
    finally:
        os.close(fd)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert (out / "sites.geojson").exists() and _manifest_matches(out)
