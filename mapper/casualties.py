"""Stage 4b, casualties: who was killed or injured, how many, and who says so.

Numbers become ranges the way reports give them:

======================  =====================
"16", "sixteen"          min 16, max 16
"at least 16"            min 16, max open
"more than 40"           min 41, max open
"up to 40", "nearly 40"  min open, max 40 (39)
"between 5 and 8"        min 5, max 8
"dozens"                 min 24 (two dozen), max open
"several", "a few"       min 3 / 2, max open
"a child", "one"         min 1, max 1
======================  =====================

A claim is one sentence's killed and/or injured figures, with the victims
("people", "US soldiers"), the claimant ("Iraqi government spokesperson Bassem
al-Awadi", "Al-Mayadeen", "the Syrian Observatory for Human Rights") and the
quote.  Which places it covers is decided in ``mapper.pipeline`` from the
roles of the places around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .models import Article, Claim, Mention, Place
from .text import Sentence, WordFinder, any_of, clauses, word_pattern

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# vague quantities: (min, max)
VAGUE = {
    "dozens": (24, None),
    "scores": (40, None),
    "hundreds": (200, None),
    "thousands": (2000, None),
    "several": (3, None),
    "a few": (2, None),
    "few": (2, None),
    "a number of": (2, None),
    "a dozen": (12, 12),
    "a handful of": (2, None),
    "many": (2, None),
    "numerous": (2, None),
}
# a single person: "a child had died", "a soldier was killed"
SINGULAR = re.compile(
    r"\b(?:a|an|one|A|An|One)\s+(?:child|man|woman|boy|girl|soldier|civilian|fighter|person|member|officer|"
    r"contractor|journalist|medic|paramedic|policeman|guard|teenager|baby|toddler)\b",
)
MAX_CREDIBLE = 100_000  # larger figures are war totals, not one strike ("deaths of millions")

_NUMWORD = "(?:" + "|".join([*UNITS, *TENS, *SCALES]) + ")"
_NUM_CORE = (
    rf"(?i:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_NUMWORD}(?:[\s-]+(?:and\s+)?{_NUMWORD})*|"
    r"dozens|scores|hundreds|thousands|several|a\s+few|few|a\s+number\s+of|a\s+dozen|"
    r"a\s+handful\s+of|many|numerous)"
)
_QUAL = (
    r"(?i:at\s+least|no\s+fewer\s+than|not\s+less\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|"
    r"in\s+excess\s+of|up\s+to|as\s+many\s+as|no\s+more\s+than|nearly|almost|close\s+to|just\s+under|"
    r"about|around|some|roughly|approximately|an\s+estimated|estimated|at\s+most)"
)
NUM = rf"(?:(?P<q>{_QUAL})\s+)?(?:(?i:between)\s+(?P<lo>{_NUM_CORE})\s+and\s+(?P<hi>{_NUM_CORE})|(?P<n>{_NUM_CORE})(?:\s*(?:-|to)\s*(?P<n2>\d+))?)"  # noqa: E501
VICTIM = r"(?P<v>(?:(?:other|more|US|U\.S\.|American|Iraqi|Syrian|Israeli|Palestinian|Iranian|[A-Z][a-z]+|[a-z]+-[a-z]+|pro-[A-Za-z-]+|militia|security|civilian|military|service)\s+){0,3}(?:people|persons|civilians|soldiers|troops|fighters|militants|members(?:\s+of\s+(?:the\s+|these\s+|those\s+)?[\w\s-]{1,40}?(?=\s+(?:were|was|had|have)))?|service\s+members|servicemen|military|personnel|children|women|men|others|more|policemen|officers|guards|contractors|workers|staff|residents|individuals|combatants|Americans|militiamen|paramilitaries|insurgents|police|citizens|victims|patients|journalists|medics|family\s+members|relatives))"  # noqa: E501

_AUX = (
    r"(?:\s+(?i:were|was|had\s+been|have\s+been|has\s+been|are|is|being|had|have|has|also|reportedly|later|all)){0,3}"
)
KILL_PATTERNS = [
    re.compile(rf"\b(?i:killing|killed|kills|kill)\s+{NUM}(?:\s+{VICTIM})?"),
    re.compile(rf"\b(?i:left|leaving)\s+{NUM}(?:\s+{VICTIM})?\s+dead\b"),
    re.compile(
        rf"\b(?i:deaths?|death\s+toll|killing|killings|loss(?:es)?\s+of\s+life)\s+"
        rf"(?:of|was|stood\s+at|rose\s+to|reached)\s+{NUM}(?:\s+{VICTIM})?"
    ),
    re.compile(
        rf"(?<!the )(?<!The )\b{NUM}(?:\s+{VICTIM})?{_AUX}\s+"
        r"(?:killed|dead|died|slain|perished|lost\s+their\s+lives)\b"
    ),
]
INJURE_PATTERNS = [
    re.compile(rf"\b(?i:injuring|injured|wounding|wounded|injures|wounds|hurting)\s+{NUM}(?:\s+{VICTIM})?"),
    re.compile(rf"\b{NUM}(?:\s+{VICTIM})?{_AUX}\s+(?:injured|wounded|hurt)\b"),
]
# For the patterns whose casualty word is case-sensitive, the words one of which a
# sentence must hold for the pattern to match there (None: no such test); the
# patterns that open with a number try every word of a sentence, so this saves much.
_KILL_NEEDS: list[tuple[str, ...] | None] = [
    None,
    ("dead",),
    None,
    ("killed", "dead", "died", "slain", "perished", "lost"),
]
_INJURE_NEEDS: list[tuple[str, ...] | None] = [None, ("injured", "wounded", "hurt")]

SAY_WORDS = (
    "said says say reported reports told tells confirmed confirms claimed claims stated states announced "
    "announces denied denies noted added insisted estimated cited quoted"
).split()
SAY = "(?:" + "|".join(SAY_WORDS) + ")"
_SUBJECT_STOPS = re.compile(r"[,;:\"(]|\b(?:that|but|while|where|as|which|what|whether|if)\b")
_NEGATED = re.compile(r"\b(?:not|never|n't)\s*$")
_ACCORDING = re.compile(r"(?=a)\baccording\s+to\s+(?P<c>[^,.;:\"]{3,120})", re.I)
_SAY_RX = re.compile(word_pattern(SAY_WORDS))  # lower case: "the United States" is no verb
_PRONOUN = re.compile(r"^(?:it|he|she|they|we|i|you|this|that|officials?|sources?|the\s+statement)$", re.I)
_DATE_TAIL = re.compile(
    r"\s+(?:on|last|this|early|late)\s+(?:\w+\s+)?(?:\d{1,2}\s+\w+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\w+day)\b.*$"
)
_CAP = re.compile(r"[A-Z]")
_ROLE_WORD = re.compile(
    r"\b(?:spokes(?:man|woman|person)|official|source|ministry|observatory|agency|media|government|"
    r"military|police|army|monitor|group|command|officials|sources|statement|witness|medics?|"
    r"doctors?|hospital)\b",
    re.I,
)


@dataclass
class Figures:
    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    victims: str | None = None
    span: tuple[int, int] = (0, 0)  # of the casualty phrase, relative to the text given


def parse_number(s: str) -> int | None:
    """'16' -> 16, '1,000' -> 1000, 'twenty-five' -> 25, 'two hundred' -> 200."""
    s = s.strip().lower()
    if not s:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", s):
        return None
    total = current = 0
    seen = False
    for w in re.split(r"[\s-]+", s):
        if w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_range(m: re.Match[str]) -> tuple[int | None, int | None] | None:
    """(min, max) from a NUM match, or None when it is no count of people."""
    g = m.groupdict()
    q = re.sub(r"\s+", " ", (g.get("q") or "").lower())
    if g.get("lo"):
        lo, hi = parse_number(g["lo"]), parse_number(g["hi"])
        if lo is None or hi is None:
            return None
        return (min(lo, hi), max(lo, hi))
    raw = re.sub(r"\s+", " ", (g.get("n") or "").lower())
    if raw in VAGUE:
        lo2, hi2 = VAGUE[raw]
        return (lo2, hi2) if not q else (lo2, None)
    n = parse_number(raw)
    if n is None:
        return None
    if g.get("n2"):
        n2 = parse_number(g["n2"])
        if n2 is not None and n2 > n:
            return (n, n2)
    if q in ("at least", "no fewer than", "not less than", "a minimum of"):
        return (n, None)
    if q in ("more than", "over", "upwards of", "in excess of"):
        return (n + 1, None)
    if q in ("up to", "as many as", "no more than", "at most"):
        return (None, n)
    if q in ("nearly", "almost", "close to", "just under"):
        return (None, n - 1 if n > 0 else 0)
    return (n, n)


def _plausible(rng: tuple[int | None, int | None]) -> bool:
    lo, hi = rng
    return all(x is None or 0 <= x <= MAX_CREDIBLE for x in (lo, hi)) and (lo, hi) != (None, None)


def _victims(m: re.Match[str]) -> str | None:
    v = m.groupdict().get("v")
    if not v:
        return None
    v = re.sub(r"\s+", " ", v).strip()
    return None if v.lower() in ("more", "others", "other") else v


# Every figure pattern above (and the tail a SINGULAR match needs) contains one of
# these words; a sentence without any of them has no figure, so the patterns are
# not run over it.
_HINT_WORDS = "kill dead died slain perish lost death loss injur wound hurt".split()
_FIGURE_HINT = re.compile(any_of(_HINT_WORDS), re.I)
_HINT_FINDER = WordFinder(_HINT_WORDS)


def _hinted(text: str, sentences: list[Sentence]) -> list[bool]:
    """Which sentences hold a casualty word (what ``find_figures`` looks for first), from
    one scan of the whole text instead of one per sentence."""
    spans = _HINT_FINDER.spans(text)
    if spans is None:
        spans = [m.span() for m in _FIGURE_HINT.finditer(text)]
    out: list[bool] = []
    j = 0
    for sent in sentences:
        while j < len(spans) and spans[j][1] <= sent.start:
            j += 1
        hit = unsure = False
        k = j
        while k < len(spans) and spans[k][0] < sent.end:
            if spans[k][0] >= sent.start and spans[k][1] <= sent.end:
                hit = True
                break
            # a match across the sentence's edge may hide one inside it: look there
            # (spans by start may also hold one that ended before it: looking is harmless)
            unsure = True
            k += 1
        out.append(hit or (unsure and _FIGURE_HINT.search(text, sent.start, sent.end) is not None))
    return out


def find_figures(sentence: str) -> list[Figures]:
    """Killed/injured figures in one sentence; one entry per killed figure, injuries attached."""
    if not _FIGURE_HINT.search(sentence):
        return []
    kills: list[tuple[int, int, tuple[int | None, int | None], str | None]] = []
    injuries: list[tuple[int, int, tuple[int | None, int | None], str | None]] = []
    for patterns, needs, out in ((KILL_PATTERNS, _KILL_NEEDS, kills), (INJURE_PATTERNS, _INJURE_NEEDS, injuries)):
        for rx, words in zip(patterns, needs, strict=True):
            if words is not None and not any(w in sentence for w in words):
                continue
            for m in rx.finditer(sentence):
                rng = number_range(m)
                if rng is None or not _plausible(rng):
                    continue
                if any(m.start() < e and s < m.end() for s, e, _, _ in out):
                    continue
                out.append((m.start(), m.end(), rng, _victims(m)))
    # "a child had died", "a soldier was wounded"
    for m in SINGULAR.finditer(sentence):
        tail = sentence[m.end() : m.end() + 40]
        target = kills if re.match(rf"{_AUX}\s+(?:killed|dead|died|slain)\b", tail, re.I) else None
        if target is None and re.match(rf"{_AUX}\s+(?:injured|wounded|hurt)\b", tail, re.I):
            target = injuries
        if target is not None and not any(s <= m.start() < e for s, e, _, _ in target):
            word = m.group().split()[-1]
            target.append((m.start(), m.end(), (1, 1), word))
    kills.sort()
    injuries.sort()
    figs: list[Figures] = [Figures(killed_min=r[0], killed_max=r[1], victims=v, span=(s, e)) for s, e, r, v in kills]
    for s, e, r, v in injuries:
        before = [f for f in figs if f.span[0] < s and f.injured_min is None and f.injured_max is None]
        if before:
            f = before[-1]
            f.injured_min, f.injured_max = r
            f.span = (f.span[0], max(f.span[1], e))
            f.victims = f.victims or v
        else:
            figs.append(Figures(injured_min=r[0], injured_max=r[1], victims=v, span=(s, e)))
    return figs


def _clean_claimant(c: str) -> str | None:
    c = re.sub(r"\s+", " ", c).strip(" ,;:\"'")
    c = _DATE_TAIL.sub("", c).strip()
    c = re.sub(r"^(?:and|but|meanwhile|however|also|from\s+the\s+\w+\s+side)\s+", "", c, flags=re.I)
    c = re.sub(r"\s+(?:meanwhile|however|also|later|earlier|then|has|have|had)$", "", c)
    if not c or _PRONOUN.match(c) or len(c) > 120:
        return None
    if not (_CAP.search(c) or _ROLE_WORD.search(c)):
        return None
    return c


def find_claimant(sentence: str) -> str | None:
    """Who the sentence attributes its statement to, if anyone."""
    m = _ACCORDING.search(sentence)
    if m:
        got = _clean_claimant(m.group("c"))
        if got:
            return got
    for sm in _SAY_RX.finditer(sentence):
        before = sentence[: sm.start()]
        # a negation can only end where the trailing white space starts
        if _NEGATED.search(before, max(0, len(before.rstrip()) - 5)):
            continue
        # walk back to the start of the subject noun phrase
        cut = 0
        for stop in _SUBJECT_STOPS.finditer(before):
            cut = stop.end()
        subject = before[cut:]
        got = _clean_claimant(subject)
        if got:
            return got
    return None


# --------------------------------------------------------------------------- claims and places

_PRIOR_TIME = re.compile(
    r"\b(?:responsible\s+for|in\s+response\s+to|in\s+retaliation\s+for|retaliat\w*|revenge\s+for|"
    r"avenge\w*)\b|\b(?:last|previous|earlier)\s+(?:week|month|year|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\blast\s+week's\b|\b(?:days|weeks|months|years)\s+(?:ago|earlier)\b",
    re.I,
)
_UNNAMED_PLACE = re.compile(
    r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}(?:base|camp|outpost|village|town|city|checkpoint|"
    r"position|building|house|hospital|school|market|mosque|compound)\b",
    re.I,
)
_CONTAIN_BEFORE = re.compile(r"\b(?:in|across|throughout|inside|within)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
CONTAINER_TYPES = frozenset({"country", "territory", "admin1", "region"})
FINE_OVER = {"admin1", "region"}  # dropped from a claim when finer sites in it are covered


def _is_heading(sentence: str) -> bool:
    return len(sentence.split()) <= 8 and not sentence.rstrip().endswith((".", "!", "?", '"'))


def _contains(container: Place, place: Place) -> bool:
    if container.id == place.id or not container.country or container.country != place.country:
        return False
    if container.feature_type == "admin1":
        return bool(place.admin1) and place.admin1 == container.admin1
    return container.feature_type in ("country", "territory", "region")


def _containers(clean: str, start: int, end: int, mentions: list[Mention]) -> list[Place]:
    out = []
    for m in mentions:
        if (
            start <= m.cstart < end
            and m.literal
            and m.place
            and m.place.feature_type in CONTAINER_TYPES
            and _CONTAIN_BEFORE.search(clean[max(0, m.cstart - 25) : m.cstart])
        ):
            out.append(m.place)
    return out


def _struck_in(start: int, end: int, mentions: list[Mention]) -> list[Place]:
    return [m.place for m in mentions if m.role == "struck" and m.place and start <= m.cstart < end]


def _named_unstruck(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(
        start <= m.cstart < end
        and m.literal
        and m.role != "struck"
        and m.place is not None
        and m.place.feature_type not in CONTAINER_TYPES | {"macro-region", "continent"}
        for m in mentions
    )


def _dedupe(places: list[Place]) -> list[Place]:
    seen: dict[str, Place] = {}
    for p in places:
        seen.setdefault(p.id, p)
    out = list(seen.values())
    # "Anbar province" adds nothing to a claim that covers Al-Qaim, which lies in it
    return [p for p in out if not (p.feature_type in FINE_OVER and any(q is not p and _contains(p, q) for q in out))]


def claim_places(
    clean: str,
    sentences: list[Sentence],
    index: int,
    phrase: tuple[int, int],
    mentions: list[Mention],
    article_struck: list[Place],
    article_main: list[Place] | None = None,
) -> list[Place]:
    """The places a casualty claim covers (see the module notes for the order of rules)."""
    sent = sentences[index]
    clause = next(
        ((s, e) for s, e in clauses(clean, sent.start, sent.end) if s <= phrase[0] < e + 1),
        (sent.start, sent.end),
    )
    cs, ce = clause
    ctext = clean[cs:ce]
    # 1. struck places named in the clause that carries the figure
    here = _struck_in(cs, ce, mentions)
    if here:
        return _dedupe(here)
    # 2. "in Iraq": the article's struck sites inside a country/region named there
    cont = _containers(clean, cs, ce, mentions)
    if cont:
        return _dedupe([p for p in article_struck if any(_contains(c, p) for c in cont)])
    # 3. an earlier event ("last week's drone strike") or a place the article does not name
    if _PRIOR_TIME.search(ctext) or _UNNAMED_PLACE.search(ctext) or _named_unstruck(cs, ce, mentions):
        return []
    stext = clean[sent.start : sent.end]
    if _is_heading(stext):
        return []
    # 4. the sentence, then 5. the sentence before it
    for k in (index, index - 1):
        if k < 0:
            continue
        s2 = sentences[k]
        struck = _struck_in(s2.start, s2.end, mentions)
        if struck:
            return _dedupe(struck)
        cont = _containers(clean, s2.start, s2.end, mentions)
        if cont:
            return _dedupe([p for p in article_struck if any(_contains(c, p) for c in cont)])
        if k == index and (_PRIOR_TIME.search(stext) or _named_unstruck(s2.start, s2.end, mentions)):
            return []
    # 6. "killed in the bombings": every site the article reports struck in its main event
    return _dedupe(article_struck if article_main is None else article_main)


def extract_claims(article: Article, sentences: list[Sentence], mentions: list[Mention]) -> list[Claim]:
    """Casualty claims of one article, with claimant, quote and covered places."""
    clean = article.clean
    struck = [m for m in mentions if m.role == "struck" and m.place is not None]
    article_struck = _dedupe([m.place for m in struck if m.place])
    # sites struck on a date of their own ("an attack on Tower 22 ... on 28 January") belong
    # to another event than the article's, unless another mention ties them to it
    undated = {m.place.id for m in struck if m.place and m.date_ref is None}
    article_main = [p for p in article_struck if p.id in undated] or article_struck
    claims: list[Claim] = []
    prev_claimant: str | None = None
    prev_para = -1
    texts = [clean[sent.start : sent.end] for sent in sentences]
    hinted = _hinted(clean, sentences)
    all_figures = [find_figures(text) if hint else [] for text, hint in zip(texts, hinted, strict=True)]
    # claim_places reads only the mentions of the claim's sentence and the one before it:
    # each claim is given those (found by offset), not all the article's
    by_offset = sorted(mentions, key=lambda m: m.cstart)
    starts = [m.cstart for m in by_offset]
    for i, sent in enumerate(sentences):
        text = texts[i]
        figures = all_figures[i]
        # a claimant is used by a sentence with figures, and passed on to the next one
        # when that has figures: of other sentences it is never read, so not looked for
        wanted = figures or (i + 1 < len(sentences) and all_figures[i + 1])
        claimant = find_claimant(text) if wanted else None
        if figures and claimant is None and prev_claimant and sent.paragraph == prev_para and _CONTINUING.match(text):
            claimant = prev_claimant
        for f in figures:
            phrase = (sent.start + f.span[0], sent.start + f.span[1])
            lo = bisect.bisect_left(starts, sentences[max(0, i - 1)].start)
            near = by_offset[lo : bisect.bisect_left(starts, sent.end, lo)]
            places = claim_places(clean, sentences, i, phrase, near, article_struck, article_main)
            s, e = article.to_original(sent.start, sent.end)
            claims.append(
                Claim(
                    article=article.id,
                    quote=text,
                    start=s,
                    end=e,
                    killed_min=f.killed_min,
                    killed_max=f.killed_max,
                    injured_min=f.injured_min,
                    injured_max=f.injured_max,
                    victims=f.victims,
                    claimant=claimant,
                    places=[p.id for p in places],
                )
            )
        prev_claimant, prev_para = claimant, sent.paragraph
    return claims


_CONTINUING = re.compile(r'^(?:"|These|This|It|He|She|They|The\s+spokes\w+|He\s+went\s+on)\b|^"', re.I)
