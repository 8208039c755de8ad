"""A headline's subject given by a role ("Governor blasts tolls", "Директор школы
рассказала"): the person the report gives that role after the headline."""

from __future__ import annotations

from speechsum.speakers.claims import Claim, CueKind, Named, Ref
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.headlines import headline, in_headline
from speechsum.speakers.finders.reported import predicate_at


def headline_role(doc: Doc, claim: Claim) -> Ref | None:
    """The first person after the headline whose role shares a noun with the role before
    the headline's speech verb."""
    cue = claim.cue
    if cue is None or cue.kind is not CueKind.PREDICATE or not in_headline(doc, claim.start):
        return None
    verb = predicate_at(doc, cue)
    if verb is None:
        return None
    lang = doc.lang
    role = lang.role_before(doc.text, verb.start)
    nouns = lang.role_nouns(role) if role else set()
    if not nouns:
        return None
    body = headline(doc)[-1].index + 1
    for p in doc.paragraphs[body:]:
        for m in doc.mentions(p):
            given = lang.role_before(doc.text, m.start) or lang.role_after(doc.text, m.end)
            if given and nouns & lang.role_nouns(given):
                return Named(m, subject=False)
    return None
