"""Kazakh word lists for attribution: data only.

pymorphy3 has no Kazakh, so speech acts are matched as written, as whole words or phrases.
"""

from __future__ import annotations

import re

from speechsum.model import Gender
from speechsum.speakers.lang.base import Lexicon

# Speech acts by their verb stems (the last word of a phrase is the verb: "атап өт", "ортаға
# сал"); kk.py adds the endings of tense and person ("айтты", "айтады", "айтқан",
# "айтыпты", "құттықтаған болатын"), so no form has to be listed.
SPEECH_STEMS = (
    "де", "айт", "айтып өт", "баса айт", "мәлімде", "түсіндір", "атап өт", "атап көрсет",
    "тоқтал", "тоқталып өт", "күл", "хабарла", "жеткіз", "білдір", "ескерт", "ортаға сал",
    "сынға ал", "сына", "ұсын", "ұсыныс жаса", "мәлім ет", "талап ет", "сұра", "шақыр",
    "құттықта", "алғыс айт", "назар аудар", "жаз", "қос", "ата", "деп сана", "раста",
    "мақта", "мадақта", "баянда", "үнде", "мойында", "жарияла", "қолда", "айыпта",
    "өтін", "уәде бер", "жауап бер", "түсініктеме бер", "кеңес бер", "баға бер", "бөліс",
    "тапсыр", "қарсылық білдір", "сендір", "түйіндеп айт", "алға тарт", "таныстыр",
    "білгісі кел",  # "wanted to know": asked
)
# What follows a stem in a finite or participle form: past, present, perfect, evidential,
# habitual, each in both vowel harmonies; and an auxiliary after ("болатын", "еді").
SPEECH_ENDINGS = ("ды", "ді", "ты", "ті", "ады", "еді", "йды", "йді", "ған", "ген", "қан",
                  "кен", "ыпты", "іпті", "пты", "пті", "атын", "етін", "йтын", "йтін",
                  # the conditional of a contrast: "X ... алға тартса, Y ... сұрады"
                  "са", "се")
AUXILIARIES = ("болатын", "болған", "еді", "екен")
# Auxiliaries of aspect after a converb: "түсіндіріп жатты", "айтып берді", "сұрап отыр".
ASPECT_AUXILIARIES = ("жат", "отыр", "тұр", "бер", "кет", "шық")

# "..., - деп хабарлайды Tengrinews.kz тілшісі": an outlet relaying, not a speaker.
RELAY_WORDS = ("хабарла", "жаз", "мәлім ет", "жеткіз")

# "Ол ... айтты": Kazakh has one pronoun for he and she.
PRONOUNS = {"ол": "unknown", "олар": "plur"}
# "Ол кезде", "ол жерде": "ол" as "that", not a person.
DEMONSTRATIVE_NOUNS = ("кез", "жер", "уақыт", "жыл", "күн", "сәт", "мәселе", "жағдай", "құжат",
                       "заң", "жоба", "шара", "бағдарлама", "ой", "сөз",
                       # "ол үшін", "ол туралы", "ол арқылы": "for that", "about that"
                       "үшін", "туралы", "арқылы", "бойынша")

# Role nouns by their stem, as Kazakh inflects them ("әкімі", "Министрдің", "спикерге"):
# "Әкім ... айтты" and "Министрдің айтуынша" refer back to whoever the text gave that role.
ROLE_STEMS = ("әкім", "министр", "депутат", "спикер", "төраға", "басшы", "директор", "сенатор",
              "президент", "орынбасар", "бастық", "прокурор", "судья", "ректор", "сарапшы",
              "дәрігер", "мұғалім", "премьер", "жетекші", "көмекші", "өкіл", "хатшы",
              "меңгеруші", "тұрғын", "қызметкер", "мүше", "ардагер", "кәсіпкер")


# Heads of a body's name in the possessive of a compound ("агенттігінің департаменті",
# "денсаулық сақтау басқармасы", "баспасөз қызметі"): such a body speaks as one.
ORG_HEADS = ("департамент", "басқарма", "министрлі", "әкімдігі", "комитеті", "агенттігі",
             "қызметі", "прокуратурас", "полициясы", "соты", "кеңсесі", "қоры")


def org_head(word: str) -> bool:
    """A body's head noun in the form that closes its name ("департаменті", "басқармасы")."""
    low = word.lower()
    return low.startswith(ORG_HEADS) and low.endswith(("і", "ы", "сы", "сі"))


# Words of praise before a title, not part of it: "белгілі журналист" is a journalist.
EVALUATIVE = frozenset("белгілі танымал әйгілі белді беделді тәжірибелі".split())

# Administrative units whose heads a text may tell apart: "аудан әкімі", "ауыл әкімі".
UNITS = ("облыс", "аудан", "қала", "ауыл", "округ")

# "өңір басшысы" is the akim, "ел басшысы" the president: a head of some place is its office.
ROLE_PHRASES = {
    ("өңір", "басшы"): "әкім", ("облыс", "басшы"): "әкім", ("аудан", "басшы"): "әкім",
    ("қала", "басшы"): "әкім", ("ауыл", "басшы"): "әкім", ("ел", "басшы"): "президент",
    ("мемлекет", "басшы"): "президент", ("үкімет", "басшы"): "премьер",
    ("ведомство", "басшы"): "министр", ("министрлік", "басшы"): "министр",
}


# Nouns of a person by their agentive suffix ("жазушы", "бапкер", "журналист", "политолог")
# with a possessive and a case ending after it ("бапкері", "жазушының").
AGENT_NOUN = re.compile(r"(?P<stem>[^\W\d_][\w-]{2,}?(?:шы|ші|гер|кер|ист|лог))"
                        r"(?:лар|лер)?(?:сы|сі|ы|і)?(?:ның|нің|на|не|ға|ге|н|мен|нан|нен|нда|нде)?")


# Capitalised Kazakh words of institutions, never a person's name ("Үкімет кулуарында").
INSTITUTIONS = frozenset("үкімет мәжіліс сенат парламент министрлік әкімдік елорда".split())
# What a role noun may end in as a word of its own: a plural and the possessive of a
# compound ("әкімі", "басшысы", "депутаттар"); a case ending makes it no subject.
SUBJECT_FORM = re.compile(r"(?:[дтл][ае]р)?(?:ы|і|сы|сі)?")


def is_title_word(word: str) -> bool:
    """A Kazakh role noun or institution as a word of its own ("Министрлер", "Үкімет"): no
    part of a person's name."""
    low = word.lower()
    stem = next((s for s in ROLE_STEMS if low.startswith(s)), None)
    return low in INSTITUTIONS or stem is not None and bool(
        SUBJECT_FORM.fullmatch(low[len(stem):]))


def role_stem(word: str) -> str | None:
    """The role a Kazakh word names, whatever its endings: "Министрдің" -> "министр",
    "бапкері" -> "бапкер"."""
    low = word.lower()
    found = next((stem for stem in ROLE_STEMS if low.startswith(stem)), None)
    if found is None and (m := AGENT_NOUN.fullmatch(low)):
        return m.group("stem")
    return found

# "Серікованың айтуынша, ...": a postposition after the source's name in the genitive.
ACCORDING_AFTER = re.compile(r"\b(?:айтуынша|пікірінше|сөзінше|мәліметінше)\b", re.IGNORECASE)

LEXICON = Lexicon(
    according_pronoun=re.compile(r"\b(?P<pronoun>оның|олардың)\s+(?:айтуынша|пікірінше|сөзінше)",
                                 re.IGNORECASE),
    pronoun_genders={"оның": Gender.UNKNOWN, "олардың": Gender.PLUR},
    according_after=ACCORDING_AFTER,
    content_after=re.compile(r"[^.]{0,60}?:"),
    connective=re.compile(r"\s*(?:(?:Ал|Бірақ)\s+)?", re.IGNORECASE),
    interviewer_label="Корреспондент",
    interview=re.compile(r"(?:сұхбат|қонағы|сауалдарына|сұрақтарына)", re.IGNORECASE),
    asker=re.compile(r"\b(?:тілші(?:міз|сі)?|журналист|жүргізуші(?:сі)?)\s+$", re.IGNORECASE),
    outlet_kinds=frozenset({"газеті", "газет", "журналы", "басылым", "телеарна", "сайты",
                            "агенттігі", "порталы"}),
    role_labels={"тілші": "Тілші", "сұрақ": "Сұрақ", "жауап": "Жауап", "жүргізуші": "Жүргізуші",
                 "қонақ": "Қонақ"},
    numbered_voices=("Сөйлеуші",),
)
