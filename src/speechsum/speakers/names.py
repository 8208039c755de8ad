"""Person names: finding them, their nominative form, gender and identity key.

The only module that talks to pymorphy3; every call goes through the cached adapter below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from speechsum.model import Gender
from speechsum.speakers import lexicon_ru

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# "Д." or "Д.А." glued to a surname ("Д.Медведев") or spaced ("Д. Ускумбаева").
INITIAL = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.")
TOKEN = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.(?=\s?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Surname endings common in the region: Russian, Kazakh, Kyrgyz, Ukrainian, Georgian, Armenian.
SURNAME_END = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ой|ий|ская|цкая|кызы|қызы|улы|ұлы|уулу|кызы|"
    r"енко|ко|ук|юк|дзе|швили|ян|янц|вич|вна|бек|бай|баев|баева)$"
)
PATRONYMIC_KZ = re.compile(r"(?:кызы|қызы|улы|ұлы|уулу)$")
GRAMMEMES_NAME = {"Name", "Surn", "Patr"}
NOT_PERSON = {"Geox", "Orgn", "Trad", "Abbr"}


@dataclass(frozen=True)
class Mention:
    """A person's name as written at some place in the text."""

    start: int
    end: int
    text: str
    words: tuple[str, ...]
    key: str
    gender: Gender
    nominative: bool


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3 parses of a lower-cased word (cached)."""
    return tuple(_analyzer().parse(word))


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    return bool(_analyzer().word_is_known(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of a word."""
    found = parses(word.lower())
    return str(found[0].normal_form) if found else word.lower()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """All normal forms the analyser offers for a word."""
    return frozenset(str(p.normal_form) for p in parses(word.lower()))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=200_000)
def name_strength(word: str) -> int:
    """2: surely part of a name, 1: may be part of a name next to a sure one, 0: not a name."""
    low = word.lower()
    if not is_capitalised(word) or low in lexicon_ru.NOT_NAMES or low in lexicon_ru.TITLE_WORDS:
        return 0
    if INITIAL.fullmatch(word):
        return 1
    if not re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", word):
        return 0
    if PATRONYMIC_KZ.search(low):
        return 2
    found = parses(low)
    good = [p for p in found if p.score >= 0.05]
    tags = [set(str(p.tag).replace(" ", ",").split(",")) for p in good]
    if any(GRAMMEMES_NAME & t for t in tags):
        if any("Surn" in t or "Patr" in t for t in tags) or is_known(low):
            return 2
        return 2
    if re.search(r"[a-z]", low):
        # Latin names in Cyrillic text ("Smart", "Daryn AI") are brands more often than people.
        return 1 if SURNAME_END.search(low) is None else 1
    known = is_known(low)
    if not known:
        pos = {str(p.tag.POS) for p in good}
        if pos & {"ADJF", "ADJS", "PRTF"} and not SURNAME_END.search(low):
            return 0
        return 2 if SURNAME_END.search(low) else 1
    if any(NOT_PERSON & t for t in tags):
        return 0
    if SURNAME_END.search(low) and any(p.tag.POS == "NOUN" for p in good):
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
    return Gender.UNKNOWN


def surname_key(word: str) -> str:
    """Identity key of a surname: its masculine normal form (`Ускумбаевой` -> `ускумбаев`)."""
    low = word.lower().replace("ё", "е")
    if PATRONYMIC_KZ.search(low):
        return low
    for p in parses(low):
        tag = str(p.tag)
        if "Surn" in tag:
            return str(p.normal_form).replace("ё", "е")
    m = re.fullmatch(r"(.+(?:ов|ев|ин|ын))(?:а|ой|у|ым|ом|е|ых)?", low)
    if m:
        return m.group(1)
    m = re.fullmatch(r"(.+)(?:ского|скому|ским|ском|ская|ской|скую)", low)
    if m:
        return m.group(1) + "ский"
    return low


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Person names in `text[start:end]`, as runs of capitalised name-like tokens."""
    end = len(text) if end is None else end
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        run: list[tuple[int, int, str]] = []
        j = i
        while j < len(tokens) and len(run) < 4:
            s, e, w = tokens[j]
            if run and (text[run[-1][1] : s].strip() not in ("",)):
                break
            if name_strength(_caseless(w)) == 0:
                break
            run.append(tokens[j])
            j += 1
        words = [w for _, _, w in run]
        strong = [w for w in words if not INITIAL.fullmatch(w) and name_strength(_caseless(w)) == 2]
        plain = [w for w in words if not INITIAL.fullmatch(w)]
        ok = bool(plain) and (strong and (len(plain) >= 2 or len(words) > len(plain)
                                          or _is_surname_like(plain[-1])))
        if run and ok:
            # Trailing initials belong to the name too: "Павлов Н. А."
            s0, e0 = run[0][0], run[-1][1]
            mentions.append(_mention(text, s0, e0, tuple(words)))
            i = j
        else:
            i += 1
    return mentions


def _caseless(word: str) -> str:
    """ALL-CAPS surnames ("КАДЫРОВА") are analysed title-cased."""
    if len(word) > 2 and word.isupper():
        return word[0] + word[1:].lower()
    return word


def _is_surname_like(word: str) -> bool:
    low = _caseless(word).lower()
    if PATRONYMIC_KZ.search(low) or SURNAME_END.search(low) and not is_known(low):
        return True
    return any("Surn" in str(p.tag) for p in parses(low) if p.score >= 0.1)


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
    """The surname among the words: the one tagged Surn or with a surname ending, else the last."""
    if len(plain) == 1:
        return plain[0]
    for w in plain:
        low = _caseless(w).lower()
        if PATRONYMIC_KZ.search(low):
            return w
    for w in reversed(plain):
        low = _caseless(w).lower()
        if any("Surn" in str(p.tag) for p in parses(low) if p.score >= 0.1):
            return w
    # "Павлов Николай" is rarer than "Николай Павлов": take the last word.
    if any("Name" in str(p.tag) for p in parses(_caseless(plain[-1]).lower())) and (
        SURNAME_END.search(_caseless(plain[0]).lower())
    ):
        return plain[0]
    return plain[-1]


def _looks_nominative(plain: list[str]) -> bool:
    if not plain:
        return False
    w = _caseless(plain[-1]).lower()
    found = [p for p in parses(w) if p.score >= 0.05]
    if not found or not is_known(w) and not any(GRAMMEMES_NAME & set(
            str(p.tag).replace(" ", ",").split(",")) for p in found):
        return True
    return any(p.tag.case == "nomn" for p in found)


@lru_cache(maxsize=50_000)
def inflect_word(word: str, case: str, gender: str) -> str:
    """One name word in the given case and gender, keeping its capitalisation."""
    low = _caseless(word).lower()
    if INITIAL.fullmatch(word) or PATRONYMIC_KZ.search(low):
        return word
    for p in parses(low):
        tags = set(str(p.tag).replace(" ", ",").split(","))
        if not GRAMMEMES_NAME & tags or p.tag.case != case:
            continue
        if gender in ("masc", "femn") and p.tag.gender not in (gender, "ms-f", None):
            continue
        target = {"nomn"} if not gender or gender == "unknown" else {"nomn", gender}
        form = p.inflect(target) or p.inflect({"nomn"})
        if form is not None:
            return _restore_case(word, str(form.word))
    return word


def _restore_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 2:
        return new[:1].upper() + new[1:]
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def display_name(words: tuple[str, ...]) -> str:
    """A name as shown: ALL-CAPS words in title case, initials glued as written."""
    out: list[str] = []
    for w in words:
        if len(w) > 2 and w.isupper():
            w = "-".join(part[:1] + part[1:].lower() for part in w.split("-"))
        out.append(w)
    return " ".join(out)


def nominative_words(words: tuple[str, ...], case: str, gender: Gender) -> tuple[str, ...]:
    """The name words put in the nominative (`Малика Отарбаева`, gent, masc -> `Малик Отарбаев`)."""
    if case == "nomn":
        return words
    return tuple(inflect_word(w, case, gender.value) for w in words)


def case_of_preceding(text: str, start: int) -> tuple[str | None, Gender]:
    """Case and gender of the title noun right before a name ("советника Малика" -> gent, masc)."""
    before = text[max(0, start - 60) : start]
    words = WORD.findall(before)
    for w in reversed(words[-3:]):
        low = w.lower()
        for p in parses(low):
            if p.tag.POS == "NOUN" and "anim" in str(p.tag) and p.score >= 0.2:
                g = {"masc": Gender.MASC, "femn": Gender.FEMN}.get(str(p.tag.gender), Gender.UNKNOWN)
                return (str(p.tag.case), g)
        if w[:1].isupper():
            continue
        break
    return None, Gender.UNKNOWN
