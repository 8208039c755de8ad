"""`--jobs N`: the same output, errors and exit status as one process, in input order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m speechsum ARGS` from this checkout."""
    return subprocess.run(
        [sys.executable, "-m", "speechsum", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=False,
        timeout=300,
    )


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """The samples, twice over, with a missing and an empty file among them."""
    if not SAMPLES:
        pytest.skip("not running from a checkout")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    paths = [str(p) for p in SAMPLES]
    return [*paths, str(tmp_path / "missing.txt"), *reversed(paths), str(empty), paths[0]]


def test_jobs_give_the_output_of_one_process(inputs: list[str]) -> None:
    one = run_cli("summarize", *inputs, "-f", "jsonl")
    two = run_cli("summarize", *inputs, "-f", "jsonl", "--jobs", "2")
    assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
    assert one.returncode == 1


def test_jobs_keep_input_order_and_report_errors_in_order(inputs: list[str]) -> None:
    result = run_cli("summarize", *inputs, "-f", "jsonl", "-j", "3")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == inputs  # failed ones as error records
    readable = [p for p in inputs if not p.endswith(("missing.txt", "empty.txt"))]
    assert [r["source"] for r in records if "error" not in r] == readable
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert [e.split(": error: ")[1].split(":")[0] for e in errors] == [
        p for p in inputs if p.endswith(("missing.txt", "empty.txt"))
    ]


@pytest.mark.parametrize("jobs", ["0", "x"])
def test_jobs_must_be_a_positive_number(jobs: str) -> None:
    result = run_cli("summarize", str(SAMPLES[0]), "--jobs", jobs)
    assert result.returncode == 2
    assert result.stdout == ""
