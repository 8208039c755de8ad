"""Warn when a text is in a language speechsum does not read, or not in the one forced."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from speechsum.language import WORD, count_function_words, detect_language
from speechsum.model import Language

SUPPORTED = frozenset(language.value for language in Language)
NAMES = {
    "ru": "Russian", "kk": "Kazakh", "en": "English", "de": "German", "fr": "French",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish",
    "cs": "Czech", "sr": "Serbian", "bg": "Bulgarian", "uk": "Ukrainian", "be": "Belarusian",
    "ro": "Romanian", "hu": "Hungarian", "fi": "Finnish", "sv": "Swedish", "tr": "Turkish",
    "az": "Azerbaijani", "uz": "Uzbek", "ky": "Kyrgyz", "tg": "Tajik", "tk": "Turkmen",
    "tt": "Tatar", "ba": "Bashkir", "crh": "Crimean Tatar", "mn": "Mongolian", "ka": "Georgian",
    "hy": "Armenian", "el": "Greek", "ar": "Arabic", "fa": "Persian", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "kk-Latn": "Kazakh in the Latin alphabet",
}

# Fewer words, and fewer letters for scripts written without spaces, cannot be told apart.
MIN_WORDS = 20
MIN_LETTERS = 150
# The first 20,000 characters, or eight slices spread over a longer text: 5 ms a call.
SAMPLE_SLICES = 8
SAMPLE_SLICE = 2_500
# The identifier's probability for its guess, and at most this much left for ours.
SURE = 0.75
SUPPORTED_AT_MOST = 0.05
# -l ru on a mixed kk/ru report is a fair choice: question it only when nearly all of the
# text is in the other language.
OTHER_SHARE = 0.9

RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KAZAKH_LETTERS = RUSSIAN_LETTERS | frozenset("әғқңөұүһі")
# Words of English that German, French, Spanish, Danish or Polish news do not use.
ENGLISH_WORDS = frozenset(
    "the and of that with said from this were are has have had by its it he she they their "
    "would which who".split()
)
SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+|\n+")


def unsupported_language(text: str) -> str | None:
    """A one-line warning when the text is in none of speechsum's languages, else None."""
    sample = sample_guard_text(text)
    letters = Letters.of(sample)
    if is_too_short(sample, letters):
        return None
    code, supported = guess_language(sample, letters)
    if code is None or code in SUPPORTED or supported > SUPPORTED_AT_MOST:
        return None
    if code == "kk-Latn":
        return (
            "the text looks like Kazakh in the Latin alphabet (kk-Latn); "
            "speechsum reads Kazakh in Cyrillic only; speakers may be missed"
        )
    name = NAMES.get(code, "another language")
    return (
        f"the text looks like {name} ({code}), not Russian, Kazakh or English; "
        "speakers may be missed"
    )


def forced_language_mismatch(text: str, forced: Language) -> str | None:
    """A one-line warning when the text strongly disagrees with `-l forced`, else None.

    It also names a language speechsum does not read, as unsupported_language would.
    """
    sample = sample_guard_text(text)
    letters = Letters.of(sample)
    if is_too_short(sample, letters):
        return None
    code, supported = guess_language(sample, letters)
    foreign = code is not None and code not in SUPPORTED and supported <= SUPPORTED_AT_MOST
    cyrillic_text = letters.cyrillic > 2 * letters.latin
    other_script = cyrillic_text if forced is Language.EN else letters.latin > 2 * letters.cyrillic
    if not foreign and not other_script:
        if forced is Language.EN or not cyrillic_text:
            return None
        other = Language.KK if forced is Language.RU else Language.RU
        if code != other.value or share_in_language(sample, other) < OTHER_SHARE:
            return None
    if code == forced.value:
        return None
    if code is None:
        return f"-l {forced.value} was given but the text is written in Latin letters"
    return f"-l {forced.value} was given but the text looks {NAMES.get(code, code)} ({code})"


def guess_language(sample: str, letters: Letters) -> tuple[str | None, float]:
    """The code of the language the text looks like (None: unsure), and the share left for ours."""
    # Kazakh's ä ñ ū ("jaña", "qūrylys") with dotless ı ("mälımdedı"): Turkish lacks ä ñ ū,
    # German and Spanish lack ı.
    kazakh_latin = letters.share("äñū", letters.latin), letters.share("ı", letters.latin)
    if letters.latin >= 0.5 * letters.total and min(kazakh_latin) >= 0.01:
        return "kk-Latn", 0.0
    # Most reports are settled here and never load the identifier's model (half a second).
    settled = settled_language(sample, letters)
    if settled is not None:
        return settled.value, 1.0
    ranking: list[tuple[str, float]] = load_identifier().rank(sample)
    code, probability = ranking[0]
    # Kazakh typed without its letters ("жане", "туралы") reads as Kyrgyz or Tatar, whose
    # texts are full of ө ү ң; "zxx" is the identifier's "numbers and markup".
    unlettered = code in {"ky", "tt", "ba"} and letters.share("өүң", letters.cyrillic) < 0.01
    if probability < SURE or code == "zxx" or unlettered:
        # The project's detector tells Russian from Kazakh, but calls any Latin text English.
        return detect_language(sample).value if letters.cyrillic > letters.latin else None, 1.0
    return code, sum(p for label, p in ranking if label in SUPPORTED)


def settled_language(sample: str, letters: Letters) -> Language | None:
    """Russian, Kazakh or English when letters and function words leave no doubt, else None."""
    words = [word.lower() for word in WORD.findall(sample)]
    if letters.latin >= 0.9 * letters.total:
        english = sum(word in ENGLISH_WORDS for word in words)
        return Language.EN if english >= 0.1 * len(words) else None
    if letters.cyrillic < 0.9 * letters.total or letters.outside(KAZAKH_LETTERS) > 0.005:
        return None
    # і is Ukrainian and Belarusian too, қ ғ Uzbek and Tajik; only Kazakh has both.
    if min(letters.share("і", letters.cyrillic), letters.share("қғұ", letters.cyrillic)) >= 0.02:
        return Language.KK
    # A Kazakh name or two ("Қасым-Жомарт Тоқаев") is allowed; Bulgarian has neither ы nor э.
    russian_words = count_function_words(sample)[1] >= 0.1 * len(words)
    russian_letters = letters.outside(RUSSIAN_LETTERS) <= 0.01
    if russian_words and russian_letters and letters.share("ыэ", letters.cyrillic) >= 0.002:
        return Language.RU
    return None


def share_in_language(sample: str, language: Language) -> float:
    """The share of letters in sentences that the project's detector calls `language`."""
    total = inside = 0
    for sentence in SENTENCE_END.split(sample):
        size = sum(char.isalpha() for char in sentence)
        total += size
        if size and detect_language(sentence) is language:
            inside += size
    return inside / total if total else 0.0


@lru_cache(maxsize=1)
def load_identifier() -> Any:
    """py3langid's model (shipped in its wheel) with probabilities, loaded on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def sample_guard_text(text: str) -> str:
    """The text itself, or evenly spaced slices of it when it is long."""
    if len(text) <= SAMPLE_SLICES * SAMPLE_SLICE:
        return text
    step = len(text) // SAMPLE_SLICES
    return "\n".join(text[i * step : i * step + SAMPLE_SLICE] for i in range(SAMPLE_SLICES))


def is_too_short(sample: str, letters: Letters) -> bool:
    """Too few words and letters to judge."""
    return letters.total < MIN_LETTERS and len(WORD.findall(sample)) < MIN_WORDS


@dataclass(frozen=True)
class Letters:
    """How often each lower-case letter occurs in a sample, and how many of each script."""

    counts: Counter[str]
    total: int
    cyrillic: int
    latin: int

    @classmethod
    def of(cls, sample: str) -> Letters:
        """Count the letters of `sample`; Latin is Basic Latin to Latin Extended-B."""
        counts = Counter(char for char in sample.lower() if char.isalpha())
        cyrillic = sum(n for char, n in counts.items() if "\u0400" <= char <= "\u04ff")
        latin = sum(n for char, n in counts.items() if char <= "\u024f")
        return cls(counts, sum(counts.values()), cyrillic, latin)

    def share(self, chars: Iterable[str], among: int) -> float:
        """The share of `chars` among `among` letters."""
        return sum(self.counts[char] for char in chars) / max(among, 1)

    def outside(self, alphabet: frozenset[str]) -> float:
        """The share of Cyrillic letters that `alphabet` lacks."""
        lacking = (c for c in self.counts if "\u0400" <= c <= "\u04ff" and c not in alphabet)
        return self.share(lacking, self.cyrillic)
