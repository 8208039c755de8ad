"""Kazakh: speech acts as written, subject-object-verb order, roles and names by their stems."""

from __future__ import annotations

import re
from collections.abc import Sequence

from speechsum.model import Gender, Language
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.lang import kk_lexicon as lexicon
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.lang.cyrillic import Cyrillic, role_clause_words
from speechsum.speakers.lang.ru import organisation_before
from speechsum.speakers.marks import cue_end

SPEECH = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted((re.escape(p) for p in lexicon.SPEECH_STEMS), key=len,
                                      reverse=True)) + r")"
    r"(?:" + "|".join(sorted(lexicon.SPEECH_ENDINGS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:" + "|".join(lexicon.AUXILIARIES) + r"))?(?![\w])", re.IGNORECASE)
# "түсіндіріп жатты", "айтып берді": a speech stem's converb with an auxiliary of aspect
# ("деп", the quotative, is no speech act of its own here).
CONVERB_AUX = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted((re.escape(p) for p in lexicon.SPEECH_STEMS if p != "де"),
                                      key=len, reverse=True)) + r")(?:ып|іп|п)\s+"
    r"(?:" + "|".join(lexicon.ASPECT_AUXILIARIES) + r")\w*(?![\w])", re.IGNORECASE)
# "«...», – деп толықтырды министр": after a quote the quotative "деп" and any finite verb
# report it, whatever the verb ("толықтырды", "қосты", "түйіндеді").
QUOTATIVE = re.compile(
    r"(?<![\w])деп(?:\s+[^\W\d_]+){0,2}?\s+(?!" + "|".join(lexicon.RELAY_WORDS) + r")"
    r"[^\W\d_]+(?:" + "|".join(sorted(lexicon.SPEECH_ENDINGS, key=len, reverse=True)) +
    r")(?![\w])", re.IGNORECASE)
# "..., - деп хабарлайды Tengrinews.kz тілшісі": an outlet relaying, not a speaker.
RELAY = re.compile(r"[,:]\s*[-–—]?\s*деп\s+(?:" + "|".join(lexicon.RELAY_WORDS) + r")\w*",
                   re.IGNORECASE)
DEMONSTRATIVE = re.compile(r"\s+(?:" + "|".join(lexicon.DEMONSTRATIVE_NOUNS) + r")",
                           re.IGNORECASE)
# Words that end a role phrase going back from the name: cases of place and time
# ("Жиында", "кеште"), converbs and finite verbs ("келіп", "айтты").
NOT_ROLE = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|ып|іп|ды|ді|ты|ті)$")
# "еліміздің", "қаламыздың": "of our country" points at the reader's place, no part of a title.
OUR = re.compile(r"(?:ымыз|іміз|мыз|міз)(?:дың|дің|ның|нің|ға|ге|да|де)?$")
PLACE_CASE = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен)$")
# "Серік Ахметұлы, аудан әкімі, ...": a role after the name and a comma, before a mark.
APPOSITIVE = re.compile(r",[ \t]+(?P<role>[^\W\d_][\w-]*(?:[ \t]+[\w-]+){0,4})"
                        r"(?=[ \t]*[,.:;)]|[ \t]+[-–—])")
ROLE_WORDS = 5
ROLE_BEFORE_WORDS = 10
# Adverbs of time that open a sentence before its subject: "Кеше Президент ...".
TIME_WORDS = frozenset("кеше бүгін ертең жақында биыл былтыр енді қазір".split())
# Converbs, participles and finite verbs: "кеше келген", "барып".
VERB_FORM = re.compile(r"(?:ып|іп|ды|ді|ты|ті|ған|ген|қан|кен)$")
DETERMINERS = frozenset("""аталмыш аталған бұл осы сол ол және мен бен пен де да туралы үшін
    бойынша жөнінде мұны бұны оны осыны соны мұнда онда""".split())


def _unit(word: str) -> str:
    """The administrative unit a word names, whatever its endings ("ауданның" -> "аудан")."""
    return next((u for u in lexicon.UNITS if word.startswith(u)), "")


class Kazakh(Cyrillic):
    """Kazakh news: no morphology of its own here, so words are matched as written."""

    language = Language.KK
    lexicon = lexicon.LEXICON

    def speech_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        relays = [(m.start(), m.end()) for m in RELAY.finditer(text, start, end)]
        found = [*SPEECH.finditer(text, start, end), *CONVERB_AUX.finditer(text, start, end)]
        return [Verb(m.start(), m.end()) for m in sorted(found, key=lambda m: m.start())
                if not any(a <= m.start() < b for a, b in relays)]

    def cue_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        return [Verb(m.start(), m.end()) for m in QUOTATIVE.finditer(text, start, end)]

    def cue_after(self, text: str, pos: int, limit: int) -> tuple[int, int] | None:
        """Also a quote inside its sentence reported by the quotative, with no mark between
        ("Самат Смақов «Біз жеңілдік» деп ашық айтты.")."""
        found = super().cue_after(text, pos, limit)
        if found is not None:
            return found
        gap = re.match(r"[ \t]+", text[pos:limit])
        m = QUOTATIVE.match(text, pos + gap.end(), limit) if gap else None
        return None if m is None else (pos, cue_end(text, m.start(), limit))

    def subject_of(self, text: str, mentions: Sequence[Mention], verb: Verb) -> Mention | None:
        # Subject-object-verb order: the subject is the first name in the nominative before.
        before = [m for m in mentions if m.end <= verb.start and m.nominative]
        return before[0] if before else None

    def zero_subject(self, text: str, start: int, verb: Verb) -> bool:
        return True  # Kazakh leaves out a subject the context gives

    def pronoun(self, text: str, start: int, end: int) -> Gender | None:
        g = lexicon.PRONOUNS.get(text[start:end].lower())
        if g is None or DEMONSTRATIVE.match(text, end):
            return None  # "Ол кезде": "ол" as "that", not a person
        return Gender(g)

    def role_after(self, text: str, end: int) -> str:
        """"Серік Ахметұлы, аудан әкімі, ...": up to five words after the name and a comma,
        the last of them a role noun, before the next mark."""
        m = APPOSITIVE.match(text, end)
        if m is None:
            return ""
        words = m.group("role").split()
        if len(words) > ROLE_WORDS or lexicon.role_stem(words[-1]) is None or any(
                VERB_FORM.search(w.lower()) or w.isdigit() for w in words[:-1]):
            return ""
        return m.group("role")

    def role_noun(self, text: str, start: int, end: int, limit: int) -> str | None:
        stem = lexicon.role_stem(text[start:end])
        ending = text[start:end].lower()[len(stem or "") :]
        if stem is not None and not lexicon.SUBJECT_FORM.fullmatch(ending):
            return None  # "әкімге" (to the akim), "министрдің": no subject
        before = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 30) : start])
        if stem is not None and before is not None:
            place = before.group(1).lower()
            office = next((o for (p, s), o in lexicon.ROLE_PHRASES.items()
                           if s == stem and place.startswith(p)), None)
            # "өңір басшысы" -> "әкім"; "аудан басшысы" -> the district's akim, not the
            # village's ("аудан әкім"), when the text tells them apart.
            found = office or stem
            unit = _unit(place)
            return f"{unit} {found}" if unit else found
        return stem

    def role_word(self, word: str) -> str | None:
        return lexicon.role_stem(word)

    def role_before(self, text: str, start: int) -> str:
        """"Облыс әкімі Ербол Қарашөкеев" -> "Облыс әкімі": the words before a name ending in
        a role noun ("әкімі", "министрі", "төрағасы"), back to a word that cannot be in it."""
        words = role_clause_words(text, start, 160)
        if not words or lexicon.role_stem(words[-1]) is None:
            return ""
        kept = [words[-1]]
        for w in reversed(words[:-1]):
            low = w.lower()
            # A place name keeps an ending that looks like a verb's: "Алматы облысы"; a unit's
            # own letters are no ending ("Аудан", but "Ауданда").
            capital = w[:1].isupper()
            ending = PLACE_CASE if capital else NOT_ROLE
            tail = low[len(_unit(low)):]
            if len(kept) >= ROLE_BEFORE_WORDS or w.isdigit() or low[:1] not in "«\"" and (
                    ending.search(tail) or not capital and VERB_FORM.search(tail)
                    or low in DETERMINERS or low in TIME_WORDS or low in lexicon.EVALUATIVE
                    or OUR.search(low)):
                break
            kept.append(w)
        return " ".join(reversed(kept))

    def role_nouns(self, role: str) -> set[str]:
        """The head of a role, which comes last ("аудан әкімінің орынбасары" is a deputy, no
        akim), also with the unit right before it ("Аудан әкімі" is "аудан әкім")."""
        words = role.split()
        head = lexicon.role_stem(words[-1]) if words else None
        if head is None:
            return {stem for w in words if (stem := lexicon.role_stem(w))}
        unit = _unit(words[-2].lower()) if len(words) > 1 else ""
        return {head, f"{unit} {head}"} if unit else {head}

    def nominative(self, words: tuple[str, ...], case: str | None,
                   gender: Gender) -> tuple[str, ...]:
        return tuple(cases.kazakh_nominative(w) for w in words)

    def organisation_subject(self, text: str, start: int, verb: Verb) -> str | None:
        """"Бұл туралы облыстық денсаулық сақтау басқармасы мәлім етті": a body's head noun
        in its possessive form before the verb (its object may stand between), with the
        words that qualify it back to a word that cannot ("туралы", a case of place, a verb
        form); and Russian-named bodies too ("Департамент полиции хабарлады")."""
        words = role_clause_words(text, verb.start, 160)
        head = next((k for k in range(len(words) - 1, -1, -1) if lexicon.org_head(words[k])), None)
        if head is not None:
            kept = [words[head]]
            for w in reversed(words[:head]):
                low = w.lower()
                if len(kept) >= ROLE_BEFORE_WORDS or w.isdigit() or low in DETERMINERS or (
                        low in TIME_WORDS or NOT_ROLE.search(low) or VERB_FORM.search(low)):
                    break
                kept.append(w)
            return " ".join(reversed(kept))
        return organisation_before(text, start, verb)
