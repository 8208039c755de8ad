"""Discourse: claims that no cue names get their voice from their neighbours.

Each rule looks at claim i of the document's claims (in document order, those before i already
decided) and returns a reference or None; `follow_discourse` tries them in order.
"""

from __future__ import annotations

import bisect
from typing import cast

from speechsum.model import Gender
from speechsum.speakers.claims import (
    Claim,
    Claims,
    CueKind,
    Mention,
    Named,
    Pronoun,
    Ref,
    SameAs,
)
from speechsum.speakers.document import Doc, Paragraph
from speechsum.speakers.finders.headlines import in_headline
from speechsum.speakers.finders.reported import (
    CONTINUED,
    REPORTED,
    predicate_at,
    starts_new_topic,
)
from speechsum.speakers.finders.transcript import in_turn
from speechsum.speakers.marks import DASHES, QUOTE_OPENERS, WORDS, is_whole_quote
from speechsum.speakers.sources.cues import cue_verb
from speechsum.speakers.sources.interviews import asker_mention

QUOTES = ("quote-cue-after", "quote-after-colon", "quotation")
DASH_QUOTES = ("dash-paragraph", "multi-paragraph-quote", "dash-inside-paragraph",
               "unquoted-speech")
# A quote alone in its paragraph after an introduction has at least this many words.
QUOTE_PARAGRAPH_WORDS = 4
UNKNOWN = object()  # not worked out yet
QUOTE_LEAD = f" \t{DASHES}"
QUOTE_TAIL = f" \t.,!?…{DASHES}"


def quote_piece_neighbour(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """"- A, - сказал он. - B": a piece whose cue names no one takes the voice of the next
    piece of the same quote that has one, else of the last one before."""
    claim = claims[i]
    if claim.found_by not in DASH_QUOTES or claim.cue is None:
        return None
    p = doc.paragraph_at(claim.start)
    if p is None:
        return None
    key = ("named pieces", p.index, claim.found_by)
    if key not in claims.memo:
        claims.memo[key] = [j for j in _in_paragraph(claims, p) if claims[j].found_by == (
            claim.found_by) and claims.named_by_cue(j)]
    named = cast("list[int]", claims.memo[key])
    k = bisect.bisect_right(named, i)
    if k < len(named):
        return SameAs(named[k])
    return SameAs(named[k - 1]) if k > 0 else None


def cue_zero_subject(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """"«...», – деп атап өтті.", "— добавила.": a reporting clause of a verb alone, no other
    piece of the quote naming anyone, has the subject the context gives, as a pronoun would."""
    claim = claims[i]
    verb = cue_verb(doc, claim.cue)
    if claim.cue is None or claim.cue.kind is not CueKind.CLAUSE or verb is None:
        return None
    if doc.words_in(verb.end, claim.cue.end) or not doc.lang.zero_subject(
            doc.text, claim.cue.start, verb):
        return None
    return Pronoun(claim.cue.start, verb.gender)


def quote_continues(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """'"...," she said. "More words."' - the next quote of a paragraph goes on with the same
    voice, also after a connective: '"...," he said. But "it helps."'."""
    claim = claims[i]
    if claim.found_by not in QUOTES:
        return None
    j = _previous(claims, i, QUOTES)
    if j is None or claims[j].source is None or doc.paragraph_at(
            claims[j].start) != doc.paragraph_at(claim.start):
        return None
    previous = claims[j]
    end = previous.cue.end if previous.cue is not None and (
        previous.cue.kind is CueKind.CLAUSE) else previous.end
    if end > claim.start or not doc.lang.lexicon.connective.fullmatch(doc.text, end, claim.start):
        return None
    return SameAs(j)


def quote_paragraph_after_introduction(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """"С докладом выступил X." then a paragraph that is one quotation: X's words."""
    claim = claims[i]
    if claim.found_by not in QUOTES:
        return None
    p = doc.paragraph_at(claim.start)
    if p is None:
        return None
    lead, tail = _quote_room(claims, p)
    if claim.start > lead or claim.end < tail or len(WORDS.findall(
            doc.text, claim.start, claim.end)) < QUOTE_PARAGRAPH_WORDS:
        return None
    return introduced(doc, claims, p)


def _quote_room(claims: Claims, p: Paragraph) -> tuple[int, int]:
    """Where a quote alone in paragraph p may start and end: after the dashes that open it,
    before the marks that close it. (Kept for the paragraph of the last claim asked about: a
    paragraph of many quotes is read once, not once a quote.)"""
    last = cast("tuple[int, int, int] | None", claims.memo.get("quote room"))
    if last is None or last[0] != p.index:
        last = (p.index, p.end - len(p.text.lstrip(QUOTE_LEAD)),
                p.start + len(p.text.rstrip(QUOTE_TAIL)))
        claims.memo["quote room"] = last
    return last[1], last[2]


def quote_after_reported(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """'Holt said the city would hire teachers. "This is our priority."' - a sentence that is
    all quotation right after someone's reported speech is theirs."""
    claim = claims[i]
    if claim.found_by not in QUOTES:
        return None
    k = doc.sentence_index(claim.start)
    if k >= len(doc.sentences) or not is_whole_quote(doc.text, doc.sentences[k].start,
                                                       doc.sentences[k].end):
        return None
    j = i - 1
    if j < 0 or claims[j].source is None or not _just_before(doc, claims[j], claim):
        return None
    previous = claims[j]
    if previous.found_by == REPORTED or previous.named_by == "quote-after-reported":
        return SameAs(j)
    return None


def quote_after_its_subject(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """'He gave no cost. "We owe the kids that much."': a sentence that is all quotation
    right after a sentence of narration opened by a pronoun is the pronoun's person's."""
    claim = claims[i]
    if claim.found_by not in QUOTES:
        return None
    k = doc.sentence_index(claim.start)
    if k == 0 or k >= len(doc.sentences) or not is_whole_quote(
            doc.text, doc.sentences[k].start, doc.sentences[k].end):
        return None
    before = doc.sentences[k - 1]
    if doc.paragraph_at(before.start) != doc.paragraph_at(claim.start) or (
            i > 0 and claims[i - 1].end > before.start):
        return None  # another paragraph, or the sentence before is someone's words itself
    words = doc.words_in(before.start, before.end)
    if not words:
        return None
    gender = doc.lang.pronoun(doc.text, words[0].start, words[0].end)
    if gender is None or gender is Gender.PLUR:
        return None  # a name there introduces someone; only "he" goes on with a speaker
    return Pronoun(before.start, gender)


def continues_reported(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """"Жумабаев отметил, что ... . Кроме того, ..." - the sentences right after reported
    speech that may go on, up to one that names someone else, are the same speaker's."""
    claim = claims[i]
    j = i - 1
    if j < 0 or not _goes_on(claims, j) or not _just_before(doc, claims[j], claim):
        return None
    if claim.found_by != CONTINUED and starts_new_topic(doc, doc.sentences[
            min(doc.sentence_index(claim.start), len(doc.sentences) - 1)]):
        return None
    verb = predicate_at(doc, claim.cue)
    if verb is not None and not doc.lang.zero_subject(doc.text, claim.start, verb):
        return None  # "Кто-то из депутатов пошутил": someone else, whom no one names
    return SameAs(j)


def multi_paragraph_quote(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """'“First paragraph.\\n“Second,” she said.' - a paragraph that opens a quotation and never
    closes it goes on in the next one: the voice of the quote that opens that paragraph."""
    claim = claims[i]
    if claim.found_by not in QUOTES:
        return None
    p = doc.paragraph_at(claim.start)
    if p is None or (claim.start, claim.end) != (p.start, p.end):
        return None
    if doc.text[p.start] not in QUOTE_OPENERS or doc.text[p.end - 1] in "”»\"":
        return None
    if i + 1 >= len(claims) or p.index + 1 >= len(doc.paragraphs):
        return None
    following = claims[i + 1]
    if following.start != doc.paragraphs[p.index + 1].start or following.found_by not in QUOTES:
        return None
    return SameAs(i + 1)


def dash_after_introduction(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """"С докладом выступила Сауле Бекова." then "- Программы уже работают.": a dash quote
    with no cue that names anyone is the voice introduced just before."""
    claim = claims[i]
    if claim.found_by not in DASH_QUOTES[:2]:
        return None
    p = doc.paragraph_at(claim.start)
    return None if p is None else introduced(doc, claims, p)


def headline_deck(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """"Senator slams toll plan;" then "Vows to fight it in court.": a headline line that
    opens with its speech verb has the voice of the headline line before it."""
    claim = claims[i]
    verb = predicate_at(doc, claim.cue)
    if verb is None or not in_headline(doc, claim.start) or doc.words_in(claim.start,
                                                                         verb.start):
        return None
    voiced = [j for j in range(i) if claims[j].source is not None and in_headline(
        doc, claims[j].start)]
    return SameAs(voiced[-1]) if voiced else None


def interviewee(doc: Doc, claims: Claims, i: int) -> Ref | None:
    """The answers of an interview: the voice introduced before it, else the person the
    text before it names most often - never the interviewer."""
    if claims[i].found_by != "interview-answer":
        return None
    first = i
    while first > 0 and claims[first - 1].found_by in ("interview-question", "interview-answer"):
        first -= 1
    p = doc.paragraph_at(claims[first].start)
    if p is None:
        return None
    asker = asker_mention(doc, claims[first].start)
    context = introduced(doc, claims, p)
    if isinstance(context, SameAs):
        source = claims[context.claim].source
        context = source if isinstance(source, Named) else context
    if isinstance(context, Named) and asker is not None and context.mention.key == asker.key:
        context = None
    return context if context is not None else _most_named(doc, p, asker)


def introduced(doc: Doc, claims: Claims, p: Paragraph) -> Ref | None:
    """Who speaks or is introduced just before paragraph p: the last claim of the paragraph
    before that has a voice, else the last name of that paragraph when it is narration.
    A dash quote or a nameless introduction ending in a colon leaves the question to the one
    before; a transcript turn ends it. (Worked out once per paragraph: the claims before p are
    decided when the first claim of p is.)"""
    # The answer for each paragraph walked, by index (a list: one pointer a paragraph).
    if "introduced" not in claims.memo:
        claims.memo["introduced"] = [UNKNOWN] * len(doc.paragraphs)
    known = cast("list[Ref | None | object]", claims.memo["introduced"])
    walked: list[int] = []
    found: Ref | None = None
    k = p.index - 1
    while k >= 0:
        if known[k + 1] is not UNKNOWN:
            found = cast("Ref | None", known[k + 1])
            break
        walked.append(k + 1)
        q = doc.paragraphs[k]
        if in_turn(doc, q):
            break
        # A voice the text has given by then (not one promised by a later paragraph).
        voiced = [j for j in _in_paragraph(claims, q) if claims[j].source is not None
                  and not _looks_ahead(claims, j)]
        if voiced:
            found = SameAs(voiced[-1])
            break
        # A dash quote, or "Он сказал:" with no name, leaves the question to the one before;
        # "Тимур Сабитов, музыкант:" introduces the quote that follows.
        mentions = doc.mentions(q)
        if not (q.opens_with_dash or q.text.rstrip().endswith(":") and not mentions):
            found = Named(mentions[-1], subject=False) if mentions else None
            break
        k -= 1
    for index in walked:
        known[index] = found
    return found


def _looks_ahead(claims: Claims, j: int) -> bool:
    ref = claims[j].source
    return isinstance(ref, SameAs) and ref.claim > j


def _most_named(doc: Doc, p: Paragraph, besides: Mention | None = None) -> Ref | None:
    """The person the paragraphs before p name most often (the first of them on a tie),
    leaving out one person."""
    if besides is None:
        return doc.memo("most named", lambda: _names_by_count(doc))[p.index]
    return _names_by_count(doc, besides.key)[p.index]


def _names_by_count(doc: Doc, besides: str = "") -> list[Ref | None]:
    """For each paragraph, the most named person of the paragraphs before it."""
    counts: dict[str, int] = {}
    first: dict[str, Named] = {}
    rank: dict[str, int] = {}
    best: str | None = None
    found: list[Ref | None] = []
    for q in doc.paragraphs:
        found.append(None if best is None else first[best])
        for m in doc.mentions(q):
            if m.key == besides:
                continue
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, Named(m, subject=False))
            rank.setdefault(m.key, len(rank))  # a tie goes to the one named first
            if best is None or (counts[m.key], -rank[m.key]) > (counts[best], -rank[best]):
                best = m.key
    return found


def _in_paragraph(claims: Claims, p: Paragraph | None) -> range:
    """The indexes of the claims that start inside paragraph p."""
    return range(0) if p is None else claims.between(p.start, p.end)


def _previous(claims: Claims, i: int, found_by: tuple[str, ...]) -> int | None:
    """The nearest claim before i found by one of these finders."""
    for j in range(i - 1, -1, -1):
        if claims[j].found_by in found_by:
            return j
        if claims[j].kind is claims[i].kind:
            return None
    return None


def _just_before(doc: Doc, previous: Claim, claim: Claim) -> bool:
    """Whether `previous` ends in the sentence right before the one `claim` starts, in the
    same paragraph."""
    if doc.paragraph_at(previous.start) != doc.paragraph_at(claim.start):
        return False
    return doc.sentence_index(claim.start) - doc.sentence_index(max(
        previous.start, previous.end - 1)) == 1


def _goes_on(claims: Claims, j: int) -> bool:
    """Whether the reported content of claim j may go on in the next sentence."""
    claim = claims[j]
    if claim.source is None:
        return False
    if claim.found_by == REPORTED:
        return claim.continues
    if claim.named_by not in ("continues-reported", "quote-after-reported"):
        return False
    root = _root(claims, j)
    return root != j and _goes_on(claims, root)


def _root(claims: Claims, j: int) -> int:
    """The claim whose own source gave claim j its voice (kept once worked out: the claims j
    takes its voice from are decided before it)."""
    path = []
    while ("root", j) not in claims.memo:
        ref = claims[j].source
        if not isinstance(ref, SameAs) or ref.claim >= j:
            claims.memo["root", j] = j
            break
        path.append(j)
        j = ref.claim
    root = cast(int, claims.memo["root", j])
    for k in path:
        claims.memo["root", k] = root
    return root
