from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapper.ingest import IngestError, Source, clean_text, decode, discover, is_boilerplate, read_article

from .conftest import SEEDS


def _src(p: Path) -> Source:
    return Source(p, p.name)


def test_utf8_and_detected_fallback(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    text = (
        "The strikes hit a caf\u00e9 near the Syrian fronti\u00e8re, the ministry\u2019s statement said of Deir ez-Zor."
    )
    p.write_bytes(text.encode("cp1252"))
    art = read_article(_src(p))
    assert "caf\u00e9" in art.text and "ministry's" in art.clean and "Deir ez-Zor" in art.clean


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty file", None),
        (b"   \n\n  ", "empty file", None),
        (b"line one\nline two\n\x00\x01\x02\x03binary", "binary file", 3),
    ],
)
def test_bad_bytes_one_line_errors(tmp_path: Path, data: bytes, message: str, line: int | None) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(IngestError) as ei:
        read_article(_src(p))
    msg = str(ei.value)
    assert "\n" not in msg and str(p) in msg and message in msg
    assert ei.value.line == line


def test_undecodable_names_file_and_line() -> None:
    data = "Strikes hit Al-Qaim \u201cearly\u201d.\nSecond line\n".encode() + b"bad \xff\xfe bytes\n"
    with pytest.raises(IngestError) as ei:
        decode(data, "x.txt")
    assert ei.value.line == 3 and "x.txt:3:" in str(ei.value)


def test_boilerplate_dropped_and_offsets_point_into_original() -> None:
    text = (
        "Strikes hit  Al-Qaim \u201cearly\u201d on Saturday.\n\n"
        "We use cookies\nSubscribe to our Newsletter\nRead More @\n"
        "Calculadora para la Cola de Vacunación en México\n"
        "Δημοσιεύτηκε από Geo Kok στις Τρίτη, 9 Φεβρουαρίου 2021\n"
        "Officials said\u00a0at least 16 people were killed.\n"
    )
    clean, offsets = clean_text(text)
    assert "cookies" not in clean and "Newsletter" not in clean and "México" not in clean and "Geo Kok" not in clean
    assert '"early"' in clean and "  " not in clean
    assert len(offsets) == len(clean) + 1
    for i, ch in enumerate(clean):
        orig = text[offsets[i]]
        assert (
            orig == ch or (ch, orig) in {('"', "\u201c"), ('"', "\u201d"), (" ", "\u00a0"), ("\n", "\n")} or ch == "\n"
        )
    i = clean.index("Al-Qaim")
    assert text[offsets[i] : offsets[i + len("Al-Qaim") - 1] + 1] == "Al-Qaim"


def test_a_pages_links_to_other_stories_and_its_tags_are_no_part_of_the_report() -> None:
    text = (
        "Drones hit a fuel depot in Kupiansk on Friday, officials said.\n\n"
        "The fire burned until the morning.\n\n"
        "Tags: Ukraine | Drones | Energy\n"
        "Read more: Shelling kills three in Nikopol\n\n"
        "More on this story\n"
        "- Convoy ambushed near Djibo\n"
        "Explosions reported in Sevastopol overnight\n\n"
        "A spokesman for the regional council said repairs would take a month.\n"
    )
    clean, offsets = clean_text(text)
    for gone in ("Tags", "Nikopol", "More on this story", "Djibo", "Sevastopol"):
        assert gone not in clean, clean
    # the list ends at the first line that is a sentence of the report again
    assert clean.endswith("A spokesman for the regional council said repairs would take a month.")
    i = clean.index("A spokesman")
    assert text[offsets[i] : offsets[i] + 11] == "A spokesman"


def test_a_heading_word_inside_a_report_drops_nothing() -> None:
    text = "Related to the attack, police arrested two men in Mosul.\nSee also the statement by the governor."
    assert clean_text(text)[0] == text


def test_boilerplate_rules() -> None:
    assert is_boilerplate("Thank you for your Subscription")
    assert is_boilerplate("Read More @")
    assert not is_boilerplate("US warplanes hit sites in the town of Al-Hari.")


def test_metadata_from_text(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Monday, June 28, 2021\n\nUS carries out air raids in Syria | Al Jazeera\n\nBody text here.\n")
    a = read_article(_src(p))
    assert a.outlet == "Al Jazeera" and a.title == "US carries out air raids in Syria"
    assert a.published and a.published.isoformat() == "2021-06-28"
    q = tmp_path / "b.txt"
    q.write_text("Headline here\n\nfrom RT:\n\nWashington has launched strikes.\n")
    assert read_article(_src(q)).outlet == "RT"


def test_html_through_trafilatura(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    body = " ".join(["US warplanes struck targets in the town of Al-Qaim, killing at least 16 people."] * 6)
    p.write_text(
        "<html><head><title>Strikes in Iraq</title><meta property='og:site_name' content='Example News'>"
        "<meta name='date' content='2024-02-03'></head><body><nav>Home | About</nav>"
        f"<article><h1>Strikes in Iraq</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>We use cookies</footer></body></html>"
    )
    a = read_article(_src(p))
    assert "Al-Qaim" in a.clean and "cookies" not in a.clean
    assert a.title == "Strikes in Iraq" and a.outlet == "Example News"
    assert a.published and a.published.isoformat() == "2024-02-03"


def test_broken_html_is_an_error_not_a_crash(tmp_path: Path) -> None:
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><<<>>></")
    with pytest.raises(IngestError) as ei:
        read_article(_src(p))
    assert str(p) in str(ei.value) and "\n" not in str(ei.value)


def test_discover_ids_recursion_and_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x")
    (tmp_path / "a" / "y.md").write_text("y")
    (tmp_path / "a" / "z.png").write_text("z")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    found = list(discover([tmp_path]))
    ids = sorted(s.article_id for s in found if isinstance(s, Source))
    assert ids == ["a/b/x.txt", "a/y.md"]
    assert [Path(e.path).name for e in found if isinstance(e, IngestError)] == ["z.png"]  # said, not read
    missing = list(discover([tmp_path / "nope"]))
    assert isinstance(missing[0], IngestError)


def test_html_extractor_that_fails_to_import_is_that_files_problem(tmp_path: Path, monkeypatch) -> None:
    """A broken install (trafilatura's lxml cleaner missing) skips the HTML file with one line."""
    import builtins

    real_import = builtins.__import__

    def failing_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project\nInstall it directly.")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", failing_import)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Shelling hit the market of a northern town on Friday.</p></body></html>")
    with pytest.raises(IngestError) as ei:
        read_article(_src(page))
    msg = str(ei.value)
    assert "\n" not in msg and str(page) in msg and "trafilatura" in msg and "separate project" in msg


def test_front_matter_date_out_of_range_is_no_date(tmp_path: Path) -> None:
    p = tmp_path / "zero.txt"
    p.write_text("---\ndate: 0001-01-01T00:00:00Z\n---\nRockets hit a village near the coast last Friday.\n")
    art = read_article(_src(p))
    assert art.published is None
    assert len(art.notes) == 1 and "0001-01-01" in art.notes[0]


# ----------------------------------------------------------------------------- fast forms of the cleaning rules


LINES = st.lists(
    st.sampled_from(
        [
            "We use cookies",
            "cookie policy",
            "accept all cookies",
            "Subscribe to our newsletter",
            "\u017fubscribe to the newsletter",
            "COO\u212aIE settings",
            "All rights reserved.",
            "all  rights reserved",
            "Read more",
            "Read More @ x",
            "Thank you for your subscription",
            "Copyright 2024",
            "US warplanes hit Akashat",
            "para la las los del",
            "the of and",
            "\u00a0",
            " ",
            "x",
            ".",
            "!",
            "\t",
            "\r",
            "\n",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_boilerplate_fast_path_matches_the_pattern(line: str) -> None:
    from mapper.ingest import BOILERPLATE, _is_foreign_line, is_boilerplate

    s = line.strip()
    assert is_boilerplate(line) == (bool(s) and (bool(BOILERPLATE.match(s)) or _is_foreign_line(s)))


def _foreign_reference(line: str) -> bool:
    """The foreign-line rule written plainly (ingest._is_foreign_line is a faster form)."""
    letters = re.findall(r"[^\W\d_]", line)
    if len(letters) >= 8:
        latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
        if latin / len(letters) < 0.5:
            return True
    from mapper.ingest import _ENGLISH_STOP, _FOREIGN_STOP

    words = [w.lower() for w in re.findall(r"[^\W\d_]+", line)]
    if len(words) >= 4:
        foreign = sum(w in _FOREIGN_STOP for w in words)
        english = sum(w in _ENGLISH_STOP for w in words)
        if foreign >= 2 and foreign > 2 * english:
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "la LAS der Die und für İla \u212a ſ the of and said Syria Сирия سوريا é x2 _ ² , “ ’ ١".split()
        ),
        max_size=20,
    ).map(" ".join)
)
def test_foreign_line_fast_path_matches_the_rule(line: str) -> None:
    from mapper.ingest import _is_foreign_line

    assert _is_foreign_line(line) == _foreign_reference(line)


def test_every_white_space_inside_a_line_is_cleaned_to_one_space() -> None:
    from mapper.ingest import clean_text

    breaks = {c for c in map(chr, range(0x3001)) if len(f"a{c}b".splitlines()) > 1}
    spaces = [c for c in map(chr, range(0x3001)) if c.isspace() and c not in breaks]
    assert len(spaces) >= 18  # tab, space, no-break space, the typographic spaces, ideographic space
    text = "Shells hit" + "".join(f"{c}the{c}{c}town" for c in spaces) + ".\n\nNo one\u3000was hurt."
    clean, _ = clean_text(text)
    assert {c for c in clean if c.isspace()} == {" ", "\n"}
    assert "  " not in clean and clean.endswith("No one was hurt.")


# --------------------------------------------------------------------------- boilerplate in long lines

_SAME = {('"', "\u201c"), ('"', "\u201d"), ("'", "\u2019"), ("-", "\u2013"), (" ", "\u00a0")}


def _maps_back(text: str, clean: str, offsets: list[int]) -> bool:
    """Every character of ``clean`` is the character of ``text`` its offset names (or its
    normalised form), but for the separators cleaning puts between kept pieces."""
    return len(offsets) == len(clean) + 1 and all(
        ch in " \n" or text[offsets[i]] == ch or (ch, text[offsets[i]]) in _SAME for i, ch in enumerate(clean)
    )


def test_a_one_line_article_keeps_its_report_when_a_boilerplate_phrase_is_in_it() -> None:
    from .conftest import analyse_text

    first = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    one_line = re.sub(r"\s*\n\s*", " ", first)
    assert "\n" not in one_line and re.search("we use cookies", one_line, re.I)
    clean, offsets = clean_text(one_line)
    assert len(clean) > 0.9 * len(one_line)
    assert "We use cookies" not in clean
    assert _maps_back(one_line, clean, offsets)
    claims = analyse_text(one_line).claims
    assert any(c.killed_min == 16 and "gz:akashat" in c.places for c in claims)


def test_a_long_line_loses_only_its_boilerplate() -> None:
    news = (
        "Warplanes struck a fuel depot outside Homs before dawn on Friday, killing twelve people, "
        "the provincial governor said. Rescue crews were still searching the rubble at noon, and the "
        "hospital in the city asked residents to give blood. "
    )
    line = news + "We use cookies. " + news + "Cookies help us deliver our services and we use cookies to " + news
    line += "All rights reserved."
    clean, offsets = clean_text(line)
    assert clean.count("Warplanes struck a fuel depot") == 3
    assert "We use cookies" not in clean and "we use cookies" not in clean and "rights reserved" not in clean
    assert _maps_back(line, clean, offsets)
    # the same text in short lines: each boilerplate line goes whole, as before
    short = clean_text("Strikes hit Homs on Friday.\nWe use cookies to improve this site\nTwo died.")[0]
    assert short == "Strikes hit Homs on Friday.\n\nTwo died."


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Strikes hit the town of Qarvel on Monday, residents said. ",
                "We use cookies. ",
                "accept all cookies",
                " subscribe to our newsletter ",
                "All rights reserved.",
                "Read more @ ",
                "\u201cWe were asleep,\u201d a neighbour said\u00a0\u2013 ",
                "  ",
                "\n",
                "Calculadora para la Cola de Vacunación en México. ",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_cleaning_long_lines_keeps_an_exact_offset_map(text: str) -> None:
    clean, offsets = clean_text(text)
    assert _maps_back(text, clean, offsets)
    assert offsets == sorted(offsets)
