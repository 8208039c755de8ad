"""Invisible characters inside names (soft hyphen, zero-width space, word joiner): read as
if absent, names shown without them, segments and cues sliced from the text as written.

Notation: "Name <- fragment" (see notation.py); "|" in a text stands for the character.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notation import check

from invariants import assert_invariants
from speechsum import DigestOptions, build_digest
from speechsum.model import Language, Segment, Span
from speechsum.speakers.invisible import INVISIBLE, read_visible

SOFT_HYPHEN, ZERO_WIDTH_SPACE, WORD_JOINER = "\u00ad", "\u200b", "\u2060"
CHARACTERS = {"soft-hyphen": SOFT_HYPHEN, "zero-width-space": ZERO_WIDTH_SPACE,
              "word-joiner": WORD_JOINER}

INSIDE_SURNAME = [
    ("ru-colon", Language.RU,
     "Аким района Малик Отар|баев сказал: «Мы построим новую дорогу в этом году».",
     ["Малик Отарбаев <- Мы построим новую дорогу"]),
    ("ru-cue-after", Language.RU,
     "«Школу откроем к сентябрю», — заявила директор Айгуль Сейт|кали.",
     ["Айгуль Сейткали <- Школу откроем"]),
    ("kk-cue-after", Language.KK,
     "«Жаңа жол биыл салынады», – деді аудан әкімі Ербол Қара|шев.",
     ["Ербол Қарашев <- Жаңа жол биыл"]),
    ("kk-reported", Language.KK,
     "Сенат төрағасы Мәулен Әші|мов жаңа заңды қолдайтынын мәлімдеді.",
     ["Мәулен Әшімов <- жаңа заңды"]),
    ("en-cue-after", Language.EN,
     '"We will fix every road this summer," said Mayor Linda Park|inson.',
     ["Linda Parkinson <- We will fix every road"]),
    ("en-reported", Language.EN,
     "Dr. Susan Mey|erson said the clinic would open in May.",
     ["Susan Meyerson <- the clinic would open"]),
]

READINGS = [
    ("soft-hyphen-joins", "Отар\u00adбаев", "Отарбаев"),
    ("every-character-joins-inside-a-word", "О\u00adт\u200bа\u200cр\u200dб\u2060а\ufeffев",
     "Отарбаев"),
    ("beside-a-space", "Малик \u200bОтарбаев\u200b сказал", "Малик Отарбаев сказал"),
    ("bom-at-the-start", "\ufeffМалик", "Малик"),
    # A zero-width space between a small letter and a capital is the space a page left out.
    ("zero-width-space-between-words", "Малик\u200bОтарбаев", "Малик Отарбаев"),
    ("word-joiner-between-words-joins", "Малик\u2060Отарбаев", "МаликОтарбаев"),
    ("soft-hyphen-beside-a-zero-width-space-joins", "Отар\u00ad\u200bБаев", "ОтарБаев"),
    ("soft-hyphen-before-a-line-break", "Отар\u00ad\nбаев сказал", "Отарбаев сказал"),
    ("soft-hyphen-after-a-hyphen", "Петров-\u00ad\nВодкин", "Петров-Водкин"),
    ("soft-hyphen-ending-a-line-before-a-capital", "Отар\u00ad\nВ этом году",
     "Отар\nВ этом году"),
    ("zero-width-space-before-a-line-break-keeps-it", "Отар\u200b\nбаев", "Отар\nбаев"),
    ("soft-hyphen-before-a-blank-line-keeps-it", "Отар\u00ad\n\nбаев", "Отар\n\nбаев"),
]


def digest(text: str, language: Language) -> list[str]:
    """The speakers' names, once the digest of `text` is checked against it."""
    result = build_digest(text, DigestOptions(language=language))
    assert_invariants(text, result)
    return sorted(d.speaker.name for d in result.speakers)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in READINGS],
                         ids=[c[0] for c in READINGS])
def test_reading_leaves_out_invisible_characters(text: str, expected: str) -> None:
    assert read_visible(text).text == expected


def test_text_without_invisible_characters_is_read_as_it_is() -> None:
    text = "Аким района сказал, что мост готов."
    assert read_visible(text).text is text


@given(st.text(alphabet=f"аБв -\n{INVISIBLE}", max_size=40))
def test_reading_points_into_the_text(text: str) -> None:
    visible = read_visible(text)
    origins = visible.origins if visible.origins is not None else range(len(text))
    assert len(origins) == len(visible.text)
    assert list(origins) == sorted(set(origins))
    for char, origin in zip(visible.text, origins, strict=True):
        assert char == text[origin] or (char == " " and text[origin] == ZERO_WIDTH_SPACE)
    assert not set(INVISIBLE) & set(visible.text)


@pytest.mark.parametrize("character", CHARACTERS.values(), ids=CHARACTERS.keys())
@pytest.mark.parametrize(("language", "text", "expected"), [c[1:] for c in INSIDE_SURNAME],
                         ids=[c[0] for c in INSIDE_SURNAME])
def test_invisible_character_inside_a_surname(language: Language, text: str,
                                              expected: list[str], character: str) -> None:
    text = text.replace("|", character)
    attribution = check(text, expected, language)
    (speaker,) = attribution.speakers
    assert character not in speaker.name
    assert all(character not in alias for alias in speaker.aliases)
    # The cue or the reported segment that names him is the text as written.
    spans: list[Segment | Span] = [*attribution.segments]
    spans += [s.cue for s in attribution.segments if s.cue is not None]
    assert any(character in span.text for span in spans)
    assert digest(text, language) == [speaker.name]


@pytest.mark.parametrize(("text", "expected"), [
    ("Малик\u200bОтарбаев сказал: «Мы построим новую дорогу в этом году».",
     ["Малик Отарбаев <- Мы построим"]),
    ("Аким Малик Отар\u00ad\nбаев сказал: «Мы построим новую дорогу в этом году».",
     ["Малик Отарбаев <- Мы построим"]),
    ("Депутат Кузьма Петров-\u00ad\nВодкин заявил: «Мы построим новую дорогу в этом году».",
     ["Кузьма Петров-Водкин <- Мы построим"]),
], ids=["zero-width-space-between-first-name-and-surname", "soft-hyphen-at-a-line-break",
        "hyphenated-surname-broken-at-a-line-end"])
def test_invisible_character_between_words_and_lines(text: str, expected: list[str]) -> None:
    check(text, expected)
    assert digest(text, Language.RU) == [expected[0].split(" <- ")[0]]


REPORTS = {
    Language.RU: (
        "Аким района Малик Отарбаев провёл встречу с жителями села.\n"
        "— Мы построим новую школу к осени, — сказал Малик Отарбаев.\n"
        "Депутат Айгерим Жумабаева заявила, что денег на ремонт дорог хватит.\n"
        "«Дороги отремонтируют до зимы», — добавил Отарбаев.",
        ["Малик Отарбаев", "Айгерим Жумабаева", "Отарбаев"]),
    Language.KK: (
        "«Жаңа жол биыл салынады», – деді аудан әкімі Ербол Қарашев.\n"
        "«Жалақы әлі де төмен», – деді депутат Ерсін Болат.",
        ["Ербол Қарашев", "Ерсін Болат"]),
    Language.EN: (
        '"We will fix every road this summer," said Mayor Linda Parkinson.\n'
        "Dr. Susan Meyerson said the clinic would open in May.\n"
        '"The money is there," Parkinson added.',
        ["Linda Parkinson", "Susan Meyerson", "Parkinson"]),
}


def inside_names(text: str, names: list[str]) -> list[int]:
    """The offsets between two letters of a name, wherever the text writes it."""
    found: set[int] = set()
    for name in names:
        start = text.find(name)
        while start >= 0:
            found.update(i for i in range(start + 1, start + len(name))
                         if text[i - 1].isalpha() and text[i].isalpha())
            start = text.find(name, start + 1)
    return sorted(found)


@pytest.mark.parametrize("language", REPORTS, ids=[lang.value for lang in REPORTS])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_soft_hyphens_in_names_change_nothing(language: Language, data: st.DataObject) -> None:
    report, names = REPORTS[language]
    places = data.draw(st.sets(st.sampled_from(inside_names(report, names)), min_size=1,
                               max_size=8))
    text = report
    for place in sorted(places, reverse=True):
        text = text[:place] + SOFT_HYPHEN + text[place:]
    clean = build_digest(report, DigestOptions(language=language))
    hyphenated = build_digest(text, DigestOptions(language=language))
    assert_invariants(text, hyphenated)
    assert ({d.speaker.name for d in hyphenated.speakers}
            == {d.speaker.name for d in clean.speakers})
    assert ([(s.text.replace(SOFT_HYPHEN, ""), s.kind, s.rule) for s in hyphenated.segments]
            == [(s.text, s.kind, s.rule) for s in clean.segments])


@pytest.mark.parametrize("language", REPORTS, ids=[lang.value for lang in REPORTS])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_invisible_characters_anywhere_keep_offsets(language: Language,
                                                    data: st.DataObject) -> None:
    text = REPORTS[language][0]
    inserted = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.sampled_from(INVISIBLE)),
                                  min_size=1, max_size=12))
    for place, character in sorted(inserted, reverse=True):
        text = text[:place] + character + text[place:]
    digest(text, language)
