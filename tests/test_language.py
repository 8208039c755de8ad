"""detect_language and parse_language."""

from __future__ import annotations

import pytest

from speechsum.language import detect_language, parse_language, sample_text
from speechsum.model import Language

RU = "Министр рассказал о планах на год. По его словам, школы отремонтируют к осени."
KK = "Әкім жиында сөйледі және жаңа мектептер туралы айтты. Ол жұмыс жалғасады деді."
EN = "The minister said the schools would be repaired by autumn. He thanked the builders."

CASES = [
    (RU, Language.RU, "ru"),
    (KK, Language.KK, "kk"),
    (EN, Language.EN, "en"),
    (
        "Президент Қасым-Жомарт Тоқаев посетил школу «Smart мектеп» в Қызылорде. "
        "Он осмотрел классы и поговорил с учителями о новой программе обучения.",
        Language.RU,
        "ru-with-kazakh-names",
    ),
    (
        "Глава региона встретился с жителями. "
        "«Біз бірге жұмыс істейміз», – сказал он и добавил, что ремонт дорог начнётся летом, "
        "а новые автобусы выйдут на линии уже в сентябре этого года.",
        Language.RU,
        "ru-quoting-one-kazakh-sentence",
    ),
    (
        "Аким жиында сойледи жане жана мектептер туралы айтты. Ол бул жумыс ушин керек деп айтты.",
        Language.KK,
        "kk-typed-without-kazakh-letters",
    ),
    (
        "Senator Smith met Иван Петров in Washington and discussed the trade agreement.",
        Language.EN,
        "en-with-a-russian-name",
    ),
    ("2024 - 15 %", Language.EN, "no-letters"),
    ("", Language.EN, "empty"),
    ("Да.", Language.RU, "short-ru"),
]


@pytest.mark.parametrize(("text", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_detect_language(text: str, expected: Language) -> None:
    assert detect_language(text) is expected


def test_long_text_is_sampled_across_its_length() -> None:
    text = (RU + "\n") * 20_000 + (KK + "\n") * 60_000
    assert len(sample_text(text)) < 110_000
    assert detect_language(text) is Language.KK
    assert detect_language((RU + "\n") * 60_000) is Language.RU


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("auto", None),
        ("ru", Language.RU),
        ("kk", Language.KK),
        ("en", Language.EN),
        (" EN ", Language.EN),
        ("Auto", None),
    ],
)
def test_parse_language(value: str, expected: Language | None) -> None:
    assert parse_language(value) is expected


@pytest.mark.parametrize("value", ["", "kz", "russian", "de"])
def test_parse_language_rejects_unknown(value: str) -> None:
    with pytest.raises(ValueError, match="auto, ru, kk, en"):
        parse_language(value)
