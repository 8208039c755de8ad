"""The typed morphology adapter: the facts about pymorphy3 the rules rely on."""

from __future__ import annotations

from speechsum.model import Gender
from speechsum.speakers import morph


def test_a_female_surname_has_a_masculine_normal_form() -> None:
    # So the nominative of "Петровой" is built by inflecting, never taken from the lemma.
    surnames = [p for p in morph.parses("петрова") if "Surn" in p.grammemes]
    assert surnames and {p.lemma for p in surnames} == {"петров"}


def test_sidorova_is_genitive_masculine_or_nominative_feminine() -> None:
    readings = {(p.case, p.gender) for p in morph.parses("сидорова") if p.is_name}
    assert ("gent", "masc") in readings
    assert ("nomn", "femn") in readings


def test_verb_forms_tell_the_gender_they_agree_with() -> None:
    assert morph.parses("сообщила")[0].agreement is Gender.FEMN
    assert morph.parses("сообщил")[0].agreement is Gender.MASC
    assert morph.parses("сообщили")[0].agreement is Gender.PLUR


def test_inflect_puts_a_reading_in_the_nominative() -> None:
    (noun, *_) = [p for p in morph.parses("советника") if p.pos == "NOUN"]
    assert morph.inflect(noun, frozenset({"nomn"})) == "советник"


def test_words_it_cannot_analyse_have_no_readings() -> None:
    assert morph.parses("𗀀") == ()
    assert morph.lemma("𗀀") == "𗀀"


def test_readings_are_frozen_values() -> None:
    first = morph.parses("министр")[0]
    assert first == morph.parses("министр")[0]
    assert hash(first) == hash(morph.parses("министр")[0])
    assert first.lemma == "министр" and first.pos == "NOUN" and first.case == "nomn"


def test_a_reading_keeps_what_its_tag_says() -> None:
    # The typed fields are worked out once per tag: two words with one tag share them,
    # and each reading still has its own word, lemma and score.
    (nomn,) = [p for p in morph.parses("министр") if p.case == "nomn"]
    (same,) = [p for p in morph.parses("учитель") if p.case == "nomn" and p.pos == "NOUN"]
    assert (nomn.pos, nomn.gender, nomn.number) == (same.pos, same.gender, same.number) == (
        "NOUN", "masc", "sing")
    assert nomn.word == "министр" and same.word == "учитель" and same.lemma == "учитель"
    assert {"NOUN", "masc", "sing", "nomn"} <= nomn.grammemes
    unknown = morph.parses("ъхщзв")  # guessed by analogy, tags the dictionary may lack
    assert all(p.word == "ъхщзв" and p.grammemes for p in unknown)
