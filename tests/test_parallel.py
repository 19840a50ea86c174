"""--jobs N and --dask give the outputs of a serial run; lean results map the same sites;
the regex fast paths match what they replace."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.cli import main
from mapper.models import Place
from mapper.parallel import PipelineSpec, batch_size, process, spec_for
from mapper.pipeline import Pipeline, finish, lean_result

from .conftest import SEEDS

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
        "Strikes also hit the town of Qelbrun Vasht, a local official said."
    )
    return seeds_copy


def _cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


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


def test_parallel_results_equal_serial_results(corpus: Path) -> None:
    pipe = Pipeline.create()
    spec = spec_for([], None, offline=True)
    serial, serial_problems = pipe.process([corpus])
    par, par_problems = process(pipe, spec, [corpus], jobs=2, lean=False)
    assert _plain(par) == _plain(serial)  # articles with their texts, mentions, claims, dates
    assert _plain(par_problems) == _plain(serial_problems)
    assert [r.article.id for r in serial] == sorted(r.article.id for r in serial)


def test_lean_results_map_the_same_sites(corpus: Path, tmp_path: Path) -> None:
    pipe = Pipeline.create()
    full, problems = pipe.process([corpus])
    lean = [lean_result(r) for r in full]
    assert all(r.article.text == "" and r.article.clean == "" and not r.article.offsets for r in lean)
    a = finish(full, problems, tmp_path / "full", formats=("geojson", "csv"))
    b = finish(lean, problems, tmp_path / "lean", formats=("geojson", "csv"))
    assert _outputs(tmp_path / "full") == _outputs(tmp_path / "lean")
    assert a.sites and _plain(a.sites) == _plain(b.sites)
    with pytest.raises(LookupError):
        lean[0].article.to_original(0, 1)


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
    serial_geo, parent_geo = FakeGeocoder(), FakeGeocoder()
    serial, serial_problems = Pipeline.create(geocoder=serial_geo).process([corpus])
    # the workers have no geocoder cache: the article with a name only the geocoder knows
    # is analysed again by this process's geocoder
    spec = PipelineSpec(provider="fake", offline=False)
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        par, par_problems = process(Pipeline.create(geocoder=parent_geo), spec, [corpus], dask=client, lean=False)
        assert _plain(par) == _plain(serial) and _plain(par_problems) == _plain(serial_problems)
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
    spec = spec_for([str(gaz)], None, offline=True)
    pipe = Pipeline.create([gaz])
    serial, _ = pipe.process([seeds_copy])
    par, _ = process(pipe, spec, [seeds_copy], jobs=2, lean=False)
    assert _plain(par) == _plain(serial)
    shipped = spec.shipped()
    assert shipped.gazetteer_data == (gaz.read_bytes(),)
    remote, _ = shipped.worker_pipeline(cache=False)
    assert remote.gazetteer.get("gz:zarqa-nova") is not None


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


def test_batch_sizes() -> None:
    assert batch_size(5, 2) == 1
    assert batch_size(10_000, 2) == 64
    assert batch_size(0, 2) == 1


# ----------------------------------------------------------------------------- fast regex forms


def test_word_pattern_and_any_of_match_the_plain_alternation() -> None:
    from mapper.text import any_of, word_pattern

    words = ["strike", "strikes", "air-strike", "hit", "hits", "kill", "killed", "shell"]
    text = (
        "Air-strikes hit; the AIR-STRIKE hits. ſtrike \u212aILLED killed_ kill2 shellfire Shell strikes-x "
        "overkill hit-and-run, struck"
    )
    for flags in (0, re.I):
        plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", flags)
        fast = re.compile(word_pattern(words), flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        sub = re.compile("(?:" + "|".join(words) + ")", flags)
        assert bool(re.compile(any_of(words), flags).search(text)) == bool(sub.search(text))
    with pytest.raises(ValueError):
        word_pattern(["air", "air-strike"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kill", "Killed", "ed", "s", "-", " ", "\u212a", "ſ", "x", "_", "ing", "strike"])))
def test_word_pattern_property(parts: list[str]) -> None:
    from mapper.text import word_pattern

    text = "".join(parts)
    words = ["kill", "killed", "killing", "strike", "strikes"]
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
    fast = re.compile(word_pattern(words), re.I)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


LINES = st.lists(
    st.sampled_from(
        [
            "We use cookies",
            "cookie policy",
            "accept all cookies",
            "Subscribe to our newsletter",
            "\u017fubscribe to the newsletter",
            "COO\u212aIE settings",
            "All rights reserved.",
            "all  rights reserved",
            "Read more",
            "Read More @ x",
            "Thank you for your subscription",
            "Copyright 2024",
            "US warplanes hit Akashat",
            "para la las los del",
            "the of and",
            "\u00a0",
            " ",
            "x",
            ".",
            "!",
            "\t",
            "\r",
            "\n",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_boilerplate_fast_path_matches_the_pattern(line: str) -> None:
    from mapper.ingest import BOILERPLATE, _is_foreign_line, is_boilerplate

    s = line.strip()
    assert is_boilerplate(line) == (bool(s) and (bool(BOILERPLATE.match(s)) or _is_foreign_line(s)))


def test_first_full_date_is_the_first_full_date_found() -> None:
    from mapper.dates import find_dates, first_full_date

    for text in [
        "On Friday, 2 February 2024, strikes hit; on 3 Feb they went on. 2024-02-05 and March 1, 2023.",
        "3 February and Friday, then 2021-06-28, then June 27, 2021",
        "no date at all, 2024",
        "Tuesday 31 February 2024 is no date; 1 March 2024 is",
    ]:
        full = [r.value for r in find_dates(text) if r.kind == "full"]
        assert first_full_date(text) == (full[0] if full else None)


SENTENCE_TEXT = st.lists(
    st.sampled_from(
        [
            "Strikes",
            "air-strike",
            "AIR-STRIKES",
            "hit",
            "white",
            "killed",
            "Kill",
            "\u212aILLED",
            "ſtrike",
            "İnjured",
            "lost",
            "gloss",
            "deadline",
            "wounded",
            "x_",
            "2",
            "é",
            ".",
            "!",
            "\n",
            "\n\n",
            " ",
            "-",
            ",",
        ]
    ),
    max_size=40,
).map(lambda xs: " ".join(xs))


@settings(max_examples=300, deadline=None)
@given(SENTENCE_TEXT)
def test_one_pass_word_finders_match_the_per_sentence_regexes(text: str) -> None:
    from mapper.casualties import _FIGURE_HINT, _hinted
    from mapper.pipeline import _TRIGGER_RX, _sentences_with_trigger
    from mapper.text import Sentence, split_sentences

    # the sentences of the text, and arbitrary spans cutting through words
    for sentences in (split_sentences(text), [Sentence(i, min(i + 7, len(text)), 0) for i in range(0, len(text), 9)]):
        assert _sentences_with_trigger(text, sentences) == [
            _TRIGGER_RX.search(text, s.start, s.end) is not None for s in sentences
        ]
        assert _hinted(text, sentences) == [_FIGURE_HINT.search(text[s.start : s.end]) is not None for s in sentences]


def _foreign_reference(line: str) -> bool:
    """The foreign-line rule written plainly (ingest._is_foreign_line is a faster form)."""
    letters = re.findall(r"[^\W\d_]", line)
    if len(letters) >= 8:
        latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
        if latin / len(letters) < 0.5:
            return True
    from mapper.ingest import _ENGLISH_STOP, _FOREIGN_STOP

    words = [w.lower() for w in re.findall(r"[^\W\d_]+", line)]
    if len(words) >= 4:
        foreign = sum(w in _FOREIGN_STOP for w in words)
        english = sum(w in _ENGLISH_STOP for w in words)
        if foreign >= 2 and foreign > 2 * english:
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "la LAS der Die und für İla \u212a ſ the of and said Syria Сирия سوريا é x2 _ ² , “ ’ ١".split()
        ),
        max_size=20,
    ).map(" ".join)
)
def test_foreign_line_fast_path_matches_the_rule(line: str) -> None:
    from mapper.ingest import _is_foreign_line

    assert _is_foreign_line(line) == _foreign_reference(line)


class _Done:
    def __init__(self, parts: Any) -> None:
        self.parts = parts

    def get(self) -> Any:
        return self.parts


class _CountingPipe:
    def __init__(self) -> None:
        self.analysed: list[str] = []

    def analyse(self, article: Any) -> Any:
        self.analysed.append(article)
        return f"again:{article}"


@pytest.mark.parametrize(("offline", "redone"), [(True, []), (False, ["b"])])
def test_a_workers_cache_miss_is_redone_here_only_when_this_process_may_ask_online(
    offline: bool, redone: list[str]
) -> None:
    from types import SimpleNamespace

    from mapper.parallel import BatchAnalyser, PipelineSpec

    pipe = _CountingPipe()
    analyser = BatchAnalyser(pipe, PipelineSpec(provider="nominatim", offline=offline))  # type: ignore[arg-type]
    ra, rb = SimpleNamespace(article=None), SimpleNamespace(article=None)  # sent back without their article
    ticket = (["a", "b"], _Done([[(ra, False)], [(rb, True)]]))
    results = analyser.collect(ticket)  # type: ignore[arg-type]
    assert pipe.analysed == redone
    assert results == [ra, "again:b" if redone else rb]
    assert ra.article == "a" and rb.article == "b"  # given back their article here
