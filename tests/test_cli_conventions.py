"""What people expect of a command line: a default command, help, version, choices in any
case, one-line errors, colour, progress, streaming, folders and warnings."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import speechsum
from speechsum import pipeline
from speechsum.cli import ExitStatus, app, commands, output, progress
from speechsum.cli.values import Color

REPORT = (
    "Совещание прошло в понедельник.\n"
    "— Мост через реку откроем в мае, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт дороги хватит.\n"
)
OTHER = "«Школу достроим к осени», — сказал аким села Марат Исаев.\n"

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None, **env: str) -> Result:
    """Invoke `speechsum ARGS`."""
    return runner.invoke(app, list(args), input=input, prog_name="speechsum", env=env or None)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def sources(result: Result) -> list[str]:
    """The sources of the JSONL digests on stdout."""
    assert result.exit_code == 0, result.output
    return [json.loads(line)["source"] for line in result.stdout.splitlines()]


# The default command, help and version


def test_a_path_alone_means_summarize(report: Path) -> None:
    plain = run(str(report), "-f", "json")
    assert plain.exit_code == 0, plain.output
    assert plain.stdout == run("summarize", str(report), "-f", "json").stdout


def test_options_first_also_mean_summarize(report: Path) -> None:
    result = run("-n", "1", str(report), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert all(len(s["summary"]) <= 1 for s in json.loads(result.stdout)["speakers"])


def test_bare_speechsum_on_a_terminal_prints_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "stdin_is_terminal", lambda: True)
    result = run()
    assert result.exit_code == ExitStatus.OK
    assert "summarize" in result.stdout and "speakers" in result.stdout
    assert result.stderr == ""


def test_bare_speechsum_reads_a_pipe() -> None:
    result = run("-f", "json", input=REPORT)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == "<stdin>"


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert result.stdout == f"speechsum {speechsum.__version__}\n"


def test_a_misspelt_command_is_named() -> None:
    result = run("summarise", "x.txt")
    assert result.exit_code == ExitStatus.USAGE
    assert "did you mean 'summarize'" in result.stderr


def test_shell_completion_script() -> None:
    result = run("--show-completion", "bash")
    assert result.exit_code == 0, result.output
    assert "_SPEECHSUM_COMPLETE" in result.stdout


# Choices and usage errors


@pytest.mark.parametrize(
    "args", [("-f", "JSON"), ("-l", "RU"), ("-a", "LexRank"), ("--engine", "BuiltIn")],
    ids=" ".join,
)
def test_choices_ignore_case(report: Path, args: tuple[str, ...]) -> None:
    result = run("summarize", str(report), "-f", "json", *args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "ru"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-n", "abc"), "-n/--sentences: expected a whole number, got 'abc'"),
        (("-n", "0"), "-n/--sentences: must be at least 1"),
        (("--ratio", "half"), "--ratio: expected a number"),
        (("-f", "pdf"), "-f/--format: 'pdf' is not one of: rich, json, jsonl, markdown, text"),
        (("--max-bytes", "lots"), "--max-bytes: expected a size"),
        (("--ratio", "0.5", "-n", "2"), "either -n/--sentences or --ratio, not both"),
        (("--no-such-option",), "no such option: --no-such-option"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else "",
)
def test_usage_errors_are_one_line_in_our_words(
    report: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("summarize", str(report), *args)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.rstrip("\n")]
    assert result.stderr.startswith("speechsum: error: ") and message in result.stderr


def test_sizes_take_units(report: Path) -> None:
    result = run("summarize", str(report), "--max-bytes", "10B")
    assert result.exit_code == ExitStatus.ERROR
    assert "larger than" in result.stderr or "limit" in result.stderr


def test_help_shows_no_type_names() -> None:
    result = run("summarize", "--help")
    assert result.exit_code == 0
    assert "<list[str]>" not in result.stdout and "<str>" not in result.stdout
    assert "rich|json|jsonl|markdown|text" in result.stdout


# Colour


def test_color_always_draws_the_rich_view_even_into_a_pipe(report: Path) -> None:
    coloured = run("summarize", str(report), "--color", "always", NO_COLOR="1")
    assert coloured.exit_code == 0, coloured.output
    assert "\x1b[" in coloured.stdout  # the flag wins over NO_COLOR
    plain = run("summarize", str(report))
    assert "\x1b[" not in plain.stdout


def test_color_never_is_plain_even_on_a_terminal() -> None:
    screen = output.console(Color.NEVER)
    assert screen.no_color
    assert output.console(Color.ALWAYS).is_terminal


# Progress


def test_progress_only_on_a_terminal_with_work_to_wait_for(
    report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert progress.wanted([str(report), str(report)], quiet=False)
    assert not progress.wanted([str(report), str(report)], quiet=True)
    assert not progress.wanted([str(report)], quiet=False)  # one short input: instant
    monkeypatch.setattr(progress, "LONG_INPUT", 10)
    assert progress.wanted([str(report)], quiet=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not progress.wanted([str(report), str(report)], quiet=False)


def test_the_bar_counts_the_inputs_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress.progress(3, shown=True) as advance:
        for _ in range(3):
            advance()
    assert "digesting" in screen.getvalue() and "3/3" in screen.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    with progress.progress(3, shown=False) as advance:
        advance()
    assert quiet.getvalue() == ""


def test_no_progress_bar_in_a_log(report: Path) -> None:
    result = run("summarize", str(report), str(report), "-f", "jsonl")
    assert result.exit_code == 0
    assert result.stderr == ""


# Streaming


def test_jsonl_writes_each_digest_as_it_finishes(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    events: list[str] = []
    build, write = pipeline.build_digest, output.write_stdout

    def building(text: str, *args: Any) -> Any:
        events.append("digest")
        return build(text, *args)

    def writing(data: str) -> None:
        events.append("write")
        write(data)

    monkeypatch.setattr(pipeline, "build_digest", building)
    monkeypatch.setattr(output, "write_stdout", writing)
    result = run("summarize", str(report), str(other), "-f", "jsonl")
    assert sources(result) == [str(report), str(other)]
    assert events == ["digest", "write", "digest", "write"]


# Quiet


def test_quiet_keeps_errors_only(tmp_path: Path) -> None:
    empty = tmp_path / "weather.txt"
    empty.write_text("The weather was fine. Nothing else happened.\n", encoding="utf-8")
    assert "no speakers found" in run("summarize", str(empty)).stderr
    assert run("summarize", str(empty), "-q").stderr == ""
    missing = run("summarize", str(tmp_path / "missing.txt"), "-q")
    assert missing.exit_code == ExitStatus.ERROR and "missing.txt" in missing.stderr


# Folders


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "b-sub").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "c.txt").write_text(REPORT, encoding="utf-8")
    (root / "A.TXT").write_text(OTHER, encoding="utf-8")
    (root / "b-sub" / "d.md").write_text(OTHER, encoding="utf-8")
    (root / ".hidden.txt").write_text(OTHER, encoding="utf-8")
    (root / ".cache" / "e.txt").write_text(OTHER, encoding="utf-8")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_a_folder_reads_its_reports_sorted(folder: Path) -> None:
    result = run("summarize", str(folder), "-f", "jsonl")
    expected = [folder / "A.TXT", folder / "b-sub" / "d.md", folder / "c.txt"]
    assert sources(result) == [str(p) for p in expected]


def test_glob_chooses_the_files(folder: Path) -> None:
    result = run("summarize", str(folder), "--glob", "*.md", "-f", "jsonl")
    assert sources(result) == [str(folder / "b-sub" / "d.md")]


def test_a_folder_with_nothing_to_read_is_an_error(tmp_path: Path, report: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("summarize", str(tmp_path / "empty"), str(report), "-f", "jsonl")
    assert result.exit_code == ExitStatus.ERROR
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # JSON lines keep one line per input: an error record where a digest could not be made.
    assert [r["source"] for r in records] == [str(tmp_path / "empty"), str(report)]
    assert "no files matching *.txt" in records[0]["error"] and "error" not in records[1]
    assert "no files matching *.txt" in result.stderr


def test_speakers_reads_folders_too(folder: Path) -> None:
    result = run("speakers", str(folder), "-f", "jsonl")
    assert len(sources(result)) == 3


# Topic


def test_a_topic_that_matches_nothing_warns(report: Path) -> None:
    result = run("summarize", str(report), "-t", "космос, дорога", "-f", "json")
    assert result.exit_code == 0
    assert "'космос'" in result.stderr and "дорога" not in result.stderr
    assert run("summarize", str(report), "-t", "дороги", "-f", "json").stderr == ""


# Engines


def test_the_sumy_engine_gives_the_same_digest(report: Path) -> None:
    builtin = json.loads(run("summarize", str(report), "-f", "json").stdout)
    sumy = json.loads(run("summarize", str(report), "-f", "json", "--engine", "sumy").stdout)
    assert sumy["options"]["engine"] == "sumy"
    assert sumy["speakers"] == builtin["speakers"]


def test_the_sumy_engine_without_its_extra(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sumy", None)
    result = run("summarize", str(report), "--engine", "sumy")
    assert result.exit_code == ExitStatus.ERROR
    assert result.stderr == (
        "speechsum: error: the sumy engine needs the sumy extra: pip install 'speechsum[sumy]'\n"
    )


# JSON metadata


def test_json_says_which_version_and_options_made_it(report: Path) -> None:
    wire = json.loads(run("summarize", str(report), "-f", "json", "-n", "2", "-l", "RU",
                          "-t", "мост, дорога", "-a", "TextRank").stdout)
    assert wire["speechsum_version"] == speechsum.__version__
    assert wire["options"] == {
        "language": "ru", "algorithm": "textrank", "engine": "builtin", "sentences": 2,
        "ratio": None, "topic": ["мост", "дорога"], "narration": False,
    }
    assert "text" not in wire  # a plain text input: offsets refer to the file itself
