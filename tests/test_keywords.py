"""What each speaker talked about: their own words by tf-idf over the speakers."""

from __future__ import annotations

from speechsum.keywords import speaker_keywords
from speechsum.model import Language, Span
from speechsum.pipeline import build_digest


def units(*texts: str) -> list[Span]:
    return [Span(0, len(t), t) for t in texts]


def test_a_speakers_own_topic_comes_first_and_shared_words_later() -> None:
    mayor = units("Мост через реку откроем в мае.", "Мост выдержит грузовики, мост широкий.",
                  "Бюджет города утвержден.")
    deputy = units("Школа получит новые парты.", "Бюджет школы вырос, школа готова.")
    found = speaker_keywords([mayor, deputy], Language.RU, [set(), set()])
    assert found[0][0] == "мост" and found[1][0] == "школа"
    assert len(found[0]) <= 5 and "бюджет" not in found[0][:1]


def test_who_speaks_is_no_topic() -> None:
    text = ("Заседание прошло в понедельник.\n"
            "Глава района Тимур Оспанов заявил, что мост через реку откроют в мае, а мост "
            "выдержит грузовики.\n")
    (speaker,) = build_digest(text).speakers
    assert "мост" in speaker.keywords
    assert not {"Тимур", "Оспанов", "глава", "района", "заявил"} & set(speaker.keywords)


def test_names_keep_their_capital_and_other_words_show_in_lowercase() -> None:
    said = units("Астана примет форум.", "Форум пройдет в Астане, форум большой.")
    (found,) = speaker_keywords([said], Language.RU, [set()])
    assert "форум" in found and "Астана" in found
