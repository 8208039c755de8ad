"""Reported speech: sentences with a speech verb or an "according to", and the sentences
that go on with their content."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from speechsum.model import Kind, Sentence
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.clauses import split_by_cues
from speechsum.speakers.finders.transcript import turn_paragraphs
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.marks import DATELINE

REPORTED = "reported-speech"
CONTINUED = "continues-reported"


def reported_speech(doc: Doc) -> Iterator[Claim]:
    """Each sentence outside quotation marks that reports speech; after one whose content may
    go on ("отметил, что ..."), the sentences that continue it, up to one that names someone
    else or turns to narration."""
    paragraphs, firsts = doc.paragraphs, doc.paragraphs.firsts
    starts, ends = doc.sentences.starts, doc.sentences.ends
    turns = turn_paragraphs(doc)
    for i in range(len(paragraphs)):
        if i in turns:
            continue  # prose only
        p: Paragraph | None = None
        after = 0
        going_on = False
        for k in range(firsts[i], firsts[i + 1]):
            if not going_on and not may_report(doc, starts[k], ends[k]):
                continue  # nothing reports speech in it, nor goes on from before
            if p is None:
                p = paragraphs[i]
                after = _after_the_quote(doc, p)
            s = doc.sentences[k]
            if s.start < after:
                continue
            if inside_quote(doc, p, s):
                continue  # quoted words are a quotation's, however they are introduced
            claim = report(doc, p, s)
            if claim is not None:
                going_on = claim.continues
                yield from split_clauses(doc, claim)
            elif going_on and not starts_new_topic(doc, s):
                yield Claim(s.start, s.end, Kind.INDIRECT, CONTINUED, continues=True)
            else:
                going_on = False


def _after_the_quote(doc: Doc, p: Paragraph) -> int:
    """Where reported speech may start in a paragraph: anywhere, but in one opened by a dash
    only after the quote and its cue ("- Мост откроем, - сказал он. Глава района отметила,
    что ..."); a dash paragraph with no cue is all quote."""
    if not p.opens_with_dash:
        return p.start
    cues = split_by_cues(doc, p.start, p.end)[1]
    return cues[0].end if cues else p.end


def may_report(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] has what `report` needs, told cheaply: a word that may be a
    speech verb, an "according to", an organisation speaking."""
    text, lexicon = doc.text, doc.lang.lexicon
    return doc.may_hold_speech_verb(start, end) or bool(
        lexicon.according.search(text, start, end)
        or lexicon.according_after.search(text, start, end)
        or lexicon.according_pronoun.search(text, start, end)
    ) or doc.lang.organisation_source(text, start, end) is not None


def report(doc: Doc, p: Paragraph, s: Sentence) -> Claim | None:
    """The sentence as reported speech, with the phrase that reports it as its cue."""
    text = doc.text
    lexicon = doc.lang.lexicon
    according = lexicon.according.search(text, s.start, s.end)
    phrase = according or lexicon.according_after.search(text, s.start, s.end) or (
        lexicon.according_pronoun.search(text, s.start, s.end))
    verbs = [Cue(v.start, v.end, CueKind.PREDICATE) for v in predicates(doc, p, s)]
    organisation = phrase is None and doc.lang.organisation_source(
        text, s.start, s.end) is not None
    if phrase is None and not organisation and not verbs:
        return None  # nothing reports it (the common case, told first)
    relay = lexicon.outlet_relay.search(text, s.start, s.end)
    if relay is not None and according is None and relay.start() - s.start < 5:
        return None  # "Как сообщает RT, ..." - the outlet relays someone else
    dateline = DATELINE.match(text, s.start, s.end)
    start = dateline.end() if dateline else s.start
    if phrase is not None:
        cue = Cue(phrase.start(), phrase.end(), CueKind.PREDICATE)
        return Claim(start, s.end, Kind.INDIRECT, REPORTED, cue, continues=True,
                     alternatives=tuple(verbs))
    if organisation:
        return Claim(start, s.end, Kind.INDIRECT, REPORTED, continues=True,
                     alternatives=tuple(verbs))
    goes_on = bool(lexicon.content_after.match(text, verbs[0].end, s.end) or
                   lexicon.about_this.match(text, s.start, verbs[0].start))
    return Claim(start, s.end, Kind.INDIRECT, REPORTED, verbs[0], continues=goes_on,
                 alternatives=tuple(verbs[1:]))


def split_clauses(doc: Doc, claim: Claim) -> Iterator[Claim]:
    """"Райхан Бралина ... алға тартса, Абдулла Жаналин ... сұрады.", "Иванов раскритиковал
    план, а Петров его поддержал.": a sentence of two clauses, each with a speech verb and a
    subject of its own, is two claims, split after the comma. Not when the first verb's
    content goes on ("Иванов сказал, что Петров заявил ...": all Иванов's)."""
    first = claim.cue
    if first is None or first.kind is not CueKind.PREDICATE or not claim.alternatives or (
            claim.continues):
        yield claim
        return
    text, lang = doc.text, doc.lang
    own_verb = predicate_at(doc, first)
    for k, cue in enumerate(claim.alternatives):
        comma = text.rfind(",", first.end, cue.start)
        verb = predicate_at(doc, cue)
        if comma < 0 or verb is None or own_verb is None:
            continue
        second = lang.subject_of(text, doc.mentions_in(comma + 1, cue.start), verb)
        own = lang.subject_of(text, doc.mentions_in(claim.start, comma), own_verb)
        if second is None or own is None or second.key == own.key:
            continue
        yield replace(claim, end=comma + 1, alternatives=claim.alternatives[:k])
        rest = comma + 1 + len(text[comma + 1 : cue.start]) - len(
            text[comma + 1 : cue.start].lstrip())
        yield from split_clauses(doc, replace(claim, start=rest, cue=cue,
                                              alternatives=claim.alternatives[k + 1 :]))
        return
    yield claim


def predicates(doc: Doc, p: Paragraph, s: Sentence) -> list[Verb]:
    """The speech verbs of a sentence outside the quotations in it, in order."""
    return [v for v in doc.speech_verbs(s.start, s.end) if doc.quote_at(p, v.start) is None]


def predicate_at(doc: Doc, cue: Cue | None) -> Verb | None:
    """The speech verb a reported claim's cue is, if it is one."""
    if cue is None or cue.kind is not CueKind.PREDICATE:
        return None
    k = doc.sentence_index(cue.start)
    if k >= len(doc.sentences):
        return None
    return doc.speech_verb_at(doc.sentences.starts[k], doc.sentences.ends[k], cue.start)


def inside_quote(doc: Doc, p: Paragraph, s: Sentence) -> bool:
    """A sentence within quotation marks is someone's quoted words, not narration."""
    quote = doc.quote_at(p, s.start)
    return quote is not None and quote[1] >= s.end - 1 or doc.text[s.start : s.start + 1] in (
        "\"“«„")


def starts_new_topic(doc: Doc, s: Sentence) -> bool:
    """A sentence that names someone else or opens with a connective of narration."""
    if doc.mentions_in(s.start, s.end):
        return True
    if doc.lang.lexicon.outlet_relay.search(doc.text, s.start, s.end):
        return True
    return doc.text[s.start : s.end].lower().startswith(doc.lang.lexicon.new_topic)
