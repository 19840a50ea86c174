"""Is a place name used as a place?  Non-literal uses, decided in context.

An outlet or agency named like a place ("sources speaking with Al-Mayadeen", "news
agency Sana", "The Jerusalem Post"), a government by its capital ("Washington
said", "prompting Baghdad to summon"), a possessive of an institution ("Iraq's
sovereignty"), a place that qualifies people or money ("Iowa farmers", "US troops"),
a team named after its home ("beat Norwich"), a name inside a longer proper name
("Air France KLM").  The resolve stage asks once it knows the place's feature type.
"""

from __future__ import annotations

import re

from . import rx
from .gates import gated
from .toponyms import CAP_WORD_AFTER, CAP_WORD_BEFORE, JOINERS, PLACE_WORDS, SENTENCE_START, common_words

_ORG_AFTER = rx.compile(
    r"^\s+(?:Post|Times|TV|Television|Radio|News|Agency|Herald|Tribune|Gazette|Journal|Daily|"
    r"Channel|Press|Broadcasting|Chronicle|Observer|Telegraph|Examiner|Courier|Globe|Star|"
    r"Institute|University|Club|FC|United|Review|Monitor|Network|Media|Force|Brigades?|Corps|"
    r"Party|Front|Movement|Group|Company|Airways|Airlines|Bank|group)\b"  # ("the Wagner group")
    # "the Kurdistan Freedom Party", "the Kurdistan Workers' Party"
    r"|^\s+(?:[A-Z][\w'’]*\s+){1,2}(?:Party|Front|Movement)\b"
    # "broadcast on Kursk regional television": a broadcaster named after its town
    r"|^\s+(?:regional|state|local|city|provincial|public)\s+(?i:television|TV|radio|broadcaster|newspaper|channel)\b"
    # "its Shahada news agency", "the Amaq news agency"
    r"|^\s+news\s+agency\b"
)
# a channel named with the Arabic article ("Hezbollah's Al-Manar television", "AL-SHARQ RADIO"), not a city's
# ("Los Angeles television"), nor the tower or the building ("the Al-Manar television building")
_CHANNEL = rx.compile(r"(?i:a[lrsnt]|ash|el)[- ]\w")
_CHANNEL_AFTER = rx.compile(
    r"^\s+(?i:television|radio|TV)\b"
    r"(?!\s+(?i:towers?|masts?|transmitters?|centre|center|buildings?|complex|stations?|studios?|offices?|headquarters)\b)"
)
_SAY = (
    r"said|says|say|confirmed|confirms|reported|reports|told|tells|announced|announces|stated|states|"
    r"denied|denies|claimed|claims|condemned|condemns|accused|accuses|rejected|rejects|warned|warns|"
    r"believes|believe|insisted|insists|added|noted|urged|urges|summoned|summons|responded|vowed|"
    r"threatened|blamed|blames|notified|informed|demanded|demands|agreed|decided|wants|hopes|fears|"
    r"considers|seeks|sought|ordered|approved|refused|welcomed|praised|criticised|criticized|called|"
    r"asked|argued|described|insisted|retaliated|responded|pledged|promised|expects|sees|saw|knows"
)
_SPEECH_AFTER = rx.compile(
    rf"^(?:\s*'s)?\s+(?:(?:has|have|had|also|strongly|categorically|quickly|repeatedly|reportedly|"
    rf"officially|later|earlier|then|now|firmly|publicly|meanwhile|however,?)\s+){{0,3}}(?:{_SAY})\b"
)
_AUX_AFTER = rx.compile(
    # (not a toll that has grown, said after the place it was of: "the strike on X has increased to nine")
    r"^\s+(?:has|have|had|will|would)\s+(?!been\b|being\b|a\b|an\b|the\b|no\b|not\b|become\b|fallen\b|"
    r"(?:increased|risen|climbed|grown|jumped|reached)\s+to\b)"
    r"(?:[a-z]+ed|[a-z]+en|sent|begun|launched|struck|led|made|taken|won|lost|built|sought|held)\b"
)
# A pattern that opens with a look-ahead on a set of characters ("(?=[abc])") lists the first
# characters of its matches, so that the engine passes over other positions quickly;
# tests/test_regex_gates.py checks that each such set holds them all.
_ORG_BEFORE = gated(
    r"(?=[abcdinopstuw])(?:according\s+to|speaking\s+(?:with|to)|told|tells|telling|news\s+agency|agency|channel|"
    r"broadcaster|newspaper|outlet|daily|TV\s+station|television|accusing|accused|accuse|urged|"
    r"urging|pressed|pressing|notified|informed|summon(?:ed|ing)?|prompting|prompted|blamed|blaming|"
    r"warned|warning|(?<!road\s)(?<!highway\s)(?<!route\s)(?<!area\s)between|and\s+its\s+allies)\s+(?:the\s+)?(?:\"\s*)?$",
    re.I,
)
_POSSESSIVE = rx.compile(
    r"^'s\s+(?:[a-z]+(?:-[a-z]+)?\s+){0,2}?(?:sources?|correspondents?|reporters?|reports?|website|channel|broadcasts?|"
    # what a state wages: "Russia's full-scale invasion", "Israel's offensive", "Iran's missiles"
    r"invasion|occupation|offensive|campaign|missiles?|drones?|air\s+defen[cs]es?|"
    r"government|ministry|ministers?|president|leaders?|officials?|army|forces|military|sovereignty|"
    r"strikes?|response|policy|disregard|influence|allies|ally|envoy|embassy|decision|position|stance|"
    r"support|backing|proxies|proxy|regime|administration|parliament|cabinet|security|intelligence|"
    r"troops|navy|air\s+force|armed|interior|foreign|defen[cs]e|internal|affairs|actions?|aggression|"
    r"retaliation|role|behaviou?r|interests?|approach|efforts?|adventure|mistake|genocide|war)\b"
)
_TIME_AFTER = rx.compile(r"^\s+time\b")
# a body named after where it works, with its acronym: "the Stabilization Mission in the DR Congo (MONUSCO)"
_BODY_IN_BEFORE = rx.compile(r"\b(?:Mission|Commission|Office|Command|Force|Operation)\s+(?:in|for|of)\s+(?:the\s+)?$")
_ACRONYM_AFTER = rx.compile(r"^\s*\([A-Z]{3,}\)")
# a body's short name in brackets after its name: "the Yemen News Agency (Saba)"
_SHORT_NAME_BEFORE = rx.compile(
    r"\b(?:Agency|News|Television|TV|Radio|Channel|Network|Front|Party|Movement|Council|Committee|Ministry|"
    r"Authority|Corporation|Company|Organi[sz]ation)\s*\(\s*$"
)
# the close of a dateline's credit: "(Saba) -", "(Reuters) --"
_CREDIT = rx.compile(r"^\)\s*(?:[-–—]|--|:)")
# an outlet a translation is credited to: "Translated from Al-Thawra (Sanaa), 12 May 2015"
_TRANSLATED_FROM = rx.compile(r"\b(?i:translated)\s+from\s+(?:the\s+)?$")
# an outlet after the town a story was filed from, on a line of its own: "Sanaa - Al-Thawra", "Ataq - Aden al-Ghad"
_FILED_FROM_BEFORE = rx.compile(r"(?:^|\n)[A-Z][\w'’.]*(?:[ -][\w'’.]+){0,3}[ \t]+[-–—][ \t]+$")
_LINE_ENDS_AFTER = rx.compile(r"^(?:[ -][A-Za-z][\w'’.]*){0,3}[ \t]*(?:\n|$)")
_CREDITED = rx.compile(r"\w[ \t]*\($")  # (after the dateline's place and date: not "(Red Oak) --", a place)
# a facility named after a person whose name opens with a place's: "Aden Adde International Airport"
_NAMED_FACILITY_AFTER = rx.compile(
    r"^\s+([A-Z][a-z]+)(?:\s+[A-Z][\w'’]*){0,2}?\s+(?:International\s+)?"
    r"(?:Airport|Stadium|Air\s+Base|Airbase)\b"
)
# a church named after its saint: "near the Saint Antoine church", "St George's Cathedral"
_SAINT = rx.compile(r"(?:Saint|Sainte|St\.?|San|Santa|Sao|São)\s")
_CHURCH_AFTER = rx.compile(r"^(?:['’]s)?\s+(?:church|cathedral|basilica|chapel|monastery|abbey|parish)\b", re.I)
# a facility named after the place it stands in: "Kandahar International Airport", "the Nabatieh
# Government Hospital", "Mosul Dam" (an embedded literal use: the place is where it is)
_FACILITY_OF_PLACE = rx.compile(
    r"^\s+(?:(?:International|Government|General|Regional|Central|Teaching|Military|Civil|Civilian|District|"
    r"Provincial|Municipal|Main|Grand|Public|Specialist|Thermal|Nuclear|Power|Oil|Cement|Sugar|Railway|Bus|"
    r"Old|New)\s+){0,3}(?:Airport|Hospital|Stadium|Air\s+Base|Airbase|Port|Refinery|Power\s+(?:Plant|Station)|"
    r"Dam|Bridge|Prison|Mosque|Market|Bazaar|Station)\b"
)
_JOINED_KIND = (
    r"\s+(?:highway|road|motorway|expressway|railway|rail\s+line|pipeline|corridor|border|boundary|frontier|"
    # "the Mannar-Pooneryn coastal front"
    r"(?:[a-z]+\s+)?(?:front|axis|sector))\b"
)
_JOINED_NAME_AFTER = rx.compile(rf"^(?:-[A-Z][\w'’]+)+{_JOINED_KIND}")
_JOINED_BEFORE = rx.compile(r"[A-Z][\w'’]+-$")
# a name that goes on with a French article: "L'Orient-Le Jour" (a Beirut daily), not the town of Lorient
_FRENCH_NAME_GOES_ON = rx.compile(r"^-(?:Le|La|Les)\s+[A-Z]")
_JOINED_KIND_AFTER = rx.compile(rf"^{_JOINED_KIND}")
# (not "-based", "-born", "-bound", "-made": a company based in Kharkiv is in Kharkiv, as GWN's
# annotators have it, a literal modifier)
_HYPHEN_MODIFIER = rx.compile(
    r"^-(?:flagged|registered|owned|operated|backed|led|linked|aligned|allied|funded|sponsored|run|trained|"
    r"armed|installed|appointed|controlled|imposed|friendly|language|speaking)\b"  # ("an English-language bulletin")
)
_RIVER_AFTER = rx.compile(r"^\s+[Rr]iver\b")
_THE_BEFORE = rx.compile(r"\b(?:the|THE|The)\s+$")


def _river_named(clean: str, surface: str) -> bool:
    """Whether the text writes ``surface`` as a river's name somewhere ("the Jhelum river", "the River Jhelum")."""
    if "iver" not in clean and "IVER" not in clean:
        return False
    low = clean.lower()
    name = surface.lower()
    return f"{name} river" in low or f"river {name}" in low


_LOCATIVE_BEFORE = rx.compile(
    r"(?=[afinot])\b(?:in|at|from|near|to|into|of|across|outside|around)\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+|"
    # "in southern Bogota has risen to 21"
    # (lower case: "West Wales", "South Florida news" are names)
    r"(?-i:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?)\s+)?$",
    re.I,
)


_ACTOR_TYPES = frozenset({"country", "admin1", "continent", "territory"})
_ACTS_AFTER = rx.compile(
    r"^\s+(?:(?:also|then|now|later|again|quickly|reportedly|officially)\s+)?(?:fired|shelled|struck|attacked|"
    r"launched|sent|deployed|invaded|bombed|imposed|banned|won|beat|defeated|signed|agreed|approved|expelled|"
    r"recalled|backed|supported|retaliated|seized|captured|annexed|plans|wants|needs|hopes|intends|refuses|"
    r"must|should|will|would|can|could|may|might|is\s+(?:trying|seeking|planning|preparing|expected|set|ready)|"
    r"has\s+(?:been|become)\s+(?:trying|seeking|a\s+key))\b"
)
_AGENT_BEFORE = rx.compile(r"\bby\s+(?:the\s+)?$")
# "Rome police", "EU airlines", "Parkland students": the place qualifies people or an institution
_MODIFIES = rx.compile(
    # (not a post of the town's: "attacked the Kulachi police station")
    r"^[ ](?:police(?!\s+(?:station|post|checkpost|check\s*post|chowki|outpost|lines|barracks|compound|van)s?\b)|"
    r"officials?|students|teens|survivors|authorities|government|administration|lawmakers|"
    r"legislators|leaders?|president|minister|ministry|archbishop|bishop|diocese|mayor|governor|council|"
    r"commissioner|airlines?|airport\s+authority|policy|policies|team|fans|voters|citizens|officers|diplomats|"
    r"envoy|ambassador|embassy|consulate|court|judge|prosecutors?|parliament|senate|congress|regulators|media|"
    r"press|company|companies|firms?|investors|markets?|stocks?|shares|side|squad|coach|players?|club|"
    r"delegation|negotiators|counterparts?|regime|authority|lawmaker|residents|"
    # people, forces and money that belong to the place rather than sit in it ("Iowa farmers",
    # "US troops", "EU member states", "a key US ally", "40 US dollars")
    r"teachers|workers|taxpayers|farmers|consumers|employers|senators|athletes|exporters|producers|"
    r"manufacturers|nationals|passport|allies|ally|partners?|member\s+states?|troops|forces|soldiers|"
    r"militiamen|militias?|militants|fighters|rebels|gunmen|insurgents|jihadists|"
    r"(?:military|army|navy)(?!\s+(?:air\s*)?(?:bases?|airbase|airports?|airfield|compound|camp|post|site|"
    r"facility|barracks|headquarters|academy|hospital|zone|installation|depot|outpost|checkpoint))|tariffs|sanctions|representatives?|trade\s+representative|spokes(?:man|woman|person)|"
    r"dollars?)\b"
)
# the government of the place's region, city or district: "the Odesa regional administration said", "Kharkiv
# regional governor Oleh Syniehubov", "the Kherson City Military Administration"
_BODY_OF_AREA_AFTER = rx.compile(
    r"^[ ](?i:regional|oblast|provincial|district|city|municipal)[ ](?i:(?:military|state|civil(?:ian)?)[ ])?"
    r"(?i:administration|governor|council|authorit(?:y|ies)|head|chief|prosecutor|police|officials?|government|"
    r"mayor)\b"
    # (not its building, where something may happen: "the Uruzgan provincial governor's compound", "the regional
    # administration building")
    r"(?!['’]s\b|[ ](?:building|compound|offices?|headquarters|residence|premises|palace)\b)"
)
# a building the place qualifies, itself named as where something happened ("outside a Lahore court",
# "at a Baghdad market"): in the place; not a country's ("outside the US embassy" is in another)
_BUILDING_AFTER = rx.compile(r"^[ ](?:court|markets?)\b")
# (or what was struck: "shelling struck the Kadugli market", "a drone attack on the Nyala market")
_PLACE_OF_BEFORE = rx.compile(
    r"\b(?:in|at|outside|inside|near|into|on|struck|hit|hits|shelled|bombed|attacked|targeted|raided|stormed)\s+"
    r"(?:a|an|the)\s+$"
)
_NATIONAL = frozenset({"country", "territory", "continent", "macro-region"})
# a team named after its home: "beat Norwich", "Duke vs Kansas", "25 points against Louisville"
_BEATS_BEFORE = rx.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|outlasted|edged|thrashed|routed|versus|vs\.?)\s+$", re.I
)
_AGAINST_BEFORE = rx.compile(r"\bagainst\s+$")
_SPORT_WORDS = rx.compile(
    r"\b(?:game|games|match|matches|points|goals?|rebounds|overtime|season|innings|tournament|league|"
    r"(?:semi-?|quarter-?)?finals?|scored|scoring|fixture|championship|playoffs?|cup)\b",
    re.I,
)


# the words each end-anchored pattern above can end on (lower-cased; "the" and a quote may
# follow them): a text whose last two words end on none of them is not searched, for
# searching a pattern anchored at "$" tries every position of the text
def _last_words(*patterns: str) -> tuple[str, ...]:
    return tuple(w for p in patterns for w in p.split("|"))


_ORG_LAST = _last_words(
    "to|with|told|tells|telling|agency|channel|broadcaster|newspaper|outlet|daily|station|television|accusing",
    "accused|accuse|urged|urging|pressed|pressing|notified|informed|summon|summoned|summoning|prompting|prompted",
    "blamed|blaming|warned|warning|between|allies",
)
_BEATS_LAST = _last_words("beat|beats|beating|defeated|defeating|outlasted|edged|thrashed|routed|versus|vs")
_LOCATIVE_LAST = ("in", "at", "from", "near", "to", "into", "of", "across", "outside", "around")


def _tail_words(text: str) -> tuple[str, str] | None:
    """The last two runs of letters of ``text``, lower-cased ("" when there are fewer); None
    when one of them is not ASCII (then only the pattern itself can tell)."""
    words: list[str] = []
    i = len(text)
    while len(words) < 2:
        while i and not text[i - 1].isalpha():
            i -= 1
        j = i
        while j and text[j - 1].isalpha():
            j -= 1
        word = text[j:i]
        if not word.isascii():
            return None
        words.append(word.lower())
        i = j
    return words[0], words[1]


def _may_end(tail: tuple[str, str] | None, last: tuple[str, ...]) -> bool:
    """False when a pattern that ends on one of the words ``last`` (then perhaps "the", a
    quote, white space) cannot match the text whose ``_tail_words`` are ``tail``."""
    return tail is None or tail[0].endswith(last) or tail[1].endswith(last)


def _embedded(clean: str, start: int, end: int) -> bool:
    """Inside a longer proper name: "Air France KLM", "Mississippi State", "Oman Film Society"."""
    after = CAP_WORD_AFTER.match(clean[end : end + 30])
    if after and after.group(1) not in PLACE_WORDS and not after.group(1).isupper() | (len(after.group(1)) < 2):
        return True
    before = CAP_WORD_BEFORE.search(clean[max(0, start - 30) : start])
    # "Yala's Betong district", "Russia's Belgorod region": a possessive names where it is
    if before and before.group(1) not in JOINERS and not before.group(1).endswith(("'s", "’s")):
        ws = start - len(before.group(0))
        if not SENTENCE_START.search(clean[max(0, ws - 3) : ws]):
            return True
    return False


# news agencies whose names, written in capitals as they sign their copy, are also spellings of
# places: Syria's SANA (not Sanaa), Yemen's SABA, Jordan's PETRA
_AGENCY_CAPITALS = frozenset({"SANA", "SABA", "PETRA"})


def nonliteral_reason(clean: str, start: int, end: int, feature_type: str | None = None) -> str:
    """Why a mention is not a literal place, or "" when it is one."""
    if clean[start:end] in _AGENCY_CAPITALS:
        return "news agency"
    after = clean[end : end + 80]
    if after.startswith(")") and _SHORT_NAME_BEFORE.search(clean, max(0, start - 40), start):
        return "organisation name"  # "the Yemen News Agency (Saba)": the body's short name
    if _CREDIT.match(after) and _CREDITED.search(clean, max(0, start - 40), start) and not clean[start:end].isupper():
        return "news agency"  # "TAIZ, Aug. 3 (Saba) -": a dateline's credit (not "(PORT SUDAN) -", its place)
    if _TRANSLATED_FROM.search(clean, max(0, start - 30), start):
        return "news outlet"
    if (
        not clean[start:end].isupper()
        and _LINE_ENDS_AFTER.match(after)
        and _FILED_FROM_BEFORE.search(clean, max(0, start - 60), start)
    ):
        return "news outlet"  # (its town is the dateline's place: "Hodeidah - Al-Masirah Net")
    if (named := _NAMED_FACILITY_AFTER.match(after)) and named.group(1).lower() not in common_words():
        return "part of the name of a facility named after someone"  # "near Aden Adde International Airport"
    if _SAINT.match(clean, start) and _CHURCH_AFTER.match(after):
        return "part of the name of a church named after a saint"
    if feature_type not in ("river", None) and _RIVER_AFTER.match(after):
        return "a river of that name"  # "across the Dnipro river from": not the city of Dnipro
    if (
        feature_type not in ("river", None)
        and _THE_BEFORE.search(clean, max(0, start - 5), start)
        and _river_named(clean, clean[start:end])
    ):
        return "a river of that name"  # "SHELLS OVER THE JHELUM" where the story writes "the Jhelum river"
    before = clean[max(0, start - 60) : start]
    if _ORG_AFTER.match(after) or (_CHANNEL.match(clean, start) and _CHANNEL_AFTER.match(after)):
        return "organisation name"
    if _ACRONYM_AFTER.match(after) and _BODY_IN_BEFORE.search(before):
        return "organisation name"  # "the United Nations Assistance Mission in Afghanistan (UNAMA)"
    if _TIME_AFTER.match(after):
        return "time zone"
    tail = _tail_words(before)
    if _may_end(tail, _ORG_LAST) and _ORG_BEFORE.search(before):
        return "organisation or government (metonymy)"
    if _POSSESSIVE.match(after):
        return "possessive of an institution (metonymy)"
    if _JOINED_NAME_AFTER.match(after) or (_JOINED_BEFORE.search(before) and _JOINED_KIND_AFTER.match(after)):
        # "the Mandalay-Lashio highway", "the Bishnupur-Churachandpur border"
        return "part of the name of a road or border"
    if _FRENCH_NAME_GOES_ON.match(after):
        return "part of a longer name"
    if _HYPHEN_MODIFIER.match(after):
        return "qualifies a thing (non-literal modifier)"  # "a Barbados-flagged ship", "Iran-backed militias"
    if _MODIFIES.match(after) or _BODY_OF_AREA_AFTER.match(after):
        if feature_type not in _NATIONAL and _BUILDING_AFTER.match(after) and _PLACE_OF_BEFORE.search(before):
            return ""  # "shot outside a Lahore court": the building, and so the city, is where it happened
        return "qualifies people or an institution (non-literal modifier)"
    if (_may_end(tail, _BEATS_LAST) and _BEATS_BEFORE.search(before)) or (
        _may_end(tail, ("against",))
        and _AGAINST_BEFORE.search(before)
        and _SPORT_WORDS.search(clean[max(0, start - 100) : end + 100])
    ):
        return "sports team (metonymy)"
    if _may_end(tail, _LOCATIVE_LAST) and _LOCATIVE_BEFORE.search(before):
        return ""  # "officials in Washington said": the place is literal
    if _SPEECH_AFTER.match(after):
        return "speaks or acts as an organisation or government (metonymy)"
    if feature_type in _ACTOR_TYPES and (
        _ACTS_AFTER.match(after) or (_may_end(tail, ("by",)) and _AGENT_BEFORE.search(before))
    ):
        return "acts as a state (metonymy)"
    if feature_type not in (
        None,
        "facility",
        "military base",
        "crossing",
        "shrine",
    ) and _AUX_AFTER.match(after):
        return "acts as a government (metonymy)"
    if _FACILITY_OF_PLACE.match(after):
        return ""  # "struck Kandahar International Airport", "the Nabatieh Government Hospital": there
    if _embedded(clean, start, end):
        return "part of a longer name (organisation, team, event)"
    return ""
