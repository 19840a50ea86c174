"""Patterns searched only where they can match: two tests read off each pattern itself.

The rules look around a word: "is the text before this place 'taken to hospitals in'?", "does
'were not carried out' follow this strike?". They do it with patterns of many alternatives
searched over a few dozen characters, and the ``re`` module tries every alternative at every
position of that text, to find nothing nearly always. Two cheaper tests tell most such texts:

* ``ends_of``: a pattern anchored at ``$`` ends on one of a few strings ("in", "to", "of",
  "'s"), before the white space it may end on; a text that ends on none of them has no match.
* ``needs_of``: every match of a pattern holds one of some strings ("attack", "hospital"); a
  text (lower-cased) that holds none of them has no match.

``Gated`` wraps a compiled pattern with whichever tests it has and answers None, without
searching, when a test says no match can be there, and with the pattern's own answer otherwise:
its answers are the pattern's, found sooner. The strings are read off the parsed pattern
(``re._parser``, CPython's own), so they cannot fall out of step with the rules as hand-written
lists of words can.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Protocol

from . import rx
from .atomic import write_text
from .rxstart import REPEATS, ZERO_WIDTH
from .text import lower_finds_ignorecase

# endings are cut to this many characters (a shorter ending still tells a text that cannot match)
_LONGEST = 8
# a class of more characters than this is not followed character by character
_FEW = 4
# the end of a text looked at: enough for the longest ending after the white space before it
_TAIL = 48

_STOP = ("stop", None)  # (an item in a reversed walk: the ending can be followed no further)


class Searcher(Protocol):
    """A compiled pattern, gated or not, as those who search with it see it."""

    def search(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...


class _Unbounded(Exception):
    """A match may end on a character the walk cannot name (a word of any letters)."""


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters a class ``[...]`` matches, when it names them one by one (few); None
    for a range, a category (``\\w``, ``\\s``) or a negated class."""
    out: set[str] = set()
    for op, av in items:
        if op is not C.LITERAL:
            return None
        out.add(chr(av))
    return out


def _is_space(op: Any, av: Any) -> bool:
    """Whether the item matches only white space (a space, ``\\s``, ``[ \\t]``)."""
    if op is C.LITERAL:
        return chr(av).isspace()
    if op is C.IN:
        return all((o is C.LITERAL and chr(a).isspace()) or (o is C.CATEGORY and a is C.CATEGORY_SPACE) for o, a in av)
    return False


def _only_space(items: list[tuple[Any, Any]]) -> bool:
    """Whether a group matches only white space, or nothing."""
    for op, av in items:
        if op in ZERO_WIDTH or _is_space(op, av):
            continue
        if op in REPEATS and _only_space(list(av[2].data)):
            continue
        if op is C.SUBPATTERN and _only_space(list(av[3].data)):
            continue
        return False
    return True


class _Walk:
    """What a walk back from the end of a pattern found: the endings, and the fewest white-space
    characters a match ends on when it may end on a word of any letters before them."""

    def __init__(self) -> None:
        self.ends: set[str] = set()
        self.spaces = sys.maxsize


def _width(op: Any, av: Any) -> int:
    """The fewest characters an item of white space matches."""
    if op in REPEATS:
        return int(av[0]) * int(av[2].getwidth()[0])
    if op is C.SUBPATTERN:
        return int(av[3].getwidth()[0])
    return 0 if op in ZERO_WIDTH else 1


def _ends(items: list[tuple[Any, Any]], acc: str, spaces: int, walk: _Walk) -> None:
    """Add to ``walk`` the endings of a match of ``items`` followed by ``acc`` (the ending read so
    far) and, while ``acc`` is empty, ``spaces`` white-space characters at least, walking the items
    from the last; raise ``_Unbounded`` when a path has no ending and two spaces at most."""

    def done() -> None:
        if acc:
            walk.ends.add(acc)
        elif spaces > 1:  # ("reached the camp" + two white spaces: a text ending on two or more)
            walk.spaces = min(walk.spaces, spaces)
        else:
            raise _Unbounded

    i = len(items)
    while i:
        i -= 1
        op, av = items[i]
        if len(acc) >= _LONGEST or op is _STOP[0]:
            return done()
        if op in ZERO_WIDTH:
            continue
        if (
            _is_space(op, av)
            or (op in REPEATS and _only_space(list(av[2].data)))
            or (op is C.SUBPATTERN and _only_space(list(av[3].data)))
        ):
            if acc:  # (white space inside the ending: the ending is what comes after it)
                return done()
            spaces += _width(op, av)  # (white space at the end: the text's own is stripped first)
            continue
        # (a letter beyond ASCII ends the ending: under re.IGNORECASE "ſ" matches "s", which its lower case is not)
        if op is C.LITERAL and chr(av).isascii():
            acc = chr(av).lower() + acc
            continue
        if op is C.IN:
            chars = _class_chars(av)
            if chars is None or len(chars) > _FEW or not all(ch.isascii() for ch in chars):
                return done()
            for ch in chars:
                _ends(items[:i], ch.lower() + acc, spaces, walk)
            return
        if op is C.SUBPATTERN:
            items = items[:i] + list(av[3].data)
            i = len(items)
            continue
        if op is C.ATOMIC_GROUP:  # (it can only refuse matches the walk allows)
            items = items[:i] + list(av.data)
            i = len(items)
            continue
        if op is C.BRANCH:
            for alt in av[1]:
                _ends(items[:i] + list(alt.data), acc, spaces, walk)
            return
        if op in REPEATS:
            lo, hi, sub = av
            if hi == 0:
                continue
            if lo == 0:
                _ends(items[:i], acc, spaces, walk)  # (none of it)
            # its last time; before that, it again or what comes before it: not followed
            _ends((items[:i] if hi == 1 else [_STOP]) + list(sub.data), acc, spaces, walk)
            return
        return done()  # (any character, a negated one, a group's reference)
    done()


def _parsed(pattern: re.Pattern[str]) -> list[tuple[Any, Any]]:
    return list(P.parse(pattern.pattern, pattern.flags).data)


def ends_of(pattern: re.Pattern[str], data: list[tuple[Any, Any]] | None = None) -> tuple[tuple[str, ...], int] | None:
    """The strings (lower-cased) one of which ends every match of ``pattern`` once white space at
    its end is stripped, but for matches that end on this many white-space characters or more;
    when ``pattern`` is anchored at ``$`` (``\\Z``). None when a match may end on a word of any
    letters and a space (then every text may match)."""
    if pattern.flags & re.MULTILINE or not isinstance(pattern.pattern, str):
        return None  # ($ before every line's end)
    data = _parsed(pattern) if data is None else data
    if not data or data[-1][0] is not C.AT or data[-1][1] not in (C.AT_END, C.AT_END_STRING):
        return None
    walk = _Walk()
    try:
        _ends(data[:-1], "", 0, walk)
    except _Unbounded:
        return None
    # (an ending that ends another tells the same and more)
    ends = tuple(sorted(e for e in walk.ends if not any(o != e and e.endswith(o) for o in walk.ends)))
    return ends, walk.spaces


# the literal strings the walk below keeps as a group's whole language, and their length
_EXACT_COUNT = 32
_EXACT_SIZE = 24
_NO_NEED = (None, None)  # (what a group tells when it may match any text)


def _need_of(exact: frozenset[str] | None, need: frozenset[str] | None) -> frozenset[str] | None:
    """What a group needs: its whole language when that is known and has no empty string."""
    if exact is not None and exact and "" not in exact:
        return exact
    return need


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two needs, the one that tells more texts apart: longer strings, then fewer."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda n: (min(len(s) for s in n), -len(n)))


def _exact_and_need(items: list[tuple[Any, Any]]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(every string a sequence of items matches, when they are few and short; strings one of
    which every match holds), lower-cased; None for what cannot be told."""
    run: frozenset[str] = frozenset({""})  # what the items since the last one of any text match
    whole = True  # (the run is the whole sequence so far)
    need: frozenset[str] | None = None
    for op, av in items:
        x_exact, x_need = _item(op, av)
        if x_exact is not None and len(run) * len(x_exact) <= _EXACT_COUNT:
            joined = frozenset(a + b for a in run for b in x_exact)
            if all(len(j) <= _EXACT_SIZE for j in joined):
                run = joined
                continue
        need = _better(need, _need_of(run, None))
        if x_exact is not None:  # (too many strings joined: a new run)
            run = x_exact
        else:
            need = _better(need, x_need)
            run = frozenset({""})
        whole = False
    need = _better(need, _need_of(run, None))
    return (run if whole else None), need


def _item(op: Any, av: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if op is C.LITERAL:
        return frozenset({chr(av).lower()}), None
    if op in ZERO_WIDTH:
        return frozenset({""}), None
    if op is C.IN:
        chars = _class_chars(av)
        return (frozenset(ch.lower() for ch in chars), None) if chars is not None and len(chars) <= 8 else _NO_NEED
    if op is C.SUBPATTERN:
        return _exact_and_need(list(av[3].data))
    if op is C.ATOMIC_GROUP:
        return _exact_and_need(list(av.data))
    if op is C.BRANCH:
        alts = [_exact_and_need(list(alt.data)) for alt in av[1]]
        exacts = [e for e, _ in alts]
        union = frozenset().union(*exacts) if all(e is not None for e in exacts) else None  # type: ignore[arg-type]
        if union is not None and len(union) <= _EXACT_COUNT:
            return union, None
        needs = [_need_of(e, n) for e, n in alts]
        return None, (frozenset().union(*needs) if all(n is not None for n in needs) else None)  # type: ignore[arg-type]
    if op in REPEATS:
        lo, hi, sub = av
        sub_exact, sub_need = _exact_and_need(list(sub.data))
        if lo == 0:
            return (sub_exact | {""}, None) if sub_exact is not None and hi == 1 else (None, None)
        return (sub_exact if lo == hi == 1 else None), _need_of(sub_exact, sub_need)
    return _NO_NEED  # (any character, a negated one, a category, a group's reference)


def needs_of(pattern: re.Pattern[str], data: list[tuple[Any, Any]] | None = None) -> tuple[str, ...] | None:
    """Strings (lower-cased, ASCII, two characters or more) one of which every match of
    ``pattern`` holds; None when the pattern does not tell such strings."""
    if not isinstance(pattern.pattern, str):
        return None
    exact, need = _exact_and_need(_parsed(pattern) if data is None else data)
    need = _need_of(exact, need)
    if not need or not all(len(s) > 1 and s.isascii() for s in need):
        return None
    # (a string that holds another tells nothing more)
    return tuple(sorted(s for s in need if not any(o != s and o in s for o in need)))


def _read_tests(compiled: re.Pattern[str]) -> tuple[tuple[str, ...], int, tuple[str, ...]]:
    data = _parsed(compiled)
    found = ends_of(compiled, data)
    ends, spaces = found if found is not None and found[0] else ((), 0)
    return ends, spaces, needs_of(compiled, data) or ()


# the entries of this many other versions of this module are kept beside this one's (two versions that share a
# cache folder, as a benchmark beside an older checkout does, would otherwise read their tests again in turn)
_OTHER_CODES = 3


@functools.lru_cache(maxsize=1)
def _cached() -> tuple[Path, str, dict[str, Any], dict[str, Any]]:
    """The tests read in earlier runs, kept in the cache folder (reading a pattern's takes up to
    some milliseconds, its lookup microseconds): (file, this code's digest, its entries, the
    entries of the other versions kept there)."""
    from .cache import cache_dir

    # (new code, or another Python's re module: the tests are read again)
    code = hashlib.sha256(Path(__file__).read_bytes() + sys.version.encode()).hexdigest()[:16]
    path = cache_dir() / "gates.json"
    entries: dict[str, Any] = {}
    others: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        stored = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(stored, dict):
            if isinstance(stored.get(code), dict):
                entries = stored[code]
            kept = [(k, v) for k, v in stored.items() if k != code and isinstance(v, dict)]
            others = dict(kept[-_OTHER_CODES:])  # (the latest written last)
    return path, code, entries, others


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(s, str) and s for s in value):
        return tuple(value)
    return None


def tests_of(compiled: re.Pattern[str]) -> tuple[tuple[str, ...], int, tuple[str, ...]]:
    """(endings, the spaces a match of any last word ends on, needed strings) of a pattern, as
    ``ends_of`` and ``needs_of`` read them: from the cache folder when an earlier run of this code
    read them, else read now and kept there (a cache that cannot be written only costs time)."""
    path, code, entries, others = _cached()
    key = hashlib.sha256(f"{compiled.flags}\0{compiled.pattern}".encode()).hexdigest()[:24]
    entry = entries.get(key)
    if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[1], int):
        ends, needs = _strings(entry[0]), _strings(entry[2])
        if ends is not None and needs is not None:
            return ends, entry[1], needs
    ends, spaces, needs = _read_tests(compiled)
    entries[key] = [list(ends), spaces, list(needs)]
    with contextlib.suppress(OSError):
        write_text(path, json.dumps({**others, code: entries}, separators=(",", ":")))
    return ends, spaces, needs


# more needed strings than this are looked for by one automaton, not one by one
_MANY = 12


# a compiled pattern's search or match, gated or not
_Find = Callable[..., re.Match[str] | None]


class Gated:
    """A compiled pattern whose ``search`` and ``match`` first ask the tests the pattern has
    (the module's docstring); its other methods are the pattern's own. The tests are read off
    the pattern when it is first searched (not when the module that holds it is imported)."""

    __slots__ = (
        "_auto",
        "_size",
        "_spaces",
        "compiled",
        "ends",
        "findall",
        "finditer",
        "flags",
        "fullmatch",
        "match",
        "needs",
        "pattern",
        "search",
        "sub",
    )
    search: _Find
    match: _Find

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.fullmatch = compiled.fullmatch
        self.finditer = compiled.finditer
        self.findall = compiled.findall
        self.sub = compiled.sub
        self.search = self._first_search
        self.match = self._first_match
        self.ends: tuple[str, ...] = ()
        self.needs: tuple[str, ...] = ()
        self._spaces = self._size = 0
        self._auto: Any = None

    def prepare(self) -> Gated:
        """Read the tests off the pattern; a pattern with none is searched as it is."""
        self.ends, self._spaces, self.needs = tests_of(self.compiled)
        self._size = max((len(e) for e in self.ends), default=0)
        if len(self.needs) > _MANY:
            import ahocorasick

            self._auto = ahocorasick.Automaton()
            for need in self.needs:
                self._auto.add_word(need, need)
            self._auto.make_automaton()
        if self.ends or self.needs:
            self.search = _gate(self, self.compiled.search)
            self.match = _gate(self, self.compiled.match)
        else:
            self.search = self.compiled.search
            self.match = self.compiled.match
        return self

    def _first_search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.prepare().search(string, pos, endpos)

    def _first_match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.prepare().match(string, pos, endpos)


def _gate(gated: Gated, find: _Find) -> _Find:
    """``find`` (the pattern's ``search`` or ``match``) behind the gate's tests, as one function with
    what it needs bound to it: it is called some 160 times an article, and a call of a method
    that calls others cost more than the search it saved for patterns the matcher now skips
    through quickly (``docs/history/performance.md``)."""
    ends, spaces, size, needs, auto = gated.ends, gated._spaces, gated._size, gated.needs, gated._auto
    iter_auto = auto.iter if auto is not None else None
    maxsize = sys.maxsize

    def gated_find(string: str, pos: int = 0, endpos: int = maxsize) -> re.Match[str] | None:
        start = pos if pos > 0 else 0
        length = len(string)
        end = endpos if endpos < length else length
        if ends:
            # does string[start:end] end on none of the endings (and on fewer spaces than a match that
            # ends on a word of any letters)?
            begin = end - _TAIL
            if begin < start:
                begin = start
            window = string[begin:end]
            tail = window.rstrip()
            if (tail or begin == start) and len(window) - len(tail) < spaces:
                last = tail[-size:]
                if last.isascii() and not last.lower().endswith(ends):
                    return None
        if needs:
            # does string[start:end], lower-cased, hold none of the needed strings? (a letter whose lower
            # case is not what re.IGNORECASE matches, and the text is searched)
            text = string if start == 0 and end == length else string[start:end]
            if lower_finds_ignorecase(text):
                low = text.lower()
                if iter_auto is not None:
                    if next(iter_auto(low), None) is None:
                        return None
                else:
                    for need in needs:
                        if need in low:
                            break
                    else:
                        return None
        return find(string, pos, endpos)

    return gated_find


def gated(pattern: str, flags: int = 0) -> Gated:
    """``rx.compile(pattern, flags)``, searched only where it can match (``Gated``)."""
    return Gated(rx.compile(pattern, flags))
