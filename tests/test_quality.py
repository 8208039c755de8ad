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
