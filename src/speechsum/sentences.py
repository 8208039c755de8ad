"""Split text into sentences with offsets; a sentence never crosses a newline."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from razdel import sentenize

from speechsum.model import Language, Sentence

# razdel glues an unsplit run by string concatenation, which is quadratic in its length:
# a million dots take 40 s. Longer lines are cut at a sentence start razdel itself finds.
LONG_LINE = 4000
# razdel decides a boundary from 10 characters either side and a 20-character buffer.
CONTEXT = 32

# razdel knows Russian abbreviations; these are the English and Kazakh ones it splits after.
# Titles come before a name, so a break after one is never a sentence end ("the hon. Member").
TITLES = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Sen Sens Rep Reps Gov Govs Pres Lt Gen Gens Col Capt Cmdr Cdr Sgt
    Cpl Pvt Maj Brig Adm Rev Hon Rt Fr Supt Det Insp Atty Amb Messrs hon
    """.split()
)
# "Jan. 5", "No. 3", "Vol. 2"
BEFORE_NUMBER = frozenset(
    """
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol Vols Art Sec Fig Figs Ch pp
    """.split()
)
# "St. Mary's" but not "Main St. The"
BEFORE_NAME = frozenset("St Mt Ft".split())
# "2023 ж. 5 қаңтарда" (ж. = жыл, year; ғ. = ғасыр, century)
KAZAKH_BEFORE_NUMBER = frozenset("ж жж ғ ғғ".split())

LAST_WORD = re.compile(r"(?:(\S+)\s+)?([^\W\d_]+)\.$")
# razdel always joins after "No." (to it, Latin for "номер"); in English it is mostly an
# answer: "Did they agree? No.| We did not."
ANSWER = re.compile(r"\bNo\.(?=\s+[A-Z])")
GLUED = re.compile(r"(?<=[^\W\d_]{2})[.!?…]+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі])")
# A line's words from the first to the last that is not whitespace (a line of only
# whitespace has none): `\s` is what str.strip() strips.
LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)
# Where razdel may end a sentence: its own pattern of delimiters and smileys.
DELIMITER = sentenize.split.re
SPACE = re.compile(r"\s")


class Sentences(Sequence[Sentence]):
    """The sentences of a text as three arrays of numbers, each `Sentence` made when it is
    read: a million one-line paragraphs cost 24 bytes a sentence, not three objects. The
    splitter also keeps where the lines its paragraph numbers count are (`lines`)."""

    __slots__ = ("text", "starts", "ends", "paragraphs", "lines", "_recent")

    def __init__(self, text: str, starts: array[int], ends: array[int],
                 paragraphs: array[int], lines: tuple[array[int], array[int]] | None = None,
                 ) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.paragraphs = paragraphs
        self.lines = lines  # the starts and ends of the non-empty lines, stripped
        self._recent: Sentence | None = None  # the one made last: rules ask in a row

    @classmethod
    def of(cls, text: str, sentences: Iterable[Sentence]) -> Sentences:
        """The sentences kept as offsets into `text`, a text of the same length as theirs
        (the same value when they already are)."""
        if isinstance(sentences, Sentences):
            if sentences.text is text:
                return sentences
            if len(sentences.text) == len(text):
                return cls(text, sentences.starts, sentences.ends, sentences.paragraphs)
        found = cls(text, array("q"), array("q"), array("q"))
        for s in sentences:
            found.add(s.start, s.end, s.paragraph)
        return found

    def add(self, start: int, end: int, paragraph: int) -> None:
        """One more sentence, at the end (while the splitter builds the value)."""
        self.starts.append(start)
        self.ends.append(end)
        self.paragraphs.append(paragraph)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Sentence, ...]: ...

    def __getitem__(self, index: int | slice) -> Sentence | tuple[Sentence, ...]:
        if isinstance(index, slice):
            return tuple(self._sentence(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("sentence index out of range")
        return self._sentence(index)

    def between(self, first: int, stop: int) -> tuple[Sentence, ...]:
        """Sentences first to stop - 1 (a paragraph's)."""
        text, starts, ends, paragraphs = self.text, self.starts, self.ends, self.paragraphs
        return tuple([Sentence(starts[i], ends[i], text[starts[i] : ends[i]], paragraphs[i])
                      for i in range(first, stop)])

    def __iter__(self) -> Iterator[Sentence]:
        text, paragraphs = self.text, self.paragraphs
        for i, (start, end) in enumerate(zip(self.starts, self.ends, strict=True)):
            yield Sentence(start, end, text[start:end], paragraphs[i])

    def __repr__(self) -> str:
        return f"Sentences({len(self)} of a text of {len(self.text)} characters)"

    def _sentence(self, i: int) -> Sentence:
        start, end = self.starts[i], self.ends[i]
        recent = self._recent
        if recent is not None and recent.start == start and recent.end == end:
            return recent
        made = self._recent = Sentence(start, end, self.text[start:end], self.paragraphs[i])
        return made


def split_sentences(text: str, language: Language) -> Sentences:
    """Sentences of every non-empty line, with offsets into `text`.

    >>> [s.text for s in split_sentences("Sen. J. Smith spoke. He left.\\n\\nOk.", Language.EN)]
    ['Sen. J. Smith spoke.', 'He left.', 'Ok.']
    """
    joins = JOINS.get(language)
    line_starts, line_ends = array("q"), array("q")
    sentences = Sentences(text, array("q"), array("q"), array("q"), (line_starts, line_ends))
    for paragraph, (start, end) in enumerate(split_paragraphs(text)):
        line_starts.append(start)
        line_ends.append(end)
        line = text[start:end]
        if is_one_sentence(line):
            sentences.add(start, end, paragraph)
            continue
        bounds = split_glued(line, split_line(line))
        if language is Language.EN:
            bounds = split_answers(line, bounds)
        if joins is not None:
            bounds = join_abbreviations(line, bounds, joins)
        for s, e in bounds:
            sentences.add(start + s, start + e, paragraph)
    return sentences


def is_one_sentence(line: str) -> bool:
    """A stripped line razdel leaves whole, decided without razdel (the common case of short
    lines): no mark where razdel may end a sentence ("— Мост откроем в мае"), or no space
    after the first ("Да.", "сказал: «да»."), as razdel ends none before a word without a
    space; nor a full stop that lost its space ("Тоқаев.Осы"), which split_glued splits.

    >>> is_one_sentence("— Да."), is_one_sentence("Да. Нет."), is_one_sentence("Да.Нет")
    (True, False, False)
    """
    if len(line) > LONG_LINE:
        return False
    first = DELIMITER.search(line)
    return first is None or SPACE.search(line, first.start()) is None and (
        GLUED.search(line) is None)


def split_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the lines that have something besides whitespace, stripped.

    >>> list(split_paragraphs(" Да. \\n\\n\\t\\nНет"))
    [(1, 4), (8, 11)]
    """
    for m in LINE.finditer(text):
        yield m.span(1)


def split_line(line: str) -> list[tuple[int, int]]:
    """razdel's sentences of one line, long lines taken a piece at a time."""
    bounds = []
    for offset, piece in cut_long_line(line):
        whole = piece.strip()
        if whole and is_one_sentence(whole):  # "....": razdel leaves the piece whole
            lead = offset + len(piece) - len(piece.lstrip())
            bounds.append((lead, lead + len(whole)))
            continue
        for sub in sentenize(piece):
            if sub.stop > sub.start:
                bounds.append((offset + sub.start, offset + sub.stop))
    return bounds


def cut_long_line(line: str) -> Iterator[tuple[int, str]]:
    """Pieces of at most LONG_LINE characters, cut where razdel would split anyway."""
    start = 0
    while len(line) - start > LONG_LINE:
        low = start + LONG_LINE * 7 // 8
        high = start + LONG_LINE
        cut = find_sentence_start(line, low, high)
        if cut is None:
            space = line.rfind(" ", low, high)
            cut = space + 1 if space >= 0 else high
        yield start, line[start:cut]
        start = cut
    yield start, line[start:]


def find_sentence_start(line: str, low: int, high: int) -> int | None:
    """The last sentence start in [low, high] that razdel finds in the whole line too.

    razdel decides each boundary from a few characters around it, so a boundary seen in a
    window with CONTEXT characters of margin is a boundary of the whole line.
    """
    origin = max(0, low - CONTEXT)
    found = None
    previous_stop = None
    for sub in sentenize(line[origin : high + CONTEXT]):
        # The first sentence starts where the window does, not at a boundary.
        if previous_stop is not None and previous_stop >= CONTEXT and low <= origin + sub.start:
            if origin + sub.start > high:
                break
            found = origin + sub.start
        previous_stop = sub.stop
    return found


def split_glued(line: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split razdel's sentences where a full stop lost its space: "сказал Тоқаев.Осы ретте"
    (a word of two letters or more before it, a capitalised word after; not "Д.Медведев"
    nor "Tengrinews.kz")."""
    split: list[tuple[int, int]] = []
    for start, end in bounds:
        for match in GLUED.finditer(line, start, end):
            split.append((start, match.end()))
            start = match.end()
        split.append((start, end))
    return split


def split_answers(line: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split razdel's sentences after an English "No." that answers: "No.| We did not"."""
    split: list[tuple[int, int]] = []
    for start, end in bounds:
        for match in ANSWER.finditer(line, start, end):
            split.append((start, match.end()))
            start = match.end()
            while line[start].isspace():
                start += 1
        split.append((start, end))
    return split


Join = Callable[[str | None, str, str], bool]


def join_english(before: str | None, word: str, right: str) -> bool:
    """True when an English sentence ends on an abbreviation rather than a full stop."""
    if word in TITLES:
        return True
    if word in BEFORE_NUMBER:
        return right[:1].isdigit()
    if word in BEFORE_NAME:
        return right[:1].isupper() and not (before is not None and before[:1].isupper())
    return False


def join_kazakh(before: str | None, word: str, right: str) -> bool:
    """True when a Kazakh sentence ends on a year or century abbreviation before a number."""
    return word in KAZAKH_BEFORE_NUMBER and right[:1].isdigit()


JOINS: dict[Language, Join] = {Language.EN: join_english, Language.KK: join_kazakh}


def join_abbreviations(
    line: str, bounds: list[tuple[int, int]], join: Join
) -> list[tuple[int, int]]:
    """Glue sentences razdel split after an abbreviation: "Sen.| John Smith said"."""
    joined: list[tuple[int, int]] = []
    for start, end in bounds:
        if joined:
            left_start, left_end = joined[-1]
            # Looking at a bounded tail keeps this linear on a line of dots.
            tail = line[max(left_start, left_end - 40) : left_end]
            match = LAST_WORD.search(tail)
            if match and join(match.group(1), match.group(2), line[start : start + 1]):
                joined[-1] = (left_start, end)
                continue
        joined.append((start, end))
    return joined
