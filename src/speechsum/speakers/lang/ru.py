"""Russian: speech verbs by lemma and agreement, subjects by case and gender, roles by form."""

from __future__ import annotations

import re
from collections.abc import Sequence

from speechsum.model import Gender, Language
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.lang import cyrillic_names as names
from speechsum.speakers.lang import ru_lexicon as lexicon
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.lang.cyrillic import Cyrillic, agrees, role_clause_words
from speechsum.speakers.marks import WORDS
from speechsum.speakers.morph import Parse, inflect, is_known, lemma, parses

# "отмечают в департаменте", "В министерстве": the word before "в", and the head after it.
ACRONYM_NEXT = re.compile(r"\s+[А-ЯЁ]{2,}\b")
ORG_PLACE = re.compile(r"(?:\b(?P<before>[а-яё]+)\s+)?\bв\s+(?P<head>[а-яё-]+)", re.IGNORECASE)
# "выслушал фермеров и пообещал": the last conjunction before the verb, no comma after it.
COORDINATED = re.compile(r"\s(?:и|а также)\s+(?:\w+\s+)?$")
NAME_RUN = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?:[ \t]+[A-ZА-ЯЁ][\w-]*){0,2}")
# Parts of speech that end a role phrase going back from a name.
TITLE_COMMA = re.compile(r"(?<![\w-])(?P<title>[^\W\d_]+(?:-[^\W\d_]+)?),[ \t]+$")
ROLE_STOP_POS = {"VERB", "INFN", "GRND", "ADVB", "CONJ", "PRCL", "INTJ", "NUMR", "PRED", "NPRO",
                 "COMP", "PRTS"}


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
        if not _role_base(base) or not any(
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
        kept: list[str] = []
        words = role_clause_words(text, start, 160)
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            low = w.lower()
            if low[:1] in "«\"":
                kept.append(w)  # an organisation's name in quotation marks
                continue
            found = parses(low)
            pos = str(found[0].pos) if found else ""
            # "министр культуры и информации": "и" between two genitive complements;
            # "известный блогер и представитель АНК": between two titles.
            joins = low == "и" and kept and k > 0 and (
                _genitive_noun(kept[-1]) and _genitive_noun(words[k - 1])
                or _nominative_title(kept[-1]) and _nominative_title(words[k - 1]))
            if (pos in ROLE_STOP_POS and not joins) or low.isdigit():
                break
            if pos == "PREP" and not kept:
                break
            kept.append(w)
        kept.reverse()
        # The role starts at the first title noun ("Далее председатель ..." -> "председатель ...").
        first = next((i for i, w in enumerate(kept) if _title_noun(w.lower()) and not (
            w[:1].isupper() and lemma(w.lower()) not in lexicon.ROLE_NOUNS
            and names.name_strength(w) == 2)), None)  # "отчитал Жамгырчиев Петрова"
        if first is None:
            return ""
        # Keep an agreeing adjective before the head: "первый заместитель"; and "исполняющий
        # обязанности" (acting) before an office in the genitive.
        while first > 0 and any(p.pos == "ADJF" for p in parses(kept[first - 1].lower())):
            first -= 1
        if first >= 2 and kept[first - 1].lower() == "обязанности" and (
                kept[first - 2].lower().startswith("исполняющ")):
            first -= 2
        if not _agrees_with_name(kept[first:], text, start):
            return ""  # "Собеседником Анны Ивановой": she is no собеседник, but its complement
        words = _nominative_head(kept[first:])
        if not words:
            return ""
        role = " ".join(words)
        role = role[:1].lower() + role[1:] if words[0][1:].islower() else role
        # "политолог, директор института Иван Петров": a title set before by a comma.
        at = text.rfind(kept[first], max(0, start - 160), start)
        before = TITLE_COMMA.search(text, max(0, at - 40), at)
        if before is not None and _nominative_title(before.group("title")) and not (
                _verb_before(text, before.start())):
            return f"{before.group('title')}, {role}"
        return role

    def role_after(self, text: str, end: int) -> str:
        """"Акежан Кажегельдин, премьер-министр РК в 1994–1997 гг.": a title noun in the
        nominative right after the name and a comma, and its words up to the next mark."""
        m = APPOSITION.match(text, end)
        if m is None:
            return ""
        words = list(ROLE_AFTER_TOKEN.finditer(text, m.end(), min(len(text), m.end() + 120)))
        first = 0
        while first < len(words) and any(p.pos == "ADJF" and p.case == "nomn" for p in parses(
                words[first].group().lower())) and not _appositive_head(words[first].group()):
            if _substantive(words, first):
                break  # "ведущая программы": an adjective of a person with its complement
            first += 1  # "бывший премьер-министр"
        if first >= len(words) or not (_appositive_head(words[first].group()) or (
                _substantive(words, first))):
            return ""
        last = first
        for k in range(first + 1, len(words)):
            w = words[k].group()
            if w[:1] in ",;:()\n" or w in DASHES or w == "." and _ends_sentence(text, words[k]):
                break
            found = parses(w.lower())
            if w.isalpha() and found and str(found[0].pos) in ROLE_AFTER_STOP_POS:
                break
            if w[:1].isupper() and any(p.is_name for p in found):
                break  # "Сидоров, директор школы Иван Петров": the next person's name
            if w != ".":
                last = k
        while last > first and any(p.pos in ("PREP", "CONJ") for p in parses(
                words[last].group().lower())[:1]):
            last -= 1  # "... «24» с Ольгой Романовой": no preposition left hanging
        return text[words[0].start() : words[last].end()]

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
    return before is not None and _title_noun(before.group(1))


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


APPOSITION = re.compile(r",[ \t]+")
# What follows a speech infinitive as its content: words, not a new clause ("..., но тут").
CATENATIVE_CONTENT = re.compile(r"[ \t]+(?!(?:но|а|и|однако|когда|пока)\b)[а-яёa-z«\"]",
                                re.IGNORECASE)
# "В администрации района «Подъёму» сказали": the word after a name, over a quoted addressee.
# After the organisation: a connective aside ("при этом"), the outlet told, then the verb.
ADDRESSEE_THEN_WORD = re.compile(r"[»\"”]?(?:[ \t]+(?:при этом|же|также|тоже|однако|в ответ|"
                                 r"в свою очередь))?,?(?:[ \t]*«[^«»\n]{1,40}»)?[ \t]*"
                                 r"(?P<word>[а-яё]+)", re.IGNORECASE)
ROLE_AFTER_TOKEN = re.compile(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"|[^\W_]+(?:[-‑–][^\W_]+)*|\S")
ROLE_AFTER_STOP_POS = ROLE_STOP_POS - {"NUMR"} | {"PRTF", "ADJS"}
DASHES = {"-", "–", "—"}


HEAD_SCORE = 0.3


def _substantive(words: Sequence[re.Match[str]], k: int) -> bool:
    """"ведущая программы", "управляющий банка": a singular adjective of a person standing
    for its noun, as the genitive after it (and no noun it could agree with) shows."""
    if k + 1 >= len(words) or not words[k].group()[:1].islower():
        return False
    word, after = words[k].group().lower(), words[k + 1].group().lower()
    return any(p.pos in ("ADJF", "PRTF") and p.case == "nomn" and p.number == "sing"
               for p in parses(word)) and _genitive_noun(after) and not any(
        p.case == "nomn" and p.number == "sing" for p in parses(after))


def _appositive_head(word: str) -> bool:
    """A lowercase noun of a person in the nominative: "премьер-министр", "депутат"."""
    return word[:1].islower() and any(
        p.pos == "NOUN" and p.case == "nomn" and not p.is_name and "anim" in p.grammemes
        and p.score >= HEAD_SCORE for p in parses(word))


def _ends_sentence(text: str, stop: re.Match[str]) -> bool:
    """A full stop followed by the text's end or a capitalised word."""
    after = text[stop.end() : stop.end() + 3].lstrip()
    return not after or after[:1].isupper()


def _agrees_with_name(role: list[str], text: str, start: int) -> bool:
    """A role that is its head noun alone ("Собеседником", "пресс-секретарь") can be in the
    case of the name after it: else the name is its complement, not the person it names."""
    head = next((w for w in role if w[:1] not in "«\"" and any(
        p.pos == "NOUN" for p in parses(w.lower()))), None)
    if head is not role[-1]:
        return True  # "спикера Жогорку Кенеша Аида Касымалиева": the complement is before
    name = _name_at(text, start)
    if head is None or not name:
        return True
    head_cases = {str(p.case) for p in parses(head.lower()) if p.pos == "NOUN"}
    return any(cases.can_be(name, case) for case in head_cases)


def _name_at(text: str, start: int) -> tuple[str, ...]:
    """The capitalised words of the name at `start` (three at most)."""
    run = NAME_RUN.match(text, start)
    return tuple(run.group().split()) if run else ()


def _verb_before(text: str, pos: int) -> bool:
    """Whether the word before `pos` is a verb ("сказал журналист, директор ...")."""
    m = re.search(r"([^\W\d_]+)\s+$", text[max(0, pos - 30) : pos])
    return m is not None and any(str(p.pos) in ROLE_STOP_POS for p in parses(m.group(1).lower()))


def _role_base(base: str) -> bool:
    """A role noun, also with a prefix of office ("вице-премьер", "экс-министр")."""
    return base in lexicon.ROLE_NOUNS or "-" in base and base.split("-", 1)[1] in (
        lexicon.ROLE_NOUNS) and base.split("-", 1)[0] in ("вице", "экс", "зам")


def _nominative_title(word: str) -> bool:
    """A title noun in the nominative, lowercase as titles are ("блогер", not "Сидоров")."""
    low = word.lower()
    return word[:1].islower() and _title_noun(low) and any(
        p.pos == "NOUN" and p.case == "nomn" for p in parses(low))


def _genitive_noun(word: str) -> bool:
    found = parses(word.lower())
    return bool(found) and found[0].pos == "NOUN" and found[0].case == "gent"


def _title_noun(low: str) -> bool:
    return low in lexicon.ROLE_NOUNS or lemma(low) in lexicon.ROLE_NOUNS or any(
        p.pos == "NOUN" and "anim" in p.grammemes and p.score > 0.3 for p in parses(low))


def _nominative_head(words: list[str]) -> list[str]:
    """Put the head noun and its adjectives in the nominative ("советника" -> "советник")."""
    out = list(words)
    for i, w in enumerate(words):
        found = parses(w.lower())
        if not found:
            break
        p: Parse = found[0]
        if p.pos not in ("NOUN", "ADJF"):
            break
        if p.case != "nomn":
            form = inflect(p, frozenset({"nomn"}))
            if form is not None:
                out[i] = w[:1] + form[1:] if w[:1].isupper() else form
        if p.pos == "NOUN":
            break
    return out
