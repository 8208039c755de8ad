"""split_sentences: boundaries, offsets, paragraphs, long lines."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import sentenize

from speechsum import sentences
from speechsum.model import Language, Sentence
from speechsum.sentences import (
    Sentences,
    cut_long_line,
    find_sentence_start,
    is_one_sentence,
    split_paragraphs,
    split_sentences,
)

# "|" marks a boundary, as in razdel's tests: "A.| B." is two sentences.
ENGLISH = [
    ("Sen. John Smith said the bill would pass.| Rep. Jane Doe disagreed.", "sen-rep"),
    ("Gov. Abbott met Dr. Brown and Mr. Lee.| They talked.", "gov-dr-mr"),
    ("Mrs. Green and Ms. White visited the U.S. Capitol.| It was cold.", "mrs-ms-us"),
    ("J. Smith and A. B. Jones wrote it.| Then they left.", "initials"),
    ("The vote is on Sept. 12, and Feb. 3 was skipped.| Fine.", "months"),
    ("They met on Jan. 5 at St. Mary's church.| It rained.", "jan-st"),
    ("Martin Luther King Jr. spoke first.| The crowd cheered.", "jr"),
    ("Lt. Gen. Smith and Capt. Jones arrived.| Prof. Adams did not.", "military-prof"),
    ("Vice Pres. Harris spoke.| Item No. 5 was next.", "pres-no"),
    ("I thank the hon. Gentleman for his question.| Next.", "hon-gentleman"),
    ("He lives on Main St.| The house is old.", "street-ends-sentence"),
    ("Did they agree?| No.| We did not.", "no-as-answer"),
    ('He said, "Stop."| Then he left.', "quote"),
]
RUSSIAN = [
    ("Президент К.-Ж. Токаев в г. Астане, т.е. в столице, выступил.| Он сказал: «Да».", "sokr"),
    ("Закон принят в 2023 г. 5 января.| Его подписали.", "year"),
    ("– Мы готовы, – сказал Иванов.| – Работаем.", "dash-dialogue"),
    ("Выступил проф. Иванов.| Затем акад. Петров.", "titles"),
    ("Иванов: Да.| Петров: Нет.", "transcript-labels"),
    ("Сказал министр.|Затем слово взял аким.", "glued-stop"),
    ("Так считает Д.Медведев, автор статьи на сайте Zakon.kz.| Всё.", "glued-initial-site"),
]
KAZAKH = [
    ("Мемлекет басшысы 2023 ж. 5 қаңтарда сөйледі.| Ол реформалар туралы айтты.", "year-j"),
    ("Жиынға т.б. мекемелер қатысты.| Басқосуды А.Б. Жұмабеков жүргізді.", "tb-initials"),
    ("ХХ ғ. басында салынды.| Қазір жөнделуде.", "century"),
    ("Бұл туралы айтты Тоқаев.|Осы ретте ол жиын өткізді.", "glued-stop"),
]


def marked(case: str) -> tuple[str, list[str]]:
    """The text without "|" marks, and the sentences the marks delimit."""
    return case.replace("|", ""), [part.strip() for part in case.split("|")]


def assert_valid(text: str, found: Sequence[Sentence]) -> None:
    """Offsets point at the text; sentences are ordered, stripped, single-line."""
    previous_end = 0
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text
        assert previous_end <= sentence.start < sentence.end
        assert sentence.text == sentence.text.strip()
        assert "\n" not in sentence.text
        previous_end = sentence.end
    paragraphs = [s.paragraph for s in found]
    assert paragraphs == sorted(paragraphs)
    for sentence in found:
        line_start = text.rfind("\n", 0, sentence.start) + 1
        # Sentences share a paragraph number exactly when they share a line.
        assert sentence.paragraph == len(
            [line for line in text[:line_start].split("\n") if line.strip()]
        )


@pytest.mark.parametrize(
    ("case", "language"),
    [(c, Language.EN) for c, _ in ENGLISH]
    + [(c, Language.RU) for c, _ in RUSSIAN]
    + [(c, Language.KK) for c, _ in KAZAKH],
    ids=[f"en-{i}" for _, i in ENGLISH]
    + [f"ru-{i}" for _, i in RUSSIAN]
    + [f"kk-{i}" for _, i in KAZAKH],
)
def test_boundaries(case: str, language: Language) -> None:
    text, expected = marked(case)
    found = split_sentences(text, language)
    assert [s.text for s in found] == expected
    assert_valid(text, found)


def test_paragraphs_count_non_empty_lines() -> None:
    text = "  First one. Second one.  \n\n   \n\tThird one!\nFourth?\n"
    found = split_sentences(text, Language.EN)
    assert [(s.text, s.paragraph) for s in found] == [
        ("First one.", 0),
        ("Second one.", 0),
        ("Third one!", 1),
        ("Fourth?", 2),
    ]
    assert_valid(text, found)


def test_sentence_never_crosses_a_newline() -> None:
    text = "Он сказал, что\nмост откроют в мае. Да\n«Начнём»"
    found = split_sentences(text, Language.RU)
    assert [s.text for s in found] == ["Он сказал, что", "мост откроют в мае.", "Да", "«Начнём»"]


@pytest.mark.parametrize("text", ["", "\n", "   \n\t\n  ", "\n\n\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert len(split_sentences(text, Language.RU)) == 0


def test_long_line_is_split_as_razdel_splits_it_whole() -> None:
    phrases = [
        "Министр сообщил, что работы завершат к 1 сентября.",
        "По словам г. Иванова, т.е. главы отдела, денег хватит.",
        "«Мы справимся», – добавил он.",
        "В 2023 г. построено 5 школ и т. д.",
        "А. Б. Петров не согласился с этим выводом и попросил слова!",
    ]
    line = " ".join(phrases[i % len(phrases)] for i in range(700))
    assert len(line) > 5 * sentences.LONG_LINE
    expected = [(s.start, s.stop) for s in sentenize(line)]
    assert [(s.start, s.end) for s in split_sentences(line, Language.RU)] == expected


def test_pathological_line_is_cut_into_bounded_pieces() -> None:
    line = "A. B. " * 5000 + "." * 20_000
    pieces = list(cut_long_line(line))
    assert "".join(piece for _, piece in pieces) == line
    assert all(len(piece) <= sentences.LONG_LINE for _, piece in pieces)
    assert [offset for offset, _ in pieces] == [
        sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
    ]
    assert_valid(line, split_sentences(line, Language.EN))


def test_many_lines() -> None:
    text = "Привет, мир. Как дела?\n" * 20_000
    found = split_sentences(text, Language.RU)
    assert len(found) == 40_000
    assert found[-1].paragraph == 19_999


def test_sentences_are_kept_as_offsets_and_read_as_values() -> None:
    text = "Да.\n\n— Нет. Может быть.\n"
    found = split_sentences(text, Language.RU)
    assert isinstance(found, Sentences)
    assert list(found) == [found[0], found[1], found[2]] == [
        Sentence(0, 3, "Да.", 0), Sentence(5, 11, "— Нет.", 1), Sentence(12, 23, "Может быть.", 1)]
    assert found[-1] == found[2] and found[1:] == (found[1], found[2])
    assert list(found.ends) == [3, 11, 23]
    assert Sentences.of(text, found) is found
    assert list(Sentences.of(text, list(found))) == list(found)
    with pytest.raises(IndexError):
        found[3]


PIECES = [
    "Sen.", "Mr.", "St.", "Jan.", "No.", "ж.", "г.", "т.е.", "J.", "U.S.", "5", "2023",
    "word", "Слово", "сөз", "Smith", "«", "»", '"', "(", ")", "–", "-", ".", "...", "!", "?",
    ";", ":", ",", " ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r", "a",
]  # fmt: skip
# Lines that razdel may or may not split, for the lines taken whole without it.
PIECES_OF_LINES = [
    "Да", "нет", "Word", "—", " ", ".", "!", "?", "…", ";", ":", ")", "(", "»", "«", '"', "'",
    "”", "’", "]", "}", ":)", ";-(", "=)", "5", "\u00a0", "\t", "Слово", "No", "Sen", "т",
]  # fmt: skip
# Text made of sentence-like pieces reaches the abbreviation rules; arbitrary text the rest.
sentence_like = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
any_text = st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(sentence_like, any_text), st.sampled_from(list(Language)))
def test_offsets_are_always_valid(text: str, language: Language) -> None:
    assert_valid(text, split_sentences(text, language))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES[:-6] + ["Word", "Слово"] * 6), max_size=200).map("".join))
def test_cuts_fall_on_razdel_boundaries(line: str) -> None:
    line = line.replace("\n", " ")
    starts = {s.start for s in sentenize(line)}
    low, high = len(line) // 3, 2 * len(line) // 3
    cut = find_sentence_start(line, low, high)
    if cut is not None:
        assert low <= cut <= high
        assert cut in starts


@settings(max_examples=100, deadline=None)
@given(sentence_like, st.sampled_from(list(Language)))
def test_offsets_stay_valid_when_lines_are_cut(text: str, language: Language) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sentences, "LONG_LINE", 40)
        assert_valid(text, split_sentences(text, language))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES_OF_LINES), max_size=30).map("".join))
def test_a_line_taken_whole_is_one_sentence_to_razdel(line: str) -> None:
    line = line.strip()
    if line and is_one_sentence(line):
        assert [(s.start, s.stop) for s in sentenize(line)] == [(0, len(line))]


@settings(max_examples=200, deadline=None)
@given(st.one_of(sentence_like, st.lists(st.sampled_from(PIECES_OF_LINES + ["\n"]), max_size=40)
                 .map("".join)), st.sampled_from(list(Language)))
def test_lines_taken_whole_split_as_razdel_would(text: str, language: Language) -> None:
    found = list(split_sentences(text, language))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sentences, "is_one_sentence", lambda line: False)
        assert list(split_sentences(text, language)) == found


def lines_as_written(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of a text, stripped, the plain way."""
    found, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            left = start + len(line) - len(line.lstrip())
            found.append((left, left + len(line.strip())))
        start += len(line) + 1
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Да", ".", " ", "\t", "\n", "\r", "\u00a0", "\u2028",
                                 "\u3000", "\x1c", "\x85", "\u200b"]), max_size=40).map("".join))
def test_paragraphs_are_the_stripped_non_empty_lines(text: str) -> None:
    assert list(split_paragraphs(text)) == lines_as_written(text)
