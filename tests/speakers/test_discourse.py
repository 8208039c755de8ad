"""Each discourse rule: a claim no cue names takes the voice of its neighbours.

Notation: "Name <- fragment <- rule": the fragment lies in a segment of that speaker whose
speaker that rule gave; "- <- fragment" when no one's.
"""

from __future__ import annotations

import pytest
from notation import attribute

from speechsum.model import Attribution, Language
from speechsum.speakers.rules import DISCOURSE, rule_name


def given(text: str, fragment: str, attribution: Attribution) -> str:
    start = text.index(fragment)
    names = {s.id: s.name for s in attribution.speakers}
    for seg in attribution.segments:
        if seg.start <= start < seg.end:
            return f"{names[seg.speaker]} <- {fragment} <- {seg.source_rule}"
    return f"- <- {fragment}"


CASES: list[tuple[str, str, Language, list[str]]] = [
    ("quote-piece-neighbour",
     "- Мост откроем, - добавил. - И дорогу тоже, - сказал Иван Петров.", Language.RU,
     ["Иван Петров <- Мост откроем <- quote-piece-neighbour",
      "Иван Петров <- И дорогу тоже <- cue-names"]),
    ("cue-zero-subject",
     "Мұғалім Сәуле Әлиева сабақ берді. «Балалар жақсы оқиды», – деп атап өтті.", Language.KK,
     ["Сәуле Әлиева <- Балалар жақсы <- cue-zero-subject"]),
    ("cue-zero-subject-says-no-when-another-piece-names-someone",
     "- Мост откроем, - добавил. - И дорогу тоже, - сказал Иван Петров.", Language.RU,
     ["Иван Петров <- Мост откроем <- quote-piece-neighbour"]),
    ("quote-continues",
     '"We will build it," Mayor Ed Kim said. "It will take a year."', Language.EN,
     ["Ed Kim <- It will take a year <- quote-continues"]),
    ("quote-continues-after-a-connective",
     '"We will build it," Mayor Ed Kim said. But "it will take a year."', Language.EN,
     ["Ed Kim <- it will take a year <- quote-continues"]),
    ("quote-continues-says-no-after-narration",
     '"We will build it," Mayor Ed Kim said. The council met. "It will take a year."',
     Language.EN, ["- <- It will take a year"]),
    ("quote-paragraph-after-introduction",
     "С докладом выступил аким Марат Беков.\n«Дороги мы отремонтируем к осени этого года»",
     Language.RU, ["Марат Беков <- Дороги мы <- quote-paragraph-after-introduction"]),
    ("quote-after-reported",
     'Holt said the city would hire teachers. "This is our first priority."', Language.EN,
     ["Holt <- This is our <- quote-after-reported"]),
    ("quote-after-its-subject",
     'Mayor Ann Lee held a briefing.\n"The pool opens in June," Lee said. She gave no cost. '
     '"We owe the kids that much."', Language.EN,
     ["Ann Lee <- We owe the kids <- quote-after-its-subject"]),
    ("continues-reported",
     "Иван Петров отметил, что мост готов. Дорогу откроют в мае.", Language.RU,
     ["Иван Петров <- Дорогу откроют <- continues-reported"]),
    ("continues-reported-says-no-to-someone-else",
     "Иван Петров отметил, что мост готов. Анна Смирнова уехала в город.", Language.RU,
     ["- <- Анна Смирнова уехала"]),
    ("multi-paragraph-quote",
     "“The first paragraph opens the quote.\n“The second ends it,” said Mayor Ed Kim.",
     Language.EN, ["Ed Kim <- The first paragraph <- multi-paragraph-quote"]),
    ("dash-after-introduction",
     "С докладом выступила Сауле Бекова.\n- Программы уже работают в десяти школах.",
     Language.RU, ["Сауле Бекова <- Программы уже <- dash-after-introduction"]),
    ("dash-after-introduction-says-no-after-narration-without-names",
     "Совещание прошло в акимате.\n- Программы уже работают в десяти школах.", Language.RU,
     ["- <- Программы уже"]),
    ("interviewee",
     "С нами Марат Оспанов.\n- Как дела?\n- Хорошо, спасибо.\n- А школа?\n- Строится.",
     Language.RU, ["Марат Оспанов <- Хорошо, спасибо <- interviewee",
                   "Корреспондент <- Как дела <- interviewer"]),
    ("headline-deck",
     "Senator blasts toll plan;\nVows to fight it in court.\nSen. Dana Park spoke on Monday.",
     Language.EN, ["Dana Park <- Vows to fight it <- headline-deck"]),
    ("headline-deck-says-no-in-the-body",
     "Senator blasts toll plan;\nSen. Dana Park spoke on Monday.\nPromises were made.",
     Language.EN, ["- <- Promises were made"]),
    ("interviewee-is-never-the-interviewer",
     "Собеседником Анны Ивановой стал министр Марат Оспанов.\nО школах\n- Как дела?\n"
     "- Хорошо, спасибо.", Language.RU,
     ["Марат Оспанов <- Хорошо, спасибо <- interviewee",
      "Анна Иванова <- Как дела <- interviewer"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_discourse(text: str, language: Language, expected: list[str]) -> None:
    attribution = attribute(text, language)
    for line in expected:
        fragment = line.split(" <- ")[1]
        assert given(text, fragment, attribution) == line


def test_every_discourse_rule_has_a_case() -> None:
    covered = {c[0] for c in CASES}
    assert {rule_name(rule) for rule in DISCOURSE} <= covered
