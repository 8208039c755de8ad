"""The Python API: build_digest, DigestOptions from plain values, digest_to_json."""

from __future__ import annotations

import dataclasses
import doctest
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import speechsum
from speechsum import Digest, DigestOptions, Language, build_digest, digest_to_json
from speechsum import model as model_module

SRC = str(Path(speechsum.__file__).parents[1])

README = Path(__file__).parents[1] / "README.md"


def readme_example() -> str:
    """The example under "## Python API" in README.md, as it is written there."""
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def run_examples(text: str, name: str) -> doctest.TestResults:
    """Run the >>> examples in `text`; the failures are printed."""
    test = doctest.DocTestParser().get_doctest(text, {}, name, None, 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    return runner.summarize(verbose=False)


def test_readme_example() -> None:
    assert run_examples(readme_example(), "README") == (0, 5)


@pytest.mark.parametrize("module", [speechsum, model_module], ids=["speechsum", "model"])
def test_docstring_examples(module: Any) -> None:
    failed, attempted = doctest.testmod(module)
    assert attempted > 0
    assert failed == 0


def test_public_names() -> None:
    assert set(speechsum.__all__) == {
        "build_digest", "DigestOptions", "digest_to_json", "Digest", "Language", "__version__"
    }
    for name in speechsum.__all__:
        if name != "__version__":
            assert getattr(speechsum, name).__doc__, name
    with pytest.raises(AttributeError, match="nothing"):
        speechsum.nothing  # noqa: B018


def test_import_and_options_are_cheap() -> None:
    code = (
        "import sys, speechsum\n"
        "from speechsum import DigestOptions\n"
        "DigestOptions(language='ru', algorithm='LSA', topic='бюджет', ratio=0.5)\n"
        "heavy = {'numpy', 'scipy', 'sumy', 'nltk', 'pymorphy3', 'razdel', 'Stemmer', 'rich'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    assert run_python(code) == "[]"


def test_the_builtin_engine_imports_neither_sumy_nor_nltk() -> None:
    code = (
        "import sys\n"
        "from speechsum import DigestOptions, build_digest, digest_to_json\n"
        f"text = {SAID!r}\n"
        "for algorithm in ('lexrank', 'edmundson', 'kl'):\n"
        "    options = DigestOptions(algorithm=algorithm, engine='builtin', topic='бюджет',\n"
        "                            narration=True, sentences=1)\n"
        "    assert build_digest(text, options).speakers\n"
        "print(sorted({'sumy', 'nltk'} & {m.split('.')[0] for m in sys.modules}))\n"
    )
    assert run_python(code) == "[]"


def run_python(code: str) -> str:
    """What `python -c code` prints, with this package importable."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": SRC},
        check=True,
    )
    return result.stdout.strip()


# DigestOptions from plain values.


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"language": "ru"}, {"language": Language.RU}),
        ({"language": "KK"}, {"language": Language.KK}),
        ({"language": "En"}, {"language": Language.EN}),
        ({"language": "auto"}, {"language": None}),
        ({"language": "AUTO"}, {"language": None}),
        ({"language": Language.KK}, {"language": Language.KK}),
        ({"language": None}, {"language": None}),
        ({"topic": "парламент, бюджет"}, {"topic": ("парламент", "бюджет")}),
        ({"topic": "бюджет"}, {"topic": ("бюджет",)}),
        ({"topic": ["налоги", "парламент,бюджет  дороги"]},
         {"topic": ("налоги", "парламент", "бюджет", "дороги")}),
        ({"topic": (w for w in ["road", "school"])}, {"topic": ("road", "school")}),
        ({"topic": ""}, {"topic": ()}),
        ({"algorithm": "TextRank"}, {"algorithm": "textrank"}),
        ({"algorithm": "KL"}, {"algorithm": "kl"}),
        ({"engine": "SUMY"}, {"engine": "sumy"}),
        ({"engine": "builtin"}, {"engine": "builtin"}),
        ({"sentences": 1}, {"sentences": 1}),
        ({"ratio": 1}, {"ratio": 1.0}),
        ({"ratio": 0.25}, {"ratio": 0.25}),
        ({"narration": True}, {"narration": True}),
    ],
    ids=repr,
)
def test_plain_values_are_accepted(given: dict[str, Any], expected: dict[str, Any]) -> None:
    options = DigestOptions(**given)
    assert {name: getattr(options, name) for name in expected} == expected
    assert type(options.ratio) in (float, type(None))


def test_numpy_numbers_are_accepted() -> None:
    import numpy as np

    options = DigestOptions(sentences=np.int64(2), ratio=np.float64(0.5))
    assert (options.sentences, options.ratio) == (2, 0.5)
    assert (type(options.sentences), type(options.ratio)) == (int, float)


def test_defaults() -> None:
    assert DigestOptions() == DigestOptions(
        language=None, algorithm="lexrank", sentences=3, ratio=None, topic=(), narration=False,
        engine="builtin",
    )


def test_plain_values_type_check() -> None:
    # mypy reads the constructor as taking plain values; the fields hold the checked ones.
    options = DigestOptions(language="auto", algorithm="LSA", ratio=1, topic="бюджет, дороги")
    language: Language | None = options.language
    topic: tuple[str, ...] = options.topic
    assert (language, topic) == (None, ("бюджет", "дороги"))


def test_options_are_frozen_and_hashable() -> None:
    options = DigestOptions(topic=["бюджет"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.sentences = 5  # type: ignore[misc]
    assert hash(options) == hash(DigestOptions(topic="бюджет"))
    assert dataclasses.replace(options, algorithm="LSA").algorithm == "lsa"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("language", "de", "one of ru, kk, en, auto"),
        ("language", "russian", "one of ru, kk, en, auto"),
        ("algorithm", "random", "one of lexrank, lsa, luhn, textrank, edmundson, kl, sumbasic"),
        ("engine", "nltk", "one of builtin, sumy"),
        ("sentences", 0, "at least 1"),
        ("sentences", -2, "at least 1"),
        ("ratio", 0, "greater than 0 and at most 1"),
        ("ratio", 1.5, "greater than 0 and at most 1"),
        ("ratio", -0.1, "greater than 0 and at most 1"),
        ("ratio", float("nan"), "greater than 0 and at most 1"),
    ],
    ids=repr,
)
def test_bad_values(name: str, value: Any, expected: str) -> None:
    with pytest.raises(ValueError) as raised:
        DigestOptions(**{name: value})
    assert str(raised.value).startswith(f"DigestOptions({name}={value!r}): {name} must be ")
    assert expected in str(raised.value)


def test_bad_value_message() -> None:
    with pytest.raises(ValueError) as raised:
        DigestOptions(sentences=0)
    assert str(raised.value) == "DigestOptions(sentences=0): sentences must be at least 1"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("language", 7),
        ("language", b"ru"),
        ("language", True),
        ("algorithm", None),
        ("algorithm", ["lexrank"]),
        ("engine", 1),
        ("sentences", "3"),
        ("sentences", 2.0),
        ("sentences", True),
        ("ratio", "0.5"),
        ("ratio", True),
        ("topic", 2050),
        ("topic", b"budget"),
        ("topic", ["бюджет", 2050]),
        ("topic", [None]),
        ("narration", "yes"),
        ("narration", 1),
        ("narration", None),
    ],
    ids=repr,
)
def test_wrong_types(name: str, value: Any) -> None:
    with pytest.raises(TypeError) as raised:
        DigestOptions(**{name: value})
    assert str(raised.value).startswith(f"DigestOptions({name}={value!r}): {name} must ")


# build_digest's arguments.

SAID = (
    "Депутат Анна Сидорова выступила на заседании комиссии.\n"
    "«Бюджет на ремонт школ надо увеличить вдвое. Без ремонта школы не откроются к сентябрю. "
    "Родители ждут нашего решения», — сказала Сидорова.\n"
    "Комиссия решила вернуться к вопросу в июне.\n"
)


@pytest.mark.parametrize("data", [SAID.encode(), bytearray(SAID.encode())], ids=type)
def test_bytes_are_refused_with_a_hint(data: Any) -> None:
    with pytest.raises(TypeError) as raised:
        build_digest(data)
    assert str(raised.value) == (
        "build_digest() takes the text as str; decode bytes first, e.g. data.decode('utf-8')"
    )


@pytest.mark.parametrize("text", [None, 42, ["строка"]], ids=repr)
def test_text_must_be_a_str(text: Any) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        build_digest(text)


@pytest.mark.parametrize("options", [{"sentences": 2}, "lexrank", 3], ids=repr)
def test_options_must_be_digest_options(options: Any) -> None:
    with pytest.raises(TypeError, match="options must be a DigestOptions"):
        build_digest(SAID, options)


def test_source_must_be_a_str() -> None:
    with pytest.raises(TypeError, match="source must be a str or None"):
        build_digest(SAID, None, Path("report.txt"))  # type: ignore[arg-type]


def test_options_none_are_the_defaults() -> None:
    assert build_digest(SAID) == build_digest(SAID, None) == build_digest(SAID, DigestOptions())


def test_digest_to_json_round_trip() -> None:
    digest = build_digest(SAID, DigestOptions(sentences=1, topic="бюджет"), source="school.txt")
    assert isinstance(digest, Digest)
    wire = digest_to_json(digest)
    assert json.loads(json.dumps(wire, ensure_ascii=False)) == wire
    assert (wire["source"], wire["language"], wire["algorithm"]) == ("school.txt", "ru", "lexrank")
    [speaker] = wire["speakers"]
    assert speaker["name"] == "Анна Сидорова"
    [summary] = speaker["summary"]
    assert summary["text"] == "Бюджет на ремонт школ надо увеличить вдвое."
    assert SAID[summary["start"] : summary["end"]] == summary["text"]
    assert summary["kind"] == "direct"
    [segment] = wire["segments"]
    assert segment["speaker"] == speaker["id"]
    assert SAID[segment["start"] : segment["end"]] == segment["text"]


CYCLES_REPORT = (
    "Аким района провёл встречу с жителями.\n"
    "— Дороги отремонтируем к осени, — сказал Асхат Нурланов.\n"
    "Министр Ольга Белова заявила, что школы откроются вовремя.\n"
    "«Денег хватит», — добавила она.\n"
)


def test_the_cycle_collector_waits_while_a_digest_is_built(monkeypatch: pytest.MonkeyPatch,
                                                          ) -> None:
    import gc

    from speechsum import pipeline

    seen: list[bool] = []
    original = getattr(pipeline, "attribute_speakers")  # noqa: B009 - imported, not exported

    def spy(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(pipeline, "attribute_speakers", spy)
    assert gc.isenabled()
    build_digest(CYCLES_REPORT)
    assert seen == [False] and gc.isenabled()  # paused inside, running again after
    gc.disable()
    try:
        build_digest(CYCLES_REPORT)
        assert not gc.isenabled()  # a caller who turned it off keeps it off
    finally:
        gc.enable()

    def broken(*args: Any) -> Any:
        raise RuntimeError("broken")

    monkeypatch.setattr(pipeline, "attribute_speakers", broken)
    with pytest.raises(RuntimeError):
        build_digest(CYCLES_REPORT)
    assert gc.isenabled()


def test_building_a_digest_leaves_no_reference_cycles() -> None:
    # Why pausing the collector costs no memory: all a digest drops is freed by reference
    # counting. (The first run may make the lazily built classes of libraries, once.)
    import gc

    english = "Dana Ortiz said the city would hire teachers. “We will,” she said.\n"
    build_digest(CYCLES_REPORT)
    build_digest(english)
    gc.collect()
    gc.disable()
    try:
        build_digest(CYCLES_REPORT + CYCLES_REPORT.replace("Асхат Нурланов", "Ерлан Исаков"))
        build_digest(english.replace("Dana Ortiz", "Mark Holt").replace("she", "he"))
        assert gc.collect() == 0
    finally:
        gc.enable()
