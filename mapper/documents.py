"""Articles that come as documents: PDF reports (UN, OCHA, NGOs) and Word files, and the files
that are no articles at all (what the run says it passed over, and why).

* PDF through ``pypdf`` (pure Python, BSD, maintained by the py-pdf group; no compiled
  parts to install, and its text extraction keeps reading order well on reports set in
  columns).  ``pdfminer.six`` lays text out more exactly but is several times slower and
  adds a cryptography stack; the stages need sentences, not layout.  The text of each page
  is reflowed: lines a page broke inside a paragraph are joined (a PDF has no paragraphs,
  only lines), so that a sentence is not cut at every line end.
* ``.docx`` through ``python-docx`` (MIT, the library most Word-reading code uses): the
  text of its paragraphs, one per line.
* Title and date come from the document's own properties when it has them.
* A saved e-mail (``.eml``: a news alert, a wire story sent by mail) through the standard
  library's ``email`` package, which undoes the MIME encodings (base64, quoted-printable,
  encoded subjects, charsets): its plain-text body (flowed lines joined, RFC 3676), else its
  HTML body, which the caller gives the article extractor; the subject is its title and the
  Date header its date.

pypdf and python-docx are imported only when such a file is read.  What they give is the article's
``text``: reported offsets point into it, as they point into the text trafilatura
extracts from HTML.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator
from datetime import datetime

from . import rx
from .text import DocumentWords, line_joins, line_width

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
EMAIL_SUFFIXES = {".eml"}

# what the files we do not read are, for the one line that says so
_KINDS = {
    "an image": ".jpg .jpeg .png .gif .webp .tif .tiff .bmp .heic .svg .ico",
    "a spreadsheet": ".xls .xlsx .xlsm .ods .csv .tsv .numbers",
    "a presentation": ".ppt .pptx .odp .key",
    "an old or other word-processor file (save it as .docx or PDF)": ".doc .odt .rtf .pages .wpd",
    "a video or sound file": ".mp4 .mov .avi .mkv .webm .mp3 .wav .ogg .m4a .flac",
    "an archive (unpack it first)": ".zip .tar .gz .tgz .bz2 .xz .7z .rar",
    "an Outlook message (save it as .eml)": ".msg",
    "a mailbox": ".mbox",
    "an e-book": ".epub .mobi .azw3",
    "a data file": ".json .jsonl .xml .geojson .kml .kmz .gpkg .shp .sqlite .db",
    "a program or library": ".exe .dll .so .dylib .bin .py .js .sh",
}
_KIND_OF = {suffix: kind for kind, suffixes in _KINDS.items() for suffix in suffixes.split()}
# of those, the ones that are never text: a file given by name with one of these is not even decoded
BINARY_SUFFIXES = frozenset(_KIND_OF) - frozenset(
    ".csv .tsv .json .jsonl .xml .geojson .kml .svg .mbox .rtf .py .js .sh".split()
)


def kind_of(suffix: str) -> str:
    """What a file with this suffix is, in a few words ("an image")."""
    s = suffix.lower()
    if not s:
        return "a file without a suffix"
    return _KIND_OF.get(s, f"a {s} file")


class DocumentError(Exception):
    """The document cannot be read; the message is one line."""


@contextlib.contextmanager
def _quiet(*loggers: str) -> Iterator[None]:
    """The libraries log what they repair in a damaged file; the run says what matters once."""
    olds = [(logging.getLogger(n), logging.getLogger(n).level) for n in loggers]
    for log, _ in olds:
        log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for log, level in olds:
            log.setLevel(level)


def read_pdf(data: bytes) -> tuple[str, dict[str, str | None]]:
    """The text of a PDF (reflowed) and its title and date; ``DocumentError`` when it has none."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, PyPdfError
    except ImportError as exc:  # pragma: no cover - a broken install
        raise DocumentError(f"cannot read PDF: pypdf fails to load: {exc}") from None
    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise DocumentError("encrypted PDF (it needs a password); skipped")
                except (NotImplementedError, PyPdfError, DependencyError) as exc:
                    raise DocumentError(f"encrypted PDF that cannot be opened here ({exc}); skipped") from None
            raw = [page.extract_text() or "" for page in reader.pages]
            whole = DocumentWords("\n".join(raw))
            pages = [_reflow(page, whole) for page in raw]
            meta = reader.metadata
        except DocumentError:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
            raise DocumentError(f"broken PDF: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    text = "\n\n".join(p for p in pages if p.strip())
    title = date = None
    if meta is not None:
        with contextlib.suppress(Exception):  # damaged metadata is no metadata
            title = (meta.title or "").strip() or None
        with contextlib.suppress(Exception):
            created = meta.creation_date
            date = created.date().isoformat() if isinstance(created, datetime) else None
    return text, {"title": title, "date": date}


MAX_UNPACKED = 100 * 2**20  # bytes a .docx may unpack to (a long report's is a few MB)


def read_docx(data: bytes) -> tuple[str, dict[str, str | None]]:
    """The text of a Word (.docx) file, a paragraph a line, and its title and date."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a broken install
        raise DocumentError(f"cannot read .docx: python-docx fails to load: {exc}") from None
    _check_unpacked(data)
    try:
        doc = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in doc.paragraphs]
        props = doc.core_properties
        title = (props.title or "").strip() or None
        created = props.created
    except Exception as exc:  # a zip that is no Word file, broken XML: this file's problem
        raise DocumentError(f"broken .docx: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    date = created.date().isoformat() if isinstance(created, datetime) else None
    return "\n".join(paragraphs), {"title": title, "date": date}


def _check_unpacked(data: bytes) -> None:
    """Refuse a zip (a .docx) that unpacks to more than ``MAX_UNPACKED`` bytes: a few MB can
    hold gigabytes of XML, which would fill the memory long before any time limit stops the
    reading.  The sizes are those its directory declares, which reading never exceeds."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"broken .docx: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    if unpacked > MAX_UNPACKED:
        raise DocumentError(
            f"too large once unpacked: {unpacked // 2**20} MB, over the {MAX_UNPACKED // 2**20} MB limit"
            " for one document (a zip bomb?); skipped"
        )


# what a forwarded or answered message's subject opens with
_REPLY_PREFIX = rx.compile(r"^(?:\s*(?:re|fwd?|aw|wg|tr)\s*:\s*)+", re.IGNORECASE)


def parse_email(data: bytes) -> tuple[str, bool, dict[str, str | None]]:
    """The body of a saved e-mail, whether it is HTML, and its title (the subject, without "Fwd:"
    or "Re:") and date (of the Date header); ``DocumentError`` when it has no text body."""
    import email
    import email.policy
    from email.message import EmailMessage
    from email.utils import parsedate_to_datetime

    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        assert isinstance(msg, EmailMessage)  # (what the default policy makes)
        body = msg.get_body(preferencelist=("plain", "html"))
        if body is None:
            raise DocumentError("an e-mail without a text or HTML body; skipped")
        try:
            content = body.get_content()
        except LookupError:  # a charset Python does not know: its bytes as UTF-8, what is not so replaced
            raw = body.get_payload(decode=True)
            content = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else ""
    except DocumentError:
        raise
    except Exception as exc:  # the parser is lenient; what it still refuses is this file's problem
        raise DocumentError(f"broken e-mail: {type(exc).__name__}: {exc}".splitlines()[0][:200]) from None
    if not isinstance(content, str):
        raise DocumentError("an e-mail whose body is no text; skipped")
    html = body.get_content_type() == "text/html"
    if not html and str(body.get_param("format", "")).lower() == "flowed":
        content = _unflowed(content, delsp=str(body.get_param("delsp", "")).lower() == "yes")
    title = date = None
    with contextlib.suppress(Exception):  # a damaged header is no header
        title = _REPLY_PREFIX.sub("", str(msg.get("subject") or "")).strip() or None
    with contextlib.suppress(Exception):
        date = parsedate_to_datetime(str(msg.get("date"))).date().isoformat()
    return content.replace("\r\n", "\n"), html, {"title": title, "date": date}


def _unflowed(text: str, *, delsp: bool) -> str:
    """Plain text sent as format=flowed (RFC 3676) with its flowed lines joined: a line that ends
    in a space goes on in the next (the space dropped with DelSp=yes), and a space that opens a
    line was added by the sender ("space-stuffing")."""
    out: list[str] = []
    para = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]
        if line.endswith(" ") and line != "-- ":  # (the signature line is never flowed)
            para += line[:-1] if delsp else line
        else:
            out.append(para + line)
            para = ""
    if para:
        out.append(para)
    return "\n".join(out)


def _reflow(page: str, document: DocumentWords | None = None) -> str:
    """Join the lines a page broke inside a paragraph (``mapper.text.line_joins``).  A word broken
    at its hyphen is joined whole, without the hyphen when the typesetter put it there
    (``DocumentWords.hyphenated_at_break``: the ``document`` writes the word whole)."""
    rows = [ln.strip() for ln in page.splitlines()]
    out: list[str] = []
    for row, join in zip(rows, line_joins(rows, line_width(rows)), strict=True):
        if not row:
            if out and out[-1] != "":
                out.append("")
        elif join is None or not out or out[-1] == "":
            out.append(row)
        else:
            if join == "" and document is not None and document.hyphenated_at_break(out[-1], row):
                out[-1] = out[-1][:-1]
            out[-1] += join + row
    return "\n".join(out).strip()


__all__ = [
    "BINARY_SUFFIXES",
    "DOCX_SUFFIXES",
    "EMAIL_SUFFIXES",
    "PDF_SUFFIXES",
    "DocumentError",
    "kind_of",
    "parse_email",
    "read_docx",
    "read_pdf",
]
