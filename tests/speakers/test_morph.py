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
