"""Sources given by an "according to": "По словам министра Ивана Петрова, ...", "По его
словам", "Серікованың айтуынша", "Как отмечают в департаменте полиции, ..."."""

from __future__ import annotations

import re

from speechsum.speakers.claims import (
    Claim,
    CueKind,
    Mention,
    Named,
    Organisation,
    Pronoun,
    Ref,
    Role,
)
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.reported import REPORTED
from speechsum.speakers.marks import WORDS

# How far after "по словам" the name may come, and how many title words may stand before it.
NAME_REACH = 120
TITLE_WORDS = 4
# Kazakh: the genitive name ends at most this far before "айтуынша".
GENITIVE_GAP = 8
# An acronym, with the quoted name it gives ("МИА «Казинформ»"), and then the clause's
# comma; a quoted name alone may be inflected ("по данным «Нового радио»"), so it is none.
ORGANISATION_NAME = re.compile(r"(?:the[ \t]+)?(?P<name>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}"
                               r"(?:[ \t]+«[^«»\n]{1,40}»)?)[ \t]*,")


def according_to(doc: Doc, claim: Claim) -> Ref | None:
    """"По словам министра Владимира Караника, ..." -> Караник; "Ысқақовтың айтуынша" ->
    Ысқақов; "according to Health Minister Dana Ortiz"."""
    if claim.found_by != REPORTED:
        return None
    text = doc.text
    after = _according_after(doc, claim)
    if after is not None:
        before = doc.mentions_in(max(claim.start, after.start() - 60), after.start())
        if before and before[-1].end >= after.start() - GENITIVE_GAP:
            return Named(before[-1], subject=False, case="gent")
    m, mentions = _named_after(doc, claim)
    if m is None or not mentions or _own_subject(doc, claim, mentions[0]):
        return None
    between = text[m.end() : mentions[0].start]
    if len(WORDS.findall(between)) > TITLE_WORDS or not doc.lang.source_title(between):
        return None  # "according to the documents released by WikiLeaks" is no one's speech
    return Named(mentions[0], subject=False, case="gent")


def according_to_role(doc: Doc, claim: Claim) -> Ref | None:
    """"По словам эксперта, ...", "Министрдің айтуынша": the person named before in that role."""
    if claim.found_by != REPORTED:
        return None
    text, lexicon = doc.text, doc.lang.lexicon
    after = _according_after(doc, claim)
    if after is not None:
        word = re.search(r"(\w+)\s+$", text[max(claim.start, after.start() - 40) : after.start()])
        noun = doc.lang.role_word(word.group(1)) if word else None
        if noun:
            return Role((noun,), claim.start)
    m, mentions = _named_after(doc, claim)
    role = lexicon.according_role.match(text, m.start(), claim.end) if m else None
    if role is None or mentions:
        return None
    noun = doc.lang.role_word(role.group(1))
    return Role((noun,), claim.start) if noun else None


def _own_subject(doc: Doc, claim: Claim, source: Mention) -> bool:
    """"his campaign manager, Jeff Weaver, says ..., according to the Associated Press",
    "According to GMA News, Salceda said ...": a speech verb of the sentence has a subject
    of its own, who is the speaker; the outlet only relays."""
    mentions = doc.mentions_in(claim.start, claim.end)
    for verb in doc.speech_verbs(claim.start, claim.end):
        subject = doc.lang.subject_of(doc.text, mentions, verb)
        if subject is not None and subject.start != source.start:
            return True
    return False


def _named_after(doc: Doc, claim: Claim) -> tuple[re.Match[str] | None, list[Mention]]:
    """"По словам ...", "according to ..." in the claim, and the names up to the next comma
    (read once a claim: the rules ask again for each of its cues)."""
    return doc.memo_last("named after", (claim.start, claim.end), lambda: _find_named_after(
        doc, claim.start, claim.end))


def _find_named_after(doc: Doc, start: int, end: int) -> tuple[re.Match[str] | None,
                                                               list[Mention]]:
    m = doc.lang.lexicon.according.search(doc.text, start, end)
    if m is None:
        return None, []
    reach = min(end, m.end() + NAME_REACH)
    comma = doc.text.find(",", m.end(), reach)
    return m, doc.mentions_in(m.end(), comma if comma > 0 else reach)


def _according_after(doc: Doc, claim: Claim) -> re.Match[str] | None:
    """Kazakh "Серікованың айтуынша" in the claim (read once a claim)."""
    return doc.memo_last("according after", (claim.start, claim.end), lambda: (
        doc.lang.lexicon.according_after.search(doc.text, claim.start, claim.end)))


def according_to_pronoun(doc: Doc, claim: Claim) -> Ref | None:
    """"По его словам, ..." -> the most recent man; "Оның айтуынша" -> the most recent person."""
    if claim.found_by != REPORTED:
        return None
    lexicon = doc.lang.lexicon
    m = doc.memo_last("according pronoun", (claim.start, claim.end), lambda: (
        lexicon.according_pronoun.search(doc.text, claim.start, claim.end)))
    if m is None:
        return None
    return Pronoun(claim.start, lexicon.pronoun_genders[m.group("pronoun").lower()])


def according_to_organisation(doc: Doc, claim: Claim) -> Ref | None:
    """"По данным МИА «Казинформ», ...", "according to NASA,": an acronym or a quoted name
    where the name of a person would be."""
    if claim.found_by != REPORTED:
        return None
    m, mentions = _named_after(doc, claim)
    if m is None or mentions:
        return None
    named = ORGANISATION_NAME.match(doc.text, m.end(), claim.end)
    return None if named is None else Organisation(named.group("name"))


def organisation_source(doc: Doc, claim: Claim) -> Ref | None:
    """"Как отмечают в департаменте полиции, ..." -> департамент полиции; in a quote's
    reporting clause too ("«...», — заявили в пресс-службе.")."""
    if claim.found_by == REPORTED:  # the claim's words, whichever of its verbs is the cue
        found = doc.memo_last("organisation", (claim.start, claim.end), lambda: (
            doc.lang.organisation_source(doc.text, claim.start, claim.end)))
    elif claim.cue is not None and claim.cue.kind is CueKind.CLAUSE:
        found = doc.lang.organisation_source(doc.text, claim.cue.start, claim.cue.end)
    else:
        return None
    return None if found is None else Organisation(*found)
