"""The paragraphs of an analysed document as views: offsets kept in arrays, a `Paragraph`
made when a sieve reads one, so that a text of a million short lines keeps a few numbers a
line rather than a few objects."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import overload

from speechsum.model import Sentence
from speechsum.sentences import Sentences
from speechsum.speakers.marks import opens_with_dash


class Paragraph:
    """One non-empty line of the text and the sentences inside it: a read-only view the
    document makes when asked, equal to any other view of the same paragraph. Its `text` is
    cut from the source when first read (a view of a long line costs nothing until then)."""

    __slots__ = ("index", "start", "end", "_source", "_text", "_sentences", "_first", "_stop")

    def __init__(self, index: int, start: int, end: int, source: str, sentences: Sentences,
                 first: int, stop: int) -> None:
        self.index = index
        self.start = start
        self.end = end
        self._source = source
        self._text: str | None = None
        self._sentences = sentences
        self._first = first
        self._stop = stop

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._source[self.start : self.end]
        return self._text

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self._sentences.between(self._first, self._stop)

    @property
    def sentence_range(self) -> range:
        """The indexes of its sentences in the document's."""
        return range(self._first, self._stop)

    @property
    def opens_with_dash(self) -> bool:
        return opens_with_dash(self._source[self.start : self.start + 2])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Paragraph):
            return NotImplemented
        return (self.index, self.start, self.end) == (other.index, other.start, other.end) and (
            self._source is other._source or self.text == other.text)

    def __hash__(self) -> int:
        return hash((self.index, self.start, self.end))

    def __repr__(self) -> str:
        return (f"Paragraph(index={self.index}, start={self.start}, end={self.end}, "
                f"text={self.text!r})")


class Paragraphs(Sequence[Paragraph]):
    """The paragraphs of a text as arrays of offsets, each `Paragraph` made when it is read;
    a slice is a view of the same arrays."""

    __slots__ = ("text", "starts", "ends", "firsts", "sentences", "_lo", "_hi", "_recent")

    def __init__(self, text: str, starts: array[int], ends: array[int], firsts: array[int],
                 sentences: Sentences, lo: int = 0, hi: int | None = None,
                 recent: list[Paragraph | None] | None = None) -> None:
        self.text = text
        self.starts = starts  # of every paragraph of the text, whatever the view
        self.ends = ends
        self.firsts = firsts  # paragraph i has the sentences firsts[i] to firsts[i + 1]
        self.sentences = sentences
        self._lo = lo
        self._hi = len(starts) if hi is None else hi
        # The paragraph made last, shared by the views: the rules asking about one claim
        # ask about its paragraph in a row.
        self._recent: list[Paragraph | None] = [None] if recent is None else recent

    def __len__(self) -> int:
        return self._hi - self._lo

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...

    @overload
    def __getitem__(self, index: slice) -> Paragraphs: ...

    def __getitem__(self, index: int | slice) -> Paragraph | Paragraphs:
        if isinstance(index, slice):
            lo, hi, step = index.indices(len(self))
            if step != 1:
                raise ValueError("paragraphs are sliced with a step of 1")
            return Paragraphs(self.text, self.starts, self.ends, self.firsts, self.sentences,
                              self._lo + lo, self._lo + max(lo, hi), self._recent)
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("paragraph index out of range")
        return self.paragraph(self._lo + index)

    def __iter__(self) -> Iterator[Paragraph]:
        for i in range(self._lo, self._hi):
            yield self.paragraph(i)

    def __reversed__(self) -> Iterator[Paragraph]:
        for i in range(self._hi - 1, self._lo - 1, -1):
            yield self.paragraph(i)

    def __repr__(self) -> str:
        return f"Paragraphs({self._lo}:{self._hi} of {len(self.starts)})"

    def paragraph(self, i: int) -> Paragraph:
        """Paragraph i of the text (not of the view)."""
        recent = self._recent[0]
        if recent is not None and recent.index == i:
            return recent
        made = Paragraph(i, self.starts[i], self.ends[i], self.text, self.sentences,
                         self.firsts[i], self.firsts[i + 1])
        self._recent[0] = made
        return made

    def spans(self) -> Sequence[tuple[int, int]]:
        """The (start, end) of each paragraph of the view."""
        return _Spans(self.starts, self.ends, self._lo, self._hi)


class _Spans(Sequence[tuple[int, int]]):
    """(start, end) pairs made when read."""

    def __init__(self, starts: array[int], ends: array[int], lo: int, hi: int) -> None:
        self._starts, self._ends, self._lo, self._hi = starts, ends, lo, hi

    def __len__(self) -> int:
        return self._hi - self._lo

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[int, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | Sequence[tuple[int, int]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("span index out of range")
        return self._starts[self._lo + index], self._ends[self._lo + index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        starts, ends = self._starts, self._ends
        for i in range(self._lo, self._hi):
            yield starts[i], ends[i]


__all__ = ["Paragraph", "Paragraphs"]
