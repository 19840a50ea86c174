"""Articles in other languages are kept, their language recorded (store, report.json, the sites'
sources), and the run says that events and tolls are read in English only."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mapper.ingest import Source, clean_text, read_article
from mapper.language import detect

from .helpers.cli import invoke as _run

# our own sentences, a short news item in each language
GERMAN = (
    "Luftangriff auf Homs\n\n"
    "Bei einem Luftangriff auf ein Treibstofflager am Rande von Homs sind am Freitag nach Angaben "
    "der Behörden mindestens zwölf Menschen getötet worden. Die Rettungskräfte suchten bis in den "
    "Abend in den Trümmern nach Überlebenden.\n"
)
SPANISH = (
    "Ataque aéreo en Homs\n\n"
    "Un ataque aéreo contra un depósito de combustible en las afueras de Homs mató el viernes a al "
    "menos doce personas, según las autoridades. Los equipos de rescate buscaron supervivientes entre "
    "los escombros hasta la noche.\n"
)
ARABIC = (
    "غارة جوية على حمص\n\n"
    "قتل ما لا يقل عن اثني عشر شخصا يوم الجمعة في غارة جوية استهدفت مستودعا للوقود على أطراف حمص، "
    "بحسب ما أعلنت السلطات المحلية. وواصلت فرق الإنقاذ البحث بين الأنقاض حتى المساء.\n"
)
ENGLISH = "Warplanes struck Akashat on Friday, killing 16 people, officials said. Rescuers searched the rubble.\n"


def test_the_language_of_an_article_is_detected() -> None:
    assert (detect(GERMAN), detect(SPANISH), detect(ARABIC), detect(ENGLISH)) == ("de", "es", "ar", "en")
    assert detect("Homs, 12.") is None  # too short to tell


def test_articles_in_other_languages_keep_their_text(tmp_path: Path) -> None:
    for name, text, lang in (("de.txt", GERMAN, "de"), ("es.txt", SPANISH, "es"), ("ar.txt", ARABIC, "ar")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        art = read_article(Source(path, name))
        assert art.language == lang
        assert art.clean.split("\n\n")[1] == text.split("\n\n")[1].strip()
    # an English page still loses its lines in another language (footers)
    clean, _ = clean_text(ENGLISH + "Calculadora para la Cola de Vacunación en México\n")
    assert "México" not in clean


def test_a_run_over_several_languages_records_them_and_says_english_only(tmp_path: Path) -> None:
    arts = tmp_path / "arts"
    arts.mkdir()
    for name, text in (("de.txt", GERMAN), ("es.txt", SPANISH), ("ar.txt", ARABIC), ("en.txt", ENGLISH)):
        (arts / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = _run("run", str(arts), "-o", str(out), "--offline")
    assert code == 0, stderr
    assert "no text left" not in stderr
    (line,) = [ln for ln in stdout.splitlines() if "not in English" in ln]
    assert "3 (ar 1, de 1, es 1)" in line and "read in English only" in line
    assert "stored articles   4" in stdout
    con = sqlite3.connect(out / "mapper.sqlite")
    stored = dict(con.execute("SELECT article_id, language FROM articles"))
    con.close()
    assert stored == {"de.txt": "de", "es.txt": "es", "ar.txt": "ar", "en.txt": "en"}
    report = json.loads((out / "report.json").read_text())
    assert report["languages"] == stored and report["counts"]["not_in_english"] == 3
    fc = json.loads((out / "sites.geojson").read_text())
    homs = [f for f in fc["features"] if f["properties"]["name"] == "Homs"]
    assert homs, "Homs, named in the German and Spanish articles, is a mentioned site"
    langs = {s["article"]: s["language"] for f in homs for s in f["properties"]["sources"]}
    assert langs.get("de.txt") == "de" and langs.get("es.txt") == "es"
    assert all(f["properties"]["role"] == "mentioned" for f in homs)


def test_plain_english_is_known_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from mapper import language

    def no_model() -> None:
        raise AssertionError("the model was asked")

    monkeypatch.setattr(language, "_detector", no_model)
    text = (
        "The army said on Monday that two of its soldiers were killed in an attack on a checkpoint "
        "near the border, and that the gunmen had fled to the hills before the reinforcements came."
    )
    assert language.detect(text) == "en"
    # German is not taken for English: the model is asked (and here fails, so no language)
    german = (
        "Die Armee teilte am Montag mit, dass zwei ihrer Soldaten bei einem Angriff auf einen "
        "Kontrollpunkt nahe der Grenze getötet wurden und die Angreifer in die Berge flohen."
    )
    assert language.detect(german) is None
