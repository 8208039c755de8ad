"""What a language bundle gives the shared sieves: its lexicon and its conventions.

spaCy keeps a language in `lang/<code>/` behind one `Defaults` interface; here each of
`ru`, `kk` and `en` is a class implementing `Conventions`, and a shared sieve asks it about
speech verbs, subjects, pronouns and roles instead of testing which language it is in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from speechsum.model import Gender, Language
from speechsum.speakers.claims import Mention

# A pattern that matches nothing: the default for conventions a language does not have.
NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class Verb:
    """A speech verb or phrase at text[start:end] and the gender its form agrees with; a
    passive one ("was questioned by X") has its speaker after "by", not as its subject."""

    start: int
    end: int
    gender: Gender = Gender.UNKNOWN
    passive: bool = False


@dataclass(frozen=True)
class Lexicon:
    """A language's words and phrases that the shared sieves look for (data, no logic)."""

    # "По словам X, ...", "according to X": the source named right after.
    according: re.Pattern[str] = NEVER
    # "По словам эксперта, ...": group 1 is a role noun naming someone met before.
    according_role: re.Pattern[str] = NEVER
    # "По его словам", "Оның айтуынша": group "pronoun".
    according_pronoun: re.Pattern[str] = NEVER
    pronoun_genders: Mapping[str, Gender] = field(default_factory=dict)
    # "Однако та сказала": a demonstrative as the subject, for the person last named who is
    # not the subject before it ("the latter").
    demonstratives: Mapping[str, Gender] = field(default_factory=dict)
    # Kazakh "Серікованың айтуынша": the source named right before.
    according_after: re.Pattern[str] = NEVER
    # "Как сообщает RT": an outlet relaying someone else's words.
    outlet_relay: re.Pattern[str] = NEVER
    # "..., - заверил он и добавил, что ...": a reporting clause that adds words of its own.
    cue_content: re.Pattern[str] = NEVER
    # The conjunction between two speech verbs of one cue, and what opens content after them.
    joined_verbs: re.Pattern[str] = NEVER
    content_opener: re.Pattern[str] = NEVER
    # What follows a speech verb when the words go on: "отметил, что ...", "said:".
    content_after: re.Pattern[str] = NEVER
    # "Об этом сообщил X": the sentence points back at the words before it.
    about_this: re.Pattern[str] = NEVER
    # "..., которая обратила внимание": a relative pronoun right before the verb.
    relative: re.Pattern[str] = NEVER
    # "But", "Но": a word between two quotes of one voice.
    connective: re.Pattern[str] = re.compile(r"\s*")
    # Sentence openers that leave the reported speech before them ("Напомним, ...").
    new_topic: tuple[str, ...] = ()
    # "Беседовала Анна Иванова": who asks the questions of an interview, and the default.
    interviewer: re.Pattern[str] = NEVER
    interviewer_label: str = "Interviewer"
    # Words of a text that says an interview follows ("в интервью", "ответил на вопросы").
    interview: re.Pattern[str] = NEVER
    # Words right before the name of whoever asks ("нашего корреспондента", "Собеседником").
    asker: re.Pattern[str] = NEVER
    # Nouns of an outlet's kind, in the nominative, that go with its name ("газета «Лица»").
    outlet_kinds: frozenset[str] = frozenset()
    # Marks that end a clause introducing a quote: "Исаков парировал: «...»".
    introduction_marks: str = ":"
    # Role nouns come with a definite article ("the senator"): a description of someone the
    # text is about, even when it named no one with that role.
    definite_roles: bool = False
    # Role nouns that name one office ("прокурор" after "гособвинитель").
    role_synonyms: tuple[frozenset[str], ...] = ()
    # Transcripts: labels that name a role, not a person ("ведущий" -> "Ведущий"), the
    # words of numbered voices ("Speaker 2"), titles before a name ("Mr. SULLIVAN") and the
    # line that ends a transcript ("END").
    role_labels: Mapping[str, str] = field(default_factory=dict)
    numbered_voices: tuple[str, ...] = ()
    titles: frozenset[str] = frozenset()
    trailer: re.Pattern[str] = NEVER


class Conventions(Protocol):
    """The questions a shared sieve asks about a language; one class per language."""

    language: Language
    lexicon: Lexicon

    def find_mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Names of people in text[start:end], found the way this language writes them."""

    def speech_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        """Speech verbs and phrases in text[start:end] that report words with content."""

    def reporting_word(self, word: str) -> bool | None:
        """Whether `speech_verbs` may find a verb at a word (lower-cased): a stretch with no
        such word has none, and goes unread. None when the language cannot tell."""

    def cue_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        """A verb of manner opening a reporting clause ("- улыбнулся он")."""

    def subject_of(self, text: str, mentions: Sequence[Mention], verb: Verb) -> Mention | None:
        """The name that is the subject of a speech verb in its sentence."""

    def cue_subject(self, text: str, mentions: Sequence[Mention], verb: Verb,
                    end: int) -> Mention | None:
        """The name a short reporting clause ("- сказал Иван Петров.") gives its speaker."""

    def closing_name(self, text: str, verb: Verb, end: int) -> Mention | None:
        """Capitalised words after the verb that close a reporting clause ("- деді Айнұр.")."""

    def introduction_subject(self, text: str, mentions: Sequence[Mention],
                             verbs: Sequence[Verb]) -> Mention | None:
        """The name in a clause before a colon that introduces a quote."""

    def zero_subject(self, text: str, start: int, verb: Verb) -> bool:
        """Whether a speech verb has no subject of its own between `start` and itself, so
        that it goes on with the speaker before ("Также добавил, что ..."), unlike "Кто-то
        из депутатов пошутил"."""

    def pronoun(self, text: str, start: int, end: int) -> Gender | None:
        """The gender a personal pronoun at text[start:end] stands for, else None."""

    def role_noun(self, text: str, start: int, end: int, limit: int) -> str | None:
        """The office a role noun at text[start:end] names ("судья", "глава ведомства")."""

    def role_word(self, word: str) -> str | None:
        """The office a role word in any case names ("эксперта" -> "эксперт")."""

    def role_before(self, text: str, start: int) -> str:
        """The title written right before a name at `start`."""

    def role_after(self, text: str, end: int) -> str:
        """A role in apposition right after a name that ends at `end` ("X, депутат,")."""

    def roles_at(self, text: str, start: int, end: int) -> tuple[str, ...]:
        """The roles the text gives a name at text[start:end] around it, before and after."""

    def role_description(self, text: str, start: int, end: int) -> str:
        """The words of a description that ends in the role noun at text[start:end] ("the
        independent Vermont senator said" -> "independent Vermont senator"), where the role
        of the person it names includes them; else empty."""

    def stage_direction(self, words: str) -> bool:
        """Whether words in brackets after a label say what the speaker does ("показывая в
        сторону", "laughing") rather than who they are ("Sheffield, Hillsborough")."""

    def role_nouns(self, role: str) -> set[str]:
        """The words of a role that a later role noun may refer back by."""

    def source_title(self, words: str) -> bool:
        """Whether the words between "according to" and a name can be its title."""

    def first_name_key(self, first: str) -> str:
        """What two spellings of one first name share ("малика", "малик" -> "мал")."""

    def display_name(self, text: str, mention: Mention, case: str | None,
                     gender: Gender) -> str:
        """A name in the nominative, as the digest shows it."""

    def organisation_source(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        """"Как отмечают в департаменте полиции": the organisation and its form as written."""

    def organisation_subject(self, text: str, start: int, verb: Verb) -> str | None:
        """"Акимат города сообщил": an organisation's name as the subject of a speech verb."""

    def cue_after(self, text: str, pos: int, limit: int) -> tuple[int, int] | None:
        """The reporting clause right after a quote that ends at `pos`, as (start, end)."""

    def quote_head(self, text: str, start: int, quote_start: int) -> bool:
        """Whether the words before a quote in its sentence are the speaker's own."""

    def label_mention(self, text: str, start: int, end: int) -> Mention | None:
        """A transcript label's name the name finder misses ("PARK:")."""

    def settle_mentions(self, text: str, spans: Sequence[tuple[int, int]],
                        found: Sequence[Sequence[Mention]]) -> list[tuple[Mention, ...]]:
        """The names of each paragraph (at `spans`) once the whole text is read, from what
        the name finder found in each: a word alone may be no name after all ("Party") or a
        name the text gave in full elsewhere ("Квирия" after "Отар Квирия")."""
