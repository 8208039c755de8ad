"""Units worth summarizing: content-free lines left out, quotation marks paired, repeats once."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechsum.model import Language, Span
from speechsum.substance import balance_quotes, content_free, content_units, without_framing

RU, KK, EN = Language.RU, Language.KK, Language.EN


def span(text: str, source: str | None = None) -> Span:
    source = text if source is None else source
    start = source.index(text)
    return Span(start, start + len(text), text)


@pytest.mark.parametrize(("language", "text", "expected"), [
    (RU, "Добрый вечер!", True),
    (RU, "Уважаемые депутаты!", True),
    (RU, "Спасибо, Ирина Павловна.", True),
    (RU, "Да.", True),
    (RU, "Слово предоставляется депутату Орлову.", True),
    (RU, "Спасибо всем, кто пришел сегодня помочь нам с ремонтом школы и двора.", False),
    (RU, "Он объявил выговор прорабу.", False),
    (RU, "школу к сентябрю", True),
    (RU, "Газета «Вечерний город».", True),
    (KK, "Қайырлы кеш, құрметті көрермендер!", True),
    (KK, "Рақмет.", True),
    (KK, "Жеңілісті өз мойныма аламын.", False),
    (EN, "Good afternoon, everyone.", True),
    (EN, "Thank you, Madam Chair.", True),
    (EN, "“wild card,”", True),
    (EN, "We will reopen the bridge in May.", False),
], ids=["ru-greeting", "ru-address", "ru-thanks-and-name", "ru-yes", "ru-procedure",
        "ru-long-thanks-with-content", "ru-short-whole-sentence", "ru-fragment",
        "ru-short-line-without-a-predicate",
        "kk-greeting-and-address", "kk-thanks", "kk-short-whole-sentence", "en-greeting",
        "en-thanks", "en-two-word-fragment", "en-content"])
def test_content_free(language: Language, text: str, expected: bool) -> None:
    assert content_free(text, language) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("«Мы готовы.", "Мы готовы."),
    ("Мост откроем в мае», — сказал", "Мост откроем в мае"),
    ("«Мост откроем», — сказал он, «но позже»", "«Мост откроем», — сказал он, «но позже»"),
    ("“When they ask, “Is it us?” he wrote.", "When they ask, “Is it us?” he wrote."),
    ("„Wir kommen“, sagte er.", "„Wir kommen“, sagte er."),
    ("It’s done, he said.", "It’s done, he said."),
], ids=["opened-not-closed", "closed-not-opened", "balanced-stays", "nested-same-marks",
        "low-high-marks", "apostrophe-is-no-mark"])
def test_balance_quotes(text: str, expected: str) -> None:
    found = balance_quotes(span(text))
    assert found is not None and found.text == expected


def test_content_units_leave_out_courtesy_and_repeats_and_keep_offsets() -> None:
    source = ("Добрый вечер! Мы откроем мост в мае. «Ремонт школы закончим к осени. "
              "Мы откроем мост в мае.")
    units = [span(t, source) for t in ("Добрый вечер!", "Мы откроем мост в мае.",
                                       "«Ремонт школы закончим к осени.")]
    units.append(Span(source.rindex("Мы"), len(source), source[source.rindex("Мы"):]))
    kept = content_units(units, RU)
    assert [u.text for u in kept] == ["Мы откроем мост в мае.", "Ремонт школы закончим к осени."]
    assert all(source[u.start : u.end] == u.text for u in kept)


MARKS = st.sampled_from(["«", "»", "“", "”", '"', "„", " ", "а", "б", ".", "Мы", "the"])


@given(st.lists(MARKS, min_size=1, max_size=30).map("".join))
def test_a_balanced_unit_is_a_verbatim_span_with_paired_marks(text: str) -> None:
    found = balance_quotes(Span(0, len(text), text))
    if found is None:
        return
    assert text[found.start : found.end] == found.text
    assert found.text.count("«") == found.text.count("»")
    assert found.text.count('"') % 2 == 0


def test_bare_framing_gives_way_to_the_speakers_own_words() -> None:
    said = [span("С докладом выступила Анна Ким, которая обратила внимание на ряд задач."),
            span("Анна Ким напомнила, что школа откроется в сентябре."),
            span("Школу построят к осени."), span("Парты уже привезли.")]
    kept = without_framing(said, [False, False, True, True], ["Анна Ким"], wanted=2)
    assert [u.text for u in kept] == [said[1].text, said[2].text, said[3].text]
    # Too few quoted words: the framing stays a candidate.
    assert without_framing(said, [False, False, True, False], ["Анна Ким"], 2) == tuple(said)

