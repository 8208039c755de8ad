"""One analysed document, built once per input: paragraphs, words, quotes and name mentions.

Every sieve reads this value and none re-tokenises (razdel's `SentSplit` and yargy's
`MorphToken` carry their features the same way). What is costly is computed lazily, once per
paragraph, and kept. The document keeps its paragraphs and sentences as arrays of offsets and
makes a `Paragraph` or a `Sentence` when a sieve reads one (paragraphs.py), and it keeps what
a paragraph has, not what it lacks: a million one-word lines cost a few numbers each.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar, cast

from speechsum.model import Language, Sentence, Span
from speechsum.sentences import Sentences, split_paragraphs
from speechsum.speakers.claims import Mention
from speechsum.speakers.lang import CONVENTIONS, Conventions
from speechsum.speakers.lang.base import Verb
from speechsum.speakers.marks import QUOTE_MARKS, WORDS, find_quotes, opens_with_dash
from speechsum.speakers.paragraphs import Paragraph, Paragraphs

T = TypeVar("T")

# Between two characters of one word as WORDS reads words: "сло|во", "пресс-|центр".
INSIDE_WORD = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_]|[-'’][^\W\d_])|(?<=[^\W\d_][-'’])(?=[^\W\d_])")
# A word cut by the edge of a stretch is looked at whole up to this length, else taken to
# be a speech verb (so read in full).
WORD_REACH = 64
# A paragraph this long keeps where its words are; a shorter one finds them again.
WORDS_KEPT = 64


@dataclass(frozen=True, eq=False)
class Doc:
    """The text with everything the sieves read, each computed once."""

    text: str
    language: Language
    lang: Conventions
    sentences: Sentences
    paragraphs: Paragraphs
    # Per-paragraph caches of name mentions, words and quotations, filled on first use
    # (quotations only of the paragraphs that have a quotation mark).
    _mention_starts: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _words: dict[int, tuple[array[int], array[int]]] = field(default_factory=dict, repr=False)
    _quotes: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict, repr=False)
    _verbs: dict[tuple[int, int], tuple[Verb, ...]] = field(default_factory=dict, repr=False)
    _verbs_by_start: dict[tuple[int, int], dict[int, Verb]] = field(default_factory=dict,
                                                                    repr=False)
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _last: dict[Hashable, tuple[Hashable, Any]] = field(default_factory=dict, repr=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A document-wide analysis computed once (the transcript labels, say) and kept."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def memo_last(self, key: Hashable, args: Hashable, compute: Callable[[], T]) -> T:
        """An analysis kept for the last `args` it was asked about under `key`: the rules
        that name a claim's speaker ask about the same claim in a row, once a cue."""
        kept = self._last.get(key)
        if kept is None or kept[0] != args:
            kept = self._last[key] = (args, compute())
        return cast(T, kept[1])

    def _word_offsets(self, i: int) -> tuple[array[int], array[int]]:
        """Where the words of paragraph i start and end: kept for a paragraph of WORDS_KEPT
        characters or more, found again in a shorter one (cheaper than keeping it) unless
        asked again in a row."""
        found = self._words.get(i)
        if found is not None:
            return found
        start, end = self.paragraphs.starts[i], self.paragraphs.ends[i]
        if end - start < WORDS_KEPT:
            return self.memo_last("word offsets", i, lambda: self._find_words(start, end))
        found = self._words[i] = self._find_words(start, end)
        return found

    def _find_words(self, start: int, end: int) -> tuple[array[int], array[int]]:
        starts, ends = array("q"), array("q")
        for m in WORDS.finditer(self.text, start, end):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends

    def words_in(self, start: int, end: int, limit: int | None = None) -> list[Span]:
        """The words that lie inside text[start:end] (the first `limit` of them)."""
        text = self.text
        found: list[Span] = []
        for k in self._paragraphs_over(start, end):
            starts, ends = self._word_offsets(k)
            i = bisect.bisect_left(starts, start)
            while i < len(starts) and ends[i] <= end:
                if len(found) == limit:
                    return found
                found.append(Span(starts[i], ends[i], text[starts[i] : ends[i]]))
                i += 1
        return found

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph that holds position `pos`, if any."""
        i = bisect.bisect_right(self.paragraphs.starts, pos) - 1
        if i >= 0 and pos < self.paragraphs.ends[i]:
            return self.paragraphs.paragraph(i)
        return None

    def paragraphs_over(self, start: int, end: int) -> Sequence[Paragraph]:
        """The paragraphs that overlap text[start:end]."""
        return [self.paragraphs.paragraph(k) for k in self._paragraphs_over(start, end)]

    def _paragraphs_over(self, start: int, end: int) -> range:
        starts, ends = self.paragraphs.starts, self.paragraphs.ends
        i = max(0, bisect.bisect_right(starts, start) - 1)
        j = bisect.bisect_left(starts, end, lo=i)
        if i < j and ends[i] <= start:
            i += 1  # the one before, ended before `start` (the others start after it)
        return range(i, j)

    @cached_property
    def dash_paragraphs(self) -> array[int]:
        """The indexes of the paragraphs opened by a dash, in order."""
        text = self.text
        return array("q", (i for i, start in enumerate(self.paragraphs.starts)
                           if opens_with_dash(text[start : start + 2])))

    def paragraphs_with(self, marks: str, inside: bool = False) -> array[int]:
        """The indexes of the paragraphs that hold any of these characters (`inside`: after
        their first one), in order, found once in one pass over the text: a finder that looks
        for a colon or a quotation mark reads no paragraph without one."""
        return self.memo(("paragraphs with", marks, inside),
                         lambda: self._paragraphs_with(marks, inside))

    def _paragraphs_with(self, marks: str, inside: bool) -> array[int]:
        pattern = re.compile(f"[{re.escape(marks)}]")
        starts, ends = self.paragraphs.starts, self.paragraphs.ends
        found = array("q")
        m = pattern.search(self.text)
        while m is not None:
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < ends[k] and not (inside and m.start() == starts[k]):
                found.append(k)
                m = pattern.search(self.text, ends[k])  # on to the next paragraph
            else:
                m = pattern.search(self.text, m.end())
        return found

    @property
    def all_mentions(self) -> Sequence[tuple[Mention, ...]]:
        """The names of every paragraph, by its index."""
        return self._settled

    def mentions(self, p: Paragraph) -> tuple[Mention, ...]:
        """The names in a paragraph, found once for the whole text: the language settles
        one-word names by what the rest of the text says of them."""
        return self._settled[p.index]

    @cached_property
    def _settled(self) -> list[tuple[Mention, ...]]:
        spans = self.paragraphs.spans()
        found = [tuple(self.lang.find_mentions(self.text, start, end)) for start, end in spans]
        return self.lang.settle_mentions(self.text, spans, found)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The names that lie inside text[start:end]."""
        found: list[Mention] = []
        for k in self._paragraphs_over(start, end):
            mentions, starts = self._indexed_mentions(k)
            i = bisect.bisect_left(starts, start)
            while i < len(mentions) and mentions[i].start < end:
                if mentions[i].end <= end:
                    found.append(mentions[i])
                i += 1
        return found

    def _indexed_mentions(self, k: int) -> tuple[tuple[Mention, ...], list[int]]:
        mentions = self._settled[k]
        if not mentions:
            return mentions, []
        starts = self._mention_starts.get(k)
        if starts is None:
            starts = self._mention_starts[k] = [m.start for m in mentions]
        return mentions, starts

    def mentions_of(self, start: int, end: int) -> list[Mention]:
        """The names in text[start:end] read as a unit of its own, as a transcript label is
        ("АБДРАХМАНОВА С. К." before "Подрядчик ...")."""
        return self.lang.find_mentions(self.text, start, end)

    def quotes(self, p: Paragraph) -> tuple[tuple[int, int], ...]:
        """The top-level quotations of a paragraph, marks included, found once."""
        if not self._quoted[p.index]:
            return ()
        found = self._quotes.get(p.index)
        if found is None:
            found = self._quotes[p.index] = tuple(find_quotes(self.text, p.start, p.end))
        return found

    @cached_property
    def _quoted(self) -> bytearray:
        """For each paragraph, 1 when it holds a quotation mark: no other has a quotation."""
        flags = bytearray(len(self.paragraphs))
        for i in self.paragraphs_with(QUOTE_MARKS):
            flags[i] = 1
        return flags

    def quote_at(self, p: Paragraph, pos: int) -> tuple[int, int] | None:
        """The quotation of paragraph p that holds position `pos`, marks included, if any."""
        quotes = self.quotes(p)
        i = bisect.bisect_right(quotes, (pos, len(self.text) + 1)) - 1
        return quotes[i] if i >= 0 and quotes[i][0] <= pos < quotes[i][1] else None

    def speech_verbs(self, start: int, end: int) -> tuple[Verb, ...]:
        """The language's speech verbs in text[start:end], found once per stretch; a stretch
        without a word that may report speech (see `_reporting`) has none, unread."""
        found = self._verbs.get((start, end))
        if found is None:
            if not self.may_hold_speech_verb(start, end):
                return ()
            found = self._verbs[(start, end)] = tuple(self.lang.speech_verbs(
                self.text, start, end))
        return found

    def speech_verb_at(self, start: int, end: int, pos: int) -> Verb | None:
        """The first of the speech verbs of text[start:end] that starts at `pos`, if any
        (looked up, not searched for: a sentence of a hundred verbs asks for each)."""
        verbs = self.speech_verbs(start, end)
        if len(verbs) < 8:
            return next((v for v in verbs if v.start == pos), None)
        by_start = self._verbs_by_start.get((start, end))
        if by_start is None:
            by_start = self._verbs_by_start[(start, end)] = {}
            for v in verbs:
                by_start.setdefault(v.start, v)
        return by_start.get(pos)

    def may_hold_speech_verb(self, start: int, end: int) -> bool:
        """Whether a word of text[start:end], as the stretch cuts its words, may be a speech
        verb (True when the language cannot tell): a bisection, not a reading."""
        reporting = self._reporting
        if reporting is None:
            return True
        starts, ends = reporting
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and ends[i] <= end:
            return True  # a whole word inside
        text = self.text
        if INSIDE_WORD.match(text, start):
            first = WORDS.search(text, start, end)
            if first is not None and self._reports(first.group()):
                return True
        if INSIDE_WORD.match(text, end):
            pos = end - 1  # back to where the cut word starts, or the stretch does
            while pos > start and INSIDE_WORD.match(text, pos):
                pos -= 1
                if end - pos > WORD_REACH:
                    return True
            last = WORDS.search(text, pos, end)
            if last is not None and self._reports(last.group()):
                return True
        return False

    def _reports(self, word: str) -> bool:
        return self.lang.reporting_word(word.lower()) is not False

    @cached_property
    def _reporting(self) -> tuple[array[int], array[int]] | None:
        """Where the words are that the language's speech verbs may be found at, as arrays of
        starts and ends, found in one pass over the text; None when the language cannot tell
        (asked of no word, it says None), and then every stretch is read."""
        if self.lang.reporting_word("") is None:
            return None
        starts, ends = array("q"), array("q")
        seen: dict[str, bool] = {}
        for m in WORDS.finditer(self.text):
            word = m.group()
            reports = seen.get(word)
            if reports is None:
                reports = seen[word] = bool(self.lang.reporting_word(word.lower()))
            if reports:
                starts.append(m.start())
                ends.append(m.end())
        return starts, ends

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence that holds or follows position `pos`."""
        return bisect.bisect_right(self.sentences.ends, pos)


def read_document(text: str, sentences: Sequence[Sentence], language: Language) -> Doc:
    """Paragraphs from the lines the sentence splitter numbered, each with its sentences."""
    kept = Sentences.of(text, sentences)
    numbers = kept.paragraphs
    if any(a > b for a, b in itertools.pairwise(numbers)):  # out of order: put them in order
        order = sorted(range(len(kept)), key=numbers.__getitem__)
        kept = Sentences.of(text, [kept[i] for i in order])
        numbers = kept.paragraphs
    if kept.lines is not None and kept.text is text:
        starts, ends = kept.lines  # the splitter's lines are the paragraphs
    else:
        starts, ends = array("q"), array("q")
        for start, end in split_paragraphs(text):
            starts.append(start)
            ends.append(end)
    firsts = array("q", (bisect.bisect_left(numbers, i) for i in range(len(starts) + 1)))
    return Doc(text, language, CONVENTIONS[language], kept,
               Paragraphs(text, starts, ends, firsts, kept))


__all__ = ["Doc", "Paragraph", "Paragraphs", "read_document"]
