"""Stage 2, toponyms: find place names in an article, with their spans.

Recognition has two sources:

* gazetteer names: one Aho-Corasick pass over ``fold_text(article.clean)``
  finds every known spelling (see ``mapper.names``); a hit must sit on word
  boundaries and be written like a name (capitalised, bar the Arabic article
  and words such as "eastern");
* context patterns for names nobody listed: "the town of X", "X province",
  "the cities of X and Y".  Those come out unresolved for the resolve stage.

Each mention is then checked for non-literal use: an outlet or agency named
like a place ("sources speaking with Al-Mayadeen", "news agency Sana", "The
Jerusalem Post"), a government by its capital ("Washington said", "prompting
Baghdad to summon"), a possessive of an institution ("Iraq's sovereignty").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Article, Mention
from .names import ARTICLES, fold_text, name_key

LOWER_OK = frozenset(
    {*ARTICLES, "the", "eastern", "western", "northern", "southern", "central", "east", "west"}
    | {"north", "south", "northeastern", "northwestern", "southeastern", "southwestern"}
)


@dataclass
class Hit:
    start: int  # into clean
    end: int
    key: str
    source: str  # "gazetteer" | "pattern"


class Matcher:
    """Finds gazetteer surface forms in folded text (pyahocorasick)."""

    def __init__(self, forms: dict[str, str]):
        import ahocorasick

        self._auto = ahocorasick.Automaton()
        for form, key in forms.items():
            self._auto.add_word(form, (len(form), key))
        if forms:
            self._auto.make_automaton()
        self._empty = not forms

    def hits(self, clean: str) -> list[Hit]:
        if self._empty:
            return []
        folded = fold_text(clean)
        n = len(folded)
        found: list[Hit] = []
        for end_idx, (length, key) in self._auto.iter(folded):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and (
                folded[start - 1].isalnum() or (folded[start - 1] == "'" and start > 1 and folded[start - 2].isalnum())
            ):
                continue
            if end < n and folded[end].isalnum():
                continue
            if not looks_like_name(clean[start:end]):
                continue
            found.append(Hit(start, end, key, "gazetteer"))
        return longest_first(found)


_TOKEN_SPLIT = re.compile(r"[\s\-]+")


def looks_like_name(surface: str) -> bool:
    """Written as a proper name: the first significant word capitalised (or a number)."""
    for tok in _TOKEN_SPLIT.split(surface):
        if not tok:
            continue
        if tok.lower() in LOWER_OK and not tok[:1].isupper():
            continue
        return tok[:1].isupper() or tok[:1].isdigit()
    return False


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (leftmost on ties), in text order."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            if (h.end - h.start) > (out[-1].end - out[-1].start):
                out[-1] = h
            continue
        out.append(h)
    return out


# --------------------------------------------------------------------------- context patterns

_NAME = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]r|[Aa]z)[-\s])?[A-Z][\w']+(?:[-\s](?:(?:al|el|ez|es|ad|as|ar|az|an)-)?[A-Z][\w']+){0,3}"  # noqa: E501
# The look-aheads on the first characters change no match; they let the engine
# leave most positions of a text after one test.
_CONTEXT = [
    re.compile(
        rf"(?=[cdghnprstv])\b(?:the\s+)?(?:town|city|village|cities|towns|villages|province|governorate|district|region|camp|hamlet|neighbou?rhood|suburb|port)\s+of\s+(?P<n>{_NAME})(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?P<m>{_NAME}))*"
    ),
    re.compile(
        rf"(?=[A-Zae])(?P<n>{_NAME})\s+(?:province|governorate|district|region|camp|air\s+base|airbase|military\s+base|refugee\s+camp)\b"
    ),
]
# every match of _CONTEXT[i] contains a match of _CONTEXT_GATE[i]: a text without one is
# not scanned (the gates open with plain words or a character class, which the engine
# finds fastest)
_CONTEXT_GATE = [
    re.compile(
        r"(?:town|city|village|cities|towns|villages|province|governorate|district|region|camp|hamlet|neighbou?rhood|suburb|port)\s+of\s"
    ),
    re.compile(r"\s(?:province|governorate|district|region|camp|air\s+base|airbase|military\s+base)\b"),
]
_LIST_ITEM = re.compile(_NAME)
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We I US UN EU NATO CENTCOM Pentagon President Prime".split()
)


def pattern_hits(clean: str, taken: list[Hit]) -> list[Hit]:
    """Names found only by context ("the town of X"), not overlapping known hits."""
    out: list[Hit] = []

    def free(s: int, e: int) -> bool:
        return not any(s < h.end and h.start < e for h in taken + out)

    for rx, gate in zip(_CONTEXT, _CONTEXT_GATE, strict=True):
        if not gate.search(clean):
            continue
        for m in rx.finditer(clean):
            s, e = m.span("n")
            spans = [(s, e)]
            # the rest of a list: "the towns of X, Y and Z"
            tail = clean[e : m.end()]
            spans += [(e + x.start(), e + x.end()) for x in _LIST_ITEM.finditer(tail)]
            for s2, e2 in spans:
                surface = clean[s2:e2]
                if surface.split()[0] in _NOT_NAMES or not free(s2, e2):
                    continue
                out.append(Hit(s2, e2, name_key(surface), "pattern"))
    return out


# --------------------------------------------------------------------------- non-literal use

_ORG_AFTER = re.compile(
    r"^\s+(?:Post|Times|TV|Television|Radio|News|Agency|Herald|Tribune|Gazette|Journal|Daily|"
    r"Channel|Press|Broadcasting|Chronicle|Observer|Telegraph|Examiner|Courier|Globe|Star|"
    r"Institute|University|Club|FC|United|Review|Monitor|Network|Media|Force|Brigades?|Corps|"
    r"Party|Front|Movement|Group|Company|Airways|Airlines|Bank)\b"
)
_SAY = (
    r"said|says|say|confirmed|confirms|reported|reports|told|tells|announced|announces|stated|states|"
    r"denied|denies|claimed|claims|condemned|condemns|accused|accuses|rejected|rejects|warned|warns|"
    r"believes|believe|insisted|insists|added|noted|urged|urges|summoned|summons|responded|vowed|"
    r"threatened|blamed|blames|notified|informed|demanded|demands|agreed|decided|wants|hopes|fears|"
    r"considers|seeks|sought|ordered|approved|refused|welcomed|praised|criticised|criticized|called|"
    r"asked|argued|described|insisted|retaliated|responded|pledged|promised|expects|sees|saw|knows"
)
_SPEECH_AFTER = re.compile(
    rf"^(?:\s*'s)?\s+(?:(?:has|have|had|also|strongly|categorically|quickly|repeatedly|reportedly|"
    rf"officially|later|earlier|then|now|firmly|publicly|meanwhile|however,?)\s+){{0,3}}(?:{_SAY})\b"
)
_AUX_AFTER = re.compile(
    r"^\s+(?:has|have|had|will|would)\s+(?!been\b|being\b|a\b|an\b|the\b|no\b|not\b|become\b|fallen\b)"
    r"(?:[a-z]+ed|[a-z]+en|sent|begun|launched|struck|led|made|taken|won|lost|built|sought|held)\b"
)
_ORG_BEFORE = re.compile(
    r"(?:according\s+to|speaking\s+(?:with|to)|told|tells|telling|news\s+agency|agency|channel|"
    r"broadcaster|newspaper|outlet|daily|TV\s+station|television|accusing|accused|accuse|urged|"
    r"urging|pressed|pressing|notified|informed|summon(?:ed|ing)?|prompting|prompted|blamed|blaming|"
    r"warned|warning|between|and\s+its\s+allies)\s+(?:the\s+)?(?:\"\s*)?$",
    re.I,
)
_POSSESSIVE = re.compile(
    r"^'s\s+(?:[a-z]+\s+){0,2}?(?:sources?|correspondents?|reporters?|reports?|website|channel|broadcasts?|"
    r"government|ministry|ministers?|president|leaders?|officials?|army|forces|military|sovereignty|"
    r"strikes?|response|policy|disregard|influence|allies|ally|envoy|embassy|decision|position|stance|"
    r"support|backing|proxies|proxy|regime|administration|parliament|cabinet|security|intelligence|"
    r"troops|navy|air\s+force|armed|interior|foreign|defen[cs]e|internal|affairs|actions?|aggression|"
    r"retaliation|role|behaviou?r|interests?|approach|efforts?|adventure|mistake|genocide|war)\b"
)
_TIME_AFTER = re.compile(r"^\s+time\b")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|near|to|into|of|across|outside|around)\s+(?:the\s+)?$", re.I)


def nonliteral_reason(clean: str, start: int, end: int, feature_type: str | None = None) -> str:
    """Why a mention is not a literal place, or "" when it is one."""
    after = clean[end : end + 80]
    before = clean[max(0, start - 60) : start]
    if _ORG_AFTER.match(after):
        return "organisation name"
    if _TIME_AFTER.match(after):
        return "time zone"
    if _ORG_BEFORE.search(before):
        return "organisation or government (metonymy)"
    if _POSSESSIVE.match(after):
        return "possessive of an institution (metonymy)"
    if _LOCATIVE_BEFORE.search(before):
        return ""  # "officials in Washington said": the place is literal
    if _SPEECH_AFTER.match(after):
        return "speaks or acts as an organisation or government (metonymy)"
    if feature_type not in (
        None,
        "facility",
        "military base",
        "crossing",
        "shrine",
    ) and _AUX_AFTER.match(after):
        return "acts as a government (metonymy)"
    return ""


def find_mentions(article: Article, matcher: Matcher) -> list[Mention]:
    """Every place-name mention in the article, literal or not, in text order."""
    clean = article.clean
    hits = matcher.hits(clean)
    hits += pattern_hits(clean, hits)
    hits.sort(key=lambda h: h.start)
    out: list[Mention] = []
    for h in hits:
        s, e = article.to_original(h.start, h.end)
        out.append(
            Mention(
                article=article.id,
                start=s,
                end=e,
                cstart=h.start,
                cend=h.end,
                surface=clean[h.start : h.end],
                key=h.key,
                confidence=1.0 if h.source == "gazetteer" else 0.6,
            )
        )
    return out
