"""The entity pass: references become speakers, in one left-to-right walk over the document.

Names are merged with their inflected forms and initials (one person per surname, told apart
by first names and initials), pronouns go to the previous subject of agreeing gender, role
nouns to the person last named with that role. This is the only stateful step of
attribution and the only place a `Speaker` is made.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from operator import itemgetter

from speechsum.model import Attribution, Kind, Segment, Span
from speechsum.speakers.claims import (
    Claim,
    Cue,
    Mention,
    Named,
    Pronoun,
    Role,
    SameAs,
)
from speechsum.speakers.document import Doc
from speechsum.speakers.finders.transcript import in_turn
from speechsum.speakers.lang import cyrillic_cases as cases
from speechsum.speakers.marks import WORDS
from speechsum.speakers.people import People


def resolve_speakers(doc: Doc, claims: Sequence[Claim]) -> Attribution:
    """Speakers and their segments, in document order, from claims with references."""
    people = People(doc)
    keys = _walk(doc, claims, people)
    return _attribution(doc, claims, keys, people)


def _walk(doc: Doc, claims: Sequence[Claim], people: People) -> list[str | None]:
    """Each claim's person key (None when its reference names no one), meeting the
    narration's names, the claims' references and their speakers in document order."""
    named: dict[int, Named] = {}
    # (position, order, sequence, what): names first, then references at that place, then
    # the speakers that later pronouns may refer to.
    events: list[tuple[int, int, int, object]] = []
    for i, claim in enumerate(claims):
        ref = claim.source
        if isinstance(ref, Named):
            named.setdefault(ref.mention.start, ref)
            at = ref.mention.start
        elif isinstance(ref, Pronoun | Role):
            at = ref.at
        else:
            at = claim.start
        if ref is not None and not isinstance(ref, SameAs):
            events.append((at, 1, i, claim))
            # Where their words end, the speaker is whom "он" refers to next.
            events.append((max(at, claim.end), 2, i, i))
    for mention in _narration(doc, claims):
        if mention.start not in named:
            events.append((mention.start, 0, 0, mention))
    for ref in named.values():
        events.append((ref.mention.start, 0, 0, ref))
    events.sort(key=itemgetter(0, 1, 2))
    keys: list[str | None] = [None] * len(claims)
    for pos, _, i, what in events:
        if isinstance(what, Mention):
            people.register(what)
        elif isinstance(what, Named):
            people.register_named(what)
        elif isinstance(what, Claim):
            keys[i] = people.resolve(what.source)
        elif isinstance(what, int) and keys[what] is not None:
            people.remember(pos, str(keys[what]))
    keys = [keys[root] for root in voice_roots(claims)]
    _label_names_elsewhere(doc, claims, keys, people)
    return keys


def _narration(doc: Doc, claims: Sequence[Claim]) -> list[Mention]:
    """Names outside quotation marks and outside direct speech: who the story is about."""
    starts, ends = _direct_spans(claims)
    found = []
    k = 0
    # Only the paragraphs that name someone (the rest are made into no Paragraph).
    for p in (doc.paragraphs[i] for i, names in enumerate(doc.all_mentions) if names):
        if in_turn(doc, p):
            continue  # a label and its turn: the label's name is its claim's source
        while k < len(starts) and ends[k] <= p.start:
            k += 1
        if k < len(starts) and starts[k] <= p.start and ends[k] >= p.end:
            continue  # all of it is someone's words
        for m in doc.mentions(p):
            while k < len(starts) and ends[k] <= m.start:
                k += 1
            if k < len(starts) and starts[k] < m.end or doc.quote_at(p, m.start):
                continue
            found.append(m)
    return found


def _direct_spans(claims: Sequence[Claim]) -> tuple[array[int], array[int]]:
    """The starts and ends of the direct claims, sorted by start and then end, as arrays: no
    pair of numbers a claim (claims in text order, as `Claims` keeps them, need no sort)."""
    starts = array("q", (c.start for c in claims if c.kind is Kind.DIRECT))
    ends = array("q", (c.end for c in claims if c.kind is Kind.DIRECT))
    n = len(starts)
    if any(starts[i] > starts[i + 1] or starts[i] == starts[i + 1] and ends[i] < ends[i + 1]
           for i in range(n - 1)):
        pairs = sorted(zip(starts, ends, strict=True))
        return array("q", (a for a, _ in pairs)), array("q", (b for _, b in pairs))
    i = 0
    while i < n:  # the longer first at one start: reversed, the shorter first
        j = i + 1
        while j < n and starts[j] == starts[i]:
            j += 1
        if j - i > 1:
            ends[i:j] = ends[i:j][::-1]
        i = j
    return starts, ends


def _label_names_elsewhere(doc: Doc, claims: Sequence[Claim], keys: Sequence[str | None],
                           people: People) -> None:
    """"С. КОРЗУН:" and "Сергей Корзун" in the lead or in a turn are one person: full
    names anywhere in a transcript join the people its labels name."""
    label_keys = {k for c, k in zip(claims, keys, strict=True)
                  if k is not None and k in people.persons and isinstance(c.source, Named)
                  and c.found_by == "transcript-label"}
    stems = sorted({cases.stem_key(x)[:6] for k in label_keys
                    if len(x := max(k.split(":"), key=len)) > 2})
    if not stems:
        return
    # Look for full names only where a word starts like a label's surname: one pass over
    # the words with set look-ups, however many speakers there are, the labels skipped.
    wanted = set(stems)
    lengths = sorted({len(x) for x in stems})
    labels = sorted((c.cue.start, c.cue.end) for c in claims
                    if c.found_by == "transcript-label" and c.cue is not None)
    for p in doc.paragraphs:
        for word in WORDS.finditer(doc.text, p.start, p.end):
            start, end = word.span()
            if not any(word.group()[:n].lower() in wanted for n in lengths):
                continue
            k = bisect.bisect_right(labels, (start, len(doc.text))) - 1
            if k >= 0 and labels[k][0] <= start < labels[k][1]:
                continue
            around = doc.mentions_of(max(p.start, start - 60), min(p.end, end + 40))
            mention = next((m for m in around if m.start <= start < m.end), None)
            if mention is not None and mention.start not in people.registered and (
                    people.key_for(mention) in label_keys):
                people.register(mention, remember=False)


def voice_roots(claims: Sequence[Claim]) -> Sequence[int]:
    """For each claim, the claim whose own source names its voice: itself unless it has the
    voice of another (SameAs), through whole chains; a chain that runs in a circle ends where
    it turns. Each claim is walked once. (An array: a number a claim.)"""
    roots = array("q", [-1]) * len(claims)  # -1: not walked yet
    for i in range(len(claims)):
        if roots[i] >= 0 or not isinstance(claims[i].source, SameAs):
            if roots[i] < 0:
                roots[i] = i
            continue
        path: dict[int, None] = {}  # the walk, in order, with set look-ups
        j = i
        while roots[j] < 0 and isinstance(ref := claims[j].source, SameAs) and j not in path:
            path[j] = None
            j = ref.claim
        root = roots[j]
        for k in path:
            roots[k] = j if root < 0 else root
        if roots[i] < 0:
            roots[i] = i
    return roots


def _attribution(doc: Doc, claims: Sequence[Claim], keys: Sequence[str | None],
                 people: People) -> Attribution:
    """Segments in document order, speakers numbered by their first segment."""
    text = doc.text
    kept: list[tuple[int, int, str, Claim, int]] = []
    for i, (claim, key) in enumerate(zip(claims, keys, strict=True)):
        start, end = _strip(text, claim.start, claim.end)
        if key is not None and end > start:
            kept.append((start, end, key, claim, i))
    kept.sort(key=lambda k: (k[0], -k[1]))
    ids: dict[str, str] = {}
    for _, _, key, _, _ in kept:
        ids.setdefault(key, f"s{len(ids) + 1}")
    speakers = tuple(people.speaker(key, sid) for key, sid in ids.items())
    turns = _caption_turns(claims, keys)
    roots = voice_roots(claims)
    segments = []
    for start, end, key, claim, i in kept:
        root = claims[roots[i]]
        cue = _stripped(text, root.cue or claim.cue)
        times = claim.times
        segments.append(Segment(
            start, end, text[start:end], ids[key], claim.kind, claim.found_by,
            times[0] if times else None, times[1] if times else None, turns.get(i),
            source_rule=claim.named_by,
            cue=cue))
    return Attribution(speakers, tuple(segments))


def _stripped(text: str, cue: Cue | None) -> Span | None:
    """A cue as shown: its text without the spaces around it."""
    if cue is None:
        return None
    start, end = _strip(text, cue.start, cue.end)
    return Span(start, end, text[start:end])


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _caption_turns(claims: Sequence[Claim], keys: Sequence[str | None]) -> dict[int, int]:
    """Caption cues of one voice in a row are one turn; a cue with no voice ends it."""
    turns: dict[int, int] = {}
    turn = 0
    previous: str | None = None
    for i, (claim, key) in enumerate(zip(claims, keys, strict=True)):
        if claim.times is None:
            continue
        if key is None:
            previous = None
            continue
        if key != previous:
            turn += 1
        previous = key
        turns[i] = turn
    return turns


__all__ = ["resolve_speakers"]
