"""Split text into sentences with offsets; a sentence never crosses a newline."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

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


def split_sentences(text: str, language: Language) -> tuple[Sentence, ...]:
    """Sentences of every non-empty line, with offsets into `text`.

    >>> [s.text for s in split_sentences("Sen. J. Smith spoke. He left.\\n\\nOk.", Language.EN)]
    ['Sen. J. Smith spoke.', 'He left.', 'Ok.']
    """
    joins = JOINS.get(language)
    sentences = []
    for paragraph, (start, end) in enumerate(split_paragraphs(text)):
        line = text[start:end]
        bounds = split_glued(line, split_line(line))
        if language is Language.EN:
            bounds = split_answers(line, bounds)
        if joins is not None:
            bounds = join_abbreviations(line, bounds, joins)
        for s, e in bounds:
            sentences.append(Sentence(start + s, start + e, line[s:e], paragraph))
    return tuple(sentences)


def split_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the lines that have something besides whitespace, stripped."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        stripped = line.strip()
        if stripped:
            left = start + len(line) - len(line.lstrip())
            yield left, left + len(stripped)
        start = end + 1


def split_line(line: str) -> list[tuple[int, int]]:
    """razdel's sentences of one line, long lines taken a piece at a time."""
    bounds = []
    for offset, piece in cut_long_line(line):
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
