"""Adversarial inputs at doubling sizes: how time grows with size shows whether speechsum
stays linear (goal: at most 2.3x each time the input doubles, time ~ size^1.2 at most), and
each case is held to the limits any input shape has: at most 3 s per MB, at most 500 MB of
memory up to 10 MB.

    python benchmarks/adversarial.py                        # every case, up to full size
    python benchmarks/adversarial.py nested-guillemets -v   # one case, time per stage
    python benchmarks/adversarial.py --quick                # sizes / 8: a smoke run
    python benchmarks/adversarial.py colons -d 1 --profile  # cProfile of the full size

Each size runs in a child process, under a memory limit and a time budget, through the same
stages as `speechsum summarize -f json`: decode the bytes, build_digest (language, sentences,
attribution, summaries) and render JSON. Times are the child's CPU seconds, which other
programs on the machine disturb far less than wall-clock time; a run under 3 s is repeated
in new children and the best kept. Every run starts cold, as the command line does: a
repeat in the same process would find pymorphy3's word caches full and look faster.
Peak memory is the child's maximum resident set, the input included. A case stops doubling
once a run takes longer than --budget seconds; a crash or a memory error is reported as such.
The growth is the exponent fitted over all the runs long enough to time (MIN_SECONDS), so
that one noisy doubling does not decide it; seconds per MB are judged at the largest of them,
where fixed costs weigh least. Exit status 1 if a case grows faster than the goal or breaks
a limit.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

GOAL = 2.3
# The limits of any input shape: seconds per MB of input, and peak memory up to 10 MB.
SECONDS_PER_MB = 3.0
MEMORY_MB = 500
MEMORY_INPUT_MB = 10
# Shorter runs are mostly noise; their ratios are shown in brackets and do not count.
MIN_SECONDS = 0.1
# Sizes from 1/32 of the full size up: a quadratic case shows itself before the budget stops it.
DOUBLINGS = 6
# Runs shorter than this are repeated (in new processes) and the best time kept.
REPEAT_BELOW = 3.0
REPEATS = 3
STAGES = ("decode", "language", "sentences", "attribution", "summaries", "render")
# One speaker with more sentences than a summary takes, so that sumy is loaded too.
WARM_UP = "Иван Петров сказал, что мост откроют. Он добавил, что дорогу тоже. " * 5

FIRST = ["Иван", "Анна", "Ерлан", "Динара", "Марат", "Айгуль", "Нурлан", "Ольга"]
SYLLABLES = ["ка", "ре", "ми", "но", "ту", "ла", "се", "да", "бу", "жа", "ры", "хо"]


def surname(i: int) -> str:
    """A distinct invented surname for every i: "Карeмиов"-like, ending in -ов."""
    stem = ""
    while True:
        i, digit = divmod(i, len(SYLLABLES))
        stem += SYLLABLES[digit]
        if not i:
            break
    return stem.capitalize() + "ов"


def repeat_to(unit: str, size: int, sep: str = "") -> str:
    """`unit` repeated until the text has about `size` bytes of UTF-8."""
    count = max(1, size // len((unit + sep).encode()))
    return sep.join([unit] * count)


def repeated(unit: str) -> Callable[[int], str]:
    """A builder of `unit` repeated to a size."""
    return lambda size: repeat_to(unit, size)


def nested(size: int, opener: str, closer: str) -> str:
    """Quotes nested `size` deep around one word, on one line."""
    depth = size // 4
    return "Он сказал: " + opener * depth + "дорога" + closer * depth + ", - сказал Иван Петров."


def random_unicode(size: int) -> str:
    """A reproducible mix of letters, controls, zero-width and bidi marks, emoji, dashes, quotes."""
    import random

    rng = random.Random(6)
    pool = (
        list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯәғқңөұүһі")
        + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        + list(" " * 12 + "\n\n.,:;!?…-–—«»\"“”„'()[]*_#")
        + ["\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\ufeff", "\u00ad", "\x1b", "\x07"]
        + ["😀", "👍🏽", "👨‍👩‍👧", "🇰🇿", "\u0301", "𝔘", "ﬁ", "\u2028"]
    )
    chars: list[str] = []
    total = 0
    while total < size:
        char = rng.choice(pool)
        chars.append(char)
        total += len(char.encode())
    return "".join(chars)


@dataclass(frozen=True)
class Case:
    """An adversarial input: what it is and how to build it at a size in bytes."""

    name: str
    about: str
    build: Callable[[int], str]
    size: int  # the largest size, in bytes of UTF-8


MB = 1_000_000
DASH_LINE = "— Мост откроем в мае.\n"
ONE_WORD = "слово\n"
# Pieces with a colon: a label-like word, a clause with a speech verb, a one-letter turn, a
# quote after a speech verb; each case repeats one on a line and one per line.
# Quotes with a cue naming one of six speakers, one a line: a wire feed of quotes.
QUOTE_LINES = [
    f"«Мост откроем в мае, дорога будет готова к осени», — {verb} {name}.\n"
    for verb, name in [("сказала", "Айгуль Сапарова"), ("сказал", "Ерлан Жумабаев"),
                       ("сказал", "Марат Исаков"), ("сказала", "Дана Ортиз"),
                       ("сказал", "Сергей Ким"), ("сказала", "Алия Нурланова")]
]
COLON_PIECES = [
    ("label-colons", "ИВАНОВ: ", "a surname in capitals and a colon"),
    ("said-colons", "Иванов сказал: ", "a speech verb and a colon, nothing after"),
    ("short-colons", "А: б. ", "a one-letter label, a one-letter turn"),
    ("quoted-colons", "сказал: «да». ", "a quote after a speech verb and a colon"),
]
# A million paragraphs of a word or two: 10 MB each at full size.
TINY_PARAGRAPHS = [
    ("tiny-paragraphs", "Да.\n", "paragraphs of one short sentence"),
    ("spaced-paragraphs", "А.\n\n", "one-letter paragraphs with blank lines between"),
    ("dash-paragraphs", "— Да.\n", "dash-opened paragraphs of one word"),
]

CASES = [
    Case(
        "long-line",
        "one 5 MB line of narration sentences, no newline",
        lambda n: repeat_to("Дорога будет готова в мае, и жители довольны. ", n),
        5 * MB,
    ),
    Case(
        "long-line-words",
        "one 5 MB line of words, no punctuation, no newline",
        lambda n: repeat_to("слово ", n),
        5 * MB,
    ),
    Case(
        "long-line-dots",
        "one 5 MB line of full stops",
        lambda n: "." * n,
        5 * MB,
    ),
    Case(
        "long-line-speech",
        "one 2 MB line: a dash quote with a cue, repeated",
        lambda n: repeat_to("— Мост откроем в мае, — сказал Иван Петров.", n, " "),
        2 * MB,
    ),
    Case(
        "dash-lines",
        "100,000 dash-opened lines without a cue",
        lambda n: repeat_to(DASH_LINE, n),
        100_000 * len(DASH_LINE.encode()),
    ),
    Case(
        "dash-lines-cued",
        "20,000 dash-opened lines, each with a cue naming a different speaker",
        lambda n: "".join(
            f"— Мост откроем в мае, — сказал {FIRST[i % 8]} {surname(i)}.\n" for i in range(n // 60)
        ),
        20_000 * 60,
    ),
    Case(
        "quote-lines",
        "10 MB of «quote», — сказал NAME. lines, six speakers taking turns",
        lambda n: "".join(QUOTE_LINES[i % len(QUOTE_LINES)]
                          for i in range(n // len(QUOTE_LINES[0].encode()))),
        10 * MB,
    ),
    Case(
        "one-speaker",
        "20,000 lines of reported speech, all by one speaker",
        lambda n: repeat_to("Иван Петров сказал, что дорога будет готова в мае.\n", n),
        20_000 * 90,
    ),
    Case(
        "unclosed-guillemets",
        "50,000 unclosed « on one line",
        lambda n: repeat_to("«Слово ", n),
        50_000 * len("«Слово ".encode()),
    ),
    Case(
        "unclosed-guillemets-lines",
        "50,000 lines, each opening an unclosed «",
        lambda n: repeat_to("«Слово, — сказал Иван Петров\n", n),
        50_000 * len("«Слово, — сказал Иван Петров\n".encode()),
    ),
    Case(
        "quote-over-paragraphs",
        "50,000 paragraphs of one English quote, each opened again, closed by a cue at the end",
        lambda n: repeat_to("“This goes on over paragraphs.\n", n) + "“The end,” said Ed Kim.\n",
        50_000 * len("“This goes on over paragraphs.\n".encode()),
    ),
    Case(
        "nested-guillemets",
        "«« ... »» nested 50,000 deep",
        lambda n: nested(n, "«", "»"),
        200_000,
    ),
    Case(
        "nested-low-quotes",
        "„„ ... ““ nested 50,000 deep (the opener differs from the closer)",
        lambda n: nested(n, "„", "“"),
        200_000,
    ),
    Case(
        "one-word-paragraphs",
        "a million one-word paragraphs",
        lambda n: repeat_to(ONE_WORD, n),
        1_000_000 * len(ONE_WORD.encode()),
    ),
    Case(
        "colons",
        "one line of 200,000 'слово:' (speech after a colon)",
        lambda n: repeat_to("слово: ", n),
        200_000 * len("слово: ".encode()),
    ),
    *(
        Case(name, f"one line of 80,000 {piece.strip()!r} ({about})",
             repeated(piece), 80_000 * len(piece.encode()))
        for name, piece, about in COLON_PIECES
    ),
    *(
        Case(f"{name.split('-')[0]}-colon-lines",
             f"80,000 lines of {piece.strip()!r} ({about})",
             repeated(piece.rstrip() + "\n"),
             80_000 * len(piece.rstrip().encode() + b"\n"))
        for name, piece, about in COLON_PIECES
    ),
    *(
        Case(name, f"10 MB of {piece!r} ({about})",
             repeated(piece), 10 * MB)
        for name, piece, about in TINY_PARAGRAPHS
    ),
    Case(
        "bare-colons",
        "one line of 1,000,000 ':' (each colon once looked past to the end of the line)",
        repeated(":"),
        1_000_000,
    ),
    Case(
        "straight-quotes",
        "one line of 500,000 '\"' (each quote once walked back over all the others)",
        repeated('"'),
        500_000,
    ),
    Case(
        "said-words",
        "one line of 200,000 'said ' (a sentence of speech verbs, each a cue)",
        repeated("said "),
        1_000_000,
    ),
    Case(
        "name-words",
        "one line of 150,000 'Иванов ' (a name every 7 bytes)",
        repeated("Иванов "),
        150_000 * len("Иванов ".encode()),
    ),
    Case(
        "cue-separators",
        "one dash-opened line of 100,000 ', — слово' (cue separators without a verb)",
        lambda n: "— " + repeat_to("слово, — ", n) + "конец.",
        100_000 * len("слово, — ".encode()),
    ),
    Case(
        "inner-dashes",
        "one line of 100,000 '. — Слово' (dash quotes inside a paragraph)",
        lambda n: "Начало" + repeat_to(". — Слово", n) + ".",
        100_000 * len(". — Слово".encode()),
    ),
    Case(
        "long-transcript",
        "10 MB of transcript turns by two speakers (a long stenogram)",
        repeated("ИВАНОВ: Дорога будет готова к осени, деньги выделены.\n"
                 "ПЕТРОВА: Когда начнут ремонт школы?\n"),
        10 * MB,
    ),
    Case(
        "labels",
        "50,000 transcript turns by two speakers",
        lambda n: repeat_to("ИВАНОВ: Дорога будет.\nПЕТРОВА: Когда?\n", n),
        25_000 * len("ИВАНОВ: Дорога будет.\nПЕТРОВА: Когда?\n".encode()),
    ),
    Case(
        "inline-labels",
        "20,000 transcript lines, each with a second label after a sentence's end",
        repeated("ИВАНОВ: Дорога будет. ПЕТРОВА: Когда?\n"),
        20_000 * len("ИВАНОВ: Дорога будет. ПЕТРОВА: Когда?\n".encode()),
    ),
    Case(
        "many-labels",
        "20,000 transcript turns by different speakers",
        lambda n: "".join(f"{surname(i).upper()}: Дорога будет готова.\n" for i in range(n // 50)),
        20_000 * 50,
    ),
    Case(
        "pronoun-mismatch",
        "20,000 'Анна Петрова пришла. Он сказал, что ...' (no antecedent agrees)",
        lambda n: repeat_to("Анна Петрова пришла. Он сказал, что дорога готова.\n", n),
        20_000 * 90,
    ),
    Case(
        "random-unicode",
        "2 MB of letters, controls, zero-width and bidi marks, emoji, quotes and dashes",
        random_unicode,
        2 * MB,
    ),
]
CASES_BY_NAME = {case.name: case for case in CASES}


# -- the child: one size of one case -----------------------------------------------------------


def measure(case: Case, size: int, profile: bool) -> dict[str, object]:
    """Time every stage of one run."""
    import speechsum.pipeline as pipeline
    from speechsum.reading import decode_bytes
    from speechsum.render.json import render_json

    stages: dict[str, float] = {}

    def timed(name: str, function: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                stages[name] = stages.get(name, 0.0) + time.process_time() - start

        return wrapper

    # The stages pipeline.build_digest calls, wrapped where it looks them up.
    for name, attribute in [
        ("language", "detect_language"),
        ("sentences", "split_sentences"),
        ("attribution", "attribute_speakers"),
        ("summaries", "summarize_units"),
    ]:
        setattr(pipeline, attribute, timed(name, getattr(pipeline, attribute)))

    # Load pymorphy3's dictionaries and the summarizers first: a start-up cost, not per input.
    pipeline.build_digest(WARM_UP)
    stages.clear()
    data = case.build(size).encode("utf-8")
    start = time.process_time()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    text = decode_bytes(data)
    stages["decode"] = time.process_time() - start
    digest = pipeline.build_digest(text, source="adversarial")
    rendered = time.process_time()
    render_json(digest)
    stages["render"] = time.process_time() - rendered
    stages["total"] = time.process_time() - start
    if profile:
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats(25)
    return {"bytes": len(data), "speakers": len(digest.speakers), **stages}


def peak_memory() -> int:
    """The most memory this process has held resident, in bytes."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux


def child(name: str, size: int, profile: bool, memory: int) -> None:
    """Measure one size in this process and print the result as one JSON line."""
    if memory:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        result = measure(CASES_BY_NAME[name], size, profile)
        result["memory"] = peak_memory()
    except MemoryError:
        result = {"error": "MemoryError"}
    except Exception as error:  # reported, not raised: the parent prints what broke
        import traceback

        where = traceback.extract_tb(error.__traceback__)[-1]
        result = {"error": f"{type(error).__name__}: {error} ({where.filename}:{where.lineno})"}
    print(json.dumps(result))


# -- the parent: doubling and reporting --------------------------------------------------------


def run_size(args: argparse.Namespace, case: Case, size: int) -> dict[str, object]:
    """One size of one case: the best of a few fresh children when a run is short."""
    best: dict[str, object] = {}
    for _ in range(1 if args.profile else REPEATS):
        result = run_child(args, case, size)
        if "error" in result:
            return result
        if not best or float(result["total"]) < float(best["total"]):  # type: ignore[arg-type]
            best = result
        if float(result["total"]) > REPEAT_BELOW:  # type: ignore[arg-type]
            break
    return best


def run_child(args: argparse.Namespace, case: Case, size: int) -> dict[str, object]:
    """One run in a fresh child process, under the memory and time limits."""
    command = [sys.executable, __file__, "--child", case.name, "--size", str(size)]
    command += ["--memory", str(args.memory)]
    if args.profile:
        command.append("--profile")
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=args.budget * 5 + 60, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": f"no result in {args.budget * 5 + 60} s"}
    if args.profile:
        sys.stderr.write(done.stderr)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return {"error": f"child failed: {tail[0]}"}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def growth(timed: list[tuple[int, float]]) -> float | None:
    """The exponent k of time ~ size^k fitted over the timed runs (least squares on their
    logarithms), None with fewer than two: one noisy doubling does not decide it, a
    quadratic shows as k near 2 whatever the noise."""
    if len(timed) < 2:
        return None
    xs = [math.log2(size) for size, _ in timed]
    ys = [math.log2(seconds) for _, seconds in timed]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread


def run_case(args: argparse.Namespace, case: Case) -> bool:
    """Run the doublings of one case and print them; False if its time grew faster than
    GOAL a doubling over the runs long enough to time, or the largest of them took more than
    SECONDS_PER_MB, or a run up to MEMORY_INPUT_MB took more than MEMORY_MB."""
    largest = case.size // (8 if args.quick else 1)
    sizes = [largest >> k for k in reversed(range(args.doublings))]
    print(f"\n{case.name}: {case.about}")
    print(f"  {'bytes':>10} {'seconds':>9} {'ratio':>7} {'s/MB':>6} {'peak MB':>8}  stages")
    previous: float | None = None
    worst = 0.0
    broken: list[str] = []  # the limits a run broke
    timed: list[tuple[int, float]] = []  # (bytes, seconds) of the runs long enough to time
    last_rate: tuple[float, int] | None = None  # s/MB of the largest of them, and its bytes
    for size in sizes:
        result = run_size(args, case, size)
        if "error" in result:
            print(f"  {size:>10} {'-':>9} {'-':>7}  {result['error']}")
            print(f"  verdict: FAILED at {size} bytes")
            return False
        seconds = float(result["total"])  # type: ignore[arg-type]
        ratio = seconds / previous if previous else None
        counts = previous is not None and previous >= MIN_SECONDS
        if ratio is not None and counts:
            worst = max(worst, ratio)
        shown = f"{ratio:.2f}x" if ratio is not None else ""
        if ratio is not None and not counts:
            shown = f"({ratio:.1f}x)"
        stages = ""
        if args.verbose:
            stages = " ".join(
                f"{name} {float(result[name]):.2f}"  # type: ignore[arg-type]
                for name in STAGES
                if name in result
            )
            stages += f" | {result['speakers']} speakers"
        megabytes = int(result["bytes"]) / MB  # type: ignore[call-overload]
        rate = seconds / megabytes
        memory = int(result["memory"]) / MB  # type: ignore[call-overload]
        if seconds >= MIN_SECONDS:
            timed.append((int(result["bytes"]), seconds))  # type: ignore[call-overload]
            last_rate = rate, int(result["bytes"])  # type: ignore[call-overload]
        if megabytes <= MEMORY_INPUT_MB and memory > MEMORY_MB:
            broken.append(f"{memory:.0f} MB at {result['bytes']} bytes")
        print(f"  {result['bytes']:>10} {seconds:>9.3f} {shown:>7} {rate:>6.2f} {memory:>8.0f}"
              f"  {stages}".rstrip())
        previous = seconds
        if seconds > args.budget and size != sizes[-1]:
            print(f"  stopped: over the {args.budget} s budget")
            break
    exponent = growth(timed)
    ok = exponent is None or exponent <= math.log2(GOAL)
    if len(sizes) == 1:
        verdict = "one size, no ratio"
    elif exponent is None:
        verdict = f"too fast to judge (runs under {MIN_SECONDS} s do not count)"
    else:
        verdict = "linear" if ok else "SUPER-LINEAR"
        verdict += (f" (time ~ size^{exponent:.2f}, goal <= {math.log2(GOAL):.2f}, as {GOAL}x"
                    f" a doubling; worst single doubling {worst:.2f}x)")
    if last_rate is not None and last_rate[0] > SECONDS_PER_MB:
        broken.append(f"{last_rate[0]:.1f} s/MB at {last_rate[1]} bytes")
    if broken:
        verdict += f"; OVER THE LIMITS ({SECONDS_PER_MB:g} s/MB, {MEMORY_MB} MB up to"
        verdict += f" {MEMORY_INPUT_MB} MB): {', '.join(broken)}"
    print(f"  verdict: {verdict}")
    return ok and not broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("-d", "--doublings", type=int, default=DOUBLINGS, help="sizes per case")
    parser.add_argument("--quick", action="store_true", help="largest size / 8")
    parser.add_argument("--budget", type=float, default=60.0, help="stop doubling after N s")
    parser.add_argument("--memory", type=int, default=4_000_000_000, help="address space cap")
    parser.add_argument("-v", "--verbose", action="store_true", help="seconds per stage")
    parser.add_argument("--profile", action="store_true", help="cProfile each run (stderr)")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size, args.profile, args.memory)
        return
    if args.list:
        for case in CASES:
            print(f"{case.name:28} {case.about}")
        return
    unknown = [name for name in args.cases if name not in CASES_BY_NAME]
    if unknown:
        parser.error(f"unknown case: {', '.join(unknown)} (see --list)")
    chosen = [CASES_BY_NAME[name] for name in args.cases] or CASES
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; goal <= {GOAL}x per doubling,"
          f" <= {SECONDS_PER_MB:g} s/MB, <= {MEMORY_MB} MB up to {MEMORY_INPUT_MB} MB")
    results = {case.name: run_case(args, case) for case in chosen}
    failed = [name for name, ok in results.items() if not ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} cases linear and within the limits",
          end="")
    print(f"; not: {', '.join(failed)}" if failed else "")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
