"""Stage 4, events: what happened, where, when, and which casualty figures belong to it.

An article becomes a list of ``Event``s.  An event is anchored at its *triggers*,
the words that report violence ("airstrike", "shelled", "car bomb", "clashes",
"opened fire", "killed"), each of which gives an ``event_type`` modelled on ACLED's
sub-event types (the most specific trigger of an event decides):

=============================  =================================================
``air_drone_strike``           airstrikes, air raids, drone strikes, warplanes, helicopter gunships
``shelling_artillery_missile`` shelling, artillery, mortars, rockets, missiles
``remote_explosive_ied``       roadside and car bombs, IEDs, mines, bombs and explosions
``suicide_bomb``               suicide bombers, suicide attacks and vests
``armed_clash``                clashes, fighting, gun battles, raids and operations with fire
``attack``                     shootings, gunmen, stabbings, killings, attacks on people
``other``                      a strike or an attack of no stated kind
=============================  =================================================

Where: the literal places of the trigger's sentence, less those that are not where it
happened: a dateline ("KABUL, Afghanistan (Oct. 15) -"), the places of an attribution
("officials in Washington said"), an origin or a destination ("fired from Lebanon",
"fled to Turkey", "the border with Syria"), a reference point ("near Sanaa",
"60 km south of Baghdad", "a compound northwest of Kajaki") when the sentence names the
place itself, and a province or country that holds another of its places.  The event's
place is the most specific left, with ACLED's geo_precision: 1 a town, village or site,
2 a district, a part of a town, or a place the event was only near ("the village of
Kfarjouz near Nabatieh" is Kfarjouz; "an airstrike near Sanaa" is Sanaa at 2, never
Sanaa struck), 3 a province or a country known only as a region ("in southern Nepal").
An event placed only at a country is kept only when the article places no event more
precisely.  A trigger whose sentence names no place takes the place of the sentence
before it in the same paragraph (or of the article's single event): "During the
operation, the security force killed three insurgents."

When: the date its own sentence gives, else the article's (resolved in the sites stage).

Casualty figures (``mapper.casualties``) are attached to the event they describe: the
nearest event in their own sentence, else the event of the sentences just before in
the paragraph, else the article's only event; a running total ("622 killed since
October") or an earlier event's toll is no event's.

Negated reports ("did not hit"), habitual or past activity ("responsible for attacks",
"was planning attacks") and figurative uses ("hunger strike", "heart attack") make no
event.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, get_args

from .dates import DateRef, event_date_ref
from .models import AREA_TYPES, Claim, Event, EventType, Mention, Place
from .names import name_key
from .text import Sentence, clauses, lower_finds_ignorecase

# ----------------------------------------------------------------------------- triggers

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
# the more specific type wins when an event has triggers of several kinds
SPECIFICITY = {
    "suicide_bomb": 6,
    "air_drone_strike": 5,
    "shelling_artillery_missile": 4,
    "remote_explosive_ied": 3,
    "armed_clash": 2,
    "attack": 1,
    "other": 0,
}

# phrase -> (event type, strong): a strong trigger reports an event on its own; a weak one
# ("killed", "attack", "hit") only with a place or a casualty figure in its sentence
_LEXICON: dict[EventType, str] = {  # phrases, separated by commas
    "air_drone_strike": (
        "airstrike, airstrikes, air strike, air strikes, air raid, air raids, air attack, air attacks, aerial "
        "attack, aerial attacks, aerial bombardment, aerial bombing, air bombardment, drone strike, drone "
        "strikes, drone attack, drone attacks, drone, drones, uav, warplane, warplanes, war plane, war "
        "planes, fighter jet, fighter jets, jets, bombers, helicopter gunship, helicopter gunships, gunship, "
        "gunships, barrel bomb, barrel bombs, precision strike, precision strikes, bombing raid, bombing "
        "raids, air support"
    ),
    "shelling_artillery_missile": (
        "shelling, shelled, shells, shell, artillery, mortar, mortars, mortar round, mortar rounds, mortar "
        "fire, rocket, rockets, rocket fire, rocket attack, rocket attacks, missile, missiles, missile "
        "strike, missile strikes, missile attack, ballistic missile, cruise missile, katyusha, katyushas, "
        "grad, tank fire, bombardment, bombarded, bombarding, projectile, projectiles"
    ),
    "remote_explosive_ied": (
        "roadside bomb, roadside bombs, car bomb, car bombs, car-bomb, carbomb, truck bomb, bomb, bombs, "
        "bombing, bombings, bombed, ied, ieds, improvised explosive device, improvised explosive devices, "
        "explosive device, explosive devices, explosives, landmine, landmines, land mine, land mines, booby "
        "trap, booby-trap, booby-trapped, sticky bomb, explosion, explosions, blast, blasts, detonated, "
        "exploded, went off"
    ),
    "suicide_bomb": (
        "suicide bomber, suicide bombers, suicide bombing, suicide bombings, suicide attack, suicide attacks, "
        "suicide attacker, suicide car bomb, suicide vest, suicide vests, blew himself up, blew herself up, "
        "blew themselves up"
    ),
    "armed_clash": (
        "clash, clashes, clashed, fighting, firefight, firefights, gunfight, gun battle, gun battles, "
        "gunbattle, battle, battles, exchanged fire, exchange of fire, skirmish, skirmishes, offensive, "
        "ambush, ambushed, engaged, raid, raids, raided, operation, operations, assault, assault force, "
        "security force, combined force"
    ),
    "attack": (
        "shooting, shootings, shot, shot dead, gunmen, gunman, gunfire, opened fire, open fire, stabbing, "
        "stabbed, massacre, massacred, assassinated, assassination, executed, beheaded, murdered, killing, "
        "killings, killed, kills, kill, attack, attacks, attacked, attacking"
    ),
    "other": (
        "actions, military action, military actions, "
        "strike, strikes, struck, striking, hit, hits, targeted, targeting, destroyed, wounded, injured"
    ),
}
# weak triggers: they say someone was hurt or something was hit, not what kind of violence
WEAK = frozenset(
    "killing killings killed kills kill attack attacks attacked attacking strike strikes struck striking hit hits "
    "bombing bombings bombed actions "
    "targeted targeting destroyed wounded injured operation operations security force combined force assault "
    "force engaged raid raids raided shell shells bomb bombs jets drone drones battle battles offensive "
    "exploded explosion explosions blast blasts detonated".split()
)
# "bombs" and "shells" also name weapons carried or found: typed only beside an event word
_WEAPON_ONLY = frozenset("bomb bombs shell shells explosives rocket rockets missile missiles mortar mortars".split())

_PHRASE_TYPE: dict[str, EventType] = {}
for _type, _phrases in _LEXICON.items():
    for _p in _phrases.split(","):
        _PHRASE_TYPE.setdefault(_p.strip(), _type)


def _phrase_rx(phrases: Sequence[str]) -> re.Pattern[str]:
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", p)) for p in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


_TRIGGER_RX = _phrase_rx(list(_PHRASE_TYPE))

# figurative and non-violent uses
_NOT_EVENT_BEFORE = re.compile(
    r"(?:\b(?:hunger|labou?r|general|teachers'?|workers'?|heart|panic|asthma|anxiety|price|prices|"
    r"shares?|stocks?|lucky|first|opening|shot\s+at|photo|cheap|verbal|cyber|political|legal|insurance|"
    r"rescue|search|sting|police|customs|anti-drug|drug|surgical|military)\s+)$",
    re.I,
)
_NOT_EVENT_AFTER = re.compile(
    r"^(?:\s+(?:up|down|to\s+fame|through\s+the\s+roof|back|a\s+video|a\s+film|the\s+film|films?|footage|"
    r"photos|prices|record|headlines|the\s+market)\b|\s*-\s*(?:free|proof))",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|n't|never|no|denied|deny|denies|without)\b(?:\s+\w+){0,3}\s*$", re.I)
# activity that is habitual, planned or earlier, not this event
_NOT_THIS_EVENT = re.compile(
    r"\b(?:responsible\s+for|involved\s+in|planning|planned|plans\s+to|plotting|threatened\s+to|vowed\s+to|"
    r"(?:facilitat|coordinat|direct|conduct|organiz|organis|lead|led)\w*\s+(?:\w+\s+){0,3}?(?:attacks|operations)|"
    r"known\s+for|accused\s+of|suspected\s+of|linked\s+to|associated\s+with|to\s+avenge|ahead\s+of|"
    r"prevent(?:ed|ing)?|foil(?:ed|ing)?|would\s+be|could\s+be|may\s+be|capable\s+of|used\s+to\s+carry\s+out|"
    r"to\s+carry\s+out|to\s+conduct|warned\s+of|fears?\s+of|risk\s+of|threat\s+of|"
    r"since\s+(?:the\s+)?(?:start|beginning))\b[^.;]*$",
    re.I,
)
# a specific earlier event, recalled: mapped only when its sentence dates it ("in response to an
# attack on Tower 22 on 28 January"), and never the article's own event
_EARLIER = re.compile(
    r"\b(?:in\s+retaliation\s+for|in\s+response\s+to|revenge\s+for|retaliat\w*\s+(?:for|against)|"
    r"condemn(?:ed|s|ing)?|denounc\w+)\b[^.;]*$",
    re.I,
)


_BACKGROUND_BEFORE = re.compile(
    r"\b(?:after|since|following|amid|despite|before|until)\s+(?:(?:the|a|an|last|this|that|these|those|its|their|"
    r"his|her|recent|latest|previous|earlier|[A-Z][\w'-]*|\w+-\w+)\s+){0,3}$"
)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|those|these|their|its|his|her|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens|several)\s+$",
    re.I,
)
_ATTRIBUTIVE_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:soldiers|troops|people|civilians|fighters|militants|men|women|"
    r"children|servicemen|service\s+members|personnel|officers|policemen|victims|bodies)\b"
)


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int  # into the cleaned text
    end: int
    word: str
    event_type: EventType
    weak: bool
    recalled: bool = False  # in a phrase that recalls an earlier event ("in response to the attack on")
    background: bool = False  # in a phrase of time or cause ("after the airstrikes", "since the attack")


@functools.lru_cache(maxsize=1)
def _automaton() -> Any:
    """The trigger phrases in an Aho-Corasick automaton, each spelt with spaces and with hyphens."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for phrase in _PHRASE_TYPE:
        words = re.split(r"[\s-]+", phrase)
        for form in {" ".join(words), "-".join(words)}:
            auto.add_word(form, (len(form), phrase))
    auto.make_automaton()
    return auto


def _spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the trigger phrases in ``text[start:end]``, whole words, the longest
    where they overlap: what ``_TRIGGER_RX`` finds, in one pass of an automaton."""
    low = text[start:end].lower()
    if len(low) != end - start or not lower_finds_ignorecase(text[start:end]) or "  " in low:
        out = []
        for m in _TRIGGER_RX.finditer(text, start, end):
            key = re.sub(r"[\s-]+", " ", m.group().lower())
            out.append((m.start(), m.end(), key if key in _PHRASE_TYPE else m.group().lower()))
        return out
    hits = []
    n = len(low)
    for last, (size, phrase) in _automaton().iter(low):
        a, b = last + 1 - size, last + 1
        if (a > 0 and (low[a - 1].isalnum() or low[a - 1] in "_-")) or (b < n and (low[b].isalnum() or low[b] in "_-")):
            continue
        hits.append((a, b, phrase))
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    out = []
    for a, b, phrase in hits:
        if out and a < out[-1][1] - start:
            continue
        out.append((a + start, b + start, phrase))
    return out


def triggers(text: str, start: int, end: int) -> list[Trigger]:
    """The event triggers of ``text[start:end]`` (one sentence), in order."""
    out: list[Trigger] = []
    for ms, me, phrase in _spans(text, start, end):
        etype = _PHRASE_TYPE.get(phrase)
        if etype is None:
            continue
        word = phrase
        before = text[max(start, ms - 60) : ms]
        after = text[me : min(end, me + 30)]
        if _NOT_EVENT_BEFORE.search(before) or _NOT_EVENT_AFTER.match(after) or _NEGATED.search(before[-30:]):
            continue
        if _NOT_THIS_EVENT.search(before):
            continue
        if _ATTRIBUTIVE_BEFORE.search(before) and _ATTRIBUTIVE_AFTER.match(after):
            continue  # "the three killed soldiers", "the wounded civilians"
        weak = word in WEAK or word in _WEAPON_ONLY
        recalled = bool(_EARLIER.search(before))
        background = bool(_BACKGROUND_BEFORE.search(before))
        out.append(Trigger(ms, me, text[ms:me], etype, weak, recalled, background))
    if out and all(t.background or t.recalled for t in out):
        # "a presence that grew after the attack on Gaza": every word recalls an earlier event; but
        # "killed ... after jets struck" reports one, its cause in the "after" phrase
        out = [replace(t, recalled=True) for t in out]
    return out


def event_type_of(found: Sequence[Trigger]) -> EventType:
    """The type an event's triggers give: the most specific of its strong ones ("airstrike",
    "car bomb", "clashes"), else of its weak ones ("bombing", "drone", "killed")."""
    best: EventType = "other"
    for pool in ([t for t in found if not t.weak], found):
        for t in pool:
            if SPECIFICITY[t.event_type] > SPECIFICITY[best]:
                best = t.event_type
        if best != "other":
            break
    return best


# ----------------------------------------------------------------------------- places

_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w .'-]{1,40})?\s*(?:\(|[-\u2013\u2014]\s|--|\s*\(?(?:AP|AFP|Reuters|Xinhua)\))"
)
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|reported|reports|announced|stated|quoted|cited|"
    r"confirmed|claimed|added|spokes(?:man|woman|person)|statement|officials?|sources?|ministry|agency)\b",
    re.I,
)
# what stands before a place that is not where the event happened
_ORIGIN_BEFORE = re.compile(
    r"\b(?:from|(?<!close\s)(?<!next\s)(?<!adjacent\s)(?<!due\s)to|towards?|into|border\s+with|borders\s+with|bordering|across\s+from|opposite|"
    r"fled\s+to|returned\s+to|crossing\s+from|back\s+to|flown\s+to|taken\s+to|evacuated\s+to|bound\s+for|"
    r"headed\s+for|travell?ing\s+to|on\s+(?:the|its|their)\s+way\s+to|native\s+of|citizens?\s+of|"
    r"residents?\s+of|natives?\s+of|\d+,\s+of|hometown\s+of)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|province|region|capital)\s+of\s+)?$",
    re.I,
)
_ORIGIN_NEAR = re.compile(
    r"(?:\d+,\s+of|\bfrom|\bnative\s+of|\bresidents?\s+of|\bhometown\s+of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:near|outside|close\s+to)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.I,
)
# a distance that makes a place a landmark, not where the event was ("200 km west of Kathmandu")
_FAR = re.compile(
    r"\b(?:(?:[2-9]\d|\d{3,})(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:er|re)s?)|(?:1[5-9]|[2-9]\d|\d{3,})\s+miles?)\b"
    r"[^,;]{0,40}$",
    re.I,
)
# worded as a province: a province, whatever its name resolved to ("in the province of Hama")
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate)\s+of\s+(?:the\s+)?$", re.I)
_PROVINCE_AFTER = re.compile(r"\s+(?:province|governorate)\b", re.I)
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|close\s+to|outside|outskirts\s+of|vicinity\s+of|edge\s+of|around|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of|(?:\d[\d,.]*|a\s+few|several|some)\s+(?:km|kms|kilometers?|kilometres?|miles?|meters?|"
    r"metres?)\s+(?:\([^)]{0,20}\)\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)(?:ern)?\s+)?(?:of|from)|away\s+from)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|capital|border\s+town|provincial\s+capital)\s+of\s+)?)$",
    re.I,
)
# a landmark: a direction or a distance from it ("north of Baghdad", "35 km south of Mosul")
_LANDMARK_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of|\b(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b[^,;]{0,30}\b(?:of|from))"
    r"\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:town|city|village|capital)\s+of\s+)?$",
    re.I,
)
_ACTOR_AFTER = re.compile(
    r"^\s+(?:forces?|troops|army|military|police|government|officials?|authorities|warplanes?|jets?|"
    r"militants?|fighters?|rebels?|side|embassy|said|says|told|and\s+its\s+allies)\b",
    re.I,
)
POINT_TYPES = frozenset({"city", "town", "village", "camp", "military base", "facility", "building", "crossing"}) | {
    "shrine",
    "street",
    "place",
    "natural",
}
PART_TYPES = frozenset({"district", "neighbourhood", "admin2", "region"})


def _precision(place: Place, near: bool) -> int:
    if place.feature_type in POINT_TYPES:
        return 2 if near else 1
    if place.feature_type in PART_TYPES:
        return 2
    return 3


@dataclass(slots=True)
class _Candidate:
    mention: int  # index into the article's mentions
    near: bool  # a reference point ("near X"): the event was at X only as nearly
    # the sentence also names, as where it happened, a place no gazetteer knows ("in the Abu
    # Dashir district of Baghdad"): the known places are only near it or hold it
    unknown_beside: bool = False
    # a reference point that says where another named place lies ("Kfarjouz near Nabatieh",
    # "Safina, a village 45 km south of Mosul"), not where the event was ("targets near X")
    reference: bool = False
    province: bool = False  # named as a province ("in the province of Hama", "Idlib province")


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` (a province, region or country) holds ``inner``."""
    if outer.id == inner.id or not outer.country or outer.country != inner.country:
        return False
    if outer.feature_type == "admin1":
        return bool(inner.admin1) and inner.admin1 == outer.admin1 and inner.feature_type != "admin1"
    return outer.feature_type in AREA_TYPES | {"region"} and inner.feature_type not in AREA_TYPES


# what may stand between a locative word and the place it introduces ("in the restive
# northern province of", "at a police checkpoint on the outskirts of", "in Baghdad's district of")
_FILLER = frozenset(
    """the a an its their his her this that these those another other same several two three both of and or
    town towns city cities village villages hamlet area areas region regions district districts province
    provinces governorate governorates county counties state neighbourhood neighborhood neighbourhoods
    neighborhoods quarter suburb suburbs outskirts vicinity countryside part parts centre center heart
    capital port border frontier enclave camp camps base bases outpost checkpoint checkpoints compound
    compounds market markets street streets road roads highway bridge square mosque church school schools
    hospital hospitals building buildings house houses home homes residence shelter shelters tent tents
    settlement settlements site sites target targets position positions facility facilities airport airbase
    station office offices headquarters barracks convoy patrol crossing valley mountain mountains hills
    desert coast plain river bank strip gulf sea stadium university factory refinery warehouse depot
    positions stronghold strongholds hideout hideouts bastion locality localities municipality commune
    sector zone front line frontline axis environs surroundings edge key strategic main nearby local small
    including as well such large major central northern southern eastern western northeastern northwestern southeastern
    southwestern north south east west upper lower greater old new restive embattled troubled besieged
    rebel-held government-held government-controlled opposition-held militant-held mainly largely
    predominantly shiite sunni kurdish christian druze alawite remote rural mountainous tribal
    impoverished densely populated crowded busy""".split()
)
_LOC_WORDS = frozenset(
    "in at on near inside outside across around throughout along within over against targeting beside".split()
)
_NEAR_WORDS = frozenset("near outside around beside".split())
_STRIKE_VERBS = frozenset(
    """struck strike strikes striking hit hits hitting bombed bomb bombs bombing shelled shelling pounded
    pounding targeted targeting target attacked attacking attack raided raiding stormed storming besieged
    bombarded bombarding rocketed strafed ambushed overran overrunning seized captured destroyed
    destroying levelled leveled flattened shells""".split()
)
_PASSIVE_AFTER = re.compile(
    r"(?:,[^,]{0,60},|\s+(?:and|or)\s+[^,.;]{0,60}?)?\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are|"
    r"being|also|again|"
    r"then|later|once\s+more|\w+ly)\s+){1,4}(?:struck|hit|bombed|shelled|pounded|"
    r"targeted|attacked|raided|stormed|bombarded|rocketed|strafed|destroyed|damaged|overrun|besieged)\b"
    r"|\s+came\s+under\s+(?:fire|attack|shelling|bombardment)",
    re.I,
)
_WORD_BACK = re.compile(r"([\w'’-]+|[,\"“”(])\s*$")
_MAX_WALK = 10
_LOC_WORDS = _LOC_WORDS | {"off", "through", "downtown", "central"}
_CONTESTED_BEFORE = re.compile(r"\b(?:battle|fight|fighting|struggle|offensive|push|assault|war)\s+$", re.I)
_WEAPONRY = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:mortars?|artillery|rockets?|launchers?|tanks?|firearms|guns?|cannons?|"
    r"helicopters?|aircraft|warplanes?|drones?|missiles?|weapons?)\b[^,;]{0,60}$",
    re.I,
)
# what ends a walk back from a place: a clause word, an auxiliary, a preposition that is not locative
_BLOCK = frozenset(
    """said says say told tells that which who whom whose while when where if unless because although though
    after before since until was were is are be been being has have had will would could should may might must
    did does do not never than to from by with into onto toward towards about according per via like despite
    whether but so then also for between monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december""".split()
)


def _link(clean: str, start: int, sent_start: int) -> str | None:
    """How the words before a place introduce it: "in" (a locative: "in the town of X",
    "at X", "In X,"), "near" ("near X", "40 km south of X", "outside X"), "object" (of a
    strike verb: "struck X", "shelled the villages of X"), or None (the subject of a
    statement, a government by its capital, a place named in passing).

    Walking back from the place, any word may stand between it and the word that
    introduces it ("in the flashpoint town of", "at a crowded market in downtown"), but
    a verb, a clause word or another preposition ends the walk."""
    if _NEAR_BEFORE.search(clean, max(sent_start, start - 70), start):
        return "near"
    pos = start
    for _ in range(_MAX_WALK):
        m = _WORD_BACK.search(clean, max(sent_start, pos - 40), pos)
        if m is None:
            return None
        word = m.group(1)
        low = word.lower()
        if low in _LOC_WORDS:
            return "near" if low in _NEAR_WORDS else "in"
        if low in _STRIKE_VERBS:
            negated = _NEGATED.search(clean, max(sent_start, m.start() - 30), m.start())
            return None if negated else "object"  # "did not hit Akashat"
        if low == "for" and _CONTESTED_BEFORE.search(clean, max(sent_start, m.start() - 20), m.start()):
            return "in"  # "the battle for Manbij"
        if low == "from" and _WEAPONRY.match(clean, m.end(), pos):
            pos = m.start()
            continue  # "shelled from mortars and artillery the settlements of X": the means
        if low in _BLOCK or (low.endswith(("ed", "ing")) and low not in _FILLER and word[:1].islower()):
            return None
        if low == "as" and not re.search(
            r"\b(?:as\s+well|such)\s*$", clean[max(sent_start, m.start() - 12) : m.start()]
        ):
            return None  # "... on Saturday as Washington's envoy": a conjunction, not "as well as"
        pos = m.start()
    return None


def _links(clean: str, sent: Sentence, mentions: list[Mention], idx: list[int]) -> dict[int, str | None]:
    """How each place of a sentence is introduced (``_link``); the next place of a list takes
    the link of the one before ("the cities of X, Y, and Z", "the settlements of A (twice), B")."""
    out: dict[int, str | None] = {}
    prev: int | None = None
    for i in idx:
        m = mentions[i]
        link = _link(clean, m.cstart, sent.start)
        if prev is not None and out[prev] is not None and _LIST_GAP.fullmatch(clean, mentions[prev].cend, m.cstart):
            link = out[prev]
        if link is None and _PASSIVE_AFTER.match(clean, m.cend, sent.end):
            link = "object"  # "Al-Qaim was hit", "the town came under fire"
        if link is None and _FACILITY_AFTER.match(clean, m.cend, sent.end):
            link = "in"  # "as he left a Gaza City mosque": where it stood
        out[i] = link
        prev = i
    return out


_FACILITY_AFTER = re.compile(
    r"(?:'s)?\s+(?:[a-z]+\s+)?(?:mosque|church|school|hospital|market|stadium|office|offices|apartment|building|"
    r"hotel|restaurant|cafe|courthouse|checkpoint|airport|station|university|home|house|compound|camp|embassy|"
    r"consulate|bazaar|square|bridge|police\s+station|refugee\s+camp)\b"
)
_LIST_GAP = re.compile(
    r"(?:\s*\([^()]{0,30}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|,?\s+as\s+well\s+as\s+|\s*&\s*)"
    r"(?:the\s+)?(?:(?:[a-z]+\s+){0,2}of\s+(?:the\s+)?)?",
    re.I,
)


def _attribution(clean: str, sent: Sentence, m: Mention) -> bool:
    """Whether a place belongs to who speaks ("officials in Washington said", "a source in Mosul
    told", "Damascus officials confirmed"): a word of speech or office close before or after it,
    with no event word between."""
    before = clean[max(sent.start, m.cstart - 30) : m.cstart]
    after = clean[m.cend : min(sent.end, m.cend + 25)]
    hit = _SPEECH.search(before)
    if hit and not _TRIGGER_RX.search(before, hit.end()):
        return True
    hit = _SPEECH.search(after)
    if hit is None or hit.start() >= 15 or _TRIGGER_RX.search(after, 0, hit.start()):
        return False
    return "," not in after[: hit.start()]  # "X said", "X officials"; not "..., according to"


def _other_clauses(clean: str, sent: Sentence, found: list[Trigger]) -> list[tuple[int, int]]:
    """The clauses of a sentence that report something else than its events: a clause opened by
    "as", "while", "but", "whereas" ... with no event word ("killed in central Iraq, as three
    soldiers were jailed in Germany")."""
    return [
        (a, b)
        for a, b in clauses(clean, sent.start, sent.end)
        if _OTHER_CLAUSE.match(clean, a, b) and not any(a <= t.start < b for t in found)
    ]


_OTHER_CLAUSE = re.compile(
    r"\s*(?:as(?!\s+well\s+as)|while|whereas|but|although|though|because|meanwhile|however|yet|whose|which|who)\b",
    re.I,
)


def _candidates(
    clean: str, sent: Sentence, mentions: list[Mention], idx: list[int], first: bool, found: list[Trigger]
) -> list[_Candidate]:
    """The places of one sentence that may be where its events happened: those it introduces
    as a location or as what was struck, in a clause that may say where they were."""
    out: list[_Candidate] = []
    if found:
        other = _other_clauses(clean, sent, found)
        idx = [i for i in idx if not any(a <= mentions[i].cstart < b for a, b in other)]
    links = _links(clean, sent, mentions, idx)
    origins: set[int] = set()  # places named as where someone or something came from
    # the sentence names, as where it happened, a place no gazetteer knows
    unknown = any(mentions[i].literal and mentions[i].place is None and links[i] in ("in", "object") for i in idx)
    for i in idx:
        m = mentions[i]
        link = links[i]
        if not m.literal or m.place is None or link is None:
            continue
        if m.place.feature_type in AREA_TYPES and name_key(m.surface) not in _own_keys(m.place):
            continue  # "the Chinese border", "the southern Israeli town of": an adjective, not the place
        before = clean[max(sent.start, m.cstart - 70) : m.cstart]
        after = clean[m.cend : min(sent.end, m.cend + 40)]
        # a dateline: "KABUL, Afghanistan (Oct. 15) -", "BEIRUT (AP) --"
        head = clean[sent.start : m.cstart].strip(" ,")
        at_top = first and m.cstart - sent.start < 40 and (not head or head.isupper())
        if at_top and _DATELINE_AFTER.match(clean, m.cend):
            continue
        if _ORIGIN_BEFORE.search(before):
            origins.add(i)
            continue
        if _ACTOR_AFTER.match(after):
            continue
        if _attribution(clean, sent, m):
            continue  # "officials in Washington said", "a source in Mosul told Xinhua"
        if m.place.feature_type in AREA_TYPES and link == "near":
            continue  # "near the border with Syria" is not in Syria
        if link == "near" and _FAR.search(before):
            continue  # "90 km east of Tikrit": a landmark, the event was not there
        pointed = _points_at(clean, mentions, idx, i) if link == "near" else None
        if (pointed is not None and pointed in origins) or (link == "near" and _ORIGIN_NEAR.search(before)):
            continue  # "of Kafr Tsurif near Hebron", ", 31, of a village near Hama": where someone comes from
        ref = link == "near" and (pointed is not None or bool(_LANDMARK_BEFORE.search(before)))
        province = bool(_PROVINCE_BEFORE.search(before) or _PROVINCE_AFTER.match(clean, m.cend))
        out.append(_Candidate(i, link == "near", unknown_beside=unknown, reference=ref, province=province))
    return out


_COORDINATED = re.compile(r"\b(?:and|or|as\s+well\s+as|plus)\b", re.I)
_NEAR_CUE = re.compile(
    r"\b(?:near|nearby|close|outside|outskirts|vicinity|edge|around|(?:north|south|east|west)\w*\s+of|km|kms|"
    r"kilomet\w+|miles?|met(?:er|re)s?|away)\b",
    re.I,
)
_PARTICIPLE = re.compile(r"\b(?!located\b|situated\b|based\b|populated\b|named\b|called\b)[a-z]+(?:ed|ing)\b")


def _points_at(clean: str, mentions: list[Mention], idx: list[int], i: int) -> int | None:
    """The name just before mention ``i`` whose place its "near" phrase gives, if it does."""
    prev = [j for j in idx if mentions[j].cend <= mentions[i].cstart]
    if not prev:
        return None
    gap = clean[mentions[prev[-1]].cend : mentions[i].cstart]
    if len(gap) >= 90 or ";" in gap or _COORDINATED.search(gap) or not _NEAR_CUE.search(gap):
        return None  # far, in a list ("X, Y and near Z"), or no "near" between them
    if _PARTICIPLE.search(gap) or _TRIGGER_RX.search(gap):
        return None
    return prev[-1]


def _own_keys(place: Place) -> set[str]:
    return {name_key(n) for n in (place.name, *place.aliases)}


_PART = r"(?:district|neighbou?rhood|quarter|suburb|area|sector|camp|village|borough|locality|outskirts)"
# "Baghdad's northern district of Shaab" / "the Shaab district of Baghdad", "Shuqef neighbourhood in Aleppo"
_OUTER_FIRST = re.compile(rf"'s\s+(?:[\w-]+\s+){{0,3}}{_PART}\s+of\s+(?:the\s+)?", re.I)
_INNER_FIRST = re.compile(
    r"\s+(?:sub-?district|district|neighbou?rhood|quarter|suburb|area|sector)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}",
    re.I,
)


def _finer_in(mentions: list[Mention], inner: _Candidate, province: _Candidate) -> bool:
    """Whether ``inner`` is a finer place than a province, in the province's country."""
    pi, pp = mentions[inner.mention].place, mentions[province.mention].place
    if pi is None or pp is None or inner.province or pi.country != pp.country:
        return False
    return pi.feature_type not in AREA_TYPES and pi.feature_type != "admin1"


def _holds(clean: str, outer: Mention, inner: Mention) -> bool:
    """Whether the text says that ``inner`` is a part of ``outer`` (a city and its district)."""
    if outer.cend <= inner.cstart:
        return _OUTER_FIRST.fullmatch(clean, outer.cend, inner.cstart) is not None
    broad = inner.place is None or inner.place.feature_type in AREA_TYPES or inner.place.feature_type == "admin1"
    return not broad and _INNER_FIRST.fullmatch(clean, inner.cend, outer.cstart) is not None


def _choose(clean: str, cands: list[_Candidate], mentions: list[Mention]) -> list[tuple[int, int]]:
    """The most specific of a sentence's candidate places: (mention index, geo precision)."""
    if not cands:
        return []
    places = [mentions[c.mention].place for c in cands]
    # a province or country that holds another candidate is only its container, and so is a
    # city the text says holds another ("in Baghdad's northern district of Shaab")
    keep = [
        c
        for c, p in zip(cands, places, strict=True)
        if p is not None
        and not any(q is not None and q is not p and _contains(p, q) for q in places)
        and not any(d is not c and _holds(clean, mentions[c.mention], mentions[d.mention]) for d in cands)
        # a province named as such holds the sentence's other places, whatever its name resolved to
        and not (c.province and any(_finer_in(mentions, d, c) for d in cands))
    ]
    # a place in another country than the province the sentence names is another place's namesake
    provinces = {mentions[c.mention].place.country for c in keep if c.province}  # type: ignore[union-attr]
    if provinces:
        keep = [c for c in keep if c.province or mentions[c.mention].place.country in provinces]  # type: ignore[union-attr]
    if not keep:
        return []
    # a reference point is dropped when the sentence names the place itself
    direct = [c for c in keep if not c.reference]
    finest = direct if any(_precision(mentions[c.mention].place, c.near) < 3 for c in direct) else keep  # type: ignore[arg-type]
    out = []
    for c in finest:
        p = mentions[c.mention].place
        assert p is not None
        out.append((c.mention, 3 if c.province else _precision(p, c.near or c.unknown_beside)))
    best = min(pr for _, pr in out)
    return [(i, pr) for i, pr in out if pr == best or pr < 3]


# ----------------------------------------------------------------------------- events


@dataclass(slots=True)
class _Draft:
    sentence: int
    triggers: list[Trigger]
    locations: list[tuple[int, int]]  # (mention index, precision)
    inherited: bool = False
    recalled: bool = False  # an earlier event the article recalls, with its own date
    summary: bool = False  # named only the region that holds the article's finer events


def find_triggers(clean: str, sentences: list[Sentence]) -> list[list[Trigger]]:
    """The triggers of each sentence of an article."""
    return [triggers(clean, s.start, s.end) for s in sentences]


def find_events(
    clean: str, sentences: list[Sentence], mentions: list[Mention], found_in: list[list[Trigger]]
) -> tuple[list[Mention], list[Event]]:
    """The events of an article (``mentions`` in text order; ``found_in``: each sentence's
    triggers, ``find_triggers``), and its mentions with the places of events made anew as
    ``struck``."""
    by_sentence: list[list[int]] = [[] for _ in sentences]
    k = 0
    for i, m in enumerate(mentions):
        while k + 1 < len(sentences) and sentences[k].end <= m.cstart:
            k += 1
        if sentences and sentences[k].start <= m.cstart < sentences[k].end:
            by_sentence[k].append(i)
    drafts: list[_Draft] = []
    scenes: dict[int, list[tuple[int, int]]] = {}

    def scene(si: int) -> list[tuple[int, int]]:
        """The places a sentence gives as where something happened (worked out when asked)."""
        if si not in scenes:
            cands = _candidates(clean, sentences[si], mentions, by_sentence[si], si < 3, found_in[si])
            scenes[si] = _choose(clean, cands, mentions) if cands else []
        return scenes[si]

    for si, found in enumerate(found_in):
        if not found:
            continue
        sent = sentences[si]
        chosen = scene(si)
        # a place belongs to the event of the trigger nearest it: this article's event, or an
        # earlier one it recalls ("the strikes came in response to an attack on Tower 22")
        now = [t for t in found if not t.recalled]
        then = [t for t in found if t.recalled]
        mine, earlier = [], []
        for loc in chosen:
            near = _nearest(mentions[loc[0]], found)
            if not near.recalled:
                mine.append(loc)
            elif near.end <= mentions[loc[0]].cstart:  # "an attack on Tower 22", not "X ... after the attack"
                earlier.append(loc)
        if now:
            strong = [t for t in now if not t.weak]
            if strong or mine or _has_victims(clean, sent):
                drafts.append(_Draft(si, now, mine))
        # an earlier event, recalled: mapped only when its sentence dates it
        if earlier and event_date_ref(clean[sent.start : sent.end], then[0].start - sent.start) is not None:
            drafts.append(_Draft(si, then, earlier, recalled=True))
    # a trigger whose sentence names no place: the place of the sentences just before it
    for d in drafts:
        if d.locations or d.recalled:
            continue
        para = sentences[d.sentence].paragraph
        for back in range(d.sentence - 1, max(-1, d.sentence - 4), -1):
            if (sentences[back].paragraph == para or back == d.sentence - 1) and scene(back):
                d.locations, d.inherited = scene(back), True
                break
    placed = [d for d in drafts if d.locations]
    if not placed:
        return mentions, []
    # the article's single place, for triggers that found none
    distinct = {tuple(sorted(mentions[i].place.id for i, _ in d.locations)) for d in placed}  # type: ignore[union-attr]
    if len(distinct) == 1:
        for d in drafts:
            if not d.locations:
                d.locations, d.inherited = placed[0].locations, True
        placed = [d for d in drafts if d.locations]
    # a country-level event yields to any finer one, and a province to a place inside it;
    # an event left with no place of its own is at the finer places inside those it named
    # ("killed 16 people in Iraq" after the strikes on Akashat and Al-Qaim)
    finer = [(i, pr) for d in placed if not d.inherited for i, pr in d.locations if pr < 3]
    if finer:
        for d in placed:
            kept, inside = [], []
            for i, pr in d.locations:
                p = mentions[i].place
                assert p is not None
                held = [(j, q) for j, q in finer if _contains(p, mentions[j].place)]  # type: ignore[arg-type]
                if pr == 3 and (held or p.feature_type in AREA_TYPES):
                    inside += held
                else:
                    kept.append((i, pr))
            if kept:
                d.locations = kept
            elif inside:  # it sums up the article's finer events: their places, for its figures
                d.locations, d.inherited, d.summary = _by_place(inside, mentions), True, True
            else:
                d.locations = []
        placed = [d for d in placed if d.locations]
    # the events of an article at the same places are told of one real event: one type, from all
    # their words ("bombing raids ... warplanes ... the strikes" is an air strike)
    types = _consolidated_types(placed, mentions)
    events: list[Event] = []
    out = list(mentions)
    for d, etype in zip(placed, types, strict=True):
        sent = sentences[d.sentence]
        lead = min(d.triggers, key=lambda t: (t.weak, SPECIFICITY[t.event_type] * -1, t.start))
        when = event_date_ref(clean[sent.start : sent.end], lead.start - sent.start, sent.start)
        ev = Event(
            seq=len(events),
            event_type=etype,
            trigger=(lead.start, lead.end),
            sentence=(sent.start, sent.end),
            date_ref=when,
            places=tuple(mentions[i].place.id for i, _ in _by_place(d.locations, mentions)),  # type: ignore[union-attr]
            precision=tuple(pr for _, pr in _by_place(d.locations, mentions)),
            recalled=d.recalled,
        )
        events.append(ev)
        if d.inherited:
            continue  # its places are struck by the sentence that names them
        for i, pr in d.locations:
            old = out[i]
            if old.role == "struck" and (old.precision or 3) <= pr:
                continue
            out[i] = replace(
                old,
                role="struck",
                evidence=(sent.start, sent.end),
                date_ref=ev.date_ref,
                event_type=etype if old.event_type is None else _more_specific(old.event_type, etype),
                trigger=ev.trigger,
                precision=pr,
            )
    # an inherited event lends its type to the places it came from
    for ev, d in zip(events, placed, strict=True):
        if not d.inherited or d.summary:
            continue
        for i, _ in d.locations:
            m = out[i]
            if m.role != "struck":
                sent = sentences[d.sentence]
                out[i] = replace(
                    m,
                    role="struck",
                    evidence=(sent.start, sent.end),
                    date_ref=ev.date_ref,
                    event_type=ev.event_type,
                    trigger=ev.trigger,
                    precision=dict(d.locations)[i],
                )
            elif m.event_type is not None and SPECIFICITY[ev.event_type] > SPECIFICITY[m.event_type]:
                out[i] = replace(m, event_type=ev.event_type)
    return out, events


def _consolidated_types(drafts: list[_Draft], mentions: list[Mention]) -> list[EventType]:
    """One type for the events of an article that share a place (recalled ones apart)."""
    group = list(range(len(drafts)))

    def find(x: int) -> int:
        while group[x] != x:
            group[x] = group[group[x]]
            x = group[x]
        return x

    seen: dict[tuple[str, bool], int] = {}
    for n, d in enumerate(drafts):
        if d.summary:
            continue
        for i, _ in d.locations:
            key = (mentions[i].place.id, d.recalled)  # type: ignore[union-attr]
            if key in seen:
                group[find(n)] = find(seen[key])
            else:
                seen[key] = n
    words: dict[int, list[Trigger]] = {}
    for n, d in enumerate(drafts):
        words.setdefault(find(n), []).extend(d.triggers)
    return [event_type_of(d.triggers) if d.summary else event_type_of(words[find(n)]) for n, d in enumerate(drafts)]


def _by_place(locations: list[tuple[int, int]], mentions: list[Mention]) -> list[tuple[int, int]]:
    """Locations with one mention per place (the first, at the best precision given it)."""
    best: dict[str, tuple[int, int]] = {}
    for i, pr in locations:
        pid = mentions[i].place.id  # type: ignore[union-attr]
        if pid not in best or pr < best[pid][1]:
            best[pid] = (best[pid][0] if pid in best else i, pr)
    return list(best.values())


def _nearest(m: Mention, found: list[Trigger]) -> Trigger:
    """The trigger nearest a place (one before it a little nearer than one after it)."""
    return min(found, key=lambda t: m.cstart - t.end if t.end <= m.cstart else 1.5 * (t.start - m.cend) + 1)


def _more_specific(a: EventType, b: EventType) -> EventType:
    return a if SPECIFICITY[a] >= SPECIFICITY[b] else b


_VICTIMS = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|several|many|a|an)\s+"
    r"(?:\w+\s+){0,2}(?:people|persons|civilians|soldiers|troops|fighters|militants|insurgents|policemen|police|"
    r"officers|children|women|men|residents|members)\b",
    re.I,
)


def _has_victims(clean: str, sent: Sentence) -> bool:
    return _VICTIMS.search(clean, sent.start, sent.end) is not None


# ----------------------------------------------------------------------------- casualty figures


def attach_claims(
    claims: list[Claim],
    spans: list[tuple[int, int, int]],
    events: list[Event],
    sentences: list[Sentence],
    found_in: list[list[Trigger]],
) -> list[Claim]:
    """Each claim with the places and type of the event it describes (``spans``: the claim's
    sentence index and the clean span of its figure), or none."""
    if not events:
        return claims
    by_sentence: dict[int, list[Event]] = {}
    starts = [s.start for s in sentences]
    for e in events:
        by_sentence.setdefault(_sentence_of(starts, e.sentence[0]), []).append(e)
    single = len({ev.places for ev in events}) == 1
    described = {si for si, found in enumerate(found_in) if found}
    out = []
    for c, (si, fs, _) in zip(claims, spans, strict=True):
        ev: Event | None = None
        own = by_sentence.get(si)
        if own:
            ev = min(own, key=lambda e: abs(e.trigger[0] - fs))
        else:
            para = sentences[si].paragraph
            for back in range(si - 1, max(-1, si - 4), -1):
                if back in by_sentence and sentences[back].paragraph == para:
                    ev = by_sentence[back][-1]
                    break
            if ev is None and single:
                ev = events[0]
            if ev is None and si in described:  # "killed in the bombings": the article's main event
                main = [e for e in events if e.date_ref is None] or events
                places = list(dict.fromkeys(p for e in main for p in e.places))
                out.append(replace(c, places=places, event_type=event_type_of_events(main)) if not c.aside else c)
                continue
        if ev is None or c.aside:
            out.append(replace(c, places=[]) if c.places else c)
            continue
        out.append(replace(c, places=list(dict.fromkeys(ev.places)), event_type=ev.event_type))
    return out


def _sentence_of(starts: list[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


def event_type_of_events(events: list[Event]) -> EventType:
    """The most specific type of several events (a claim that covers them all)."""
    best: EventType = "other"
    for e in events:
        if SPECIFICITY[e.event_type] > SPECIFICITY[best]:
            best = e.event_type
    return best


def event_ref_of(events: list[Event]) -> DateRef | None:
    """The article's event date reference: the first date one of its own events' sentences gives
    (an earlier event it recalls does not date it)."""
    for ev in events:
        if ev.date_ref is not None and not ev.recalled:
            return ev.date_ref
    return None


__all__ = ["EVENT_TYPES", "Trigger", "attach_claims", "event_ref_of", "event_type_of", "find_events", "triggers"]
