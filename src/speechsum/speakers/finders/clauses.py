"""Reporting clauses inside direct speech: where they are, and which words they leave quoted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc
from speechsum.speakers.marks import CUE_SEP, cue_end


def reports(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] is a reporting clause: a speech verb, or a verb of manner that
    opens it ("- улыбнулся он")."""
    return bool(doc.speech_verbs(start, end) or doc.lang.cue_verbs(doc.text, start, end))


def split_by_cues(doc: Doc, start: int, end: int) -> tuple[list[tuple[int, int]], list[Cue]]:
    """Quote pieces and the cues between them: "- A, - сказал X. - B" -> [A, B], [cue]."""
    pieces: list[tuple[int, int]] = []
    cues: list[Cue] = []
    pos = start
    for m in CUE_SEP.finditer(doc.text, start, end):
        if m.start() < pos:
            continue
        stop = cue_end(doc.text, m.end(), end)
        if not reports(doc, m.end(), stop):
            continue
        sep = m.start() + 1 if doc.text[m.start()] in "!?…" else m.start()
        pieces.append((pos, sep))
        cues.append(Cue(sep, stop, CueKind.CLAUSE))
        pos = stop
    if pos < end:
        pieces.append((pos, end))
    return pieces, cues


def quoted_pieces(doc: Doc, pieces: Sequence[tuple[int, int]], cues: Sequence[Cue],
                  found_by: str) -> Iterator[Claim]:
    """Each piece of a quote with the cue after it (or, after the last cue, the one before),
    then the cues that add words of their own."""
    k = 0  # pieces and cues both come in text order
    for start, end in pieces:
        while k < len(cues) and cues[k].start < end:
            k += 1
        cue = cues[k] if k < len(cues) else (cues[-1] if cues else None)
        yield Claim(start, end, Kind.DIRECT, found_by, cue)
    for cue in cues:
        content = cue_with_content(doc, cue)
        if content is not None:
            yield content


def cue_with_content(doc: Doc, cue: Cue) -> Claim | None:
    """A reporting clause that adds words of the speaker's own ("- заверил он и добавил, что
    запасов хватит", ", adding that ..."): indirect speech, not only a cue."""
    lexicon = doc.lang.lexicon
    text = doc.text
    verbs = doc.speech_verbs(cue.start, cue.end)
    joined = len(verbs) >= 2 and lexicon.content_opener.match(
        text, verbs[-1].end, cue.end) and lexicon.joined_verbs.search(
        text, verbs[0].end, verbs[-1].start)
    if not joined and not lexicon.cue_content.search(text, cue.start, cue.end):
        return None
    words = doc.words_in(cue.start, cue.end)  # not the ", —" that opens it
    start = words[0].start if words else cue.start
    return Claim(start, cue.end, Kind.INDIRECT, "cue-with-content", cue)
