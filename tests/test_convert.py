"""convert: saved web pages and Word documents to paragraphs of plain text."""

from __future__ import annotations

import html
import importlib.util
import io
import sys
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechsum.convert import Converted, convert, input_kind, split_lines
from speechsum.reading import InputError

needs_trafilatura = pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None, reason="the docs extra is not installed"
)
needs_docx = pytest.mark.skipif(
    importlib.util.find_spec("docx") is None, reason="the docs extra is not installed"
)

MENU = "".join(f'<li><a href="/rubric/{i}">Рубрика {i}</a></li>' for i in range(15))
ARTICLE = """
<h1>Аким пообещал отремонтировать дорогу</h1>
<p>Аким района Марат Сейтов встретился с жителями села
   Жаңаталап и ответил на их вопросы.</p>
<p>«Дорогу отремонтируют до конца лета», — сказал Сейтов.</p>
<h2>Вопросы жителей</h2>
<p>— Когда откроют новую школу в нашем селе?</p>
<p>— Мы начнём строительство весной, если подрядчик не подведёт.</p>
<p>The deputy governor added: “The budget is already approved.”</p>
"""
EXPECTED = [
    "Аким пообещал отремонтировать дорогу",
    "Аким района Марат Сейтов встретился с жителями села Жаңаталап и ответил на их вопросы.",
    "«Дорогу отремонтируют до конца лета», — сказал Сейтов.",
    "Вопросы жителей",
    "— Когда откроют новую школу в нашем селе?",
    "— Мы начнём строительство весной, если подрядчик не подведёт.",
    "The deputy governor added: “The budget is already approved.”",
]


def page(article: str, charset: str = '<meta charset="utf-8">') -> str:
    """A news page of our own around `article`: menu, cookie banner, scripts, sidebar, footer."""
    return f"""<!DOCTYPE html>
<html lang="ru"><head>{charset}<title>Новости района</title>
<style>.menu li {{ display: inline }}</style>
<script>var counter = "СЧЁТЧИК_ПОСЕЩЕНИЙ";</script></head>
<body>
<div class="cookie-banner">Мы используем файлы cookie. <button>Согласен</button></div>
<header><nav class="menu"><ul>{MENU}</ul></nav></header>
<main><article>{article}</article>
<aside class="related"><h3>Читайте также</h3><ul>
<li><a href="/n/1">Новость про погоду в области</a></li>
<li><a href="/n/2">Новость про футбольный матч</a></li></ul></aside></main>
<footer><p>© 2025 Редакция районной газеты. Все права защищены.</p></footer>
<script>window.dataLayer = [];</script>
</body></html>"""


def paragraphs(converted: Converted) -> list[str]:
    """The paragraphs of a conversion, checking the blank-line layout on the way."""
    assert converted.text.endswith("\n") and not converted.text.endswith("\n\n")
    parts = converted.text.removesuffix("\n").split("\n\n")
    assert all(part and "\n" not in part and part == part.strip() for part in parts)
    return parts


@needs_trafilatura
def test_page_keeps_the_article_paragraphs_and_drops_the_rest() -> None:
    converted = convert(page(ARTICLE).encode(), "html")
    assert (converted.kind, converted.warning) == ("html", "")
    assert paragraphs(converted) == EXPECTED
    for boilerplate in ("Рубрика", "cookie", "Читайте", "©", "СЧЁТЧИК", "dataLayer", "display"):
        assert boilerplate not in converted.text


@needs_trafilatura
def test_entities_are_decoded() -> None:
    article = (
        "<p>&laquo;Мы готовы&raquo;, &mdash; заявил министр&nbsp;финансов "
        "Иван Петров на брифинге &#8212; впервые с января.</p>"
        "<p>&ndash; Сколько это стоит?</p>"
        "<p>&#x2014; Дешевле, чем в 2023&nbsp;году &amp; раньше.</p>"
    )
    assert paragraphs(convert(page(article).encode(), "html")) == [
        "«Мы готовы», — заявил министр финансов Иван Петров на брифинге — впервые с января.",
        "– Сколько это стоит?",
        "— Дешевле, чем в 2023 году & раньше.",
    ]


@needs_trafilatura
@pytest.mark.parametrize(
    "charset",
    [
        '<meta charset="windows-1251">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
    ids=["meta-charset", "http-equiv"],
)
def test_cp1251_page_is_read_in_its_declared_charset(charset: str) -> None:
    article = ARTICLE.replace("Жаңаталап", "Заречное")  # cp1251 has no Kazakh letters
    converted = convert(page(article, charset).encode("cp1251"), "html")
    assert paragraphs(converted)[1:3] == [
        "Аким района Марат Сейтов встретился с жителями села Заречное и ответил на их вопросы.",
        "«Дорогу отремонтируют до конца лета», — сказал Сейтов.",
    ]
    assert converted.warning == ""


@needs_trafilatura
def test_latin1_label_is_read_as_cp1252_like_browsers_do() -> None:
    article = "<p>The mayor of Saint-Étienne said: “The café on the square stays open.”</p>"
    data = (
        '<html><head><meta charset="iso-8859-1"><title>News</title></head><body>'
        f'<nav><a href="/">Home</a> <a href="/w">World</a></nav><article>{article}</article>'
        "<footer>© 2025 The Gazette</footer></body></html>"
    ).encode("cp1252")
    assert paragraphs(convert(data, "html")) == [
        "The mayor of Saint-Étienne said: “The café on the square stays open.”"
    ]


@needs_trafilatura
@pytest.mark.parametrize(
    "declaration",
    [
        '<html><head><meta charset="windows-1250">',
        '<?xml version="1.0" encoding="windows-1250"?><html><head>',
    ],
    ids=["meta-charset", "xml-declaration"],
)
def test_declared_charset_beats_a_guess(declaration: str) -> None:
    article = "<p>Prezydent Łodzi powiedział: „Zaczniemy wiosną, jeśli pogoda pozwoli”.</p>"
    data = (
        f"{declaration}<title>Wiadomości</title></head><body>"
        f'<nav><a href="/">Główna</a> <a href="/s">Sport</a></nav><article>{article}</article>'
        "<footer>© 2025 Gazeta</footer></body></html>"
    ).encode("cp1250")
    assert paragraphs(convert(data, "html")) == [
        "Prezydent Łodzi powiedział: „Zaczniemy wiosną, jeśli pogoda pozwoli”."
    ]


@needs_trafilatura
def test_utf16_label_on_an_ascii_compatible_page_is_read_as_utf8() -> None:
    converted = convert(page(ARTICLE, '<meta charset="utf-16">').encode(), "html")
    assert (paragraphs(converted), converted.warning) == (EXPECTED, "")


@needs_trafilatura
def test_bom_beats_the_declared_charset() -> None:
    data = b"\xef\xbb\xbf" + page(ARTICLE, '<meta charset="windows-1251">').encode()
    converted = convert(data, "html")
    assert paragraphs(converted) == EXPECTED
    assert converted.warning == ""


@needs_trafilatura
def test_utf8_page_declared_cp1251_is_read_as_utf8_with_a_warning() -> None:
    converted = convert(page(ARTICLE, '<meta charset="windows-1251">').encode(), "html")
    assert paragraphs(converted) == EXPECTED
    assert converted.warning == "the page declares cp1251 but is UTF-8"


@needs_trafilatura
def test_line_breaks_inside_a_paragraph() -> None:
    article = (
        "<p>Аким района провёл встречу с жителями.<br>«Дорогу отремонтируют», — обещал он.</p>"
        "<p>— Когда откроют школу?<br>— Осенью, — ответил аким.</p>"
        "<p>Об этом он сообщил на<br>брифинге в пятницу вечером.</p>"
    )
    assert paragraphs(convert(page(article).encode(), "html")) == [
        "Аким района провёл встречу с жителями.",
        "«Дорогу отремонтируют», — обещал он.",
        "— Когда откроют школу?",
        "— Осенью, — ответил аким.",
        "Об этом он сообщил на брифинге в пятницу вечером.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Жители спросили.|«Починят», — сказал он.",
            ["Жители спросили.", "«Починят», — сказал он."],
        ),
        ("Он ответил:|— Весной.", ["Он ответил:", "— Весной."]),
        ("сообщил на|  брифинге", ["сообщил на брифинге"]),
        ("Он сказал: «Да.»||Потом ушёл.", ["Он сказал: «Да.»", "Потом ушёл."]),
        ("|  |", []),
    ],
    ids=["after-full-stop", "before-dash", "mid-sentence", "after-closing-quote", "empty"],
)
def test_split_lines(text: str, expected: list[str]) -> None:
    assert split_lines([text.replace("|", "\x00")]) == expected


@needs_trafilatura
@pytest.mark.parametrize(
    "fragment",
    ["<p>«Мы готовы», — сказал министр.</p>", "<div><p>«Мы готовы», — сказал министр.</p></div>"],
    ids=["one-paragraph", "one-div"],
)
def test_page_fragment_without_html_element(fragment: str) -> None:
    assert paragraphs(convert(fragment.encode(), "html")) == ["«Мы готовы», — сказал министр."]


@needs_trafilatura
def test_page_without_article_text() -> None:
    with pytest.raises(InputError, match="^no article text found in this page$"):
        convert(page("").encode(), "html")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.HTML", b"just text", "html"),
        ("saved.xhtml", b"", "html"),
        ("notes.Docx", b"", "docx"),
        ("-", b"\xef\xbb\xbf\n  <!-- saved from a browser -->\n<!doctype HTML><p>x", "html"),
        ("-", '<html lang="ru"><body>Текст</body></html>'.encode("utf-16"), "html"),
        ("report.txt", b"<?xml version='1.0'?>\n<html xmlns='urn:x'><body>", "html"),
        ("download", b"<head><title>x</title></head><body><p>y</p></body>", "html"),
        ("-", "<p>Министр заявил, что цена < 100 тенге.</p>".encode(), "html"),
        ("-", "Министр заявил, что цена < 100 тенге, а <b> не тег.".encode(), "text"),
        ("-", "Письмо: <p>Мы начнём весной.</p><p>Иван</p>".encode(), "text"),
        ("-", "<Иванов> Мы начнём весной.\n<Петров> Хорошо.".encode(), "text"),
        ("letter.txt", b"<ivan@example.kz> wrote:\n> we will start in spring", "text"),
        ("-", b"PK\x03\x04 not really a zip", "text"),
    ],
    ids=[
        "ext-html",
        "ext-xhtml",
        "ext-docx",
        "doctype-after-bom-and-comment",
        "utf16-html",
        "xml-declaration",
        "head-body-tags",
        "fragment",
        "text-with-lt",
        "text-quoting-tags",
        "transcript-labels",
        "email-quote",
        "fake-zip",
    ],
)
def test_input_kind(name: str, data: bytes, kind: str) -> None:
    assert input_kind(name, data) == kind


def test_input_kind_sniffs_a_docx_and_not_any_zip() -> None:
    assert input_kind("upload", docx_like_zip("word/document.xml")) == "docx"
    assert input_kind("upload", docx_like_zip("xl/workbook.xml")) == "text"


def docx_like_zip(member: str) -> bytes:
    """A ZIP archive holding one member, as an office file would."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<document/>")
    return buffer.getvalue()


def make_docx() -> bytes:
    """A Word document with a heading, paragraphs, a line break and a table with merged cells."""
    import docx

    document = docx.Document()
    document.add_heading("Итоги заседания акимата", level=1)
    document.add_paragraph("Аким области Ерлан Садыков   провёл заседание.")
    document.add_paragraph("")
    document.add_paragraph("«Бюджет исполнен», — сообщил он.")
    document.add_paragraph("— Какие планы?").add_run().add_break()
    document.paragraphs[-1].add_run("— Строить школы, — ответил аким.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Школы"
    table.cell(0, 1).text = "Сорок новых школ"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Итого по области"
    document.add_paragraph("Заседание закрыто.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@needs_docx
def test_docx_paragraphs_and_table_cells_in_order() -> None:
    data = make_docx()
    assert input_kind("protocol", data) == "docx"
    converted = convert(data, "docx")
    assert (converted.kind, converted.warning) == ("docx", "")
    assert paragraphs(converted) == [
        "Итоги заседания акимата",
        "Аким области Ерлан Садыков провёл заседание.",
        "«Бюджет исполнен», — сообщил он.",
        "— Какие планы?",
        "— Строить школы, — ответил аким.",
        "Школы",
        "Сорок новых школ",
        "Итого по области",
        "Заседание закрыто.",
    ]


def scramble_document(data: bytes) -> bytes:
    """`data` with bytes in the middle of the compressed word/document.xml flipped."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    # A local file header is 30 bytes, then the name and the extra field.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    middle = start + info.compress_size // 2
    return (
        data[:middle]
        + bytes(byte ^ 0x55 for byte in data[middle : middle + 16])
        + data[middle + 16 :]
    )


@needs_docx
@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: b"PK\x03\x04\x14\x00garbage", "not a ZIP archive, or a damaged one"),
        (lambda data: data[: len(data) // 2], "not a ZIP archive, or a damaged one"),
        (lambda data: docx_like_zip("xl/workbook.xml"), "no word/document.xml in the archive"),
        (lambda data: docx_like_zip("word/document.xml"), "its parts are damaged or missing"),
        (scramble_document, "(Bad CRC-32|Error -3 while decompressing)"),
    ],
    ids=["not-a-zip", "truncated", "zip-without-document", "bare-parts", "scrambled"],
)
def test_corrupt_docx(damage: Callable[[bytes], bytes], reason: str) -> None:
    with pytest.raises(InputError, match=rf"^not a readable \.docx file: {reason}") as error:
        convert(damage(make_docx()), "docx")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("module", "kind", "message"),
    [
        ("trafilatura", "html", "reading HTML pages needs the docs extra"),
        ("docx", "docx", "reading .docx files needs the docs extra"),
    ],
    ids=["html", "docx"],
)
def test_missing_docs_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, kind: str, message: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(InputError) as error:
        convert(b"<html><body><p>x</p></body></html>", kind)
    assert str(error.value) == f"{message}: pip install 'speechsum[docs]'"


def test_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="text"):
        convert(b"plain", "text")


WORDS = st.sampled_from(
    [
        "Аким",
        "сказал",
        "заявил",
        "—",
        "–",
        "«Мы",
        "начнём»,",
        "“We",
        "will”",
        "&",
        "<",
        ">",
        "a&b",
        "Сейтов",
        "Марат",
        "школа.",
        "весной?",
        "Жаңаталап",
        "2025",
        "\u00a0",
        "...",
        '"',
        "'",
    ]
)
PARAGRAPHS = st.lists(st.lists(WORDS, min_size=1, max_size=25).map(" ".join), max_size=8)


@needs_trafilatura
@settings(max_examples=40, deadline=None)
@given(PARAGRAPHS)
def test_page_paragraphs_come_out_whole_or_not_at_all(texts: list[str]) -> None:
    article = "".join(f"<p>{html.escape(text)}</p>" for text in texts)
    try:
        converted = convert(page(article).encode(), "html")
    except InputError as error:
        assert str(error) == "no article text found in this page"
        return
    expected = [" ".join(text.split()) for text in texts]
    assert all(paragraph in expected for paragraph in paragraphs(converted))
