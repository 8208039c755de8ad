"""Attribution rules, each named after the condition it checks.

Direct speech is found first (transcript labels, dash paragraphs, quotation marks with their
cues); the sentences left over are checked for reported speech. Every rule returns `Raw`
pieces that say who, what kind and which rule.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from speechsum.model import Gender, Kind, Language, Sentence
from speechsum.speakers.lang import cyrillic_names as names
from speechsum.speakers.lang import en_lexicon as lexicon_en
from speechsum.speakers.lang import kk_lexicon as lexicon_kk
from speechsum.speakers.lang import ru_lexicon as lexicon_ru
from speechsum.speakers.lang.cyrillic_names import Mention
from speechsum.speakers.morph import inflect, lemma, parses
from speechsum.speakers.people import People
from speechsum.speakers.text import DASHES, Paragraph

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"
DASH = f"[{DASHES}]"

# ", - сказала Ж. Нурмурадкызы." / "!» – подчеркнул он" / ",– написала"
CUE_SEP = re.compile(rf"[,!?…]\s*{DASH}\s*(?=[{LOWER}])|(?<=[.!?…])\s+{DASH}\s+(?=[{LOWER}])")
# Where a cue clause ends: a new dash piece of the quote, or the paragraph's end.
CUE_END = re.compile(rf"(?<![{UPPER}])[.!?:…]\s*(?={DASH}\s*[{UPPER}«\"„“])")
# ". Next" but not the initial in "сказала Д. Ускумбаева."
SENTENCE_END = re.compile(rf"(?<!\b[{UPPER}])[.!?…]+(?=\s+[{UPPER}«\"„“])")
WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"', "''": "''"}
QUOTE_OPEN = re.compile(r"''|[«“„\"]")
CUE_AFTER_QUOTE = re.compile(rf"\s*[,!?.…]?\s*{DASH}\s*(?=[{LOWER}])")
COMMA_CUE = re.compile(rf"\s*[,!?]\s*(?=[{LOWER}])")
# "- Я понял ваш вопрос, ..." opening inside a paragraph after a sentence of narration.
INNER_DASH = re.compile(rf"(?<=[.!?…:])\s+{DASH}\s*(?=[{UPPER}«\"])")
# "Как сообщает RT", "передает корреспондент NUR.KZ": an outlet relaying, not speaking.
OUTLET_RELAY = re.compile(r"\b(?:как\s+)?(?:сообща(?:ет|ют)|переда(?:ет|ёт|ют)|пиш(?:ет|ут))\s+"
                          r"(?:[A-Z«\"]|корреспондент|агентство|издание|портал|телеканал|газета)",
                          re.IGNORECASE)
# "WASHINGTON (Reuters) - ", "INDIANAPOLIS - ": a dateline, not part of anyone's words.
DATELINE = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ .,'-]{2,40}(?:\s*\([^()\n]{1,30}\))?\s+[-–—]\s+")
STAGE_DIRECTION = re.compile(r"\((?:[^()\n]{1,80})\)|\[(?:[^\[\]\n]{1,80})\]")


@dataclass(frozen=True)
class Raw:
    """A piece of attributed text before merging: offsets, person key, kind and rule."""

    start: int
    end: int
    key: str
    kind: Kind
    rule: str


@dataclass(frozen=True)
class Cue:
    """A reporting clause ("- сказал Иван Петров.") and whom it names."""

    start: int
    end: int
    key: str | None


# -- speech verbs ------------------------------------------------------------------------------


def speech_verbs(
    text: str, start: int, end: int, language: Language
) -> list[tuple[int, int, Gender]]:
    """Speech verbs in text[start:end] (positions and the gender they agree with)."""
    if language is Language.EN:
        return english_speech(text, start, end)
    if language is Language.KK:
        return kazakh_speech(text, start, end)
    found: list[tuple[int, int, Gender]] = []
    for m in WORDS.finditer(text, start, end):
        word = m.group().lower()
        if len(word) < 4:
            continue
        for p in parses(word):
            base = p.lemma
            if p.pos in ("ADJS", "PRTS") and base in lexicon_ru.STANCE_WORDS:
                # "уверена, что ..." - a stance with content, as "считает, что".
                if re.match(r"\s*,?\s*что\b", text[m.end() : end]) and not _negated(
                        text, m.start()):
                    found.append((m.start(), m.end(), p.agreement))
                break
            if p.pos != "VERB" or base not in lexicon_ru.SPEECH_VERBS:
                continue
            need = lexicon_ru.NEEDS_COMPLEMENT.get(base)
            around = text[max(start, m.start() - 40) : min(end, m.end() + 40)].lower()
            if need and not any(n in around for n in need) and not (
                    base in ("назвать", "называть") and _names_as(text, m.end(), end)):
                break
            if _negated(text, m.start()) or _content_free(text, m.end(), end, base):
                break
            found.append((m.start(), m.end(), p.agreement))
            break
    return found


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


def _content_free(text: str, pos: int, end: int, lemma: str) -> bool:
    """"ответил на вопросы журналистов." - the verb's object leaves it without content."""
    objects = lexicon_ru.CONTENT_FREE_OBJECTS.get(lemma)
    if not objects:
        return False
    rest = text[pos:end].lower()
    return rest.lstrip().startswith(objects) and not re.search(r",\s*что\b|:", rest)


KK_SPEECH = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted((re.escape(p) for p in lexicon_kk.SPEECH_PHRASES),
                                      key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE)
KK_RELAY = re.compile(r"[,:]\s*[-–—]?\s*деп\s+(?:" + "|".join(lexicon_kk.RELAY_WORDS) + r")\w*",
                      re.IGNORECASE)


def kazakh_speech(text: str, start: int, end: int) -> list[tuple[int, int, Gender]]:
    """Kazakh speech acts, matched as written; a relay by an outlet does not count."""
    relays = [(m.start(), m.end()) for m in KK_RELAY.finditer(text, start, end)]
    return [(m.start(), m.end(), Gender.UNKNOWN) for m in KK_SPEECH.finditer(text, start, end)
            if not any(rs <= m.start() < re_ for rs, re_ in relays)]


EN_NEGATION = re.compile(r"(?:\bnot|n['’]t|\bnever|\bdeclined to|\brefused to)\s+(?:\w+\s+)?$",
                         re.IGNORECASE)


EN_SUBORDINATE = re.compile(r"\s*[\"“]?(?:When|After|Before|As|If|Because|While|Although|Though|"
                            r"Since|Once|Until|Unless|Whether)\b")


def _in_leading_subordinate(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies in a subordinate clause opening the sentence (up to its comma)."""
    if not EN_SUBORDINATE.match(text, start, pos):
        return False
    return "," not in text[start:pos]


# Verbs whose complement may come a few words later: "called on X to", "posted on Facebook
# that ...".
EN_ANYWHERE = frozenset({"called", "calls", "posted", "posts"})


def english_speech(text: str, start: int, end: int) -> list[tuple[int, int, Gender]]:
    """English speech verbs; "called for", "pointed out" need their particle; negated ones
    ("did not say", "declined to comment") do not count."""
    found: list[tuple[int, int, Gender]] = []
    for m in WORDS.finditer(text, start, end):
        word = m.group().lower()
        need = lexicon_en.NEEDS_COMPLEMENT.get(word)
        if word not in lexicon_en.SPEECH_VERBS and need is None:
            continue
        after = text[m.end() : m.end() + 30].lower()
        if need and not (any(n in after for n in need) if word in EN_ANYWHERE else
                         after.lstrip().startswith(tuple(n.strip() for n in need))):
            continue  # "spoke at a gathering" is not "spoke about"
        if EN_NEGATION.search(text, max(start, m.start() - 20), m.start()):
            continue
        if _in_leading_subordinate(text, start, m.start()):
            continue  # "When Sanders accused Clinton of ..., she said": the main clause speaks
        if m.group()[:1].isupper() and word.endswith(("ed", "ing")) and not text[
                start : m.start()].strip(" \"“‘'"):
            continue  # "Asked about the plan, Smith said ..." - a participle, not the predicate
        found.append((m.start(), m.end(), Gender.UNKNOWN))
    return found


def _negated(text: str, pos: int) -> bool:
    return text[max(0, pos - 4) : pos].lower() in (" не ", "\nне ") or text[
        max(0, pos - 3) : pos
    ].lower() == "не "


def _agrees(mention_gender: Gender, verb_gender: Gender) -> bool:
    if verb_gender in (Gender.UNKNOWN, Gender.PLUR) or mention_gender is Gender.UNKNOWN:
        return True
    return mention_gender is verb_gender


# -- cues --------------------------------------------------------------------------------------


def parse_cue(text: str, start: int, end: int, people: People, language: Language) -> Cue | None:
    """Whom a reporting clause names: a name, a pronoun or a role noun next to a speech verb."""
    verbs = speech_verbs(text, start, end, language) or _cue_verbs(text, start, end)
    if not verbs:
        return None
    vs, ve, gender = verbs[0]
    if language is Language.EN:
        subject = _english_subject(text, people.mentions(start, end), vs, ve)
        if subject is not None:
            return Cue(start, end, people.register(subject, subject=True))
    else:
        for mention in people.mentions(start, end):
            if _agrees(mention.gender, gender):
                return Cue(start, end, people.register(mention, subject=True, gender=gender))
        # "- деді депутат Айдос Сарым.": the words after the verb, role words and a name.
        named = CLOSING_NAME.match(text, ve, end)
        loose = named and names.closing_name(text, named.start("name"), end)
        if loose and gender is not Gender.PLUR and _agrees(loose.gender, gender):
            return Cue(start, end, people.register(loose, subject=True, gender=gender))
    found = pronoun_subject(text, start, end, people, gender)
    if found is None:
        found = role_subject(text, start, end, people)
    return Cue(start, end, found)


CLOSING_NAME = re.compile(rf"\s+(?:(?!(?:в|во|на|из|от|у|к|по|для|с|со|при|о|об|и)\s)"
                          rf"[{LOWER}-]+\s+){{0,3}}?(?P<name>[{UPPER}])")


def _cue_verbs(text: str, start: int, end: int) -> list[tuple[int, int, Gender]]:
    m = WORDS.search(text, start, end)
    if m is None:
        return []
    for p in parses(m.group().lower()):
        if p.pos == "VERB" and p.lemma in lexicon_ru.CUE_ONLY_VERBS:
            return [(m.start(), m.end(), p.agreement)]
    return []


def pronoun_subject(text: str, start: int, end: int, people: People, gender: Gender) -> str | None:
    """"сказал он" / "Он также напомнил": the most recent agreeing person."""
    for m in WORDS.finditer(text, start, end):
        g = _pronoun(text, m)
        if g is not None:
            return people.antecedent(start, Gender(g) if gender is Gender.UNKNOWN else gender)
    return None


KK_DEMONSTRATIVE = re.compile(r"\s+(?:" + "|".join(lexicon_kk.DEMONSTRATIVE_NOUNS) + r")",
                              re.IGNORECASE)


def _pronoun(text: str, word: re.Match[str]) -> str | None:
    """The gender a personal pronoun stands for ("он", "she", Kazakh "ол"), else None."""
    low = word.group().lower()
    g = lexicon_ru.PRONOUNS.get(low) or lexicon_en.PRONOUNS.get(low)
    if g is None and low in lexicon_kk.PRONOUNS and not KK_DEMONSTRATIVE.match(text, word.end()):
        g = lexicon_kk.PRONOUNS[low]
    return g


def role_subject(text: str, start: int, end: int, people: People) -> str | None:
    """"- потребовал судья." : the person this role noun named earlier."""
    for m in WORDS.finditer(text, start, end):
        word = m.group().lower()
        if people.language is Language.KK:
            stem = lexicon_kk.role_stem(word)
            key = people.by_role(stem, start) if stem else None
            if key is not None:
                return key
            continue
        if word in lexicon_en.ROLE_NOUNS and re.search(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}$",
                                                      text[max(0, m.start() - 40) : m.start()]):
            key = people.by_role(word, start)
            if key is not None:
                return key
            continue
        base = lemma(word)
        if base in lexicon_ru.ROLE_NOUNS and any(
            p.case == "nomn" and p.number == "sing"
            for p in parses(word) if p.lemma == base
        ):
            following = WORDS.match(text, m.end() + 1, end)
            office = following and lexicon_ru.ROLE_PHRASES.get(
                (base, lemma(following.group())))
            key = people.by_role(office or base, start)
            if key is not None:
                return key
    return None


def find_cue_after(
    text: str, pos: int, limit: int, people: People, language: Language
) -> Cue | None:
    """A cue right after a quote: "», - сказал X." (pos is where the quote ends)."""
    if language is Language.EN:
        return english_cue_after(text, pos, limit, people)
    m = CUE_AFTER_QUOTE.match(text, pos, limit)
    if m is None:
        # "«...», сказал Ибраев." - a lost dash: the next word must be a speech verb.
        m = COMMA_CUE.match(text, pos, limit)
        if m is None:
            return None
        word = WORDS.match(text, m.end(), limit)
        if word is None or not speech_verbs(text, word.start(), word.end(), language):
            return None
    cue_end = _cue_end(text, m.end(), limit)
    cue = parse_cue(text, m.end(), cue_end, people, language)
    if cue is None:
        return None
    return Cue(pos, cue_end, cue.key)


EN_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|St|Jr|Sr|"
                             r"Prof|Rev|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|Vol|U\.S|D\.C))\.$")
EN_CUE_STOP = re.compile(r"[.!?](?=\s|$)|[,:](?=\s*[\"“‘])|\s(?=[\"“])")


def _english_stop(text: str, start: int, limit: int) -> int:
    """Where an English cue clause ends: its sentence's end, or the next quote."""
    limit = min(limit, start + 300)
    for m in EN_CUE_STOP.finditer(text, start, limit):
        if m.group() == "." and EN_ABBREVIATION.search(text, max(start, m.start() - 5), m.end()):
            continue
        return m.end()
    return limit


def english_cue_after(text: str, pos: int, limit: int, people: People) -> Cue | None:
    """'"...," Smith said.' / '"...?" asked Sen. Ted Cruz (R-Texas).' / '"...," she said, "...'"""
    before_mark = text[max(0, pos - 2) : pos - 1]
    m = re.compile(r",?\s+").match(text, pos, limit)
    if m is None or before_mark not in ",?!—–-…" and text[pos:pos + 1] != ",":
        return None
    start = m.end()
    end = _english_stop(text, start, limit)
    verbs = english_speech(text, start, end)
    if not verbs or len(WORDS.findall(text[start:verbs[0][0]])) > 6:
        return None
    cue = parse_cue(text, start, end, people, Language.EN)
    if cue is None or cue.key is None:
        return None
    return Cue(pos, end, cue.key)


def _cue_end(text: str, start: int, limit: int) -> int:
    """A cue ends where the quote resumes ("- сказал он. - ...") or at its sentence's end."""
    limit = min(limit, start + 300)  # a reporting clause is short; never scan a whole book
    m = CUE_END.search(text, start, limit)
    end = m.end() if m else limit
    stop = SENTENCE_END.search(text, start, end)
    return stop.end() if stop else end


# -- direct speech -----------------------------------------------------------------------------


def dash_paragraph(text: str, paragraphs: Sequence[Paragraph], i: int, people: People,
                   language: Language, context: str | None) -> tuple[list[Raw], list[Cue], int]:
    """A paragraph opened by a dash: pieces split by cues; without a cue, look ahead for one."""
    p = paragraphs[i]
    pieces, cues = split_by_cues(text, p.start, p.end, people, language)
    if cues:
        return _direct_pieces(pieces, cues, context, "dash-paragraph"), cues, 1
    # "- ... (no cue)" then more paragraphs until ", - отметил Малик Отарбаев."
    for j in range(i + 1, min(len(paragraphs), i + 12)):
        q = paragraphs[j]
        if q.opens_with_dash or _is_label_like(q.text):
            break
        q_pieces, q_cues = split_by_cues(text, q.start, q.end, people, language)
        if q_cues:
            key = q_cues[0].key
            if key is None:
                break
            raws = [Raw(paragraphs[k].start, paragraphs[k].end, key, Kind.DIRECT,
                        "multi-paragraph-quote") for k in range(i, j)]
            raws += _direct_pieces(q_pieces, q_cues, key, "multi-paragraph-quote")
            return raws, q_cues, j - i + 1
        if _has_speech(text, q, language) and people.mentions(q.start, q.end):
            break  # someone else's reported speech: the quote had no closing cue
    if context is not None:
        return [Raw(p.start, p.end, context, Kind.DIRECT, "dash-after-introduction")], [], 1
    return [], [], 1


HEADLINE_LABEL = re.compile(r"(?P<label>[^\W\d_][^:\n«\"“]{1,40}):\s+(?=\S)")


def headline_label(text: str, p: Paragraph, people: People) -> Raw | None:
    """"Sanders: Endorsements prove Clinton 'candidate of the establishment.'" - a headline
    that gives a named person's words after their name and a colon."""
    m = HEADLINE_LABEL.match(text, p.start, p.end)
    if m is None or len(p.text) > 200:
        return None
    found = people.mentions(m.start("label"), m.end("label"))
    if not found or found[-1].end != m.end("label"):
        return None
    lead = WORDS.findall(text[m.start("label") : found[-1].start])
    if len(lead) > 3:
        return None
    key = people.register(found[-1], subject=True)
    return Raw(p.start, p.end, key, Kind.INDIRECT, "headline-label")


INTERVIEWER = re.compile(
    r"(?:[Бб]еседовал[аи]?|[Ии]нтервью (?:вел[аи]?|записал[аи]?)|[Зз]аписал[аи]?|"
    r"[Вв]опросы задавал[аи]?|[Ii]nterviewed by|[Cc]onducted by)\s*:?\s*")


def interview_exchange(text: str, paragraphs: Sequence[Paragraph], i: int, people: People,
                       language: Language, context: str | None) -> tuple[list[Raw], int]:
    """"— Вопрос? — Ответ." in a row with no cues: questions are the interviewer's (named by
    "Беседовала Анна Иванова", else "Корреспондент"), answers the interviewee's."""
    run: list[Paragraph] = []
    for k in range(i, len(paragraphs)):
        q = paragraphs[k]
        if not q.opens_with_dash or split_by_cues(text, q.start, q.end, people, language)[1]:
            break
        run.append(q)
    questions = {id(q) for q in run if q.text.rstrip().endswith("?")}
    if len(run) < 3 or not questions or len(questions) == len(run):
        return [], len(run)
    guest = context or _most_named(text, paragraphs, i, people)
    if guest is None:
        return [], len(run)
    host = _interviewer(text, people, language)
    return [Raw(q.start, q.end, host if id(q) in questions else guest, Kind.DIRECT,
                "interview-question" if id(q) in questions else "interview-answer")
            for q in run], len(run)


def _most_named(text: str, paragraphs: Sequence[Paragraph], before: int,
                people: People) -> str | None:
    """The person the paragraphs before `before` name most often: whom an interview is with."""
    counts: dict[str, int] = {}
    for k in range(before):
        p = paragraphs[k]
        for m in people.mentions(p.start, p.end):
            key = people.register(m, remember=False)
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _interviewer(text: str, people: People, language: Language) -> str:
    for m in INTERVIEWER.finditer(text):
        found = people.mentions(m.end(), min(len(text), m.end() + 60))
        if found and found[0].start - m.end() < 3:
            return people.register(found[0], subject=True)
    label = "Interviewer" if language is Language.EN else "Корреспондент"
    key = "role:" + label.lower()
    people.labels.setdefault(key, label)
    return key


def split_by_cues(text: str, start: int, end: int, people: People,
                  language: Language) -> tuple[list[tuple[int, int]], list[Cue]]:
    """Quote pieces and the cues between them: "- A, - сказал X. - B" -> [A, B], [cue]."""
    pieces: list[tuple[int, int]] = []
    cues: list[Cue] = []
    pos = start
    for m in CUE_SEP.finditer(text, start, end):
        if m.start() < pos:
            continue
        cue_end = _cue_end(text, m.end(), end)
        cue = parse_cue(text, m.end(), cue_end, people, language)
        if cue is None:
            continue
        sep = m.start() + 1 if text[m.start()] in "!?…" else m.start()
        pieces.append((pos, sep))
        cues.append(Cue(sep, cue_end, cue.key))
        pos = cue_end
    if pos < end:
        pieces.append((pos, end))
    return pieces, cues


def _direct_pieces(pieces: list[tuple[int, int]], cues: list[Cue], fallback: str | None,
                   rule: str) -> list[Raw]:
    """Each piece goes to the next cue after it, or else the last cue before it."""
    named = [c for c in cues if c.key]  # in document order, as split_by_cues makes them
    starts = [c.start for c in named]
    ends = [c.end for c in named]
    raws = []
    for s, e in pieces:
        i = bisect.bisect_left(starts, e)
        key = named[i].key if i < len(named) else None
        if key is None:
            j = bisect.bisect_right(ends, s) - 1
            key = named[j].key if j >= 0 else None
        key = key or fallback
        if key is not None:
            raws.append(Raw(s, e, key, Kind.DIRECT, rule))
    return raws


def inner_dash_quote(text: str, p: Paragraph, people: People,
                     language: Language) -> tuple[list[Raw], list[Cue]]:
    """"... попросил акима ответить. - Я понял ваш вопрос, - ответил X." inside a paragraph."""
    openings = list(INNER_DASH.finditer(text, p.start, p.end))
    for k, m in enumerate(openings):
        start = m.end() - 1
        while start > m.start() and text[start] not in DASHES:
            start -= 1
        # Its cue comes before the next dash that opens a sentence: look no further (linear).
        stop = openings[k + 1].start() if k + 1 < len(openings) else p.end
        pieces, cues = split_by_cues(text, start, stop, people, language)
        if cues and cues[0].key:
            first_cue_end = cues[0].end
            kept = [(a, b) for a, b in pieces if b <= first_cue_end]
            return _direct_pieces(kept, cues[:1], None, "dash-inside-paragraph"), cues[:1]
    return [], []


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quotations in text[start:end], marks included; an unclosed one runs to `end`,
    and a closing mark with no opener before it closes a quote opened at `start`."""
    quotes: list[tuple[int, int]] = []
    pos = start
    first_close = text.find("»", start, end)
    if first_close > start and text.find("«", start, first_close) < 0:
        # "Работа идет», - сказал он." - the opening mark was lost.
        quotes.append((start, first_close + 1))
        pos = first_close + 1
    while pos < end:
        m = QUOTE_OPEN.search(text, pos, end)
        if m is None:
            break
        opener = m.group()
        if opener == '"' and m.start() > start and text[m.start() - 1].isalnum() and (
            m.end() < end and not text[m.end()].isalnum()
        ):
            pos = m.end()  # a closing mark with no opener
            continue
        closer = OPEN_CLOSE[opener]
        close = _matching_close(text, m.end(), end, opener, closer)
        if close is None:
            if opener in ("«", "“", "„") or opener == '"' and (
                    m.start() == start or text[m.start() - 1].isspace()):
                quotes.append((m.start(), end))
            break
        quotes.append((m.start(), close))
        pos = close
    return quotes


def _matching_close(text: str, pos: int, end: int, opener: str, closer: str) -> int | None:
    if opener == closer:
        i = text.find(closer, pos, end)
        return None if i < 0 else i + len(closer)
    depth = 1
    i = pos
    while i < end:
        c = text[i]
        if c == closer and (opener != "„" or depth == 1):
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == opener:
            depth += 1
        i += 1
    return None


QUOTE_LEAD = re.compile(rf"[\s{re.escape(DASHES)}]*")
QUOTE_TAIL = re.compile(rf"[\s.,!?…{re.escape(DASHES)}]*")


def quote_segments(text: str, p: Paragraph, people: People, language: Language,
                   context: str | None) -> tuple[list[Raw], list[Cue]]:
    """Quotations that are speech: with a cue after, an introduction with a colon before, or
    a whole paragraph in quotes after someone was introduced."""
    raws: list[Raw] = []
    cues: list[Cue] = []
    last: tuple[int, str] | None = None  # where the last speech (with its cue) ended, and whose
    pos = p.start
    for qs, qe in find_quotes(text, p.start, p.end):
        inner = text[qs:qe]
        # Names in the narration before this quote are what "he said" after it refers to.
        for m in people.mentions(pos, qs):
            if m.start not in people.seen:
                people.register(m)
        pos = qe
        if len(WORDS.findall(inner)) < 2:
            continue
        cue = find_cue_after(text, qe, p.end, people, language)
        if cue is not None and cue.key is not None:
            raws.append(Raw(qs, qe, cue.key, Kind.DIRECT, "quote-cue-after"))
            head = _sentence_head(text, p, qs, language)
            if head is not None:
                # 'Yet Trump is also a “wild card,” Cole said.' - the whole sentence is Cole's.
                raws.append(Raw(head, qs, cue.key, Kind.INDIRECT, "quote-sentence-head"))
                raws.append(Raw(qe, cue.end, cue.key, Kind.INDIRECT, "quote-sentence-head"))
            else:
                cues.append(cue)
            last = (cue.end, cue.key)
            continue
        intro = colon_introduction(text, p, qs, people, language)
        if intro is not None and intro.key:
            raws.append(Raw(qs, qe, intro.key, Kind.DIRECT, "quote-after-colon"))
            cues.append(intro)
            last = (qe, intro.key)
            continue
        if last is not None and CONNECTIVE.fullmatch(text, last[0], qs):
            # '"...," she said. "More words."' - the next quote goes on with the same voice,
            # also after a connective: '"...," he said. But "it helps."'.
            raws.append(Raw(qs, qe, last[1], Kind.DIRECT, "quote-continues"))
            last = (qe, last[1])
            continue
        alone = QUOTE_LEAD.fullmatch(text, p.start, qs) and QUOTE_TAIL.fullmatch(text, qe, p.end)
        if alone and context is not None and len(WORDS.findall(inner)) >= 4:
            raws.append(Raw(qs, qe, context, Kind.DIRECT, "quote-paragraph-after-introduction"))
    return [r for r in raws if r.key], cues


CONNECTIVE = re.compile(r"\s*(?:(?:But|And|Yet|Still|Also|Но|И|А|Однако|Ал|Бірақ)\s+)?",
                        re.IGNORECASE)


def _sentence_head(text: str, p: Paragraph, qs: int, language: Language) -> int | None:
    """Start of the narration that opens a quote's sentence, when it carries the speaker's
    words ('Yet Trump is also a “wild card,”'); None when the quote opens the sentence."""
    if language is not Language.EN:
        return None
    k = bisect.bisect_right(p.sentence_starts, qs) - 1
    if k < 0 or not p.sentences[k].start < qs < p.sentences[k].end:
        return None
    start = p.sentences[k].start
    head = text[start:qs]
    if len(WORDS.findall(head)) < 2 or re.search(r"[\"“”:]|,\s*$", head):
        return None
    if english_speech(text, start, qs):
        return None
    return start


def colon_speech(text: str, p: Paragraph, people: People,
                 language: Language) -> tuple[list[Raw], list[Cue]]:
    """"Исаков спрашивает: почему так дорого?" - unquoted words after a speech verb and a colon."""
    colon = text.find(":", p.start, p.end)
    while colon >= 0:
        rest = AFTER_COLON.match(text, colon + 1, p.end)
        if rest is not None:
            if speech_verbs(text, _clause_start(text, p.start, colon), colon, language):
                intro = colon_introduction(text, p, colon + 1, people, language)
                if intro is not None and intro.key:
                    raw = Raw(rest.end(), p.end, intro.key, Kind.DIRECT, "speech-after-colon")
                    return [raw], [intro]
        colon = text.find(":", colon + 1, p.end)
    return [], []


# Two words after a colon that do not open a quotation: "спросил: почему так дорого?"
AFTER_COLON = re.compile(rf"\s*(?=[^\s«\"“„'{re.escape(DASHES)}]\S*\s+[^\W\d_])")


def _clause_start(text: str, floor: int, pos: int) -> int:
    """Where the clause ending at `pos` starts: after the last sentence mark, at most 300 back."""
    floor = max(floor, pos - 300)
    return max(floor, *(text.rfind(c, floor, pos) + 1 for c in ".!?»\"”"))


def colon_introduction(text: str, p: Paragraph, qs: int, people: People,
                       language: Language) -> Cue | None:
    """"Исаков парировал: «...»", "Депутат Ибраев: «...»", 'Cruz said, adding: "..."':
    the clause before a colon (or, in English, a comma) that names the speaker."""
    colon = qs - 1
    while colon >= p.start and text[colon].isspace():
        colon -= 1
    if colon < p.start or not (text[colon] == ":" or language is Language.EN and
                                text[colon] == ","):
        return None
    clause_start = _clause_start(text, p.start, colon)
    mentions = people.mentions(clause_start, colon)
    verbs = speech_verbs(text, clause_start, colon, language)
    if language is Language.EN:
        if not verbs:
            return None
        vs, ve, _ = verbs[-1]
        if text[vs:ve].lower() in ("saying", "adding", "telling"):
            # "Sanders compared himself to Clinton, saying," - the sentence's subject.
            subject = mentions[0] if mentions and mentions[0].start < vs else None
        else:
            subject = _english_subject(text, mentions, vs, ve)
        if subject is not None:
            return Cue(clause_start, colon + 1, people.register(subject, subject=True))
    gender = verbs[0][2] if verbs else Gender.UNKNOWN
    if mentions and language is not Language.EN:
        m = mentions[-1] if not verbs else _subject_for_verb(mentions, verbs[0])
        if m is not None:
            return Cue(clause_start, colon + 1,
                       people.register(m, subject=True, gender=gender))
    if verbs:
        key = pronoun_subject(text, clause_start, colon, people, gender) or role_subject(
            text, clause_start, colon, people)
        if key is not None:
            return Cue(clause_start, colon + 1, key)
    return None


def _subject_for_verb(mentions: list[Mention], verb: tuple[int, int, Gender]) -> Mention | None:
    before = [m for m in mentions if m.end <= verb[0] and _agrees(m.gender, verb[2])]
    after = [m for m in mentions if m.start >= verb[1] and _agrees(m.gender, verb[2])]
    if before:
        return before[-1]
    return after[0] if after else None


# -- reported speech ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    key: str
    rule: str
    continues: bool


ACCORDING = re.compile(r"\b(?:по\s+(?:словам|мнению|заявлению|данным|информации)|"
                       r"according\s+to)\s+", re.IGNORECASE)
ACCORDING_PRONOUN = re.compile(r"\bпо\s+(его|ее|её|их)\s+(?:словам|мнению)|"
                               r"\b(оның|олардың)\s+(?:айтуынша|пікірінше|сөзінше)", re.IGNORECASE)
ACCORDING_ROLE = re.compile(r"по\s+(?:словам|мнению|заявлению|данным)\s+([а-яё-]+)\s*,",
                            re.IGNORECASE)
KK_ACCORDING = re.compile(r"\b(?:айтуынша|пікірінше|сөзінше|мәліметінше)\b", re.IGNORECASE)
RELATIVE = re.compile(r",\s*(?:который|которая|которые)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
QUOTE_OPENERS = "“«„\""
EN_RELATIVE = re.compile(r",\s*who\s+(?:\w+\s+){0,2}$")


def reported_speech(text: str, s: Sentence, people: People, language: Language) -> Reported | None:
    """Whose reported speech a sentence is, by the first rule that matches."""
    if OUTLET_RELAY.search(text, s.start, s.end) and not ACCORDING.search(text, s.start, s.end):
        head = OUTLET_RELAY.search(text, s.start, s.end)
        if head is not None and head.start() - s.start < 5:
            return None
    for rule in (according_to, pronoun_according_to, organisation_source, speech_verb_subject):
        found = rule(text, s, people, language)
        if found is not None:
            return found
    return None


def according_to(text: str, s: Sentence, people: People, language: Language) -> Reported | None:
    """"По словам министра Владимира Караника, ..." -> Караник."""
    kk = KK_ACCORDING.search(text, s.start, s.end)
    if kk is not None:
        mentions = people.mentions(max(s.start, kk.start() - 60), kk.start())
        if mentions and mentions[-1].end >= kk.start() - 8:
            return Reported(people.register(mentions[-1], case="gent"), "according-to", True)
        # "Министрдің айтуынша" - the minister named before.
        role = re.search(r"(\w+)\s+$", text[max(s.start, kk.start() - 40) : kk.start()])
        stem = lexicon_kk.role_stem(role.group(1)) if role else None
        key = people.by_role(stem, s.start) if stem else None
        if key is not None:
            return Reported(key, "according-to-role", True)
    m = ACCORDING.search(text, s.start, s.end)
    if m is None:
        return None
    window_end = min(s.end, m.end() + 120)
    comma = text.find(",", m.end(), window_end)
    mentions = people.mentions(m.end(), comma if comma > 0 else window_end)
    role = ACCORDING_ROLE.match(text, m.start(), s.end)
    if not mentions and role is not None:
        # "По словам эксперта, ..." - the expert named before.
        key = people.by_role(lemma(role.group(1)), s.start)
        return None if key is None else Reported(key, "according-to-role", True)
    between = [w.lower() for w in WORDS.findall(text[m.end() : mentions[0].start])] if (
        mentions) else []
    if not mentions or len(between) > 4 or language is Language.EN and not _english_title(
            text[m.end() : mentions[0].start]):
        return None  # "according to the documents released by WikiLeaks" is no one's speech
    key = people.register(mentions[0], case="gent")
    return Reported(key, "according-to", True)


def _english_title(words: str) -> bool:
    """Whether the words before a name are its title: "Minister", "the party's chairman",
    "Health Minister" (capitalised words ending in a title)."""
    found = WORDS.findall(words)
    titles = lexicon_en.TITLES | lexicon_en.ROLE_HEADS
    if all(w.lower() in titles | {"the"} for w in found):
        return True
    return found[-1].lower() in titles and all(w[:1].isupper() for w in found)


ORG_SOURCE = re.compile(
    r"\b(?P<verb>[а-яё]+)\s+в\s+(?P<org>[а-яё-]+(?:\s+[а-яёА-ЯЁ«»\"-]+){0,4})|"
    r"\bв\s+(?P<org2>[а-яё-]+(?:\s+[а-яёА-ЯЁ«»\"-]+){0,4}?)\s+(?P<verb2>[а-яё]+)\b",
    re.IGNORECASE)


def organisation_source(text: str, s: Sentence, people: People,
                        language: Language) -> Reported | None:
    """"Как отмечают в департаменте полиции, ..." -> департамент полиции."""
    if language is not Language.RU:
        return None
    for m in ORG_SOURCE.finditer(text, s.start, min(s.end, s.start + 200)):
        verb = (m.group("verb") or m.group("verb2") or "").lower()
        org = m.group("org") or m.group("org2") or ""
        words = org.split()
        if verb not in lexicon_ru.ORG_VERBS or not words:
            continue
        if words[0].lower() not in lexicon_ru.ORG_HEADS:
            continue
        # Keep the head and its genitive complement up to the first comma-free break.
        kept = [words[0]]
        for w in words[1:]:
            found = parses(w.lower().strip("«»\""))
            if not found or found[0].case not in ("gent", None) and not w[:1].isupper():
                break
            kept.append(w)
        head = kept[0]
        found = parses(head.lower())
        nominative = head
        if found and found[0].case != "nomn":
            form = inflect(found[0], frozenset({"nomn"}))
            if form is not None:
                nominative = form
        name = " ".join([nominative, *kept[1:]]).strip(",.")
        key = people.organisation(name)
        alias = " ".join(kept).strip(",.")
        if alias != name:
            people.aliases.setdefault(key, [])
            if alias not in people.aliases[key]:
                people.aliases[key].append(alias)
        return Reported(key, "organisation-source", True)
    return None


def pronoun_according_to(text: str, s: Sentence, people: People,
                         language: Language) -> Reported | None:
    """"По его словам, ..." -> the most recent man."""
    m = ACCORDING_PRONOUN.search(text, s.start, s.end)
    if m is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    gender = {"его": Gender.MASC, "ее": Gender.FEMN, "её": Gender.FEMN,
              "оның": Gender.UNKNOWN}.get(word, Gender.PLUR)
    key = people.antecedent(s.start, gender)
    return None if key is None else Reported(key, "according-to-pronoun", True)


def speech_verb_subject(text: str, s: Sentence, people: People,
                        language: Language) -> Reported | None:
    """A speech verb with a named, pronoun, relative or role subject."""
    verbs = speech_verbs(text, s.start, s.end, language)
    if not verbs:
        return None
    mentions = people.mentions(s.start, s.end)
    for verb in verbs:
        vs, ve, gender = verb
        content = _has_content_after(text, ve, s.end)
        continues = content == "that"
        # "..., которая обратила внимание" -> the name before the relative pronoun.
        rel = (EN_RELATIVE if language is Language.EN else RELATIVE).search(text, s.start, vs)
        if rel is not None:
            before = [m for m in mentions if m.end <= rel.start() and _agrees(m.gender, gender)]
            if before:
                key = people.register(before[-1], subject=True, gender=gender)
                return Reported(key, "relative-clause-subject", continues)
        subject = _nearest_subject(text, mentions, verb, s.start, language)
        if subject is not None:
            key = people.register(subject, subject=True, gender=gender)
            return Reported(key, "speech-verb-subject", continues or _about_this(text, s, vs))
        found = _pronoun_before(text, s.start, vs, people, gender, mentions)
        if found is not None:
            return Reported(found, "pronoun-subject", continues)
        found = role_subject(text, max(s.start, vs - 60), min(s.end, ve + 40), people)
        if found is not None:
            return Reported(found, "role-subject", continues)
        found = _organisation_before(text, s.start, vs, people)
        if found is not None:
            return Reported(found, "organisation-subject", continues)
    return None


def _nearest_subject(text: str, mentions: list[Mention], verb: tuple[int, int, Gender],
                     sentence_start: int, language: Language = Language.RU) -> Mention | None:
    vs, ve, gender = verb
    if language is Language.KK:
        # Subject-object-verb order: the subject is the first name in the nominative before.
        before = [m for m in mentions if m.end <= vs and m.nominative]
        return before[0] if before else None
    if language is Language.EN:
        return _english_subject(text, mentions, vs, ve)
    if gender is Gender.PLUR:
        return None  # "Аканов и его заместитель Жумабаев заявили": no one person's words
    before = [m for m in mentions if m.end <= vs and _agrees(m.gender, gender)]
    for m in reversed(before):
        between = text[m.end:vs]
        if len(WORDS.findall(between)) > 12 or re.search(r"\b(?:что|чтобы)\b", between):
            break
        if _finite_verb_in(between) or not _subject_case(m, gender):
            continue
        return m
    after = [m for m in mentions if m.start >= ve and _agrees(m.gender, gender)]
    for m in after:
        between = text[ve:m.start]
        if len(WORDS.findall(between)) > 8 or re.search(r"[,:;]|\bчто\b", between):
            break
        return m
    return None


EN_APPOSITIVE = re.compile(r"\s*\([^()]{0,40}\)|,[^,;:\"“”]{0,120},|"
                           r"^\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*")
EN_CONJOINED = re.compile(r"\b\w+\s+and\s+(?:\w+ly\s+)?$")
EN_ADVERBS = frozenset("""also later then again once further repeatedly had has have has had
    previously recently earlier today yesterday on monday tuesday wednesday thursday friday
    saturday sunday last week night month year this morning afternoon evening flatly simply
    publicly privately quickly has in an interview statement""".split())


def _english_subject(text: str, mentions: list[Mention], vs: int, ve: int) -> Mention | None:
    """"Sen. Ted Cruz (R-Texas), who ..., said" or "said Sen. Ted Cruz": the name next to the
    verb, with only a parenthesis, an appositive or an adverb between; not a possessive and
    not one of two joint subjects ("Trump and Ryan said")."""
    if text[vs:ve].lower().endswith("ing"):
        lead = [m for m in mentions if m.end <= vs]
        if lead and not re.search(r"['’]s?\b", text[lead[0].end : lead[0].end + 2]):
            start = max(0, text.rfind(".", 0, lead[0].start), text.rfind("\n", 0, lead[0].start))
            if len(WORDS.findall(text[start : lead[0].start])) <= 3:
                return lead[0]  # "Trump spoke to ..., promising to ..." - the sentence's subject
        return None
    for m in list(reversed([m for m in mentions if m.end <= vs]))[:3]:
        if re.match(r"['’]s?\b", text[m.end : m.end + 2]) or not m.nominative:
            continue  # "Clinton's aide", "Cole of Oklahoma", "Daughter Of Eric Garner"
        clause = text[max(0, m.start - 80) : m.start]
        if re.search(r"\b(?:who|which|whose|that)\b[^,.;:!?\n\"“”]*$", clause):
            continue  # "McCaskill, who has endorsed Clinton, said": Clinton is an object
        between = text[m.end:vs]
        if re.fullmatch(r"\s*(?:\([^()]{0,40}\))?\s*,[^\"“”;:]{0,200},\s*", between):
            between = " "  # "Sanders, meanwhile, who sits at zero endorsements, said"
        between = EN_APPOSITIVE.sub(" ", between)
        words = WORDS.findall(between)
        if len(words) > 4 or any(w[:1].isupper() for w in words) or not all(
                w.lower() in EN_ADVERBS for w in words):
            continue
        if re.search(r"\b(?:and|&)\s+$", text[max(0, m.start - 6) : m.start]):
            return None
        return m
    if EN_CONJOINED.search(text, max(0, vs - 24), vs):
        # "Clinton repeatedly invoked Obama and suggested that ...": the sentence's subject.
        lead = [m for m in mentions if m.end <= vs]
        if lead and lead[0].nominative and not re.match(r"['’]s?\b", text[lead[0].end :]):
            start = max(0, text.rfind(".", 0, lead[0].start), text.rfind("\n", 0, lead[0].start))
            clause = text[lead[0].end : vs]
            if len(WORDS.findall(text[start : lead[0].start])) == 0 and not re.search(
                    r"[.;:!?\"“”]|\b(?:who|which|whose|that|but|while)\b", clause):
                return lead[0]
    verb = text[vs:ve].lower()
    if verb.endswith("ing"):
        # "..., promising to lift regulations": the subject of the sentence.
        lead = [m for m in mentions if m.end <= vs]
        if lead and re.search(r",\s*$", text[lead[0].end : vs]) is None and re.search(
                r",\s*$", text[:vs]):
            return lead[0]
        return None
    if not re.search(r"[,\"”’]\s*$", text[max(0, vs - 3) : vs]):
        return None  # "said Smith" only after a quote or a comma
    for m in (m for m in mentions if m.start >= ve):
        between = text[ve:m.start]
        words = WORDS.findall(between)
        if len(words) <= 3 and "," not in between and not re.match(r"['’]s\b", text[m.end:]):
            return m
        break
    return None


def _subject_case(m: Mention, gender: Gender) -> bool:
    """A nominative name; with a masculine verb "Кадырова" is genitive, not a subject."""
    if not m.nominative:
        return False
    last = m.words[-1].lower()
    return not (gender is Gender.MASC and re.search(r"(?:ов|ев|ёв|ин|ын)а$|ская$", last))


def _finite_verb_in(fragment: str) -> bool:
    for w in WORDS.findall(fragment):
        found = parses(w.lower())
        if found and found[0].pos == "VERB" and found[0].score > 0.5:
            return True
    return False


def _organisation_before(text: str, start: int, vs: int, people: People) -> str | None:
    """"Акимат города сообщил, что ..." - a named organisation as the subject."""
    words = list(WORDS.finditer(text, max(start, vs - 80), vs))
    for i, m in enumerate(words):
        low = m.group().lower()
        if low not in lexicon_ru.ORG_HEADS:
            continue
        head = [p for p in parses(low) if p.case == "nomn" and p.pos == "NOUN"]
        if not head:
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
        return people.organisation(name[:1].lower() + name[1:] if name[1:2].islower() else name)
    return None


def _pronoun_before(text: str, start: int, vs: int, people: People, gender: Gender,
                    mentions: Sequence[Mention] = ()) -> str | None:
    """"Он также напомнил", "X, он перевел ответ и похвалил": a pronoun in the same clause."""
    clause = max(start, *(text.rfind(c, start, vs) + 1 for c in ",;:"))
    words = list(WORDS.finditer(text, clause, vs))
    for m in reversed(words):
        g = _pronoun(text, m)
        if g is None:
            continue
        pg = Gender(g)
        if gender not in (Gender.UNKNOWN, pg) and pg is not Gender.PLUR:
            return None
        # "Нариман Турегалиев, он ..." - the name just before in the same sentence.
        same = [x for x in mentions if x.end <= m.start() and x.nominative
                and _agrees(x.gender, pg) and pg is not Gender.PLUR]
        if same:
            return people.register(same[-1], subject=True, gender=pg)
        return people.antecedent(m.start(), pg)
    return None


def _has_content_after(text: str, pos: int, end: int) -> str:
    rest = text[pos:end].lower()
    if re.match(r"[^.]{0,60}?(?:,\s*что\b|:|\bчто\b)", rest):
        return "that"
    return "object"


def _about_this(text: str, s: Sentence, vs: int) -> bool:
    return bool(re.match(r"\s*(?:об этом|как)\b", text[s.start:vs].lower()))


def _has_speech(text: str, p: Paragraph, language: Language) -> bool:
    return bool(speech_verbs(text, p.start, p.end, language))


def _is_label_like(line: str) -> bool:
    return bool(TRANSCRIPT_LABEL.match(line))


# -- news: the driver ---------------------------------------------------------------------------


def news_segments(text: str, paragraphs: Sequence[Paragraph], people: People,
                  language: Language, skip: Iterable[int] = ()) -> list[Raw]:
    """Direct and reported speech in running text, paragraph by paragraph."""
    raws: list[Raw] = []
    skipped = set(skip)
    context: str | None = None
    checked_until = 0
    # Paragraphs of a quote still open, as (start, end), and the index of the last of them:
    # the run goes on only in the very next paragraph.
    pending: list[tuple[int, int]] = []
    pending_last = -1
    i = 0
    while i < len(paragraphs):
        if i in skipped:
            i += 1
            context = None
            continue
        p = paragraphs[i]
        if i == 0:
            headline = headline_label(text, p, people)
            if headline is not None:
                raws.append(headline)
                context = headline.key
                i += 1
                continue
        if i >= checked_until:
            interview, run = interview_exchange(text, paragraphs, i, people, language, context)
            checked_until = i + max(run, 1)  # the rest of a run is no interview's start either
            if interview:
                raws += interview
                i += len(interview)
                continue
        if p.opens_with_dash:
            found, cues, used = dash_paragraph(text, paragraphs, i, people, language, context)
            raws += found
            if found:
                context = found[-1].key
            raws += _cues_with_content(text, cues, language)
            _remember_cues(people, cues)
            i += used
            continue
        found, cues = inner_dash_quote(text, p, people, language)
        if not found:
            found, cues = colon_speech(text, p, people, language)
        more, more_cues = quote_segments(text, p, people, language, context)
        found += [r for r in more if not any(f.start <= r.start < f.end for f in found)]
        cues += more_cues
        raws += found + _cues_with_content(text, cues, language)
        if pending_last != i - 1:
            pending = []
        if pending:
            # The quote that closes a run of paragraphs opened with unclosed quotation marks
            # is the voice of them all.
            closing = next((r for r in found if r.start == p.start and r.kind is Kind.DIRECT),
                           None)
            if closing is not None:
                raws += [Raw(a, b, closing.key, Kind.DIRECT, "multi-paragraph-quote")
                         for a, b in pending]
        opened = _unclosed_quote(text, p)
        if opened and not any(r.start <= opened[0] < r.end for r in found):
            pending.append(opened)
            pending_last = i
        else:
            pending = []
        _remember_cues(people, cues)
        covered = Spans([(r.start, r.end) for r in found] + [(c.start, c.end) for c in cues])
        attributed = False
        running: str | None = None
        reporter: str | None = None
        quotes = Spans(find_quotes(text, p.start, p.end))
        for s in p.sentences:
            if covered.overlaps(s.start, s.end):
                running = reporter = None
                continue
            inside = _inside_quote(text, s, quotes)
            if inside and reporter is not None and _whole_quote(text, s):
                # 'Holt said the city would hire teachers. "This is our priority."'
                raws.append(Raw(s.start, s.end, reporter, Kind.DIRECT, "quote-after-reported"))
                continue
            rep = None if inside else reported_speech(text, s, people, language)
            reporter = rep.key if rep is not None else None
            if rep is not None:
                dateline = DATELINE.match(text, s.start, s.end)
                start = dateline.end() if dateline else s.start
                raws.append(Raw(start, s.end, rep.key, Kind.INDIRECT, rep.rule))
                running = rep.key if rep.continues else None
                context = rep.key
                attributed = True
            elif running is not None and not _starts_new_topic(text, s, people):
                raws.append(Raw(s.start, s.end, running, Kind.INDIRECT, "continues-reported"))
            else:
                running = None
            _remember_mentions(people, text, s)
            if rep is not None:
                people.remember(s.end, rep.key)  # the speaker is what "он" refers to next
        if found:
            context = found[-1].key
        elif not attributed and not text[p.start:p.end].rstrip().endswith(":"):
            context = _introduced(text, p, people)
        i += 1
    return raws


CUE_CONTENT = re.compile(
    r",\s*(?:добавив|отметив|подчеркнув|напомнив|уточнив|пояснив|заметив|указав|заверив)"
    r"\s*,?\s*что\b|,?\s+(?:adding|noting|saying|arguing|explaining|insisting)\s+that\b",
    re.IGNORECASE)


def _cues_with_content(text: str, cues: Sequence[Cue], language: Language) -> list[Raw]:
    """Reporting clauses that add words of the speaker's own ("- заверил он и добавил, что
    запасов хватит", ", adding that ..."): indirect speech, not a cue."""
    raws = []
    for cue in cues:
        if cue.key is None:
            continue
        verbs = speech_verbs(text, cue.start, cue.end, language)
        joined = len(verbs) >= 2 and re.match(
            r"\s*(?:,\s*)?(?:что|that)\b|\s*:", text[verbs[-1][1] : cue.end]) and re.search(
            r"\b(?:и|а также|and)\s+(?:\w+\s+)?$", text[verbs[0][1] : verbs[-1][0]])
        if joined or CUE_CONTENT.search(text, cue.start, cue.end):
            first = WORDS.search(text, cue.start, cue.end)  # not the ", —" that opens it
            start = first.start() if first else cue.start
            raws.append(Raw(start, cue.end, cue.key, Kind.INDIRECT, "cue-with-content"))
    return raws


def _unclosed_quote(text: str, p: Paragraph) -> tuple[int, int] | None:
    """A paragraph that opens with quotation marks never closed in it: the first of a quote
    that runs over paragraphs, each opened again ("“First.\n“Second,” she said.")."""
    if text[p.start : p.start + 1] not in QUOTE_OPENERS:
        return None
    quotes = find_quotes(text, p.start, p.end)
    if len(quotes) != 1 or quotes[0] != (p.start, p.end) or text[p.end - 1] in "”»\"":
        return None
    return p.start, p.end


def _whole_quote(text: str, s: Sentence) -> bool:
    """A sentence that is all quotation: it opens and closes with quotation marks."""
    words = text[s.start : s.end].strip().rstrip(".!?…")
    return len(words) > 2 and words[0] in "\"“«„" and words[-1] in "\"”»“"


def _inside_quote(text: str, s: Sentence, quotes: Spans) -> bool:
    """A sentence within quotation marks is someone's quoted words, not narration."""
    return quotes.contains(s.start, s.end - 1) or text[s.start : s.start + 1] in "\"“«„"


class Spans:
    """Sorted spans with logarithmic overlap and containment queries (no quadratic scans)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end


def _starts_new_topic(text: str, s: Sentence, people: People) -> bool:
    """A sentence that names someone else or opens with a connective of narration."""
    if people.mentions(s.start, s.end):
        return True
    if OUTLET_RELAY.search(text, s.start, s.end):
        return True
    head = text[s.start:s.end].lower()
    return head.startswith(("напомним", "ранее", "кроме того, в", "между тем", "тем временем"))


def _introduced(text: str, p: Paragraph, people: People) -> str | None:
    """Who a narration paragraph introduces ("С докладом выступил Иван Петров.")."""
    mentions = people.mentions(p.start, p.end)
    if not mentions:
        return None
    return people.register(mentions[-1], remember=False)


def _remember_cues(people: People, cues: Sequence[Cue]) -> None:
    for c in cues:
        if c.key:
            people.remember(c.start, c.key)


def _remember_mentions(people: People, text: str, s: Sentence) -> None:
    quotes = find_quotes(text, s.start, s.end)
    for m in people.mentions(s.start, s.end):
        if any(qs <= m.start < qe for qs, qe in quotes):
            continue
        if m.start not in people.seen:
            people.register(m)


# -- transcripts -------------------------------------------------------------------------------

BARE_LABEL = re.compile(
    rf"(?P<label>(?:[{UPPER}]\.\s?){{1,2}}[{UPPER}][\w'’-]+)\s+(?=[{UPPER}«\"„“])")
# "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Коллеги, ..." / "ОМАРОВ Б. Т., фракция «Ақ жол». У меня вопрос":
# an all-caps label ends at its own full stop.
CAPS_DOT_LABEL = re.compile(
    rf"(?P<label>[{UPPER}][{UPPER}-]+(?:\s+[{UPPER}][{UPPER}-]+)?(?:\s+(?:[{UPPER}]\.\s?){{1,2}})?)"
    rf"(?P<role>,\s*[^.\n]{{1,90}})?(?P<sep>\.|(?<=\.))\s+(?=[{UPPER}«\"„“(])(?![{UPPER}]\.)")
# "Q    Can I ask ..." - a question mark label with no separator but wide space.
QA_LABEL = re.compile(r"(?P<label>[QA]\.?)(?P<sep>\s{2,}|\t)(?P<role>)")
# A name alone on its line, a parenthesis allowed: "Mr. Martin Flannery (Sheffield, Hillsborough)"
ALONE_LABEL = re.compile(
    rf"(?P<label>(?:[{UPPER}][\w'’.-]*\s+){{0,4}}[{UPPER}][\w'’-]*)(?P<role>\s*\([^()\n]{{1,80}}\))?")

ROLE_LABELS = {
    "mr speaker": "Mr. Speaker", "mr. speaker": "Mr. Speaker", "madam speaker": "Madam Speaker",
    "the speaker": "The Speaker", "the chairman": "The Chairman", "mr. chairman": "Mr. Chairman",
    "chairman": "Chairman", "the chair": "The Chair", "the clerk": "The Clerk",
    "вопрос": "Вопрос", "ответ": "Ответ", "ведущий": "Ведущий", "ведущая": "Ведущая",
    "корреспондент": "Корреспондент", "журналист": "Журналист",
    "председательствующий": "Председательствующий", "диктор": "Диктор",
    "q": "Q", "a": "A", "question": "Question", "answer": "Answer", "interviewer": "Interviewer",
    "moderator": "Moderator", "host": "Host", "reporter": "Reporter",
    "the president": "The President", "president": "President", "audience": "Audience",
    "тілші": "Тілші", "сұрақ": "Сұрақ", "жауап": "Жауап",
    "гость": "Гость", "гостья": "Гостья", "собеседник": "Собеседник",
    "собеседница": "Собеседница", "интервьюер": "Интервьюер", "модератор": "Модератор",
    "жүргізуші": "Жүргізуші", "қонақ": "Қонақ", "guest": "Guest", "caller": "Caller",
    "panelist": "Panelist", "unidentified male": "Unidentified Male",
    "unidentified female": "Unidentified Female",
}
# "Speaker 1:", "Спикер 2:" - the numbered voices of machine transcripts.
NUMBERED_LABEL = re.compile(
    r"(?P<prefix>>>\s*|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?"
    r"(?P<label>(?:Speaker|Participant|Спикер|Участник|Голос|Сөйлеуші)\s?\d{1,2})"
    r"(?P<role>)(?P<sep>\s*:)\s*")

# "С.БУНТМАН:", "Д.Медведев:", "ПЕТРОВ А. В.:", "Е.АФАНАСЬЕВА –", "Jen Psaki:",
# "Қинаят Құнанбаев, Маралды ауылының тұрғыны:", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.", "**Tim:**"
TRANSCRIPT_LABEL = re.compile(
    # ">> ANDERSON:" (a broadcast transcript), "[00:01:02] John Smith:" (a timed one)
    r"(?:>>\s*|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?"
    rf"[\"“]?(?:\*\*)?(?P<label>(?:[{UPPER}]\.\s?){{0,2}}[{UPPER}][\w'’.-]*(?:\s+(?:[{UPPER}]\.\s?){{0,2}}"
    rf"[{UPPER}][\w'’.-]*){{0,3}}(?:\s+(?:[{UPPER}]\.\s?){{1,2}})?)"
    rf"(?P<role>,\s*[^:\n]{{1,90}}?|\s*\([^)\n]{{1,90}}\))?"
    rf"(?P<sep>\s*:(?:\*\*)?|\s+[–—-](?=\s)|\.(?=\s+[{UPPER}])|(?<=[{UPPER}]\.)(?=\s+[{UPPER}]))"
    rf"(?:\*\*)?\s*"
)


def transcript_label(text: str, p: Paragraph, people: People) -> tuple[int, str] | None:
    """A speaker label at the start of a line: returns (end of label, person key)."""
    numbered = NUMBERED_LABEL.match(text, p.start, p.end)
    if numbered is not None:
        label = " ".join(numbered.group("label").split())
        key = "role:" + label.lower()
        people.labels.setdefault(key, label)
        return numbered.end(), key
    for pattern in (QA_LABEL, CAPS_DOT_LABEL, TRANSCRIPT_LABEL):
        m = pattern.match(text, p.start, p.end)
        found = _label_key(text, m, people) if m is not None else None
        if found is not None:
            return found
    return None


def _label_key(text: str, m: re.Match[str], people: People) -> tuple[int, str] | None:
    """Whom a label match names, or None when it is no label after all."""
    label = m.group("label").strip()
    sep = m.group("sep").strip()
    words = WORDS.findall(label)
    if not words or len(label) > 60:
        return None
    low = " ".join(label.lower().rstrip(".").split())
    if low in ROLE_LABELS:
        return m.end(), _role_label(text, m, low, people)
    # "Mr. SULLIVAN.", "DR. FAUCI:", "Chairman INOUYE:" - titles, then the name.
    name_words = [w for w in words if w.lower() not in lexicon_en.TITLES] or words
    is_caps = all(w.isupper() for w in name_words)
    if sep == "." and not is_caps:
        return None
    # Labels are names: initials, ALL CAPS, or capitalised name-like words.
    mentions = people.mentions(m.start("label"), m.end("label"))
    if not mentions and people.language is Language.EN and is_caps and len(name_words) == 1 \
            and name_words[0].lower() not in lexicon_en.TITLES | lexicon_en.NOT_NAME_WORDS:
        # "PARK:" - a short all-caps surname, not an acronym, when it labels a turn.
        from speechsum.speakers.lang import en_names as names_en

        at = text.find(name_words[0], m.start("label"), m.end("label"))
        mentions = [names_en.label_mention(text, at, at + len(name_words[0]))]
    if not mentions:
        if is_caps and len(words) <= 3 and sep in (":", "-", "–", "—"):
            key = "role:" + low
            people.labels.setdefault(key, names.display_name(tuple(words)))
            return m.end(), key
        return None
    mention = mentions[0]
    lead = WORDS.findall(text[m.start("label") : mention.start])
    if any(w.lower() not in lexicon_en.TITLES for w in lead) and not is_caps:
        return None
    key = people.register(mention, subject=True)
    role = (m.group("role") or "").strip(" ,()")
    if role and key in people.persons:
        people.persons[key].roles.append(role)
    return m.end(), key


def _role_label(text: str, m: re.Match[str], low: str, people: People) -> str:
    """"ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ (Иванов П. С.):" names the holder; later bare labels are his."""
    role_group = m.groupdict().get("role")
    holder = people.mentions(m.start("role"), m.end("role")) if role_group else []
    if holder:
        key = people.register(holder[0], subject=True)
        people.role_holders[low] = key
        people.add_alias(key, ROLE_LABELS[low])
        return key
    if low in people.role_holders:
        return people.role_holders[low]
    key = "role:" + low
    people.labels.setdefault(key, ROLE_LABELS[low])
    return key


def label_line(text: str, p: Paragraph, people: People) -> str | None:
    """A label alone on its line: "Mr. Martin Flannery (Sheffield, Hillsborough)", "Mr. Speaker"."""
    line = ALONE_LABEL.fullmatch(text, p.start, p.end)
    if line is None:
        return None
    low = " ".join(line.group("label").lower().rstrip(".").split())
    if low in ROLE_LABELS:
        return _role_label(text, line, low, people)
    mentions = people.mentions(p.start, line.end("label"))
    if len(mentions) != 1 or mentions[0].end != line.end("label"):
        return None
    lead = WORDS.findall(text[p.start : mentions[0].start])
    if any(w.lower() not in lexicon_en.TITLES for w in lead):
        return None
    return people.register(mentions[0], subject=True)


def transcript_turns(text: str, paragraphs: Sequence[Paragraph], people: People,
                     language: Language) -> tuple[list[Raw], set[int]]:
    """Labelled turns ("ИВАНОВ: ...") when the text has at least two labels."""
    labels: dict[int, tuple[int, str]] = {}
    alone: dict[int, tuple[int, str]] = {}
    for i, p in enumerate(paragraphs):
        found = transcript_label(text, p, people)
        if found is not None:
            labels[i] = found
        elif i + 1 < len(paragraphs) and len(paragraphs[i + 1].text) > len(p.text) and (
                paragraphs[i + 1].text.strip() not in ("―", "—", "–", "-")):
            key = label_line(text, p, people)
            if key is not None:
                alone[i] = (p.end, key)
        elif i + 1 < len(paragraphs) and paragraphs[i + 1].text.strip() in ("―", "—", "–", "-"):
            # Name on its own line, then a line with a dash, then the turn.
            mentions = people.mentions(p.start, p.end)
            if mentions and mentions[0].end == p.end:
                labels[i] = (paragraphs[i + 1].end, people.register(mentions[0], subject=True))
    if len(alone) >= 2:
        labels.update(alone)  # Hansard style: names on their own lines before each speech
    bare = {i: m for i, p in enumerate(paragraphs) if i not in labels
            and (m := BARE_LABEL.match(text, p.start, p.end)) is not None}
    if len(bare) >= 2 and len({m.group("label") for m in bare.values()}) >= 2:
        # "Т. Фельгенгауэр Добрый вечер." - initials and surname, then the words, no separator.
        for i, bare_match in bare.items():
            named = people.mentions(bare_match.start("label"), bare_match.end("label"))
            if named:
                labels[i] = (bare_match.end(), people.register(named[0], subject=True))
    if len(labels) < 2:
        return [], set()
    # "С. КОРЗУН:" and "Сергей Корзун" in the lead or in a turn are one person.
    label_keys = {key for _, key in labels.values()}
    surnames = {max(k.split(":"), key=len) for k in label_keys}
    stems = sorted({names.stem_key(x)[:6] for x in surnames if len(x) > 2})
    if stems:
        # Look for full names only where a word starts like a label's surname: one pass over
        # the words with set look-ups, however many speakers there are.
        wanted = set(stems)
        lengths = sorted({len(x) for x in stems})
        hits = (w for w in WORDS.finditer(text)
                if any(w.group()[:n].lower() in wanted for n in lengths))
        for hit in hits:
            line_start = text.rfind("\n", 0, hit.start()) + 1
            line_end = text.find("\n", hit.end())
            line_end = len(text) if line_end < 0 else line_end
            window = (max(line_start, hit.start() - 60), min(line_end, hit.end() + 40))
            for mention in people.mentions(*window):
                if mention.start not in people.seen and people._key_for(mention) in label_keys:
                    people.register(mention, remember=False)
    raws: list[Raw] = []
    used: set[int] = set()
    order = sorted(labels)
    for n, i in enumerate(order):
        end_index = order[n + 1] if n + 1 < len(order) else len(paragraphs)
        if i == 0 and _title_case(text[labels[i][0] : paragraphs[0].end]):
            end_index = 1  # "Pence: Flowers Won't Be at Debate" - a headline, not a turn
        label_end, key = labels[i]
        start = label_end
        for k in range(i, end_index):
            p = paragraphs[k]
            if k > i and _is_trailer(p.text):
                break
            used.add(k)
            s = max(start, p.start)
            if s >= p.end or not any(c.isalnum() for c in text[s : p.end]):
                continue
            raws += _without_stage_directions(text, s, p.end, key)
    return raws, used


def _title_case(line: str) -> bool:
    """A headline written in Title Case: most longer words capitalised."""
    long_words = [w for w in WORDS.findall(line) if len(w) > 3]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(
        long_words)


def _is_trailer(line: str) -> bool:
    """"END", or a byline note like "Follow Pam Key on Twitter @pamkey"."""
    stripped = line.strip().strip('"“”')
    return stripped.upper() in ("END", "КОНЕЦ", "(END)", "[END]") or bool(
        re.match(r"Follow \S.{0,40} on (?:Twitter|X|Facebook|Instagram)\b", stripped))


def _without_stage_directions(text: str, start: int, end: int, key: str) -> list[Raw]:
    raws: list[Raw] = []
    pos = start
    for m in STAGE_DIRECTION.finditer(text, start, end):
        inner = m.group()[1:-1].strip()
        if not inner or not inner[:1].isupper() and inner.lower() not in (
                "inaudible", "crosstalk", "laughter", "applause"):
            continue
        if m.start() > pos:
            raws.append(Raw(pos, m.start(), key, Kind.DIRECT, "transcript-label"))
        pos = m.end()
    if pos < end:
        raws.append(Raw(pos, end, key, Kind.DIRECT, "transcript-label"))
    return raws
