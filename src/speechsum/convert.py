"""Saved web pages and Word documents to plain text: one paragraph a line, blank lines between."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from xml.etree import ElementTree

from speechsum.reading import BOMS, UTF8_EVIDENCE, InputError, decode_input, valid_multibyte

HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
DOCS_EXTRA = "needs the docs extra: pip install 'speechsum[docs]'"

# How far into a file its kind, and a page's declared charset, are looked for.
HEAD_BYTES = 4096

LEADING_JUNK = re.compile(r"\A(?:\s+|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
HTML_START = re.compile(r"<(?:!doctype\s+html|html)\b")
HTML_TAG = re.compile(r"</?(?:html|head|body|meta|title|p|div|br|span|h[1-6]|article|a)\b[^<>]*>")
CHARSET = re.compile(
    rb"(?:<meta\b[^>]*?charset|<\?xml\b[^>]*?encoding)\s*=\s*[\"']?\s*([-\w.:]+)", re.IGNORECASE
)
# Browsers read pages labelled latin-1 or ASCII as cp1252, whose curly quotes latin-1 lacks.
BROWSER_CODECS = {"iso8859-1": "cp1252", "ascii": "cp1252"}

# Elements of the extractor's XML output that start a paragraph; its <lb/> is a <br>.
BLOCKS = frozenset({"p", "head", "item", "cell", "quote", "code", "list", "table", "row"})
LINE_BREAK = "\x00"  # never in XML text, so it can stand for <lb/> until lines are joined
SENTENCE_END = re.compile(r"[.!?…][»\"”’)]*$")
DASH_START = re.compile(r"[—–-]\s")


@dataclass(frozen=True)
class Converted:
    """Plain text extracted from a page or document, what it was, and a note on reading it."""

    text: str
    kind: str
    warning: str = ""


def input_kind(name: str, data: bytes) -> str:
    """'html', 'docx' or 'text', by the file name's extension, else by what the bytes hold.

    >>> input_kind("report.HTM", b""), input_kind("-", b"<!-- saved -->\\n<!DOCTYPE html>")
    ('html', 'html')
    >>> input_kind("notes.txt", b"<p>Price < 100</p>"), input_kind("-", b"a < b, said he")
    ('html', 'text')
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix == ".docx":
        return "docx"
    if data.startswith(b"PK\x03\x04") and "word/document.xml" in zip_members(data):
        return "docx"
    head = text_head(data)
    if HTML_START.match(head) or (head.startswith("<") and len(HTML_TAG.findall(head)) >= 2):
        return "html"
    return "text"


def zip_members(data: bytes) -> list[str]:
    """The names in a ZIP archive, or none when it is not one."""
    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        return []


def text_head(data: bytes) -> str:
    """The start of `data` in lower case, past a BOM, whitespace, comments and `<?xml ...?>`."""
    encoding = "latin-1"  # keeps the ASCII of tags in any code page that tags are written in
    for bom, name in BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    return LEADING_JUNK.sub("", data[:HEAD_BYTES].decode(encoding, "replace").lower(), count=1)


def convert(data: bytes, kind: str) -> Converted:
    """The plain text of an HTML page ("html") or a Word document ("docx")."""
    if kind == "html":
        return convert_html(data)
    if kind == "docx":
        return convert_docx(data)
    raise ValueError(f"cannot convert input of kind {kind!r}")


def convert_html(data: bytes) -> Converted:
    """The article's headings and paragraphs, without menus, footers, banners and scripts."""
    try:
        import trafilatura  # ~0.3 s and ~70 MB with its dependencies: only pages need it
    except ImportError:
        raise InputError(f"reading HTML pages {DOCS_EXTRA}") from None
    page, warning = decode_page(data)
    if not re.search("<html", page, re.IGNORECASE):
        page = f"<html><body>{page}</body></html>"  # the extractor drops bare fragments
    # Precision mode: a page without an article gives nothing rather than its menus as text.
    extracted = trafilatura.extract(
        page, output_format="xml", favor_precision=True, include_comments=False
    )
    main = ElementTree.fromstring(extracted).find("main") if extracted else None
    paragraphs = list(xml_paragraphs(main)) if main is not None else []
    if not paragraphs:
        raise InputError("no article text found in this page")
    return Converted("\n\n".join(paragraphs) + "\n", "html", warning)


def decode_page(data: bytes) -> tuple[str, str]:
    """A page's text in its BOM's encoding, else its declared charset, else a detected one."""
    declared = declared_charset(data)
    if declared is None or any(data.startswith(bom) for bom, _ in BOMS):
        decoded = decode_input(data)
        return decoded.text, decoded.warning or ""
    if declared != "utf-8" and valid_multibyte(data) >= UTF8_EVIDENCE:
        try:
            return data.decode("utf-8"), f"the page declares {declared} but is UTF-8"
        except UnicodeDecodeError:
            pass  # bytes of the declared code page that happen to form UTF-8 characters
    try:
        return data.decode(declared), ""
    except UnicodeDecodeError:
        decoded = decode_input(data)
        return decoded.text, f"the page declares {declared} but is not; read as {decoded.encoding}"


def declared_charset(data: bytes) -> str | None:
    """The codec a page's `<meta>` or `<?xml ...?>` names near its start, if Python knows it."""
    found = CHARSET.search(data[:HEAD_BYTES])
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # A UTF-16 label that could be read as ASCII is wrong, and browsers read such pages as UTF-8.
    return "utf-8" if name.startswith("utf-16") else BROWSER_CODECS.get(name, name)


def xml_paragraphs(element: ElementTree.Element) -> Iterator[str]:
    """Paragraphs of the extractor's XML, in order; inline markup and links become plain text."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag in BLOCKS:
            yield from split_lines(pieces)
            pieces = []
            yield from xml_paragraphs(child)
        else:
            pieces.append(LINE_BREAK if child.tag == "lb" else "".join(child.itertext()))
        pieces.append(child.tail or "")
    yield from split_lines(pieces)


def split_lines(pieces: Iterable[str]) -> list[str]:
    """Paragraphs from text whose line breaks are LINE_BREAK, each on one line.

    A break ends a paragraph after a full stop or before a dash ("села.|«Дорогу",
    "Когда?|— Весной"), and is a space inside a sentence ("на|брифинге").
    """
    paragraphs: list[str] = []
    for line in "".join(pieces).split(LINE_BREAK):
        text = " ".join(line.split())
        if not text:
            continue
        if paragraphs and not SENTENCE_END.search(paragraphs[-1]) and not DASH_START.match(text):
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    return paragraphs


def convert_docx(data: bytes) -> Converted:
    """The document's paragraphs and table cells in order, without headers and footers."""
    try:
        import docx
    except ImportError:
        raise InputError(f"reading .docx files {DOCS_EXTRA}") from None
    members = zip_members(data)
    if "word/document.xml" not in members:
        reason = (
            "no word/document.xml in the archive"
            if members
            else "not a ZIP archive, or a damaged one"
        )
        raise InputError(f"not a readable .docx file: {reason}")
    try:
        document = docx.Document(io.BytesIO(data))
    # A damaged file fails in zipfile, zlib, lxml or python-docx, each in its own way.
    except Exception as error:
        raise InputError(f"not a readable .docx file: {short_reason(error)}") from None
    paragraphs = list(docx_paragraphs(document.iter_inner_content()))
    if not paragraphs:
        raise InputError("no text found in this document")
    return Converted("\n\n".join(paragraphs) + "\n", "docx")


def docx_paragraphs(content: Iterable[object]) -> Iterator[str]:
    """The text of python-docx paragraphs and of each table cell, nested tables too, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in content:
        if isinstance(block, Paragraph):
            yield from split_lines([block.text.replace("\n", LINE_BREAK)])
        elif isinstance(block, Table):
            seen: set[object] = set()  # a merged cell is listed once for each grid cell it spans
            for cell in (cell for row in block.rows for cell in row.cells):
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    yield from docx_paragraphs(cell.iter_inner_content())


def short_reason(error: Exception) -> str:
    """The first line of an exception's message, without the quotes KeyError adds."""
    if isinstance(error, (AttributeError, TypeError, IndexError)):
        return "its parts are damaged or missing"  # python-docx tripping over odd XML
    message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
    return (message.strip().splitlines() or [type(error).__name__])[0][:120]
