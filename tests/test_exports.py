"""A news database's export of many articles in one text file (Factiva's, ending each article
with its "Document" code; Nexis Uni's, ending each with "End of Document") is read an article a
record, with the title, outlet and date its header gives (texts written for these tests)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .helpers.cli import invoke_strict as _run

FACTIVA = """Drone strike hits fuel depot in Kherson
312 words
3 February 2024
08:15 GMT
Agence Example Presse
AEXP
English
Copyright 2024 Agence Example Presse. All rights reserved.

A Russian drone struck a fuel depot in Kherson early on Saturday, killing two workers and wounding
five, the regional governor said.

Firefighters put out the blaze by mid-morning, he said.

Document AEXP000020240203ek2300001


Talks on grain corridor resume in Istanbul
204 words
4 February 2024
Example Daily Wire
EXDW
English
(c) 2024 Example Daily Wire

Negotiators met in Istanbul on Sunday to discuss shipping through the Black Sea. No agreement was
announced.

Document EXDW000020240204ek2400002


Shelling kills three in Nikopol
150 words
5 February 2024
11:02
Example Regional News
EXRN
English
Copyright 2024 Example Regional News

Artillery shelling hit a residential street in Nikopol on Monday, killing three civilians, local
officials said.

Document EXRN000020240205ek2500003
"""

NEXIS = """Missile hits apartment block in Dnipro
The Example Herald
February 6, 2024 Tuesday
Copyright 2024 Example Herald Ltd All Rights Reserved

Section: WORLD; Pg. 4
Length: 180 words
Byline: A Correspondent
Body

A missile struck an apartment block in Dnipro on Tuesday, killing four people, the mayor said.

Rescuers searched the rubble through the night.

Classification

Language: ENGLISH
Subject: ARMED CONFLICT (90%)
Load-Date: February 7, 2024

End of Document


Ceasefire talks stall in Doha
The Example Herald
February 7, 2024 Wednesday
Copyright 2024 Example Herald Ltd All Rights Reserved

Length: 95 words
Body

Mediators in Doha said on Wednesday that no date had been set for the next round of talks.

Load-Date: February 8, 2024

End of Document
"""


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    old = path.stat().st_mtime - 60  # not "just modified": the store may trust its mtime
    os.utime(path, (old, old))


def _mapped(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Path]:
    """Write ``files`` into a folder and map it (offline, no map): the folder and the output folder."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in files.items():
        _write(folder / name, text)
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(folder), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    return folder, out


def _sources(out: Path) -> dict[str, dict]:
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    return {
        s["article"]: {**s, "site": f["properties"]["name"], "role": f["properties"]["role"]}
        for f in fc["features"]
        for s in f["properties"]["sources"]
    }


def test_a_factiva_export_is_read_an_article_a_record(tmp_path: Path, analysed: list[str]) -> None:
    folder, out = _mapped(tmp_path, {"factiva.txt": FACTIVA})
    # each article is named by its Factiva code, and its header gives its title, outlet and date
    assert sorted(analysed) == ["AEXP000020240203ek2300001", "EXDW000020240204ek2400002", "EXRN000020240205ek2500003"]
    sources = _sources(out)
    kherson = sources["AEXP000020240203ek2300001"]
    assert (kherson["site"], kherson["role"]) == ("Kherson", "struck")
    assert (kherson["title"], kherson["outlet"], kherson["date"]) == (
        "Drone strike hits fuel depot in Kherson",
        "Agence Example Presse",
        "2024-02-03",
    )
    assert Path(kherson["path"]).name == "factiva.txt"
    # one article's places are not another's: the talks in Istanbul strike nothing
    assert sources["EXRN000020240205ek2500003"]["site"] == "Nikopol"
    assert "EXDW000020240204ek2400002" not in sources or sources["EXDW000020240204ek2400002"]["role"] != "struck"
    # the header's lines are no part of the text analysed
    quotes = json.dumps(sources)
    assert "312 words" not in quotes and "All rights reserved" not in quotes

    # a second run reads nothing again; a changed article is read again, alone
    analysed.clear()
    code, _, stderr = _run("run", str(folder), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert analysed == []
    _write(folder / "factiva.txt", FACTIVA.replace("killing three civilians", "killing four civilians"))
    code, _, stderr = _run("run", str(folder), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert analysed == ["EXRN000020240205ek2500003"]


def test_a_nexis_export_is_read_an_article_a_record(tmp_path: Path, analysed: list[str]) -> None:
    _, out = _mapped(tmp_path, {"nexis.txt": NEXIS})
    assert sorted(analysed) == ["nexis.txt:1", "nexis.txt:2"]
    dnipro = _sources(out)["nexis.txt:1"]
    assert (dnipro["site"], dnipro["role"]) == ("Dnipro", "struck")
    assert (dnipro["title"], dnipro["outlet"], dnipro["date"]) == (
        "Missile hits apartment block in Dnipro",
        "The Example Herald",
        "2024-02-06",
    )
    quotes = json.dumps(_sources(out))
    assert "Load-Date" not in quotes and "ARMED CONFLICT" not in quotes


def test_an_article_that_mentions_a_document_is_one_article(tmp_path: Path, analysed: list[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    text = (
        "A drone struck a depot in Kherson on Saturday, killing two workers, the governor said.\n\n"
        "The full list of damaged buildings is in the governor's statement.\n\n"
        "Document 4 of the statement\n"
    )
    _write(folder / "kherson.txt", text * 20)
    code, _, stderr = _run("run", str(folder), "-o", str(tmp_path / "out"), "--offline", "--no-map")
    assert code == 0, stderr
    assert analysed == ["kherson.txt"]


def _big_export() -> str:
    """An export of 120 articles (over 32 KB), each with its own code and toll."""
    parts = []
    for i in range(40):
        part = FACTIVA.replace("killing two workers", f"killing {i + 2} workers")
        part = part.replace("\n\nDocument ", f"\nThis is update {i}.\n\nDocument ")  # (each text its own)
        for day in ("3", "4", "5"):
            part = part.replace(f"2024020{day}ek2{day}0000", f"2024020{day}ek2{day}{i:04d}")
        parts.append(part)
    return "\n\n".join(parts)


def test_overlapping_exports_count_an_article_once(tmp_path: Path, analysed: list[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder / "search-1.txt", FACTIVA)
    _write(folder / "search-2.txt", FACTIVA)
    code, _, stderr = _run("run", str(folder), "-o", str(tmp_path / "out"), "--offline", "--no-map")
    assert code == 0, stderr
    assert len(analysed) == 3
    assert stderr.count("counted once") == 3


def test_an_export_an_older_mapper_stored_whole_is_replaced_by_its_records(
    tmp_path: Path, analysed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import mapper.ingest
    import mapper.pipeline

    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder / "factiva.txt", _big_export())
    out = tmp_path / "out"
    with monkeypatch.context() as m:  # a mapper that did not know exports: one article
        m.setattr(mapper.ingest, "export_kind", lambda path, st: None)
        m.setattr(mapper.pipeline, "export_kind", lambda path, st: None)
        code, _, stderr = _run("run", str(folder), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert analysed == ["factiva.txt"]
    analysed.clear()
    code, stdout, stderr = _run("run", str(folder), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert len(analysed) == 120 and "factiva.txt" not in analysed
    code, stdout, _ = _run("sites", "-o", str(out))
    assert "120 articles" in stdout.splitlines()[-1]


def test_a_text_that_opens_with_by_is_no_byline() -> None:
    from mapper.ingest import _factiva_article

    chunk = (
        "Rescuers reach the flooded village\n120 words\n3 February 2024\nExample Wire\nEXWI\nEnglish\n"
        "Copyright 2024 Example Wire\n\nBy dawn, rescuers had reached the village.\n\nBy John Smith\n"
    )
    text, meta = _factiva_article(chunk)
    assert text.splitlines()[2] == "By dawn, rescuers had reached the village."
    assert (meta["title"], meta["sitename"], meta["date"]) == (
        "Rescuers reach the flooded village",
        "Example Wire",
        "2024-02-03",
    )
