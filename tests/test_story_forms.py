"""A report is read the same whatever form its outlet gives it: a dateline's town in its own case or in
capitals, a dash typed as two hyphens, a headline in capitals, lines hard-wrapped with no blank line
between paragraphs (texts written for these tests; places from the packaged gazetteers)."""

from __future__ import annotations

import textwrap

import pytest

from mapper.ingest import (
    article_from_text,
    capital_dateline,
    clean_text,
    head_rows,
    sentence_cased_headlines,
)
from mapper.pipeline import Pipeline
from mapper.text import line_joins, line_width


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    from mapper.places.world.index import WorldGazetteer

    return Pipeline.create(world=WorldGazetteer.load())


def _struck(pipe: Pipeline, text: str) -> set[str]:
    return {
        m.place.name for m in pipe.analyse(article_from_text("t.txt", text)).mentions if m.role == "struck" and m.place
    }


# a feature: headline, standfirst, byline, then the dateline of the town the story is about
FEATURE = (
    "{headline}\n"
    "Months after a car bomb wrecked a busy tea house, a Somali river town asks what its peace was worth\n\n"
    "By Hassan Ali Nur\n\n"
    "{dateline} The river runs slow and brown past the town, and on its western bank the tea house is a blackened "
    "shell with its tin roof curled back.\n\n"
    "On the evening of March 3, a car packed with explosives rammed the gate of the tea house, which was full of "
    "elders, officials and young men watching football. Eleven people were killed, according to the regional "
    "administration, and 30 wounded. The worst injured were flown to Mogadishu the next morning.\n"
)


@pytest.mark.parametrize(
    "dateline",
    [
        "JOWHAR, Middle Shabelle region -",  # (as wire copy writes it)
        "Jowhar, Middle Shabelle region -",  # (in the town's own case)
        "JOWHAR, Middle Shabelle region --",  # (a dash typed as two hyphens)
        "Jowhar, Middle Shabelle region --",
        "Jowhar, Middle Shabelle region\n\n",  # (alone on its line, under the byline)
    ],
)
def test_a_features_dateline_places_its_attack_in_any_case_and_with_any_dash(pipe: Pipeline, dateline: str) -> None:
    text = FEATURE.format(headline="Jowhar's slow recovery", dateline=dateline)
    assert _struck(pipe, text) == {"Jawhar"}


# a wire report whose attack is in its dateline's town, named again further down
DATELINED = (
    "Grenade attack wounds nine\n\n{dateline} Nine people were wounded when militants hurled a grenade at a police "
    "party in the main market on Tuesday, officials said. It was the third attack on the police in Baramulla this "
    "month.\n"
)


@pytest.mark.parametrize(
    "dateline",
    [
        "BARAMULLA, June 3:",  # (as the press of South Asia writes it)
        "Baramulla, June 3:",  # (in the town's own case)
        "Baramulla (KNO):",  # (its outlet, then a colon)
        "Baramulla, 3 June. /KNO/.",  # (its outlet between slashes)
        "BARAMULLA (KNO):",
    ],
)
def test_a_reports_dateline_ended_by_a_colon_or_a_full_stop_places_its_attack_in_any_case(
    pipe: Pipeline, dateline: str
) -> None:
    assert _struck(pipe, DATELINED.format(dateline=dateline)) == {"Baramula"}


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        (FEATURE.format(headline="JOWHAR'S SLOW RECOVERY", dateline="JOWHAR, Middle Shabelle region -"), "Jawhar"),
        (
            "RUSSIAN MISSILE STRIKE KILLS FIVE IN KHARKIV\n\nA missile hit an apartment block in the city on Monday, "
            "killing five people and wounding 20, the regional governor said.\n",
            "Kharkiv",
        ),
    ],
)
def test_a_headline_in_capitals_is_read_as_one_in_lower_case(pipe: Pipeline, text: str, struck: str) -> None:
    assert _struck(pipe, text) == {struck}


@pytest.mark.parametrize(
    ("headline", "read"),
    [
        ("FIVE KILLED AS UN CONVOY IS HIT NEAR BENI", "Five killed as UN convoy is hit near Beni"),
        ("Five Killed as UN Convoy Is Hit Near Beni", "Five killed as UN convoy is hit near Beni"),
        ("1 Killed, 14 Injured in Sopore Grenade Blast", "1 killed, 14 injured in Sopore grenade blast"),
        # (a place's name after a word that leads to it, and the head of a name: "Gaza Strip", "West Bank")
        ("Strike on Gaza Strip School Kills 12", "Strike on Gaza Strip school kills 12"),
        ("Israeli Raid in West Bank Leaves Three Dead", "Israeli raid in West Bank leaves three dead"),
        # (a word the story below writes with a capital in its sentences is a name: Saskatoon is a berry too)
        ("Police Shooting Rocks Saskatoon Suburb", "Police shooting rocks Saskatoon suburb"),
    ],
)
def test_a_headline_in_capitals_or_title_case_is_read_in_sentence_case(headline: str, read: str) -> None:
    text = f"{headline}\n\nGunmen fired on a UN convoy near Beni, and a man in Saskatoon was held. RSF SAID NOTHING.\n"
    out = sentence_cased_headlines(text)
    assert len(out) == len(text)
    assert out.startswith(read + "\n")
    assert out.endswith("RSF SAID NOTHING.\n")  # (a sentence, not a headline line of its own)


@pytest.mark.parametrize(
    "text",
    [
        "KHARKIV, Ukraine - Shelling went on through the night.",  # (no headline)
        "TACURONG CITY, Sultan Kudarat\n\nA bomb went off on a bus.",  # (a dateline, not a headline)
        "CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST\n\nA man was shot.",  # (a page's dates)
        "Russian glide bombs hit village near Kupiansk, killing four\n\nA bomb fell.",  # (in sentence case already)
        "By Olena Martyniuk | Photographs by Taras Hlushko\n\nA bomb fell.",  # (a byline)
    ],
)
def test_a_line_that_is_no_headline_in_capitals_or_title_case_keeps_its_case(text: str) -> None:
    assert sentence_cased_headlines(text) == text


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Kharkiv, Ukraine (AP) - Russian forces shelled the city.", "KHARKIV"),
        ("Port-au-Prince, 3 March (translated from French) - Gangs attacked the town.", "PORT-AU-PRINCE"),
        ("Headline of a story\n\nBy Someone Else\n\nKfar Saba, Israel\n\nA bomb went off.", "KFAR SABA"),
        ("Goma, Democratic Republic of the Congo (Reuters) - Rebels shelled a camp.", "GOMA"),
        ("A Bus Terminal Bombed\nBy Rey Cruz\nTacurong City, Sultan Kudarat\n\nA bomb went off.", "TACURONG CITY"),
        # (its country, its day and its year, then the agency)
        ("Bakhmut, Ukraine, May 2, 2023 (AFP) - Shells fell on the town all night.", "BAKHMUT"),
        ("Hodeidah \u2013 Jets struck the port at dawn.", "HODEIDAH"),  # (an en dash)
        # (ended with a colon, after its date or its outlet, as the press of South Asia writes it)
        ("Quetta, Jan 12: Two policemen were hurt when a bomb went off.", "QUETTA"),
        ("Jalalabad (Pajhwok): A bomb hit a minibus on the highway.", "JALALABAD"),
        # (ended with a full stop, as Russian and Caucasian agencies write it)
        ("Kursk, 5 March. /TASS/. A drone hit a power substation.", "KURSK"),
        ("Tartus, 9 May (SANA). Shells landed near the port.", "TARTUS"),
        ("Shusha, MAY 2, AZERTAC. Sappers cleared two fields.", "SHUSHA"),
        ("Tunis, 3 March 2020. Police defused a bomb near the embassy.", "TUNIS"),
        # (alone on its line under a byline with its date and no "By"; a country of four words; a second place)
        ("Strike hits a market\n\nLeyla Demir | 04.05.2021\n\nHasakah, Syria\n\nA drone hit a market.", "HASAKAH"),
        ("A town empties\nBy Ann Lee\nBeni, Democratic Republic of Congo\n\nRebels came at night.", "BENI"),
        ("What the fragment shows\nBy Ann Lee\nMokha, Yemen / London\n\nA bomb hit the market.", "MOKHA"),
        # (and a feature's month and year after its country)
        ("A town empties\nBy Ann Lee\nKabale, Uganda, August 2013\n\nRebels came at night.", "KABALE"),
        ("A town empties\nBy Ann Lee\nButembo, Democratic Republic of Congo, 12 May 2022\n\nRebels came.", "BUTEMBO"),
        # (a release's header first, then the dateline)
        ("Unicef - Press release\n\nAden - Shells hit a school on Monday.", "ADEN"),
    ],
)
def test_a_datelines_town_in_its_own_case_is_written_in_capitals(text: str, town: str) -> None:
    out = capital_dateline(text)
    assert len(out) == len(text) and town in out and out.replace(town, town.title()) != out


@pytest.mark.parametrize(
    "text",
    [
        "In Kharkiv, Ukraine - the mayor said - shelling went on.",  # (a sentence that opens with "In")
        "Our Correspondent, Rangamati\n\nSix people died.",  # (no byline above it, no dash)
        "Monday, 3 March - Shelling went on.",  # (a day, not a town)
        # (a headline whose words after the first comma are a sentence's, not a province's or a date's)
        "Woman, 41, hurt, rescued by crew. Lake Town - A woman was pulled from a car.",
        "Smith, out on bail, will be tried May 3. The court set the date on Friday.",
        # (a speaker in a transcript, before what they say)
        "Omar (on the phone): The shelling started at dawn.",
        # (a line under a byline whose words after a comma are no date)
        "A town empties\nBy Ann Lee\nKabale, Uganda, after the rains\n\nRebels came at night.",
        "Host (Rana): Good evening, and welcome.",
    ],
)
def test_a_line_that_is_no_dateline_keeps_its_case(text: str) -> None:
    assert capital_dateline(text) == text


def test_a_dash_typed_as_two_hyphens_is_one_and_keeps_the_offsets() -> None:
    text = "KABUL -- A blast -- the third this week -- hit the market. A well-known man--not named."
    clean, offsets = clean_text(text)
    assert clean == "KABUL - A blast - the third this week - hit the market. A well-known man--not named."
    assert all(text[offsets[i]] == ch for i, ch in enumerate(clean))


STORY = (
    "Drone strike hits fuel depot near Kupiansk, killing two workers overnight\n"
    "By Olena Hrytsenko, staff correspondent for the regional service\n"
    "KHARKIV, Ukraine - A drone struck a fuel depot in the village of Kurylivka before dawn on Tuesday, killing two "
    "workers and wounding five, the regional governor said on his Telegram channel.\n"
    "Firefighters from Kharkiv put out the blaze by the evening, he said, and the wounded were taken to a hospital "
    "in the city.\n"
)


def test_a_story_wrapped_with_no_blank_lines_keeps_its_headline_byline_and_dateline_apart(pipe: Pipeline) -> None:
    wrapped = "\n".join(textwrap.fill(line, 66) for line in STORY.splitlines())
    rows = [r.strip() for r in wrapped.splitlines()]
    joins = line_joins(rows, line_width(rows), headed=True)
    starts = [r for r, j in zip(rows, joins, strict=True) if j is None]
    assert [r.split()[0] for r in starts][:3] == ["Drone", "By", "KHARKIV,"]
    assert _struck(pipe, wrapped) == _struck(pipe, STORY) == {"Kurylivka"}
    assert "KHARKIV" in {m.surface for m in pipe.analyse(article_from_text("t.txt", wrapped)).mentions}


def test_a_wrapped_line_that_opens_with_by_goes_on_its_paragraph() -> None:
    rows = [
        "The funerals were held in the church on the hill above the market, and",
        "By Sunday evening the families had gone home to the villages nearby, she",
        "said, but the market has not opened again since the attack on Saturday.",
    ]
    assert line_joins(rows, line_width(rows), headed=True) == [None, " ", " "]


def test_a_wrapped_heads_short_row_ends_where_the_next_rows_first_word_would_have_fitted() -> None:
    # (a release's headline wrapped once, its dateline row, then its lead: no row of the head goes on the next)
    text = (
        "Agency condemns the strike on the Kurylivka clinic as attacks on health care pass one thousand\n\n"
        "News release - Kharkiv, 27 October 2023\n\n"
        "The agency condemns the missile strike that hit the clinic in Kurylivka on the morning of 26 October. "
        "Two nurses were killed and six other staff were injured, according to the regional health department. "
        "The clinic's pharmacy and its generator were destroyed, and patients were taken to Kharkiv by road."
    )
    wrapped = "\n".join(textwrap.fill(p, 64) for p in text.split("\n\n"))
    rows = [r.strip() for r in wrapped.splitlines()]
    joins = line_joins(rows, line_width(rows), headed=True)
    starts = [r.split()[0] for r, j in zip(rows, joins, strict=True) if j is None]
    assert starts == ["Agency", "News", "The"]
    # (a full row whose next word would not have fitted goes on, as before)
    lead = next(i for i, r in enumerate(rows) if r.startswith("The agency"))
    assert joins[1] == " " and all(j == " " for j in joins[lead + 1 :])


def _forms_script():  # (scripts/story_forms.py, loaded by path: scripts/ is no package)
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "story_forms", Path(__file__).parents[1] / "scripts" / "story_forms.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_forms_script_rewrites_only_the_text_and_the_mapper_reads_each_form_alike(pipe: Pipeline, tmp_path) -> None:
    import json

    forms = _forms_script()
    text = FEATURE.format(headline="Jowhar's slow recovery", dateline="JOWHAR, Middle Shabelle region -")
    gold = tmp_path / "set.jsonl"
    row = {"id": "X-1", "text": text, "events": [{"places": ["Jowhar"], "killed": 11}]}
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    names = [n for n in forms.FORMS if n != "no_headline"]
    for path in forms.rewrite(gold, tmp_path / "out", names):
        (rewritten,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert {k: v for k, v in rewritten.items() if k != "text"} == {k: v for k, v in row.items() if k != "text"}
        assert rewritten["text"] != text, path.name
        assert _struck(pipe, rewritten["text"]) == {"Jawhar"}, path.name


def _page(headline: str, paragraphs: list[str], *, headline_in_story: bool) -> str:
    h1 = f"<h1 class='headline'>{headline}</h1>"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    story = f"<article>{h1 if headline_in_story else ''}{body}</article>"
    hero = "" if headline_in_story else f"<div class='hero'>{h1}</div>"
    return (
        f"<html><head><title>{headline} | The Daily Example</title></head><body><header><nav><a href='/'>Home</a>"
        f"</nav></header>{hero}<main>{story}</main><footer>All rights reserved</footer></body></html>"
    )


PAGE_TEXT = [
    "A missile hit an apartment block in the city on Monday, killing five people and wounding 20, the regional "
    "governor said.",
    "Rescuers searched the rubble through the night, and the wounded were taken to two hospitals, officials said.",
    "The mayor said the block had no military use and called on residents to stay in shelters during alerts.",
]


@pytest.mark.parametrize("headline_in_story", [False, True])
def test_a_web_pages_headline_is_read_wherever_the_page_sets_it(
    pipe: Pipeline, tmp_path, headline_in_story: bool
) -> None:
    from mapper.ingest import Source, read_article

    path = tmp_path / "page.html"
    path.write_text(
        _page("Russian missile strike kills five in Kharkiv", PAGE_TEXT, headline_in_story=headline_in_story)
    )
    article = read_article(Source(path, "page.html"))
    assert article.clean.count("Russian missile strike kills five in Kharkiv") == 1
    assert {m.place.name for m in pipe.analyse(article).mentions if m.role == "struck" and m.place} == {"Kharkiv"}


def test_a_feature_copied_from_a_web_page_keeps_its_dateline(pipe: Pipeline) -> None:
    # (the page's own lines above the story: the site's name, the author and dates, sharing, a photo's caption)
    page = (
        "Jowhar's slow recovery | The Weekly Example\n"
        "By Staff | Published 3 March 2024, 10:42 GMT | Updated 4 March 2024, 09:00 GMT\n"
        "Share this article\n"
        "The tea house seen from the river bank. (Photo: Example Agency)\n\n"
    )
    text = FEATURE.format(headline="", dateline="JOWHAR, Middle Shabelle region -").lstrip("\n")
    assert _struck(pipe, page + text) == {"Jawhar"}


def test_a_web_pages_own_lines_do_not_make_the_headline_town_the_reports_town(pipe: Pipeline) -> None:
    # (the headline names a town the story is not about; the dateline, below the page's lines, names another)
    text = (
        "Three years after Nairobi, the north rebuilds in the shadow of another war\n"
        "By Staff Writers | Published 3 March 2024, 10:42 GMT\n"
        "Traders at the reopened market. (Photo: Example Agency)\n\n"
        "MEKELLE, Ethiopia - Workers are laying new water pipes along the road above the hospital. In the market, "
        "goods from the capital are back on the shelves.\n\n"
        "Last week an air strike on the town's market killed eleven people, the regional health office said.\n"
    )
    assert "Nairobi" not in _struck(pipe, text)


def test_a_wire_services_credits_are_no_part_of_the_story(pipe: Pipeline) -> None:
    footer = (
        "\nReporting by Ana Lima in Kyiv and Omar Said in Beirut; additional reporting by Lena Park in Kabul; "
        "editing by Tom Hale\n\nOur Standards: The Example News Trust Principles.\n"
    )
    result = pipe.analyse(article_from_text("t.txt", STORY + footer))
    assert not {"Beirut", "Kabul"} & {m.surface for m in result.mentions}
    assert _struck(pipe, STORY + footer) == _struck(pipe, STORY) == {"Kurylivka"}
    # (a sentence that opens with the words is the story's: "Reporting by the agency found ...")
    clean, _ = clean_text("Reporting by the agency found that the strike killed 12 people in Kherson.\n")
    assert clean.startswith("Reporting by the agency")


@pytest.mark.parametrize("headline_below", [True, False])
def test_a_forwarded_e_mail_saved_as_text_is_read_as_its_story(pipe: Pipeline, headline_below: bool) -> None:
    story = STORY if headline_below else STORY.split("\n", 1)[1]
    text = (
        "---------- Forwarded message ---------\nFrom: News Desk <desk@example.org>\n"
        "Date: Mon, 3 Mar 2024 at 10:42\nSubject: Drone strike hits fuel depot near Kupiansk, killing two workers "
        "overnight\nTo: analysts@example.org\n\n" + story
    )
    clean, offsets = clean_text(text)
    assert clean.startswith("Drone strike hits fuel depot near Kupiansk")  # (the subject, once, as the headline)
    assert clean.count("Drone strike hits") == 1 and "desk@example.org" not in clean
    assert all(text[offsets[i]] == ch for i, ch in enumerate(clean) if ch not in " \n")
    assert _struck(pipe, text) == _struck(pipe, STORY) == {"Kurylivka"}
    # (a line that only opens like a field is the story's)
    assert clean_text("From: the front line, a letter.\nShelling went on all night.\n")[0].startswith("From: the front")


# a story whose lines a feed ran together: its standfirst, byline and dateline on the headline's next line
RUN_IN_STORY = (
    "Jowhar's slow recovery\n\n"
    "Months after a car bomb wrecked a busy tea house, a Somali river town asks what its peace was worth "
    "{byline}{dateline} The river runs slow and brown past the town, and on its western bank the tea house is a "
    "blackened shell with its tin roof curled back. On the evening of March 3, a car packed with explosives rammed "
    "the gate of the tea house, which was full of elders, officials and young men watching football. Eleven people "
    "were killed, according to the regional administration, and 30 wounded. The worst injured were flown to "
    "Mogadishu the next morning.\n"
)


@pytest.mark.parametrize(
    ("byline", "dateline", "rows"),
    [
        ("By Hassan Ali Nur ", "JOWHAR, Middle Shabelle region -", ["By Hassan Ali Nur", "JOWHAR, Middle Shabelle"]),
        ("By Hassan Ali Nur | Photographs by Amina Dahir ", "JOWHAR, Somalia -", ["By Hassan Ali Nur |", "JOWHAR,"]),
        ("", "JOWHAR (Reuters) -", ["JOWHAR (Reuters) - The river"]),
        ("By Hassan Ali Nur ", "JOWHAR, Somalia", ["By Hassan Ali Nur", "JOWHAR, Somalia", "The river runs"]),
        ("", "JOWHAR, March 4:", ["JOWHAR, March 4: The river"]),
    ],
)
def test_a_byline_and_dateline_run_into_the_first_line_get_lines_of_their_own(
    byline: str, dateline: str, rows: list[str]
) -> None:
    text = RUN_IN_STORY.format(byline=byline, dateline=dateline)
    clean, offsets = clean_text(text)
    assert len(clean) == len(text.rstrip("\n")) and len(offsets) == len(clean) + 1
    lines = clean.split("\n")
    assert lines[2].endswith("what its peace was worth")
    for k, row in enumerate(rows, start=3):
        assert lines[k].startswith(row)


@pytest.mark.parametrize(
    "text",
    [
        # (a word in capitals that the sentence names, after "the")
        "Talks stall in Colombo\n\nThe two ministers who were in the SLFP - State Minister Perera among them - voted "
        "against the bill on Tuesday.\n",
        # (a dateline on its own line already)
        "Blast in Jowhar\n\nJOWHAR, Somalia - A car bomb exploded outside a tea house on Monday.\n",
        # (a line all in capitals)
        "BLAST IN JOWHAR KILLS ELEVEN, SOMALI POLICE SAY - OFFICIALS\n\nA car bomb exploded on Monday.\n",
    ],
)
def test_words_in_capitals_that_are_no_run_in_dateline_stay_where_they_are(text: str) -> None:
    assert head_rows(text) == text


def test_a_story_run_into_one_paragraph_is_read_as_the_story_written_in_paragraphs(pipe: Pipeline) -> None:
    run = RUN_IN_STORY.format(byline="By Hassan Ali Nur ", dateline="JOWHAR, Middle Shabelle region -")
    written = FEATURE.format(headline="Jowhar's slow recovery", dateline="JOWHAR, Middle Shabelle region -")
    assert _struck(pipe, run) == _struck(pipe, written) == {"Jawhar"}


def test_a_run_together_paragraph_is_read_as_an_opening_and_paragraphs_of_two_sentences() -> None:
    from mapper.text import OPENING_SENTENCES, RUN_PARAGRAPH, RUN_TOGETHER, split_sentences

    body = " ".join(f"The crews cleared road number {n} by noon." for n in range(12))
    sentences = split_sentences("Roads cleared\n\n" + body + "\nA last line.")
    paragraphs = [s.paragraph for s in sentences]
    assert len(sentences) == 14 and RUN_TOGETHER <= 12
    opening = [1] * OPENING_SENTENCES
    rest = [2 + k // RUN_PARAGRAPH for k in range(12 - OPENING_SENTENCES)]
    assert paragraphs == [0, *opening, *rest, rest[-1] + 1]
    # a story written in paragraphs keeps its own
    written = "Roads cleared\n\n" + "\n\n".join(f"The crews cleared road {n}. They left at noon." for n in range(6))
    assert [s.paragraph for s in split_sentences(written)] == [0] + [k for k in range(1, 7) for _ in (0, 1)]


def test_the_lead_is_the_stories_first_sentence_whatever_lines_a_page_puts_before_it() -> None:
    from mapper.events.report_kind import report_kind
    from mapper.text import lead_end, split_sentences

    story = (
        "Twenty years after the Jowhar tea house bomb, the town remembers\n\n"
        "Twenty years after the bomb that killed eleven people at a tea house in Jowhar, the town held a vigil on "
        "Sunday at the rebuilt house.\n\nThe elders read the names of the dead on the anniversary.\n"
    )
    furniture = (
        "By Staff Writers | Published 3 March 2024, 10:42 GMT\n\n"
        "Mourners at the vigil on Sunday. (Photo: Example Agency)\n\n"
    )
    head, rest = story.split("\n\n", 1)
    page = head + "\n" + furniture + rest
    # (a page's buttons, and a caption of two sentences, under a headline that names the page)
    shared = head.upper() + " | The Daily Example\nShare this article\nThe vigil. (Photo: Example Agency)\n\n" + rest
    for text in (story, page, shared):
        clean, _ = clean_text(text)
        sentences = split_sentences(clean)
        assert clean[: lead_end(clean, sentences)].endswith("at the rebuilt house.")
        assert report_kind(clean, sentences) == "retrospective"


def test_a_photographs_caption_keeps_its_case() -> None:
    text = (
        "Head of the story about the vigil\n\nMourners Gather At The Rebuilt House. (Photo: Example Agency)\n\n"
        "Twenty years after the bomb, the town held a vigil.\n"
    )
    assert "Mourners Gather At The Rebuilt House. (Photo: Example Agency)" in clean_text(text)[0]


def test_a_brief_run_into_one_paragraph_is_read_as_a_lead_and_paragraphs_of_two() -> None:
    from mapper.text import RUN_PARAGRAPH, SHORT_OPENING, split_sentences

    body = " ".join(f"The crews cleared road number {n} by noon." for n in range(6))
    paragraphs = [s.paragraph for s in split_sentences("Roads cleared\n\n" + body)]
    assert paragraphs == [0] + [1] * SHORT_OPENING + [2 + k // RUN_PARAGRAPH for k in range(6 - SHORT_OPENING)]
    # (a story written in paragraphs of its own, one of them of five sentences among others, keeps them)
    written = "Roads cleared\n\n" + body + "\n\n" + "\n\n".join(f"Road {n} is open. Buses run." for n in range(3))
    assert max(s.paragraph for s in split_sentences(written)) == 4


# a feature's headline in capitals, run with the rest of its head into one line (a feed's text)
@pytest.mark.parametrize("headline", ["JOWHAR'S SLOW RECOVERY", "A RIVER TOWN COUNTS ITS DEAD IN JOWHAR"])
def test_a_headline_in_capitals_run_into_the_story_gets_a_line_of_its_own(pipe: Pipeline, headline: str) -> None:
    written = FEATURE.format(headline=headline, dateline="JOWHAR, Middle Shabelle region -")
    run = " ".join(written.split())
    clean, offsets = clean_text(run)
    assert len(clean) == len(run) and len(offsets) == len(clean) + 1
    assert [line.lower() for line in clean.split("\n")[:2]] == [
        headline.lower(),
        "months after a car bomb wrecked a busy tea house, a somali river town asks what its peace was worth",
    ]
    assert _struck(pipe, run) == _struck(pipe, written) == {"Jawhar"}


@pytest.mark.parametrize(
    "text",
    [
        "NEW DELHI, India - Shelling went on all night along the border.",  # (a dateline)
        "SAHEL SECURITY ROUND-UP - 18 June 2025 Gunmen attacked a village.",  # (a day before its month)
        "US AND UK Strike Houthi sites in Yemen",  # (a few short words)
        "THE QUIET RIVER\nMonths after a car bomb, a town counts its dead.",  # (on its own line already)
        # (a headline's line, short, with its standfirst: the line is the headline)
        "THE QUIET RIVER A town counts its dead\n\nMonths after a car bomb wrecked its tea house, Jowhar is quiet.",
    ],
)
def test_words_in_capitals_that_are_no_run_in_headline_stay_where_they_are(text: str) -> None:
    assert head_rows(text) == text


def test_the_items_of_a_list_run_into_one_line_get_lines_of_their_own(pipe: Pipeline) -> None:
    run = (
        "Summary of the shelling of the region over the past day. Over the past 24 hours the enemy struck eleven "
        "settlements, the head of the regional administration said. ▪️ Kupiansk. At about 15:40 the enemy shelled the "
        "town centre with artillery. One woman was injured. ▪️ Zolochiv. A guided aerial bomb hit the yard of a farm. "
        "Two workers were wounded. • Hospitals in the city are treating the wounded."
    )
    clean, _ = clean_text(run)
    lines = clean.split("\n")
    assert len(clean) == len(run) and [line.split(".")[0] for line in lines[1:]] == [
        "▪️ Kupiansk",
        "▪️ Zolochiv",
        "• Hospitals in the city are treating the wounded",
    ]
    assert {"Kupiansk", "Zolochiv"} <= _struck(pipe, run)
    # (a bullet between a byline's words is no item)
    assert "\n" not in clean_text("Shelling resumes. By Olena Marchuk • 3 min read")[0]


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        # (an outlet's credit above the dateline, and the town named only there: "here" points to it)
        (
            "KNO NEWS SERVICE\n\nSOPORE, June 21: A shopkeeper was killed and six people were injured when militants "
            "lobbed a grenade at a police vehicle in the main market here this morning.\n\nPolice sealed the area.\n",
            {"Sopur"},
        ),
        # (where it was said, not where it happened)
        (
            "PTI\n\nSOPORE, June 21: Officials said here on Monday that a drone had killed four militants.\n",
            set(),
        ),
    ],
)
def test_here_in_a_datelined_story_points_to_the_datelines_town(pipe: Pipeline, text: str, struck: set[str]) -> None:
    assert _struck(pipe, text) == struck
