"""Transcript label styles, each on a small own-written exchange ("Name <- fragment")."""

from __future__ import annotations

import pytest
from notation import attribute, check

from speechsum.model import Language

STYLES = [
    ("broadcast-chevrons", Language.EN,
     ">> ANDERSON: Good evening.\n>> SMITH: Thanks, Anderson.",
     ["Anderson <- Good evening", "Smith <- Thanks, Anderson"]),
    ("numbered-speakers", Language.EN,
     "Speaker 1: Let's begin the meeting.\nSpeaker 2: I have the numbers ready.",
     ["Speaker 1 <- Let's begin", "Speaker 2 <- I have the numbers"]),
    ("bracketed-time-before-name", Language.EN,
     "[00:01:02] John Smith: The project is on track.\n[00:01:10] Mary Jones: Good to hear.",
     ["John Smith <- The project is on track", "Mary Jones <- Good to hear"]),
    ("play-with-a-stage-direction-then-a-quoted-song", Language.RU,
     "Действие первое\nПетров (поет). «Ой, то не вечер...» Хороша погода, братец!\n"
     "Сидоров. А что?\nПетров. Вид чудесный!\nСидоров (смеясь). Ну да.",
     ["Петров <- Ой, то не вечер", "Сидоров <- А что?", "Сидоров <- Ну да"]),
    ("host-and-guest", Language.RU,
     "Ведущий: Добрый вечер. У нас в гостях министр.\nГость: Спасибо за приглашение.",
     ["Ведущий <- Добрый вечер", "Гость <- Спасибо за приглашение"]),
    ("host-and-guest-kazakh", Language.KK,
     "Жүргізуші: Қайырлы кеш.\nҚонақ: Рақмет, шақырғаныңызға.",
     ["Жүргізуші <- Қайырлы кеш", "Қонақ <- Рақмет"]),
    ("colon-initials-caps", Language.RU,
     "С. ОРЛОВ: Добрый вечер.\nН. ВАСИЛЬЕВА: Здравствуйте.\nС. ОРЛОВ: Начнем.",
     ["С. Орлов <- Добрый вечер", "Н. Васильева <- Здравствуйте", "С. Орлов <- Начнем"]),
    ("colon-glued-initial", Language.RU,
     "Д.Сергеев: Прошу.\nВ.Кравец: Спасибо за приглашение.",
     ["Д. Сергеев <- Прошу", "В. Кравец <- Спасибо за приглашение"]),
    ("dash-label", Language.RU,
     "Е.ВОРОНОВА – Добрый вечер! В студии программа.\nО.ЛЕБЕДЕВА – Рада быть здесь!",
     ["Е. Воронова <- В студии программа", "О. Лебедева <- Рада быть здесь"]),
    ("full-stop-role-label", Language.RU,
     "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Переходим к голосованию.\nКОЗЛОВ А. Б. Я против.\n"
     "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Принято.",
     ["Председательствующий <- Переходим к голосованию", "Козлов А. Б. <- Я против"]),
    ("name-then-dash-line", Language.RU,
     "Ведущий программы\nВ. Каменев\n―\nДобрый день, коллеги.\nИ. Светлова\n―\nЗдравствуйте.",
     ["В. Каменев <- Добрый день, коллеги", "И. Светлова <- Здравствуйте"]),
    ("name-comma-role-label", Language.KK,
     "Ауыл жаңарып жатыр.\nАйгүл Сәрсенова, ауыл тұрғыны:\nСу келді, рахмет.\n"
     "Нұрлан Әбенов, округ әкімі:\nЖол биыл салынады.",
     ["- <- Ауыл жаңарып", "Айгүл Сәрсенова <- Су келді", "Нұрлан Әбенов <- Жол биыл"]),
    ("english-caps-titles", Language.EN,
     "THE PRESIDENT: Go ahead.\nDR. HALE: The data is early.\nQ    Is it safe?\n"
     "DR. HALE: We think so.",
     ["The President <- Go ahead", "Hale <- The data is early", "Q <- Is it safe",
      "Hale <- We think so"]),
    ("markdown-bold-label", Language.EN,
     "**Tim:** Welcome back.\n**Ana Ruiz:** Thanks, Tim.",
     ["Tim <- Welcome back", "Ana Ruiz <- Thanks, Tim"]),
    ("timestamp-label", Language.EN,
     "Jen Park: (00:00)\nTwo items today.\nAmer: (01:13)\nThanks. A question on tariffs.",
     ["Jen Park <- Two items today", "Amer <- A question on tariffs"]),
    ("hansard-name-alone-on-line", Language.EN,
     "HC Deb 1 May 1990\nMr. John Clay (Leeds, North)\nI rise to ask about the buses today.\n"
     "Mr. Speaker\nThe hon. Gentleman will have his answer tomorrow.",
     ["John Clay <- I rise to ask", "Mr. Speaker <- will have his answer",
      "- <- HC Deb"]),
    ("no-separator-label", Language.RU,
     "Т. Васнецова Добрый вечер, в эфире программа.\nК. Орлов Здравствуйте.\n"
     "Т. Васнецова Начнем с новостей.",
     ["Т. Васнецова <- в эфире программа", "К. Орлов <- Здравствуйте",
      "Т. Васнецова <- Начнем с новостей"]),
    ("full-name-full-stop-label", Language.RU,
     "Разговор о бюджете\nОльга Седова. Марат Серикович, когда начнется стройка?\n"
     "Марат Ахметов. Весной. Деньги уже выделены.",
     ["Ольга Седова <- когда начнется стройка", "Марат Ахметов <- Весной",
      "Марат Ахметов <- Деньги уже выделены"]),
    ("full-stop-label-keeps-its-initials", Language.RU,
     "ИВАНОВ А. Б. Я против.\nПетрова В. Г. Я за.\nИВАНОВ А. Б. Остаюсь против.",
     ["Иванов А. Б. <- Я против", "Петрова В. Г. <- Я за"]),
    ("outlet-in-quotation-marks", Language.RU,
     "«Вечерний город»: Когда откроют мост?\nСеитов: Весной, если позволит погода.\n"
     "«Вечерний город»: А цены?\nСеитов: Останутся прежними.",
     ["Вечерний город <- Когда откроют мост", "Сеитов <- Весной", "Сеитов <- Останутся"]),
    ("question-field-of-a-header", Language.RU,
     "Заседание № 12\nВопрос:\nПроект закона о дорогах\nСтадия: второе чтение\n"
     "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Переходим к голосованию.\nИВАНОВ А. Б. Я против.",
     ["- <- Проект закона о дорогах", "Председательствующий <- Переходим к голосованию",
      "Иванов А. Б. <- Я против"]),
    ("question-label-of-a-briefing", Language.EN,
     "MR PRICE: Hello.\nQUESTION: Hello.\nMR PRICE: Good afternoon.",
     ["Question <- Hello.\nMR", "Price <- Good afternoon"]),
    ("full-stop-english-label", Language.EN,
     "Mr. CARTER. I yield the floor.\nMr. DIAZ. I thank the gentleman.",
     ["Carter <- I yield the floor", "Diaz <- I thank the gentleman"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), [c[1:] for c in STYLES],
                         ids=[c[0] for c in STYLES])
def test_label_styles(language: Language, text: str, expected: list[str]) -> None:
    check(text, expected, language)


def test_stage_directions_are_narration() -> None:
    text = ("ИВАНОВ: Предлагаю принять закон. (Аплодисменты.) Спасибо.\n"
            "ПЕТРОВ: Поддерживаю. [Смех в зале]")
    check(text, ["- <- Аплодисменты", "- <- Смех в зале", "Иванов <- Спасибо"])


def test_role_holder_named_in_label() -> None:
    text = ("ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Орлов С. П.): Начнем.\nКОЗЛОВА: Можно вопрос?\n"
            "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ: Пожалуйста.")
    attribution = check(text, ["Орлов С. П. <- Начнем", "Орлов С. П. <- Пожалуйста"])
    assert attribution.speakers[0].aliases == ("Председательствующий",)


def test_label_merged_with_full_name_in_lead() -> None:
    text = ("В студии Сергей Орлов и Нина Васильева.\nС. ОРЛОВ: Добрый вечер.\n"
            "Н. ВАСИЛЬЕВА: Здравствуйте.")
    names = [s.name for s in attribute(text).speakers]
    assert names == ["Сергей Орлов", "Нина Васильева"]


def test_single_label_is_not_a_transcript() -> None:
    text = "Итоги: бюджет принят. Депутаты разошлись."
    assert attribute(text).segments == ()


def test_interview_questions_and_answers() -> None:
    text = ("Директор музея Асель Каримова рассказала о планах на год.\n"
            "— Когда откроется новый зал?\n"
            "— Уже в марте. Мы покажем коллекцию ковров.\n"
            "— А сколько стоит билет?\n"
            "— Для школьников вход бесплатный.\n"
            "Беседовала Мария Лебедева")
    check(text, ["Мария Лебедева <- Когда откроется", "Асель Каримова <- Уже в марте",
                 "Мария Лебедева <- сколько стоит", "Асель Каримова <- Для школьников"])


def test_interview_without_named_interviewer() -> None:
    text = ("Эксперт Олег Смирнов ответил на вопросы.\n"
            "— Будут ли расти цены?\n— Незначительно.\n— Почему?\n— Курс стабилен.")
    check(text, ["Корреспондент <- Будут ли расти", "Олег Смирнов <- Незначительно"])


def test_same_surname_other_initials_are_two_people() -> None:
    text = ("ИВАНОВ А. Г. Предлагаю принять.\nИВАНОВ Б. Д. Я против.\n"
            "ИВАНОВ А. Г. Тогда голосуем.")
    attribution = check(text, ["Иванов А. Г. <- Предлагаю", "Иванов Б. Д. <- Я против",
                               "Иванов А. Г. <- Тогда голосуем"])
    assert len(attribution.speakers) == 2


def test_labelled_exchange_inside_a_news_story() -> None:
    text = ("Mayor Linda Park defended the budget on Sunday.\n"
            "Partial transcript as follows:\n"
            "HOST: Will taxes go up?\n"
            "PARK: Not this year. We found the savings elsewhere.\n"
            "HOST: And next year?\n"
            "PARK: That depends on the state.")
    attribution = check(text, ["Linda Park <- Not this year", "Linda Park <- depends on the state",
                               "Host <- Will taxes go up", "- <- Partial transcript"],
                        Language.EN)
    assert len(attribution.speakers) == 2
