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
operation, the security force killed three insurgents."; of a log entry's heading line just
above it ("9 June | Kyaukme, Shan State"); or, when it speaks of "the town" ("in the centre
of town"), of the one town the report's headline and dateline name.  A line's head ("- Sittwe:
...") and a table row's cells before the one that tells of the event place it too.

When: the date its own sentence gives, else the article's (resolved in the sites stage).

Casualty figures (``mapper.casualties``) are attached to the event they describe: the
nearest event in their own sentence, else the event of the sentences just before in
the paragraph, else the article's only event; a running total ("622 killed since
October") or an earlier event's toll is no event's.

Negated reports ("did not hit"), habitual or past activity ("responsible for attacks",
"was planning attacks") and figurative uses ("hunger strike", "heart attack") make no
event.  Last, a learned screen (``mapper.events.screen``) weighs the words of each draft
event's sentence and drops those unlike the report of an attack that happened: a threat, a
fly-over, a sports "strike", a clause of background.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .. import rx
from ..dates import DateRef, event_date_ref, find_dates
from ..gates import Searcher, gated
from ..models import AREA_TYPES, POPULATED_TYPES, Claim, Event, EventType, Mention, Place, distance_km
from ..names import name_key
from ..resolve import (
    DISTRICT_FRAME_BEFORE,  # "In the X district, ...": a district a sentence opens in
    TOWN_REACH_KM,  # how far a suburb the headline names may lie from its city
)
from ..text import UPPER, Sentence, turn_part
from ..toponyms import common_words
from .article import find_triggers
from .report_kind import HARMED_WORDS, KILLED_WORDS, YEAR_ON, called_false_next, debunked, report_kind
from .screen import Keeper, draft_features
from .triggers import (
    EVENT_TYPES,
    SPECIFICITY,
    Trigger,
    as_cause,
    event_type_of,
    most_specific,
    triggers,
    type_of_events,
)
from .where import HELD_KM, candidates, choose, contains, entry_places, link_of, near_in_province, part_of

REGION_REACH_KM = 250  # how far from a named region's point (a curated "eastern Syria", "Darfur") its places may lie

if TYPE_CHECKING:
    from ..casualties import ClaimSpan


@dataclass(slots=True)
class _Draft:
    sentence: int
    triggers: list[Trigger]
    locations: list[tuple[int, int]]  # (mention index, precision)
    inherited: bool = False
    recalled: bool = False  # an earlier event the article recalls, with its own date
    summary: bool = False  # named only the region that holds the article's finer events
    separate: bool = False  # its sentence turns to another event ("Separately, ..."): no place of the others


def find_events(
    clean: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    found_in: list[list[Trigger]],
    screen: Keeper | None = None,
) -> tuple[list[Mention], list[Event]]:
    """The events of an article (``mentions`` in text order; ``found_in``: each sentence's
    triggers, ``find_triggers``), and its mentions with the places of events made anew as
    ``struck``.  ``screen`` (``mapper.events.screen``) weighs each draft event that names places
    of its own and drops those it finds are not the article's news."""
    by_sentence: list[list[int]] = [[] for _ in sentences]
    k = 0
    for i, m in enumerate(mentions):
        while k + 1 < len(sentences) and sentences[k].end <= m.cstart:
            k += 1
        if sentences and sentences[k].start <= m.cstart < sentences[k].end:
            by_sentence[k].append(i)
    drafts: list[_Draft] = []
    undated: list[_Draft] = []
    scenes: dict[int, list[tuple[int, int]]] = {}

    def scene(si: int) -> list[tuple[int, int]]:
        """The places a sentence gives as where something happened (worked out when asked)."""
        if si not in scenes:
            cands = candidates(clean, sentences[si], mentions, by_sentence[si], si < 3, found_in[si])
            cands = cands or entry_places(clean, sentences[si], mentions, by_sentence[si], found_in[si])
            scenes[si] = choose(clean, cands, mentions) if cands else []
        return scenes[si]

    def present(si: int) -> list[tuple[int, int]]:
        """The places of a sentence's scene that are not those of an earlier event it recalls ("regrouped in the
        town following their attack on troops at X last month": not X)."""
        found = found_in[si]
        return [loc for loc in scene(si) if not found or not _nearest(mentions[loc[0]], found).recalled]

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
            if ";" in clean[sent.start : sent.end] and _clause_of_its_own(clean, sent, mentions[loc[0]], found):
                continue  # "strike on Nuseirat home kills family; negotiators back in Doha"
            near = _nearest(mentions[loc[0]], found)
            if near.total and near.end <= mentions[loc[0]].cstart and any(not t.total for t in now):
                continue  # "The attack comes amid a spate of IED attacks in X, Y and Z": the spate's places
            if not near.recalled:
                mine.append(loc)
            elif any(t.end <= mentions[loc[0]].cstart for t in then):
                # "an attack on Tower 22", "an attack on a checkpoint in X killed three"; not "X ... after
                # the attack"
                earlier.append(loc)
        if now:
            strong = [t for t in now if not t.weak]
            if (
                strong
                or mine
                or _has_victims(clean, sent)
                # (or its harm told in the next sentence: "a glide bomb fell on the stop as commuters queued. Regional
                # officials first reported eight dead.")
                or _told_next(clean, sentences, si, _VICTIMS_TOLD)
                # (or under a heading of names alone: "▪️ Zolochiv. A guided aerial bomb hit the territory of a farm.")
                or (
                    si > 0
                    and sentences[si - 1].paragraph == sent.paragraph
                    and not found_in[si - 1]
                    and entry_places(clean, sentences[si - 1], mentions, by_sentence[si - 1], found_in[si - 1])
                )
            ):
                drafts.append(_Draft(si, now, mine, separate=_SEPARATE_OPENING.match(clean, sent.start) is not None))
        # an earlier event, recalled: mapped only when its sentence dates it, or when the text is that
        # one sentence ("Last month, a journalist was shot dead in X.")
        if earlier:
            # (by a date of its own words, not of the clause before them: "Jets struck X overnight, in
            # response to the rocket attack on Y" is not dated by "overnight")
            at = max(sent.start, then[0].start - _OWN_DATE_REACH)
            dated = not then[0].vague and event_date_ref(clean[at : sent.end], then[0].start - at) is not None
            if dated:
                drafts.append(_Draft(si, then, earlier, recalled=True))
            else:
                # (by its time: not "a presence that grew after the attack on Gaza", nor a cause)
                told = [
                    loc
                    for loc in earlier
                    if not (near := _nearest(mentions[loc[0]], then)).background
                    and not as_cause(clean, sent.start, near)
                ]
                if told:
                    undated.append(_Draft(si, then, told, recalled=True))
    # a report of a military exercise, a game, a trial or a period's figures (``report_kind``): its
    # strikes and attacks are the drill's, the players', the ones tried or the period's, and only a sentence
    # that tells of people killed (in a drill, hurt; in figures, one that gives a day) reports an attack
    kind = report_kind(clean, sentences)
    if kind in ("debunked", "fiction"):
        drafts = []  # (the attack it checks did not happen, and what else it tells is the claim's; or the story's)
    else:
        # (an attack a sentence checks and finds false is none: "Fact-check of the day: a clip shared as 'jets
        # bombing X last night' is from a 2019 air show")
        # (or that the next sentence calls false: "Posts had claimed that a missile hit X. The administration called
        # the reports fake.")
        drafts = [
            d
            for d in drafts
            if not debunked(clean, sentences[d.sentence].start, sentences[d.sentence].end)
            and not called_false_next(clean, sentences, d.sentence)
        ]
    if kind == "summary":
        # a month's or a year's figures: only an incident its sentence dates to a day is one
        # (or under a heading that dates it: "Mosul, 17 June - Zanjili neighbourhood" over "An air strike destroyed a
        # house in the Zanjili neighbourhood")
        drafts = [
            d
            for d in drafts
            if _dated_to_a_day(clean[sentences[d.sentence].start : sentences[d.sentence].end])
            or _dated_heading(clean, sentences, d.sentence)
        ]
    elif kind == "retrospective":
        # a look back at a war of years ago: only what a sentence puts on a day of this week is news of its own
        # (not the anniversary itself: "the town commemorated today the 28th anniversary of the massacre")
        drafts = [
            d
            for d in drafts
            if _THIS_WEEK.search(clean, sentences[d.sentence].start, sentences[d.sentence].end)
            and "anniversar" not in clean[sentences[d.sentence].start : sentences[d.sentence].end]
            # (nor a day that marks the time since it: "gathered on Saturday to mark one year since the assault")
            and not YEAR_ON.search(clean, sentences[d.sentence].start, sentences[d.sentence].end)
        ]
    elif kind == "interception":
        # drones or missiles brought down, and nothing hit: only a sentence that tells of harm or of a hit is an
        # attack's ("debris fell on a house in X, injuring two"), not where they were downed or launched from
        drafts = [
            d for d in drafts if _HIT_OR_HARMED.search(clean, sentences[d.sentence].start, sentences[d.sentence].end)
        ]
    elif kind == "trial":
        # a court's hearing or sentence: only a sentence that tells of people killed, and not of the killings tried
        # ("According to the prosecution, the assailants had killed ... near X", "Five people were killed in that
        # attack")
        drafts = [
            d
            for d in drafts
            if KILLED_WORDS.search(clean, sentences[d.sentence].start, sentences[d.sentence].end)
            and not _TRIED.search(clean, sentences[d.sentence].start, sentences[d.sentence].end)
        ]
    elif kind is not None:
        harmed = KILLED_WORDS if kind == "sport" else HARMED_WORDS
        drafts = [d for d in drafts if harmed.search(clean, sentences[d.sentence].start, sentences[d.sentence].end)]
    # an earlier event placed only in a country or a sea ("The war began with the attack on southern
    # Israel on Oct. 7, 2023") is background: where it struck, the text does not say
    drafts = [
        d
        for d in drafts
        if not (
            d.recalled and d.locations and all(mentions[i].place.feature_type in AREA_TYPES for i, _ in d.locations)  # type: ignore[union-attr]
        )
    ]
    # (a report of more sentences that tells of no event of its own is about something else: a ruling
    # on "the 1995 massacre at X", the funeral of a man "killed in an air strike last September")
    lone = len(sentences) == 1
    if lone and not any(not d.recalled for d in drafts):
        drafts += undated

    # a district that holds another place of its own event yields to it ("a bomb in the office
    # building of Bharatpur municipality in Chitawan district", "Minpa village in Sukma district")
    def finest(locations: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if len(locations) < 2:
            return locations
        return [
            (i, pr)
            for i, pr in locations
            if not any(j != i and _district_holds(clean, mentions[i], mentions[j]) for j, _ in locations)
        ]

    for d in drafts:
        d.locations = finest(d.locations)
    # a running total ("more than 7,000 killed in the insurgency in Yala and Pattani since 2004")
    # tells where the article's own events happen, and of no event itself: its places are struck
    # only in a text of that one sentence
    if not lone or any(not all(t.total for t in d.triggers) for d in drafts):
        drafts = [d for d in drafts if not all(t.total for t in d.triggers)]
    if screen is not None and not lone:  # (a text of one sentence is all its news)
        drafts = _screened(clean, sentences, mentions, drafts, screen)
    # a trigger whose sentence names no place: the place of the sentences just before it
    # (the events kept, with places finer than a country: not "in Iraq and Syria", which an event of
    # its own would leave for a finer place elsewhere)
    with_places = {
        d.sentence
        for d in drafts
        if not d.recalled and any(mentions[i].place.feature_type not in AREA_TYPES for i, _ in d.locations)  # type: ignore[union-attr]
    }
    for d in drafts:
        if d.locations or d.recalled or d.separate:
            continue
        para = sentences[d.sentence].paragraph
        # "the drone fired two missiles", "the strike destroyed the house": the event told just before
        # (and kept), in the paragraph before as well
        anaphoric = any(
            _DEFINITE_BEFORE.search(clean, max(sentences[d.sentence].start, t.start - 30), t.start) for t in d.triggers
        )
        # "during the fighting", "the clashes that followed" with no victims of their own: a reference to
        # fighting told before, which only an event kept before can place (in a profile or a portrait of a
        # town, none: the words recall a time, and the places around them are no event's)
        referring = (
            anaphoric
            and all(t.weak or t.word.lower() in _SPELL_WORDS for t in d.triggers)
            and not _has_victims(clean, sentences[d.sentence])
        )
        if referring:
            d.separate = True  # (nor is it given the article's one place below)
        for back in range(d.sentence - 1, max(-1, d.sentence - 4), -1):
            # (across a paragraph's end, only from a sentence that tells of an event: not "In
            # Beirut, the prime minister appealed for a ceasefire.")
            if found_in[back] and (all(t.recalled for t in found_in[back]) or all(t.total for t in found_in[back])):
                break  # after an earlier event's sentence ("In April 2023, an airstrike on X killed 170."), or
                # a running total's ("attacks in X, Y and Z have risen in recent months")
            # (or from a log entry's heading line just above: "12 May | X village, Y Township")
            if referring:
                if back in with_places and scene(back):
                    d.locations, d.inherited = finest(scene(back)), True
                    break
                continue
            if (
                sentences[back].paragraph == para
                or (back == d.sentence - 1 and found_in[back])
                or (anaphoric and back in with_places)
                or (
                    back == d.sentence - 1
                    and entry_places(clean, sentences[back], mentions, by_sentence[back], found_in[back])
                )
                # (or from a line that places an incident at sea: "UKMTO has received a report of an incident
                # 55NM west of Hodeidah." before "The vessel was hit by an unknown projectile.")
                or (back == d.sentence - 1 and _INCIDENT_AT.search(clean, sentences[back].start, sentences[back].end))
            ) and (here := present(back)):
                d.locations, d.inherited = finest(here), True
                break
    # "struck the municipal building in the centre of town", "a bomb outside Data Darbar": the town
    # the report is about, the one its headline and dateline name
    unplaced = [d for d in drafts if not d.locations and not d.recalled]
    if unplaced:
        datelined = _dateline_town(clean, sentences, mentions, by_sentence, drafts)
        home = _town_of_report(clean, sentences, mentions, by_sentence)
        if (
            home is None
            and datelined is not None
            and mentions[datelined[0]].cstart >= sentences[min(2, len(sentences) - 1)].start
        ):
            home = datelined[0]  # (a feature's dateline below its headline and standfirst: "BAIDOA, Somalia")
        elif (
            home is not None
            and datelined is not None
            and datelined[2]
            and mentions[datelined[0]].place != mentions[home].place
        ):
            home = datelined[0]  # (the town a feature's head names, not the city it was filed from: "the town" is it)
        for d in unplaced:
            sent = sentences[d.sentence]
            the_town = _THE_TOWN.search(clean, sent.start, sent.end)
            # (the town an earlier sentence brought in by its kind: "families from X, a large town south-west of Y
            # ... began shelling the town")
            the_kind = the_town or _THE_VILLAGE.search(clean, sent.start, sent.end)
            if (
                the_kind is not None
                and (named := _introduced_town(clean, sentences, mentions, d.sentence, the_kind)) is not None
            ):
                d.locations = [(named, 1)]
                continue
            if the_town is not None and (
                _unknown_town_before(clean, sent.start, the_town.start(), mentions, by_sentence[d.sentence])
                # (or people in it, the sentence before, in its paragraph: "Today our people in Tamboul paid with their
                # blood. At dawn, fighters entered the town")
                or (
                    d.sentence
                    and sentences[d.sentence - 1].paragraph == sent.paragraph
                    and _unknown_town_before(
                        clean,
                        sentences[d.sentence - 1].start,
                        sentences[d.sentence - 1].end,
                        mentions,
                        by_sentence[d.sentence - 1],
                        _IN_A_NAME,
                    )
                )
            ):
                continue  # "Residents of Barsalogho say ... around the town": that town, which no gazetteer has
            if (
                the_town is not None
                and home is not None
                and (
                    before := [
                        i
                        for i in by_sentence[d.sentence]
                        if mentions[i].cstart < the_town.start()
                        and mentions[i].literal
                        and (p := mentions[i].place) is not None
                        and p.feature_type in POPULATED_TYPES
                    ]
                )
                and mentions[before[-1]].place.id != mentions[home].place.id  # type: ignore[union-attr]
            ):
                continue  # "armed men entered X at dawn ... and spent hours in the town": X, not the dateline's
            if home is not None and (the_town is not None or _NAMED_SITE.search(clean, sent.start, sent.end)):
                d.locations = [(home, 1)]
        # a story that opens at its dateline's town and tells its attack without naming a place ("TARMIYAH, Iraq -
        # The orchards north of Tarmiyah ... On Thursday night it was used again. Four soldiers were killed when
        # militants attacked their patrol"): the attack of its first paragraphs, with its victims, is the town's
        if datelined is not None:
            opening, first, headlined = datelined
            for d in unplaced:
                if d.locations:
                    continue  # (placed by "the town" above)
                sent = sentences[d.sentence]
                # (its victims, or the harm told in the sentence after it: "the other struck near a hangar ... Nobody
                # was killed. Two guards suffered minor injuries"; in a feature about the town its headline names, any
                # word of arms: "THE SCHOOL IN X ... two missiles struck the second floor of the school")
                if (
                    first <= sent.paragraph <= first + _OPENING_PARAGRAPHS
                    and (
                        _has_victims(clean, sent)
                        or _told_next(clean, sentences, d.sentence, _HARM_TOLD)
                        or (headlined and any(not t.weak for t in d.triggers))
                    )
                ) or (
                    # (in a feature about the town its head names, its dead and hurt counted a paragraph later: the
                    # scene, then the attack, then "the civil society coordinator said 14 people had been killed")
                    headlined and sent.paragraph == first + _OPENING_PARAGRAPHS + 1 and _has_victims(clean, sent)
                ):
                    d.locations = [(opening, 1)]
    placed = [d for d in drafts if d.locations]
    if not placed:
        return mentions, []
    # the article's single place, for triggers that found none
    distinct = {tuple(sorted(mentions[i].place.id for i, _ in d.locations)) for d in placed}  # type: ignore[union-attr]
    if len(distinct) == 1:
        for d in drafts:
            if not d.locations and not d.separate:
                d.locations, d.inherited = placed[0].locations, True
        placed = [d for d in drafts if d.locations]
    # a country-level event yields to any finer one, and a province to a place inside it;
    # an event left with no place of its own is at the finer places inside those it named
    # ("killed 16 people in Iraq" after the strikes on Akashat and Al-Qaim)
    # (any place that is no country, sea or the like is finer: a province than its country, "an
    # army post in the Mopti region of central Mali"; a place no gazetteer has that the text puts
    # in a province than the province, though it is mapped at the province's point: "a village in
    # Kani township in Sagaing")
    finer = [
        (i, pr)
        for d in placed
        for i, pr in d.locations
        if pr < 3 or mentions[i].place.feature_type not in AREA_TYPES  # type: ignore[union-attr]
    ]
    if finer:
        held_in: dict[str, list[tuple[int, int]]] = {}  # what each place holds, found once per place
        for d in placed:
            kept, inside = [], []
            for i, pr in d.locations:
                p = mentions[i].place
                assert p is not None
                held = held_in.get(p.id)
                if held is None:
                    held = held_in[p.id] = [(j, q) for j, q in finer if contains(p, mentions[j].place)]  # type: ignore[arg-type]
                if pr == 3 and (held or p.feature_type in AREA_TYPES):
                    inside += held
                elif p.feature_type == "admin2" and (parts := _held_by(clean, mentions, p.id, finer)):
                    inside += parts  # (so does a province of a country that has them as its second level, where the
                    # text puts a place in it: "9 dead in Sulu clash" over "a firefight in Patikul, Sulu")
                else:
                    kept.append((i, pr))
            if kept:
                d.locations = kept
            elif inside:  # it sums up the article's finer events: their places, for its figures
                d.locations, d.inherited, d.summary = _by_place(inside, mentions), True, True
            else:
                d.locations = []
        placed = [d for d in placed if d.locations]
        # a headline that sums up the article's events tells of its lead's ("Attack on army post
        # in northern Burkina Faso leaves dozens dead" over a lead at Djibo, not a later ambush)
        if len(placed) > 1 and placed[0].sentence == 0 and placed[0].summary and not placed[1].recalled:
            lead_at = {mentions[i].place.id for i, _ in placed[1].locations}  # type: ignore[union-attr]
            own = [(i, pr) for i, pr in placed[0].locations if mentions[i].place.id in lead_at]  # type: ignore[union-attr]
            placed[0].locations = own or placed[0].locations
    # the article's first sentence, at a town, yields to its later events at parts of that town
    # (the headline "Car bomb in Mogadishu" to "at a junction in Mogadishu's Hodan district"), and
    # at a town that names its province, to those in the province ("Syria: explosion at arms depot
    # in Idlib kills 12" over "in the town of Sarmada near the Turkish border")
    # (and so does the lead, the sentence after a headline, "A drone attack on Odesa killed eight"
    # before "One drone hit a block in the city's Prymorskyi district")
    for n, head in enumerate(placed):
        if head.sentence > 1:
            break
        if head.inherited or head.recalled:
            continue
        later = [(i, pr) for d in placed[n + 1 :] if not d.inherited and not d.recalled for i, pr in d.locations]
        kept, parts = [], []
        own_places = {mentions[i].place.id for i, _ in head.locations}  # type: ignore[union-attr]
        for i, pr in head.locations:
            town = mentions[i].place
            assert town is not None
            # (near it, not it: "Israeli strikes on army sites near Damascus" over "near Kisweh, south of Damascus")
            suburb = (
                _SUBURB_AFTER.match(clean, mentions[i].cend) is not None
                or _AROUND_BEFORE.search(clean, max(0, mentions[i].cstart - 30), mentions[i].cstart) is not None
            )
            held = [
                (j, q)
                for j, q in later
                if mentions[j].place.id != town.id  # type: ignore[union-attr]
                and (
                    _part_of_town(town, mentions[j].place)  # type: ignore[arg-type]
                    # "Israel strikes Damascus suburb" over "the Kisweh area south of Damascus" (a place
                    # the text put only in the article's province stands at its point: nearness says nothing)
                    # (not a place the headline names for a target of its own: "drones hit power station near
                    # Kosti, fuel depot in Rabak")
                    or (
                        suburb
                        and distance_km(town, mentions[j].place) <= TOWN_REACH_KM  # type: ignore[arg-type]
                        and not _at_a_province_point(mentions[j].place, town)  # type: ignore[arg-type]
                        and mentions[j].place.id not in own_places  # type: ignore[union-attr]
                        # (a place near the town, not a bigger town nearby: "near Moirang", then "in Imphal")
                        and (
                            town.feature_type not in POPULATED_TYPES or mentions[j].place.population <= town.population  # type: ignore[union-attr]
                        )
                    )
                    # "US strikes Iran-linked sites in eastern Syria" (a region) over "farms in the countryside of
                    # Al-Bukamal": a place of the region's country within its reach
                    or (
                        town.feature_type == "region"
                        and bool(town.country)
                        and mentions[j].place.country == town.country  # type: ignore[union-attr]
                        and mentions[j].place.feature_type not in ("region", "country", "admin1")  # type: ignore[union-attr]
                        and distance_km(town, mentions[j].place) <= REGION_REACH_KM  # type: ignore[arg-type]
                    )
                    # "Suicide bomber hits police in Bannu" (the district) over "the Bakakhel area of Bannu district"
                    or (
                        town.feature_type in ("admin2", "district")
                        and (
                            contains(town, mentions[j].place)  # type: ignore[arg-type]
                            or _near_in_province(town, mentions[j].place)  # type: ignore[arg-type]
                        )
                    )
                )
            ]
            if not held and head.sentence == 0:  # (a town's own parts first: "Shelling hits Kherson bus stop")
                held = [(j, q) for j, q in later if _in_its_province(town, mentions[j].place)]  # type: ignore[arg-type]
            if held:
                parts += held
            else:
                kept.append((i, pr))
        if parts:
            # (a place it keeps does not drop the parts another of its places yields to: "shelling of a camp in El
            # Fasher killed 11, while drones attacked a power station in Kosti", then "the Abu Shouk camp")
            head.locations = kept + [loc for loc in _by_place(parts, mentions) if loc not in kept]
            head.inherited = not kept
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
                event_type=etype if old.event_type is None else most_specific([old.event_type, etype]),
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


_INCIDENT_AT = rx.compile(
    r"\b(?:incident|explosion|blast)\b[^.;]{0,30}?\b\d+(?:\.\d+)?\s*(?:NM|nm|nautical\s+miles?|km|kilomet(?:er|re)s|miles?)"
    r"\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of\b"
)
_AROUND_BEFORE = rx.compile(
    r"\b(?:near|outside|around|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?$", re.I
)
_SUBURB_AFTER = rx.compile(
    r"(?:['’]s)?\s+(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+)?(?:suburbs?|outskirts|countryside)\b",
    re.I,
)


# the units a text puts a place in by name: "the municipality of X", "the cercle of X"
_UNIT_OF = r"(?:municipality|district|territory|county|commune|cercle)"
# between a place and the district the text puts it in: "X in Sukma district", "X port in al-Salif
# district", "X, Masisi territory"
_HELD_GAP = rx.compile(
    # ("Djibo (Soum province, ...)": the district in brackets)
    r"(?:\s+(?:[a-z][\w-]*|Refugee|Camp|City|Town|Village|Area|Neighbou?rhood)){0,2}(?:\s*,\s*|\s+|\s*\(\s*)"
    r"(?:"
    # ", the headquarters of Kech district"
    # (", seat of the municipality of Heliodoro Castillo")
    rf"(?:the\s+)?(?:headquarters|capital|seat|main\s+town)\s+of\s+(?:the\s+(?:{_UNIT_OF}\s+of\s+)?)?|"
    # ", a community in the municipality of", "in the district of"
    r"(?:an?\s+(?:[a-z]+\s+)?(?:community|village|town|hamlet|corregimiento|locality)\s+)?(?:in|of|inside)\s+"
    rf"(?:the\s+)?(?:(?:rural\s+)?{_UNIT_OF}\s+of\s+)?"
    # "in Sumy Oblast's Sumy district", "in Manipur's Bishnupur district": the province's possessive
    # before the district; "in Sugapa district of Intan Jaya regency": a district inside it
    # ("in Jammu and Kashmir's Poonch district")
    r"(?:[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,2}(?:\s+(?i:oblast|region|province|state|governorate))?['’]s\s+|"
    # "Mabuo, in the Bapere sector of Lubero territory"
    r"[A-Z][\w'’-]+\s+(?i:district|sub-?district|sector|chiefdom|groupement|tehsil)\s+of\s+)?"
    r")?"
)
_DISTRICT_OF = rx.compile(rf"\b{_UNIT_OF}\s+of\s+(?:the\s+)?$", re.I)
_DISTRICT_AFTER = rx.compile(
    r"\s+(?:district|territory|municipality|county|raion|division|regency|agency|cercle|township|tehsil|community|"
    r"hromada|"
    r"local\s+government\s+area|"
    r"LGA)\b",
    re.I,
)
_FRAME_AFTER = rx.compile(rf"{_DISTRICT_AFTER.pattern}\s*,", re.I)


def _screened(
    clean: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    drafts: list[_Draft],
    screen: Keeper,
) -> list[_Draft]:
    """The drafts ``screen`` keeps.  One that names no place of its own is not weighed, nor an
    earlier event its sentence dates (mapped by its own rule, with its own date)."""
    kept = []
    for d in drafts:
        if d.locations and not d.recalled:
            places = [mentions[i] for i, _ in d.locations]
            features = draft_features(clean, sentences[d.sentence], d.triggers, places, mentions)
            if not screen.keep(features, places):
                continue
        kept.append(d)
    return kept


def _held_by(
    clean: str, mentions: list[Mention], place_id: str, locations: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The ``locations`` the text puts inside a district (``place_id``), at any of its mentions."""
    outer = [m for m in mentions if m.place is not None and m.place.id == place_id]
    return [(j, q) for j, q in locations if any(_district_holds(clean, m, mentions[j]) for m in outer)]


def _district_holds(clean: str, outer: Mention, inner: Mention) -> bool:
    """Whether ``outer``'s place, a district, holds ``inner``'s, both places of one event: a place
    the text put in it, or one it puts in it in so many words."""
    a, b = outer.place, inner.place
    if a is None or b is None or a.id == b.id:
        return False
    if (
        a.feature_type in ("city", "town")
        and a.admin1
        and b.admin1 == a.admin1
        and name_key(a.admin1) == name_key(a.name)
        and inner.cend <= outer.cstart
        and clean[inner.cend : outer.cstart] in (", ", ",")
    ):
        return True  # the province named by its seat's name after a town of it: "in Saravena, Arauca"
    if a.feature_type not in ("admin2", "district") and not (
        # a town the text calls a district: "the municipality of Aguililla", "Lubero territory"
        _DISTRICT_OF.search(clean, max(0, outer.cstart - 30), outer.cstart) or _DISTRICT_AFTER.match(clean, outer.cend)
    ):
        return False  # (a city keeps its marker beside its parts: "targets in the X neighborhood and
        # the vicinity of the Y shrine in the city of Al-Mayadeen", as the seeds' gold has it)
    if contains(a, b):  # a place the text put in it
        return True
    if (
        # the district a sentence opens in, and a village later in that sentence: "In the Krasnopillia community,
        # the enemy dropped two bombs on the village of Myropillia"
        outer.cend <= inner.cstart
        and DISTRICT_FRAME_BEFORE.search(clean, max(0, outer.cstart - 12), outer.cstart)
        and _FRAME_AFTER.match(clean, outer.cend)
        and b.feature_type in POPULATED_TYPES
        and (a.country, a.admin1) == (b.country, b.admin1)
        and distance_km(a, b) <= HELD_KM
    ):
        return True
    return (
        b.feature_type not in AREA_TYPES | {"admin2", "district"}
        and (a.country, a.admin1) == (b.country, b.admin1)
        and inner.cend <= outer.cstart
        and _HELD_GAP.fullmatch(clean, inner.cend, outer.cstart) is not None
        and distance_km(a, b) <= HELD_KM
    )


def _near_in_province(district: Place, place: Place) -> bool:
    """Whether ``place``, a town or a village the data files under no district, lies in the province of
    ``district`` (a second-level unit) and near its point."""
    return district.feature_type == "admin2" and not place.parent and near_in_province(district, place)


def _part_of_town(town: Place, part: Place) -> bool:
    """``where.part_of``, but a district the data files as a province's (ADM2) is a part only of a
    city ("Mogadishu's Hodan district"): beside a town it as often holds the town ("Bani Suheila,
    a town east of Khan Younis", and the Deir El Balah district 10 km away)."""
    return part_of(town, part) and (part.feature_type != "admin2" or town.feature_type == "city")


def _at_a_province_point(place: Place, town: Place) -> bool:
    """Whether ``place`` is a name no gazetteer has, no part of a town by its kind, that stands at
    a province's point, not in or near ``town`` ("the southern village of Majdal Selm", put in the
    article's one province; not "the Haret Hreik neighbourhood", so put too)."""
    return (
        place.resolved_by == "context"
        and place.parent != town.id
        and place.geo_precision >= 3
        and place.feature_type not in ("neighbourhood", "district")
    )


def _in_its_province(town: Place, place: Place) -> bool:
    """Whether ``place`` (another place) lies in the province that ``town`` (a town) names."""
    return (
        town.feature_type in ("city", "town")
        and place.id != town.id
        and bool(town.admin1)
        and name_key(town.name) == name_key(town.admin1)
        and (place.country, place.admin1) == (town.country, town.admin1)
    )


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


def _clause_of_its_own(clean: str, sent: Sentence, m: Mention, found: list[Trigger]) -> bool:
    """Whether the place ``m`` stands in a part of its sentence between semicolons that holds no event word
    and says more than a list's item ("...; negotiators back in Doha", not "Nikopol; Marhanets")."""
    a = clean.rfind(";", sent.start, m.cstart) + 1 or sent.start
    b = clean.find(";", m.cend, sent.end)
    b = sent.end if b < 0 else b
    if any(a <= t.start < b for t in found):
        return False
    return len(clean[a : m.cstart].split()) + len(clean[m.cend : b].split()) >= 3


def _nearest(m: Mention, found: list[Trigger]) -> Trigger:
    """The trigger nearest a place (one before it a little nearer than one after it)."""
    return min(found, key=lambda t: m.cstart - t.end if t.end <= m.cstart else 1.5 * (t.start - m.cend) + 1)


# a toll told in a sentence of its own: "eight dead", "Five people were killed", "Nobody was killed"
_VICTIMS_TOLD = gated(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|dozens|nobody|no\s+one)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:dead|killed|died|wounded|injured|hurt)\b",
    re.I,
)
_HARM_TOLD = rx.compile(r"\b(?:killed|died|dead|wounded|injured|injuries|hurt)\b", re.I)
_VICTIMS = gated(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|dozens?|scores|hundreds|several|many|a|an)\s+"
    r"(?:\w+\s+){0,2}(?:people|persons|civilians|soldiers|troops|fighters|militants|insurgents|policemen|police|"
    r"officers|children|women|men|residents|members)\b"
    # (who else the dead and the hurt are, counted: "killed three farmers", "wounded two pupils"; not "an attack on
    # workers' rights")
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|dozens|scores|hundreds|several)\s+(?:[\w-]+\s+)?"
    r"(?:farmers|villagers|workers|labou?rers|students|pupils|schoolchildren|passengers|worshipp?ers|pilgrims|"
    r"shepherds|herders|fishermen|traders|vendors|shoppers|guards|drivers|teachers|doctors|nurses|medics|"
    r"paramedics|patients|refugees|boys|girls|babies|infants|teenagers|youths|gendarmes|servicemen|personnel|"
    r"peacekeepers|commandos|marines|recruits|cadets|conscripts|rebels|militiamen|tribesmen|relatives)\b"
    # (or the dead and the hurt counted as such, or a toll: "reported 11 dead", "put the toll at 21 killed and 47
    # wounded", "the toll had reached 17")
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?)\s+(?:dead|killed|wounded|injured)\b"
    r"|\btoll\s+(?:\w+\s+){0,2}?(?:at|to|of|reached)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\w+teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?)\b",
    re.I,
)


# a place a sentence names as where something happened, before whoever says so: "attacked Eringeti", "on a gang base
# in Tabarre" (not "killed, the chairman ... told journalists in Maiduguri")
_SAID_CUT = rx.compile(r"\b(?:said|says|told|tells|[Aa]ccording|reported|confirmed|claimed|claims)\b")
_AT_A_NAME = rx.compile(
    r"\b(?:in|at|near|on|outside|into|attacked|raided|struck|hit|shelled|bombed|stormed)\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}?([A-Z][\w'’-]+)"
)
_NOT_A_PLACE_WORD = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december"
    # (the tongues a text is written in: "as the road signs in Russian still spell it")
    " russian ukrainian arabic english french spanish portuguese turkish persian armenian azerbaijani hebrew"
    " quechua aymara pashto dari urdu farsi kurdish hausa swahili somali amharic tigrinya burmese tamil sinhala hindi"
    " bengali punjabi chechen georgian kinyarwanda lingala wolof fula tagalog thai".split()
)


def _placed_elsewhere(clean: str, sent: Sentence, home_key: str) -> bool:
    """Whether ``sent``, up to whoever it says spoke, names as where something happened a capitalised name that is
    not the dateline's town (``home_key``)."""
    cut = _SAID_CUT.search(clean, sent.start, sent.end)
    end = cut.start() if cut is not None else sent.end
    for m in _AT_A_NAME.finditer(clean, sent.start, end):
        word = m.group(1)
        if end - m.end() < 25 and cut is not None:
            continue  # whoever says so, and where: "..., a provincial spokesman in Lashkar Gah said"
        if word.lower() not in _NOT_A_PLACE_WORD and not home_key.startswith(name_key(word)):
            if _HOSPITAL_BEFORE.search(clean, max(sent.start, m.start(1) - 60), m.start(1)):
                continue  # where the wounded were taken: "transferred to Beilinson Hospital in Petah Tikva"
            if _STREET_AFTER.match(clean, m.end()):
                continue  # (a street of the town: "at the stop on Weizmann Street")
            return True
    return False


# (or a square, a market or a crossing of it: "at Lal Chowk", "near Hamidiye Bazaar", "at Kalma Chowk"; or a building of
# it, by its name: "outside the Bay Hotel", "at the Grand Mosque")
_STREET_AFTER = rx.compile(
    r"(?:\s+[A-Z][\w'’-]*)?\s+(?:Street|Road|Avenue|Square|Boulevard|Lane|Highway|Chowk|Bazaar|Market|Circle|"
    r"Roundabout|Junction|Plaza|Hotel|Mosque|Church|Cathedral|School|Bank|Stadium|Cinema|"
    r"Restaurant|Caf[eé]|Mall|Hospital|Hall)\b"
)
_HOSPITAL_BEFORE = rx.compile(
    r"(?i:hospitals?|clinics?|medical\s+cent(?:er|re)s?)\b[^.;,]{0,30}?\b(?:in|at)\s+(?:the\s+)?$"
)


# what a sentence of a report of drones brought down says when one of them did harm: "debris fell on a house",
# "a drone hit a substation", "achieving direct hits", "two people were injured"
_HIT_OR_HARMED = rx.compile(
    r"\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring|hurt|damaged|damaging|caught\s+fire|ablaze|"
    r"fire\s+broke\s+out|hit|hits|struck|fell\s+on(?:to)?|crashed\s+(?:into|on)|landed\s+on)\b",
    re.I,
)
# what a sentence of a report of a trial says of the killings tried: what the prosecution, the charges or the court
# say of them, or "that attack" the trial is over
_TRIED = rx.compile(
    r"\b(?:prosecut\w*|indictment|indicted|charge\s+sheet|charged|accused\s+of|the\s+court\s+(?:found|heard|said|ruled)|"
    r"the\s+judges?\s+(?:found|said|ruled)|(?:that|the\s+same)\s+(?:attack|bombing|blast|shelling|strike|massacre|raid|"
    # (or the dead of the attack tried, by its article: "whose husband, a police sergeant, died in the blast")
    r"ambush)|(?:died|killed|wounded|injured|hurt)\s+in\s+the\s+(?:attack|bombing|blast|explosion|shelling|strike|"
    r"massacre|raid|ambush))\b",
    re.I,
)

# a dateline in capitals: "TARMIYAH, Iraq -", "PUL-I-KHUMRI, Afghanistan -", "MAFA, Nigeria -"
_DATELINE_OPENING = rx.compile(
    rf"\s*(?P<town>[{UPPER}][{UPPER}'’.-]+(?:[ -][{UPPER}][{UPPER}'’.-]+){{0,3}})\s*(?:,|\(|[-–—:])"
)
_OPENING_PARAGRAPHS = 1  # the paragraphs (counted from 0) a dateline's story tells its attack in
# how far from its dateline's town a town a feature's headline names may lie and be the one it is about (a story filed
# from a refugee camp across a border may be about a town in the country it fled)
FEATURE_REACH_KM = 500
# a feature datelined in a city this big was filed from it, unless its headline names it
FILED_FROM_POPULATION = 500_000
# how far down a feature's dateline may stand, after its headline, standfirst, byline (and a web page's own lines)
_DATELINE_SENTENCES = 10
# a dateline in capitals with its province or a dash: "BELEDWEYNE, Hiiraan region - ", "SHEBEKINO - "
# (or alone on its line: "BAIDOA, Somalia"; or with its date or its outlet and a colon or a full stop, as the press of
# South Asia and Russia's agencies write it: "SRINAGAR, June 10: ", "KURSK, 5 March. /TASS/. ")
_DATELINE_AT = rx.compile(
    # ("TAMBO, Ayacucho, Peru - August 1991": its province and its country)
    rf"(?P<town>[{UPPER}][{UPPER}'’.-]+(?:[ -][{UPPER}][{UPPER}'’.-]+){{0,3}})"
    r"(?:,\s+[A-Z0-9][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}){0,2}"
    # (its outlet: "SRINAGAR (KNO): ", "KURSK, 5 March. /TASS/. ")
    r"(?:[ \t]+\([^()\n]{1,40}\))?(?:\.?[ \t]+/[A-Z][\w -]{1,30}/)?"
    r"(?:\s+[-–—]\s|[ \t]*\n|(?<=[\d)]):[ \t]|(?<=[\d)/])\.[ \t])"
)
# what may follow a feature's dateline on its line: its date ("August 1991", "12 March 2024")
_DATE_ALONE = rx.compile(r"\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d\s*")
# the town a report is about, named by its kind: "in the centre of town", "the town's market"
# ("the old town", "the border town", "the port city": the same town, by what it is)
_THE_TOWN = rx.compile(
    r"\b(?:(?:the|this)\s+(?:(?:old|whole|entire|small|little|walled|besieged|border|frontline|front-line|coastal|"
    r"port|market|garrison|mountain|hill|riverside)\s+)?(?:town|city)(?:['’]s)?|(?:centre|center|heart)\s+of\s+town)\b",
    re.I,
)
# a name that people are of or from: "Residents of Barsalogho", "people from X" (not "in X, in the west of
# the city": a part of the town)
_OF_A_NAME = rx.compile(r"(?=[of])\b(?:of|from)\s+([A-Z][a-z][\w'’-]{2,})")
# (or in: "our people in Tamboul", the sentence before "the town")
_IN_A_NAME = rx.compile(r"(?=[ofi])\b(?:of|from|in)\s+([A-Z][a-z][\w'’-]{2,})")


# a town brought in by its kind, after its name: "X, a large town south-west of Y", "X, a mining and railway town"
_A_TOWN_AFTER = rx.compile(r",\s+(?:an?\s+)(?:[\w-]+\s+){0,3}?(town|city|village)\b(?![-\w])")
# "the village", of the village a story brought in by its kind (not "the village of X", which names it)
_THE_VILLAGE = rx.compile(r"\b(?:the|this)\s+village\b(?!\s+of\b|['’]s)", re.I)
_INTRODUCED_REACH = 6  # sentences back


def _introduced_town(
    clean: str, sentences: list[Sentence], mentions: list[Mention], si: int, the_town: re.Match[str]
) -> int | None:
    """The mention of the town that "the town" (or "the city", "the village": ``the_town``, in sentence ``si``)
    means when an earlier sentence brought one in by that kind ("families from X, a large town south-west of Y"):
    the last such, within a few sentences, and only when no other town is named between it and "the town"."""
    said = the_town.group(0).lower()
    kind = next((k for k in ("city", "village") if k in said), "town")
    lo = sentences[max(0, si - _INTRODUCED_REACH)].start
    starts = [s.start for s in sentences]
    found: int | None = None
    found_end = 0  # (the end of the sentence that brought it in)
    for i, m in enumerate(mentions):
        if m.cstart < lo:
            continue
        if m.cstart >= the_town.start():
            break
        p = m.place
        if not m.literal or p is None or p.feature_type not in POPULATED_TYPES:
            continue
        a = _A_TOWN_AFTER.match(clean, m.cend)
        if a is not None and a.group(1).lower() == kind:
            found, found_end = i, sentences[_sentence_of(starts, m.cstart)].end
        elif (
            found is not None
            and p.id != mentions[found].place.id  # type: ignore[union-attr]
            # (another town named after it, not a reference point in its own apposition: "X, a large town
            # south-west of Y")
            and m.cstart > found_end
        ):
            found = None
    return found


def _unknown_town_before(
    clean: str, start: int, end: int, mentions: list[Mention], idx: list[int], of_a_name: re.Pattern[str] = _OF_A_NAME
) -> bool:
    """Whether ``clean[start:end]`` names, after "of" or "from" (or the words ``of_a_name`` reads), a word that is
    no mention and no common word: a town no gazetteer has, which "the town" after it may mean."""
    for m in of_a_name.finditer(clean, start, end):
        a = m.start(1)
        if any(mentions[i].cstart <= a < mentions[i].cend for i in idx):
            continue
        if m.group(1).lower() not in common_words():
            return True
    return False


# a site of the town a report is about, named by a name no gazetteer has: "the siege at the Sahafi
# Hotel", "outside Data Darbar", "at the Dimaporo Gymnasium"
_NAMED_SITE = rx.compile(
    r"\b(?:at|outside|inside|near|on|in|into)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}"
    r"(?:Hotel|Mosque|Church|Cathedral|Shrine|Darbar|Temple|Synagogue|Market|Bazaar|Mall|School|University|"
    r"College|Academy|Gymnasium|Stadium|Airport|Station|Square|Club|Hall|Theatre|Theater|Cinema|Arena|Cafe|"
    r"Café|Restaurant|Junction|Roundabout|Street|Avenue|Road|Bridge|Embassy|Palace|Building|Tower|Plaza|Park)\b"
)


# the words of a spell of fighting, not of one blow ("during the fighting", "the clashes that followed")
_SPELL_WORDS = frozenset({"fighting", "clashes", "violence", "hostilities", "battle", "battles", "unrest", "war"})
# the article or a demonstrative just before an event word: an event already told
_DEFINITE_BEFORE = rx.compile(r"\b(?i:the|this|that|these|those)\s+(?:[\w-]+\s+)?$")


def _dateline_town(
    clean: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    by_sentence: list[list[int]],
    drafts: list[_Draft],
) -> tuple[int, int, bool] | None:
    """The mention of the town a story opens at in its dateline ("TARMIYAH, Iraq -"; a feature's, after its
    headline and byline: "BELEDWEYNE, Hiiraan region -"), and the paragraph of the dateline, when its attack may be
    that town's: no event placed but in a country, the town named again in the story, and no sentence of its
    opening that tells of violence placing it at another name ("BENI - Fighters attacked Eringeti", a name no
    gazetteer has). The third item says whether the mention is a town the story's head names instead."""
    if not sentences or not by_sentence:
        return None
    found = _dateline_match(clean, sentences)
    if found is None:
        return None
    dateline, at = found
    # (its capitals may be no mention of their own: then the story's first mention of that name)
    # (the town, not the province or country after it: "KANI, Sagaing Region", where Sagaing is a town too)
    word = name_key(dateline.group("town"))
    opening = next(
        (i for i in by_sentence[at] if mentions[i].cstart < dateline.end("town")),
        next((i for i, m in enumerate(mentions) if name_key(m.surface) == word), None),
    )
    place = mentions[opening].place if opening is not None else None
    if opening is None or place is None:
        return None
    if (
        place.feature_type not in POPULATED_TYPES
        and place.feature_type not in ("admin2", "district", "camp", "neighbourhood")  # (or "AL-MAWASI, Gaza Strip")
        # (a dateline names a town, one no gazetteer has among them: "EL AGUAJE, Michoacan -")
        and not (place.resolved_by == "context" and place.feature_type == "place")
    ):
        return None
    if _placed_finer(sentences, mentions, drafts, place, at):
        return None  # (an event placed finer than a country: "Somalia" is none)
    first = sentences[at].paragraph
    if (
        at
        and at + 1 < len(sentences)
        and (clean[dateline.end() - 1] == "\n" or _DATE_ALONE.fullmatch(clean, dateline.end(), sentences[at].end))
    ):
        # (a dateline alone on its line, or with only its date: "TAMBO, Ayacucho, Peru - August 1991"; the story
        # opens below it)
        first = sentences[at + 1].paragraph
    head = clean[: sentences[at].start] if at else ""
    top = head.split("\n", 1)[0].upper()  # (its headline, in whatever case it is written)
    story = _Opening(clean, sentences, mentions, by_sentence, dateline, at, first)
    headlined, scened = _headlined_town(story, opening, word)
    if headlined is not None:
        word = name_key(mentions[headlined].surface)
    elif head and _unknown_town_headlined(clean, sentences, at, first, top, word):
        return None  # (the same, where no gazetteer has that town: "Fishermen in Quissanga say ...")
    if any(
        _placed_elsewhere(clean, sentences[d.sentence], word)
        for d in drafts
        if first <= sentences[d.sentence].paragraph <= first + _OPENING_PARAGRAPHS
    ) or (
        # (a feature's opening paragraph that sets its scene at another name: "AL-ARISH, Egypt" over "The checkpoint on
        # the southern edge of Sheikh Zuweid was a cluster of sandbags")
        at
        and headlined is None
        and clean[dateline.end() - 1] == "\n"
        and any(
            _placed_elsewhere(clean, sentences[k], word)
            for k in range(at + 1, len(sentences))
            if sentences[k].paragraph == first
        )
    ):
        return None
    if headlined is not None:
        return headlined, first, not scened
    if _named_again(clean, sentences, mentions, drafts, opening, at, first):
        return opening, first, False
    return None


def _dateline_match(clean: str, sentences: list[Sentence]) -> tuple[re.Match[str], int] | None:
    """A story's dateline and the sentence it opens: the text's first line ("TARMIYAH, Iraq -"), or a feature's, the
    first sentence of a paragraph among its first ones, after its headline, standfirst and byline ("JISR AL-SHUGHUR,
    Idlib province - The crater has been filled")."""
    dateline = _DATELINE_OPENING.match(clean)
    if dateline is not None and not _headline_line(clean, dateline.start()):
        return dateline, 0
    # (not a feature's headline in capitals: "TORIBIO, UNDER THE MOUNTAIN")
    for k, sent in enumerate(sentences[:_DATELINE_SENTENCES]):
        if k and sent.paragraph != sentences[k - 1].paragraph and (found := _DATELINE_AT.match(clean, sent.start)):
            return found, k
    return None


def _placed_finer(
    sentences: list[Sentence], mentions: list[Mention], drafts: list[_Draft], place: Place, at: int
) -> bool:
    """Whether a draft event of the story's opening (a feature's: not the war around it told further down) is placed
    finer than a country, at a place other than the dateline's town ``place`` and what holds it."""
    return any(
        mentions[i].place.feature_type != "country"  # type: ignore[union-attr]
        # (nor, in a feature's headline or standfirst, the province that holds the town: "In an indigenous town in
        # Colombia's Cauca, a motorcycle bomb ..." over "TORIBIO, Cauca -")
        and not (d.sentence < at and contains(mentions[i].place, place))  # type: ignore[arg-type]
        # (nor, anywhere, the province that holds it: "ZOLOCHIV, Ukraine - ...", then "Moscow said it had hit a
        # target in the Kharkiv region but did not name the town")
        and not (mentions[i].place.feature_type == "admin1" and contains(mentions[i].place, place))  # type: ignore[union-attr,arg-type]
        # (nor the town itself: "a profile of one of those killed at a Kfar Saba bus stop")
        and mentions[i].place.id != place.id  # type: ignore[union-attr]
        # (nor, in a feature's head, a city it gives as a bearing near the town: "In a farming district south of
        # Algiers, armed men killed thirty-one villagers" over "LARBAA, Algeria")
        and not (
            d.sentence < at and pr == 2 and distance_km(mentions[i].place, place) <= TOWN_REACH_KM  # type: ignore[arg-type]
        )
        for d in drafts
        if not at or sentences[d.sentence].paragraph <= sentences[at].paragraph + _OPENING_PARAGRAPHS
        for i, pr in d.locations
    )


@dataclass(frozen=True)
class _Opening:
    """A story's dateline and the paragraph the story opens with, as the steps of ``_dateline_town`` read them."""

    clean: str
    sentences: list[Sentence]
    mentions: list[Mention]
    by_sentence: list[list[int]]
    dateline: re.Match[str]
    at: int  # the sentence the dateline opens
    first: int  # the paragraph the story opens with

    def named(self) -> Iterator[tuple[int, int]]:
        """Each mention of the opening paragraph after the dateline, with its sentence."""
        for k in range(self.at, len(self.sentences)):
            if self.sentences[k].paragraph == self.first:
                for i in self.by_sentence[k]:
                    if self.mentions[i].cstart >= self.dateline.end():
                        yield i, k


def _headlined_town(story: _Opening, opening: int, word: str) -> tuple[int | None, bool]:
    """The mention of the town a feature is about where that is not its dateline's (``opening``, whose name's key is
    ``word``), and whether it is only the one town its opening sets the scene in (no headline names it)."""
    clean, sentences, mentions, by_sentence = story.clean, story.sentences, story.mentions, story.by_sentence
    at, first = story.at, story.first
    place = mentions[opening].place
    assert place is not None
    head = clean[: sentences[at].start] if at else ""
    top = head.split("\n", 1)[0].upper()
    # (a feature's headline that names, in capitals, a town its opening sets the story in, not the dateline's: the
    # town the story is about: "QUISSANGA DOES NOT SLEEP" over "PEMBA, Mozambique ... Fishermen in Quissanga say")
    headlined = (
        None
        if not head or _names_in_head(head, mentions[opening].surface)
        else next(
            (
                i
                for k in range(at, len(sentences))
                if sentences[k].paragraph <= first
                for i in by_sentence[k]
                if mentions[i].literal
                and (p := mentions[i].place) is not None
                and p.id != place.id
                and (p.feature_type in POPULATED_TYPES or p.resolved_by == "context")
                and re.search(rf"\b{re.escape(mentions[i].surface.upper())}\b", top)
            ),
            None,
        )
    )
    scened = False
    if headlined is None and head:
        headlined, scened = _town_of_opening(story, place, word)
    if headlined is not None and distance_km(mentions[headlined].place, place) > FEATURE_REACH_KM:  # type: ignore[arg-type]
        # (a city far off, named for what it stands for: "Three years after Pretoria" over "MEKELLE")
        return None, False
    return headlined, scened


def _town_of_opening(story: _Opening, place: Place, word: str) -> tuple[int | None, bool]:
    """A town the headline or standfirst names and a feature's opening paragraph names again, not the dateline's
    ``place``; else the one town that opening sets its scene in (then the second item is true)."""
    clean, sentences, mentions, at = story.clean, story.sentences, story.mentions, story.at
    # (a town the headline or standfirst names and the opening names again, not the dateline's: "The rebels came to
    # Oicha for medicine" over "BENI, Democratic Republic of Congo", then "The health centre on the road into Oicha";
    # of two, the one brought in by its kind: "Shebekino, a Russian town six kilometres from the border" beside "THE
    # MORNING BUS TO BELGOROD")
    opening_mentions = [i for i, _ in story.named()]
    opened = {mentions[i].place.id for i in opening_mentions if mentions[i].place is not None}  # type: ignore[union-attr]
    opened_words = {name_key(mentions[i].surface) for i in opening_mentions}
    towns: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.cend > sentences[at].start:
            break
        if (
            m.literal
            and (p := m.place) is not None
            and p.id in opened
            and (p.feature_type in POPULATED_TYPES or p.feature_type in ("admin2", "district"))
        ):
            towns.setdefault(p.id, []).append(i)
    # (not the district named after the dateline's town: "In Congo's Beni territory" over "BENI, North Kivu")
    others = [ids for pid, ids in towns.items() if pid != place.id and name_key(mentions[ids[0]].surface) != word]
    kinded = [i for ids in others for i in ids if _A_TOWN_AFTER.match(clean, mentions[i].cend)]
    if len(kinded) == 1:
        return kinded[0], False
    if len(others) == 1 and place.id not in towns:
        return others[0][0], False
    if place.id in opened or word in opened_words:
        return None, False
    # (the one town a feature's opening sets its scene in, where its dateline's is not named: "The elders had been
    # sitting ... behind the Landi Kotal bazaar" under "PESHAWAR, May 2011"; not where a bus goes, nor a woman's name:
    # "The 7.40 to Lozova", "Noa Ben-Ami always took the 29 bus")
    # (and the only town it names: not "The camp at X ... families from Y, a large town south-west of Z")
    scene = {
        mentions[i].place.id: (i, k)  # type: ignore[union-attr]
        for i, k in story.named()
        if mentions[i].literal and mentions[i].place is not None and mentions[i].place.feature_type in POPULATED_TYPES  # type: ignore[union-attr]
    }
    if len(scene) == 1:
        i, k = next(iter(scene.values()))
        if link_of(clean, mentions[i].cstart, sentences[k].start) == "in":
            return i, True
    return None, False


def _unknown_town_headlined(clean: str, sentences: list[Sentence], at: int, first: int, top: str, word: str) -> bool:
    """Whether a feature's headline ``top`` names, in capitals, a town its opening paragraph sets the story at and no
    gazetteer has, not the dateline's (its name's key ``word``): "Fishermen in Quissanga say ..."."""
    head_words = set(top.split())
    return any(
        m.group(1).upper() in head_words
        and m.group(1).lower() not in _NOT_A_PLACE_WORD
        and not _STREET_AFTER.match(clean, m.end())  # ("THE BUS STOP ON SHEVCHENKO STREET")
        and not word.startswith(name_key(m.group(1)))
        for k in range(at, len(sentences))
        if sentences[k].paragraph == first
        for m in _AT_A_NAME.finditer(clean, sentences[k].start, sentences[k].end)
    )


def _named_again(
    clean: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    drafts: list[_Draft],
    opening: int,
    at: int,
    first: int,
) -> bool:
    """Whether the story is about its dateline's town (the mention ``opening``): named again in the story, or
    pointed to as where the attack was; a feature's town, in its headline or standfirst, not the capital it was
    filed from."""
    place = mentions[opening].place
    assert place is not None
    again = any(
        m.place is not None and m.place.id == place.id and m.cstart > mentions[opening].cend for m in mentions
    ) or any(
        # (or pointed to where the attack was, as a dateline's story does: "a grenade at the main market here")
        _here(clean, sentences[d.sentence])
        for d in drafts
        if not d.locations and first <= sentences[d.sentence].paragraph <= first + _OPENING_PARAGRAPHS
    )
    if not at:
        return again
    headed = {
        m.place.id
        for m in mentions
        if m.cend <= sentences[at].start
        and m.place is not None
        # (not a city named as where the story's place lies: "In the hills south of Algiers")
        and not _POINT_BEFORE.search(clean, max(0, m.cstart - 30), m.cstart)
        # (or a town no gazetteer has that the dateline names too: "MARKET DAY IN KANI" over "KANI, Sagaing Region")
        and (m.place.feature_type in POPULATED_TYPES or (m.place.resolved_by == "context" and m.place.id == place.id))
    }
    # (a city of a million the story was filed from, not the town it is about: "NIAMEY - ... the weekly market at
    # Banibangou")
    return place.id in headed or (again and not headed and place.population < FILED_FROM_POPULATION)


# a town a headline or standfirst names only as where another lies: "In the city of roses south of Algiers"
_POINT_BEFORE = rx.compile(r"\b(?:(?:north|south|east|west)\w*\s+of|near|outside|from)\s+$", re.I)


def _names_in_head(head: str, surface: str) -> bool:
    """Whether a story's head (its headline and standfirst) names the dateline's town (written ``surface``) as more
    than a point another place lies from: "A PROFILE OF ONE KILLED AT A KFAR SABA BUS STOP", not "south of Algiers"."""
    return any(
        not _POINT_BEFORE.search(head, max(0, m.start() - 30), m.start())
        for m in re.finditer(rf"\b{re.escape(surface)}\b", head, re.I)
    )


# "here" in a dateline's story: the dateline's town ("hurled a grenade at the main market here"); not where something
# was said or met ("officials said here on Monday that ...", "at a news conference here")
_HERE = rx.compile(r"\bhere\b(?!\s+(?:is|are|and\s+there)\b)")
_SAID_BEFORE_HERE = rx.compile(
    r"\b(?:said|say|says|told|announced|stated|reported|added|declared|conference|briefing|meeting|talks|visit|summit|"
    r"ceremony|rally|statement|interview)\s+(?:\w+\s+)?$"
)


def _here(clean: str, sent: Sentence) -> bool:
    """Whether a sentence points with "here" to the place it was written in, where its event happened."""
    if clean.find("here", sent.start, sent.end) < 0:
        return False
    return any(
        not _SAID_BEFORE_HERE.search(clean, max(sent.start, m.start() - 30), m.start())
        for m in _HERE.finditer(clean, sent.start, sent.end)
    )


def _headline_line(clean: str, start: int) -> bool:
    """Whether the line at ``start`` is all capitals and more lines follow: a headline, not a dateline."""
    end = clean.find("\n", start)
    return end > 0 and not any(c.islower() for c in clean[start:end]) and bool(clean[end:].strip())


def _town_of_report(
    clean: str, sentences: list[Sentence], mentions: list[Mention], by_sentence: list[list[int]]
) -> int | None:
    """The mention of the one town the report's headline and dateline name, if they name one: its first two
    sentences, or down to its dateline where one stands lower (a web page's own lines between: "By Staff |
    Published ...", a photo's caption)."""
    found: dict[str, int] = {}
    lead = next(
        (
            k + 1
            for k in range(2, min(_DATELINE_SENTENCES, len(sentences)))
            if sentences[k].paragraph != sentences[k - 1].paragraph and _DATELINE_AT.match(clean, sentences[k].start)
        ),
        2,
    )
    for si in range(min(lead, len(sentences))):
        for i in by_sentence[si]:
            p = mentions[i].place
            if mentions[i].literal and p is not None and p.feature_type in POPULATED_TYPES:
                if (
                    p.population >= FILED_FROM_POPULATION
                    and mentions[i].cstart == sentences[si].start
                    and _DATELINE_OPENING.match(clean, sentences[si].start)
                    and any(
                        (q := mentions[j].place) is not None and q.feature_type != "country" and q.id != p.id
                        for j in by_sentence[si]
                    )
                ):
                    continue  # (a big city the story was filed from: "BANGKOK, Feb 5 - ... a market in Mindat")
                found.setdefault(p.id, i)
    return next(iter(found.values())) if len(found) == 1 else None


_OWN_DATE_REACH = 40  # how far before its word an earlier event's own date may stand ("the 28 January attack on")


_THIS_WEEK = rx.compile(
    r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night|overnight|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)


def _dated_to_a_day(sentence: str) -> bool:
    """Whether a sentence gives a day ("on 14 September", "on Tuesday", "yesterday"): a month or a
    year alone is no date ``find_dates`` finds."""
    return bool(find_dates(sentence))


def _dated_heading(clean: str, sentences: list[Sentence], k: int) -> bool:
    """Whether the sentence before sentence ``k`` is a heading (a line with no closing stop) that gives a day."""
    if k == 0:
        return False
    head = clean[sentences[k - 1].start : sentences[k - 1].end].rstrip()
    return len(head) <= _HEADING_LENGTH and not head.endswith((".", "!", "?", '"', "”")) and _dated_to_a_day(head)


_HEADING_LENGTH = 120  # a dated heading of an item in a digest is a line this long at most


def _told_next(clean: str, sentences: list[Sentence], k: int, told: Searcher) -> bool:
    """Whether the sentence after sentence ``k``, in its paragraph, tells what ``told`` finds (its harm)."""
    if k + 1 >= len(sentences) or sentences[k + 1].paragraph != sentences[k].paragraph:
        return False
    return told.search(clean, sentences[k + 1].start, sentences[k + 1].end) is not None


def _has_victims(clean: str, sent: Sentence) -> bool:
    return _VICTIMS.search(clean, sent.start, sent.end) is not None


# ----------------------------------------------------------------------------- casualty figures


def attach_claims(
    claims: list[Claim],
    spans: list[ClaimSpan],
    events: list[Event],
    sentences: list[Sentence],
    found_in: list[list[Trigger]],
    mentions: list[Mention],
) -> list[Claim]:
    """Each claim with the places and type of the event it describes (``spans``: the claim's
    sentence index, the clean span of its figure and whether it is a part by place), or none.

    A part by place ("..., including nine in Nabatieh") covers the struck places its own
    words name; the whole it is part of, and every other claim of that event, covers the
    event's other places: nine people killed in Nabatieh are not 22.  A claim of an event that
    sums up others covers their places only when none has a toll of its own (``_wholes_apart``).
    """
    if not events:
        return claims
    by_sentence: dict[int, list[Event]] = {}
    starts = [s.start for s in sentences]
    for e in events:
        by_sentence.setdefault(_sentence_of(starts, e.sentence[0]), []).append(e)
    struck = [m for m in mentions if m.role == "struck" and m.place]
    part_places = {  # claim index -> the struck places its words name, for the parts by place
        k: _places_in(struck, fs, fe) for k, (_, fs, fe, part) in enumerate(spans) if part
    }
    parted: dict[int, set[str]] = {}  # sentence -> the places its parts by place cover
    for k, places in part_places.items():
        parted.setdefault(spans[k][0], set()).update(places)

    # a toll that a whole split by place gives again ("Israeli strikes kill 22" over the lead's
    # "killed at least 22 ..., including nine in Nabatieh") is that whole
    split_tolls: dict[int, set[int]] = {}  # killed_min -> sentences whose whole, of that toll, has parts
    for c, (si, _, _, part) in zip(claims, spans, strict=True):
        if not part and si in parted and c.killed_min is not None:
            split_tolls.setdefault(c.killed_min, set()).add(si)

    def covered(main: list[Event], c: Claim) -> list[str]:
        sents = {_sentence_of(starts, e.sentence[0]) for e in main} | split_tolls.get(c.killed_min or -1, set())
        split = {p for si in sents for p in parted.get(si, ())}
        return [p for p in dict.fromkeys(p for e in main for p in e.places) if p not in split]

    single = len({ev.places for ev in events}) == 1
    described = {si for si, found in enumerate(found_in) if found}
    out = []
    told: list[Event | None] = []  # the event each claim of ``out`` was given, if one
    for k, (c, (si, fs, _, _)) in enumerate(zip(claims, spans, strict=True)):
        told.append(None)
        ev: Event | None = None
        own = by_sentence.get(si)
        near = min(found_in[si], key=lambda t: abs(t.start - fs)) if found_in[si] else None
        if near is not None and near.recalled and not any(e.recalled for e in own or ()):
            # the toll of an earlier event the report looks back on and does not map ("memories of
            # the 2023 killings that left close to 200 dead"): no toll of this report's events
            out.append(replace(c, places=[]) if c.places else c)
            continue
        if own and c.aside == "an earlier event" and near is not None and near.recalled:
            # the toll of an earlier event its sentence dates to its day, and so mapped ("in response
            # to last Sunday's drone attack on Tower 22, which killed three soldiers"): that event's
            then = [e for e in own if e.recalled]
            if then:
                c = replace(c, aside="")
                own = then
        if own:
            ev = min(own, key=lambda e: abs(e.trigger[0] - fs))
        elif si in described and _SEPARATE_OPENING.match(c.quote):
            pass  # "Separately, a drone strike near X killed ...": another event, one this article could not place
        else:
            para = sentences[si].paragraph
            for back in range(si - 1, max(-1, si - 4), -1):
                if back in by_sentence and sentences[back].paragraph == para:
                    ev = by_sentence[back][-1]
                    break
            if ev is None and single:
                ev = events[0]
            if ev is None and _TOLL_RISEN.search(c.quote):
                # "the death toll in Majz had risen to 15": the event of the place it names, else the lead's
                named = set(_places_in(mentions, sentences[si].start, sentences[si].end))
                theirs = [e for e in events if not e.recalled and named & set(e.places)]
                ev = min(theirs, key=lambda e: len(e.places)) if theirs else None  # the one of that place alone
                if ev is None:
                    ev = next((e for e in sorted(events, key=lambda e: e.sentence[0]) if not e.recalled), None)
            if ev is None and si in described:  # "killed in the bombings": the article's main event
                main = [e for e in events if e.date_ref is None] or events
                if si == 0:  # a headline's toll is its lead's: "Zaporizhzhia: glide bombs kill three"
                    main = [min(events, key=lambda e: e.sentence[0])]
                out.append(replace(c, places=covered(main, c), event_type=type_of_events(main)) if not c.aside else c)
                told[-1] = main[0] if len(main) == 1 else None
                continue
        if ev is None or c.aside:
            out.append(replace(c, places=[]) if c.places else c)
            continue
        if k in part_places:
            places = part_places[k]
        else:
            places = covered([ev], c)
            if own and len(places) > 1:
                places = _of_clause(places, struck, sentences[si], c.quote, fs) or places
        out.append(replace(c, places=places, event_type=ev.event_type))
        told[-1] = ev
    return _wholes_apart(out, told, events, struck)


# a sentence that turns to another event: "Separately, ...", "In a separate attack, ..."
_SEPARATE_OPENING = rx.compile(
    r"\s*(?:Separately|Elsewhere|In\s+(?:a\s+)?(?:separate|another|other)\s+(?:[\w-]+\s+)?(?:incidents?|attacks?|"
    r"strikes?|developments?|raids?))\b"
)
# a toll revised in a sentence that tells of no event: the event of a place it names, else the article's
# lead event's
_TOLL_RISEN = rx.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|perished|victims|fatalities|martyrs))\b[^.;]{0,40}?\b"
    r"(?:had\s+|has\s+)?(?:risen|rose|rises|climbed|reached|increased|jumped|grew|went\s+up|stood|stands)\b"
    # "residents had recovered 11 bodies in X"
    r"|\b(?:recovered|retrieved|pulled\s+out)\s+(?:\d+|[a-z]+)\s+(?:more\s+)?bodies\b"
    # "the ministry raised the toll to nine"
    r"|\b(?:raised|revised|updated)\s+(?:the\s+|its\s+)?(?:death\s+)?toll\b",
    re.I,
)


def _wholes_apart(
    claims: list[Claim], told: list[Event | None], events: list[Event], struck: list[Mention]
) -> list[Claim]:
    """The claims of events that sum up others (their sentences name none of their places, which
    other events name, no one of them all: "Israeli strikes across Gaza kill dozens" over a strike
    in Sheikh Radwan that killed seven and one in Khan Younis that killed four) cover none of
    those places when the article gives one of them a toll of its own: the whole is not the
    toll of each part.  (Without such tolls they cover them all: "The bombing campaign killed at
    least 16 people in Iraq" after the strikes on Akashat and Al-Qaim.)"""
    named = {e.seq: set(_places_in(struck, *e.sentence)) for e in events}

    def sums_up(e: Event) -> bool:
        mine = set(e.places)
        if named[e.seq] & mine or len(mine) < 2:
            return False
        # places no one event names together, though others name each of them
        return not any(mine <= named[o.seq] for o in events) and mine <= set().union(*named.values())

    wholes = {e.seq for e in events if sums_up(e)}
    if not wholes:
        return claims
    own_toll = {
        p
        for c, e in zip(claims, told, strict=True)
        if e is not None and e.seq not in wholes and (c.killed_min is not None or c.killed_max is not None)
        for p in c.places
    }
    return [
        replace(c, places=[]) if e is not None and e.seq in wholes and own_toll & set(c.places) else c
        for c, e in zip(claims, told, strict=True)
    ]


def _of_clause(places: list[str], struck: list[Mention], sent: Sentence, text: str, at: int) -> list[str]:
    """Those of ``places`` struck in the part of the sentence ``sent`` (its clean ``text``) that
    holds the figure at clean offset ``at``, up to where the sentence turns to another matter
    ("Israeli jets struck Natanz, while Iranian missiles slammed into Bat Yam, killing six")."""
    a, b = turn_part(text, at - sent.start)
    there = set(_places_in(struck, sent.start + a, sent.start + b))
    return [p for p in places if p in there]


def _places_in(mentions: list[Mention], start: int, end: int) -> list[str]:
    """The places (ids, once each, in text order) of the ``mentions`` in [start, end)."""
    return list(dict.fromkeys(m.place.id for m in mentions if m.place and start <= m.cstart < end))


def _sentence_of(starts: list[int], pos: int) -> int:
    """The index of the sentence (by their ``starts``) that holds position ``pos``."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def event_ref_of(events: list[Event]) -> DateRef | None:
    """The article's event date reference: the first date one of its own events' sentences gives
    (an earlier event it recalls does not date it)."""
    for ev in events:
        if ev.date_ref is not None and not ev.recalled:
            return ev.date_ref
    return None


__all__ = [
    "EVENT_TYPES",
    "Trigger",
    "attach_claims",
    "event_ref_of",
    "event_type_of",
    "find_events",
    "find_triggers",
    "triggers",
]
