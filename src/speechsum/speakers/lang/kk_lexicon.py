"""Kazakh word lists for attribution: data only.

pymorphy3 has no Kazakh, so speech acts are matched as written, as whole words or phrases.
"""

from __future__ import annotations

import re

from speechsum.model import Gender
from speechsum.speakers.lang.base import Lexicon

# Finite speech acts with content ("деді", "атап өтті", "ортаға салды" - put forward).
SPEECH_PHRASES = (
    "деді", "дейді", "деген", "айтты", "айтады", "айтқан", "айтып өтті", "баса айтты",
    "мәлімдеді", "мәлімдейді", "мәлімдеген", "түсіндірді", "түсіндіреді", "атап өтті",
    "атап өтеді", "атап көрсетті", "тоқталды", "тоқталып өтті", "күлді", "хабарлады",
    "хабарлайды", "жеткізді", "білдірді", "пікір білдірді", "ескертті", "ортаға салды",
    "сынға алды", "сынға алған", "сынады", "ұсынды", "ұсыныс жасады", "мәлім етті", "сұрады",
    "шақырды", "құттықтады", "алғыс айтты", "назар аударды", "баса назар аударды", "жазды",
    "қосты", "атады", "деп санайды", "сенім білдірді",
)

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


def role_stem(word: str) -> str | None:
    """The role a Kazakh word names, whatever its endings: "Министрдің" -> "министр"."""
    low = word.lower()
    return next((stem for stem in ROLE_STEMS if low.startswith(stem)), None)

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
    role_labels={"тілші": "Тілші", "сұрақ": "Сұрақ", "жауап": "Жауап", "жүргізуші": "Жүргізуші",
                 "қонақ": "Қонақ"},
    numbered_voices=("Сөйлеуші",),
)
