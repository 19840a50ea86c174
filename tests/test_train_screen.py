"""``scripts/train_screen.py``: how the screen's weights are learned (on rows made up here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from mapper.events.screen import Screen

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_screen.py"


@pytest.fixture(scope="module")
def trainer():
    spec = importlib.util.spec_from_file_location("train_screen", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_screen"] = mod
    spec.loader.exec_module(mod)
    return mod


def _rows(n: int) -> list[dict]:
    rows = []
    for i in range(n):
        rows.append(
            {"set": "A" if i % 2 else "B", "label": 1, "features": ["bias", "w:shelled", "w:placex", f"w:x{i % 7}"]}
        )
        rows.append(
            {"set": "A" if i % 2 else "B", "label": 0, "features": ["bias", "w:vowed", "w:placex", f"w:x{i % 5}"]}
        )
    return rows


def test_a_word_only_in_reports_of_no_attack_learns_a_weight_against(trainer, tmp_path: Path) -> None:
    weights, _ = trainer.fit(_rows(40), 1.0)
    assert weights["w:vowed"] < 0 < weights["w:shelled"]
    out = tmp_path / "w.json"
    out.write_text(trainer.weights_file(weights, 0.4, {"source": "made up"}), encoding="utf-8")
    screen = Screen.from_file(out)
    assert screen.threshold == 0.4
    assert screen.keep(["bias", "w:shelled", "w:placex"], []) and not screen.keep(["bias", "w:vowed", "w:placex"], [])
    assert json.loads(out.read_text(encoding="utf-8"))["source"] == "made up"


def test_a_wrong_province_in_a_report_of_an_attack_is_not_learned_from(trainer) -> None:
    rows = [
        {"label": 0, "attack": True, "coarse": True, "features": []},  # yields to the report's town
        {"label": 0, "attack": False, "coarse": True, "features": []},  # a report of no attack: wrong
        {"label": 0, "attack": True, "coarse": False, "features": []},
        {"label": 1, "attack": True, "coarse": True, "features": []},
    ]
    assert trainer.usable(rows) == rows[1:]


def test_gold_places_match_as_the_scorer_folds_them(trainer) -> None:
    assert trainer.matches({trainer.fold("Al-Bukamal")}, {trainer.fold("Bukamal")})
    assert trainer.matches({trainer.fold("Kherson")}, {trainer.fold("Kherson Oblast")})
    assert not trainer.matches({trainer.fold("Kyiv")}, {trainer.fold("Kharkiv")})


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_training_data_gives(trainer, tmp_path: Path) -> None:
    """Learning again from data/screen gives the shipped screen's decisions (on at least 99% of
    the drafts and sentences it learned from): the weights belong to these features and data."""
    root = SCRIPT.parents[1]
    drafts, sentences = tmp_path / "d.jsonl", tmp_path / "s.jsonl"
    trainer.collect(sorted((root / "data" / "screen" / "reports").glob("*.jsonl")), drafts)
    trainer.collect_sentences(sorted((root / "data" / "screen" / "sentences").glob("*.jsonl")), sentences)
    rows = trainer.read(drafts) + trainer.read(sentences)
    assert len(rows) > 2000
    weights, _ = trainer.fit(rows, 1.0)
    shipped = Screen.from_file(root / "mapper" / "events" / "screen.json")
    learned = Screen(weights, shipped.threshold)
    agree = sum(learned.keep(r["features"], []) == shipped.keep(r["features"], []) for r in rows)
    assert agree >= 0.99 * len(rows)
