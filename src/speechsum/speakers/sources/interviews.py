"""Who asks the questions of an interview with no cues: the interviewer the text names, else
the outlet that ran it, else the outlet's correspondent (as GUIDELINES has it)."""

from __future__ import annotations

import re

from speechsum.speakers.claims import Claim, Label, Mention, Named, Organisation, Ref
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.dashes import INTRO_PARAGRAPHS

# An outlet's name: in quotation marks ("«Азаттык»", "«ДАТ!»-тың"), or a site's address.
OUTLET = re.compile(r"«(?P<q>[^«»\n]{1,40})»|\"(?P<s>[^\"\n]{1,40})\"|“(?P<c>[^”\n]{1,40})”|"
                    r"\b(?P<site>[\w-]+\.(?:media|kz|kg|ru|uz|com|org|net|info|tv|by|ua))\b")
# How far before a name the words that make it the asker may start.
ASKER_REACH = 40


def interviewer(doc: Doc, claim: Claim) -> Ref | None:
    """The questions of an interview: whoever the text says asks them."""
    if claim.found_by != "interview-question":
        return None
    return interviewer_at(doc, claim.start)


def interviewer_at(doc: Doc, start: int) -> Ref:
    """The interviewer of the interview whose first turn starts at `start` (one per text)."""
    return doc.memo("interviewer", lambda: _interviewer(doc, start))


def _interviewer(doc: Doc, start: int) -> Ref:
    lexicon = doc.lang.lexicon
    # "Беседовала Анна Иванова", anywhere in the text.
    for m in lexicon.interviewer.finditer(doc.text):
        found = doc.mentions_in(m.end(), min(len(doc.text), m.end() + 60))
        if found and found[0].start - m.end() < 3:
            return Named(found[0])
    intro = _introduction(doc, start)
    # "ответил на вопросы нашего корреспондента Ольги Рябовой", "Собеседником Бигельды
    # Габдуллина стал министр ...".
    for p in intro:
        for mention in doc.mentions(p):
            if lexicon.asker.search(doc.text, max(p.start, mention.start - ASKER_REACH),
                                    mention.start):
                return Named(mention, subject=False)
    # "в интервью Kaktus.media", "Газета «Лица» опубликовала интервью с ...".
    for p in intro:
        for sentence in p.sentences:
            outlet = _outlet(doc, sentence.start, sentence.end)
            if outlet is not None:
                return outlet
    return Label("role:" + lexicon.interviewer_label.lower(), lexicon.interviewer_label)


def asker_mention(doc: Doc, start: int) -> Mention | None:
    """The interviewer's name, when the interviewer is a person the text names."""
    found = interviewer_at(doc, start)
    return found.mention if isinstance(found, Named) else None


def _introduction(doc: Doc, start: int) -> list[Paragraph]:
    """The paragraphs of narration just before the interview, the nearest first."""
    first = doc.paragraph_at(start)
    if first is None:
        return []
    intro: list[Paragraph] = []
    for p in reversed(doc.paragraphs[max(0, first.index - INTRO_PARAGRAPHS) : first.index]):
        if p.opens_with_dash:
            break
        intro.append(p)
    return intro


def _outlet(doc: Doc, start: int, end: int) -> Organisation | None:
    """The outlet's name nearest the words that tell of an interview in text[start:end]."""
    lexicon = doc.lang.lexicon
    said = lexicon.interview.search(doc.text, start, end)
    if said is None:
        return None
    names = list(OUTLET.finditer(doc.text, start, end))
    if not names:
        return None
    best = min(names, key=lambda m: min(abs(m.start() - said.end()), abs(said.start() - m.end())))
    name = next(group for group in best.groups() if group)
    kind = re.search(r"(\w+)\s+$", doc.text[max(start, best.start() - 30) : best.start()])
    if kind is not None and kind.group(1).lower() in lexicon.outlet_kinds and not best["site"]:
        written = f"{kind.group(1)} {best.group()}"
        return Organisation(written[:1].lower() + written[1:], written)
    return Organisation(name, best.group() if best.group() != name else "")
