"""Place-name folding shared by the gazetteers and the toponym matcher.

Two functions make spellings meet:

* ``fold_text`` maps text to a *same-length* lower-case form: diacritics are
  stripped (Qā’im -> qa'im), every apostrophe-like mark becomes ``'`` and every
  dash becomes ``-``.  Because it is one character for one character, a match
  found in the folded text has the same offsets in the original.
* ``name_variants`` expands a gazetteer name into the folded spellings a text may
  use: hyphen, space or nothing between the parts (Al-Bukamal, Al Bukamal,
  Albukamal), the Arabic article written al-/al /el-/ad-/... or left out, and
  apostrophes kept or dropped (Qa'im, Qaim).  Transliteration pairs
  (Mayadeen/Mayadin) come from gazetteer aliases plus a few reversible vowel
  spellings (ee/i, ou/u, oo/u).

``name_key`` is the canonical lookup key (folded, separators removed).
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

from . import rx

APOSTROPHES = "'’‘ʼʻʿʾ`´′"
DASHES = "-‐‑‒–—―−"
ARTICLES = (
    "al",
    "el",
    "ad",
    "ar",
    "as",
    "az",
    "an",
    "at",
    "ash",
    "ath",
    "ez",
    "es",
    "ed",
    "er",
    "en",
)

_NON_ASCII = rx.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in APOSTROPHES:
        return "'"
    if ch in DASHES:
        return "-"
    if ch.isspace():
        return " "
    low = ch.lower()
    if len(low) != 1:
        low = ch
    base = unicodedata.normalize("NFKD", low)
    if base and base[0].isascii() and base[0].isalnum():
        return base[0].lower()
    return _SPECIAL.get(low, low)


# letters folded by hand: Latin ones NFKD leaves alone, and the letters Arabic and Russian
# texts write one way or the other (hamza on or off the alef, alef maksura or ya, ta marbuta
# or ha, yo or ye)
_SPECIAL = {
    **{"ß": "s", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "æ": "a", "œ": "o", "þ": "t"},
    **{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ё": "е"},
}


def fold_text(text: str) -> str:
    """Lower-case, strip diacritics, unify apostrophes and dashes; same length as ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a few characters (İ) lower-case to two
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if low.isascii():
        return low.replace("`", "'")
    return _NON_ASCII.sub(lambda m: _fold_char(m.group()), low).replace("`", "'")


_SEP = rx.compile(r"[\s\-\u0640\u200c]+")  # with the Arabic tatweel and the zero-width non-joiner


def _tokens(name: str) -> list[str]:
    folded = fold_text(name)
    if "-" not in folded and "\u0640" not in folded and "\u200c" not in folded:
        return folded.split()  # (white space alone: str.split and the pattern's \s are the same characters)
    return [t for t in _SEP.split(folded.strip()) if t]


def _assimilated(article: str, following: str) -> bool:
    """An Arabic article written as it sounds before a "sun letter": ash-Shughur, ad-Din,
    an-Nabatiyah, ez-Zor (the article's consonant doubles the next word's first)."""
    return len(article) >= 2 and article[0] in "ae" and following.startswith(article[1:]) and article != following


def _canonical(toks: list[str]) -> str:
    # "Sistan and Baluchestan" is also written "Sistan-Baluchestan", "Bosnia and Herzegovina"
    # "Bosnia-Herzegovina": a joining "and" is no part of the key
    if "and" in toks or "&" in toks:
        toks = [t for i, t in enumerate(toks) if not (t in ("and", "&") and 0 < i < len(toks) - 1)]
    else:
        toks = list(toks)
    for i in range(len(toks) - 1):
        if toks[i] in ARTICLES and toks[i] not in ("al", "el") and _assimilated(toks[i], toks[i + 1]):
            toks[i] = "al"
    return "".join(toks).replace("'", "")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Canonical key: folded, apostrophes, separators and a joining "and" removed, article kept.

    An article written as it sounds before a sun letter is keyed as "al", wherever it
    stands: "Jisr ash Shughur" and "Jisr al-Shughur", "Salah ad Din" and "Salah al-Din"
    share a key."""
    return _canonical(_tokens(name))


_VOWEL_PAIRS = (("ee", "i"), ("ou", "u"), ("oo", "u"))
_LAST_I = rx.compile(r"(?<=[^aeiou'])i(?=[^aeiou']+$)")


def _vowel_variants(token: str) -> set[str]:
    """Reversible English spellings of Arabic vowels: Mayadeen/Mayadin, Zour/Zur."""
    out = {token}
    for a, b in _VOWEL_PAIRS:
        out |= {t.replace(a, b) for t in out if a in t}
    # the other way only for a last-syllable i: Mayadin -> Mayadeen
    out |= {_LAST_I.sub("ee", t) for t in out if _LAST_I.search(t)}
    return out


def _forms(toks: list[str]) -> set[tuple[str, ...]]:
    """The token sequences a name is written as: the Arabic article on or off its first part,
    apostrophes kept or dropped."""
    forms: set[tuple[str, ...]] = {tuple(toks)}
    first = toks[0]
    if first in ARTICLES and len(toks) > 1:
        rest = tuple(toks[1:])
        forms.add(rest)
        for art in ("al", "el"):
            forms.add((art, *rest))
    elif "-" not in first and len(toks) > 1 and first.startswith("al") and len(first) > 4:
        forms.add(("al", first[2:], *toks[1:]))
    # the article inside a name is written either way: "Deir el-Balah" and "Deir al-Balah", "Ras al-Ain" and
    # "Ras el-Ain"
    inner = [k for k in range(1, len(toks) - 1) if toks[k] in ("al", "el")]
    if len(inner) == 1:
        k = inner[0]
        other = "el" if toks[k] == "al" else "al"
        forms |= {(*f[:k], other, *f[k + 1 :]) for f in forms if len(f) == len(toks) and f[k] == toks[k]}
    forms |= {tuple(t.replace("'", "") for t in f) for f in forms}
    return forms


def variant_keys(name: str, *, max_parts: int = 4) -> set[str]:
    """``{name_key(v) for v in name_variants(name, translit=False)}``, made without spelling
    the variants out (the world index makes these for millions of names)."""
    toks = _tokens(name)
    if not toks:
        return set()
    out: set[str] = set()
    for f in _forms(toks):
        if len("".join(f)) < 2 and len(f) == 1:
            continue
        out.add(_canonical(list(f)))
        if 1 < len(f) <= max_parts:
            out.add("".join(f).replace("'", ""))  # written as one word: no article is seen
    return out


def name_variants(name: str, *, max_parts: int = 4, translit: bool = True) -> set[str]:
    """Folded spellings of ``name`` as they may appear in folded text."""
    toks = _tokens(name)
    if not toks:
        return set()
    forms = _forms(toks)  # the Arabic article on or off the first part, apostrophes kept or dropped
    if translit:
        more = set()
        for f in forms:
            for combo in itertools.product(*(_vowel_variants(t) for t in f)):
                more.add(combo)
        forms |= more
    out: set[str] = set()
    for f in forms:
        if len(f) == 1:
            out.add(f[0])
            continue
        if len(f) <= max_parts:
            for seps in itertools.product((" ", "-", ""), repeat=len(f) - 1):
                out.add(f[0] + "".join(s + t for s, t in zip(seps, f[1:], strict=True)))
        else:
            out.add(" ".join(f))
            out.add("-".join(f))
    return {v for v in out if len(v) >= 2}


# --------------------------------------------------------------------------- spelling skeletons

_DIGRAPHS = (("kh", "x"), ("sh", "s"), ("ch", "c"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "p"), ("zh", "z"))
_SKELETON_DROP = rx.compile(r"[aeiouyh]")


def skeleton(name: str) -> str:
    """The consonants of a romanised name, as English spellings of one Arabic, Persian or Pashto
    name share them: Maiwand/Maywand, Musa Qualah/Musa Qal'ah, Chahar Darah/Chahar Dara,
    Sardast/Sardasht, Zarmat/Zurmat ("mwnd", "mskl", "crdr", "srdst", "zrmt").  Digraphs become
    one letter, q is k, vowels, y and h go, doubled letters are one; a leading article goes and
    a leading vowel is kept as "a" (Efrin/Afrin)."""
    key = name_key(name)
    if key.startswith(("al", "el")) and len(key) > 5:
        key = key[2:]
    for a, b in _DIGRAPHS:
        key = key.replace(a, b)
    key = key.replace("q", "k").replace("ck", "k")
    head = "a" if key[:1] in "aeiou" else ""
    body = _SKELETON_DROP.sub("", key)
    out: list[str] = []
    for ch in body:
        if not out or out[-1] != ch:
            out.append(ch)
    return head + "".join(c for c in out if c.isalpha())


# --------------------------------------------------------------------------- other scripts


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "arabic"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    return ""


def is_script_name(name: str) -> bool:
    """A name written wholly in Arabic or wholly in Cyrillic script (letters, spaces, hyphens),
    of three letters or more: the world index keeps these so that such texts find places."""
    if name.isascii():
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or any(not (c.isalpha() or c in " -\u200c\u0640") for c in name):
        return False
    scripts = {_script(c) for c in letters}
    return len(scripts) == 1 and "" not in scripts
