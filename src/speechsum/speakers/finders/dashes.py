"""Direct speech opened by a dash: whole paragraphs, quotes running over several of them,
interviews with no cues, and a dash that opens a quote inside a paragraph."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator

from speechsum.model import Kind
from speechsum.speakers.claims import Claim
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.clauses import quoted_pieces, split_by_cues
from speechsum.speakers.finders.transcript import in_turn, is_label_like, prose_with
from speechsum.speakers.marks import DASHES, INNER_DASH, opens_with_dash

# How far a dash quote with no cue looks ahead for the paragraph that closes it.
QUOTE_REACH = 12
# An interview is at least this many dash paragraphs in a row with no cue.
INTERVIEW_TURNS = 3
# The paragraphs before an interview that may announce it, and the words of a heading.
INTRO_PARAGRAPHS = 3
HEADING_WORDS = 10


def dash_paragraph(doc: Doc) -> Iterator[Claim]:
    """"- ..., - сказал X." paragraphs split by their cues; a dash paragraph with no cue is
    closed by a later paragraph's cue ("multi-paragraph-quote") or left to the context."""
    after = 0  # the paragraph after the last one a closing cue took
    for i in doc.dash_paragraphs:
        p = doc.paragraphs.paragraph(i)
        if i < after or in_turn(doc, p):
            continue
        pieces, cues = split_by_cues(doc, p.start, p.end)
        if cues:
            yield from quoted_pieces(doc, pieces, cues, "dash-paragraph")
            continue
        closing = _closing_paragraph(doc, p)
        if closing is None:
            yield Claim(p.start, p.end, Kind.DIRECT, "dash-paragraph")
            continue
        q_pieces, q_cues = split_by_cues(doc, closing.start, closing.end)
        for k in range(p.index, closing.index):
            q = doc.paragraphs[k]
            yield Claim(q.start, q.end, Kind.DIRECT, "multi-paragraph-quote", q_cues[0])
        yield from quoted_pieces(doc, q_pieces, q_cues, "multi-paragraph-quote")
        after = closing.index + 1


def _closing_paragraph(doc: Doc, p: Paragraph) -> Paragraph | None:
    """"- ... (no cue)" then more paragraphs until ", - отметил Малик Отарбаев."."""
    text, starts = doc.text, doc.paragraphs.starts
    for k in range(p.index + 1, min(p.index + QUOTE_REACH, len(starts))):
        if opens_with_dash(text[starts[k] : starts[k] + 2]):
            return None  # the next dash quote (told before the paragraph is made)
        q = doc.paragraphs.paragraph(k)
        if is_label_like(q.text):
            return None
        if split_by_cues(doc, q.start, q.end)[1]:
            return q
        if doc.speech_verbs(q.start, q.end) and doc.mentions(q):
            return None  # someone else's reported speech: the quote had no closing cue
    return None


def interview_exchange(doc: Doc) -> Iterator[Claim]:
    """"— Вопрос? — Ответ." in a row with no cues, after a text that names someone. The first
    turn is the interviewer's question and the turns alternate, an answer going on over
    paragraphs until one asks again (it ends in a question mark or opens by addressing
    someone). A run after a text that announces an interview needs two turns, any other three;
    a heading between turns ("О кадровых перестановках") stays narration."""
    paragraphs, dashes = doc.paragraphs, doc.dash_paragraphs
    named = next((k for k, found in enumerate(doc.all_mentions) if found), len(paragraphs))
    if named == len(paragraphs):
        return  # a text that names no one has no interview
    i = 0
    while True:
        k = bisect.bisect_left(dashes, i)  # a run opens with a dash paragraph
        if k == len(dashes):
            break
        i = dashes[k]
        run = _exchange(doc, i)
        if not run:
            i += 1
            continue
        if named < i and len(run) >= (2 if announces_interview(doc, paragraphs[run[0]]) else (
                INTERVIEW_TURNS)):
            turns = [paragraphs[k] for k in run]
            asks = [_asks(doc, q) for q in turns]
            if any(asks) and not all(asks):
                asking = False
                for n, (q, asked) in enumerate(zip(turns, asks, strict=True)):
                    asking = n == 0 or not asking and asked
                    yield Claim(q.start, q.end, Kind.DIRECT,
                                "interview-question" if asking else "interview-answer")
        i = run[-1] + 1


def _exchange(doc: Doc, i: int) -> array[int]:
    """The indexes of the dash paragraphs with no cue from paragraph i on, headings between
    them skipped (numbers, not paragraphs: a run may be the whole text)."""
    run = array("q")
    for k in range(i, len(doc.paragraphs)):  # by index: no copy of the paragraphs after i
        q = doc.paragraphs[k]
        if q.opens_with_dash and not in_turn(doc, q) and not split_by_cues(doc, q.start, q.end)[1]:
            run.append(k)
        elif not (run and is_heading(q)):
            break
    return run


def is_heading(p: Paragraph) -> bool:
    """A short line with no full stop: a heading between the turns of an interview."""
    return not p.opens_with_dash and len(p.text.split()) <= HEADING_WORDS and not (
        p.text.rstrip().endswith(tuple(".!?…:;,"))) and not is_label_like(p.text)


def _asks(doc: Doc, p: Paragraph) -> bool:
    """A turn that asks: it ends in a question mark, or it opens by addressing someone
    ("- Ермухамет Кабидинович, недавно вы ...")."""
    if p.text.rstrip().rstrip("»\"”)").endswith("?"):
        return True
    mentions = doc.mentions(p)
    if not mentions:
        return False
    opening = doc.text[p.start : mentions[0].start].strip()
    return len(opening) <= 1 and doc.text[mentions[0].end : mentions[0].end + 1] == ","


def announces_interview(doc: Doc, p: Paragraph) -> bool:
    """The text just before p says an interview follows ("ответил на вопросы", "в интервью")."""
    for q in reversed(doc.paragraphs[max(0, p.index - INTRO_PARAGRAPHS) : p.index]):
        if q.opens_with_dash:
            return False
        if doc.lang.lexicon.interview.search(q.text):
            return True
    return False


def inner_dash_quote(doc: Doc) -> Iterator[Claim]:
    """"... попросил акима ответить. - Я понял ваш вопрос, - ответил X." inside a paragraph:
    the first dash that opens a quote with a cue."""
    for p in prose_with(doc, DASHES, inside=True):
        if p.opens_with_dash:
            continue
        openings = list(INNER_DASH.finditer(doc.text, p.start, p.end))
        for k, m in enumerate(openings):
            start = m.end() - 1
            while start > m.start() and doc.text[start] not in DASHES:
                start -= 1
            # Its cue comes before the next dash that opens a sentence: look no further.
            stop = openings[k + 1].start() if k + 1 < len(openings) else p.end
            pieces, cues = split_by_cues(doc, start, stop)
            if cues:
                kept = [(a, b) for a, b in pieces if b <= cues[0].end]
                yield from quoted_pieces(doc, kept, cues[:1], "dash-inside-paragraph")
                break


def unquoted_speech(doc: Doc) -> Iterator[Claim]:
    """"Мектеп жөнделеді. Қаржы бөлінді, – деді Самат Ержанов.": a paragraph of words with
    no quotation marks or opening dash, closed by a cue - a dash quote whose dash was lost."""
    for p in prose_with(doc, DASHES, inside=True):  # a cue follows a dash
        if p.opens_with_dash or doc.quotes(p):
            continue
        pieces, cues = split_by_cues(doc, p.start, p.end)
        if not cues or doc.text[cues[-1].end : p.end].strip() or pieces[0][0] != p.start:
            continue
        yield from quoted_pieces(doc, pieces, cues, "unquoted-speech")
