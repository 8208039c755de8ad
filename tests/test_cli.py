"""The command line through CliRunner: exit codes, then stdout, then stderr.

Tests check shape and exit codes, not which speakers are found, so they hold whatever
attribution finds in these small texts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import speechsum
from speechsum import cli
from speechsum.cli import ExitStatus, app, commands

REPORT = (
    "Совещание прошло в понедельник.\n"
    "— Мост откроем в мае, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт хватит.\n"
)
NO_SPEAKERS = "The weather was fine. Nothing else happened.\n"
KEYS = {"schema_version", "speechsum_version", "source", "input_format", "options", "language",
        "algorithm", "speakers", "segments", "narration"}
# What `speechsum summarize x.txt -f json` may load: start-up time is a feature.
HEAVY = ("rich", "pygments", "markdown_it")

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None) -> Result:
    """Invoke `speechsum ARGS`."""
    return runner.invoke(app, list(args), input=input, prog_name="speechsum")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def assert_failed(result: Result, code: ExitStatus, *parts: str) -> None:
    """Failed with `code`, nothing on stdout, the parts on stderr."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    for part in parts:
        assert part in result.stderr


# Inputs and formats


def test_file_to_json(report: Path) -> None:
    result = run("summarize", str(report), "-f", "json")
    assert result.exit_code == 0, result.output
    wire = json.loads(result.stdout)
    assert set(wire) == KEYS
    assert wire["source"] == str(report)
    assert wire["schema_version"] == 3 and wire["algorithm"] == "lexrank"
    assert wire["speechsum_version"] == speechsum.__version__ and wire["input_format"] == "text"
    assert "Traceback" not in result.stderr


def test_offsets_in_json(report: Path) -> None:
    wire = json.loads(run("summarize", str(report), "-f", "json", "--narration").stdout)
    spans = [s for sp in wire["speakers"] for s in sp["summary"]] + wire["segments"]
    spans += wire["narration"]["summary"]
    assert all(REPORT[s["start"] : s["end"]] == s["text"] for s in spans)


@pytest.mark.parametrize("args", [(), ("-",)], ids=["no-path", "dash"])
def test_stdin(args: tuple[str, ...]) -> None:
    result = run("summarize", *args, "-f", "json", input=REPORT.encode("cp1251"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_jsonl_one_object_per_input(report: Path) -> None:
    result = run("summarize", str(report), str(report), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(set(json.loads(line)) == KEYS for line in lines)


def test_json_array_for_several_inputs(report: Path) -> None:
    result = run("summarize", str(report), str(report), "-f", "json")
    wire = json.loads(result.stdout)
    assert isinstance(wire, list) and len(wire) == 2


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("markdown", "# "), ("text", ""), ("rich", "")],
    ids=["markdown", "text", "rich-off-terminal"],
)
def test_human_formats(report: Path, fmt: str, start: str) -> None:
    result = run("summarize", str(report), "-f", fmt)
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith(start) and first.endswith("report.txt")
    # Not a terminal: no escape codes, and rich turns into plain text.
    assert "\x1b" not in result.stdout and "╭" not in result.stdout


def test_rich_is_plain_text_off_a_terminal(report: Path) -> None:
    rich = run("summarize", str(report)).stdout
    assert rich == run("summarize", str(report), "-f", "text").stdout


def test_options_reach_the_digest(report: Path) -> None:
    result = run(
        "summarize",
        str(report),
        "-f",
        "json",
        "-n",
        "1",
        "-a",
        "luhn",
        "-l",
        "ru",
        "-t",
        "мост ремонт",
        "--topic",
        "деньги",
        "--narration",
    )
    assert result.exit_code == 0, result.output
    wire = json.loads(result.stdout)
    assert (wire["algorithm"], wire["language"]) == ("luhn", "ru")
    assert wire["narration"] is not None
    assert all(len(s["summary"]) <= 1 for s in wire["speakers"])


def test_ratio(report: Path) -> None:
    result = run("summarize", str(report), "-f", "json", "--ratio", "0.5")
    assert result.exit_code == 0, result.output


def test_no_speakers_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "weather.txt"
    path.write_text(NO_SPEAKERS)
    result = run("summarize", str(path), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["speakers"] == []
    assert result.stderr == f"speechsum: warning: no speakers found in {path}\n"


# Output files


def test_output_file(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    result = run("summarize", str(report), "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert set(json.loads(out.read_text(encoding="utf-8"))) == KEYS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.json", "report.txt"]


def test_output_replaces_and_keeps_mode(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.md"
    out.write_text("old")
    out.chmod(0o600)
    assert run("summarize", str(report), "-f", "markdown", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert out.stat().st_mode & 0o777 == 0o600


def test_rich_to_a_file_is_text(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.txt"
    assert run("summarize", str(report), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == run("summarize", str(report), "-f", "text").stdout


@pytest.mark.parametrize("same", ["path", "stdin"])
def test_output_refuses_its_own_input(report: Path, same: str) -> None:
    if same == "stdin":
        # A real descriptor for stdin, as in `speechsum summarize -o r.txt < r.txt`.
        code = (
            "import sys; from speechsum.cli import main; "
            f"sys.argv = ['speechsum', 'summarize', '-o', {str(report)!r}]; main()"
        )
        with report.open("rb") as stdin:
            done = subprocess.run(
                [sys.executable, "-c", code], stdin=stdin, capture_output=True, env=child_env()
            )
        assert done.returncode == ExitStatus.USAGE, done.stderr
        assert b"also an input" in done.stderr
    else:
        result = run("summarize", str(report), "-o", str(report))
        assert_failed(result, ExitStatus.USAGE, "also an input")
    assert report.read_text(encoding="utf-8") == REPORT


def test_output_failure_leaves_nothing(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "digest.json"
    result = run("summarize", str(report), "-f", "json", "-o", str(out))
    assert_failed(result, ExitStatus.ERROR, f"speechsum: error: {out}: no such directory")
    assert not out.parent.exists()


def test_failed_replace_keeps_the_old_file(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "digest.json"
    out.write_text("old")

    def refuse(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("summarize", str(report), "-f", "json", "-o", str(out))
    assert_failed(result, ExitStatus.ERROR, "no space left on device")
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.json", "report.txt"]


def test_interrupt_leaves_no_partial_file(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "digest.json"

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    result = run("summarize", str(report), "-f", "json", "-o", str(out))
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_output_to_a_device_writes_through(report: Path) -> None:
    # Replacing /dev/null with a regular file (we may be root) would be a disaster.
    assert run("summarize", str(report), "-f", "json", "-o", os.devnull).exit_code == 0
    assert not Path(os.devnull).is_file()


def test_no_output_file_when_every_input_fails(tmp_path: Path) -> None:
    out = tmp_path / "digest.json"
    out.write_text("old")
    result = run("summarize", str(tmp_path / "nope.txt"), "-f", "json", "-o", str(out))
    assert result.exit_code == ExitStatus.ERROR
    assert out.read_text() == "old"


# Input errors: exit 1, one line on stderr, nothing on stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("folder", "dir", "no files matching *.txt"),
        ("empty.txt", b"", "input is empty"),
        ("blank.txt", b"  \r\n\t\n", "input contains only whitespace"),
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF file"),
        ("minutes.docx", b"PK\x03\x04\x14\x00\x06\x00", "not a readable .docx file"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        ("data.bin", b"\x01\x00\x02\x00\x00\x03", "binary"),
    ],
    ids=["missing", "directory", "empty", "blank", "pdf", "docx", "png", "nul"],
)
def test_input_errors(tmp_path: Path, name: str, content: bytes | str | None, message: str) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    result = run("summarize", str(path), "-f", "json")
    assert_failed(result, ExitStatus.ERROR)
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"speechsum: error: {path}: ")
    assert message in lines[0]


def test_too_large(report: Path) -> None:
    result = run("summarize", str(report), "--max-bytes", "10")
    assert_failed(result, ExitStatus.ERROR, "input is larger than 10 bytes", "--max-bytes")


def test_empty_stdin() -> None:
    result = run("summarize", "-f", "json", input=b"")
    assert_failed(result, ExitStatus.ERROR, "speechsum: error: <stdin>: input is empty")


def test_several_files_one_bad(report: Path, tmp_path: Path) -> None:
    bad = tmp_path / "missing.txt"
    result = run("summarize", str(report), str(bad), str(report), "-f", "json")
    assert result.exit_code == ExitStatus.ERROR
    assert [d["source"] for d in json.loads(result.stdout)] == [str(report), str(report)]
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [f"speechsum: error: {bad}: no such file"]


def test_control_characters_in_a_path_are_defused(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[2J.txt"
    result = run("summarize", str(path))
    assert result.exit_code == ExitStatus.ERROR
    assert "\x1b" not in result.stderr and "evil␛[2J.txt: no such file" in result.stderr


# Usage errors: exit 2


@pytest.mark.parametrize(
    "args",
    [
        ("--bogus",),
        ("-n", "0"),
        ("-n", "many"),
        ("--ratio", "0"),
        ("--ratio", "1.5"),
        ("-a", "gpt"),
        ("-l", "de"),
        ("-f", "pdf"),
        ("--max-bytes", "0"),
    ],
    ids=" ".join,
)
def test_usage_errors(report: Path, args: tuple[str, ...]) -> None:
    result = run("summarize", str(report), *args)
    assert_failed(result, ExitStatus.USAGE, "speechsum: error: ", args[0])
    # One line in our own words: no click usage block, no validation library's phrasing.
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "summarize --help" in result.stderr
    assert not any(w in result.stderr for w in ("Usage:", "Value error", "Input should"))


def test_no_input_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading a terminal would look like a hang: explain instead.
    monkeypatch.setattr(commands, "stdin_is_terminal", lambda: True)
    result = run("summarize")
    assert_failed(result, ExitStatus.USAGE, "speechsum: error: no input")


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"speechsum {speechsum.__version__}\n"


@pytest.mark.parametrize("args", [("--help",), ("summarize", "--help"), ("summarize", "-h")])
def test_help_has_an_example(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "Example: speechsum summarize" in result.stdout


def test_algorithms_match_the_registry() -> None:
    summarize = pytest.importorskip("speechsum.summarize")
    assert {a.value for a in cli.Algorithm} == set(summarize.METHODS)


# The real process: start-up cost, closed pipes


def child_env() -> dict[str, str]:
    """The environment for a child Python that imports this same speechsum."""
    src = os.path.dirname(os.path.dirname(os.path.abspath(speechsum.__file__)))
    path = os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "NO_COLOR": "1"}


def loaded_modules(*args: str) -> set[str]:
    """Top-level packages imported by a successful `speechsum ARGS` process."""
    code = (
        "import sys\nfrom speechsum.cli import main\n"
        f"sys.argv = ['speechsum', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(done.stderr.splitlines()[-1].split())


def test_help_imports_no_heavy_module() -> None:
    loaded = loaded_modules("summarize", "--help")
    assert not loaded & {*HEAVY, "sumy", "pymorphy3", "razdel", "nltk", "numpy"}


def test_json_does_not_import_rich(report: Path) -> None:
    assert not loaded_modules("summarize", str(report), "-f", "json") & set(HEAVY)


def test_closed_pipe_is_quiet(report: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "speechsum", "summarize", str(report), "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: the reader is gone before the first write
    stderr = process.stderr.read()
    process.wait(timeout=120)
    assert b"Traceback" not in stderr and b"Exception" not in stderr
    assert process.returncode == ExitStatus.ERROR
