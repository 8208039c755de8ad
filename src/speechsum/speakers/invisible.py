r"""Invisible characters inside words: the sieves read the text without them; what they give
back is mapped to the text as written.

A soft hyphen (U+00AD) marks where a word may be hyphenated, a zero-width space (U+200B)
where a line may break; ZWNJ, ZWJ, the word joiner and a stray BOM shape nothing a reader of
these languages sees. "Отар\u00adбаев" is the word "Отарбаев": the reading leaves them out,
so every word and name pattern, `\s+` and `\b` between words, and the morphology read the
word whole, where teaching each of the sieves' patterns to step over them would leave one
forgotten. Leaving them out shifts offsets, so the reading keeps where each of its characters
stands in the text, and every segment and cue is mapped back: its `text` is the text's own
slice, invisible characters and all. Names and roles are display strings and stay without
them. A text without them is read as it is, at the cost of one search.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from speechsum.model import Attribution, Segment, Sentence, Span
from speechsum.sentences import split_paragraphs

SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"
WORD_JOINER = "\u2060"
INVISIBLE = SOFT_HYPHEN + ZERO_WIDTH_SPACE + WORD_JOINER + "\u200c\u200d\ufeff"
# A run of them, and the line break after it that a soft hyphen may join: "Отар\u00ad\nбаев".
HIDDEN = re.compile(f"[{INVISIBLE}]+(?P<wrap>[ \\t]*\\n[ \\t]*)?")


@dataclass(frozen=True)
class Reading:
    """The text without its invisible characters; `origins[i]` is where the reading's
    character i stands in the text (None: the text has none, and is read as it is)."""

    text: str
    origins: Sequence[int] | None = None

    def sentences(self, sentences: Sequence[Sentence]) -> Sequence[Sentence]:
        """The text's sentences in the reading, numbered by the reading's lines: a sentence
        the reading leaves empty is dropped, and two a joined line break brings onto one
        line are one."""
        if self.origins is None:
            return sentences
        starts = [start for start, _ in split_paragraphs(self.text)]
        read: list[tuple[int, int, int, int]] = []  # start, end, line, the text's line
        for s in sentences:
            start = bisect.bisect_left(self.origins, s.start)
            end = bisect.bisect_left(self.origins, s.end)
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            line = bisect.bisect_right(starts, start) - 1
            if read and read[-1][2] == line and read[-1][3] != s.paragraph:
                read[-1] = (read[-1][0], end, line, s.paragraph)
            else:
                read.append((start, end, line, s.paragraph))
        return tuple(Sentence(start, end, self.text[start:end], line)
                     for start, end, line, _ in read)

    def as_source(self, attribution: Attribution, source: str) -> Attribution:
        """The attribution of the reading with the segments and cues of the text itself."""
        if self.origins is None:
            return attribution
        return replace(attribution, segments=tuple(self._segment(s, source)
                                                   for s in attribution.segments))

    def _segment(self, segment: Segment, source: str) -> Segment:
        start, end = self._span(segment.start, segment.end, len(source))
        cue = segment.cue
        if cue is not None:
            cue_start, cue_end = self._span(cue.start, cue.end, len(source))
            cue = Span(cue_start, cue_end, source[cue_start:cue_end])
        return replace(segment, start=start, end=end, text=source[start:end], cue=cue)

    def _span(self, start: int, end: int, length: int) -> tuple[int, int]:
        """The text's offsets of reading[start:end], from its first character to its last,
        so that invisible characters inside are kept and those around are not."""
        assert self.origins is not None
        first = self.origins[start] if start < len(self.origins) else length
        if end <= start:
            return first, first
        return first, self.origins[end - 1] + 1


def read_visible(text: str) -> Reading:
    r"""The text as a reader sees it, without invisible characters.

    >>> read_visible("Малик Отар\u00adбаев").text
    'Малик Отарбаев'
    >>> read_visible("Малик\u200bОтарбаев").text
    'Малик Отарбаев'
    """
    if not any(c in text for c in INVISIBLE):
        return Reading(text)
    pieces: list[str] = []
    origins: list[int] = []
    pos = 0
    for m in HIDDEN.finditer(text):
        pieces.append(text[pos : m.start()])
        origins.extend(range(pos, m.start()))
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if m.group("wrap") is not None and not joins_line(m.group(), before, after):
            pos = m.start("wrap")
            after = text[pos]
        else:
            pos = m.end()
        if breaks_words(m.group(), before, after):
            pieces.append(" ")
            origins.append(m.start() + m.group().index(ZERO_WIDTH_SPACE))
    pieces.append(text[pos:])
    origins.extend(range(pos, len(text)))
    return Reading("".join(pieces), origins)


def joins_line(run: str, before: str, after: str) -> bool:
    r"""Whether a soft hyphen at a line end joins the word the next line goes on with:
    "Отар\u00ad\nбаев", "Петров-\u00ad\nВодкин"; never before a capital after a letter (a
    stray one ending a line before "В этом году")."""
    if SOFT_HYPHEN not in run or not after.isalpha():
        return False
    return before == "-" or (before.isalpha() and after.islower())


def breaks_words(run: str, before: str, after: str) -> bool:
    r"""Whether the run stands for a space.

    A zero-width space is a line-break opportunity, and web pages put one between words they
    print without a space. Inside a word ("Отар\u200bбаев") or beside a space it joins, as
    every other invisible character always does; between a small letter and a capital
    ("Малик\u200bОтарбаев") it ends one word and starts the next, as the capital shows (at the
    cost of reading "Мак\u200bКейн" as two words), unless a soft hyphen or a word joiner
    beside it says the word goes on."""
    return (ZERO_WIDTH_SPACE in run and SOFT_HYPHEN not in run and WORD_JOINER not in run
            and before.islower() and after.isupper())
