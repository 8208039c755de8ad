"""Russian roles: the title before a name and the apposition after it, in the nominative,
with the noun phrases they are made of ("первый заместитель акима области", "Акежан
Кажегельдин, премьер-министр РК в 1994–1997 гг.")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.lang import cyrillic_names as names
from speechsum.speakers.lang import ru_lexicon as lexicon
from speechsum.speakers.lang.cyrillic import role_clause_words
from speechsum.speakers.morph import Parse, inflect, lemma, parses

# Parts of speech that end a role phrase going back from a name.
ROLE_STOP_POS = {"VERB", "INFN", "GRND", "ADVB", "CONJ", "PRCL", "INTJ", "NUMR", "PRED", "NPRO",
                 "COMP", "PRTS"}
# The capitalised words of a name after its title (three at most).
NAME_RUN = re.compile(r"[A-ZА-ЯЁ][\w.-]*(?:[ \t]+[A-ZА-ЯЁ][\w-]*){0,2}")
# "политолог, " before the title: one more title set off by a comma.
TITLE_COMMA = re.compile(r"(?<![\w-])(?P<title>[^\W\d_]+(?:-[^\W\d_]+)?),[ \t]+$")
# ", премьер-министр РК": the comma that opens an apposition, and its tokens.
APPOSITION = re.compile(r",[ \t]+")
ROLE_AFTER_TOKEN = re.compile(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"|[^\W_]+(?:[-‑–][^\W_]+)*|\S")
ROLE_AFTER_STOP_POS = ROLE_STOP_POS - {"NUMR"} | {"PRTF", "ADJS"}
DASHES = {"-", "–", "—"}
# How sure the dictionary must be that a word is a noun of a person to head an apposition.
HEAD_SCORE = 0.3


def role_before(text: str, start: int) -> str:
    """The title before a name at `start`, in the nominative, from its first title noun
    ("первый заместитель акима области", "исполняющая обязанности директора")."""
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
    first = next((i for i, w in enumerate(kept) if title_noun(w.lower()) and not (
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


def role_after(text: str, end: int) -> str:
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


def is_office(base: str) -> bool:
    """A role noun, also with a prefix of office ("вице-премьер", "экс-министр")."""
    return base in lexicon.ROLE_NOUNS or "-" in base and base.split("-", 1)[1] in (
        lexicon.ROLE_NOUNS) and base.split("-", 1)[0] in ("вице", "экс", "зам")


def _nominative_title(word: str) -> bool:
    """A title noun in the nominative, lowercase as titles are ("блогер", not "Сидоров")."""
    low = word.lower()
    return word[:1].islower() and title_noun(low) and any(
        p.pos == "NOUN" and p.case == "nomn" for p in parses(low))


def _genitive_noun(word: str) -> bool:
    found = parses(word.lower())
    return bool(found) and found[0].pos == "NOUN" and found[0].case == "gent"


@lru_cache(maxsize=50_000)
def title_noun(low: str) -> bool:
    """Whether a lower-cased word is a noun of a person's title or office (asked of each word
    before every name: kept per word)."""
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
