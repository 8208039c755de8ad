"""Each finder alone: which stretches it claims as speech, and the cue it gives them.

Notation: a claim is "words|cue" (the claimed text, a bar, the text of its cue; nothing after
the bar when it has none), prefixed "found-by: " when the finder names claims more than one way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from notation import read

from speechsum.model import Language
from speechsum.speakers.claims import Claim
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.captions import caption_voice
from speechsum.speakers.finders.dashes import dash_paragraph, inner_dash_quote, interview_exchange
from speechsum.speakers.finders.headlines import headline_label
from speechsum.speakers.finders.quotes import colon_speech, quotation
from speechsum.speakers.finders.reported import reported_speech
from speechsum.speakers.finders.transcript import transcript_turn

Finder = Callable[[Doc], Iterable[Claim]]


def claimed(text: str, finder: Finder, language: Language = Language.RU) -> list[str]:
    doc = read(text, language)
    out = []
    for c in sorted(finder(doc), key=lambda c: c.start):
        cue = "" if c.cue is None else text[c.cue.start : c.cue.end].strip()
        out.append(f"{c.found_by}: {text[c.start : c.end].strip()}|{cue}")
    return out


CASES: list[tuple[str, str, Finder, Language, list[str]]] = [
    # transcript turns
    ("labels-two-speakers",
     "ИВАНОВ: Начнем.\nПЕТРОВ: Согласен.", transcript_turn, Language.RU,
     ["transcript-label: Начнем.|ИВАНОВ:", "transcript-label: Согласен.|ПЕТРОВ:"]),
    ("one-label-is-no-transcript",
     "ИВАНОВ: Начнем.\nДалее обсудили бюджет.", transcript_turn, Language.RU, []),
    ("label-turn-runs-to-the-next-label",
     "Ведущий: Добрый вечер.\nСегодня у нас гость.\nГость: Спасибо.", transcript_turn,
     Language.RU, ["transcript-label: Добрый вечер.|Ведущий:",
                   "transcript-label: Сегодня у нас гость.|Ведущий:",
                   "transcript-label: Спасибо.|Гость:"]),
    ("stage-direction-cut-out",
     "ИВАНОВ: Спасибо. (Аплодисменты.) Продолжим.\nПЕТРОВ: Да.", transcript_turn,
     Language.RU, ["transcript-label: Спасибо.|ИВАНОВ:", "transcript-label: Продолжим.|ИВАНОВ:",
                   "transcript-label: Да.|ПЕТРОВ:"]),
    ("hansard-names-alone-on-their-lines",
     "Mr. Tom Hale\nThe budget is late.\nMs. Ann Reed\nIt is on time.", transcript_turn,
     Language.EN, ["transcript-label: The budget is late.|Mr. Tom Hale",
                   "transcript-label: It is on time.|Ms. Ann Reed"]),
    # headlines
    ("headline-name-colon",
     "Smith: The bridge will open in May\nThe mayor spoke on Monday.", headline_label,
     Language.EN, ["headline-label: Smith: The bridge will open in May|Smith"]),
    ("headline-name-role-colon",
     "Серік Ахметұлы, жазушы: ТІЛ – ЕЛДІҢ ЖАНЫ\nБүгін біздің қонағымыз жазушы.", headline_label,
     Language.KK,
     ["headline-label: Серік Ахметұлы, жазушы: ТІЛ – ЕЛДІҢ ЖАНЫ|Серік Ахметұлы, жазушы"]),
    ("headline-words-dash-name",
     "Жолды биыл саламыз – Ерлан Сапаров\nАудан әкімі жиында сөйледі.", headline_label,
     Language.KK, ["headline-label: Жолды биыл саламыз|Ерлан Сапаров"]),
    ("headline-name-and-topic",
     "Анна Ким – о школах, дорогах и бюджете\nИнтервью записала редакция.", headline_label,
     Language.RU, ["headline-label: Анна Ким – о школах, дорогах и бюджете|Анна Ким"]),
    ("headline-without-a-name-is-none",
     "What the city plans: bridges and roads\nThe mayor spoke on Monday.", headline_label,
     Language.EN, []),
    # dash paragraphs
    ("dash-paragraph-with-its-cue",
     "- Мост откроем в мае, - сказал Иван Петров.", dash_paragraph, Language.RU,
     ["dash-paragraph: - Мост откроем в мае|, - сказал Иван Петров."]),
    ("dash-paragraph-cue-in-the-middle",
     "- Денег хватит, - сказал Петр Волков. - Но сроки сдвинутся.", dash_paragraph, Language.RU,
     ["dash-paragraph: - Денег хватит|, - сказал Петр Волков.",
      "dash-paragraph: - Но сроки сдвинутся.|, - сказал Петр Волков."]),
    ("dash-paragraph-without-a-cue",
     "- Мост откроем в мае.", dash_paragraph, Language.RU,
     ["dash-paragraph: - Мост откроем в мае.|"]),
    ("dash-quote-closed-paragraphs-later",
     "- Мост откроем в мае.\nДорогу тоже отремонтируем, - сказал Иван Петров.",
     dash_paragraph, Language.RU,
     ["multi-paragraph-quote: - Мост откроем в мае.|, - сказал Иван Петров.",
      "multi-paragraph-quote: Дорогу тоже отремонтируем|, - сказал Иван Петров."]),
    ("dash-without-a-verb-is-no-cue",
     "- Мост, - слово, - еще слово.", dash_paragraph, Language.RU,
     ["dash-paragraph: - Мост, - слово, - еще слово.|"]),
    ("cue-that-adds-content",
     "- Запасов хватит, - заверил он и добавил, что цены не вырастут.", dash_paragraph,
     Language.RU, ["dash-paragraph: - Запасов хватит|, - заверил он и добавил, что цены не "
                   "вырастут.",
                   "cue-with-content: заверил он и добавил, что цены не вырастут.|, - заверил он "
                   "и добавил, что цены не вырастут."]),
    # interviews
    ("interview-run",
     "С нами Айгуль Сейткали.\n- Когда откроется школа?\n- В сентябре.\n- А детсад?\n- Весной.",
     interview_exchange, Language.RU,
     ["interview-question: - Когда откроется школа?|", "interview-answer: - В сентябре.|",
      "interview-question: - А детсад?|", "interview-answer: - Весной.|"]),
    ("interview-needs-three-turns",
     "С нами Айгуль Сейткали.\n- Когда откроется школа?\n- В сентябре.", interview_exchange,
     Language.RU, []),
    ("interview-announced-needs-two-turns",
     "Аким Айгуль Сейткали ответила на вопросы нашего корреспондента.\n- Когда откроется "
     "школа?\n- В сентябре.", interview_exchange, Language.RU,
     ["interview-question: - Когда откроется школа?|", "interview-answer: - В сентябре.|"]),
    ("interview-turns-alternate-and-an-answer-goes-on",
     "Аким Айгуль Сейткали дала интервью газете.\n- Начнём со школ. Их строят давно.\n"
     "- Да, три года.\n- Почему так долго?\n- Не хватало денег.\n- Теперь хватает.",
     interview_exchange, Language.RU,
     ["interview-question: - Начнём со школ. Их строят давно.|", "interview-answer: - Да, три "
      "года.|", "interview-question: - Почему так долго?|", "interview-answer: - Не хватало "
      "денег.|", "interview-answer: - Теперь хватает.|"]),
    ("interview-question-that-addresses",
     "С нами Айгуль Сейткали.\n- Когда откроется школа?\n- В сентябре.\n- Айгуль Сериковна, "
     "расскажите о детсаде.\n- Весной.", interview_exchange, Language.RU,
     ["interview-question: - Когда откроется школа?|", "interview-answer: - В сентябре.|",
      "interview-question: - Айгуль Сериковна, расскажите о детсаде.|",
      "interview-answer: - Весной.|"]),
    ("interview-heading-between-turns-is-narration",
     "Аким Айгуль Сейткали дала интервью.\nО школах\n- Когда откроется школа?\n"
     "- В сентябре.\nО детсадах\n- А детсад?\n- Весной.", interview_exchange, Language.RU,
     ["interview-question: - Когда откроется школа?|", "interview-answer: - В сентябре.|",
      "interview-question: - А детсад?|", "interview-answer: - Весной.|"]),
    ("interview-needs-someone-named-before",
     "- Когда откроется школа?\n- В сентябре.\n- А детсад?\n- Весной.", interview_exchange,
     Language.RU, []),
    # a dash inside a paragraph
    ("inner-dash-quote",
     "Житель спросил о саженцах. - Вопрос понятен, - ответил Олжас Нуртаев.", inner_dash_quote,
     Language.RU, ["dash-inside-paragraph: - Вопрос понятен|, - ответил Олжас Нуртаев."]),
    ("inner-dash-without-cue-is-none",
     "Житель спросил о саженцах. - Вопрос понятен.", inner_dash_quote, Language.RU, []),
    # colons
    ("speech-after-colon",
     "Исаков спрашивает: почему так дорого?", colon_speech, Language.RU,
     ["speech-after-colon: почему так дорого?|Исаков спрашивает:"]),
    ("colon-without-a-speech-verb-is-none",
     "Повестка дня: бюджет и дороги.", colon_speech, Language.RU, []),
    # quotation marks
    ("quote-with-cue-after",
     "«Мы не допустим роста тарифов», - заявила Анна Смирнова.", quotation, Language.RU,
     ["quote-cue-after: «Мы не допустим роста тарифов»|, - заявила Анна Смирнова."]),
    ("quote-after-colon",
     "Депутат Сидоров: «Закон нужно принять»", quotation, Language.RU,
     ["quote-after-colon: «Закон нужно принять»|Депутат Сидоров:"]),
    ("quote-with-no-cue",
     "В зале висел плакат «Село должно жить».", quotation, Language.RU,
     ["quotation: «Село должно жить»|"]),
    ("one-word-quote-is-none",
     "Он назвал это «провалом».", quotation, Language.RU, []),
    ("one-word-answer-with-a-reporting-clause",
     "«Готово», – сказал прораб.", quotation, Language.RU,
     ["quote-cue-after: «Готово»|, – сказал прораб."]),
    ("one-word-quote-inside-a-sentence-is-none",
     "The “deal,” as she called it, fell apart.", quotation, Language.EN, []),
    ("kazakh-quotative-with-any-verb",
     "«Жол күзде ашылады», – деп толықтырды әкім.", quotation, Language.KK,
     ["quote-cue-after: «Жол күзде ашылады»|, – деп толықтырды әкім."]),
    ("introduction-ending-the-paragraph-before",
     "Сөз кезегі әкімге берілді. Ол былай деді:\n«Жол күзде ашылады»", quotation,
     Language.KK, ["quote-after-colon: «Жол күзде ашылады»|Ол былай деді:"]),
    ("english-quote-and-sentence-head",
     "Yet Trump is also a “wild card,” Cole said.", quotation, Language.EN,
     ["quote-sentence-head: Yet Trump is also a|Cole said.",
      "quote-cue-after: “wild card,”|Cole said.",
      "quote-sentence-head: Cole said.|Cole said."]),
    ("quote-sentence-goes-on-to-its-cue",
     '"It may pass" that the levy holds, said Ray Cole.', quotation, Language.EN,
     ['quote-cue-after: "It may pass"|, said Ray Cole.',
      "quote-sentence-head: that the levy holds, said Ray Cole.|, said Ray Cole."]),
    # reported speech
    ("reported-speech-verb",
     "Аким Нурлан Ахметов отметил важность ремонта школ.", reported_speech, Language.RU,
     ["reported-speech: Аким Нурлан Ахметов отметил важность ремонта школ.|отметил"]),
    ("reported-speech-two-clauses-two-subjects",
     "Иван Петров раскритиковал план, а Анна Смирнова похвалила проект.", reported_speech,
     Language.RU, ["reported-speech: Иван Петров раскритиковал план,|раскритиковал",
                   "reported-speech: а Анна Смирнова похвалила проект.|похвалила"]),
    ("reported-speech-kazakh-conditional-contrast",
     "Ақмарал Сейітова жол мәселесін алға тартса, Ерлан Сапаров мектеп туралы сұрады.",
     reported_speech, Language.KK,
     ["reported-speech: Ақмарал Сейітова жол мәселесін алға тартса,|алға тартса",
      "reported-speech: Ерлан Сапаров мектеп туралы сұрады.|сұрады"]),
    ("reported-speech-content-is-one-claim",
     "Иван Петров сказал, что Анна Смирнова раскритиковала план.", reported_speech,
     Language.RU, ["reported-speech: Иван Петров сказал, что Анна Смирнова раскритиковала "
                   "план.|сказал"]),
    ("reported-speech-according-to",
     "По словам министра Виктора Зайцева, ситуация под контролем.", reported_speech,
     Language.RU, ["reported-speech: По словам министра Виктора Зайцева, ситуация под "
                   "контролем.|По словам"]),
    ("reported-content-goes-on",
     "Иван Петров отметил, что мост готов. Дорогу откроют в мае. Иван Петров ушел.",
     reported_speech, Language.RU,
     ["reported-speech: Иван Петров отметил, что мост готов.|отметил",
      "continues-reported: Дорогу откроют в мае.|"]),
    ("content-free-act-is-none",
     "Модератором заседания выступил Серик Алиев.", reported_speech, Language.RU, []),
    ("outlet-relay-is-none",
     "Как сообщает RT, пострадавших нет.", reported_speech, Language.RU, []),
    ("negated-verb-is-none",
     "Министр не сказал ничего нового.", reported_speech, Language.RU, []),
    ("dateline-is-left-out",
     "ASTANA - The minister said the bridge would open in May.", reported_speech, Language.EN,
     ["reported-speech: The minister said the bridge would open in May.|said"]),
    ("kazakh-speech-phrase",
     "Мектеп директоры Нұрлан Әбенов жаңа жоспарды ортаға салды.", reported_speech,
     Language.KK, ["reported-speech: Мектеп директоры Нұрлан Әбенов жаңа жоспарды ортаға "
                   "салды.|ортаға салды"]),
]


@pytest.mark.parametrize(("text", "finder", "language", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_finder(text: str, finder: Finder, language: Language, expected: list[str]) -> None:
    assert claimed(text, finder, language) == expected


def test_captions_claim_each_cue_with_its_voice() -> None:
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Anna Ivanova>Good morning.\n\n"
            "00:00:03.000 --> 00:00:05.000\nNo voice here.\n")
    doc = read(text, Language.EN)
    claims = list(caption_voice(doc))
    assert [(text[c.start : c.end], c.cue and text[c.cue.start : c.cue.end], c.times)
            for c in claims] == [("Good morning.", "Anna Ivanova", (1.0, 3.0)),
                                 ("No voice here.", None, (3.0, 5.0))]


def test_finders_claim_nothing_in_a_text_without_speech() -> None:
    text = "Дорогу отремонтировали летом.\nШкола открылась в сентябре."
    for _, _, finder, _, _ in CASES:
        assert claimed(text, finder) == []


def test_finders_leave_the_document_as_it_was() -> None:
    # A finder reads the document; it never changes what another finder reads.
    text = "«Мост откроем в мае», - сказал Иван Петров.\nПетров отметил, что денег хватит."
    doc = read(text)
    before = [(p.start, p.end, doc.mentions(p), doc.quotes(p)) for p in doc.paragraphs]
    for _, _, finder, _, _ in CASES:
        list(finder(doc))
    assert [(p.start, p.end, doc.mentions(p), doc.quotes(p)) for p in doc.paragraphs] == before
