"""One analysed document, built once per input: paragraphs, words, quotes and name mentions.

Every sieve reads this value and none re-tokenises (razdel's `SentSplit` and yargy's
`MorphToken` carry their features the same way). What is costly is computed lazily, once per
paragraph, and kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from speechsum.model import Language, Sentence, Span
from speechsum.sentences import split_paragraphs
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import CONVENTIONS, Conventions
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.marks import WORDS, find_quotes, opens_with_dash

T = TypeVar("T")


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the text and the sentences inside it."""

    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]

    @property
    def opens_with_dash(self) -> bool:
        return opens_with_dash(self.text)


@dataclass(frozen=True, eq=False)
class Doc:
    """The text with everything the sieves read, each computed once."""

    text: str
    language: Language
    lang: Conventions
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Paragraph, ...]
    # Per-paragraph caches of name mentions and quotations, filled on first use.
    _mention_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _words: dict[int, tuple[Span, ...]] = field(default_factory=dict, repr=False)
    _word_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _quotes: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict, repr=False)
    _verbs: dict[tuple[int, int], tuple[Verb, ...]] = field(default_factory=dict, repr=False)
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A document-wide analysis computed once (the transcript labels, say) and kept."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def words(self, p: Paragraph) -> tuple[Span, ...]:
        """The words of a paragraph with their offsets, found once."""
        found = self._words.get(p.index)
        if found is None:
            found = self._words[p.index] = tuple(Span(m.start(), m.end(), m.group())
                                                 for m in WORDS.finditer(self.text, p.start, p.end))
        return found

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def words_in(self, start: int, end: int) -> list[Span]:
        """The words that lie inside text[start:end]."""
        found = []
        for p in self.paragraphs_over(start, end):
            words = self.words(p)
            starts = self._word_starts.get(p.index)
            if starts is None:
                starts = self._word_starts[p.index] = [w.start for w in words]
            i = bisect.bisect_left(starts, start)
            while i < len(words) and words[i].end <= end:
                found.append(words[i])
                i += 1
        return found

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph that holds position `pos`, if any."""
        i = bisect.bisect_right(self._paragraph_starts, pos) - 1
        if i >= 0 and pos < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def paragraphs_over(self, start: int, end: int) -> Sequence[Paragraph]:
        """The paragraphs that overlap text[start:end]."""
        i = max(0, bisect.bisect_right(self._paragraph_starts, start) - 1)
        j = bisect.bisect_left(self._paragraph_starts, end, lo=i)
        return [p for p in self.paragraphs[i:j] if p.end > start]

    def mentions(self, p: Paragraph) -> tuple[Mention, ...]:
        """The names in a paragraph, found once for the whole text: the language settles
        one-word names by what the rest of the text says of them."""
        return self._settled[p.index]

    @cached_property
    def _settled(self) -> list[tuple[Mention, ...]]:
        found = [tuple(self.lang.find_mentions(self.text, p.start, p.end))
                 for p in self.paragraphs]
        return self.lang.settle_mentions(self.text, [(p.start, p.end) for p in self.paragraphs],
                                         found)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The names that lie inside text[start:end]."""
        found = []
        for p in self.paragraphs_over(start, end):
            mentions, starts = self._indexed_mentions(p)
            i = bisect.bisect_left(starts, start)
            while i < len(mentions) and mentions[i].start < end:
                if mentions[i].end <= end:
                    found.append(mentions[i])
                i += 1
        return found

    def _indexed_mentions(self, p: Paragraph) -> tuple[tuple[Mention, ...], list[int]]:
        mentions = self.mentions(p)
        starts = self._mention_starts.get(p.index)
        if starts is None:
            starts = self._mention_starts[p.index] = [m.start for m in mentions]
        return mentions, starts

    def mentions_of(self, start: int, end: int) -> list[Mention]:
        """The names in text[start:end] read as a unit of its own, as a transcript label is
        ("АБДРАХМАНОВА С. К." before "Подрядчик ...")."""
        return self.lang.find_mentions(self.text, start, end)

    def quotes(self, p: Paragraph) -> tuple[tuple[int, int], ...]:
        """The top-level quotations of a paragraph, marks included, found once."""
        found = self._quotes.get(p.index)
        if found is None:
            found = self._quotes[p.index] = tuple(find_quotes(self.text, p.start, p.end))
        return found

    def quote_at(self, p: Paragraph, pos: int) -> tuple[int, int] | None:
        """The quotation of paragraph p that holds position `pos`, marks included, if any."""
        quotes = self.quotes(p)
        i = bisect.bisect_right(quotes, (pos, len(self.text) + 1)) - 1
        return quotes[i] if i >= 0 and quotes[i][0] <= pos < quotes[i][1] else None

    def speech_verbs(self, start: int, end: int) -> tuple[Verb, ...]:
        """The language's speech verbs in text[start:end], found once per stretch."""
        found = self._verbs.get((start, end))
        if found is None:
            found = self._verbs[(start, end)] = tuple(self.lang.speech_verbs(
                self.text, start, end))
        return found

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence that holds or follows position `pos`."""
        return bisect.bisect_right(self._sentence_ends, pos)

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [s.end for s in self.sentences]


def read_document(text: str, sentences: Sequence[Sentence], language: Language) -> Doc:
    """Paragraphs from the lines the sentence splitter numbered, each with its sentences."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    paragraphs = tuple(
        Paragraph(i, start, end, text[start:end], tuple(by_paragraph.get(i, ())))
        for i, (start, end) in enumerate(split_paragraphs(text)))
    return Doc(text, language, CONVENTIONS[language], tuple(sentences), paragraphs)
