"""Speakers named by a cue: a transcript label, a caption voice, a reporting clause after a
quote ("- сказал Иван Петров."), a clause before a colon ("Исаков парировал: «...»")."""

from __future__ import annotations

from speechsum.model import Gender, Kind
from speechsum.speakers.claims import Claim, Cue, CueKind, Label, Named, Pronoun, Ref
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.transcript import label_starting_at
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.sources.subjects import role_ref


def label_names(doc: Doc, claim: Claim) -> Ref | None:
    """"ИВАНОВ:", "Ведущий:", "Sanders: ..." - whom the label names."""
    cue = claim.cue
    if cue is None or cue.kind is not CueKind.LABEL:
        return None
    label = label_starting_at(doc, cue.start)
    if label is not None:
        return label.ref
    found = doc.mentions_in(cue.start, cue.end)
    return Named(found[-1]) if found else None


def voice_name(doc: Doc, claim: Claim) -> Ref | None:
    """A caption's voice: a person's name where it is one, else the voice as written."""
    cue = claim.cue
    if cue is None or cue.kind is not CueKind.VOICE:
        return None
    found = doc.mentions_in(cue.start, cue.end)
    if found:
        return Named(found[0])
    name = doc.text[cue.start : cue.end]
    return Label("voice:" + name.lower(), name)


def cue_names(doc: Doc, claim: Claim) -> Ref | None:
    """"- сказал Иван Петров.", '"...," Smith said.': the name that is the clause's subject."""
    verb = cue_verb(doc, claim.cue)
    if claim.cue is None or claim.cue.kind is not CueKind.CLAUSE or verb is None:
        return None
    mentions = doc.mentions_in(claim.cue.start, claim.cue.end)
    subject = doc.lang.cue_subject(doc.text, mentions, verb, claim.cue.end)
    return None if subject is None else Named(subject, gender=verb.gender)


def closing_name(doc: Doc, claim: Claim) -> Ref | None:
    """"- деді депутат Айдос Сарым.", "- говорит Айнур.": capitalised words closing a cue are
    its speaker's name, even when the dictionary knows none of them."""
    verb = cue_verb(doc, claim.cue)
    if claim.cue is None or claim.cue.kind is not CueKind.CLAUSE or verb is None:
        return None
    name = doc.lang.closing_name(doc.text, verb, claim.cue.end)
    return None if name is None else Named(name, gender=verb.gender)


def introduction_names(doc: Doc, claim: Claim) -> Ref | None:
    """"Депутат Ибраев: «...»", "Исаков парировал: «...»": the name in the introducing clause."""
    cue = claim.cue
    if cue is None or cue.kind is not CueKind.INTRODUCTION:
        return None
    verbs = doc.speech_verbs(cue.start, cue.end - 1)
    mentions = doc.mentions_in(cue.start, cue.end - 1)
    subject = doc.lang.introduction_subject(doc.text, mentions, verbs)
    if subject is None:
        return None
    return Named(subject, gender=verbs[0].gender if verbs else Gender.UNKNOWN)


def cue_pronoun(doc: Doc, claim: Claim) -> Ref | None:
    """"- сказал он.", "Она ответила: «...»": a pronoun in the cue, resolved later."""
    verb = cue_verb(doc, claim.cue)
    if claim.cue is None or verb is None:
        return None
    for word in doc.words_in(claim.cue.start, claim.cue.end):
        gender = doc.lang.pronoun(doc.text, word.start, word.end)
        if gender is not None:
            return Pronoun(claim.cue.start, gender if verb.gender is Gender.UNKNOWN else (
                verb.gender))
    return None


def cue_role(doc: Doc, claim: Claim) -> Ref | None:
    """"- потребовал судья.": the person this role noun named earlier; also the role that
    opens an introduction with no speech verb ("Төраға ... мүмкіндік берді де: «...»"), as a
    name does."""
    cue = claim.cue
    if cue is None:
        return None
    words = doc.words_in(cue.start, cue.end)
    if cue_verb(doc, cue) is None:
        if cue.kind is not CueKind.INTRODUCTION or not words:
            return None
        words = words[:1]
    return role_ref(doc, words, cue.end, cue.start)


def cue_verb(doc: Doc, cue: Cue | None) -> Verb | None:
    """The speech verb of a reporting clause or an introduction (a verb of manner only in a
    clause after the quote)."""
    if cue is None or cue.kind not in (CueKind.CLAUSE, CueKind.INTRODUCTION):
        return None
    end = cue.end - 1 if cue.kind is CueKind.INTRODUCTION else cue.end
    verbs = doc.speech_verbs(cue.start, end)
    if not verbs and cue.kind is CueKind.CLAUSE:
        verbs = tuple(doc.lang.cue_verbs(doc.text, cue.start, end))
    return verbs[0] if verbs else None


def quote_sentence_subject(doc: Doc, claim: Claim) -> Ref | None:
    """"Самат Смақов ойында «...» деп ашық айтты.": a quotative clause (a language's verb of
    reporting that follows the words it reports) after a quote inside its sentence names no
    one; the sentence's subject before the quote speaks."""
    cue = claim.cue
    if claim.kind is not Kind.DIRECT or cue is None or cue.kind is not CueKind.CLAUSE:
        return None
    quotative = doc.lang.cue_verbs(doc.text, cue.start, cue.end)
    verb = quotative[0] if quotative else None
    k = doc.sentence_index(claim.start)
    if verb is None or k >= len(doc.sentences) or doc.sentences[k].start >= claim.start:
        return None
    before = doc.mentions_in(doc.sentences[k].start, claim.start)
    subject = doc.lang.subject_of(doc.text, before, verb) if before else None
    return None if subject is None else Named(subject, gender=verb.gender)

