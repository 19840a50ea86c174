"""What a report is when it is no news of attacks, though its words are attacks' words.

A check of a claimed attack that finds it false ("FACT CHECK: ... was not an Israeli strike"), a
report of a military exercise ("began a four-day exercise", "in Hormuz drill"), of a game (four
words of sport and a score), of a trial ("attack trial resumes", "a court sentenced") or of a month's
or a year's figures ("monthly overview", "October totals") tells of strikes, attacks and shelling
that are the drill's, the players', the ones tried or the period's.  ``report_kind`` says which one
a report is, from its headline and first sentence (a game: from the whole text); the events stage
keeps of such a report only the sentences that tell of people killed (``KILLED_WORDS``; in a drill,
hurt: ``HARMED_WORDS``; in figures, an incident dated to a day).  A report of drones or missiles
brought down that says nothing was hit ("Air defence destroyed 14 UAVs over ... regions"; "there
are no victims and no destructions") is one too: of it, only a sentence that tells of harm or a hit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import rx
from ..gates import gated
from ..text import WordFinder, lead_end

if TYPE_CHECKING:
    from ..text import Sentence

# what opens a report of a military exercise: "launched a three-day naval exercise", "began three
# days of drills", "fires missiles at mock targets in Hormuz drill", "on the second day of the exercise"
_EXERCISE = rx.compile(
    r"\b(?:(?:launch(?:ed|es|ing)?|h[eo]ld(?:s|ing)?|beg[ia]n|begins|stag(?:ed|es|ing)|conduct(?:ed|s|ing)|"
    r"start(?:ed|s|ing)|kick(?:ed|s)\s+off|wrapp?(?:ed|s)?\s+up|conclud(?:ed|es)|carr(?:ied|ies|y)\s+out)\s+"
    r"(?:[\w'’-]+\s+){0,6}?|(?:in|during|at|as\s+part\s+of)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?|"
    r"(?:first|second|third|fourth|final|last)\s+day\s+of\s+(?:[\w'’-]+\s+){0,4}?)"
    r"(?:exercises?|drills?|war\s*games|manoeuvres|maneuvers)\b",
    re.I,
)
# the words of a report of a game (four of their stems, ``_SPORT_HINTS``, with a score, make one)
_SPORT_WORDS = rx.compile(
    r"\b(?:match(?:es)?|goals?|minutes?|half-?time|league|cup|coach|striker|midfielder|defender|goalkeeper|"
    r"penalt(?:y|ies)|scored|equali[sz]er|tournament|championship|season|fans|stadium|kick-?off|referee|innings|"
    r"wickets?|header|fixture|standings|playoffs?|semi-?finals?|quarter-?finals?)\b",
    re.I,
)
_SCORE = rx.compile(r"\b\d{1,2}-\d{1,2}\b(?!\s*(?:km|kilomet|mile|year|day|hour|month))")
_KILLED = (
    r"killed|killing|kills|dead|died|(?<!\bto\s)deaths?(?!\s+(?:sentences?|penalty|penalties|row|threats?))|casualties"
)
KILLED_WORDS = rx.compile(rf"\b(?:{_KILLED})\b", re.I)
HARMED_WORDS = rx.compile(rf"\b(?:{_KILLED}|wounded|wounding|injured|injuring|injuries|hurt)\b", re.I)
SPORT_WORDS = 4  # stems of words of games that make a report with a score one of a game
SPORT_WORDS_UNSCORED = 7  # and those that make one without a score one


# what a report of a month's or a year's figures says it is, in its headline or first sentence
_SUMMARY = rx.compile(
    r"\b(?:monthly|annual|yearly|quarterly|totals|overview|statistics|in\s+numbers|(?:month|year)['’]s\s+"
    r"(?:figures|tally|toll))\b",
    re.I,
)


# what a report of a trial says, in its headline or first sentence: "Palma attack trial resumes in
# Pemba", "a military court in Baidoa on Sunday sentenced", "jailed in Germany for abusing"
_TRIAL = rx.compile(
    r"\b(?:trial|hearing|inquest|court[- ]martial|tribunal|court)\b[^.\n]{0,80}?\b(?:opens?|opened|begins?|began|"
    r"resumes?|resumed|starts?|started|continues|continued|adjourn\w*|hears?|heard|sentenced|sentences|convicted|acquitted|"
    # ("Court orders compensation for 2017 camp bombing", "an appeals court upheld an order")
    r"jailed|jails|convicts|acquits|ruled|verdict|orders|ordered|awards|awarded|upholds|upheld)\b|"
    r"\b(?:sentenced|convicted|acquitted|jailed)\b[^.\n]{0,80}?\b(?:for|over)\b|"
    # ("Former militiaman gets 38 years for 2006 car bomb", "given life in prison over the market bombing")
    r"\b(?:gets?|got|given|receives?|received)\s+(?:\w+\s+){0,2}?(?:years?|life)(?:\s+in\s+(?:prison|jail))?\s+"
    r"(?:for|over)\b|"
    # ("ATC awards death sentence to three in bus stand bombing case", "hands life sentences to two")
    r"\b(?:awards?|awarded|hands?|handed|upholds?|upheld)\s+(?:a\s+|the\s+)?(?:death|life)\s+sentences?\b",
    re.I,
)


# what a check of a claimed attack finds when there was none: "Verdict: False", "never happened", "was not an
# Israeli strike", "was a transformer explosion, not a bomb", "this video does not show", "is from a 2019 air show"
_FALSE = rx.compile(
    r"\b(?:(?:verdict|rating)\s*:\s*(?:false|fake|misleading|altered|fabricated|miscaptioned|incorrect)|"
    r"never\s+(?:happened|took\s+place)|did\s+not\s+(?:happen|take\s+place)|didn['’]t\s+happen|"
    r"(?:fire|blaze|blast|explosion|bang|smoke|damage|incident|video|clip|footage|photo|image)s?\s+(?:at\s+[^.,;]{1,40}?\s+)?"
    r"(?:was|were|is)\s+not\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:strike|air\s*strike|attack|bombing|bomb|missile)|"
    r"(?:was|were|is)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:explosion|fire|blaze|accident|fault|surge|leak|malfunction|"
    r"cylinder)\s*,\s+"
    r"not\s+an?\s+(?:[\w-]+\s+){0,2}?(?:bomb|(?:air\s*)?strike|attack|missile|drone|rocket)|"
    # (as a headline writes it: "a fire in grassland, not an attack")
    r"\b(?:an?\s+)?(?:explosion|fire|blaze|accident|fault|leak|malfunction)(?:\s+(?:in|at|on)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
    r"\s*,\s+not\s+an?\s+(?:[\w-]+\s+){0,2}?(?:bomb|(?:air\s*)?strike|attack|missile|drone|rocket)|"
    r"(?:does|do|did)\s+not\s+show|hoax(?:es)?|debunk\w*|(?:is|was|were)\s+(?:filmed\s+|taken\s+|recorded\s+)?"
    # ("is from a 2019 air show", "is from Yemen in 2015")
    r"from\s+(?:an?\s+|the\s+)?(?:(?:[A-Z][\w'’-]+\s+){1,2}in\s+)?(?:19|20)\d\d\b|"
    # what a picture or a claim is found to be: "is fake", "was generated with artificial intelligence"
    r"(?:is|was|are|were)\s+(?:fake|false|fabricated|doctored|AI[- ]generated)\b|"
    # a ministry's denial: "does not correspond to reality and is disinformation"
    r"(?:does|do|did)\s+not\s+correspond\s+to\s+(?:reality|the\s+truth|the\s+facts)|"
    r"(?:is|are|was|were)\s+(?:pure\s+|outright\s+)?disinformation\b|"
    # a picture found old: "video of alleged bombing of X is old", "actually dates from several years ago"
    r"(?:video|clip|footage|photo|image|picture)s?\b[^.;]{0,120}?\b(?:(?:is|are)\s+old\b|"
    r"(?:actually\s+)?dates?\s+(?:back\s+)?(?:from|to)\s+(?:(?:several|many|a\s+few|\w+)\s+years\s+ago|(?:19|20)\d\d))|"
    r"generated\s+(?:with|by|using)\s+(?:artificial\s+intelligence|AI)\b|"
    # what a check finds of the place or the picture: "The hospital that was not hit", "traced it to a different
    # country and a different year"
    r"\b(?:that|which)\s+(?:was|were)\s+(?:not|never)\s+(?:hit|bombed|struck|attacked|shelled)\b|"
    r"traced\s+(?:it|them|the\s+\w+)\s+(?:back\s+)?to\s+(?:an?\s+)?(?:different|another|earlier|older)\s+"
    r"(?:country|year|war|place|conflict)\b|"
    # what imagery shows of a place said to be hit: "shows no damage", "show no sign of claimed attack", "is not
    # supported by satellite imagery"
    r"(?:shows?|showed|shown|found|finds|reveal(?:s|ed)?)\s+no\s+(?:damage|craters?|(?:signs?|evidence|traces?)\s+of\s+"
    r"(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|damage|impacts?|craters?|explosions?|bombing))\b|"
    r"(?:is|are|was|were)\s+not\s+supported\s+by\b|"
    # a blast an accident caused: "the explosion had been caused by a leaking cooking-gas cylinder", "Zaria blast was
    # gas explosion"; and the claim called false: 'dismissed as "fake and misleading"', "the false reports"
    r"(?:explosion|blast|fire|bang)s?\s+[^.]{0,80}?\b(?:was|were|had\s+been)\s+(?:caused\s+by\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:gas|cylinders?|leak|short\s+circuit|electrical\s+fault|accident|transformer|boiler)|"
    r"(?:an?\s+)?gas\s+(?:explosion|leak|cylinder))\b|"
    r"\bas\s+[\"“'‘]?(?:fake|false|baseless|fabricated|misleading)\b|\bfalse\s+reports?\b)",
    re.I,
)
# what frames a claim that is checked: "FACT CHECK:", "a clip shared as", "viral posts", "the footage"
_CLAIMED = rx.compile(
    r"\b(?:fact[- ]?check\w*|claims?|claimed|allegedly|viral|posts?|posted|shared|clips?|videos?|footage|rumou?rs?|"
    r"prosecutor|authorities|police|media|denied|denies)\b",
    re.I,
)
_FALSE_WORDS = (
    "verdict",
    "rating",
    "never",
    "did not",
    "didn",
    " not ",
    "hoax",
    "debunk",
    "from 19",
    "from 20",
    "from a",
    "from an",
    "from the",
    " in 19",
    " in 20",
    "fake",
    "correspond",
    "disinformation",
    " old",
    "date",  # ("the clip actually dates from 2015", "the photos date back to 2014")
    "false",
    "fabricated",
    "baseless",  # ("dismissed the posts as baseless")
    "misleading",
    "doctored",
    "generated",
    "no damage",
    "no crater",
    "no sign",
    "no evidence",
    "no trace",
    "caused by",
    " gas ",
    "cylinder",
    "traced",
)
_FALSE_FINDER = WordFinder(_FALSE_WORDS)  # (one pass over the text for all of them)
LEAD_SENTENCES = 4  # a check's verdict comes in its headline, the claim and the verdict after it


# the claim of the sentence before called false: "Posts had claimed that a missile hit X. The administration called the
# reports fake."
_CALLED_FALSE = rx.compile(
    r"\b(?:called|calls|calling|described|branded|dismissed|labelled|labeled)\s+(?:the|these|those|such|this|that|"
    r"both)\s+(?:[\w-]+\s+)?(?:reports?|claims?|posts?|allegations?|rumou?rs?|information|news|accounts?)\s+"
    r"(?:as\s+)?[\"“'‘]?(?:fake|false|baseless|fabricated|untrue|unfounded|misleading|disinformation|lies)\b",
    re.I,
)
_A_CLAIM = rx.compile(r"\b(?:claim(?:s|ed)?|posts?|rumou?rs?|reports?|reported)\b", re.I)


def called_false_next(clean: str, sentences: list[Sentence], k: int) -> bool:
    """Whether sentence ``k`` tells of a claim or a report that the next sentence of its paragraph calls false."""
    if k + 1 >= len(sentences) or sentences[k + 1].paragraph != sentences[k].paragraph:
        return False
    nxt = sentences[k + 1]
    return (
        _CALLED_FALSE.search(clean, nxt.start, nxt.end) is not None
        and _A_CLAIM.search(clean, sentences[k].start, sentences[k].end) is not None
    )


def debunked(clean: str, start: int, end: int) -> bool:
    """Whether ``clean[start:end]`` tells of an attack claimed that did not happen: a claim and a
    finding that it is false ("A clip shared as 'jets bombing X last night' is from a 2019 air show")."""
    low = clean[start:end].lower()
    # (the claim's words first: a short alternation, where the finding's is long and slow)
    return (
        _FALSE_FINDER.found_in(low)
        and _CLAIMED.search(clean, start, end) is not None
        and _FALSE.search(clean, start, end) is not None
    )


def report_kind(clean: str, sentences: list[Sentence]) -> str | None:
    """What a report is when it is no report of attacks: "debunked" (its headline, or the claim and the
    verdict after it, find that a claimed attack did not happen), "exercise" (its headline or first sentence
    tells of a military exercise), "fiction" (a review of a film, a book or a game), "sport" (a game),
    "summary" (a month's or a year's figures), "interception" (drones or missiles brought down, and nothing hit),
    "trial" (a court's hearing or sentence), "retrospective" (a look back at a war of years ago): its attacks are
    the exercise's, the game's, the period's, the ones tried or the war's, and a sentence tells of one of its own
    only by its dead (a retrospective's: by a day of this week)."""
    if not sentences:
        return None
    if debunked(clean, 0, lead_end(clean, sentences, LEAD_SENTENCES - 1)):
        return "debunked"
    lead_end_at = lead_end(clean, sentences)
    lead = clean[:lead_end_at].lower()
    # (each pattern only where one of its words is: a search for a word costs a fraction of a pattern's walk)
    if any(w in lead for w in _FICTION_WORDS) and _fiction(clean, lead_end_at):
        return "fiction"
    if any(w in lead for w in _EXERCISE_WORDS) and _EXERCISE.search(clean, 0, lead_end_at):
        return "exercise"
    if any(w in lead for w in _SUMMARY_WORDS) and _SUMMARY.search(clean, 0, lead_end_at):
        return "summary"
    if any(w in lead for w in _TRIAL_WORDS) and _TRIAL.search(clean, 0, lead_end_at):
        return "trial"
    if _downing(lead) and _INTERCEPTED.search(clean, 0, lead_end_at) and _NO_HARM.search(clean):
        return "interception"
    if "year" in lead and (
        _RETROSPECTIVE.search(clean, 0, lead_end_at)
        # ("One year on, survivors gather ...", "gathered on Saturday to mark one year since the assault on X")
        or YEAR_ON.search(clean, 0, lead_end_at)
        # ("Twenty-five years after the Omagh bomb, the families ...", on its anniversary)
        or (_YEARS_AFTER.search(clean, 0, lead_end_at) and _ANNIVERSARY.search(clean) is not None)
    ):
        return "retrospective"
    # (a game told with a score, or told in so many of its words that it needs none: "firing three goals in 17
    # minutes", the coach, the goalkeeper, a header, the league)
    scored = digit_dash_digit(clean) and _SCORE.search(clean) is not None
    low = clean.lower() if scored or "oal" in clean or "icket" in clean else ""  # (a game without a score has goals)
    if low and sum(w in low for w in _SPORT_HINTS) >= (SPORT_WORDS if scored else SPORT_WORDS_UNSCORED):
        words = {m.group().lower() for m in _SPORT_WORDS.finditer(clean)}
        if len({h for h in _SPORT_HINTS if any(h in w for w in words)}) >= (
            SPORT_WORDS if scored else SPORT_WORDS_UNSCORED
        ):
            return "sport"
    return None


def _fiction(clean: str, lead_end: int) -> bool:
    """Whether a report is a review of a film, a play, a novel or a game (its headline or first sentence says so,
    and it speaks in the words of one): what it tells of is the story's."""
    if _FICTION.search(clean, 0, lead_end) is None:
        return False
    words = {m.group().lower() for m in _FICTION_HINT.finditer(clean)}
    return len(words) >= FICTION_WORDS


# what a review says it is, in its headline or first sentence ("Venice review: a siege film that ...")
_FICTION_WORDS = ("review", "film", "documentary", "novel", "video game", "play ")
_FICTION = rx.compile(r"\b(?:review(?:ed|s)?|film|documentary|novel|video\s+game|stage\s+play)\b", re.I)
# the words of one, of which a review speaks in several
_FICTION_HINT = rx.compile(
    r"\b(?:film|director|premier(?:e|ed|ing)|festival|cast|scenes?|screen(?:ing|ed)?|feature|actor|actress|audience|"
    r"plot|subplot|sequel|script|screenplay|cinema|box\s+office|trailer|performances?|chapters?|novelist|author|"
    r"gameplay|players?|missions?|episodes?)\b",
    re.I,
)
FICTION_WORDS = 6  # distinct words of a film, a book or a game that make a report a review


def digit_dash_digit(text: str) -> bool:
    """Whether ``text`` has a digit, a hyphen and a digit, as every score ("2-1") has (found by
    looking at its hyphens: some microseconds, where ``_SCORE`` takes tens)."""
    i = text.find("-", 1)
    while i != -1 and i < len(text) - 1:
        if text[i - 1].isdigit() and text[i + 1].isdigit():
            return True
        i = text.find("-", i + 1)
    return False


# what a report of drones or missiles brought down says it is, in its headline or first sentence: "Air defence
# destroyed 14 Ukrainian UAVs over Belgorod and Kursk regions", "Ukraine says it downed all 31 Russian drones",
# "an attempt ... to carry out terrorist attacks using unmanned aerial vehicles ... was thwarted"
_DOWNED = (
    r"(?:shot|shoots|shoot|brought|brings|bring)\s+down|downs?|downed|downing|intercept(?:s|ed|ing)?|destroy(?:s|ed|ing)?|"
    r"thwart(?:s|ed)?|foil(?:s|ed)?|repel(?:s|led)?|suppress(?:es|ed)?|neutrali[sz](?:es|ed)"
)
_AIRBORNE = (
    r"drones?|UAVs?|unmanned\s+aerial\s+vehicles?|Shaheds?|missiles?|rockets?|air\s+targets|uncrewed\s+boats|"
    r"unmanned\s+boats|sea\s+drones"
)
_INTERCEPTED = rx.compile(
    # (what was brought down is the drones: "downed all 31 Russian drones", "38 drones were shot down"; not "destroying
    # an operations room used to control Turkish drones")
    rf"\b(?:{_DOWNED})\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_AIRBORNE})\b|"
    rf"\b(?:{_AIRBORNE})\s+(?:[\w'’,-]+\s+){{0,6}}?(?:{_DOWNED})\b|"
    # ("an attempt by the Kyiv regime to carry out terrorist attacks using unmanned aerial vehicles ... was thwarted")
    rf"\battempt\b[^.;\n]{{0,200}}?\b(?:{_AIRBORNE})\b[^.;\n]{{0,120}}?\b(?:was|were)\s+(?:thwarted|foiled|suppressed|"
    r"repelled)\b",
    re.I,
)
# and that nothing was hit: "no casualties or damage", "there are no victims and no destructions", "No hits were
# recorded", "nobody was injured"
_NO_HARM = rx.compile(
    r"\b(?:no|without)\s+(?:(?:reported|immediate|recorded|further)\s+)?(?:casualties|victims|injuries|damage|"
    r"destructions?|hits)\b|\b(?:nobody|no\s+one|none)\s+(?:was|were|had\s+been)\s+(?:hurt|injured|killed|wounded)\b",
    re.I,
)


def _downing(lead_low: str) -> bool:
    """Whether a lead in lower case holds a word of bringing down (before its pattern is tried)."""
    return any(w in lead_low for w in _DOWNED_WORDS)


# the words one of which each of the patterns above needs, in lower case
_DOWNED_WORDS = ("down", "intercept", "destroy", "thwart", "foil", "repel", "suppress", "neutrali")
_EXERCISE_WORDS = ("exercise", "drill", "games", "manoeuvre", "maneuver")
_SUMMARY_WORDS = (
    "monthly",
    "annual",
    "yearly",
    "quarterly",
    "totals",
    "overview",
    "statistics",
    "numbers",
    "figures",
    "tally",
    "toll",
)
# what opens a look back at a war: "Fifteen years ago this week Russia and Georgia fought a five-day war", "the
# Falklands, forty years on", "forty years since 1982", "a decade ago this month"
_RETROSPECTIVE = gated(
    r"\b(?:\d{1,3}|ten|eleven|twelve|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|(?:thir|four|fif|six|seven|"
    r"eigh|nine)teen|two|three|four|five|six|seven|eight|nine)\s+years\s+(?:ago\s+(?:this\s+(?:week|month)|today)|on\b|"
    r"later\b|since\s+(?:19|20)\d\d)"
    # ("A decade ago this month, the last buses left")
    r"|\b(?:a|one|two|three|four|five)\s+decades?\s+(?:ago\s+(?:this\s+(?:week|month)|today)|on\b|later\b)"
    # ("Ten years after the fall of X: what the siege taught")
    r"|\b(?:\d\d|ten|eleven|twelve|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|(?:thir|four|fif|six|seven|eigh|"
    r"nine)teen)\s+years\s+after\s+the\s+(?:fall|siege|battle|capture|liberation)\s+of\b",
    re.I,
)
# a year, or years, looked back on from a day that marks it
YEAR_ON = rx.compile(
    r"\b(?:(?:one|a)\s+year\s+on\b|mark(?:s|ed|ing)?\s+(?:one|a|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"years?\s+since\b)",
    re.I,
)
_YEARS_AFTER = rx.compile(
    r"\b(?:\d{1,3}|ten|eleven|twelve|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|(?:thir|four|fif|six|seven|"
    r"eigh|nine)teen|two|three|four|five|six|seven|eight|nine)\s+years\s+after\s+the\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:bomb|bombing|massacre|attack|siege|war)s?\b",
    re.I,
)
_ANNIVERSARY = rx.compile(r"\banniversar(?:y|ies)\b", re.I)
_TRIAL_WORDS = (
    "trial",
    "hearing",
    "inquest",
    "court",
    "tribunal",
    "sentence",
    "convicted",
    "acquitted",
    "jailed",
    "years for",
    "years over",
    "year for",  # ("gets a year for")
    "year over",
    "prison for",
    "prison over",
    "jail for",  # ("given life in jail over")
    "jail over",
    "life for",
    "life over",
)
# the stems of the words of games: a report of one has SPORT_WORDS of them (each found in a word of
# _SPORT_WORDS: "goal" and "goals" are one, "goal" and "goalkeeper" two)
_SPORT_HINTS = (
    "match",
    "goal",
    "minute",
    "half-time",
    "halftime",
    "league",
    "cup",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "penalt",
    "scored",
    "equali",
    "tournament",
    "championship",
    "season",
    "fans",
    "stadium",
    "kick-off",
    "kickoff",
    "referee",
    "innings",
    "wicket",
    "header",
    "fixture",
    "standings",
    "playoff",
    "final",
)
