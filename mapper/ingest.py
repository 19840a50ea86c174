"""Stage 1, ingest: find article files, decode them, clean them, read metadata.

* ``.txt``/``.md`` are read as text; ``.html``/``.htm`` go through trafilatura,
  which keeps the title, date and site name.
* Decoding: UTF-8 first, then the encoding charset-normalizer detects.  Empty,
  binary and undecodable files raise ``IngestError`` with a one-line message
  naming the file (and line, where there is one).
* Cleaning normalises quotes, dashes and white space and drops boilerplate
  lines (cookie banners, newsletter prompts, "Read More @", footers in other
  languages) while keeping ``Article.offsets``, a map from every character of
  the cleaned text back to the original (kept as runs, ``models.Offsets``), so reported spans point into the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from . import rx
from .budget import Budget, OverBudget
from .dates import EARLIEST, LATEST, dateline_date, find_dates, first_full_date, plausible
from .documents import BINARY_SUFFIXES as _NOT_TEXT
from .documents import DOCX_SUFFIXES, EMAIL_SUFFIXES, PDF_SUFFIXES, kind_of
from .language import ENGLISH
from .language import detect as detect_language
from .models import Article, Offsets, Problem
from .text import UPPER, DocumentWords, ends_sentence, goes_on, line_joins, line_width, lower_finds_ignorecase

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | EMAIL_SUFFIXES
READS = ".txt, .md, .html, .htm, .pdf, .docx, .eml"  # as the messages say it
# files of many articles, each a record (``read_all``): JSON lines, and mailboxes of e-mails
RECORD_SUFFIXES = {".jsonl", ".mbox"}
MAX_BYTES = 20 * 1024 * 1024  # larger files are skipped with a message


class IngestError(Exception):
    """A file that cannot be read as an article; the message is one line."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path, self.message, self.line = path, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class NotAnArticle(IngestError):
    """A file in a folder that is no article (an image, a spreadsheet): passed over, and said so."""


@dataclass
class Unread(Problem):
    """The problem of a file that is no article: the run lists these together, not one line each."""


def display_path(path: str | os.PathLike[str]) -> str:
    """A printable form of a file name: undecodable bytes become \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Source:
    path: Path
    article_id: str  # path relative to the input folder (or the file name; or its URL)
    url: str | None = None  # the page it was fetched from (mapper.fetch): its id and source link


# --------------------------------------------------------------------------- discovery


OUTPUTS_MARKER = ".mapper-outputs.json"  # in a folder mapper writes its outputs into (export.publish)


class InputError(Exception):
    """The inputs of a run are wrong as a whole (a missing path, a folder without articles);
    the message is one line."""


def _skipped_folder(folder: Path, exclude: set[str]) -> bool:
    """A folder not to walk: a run's output folder (given, or holding mapper's outputs: the
    manifest they are published with, or, from before it, a map beside a sites.geojson)."""
    return (
        os.path.realpath(folder) in exclude
        or (folder / OUTPUTS_MARKER).exists()
        or ((folder / "map.html").exists() and (folder / "sites.geojson").exists())
    )


def discover(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    records: bool = False,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Source | IngestError]:
    """Yield every article file under ``inputs`` (files or folders, recursively).

    Folders are walked without following symbolic links to folders, so link loops
    cannot trap the walk; files are yielded in a stable (sorted) order.  Hidden files
    and folders, the folders in ``exclude`` and any folder holding mapper's outputs
    are passed over, so that a run never reads its own map back as an article.  A
    folder that cannot be read is an ``IngestError``, and so is each file that is no
    article (``NotAnArticle``).  ``records``: the ``.jsonl`` and ``.mbox`` files in folders too
    (files of records, see ``read_all``).
    """
    suffixes = SUFFIXES | RECORD_SUFFIXES if records else SUFFIXES
    skip = {os.path.realpath(p) for p in exclude}
    for raw in inputs:
        root = Path(raw)
        url = getattr(raw, "url", None)  # a fetched page (mapper.fetch.Link)
        if url is not None:
            yield Source(root, url, url=url)
            continue
        if root.is_file():
            yield Source(root, display_path(root.name))
            continue
        if not root.is_dir():
            yield IngestError(display_path(root), "no such file or folder")
            continue
        if _skipped_folder(root, skip):
            continue
        errors: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
            yield from _walk_errors(errors)
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not _skipped_folder(here / d, skip))
            for name in sorted(filenames):
                p = here / name
                if name.startswith("."):
                    continue
                if p.suffix.lower() not in suffixes:
                    yield NotAnArticle(display_path(p), f"not read: {kind_of(p.suffix)}, not an article ({READS})")
                    continue
                yield Source(p, display_path(p.relative_to(root).as_posix()))
        yield from _walk_errors(errors)


def _walk_errors(errors: list[OSError]) -> Iterator[IngestError]:
    for exc in errors:
        where = display_path(exc.filename) if exc.filename is not None else "?"
        yield IngestError(where, f"cannot read this folder ({exc.strerror or exc}): nothing in it was read")
    errors.clear()


def check_inputs(inputs: Iterable[str | os.PathLike[str]], *, exclude: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Raise ``InputError`` when an input does not exist or holds no article file at all (a
    mistyped or empty folder), before a run reads or writes anything."""
    for raw in inputs:
        root = Path(raw)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"{display_path(root)}: no such file or folder")
        if not root.is_dir():
            continue
        trouble = None
        others = 0
        for item in discover([root], records=True, exclude=exclude):
            if isinstance(item, Source):
                break
            if isinstance(item, NotAnArticle):
                others += 1
            else:
                trouble = trouble or item
        else:
            if trouble is not None:
                raise InputError(str(trouble))
            besides = f"; {others} other file{'s' if others != 1 else ''} in it" if others else ""
            raise InputError(f"{display_path(root)}: no article files in this folder ({READS}){besides}")


# --------------------------------------------------------------------------- decoding


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
MIN_LETTERS = 20  # an extracted "article" with fewer letters is no article


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def decode(data: bytes, path: str) -> str:
    """Decode bytes: UTF-8 (with or without BOM), else a detected encoding."""
    if not data.strip():
        raise IngestError(path, "empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise IngestError(path, "binary file (NUL bytes), not an article", _line_of(data, head.index(b"\x00")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = _line_of(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex()
    if _UTF8_MULTIBYTE.search(data):
        # valid UTF-8 sequences beside invalid bytes: a damaged UTF-8 file, not a legacy
        # encoding; guessing a code page would garble the good parts
        raise IngestError(path, f"undecodable: invalid UTF-8 byte 0x{bad} in a UTF-8 file", bad_line)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(path, f"undecodable: invalid UTF-8 (byte 0x{bad}) and no other encoding fits", bad_line)
    text = str(best)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise IngestError(path, "binary file (control bytes), not an article", bad_line)
    return text


# --------------------------------------------------------------------------- cleaning

_CHAR_MAP = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "ʼ": "'",
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        # every white space inside a line is a space: the ones the gates and patterns meet
        # (no-break, thin, narrow and figure spaces, tabs), and the rarer ones of other scripts
        # (ideographic, Ogham, en and em spaces)
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\x1f": " ",
        "\u1680": " ",
        **{chr(c): " " for c in range(0x2000, 0x200B)},
        "\u205f": " ",
        "\u3000": " ",
        "\r": " ",
        "\f": " ",
        "\v": " ",
    }
)
# the characters _CHAR_MAP changes: a line is translated one match at a time, which
# is much faster than str.translate over a long line holding a few curly quotes
_TO_TRANSLATE = rx.compile("[" + re.escape("".join(chr(c) for c in _CHAR_MAP)) + "]")
_ZERO_WIDTH = rx.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = rx.compile(r" {2,}")
_TYPED_DASH = rx.compile(r"(?<= )--(?= )")

# Boilerplate lines: a line that *is* one of _BOILER_LINES (from its first word to
# its end), or holds one of _BOILER_PHRASES anywhere, or ends in _BOILER_END.
_BOILER_LINES = r"""
        thank\s+you\s+for\s+(?:your\s+)?subscri\w+.*
      | read\s+more\s*@.*
      | read\s+more\W*
      | leave\s+a\s+(?:reply|comment)\W*
      | we\W?d\s+love\s+to\s+keep\s+you\s+updated.*
      | we\s+don\W?t\s+spam\W*
      | original\s+post\W*
      | featured\s+post\W*
      | blog\s+widget\s+by.*
      | (?:share|tweet)\s+(?:this|on)\b.{0,40}
      | (?:all\s+rights\s+reserved|copyright\s+(?:©|\(c\)|\d{4})).*
      | (?:sign\s+up|log\s*in|sign\s+in|register)\s+(?:for|to)\b.{0,60}
      | advertisement\W*
      | related\s+(?:articles|stories|posts)\W*
      | click\s+here\b.*
      | (?:read|see)\s+(?:more|also)\s*:.*
      | (?:tags|topics|filed\s+under|categories)\s*:.*
      | \(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+(?-i:[A-Z])[^.]{0,300}\)?\.?
      | our\s+standards\s*:.*
"""
_BOILER_PHRASES = r"""
        \b(?:we\s+use\s+cookies|cookies\s+help\s+us|accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings))\b
      | \bsubscribe\s+to\s+(?:our|the)\s+newsletter\b
"""
_BOILER_END = r"\ball\s+rights\s+reserved\.?"
_BOILER_PHRASE_WORDS = ("cookie", "subscribe", "rights")  # one of them is in each phrase and end
BOILERPLATE = rx.compile(
    rf"^(?:.*(?:{_BOILER_PHRASES}).*|{_BOILER_LINES}|.*{_BOILER_END})$",
    re.IGNORECASE | re.VERBOSE,
)
# The same test for a line without "\n", in a faster form: BOILERPLATE's ".*" in
# front of a phrase makes the engine try the phrases at every position of the
# line, once per alternative; a search (behind a look-ahead on the phrases'
# first letters) does that once.
_BOILERPLATE_LINE = rx.compile(rf"^(?:{_BOILER_LINES})$", re.IGNORECASE | re.VERBOSE)
_BOILERPLATE_PHRASE = rx.compile(rf"(?=[acsw])(?:{_BOILER_PHRASES}|{_BOILER_END}$)", re.IGNORECASE | re.VERBOSE)

_FOREIGN_STOP = frozenset(
    "para la las los del por con una uno que como est pour les des une dans sur avec est "
    "der die das und mit von für ist den dem auf nicht sich het een van voor zijn "
    "della delle degli sono nella".split()
)
_ENGLISH_STOP = frozenset(
    "the of and to in that for on with as was were by said from is are at it his her their".split()
)
_LETTER = rx.compile(r"[^\W\d_]")
_WORD = rx.compile(r"[^\W\d_]+")
# a letter outside ASCII and Latin-1 Supplement .. Latin Extended-B (U+00C0-U+024F)
_NON_LATIN_LETTER = rx.compile(r"[^\W\d_\x00-\x7f\u00c0-\u024f]")
_NON_ASCII_LETTER = rx.compile(r"[^\W\d_\x00-\x7f]")  # what _WORD takes beyond ASCII letters
_ASCII_WORD = rx.compile(r"[a-z]+")


def _is_foreign_line(line: str) -> bool:
    """A line mostly in a non-Latin script, or clearly in another Latin-script language."""
    if _NON_ASCII_LETTER.search(line) is None:
        # all its letters are ASCII (so Latin): its words are the runs of [a-z] of the
        # lower-cased line, a faster way to the same lower-cased words
        words = _ASCII_WORD.findall(line.lower())
    else:
        # (counted only when there is a non-Latin letter: without one the share is 1)
        non_latin = len(_NON_LATIN_LETTER.findall(line))
        if non_latin:
            letters = len(_LETTER.findall(line))
            if letters >= 8 and (letters - non_latin) / letters < 0.5:
                return True
        words = [w.lower() for w in _WORD.findall(line)]
    if len(words) >= 4:
        foreign = sum(map(_FOREIGN_STOP.__contains__, words))
        if foreign < 2:
            return False
        english = sum(map(_ENGLISH_STOP.__contains__, words))
        if foreign > 2 * english:
            return True
    return False


def is_boilerplate(line: str, *, foreign: bool = True) -> bool:
    """Whether a line is boilerplate as a whole; ``foreign``: a line in another language
    (a footer of an English page) counts as boilerplate too."""
    s = line.strip()
    if not s:
        return False
    if "\n" in s:  # not from clean_text, which passes single lines
        return bool(BOILERPLATE.match(s)) or (foreign and _is_foreign_line(s))
    if _BOILERPLATE_LINE.match(s):
        return True
    # every phrase holds one of these words: a line without them is not searched
    low = s.lower()
    if (not lower_finds_ignorecase(s) or any(w in low for w in _BOILER_PHRASE_WORDS)) and _BOILERPLATE_PHRASE.search(s):
        return True
    return foreign and _is_foreign_line(s)


def _extend_offsets(offsets: Offsets, line: str, start: int, i: int, j: int) -> None:
    """Add the original index of every kept character of ``line[i:j]`` (zero widths are NUL)."""
    if "\x00" in line:
        for k in range(i, j):
            if line[k] != "\x00":
                offsets.add(start + k, 1)
    else:
        offsets.add(start + i, j - i)


def _translate_match(m: re.Match[str]) -> str:
    return m.group().translate(_CHAR_MAP)


# the heading of a page's list of links to other stories: "Related coverage", "More on this story",
# "You may also like:"; the short lines under it are the other stories' headlines, not this one's news
_LINKS_HEADING = rx.compile(
    r"(?:related(?:\s+(?:coverage|articles?|stories|story|posts?|content|news|reading|links))?|"
    r"more\s+(?:coverage|stories|news|on\s+this\s+(?:story|topic))|(?:read|see)\s+also|also\s+read|"
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|recommended(?:\s+(?:stories|reading|for\s+you))?|"
    r"most\s+(?:read|popular|viewed)|further\s+reading)\s*:?",
    re.I,
)
LINK_LINE = 160  # characters: a line this short under such a heading is a link to another story
_SENTENCE_END = rx.compile(r"[.!?][\"'”’)]?$")


def _is_link_line(body: str) -> bool:
    """A line of a list of links: short, and a headline (no full stop) or a bullet."""
    s = body.strip()
    return len(s) <= LINK_LINE and (s[:1] in "-•*–·>" or _SENTENCE_END.search(s) is None)


SHORT_LINE = 300  # characters: a line this short may be boilerplate as a whole
SHORT_SENTENCE = 160  # a sentence of a long line this short holding a boilerplate phrase goes whole
_SEGMENT_END = rx.compile(r"(?<=[.!?])\s+(?=\S)")


def kept_spans(body: str, *, drop_foreign: bool = True) -> list[tuple[int, int]]:
    """The spans of one line (without its line break) that cleaning keeps.

    A short line is kept or dropped whole (``is_boilerplate``).  A long one is never
    dropped for boilerplate (an article may come as one line): its short sentences that
    hold a boilerplate phrase ("We use cookies.") go, and in a longer sentence only the
    phrase itself is cut out.  ``drop_foreign``: lines in another language than English
    go whole (footers, or a paragraph in another language, of an English page)."""
    if not body.strip():
        return []
    if len(body) <= SHORT_LINE:
        return [] if is_boilerplate(body, foreign=drop_foreign) else [(0, len(body))]
    if drop_foreign and _is_foreign_line(body):
        return []
    keep: list[tuple[int, int]] = []
    pos = 0
    for end in [m.start() for m in _SEGMENT_END.finditer(body)] + [len(body)]:
        cuts = list(_BOILERPLATE_PHRASE.finditer(body, pos, end))
        if cuts and end - pos <= SHORT_SENTENCE:
            pos = end
            continue
        for m in cuts:
            keep.append((pos, m.start()))
            pos = m.end()
        keep.append((pos, end))
        pos = end
    # white space at the edges of a piece is not kept (a piece of white space is no piece)
    out = []
    for a, b in keep:
        piece = body[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if a < b:
            out.append((a, b))
    return out


# A hard-wrapped text (an e-mail, a PDF's text saved by another tool, a wire archive's plain
# text) breaks its lines inside sentences, at one width; each break would end a sentence.
WRAP_WIDTHS = (30, 100)  # the widths a hard-wrapped text is written at
WRAP_MIN_LINES = 2  # (a brief is two or three wrapped lines)
WRAP_MIN_BREAKS = 2  # breaks inside a sentence, at least (one in a text of two lines)


def wrapped_joins(lines: list[str]) -> list[str | None]:
    """For each line, what joins it to the line before where a hard-wrapped text broke a
    paragraph: a space, or nothing after a word broken at its hyphen ("air-" / "strike"); None
    where the break is the text's own (a blank line, a paragraph's short last line, a heading,
    a bullet).  All None for a text that is not hard-wrapped: one whose lines mostly fill the
    same width, with few longer, and whose full lines often end inside a sentence, the next
    one going on in lower case or after a word no sentence ends with ("in" / "Baghdad"; a list
    of headlines has full lines too, but each opens with a capital after a word that can end one)."""
    rows = [ln.strip() for ln in lines]
    keep: list[str | None] = [None] * len(rows)
    lengths = sorted(len(r) for r in rows if r)
    if len(lengths) < WRAP_MIN_LINES:
        return keep
    width = line_width(rows)
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] or sum(n > width + 12 for n in lengths) > 0.05 * len(lengths):
        return keep
    # the breaks inside a sentence: a full line that ends none, then a line
    inside = [
        i
        for i in range(1, len(rows))
        if rows[i] and rows[i - 1] and len(rows[i - 1]) >= 0.75 * width and not ends_sentence(rows[i - 1])
    ]
    if len(inside) < min(WRAP_MIN_BREAKS, len(lengths) - 1) or len(inside) < 0.25 * len(lengths):
        return keep
    going_on = sum(goes_on(rows[i - 1], rows[i]) for i in inside)
    # (a text of two lines, the first full and ending inside a sentence, the second no longer:
    # one sentence wrapped once, whatever word the break came before)
    two_lines = len(lengths) == 2 and lengths[0] == len(rows[inside[0]])
    if going_on < 0.5 * len(inside) and not two_lines:
        return keep
    return line_joins(rows, width, headed=True)


# a forwarded e-mail saved as text: its marker and header lines at the top ("---------- Forwarded message ---------",
# "From: ...", "Subject: ...")
_MAIL_HEADER = rx.compile(
    r"\s*(?:-{2,}\s*(?:forwarded\s+message|original\s+message|begin\s+forwarded\s+message)\s*-*:?|"
    r"(?P<field>from|date|sent|to|cc|bcc|subject|reply-to)\s*:(?:\s.*)?)\s*",
    re.IGNORECASE,
)
_MAIL_HEADER_LINES = 16  # how far down the text a forwarded header may stand


def _forward_header(lines: list[str]) -> dict[int, list[tuple[int, int]]]:
    """The lines of a forwarded e-mail's header at the top of a text (two fields at least, or a forwarding marker and
    a field), each with the part of it to keep: none, or a subject's words when the story below does not open with
    them (the subject is then its headline)."""
    found: dict[int, list[tuple[int, int]]] = {}
    fields = marker = 0
    subject: tuple[int, str] | None = None
    for k, line in enumerate(lines[:_MAIL_HEADER_LINES]):
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        m = _MAIL_HEADER.fullmatch(body)
        if m is None:
            break
        found[k] = []
        if m.group("field"):
            fields += 1
            if m.group("field").lower() == "subject":
                value = body.split(":", 1)[1]
                subject = (k, value)
        else:
            marker += 1
    if fields < 2 and not (marker and fields):
        return {}
    if subject is not None:
        k, value = subject
        words = " ".join(value.split()).lower()
        below = " ".join("".join(lines[max(found) + 1 : max(found) + 12]).split()).lower()
        if words and not below.startswith(words[: max(12, len(words) * 2 // 3)]):
            body = lines[k].rstrip("\r\n")
            a = body.index(":") + 1
            a += len(body[a:]) - len(body[a:].lstrip())
            found[k] = [(a, len(body.rstrip()))]
    return found


def clean_text(text: str, *, drop_foreign: bool = True) -> tuple[str, Offsets]:
    """Return (clean, offsets): boilerplate dropped (``kept_spans``), characters normalised.

    ``offsets[i]`` is the index in ``text`` of ``clean[i]``; one extra entry at the
    end points just past the last character, so spans map back with it.
    ``drop_foreign``: drop lines in another language than English too (see ``kept_spans``).
    """
    out: list[str] = []
    offsets = Offsets()
    pos = 0
    blank_run = 0
    links = False  # under the heading of a list of links to other stories
    raw_lines = text.splitlines(keepends=True)
    header = _forward_header(raw_lines)
    joins = wrapped_joins(raw_lines)
    # (a word a typesetter hyphenated at a line's end loses the hyphen, as on a PDF's page)
    words = DocumentWords(text) if "" in joins else None
    for k, raw_line in enumerate(raw_lines):
        start = pos
        pos += len(raw_line)
        body = raw_line.rstrip("\r\n")
        if links and body.strip():
            links = _is_link_line(body)
        if links or (len(body) <= LINK_LINE and _LINKS_HEADING.fullmatch(body.strip())):
            links = True
            blank_run += 1
            continue
        # (of a forwarded e-mail's header, only its subject, and only when the story below does not open with it)
        pieces = header[k] if k in header else kept_spans(body, drop_foreign=drop_foreign)
        if not pieces:
            blank_run += 1
            continue
        for n, (a, b) in enumerate(pieces):
            if n:  # a piece after one cut out of the same line: one space between them
                out.append(" ")
                offsets.add(start + a - 1, 1)
            elif out:
                # keep paragraph structure: one newline, or two after blank/dropped lines; a line a
                # hard-wrapped text broke goes on after a space (the line break's), or none
                join = joins[k] if not blank_run else None
                if (
                    join == ""
                    and words is not None
                    and out[-1].endswith("-")
                    and words.hyphenated_at_break(raw_lines[k - 1].strip(), body.strip())
                ):
                    out[-1] = out[-1][:-1]  # (a typesetter's hyphen)
                    offsets.drop_last()
                sep = join if join is not None else "\n\n" if blank_run else "\n"
                out.append(sep)
                for _ in sep:
                    offsets.add(start - 1, 1)
            _append_normalised(body[a:b] if (a, b) != (0, len(body)) else body, start + a, out, offsets)
        blank_run = 0
    clean = capital_dateline(sentence_cased_headlines(head_rows(list_rows("".join(out)))))
    offsets.add(offsets[-1] + 1 if offsets else 0, 1)
    assert len(offsets) == len(clean) + 1
    return clean, offsets


# a dateline whose town is written in its own case, at the start of one of a story's first lines: "Kharkiv, Ukraine
# (AP) - Russian forces", "Toribio, Cauca - The police station", "Port-au-Prince, January 2026 (translated from
# French) - At least 25", "Juba – The", "Slavyansk, Ukraine, June 3, 2014 (AFP) - "; or ended as agencies and the
# press of South Asia and Russia end one: with a colon after its date or its outlet ("Srinagar, June 10: ", "Ghazni
# City (Pajhwok): "), or a full stop ("Donetsk, September 12. /TASS/. ", "Agdam, 18 June (AZERINFORM). ",
# "Stepanakert, October 4, ARMENPRESS. ")
_OWN_CASE_DATELINE = rx.compile(
    r"(?m)^(?!(?:The|A|An|In|On|At|By|For|From|And|But|As|If|When|While|After|Before|Since|Our|This|That|Host|"
    r"Presenter|Anchor|Reporter|Correspondent|Narrator|Interviewer)\b)"
    r"(?P<town>[A-Z][a-z][\w'.]*(?:[ -](?:[A-Z][\w'.]*|de|du|la|le|al|el|au|d'[A-Z][\w.]*)){0,3})"
    # (then its province, country or date: "Democratic Republic of the Congo" is five words; "14/05/1993")
    r"(?P<parts>(?:,\s+[\w'./]+(?:\s+[\w'./]+){0,4}){0,3})"
    r"(?:\s+\((?P<outlet>(?!(?:VO|SOT|V/O|OOV)\))[^()\n]{1,40})\))?(?:\s+/[A-Z][\w -]{1,30}/)?"
    r"(?:\.?\s+[-–—]+\s+|(?<=[\d)]):\s+|(?<=[\d)/])\.\s+|(?<=[A-Z]{4})\.\s+)(?=[A-Z\"'])"
)
# the words a dateline's province, country or date may hold besides names, numbers and abbreviations ("Kharkiv region",
# "Democratic Republic of the Congo", "Sept 14", "14/05/1993"): not a sentence's ("Man, 34, struck, killed by car.
# Goose Creek - ", a headline)
_DATELINE_PART_WORDS = frozenset(
    "of the de del la du al el and region province district state county governorate oblast krai city territory "
    "territories municipality department prefecture".split()
)


def _own_case_dateline(m: re.Match[str]) -> bool:
    """Whether the words after a dateline's town, up to its outlet or its dash, are a province's, a country's and a
    date's; and an outlet in brackets before a colon is one (not a speaker's "(live, Dnipro): ")."""
    outlet = m.group("outlet")
    if outlet and outlet[0].islower() and m.group(0).rstrip().endswith(":"):
        return False
    return all(
        word[0].isupper() or word[0].isdigit() or word in _DATELINE_PART_WORDS
        for word in m.group("parts").replace(",", " ").replace("/", " ").split()
    )


# (or alone on its line under the byline: "By Olena Martyniuk" over "Pervomaiskyi, Kharkiv region"; a byline with its
# date and no "By", as some agencies write it: "Leyla Demir | 04.05.2021"; the country in four words, "Democratic
# Republic of Congo"; a second place the story was filed from: "Marib, Yemen / London")
_BYLINE_THEN_DATELINE = rx.compile(
    r"(?m)^(?:By\s+[A-Z][^\n]{0,80}|[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}\s+\|\s+\d[\d./-]{5,9})\n\n?"
    r"(?P<town>[A-Z][a-z][\w'.]*(?:[ -](?:[A-Z][\w'.]*|de|du|la|le|al|el|au)){0,3})"
    r",\s+[A-Z][\w'.]*(?:\s+[\w'.]+){0,3}(?:\s*/\s*[A-Z][\w'.]*(?:\s+[A-Z][\w'.]*){0,2})?"
    # (and the date a feature gives there: "Narathiwat, Thailand, August 2013", "Beni, Democratic Republic of Congo,
    # 12 May 2022")
    r"(?:,\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d)?[ \t]*\n"
)
_DATELINE_LINES = 8  # how far down a story's dateline may stand (after its headline, standfirst and byline)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
_WEEKDAYS_MONTHS = _CALENDAR | frozenset("update breaking live watch analysis opinion editorial".split())


_CAPS_WORD = rx.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _head_end(clean: str) -> int:
    """Where a story's first ``_DATELINE_LINES`` lines end (its headline, standfirst, byline and dateline)."""
    end = 0
    for _ in range(_DATELINE_LINES):
        nl = clean.find("\n", end)
        if nl < 0:
            return len(clean)
        end = nl + 1
    return end


HEADLINE_MAX = 200  # characters: a headline's line is no longer
_HEAD_CHARS = 700  # how far into a story its head (headline, standfirst, byline, dateline) may run
# a byline and a dateline in capitals run on, in one line, after a standfirst or a headline (a feed's text, or a page's
# paragraphs joined): "... where their neighbours died By Olena Marchuk KOSTIANTYNIVKA, Donetsk region - The
# tarpaulins", "Bomb on bus kills 2, wounds 17 in Isulan ISULAN, Sultan Kudarat (MindaNews / 12 January 2016) - Two",
# "... By Sana Qureshi KOHAT, Pakistan In the cloth market"
_RUN_IN_DATELINE = rx.compile(
    r" (?<=[\w.!?\"'”’)] )(?<![A-Z]{2} )"  # (the space first: the engine skips to each space)
    r"(?:(?P<by>By +[A-Z][a-z'’][\w'’.-]*(?: +(?:[A-Z](?:[a-z]|['’][A-Z])[\w'’.-]*|and|de|van|von|al|bin|ibn|el)){0,5}"
    r"(?: +\| +[^|\n]{1,60}?)?) )?"
    rf"(?P<town>(?:[{UPPER}][{UPPER}'’.-]{{2,}}|[A-Z]{{2}}(?=[ -][A-Z]{{2}}))(?:[ -][{UPPER}][{UPPER}'’.-]*){{0,3}})"
    r"(?:"
    # (a province, country, date or outlet, then a dash or a colon: "KABUL (Reuters) - ", "BANNU, Sept 14: ")
    r"(?:, +[A-Z0-9][\w'./]*(?: +[\w'./]+){0,4}){0,2}(?: +\([^()\n]{1,60}\))?(?: +- +| *: +|(?<=\))\. +)"
    r"(?=[A-Z\"'‘“])"
    # (or a province or country alone, before the story's first word: "KOHAT, Pakistan In the cloth market")
    r"|, +[A-Z][\w'.-]*(?: +(?:[A-Z][\w'.-]*|region|province|district|governorate|state|county|oblast|krai|city|of"
    r"|the|de|del|al|el)){0,4}(?P<opening> )(?=(?:The|A|An|In|On|At|For|From|When|As|After|Before|During|Since|It|"
    r"Nobody|Every|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) )"
    r")"
)

# a list's mark (a bullet) inside a line, after a sentence's end: the items of a list run together ("... the
# Regional Military Administration. ▪️ Kupiansk. At about 15:40 the enemy shelled ...")
_RUN_IN_ITEM = rx.compile(r"(?<=[.!?:;)]) (?=[▪•●■◾◼►◆▶➤])")
_ITEM_MARKS = "▪•●■◾◼►◆▶➤"


def list_rows(clean: str) -> str:
    """``clean`` with the items of a list run into one line (a feed's or a page's lines joined by spaces) put on lines
    of their own, as they were written: the space before a bullet that follows a sentence's end becomes a line break,
    so that an item reads as its own paragraph ("▪️ Zolochiv. A guided aerial bomb hit ...").  Of the same length."""
    if not any(mark in clean for mark in _ITEM_MARKS):  # (a string's own search: a microsecond for a story)
        return clean
    return _RUN_IN_ITEM.sub("\n", clean)


# a headline in capitals at a story's start, then, in the same line, words in their own case (a standfirst or the
# story's first sentence): "THE LAST SHIFT AT THE BAKERY ON TEL HAI ROAD A rocket from Lebanon killed ...", "ARAB
# REPUBLIC OF EGYPT - THE ARMED FORCES Statement No. 14"; twelve characters at least, ending in a word (not a town
# before its comma, "NEW DELHI, India - ", a dateline; nor a day before its month, "ROUND-UP - 18 June 2025")
_RUN_IN_CAPS_HEADLINE = rx.compile(
    r"\s*(?P<caps>[A-Z0-9][A-Z0-9'’.,:;&!?-]*(?: +(?:[-–—|] +)?[A-Z0-9][A-Z0-9'’.,:;&!?-]*)+)"
    r"(?<=[A-Z]{2}|[A-Z][.!?'’]) (?=[A-Z][a-z])"
)


def head_rows(clean: str) -> str:
    """``clean`` with a byline and a dateline run into a story's first line (its lines joined by spaces, as a feed
    gives them) put on lines of their own, as the story wrote them, so that its head is read as any other: "...
    where their neighbours died By Olena Marchuk KOSTIANTYNIVKA, Donetsk region - The tarpaulins" gets a line break
    before "By" and before the town.  Only in a story's head (``_HEAD_CHARS``), after words in lower case (not in a
    line in capitals).  A headline in capitals that opens the story, run into the words after it ("THE ROAD TO
    URUS-MARTAN From the tent camps of Ingushetia, ..."), gets a line break after it too.  The text keeps its
    length: a space becomes a line break."""
    caps = _RUN_IN_CAPS_HEADLINE.match(clean)
    if (
        caps is not None
        and len(caps.group("caps")) >= 12
        # (in a line longer than a headline's: "TAWILA: A TOWN OF THE DISPLACED Field report from ..." alone on its line
        # is a headline, whatever its case)
        and _line_end(clean, caps.end()) - caps.start("caps") > HEADLINE_MAX
        and sum(len(w) >= 2 for w in _CAPS_WORD.findall(caps.group("caps"))) >= 2
    ):
        clean = clean[: caps.end("caps")] + "\n" + clean[caps.end("caps") + 1 :]
    head_end = min(len(clean), _HEAD_CHARS)
    at = 0
    while (m := _RUN_IN_DATELINE.search(clean, at, head_end)) is not None and m.group("by") is None:
        before = clean[max(clean.rfind(" ", 0, m.start()), clean.rfind("\n", 0, m.start())) + 1 : m.start()].lower()
        if before not in _TO_A_PLACE and before not in _FUNCTION:
            break
        # (a word in capitals that a sentence names, "who were in the SLFP - State Minister", or a headline's last
        # word before the town: "ambush in the VRAEM HUANCAYO, March 2017 - ")
        town = m.group("town")
        at = m.start("town") + town.index(" ") if " " in town else m.end()
    if m is None:
        return clean
    line_start = clean.rfind("\n", 0, m.start()) + 1
    if not any(c.islower() for c in clean[line_start : m.start()]):
        return clean  # a line in capitals: its words are no dateline's
    breaks = [m.start()]  # (the space before the byline, or before the town)
    if m.group("by") is not None:
        breaks.append(m.start("town") - 1)
    if m.group("opening") is not None:
        breaks.append(m.start("opening"))
    out = list(clean)
    for k in breaks:
        out[k] = "\n"
    return "".join(out)


def sentence_cased_headlines(clean: str) -> str:
    """``clean`` with a headline among a story's first lines written as most headlines are, in sentence case: one in
    capitals ("FIVE KILLED IN ATTACK ON MOZOGO") or in title case ("1 Killed, 14 Injured in Sopore Grenade Blast")
    reads "Five killed in attack on Mozogo", "1 killed, 14 injured in Sopore grenade blast", so that its places and
    its words of violence are read as in any other headline (``sentence_case``).  The text keeps its length."""
    out = None
    for start, line in itertools.islice(_headline_lines(clean), 2):
        words = _CAPS_WORD.findall(line)
        long_words = [w for w in words[1:] if len(w) >= 4]
        caps = not any(c.islower() for c in line.split(" | ")[0])  # (before a page's " | The Daily Example")
        titled = len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)
        if len(words) < 3 or not (caps or titled) or _NOT_A_HEADLINE.search(line):
            continue
        # (the words the story below writes with a capital inside its sentences: its names)
        end = start + len(line)
        names = set(_NAME_IN_SENTENCE.findall(clean, end))
        new = sentence_case(line, caps=caps, names=names)
        if new != line and len(new) == len(line):
            out = out if out is not None else clean
            out = out[:start] + new + out[end:]
    return out if out is not None else clean


def _line_end(clean: str, at: int) -> int:
    """Where the line that holds ``at`` ends."""
    nl = clean.find("\n", at)
    return len(clean) if nl < 0 else nl


def _headline_lines(clean: str) -> Iterator[tuple[int, str]]:
    """The lines among a story's first ones that may be a headline: 12 to 200 characters, three capitals at least,
    and no closing stop or quote (with where each starts)."""
    at, head_end = 0, _head_end(clean)
    while at < head_end:
        end = _line_end(clean, at)
        line = clean[at:end]
        if (
            12 <= len(line) <= HEADLINE_MAX
            and not line.endswith((".", "!", "?", '"', "'"))
            and _THREE_CAPITALS.search(line)
        ):
            yield at, line
        at = end + 1


def sentence_case(line: str, *, caps: bool = False, names: set[str] | frozenset[str] = frozenset()) -> str:
    """A headline in title case (or, with ``caps``, in capitals) in sentence case: an ordinary English word in lower
    case, unless it opens the line or a clause, follows a word that leads to a place ("in", "near", "on") or heads a
    place's name after one ("Gaza Strip", "West Bank"), or is one of ``names`` (the story writes it with a capital
    inside its sentences: "Saskatoon" is a berry too); other words keep their capital ("Kharkiv", "Russian"); in
    capitals, a short word with no vowel stays so ("RSF").  Of the same length."""
    from .toponyms import PLACE_WORDS, common_words

    words = common_words()
    heads = PLACE_WORDS | _MORE_PLACE_WORDS
    out: list[str] = []
    at = 0
    prev_low = ""
    prev_kept = False  # (the word before kept its capital and is no ordinary word: a name's first word)
    for w in _CAPS_WORD.finditer(line):
        word = w.group()
        out.append(line[at : w.start()])
        at = w.end()
        gap = line[max(0, w.start() - 3) : w.start()]
        opens = (not out[:-1] and not "".join(out).strip(" \"'‘“")) or any(c in gap for c in ":;|")
        if caps:
            short = len(word) <= 2 and word.lower() not in _SMALL
            if short or (len(word) == 3 and not any(c in "AEIOUY" for c in word)):
                out.append(word)  # ("RSF", "UN")
                prev_low, prev_kept = word.lower(), True
                continue
            word = word[0] + "".join(c.lower() if len(c.lower()) == 1 else c for c in word[1:])
        low = word.lower()
        keep = opens or not word[0].isupper()
        keep = keep or (
            low not in _FUNCTION
            and (
                (not caps and len(word) > 1 and word.isupper())  # ("TACURONG CITY, Sultan Kudarat": a dateline's town)
                or not _ordinary(low, words)
                or word in names
                or low in _CALENDAR
                or prev_low in _TO_A_PLACE
                or (prev_kept and word in heads)
            )
        )
        if keep or len(word[0].lower()) != 1:
            out.append(word)
            prev_kept = word[0].isupper() and (not _ordinary(low, words) or prev_low in _TO_A_PLACE)
        else:
            out.append(word[0].lower() + word[1:])
            prev_kept = False
        prev_low = low
    out.append(line[at:])
    return "".join(out)


# (a line that is no headline: a copyright or a page's dates, a photograph's caption, a byline, or a dateline:
# "TACURONG CITY, Sultan Kudarat", or alone on its line in its own case: "Tacurong City, Sultan Kudarat")
_NOT_A_HEADLINE = rx.compile(
    r"©|^\(|^By\s|\b(?i:copyright|published|updated|posted|all\s+rights)\b|\((?i:photo|image|picture)s?\b|"
    rf"^[{UPPER}][{UPPER}'’.-]{{2,}}(?:[ -][{UPPER}][{UPPER}'’.-]*)*(?:,|\s+\(|\s+-\s)|"
    r"^[A-Z][\w'.-]*(?:[ -][A-Z][\w'.-]*){0,3},\s+[A-Z][\w'.]*(?:\s+[\w'.]+){0,4}$"
)
_NAME_IN_SENTENCE = rx.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?:['’][a-z]+)?")
_THREE_CAPITALS = rx.compile(r"[A-Z][^A-Z]*[A-Z][^A-Z]*[A-Z]")


_SMALL = frozenset("a an as at by in is it of on or to up".split())
_FUNCTION = _SMALL | frozenset("the and but for with nor".split())


def _ordinary(low: str, words: frozenset[str]) -> bool:
    """Whether a lower-case word is an ordinary English word, or one of its forms ("kills", "killed", "killing")."""
    return (
        low in words
        or (low.endswith("s") and low[:-1] in words)
        or (low.endswith(("ed", "es")) and low[:-2] in words)
        or (low.endswith("ing") and low[:-3] in words)
        or (low.endswith("ied") and low[:-3] + "y" in words)
    )


_TO_A_PLACE = frozenset("in near at on of from to outside into over across inside around".split())
_MORE_PLACE_WORDS = frozenset("Strip Bank Front Corridor Zone Line Highway Market Refinery".split())


def capital_dateline(clean: str) -> str:
    """``clean`` with the town of a dateline written in its own case ("Kharkiv, Ukraine (AP) - ") in capitals, as
    wire copy writes it ("KHARKIV, Ukraine (AP) - "), so that every stage reads one form of dateline.  The text keeps
    its length (a letter whose capital is longer, as "ß", is left as it is)."""
    head_end = _head_end(clean)
    found = [m for m in _OWN_CASE_DATELINE.finditer(clean, 0, head_end) if _own_case_dateline(m)]
    if not found and (clean.find("By", 0, head_end) >= 0 or clean.find("|", 0, head_end) >= 0):
        found = list(_BYLINE_THEN_DATELINE.finditer(clean, 0, head_end))[:1]
    # (each of them: a release's header may come first, "Unmiss - Press statement" over "Juba - The Mission")
    for m in found:
        if m.group("town").split()[0].lower() in _WEEKDAYS_MONTHS:
            continue
        a, b = m.span("town")
        town = "".join(c.upper() if len(c.upper()) == 1 else c for c in clean[a:b])
        clean = clean[:a] + town + clean[b:]
    return clean


def _append_normalised(body: str, start: int, out: list[str], offsets: Offsets) -> None:
    """Append ``body`` (found at ``text[start:]``) normalised, with the offset of each character."""
    line = _TO_TRANSLATE.sub(_translate_match, _ZERO_WIDTH.sub("\x00", body))
    if "--" in line:
        line = _TYPED_DASH.sub("-\x00", line)  # (a dash typed as two hyphens is one: "KABUL -- A blast")
    # strip leading/trailing white space and collapse runs, keeping offsets
    lead = len(line) - len(line.lstrip())
    seg_start = lead
    last = len(line.rstrip())
    i = seg_start
    for m in _SPACES.finditer(line, seg_start, last):
        out.append(line[i : m.start() + 1].replace("\x00", ""))
        _extend_offsets(offsets, line, start, i, m.start() + 1)
        i = m.end()
    out.append(line[i:last].replace("\x00", ""))
    _extend_offsets(offsets, line, start, i, last)


# --------------------------------------------------------------------------- metadata

_FROM_OUTLET = rx.compile(r"^\s*(?:from|via|source:)\s+([A-Z][\w .&'-]{1,40}?)\s*:?\s*$", re.MULTILINE)
_TITLE_OUTLET = rx.compile(r"^(.{10,200}?)\s+[|\u2013\u2014-]\s+([A-Z][\w .&'-]{1,40})\s*$")
_CAPTION = rx.compile(r"(?:^(?:above\s+)?photo\b|\((?:picture|photo|image)\b|^image:|^picture:)", re.I)


def text_metadata(clean: str) -> tuple[str | None, str | None, date | None]:
    """Title, outlet and publication date from a plain-text article."""
    title = outlet = None
    lines = [ln.strip() for ln in clean.splitlines() if ln.strip()]
    m = _FROM_OUTLET.search(clean)
    if m:
        outlet = m.group(1).strip()
    for ln in lines[:6]:
        if _CAPTION.search(ln) or (first_full_date(ln) and len(ln) < 40) or _FROM_OUTLET.match(ln):
            continue
        tm = _TITLE_OUTLET.match(ln)
        if tm:
            title = tm.group(1).strip()
            outlet = outlet or tm.group(2).strip()
        elif len(ln) <= 200:
            title = ln
        break
    # its own date: a dateline or a header date first ("KABUL, Afghanistan (Aug. 14)" in a release
    # coded 2010-08-...), else the first full date of the text
    return title, outlet, dateline_date(clean) or first_full_date(clean)


_FRONT = rx.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _front_matter(text: str) -> dict[str, str]:
    m = _FRONT.match(text)
    if not m:
        return {}
    out = {}
    for ln in m.group(1).splitlines():
        if ":" in ln:
            k, v = ln.split(":", 1)
            out[k.strip().lower()] = v.strip().strip("\"'")
    return out


def _parse_iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return first_full_date(s)


def read_html(html: str, path: str) -> tuple[str, dict[str, str | None]]:
    try:
        import trafilatura
    except ImportError as exc:  # a broken install: this file is skipped, the rest are read
        why = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise IngestError(path, f"cannot read HTML: the article extractor (trafilatura) fails to load: {why}") from None

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises on some malformed documents
        raise IngestError(path, f"broken HTML: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    if not doc:
        raise IngestError(path, "no article text found in the HTML")
    if not isinstance(doc, dict):
        doc = doc.as_dict()
    text = doc.get("text") or ""
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        raise IngestError(path, "no article text found in the HTML (broken or empty page)")
    meta = {k: doc.get(k) for k in ("title", "date", "sitename", "url", "hostname")}
    title = " ".join(str(meta.get("title") or "").split())
    if title and not _opens_with(text, title):
        # (a page whose headline stands above the story's block, as most news sites set it: the extractor keeps it
        # as the title only, and a headline is often where the place an attack hit is named)
        text = f"{title}\n\n{text}"
    return text, meta


def _opens_with(text: str, title: str) -> bool:
    """Whether ``text`` opens with ``title`` (or with the headline the title adds a site's name to), whatever
    its spaces and case."""
    head = " ".join(text[: len(title) + 200].split()).lower()
    words = title.lower().split()
    return " ".join(words) in head or (len(words) > 3 and " ".join(words[: max(4, len(words) * 2 // 3)]) in head)


def read_document(data: bytes, path: str, suffix: str) -> tuple[str, dict[str, str | None]]:
    """The text, title and date of a PDF or .docx file (``mapper.documents``)."""
    from .documents import DocumentError, read_docx, read_pdf

    try:
        text, meta = read_pdf(data) if suffix in PDF_SUFFIXES else read_docx(data)
    except DocumentError as exc:
        raise IngestError(path, str(exc)) from None
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        what = "no text layer (a scanned PDF? run OCR on it first)" if suffix in PDF_SUFFIXES else "no text"
        raise IngestError(path, f"{what}; skipped")
    return text, meta


def read_email(data: bytes, path: str) -> tuple[str, dict[str, str | None]]:
    """The text, title and date of a saved e-mail (``mapper.documents``): its plain-text body,
    or its HTML body through the article extractor (whose title and date the headers' win over)."""
    from .documents import DocumentError, parse_email

    try:
        body, html, meta = parse_email(data)
    except DocumentError as exc:
        raise IngestError(path, str(exc)) from None
    if html:
        body, found = read_html(body, path)
        meta = {**found, **{k: v for k, v in meta.items() if v}}
    if len(_LETTER.findall(body)) < MIN_LETTERS:
        raise IngestError(path, "an e-mail without text; skipped")
    return body, meta


def read_article(src: Source) -> Article:
    """Read, decode and clean one file; raise IngestError on bad input."""
    article = article_from_bytes(src, read_source(src))
    if src.url is not None:  # a fetched page: its URL is its source link, whatever the page says
        article.url = src.url
    return article


def read_source(src: Source) -> bytes:
    """The bytes of one article file; raise IngestError when it cannot or should not be read."""
    path = display_path(src.path)
    try:
        st = src.path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(path, "not a regular file (device, pipe or socket); skipped")
        size = st.st_size
        if size > MAX_BYTES:
            raise IngestError(
                path,
                f"skipped: {size // 2**20} MB is larger than the {MAX_BYTES // 2**20} MB limit for one article",
            )
        data = src.path.read_bytes()
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise IngestError(path, "is a folder, not a file") from None
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from None
    return data


def article_from_bytes(src: Source, data: bytes) -> Article:
    """Decode and clean the bytes of ``src`` (read by ``read_source``, here or on another machine)."""
    path = display_path(src.path)
    sha = hashlib.sha256(data).hexdigest()
    meta: dict[str, str | None] = {}
    suffix = src.path.suffix.lower()
    if suffix in PDF_SUFFIXES or suffix in DOCX_SUFFIXES:
        text, meta = read_document(data, path, suffix)
    elif suffix in EMAIL_SUFFIXES:
        text, meta = read_email(data, path)
    elif suffix in _NOT_TEXT:  # a file given by name: say what it is rather than "binary file"
        raise IngestError(path, f"not read: {kind_of(suffix)}, not an article ({READS})")
    elif suffix in HTML_SUFFIXES:
        text, meta = read_html(decode(data, path), path)
    else:
        text = decode(data, path)
        fm = _front_matter(text)
        if fm:
            meta = {
                "title": fm.get("title"),
                "date": fm.get("date"),
                "sitename": fm.get("outlet") or fm.get("source") or fm.get("site"),
                "url": fm.get("url") or fm.get("link"),
            }
    return _article(src.article_id, path, sha, text, meta)


def _article(article_id: str, path: str, sha: str, text: str, meta: dict[str, str | None]) -> Article:
    """The article of a text read from ``path``, cleaned, with what ``meta`` says of it (title,
    date, sitename, url) over what the text says."""
    language = detect_language(text)
    clean, offsets = clean_text(text, drop_foreign=language in (None, ENGLISH))
    if not clean.strip():
        raise IngestError(path, "no text left after removing boilerplate")
    title, outlet, published = text_metadata(clean)
    notes: list[str] = []
    given = _parse_iso(meta.get("date"))
    if given is not None and not plausible(given):
        notes.append(
            f"date {meta.get('date')!r} is not a plausible news date ({EARLIEST.year}-{LATEST.year}); read without it"
        )
        given = None
    return Article(
        id=article_id,
        path=path,
        text=text,
        clean=clean,
        offsets=offsets,
        sha256=sha,
        title=meta.get("title") or title,
        outlet=meta.get("sitename") or outlet,
        published=given or published,
        url=meta.get("url"),
        notes=tuple(notes),
        language=language,
    )


# --------------------------------------------------------------------------- the one reading loop


@dataclass
class Read:
    """A file found and read: its article (None when it could not be read), its stat, and the
    problems reading it met (one that skipped it, or notes on what was set aside)."""

    source: Source
    stat: os.stat_result | None
    article: Article | None
    problems: list[Problem] = field(default_factory=list)
    record: str | None = None  # a record of a .jsonl file: its id there (the file's stat is ``stat``)
    unread: bool = False  # found, not read yet (``walk``): ``read_file`` reads it


def read_all(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    wanted: Callable[[Path, os.stat_result | None], bool] | None = None,
    records: bool = False,
    budget: Budget | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Read | Problem]:
    """Every article file under ``inputs``, read: discover -> stat -> read -> problems.

    A file ``wanted`` declines (given its path and stat, None when it cannot be
    stat'ed) is passed over unread.  A path that does not exist is a ``Problem``; a
    file that cannot be read is a ``Read`` without an article.  ``records``: a
    ``.jsonl`` file (given by name or found in a folder) holds one article per line,
    ``{"id", "text"}`` and optionally ``title``, ``date``, ``url``, ``outlet``: each
    is a ``Read`` with its ``record`` id (``mapper run`` and ``mapper extract`` both
    read them so).
    Reading one file may take ``budget.max_seconds`` of processor time (``mapper.budget``).
    """
    budget = budget or Budget()
    for item in walk(inputs, wanted=wanted, records=records, exclude=exclude):
        yield read_file(item.source, item.stat, budget=budget) if isinstance(item, Read) and item.unread else item


def walk(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    wanted: Callable[[Path, os.stat_result | None], bool] | None = None,
    records: bool = False,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Read | Problem]:
    """``read_all`` up to the reading of each file: a file is a ``Read`` marked ``unread``
    (``read_file`` reads it, here or in a worker process); the records of a ``.jsonl`` are
    read here."""
    for raw in inputs:
        for item in discover([raw], records=records, exclude=exclude):
            if isinstance(item, NotAnArticle):
                yield Unread(item.path, item.message)
                continue
            if isinstance(item, IngestError):
                yield Problem(item.path, item.message, item.line)
                continue
            try:
                st: os.stat_result | None = item.path.stat()
            except OSError:
                st = None  # read_source says what is wrong
            if wanted is not None and not wanted(item.path, st):
                continue
            suffix = item.path.suffix.lower()
            if records and suffix in RECORD_SUFFIXES:
                yield from _jsonl_records(item, st) if suffix == ".jsonl" else _mbox_records(item, st)
                continue
            if records and suffix in TEXT_SUFFIXES and (kind := export_kind(item.path, st)) is not None:
                yield from _export_records(item, st, kind)
                continue
            yield Read(item, st, None, unread=True)


def read_file(
    source: Source, stat: os.stat_result | None = None, data: bytes | None = None, *, budget: Budget | None = None
) -> Read:
    """Read one file found by ``walk``: its article, or the problem that skipped it.  ``data``:
    its bytes, read already (``read_source``, on the machine that has the file).  Reading it
    may take ``budget.max_seconds`` of processor time."""
    budget = budget or Budget()
    try:
        with budget.timed("reading it"):
            article = read_article(source) if data is None else article_from_bytes(source, data)
    except IngestError as exc:
        return Read(source, stat, None, [Problem(exc.path, exc.message, exc.line)])
    except OverBudget as exc:
        return Read(source, stat, None, [Problem(display_path(source.path), str(exc))])
    notes = [Problem(article.path, note, skipped=False) for note in article.notes]
    return Read(source, stat, article, notes)


def _jsonl_records(src: Source, st: os.stat_result | None) -> Iterator[Read | Problem]:
    """The records of a .jsonl file: each an article whose id is the record's ``id`` (else
    ``<file name>:<line>``), whose path is the file's and whose content hash covers its
    text and the metadata read from it."""
    path = src.path
    name = display_path(path)
    try:
        fh = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115  (closed below)
    except OSError as exc:
        yield Read(src, st, None, [Problem(name, f"cannot read: {exc.strerror or exc}")])
        return
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                rid = str(rec.get("id", f"{path.name}:{n}"))
                if not isinstance(text, str):
                    raise TypeError("'text' is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                yield Problem(name, f"bad record: {type(exc).__name__}: {exc}".splitlines()[0], n)
                continue
            meta = {k: _meta_text(rec, *keys) for k, keys in _RECORD_META.items()}
            article = article_from_text(rid, text)
            article.path = name
            article.sha256 = hashlib.sha256(
                json.dumps({"text": text, **meta}, sort_keys=True, ensure_ascii=False).encode("utf-8", "replace")
            ).hexdigest()
            article.title, article.outlet, article.url = meta["title"], meta["outlet"], meta["url"]
            given = _parse_iso(meta["date"])
            problems = []
            if given is not None and not plausible(given):
                problems.append(
                    Problem(name, f"date {meta['date']!r} is not a plausible news date; read without it", n, False)
                )
                given = None
            article.published = given
            yield Read(src, st, article, problems, record=rid)


def _mbox_records(src: Source, st: os.stat_result | None) -> Iterator[Read | Problem]:
    """The messages of a mailbox (mbox, as Thunderbird keeps a folder and Google Takeout exports
    one), each read as a saved e-mail (``read_email``): an article whose id is its Message-ID
    (else ``<file name>:<number>``), whose path is the file's and whose content hash is its bytes'."""
    import mailbox

    name = display_path(src.path)
    try:
        box = mailbox.mbox(src.path, create=False)
        keys = box.keys()
    except (OSError, mailbox.Error) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        yield Read(src, st, None, [Problem(name, f"cannot read: {why}")])
        return
    try:
        if not keys:
            empty = st is not None and st.st_size == 0
            what = "an empty mailbox" if empty else "no e-mail in this mailbox (an mbox opens each with a 'From ' line)"
            yield Read(src, st, None, [Problem(name, f"{what}; skipped")])
        seen: set[str] = set()
        for n, key in enumerate(keys, 1):
            try:
                data = box.get_bytes(key)
            except (OSError, KeyError, mailbox.Error) as exc:
                yield Problem(name, f"message {n}: cannot read: {exc}".splitlines()[0])
                continue
            rid = _unique_id(_message_id(data) or f"{src.path.name}:{n}", n, seen)
            # (read here, not in a worker: an HTML body may be slow)
            yield _record(
                src, st, f"message {n}", rid, hashlib.sha256(data).hexdigest(), partial(read_email, data, name)
            )
    finally:
        box.close()


def _unique_id(rid: str, n: int, seen: set[str]) -> str:
    """A record's id, made unique in its file by its number ("<id>#<n>": saved or exported twice)."""
    rid = rid if rid not in seen else f"{rid}#{n}"
    seen.add(rid)
    return rid


def _record(
    src: Source,
    st: os.stat_result | None,
    which: str,
    rid: str,
    sha: str,
    read: Callable[[], tuple[str, dict[str, str | None]]],
) -> Read | Problem:
    """One record of a file of many (a message of a mailbox, an article of an export), read by ``read``
    (its text and what it says of itself) within the time budget of one article; ``which`` names it in
    its problems ("message 3", "article 12")."""
    name = display_path(src.path)
    try:
        with Budget().timed("reading it"):
            text, meta = read()
            article = _article(rid, name, sha, text, meta)
    except (IngestError, OverBudget) as exc:
        return Problem(name, f"{which}: {exc.message if isinstance(exc, IngestError) else exc}")
    notes = [Problem(name, f"{which}: {note}", skipped=False) for note in article.notes]
    return Read(src, st, article, notes, record=rid)


# --------------------------------------------------------------------------- news databases' exports

# the line that ends each article of a news database's export of many: Factiva's
# "Document AFPR000020240203ek2300001" (the article's code), Nexis Uni's "End of Document"
_FACTIVA_END = rx.compile(r"^[ \t]*Document[ \t]+([A-Za-z0-9]{16,40})[ \t]*\r?$", re.MULTILINE)
_NEXIS_END = rx.compile(r"^[ \t]*End of Document[ \t]*\r?$", re.MULTILINE)
EXPORT_PEEK = 4096  # bytes of a text file's end read to tell an export
EXPORT_MIN_BYTES = 200  # a text file shorter than this is no export
# an unchanged text file this large that the store holds whole is looked at again: an export of
# articles that an older mapper stored as one (a single news article is rarely this long)
EXPORT_RECHECK_BYTES = 32 * 1024


def export_kind(path: Path, st: os.stat_result | None) -> str | None:
    """ "factiva" or "nexis" when the text file at ``path`` is a news database's export of
    articles (its last line ends an article so), else None.  Reads its last ``EXPORT_PEEK`` bytes."""
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size < EXPORT_MIN_BYTES:
        return None
    try:
        with open(path, "rb") as fh:
            fh.seek(max(0, st.st_size - EXPORT_PEEK))
            last = fh.read(EXPORT_PEEK).decode("utf-8", "replace").rstrip().rsplit("\n", 1)[-1]
    except OSError:
        return None  # read_file says what is wrong
    if _FACTIVA_END.fullmatch(last):
        return "factiva"
    if _NEXIS_END.fullmatch(last):
        return "nexis"
    return None


def _export_records(src: Source, st: os.stat_result | None, kind: str) -> Iterator[Read | Problem]:
    """The articles of a news database's export (``export_kind``), each a record: a Factiva
    article named by its code, a Nexis Uni one by ``<file name>:<number>``, each with the title,
    outlet and date of its header and the content hash of its own text."""
    name = display_path(src.path)
    try:
        text = decode(read_source(src), name)
    except IngestError as exc:
        yield Read(src, st, None, [Problem(exc.path, exc.message, exc.line)])
        return
    end = _FACTIVA_END if kind == "factiva" else _NEXIS_END
    split = _factiva_article if kind == "factiva" else _nexis_article
    seen: set[str] = set()
    pos = n = 0
    for m in end.finditer(text):
        chunk, pos = text[pos : m.start()], m.end()
        if not chunk.strip():
            continue
        n += 1
        rid = _unique_id(m.group(1) if kind == "factiva" else f"{src.path.name}:{n}", n, seen)
        sha = hashlib.sha256(chunk.strip().encode("utf-8", "surrogatepass")).hexdigest()
        yield _record(src, st, f"article {n}", rid, sha, partial(split, chunk))


# the lines of a Factiva article's header between its headline and its text (its source's name
# is the line before its source's code)
_FACTIVA_FIELD = rx.compile(
    r"[\d,]+\s+words|\d{1,2}:\d{2}(?:\s*[A-Z]{2,4})?|(?-i:By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})|"
    r"(?:Copyright|\(c\)|©).*|"
    r"English|French|Spanish|German|Arabic|Russian|Ukrainian|Portuguese|Italian|Dutch|Turkish",
    re.I,
)
_SOURCE_CODE = rx.compile(r"[A-Z0-9]{2,8}")
# the lines of a Nexis Uni document's header before its text, and the first after it
_NEXIS_FIELD = rx.compile(r"(?:Copyright|Section:|Length:|Byline:|Dateline:|Highlight:)", re.I)
_NEXIS_AFTER = rx.compile(
    r"(?:Classification|Graphic|Notes)$|(?:Load-Date|Language|Subject|Publication-Type|Journal Code|Geographic):", re.I
)


def _full_date(line: str) -> str | None:
    """The ISO date of a line that is a full date ("3 February 2024", "February 6, 2024 Tuesday")."""
    found = find_dates(line, full_only=True)
    if found and found[0].value is not None and len(line) - (found[0].end - found[0].start) <= 12:
        return found[0].value.isoformat()
    return None


def _factiva_article(chunk: str) -> tuple[str, dict[str, str | None]]:
    """The text (headline first) and the header of one article of a Factiva export: its headline,
    then a line each of words, date, time, source, source code, language and copyright."""
    lines = [line.strip() for line in chunk.strip().splitlines()]
    meta: dict[str, str | None] = {"title": lines[0]}
    i = 1
    while i < len(lines):
        line = lines[i]
        code_next = i + 1 < len(lines) and _SOURCE_CODE.fullmatch(lines[i + 1]) is not None
        if not line or _FACTIVA_FIELD.fullmatch(line) or _SOURCE_CODE.fullmatch(line):
            pass
        elif (date := _full_date(line)) is not None:
            meta.setdefault("date", date)
        elif code_next:
            meta.setdefault("sitename", line)
        else:
            break  # the first line of its text
        i += 1
    return "\n".join([lines[0], "", *lines[i:]]) + "\n", meta


def _nexis_article(chunk: str) -> tuple[str, dict[str, str | None]]:
    """The text (headline first) and the header of one document of a Nexis Uni export: its
    headline, its publication, its date, then fields ("Length:", "Byline:") down to "Body", its
    text, and fields again ("Classification", "Load-Date:")."""
    lines = [line.strip() for line in chunk.strip().splitlines()]
    heads = [line for line in lines[:3] if line]
    meta: dict[str, str | None] = {"title": heads[0] if heads else None}
    if len(heads) > 1:
        meta["sitename"] = heads[1]
    if len(heads) > 2:
        meta["date"] = _full_date(heads[2])
    start = lines.index("Body") + 1 if "Body" in lines else 0
    if not start:  # no "Body" line: the text opens after the header's fields
        start = next((i + 1 for i in range(len(lines) - 1, -1, -1) if _NEXIS_FIELD.match(lines[i])), min(3, len(lines)))
    stop = next((i for i in range(start, len(lines)) if _NEXIS_AFTER.match(lines[i])), len(lines))
    return "\n".join([lines[0], "", *lines[start:stop]]).strip() + "\n", meta


def _message_id(data: bytes) -> str | None:
    """The Message-ID of a message's bytes, without its angle brackets."""
    from email.parser import BytesHeaderParser

    with contextlib.suppress(Exception):
        mid = str(BytesHeaderParser().parsebytes(data).get("message-id") or "").strip().strip("<>").strip()
        return mid or None
    return None


# what a record of a .jsonl may say about its article, under these names
_RECORD_META = {
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "domain"),
}


def _meta_text(rec: dict[str, object], *keys: str) -> str | None:
    for k in keys:
        v = rec.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def article_from_text(article_id: str, text: str) -> Article:
    """An article from text given as it is (a record of a ``.jsonl`` export, a notebook's string)."""
    language = detect_language(text)
    clean, offsets = clean_text(text, drop_foreign=language in (None, ENGLISH))
    return Article(id=article_id, path=article_id, text=text, clean=clean, offsets=offsets, language=language)


def articles(reads: Iterable[Read | Problem], on_problem: Callable[[Problem], None]) -> Iterator[Article]:
    """The articles of ``read_all``, each content once; every problem, and a note for each
    content met again, goes to ``on_problem``."""
    seen: dict[str, str] = {}
    for read in reads:
        if isinstance(read, Problem):
            on_problem(read)
            continue
        for p in read.problems:
            on_problem(p)
        a = read.article
        if a is None:
            continue
        if a.sha256 and a.sha256 in seen:
            on_problem(Problem(a.path, f"same content as {seen[a.sha256]}; counted once"))
            continue
        if a.sha256:
            seen[a.sha256] = a.id
        yield a
