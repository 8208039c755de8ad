"""What Russian and Kazakh share: Cyrillic names, reporting clauses and nominative names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from speechsum.model import Gender, Language
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.lang import cyrillic_names as names
from speechsum.speakers.lang import ru_lexicon
from speechsum.speakers.lang.base import Lexicon, Verb
from speechsum.speakers.marks import DASH, LOWER, WORDS, cue_end
from speechsum.speakers.morph import parses

CUE_AFTER_QUOTE = re.compile(rf"\s*[,!?.…]?\s*{DASH}\s*(?=[{LOWER}])")
# "«Работа идет», сказал Ибраев." - a lost dash: the next word must be a speech verb.
COMMA_CUE = re.compile(rf"\s*[,!?]\s*(?=[{LOWER}])")
CLAUSE_MARKS = ".,;:!?()\n«»\""


def agrees(mention_gender: Gender, verb_gender: Gender) -> bool:
    """A name agrees with a verb form unless both genders are known and differ."""
    if verb_gender in (Gender.UNKNOWN, Gender.PLUR) or mention_gender is Gender.UNKNOWN:
        return True
    return mention_gender is verb_gender


def subject_for_verb(mentions: Sequence[Mention], verb: Verb) -> Mention | None:
    """The agreeing name nearest before a verb, else the first agreeing one after it."""
    before = [m for m in mentions if m.end <= verb.start and agrees(m.gender, verb.gender)]
    if before:
        return before[-1]
    after = [m for m in mentions if m.start >= verb.end and agrees(m.gender, verb.gender)]
    return after[0] if after else None


def clause_words(text: str, start: int, limit: int) -> list[str]:
    """The words of the clause that ends at `start`, looking at most `limit` characters back."""
    before = text[max(0, start - limit) : start]
    cut = max(before.rfind(c) for c in CLAUSE_MARKS)
    return re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", before[cut + 1 :])


QUOTED_NAME = re.compile(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"")
ROLE_TOKEN = re.compile(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"|[^\W\d_]+(?:-[^\W\d_]+)*|\d+")


def role_clause_words(text: str, start: int, limit: int) -> list[str]:
    """clause_words, but a quoted name stays one word and its marks cut nothing: "директор
    «Школы № 5» Иван Петров" -> ["директор", "«Школы № 5»"]."""
    before = text[max(0, start - limit) : start]
    plain = QUOTED_NAME.sub(lambda m: "Q" * len(m.group()), before)
    cut = max(plain.rfind(c) for c in CLAUSE_MARKS)
    return ROLE_TOKEN.findall(before, cut + 1)


class Cyrillic:
    """Conventions Russian and Kazakh news share; each language overrides the rest."""

    language: Language
    lexicon: Lexicon

    def find_mentions(self, text: str, start: int, end: int) -> list[Mention]:
        return names.find_mentions(text, start, end)

    def reporting_word(self, word: str) -> bool | None:
        return None  # Kazakh finds its verbs by pattern, over words and the spaces between

    def cue_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        return []

    def cue_subject(self, text: str, mentions: Sequence[Mention], verb: Verb,
                    end: int) -> Mention | None:
        return next((m for m in mentions if agrees(m.gender, verb.gender)), None)

    def closing_name(self, text: str, verb: Verb, end: int) -> Mention | None:
        # "- деді депутат Айдос Сарым.": the words after the verb, role words and a name.
        named = ru_lexicon.CLOSING_NAME.match(text, verb.end, end)
        loose = names.closing_name(text, named.start("name"), end) if named else None
        if loose is None or verb.gender is Gender.PLUR or not agrees(loose.gender, verb.gender):
            return None
        return loose

    def source_title(self, words: str) -> bool:
        return True

    def role_before(self, text: str, start: int) -> str:
        raise NotImplementedError  # each language finds its own titles

    def role_after(self, text: str, end: int) -> str:
        raise NotImplementedError

    def roles_at(self, text: str, start: int, end: int) -> tuple[str, ...]:
        return (self.role_before(text, start), self.role_after(text, end))

    def stage_direction(self, words: str) -> bool:
        first = WORDS.search(words)
        return first is not None and any(str(p.pos) in ("VERB", "GRND", "INFN") for p in parses(
            first.group().lower()))

    def role_description(self, text: str, start: int, end: int) -> str:
        return ""  # "глава региона" refers back to the akim; his role is the one by his name

    def introduction_subject(self, text: str, mentions: Sequence[Mention],
                             verbs: Sequence[Verb]) -> Mention | None:
        if not mentions:
            return None
        # "Депутат Ибраев: «...»" names its speaker without a verb.
        return mentions[-1] if not verbs else subject_for_verb(mentions, verbs[0])

    def first_name_key(self, first: str) -> str:
        # Inflected or variant spellings agree at the start: Малика/Малик, Наталья/Наталия.
        return first[:3]

    def display_name(self, text: str, mention: Mention, case: str | None,
                     gender: Gender) -> str:
        words = mention.words
        guessed = gender
        if case is None:
            # "советника Малика Оспанова": the title before tells the case of "-ова". A name
            # that cannot be in it is the title's genitive complement ("Собеседником Бигельды
            # Габдуллина").
            # The name's own words tell its gender better than the title ("корреспондента
            # Ольги Рябовой").
            case, _ = cases.case_of_preceding(text, mention.start)
            if case is not None and not cases.can_be(words, case):
                case = "gent" if cases.can_be(words, "gent") else None
            guessed = gender if case is None else cases.gender_in_case(words, case)
        if case is None:
            agreed = cases.case_by_agreement(words)
            if agreed is not None:
                case, guessed = agreed
            elif cases.OBLIQUE_END.search(cases._caseless(words[-1]).lower()):
                # "Сауле Абдрахмановой": a surname the dictionary does not know, by its ending.
                femn = words[-1].lower().endswith(("ой", "ую"))
                first = tuple(cases.feminine_first_name(w) for w in words[:-1]) if femn and (
                    words[-1].lower().endswith("ой")) else words[:-1]
                words = (*first, cases._restore_case(words[-1], cases._surname_nominative(
                    cases._caseless(words[-1]).lower(), "femn" if femn else "masc")))
        return cases.display_name(self.nominative(words, case, gender if gender is not (
            Gender.UNKNOWN) else guessed))

    def nominative(self, words: tuple[str, ...], case: str | None,
                   gender: Gender) -> tuple[str, ...]:
        """The name words in the nominative, given the case they were written in."""
        return words

    def organisation_source(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        return None

    def cue_after(self, text: str, pos: int, limit: int) -> tuple[int, int] | None:
        m = CUE_AFTER_QUOTE.match(text, pos, limit)
        if m is None:
            m = COMMA_CUE.match(text, pos, limit)
            if m is None:
                return None
            word = WORDS.match(text, m.end(), limit)
            if word is None or not self.speech_verbs(text, word.start(), word.end()):
                return None
        end = cue_end(text, m.end(), limit)
        if not (self.speech_verbs(text, m.end(), end) or self.cue_verbs(text, m.end(), end)):
            return None
        return pos, end

    def quote_head(self, text: str, start: int, quote_start: int) -> bool:
        return False

    def label_mention(self, text: str, start: int, end: int) -> Mention | None:
        return None

    def settle_mentions(self, text: str, spans: Sequence[tuple[int, int]],
                        found: Sequence[Sequence[Mention]]) -> list[tuple[Mention, ...]]:
        """A capitalised word that is the surname of a full name elsewhere in the text is that
        name's surname alone, even when the dictionary reads it as something else."""
        known = {m.key for mentions in found for m in mentions if len(m.words) > 1}
        settled = []
        for (start, end), mentions in zip(spans, found, strict=True):
            more = names.lone_surnames(text, start, end, mentions, known) if known else []
            settled.append(tuple(sorted((*mentions, *more), key=lambda m: m.start)))
        return settled

    # Each language gives these:
    def speech_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        raise NotImplementedError
