"""What attribution finds and refers to: mentions of people, claims of speech, references."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import overload

from speechsum.model import Gender, Kind


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


class CueKind(str, Enum):
    """What kind of words tell who speaks."""

    CLAUSE = "clause"  # a reporting clause after or inside the quote: "- сказал Иван Петров."
    INTRODUCTION = "introduction"  # a clause before a colon: "Исаков парировал: «...»"
    PREDICATE = "predicate"  # the speech verb or phrase of reported speech: "отметил", "по словам"
    LABEL = "label"  # a transcript or headline label: "ИВАНОВ:", "Sanders:"
    VOICE = "voice"  # a caption file's voice: "<v Anna>"


@dataclass(frozen=True)
class Cue:
    """The words at text[start:end] that tell who speaks, and what kind of words they are."""

    start: int
    end: int
    kind: CueKind


@dataclass(frozen=True)
class Named:
    """A name in the text: the speaker is whoever it names."""

    mention: Mention
    subject: bool = True  # the subject of the speech act (so in the nominative)
    case: str | None = None  # the case the name is written in, when a rule knows it
    gender: Gender = Gender.UNKNOWN  # as the verb agreeing with it tells
    role: str = ""  # a role the text gives with it ("ХАРИТОНОВ Н. М., фракция КПРФ")
    holds: Label | None = None  # a role label it holds ("ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.)")


@dataclass(frozen=True)
class Pronoun:
    """"он", "she", "ол" at `at`: the previous subject of agreeing gender."""

    at: int
    gender: Gender
    # "тот", "та" ("the latter"): the last person named other than the subject before.
    latter: bool = False


@dataclass(frozen=True)
class Role:
    """"судья", "министрдің", "the senator" at `at`: the person named earlier with that role
    (the first of the nouns that someone before holds)."""

    nouns: tuple[str, ...]
    at: int
    # "the first-term Republican": a definite description, so whoever the text is about when
    # no one named before holds the role.
    definite: bool = False
    # The description as the text gives it ("independent Vermont senator"), where the
    # language gives a person's role by one; it joins the role of whoever it names.
    description: str = ""


@dataclass(frozen=True)
class Organisation:
    """A named organisation speaking as one ("департамент полиции")."""

    name: str
    alias: str = ""


@dataclass(frozen=True)
class Label:
    """A speaker known only by a label ("Ведущий", "Speaker 1", a caption voice)."""

    key: str
    display: str


@dataclass(frozen=True)
class SameAs:
    """The voice of another claim (its index in the document's claims)."""

    claim: int


Ref = Named | Pronoun | Role | Organisation | Label | SameAs


@dataclass(frozen=True, slots=True)  # a million dash lines make a million claims
class Claim:
    """A stretch of speech: what a finder found, and who a source or discourse rule named."""

    start: int
    end: int
    kind: Kind
    found_by: str
    cue: Cue | None = None
    source: Ref | None = None
    named_by: str | None = None
    # Other cues to try, in order, when none names the speaker by the first: the later speech
    # verbs of a reported sentence ("Он отметил, что ..." before "..., saying ...").
    alternatives: tuple[Cue, ...] = ()
    # Reported content that may go on in the next sentences ("отметил, что ...").
    continues: bool = False
    # Caption cues only: when the words are spoken, in seconds.
    times: tuple[float, float] | None = None


def in_text_order(claims: Iterable[Claim]) -> list[Claim]:
    """The claims by start, the longer first at one start: sorted only when they are not
    already (sorting by a key makes a key for each, a million of them for a million lines)."""
    found = list(claims)
    if any(b.start < a.start or b.start == a.start and b.end > a.end
           for a, b in itertools.pairwise(found)):
        found.sort(key=lambda c: (c.start, -c.end))
    return found


class Claims(Sequence[Claim]):
    """The claims of one document in text order, with their starts kept for bisecting."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self._claims = in_text_order(claims)
        self._starts = [c.start for c in self._claims]
        self._given: set[int] = set()
        # What a discourse rule worked out about the claims decided so far, kept for the next.
        self.memo: dict[Hashable, object] = {}

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self._claims[index]

    def __len__(self) -> int:
        return len(self._claims)

    def between(self, start: int, end: int) -> range:
        """The indexes of the claims that start inside text[start:end]."""
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))

    def decide(self, i: int, source: Ref, named_by: str) -> None:
        """Give claim i the voice its neighbours give it (the one change a claim undergoes
        after the source rules)."""
        self._claims[i] = replace(self._claims[i], source=source, named_by=named_by)
        self._given.add(i)

    def named_by_cue(self, i: int) -> bool:
        """Whether claim i has a source of its own, not one its neighbours gave."""
        return self._claims[i].source is not None and i not in self._given
