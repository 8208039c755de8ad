"""attribute_speakers: one analysed document, then the sieves of rules.py, then the people."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from speechsum.model import Attribution, Language, Sentence
from speechsum.speakers.claims import Claim, Claims
from speechsum.speakers.document import Doc, read_document
from speechsum.speakers.entities import resolve_speakers
from speechsum.speakers.finders.captions import caption_cues
from speechsum.speakers.invisible import read_visible
from speechsum.speakers.overlaps import keep_first_found
from speechsum.speakers.rules import CAPTIONS, NEWS, RuleSet, rule_name
from speechsum.speakers.spelling import as_written, reading_text

# The cues of a claim tried in turn after its own: a sentence of a thousand speech verbs
# ("said said said ...") would otherwise be read whole once a verb by every source sieve.
ALTERNATIVE_CUES = 8


def attribute_speakers(text: str, sentences: Sequence[Sentence], language: Language,
                       rules: RuleSet | None = None) -> Attribution:
    """Find speakers and their segments in document order (read without invisible
    characters and with Cyrillic letters for Latin look-alikes in Cyrillic words, given back
    as written)."""
    visible = read_visible(text)
    reading = reading_text(visible.text)
    doc = read_document(reading, visible.sentences(sentences), language)
    if rules is None:
        rules = CAPTIONS if caption_cues(doc) else NEWS
    claims = keep_first_found([name_sources(doc, find(doc), rules) for find in rules.finders])
    claims = follow_discourse(doc, claims, rules)
    attribution = as_written(resolve_speakers(doc, claims), visible.text, reading)
    return visible.as_source(attribution, text)


def name_sources(doc: Doc, claims: Iterable[Claim], rules: RuleSet) -> list[Claim]:
    """Each claim with its source, by the first source rule that names one."""
    return [name_source(doc, claim, rules) for claim in claims]


def name_source(doc: Doc, claim: Claim, rules: RuleSet) -> Claim:
    """The claim with the source the first answering rule names, trying its cue and then its
    alternatives in turn; the claim as found when none answers."""
    later = (replace(claim, cue=cue, alternatives=())
             for cue in claim.alternatives[:ALTERNATIVE_CUES])
    for attempt in itertools.chain([claim], later):
        for rule in rules.sources:
            ref = rule(doc, attempt)
            if ref is not None:
                return replace(attempt, source=ref, named_by=rule_name(rule), alternatives=())
    return claim


def follow_discourse(doc: Doc, claims: Claims, rules: RuleSet) -> Claims:
    """Claims still without a source, in document order, from their neighbours."""
    followed = Claims(claims)
    for i, claim in enumerate(claims):  # in text order: a rule sees its neighbours decided
        if claim.source is not None:
            continue
        for rule in rules.discourse:
            ref = rule(doc, followed, i)
            if ref is not None:
                followed.decide(i, ref, rule_name(rule))
                break
    return followed
