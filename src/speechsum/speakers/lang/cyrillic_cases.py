"""Cases of person names: the nominative of an inflected name, the case and gender its words
agree in, and the case a preceding word governs ("по словам Ивановой" -> Иванова)."""

from __future__ import annotations

import re
from functools import lru_cache

from speechsum.model import Gender
from speechsum.speakers.morph import inflect, is_known, parses

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# "Д." or "Д.А." glued to a surname ("Д.Медведев") or spaced ("Д. Ускумбаева").
INITIAL = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.")
PATRONYMIC_KZ = re.compile(r"(?:кызы|қызы|улы|ұлы|уулу)$")

STRONG_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|"
                                r"дзе|швили|ян|янц|ову|ева|овым|евым|ым|овой|евой)$")


def _caseless(word: str) -> str:
    """ALL-CAPS surnames ("КАДЫРОВА") are analysed title-cased."""
    if len(word) > 2 and word.isupper():
        return word[0] + word[1:].lower()
    return word


KZ_CASE_END = re.compile(r"(?:тың|тің|дың|дің|ның|нің|ға|ге|қа|ке|ды|ді|ты|ті|ны|ні|мен|бен|пен|"
                         r"дан|ден|тан|тен|нан|нен|да|де|та|те|нда|нде)$")


KZ_NAME_CASE = re.compile(r"(?<=ов|ев|ин|ва|на|ай|ек|лы|зы)(?:тың|тің|дың|дің|ның|нің|ға|ге|"
                          r"қа|ке|ны|ні|ды|ді|ты|ті|мен|бен|пен|дан|ден|тан|тен|нан|нен|да|де|"
                          r"та|те|нда|нде|ға|ке)$")


# "Айтбайұлы" and "Нұрланқызы" end in the possessive, so their cases go on with "-н":
# "Айтбайұлын", "Нұрланқызына", "Айтбайұлының".
KZ_PATRONYMIC_CASE = re.compile(
    r"(?:(?<=ұлы)|(?<=улы)|(?<=қызы)|(?<=кызы))(?:ның|нан|нда|на|мен|н)$")


def kazakh_nominative(word: str) -> str:
    """A Kazakh surname without its case ending: "Бишімбаевтың" -> "Бишімбаев",
    "Айтбайұлын" -> "Айтбайұлы"."""
    bare = KZ_PATRONYMIC_CASE.sub("", word)
    return bare if bare != word else KZ_NAME_CASE.sub("", word)


def _kazakh_inflected_surname(low: str) -> bool:
    """A surname with a Kazakh case ending, as Kazakh writes "Сейітованың", "Нұрланқызына":
    without the ending it is a patronymic surname or ends as surnames do. Words the Russian
    dictionary knows are left alone ("Линда")."""
    bare = kazakh_nominative(low)
    return bare != low and len(bare) > 3 and bool(
        PATRONYMIC_KZ.search(bare) or STRONG_SURNAME_END.search(bare)) and not is_known(low)


def stem_key(key: str) -> str:
    """A looser key to merge inflected forms: "караника" and "караник" share "караник"."""
    k = KZ_PATRONYMIC_CASE.sub("", key)
    k = KZ_CASE_END.sub("", k) if len(k) > 6 and k == key else k
    k = re.sub(r"(?:ом|ым|ем|ой|ей|у|ю|е|а|я|ы|и)$", "", k) if len(k) > 4 else k
    return k


NOMINATIVE_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|кызы|қызы|"
                            r"улы|ұлы|уулу|вич|вна|ко|дзе|швили|ян)$")
OBLIQUE_END = re.compile(r"(?:ову|еву|ину|ыну|овым|евым|иным|овой|евой|иной|ове|еве|ине|ого|ому|"
                         r"ским|ском|ской|скую|ых|ыми|тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|ға|"
                         r"ына|іне|ды|ді|ны|ні|тан|тен|дан|ден|нан|нен)$")


def _looks_nominative(plain: list[str]) -> bool:
    """Whether a name can be in the nominative: surname endings first, then the analyser."""
    if not plain:
        return False
    if len(plain) >= 2:
        # "Адильбека КАДЫРОВА": a first name that cannot be nominative decides.
        low = _caseless(plain[0]).lower()
        # Guesses for words the dictionary does not know ("Мәулен") decide nothing.
        first = [p for p in parses(low) if "Name" in p.grammemes] if is_known(low) else []
        if first and not any(p.case == "nomn" for p in first):
            return False
    w = _caseless(plain[-1]).lower()
    if KZ_PATRONYMIC_CASE.search(w):
        return False  # "Ахметұлын", "Нұрланқызына": a Kazakh patronymic with its case
    if NOMINATIVE_END.search(w):
        return True
    if OBLIQUE_END.search(w):
        return False
    found = [p for p in parses(w) if p.score >= 0.05]
    if not found or not is_known(w):
        return True
    return any(p.case == "nomn" for p in found)


@lru_cache(maxsize=50_000)
def inflect_word(word: str, case: str, gender: str) -> str:
    """One name word in the given case and gender, keeping its capitalisation."""
    low = _caseless(word).lower()
    if INITIAL.fullmatch(word) or PATRONYMIC_KZ.search(low):
        return word
    # Declinable readings first: "Анне" is also the indeclinable "Anne".
    for p in sorted(parses(low), key=lambda p: "Fixd" in p.grammemes):
        if not p.is_name or p.case != case:
            continue
        if gender in ("masc", "femn") and p.gender not in (gender, "ms-f", None):
            continue
        target = {"nomn"} if not gender or gender == "unknown" else {"nomn", gender}
        form = inflect(p, frozenset(target)) or inflect(p, frozenset({"nomn"}))
        if form is not None:
            return _restore_case(word, form)
    return _restore_case(word, _surname_nominative(low, gender))


SURNAME_CASES = (
    # masculine oblique forms of -ов/-ев/-ин surnames: "Лоховым", "Лохову", "Лохове"
    (re.compile(r"(.+(?:ов|ев|ёв|ин|ын))(?:ым|у|е|ом)$"), r"\1", "masc"),
    (re.compile(r"(.+(?:ов|ев|ёв|ин|ын))а$"), r"\1", "masc"),
    # feminine: "Петровой" -> "Петрова"
    (re.compile(r"(.+(?:ов|ев|ёв|ин|ын))(?:ой|ую)$"), r"\1а", "femn"),
    (re.compile(r"(.+)(?:ского|скому|ским|ском)$"), r"\1ский", "masc"),
    (re.compile(r"(.+)(?:ской|скую)$"), r"\1ская", "femn"),
)


def _surname_nominative(low: str, gender: str) -> str:
    """Nominative of a surname the dictionary does not know, by its ending."""
    for pattern, repl, g in SURNAME_CASES:
        if pattern.fullmatch(low) and (gender in ("", "unknown", g) or g == "femn"):
            return pattern.sub(repl, low)
    return low


def _restore_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 2:
        return new[:1].upper() + new[1:]
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


CASE_ORDER = ("gent", "datv", "ablt", "loct", "accs")


def case_by_agreement(words: tuple[str, ...]) -> tuple[str, Gender] | None:
    """The oblique case all name words agree on ("Анне Викторовне Петровой" -> datv, femn);
    None when the nominative is possible or the words do not tell."""
    common: set[tuple[str, str]] | None = None
    for w in words:
        if INITIAL.fullmatch(w):
            continue
        forms = {(str(p.case), str(p.gender)) for p in parses(_caseless(w).lower()) if p.is_name}
        if not forms:
            continue
        common = forms if common is None else common & forms
    if not common or any(case == "nomn" for case, _ in common):
        return None
    case, gender = min(common, key=lambda cg: CASE_ORDER.index(cg[0])
                       if cg[0] in CASE_ORDER else len(CASE_ORDER))
    return case, {"masc": Gender.MASC, "femn": Gender.FEMN}.get(gender, Gender.UNKNOWN)


def can_be(words: tuple[str, ...], case: str) -> bool:
    """Every name word the dictionary knows has a reading in this case (a surname that ends
    as nominatives do can always be one: "Садыков" is no genitive plural here). Beside a
    feminine surname in the nominative, a first name in "-а" is one too, though the
    dictionary knows only the man's name it would be the genitive of ("Надира Нарматова")."""
    feminine = case == "nomn" and len(words) > 1 and any(
        p.case == "nomn" and p.gender == "femn" and "Surn" in p.grammemes
        for p in parses(_caseless(words[-1]).lower()))
    for w in words:
        low = _caseless(w).lower()
        if case == "nomn" and (NOMINATIVE_END.search(low) or feminine and low.endswith(("а", "я"))):
            continue
        found = [p for p in parses(low) if p.is_name]
        if found and not any(p.case == case for p in found):
            return False
    return True


def gender_in_case(words: tuple[str, ...], case: str) -> Gender:
    """The gender every name word the dictionary knows agrees on in this case
    ("Бигельды Габдуллина", gent -> masc: "Габдуллина" is a man's genitive)."""
    common = {"masc", "femn"}
    for w in words:
        found = {str(p.gender) for p in parses(_caseless(w).lower())
                 if p.is_name and p.case == case}
        if "ms-f" in found or "None" in found:
            found |= {"masc", "femn"}
        if found:
            common &= found
    if len(common) != 1:
        return Gender.UNKNOWN
    return Gender.MASC if common == {"masc"} else Gender.FEMN


def display_name(words: tuple[str, ...]) -> str:
    """A name as shown: ALL-CAPS words in title case, initials glued as written."""
    out: list[str] = []
    for w in words:
        if len(w) > 2 and w.isupper():
            w = "-".join(part[:1] + part[1:].lower() for part in w.split("-"))
        out.append(w)
    return " ".join(out)


def nominative_words(words: tuple[str, ...], case: str, gender: Gender) -> tuple[str, ...]:
    """The name words put in the nominative (`Малика Отарбаева`, gent, masc -> `Малик Отарбаев`;
    a woman's first name the dictionary knows no name in, by its ending: `Чинаре` -> `Чинара`)."""
    if case == "nomn":
        return words
    out = [inflect_word(w, case, gender.value) for w in words]
    # A first name ending in "-е" is a dative or locative whatever case the title before
    # suggests ("адвокату подсудимой Чинаре Джакупбековой").
    if gender is Gender.FEMN or words[-1].lower().endswith("ой"):
        out[:-1] = [feminine_first_name(w) if put == w else put
                    for w, put in zip(words[:-1], out[:-1], strict=True)]
    return tuple(out)


def feminine_first_name(word: str) -> str:
    """A woman's first name in the dative or locative put in the nominative by its ending,
    when the dictionary knows no name in it ("Чинаре" -> "Чинара", "Асие" -> "Асия")."""
    if any(p.is_name for p in parses(word.lower())) or not re.search(r"[^\W\d_]{2}е$", word):
        return word
    return word[:-1] + ("я" if word[-2:-1].lower() == "и" else "а")


def case_of_preceding(text: str, start: int) -> tuple[str | None, Gender]:
    """Case and gender of the title noun right before a name ("советника Малика" -> gent, masc)."""
    before = text[max(0, start - 60) : start]
    words = WORD.findall(before)
    for w in reversed(words[-3:]):
        low = w.lower()
        for p in parses(low):
            if p.pos == "NOUN" and "anim" in p.grammemes and p.score >= 0.2:
                genders = {"masc": Gender.MASC, "femn": Gender.FEMN}
                return (str(p.case), genders.get(str(p.gender), Gender.UNKNOWN))
        if w[:1].isupper():
            continue
        break
    return None, Gender.UNKNOWN
