"""Frozen values that flow through the pipeline; every `text` equals `source[start:end]`."""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

# The names of summarize.METHODS, here so that checking options does not import numpy.
ALGORITHMS = ("lexrank", "lsa", "luhn", "textrank", "edmundson", "kl", "sumbasic", "reduction")
# "builtin" ranks as sumy does, with numpy; "sumy" runs sumy itself (the `sumy` extra).
ENGINES = ("builtin", "sumy")


class Language(str, Enum):
    """A language speechsum reads: Russian, Kazakh or English."""

    RU = "ru"
    KK = "kk"
    EN = "en"


class Kind(str, Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"


class Gender(str, Enum):
    MASC = "masc"
    FEMN = "femn"
    PLUR = "plur"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Span:
    """A piece of the source text: `text == source[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence with its paragraph number (0-based, counted over non-empty lines)."""

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Speaker:
    """A person or named organisation who speaks in the text."""

    id: str
    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()
    gender: Gender = Gender.UNKNOWN


@dataclass(frozen=True)
class Segment:
    """A stretch of text attributed to one speaker: `rule` found the speech, `source_rule`
    named its speaker, reading `cue` (a reporting clause, label or verb) when there is one."""

    start: int
    end: int
    text: str
    speaker: str
    kind: Kind
    rule: str
    # Caption files only: when the words are spoken (seconds) and which turn they belong to.
    start_time: float | None = None
    end_time: float | None = None
    turn: int | None = None
    # The evidence: the rule that named the speaker, and the cue or label it read.
    source_rule: str | None = None
    cue: Span | None = None


@dataclass(frozen=True)
class Attribution:
    """What attribution found: the speakers and their segments in document order."""

    speakers: tuple[Speaker, ...]
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class SpeakerDigest:
    """One speaker's counts and extractive summary (verbatim spans in document order)."""

    speaker: Speaker
    segments: int
    sentences: int
    words: int
    summary: tuple[Span, ...]
    # What they talked about: a few of their words, best first.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DigestOptions:
    """What the user asked for, as plain values, checked: `language` None or "auto" means
    detect it, names are taken in any case, a `topic` string is split at spaces and commas.

    >>> options = DigestOptions(language="RU", algorithm="TextRank", topic="бюджет, дороги")
    >>> options.language, options.algorithm, options.topic
    (<Language.RU: 'ru'>, 'textrank', ('бюджет', 'дороги'))
    """

    language: Language | None = None
    algorithm: str = "lexrank"
    sentences: int = 3
    ratio: float | None = None
    topic: tuple[str, ...] = ()
    narration: bool = False
    engine: str = "builtin"

    if TYPE_CHECKING:
        # What the constructor accepts, wider than what the fields then hold.
        def __init__(
            self,
            language: Language | str | None = None,
            algorithm: str = "lexrank",
            sentences: int = 3,
            ratio: float | None = None,
            topic: str | Iterable[str] = (),
            narration: bool = False,
            engine: str = "builtin",
        ) -> None: ...

    def __post_init__(self) -> None:
        language: Any = self.language
        if isinstance(language, str) and not isinstance(language, Language):
            choices = [choice.value for choice in Language]
            if language.lower() not in (*choices, "auto"):
                raise self._error(ValueError, "language", f"one of {', '.join(choices)}, auto")
            language = None if language.lower() == "auto" else Language(language.lower())
        elif language is not None and not isinstance(language, Language):
            raise self._error(TypeError, "language", "a Language, a str or None")
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "algorithm", self._choose("algorithm", ALGORITHMS))
        object.__setattr__(self, "engine", self._choose("engine", ENGINES))
        if not is_integer(self.sentences):
            raise self._error(TypeError, "sentences", "an int")
        if self.sentences < 1:
            raise self._error(ValueError, "sentences", "at least 1")
        object.__setattr__(self, "sentences", int(self.sentences))
        if self.ratio is not None:
            if not is_real(self.ratio):
                raise self._error(TypeError, "ratio", "a number or None")
            if not 0 < self.ratio <= 1:
                raise self._error(ValueError, "ratio", "greater than 0 and at most 1")
            object.__setattr__(self, "ratio", float(self.ratio))
        try:
            object.__setattr__(self, "topic", split_words(self.topic))
        except TypeError as error:
            raise TypeError(f"DigestOptions(topic={self.topic!r}): topic {error}") from None
        if not isinstance(self.narration, bool):
            raise self._error(TypeError, "narration", "a bool")

    def _choose(self, name: str, choices: tuple[str, ...]) -> str:
        """The choice that the field `name` holds, written in any case."""
        value = getattr(self, name)
        if not isinstance(value, str):
            raise self._error(TypeError, name, "a str")
        if value.lower() not in choices:
            raise self._error(ValueError, name, f"one of {', '.join(choices)}")
        return value.lower()

    def _error(self, error: type[Exception], name: str, expected: str) -> Exception:
        """An error naming the argument: "DigestOptions(sentences=0): sentences must be at
        least 1"; a TypeError also names the type given."""
        value = getattr(self, name)
        given = f", not {type(value).__name__}" if error is TypeError else ""
        return error(f"DigestOptions({name}={value!r}): {name} must be {expected}{given}")


def split_words(groups: str | Iterable[str]) -> tuple[str, ...]:
    """Topic words from repeated and space- or comma-separated options.

    >>> split_words(["budget, taxes", "бюджет"])
    ('budget', 'taxes', 'бюджет')
    """
    # One string is one group of words, not a group per letter.
    if isinstance(groups, str):
        groups = (groups,)
    elif isinstance(groups, (bytes, bytearray)) or not isinstance(groups, Iterable):
        raise TypeError(f"must be a str or an iterable of str, not {type(groups).__name__}")
    words: list[str] = []
    for group in groups:
        if not isinstance(group, str):
            raise TypeError(f"must hold only str, not {type(group).__name__}")
        words.extend(group.replace(",", " ").split())
    return tuple(words)


def is_integer(value: object) -> bool:
    """Whether `value` is an integer (numpy's too) other than a bool."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_real(value: object) -> bool:
    """Whether `value` is a real number (an int or numpy's float too) other than a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


@dataclass(frozen=True)
class Digest:
    """The whole result for one input text."""

    language: Language
    algorithm: str
    speakers: tuple[SpeakerDigest, ...]
    segments: tuple[Segment, ...]
    narration: tuple[Span, ...] | None = None
    source: str | None = None
    text_length: int = field(default=0)
    # The options it was made with.
    options: DigestOptions | None = None
    # What the input was ("text", "html", "docx"); for a converted input, the text that was
    # extracted from it, which the offsets refer to.
    input_format: str = "text"
    text: str | None = None
    # What reading the input had to leave out, one line each: "caption cue at line 14
    # skipped: its timing line cannot be read".
    warnings: tuple[str, ...] = ()
