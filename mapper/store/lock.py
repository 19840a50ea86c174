"""One writer at a time: a lock file beside the store, held for a whole command."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import StoreBusy


@contextlib.contextmanager
def locked(
    store_path: str | os.PathLike[str],
    *,
    wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the store's lock (an ``flock`` on ``<store>.lock``) for a whole command.

    Commands that write to one store serialise: a second one waits up to ``wait``
    seconds (``None``: as long as it takes), telling ``on_wait`` once, then gives up
    with ``StoreBusy``.  The lock dies with its process, so a killed run never leaves
    the store locked.  The lock file stays empty and is never removed (removing it
    would let two processes lock two different files).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking still keeps it consistent
        yield
        return
    lock_path = Path(f"{store_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{store_path}: another mapper process is using this store; try again when it has finished"
                    ) from None
                if not told and on_wait is not None:
                    on_wait(f"waiting for another mapper process using {store_path} to finish")
                    told = True
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)
