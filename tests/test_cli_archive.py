"""Archives through the command line: one file per input with -o FOLDER/, --resume, and
JSON lines that keep one line per input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from speechsum.cli import ExitStatus, app

runner = CliRunner()
REPORT = "«Школу достроим к осени», — сказал аким села Марат Исаев.\n"
OTHER = "— Мост откроем в мае, — сообщил глава района Тимур Оспанов.\n"


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), prog_name="speechsum")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    (root / "2026" / "11").mkdir(parents=True)
    (root / "a.txt").write_text(REPORT, encoding="utf-8")
    (root / "2026" / "11" / "b.txt").write_text(OTHER, encoding="utf-8")
    (root / "2026" / "c.txt").write_text(REPORT + OTHER, encoding="utf-8")
    return root


def written(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_one_file_per_input_below_the_same_folders(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "digests"
    result = run(str(archive), "-f", "json", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert written(out) == ["2026/11/b.txt.json", "2026/c.txt.json", "a.txt.json"]
    digest = json.loads((out / "a.txt.json").read_text(encoding="utf-8"))
    assert digest["source"] == str(archive / "a.txt")
    assert [s["name"] for s in digest["speakers"]] == ["Марат Исаев"]


def test_an_existing_folder_needs_no_slash_and_formats_keep_their_extension(
    archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "digests"
    out.mkdir()
    assert run(str(archive / "a.txt"), "-f", "markdown", "-o", str(out)).exit_code == 0
    assert written(out) == ["a.txt.md"]
    assert "Марат Исаев" in (out / "a.txt.md").read_text(encoding="utf-8")


def test_resume_digests_only_what_is_missing(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "digests"
    (archive / "broken.txt").write_bytes(b"")  # fails: no file for it, exit 1
    first = run(str(archive), "-f", "json", "-o", f"{out}/")
    assert first.exit_code == ExitStatus.ERROR
    assert "broken.txt" not in " ".join(written(out))
    before = (out / "a.txt.json").stat().st_mtime_ns
    (archive / "broken.txt").write_text(OTHER, encoding="utf-8")  # mended
    again = run(str(archive), "-f", "json", "-o", f"{out}/", "--resume")
    assert again.exit_code == 0, again.output
    assert "3 of 4 inputs already digested" in again.stderr
    assert (out / "a.txt.json").stat().st_mtime_ns == before  # not digested again
    assert "broken.txt.json" in written(out)


def test_resume_needs_a_folder_to_look_in(archive: Path) -> None:
    result = run(str(archive), "--resume")
    assert result.exit_code == ExitStatus.USAGE
    assert "--resume needs -o FOLDER/" in result.stderr


def test_jsonl_has_a_line_per_input(archive: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run(str(archive / "a.txt"), str(missing), "-f", "jsonl")
    assert result.exit_code == ExitStatus.ERROR
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(archive / "a.txt"), str(missing)]
    assert records[1]["error"] == "no such file" and records[1]["schema_version"] == 3
    assert f"speechsum: error: {missing}: no such file" in result.stderr


def test_dask_local_gives_the_output_of_one_process(archive: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    (archive / "empty.txt").write_bytes(b"")
    here = run(str(archive), "-f", "jsonl")
    there = run(str(archive), "-f", "jsonl", "--dask", "local", "-j", "2")
    assert there.exit_code == here.exit_code == ExitStatus.ERROR  # the empty file
    assert there.stdout == here.stdout
    assert len(there.stdout.splitlines()) == 4
