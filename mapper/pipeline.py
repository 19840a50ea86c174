"""The library API: chain the stages over a folder of articles.

    from mapper.pipeline import Pipeline
    pipe = Pipeline.create(offline=True)
    result = pipe.run(["seeds/"], "output/")

``Pipeline.analyse`` runs the per-article stages (toponyms, resolve, roles,
casualties) on one ``Article``; ``Pipeline.run`` adds ingest, sites and export.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .casualties import extract_claims
from .dates import find_dates
from .ingest import IngestError, Source, discover, notes_of, read_article
from .models import Article, ArticleResult, Claim, LeanArticle, Mention, Problem, RunResult
from .places import MemoSource, WorldSource
from .places.curated import Gazetteer
from .resolve import Geocoder, Resolver
from .roles import TRIGGERS, assign_roles
from .sites import Mentioned, date_events, place_claims, struck_sites
from .text import Sentence, WordFinder, is_word_char, split_sentences, word_pattern
from .toponyms import Matcher, find_mentions

_TRIGGER_RX = re.compile(word_pattern(TRIGGERS), re.I)
_TRIGGER_FINDER = WordFinder(TRIGGERS)
OUTPUT_NAMES = {
    "geojson": "sites.geojson",
    "csv": "sites.csv",
    "html": "map.html",
    "gpkg": "sites.gpkg",
    "report": "report.json",
}


def default_world() -> Any:
    """The bundled world gazetteer (GeoNames) with the US counties, as ``mapper run`` uses it."""
    from .places.counties import CombinedIndex, USCounties
    from .places.world import WorldGazetteer

    return CombinedIndex(WorldGazetteer.load(), USCounties.load())


@dataclass
class Pipeline:
    gazetteer: Gazetteer
    matcher: Matcher
    resolver: Resolver
    problems: list[Problem] = field(default_factory=list)  # from loading the gazetteers

    @classmethod
    def create(
        cls,
        gazetteers: Sequence[str | os.PathLike[str]] = (),
        *,
        world: WorldSource | None = None,
        geocoder: Geocoder | None = None,
    ) -> Pipeline:
        if world is not None and not isinstance(world, MemoSource):
            world = MemoSource(world)
        gaz, problems = Gazetteer.load(gazetteers, world=world)
        return cls(gaz, Matcher(gaz.forms, world), Resolver(gaz, world, geocoder), problems)

    # ------------------------------------------------------------------ per article
    def analyse(self, article: Article) -> ArticleResult:
        clean = article.clean
        mentions = find_mentions(article, self.matcher)
        unresolved = self.resolver.resolve(article, mentions)
        sentences = split_sentences(clean)
        event_ref = None
        has_trigger = _sentences_with_trigger(clean, sentences)
        j = 0
        for sent, trigger in zip(sentences, has_trigger, strict=True):
            inside = []
            while j < len(mentions) and mentions[j].cstart < sent.end:
                if mentions[j].cstart >= sent.start:
                    inside.append(mentions[j])
                j += 1
            assign_roles(clean, sent, inside)
            struck = [m for m in inside if m.role == "struck"]
            if struck or (event_ref is None and trigger):
                refs = find_dates(clean[sent.start : sent.end], sent.start)
                if refs:
                    for m in struck:
                        m.date_ref = refs[0]
                    if event_ref is None:
                        event_ref = refs[0]
        claims = extract_claims(article, sentences, mentions)
        return ArticleResult(article, mentions, claims, unresolved, event_ref)

    # ------------------------------------------------------------------ whole run
    def process(
        self,
        inputs: Iterable[str | os.PathLike[str]],
        *,
        on_problem: Callable[[Problem], None] | None = None,
        progress: bool = False,
        lean: bool = False,
    ) -> tuple[list[ArticleResult], list[Problem]]:
        """Read and analyse every article; bad files become problems, the rest go on.

        ``lean``: keep each result ``lean`` (without the article's texts), as a run over
        many articles must to stay small; the sites and outputs are the same.
        """
        problems: list[Problem] = list(self.problems)
        if on_problem:
            for p in problems:
                on_problem(p)
        items = list(discover(inputs))
        results: list[ArticleResult] = []
        seen_hashes: dict[str, str] = {}
        bar = None
        if progress and len(items) > 50:
            from tqdm import tqdm

            bar = tqdm(total=len(items), unit="article", file=sys.stderr, leave=False)
        for item in items:
            if bar is not None:
                bar.update(1)
            if isinstance(item, IngestError):
                problems.append(Problem(item.path, item.message, item.line))
                if on_problem:
                    on_problem(problems[-1])
                continue
            try:
                article = read_article(item)
            except IngestError as exc:
                problems.append(Problem(exc.path, exc.message, exc.line))
                if on_problem:
                    on_problem(problems[-1])
                continue
            if article.sha256 in seen_hashes:
                problems.append(
                    Problem(
                        str(item.path),
                        f"same content as {seen_hashes[article.sha256]}; counted once",
                    )
                )
                if on_problem:
                    on_problem(problems[-1])
                continue
            seen_hashes[article.sha256] = article.id
            for p in notes_of(article):
                problems.append(p)
                if on_problem:
                    on_problem(p)
            results.append(lean_result(self.analyse(article)) if lean else self.analyse(article))
        if bar is not None:
            bar.close()
        return results, problems

    def run(
        self,
        inputs: Iterable[str | os.PathLike[str]],
        outdir: str | os.PathLike[str] = "output",
        *,
        formats: Sequence[str] = ("geojson", "csv", "html"),
        on_problem: Callable[[Problem], None] | None = None,
        progress: bool = False,
        lean: bool = False,
    ) -> RunResult:
        results, problems = self.process(inputs, on_problem=on_problem, progress=progress, lean=lean)
        return finish(results, problems, outdir, formats=formats)


def _sentences_with_trigger(clean: str, sentences: list[Sentence]) -> list[bool]:
    """For each sentence, whether ``_TRIGGER_RX.search(clean, start, end)`` finds a strike
    word in it, from one pass over the text."""
    spans = _TRIGGER_FINDER.spans(clean)
    if spans is None:
        return [_TRIGGER_RX.search(clean, s.start, s.end) is not None for s in sentences]
    n = len(clean)
    # whole words: a word character neither before (the search looks at the real text
    # there) nor after, unless the word ends where the sentence does (its end of text)
    words = [(a, b, b >= n or not is_word_char(clean[b])) for a, b in spans if a == 0 or not is_word_char(clean[a - 1])]
    out: list[bool] = []
    j = 0
    for sent in sentences:
        while j < len(words) and words[j][0] < sent.start:
            j += 1
        k = j
        found = False
        while k < len(words) and words[k][0] < sent.end:
            _, b, bounded = words[k]
            if b <= sent.end and (bounded or b == sent.end):
                found = True
                break
            k += 1
        out.append(found)
    return out


def lean_result(result: ArticleResult) -> ArticleResult:
    """The same result with what ``finish`` needs of it: the article's metadata and the
    quoted evidence sentences (not its texts), the claims, and of the mentions those the
    sites read (``mapper.sites``): the struck ones, and of the literal mentions of a place
    the first under each name.  The sites and outputs are the same as from the full result.
    """
    a = result.article
    mentions: list[Mention] = []
    named: set[tuple[str, str]] = set()  # (place id, name as written) of the literal mentions kept
    for m in result.mentions:
        if m.place is None:
            continue
        if m.role == "struck" or (m.literal and (m.place.id, m.surface) not in named):
            mentions.append(m)
        if m.literal:
            named.add((m.place.id, m.surface))
    spans = {m.evidence for m in mentions if m.evidence is not None}
    article = LeanArticle(
        id=a.id,
        path=a.path,
        text="",
        clean="",
        sha256=a.sha256,
        title=a.title,
        outlet=a.outlet,
        published=a.published,
        url=a.url,
        notes=a.notes,
        excerpts={span: a.excerpt(*span) for span in spans},
    )
    return ArticleResult(article, mentions, result.claims, result.unresolved, result.event_ref)


def finish(
    results: list[ArticleResult],
    problems: list[Problem],
    outdir: str | os.PathLike[str],
    *,
    formats: Sequence[str] = ("geojson", "csv", "html"),
) -> RunResult:
    """Sites stage and export, from analysed articles."""
    result = assemble(results, problems)
    result.outputs = export(result, outdir, formats)
    return result


def assemble(results: Iterable[ArticleResult], problems: list[Problem], *, in_order: bool = False) -> RunResult:
    """Sites stage, from analysed articles: event dates, sites, claims on sites (no output).

    ``in_order``: ``results`` come sorted by article id, so they are read as they come
    (a stream from the store, say) and of each only what the sites need is kept: its
    article (lean ones hold no texts), claims, struck mentions and the places it names.
    """
    if not in_order:
        results = sorted(results, key=lambda r: r.article.id)
    articles: list[Article] = []
    dates: dict[str, date | None] = {}
    struck: list[ArticleResult] = []  # the articles reporting a struck place, with only those mentions
    claims: list[Claim] = []
    mentioned = Mentioned()
    unresolved: dict[str, list[str]] = {}
    for r in results:
        a = r.article
        articles.append(a)
        hits = [m for m in r.mentions if m.role == "struck" and m.place]
        if hits:
            # dated below, with the other articles that report the same places (its event group)
            struck.append(ArticleResult(a, hits, [], [], r.event_ref))
            dates[a.id] = None
        else:  # a group of its own
            dates[a.id] = date_events([r], {a.id: r.event_ref})[a.id]
        claims += r.claims
        mentioned.add(r)
        for name in r.unresolved:
            lst = unresolved.setdefault(name, [])
            if a.id not in lst:
                lst.append(a.id)
    dates.update(date_events(struck, {r.article.id: r.event_ref for r in struck}))
    sites, site_of = struck_sites(struck, dates)
    place_claims(sites, claims, site_of)
    sites += mentioned.sites(sites)
    return RunResult(
        articles=articles,
        sites=sites,
        claims=claims,
        unresolved=unresolved,
        problems=problems,
        event_dates={k: v.isoformat() if v else None for k, v in dates.items()},
    )


def export(result: RunResult, outdir: str | os.PathLike[str], formats: Sequence[str]) -> dict[str, str]:
    """Write the outputs into a staging folder, then move them all into place.

    A failure while rendering any of them leaves every previous output untouched.
    """
    from .export import csvout
    from .export.geojson import FeatureWriter, feature_collection, features

    out = Path(outdir)
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
        if "html" in formats or "gpkg" in formats:
            fc = feature_collection(result.sites, articles)
            if "html" in formats:
                from .export.htmlmap import write_map

                write_map(fc, stage / OUTPUT_NAMES["html"], title="Strike map", run_info=run_info(result))
            if "gpkg" in formats:
                from .export.gpkg import write_gpkg

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


def counts(result: RunResult) -> dict[str, Any]:
    struck = [s for s in result.sites if s.role == "struck"]
    return {
        "articles": len(result.articles),
        "sites_struck": len(struck),
        "sites_mentioned": len(result.sites) - len(struck),
        "claims": len(result.claims),
        "claims_placed": sum(1 for c in result.claims if c.sites),
        "unresolved": len(result.unresolved),
        "problems": sum(1 for p in result.problems if p.skipped),
        "warnings": sum(1 for p in result.problems if not p.skipped),
    }


def run_info(result: RunResult) -> dict[str, Any]:
    """What the map's title block shows (casualty figures are never summed across claims)."""
    from datetime import UTC, datetime

    c = counts(result)
    # SOURCE_DATE_EPOCH (reproducible-builds.org) pins the date for reproducible maps
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return {
        "run_date": when.strftime("%Y-%m-%d %H:%M UTC"),
        "articles": c["articles"],
        "totals": {
            "casualty claims": f"{c['claims']} ({c['claims_placed']} placed on sites)",
            "names unresolved": c["unresolved"],
            "files skipped": c["problems"],
        },
    }


def report(result: RunResult) -> dict[str, Any]:
    return {
        "counts": counts(result),
        "problems": [
            {"path": p.path, "line": p.line, "message": p.message, "skipped": p.skipped} for p in result.problems
        ],
        "unresolved": result.unresolved,
        "claims_without_site": [
            {
                "article": c.article,
                "quote": c.quote,
                "killed_min": c.killed_min,
                "injured_min": c.injured_min,
            }
            for c in result.claims
            if not c.sites
        ],
        "event_dates": result.event_dates,
    }


__all__ = ["Pipeline", "Source", "assemble", "export", "finish", "lean_result"]
