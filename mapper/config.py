"""One description of a pipeline, given once: which gazetteers, world index and geocoder.

    from mapper.config import GeocoderConfig, PipelineConfig
    config = PipelineConfig(gazetteers=("my_places.csv",), geocoder=GeocoderConfig(offline=True))
    pipe = Pipeline.from_config(config)   # the per-article stages (mapper.pipeline)
    config.fingerprint()                  # what decides whether a stored analysis is current

A ``PipelineConfig`` is frozen and picklable: it is what a worker process or a Dask
worker receives to build the same pipeline as the process that started it
(``mapper.executors``), and what the command line's options make (``mapper.cli.options``).
It describes; it builds nothing itself (``Pipeline.from_config`` does).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .budget import Budget

if TYPE_CHECKING:
    from .places.geocode import OnlineResolver

DEFAULT_USER_AGENT = f"strike-mapper/{__version__}"


@dataclass(frozen=True)
class GeocoderConfig:
    """The online geocoder behind the gazetteers (geopy; cached, rate limited)."""

    provider: str = "nominatim"
    url: str | None = None  # a self-hosted Nominatim or Photon, e.g. http://localhost:8080
    user_agent: str = DEFAULT_USER_AGENT
    offline: bool = False  # answer from the cache only, never ask the service
    cache_path: str | None = None  # None: the user cache folder

    def make(self, *, offline: bool | None = None) -> OnlineResolver:
        """The geocoder (``offline`` overrides the setting); ``ValueError`` for a provider geopy lacks."""
        from .places.geocode import OnlineResolver

        return OnlineResolver(
            self.provider,
            url=self.url,
            user_agent=self.user_agent,
            cache_path=self.cache_path,
            offline=self.offline if offline is None else offline,
        )


# the parts of the package whose code does not change what an analysis finds (ingest's
# cleaned text is stored; these only read, run, keep or write it); every other module,
# new ones and those in sub-packages included, is part of the fingerprint
NOT_ANALYSIS = frozenset(
    {
        "__init__.py",
        "__main__.py",
        "atomic.py",
        "budget.py",
        "cache.py",
        "documents.py",
        "fetch.py",
        "language.py",
        "config.py",
        "evaluate.py",
        "executors.py",
        "ingest.py",
        "outputs.py",
        "cli",
        "export",
        "store",
    }
)


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what the per-article stages find, besides the code."""

    gazetteers: tuple[str, ...] = ()  # extra gazetteer CSVs; their rows win
    world: bool = True  # the bundled world gazetteer (GeoNames) and the US counties
    geocoder: GeocoderConfig | None = None  # None: no online fallback at all
    # the gazetteers' contents, for workers that cannot read this machine's files (Dask)
    gazetteer_data: tuple[bytes, ...] | None = None
    # the events stage's screen weights, for such workers (b"": the screen is off); None: this
    # machine's (mapper.events.screen.weights_path)
    screen_data: bytes | None = None
    budget: Budget = field(default_factory=Budget)  # what one article may cost; no part of the fingerprint

    def shipped(self) -> PipelineConfig:
        """The same config carrying the gazetteers' contents and the screen's weights (for
        workers on other machines, whose files and environment may differ)."""
        from .events.screen import weights_path

        screen = weights_path()
        return replace(
            self,
            gazetteer_data=tuple(Path(g).read_bytes() for g in self.gazetteers),
            screen_data=b"" if screen is None else screen.read_bytes(),
        )

    def redo_misses(self, *, remote: bool) -> bool:
        """Whether the process that started the workers analyses again an article whose names a
        worker could not geocode from the cache: unless the worker read this machine's cache
        (a local one) and the run is offline, so that the answer would be the same."""
        return self.geocoder is not None and (remote or not self.geocoder.offline)

    def fingerprint(self) -> str:
        """What an analysis depends on: the mapper version, the code of the analysis (every
        module of the package but ``NOT_ANALYSIS``), the gazetteers' bytes (packaged, aliases,
        extra), the events stage's screen weights and the world gazetteer's sources when it is
        used.  Stored articles analysed
        under another fingerprint are analysed again (from their stored text)."""
        from .events.screen import weights_path
        from .places.curated import default_aliases_path, default_gazetteer_path

        h = hashlib.sha256(f"strike-mapper {__version__}\n".encode())
        for f in analysis_modules():
            h.update(f.as_posix().encode() + b"\x00")
        files = [*analysis_modules(absolute=True), default_gazetteer_path(), default_aliases_path()]
        screen = weights_path()  # the events stage's learned screen, or none
        files += [screen] if screen is not None else []
        h.update(b"<screen>" if screen is not None else b"<no screen>")
        files += [Path(g) for g in self.gazetteers]
        for f in files:
            try:
                h.update(f.read_bytes())
            except OSError:
                h.update(b"<missing>")
            h.update(b"\x00")
        if self.world:
            from .places.world.fileformat import source_versions
            from .places.world.imported import imports_fingerprint

            h.update(json.dumps(source_versions(), sort_keys=True).encode())
            h.update(imports_fingerprint().encode())  # GeoNames dumps the user imported
        else:
            h.update(b"<no world gazetteer>")
        return h.hexdigest()[:16]


def analysis_modules(*, absolute: bool = False) -> list[Path]:
    """The package's modules whose code decides what an analysis finds, sorted (paths
    relative to the package, or absolute)."""
    here = Path(__file__).resolve().parent
    out = []
    for f in sorted(here.rglob("*.py")):
        rel = f.relative_to(here)
        if rel.parts[0] not in NOT_ANALYSIS:  # a top-level module's name, or a sub-package's
            out.append(f if absolute else rel)
    return out


def default_world() -> Any:
    """The bundled world gazetteer (GeoNames), with the GeoNames dumps the user imported
    (``mapper gazetteer import``) before it, and the US counties, as ``mapper run`` uses it."""
    from .places.counties import CombinedIndex, USCounties
    from .places.world import WorldGazetteer
    from .places.world.imported import world_with_imports

    return CombinedIndex(world_with_imports(WorldGazetteer.load()), USCounties.load())
