"""Stage 5, sites: merge mentions across articles into one site per place and event.

Event dates
    Each article gets a strike date from the first sentence that reports a
    strike and gives a date ("early on 3 February", "on Sunday", "this Friday").
    Day-month dates and weekdays are resolved against the article's publication
    date, or, when it has none, against the latest date known for its *event
    group*: the articles that report a common struck place.  A struck mention
    whose own sentence gives a date ("an attack on Tower 22 ... on 28 January")
    keeps that date (a *strong* date); the others take the article's (weak).

Sites
    Mentions of one place with strong dates within ``SAME_EVENT_DAYS`` of each
    other form one site; weakly dated mentions join the nearest such site when it
    is within ``JOIN_DAYS``, and undated ones join when the place has exactly one
    site.  The June 2021 raids and the February 2024 strikes thus never share a
    site or a casualty figure.  ``site_id`` is ``<place id>@<event date>`` (or the
    place id alone for undated and merely mentioned places), stable across runs.

Casualty figures of a site (documented rule, after ACLED's "lowest credible
figure" and UCDP's low/high): ``killed_min`` is the lowest lower bound any claim
covering the site gives, ``killed_max`` the highest upper bound, or null when a
claim leaves it open ("at least 16").  Same for injured.  A report that gives the dead of
each side of a fight apart, in one sentence or the next ("killing 10 police officers. Five
attackers were killed"), gives their sum (15) as its figure.  A claim that covers
several sites is one claim listed on each with all its ``sites``; totals over
sites must count distinct claims, never sum the sites.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .models import Article, ArticleResult, Claim, Evidence, Mention, Place, Problem, RunResult, Site

SAME_EVENT_DAYS = 3
JOIN_DAYS = 14


@dataclass
class _Cluster:
    place: Place
    strong: list[date] = field(default_factory=list)
    weak: list[date] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def anchor(self) -> date | None:
        if self.strong:
            return min(self.strong)
        return min(self.weak) if self.weak else None


def _groups(results: list[ArticleResult]) -> dict[str, int]:
    """Union articles that report a common struck place: article id -> group number."""
    parent: dict[str, str] = {r.article.id: r.article.id for r in results}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_place: dict[str, list[str]] = defaultdict(list)
    for r in results:
        for m in r.mentions:
            if m.role == "struck" and m.place:
                by_place[m.place.id].append(r.article.id)
    for ids in by_place.values():
        for other in ids[1:]:
            parent[find(other)] = find(ids[0])
    roots: dict[str, int] = {}
    return {aid: roots.setdefault(find(aid), len(roots)) for aid in parent}


# the date a struck mention's own sentence gives, by (article id, start in the cleaned text)
MentionDates = dict[tuple[str, int], date | None]


def date_events(
    results: list[ArticleResult], event_refs: dict[str, object]
) -> tuple[dict[str, date | None], MentionDates]:
    """Resolve every article's strike date and every struck mention's date.

    ``event_refs`` maps article id to the DateRef of its first dated strike sentence.
    Returns article id -> event date, and the dates of the mentions whose sentence gives one.
    """
    from .dates import DateRef

    group = _groups(results)
    known: dict[int, list[date]] = defaultdict(list)
    for r in results:
        ref = event_refs.get(r.article.id)
        if r.article.published:
            known[group[r.article.id]].append(r.article.published)
        if isinstance(ref, DateRef) and ref.kind == "full" and ref.value:
            known[group[r.article.id]].append(ref.value)
    out: dict[str, date | None] = {}
    mention_dates: MentionDates = {}
    for r in results:
        aid = r.article.id
        anchor = r.article.published or (max(known[group[aid]]) if known[group[aid]] else None)
        ref = event_refs.get(aid)
        out[aid] = ref.resolve(anchor) if isinstance(ref, DateRef) else None
        for m in r.mentions:
            if m.date_ref is not None:
                mention_dates[(aid, m.cstart)] = m.date_ref.resolve(anchor)
    return out, mention_dates


def site_id(place_id: str, when: date | None) -> str:
    """A struck site's id: ``<place id>@<event date>``, or the place id alone when undated."""
    return f"{place_id}@{when.isoformat()}" if when else place_id


def _cluster_place(place: Place, items: list[tuple[Mention, date | None, date | None]]) -> list[_Cluster]:
    """items: (mention, strong date, weak date)."""
    clusters: list[_Cluster] = []
    for m, strong, _ in sorted((i for i in items if i[1]), key=lambda i: i[1] or date.min):
        assert strong is not None
        c = next(
            (c for c in clusters if c.strong and abs((strong - max(c.strong)).days) <= SAME_EVENT_DAYS),
            None,
        )
        if c is None:
            c = _Cluster(place)
            clusters.append(c)
        c.strong.append(strong)
        c.mentions.append(m)
    for m, _, weak in sorted((i for i in items if not i[1] and i[2]), key=lambda i: i[2] or date.min):
        assert weak is not None
        best = min(
            (c for c in clusters if c.anchor()),
            key=lambda c: abs((weak - c.anchor()).days),  # type: ignore[operator]
            default=None,
        )
        limit = JOIN_DAYS if best is not None and best.strong else SAME_EVENT_DAYS
        if best is None or abs((weak - best.anchor()).days) > limit:  # type: ignore[operator]
            best = _Cluster(place)
            clusters.append(best)
        best.weak.append(weak)
        best.mentions.append(m)
    undated = [i[0] for i in items if not i[1] and not i[2]]
    if undated:
        if len(clusters) == 1:
            clusters[0].mentions.extend(undated)
        else:
            c = _Cluster(place)
            c.mentions.extend(undated)
            clusters.append(c)
    return clusters


_Range = tuple[int | None, int | None]


def _span(ranges: Iterable[_Range]) -> _Range:
    """The lowest lower bound and the highest upper bound (None when one is left open)."""
    rel = [r for r in ranges if r != (None, None)]
    if not rel:
        return None, None
    mins = [a for a, _ in rel if a is not None]
    maxs = [b for _, b in rel if b is not None]
    return (min(mins) if mins else None), (max(maxs) if len(maxs) == len(rel) else None)


def _range(claims: Iterable[Claim], lo: str, hi: str) -> _Range:
    return _span((getattr(c, lo), getattr(c, hi)) for c in claims)


# the dead of the two sides of a fight, as one report gives them: the armed men who attacked or
# fought ("five attackers were killed") and the others ("killing 10 police officers")
_ARMED = frozenset(
    "attacker attackers assailant assailants gunman gunmen bomber bombers militant militants insurgent insurgents "
    "jihadist jihadists terrorist terrorists rebel rebels fighter fighters extremist extremists raider raiders".split()
)
_ANYONE = frozenset("people persons individuals victims members others other more dead".split())


def _side(victims: str | None) -> str | None:
    """ "armed", "others", or None (no victims said, anyone, or both sides)."""
    if not victims:
        return None
    heads = {part.split()[-1].lower() for part in victims.split(" and ") if part.split()}
    if heads & _ANYONE:
        return None
    sides = {"armed" if h in _ARMED else "others" for h in heads}
    return sides.pop() if len(sides) == 1 else None


def _killed(claims: list[Claim]) -> _Range:
    """A site's killed range: the span of its reports' figures, where a report that gives the dead
    of each side apart in one sentence or the next ("killing 10 police officers. Five attackers
    were killed") gives their sum (15), not two figures to choose from."""
    ranges: list[_Range] = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.killed_min is not None or c.killed_max is not None:
            by_article[c.article].append(c)
    for own in by_article.values():
        summed: set[int] = set()
        others = [c for c in own if _side(c.victims) == "others"]
        for a in (c for c in own if _side(c.victims) == "armed"):
            o = next((o for o in others if id(o) not in summed and _together(a, o)), None)
            if o is not None:
                summed |= {id(a), id(o)}
                lo = (a.killed_min or 0) + (o.killed_min or 0)
                ranges.append(
                    (lo, None if a.killed_max is None or o.killed_max is None else a.killed_max + o.killed_max)
                )
        ranges += [(c.killed_min, c.killed_max) for c in own if id(c) not in summed]
    return _span(ranges)


def _together(a: Claim, b: Claim) -> bool:
    """Whether two claims are of one sentence or of two that follow each other."""
    return a.start == b.start or 0 <= b.start - a.end <= 3 or 0 <= a.start - b.end <= 3


def struck_sites(
    results: list[ArticleResult], article_dates: dict[str, date | None], mention_dates: MentionDates
) -> tuple[list[Site], dict[tuple[str, str], str]]:
    """The sites of the struck places, in sites.geojson order, and (article, place id) -> site id.

    Only the struck mentions of ``results`` are read, dated as ``date_events`` says.
    """
    by_id: dict[str, ArticleResult] = {r.article.id: r for r in results}
    struck_items: dict[str, list[tuple[Mention, date | None, date | None]]] = defaultdict(list)
    places: dict[str, Place] = {}
    for r in results:
        for m in r.mentions:
            if m.role == "struck" and m.place:
                places[m.place.id] = m.place
                own = mention_dates.get((r.article.id, m.cstart))
                struck_items[m.place.id].append((m, own, article_dates.get(r.article.id)))
    sites: list[Site] = []
    site_of: dict[tuple[str, str], str] = {}  # (article, place id) -> site id
    for pid, items in struck_items.items():
        for c in _cluster_place(places[pid], items):
            when = c.anchor()
            sid = site_id(pid, when)
            site = Site(
                site_id=sid,
                place=places[pid],
                role="struck",
                event_date=when.isoformat() if when else None,
            )
            for m in sorted(c.mentions, key=lambda m: (m.article, m.cstart)):
                site_of.setdefault((m.article, pid), sid)
                _add_mention(site, m, by_id[m.article])
            sites.append(site)
    sites.sort(key=lambda s: (s.event_date or "9999", s.place.name, s.site_id))
    return sites, site_of


def place_claims(sites: list[Site], claims: Iterable[Claim], site_of: dict[tuple[str, str], str]) -> None:
    """Give each claim the sites of its covered places (the site holding that article's
    mention of each), list it on them, and set the sites' casualty ranges."""
    by_id = {s.site_id: s for s in sites}
    for claim in claims:
        claim.sites = sorted({site_of[(claim.article, pid)] for pid in claim.places if (claim.article, pid) in site_of})
        for sid in claim.sites:
            by_id[sid].claims.append(claim)
    for s in sites:
        s.killed_min, s.killed_max = _killed(s.claims)
        s.injured_min, s.injured_max = _range(s.claims, "injured_min", "injured_max")


class Mentioned:
    """The sites of places mentioned (literally), gathered from articles fed one at a time.

    Which of the places are struck somewhere is known only once every article is in, so
    every literally mentioned place is gathered and the struck ones are left out at the end.
    """

    def __init__(self) -> None:
        self._sites: dict[str, Site] = {}

    def add(self, r: ArticleResult) -> None:
        """One more article; they come in article id order (so an article already listed
        on a site is its last one)."""
        aid, outlet = r.article.id, r.article.outlet
        for m in r.mentions:
            if not m.literal or not m.place:
                continue
            site = self._sites.get(m.place.id)
            if site is None:
                site = self._sites[m.place.id] = Site(site_id=m.place.id, place=m.place, role="mentioned")
            if m.surface not in site.names_seen:
                site.names_seen.append(m.surface)
            if not site.articles or site.articles[-1] != aid:
                site.articles.append(aid)
            if outlet and outlet not in site.outlets:
                site.outlets.append(outlet)

    def sites(self, struck: Iterable[Site]) -> list[Site]:
        """The places never struck, by name."""
        gone = {s.place.id for s in struck}
        return sorted((s for pid, s in self._sites.items() if pid not in gone), key=lambda s: s.place.name)


def _add_mention(site: Site, m: Mention, result: ArticleResult) -> None:
    article = result.article
    if m.event_type is not None and m.event_type not in site.event_types:
        site.event_types.append(m.event_type)
        site.event_types.sort()
    if m.precision is not None and (site.geo_precision is None or m.precision < site.geo_precision):
        site.geo_precision = m.precision
    if m.surface not in site.names_seen:
        site.names_seen.append(m.surface)
    if article.id not in site.articles:
        site.articles.append(article.id)
    if article.outlet and article.outlet not in site.outlets:
        site.outlets.append(article.outlet)
    if m.evidence:
        q = result.quote(m.evidence)
        if not any(ev.article == article.id and ev.start == q.start for ev in site.evidence):
            trigger = result.quote(m.trigger).text if m.trigger is not None else None
            site.evidence.append(Evidence(article.id, q.text, q.start, q.end, trigger=trigger, event_type=m.event_type))


def assemble(results: Iterable[ArticleResult], problems: list[Problem], *, in_order: bool = False) -> RunResult:
    """Sites stage, from analysed articles: event dates, sites, claims on sites (no output).

    ``in_order``: ``results`` come sorted by article id, so they are read as they come
    (a stream from the store, say) and of each only what the sites need is kept: its
    article (lean ones hold no texts), claims, struck mentions and the places it names.
    """
    if not in_order:
        results = sorted(results, key=lambda r: r.article.id)
    articles: list[Article] = []
    dates: dict[str, date | None] = {}
    struck: list[ArticleResult] = []  # the articles reporting a struck place, with only those mentions
    claims: list[Claim] = []
    mentioned = Mentioned()
    unresolved: dict[str, list[str]] = {}
    for r in results:
        a = r.article
        articles.append(a)
        hits = [m for m in r.mentions if m.role == "struck" and m.place]
        if hits:
            # dated below, with the other articles that report the same places (its event group)
            struck.append(ArticleResult(a, hits, [], [], r.event_ref, quotes=r.quotes))
            dates[a.id] = None
        else:  # a group of its own
            dates[a.id] = date_events([r], {a.id: r.event_ref})[0][a.id]
        claims += r.claims
        mentioned.add(r)
        for name in r.unresolved:
            lst = unresolved.setdefault(name, [])
            if a.id not in lst:
                lst.append(a.id)
    struck_dates, mention_dates = date_events(struck, {r.article.id: r.event_ref for r in struck})
    dates.update(struck_dates)
    sites, site_of = struck_sites(struck, dates, mention_dates)
    place_claims(sites, claims, site_of)
    sites += mentioned.sites(sites)
    return RunResult(
        articles=articles,
        sites=sites,
        claims=claims,
        unresolved=unresolved,
        problems=problems,
        event_dates={k: v.isoformat() if v else None for k, v in dates.items()},
    )


MentionKey = tuple[str | None, str, str, bool]  # a mention's place id, name as written, role, literal


def kept_mentions(mentions: Iterable[MentionKey]) -> list[int]:
    """Which of an article's mentions the sites read (their indices): the struck ones, and of
    the literal mentions of a place the first under each name (``lean_result``; the store
    reads no other when it rebuilds the sites)."""
    out: list[int] = []
    named: set[tuple[str, str]] = set()  # (place id, name as written) of the literal mentions kept
    for i, (place, surface, role, literal) in enumerate(mentions):
        if place is None:
            continue
        if role == "struck" or (literal and (place, surface) not in named):
            out.append(i)
        if literal:
            named.add((place, surface))
    return out


def lean_result(result: ArticleResult) -> ArticleResult:
    """The same result with what ``assemble`` needs of it: the article's metadata and the
    quoted evidence sentences (not its texts), the claims, and of the mentions those the
    sites read: the struck ones, and of the literal mentions of a place the first under
    each name.  The sites and outputs are the same as from the full result.
    """
    a = result.article
    keys = ((m.place.id if m.place is not None else None, m.surface, m.role, m.literal) for m in result.mentions)
    mentions = [result.mentions[i] for i in kept_mentions(keys)]
    spans = {m.evidence for m in mentions if m.evidence is not None} | {m.trigger for m in mentions if m.trigger}
    article = a.without_texts()
    quotes = {span: result.quote(span) for span in spans}
    return ArticleResult(article, mentions, result.claims, result.unresolved, result.event_ref, quotes=quotes)
