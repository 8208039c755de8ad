"""A synthetic Russian stenogram of any size, written for this project's benchmarks.

    python benchmarks/stenogram.py 1000000 > big.txt            # ~1 MB, 30 speakers
    python benchmarks/stenogram.py 1000000 --speakers 1 > one.txt
    python benchmarks/stenogram.py 4000000 --sessions 4 > four.txt     # 4 x 30 speakers

Every paragraph opens with a label "ФАМИЛИЯ И. О.:"; the chair (the first speaker) says about
30% of the sentences in short turns between the members' longer ones. Sentences are drawn
from the phrase lists below with a seeded generator, so a size always gives the same text.
The words are ours; the names are invented.
"""

from __future__ import annotations

import argparse
import random
import sys

SURNAMES = """
    ИВАНОВ ПЕТРОВА СИДОРОВ КУЗНЕЦОВА СМИРНОВ ПОПОВА ВАСИЛЬЕВ СОКОЛОВА МИХАЙЛОВ НОВИКОВА
    ФЁДОРОВ МОРОЗОВА ВОЛКОВ АЛЕКСЕЕВА ЛЕБЕДЕВ СЕМЁНОВА ЕГОРОВ ПАВЛОВА КОЗЛОВ СТЕПАНОВА
    НИКОЛАЕВ ОРЛОВА АНДРЕЕВ МАКАРОВА ЗАХАРОВ ЗАЙЦЕВА СОЛОВЬЁВ БОРИСОВА ЯКОВЛЕВ ГРИГОРЬЕВА
    РОМАНОВ ВОРОБЬЁВА СЕРГЕЕВ КУЗЬМИНА ФРОЛОВ АЛЕКСАНДРОВА ДМИТРИЕВ КОРОЛЁВА ГУСЕВ КИСЕЛЁВА
""".split()
INITIALS = "АБВГДЕИКЛМНОПРСТФЭЮЯ"


def phrases(text: str) -> list[str]:
    """The phrases of a "|"-separated list that runs over several lines."""
    return [phrase.strip() for phrase in " ".join(text.split()).split("|")]


SUBJECTS = phrases(
    """
    Управление образования|Наш департамент|Рабочая группа|Городской акимат|Министерство
    финансов|Комиссия по бюджету|Районная администрация|Отдел строительства|Фонд развития|
    Управление здравоохранения|Депутатский корпус|Профильный комитет|Подрядная организация|
    Областной совет|Служба занятости|Отдел сельского хозяйства|Аппарат правительства|
    Счётная палата|Управление энергетики|Попечительский совет|Каждый район|Наш округ|
    Отраслевая ассоциация|Жилищная инспекция|Транспортная компания|Экспертный совет
"""
)
VERBS = phrases(
    """
    готовит|рассматривает|утверждает|поддерживает|предлагает изменить|завершает|проверяет|
    направляет на согласование|обсуждает|планирует увеличить|сокращает|пересматривает|
    обеспечивает|согласовывает|выносит на рассмотрение|представляет|дополняет|уточняет|
    продлевает|просит сохранить|намерен ускорить|берёт под контроль|финансирует|
    перераспределяет|откладывает|ускоряет
"""
)
OBJECTS = phrases(
    """
    проект бюджета на следующий год|план ремонта дорог|программу поддержки малого бизнеса|
    строительство новой школы|расходы на отопительный сезон|тарифы на водоснабжение|
    закупку школьных автобусов|порядок выдачи субсидий|график ремонта теплосетей|
    реконструкцию районной больницы|меры поддержки фермеров|стандарты благоустройства дворов|
    программу переселения из аварийного жилья|обновление парка скорой помощи|
    капитальный ремонт поликлиник|подготовку к паводкам|штатное расписание управления|
    нормативы содержания детских садов|выплаты молодым специалистам|ремонт сельских клубов|
    газификацию отдалённых посёлков|строительство очистных сооружений|
    маршруты общественного транспорта|кредитование сельхозпроизводителей|
    переподготовку безработных граждан|освещение улиц в микрорайонах|
    цифровизацию государственных услуг|обеспечение сёл питьевой водой|
    поддержку многодетных семей|ремонт спортивных площадок|закупку медицинского оборудования
"""
)
CIRCUMSTANCES = phrases(
    """
    до конца квартала|в первом полугодии|с учётом замечаний депутатов|по итогам проверки|
    в пределах выделенных средств|за счёт местного бюджета|совместно с областью|
    после общественных слушаний|в течение месяца|по поручению главы региона|
    на основании обращений жителей|без привлечения заёмных средств|в три этапа|
    к началу учебного года|по итогам прошлого года|в рамках национального проекта
"""
)
FIGURES = phrases(
    """
    на двенадцать процентов|почти вдвое|на три миллиарда тенге|на сорок объектов|
    на пятнадцать километров|на сто двадцать мест|на семь процентов|на четверть
"""
)
CHAIR_LINES = phrases(
    """
    Спасибо.|Коллеги, есть вопросы к докладчику?|Переходим к следующему вопросу.|
    Прошу голосовать.|Решение принято.|Слово предоставляется следующему выступающему.|
    Давайте соблюдать регламент.|Прошу включить микрофон.|Есть ли другие предложения?|
    Ставлю вопрос на голосование.|Прошу подготовить справку к следующему заседанию.|
    Благодарю за доклад.|Коллеги, прошу занять места.|Вопрос снимается с повестки.
"""
)
REMARKS = phrases(
    """
    Это важный вопрос.|Работа продолжается.|Средства уже выделены.|Сроки не сорваны.|
    Мы готовы ответить на вопросы.|Жители это поддерживают.|Замечания учтены.|
    Проблема остаётся острой.|Здесь нужна помощь области.|Цифры приведены в справке.|
    Об этом говорили на прошлом заседании.|Конкурс уже объявлен.|Объект сдан в срок.
    """
)


def sentence(rng: random.Random) -> str:
    """One sentence made of a subject, a verb phrase, an object and maybe details."""
    if rng.random() < 0.3:
        return rng.choice(REMARKS)
    words = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    roll = rng.random()
    if roll < 0.2:
        words.append(rng.choice(CIRCUMSTANCES))
    elif roll < 0.3:
        words.append(rng.choice(FIGURES))
    elif roll < 0.33:
        words.append("и " + rng.choice(OBJECTS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + ("?" if rng.random() < 0.05 else ".")


def chair_sentence(rng: random.Random) -> str:
    """A chair's procedural line, or a substantive sentence now and then."""
    return rng.choice(CHAIR_LINES) if rng.random() < 0.85 else sentence(rng)


def labels(count: int, rng: random.Random) -> list[str]:
    """`count` distinct "ФАМИЛИЯ И. О.:" labels in random order."""
    surnames = rng.sample(SURNAMES, min(count, len(SURNAMES)))
    # More speakers than surnames: double-barrelled ones ("ИВАНОВ-ПЕТРОВА").
    pairs = [f"{a}-{b}" for a in SURNAMES for b in SURNAMES if a != b]
    surnames += rng.sample(pairs, count - len(surnames))
    return [f"{name} {rng.choice(INITIALS)}. {rng.choice(INITIALS)}.:" for name in surnames]


def generate(size: int, speakers: int = 30, seed: int = 7, sessions: int = 1) -> str:
    """A stenogram of about `size` UTF-8 bytes.

    Each of `sessions` sittings has its own chair and members (`speakers` people in all, the
    chair first); with speakers == 1 one person says everything.
    """
    rng = random.Random(seed)
    names = labels(speakers * sessions, rng)
    lines = ["СТЕНОГРАММА", "заседания городского совета по вопросам бюджета", ""]
    used = sum(len(line.encode("utf-8")) + 1 for line in lines)
    for session in range(sessions):
        people = names[session * speakers : (session + 1) * speakers]
        goal = size * (session + 1) // sessions
        turn = 0
        while used < goal:
            if speakers == 1:
                label, count, say = people[0], rng.randint(3, 11), sentence
            elif turn % 2 == 0:
                label, count, say = people[0], rng.randint(1, 5), chair_sentence
            else:
                label, count, say = rng.choice(people[1:]), rng.randint(3, 11), sentence
            paragraph = label + " " + " ".join(say(rng) for _ in range(count))
            lines.append(paragraph)
            lines.append("")
            used += len(paragraph.encode("utf-8")) + 2
            turn += 1
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="about this many UTF-8 bytes")
    parser.add_argument("--speakers", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--sessions", type=int, default=1, help="sittings, each with its own people"
    )
    args = parser.parse_args()
    text = generate(args.size, args.speakers, args.seed, args.sessions)
    sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
