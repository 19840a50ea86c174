"""PDF reports and Word files are read as articles; every other file is listed with what it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper.ingest import IngestError, Source, read_article

from .helpers.cli import invoke as _run
from .helpers.pdf import make_pdf

REPORT = [
    [
        "Situation report: strikes in the east",
        "Warplanes struck a fuel depot outside Akashat early on Friday, killing 16",
        "people, according to the provincial governor. Rescue teams reached the site",
        "by noon and searched the rubble through the afternoon.",
    ],
    [
        "A second strike hit the town of al-Qaim on Saturday; two guards were wounded",
        "in the attack, local officials said.",
    ],
]


def test_a_pdf_report_is_read_with_its_title_date_and_sentences_whole(tmp_path: Path) -> None:
    pdf = tmp_path / "sitrep.pdf"
    pdf.write_bytes(make_pdf(REPORT, title="Sitrep 12", created="D:20240203120000Z"))
    art = read_article(Source(pdf, pdf.name))
    assert art.title == "Sitrep 12" and art.published is not None and art.published.isoformat() == "2024-02-03"
    # the line breaks of the page inside a sentence are gone; the pages stay apart
    assert "killing 16 people, according to the provincial governor." in art.clean
    assert "afternoon.\n\nA second strike" in art.clean


def _clean_page(tmp_path: Path, lines: list[str]) -> str:
    """The clean text of a one-page PDF of ``lines``."""
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(make_pdf([lines]))
    return read_article(Source(pdf, pdf.name)).clean


def test_a_pdf_page_keeps_its_paragraphs_apart_without_a_blank_line_between(tmp_path: Path) -> None:
    page = [
        "Warplanes struck a fuel depot outside Akashat early on Friday, killing 16",
        "people, according to the provincial governor.",
        "Rescue teams reached the site by noon and searched the rubble through the",
        "afternoon, officials said.",
    ]
    clean = _clean_page(tmp_path, page)
    # (each paragraph's short last line ends it, not only the first one's)
    assert clean.splitlines() == [
        "Warplanes struck a fuel depot outside Akashat early on Friday, killing 16 people, according to the"
        " provincial governor.",
        "Rescue teams reached the site by noon and searched the rubble through the afternoon, officials said.",
    ]


def test_a_docx_is_read_a_paragraph_a_line(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.core_properties.title = "Field note"
    d.add_paragraph("Strike on a depot")
    d.add_paragraph("Warplanes struck a fuel depot outside Akashat on Friday, killing 16 people, the governor said.")
    path = tmp_path / "note.docx"
    d.save(str(path))
    art = read_article(Source(path, path.name))
    assert art.title == "Field note"
    assert art.clean.splitlines()[1].startswith("Warplanes struck a fuel depot")


def test_a_docx_that_unpacks_to_too_much_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = pytest.importorskip("docx")
    import mapper.documents

    d = docx.Document()
    for _ in range(300):  # (deflated, a paragraph said 300 times takes next to nothing)
        d.add_paragraph("Warplanes struck a fuel depot outside Akashat on Friday, killing 16 people.")
    path = tmp_path / "long.docx"
    d.save(str(path))
    assert path.stat().st_size < 50_000
    monkeypatch.setattr(mapper.documents, "MAX_UNPACKED", 50_000)
    monkeypatch.setattr(docx, "Document", lambda *a: pytest.fail("the .docx was opened"))
    with pytest.raises(IngestError) as err:
        read_article(Source(path, path.name))
    assert "too large once unpacked" in err.value.message and "limit for one document" in err.value.message


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", make_pdf([[]]), "no text layer (a scanned PDF? run OCR on it first)"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "broken PDF"),
        ("broken.docx", b"PK\x03\x04 not a word file", "broken .docx"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "not read: an image, not an article"),
    ],
)
def test_a_document_that_cannot_be_read_is_one_line_naming_it(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        read_article(Source(path, name))
    assert message in err.value.message and "\n" not in err.value.message
    assert "NUL bytes" not in err.value.message


def test_a_folder_of_reports_pictures_and_spreadsheets(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "annex").mkdir(parents=True)
    (docs / "sitrep.pdf").write_bytes(make_pdf(REPORT, title="Sitrep 12"))
    (docs / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (docs / "annex" / "casualties.xlsx").write_bytes(b"PK\x03\x04")
    (docs / "annex" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: passed over without a word
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(docs), "-o", str(out), "--offline", "--no-world", "--no-store")
    assert code == 0, stderr
    fc = json.loads((out / "sites.geojson").read_text())
    struck = {f["properties"]["name"] for f in fc["features"] if f["properties"]["role"] == "struck"}
    assert {"Akashat", "Al-Qaim"} <= struck
    (line,) = [ln for ln in stderr.splitlines() if "no article" in ln]
    assert line.startswith("warning: 3 files are no article and not read (2 images, 1 spreadsheet)")
    assert "DS_Store" not in stderr
    report = json.loads((out / "report.json").read_text())
    listed = {Path(p["path"]).name: p["message"] for p in report["problems"]}
    assert set(listed) == {"photo.jpg", "casualties.xlsx", "map.png"}
    assert "a spreadsheet" in listed["casualties.xlsx"] and report["counts"]["problems"] == 3
    # a PDF given by name is a PDF, never "binary file (NUL bytes)"
    code, _, stderr = _run("run", str(docs / "sitrep.pdf"), "-o", str(tmp_path / "o2"), "--offline", "--no-store")
    assert code == 0 and "NUL" not in stderr, stderr


def _email(body: str, *, subtype: str = "plain", html: str | None = None, **headers: str) -> bytes:
    """A saved e-mail, as a mail program writes one (MIME, the body in quoted-printable)."""
    from email.message import EmailMessage

    msg = EmailMessage()
    for k, v in headers.items():
        msg[k.replace("_", "-")] = v
    msg.set_content(body, subtype=subtype, cte="quoted-printable")
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


ALERT = (
    "Shelling hit the market of Akashat on Friday morning, killing 16 people and wounding\n"
    "dozens more, the provincial governor said. Café owners near the square said the first\n"
    "round fell just after eight.\n"
)


def test_a_saved_email_is_read_with_its_subject_and_date(tmp_path: Path) -> None:
    path = tmp_path / "alert.eml"
    html = "<html><body><p>Another text that must not be read when plain text is there.</p></body></html>"
    path.write_bytes(
        _email(
            ALERT, html=html, Subject="Fwd: Market shelled", Date="Sat, 03 Feb 2024 09:15:00 +0300", From="a@b.example"
        )
    )
    art = read_article(Source(path, path.name))
    assert art.title == "Market shelled" and art.published is not None and art.published.isoformat() == "2024-02-03"
    # the quoted-printable body is decoded (the accent too), and its hard-wrapped lines are one paragraph
    assert "killing 16 people and wounding dozens more, the provincial governor said. Café owners" in art.clean
    assert "must not be read" not in art.text


def test_an_email_of_html_alone_goes_through_the_article_extractor(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in ALERT.replace("\n", " ").split(". "))
    html = f"<html><head><title>Page title</title></head><body><article>{paragraphs}</article></body></html>"
    path = tmp_path / "alert.eml"
    path.write_bytes(_email(html, subtype="html", Subject="Market shelled"))
    art = read_article(Source(path, path.name))
    assert "killing 16 people" in art.text and "<p>" not in art.text
    assert art.title == "Market shelled"  # the subject, over what the page says


def test_flowed_lines_of_an_email_are_joined(tmp_path: Path) -> None:
    body = "Shelling hit the market of Akashat on Friday, \r\nkilling 16 people.\r\n -- a line the sender stuffed\r\n"
    raw = (
        b"Subject: flowed\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="utf-8"; format=flowed\r\n\r\n' + body.encode()
    )
    path = tmp_path / "flowed.eml"
    path.write_bytes(raw)
    text = read_article(Source(path, path.name)).text
    assert text.splitlines()[:2] == [
        "Shelling hit the market of Akashat on Friday, killing 16 people.",
        "-- a line the sender stuffed",
    ]


def test_emails_in_a_folder_and_those_without_text(tmp_path: Path) -> None:
    from email.message import EmailMessage

    mails = tmp_path / "mail"
    mails.mkdir()
    (mails / "alert.eml").write_bytes(_email(ALERT, Subject="Market shelled"))
    photo = EmailMessage()
    photo["Subject"] = "a picture"
    photo.add_attachment(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", maintype="image", subtype="jpeg", filename="p.jpg")
    (mails / "photo.eml").write_bytes(photo.as_bytes())
    (mails / "outlook.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(56))  # (an OLE file's head)
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(mails), "-o", str(out), "--offline", "--no-world", "--no-store")
    assert code == 0, stderr
    struck = [f["properties"] for f in json.loads((out / "sites.geojson").read_text())["features"]]
    assert [(p["name"], p["killed_min"]) for p in struck if p["role"] == "struck"] == [("Akashat", 16)]
    problems = {Path(p["path"]).name: p["message"] for p in json.loads((out / "report.json").read_text())["problems"]}
    assert "without a text or HTML body" in problems["photo.eml"]
    assert "an Outlook message (save it as .eml)" in problems["outlook.msg"]


def test_an_email_in_a_charset_python_does_not_know_is_read_as_utf8(tmp_path: Path) -> None:
    body = "Shelling hit the market of Akashat on Friday, killing 16 people, officials in Qaïm said.\r\n"
    raw = b'Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="x-no-such"\r\n\r\n' + body.encode()
    path = tmp_path / "odd.eml"
    path.write_bytes(raw)
    assert read_article(Source(path, path.name)).text.strip() == body.strip()


def test_a_word_the_typesetter_hyphenated_is_whole_again(tmp_path: Path) -> None:
    page = [
        "Rockets struck the railway station in Kramatorsk on Monday, officials said, and a",
        "second salvo hit a depot on the edge of the city. The strike on the depot in Kram-",
        "atorsk set fuel tanks alight; air-defence crews said two anti-",
        "aircraft guns were damaged, and the regional governor's office said the bomb-",
        "ing went on into the night.",
    ]
    clean = _clean_page(tmp_path, page)
    assert "the depot in Kramatorsk set fuel tanks alight" in clean  # written whole on the page
    assert "two anti-aircraft guns" in clean  # never written whole: the hyphen may be the word's
    assert "said the bomb-ing went on" in clean  # "bombing" is nowhere else: kept as printed
