"""Real inputs through the command line: saved web pages, Word documents, and texts in a
language speechsum does not read (own-written material, built in the tests)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from speechsum.cli import ExitStatus, app

runner = CliRunner()

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Новости района</title>
<script>var counter = "Тимур Оспанов сказал";</script>
<style>p { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/sport">Спорт</a></li>
<li><a href="/culture">Культура</a></li><li><a href="/weather">Погода</a></li></ul></nav>
<div class="cookie">Мы используем файлы cookie. <button>Принять</button></div>
<article>
<h1>В районе обсудили ремонт дорог</h1>
<p>В понедельник в акимате района прошло совещание о ремонте дорог и мостов перед
весенним паводком.</p>
<p>&laquo;Мост через реку откроем в&nbsp;мае, а дорогу до села отремонтируем к осени&raquo;,
&mdash; сообщил глава района Тимур Оспанов.</p>
<p>Депутат маслихата Нина Громова заявила, что денег на ремонт дорог в этом году хватит.</p>
<p>По её словам, подрядчиков выберут на открытом конкурсе в марте.</p>
</article>
<footer><p>© 2026 Районная газета. Все права защищены.</p>
<a href="/about">О редакции</a> <a href="/ads">Реклама</a></footer>
</body></html>
"""


def run(*args: str, input: str | bytes | None = None) -> Result:
    """Invoke `speechsum ARGS`."""
    return runner.invoke(app, list(args), input=input, prog_name="speechsum")


def wire_of(result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    wire: dict[str, object] = json.loads(result.stdout)
    return wire


def assert_offsets_refer_to_the_text(wire: dict[str, object]) -> None:
    text = wire["text"]
    assert isinstance(text, str)
    segments = wire["segments"]
    assert isinstance(segments, list) and segments
    for segment in segments:
        assert text[segment["start"] : segment["end"]] == segment["text"]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    pytest.importorskip("trafilatura")
    path = tmp_path / "news.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_a_web_page_is_read_as_its_article(page: Path) -> None:
    wire = wire_of(run(str(page), "-f", "json"))
    assert wire["input_format"] == "html"
    text = wire["text"]
    assert isinstance(text, str)
    assert "Мост через реку откроем в мае" in text and "«" in text
    for boilerplate in ("<p>", "Главная", "cookie", "Все права", "var counter", "&laquo;"):
        assert boilerplate not in text
    assert_offsets_refer_to_the_text(wire)
    names = {s["name"] for s in wire["speakers"]}  # type: ignore[attr-defined]
    assert {"Тимур Оспанов", "Нина Громова"} <= names


def test_a_page_is_recognised_by_its_content_on_stdin(page: Path) -> None:
    wire = wire_of(run("-f", "json", input=page.read_bytes()))
    assert wire["input_format"] == "html" and wire["source"] == "<stdin>"


def test_show_reads_pages_too(page: Path) -> None:
    result = run("show", str(page), "-f", "text")
    assert result.exit_code == 0, result.output
    assert "Тимур Оспанов" in result.stdout and "<p>" not in result.stdout


def test_a_page_without_the_docs_extra(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    result = run(str(page))
    assert result.exit_code == ExitStatus.ERROR
    assert result.stderr == (f"speechsum: error: {page}: reading HTML pages needs the docs "
                             "extra: pip install 'speechsum[docs]'\n")


def make_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Сессия маслихата", level=1)
    document.add_paragraph("Во вторник прошла очередная сессия районного маслихата.")
    document.add_paragraph("«Школу в селе достроим к сентябрю», — сказал аким района "
                           "Марат Исаев.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Бюджет"
    table.cell(0, 1).text = "12 млрд тенге"
    document.add_paragraph("Депутат Алия Нурова сообщила, что родители ждут открытия школы.")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_word_document(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "session.docx")
    wire = wire_of(run(str(path), "-f", "json"))
    assert wire["input_format"] == "docx"
    text = wire["text"]
    assert isinstance(text, str) and "12 млрд тенге" in text
    assert_offsets_refer_to_the_text(wire)
    assert {"Марат Исаев", "Алия Нурова"} <= {s["name"] for s in wire["speakers"]}  # type: ignore[attr-defined]


def test_a_folder_of_pages_and_documents(tmp_path: Path, page: Path) -> None:
    make_docx(tmp_path / "session.docx")
    (tmp_path / "notes.txt").write_text("«Всё готово», — сказал мастер Олжас Беков.\n",
                                        encoding="utf-8")
    result = run(str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    formats = [json.loads(line)["input_format"] for line in result.stdout.splitlines()]
    assert formats == ["html", "text", "docx"]  # news.html, notes.txt, session.docx


# Languages speechsum does not read

GERMAN = (
    "Der Bürgermeister der Stadt sagte am Montag, dass die neue Brücke über den Fluss im Mai "
    "eröffnet werde. Die Abgeordnete erklärte, das Geld für die Reparatur der Straßen reiche "
    "in diesem Jahr aus, und die Bauarbeiten würden noch vor dem Winter abgeschlossen.\n"
)
KYRGYZ = (
    "Шаардын мэри дүйшөмбү күнү жаңы көпүрө май айында ачылат деп билдирди. Депутат бул "
    "жылы жолдорду оңдоого акча жетиштүү экенин айтты жана курулуш иштери кышка чейин "
    "бүтөрүн белгиледи. Тургундар бул жаңылыкты кубаныч менен кабыл алышты.\n"
)
RUSSIAN = (
    "Совещание прошло в понедельник в акимате района.\n"
    "— Мост через реку откроем в мае, а дорогу до села отремонтируем к осени, — сообщил "
    "глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт дорог в этом году хватит и что "
    "подрядчиков выберут на открытом конкурсе.\n"
)


@pytest.mark.parametrize(("text", "named"), [(GERMAN, "German (de)"), (KYRGYZ, "Kyrgyz (ky)")],
                         ids=["german", "kyrgyz"])
def test_a_text_in_another_language_warns(text: str, named: str) -> None:
    result = run("-f", "json", input=text)
    assert result.exit_code == 0
    assert f"speechsum: warning: <stdin>: the text looks like {named}" in result.stderr


def test_a_forced_language_the_text_is_not_in_warns() -> None:
    result = run("-l", "en", "-f", "json", input=RUSSIAN)
    assert "-l en was given but the text looks Russian (ru)" in result.stderr


def test_no_language_warning_for_our_languages() -> None:
    assert run("-f", "json", input=RUSSIAN).stderr == ""
    assert run("-l", "ru", "-f", "json", input=RUSSIAN).stderr == ""


def test_quiet_silences_the_language_warning() -> None:
    assert run("-q", "-f", "json", input=GERMAN).stderr == ""
