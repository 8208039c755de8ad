"""Units worth summarizing: what a speaker says, not how they greet, thank or address.

A summary is picked from a speaker's sentences (units); some carry no content a reader
could use: greetings, thanks, forms of address, procedural lines, fragments of a few words.
Those are left out before the algorithm ranks, a unit whose quotation marks do not pair is
trimmed to the words it quotes, and a unit said twice is offered once. Everything stays a
verbatim span of the source, with its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from speechsum.model import Language, Span
from speechsum.speakers.morph import parses

# A fragment of this many words or fewer says nothing on its own ("“change agent,”").
FRAGMENT_WORDS = 4
# A line of address or thanks is at most this long ("Спасибо, Анна Викторовна.").
COURTESY_WORDS = 10

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Parts of speech that make a short Russian line a statement ("Он объявил выговор.").
PREDICATES = frozenset({"VERB", "INFN", "PRTS", "GRND", "PRED", "ADJS"})
# What the reporter says the speaker said ("напомнила, что ...", "said that ..."): content,
# not bare framing.
REPORTED_CONTENT = re.compile(r"\b(?:что|чтобы|будто|that|деп|said|says|told|added|argued)\b|"
                              r"[:—–]\s", re.IGNORECASE)
# A whole sentence: a capital (after a dash or quotation mark) to a full stop, "!" or "?".
SENTENCE = re.compile(r"[-–—―«“„\"\s]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ].*[.!?…][»”\"]?", re.DOTALL)
OPENING = "«“„\""

# Lines that greet, thank, address or run the meeting, by how they begin.
COURTESY = {
    Language.RU: re.compile(
        r"(?:добр(?:ый|ое|ой)\s+(?:день|вечер|утро|ночи)|здравствуй|приветствую|спасибо|"
        r"благодарю|благодарим|уважаем\w*|дорог(?:ие|ой|ая)|коллеги|пожалуйста|прошу\s+вас|"
        r"слово\s+(?:предоставляется|имеет)|переходим\s+к|прошу\s+голосовать)", re.IGNORECASE),
    Language.KK: re.compile(
        r"(?:сәлеметсіз|сәлем|қайырлы\s+(?:күн|таң|кеш)|рахмет|рақмет|құрметті|қадірлі)",
        re.IGNORECASE),
    Language.EN: re.compile(
        r"(?:good\s+(?:morning|afternoon|evening|day)|hello|hi\b|thank|thanks|"
        r"ladies\s+and\s+gentlemen|dear\b|welcome\b)", re.IGNORECASE),
}


def content_units(units: Sequence[Span], language: Language) -> tuple[Span, ...]:
    """The units a summary may pick: trimmed to paired quotation marks, without content-free
    ones, each text once (the first time it is said)."""
    seen: set[str] = set()
    kept: list[Span] = []
    for unit in units:
        trimmed = balance_quotes(unit)
        if trimmed is None or content_free(trimmed.text, language):
            continue
        key = " ".join(WORD.findall(trimmed.text.lower()))
        if key in seen:
            continue
        seen.add(key)
        kept.append(trimmed)
    return tuple(kept)


def content_free(text: str, language: Language) -> bool:
    """A fragment of a few words (two at most, or up to four that are no whole sentence:
    '“change agent,”'), or a short line that greets, thanks or addresses people ("Добрый
    вечер!", "Уважаемые депутаты!", "Спасибо, Анна Викторовна.", "Good afternoon, everyone.",
    "Рахмет."); in Russian a line of a few words with no predicate ("Газета «Вечерний
    город».")."""
    words = WORD.findall(text)
    if len(words) <= 2 or len(words) <= FRAGMENT_WORDS and not SENTENCE.fullmatch(text):
        return True
    if len(words) <= FRAGMENT_WORDS and language is Language.RU and not any(
            p.pos in PREDICATES for w in words for p in parses(w.lower())[:1]):
        return True  # "Газета «Вечерний город».": no predicate, a name or a label
    courtesy = COURTESY.get(language)
    lead = text.lstrip(OPENING + "-–—― ")
    return len(words) <= COURTESY_WORDS and courtesy is not None and bool(courtesy.match(lead))


def balance_quotes(unit: Span) -> Span | None:
    """The unit, or the part of it inside a quotation mark that has no partner in it: a
    quote the unit opens and that goes on after it loses its opening mark, one opened inside
    keeps what follows the mark, one closed and not opened keeps what precedes its closing
    mark ("said: «Мы готовы." -> "Мы готовы.")."""
    text, start = unit.text, unit.start
    # "„...“" where a text uses it, else "“...”"; "’" is an apostrophe too often to count.
    pairs = (("«", "»"), ("„", "“") if "„" in text else ("“", "”"), ('"', '"'))
    # Trimming for one kind of mark may cut another's partner off: until nothing changes.
    before = None
    while before != text:
        before = text
        text, start = _trim_marks(text, start, pairs)
    stripped = text.strip()
    if not stripped or not any(c.isalnum() for c in stripped):
        return None
    lead = len(text) - len(text.lstrip())
    return Span(start + lead, start + lead + len(stripped), stripped)


def _trim_marks(text: str, start: int, pairs: Sequence[tuple[str, str]]) -> tuple[str, int]:
    for open_mark, close_mark in pairs:
        while text:
            if open_mark == close_mark:
                if text.count(open_mark) % 2 == 0:
                    break
                at = text.find(open_mark)
                if text[:at].strip():
                    text = text[:at]  # 'He said "we will': the words before the mark
                else:
                    text, start = text[at + 1 :], start + at + 1
                continue
            opened, closed = text.count(open_mark), text.count(close_mark)
            if opened > closed:
                lead = len(text) - len(text.lstrip())
                at = lead if text[lead:].startswith(open_mark) else text.rfind(open_mark)
                text, start = text[at + 1 :], start + at + 1
            elif closed > opened:
                text = text[: text.find(close_mark)]
            else:
                break
    return text, start


def without_framing(units: Sequence[Span], direct: Sequence[bool], names: Sequence[str],
                    wanted: int) -> tuple[Span, ...]:
    """When a speaker's own quoted words fill a summary (`wanted` of them), the reporter's
    bare framing that names them (no "что"/"that" of what they said) is no pick: "С
    докладом выступила Дамеш Ускумбаева, которая обратила внимание на ряд инициатив" gives
    way to what she said. `direct` tells, per unit, whether it is quoted; `names` are the
    speaker's names, matched by their surnames' stems."""
    if sum(direct) < wanted:
        return tuple(units)
    stems = {w.lower()[:5] for n in names for w in WORD.findall(n)[-1:] if len(w) > 2}
    return tuple(u for u, quoted in zip(units, direct, strict=True)
                 if quoted or REPORTED_CONTENT.search(u.text)
                 or not stems.intersection(w.lower()[:5] for w in WORD.findall(u.text)))

