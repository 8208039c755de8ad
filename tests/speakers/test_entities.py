"""The entity pass alone: references on hand-made claims become speakers."""

from __future__ import annotations

from notation import read

from speechsum.model import Gender, Kind, Language
from speechsum.speakers.claims import (
    Claim,
    Claims,
    Label,
    Named,
    Organisation,
    Pronoun,
    Ref,
    Role,
    SameAs,
)
from speechsum.speakers.document import Doc
from speechsum.speakers.entities import resolve_speakers


def claim(text: str, words: str, source: Ref | None, kind: Kind = Kind.INDIRECT) -> Claim:
    start = text.index(words)
    return Claim(start, start + len(words), kind, "test", source=source, named_by="test")


def named(doc: Doc, words: str) -> Named:
    return Named(next(m for m in doc.mentions_in(0, len(doc.text)) if m.text == words))


def speakers_of(doc: Doc, *claims: Claim) -> list[str]:
    """The speaker's name of each claim, in the claims' order ("-" for no one)."""
    attribution = resolve_speakers(doc, Claims(claims))
    names = {s.id: s.name for s in attribution.speakers}
    by_start = {seg.start: names[seg.speaker] for seg in attribution.segments}
    return [by_start.get(c.start, "-") for c in sorted(claims, key=lambda c: c.start)]


def test_pronoun_is_the_previous_subject_of_its_gender_not_the_nearest_name() -> None:
    text = "Иван Петров поздравил Анну Смирнову. Он сказал, что рад."
    doc = read(text)
    said = claim(text, "Он сказал, что рад.", Pronoun(text.index("Он"), Gender.MASC))
    assert speakers_of(doc, said) == ["Иван Петров"]


def test_pronoun_of_the_other_gender_named_in_an_oblique_case() -> None:
    text = "Иван Петров вручил Айгерим Нурлановой награду. Она сказала, что рада."
    doc = read(text)
    said = claim(text, "Она сказала, что рада.", Pronoun(text.index("Она"), Gender.FEMN))
    assert speakers_of(doc, said) == ["Айгерим Нурланова"]


def test_a_speaker_is_what_the_next_pronoun_refers_to() -> None:
    text = "Иван Петров пришел. Семен Орлов сказал, что мост готов. Он добавил, что дорога тоже."
    doc = read(text)
    first = claim(text, "Семен Орлов сказал, что мост готов.", named(doc, "Семен Орлов"))
    second = claim(text, "Он добавил, что дорога тоже.", Pronoun(text.index("Он"), Gender.MASC))
    assert speakers_of(doc, first, second) == ["Семен Орлов", "Семен Орлов"]


def test_a_pronoun_with_no_one_before_names_no_one() -> None:
    text = "Он сказал, что рад."
    assert speakers_of(read(text), claim(text, text, Pronoun(0, Gender.MASC))) == ["-"]


def test_a_role_is_the_person_named_with_it_before() -> None:
    text = "В суде выступил гособвинитель Олег Миронов. Затем прокурор заявил, что доводы слабы."
    doc = read(text)
    said = claim(text, "Затем прокурор заявил, что доводы слабы.",
                 Role(("прокурор",), text.index("Затем")))
    assert speakers_of(doc, said) == ["Олег Миронов"]


def test_a_role_no_one_held_names_no_one() -> None:
    text = "В суде выступил Олег Миронов. Затем прокурор заявил, что доводы слабы."
    doc = read(text)
    said = claim(text, "Затем прокурор заявил, что доводы слабы.",
                 Role(("прокурор",), text.index("Затем")))
    assert speakers_of(doc, said) == ["-"]


def test_inflected_forms_and_initials_are_one_person_named_in_the_nominative() -> None:
    text = ("Слово дали Ерлану Жумабаеву. Е. Жумабаев отметил, что сев начнется в мае. "
            "Жумабаев добавил, что семян хватит.")
    doc = read(text)
    first = claim(text, "Е. Жумабаев отметил, что сев начнется в мае.", named(doc, "Е. Жумабаев"))
    second = claim(text, "Жумабаев добавил, что семян хватит.", named(doc, "Жумабаев"))
    attribution = resolve_speakers(doc, Claims([first, second]))
    (speaker,) = attribution.speakers
    assert speaker.name == "Ерлан Жумабаев"
    assert set(speaker.aliases) >= {"Е. Жумабаев", "Жумабаев"}


def test_same_surname_other_first_name_is_another_person() -> None:
    text = "Eric Garner said the street was safe. Erica Garner said it was not."
    doc = read(text, Language.EN)
    first = claim(text, "Eric Garner said the street was safe.", named(doc, "Eric Garner"))
    second = claim(text, "Erica Garner said it was not.", named(doc, "Erica Garner"))
    assert speakers_of(doc, first, second) == ["Eric Garner", "Erica Garner"]


def test_same_surname_other_initials_are_two_deputies() -> None:
    text = "ИВАНОВ А. Г.: Да.\nИВАНОВ Б. Д.: Нет."
    doc = read(text)
    first = claim(text, "Да.", named(doc, "ИВАНОВ А. Г."), Kind.DIRECT)
    second = claim(text, "Нет.", named(doc, "ИВАНОВ Б. Д."), Kind.DIRECT)
    assert speakers_of(doc, first, second) == ["Иванов А. Г.", "Иванов Б. Д."]


def test_a_role_label_goes_to_whoever_holds_it() -> None:
    text = "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.): Начнем.\nПРЕДСЕДАТЕЛЬСТВУЮЩИЙ: Закончим."
    doc = read(text)
    chair = Label("role:председательствующий", "Председательствующий")
    holder = Named(named(doc, "Иванов П. С.").mention, holds=chair)
    first = claim(text, "Начнем.", holder, Kind.DIRECT)
    second = claim(text, "Закончим.", chair, Kind.DIRECT)
    attribution = resolve_speakers(doc, Claims([first, second]))
    (speaker,) = attribution.speakers
    assert (speaker.name, speaker.aliases) == ("Иванов П. С.", ("Председательствующий",))


def test_aliases_are_other_names_not_the_name_in_another_case() -> None:
    text = ("Как отмечают в департаменте полиции, постов пять. Мэр Анна Смирнова (А. Смирнова) "
            "заявила, что пост у Анны Смирновой под окнами.")
    doc = read(text)
    said = [claim(text, "Как отмечают в департаменте полиции, постов пять.",
                  Organisation("департамент полиции", "департаменте полиции")),
            claim(text, "заявила, что пост у Анны Смирновой под окнами.",
                  named(doc, "Анна Смирнова"))]
    found = {s.name: s.aliases for s in resolve_speakers(doc, Claims(said)).speakers}
    assert found == {"департамент полиции": (), "Анна Смирнова": ("А. Смирнова",)}


def test_same_as_follows_the_chain_and_a_circle_names_no_one() -> None:
    text = "Иван Петров сказал, что мост готов. Дорогу откроют. Школу тоже. Детсад позже."
    doc = read(text)
    claims = [claim(text, "Иван Петров сказал, что мост готов.", named(doc, "Иван Петров")),
              claim(text, "Дорогу откроют.", SameAs(0)),
              claim(text, "Школу тоже.", SameAs(1)),
              claim(text, "Детсад позже.", SameAs(3))]
    assert speakers_of(doc, *claims) == ["Иван Петров", "Иван Петров", "Иван Петров", "-"]


def test_speakers_are_numbered_by_their_first_words() -> None:
    text = "Анна Смирнова сказала, что рада. Иван Петров сказал, что тоже."
    doc = read(text)
    claims = Claims([claim(text, "Иван Петров сказал, что тоже.", named(doc, "Иван Петров")),
                     claim(text, "Анна Смирнова сказала, что рада.", named(doc, "Анна Смирнова"))])
    attribution = resolve_speakers(doc, claims)
    assert [(s.id, s.name) for s in attribution.speakers] == [
        ("s1", "Анна Смирнова"), ("s2", "Иван Петров")]


def roles_of(doc: Doc, *claims: Claim) -> dict[str, str]:
    attribution = resolve_speakers(doc, Claims(claims))
    return {s.name: s.role for s in attribution.speakers}


def test_a_description_that_names_someone_is_their_role_when_their_name_has_none() -> None:
    text = "Ann Kim won in Ohio. The presumptive Green nominee said she was ready."
    doc = read(text, Language.EN)
    said = claim(text, "The presumptive Green nominee said she was ready.",
                 Role(("nominee",), text.index("The presumptive"), True,
                      "presumptive Green nominee"))
    assert roles_of(doc, said) == {"Ann Kim": "presumptive Green nominee"}


def test_the_role_by_the_name_comes_before_a_description() -> None:
    text = "Mayor Ann Kim spoke first. The Green nominee said she was ready."
    doc = read(text, Language.EN)
    said = claim(text, "The Green nominee said she was ready.",
                 Role(("nominee",), text.index("The Green"), True, "Green nominee"))
    assert roles_of(doc, said) == {"Ann Kim": "Mayor"}


def test_an_acronym_and_the_name_it_abbreviates_are_one_organisation() -> None:
    text = "МЧС Казахстана сообщило о пожаре. Министерство по чрезвычайным ситуациям Казахстана " \
           "сообщило, что пожар потушен."
    doc = read(text)
    first = claim(text, "МЧС Казахстана сообщило о пожаре.", Organisation("МЧС Казахстана"))
    second = claim(text, "Министерство по чрезвычайным ситуациям Казахстана сообщило, что пожар "
                   "потушен.", Organisation("Министерство по чрезвычайным ситуациям Казахстана"))
    assert speakers_of(doc, first, second) == ["Министерство по чрезвычайным ситуациям "
                                               "Казахстана"] * 2


def test_a_bare_press_service_is_the_one_named_with_its_owner() -> None:
    text = ("Газета «Вести» сообщила о пожаре. Редакция направила запрос в пресс-службу МЧС. "
            "В пресс-службе сообщили, что пожар потушен.")
    doc = read(text)
    said = [claim(text, "Газета «Вести» сообщила о пожаре.", Organisation("газета «Вести»")),
            claim(text, "Редакция направила запрос в пресс-службу МЧС.", Organisation("МЧС")),
            claim(text, "В пресс-службе сообщили, что пожар потушен.",
                  Organisation("пресс-служба", "пресс-службе"))]
    assert speakers_of(doc, *said) == ["газета «Вести»", "МЧС", "МЧС"]


def test_different_organisations_stay_apart() -> None:
    text = "МЧС сообщило о пожаре. Министерство здравоохранения сообщило о раненых."
    doc = read(text)
    said = [claim(text, "МЧС сообщило о пожаре.", Organisation("МЧС")),
            claim(text, "Министерство здравоохранения сообщило о раненых.",
                  Organisation("Министерство здравоохранения"))]
    assert speakers_of(doc, *said) == ["МЧС", "Министерство здравоохранения"]



def test_a_label_that_is_a_title_is_that_role_too() -> None:
    text = "THE MAYOR: We begin.\nQ: Why now?\nPROSECUTOR: No further questions."
    doc = read(text, Language.EN)
    said = [claim(text, "We begin.", Label("role:the mayor", "The Mayor"), Kind.DIRECT),
            claim(text, "Why now?", Label("role:q", "Q"), Kind.DIRECT),
            claim(text, "No further questions.", Label("role:prosecutor", "Prosecutor"),
                  Kind.DIRECT)]
    assert roles_of(doc, *said) == {"The Mayor": "Mayor", "Q": "", "Prosecutor": ""}
