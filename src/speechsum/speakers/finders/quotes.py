"""Quoted words: quotation marks with a cue after or an introduction before, and unquoted
words after a speech verb and a colon."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.clauses import cue_with_content
from speechsum.speakers.finders.transcript import prose_with
from speechsum.speakers.marks import DASHES, QUOTE_MARKS, WORDS

# Two words after a colon that do not open a quotation: "спросил: почему так дорого?" (the
# first of at most 64 characters: tried at every colon, an unbounded one read the rest of a
# line of 200,000 colons at each of them).
AFTER_COLON = re.compile(rf"\s*(?=[^\s«\"“„'{re.escape(DASHES)}]\S{{0,63}}\s+[^\W\d_])")
# A quote's sentence may go on for this many words before its cue ('"..." that X, said Y.').
TAIL_WORDS = 30
# A clause introducing a quote is looked for at most this far back.
CLAUSE_REACH = 300


def clause_start(text: str, floor: int, pos: int) -> int:
    """Where the clause ending at `pos` starts: after the last sentence mark, at most 300 back."""
    floor = max(floor, pos - CLAUSE_REACH)
    return max(floor, *(text.rfind(c, floor, pos) + 1 for c in ".!?»\"”"))


def introduction(doc: Doc, p: Paragraph, qs: int) -> Cue | None:
    """"Исаков парировал: «...»", "Депутат Ибраев: «...»", 'Cruz said, adding: "..."': the
    clause before a colon (or, in English, a comma) right before a quote; also a colon that
    ends the paragraph before one the quote opens ("... сөз алды Серік Ахметов:\n«...»")."""
    mark = qs - 1
    floor = p.start
    while mark >= floor and doc.text[mark].isspace():
        mark -= 1
    if mark < floor and p.index > 0:
        before = doc.paragraphs[p.index - 1]
        floor, mark = before.start, before.end - 1
        while mark >= floor and doc.text[mark].isspace():
            mark -= 1
        if mark < floor or doc.text[mark] != ":":
            return None
    if mark < floor or doc.text[mark] not in doc.lang.lexicon.introduction_marks:
        return None
    return Cue(clause_start(doc.text, floor, mark), mark + 1, CueKind.INTRODUCTION)


def quotation(doc: Doc) -> Iterator[Claim]:
    """Quotations in paragraphs not opened by a dash, each with the cue after it or the
    introduction before it when there is one; a quote of one word only when it opens its
    sentence and a reporting clause follows ("«Болды», – деді министр.") or an introduction
    comes before ('then asked, “Really?”'), else it is a name or a term («Жетісу», 'The
    “joke,” as he called it')."""
    text = doc.text
    for p in prose_with(doc, QUOTE_MARKS):
        if p.opens_with_dash:
            continue
        for qs, qe in doc.quotes(p):
            span = doc.lang.cue_after(text, qe, p.end)
            if len(WORDS.findall(text, qs, qe)) < 2 and (
                    span is None or _sentence_head(doc, p, qs, any_language=True) is not None
            ) and not (span is None and _spoken_introduction(doc, p, qs)):
                continue
            if span is not None:
                cue = Cue(span[0], span[1], CueKind.CLAUSE)
                yield Claim(qs, qe, Kind.DIRECT, "quote-cue-after", cue)
                head = _sentence_head(doc, p, qs)
                if head is not None:
                    # 'Yet Trump is also a “wild card,” Cole said.' - the whole sentence is Cole's.
                    yield Claim(head, qs, Kind.INDIRECT, "quote-sentence-head", cue)
                    yield Claim(qe, cue.end, Kind.INDIRECT, "quote-sentence-head", cue)
                elif (content := cue_with_content(doc, cue)) is not None:
                    yield content
                continue
            tail = _tail_cue(doc, p, qe)
            if tail is not None:
                # '"He can assert it" that Sanders can win, said Ed Kim.': the sentence goes on
                # past the quote to its cue; the words between are the speaker's too.
                yield Claim(qs, qe, Kind.DIRECT, "quote-cue-after", tail)
                yield Claim(qe, tail.end, Kind.INDIRECT, "quote-sentence-head", tail)
                continue
            intro = introduction(doc, p, qs)
            if intro is not None:
                yield Claim(qs, qe, Kind.DIRECT, "quote-after-colon", intro)
                content = cue_with_content(doc, intro)
                if content is not None:
                    yield content
                continue
            yield Claim(qs, qe, Kind.DIRECT, "quotation")


def _spoken_introduction(doc: Doc, p: Paragraph, qs: int) -> bool:
    """An introduction with a speech verb right before the quote ('then asked, “Really?”')."""
    intro = introduction(doc, p, qs)
    return intro is not None and bool(doc.speech_verbs(intro.start, intro.end))


def _tail_cue(doc: Doc, p: Paragraph, qe: int) -> Cue | None:
    """The reporting clause that ends the quote's sentence after more words of narration
    with no quotation marks: '"..." that Sanders can catch Clinton, said Steve Elmendorf.'"""
    k = doc.sentence_index(qe - 1)
    if k >= len(doc.sentences):
        return None
    end = doc.sentences[k].end
    between = doc.text[qe:end]
    if not between.strip() or between[:1] in ",.!?…" or re.search("[\"“”«»„]", between) or (
            len(WORDS.findall(between)) > TAIL_WORDS):
        return None
    comma = doc.text.find(",", qe, end)
    while comma > qe:
        span = doc.lang.cue_after(doc.text, comma, end)
        rest = doc.text[span[1] : end].strip(" .!?…") if span is not None else ""
        # Nothing after the cue but an aside on the speaker: ", deputy manager for X."
        if span is not None and (not rest or rest.startswith(",") and not doc.speech_verbs(
                span[1], end)):
            return Cue(span[0], span[1], CueKind.CLAUSE)
        comma = doc.text.find(",", comma + 1, end)
    return None


def _sentence_head(doc: Doc, p: Paragraph, qs: int, any_language: bool = False) -> int | None:
    """Start of the narration that opens a quote's sentence, when the language reads it as the
    speaker's words too (or whatever it is, `any_language`); None when the quote opens the
    sentence."""
    starts, ends = doc.sentences.starts, doc.sentences.ends
    first, stop = p.sentence_range.start, p.sentence_range.stop
    k = bisect.bisect_right(starts, qs, first, stop) - 1  # the paragraph's sentence with qs
    if k < first or not starts[k] < qs < ends[k]:
        return None
    start = starts[k]
    if not doc.text[start:qs].strip(" \t" + DASHES):
        return None
    return start if any_language or doc.lang.quote_head(doc.text, start, qs) else None


def colon_speech(doc: Doc) -> Iterator[Claim]:
    """"Исаков спрашивает: почему так дорого?" - unquoted words after a speech verb and a colon."""
    text = doc.text
    for p in prose_with(doc, ":"):
        if p.opens_with_dash:
            continue
        colon = text.find(":", p.start, p.end)
        while colon >= 0:
            rest = AFTER_COLON.match(text, colon + 1, p.end)
            start = clause_start(text, p.start, colon) if rest is not None else colon
            if rest is not None and doc.speech_verbs(start, colon):
                intro = Cue(start, colon + 1, CueKind.INTRODUCTION)
                yield Claim(rest.end(), p.end, Kind.DIRECT, "speech-after-colon", intro)
                content = cue_with_content(doc, intro)
                if content is not None:
                    yield content
                break
            colon = text.find(":", colon + 1, p.end)
