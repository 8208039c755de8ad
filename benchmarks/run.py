"""speechsum's speed goals (issue 7), measured side by side in one run.

    python benchmarks/run.py                  # all five figures (about 10 minutes)
    python benchmarks/run.py --quick          # smaller inputs, shorter caps: a smoke run
    python benchmarks/run.py article batch    # some of: article big growth batch

1. article  the whole `speechsum summarize` process on samples/ru-meeting.txt (and on the
            seed report of ../shared/eval when it is there) against the time it takes to
            `import sumy.summarizers.lex_rank`; and the heaviest imports of that run.
2. big      a 1 MB stenogram (benchmarks/stenogram.py: 30 speakers, the chair ~3,000 of
            ~10,000 sentences) with each algorithm: wall time and peak memory of the whole
            process; then, in one child process, the per-speaker summaries of the same
            segments by ours and by sumy's own summarizers as they run out of the box, with
            sumy's stemmer (capped: a capped run gives a lower bound of the ratio). Luhn
            and Edmundson, linear in sumy too, are also timed with sumy given our memoised
            stemmer, the one thing that makes sumy's versions fast.
3. same     from the same child: for how many speakers sumy picks the sentences we pick;
            where it does not, whether it does with our stems, or when it takes the first
            of equal candidates.
4. growth   stenograms of 1.25 to 10 MB, with more speakers (a sitting of 30 per 1.25 MB)
            and with one speaker saying everything: time and memory per doubling.
5. batch    1,000 article-sized reports in one `speechsum summarize *.txt -f jsonl --jobs 2`.

sumy (and nltk) come with `pip install -e ".[test]"`; speechsum itself does not need them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from stenogram import generate  # noqa: E402

SPEECHSUM = [sys.executable, "-m", "speechsum"]
SAMPLES = ROOT / "samples"
SEED = ROOT.parent / "shared" / "eval" / "dev" / "ru-seed-address-meeting.json"
ALGORITHMS = ["lexrank", "lsa", "luhn", "textrank", "edmundson", "kl", "sumbasic", "reduction"]
# Linear in sumy too: their line also shows sumy given our memoised stemmer.
LINEAR = {"luhn", "edmundson"}
MB = 1_000_000


@dataclass(frozen=True)
class Run:
    """One finished child process: wall seconds, peak resident memory in MB, exit status."""

    seconds: float
    peak_mb: float
    status: int


def run(command: Sequence[str], stdout: int | None = subprocess.DEVNULL) -> Run:
    """Run a command to the end; its own peak memory comes from wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode)


def median_seconds(command: Sequence[str], times: int) -> float:
    """The median wall time of `times` runs."""
    return statistics.median(run(command).seconds for _ in range(times))


def machine() -> str:
    """Cores, processor model and Python version, as the README's table states them."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {model}, Python {platform.python_version()};"
        f" load average {load} (other processes slow every figure)"
    )


# 1. Article


def article(times: int) -> Iterator[str]:
    """Whole-process time on article-sized reports over sumy's import time."""
    sumy = median_seconds([sys.executable, "-c", "import sumy.summarizers.lex_rank"], times)
    inputs = [("samples/ru-meeting.txt", SAMPLES / "ru-meeting.txt")]
    if SEED.exists():
        seed = Path(tempfile.mkdtemp()) / "ru-seed-address-meeting.txt"
        seed.write_text(json.loads(SEED.read_text("utf-8"))["text"], "utf-8")
        inputs.append(("seed report (../shared)", seed))
    for name, path in inputs:
        ours = median_seconds([*SPEECHSUM, "summarize", str(path), "-f", "json"], times)
        yield (
            f"article  {name}: speechsum {ours:.2f} s, import sumy {sumy:.2f} s, "
            f"ratio {ours / sumy:.2f} (goal <= 1.0)"
        )
    yield "article  heaviest imports: " + heaviest_imports(SAMPLES / "ru-meeting.txt")


def heaviest_imports(path: Path, count: int = 6) -> str:
    """The top-level packages the article run imports, by cumulative import time."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "speechsum", "summarize", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    totals: dict[str, int] = {}
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        if name.startswith("  "):
            continue  # imported by another module: counted in that one's cumulative time
        package = name.strip().split(".")[0]
        totals[package] = totals.get(package, 0) + int(parts[1])
    shown = sorted(totals.items(), key=lambda item: -item[1])[:count]
    heavy = sorted({"sumy", "nltk", "scipy", "requests"} & set(totals))
    return ", ".join(f"{name} {micro / 1000:.0f} ms" for name, micro in shown) + (
        f"; sumy/nltk/scipy/requests: {', '.join(heavy) if heavy else 'none'}"
    )


# 2 and 3. Big input, against sumy on the same segments


def big(size: int, cap: float, directory: Path) -> Iterator[str]:
    """Each algorithm on a stenogram of `size` bytes: ours whole, then ours and sumy's."""
    path = directory / "stenogram.txt"
    path.write_text(generate(size), "utf-8")
    yield f"big      {path.stat().st_size / MB:.2f} MB stenogram, 30 speakers"
    same_total = stems_total = ties_total = speakers_total = 0
    for algorithm in ALGORITHMS:
        whole = run([*SPEECHSUM, "summarize", str(path), "-a", algorithm, "-f", "json"])
        ours, sumy, memoised, finished, same, stems, ties, speakers = compare_with_sumy(
            path, algorithm, cap
        )
        bound = ">=" if finished < speakers else ""
        yield (
            f"big      {algorithm:9}  whole {whole.seconds:5.2f} s {whole.peak_mb:4.0f} MB"
            f" (goal <= 3 s, 400 MB) | summaries: ours {ours:5.3f} s, sumy"
            f" {bound}{sumy:6.1f} s, {bound}{sumy / ours:5.0f}x (goal >= 50x)"
            + (
                f" [sumy with our memoised stemmer {memoised:.2f} s, {memoised / ours:.0f}x]"
                if memoised
                else ""
            )
            + f" ({finished}/{speakers} speakers done) | same picks {same}/{finished}"
            + (f" ({stems} more with our stems)" if stems else "")
            + (f" ({ties} more if sumy took the first of equals)" if ties else "")
        )
        same_total += same
        stems_total += stems
        ties_total += ties
        speakers_total += finished
    yield (
        f"same     sumy picks what we pick for {same_total}/{speakers_total} speakers;"
        f" where it does not, {stems_total} of {speakers_total - same_total} differ only by"
        f" nltk's older Snowball stems and {ties_total} are ties that sumy breaks by float"
        " noise and we by position"
    )


def compare_with_sumy(
    path: Path, algorithm: str, cap: float
) -> tuple[float, float, float, int, int, int, int, int]:
    """(our seconds, sumy's seconds, sumy's with our memoised stemmer (LINEAR only, else 0),
    speakers sumy finished, same picks, different picks that are the same with our stems,
    different picks where sumy chose among equal candidates, speakers)."""
    command = [sys.executable, __file__, "_compare", str(path), algorithm]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    ours = sumy = memoised = 0.0
    speakers = finished = same = stems = ties = 0
    deadline = None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    while True:
        wait = None if deadline is None else deadline - time.monotonic()
        if wait is not None and wait <= 0:
            process.kill()
            sumy = cap
            break
        if not selector.select(wait):
            continue
        line = process.stdout.readline()
        if not line:
            break
        record = json.loads(line)
        if record["who"] == "ours":
            ours, speakers = record["seconds"], record["speakers"]
        elif record["who"] == "sumy-start":
            deadline = time.monotonic() + cap
        else:
            sumy += record["seconds"]
            memoised += record["memoised"]
            finished += 1
            same += record["same"]
            stems += record["stems"]
            ties += record["tie"]
    process.wait()
    return ours, sumy, memoised, finished, same, stems, ties, speakers


def compare_child(path: str, algorithm: str) -> None:
    """Child of `compare_with_sumy`: one JSON line per result, as soon as it is known."""
    from speechsum.language import detect_language
    from speechsum.model import DigestOptions
    from speechsum.pipeline import clip_sentences
    from speechsum.sentences import split_sentences
    from speechsum.speakers import attribute_speakers
    from speechsum.summarize import rank_with_sumy, summarize_units, summary_size

    text = Path(path).read_text("utf-8")
    language = detect_language(text)
    sentences = split_sentences(text, language)
    attribution = attribute_speakers(text, sentences, language)
    segments = [
        clip_sentences(text, sentences, [s for s in attribution.segments if s.speaker == p.id])
        for p in attribution.speakers
    ]
    options = DigestOptions(algorithm=algorithm)
    # Import times are left out on both sides: numpy, scipy and PyStemmer here, sumy below.
    import numpy  # noqa: F401
    import scipy.sparse  # noqa: F401
    import Stemmer  # noqa: F401

    start = time.perf_counter()
    ours = [summarize_units(units, language, options) for units in segments]
    seconds = time.perf_counter() - start
    emit({"who": "ours", "seconds": seconds, "speakers": len(segments)})
    import sumy.summarizers.lex_rank  # noqa: F401

    emit({"who": "sumy-start"})
    # Smallest first, so that a capped run still compares most speakers.
    for index in sorted(range(len(segments)), key=lambda i: len(segments[i])):
        units = segments[index]
        start = time.perf_counter()
        count = summary_size(len(units), options)
        if count >= len(units):
            picked = tuple(units)
        else:
            ranking = rank_with_sumy(units, language, algorithm, sumy_stemmer=True)
            picked = tuple(units[i] for i in sorted(ranking[:count]))
        seconds = time.perf_counter() - start
        memoised = 0.0
        if algorithm in LINEAR and count < len(units):
            start = time.perf_counter()
            rank_with_sumy(units, language, algorithm)
            memoised = time.perf_counter() - start
        same = picked == ours[index]
        # Not the same: is it only because nltk's Snowball stems a few words differently
        # (see tests/test_summarize.py), or because sumy chose among equal candidates by
        # float noise?
        stems = not same and picks_with_our_stems(units, language, algorithm, count) == ours[index]
        tie = (
            not same
            and not stems
            and picks_with_our_stems(units, language, algorithm, count, first_of_equals=True)
            == ours[index]
        )
        emit(
            {
                "who": "sumy",
                "seconds": seconds,
                "memoised": memoised,
                "same": same,
                "stems": stems,
                "tie": tie,
            }
        )


def picks_with_our_stems(
    units: Sequence[Any], language: Any, algorithm: str, count: int, first_of_equals: bool = False
) -> tuple[Any, ...]:
    """The units sumy picks when it stems with our stemmer, in document order."""
    from speechsum.summarize import rank_with_sumy

    ranking = rank_with_sumy(units, language, algorithm, first_of_equals=first_of_equals)
    return tuple(units[i] for i in sorted(ranking[:count]))


def emit(record: dict[str, object]) -> None:
    """One JSON line to stdout, flushed."""
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


# 4. Growth


def growth(sizes: Sequence[int], cap: float, directory: Path) -> Iterator[str]:
    """Time and memory as the input doubles, with more speakers and with one speaker.

    LexRank links every pair of sentences whose cosine passes 0.1, so one speaker's time
    grows with the square of their sentences (its memory does not); TextRank's weights
    factor through the term matrix, so it stays linear there too.
    """
    modes = [
        ("lexrank", "more speakers"),
        ("lexrank", "one speaker"),
        ("textrank", "one speaker"),
    ]
    for algorithm, mode in modes:
        previous = None
        cells = []
        for size in sizes:
            path = directory / f"growth-{mode[:3]}-{size}.txt"
            if not path.exists():
                if mode == "one speaker":
                    text = generate(size, speakers=1)
                else:
                    text = generate(size, sessions=max(1, round(size / (1.25 * MB))))
                path.write_text(text, "utf-8")
            command = [*SPEECHSUM, "summarize", str(path), "-a", algorithm, "-f", "json"]
            result = timed_run(command, cap)
            if result is None:
                cells.append(f"{size / MB:g} MB > {cap:.0f} s")
                break
            ratio = f" x{result.seconds / previous:.1f}" if previous else ""
            cells.append(f"{size / MB:g} MB {result.seconds:.1f} s{ratio} {result.peak_mb:.0f} MB")
            previous = result.seconds
        yield f"growth   {algorithm}, {mode}: " + " | ".join(cells)


def timed_run(command: Sequence[str], cap: float) -> Run | None:
    """`run` with a time cap; None when the command did not finish in time."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, process.returncode)
        if time.perf_counter() - start > cap:
            process.kill()
            process.wait()
            return None
        time.sleep(0.02)


# 5. Batch


def batch(count: int, directory: Path) -> Iterator[str]:
    """`count` article-sized reports in one invocation, with --jobs 1 and 2."""
    folder = directory / "batch"
    folder.mkdir(exist_ok=True)
    paths = write_reports(folder, count)
    for jobs in (1, 2):
        out = directory / f"batch-{jobs}.jsonl"
        command = [*SPEECHSUM, "summarize", *map(str, paths), "-f", "jsonl", "-o", str(out)]
        result = run([*command, "--jobs", str(jobs)])
        sources = [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
        in_order = sources == [str(p) for p in paths]
        yield (
            f"batch    {count} reports, --jobs {jobs}: {result.seconds:.2f} s,"
            f" {count / result.seconds:.0f} reports/s (goal >= 100 with --jobs 2),"
            f" output in input order: {in_order}"
        )


def write_reports(folder: Path, count: int) -> list[Path]:
    """Article-sized reports: the samples with their paragraphs reordered, and small
    stenograms, each one different."""
    samples = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    paths = []
    for i in range(count):
        if i % 4 == 3:
            text = generate(6000, speakers=4, seed=i)
        else:
            head, *rest = samples[i % len(samples)].split("\n\n")
            random.Random(i).shuffle(rest)
            text = "\n\n".join([head, *rest])
        path = folder / f"report-{i:04}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_compare":
        compare_child(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", default=["article", "big", "growth", "batch"])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, shorter caps")
    parser.add_argument("--cap", type=float, help="seconds for sumy per algorithm (default 120)")
    args = parser.parse_args()
    quick = args.quick
    cap = args.cap or (10.0 if quick else 120.0)
    print(f"machine  {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        if "article" in args.parts:
            show(article(3 if quick else 7))
        if "big" in args.parts:
            show(big(MB // 4 if quick else MB, cap, directory))
        if "growth" in args.parts:
            sizes = [MB // 8, MB // 4] if quick else [MB * 5 // 4, MB * 5 // 2, 5 * MB, 10 * MB]
            show(growth(sizes, 60.0 if quick else 600.0, directory))
        if "batch" in args.parts:
            show(batch(100 if quick else 1000, directory))


def show(lines: Iterable[str]) -> None:
    """Print a part's lines as soon as they are measured."""
    for line in lines:
        print(line, flush=True)


if __name__ == "__main__":
    main()
