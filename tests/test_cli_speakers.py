"""`speechsum speakers`: the table of who speaks, through CliRunner, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from speechsum.cli import ExitStatus
from test_cli import REPORT, assert_failed, run

QUOTED_REPORT = (
    "Совещание прошло в понедельник.\n"
    "— Мост откроем в мае, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт хватит.\n"
    "«Ремонт | начнем `завтра`», — добавила Громова.\n"
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(QUOTED_REPORT, encoding="utf-8")
    return path


def test_speakers_as_json(report: Path) -> None:
    result = run("speakers", str(report), "-f", "json")
    assert result.exit_code == 0, result.output
    wire = json.loads(result.stdout)
    assert wire["source"] == str(report) and wire["language"] == "ru"
    rows = {row["name"]: row for row in wire["speakers"]}
    assert set(rows) == {"Тимур Оспанов", "Нина Громова"}
    assert rows["Тимур Оспанов"]["role"] == "глава района"
    assert rows["Тимур Оспанов"]["quoted"] == 1.0
    assert 0 < rows["Нина Громова"]["quoted"] < 1  # a paraphrase, then a quote
    assert rows["Тимур Оспанов"]["first"] < rows["Нина Громова"]["first"]
    assert QUOTED_REPORT[rows["Нина Громова"]["first"]:].startswith("Депутат Нина Громова")


def test_speakers_as_text_is_a_table(report: Path) -> None:
    lines = run("speakers", str(report), "-f", "text").stdout.splitlines()
    assert lines[0] == str(report)
    assert lines[1].split()[:2] == ["speaker", "role"]
    assert lines[2].startswith("Тимур Оспанов") and "глава района" in lines[2]
    assert lines[1].index("segments") == lines[2].index("1", len("Тимур Оспанов  глава района"))


def test_speakers_as_markdown_keep_their_columns(report: Path) -> None:
    from markdown_it import MarkdownIt

    out = run("speakers", str(report), "-f", "markdown").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    cells_per_row = [sum(1 for t in tokens[i:] if t.type in ("td_open", "th_open")
                         and t.level == tokens[i].level + 1)
                     for i, t in enumerate(tokens) if t.type == "tr_open"]
    assert len(cells_per_row) == 3 and cells_per_row[0] >= 7


def test_speakers_of_several_inputs_as_jsonl(report: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(REPORT, encoding="utf-8")
    result = run("speakers", str(report), str(other), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        str(report), str(other)]


def test_speakers_from_stdin_and_a_missing_file(tmp_path: Path) -> None:
    assert "Тимур Оспанов" in run("speakers", "-", "-f", "text", input=REPORT).stdout
    assert_failed(run("speakers", str(tmp_path / "missing.txt")), ExitStatus.ERROR,
                  "no such file")
