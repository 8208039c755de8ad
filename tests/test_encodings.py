"""Encodings end to end: what `speechsum summarize FILE -f json` says about a file in UTF-8,
UTF-16 or UTF-32, with one byte-order mark, several or none, and with damaged code units."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from invariants import assert_invariants
from speechsum.cli import ExitStatus, app
from speechsum.pipeline import build_digest

REPORT = (
    "Иванов: Мы начнём ремонт в понедельник. Дорогу сделаем позже.\n"
    "Совещание прошло во вторник.\r\n"
    "— Мост откроем в мае, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт хватит.\n"
    "«Школу откроем к сентябрю», — добавила она.\n"
)
# Python's own readers, which drop exactly one byte-order mark.
READERS = {
    "utf-8": "utf-8-sig",
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
    "utf-32-le": "utf-32",
    "utf-32-be": "utf-32",
}

runner = CliRunner()


def summarize(path: Path, *options: str) -> Result:
    """`speechsum summarize PATH -f json --narration OPTIONS` in this process."""
    args = ["summarize", str(path), "-f", "json", "--narration", *options]
    return runner.invoke(app, args, prog_name="speechsum")


def spans(wire: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of a digest's JSON that carries offsets: segments, cues, summaries, narration."""
    found = list(wire["segments"])
    found += [s["cue"] for s in wire["segments"] if s["cue"] is not None]
    found += [item for speaker in wire["speakers"] for item in speaker["summary"]]
    found += wire["narration"]["summary"] if wire["narration"] else []
    return found


def assert_offsets_hold(wire: dict[str, Any], text: str) -> None:
    """`text[start:end]` is the `text` of every span, and there is something to check."""
    assert wire["segments"] and wire["narration"]
    for span in spans(wire):
        assert text[span["start"] : span["end"]] == span["text"], span


def normalise(text: str) -> str:
    """Newlines as the digest counts them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("encoding", list(READERS), ids=str)
@pytest.mark.parametrize("boms", [1, 2, 3], ids=["1-bom", "2-boms", "3-boms"])
def test_offsets_count_every_u_feff_but_the_bom(tmp_path: Path, encoding: str, boms: int) -> None:
    # printf '\xef\xbb\xbf\xef\xbb\xbf'; cat report.txt: the first is the BOM, the second a
    # character (a zero-width no-break space) that `open(..., encoding="utf-8-sig")` keeps.
    path = tmp_path / "report.txt"
    path.write_bytes(("\ufeff" * boms + REPORT).encode(encoding))
    result = summarize(path)
    assert result.exit_code == ExitStatus.OK, result.output
    assert result.stderr == ""
    text = normalise(path.read_bytes().decode(READERS[encoding]))
    assert text == "\ufeff" * (boms - 1) + normalise(REPORT)
    wire = json.loads(result.stdout)
    assert_offsets_hold(wire, text)
    digest = build_digest(text, source=str(path))
    assert_invariants(text, digest)
    # The extra marks shift the offsets and change nothing else.
    starts = [s["start"] for s in wire["segments"]]
    assert starts == [s.start for s in digest.segments]
    assert [start - (boms - 1) for start in starts] == [
        s.start for s in build_digest(normalise(REPORT)).segments
    ]
    assert [s["name"] for s in wire["speakers"]] == ["Иванов", "Тимур Оспанов", "Нина Громова"]


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"], ids=str)
@pytest.mark.parametrize("size", [1, 300], ids=["short", "over-64-kB"])
def test_utf32_without_bom_is_read_silently(tmp_path: Path, encoding: str, size: int) -> None:
    # iconv -f utf-8 -t UTF-32LE; past 64 kB the start is checked for binary data first.
    path = tmp_path / "report.txt"
    path.write_bytes((REPORT * size).encode(encoding))
    result = summarize(path)
    assert result.exit_code == ExitStatus.OK, result.output
    assert result.stderr == ""
    assert_offsets_hold(json.loads(result.stdout), normalise(REPORT * size))


@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["no-bom", "bom"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"], ids=str)
def test_lone_surrogate_is_repaired_with_a_warning(tmp_path: Path, encoding: str, bom: str) -> None:
    path = tmp_path / "report.txt"
    lines = REPORT.splitlines(keepends=True)
    damaged = lines[0] + "\ud83d" + "".join(lines[1:])  # half an emoji starts line 2
    path.write_bytes((bom + damaged).encode(encoding, "surrogatepass"))
    result = summarize(path)
    assert result.exit_code == ExitStatus.OK, result.output
    name = encoding[:6].upper()
    assert result.stderr == (
        f"speechsum: warning: {path}: 1 invalid {name} sequence replaced with U+FFFD on line 2\n"
    )
    assert_offsets_hold(json.loads(result.stdout), normalise(damaged.replace("\ud83d", "\ufffd")))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"], ids=str)
def test_utf16_cut_by_one_byte_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(("\ufeff" + REPORT).encode(encoding)[:-1])  # head -c, odd length
    result = summarize(path)
    assert result.exit_code == ExitStatus.OK, result.output
    assert result.stderr == ""
    assert_offsets_hold(json.loads(result.stdout), normalise(REPORT[:-1]))


def test_jsonl_keeps_unicode_line_breaks_inside_one_line(tmp_path: Path) -> None:
    # Line and paragraph separators and NEL are line breaks to str.splitlines and to some
    # JSON Lines readers, though JSON allows them raw inside strings.
    paths = []
    for name, odd in [("a.txt", "\u2028"), ("b.txt", "\u2029"), ("c.txt", "\x85")]:
        text = REPORT.replace("в мае", f"в мае{odd}и в июне").replace("прошло", f"прошло{odd}")
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["summarize", *map(str, paths), "-f", "jsonl"])
    assert result.exit_code == ExitStatus.OK, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line, path in zip(lines, paths, strict=True):
        wire = json.loads(line)
        assert wire["source"] == str(path)
        assert_offsets_hold_without_narration(wire, path.read_text(encoding="utf-8"))
        assert any(odd in s["text"] for s in wire["segments"] for odd in "\u2028\u2029\x85")
    for odd in ["\u2028", "\u2029", "\x85"]:
        assert odd not in result.stdout
    assert "\\u2028" in result.stdout and "\\u2029" in result.stdout and "\\u0085" in result.stdout


def test_speakers_jsonl_keeps_unicode_line_breaks_inside_one_line(tmp_path: Path) -> None:
    # The file name is in every record, as `source`.
    paths = [tmp_path / f"report{odd}.txt" for odd in ["\u2028", "\u2029", "\x85"]]
    for path in paths:
        path.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["speakers", *map(str, paths), "-f", "jsonl"])
    assert result.exit_code == ExitStatus.OK, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == list(map(str, paths))
    result = runner.invoke(app, ["speakers", *map(str, paths), "-f", "json"])
    assert result.exit_code == ExitStatus.OK, result.output
    assert not {"\u2028", "\u2029", "\x85"} & set(result.stdout)
    assert [item["source"] for item in json.loads(result.stdout)] == list(map(str, paths))


def assert_offsets_hold_without_narration(wire: dict[str, Any], text: str) -> None:
    """`assert_offsets_hold` for a digest made without --narration."""
    assert wire["segments"]
    for span in spans(wire):
        assert text[span["start"] : span["end"]] == span["text"], span
