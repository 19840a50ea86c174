"""The events stage's learned screen: what it sees of a draft event, what it does with it, and the
weights file the package ships (``mapper.events.screen``).  Sentences written for these tests."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from mapper.config import PipelineConfig
from mapper.events.screen import ENV, Recorder, Screen, default_screen, draft_features, weights_path
from mapper.ingest import article_from_text
from mapper.models import Mention
from mapper.pipeline import Pipeline

PLACES = """id,name,aliases,lat,lon,feature_type,country,admin1,parent,geo_precision,population,source
t:kherson,Kherson,,46.64,32.61,city,UA,Kherson,,1,,test
t:bilozerka,Bilozerka,,46.63,32.39,town,UA,Kherson,,1,,test
t:kyiv,Kyiv,,50.45,30.52,city,UA,Kyiv,,1,,test
"""

TWO_SENTENCES = (
    "Russian shelling hit a market in Bilozerka on Tuesday morning, regional officials said. "
    "The wounded were taken to hospital."
)


class Refuse:
    def keep(self, features: Sequence[str], places: Sequence[Mention]) -> bool:
        return False


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gaz = tmp_path_factory.mktemp("gaz") / "places.csv"
    gaz.write_text(PLACES, encoding="utf-8")
    return gaz


def _struck(pipe: Pipeline, text: str) -> set[str]:
    r = pipe.analyse(article_from_text("a.txt", text))
    return {m.place.name for m in r.mentions if m.role == "struck" and m.place is not None}


def test_a_refused_draft_leaves_its_place_mentioned_and_no_screen_keeps_it(gazetteer: Path) -> None:
    pipe = Pipeline.create([gazetteer])
    pipe.screen = Refuse()
    assert _struck(pipe, TWO_SENTENCES) == set()
    pipe.screen = None
    assert _struck(pipe, TWO_SENTENCES) == {"Bilozerka"}


def test_a_text_of_one_sentence_is_not_screened(gazetteer: Path) -> None:
    pipe = Pipeline.create([gazetteer])
    pipe.screen = Refuse()
    assert _struck(pipe, "Russian shelling hit a market in Bilozerka on Tuesday morning.") == {"Bilozerka"}


def test_an_earlier_event_its_sentence_dates_is_left_to_its_own_rule(gazetteer: Path) -> None:
    pipe = Pipeline.create([gazetteer])
    pipe.screen = Refuse()
    text = (
        "Kherson's council met on Friday. The meeting came a year after a missile killed 20 people in "
        "Bilozerka on 3 May."
    )
    assert _struck(pipe, text) == {"Bilozerka"}


def test_the_recorder_sees_the_sentence_words_with_places_years_and_numbers_masked(gazetteer: Path) -> None:
    pipe = Pipeline.create([gazetteer])
    pipe.screen = rec = Recorder()
    text = (
        "Russian shelling hit a market in Bilozerka on Tuesday morning, wounding 3 traders in the town's first attack "
        "since 2023, officials said on 4 Nov. 2025. Two of them were taken to hospital."
    )
    pipe.analyse(article_from_text("a.txt", text))
    assert len(rec.seen) == 1, "the first sentence is a draft event with a place of its own"
    features, places = rec.seen[0]
    assert [m.surface for m in places] == ["Bilozerka"]
    assert {"w:placex", "w:shelling", "t:shelling", "b:in_placex", "pb:in", "strong"} <= set(features)
    assert {"w:<num>", "w:<year>", "w:<dayyear>", "b:since_<year>"} <= set(features)
    assert "w:in" not in features  # (a common word counts only in its pairs)
    assert not any("bilozerka" in f or "2023" in f for f in features)


def test_the_screen_weighs_features_with_a_logistic_model(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"threshold": 0.5, "weights": {"bias": 1.0, "w:threatened": -3.0}}), encoding="utf-8")
    screen = Screen.from_file(path)
    assert screen.probability(["bias"]) == pytest.approx(1 / (1 + 2.718281828459045**-1))
    assert screen.keep(["bias", "w:shelled"], [])
    assert not screen.keep(["bias", "w:threatened"], [])


def test_the_environment_names_another_weights_file_or_turns_the_screen_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = weights_path()
    assert shipped is not None and shipped.name == "screen.json" and shipped.is_file()
    before = PipelineConfig(world=False).fingerprint()
    monkeypatch.setenv(ENV, "off")
    assert weights_path() is None and default_screen() is None
    assert PipelineConfig(world=False).fingerprint() != before
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"threshold": 0.9, "weights": {"bias": 0.0}}), encoding="utf-8")
    monkeypatch.setenv(ENV, str(other))
    screen = default_screen()
    assert screen is not None and screen.threshold == 0.9
    assert PipelineConfig(world=False).fingerprint() != before


def test_the_shipped_weights_say_what_they_were_learned_from_and_use_only_features_the_stage_makes() -> None:
    path = weights_path()
    assert path is not None
    data = json.loads(path.read_text(encoding="utf-8"))
    assert 0.0 < data["threshold"] < 1.0
    assert data["trained_on"] and data["source"] and data["licence"]
    made = {"bias", "weak", "strong", "recalled", "background", "vague", "total"}
    prefixes = {"t", "type", "w", "b", "tb", "ta", "pb"}
    for name in data["weights"]:
        assert name in made or name.split(":", 1)[0] in prefixes, name
    # (a word feature is a lower-case word, a number or year written as a tag, or placex, as
    # draft_features writes it)
    words = [n.split(":", 1)[1] for n in data["weights"] if n.startswith("w:")]
    assert words and all(re.fullmatch(r"[a-z'’]+|<year>|<dayyear>|<num>", w) for w in words)
    assert draft_features  # the function the weights are for


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        # a fact check of an old video is no attack
        (
            "Fact check. A video shared online this week as a missile strike on the port of Kherson was filmed at "
            "a fireworks show in 2019, fact-checkers said.",
            set(),
        ),
        # plain reports of attacks that happened keep their places
        (
            "Night of fire. Russian missiles hit an energy facility in Kherson early on Tuesday, killing a worker "
            "and cutting power to thousands.",
            {"Kherson"},
        ),
        (
            "Shelling. Two women were wounded when shells hit a bus stop in Bilozerka on Wednesday morning, "
            "officials said.",
            {"Bilozerka"},
        ),
    ],
)
def test_the_shipped_screen_drops_what_reads_as_no_attack_and_keeps_plain_reports(
    gazetteer: Path, text: str, struck: set[str]
) -> None:
    pipe = Pipeline.create([gazetteer])
    assert pipe.screen is not None
    assert _struck(pipe, text) == struck
    pipe.screen = None  # (the rules alone would map the fact-checked port)
    assert _struck(pipe, text) >= struck and _struck(pipe, text)


def test_workers_on_other_machines_get_the_screen_of_the_machine_that_ships_the_config(
    gazetteer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"threshold": 0.7, "weights": {"bias": 0.5}}), encoding="utf-8")
    config = PipelineConfig(gazetteers=(str(gazetteer),), world=False)
    monkeypatch.setenv(ENV, str(other))
    shipped_other = config.shipped()
    monkeypatch.setenv(ENV, "off")
    shipped_off = config.shipped()
    monkeypatch.delenv(ENV)  # (a worker's machine, whose environment names no weights)
    here = Pipeline.from_config(config)
    packaged = weights_path()
    assert packaged is not None
    assert isinstance(here.screen, Screen) and here.screen == Screen.from_file(packaged)
    there = Pipeline.from_config(shipped_other)
    assert isinstance(there.screen, Screen) and there.screen.threshold == 0.7
    assert Pipeline.from_config(shipped_off).screen is None


@pytest.mark.parametrize("content", [None, "not json", '{"weights": {}}'])
def test_weights_that_cannot_be_read_stop_the_run_with_one_line_naming_them(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str | None
) -> None:
    from .helpers.cli import invoke

    bad = tmp_path / "weights.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    monkeypatch.setenv(ENV, str(bad))
    code, _, stderr = invoke("run", str(seeds_copy), "-o", str(tmp_path / "out"), "--offline")
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert code != 0
    assert f"{ENV}={bad}" in lines[-1] and "Traceback" not in stderr
    assert not (tmp_path / "out" / "sites.geojson").exists()
