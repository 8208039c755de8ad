"""Who said what, rule by rule, on small own-written texts.

Notation: each expectation is "Name <- fragment" (the fragment lies inside a segment of that
speaker) or "- <- fragment" (the fragment is narration: inside no segment).
"""

from __future__ import annotations

import pytest

from speechsum.model import Attribution, Kind, Language
from speechsum.sentences import split_sentences
from speechsum.speakers import attribute_speakers


def attribute(text: str, language: Language = Language.RU) -> Attribution:
    return attribute_speakers(text, split_sentences(text, language), language)


def who_said(text: str, fragment: str, attribution: Attribution) -> str:
    start = text.index(fragment)
    end = start + len(fragment)
    names = {s.id: s.name for s in attribution.speakers}
    owners = {names[seg.speaker] for seg in attribution.segments
              if seg.start < end and start < seg.end}
    if not owners:
        return "-"
    assert len(owners) == 1, f"{fragment!r} is split between {owners}"
    return owners.pop()


def check(text: str, expected: list[str], language: Language = Language.RU) -> Attribution:
    attribution = attribute(text, language)
    for line in expected:
        name, fragment = line.split(" <- ", 1)
        assert who_said(text, fragment, attribution) == name, line
    for seg in attribution.segments:
        assert text[seg.start : seg.end] == seg.text
    return attribution


DIRECT = [
    ("dash-paragraph-closing-cue",
     "На совещании обсудили ремонт дорог.\n"
     "- Мы отремонтируем сорок километров дорог до осени, - сказал Ерлан Жумабаев.",
     ["Ерлан Жумабаев <- Мы отремонтируем сорок километров", "- <- На совещании обсудили"]),
    ("dash-paragraph-initials-cue",
     "Выступила директор школы Айгуль Сейткали.\n"
     "- Новая школа откроется в сентябре, - подчеркнула А. Сейткали.",
     ["Айгуль Сейткали <- Новая школа откроется"]),
    ("multi-paragraph-quote",
     "- Первый абзац цитаты о планах района.\n"
     "Второй абзац продолжает ту же мысль без тире.\n"
     "Третий абзац заканчивает цитату, - отметил Марат Оспанов.",
     ["Марат Оспанов <- Первый абзац", "Марат Оспанов <- Второй абзац",
      "Марат Оспанов <- Третий абзац"]),
    ("cue-in-the-middle",
     "- Денег хватит, - прервал его Петр Волков. - Но сроки сдвинутся на месяц.",
     ["Петр Волков <- Денег хватит", "Петр Волков <- Но сроки сдвинутся"]),
    ("guillemets-cue-after",
     "«Мы не допустим роста тарифов в этом году», - заявила Анна Смирнова.",
     ["Анна Смирнова <- Мы не допустим роста"]),
    ("guillemets-cue-lost-dash",
     "«Работа будет завершена к зиме», сказал Иван Кузнецов.",
     ["Иван Кузнецов <- Работа будет завершена"]),
    ("colon-introduction",
     "Депутат Сидоров: «Закон нужно принять до конца сессии»",
     ["Сидоров <- Закон нужно принять"]),
    ("inner-dash-after-narration",
     "Житель спросил о саженцах. - Вопрос понятен, мы его решим, - ответил Олжас Нуртаев.",
     ["Олжас Нуртаев <- Вопрос понятен", "- <- Житель спросил"]),
    ("dash-after-introduction",
     "С докладом выступила педагог Сауле Бекова, которая рассказала о новых программах.\n"
     "- Программы уже работают в десяти школах.",
     ["Сауле Бекова <- Программы уже работают", "Сауле Бекова <- рассказала о новых"]),
    ("nested-quote-stays-outer",
     "«Президент сказал: "
     "«Село должно жить», и мы это выполним», - отметил Канат Абенов.",
     ["Канат Абенов <- Село должно жить"]),
]

REPORTED = [
    ("speech-verb-subject",
     "Глава района Нурлан Ахметов отметил важность ремонта школ.",
     ["Нурлан Ахметов <- отметил важность"]),
    ("speech-verb-inverted",
     "Об этом сообщил начальник управления Павел Орлов. Жалоб стало вдвое меньше.",
     ["Павел Орлов <- Об этом сообщил", "Павел Орлов <- Жалоб стало"]),
    ("pronoun-continues",
     "Модератором встречи выступил Арман Сеитов. Открывая встречу, он напомнил о задачах года.",
     ["- <- Модератором встречи", "Арман Сеитов <- Открывая встречу"]),
    ("according-to-genitive-name",
     "По словам министра Виктора Зайцева, ситуация под контролем. Все пациенты здоровы.",
     ["Виктор Зайцев <- ситуация под контролем", "Виктор Зайцев <- Все пациенты"]),
    ("relative-clause",
     "Слово взяла ветеран труда Гульнара Исаева, которая обратила внимание на цены.",
     ["Гульнара Исаева <- обратила внимание"]),
    ("content-free-act-is-narration",
     "Модератором заседания выступил Серик Алиев.",
     ["- <- Модератором заседания"]),
    ("mentioned-person-is-not-speaker",
     "Иван Петров рассказал, что Президент Касым-Жомарт Токаев посетил область.",
     ["Иван Петров <- посетил область"]),
    ("outlet-relay-is-narration",
     "Как сообщает RT, пострадавших нет.",
     ["- <- пострадавших нет"]),
    ("organisation-source",
     "Как отмечают в департаменте полиции, на дорогах выставлено пять постов.",
     ["департамент полиции <- выставлено пять постов"]),
    ("role-noun-resolves-to-person",
     "В суде выступил гособвинитель Олег Миронов. Затем прокурор заявил, что доводы защиты слабы.",
     ["Олег Миронов <- доводы защиты слабы"]),
]

KAZAKH = [
    ("kk-deді-cue",
     "«Біз жастарға қолдау көрсетеміз», - деді аудан әкімі Ерлан Қасымов.",
     ["Ерлан Қасымов <- Біз жастарға"]),
    ("kk-relay-is-narration",
     "Жиынды Айгүл Сәрсенова жүргізді, деп хабарлады баспасөз қызметі.",
     ["- <- Жиынды"]),
    ("kk-speech-phrase",
     "Мектеп директоры Нұрлан Әбенов жаңа жоспарды ортаға салды.",
     ["Нұрлан Әбенов <- жаңа жоспарды"]),
    ("kk-according-to-genitive-surname",
     "Басқарма басшысы Гүлнар Серікованың айтуынша, емханаларға жаңа құрал келді.",
     ["Гүлнар Серікова <- емханаларға жаңа"]),
    ("kk-according-to-genitive-patronymic",
     "Дәрігер Әсел Бақытқызының айтуынша, кезек қысқарды.",
     ["Әсел Бақытқызы <- кезек қысқарды"]),
    ("kk-according-to-surname-alone",
     "Жиынды Марат Ысқақов ашты. Ысқақовтың айтуынша, жол күзге дейін салынады.",
     ["Марат Ысқақов <- жол күзге дейін"]),
    ("kk-pronoun-subject",
     "Депутат Бекзат Оразов тұрғындармен кездесті. Ол көпір биыл салынатынын айтты.",
     ["Бекзат Оразов <- көпір биыл", "- <- тұрғындармен кездесті"]),
    ("kk-pronoun-inside-clause",
     "Әкім Талғат Жұмабеков ауылға барды. Кездесуде ол су құбыры тартылатынын хабарлады.",
     ["Талғат Жұмабеков <- су құбыры"]),
    ("kk-pronoun-after-cue-verb",
     "Мұғалім Сәуле Әлиева сабақ берді. «Балалар жақсы оқиды», – деп атап өтті ол.",
     ["Сәуле Әлиева <- Балалар жақсы"]),
    ("kk-ol-as-that-is-not-a-person",
     "Әкім Талғат Жұмабеков ауылға барды. Ол кезде тұрғындар жаңа жол туралы айтты.",
     ["- <- тұрғындар жаңа жол"]),
    ("kk-first-name-alone-closing-a-cue",
     "– Біз дайынбыз, – дейді Айнұр.",
     ["Айнұр <- Біз дайынбыз"]),
    ("kk-role-refers-back",
     "Облыс әкімі Ербол Қарашев кеңес өткізді. Әкім биыл 30 мектеп салынатынын айтты.",
     ["Ербол Қарашев <- 30 мектеп"]),
    ("kk-according-to-a-role",
     "Денсаулық сақтау министрі Ажар Ғалым брифинг өткізді. Министрдің айтуынша, вакцина "
     "жеткілікті.",
     ["Ажар Ғалым <- вакцина жеткілікті"]),
    ("kk-first-name-guess-is-no-case",
     "Сенат төрағасы Мәулен Әшімов жаңа заңды қолдайтынын мәлімдеді.",
     ["Мәулен Әшімов <- жаңа заңды"]),
    ("kk-ol-for-that-is-not-a-person",
     "Әкім Талғат Жұмабеков ауылға барды. Ол үшін үкімет қаржы бөлетінін айтты.",
     ["- <- үкімет қаржы"]),
    ("kk-name-the-dictionary-does-not-know",
     "«Жалақы әлі де төмен», – деді депутат Ерсін Болат.",
     ["Ерсін Болат <- Жалақы әлі"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DIRECT], ids=[c[0] for c in DIRECT])
def test_direct_speech(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in REPORTED],
                         ids=[c[0] for c in REPORTED])
def test_reported_speech(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in KAZAKH], ids=[c[0] for c in KAZAKH])
def test_kazakh(text: str, expected: list[str]) -> None:
    check(text, expected, Language.KK)


def test_byline_is_not_a_speaker() -> None:
    text = ("- Урожай будет хорошим, - сказал Бауыржан Омаров.\n"
            "Актоты БЕКЕНКЫЗЫ,\nфото Алтынбека КАРТАБАЯ")
    attribution = check(text, ["- <- Актоты", "- <- фото"])
    assert [s.name for s in attribution.speakers] == ["Бауыржан Омаров"]


def test_segments_record_kind_and_rule() -> None:
    text = ("Аким Марат Беков подчеркнул важность дорог.\n"
            "- Дороги отремонтируем за лето, - сказал М. Беков.")
    attribution = attribute(text)
    assert [(s.kind, s.rule) for s in attribution.segments] == [
        (Kind.INDIRECT, "speech-verb-subject"), (Kind.DIRECT, "dash-paragraph")]
    (speaker,) = attribution.speakers
    assert speaker.name == "Марат Беков"
    assert speaker.aliases == ("М. Беков",)
    assert speaker.role == "аким"


def test_oblique_name_put_in_nominative() -> None:
    text = "Встреча прошла с участием советника Малика Оспанова. Он сообщил, что план выполнен."
    (speaker,) = attribute(text).speakers
    assert speaker.name == "Малик Оспанов"
    assert speaker.role == "советник"


def test_all_caps_surname_title_cased() -> None:
    text = "- Я отвечу на русском, - ответил Адиль ЖАКУПОВ."
    (speaker,) = attribute(text).speakers
    assert speaker.name == "Адиль Жакупов"


def test_pronoun_agrees_in_gender() -> None:
    text = ("Выступили Ерлан Жумабаев и Айгуль Сейткалиева.\n"
            "- Планы выполнены, - сказала она.")
    assert who_said(text, "Планы выполнены", attribute(text)) == "Айгуль Сейткалиева"


TRANSCRIPT = (
    "Стенограмма брифинга\n"
    "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ: Начинаем заседание.\n"
    "ИВАНОВ П. С.: Прошу слова по порядку ведения.\n"
    "(Аплодисменты.)\n"
    "С. ПЕТРОВА: Поддерживаю коллегу.\n"
    "ИВАНОВ П. С.: Спасибо."
)


def test_transcript_labels() -> None:
    attribution = check(TRANSCRIPT, [
        "Председательствующий <- Начинаем заседание",
        "Иванов П. С. <- Прошу слова",
        "С. Петрова <- Поддерживаю коллегу",
        "- <- Стенограмма брифинга",
        "- <- Аплодисменты",
        "- <- ИВАНОВ П. С.:",
    ])
    assert len(attribution.speakers) == 3


def test_no_speakers_in_plain_narration() -> None:
    text = "Погода в области остается холодной. Дороги очищены от снега."
    assert attribute(text) == Attribution((), ())


MORE = [
    ("speech-after-colon-unquoted",
     "Депутат Игорь Семенов спросил: почему тарифы растут быстрее зарплат?",
     ["Игорь Семенов <- почему тарифы растут"]),
    ("list-after-colon-is-narration",
     "Председателями комиссий стали: по бюджету - Роман Ершов, по аграрным вопросам - Анна Кох.",
     ["- <- по бюджету"]),
    ("organisation-subject",
     "Акимат города сообщил, что дороги очистят к утру.",
     ["акимат города <- дороги очистят"]),
    ("they-is-not-one-person",
     "Аким Марат Беков открыл сессию. Они отметили, что бюджет исполнен.",
     ["- <- бюджет исполнен"]),
    ("present-tense-cue",
     "- Цены на уголь не вырастут, - говорит Сергей Ким.",
     ["Сергей Ким <- Цены на уголь"]),
    ("unclosed-quote-at-end",
     "Аким Марат Беков заявил: «Мы завершим стройку в срок",
     ["Марат Беков <- Мы завершим стройку"]),
    ("missing-opening-mark",
     "Работа идет по графику», - заверил Марат Беков.",
     ["Марат Беков <- Работа идет по графику"]),
    ("two-apostrophes-quote",
     "''Все жители получат воду до зимы'', - сказал Кумар Есенов.",
     ["Кумар Есенов <- Все жители получат воду"]),
    ("curly-quotes",
     "“Мы проверим каждую жалобу”, - пообещала Ольга Ким.",
     ["Ольга Ким <- Мы проверим каждую"]),
    ("first-name-patronymic-address",
     "Начальник управления Игорь Раудуве сообщил о жалобах.\n"
     "- Жалоб стало меньше, - пояснил Игорь Винцентасович.",
     ["Игорь Раудуве <- Жалоб стало меньше"]),
    ("surname-initials-after",
     "- Бюджет сбалансирован, - сказал Павлов Н. А.",
     ["Павлов Н. А. <- Бюджет сбалансирован"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_more_conventions(text: str, expected: list[str]) -> None:
    check(text, expected)


def test_kazakh_role_is_the_words_before_the_name() -> None:
    text = ("Жиында аталмыш ұйым жетекшісі Луиза Карова сөз сөйледі. «Біз дайынбыз», – деді "
            "Луиза Карова.")
    (speaker,) = attribute(text, Language.KK).speakers
    assert (speaker.name, speaker.role) == ("Луиза Карова", "ұйым жетекшісі")


def test_kazakh_oblique_surname_nominative() -> None:
    text = "Осыған дейін Тамара Дүйсенованың сөзін Ерлан Бишімбаевтың айтуынша, жұмыс жүріп жатыр."
    attribution = attribute(text, Language.KK)
    assert [s.name for s in attribution.speakers] == ["Ерлан Бишімбаев"]


FIXED = [
    ("open-quote-run-breaks-at-another-paragraph",
     "«Первый абзац без конца.\n— Другие слова, — сказал Пётр Волков.\n«Третий абзац», — "
     "сказала Анна Смирнова.",
     ["- <- Первый абзац", "Анна Смирнова <- Третий абзац"]),
    ("pronoun-with-an-oblique-antecedent",
     "Айгерим Нурлановой вручили награду. Она поблагодарила коллег за поддержку.",
     ["Айгерим Нурланова <- поблагодарила коллег"]),
    ("pronoun-prefers-the-subject",
     "Иванов поздравил Петрову. Он сказал, что рад.",
     ["Иванов <- что рад"]),
    ("calling-something-something-is-an-evaluation",
     "Тренер команды Кирилл Кекер назвал игру сложной.",
     ["Кирилл Кекер <- игру сложной"]),
    ("naming-a-child-is-not",
     "Олег Ранов назвал сына Иваном.",
     ["- <- назвал сына"]),
    ("first-name-alone-closing-a-cue",
     "— Мы ждём помощи, — говорит Айнур.",
     ["Айнур <- Мы ждём помощи"]),
    ("place-closing-a-cue-is-no-name",
     "— Мы ждём помощи, — сообщает Астана.",
     ["- <- Мы ждём помощи"]),
    ("according-to-the-data-of-a-role",
     "На встрече была министр труда Светлана Жакупова. По данным министра, безработица "
     "снизилась.",
     ["Светлана Жакупова <- безработица снизилась"]),
    ("according-to-a-role",
     "Эксперт Дана Ахметова выступила на форуме. По словам эксперта, рынок растёт.",
     ["Дана Ахметова <- рынок растёт"]),
    ("according-to-a-role-nobody-holds",
     "По словам эксперта, рынок растёт.",
     ["- <- рынок растёт"]),
    ("cue-that-adds-content",
     "— Цены не вырастут, — заверил министр Нурлан Асетов и добавил, что запасов хватит.",
     ["Нурлан Асетов <- запасов хватит"]),
    ("cue-with-gerund-and-content",
     "«Цены не вырастут», — заверил Нурлан Асетов, добавив, что запасов хватит.",
     ["Нурлан Асетов <- запасов хватит"]),
    ("lone-surname-closing-a-cue",
     "«Тарифы останутся прежними», — пообещал Асетов.\nОн напомнил, что зима будет тёплой.",
     ["Асетов <- Тарифы останутся", "Асетов <- зима будет"]),
    ("instruction-is-speech",
     "Премьер-министр Олег Ранов поручил ведомствам снизить цены на топливо.",
     ["Олег Ранов <- снизить цены"]),
    ("answered-questions-is-narration",
     "Председатель комитета Айдар Каримов ответил на вопросы журналистов.",
     ["- <- ответил на вопросы"]),
    ("answered-with-content-is-speech",
     "Айдар Каримов ответил на вопрос журналистов, что тарифы не вырастут.",
     ["Айдар Каримов <- тарифы не вырастут"]),
    ("joint-subject-is-narration",
     "Аким Ерлан Аканов и его заместитель Марат Жумабаев заявили, что паводков не будет.",
     ["- <- паводков не будет"]),
    ("stance-with-content",
     "Руководитель отдела Айгерим Сапарова уверена, что к зиме всё будет готово.",
     ["Айгерим Сапарова <- к зиме всё"]),
    ("wrote-in-a-cue",
     "«Мы благодарны волонтёрам», — написала Алия Назарова на своей странице в Instagram.",
     ["Алия Назарова <- Мы благодарны"]),
    ("bare-quote-after-reported-speech",
     "Аким Ерлан Аканов отметил, что дороги отремонтируют. «Мы справимся до осени».",
     ["Ерлан Аканов <- Мы справимся"]),
    ("head-of-the-ministry-is-the-minister",
     "Министр культуры Ирина Лебедева открыла выставку. «Музей ждёт гостей», — отметила "
     "глава ведомства.",
     ["Ирина Лебедева <- Музей ждёт"]),
    ("cue-closing-with-unknown-name",
     "- Работы начнутся весной, - сказал житель села Айдос Жакып.",
     ["Айдос Жакып <- Работы начнутся"]),
    ("cue-closing-with-a-place-is-no-name",
     "- Работы начнутся весной, - сообщили в Министерстве Финансов.",
     ["- <- Работы начнутся"]),
    ("cue-ends-at-its-sentence",
     "Житель задал вопрос. - Я отвечу, - ответил Марат ЖАКУПОВ. Затем слово взял Олег Петренко, "
     "он поблагодарил жителей за вопросы.",
     ["Марат Жакупов <- Я отвечу", "Олег Петренко <- поблагодарил жителей"]),
    ("pronoun-subject-of-conjoined-verbs",
     "На помощь пришел глава города Нариман Сейтов, он перевел ответ Адильбека АЛИЕВА и "
     "похвалил жителя за вопрос.",
     ["Нариман Сейтов <- похвалил жителя"]),
    ("addressing-someone-is-narration",
     "Депутат Ардак Назаров, воспользовавшись эфиром, обратился к своей маме.",
     ["- <- обратился к своей маме"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIXED], ids=[c[0] for c in FIXED])
def test_fixed_bugs(text: str, expected: list[str]) -> None:
    check(text, expected)
