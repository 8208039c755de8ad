"""Russian: speech verbs by lemma and agreement, subjects by case and gender, roles by form."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from speechsum.model import Gender, Language
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.lang import ru_lexicon as lexicon
from speechsum.speakers.lang import ru_roles
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.lang.cyrillic import Cyrillic, agrees
from speechsum.speakers.lang.ru_roles import is_office, title_noun
from speechsum.speakers.marks import WORDS
from speechsum.speakers.morph import inflect, is_known, lemma, parses

# "отмечают в департаменте", "В министерстве": the word before "в", and the head after it.
ACRONYM_NEXT = re.compile(r"\s+[А-ЯЁ]{2,}\b")
ORG_PLACE = re.compile(r"(?:\b(?P<before>[а-яё]+)\s+)?\bв\s+(?P<head>[а-яё-]+)", re.IGNORECASE)
# "выслушал фермеров и пообещал": the last conjunction before the verb, no comma after it.
COORDINATED = re.compile(r"\s(?:и|а также)\s+(?:\w+\s+)?$")


class Russian(Cyrillic):
    """Russian news and transcripts."""

    language = Language.RU
    lexicon = lexicon.LEXICON

    def speech_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        found: list[Verb] = []
        previous: re.Match[str] | None = None
        for m in WORDS.finditer(text, start, end):
            word = m.group().lower()
            before, previous = previous, m
            if len(word) < 4:
                continue
            governing = _catenative(text, before, m, end)
            if governing is not None:
                found.append(governing)
                continue
            for p in parses(word):
                if p.pos in ("ADJS", "PRTS") and p.lemma in lexicon.STANCE_WORDS:
                    # "уверена, что ..." - a stance with content, as "считает, что".
                    if re.match(r"\s*,?\s*что\b", text[m.end() : end]) and not _negated(
                            text, m.start()):
                        found.append(Verb(m.start(), m.end(), p.agreement))
                    break
                if p.pos != "VERB" or p.lemma not in lexicon.SPEECH_VERBS:
                    continue
                if not _has_complement(text, m, end, p.lemma, start) or _negated(
                        text, m.start()) or _content_free(text, m.end(), end, p.lemma):
                    break
                found.append(Verb(m.start(), m.end(), p.agreement))
                break
        return found

    def reporting_word(self, word: str) -> bool | None:
        return _reporting_word(word)

    def cue_verbs(self, text: str, start: int, end: int) -> list[Verb]:
        m = WORDS.search(text, start, end)
        if m is None:
            return []
        for p in parses(m.group().lower()):
            if p.pos == "VERB" and p.lemma in lexicon.CUE_ONLY_VERBS:
                return [Verb(m.start(), m.end(), p.agreement)]
        return []

    def cue_subject(self, text: str, mentions: Sequence[Mention], verb: Verb,
                    end: int) -> Mention | None:
        """"— пояснил пресс-секретарь Путина.": a name in the genitive after a role is whose
        secretary it is, not the speaker (then the role speaks)."""
        return next((m for m in mentions if agrees(m.gender, verb.gender) and (
            _subject_case(m, verb.gender) or not _after_role(text, m))), None)

    def closing_name(self, text: str, verb: Verb, end: int) -> Mention | None:
        found = super().closing_name(text, verb, end)
        if found is not None and _after_role(text, found) and not (
                _subject_case(found, verb.gender) and _person_name(found)):
            return None  # "— пояснил пресс-секретарь Путина.", "— сказал член Совфеда."
        return found

    def subject_of(self, text: str, mentions: Sequence[Mention], verb: Verb) -> Mention | None:
        if verb.gender is Gender.PLUR:
            return None  # "Аканов и его заместитель Жумабаев заявили": no one person's words
        before = [m for m in mentions if m.end <= verb.start and agrees(m.gender, verb.gender)]
        for m in reversed(before):
            between = text[m.end : verb.start]
            if len(WORDS.findall(between)) > 12 or re.search(r"\b(?:что|чтобы)\b", between):
                break
            if not _subject_case(m, verb.gender):
                continue
            # "Министр выслушал фермеров и пообещал ...": a conjunct shares its subject.
            if _finite_verb_in(between) and not COORDINATED.search(between):
                continue
            return m
        after = [m for m in mentions if m.start >= verb.end and agrees(m.gender, verb.gender)]
        for m in after:
            between = text[verb.end : m.start]
            if len(WORDS.findall(between)) > 8 or re.search(r"[,:;]|\bчто\b", between):
                break
            if m.nominative:  # "поручил министру Марату Оспанову": no subject
                return m
        return None

    def zero_subject(self, text: str, start: int, verb: Verb) -> bool:
        for w in WORDS.findall(text, start, verb.start):
            if any(p.case == "nomn" and p.pos in ("NOUN", "NPRO", "ADJF") and p.score > 0.1
                   for p in parses(w.lower())):
                return False  # "Кто-то из депутатов пошутил"
        return True

    def pronoun(self, text: str, start: int, end: int) -> Gender | None:
        g = lexicon.PRONOUNS.get(text[start:end].lower())
        return None if g is None else Gender(g)

    def role_noun(self, text: str, start: int, end: int, limit: int) -> str | None:
        word = text[start:end].lower()
        base = lemma(word)
        if not is_office(base) or not any(
                p.case == "nomn" and p.number == "sing" for p in parses(word) if p.lemma == base):
            return None
        # "глава ведомства" is the minister.
        following = text[end : min(limit, end + 40)].lstrip().lower()
        office = next((o for (noun, org), o in lexicon.ROLE_PHRASES.items()
                       if noun == base and following.startswith(org)), None)
        return office or base

    def role_word(self, word: str) -> str | None:
        return lemma(word)

    def role_before(self, text: str, start: int) -> str:
        return ru_roles.role_before(text, start)

    def role_after(self, text: str, end: int) -> str:
        return ru_roles.role_after(text, end)

    def role_nouns(self, role: str) -> set[str]:
        """The lemmas of a role's words, and of a compound's parts that are an office of their
        own ("вице-премьер-министр" is also a "вице-премьер")."""
        nouns = {lemma(w) for w in role.split()}
        for noun in list(nouns):
            parts = noun.split("-")
            nouns.update("-".join(parts[:k]) for k in range(2, len(parts)))
        return nouns

    def nominative(self, words: tuple[str, ...], case: str | None,
                   gender: Gender) -> tuple[str, ...]:
        if case and case != "nomn":
            return cases.nominative_words(words, case, gender)
        return words

    def organisation_source(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        """"Как отмечают в департаменте полиции", "В министерстве энергетики заверили": an
        organisation's head noun after "в", its genitive complement, and a plural speech
        verb right before "в" or right after the name."""
        for m in ORG_PLACE.finditer(text, start, min(end, start + 200)):
            if m.group("head").lower() not in lexicon.ORG_HEADS and not _proper_body(
                    m.group("head"), text[m.end("head") : m.end("head") + 12]):
                continue
            kept = [m.group("head")]
            words = list(WORDS.finditer(text, m.end("head"), min(end, m.end("head") + 120)))
            k = 0
            last = m.end("head")
            while k < len(words) and len(kept) < 5:
                w = words[k].group()
                found = parses(w.lower())
                gap = text[last : words[k].start()]
                # A quoted name in the dative is whom they told ("сказали «Подъёму»").
                told = "«" in gap and not any(p.case in ("gent", "nomn", None) for p in found)
                if gap.strip(" «»\"") or told or _plural_speech(w.lower()) or not (
                        w[:1].isupper() or any(p.case == "gent" and p.score > 0.01 for p in found)
                        or not is_known(w.lower())):
                    break  # "в ЦРБ при этом ...": a preposition starts no complement
                last = words[k].end()
                kept.append(w)
                k += 1
            after = ADDRESSEE_THEN_WORD.match(text, last, min(end, last + 80))
            verb_after = after.group("word").lower() if after else ""
            verb_before = (m.group("before") or "").lower()
            if not (_plural_speech(verb_after) or verb_before and _plural_speech(verb_before)):
                continue
            head = kept[0]
            found = parses(head.lower())
            nominative = head
            if found and found[0].case != "nomn":
                nominative = inflect(found[0], frozenset({"nomn"})) or head
                if head[:1].isupper():
                    nominative = nominative[:1].upper() + nominative[1:]
            return " ".join([nominative, *kept[1:]]), " ".join(kept)
        return None

    def organisation_subject(self, text: str, start: int, verb: Verb) -> str | None:
        return organisation_before(text, start, verb)


def _proper_body(word: str, after: str) -> bool:
    """"В Госдуме", "в Алданской ЦРБ", "в МЧС": a capitalised name or acronym after "в"
    that is no place ("в Москве" is where, not who); a word the dictionary does not know
    only as an acronym or an adjective before one, whose nominative is no guess."""
    if not word[:1].isupper():
        return False
    low = word.lower()
    if word.isupper() or ACRONYM_NEXT.match(after) and any(
            p.pos == "ADJF" for p in parses(low)):
        return True
    return is_known(low) and not any("Geox" in p.grammemes for p in parses(low))


def _plural_speech(word: str) -> bool:
    """"заверили", "сообщают": a speech verb in the plural, as an unnamed "they" of an
    organisation speaks."""
    return word in lexicon.ORG_VERBS or any(
        p.pos == "VERB" and p.number == "plur" and p.lemma in lexicon.SPEECH_VERBS
        for p in parses(word))


def organisation_before(text: str, start: int, verb: Verb) -> str | None:
    """"Акимат города сообщил, что ..." - a named organisation right before the verb."""
    words = list(WORDS.finditer(text, max(start, verb.start - 80), verb.start))
    for i, m in enumerate(words):
        low = m.group().lower()
        if low not in lexicon.ORG_HEADS:
            continue
        if not any(p.case == "nomn" and p.pos == "NOUN" for p in parses(low)):
            continue
        tail = words[i + 1 :]
        kept = [m.group()]
        for w in tail:
            found = parses(w.group().lower())
            if found and found[0].case == "gent" or w.group()[:1].isupper():
                kept.append(w.group())
            else:
                break
        if len(kept) - 1 != len(tail):
            continue  # something other than the name stands between it and the verb
        name = " ".join(kept)
        return name[:1].lower() + name[1:] if name[1:2].islower() else name
    return None


@lru_cache(maxsize=200_000)
def _reporting_word(word: str) -> bool:
    """A form `speech_verbs` may take for a speech verb: a speech verb's finite form or
    infinitive (after "начал"), or a word of stance ("уверена, что")."""
    return len(word) >= 4 and any(
        p.pos in ("VERB", "INFN") and p.lemma in lexicon.SPEECH_VERBS
        or p.pos in ("ADJS", "PRTS") and p.lemma in lexicon.STANCE_WORDS for p in parses(word))


def _catenative(text: str, before: re.Match[str] | None, word: re.Match[str],
                end: int) -> Verb | None:
    """"начала возмущаться тем, что ...": a speech infinitive after "начать", "стать",
    "попытаться" is a speech act of the finite verb's subject, when words follow it."""
    if before is None or text[before.end() : word.start()].strip():
        return None
    finite = [p for p in parses(before.group().lower())
              if p.pos == "VERB" and p.lemma in lexicon.CATENATIVES]
    if not finite or not any(p.pos == "INFN" and p.lemma in lexicon.SPEECH_VERBS
                             for p in parses(word.group().lower())):
        return None
    if not CATENATIVE_CONTENT.match(text, word.end(), end) or _negated(text, before.start()):
        return None  # "начал говорить.", "начала говорить, но ...": no content
    return Verb(before.start(), word.end(), finite[0].agreement)


def _has_complement(text: str, word: re.Match[str], end: int, base: str, start: int) -> bool:
    """"обратил внимание", "остановился на": verbs that report speech only with their words."""
    need = lexicon.NEEDS_COMPLEMENT.get(base)
    if not need:
        return True
    around = text[max(start, word.start() - 40) : min(end, word.end() + 40)].lower()
    return any(n in around for n in need) or (
        base in ("назвать", "называть") and _names_as(text, word.end(), end))


def _names_as(text: str, pos: int, end: int) -> bool:
    """"назвал игру сложной", "назвала решение ошибкой": calling something something, an
    evaluation with content - an instrumental within the next three words."""
    for w in list(WORDS.finditer(text, pos, end))[:3]:
        found = [p for p in parses(w.group().lower()) if p.score >= 0.1]
        if w.group()[:1].isupper():
            continue  # "назвал сына Иваном" gives a name, not an opinion
        if found and found[0].case == "ablt" and found[0].pos in ("ADJF", "NOUN"):
            return True
    return False


def _content_free(text: str, pos: int, end: int, base: str) -> bool:
    """"ответил на вопросы журналистов." - the verb's object leaves it without content."""
    objects = lexicon.CONTENT_FREE_OBJECTS.get(base)
    if not objects:
        return False
    rest = text[pos:end].lower()
    return rest.lstrip().startswith(objects) and not re.search(r",\s*что\b|:", rest)


def _negated(text: str, pos: int) -> bool:
    return text[max(0, pos - 4) : pos].lower() in (" не ", "\nне ") or text[
        max(0, pos - 3) : pos
    ].lower() == "не "


def _after_role(text: str, m: Mention) -> bool:
    """The name comes right after a lowercase noun of a person ("пресс-секретарь Путина")."""
    before = re.search(r"([а-яё-]+)\s+$", text[max(0, m.start - 40) : m.start])
    return before is not None and title_noun(before.group(1))


def _person_name(m: Mention) -> bool:
    """A word of the mention is a name the dictionary knows or ends as surnames do: after a
    role noun an unknown capitalised word is more often the organisation it heads."""
    return any(cases.STRONG_SURNAME_END.search(w.lower()) or cases.PATRONYMIC_KZ.search(
        w.lower()) or any(p.is_name and p.case == "nomn" for p in parses(w.lower()))
        for w in m.words)


def _subject_case(m: Mention, gender: Gender) -> bool:
    """A nominative name; with a masculine verb "Кадырова" is genitive, not a subject, and with
    a feminine one "Надира Нарматова" is a woman's nominative, whatever the dictionary
    guesses of a first name it does not know."""
    last = m.words[-1].lower()
    feminine_surname = re.search(r"(?:ов|ев|ёв|ин|ын)а$|ская$", last)
    if not m.nominative:
        return gender is Gender.FEMN and bool(feminine_surname)
    return not (gender is Gender.MASC and feminine_surname)


def _finite_verb_in(fragment: str) -> bool:
    for w in WORDS.findall(fragment):
        found = parses(w.lower())
        if found and found[0].pos == "VERB" and found[0].score > 0.5:
            return True
    return False


# What follows a speech infinitive as its content: words, not a new clause ("..., но тут").
CATENATIVE_CONTENT = re.compile(r"[ \t]+(?!(?:но|а|и|однако|когда|пока)\b)[а-яёa-z«\"]",
                                re.IGNORECASE)
# "В администрации района «Подъёму» сказали": the word after a name, over a quoted addressee.
# After the organisation: a connective aside ("при этом"), the outlet told, then the verb.
ADDRESSEE_THEN_WORD = re.compile(r"[»\"”]?(?:[ \t]+(?:при этом|же|также|тоже|однако|в ответ|"
                                 r"в свою очередь))?,?(?:[ \t]*«[^«»\n]{1,40}»)?[ \t]*"
                                 r"(?P<word>[а-яё]+)", re.IGNORECASE)


