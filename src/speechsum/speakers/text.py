"""Paragraphs with their sentences: the units the rules walk over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from speechsum.model import Sentence

DASHES = "-–—―"


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the text and the sentences inside it."""

    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where the sentences start, for bisecting (computed once)."""
        return [s.start for s in self.sentences]

    @property
    def opens_with_dash(self) -> bool:
        return self.text[:1] in DASHES and not self.text[:2] == "--"


def split_paragraphs(text: str, sentences: Sequence[Sentence]) -> tuple[Paragraph, ...]:
    """Non-empty lines, stripped, each with the sentences that lie inside it."""
    paragraphs: list[Paragraph] = []
    pos = 0
    i = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        start, end = pos, line_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            while i < len(sentences) and sentences[i].end <= start:
                i += 1
            j = i
            while j < len(sentences) and sentences[j].start < end:
                j += 1
            paragraphs.append(Paragraph(start, end, text[start:end], tuple(sentences[i:j])))
            i = j
        if nl < 0:
            break
        pos = nl + 1
    return tuple(paragraphs)
