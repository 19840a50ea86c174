"""Stage 4b, where: which places of a sentence its events happened at, and how precisely.

A place is a candidate when the words before it introduce it as where something happened
("in", "at", "on", "in the flashpoint town of") or as what was struck ("shelled the
settlements of X, Y and Z", "X was hit"), and not as a dateline, an attribution, an
origin, a government or an adjective.  Of the candidates the most specific are kept:
a province or country that holds another, a city the text says holds one, and a
landmark ("near X" when X only says where another named place lies; "90 km east of X")
give way, with ACLED's geo_precision for the rest (1 the place, 2 part of or near it,
3 a province or region).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .. import rx
from ..casualties import MONTHS
from ..gates import gated
from ..models import AREA_TYPES, POPULATED_TYPES, Mention, Place, distance_km
from ..names import name_key
from ..text import UPPER, Sentence, clauses, is_word_char
from .triggers import DOWNED, MUNITIONS, NEGATED, PLAN_VERBS, TRIGGER_RX, Trigger

# what lines start with in bulletins and channel posts: "• ", "* ", "🔻 ", "▪️ "
BULLETS = "•*·▪▫■□◾◽►▶➤‣⁃🔻🔺🔴🟠🟡🔸🔹❗⚠⚡\ufe0f"
_DATELINE_AFTER = rx.compile(
    # ("BANGKOK, Feb 5, 2024 - ")
    r"(?:,\s*[A-Z][\w .,'-]{1,40}?)?\s*(?:\(|[-\u2013\u2014]\s|--|\s*\(?(?:AP|AFP|Reuters|Xinhua)\))"
)
# the verbs of speech, written once: a place after one is what was said unless "in/at/from" comes
# between ("said the village of X was hit", "confirms X was hit"; not "told reporters in X")
_SPEECH_VERBS = (
    r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|quoted|cited|confirmed|"
    r"confirms|claimed|claims|added|adds|denied|denies|suggested|suggests"
)
_SPEECH = gated(
    rf"(?=[abcdefghjmnopqrstu])\b(?:{_SPEECH_VERBS}|according\s+to|"
    r"spokes(?:man|woman|person)|statement|officials?|sources?|ministry|agency|"
    r"speaking|"
    # "the government in X did not respond to questions about the strike"
    r"(?:did|has|had)\s+not\s+(?:yet\s+|immediately\s+)?(?:respond|comment|reply)|"
    # where a statement was broadcast or given: "read on state television in the capital X"
    r"(?:television|TV|radio|media)(?=\s+(?:in|from)\b)|(?:news|press)\s+conference|briefing|"
    # "vowed retribution in a speech in Port Sudan", "the government in Kinshasa blamed the M23"
    r"(?:speech|address)(?=\s+(?:in|at|from)\b)|(?:government|authorities|administration|junta|regime)(?=\s+in\b)|"
    # "the UN human rights office in Geneva", "a session of the Security Council in New York"
    r"(?:rights|UN|U\.N\.|press|media|health)\s+office(?=\s+in\b)|session|Security\s+Council|General\s+Assembly|"
    # "Pakistan's Foreign Office in Islamabad did not confirm", "the embassy in Kabul said"
    r"(?:foreign|home|cabinet|presidential|president['’]s|prime\s+minister['’]s)\s+office(?=\s+in\b)|"
    r"(?:embassy|consulate)(?=\s+in\b)|"
    # "claimed the attacks in a call to journalists in Maiduguri"
    r"call(?:ed)?\s+to\s+(?:journalists|reporters)|"
    r"(?:Criminal\s+)?Court(?:\s+of\s+Justice)?(?=\s+in\b))\b",
    re.I,
)
_SPEECH_VERB = rx.compile(_SPEECH_VERBS, re.I)
_SPOKEN_AT = rx.compile(r"\b(?:in|at|from)\b", re.I)
_SPEECH_VERB_WORD = rx.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.I)
_THAT_AFTER = rx.compile(r"\s+that\b")
# where the wounded are taken or treated, and the words that take them there
_HOSPITAL = (
    # ("the Medical City complex in X")
    r"(?:hospitals?|clinics?|medical\s+(?:centres?|centers?|college|complex|posts?|city(?:\s+complex)?)|infirmary|"
    # ("the bodies were brought to the morgue in X")
    r"morgues?|mortuar(?:y|ies)|"
    r"health\s+(?:posts?|centres?|centers?|facilit(?:y|ies))|"
    r"institute\s+of\s+medical\s+sciences)"  # "the Regional Institute of Medical Sciences (RIMS) in X"
)
_MOVED = (
    r"(?:taken|transferred|transported|rushed|evacuated|airlifted|moved|brought|admitted|treated|shifted|referred|"
    r"ferried|carried|driven|drove|flown|distributed|sent|"
    # ("before transferring the bodies to the governmental hospital in X")
    r"taking|transferring|transporting|rushing|evacuating|airlifting|moving|bringing|ferrying|carrying)"
)
# what stands before a place that is not where the event happened (opening with a look-ahead on
# the first characters of its phrases, which ``tests/test_regex_gates.py`` checks)
_ORIGIN_BEFORE = gated(
    # (not a distance from it: "ambushed a convoy about 20 kilometres from Titao", "some 5 km away from X")
    r"\b(?=[,\dabcdefghilmnoprstuvw])(?:(?<!km\s)(?<!kms\s)(?<!miles\s)(?<!kilometres\s)(?<!kilometers\s)(?<!metres\s)"
    r"(?<!meters\s)(?<!away\s)(?<!north\s)(?<!south\s)(?<!east\s)(?<!west\s)from|"
    r"(?<!close\s)(?<!next\s)(?<!adjacent\s)(?<!due\s)(?<!entrance\s)(?<!gates\s)to|towards?|into|border\s+with|"
    r"borders\s+with|bordering|across\s+from|opposite|"
    r"fled\s+to|returned\s+to|crossing\s+from|back\s+to|flown\s+to|taken\s+to|evacuated\s+to|bound\s+for|"
    # a ship's cargo and flag: "carrying fertiliser loaded at Aqaba", "registered in Monrovia"
    r"loaded\s+(?:at|in)|(?:registered|flagged)\s+in|"
    # where the wounded were taken: "transferred across the border to hospitals in Gaziantep"
    rf"(?:(?:{_MOVED}|succumbed|died)\s+(?:[\w-]+\s+){{0,4}}?(?:to|at|in)|according\s+to)\s+"
    # ("died hours later at the General Hospital Raymundo Abarca Alarcon in X": a hospital with its name after it)
    rf"(?:(?:a|the|two|several)\s+)?(?:[\w-]+\s+){{0,3}}?{_HOSPITAL}(?:\s+(?-i:[A-Z][\w'’.-]*)){{0,4}}"
    rf"(?:\s+\([^()]{{1,12}}\))?\s+(?:in|at)|"
    # "the injured were hospitalised in X", "treated at the scene and in X"
    r"hospitali[sz]ed\s+(?:[\w-]+\s+){0,3}?in|"
    # a hospital by its initials: "then shifted to RIMS in X"; those who visit the wounded: "the governor has
    # visited the wounded in X"
    rf"{_MOVED}\s+(?:[\w-]+\s+){{0,3}}?to\s+(?:the\s+)?(?-i:[A-Z]{{2,6}})\s+(?:in|at)|"
    r"visit(?:ed|ing|s)?\s+(?:the\s+)?(?:wounded|injured|survivors)\s+(?:[\w-]+\s+){0,2}?(?:in|at)|"
    # where a statement came from, and where relatives heard of it: "in a communique issued in X", "messages to
    # relatives in X"
    r"(?:statement|communiqu[eé]|release|bulletin|note|notice|message|announcement|letter|video)\s+"
    r"(?:issued|released|published|read\s+out|posted|sent|distributed)\s+in|"
    # (not the displaced families a place shelters: "shells struck a school housing displaced families in X")
    r"(?<!displaced\s)(?:relatives|families|family\s+members)\s+in|"
    r"treated\s+(?:on\s+(?:the\s+)?(?:site|spot)|at\s+the\s+scene)\s+(?:and|or)\s+(?:later\s+)?(?:in|at)|"
    r"headed\s+for|travell?ing\s+to|on\s+(?:the|its|their)\s+way\s+to|native\s+of|citizens?\s+of|"
    # where a vehicle was going: "travelling from X to the weekly market in Y when it was hit"
    r"(?:travell?(?:ing|ed)|heading|headed|driving|going|bound)\s+(?:from\s+[^.;,]{1,40}?\s)?to\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){1,3}?(?:in|at)|"
    # where the attack came from: "jets that had taken off from Hmeimim airbase in Latakia province",
    # "flying drones from the army's base in X", "fire from a compound in the X area"
    r"from\s+(?:the\s+|an?\s+)?(?:(?!(?:on|onto|into|at|against|in|to|toward|towards)\s)[\w'’-]+\s+){0,5}?"
    r"(?:air\s*bases?|bases?|airports?|airfields?|positions?|compounds?|barracks|camps?|hills|hill\s+ranges|heights|"
    r"office|warehouse|garage|flat|apartment|[Cc]ommand(?:\s+No\.?\s*\d+)?|[Bb]rigade|[Bb]attalion|[Rr]egiment),?\s+"
    r"(?:in|at|near|of|around)(?:\s+(?:nearby|neighbou?ring|adjoining|adjacent))?"
    # ("from the Hmeimim base in the countryside of X")
    r"(?:\s+the\s+(?:countryside|outskirts|suburbs|vicinity)\s+of)?|"
    r"(?:sought|seeking|took|taking|taken|found|find)\s+(?:refuge|shelter)\s+in|(?<!-)(?:based|headquartered)\s+(?:in|at)|"
    # where people moved to, and what a side promised: "moved to relatives' homes in X", "promised retaliation
    # against Y"
    r"(?:moved|relocated|fled|gone)\s+to\s+(?:[\w'’-]+\s+){0,3}?(?:homes?|houses?|camps?|shelters?|schools?)\s+in|"
    r"(?:retaliation|revenge|reprisals?)\s+(?:against|on)|"
    # where someone got to: "a woman from X who reached a tent camp outside Nazran"
    r"who\s+(?:had\s+|has\s+|have\s+)?(?:reached|arrived\s+(?:at|in)|made\s+it\s+to)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:in|at|outside|near)?|"
    # where people protested it: "has drawn repeated street protests in Peshawar, Lahore and Karachi" (not "shot while
    # addressing a rally in X": where it happened)
    r"(?:drawn|drew|draws|sparked|sparks|triggered|triggers|prompted|prompts|fuel(?:l)?ed|fuels|provoked|provokes)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:protests?|demonstrations?|rallies|marches|sit-ins?|outrage|anger)\s+(?:in|across|outside)|"
    # where the dead were mourned: "attended a funeral mass in Butembo for victims of last week's attack"
    r"(?:attended|attending|attend|attends|held|holding|hold|holds)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:funerals?|burials?|vigils?|memorial\s+services?)(?:\s+(?:mass|service|prayers?|procession))?\s+(?:in|at)|"
    # where someone spoke: "officials, speaking on condition of anonymity in Islamabad, said"
    r"speaking\s+(?:[\w'’-]+\s+){0,5}?(?:in|from)|"
    # "a chief reached by telephone in Diffa", "residents contacted by phone from X"
    r"(?:reached|contacted|interviewed)\s+by\s+(?:tele)?phone\s+(?:in|from|at)|"
    # "refugees interviewed by Amnesty International delegates in X"; "the coalition fighting in Yemen"
    r"interviewed\s+by\s+(?:[\w'’-]+\s+){1,5}?(?:in|at)|"
    r"coalition\s+(?:[\w-]+\s+)?fighting\s+in|"
    # where those targeted attacked before: "hideouts of the TTP responsible for attacks in Khyber Pakhtunkhwa"
    r"(?:responsible|blamed)\s+for\s+(?:[\w'’-]+\s+){0,4}?(?:in|on|across)|"
    # where those blamed are: 'Damascus blamed "terrorist groups" in X for the attack' (not "blamed the
    # bombing in X on ...")
    r"blam(?:e|es|ed|ing)\s+(?:(?!(?:attacks?|bombings?|strikes?|blasts?|explosions?|shelling|raids?|killings?)\b)"
    r"[\w\"“”'’-]+\s+){1,4}?in|"
    # "a statement issued from its headquarters in Stuttgart"; "talks with officials ... in Kabul"; "as
    # Japan's prime minister was meeting the Supreme Leader in Tehran"
    r"headquarters\s+(?:in|at)|(?:talks|negotiations|summit|(?:was|were)\s+(?:meeting|visiting|hosting)|"
    # where a deal was signed: "days after the government signed an agreement in Kuala Lumpur"
    r"(?:signed|signing|sign|signs|inked)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:agreement|accord|deal|treaty|"
    r"memorandum|ceasefire|truce|declaration))\b"
    # "They talk in Caracas and Doha", "met ... in Paris"
    r"[^.;:]{0,60}?\s(?:in|at)|(?:talk|talked|talking|negotiate|negotiated|negotiating|met|meet|meets)\b"
    r"[^.;:]{0,60}?\s(?:in|at)|"
    # where someone was arrested or lived: "who had been arrested in Molenbeek", "who lived in Prestwich"
    r"(?:arrested|detained|lived|lives|living|resided|residing|grew\s+up)\s+in|"
    # where the front line runs, and where one who speaks stands: "the front line now lies twenty kilometres east,
    # near X", '"...," he said, standing in the courtyard of the family house in X'
    r"front[\s-]?lines?\s+(?:now\s+)?(?:lies|lie|runs|run|passes|stretches|is|are)\s+[^.;]{0,50}?"
    r"(?:near|at|around|outside|through|along|in)|"
    r",\s+standing\s+(?:[\w'’-]+\s+){0,8}?(?:in|at|outside|near|beside)|"
    # where drones were shot down, not what they hit: "fighter jets brought them down over the Sumy and Kyiv regions"
    r"(?:shot|brought|gunned)\s+(?:them\s+|it\s+|all\s+of\s+them\s+)?down\s+over|(?:downed|intercepted)\s+over|"
    # a flight, not a hit: "warplanes flew intensively over the capital Sanaa", "broke the sound barrier over X"; where
    # guns stand: "its artillery units deployed near X"
    r"(?:flew|flying|flown|overflew)\s+(?:[a-z]+ly\s+)?over|sound\s+barrier\s+(?:over|above)|"
    r"(?:units?|batteries|battalions?|guns|troops)\s+(?:[\w-]+\s+)?(?:deployed|stationed|positioned)\s+(?:in|near|around|at)|"
    # where fire came from: "the artillery, from behind the border in X"
    r"from\s+(?:behind|across|beyond)\s+the\s+border\s+in|"
    # where the wounded were flown: "evacuated by helicopter to the counter-terrorist base at X", "airlifted to the
    # army's hospital at Camp Y in nearby X"
    rf"{_MOVED}\s+(?:by\s+(?:helicopter|air|road|ambulance|boat)\s+)?to\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_HOSPITAL}|(?:air\s*)?base|camp|barracks)\s+(?:at|in)"
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s+(?:in|at|near))?|"
    # where those who fired were: "terrorists positioned in X fired rocket shells on Y"
    r"(?:terrorists|militants|insurgents|rebels|gunmen|fighters|enemy|snipers)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:positioned|stationed|entrenched|holed\s+up|based|hiding)\s+in|"
    # where those who fired are: "artillery fired from a battalion stationed near Sittwe fell on a village"
    r"from\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?(?:stationed|garrisoned|deployed|positioned)\s+"
    r"(?:in|near|at|around|outside)|"
    # "ships sailing around the Cape"
    r"(?:sailing|sail|sailed|diverted|rerouted|re-routed)\s+(?:around|via|through)|"
    # "according to medical sources at al-Aqsa Martyrs Hospital in X"; "the Council, meeting in X, said"
    rf"according\s+to\s+(?:[\w'’-]+\s+){{0,6}}?{_HOSPITAL}\s+in|,\s+(?:meeting|convening|gathered)\s+in|"
    # a town taken long before, in a clause of time: "since the group took over the state capital, X"
    r"since\s+(?:[\w-]+\s+){1,3}?(?:took\s+over|captured|seized|overran)(?:\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+,)?|"
    # where a place lies: "Y, which lies between X and Z, has changed hands"
    r"(?:lies|lying|located|situated|sits)\s+(?:[\w-]+\s+){0,2}?between|"
    # a town those who fired took before, in a clause of their own: "as insurgents who seized most of X last week
    # pressed on"
    r"(?:who|which|that)\s+(?:had\s+|have\s+|has\s+)?(?:seized|captured|overran|took\s+(?:over|control\s+of))"
    r"(?:\s+(?:most|much|parts?|all|control)\s+of)?|"
    # where someone is now ("whose daughters were killed in the fire, is now in X"); where a
    # launching aircraft flew ("launched by a bomber flying over the Kursk region")
    r"(?:is|are)\s+now\s+(?:[a-z]+ing\s+)?in|(?:flying|flew|operating)\s+over|"
    # where ships called: "its owner's other vessels had called at the Israeli port of Eilat"
    r"(?:called|calling|calls|docked|docking|docks|berthed|moored)\s+(?:at|in)|"
    # a drone's path, not a hit: "one briefly entered Romanian airspace over Tulcea county"
    r"air\s*space\s+(?:over|above|near)|"
    # "missiles from bombers over the Saratov region"; an advance, not a hit: "as rebels close in on X"
    r"(?:bombers?|aircraft|warplanes?|planes?)\s+over|clos(?:e|es|ing|ed)\s+in\s+on|"
    # where the wounded died later: "after two of the wounded died in Mogadishu"
    r"(?:wounded|injured)\s+(?:later\s+|subsequently\s+)?(?:died|succumbed)\s+(?:(?:of|to)\s+(?:their|his|her)\s+"
    r"(?:wounds|injuries)\s+)?in|"
    # where the dead were mourned or buried (not "a strike on a funeral in X")
    r"(?:mourners\s+(?:gathered|assembled)|funerals?\s+(?:was|were)\s+held|(?:was|were)\s+(?:buried|laid\s+to\s+rest))"
    r"\s+in|"
    # where a truce was made, where the lights went out: "a ceasefire agreed in Moscow", "disrupting
    # electricity supply in Northern and River Nile states"
    # ("whose founding charter was signed in Nairobi")
    r"(?:ceasefire|cease-fire|truce|agreement|deal|accord|talks|charter|treaty|pact|declaration|memorandum)\s+"
    r"(?:[\w-]+\s+)?(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:agreed|signed|brokered|reached|held|negotiated)\s+in|"
    # ("the disengagement of forces, agreed by the Trilateral Contact Group in Minsk")
    r"(?:agreed|signed|brokered|negotiated)\s+(?:by|with|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}?in|"
    r"(?:power|electricity|water)\s+(?:supply|supplies|cuts?|outages?|blackouts?)\s+"
    r"(?:in|to|across)|"
    # what sanctions fall on, where arms are made: "sanctions on Moscow", "missiles produced in Belfast"
    r"(?:sanctions|tariffs|embargo(?:es)?)\s+(?:[\w-]+\s+){0,3}?(?:on|against)|"
    r"(?:produced|manufactured|made|built|assembled)\s+in|"
    # where a launch came from, near somewhere: "launched from the vicinity of X", "fired from near X",
    # "launched from an area near X"
    r"(?:launched|fired|took\s+off|flown|sent)\s+from\s+(?:(?:an?|the)\s+(?:[\w-]+\s+)?(?:area|region|site|spot)\s+)?"
    r"(?:near|around|the\s+(?:vicinity|outskirts|direction)\s+of)|"
    # ... or from what lies in it: "launched from fields in the Sumy and Chernihiv regions", "fired from positions in
    # X", "launched from Houthi-held territory in X"
    r"(?:launched|fired|took\s+off|flown)\s+from\s+(?-i:(?:(?:[A-Z]\w*-)?[a-z-]+\s+){1,3}?)in|"
    # where a launch came from, a place the text names in another: "from Cape Chauda in Crimea", "from the
    # Millerovo air base in Rostov region"
    r"from\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,3}(?:(?:area|region|district|airfield|air\s*base|base)\s+)?"
    r"(?:in|on|near)|"
    # seen in the sky, not a hit: "drones were also reported over X", "hovering over X"
    r"(?:spotted|seen|sighted|reported|heard|observed)\s+(?:flying\s+|circling\s+)?over|"
    r"(?:hover|circl)(?:ed|ing|es|e)?\s+over|"
    # a warning, not a hit: "sirens sounded in Tel Aviv and Ashkelon"
    r"sirens?\s+(?:sounded|sounding|wailed|wailing|blared|went\s+off|were\s+(?:heard|activated))\s+(?:in|across|over)|"
    # "displaced people sheltering in camps around X"
    r"sheltering\s+in\s+(?:[\w-]+\s+){0,2}?(?:camps?|sites?|shelters?|schools?)\s+(?:in|around|near)|"
    r"residents?\s+of|natives?\s+of|\d+,\s+of|(?<!in\shis\s)(?<!in\sher\s)(?<!in\stheir\s)hometown\s+of)\s+(?:the\s+)?"
    # ("flying over Russia's Belgorod region")
    # ("an armed group based in the nearby Far'a camp")
    r"(?:(?:nearby|neighbou?ring|adjacent|adjoining)\s+)?"
    r"(?:[A-Z][\w-]*['’]s\s+)?(?:(?:[a-z-]+\s+){0,2}?(?:town|city|village|provinces?|regions?|capital|districts?|area|"
    r"[Cc]ape|port|directions?)\s+of\s+|capital\s+)?$",
    re.I,
)
# a hospital's town, in a sentence that tells where the wounded were taken or treated
# ("taken to hospital in the provincial capital, X")
_HOSPITAL_IN = rx.compile(
    # ("the field hospital run by an international charity in X")
    rf"\b{_HOSPITAL}(?:\s+\([^()]{{1,12}}\))?(?:\s+(?:run|operated|managed|set\s+up)\s+by(?:\s+[\w'’-]+){{1,4}}?)?"
    r"(?:,?\s+in\s+(?:the\s+)?"
    r"(?:(?:provincial|regional|state|district|departmental|county|national)\s+capital\s*,\s+)?"
    # ("hospitals in the Turkish city of X")
    r"(?:(?:[\w'’-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?"
    # (the second of two towns: "hospitals in Halfa Al Jadeedah and New Halfa")
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:and|or)\s+(?:in\s+)?)?"
    # (its town after a comma: "at the Federal Medical Centre, X")
    r"|\s*,\s*)$",
    re.I,
)
# a hospital named after a place ("al-Thawra hospital", "Kirkuk General Hospital")
_HOSPITAL_AFTER = rx.compile(
    rf"\s+(?:(?:general|teaching|central|district|military|university|specialist|regional)\s+)*{_HOSPITAL}\b", re.I
)
# a hospital that treats the wounded, said after its place: "the clinic in X treated 20 people"
_TREATS_AFTER = rx.compile(
    # ("the Zmirli hospital in X, where many of the wounded were taken")
    # ("Butembo, where the wounded were also evacuated")
    # ("medics in X who treated the wounded")
    r"\s+(?:who\s+)?(?:has\s+|had\s+|have\s+)?(?:treated|received|admitted)\b|"
    # ("the provincial hospital in X is treating wounded soldiers")
    r"\s+(?:(?:is|are|was|were)\s+(?:still\s+)?(?:treating|receiving|admitting)|treats|receives)\b|"
    r"(?:\s+(?:city|town))?,\s+where\s+(?:[\w-]+\s+){0,10}?(?:were|was|are|is)\s+(?:being\s+)?"
    r"(?:(?:also|later|then|first|all)\s+)?(?:taken|treated|brought|admitted|rushed|evacuated|transferred|sent|"
    r"transported|airlifted|moved)\b",
    re.I,
)
# where someone was on a visit: "the envoy was in Kabul for talks when the strikes took place"
_VISIT_AFTER = rx.compile(
    r"\s+(?:for|on)\s+(?:[\w.-]+-brokered\s+)?(?:talks|negotiations|consultations|meetings?|a\s+summit|"
    r"an?\s+(?:[a-z]+\s+)?visit)\b"
    # "announced the strike from his resort in Florida, where he was hosting Xi"
    r"|,\s+where\s+(?:he|she|they|the\s+\w+)\s+(?:was|were|is|are)\s+(?:hosting|meeting|visiting|staying|holidaying)\b",
    re.I,
)
# a body of water named after a town: "the Kakhovka reservoir", "the Tigris river"
# those who treat the wounded, in a place ("medics in X who treated the wounded", "hospital staff in X, where the
# injured were treated")
_MEDICS_WORDS = ("edic", "octor", "urgeon", "urse", "staff", "workers", "sources", "officials")
_MEDICS_IN = rx.compile(
    r"\b(?:medics|doctors|surgeons|nurses|paramedics|(?:hospital|medical)\s+(?:staff|workers|sources|officials))\s+"
    r"in\s+(?:the\s+)?$",
    re.I,
)
# a place where the wounded were taken, said of it after its name: "Kharkiv, where most of the 14 people wounded in
# the strike were taken for surgery"
_WOUNDED_TAKEN_AFTER = rx.compile(
    r"(?:\s+(?:city|town))?,\s+where\s+(?:[\w-]+\s+){0,8}?(?:wounded|injured|casualties|bodies)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:were|was|had\s+been|have\s+been)\s+(?:(?:also|later|then|first|all|mostly)\s+)?(?:taken|treated|brought|"
    r"admitted|rushed|evacuated|transferred|sent|transported|airlifted|moved|hospitali[sz]ed)\b",
    re.I,
)
_WATER_AFTER = rx.compile(r"\s+(?:reservoir|river|lake|canal)\b", re.I)
_WOUNDED_MOVED = rx.compile(
    # ("several of the injured were in a serious condition at X hospital in Y")
    rf"\b(?:{_MOVED}|receiving\s+treatment|being\s+treated|died|succumbed|pronounced\s+dead|"
    r"in\s+(?:a\s+)?(?:serious|critical|stable|grave)\s+condition|"
    r"visit(?:ed|ing|s)?\s+(?:the\s+)?(?:wounded|injured|survivors|victims))\b",
    re.I,
)
_ORIGIN_NEAR = rx.compile(
    r"(?:\d+,\s+of|\bfrom|\bnative\s+of|\bresidents?\s+of|\bhometown\s+of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:near|outside|close\s+to)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.I,
)
# a distance that makes a place a landmark, not where the event was ("200 km west of Kathmandu")
_FAR = rx.compile(
    r"\b(?:(?:[2-9]\d|\d{3,})(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:er|re)s?)|(?:1[5-9]|[2-9]\d|\d{3,})\s+(?:nautical\s+)?miles?)\b"
    r"[^,;]{0,40}$",
    re.I,
)
# a distance in an apposition to a name, which it locates ("near Ngouboua, on the lake some 40 km
# south of", "In Sake, about 25 km west of"), a name no gazetteer may know
_NAME_APPOSED = rx.compile(
    # (not a day or a month: "on 2 May, approximately 60 km northeast of X")
    rf"\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|{MONTHS})\b)[A-Z][\w'’-]+(?:\s+\([^)]{{0,30}}\))?,"
    r"\s+[^,;]{0,80}$"
)
# worded as a province: a province, whatever its name resolved to ("in the province of Hama")
# the words that name an area holding towns, in the administrations of many countries ("Bassa
# local government area", "North Kivu's Masisi territory", "the cercle of Djenne", "Ulang County")
_UNIT = (
    r"(?:province|governorate|countryside|territory|local\s+government\s+area|LGA|cercle|county|prefecture|"
    r"department|township|circle)"
)
_PROVINCE_BEFORE = gated(rf"\b{_UNIT}\s+of\s+(?:the\s+)?$", re.I)
_PROVINCE_AFTER = rx.compile(rf"\s+{_UNIT}\b", re.I)
_REGION_AFTER = rx.compile(r"\s+(?i:region|zone|area)\b")
_SET_IN_BEFORE = rx.compile(r",\s+in\s+(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?['’]s\s+)?$")
# an area in brackets after a place: "near Lere, in the circle of Niafunke (Timbuktu region)" (what holds it)
_BRACKETED_AREA_AFTER = rx.compile(r"\s+(?:region|province|state|governorate|district)\)", re.I)
_NEAR_BEFORE = gated(
    # (not "the nearby X oil terminal", "fled to nearby X": X itself, which is near something else)
    # ("in the hills above Port-au-Prince")
    r"(?=[\dacehmnorsvw])(?:\b(?:near|close\s+to|outside|outskirts\s+of|vicinity\s+of|edge\s+of|around|overlooking|"
    r"(?:hills?|mountains?|heights|slopes?|ridges?)\s+(?:above|over)|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of|(?:\d[\d,.]*|a\s+few|several|some)\s+(?:km|kms|kilometers?|kilometres?|(?:nautical\s+)?miles?|meters?|"
    r"metres?)\s+(?:\([^)]{0,20}\)\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)(?:ern)?\s+)?(?:of|from)|away\s+from)\s+(?:the\s+)?"
    # ("southwest of the Chechen capital Grozny")
    # ("west of Yemen's capital Sanaa")
    r"(?:(?:(?:town|city|village|capital|border\s+town|provincial\s+capital)\s+of|(?:[A-Za-z'’-]+\s+)?capital)\s+)?)$",
    re.I,
)
# a landmark: a direction or a distance from it ("north of Baghdad", "35 km south of Mosul")
_LANDMARK_BEFORE = rx.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of|\boverlooking|\b(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b[^,;]{0,30}\b(?:of|from))"
    # "west of the capital Sanaa", "south of the provincial capital of X"
    r"\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,2}(?:(?:town|city|village|capital)\s+of|capital)\s+)?$",
    re.I,
)
# between the items of a list of origins: "from Bryansk, Kursk and Millerovo", "to hospitals in Idlib
# city and Binnish"
_ORIGIN_LIST_GAP = rx.compile(
    # ("airlifted to hospitals in Arauca and in Bogota")
    r"(?:\s+(?:city|town|village|province|region|district|camp))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:in\s+)?"
    # ("over the capital X and the provinces of Y and Z")
    r"(?:the\s+(?:provinces?|regions?|districts?|towns?|villages?|cities)\s+of\s+)?"
    # ("clinics in X and Cali, capital of the neighbouring Valle del Cauca department")
    r"(?:(?<=,\s)(?:the\s+)?capital\s+of\s+(?:the\s+)?neighbou?ring\s+)?"
)
_UNKNOWN_ITEM_IN_GAP = rx.compile(
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?){1,6}\s+in\s+(?:the\s+)?"
)
# between a place the wounded were taken to (or something came from) and the place that holds it
# ("referred to Larkana in Sindh"), or the same place by another name ("taken to hospitals in
# Kobani (Ayn al-Arab)"), the sea or river it lies on ("launched from Yeysk on the Sea of Azov coast"), or
# the place it lies from
_COMMA_GAP = rx.compile(r"\s*,\s*")
_ORIGIN_HELD_GAP = rx.compile(
    r"\s*,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?"
    # ("a clinic in Cali, in the department of Valle del Cauca")
    r"(?:(?:department|province|region|state|governorate|county|district|territory|oblast)\s+of\s+(?:the\s+)?)?|"
    r"\s*\(\s*|\s+on\s+the\s+|"
    # ("to Champhai, across the border in India's Mizoram state")
    r"\s*,\s+across\s+the\s+(?:border|frontier)\s+in\s+|['’]s\s+|"
    # where it lies from another: "launched from an area near Nampo, southwest of Pyongyang"
    r"\s*,\s+(?:(?:about|some|around)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west)[\w-]*\s+of\s+(?:the\s+)?"
)
# (and where someone came from: "a native of Bulandshahr in Uttar Pradesh")
_FROM_BEFORE = rx.compile(r"\b(?:from|(?:a\s+)?natives?\s+of|residents?\s+of|home\s*town\s+of)\s+(?:the\s+)?$", re.I)


def _from_before(clean: str, start: int, at: int) -> bool:
    """Whether "from" ("a native of") stands just before ``at`` (not before ``start``, the sentence's)."""
    return _FROM_BEFORE.search(clean, max(start, at - 24), at) is not None


# a sector of a front named after a town, as Ukraine's General Staff writes them
_SECTOR_AFTER = rx.compile(
    # "the Pokrovsk direction"; every item of "the Kupiansk, Lyman and Bakhmut directions"
    r"^(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?){0,6}\s+"
    r"(?:directions?|axis|axes|sectors?|fronts?|salients?)\b"
)
_SECTOR_OF = rx.compile(r"\s+sector\s+(?:of|in)\s+[A-Z]")
_ACTOR_AFTER = rx.compile(
    r"^\s+(?:forces?|troops|army|military|"
    # (not a post of the town's: "the Kulachi police station")
    r"police(?!\s+(?:station|post|checkpost|check\s*post|chowki|outpost|lines|barracks|compound)s?\b)|"
    r"government|officials?|authorities|warplanes?|jets?|"
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


def precision(place: Place, near: bool) -> int:
    """ACLED's geo_precision of an event at (or ``near``) ``place``; never finer than the
    point of a place that stands at another's (a district at its province's point, a village
    placed by the text at its town's)."""
    if place.feature_type in POINT_TYPES:
        own = 2 if near else 1
    elif place.feature_type in PART_TYPES:
        own = 2
    else:
        own = 3
    borrowed = place.resolved_by == "context" or place.feature_type in ("admin2", "district")
    return max(own, place.geo_precision) if borrowed else own


@dataclass(slots=True)
class Candidate:
    mention: int  # index into the article's mentions
    near: bool  # a reference point ("near X"): the event was at X only as nearly
    # the sentence also names, as where it happened, a place no gazetteer knows ("in the Abu
    # Dashir district of Baghdad"): the known places are only near it or hold it
    unknown_beside: bool = False
    # a reference point that says where another named place lies ("Kfarjouz near Nabatieh",
    # "Safina, a village 45 km south of Mosul"), not where the event was ("targets near X")
    reference: bool = False
    province: bool = False  # named as a province ("in the province of Hama", "Idlib province")
    wide: bool = False  # a landmark on land farther than LANDMARK_KM: the event was in its region
    # the place a sentence opens in ("In neighbouring Narathiwat, a headman was shot dead in Rueso"): it holds the
    # places of its province the sentence names after it
    frame: bool = False


def contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` (a province, region or country) holds ``inner``."""
    if outer.id == inner.id:
        return False
    if not outer.country and outer.feature_type == "region":
        # a region no one country holds ("Kashmir"): the towns near its point ("Anantnag town in
        # Indian-administered Kashmir")
        return (
            inner.feature_type not in AREA_TYPES | {"region", "admin1"}
            and distance_km(outer, inner) <= DISPUTED_REACH_KM
        )
    if not inner.country and inner.feature_type == "region" and outer.feature_type in AREA_TYPES | {"region", "admin1"}:
        # ... and one that the text puts in a region or country that claims it ("the Shebaa Farms in south Lebanon")
        return distance_km(outer, inner) <= DISPUTED_REACH_KM
    if not outer.country or outer.country != inner.country:
        return False
    if inner.resolved_by == "context" and inner.parent == outer.id:
        return True  # a place no gazetteer has, that the text put inside or near it, at its point
    if outer.feature_type == "admin1":
        return bool(inner.admin1) and inner.admin1 == outer.admin1 and inner.feature_type != "admin1"
    return outer.feature_type in AREA_TYPES | {"region"} and inner.feature_type not in AREA_TYPES


DISPUTED_REACH_KM = 250  # how far from the point of a region no one country holds its towns may lie
PART_KM = 30  # how far a district or neighbourhood of a town may lie from the town's point


def part_of(town: Place, part: Place) -> bool:
    """Whether ``part`` is a district or neighbourhood of ``town`` (a city, town or village):
    one the text put in it, or a district of its country near its point ("Mogadishu's Hodan
    district")."""
    if town.feature_type not in POPULATED_TYPES or part.id == town.id:
        return False
    if part.resolved_by == "context" or (part.feature_type == "camp" and part.parent == town.id):
        return part.parent == town.id  # (or a camp a gazetteer puts in it: "the Abu Shouk camp ... of El Fasher")
    return (
        part.feature_type in ("district", "neighbourhood", "admin2")
        and part.country == town.country
        and distance_km(town, part) <= PART_KM
    )


# what may stand between a locative word and the place it introduces ("in the restive
# northern province of", "at a police checkpoint on the outskirts of", "in Baghdad's district of")
_ADVERB_BEFORE = rx.compile(r"\b(?:densely|heavily|tightly|newly|recently|highly|poorly|lightly|well|hastily)\s+$")
# a night's span between a verb and what it struck, as French reports write it: "attacked in the night from Friday
# to Saturday the locality of X", "struck during the night of 3 to 4 May the village of Y"
_TIME_SPAN_BACK = rx.compile(
    r"\b(?:in|during|on)\s+the\s+night\s+(?:from|of|between)\s+\w+(?:\s+\w+)?\s+(?:to|and|into)\s+\w+(?:\s+[A-Z]\w+)?\s+$"
)
# a kind of place after a word ending as a participle does, which makes it an adjective: "mining town", "fishing
# village", "farming community", "oil-producing region"
_LIVELIHOOD = frozenset(
    "mining gold-mining coal-mining fishing farming trading herding logging shipping manufacturing oil-producing "
    "gas-producing cotton-growing cocoa-growing coffee-growing wine-growing "
    # and who holds it or what it has been through: "the occupied town of X", "the besieged city of Y"
    "occupied russian-occupied israeli-occupied rebel-occupied besieged embattled contested liberated recaptured "
    "beleaguered war-ravaged war-torn devastated battered".split()
)
_KIND_NEXT = rx.compile(
    r"\s+(?:towns?|cit(?:y|ies)|villages?|hamlets?|communit(?:y|ies)|settlements?|districts?|areas?|regions?|hubs?|"
    r"ports?|centres?|centers?|belt|zone|localit(?:y|ies))\b",
    re.I,
)
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
    southwestern north south east west upper lower greater old new restive embattled troubled besieged contested
    divided disputed devastated battered war-torn
    rebel-held government-held government-controlled opposition-held militant-held mainly largely
    predominantly shiite sunni kurdish christian druze alawite remote rural mountainous tribal
    impoverished densely populated crowded busy neighbouring neighboring adjacent entrance entrances gate
    gates""".split()
)
_LOC_WORDS = frozenset(
    "in at on near inside outside across around throughout along within over against targeting beside off through "
    "downtown central below beneath above".split()
)
# (and what lies up or down the hill from it: "the neighbourhood, perched on the hillside below X")
_NEAR_WORDS = frozenset("near outside around beside below beneath above".split())
_STRIKE_VERBS = frozenset(
    """struck strike strikes striking hit hits hitting bombed bomb bombs bombing shelled shelling pounded
    pounding targeted targeting target attacked attacking attack raided raiding stormed storming besieged
    bombarded bombarding bombardment bombardments rocketed strafed ambushed overran overrunning seized captured
    destroyed invaded destroying levelled leveled flattened shells entered entering liberated recaptured
    retook""".split()
)
# a headline's passive, which drops its verb: "Tamarasheni shelled at night: policeman died", "Kabul mosque bombed";
# not a side that did it to another ("Kharkiv shelled Belgorod"): nothing but a time, a cause or the end comes after
_HEADLINE_MAX = 160
# the participles a place is told hit by, in a sentence's passive and a headline's
_HIT_PARTICIPLES = (
    r"struck|hit|bombed|shelled|pounded|targeted|attacked|raided|stormed|bombarded|rocketed|strafed|overrun"
)
_HEADLINE_PASSIVE_AFTER = rx.compile(
    rf"(?:\s+[a-z]+){{0,2}}?\s+(?:{_HIT_PARTICIPLES})(?:\s+again)?(?=\s*(?:$|[,:;\-–—(]|\s(?:by|at|on|in|overnight|"
    r"again|as|after|amid|for|during|twice|early|late|this|last|today|tonight|yesterday)\b))"
)
_PASSIVE_AFTER = rx.compile(
    r"(?:(?:,[^,.;]{0,60}){1,2},|\s+(?:and|or)\s+[^,.;]{0,60}?|,?\s+(?:near|in|outside|close\s+to|"
    r"(?:north|south|east|west)\w*\s+of)\s+[^,.;]{0,40}?,?)?(?:\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are|"
    r"being|also|again|"
    rf"then|later|once\s+more|\w+ly)\s+){{1,4}}(?:{_HIT_PARTICIPLES}|destroyed|damaged|besieged|"
    # "the post of X, in the province of Y, was the target of an attack"
    r"(?:the\s+)?(?:target|scene)\s+of\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?|"
    r"raids?|assaults?|shelling|bombing|bombardment|ambush))\b"
    # "the town came under fire", "Nikopol came under FPV drone and artillery attacks" ("X in the Y district came
    # under fire")
    r"|\s+(?:(?:also|again|then|later)\s+)?(?:came|comes|come|has\s+come|have\s+come)\s+under\s+"
    r"(?:[\w-]+\s+(?:and\s+)?){0,4}?(?:fire|attacks?|shelling|bombardment|bombing|strikes?)\b)",
    re.I,
)
_WORD_CHARS = "'’-"  # besides what ``\w`` matches (``is_word_char``), what a word of ``word_back`` holds
_MARKS_BACK = ',"“”('  # the marks ``word_back`` stops at


def word_back(clean: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(start, end) of the last word of ``clean[lo:hi]`` before its trailing white space (letters, digits, "_", "'",
    "’" and "-"; cut at ``lo``), or of a comma, a quotation mark or an opening bracket there; None when something else
    ends it. What ``re.search(r"([\\w'’-]+|[,\"“”(])\\s*$", ...)`` finds, without trying every position of the
    text (``tests/test_where.py`` checks they agree)."""
    end = hi
    while end > lo and clean[end - 1].isspace():
        end -= 1
    if end == lo:
        return None
    ch = clean[end - 1]
    if is_word_char(ch) or ch in _WORD_CHARS:
        start = end - 1
        while start > lo and (is_word_char(clean[start - 1]) or clean[start - 1] in _WORD_CHARS):
            start -= 1
        return start, end
    return (end - 1, end) if ch in _MARKS_BACK else None


# what was sent into a place, and so hit it: "fired rockets into X", "lobbed a grenade into the market of X"
_LAUNCH_VERB_BEFORE = rx.compile(
    r"\b(?:fired|fires|firing|lobbed|lobbing|hurled|hurling|threw|throwing|thrown|launched|launching|crashed|"
    r"crashing|slammed|slamming|ploughed|plowed|rammed|ramming|smashed|smashing|rained|"
    # (an armed entry: "six killed in an armed incursion into X", "gunmen burst into X")
    r"incursions?|raids?|burst|bursting|broke|breaking|stormed|storming|poured|pouring|infiltrated)\b[^.;:]{0,50}$",
    re.I,
)
_MAX_WALK = 12
# what a place was subjected to, after it: "(subjected the town of X) to intense artillery fire"
_SUBJECTED_TO = rx.compile(
    r"[^.;:]{0,80}?\bto\s+(?:[\w-]+\s+(?:and\s+)?){0,4}?(?:fire|shelling|bombardment|bombing|attacks?|strikes?|raids?)\b"
)
_PASSING_BEFORE = rx.compile(r"\b(?:pass(?:ed|es|ing)?|driv(?:ing|e|es)|drove|went)\s+$", re.I)
# what was hit on its way, and where it then was: "a drone hit a bus as it entered X" (in X), "when the convoy was
# approaching X", "as they left X" (near X)
_ON_ITS_WAY = {
    "entered": "in",
    "entering": "in",
    "reached": "in",
    "reaching": "in",
    "approached": "near",
    "approaching": "near",
    "left": "near",
    "leaving": "near",
    "neared": "near",
    "nearing": "near",
}
_MOVER_BEFORE = rx.compile(
    r"\b(?:as|while|when|just\s+as|shortly\s+after)\s+(?:it|they|he|she|the\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+"
    r"(?:was\s+|were\s+|had\s+)?$",
    re.I,
)
_ROAD = r"(?:road|highway|motorway|route|railway)"
_ROUTE_BEFORE = rx.compile(rf"\b(?:{_ROAD}|area|stretch|section|towns|villages|cities)\s+$", re.I)
# the two ends of a route: "the road from X" and "the road from X to"
_ROUTE_FROM = rx.compile(rf"\b{_ROAD}\s+from(?:\s+[^,;.]{{1,40}}\s+to)?$", re.I)
_ROUTE_FROM_AT = rx.compile(
    rf"\b{_ROAD}\s+from\s+(?:(?:the\s+)?(?:town|city|village)\s+of\s+)?"
    r"(?:[^,;.]{1,40}\s+to\s+(?:(?:the\s+)?(?:town|city|village)\s+of\s+)?)?$",
    re.I,
)
_ROAD_OUT_OF = rx.compile(rf"\b{_ROAD}\s+(?:[a-z]+ing\s+)?(?:out\s+of|outside\s+of)$", re.I)
_ENTRANCE_BEFORE = rx.compile(r"\b(?:entrance|entrances|gates?)\s+$", re.I)
_CONTESTED_BEFORE = rx.compile(r"\b(?:battle|fight|fighting|struggle|offensive|push|assault|war)\s+$", re.I)
_WEAPONRY = rx.compile(
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


# a time or the means set off by commas between a strike verb and what it struck, as reports translated from French and
# Spanish write it: "attacked, in the night of Saturday to Sunday 12 May, the village of X", "attacked for five hours,
# with mortars and rifles, the town of Y"
_ADJUNCT_OPENERS = frozenset(
    "in during on at with using from for overnight early late around throughout before after shortly".split()
)
_VERB_THEN_TIME_BACK = rx.compile(
    r"\b([a-z]+)(?:\s+(?:during|for|over|in|on|at|overnight|early|late|again|repeatedly)\b[^,;.:]{0,40})?\s*$"
)


def _verb_before_adjunct(clean: str, sent_start: int, comma: int) -> bool:
    """Whether a strike verb stands before the adjunct that ends at ``comma``, so that what follows is its object."""
    opening = clean.rfind(",", max(sent_start, comma - 100), comma)
    if opening < 0:
        return False
    adjunct = clean[opening + 1 : comma].split(None, 1)
    if not adjunct or adjunct[0] not in _ADJUNCT_OPENERS or any(c in clean[opening:comma] for c in ";.:()"):
        return False
    verb = _VERB_THEN_TIME_BACK.search(clean, max(sent_start, opening - 60), opening)
    return verb is not None and verb.group(1) in _STRIKE_VERBS


_AS_WELL_BEFORE = rx.compile(r"\b(?:as\s+well|such)\s*$")  # ("as well as", "such as": not a conjunction)


def link_of(clean: str, start: int, sent_start: int) -> str | None:
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
        back = max(sent_start, pos - 60)
        span = _TIME_SPAN_BACK.search(clean, back, pos) if clean.find("night", back, pos) != -1 else None
        if span is not None:
            pos = span.start()  # "attacked in the night from Friday to Saturday the locality of X": the time between
        found = word_back(clean, max(sent_start, pos - 40), pos)
        if found is None:
            return None
        w_start, w_end = found
        word = clean[w_start:w_end]
        low = word.lower()
        if word == "," and _verb_before_adjunct(clean, sent_start, w_start):
            return "object"  # "attacked, in the night of 4 to 5 May, the village of X"
        if low in _LOC_WORDS:
            return "near" if low in _NEAR_WORDS else "in"
        if low in _STRIKE_VERBS:
            negated = NEGATED.search(clean, max(sent_start, w_start - 30), w_start)
            return None if negated else "object"  # "did not hit Akashat"
        if low in ("subjected", "subjecting", "subjects") and _SUBJECTED_TO.match(clean, start):
            return "object"  # "subjected the town of X to intense artillery fire", as defence ministries write
        if low == "for" and _CONTESTED_BEFORE.search(clean, max(sent_start, w_start - 20), w_start):
            return "in"  # "the battle for Manbij"
        if low == "by" and _PASSING_BEFORE.search(clean, max(sent_start, w_start - 20), w_start):
            return "near"  # "as a convoy passed by Mir Ali"
        if low == "between" and _ROUTE_BEFORE.search(clean, max(sent_start, w_start - 20), w_start):
            return "route"  # "on the road between X and Y" (not "a game between Sao Paulo and ...")
        if low in ("from", "to") and _ROUTE_FROM.search(clean, max(sent_start, w_start - 60), w_end):
            return "route"  # "on the road from X to Y"
        if low == "of" and _ROAD_OUT_OF.search(clean, max(sent_start, w_start - 40), w_end):
            return "near"  # "on the road leading out of X": a road that starts at X
        if low in _ON_ITS_WAY and _MOVER_BEFORE.search(clean, max(sent_start, w_start - 40), w_start):
            return _ON_ITS_WAY[low]  # "a drone hit a local bus as it entered X"
        if low == "to" and _ENTRANCE_BEFORE.search(clean, max(sent_start, w_start - 20), w_start):
            return "in"  # "at the entrance to the camp of X"
        if low == "from" and _WEAPONRY.match(clean, w_end, start):
            pos = w_start
            continue  # "shelled from mortars and artillery the settlements of X": the means
        if low == "into" and _LAUNCH_VERB_BEFORE.search(clean, max(sent_start, w_start - 60), w_start):
            return "in"  # "fired rockets into X", "lobbed a grenade into the public market of X"
        if low in _BLOCK or (
            low.endswith(("ed", "ing"))
            and low not in _FILLER
            and word[:1].islower()
            and not _ADVERB_BEFORE.search(clean, max(sent_start, w_start - 20), w_start)
            # (not a word of what a place lives by: "the mining town of X", "a fishing village near")
            and not (low in _LIVELIHOOD and _KIND_NEXT.match(clean, w_end))
        ):
            return None  # (not an adjective an adverb makes of a participle: "the densely packed X")
        if low == "as" and not _AS_WELL_BEFORE.search(clean[max(sent_start, w_start - 12) : w_start]):
            return None  # "... on Saturday as Washington's envoy": a conjunction, not "as well as"
        pos = w_start
    return None


def links_of(clean: str, sent: Sentence, mentions: list[Mention], idx: list[int]) -> dict[int, str | None]:
    """How each place of a sentence is introduced (``link_of``); the next place of a list takes
    the link of the one before ("the cities of X, Y, and Z", "the settlements of A (twice), B")."""
    out: dict[int, str | None] = {}
    prev: int | None = None
    for i in idx:
        m = mentions[i]
        link = link_of(clean, m.cstart, sent.start)
        if prev is not None and out[prev] is not None and _LIST_GAP.fullmatch(clean, mentions[prev].cend, m.cstart):
            link = out[prev]
        if link is None and _PASSIVE_AFTER.match(clean, m.cend, sent.end):
            link = "object"  # "Al-Qaim was hit", "the town came under fire"
        if (
            link is None
            and m.cstart == sent.start
            and sent.end - sent.start <= _HEADLINE_MAX
            and not clean.endswith((".", "!", "?"), sent.start, sent.end)
            and _HEADLINE_PASSIVE_AFTER.match(clean, m.cend, sent.end)
        ):
            link = "object"  # a headline's passive, without its verb: "Kharkiv shelled overnight, two killed"
        if link is None and _FACILITY_AFTER.match(clean, m.cend, sent.end):
            link = "in"  # "as he left a Gaza City mosque": where it stood
        if link is None and _residents_tell(clean, sent, m):
            link = "in"  # "Residents of X said a drone strike killed five": what they tell of, where they live
        if link is None and _where_told(clean, sent, m):
            link = "in"  # "went with the team to X, where yesterday's rockets hit a row of shops": where they hit
        out[i] = link
        prev = i
    # the ends of a road: a strike near both when they are near each other ("the road between
    # Bint Jbeil and Aynata"); on a long road, near neither ("the road from Baghdad to Damascus")
    ends = [mentions[i].place for i, link in out.items() if link == "route"]
    short = all(
        a is not None and b is not None and distance_km(a, b) <= ROUTE_KM for a, b in itertools.combinations(ends, 2)
    )
    # (nor near them when the text names the place on the road: "in X, on the road between A and B")
    # (or "on the road between A and B, at the village of X")
    first = next((i for i, link in out.items() if link == "route"), None)
    last = next((i for i, link in reversed(out.items()) if link == "route"), None)
    named = first is not None and any(
        (
            mentions[j].cend <= mentions[first].cstart
            and out[j] in ("in", "object")
            and _ON_THE_ROAD.fullmatch(clean, mentions[j].cend, mentions[first].cstart) is not None
        )
        or (
            last is not None
            and mentions[j].cstart >= mentions[last].cend
            and out[j] in ("in", "near")
            and _AT_ON_THE_ROAD.fullmatch(clean, mentions[last].cend, mentions[j].cstart) is not None
        )
        for j in out
        if mentions[j].place is not None  # (a place no gazetteer or text places leaves the road's ends their event)
    )
    for i, link in out.items():
        if link == "route":
            out[i] = "near" if short and not named else None
    return out


# the road, then the place on it: "on the road between A and B, at the village of X"
_AT_ON_THE_ROAD = rx.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?,\s+(?:at|in|near)\s+(?:the\s+)?"
    r"(?:(?:village|town|hamlet|locality|area)\s+of\s+)?"
)
# a place, then the road it lies on: "in X, on the road between"
_ON_THE_ROAD = rx.compile(
    rf"(?:\s+(?:region|province|district|state|governorate))?,?\s+(?:on|along)\s+the\s+(?:main\s+)?{_ROAD}\s+"
    r"(?:between|from|linking|connecting)\s+"
)


ROUTE_KM = 60  # the farthest apart the two ends of a road may be for a strike on it to be near both
# a place a clause of "where" follows, that tells what happened there
_WHERE_AFTER = rx.compile(r",\s+where\s+")


_CLAUSE_SAID = rx.compile(r",\s+(?:said|say|says|told|added|reported)\b")


def _where_told(clean: str, sent: Sentence, m: Mention) -> bool:
    """Whether a clause of "where" after a place tells of an event there ("went to X, where yesterday's rockets hit a
    row of shops"), not of the wounded taken there or of a visit ("X, where the wounded were taken")."""
    where = _WHERE_AFTER.match(clean, m.cend, sent.end)
    if where is None:
        return False
    clause = clean[where.end() : sent.end]
    # (the clause only: not what the sentence goes on to say after it, "in X, where several of them travelled on
    # Tuesday, said five of the dead were ... when the strike hit")
    ends = _CLAUSE_SAID.search(clause)
    clause = clause[: ends.start()] if ends is not None else clause
    told = TRIGGER_RX.search(clause)
    return (
        told is not None
        # (not what went on there over a time: "the province of X, where a majority was being attacked")
        and not clause[: told.start()].rstrip().endswith("being")
        and not _WOUNDED_MOVED.search(clause)
        and not _TREATS_AFTER.match(clean, m.cend)
        and not _VISIT_AFTER.match(clean, m.cend)
    )


# the people of a place who tell of what happened there, opening the sentence: "Residents of X (town in Y region) said
# (that) ...", "Villagers in X told reporters ..."
_RESIDENTS_OF_BEFORE = rx.compile(
    r"[\s\"“‘'-]*(?:[A-Z][\w'’.-]*\s*[-–—:]\s+)?(?:Residents|Locals|Villagers|Inhabitants|People|Witnesses)\s+"
    r"(?:of|in)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:(?:town|city|village|district|area|camp)\s+of\s+)?"
)
_RESIDENTS_SAY_AFTER = rx.compile(
    r"(?:\s+(?:town|city|village|district|area|camp)|\s*,)?(?:\s+(?:in|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,7})?"
    r",?\s+(?:said|say|says|told|reported|recounted|described)\b"
)


def _residents_tell(clean: str, sent: Sentence, m: Mention) -> bool:
    """Whether the sentence opens with the people of the place ``m`` telling what happened."""
    return (
        _RESIDENTS_OF_BEFORE.fullmatch(clean, sent.start, m.cstart) is not None
        and _RESIDENTS_SAY_AFTER.match(clean, m.cend, sent.end) is not None
    )


_FACILITY_AFTER = rx.compile(
    r"(?:'s)?\s+(?:[a-z]+\s+)?(?:mosque|church|school|hospital|market|stadium|office|offices|apartment|building|"
    r"hotel|restaurant|cafe|courthouse|checkpoint|airport|station|university|home|house|compound|camp|embassy|"
    r"consulate|bazaar|square|bridge|police\s+station|refugee\s+camp|prison|jail|barracks)\b"
)
_LIST_GAP = rx.compile(
    r"(?:\s*\([^()]{0,30}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|,?\s+as\s+well\s+as\s+|\s*&\s*)"
    # "the towns of X and the city of Y"; not a direction ("Bat Yam, south of Tel Aviv")
    r"(?:the\s+)?(?:(?!(?:north|south|east|west)\w*\s+of\b)(?:[a-z]+\s+){0,2}of\s+(?:the\s+)?)?",
    re.I,
)


# ("In Yerevan and Baku, the ICRC has offered its services": two of them)
_SENTENCE_END = rx.compile(r"\s*[.!?]")
_SAID_BEFORE = rx.compile(r"[\"”’]?,?\s+(?:said|says|told|added|stated)\s+[A-Z][^.;]*,\s+(?:in|from)\s+$")
_FRONTED_IN = rx.compile(r"\s*In\s+(?:[A-Z][\w'’-]*\s+and\s+)?")
# a government's body after a place that opens the sentence (not "In Sangin, the district governor said")
_SEAT_AFTER = rx.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]*)?,\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:[Mm]inistry|[Gg]overnment|Pentagon|"
    r"Kremlin|White\s+House|[Pp]residency|State\s+Department)|"
    # a humanitarian body: "In Geneva, the ICRC said", "In Yerevan and Baku, the ICRC has offered"
    r"the\s+(?:ICRC|UNHCR|UNICEF|OCHA|WHO|UN|United\s+Nations|International\s+Committee\s+of\s+the\s+Red\s+Cross|"
    r"Red\s+Cross|Red\s+Crescent)\b|"
    # "In Moscow, a spokesman for the Russian General Staff denied ...": who speaks for one
    r"(?:a|an|the)\s+spokes(?:man|woman|person)\s+for\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:[Mm]inistry|[Gg]overnment|"
    r"General\s+Staff|Pentagon|Kremlin|[Pp]residency)|"
    # "In Moscow, the military's press service insisted ...": a state's press office
    r"(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?press\s+(?:service|office)|the\s+(?:military|high|federal)\s+command\b|"
    # "In Washington, President X warned ...": a head of state or government, or a minister of state
    r"(?:President|Prime\s+Minister|Chancellor|(?:Foreign|Defen[cs]e|Interior)\s+(?:Minister|Secretary)|"
    r"Secretary(?:\s+of\s+State|-General)?)\s+[A-Z][\w'’-]*|"
    # "In Kyiv, Ukraine's air force said", "In Moscow, Russia's defence ministry said": a state's body that
    # speaks from its capital (not "In Kherson, Ukraine's military said": an army is where it fights)
    r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?['’]s\s+(?:[\w-]+\s+){0,2}?(?:air\s+force|[Mm]inistry|presidency|"
    r"[Gg]eneral\s+[Ss]taff))\b"
)


# an event word, then the article and the words of a name, just before an office: the office is
# what was hit ("struck the Defence Ministry in", "an attack on the Turkish embassy in"), not a speaker
_TARGET_BEFORE = rx.compile(
    rf"\b(?:{'|'.join(sorted(_STRIKE_VERBS))}|air\s*strikes?|raids?|assault)\s+(?:(?:on|at|against|near)\s+)?"
    r"(?:the|a|an|its|their)\s+(?:[\w'’.-]+\s+){0,3}$",
    re.I,
)
# (of the words of ``_SPEECH``, those that may name what was hit: "struck the source of the fire near X")
_BUILDING_OF_OFFICE = rx.compile(r"(?i:ministry|embassy|consulate|office|court|sources?)")


# a body that gives the figures, named at length, and the town it sits in: "according to a statement from
# Iraq's Joint Operations Command in", "according to the state prosecutor's office in"
_ACCORDING_TO_OFFICE = rx.compile(
    r"\baccording\s+to\s+(?:an?|the)\s+[^,.;:]{0,80}?\b(?:statement|office|ministry|command|headquarters|"
    r"directorate|department|agency|council|committee|secretariat|manager|owner|operator|company)\s+"
    r"(?:(?:of|for)\s+[^,.;:]{1,40}?\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
# a place given as where someone came from after it: "Nasiriyah, the home town of the lieutenant killed"
_HOME_TOWN_AFTER = rx.compile(
    r",\s+(?:the|his|her|their)\s+(?:home\s*town|native\s+(?:town|village|city)|birthplace)\s+of\b", re.I
)


# the other city of a pair, and a plant named after a province: "Khartoum's twin city", "the Zaporizhzhia nuclear
# power plant"
_TWIN_AFTER = rx.compile(r"['’]s\s+(?:twin|sister)\s+(?:city|town)\b", re.I)
_NUCLEAR_PLANT_AFTER = rx.compile(r"\s+(?:nuclear\s+(?:power\s+)?(?:plant|station)|NPP)\b", re.I)
# a firm named after a place, in a town the text names next: "the Sloboda factory in X", "the Azot plant in Y"
_WORKS_IN_AFTER = rx.compile(
    rf"\s+(?:factory|plant|works|refinery|mill|enterprise|company|brewery|foundry|shipyard)\s+(?:in|at)\s+[{UPPER}]"
)
# a camp with its town after it: "the Riyadh camp for displaced people in El Geneina"
_CAMP_IN_AFTER = rx.compile(
    rf"\s+camp\s+(?:for\s+(?:the\s+)?(?:internally\s+)?displaced(?:\s+(?:people|persons|families))?\s+)?"
    rf"(?:in|at|near|outside)\s+(?:the\s+(?:town|city)\s+of\s+)?(?=[{UPPER}])"
)
# a building a name stands before: "the Iskandar mosque"
_NAMED_BUILDING_AFTER = rx.compile(
    r"\s+(?:mosque|church|cathedral|shrine|temple|synagogue|monastery|madrasa|school|hospital)\b", re.I
)
# a road named after the towns it leads to: "the Zhytomyr highway", "the Kabul-Jalalabad road", "Tripoli Street"
_ROAD_AFTER = rx.compile(r"(?:\s*[-–]\s*[A-Z][\w'’-]*)?\s+(?:highway|motorway|expressway|road|street|avenue)\b", re.I)
_ROAD_BEFORE = rx.compile(r"(?:\bthe\s+(?:[A-Z][\w'’]*\s*[-–]\s*)?|\b(?:on|along|in|at|off)\s+)$")


# a place's users before the officials named in it: "a hotel frequented by regional officials in X"
_FREQUENTED_BEFORE = rx.compile(
    # (not an adjective of who controls it: "the Houthi-run health ministry in X", "state-owned media in Y")
    r"\b(?<!-)(?:frequented|used|visited|favou?red|owned|run|occupied|guarded|manned|staffed|housing|hosting|"
    r"popular\s+with)"
    r"\s+(?:by\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


# a body of state set in its seat between commas, then what it said or did not: "Pakistan's military, in
# Islamabad, did not confirm the strikes", "the ministry, in Moscow, said"
_APPOSED_SEAT_BEFORE = rx.compile(
    r"\b(?:military|army|armed\s+forces|ministry|government|command|spokes(?:man|woman|person)|office|officials|"
    r"authorities|presidency|embassy|junta|Kremlin|Pentagon|council|headquarters|General\s+Staff)\s*,\s+(?:in|from)\s+$",
    re.I,
)
_APPOSED_SEAT_AFTER = rx.compile(
    r",\s+(?:(?:did|would|has|had|could)\s+not\s+(?:immediately\s+)?(?:confirm|comment|deny|respond|say|"
    rf"acknowledge)|(?:{_SPEECH_VERBS}|declined|refused|insisted|warned)\b)",
    re.I,
)


def _attribution(clean: str, sent: Sentence, m: Mention) -> bool:
    """Whether a place belongs to who speaks ("officials in Washington said", "a source in Mosul
    told", "Damascus officials confirmed"): a word of speech or office close before or after it,
    with no event word between."""
    before = clean[max(sent.start, m.cstart - 30) : m.cstart]
    after = clean[m.cend : min(sent.end, m.cend + 25)]
    if _FRONTED_IN.fullmatch(clean, sent.start, m.cstart) and _SEAT_AFTER.match(clean, m.cend, sent.end):
        return True  # "In Colombo, a Defence Ministry spokesman denied ...": the seat of who speaks
    if (
        before.endswith((", in ", ", from "))
        and _APPOSED_SEAT_BEFORE.search(before)
        and _APPOSED_SEAT_AFTER.match(after)
    ):
        return True  # "Pakistan's military, in Islamabad, did not confirm the strikes"
    if (
        before.endswith((", in ", ", from "))
        and _SENTENCE_END.match(clean, m.cend)
        and _SAID_BEFORE.search(clean, sent.start, m.cstart)
    ):
        return True  # '"...," said X, the group's director for research, in London.': where who spoke is
    if "ccording" in clean[max(sent.start, m.cstart - 120) : m.cstart] and _ACCORDING_TO_OFFICE.search(
        clean, max(sent.start, m.cstart - 120), m.cstart
    ):
        return True  # "according to a statement from Iraq's Joint Operations Command in Baghdad"
    hit = _SPEECH.search(before)
    at = m.cstart - len(before) + hit.start() if hit else 0
    if hit and _BUILDING_OF_OFFICE.search(hit.group()) and _TARGET_BEFORE.search(clean, max(sent.start, at - 45), at):
        return False  # "struck the Defence Ministry in Kyiv", "attacked the embassy in Kabul": what was hit
    if hit and _FREQUENTED_BEFORE.search(clean, max(sent.start, at - 40), at):
        return False  # "a hotel frequented by regional officials in X": who use the place, not who speak
    if hit and not TRIGGER_RX.search(before, hit.end()):
        # "officials in X", "told reporters in X"; not "said the village of X was hit" (what was said)
        return not _SPEECH_VERB.fullmatch(hit.group()) or _SPOKEN_AT.search(before, hit.end()) is not None
    if _THAT_AFTER.match(after):
        # "told the Eleven Media group in Naypyitaw that ...": where it was said, before what
        verbs = list(_SPEECH_VERB_WORD.finditer(clean, max(sent.start, m.cstart - 80), m.cstart))
        if verbs and not TRIGGER_RX.search(clean, verbs[-1].end(), m.cstart):
            return True
    hit = _SPEECH.search(after)
    if hit is None or hit.start() >= 15 or TRIGGER_RX.search(after, 0, hit.start()):
        return False
    # "X said", "X officials"; not "..., according to", nor "X; the council, meeting in Y"
    return not any(c in after[: hit.start()] for c in ",;")


# a quotation that opens a sentence and its speaker after it: '"In Sarajevo, at least, the world watches," said Hajra'
_SPOKEN_QUOTE = rx.compile(
    r'("[^"]{25,}?"|“[^“”]{25,}?”)\s*(?:said|says|added|told|wrote|recalled|remembers|remembered|'
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|added|told|wrote|recalled)|(?:he|she|they)\s+(?:said|says|added|told))\b"
)


# a sentence that opens on where its speaker spoke: "In Port Sudan, the army spokesman said", "In Washington, a Pentagon
# spokesman told reporters"
_SPOKE_IN = rx.compile(
    r"In\s+([A-Z][^,.;]{1,40}),\s+(?:[^,.;\"“]{1,60}?\s)?(?:said|says|told|announced|claimed|reported|stated|"
    r"confirmed)\b"
)


def _other_clauses(clean: str, sent: Sentence, found: list[Trigger]) -> list[tuple[int, int]]:
    """The clauses of a sentence that report something else than its events: a clause opened by
    "as", "while", "but", "whereas" ... with no event word ("killed in central Iraq, as three
    soldiers were jailed in Germany")."""
    first = min(t.start for t in found)
    return [
        (a, b)
        for a, b in clauses(clean, sent.start, sent.end)
        if _OTHER_CLAUSE.match(clean, a, b)
        and not any(a <= t.start < b for t in found)
        # (not where what was hit then was, told before it: "as it pulled into the terminal in X, a bomb exploded")
        and not (b <= first and _MOVER_CLAUSE.match(clean, a, b))
    ]


# where what was hit was going or standing when it was hit, told before the event: "as the convoy passed through X",
# "while the bus waited at the stop in X"
_MOVER_CLAUSE = rx.compile(
    r"\s*(?:just\s+)?(?:as|while|when)\s+(?:it|they|the\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:was\s+|were\s+|had\s+)?"
    r"(?:pulled|pulling|drove|driving|entered|entering|reached|reaching|arrived|arriving|passed|passing|"
    r"stopped|stopping|stood|standing|waited|waiting|travell?ed|travell?ing|crossed|crossing)\b",
    re.I,
)
_OTHER_CLAUSE = rx.compile(
    r"\s*(?:(?:even\s+)?as(?!\s+well\s+as)|(?:even\s+)?while|whereas|but|(?:even\s+)?(?:although|though)|because|"
    r"meanwhile|however|yet|whose|"
    # "the clashes, which took place near X": a clause that says where the events were
    r"which(?!\s+(?:took\s+place|happened|occurred|unfolded)\b)|who)\b",
    re.I,
)


# a place of attacks planned or threatened, not of this event: "hideouts the group used to plan attacks in X",
# "threatened to strike X"
_PLANNED_WORDS = ("plan", "plot", "threat", "vow", "intend", "prepar", "carry", "conduct", "launch", "stage", "mount")
_PLANNED_BEFORE = rx.compile(
    rf"\b(?:(?:to|used\s+to)\s+{PLAN_VERBS}|planning|plotting|"
    r"preparing)\s+(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?|raids?|bombings?|operations?|assaults?|offensives?)\s+"
    r"(?:in|on|at|against|across|inside)\s+(?:the\s+)?$|"
    r"\b(?:plan(?:s|ned|ning)?|threat(?:en|ens|ened|ening)|vow(?:s|ed|ing)?|intend(?:s|ed|ing)?)\s+to\s+"
    r"(?:attack|strike|bomb|hit|target|shell|invade|storm)\s+(?:the\s+)?$",
    re.I,
)


def _abroad_alone(mentions: list[Mention], m: Mention) -> bool:
    """Whether ``m``'s place lies in a country no other place of the text lies in, while the text names places of
    another: a building's name ("the Iskandar mosque" in a story of Zabid), not a town abroad."""
    country = m.place.country  # type: ignore[union-attr]
    others = {o.place.country for o in mentions if o is not m and o.literal and o.place is not None}
    return country not in others and any(others)


def candidates(
    clean: str, sent: Sentence, mentions: list[Mention], idx: list[int], first: bool, found: list[Trigger]
) -> list[Candidate]:
    """The places of one sentence that may be where its events happened: those it introduces
    as a location or as what was struck, in a clause that may say where they were."""
    out: list[Candidate] = []
    whole = idx  # (every place of the sentence, those of its other clauses too)
    if found:
        other = _other_clauses(clean, sent, found)
        # (and a quotation with no event word of its own: '"In Sarajevo, at least, the world watches," said Hajra,
        # who was wounded in the arm')
        if (
            clean[sent.start] in '"“'
            and (q := _SPOKEN_QUOTE.match(clean, sent.start, sent.end)) is not None
            and not any(q.start() <= t.start < q.end(1) for t in found)
        ):
            other.append((q.start(), q.end(1)))
        idx = [i for i in idx if not any(a <= mentions[i].cstart < b for a, b in other)]
    links = links_of(clean, sent, mentions, idx)
    origins: set[int] = set()  # places named as where someone or something came from
    tellers: set[int] = set()  # places whose people tell of what happened there
    # the sentence names, as where it happened, a place no gazetteer knows
    unknown = any(mentions[i].literal and mentions[i].place is None and links[i] in ("in", "object") for i in idx)
    for i in idx:
        m = mentions[i]
        link = links[i]
        reach = max(sent.start, m.cstart - 70)
        if link is None and m.place is not None and _ORIGIN_BEFORE.search(clean, reach, m.cstart):
            origins.add(i)  # "referred to Larkana in Sindh": what follows it may be part of it
        office = (
            link is None
            and _OFFICE_AFTER.match(clean, m.cend, sent.end) is not None
            and _KILLED_THE_BEFORE.search(clean, reach, m.cstart) is not None
        )
        if office:
            link = "near"  # "a roadside bomb killed the Afgoye district commissioner": his district, if no other place
        if not m.literal or m.place is None or link is None:
            continue
        # (its people, who tell of what happened there: "Residents of X said a drone strike killed five")
        told = link == "in" and _residents_tell(clean, sent, m)
        if told:
            tellers.add(i)
        if m.place.feature_type in AREA_TYPES and name_key(m.surface) not in own_keys(m.place):
            continue  # "the Chinese border", "the southern Israeli town of": an adjective, not the place
        before = clean[max(sent.start, m.cstart - 70) : m.cstart]
        after = clean[m.cend : min(sent.end, m.cend + 40)]
        # a dateline: "KABUL, Afghanistan (Oct. 15) -", "BEIRUT (AP) --"
        head = clean[sent.start : m.cstart].strip(" ,")
        at_top = first and m.cstart - sent.start < 40 and (not head or head.isupper())
        if at_top and _DATELINE_AFTER.match(clean, m.cend):
            continue
        if clean.startswith("-bound", m.cend):
            continue  # "a Nairobi-bound bus": where it was going
        if _TWIN_AFTER.match(clean, m.cend, sent.end):
            continue  # "Omdurman, Khartoum's twin city": the other city of the pair, named to say where this one is
        if _NUCLEAR_PLANT_AFTER.match(clean, m.cend, sent.end):
            continue  # "opposite the Zaporizhzhia nuclear power plant": a plant named after the province, not the city
        if _WORKS_IN_AFTER.match(clean, m.cend, sent.end):
            origins.add(i)  # "hit the Sloboda factory in X": a firm's name, the place is X
            continue
        if (
            "camp" in clean[m.cend : m.cend + 8]
            and (camp := _CAMP_IN_AFTER.match(clean, m.cend, sent.end)) is not None
            and any(
                mentions[j].cstart == camp.end()
                and (abroad := mentions[j].place) is not None
                and abroad.country
                and abroad.country != m.place.country
                for j in idx
            )
        ):
            origins.add(i)  # "the Riyadh camp for displaced people in El Geneina": a camp named after a city abroad
            continue
        if _NAMED_BUILDING_AFTER.match(clean, m.cend, sent.end) and m.place.country and _abroad_alone(mentions, m):
            origins.add(i)  # "a few hundred metres from the Iskandar mosque" in Zabid: a name, not a town in Uzbekistan
            continue
        if _ROAD_AFTER.match(clean, m.cend) and _ROAD_BEFORE.search(before):
            origins.add(i)  # "a town on the Zhytomyr highway", "on Tripoli Street": a road named after the town
            continue
        origin = _ORIGIN_BEFORE.search(before)
        if (
            origin is not None
            and not (link == "near" and _ROUTE_FROM_AT.search(before))
            and not told
            # (where a clause after it says something happened: "went to X, where rockets hit a row of shops")
            and not (link == "in" and _where_told(clean, sent, m))
            # (a headquarters attacked is a target: "a drone attack on an army battalion headquarters in X")
            and not (origin.group().startswith("headquarters") and _TARGET_BEFORE.search(before, 0, origin.start()))
            # (what was fired into it: "fired rockets into X")
            and not (origin.group().startswith("into") and _LAUNCH_VERB_BEFORE.search(before, 0, origin.start()))
        ):
            origins.add(i)
            continue
        prev = [j for j in idx if mentions[j].cend <= m.cstart] if origins else []
        if (prev and prev[-1] in origins and _ORIGIN_LIST_GAP.fullmatch(clean, mentions[prev[-1]].cend, m.cstart)) or (
            # (past the list's items, the last no gazetteer has, to the region that holds it: "from the directions of
            # Kursk, Oryol, Millerovo and Chauda in Crimea")
            (last := max((j for j in prev if j in origins), default=None)) is not None
            and _UNKNOWN_ITEM_IN_GAP.fullmatch(clean, mentions[last].cend, m.cstart)
        ):
            origins.add(i)  # the rest of a list of them: "launched from Bryansk, Kursk and Millerovo"
            continue
        if (
            prev
            and prev[-1] in origins
            and _ORIGIN_HELD_GAP.fullmatch(clean, mentions[prev[-1]].cend, m.cstart)
            and (
                _WOUNDED_MOVED.search(clean, sent.start, m.cstart)
                or _from_before(clean, sent.start, mentions[prev[-1]].cstart)
            )
        ):
            origins.add(i)  # "referred to Larkana in Sindh", "taken to hospitals in Kobani (Ayn al-Arab)"
            continue
        held_one = next((j for j in reversed(whole) if mentions[j].cend <= m.cstart), None)
        if (
            held_one is not None
            and (held := mentions[held_one].place) is not None
            and _COMMA_GAP.fullmatch(clean, mentions[held_one].cend, m.cstart)
            and contains(m.place, held)
            and (
                held_one in origins
                or _ORIGIN_BEFORE.search(
                    clean, max(sent.start, mentions[held_one].cstart - 70), mentions[held_one].cstart
                )
            )
        ):
            origins.add(i)  # "headquartered in Tampa, Florida": the province that holds it
            continue
        if (
            (
                _HOSPITAL_IN.search(before)
                or _HOSPITAL_AFTER.match(after)
                or (any(w in before for w in _MEDICS_WORDS) and _MEDICS_IN.search(before))
            )
            and (_WOUNDED_MOVED.search(clean, sent.start, m.cstart) or _TREATS_AFTER.match(after))
        ) or _WOUNDED_TAKEN_AFTER.match(clean, m.cend, sent.end):
            origins.add(i)
            continue  # "taken to the State Hospital in X", "MSF's clinic in X treated people": not where it hit
        if (
            before.endswith("(")
            and _BRACKETED_AREA_AFTER.match(clean, m.cend)
            and any(mentions[j].cend <= m.cstart and mentions[j].place is not None for j in idx)
        ):
            continue  # "near Lere, in the circle of Niafunke (Timbuktu region)": what holds the place before it
        if _SECTOR_AFTER.match(clean[m.cend : min(sent.end, m.cend + 120)]) and not (
            m.place.resolved_by == "context" and _SECTOR_OF.match(clean, m.cend) and not before.endswith(", in the ")
        ):
            # (not a locality no gazetteer has, set in its district: "in the Nikial sector of Kotli district"; but
            # "Kanyatsi, in the Bapere sector of Lubero territory": the unit that holds the place before it)
            continue  # "In the Pokrovsk direction, defenders stopped 31 assaults": a front, not a place hit
        if _WATER_AFTER.match(after) and m.place.feature_type not in AREA_TYPES:
            continue  # "across the Kakhovka reservoir": a lake named after the town, not the town
        if _VISIT_AFTER.match(after):
            continue
        if _ACTOR_AFTER.match(after) and not told:
            continue  # "X forces", "X said"; not "Residents of X said"
        if _HOME_TOWN_AFTER.match(clean, m.cend, sent.end):
            origins.add(i)
            continue  # "In Nasiriyah, the home town of the lieutenant killed near X": where he came from
        if any(w in before.lower() for w in _PLANNED_WORDS) and _PLANNED_BEFORE.search(before):
            continue  # "used to plan attacks in X", "threatened to strike X": not where this event was
        if not told and _attribution(clean, sent, m):
            continue  # "officials in Washington said", "a source in Mosul told Xinhua" (not "Villagers in X said")
        if _downed_over(clean, sent.start, m.cstart):
            continue  # "shot down 21 drones over the Odesa, Mykolaiv and Kyiv regions": not struck there
        if m.place.feature_type in AREA_TYPES and link == "near":
            continue  # "near the border with Syria" is not in Syria
        far_hit = _FAR.search(before) if link == "near" else None
        far = far_hit is not None
        wide = False
        if far_hit is not None and "nautical" in far_hit.group().lower():
            continue  # "a tanker 25 nautical miles west of X": at sea, which X does not stand for
        if far_hit is not None and (km := _distance_km(far_hit.group())) > LANDMARK_KM:
            if km > WIDE_LANDMARK_KM:
                continue  # "an ambush 150 km east of X": too far for X to stand for the place
            # "an airstrike approximately 60 kilometers northeast of Kismayo": in X's region, as
            # near as the text places it (at precision 3)
            wide = True
        if far and (
            _names_other(mentions, links, idx, i)
            or _NAME_APPOSED.search(clean, max(sent.start, m.cstart - 120), m.cstart)
        ):
            continue  # "X, 90 km east of Tikrit": a landmark, the event was at the other place
        pointed = _points_at(clean, mentions, idx, i) if link == "near" else None
        if (pointed is not None and pointed in origins) or (link == "near" and _ORIGIN_NEAR.search(before)):
            continue  # "of Kafr Tsurif near Hebron", ", 31, of a village near Hama": where someone comes from
        # alone, a landmark at a distance is the nearest the text places the event ("an airstrike
        # 40 km northeast of Kismayo"): near it, at precision 2, not a reference to drop
        ref = office or (link == "near" and not far and (pointed is not None or bool(_LANDMARK_BEFORE.search(before))))
        province = bool(
            _PROVINCE_BEFORE.search(before)
            or _PROVINCE_AFTER.match(clean, m.cend)
            # a region the text sets a place in: "in the municipality of X, in the Tierra Caliente region of Y"
            or (_REGION_AFTER.match(clean, m.cend) and _SET_IN_BEFORE.search(before) and out)
        )
        frame = _FRAME_AFTER.match(clean, m.cend) is not None and _FRAME_BEFORE.fullmatch(clean, sent.start, m.cstart)
        out.append(
            Candidate(
                i,
                link == "near",
                unknown_beside=unknown,
                reference=ref,
                province=province,
                wide=wide,
                frame=bool(frame),
            )
        )
    # an end of a road named for its two towns ("on the Imphal-Dimapur highway near Kangpokpi") yields to a
    # place the sentence names as where it happened
    ends = [c for c in out if _road_end(clean, mentions[c.mention])]
    if ends and len(ends) < len(out):
        out = [c for c in out if c not in ends]
    # the town of the people who tell of the strike yields to a place they say it hit ("Residents of X said a drone
    # strike killed five in Y")
    if tellers and any(c.mention not in tellers for c in out):
        out = [c for c in out if c.mention not in tellers]
    # the town a speaker spoke in, set before the sentence, yields to a place of what they said: "In Port Sudan, the
    # army spokesman said the air force had destroyed gatherings near X" (not "In X, officials said a missile hit")
    if len(out) > 1 and clean.startswith("In ", sent.start) and (spoke := _SPOKE_IN.match(clean, sent.start, sent.end)):
        fronted = [c for c in out if mentions[c.mention].cend <= spoke.end(1)]
        if (
            fronted
            and len(fronted) < len(out)
            and all(mentions[c.mention].cstart > spoke.end() for c in out if c not in fronted)
        ):
            out = [c for c in out if c not in fronted]
    if not out and found and not unknown:
        out = _headed(clean, sent, mentions, idx, links) or _row_cells(clean, sent, mentions, idx, found)
    return out


_ROAD_KIND = rf"\s+(?i:(?:national|main|international|old|new|strategic|coastal|ring)\s+)?(?i:{_ROAD})s?\b"
_ROAD_END_AFTER = rx.compile(rf"[-–—]\s?[A-Z][\w'’]*(?:[-–—\s][A-Z][\w'’]*)?{_ROAD_KIND}")
_ROAD_START_BEFORE = rx.compile(r"[A-Z][\w'’]*\s?[-–—]$")
_ROAD_KIND_AFTER = rx.compile(_ROAD_KIND)


def _road_end(clean: str, m: Mention) -> bool:
    """Whether a place is named as one end of a road named for two ("the Imphal-Dimapur highway")."""
    if _ROAD_END_AFTER.match(clean, m.cend):
        return True
    return _ROAD_START_BEFORE.search(clean, max(0, m.cstart - 30), m.cstart) is not None and (
        _ROAD_KIND_AFTER.match(clean, m.cend) is not None
    )


# the heading of a log's entry, on a line of its own: "12 May | Ohe Htein Twin village, Depayin
# Township, Sagaing Region", "1 February - Sabreen market, Omdurman (Karari locality)"
_ENTRY_HEAD = rx.compile(
    rf"[\s{BULLETS}]*(?:\d{{1,2}}\s+{MONTHS}|{MONTHS}\s+\d{{1,2}})(?:,?\s+(?:19|20)\d\d)?\s*(?:\||[-–—:])\s*[^.!?]*$"
)


def entry_places(
    clean: str, sent: Sentence, mentions: list[Mention], idx: list[int], found: list[Trigger]
) -> list[Candidate]:
    """The places of a heading the text below it tells of: a log entry's line of a date and places
    ("9 June | Kyaukme, Shan State"), or a sentence of names alone ("Darnytskyi district."); no
    event word of its own."""
    if found or not idx:
        return []
    # (or a sentence of names alone, a channel's heading: "01:32 Darnytskyi district. Debris fell on ...")
    rest = [clean[sent.start : mentions[idx[0]].cstart]]
    rest += [clean[mentions[a].cend : mentions[b].cstart] for a, b in itertools.pairwise(idx)]
    rest.append(clean[mentions[idx[-1]].cend : sent.end])
    names_alone = all(_NAMES_GAP.fullmatch(r) for r in rest)
    if not names_alone and (
        (sent.start and clean[sent.start - 1] != "\n") or not _ENTRY_HEAD.fullmatch(clean, sent.start, sent.end)
    ):
        return []
    return [Candidate(i, False) for i in idx if mentions[i].literal and mentions[i].place is not None]


# what may stand between the names of a heading that is names alone: "Darnytskyi district.", "Kobo, Amhara:"
_NAMES_GAP = rx.compile(
    rf"[\s,.:;(){BULLETS}–—-]*(?:(?i:district|province|region|oblast|raion|township|state|governorate|city|town|village|"
    r"area|neighbou?rhood)\b[\s,.:;()]*)?"
)


def _row_cells(
    clean: str, sent: Sentence, mentions: list[Mention], idx: list[int], found: list[Trigger]
) -> list[Candidate]:
    """The places of a table's row in the cells before the one that tells of the event: "3 Feb |
    Kramatorsk | Guided aerial bomb hit a residential building | 2 | 11"."""
    line = clean[sent.start : sent.end]
    if line.count("|") < 2 or "\n" in line:
        return []
    told = clean.rfind("|", sent.start, found[0].start)
    return [
        Candidate(i, False)
        for i in idx
        if mentions[i].cend <= told
        and mentions[i].literal
        and (p := mentions[i].place) is not None
        and p.feature_type not in AREA_TYPES
    ]


# the head of a bulletin's line, or of a headline, before a colon: "Lower Shabelle, Afgooye -
# 28/05 - Indirect fire: ...", "• 15 March, Djibo (Soum province, Sahel region): ...", "Turbat:
# hand grenade attack on shop in bazaar" (names, dates, kind words, no sentence of its own)
_HEAD_WORDS = (
    # ("- Sittwe: ...", a dash for a bullet)
    # ("05:30 Bat Yam: direct hit on a residential building", a channel's time for a bullet)
    rf"[\s{BULLETS}]*(?:[-–—]\s+)?"
    # (each word whole, and atomic: a run of capitals "ABAB..." is one word, not 2^n ways to split it)
    r"(?:\d{1,2}:\d{2}\s+)?(?>(?:[A-Z][\w'’-]*+|\d[\d/.]*+|of|the|and|(?i:district|province|region|cercle|department|"
    r"governorate|state|county|commune|city|town|village|camp|area|lga|zone|township|territory|locality|oblast|"
    # ("URGENT | Nova Kakhovka: ...", a wire's flag before the place)
    r"raion|woreda|neighbou?rhood))[\s,()|]*+)+"
)
_HEAD = rx.compile(
    _HEAD_WORDS
    # then perhaps a date and the kind of incident: "- 28/05 - Indirect fire:"
    + r"(?:[–—-]\s*[^:.;]{0,40})?:"
)
# the head of a numbered or bulleted item before a dash and its sentence: "1. Al-Awda Hospital, Jabalia – On 31
# October, the third floor ... was hit"
_DASH_HEAD = rx.compile(_HEAD_WORDS + r"(?<=\s)[–—-]\s+(?=[A-Z0-9])")
# a list's number on a line before an item the sentence splitter cut from it ("1." then "Al-Awda Hospital, ...")
_LIST_NUMBER = rx.compile(r"[ \t]*\d{1,2}[.)][ \t]*")


def _headed(
    clean: str, sent: Sentence, mentions: list[Mention], idx: list[int], links: Mapping[int, str | None]
) -> list[Candidate]:
    """The places a line's head names, for its events that name none in their own words (not a
    country, which labels the line, nor a dateline in capitals, where the reporter is)."""
    line = clean.rfind("\n", 0, sent.start) + 1
    numbered = line < sent.start and _LIST_NUMBER.fullmatch(clean, line, sent.start) is not None
    if line < sent.start and not numbered:
        return []
    head = _HEAD.match(clean, sent.start, sent.end)
    if head is None and (numbered or clean[sent.start] in BULLETS):
        head = _DASH_HEAD.match(clean, sent.start, sent.end)  # (an item's head before a dash, in a list)
    if head is None:
        return []
    return [
        Candidate(i, False)
        for i in idx
        if mentions[i].cend < head.end()
        and links[i] is None
        and mentions[i].literal
        and (p := mentions[i].place) is not None
        and p.feature_type not in AREA_TYPES
        and not mentions[i].surface.isupper()
    ]


LANDMARK_KM = 50  # a landmark alone stands for the place of an event this far from it, at precision 2
WIDE_LANDMARK_KM = 100  # and, on land, this far, at precision 3 (its region)
_NUMBER = rx.compile(r"\d+(?:[.,]\d+)?")


_THOUSANDS_COMMA = rx.compile(r",(?=\d{3}$)")


def _distance_km(phrase: str) -> float:
    """The distance a ``_FAR`` phrase gives, in kilometres ("40 km", "25 miles", "60 nautical miles")."""
    number = _NUMBER.search(phrase)
    assert number is not None
    digits = number.group()
    n = float(_THOUSANDS_COMMA.sub("", digits).replace(",", "."))  # "1,200 km"; "2,5 km"
    low = phrase.lower()
    return n * (1.852 if "nautical" in low else 1.609 if "mile" in low else 1.0)


def _names_other(mentions: list[Mention], links: dict[int, str | None], idx: list[int], i: int) -> bool:
    """Whether a sentence names, as a place of its events, another place than ``i`` that does not
    hold it: a place no gazetteer has ("near Ngouboua, some 40 km south of Bol") or a known one."""
    here = mentions[i].place
    for j in idx:
        m = mentions[j]
        if j == i or not m.literal or links[j] is None:
            continue
        if m.place is None or here is None:
            return True
        if not contains(m.place, here) and not _district_around(m.place, here):
            return True
    return False


# the office of one killed, named by the place it is over: "killed the Afgoye district commissioner", "shot dead the
# Kandahar police chief"
_OFFICE_AFTER = rx.compile(
    r"(?:['’]s)?\s+(?:(?:district|provincial|regional|municipal|county|deputy|city)\s+)?(?:commissioner|governor|mayor|"
    r"administrator|police\s+chief|chief\s+of\s+police|security\s+chief|district\s+chief)\b"
)
_KILLED_THE_BEFORE = rx.compile(
    r"\b(?:killed|killing|kills|assassinated|assassinating|shot\s+dead|gunned\s+down|targeted|wounded|injured)\s+"
    r"(?:the\s+|a\s+former\s+|the\s+former\s+|the\s+deputy\s+)?$"
)


def _district_around(district: Place, place: Place) -> bool:
    """Whether a district (GeoNames' second level: a province, a raion, a county) may be the one a town lies in:
    in its province, near its point, and more populous than the town ("20 km from Titao, in Burkina Faso's Loroum
    province"; not a district of a city, which is finer than the city: "Baghdad's district of Shaab")."""
    return (
        district.feature_type in ("admin2", "district")
        and 0 < place.population <= district.population
        and near_in_province(district, place)
    )


HELD_KM = 60  # the farthest a place may lie from the point of the district that holds it


def near_in_province(district: Place, place: Place) -> bool:
    """Whether ``place``, a town or a village, lies in the province of ``district`` and near its point."""
    return (
        place.feature_type in POPULATED_TYPES
        and (district.country, district.admin1) == (place.country, place.admin1)
        and distance_km(district, place) <= HELD_KM
    )


# drones or missiles brought down over a place, the place (or a list of them) after "over"
# (drones, missiles and the like: not "the airman was shot down on a mission over Lebanon")
_DOWNED = rf"(?:{DOWNED}|destroyed)"  # (a tally of drones "destroyed" over a place, too)
_DOWNED_OVER = gated(
    # ("Air defences down all drones over Kyiv region")
    rf"\b(?:(?:{_DOWNED}|down)\b(?!\s+by\b)[^.;]*?\b(?:{MUNITIONS}|targets)|{MUNITIONS}\b[^.;]*?\b{_DOWNED})\b[^.;]*?\bover\s"
)
# what ends the places a tally of downed drones lists: a clause of its own ("..., but one hit a
# depot in X")
_TALLY_ENDS = rx.compile(
    r"[;:]|\b(?:but|while|although|whereas|killing|killed|injuring|injured|wounding|wounded|struck|hit|hitting|"
    r"damaging|damaged|caus\w+|fell|falling|debris|fragments|wreckage)\b",
    re.I,
)


def _downed_over(clean: str, start: int, end: int) -> bool:
    """Whether the place at ``end`` is one a tally of drones or missiles brought down lists after
    "over" ("destroyed 43 drones: 14 over the Belgorod region, 11 over the Kursk region", "most of
    which were downed over the Kiev region, including around Brovary")."""
    tally = _DOWNED_OVER.search(clean, start, end)
    if tally is None or _TALLY_ENDS.search(clean, tally.end(), end):
        return False
    last_over = max(o.end() for o in _OVER.finditer(clean, tally.end() - 5, end))
    return end - last_over <= 100


_OVER = rx.compile(r"\bover\s")
_COORDINATED = rx.compile(r"\b(?:and|or|as\s+well\s+as|plus)\b", re.I)
_NEAR_CUE = rx.compile(
    r"\b(?:near|close|outside|outskirts|vicinity|edge|around|(?:north|south|east|west)\w*\s+of|km|kms|"
    r"kilomet\w+|miles?|met(?:er|re)s?|away|above|overlooking)\b",
    re.I,
)
_PARTICIPLE = rx.compile(r"\b(?!located\b|situated\b|based\b|populated\b|named\b|called\b)[a-z]+(?:ed|ing)\b")


def _points_at(clean: str, mentions: list[Mention], idx: list[int], i: int) -> int | None:
    """The name just before mention ``i`` whose place its "near" phrase gives, if it does."""
    prev = [j for j in idx if mentions[j].cend <= mentions[i].cstart]
    if not prev:
        return None
    before = mentions[prev[-1]].place
    if before is not None and before.feature_type in AREA_TYPES:
        return None  # "an Iraqi army checkpoint near Makhmour": a people's word places nothing
    gap = clean[mentions[prev[-1]].cend : mentions[i].cstart]
    if len(gap) >= 90 or ";" in gap or _COORDINATED.search(gap) or not _NEAR_CUE.search(gap):
        return None  # far, in a list ("X, Y and near Z"), or no "near" between them
    if _PARTICIPLE.search(gap) or TRIGGER_RX.search(gap) or _VERB_GAP.search(gap):
        return None  # "a convoy bound for X came under fire near Y": Y places the convoy, not X
    return prev[-1]


_VERB_GAP = rx.compile(r"\b(?:came|comes|come|was|were|is|are|went|had|has|have)\b")


def own_keys(place: Place) -> set[str]:
    return {name_key(n) for n in (place.name, *place.aliases)}


_PART = r"(?:district|neighbou?rhood|quarter|suburb|area|sector|camp|village|borough|locality|outskirts|sub-?city)"
_POSSESSIVE_GAP = rx.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}")  # "'s ", "'s northern "
# "Baghdad's northern district of Shaab" / "the Shaab district of Baghdad", "Shuqef neighbourhood in Aleppo"
_OUTER_FIRST = rx.compile(rf"'s\s+(?:[\w-]+\s+){{0,3}}{_PART}\s+of\s+(?:the\s+)?", re.I)
_OWNED_PART = rx.compile(rf"\s+{_PART}\b", re.I)
_PART_END = rx.compile(rf"\s{_PART}$", re.I)  # a name found with its part word ("Shaab district")
_OF = r"\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"  # "of the town of", "in northern"
_OF_OUTER = rx.compile(_OF, re.I)
_INNER_FIRST = rx.compile(
    # (the sub-districts of South Asia: "Kulachi tehsil of Dera Ismail Khan district")
    rf"\s+(?:sub-?district|district|tehsil|taluka?|upazila|mandal|neighbou?rhood|quarter|suburb|area|sector){_OF}",
    re.I,
)

# ... or said of it after a comma: "Dar Saad, a district on the northern edge of Yemen's southern city of Aden"
_APPOSED_PART = rx.compile(
    r",\s+an?\s+(?:[\w-]+\s+)?(?:district|neighbou?rhood|quarter|suburb|sector|borough)\s+"
    r"(?:(?:on|in|at)\s+the\s+(?:[\w-]+\s+)?(?:edge|outskirts|side|part|end)\s+)?(?:of|in)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:city|town|capital)\s+(?:of\s+)?)?",
    re.I,
)


def _finer_in(mentions: list[Mention], inner: Candidate, province: Candidate) -> bool:
    """Whether ``inner`` is a finer place than a province, in the province's country."""
    pi, pp = mentions[inner.mention].place, mentions[province.mention].place
    if pi is None or pp is None or inner.province or pi.country != pp.country:
        return False
    return pi.feature_type not in AREA_TYPES and pi.feature_type not in ("admin1", "region")


def _holds(clean: str, outer: Mention, inner: Mention) -> bool:
    """Whether the text says that ``inner`` is a part of ``outer`` (a city and its district)."""
    if outer.cend <= inner.cstart:
        if _POSSESSIVE_GAP.fullmatch(clean, outer.cend, inner.cstart) and (
            _OWNED_PART.match(clean, inner.cend) or _PART_END.search(inner.surface)
        ):
            # "Narathiwat's Sungai Padi district", "Baghdad's northern al-Shaab district"
            return True
        return _OUTER_FIRST.fullmatch(clean, outer.cend, inner.cstart) is not None
    broad = inner.place is None or inner.place.feature_type in AREA_TYPES or inner.place.feature_type == "admin1"
    if broad:
        return False
    if (
        _INNER_FIRST.fullmatch(clean, inner.cend, outer.cstart) is None
        and not (_PART_END.search(inner.surface) and _OF_OUTER.fullmatch(clean, inner.cend, outer.cstart))
        and _APPOSED_PART.fullmatch(clean, inner.cend, outer.cstart) is None
    ):
        return False  # not "the Shaab district of Baghdad", with or without the part word in the name
    # "the Algiers suburb of Oued Kniss": the town's name stands first, and the part is the other
    o, i = outer.place, inner.place
    assert i is not None
    return not (o is not None and (o.parent == i.id or (o.feature_type in _PARTS and i.feature_type in _TOWNS)))


# a sentence's opening frame: "In neighbouring Narathiwat,", "About six hours later in Yala,"
_FRAME_BEFORE = rx.compile(
    r"\s*(?:[-–—•*]\s*)?(?:(?:[\w'’-]+\s+){0,5}?(?:later|earlier|meanwhile|elsewhere|also|afterwards)\s*,?\s+)?"
    r"[Ii]n\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|adjoining|adjacent|(?:north|south|east|west|central)[\w-]*)\s+)?"
)
_FRAME_AFTER = rx.compile(r"\s*,")


def _framed_in(clean: str, frame: Candidate, mentions: list[Mention], other: Candidate) -> bool:
    """Whether the place a sentence opens in holds ``other``, a place of its province the sentence names after
    it, in the same clause ("In Narathiwat, a headman was shot dead in Rueso")."""
    o, i = mentions[frame.mention], mentions[other.mention]
    op, ip = o.place, i.place
    if op is None or ip is None or op.id == ip.id or other.frame or i.cstart < o.cend:
        return False
    if other.near or other.reference:
        return False  # (not a landmark: "In Jamundi, a municipality just south of Cali,")
    if ip.feature_type not in POINT_TYPES and (
        ip.feature_type not in ("admin2", "district") or name_key(ip.name)[:3] == name_key(op.name)[:3]
    ):
        return False  # (a district, not the town's own: "In Bila Tserkva, ... in the Bilotserkivskyi district")
    if op.feature_type not in POINT_TYPES or not op.admin1 or (op.country, op.admin1) != (ip.country, ip.admin1):
        return False
    return ";" not in clean[o.cend : i.cstart]


_PARTS = frozenset({"district", "neighbourhood"})
_TOWNS = frozenset({"city", "town"})
# between a town and the city the text puts it in: "Ariha in western Idlib", "X village, in Y"
_IN_CITY = rx.compile(
    # (or a camp: "the Balata refugee camp in Nablus", a camp no gazetteer marks as one)
    r"(?:\s+(?:town|village|hamlet|(?:refugee\s+|displacement\s+|IDP\s+)?camp))?\s*,?\s+in\s+(?:the\s+)?"
    r"(?:(?:far\s+)?(?:north|south|east|west|central|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?",
    re.I,
)


def _town_in(clean: str, outer: Mention, inner: Mention) -> bool:
    """Whether the text puts the town ``inner`` in the city or town ``outer`` of its own province
    ("Kafr Zita in northern Hama"): a town is no part of another, so the city's name stands for
    its province or its area, which only holds the town."""
    o, i = outer.place, inner.place
    if o is None or i is None or o.feature_type not in _TOWNS or i.feature_type not in POPULATED_TYPES:
        return False
    if i.id == o.id or not o.admin1 or (i.country, i.admin1) != (o.country, o.admin1):
        return False
    return inner.cend < outer.cstart and _IN_CITY.fullmatch(clean, inner.cend, outer.cstart) is not None


def choose(clean: str, cands: list[Candidate], mentions: list[Mention]) -> list[tuple[int, int]]:
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
        # (or a town a gazetteer's camp is put in: "the Abu Shouk camp, on the northern edge of El Fasher"; a city keeps
        # its marker beside its districts, as the seeds' gold has it)
        and not any(
            q is not None
            and q is not p
            and (contains(p, q) or _district_around(p, q) or (q.feature_type == "camp" and q.parent == p.id))
            for q in places
        )
        and not any(d is not c and _holds(clean, mentions[c.mention], mentions[d.mention]) for d in cands)
        and not any(d is not c and _town_in(clean, mentions[c.mention], mentions[d.mention]) for d in cands)
        # a province named as such holds the sentence's other places, whatever its name resolved to
        and not (c.province and any(_finer_in(mentions, d, c) for d in cands))
        and not (c.frame and any(d is not c and _framed_in(clean, c, mentions, d) for d in cands))
    ]
    # a place in another country than the province the sentence names is another place's namesake
    provinces = {mentions[c.mention].place.country for c in keep if c.province}  # type: ignore[union-attr]
    if provinces:
        keep = [c for c in keep if c.province or mentions[c.mention].place.country in provinces]  # type: ignore[union-attr]
    if not keep:
        return []
    # a reference point is dropped when the sentence names the place itself, however coarsely the
    # data places it ("near Makhmour, southeast of Mosul", Makhmour read as its district), unless
    # that is a wide area ("Jiye, south of Beirut, ... into the eastern Mediterranean")
    direct = [c for c in keep if not c.reference]
    finest = direct if any(mentions[c.mention].place.feature_type not in AREA_TYPES for c in direct) else keep  # type: ignore[union-attr]
    out = []
    for c in finest:
        p = mentions[c.mention].place
        assert p is not None
        out.append((c.mention, 3 if c.province or c.wide else precision(p, c.near or c.unknown_beside)))
    best = min(pr for _, pr in out)
    # a place no gazetteer has is its own place however coarsely the text locates it
    return [(i, pr) for i, pr in out if pr == best or pr < 3 or _placed_by_text(mentions[i].place)]


def _placed_by_text(place: Place | None) -> bool:
    return place is not None and place.resolved_by == "context"
