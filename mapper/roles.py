"""Stage 4a, roles: was a place struck, or only mentioned?

A literal mention is *struck* when the sentence ties it to a strike:

* forward: a strike word, then a locative chain to the place — "raids hit
  locations in the Iraqi towns of Akashat", "strikes on sites near the cities
  of X", or a direct object — "a drone struck Tower 22";
* passive: the place, then "was/were (also) hit/targeted/struck ..." —
  "Targets in ... Al-Mayadeen were also hit";
* coordination: "X, Y and Z", "X ..., as well as the Y district" after a
  struck X.

Countries and territories are never struck sites (a strike "on Iraq" is not a
point); a place after "opposite", "from" or "the border with" is a reference
point, not a target; negated strikes ("did not hit Iran") do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .dates import DateRef, find_dates
from .models import AREA_TYPES, Mention
from .text import Sentence, WordFinder, is_word_char, word_pattern

TRIGGERS = frozenset(
    """strike strikes struck striking hit hits hitting target targets targeted targeting bomb bombs
    bombed bombing bombings bombard bombarded bombardment bombarding raid raids raided airstrike
    airstrikes air-strike air-strikes shell shelled shelling pound pounded pounding attack attacks
    attacked attacking assault assaulted destroyed destroying blast blasts explosion explosions
    killed killing wounded injured died shot firing fired""".split()
)
VERB_TRIGGERS = frozenset(
    "struck hit hits targeted targeting bombed bombarded raided shelled pounded attacked destroyed "
    "striking hitting bombing shelling pounding attacking".split()
)
PASSIVE_TRIGGERS = frozenset(
    "struck hit targeted bombed bombarded raided shelled pounded attacked destroyed killed".split()
)
FOCUS = frozenset("focused focussed concentrated centred centered".split())
ACTION_NOUNS = frozenset(
    "actions operations operation strikes attacks bombing bombings raids campaign offensive fire".split()
)
LOC_PREPS = frozenset(
    "in on at near against around outside inside across into throughout along within targeting "
    "toward towards over".split()
)
FILLER = frozenset(
    """the a an town towns city cities village villages area areas vicinity outskirts suburbs suburb
    district districts province provinces region regions key nearby border strategic several other
    also eastern western northern southern central northeastern northwestern southeastern southwestern
    of neighbourhood neighborhood neighbourhoods neighborhoods camp base""".split()
)
BLOCK = frozenset(
    """that which who whom whose while but after before since because although though when where if
    unless prompting including said says say told to from than was were is are has have had be been
    being will would could should may might not did does do according amid despite whether""".split()
)
ALLOWED_PARTICIPLES = frozenset(
    "linked backed armed allied suspected alleged affiliated used controlled held supported".split()
)
NEGATION = frozenset("not n't never no".split())
AUX = frozenset("was were been is are being".split())
ADVERBS = frozenset("also reportedly repeatedly then again heavily allegedly".split())

_TOKEN = re.compile(r"[\w][\w'\-]*|[,;:()]")  # quotes are transparent
_REFERENCE = re.compile(
    r"(?:\bopposite|\bfrom|\bbordering|\bborders?\s+with|\bacross\s+from|\btowards?|\bto)\s+(?:the\s+)?$",
    re.I,
)
_COORD = re.compile(
    r"^\s*(?:[\w-]+\s*)?(?:,[^;.]{0,80}?,)?\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+of\s+(?:the\s+)?)?$|^\s*,\s*(?:the\s+)?$",
    re.I,
)


@dataclass
class Tok:
    text: str
    low: str
    place: int = -1  # index into the sentence's mentions, or -1


def _tokens(text: str, start: int, end: int, mentions: list[Mention]) -> list[Tok]:
    toks: list[Tok] = []
    pos = start
    for i, m in enumerate(mentions):
        toks += [Tok(t, t.lower()) for t in _TOKEN.findall(text, pos, m.cstart)]
        # a country named as an adjective ("the Iraqi towns of") is part of the chain, not a target
        area = m.place is not None and m.place.feature_type in AREA_TYPES
        toks.append(Tok(text[m.cstart : m.cend], "<area>" if area else "<place>", i))
        pos = m.cend
    toks += [Tok(t, t.lower()) for t in _TOKEN.findall(text, pos, end)]
    return toks


def _is_trigger(toks: list[Tok], i: int) -> bool:
    low = toks[i].low
    if low in FOCUS:
        return (
            i + 1 < len(toks)
            and toks[i + 1].low == "on"
            and any(t.low in ACTION_NOUNS for t in toks[max(0, i - 3) : i])
        )
    if low not in TRIGGERS:
        return False
    return not any(t.low in NEGATION for t in toks[max(0, i - 3) : i])


def _blocked(tok: Tok) -> bool:
    if tok.place >= 0:
        return False
    low = tok.low
    if low in BLOCK:
        return True
    if tok.text[:1].islower() and low not in ALLOWED_PARTICIPLES and low.endswith(("ed", "ing")):
        return low not in TRIGGERS and low not in FILLER
    return tok.text in (";", ":")


def _forward(toks: list[Tok], t: int, p: int) -> bool:
    seq = toks[t + 1 : p]
    if len(seq) > 15 or any(_blocked(x) for x in seq):
        return False
    k = len(seq)
    while k > 0 and (
        seq[k - 1].low in FILLER
        or seq[k - 1].low == "<area>"
        or (seq[k - 1].text[:1].isupper() and seq[k - 1].place < 0)
    ):
        k -= 1
    if k == 0:
        return toks[t].low in VERB_TRIGGERS or toks[t].low in FOCUS
    last = seq[k - 1].low
    return last in LOC_PREPS or (last == "on" and toks[t].low in FOCUS)


def _passive(toks: list[Tok], p: int) -> bool:
    for q in range(p + 1, min(len(toks), p + 22)):
        tok = toks[q]
        if tok.low in PASSIVE_TRIGGERS:
            j = q - 1
            while j > p and toks[j].low in ADVERBS:
                j -= 1
            if j > p and toks[j].low in AUX and not any(x.low in NEGATION for x in toks[j - 1 : q]):
                return True
        if tok.low in AUX or tok.low in ADVERBS or tok.place >= 0:
            continue
        if _blocked(tok):
            return False
    return False


def struck_in(clean: str, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The literal mentions of one sentence that it ties to a strike."""
    ms = sorted((m for m in mentions if m.literal), key=lambda m: m.cstart)
    if not ms:
        return []
    toks = _tokens(clean, sentence.start, sentence.end, ms)
    place_pos = {tok.place: i for i, tok in enumerate(toks) if tok.place >= 0}
    triggers = [i for i in range(len(toks)) if _is_trigger(toks, i)]
    reference = [bool(_REFERENCE.search(clean[max(sentence.start, m.cstart - 30) : m.cstart])) for m in ms]

    def eligible(i: int) -> bool:
        m = ms[i]
        return m.literal and m.place is not None and m.place.feature_type not in AREA_TYPES and not reference[i]

    struck = [False] * len(ms)
    for i in range(len(ms)):
        if not eligible(i):
            continue
        p = place_pos[i]
        if any(t < p and _forward(toks, t, p) for t in triggers) or (triggers and _passive(toks, p)):
            struck[i] = True
    # coordination: "X, Y and Z" / "X ..., as well as the Y district" after a struck X
    for i in range(1, len(ms)):
        if struck[i] or not eligible(i):
            continue
        prev = [j for j in range(i) if struck[j]]
        if prev and _COORD.match(clean[ms[prev[-1]].cend : ms[i].cstart]):
            struck[i] = True
    return [m for i, m in enumerate(ms) if struck[i]]


_TRIGGER_RX = re.compile(word_pattern(TRIGGERS), re.I)
_TRIGGER_FINDER = WordFinder(TRIGGERS)


def assign_article(
    clean: str, sentences: list[Sentence], mentions: list[Mention]
) -> tuple[list[Mention], DateRef | None]:
    """The mentions of an article (in text order) with roles: each struck one made anew as
    ``struck``, with its sentence as evidence and the date that sentence gives; and the
    article's event date reference: the first date given in a sentence that reports a strike."""
    event_ref = None
    has_trigger = _sentences_with_trigger(clean, sentences)
    out = list(mentions)
    j = 0
    for sent, trigger in zip(sentences, has_trigger, strict=True):
        first = j
        while j < len(mentions) and mentions[j].cstart < sent.end:
            j += 1
        inside = [m for m in mentions[first:j] if m.cstart >= sent.start]
        struck = struck_in(clean, sent, inside)
        if not struck and not (event_ref is None and trigger):
            continue
        refs = find_dates(clean[sent.start : sent.end], sent.start)
        if struck:
            ref = refs[0] if refs else None
            hit = {id(m) for m in struck}
            for k in range(first, j):
                if id(out[k]) in hit:
                    out[k] = replace(out[k], role="struck", evidence=(sent.start, sent.end), date_ref=ref)
        if refs and event_ref is None:
            event_ref = refs[0]
    return out, event_ref


def _sentences_with_trigger(clean: str, sentences: list[Sentence]) -> list[bool]:
    """For each sentence, whether ``_TRIGGER_RX.search(clean, start, end)`` finds a strike
    word in it, from one pass over the text."""
    spans = _TRIGGER_FINDER.spans(clean)
    if spans is None:
        return [_TRIGGER_RX.search(clean, s.start, s.end) is not None for s in sentences]
    n = len(clean)
    # whole words: a word character neither before (the search looks at the real text
    # there) nor after, unless the word ends where the sentence does (its end of text)
    words = [(a, b, b >= n or not is_word_char(clean[b])) for a, b in spans if a == 0 or not is_word_char(clean[a - 1])]
    out: list[bool] = []
    j = 0
    for sent in sentences:
        while j < len(words) and words[j][0] < sent.start:
            j += 1
        k = j
        found = False
        while k < len(words) and words[k][0] < sent.end:
            _, b, bounded = words[k]
            if b <= sent.end and (bounded or b == sent.end):
                found = True
                break
            k += 1
        out.append(found)
    return out
