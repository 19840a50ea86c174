"""--jobs N and --dask give the outputs of a serial run; lean results map the same sites;
the regex fast paths match what they replace."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.config import GeocoderConfig, PipelineConfig
from mapper.executors import DaskCluster, Processes
from mapper.models import Place
from mapper.pipeline import Pipeline
from mapper.sites import lean_result

from .conftest import SEEDS, finish
from .helpers.cli import invoke as _cli

OUTPUTS = ("sites.geojson", "sites.csv", "report.json")


def _plain(o: Any) -> Any:
    """A result as plain data, to compare two runs field by field."""
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return {f.name: _plain(getattr(o, f.name)) for f in dataclasses.fields(o)}
    if isinstance(o, list | tuple):
        return [_plain(x) for x in o]
    if isinstance(o, dict):
        return {str(k): _plain(v) for k, v in o.items()}
    if hasattr(o, "isoformat"):
        return o.isoformat()
    return o


@pytest.fixture
def corpus(seeds_copy: Path) -> Path:
    """The seeds plus what a run must report in order: a duplicate, bad files, a nested folder."""
    first = sorted(seeds_copy.glob("*.txt"))[0]
    (seeds_copy / "zz_copy.txt").write_bytes(first.read_bytes())
    (seeds_copy / "empty.txt").write_bytes(b"")
    (seeds_copy / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    sub = seeds_copy / "more"
    sub.mkdir()
    (sub / "new.txt").write_text(
        "US warplanes struck Akashat on Friday, killing 40 people, officials said.\n\n"
        "Strikes also hit the town of Qelbrun Vasht, an official in Baghdad said."
    )
    return seeds_copy


def _outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def test_jobs_2_writes_what_a_serial_run_writes(corpus: Path, tmp_path: Path) -> None:
    serial, par = tmp_path / "serial", tmp_path / "par"
    c1, out1, err1 = _cli("run", str(corpus), "-o", str(serial), "--offline", "--no-map")
    c2, out2, err2 = _cli("run", str(corpus), "-o", str(par), "--offline", "--no-map", "--jobs", "2")
    assert c1 == 0 and c2 == 0, (err1, err2)
    assert _outputs(serial) == _outputs(par)
    assert out1 == out2.replace(str(par), str(serial))
    warnings = [ln for ln in err1.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 3 and "counted once" in err1
    assert warnings == [ln for ln in err2.splitlines() if ln.startswith("warning:")]  # same order
    report = json.loads((par / "report.json").read_text())
    assert report["counts"]["articles"] == 6 and "Qelbrun Vasht" in report["unresolved"]


def _articles(*inputs: Path) -> list[Any]:
    from mapper.ingest import articles, read_all

    problems: list[Any] = []
    return list(articles(read_all(inputs), problems.append))


def test_parallel_results_equal_serial_results(corpus: Path) -> None:
    pipe = Pipeline.from_config(PipelineConfig(world=False))
    serial = list(pipe.pipe(_articles(corpus)))
    par = list(pipe.pipe(_articles(corpus), Processes(2)))
    assert _plain(par) == _plain(serial)  # articles with their texts, mentions, claims, dates
    assert [r.article.id for r in serial] == sorted(r.article.id for r in serial)


def test_lean_results_map_the_same_sites(corpus: Path, tmp_path: Path) -> None:
    full = list(Pipeline.from_config(PipelineConfig(world=False)).pipe(_articles(corpus)))
    lean = [lean_result(r) for r in full]
    assert all(r.article.text == "" and r.article.clean == "" and not r.article.offsets for r in lean)
    a = finish(full, [], tmp_path / "full", formats=("geojson", "csv"))
    b = finish(lean, [], tmp_path / "lean", formats=("geojson", "csv"))
    assert _outputs(tmp_path / "full") == _outputs(tmp_path / "lean")
    assert a.sites and _plain(a.sites) == _plain(b.sites)
    # what the sites quote is kept, the same as quoted from the full text
    quoted = [(r, f, m.evidence) for r, f in zip(lean, full, strict=True) for m in r.mentions if m.evidence]
    assert quoted and all(span in r.quotes and r.quote(span) == f.quote(span) for r, f, span in quoted)


class FakeGeocoder:
    """Knows one name no gazetteer has; counts its lookups."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def lookup(self, name: str, country_codes: list[str] | None = None) -> Place | None:
        self.calls.append(name)
        if name == "Qelbrun Vasht":
            return Place("geo:fake:1", "Qelbrun Vasht", 32.1, 36.1, "town", "JO", resolved_by="geocoder:fake")
        return None


def test_dask_cluster_gives_the_serial_results(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    config = PipelineConfig(world=False, geocoder=GeocoderConfig(cache_path=str(tmp_path / "geocache.sqlite")))
    serial_geo, parent_geo = FakeGeocoder(), FakeGeocoder()
    serial = list(Pipeline.from_config(config, geocoder=serial_geo).pipe(_articles(corpus)))
    # the workers have no geocoder cache: the article with a name only the geocoder knows
    # is analysed again by this process's geocoder
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        par = list(Pipeline.from_config(config, geocoder=parent_geo).pipe(_articles(corpus), DaskCluster(client)))
        assert _plain(par) == _plain(serial)
        zarqa = [m for r in par for m in r.mentions if m.surface == "Qelbrun Vasht"]
        assert zarqa and zarqa[0].place is not None and zarqa[0].place.id == "geo:fake:1"
        assert parent_geo.calls == ["Qelbrun Vasht"]  # only the article that needed it

        # the command line, through the scheduler's address
        out, ref = tmp_path / "dask", tmp_path / "ref"
        assert _cli("run", str(corpus), "-o", str(ref), "--offline", "--no-map")[0] == 0
        address = cluster.scheduler_address
        code, _, err = _cli("run", str(corpus), "-o", str(out), "--offline", "--no-map", "--dask", address)
        assert code == 0, err
        assert _outputs(out) == _outputs(ref)


def test_extra_gazetteers_reach_the_workers(seeds_copy: Path, tmp_path: Path) -> None:
    gaz = tmp_path / "extra.csv"
    gaz.write_text(
        "id,name,aliases,lat,lon,feature_type,country,admin1,parent,geo_precision,population,source\n"
        "gz:zarqa-nova,Qelbrun Vasht,,32.1,36.1,town,JO,,,1,,test\n"
    )
    (seeds_copy / "new.txt").write_text("Strikes hit the town of Qelbrun Vasht on Friday, a local official said.")
    config = PipelineConfig(gazetteers=(str(gaz),), world=False)
    pipe = Pipeline.from_config(config)
    serial = list(pipe.pipe(_articles(seeds_copy)))
    par = list(pipe.pipe(_articles(seeds_copy), Processes(2)))
    assert _plain(par) == _plain(serial)
    shipped = config.shipped()
    assert shipped.gazetteer_data == (gaz.read_bytes(),)
    assert Pipeline.from_config(shipped).gazetteer.get("gz:zarqa-nova") is not None


def test_a_normal_run_imports_no_dask(tmp_path: Path) -> None:
    code = (
        "import sys; from click.testing import CliRunner; from mapper.cli import main;"
        f"r = CliRunner().invoke(main, ['run', {str(SEEDS)!r}, '-o', {str(tmp_path)!r}, '--offline', '--no-map',"
        " '--jobs', '2']); assert r.exit_code == 0, r.output;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        for address in ("tcp://127.0.0.1:1", "inproc://nowhere/1/1"):
            code, _, err = _cli("run", str(SEEDS), "-o", str(tmp_path), "--offline", "--dask", address)
            assert code != 0 and f"cannot use the Dask cluster at {address}" in err, err


def test_batches_are_shared_out_evenly() -> None:
    from mapper.executors import _split

    assert [len(p) for p in _split(list(range(5)), 2)] == [3, 2]
    assert [len(p) for p in _split(list(range(1000)), 2)] == [64] * 15 + [40]
    assert _split([], 2) == []


@pytest.mark.parametrize(("offline", "redone"), [(True, []), (False, ["b"])])
def test_a_workers_cache_miss_is_redone_here_only_when_this_process_may_ask_online(
    offline: bool, redone: list[str]
) -> None:
    from mapper.executors import Done, Executor
    from mapper.models import Article, ArticleResult

    class Scripted(Executor):
        """Workers that answer "b" with a cache miss."""

        def collect(self, ticket: Any) -> list[Any]:
            batch, _ = ticket
            return [Done(None, ArticleResult(Article("", "", "", ""), [], []), missed=a.id == "b") for a in batch]

    pipe = Pipeline.from_config(
        PipelineConfig(world=False, geocoder=GeocoderConfig(offline=offline)), geocoder=FakeGeocoder()
    )
    analysed: list[str] = []
    real = pipe.analyse
    pipe.analyse = lambda a: analysed.append(a.id) or real(a)  # type: ignore[method-assign]
    arts = [Article(x, x, f"{x} text.", f"{x} text.") for x in ("a", "b")]
    results = list(pipe.pipe(arts, Scripted()))
    assert analysed == redone
    assert [r.article.id for r in results] == ["a", "b"]  # given back their article here


def test_with_jobs_the_workers_read_the_files_and_this_process_reads_none(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import mapper.ingest

    readers = tmp_path / "readers.txt"
    real = mapper.ingest.read_article

    def spy(src: Any) -> Any:  # (the workers are forked from here: they carry it too)
        with open(readers, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(src)

    monkeypatch.setattr(mapper.ingest, "read_article", spy)
    code, _, err = _cli("run", str(corpus), "-o", str(tmp_path / "par"), "--offline", "--no-map", "--jobs", "2")
    assert code == 0, err
    pids = readers.read_text().split()
    assert len(pids) == 9  # every file once: the seeds, a copy, an empty, a binary and a nested one
    assert str(os.getpid()) not in pids
    # the files the workers could not read are named, as a serial run names them
    assert "empty.txt: empty file" in err and "binary.txt" in err
    readers.unlink()
    assert _cli("run", str(corpus), "-o", str(tmp_path / "serial"), "--offline", "--no-map")[0] == 0
    assert set(readers.read_text().split()) == {str(os.getpid())}


def test_an_update_keeps_nothing_of_the_files_it_passes_over_or_has_settled(tmp_path: Path) -> None:
    """The bookkeeping of a run over a large folder holds only the files on their way: none of
    those it passed over unchanged, none of those it has stored."""
    from mapper.pipeline import _Update
    from mapper.store.database import Store

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Shelling hit Kharkiv on day {i}, officials said.\n", encoding="utf-8")
        os.utime(folder / f"{i}.txt", (1_700_000_000, 1_700_000_000))  # (not written just now: no racy record)
    pipe = Pipeline.create()
    with Store.open(tmp_path / "store.sqlite") as store:
        first = _Update(store, pipe, "test", 0.0, None, None)
        first.read_new([folder], None, (), False)
        store.add(first.pending, "test")
        assert first.done.files == 3 and not first.rows and not first.keys
        (folder / "3.txt").write_text("A drone struck a depot near Odesa, the army said.\n", encoding="utf-8")
        again = _Update(store, pipe, "test", 0.0, None, None)
        again.read_new([folder], None, (), False)
        assert (again.done.files, again.done.unchanged) == (4, 3)
        assert not again.rows and not again.keys
        assert [r.article.path.rsplit("/", 1)[-1] for r in again.pending.results] == ["3.txt"]
