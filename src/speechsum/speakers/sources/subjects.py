"""The subject of a speech verb in reported speech: a name, a pronoun, a role, an organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from speechsum.model import Gender, Span
from speechsum.speakers.claims import Claim, Named, Organisation, Pronoun, Ref, Role
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.reported import REPORTED, predicate_at
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.lang.cyrillic import agrees

DISLOCATED = re.compile(r"\s*,\s*")
# The window around the verb where a role noun may stand as its subject.
ROLE_BEFORE = 60
ROLE_AFTER = 40
OPENING_WORDS = 4

# Role nouns one phrase holds: "Republican presidential nominee".
SAME_PHRASE = re.compile(r"[ \t]+(?:[\w-]+[ \t]+){0,2}")


def relative_clause_subject(doc: Doc, claim: Claim) -> Ref | None:
    """"..., которая обратила внимание", "Smith, who said ...": the name before the relative."""
    verb = _verb(doc, claim)
    if verb is None:
        return None
    rel = doc.lang.lexicon.relative.search(doc.text, claim.start, verb.start)
    if rel is None:
        return None
    before = [m for m in doc.mentions_in(claim.start, rel.start())
              if agrees(m.gender, verb.gender)]
    return Named(before[-1], gender=verb.gender) if before else None


def verb_subject(doc: Doc, claim: Claim) -> Ref | None:
    """"Глава района Нурлан Ахметов отметил ...", "said Sen. Ted Cruz": the named subject."""
    verb = _verb(doc, claim)
    if verb is None:
        return None
    mentions = doc.memo_last("mentions", (claim.start, claim.end), lambda: tuple(
        doc.mentions_in(claim.start, claim.end)))  # the same for each of the claim's cues
    subject = doc.lang.subject_of(doc.text, mentions, verb)
    return None if subject is None else Named(subject, gender=verb.gender)


def pronoun_subject(doc: Doc, claim: Claim) -> Ref | None:
    """"Он также напомнил", "X, он перевел ответ и похвалил": a pronoun in the verb's clause,
    or the name right before it in the same sentence."""
    verb = _verb(doc, claim)
    if verb is None:
        return None
    text = doc.text
    clause = max(claim.start, *(text.rfind(c, claim.start, verb.start) + 1 for c in ",;:"))
    for word in reversed(doc.words_in(clause, verb.start)):
        gender = doc.lang.pronoun(text, word.start, word.end)
        latter = doc.lang.lexicon.demonstratives.get(text[word.start : word.end].lower())
        if gender is None and latter is not None and not text[word.end : verb.start].strip():
            return Pronoun(word.start, latter, latter=True)  # "Однако та сказала"
        if gender is None:
            continue
        if verb.gender not in (Gender.UNKNOWN, gender) and gender is not Gender.PLUR:
            return None
        # "Нариман Турегалиев, он ..." - a name set before the pronoun, a comma between.
        same = [m for m in doc.mentions_in(claim.start, word.start) if m.nominative
                and agrees(m.gender, gender) and gender is not Gender.PLUR
                and DISLOCATED.fullmatch(text, m.end, word.start)]
        return Named(same[-1], gender=gender) if same else Pronoun(word.start, gender)
    return None


def role_subject(doc: Doc, claim: Claim) -> Ref | None:
    """"Затем прокурор заявил, что ..." - the person this role noun named earlier."""
    verb = _verb(doc, claim)
    if verb is None:
        return None
    start = max(claim.start, verb.start - ROLE_BEFORE)
    end = min(claim.end, verb.end + ROLE_AFTER)
    # Near the verb, or opening the sentence as a subject does however long the clause
    # ("Ал, аудан басшысы өз кезегінде ... жеткізді").
    opening = [w for w in doc.words_in(claim.start, claim.end, OPENING_WORDS) if w.start < start]
    words = (*opening, *doc.words_in(start, end))
    return role_ref(doc, words, end, claim.start if opening else start)


def role_ref(doc: Doc, words: Sequence[Span], end: int, at: int) -> Role | None:
    """The role nouns among the words, with the description the first of them heads ("the
    presumptive Republican presidential nominee": up to the last role noun of the phrase)."""
    found = [(word, noun) for word in words
             if (noun := doc.lang.role_noun(doc.text, word.start, word.end, end))]
    if not found:
        return None
    last = found[0][0]
    for word, _ in found[1:]:
        if not SAME_PHRASE.fullmatch(doc.text, last.end, word.start):
            break
        last = word
    return Role(tuple(noun for _, noun in found), at, doc.lang.lexicon.definite_roles,
                doc.lang.role_description(doc.text, last.start, last.end))


def organisation_subject(doc: Doc, claim: Claim) -> Ref | None:
    """"Акимат города сообщил, что ..." - a named organisation as the subject."""
    verb = _verb(doc, claim)
    if verb is None:
        return None
    name = doc.lang.organisation_subject(doc.text, claim.start, verb)
    return None if name is None else Organisation(name)


def _verb(doc: Doc, claim: Claim) -> Verb | None:
    """The speech verb a reported claim turns on."""
    return predicate_at(doc, claim.cue) if claim.found_by == REPORTED else None
