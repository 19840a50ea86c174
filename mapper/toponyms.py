"""Stage 2, toponyms: find place names in an article, with their spans.

Recognition has two sources:

* gazetteer names: one Aho-Corasick pass over ``fold_text(article.clean)``
  finds every known spelling (see ``mapper.names``); a hit must sit on word
  boundaries and be written like a name (capitalised, bar the Arabic article
  and words such as "eastern");
* context patterns for names nobody listed: "the town of X", "X province",
  "the cities of X and Y".  Those come out unresolved for the resolve stage.

Whether a name is used literally is decided once its place is known
(``mapper.nonliteral``, called by the resolve stage).
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import rx
from .atomic import write_text
from .cache import cache_dir
from .models import Article, Place, Toponym
from .names import ARTICLES, fold_text, name_key
from .places import WorldSource
from .text import UPPER, Sentence, WordFinder

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


# a run of capitalised words, with the joiners place names use ("Bosnia and Herzegovina",
# "Rio de Janeiro", "Deir ez-Zor", "St. Louis")
# (capitals of the Latin alphabets too: "Çukurca", "Şırnak", "Ávila", "Željava", "Łódź")
_CAP = rf"(?:St\.|Ft\.|Mt\.|[{UPPER}][\w'’]*)"
_JOIN = (
    r"(?:(?:de|del|da|do|dos|das|of|the|on|upon|al|el|ez|es|ad|as|an|ar|la|le|les|du|des|di|van|von|y|and|"
    r"sur|am|im|ye|e|i|yi)[ -]"  # the last four: the Persian ezafe ("Darah-ye Pech", "Mazar-e Sharif")
    # hyphened only (as words they are those of other languages): "Port-au-Prince", "Aix-en-Provence",
    # "Rostov-na-Donu", "Nowy Dwór-nad-Wisłą"
    r"|(?:au|aux|en|sous|na|nad|pod)-)"
)
# a later word may open with the mark of the Arabic ayn ("Nad 'Ali", "Ras al-‘Ayn")
_CAP_NEXT = rf"(?:St\.|Ft\.|Mt\.|['‘ʿ]?[{UPPER}][\w'’]*)"
# (the look-ahead on its first letters lets the engine pass over the other positions quickly)
_CAPSEQ = rx.compile(
    rf"(?=[{UPPER}ae])(?:(?:[Aa]l|[Ee]l)-)?{_CAP}(?:[ -]{_JOIN}?(?:(?:al|el|ez|ad|as|ar)-)?{_CAP_NEXT})*"
)
_WORDS = rx.compile(r"St\.|Ft\.|Mt\.|\w+(?:['’](?!s\b)\w+)*")  # "China's" -> "China"
MAX_NAME_WORDS = 5
STRONG_POPULATION = 1_000_000  # a city this big wins over a common-word or first-name reading
SMALL_POPULATION = 100_000
_TITLE_BEFORE = rx.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Cpl|Adm|Det|Insp|Supt|Prof|Rev|Fr|Sir|Lady|Lord|"
    r"President|Minister|Secretary|Senator|Judge|Justice|Coach|Pope|King|Queen|Prince|Princess|Saint|"
    r"Officer|Chief|Director|Mayor|Governor|Commissioner|Chancellor|Ambassador|Sheikh|Emir|"
    # a person's role written before the name: "Pentagon spokesman Kirby", "said commander Allen"
    r"spokesman|spokeswoman|spokesperson|secretary|minister|commander|envoy|ambassador|general|colonel|"
    r"official|analyst|lawmaker|senator|congressman|congresswoman|president|premier|chief)\.?\s+$"
)
_SPEAKS_AFTER = rx.compile(
    r"^\s+(?:said|says|told|tells|added|wrote|explained|asked|recalled|noted|administration|presidency)\b"
)  # "Allen said"; "the Bush administration"
# the people of a place before its name: "Residents of X told reporters", where "X told" is no person's speech
_PEOPLE_OF_BEFORE = rx.compile(r"\b(?:[Rr]esidents|[Vv]illagers|[Ii]nhabitants|[Ll]ocals|[Pp]eople)\s+(?:of|in)\s+$")
# a person's role in apposition after the name
_ROLE_AFTER = rx.compile(
    # ("X, the Taliban's shadow governor"; "X was a Taliban leader who ...")
    r"(?:,|\s+(?:was|is)(?:\s+(?:also|once|formerly))?)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:governor|commander|leader|spokes(?:man|woman|person)|chief|minister|mayor|deputy|emir|cleric|officer|"
    r"official)(?![\w'’-])"
)
_PLACE_PREPOSITION_BEFORE = rx.compile(r"\b(?i:in|at|near|from|to|of|outside|around|across|into)\s+$")


def _in_role(clean: str, s: int, e: int) -> bool:
    """A name with a person's role in apposition ("killed X, the Taliban's shadow governor"), not
    after a preposition of place ("in Marjah, the district governor said") nor with the role speaking
    ("X, an army officer told reporters": the officer's clause, not X's)."""
    role = _ROLE_AFTER.match(clean, e, e + 90)
    return (
        role is not None
        # "the fight for Sharqat, an Iraqi army officer told reporters": the officer speaks, of the place
        and not _SPEAKS_AFTER.match(clean[role.end() : role.end() + 14])
        and not _PLACE_PREPOSITION_BEFORE.search(clean, max(0, s - 12), s)
    )


# the one a report quotes: "according to Taylor.", '"...," said Harding.' (not "officials said
# Ramadi was ...": the name must end the clause)
_QUOTED_BEFORE = rx.compile(r"\b(?:according\s+to|said|says)\s+$")
_CLAUSE_END = rx.compile(r"[.,;]")
# the name of a street, not of the place it is named after: "Taylor Street", "Lakeview and
# Harrison streets", "Haifa Street" (in Baghdad)
_STREET_AFTER = rx.compile(
    r"\s+(?:Street|Avenue|Road|Boulevard|Lane|Drive|Highway|Parkway|Pike|St\.|Ave\.|Rd\.|Blvd\.|streets|avenues|"
    # (and "the al-Faluja roundabout in the Jabalia camp"; not "Florida Highway Patrol", "Oxford Road 5")
    r"roads|[Rr]oundabout)(?!\w)(?!\s+[A-Z0-9])"
    # the first names of a list of streets: "Harrison and Monroe streets"
    r"|(?:,\s+[A-Z][\w'’]*)*,?\s+and\s+[A-Z][\w'’]*\s+(?:streets|avenues|roads)\b"
)
# days and months, and their abbreviations ("Nov. 21", "Fallujah Sunday")
CALENDAR_WORDS = frozenset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue
    Tues Wed Thu Thur Thurs Fri Sat Sun""".split()
)
# peoples, faiths and their adjectives: words about people, never a place ("Shiite militias",
# "the Kurdish region", "Arab villages")
PEOPLE_WORDS = frozenset(
    """Arab Arabs Arabian Kurd Kurds Kurdish Shiite Shiites Shia Shias Shi'ite Shi'ites Sunni Sunnis Alawite
    Alawites Druze Yazidi Yazidis Ezidi Turkmen Turkoman Pashtun Pashtuns Baloch Baluch Hazara Hazaras Tajik
    Uzbek Sikh Sikhs Hindu Hindus Muslim Muslims Christian Christians Jewish Jew Jews Islamic Islamist
    Islamists Catholic Orthodox Coptic Copts Maronite Chaldean Assyrian Bedouin Bedouins Tuareg Rohingya
    Uyghur Uighur Tamil Tamils Hutu Tutsi Fulani Hausa Yoruba Igbo Somali Amhara Oromo Tigrayan""".split()
)
# surnames of people often in the news of wars that GeoNames also has as small places
# ("Obama" in Japan, "Kirby" in Texas): a person, unless the article writes "the town of ..."
PEOPLE_NAMES = frozenset("Obama Kirby Blinken Hegseth Netanyahu Zelensky Zelenskyy Putin Assad Khamenei".split())
# capitalised words that are never a place on their own
NOT_PLACES = (
    frozenset(
        """Christmas Easter God Lord Mr Mrs Ms Dr I We You He She They It This That These Those There Here North
        South East West Central Centre Center Northern Southern Eastern Western Upper Lower Middle New Old Great
        Little Saint Hamas Hezbollah Hizbollah Taliban Fatah Houthi Houthis Fano Wagner Sheikh Sheik Imam Emir Mullah
        Ayatollah Quran Qur'an Koran Bible Torah Talmud Gospel Sharia al-Qaeda Al-Qaeda al-Qaida Al-Qaida Qaeda Qaida
        Daesh al-Shabaab Al-Shabaab Shabaab""".split()
    )
    | CALENDAR_WORDS
    | PEOPLE_WORDS
    | PEOPLE_NAMES
)
# humanitarian bodies whose names are also villages' ("the Red Cross": Red Cross, North Carolina)
_ORGANISATIONS = frozenset(name_key(n) for n in ("Red Cross", "Red Crescent", "Red Crystal"))
# a weapon named like a place: "Iskander missiles", "Tomahawk cruise missiles"
_WEAPON_AFTER = rx.compile(
    r"^[ -](?:(?:cruise|ballistic|anti-ship|air-defen[cs]e|surface-to-air|strike|attack|combat|armed|kamikaze|"
    r"loitering|reconnaissance)\s)?(?:missiles?|rockets?|launchers?|"
    r"drones?|systems?|jets?|fighters?|bombers?|tanks?|helicopters?|warships?|frigates?|destroyers?|howitzers?|"
    r"rifles?|class)\b"
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (Webster's 2nd, public domain, lower-case entries only).

    Filtered once from the ``english-words`` package and kept as a word list in the
    user cache folder (reading it takes a tenth of the time of unpickling and
    filtering the package's set, which every run would pay).
    """
    import importlib.metadata

    try:
        version = importlib.metadata.version("english-words")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a dependency, but never fatal
        return frozenset()
    path = cache_dir() / f"common-words-web2-{version}.txt"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        words = path.read_text(encoding="utf-8").split("\n")
        if len(words) > 1000:  # a file we wrote (atomically), not an empty stand-in
            return frozenset(words)
    from english_words import get_english_words_set

    found = frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())
    with contextlib.suppress(OSError):  # a read-only cache is no reason to fail
        write_text(path, "\n".join(sorted(found)))
    return found


def _strong(places: list[Place]) -> bool:
    # a district's population is the sum of its places': it makes no name strong
    return any(
        p.feature_type in ("country", "continent", "macro-region")
        or (p.population >= STRONG_POPULATION and p.feature_type != "admin2")
        for p in places
    )


TINY_POPULATION = 5_000
_LOCATIVE_CUE = rx.compile(
    r"\b(?:in|at|near|from|to|into|outside|around|toward|towards|between|of|across|through)\s+(?:the\s+)?$", re.I
)
_ATTACK_ON_CUE = rx.compile(
    r"\b(?:attacks?|assaults?|raids?|(?:air\s*)?strikes?|offensives?|bombings?|shelling|incursions?)\s+"
    r"(?:[\w'’-]+\s+){0,5}?on\s+$",
    re.I,
)
# (and the parts of a town: "a camp on the edge of Sake", "the outskirts of Reading")
_TOWN_CUE = rx.compile(
    r"\b(?:[Ii]n|near|outside|downtown|central|town\s+of|city\s+of|(?:edges?|outskirts|centre|center|heart|suburbs?)"
    r"\s+of)\s+$"
)
_COMMA_PLACE_AFTER = rx.compile(r"^,\s+[A-Z]")
# the sites a town's name may stand before, besides `PLACE_WORDS` ("Camp", "Bridge"): "Dilling Hospital", "Kutum Market"
_SITE_WORDS = frozenset("Hospital Market Mosque School Station Prison Dam Refinery".split())
# the words before a name that a place takes and a person's name does not
_PLACE_ONLY_BEFORE = rx.compile(r"\b(?:in|at|near|outside|around|into)\s+(?:the\s+)?$", re.I)
_COUNTRY_AFTER = rx.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
# the country or province a place is said to be in: "Rask, in Iran's southeastern Sistan-Baluchestan province", "X, in
# the Sistan-Baluchestan province"
_HOME_IN_AFTER = rx.compile(
    r",\s+in\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?([A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]+){0,2})"
    r"(?:['’]s\b|\s+(?i:province|region|governorate|state|oblast))"
)


_ARTICLE_JOIN_BEFORE = rx.compile(r"[A-Z][\w'’]*\s+(?:al|el|ash|as|ad|az|ar|an|at)-$")
_ARTICLE_JOIN_AFTER = rx.compile(r"\s+(?:al|el|ash|as|ad|az|ar|an|at)-[A-Z]")
_CONTRACTION = rx.compile(r"['’](?:re|ve|ll|d|m|t)$", re.I)
_DATELINE = rx.compile(r"^\s*(?:,|\(|-|—|–)")


_SURNAME = r"(?:O['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?"  # "Jones", "McDonald", "O'Connor"
# a run of capitalised words, a middle initial allowed between two ("Keith D. Johnson"); one scan
# (no leading \b, which would cost the search its fast start: the word boundary is checked after)
_NAME_RUN = rx.compile(rf"([A-Z][a-z]+)((?: (?:[A-Z]\. )?{_SURNAME})+)\b")
_RUN_WORD = rx.compile(rf" ([A-Z]\. )?({_SURNAME})")
# a surname and an age, as reports of arrests and accidents name people ("Jones, 23, of Main Street")
_AGE_AFTER = rx.compile(r", \d{1,3}, [a-z]")
# the office a place's name follows: "Governor of Taiz Nabil Shamsan"
_OFFICE_OF = rx.compile(r"\b(?i:governor|mayor|president|commissioner|chief|minister|prefect)\s+of\s$")
_SURNAME_END = rx.compile(rf"(?<![\w'’])({_SURNAME})$")


def _name_shapes(clean: str) -> Iterator[tuple[str, ...]]:
    """The shapes of personal names in the runs of capitalised words: two or three words in a
    row, read from the left ("Conor McGregor", "Jason Terrell Jones"), and the first name and
    surname around a middle initial ("Sheila D. Williams")."""
    for m in _NAME_RUN.finditer(clean):
        s = m.start()
        if s and (clean[s - 1].isalnum() or clean[s - 1] in "'’"):
            continue  # the run starts inside a word
        # ("Governor of Taiz Nabil Shamsan": the place of an office, then the person)
        office = clean[max(0, s - 3) : s] == "of " and _OFFICE_OF.search(clean, max(0, s - 40), s)
        segment = [] if office else [m.group(1)]
        segments = [segment]
        for w in _RUN_WORD.finditer(m.group(2)):
            if w.group(1) and segment:
                yield segment[-1], w.group(2)
                segment = []
                segments.append(segment)
            segment.append(w.group(2))
        for seg in segments:
            yield from (tuple(seg[i : i + 2]) for i in range(0, len(seg) - 1, 2))
            yield from (tuple(seg[i : i + 3]) for i in range(0, len(seg) - 2, 3))
    for m in _AGE_AFTER.finditer(clean):
        if found := _SURNAME_END.search(clean, max(0, m.start() - 30), m.start()):
            yield (found.group(1),)


@lru_cache(maxsize=4)
def _person_words(clean: str) -> frozenset[str]:
    """Words the article uses as parts of a personal name (``_name_shapes``: "Conor McGregor",
    "Jason Terrell Jones", "Keith D. Johnson", "Williams, 41, of ...").

    Each word counts when it is no ordinary English word, place-type word or direction; one
    sense per article then applies to the name's other mentions ("police said Jones fled").
    """
    common = common_words()
    out: set[str] = set()
    for name in _name_shapes(clean):
        if not any(w.lower() in common or w in PLACE_WORDS or w in NOT_PLACES for w in name):
            out.update(name)
    return frozenset(out)


_LOWER_WORD = rx.compile(r"\b[a-z]+\b")


@lru_cache(maxsize=4)
def _lower_words(clean: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(clean))


@dataclass(frozen=True)
class WordFacts:
    """What a one-word name's own letters and gazetteer entries say, whatever its context."""

    stop: bool  # never a place on its own ("Thursday", "We're")
    upper: bool  # all capitals ("BEIRUT")
    country: bool  # names a country or continent
    big: int  # population of its biggest place
    common: bool  # an ordinary English word in lower case
    strong: bool  # a country or continent (by any name), or a city of a million by its own name
    odd: bool  # a small place known only by an odd alternate name
    alias_only: bool  # no place's own name is the word: each is found by an alternate name
    # the keys of the names of its places' countries, for an odd name (the text may name one just after it)
    homes: frozenset[str] = frozenset()


_REALMS = ("country", "continent", "macro-region")


@lru_cache(maxsize=1 << 16)
def _own_key(name: str) -> str:
    """The key of a place's own name, without what follows a comma ("Pike County, Indiana")."""
    return name_key(name.split(",")[0])


def _romanised(key: str) -> str:
    """A name's key with "y" written as "i", once, and "kh" and "ch" as "k": the letters in which names from
    Ukrainian, Russian and Arabic are romanised two ways ("Huliaipole" and Hulyaypole, "Mokha"
    and Mocha)."""
    return _I_RUN.sub("i", key.replace("y", "i").replace("kh", "k").replace("ch", "k"))


_I_RUN = rx.compile("i+")


def word_facts(word: str, key: str, places: list[Place], index: WorldSource | None = None) -> WordFacts:
    """The facts of ``word`` (whose ``name_key`` is ``key``) and of the places it names (their countries'
    names from ``index``)."""
    own = [p for p in places if _own_key(p.name) == key]
    common = word.lower() in common_words()
    if common:
        # an English word names a place by another of its names only as the text writes it:
        # "Car" (a car bomb) is not the CAR
        places = [p for p in places if p in own or word in p.aliases]
    big = max((p.population for p in places), default=0)
    realms = [p for p in places if p.feature_type in _REALMS]
    # (not another romanisation of its own name: "Huliaipole" for Hulyaypole, "Kamianka" for Kamyanka)
    odd = (
        big < SMALL_POPULATION
        and not any(_own_key(p.name)[:4] == key[:4] for p in places)
        and not any(_romanised(_own_key(p.name)) == _romanised(key) for p in places)
    )
    homes: frozenset[str] = frozenset()
    if odd and index is not None and (countries := getattr(index, "country", None)) is not None:
        homes = frozenset(name_key(c.name) for p in places if p.country and (c := countries(p.country)) is not None)
        homes |= frozenset(name_key(p.admin1) for p in places if p.admin1)  # (and their provinces' names)
    return WordFacts(
        stop=word in NOT_PLACES or bool(_CONTRACTION.search(word)),
        upper=word.isupper(),
        country=any(p.feature_type in ("country", "continent") for p in realms),
        big=big,
        common=common,
        # (a big city by its own name: "Sam" is also Damascus)
        strong=_strong(realms + own),
        odd=odd,
        alias_only=not own,
        homes=homes,
    )


# an acronym written in capitals but for its last letter or two ("FAMa", "FARDC" is all capitals)
_RANGE_AFTER = rx.compile(r"\s+(?:Mountains|Mts\.?|Hills|Highlands|Range)\b")
_ACRONYM_CASED = rx.compile(r"[A-Z]{2,}[a-z]{1,2}")


# what `_plausible_single` says of a hamlet's name written with no sign of a place: a place only if the article writes
# it as one elsewhere ("CALDONO, Colombia", then "Weeks later, Caldono's plaza")
IF_NAMED_ELSEWHERE = 2


def _plausible_single(clean: str, s: int, e: int, word: str, f: WordFacts, prev_cap: bool, next_cap: bool) -> int:
    """A one-word world-gazetteer name: is it written as a place here? True, False, or ``IF_NAMED_ELSEWHERE``."""
    if f.stop:
        return False  # "Thursday", "We're"
    if _ACRONYM_CASED.fullmatch(word):
        return False  # "the FAMa camp": Mali's armed forces, not Fama (Brazil)
    if f.upper:
        # "BEIRUT (AP) -", "CHARLESTON, W.Va.": a dateline at the start of a line
        line_start = s == 0 or clean[s - 1] == "\n"
        return len(word) >= 4 and line_start and bool(_DATELINE.match(clean[e : e + 8]))
    if _STREET_AFTER.match(clean, e):
        return False  # "Taylor Street", "Palestine Street": a street's name
    if _RANGE_AFTER.match(clean, e):
        return False  # "the Nuba Mountains": a range, not the village of Nuba
    if f.common and f.alias_only:
        return False  # an English word that is only another language's name of a place ("Island")
    if clean.startswith("-speaking", e):
        return False  # "the English-speaking regions": a language
    if f.country:
        return True
    if _ARTICLE_JOIN_BEFORE.search(clean, max(0, s - 12), s):
        return False  # "Ahrar al-Sham", "Jaish al-Islam": the end of a longer name, not Sham
    if _ARTICLE_JOIN_AFTER.match(clean, e):
        return False  # "Kadhafi's Bab al-Aziziya compound": the start of a longer name, not Al-Bab
    if _WEAPON_AFTER.match(clean[e : e + 40]):
        return False  # "Iskander missiles"
    big = f.big
    elsewhere = False  # (a place here only if the article writes it as one elsewhere)
    if f.common and big < STRONG_POPULATION:
        # "Police", "Reading", "March", "Act" -- but "Boston" and "Cork" are cities first: a
        # sizeable place keeps the name unless the article also uses the word in lower case
        # or the name opens a sentence
        if SENTENCE_START.search(clean[max(0, s - 3) : s]):
            return False
        if word.lower() in _lower_words(clean):
            return False
        if big < SMALL_POPULATION and not (big >= TINY_POPULATION and _TOWN_CUE.search(clean, max(0, s - 20), s)):
            # a town whose name is also a word must be written as a place: "in downtown Calais" (or be one the
            # article writes so elsewhere: "Dilling Hospital" after "in Dilling, South Kordofan")
            if big < TINY_POPULATION:
                return False
            elsewhere = True
    if _TITLE_BEFORE.search(clean[max(0, s - 16) : s]):
        return False  # "Mr Kelly", "President Francis"
    if f.strong:
        return True
    if f.odd:
        # a small place known only by an odd alternate name ("Flores" for Timon), unless its country follows
        # ("an incident 55NM west of Mokha, Yemen")
        home = _COUNTRY_AFTER.match(clean, e) or _HOME_IN_AFTER.match(clean, e)
        return home is not None and name_key(home.group(1)) in f.homes
    if prev_cap:
        return False  # "Abraham Lincoln", "Megyn Kelly": a surname
    nxt = CAP_WORD_AFTER.match(clean[e : e + 30])
    if (
        next_cap
        and nxt
        and nxt.group(1).lower() not in common_words()
        and nxt.group(1) not in PLACE_WORDS
        and (nxt.group(1) not in NOT_PLACES or nxt.group(1) in PEOPLE_NAMES)  # "Vladimir Putin"
        # (not a force's or a body's initials after the town's name: "Newry RUC station", "the Gao MINUSMA camp")
        and not (nxt.group(1).isupper() and 2 <= len(nxt.group(1)) <= 4 and not f.upper)
    ):
        return False  # "George Osborne", "Donald Trump": a first name; not "Fallujah Sunday"
    if _QUOTED_BEFORE.search(clean, max(0, s - 16), s) and _CLAUSE_END.match(clean, e):
        return False  # "according to Taylor."
    if (
        _SPEAKS_AFTER.match(clean[e : e + 24]) and not _PEOPLE_OF_BEFORE.search(clean, max(0, s - 24), s)
    ) or word in _person_words(clean):
        return False  # "Allen said"; "McGregor" where the article also writes "Conor McGregor"
    if _in_role(clean, s, e):
        return False  # "killed Nur Mohammad, the Taliban's deputy shadow governor"
    if big < TINY_POPULATION:
        # a hamlet's name must be written as a place: "in Lanexa", "Lanexa, Va."
        # (or what an attack fell on: "an assault by the FARC's Sixth Front on Toribio")
        if (
            _LOCATIVE_CUE.search(clean[max(0, s - 16) : s])
            or _COMMA_PLACE_AFTER.match(clean[e : e + 4])
            or _ATTACK_ON_CUE.search(clean, max(0, s - 60), s)
        ):
            return True
        return IF_NAMED_ELSEWHERE
    return IF_NAMED_ELSEWHERE if elsewhere else True


MEMO_SIZE = 1 << 16
FACTS_MEMO_SIZE = 1 << 14  # one-word names whose facts are remembered (a few MB; the common ones come back)

# a world-gazetteer name inside a run of capitalised words: (start, end, key, capitalised word
# before, capitalised word after, the facts of a single word or None), offsets into the run
RunHit = tuple[int, int, str, bool, bool, "WordFacts | None"]


def _article_of_name(key: str, index: WorldSource) -> bool:
    """Some place named ``key`` spells "the" as a word of its own at the start of its name ("The
    Hague", "The Bronx"), not fused into a longer first word ("Theana", "Thebes")."""
    return any(n[:4].lower() in ("the ", "the-") for p in index.candidates(key) for n in (p.name, *p.aliases))


def _run_hits(run: str, index: WorldSource, facts_memo: dict[str, WordFacts] | None = None) -> tuple[RunHit, ...]:
    """The gazetteer names in one run, longest first from the left, before the checks a
    single word needs in its context.  Depends on the run's text alone.  ``facts_memo`` keeps
    the facts of each single word (for this ``index``): the same word comes in many runs."""
    words = [(w.start(), w.end()) for w in _WORDS.finditer(run)]
    out: list[RunHit] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
            s, e = words[i][0], words[j - 1][1]
            if not run[s].isupper() or (j - i == 1 and e - s < 3):
                continue
            if words[i][1] - words[i][0] == 1 and j - i > 1:
                continue  # "A US serviceman", "I Paris": a one-letter word starts no name
            if j - i > 1 and run[words[i][0] : words[i][1]] in NOT_NAME_START:
                continue  # "In Dura" is no Indura, "What I" no Whatì
            if not run[words[j - 1][0]].isupper():
                continue  # a name ends on a capitalised word, not on "of"
            key = name_key(run[s:e])
            if key not in index or key in _ORGANISATIONS:
                continue
            single = j - i == 1
            if not single and run[words[i][0] : words[i][1]].lower() == "the" and not _article_of_name(key, index):
                continue  # "The ANA said" is no Theana: a place's "The" is a word of its name ("The Hague")
            if not single and run[s:e].isupper() and _common_alias(run, words[i:j], key, index):
                continue  # a headline's "THE RIVER": ordinary words, only another name of New Brunswick
            # "The Athens police", "In Boise": a capitalised function word is no first name
            prev_cap = (
                single
                and i > 0
                and run[words[i - 1][0]].isupper()
                and run[words[i - 1][0] : words[i - 1][1]] not in FUNCTION_WORDS
            )
            next_cap = single and j < len(words) and run[words[j][0]].isupper()
            facts = None
            if single:
                word = run[s:e]
                facts = facts_memo.get(word) if facts_memo is not None else None
                if facts is None:
                    facts = word_facts(word, key, index.candidates(key), index)
                    if facts_memo is not None:
                        if len(facts_memo) >= FACTS_MEMO_SIZE:
                            facts_memo.clear()
                        facts_memo[word] = facts
            out.append((s, e, key, prev_cap, next_cap, facts))
            # a longer name is taken whole; a single word is the last try at i, taken or not
            i = j - 1
            break
        i += 1
    return tuple(out)


def _common_alias(run: str, words: list[tuple[int, int]], key: str, index: WorldSource) -> bool:
    """Whether a name of several words is ordinary English words only, and only another name of the places it
    names (none's own name)."""
    return all(run[a:b].lower() in common_words() for a, b in words) and not any(
        _own_key(p.name) == key for p in index.candidates(key)
    )


def index_hits(
    clean: str,
    index: WorldSource,
    memo: dict[str, tuple[RunHit, ...]] | None = None,
    facts_memo: dict[str, WordFacts] | None = None,
) -> list[Hit]:
    """Names of a (large) gazetteer, looked up by key over runs of capitalised words.

    Hits may overlap the curated ones; the caller keeps the longest (``longest_first``).
    ``memo`` keeps the names found in each run's text (for this ``index``) from
    article to article, ``facts_memo`` the facts of each one-word name; each is emptied
    when full (``MEMO_SIZE`` runs, ``FACTS_MEMO_SIZE`` words).
    """
    out: list[Hit] = []
    pending: list[Hit] = []  # hamlets' names with no sign of a place where they stand
    for m in _CAPSEQ.finditer(clean):
        run = m.group()
        found = memo.get(run) if memo is not None else None
        if found is None:
            found = _run_hits(run, index, facts_memo)
            if memo is not None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                memo[run] = found
        base = m.start()
        for rs, re_, key, prev_cap, next_cap, facts in found:
            s, e = base + rs, base + re_
            if facts is not None:
                plausible = _plausible_single(clean, s, e, clean[s:e], facts, prev_cap, next_cap)
                if plausible == IF_NAMED_ELSEWHERE:
                    # (not before another capitalised word that is no word of a place: "Stephen Hawking's Universe")
                    if not next_cap or (
                        (nxt := CAP_WORD_AFTER.match(clean[e : e + 30]))
                        and (nxt.group(1) in PLACE_WORDS or nxt.group(1) in _SITE_WORDS)
                    ):
                        pending.append(Hit(s, e, key, "world"))
                    continue
                if not plausible:
                    continue
            elif _in_role(clean, s, e):
                continue  # a person's two names
            out.append(Hit(s, e, key, "world"))
    if pending:
        # one name is one place in one article: a hamlet the article writes as a place once ("CALDONO, Colombia",
        # "in Caldono") is that place where it stands bare ("Weeks later, Caldono's plaza")
        # (written so where a person's name is not: "in Caldono", "CALDONO, Colombia"; not "from Welch", "of Ravenel")
        named = {
            h.key
            for h in out
            if _PLACE_ONLY_BEFORE.search(clean, max(0, h.start - 16), h.start)
            or _COMMA_PLACE_AFTER.match(clean[h.end : h.end + 4])
        }
        if kept := [h for h in pending if h.key in named]:
            out = sorted(out + kept, key=lambda h: h.start)
    return out


class Matcher:
    """Finds gazetteer surface forms in folded text (pyahocorasick), then world-gazetteer names."""

    def __init__(self, forms: dict[str, str], index: WorldSource | None = None):
        import ahocorasick

        self.index = index
        self.runs: dict[str, tuple[RunHit, ...]] = {}  # index_hits' memos
        self.facts: dict[str, WordFacts] = {}

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
            surface = clean[start:end]
            if not looks_like_name(surface) or (len(surface) <= 3 and not surface.isupper()):
                continue  # "us" is no "US"
            if _STREET_AFTER.match(clean, end):
                continue  # "Palestine Street" in Baghdad
            found.append(Hit(start, end, key, "gazetteer"))
        return longest_first(found)


_TOKEN_SPLIT = rx.compile(r"[\s\-]+")


def looks_like_name(surface: str) -> bool:
    """Written as a proper name: the first significant word capitalised (or a number, or in a
    script without capitals, such as Arabic)."""
    for tok in _TOKEN_SPLIT.split(surface):
        if not tok:
            continue
        if tok.lower() in LOWER_OK and not tok[:1].isupper():
            continue
        first = tok[:1]
        return first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper())
    return False


# --------------------------------------------------------------------------- Arabic and Cyrillic script

_SCRIPT_GATE = rx.compile(r"[\u0600-\u06ff\u0400-\u052f\u200c]")  # (what the two runs below can start with)
_ARABIC_RUN = rx.compile(r"[\u0621-\u064a\u066e-\u06d3\u0640\u200c]+(?:[ -][\u0621-\u064a\u066e-\u06d3\u0640\u200c]+)*")
_CYRILLIC_RUN = rx.compile(r"[\u0400-\u052f]+(?:[ -][\u0400-\u052f]+)*")
_SCRIPT_WORD = rx.compile(r"[^ -]+")
# one-letter words Arabic writes joined to the next: and, in/with, to/for, so
ARABIC_PREFIXES = "وبلف"
# Russian and Ukrainian case endings, longest first ("в Бахмуте", "из Харькова", "под Одессой")
CYRILLIC_ENDINGS = (
    "ами",
    "ями",
    "ого",
    "ому",
    "ой",
    "ей",
    "ом",
    "ем",
    "ах",
    "ях",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "і",
    "и",
    "ы",
)


def _script_key(word_span: str, index: WorldSource, cyrillic: bool) -> tuple[int, int, str] | None:
    """The key under which ``word_span`` (one or more words) is a place, and how many
    characters to leave off its start and end: tried as written, then (Arabic) without a
    joined one-letter word before it, then (Cyrillic) without a case ending."""
    key = name_key(word_span)
    if key in index:
        return 0, 0, key
    if not cyrillic and word_span[0] in ARABIC_PREFIXES and len(word_span) >= 5:
        key = name_key(word_span[1:])
        if key in index:
            return 1, 0, key
    if cyrillic:
        for ending in CYRILLIC_ENDINGS:
            stem = word_span[: -len(ending)]
            if word_span.endswith(ending) and len(stem.split()[-1]) >= 4:
                for tail in ("", "а", "ь", "й"):
                    key = name_key(stem + tail)
                    if key in index:
                        return 0, 0, key
    return None


def script_hits(clean: str, index: WorldSource) -> list[Hit]:
    """Place names of the world gazetteer written in Arabic or Cyrillic script (GeoNames'
    alternate names), longest first; a Cyrillic name starts with a capital."""
    if not _SCRIPT_GATE.search(clean):
        return []
    out: list[Hit] = []
    for script_run, cyrillic in ((_ARABIC_RUN, False), (_CYRILLIC_RUN, True)):
        for run in script_run.finditer(clean):
            words = [(run.start() + w.start(), run.start() + w.end()) for w in _SCRIPT_WORD.finditer(run.group())]
            i = 0
            while i < len(words):
                for j in range(min(len(words), i + 4), i, -1):
                    s, e = words[i][0], words[j - 1][1]
                    if cyrillic and not clean[s].isupper():
                        continue
                    if len(clean[s:e]) < 3:
                        continue
                    found = _script_key(clean[s:e], index, cyrillic)
                    if found is not None:
                        cut_start, cut_end, key = found
                        out.append(Hit(s + cut_start, e - cut_end, key, "world"))
                        i = j - 1
                        break
                i += 1
    return out


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

# (the Persian ezafe too, as _JOIN has it: "Qala-e-Fatullah", "Pul-i-Khumri", "Darah-ye Pech")
# (its words on one line: a headline above is no part of it)
_NAME = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]r|[Aa]z)[- ])?[A-Z][\w']+(?:[- ](?:(?:al|el|ez|es|ad|as|ar|az|an)-|(?:e|ye|i|yi)[- ])?['‘]?[A-Z][\w']+){0,3}"  # noqa: E501
# a list's item may say how often or when it was hit: "the villages of X (twice), Y (at dawn) and Z"
AGAIN = r"(?:\s*\([a-z0-9][\w ,-]{0,24}\))?"
# The look-aheads on the first characters change no match; they let the engine
# leave most positions of a text after one test.
_CONTEXT = [
    rx.compile(
        rf"(?=[bcdeghlmnprstv])\b(?:the\s+)?(?:town|city|village|cities|towns|villages|province|governorate|district|region|camp|hamlet|neighbou?rhood|suburb|port|settlements?|localit(?:y|ies)|hometown|stronghold|bastion|troublespot|enclave|sub-?district|commune|municipality)\s+of\s+(?P<n>{_NAME}){AGAIN}(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?P<m>{_NAME}){AGAIN})*"
    ),
    rx.compile(
        rf"(?=[A-Zae])\b(?P<n>{_NAME})\s+(?:province|governorate|district|sub-?district|sub-?city|region|township|tehsil|taluka|upazila|hromada|woreda|local\s+government\s+area|LGA|camp|air\s+base|airbase|military\s+base|(?:refugee|displacement|IDP)\s+(?:camp|site)|neighbou?rhoods?|village|"
        # "Nawnghkio town", "Bichena town" (not "the Kurdish town of X": a people's town, then its name)
        r"town(?!\s+of\b))\b"
    ),
]
# "X, a village 45 km south of Y", "X, a small government-held enclave", "X, a major town in"
_CONTEXT.append(
    rx.compile(
        rf"(?=[A-Zae])\b(?P<n>{_NAME}),\s+an?\s+(?:[\w-]+\s+){{0,3}}?(?:village|town|city|hamlet|settlement|"
        r"district|island|enclave|suburb|neighbou?rhood|camp|region|zone|locality|border\s+town|community)\b"
    )
)
# names made with the Arabic words for a village's features: Kafr (village), Tall (hill), Deir
# (monastery), Beit (house), Khirbet (ruin), Wadi (valley), Jabal (mountain), Ras (cape), Bir (well)
_CONTEXT.append(
    rx.compile(
        r"(?=[BDJKQRTUW])\b(?P<n>(?:Kafr|Kfar|Tal|Tall|Tel|Tell|Deir|Dayr|Beit|Bayt|Khirbet|Khirbat|Wadi|Jabal|"
        r"Jebel|Ras|Bir|Umm|Qasr)[\s-](?:(?:al|el|ad|as|ar|az|an|ash)-)?[A-Z][\w'’]+(?:[\s-](?:(?:al|el|ad|as|ar|az|an|ash)-)?"
        r"[A-Z][\w'’]+)?)"
    )
)
# "the X area", "the area of X": as often a stretch of country ("the Bay Area") as a place; a
# name found so is kept only where the text places it (a guess, like those after "in")
_CONTEXT.append(rx.compile(rf"(?=a)\barea\s+of\s+(?:the\s+)?(?P<n>{_NAME})"))
_CONTEXT.append(rx.compile(rf"(?=[A-Zae])\b(?P<n>{_NAME})\s+area\b"))
# a list that a plural kind word ends: "the Mugunga and Lac Vert camps", "the Kalma, Otash and Dereig camps"
_CONTEXT.append(
    rx.compile(
        rf"(?=[A-Zae])\b(?P<n>{_NAME})(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME}\s+(?:(?:displacement|refugee|IDP)\s+)?"
        r"(?:camps|villages|towns|districts|neighbou?rhoods|townships|provinces|governorates)\b"
    )
)
# a district by its capitalised kind word, then the unit that holds it: "in Kiwirok District, Pegunungan Bintang
# Regency", "Sarwan Qala Sub-district, Sangin" (a guess: kept only where resolve places it in that unit)
_DISTRICT_CAPS = rx.compile(
    rf"(?=[A-Zae])\b(?P<n>{_NAME})\s+(?:District|Sub-?district|Township|Tehsil|Upazila|County|Municipality|"
    r"Regency),\s+(?=[A-Z])"
)
_CONTEXT.append(_DISTRICT_CAPS)
_GUESSED = (False, False, False, False, True, True, False, True)  # which of _CONTEXT find guesses
# every match of _CONTEXT[i] contains a match of _CONTEXT_GATE[i]: a text without one is
# not scanned (the gates open with plain words or a character class, which the engine
# finds fastest)
_CONTEXT_GATE = [
    rx.compile(
        r"(?:town|city|village|cities|towns|villages|province|governorate|district|region|camp|hamlet|neighbou?rhood|suburb|port|settlements?|localit(?:y|ies)|hometown|stronghold|bastion|troublespot|enclave|sub-?district|commune|municipality)\s+of\s"
    ),
    rx.compile(
        r"\s(?:province|governorate|district|sub-?district|sub-?city|region|township|tehsil|taluka|upazila|hromada|woreda|local\s+government\s+area|LGA|camp|air\s+base|airbase|military\s+base|(?:refugee|displacement|IDP)\s+(?:camp|site)|neighbou?rhoods?|village|town)\b"
    ),
]
_CONTEXT_GATE.append(
    rx.compile(
        r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|hamlet|settlement|district|island|enclave|suburb|"
        r"neighbou?rhood|camp|region|zone|locality|border\s+town|community)\b"
    )
)
_CONTEXT_GATE.append(
    rx.compile(
        r"(?:Kafr|Kfar|Tal|Tall|Tel|Tell|Deir|Dayr|Beit|Bayt|Khirbet|Khirbat|Wadi|Jabal|Jebel|Ras|Bir|Umm|Qasr)[\s-]"
    )
)
_CONTEXT_GATE.append(rx.compile(r"area\s+of\s"))
_CONTEXT_GATE.append(rx.compile(r"\sarea\b"))
_PLURAL_GATE = rx.compile(r"\s(?:camps|villages|towns|districts|neighbou?rhoods|townships|provinces|governorates)\b")
_CONTEXT_GATE.append(_PLURAL_GATE)
_CONTEXT_GATE.append(rx.compile(r"\s(?:District|Sub-?district|Township|Tehsil|Upazila|County|Municipality|Regency),"))
# (what that gate needs, looked for first: a search for a word is far quicker than the pattern's)
_PLURAL_KIND_WORDS = ("camps", "villages", "towns", "districts", "hoods", "townships", "provinces", "governorates")
_PLURAL_KIND_FINDER = WordFinder(_PLURAL_KIND_WORDS)
_LIST_ITEM = rx.compile(_NAME)
_PEOPLE_AFTER = rx.compile(
    r"\s+(?:loyalists|supporters|fighters|militants|militiamen|forces|rebels|troops|workers|members|followers|"
    r"officials|leaders|commanders|media|group|groups|militia|militias|movement|brigade|brigades)\b"
)
_LIST_END = rx.compile(r"\s(?:and|or)\s")
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We I You My Your His Her Its Our Their Every Each Another Whose "
    "US UN EU NATO CENTCOM Pentagon President Prime".split()
)


_NAME_WORD = rx.compile(r"[\w'’]+")


def _trim_name(clean: str, s: int, e: int) -> tuple[int, int] | None:
    """A context pattern's name without what is no part of it: a sentence-initial function
    word ("In Kajaki district"), a possessive before it ("Russia's Belgorod region"), and
    anything from a day or month on ("the town of Fallujah Sunday"); None when nothing is
    left, or only words about people ("the Shiite province of").  Offsets into ``clean``."""
    words = [(s + m.start(), s + m.end()) for m in _NAME_WORD.finditer(clean[s:e])]
    for i, (ws, we) in enumerate(words):
        if clean[ws:we] in CALENDAR_WORDS:
            words = words[:i]
            break
    for i in range(len(words) - 1, -1, -1):
        w = clean[words[i][0] : words[i][1]]
        if w.endswith(("'s", "’s")):
            words = words[i + 1 :]
            break
    while words and clean[words[0][0] : words[0][1]] in FUNCTION_WORDS:
        words = words[1:]
    if not words or all(clean[a:b] in PEOPLE_WORDS or clean[a:b] in _NOT_NAMES for a, b in words):
        return None
    return words[0][0], words[-1][1]


class _Taken:
    """The hits of a text, by start, for the question which of them a new name would overlap: one
    that overlaps [s, e) starts before e and, being at most ``longest`` long, after s - longest,
    so bisection finds it (a scan of every hit for every new name would cost the square of the
    article's length)."""

    def __init__(self, hits: list[Hit]) -> None:
        self.by_id = {id(h): h for h in hits}
        self.spans = sorted((h.start, h.end, id(h)) for h in hits)
        self.longest = max((h.end - h.start for h in hits), default=0)

    def overlapping(self, s: int, e: int) -> list[Hit]:
        found = []
        i = bisect.bisect_left(self.spans, (s - self.longest + 1,))
        while i < len(self.spans) and self.spans[i][0] < e:
            if self.spans[i][1] > s:
                found.append(self.by_id[self.spans[i][2]])
            i += 1
        return found

    def add(self, hit: Hit) -> None:
        self.by_id[id(hit)] = hit
        bisect.insort(self.spans, (hit.start, hit.end, id(hit)))
        self.longest = max(self.longest, hit.end - hit.start)

    def remove(self, hit: Hit) -> None:
        self.spans.remove((hit.start, hit.end, id(hit)))


def pattern_hits(clean: str, taken: list[Hit]) -> list[Hit]:
    """Names found only by context ("the town of X"), not overlapping known hits.

    A pattern's name that holds a shorter world-gazetteer name takes its place ("the Jal Mir
    region": not Jal, New Mexico); the hits it replaces leave ``taken``."""
    out: list[Hit] = []
    occupied = _Taken(taken)
    plural = _PLURAL_KIND_FINDER.found_in(clean)
    for pattern, gate, guessed in zip(_CONTEXT, _CONTEXT_GATE, _GUESSED, strict=True):
        if (gate is _PLURAL_GATE and not plural) or not gate.search(clean):
            continue
        for m in pattern.finditer(clean):
            s, e = m.span("n")
            spans = [(s, e)]
            # the rest of a list: "the towns of X, Y and Z"
            tail = clean[e : m.end()]
            # a list ends with "and Z" or runs on ("X, Y, Z, W"); "the province of X, Y fighters" is none
            if _LIST_END.search(tail) or len(_LIST_ITEM.findall(tail)) >= 2:
                spans += [(e + x.start(), e + x.end()) for x in _LIST_ITEM.finditer(tail)]
            for s1, e1 in spans:
                trimmed = _trim_name(clean, s1, e1)
                if trimmed is None:
                    continue
                s2, e2 = trimmed
                surface = clean[s2:e2]
                if surface.split()[0] in _NOT_NAMES or (surface.isupper() and " " not in surface):
                    continue  # "ISIS", "NATO": an acronym is no place a pattern finds
                if _PEOPLE_AFTER.match(clean, e2):
                    continue  # "a bastion of Saddam loyalists": people, not a place
                if surface.split()[-1] in _FORCE_WORDS:
                    continue  # "the Administration Police camp": a force's, named after it
                if " " not in surface and peoples_word(clean, surface):
                    continue  # "in Chechen town" where the text also writes "Chechen officials"
                if surface[-1] in "'’":
                    continue  # "the Displaced Peoples' camp": whose camp, not its name
                over = occupied.overlapping(s2, e2)
                if pattern is _DISTRICT_CAPS and (over or name_key(surface) in {h.key for h in (*taken, *out)}):
                    continue  # (a district by its kind word yields to a name found otherwise: "Pleasant Township")
                if over and not all(
                    h.source == "world" and s2 <= h.start and h.end <= e2 and h.end - h.start < e2 - s2 for h in over
                ):
                    continue
                for h in over:
                    taken.remove(h)
                    occupied.remove(h)
                hit = Hit(s2, e2, name_key(surface), "guess" if guessed else "pattern")
                out.append(hit)
                occupied.add(hit)
    return out


# words that start a run of capitalised words but never a place name (unlike "The", "Al", "As")
NOT_NAME_START = frozenset(
    """In On From To For By With And But Of Or What When Where Who Why How If After Before Since Until While
    This That These Those It He She We They You His Her Its Our Their""".split()
)
PLACE_WORDS = frozenset(
    """County City Province Governorate District Region State Territory River Street Road Avenue Square Bay
    Lake Mountain Mountains Island Islands Valley Airport Port Harbour Harbor Beach Canal Strait Gulf Sea
    Ocean Desert Plain Plains Crossing Base Camp Shrine Park Bridge Heights Hills Falls Springs Peninsula
    Coast Border Basin Delta Oblast Prefecture Parish Borough Township Village Town Municipality""".split()
)
SENTENCE_START = rx.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“(]\s*)$")
# (a capitalised word on the same line: a headline's last word does not run on into a dateline)
CAP_WORD_BEFORE = rx.compile(r"([A-Z][\w'’]*)[ \t\xa0]$")
CAP_WORD_AFTER = rx.compile(r"^[ \t\xa0]([A-Z][\w]*)")
JOINERS = frozenset("The A An In At From To For On By With And But Of As Of Or In".split())
FUNCTION_WORDS = JOINERS | frozenset(
    "While When If After Before Since Until Near Outside Inside Across Throughout Only Both All Each Every Some "
    "Many Most Like Unlike Around Into Onto Across Via Than".split()
)


# --------------------------------------------------------------------------- guesses

GUESS = 0.3  # the confidence of a guess: resolve keeps it only when it finds it a place
# a name no gazetteer spells so, written where a place stands: "killed in Tel Abyad", "near Baqouba"
# (or what an attack fell on: "an attack on Mazeze", "raided Dansadau")
_GUESS_AT = rx.compile(
    # ("the Georgian village Tamarasheni", "the settlement Krasnohorivka": a kind of place before its name with no "of",
    # as reports translated from Russian and Georgian write it)
    r"\b(?=[AINOabefhilnorsv])(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|[Aa]t|(?:vicinity|outskirts|edges?|fringes?|entrance)\s+of|"
    r"village|settlement|hamlet|"
    r"(?:attacks?|raids?|assaults?|(?:air)?strikes?|shelling|fire|bombardment|bombing)\s+on|"
    r"attacked|raided|stormed|shelled|bombed|overran|(?:fell|landed|rained\s+down)\s+on)\s+(?=[A-Z]|(?:al|el)-[A-Z])"
)
_ADJECTIVE_END = rx.compile(r"(?:en|an|ian|ese|ish|sh|i|ic|ite|ek)$")  # the ends of a people's words
_ADJECTIVE_USE = rx.compile(
    r"\s+(?:officials|forces|fighters|rebels|militants|separatists|authorities|government|leaders?|president|"
    r"capital|people|refugees|civilians|side|war|border|police|troops|commanders?|villagers|elders)\b"
)


def peoples_word(clean: str, word: str) -> bool:
    """Whether a word no gazetteer has is a people's word, as the text also writes it before people or their
    offices ("Chechen officials", "the Chechen capital"): no name of a place ("in Chechen town")."""
    if _ADJECTIVE_END.search(word) is None:
        return False
    at = clean.find(word)
    while at != -1:
        if _ADJECTIVE_USE.match(clean, at + len(word)) and not (at and clean[at - 1].isalnum()):
            return True
        at = clean.find(word, at + 1)
    return False


_GUESS_AFTER_BAD = rx.compile(r"(?:['’]s\b|\s+and\s+[A-Z])")
_COMMA_DIVISION_AFTER = rx.compile(
    r",\s+(?:[A-Z][\w'’-]+\s+){1,3}(?i:region|state|province|district|division|governorate|county|oblast|township)\b"
)


_NAME_BEFORE = rx.compile(r"([A-Z][\w'’-]*)\s+$")
_NAME_AFTER = rx.compile(r"\s+([A-Z][\w'’-]*)")


def repeat_hits(clean: str, taken: list[Hit], source: str = "pattern") -> list[Hit]:
    """A name a pattern found ("the Abu Shouk camp") wherever else the text writes it ("the Abu
    Shouk displacement camp on the edge of El Fasher"): one name is one place in one article.
    Not a single word of the dictionary ("the town of Hit" does not make "Hit by shrapnel" one),
    an institution's name ("Butler Tech"), nor a word of a longer name ("Matthieu Prin").
    With ``source="guess"``, the same for the names guessed ("attack on Arbinda detachment", then "the
    detachment of Arbinda, in the Soum province"): resolve keeps all of them or none."""
    words = common_words()
    found = {
        surface
        for h in taken
        if h.source == source
        and not ((" " not in (surface := clean[h.start : h.end]) and surface.lower() in words) or english_head(surface))
    }
    if not found:
        return []
    import ahocorasick

    # every name in one pass over the text (a search per name would cost names x length)
    auto = ahocorasick.Automaton()
    for surface in found:
        auto.add_word(surface, surface)
    auto.make_automaton()
    occupied = _Taken(taken)
    out: list[Hit] = []
    # leftmost first, and the longest of those that start together ("Abu Shouk" over "Abu")
    found_at = sorted(
        ((last + 1 - len(surface), last + 1, surface) for last, surface in auto.iter(clean)),
        key=lambda x: (x[0], x[0] - x[1]),
    )
    for s, e, surface in found_at:
        if (s and _WORD_BEFORE.match(clean, s - 1)) or _WORD_AFTER.match(clean, e) or occupied.overlapping(s, e):
            continue  # inside a longer word, or where another name is
        # a word of a longer name beside it ("Matthieu Prin"), not a word such as "In"
        beside = [_NAME_BEFORE.search(clean, max(0, s - 30), s), _NAME_AFTER.match(clean, e)]
        if any(b and b.group(1).lower() not in words for b in beside):
            continue
        hit = Hit(s, e, name_key(surface), source)
        occupied.add(hit)
        out.append(hit)
    return out


_WORD_BEFORE = rx.compile(r"[\w'’-]")
_WORD_AFTER = rx.compile(r"[\w-]")


def _overlaps(spans: list[tuple[int, int]], starts: list[int], out: list[Hit], s: int, e: int) -> bool:
    """Whether ``s:e`` overlaps a name found otherwise (``spans``, sorted, with their ``starts``) or one guessed
    already (``out``)."""
    i = bisect.bisect_right(starts, e) - 1
    return (i >= 0 and spans[i][1] > s) or any(h.start < e and s < h.end for h in out)


# a brand written in camel case ("WhatsApp messages", "YouTube"), not a name such as McAllen or KwaMashu
_CAMEL = rx.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Kwa|Van|Von)[A-Z])[A-Za-z][a-z]+[A-Z]")


def _not_a_name_word(word: str) -> bool:
    """A capitalised word that names no place no gazetteer has: an adherent ("in Maoist ambush",
    "Islamist"), a brand in camel case ("in WhatsApp messages"), or the plural of an ordinary word
    ("near Levies vehicle", a force's name)."""
    if word.endswith(("ist", "ists")) or _CAMEL.match(word):
        return True
    low = word.lower()
    common = common_words()
    return (low.endswith("ies") and low[:-3] + "y" in common) or (
        low.endswith("s") and len(low) > 4 and (low[:-1] in common or (low.endswith("es") and low[:-2] in common))
    )


def _unlike_a_name(words: list[str]) -> bool:
    """Words of a guessed run that make it no place's name, whichever pattern guessed it: a first word that starts
    none ("In", "What"), a word that is no place or a place's kind word, an acronym, one of ``_not_a_name_word``,
    or a holiday ("celebrations for National Day, in the North-West region")."""
    return (
        words[0] in NOT_NAME_START
        or any(w in NOT_PLACES or w in PLACE_WORDS or w.isupper() or _not_a_name_word(w) for w in words)
        or (len(words) > 1 and words[-1] == "Day")
    )


def guess_hits(clean: str, taken: list[Hit]) -> list[Hit]:
    """Runs of capitalised words that no gazetteer knows, right after "in", "near", "outside",
    "around" or "at": perhaps another spelling of a place ("Tel Abyad", "Tuz Khurmato").
    Resolve keeps one only when it finds it a place (``Resolver.respelled``, or a place the
    text puts it in); the others are dropped, not reported as unresolved."""
    spans = sorted((h.start, h.end) for h in taken)
    starts = [a for a, _ in spans]
    out: list[Hit] = []
    for cue in _GUESS_AT.finditer(clean):  # "in X", "near X", and "In X, south of ..." opening a sentence
        m = _CAPSEQ.match(clean, cue.end())
        if m is None:
            continue
        s, e = m.span()
        words = clean[s:e].split()
        cut = next((j for j, w in enumerate(words) if w in CALENDAR_WORDS), len(words))
        while 0 < cut < len(words) and words[cut - 1].islower():
            cut -= 1  # "near Baqouba on Monday": the name stops before the weekday and its joiner
        if 0 < cut < len(words):
            words = words[:cut]
            e = s + len(" ".join(words))  # the run's words are one space apart
        i = bisect.bisect_right(starts, e) - 1
        if i >= 0 and spans[i][1] > s:
            continue  # overlaps a name found otherwise
        if (
            len(words) > 3
            or "and" in words  # ("in Eringeti and Mayimoya": two names)
            or _unlike_a_name(words)
            or any(w.endswith(("'s", "’s")) for w in words)
            or (
                len(words) == 1
                # (a short name only where the text sets it in its province: "in Pauk, Magway Region")
                and (
                    (len(words[0]) < 5 and not (len(words[0]) > 2 and _COMMA_DIVISION_AFTER.match(clean, e)))
                    or words[0].lower() in common_words()
                )
            )
            or _GUESS_AFTER_BAD.match(clean, e)
            or (key := name_key(clean[s:e])) in _ORGANISATIONS  # "an attack on Red Cross workers"
        ):
            continue
        if len(words) == 1 and peoples_word(clean, words[0]):
            continue  # "in Chechen town" where the text also writes "Chechen officials"
        out.append(Hit(s, e, key, "guess"))
    # a name before the kind of place it is, that the text sets in another: "at the Balukhali camp in", "in the
    # Nikial sector of", "attacked the Daraban police station in" (resolve keeps it only in that other place)
    if " the " in clean:
        for m in _KIND_NAMED.finditer(clean):
            s, e = m.span("n")
            words = clean[s:e].split()
            if _overlaps(spans, starts, out, s, e):
                continue
            if (
                _unlike_a_name(words)
                or any(w in CALENDAR_WORDS for w in words)
                or words[-1] in _FORCE_WORDS  # ("attacked the Administration Police camp in X")
                or (key := name_key(clean[s:e])) in _ORGANISATIONS
            ):
                continue
            out.append(Hit(s, e, key, "guess"))
    # a dateline's town in capitals, with its province: "MINGIN, Sagaing Region - " (resolve keeps it only in that
    # province)
    if "\n" in clean:
        for m in _DATELINE_GUESS.finditer(clean):
            s, e = m.span(1)
            if _overlaps(spans, starts, out, s, e):
                continue
            out.append(Hit(s, e, name_key(clean[s:e]), "guess"))
    # a name the text sets in its unit by a comma: "at the market of Kolofata, in the department of Mayo-Sava",
    # "about ten kilometres from Boulkessi, in the circle of Douentza" (whatever word comes before it)
    if ", in the " in clean:
        for m in _SET_IN_UNIT.finditer(clean):
            s, e = m.span("n")
            words = clean[s:e].split()
            if _overlaps(spans, starts, out, s, e):
                continue  # a name found otherwise
            if (
                len(words) > 3
                or _unlike_a_name(words)
                or any(w in CALENDAR_WORDS for w in words)
                or (len(words) == 1 and (len(words[0]) < 4 or words[0].lower() in common_words()))
                or english_head(clean[s:e])
                or (key := name_key(clean[s:e])) in _ORGANISATIONS
            ):
                continue
            out.append(Hit(s, e, key, "guess"))
    return out


# the last word of a force's name, which its camps and posts are named after: "the Administration Police camp in X"
_FORCE_WORDS = frozenset(
    "Police Army Military Forces Force Guard Guards Defence Defense Navy Marines Militia Rangers Brigade Battalion "
    "Regiment Gendarmerie Constabulary".split()
)
_KIND_NAMED = rx.compile(
    r"\b(?:in|at|near|on|attacked|raided|stormed|shelled|targeted|struck|hit)\s+the\s+"
    r"(?P<n>[A-Z][a-z][\w'’-]+(?:\s+[A-Z][a-z][\w'’-]+)?)\s+"
    r"(?:sector|camp|refugee\s+camp|police\s+(?:station|post)|checkpost|area|neighbou?rhood|village|bazaar|"
    # ("hit the Jusiyah crossing near the Syrian town of al-Qusayr")
    r"(?:border\s+)?crossing)\s+(?:of|in|near)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village)\s+of\s+)?"
    r"(?=[A-Z]|(?:al|el|as|ash|ad|ar|an|at|az)-[A-Z])"
)
_DATELINE_GUESS = rx.compile(
    rf"(?m)^([{UPPER}][{UPPER}'’.-]{{3,}}(?:[ -][{UPPER}][{UPPER}'’.-]+){{0,2}}),\s+"
    r"(?=[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s+[-–—]\s)"
)
# a name and the unit that holds it, after a comma: "Kolofata, in the department of Mayo-Sava", "Porga, in the
# commune of Tanguieta", "Fataki, in the chefferie of Walendu Pitsi"
_SET_IN_UNIT = rx.compile(
    rf"(?=[A-Zae])\b(?P<n>{_NAME}),\s+in\s+the\s+(?:(?:rural\s+|urban\s+)?(?:commune|circle|cercle|department|prefecture|"
    r"sub-?prefecture|territory|chefferie|groupement|province|district|municipality|county|governorate|parish|canton|"
    r"state|region)\s+of\s+(?:the\s+)?[A-Z]|"
    # ("the weekly market of Arbinda, in the Soum province")
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:province|district|region|department|governorate|prefecture|county)\b)"
)


# the short words that end the names of businesses and institutions; other words of three
# letters or fewer in the dictionary are more often a syllable of a name ("Lashkar Gar", "Wali Kot")
_SHORT_HEADS = frozenset("inn bar pub spa gym zoo lab hub cafe shop club mall bank".split())


def english_head(surface: str) -> bool:
    """Whether a name ends in an ordinary English word ("Smith College", "Landmark Bank",
    "Roanoke Park", "Miller's Inn"): in English news, a name no gazetteer has that ends so is
    more often an institution or a business than a place.  Not for a name opening with an
    Arabic article ("al-Alif Dar") or ending in a word after one ("Hikr al-Jami"): its words
    only look English; nor for a last word of three
    letters that names no business (the dictionary, Webster's, has "gar" and "kot")."""
    words = _TOKEN_SPLIT.split(surface.strip())
    if not words or words[0].lower() in ARTICLES or (len(words) > 1 and words[-2].lower() in ARTICLES):
        return False
    last = words[-1].lower()
    return last in common_words() and (len(last) > 3 or last in _SHORT_HEADS)


def find_toponyms(article: Article, sentences: list[Sentence], matcher: Matcher) -> list[Toponym]:
    """Every place name in the article, literal or not, in text order, with its sentence."""
    clean = article.clean
    hits = matcher.hits(clean)
    if matcher.index is not None:
        # a longer world name wins over a curated one inside it ("South Africa" over "Africa")
        hits = longest_first(
            hits + index_hits(clean, matcher.index, matcher.runs, matcher.facts) + script_hits(clean, matcher.index)
        )
    hits += pattern_hits(clean, hits)
    hits += repeat_hits(clean, hits)
    if matcher.index is not None:
        guessed = guess_hits(clean, hits)
        hits += guessed
        if guessed:
            hits += repeat_hits(clean, hits, "guess")
    hits.sort(key=lambda h: h.start)
    out: list[Toponym] = []
    k = 0
    for h in hits:
        if h.source != "gazetteer" and h.end - h.start <= 8 and _ACRONYM_CASED.fullmatch(clean, h.start, h.end):
            continue  # "the FAMa camp": Mali's armed forces, not a place
        while k + 1 < len(sentences) and sentences[k].end <= h.start:
            k += 1
        sent = (sentences[k].start, sentences[k].end) if sentences else (0, len(clean))
        s, e = article.to_original(h.start, h.end)
        confidence = 1.0 if h.source == "gazetteer" else GUESS if h.source == "guess" else 0.6
        out.append(Toponym(article.id, s, e, h.start, h.end, clean[h.start : h.end], h.key, confidence, sent))
    return out
