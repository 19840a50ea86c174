"""The events stage's screen: a learned check that a placed event is one the article reports.

The rules of ``triggers`` and ``where`` find an event wherever a sentence reports violence at a
place.  Many such sentences are not the article's news: a threat, a recalled attack, a
commemoration, the history in a long piece.  The screen weighs each draft event (its sentence,
its trigger words, where it stands in the article, the words beside its places) with a logistic
model and drops the drafts it finds unlikely.

The weights (``screen.json`` beside this module) are learned by ``scripts/train_screen.py`` from
evaluation sets of invented reports written for this project; the file names its sets, its
threshold and the figures measured on sets it was not trained on.  ``STRIKE_MAPPER_SCREEN``
names another weights file (to measure a retrained one); ``off`` turns the screen off.

A ``Recorder`` in place of the screen keeps every draft and notes what it saw (for training).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .. import rx
from ..models import Mention
from ..text import Sentence
from .triggers import Trigger

ENV = "STRIKE_MAPPER_SCREEN"
_WORD = rx.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*")
_YEAR = rx.compile(r"(?:19|20)\d\d")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# words too common to say anything alone (their weights would only count a sentence's length);
# they still count in pairs ("had_been", "on_placex")
_COMMON = frozenset(
    "a an the to of in on at by for from with and or but as is was were be been are it its this that these those "
    "which who when while after before over into than then there their his her he she they we our you i not no".split()
)


def weights_path() -> Path | None:
    """The weights file the screen reads, or None when it is turned off."""
    named = os.environ.get(ENV, "")
    if named.lower() == "off":
        return None
    return Path(named) if named else Path(__file__).with_name("screen.json")


def _words(text: str) -> list[str]:
    """The words of ``text`` in lower case, a number as ``<num>``, a year as ``<year>``, or as
    ``<dayyear>`` after a day ("Nov. 21, 2012", "4 Nov. 2025": a dateline's or a day's date, not
    "in June 2019")."""
    out: list[str] = []
    for w in _WORD.findall(text.lower()):
        if w[0].isdigit() and not _YEAR.fullmatch(w):
            w = "<num>"
        elif w[0].isdigit():
            dated = out[-1:] == ["<num>"] or (out[-1:] and out[-1] in _MONTHS and out[-2:-1] == ["<num>"])
            w = "<dayyear>" if dated else "<year>"
        out.append(w)
    return out


def _masked(clean: str, start: int, end: int, mentions: Sequence[Mention]) -> str:
    """The text from ``start`` to ``end`` with each place named in it written as ``placex``."""
    parts, at = [], start
    for m in mentions:
        if m.cstart < at or m.cend > end:
            continue
        parts += [clean[at : m.cstart], " placex "]
        at = m.cend
    parts.append(clean[at:end])
    return "".join(parts)


def draft_features(
    clean: str,
    sentence: Sentence,
    triggers: Sequence[Trigger],
    places: Sequence[Mention],
    mentions: Sequence[Mention],
) -> list[str]:
    """The features of a draft event: the words of its ``sentence`` (each place named in it
    written as ``placex``, a year as ``<year>``, another number as ``<num>``) and their pairs, its
    ``triggers`` and the words beside them, and the words before the mentions of its ``places``
    (``mentions``: the article's, in text order).  Only the sentence counts, so
    that the screen can learn from sentences written on their own."""
    f = ["bias"]
    f += [f"t:{' '.join(t.word.lower().split())}" for t in triggers]
    f += [f"type:{t.event_type}" for t in triggers]
    f.append("weak" if all(t.weak for t in triggers) else "strong")
    for flag in ("recalled", "background", "vague", "total"):
        if any(getattr(t, flag) for t in triggers):
            f.append(flag)
    inside = [m for m in mentions if sentence.start <= m.cstart < sentence.end]
    words = _words(_masked(clean, sentence.start, sentence.end, inside))
    f += [f"w:{w}" for w in words if w not in _COMMON]
    f += [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    for t in triggers[:2]:
        before = _words(clean[max(sentence.start, t.start - 40) : t.start])[-2:]
        after = _words(clean[t.end : min(sentence.end, t.end + 40)])[:2]
        f += [f"tb:{w}" for w in before] + [f"ta:{w}" for w in after]
    for m in places[:3]:
        f += [f"pb:{w}" for w in _words(clean[max(sentence.start, m.cstart - 30) : m.cstart])[-2:]]
    return sorted(set(f))


class Keeper(Protocol):
    """What the events stage asks of a screen: whether to keep a draft with these features."""

    def keep(self, features: Sequence[str], places: Sequence[Mention]) -> bool: ...


@dataclass
class Screen:
    """The logistic screen: ``keep`` a draft whose probability is at least ``threshold``."""

    weights: dict[str, float]
    threshold: float

    @classmethod
    def from_bytes(cls, raw: bytes) -> Screen:
        """The screen a weights file's bytes describe (JSON: ``threshold``, ``weights``)."""
        data = json.loads(raw)
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]))

    @classmethod
    def from_file(cls, path: Path) -> Screen:
        return cls.from_bytes(path.read_bytes())

    def probability(self, features: Sequence[str]) -> float:
        z = sum(map(self.weights.get, features, itertools.repeat(0.0)))  # (the same sum in the same order)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, features: Sequence[str], places: Sequence[Mention]) -> bool:
        return self.probability(features) >= self.threshold


@dataclass
class Recorder:
    """Keeps every draft, noting its features and its places (to learn a screen from)."""

    seen: list[tuple[list[str], list[Mention]]] = field(default_factory=list)

    def keep(self, features: Sequence[str], places: Sequence[Mention]) -> bool:
        self.seen.append((list(features), list(places)))
        return True


class ScreenError(ValueError):
    """The weights file ``STRIKE_MAPPER_SCREEN`` names cannot be read as one."""


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Screen:
    try:
        return Screen.from_file(Path(path))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ScreenError(f"{ENV}={path}: not a weights file of the events screen ({exc})") from None


def default_screen() -> Screen | None:
    """The screen ``mapper run`` uses (``weights_path``), or None when it is turned off."""
    path = weights_path()
    return None if path is None else _load(str(path))
