"""Golden files: each samples/x.{txt,vtt,srt} and tests/cases/x.txt has tests/golden/x.json.

Run `pytest --update-golden` to rewrite them, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from invariants import assert_invariants
from speechsum.pipeline import build_digest
from speechsum.reading import decode_bytes
from speechsum.render.json import render_json

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
INPUTS = sorted([*(ROOT / "samples").glob("*.txt"), *(ROOT / "samples").glob("*.vtt"),
                 *(ROOT / "samples").glob("*.srt"), *(TESTS / "cases").glob("*.txt")])


def test_inputs_exist_and_have_distinct_names() -> None:
    names = [p.stem for p in INPUTS]
    assert names, "no samples/*.txt found"
    assert len(names) == len(set(names)), f"two inputs share a golden name: {names}"


def test_every_golden_has_an_input() -> None:
    orphans = {p.stem for p in GOLDEN.glob("*.json")} - {p.stem for p in INPUTS}
    assert not orphans, f"golden files without an input, delete them: {sorted(orphans)}"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_golden(path: Path, update_golden: bool) -> None:
    text = decode_bytes(path.read_bytes())
    digest = build_digest(text, source=path.name)
    assert_invariants(text, digest)
    actual = render_json(digest)
    golden = GOLDEN / f"{path.stem}.json"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"{golden.name} is missing: run `pytest --update-golden`"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{path.name}: output differs from {golden.name}; "
        "if the change is intended run `pytest --update-golden` and review the diff"
    )
