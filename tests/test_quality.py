"""Lint and type checks, so that the one test command covers them too."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tool(module: str, *args: str) -> None:
    """Run `python -m module args` in the checkout; fail with its output when it complains."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install '.[test]')")
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not running from a checkout")
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    run_tool("ruff", "check", "src", "tests")


def test_mypy() -> None:
    # Files and strictness come from [tool.mypy] in pyproject.toml.
    run_tool("mypy")


def quick_start() -> list[str]:
    """The commands of README.md's Quick start block."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start", 1)[1]
    block = section.split("```\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command() -> None:
    if not (ROOT / ".ci" / "run").exists():
        pytest.skip("not running from a checkout")
    commands = quick_start()
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci
    # Both make their own virtualenv: a stock Debian pip refuses to install outside one.
    assert all(c.startswith("python3 -m venv .venv && .venv/bin/pip install ") for c in commands)
