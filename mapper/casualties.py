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

The groups of one list are summed ("killed nine children and 11 adults": 20; "a
woman and her two children were killed": 3), a detained or captured person is not
counted, a negated or disclaimed figure ("no one was killed", "corrected reports that
a civilian had been killed") is none, and a running total ("622 killed since
October", "the war has killed 30,000") is a figure marked ``cumulative``.

A claim is one sentence's killed and/or injured figures, with the victims
("people", "US soldiers"), the claimant ("Iraqi government spokesperson Bassem
al-Awadi", "Al-Mayadeen", "the Syrian Observatory for Human Rights") and the
quote.  Which event it describes, and so which places it covers, is decided by the
events stage (``mapper.events.attach_claims``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import rx
from .gates import gated
from .models import Article, Claim
from .text import GAPS, SPACES, Sentence, WordFinder, any_of, lower_finds_ignorecase, turn_part, word_pattern

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}  # "two dozen", "a hundred"
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
    "half a dozen": (6, 6),
    "a couple": (2, 2),  # a man and his wife ("killing a couple and their four children"), not "a couple of"
    "a handful of": (2, None),
    "many": (2, None),
    "numerous": (2, None),
}
MAX_CREDIBLE = 100_000  # larger figures are war totals, not one strike ("deaths of millions")

_NUMWORD = "(?:" + "|".join([*UNITS, *TENS, *SCALES]) + ")"
_NUM_CORE = (
    # (a number in words may carry its digits, as communiqués write it: "nine (09) soldiers")
    rf"(?i:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_NUMWORD}(?:[\s-]+(?:and\s+)?{_NUMWORD})*(?:\s*\(\d{{1,4}}\))?|"
    r"dozens|scores|hundreds|thousands|several|a\s+few|few|a\s+number\s+of|half\s+a\s+dozen|a\s+dozen|"
    r"a\s+couple(?!\s+of\b)|"
    r"a\s+(?:hundred|thousand)|"
    r"a\s+handful\s+of|many|numerous)"
)
_QUAL = (
    r"(?i:at\s+least|no\s+fewer\s+than|not\s+less\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|"
    r"in\s+excess\s+of|up\s+to|as\s+many\s+as|no\s+more\s+than|nearly|almost|close\s+to|just\s+under|"
    r"about|around|some|roughly|approximately|an\s+estimated|estimated|at\s+most)"
)
NUM = rf"(?:(?P<q>{_QUAL})\s+)?(?:(?i:between)\s+(?P<lo>{_NUM_CORE})\s+and\s+(?P<hi>{_NUM_CORE})|(?P<n>{_NUM_CORE})(?:\s*(?:-|–|to)\s*(?P<n2>\d{{1,3}}(?:,\d{{3}})+|\d+))?)(?![\w-])"  # noqa: E501

# --------------------------------------------------------------------------- victim groups
#
# A figure counts the people of one or more *groups* joined by "and": "nine children and
# 11 adults", "a woman and her two children", "the Taliban commander Fayez and one other
# insurgent".  A group is a number and what it counts ("16 Iraqi civilians", "dozens of
# people", "one of the guards", a bare "16"), or one person ("a soldier", "an Afghan
# civilian", "the Taliban leader", "Taliban leader Mullah Said", "him").

_PL_NOUNS = (
    "people persons civilians soldiers troops fighters militants servicemembers servicemen servicewomen personnel "
    "children kids women men others more military policemen policewomen officers guards bodyguards contractors "
    "workers employees staff staffers residents villagers individuals combatants militiamen paramilitaries "
    "insurgents rebels jihadists terrorists extremists gunmen attackers assailants bombers commanders leaders "
    "chiefs advisors advisers facilitators operatives police citizens nationals victims patients journalists "
    "reporters photographers medics paramedics doctors nurses relatives males females adults boys girls babies "
    "infants toddlers teenagers teens youths students pupils farmers passengers pilots sailors airmen marines "
    "troopers recruits cadets peacekeepers firefighters rescuers volunteers worshippers worshipers pilgrims "
    "shoppers refugees migrants prisoners detainees suspects elders tribesmen herders shepherds fishermen "
    "drivers labourers laborers siblings brothers sisters sons daughters wives husbands cousins officials crew members "
    "aides associates companions comrades deputies lieutenants schoolchildren schoolgirls schoolboys teachers "
    "bystanders pedestrians grandchildren monks nuns priests clerics imams novices "
    "auxiliaries vigilantes guardsmen gendarmes conscripts reservists mercenaries"
    # (as Pakistan's military names the militants it fights: "six khwarij")
    " khwarij khawarij"
    # (as India's and Pakistan's press names soldiers: "two jawans")
    " jawans vaccinators"
).split()
_SG_NOUNS = (
    "person civilian soldier trooper fighter militant insurgent rebel jihadist terrorist extremist bomber attacker "
    "gunman assailant commander sub-commander leader chief facilitator advisor adviser operative member officer "
    "policeman policewoman guard bodyguard contractor worker employee staffer journalist reporter photographer "
    "cameraman medic paramedic doctor nurse volunteer farmer student pupil resident villager driver passenger "
    "pilot sailor airman marine serviceman servicewoman servicemember individual combatant suspect male female "
    "adult child kid boy girl baby infant toddler teenager teen youth man woman elder cleric imam official "
    "governor mayor national citizen shepherd herder fisherman firefighter rescuer peacekeeper mother father son "
    "daughter brother sister wife husband grandson granddaughter grandmother grandfather grandparent grandchild "
    "aunt uncle nephew niece cousin relative militiaman "
    "tribesman emir mullah maker schoolgirl schoolboy teacher bystander pedestrian "
    # (people at work or at prayer, who are killed as often as the ones above)
    "caretaker watchman sentry porter trader vendor shopkeeper merchant labourer laborer miner engineer technician "
    "electrician worshipper worshiper pilgrim refugee migrant prisoner detainee patient priest monk nun neighbour "
    "neighbor motorcyclist cyclist herdsman gendarme conscript recruit cadet jawan vaccinator "
    # (ranks and trades: "one commando was killed", "a sergeant died of his wounds", "a tourist was shot dead")
    "commando ranger paratrooper sniper gunner rifleman infantryman sapper seaman crewman constable sergeant "
    "corporal lieutenant captain colonel brigadier inspector agent informant hostage tourist visitor customer "
    "guest translator interpreter deminer pastor bishop rabbi chauffeur guerrilla partisan lawyer prosecutor "
    "politician activist protester protestor demonstrator baker butcher tailor mechanic cook cleaner"
).split()
_MULTI_PL = r"service\s+members|family\s+members|crew\s+members|aid\s+workers|health\s+workers"
_MULTI_SG = r"service\s+member|family\s+member|crew\s+member|aid\s+worker|health\s+worker"
# "Americans", "Palestinians", "Iraqis" (not a word of a longer name: "the Syrian Observatory")
# (and the followers of a creed, "Maoists", "Islamists")
_NATION_PL = r"(?!Taliban)[A-Z][a-z]+(?:ians|ans|is|ists)\b(?!\s+[A-Z])"
_NATION_SG = r"(?!Taliban\b)[A-Z][a-z]+(?:ian|an|i)\b(?!\s+[A-Z])"
# what "members" (of a group) may run on to: "members of the Kataib Hezbollah militia were killed"
_MEMBERS_OF = r"members\s+of\s+(?:the\s+|these\s+|those\s+)?[\w\s-]{1,40}?(?=\s+(?:were|was|had|have))"
# after a number, a plural the lists above lack ("killing 70 guerrillas") if it is no measure
_UNITS = (
    r"(?:days|weeks|months|years|decades|hours|minutes|seconds|times|miles|kilomet(?:er|re)s|met(?:er|re)s|feet|"
    r"yards|inches|kilos|kilograms|pounds|tons|tonnes|percent|points|rounds|shots|shells|rockets|missiles|bombs|"
    r"mortars|drones|vehicles|cars|trucks|tanks|buses|planes|aircraft|helicopters|buildings|houses|homes|"
    r"targets|sites|villages|towns|cities|districts|provinces|others|across|towards|besides|perhaps|always|"
    r"dogs|cats|horses|cows|sheep|goats|animals|birds|pets|camels|donkeys|"
    r"afterwards|unless|whereas|thus|plus|less|was|has|does|is|as|its|this|us|yes)\b"
)
_PL = (
    rf"(?:(?i:{_MULTI_PL})|{_MEMBERS_OF}|(?i:{'|'.join(_PL_NOUNS)})\b|{_NATION_PL}|(?!{_UNITS})[a-z]{{3,}}s\b|"
    r"[a-z]{2,}men\b|"  # "guardsmen", "crewmen"
    # a force's initials, for its members, before what befell them: "eleven VDP killed", "4 SDF were killed"
    r"(?!(?:AM|PM|GMT|UTC|BC|AD|BCE|CE)\b)[A-Z]{2,6}(?=\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
    r"(?:killed|dead|wounded|injured|hurt|martyred|neutrali[sz]ed)\b))"
)
_SG = rf"(?:(?i:{_MULTI_SG})|(?i:{'|'.join(_SG_NOUNS)})\b|\d+-year-old|[a-z]+-year-old|{_NATION_SG})"
_SG_WORD = rf"(?:(?i:{_MULTI_SG})|(?i:{'|'.join(_SG_NOUNS)})\b)"  # (not "Pakistan", "Jordan")
_LOWER_MODS = (
    "other more additional further senior junior top key local foreign suspected alleged armed unarmed innocent "
    "young elderly old teenage pregnant female male civilian military security police army militia insurgent "
    "militant enemy rebel suicide hostile unidentified unknown prominent former retired district provincial "
    "regional deputy shadow network cell group aid rescue medical health relief humanitarian family service crew "
    "emergency border prison tribal village government opposition single bomb weapons explosives roadside "
    "foreign-born radio television TV news media press school hospital election polling ethnic religious "
    "commando navy naval air special elite coalition allied partner paramilitary "
    "federal national state municipal traffic riot reserve auxiliary volunteer regular off-duty "
    "gang cartel criminal drug "
    # as armies write of their own dead: "two of our heroic soldiers", "five brave sons of soil"
    "brave heroic valiant gallant "
    # where people work: "six dock workers", "four farm labourers", "two power plant engineers"
    "dock factory farm construction mine mining oil gas power plant railway rail port energy market utility "
    "repair maintenance sanitation warehouse shop hotel office bank fuel water"
).split()
_CAPWORD = r"[A-Z][\w'’.-]*"
# (a name with the Arabic article written in lower case: "10 al-Shabaab fighters", "three al Shabaab fighters")
_MOD = rf"(?:{_CAPWORD}|(?:al|el|ad|as|ash|at|az|ar|an)[-\s][A-Z][\w'’-]*|\d+-year-old|[a-z]+(?:-[a-z]+)+|[A-Za-z]+['’]s|(?:{'|'.join(_LOWER_MODS)})\b)"  # noqa: E501
# a word of a name: "Saadun", "al-Dulaimi", "bin"
_NAMEWORD = r"(?:[A-Z][\w'’.-]*|(?:al|el|ad|as|ash|at|az|ar)-[A-Za-z][\w'’-]*|bin|ibn|abu|bint|de|da|van|von)"
_NAME = rf"[A-Z][\w'’-]+(?:\s+{_NAMEWORD}){{0,3}}"
_NOT_NAMES = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|The|A|An|In|On|At|and)\b)"
)
# "of Kunduz province", "of the Haqqani Network" after one person
# ("one member of the Kurdistan Democratic Party of Iran (KDPI)": a name with "of" in it)
_OF_PP = (
    rf"(?:\s+of\s+(?:the\s+)?{_CAPWORD}(?:\s+{_NAMEWORD}){{0,3}}(?:\s+of\s+{_CAPWORD})?"
    rf"(?:\s+(?:province|district|city|village))?)"
)
# "two jawans of the District Reserve Guard (DRG)": the unit the victims belonged to
_UNIT_OF = rf"(?:{_OF_PP}(?:\s+\([A-Z]{{2,8}}\))?)"
# "the commander Fayez Jan", "the commander, Fayez Jan, and ..."
_APPOS = rf"(?:\s+{_NOT_NAMES}{_NAME}|,\s+{_NOT_NAMES}{_NAME}(?=,|\s+and\s))"
# what a number without a noun may be followed by ("killed 16 in Gaza", "killed 16."), so that
# "two days", "3 km" and "5 percent" are no group
_BARE_END = (
    r"(?=\s*$|\s*[,.;:)\]\"'’”–—]|\s+-|\s+(?:in|on|at|near|and|or|as|when|while|during|after|before|including|"
    r"inside|outside|across|since|with|by|from|so|but|according|to|over|among|yesterday|today|overnight|last|"
    r"this|early|late|were|was|are|is|had|have|has|been|being|also|all|both|reportedly|later|dead|killed|"
    r"died|slain|perished|murdered|executed|lost|injured|wounded|hurt|received|suffered|sustained|more|others|"
    r"people|the|a|an|[A-Z][a-z]*)\b)"
)
# a number group; the named form gives number_range() what it reads, and the victims
# a plural the lists name, after one word they lack ("three novice monks"), and a second kind of
# people the same figure counts ("40 soldiers and volunteer fighters were killed")
_NAMED_PL = rf"(?i:{'|'.join(_PL_NOUNS)})\b"
_ALSO_PL = rf"(?:\s+and\s+(?:{_MOD}\s+){{0,2}}{_NAMED_PL}(?!\s+(?:of|who)\b))?"
_NUMG = (
    rf"(?:(?i:all(?:\s+of)?(?:\s+the)?|another|a\s+further|a\s+total\s+of|his|her|their|its|"
    # ("killed a family of five")
    rf"(?:a|an|the|one|entire|whole)\s+family\s+of)\s+)?{NUM}"
    rf"(?:\s+of\s+(?:(?i:them|those|whom)\b|(?i:the|these|those|its|their|his|her|our)\s+(?P<vo>(?:{_MOD}\s+){{0,3}}{_PL}))"
    rf"|(?:\s+of)?\s+(?P<v>(?:{_MOD}\s+){{0,4}}(?:{_PL}|{_SG})|[a-z]{{3,}}\s+{_NAMED_PL}){_ALSO_PL}{_UNIT_OF}?"
    rf"|{_BARE_END})"
)
_ONEG = (
    rf"(?:(?i:a|an|the|another|his|her|their|its)\s+(?P<w>(?:{_MOD}\s+){{0,4}}{_SG}){_OF_PP}?{_APPOS}?"
    rf"|(?P<wt>(?:{_CAPWORD}\s+){{1,3}}(?:{_MOD}\s+){{0,2}}{_SG_WORD}){_APPOS}?"
    # "14-year-old son", "47-year-old Katya Greenberg"
    rf"|(?P<wy>\d{{1,3}}-year-old\s+(?:(?:{_MOD}\s+){{0,2}}{_SG_WORD}{_APPOS}?|{_NOT_NAMES}{_NAME})))"
)
# a named person that opens a list: "killing Fayez Jan and one other insurgent"
_NAMEG = rf"{_NOT_NAMES}(?P<nm>{_NAME})(?=\s+and\s)"
_PRON_OBJ = r"(?P<po>him|her)\b(?!\s+[a-z]+\s)"
_PRON_SUBJ = r"(?P<ps>[Hh]e|[Ss]he)(?=\s+(?:was|had\s+been|has\s+been|is)\b)"
_ANOTHER = r"(?P<an>another)(?=\s*[,.;]|\s+(?:in|on|and|when|while)\b)"
# one group of a list (which of the named alternatives matched says what it is)
_GROUP_RX = rx.compile(rf"(?:(?P<num>{_NUMG})|(?P<one>{_ONEG})|{_PRON_OBJ}|{_PRON_SUBJ}|{_ANOTHER}|{_NAMEG})")
_KINDS = ("num", "one", "po", "ps", "an", "nm")
_FIRST_ACTIVE = frozenset({"num", "one", "po", "an", "nm"})  # "killed him", "killed another"
_FIRST_PASSIVE = frozenset({"num", "one", "ps"})  # "he was killed"
# a group after the first in an active list may not open a clause of its own:
# "killed two soldiers and a civilian was wounded", "killed five and the commander said"
_VERB_NEXT = rx.compile(
    r"\s+(?:said|says|told|added|reported|confirmed|announced|stated|were|was|is|are|has|have|had|will|would|"
    r"could|may|might|did|do|does)\b"
)
# a group after the first that is who speaks: "killing nine passengers, two residents and a health worker at
# the hospital said"
_SPEAKER_NEXT = rx.compile(
    r"(?:\s+(?:at|in|of|from)\s+(?:the\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?)?\s+(?:said|says|told|reported)\b"
)
_SEP_RX = rx.compile(r",?\s+(?:and|as\s+well\s+as|along\s+with|together\s+with)\s+|\s*,\s*")
_MAX_GROUPS = 14
# where a group may start: a digit, a capital, or the first letter of a number word, a
# quantity, a determiner or a pronoun (no group opens with g, k, l, p, q, v, w, x or y)
_WORD_START = rx.compile(r"\b[\dA-Zabcdefhijmnorstuz]")
_AUX_WORD = (
    r"(?i:were|was|had\s+been|have\s+been|has\s+been|are|is|being|been|had|have|has|also|reportedly|later|all|"
    r"both|subsequently|eventually|then|allegedly|apparently|initially|now|confirmed|feared|presumed|believed|"
    r"reported|thought|known|said|understood|found|pronounced|shot|to\s+have(?:\s+been)?|"
    r"(?:engaged|shot|wounded|injured|hit|struck|attacked|ambushed|captured|stabbed|beaten)\s+and(?:\s+later)?)"
)
_AUX = rf"(?:\s+{_AUX_WORD}){{0,4}}"
_KILL_VERB = (
    r"(?:(?<!to\s)(?<!not\s)(?<!would\s)(?<!could\s)(?<!will\s)(?<!might\s)(?<!can\s)(?i:kill)|"
    r"(?i:killing|killed|kills|murdered|murdering|massacred|massacring|assassinated|executed|executing|slaughtered|"
    # (as Pakistani officials write of their own dead: "an IED struck the convoy, martyring one soldier")
    r"martyring|"
    # (as armies write of the enemies they killed: "troops neutralised six terrorists")
    r"neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|beheaded|beheading|"
    r"(?:claimed|claiming|took|taking)\s+the\s+lives\s+of|(?:shot|shooting|gunned|gunning)\s+dead|"
    # ("armed men cut the throats of 12 people")
    r"(?:cut|cutting|slit|slitting|slashed|slashing)\s+the\s+throats\s+of|"
    r"(?:stabbed|stabbing|beat|beating|beaten|burned|burning|burnt|hacked|hacking|stoned|stoning)\s+to\s+death))"
)
_DIED = (
    # ("17 people had been buried"; not "buried under the rubble", who may be alive)
    # ("eliminated", "liquidated": as armies write of the enemies they killed)
    r"(?:killed|dead|died|slain|perished|murdered|massacred|slaughtered|assassinated|executed|beheaded|decapitated|martyred|"
    r"eliminated|liquidated|neutrali[sz]ed|"
    r"buried(?!\s+(?:under|beneath|alive|in\s+(?:the\s+)?rubble|by))|"
    # (as armies write of their own dead: "embraced shahadat", "six soldiers fallen with arms in hand", "fell in
    # combat")
    r"embraced\s+(?:martyrdom|shahadat|shahadah)|"
    r"(?:fell|fallen)\s+(?:with\s+(?:their\s+)?arms\s+in\s+(?:their\s+)?hands?|in\s+(?:battle|combat|action)|"
    r"on\s+the\s+(?:battlefield|field\s+of\s+honou?r))|"
    r"lost\s+their\s+lives|lost\s+(?:his|her)\s+life|"
    # (as Pakistan's military writes of the militants it killed: "six khwarij were sent to hell")
    r"sent\s+to\s+hell|"
    r"(?:stabbed|beaten|burned|burnt|hacked|stoned|crushed|trampled|starved|tortured)\s+to\s+death)\b"
)
_TOLL_VERB = (
    r"(?i:(?:has\s+|had\s+|have\s+)?(?:climbed|risen|rose|rises|climbs|jumped|jumps|increased|increases|reached|"
    r"reaches|hit|hits|mounted|grew|soared|went\s+up|totall?ed|totals?|numbered)|(?:now\s+)?stands?\s+at|"
    r"stood\s+at|was|is|were|are)"
)
_TOLL_NOUN = (
    r"(?i:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|those\s+killed|"
    r"victims|perished|martyrs)|(?:total(?:\s+number)?|number)\s+(?:of\s+)?(?:people\s+|those\s+)?killed|fatalities|deaths?|killings)"
)
_DEATHS_N = r"(?i:deaths|fatalities|bodies|corpses|martyrs)\b"  # "five martyrs after a drone bombed X"
_HURT = r"(?:injured|wounded|hurt)\b"
_HURT_N = r"(?:received|suffered|sustained)\s+(?:\w+\s+){0,2}(?:injuries|wounds)\b"
# "two insurgents, including Badam, being killed", "20 rebels including five foreigners were killed"
_INCLUDING = (
    # ("nine civilians, four of them children, were killed")
    rf"(?:,?\s+(?i:including|among\s+them|among\s+whom|(?:\d+|{_NUMWORD}|many|most|some|all|several)\s+of\s+"
    r"(?:them|whom))\s+[^,.;]{1,100}?,?"
    # ("Seven civilians, two women among them, were killed")
    rf"|,\s+(?i:\d+|{_NUMWORD}|many|most|some|several)\s+[^,.;]{{1,40}}?\s+(?i:among\s+them|among\s+the\s+dead),"
    # ("two people, a man and a woman, lost their lives", "three, a mother and her two sons, were killed")
    rf"|,\s+(?i:an?)\s+(?:[\w-]+\s+)?{_SG_WORD}\s+and\s+(?i:an?|the|his|her|their|\d+|{_NUMWORD})\s+"
    rf"(?:[\w-]+\s+)?(?:{_SG_WORD}|(?i:{'|'.join(_PL_NOUNS)})\b),)?"
)

# A pattern that opens with a look-ahead on a set of characters ("(?=[abc])") lists the first
# characters of its matches, so that the engine passes over other positions quickly;
# tests/test_regex_gates.py checks that each such set holds them all.
# Active forms: a word, then a list of groups.
_KILL_ANCHORS = [
    # "the strike killed nine children and 11 adults", "killing the Taliban leader", "claimed the lives of 12"
    # (and a quotation of them: 'killing "more than ten soldiers"')
    rx.compile(rf"(?=[ABCEGHKMNSTabceghkmnst])\b{_KILL_VERB}\s+(?:[\"“](?=[\w]))?"),
    # "the deaths of three US service members", "the bodies of three men"
    # ("the martyrdom of six of the port workers", as Saba and SANA write it)
    rx.compile(
        r"(?=[BDKLMbdklm])\b(?i:deaths?|killings?|martyrdom|loss(?:es)?\s+of\s+(?:the\s+)?lives?|bod(?:y|ies))\s+of\s+"
    ),
]
# a side's own dead, as armies write them: "our forces lost 10 soldiers" (not "lost 300 jobs")
_LOST_ANCHOR = rx.compile(
    # ("we regret the loss of ten soldiers fallen with honour", as armies' communiqués write it)
    rf"(?=[Ll])\b(?i:lost|loses|losing|loss\s+of)\s+(?=(?i:\d+|{_NUMWORD}(?:[\s-]+{_NUMWORD})*)(?:\s*\(\d{{1,4}}\))?\s+"
    r"(?:[a-z-]+\s+)?(?i:soldiers|troops|men|servicemen|"
    r"personnel|fighters|officers|policemen|gendarmes|comrades|guards|members|elements)\b)"
)
_LEFT_ANCHOR = rx.compile(r"\b(?i:left|leaving)\s+")  # "left three soldiers dead"
_DEAD_AFTER = rx.compile(r"\s+dead\b")
_INJURE_ANCHOR = rx.compile(
    r"\b(?:(?<!to\s)(?i:injure|hurt)|(?i:injuring|injured|injures|wounding|wounded|wounds|hurting)|"
    r"(?i:the\s+injury\s+of))\s+"
)
# Passive forms: a list of groups, then these (found first, then the list before them).
_DIED_WORD = rx.compile(rf"(?=[abcdefhklmnpst])\b{_DIED}")
# a participle that says who the victims were, between them and the verb ("two drivers contracted by
# the Red Cross were killed", "three soldiers stationed in Gao were wounded")
_WHO_THEY_WERE = (
    r"(?:\s+(?i:contracted|employed|hired|working|travell?ing|riding|serving|stationed|deployed|assigned|attached|"
    r"posted)\s+(?i:by|for|with|in|at|on|to|near)\s+[^,.;]{1,60}?|\s+of\s+(?:the\s+)?soil|"
    # their ages, where they were, what they had done: "three young men, aged 19, 21 and 23, were killed", "two
    # engineers on the night shift were killed", "five soldiers, having fought gallantly, embraced shahadat"
    r",\s+aged\s+\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*,|"
    # who they were, between dashes: "Two health workers - a nurse and an ambulance driver - were killed"
    r"\s+[-–—]\s+[^-–—.;]{1,60}?\s+[-–—]|"
    r"\s+(?:on|at|of|from|inside)\s+(?:the|a|an|their|its)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+(?=\s+(?:were|was|had|have)\b)|"
    r",\s+(?:having|after\s+having)\s+[^,.;]{1,50},|"
    # where they were, in a word, and a name in brackets: "two men inside were killed", "two members of the
    # Internal Security Forces (Asayish) were killed"
    r"\s+(?i:inside|aboard|on\s+board|nearby)(?=\s+(?:were|was|had|have)\b)|\s*\([^()]{1,40}\)|"
    # who they were, between commas: "one civilian, a security guard at the depot, was killed", "one person, Ghulam
    # Nabi Dar, a vendor from the village, was killed"
    # (the second after the first's comma)
    rf"(?:,|(?<=,))\s+(?:(?i:a|an|the)\s+[^,.;()]{{1,60}}?|{_NOT_NAMES}{_NAME}),){{0,2}}"
)
_DIED_TAIL = rx.compile(rf"{_WHO_THEY_WERE}{_INCLUDING}{_AUX}\s+{_DIED}")
_HURT_WORD = rx.compile(rf"\b{_HURT}")
_HURT_TAIL = rx.compile(rf"{_WHO_THEY_WERE}{_INCLUDING}{_AUX}\s+{_HURT}")
_HURT_N_WORD = rx.compile(rf"\b{_HURT_N}")
_HURT_N_TAIL = rx.compile(rf"{_INCLUDING}\s+{_HURT_N}")
_REACH = 300  # characters before its verb that a passive list may start
# Figures read straight from a pattern (its NUM)
_TOLL_PATTERNS = [
    # "a death toll of at least 30"
    rx.compile(rf"\b(?i:death\s+toll|toll)\s+(?i:of|at)\s+{NUM}"),
    # "the death toll climbed to 30", "bringing the total killed this year to 90"
    # (the toll's event may stand between: "the death toll from Tuesday's attacks on X, a cluster of hilltop
    # villages in Y, rose to 42")
    # ("The toll from an attack by Allied Democratic Forces (ADF) rebels on a funeral gathering in X, in Y province's
    # Z territory, has risen to 23")
    rx.compile(rf"\b{_TOLL_NOUN}\b[^.;:\d]{{0,160}}?\s{_TOLL_VERB}\s+(?:(?i:by)\s+\S+\s+)?(?:(?i:to)\s+)?{NUM}"),
    rx.compile(
        # ("later raised the toll to six", "revised the death toll to 14")
        rf"\b(?i:bringing|raising|raised|raises|revised|revising|updated|pushing|taking|putting)\s+(?i:the\s+)?"
        rf"(?i:overall\s+|total\s+)?{_TOLL_NOUN}"
        rf"[^.;:\d]{{0,60}}?\s(?i:to)\s+{NUM}"
    ),
    # a toll raised that names it by a pronoun after the first figure: "first said eleven people had been killed; later
    # the health office raised that to thirteen"
    rx.compile(
        rf"\b(?i:killed|died|deaths)\b[^.!?]{{0,160}}?\b(?i:raised|revised|updated|put|pushed|took)\s+"
        rf"(?i:that|it|the\s+(?:figure|number|count))\s+(?i:up(?:wards?)?\s+)?(?i:to)\s+{NUM}"
    ),
]
# "ten insurgent deaths", "three bodies were recovered" (tried before each of those words)
_DEATHS_N_WORD = rx.compile(rf"\s{_DEATHS_N}")
_DEATHS_N_RX = rx.compile(rf"\b{NUM}\s+(?:{_MOD}\s+){{0,3}}{_DEATHS_N}\Z")


SAY_WORDS = (
    "said says say reported reports told tells confirmed confirms claimed claims stated states announced "
    "announces denied denies noted added insisted estimated cited quoted"
).split()
SAY = "(?:" + "|".join(SAY_WORDS) + ")"
_SUBJECT_STOPS = rx.compile(r"[,;:\"(]|\b(?:that|but|while|where|as|which|what|whether|if)\b")
_NEGATED = rx.compile(r"\b(?:not|never|n't)\s*$")
_ACCORDING = rx.compile(r"(?=a)\baccording\s+to\s+(?P<c>[^,.;:\"]{3,120})", re.I)
_SAY_RX = rx.compile(word_pattern(SAY_WORDS))  # lower case: "the United States" is no verb
_PRONOUN = rx.compile(r"^(?:it|he|she|they|we|i|you|this|that|officials?|sources?|the\s+statement)$", re.I)
_DATE_TAIL = rx.compile(
    r"\s+(?:on|last|this|early|late)\s+(?:\w+\s+)?(?:\d{1,2}\s+\w+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\w+day)\b.*$"
)
_CAP = rx.compile(r"[A-Z]")
_ROLE_WORD = rx.compile(
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
    # a running total ("622 killed since October", "the war has killed 300,000"), not one event's toll
    cumulative: bool = False
    # a part of the figure before it, at a place the span names ("..., including nine in Nabatieh")
    part: bool = False


_DIGITS_AFTER = rx.compile(r"\s*\(\d{1,4}\)$")


_WHOLE_NUMBER = rx.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = rx.compile(r"\d+\.\d+")


def parse_number(s: str) -> int | None:
    """'16' -> 16, '1,000' -> 1000, 'twenty-five' -> 25, 'two hundred' -> 200."""
    s = _DIGITS_AFTER.sub("", s.strip().lower())  # "nine (09)": the words say it
    if not s:
        return None
    if _WHOLE_NUMBER.fullmatch(s):
        return int(s.replace(",", ""))
    if _DECIMAL.fullmatch(s):
        return None
    total = current = 0
    seen = False
    for w in GAPS.split(s):
        if w == "and" or (w == "a" and not seen):
            continue  # "a hundred": the scale alone counts one of it
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
    q = SPACES.sub(" ", (g.get("q") or "").lower())
    if g.get("lo"):
        lo, hi = parse_number(g["lo"]), parse_number(g["hi"])
        if lo is None or hi is None:
            return None
        return (min(lo, hi), max(lo, hi))
    raw = SPACES.sub(" ", (g.get("n") or "").lower())
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
    g = m.groupdict()
    v = g.get("v") or g.get("vo") or g.get("w") or g.get("wt") or g.get("wy")
    if not v:
        return None
    v = SPACES.sub(" ", v).strip()
    return None if v.lower() in ("more", "others", "other") else v


_GENERIC = rx.compile(r"(?i:people|persons|victims|individuals)$")
_BROAD = rx.compile(r"(?i:civilians|residents|villagers|relatives|passengers|members)$")


_Range = tuple[int | None, int | None]
_Group = tuple[re.Match[str], bool]  # a group, and whether "and" (not a comma alone) joins it to the one before


def _kind(m: re.Match[str]) -> str:
    return next(k for k in _KINDS if m.group(k) is not None)


def _list_at(sentence: str, pos: int, passive: bool) -> list[_Group]:
    """The groups of the list that starts at ``pos`` (none when no group starts there)."""
    m = _GROUP_RX.match(sentence, pos)
    if m is None or _kind(m) not in (_FIRST_PASSIVE if passive else _FIRST_ACTIVE):
        return []
    out: list[_Group] = [(m, False)]
    end = m.end()
    while len(out) < _MAX_GROUPS:
        sep = _SEP_RX.match(sentence, end)
        if sep is None:
            break
        g = _GROUP_RX.match(sentence, sep.end())
        if g is None:
            break
        # later groups name what they count ("and 11 adults", "and a woman", not "and 5")
        k = _kind(g)
        if not (k == "one" or (k == "num" and (g.group("v") or g.group("vo")))):
            break
        if not passive and (_VERB_NEXT.match(sentence, g.end()) or _SPEAKER_NEXT.match(sentence, g.end())):
            break
        out.append((g, bool(sep.group().strip(", \t\r\n"))))
        end = g.end()
    return out


def _lengths(groups: list[_Group], headline: bool = False) -> list[int]:
    """How many of ``groups`` a list may take, longest first: a comma chain counts only when
    "and" closes it ("two soldiers, a nurse and a driver"), but in a headline, which writes a
    comma for "and" ("Gunfight leaves two soldiers, three militants dead"); and a name only
    opens a list ("killing Fayez and one other fighter")."""
    if not groups:
        return []
    least = 2 if _kind(groups[0][0]) == "nm" else 1
    return [k for k in range(len(groups), least - 1, -1) if k == 1 or groups[k - 1][1] or headline]


def _headline(sentence: str) -> bool:
    """A sentence with no closing stop: a headline."""
    return not sentence.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")"))


_GENERIC = rx.compile(r"(?i:people|persons|victims|individuals)$")
_BROAD = rx.compile(r"(?i:civilians|residents|villagers|relatives|passengers|members)$")


def _sum(groups: list[_Group]) -> tuple[_Range, str | None] | None:
    """The people a list counts ("nine children and 11 adults": 20), and who they are."""
    counted: list[tuple[_Range, str | None]] = []
    for m, _ in groups:
        rng = number_range(m) if m.group("num") is not None else (1, 1)
        if rng is None:
            return None
        counted.append((rng, _victims(m)))
    if len(counted) > 1 and not groups[1][1]:
        # an apposition, not a sum: "three people, a woman and her two children" (but
        # "24 civilians, 24 fighters and 25 militiamen" are 73)
        (lo0, hi0), v0 = counted[0]
        rest_lo = [c[0][0] for c in counted[1:]]
        if (
            v0 is not None
            and (
                (
                    _GENERIC.search(v0)
                    and (
                        lo0 != hi0 or (lo0 is not None and None not in rest_lo and sum(x or 0 for x in rest_lo) <= lo0)
                    )
                )
                # ("two civilians, a father and his adult son": one by one, as many as it said)
                or (
                    _BROAD.search(v0)
                    and all(_kind(g) == "one" for g, _ in groups[1:])
                    and lo0 == hi0
                    and lo0 is not None
                    and None not in rest_lo
                    and sum(x or 0 for x in rest_lo) == lo0
                )
            )
        ):
            return counted[0]
    los = [c[0][0] for c in counted]
    his = [c[0][1] for c in counted]
    lo = None if None in los else sum(x or 0 for x in los)
    hi = None if None in his else sum(x or 0 for x in his)
    names = [c[1] for c in counted if c[1]]
    return (lo, hi), (" and ".join(names) if names else None)


_Found = tuple[int, int, list[_Group] | re.Match[str]]  # start, end, and the groups or the NUM match


def _active(sentence: str, anchor: re.Pattern[str], after: re.Pattern[str] | None = None) -> Iterator[_Found]:
    """Lists after ``anchor`` ("killed ..."), followed by ``after`` if given ("left ... dead")."""
    headline = _headline(sentence)
    for a in anchor.finditer(sentence):
        groups = _list_at(sentence, a.end(), passive=False)
        for k in _lengths(groups, headline):
            end = groups[k - 1][0].end()
            if after is not None:
                f = after.match(sentence, end)
                if f is None:
                    continue
                end = f.end()
            yield a.start(), end, groups[:k]
            break


def _passive(sentence: str, word: re.Pattern[str], tail: re.Pattern[str]) -> Iterator[_Found]:
    """Lists that ``tail`` follows up to one of the words ``word`` finds ("two soldiers were
    killed"), the longest (leftmost) one."""
    headline = _headline(sentence)
    for w in word.finditer(sentence):
        for s in _WORD_START.finditer(sentence, max(0, w.start() - _REACH), w.start()):
            p = s.start()
            if sentence.endswith(("the ", "The "), 0, p):  # "the two were killed": said before
                continue
            groups = _list_at(sentence, p, passive=True)
            k = next(
                (k for k in _lengths(groups, headline) if tail.fullmatch(sentence, groups[k - 1][0].end(), w.end())), 0
            )
            if k:
                yield p, w.end(), groups[:k]
                break


def _regex(pattern: re.Pattern[str], sentence: str) -> Iterator[_Found]:
    for m in pattern.finditer(sentence):
        yield m.start(), m.end(), m


def _deaths_n(sentence: str) -> Iterator[_Found]:
    for w in _DEATHS_N_WORD.finditer(sentence):
        m = _DEATHS_N_RX.search(sentence, max(0, w.start() - 120), w.end())
        if m is not None:
            yield m.start(), m.end(), m


def _count(found: list[_Group] | re.Match[str]) -> tuple[_Range, str | None] | None:
    if isinstance(found, list):
        return _sum(found)
    rng = number_range(found)
    return None if rng is None else (rng, None)


# "no one was killed", "did not kill", "none of the"
_NEGATION_BEFORE = rx.compile(r"(?:\b(?i:no|not|never|nor|none\s+of(?:\s+the)?|without)|n't)\s+$")
# "corrected initial reports that a civilian had been killed", "denied killing three civilians"
_DISCLAIM = (
    r"(?i:correct(?:ed|s|ing)?|den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|dismiss(?:ed|es|ing)?|"
    r"retract(?:ed|s|ing)?|reject(?:ed|s|ing)?|false(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|untrue|unfounded|"
    r"baseless|inaccurate|debunk(?:ed|s|ing)?)"
)
_DISCLAIMED_BEFORE = gated(
    rf"\b{_DISCLAIM}\b(?:\s+[\w'’-]+){{0,3}}?\s+(?:(?i:reports?|claims?|allegations?|accounts?|suggestions?|"
    rf"assertions?|rumou?rs?)\s+(?:(?i:that|of)\s+)?|(?i:that)\s+)(?:[\w'’-]+\s+){{0,2}}$"
    rf"|\b(?i:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing))\s+(?:(?i:having)\s+)?$"
)
# A running total is not one event's toll: "622 killed since October", "killed in eight years",
# "the war has killed more than 300,000", "bringing the total killed this year to 90".
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
_SPAN_UNITS = r"(?:years?|months?|weeks?|decades?)"
_SPAN_COUNT = rf"(?:\d+|{_NUMWORD}|several|a\s+few|few|many)"
_CUM_MARK = (
    rf"(?i:since\s+(?:(?:early|late|mid-?)\s*)?(?:then\b|{MONTHS}|(?:19|20)\d\d\b|last\s+(?:year|month|week)\b|"
    # "killed across Iran since Friday": the days of a campaign (not "since Friday's strike")
    r"(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]s)|the\s+weekend\b|the\s+"
    r"(?:(?:19|20)\d\d\s+)?(?:full-scale\s+|Russian\s+|Israeli\s+)?(?:start|beginning|outbreak|war|conflict|fighting|"
    r"uprising|revolution|invasion|"
    r"insurgency|coup|takeover)\b|"
    r"(?:it|the\s+war|the\s+conflict|the\s+fighting)\s+(?:began|started|broke\s+out)\b)|to\s+date\b|"
    r"(?<!earlier\s)(?<!later\s)this\s+year\b|in\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:war|conflict|insurgency|"
    r"uprising)(?![\w-])|"
    r"in\s+recent\s+(?:months|weeks|years)\b|nationwide\s+since\b|"
    r"(?:in|over|during|throughout)\s+(?:the\s+)?(?:past|last|previous|first|preceding)\s+"
    rf"(?:{_SPAN_COUNT}\s+)?{_SPAN_UNITS}\b|in\s+(?:just\s+)?{_SPAN_COUNT}\s+(?:years|months|weeks|decades)\b|"
    r"(?:during|throughout|over)\s+the\s+(?:course\s+of\s+the\s+)?(?:\w+\s+)?(?:war|conflict|insurgency|uprising|"
    r"occupation)\b)"
)
_CUM_IN = gated(_CUM_MARK)
# (not after a superlative: "the deadliest attack since 2019")
_CUM_AFTER = rx.compile(rf"^(?:\s+(?!(?i:\w+est|worst|most|first)\b)[\w'’-]+){{0,5}}?\s+{_CUM_MARK}")
_CUM_BEFORE = rx.compile(
    r"\b(?i:war|conflict|fighting|violence|insurgency|uprising|crisis|occupation|hostilities|unrest)\b"
    r"(?:[^.;!?]{0,80}?)\s(?i:has|have|had)\s+(?:(?i:so\s+far|now|already|reportedly|since\s+\S+)\s+)?$"
    rf"|\b{_CUM_MARK}[^.;!?,]{{0,40}},\s*$"
)
# (not the comma of "6,000", nor those of a list of names: "in Garissa, Lamu and Wajir in recent months")
_CLAUSE_END = rx.compile(r",(?!\d{3}\b)(?!\s*(?:and\s+)?[A-Z])|[;:(–—]|\s-\s")
# a span opened by an earlier event: "since the RSF tightened its siege in May", "since the army
# launched its offensive"
_SINCE_CLAUSE = (
    r"since\s+(?:[\w'’-]+\s+){1,4}?(?:[a-z]+ed|began|took|broke\s+out|came|seized|fell|overran|won|swept|went|"
    r"struck|hit|launched|stepped\s+up)\b"
)


# a perfect tense before the verb ("forces have stepped up operations", "has been shelled")
_PERFECT_BEFORE = rx.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:[a-z]+\s+){0,5}$")
# a war the subject of the verb: "the 2024 war between Israel and X killed more than 4,000"
_WAR_SUBJECT = gated(
    r"\b(?i:war|conflict|insurgency|uprising|hostilities)(?:\s+(?:between|in|on|against|with|of)\s+[^.;!?,]{0,50})?"
    # ("ended two years of war that killed hundreds of thousands")
    r"(?:\s+(?:that|which))?\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?$"
)
# a running span anywhere in the clause after such a verb ("... in the regions of X and Y since 2022")
_CUM_IN_CLAUSE = rx.compile(rf"^(?:\s+[\w'’,-]+){{0,14}}?\s+(?:{_CUM_MARK}|{_SINCE_CLAUSE})")
# a figure told in a perfect tense over such a span: "more than 200 civilians have been killed in and
# around X since the RSF tightened its siege"
_CUM_PERFECT = rx.compile(rf"\b(?:has|have)\s+been\s+[a-z]+(?:\s+[\w'’-]+){{0,10}}?\s+{_SINCE_CLAUSE}")


# the people a war has driven from their homes, counted with its dead in a perfect tense
_DISPLACED_AFTER = rx.compile(
    rf"\s+(?i:and)\s+(?:(?i:some|about|around|nearly|more\s+than|over|at\s+least|tens\s+of)\s+)?"
    rf"(?:\d[\d,.]*|{_NUMWORD}|(?i:thousands|millions?|hundreds\s+of\s+thousands))(?:\s+(?i:more|others|people))?\s+"
    r"(?:(?i:have\s+been|were|are|had\s+been)\s+)?(?i:displaced|uprooted|made\s+homeless|forced\s+from\s+their\s+homes)\b"
)


def running_total_after(text: str, before: str = "") -> bool:
    """Whether the words after a verb of killing make it a running total ("... killed in the
    insurgency since 2004", "... killed in the state since then"), or those before it (a war its
    subject: "the war in X has killed"), or, after a perfect tense, a
    campaign ("have stepped up operations in the regions of X and Y since 2022")."""
    if _CUM_AFTER.match(text) is not None:
        return True
    if _CUM_BEFORE.search(before) is not None or _WAR_SUBJECT.search(before) is not None:
        return True  # "the war in X has killed more than 46,000"
    if not _PERFECT_BEFORE.search(before):
        return False
    if _DISPLACED_AFTER.match(text):
        return True  # "more than 250 people have been killed and some 60,000 displaced": a war's count
    cut = _CLAUSE_END.search(text)
    return _CUM_IN_CLAUSE.match(text[: cut.start()] if cut else text) is not None


def _cumulative(sentence: str, start: int, end: int) -> bool:
    """Whether the figure at ``sentence[start:end]`` is a running total (see ``_CUM_MARK``)."""
    after = sentence[end : end + 120]
    cut = _CLAUSE_END.search(after)
    if cut:
        after = after[: cut.start()]
    return bool(
        _CUM_IN.search(sentence, start, end)
        or _CUM_AFTER.search(after[:80])
        or _CUM_PERFECT.search(sentence[start:end] + after) is not None
        or _CUM_BEFORE.search(sentence[max(0, start - 120) : start])
        or (_DISPLACED_AFTER.match(after) is not None and _PERFECT_SPAN.search(sentence, start, end) is not None)
    )


_PERFECT_SPAN = rx.compile(r"\b(?:has|have|had)\s+been\b")


def _denied(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 100) : start]
    return bool(_NEGATION_BEFORE.search(before) or _DISCLAIMED_BEFORE.search(before))


# Every figure pattern above contains one of these words; a sentence without any of
# them has no figure, so the patterns are not run over it.
_HINT_WORDS = [
    *"kill dead died slain perish lost death loss injur wound hurt toll fatalit bodies corpses victims".split(),
    *"murder massacr assassinat executed executing behead martyr buried eliminated liquidated slaughter".split(),
    *"eliminating neutralis neutraliz shahad throats decapitat".split(),
    "sent to hell",
    "fell in",
    "fell on",
    "fell with",
    "fallen with",
    "fallen in",
    "fallen on",
    "body of",
    "lives of",
]
_FIGURE_HINT = rx.compile(any_of(_HINT_WORDS), re.I)
_HINT_FINDER = WordFinder(_HINT_WORDS)


def _hint_automaton() -> Any:
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in _HINT_WORDS:
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


_HINT_AUTOMATON = _hint_automaton()


def _has_hint(sentence: str, low: str) -> bool:
    """``_FIGURE_HINT.search(sentence) is not None`` (``low`` is ``sentence.lower()``), from one
    Aho-Corasick pass that stops at the first word found (a regex alternation tries every
    position of the sentence; most sentences have no hint)."""
    if not lower_finds_ignorecase(sentence):
        return _FIGURE_HINT.search(sentence) is not None
    return next(iter(_HINT_AUTOMATON.iter(low)), None) is not None


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


# the words each of the kill anchors needs (a sentence without them is not searched with it)
KILL_ANCHOR_WORDS = (
    (
        "kill",
        "murder",
        "massacr",
        "slaughter",
        "assassinat",
        "execut",
        "lives of",
        "dead",
        "death",
        "neutrali",
        "eliminat",
        "behead",
        "martyring",
        "throats",
    ),
    ("death", "killing", "lives", "loss", "body of", "bodies of", "martyrdom"),
)
TOLL_WORDS = ("toll", "death", "fatalit", "killed", "killings", "number of", "died")  # (what _TOLL_PATTERNS need)
INJURE_WORDS = ("injur", "hurt", "wound")  # (what the injury anchor and words need)


def _kill_forms(sentence: str, low: str) -> Iterator[Iterator[_Found]]:
    """The ways a sentence may give a death toll, each only where its words are."""
    if any(w in low for w in KILL_ANCHOR_WORDS[0]):
        yield _active(sentence, _KILL_ANCHORS[0])
    if "los" in low:
        yield _active(sentence, _LOST_ANCHOR)
    if "dead" in low:
        yield _active(sentence, _LEFT_ANCHOR, _DEAD_AFTER)
    if any(w in low for w in KILL_ANCHOR_WORDS[1]):
        yield _active(sentence, _KILL_ANCHORS[1])
    if any(w in low for w in TOLL_WORDS):
        for pattern in _TOLL_PATTERNS:
            yield _regex(pattern, sentence)
    if any(w in low for w in ("deaths", "fatalities", "bodies", "corpses", "martyrs")):
        yield _deaths_n(sentence)
    yield _passive(sentence, _DIED_WORD, _DIED_TAIL)


def _injure_forms(sentence: str, low: str) -> Iterator[Iterator[_Found]]:
    if any(w in low for w in INJURE_WORDS):
        yield _active(sentence, _INJURE_ANCHOR)
        yield _passive(sentence, _HURT_WORD, _HURT_TAIL)
    if "injuries" in low or "wounds" in low:
        yield _passive(sentence, _HURT_N_WORD, _HURT_N_TAIL)


_Figure = tuple[int, int, _Range, str | None]
# a claim's sentence index, the clean span of its figure, and whether it is a part by place
ClaimSpan = tuple[int, int, int, bool]


def _read(sentence: str, forms: Iterator[Iterator[_Found]]) -> list[_Figure]:
    out: list[_Figure] = []
    for form in forms:
        for s, e, found in form:
            if any(s < e2 and s2 < e for s2, e2, _, _ in out):
                continue
            got = _count(found)
            if got is None or not _plausible(got[0]) or _denied(sentence, s):
                continue
            if sentence[s].isdigit() and _MONTH_BEFORE.search(sentence, max(0, s - 12), s):
                continue  # "on Sept. 11 killed the ambassador": a date, not a toll
            out.append((s, e, got[0], got[1]))
    return sorted(out)


_MONTH_BEFORE = rx.compile(rf"\b{MONTHS}\s*$")


# a figure quoted as someone gave it: 'said that "more than 50" soldiers had been killed'
_QUOTED_FIGURE = rx.compile(
    r"[\"“](?=(?:(?:more|fewer|less)\s+than\s+|at\s+least\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|"
    r"up\s+to\s+|some\s+)?(?:\d[\d,]*|[a-z]+|a\s+dozen|dozens|scores|hundreds)[\"”])"
    r"(?P<inner>[^\"“”]{1,30})[\"”]",
    re.I,
)


def _unquoted(sentence: str) -> str:
    """``sentence`` with the quotation marks around a quoted figure made spaces (offsets kept)."""
    if '"' not in sentence and "“" not in sentence:
        return sentence
    return _QUOTED_FIGURE.sub(lambda m: f" {m.group('inner')} ", sentence)


_DOUBLED = rx.compile(rf"(?i:\b({_NUMWORD}(?:[\s-]+{_NUMWORD})*))(\s*\(\d{{1,5}}\))(?=\s)")


def find_figures(sentence: str) -> list[Figures]:
    """Killed/injured figures in one sentence; one entry per killed figure, injuries attached.

    A figure sums the groups of one list ("two soldiers and a civilian died": 3); a
    negated or disclaimed one ("no one was killed", "corrected reports that a civilian
    had been killed") is none; a running total ("622 killed since October") is kept with
    ``cumulative`` set.
    """
    low = sentence.lower()
    if not _has_hint(sentence, low):
        return []
    if "(" in sentence:
        # a number in words, then in digits, as francophone press writes it: "eleven (11) soldiers killed" (the
        # digits blanked, so that every span stays where it was)
        sentence = _DOUBLED.sub(lambda m: m.group(1) + " " * len(m.group(2)), sentence)
    kills = _read(sentence, _kill_forms(sentence, low))
    injuries = _read(sentence, _injure_forms(sentence, low))
    figs: list[Figures] = [
        Figures(killed_min=r[0], killed_max=r[1], victims=v, span=(s, e), cumulative=_cumulative(sentence, s, e))
        for s, e, r, v in kills
    ]
    found = [(s, e) for s, e, _, _ in kills + injuries]
    parts = [p for f in figs for p in _parts(sentence, f, found)]
    for s, e, r, v in injuries:
        # "a soldier was wounded and later died" is one death
        if any(s < f.span[1] and f.span[0] < e for f in figs):
            continue
        before = [f for f in figs if f.span[0] < s and f.injured_min is None and f.injured_max is None]
        if before:
            f = before[-1]
            f.injured_min, f.injured_max = r
            f.span = (f.span[0], max(f.span[1], e))
            f.victims = f.victims or v
        else:
            figs.append(
                Figures(
                    injured_min=r[0], injured_max=r[1], victims=v, span=(s, e), cumulative=_cumulative(sentence, s, e)
                )
            )
    # parts come last, so that "..., including nine in Nabatieh, and wounded 40" gives its
    # injured to the whole; a part that is some other figure's words is none
    figs.extend(p for p in parts if not any(p.span[0] < e and s < p.span[1] for s, e in found))
    return figs


# A toll spread over an area, then split by place: "killed at least 22 people across Lebanon,
# including nine in the town of Nabatieh and four in Tyre", "killing 30, 20 of them in Gaza City".
# Each part is a figure of its own; its span runs to the end of the place it names.
# (or a figure at its own place, then another at the next: "four fighters were killed in Jurf
# al-Nasr and two in the strike near al-Qaim")
_PART_HEAD = rx.compile(
    r"(?:\s+[^,;:.]{1,80}?)??(?:\s*,?\s*(?:including|among\s+them)\s+|\s*,\s*(?=[\w\s-]{1,30}?\s+of\s+them\s+(?:in|at)\s))"
    rf"|\s+(?:in|at)\s+[^,;:()]{{1,60}}?(?:\s*,\s*|\s+)and\s+(?={NUM}\s+(?:more\s+|others?\s+)?(?:in|at|near)\s)",
    re.I,
)
_PART_RX = rx.compile(
    rf"{NUM}(?:\s+(?:people|persons|of\s+them|more|others?))?\s+(?:in|at|near)\s+"
    rf"(?P<where>[^,;:()]+?)(?=\s*(?:[,;:()]|\.?\s*$|\s+and\s+(?:{_QUAL}\s+)?{_NUM_CORE}(?![\w-])))"
)
_PART_SEP = rx.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _parts(sentence: str, fig: Figures, found: list[tuple[int, int]]) -> list[Figures]:
    """The parts by place of a killed figure that a list right after it gives (no other
    figure of ``found`` between them: "two were killed and four wounded, including one in X"
    is one of the wounded)."""
    head = _PART_HEAD.match(sentence, fig.span[1])
    if head is None or any(fig.span[1] <= s < head.end() for s, _ in found):
        return []
    out: list[Figures] = []
    pos = head.end()
    while True:
        m = _PART_RX.match(sentence, pos)
        rng = number_range(m) if m else None
        if m is None or rng is None or not _plausible(rng):
            break
        out.append(
            Figures(
                killed_min=rng[0],
                killed_max=rng[1],
                victims=fig.victims,
                span=(m.start(), m.end()),
                cumulative=fig.cumulative,
                part=True,
            )
        )
        sep = _PART_SEP.match(sentence, m.end())
        if sep is None:
            break
        pos = sep.end()
    return out


_CLAIMANT_OPENING = rx.compile(r"^(?:and|but|meanwhile|however|also|from\s+the\s+\w+\s+side)\s+", re.I)
_CLAIMANT_CLOSING = rx.compile(r"\s+(?:meanwhile|however|also|later|earlier|then|has|have|had)$")


def _clean_claimant(c: str) -> str | None:
    c = SPACES.sub(" ", c).strip(" ,;:\"'")
    c = _DATE_TAIL.sub("", c).strip()
    c = _CLAIMANT_OPENING.sub("", c)
    c = _CLAIMANT_CLOSING.sub("", c)
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


# --------------------------------------------------------------------------- claims

_PRIOR_CAUSE = gated(
    r"\b(?:responsible\s+for|in\s+response\s+to|in\s+retaliation\s+for|retaliat\w*|revenge\s+for|"
    r"avenge\w*)\b|\blast\s+week's\b|"
    # what a person targeted did before: "was involved in the Aug. 8 suicide attack, which killed",
    # "planned and directed a recent ambush that killed two soldiers"
    r"\b(?:was|were|been|is|are)\s+(?:\w+\s+)?involved\s+in\b|\b(?:planned|orchestrated|masterminded|directed|"
    r"coordinated)\s+(?:and\s+\w+\s+)?(?:the|an?|several|multiple|numerous)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:attacks?|ambush(?:es)?|bombings?|assaults?)\b|"
    # how a war began: "The war began when Hamas-led militants attacked southern Israel ..., killing 1,200"
    r"\b(?:war|conflict|fighting|offensive|insurgency|uprising|crisis)\s+(?:began|started|erupted|broke\s+out)\b",
    re.I,
)
_PRIOR_WHEN = rx.compile(
    r"\b(?:last|previous|earlier)\s+(?:week|month|year|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\b(?:days|weeks|months|years)\s+(?:ago|earlier)\b|"
    # "that month", "In October 2024,": a time the report looks back to
    rf"\bthat\s+(?:week|month|year)\b|\bin\s+{MONTHS}\s+(?:of\s+)?(?:19|20)\d\d\b",
    re.I,
)


# the head of a table's column of the dead or of the wounded: "Date | Location | Incident | Killed | Injured"
_KILLED_HEAD = rx.compile(r"\s*(?i:killed|dead|deaths|fatalities|died)\s*")
_INJURED_HEAD = rx.compile(r"\s*(?i:injured|wounded|injuries|hurt)\s*")


def _table_figures(texts: list[str]) -> dict[int, Figures]:
    """The figures of a table's rows, one row a line, its columns apart by "|", from the columns
    its head names (sentence index -> figures)."""
    out: dict[int, Figures] = {}
    columns: tuple[int, int | None, int | None] | None = None  # cells, killed's, injured's
    for i, text in enumerate(texts):
        if text.count("|") < 2 or "\n" in text:
            columns = None
            continue
        cells = text.split("|")
        killed = next((j for j, c in enumerate(cells) if _KILLED_HEAD.fullmatch(c)), None)
        injured = next((j for j, c in enumerate(cells) if _INJURED_HEAD.fullmatch(c)), None)
        if killed is not None or injured is not None:
            columns = (len(cells), killed, injured)
            continue
        if columns is None or len(cells) != columns[0]:
            continue
        n = [parse_number(cells[j]) if j is not None else None for j in columns[1:]]
        if n[0] is None and n[1] is None:
            continue
        at = columns[1] if n[0] is not None else columns[2]
        assert at is not None
        start = sum(len(c) + 1 for c in cells[:at])
        out[i] = Figures(n[0], n[0], n[1], n[1], span=(start, start + len(cells[at])))
    return out


def read_claims(article: Article, sentences: list[Sentence]) -> tuple[list[Claim], list[ClaimSpan]]:
    """Casualty claims of one article, with claimant and quote, not yet placed (the events
    stage gives each the event it describes), and for each the index of its sentence, the
    clean span of its figure and whether it is a part by place of the figure before it.  A
    running total ("622 killed since October") or the toll of an earlier event ("last week's
    drone strike", "in retaliation for") is kept with the reason it belongs to no event
    (``Claim.aside``); a sentence met again on the page is one claim.  A table's row, one line
    with cells apart by "|", gives the figures of the Killed and Injured columns its head names."""
    clean = article.clean
    claims: list[Claim] = []
    spans: list[ClaimSpan] = []
    seen: set[tuple[str, tuple[int | None, ...]]] = set()
    prev_claimant: str | None = None
    prev_para = -1
    texts = [clean[sent.start : sent.end] for sent in sentences]
    hinted = _hinted(clean, sentences)
    all_figures = [find_figures(_unquoted(text)) if hint else [] for text, hint in zip(texts, hinted, strict=True)]
    for i, f in _table_figures(texts).items():
        all_figures[i] = all_figures[i] or [f]
    reported = False  # a sentence before has given figures
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
            key = (" ".join(text.split()).lower(), (f.killed_min, f.killed_max, f.injured_min, f.injured_max))
            if key in seen:  # the same sentence again on the page: one claim
                continue
            seen.add(key)
            phrase = (sent.start + f.span[0], sent.start + f.span[1])
            s, e = article.to_original(sent.start, sent.end)
            # a toll the article's first report of figures dates "last week" is its event's, not an
            # earlier one ("killed 11 civilians in raids on villages ... last week")
            # (a cause named after the figure is what someone did before, not the figure's: "30 bandits were
            # neutralised, including a kingpin responsible for kidnappings")
            earlier = _PRIOR_CAUSE.search(text, 0, f.span[1]) or (_PRIOR_WHEN.search(text) and reported)
            aside = "running total" if f.cumulative else "an earlier event" if earlier else ""
            # in a sentence that turns to another matter, who gives the figure's part of it
            a, b = turn_part(text, f.span[0])
            said = find_claimant(text[a:b]) if (a, b) != (0, len(text)) else None
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
                    claimant=said or claimant,
                    aside=aside,
                )
            )
            spans.append((i, *phrase, f.part))
        prev_claimant, prev_para = claimant, sent.paragraph
        reported = reported or bool(figures)
    return claims, spans


_CONTINUING = rx.compile(r'^(?:"|These|This|It|He|She|They|The\s+spokes\w+|He\s+went\s+on)\b|^"', re.I)
