"""Reporting clauses inside direct speech: where they are, and which words they leave quoted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from speechsum.model import Kind
from speechsum.speakers.claims import Claim, Cue, CueKind
from speechsum.speakers.document import Doc
from speechsum.speakers.marks import CUE_SEP, DASHES, cue_end


def reports(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] is a reporting clause: a speech verb, or a verb of manner that
    opens it ("- улыбнулся он")."""
    return bool(doc.speech_verbs(start, end) or doc.lang.cue_verbs(doc.text, start, end))


def split_by_cues(doc: Doc, start: int, end: int) -> tuple[list[tuple[int, int]], list[Cue]]:
    """Quote pieces and the cues between them: "- A, - сказал X. - B" -> [A, B], [cue]
    (worked out once per stretch: the dash and reported finders both ask; a stretch with no
    separator is one piece, told again rather than kept)."""
    if CUE_SEP.search(doc.text, start, end) is None:
        return [(start, end)] if start < end else [], []
    return doc.memo(("cues", start, end), lambda: _split_by_cues(doc, start, end))


def _split_by_cues(doc: Doc, start: int, end: int) -> tuple[list[tuple[int, int]], list[Cue]]:
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
        pieces.append((pos, narration_from(doc, pos, end) if cues else end))
    return pieces, cues


def narration_from(doc: Doc, start: int, end: int) -> int:
    """Where the words after a quote's last cue turn to narration: the first later sentence
    that reports a named person's speech ("- Деньги есть. Глава района Марина Ковалева
    отметила, что ..."); `end` when none does."""
    k = doc.sentence_index(start)
    while k + 1 < len(doc.sentences) and doc.sentences[k + 1].start < end:
        k += 1
        s = doc.sentences[k]
        if s.text[:1] in DASHES:
            continue  # the quote resumes
        verbs = doc.speech_verbs(s.start, s.end)
        if verbs and doc.lang.subject_of(doc.text, doc.mentions_in(s.start, s.end), verbs[0]):
            return s.start
    return end


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
