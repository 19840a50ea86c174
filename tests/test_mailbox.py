"""A mailbox (mbox: a Thunderbird folder, a Google Takeout export) is read a message a record,
each message as a saved e-mail, and re-read only for what changed (texts written for these tests)."""

from __future__ import annotations

import json
import mailbox
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from .helpers.cli import invoke_strict as _run
from .test_documents import _email

BRIDGE = (
    "<html><body><article><p>Warplanes struck a bridge outside Rutba on Sunday, killing three drivers, "
    "the police said.</p><p>The bridge carried the main road west and was badly damaged, officials in the "
    "town said.</p></article></body></html>"
)


def _mailbox(path: Path, messages: list[bytes]) -> None:
    box = mailbox.mbox(path)
    for m in messages:
        box.add(m)
    box.flush()
    box.close()
    old = path.stat().st_mtime - 60  # not "just modified": the store may trust its mtime
    os.utime(path, (old, old))


def _picture_only() -> bytes:
    msg = EmailMessage()
    msg["Subject"] = "a photo from the scene"
    msg.add_attachment(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", maintype="image", subtype="jpeg", filename="p.jpg")
    return msg.as_bytes()


MARKET = _email(
    "Shelling hit the market of Akashat on Friday morning, killing 16 people, the governor said.\n",
    Subject="Re: Market shelled",
    Date="Sat, 03 Feb 2024 09:15:00 +0300",
    Message_ID="<market-1@alerts.example>",
)


def _struck(out: Path) -> dict[str, tuple[int | None, list[str]]]:
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    return {
        f["properties"]["name"]: (f["properties"]["killed_min"], f["properties"]["articles"])
        for f in fc["features"]
        if f["properties"]["role"] == "struck"
    }


def test_a_mailbox_is_read_a_message_an_article(tmp_path: Path, analysed: list[str]) -> None:
    mail = tmp_path / "mail"
    mail.mkdir()
    _mailbox(mail / "alerts.mbox", [MARKET, _email(BRIDGE, subtype="html", Subject="Bridge hit"), _picture_only()])
    out = tmp_path / "out"
    code, stdout, stderr = _run("run", str(mail), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    # a message is named by its Message-ID, else by the mailbox and its number there
    assert _struck(out) == {"Akashat": (16, ["market-1@alerts.example"]), "Ar Rutbah": (3, ["alerts.mbox:2"])}
    assert "alerts.mbox: message 3: an e-mail without a text or HTML body" in stderr
    fc = json.loads((out / "sites.geojson").read_text(encoding="utf-8"))
    sources = {s["article"]: s for f in fc["features"] for s in f["properties"]["sources"]}
    # the subject (without its "Re:") is the title, the Date header the date, the mailbox the path
    market = sources["market-1@alerts.example"]
    assert (market["title"], market["date"], Path(market["path"]).name) == (
        "Market shelled",
        "2024-02-03",
        "alerts.mbox",
    )
    assert sorted(analysed) == ["alerts.mbox:2", "market-1@alerts.example"]
    # a file named .mbox that holds no mailbox is said so, in one line
    (mail / "note.mbox").write_text("Subject: a note\n\nThe convoy left at dawn.\n", encoding="utf-8")
    code, _, stderr = _run("run", str(mail), "-o", str(tmp_path / "out2"), "--offline", "--no-map")
    assert code == 0 and "note.mbox: no e-mail in this mailbox (an mbox opens each with a 'From ' line)" in stderr
    assert "articles read     2" in stdout


def test_a_mailbox_is_read_again_only_for_its_new_messages(tmp_path: Path, analysed: list[str]) -> None:
    mail = tmp_path / "mail"
    mail.mkdir()
    box = mail / "alerts.mbox"
    _mailbox(box, [MARKET])
    out = tmp_path / "out"
    assert _run("run", str(mail), "-o", str(out), "--offline", "--no-map")[0] == 0
    code, stdout, _ = _run("run", str(mail), "-o", str(out), "--offline", "--no-map")
    assert code == 0 and "articles read     0" in stdout  # unchanged: passed over unread
    _mailbox(box, [_email(BRIDGE, subtype="html", Subject="Bridge hit", Message_ID="<bridge@alerts.example>")])
    analysed.clear()
    assert _run("run", str(mail), "-o", str(out), "--offline", "--no-map")[0] == 0
    assert analysed == ["bridge@alerts.example"]  # the message already stored is not analysed again
    assert set(_struck(out)) == {"Akashat", "Ar Rutbah"}
    # forgetting the mailbox forgets every message of it
    code, stdout, _ = _run("forget", str(box), "-o", str(out))
    assert code == 0 and "forgot 2 article(s)" in stdout
    assert _struck(out) == {}


def test_a_message_too_slow_to_read_is_its_own_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mapper.ingest
    from mapper.budget import Budget

    real = mapper.ingest.read_email

    def slow_on_the_bridge(data: bytes, path: str) -> tuple[str, dict[str, str | None]]:
        while b"Bridge" in data:  # spins until the budget stops it
            pass
        return real(data, path)

    monkeypatch.setattr(mapper.ingest, "read_email", slow_on_the_bridge)
    monkeypatch.setattr(mapper.ingest, "Budget", lambda: Budget(max_seconds=0.3))
    mail = tmp_path / "mail"
    mail.mkdir()
    _mailbox(mail / "alerts.mbox", [_email(BRIDGE, subtype="html", Subject="Bridge hit"), MARKET])
    out = tmp_path / "out"
    code, _, stderr = _run("run", str(mail), "-o", str(out), "--offline", "--no-map")
    assert code == 0, stderr
    assert "alerts.mbox: message 1: reading it took over 0.3 s of processor time; skipped" in stderr
    assert set(_struck(out)) == {"Akashat"}  # the next message is read all the same
