"""How readable the summaries are (issue 13): the share of summary sentences that carry no
content, have unpaired quotation marks, or repeat one already picked for that speaker.

    python benchmarks/substance.py                 # samples/ and ../shared/eval/dev when there
    python benchmarks/substance.py -v DIR_OR_FILE  # list the offending sentences

Content-free is speechsum.substance.content_free: greetings, thanks, forms of address,
procedural lines, fragments of a few words. Goals: at most 2% content-free, no unpaired
marks, no repeats.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from speechsum.pipeline import build_digest
from speechsum.reading import decode_input, read_path
from speechsum.substance import WORD, content_free

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "samples", ROOT.parent / "shared" / "eval" / "dev"]


def texts(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """(name, text) of each report: .json reports of the eval set by their "text", others read
    as speechsum reads files."""
    for path in paths:
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".json":
                yield f.name, json.loads(f.read_text(encoding="utf-8"))["text"]
            elif f.suffix in (".txt", ".vtt", ".srt", ".md"):
                yield f.name, decode_input(read_path(str(f))).text


def unpaired(text: str) -> bool:
    curly = ("„", "“") if "„" in text else ("“", "”")
    return text.count("«") != text.count("»") or text.count('"') % 2 == 1 or (
        text.count(curly[0]) != text.count(curly[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    paths = args.paths or [p for p in DEFAULT if p.exists()]
    total = free = marks = repeats = 0
    for name, text in texts(paths):
        digest = build_digest(text)
        for speaker in digest.speakers:
            seen: set[str] = set()
            for unit in speaker.summary:
                total += 1
                key = " ".join(WORD.findall(unit.text.lower()))
                problems = [label for label, bad in (
                    ("content-free", content_free(unit.text, digest.language)),
                    ("unpaired marks", unpaired(unit.text)),
                    ("repeat", key in seen)) if bad]
                seen.add(key)
                free += "content-free" in problems
                marks += "unpaired marks" in problems
                repeats += "repeat" in problems
                if problems and args.verbose:
                    print(f"{name}: {', '.join(problems)}: {unit.text[:100]!r}")
    if not total:
        print("no summary sentences: give reports to read", file=sys.stderr)
        return 1
    print(f"summary sentences {total}: content-free {free} ({free / total:.1%}, goal <= 2%), "
          f"unpaired quotation marks {marks} ({marks / total:.1%}), repeats {repeats}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
