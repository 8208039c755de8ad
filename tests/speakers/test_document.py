"""The analysed document: paragraphs, words, names and quotes, with offsets, found once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notation import read

from speechsum.model import Language


def test_paragraphs_carry_their_sentences() -> None:
    text = "Первая фраза. Вторая фраза.\n\n  - Третья фраза.\n"
    doc = read(text)
    assert [(p.text, [s.text for s in p.sentences]) for p in doc.paragraphs] == [
        ("Первая фраза. Вторая фраза.", ["Первая фраза.", "Вторая фраза."]),
        ("- Третья фраза.", ["- Третья фраза."])]
    assert [p.opens_with_dash for p in doc.paragraphs] == [False, True]
    assert all(text[p.start : p.end] == p.text for p in doc.paragraphs)


def test_words_inside_a_stretch() -> None:
    text = "Мост откроют в мае."
    doc = read(text)
    assert [w.text for w in doc.words_in(0, len(text))] == ["Мост", "откроют", "в", "мае"]
    assert [w.text for w in doc.words_in(2, 14)] == ["откроют", "в"]  # no half words


def test_names_are_found_per_paragraph_and_given_by_stretch() -> None:
    text = "Иван Петров приехал.\nАнна Смирнова уехала."
    doc = read(text)
    assert [m.text for m in doc.mentions_in(0, len(text))] == ["Иван Петров", "Анна Смирнова"]
    assert [m.text for m in doc.mentions_in(0, 15)] == ["Иван Петров"]
    assert doc.mentions(doc.paragraphs[1]) is doc.mentions(doc.paragraphs[1])  # kept


def test_a_unit_of_its_own_has_its_own_names() -> None:
    text = "АБДРАХМАНОВА С. К. Подрядчик включен в реестр."
    doc = read(text)
    assert [m.text for m in doc.mentions_of(0, 18)] == ["АБДРАХМАНОВА С. К."]


def test_quotes_and_where_a_position_lies() -> None:
    text = "Он сказал: «Мост готов».\nВторая строка."
    doc = read(text)
    (quote,) = doc.quotes(doc.paragraphs[0])
    assert text[quote[0] : quote[1]] == "«Мост готов»"
    assert doc.paragraph_at(text.index("Вторая")) == doc.paragraphs[1]
    assert doc.paragraph_at(text.index("\n")) is None


def test_english_names_by_english_rules() -> None:
    text = "Sen. Ted Cruz (R-Texas) said no."
    doc = read(text, Language.EN)
    assert [m.text for m in doc.mentions_in(0, len(text))] == ["Ted Cruz"]


def test_paragraphs_are_views_over_offsets() -> None:
    text = "Один.\n\n— Два. Три.\nЧетыре\n"
    doc = read(text)
    assert len(doc.paragraphs) == 3
    assert doc.paragraphs[1] == doc.paragraph_at(text.index("Три"))  # equal views
    assert [p.index for p in doc.paragraphs[1:]] == [1, 2]
    assert [p.index for p in reversed(doc.paragraphs)] == [2, 1, 0]
    assert [p.text for p in doc.paragraphs[-1:]] == ["Четыре"]
    assert [s.text for s in doc.paragraphs[1].sentences] == ["— Два.", "Три."]
    assert list(doc.dash_paragraphs) == [1]
    assert [p.index for p in doc.paragraphs_over(3, text.index("Три"))] == [0, 1]
    with pytest.raises(IndexError):
        doc.paragraphs[3]


def test_paragraphs_with_marks() -> None:
    text = "Он: да.\n«Нет»\n— Так.\nДа - нет\n"
    doc = read(text)
    assert list(doc.paragraphs_with(":")) == [0]
    assert list(doc.paragraphs_with("«»:")) == [0, 1]
    assert list(doc.paragraphs_with("-—")) == [2, 3]
    assert list(doc.paragraphs_with("-—", inside=True)) == [3]


PIECES = ["сказал", "сказала", "заявил", "отметила", "начал", "говорить", "уверена", "что",
          "мост", "Иванов", "пресс-секретарь", "по-моему", "сказал-то", "а", " ", " ", ", ",
          ". ", "-", "\n", ":", "5"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.data())
def test_a_stretch_without_a_speech_word_has_no_speech_verb(text: str, data: st.DataObject,
                                                            ) -> None:
    # The document skips reading a stretch with no word that may be a speech verb, as the
    # stretch cuts its words: never a verb the language would find is lost.
    doc = read(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.speech_verbs(start, end) == tuple(doc.lang.speech_verbs(text, start, end))
    if not doc.may_hold_speech_verb(start, end):
        assert not doc.lang.speech_verbs(text, start, end)
