"""Stage 4a, the article's word on its event words: what a whole report says of them that no one
sentence does.

``triggers`` reads each sentence on its own; ``find_triggers`` then takes away the words that the
report as a whole says are no attack: a disaster's or an accident's ("an earthquake struck near X,
killing 20", "the blaze sent rockets flying"), a labour strike's ("a general strike", "went on
strike"), and launches that every munition's being brought down and nothing hit leaves without a
place ("all of the rockets were intercepted").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .. import rx
from ..gates import gated
from ..text import Sentence, WordFinder, lead_end, lower_finds_ignorecase, single_spaced
from .report_kind import digit_dash_digit
from .triggers import (
    BLAST_WORDS,
    DOWNED,
    DRILL_SOUND_AFTER,
    LANDED,
    MONTH_NAMES,
    MUNITIONS,
    NEGATED,
    NOTHING_HIT,
    NOTHING_HIT_WORDS,
    WEAPON_ONLY,
    Trigger,
    triggers,
)


def find_triggers(clean: str, sentences: list[Sentence]) -> list[list[Trigger]]:
    """The triggers of each sentence of an article.  In an article about a strike of workers ("a
    general strike", "went on strike"), "the strike" with no word of arms before it is theirs."""
    found = [triggers(clean, s.start, s.end) for s in sentences]
    low = clean.lower()
    # blasts a headline or a lead says were a drill's or air defence's ("Blasts heard over X were air defence"): the
    # article's other words of blasts are those sounds
    lead_at = lead_end(clean, sentences)
    if any(w in low[:lead_at] for w in BLAST_WORDS) and any(
        DRILL_SOUND_AFTER.match(clean, b.end(), min(lead_at, b.end() + 140)) for b in _BLAST.finditer(clean, 0, lead_at)
    ):
        found = [[t for t in ts if not (t.weak and t.word.lower() in BLAST_WORDS)] for ts in found]
    spaced = single_spaced(low)  # (what the word gates read)
    if _may_tell_of_hazard(clean, low, spaced) and _HAZARD.search(clean):
        # a disaster or an accident ("an earthquake struck near X, killing 20", "a gas cylinder explosion
        # at a restaurant"): no event in its sentences that name no arms; none at all in an article
        # whose headline or lead tells of one and that names no arms anywhere
        # (arms it names only as what a fire or a blast set off where they were kept: "a fire and a series of
        # explosions at an ammunition depot were caused by high temperatures")
        # (but not explosives someone planted: "explosives planted beneath the pipeline went off, triggering a fire")
        about_it = (
            _HAZARD.search(clean, 0, lead_at) is not None
            and all(a.lower() in _STORED_ARMS for a in _armed(clean, 0, len(clean)))
            and _PLANTED.search(clean) is None
        )
        hazard: dict[int, bool] = {}  # (looked for only where an event word asks)

        def of_hazard(k: int) -> bool:
            if k not in hazard:
                hazard[k] = _HAZARD.search(clean, sentences[k].start, sentences[k].end) is not None
            return hazard[k]

        kept: list[list[Trigger]] = []
        for k, (ts, s) in enumerate(zip(found, sentences, strict=True)):
            if ts and not about_it and of_hazard(k):
                # (arms it says were not the cause are none: "caused by heat, not by a drone or an air strike")
                armed = _armed(clean, s.start, s.end)
                if not armed:
                    ts = []
                elif all(a.lower() in _STORED_ARMS for a in armed):
                    # what a fire set off: "The blaze ... sending rockets flying into nearby farmland", "a fire
                    # that set off explosions at an ammunition depot"
                    # (and those it hurt: "... explosions at an ammunition depot, injuring three guards")
                    ts = [
                        t
                        for t in ts
                        if t.word.lower() not in WEAPON_ONLY
                        and t.word.lower() not in _BLAST_WORDS
                        and t.word.lower() not in _HARM_WORDS
                    ]
            elif (
                ts
                and k > 0
                and not kept[k - 1]
                and s.paragraph == sentences[k - 1].paragraph
                and all(t.weak for t in ts)
                and of_hazard(k - 1)
                and not _armed(clean, s.start, s.end)
            ):
                ts = []  # its victims, in the same paragraph: "... crashed north of X. All five on board were killed."
            kept.append([] if about_it and ts else ts)
        found = kept
    if (
        "olice" in clean
        and _POLICE_KILLING.search(clean)
        and all(a.lower() in _POLICE_ARMS for a in _armed(clean, 0, len(clean)))
    ):
        # a killing by the police, in a report that names no other arms ("killed by police gunfire during a
        # traffic stop"): no strike
        found = [[] for _ in found]
    if digit_dash_digit(clean) and _GAME_SCORE.search(clean):
        # a game told in a sentence with its score, in a digest of other news: "Young Africans' attack was
        # unstoppable as they beat Azam 3-0"
        found = [
            []
            if ts and all(t.word.lower() in _GAME_WORDS for t in ts) and _GAME_SCORE.search(clean, s.start, s.end)
            else ts
            for ts, s in zip(found, sentences, strict=True)
        ]
    if "strike" in low and _LABOUR_STRIKE.search(clean):  # (only the triggers "strike", "Strikes" can be theirs)
        found = [[t for t in ts if not _workers_strike(clean, t)] for ts in found]
    # a launch the next sentence says was all brought down: "fired a barrage of rockets at a base near
    # X. The army said all of the rockets had been intercepted."
    for k in range(len(sentences) - 1):
        if (
            found[k]
            and ("all " in (nxt := clean[sentences[k + 1].start : sentences[k + 1].end].lower()) or "every one" in nxt)
            and _ALL_DOWNED.match(clean, sentences[k + 1].start, sentences[k + 1].end)
            and not LANDED.search(clean, sentences[k].start, sentences[k].end)
        ):
            found[k] = [t for t in found[k] if not _LAUNCHED.search(t.word)]
        elif (
            found[k]
            and " was " in (nxt := clean[sentences[k + 1].start : sentences[k + 1].end])
            and _ONE_DOWNED.match(clean, sentences[k + 1].start, sentences[k + 1].end)
            and not LANDED.search(clean, sentences[k].start, sentences[k].end)
        ):
            # one launch, and the next sentence says it was brought down: "it had launched a drone at X. The
            # military said the drone was intercepted over the sea"
            found[k] = [t for t in found[k] if not (_LAUNCHED.search(t.word) and not t.word.lower().endswith("s"))]
    # an article that says every munition was brought down and that nothing was hit ("destroyed all
    # of the missiles and UAS. There were no injuries or damage"): its launches and its headline's
    # "attack" hit nothing, wherever they were aimed
    if (
        (not lower_finds_ignorecase(clean) or _NOTHING_HIT_FINDER.found_in(spaced))
        and _ALL_BROUGHT_DOWN.search(clean)
        and NOTHING_HIT.search(clean)
    ):
        found = [
            [t for t in ts if not _AIMED.search(t.word)] if not LANDED.search(clean, s.start, s.end) else ts
            for ts, s in zip(found, sentences, strict=True)
        ]
    # a story whose first event is of a day without a year ("on Tuesday evening") tells of another event, later on, by
    # a full date with its year ("On 22 April 2025 gunmen killed 26 people near X"): an earlier one, not its news
    # (the lead: the first of the story's first three sentences of events that gives a day)
    # (the years of the article found once, and each sentence's looked up among them)
    years = [m.start() for m in _A_YEAR.finditer(clean)] if any(found) else []
    lead = _lead(clean, sentences, found) if years else None
    if lead is not None and not _has_one(years, sentences[lead]):
        for k in range(lead + 1, len(sentences)):
            s = sentences[k]
            if found[k] and _has_one(years, s) and _FULL_DATE.search(clean, s.start, s.end):
                found[k] = [replace(t, recalled=True, vague=True) for t in found[k]]
    # a sentence that opens on the event told just before ("The strike, on a road south of X, killed seven aid
    # workers", "That wave of attacks ... killed nearly 200 people"), after one that recalls an earlier event
    # ("an Israeli strike on an aid convoy last year"), tells of that earlier event, unless it gives a day of its own
    for k in range(1, len(sentences)):
        ts = found[k]
        if not ts or any(t.recalled for t in ts):
            continue
        back = next((j for j in range(k - 1, max(-1, k - 6), -1) if found[j]), None)
        if back is None or not all(t.recalled for t in found[back]):
            continue
        s = sentences[k]
        if _A_DAY.search(clean, s.start, s.end):
            continue
        if _TOLD_BEFORE_OPENING.fullmatch(clean, s.start, ts[0].start) or (
            # the story of an earlier year told on, in the next sentence of its paragraph: "the four days of
            # fighting ... in May 2025 left a mark ... Shells landed in the town of X itself"
            back == k - 1
            and sentences[back].paragraph == s.paragraph
            # (a year of its own, not its dateline's: "Port Sudan, 15 August 2025 - WHO condemns the attack on X")
            and _A_YEAR.search(clean, _after_dateline(clean, sentences[back]), sentences[back].end)
            and not _A_YEAR.search(clean, s.start, s.end)
            and not _NOW.search(clean, s.start, s.end)
            # (not a time told from the day the sentence before gives its news on: "A court on Thursday sentenced him
            # for a 2019 massacre. Hours after the verdict, gunmen killed five people in X")
            and not (
                _FROM_THAT_DAY.match(clean, s.start)
                and _A_DAY.search(clean, sentences[back].start, sentences[back].end)
            )
        ):
            found[k] = [replace(t, recalled=True, vague=True) for t in ts]
    # the weeks that followed a time of an earlier year told just before, with no event word of its own: "The conflict
    # began in late January 1995 ... Over the following weeks, helicopters and mortars were thrown into a fight
    # around X"
    for k in range(1, len(sentences)):
        s, prev = sentences[k], sentences[k - 1]
        if (
            found[k]
            and not found[k - 1]
            and prev.paragraph == s.paragraph
            and _FOLLOWING_OPENING.match(clean, s.start)
            and _A_YEAR.search(clean, _after_dateline(clean, prev), prev.end)
            and not _A_YEAR.search(clean, s.start, s.end)
        ):
            found[k] = [replace(t, recalled=True, vague=True) for t in found[k]]
    # a claim ("claimed on Thursday that its fighters had attacked a military target near X") that one of the next
    # two sentences finds untrue ("no aerial target had been detected ... and no impact or damage had been
    # identified", "found no damage, no craters and no casualties"): no attack the report tells of
    for k in range(len(sentences) - 1):
        s = sentences[k]
        if not found[k] or not any(w in clean[s.start : s.end] for w in _CLAIM_WORDS):
            continue
        claim = next((c for t in found[k] if (c := _CLAIMED_THAT.search(clean, s.start, t.start))), None)
        if claim is not None and any(_FOUND_UNTRUE.search(clean, n.start, n.end) for n in sentences[k + 1 : k + 3]):
            found[k] = [t for t in found[k] if t.start < claim.start()]
    return found


# a claim of a side's, just before its event words: "claimed on Thursday that its fighters had attacked", "reported
# at the weekend that a federal drone had struck"
_CLAIMED_THAT = rx.compile(
    r"\b(?:claimed|claims|alleged|alleges|reported|said|says|announced|rumou?rs?|reports|posts)\b[^.;:]{0,60}?\bthat\s+"
    r"[^.;:]{0,60}?\bhad\s+"
    r"(?:[\w-]+\s+){0,2}?$|"
    # a side's claim of its own act: "claims its forces struck", "claimed their drones hit"
    r"\b(?:claimed|claims)\s+(?:that\s+)?(?:its|their|his|the)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|units?|"
    r"drones|missiles|aircraft|fighters|army|navy|air\s+force)\s+$|"
    # a claim that is shared: "posts claiming that a strike has destroyed", "a video with the caption 'Russians just
    # hit the hospital in X'"
    r"\b(?:claiming|alleging)\s+(?:that\s+)?[^.;:]{0,60}?$|\bcaption(?:ed)?\s+[\"“'‘][^\"”.]{0,60}?$"
)
_CLAIM_WORDS = (" had ", "claim", "alleging", "caption")
# what finds such a claim untrue, said after it: "no aerial target had been detected", "no US vessel had been hit",
# "no impact or damage had been identified", "found no damage", "no sign of", "did not take place"
_FOUND_UNTRUE = rx.compile(
    r"\bno\s+(?:[\w-]+\s+){0,3}?(?:targets?|vessels?|ships?|warships?|aircraft|drones?|missiles?|rockets?|projectiles?)\s+"
    r"(?:had\s+been|has\s+been|have\s+been|was|were)\s+(?:[a-z]+ly\s+)?(?:hit|struck|detected|targeted|damaged)\b|"
    r"\bno\s+(?:impacts?|craters?|hits?)\s+(?:or\s+\w+\s+)?(?:had\s+been|has\s+been|have\s+been|was|were)\s+"
    r"(?:identified|recorded|found|detected|observed|reported)\b|"
    r"\bfound\s+no\s+(?:sign|signs|evidence|trace|traces|damage|craters?)\b|"
    r"\bno\s+(?:sign|signs|evidence)\s+of\s+(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:strikes?|attacks?|impacts?|explosions?|damage)\b|"
    r"\b(?:did\s+not|didn['’]t|never)\s+(?:take\s+place|happen|occur)\b|"
    r"\b(?:had|has|have|was|were)\s+not\s+been\s+(?:hit|struck|damaged)\b|"
    # ("no strike on the town's hospital had taken place")
    r"\bno\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|bombing|shelling)\b[^.;]{0,50}?\b(?:(?:had|has|have)\s+"
    r"(?:taken\s+place|happened|occurred)|took\s+place|happened|occurred)\b|"
    # old pictures: "first appeared online in 2023", "traced it to a 2021 fire"
    r"\b(?:appeared|posted|published|uploaded|circulated)\s+online\s+(?:as\s+early\s+as\s+|in\s+)(?:\w+\s+)?(?:19|20)\d\d\b|"
    r"\btraced\s+(?:it|them|the\s+\w+)\s+(?:back\s+)?to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:19|20)\d\d\b|"
    r"\bfound\s+no\s+(?:[\w-]+\s+){0,2}?(?:footage|evidence|statement|images?|videos?)\b[^.;]{0,60}?\bsupport\b",
    re.I,
)


# the opening of a sentence on an event told before: "The strike,", "That wave of attacks", "The assault on X, which"
_TOLD_BEFORE_OPENING = rx.compile(
    r"[\s\"“‘']*(?:That|This|Those|These|The|Such)\s+(?:[\w'’-]+\s+){0,2}?(?:(?:wave|series|string|spate)\s+of\s+)?"
)
_A_YEAR = rx.compile(r"\b(?:19|20)\d\d\b")
# the place and date that open a release: "Port Sudan, 15 August 2025 - ", "GENEVA, 3 May 2024 -- "
_DATED_DATELINE = rx.compile(
    r"[\s\"“]*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*,\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2},?)\s+"
    r"(?:19|20)\d\d\s*(?:[-–—]+|:)\s"
)


def _lead(clean: str, sentences: list[Sentence], found: list[list[Trigger]]) -> int | None:
    """The first of the story's first three sentences of events that gives a day ("on Tuesday")."""
    seen = 0
    for k, ts in enumerate(found):
        if ts and any(not t.recalled for t in ts):
            if _A_DAY.search(clean, sentences[k].start, sentences[k].end):
                return k
            seen += 1
            if seen == 3:
                return None
    return None


def _has_one(positions: list[int], sent: Sentence) -> bool:
    """Whether one of ``positions`` (sorted) lies in the sentence."""
    i = bisect.bisect_left(positions, sent.start)
    return i < len(positions) and positions[i] < sent.end


def _after_dateline(clean: str, sent: Sentence) -> int:
    """Where a sentence's own words begin, after the place and date of a release that open it."""
    m = _DATED_DATELINE.match(clean, sent.start, sent.end)
    return m.end() if m else sent.start


# (longest first; words of one length in the alphabet's order, not the set's, which differs from process to process)
_BLAST = rx.compile(rf"\b(?:{'|'.join(sorted(BLAST_WORDS, key=lambda w: (-len(w), w)))})\b", re.I)
# a date with its day and its year: "22 April 2025", "April 22, 2025"
_FULL_DATE = rx.compile(
    rf"\b\d{{1,2}}\s+{MONTH_NAMES}\s+(?:19|20)\d\d\b|\b{MONTH_NAMES}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b"
)
# what sets a sentence in the report's own time: "now", "this week"
_NOW = rx.compile(r"\b(?:now|currently|still|this\s+(?:year|month)|recent(?:ly)?|latest|new)\b", re.I)
# a time told from the day of the sentence before: "Hours after the verdict, ...", "Later that day", "That night"
_FROM_THAT_DAY = rx.compile(
    r"[\s\"“]*(?:(?:hours|minutes|moments|shortly|soon)\s+(?:later|after(?:wards)?)\b|later\s+that\s+(?:day|night|evening|"
    r"morning|afternoon)\b|that\s+(?:same\s+)?(?:night|evening|afternoon|morning)\b)",
    re.I,
)
# the time after the one told before: "Over the following weeks", "In the days that followed", "The next morning"
_FOLLOWING_OPENING = rx.compile(
    r"[\s\"“]*(?:(?:over|in|during|within)\s+the\s+(?:following|next|ensuing|subsequent)\s+(?:few\s+)?(?:hours|days|weeks|"
    r"months|years)|(?:in\s+)?the\s+(?:days|weeks|months|years)\s+that\s+followed|(?:the\s+)?(?:following|next)\s+"
    r"(?:day|morning|night|evening|week))\b",
    re.I,
)
# a day of its own: "on Monday", "overnight", "this morning"
_A_DAY = gated(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|overnight|tonight|"
    r"this\s+(?:morning|afternoon|evening|week))\b",
    re.I,
)


# what the sentence after a launch says of all of it: "The army said all of the rockets had been intercepted"
_ALL_DOWNED = rx.compile(
    rf"\s*(?:[^.;:]{{0,60}}?\b(?:said|says|added|reported)\s+(?:that\s+)?)?(?:[Aa]ll|[Ee]very\s+one)\s+(?:of\s+)?"
    # (not "all but one", "all the others")
    rf"(?:the\s+|them\b|those\b)?(?:(?!(?:but|except|other|others|remaining|rest)\b)[\w-]+\s+){{0,2}}?"
    rf"(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)"
    rf"(?:successfully\s+)?(?:{DOWNED}|destroyed\s+in\s+(?:the\s+)?air)\b"
)
# what the sentence after a launch of one says of it: "The Israeli military said the drone was intercepted over the sea"
_ONE_DOWNED = rx.compile(
    rf"\s*(?:[^.;:]{{0,60}}?\b(?:said|says|added|reported)\s+(?:that\s+)?)?(?:[Tt]he|[Tt]hat|[Tt]his|[Ii]t)\s+"
    rf"(?:(?:[\w-]+\s+){{0,2}}?(?:drone|UAV|missile|rocket|projectile)\s+)?(?:was|had\s+been)\s+"
    rf"(?:successfully\s+)?(?:{DOWNED}|destroyed\s+in\s+(?:the\s+)?air)\b"
)
# up to three words, none of them "but", "except", "other(s)" ("all but one of the drones")
_NOT_BUT = r"(?:(?!(?:but|except|other|others|remaining|rest)\b)[\w-]+\s+){0,3}?"
# all of them brought down, said anywhere in the article: "shot down all 34 Russian drones", "engaged
# and destroyed all of the missiles and UAS", "all of the rockets were intercepted", "the missile was
# intercepted"
_ALL_BROUGHT_DOWN = rx.compile(
    rf"\b(?:{DOWNED}|destroyed|neutrali[sz]ed)\s+all\s+(?:of\s+)?(?:the\s+|\d+\s+)?{_NOT_BUT}{MUNITIONS}|"
    rf"\b[Aa]ll\s+(?:of\s+)?(?:the\s+|\d+\s+)?{_NOT_BUT}{MUNITIONS}\s+(?:\([^()]{{1,10}}\)\s+)?"
    rf"(?:were|had\s+been|have\s+been)\s+(?:successfully\s+)?(?:{DOWNED}|destroyed)\b|"
    # one: "the missile was intercepted over the Red Sea"
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?{MUNITIONS}\s+(?:was|had\s+been)\s+[\"“']?(?:successfully\s+)?(?:{DOWNED}|destroyed)\b",
    re.I,
)
# an animal's attack: "a shark attacked a swimmer", "a bear attack"
_ANIMAL = (
    r"(?:sharks?|crocodiles?|alligators?|bears?|tigers?|leopards?|lions?|elephants?|hippos?|hippopotamus(?:es)?|"
    r"wolf|wolves|dogs?|snakes?|hyenas?|jaguars?|cougars?|pumas?|buffalo(?:es)?|bulls?)"
)
_ANIMAL_BEFORE = rx.compile(rf"\b{_ANIMAL}\s+$", re.I)
# what kills without arms: nature, fire and accidents ("lightning struck a school", "floods hit
# villages", "a gas cylinder explosion", "a bus plunged into a ravine, killing 18")
# (words the pattern below needs, looked for first, in the text single-spaced; "storm" apart, by
# ``_STORM``, so that "stormed" is none; an animal only as the pattern has it, a word of its own
# before an attack: "lion" is in every "million")
_HAZARD_WORDS = tuple(
    "quake|tremor|aftershock|flood|cyclone|hurricane|typhoon|tornado|lightning|landslide|mudslide|avalanche|"
    "wildfire|bushfire|bush fire|forestfire|forest fire|fire broke|caught fire|blaze|heatwave|"
    "heat wave|tsunami|eruption|blizzard|monsoon|torrential|gas leak|gas explosion|gas blast|cylinder|boiler|"
    "transformer|firework|short circuit|electrical fault|plunged|crash|collided|collision|capsized|derailed|"
    "overturn|collapse|stampede|drowned|electrocuted|accident|firecracker|a fire |the fire |huge fire|massive fire|"
    "large fire|big fire|somersault|rolled over|lost control|tyre burst|tire blowout|burst tyre|reactor|chemical|"
    "pharmaceutical|fertili|temperatures|controlled|blasting|quarr|maul|remnant|unexploded".split("|")
)
_ANIMAL_WORDS = tuple(
    "shark|crocodile|alligator|bear|tiger|leopard|lion|elephant|hippo|wolf|wolves|dog|snake|hyena|jaguar|cougar|puma|"
    "buffalo|bull".split("|")
)
_HAZARD_FINDER = WordFinder(_HAZARD_WORDS)
_NOTHING_HIT_FINDER = WordFinder(NOTHING_HIT_WORDS)
_ANIMAL_FINDER = WordFinder(_ANIMAL_WORDS)
_ANIMAL_ATTACK = rx.compile(rf"\b{_ANIMAL}\s+(?:attack|mauled|mauling|trampled|bit)", re.I)
# "storm", "storms", "storm's", "storm-hit", not "stormed" (gunmen storm buildings)
_STORM = rx.compile(r"storms?(?!\w)")


def _may_tell_of_hazard(clean: str, low: str, spaced: str | None = None) -> bool:
    """Whether ``_HAZARD`` may find anything in ``clean`` (``low``, lower-cased; ``spaced``, that
    ``single_spaced``): the words it needs are there, with their white space as the pattern's (a
    line break, two spaces) or none ("forestfire").  A text with a letter that IGNORECASE reads
    as another (İ, ı, ſ, K) is left to the pattern."""
    if not lower_finds_ignorecase(clean):
        return True
    if _HAZARD_FINDER.found_in(single_spaced(low) if spaced is None else spaced):
        return True
    if "storm" in low and _STORM.search(low):
        return True
    if not _ANIMAL_FINDER.found_in(low):
        return False
    animals = _ANIMAL_FINDER.spans(clean)  # (an attack by one opens where its name does)
    if animals is None:
        return _ANIMAL_ATTACK.search(clean) is not None
    return any(_ANIMAL_ATTACK.match(clean, a) for a, _ in animals)


_HAZARD = gated(
    # (not the verb: "RSF storms Um Sumeima", "the army storms the compound")
    r"\b(?=[A-JL-WYa-jl-wy])(?:(?:earth)?quakes?|tremors?|aftershocks?|(?:flash\s+)?floods?|flooding|"
    r"storm(?!s[ \t]+(?:the\b|an?\b|(?-i:[A-Z])))s?|cyclones?|hurricanes?|"
    r"typhoons?|tornado(?:es)?|lightning|landslides?|mudslides?|avalanches?|wildfires?|(?:forest|bush)\s*fires?|"
    r"heat\s*waves?|tsunamis?|(?:volcanic\s+)?eruptions?|blizzards?|monsoon\s+rains?|torrential\s+rains?|"
    r"(?:gas|cylinder|boiler|transformer|fireworks?)\s+(?:explosions?|blasts?|leaks?)|gas\s+leaks?|"
    r"(?:fireworks?|firecrackers?)\s+(?:factory|factories|units?|plants?|warehouses?|workshops?|manufactur\w*)|"
    r"short\s+circuits?|electrical\s+faults?|fire\s+broke\s+out|blaze|caught\s+fire|plunged|crash(?:ed|es)?|"
    # "a fire at an ammunition depot", "the fire that set off explosions" (not "opened fire at")
    r"(?:[Aa]|[Tt]he)\s+(?:huge\s+|massive\s+|large\s+|big\s+)?fire\s+(?:at|in|that|which)|"
    r"collided|collisions?|capsized|derailed|overturn(?:s|ed|ing)?|somersault(?:s|ed|ing)?|rolled\s+over|"
    r"lost\s+control|tyre\s+burst|tire\s+blowout|burst\s+tyre|stampedes?|drowned|electrocuted|"
    r"(?:building|roof|bridge|mine|wall|house|dam|tunnel|ceiling|stadium|school)s?\s+collapse[ds]?|"
    r"(?:road|traffic|car|bus|train|rail|industrial|mining|workplace)\s+accidents?|"
    # an industrial accident: "a reactor exploded at a chemical manufacturing unit"
    r"reactors?\s+(?:explo\w+|blasts?|burst)|(?:high|extreme|soaring|rising)\s+temperatures|"
    # "the explosions came from controlled blasting by a company building a road"
    r"controlled\s+(?:blast\w*|explosions?|detonations?|demolitions?)|blasting\s+(?:work|operations)|quarry\w*|(?:chemical|pharmaceutical|petrochemical|fertili[sz]er)\s+"
    r"(?:manufacturing\s+)?(?:units?|plants?|factor(?:y|ies)|facilit(?:y|ies)|works)|"
    rf"{_ANIMAL}\s+(?:attack(?:s|ed)?|mauled|mauling|trampled|bit)|mauled|mauling|"
    # what a war left behind, going off: "a remnant of war he was playing with exploded"
    r"(?:explosive\s+)?remnants?\s+of\s+(?:the\s+)?war|unexploded\s+(?:ordnance|munitions?|devices?))\b",
    re.I,
)
# arms, those who bear them against others, and what they do: a sentence or an article with any of them is no
# disaster's alone ("a fire broke out after a drone hit the depot"); an army's soldiers or fighters are not enough
# ("two soldiers were killed when an army helicopter crashed", "the army flew the injured out")
_ARMED = rx.compile(
    r"\b(?=[A-GIJMOPRSTWa-gijmoprstw])(?:air\s*strikes?|air\s*raids?|bomb(?:s|ed|ing|ings|ers?)?|shell(?:s|ed|ing)|missiles?|rockets?|drones?|"
    r"mortars?|artillery|gun(?:fire|men|man|shots?)|shoot-?outs?|militants?|insurgents?|rebels?|jihadists?|"
    r"terrorists?|armed|attack(?:s|ed|ers?)?|assailants?|ambush(?:ed)?|raids?|"
    r"IEDs?|grenades?|explosives?|sabotage|warplanes?|jets|offensive|clash(?:es|ed)?|suicide|munitions?|"
    r"ammunition|shrapnel|sniper|shot\s+down|projectiles?)\b",
    re.I,
)


def _armed(clean: str, start: int, end: int) -> list[str]:
    """The words of arms between ``start`` and ``end``, but for those the text says were not the cause ("caused by
    heat, not by a drone or an air strike") and an animal's attack ("a shark attacked")."""
    return [
        a.group()
        for a in _ARMED.finditer(clean, start, end)
        if not NEGATED.search(clean, max(start, a.start() - 30), a.start())
        and not (a.group()[0] in "Aa" and _ANIMAL_BEFORE.search(clean, max(start, a.start() - 20), a.start()))
    ]


# a killing by the police: "was killed by police gunfire", "police shot dead a man"
_POLICE_KILLING = rx.compile(
    r"\b(?:by\s+(?:a\s+|the\s+)?police(?:\s+(?:officers?|gunfire|fire|bullets?|officer['’]s\s+gunfire))?\b|"
    r"police\s+(?:officers?\s+)?(?:shot|opened\s+fire|fatally\s+shot)\b)",
    re.I,
)
# the only arms such a report names
_POLICE_ARMS = frozenset({"gunfire", "gunshot", "gunshots", "armed", "shot down"})
_HARM_WORDS = frozenset({"killing", "killed", "kills", "wounding", "wounded", "injuring", "injured"})
_BLAST_WORDS = frozenset({"explosion", "explosions", "blast", "blasts", "exploded", "detonated", "went off"})
# arms a fire or a blast sets off where they are kept: no attack of themselves (the words that name a weapon
# only, and ammunition)
_STORED_ARMS = WEAPON_ONLY | {"ammunition", "munition", "munitions", "explosive"}
# explosives set by someone: "explosives planted beneath the pipeline", "miscreants blew up a pipeline"
_PLANTED = gated(
    r"\b(?:explosives?|bombs?|IEDs?|(?:explosive\s+)?devices?|mines?)\s+(?:that\s+|which\s+)?(?:had\s+been\s+|"
    r"were\s+|was\s+)?(?:planted|placed|laid|rigged|hidden|attached|fixed|strapped)\b|"
    r"\b(?:planted|placed|laid|rigged)\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+)?"
    r"(?:explosives?|bombs?|IEDs?|(?:explosive\s+)?devices?|mines?)\b|"
    r"\b(?:militants|miscreants|insurgents|attackers|saboteurs|rebels|terrorists|gunmen|unknown\s+persons)\s+"
    r"(?:[\w-]+\s+)?(?:blew|blow|have\s+blown|had\s+blown)\s+up\b",
    re.I,
)
# the words of a launch: "fired a barrage of rockets", "launched drones"
_LAUNCHED = rx.compile(rf"^(?:{MUNITIONS}|barrages?|salvos?|attacks?|fired|launched|shot)$", re.I)
# the same, and an attack or strike of them ("drone attack", "missile strike"): what was aimed at a place
_AIMED = rx.compile(rf"(?:^|\s)(?:{MUNITIONS}|barrages?|salvos?|attacks?|strikes?|fired|launched|shot)$", re.I)


# an article about workers' strikes: "a general strike", "went on strike", "a work stoppage"
# a game's result in a sentence: a score beside a word of winning or losing
_GAME_SCORE = gated(
    r"\b(?:beat|beats|beating|won|win|wins|lost|lose|loses|drew|draw|defeated|thrashed|routed|edged)\b[^.;]{0,60}?"
    r"\b\d{1,2}-\d{1,2}\b(?!\s*(?:km|kilomet|mile|year|day|hour|month))|"
    r"\b\d{1,2}-\d{1,2}\s+(?:win|victory|defeat|loss|draw|rout)\b",
    re.I,
)
# the words of war a report of a game uses
_GAME_WORDS = frozenset(
    "attack attacks attacking attacked strike strikes striker shot shots fire fired firing bombardment blitz assault "
    "barrage onslaught firing squad offensive".split()
)
_LABOUR_STRIKE = rx.compile(
    # (each phrase opens a word, on one of these letters: a look-ahead the engine tries before the phrases, searching
    # a whole article; ``tests/test_regex_gates.py`` checks it)
    r"\b(?=[adegilmnpstuw])(?:"
    r"(?:general|labou?r|nationwide|national|workers['’]?|teachers['’]?|doctors['’]?|dock|port)\s+strikes?\b|"
    r"(?:went|go|going|are|were|was|is)\s+on\s+strike\b|work\s+stoppages?\b|strikers\b|walk-?outs?\b|"
    # ("Workers at a plant voted to extend their strike")
    r"(?:workers|employees|staff|unions?|drivers|dockers|miners|nurses|teachers|doctors)\b[^.;]{0,80}?"
    r"\b(?:their|a)\s+strike\b|"
    # a lockdown an armed group imposes ("paro armado"): "the ELN called off its 'armed strike' in Choco"
    r"armed\s+[\"'“‘]?strikes?\b|paro\s+armado\b|"
    # "truck drivers blocked highways in a strike against a diesel price increase"
    r"strikes?\s+(?:against|over|to\s+protest)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:price|prices|pay|wages?|"
    r"tax|taxes|pensions?|reforms?|laws?|bill|cuts?|increase|hike|salar(?:y|ies)|fees?|tariffs?)\b)",
    re.I,
)
# a word of arms just before "strike": "air strike", "drone strike", "the Israeli strike"
_ARMED_BEFORE = rx.compile(
    r"\b(?:air|drone|missile|rocket|artillery|military|army|naval|precision|retaliatory|pre-?emptive|"
    r"Israeli|Russian|Ukrainian|American|US|U\.S\.|Iranian|Turkish|Saudi|coalition|deadly|fatal)[\s-]+$"
)


def _workers_strike(clean: str, t: Trigger) -> bool:
    return t.word.lower() in ("strike", "strikes") and not _ARMED_BEFORE.search(clean, max(0, t.start - 20), t.start)
