"""The store of analysed articles (one SQLite file), beneath the pipeline: it keeps the stage
outputs it is given and hands them back; it never runs a stage."""

from __future__ import annotations

import os
from pathlib import Path

from .database import Store
from .errors import StoreBusy, StoreError
from .incremental import Ingested, Pending, file_key
from .lock import locked
from .schema import SCHEMA_VERSION

STORE_NAME = "mapper.sqlite"


def default_store(outdir: str | os.PathLike[str]) -> Path:
    """Where a run writing to ``outdir`` keeps its store."""
    return Path(outdir) / STORE_NAME


__all__ = [
    "SCHEMA_VERSION",
    "STORE_NAME",
    "Ingested",
    "Pending",
    "Store",
    "StoreBusy",
    "StoreError",
    "default_store",
    "file_key",
    "locked",
]
