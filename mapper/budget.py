"""What one article may cost: its length, and the processor time spent reading or analysing it.

Every stage costs time in proportion to an article's length (a test keeps that promise:
an article ten times longer costs about ten times as much), so a length limit bounds the
time an article can take; the processor-time limit is the guard behind it, for whatever a
text still finds to make slow.  An article past either is that file's one-line problem:
the run goes on with the others, and no article holds the run (or the store's lock) for
long.

The time is the process's processor time (``ITIMER_VIRTUAL``), not the wall clock: the
seconds an online geocoder makes an article wait (one request a second) do not count.
It is measured where a POSIX timer can interrupt the work: in the main thread of the
process that reads or analyses (this process, or a ``--jobs`` worker).  On a Dask
worker's threads, and off POSIX, only the length limit applies.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

MAX_CHARS = 3_000_000  # characters of cleaned text (about 3 MB, a long report; news is under 100 KB)
MAX_SECONDS = 60.0  # processor seconds to read, or to analyse, one article (3 MB take about 5 s)


class OverBudget(Exception):
    """An article past its budget; the message is one line (without the file's name)."""


def _millions(n: int) -> str:
    return f"{n / 1e6:.1f} million" if n >= 1_000_000 else f"{n:,}"


@dataclass(frozen=True)
class Budget:
    """The limits for one article (``PipelineConfig.budget``); 0 switches a limit off."""

    max_chars: int = MAX_CHARS
    max_seconds: float = MAX_SECONDS

    def check_size(self, n_chars: int) -> None:
        """Raise ``OverBudget`` for a text longer than ``max_chars``."""
        if self.max_chars and n_chars > self.max_chars:
            raise OverBudget(
                f"too long to analyse: {_millions(n_chars)} characters of text "
                f"(the limit for one article is {_millions(self.max_chars)}); skipped"
            )

    @contextlib.contextmanager
    def timed(self, doing: str = "analysing it") -> Iterator[None]:
        """Raise ``OverBudget`` inside the block once it has used ``max_seconds`` of processor time."""
        if not self.max_seconds or not _can_time():
            yield
            return
        limit = self.max_seconds
        state = {"running": True}

        def over(signum: int, frame: FrameType | None) -> None:
            if state["running"]:
                raise OverBudget(f"{doing} took over {limit:g} s of processor time; skipped")

        old_handler = signal.signal(signal.SIGVTALRM, over)
        # fired again every tenth of a second until the block ends: an exception raised
        # where Python cannot pass it on (a garbage collector callback, a __del__) is lost
        old_timer = signal.setitimer(signal.ITIMER_VIRTUAL, limit, 0.1)
        try:
            yield
        finally:
            state["running"] = False
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, old_handler)
            if old_timer[0]:  # someone else's timer was running: let it go on
                signal.setitimer(signal.ITIMER_VIRTUAL, *old_timer)


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


__all__ = ["MAX_CHARS", "MAX_SECONDS", "Budget", "OverBudget"]
