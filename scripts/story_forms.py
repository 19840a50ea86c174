#!/usr/bin/env python3
"""Rewrite a set of reports with gold into the forms outlets give the same story, to measure how
much the mapper's reading depends on form rather than words.

usage:
  python scripts/story_forms.py GOLD.jsonl -o OUTDIR [--forms own_case_dateline,typed_dash,...]

Writes ``OUTDIR/<stem>.<form>.jsonl`` for each form: the same reports, ids and gold, the text
rewritten.  Score each with ``score_events.py`` beside the set as written; a reading that does
not depend on form scores the same.  The forms:

* ``own_case_dateline``: "KHARKIV, Ukraine (AP) -" written "Kharkiv, Ukraine (AP) -" (a headline all in
  capitals is left as it is);
* ``typed_dash``: a spaced dash written as two hyphens (" -- ");
* ``caps_headline``: the headline (a first line that ends no sentence) in capitals;
* ``title_headline``: the headline in title case (small words in lower case);
* ``wrapped``: every line hard-wrapped at 70 characters, blank lines kept;
* ``wrapped_tight``: the same, with no blank line between paragraphs (a PDF's text);
* ``no_headline``: the headline left out (a harder form: it may hold the only name of the place);
* ``web_copy``: as copied from a site's page: the headline with the site's name, a line of author and dates,
  "Share this article", a photo's caption, then the story;
* ``wire_footer``: a wire service's footer below the story (who reported from where, who edited);
* ``related_links``: a page's list of links to other stories of attacks below the story;
* ``markdown``: the headline as a Markdown heading ("# ...");
* ``forwarded``: an e-mail forwarded and saved as text (From, Date, Subject, To above the story);
* ``one_paragraph``: the story's lines run together into one paragraph below its headline (a feed's text);
* ``run_flat``: every line run together, the headline, byline and dateline too (a feed's or a scraper's text with
  no line breaks at all).
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

_SMALL = frozenset("a an the of in on at to by for from with near into as and or but is are was were".split())
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+)*)(?=,| \(| [-–—] )")


def _headline_end(text: str) -> int | None:
    """Where the headline ends: a first line of at most 130 characters that ends no sentence and
    has a story below it."""
    end = text.find("\n")
    if end <= 0 or len(text[:end]) > 130 or text[:end].rstrip().endswith((".", "?", "!")) or not text[end:].strip():
        return None
    return end


def own_case_dateline(text: str) -> str:
    """Every dateline's town in title case; a headline all in capitals ("TORIBIO, UNDER THE MOUNTAIN") is left."""
    lines = text.split("\n")
    return "\n".join(
        line if not any(c.islower() for c in line) else _DATELINE.sub(lambda m: m.group(1).title(), line)
        for line in lines
    )


def typed_dash(text: str) -> str:
    return re.sub(r" [-–—] ", " -- ", text)


def caps_headline(text: str) -> str:
    end = _headline_end(text)
    return text if end is None else text[:end].upper() + text[end:]


def title_headline(text: str) -> str:
    end = _headline_end(text)
    if end is None:
        return text
    words = text[:end].split(" ")
    titled = [w if i and w.lower() in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return " ".join(titled) + text[end:]


def wrapped(text: str) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, 70)) if line.strip() else line for line in text.split("\n"))


def wrapped_tight(text: str) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, 70)) for line in text.split("\n") if line.strip())


def no_headline(text: str) -> str:
    end = _headline_end(text)
    return text if end is None else text[end:].lstrip()


def web_copy(text: str) -> str:
    """As copied from a news site's page: the headline with the site's name, then a line of the page's own
    (author, dates, sharing), a photo's caption, and the story."""
    end = _headline_end(text)
    if end is None:
        return text
    return (
        text[:end].rstrip()
        + " | The Daily Example\n"
        + "By Staff Writers | Published 3 March 2024, 10:42 GMT | Updated 3 March 2024, 14:05 GMT\n"
        + "Share this article\n"
        + "A photograph of the scene taken on Monday. (Photo: Example Agency)\n\n"
        + text[end:].lstrip("\n")
    )


def wire_footer(text: str) -> str:
    """With a wire service's footer: who reported from where, who edited, the agency's standards line."""
    return (
        text.rstrip("\n")
        + "\n\nReporting by Ana Lima in Kyiv and Omar Said in Beirut; additional reporting by Lena Park in Kabul; "
        "editing by Tom Hale\n\nOur Standards: The Example News Trust Principles.\n"
    )


def related_links(text: str) -> str:
    """With a page's list of links to other stories below the story, each a headline of another attack."""
    return (
        text.rstrip("\n")
        + "\n\nRelated coverage\n"
        + "Drone strike kills three in Kherson\nShelling hits market in Donetsk, five dead\n"
        + "Car bomb in Mogadishu kills nine\n"
    )


def markdown(text: str) -> str:
    """As a Markdown note: the headline as a heading ("# ...")."""
    end = _headline_end(text)
    return text if end is None else "# " + text


def forwarded(text: str) -> str:
    """As an e-mail forwarded and saved as text: the forwarding header above the story."""
    end = _headline_end(text)
    subject = text[:end] if end is not None else "News"
    return (
        "---------- Forwarded message ---------\nFrom: News Desk <desk@example.org>\n"
        f"Date: Mon, 3 Mar 2024 at 10:42\nSubject: {subject}\nTo: analysts@example.org\n\n" + text
    )


def one_paragraph(text: str) -> str:
    """The story's lines run together into one paragraph below its headline (a feed's or an export's text)."""
    end = _headline_end(text)
    head, body = ("", text) if end is None else (text[:end] + "\n\n", text[end:])
    return head + " ".join(body.split())


def run_flat(text: str) -> str:
    """Every line run together into one, the headline's too (a feed's or a scraper's text with no line breaks)."""
    return " ".join(text.split())


FORMS: dict[str, Callable[[str], str]] = {
    "own_case_dateline": own_case_dateline,
    "typed_dash": typed_dash,
    "caps_headline": caps_headline,
    "title_headline": title_headline,
    "wrapped": wrapped,
    "wrapped_tight": wrapped_tight,
    "no_headline": no_headline,
    "web_copy": web_copy,
    "wire_footer": wire_footer,
    "related_links": related_links,
    "markdown": markdown,
    "forwarded": forwarded,
    "one_paragraph": one_paragraph,
    "run_flat": run_flat,
}


def rewrite(gold: Path, outdir: Path, forms: list[str]) -> list[Path]:
    """Write ``gold`` rewritten in each of ``forms`` under ``outdir``; the paths written."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").split("\n") if line.strip()]
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in forms:
        path = outdir / f"{gold.stem}.{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(dict(row, text=FORMS[name](row["text"])), ensure_ascii=False) + "\n")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("-o", type=Path, required=True)
    ap.add_argument("--forms", default=",".join(FORMS), help="comma-separated, of: " + ", ".join(FORMS))
    args = ap.parse_args()
    forms = [f for f in args.forms.split(",") if f]
    unknown = [f for f in forms if f not in FORMS]
    if unknown:
        ap.error(f"unknown form(s): {', '.join(unknown)}")
    for path in rewrite(args.gold, args.o, forms):
        print(path)


if __name__ == "__main__":
    main()
