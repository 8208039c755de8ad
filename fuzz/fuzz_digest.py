"""Fuzz bytes -> decode_input -> build_digest -> renderers, checking the invariants each time.

    pip install atheris        # a wheel on CPython 3.8-3.11 (Linux, macOS)
    python fuzz/fuzz_digest.py -max_total_time=600 -timeout=20 -rss_limit_mb=4096 \
        -artifact_prefix=fuzz/crashes/ fuzz/corpus samples

Arguments go to libFuzzer (atheris): the first directory collects the corpus, the others
seed it. A crash, a failed invariant or an input slower than -timeout seconds is saved under
-artifact_prefix and replayed with `python fuzz/fuzz_digest.py fuzz/crashes/crash-...`.
Without atheris (or with --hypothesis N) the same checks run under hypothesis for N examples.

Half of the inputs are read as a recipe rather than as text: the bytes choose names, speech
verbs, dashes, quotes, labels and noise, so that the fuzzer reaches attribution rules that
random bytes never would.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # invariants.py: the checks the test suite uses too

NAMES = [
    "Иван Петров", "Анна Смирнова", "Ерлан Жумабаев", "Ерлана Жумабаева", "Динара Нурланкызы",
    "Е. Жумабаев", "Д.Медведев", "ПЕТРОВ", "Петровой", "Айгүл Серікқызы", "Бахытжан Серикулы",
    "John Smith", "Sen. John Smith", "Smith", "Dr. Jane O'Neil",
]
VERBS = [
    "сказал", "сказала", "отметила", "подчеркнул", "заявил", "добавила", "сообщил", "пообещал",
    "не сказал", "деді", "атап өтті", "мәлімдеді", "said", "added", "told reporters",
]
DASHES = ["-", "–", "—", "―", "--"]
QUOTES = [("«", "»"), ('"', '"'), ("“", "”"), ("„", "“"), ("''", "''"), ("«", "")]
LABELS = [
    "ПЕТРОВ:", "ПЕТРОВА А. В.:", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.):", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.",
    "Вопрос:", "Ответ:", "И. Смирнов:", "Q:", "A:", "**Tim:**", "Е.АФАНАСЬЕВА –", "Тілші:",
]
LEADS = [
    "По словам", "По её словам,", "According to", "Как отмечают в департаменте", "Он также",
    "Она", "С докладом выступил", "Далее", "Оның айтуынша,", "Как сообщает RT,",
]
WORDS = [
    "мост", "дорога", "откроем", "в", "мае", "что", "жители", "тенге", "2024", "г.", "т. е.",
    "road", "the", "will", "open", "жол", "ашылады", "және", "(Аплодисменты.)", "[Laughter]",
]
NOISE = [
    "\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\ufeff", "\u00ad", "\x1b[31m", "\x07",
    "\x00", "\r", "\r\n", "\t", "\u00a0", "\u2028", "\u0301", "😀", "👨‍👩‍👧", "𝔘", "ﬁ", "\ufffd",
    "[bold]", "[link=http://x]", "\\", "...", "…", "!?", ":", ";", ",", ".", "(", ")",
]
PUNCTUATION = [".", ",", ":", "!", "?", "…", ", ", ". ", "\n", "\n\n", " "]
ALGORITHMS = ["lexrank", "lsa", "luhn", "textrank", "edmundson", "kl", "sumbasic", "reduction"]

PIECES: list[list[str]] = [NAMES, VERBS, DASHES, LABELS, LEADS, WORDS, NOISE, PUNCTUATION]


def recipe_text(take: Callable[[int], int], count: int) -> str:
    """A text of `count` pieces, each chosen by `take(n)` (an int in [0, n))."""
    parts: list[str] = []
    for _ in range(count):
        kind = take(len(PIECES) + 2)
        if kind < len(PIECES):
            options = PIECES[kind]
            parts.append(options[take(len(options))])
        elif kind == len(PIECES):
            opening, closing = QUOTES[take(len(QUOTES))]
            depth = 1 + take(3)
            body = " ".join(WORDS[take(len(WORDS))] for _ in range(1 + take(6)))
            parts.append(opening * depth + body + closing * take(depth + 1))
        else:
            parts.append(" ")
    return "".join(parts)


def check(text: str, language: int, algorithm: int, sentences: int, narration: bool) -> None:
    """build_digest on `text` never raises, keeps its invariants, and renders safely."""
    from invariants import assert_invariants

    from speechsum.model import DigestOptions, Language
    from speechsum.pipeline import build_digest
    from speechsum.render.json import render_json
    from speechsum.render.markdown import render_markdown
    from speechsum.render.text import render_text

    languages = [None, *Language]
    options = DigestOptions(
        language=languages[language % len(languages)],
        algorithm=ALGORITHMS[algorithm % len(ALGORITHMS)],
        sentences=1 + sentences % 5,
        narration=narration,
    )
    digest = build_digest(text, options, "fuzz\x1b.txt")
    assert_invariants(text, digest, options)
    wire = render_json(digest)
    assert json.loads(wire)["schema_version"] == 2
    wire.encode("utf-8")  # always encodable: no lone surrogates
    for human in (render_text(digest), render_markdown(digest)):
        assert "\x1b" not in human and "\u202e" not in human, "escape reached human output"


def one_input(data: bytes) -> None:
    """The libFuzzer entry point: bytes as a file, or as a recipe for a report."""
    import atheris

    from speechsum.reading import InputError, decode_input

    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeIntInRange(0, 3)
    language = provider.ConsumeIntInRange(0, 3)
    algorithm = provider.ConsumeIntInRange(0, len(ALGORITHMS) - 1)
    sentences = provider.ConsumeIntInRange(0, 4)
    narration = provider.ConsumeBool()
    if mode < 2:
        count = provider.ConsumeIntInRange(1, 60)
        text = recipe_text(lambda n: provider.ConsumeIntInRange(0, n - 1), count)
    elif mode == 2:
        text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    else:
        try:
            text = decode_input(provider.ConsumeBytes(provider.remaining_bytes())).text
        except InputError as error:
            assert str(error) and "\n" not in str(error)
            return
    check(text, language, algorithm, sentences, narration)


def run_atheris(argv: list[str]) -> None:
    """Coverage-guided fuzzing of speechsum's own code."""
    import atheris

    with atheris.instrument_imports(include=["speechsum"]):
        import speechsum.pipeline  # noqa: F401
        import speechsum.reading  # noqa: F401
        import speechsum.render.json  # noqa: F401
        import speechsum.render.markdown  # noqa: F401
        import speechsum.render.text  # noqa: F401
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def run_hypothesis(examples: int) -> None:
    """The same checks without atheris: hypothesis draws the recipes and the raw bytes."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from speechsum.reading import InputError, decode_input

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.integers(0, 3),
        st.lists(st.integers(0, 1 << 16), min_size=1, max_size=80),
        st.text(),
        st.binary(max_size=2000),
        st.integers(0, 3),
        st.integers(0, 7),
        st.integers(0, 4),
        st.booleans(),
    )
    def fuzz(
        mode: int,
        choices: list[int],
        unicode: str,
        raw: bytes,
        language: int,
        algorithm: int,
        sentences: int,
        narration: bool,
    ) -> None:
        if mode < 2:
            stream = iter(choices * 4)
            text = recipe_text(lambda n: next(stream, 0) % n, len(choices))
        elif mode == 2:
            text = unicode
        else:
            try:
                text = decode_input(raw).text
            except InputError:
                return
        check(text, language, algorithm, sentences, narration)

    fuzz()
    print(f"hypothesis: {examples} examples, no failures")


def main() -> None:
    argv = sys.argv
    if "--hypothesis" in argv:
        run_hypothesis(int(argv[argv.index("--hypothesis") + 1]))
        return
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: running hypothesis instead", file=sys.stderr)
        run_hypothesis(20_000)
        return
    run_atheris(argv)


if __name__ == "__main__":
    main()
