"""Patterns compiled once per Python (``mapper.rx``): ``re.compile``'s patterns, told where their
matches and their alternatives can start (``mapper.rxstart``)."""

from __future__ import annotations

import array
import re
from pathlib import Path
from re import _compiler as _C  # type: ignore[attr-defined]
from re import _constants as _K  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]

import pytest

from mapper import rx, rxstart


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """``rx`` with no entries read yet and its cache file in a folder of this test's own."""
    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(tmp_path))
    monkeypatch.setattr(rx, "_entries", None)
    monkeypatch.setattr(rx, "_used", set())
    monkeypatch.setattr(rx, "_new", False)
    monkeypatch.setattr(rx, "_saving", True)  # (no save when the test process ends)
    return tmp_path / rx.FILE.format(version=rx._version().hex()[:12])


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process would start: nothing read from the file yet."""
    monkeypatch.setattr(rx, "_entries", None)


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every pattern ``rx`` works out itself (not from the file)."""
    worked_out: list[str] = []
    real = rx._entry

    def entry(pattern: str, flags: int) -> tuple[rx.Entry, rx.Entry]:
        worked_out.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(rx, "_entry", entry)
    return worked_out


def _words(entry: rx.Entry) -> list[int]:
    words = array.array(rx._WORD)
    words.frombytes(entry[1])
    return words.tolist()


def _re_compiles_but_the_start(found: re.Pattern[str], pattern: str, flags: int) -> bool:
    """Whether ``found`` is ``re.compile``'s pattern but for ``rxstart``'s changes: what its matches
    start with (the characters every match starts with, or the set of first characters) in the
    information block at the head of its code, and (where case does not matter) alternatives
    that open on a letter opened on the set of its forms, and those that open on the same
    character grouped.  The same flags, groups and group names; the matcher's program ``re``'s
    compiler writes for the pattern, or for it with those alternatives opened and grouped.  (A
    pattern's equality compares its code.)"""
    plain, started = rx._entry(pattern, flags)
    assert rx._build(pattern, plain) == re.compile(pattern, flags)
    assert found == rx._build(pattern, started)
    parsed = _P.parse(pattern, flags)
    opened = rxstart.open_alternatives(parsed, flags | parsed.state.flags)
    grouped = rxstart.group_alternatives(parsed, flags | parsed.state.flags)
    a, b = (_C._code(parsed, flags) if opened or grouped else _words(plain)), _words(started)
    assert (plain[0], *plain[2:]) == (started[0], *started[2:])
    assert a[1 + a[1] :] == b[1 + b[1] :]  # (the program after the block)
    assert (a[0], a[3], a[4]) == (b[0], b[3], b[4]) == (_K.INFO, a[3], a[4])  # (its shortest and longest match)
    if a[: 1 + a[1]] != b[: 1 + b[1]]:
        assert a[2] == 0 and b[2] in (_K.SRE_INFO_PREFIX, _K.SRE_INFO_CHARSET)  # (where the compiler told nothing)
        if b[2] == _K.SRE_INFO_PREFIX:
            assert b[6] == 0  # (no character of the prefix skipped: the whole pattern is matched from its start)
    return True


SAMPLES = [
    (r"\b(?P<town>[A-Z][a-z]+)\s+(?:was|were)\s+(shelled|bombed)\b", 0),
    (r"(?<=killed )(?:at\s+least\s+)?(\d+)(?!\s*%)", re.IGNORECASE),
    (r"^[ \t]*Document[ \t]+([A-Za-z0-9]{16,40})[ \t]*\r?$", re.MULTILINE),
    (r"[^\W\d_]+(?:['’][^\W\d_]+)?", 0),
    (r"(?x) near \s+ (?:the \s+)? (?P<n>\w+) # a comment", re.I | re.VERBOSE),
]


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
def test_a_pattern_read_back_from_the_file_is_re_compiles(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    first = rx.compile(pattern, flags)
    assert _re_compiles_but_the_start(first, pattern, flags)
    rx.save()
    assert fresh.is_file()
    _forget(monkeypatch)
    worked_out = _no_compiling(monkeypatch)
    again = rx.compile(pattern, flags)
    assert worked_out == []  # (from the file)
    # (a pattern's equality compares its code, flags and text)
    assert again == first and _re_compiles_but_the_start(again, pattern, flags)
    assert again.groupindex == re.compile(pattern, flags).groupindex
    assert again.groups == re.compile(pattern, flags).groups
    text = "Marib were shelled; killed at least 12 people near the Tower 22 base, Document AFPR000020240203ek2300001"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


def test_flags_given_as_the_enumeration_or_a_number_are_one_entry(fresh: Path) -> None:
    a = rx.compile(r"strike[sd]?", re.IGNORECASE)
    b = rx.compile(r"strike[sd]?", int(re.IGNORECASE))
    assert a == b and a.flags == re.compile(r"strike[sd]?", re.I).flags
    assert rx._entries is not None and len(rx._entries) == 1


def test_a_damaged_file_is_not_read(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rx.compile(r"drone\s+attacks?", 0)
    rx.save()
    data = bytearray(fresh.read_bytes())
    data[-5] ^= 0xFF  # one byte of the entries changed: the checksum no longer holds
    fresh.write_bytes(bytes(data))
    _forget(monkeypatch)
    worked_out = _no_compiling(monkeypatch)
    assert rx.compile(r"drone\s+attacks?", 0) == re.compile(r"drone\s+attacks?")
    assert worked_out == [r"drone\s+attacks?"]


def test_a_file_written_by_another_python_is_not_read(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rx.compile(r"air\s*strike", 0)
    rx.save()
    data = fresh.read_bytes()
    fresh.write_bytes(b"\0" * 16 + data[16:])  # (its version head)
    _forget(monkeypatch)
    worked_out = _no_compiling(monkeypatch)
    assert rx.compile(r"air\s*strike", 0) == re.compile(r"air\s*strike")
    assert worked_out == [r"air\s*strike"]


def test_rubbish_in_the_cache_folder_only_costs_time(fresh: Path) -> None:
    fresh.parent.mkdir(parents=True, exist_ok=True)
    fresh.write_bytes(b"not what rx writes")
    assert rx.compile(r"shell(?:ed|ing)", 0) == re.compile(r"shell(?:ed|ing)")


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("STRIKE_MAPPER_CACHE", str(blocker / "cache"))  # (under a file: no folder can be made)
    assert rx.compile(r"rocket\s+fire", 0) == re.compile(r"rocket\s+fire")
    rx.save()  # no error
    assert not (blocker / "cache").exists()


def test_a_bytes_pattern_is_compiled_as_re_does(fresh: Path) -> None:
    assert rx.compile(rb"\xc2[\x80-\xbf]") == re.compile(rb"\xc2[\x80-\xbf]")  # type: ignore[arg-type]
    assert not rx._entries


def test_an_entry_the_matcher_refuses_is_compiled_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rx.compile(r"mortar\s+rounds?", 0)
    assert rx._entries is not None
    flags, code, groups, index, names = rx._entries[(r"mortar\s+rounds?", 0)]
    rx._entries[(r"mortar\s+rounds?", 0)] = (flags, code[:12], groups, index, names)  # (code cut short)
    assert rx.compile(r"mortar\s+rounds?", 0) == re.compile(r"mortar\s+rounds?")


def test_a_pattern_told_where_its_matches_start_is_kept_so() -> None:
    plain, started = rx._entry(r"\b(?:shelled|bombed)\b", 0)
    assert _words(plain)[2] == 0 and _words(started)[2] == _K.SRE_INFO_CHARSET
    plain, started = rx._entry(r"shell(?:ed|ing)", 0)  # (the compiler's own literal prefix)
    assert started is plain


def test_every_pattern_of_the_analysis_is_re_compiles_but_the_start() -> None:
    """Each pattern the modules of a run compile, worked out as ``rx`` works it out, is the
    pattern ``re.compile`` makes but for the set of characters its matches start with (its
    flags, groups, group names and the matcher's program the same), and finds in the seeds'
    articles what ``re.compile``'s finds."""
    import mapper.pipeline  # noqa: F401 - (the modules of a run)

    seeds = Path(rx.__file__).parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seeds.iterdir()) if p.is_file()]
    assert texts
    keys = sorted(rx._used)  # (every pattern compiled through rx in this process)
    assert len(keys) > 500
    told = 0
    for pattern, flags in keys:
        plain, started = rx._entry(pattern, flags)
        built = rx._build(pattern, started)
        assert _re_compiles_but_the_start(built, pattern, flags), pattern
        told += started is not plain
        if started is not plain:
            ours, theirs = built, re.compile(pattern, flags)
            for text in texts:
                assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], pattern
    assert told > len(keys) / 2  # (most patterns of the analysis open on a boundary, a look-around or a word)


# ``re.compile`` of a text pattern (a bytes pattern, ``rb"..."``, is not kept by rx)
_DIRECT = re.compile(r"\bre\.compile\(\s*(?!(?:rb|br|b)[\"'])")


def test_the_modules_of_a_run_compile_through_rx() -> None:
    """A pattern compiled by ``re.compile`` in a module of the analysis would be compiled anew by
    every run. (The commands' and the exports' modules compile a few, and do not read the cache.)"""
    package = Path(rx.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if path.parent.name not in ("cli", "export", "html")
        and path.name != "rx.py"
        and _DIRECT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_patterns_of_a_run_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A pattern written from a set in the set's order (which differs from one process to the next,
    as the hashes of strings do) would be a new pattern to the cache in many runs: compiled again,
    and the cache file written again."""
    import os
    import subprocess
    import sys

    script = "import mapper.pipeline, mapper.rx as rx; print(repr(sorted(rx._used)))"
    runs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "STRIKE_MAPPER_CACHE": str(tmp_path)}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        runs.append(done.stdout)
    assert len(runs[0]) > 10_000
    assert runs[0] == runs[1] == runs[2]


def test_files_of_other_versions_left_for_a_month_are_removed(fresh: Path) -> None:
    import os
    import time

    old = fresh.parent / rx.FILE.format(version="0123456789ab")
    recent = fresh.parent / rx.FILE.format(version="ba9876543210")
    other = fresh.parent / "gates.json"  # (not a file of this module)
    for path in (old, recent, other):
        path.write_bytes(b"x")
    month_ago = time.time() - (rx.STALE_AFTER_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(other, (month_ago, month_ago))
    rx.compile(r"shelled\s+(?:overnight|again)", 0)
    rx.save()
    assert fresh.is_file() and recent.is_file() and other.is_file()
    assert not old.exists()
