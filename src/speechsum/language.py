"""Guess the language of a text: Russian, Kazakh or English."""

from __future__ import annotations

import re
from collections import Counter

from speechsum.model import Language

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# Function words of one language that the other never uses; "да", "те", "а" are left out
# because both languages have them.
KAZAKH_WORDS = frozenset(
    """
    және жане деп деді дейді деген бойынша туралы мен үшін ушин бұл осы сол бар жоқ емес
    біз біздің сіз ол олар оның олардың керек қажет арқылы кейін бірге сондай-ақ атап жылы
    тиіс болып болады болды еді жатыр тағы ғана барлық қазір бүгін өз өзі тек бірақ немесе
    """.split()
)
RUSSIAN_WORDS = frozenset(
    """
    и в во не на что с со по это как для от к о об из но также он она они был была были
    при или его ее её их который которая которые так уже только было будет этого того
    """.split()
)

# A Kazakh text has 12-16% Kazakh-only letters; a Russian report about Kazakhstan gets a
# fraction of a percent from names such as "Қасым" or "Smart мектеп".
KAZAKH_SHARE = 0.05
# Below KAZAKH_SHARE the function words decide, but only above this floor, so that a
# Russian text quoting one Kazakh sentence stays Russian.
KAZAKH_SHARE_FLOOR = 0.01

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# Ten slices of 10,000 characters spread over the text decide as well as the whole of it
# and keep a 5 MB input as fast as a page.
SAMPLE_SLICES = 10
SAMPLE_SLICE = 10_000


def detect_language(text: str) -> Language:
    """Russian, Kazakh or English by letter shares and function words; English if no letters.

    >>> detect_language("Мемлекет басшысы жиында сөйледі және тапсырма берді.").value
    'kk'
    """
    text = sample_text(text)
    cyrillic = latin = kazakh = 0
    for char, count in Counter(text).items():
        if "\u0400" <= char <= "\u04ff":
            cyrillic += count
            if char in KAZAKH_LETTERS:
                kazakh += count
        elif "a" <= char <= "z" or "A" <= char <= "Z":
            latin += count
    if cyrillic <= latin:
        return Language.EN
    share = kazakh / cyrillic
    if share >= KAZAKH_SHARE:
        return Language.KK
    kazakh_words, russian_words = count_function_words(text)
    if share >= KAZAKH_SHARE_FLOOR and kazakh_words > russian_words:
        return Language.KK
    # Kazakh typed without its letters ("жане", "казак") still has its function words.
    if kazakh_words >= 3 and kazakh_words > 2 * russian_words:
        return Language.KK
    return Language.RU


def sample_text(text: str) -> str:
    """The text itself, or evenly spaced slices of it when it is long."""
    if len(text) <= SAMPLE_SLICES * SAMPLE_SLICE:
        return text
    step = len(text) // SAMPLE_SLICES
    # "\n" keeps a word cut at a slice edge from gluing to the next slice.
    return "\n".join(text[i * step : i * step + SAMPLE_SLICE] for i in range(SAMPLE_SLICES))


def count_function_words(text: str) -> tuple[int, int]:
    """How many Kazakh-only and Russian-only function words the text has."""
    kazakh = russian = 0
    for match in WORD.finditer(text):
        word = match.group().lower()
        if word in KAZAKH_WORDS:
            kazakh += 1
        elif word in RUSSIAN_WORDS:
            russian += 1
    return kazakh, russian


def parse_language(value: str) -> Language | None:
    """`auto` (None), `ru`, `kk` or `en`, in any case; ValueError for anything else.

    >>> parse_language("KK")
    <Language.KK: 'kk'>
    """
    name = value.strip().lower()
    if name == "auto":
        return None
    try:
        return Language(name)
    except ValueError:
        choices = ", ".join(["auto", *(language.value for language in Language)])
        raise ValueError(f"unknown language {value!r}; expected one of: {choices}") from None
