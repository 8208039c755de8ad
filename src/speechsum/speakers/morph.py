"""Russian morphology behind one typed, cached adapter: the only module that imports pymorphy3.

yargy wraps its analyser the same way (`CachedMorphAnalyzer`): every word is analysed once,
and the rest of attribution sees frozen `Parse` values instead of pymorphy3's objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from speechsum.model import Gender


@dataclass(frozen=True, slots=True)  # a few per word, for 100,000s of words
class Parse:
    """One reading of a word: part of speech, case, gender, number, lemma and all grammemes.

    >>> [p.lemma for p in parses("петрова") if "Surn" in p.grammemes][:1]
    ['петров']
    """

    word: str
    index: int  # which of the word's readings, for `inflect`
    lemma: str
    pos: str | None
    case: str | None
    gender: str | None
    number: str | None
    score: float
    grammemes: frozenset[str]

    @property
    def is_name(self) -> bool:
        """A first name, surname or patronymic reading."""
        return bool(NAME_GRAMMEMES & self.grammemes)

    @property
    def agreement(self) -> Gender:
        """The gender a verb or adjective form agrees with; plural for plural forms."""
        if self.number == "plur":
            return Gender.PLUR
        return GENDERS.get(self.gender or "", Gender.UNKNOWN)


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
GENDERS = {"masc": Gender.MASC, "femn": Gender.FEMN}


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


# pymorphy3's own readings weigh about 1 kB a word and are needed again only to inflect a
# word just read (a name put in the nominative), so few are kept; the typed readings every
# rule asks for are kept for many more words.
@lru_cache(maxsize=4096)
def _raw(word: str) -> tuple[Any, ...]:
    try:
        return tuple(_analyzer().parse(word))
    except ValueError:  # characters without a Unicode name ("𗀀") break its analysers
        return ()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Parse, ...]:
    """The readings of a lower-cased word, likeliest first; none for what it cannot analyse."""
    return tuple(_typed(word, i, p) for i, p in enumerate(_raw(word)))


def _typed(word: str, index: int, p: Any) -> Parse:
    pos, case, gender, number, grammemes = _tag_fields(p.tag)
    return Parse(word=word, index=index, lemma=str(p.normal_form), pos=pos, case=case,
                 gender=gender, number=number, score=float(p.score), grammemes=grammemes)


TagFields = tuple[str | None, str | None, str | None, str | None, frozenset[str]]


@lru_cache(maxsize=10_000)
def _tag_fields(tag: Any) -> TagFields:
    """What a Parse keeps of a pymorphy3 tag, worked out once per tag (tags hash by their
    grammemes): pymorphy3 finds each of POS, case, gender and number by intersecting sets of
    grammemes, and its dictionary has a few thousand tags for millions of readings."""

    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    return (text(tag.POS), text(tag.case), text(tag.gender), text(tag.number),
            frozenset(str(tag).replace(" ", ",").split(",")))


@lru_cache(maxsize=50_000)
def inflect(parse: Parse, grammemes: frozenset[str]) -> str | None:
    """The word of this reading put in the given grammemes ("советника" + nomn -> "советник")."""
    form = _raw(parse.word)[parse.index].inflect(set(grammemes))
    return None if form is None else str(form.word)


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """Whether the dictionary has the word (rather than guessing by its ending)."""
    try:
        return bool(_analyzer().word_is_known(word))
    except ValueError:
        return False


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The likeliest normal form of a word."""
    found = parses(word.lower())
    return found[0].lemma if found else word.lower()
