"""What a run says about itself: the counts of the summary, the map's title block, report.json."""

from __future__ import annotations

import os
from typing import Any

from ..models import RunResult


def counts(result: RunResult) -> dict[str, Any]:
    struck = [s for s in result.sites if s.role == "struck"]
    return {
        "articles": len(result.articles),
        "sites_struck": len(struck),
        "sites_mentioned": len(result.sites) - len(struck),
        "claims": len(result.claims),
        "claims_placed": sum(1 for c in result.claims if c.sites),
        "unresolved": len(result.unresolved),
        "problems": sum(1 for p in result.problems if p.skipped),
        "warnings": sum(1 for p in result.problems if not p.skipped),
        "not_in_english": sum(1 for a in result.articles if a.language not in (None, "en")),
    }


def run_info(result: RunResult) -> dict[str, Any]:
    """What the map's title block shows (casualty figures are never summed across claims)."""
    from datetime import UTC, datetime

    c = counts(result)
    # SOURCE_DATE_EPOCH (reproducible-builds.org) pins the date for reproducible maps
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return {
        "run_date": when.strftime("%Y-%m-%d %H:%M UTC"),
        "articles": c["articles"],
        "totals": {
            "casualty claims": f"{c['claims']} ({c['claims_placed']} placed on sites)",
            "names unresolved": c["unresolved"],
            "files skipped": c["problems"],
        },
    }


def report(result: RunResult) -> dict[str, Any]:
    return {
        "counts": counts(result),
        "problems": [
            {"path": p.path, "line": p.line, "message": p.message, "skipped": p.skipped} for p in result.problems
        ],
        "unresolved": result.unresolved,
        "claims_without_site": [
            {
                "article": c.article,
                "quote": c.quote,
                "killed_min": c.killed_min,
                "injured_min": c.injured_min,
            }
            for c in result.claims
            if not c.sites
        ],
        "event_dates": result.event_dates,
        # the analyst's corrections, and the site each fixed (null: its site is gone; kept)
        "corrections": [
            {
                "id": a.correction.id,
                "site_id": a.correction.site_id,
                "correction": a.correction.describe(),
                "made": a.correction.made,
                "applied_to": a.site_id,
            }
            for a in result.corrections
        ],
        # each article's language (ISO 639-1; null: unknown); events and tolls are read in English only
        "languages": {a.id: a.language for a in result.articles},
    }
