"""``mapper evaluate``: score extraction against a gold JSON-lines file (GWN/LGL format)."""

from __future__ import annotations

from typing import Any

import click

from .options import build_pipeline, config_options

EPILOG = """\b
Examples:
  mapper evaluate ../shared/eval/gwn.jsonl
  mapper evaluate ../shared/eval/gwn.jsonl --literal-only
  mapper evaluate ../shared/eval/lgl.jsonl --json
"""


@click.command(epilog=EPILOG)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--literal-only",
    is_flag=True,
    help="Score literal toponyms only: our non-literal predictions are dropped, and a literal prediction "
    "on a gold non-literal use counts as a false positive.",
)
@click.option(
    "--all-gold",
    is_flag=True,
    help="Also count gold toponyms without coordinates (default: only those with coordinates, as the "
    "published figures were computed).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@config_options
def evaluate(
    gold: str,
    literal_only: bool,
    all_gold: bool,
    as_json: bool,
    config: Any,
) -> None:
    """Score extraction against a gold JSON-lines file (GWN/LGL format).

    Runs extraction over the gold texts, matches predicted and gold toponyms
    (same surface, span midpoints < 10 characters apart) and prints precision,
    recall, F1, accuracy@161 km, mean and median error and AUC.  Online
    geocoding is off unless --geocoder-url is given: a benchmark run must not
    hammer a public service.
    """
    import json

    from ..evaluate import load_jsonl, predict, score

    try:
        docs = load_jsonl(gold)
    except (ValueError, OSError) as exc:
        raise click.BadParameter(f"{gold}: {exc}", param_hint="GOLD") from None
    geo = config.geocoder
    pipe = build_pipeline(config, offline=geo.offline or not geo.url)
    preds = predict(docs, pipe, literal_only=literal_only)
    res = score(docs, preds, literal_only=literal_only, nonliteral_as_fp=literal_only, coords_only=not all_gold)
    if as_json:
        click.echo(json.dumps(res, indent=1))
        return
    rows = [
        ("articles", res["articles"]),
        ("gold toponyms", res["gold"]),
        ("predicted", res["predicted"]),
        ("precision", f"{res['precision']:.3f}"),
        ("recall", f"{res['recall']:.3f}"),
        ("F1", f"{res['f1']:.3f}"),
        ("accuracy@161 km", "n/a" if res["acc161"] is None else f"{res['acc161']:.3f}"),
        ("mean error km", "n/a" if res["mean_km"] is None else f"{res['mean_km']:.1f}"),
        ("median error km", "n/a" if res["median_km"] is None else f"{res['median_km']:.1f}"),
        ("AUC", "n/a" if res["auc"] is None else f"{res['auc']:.3f}"),
    ]
    for k, v in rows:
        click.echo(f"  {k:<16} {v}")
