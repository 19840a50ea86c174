"""Plain text hard-wrapped at a fixed width (e-mail, a PDF's text saved by another tool, a
wire archive) is read as the paragraphs it was, not a sentence per line (texts written for
these tests)."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mapper.ingest import clean_text, wrapped_joins

from .conftest import roles

REPORT = (
    "Eastern Front Bulletin\n\n"
    "Artillery units shelled the market district of Akashat early on Friday, killing at least 16 "
    "civilians and wounding 40 others, according to the provincial health directorate, which said "
    "rescue crews were still searching the rubble of two collapsed buildings by the evening.\n\n"
    "Residents of nearby Qaim said they heard the explosions from their homes, and aid workers "
    "arriving from Rutba described the road into the district as badly cratered.\n"
)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(p, width) if p.strip() else p for p in text.split("\n"))


@pytest.mark.parametrize("width", [50, 66, 72, 80])
def test_a_hard_wrapped_report_reads_as_its_unwrapped_twin(width: int) -> None:
    wrapped = _wrap(REPORT, width)
    assert wrapped.count("\n") > REPORT.count("\n") + 3  # (it is wrapped)
    clean, _ = clean_text(wrapped)
    assert clean == clean_text(REPORT)[0]
    assert roles(wrapped) == roles(REPORT)
    assert roles(wrapped).get("Akashat") == "struck"


def test_a_word_broken_at_its_hyphen_is_whole_again() -> None:
    text = (
        "Officials said the convoy was hit by an air-\n"
        "strike shortly after it left the depot on the\n"
        "road south of the city, and that two trucks\n"
        "were destroyed in the attack near the bridge.\n"
    )
    clean, offsets = clean_text(text)
    assert "an air-strike shortly after it left the depot on the road south" in clean
    # every character of the clean text is the one its offset names, or the line break a space replaced
    assert all(text[offsets[i]] == ch or (ch == " " and text[offsets[i]] == "\n") for i, ch in enumerate(clean))


def test_a_word_a_typesetter_hyphenated_loses_the_hyphen_when_the_text_writes_it_whole() -> None:
    # (the text of a typeset report saved by a PDF tool: words hyphenated at the lines' ends)
    text = (
        "Rockets struck the railway station in Akashat on Monday, officials said, and a\n"
        "second salvo hit a depot on the edge of the town. The strike on the depot in Aka-\n"
        "shat set fuel tanks alight; the air-defence crews said that two of the anti-\n"
        "aircraft guns were damaged, and the regional governor's office said the bomb-\n"
        "ing went on into the night, and that the shelling of the town had not stopped.\n"
    )
    clean, offsets = clean_text(text)
    assert "the depot in Akashat set fuel tanks alight" in clean
    assert "two of the anti-aircraft guns" in clean and "said the bomb-ing went on" in clean
    assert roles(text).get("Akashat") == "struck"
    assert len(offsets) == len(clean) + 1
    assert all(text[offsets[i]] == ch or (ch == " " and text[offsets[i]] == "\n") for i, ch in enumerate(clean))


@pytest.mark.parametrize(
    ("wrapped", "joined"),
    [
        # two lines, the break before a capital after a word a sentence may end with
        (
            "Gunmen opened fire on a wedding party late on Saturday in the village of Upper\n"
            "Karmash, killing five guests.\n",
            "Gunmen opened fire on a wedding party late on Saturday in the village of Upper Karmash,"
            " killing five guests.",
        ),
        # a name broken at its hyphen, the rest of it a capital
        (
            "Two shells fell on the crowded market square of the river town of Deir al-\n"
            "Qasr on Monday, killing four.\n",
            "Two shells fell on the crowded market square of the river town of Deir al-Qasr on Monday, killing four.",
        ),
        # a full line that ends with an abbreviation, and one that ends a quoted clause with a comma
        (
            "A local councillor was shot outside his house in the port of Aden at 9 p.m.\n"
            "on Tuesday, his brother said, in the third such killing there this month.\n"
            '"The bomb went off beside the checkpoint at the northern gate, wounding six,"\n'
            "a police officer in the town told reporters, asking not to be named.\n",
            "A local councillor was shot outside his house in the port of Aden at 9 p.m. on Tuesday, his brother said,"
            ' in the third such killing there this month. "The bomb went off beside the checkpoint at the northern'
            ' gate, wounding six," a police officer in the town told reporters, asking not to be named.',
        ),
    ],
)
def test_a_short_wrapped_brief_is_one_paragraph_again(wrapped: str, joined: str) -> None:
    assert clean_text(wrapped)[0] == joined


@pytest.mark.parametrize(
    "text",
    [
        # a title over a longer body line
        "Shelling resumes along the northern front\n"
        "Artillery fire struck three villages north of the river overnight, officials said on Monday.\n",
        # a list of headlines: full lines, none ending a sentence, each opening with a capital
        "Drone strike hits fuel depot outside the southern port city\n"
        "Army says it repelled an attack on border posts overnight\n"
        "Aid convoy reaches the besieged town after weeks of talks\n"
        "Ceasefire talks stall as both sides trade accusations again\n",
        # an article a paragraph a line
        REPORT,
        # a table
        "Province      Killed   Injured\nAkashat          16        40\nQaim              2         5\n",
        # a title and a dateline over a body line
        "Strike on depot\nBEIRUT, May 3 (Reuters) -\nWarplanes struck a depot outside the city on Friday.\n",
    ],
)
def test_a_text_that_is_not_hard_wrapped_keeps_its_line_breaks(text: str) -> None:
    assert all(j is None for j in wrapped_joins(text.splitlines()))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,-\n\nAKq"), max_size=300))
@example("AAAAAAAA.A.A")  # (a line of capitals, read as a headline in sentence case)
def test_unwrapping_keeps_the_offsets_of_every_character(text: str) -> None:
    clean, offsets = clean_text(text)
    assert len(offsets) == len(clean) + 1
    for i, ch in enumerate(clean):
        if ch not in " \n":
            # (the same letter; its case may be read anew: a headline in capitals is read in sentence case, a
            # dateline's town in its own case in capitals, each keeping the text's length)
            assert text[offsets[i]].lower() == ch.lower()
