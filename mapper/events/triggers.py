"""Stage 4a, triggers: the words that report violence, and the kind of event each says.

A phrase lexicon (``LEXICON``) after ACLED's sub-event types, found in one Aho-Corasick
pass; a trigger is *weak* when it says someone was hurt or something hit without saying
how ("killed", "attack", "bombing", "drone"), and set aside when its context makes it no
report of this event: negated ("did not hit"), figurative ("hunger strike"), habitual or
planned ("responsible for attacks"), attributive ("the three killed soldiers"), or
recalling an earlier event ("in response to an attack on").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, get_args

from .. import rx
from ..casualties import running_total_after
from ..dates import find_dates
from ..gates import gated
from ..models import Event, EventType
from ..text import GAPS, lower_finds_ignorecase

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

# where a missile or a shell came down: "casualties at an impact site in X" (weak: a place or a toll makes it one)
_IMPACT_PHRASES = "impact site, impact sites, site of impact, point of impact, impact point"

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
        "grad, tank fire, indirect fire, bombardment, bombarded, bombarding, projectile, projectiles, "
        + _IMPACT_PHRASES
    ),
    "remote_explosive_ied": (
        "roadside bomb, roadside bombs, car bomb, car bombs, car-bomb, carbomb, truck bomb, bomb, bombs, "
        "bombing, bombings, bombed, ied, ieds, improvised explosive device, improvised explosive devices, "
        "explosive device, explosive devices, explosives, landmine, landmines, land mine, land mines, booby "
        "trap, booby-trap, booby-trapped, sticky bomb, explosion, explosions, blast, blasts, detonated, "
        "exploded, went off, grenade, grenades, hand grenade, hand grenades, grenade attack, grenade attacks, "
        # what attackers destroyed with explosives: "miscreants blew up a gas pipeline near X"
        "blew up, blown up, blowing up"
    ),
    "suicide_bomb": (
        "suicide bomber, suicide bombers, suicide bombing, suicide bombings, suicide attack, suicide attacks, "
        "suicide attacker, suicide car bomb, suicide vest, suicide vests, blew himself up, blew herself up, "
        "blew themselves up"
    ),
    "armed_clash": (
        "clash, clashes, clashed, fighting, firefight, firefights, gunfight, gun battle, gun battles, "
        "gunbattle, battle, battles, exchanged fire, exchange of fire, skirmish, skirmishes, offensive, "
        "small arms fire, machine gun fire, heavy machine gun fire, "
        "ambush, ambushed, engaged, raid, raids, raided, operation, operations, assault, assault force, "
        "security force, combined force"
    ),
    "attack": (
        "shooting, shootings, shot, shot dead, gunmen, gunman, gunfire, sniper fire, opened fire, open fire, "
        "stabbing, stabbed, massacre, massacred, assassinated, assassination, executed, beheaded, murdered, "
        "behead, beheads, beheading, beheadings, decapitated, hacked to death, cut the throats, slit the throats, "
        "slashed the throats, throats cut, throats slit, "
        "killing, killings, killed, kills, kill, attack, attacks, attacked, attacking, martyred, opened firing, "
        "gunned down, neutralized, neutralised, liquidated, eliminated, slaughtered, slaughtering, stormed, storming, "
        "overran, overrun, overrunning, fired on, fired at, fired upon, "
        # the dead counted when the attackers left: "When they left before dawn, 31 people were dead"
        "were dead, was dead"
    ),
    "other": (
        "actions, military action, military actions, "
        "strike, strikes, struck, striking, hit, hits, targeted, targeting, destroyed, wounded, injured, wounding, "
        "injuring"
    ),
}
# weak triggers: they say someone was hurt or something was hit, not what kind of violence
WEAK = frozenset(
    "killing killings killed kills kill attack attacks attacked attacking strike strikes struck striking hit hits "
    "bombing bombings bombed actions "
    "targeted targeting destroyed wounded injured wounding injuring operation operations security force combined force "
    "assault "
    "force engaged raid raids raided shell shells bomb bombs jets drone drones battle battles offensive "
    "exploded explosion explosions blast blasts detonated grenade grenades martyred neutralized neutralised "
    "liquidated stormed storming overran overrun overrunning".split()
) | frozenset(p.strip() for p in _IMPACT_PHRASES.split(","))
WEAK |= {
    "blew up",
    "blown up",
    "blowing up",
    "were dead",
    "was dead",
    "eliminated",
    "fired on",
    "fired at",
    "fired upon",
}
_FIRED_ON = frozenset({"fired on", "fired at", "fired upon"})
# what was fired on and not hit: "rockets fired at Ain al-Asad were intercepted"
_FIRED_MISSED_AFTER = rx.compile(
    r"[^.;]{0,120}?\b(?:intercepted|shot\s+down|downed|fell\s+short|missed|brought\s+down)\b", re.I
)
# a time, not what was fired on: "the missiles fired on Monday", "fired at dawn", "fired at about 3 a.m."
_FIRED_WHEN_AFTER = rx.compile(
    r"\s+(?:(?:about|around|approximately|least)\s+)?(?:\d|dawn|dusk|night|noon|midnight|sunrise|sunset|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|random|will|close\s+range|point[\s-]blank)",
    re.I,
)
# an assault by a crowd or a side of a match, not by arms: "protesters stormed the parliament", "stormed out of
# the talks", "stormed to victory"
_STORM_WORDS = frozenset({"stormed", "storming", "overran", "overrun", "overrunning"})
_CROWD_BEFORE = rx.compile(
    r"\b(?:protesters?|demonstrators?|crowds?|mobs?|rioters?|fans|supporters|students|activists|worshippers|"
    r"settlers|inmates|prisoners|workers|farmers|police|officers|budgets?|costs?|water|floods?|floodwaters?|"
    r"tourists|migrants)\b",
    re.I,
)
_WORKERS_AFTER = rx.compile(
    r"\s+(?:[\w-]+\s+)?(?:workers|employees|staff|doctors|nurses|teachers|miners|drivers|truckers|dockers|"
    r"unions?|members|lecturers|pilots|farmers)\b",
    re.I,
)
_STORM_AFTER = rx.compile(
    r"\s+(?:out|off|away|back|home|onto\s+the\s+(?:pitch|field|stage)|to\s+(?:victory|power|the\s+top|a\s+win|"
    r"the\s+lead|first|second|office)|into\s+the\s+(?:lead|final|record))\b|\s+(?:its|their|the)\s+budget\b|\s+by\s+"
    r"(?:protesters|demonstrators|crowds?|fans|tourists|migrants|weeds|rats|water)\b",
    re.I,
)
# arms dropped or fired on something are an attack of their own ("the jets dropped at least two bombs on the
# compound"), not arms carried or found
_DROPPED_ARMS = frozenset({"bomb", "bombs", "shells", "rockets", "missiles", "grenade", "grenades"})
_DROPPED_BEFORE = rx.compile(
    r"\b(?:dropped|dropping|drop|drops|fired|firing|lobbed|lobbing|hurled|hurling|threw|throwing|launched)\s+"
    r"(?:(?:at\s+least|about|some|more\s+than|two|three|four|five|six|several|a|an|the|\d+|[a-z]+-?guided|"
    r"heavy|large|powerful|incendiary|cluster|unguided)\s+){0,3}$",
    re.I,
)
_DROPPED_ON_AFTER = rx.compile(r"\s+(?:on|onto|at|into|in|near)\s", re.I)
# arms counted, then what they did: "two missiles struck the second floor", "three shells slammed into the market"
_ARMS_COUNTED_BEFORE = rx.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[a-z]+-?guided\s+|heavy\s+|large\s+)?$", re.I
)
_HIT_AFTER = rx.compile(
    r"\s+(?:struck|hit|slammed\s+into|smashed\s+into|crashed\s+into|tore\s+through|ripped\s+through|"
    r"landed\s+(?:on|in|inside)|fell\s+(?:on|in|inside))\s",
    re.I,
)
# the fire a place came under, by its arms: "came under the mortar and grenade-launcher fire from the direction of X"
_CAME_UNDER_BEFORE = rx.compile(r"\b(?:came|come|comes|coming)\s+under\s+(?:the\s+|heavy\s+|intense\s+){0,2}$", re.I)
_ARMS_FIRE_AFTER = rx.compile(r"(?:\s+and\s+[\w-]+)?\s+(?:fire|attacks?|shelling)\b", re.I)
# "bombs" and "shells" also name weapons carried or found: typed only beside an event word
WEAPON_ONLY = frozenset(
    "bomb bombs shell shells explosives rocket rockets missile missiles mortar mortars grenade grenades".split()
)

_PHRASE_TYPE: dict[str, EventType] = {}
for _type, _phrases in _LEXICON.items():
    for _p in _phrases.split(","):
        _PHRASE_TYPE.setdefault(_p.strip(), _type)


def _phrase_rx(phrases: Sequence[str]) -> re.Pattern[str]:
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(re.escape(w) for w in GAPS.split(p)) for p in alts)
    return rx.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


TRIGGER_RX = _phrase_rx(list(_PHRASE_TYPE))

# a film or a picture taken: "the film was shot in X"
_FILMED_BEFORE = rx.compile(
    r"\b(?:films?|movies?|scenes?|series|episodes?|documentar(?:y|ies)|videos?|footage|commercials?|photos?|"
    r"pictures?)\s+(?:was|were|is|are|had\s+been|has\s+been|being)\s+(?:\w+\s+)?$",
    re.I,
)
# A pattern that opens with a look-ahead on a set of characters ("(?=[abc])") lists the first
# characters of its matches, so that the engine passes over other positions quickly;
# tests/test_regex_gates.py checks that each such set holds them all.
# figurative and non-violent uses
_NOT_EVENT_BEFORE = gated(
    r"(?=[abcdefghilmnoprstvw])(?:\b(?:hunger|labou?r|general|teachers'?|workers'?|heart|panic|asthma|anxiety|price|prices|"
    # ("a nuclear first strike"; not "the first shell landed in the camp")
    r"shares?|stocks?|lucky|(?<!the\s)first|opening|shot\s+at|photo|cheap|verbal|cyber|political|legal|insurance|"
    # a cricket side's bowlers: "Bangladesh's pace attack", "a spin attack"
    r"pace|bowling|spin|seam|"
    r"sharp|scathing|blistering|stinging|withering|veiled|thinly[\s-]veiled|personal|rhetorical|"
    r"rescue|search|sting|police|customs|anti-drug|drug|surgical|military|detention|arrest|"
    # the work of aid and repair: "to supply operations in X", "demining operations", "relief operations" (not
    # an army's "clearance operation")
    r"aid|relief|humanitarian|supply|recovery|demining|mine\s+clearance|evacuation|peacekeeping|salvage|"
    r"reconstruction)\s+"
    # a trend, not an event: "as the militants step up attacks elsewhere"
    r"|\bstep(?:s|ped|ping)?\s+up\s+(?:its\s+|their\s+|the\s+)?(?:\w+\s+)?"
    # arms made: "a factory that will produce up to 350,000 shells a year"
    r"|\b(?:produc(?:e|es|ed|ing)|make|makes|making|manufactur(?:e|es|ed|ing)|build|builds|building|assembl(?:e|es|ing))"
    r"\s+(?:up\s+to\s+|about\s+|some\s+|more\s+than\s+)?(?:[\d,.]+\s+|[\w-]+\s+){0,3}"
    # arms made or bought, not used: "the production of long-range drones inside Ukraine"
    r"|\b(?:production|manufactur\w+|procurement|purchases?|deliver(?:y|ies)|shipments?|stockpiles?|supplies)\s+of\s+"
    r"(?:[\w-]+\s+){0,3}"
    # not live: "practice bombs", "dummy missiles"
    r"|\b(?:practice|dummy|inert|training|mock|simulated)\s+"
    # what aid holds: "military aid, including drones and armoured vehicles"
    r"|\b(?:military\s+aid|aid\s+package|assistance|arms\s+package|security\s+package)\b[^.;]{0,50}?"
    r"\b(?:including|such\s+as|of|with)\s+(?:[\w-]+\s+){0,3}"
    # a precaution, not an attack: "Poland scrambled fighter jets"
    r"|\bscrambl(?:e|es|ed|ing)\s+(?:its\s+|their\s+|two\s+|several\s+)?(?:[\w-]+\s+)?"
    # what is asked not to happen: "urges both sides to avoid striking civilian areas"
    r"|\b(?:avoid|avoids|avoiding|refrain\s+from|refrains\s+from|refraining\s+from)\s+"
    # seen, not struck: "scrambled fighter jets after detecting drones near its border"
    r"|\bdetect(?:s|ed|ing)\s+(?:[\w-]+\s+){0,2}"
    # a trend, not an event: "the pace of air raids in X is rising", "the combination of artillery shelling ... and air
    # raids", "the number of such attacks has risen sharply"
    r"|\b(?:pace|frequency|intensity|combination|tempo)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"|\bnumber\s+of\s+(?:such|these|those)\s+(?:[\w-]+\s+){0,2}"
    # a comparison: "interception rates lower than those of missiles"
    r"|\b(?:than|as)\s+(?:those|that)\s+of\s+(?:[\w-]+\s+)?"
    # what the ground holds: "fields seeded with cluster munitions, artillery shells and mines"
    r"|\b(?:seeded|contaminated|littered|strewn|riddled)\s+with\s+(?:[\w-]+,?\s+){0,4}"
    # what is expected or what is so whenever it comes: "analysts expect the fighting to stay", "when there is
    # gunfire anywhere"
    r"|\bexpect(?:s|ed|ing)?\s+(?:the\s+|more\s+|further\s+|new\s+)?"
    r"|\b(?:when|whenever|if)\s+there\s+(?:is|are|was|were)\s+(?:any\s+|more\s+|new\s+)?"
    # a class to compare with: "in one of the deadliest attacks in the country's history"
    r"|\bone\s+of\s+(?:the\s+|its\s+|their\s+)?(?:deadliest|worst|bloodiest|biggest|largest|heaviest|most\s+\w+)\s+"
    # attacks of a kind, not one: "such attacks have become rare in Baghdad"
    r"|\b(?:such|similar|these\s+kinds?\s+of|this\s+kind\s+of)\s+(?:\w+\s+)?)$",
    re.I,
)
# old damage, a practice described, a watch kept: none an attack of the report's (looked for where their words are)
_NOT_A_STRIKE_WORDS = (
    "scars",
    "traces",
    "marks",
    "remnants",
    "use",
    "using",
    "deployment",
    "watch",
    "surveillance",
    "monitoring",
    "observation",
)
_NOT_A_STRIKE_BEFORE = rx.compile(
    # "storefronts bear the scars of rocket damage from the war"
    r"(?:\b(?:scars|traces|marks|remnants)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
    # "the use of first-person-view drones against civilians in X"
    r"|\b(?:use|using|deployment)\s+of\s+(?:[\w-]+\s+){0,3}"
    # 'living "under constant watch" by drones'
    r"|\b(?:watch|surveillance|monitoring|observation)\b[^.;]{0,20}\bby\s+)$",
    re.I,
)
# what a search takes, and what an attack does: "seized 18 drones ... in a raid on a ranch" (a search), "killed five
# and seized weapons in a raid" (an attack)
_SEIZED = gated(
    r"\b(?:seiz(?:e|es|ed|ing)|confiscat\w+|recover(?:s|ed|ing)?|arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|"
    r"impound\w*)\b",
    re.I,
)
_RAIDED = rx.compile(r"\b(?:raid|raids|raided|raiding)\b", re.I)
_HURT_IN = rx.compile(
    r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|shot|fire|clash\w*|gunfight|martyr\w*|neutrali[sz]ed)\b", re.I
)
# light or smoke, not fire: "artillery also fired illumination flares over the plains of X"
_LIGHT_AFTER = rx.compile(
    r"\s+(?:also\s+)?(?:fired|fires|firing|dropped|drops|dropping|launched|shot)\s+(?:[\w-]+\s+)?(?:flares|"
    r"illumination\s+(?:rounds|shells|bombs)|smoke\s+(?:rounds|shells|bombs|grenades))\b",
    re.I,
)
_NOT_EVENT_AFTER = gated(
    # "where the bombs and the aircraft were made": weapons made or sold, not used
    r"^(?:\s+(?:and\s+)?[\w-]+){0,4}?\s+(?:were|was|are|is|had\s+been)\s+(?:made|manufactured|built|produced|"
    r"assembled|sold|supplied|bought|purchased|exported)\b|"
    r"^(?:\s+(?:up|down|to\s+fame|through\s+the\s+roof|back|a\s+video|a\s+film|the\s+film|films?|footage|"
    r"photos|prices|record|headlines|the\s+market)\b|\s*-\s*(?:free|proof))|"
    # a warning of one, or cover from it: "if air raid sirens sound", "an air-raid alert", "a bomb shelter"
    # ("a ballistic missile threat", "the drone danger")
    r"^[\s-]+(?:sirens?|alerts?|alarms?|warnings?|shelters?|drills?|threats?|danger)\b|"
    # what goes on day after day, not an event: "the exchange of fire goes on almost every day"
    r"^\s+(?:goes|go|continues|continue|carries|carry)\s+on\s+(?:almost\s+|nearly\s+)?(?:every\s+(?:day|night)|daily)\b|"
    # a practice, not an event: "the targeting process", "the strike policy"
    r"^\s+(?:process|processes|policy|policies|guidelines|procedures|doctrine|capabilit(?:y|ies))\b|"
    # a blow, not a strike: "shortages of medicines had hit the town hard"
    r"^\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?hard\b|"
    # what a strike can do, said in general: "a single mistaken strike can outweigh ..."
    r"^\s+(?:can|could|might|may|would|should|must)\s+(?!be\s+heard|have\b)[a-z]+|"
    # one to come: "a summer offensive that is expected to target X"
    r"^\s+(?:that|which)\s+(?:is|are|was|were)\s+(?:expected|planned|due|likely|set|poised)\s+to\b|"
    # a bargain, not a blow: "struck a deal", "strike a balance", "struck a conciliatory tone"
    r"^\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|bargain|balance|chord|tone|note|compromise|"
    r"partnership|pact|truce|ceasefire)s?\b|"
    # the staff of a standing operation: "the operation's media information officer in X"
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:officers?|spokes(?:man|woman|person)|commanders?|headquarters|staff|directors?|"
    r"chiefs?)\b|"
    # a place or a staff of work: "the field's operations centre", "an operations room"
    r"^\s+(?:cent(?:re|er)s?|rooms?|managers?|staff|departments?|directors?)\b|"
    # a unit named by its weapon: "commanded an artillery unit", "drone operators", "a missile brigade"
    r"^\s+(?:units?|battalions?|brigades?|regiments?|batter(?:y|ies)|divisions?|squads?|crews?|operators?|"
    r"commanders?|schools?|academ(?:y|ies)|teams?|pilots?|"
    # the men and means that make bombs safe: "a bomb disposal squad", "bomb detectors", "sniffer dogs"
    r"disposal|detectors?|detection|sniffer|sniffing)\b|"
    # a dispute, not a fight: "has clashed with other field commanders over the division of spoils"
    r"^\s+with\s+(?:[\w-]+\s+){0,3}?(?:commanders?|leaders?|officials?|ministers?|colleagues|rivals?|allies|critics|"
    r"government|president|prime\s+minister)\s+over\b|"
    # flying, not striking: "drones overhead all night"
    r"^\s+(?:overhead|circling|hovering|buzzing|loitering)\b|"
    # a sonic boom's: "a sonic boom from Israeli jets breaking the sound barrier"
    r"^\s+(?:[\w-]+\s+)?breaking\s+the\s+sound\s+barrier\b|"
    # a picture of one: "Arma 3 battle scenes"
    r"^\s+(?:scenes?|footage|simulations?|games?)\b|"
    # the event named to qualify others: "massacre victims", "bombing survivors", "the attack anniversary"
    r"^\s+(?:victims|survivors|anniversary|memorial|suspects?|perpetrators|trial|inquiry|investigation|"
    # ("Verdict in Mopti bombing case")
    r"compensation|case|cases|verdict|convicts?)\b|"
    # an industry, not a use: "sanctions targeting its drone makers", "missile technology"
    r"^\s+(?:costs?|prices?|price\s+tags?|makers?|manufacturers?|producers?|industry|programm?es?|production|"
    r"exports?|components|(?:spare\s+)?parts|sales|deliveries|contracts|technology|"
    r"ammunition|munitions|factor(?:y|ies)|plants?|workshops?|warehouses?|depots?|storage|caches?)\b|"
    # flying, shown or kept, not striking: "fighter jets flew over the parade ground", "the drones, displayed on
    # the tarmac", "the drones will be stationed in X"
    # ("warplanes flew at low altitude over X, breaking the sound barrier")
    r"^\s+(?:and\s+[\w-]+\s+)?(?:flew|fly|flying|flies)\s+(?:low\s+|at\s+(?:a\s+)?(?:very\s+)?(?:low|high)\s+altitudes?\s+)?"
    r"(?:over|past|above|overhead|in\s+formation)\b|"
    # a hurt of the body, not of arms: "injuring his knee", "injured her ankle in training"
    r"^\s+(?:his|her|their)\s+(?:[\w-]+\s+)?(?:knees?|ankles?|backs?|legs?|arms?|hands?|shoulders?|hamstrings?|"
    r"feet|foot|wrists?|hips?|groins?|thighs?|calf|calves|elbows?|fingers?|toes?)\b|"
    r"^,?\s+(?:displayed|on\s+display|parked|stationed|unveiled|showcased|(?:will|would)\s+be\s+(?:stationed|based|"
    r"deployed|delivered)|(?:delivered|supplied|sold|handed\s+over)\s+(?:to|by|from|last|this|earlier|in)\b)\b|"
    # how often they come, said in general: "Air strikes were rare in the West Bank"
    r"^\s+(?:were|are|was|is|have\s+been|had\s+been|remain|remained)\s+(?:rare|uncommon|common|commonplace|frequent|"
    r"routine|unusual|a\s+rarity)\b|"
    # a figure of speech: "to strike at the roots of the conflict"
    r"^\s+at\s+the\s+(?:roots?|heart|core)\s+of\b|"
    # words, not arms: "an attack on the Iranian nation", "a sharp attack on the Union government"
    r"^\s+(?:on|against)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:government|administration|"
    r"opposition|nation|sovereignty|dignity|democracy|freedom|constitution|judiciary|press|media|values|policy|"
    r"policies|budget|bill|critics|reputation|integrity|rule\s+of\s+law)\b(?!\s+(?:building|offices?|"
    r"headquarters|compound|house|palace|complex|forces|troops|convoy|in\b|at\b))",
    re.I,
)
# the sound of a drill or of a blast on purpose: "the blasts heard in X were part of a planned training exercise",
# "the explosions were caused by a controlled detonation of old munitions"
BLAST_WORDS = frozenset({"blast", "blasts", "explosion", "explosions", "bang", "bangs", "booms"})
DRILL_SOUND_AFTER = rx.compile(
    r"\s+(?:heard\s+(?:in|over|across|near|around)\s+[^.;]{1,40}?\s+)?(?:were|was)\s+(?:"
    # ("the blasts heard over X were air defence")
    r"(?:the\s+(?:sound|work)\s+of\s+)?air\s+defen[cs]es?\b(?!\s+(?:sites?|positions?|systems?|batter))|(?:part\s+of|from)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|training)|(?:caused\s+by|the\s+result\s+of|due\s+to|"
    r"the\s+sound\s+of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:detonations?|exercises?|drills?|demolitions?|"
    r"training))\b",
    re.I,
)
# no word of one at all: "There was no immediate word of Israeli military action in Yemen" (not "no reports of
# casualties from the strike", which tells of one)
_NO_WORD_OF_BEFORE = rx.compile(
    r"\b[Nn]o\s+(?:immediate\s+|independent\s+|official\s+|further\s+)?(?:word|sign|signs|reports?|confirmation|"
    r"indication|evidence)\s+of\s+(?:any\s+|an?\s+)?"
    r"(?:(?!(?:from|in|at|on|after|by|during|casualties|damage|injuries|deaths|dead|victims)\b)[\w-]+\s+){0,3}$"
)
_NOT_DONE_AFTER = rx.compile(
    r"\s+(?:was|were|has|have|had)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:carried\s+out|executed|launched|conducted|"
    r"implemented|made|approved)\b|\s+(?:did|does|do)\s+not\s+(?:take\s+place|happen|go\s+ahead)\b",
    re.I,
)
# an attack stopped before it was made: "A massacre has been prevented", "the bombing was foiled"
_STOPPED_AFTER = rx.compile(
    r"(?:\s+(?:of|on|at|in|against|targeting)\s+[^.,;:]{1,60}?)?\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:narrowly\s+|successfully\s+)?(?:prevented|foiled|"
    r"thwarted|averted|aborted)\b",
    re.I,
)
# what is heard from afar: "said they heard heavy gunfire and explosions for hours"
_SOUND_WORDS = frozenset({"explosion", "explosions", "blast", "blasts", "gunfire", "shelling", "fighting", "clashes"})
_HEARD_BEFORE = rx.compile(
    r"\b(?:heard|hear|hears|hearing)\s+(?:the\s+(?:sounds?|noise)\s+of\s+)?(?:(?:heavy|loud|intense|sporadic|distant|"
    r"several|many|more|two|three|\w+\s+and)\s+){0,3}(?:(?:gunfire|shelling|explosions?|blasts?)\s+(?:and|or)\s+)?$",
    re.I,
)
# explosions a ceasefire monitor counts, as its reports write them: "the SMM recorded 33 undetermined explosions" (the
# verbs are the gate's words too: one of them is in every match)
_RECORDED_WORDS = ("recorded", "registered", "heard", "counted", "logged")
_RECORDED_BEFORE = rx.compile(
    rf"\b(?:{'|'.join(_RECORDED_WORDS)})\s+(?:about|some|around|at\s+least|more\s+than|over)?\s*"
    r"\d[\d,]*\s+(?:(?:undetermined|unidentified|unknown|outgoing|incoming)\s+)?$",
    re.I,
)
# weapons named as hardware, not as fire: "multiple launch rocket systems", "missile launchers"
_HARDWARE_WORDS = frozenset({"rocket", "rockets", "missile", "missiles", "mortar", "mortars", "artillery"})
_HARDWARE_AFTER = rx.compile(
    r"\s+(?:systems?|launchers?|pieces?|positions?|batter(?:y|ies))\b(?!\s+(?:fired|struck|hit))", re.I
)
# a weapon's calibre in brackets after its name: "(BM-21 Grad, 122mm)", "(D-30, 122mm)": a description of arms seen
_CALIBRE_AFTER = rx.compile(r",?\s*\d{2,3}\s?mm\s*\)")
_STOPPED_WORDS = ("prevented", "foiled", "thwarted", "averted", "aborted")
# (and the next item of a list after it: "not by a drone or an air strike")
NEGATED = rx.compile(
    r"\b(?:not|n't|never|no|neither|denied|deny|denies|without|rul(?:e|es|ed|ing)\s+out)\b(?:\s+\w+){0,3}(?:\s+(?:or|nor)(?:\s+\w+)?)?\s*$",
    re.I,
)
_MAY_HAVE_BEFORE = rx.compile(r"\b(?:may|might|could)\s+(?:also\s+|well\s+)?have\s+(?:been\s+)?$", re.I)
# a relation that names its subject, before its verb: "Insurgents linked to the Islamic State group raided X" (not
# "a man linked to the bombing", "suspected of having attacked")
_SUBJECT_RELATION = rx.compile(
    r"(?:linked\s+to|associated\s+with|loyal\s+to|allied\s+(?:to|with)|affiliated\s+(?:to|with))\s+"
    r"(?:[\w'’-]+\s+){1,6}?(?<!having\s)(?<!being\s)(?<!been\s)",
    re.I,
)
# a modal verb just before the event word: "could strike", "will soon attack", "might also bomb"
_MODAL_BEFORE = rx.compile(
    r"\b(?:could|would|might|may|will|shall|can|should|must)\s+"
    r"(?:(?:also|again|soon|still|yet|now|then|easily|only|even|well)\s+)?"
    # "would let the armed forces strike terrorists wherever they hide"
    r"(?:(?:let|allow|enable|help)\s+(?:[\w-]+\s+){0,3}?(?:to\s+)?[\"“]?)?"
    # "would resume targeting vessels", "will continue to strike"
    r"(?:(?:resume|continue|start|begin|keep|stop)\s+(?:to\s+)?)?"
    # (a quotation that opens on the verb: 'said its forces would "strike the port of X"')
    r"[\"“‘']?$",
    re.I,
)
# a bomb made safe, just before its word: "defused a car bomb", "defused a vehicle loaded with explosives"
_MADE_SAFE_BEFORE = gated(
    # ("detected and safely detonated three IEDs planted along the road": a controlled detonation)
    r"\b(?:defus(?:e|es|ed|ing)|disarm(?:s|ed|ing)?|dismantl(?:e|es|ed|ing)|deactivat(?:e|es|ed|ing)|made\s+safe|"
    r"rendered\s+safe|"
    r"(?:safely|harmlessly)\s+(?:detonat(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|exploded)|"
    r"detonat(?:e|es|ed|ing)\s+(?:them\s+|it\s+)?(?:safely|harmlessly|in\s+a\s+controlled))\s+(?:[\w-]+\s+){0,6}?$",
    re.I,
)
_SAFELY_BEFORE = rx.compile(r"\b(?:safely|harmlessly)\s+$", re.I)
# a device found before it went off: "officers found an improvised explosive device made from a mortar round"
_DEVICE_WORDS = frozenset(
    {"bomb", "bombs", "car bomb", "ied", "ieds", "explosive device", "explosives", "mortar round", "grenade", "mine"}
)
_FOUND_BEFORE = rx.compile(
    r"\b(?:found|discovered|uncovered|seized|recovered)\s+(?:an?|the|two|three|several)\s+(?:[\w-]+\s+){0,7}?$", re.I
)
# attackers stopped before they struck: "stopped two suspected suicide bombers at a checkpoint",
# "arrested three gunmen" (what they did, if anything, has its own words)
_ATTACKER_WORDS = frozenset({"bombers", "suicide bomber", "suicide bombers", "suicide attacker", "gunmen", "gunman"})
_STOPPED_BEFORE = rx.compile(
    r"\b(?:stopped|arrested|detained|apprehended|intercepted|caught|nabbed|captured|held)\s+(?:[\w-]+\s+){0,4}?$",
    re.I,
)
# a warning of one that may come: "warned that an assault on X", "warns that any attack on Y"
_WARNED_OF_ONE_BEFORE = rx.compile(r"\bwarn(?:s|ed|ing)?\s+(?:that\s+)?(?:an?|any)\s+(?:[\w-]+\s+){0,2}$", re.I)
# a clause that opens a sentence on the event told before: "Following the attack, ...", "After the bombing, ..."
_FOLLOWING_BEFORE = rx.compile(
    r"[\s\"“]*(?:Following|After|Since|In\s+the\s+wake\s+of|In\s+response\s+to|Despite)\s+(?:the|this|that|these|those)\s+"
    r"(?:[\w-]+\s+){0,2}?"
)
_COMMA_AFTER = rx.compile(r"\s*,")
# an attempt, not what it did: "attempted to attack X with UAVs", "made an attempt to strike" (not "tried to
# storm a post, killing two": its toll is a word of its own)
_ATTEMPTED_BEFORE = rx.compile(
    r"\b(?:attempt(?:ed|s|ing)?|(?:made|mounted)\s+an?\s+(?:unsuccessful\s+|failed\s+)?attempt)\s+(?:to|an?)\s+$", re.I
)
# activity that is habitual, planned or earlier, not this event
# the verbs of an attack planned or prepared, not made: "to carry out attacks", "used to plan attacks in X"
PLAN_VERBS = r"(?:carry\s+out|conduct|plan|launch|stage|mount|prepare)"
_NOT_THIS_EVENT = gated(
    r"(?=[\dabcdefghiklmnoprstuvw])\b(?:responsible\s+for|involved\s+in|planning|planned|plans\s+to|plotting|"
    # "threatened on Tuesday to attack", "vowed again to strike", "were about to place a bomb"
    r"(?:threaten(?:s|ed|ing)?|vow(?:s|ed)?)\s+(?:[\w'’-]+\s+){0,3}?to|(?:was|were|is|are)\s+about\s+to|"
    # a drill, a plan, an accusation, a promise: "practised ... attacking simulated targets", "had prepared a
    # wave of air strikes", "accuses the army of bombing civilians in X", "will keep targeting ships"
    r"practi[cs](?:ed|es|ing|e)|rehears\w+|simulat\w+|war\s+games|prepar(?:ed|es|ing)|read(?:ied|ying|ies)|drew\s+up|"
    r"accus\w+\s+(?:[\w'’-]+\s+){0,4}?of|(?:will|would)\s+(?:keep|continue)|"
    # what is expected, not what happened: "an offensive expected to target X", "poised to strike"
    r"expected\s+to|poised\s+to|"
    r"(?:facilitat|coordinat|direct|conduct|organiz|organis|lead|led)\w*\s+(?:\w+\s+){0,3}?(?:attacks|operations)|"
    # leave asked for, not an act: "appealed for permission to hit the airfields", "the green light to strike"
    r"permission\s+to|green\s+light\s+to|authori[sz]ation\s+to|"
    # (or the strikes themselves, asked for: "the government appealed for NATO airstrikes")
    # (not a unit's call for air support, which came: "coalition forces called for air support")
    r"(?:appeal(?:ed|s|ing)?|plead(?:ed|s|ing)?|pled)\s+for(?=\s+(?:(?:more|further|new|fresh|renewed|"
    r"immediate|urgent|international|foreign|allied|western|nato|us|u\.s\.|american|russian|coalition|punitive|"
    r"retaliatory|targeted)\s+){0,2}$)|"
    r"known\s+for|accused\s+of|suspected\s+of|linked\s+to|tasked\s+(?:with|to)|instructed\s+to|trained\s+to|"
    r"associated\s+with|to\s+avenge|ahead\s+of|"
    # what a place or a man is known for: "Khan Sheikhoun is remembered for the sarin attack", "rose through the ranks
    # during the group's operations in X"; what a group has done again and again: "have used drones to attack"
    r"remembered\s+for|infamous\s+for|notorious\s+for|synonymous\s+with|rose\s+through\s+the\s+ranks|"
    # ("Kocho became a symbol of the genocide after militants killed hundreds of men")
    r"(?:became|become|becomes|has\s+become)\s+(?:a|the)\s+(?:[\w-]+\s+)?symbol\s+of|"
    r"(?:has|have)\s+(?:\w+\s+)?used|"
    r"prevent(?:s|ed|ing)?|foil(?:s|ed|ing)?|thwart(?:s|ed|ing)?|would\s+be|could\s+be|may\s+be|capable\s+of|used\s+to\s+carry\s+out|"
    r"(?:could|would|might|may)\s+(?:trigger|lead\s+to|cause|spark|provoke|unleash|bring)|"
    rf"to\s+{PLAN_VERBS}|warned\s+of|fears?\s+of|risk\s+of|threat\s+of|"
    r"since\s+(?:the\s+)?(?:start|beginning)|perpetrators\s+of|massing\s+for|preparing\s+(?:for|to)|pattern\s+of|"
    # a habit, not this event: "has repeatedly targeted the group in X", "regularly carries out strikes in
    # X" (in the present: not "repeatedly shelled X on Monday"); what was "previously documented"
    r"(?:has|have|had)\s+(?:repeatedly|frequently|regularly|routinely|often|previously)(?=\s)|"
    # a discovery, not an attack: "found the bodies of 31 men, bound and shot"
    r"(?:found|discovered|recovered)\s+(?:the\s+)?bodies\s+of|"
    # a day of remembrance: "to mark the anniversary of the massacre", "commemorating the bombing"
    r"anniversar(?:y|ies)\s+of|commemorat\w+|in\s+memory\s+of|"
    # "Kramatorsk marks three years since the station missile strike", "to mark five years since jihadists overran"
    r"mark(?:s|ed|ing)?\s+(?:\w+\s+){1,2}(?:years?|months?|decades?)\s+since|"
    # "Two years on, Balakliia remembers the station cafe strike"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?|decades?)\s+on(?=\s*[,:;–—])|"
    # a denial or a correction of reports: "denied reports circulating on social media that drones had struck X",
    # "reports of a drone strike on X are false"
    r"(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|debunk(?:ed|s|ing)?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:reports?|claims?|allegations?|rumou?rs?|accounts?|news|stories|story)\b|"
    # what was only guessed at: "videos prompted speculation that the depot had been hit in fighting"
    r"(?:speculation|rumou?rs?)\s+that)\b"
    # to the trigger, within its clause: not past the end of an apposition ("X, an official linked
    # to Hariri, was killed by a car bomb")
    r"(?:(?!,\s+(?:was|were|is|are|has|have|had)\b)[^.;])*$",
    re.I,
)
# a denial of a claim told at length: 'rejected as "pure propaganda" a claim by the group that its fighters
# had attacked a camp in X' (farther back than the words before an event word that _NOT_THIS_EVENT reads)
_DENIED_CLAIM_BEFORE = rx.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:e|ed|es|ing)|debunk(?:ed|s|ing)?)\s"
    # (the event word among the first of what was claimed: "that its fighters had attacked", not "claims that
    # Washington notified Baghdad before an overnight bombing"); or denied outright: "denied that an air force
    # drone had struck X"
    r"(?:[^.;]{0,60}?\b(?:reports?|claims?|allegations?|rumou?rs?)\s+(?:by\s+[^.;]{0,80}?\s+)?)?that\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_DENIAL_WORDS = ("den", "dismiss", "reject", "refut", "debunk")
# where a denied claim ends and the sentence's own words go on
_CLAIM_ENDS = rx.compile(
    r",\s+(?:saying|adding|but|while|although|though)\b|\b(?:but|although|though|while|whereas)\s|[;:]", re.I
)
# threatened, not carried out: "threatened missile strikes on the bridges", "threatens strikes on X"
_THREATENED_BEFORE = rx.compile(r"\bthreat(?:en|ens|ened|ening)\s+(?:[\w-]+\s+){0,2}$", re.I)
# reports said to be false: "reports of a drone strike on X are false"
_REPORTS_OF_BEFORE = rx.compile(r"\breports?\s+(?:of|that)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_FALSE_AFTER = rx.compile(
    r"[^.;]{0,80}?\b(?:are|were|was|is)\s+(?:completely\s+|entirely\s+)?(?:false|untrue|fake|baseless|unfounded|"
    r"fabricated|incorrect)\b",
    re.I,
)
# air defences at work: "bursts of machine-gun fire as mobile fire groups engaged the drones"
_AIR_DEFENCE = rx.compile(
    r"\b(?:air[\s-]defen[cs]es?|anti-?aircraft|mobile\s+fire\s+groups?|engag(?:ed|ing)\s+(?:the\s+)?drones)\b", re.I
)
_GUNFIRE_WORDS = frozenset(
    {"gunfire", "machine gun fire", "heavy machine gun fire", "small arms fire", "shooting", "opened fire"}
)
# drones or missiles brought down: "intercepted two Ukrainian drones", "shot down a missile" (the events
# stage's tallies of them too)
DOWNED = (
    r"(?:shot\s+down|shooting\s+down|brought\s+down|bringing\s+down|bring\s+down|intercepted|intercepting|downed|"
    r"downing|downs)"
)
MUNITIONS = r"(?:drones?|UAVs?|missiles?|rockets?|projectiles?|Shaheds?|aerial\s+vehicles?)"
# brought down, as a headline says it: "rockets downed over region"
_DOWNED_JUST_AFTER = rx.compile(rf"\s+(?:{DOWNED}|destroyed\s+in\s+(?:the\s+)?air)\b", re.I)
# ("shot down two anti-ship ballistic missiles and three one-way attack drones", "downs Houthi missiles, drones")
_DOWNED_BEFORE = rx.compile(
    rf"\b{DOWNED}\s+(?!by\b)(?:(?!(?:but|while|as|then|which|who|before|after|when)\b)[\w-]+,?\s+){{0,8}}$", re.I
)
# "a drone was also shot down near the refinery"; "attacks on the airbase were repelled": nothing hit
_DOWNED_AFTER = rx.compile(
    rf"[^.;]{{0,80}}?\b(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:also\s+|successfully\s+)?"
    rf"(?:{DOWNED}|repelled|repulsed|thwarted|foiled|averted)\b",
    re.I,
)
_DOWNED_REACH = 110  # characters: "shot down two anti-ship ballistic missiles and three one-way attack drones"


def _downed_before(text: str, start: int, end: int) -> bool:
    """Whether the munitions word at ``end`` is the object of a verb of bringing down."""
    low = text[start:end].lower()
    return ("down" in low or "intercept" in low) and _DOWNED_BEFORE.search(text, start, end) is not None


# munitions bought, sold, delivered or held: "has also bought Turkish drones", "received a new batch of
# Turkish-made Akinci and TB2 combat drones", "its arsenal of ballistic missiles"
_TRADED_BEFORE = gated(
    r"\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|order(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|"
    r"deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|sell|sells|sold|selling|procur(?:e|es|ed|ing)|import(?:s|ed|ing)?|"
    r"export(?:s|ed|ing)?|transfer(?:s|red|ring)?|deliver(?:y|ies)\s+of|shipments?\s+of|batch(?:es)?\s+of|"
    r"fleet\s+of|stocks?\s+of|stockpiles?\s+of|arsenals?\s+of|inventory\s+of|(?:talks|deal|contract|orders?)\s+for|"
    r"produc(?:e|es|ed|ing|tion\s+of)|manufactur(?:e|es|ed|ing)|develop(?:s|ed|ing)?|unveil(?:s|ed|ing)?|"
    r"display(?:s|ed|ing)?|showcas(?:e|es|ed|ing)|paraded|show(?:s|ed|ing)?\s+off|"
    # seized or made over, not used: "troops seized 14 drones, more than 300 IEDs", "a workshop used to adapt
    # commercial drones"
    r"seiz(?:e|es|ed|ing)|confiscat(?:e|es|ed|ing)|impound(?:s|ed|ing)?|smuggl(?:e|es|ed|ing)|caches?\s+of|"
    # found or stopped before use: "found three rocket launchers", "intercepted a minibus loaded with explosives"
    r"recover(?:s|ed|ing)?|found|finds?|finding|discover(?:s|ed|ing)?|uncover(?:s|ed|ing)?|intercept(?:s|ed|ing)?|"
    r"stash(?:es)?\s+of|hauls?\s+of|adapt(?:s|ed|ing)?|modif(?:y|ies|ied|ying)|convert(?:s|ed|ing)?|"
    r"hand(?:s|ed|ing)?\s+over|surrender(?:s|ed|ing)?)\s+"
    # (a list goes on past a comma, a new clause does not: "received drones on Monday, and its drones hit X")
    r"(?:(?!(?:at|on|against|into|toward|towards|from|over)\b)[\w'’-]+(?:,(?!\s+(?:and|but|while|then)\b))?\s+){0,8}$",
    re.I,
)
# arms found or taken, said after them: "two hand grenades were recovered" (not "was found to have been fired")
_FOUND_AFTER = gated(
    # (past a list: "a suicide vest, two pistols and a map of the procession route were recovered")
    r"(?:(?!\b(?:hit|struck|killed|exploded|landed|fired)\b)[^.;]){0,90}?\b(?:was|were|had\s+been|have\s+been|"
    r"has\s+been)\s+(?:also\s+)?"
    r"(?:recovered|seized|found|confiscated|impounded|discovered|uncovered)\b(?!\s+to\b)",
    re.I,
)
# ordnance left from fighting that went off, not an attack: "an unexploded artillery shell they found detonated"
# (and what it did: "when an unexploded shell they found in a field detonated")
_LEFT_OVER_BEFORE = rx.compile(r"\b(?:unexploded|leftover|left-over)\s", re.I)
# a toll whose cause is such ordnance: "two children were killed when an unexploded shell went off"
_LEFT_OVER_CAUSE_AFTER = rx.compile(
    r"[^.;]{0,80}?\b(?:when|after|as)\b[^.;]{0,40}?\b(?:unexploded|leftover|left-over)\s", re.I
)
# what was blown up, after the words: "blew up a main gas pipeline", "was blown up by militants"
_BLEW_UP_WHAT = rx.compile(
    r"\s+(?:a|an|the|two|three|four|several|its|their|his|part\s+of|one\s+of|sections?\s+of|by)\b", re.I
)
# what carried explosives then did: "a motorcycle loaded with explosives blew up near a bank" (a bomb)
_WENT_OFF_AFTER = rx.compile(r"[^.;]{0,60}?\b(?:blew\s+up|exploded|detonated|went\s+off|rammed)\b", re.I)
_CARRIED_BEFORE = rx.compile(
    # ("a drone carrying two kilograms of explosives")
    r"\b(?:with|carrying|carried|transporting|loaded\s+with|laden\s+with)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_AT_SEA = rx.compile(
    r"\b(?:landed|landing|fell|falling|splash(?:ed|ing)\s+down|crashed|plunged)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:in|into|outside|off)\s+(?:[\w'’-]+\s+){0,4}?(?:sea|waters|ocean|exclusive\s+economic\s+zone|EEZ)\b",
    re.I,
)
_SEA_WORDS = ("sea", "waters", "ocean", "zone", "eez")
_AIR_WORDS = ("drone", "missile", "rocket", "projectile", "uav", "airbase", "air base", "aircraft")
# some brought down, the rest not: "most of which were intercepted", "some of the rockets were intercepted"
_PART_OF_THEM = rx.compile(r"\b(?:most|some|many|several|half|part|all\s+but\s+\w+)\s+of\b", re.I)
# a habit's adverb just before the event word, or its verb: "routinely bombs", "often carries out raids"
_HABIT_WORDS = ("regularly", "routinely", "frequently", "often", "usually", "typically", "periodically")
_HABIT_BEFORE = rx.compile(
    rf"\b(?:{'|'.join(_HABIT_WORDS)})\s+(?:(?![a-z]+ed\b)[a-z]+\s+(?:out\s+)?(?:[\w-]+\s+){{0,3}})?$",
    re.I,
)
# what is looked into or called off, just before the event word
_LOOKED_INTO_BEFORE = rx.compile(
    r"\b(?:investigat(?:e|es|ed|ing)|(?:investigation|inquiry|probe)\s+into|(?:end|halt|stop)\s+to|"
    # a report on past events: "the mission also examined the shelling of X", "devotes particular attention to the
    # killings in X"
    r"examin(?:e|es|ed|ing)|document(?:s|ed|ing)|devot(?:e|es|ed|ing)\s+(?:\w+\s+)?attention\s+to|"
    # "ordered Israel to halt its offensive in Rafah"
    r"to\s+(?:halt|stop|end|cease|suspend)\s+(?=(?:its|their|the|all|any)\s|$)|"
    # "made no progress toward ending the fighting", "pauses in fighting"
    r"(?:ending|halting|stopping|ended|halted)\s+(?=(?:its|their|the)\s)|(?:pauses?|lulls?)\s+in)\s*"
    r"(?:(?:the|an?|this|that|these|those|its|their|[A-Z][\w-]*['’]s)\s+)?(?:[\w-]+\s+){0,2}[\"“']?$",
    re.I,
)
# what was called off: "called off the strike", "postponed the offensive", "put the operation on hold"
_CALLED_OFF_BEFORE = rx.compile(
    r"\b(?:call(?:ed|ing|s)?\s+off|cancell?(?:ed|ing|s)?|postpon(?:e|ed|es|ing)|abort(?:ed|ing|s)?|shelv(?:e|ed|es|ing)|"
    # (a headline drops the article: "Israel calls off threatened strike on X")
    r"scrapp(?:ed|ing)|scraps?)\s+(?:(?:the|its|their|an?|this|that|a\s+planned)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_CALLED_OFF_WORDS = ("call", "cancel", "postpon", "abort", "shelv", "scrap")  # (what the pattern needs)
_PUT_BEFORE = rx.compile(r"\b(?:put|puts|putting|placed)\s+(?:the|its|their|an?|this|that)\s+(?:[\w-]+\s+){0,2}$", re.I)
_ON_HOLD_AFTER = rx.compile(r"[^.;,]{0,40}?\bon\s+(?:hold|ice)\b", re.I)
# (what the pattern needs, looked for first)
_LOOKED_INTO_WORDS = (
    "investigat",
    "inquiry",
    "probe",
    "to ",
    "end to",
    "halt to",
    "stop to",
    "devot",
    "ending",
    "halt",
    "stopp",
    "ended",
    "pause",
    "lull",
    "examin",
    "document",
)
_MUNITION = rx.compile(MUNITIONS, re.I)
# the other words that name arms, which may be bought, seized or carried as well as used
_ARMS_NOUNS = WEAPON_ONLY | {
    "ied",
    "ieds",
    "improvised explosive device",
    "improvised explosive devices",
    "explosive device",
    "explosive devices",
    "landmine",
    "landmines",
    "land mine",
    "land mines",
    "suicide vest",
    "suicide vests",
}
# the words that name a kind of weapon before a munition word ("attack drones", "strike UAVs")
_WEAPON_KIND_WORDS = frozenset({"attack", "strike"})
_MUNITION_NEXT = rx.compile(rf"[\s-]+(?:{MUNITIONS}|helicopters?|aircraft|jets?|submarines?|boats?|craft)\b", re.I)
MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# what makes an operation a campaign of weeks or months, not one event
_ONGOING_AFTER = rx.compile(
    r"\b(?:(?:entered|enters|entering)\s+its|now\s+in\s+its)\s+\w+\s+(?:week|month|year)\b"
    rf"|\blaunched\s+in\s+{MONTH_NAMES}\b",
    re.I,
)
# a specific earlier event, recalled: mapped only when its sentence dates it ("in response to an
# attack on Tower 22 on 28 January"), and never the article's own event
_CAUSE = (
    r"(?:in|a|as\s+a)\s+retaliation\s+for|(?:in|a|as\s+a|the(?:\s+(?:first|latest|US|American|Israeli))?)\s+response\s+to|"
    # ("the army was responding to drone attacks on the X base")
    # (not rescuers': "as paramedics were responding to an earlier strike, killing three paramedics")
    r"revenge\s+for|retaliat\w*\s+(?:for|against)|"
    r"(?:army|military|forces|troops|government|regime|it|they)\s+(?:was|were|is|are)\s+responding\s+to|"
    r"condemn(?:ed|s|ing)?|denounc\w+"
)
# a trial, a charge or a sanction for it, anywhere before the event word in its clause: "convicted a
# former commander for the shelling of X", "have charged a former officer with war crimes ... over
# artillery bombardments of X", "sanctions commanders over attacks on civilians in X"
_TRIAL_WORDS = (
    "convict",
    "sentenc",
    "jail",
    "indict",
    "charge",
    "acquit",
    "prosecut",
    "guilty",
    "trial",
    "sanction",
    "court",
    "tribunal",
    "jury",
    "judge",
    "hearing",
    "case",
    "inquest",
)
_TRIAL_BEFORE = rx.compile(
    r"\b(?:convict(?:ed|s)|sentenc(?:ed|es|ing)|jail(?:ed|s)|indicted|charged|charges|acquitted|prosecuted|found\s+guilty|"
    r"stood\s+trial|"
    r"on\s+trial|sanction(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,12}?(?:for|over|of|in\s+connection\s+with)\b[^.;]*$|"
    # "Trial opens over Damascus church bombing"
    r"\b(?:trial|hearing|case|inquest)\s+(?:opens|opened|begins|began|starts|started|resumes|resumed)\s+(?:over|into|for)"
    r"\b[^.;]*$|"
    # what a court found: "The District Court found that the man took part in an ambush near X"
    r"\b(?:court|tribunal|judges?|jury)\s+(?:found|ruled|concluded|held|heard)\s+that\b[^.;]*$",
    re.I,
)
# "the strikes came as ...", "the attack comes amid ...", "Thursday's raid came while ..."
# (set beside what else went on; "came a week after the 3 May shelling of X" tells of earlier events,
# which their own words date)
_CAME_AFTER = rx.compile(r"\s+(?:came|comes|come)\s+(?:as|amid|while|on\s+the\s+(?:same\s+day|eve))\b", re.I)
# the fighting of the time an event is set in: "came as fighting intensified around X", "comes as heavy clashes"
_CAME_AS_BEFORE = rx.compile(r"\b(?:came|comes)\s+as\s+(?:(?:the|heavy|fierce|renewed|intense|intensified)\s+)?$")
_ANAPHOR_BEFORE = rx.compile(
    r"(?:^|\b(?:the|these|those|this|that|its|their|[A-Z][a-z]+day['’]s))\s+(?:[\w-]+\s+)?$", re.I
)
_JUDGED_BEFORE = rx.compile(
    r"(?=[bcdhjlmpstw])\b(?:said|says|called|calling|condemned|condemning|condemns|denounced|denouncing|denounces|described|"
    r"describing|branded|labell?ed|termed|decried|deplored|critici[sz]ed|hailed|praised|justified|defended|"
    r"welcomed|mourned)\s+(?:(?:on|in|at|to)\s+[\w'’-]+\s+(?:[\w'’-]+\s+)?that\s+|that\s+)?"
    r"(?:the|this|that|these|those|[A-Z][a-z]+day['’]s)\s+(?:[\w-]+\s+)?$"
)
# a reaction to the article's attack: 'said he was "appalled" by the attack'
_REACTION_BEFORE = rx.compile(
    r"\b(?:appalled|outraged|shocked|saddened|horrified|alarmed|dismayed)[\"”]?\s+(?:by|at|over)\s+"
    r"(?:the|this|these|those|[A-Z][a-z]+day['’]s)\s+(?:[\w-]+\s+)?$"
)
_JUDGING_VERB = rx.compile(
    r"\b(?:called|calling|condemned|condemning|condemns|denounced|denouncing|denounces|described|describing|"
    r"branded|labell?ed|termed|decried|deplored|critici[sz]ed|hailed|praised|justified|defended|welcomed|"
    r"mourned)\s+(?:that\s+)?\S+\s+(?:[\w-]+\s+)?$"
)
_IS_AFTER = rx.compile(
    r"\s+[\"“]?(?:was|is|were|are|had\s+been|has\s+been|showed|shows|proved|proves|amounted|amounts|constituted|"
    r"confirm|confirms|confirmed|exposed|exposes|revealed|reveals|undermined|undermines|"
    r"constitutes|marked|marks|represented|represents|demonstrated|demonstrates|underlined|underlines)\b"
)
# what a recalled event is recalled as: the cause of this one, or what someone condemns
_CAUSE_BEFORE = rx.compile(rf"\b(?:{_CAUSE})\b[^.;]*$", re.I)
_EARLIER = gated(
    rf"(?=[\dabcdefgijlmnoprstw])\b(?:{_CAUSE}|(?:revived|stirred|brought\s+back)\s+memories\s+of|reminiscent\s+of|"
    # "Last year a similar blast ...", "two years ago"
    r"(?:war|conflict|fighting|escalation|crisis)\s+(?:began|started|erupted)\s+(?:with|after|when)|"
    # what is rebuilt: "approved funds to rebuild schools damaged in militant attacks in X"
    r"(?:rebuild|repair|reconstruct|restor)\w*\s+(?:[\w-]+\s+){0,4}?(?:damaged|destroyed|hit|wrecked)\s+(?:in|by)|"
    r"(?:an?|the)\s+similar|last\s+(?:year|month)|in\s+(?:previous|past|earlier|prior)\s+(?:years|winters|summers|attacks|strikes|raids|rounds|bombings)|(?:a|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)"
    r"\s+years\s+ago|(?:a|two|three|several)\s+decades?\s+(?:ago|after)|"
    # "Last month, ten soldiers were killed in an ambush", "three weeks ago"
    r"(?:a\s+few|two|three|four|five|six|several)\s+(?:weeks|months)\s+ago|"
    # "the attack came a year after suicide bombers killed 32 in X" (not "a week after": an attack of
    # the same news, as the seeds' Tower 22 is)
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|many)\s+(?:years?|months?)\s+after|"
    r"(?:bring|brings|bringing|brought)\s+back\s+memories\s+of|"
    # "It recalled that the aggression has targeted in the past markets in X"
    r"recall(?:ed|s|ing)?\s+that|since\s+(?:several|many|some)\s+(?:months|years|weeks)|in\s+the\s+past(?!\s+(?:(?:few|several|two|three|\d+)\s+)?(?:hours?|days?|weeks?|"
    r"months?|years?|decades?|night)\b))\b[^.;]*$",
    re.I,
)


# a sentence that opens on an earlier time than the report's
_PART_OF = r"(?:(?:early|late|mid-?)\s*)?"  # "in early March", "in mid-2019"
_IN_MONTH_WORD = rf"in\s+{_PART_OF}{MONTH_NAMES}"
_IN_MONTH = _IN_MONTH_WORD + r"\s+"
# what "last" or "that" makes an earlier time without a day: "last year", "last October", "that autumn"
_LAST_WHAT = rf"(?:year|month|{MONTH_NAMES}|spring|summer|autumn|fall|winter)"
_REBURIED = rx.compile(r"\b(?:rebur(?:y|ies|ied|ial|ials)|exhum(?:e|es|ed|ing|ation|ations))\b", re.I)
_EARLIER_OPENING = rx.compile(
    rf"\s*(?:(?:{_IN_MONTH})?last\s+{_LAST_WHAT}|{_IN_MONTH}of\s+that\s+year|"
    r"earlier\s+this\s+(?:year|month)|"
    # "In April 2023, an airstrike on X killed 170": a month of another year, no day (so no date of its own)
    rf"{_IN_MONTH}(?:19|20)\d\d(?=\s*,)|"
    # "In 2018, two bombings in X killed five", "In October, gunmen killed 100 in X": a year, or a
    # month with no day
    rf"in\s+(?:19|20)\d\d(?=\s*,)|{_IN_MONTH_WORD}(?=\s*,)|"
    r"(?:a|one|a\s+few|two|three|four|five|six|several|many)\s+(?:weeks|months|years?)\s+ago|"
    # "Earlier in September, two persons were killed in X"
    rf"earlier\s+in\s+{MONTH_NAMES})\b",
    re.I,
)
# a reminder, as translated press writes one, of an earlier time's events
_REMINDER_OPENING = rx.compile(
    r"\s*(?:it\s+(?:is|was)\s+worth\s+(?:mentioning|noting|recalling)|it\s+should\s+be\s+(?:mentioned|noted|recalled)|"
    r"let\s+us\s+(?:recall|remind)|it\s+(?:is|was)\s+recalled)\b",
    re.I,
)
_REMINDER_EARLIER = rx.compile(
    r"\b(?:last\s+(?:year|month)|in\s+the\s+past|previously|a\s+year\s+ago|years\s+ago|of\s+last\s+year)\b", re.I
)
# a sentence that opens on a span of time: what it counts is a running total ("Over the past year,
# more than 30 officers have lost their lives in IED attacks in X, Y and Z")
_SPAN_OPENING = rx.compile(
    r"\s*(?:(?:over|in|during|throughout)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:years?|months?|weeks?|"
    r"decades?)|in\s+recent\s+(?:years|months|weeks)|since\s+(?:19|20)\d\d|"
    # "Since 7 October 2023, more than 950 Palestinians have been killed in the West Bank"
    rf"since\s+(?:\d{{1,2}}\s+{MONTH_NAMES}|{MONTH_NAMES}\s+\d{{1,2}})(?:,?\s+(?:19|20)\d\d)?|"
    # "Since August 2023, fighting has spread across X, and ... deaths in drone strikes"
    rf"since\s+{_PART_OF}{MONTH_NAMES}(?:\s+(?:19|20)\d\d)?)\s*,",
    re.I,
)
# a month and year, or a year: "in December 2023", "in 2019"
_MONTH_YEAR = rf"(?:{MONTH_NAMES}\s+)?(?:19|20)\d\d"  # "2019", "April 2015"
_A_YEAR = rf"{_PART_OF}{_MONTH_YEAR}\b"
_IN_YEAR = rf"in\s+{_A_YEAR}"
# "the November 2020 massacre at X", "the 2014 Mpeketoni attack": an event its year names
_DATED_BEFORE = rx.compile(
    # (not a day's number before its month: "on the night of 19 October 2024 killed" gives its day)
    rf"(?:\b[Tt]he|\b(?:over|for|of|after|since|before|following)(?:\s+the)?)\s+(?:(?!\d)[\w-]+\s+)?"
    # ("the Hamas-led Oct. 7, 2023, attack", "over 2017 Mogadishu truck bombing")
    rf"(?:(?:{MONTH_NAMES}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)\s+\d{{1,2}},\s+(?:19|20)\d\d,?|"
    rf"{_MONTH_YEAR})\s+(?:[\w-]+\s+){{0,2}}$"
)
# "laid siege to X in May 2017, sparking a battle": a sentence about another year
_IN_A_YEAR = rx.compile(
    rf"(?=[BFIbfi])(?<![Ss]ince\s)\b(?:[Ii]n\s+{_A_YEAR}(?!\s*-)|[Bb]etween\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b|"
    r"[Ff]rom\s+(?:19|20)\d\d\s+(?:to|until)\s+(?:19|20)\d\d\b)"
)
# "a strike in December 2023 killed 85": an event its own words date, just after them
_DATED_AFTER = rx.compile(
    # ("the chemical attack of August 2013")
    # ("shelled during the army's siege of the neighbourhood in February 2012")
    rf"(?:\s+[\w'’-]+){{0,8}}?\s+(?:{_IN_YEAR}|of\s+{_A_YEAR}|between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b|"
    r"from\s+(?:19|20)\d\d\s+(?:to|until)\s+(?:19|20)\d\d\b)"
)
# "killed in an air strike last September", "the group's assault on X a decade ago", "during last
# autumn's war": an earlier time than the report's, without a day, just after the event's words
_EARLIER_AFTER = gated(
    rf"(?:,?\s+[\w'’-]+){{0,8}}?,?\s+(?<!since\s)(?:(?:last|that)\s+{_LAST_WHAT}\b|"
    # "attacks on security forces in X and Y earlier this month"
    r"earlier\s+(?:this|in\s+the)\s+(?:month|year)\b|"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years?|decades?)\s+ago\b|"
    # "which in November attacked the Radisson Blu hotel in Bamako": a month, no day
    rf"{_IN_MONTH_WORD}\b(?!\s+\d))"
)
# "which in November attacked the hotel": a month without a day just before the event's word
# "seven years after it was destroyed in the battle for X", "a decade after": an event years before the
# report, whose day is no other day of its sentence
_YEARS_BEFORE = rx.compile(
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|many)\s+(?:years|decades?)"
    r"\s+(?:after|ago)\b[^.;]*$|\ba\s+(?:year|decade)\s+(?:after|ago)\b[^.;]*$",
    re.I,
)
# ("the process nearly collapsed in March after an ELN attack on a base in X killed nine soldiers")
_MONTH_BEFORE = rx.compile(
    rf"\b{_IN_MONTH_WORD}(?:\s*,\s*(?:[\w'’-]+\s+){{0,3}}|\s+(?:(?:after|following|when)\s+(?:[\w'’-]+\s+){{0,3}})?)$"
)
# a year just before the event's word, as headlines write it: "inquiry over 2021 bombing in X"
# (not a full date's year: "an August 21, 2013 chemical weapons attack" has its day)
# ("the 2020 U.S. drone strike", "the 1995 massacre", "its 2019 suicide bombing")
_YEAR_JUST_BEFORE = rx.compile(
    r"(?<![\d,.])(?<!\d,\s)(?<!\d\s)\b(?:19|20)\d\d\s+(?:[a-z][\w-]*\s+|[A-Z]\.(?:[A-Z]\.)+\s+){0,2}$"
)
# a full date's year written day first: "a strike on X on 14 October 2024 killed four" (its day is given)
_DAY_MONTH_YEAR_BEFORE = rx.compile(rf"\b\d{{1,2}}\s+{MONTH_NAMES}\s+(?:19|20)\d\d\s+(?:[a-z][\w-]*\s+){{0,2}}$")
# a time counted back from the sentence's own by no number ("days after shelling across the Line of
# Control"): the date the sentence gives is not the event's ("two days after" gives its day)
_DAYS_AFTER_BEFORE = rx.compile(
    r"(?<!\d\s)(?<!two\s)(?<!three\s)(?<!four\s)(?<!five\s)(?<!six\s)(?<!seven\s)\b(?:days|weeks)\s+after\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# "the 2023 armed standoff at the monastery in X, in which three gunmen were killed": the clause of an
# event its year names
_YEAR_NAMED_CLAUSE = rx.compile(
    rf"\bthe\s+{_MONTH_YEAR}\s+[^.;]{{0,140}}?\b(?:in|during)\s+which\b"
    # "the biggest attack in the region since April 2023, when ten men were killed in X"
    rf"|\bsince\s+{_MONTH_YEAR}\s*,?\s+when\b"
    # "tensions have remained high since February, when warplanes struck near X"
    rf"|\bsince\s+{MONTH_NAMES}\s*,\s+when\b"
    # "since Christmas Eve 2023, when gunmen swept through her village"
    r"|\bsince\s+(?:[A-Z][a-z]+\s+){1,2}(?:19|20)\d\d\s*,?\s+when\b"
    # "revives fears from late 2014, when gunmen killed passengers", "memories of 2019, when"
    rf"|\b(?:from|of|back\s+to)\s+(?:(?:early|late|mid)[-\s]+)?{_MONTH_YEAR}\s*,\s+when\b"
)
# "... mass killings in and around X, West Darfur, in 2023.": a year that closes the sentence dates
# what it tells
# ("Drones were also reported over X, near the border, last week.": a week, no day)
_YEAR_ENDS = rx.compile(rf"\s+{_IN_YEAR}\s*[.!?]?[\s\"”’']*$")
_SUBORDINATE = rx.compile(
    r"\b(?:since|after|before|when|while|as|until|because|which|who|whom|that|where|during|following|amid)\b", re.I
)
_YEAR_AT_END = rx.compile(rf",\s+(?:{_IN_YEAR}|last\s+(?:week|{_LAST_WHAT}))\s*[.!?]?[\s\"”’']*$")
# the clause of an earlier event: "the April 2015 attack in which 148 people were killed"
_THAT_OF_IT = rx.compile(r"\s+(?:that|which)\s+(?:had\s+|have\s+|has\s+)?")
# the next item of a list of event words ("rocket attacks and a US drone strike"), and what one did after a place
# ("a drone strike at X airport that killed")
_LIST_NEXT = rx.compile(r"\s*,?\s+(?:and|or)\s+(?:(?:a|an|the|[A-Z][\w.'’-]*|\w+-\w+)\s+){0,3}")
_WHERE_IT_WAS = rx.compile(r"\s+(?:on|in|at|near|against|by)\s+[^,.;:]{1,70}?\s+")
_DID_WORDS = frozenset({"killed", "wounded", "injured", "killing", "wounding", "injuring"})
_THAT_DID = rx.compile(r"\s+(?:at|in|on|near)\s+[^,.;:]{1,60}?\s+(?:that|which)\s+(?:had\s+)?")
_OF_IT = rx.compile(r"(?:\b(?:in\s+which|during\s+which|where|when)|,\s+which)\b[^.;]*$")
_SAID_EARLIER = rx.compile(
    r"(?=[:acrs])\b(?:said|reported|announced|claimed|stated)\s+(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))"
    r"\s+that\b"
    # "... have risen sharply since then: in 2018, an air strike on X killed 30"
    r"|:\s+in\s+(?:19|20)\d\d\s*,",
    re.I,
)
# "amid a spate of IED incidents", "after a wave of attacks": many events, none of them one to map
_COUNTED_BEFORE = rx.compile(
    # (not the dead of one event: "the number of dead from the missile strike on X rose to six")
    r"\bnumber\s+of\s+(?!(?:the\s+)?(?:dead|killed|victims|casualties|fatalities|deaths|wounded|injured|perished)\s+"
    r"(?:from|in|of|after)\s+(?:the|a|an|this|that|yesterday['’]s|[A-Z][a-z]+day['’]s)\s+$)(?:[\w-]+\s+){0,3}$|"
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:fired|launched|carried\s+out|conducted|flown)\s+(?:hundreds|thousands|dozens|scores)"
    r"\s+of\s+(?:[\w-]+\s+){0,2}$|"
    # a hospital's count of its patients: "MSF has treated hundreds of people wounded in X"
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:treated|received|admitted|operated\s+on|cared\s+for)\s+"
    r"(?:hundreds|thousands|dozens|scores)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_ONE_EVENT_AFTER = rx.compile(
    r"\s+(?:in|from|by|during)\s+(?:the|a|an|this|that|[A-Z][a-z]+day['’]s)\s+(?:[\w'’-]+\s+){0,2}?(?:bombing|strike|"
    r"air\s*strike|attack|raid|explosion|blast|shelling|ambush|massacre)\b"
)
_ORDINAL_BEFORE = rx.compile(
    r"\b(?:the|its|their)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
    r"(?:[\w-]+\s+)?$",
    re.I,
)
_SPAN_AFTER = rx.compile(r"\b(?:this|that|the\s+same|the\s+past)\s+(?:week|month|year)\b|\bsince\s+", re.I)
_SERIES_BEFORE = gated(
    r"\b(?:after|since|following|followed|follows|amid|despite|for)\s+(?:(?:a|the|an)\s+)?(?:[a-z]+(?:['’]s)?\s+)?"
    r"(?:spate|wave|series|string|surge|spike|upsurge|escalation|campaign)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_SPAN_OF_WAR_BEFORE = rx.compile(
    r"\b(?:years?|months|weeks|decades?)\s+of\s+(?:(?:[\w-]+\s+){0,2}$|(?:[\w-]+\s+){0,2}?"
    r"(?:war|fighting|conflict|hostilities|clashes|bombardment|shelling|strikes|occupation|siege)\s+"
    r"(?:in|during)\s+which\b[^.;]*$)",
    re.I,
)
_MANY_WORDS = ("repeat", "recur", "frequent", "sporadic", "intermittent")
_MANY_BEFORE = rx.compile(
    r"\b(?:repeated|recurrent|recurring|frequent|sporadic|intermittent)\s+(?:[\w-]+\s+){0,2}$", re.I
)
_BACKGROUND_BEFORE = rx.compile(
    r"\b(?:after|since|following|amid|despite|before|until|within\s+(?:\w+\s+)?(?:hours|days|minutes|weeks)\s+of)\s+"
    # ("after a series of rocket attacks")
    r"(?:(?:a|an|the)\s+(?:series|string|wave|spate|number|couple)\s+of\s+)?(?:(?:the|a|an|last|this|that|these|those|its|"
    r"their|his|her|recent|latest|previous|earlier|[A-Z][\w'-]*|\w+-\w+)\s+){0,3}$"
    # "since the LNA launched its offensive on Tripoli": what opened a span, long before this event
    r"|\b[Ss]ince\s+(?:[\w'’-]+\s+){1,3}?(?:launched|began|started|stepped\s+up|intensified|tightened|escalated)\s+"
    r"(?:its|their|the|a|an|his|her)\s+(?:[\w-]+\s+)?$"
)
# fighting named as a cause of a state of things, alone or in a list of causes: "only 62 trucks crossed because of
# flooded roads, demands for paperwork and fighting along the main routes"
_FIGHTING_WORDS = frozenset({"fighting", "clashes", "battles"})
# the dead of the event named in an "after" phrase, before it: "five martyrs, among them two children, were
# recovered after the bombing of", "the bodies of three men were pulled out following the strike on"
_DEAD_THEN = rx.compile(
    r"\b(?:martyrs|bodies|dead|corpses|remains)\b[^.;:]{0,90}?\b(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:[a-z]+ly\s+)?(?:recovered|retrieved|pulled|found|brought|taken|counted|buried)\b[^.;:]{0,30}?"
    r"\b(?:after|following)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
# a relative clause of those an event killed: "the 147 people, most of them children, who were killed"
_YEAR_EVENT_BEFORE = rx.compile(
    r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|massacres?|strikes?|shootings?|siege|raids?)\b"
)
_WHO_WERE_BEFORE = rx.compile(r"\bwho\s+(?:were|was|had\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?$")
# actions that are a plan of work, not of arms: "Priority actions:", "the humanitarian actions under way"
_NOT_ARMS_ACTIONS_BEFORE = rx.compile(
    r"\b(?:priority|humanitarian|response|recommended|key|urgent|follow-up|next|immediate|protective|preventive|"
    r"legal|diplomatic|corrective|remedial|relief)\s+$",
    re.I,
)
# what was left of the event named in an "after" phrase, before it: "three city blocks burned in X after an
# airstrike", "compounds destroyed in Y after Pakistani strikes" (its damage, told with its place)
_DAMAGE_THEN = rx.compile(
    r"\b(?:destroyed|burned|burnt|scorched|charred|flattened|razed|levell?ed|gutted|collapsed|damaged|"
    r"reduced\s+to\s+(?:rubble|ashes)|"
    # (a fire it set: "a fire broke out at the refinery in X after a drone attack overnight")
    r"(?:fire|blaze)s?\s+(?:broke\s+out|erupted|started|raged)|caught\s+fire|went\s+up\s+in\s+flames)"
    r"\b[^.;:]{0,90}?\b(?:after|following)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_CAUSES_BEFORE = rx.compile(
    r"\b(?:because\s+of|due\s+to|owing\s+to)\s+(?:[^.;]{0,100}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))?"
    r"(?:(?:the|heavy|continued|ongoing|renewed|persistent)\s+)?$",
    re.I,
)
# the subject of a running total's verb: "the fighting in X has killed thousands this year"
_SUBJECT_OF_TOTAL = rx.compile(r"[^.;!?,]{0,60}?\s(?:has|have|had)\s+(?:\w+\s+)?$")
# what sanctions and laws target is no place struck: "sanctions against X, targeting its banks"
_NOT_ARMS_TARGETING = rx.compile(
    r"\b(?:sanctions|tariffs|restrictions|embargo|ban|measures|legislation|bill|law|rules|regulations)\b[^.;:]{0,50}$",
    re.I,
)
# an earlier event, said so just before its word: "civilians have been killed in past strikes"
_PAST_BEFORE = rx.compile(r"\b(?:[Pp]ast|[Pp]revious|[Pp]rior|[Ee]arlier)\s+(?:[a-z][\w-]*\s+)?$")
# a month the sentence looks back to, and what happened in it: "a safe haven until May, when a week of drone strikes
# hit fuel depots", "The turning point came in May, when a week of strikes set depots ablaze"
_MONTH_WHEN_BEFORE = rx.compile(
    r"\b(?:until|in|since|by|back\s+in)\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December),?\s+when\s+(?:[\w'’-]+\s+){0,6}$"
)
# the clause of past events: "investigations into past air operations that killed civilians in X"
_PAST_ONES_THAT_BEFORE = rx.compile(
    r"\b(?:[Pp]ast|[Pp]revious|[Ee]arlier|[Pp]rior|[Ff]ormer)\s+(?:[\w-]+\s+){0,2}?(?:operations?|strikes?|attacks?|raids?|"
    r"bombings?|campaigns?|offensives?|wars?)\s+(?:that|which)\s+(?:had\s+|have\s+)?$"
)
# what arrests or charges are over: "arrested nine suspects in connection with recent killings in X"
_IN_CONNECTION_BEFORE = rx.compile(r"\bin\s+connection\s+with\s+(?:the\s+)?(?:recent\s+|past\s+)?(?:[\w-]+\s+)?$", re.I)
# what may come: "after any new Israeli strikes on X", "future attacks", "possible strikes"
_ANY_BEFORE = gated(r"\b(?:[Aa]ny|[Ff]uture|[Pp]ossible|[Pp]otential)\s+(?:new\s+|more\s+)?(?:[A-Z][\w-]*\s+)?$")
# a campaign going on, not an event: "continued air operations in X", "continues to bomb areas of X",
# "intensified operations along the border", "ongoing clashes in X" (in a sentence that gives no day)
_ONGOING_WORDS = (
    "continu",
    "intensif",
    "escalat",
    "ongoing",
    "persistent",
    "sporadic",
    "intermittent",
    "repeated",
    "press",
)
_ONGOING_BEFORE = rx.compile(
    r"\b(?:(?:continu(?:e|es|ed|ing)|intensif(?:y|ies|ied|ying)|escalat(?:e|es|ed|ing))"
    r"(?:\s+to)?\s+(?:its\s+|their\s+|the\s+)?|(?:ongoing|persistent|sporadic|intermittent|repeated)\s+|"
    # "as the government presses an offensive against the militants in X"
    r"press(?:es|ing)?\s+(?:on\s+with\s+)?(?:an?\s+|its\s+|their\s+|the\s+))"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "Fighting continued around X and along the road to Y"
# ("operations in Gaza would continue until ...": what goes on, in the words after it)
_ONGOING_VERB_AFTER = rx.compile(
    r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
    # ("Attacks on villages and road ambushes continue")
    r"(?:\s+on\s+[a-z]+(?:\s+and\s+(?:[a-z]+\s+){1,2}?[a-z]+)?)?\s+(?:continued|continues|continue|raged|rages|"
    r"persisted|persists|"
    r"dragged\s+on|(?:will|would)\s+continue)\b"
)
# a fight going on: "whose army is fighting JNIM around X" (in a sentence that gives no day)
_PRESENT_BE = r"\b(?:is|are|has\s+been|have\s+been)\s+(?:still\s+)?"  # "is", "have been still"
_PROGRESSIVE_BEFORE = rx.compile(rf"{_PRESENT_BE}$")
_PROGRESSIVE_WORDS = frozenset({"fighting", "battling", "clashing", "shelling", "bombing", "bombarding", "pounding"})
# what a group does, in the present of a relative clause: "militants who carry out attacks in X"
_WHO_DO_BEFORE = rx.compile(
    r"\b(?:who|which|that)\s+(?:carry|carries|launch|launches|conduct|conducts|stage|stages|mount|mounts)\s+"
    r"(?:out\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# the present of a habit, one verb of a list after a group's relative clause: "fighters of JNIM, who control the
# roads around them, attack supply convoys and plant mines"
_WHO_HABIT_BEFORE = rx.compile(r"\bwho\s+(?:[\w'’-]+\s+){1,8}?[\w'’-]+,\s+$", re.I)
_HABIT_VERBS = frozenset({"attack", "raid", "ambush", "shell", "bomb", "kill", "target", "strike"})
# arms that flow in: "weapons, drones and armoured vehicles continue to pour into Libya"
_FLOW_AFTER = gated(
    r"(?:,?\s+(?:and\s+)?[\w-]+){0,4}?\s+(?:continu\w+\s+to\s+)?(?:pour|poured|pouring|flow|flowed|flowing|smuggled|"
    r"shipped)\s+(?:in)?to\b",
    re.I,
)
# a campaign in the present: "the army is conducting operations against militants in X"
_CONDUCTING_BEFORE = rx.compile(
    rf"{_PRESENT_BE}(?:conducting|carrying\s+out|waging|running|pursuing)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
# what may come, said after the attack it names: "an all-out assault on X could trigger mass killings"
_MAY_AFTER = rx.compile(
    r"[^.;,]{0,40}?\b(?:could|would|might|may)\s+(?:\w+\s+)?(?:trigger|lead|cause|spark|result|bring|provoke|unleash|"
    r"prompt|draw|escalate|mean)\b"
)
# a kind of wound, not an event: "people with blast and gunshot wounds"
_WOUND_AFTER = rx.compile(r"\s+(?:and\s+[\w-]+\s+)?(?:wounds|injuries|trauma|burns)\b", re.I)
# a trend, not an event: "the fighting ... has settled into a pattern of sieges", "attacks have increased"
_TREND_AFTER = rx.compile(
    # (not a toll brought up to date: "The number of the dead from the strike on X has increased to six")
    r"(?:\s+[^.;,]{0,100}?)?\s+(?:has|have)\s+(?:settled|spread|intensified|escalated|continued|shifted|moved|"
    r"slowed|eased|subsided|become|displaced|forced|returned|driven|uprooted|emptied|"
    r"(?:grown|increased|decreased|declined)(?!\s+to\b))\b|"
    # "The shelling has been constant for three years"
    r"\s+(?:has|have|had)\s+been\s+(?:constant|relentless|incessant|daily|near-daily|continuous|almost\s+daily|"
    r"near-constant|routine)\b|"
    # "the strikes have killed hundreds of people"
    r"\s+(?:have|has)\s+(?:now\s+|so\s+far\s+)?(?:killed|wounded|injured)\s+(?:hundreds|thousands|scores)\b"
)
# a place's state, not an event: "towns ... have since been under near-daily shelling and drone fire"
_UNDER_STATE_BEFORE = rx.compile(
    r"\bunder\s+(?:near-?daily|daily|constant|regular|continuous|frequent|nightly|incessant|relentless|"
    r"almost\s+daily|near-constant)\s+(?:[\w-]+\s+(?:and\s+)?)?$",
    re.I,
)
# a perfect that looks back: "Balakliia has been hit before."
_BEFORE_AFTER = rx.compile(r"\s+before\s*[.,;]")
# destruction as a state: "places such as X and Y that have been largely destroyed"
_DESTROYED_STATE = rx.compile(r"\b(?:have|had)\s+been\s+(?:[a-z]+ly\s+)?(?:damaged\s+or\s+)?$")
# a disaster, not an attack, the subject of the word: "The 7.7-magnitude earthquake, centred near X,
# killed more than 3,600 people", "floods have killed 40"
_DISASTER_SUBJECT = gated(
    r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flash\s+floods|cyclones?|storms?|hurricanes?|"
    r"typhoons?|landslides?|mudslides?|tsunamis?|wildfires?|bushfires?|heat\s*waves?|epidemics?|outbreaks?|cholera|"
    r"famine|droughts?|avalanches?|eruptions?)(?:\s*,[^,.;]{1,60},)?\s+(?:(?:has|have|had)\s+)?(?:also\s+)?"
    # ("... killed more than 3,600 people and destroyed thousands of buildings")
    r"(?:[a-z]+(?:ed|s)\s+[^.;]{0,60}?\s+and\s+(?:also\s+)?)?$",
    re.I,
)
_DISASTER_WORDS = (
    "quake",
    "tremor",
    "aftershock",
    "flood",
    "cyclone",
    "storm",
    "hurricane",
    "typhoon",
    "slide",
    "tsunami",
    "fire",
    "heat",
    "epidemic",
    "outbreak",
    "cholera",
    "famine",
    "drought",
    "avalanche",
    "eruption",
)
# a campaign of years in a perfect tense: "has carried out air strikes in X for more than a decade",
# "has been the scene of heavy fighting for months"
_FOR_SPAN_AFTER = rx.compile(
    r"[^.;]{0,80}?\bfor\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|the\s+past\s+|the\s+last\s+)?"
    r"(?:a|an|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)?\s*(?:decades?|years|months|weeks)\b"
)
_OF_IT_WORDS = frozenset({"killing", "wounding", "injuring"})
_PERFECT_JUST_BEFORE = rx.compile(r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?$", re.I)
_MANY_AFTER = rx.compile(r"\s+(?:many\s+)?(?:thousands|hundreds|tens\s+of\s+thousands|scores)\b", re.I)
# an earlier event the news came after: "The raid came three days after bandits killed two farmers in X"
_CAME_AFTER_BEFORE = rx.compile(
    r"\b(?:came|comes|followed|follows)\s+(?:just\s+|only\s+|barely\s+)?(?:(?:a|an|one|two|three|four|five|six|seven|"
    r"several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+)?after\s+(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_FOLLOWED_BY = rx.compile(r"\bfollowed\s+(?:[\w-]+\s+){0,3}?by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$")
_PARTICIPLE_OF_IT = rx.compile(r"[^.;]{0,100}?,\s+(?:[a-z]+ly\s+)?")
_RELATIVE_OF_IT = rx.compile(
    r"(?:\s+of\s+(?:the\s+)?[^.;,]{1,40}?)?,\s+(?:which|when|in\s+which|during\s+which)\b[^.;]{0,160}?"
    r"(?:\bwhen\s+(?:[\w'’-]+\s+){0,3}|\s(?:was|were)\s+(?:[\w'’-]+\s+){0,2}?)$"
)
# what it is said to hold: "neutralised over 4,000 explosive objects, among them artillery shells, mines and ..."
_LIST_OF_IT = rx.compile(
    r"[^.;]{0,60}?(?:,\s*|\s+)(?:among\s+them|among\s+which|including|such\s+as|notably)\s+"
    r"(?:[\w'’-]+(?:,\s*|\s+)){0,8}?(?:(?:and|or)\s+(?:[\w'’-]+\s+){0,2}?)?$"
)
# arms made safe, after the word that would else be a killing: "neutralised over 4,000 explosive objects"
_MADE_SAFE_AFTER = rx.compile(
    r"\s+(?:over\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|almost\s+|around\s+)?(?:[\d,.]+\s+|the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:explosive\s+(?:objects|items|devices|remnants|ordnance)|unexploded|mines|landmines|"
    r"ordnance|munitions|IEDs|improvised\s+explosive|shells|bombs|submunitions)\b",
    re.I,
)
# the next of a list: "... kamikaze drones and long-range artillery", "mines, cluster submunitions"
_NEXT_ITEM = rx.compile(r"(?:\s*,\s*|\s+)(?:[\w'’-]+(?:\s*,\s*|\s+)){0,3}?(?:(?:and|or)\s+)?(?:[\w'’-]+\s+){0,2}?")
_OR_NEXT = rx.compile(r"[\"”’']?\s+(?:or|nor)\s+(?:an?\s+|the\s+)?[\"“‘']?")
_AND_OF_IT = rx.compile(r"\s+(?:[\w'’-]+\s+){0,4}?and\s+(?:[a-z]+ly\s+)?")
_WITH_ARMS_OF_IT = rx.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?with\s+(?:[\w'’-]+\s+){0,3}?(?:(?:and|or)\s+(?:[\w'’-]+\s+){0,3}?)?$"
)
_SINCE_SPAN_AFTER = rx.compile(
    r"[^.;]{0,100}?\bsince\s+(?:the\s+)?(?:beginning|start|outbreak|onset|end|(?:19|20)\d\d|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|last|early|late)\b"
)
# a campaign in a perfect tense and its span, before the event word: "has besieged X for more than a
# year, shelling ..."
_PERFECT_VERB = r"\b(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en|ght)\b"
_FOR_A_SPAN = (
    r"\bfor\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|the\s+past\s+|the\s+last\s+)?"
    r"(?:(?:a|an|one)\s+(?:year|decade)|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+"
    r"(?:years|decades|months|weeks)|(?:years|decades|months|weeks))\b"
)
# (not a new event after it, a clause on: "In the city of X, where the water network has been cut for years, a drone
# strike on Saturday killed two children")
_PERFECT_FOR_SPAN_BEFORE = rx.compile(
    rf"{_PERFECT_VERB}[^.;]{{0,120}}?{_FOR_A_SPAN}(?![^.;]*,\s+(?:a|an)\s)[^.;]*$", re.I
)
# the same span after the event word: "the area has suffered raids and suicide bombings for more than a decade"
_FOR_SPAN_AFTER = rx.compile(rf"[^.;]{{0,60}}?{_FOR_A_SPAN}", re.I)
_PERFECT_VERB_BEFORE = rx.compile(rf"{_PERFECT_VERB}[^.;]{{0,80}}$", re.I)
_TIMES_AFTER = rx.compile(
    r"\s+(?:twice|three\s+times|four\s+times|several\s+times|many\s+times|multiple\s+times|repeatedly)\b", re.I
)
_OCCASIONS_AFTER = rx.compile(
    r"[^.;]{0,100}?\bon\s+(?:several|many|multiple|numerous|a\s+number\s+of|repeated|countless|two|three|\d+)\s+"
    r"(?:\w+\s+)?occasions\b",
    re.I,
)
_PERFECT_IN_CLAUSE = rx.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:[\w-]+\s+){0,6}$", re.I)
_SUPERLATIVE = rx.compile(r"\b(?:worst|deadliest|biggest|largest|heaviest|first|most|only)\b", re.I)
# a drill: its sentence tells of no attack ("practised ... attacking simulated targets", "live-fire drills")
_DRILL_WORDS = (
    "exercise",
    "drill",
    "manoeuvres",
    "maneuvers",
    "simulat",
    "war game",
    "live",
    "practis",
    "practic",
    "parade",
    "rehears",
    "mock",
    "dummy",
    "practice ",
    "target",
    "animat",
    "computer-generated",
)
_DRILL = rx.compile(
    r"\b(?:simulated|war\s+games?|live[\s-]fire\s+(?:drills?|exercises?)|"
    # "launched a two-day naval exercise in the Gulf, firing cruise missiles and drones"
    r"(?:naval|military|joint|air|army|combined|missile|amphibious)\s+(?:exercises?|drills?|manoeuvres|maneuvers)|"
    # "in a blackout exercise, ... staged rescue operations at a 'targeted' hospital"
    r"(?:blackout|evacuation|civil[\s-]defen[cs]e|mock|emergency|preparedness|air[\s-]raid)\s+(?:exercises?|drills?)|"
    # "crews held exercises off X to repel attacks by drones"
    r"(?:held|holds?|holding|conducted|conducts?|conducting|staged|stages?|staging)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:exercises|drills|manoeuvres|maneuvers)\b|"
    # arms shown, not used: "held a parade for the Armed Forces Day ... with tanks, artillery and drones"
    r"(?:held|holds|holding|staged|stages|staging)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?parades?\b|"
    # "underwater drones and mine-laying were also rehearsed off the port of X"
    r"(?:were|was)\s+(?:also\s+)?(?:rehearsed|practised|practiced)\b|"
    # ("the fleet practises repelling drone attacks")
    r"(?:practi[sc](?:ed|es|ing)|rehears(?:ed|es|ing))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attack|strik|seiz|seal|bomb|assault|land|block|repel|counter|intercept)|"
    # "dropped practice bombs on mock air-defence positions", "fired at dummy targets"
    r"(?:mock|dummy)\s+(?:[\w-]+\s+){0,2}?(?:targets?|positions?|villages?|towns?|attacks?|assaults?|raids?|"
    r"bases?|airfields?|ships?|landings?)\b|practice\s+(?:bombs?|rounds?|munitions|targets?|missiles?|rockets?)\b|"
    # "struck floating targets out at sea", "sank a target ship"
    r"floating\s+targets?|target\s+(?:ships?|barges?|hulks?|drones?)|"
    # a picture of one, not one: "an animation showing missiles raining down on X"
    r"animations?|animated\s+(?:video|clip|film)s?|computer-generated)",
    re.I,
)
_UNCONFIRMED = rx.compile(
    r"\b(?:[Rr]eports?|[Cc]laims?|[Rr]umou?rs?)\s+(?:of|that)\b[^.;]{0,100}?\b(?:are|is|were|was|remain|remains)\s+"
    r"(?:(?:not|NOT)\s+(?:yet\s+)?confirmed|unconfirmed)\b"
)
_PICTURE_WORDS = (" show", "video", "footage", "clip", "image", "photo", "titled")
_STRENGTHENED_BEFORE = rx.compile(
    r"\b(?:strengthen|support|boost|bolster|enhance|intensify|expand)(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?$", re.I
)
_OUTAGE_BEFORE = rx.compile(
    r"\b(?:power|electricity|lights?|alarms?|sirens?|phones?|internet|water|gas|supplies)\s+(?:had\s+|has\s+)?$", re.I
)
_UNITS_BEFORE = rx.compile(r"\b(?:units?|brigades?|battalions?|troops|soldiers|forces)\s+$", re.I)
# a plan named by its attack: "a car bomb plot", "the attack plots"
_PLOT_AFTER = rx.compile(r"[\"”’']?\s+plots?\b", re.I)
# "fighting" as a word of kind, not a fight: "men of fighting age", "a fighting chance", "the fighting season"
_FIGHTING_KIND_AFTER = rx.compile(r"[\s-]+(?:age|aged|chance|spirit|fit|force|forces|season)\b", re.I)
_CLAIMED_TO_SHOW = rx.compile(
    r"\b(?:claim(?:s|ed|ing)?|purport(?:s|ed|ing)?|said|supposed|alleged|meant)\s+to\s+show\b[^.;]*$|"
    r"\b(?:allegedly|supposedly|falsely)\s+show(?:s|ing|n)?\b[^.;]*$|"
    # "Video of 'massive strike on Odesa port' is from a video game": a quoted claim
    r"\b(?:[Vv]ideos?|[Ff]ootage|[Cc]lips?|[Ii]mages?|[Pp]hotos?)\s+of\s+[\"“‘']\s*(?:[\w-]+\s+){0,2}$|"
    # a title: 'a gameplay video titled "Harbour attack - realistic"'
    r"\btitled\s+[\"“‘']\s*(?:[\w-]+\s+){0,3}$"
)
# a claim told in the conditional of its own tongue: "the information relayed on the social networks according to which
# a drone would have bombed a fair"
_ACCORDING_TO_WHICH = rx.compile(
    r"\b(?:information|reports?|claims?|rumou?rs?|allegations?|news)\s+(?:[\w-]+\s+){0,10}?according\s+to\s+which\b"
    r"[^.;]*$",
    re.I,
)
_TESTIMONY_BEFORE = rx.compile(
    r"\b(?:told|tells|telling|testified\s+(?:to|before)|testifying\s+(?:to|before))\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:inquiry|court|tribunal|hearing|judges?|jury|commission|panel)\b[^.;]*$|"
    # what survivors or a report described: "Survivors described men being executed in a church"
    r"\b(?:[Ss]urvivors|[Ww]itnesses|[Tt]he\s+report|[Ii]t)\s+(?:described|recounted|recalled|documented)\b[^.;]*$",
    re.I,
)
# what an inquiry asks, not what it found: "is examining whether British troops carried out killings"
_WHETHER_BEFORE = rx.compile(
    r"\b(?:examin|investigat|determin|establish|assess|look(?:s|ed|ing)?\s+into|ask|consider)\w*\s+whether\b[^.;]{0,80}$",
    re.I,
)
# who holds an office of operations: "the spokesman of the Sokola 1 operations", "commander of the joint operations"
_OFFICE_OF_BEFORE = rx.compile(
    r"\b(?:spokes(?:man|woman|person)|commanders?|head|chief|coordinator|director)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_WORKS_OF = rx.compile(
    r"\b(?:agency|agencies|organi[sz]ations?|charit(?:y|ies)|NGOs?|UN|WFP|UNHCR|UNICEF|OCHA|UNRWA|ICRC|programme|"
    r"aid\s+groups?|Red\s+Cross|Red\s+Crescent)\b[^.;]{0,40}?\b(?:its|their)\s+$"
)
# the work of a port, an airline or a firm: "port operations", "operations at Haifa were continuing normally"
_BUSINESS_OPERATIONS_BEFORE = rx.compile(
    r"\b(?:port|flight|airport|business|commercial|shipping|normal|day-to-day|daily|regular|routine|mining|drilling|"
    r"production|loading|terminal|rail|railway|bank|banking|trading|airline|cargo)\s+$",
    re.I,
)
_GOING_ON_NORMALLY = rx.compile(
    r"[^.;]{0,60}?\b(?:continu\w+|proceed\w*|resum\w+|running|were|are|was|is|remain\w*)\s+(?:as\s+)?"
    r"(?:normal(?:ly)?|usual|uninterrupted|unaffected|undisrupted)\b",
    re.I,
)
_REBUILT_THINGS_AFTER = rx.compile(
    r"\s+(?:homes|houses|buildings|property|properties|infrastructure|schools|hospitals|bridges|roads|shops|"
    r"apartments|flats|neighbou?rhoods)\b",
    re.I,
)
_FOR_THE_RUINED_BEFORE = rx.compile(r"\b(?:for|of|in|among|rebuild\w*|repair\w*|replac\w*)\s+(?:the\s+)?$", re.I)
_FLED_WORDS = ("fle", "escap", "displac", "driven", "uproot")  # (what _FLED_BEFORE needs)
_FLED_BEFORE = rx.compile(
    r"\b(?:fled|flee|flees|fleeing|escaped|escaping|displaced\s+by|driven\s+out\s+by|uprooted\s+by)\s+(?:the\s+)?$",
    re.I,
)
_OF_THE_DEAD_BEFORE = rx.compile(
    r"\b(?:bodies|remains|graves|families|relatives|names|memory|funerals?)\s+of\s+(?:the\s+|those\s+|\d+\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_DEATH_WORDS = frozenset({"killed", "martyred", "slaughtered", "massacred", "murdered", "executed", "shot dead"})
# a condition: "warned the group ... if attacks on shipping did not stop"
_IF_BEFORE = gated(r"\b(?<!as\s)(?<!even\s)[Ii]f\s+(?:[\w'’-]+\s+){0,6}$")
# a campaign's name ("Operation Hadin Kai", "Operation Claw-Lock")
_NAMED_AFTER = rx.compile(r"\s+[A-Z]")
_ATTRIBUTIVE_BEFORE = rx.compile(
    # (not a year: "on 2 March 2025 killed six people")
    r"(?=[\dadefhinost])\b(?:the|a|an|all|those|these|their|its|his|her|(?!(?:19|20)\d\d\s)\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozens|several)\s+(?:[a-z]+ly\s+)?$",  # ("all severely wounded ... prisoners")
    re.I,
)
_ATTRIBUTIVE_AFTER = rx.compile(
    # ("the wounded Palestinian civilians", "all severely wounded and young prisoners"; not "an attack on civilians")
    r"^\s+(?:(?!(?:on|in|at|against|of|near|by|from|into|targeting|that|which|killed|killing)\b)[a-z]+\s+){0,2}?"
    r"(?:soldiers|troops|people|civilians|fighters|militants|men|women|prisoners|captives|"
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
    # the verb of a running total ("killed in the insurgency since 2004") or of a series ("amid a spate of
    # attacks"): no one event
    total: bool = False
    # recalled by an earlier time of its own words that has no day ("killed in an air strike last
    # September", "the 1995 massacre"): a day elsewhere in its sentence is not its date
    vague: bool = False


@functools.lru_cache(maxsize=1)
def _automaton() -> Any:
    """The trigger phrases in an Aho-Corasick automaton, each spelt with a space or a hyphen
    between any two words ("small-arms fire", "suicide car-bomb"), as ``TRIGGER_RX`` reads them."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for phrase in _PHRASE_TYPE:
        words = GAPS.split(phrase)
        for seps in itertools.product(" -", repeat=len(words) - 1):
            form = words[0] + "".join(sep + w for sep, w in zip(seps, words[1:], strict=True))
            auto.add_word(form, (len(form), phrase))
    auto.make_automaton()
    return auto


def _spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of the trigger phrases in ``text[start:end]``, whole words, the longest
    where they overlap: what ``TRIGGER_RX`` finds, in one pass of an automaton."""
    low = text[start:end].lower()
    if len(low) != end - start or not lower_finds_ignorecase(text[start:end]) or "  " in low:
        out = []
        for m in TRIGGER_RX.finditer(text, start, end):
            key = GAPS.sub(" ", m.group().lower())
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


# a live page's entry opens on its time: "11:15 - The army is shelling the eastern districts of X" tells of that moment
_CLOCK_OPENING = rx.compile(
    r"\s*\[?\d{1,2}[:.h]\d{2}\]?\s*(?:(?:am|pm|a\.m\.|p\.m\.)\s*)?(?:(?:GMT|UTC|local\s+time|[A-Z]{2,4})\s*)?"
    r"(?:[-–—:|]\s|(?<=\])\s)",
    re.I,
)


def _undated(clause: str) -> bool:
    """Whether a sentence gives no date of its own, nor the time of a live page's entry."""
    return not find_dates(clause) and _CLOCK_OPENING.match(clause) is None


def triggers(text: str, start: int, end: int) -> list[Trigger]:
    """The event triggers of ``text[start:end]`` (one sentence), in order."""
    out: list[Trigger] = []
    spans = _spans(text, start, end)
    if not spans:
        return out
    # an event the sentence dates to another year before its word ("laid siege to X in May 2017,
    # sparking a battle"), looked for once per sentence
    dated = _IN_A_YEAR.search(text, start, end)
    in_year = dated.start() if dated is not None else None
    clause = text[start:end]
    clause_low = clause.lower()
    undated: bool | None = None  # the sentence gives no date (looked for when first asked)
    # what the sentence says of itself, for every event word in it: that nothing was hit ("caused no
    # damage"), that it tells of rebuilding or return
    said_nothing_hit = any(w in clause_low for w in NOTHING_HIT_WORDS) and _hit_nothing(clause)
    rebuilt = any(w in clause_low for w in _REBUILT_WORDS) and _REBUILT.search(clause) is not None
    named = (
        _YEAR_NAMED_CLAUSE.search(text, start, end)
        if in_year is None and (" which" in clause or " when" in clause)
        else None
    )
    if named is not None:
        in_year = named.end()
    closing = _YEAR_AT_END.search(text, start, end)
    year_after = closing.start() if closing is not None else -1
    # (without a comma, the year dates the clause it ends: "killed more than 50 people at the station in April
    # 2022.", not "killed 160 ... since the army seized power in 2021.")
    bare = (
        _YEAR_ENDS.search(text, start, end)
        if closing is None and clause.rstrip(" .!?\"”’'\n\r\t")[-4:].isdigit()
        else None
    )
    year_ends = bare.start() if bare is not None else -1
    unconfirmed = _UNCONFIRMED.search(clause) if "confirm" in clause_low else None
    at_sea: bool | None = None  # the sentence says a munition fell in the sea (looked for when first asked)
    air_defence: bool | None = None  # the sentence tells of air defences firing (looked for when first asked)
    if any(w in clause_low for w in _DRILL_WORDS) and _DRILL.search(clause):
        return out  # "the exercise practised sealing off the ports of X and attacking simulated targets"
    may = any(w in clause_low for w in (" could ", " would ", " might ", " may "))
    search_raid: bool | None = None  # the sentence's raid found and took things and hurt no one (looked for when asked)
    light = "flare" in clause_low or "illumination" in clause_low or "smoke " in clause_low
    # words a denied claim or leftover ordnance needs somewhere in the sentence (looked for once)
    denial = "that " in clause_low and any(w in clause_low for w in _DENIAL_WORDS)
    left_over = "unexplod" in clause_low or "left" in clause_low
    not_this_end = -1  # the end of the last event word found to be of no event of this report ("planned attacks")
    listing = False  # that word was found so as one of what such a word told on (its arms, its toll, its clause)
    denied_until = -1  # the end of a claim the sentence denies
    for ms, me, phrase in spans:
        etype = _PHRASE_TYPE.get(phrase)
        if etype is None:
            continue
        if phrase in _WEAPON_KIND_WORDS and _MUNITION_NEXT.match(text, me, end):
            continue  # "one-way attack drones", "strike drones": a weapon's name; its munition word is the event's
        word = phrase
        if phrase.startswith("operation") and text[ms] == "O" and text[start:ms].strip(" \t\n\"“‘'(-–—:"):
            continue  # "the Director, Defence Media Operations", "troops of Operation Hadin Kai": an office, a force
        before = text[max(start, ms - 60) : ms]
        low = before.lower()
        after = text[me : min(end, me + 30)]
        if phrase.startswith("bl") and phrase.endswith(" up") and not _BLEW_UP_WHAT.match(text, me, end):
            continue  # "a pipeline blew up near X" (an accident, or a bomb's word says so), not "blew up a pipeline"
        if phrase == "shot" and _FILMED_BEFORE.search(before):
            continue  # "the film was shot in X": filmed
        if phrase in BLAST_WORDS and DRILL_SOUND_AFTER.match(text, me, min(end, me + 140)):
            continue  # "the blasts heard in X were part of a planned training exercise"
        if phrase in _SOUND_WORDS and "h" in low and _HEARD_BEFORE.search(before):
            continue  # "residents of the nearby town said they heard heavy gunfire and explosions": heard, not there
        if phrase in _SOUND_WORDS and any(w in low for w in _RECORDED_WORDS) and _RECORDED_BEFORE.search(before):
            continue  # "the monitors' camera in X recorded 33 undetermined explosions": counted from afar, not there
        if (phrase in _HARDWARE_WORDS and _HARDWARE_AFTER.match(text, me, end)) or _CALIBRE_AFTER.match(text, me, end):
            continue  # "saw two multiple launch rocket systems (BM-21 Grad, 122mm) near X": arms seen, not fired
        if _NOT_EVENT_BEFORE.search(before) or _NOT_EVENT_AFTER.match(after) or NEGATED.search(before[-30:]):
            continue
        if any(w in low for w in _NOT_A_STRIKE_WORDS) and _NOT_A_STRIKE_BEFORE.search(before):
            continue  # "the scars of rocket damage", "the use of drones against civilians", "watch by drones"
        if "o " in before and _NO_WORD_OF_BEFORE.search(before):
            continue  # "no immediate word of Israeli military action in Yemen": none reported
        if " n" in text[me : me + 24].lower() and _NOT_DONE_AFTER.match(text, me, end):
            continue  # "the strike was not carried out": none happened
        if any(w in text[me : me + 100] for w in _STOPPED_WORDS) and _STOPPED_AFTER.match(text, me, end):
            continue  # "A massacre has been prevented", "the attack was foiled": none happened
        if phrase.startswith("neutrali") and _MADE_SAFE_AFTER.match(text, me, end):
            not_this_end, listing = me, True  # "neutralised over 4,000 explosive objects, among them artillery shells"
            continue
        if (not_this := _NOT_THIS_EVENT.search(before)) is not None and not (
            phrase.endswith("ed") and _SUBJECT_RELATION.fullmatch(not_this.group())
        ):
            # (the arms it would use are a list that may go on: "planning to strike the plant with kamikaze drones
            # and long-range artillery")
            listing = not_this_end >= 0 and _WITH_ARMS_OF_IT.fullmatch(text, not_this_end, ms) is not None
            not_this_end = me
            continue
        if light and _LIGHT_AFTER.match(text, me, end):
            continue  # "artillery also fired flares over X": light, not fire
        if (
            phrase in _OF_IT_WORDS
            and not_this_end >= 0
            and (
                _PARTICIPLE_OF_IT.fullmatch(text, not_this_end, ms)
                or (listing and _AND_OF_IT.fullmatch(text, not_this_end, ms))
            )
        ):
            # "to mark five years since jihadists overran the camp, killing 71 soldiers": its toll ("..., killing
            # 29 of them and wounding dozens")
            not_this_end, listing = me, True
            continue
        if not_this_end >= 0 and (
            _RELATIVE_OF_IT.fullmatch(text, not_this_end, ms)
            or _WITH_ARMS_OF_IT.fullmatch(text, not_this_end, ms)
            or _LIST_OF_IT.fullmatch(text, not_this_end, ms)
            or (listing and _NEXT_ITEM.fullmatch(text, not_this_end, ms))
            # (the other of two words for it: 'denied the news about an "explosion" or "drone attack"')
            or _OR_NEXT.fullmatch(text, not_this_end, ms)
        ):
            # the one not of this report told on: "the anniversary of the massacre ..., which was committed by a
            # settler on 25 February 1994, when he opened fire on the worshippers"; its arms: "was planning to strike
            # the plant with kamikaze drones and long-range artillery"
            not_this_end, listing = me, True
            continue
        if ms < denied_until:
            continue  # the rest of a denied claim: "... that its fighters had attacked X and killed dozens"
        if denial and _DENIED_CLAIM_BEFORE.search(text, max(start, ms - 240), ms):
            ends = _CLAIM_ENDS.search(text, me, end)
            denied_until = ends.start() if ends is not None else end
            continue  # "rejected as propaganda a claim by the group that its fighters had attacked X"
        if unconfirmed is not None and start + unconfirmed.start() <= ms < start + unconfirmed.end():
            continue  # "Reports of explosions in X and Y are NOT confirmed"
        if "according to which" in clause_low and _ACCORDING_TO_WHICH.search(text, start, ms):
            continue  # "denies the information ... according to which a drone would have bombed X": a rumour told
        if any(w in clause_low for w in _PICTURE_WORDS) and _CLAIMED_TO_SHOW.search(text, start, ms):
            continue  # "a video claiming to show a Russian missile strike on X": what a fake shows
        if phrase.startswith(("operation", "offensive")) and _STRENGTHENED_BEFORE.search(before):
            continue  # "the new aircraft would strengthen operations against bandits": a force made stronger
        if phrase == "went off" and _OUTAGE_BEFORE.search(before):
            continue  # "Power went off in X and Y for most of the day": an outage
        if phrase == "fighting" and (_UNITS_BEFORE.search(before) or _FIGHTING_KIND_AFTER.match(text, me)):
            continue  # "commanders of units fighting in the X direction": where a force is; "men of fighting age"
        if "whether" in low and _WHETHER_BEFORE.search(before):
            continue  # "is examining whether troops carried out extrajudicial killings": not found to have happened
        if phrase.startswith("operation") and (
            _WORKS_OF.search(before)
            or _OFFICE_OF_BEFORE.search(before)  # "the spokesman of the Sokola 1 operations in X": a title
            or _BUSINESS_OPERATIONS_BEFORE.search(before)
            or _GOING_ON_NORMALLY.match(text, me, end)
        ):
            continue  # "the agency said its operations in Sudan were only 30% funded", "port operations"
        if (
            phrase in ("destroyed", "damaged")
            and _REBUILT_THINGS_AFTER.match(text, me, end)
            and _FOR_THE_RUINED_BEFORE.search(before)
        ):
            continue  # "compensation for destroyed homes": what was destroyed once
        if phrase == "striking" and _WORKERS_AFTER.match(text, me, end):
            continue  # "striking workers blocked the entrance": a labour strike
        if phrase in _STORM_WORDS and (_CROWD_BEFORE.search(text, start, ms) or _STORM_AFTER.match(text, me, end)):
            not_this_end = me  # (and its participle: "stormed the parliament, injuring four guards")
            continue  # "protesters stormed the embassy", "he stormed out of the talks"
        if phrase in _FIRED_ON and (_FIRED_WHEN_AFTER.match(text, me, end) or _FIRED_MISSED_AFTER.match(text, me, end)):
            continue  # "the missiles fired on Monday": when; "rockets fired at X were intercepted": not hit
        if phrase in ("detonated", "exploded") and _SAFELY_BEFORE.search(before):
            continue  # "troops safely detonated three IEDs": made safe
        if _MADE_SAFE_BEFORE.search(before):
            continue  # "defused a car bomb": the thing, not its use
        if phrase.lower() in _DEVICE_WORDS and _FOUND_BEFORE.search(before):
            continue  # "found an explosive device made from a mortar round": found before it went off
        if phrase in _ATTACKER_WORDS and _STOPPED_BEFORE.search(before):
            continue  # "troops stopped two suicide bombers": the people, stopped, not an attack
        if phrase.endswith("ed") and " have " in low[-20:] and _MAY_HAVE_BEFORE.search(before):
            continue  # "a unit may have killed detainees in X": suspected, not reported
        if "threat" in low and _THREATENED_BEFORE.search(before):
            continue  # "threatened missile strikes on the bridges": one that may come
        if "report" in low and _REPORTS_OF_BEFORE.search(before) and _FALSE_AFTER.match(text, me, end):
            continue  # "reports of drone strike on X airport are false"
        if not phrase.endswith("ed") and _MODAL_BEFORE.search(before):
            continue  # "Russia could strike the port again", "the jets will bomb": what may come
        if "warn" in low and _WARNED_OF_ONE_BEFORE.search(before):
            continue  # "warned that an assault on X would be catastrophic": one that may come
        if _FOLLOWING_BEFORE.fullmatch(text, start, ms) and _COMMA_AFTER.match(text, me, end):
            continue  # "Following the attack, the commissioner raised the alert level in X": the one told before
        if "tempt" in low[-30:] and _ATTEMPTED_BEFORE.search(before):
            continue  # "attempted to attack X with drones overnight": tried, not done (its toll, if any, its own)
        munition = _MUNITION.fullmatch(phrase.rsplit(" ", 1)[-1]) is not None  # "drones", "cruise missile"
        if (munition or phrase in _ARMS_NOUNS) and _FLOW_AFTER.match(text, me, min(end, me + 80)):
            continue  # "weapons, drones and armoured vehicles continue to pour into Libya": arms sent, not used
        if munition and _DOWNED_JUST_AFTER.match(text, me, end):
            continue  # "rockets downed over region": brought down
        if phrase in _GUNFIRE_WORDS and air_defence is None:
            air_defence = _AIR_DEFENCE.search(clause) is not None
        if phrase in _GUNFIRE_WORDS and air_defence:
            continue  # "machine-gun fire as mobile fire groups engaged the drones": air defence at work
        if munition and _downed_before(text, max(start, ms - _DOWNED_REACH), ms):
            continue  # "said it had intercepted Ukrainian drones": brought down, not a hit
        arms = munition or phrase in _ARMS_NOUNS or phrase.rsplit(" ", 1)[-1] in _ARMS_NOUNS  # ("hand grenades")
        if (arms or phrase.startswith("raid")) and search_raid is None:
            search_raid = _SEIZED.search(clause) is not None and _HURT_IN.search(clause) is None
        if search_raid and (
            phrase.startswith("raid")
            or _SEIZED.search(text, start, ms)
            # ("soldiers raided a workshop where members assembled explosive-laden drones, seizing 14 drones")
            or (arms and _RAIDED.search(text, start, ms))
        ):
            continue  # "police seized 18 drones and 30 pipe bombs in a raid on a ranch": a search, not an attack
        if arms and _TRADED_BEFORE.search(text, max(start, ms - 60), ms):
            continue  # "has also bought Turkish drones", "a new batch of combat drones": arms, not their use
        if arms and _FOUND_AFTER.match(text, me, end):
            continue  # "two hand grenades were recovered": arms taken, not used
        if ("unexplod" in low or "left" in low) and _LEFT_OVER_BEFORE.search(before):
            continue  # "an unexploded artillery shell": ordnance of earlier fighting, not an attack
        if left_over and _LEFT_OVER_CAUSE_AFTER.match(text, me, end):
            continue  # "were killed when an unexploded shell they found detonated": an accident
        if (
            arms
            and _CARRIED_BEFORE.search(text, max(start, ms - 40), ms)
            and (munition or not _WENT_OFF_AFTER.match(text, me, end))
        ):
            continue  # "a cargo ship that docked at X with the missiles": carried, not fired
        if munition and at_sea is None:
            at_sea = any(w in clause_low for w in _SEA_WORDS) and _AT_SEA.search(clause) is not None
        if munition and at_sea:
            continue  # "the missile ... landed outside Japan's exclusive economic zone": in the sea
        if munition and said_nothing_hit:
            continue  # "a drone flew over the plant but caused no damage": a sentence that says nothing was hit
        if rebuilt and _RELATIVE_PASSIVE_BEFORE.search(text, start, ms):
            if undated is None:
                undated = _undated(clause)
            if undated:
                continue  # "Rebuilding has begun in X's old city, where the mosque was destroyed during the battle"
        if (
            (munition or phrase.startswith("attack"))
            and any(w in clause_low for w in _AIR_WORDS)
            and (downed := _DOWNED_AFTER.match(text, me, end)) is not None
            and not _PART_OF_THEM.search(downed.group())
            and not _PART_OF_THEM.search(before[-25:])
        ):
            continue  # "a drone was also shot down near X", "an attack on the airbase was thwarted"
        if "plot" in clause_low and _PLOT_AFTER.match(text, me, end):
            continue  # "a car bomb plot in X", "the Christmas attack plot": a plan, not an attack
        if (any(w in low for w in _CALLED_OFF_WORDS) and _CALLED_OFF_BEFORE.search(before)) or (
            ("put" in low or "placed" in low)
            and _PUT_BEFORE.search(before) is not None
            and _ON_HOLD_AFTER.match(text, me, end) is not None
        ):
            continue  # "called off the strike", "put the operation on hold": nothing happened
        if (
            any(w in low for w in _LOOKED_INTO_WORDS)
            and (looked := _LOOKED_INTO_BEFORE.search(before))
            # (but a killing a monitor documents with its day is its news: "have documented the killing of 12 men ...
            # in the village of X on Wednesday 21 January")
            and not (looked.group().lower().startswith("document") and find_dates(text[me:end]))
        ):
            continue  # "a committee to investigate the attack", "calling for an end to attacks"
        if any(w in clause_low for w in _DISASTER_WORDS) and _DISASTER_SUBJECT.search(text, max(start, ms - 160), ms):
            continue  # "the earthquake, centred near X, killed 3,600": no attack
        if _WOUND_AFTER.match(text, me, end):
            continue  # "treated people with blast and gunshot wounds"
        if may and not phrase.endswith("ed") and _MAY_AFTER.match(text, me, end):
            continue  # "an all-out assault on X could trigger mass killings"
        if _IF_BEFORE.search(before) or _ANY_BEFORE.search(before):
            continue  # "if attacks on shipping did not stop", "any new strikes on X": not an event
        if phrase.startswith("target") and _NOT_ARMS_TARGETING.search(before):
            continue  # "a package of sanctions against X, targeting aluminium imports"
        if phrase == "actions" and _NOT_ARMS_ACTIONS_BEFORE.search(before):
            continue  # "Priority actions: the resupply of fuel", "humanitarian actions": a plan of work
        if text[ms] == "O" and _NAMED_AFTER.match(text, me):
            continue  # "troops of Operation Safe Haven": the name of a campaign, not an event
        if _ATTRIBUTIVE_BEFORE.search(before) and _ATTRIBUTIVE_AFTER.match(after):
            continue  # "the three killed soldiers", "the wounded civilians"
        if phrase in _DEATH_WORDS and _OF_THE_DEAD_BEFORE.search(before):
            continue  # "the bodies of soldiers killed in action": deaths of any time, no event
        weak = (word in WEAK or word in WEAPON_ONLY) and not (
            # arms used on something: "the jets dropped at least two bombs on the compound", "fired three rockets at"
            (word in _DROPPED_ARMS and _DROPPED_BEFORE.search(before) and _DROPPED_ON_AFTER.match(after))
            # a place under the fire of arms: "came under mortar and grenade-launcher fire"
            or (word in WEAPON_ONLY and _CAME_UNDER_BEFORE.search(before) and _ARMS_FIRE_AFTER.match(after))
            # arms, counted, that hit something: "two missiles struck the second floor of the school"
            or (word in _DROPPED_ARMS and _ARMS_COUNTED_BEFORE.search(before) and _HIT_AFTER.match(after))
        )
        # (an earlier time its own words give, coarser than a day: no other date of its sentence is its)
        vague = bool(
            _DATED_AFTER.match(text, me, min(end, me + 80))
            # ("the car bombing that struck a police station in the X district four years ago")
            or _EARLIER_AFTER.match(text, me, min(end, me + 80))
            or _DATED_BEFORE.search(before)
            or _MONTH_BEFORE.search(before)
            or (" after " in low and _DAYS_AFTER_BEFORE.search(before) is not None)
            or (_YEAR_JUST_BEFORE.search(before) is not None and _DAY_MONTH_YEAR_BEFORE.search(before) is None)
            # (unless its own words after it give the day: "a year after a missile killed 20 in X on 3 May")
            or (
                ("year" in clause_low or "decade" in clause_low)
                and _YEARS_BEFORE.search(text, start, ms) is not None
                and not find_dates(text[me:end])
            )
            or (me <= year_after and not any(c in text[me:year_after] for c in ".;"))
            or (
                me <= year_ends
                and not any(c in text[me:year_ends] for c in ".;,")
                and _SUBORDINATE.search(text, me, year_ends) is None
            )
        )
        recalled = (
            vague
            or bool(
                _EARLIER.search(before)
                or _PAST_BEFORE.search(before)
                or (" when " in before and _MONTH_WHEN_BEFORE.search(before) is not None)
                # (unless it gives its own day, as an earlier event mapped with its date: "came a week after shells
                # killed two people in X on 3 May")
                or (" after " in before and _CAME_AFTER_BEFORE.search(before) and not find_dates(text[me:end]))
                or ("connection" in low and _IN_CONNECTION_BEFORE.search(before))
                or ((" that " in before[-30:] or " which " in before[-30:]) and _PAST_ONES_THAT_BEFORE.search(before))
                or (in_year is not None and in_year < ms)
                or (any(w in clause_low for w in _TRIAL_WORDS) and _TRIAL_BEFORE.search(text, start, ms))
                # the article's event named again to set it in its time: "The strikes came as mediators in
                # Cairo pressed ..." (what follows is where others were, not where it hit)
                or (
                    " c" in text[me : me + 3]
                    and _CAME_AFTER.match(text, me, end) is not None
                    and _ANAPHOR_BEFORE.search(before)
                )
                # the article's event named again to judge it: "In Brussels, the EU's foreign policy chief said
                # the attack was 'horrific'", "Zelensky said the strike showed that Russia wants war" (what
                # follows is where others are)
                or (
                    _JUDGED_BEFORE.search(before) is not None
                    and (_JUDGING_VERB.search(before) is not None or _IS_AFTER.match(text, me, end) is not None)
                )
                or ("ed" in before and _REACTION_BEFORE.search(before) is not None)
            )
        )
        background = bool(_BACKGROUND_BEFORE.search(before)) or (
            phrase in _FIGHTING_WORDS
            and (
                (
                    ("because" in clause_low or "due to" in clause_low or "owing to" in clause_low)
                    and _CAUSES_BEFORE.search(text, max(start, ms - 120), ms) is not None
                )
                # (the time the article's event came in: "The strike came as fighting intensified around X")
                or (("came as" in before or "comes as" in before) and _CAME_AS_BEFORE.search(before) is not None)
            )
        )
        if not recalled and any(w in low for w in _FLED_WORDS) and _FLED_BEFORE.search(before):
            recalled = True  # "350,000 who fled fighting in Darfur": the cause of flight, long before
        if (
            not recalled
            and ("told" in clause_low or "testif" in clause_low or "described" in clause_low or "recount" in clause_low)
            and _TESTIMONY_BEFORE.search(text, start, ms)
        ):
            recalled = True  # "has told the inquiry that his two brothers were shot dead at their home in X"
        ongoing = (
            (any(w in low for w in _ONGOING_WORDS) and _ONGOING_BEFORE.search(before) is not None)
            or _ONGOING_VERB_AFTER.match(text, me, end) is not None
            or (phrase in _PROGRESSIVE_WORDS and _PROGRESSIVE_BEFORE.search(before) is not None)
            or (phrase in ("operation", "operations") and _CONDUCTING_BEFORE.search(before) is not None)
        )
        if ongoing and undated is None:
            undated = _undated(clause)
        total = (
            running_total_after(text[me:end], before)
            # "the number of children killed in Gaza", "Iran has fired hundreds of ballistic missiles at Israel"
            or (
                ("number" in low or "hundreds" in low or "thousands" in low)
                and _COUNTED_BEFORE.search(before) is not None
                # (not the dead of one event: "the number of dissidents killed in the military bombing of a camp")
                and _ONE_EVENT_AFTER.match(text, me, end) is None
            )
            or _SERIES_BEFORE.search(before) is not None
            # "this is the fifth drone attack in North Waziristan this month": a count of a span's attacks
            or (_ORDINAL_BEFORE.search(before) is not None and _SPAN_AFTER.search(text, me, end) is not None)
            # a span of war and what happened in it: "more than a year of fighting in which strikes hit
            # villages across X"
            or (
                ("year" in clause_low or "month" in clause_low or "week" in clause_low)
                and _SPAN_OF_WAR_BEFORE.search(text, start, ms) is not None
            )
            # many, not one: "citing repeated jihadist attacks around X and Y"
            or (phrase.endswith("s") and any(w in low for w in _MANY_WORDS) and _MANY_BEFORE.search(before) is not None)
            # a habit: "the air force routinely bombs camps in X" (its places are struck only when the
            # article tells of no event of its own, as a running total's are)
            or (
                not phrase.endswith("ed")
                and any(w in low for w in _HABIT_WORDS)
                and _HABIT_BEFORE.search(before) is not None
            )
            # a campaign of weeks: "the operation in X, Y and Z camps, launched in January, entered its
            # sixth month"
            or (phrase in ("operation", "operations") and _ONGOING_AFTER.search(text, me, end) is not None)
            or (phrase.endswith("s") and _WHO_DO_BEFORE.search(before) is not None)
            or (phrase in _HABIT_VERBS and _WHO_HABIT_BEFORE.search(before) is not None)
            # a campaign's span: "during the fighting in North and South Kivu provinces since 2022"
            or (
                phrase in ("fighting", "clashes", "violence")
                and " since " in clause_low
                and _SINCE_SPAN_AFTER.match(text, me, end) is not None
            )
            or (not phrase.endswith("ed") and _TREND_AFTER.match(text, me, end) is not None)
            or (phrase == "destroyed" and _DESTROYED_STATE.search(before) is not None)
            or ("under" in low and _UNDER_STATE_BEFORE.search(before) is not None)
            or (_BEFORE_AFTER.match(text, me, end) is not None and _PERFECT_IN_CLAUSE.search(before) is not None)
            or (ongoing and bool(undated))
            # "has besieged X for more than a year, shelling residential neighbourhoods"
            or (
                " for " in clause_low
                and ("year" in clause_low or "month" in clause_low or "week" in clause_low or "decade" in clause_low)
                and _PERFECT_FOR_SPAN_BEFORE.search(text, start, ms) is not None
            )
            or (
                " for " in clause_low
                and _FOR_SPAN_AFTER.match(text, me, end) is not None
                and _PERFECT_VERB_BEFORE.search(text, start, ms) is not None
            )
            # "have bombed the port of X and the capital on several occasions"
            or (" occasions" in clause_low and _OCCASIONS_AFTER.match(text, me, end) is not None)
            # a life's toll, in a perfect tense: "he has been wounded twice" (not "the school was hit twice within
            # an hour")
            or (
                any(w in clause_low for w in ("twice", " times", "repeatedly"))
                and _TIMES_AFTER.match(text, me, end) is not None
                and _PERFECT_IN_CLAUSE.search(before) is not None
            )
            # "have carried out more than 110 operations in X, Y and Z since the beginning of the year"
            or (
                " since " in clause_low
                and phrase.endswith("s")
                and _PERFECT_IN_CLAUSE.search(before) is not None
                and _SINCE_SPAN_AFTER.match(text, me, end) is not None
            )
            # "has carried out air strikes in X for more than a decade"
            or (
                " for " in clause_low
                and _PERFECT_IN_CLAUSE.search(before) is not None
                and _FOR_SPAN_AFTER.match(text, me, end) is not None
                and not _SUPERLATIVE.search(before)
            )
        )  # "7,000 have been killed in the insurgency since 2004"
        out.append(Trigger(ms, me, text[ms:me], etype, weak, recalled, background, total, vague))
    # "the group has killed thousands of civilians in X": a toll of years, in a perfect tense
    for k, t in enumerate(out):
        if (
            t.word.lower() in _DEATH_WORDS
            and _PERFECT_JUST_BEFORE.search(text, max(start, t.start - 20), t.start)
            and _MANY_AFTER.match(text, t.end, end)
        ):
            out[k] = replace(t, total=True)
    # "those killed since October were shot or struck near it": the dead of a span, and what befell them in
    # the same clause, are a running total
    if " since " in text[start:end]:
        for k, t in enumerate(out):
            if t.word.lower() in _DEATH_WORDS and _SINCE_SPAN_AFTER.match(text, t.end, min(end, t.end + 30)):
                out[k] = replace(t, total=True)
                for j in range(k + 1, len(out)):
                    if any(c in text[t.end : out[j].start] for c in ",;:"):
                        break
                    out[j] = replace(out[j], total=True)
                break
    for k in range(1, len(out)):
        if out[k].total and not out[k - 1].total and _SUBJECT_OF_TOTAL.match(text, out[k - 1].end, out[k].start):
            out[k - 1] = replace(out[k - 1], total=True)  # "the fighting in X has killed thousands this year"
        # "have carried out more than 80 attacks in X since the start of the year, killing 120 people": the toll
        # of the tally
        if (
            out[k - 1].total
            and not out[k].total
            and out[k].word.lower() in _OF_IT_WORDS
            and _PARTICIPLE_OF_IT.fullmatch(text, out[k - 1].end, out[k].start)
        ):
            out[k] = replace(out[k], total=True)
        # the rest of a list of causes, and what they did: "withdrawn after a series of rocket attacks and a drone
        # strike at X that killed Y"
        if (
            out[k - 1].background
            and not out[k].background
            and (
                _LIST_NEXT.fullmatch(text, out[k - 1].end, out[k].start) is not None
                or _THAT_OF_IT.fullmatch(text, out[k - 1].end, out[k].start) is not None
                or (
                    out[k].word.lower() in _DID_WORDS
                    and _THAT_DID.fullmatch(text, out[k - 1].end, out[k].start) is not None
                )
            )
        ):
            out[k] = replace(out[k], background=True)
        # "the April 2015 attack in which 148 people were killed": the clause of an earlier event ("past air
        # operations that killed civilians in X")
        if not out[k].recalled and (
            any(t.recalled and _OF_IT.search(text, t.end, out[k].start) for t in out[:k])
            or (out[k - 1].recalled and _THAT_OF_IT.fullmatch(text, out[k - 1].end, out[k].start) is not None)
            # its verb, after where it was: "after an ELN attack on a military base in X killed nine soldiers"
            or (
                out[k - 1].recalled
                and out[k].word.lower() in _DID_WORDS
                and _WHERE_IT_WAS.fullmatch(text, out[k - 1].end, out[k].start) is not None
            )
            # an event that followed a recalled one: "The December 2019 assault ... was followed a month later by an
            # attack on the X camp"
            or (out[k - 1].recalled and _FOLLOWED_BY.search(text, out[k - 1].end, out[k].start) is not None)
            # its participle: "bombed a train in X earlier this month, killing five people"
            or (
                out[k - 1].vague
                and out[k].word.lower() in _OF_IT_WORDS
                and _PARTICIPLE_OF_IT.fullmatch(text, out[k - 1].end, out[k].start) is not None
            )
        ):
            out[k] = replace(out[k], recalled=True)
    if (
        out
        and (
            _EARLIER_OPENING.match(text, start, end)
            # the dead of a killing long past, reburied or exhumed: "Yazidis rebury 41 victims of the massacre in X"
            or (("bur" in text[start:end] or "xhum" in text[start:end]) and _REBURIED.search(text, start, end))
            # "It is worth mentioning that last year also border guards were martyred in an attack near X": a reminder
            or (_REMINDER_OPENING.match(text, start, end) and _REMINDER_EARLIER.search(text, start, end))
        )
    ):
        # "Last month, five people were killed in an attack in X": the whole sentence looks back
        out = [replace(t, recalled=True) for t in out]
    elif out and _SPAN_OPENING.match(text, start, end):
        out = [replace(t, total=True) for t in out]
    said = _SAID_EARLIER.search(text, start, end) if out else None
    if said is not None:
        # "Kyiv said last week that its units had suffered heavy losses in fighting around X"
        out = [replace(t, recalled=True) if t.start >= said.end() else t for t in out]
    # "the victims of the 2014 attack ... the 147 people who were killed": the dead of the event recalled before them
    told = [
        k
        for k, t in enumerate(out)
        if not t.recalled
        and text.find("who ", max(start, t.start - 25), t.start) != -1  # (a word first: a search costs more)
        and _WHO_WERE_BEFORE.search(text, max(start, t.start - 25), t.start)
    ]
    if (
        told
        and all(t.recalled for k, t in enumerate(out) if k not in told)
        and (
            (len(told) < len(out) and out[0].recalled)
            # ("the anniversary of the 2016 attack, ... for the 40 students who were killed")
            or _YEAR_EVENT_BEFORE.search(text, start, out[told[0]].start) is not None
        )
    ):
        out = [replace(t, recalled=True) if k in told else t for k, t in enumerate(out)]
    # "a presence that grew after the attack on Gaza": every word recalls an earlier event; but
    # "killed ... after jets struck" reports one, its cause in the "after" phrase, and so do its dead named
    # before it without a word of killing ("five martyrs were recovered after the bombing of a tent")
    if (
        out
        and all(t.background or t.recalled for t in out)
        and not any(
            t.background
            and not t.recalled
            and (
                _DEAD_THEN.search(text, max(start, t.start - 160), t.start)
                or _DAMAGE_THEN.search(text, max(start, t.start - 130), t.start)
            )
            for t in out
        )
    ):
        out = [replace(t, recalled=True) for t in out]
    return out


def as_cause(text: str, start: int, trigger: Trigger) -> bool:
    """Whether a recalled trigger is recalled as the cause of another event or as what someone
    condemns ("in retaliation for US military action against X"), not as news of its own time."""
    return _CAUSE_BEFORE.search(text, max(start, trigger.start - 60), trigger.start) is not None


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


NOTHING_HIT_WORDS = (
    "no injur",
    "no casualt",
    "no damage",
    "no one was",
    "nothing was",
    "hit no ",
    "no hits",
    "no report",
    "no impact",
    "none was",
    "none were",
)
NOTHING_HIT = rx.compile(
    r"\bno\s+(?:reports?\s+of\s+)?(?:injur(?:y|ies)|casualties|damage|hits|impacts?)\b|\bnone\s+(?:was|were)\s+(?:hurt|injured|killed)\b|\b(?:no\s+one|nothing)\s+was\s+(?:hit|hurt|injured|killed|damaged)\b|"
    r"\bhit\s+no\s+(?:buildings?|homes?|targets?|one)\b|"
    # "no reports of anyone hit by fragments", "no reports of people injured"
    r"\bno\s+reports?\s+of\s+(?:anyone|anybody|any\s+one|people|civilians)\s+(?:being\s+)?(?:hit|hurt|injured|wounded|killed)\b",
    re.I,
)


def _hit_nothing(clause: str) -> bool:
    """Whether a sentence says nothing was hit ("caused no damage", "no one was hurt") and
    nothing else in it says something was ("hit a house", "fell near the school")."""
    if not NOTHING_HIT.search(clause):
        return False
    return _LANDED_OR_FELL.search(NOTHING_HIT.sub(" ", clause)) is None


# what a report of rebuilding or return says: "Rebuilding has begun in X", "residents returned to Y"
_REBUILT_WORDS = ("rebuil", "reconstruct", "restor", "reopen", "re-open", "repair", "return")
_REBUILT = rx.compile(
    r"\b(?:rebuil(?:d|t|ding|ds)|reconstruct(?:ion|ed|ing)?|restor(?:e|ed|ing|ation)|re-?open(?:s|ed|ing)?|"
    r"repair(?:s|ed|ing)?|return(?:s|ed|ing)?)\b",
    re.I,
)
# a relative clause in the passive, before the event word: what happened to the place earlier
# ("where the mosque was destroyed during the battle", "which was heavily shelled")
_RELATIVE_PASSIVE_BEFORE = rx.compile(
    r"\b(?:where|which|whose)\s+(?:[\w'’-]+\s+){0,5}?(?:was|were|had\s+been|has\s+been|have\s+been)\s+[^.;]*$",
    re.I,
)
# a launch that hit something: not all brought down, whatever the next sentence says
LANDED = rx.compile(
    r"\b(?:hit|hits|struck|killed|killing|wounded|wounding|injured|injuring|damag\w+|landed|impact)\b", re.I
)
_LANDED_OR_FELL = rx.compile(rf"{LANDED.pattern}|\b(?:fell|exploded|explosions?|blasts?)\b", re.I)


def most_specific(types: Sequence[EventType]) -> EventType:
    """The most specific of several event types (``other`` when none)."""
    best: EventType = "other"
    for t in types:
        if SPECIFICITY[t] > SPECIFICITY[best]:
            best = t
    return best


def type_of_events(events: Sequence[Event]) -> EventType:
    """The type of several events together (a claim that covers them all)."""
    return most_specific([e.event_type for e in events])
