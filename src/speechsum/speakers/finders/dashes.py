"""Direct speech opened by a dash: whole paragraphs, quotes running over several of them,
interviews with no cues, and a dash that opens a quote inside a paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from speechsum.model import Kind
from speechsum.speakers.claims import Claim
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.clauses import quoted_pieces, split_by_cues
from speechsum.speakers.finders.transcript import in_turn, is_label_like, prose
from speechsum.speakers.marks import DASHES, INNER_DASH

# How far a dash quote with no cue looks ahead for the paragraph that closes it.
QUOTE_REACH = 12
# An interview is at least this many dash paragraphs in a row with no cue.
INTERVIEW_TURNS = 3


def dash_paragraph(doc: Doc) -> Iterator[Claim]:
    """"- ..., - сказал X." paragraphs split by their cues; a dash paragraph with no cue is
    closed by a later paragraph's cue ("multi-paragraph-quote") or left to the context."""
    i = 0
    while i < len(doc.paragraphs):
        p = doc.paragraphs[i]
        i += 1
        if not p.opens_with_dash or in_turn(doc, p):
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
        i = closing.index + 1


def _closing_paragraph(doc: Doc, p: Paragraph) -> Paragraph | None:
    """"- ... (no cue)" then more paragraphs until ", - отметил Малик Отарбаев."."""
    for q in doc.paragraphs[p.index + 1 : p.index + QUOTE_REACH]:
        if q.opens_with_dash or is_label_like(q.text):
            return None
        if split_by_cues(doc, q.start, q.end)[1]:
            return q
        if doc.speech_verbs(q.start, q.end) and doc.mentions(q):
            return None  # someone else's reported speech: the quote had no closing cue
    return None


def interview_exchange(doc: Doc) -> Iterator[Claim]:
    """"— Вопрос? — Ответ." in a row with no cues, after a text that names someone: the
    questions are the interviewer's, the answers the interviewee's."""
    paragraphs = doc.paragraphs
    named = next((p.index for p in paragraphs if doc.mentions(p)), len(paragraphs))
    i = 0
    while i < len(paragraphs):
        run: list[Paragraph] = []
        while i + len(run) < len(paragraphs):
            q = paragraphs[i + len(run)]
            if not q.opens_with_dash or in_turn(doc, q) or split_by_cues(doc, q.start, q.end)[1]:
                break
            run.append(q)
        questions = [q.text.rstrip().endswith("?") for q in run]
        if len(run) >= INTERVIEW_TURNS and any(questions) and not all(questions) and named < i:
            for q, asked in zip(run, questions, strict=True):
                yield Claim(q.start, q.end, Kind.DIRECT,
                            "interview-question" if asked else "interview-answer")
        i += max(len(run), 1)


def inner_dash_quote(doc: Doc) -> Iterator[Claim]:
    """"... попросил акима ответить. - Я понял ваш вопрос, - ответил X." inside a paragraph:
    the first dash that opens a quote with a cue."""
    for p in prose(doc):
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
    for p in prose(doc):
        if p.opens_with_dash or doc.quotes(p):
            continue
        pieces, cues = split_by_cues(doc, p.start, p.end)
        if not cues or doc.text[cues[-1].end : p.end].strip() or pieces[0][0] != p.start:
            continue
        yield from quoted_pieces(doc, pieces, cues, "unquoted-speech")
