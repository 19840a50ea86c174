"""Regular expressions compiled once per Python, not once per run.

The analysis holds some 680 patterns, compiled when its modules are imported. Compiling one is
mostly CPython's parser and code generator, written in Python: about 0.35 s of every run's
start, more than the analysis of a hundred articles. What they produce, the pattern's code for
the C matcher, depends only on the pattern, its flags and the Python that compiled it, so
``compile`` keeps it in the cache folder and later runs hand it straight to the matcher
(``_sre.compile``, as ``re.compile`` itself ends).

The code kept is ``re.compile``'s with three changes (``rxstart``) that let the matcher leave a
position after a test instead of a try: what a match can start with, in the information block
at its head where the compiler wrote nothing, so that the matcher tries a pattern only where a
match can start instead of at every position; where case does not matter, an alternative
that opens on a letter opens on the set of the letter's forms, which the matcher tests before it
enters the alternative; and alternatives that open on the same character are one alternative
that tests it once.

An entry is kept only after the pattern built from the compiler's code was found equal to
``re.compile``'s (a pattern's equality compares its code) and the one with the changes was built
too, and the file is read only when its checksum, the Python's version and the digest of its
``re`` modules and of ``rxstart`` are as written; anything else, or any error, and the pattern
is compiled by ``re.compile`` as before. ``tests/test_rx.py`` checks every pattern of the
package: its code is ``re.compile``'s but for those changes, and it finds what ``re.compile``'s
finds.
"""

from __future__ import annotations

import _sre
import array
import atexit
import contextlib
import functools
import hashlib
import marshal
import re
import sys
from pathlib import Path
from re import _compiler as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]
from typing import Any

from . import rxstart

FILE = "patterns-{version}.marshal"  # (one file per Python, so that two Pythons sharing the folder do not take turns)
MAX_ENTRIES = 5000  # more kept than this (patterns made from changing data): only this process's are written

# (pattern, flags) -> (flags, code, groups, group index, index group): _sre.compile's arguments, the code
# as the bytes of an array of code words (a list of ints would take three times the memory)
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
_WORD = "I"  # (an unsigned int, as wide as a code word; an entry is kept only when its pattern comes out equal)

_entries: dict[tuple[str, int], Entry] | None = None
_used: set[tuple[str, int]] = set()
_new = False  # entries added since the file was read or written
_saving = False  # ``save`` is to run when the process ends


@functools.lru_cache(maxsize=1)
def _version() -> bytes:
    """What the code of a pattern depends on besides the pattern: the Python, its ``re`` and ``rxstart``."""
    digest = hashlib.sha256(sys.version.encode())
    for module in (_C, _P, rxstart):
        source = getattr(module, "__file__", None)
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(str(source)).read_bytes())
    digest.update(f"{_sre.MAGIC} {_sre.CODESIZE} {sys.maxunicode}".encode())
    return digest.digest()[:16]


def _path() -> Path:
    from .cache import cache_dir

    return cache_dir() / FILE.format(version=_version().hex()[:12])


def _load() -> dict[tuple[str, int], Entry]:
    """The entries of the cache file, or none when it is missing, damaged or of another Python."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = _path().read_bytes()
        head, checksum, body = data[:16], data[16:48], data[48:]
        if head == _version() and hashlib.sha256(body).digest() == checksum:
            entries = marshal.loads(body)
            if isinstance(entries, dict):
                return entries
    return {}


def save() -> None:
    """Write the entries, when this process added any (a cache that cannot be written only costs time)."""
    global _new
    if not _new or _entries is None:
        return
    entries = _entries
    if len(entries) > MAX_ENTRIES:
        entries = {key: entries[key] for key in _used if key in entries}
    body = marshal.dumps(entries)
    from .atomic import write_bytes

    with contextlib.suppress(OSError):
        write_bytes(_path(), _version() + hashlib.sha256(body).digest() + body)
        _new = False
        _remove_stale(_path())


STALE_AFTER_DAYS = 30  # (as the world gazetteer's indexes: each version of this module, or Python, writes its own file)


def _remove_stale(keep: Path) -> None:
    """Remove the files of other versions not written for a month (another checkout or virtual
    environment may still use a recent one), so that upgrades do not fill the cache folder."""
    import time

    limit = time.time() - STALE_AFTER_DAYS * 86400
    for other in keep.parent.glob(FILE.format(version="*")):
        with contextlib.suppress(OSError):
            if other != keep and other.stat().st_mtime < limit:
                other.unlink()


def _entry(pattern: str, flags: int) -> tuple[Entry, Entry]:
    """``_sre.compile``'s arguments for a pattern, worked out as ``re.compile`` works them out;
    and the same with ``rxstart``'s changes (the same entry where it changes nothing)."""
    parsed = _P.parse(pattern, flags)
    state = parsed.state
    index: list[Any] = [None] * state.groups
    for name, number in state.groupdict.items():
        index[number] = name
    words = _C._code(parsed, flags)
    all_flags = int(flags | state.flags)
    groups, names, numbered = state.groups - 1, dict(state.groupdict), tuple(index)
    plain: Entry = (all_flags, array.array(_WORD, words).tobytes(), groups, names, numbered)
    # (where case does not matter, alternatives that open on a letter open on its forms: the parsed pattern
    # rewritten in place, and compiled again)
    changed = rxstart.open_alternatives(parsed, all_flags)
    changed = rxstart.group_alternatives(parsed, all_flags) or changed
    opened = _C._code(parsed, flags) if changed else words
    started = rxstart.with_starts(parsed, all_flags, opened)
    if started is words:
        return plain, plain
    return plain, (all_flags, array.array(_WORD, started).tobytes(), groups, names, numbered)


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    words = array.array(_WORD)
    words.frombytes(code)
    found: re.Pattern[str] = _sre.compile(pattern, flags, words.tolist(), groups, groupindex, indexgroup)
    return found


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its code taken from the cache folder when an earlier run
    of this Python compiled the pattern."""
    global _entries, _new, _saving
    if not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    if _entries is None:
        _entries = _load()
    _used.add(key)
    entry = _entries.get(key)
    if entry is not None:
        try:
            return _build(pattern, entry)
        except Exception:  # (not what this module writes: compiled afresh below)
            del _entries[key]
    compiled = re.compile(pattern, flags)
    try:
        plain, started = _entry(pattern, key[1])
        if _build(pattern, plain) == compiled:  # (the same code, flags and pattern)
            found = compiled if started is plain else _build(pattern, started)
            _entries[key] = started
            _new = True
            if not _saving:
                _saving = True
                atexit.register(save)
            return found
    except Exception:  # (internals not as this module knows them: the pattern is used, not kept)
        pass
    return compiled
