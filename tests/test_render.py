"""Renderers: the JSON wire shape, Markdown, plain text and the rich terminal view."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from speechsum.model import Digest, Kind, Language, Segment, Span, Speaker, SpeakerDigest
from speechsum.render import json as json_render
from speechsum.render import one_line, printable
from speechsum.render.json import (
    SCHEMA_VERSION,
    render_json,
    render_json_array,
    render_json_array_chunks,
    render_json_chunks,
    render_jsonl,
)
from speechsum.render.markdown import render_markdown
from speechsum.render.speakers import render_speakers_json
from speechsum.render.terminal import render_terminal
from speechsum.render.text import render_text

SOURCE = (
    "Заседание открыл аким района.\n"
    "— Дороги отремонтируем к осени. Денег хватит, — сказал Асхат Нурланов.\n"
    "Министр Ольга Белова заявила, что школы откроются вовремя.\n"
)


def span(part: str, source: str = SOURCE) -> Span:
    """The span of the first occurrence of `part` in `source` (fixtures only)."""
    start = source.index(part)
    return Span(start, start + len(part), part)


def segment(part: str, speaker: str, kind: Kind, rule: str, source: str = SOURCE) -> Segment:
    """A segment over the first occurrence of `part` in `source`."""
    s = span(part, source)
    return Segment(s.start, s.end, s.text, speaker, kind, rule)


def make_digest(narration: bool = False) -> Digest:
    """Two speakers, one with a role and an alias, as attribution would find them."""
    first = Speaker("s1", "Асхат Нурланов", "аким района", ("Асхата Нурланова",))
    second = Speaker("s2", "Ольга Белова", "министр")
    return Digest(
        language=Language.RU,
        algorithm="lexrank",
        speakers=(
            SpeakerDigest(first, 1, 2, 6, (span("Дороги отремонтируем к осени."),)),
            SpeakerDigest(second, 1, 1, 3, (span("школы откроются вовремя"),)),
        ),
        segments=(
            segment("Дороги отремонтируем к осени. Денег хватит,", "s1", Kind.DIRECT, "dash"),
            segment("школы откроются вовремя", "s2", Kind.INDIRECT, "speech_verb_that"),
        ),
        narration=(span("Заседание открыл аким района."),) if narration else None,
        source="report.txt",
        text_length=len(SOURCE),
    )


def hostile_digest() -> Digest:
    """Rich markup and terminal escapes where a report's text goes."""
    source = "[bold red]Boom[/] \x1b[2J\x1b]0;pwned\x07 said: [link=http://x]click[/link].\n"
    who = Speaker("s1", "[blink]Eve[/blink]\x1b[5m", "[i]role[/i]", ("\x9b31m",))
    said = span("[link=http://x]click[/link].", source)
    return Digest(
        language=Language.EN,
        algorithm="lsa",
        speakers=(SpeakerDigest(who, 1, 1, 1, (span(source.strip(), source), said)),),
        segments=(),
        narration=(span("[bold red]Boom[/]", source),),
        source="[b]x[/b]\x1b[31m.txt",
        text_length=len(source),
    )


def draw(digest: Digest) -> str:
    """The terminal view as a plain 80-column string."""
    stream = io.StringIO()
    console = Console(width=80, file=stream, color_system=None)
    render_terminal(digest, console)
    return stream.getvalue()


# JSON


def test_json_shape() -> None:
    wire = json.loads(render_json(make_digest()))
    assert list(wire) == [
        "schema_version",
        "speechsum_version",
        "source",
        "input_format",
        "options",
        "language",
        "algorithm",
        "speakers",
        "segments",
        "narration",
    ]
    assert wire["schema_version"] == SCHEMA_VERSION == 3
    assert (wire["source"], wire["language"], wire["algorithm"]) == ("report.txt", "ru", "lexrank")
    assert wire["narration"] is None
    first = wire["speakers"][0]
    assert list(first) == [
        "id",
        "name",
        "role",
        "aliases",
        "segments",
        "sentences",
        "words",
        "keywords",
        "summary",
    ]
    assert first["aliases"] == ["Асхата Нурланова"]
    assert (first["segments"], first["sentences"], first["words"]) == (1, 2, 6)
    assert list(first["summary"][0]) == ["text", "start", "end", "kind", "segment"]
    assert list(wire["segments"][1]) == [
        "speaker", "kind", "rule", "source_rule", "cue", "start", "end", "text"]
    assert wire["segments"][1]["kind"] == "indirect"


def test_json_offsets_point_into_the_source() -> None:
    wire = json.loads(render_json(make_digest(narration=True)))
    spans = [s for sp in wire["speakers"] for s in sp["summary"]]
    spans += wire["segments"] + wire["narration"]["summary"]
    assert all(SOURCE[s["start"] : s["end"]] == s["text"] for s in spans)


def test_json_keeps_cyrillic_and_indents() -> None:
    out = render_json(make_digest())
    assert "Асхат Нурланов" in out and "\\u04" not in out
    assert out.startswith('{\n  "schema_version": 3,\n') and out.endswith("}\n")


def test_jsonl_is_one_line() -> None:
    out = render_jsonl(make_digest(narration=True))
    assert out.endswith("\n") and out.count("\n") == 1
    assert json.loads(out)["narration"]["summary"][0]["start"] == 0


def test_json_array() -> None:
    wire = json.loads(render_json_array([make_digest(), make_digest(narration=True)]))
    assert [d["narration"] is None for d in wire] == [True, False]


def test_json_escapes_control_characters() -> None:
    out = render_json(hostile_digest())
    assert "\x1b" not in out and "\\u001b" in out
    assert json.loads(out)["speakers"][0]["name"] == "[blink]Eve[/blink]\x1b[5m"


LINE_BREAKS = ("\u2028", "\u2029", "\x85")  # line breaks to str.splitlines, raw in JSON


def line_break_digest() -> Digest:
    """A report whose speech, speaker and file name hold Unicode line breaks JSON leaves raw."""
    source = "Аким\u2028района сказал: «Дороги\u2029отремонтируем\x85к осени».\n"
    said = span("Дороги\u2029отремонтируем\x85к осени", source)
    who = Speaker("s1", "Аким\u2028района", "аким\x85района", ("Акима\u2029района",))
    return Digest(
        language=Language.RU,
        algorithm="lexrank",
        speakers=(SpeakerDigest(who, 1, 1, 3, (said,)),),
        segments=(Segment(said.start, said.end, said.text, "s1", Kind.DIRECT, "quotation"),),
        narration=(span("Аким\u2028района сказал:", source),),
        source="отчёт\u2028за май.txt",
        text_length=len(source),
    )


def test_jsonl_escapes_unicode_line_breaks() -> None:
    digest = line_break_digest()
    out = render_jsonl(digest) + render_jsonl(digest)
    assert len(out.splitlines()) == 2
    assert not set(LINE_BREAKS) & set(out)
    assert "\\u2028" in out and "\\u2029" in out and "\\u0085" in out
    wire = json.loads(out.splitlines()[0])
    assert wire["segments"][0]["text"] == "Дороги\u2029отремонтируем\x85к осени"
    assert wire["source"] == "отчёт\u2028за май.txt"
    assert wire["speakers"][0]["name"] == "Аким\u2028района"
    assert "Дороги" in out  # the rest stays readable, not \u-escaped


def test_indented_json_escapes_unicode_line_breaks() -> None:
    digest = line_break_digest()
    for out in [render_json(digest), render_json_array([digest, digest])]:
        assert not set(LINE_BREAKS) & set(out)
        assert out.count("\n") == len(out.splitlines())  # every line break is a real newline
    assert json.loads(render_json(digest))["narration"]["summary"][0]["text"] == (
        "Аким\u2028района сказал:")


def test_indented_json_comes_in_pieces_that_join_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI writes indented JSON a piece at a time; the pieces are the same JSON, line
    # breaks escaped in each.
    monkeypatch.setattr(json_render, "CHUNK", 16)
    digest = line_break_digest()
    pieces = list(render_json_chunks(digest))
    assert len(pieces) > 5 and all(len(piece) < 200 for piece in pieces)
    assert "".join(pieces) == render_json(digest)
    assert not any(set(LINE_BREAKS) & set(piece) for piece in pieces)
    array = list(render_json_array_chunks([digest, make_digest()]))
    assert json.loads("".join(array)) == json.loads(render_json_array([digest, make_digest()]))
    monkeypatch.setattr(json_render, "CHUNK", 1 << 16)
    assert "".join(pieces) == render_json(digest)


def test_speakers_json_escapes_unicode_line_breaks() -> None:
    digests = [line_break_digest(), line_break_digest()]
    lines = render_speakers_json(digests, several=True, lines=True)
    assert len(lines.splitlines()) == 2
    row = json.loads(lines.splitlines()[0])["speakers"][0]
    assert (row["name"], row["role"], row["aliases"]) == (
        "Аким\u2028района", "аким\x85района", ["Акима\u2029района"])
    for out in [lines, render_speakers_json(digests, several=True, lines=False)]:
        assert not set(LINE_BREAKS) & set(out)
    assert json.loads(render_speakers_json(digests[:1], several=False, lines=False))["source"] == (
        "отчёт\u2028за май.txt")


# Markdown and text


def test_markdown() -> None:
    out = render_markdown(make_digest(narration=True))
    assert out.startswith("# report.txt\n")
    assert "\n## Асхат Нурланов - аким района\n" in out
    assert "\n## Ольга Белова - министр\n" in out
    assert "\n- «Дороги отремонтируем к осени.»\n" in out
    assert "\n- школы откроются вовремя *(reported)*\n" in out
    assert "\n1 segment, 2 sentences, 6 words\n" in out
    assert "Also named: Асхата Нурланова" in out
    assert "\n## Narration\n\n- Заседание открыл аким района.\n" in out


def test_markdown_without_narration_or_speakers() -> None:
    digest = make_digest()
    empty = Digest(Language.EN, "kl", (), (), source="notes.txt")
    assert "Narration" not in render_markdown(digest)
    assert "No speakers found." in render_markdown(empty)
    assert "0 speakers" in render_markdown(empty)


def test_markdown_escapes_syntax() -> None:
    out = render_markdown(hostile_digest())
    assert "\\[link=http://x\\]click\\[/link\\]." in out
    assert "# \\[b\\]x\\[/b\\]␛\\[31m.txt" in out
    assert "\x1b" not in out and "\x9b" not in out


def test_text() -> None:
    out = render_text(make_digest(narration=True))
    lines = out.splitlines()
    assert lines[0] == "report.txt"
    assert "Асхат Нурланов - аким района" in lines
    assert "  - «Дороги отремонтируем к осени.»" in lines
    assert "  - школы откроются вовремя (reported)" in lines
    assert "1 segment, 2 sentences, 6 words" in lines
    assert "Narration" in lines
    assert "#" not in out and out.endswith("\n")


def test_text_defuses_escapes() -> None:
    out = render_text(hostile_digest())
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "[blink]Eve[/blink]␛[5m - [i]role[/i]" in out


# Terminal


def test_terminal_view() -> None:
    out = draw(make_digest(narration=True))
    header = out.splitlines()[0]
    assert "report.txt" in header and "ru" in header and "lexrank" in header
    assert "2 speakers" in header
    for part in [
        "Асхат Нурланов",
        "аким района",
        "1 segment, 2 sentences, 6 words",
        "Дороги отремонтируем к осени.",
        "Ольга Белова",
        "Narration",
        "Заседание открыл аким района.",
    ]:
        assert part in out
    assert "╭" in out  # a panel per speaker
    assert all(len(line) <= 80 for line in out.splitlines())


def test_terminal_without_narration_or_speakers() -> None:
    assert "Narration" not in draw(make_digest())
    empty = Digest(Language.EN, "kl", (), (), source="notes.txt")
    assert "No speakers found." in draw(empty)


def test_terminal_shows_markup_literally() -> None:
    out = draw(hostile_digest())
    flat = " ".join(out.split())
    for literal in ["[blink]Eve[/blink]", "[i]role[/i]", "[bold red]Boom[/]", "[b]x[/b]"]:
        assert literal in flat
    assert "[link=http://x]click[/link]." in flat


def test_terminal_defuses_escape_sequences() -> None:
    # A real colour terminal: the only escapes in the output are rich's own styles.
    stream = io.StringIO()
    console = Console(width=80, file=stream, force_terminal=True, color_system="truecolor")
    render_terminal(hostile_digest(), console)
    out = stream.getvalue()
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x1b[5m" not in out
    assert "\x07" not in out and "\x9b" not in out
    assert "␛[2J" in out and "␇" in out


def test_long_sentences_wrap_inside_panels() -> None:
    long = "Слово " * 40 + "конец."
    source = long + "\n"
    digest = Digest(
        Language.RU,
        "lexrank",
        (SpeakerDigest(Speaker("s1", "Иван"), 1, 1, 41, (span(long, source),)),),
        (),
        source="long.txt",
    )
    out = draw(digest)
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "конец." in out


# Helpers


def test_printable() -> None:
    assert printable("a\x1b[0m\tb\nc\x00\x7f\x85") == "a␛[0m\tb\nc␀␡\ufffd"


def test_one_line() -> None:
    assert one_line("  Дороги\n  отремонтируем\t к осени.\r ") == "Дороги отремонтируем к осени.␍"


def test_terminal_marks_quotes_and_paraphrase_and_keeps_a_readable_width() -> None:
    console = Console(file=io.StringIO(), width=160, color_system=None)
    render_terminal(make_digest(), console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "«Дороги отремонтируем к осени.»" in out
    assert "школы откроются вовремя reported" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_json_summary_items_carry_their_kind_and_segment() -> None:
    wire = json.loads(render_json(make_digest()))
    first, second = (s["summary"][0] for s in wire["speakers"])
    assert (first["kind"], first["segment"]) == ("direct", 0)
    assert (second["kind"], second["segment"]) == ("indirect", 1)


def test_markdown_quotes_cannot_forge_structure() -> None:
    from markdown_it import MarkdownIt

    source = "- - Мы начнем.\n# Заголовок\n| a | b |\n1990. Год\n`code` <b>x</b>\n"
    lines = [line for line in source.splitlines() if line]
    speaker = Speaker("s1", "Иван Петров")
    digest = Digest(
        language=Language.RU, algorithm="lexrank",
        speakers=(SpeakerDigest(speaker, 1, len(lines), 12,
                                tuple(span(line, source) for line in lines)),),
        segments=(Segment(0, len(source), source, "s1", Kind.INDIRECT, "test"),),
        source="x.txt", text_length=len(source),
    )
    tokens = MarkdownIt("commonmark").enable("table").parse(render_markdown(digest))
    kinds = [t.type for t in tokens]
    assert kinds.count("bullet_list_open") == 1  # no nested list from a leading dash
    assert "ordered_list_open" not in kinds and "table_open" not in kinds
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h2"]
    assert "html_inline" not in {c.type for t in tokens for c in (t.children or [])}
    assert "code_inline" not in {c.type for t in tokens for c in (t.children or [])}

