"""Frozen values that flow through the pipeline; every `text` equals `source[start:end]`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Language(str, Enum):
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
    """What the user asked for; `language=None` means detect it."""

    language: Language | None = None
    algorithm: str = "lexrank"
    sentences: int = 3
    ratio: float | None = None
    topic: tuple[str, ...] = ()
    narration: bool = False


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
