"""Person names: finding them, their nominative form, gender and identity key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from speechsum.model import Gender
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import kk_lexicon as lexicon_kk
from speechsum.speakers.lang import ru_lexicon as lexicon_ru
from speechsum.speakers.lang.cyrillic_cases import (
    INITIAL,
    PATRONYMIC_KZ,
    STRONG_SURNAME_END,
    _caseless,
    _kazakh_inflected_surname,
    _looks_nominative,
    case_by_agreement,
)
from speechsum.speakers.morph import is_known, parses

# A stretch up to this long has its names remembered by its text (see find_mentions).
REMEMBERED = 256
TOKEN = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.(?=\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|[\s,:;)]|$)|"
                   r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Surname endings common in the region: Russian, Kazakh, Kyrgyz, Ukrainian, Georgian, Armenian.
SURNAME_END = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ой|ий|ская|цкая|кызы|қызы|улы|ұлы|уулу|кызы|"
    r"енко|ко|ук|юк|дзе|швили|ян|янц|вич|вна|бек|бай|баев|баева)$"
)
KAZAKH_LETTERS = re.compile("[әғқңөұүһі]")
# A capitalised word of two letters or more, not an initial (TOKEN's other words).
CAPITALISED = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+(?:[-'’][^\W\d_]+)*")
PLURAL_LOOKALIKE = re.compile(r"(?:ов|ев|ёв|ин|ын)$")
GRAMMEMES_NAME = {"Name", "Surn", "Patr"}
NOT_PERSON = {"Geox", "Orgn", "Trad", "Abbr"}


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=200_000)
def name_strength(word: str) -> int:
    """2: surely part of a name, 1: may be part of a name next to a sure one, 0: not a name."""
    low = word.lower()
    if not is_capitalised(word) or low in lexicon_ru.NOT_NAMES or low in lexicon_ru.TITLE_WORDS:
        return 0
    if KAZAKH_LETTERS.search(low) or low.endswith(("лер", "лар")):
        if lexicon_kk.is_title_word(word):
            return 0  # "Министрлер Үкімет кулуарында": Kazakh titles and institutions
    if INITIAL.fullmatch(word):
        return 1
    if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", word):
        return 0
    if PATRONYMIC_KZ.search(low) or _kazakh_inflected_surname(low):
        return 2
    found = parses(low)
    good = [p for p in found if p.score >= 0.05]
    tags = [p.grammemes for p in good]
    if any(GRAMMEMES_NAME & t for t in tags):
        return 2
    if re.search(r"[a-z]", low):
        # Latin names in Cyrillic text ("Smart", "Daryn AI") are brands more often than people.
        return 1
    known = is_known(low)
    if not known:
        pos = {str(p.pos) for p in good}
        # A Russian guess means nothing for a word with Kazakh letters ("Талғат").
        if pos & {"ADJF", "ADJS", "PRTF"} and not SURNAME_END.search(low) and not (
                KAZAKH_LETTERS.search(low)):
            return 0
        return 2 if SURNAME_END.search(low) else 1
    if any(NOT_PERSON & t for t in tags):
        return 0
    if _plural_only_surname(low):
        return 2
    if SURNAME_END.search(low) and any(p.pos == "NOUN" for p in good):
        return 1
    if re.search(r"(?:ов|ев|ёв|ин)(?:а|у|ым|ой|е)?$", low):
        # "Лоховым" is an adjective to the dictionary but a surname after "Эдуардом".
        return 1
    if any(p.pos == "NOUN" for p in good[:1]):
        # "Канат Абенов": a common noun ("канат", rope) can be a first name before a surname.
        return 1
    return 0


def word_gender(word: str) -> Gender:
    """Gender a name word shows by its ending; first names are not trusted (Kazakh "Жанар")."""
    low = word.lower()
    if re.search(r"(?:кызы|қызы|вна|чна)$", low):
        return Gender.FEMN
    if re.search(r"(?:улы|ұлы|уулу|вич|ов|ев|ёв|ин|ын|ский|цкий)$", low):
        return Gender.MASC
    if re.search(r"(?:ская|цкая)$", low):
        return Gender.FEMN
    if re.search(r"(?:ов|ев|ёв|ин|ын)ой$|(?:ск|цк)ой$", low):
        return Gender.FEMN  # "Нурлановой", "Ивановой": a woman's surname in an oblique case
    return Gender.UNKNOWN


@lru_cache(maxsize=200_000)
def surname_key(word: str) -> str:
    """Identity key of a surname: its masculine normal form (`Ускумбаевой` -> `ускумбаев`)."""
    low = word.lower().replace("ё", "е")
    if PATRONYMIC_KZ.search(low):
        return low
    for p in parses(low):
        if "Surn" in p.grammemes:
            return p.lemma.replace("ё", "е")
    m = re.fullmatch(r"(.+(?:ов|ев|ин|ын))(?:а|ой|у|ым|ом|е|ых)?", low)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(.+)(?:ского|скому|ским|ском|ская|ской|скую)", low)
    if m:
        return m.group(1) + "ский"
    return low


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Person names in `text[start:end]`, as runs of capitalised name-like tokens.

    They depend on the stretch's characters alone, so a short stretch is read once per
    distinct text and its names moved to where it stands: a transcript's labels
    ("ИВАНОВ:") and a report's recurring lines come again and again."""
    end = len(text) if end is None else end
    if end - start > REMEMBERED:
        return find_mentions_in(text, start, end)
    return [Mention(start + m.start, start + m.end, m.text, m.words, m.key, m.gender,
                    m.nominative) for m in _stretch_mentions(text[start:end])]


@lru_cache(maxsize=8192)
def _stretch_mentions(stretch: str) -> tuple[Mention, ...]:
    return tuple(find_mentions_in(stretch, 0, len(stretch)))


def find_mentions_in(text: str, start: int, end: int) -> list[Mention]:
    """`find_mentions` read afresh (nothing outside text[start:end] is looked at)."""
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j - i < 6:
            if j > i and text[tokens[j - 1][1] : tokens[j][0]].strip():
                break
            if name_strength(_caseless(tokens[j][2])) == 0:
                break
            j += 1
        if j == i:
            i += 1
            continue
        found: list[Mention] = []
        run = tokens[i:j]
        while run:
            last = _last_name_in_run(run)
            words = [w for _, _, w in last]
            if _valid_run(words):
                found.append(_mention(text, last[0][0], last[-1][1], tuple(words)))
            elif len(last) == len(run):
                # "Докладчик Петров": no name with the word before, but maybe without it.
                run = run[1:] if len(run) == 2 and _valid_run([run[1][2]]) else []
                continue
            run = run[: len(run) - len(last)]
        mentions.extend(reversed(found))
        i = j
    return mentions


def lone_surnames(text: str, start: int, end: int, found: Sequence[Mention],
                  known: set[str]) -> list[Mention]:
    """Capitalised words in text[start:end] outside the names found there whose surname key
    is one of `known` ("Квирия отметил" after "Отар Квирия")."""
    taken = sorted((m.start, m.end) for m in found)
    more = []
    k = 0
    for t in CAPITALISED.finditer(text, start, end):
        while k < len(taken) and taken[k][1] <= t.start():
            k += 1  # the names before this word: passed once, in order
        if k < len(taken) and taken[k][0] <= t.start():
            continue  # inside a name found there
        word = t.group()
        if surname_key(_caseless(word)) in known:
            more.append(_mention(text, t.start(), t.end(), (word,)))
    return more


def closing_name(text: str, start: int, end: int) -> Mention | None:
    """Capitalised words ending a reporting clause ("- деді Айдос Сарым.", "- сказал
    Асетов."), a name even when the dictionary knows neither word or knows the surname as
    something else ("асетов"): a cue names its speaker last. One word must end as surnames
    do."""
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    if not 1 <= len(tokens) <= 3 or text[tokens[-1][1] : end].strip(" .!?…\n") or any(
            text[a[1] : b[0]].strip() for a, b in zip(tokens, tokens[1:], strict=False)):
        return None
    words = tuple(w for _, _, w in tokens)
    plain = [w for w in words if not INITIAL.fullmatch(w)]
    if len(plain) == 1 and not _lone_name(_caseless(plain[0])):
        return None
    if not plain or any(
        w.isupper() or not is_capitalised(w) or w.lower() in lexicon_ru.NOT_NAMES
        or w.lower() in lexicon_ru.TITLE_WORDS or _known_non_noun(w.lower()) for w in plain
    ) or not any(name_strength(_caseless(w)) for w in plain):
        return None
    return _mention(text, tokens[0][0], tokens[-1][1], words)


def _lone_name(word: str) -> bool:
    """One word that names a person alone: a surname by its ending ("Асетов"), a first name
    the dictionary knows ("Айнур"), or a Kazakh name ("Айнұр")."""
    low = word.lower()
    found = parses(low)
    if found and NOT_PERSON & found[0].grammemes:
        return False  # "Астана", "Алматы": the likeliest reading is a place
    if STRONG_SURNAME_END.search(low) or PATRONYMIC_KZ.search(low):
        return True
    if any("Name" in p.grammemes for p in found if p.score >= 0.1):
        return True
    return bool(KAZAKH_LETTERS.search(low)) and name_strength(word) >= 1


def _known_non_noun(low: str) -> bool:
    """A dictionary word whose likeliest reading is not a noun ("Новый")."""
    found = parses(low)
    return is_known(low) and bool(found) and found[0].pos != "NOUN"


def _last_name_in_run(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The last person's name in a run of capitalised words: [first] [patronymic] surname,
    or initials + surname; "Жогорку Кенеша Аида Касымалиева" -> "Аида Касымалиева"."""
    plain = [t for t in run if not INITIAL.fullmatch(t[2])]
    if len(run) == 2 and len(plain) == 2 and _two_people(plain[0][2], plain[1][2]):
        return run[1:]  # "отчитал Жамгырчиев Сейитова": the subject, then the object
    if len(plain) <= 2 or len(plain) < len(run) and len(plain) <= 2:
        return run
    k = len(run) - 1
    # Trailing initials: "Павлов Н. А."
    while k > 0 and INITIAL.fullmatch(run[k][2]):
        k -= 1
    start = k
    if start > 0 and _is_patronymic(run[start - 1][2]):
        start -= 1
    if start > 0 and INITIAL.fullmatch(run[start - 1][2]):
        while start > 0 and INITIAL.fullmatch(run[start - 1][2]):
            start -= 1
        return run[start:]
    if start > 0 and _is_first_name(run[start - 1][2], run[k][2]):
        start -= 1
    return run[start:]


def _two_people(first: str, second: str) -> bool:
    """Two surnames side by side that agree in no case: two people, not one name."""
    a, b = _caseless(first).lower(), _caseless(second).lower()
    return bool(STRONG_SURNAME_END.search(a) and STRONG_SURNAME_END.search(b)) and not any(
        "Name" in p.grammemes for p in parses(a)) and case_by_agreement((first, second)) is None


def _is_first_name(word: str, surname: str) -> bool:
    low = _caseless(word).lower()
    if SURNAME_END.search(low) and is_known(low) is False:
        # "Бактыбек Рысалиев": a word ending as some surnames do ("-бек", "-бай"), but not as
        # the surname after it clearly does, is a first name before it.
        return not STRONG_SURNAME_END.search(low) and bool(
            STRONG_SURNAME_END.search(_caseless(surname).lower()))
    if any("Name" in p.grammemes for p in parses(low) if p.score >= 0.05) or not is_known(low):
        return True
    # A capitalised common noun before a clear surname: "Канат Абенов"; but a noun of a
    # person is their description, no first name ("Докладчик Петров", "Пенсионерка Иванова").
    if all("anim" in p.grammemes for p in parses(low) if p.pos == "NOUN" and p.score >= 0.05):
        return False
    return name_strength(_caseless(word)) >= 1 and bool(
        STRONG_SURNAME_END.search(_caseless(surname).lower()) or PATRONYMIC_KZ.search(surname))


def _is_patronymic(word: str) -> bool:
    low = _caseless(word).lower()
    return bool(re.search(r"(?:вич|вна|чна|ича|вны|вичу|вне)$", low)) or any(
        "Patr" in p.grammemes for p in parses(low) if p.score >= 0.1)


def has_patronymic_reading(word: str) -> bool:
    """"Винцентасович": the dictionary reads the word as a patronymic."""
    return any("Patr" in p.grammemes for p in parses(_caseless(word).lower()))


def _valid_run(words: list[str]) -> bool:
    plain = [w for w in words if not INITIAL.fullmatch(w)]
    strong = [w for w in plain if name_strength(_caseless(w)) == 2]
    if len(plain) == 2 and len(strong) == 1 and name_strength(_caseless(plain[0])) == 1 and not (
            _is_first_name(plain[0], plain[1])):
        return False
    if plain and len(words) > len(plain) and INITIAL.fullmatch(words[0]):
        return True  # "С.ВАРШАВЧИК": initials make any capitalised word a surname
    return bool(plain) and bool(strong) and (
        len(plain) >= 2 or len(words) > len(plain) or _is_surname_like(plain[-1]))


def _plural_only_surname(low: str) -> bool:
    """"Бекназаров", "Сабитов": a surname made from a first name, which the dictionary reads
    only as that name's plural genitive ("Бекназар", "Сабит")."""
    found = parses(low)
    return bool(found) and bool(PLURAL_LOOKALIKE.search(low)) and all(
        p.number == "plur" for p in found) and any(p.is_name for p in found)


def _is_surname_like(word: str) -> bool:
    low = _caseless(word).lower()
    if PATRONYMIC_KZ.search(low) or SURNAME_END.search(low) and not is_known(low):
        return True
    if _plural_only_surname(low):
        return True
    if _kazakh_inflected_surname(low):
        return True
    return any("Surn" in p.grammemes for p in parses(low) if p.score >= 0.1)


def _mention(text: str, start: int, end: int, words: tuple[str, ...]) -> Mention:
    plain = [w for w in words if not INITIAL.fullmatch(w)]
    surname = _pick_surname(plain)
    gender = Gender.UNKNOWN
    for w in plain:
        g = word_gender(_caseless(w))
        if g is not Gender.UNKNOWN:
            gender = g
            break
    return Mention(start, end, text[start:end], words, surname_key(_caseless(surname)), gender,
                   nominative=_looks_nominative(plain))


def _pick_surname(plain: list[str]) -> str:
    """The surname among the words: a Kazakh patronymic surname, a Russian surname ending,
    else the last word ("Саматбек Ибраев", "Жанар Нурмурадкызы", "Луца Константин")."""
    if len(plain) == 1:
        return plain[0]
    for w in plain:
        if PATRONYMIC_KZ.search(_caseless(w).lower()):
            return w
    for w in reversed(plain):
        if STRONG_SURNAME_END.search(_caseless(w).lower()) and not _is_patronymic(w):
            return w
    return plain[-1]
