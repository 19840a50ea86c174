"""Sentences, paragraphs and clauses of cleaned article text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import rx

_ABBREV_WORDS = (
    "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Sgt|Maj|Rep|Sen|Gov|Prof|St|Mt|No|Jan|Feb|Mar|Apr|Jun|Jul|"
    "Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|est|Inc|Ltd|Co|Corp"
)
_ABBREV = rx.compile(
    rf"(?:\b(?:{_ABBREV_WORDS})|\b[A-Z]|\b(?:[A-Za-z]\.){{1,3}}[A-Za-z]|"
    r"\bp\.m|\ba\.m)$"
)
# _ABBREV ends in a word of _ABBREV_WORDS or a one-letter word ("U.S", "p.m", "J"): the
# ASCII letters before a full stop are checked against that before the regex runs
_ABBREV_ENDS = frozenset(_ABBREV_WORDS.split("|"))
# the capital letters of the Latin alphabets, for a character class: "Çukurca", "Şırnak", "Ávila", "Čačak", "Łódź"
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper() and c != "×")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# "[.!?]+..." written as one alternative per first character, so that the engine
# can skip to the next ".", "!", "?" or newline instead of trying every position
_TAIL = r"[.!?]*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"
_END = rx.compile(rf"\.{_TAIL}|!{_TAIL}|\?{_TAIL}|\n+")


def _may_be_abbreviation(text: str, end: int) -> bool:
    """False when ``_ABBREV`` cannot match ``text`` ending at ``end`` (a cheap test first)."""
    if end and text[end - 1] == "\n":  # "$" matches before a final newline too
        end -= 1
    start = end
    while start > 0 and end - start < 8 and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    return end - start == 1 or text[start:end] in _ABBREV_ENDS


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


# The stages look at the places and figures of a sentence in pairs, so a "sentence" of
# 20 KB (a casualty tally without full stops, a table flattened into one line) would
# cost the square of its length.  No sentence of the news measured (14,307 sentences of
# GWN, LGL, the attack reports and the seeds) is longer than 935 characters: a longer
# one is cut into pieces of at most MAX_SENTENCE, at a clause break when there is one.
MAX_SENTENCE = 1000
_PIECE_BREAK = rx.compile(r"[,;:]\s+|\s+")


def _bounded(start: int, end: int, para: int, text: str, out: list[Sentence]) -> None:
    """Append ``text[start:end]`` as one sentence, or as pieces when it is too long."""
    while end - start > MAX_SENTENCE:
        cut = 0
        weak = 0  # the last break at white space only
        # a clause break in the second half of the window, else the last space in it
        for m in _PIECE_BREAK.finditer(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE):
            if m.group()[0] in ",;:":
                cut = m.end()
            else:
                weak = m.end()
        cut = cut or weak or start + MAX_SENTENCE
        piece_end = len(text[start:cut].rstrip()) + start
        if piece_end > start:
            out.append(Sentence(start, piece_end, para))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, para))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their paragraph number (a line break ends a paragraph); none is
    longer than ``MAX_SENTENCE`` characters."""
    out: list[Sentence] = []
    start = 0
    para = 0
    for m in _END.finditer(text):
        mark = m.group()
        if mark[0] == "\n":
            end = m.start()
        else:
            # (an abbreviation is at most 7 characters long, so searching the 12
            # before the mark finds the same ones as searching a slice of them)
            if _may_be_abbreviation(text, m.start()) and _ABBREV.search(text, max(0, m.start() - 12), m.start()):
                continue
            end = m.end()
        seg = text[start:end]
        body = seg.lstrip()
        if body.rstrip():
            _bounded(start + len(seg) - len(body), end, para, text, out)
        if "\n" in mark:
            para += 1
        start = m.end()
    if text[start:].strip():
        s = start + (len(text[start:]) - len(text[start:].lstrip()))
        _bounded(s, len(text.rstrip()), para, text, out)
    return _run_together(out)


# A story whose lines were run together (a feed's text, a page's paragraphs joined by spaces) has one paragraph of
# many sentences, where the stages look for an opening paragraph and for what a paragraph goes on to say.  Such a
# paragraph is read as a story is written: an opening of ``OPENING_SENTENCES``, then a paragraph every
# ``RUN_PARAGRAPH`` sentences, as wire copy writes them.
RUN_TOGETHER = 9  # sentences in one paragraph: more than any written paragraph of the news measured holds
OPENING_SENTENCES = 5
RUN_PARAGRAPH = 2
# (and a brief run together: one paragraph of five to eight sentences that holds most of the text's, its lead one
# sentence, as a brief's is)
SHORT_RUN = 5
SHORT_SHARE = 0.7
SHORT_OPENING = 1


def _run_together(out: list[Sentence]) -> list[Sentence]:
    """``out`` with each run-together paragraph (``RUN_TOGETHER`` sentences or more, or a brief's of ``SHORT_RUN``
    or more that holds most of the text) cut into paragraphs, numbered in order with the others."""
    counts: dict[int, int] = {}
    for s in out:
        counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
    big = max(counts.values(), default=0)
    short = SHORT_RUN <= big < RUN_TOGETHER and big >= SHORT_SHARE * len(out)
    if big < RUN_TOGETHER and not short:
        return out
    opening = SHORT_OPENING if short else OPENING_SENTENCES
    new: list[Sentence] = []
    para, last, k = -1, -1, 0  # (k: the sentence's number in its paragraph as written)
    for s in out:
        k = k + 1 if s.paragraph == last else 0
        if k == 0 or (
            counts[s.paragraph] >= (SHORT_RUN if short else RUN_TOGETHER)
            and k >= opening
            and (k - opening) % RUN_PARAGRAPH == 0
        ):
            para += 1
        last = s.paragraph
        new.append(Sentence(s.start, s.end, para))
    return new


# a line of a page or a wire's copy around a story that is none of its sentences: a byline, the page's dates, a
# photograph's caption ("A photograph of the scene. (Photo: Example Agency)", "Photo: AFP"), its buttons
_BYLINE = r"(?:By|BY)\s+[A-Z]"  # a byline's start: "By Olena Martyniuk", "BY STAFF WRITERS"
_NOT_OF_THE_STORY = rx.compile(
    _BYLINE + r"|(?i:published|updated|posted|last\s+updated)\b|(?i:photo|image|picture)s?:|"
    r".*\((?i:photo|image|picture|file\s+photo)s?\b[^()\n]*\)\s*$|.*\|\s*(?i:published|updated)\b|"
    # (a page's buttons: "Share this article", "Share on Facebook", "Follow us on Telegram")
    r"(?i:share|follow\s+us)\b[^.!?\n]{0,40}$"
)


def lead_end(clean: str, sentences: list[Sentence], n: int = 1) -> int:
    """Where the ``n``-th sentence after a story's first (its headline, or its lead when it has none) ends, the
    sentences of the page's lines around it (a byline, its dates, a photograph's caption, its buttons: each a line
    of its own, of at most ``PAGE_LINE`` characters) left uncounted, so that "the headline and the lead" are read
    as such whatever a page or a wire puts between them."""
    if not sentences:
        return 0
    k, counted = 0, 0
    first_line_end = clean.find("\n", sentences[0].start)
    while k + 1 < len(sentences) and counted < n:
        k += 1
        s = sentences[k]
        if 0 <= s.start < first_line_end and first_line_end - sentences[0].start <= PAGE_LINE:
            continue  # (the rest of a short first line that a stop split: a masthead's "Punto! Central Luzon")
        start = clean.rfind("\n", 0, s.start) + 1
        end = clean.find("\n", s.end)
        end = len(clean) if end < 0 else end
        if not (end - start <= PAGE_LINE and _NOT_OF_THE_STORY.match(clean, start, end)):
            counted += 1
    return sentences[k].end


# (a page's line around a story is short: a paragraph "By Sunday evening the families had gone home ..." is a lead)
PAGE_LINE = 160


_CLAUSE_BREAK = rx.compile(r"[,;:]\s+|\s+-\s+|\s+\(|\)\s*")
# a clause opened by these words belongs to the clause before it
_CONTINUES = rx.compile(
    r"^(?:killing|wounding|injuring|leaving|in which|where|during which|which killed|which left)\b",
    re.I,
)


# where a sentence turns to another matter: "Israeli jets struck Natanz, Iranian media said, while
# Iranian missiles slammed into Bat Yam, killing six people, Israel's ambulance service said"
_TURN = rx.compile(
    r"\s*;\s*|,\s+(?:while|whereas|but|as)\s+(?!well\s+as\b)|"
    # "Israeli warplanes struck Hodeidah, hours after a Houthi missile landed near Tel Aviv, wounding eight"
    r",\s+(?:(?:hours|days|minutes|weeks|a\s+day|a\s+week|shortly|soon|moments)\s+)?(?:after|before)\s+",
    re.I,
)


def turn_part(text: str, at: int) -> tuple[int, int]:
    """The part of ``text`` that holds offset ``at``, cut where the text turns (``_TURN``)."""
    start, end = 0, len(text)
    for turn in _TURN.finditer(text):
        if turn.start() <= at:
            start = turn.end()
        else:
            end = turn.start()
            break
    return start, end


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-bounded clauses of ``text[start:end]``, with participial tails merged."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and _CONTINUES.match(text[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _trie(strings: list[str]) -> str:
    """An alternation of ``strings`` with shared prefixes written once."""
    trie: dict[str, dict] = {}
    for w in strings:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a string

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _first_chars(strings: list[str]) -> str:
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in strings})) + "])"


def any_of(strings: Iterable[str]) -> str:
    """A regex that finds a text holding any of ``strings`` exactly where ``(?:s1|s2|...)`` does.

    Meant for ``search`` (is one of them in there?): the strings are merged into a
    trie (a shared prefix is tested once, not once per string) behind a look-ahead
    on their first characters, so the engine leaves most positions after one test.
    Where one string is a prefix of another the span found may be the longer one.
    """
    ss = sorted(set(strings))
    if not ss or not all(ss):
        raise ValueError("any_of needs non-empty strings")
    return _first_chars(ss) + _trie(ss)


def word_pattern(words: Iterable[str]) -> str:
    r"""A regex for any of ``words`` as a whole word, matching what ``\b(?:w1|w2|...)\b`` matches.

    The same trie and look-ahead as ``any_of``.  A word that is a prefix of another
    one up to a non-word character ("air" and "air-strike") would make the two
    forms match different spans, so it is refused.
    """
    ws = sorted(set(words))
    if not ws or not all(ws):
        raise ValueError("word_pattern needs non-empty words")
    for a in ws:
        for b in ws:
            if b != a and b.startswith(a) and not (b[len(a)].isalnum() or b[len(a)] == "_"):
                raise ValueError(f"{a!r} is a prefix of {b!r} up to a non-word character")
    return _first_chars(ws) + r"\b" + _trie(ws) + r"\b"


# Under re.IGNORECASE an ASCII letter matches its two cases and, for i, k and s, one
# of these as well (the re module's documentation lists them); they are also the only
# characters whose lower case is not one character or is an ASCII letter of another.
_FOLD_SPECIAL = rx.compile("[\u0130\u0131\u017f\u212a]")


def lower_finds_ignorecase(text: str) -> bool:
    """Whether an ASCII word is in ``text`` for ``re.IGNORECASE`` exactly where it is in
    ``text.lower()`` (true unless one of the four characters above is there; an ASCII text,
    most news, is answered without a search)."""
    return text.isascii() or _FOLD_SPECIAL.search(text) is None


# a line that ends a sentence, and one that opens an item of a list
ENDS_SENTENCE = rx.compile(r"[.!?:;][\"'”’)\]]*$")  # a closing quote or bracket only after one of these
_BULLET = rx.compile(r"^(?:[•\-–*▪●◦]|\d{1,2}[.)]|\([a-z0-9]\))\s")


def line_width(rows: list[str]) -> int:
    """The width a text's lines were broken at: that of its full lines (four in five of its
    non-blank ``rows`` are no longer)."""
    lengths = sorted(len(r) for r in rows if r)
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


def ends_sentence(row: str) -> bool:
    """Whether a line ends with the end of a sentence (``ENDS_SENTENCE``), a full stop after an
    abbreviation ("on Jan." / "16, 2001", "at 11 p.m.") being none."""
    if not ENDS_SENTENCE.search(row):
        return False
    end = len(row.rstrip("\"'”’)]")) - 1  # the mark before any closing quote or bracket
    return not (row[end] == "." and _may_be_abbreviation(row, end) and _ABBREV.search(row, max(0, end - 12), end))


def broken_at_hyphen(prev: str, row: str) -> bool:
    """Whether a line break split a word at its hyphen: ``prev`` ends in a letter and a hyphen
    ("air-" / "strike", "al-" / "Bab"), and ``row`` goes on with a letter."""
    return len(prev) > 1 and prev[-1] == "-" and prev[-2].isalpha() and row[:1].isalpha()


_WORD_CHARS = rx.compile(r"\w+")


class DocumentWords:
    """What a document writes: its words (lower case) and its text, to tell a word a typesetter
    hyphenated at a line's end ("Kram-" / "atorsk") from one written with a hyphen ("anti-aircraft")."""

    def __init__(self, text: str):
        self.text = text.lower()
        self.words = set(_WORD_CHARS.findall(self.text))

    def hyphenated_at_break(self, line: str, row: str) -> bool:
        """Whether the word ``line`` breaks at its hyphen and ``row`` goes on with is written whole
        elsewhere in the document, and nowhere with its hyphen."""
        head, tail = _WORD_CHARS.findall(line[-64:])[-1].lower(), _WORD_CHARS.match(row)  # (a line ends with the head)
        if tail is None or not row[0].islower():
            return False
        return head + tail.group() in self.words and f"{head}-{tail.group()}" not in self.text


# words a sentence goes on after ("killed in" / "Baghdad")
GOES_ON = frozenset("a an the of in on at to by for from with near and or into between than as".split())
# a row that opens a story's dateline ("BEIRUT (Reuters) - An Israeli ...", "KFAR SABA, Israel", "PERVOMAISKYI, Kharkiv
# region"): its town in capitals, then a comma, a bracket or a dash
_DATELINE_ROW = rx.compile(
    rf"[{UPPER}][{UPPER}'’.-]{{2,}}(?:[ -][{UPPER}][{UPPER}'’.-]*)*(?:,\s+[A-Z]|\s+\(|\s+[-–—]\s)"
)
_BYLINE_ROW = rx.compile(_BYLINE)
# (above the story, a dateline of a town in its own case and a dash: "Port-au-Prince, January 2026 (translated from
# French) - At least 25 people")
_DASHED_DATELINE_ROW = rx.compile(r"[A-Z][\w'’.-]*(?:,?\s+[\w'’.,/()-]+){0,9}?\s+[-–—]\s+[A-Z]")


def goes_on(prev: str, row: str) -> bool:
    """Whether ``row`` plainly goes on with the sentence ``prev`` broke: in lower case, after a
    word no sentence ends with ("in" / "Baghdad"), or with the rest of a word broken at its hyphen."""
    return row[0].islower() or prev.rsplit(None, 1)[-1].lower() in GOES_ON or broken_at_hyphen(prev, row)


FITS = 0.9  # how full a row must be (of the width) for the next row's first word not to have fitted on it


def _first_chunk(row: str) -> str:
    """A row's first word, or its first part up to a hyphen (where a wrapper may break it)."""
    word = row.split(maxsplit=1)[0] if row.strip() else ""
    hyphen = word.find("-")
    return word[: hyphen + 1] if hyphen > 0 else word


def line_joins(rows: list[str], width: int, *, headed: bool = False) -> list[str | None]:
    """For each of ``rows`` (the stripped lines of a text broken at ``width`` characters: a PDF's
    page, a hard-wrapped e-mail), what joins it to the row before when both are of one paragraph:
    a space, or nothing after a word broken at its hyphen ("air-" / "strike").  None where the
    break is the text's own: at a blank row, before a bullet, and after a row that is clearly
    shorter than the full ones and ends a sentence (a paragraph's last line) or is a short
    heading.  With ``headed`` (the rows are a whole story's, from its first line), not before a
    dateline ("BEIRUT (Reuters) - ...", "KFAR SABA, Israel"; above the first row that ends a
    sentence, also a town in its own case before a dash: "Port-au-Prince, 3 March - At least"), nor
    before or after a byline shorter than a full row ("By Olena Martyniuk | Photographs by ..."), nor (above
    the first row that ends a sentence, and on the dateline's row) after a row the next row's first word would
    have fitted on ("News release - Kyiv, 27 October 2023" / "The World Health Organization ..."): a wrapper
    breaks a row only where the next word does not fit."""
    joins: list[str | None] = [None] * len(rows)
    head = headed
    opening = -1  # the row a dateline opens the story on
    for i in range(1, len(rows)):
        prev, row = rows[i - 1], rows[i]
        head = head and not ends_sentence(prev)
        if headed and row and (_DATELINE_ROW.match(row) or (head and _DASHED_DATELINE_ROW.match(row))):
            head = False  # (the story opens on this row: it joins no row before, and the rows after it go on)
            opening = i
            continue
        if not prev or not row or _BULLET.match(row):
            continue
        if len(prev) < 0.75 * width and (ends_sentence(prev) or len(prev) < 0.5 * width):
            continue
        if (head or i - 1 == opening) and len(prev) + 1 + len(_first_chunk(row)) <= FITS * width:
            # (a row of the story's head, or its dateline's, that the next row's first word would have fitted on
            # ends there)
            continue
        if headed and any(_BYLINE_ROW.match(r) and len(r) < 0.75 * width for r in (prev, row)):
            continue
        joins[i] = "" if broken_at_hyphen(prev, row) else " "
    return joins


SPACES = rx.compile(r"\s+")  # (a run of white space)
GAPS = rx.compile(r"[\s-]+")  # (what stands between the words of a phrase: white space, hyphens)


def single_spaced(text: str) -> str:
    """``text`` with every run of white space one space: where a pattern's ``\\s+`` or
    ``\\s*`` matches, a gate's words written with one space (or none) are found.  Clean
    text has only spaces and line breaks, one or two of these at a time, and takes two
    replacements; anything else (two spaces, a tab, a character that is not printable:
    every white space but the space is not) a split and a join."""
    out = text.replace("\n\n", " ").replace("\n", " ")
    if "  " not in out and out.isprintable():
        return out
    return " ".join(text.split())


class WordFinder:
    """Every occurrence of some ASCII ``words`` in a text, found as ``re.IGNORECASE``
    finds them, in one Aho-Corasick pass over the lower-cased text (much faster than
    a regex alternation, which tries every position of the text)."""

    def __init__(self, words: Iterable[str]):
        import ahocorasick

        self._auto = ahocorasick.Automaton()
        for w in set(words):
            if not w or not w.isascii() or w != w.lower():
                raise ValueError(f"WordFinder needs lower-case ASCII words, not {w!r}")
            self._auto.add_word(w, len(w))
        self._auto.make_automaton()

    def found_in(self, text: str) -> bool:
        """Whether one of the words is in ``text`` as it is written, as ``any(w in text for w
        in words)`` tells (one pass, however many words)."""
        return next(self._auto.iter(text), None) is not None

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """The (start, end) of every occurrence, overlapping ones too, by start; or None
        when ``text`` holds a character for which lower-casing and IGNORECASE differ."""
        if not lower_finds_ignorecase(text):
            return None
        return sorted((end + 1 - n, end + 1) for end, n in self._auto.iter(text.lower()))


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return ch.isalnum() or ch == "_"
