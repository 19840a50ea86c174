from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


@pytest.fixture(scope="session")
def seeds_result(tmp_path_factory: pytest.TempPathFactory):
    """One offline run over the project's copy of the seeds, as `mapper run` does it (world gazetteer on)."""
    from mapper.config import PipelineConfig
    from mapper.pipeline import run

    out = tmp_path_factory.mktemp("seeds_out")
    result = run([SEEDS], out, PipelineConfig(), keep_store=False, formats=("geojson", "csv"))
    return result, out


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the articles ``Pipeline.analyse`` is called on, in order."""
    from mapper.pipeline import Pipeline

    calls: list[str] = []
    real = Pipeline.analyse

    def spy(self: Pipeline, article: Any) -> Any:
        calls.append(article.id)
        return real(self, article)

    monkeypatch.setattr(Pipeline, "analyse", spy)
    return calls


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "articles"
    shutil.copytree(SEEDS, dst)
    return dst


_PIPE = None


def analyse_text(text: str, article_id: str = "t.txt"):
    """Run the per-article stages over a string (offline, packaged gazetteer)."""
    global _PIPE
    from mapper.ingest import clean_text
    from mapper.models import Article
    from mapper.pipeline import Pipeline

    if _PIPE is None:
        _PIPE = Pipeline.create()
    clean, offsets = clean_text(text)
    art = Article(id=article_id, path=article_id, text=text, clean=clean, offsets=offsets)
    return _PIPE.analyse(art)


def roles(text: str) -> dict[str, str]:
    """surface -> role ("struck" wins when a name occurs twice); non-literal ones as "nonliteral"."""
    out: dict[str, str] = {}
    for m in analyse_text(text).mentions:
        r = m.role if m.literal else "nonliteral"
        if out.get(m.surface) != "struck":
            out[m.surface] = r
    return out


def finish(results, problems, outdir, *, formats=("geojson", "csv", "html")):
    """The sites stage and the outputs over analysed articles (no store): what a run does after analysing."""
    from mapper.export.publish import publish
    from mapper.sites import assemble

    result = assemble(results, problems)
    result.outputs = publish(result, outdir, formats)
    return result


def reread(article):
    """The article again, with its texts (a run's result holds its articles without them)."""
    from pathlib import Path

    from mapper.ingest import Source, read_article

    return read_article(Source(Path(article.path), article.id))
