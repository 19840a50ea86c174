"""What a pattern's matches, and its alternatives, start with, told to the matcher.

CPython's matcher searches a text in one of three ways. A pattern whose code says, in the
information block at its head, that its matches open with a literal string or with one of a set
of characters is looked for with a loop of C that leaves every other position after one test;
any other pattern is tried at every position, a call of the whole matcher for each character.
``re``'s compiler fills that block only when the pattern's very first item is a literal or a
set, and never for a letter where case does not matter: a pattern that opens on a word boundary
(``\\b(?:killed|wounded)``), a look-ahead or a look-behind, an optional item, or a word under
``re.IGNORECASE`` gets nothing, and those are most of the analysis's.

``with_starts`` works out from the parsed pattern the characters every match starts with, past
the zero-width items (``literal_prefix``), else the set of their first characters
(``start_set``: a letter where case does not matter stands for every character the matcher takes
for it, "K", "k" and the Kelvin sign), and writes them into the block as the compiler writes its
own; the matcher then tries only where a match can start, and finds the same matches (a position
it skips cannot start one). A pattern that can match the empty string, opens at the text's start,
or whose first characters cannot be told (any character, a back-reference) keeps its block.
``open_alternatives`` does the same for the alternatives of a case-blind alternation, which the
matcher enters one by one unless their first character can be tested first, and
``group_alternatives`` makes the alternatives that open on the same character one alternative
that tests it once (``to|towards?|into`` as ``t(?:o|owards?)|into``), so that a list of words
costs a test for each letter they open on rather than for each word. ``rx`` uses all three
for the patterns it compiles; ``tests/test_rxstart.py`` compares the matches with
``re.compile``'s.
"""

from __future__ import annotations

import _sre
import functools
import re
from re import _compiler as _C  # type: ignore[attr-defined]
from re import _constants as _K  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]
from typing import Any

# what a match's first character may be: the items of a character set, as the parser writes them
Items = list[tuple[Any, Any]]

# the parser's items that take no character (a boundary, a look-ahead, a look-behind), and its repeats
ZERO_WIDTH = frozenset({_K.AT, _K.ASSERT, _K.ASSERT_NOT})
REPEATS = frozenset({_K.MAX_REPEAT, _K.MIN_REPEAT, _K.POSSESSIVE_REPEAT})
_WIDE_RANGE = 300  # characters: a wider range where case does not matter is not worked through
_NEGATED = "negated"  # (a negated set stands alone: it cannot be joined to another set's items)


class _Unknown(Exception):
    """The first characters of a match cannot be told (or not cheaply)."""


@functools.lru_cache(maxsize=1)
def _lower_forms() -> tuple[dict[int, list[int]], bool]:
    """For each character, the others that lower-case to it; and whether lower-casing keeps every
    character in its class (digit, space, word), as it does in today's Unicode."""
    lower = _sre.unicode_tolower
    others: dict[int, list[int]] = {}
    kept = True
    for ch in range(0x110000):
        low = lower(ch)
        if low != ch:
            others.setdefault(low, []).append(ch)
            a, b = chr(ch), chr(low)
            if a.isdecimal() != b.isdecimal() or a.isspace() != b.isspace() or a.isalnum() != b.isalnum():
                kept = False
    return others, kept


def forms(ch: int) -> list[int]:
    """Every character the matcher takes for the letter ``ch`` where case does not matter, and no
    other: those whose lower case is its lower case, or one of the extra forms ``re`` knows for it
    ("s" and the long s, "i" and the dotless i), as its ``LITERAL_UNI_IGNORE`` and ``IN_UNI_IGNORE``
    test them."""
    from re import _casefix  # type: ignore[attr-defined]

    low = _sre.unicode_tolower(ch)
    targets = {low, *_casefix._EXTRA_CASES.get(low, ())}
    others, _ = _lower_forms()
    candidates = {ch, *targets}
    for target in targets:
        candidates.update(others.get(target, ()))
    return sorted(c for c in candidates if _sre.unicode_tolower(c) in targets)


def _caseless(chars: list[int]) -> Items:
    """The characters the matcher takes for one of ``chars`` where case does not matter (``forms``
    of each: a character without case among them is itself, and any that lower-case to it)."""
    out = {c for ch in chars for c in forms(ch)}
    return [(_K.LITERAL, ch) for ch in sorted(out)]


def _of_set(items: Items, flags: int) -> Items:
    if items and items[0][0] is _K.NEGATE:
        if flags & re.IGNORECASE:
            raise _Unknown
        return [(_NEGATED, items)]
    if not flags & re.IGNORECASE:
        return list(items)
    if flags & (re.ASCII | re.LOCALE):
        raise _Unknown
    chars: list[int] = []
    classes: Items = []
    for op, av in items:
        if op is _K.LITERAL:
            chars.append(av)
        elif op is _K.RANGE and av[1] - av[0] <= _WIDE_RANGE:
            chars.extend(range(av[0], av[1] + 1))
        elif op is _K.CATEGORY and _lower_forms()[1]:
            classes.append((op, av))  # (a class holds its letters in either case)
        else:
            raise _Unknown
    return _caseless(chars) + classes


def _first(items: Any, flags: int) -> tuple[Items, bool]:
    """The first characters of a sequence of parsed items, and whether it can match the empty string."""
    found: Items = []
    for op, av in items:
        got, empty = _first_of(op, av, flags)
        found.extend(got)
        if not empty:
            return found, False
    return found, True


def _first_of(op: Any, av: Any, flags: int) -> tuple[Items, bool]:
    if op in ZERO_WIDTH:
        return [], True  # (a boundary, a look-ahead or a look-behind takes no character)
    if op is _K.LITERAL:
        if flags & re.IGNORECASE:
            if flags & (re.ASCII | re.LOCALE):
                raise _Unknown
            return _caseless([av]), False
        return [(op, av)], False
    if op is _K.IN:
        return _of_set(av, flags), False
    if op is _K.SUBPATTERN:
        _group, add, remove, sub = av
        return _first(sub.data, _C._combine_flags(flags, add, remove))
    if op is _K.ATOMIC_GROUP:
        return _first(av.data, flags)
    if op is _K.BRANCH:
        found: Items = []
        empty = False
        for alternative in av[1]:
            got, can = _first(alternative.data, flags)
            found.extend(got)
            empty = empty or can
        return found, empty
    if op in REPEATS:
        least, _most, sub = av
        got, can = _first(sub.data, flags)
        return got, can or least == 0
    raise _Unknown  # any character, a character not given, a back-reference, a conditional


def start_set(parsed: Any, flags: int) -> Items | None:
    """The set of characters every match of the parsed pattern starts with, or None where it
    cannot be told or a match may be empty."""
    try:
        items, empty = _first(parsed.data, flags)
    except _Unknown:
        return None
    if empty or not items:
        return None
    negated = [av for op, av in items if op == _NEGATED]
    if negated:
        return list(negated[0]) if len(items) == 1 else None
    return items


def _sub(av: Any) -> list[Any]:
    """The parsed sub-patterns an item holds (none for a character, a set, a boundary)."""
    return [x for x in (av if isinstance(av, (tuple, list)) else (av,)) if isinstance(x, _P.SubPattern)]


def open_alternatives(parsed: Any, flags: int) -> bool:
    """Rewrite ``parsed`` in place so that each alternative that opens on a letter where case does
    not matter opens on the set of its forms (``forms``) where case matters, which takes the same
    characters; True when one was rewritten.

    Trying an alternation, CPython's matcher tests an alternative's first literal or set against
    the character before it enters the alternative; a case-blind letter it cannot test so, and it
    enters every alternative of a list of words at every position it tries, a word's first
    letter failing only inside.  (A case-sensitive set in a group of its own is compiled as a set
    alone, so the alternative's code opens with it.)"""
    return _open(parsed.data, flags, parsed.state)


def _open(items: Any, flags: int, state: Any) -> bool:
    changed = False
    for op, av in items:
        if op is _K.SUBPATTERN:
            _group, add, remove, sub = av
            changed |= _open(sub.data, _C._combine_flags(flags, add, remove), state)
            continue
        if op is _K.BRANCH:
            for alternative in av[1]:
                data = alternative.data
                if (
                    data
                    and data[0][0] is _K.LITERAL
                    and flags & re.IGNORECASE
                    and not flags & (re.ASCII | re.LOCALE)
                    and _sre.unicode_iscased(data[0][1])
                ):
                    letter = _P.SubPattern(state, [(_K.IN, [(_K.LITERAL, c) for c in forms(data[0][1])])])
                    data[0] = (_K.SUBPATTERN, (None, 0, re.IGNORECASE, letter))
                    changed = True
                changed |= _open(data, flags, state)
            continue
        for sub in _sub(av):
            changed |= _open(sub.data, flags, state)
    return changed


def _case_blind(ch: int, flags: int) -> bool:
    """Whether the literal ``ch`` takes more characters than itself: a letter where case does not
    matter (any character under a locale's rules)."""
    return bool(flags & re.IGNORECASE and (flags & re.LOCALE or _sre.unicode_iscased(ch) or _sre.ascii_iscased(ch)))


def _literal(items: Any, flags: int, out: list[int]) -> bool:
    """Add to ``out`` the characters every match of a sequence of parsed items starts with, one
    after another, past zero-width items; False where a character stops being one (the rest of the
    sequence is then not looked at)."""
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        if op is _K.LITERAL and not _case_blind(av, flags):
            out.append(av)  # (a character without case is itself where case does not matter)
            continue
        if op is _K.SUBPATTERN:
            _group, add, remove, sub = av
            if _literal(sub.data, _C._combine_flags(flags, add, remove), out):
                continue
        return False
    return True


def literal_prefix(parsed: Any, flags: int) -> list[int]:
    """The characters every match of the parsed pattern starts with ("killed" of
    ``\\b(?:killed)\\s+``, "w" of ``(?<!\\w)(?:wounded|war)``, whose alternatives the parser has
    taken their common start out of): none where its first character may be one of several."""
    out: list[int] = []
    _literal(parsed.data, flags, out)
    return out


def with_starts(parsed: Any, flags: int, code: list[int]) -> list[int]:
    """``code`` (as ``re``'s compiler wrote it for ``parsed``) with what its matches start with in
    its information block: the characters every match starts with, which the matcher looks for as
    it looks for a literal prefix, else the set of their first characters; ``code`` itself where
    the compiler wrote a prefix or a set already, where the pattern opens at the start of the text
    (which the matcher tries once), or where nothing can be told.  ``flags``: with the pattern's
    own.  (The prefix is written with nothing to skip: the matcher matches the whole pattern from
    where the prefix starts, zero-width items and all.)"""
    if not code or code[0] != _K.INFO or code[2] & (_K.SRE_INFO_PREFIX | _K.SRE_INFO_CHARSET):
        return code
    body = code[1 + code[1] :]
    if body[:1] == [_K.AT] and body[1] in (_K.AT_BEGINNING, _K.AT_BEGINNING_STRING):
        return code
    prefix = literal_prefix(parsed, flags)  # (every match takes its characters: no longer than the shortest)
    charset: Items = []
    if not prefix:
        items = start_set(parsed, flags)
        if items is None:
            return code
        charset, _cased = _C._optimize_charset(items)
        if len(charset) == 1 and charset[0][0] is _K.LITERAL:
            prefix = [charset[0][1]]  # (one character: the matcher's loop for a literal is faster than a set's)
    if prefix:
        info = [_K.INFO, 0, _K.SRE_INFO_PREFIX, code[3], code[4], len(prefix), 0, *prefix]
        info += _C._generate_overlap_table(prefix)
    else:
        info = [_K.INFO, 0, _K.SRE_INFO_CHARSET, code[3], code[4]]
        _C._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info + body


def _head(item: tuple[Any, Any], flags: int) -> frozenset[int] | None:
    """The characters an alternative's first item takes, where the matcher can test them before
    it enters the alternative (a literal, or a set of literals, where case matters); else None."""
    op, av = item
    if op is _K.LITERAL:
        return None if _case_blind(av, flags) else frozenset((av,))
    if op is _K.IN and not flags & re.IGNORECASE and all(o is _K.LITERAL for o, _a in av):
        return frozenset(a for _o, a in av)
    if op is _K.SUBPATTERN and av[0] is None and len(av[3].data) == 1:
        return _head(av[3].data[0], _C._combine_flags(flags, av[1], av[2]))
    return None


def group_alternatives(parsed: Any, flags: int) -> bool:
    """Rewrite ``parsed`` in place so that alternatives opening on the same character (or set of
    characters) are one alternative that tests it once, then tries what follows it in each, in
    their order: ``to|towards?|into|take`` as ``t(?:o|owards?|ake)|into``.  Only alternatives
    whose opening characters are told apart from those of every alternative they are moved past
    are moved (an alternative whose opening cannot be told is not passed), so the first
    alternative that matches at a position is the same, and so is every match; True when one was
    rewritten.  The matcher tests an alternative's first character before entering it, one
    alternative after another: a list of a hundred words costs a hundred tests at each position
    it reaches, grouped by their first letters a few dozen."""
    return _group(parsed.data, flags, parsed.state)


def _group(items: Any, flags: int, state: Any) -> bool:
    changed = False
    for n, (op, av) in enumerate(items):
        if op is _K.SUBPATTERN:
            _group_no, add, remove, sub = av
            changed |= _group(sub.data, _C._combine_flags(flags, add, remove), state)
            continue
        if op is _K.BRANCH:
            for alternative in av[1]:  # (those inside first: an alternative may open on a group of its own)
                changed |= _group(alternative.data, flags, state)
            grouped = _grouped(_spread(av[1], flags, state), flags, state)
            if grouped is not None:
                items[n] = (_K.BRANCH, (av[0], grouped))
                changed = True
            continue
        for sub in _sub(av):
            changed |= _group(sub.data, flags, state)
    return changed


def _grouped(alternatives: list[Any], flags: int, state: Any) -> list[Any] | None:
    """The alternatives with those that open on the same told character or set made one (the
    first of them where it stands, the others moved up to it past alternatives whose openings
    share no character with theirs; an alternative whose opening cannot be told is passed by
    none); None when none were joined."""
    # (per alternative kept: the characters it opens on, None where not told; and, for one that opens
    # on an item the matcher tests first, that item's characters and the alternatives joined there)
    kept: list[tuple[frozenset[int] | None, frozenset[int] | None, list[Any]]] = []
    for alternative in alternatives:
        head = _head(alternative.data[0], flags) if alternative.data else None
        if head is None:
            kept.append((_opening(alternative, flags), None, [alternative]))
            continue
        joined = None
        for opens, key, members in reversed(kept):
            if key == head:
                joined = members
                break
            if opens is None or opens & head:
                break  # (it may not be passed)
        if joined is None:
            kept.append((head, head, [alternative]))
        else:
            joined.append(alternative)
    if all(len(members) == 1 for _o, _k, members in kept):
        return None
    out: list[Any] = []
    for _opens, _key, members in kept:
        if len(members) == 1:
            out.append(members[0])
            continue
        rests = [_P.SubPattern(state, list(alt.data[1:])) for alt in members]
        inner = _grouped(rests, flags, state)
        out.append(
            _P.SubPattern(state, [members[0].data[0], (_K.BRANCH, (None, inner if inner is not None else rests))])
        )
    return out


def _opening(alternative: Any, flags: int) -> frozenset[int] | None:
    """The characters every match of an alternative opens with (None where they cannot be told,
    or where it may match the empty string)."""
    items = start_set(alternative, flags)
    if items is None or any(op is not _K.LITERAL for op, _av in items):
        return None
    return frozenset(av for _op, av in items)


# an alternative that opens on a group of alternatives is written once for each of them when it
# takes no more than this many parsed items in all
_SPREAD = 160


def _size(items: Any) -> int:
    """The parsed items of a sequence, those inside groups, repeats and look-arounds too."""
    return sum(1 + sum(_size(sub.data) for sub in _sub(av)) for _op, av in items)


def _spread(alternatives: list[Any], flags: int, state: Any) -> list[Any]:
    """The alternatives, with one that opens on a group of alternatives which all open on told
    characters (``(?:a|b)c``) written as one alternative for each (``ac|bc``), which finds the
    same in the same order, so that each can be tested on its first character and grouped with
    the others that open on it; where that is few parsed items."""
    out: list[Any] = []
    for alternative in alternatives:
        data = alternative.data
        if data and data[0][0] is _K.BRANCH:
            inner = data[0][1][1]
            rest = list(data[1:])
            if (
                all(a.data and _head(a.data[0], flags) is not None for a in inner)
                and len(inner) * (_size(rest) + 1) + _size(data[:1]) <= _SPREAD
            ):
                out.extend(_P.SubPattern(state, list(a.data) + rest) for a in inner)
                continue
        out.append(alternative)
    return out
