"""Headlines: the lines above a report that give the words of the person it is about.

"Sanders: Endorsements prove ...", "Мектеп жөнделеді – Серік Ахметов", "Феликс Кулов – о
себе, о власти": a name with a colon, after a dash, or before what the person spoke about.
A headline whose subject is a role ("Governor blasts tolls", "Директор школы рассказала")
names the person the report gives that role later (sources/headlines.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.dashes import is_heading
from speechsum.speakers.finders.transcript import in_turn
from speechsum.speakers.marks import DASHES, WORDS

HEADLINE_LABEL = re.compile(r"(?P<label>[^\W\d_][^:\n«\"“]{1,40}):\s+(?=\S)")
# A headline is short, and its name comes after at most this many words.
HEADLINE_LENGTH = 200
HEADLINE_ROLE = re.compile(r"(?:,\s*[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*(?:\s+[\w-]+){0,3})?")
HEADLINE_LEAD = 3
TOPIC_LEAD = 6  # "Лидер "Ата-Журт Кыргызстан" Бактыбек Сыдыков о ..."
# "... беріңдер – Рафаэль Уразбахтин": the words, a dash, the name closing the line.
BYLINE_DASH = re.compile(rf"\s+[{re.escape(DASHES)}]\s+")
# "Феликс Кулов – о себе", "Бактыбек Сыдыков о Ташиеве": what the person spoke about.
TOPIC = re.compile(rf"\s*(?:[{re.escape(DASHES)}]\s*)?(?:о|об|обо|про)\s+\w", re.IGNORECASE)
# Deck lines under the headline ("Vows to fight it in court.") are this short at most.
DECK_WORDS = 15


def headline(doc: Doc) -> list[Paragraph]:
    """The headline and the deck lines under it, when a body follows: the first paragraph,
    then short ones with no full stop or ending in a semicolon."""
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2 or in_turn(doc, paragraphs[0]):
        return []
    found = [paragraphs[0]]
    for p in paragraphs[1:]:
        # A short line with no full stop, or any short line after one ending in ";".
        deck = is_heading(p) or len(p.text.split()) <= DECK_WORDS and (
            p.text.rstrip().endswith(";") or found[-1].text.rstrip().endswith(";"))
        if not deck or in_turn(doc, p) or p.index == len(paragraphs) - 1:
            break
        found.append(p)
    return found


def in_headline(doc: Doc, start: int) -> bool:
    """Whether text at `start` lies in the headline or its deck."""
    zone = doc.memo("headline", lambda: headline(doc))
    return bool(zone) and start < zone[-1].end


def headline_label(doc: Doc) -> Iterator[Claim]:
    """"Sanders: Endorsements prove Clinton 'candidate of the establishment.'" - a first line
    that gives a named person's words after their name and a colon; "Сыйлық берсеңдер, бәріне
    бірдей беріңдер – Рафаэль Уразбахтин" - before a dash and the name; "Феликс Кулов – о
    себе" - what the named person spoke about."""
    if not doc.paragraphs or in_turn(doc, doc.paragraphs[0]):
        return
    p = doc.paragraphs[0]
    if len(p.text) > HEADLINE_LENGTH:
        return
    found = list(_name_colon(doc, p))
    if not found and len(doc.paragraphs) > 1:
        found = list(_name_after_dash(doc, p)) or list(_name_before_topic(doc, p))
    yield from found


def _name_colon(doc: Doc, p: Paragraph) -> Iterator[Claim]:
    m = HEADLINE_LABEL.match(doc.text, p.start, p.end)
    if m is None:
        return
    found = doc.mentions_in(m.start("label"), m.end("label"))
    # "Sanders:", or with a role after the name: "Талғат АЙТБАЙҰЛЫ, публицист-жазушы:".
    if not found or not HEADLINE_ROLE.fullmatch(doc.text, found[-1].end, m.end("label")):
        return
    if len(WORDS.findall(doc.text, m.start("label"), found[-1].start)) > HEADLINE_LEAD:
        return
    cue = Cue(m.start("label"), m.end("label"), CueKind.LABEL)
    yield Claim(p.start, p.end, Kind.INDIRECT, "headline-label", cue)


def _name_after_dash(doc: Doc, p: Paragraph) -> Iterator[Claim]:
    mentions = doc.mentions(p)
    end = p.start + len(p.text.rstrip(" .\t"))
    if not mentions or mentions[-1].end != end:
        return
    dashes = list(BYLINE_DASH.finditer(doc.text, p.start, mentions[-1].start))
    dash = dashes[-1] if dashes else None
    if dash is None or dash.end() != mentions[-1].start or dash.start() - p.start < 10:
        return
    cue = Cue(mentions[-1].start, mentions[-1].end, CueKind.LABEL)
    yield Claim(p.start, dash.start(), Kind.DIRECT, "headline-label", cue)


def _name_before_topic(doc: Doc, p: Paragraph) -> Iterator[Claim]:
    name = next((m for m in doc.mentions(p) if TOPIC.match(doc.text, m.end, p.end)), None)
    if name is None or len(WORDS.findall(doc.text, p.start, name.start)) > TOPIC_LEAD:
        return
    cue = Cue(name.start, name.end, CueKind.LABEL)
    yield Claim(p.start, p.end, Kind.INDIRECT, "headline-label", cue)
